//! Why a file could not be read as a table: one error per thing that can go wrong, carrying the
//! file and the place as data, displayed in Chinese.

use serde::Serialize;
use thiserror::Error;

use super::Place;

/// A table file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableError {
    /// The file has no bytes at all.
    #[error("{file}：文件是空的（0 字节）")]
    Empty {
        /// File name.
        file: String,
    },
    /// The file was read, but no sheet or table in it holds any text.
    #[error("{file}：{what}中没有任何内容")]
    NoContent {
        /// File name.
        file: String,
        /// What was looked in: "工作簿", "文档的表格", "文件".
        what: String,
    },
    /// The file is something else (a PDF, a picture, a web page …).
    #[error(
        "{file}：不是可以读取的表格文件：{found}。请在 Excel、Word 或 WPS 中另存为 .xlsx、.docx 或 .csv 后再导入"
    )]
    NotATable {
        /// File name.
        file: String,
        /// What the file looks like, in Chinese.
        found: String,
    },
    /// An encrypted (password-protected) Office file: an OLE compound file holding an
    /// `EncryptedPackage`.
    #[error(
        "{file}：这是设置了打开密码的加密 Office 文件，无法读取。请在 Excel / Word / WPS 中取消密码（文件 → 信息 → 保护）后另存，再导入"
    )]
    Encrypted {
        /// File name.
        file: String,
    },
    /// An Office 97–2003 binary file (.xls, .doc) or another OLE compound file.
    #[error(
        "{file}：这是旧版 {kind}（Office 97–2003 二进制格式，或 WPS 的 .et/.wps），不能直接读取。请在 Excel / Word / WPS 中另存为 {save_as} 后再导入"
    )]
    LegacyOffice {
        /// What it is: "Excel 97–2003 工作簿（.xls）", "Word 97–2003 文档（.doc）" ….
        kind: String,
        /// What to save it as: ".xlsx" or ".docx".
        save_as: String,
        /// File name.
        file: String,
    },
    /// A zip file (as .xlsx and .docx are) without the part that makes it a workbook or a
    /// document.
    #[error("{file}：压缩包中没有 {part}，不是有效的 {expected}")]
    MissingPart {
        /// File name.
        file: String,
        /// The part that is missing, e.g. "word/document.xml".
        part: String,
        /// What the file was expected to be.
        expected: String,
    },
    /// The zip container is damaged.
    #[error("{file}：压缩包已损坏，无法读取（{detail}）")]
    Zip {
        /// File name.
        file: String,
        /// What the zip reader said.
        detail: String,
    },
    /// A part of the document is not well-formed XML.
    #[error("{file}：{part} 第 {position} 字节附近的 XML 有误（{detail}）")]
    Xml {
        /// File name.
        file: String,
        /// The part, e.g. "word/document.xml".
        part: String,
        /// Byte offset in the part.
        position: u64,
        /// What the XML reader said.
        detail: String,
    },
    /// The workbook reader could not read a sheet (or the workbook).
    #[error("{file}：{sheet}无法读取（{detail}）")]
    Workbook {
        /// File name.
        file: String,
        /// "工作表“名称”" or "工作簿".
        sheet: String,
        /// What the workbook reader said.
        detail: String,
    },
    /// A CSV file breaks the format.
    #[error("{file}：{place}：{detail}")]
    Csv {
        /// File name.
        file: String,
        /// Where (line, field).
        place: Place,
        /// What is wrong, in Chinese.
        detail: String,
    },
    /// A text file that is neither UTF-8 nor GBK/GB18030.
    #[error(
        "{file}：无法识别文字编码：既不是 UTF-8（含带 BOM 的 UTF-8）、UTF-16，也不是 GBK/GB18030（第 {line} 行附近有无效字节）。请在 Excel 中另存为“CSV UTF-8”"
    )]
    Encoding {
        /// File name.
        file: String,
        /// Line of the first byte that is invalid in GB18030.
        line: u32,
    },
    /// The file is larger than the reader accepts.
    #[error("{file}：文件有 {bytes} 字节，超过导入上限 {limit} 字节")]
    FileTooLarge {
        /// File name.
        file: String,
        /// Size of the file.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The parts of a zip file unpack to more than the reader accepts (a "zip bomb" or an
    /// absurdly large sheet).
    #[error("{file}：{part} 解压后有 {bytes} 字节，超过导入上限 {limit} 字节")]
    PartTooLarge {
        /// File name.
        file: String,
        /// The part, or "全部内容" for the sum of all parts.
        part: String,
        /// Its unpacked size as declared (or as read so far).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// More sheets or tables than the reader accepts.
    #[error("{file}：有 {count} 个以上的工作表或表格，超过导入上限 {limit} 个")]
    TooManyTables {
        /// File name.
        file: String,
        /// How many were found before stopping.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A sheet or table with more rows than the reader accepts.
    #[error("{file}：{table}超过 {limit} 行（读到{place}时停止）")]
    TooManyRows {
        /// File name.
        file: String,
        /// The sheet or table, e.g. "工作表“阶次”".
        table: String,
        /// The first row past the limit.
        place: Place,
        /// The limit.
        limit: usize,
    },
    /// A cell past the last column the reader accepts.
    #[error("{file}：{place}超过导入上限 {limit} 列")]
    TooManyColumns {
        /// File name.
        file: String,
        /// The first cell past the limit.
        place: Place,
        /// The limit.
        limit: usize,
    },
    /// More cells (merged cells counted once for every cell they cover) than the reader accepts.
    #[error("{file}：{table}的单元格（合并单元格按覆盖的格数计）超过导入上限 {limit} 个")]
    TooManyCells {
        /// File name.
        file: String,
        /// The sheet or table.
        table: String,
        /// The limit.
        limit: usize,
    },
    /// A cell with more text than the reader accepts.
    #[error("{file}：{place}有 {chars} 个字符，超过单元格上限 {limit} 个字符")]
    CellTooLong {
        /// File name.
        file: String,
        /// The cell.
        place: Place,
        /// Characters in it (counted up to the limit and a little beyond).
        chars: usize,
        /// The limit.
        limit: usize,
    },
}
