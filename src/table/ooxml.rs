//! The containers: zip files (.xlsx, .docx) checked before anything is unpacked, and OLE
//! compound files (encrypted Office files, .xls, .doc) recognised and refused with what to do.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{Limits, TableError};

/// What a zip file holds.
pub(crate) enum ZipKind {
    Xlsx,
    Docx,
}

pub(crate) fn open<'b>(
    file: &str,
    bytes: &'b [u8],
) -> Result<ZipArchive<Cursor<&'b [u8]>>, TableError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| TableError::Zip {
        file: file.to_string(),
        detail: e.to_string(),
    })
}

/// Decides between workbook and document by the parts present.
pub(crate) fn zip_kind(file: &str, bytes: &[u8]) -> Result<ZipKind, TableError> {
    let zip = open(file, bytes)?;
    let has = |n: &str| zip.index_for_name(n).is_some();
    if has("xl/workbook.xml") {
        return Ok(ZipKind::Xlsx);
    }
    if has("word/document.xml") || has("_rels/.rels") && zip.file_names().any(is_word_part) {
        return Ok(ZipKind::Docx);
    }
    let not = |found: &str| TableError::NotATable {
        file: file.to_string(),
        found: found.to_string(),
    };
    if has("xl/workbook.bin") {
        return Err(not("这是 Excel 二进制工作簿（.xlsb）"));
    }
    if has("mimetype") || has("content.xml") {
        return Err(not("这是 OpenDocument 文件（.ods/.odt），暂不支持"));
    }
    let ext = super::extension(file);
    let missing = |part: &str, expected: &str| TableError::MissingPart {
        file: file.to_string(),
        part: part.to_string(),
        expected: expected.to_string(),
    };
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" => Err(missing("xl/workbook.xml", "Excel 工作簿（.xlsx）")),
        "docx" | "doc" => Err(missing("word/document.xml", "Word 文档（.docx）")),
        _ if has("[Content_Types].xml") => Err(not(
            "这是 Office 文件，但既不是 Excel 工作簿也不是 Word 文档",
        )),
        _ => Err(not("这是 zip 压缩包，不是 Excel 或 Word 文件")),
    }
}

fn is_word_part(n: &str) -> bool {
    n.starts_with("word/") && n.ends_with(".xml") && !n.contains("/_rels/")
}

/// Refuses a zip whose parts unpack (as declared) to more than the limit.
pub(crate) fn check_sizes(
    file: &str,
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<(), TableError> {
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| TableError::Zip {
            file: file.to_string(),
            detail: e.to_string(),
        })?;
        let size = entry.size();
        if size > limits.max_unpacked_bytes {
            return Err(TableError::PartTooLarge {
                file: file.to_string(),
                part: entry.name().to_string(),
                bytes: size,
                limit: limits.max_unpacked_bytes,
            });
        }
        total = total.saturating_add(size);
    }
    if total > limits.max_unpacked_bytes {
        return Err(TableError::PartTooLarge {
            file: file.to_string(),
            part: "全部内容".into(),
            bytes: total,
            limit: limits.max_unpacked_bytes,
        });
    }
    Ok(())
}

/// Unpacks one part as UTF-8 text, reading no more than the limit whatever the zip declares.
pub(crate) fn read_part(
    file: &str,
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    part: &str,
    expected: &str,
    limits: &Limits,
) -> Result<String, TableError> {
    let entry = zip.by_name(part).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => TableError::MissingPart {
            file: file.to_string(),
            part: part.to_string(),
            expected: expected.to_string(),
        },
        other => TableError::Zip {
            file: file.to_string(),
            detail: other.to_string(),
        },
    })?;
    let mut buf = Vec::new();
    entry
        .take(limits.max_unpacked_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| TableError::Zip {
            file: file.to_string(),
            detail: format!("{part}：{e}"),
        })?;
    if buf.len() as u64 > limits.max_unpacked_bytes {
        return Err(TableError::PartTooLarge {
            file: file.to_string(),
            part: part.to_string(),
            bytes: buf.len() as u64,
            limit: limits.max_unpacked_bytes,
        });
    }
    let start = if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    match String::from_utf8(buf.split_off(start)) {
        Ok(s) => Ok(s),
        Err(e) => Err(TableError::Xml {
            file: file.to_string(),
            part: part.to_string(),
            position: e.utf8_error().valid_up_to() as u64,
            detail: "不是 UTF-8 编码的文本".into(),
        }),
    }
}

/// Whether the bytes hold `name` as UTF-16LE (how an OLE compound file stores the names of its
/// streams in its directory).
fn has_stream_name(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// The error for an OLE compound file (magic D0 CF 11 E0): encrypted OOXML, or an old binary
/// Office file, told apart by the stream names in its directory.
pub(crate) fn cfb_error(file: &str, bytes: &[u8]) -> TableError {
    let file = file.to_string();
    if has_stream_name(bytes, "EncryptedPackage") || has_stream_name(bytes, "EncryptionInfo") {
        return TableError::Encrypted { file };
    }
    let (kind, save_as) = if has_stream_name(bytes, "Workbook") || has_stream_name(bytes, "Book") {
        ("Excel 97–2003 工作簿（.xls）", ".xlsx")
    } else if has_stream_name(bytes, "WordDocument") {
        ("Word 97–2003 文档（.doc）", ".docx")
    } else {
        match super::extension(&file).as_str() {
            "doc" | "docx" | "wps" => ("Word 97–2003 文档（.doc）", ".docx"),
            _ => ("Office 97–2003 文件", ".xlsx 或 .docx"),
        }
    };
    TableError::LegacyOffice {
        kind: kind.to_string(),
        save_as: save_as.to_string(),
        file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal compound-file header followed by a directory entry name.
    fn cfb(stream: &str) -> Vec<u8> {
        let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        b.resize(512, 0);
        b.extend(stream.encode_utf16().flat_map(|u| u.to_le_bytes()));
        b.resize(1024, 0);
        b
    }

    #[test]
    fn compound_files_are_told_apart() {
        let read = |name: &str, b: &[u8]| crate::table::read_file(name, b).unwrap_err();
        assert_eq!(
            read("基准.xlsx", &cfb("EncryptedPackage")),
            TableError::Encrypted {
                file: "基准.xlsx".into()
            }
        );
        let e = read("基准.xls", &cfb("Workbook"));
        assert!(
            matches!(&e, TableError::LegacyOffice { kind, save_as, .. }
                if kind.contains(".xls") && save_as == ".xlsx"),
            "{e:?}"
        );
        assert!(e.to_string().contains("另存为 .xlsx"), "{e}");
        let e = read("基准.doc", &cfb("WordDocument"));
        assert!(e.to_string().contains(".doc"), "{e}");
    }
}
