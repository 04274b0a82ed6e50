//! The export as CSV: the title and notes as lines of their own, the header, one line per tier
//! with the item's columns filled on its first line only (as Excel saves merged cells). UTF-8
//! with a byte-order mark (Excel then reads it as UTF-8), or GBK for Chinese Excel's default.

use serde::Serialize;

use super::{ExportError, ITEM_COLUMNS, sheet};
use crate::pack::model::Pack;

/// The encoding of an exported CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvEncoding {
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// GBK (code page 936), as Chinese Excel writes and reads CSV by default.
    Gbk,
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The pack as CSV bytes.
pub fn to_csv(pack: &Pack, encoding: CsvEncoding) -> Result<Vec<u8>, ExportError> {
    let s = sheet(pack);
    let mut lines: Vec<Vec<String>> = Vec::new();
    lines.push(vec![s.title.clone()]);
    for n in &s.notes {
        lines.push(vec![n.clone()]);
    }
    lines.push(s.header.clone());
    for &(first, last) in &s.items {
        for (i, row) in s.rows[first..=last].iter().enumerate() {
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, t)| {
                    if i > 0 && ITEM_COLUMNS.contains(&c) {
                        String::new()
                    } else {
                        t.clone()
                    }
                })
                .collect();
            lines.push(cells);
        }
    }
    let mut text = String::new();
    for l in &lines {
        let row: Vec<String> = l.iter().map(|c| field(c)).collect();
        text.push_str(&row.join(","));
        text.push_str("\r\n");
    }
    match encoding {
        CsvEncoding::Utf8Bom => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend_from_slice(text.as_bytes());
            Ok(out)
        }
        CsvEncoding::Gbk => {
            let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
            if !unmappable {
                return Ok(bytes.into_owned());
            }
            // Name the first character GBK cannot hold, and where it is.
            let not_gbk = |ch: char| {
                let mut b = [0u8; 4];
                encoding_rs::GBK.encode(ch.encode_utf8(&mut b)).2
            };
            let header_row = 1 + s.notes.len();
            for (li, l) in lines.iter().enumerate() {
                for (ci, c) in l.iter().enumerate() {
                    if let Some(ch) = c.chars().find(|&ch| not_gbk(ch)) {
                        return Err(ExportError::NotGbk {
                            row: li + 1,
                            column: if li > header_row {
                                s.header.get(ci).cloned().unwrap_or_default()
                            } else {
                                "标题".into()
                            },
                            character: ch.to_string(),
                        });
                    }
                }
            }
            Ok(bytes.into_owned())
        }
    }
}
