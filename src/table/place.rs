//! Where a cell or row is in the file it came from, as a reader of that file would name it:
//! sheet and A1 cell for a workbook, table, row and column for a Word document, line and column
//! for a CSV file.

use std::fmt;

use serde::Serialize;

/// The place of a cell (with a column) or of a whole row (without one). Rows and columns are
/// 1-based, as Excel, Word and text editors count them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Place {
    /// A worksheet of an .xlsx workbook.
    Sheet {
        /// Sheet name as shown on its tab.
        sheet: String,
        /// Row number (1-based).
        row: u32,
        /// Column number (1-based; A = 1), absent for a whole row.
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
        /// The A1 reference ("B3"), absent for a whole row.
        #[serde(skip_serializing_if = "Option::is_none")]
        cell: Option<String>,
    },
    /// A table of a .docx document.
    DocxTable {
        /// Table number in the document (1-based, in reading order; nested tables are part of
        /// the cell that holds them).
        table: u32,
        /// Row number in the table (1-based).
        row: u32,
        /// Column number on the table's grid (1-based), absent for a whole row. A cell spanning
        /// several grid columns is at its first one.
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
    },
    /// A line of a CSV file.
    Line {
        /// Line number in the file (1-based); a record whose quoted field holds line breaks is at
        /// the line where it starts.
        line: u32,
        /// Field number in the record (1-based), absent for a whole record.
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
    },
}

impl Place {
    /// A cell of a worksheet, from 0-based coordinates.
    pub fn sheet_cell(sheet: &str, row0: u32, col0: u32) -> Place {
        Place::Sheet {
            sheet: sheet.to_string(),
            row: row0.saturating_add(1),
            column: Some(col0.saturating_add(1)),
            cell: Some(a1(row0, col0)),
        }
    }

    /// A row of a worksheet, from a 0-based row.
    pub fn sheet_row(sheet: &str, row0: u32) -> Place {
        Place::Sheet {
            sheet: sheet.to_string(),
            row: row0.saturating_add(1),
            column: None,
            cell: None,
        }
    }

    /// The same place without its column: the row it is on.
    pub fn row_place(&self) -> Place {
        match self {
            Place::Sheet { sheet, row, .. } => Place::Sheet {
                sheet: sheet.clone(),
                row: *row,
                column: None,
                cell: None,
            },
            Place::DocxTable { table, row, .. } => Place::DocxTable {
                table: *table,
                row: *row,
                column: None,
            },
            Place::Line { line, .. } => Place::Line {
                line: *line,
                column: None,
            },
        }
    }
}

/// Excel's column letters for a 0-based column: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col0: u32) -> String {
    let mut n = u64::from(col0) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The A1 reference of a 0-based cell: (2, 1) → "B3".
pub fn a1(row0: u32, col0: u32) -> String {
    format!("{}{}", column_letters(col0), u64::from(row0) + 1)
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Sheet {
                sheet,
                row,
                cell: Some(cell),
                ..
            } => write!(f, "工作表“{sheet}”单元格 {cell}（第 {row} 行）"),
            Place::Sheet { sheet, row, .. } => write!(f, "工作表“{sheet}”第 {row} 行"),
            Place::DocxTable {
                table,
                row,
                column: Some(c),
            } => write!(f, "第 {table} 个表格第 {row} 行第 {c} 列"),
            Place::DocxTable { table, row, .. } => write!(f, "第 {table} 个表格第 {row} 行"),
            Place::Line {
                line,
                column: Some(c),
            } => write!(f, "第 {line} 行第 {c} 列"),
            Place::Line { line, .. } => write!(f, "第 {line} 行"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(2, 1), "B3");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16383), "XFD");
        assert_eq!(column_letters(u32::MAX).len(), 7);
    }

    #[test]
    fn places_read_as_a_person_names_them() {
        assert_eq!(
            Place::sheet_cell("阶次", 2, 1).to_string(),
            "工作表“阶次”单元格 B3（第 3 行）"
        );
        assert_eq!(
            Place::sheet_row("阶次", 9).to_string(),
            "工作表“阶次”第 10 行"
        );
        let d = Place::DocxTable {
            table: 2,
            row: 3,
            column: Some(4),
        };
        assert_eq!(d.to_string(), "第 2 个表格第 3 行第 4 列");
        assert_eq!(d.row_place().to_string(), "第 2 个表格第 3 行");
        let l = Place::Line {
            line: 12,
            column: Some(3),
        };
        assert_eq!(l.to_string(), "第 12 行第 3 列");
        let json = serde_json::to_string(&Place::sheet_cell("S", 0, 0)).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"type":"sheet","sheet":"S","row":1,"column":1,"cell":"A1"}"#
        );
    }
}
