//! The zip package: fixed part order, stored entries, and the document's date on every entry.
//!
//! The entries are stored, not deflated: a document of a few dozen kB of XML, which Word, WPS
//! and LibreOffice open alike, and a writer of a page of code, so that the 文书 page's module
//! carries no compressor (the zip crate's writer with flate2, zlib-rs and zopfli was about a
//! tenth of that module). The readers (src/table) still use the zip crate.

use super::{Docx, DocxError, parts};

/// CRC-32 (IEEE 802.3, as zip uses it), bit by bit: the parts are small.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The MS-DOS date of a date (the time is 00:00:00); 1980-01-01, the zip epoch, when there is
/// none or it is outside the years zip can store (1980–2107).
fn dos_date(d: Option<crate::date::Date>) -> u16 {
    const EPOCH: u16 = (1 << 5) | 1;
    d.and_then(|d| {
        let years = u16::try_from(d.year().checked_sub(1980)?)
            .ok()
            .filter(|y| *y <= 127)?;
        let month = u16::try_from(d.month()).ok()?;
        let day = u16::try_from(d.day()).ok()?;
        Some((years << 9) | (month << 5) | day)
    })
    .unwrap_or(EPOCH)
}

fn too_large(part: &str) -> DocxError {
    DocxError::Zip {
        part: part.to_string(),
        message: "超过 zip 格式（非 ZIP64）的大小上限".to_string(),
    }
}

/// Writes the .docx package.
pub fn write(d: &Docx) -> Result<Vec<u8>, DocxError> {
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
    let date = dos_date(d.date).to_le_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut central: Vec<u8> = Vec::new();
    for (name, body) in &entries {
        let data = body.as_bytes();
        let offset = u32::try_from(out.len()).map_err(|_| too_large(name))?;
        let size = u32::try_from(data.len()).map_err(|_| too_large(name))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_large(name))?;
        let crc = crc32(data);
        // version needed 1.0 (stored), no flags, method 0 (stored), time 00:00:00.
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&10u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&date);
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&name_len.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        // Made by: Unix, zip 2.0, so that the external attributes carry rw-r--r--.
        central.extend_from_slice(&((3u16 << 8) | 20).to_le_bytes());
        common(&mut central);
        central.extend_from_slice(&0u16.to_le_bytes()); // comment length
        central.extend_from_slice(&0u16.to_le_bytes()); // disk number
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        central.extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| too_large("zip"))?;
    let cd_size = u32::try_from(central.len()).map_err(|_| too_large("zip"))?;
    let count = u16::try_from(entries.len()).map_err(|_| too_large("zip"))?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn the_crc_is_zips() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn entry_dates_come_from_the_date() {
        let d: Date = "2025-07-01".parse().unwrap();
        assert_eq!(dos_date(Some(d)), (45 << 9) | (7 << 5) | 1);
        assert_eq!(dos_date(None), (1 << 5) | 1);
        let early: Date = "1975-01-01".parse().unwrap();
        assert_eq!(dos_date(Some(early)), (1 << 5) | 1);
        let late: Date = "2108-01-01".parse().unwrap();
        assert_eq!(dos_date(Some(late)), (1 << 5) | 1);
    }

    #[test]
    fn the_package_reads_back_with_a_zip_reader() {
        let docx = Docx {
            title: "行政处罚决定书".into(),
            subject: "示建罚决〔2025〕12号".into(),
            creator: "示例市住房和城乡建设局".into(),
            date: "2025-07-01".parse().ok(),
            paragraphs: Vec::new(),
        };
        let bytes = write(&docx).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(zip.len(), 10);
        let first = zip.by_index(0).unwrap();
        assert_eq!(first.name(), "[Content_Types].xml");
        assert_eq!(first.compression(), zip::CompressionMethod::Stored);
        let t = first.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2025, 7, 1, 0));
        assert_eq!(first.unix_mode(), Some(0o100_644));
    }
}
