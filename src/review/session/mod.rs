//! The 案卷评查 page's state: a batch of decided cases loaded from one file — JSON lines of
//! decided cases, the case library's JSON lines export, or a case table (CSV in UTF-8 or GBK,
//! .xlsx) in the library export's columns or a bureau's own through a mapping — reviewed a chunk
//! at a time ([`Session::step`]) so that the page can show its progress and stay responsive
//! between chunks, then browsed ([`filter`]) and exported as the CLI writes its reports.
//!
//! Plain data, no browser: the page (src/app/review, `tools` build only) is a thin view over it,
//! and everything here is tested natively. The pack is not kept but passed to each call that
//! reviews, so the session has no lifetime; a session is for the one pack it was opened with
//! ([`Session::pack_hash`]).
//!
//! Memory: the file's bytes (or its table), the summary, and the cases with findings (each with
//! its decided case, for the drill-down) and the rows that could not be read — not the cases
//! without findings.

pub mod filter;
pub mod mapper;
pub mod pace;
pub mod view;

use std::rc::Rc;

use serde::Serialize;

use super::batch::{self, LineKind, MAX_LINE};
use super::mapping::{CaseTables, ColumnMapping};
use super::report::{csv::CsvWriter, error_row, finding_rows, html, xlsx};
use super::{CaseReview, DecidedCase, RowError, Stated, Summary, Tally};
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;
use crate::table::Document;

/// A file that cannot be reviewed at all (a bad row is not this: it is reported and the other
/// rows are reviewed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpenError {
    /// The file holds nothing.
    #[error("{file}：文件是空的")]
    Empty {
        /// The file's name.
        file: String,
    },
    /// The table reader refused the file.
    #[error("{message}")]
    Table {
        /// The file's name.
        file: String,
        /// The reader's message (it names the file).
        message: String,
    },
    /// No table of the file has the columns a case needs.
    #[error("{file}：{message}")]
    Header {
        /// The file's name.
        file: String,
        /// Which columns are missing, and the header found.
        message: String,
    },
}

/// What the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// JSON lines of decided cases.
    DecidedLines,
    /// The case library's JSON lines export.
    LibraryLines,
    /// A case table (CSV, .xlsx).
    Table,
}

impl SourceKind {
    /// In words, for the page.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::DecidedLines => LineKind::Decided.label(),
            SourceKind::LibraryLines => LineKind::Library.label(),
            SourceKind::Table => "案件表（CSV、Excel）",
        }
    }
}

/// A case with findings, with the decided case it was read as (for the drill-down).
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    /// Its review.
    pub review: CaseReview,
    /// The decided case as read.
    pub case: DecidedCase,
}

/// One row of the batch worth showing, in row order.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// A case with findings.
    Case(Box<Reviewed>),
    /// A row that could not be reviewed.
    Unreadable(RowError),
}

/// How far the review has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Rows (lines) taken so far, blank lines included.
    pub rows: u64,
    /// How far into the input: bytes for JSON lines, rows for a table.
    pub at: u64,
    /// The input's size in the same unit.
    pub of: u64,
    /// Whether every row has been taken.
    pub finished: bool,
}

impl Progress {
    /// Per mille done (0–1000), for a progress bar.
    pub fn permille(&self) -> u64 {
        if self.finished || self.of == 0 {
            return 1000;
        }
        (self.at.min(self.of).saturating_mul(1000) / self.of).min(999)
    }
}

enum Input {
    Lines {
        bytes: Rc<Vec<u8>>,
        pos: usize,
        row: u64,
        kind: LineKind,
    },
    Table {
        doc: Rc<Document>,
        tables: CaseTables,
        table: usize,
        row: usize,
        taken: u64,
        total: u64,
    },
}

/// A batch being reviewed, and what it has found so far.
pub struct Session {
    file: String,
    kind: SourceKind,
    input: Input,
    tally: Tally,
    done: Vec<Done>,
    rows: u64,
    finished: bool,
    notes: Vec<String>,
}

impl Session {
    /// Opens `bytes`, the file named `file`: a case table by its extension (.csv, .xlsx …, read
    /// by src/table through `map`), else JSON lines — decided cases or the library's records,
    /// told apart by the first line. Nothing is reviewed yet. The bytes are shared, not copied
    /// (the page keeps them to review the file again on another pack).
    pub fn open(
        file: &str,
        bytes: impl Into<Rc<Vec<u8>>>,
        map: &ColumnMapping,
        lp: &LoadedPack,
    ) -> Result<Session, OpenError> {
        let bytes: Rc<Vec<u8>> = bytes.into();
        let blank = bytes.iter().all(|b| b.is_ascii_whitespace())
            || bytes.as_slice() == "\u{feff}".as_bytes();
        if bytes.is_empty() || blank {
            return Err(OpenError::Empty { file: file.into() });
        }
        if batch::is_table_name(file) {
            let doc = read_table(file, &bytes)?;
            return Session::of_table(file, Rc::new(doc), map, lp);
        }
        let kind = first_line(&bytes).map_or(LineKind::Decided, LineKind::of);
        Ok(Session {
            file: file.into(),
            kind: match kind {
                LineKind::Decided => SourceKind::DecidedLines,
                LineKind::Library => SourceKind::LibraryLines,
            },
            input: Input::Lines {
                bytes,
                pos: 0,
                row: 0,
                kind,
            },
            tally: Tally::new(lp, kind.stated()),
            done: Vec::new(),
            rows: 0,
            finished: false,
            notes: Vec::new(),
        })
    }

    /// Opens a case table already read (the column mapper's, [`mapper::Mapper::document`]),
    /// through `map`, as [`Session::open`] opens the file.
    pub fn of_table(
        file: &str,
        doc: Rc<Document>,
        map: &ColumnMapping,
        lp: &LoadedPack,
    ) -> Result<Session, OpenError> {
        let tables = CaseTables::of(&doc, map).map_err(|e| OpenError::Header {
            file: file.into(),
            message: e.to_string(),
        })?;
        let mut notes: Vec<String> = doc.notes.iter().map(|n| format!("{file}：{n}")).collect();
        for (name, e) in &tables.skipped {
            notes.push(format!("{file}：“{name}”不是案件表，未评查（{e}）"));
        }
        for (i, cols) in &tables.tables {
            if let (Some(t), false) = (doc.tables.get(*i), cols.ignored.is_empty()) {
                notes.push(format!(
                    "{file}：“{}”中以下列未使用：{}",
                    t.name,
                    cols.ignored.join("、")
                ));
            }
        }
        let stated = tables.stated();
        let total = tables.rows(&doc) as u64;
        Ok(Session {
            file: file.into(),
            kind: SourceKind::Table,
            input: Input::Table {
                doc,
                tables,
                table: 0,
                row: 0,
                taken: 0,
                total,
            },
            tally: Tally::new(lp, stated),
            done: Vec::new(),
            rows: 0,
            finished: false,
            notes,
        })
    }

    /// Reviews up to `max` more rows (at least one) against `lp`, the pack the session was
    /// opened with; returns the progress.
    pub fn step(&mut self, lp: &LoadedPack, max: usize) -> Progress {
        for _ in 0..max.max(1) {
            let Some(entry) = self.next_entry(lp) else {
                self.finished = true;
                break;
            };
            self.rows += 1;
            let Some(entry) = entry else { continue };
            match entry {
                Ok(n) => match self.tally.review(lp, n.row, &n.case) {
                    Ok(review) if review.findings.is_empty() => {}
                    Ok(mut review) => {
                        review.place = n.place;
                        self.done.push(Done::Case(Box::new(Reviewed {
                            review,
                            case: n.case,
                        })));
                    }
                    Err(mut e) => {
                        e.place = n.place;
                        self.done.push(Done::Unreadable(e));
                    }
                },
                Err(e) => {
                    if let Err(e) = self.tally.push(lp, Err(e)) {
                        self.done.push(Done::Unreadable(e));
                    }
                }
            }
        }
        if !self.finished && self.at_end() {
            self.finished = true;
        }
        self.progress()
    }

    /// Runs the review to its end.
    pub fn run(&mut self, lp: &LoadedPack) -> Progress {
        while !self.finished {
            self.step(lp, 4096);
        }
        self.progress()
    }

    /// The next row: None at the end; Some(None) for a blank line.
    fn next_entry(&mut self, lp: &LoadedPack) -> Option<Option<batch::Entry>> {
        match &mut self.input {
            Input::Lines {
                bytes,
                pos,
                row,
                kind,
            } => {
                if *pos >= bytes.len() {
                    return None;
                }
                let rest = &bytes[*pos..];
                let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                let line = &rest[..len];
                *pos += (len + 1).min(rest.len());
                *row += 1;
                Some(batch::line_entry(*kind, *row, line))
            }
            Input::Table {
                doc,
                tables,
                table,
                row,
                taken,
                ..
            } => loop {
                if *table >= tables.tables.len() {
                    return None;
                }
                match tables.entry(doc, *table, *row, lp) {
                    Some(e) => {
                        *row += 1;
                        *taken += 1;
                        return Some(Some(e));
                    }
                    None => {
                        *table += 1;
                        *row = 0;
                    }
                }
            },
        }
    }

    fn at_end(&self) -> bool {
        match &self.input {
            Input::Lines { bytes, pos, .. } => *pos >= bytes.len(),
            Input::Table { taken, total, .. } => *taken >= *total,
        }
    }

    /// How far it has got.
    pub fn progress(&self) -> Progress {
        let (at, of) = match &self.input {
            Input::Lines { bytes, pos, .. } => (*pos as u64, bytes.len() as u64),
            Input::Table { taken, total, .. } => (*taken, *total),
        };
        Progress {
            rows: self.rows,
            at,
            of,
            finished: self.finished,
        }
    }

    /// Whether every row has been reviewed.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// What the file is.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    /// The pack's content hash the session reviews against.
    pub fn pack_hash(&self) -> &str {
        &self.tally.summary().pack.hash
    }

    /// What the file states (the checks that need more are not run).
    pub fn stated(&self) -> Stated {
        self.tally.stated()
    }

    /// The summary so far.
    pub fn summary(&self) -> &Summary {
        self.tally.summary()
    }

    /// Notes on the file: sheets that are not case tables, columns not used, the reader's notes.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The cases with findings and the rows that could not be read, in row order.
    pub fn done(&self) -> &[Done] {
        &self.done
    }

    /// The `i`th of [`Session::done`], when it is a case.
    pub fn case(&self, i: usize) -> Option<&Reviewed> {
        match self.done.get(i)? {
            Done::Case(c) => Some(c),
            Done::Unreadable(_) => None,
        }
    }

    /// The rows that could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &RowError> {
        self.done.iter().filter_map(|d| match d {
            Done::Unreadable(e) => Some(e),
            Done::Case(_) => None,
        })
    }

    /// The `i`th case of [`Session::done`] evaluated again, for its drill-down: its review and
    /// the full result with the trace. None when `i` is not a case.
    pub fn detail(
        &self,
        lp: &LoadedPack,
        i: usize,
    ) -> Option<Result<(CaseReview, EvalResult), RowError>> {
        let c = self.case(i)?;
        Some(
            super::review_stated(lp, c.review.row, &c.case, self.stated()).map(
                |(mut review, result)| {
                    review.place = c.review.place.clone();
                    (review, result)
                },
            ),
        )
    }

    /// The findings as CSV, as `cailiang review --csv` writes them for the same file.
    pub fn csv(&self) -> String {
        let mut w = match CsvWriter::new(Vec::new()) {
            Ok(w) => w,
            Err(_) => return String::new(),
        };
        for d in &self.done {
            let rows = match d {
                Done::Case(c) => finding_rows(&c.review),
                Done::Unreadable(e) => vec![error_row(e)],
            };
            for r in rows {
                let _ = w.row(&r);
            }
        }
        w.finish()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The findings as an .xlsx workbook, as `cailiang review --xlsx` writes it.
    pub fn xlsx(&self) -> Result<Vec<u8>, xlsx::XlsxReportError> {
        let mut w = xlsx::XlsxWriter::new()?;
        for d in &self.done {
            match d {
                Done::Case(c) => {
                    for r in finding_rows(&c.review) {
                        w.row(&r)?;
                    }
                }
                Done::Unreadable(e) => w.row(&error_row(e))?,
            }
        }
        w.finish(self.summary())
    }

    /// The self-contained HTML report, as `cailiang review --html` writes it.
    pub fn html(&self) -> String {
        let meta = html::Meta {
            input: self.file.clone(),
        };
        html::report(
            &meta,
            self.summary(),
            self.done.iter().map(|d| match d {
                Done::Case(c) => html::case_section(&c.review),
                Done::Unreadable(e) => html::error_section(e),
            }),
        )
    }
}

/// Reads a case table file (CSV, .xlsx) with src/table.
fn read_table(file: &str, bytes: &[u8]) -> Result<Document, OpenError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) || bytes == "\u{feff}".as_bytes() {
        return Err(OpenError::Empty { file: file.into() });
    }
    crate::table::read_file(file, bytes).map_err(|e| OpenError::Table {
        file: file.into(),
        message: e.to_string(),
    })
}

/// The first non-blank line of JSON lines, as text (at most [`MAX_LINE`] bytes of it).
fn first_line(bytes: &[u8]) -> Option<&str> {
    bytes
        .split(|&b| b == b'\n')
        .map(|l| &l[..l.len().min(MAX_LINE)])
        .filter_map(|l| std::str::from_utf8(l).ok())
        .find(|l| !l.trim_start_matches('\u{feff}').trim().is_empty())
}

#[cfg(test)]
mod tests;
