//! Batch input: JSON lines, one decided case per line (`schemas/decided-case.schema.json`) or
//! one case library record per line (the library's JSON lines export, [`LineKind::Library`]),
//! read as a stream — from a file ([`JsonLines`]) or from chunks of bytes as the browser reads a
//! file ([`LineFeed`]). A line that is not a decided case is an entry with its line number and
//! the JSON path of the fault; every other line is still read.

use std::collections::VecDeque;
use std::io::BufRead;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::decided::DecidedCase;
use super::stated::Stated;
use super::{RowError, RowProblem};
use crate::library::LibraryRecord;

/// A decided case read from a batch, with where it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbered {
    /// Row (line) number, 1-based.
    pub row: u64,
    /// Where the row is, in words, for a table.
    pub place: Option<String>,
    /// The case.
    pub case: DecidedCase,
}

/// One row of a batch: a decided case with its row number, or why the row cannot be read.
pub type Entry = Result<Numbered, RowError>;

/// Whether a file is a case table (CSV, .xlsx) rather than JSON lines, by its name's extension.
pub fn is_table_name(name: &str) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls"
    )
}

/// The longest line taken as a decided case (1 MiB); a longer line is reported, not read.
pub const MAX_LINE: usize = 1 << 20;

/// Just the reference of a line that is not a decided case, for the report.
#[derive(Deserialize)]
struct ReferenceOnly {
    #[serde(default)]
    reference: Option<String>,
}

/// What the lines of a JSON lines file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineKind {
    /// Decided cases (`schemas/decided-case.schema.json`).
    #[default]
    Decided,
    /// The case library's records, as its JSON lines export writes them
    /// (`library::export::to_jsonl`): each read as a decided case by [`super::library`].
    Library,
}

/// The keys that tell the two kinds of line apart.
#[derive(Deserialize)]
struct Keys {
    decision: Option<IgnoredAny>,
    id: Option<IgnoredAny>,
    pack: Option<IgnoredAny>,
    case: Option<IgnoredAny>,
}

impl LineKind {
    /// The kind of a file whose first non-blank line is `line`: a library record has `id`,
    /// `pack` and `case` and no `decision`; anything else is read as a decided case (and a
    /// line that is neither is reported as a decided case's fault).
    pub fn of(line: &str) -> LineKind {
        let t = line.trim_start_matches('\u{feff}').trim();
        match serde_json::from_str::<Keys>(t) {
            Ok(k)
                if k.decision.is_none()
                    && k.id.is_some()
                    && k.pack.is_some()
                    && k.case.is_some() =>
            {
                LineKind::Library
            }
            _ => LineKind::Decided,
        }
    }

    /// What the lines state: a decided case everything, a library record what the library
    /// keeps ([`super::library::record_stated`]).
    pub fn stated(self) -> Stated {
        match self {
            LineKind::Decided => Stated::all(),
            LineKind::Library => super::library::record_stated(),
        }
    }

    /// In words, for the page.
    pub fn label(self) -> &'static str {
        match self {
            LineKind::Decided => "已决定案件（JSON 行）",
            LineKind::Library => "案件库导出（JSON 行）",
        }
    }
}

/// The kind of the JSON lines file at `path`, by its first non-blank line (read up to
/// [`MAX_LINE`] bytes); a file that cannot be read is left to the reader to report.
pub fn sniff(path: &std::path::Path) -> LineKind {
    let Ok(f) = std::fs::File::open(path) else {
        return LineKind::Decided;
    };
    let mut r = std::io::BufReader::new(std::io::Read::take(f, MAX_LINE as u64 * 4));
    let mut line = Vec::new();
    loop {
        line.clear();
        match r.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return LineKind::Decided,
            Ok(_) => {
                let t = String::from_utf8_lossy(&line);
                if !t.trim_start_matches('\u{feff}').trim().is_empty() {
                    return LineKind::of(&t);
                }
            }
        }
    }
}

/// Parses one line of decided cases; None for a blank line.
pub fn parse_line(row: u64, line: &str) -> Option<Entry> {
    parse_line_as(LineKind::Decided, row, line)
}

/// Parses one line of the given kind; None for a blank line.
pub fn parse_line_as(kind: LineKind, row: u64, line: &str) -> Option<Entry> {
    let t = line.trim_start_matches('\u{feff}').trim();
    if t.is_empty() {
        return None;
    }
    let parsed = match kind {
        LineKind::Decided => crate::pack::json::parse::<DecidedCase>(t),
        LineKind::Library => {
            crate::pack::json::parse::<LibraryRecord>(t).map(|r| super::library::from_record(&r))
        }
    };
    Some(match parsed {
        Ok(case) => Ok(Numbered {
            row,
            place: None,
            case,
        }),
        Err(e) => Err(RowError {
            row,
            place: None,
            reference: serde_json::from_str::<ReferenceOnly>(t)
                .ok()
                .and_then(|r| r.reference),
            problem: Box::new(RowProblem::Json {
                path: e.path,
                message: e.message,
            }),
        }),
    })
}

/// The entry of one line's bytes (without its line break): too long, not UTF-8, or parsed as
/// `kind`; None for a blank line.
pub fn line_entry(kind: LineKind, row: u64, bytes: &[u8]) -> Option<Entry> {
    if bytes.len() > MAX_LINE {
        return Some(Err(too_long(row)));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_line_as(kind, row, text),
        Err(e) => Some(Err(RowError {
            row,
            place: None,
            reference: None,
            problem: Box::new(RowProblem::Json {
                path: "$".into(),
                message: format!(
                    "不是 UTF-8 文本（第 {} 个字节起）；JSON 行文件应以 UTF-8 保存",
                    e.valid_up_to() + 1
                ),
            }),
        })),
    }
}

fn too_long(row: u64) -> RowError {
    RowError {
        row,
        place: None,
        reference: None,
        problem: Box::new(RowProblem::TooLong { limit: MAX_LINE }),
    }
}

/// Splits bytes into lines as they arrive, across chunk boundaries, with line numbers; a line
/// longer than [`MAX_LINE`] is dropped as it streams and reported.
#[derive(Debug, Default)]
pub struct LineFeed {
    line: Vec<u8>,
    row: u64,
    too_long: bool,
    kind: LineKind,
}

impl LineFeed {
    /// A feed of decided cases at line 1.
    pub fn new() -> LineFeed {
        LineFeed::default()
    }

    /// A feed of lines of `kind` at line 1.
    pub fn of(kind: LineKind) -> LineFeed {
        LineFeed {
            kind,
            ..LineFeed::default()
        }
    }

    /// Takes the next chunk of the file; calls `f` for each complete line's entry.
    pub fn push(&mut self, mut chunk: &[u8], f: &mut impl FnMut(Entry)) {
        while let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            self.take(&chunk[..i]);
            self.end_line(f);
            chunk = &chunk[i + 1..];
        }
        self.take(chunk);
    }

    /// The end of the file: the last line, if it has no line break.
    pub fn finish(&mut self, f: &mut impl FnMut(Entry)) {
        if !self.line.is_empty() || self.too_long {
            self.end_line(f);
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        if self.too_long {
            return;
        }
        if self.line.len() + bytes.len() > MAX_LINE {
            self.too_long = true;
            self.line = Vec::new();
        } else {
            self.line.extend_from_slice(bytes);
        }
    }

    fn end_line(&mut self, f: &mut impl FnMut(Entry)) {
        self.row += 1;
        let row = self.row;
        if std::mem::take(&mut self.too_long) {
            f(Err(too_long(row)));
            return;
        }
        let entry = line_entry(self.kind, row, &self.line);
        self.line.clear();
        if let Some(e) = entry {
            f(e);
        }
    }
}

/// The entries of a JSON lines file, read as a stream (memory holds one line at a time).
pub struct JsonLines<R> {
    reader: R,
    feed: LineFeed,
    ready: VecDeque<Entry>,
    done: bool,
    file: String,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader`, lines of `kind`; `file` names it in a read error.
    pub fn new(file: &str, kind: LineKind, reader: R) -> JsonLines<R> {
        JsonLines {
            reader,
            feed: LineFeed::of(kind),
            ready: VecDeque::new(),
            done: false,
            file: file.to_string(),
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(e) = self.ready.pop_front() {
                return Some(e);
            }
            if self.done {
                return None;
            }
            let ready = &mut self.ready;
            let mut push = |e: Entry| ready.push_back(e);
            match self.reader.fill_buf() {
                Ok([]) => {
                    self.feed.finish(&mut push);
                    self.done = true;
                }
                Ok(buf) => {
                    let n = buf.len();
                    self.feed.push(buf, &mut push);
                    self.reader.consume(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(RowError {
                        row: self.feed.row + 1,
                        place: None,
                        reference: None,
                        problem: Box::new(RowProblem::Json {
                            path: "$".into(),
                            message: format!("{}：读取中断（{e}）", self.file),
                        }),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"case":{"items":["ZL-64"],"party":"legal_person"},"decision":{}}"#;

    fn rows(text: &[u8], chunk: usize) -> Vec<Result<u64, (u64, String)>> {
        let mut out = Vec::new();
        let mut feed = LineFeed::new();
        let mut f = |e: Entry| {
            out.push(match e {
                Ok(n) => Ok(n.row),
                Err(e) => Err((e.row, e.problem.to_string())),
            })
        };
        for c in text.chunks(chunk.max(1)) {
            feed.push(c, &mut f);
        }
        feed.finish(&mut f);
        out
    }

    #[test]
    fn lines_are_numbered_across_chunks_and_blank_lines_skipped() {
        let text = format!("{GOOD}\n\n{{\"case\":1}}\r\n{GOOD}");
        for chunk in [1, 3, 7, 1000] {
            let r = rows(text.as_bytes(), chunk);
            assert_eq!(r.len(), 3, "chunk {chunk}: {r:?}");
            assert_eq!(r[0], Ok(1));
            assert!(
                matches!(&r[1], Err((3, m)) if m.contains("$.case")),
                "{r:?}"
            );
            assert_eq!(r[2], Ok(4));
        }
    }

    #[test]
    fn a_long_line_and_bad_bytes_are_reported_and_reading_goes_on() {
        let mut text = vec![b'x'; MAX_LINE + 5];
        text.push(b'\n');
        text.extend_from_slice(&[0xB0, 0xA1, b'\n']);
        text.extend_from_slice(GOOD.as_bytes());
        let r = rows(&text, 4096);
        assert!(matches!(&r[0], Err((1, m)) if m.contains("超过")), "{r:?}");
        assert!(matches!(&r[1], Err((2, m)) if m.contains("UTF-8")), "{r:?}");
        assert_eq!(r[2], Ok(3));
        let file: Vec<Entry> =
            JsonLines::new("x.jsonl", LineKind::Decided, std::io::Cursor::new(text)).collect();
        assert_eq!(file.len(), 3);
    }

    #[test]
    fn a_library_record_line_is_told_from_a_decided_case() {
        assert_eq!(LineKind::of(GOOD), LineKind::Decided);
        let record = r#"{"id":"r1","case":{"items":["ZL-64"],"party":"legal_person"},"pack":{"id":"p","edition":"e","hash":"h"},"created":0,"updated":0}"#;
        assert_eq!(
            LineKind::of(&format!("\u{feff}{record}")),
            LineKind::Library
        );
        // A decided case that happens to carry an id is still a decided case; junk is read as
        // one, so that its fault is reported against the decided-case schema.
        assert_eq!(
            LineKind::of(r#"{"id":"x","pack":1,"case":{},"decision":{}}"#),
            LineKind::Decided
        );
        assert_eq!(LineKind::of("not json"), LineKind::Decided);
        let e = parse_line_as(LineKind::Library, 1, record)
            .unwrap()
            .unwrap();
        assert_eq!(e.case.reference.as_deref(), Some("r1"));
        let bad = parse_line_as(LineKind::Library, 2, r#"{"id":"r2"}"#)
            .unwrap()
            .unwrap_err();
        assert!(bad.to_string().starts_with("第 2 行"), "{bad}");
        assert!(
            LineKind::Library.stated().missing().len() > LineKind::Decided.stated().missing().len()
        );
    }

    #[test]
    fn the_reference_of_a_bad_line_is_kept() {
        let e = parse_line(
            7,
            r#"{"reference":"京建罚〔2025〕12号","case":{"party":"robot"},"decision":{}}"#,
        )
        .unwrap()
        .unwrap_err();
        assert_eq!(e.reference.as_deref(), Some("京建罚〔2025〕12号"));
        assert!(
            e.to_string().starts_with("第 7 行（京建罚〔2025〕12号）"),
            "{e}"
        );
    }
}
