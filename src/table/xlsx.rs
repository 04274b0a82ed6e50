//! Excel workbooks (.xlsx, .xlsm) through `calamine`, cell by cell (its streaming reader, so a
//! stray cell at XFD1048576 costs one cell, not a dense sheet), with merged regions.
//!
//! Numbers: calamine gives a numeric cell as `f64`. Its text here is Rust's shortest decimal
//! that reads back as the same `f64`; for a number typed with up to 15 significant digits that
//! is the number as typed (1.3 → "1.3", 0.1 → "0.1", never "0.1000000000000000055…"), so an
//! exact decimal can be taken from the text without ever computing in binary. Amounts in
//! published tables are text ("处5万元以上10万元以下罚款") and are read from the text.

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};

use super::grid::{Grid, Merge, PlaceKind, RawCell};
use super::{CellKind, Document, Format, Limits, TableError, ooxml};

/// Reads every worksheet of a workbook (chart and macro sheets are skipped with a note).
pub fn read_xlsx(file: &str, bytes: &[u8], limits: &Limits) -> Result<Document, TableError> {
    let mut zip = ooxml::open(file, bytes)?;
    ooxml::check_sizes(file, &mut zip, limits)?;
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(TableError::MissingPart {
            file: file.to_string(),
            part: "xl/workbook.xml".into(),
            expected: "Excel 工作簿（.xlsx）".into(),
        });
    }
    drop(zip);
    let wb_err = |sheet: &str, e: calamine::XlsxError| TableError::Workbook {
        file: file.to_string(),
        sheet: sheet.to_string(),
        detail: e.to_string(),
    };
    let mut wb: Xlsx<Cursor<&[u8]>> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| wb_err("工作簿", e))?;
    let sheets = wb.sheets_metadata().to_vec();
    if sheets.len() > limits.max_tables {
        return Err(TableError::TooManyTables {
            file: file.to_string(),
            count: sheets.len(),
            limit: limits.max_tables,
        });
    }
    let mut tables = Vec::new();
    let mut notes = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let label = format!("工作表“{}”", sheet.name);
        if sheet.typ != SheetType::WorkSheet {
            notes.push(format!("{label}不是普通工作表（图表或宏表），已跳过"));
            continue;
        }
        let mut grid = Grid::new(
            file,
            limits,
            sheet.name.clone(),
            label.clone(),
            u32::try_from(i + 1).unwrap_or(u32::MAX),
            PlaceKind::Sheet(sheet.name.clone()),
        );
        grid.hidden = sheet.visible != SheetVisible::Visible;
        {
            let mut cells = wb
                .worksheet_cells_reader(&sheet.name)
                .map_err(|e| wb_err(&label, e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| wb_err(&label, e))? {
                let (row, col) = cell.get_position();
                let Some((text, kind)) = cell_text(cell.get_value()) else {
                    continue;
                };
                grid.insert(row, col, RawCell::new(text, kind))?;
            }
        }
        if let Some(merges) = wb.worksheet_merge_cells(&sheet.name) {
            for d in merges.map_err(|e| wb_err(&label, e))? {
                grid.merges.push(Merge {
                    top: d.start.0,
                    left: d.start.1,
                    bottom: d.end.0.max(d.start.0),
                    right: d.end.1.max(d.start.1),
                });
            }
        }
        if grid.hidden {
            notes.push(format!("{label}是隐藏的工作表"));
        }
        if let Some(t) = grid.finish()? {
            tables.push(t);
        }
    }
    if tables.is_empty() {
        return Err(TableError::NoContent {
            file: file.to_string(),
            what: "工作簿".into(),
        });
    }
    Ok(Document {
        file: file.to_string(),
        format: Format::Xlsx,
        encoding: None,
        tables,
        notes,
    })
}

/// A cell's text and kind; `None` for an empty cell.
fn cell_text(v: &DataRef<'_>) -> Option<(String, CellKind)> {
    Some(match v {
        DataRef::Empty => return None,
        DataRef::String(s) => (clean(s), CellKind::Text),
        DataRef::SharedString(s) => (clean(s), CellKind::Text),
        DataRef::Int(i) => (i.to_string(), CellKind::Number),
        DataRef::Float(f) => (float_text(*f), CellKind::Number),
        DataRef::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.into(), CellKind::Bool),
        // Excel's dates run from serial 0 to 2958465 (9999-12-31); calamine's conversion is only
        // asked about those.
        DataRef::DateTime(d) if d.is_datetime() && (0.0..2_958_466.0).contains(&d.as_f64()) => {
            let (y, mo, da, h, mi, s, _) = d.to_ymd_hms_milli();
            let text = if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{da:02}")
            } else {
                format!("{y:04}-{mo:02}-{da:02} {h:02}:{mi:02}:{s:02}")
            };
            (text, CellKind::Date)
        }
        DataRef::DateTime(d) => (float_text(d.as_f64()), CellKind::Number),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => (s.clone(), CellKind::Date),
        DataRef::Error(e) => (e.to_string(), CellKind::Error),
    })
}

/// Line breaks as "\n" (Excel stores "\r\n" or "_x000D_\n" for Alt+Enter in some writers).
fn clean(s: &str) -> String {
    s.replace("_x000D_\n", "\n")
        .replace("_x000D_", "\n")
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// The shortest decimal that reads back as `f` (Rust's `Display` for `f64`, which never writes
/// an exponent).
fn float_text(f: f64) -> String {
    if f.is_finite() {
        let s = format!("{f}");
        if s == "-0" { "0".into() } else { s }
    } else {
        "#NUM!".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn floats_read_as_typed() {
        assert_eq!(float_text(1.3), "1.3");
        assert_eq!(float_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_text(0.013), "0.013");
        assert_eq!(float_text(1e21), "1000000000000000000000");
        assert_eq!(float_text(5e-7), "0.0000005");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(float_text(200000.0), "200000");
        assert_eq!(float_text(f64::NAN), "#NUM!");
        assert_eq!(
            Decimal::from_str(&float_text(1.3)).ok(),
            Decimal::from_str("1.3").ok()
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(clean("a_x000D_\nb\r\nc\rd"), "a\nb\nc\nd");
    }
}
