//! Tables as bureaus publish them — Excel workbooks, Word documents, CSV exports — read into
//! one neutral model: a document holds tables (sheets), a table holds rows, a row holds cells,
//! and every cell knows its place in the file and its text.
//!
//! The 基准导入 (benchmark import) and the 案卷评查 batch review read files through here. The
//! readers never panic on input: a file they cannot read gets a [`TableError`] naming the file
//! and the place, in Chinese.
//!
//! What every reader does the same way ([`grid`]):
//! - a merged cell's text applies to every cell it covers (each covered cell says where the
//!   text came from, [`Cell::merged_from`]);
//! - empty rows are dropped; rows above the header that hold one text only (a title such as
//!   "北京市住房和城乡建设系统行政处罚裁量基准") are the table's [`Table::preamble`];
//! - the header is the first row with two or more different texts, together with the rows that
//!   its vertically merged cells reach into (a two-level header); a later copy of it (a header
//!   repeated on every printed page) is skipped and listed in [`Table::skipped`].
//!
//! Limits ([`Limits`]) refuse absurd input with a clear error rather than exhausting memory.

pub mod csv;
pub mod docx;
mod error;
mod grid;
mod ooxml;
mod place;
pub mod xlsx;

pub use error::TableError;
pub use place::{Place, a1, column_letters};

use serde::Serialize;

/// A file read as tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// File name as given by the caller.
    pub file: String,
    /// What kind of file it was.
    pub format: Format,
    /// For text files: the encoding that was used ("UTF-8", "GBK/GB18030" …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Sheets (in tab order) or tables (in reading order) that hold any text.
    pub tables: Vec<Table>,
    /// Things the reader noticed that a person should know (a chart sheet skipped, a text file
    /// named .xls …), in Chinese.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Kind of source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// An Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
    /// An Office Open XML document (.docx).
    Docx,
    /// Comma- or tab-separated text.
    Csv,
}

/// One sheet of a workbook or one table of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Sheet name, "表格 N" for a Word table, or the file name for CSV.
    pub name: String,
    /// 1-based number of the sheet (tab order, counting every sheet) or table (reading order).
    pub number: u32,
    /// Whether the sheet is hidden in the workbook.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Rows above the header with a single text each (titles, notes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Row>,
    /// The header row(s): one, or more when the header has vertically merged cells.
    pub header: Vec<Row>,
    /// The data rows, in order.
    pub rows: Vec<Row>,
    /// Rows that were not taken as data, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
    /// Number of columns (the widest row).
    pub width: u32,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Where the row is.
    pub place: Place,
    /// Its cells from the first column to the last non-empty one; empty cells in between are
    /// present with empty text.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell texts.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).collect()
    }
}

/// A cell and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Where the cell is.
    pub place: Place,
    /// Its text as displayed (for numbers: see [`CellKind::Number`]). Line breaks are "\n";
    /// paragraphs of a Word cell are joined with "\n".
    pub text: String,
    /// What kind of value the file stored.
    pub kind: CellKind,
    /// For a cell covered by a merged cell: the merged cell's own place, whose text this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<Place>,
}

/// What kind of value a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// Nothing.
    Empty,
    /// Text.
    Text,
    /// A number stored as a number (workbooks only). The text is the shortest decimal that
    /// reads back as the stored binary value — the number as typed for anything typed with up
    /// to 15 significant digits — and never an exponent; a value shown with a percent format
    /// reads as its value (1.3% → "0.013"). Published tables write amounts as text, so this
    /// matters mostly for 序号 columns.
    Number,
    /// TRUE / FALSE.
    Bool,
    /// A date or time, written "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS".
    Date,
    /// A formula error such as "#DIV/0!".
    Error,
}

/// A row that was not taken as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The row.
    pub place: Place,
    /// Why.
    pub reason: SkipReason,
}

/// Why a row was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// A copy of the header (repeated on each printed page).
    RepeatedHeader,
}

/// What the readers accept. Anything larger is refused with an error naming the limit; the
/// defaults are far above any published benchmark table (a few hundred rows of ten columns) and
/// above a year's case export (tens of thousands of rows), and low enough to stay within a
/// browser tab's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Size of the file: 64 MiB.
    pub max_file_bytes: u64,
    /// Unpacked size of the parts of an .xlsx / .docx (as the zip declares them, and as read
    /// for the parts this module unpacks itself): 256 MiB in all.
    pub max_unpacked_bytes: u64,
    /// Sheets or tables: 1,000.
    pub max_tables: usize,
    /// Non-empty rows of one sheet or table: 200,000 (Excel allows 1,048,576).
    pub max_rows: usize,
    /// Columns: 1,000 (Excel allows 16,384; published tables have about ten).
    pub max_columns: usize,
    /// Cells of one sheet or table, counting a merged cell once for each cell it covers (after
    /// clipping merges to the used area): 4,000,000.
    pub max_cells: usize,
    /// Characters in one cell: 32,767, Excel's own limit.
    pub max_cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_unpacked_bytes: 256 * 1024 * 1024,
            max_tables: 1_000,
            max_rows: 200_000,
            max_columns: 1_000,
            max_cells: 4_000_000,
            max_cell_chars: 32_767,
        }
    }
}

/// Reads a table file with the default [`Limits`]; see [`read_file_with`].
pub fn read_file(file: &str, bytes: &[u8]) -> Result<Document, TableError> {
    read_file_with(file, bytes, &Limits::default())
}

/// Reads a table file, deciding what it is from its content (the extension only tells text
/// files apart): an .xlsx workbook, a .docx document, or CSV / tab-separated text.
///
/// `file` is the name shown in errors and notes (a path or just the file name).
pub fn read_file_with(file: &str, bytes: &[u8], limits: &Limits) -> Result<Document, TableError> {
    let f = || file.to_string();
    if bytes.is_empty() {
        return Err(TableError::Empty { file: f() });
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(TableError::FileTooLarge {
            file: f(),
            bytes: bytes.len() as u64,
            limit: limits.max_file_bytes,
        });
    }
    let ext = extension(file);
    match sniff(bytes) {
        Sniffed::Zip => match ooxml::zip_kind(file, bytes)? {
            ooxml::ZipKind::Xlsx => xlsx::read_xlsx(file, bytes, limits),
            ooxml::ZipKind::Docx => docx::read_docx(file, bytes, limits),
        },
        Sniffed::Cfb => Err(ooxml::cfb_error(file, bytes)),
        Sniffed::Other(found) => Err(TableError::NotATable {
            file: f(),
            found: found.to_string(),
        }),
        Sniffed::Text => match ext.as_str() {
            "xlsx" | "xlsm" | "docx" | "doc" => Err(TableError::NotATable {
                file: f(),
                found: format!(
                    "扩展名是 .{ext}，但内容是纯文本，不是 {} 文件",
                    if ext.starts_with('x') {
                        "Excel"
                    } else {
                        "Word"
                    }
                ),
            }),
            _ => {
                let mut doc = csv::read_csv(file, bytes, limits)?;
                if !matches!(ext.as_str(), "csv" | "txt" | "tsv" | "") {
                    doc.notes.push(format!(
                        "扩展名是 .{ext}，但内容是纯文本表格，已按 CSV（逗号或制表符分隔）读取"
                    ));
                }
                Ok(doc)
            }
        },
    }
}

/// The lower-case extension of a file name ("" when there is none).
fn extension(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

enum Sniffed {
    Zip,
    Cfb,
    Text,
    Other(&'static str),
}

/// What the first bytes say the file is.
fn sniff(bytes: &[u8]) -> Sniffed {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::Cfb;
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "这是 PDF 文件"),
        (b"\x89PNG", "这是 PNG 图片"),
        (b"\xFF\xD8\xFF", "这是 JPEG 图片"),
        (b"GIF8", "这是 GIF 图片"),
        (b"Rar!", "这是 RAR 压缩包"),
        (b"7z\xBC\xAF", "这是 7z 压缩包"),
        (b"\x1F\x8B", "这是 gzip 压缩文件"),
        (b"{\\rtf", "这是 RTF 文档"),
        (b"PK", "这是损坏或不完整的 zip 文件"),
    ];
    for (m, what) in MAGIC {
        if starts(m) {
            return Sniffed::Other(what);
        }
    }
    let utf16 = starts(&[0xFF, 0xFE]) || starts(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(8192)];
    if !utf16 && head.contains(&0) {
        return Sniffed::Other("这是二进制文件，不是表格");
    }
    let lower: String = String::from_utf8_lossy(&head[..head.len().min(1024)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(400)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<table")
    {
        return Sniffed::Other("这是网页（HTML）文件，常见于系统导出的“.xls”");
    }
    if lower.starts_with("<?xml") && lower.contains("urn:schemas-microsoft-com:office:spreadsheet")
    {
        return Sniffed::Other("这是 Excel 2003 XML 表格");
    }
    if lower.starts_with("<?xml") {
        return Sniffed::Other("这是 XML 文件");
    }
    Sniffed::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b/基准.XLSX"), "xlsx");
        assert_eq!(extension("C:\\x\\y.csv"), "csv");
        assert_eq!(extension(".hidden"), "");
        assert_eq!(extension("noext"), "");
    }

    #[test]
    fn sniffing_names_what_a_file_is() {
        let e = read_file("x.pdf", b"%PDF-1.7 ...").unwrap_err();
        assert!(matches!(&e, TableError::NotATable { found, .. } if found.contains("PDF")));
        let e = read_file("x.xls", b"<html><table><tr><td>1</td></tr></table>").unwrap_err();
        assert!(e.to_string().contains("HTML"), "{e}");
        let e = read_file("x.bin", &[1, 2, 0, 4]).unwrap_err();
        assert!(e.to_string().contains("二进制"), "{e}");
        let e = read_file("x.xlsx", "序号,名称\n1,甲\n".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("纯文本"), "{e}");
        assert_eq!(
            read_file("空.csv", b"").unwrap_err(),
            TableError::Empty {
                file: "空.csv".into()
            }
        );
        let small = Limits {
            max_file_bytes: 3,
            ..Limits::default()
        };
        assert!(matches!(
            read_file_with("x.csv", b"a,b\n", &small),
            Err(TableError::FileTooLarge {
                bytes: 4,
                limit: 3,
                ..
            })
        ));
    }

    #[test]
    fn a_text_file_named_xls_is_read_as_csv_with_a_note() {
        let doc = read_file("导出.xls", "序号\t名称\n1\t甲\n".as_bytes()).unwrap();
        assert_eq!(doc.format, Format::Csv);
        assert!(
            doc.notes.iter().any(|n| n.contains(".xls")),
            "{:?}",
            doc.notes
        );
        assert_eq!(doc.tables[0].rows[0].texts(), ["1", "甲"]);
    }
}
