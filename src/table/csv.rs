//! CSV and tab-separated text, as Excel and case systems export it.
//!
//! Encoding: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one, text that is
//! valid UTF-8 is UTF-8; anything else is GB18030, the superset of GBK that Chinese Excel
//! writes by default ("CSV（逗号分隔）"). Bytes that are invalid even in GB18030 are an error,
//! never replaced. The encoding used is reported in [`Document::encoding`].
//!
//! Format (RFC 4180 as Excel writes it): the separator is a comma, or a tab when the first line
//! has more tabs than commas (Excel's "Unicode 文本"); a field that starts with `"` is quoted
//! and may hold separators, `""` and line breaks; CRLF, LF and CR all end a record. A quote
//! inside an unquoted field, or text after a closing quote, is kept as written. A quoted field
//! still open at the end of the file is an error naming the line where it started.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::grid::{Grid, PlaceKind, RawCell};
use super::{CellKind, Document, Format, Limits, Place, TableError};

/// The encoding a text file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode 文本").
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// GB18030 (which includes GBK and GB2312).
    Gb18030,
}

impl TextEncoding {
    /// How the import report names it.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8（带 BOM）",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// Decodes a text file: BOM, else valid UTF-8, else GB18030 (see the module docs).
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, TextEncoding), TableError> {
    let (enc, e, body): (&'static Encoding, TextEncoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((enc, n)) if enc == UTF_8 => (UTF_8, TextEncoding::Utf8Bom, &bytes[n..]),
        Some((enc, n)) if enc == UTF_16LE => (UTF_16LE, TextEncoding::Utf16Le, &bytes[n..]),
        Some((enc, n)) if enc == UTF_16BE => (UTF_16BE, TextEncoding::Utf16Be, &bytes[n..]),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => return Ok((s.to_string(), TextEncoding::Utf8)),
            Err(_) => (GB18030, TextEncoding::Gb18030, bytes),
        },
    };
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok((text.into_owned(), e)),
        None => Err(TableError::Encoding {
            file: file.to_string(),
            line: first_bad_line(enc, body),
        }),
    }
}

/// The line of the first byte sequence the encoding rejects (for the error message).
fn first_bad_line(enc: &'static Encoding, body: &[u8]) -> u32 {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut out = String::with_capacity(cap);
    // `out` holds what decoded before the first error.
    let _ = decoder.decode_to_string_without_replacement(body, &mut out, true);
    let lines = out.chars().filter(|&c| c == '\n').count();
    u32::try_from(lines).unwrap_or(u32::MAX).saturating_add(1)
}

/// Reads CSV (or tab-separated) text into a one-table document named after the file.
pub fn read_csv(file: &str, bytes: &[u8], limits: &Limits) -> Result<Document, TableError> {
    if bytes.is_empty() {
        return Err(TableError::Empty {
            file: file.to_string(),
        });
    }
    let (text, enc) = decode(file, bytes)?;
    let sep = separator(&text);
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file).to_string();
    let mut grid = Grid::new(file, limits, name.clone(), name, 1, PlaceKind::Csv);
    parse(file, &text, sep, &mut grid)?;
    let tables = grid.finish()?.into_iter().collect::<Vec<_>>();
    if tables.is_empty() {
        return Err(TableError::NoContent {
            file: file.to_string(),
            what: "文件".into(),
        });
    }
    Ok(Document {
        file: file.to_string(),
        format: Format::Csv,
        encoding: Some(enc.label().to_string()),
        tables,
        notes: if sep == '\t' {
            vec!["按制表符分隔读取".into()]
        } else {
            Vec::new()
        },
    })
}

/// Tab when the first line (outside quotes) has more tabs than commas, else comma.
fn separator(text: &str) -> char {
    let (mut commas, mut tabs, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            '\t' if !quoted => tabs += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if tabs > commas { '\t' } else { ',' }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The record parser's state: the current record, field and lines.
struct Parser<'g, 'a> {
    grid: &'g mut Grid<'a>,
    record: usize,
    col: usize,
    field: String,
    /// Characters in the field; 1 for a quoted empty field, so that it counts as started.
    field_chars: usize,
    record_line: usize,
    field_line: usize,
    in_record: bool,
}

impl Parser<'_, '_> {
    /// Ends the current field: checks it and places it.
    fn end_field(&mut self) -> Result<(), TableError> {
        let (r, c) = (to_u32(self.record), to_u32(self.col));
        if !self.in_record {
            let place = Place::Line {
                line: to_u32(self.record_line),
                column: None,
            };
            self.grid.start_row(r, Some(place))?;
            self.in_record = true;
        }
        let mut cell = RawCell::new(std::mem::take(&mut self.field), CellKind::Text);
        if self.field_line != self.record_line {
            cell.place = Some(Place::Line {
                line: to_u32(self.field_line),
                column: Some(c.saturating_add(1)),
            });
        }
        self.grid.insert(r, c, cell)?;
        self.field_chars = 0;
        self.col += 1;
        Ok(())
    }

    /// Ends the record at a line break.
    fn end_record(&mut self, next_line: usize) -> Result<(), TableError> {
        self.end_field()?;
        self.record += 1;
        self.col = 0;
        self.in_record = false;
        self.record_line = next_line;
        self.field_line = next_line;
        Ok(())
    }

    /// Appends a character, refusing an absurdly long field before it grows further.
    fn push(&mut self, c: char) -> Result<(), TableError> {
        self.field.push(c);
        self.field_chars += 1;
        if self.field_chars > self.grid.limits.max_cell_chars {
            self.grid
                .check(to_u32(self.record), to_u32(self.col), self.field_chars)?;
        }
        Ok(())
    }
}

/// The record parser: fills `grid` with one row per record.
fn parse(file: &str, text: &str, sep: char, grid: &mut Grid) -> Result<(), TableError> {
    let mut chars = text.chars().peekable();
    let mut line: usize = 1;
    let mut p = Parser {
        grid,
        record: 0,
        col: 0,
        field: String::new(),
        field_chars: 0,
        record_line: 1,
        field_line: 1,
        in_record: false,
    };
    while let Some(c) = chars.next() {
        if p.field_chars == 0 {
            p.field_line = line;
        }
        // A field that starts with a quote is quoted.
        if p.field_chars == 0 && c == '"' {
            let start = line;
            let mut closed = false;
            while let Some(q) = chars.next() {
                match q {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        p.push('"')?;
                    }
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\r' | '\n' => {
                        if q == '\r' && chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        p.push('\n')?;
                    }
                    other => p.push(other)?,
                }
            }
            if !closed {
                return Err(TableError::Csv {
                    file: file.to_string(),
                    place: Place::Line {
                        line: to_u32(start),
                        column: Some(to_u32(p.col).saturating_add(1)),
                    },
                    detail: "以引号开始的字段直到文件结尾都没有结束引号".into(),
                });
            }
            p.field_chars = p.field_chars.max(1);
            continue;
        }
        match c {
            c if c == sep => p.end_field()?,
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                p.end_record(line)?;
            }
            other => p.push(other)?,
        }
    }
    if p.field_chars > 0 || p.col > 0 {
        p.end_field()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_file;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let doc = read_csv("t.csv", text.as_bytes(), &Limits::default()).unwrap();
        let t = &doc.tables[0];
        t.header
            .iter()
            .chain(&t.rows)
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn quotes_commas_and_line_breaks() {
        let r = rows(
            "序号,违法情形,裁量基准\r\n1,\"面积较小,\n及时改正的\",\"处\"\"一万元\"\"罚款\"\r\n",
        );
        assert_eq!(r[1], ["1", "面积较小,\n及时改正的", "处\"一万元\"罚款"]);
        let r = rows("a,b\n1,\n,2");
        assert_eq!(r[1], ["1"]);
        assert_eq!(r[2], ["", "2"]);
        let r = rows("a\tb\tc\n1\t2,5\t3");
        assert_eq!(r[1], ["1", "2,5", "3"]);
        let r = rows("a,b\rc,d");
        assert_eq!(r[1], ["c", "d"]);
        let r = rows("a,b\n\"\",x\n");
        assert_eq!(r[1], ["", "x"]);
    }

    #[test]
    fn places_are_lines_and_fields() {
        let doc = read_file("t.csv", "h1,h2\n\"多\n行\",x\n3,\"y\"\n".as_bytes()).unwrap();
        let t = &doc.tables[0];
        assert_eq!(
            t.rows[0].place,
            Place::Line {
                line: 2,
                column: None
            }
        );
        assert_eq!(
            t.rows[1].cells[1].place,
            Place::Line {
                line: 4,
                column: Some(2)
            }
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let e = read_csv(
            "坏.csv",
            "a,b\n1,2\n3,\"未闭合\n4,5\n".as_bytes(),
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(
            e,
            TableError::Csv {
                file: "坏.csv".into(),
                place: Place::Line {
                    line: 3,
                    column: Some(2)
                },
                detail: "以引号开始的字段直到文件结尾都没有结束引号".into(),
            }
        );
        assert!(e.to_string().starts_with("坏.csv：第 3 行第 2 列："), "{e}");
    }

    #[test]
    fn encodings_are_detected_and_named() {
        let text = "序号,违法行为\n1,擅自预售商品房\n";
        let (gbk, _, _) = GB18030.encode(text);
        let doc = read_csv("g.csv", &gbk, &Limits::default()).unwrap();
        assert_eq!(doc.encoding.as_deref(), Some("GBK/GB18030"));
        assert_eq!(doc.tables[0].rows[0].texts(), ["1", "擅自预售商品房"]);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        let doc = read_csv("u.csv", &bom, &Limits::default()).unwrap();
        assert_eq!(doc.encoding.as_deref(), Some("UTF-8（带 BOM）"));
        assert_eq!(doc.tables[0].header[0].texts(), ["序号", "违法行为"]);
        let mut u16 = vec![0xFF, 0xFE];
        for unit in "a\tb\n1\t2\n".encode_utf16() {
            u16.extend_from_slice(&unit.to_le_bytes());
        }
        let doc = read_file("u.txt", &u16).unwrap();
        assert_eq!(doc.encoding.as_deref(), Some("UTF-16LE"));
        assert_eq!(doc.tables[0].rows[0].texts(), ["1", "2"]);
        // 0x81 0x20 is invalid in GB18030 (and in UTF-8).
        let e = read_csv("x.csv", b"a,b\n1,2\n\x81\x20,3\n", &Limits::default()).unwrap_err();
        assert_eq!(
            e,
            TableError::Encoding {
                file: "x.csv".into(),
                line: 3
            }
        );
    }

    #[test]
    fn limits() {
        let l = Limits {
            max_rows: 3,
            max_cell_chars: 10,
            ..Limits::default()
        };
        let e = read_csv("t.csv", b"a\nb\nc\nd\n", &l).unwrap_err();
        assert!(matches!(
            e,
            TableError::TooManyRows {
                place: Place::Line { line: 4, .. },
                ..
            }
        ));
        let e = read_csv("t.csv", "a,\"12345678901\"\n".as_bytes(), &l).unwrap_err();
        assert!(matches!(
            e,
            TableError::CellTooLong {
                place: Place::Line {
                    line: 1,
                    column: Some(2)
                },
                ..
            }
        ));
        let e = read_csv("t.csv", b"\n\n  \n", &l).unwrap_err();
        assert!(matches!(e, TableError::NoContent { .. }));
    }
}
