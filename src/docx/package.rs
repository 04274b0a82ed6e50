//! The zip package: fixed part order, deflate, and the document's date on every entry.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{Docx, DocxError, parts};

/// The zip timestamp of a date (00:00:00); 1980-01-01, the zip epoch, when there is none or it
/// is outside the years zip can store (1980–2107).
fn zip_time(d: Option<crate::date::Date>) -> DateTime {
    d.and_then(|d| {
        let y = u16::try_from(d.year()).ok()?;
        let m = u8::try_from(d.month()).ok()?;
        let day = u8::try_from(d.day()).ok()?;
        DateTime::from_date_and_time(y, m, day, 0, 0, 0).ok()
    })
    .unwrap_or_default()
}

/// Writes the .docx package.
pub fn write(d: &Docx) -> Result<Vec<u8>, DocxError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(d.date))
        .unix_permissions(0o644);
    let entries: [(&str, String); 10] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_string()),
        ("_rels/.rels", parts::ROOT_RELS.to_string()),
        ("word/document.xml", parts::document(d)),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.to_string(),
        ),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::SETTINGS.to_string()),
        ("word/fontTable.xml", parts::FONT_TABLE.to_string()),
        ("word/footer1.xml", parts::footer()),
        ("docProps/core.xml", parts::core(d)),
        ("docProps/app.xml", parts::APP.to_string()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in entries {
        let fail = |e: &dyn std::fmt::Display| DocxError::Zip {
            part: name.to_string(),
            message: e.to_string(),
        };
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(body.as_bytes()).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| DocxError::Zip {
        part: "zip".to_string(),
        message: e.to_string(),
    })?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn zip_times_come_from_the_date() {
        let d: Date = "2025-07-01".parse().unwrap();
        let t = zip_time(Some(d));
        assert_eq!((t.year(), t.month(), t.day()), (2025, 7, 1));
        assert_eq!(zip_time(None), DateTime::default());
        let early: Date = "1975-01-01".parse().unwrap();
        assert_eq!(zip_time(Some(early)), DateTime::default());
    }
}
