//! A minimal, correct .docx (OOXML WordprocessingML) writer for official documents: A4, the
//! usual margins of 党政机关公文 (37 / 35 / 28 / 26 mm top / bottom / left / right), body text in
//! 仿宋 三号 (16 pt) at a fixed line spacing of 28.89 pt, the title in bold 宋体 二号 centred,
//! headings in 黑体, paragraphs indented by two characters, the 落款 and date right-aligned, and
//! page numbers ("— 1 —") in the footer.
//!
//! The package holds `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/_rels/document.xml.rels`, `word/styles.xml`, `word/settings.xml`, `word/fontTable.xml`,
//! `word/footer1.xml`, `docProps/core.xml` and `docProps/app.xml`, stored (not deflated) by a
//! writer of its own ([`package`]: no compressor in the 文书 module). All text is XML-escaped (pack and case text is untrusted). The output depends only on
//! the input: the zip entries and core.xml carry the document's own date (or 1980-01-01, the
//! zip epoch, when it has none), never the clock, so the same document gives the same bytes.

mod package;
mod parts;
mod xml;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::date::Date;

pub use package::write;
pub use xml::escape;

/// The paragraph styles of the package (defined in `word/styles.xml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Style {
    /// The authority's name above the title: bold 宋体 二号, centred.
    Authority,
    /// The title: bold 宋体 二号, centred.
    Title,
    /// 文号: 仿宋 三号, centred.
    Number,
    /// The addressee: 仿宋 三号, flush left.
    Addressee,
    /// A section heading: 黑体 三号, indented two characters.
    Heading,
    /// Body text: 仿宋 三号, first line indented two characters.
    Body,
    /// 落款: right-aligned, four characters from the right margin, a line above it, kept with
    /// the date.
    Signature,
    /// Date and seal lines: as the 落款, without the line above.
    Closing,
}

impl Style {
    /// The style id in styles.xml.
    pub fn id(self) -> &'static str {
        match self {
            Style::Authority => "Authority",
            Style::Title => "DocTitle",
            Style::Number => "DocNumber",
            Style::Addressee => "Addressee",
            Style::Heading => "Heading1",
            Style::Body => "Body",
            Style::Signature => "Signature",
            Style::Closing => "Closing",
        }
    }
}

/// One paragraph of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its style.
    pub style: Style,
    /// Its text; a line break inside becomes a `<w:br/>`.
    pub text: String,
    /// Kept on the page of the next paragraph (the last paragraph before the 落款, so that the
    /// 落款 never stands alone on a page).
    pub keep_with_next: bool,
}

/// What the package is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docx {
    /// Title (docProps/core.xml).
    pub title: String,
    /// Subject, e.g. the 文号.
    pub subject: String,
    /// Author: the issuing authority.
    pub creator: String,
    /// The date stamped on the package (zip entries, created / modified).
    pub date: Option<Date>,
    /// The paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// Why a package could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DocxError {
    /// The zip writer failed.
    #[error("无法生成 .docx 文件（{part}）：{message}")]
    Zip {
        /// The part being written.
        part: String,
        /// The writer's message.
        message: String,
    },
}
