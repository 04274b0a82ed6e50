//! The views of a [`Document`]: plain text (for copying and the golden tests), an HTML fragment
//! and page for printing, and the paragraphs of the .docx package. All text is escaped; the
//! fragment uses classes only (no inline style), so the app can show it under its CSP.

use super::{Document, Role};
use crate::docx::{self, Docx, Paragraph, Style};

/// The print stylesheet of the HTML views: A4 with the official margins, 仿宋 三号 at 28.89 pt.
pub const PRINT_CSS: &str = r#"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.cl-doc { font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, serif; font-size: 16pt; line-height: 28.89pt; color: #000; max-width: 156mm; margin: 0 auto; }
.cl-doc p, .cl-doc h1, .cl-doc h2 { margin: 0; font-size: 16pt; font-weight: normal; }
.cl-doc .cl-authority, .cl-doc .cl-title { font-family: "宋体", SimSun, serif; font-size: 22pt; font-weight: bold; text-align: center; }
.cl-doc .cl-number { text-align: center; margin-bottom: 28.89pt; }
.cl-doc .cl-heading { font-family: "黑体", SimHei, sans-serif; text-indent: 2em; }
.cl-doc .cl-para { text-indent: 2em; text-align: justify; }
.cl-doc .cl-signature, .cl-doc .cl-date, .cl-doc .cl-seal { text-align: right; padding-right: 4em; }
.cl-doc .cl-signature { margin-top: 28.89pt; }
"#;

impl Role {
    /// The class of its paragraph in the HTML views (styled by [`PRINT_CSS`]).
    pub fn class(self) -> &'static str {
        class(self)
    }
}

fn class(role: Role) -> &'static str {
    match role {
        Role::Authority => "cl-authority",
        Role::Title => "cl-title",
        Role::Number => "cl-number",
        Role::Addressee => "cl-addressee",
        Role::Heading => "cl-heading",
        Role::Paragraph => "cl-para",
        Role::Signature => "cl-signature",
        Role::Date => "cl-date",
        Role::Seal => "cl-seal",
    }
}

fn tag(role: Role) -> &'static str {
    match role {
        Role::Title => "h1",
        Role::Heading => "h2",
        _ => "p",
    }
}

impl Document {
    /// The document as plain text: the heading lines, paragraphs indented by two full-width
    /// spaces, a blank line before the 落款.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut closing = false;
        for b in &self.blocks {
            match b.role {
                Role::Paragraph => {
                    out.push_str("\u{3000}\u{3000}");
                    out.push_str(&b.text);
                }
                Role::Signature | Role::Date | Role::Seal => {
                    if !closing {
                        out.push('\n');
                        closing = true;
                    }
                    out.push_str(&b.text);
                }
                Role::Number => {
                    out.push_str(&b.text);
                    out.push('\n');
                }
                _ => out.push_str(&b.text),
            }
            out.push('\n');
        }
        out
    }

    /// The document as an HTML fragment (`<article class="cl-doc">`), text escaped, styled by
    /// [`PRINT_CSS`].
    pub fn html(&self) -> String {
        let mut out = format!(
            r#"<article class="cl-doc cl-doc-{}" lang="zh-CN">"#,
            self.kind.name()
        );
        for b in &self.blocks {
            let t = tag(b.role);
            out.push_str(&format!(
                r#"<{t} class="{}">{}</{t}>"#,
                class(b.role),
                docx::escape(&b.text)
            ));
        }
        out.push_str("</article>");
        out
    }

    /// A whole HTML page for printing or saving (the stylesheet inline: for a file opened on its
    /// own, not for the app's page).
    pub fn html_page(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>\n{PRINT_CSS}</style></head><body>{}</body></html>\n",
            docx::escape(&self.title),
            self.html()
        )
    }
}

/// The document as the .docx writer's paragraphs.
pub(super) fn docx_parts(d: &Document) -> Docx {
    let style = |r: Role| match r {
        Role::Authority => Style::Authority,
        Role::Title => Style::Title,
        Role::Number => Style::Number,
        Role::Addressee => Style::Addressee,
        Role::Heading => Style::Heading,
        Role::Paragraph => Style::Body,
        Role::Signature => Style::Signature,
        Role::Date | Role::Seal => Style::Closing,
    };
    let closing = |r: Role| matches!(r, Role::Signature | Role::Date | Role::Seal);
    Docx {
        title: d.title.clone(),
        subject: d.number.clone(),
        creator: d.authority.clone(),
        date: d.date,
        paragraphs: d
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| Paragraph {
                style: style(b.role),
                text: b.text.clone(),
                // The last paragraph before the 落款 goes with it to its page.
                keep_with_next: !closing(b.role)
                    && d.blocks.get(i + 1).is_some_and(|n| closing(n.role)),
            })
            .collect(),
    }
}
