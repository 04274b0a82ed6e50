//! The import report: for every cell of the table, what was made of it — read, waiting for the
//! author's decision, or not understood — with its place in the file and the original words
//! beside the result; the rows that were not data (titles, repeated headers) and the tables that
//! were not imported; then the validator's report on the pack that came out.

use serde::Serialize;

use crate::import::Fragment;
use crate::pack::model::{ColumnMapping, ColumnRole, PublishedLayout};
use crate::table::{Format, Place};
use crate::validate;

/// What became of a cell, a part of one, or a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read with certainty.
    Parsed,
    /// Not imported, as the mapping says (a column mapped `ignore`, a copy of the header).
    Ignored,
    /// Read, but the author must decide something (which provision is the 处罚依据, a quote to
    /// add, a column to map). The pack marks the part so that the validator flags it.
    NeedsDecision,
    /// Words the parsers could not read with certainty; nothing was guessed.
    NotUnderstood,
}

impl Status {
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Status::Parsed => "已读取",
            Status::Ignored => "未导入",
            Status::NeedsDecision => "待决定",
            Status::NotUnderstood => "未读懂",
        }
    }
}

/// One thing the importer found in a cell (or a table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What became of it.
    pub status: Status,
    /// The words it is about: byte offsets into the cell's text, and the words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fragment: Option<Fragment>,
    /// What was made of them, or why not, in Chinese.
    pub message: String,
    /// Where the result is in the pack (JSON path), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Finding {
    pub(crate) fn new(status: Status, message: impl Into<String>) -> Finding {
        Finding {
            status,
            fragment: None,
            message: message.into(),
            path: None,
        }
    }
    pub(crate) fn at(mut self, fragment: Option<Fragment>) -> Finding {
        self.fragment = fragment;
        self
    }
    pub(crate) fn path(mut self, path: impl Into<String>) -> Finding {
        self.path = Some(path.into());
        self
    }
}

/// A cell of the table and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellReport {
    /// Where the cell is.
    pub place: Place,
    /// What its column holds (absent for a column the mapping does not name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ColumnRole>,
    /// Its text as the file has it.
    pub text: String,
    /// For a cell covered by a merged cell: the merged cell's own place (its text was read
    /// there, once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<Place>,
    /// The worst status of its findings.
    pub status: Status,
    /// What was made of it.
    pub findings: Vec<Finding>,
}

/// A row of the file that is not a data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowNote {
    /// Where it is.
    pub place: Place,
    /// What it is.
    pub kind: RowKind,
    /// Its text (cells joined by " | ").
    pub text: String,
}

/// Kinds of [`RowNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A title or note above the header.
    Preamble,
    /// The header.
    Header,
    /// A copy of the header (repeated on each printed page), skipped.
    RepeatedHeader,
}

impl RowKind {
    fn label(self) -> &'static str {
        match self {
            RowKind::Preamble => "表头上方的标题或说明",
            RowKind::Header => "表头",
            RowKind::RepeatedHeader => "重复的表头（已跳过）",
        }
    }
}

/// How a table's columns were mapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// The header is a published layout's.
    Recognised,
    /// The author's mapping.
    Given,
    /// Guessed column by column from the header's words: the author should confirm it.
    Guessed,
    /// Not mapped: the table was not imported.
    None,
}

/// One sheet or table of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableReport {
    /// Sheet name or "表格 N".
    pub name: String,
    /// How a person names it: "工作表“节约能源法”", "第 2 个表格", the CSV file's name.
    pub label: String,
    /// Its number in the file.
    pub number: u32,
    /// Whether its rows were imported.
    pub imported: bool,
    /// How its columns were mapped.
    pub mapping_source: MappingSource,
    /// The layout it was recognised as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<PublishedLayout>,
    /// Findings about the table as a whole (a column not mapped, no header …).
    pub findings: Vec<Finding>,
    /// The rows that are not data.
    pub rows: Vec<RowNote>,
    /// Every non-empty data cell.
    pub cells: Vec<CellReport>,
}

/// Counts of findings by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// [`Status::Parsed`].
    pub parsed: usize,
    /// [`Status::Ignored`].
    pub ignored: usize,
    /// [`Status::NeedsDecision`].
    pub needs_decision: usize,
    /// [`Status::NotUnderstood`].
    pub not_understood: usize,
}

/// The import report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file.
    pub file: String,
    /// What kind of file.
    pub format: Format,
    /// For text files, the encoding used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Findings about the file as a whole (the reader's notes, metadata to fill in).
    pub findings: Vec<Finding>,
    /// Each sheet or table.
    pub tables: Vec<TableReport>,
    /// Items made.
    pub items: usize,
    /// Tiers made.
    pub tiers: usize,
    /// 免罚 rows made.
    pub exemptions: usize,
    /// Findings by status.
    pub counts: Counts,
    /// The mapping used (also saved in the pack's `table_mapping`).
    pub mapping: ColumnMapping,
    /// The validator's report on the pack.
    pub validation: validate::Report,
}

impl ImportReport {
    /// Every finding, with the place it is at (a cell, or the table / file for findings
    /// without one).
    pub fn all_findings(&self) -> impl Iterator<Item = (String, &Finding)> {
        let file = self.findings.iter().map(|f| (self.file.clone(), f));
        let tables = self.tables.iter().flat_map(|t| {
            let head = t.findings.iter().map(move |f| (t.label.clone(), f));
            let cells = t
                .cells
                .iter()
                .flat_map(|c| c.findings.iter().map(move |f| (c.place.to_string(), f)));
            head.chain(cells)
        });
        file.chain(tables)
    }

    /// Whether anything needs the author's decision or was not understood, or the validator
    /// found an error.
    pub fn needs_decision(&self) -> bool {
        self.counts.needs_decision > 0 || self.counts.not_understood > 0 || !self.validation.is_ok()
    }

    /// One summary line in Chinese.
    pub fn summary(&self) -> String {
        format!(
            "{}：导入 {} 个违法行为、{} 个裁量阶次、{} 个免罚情形；已读取 {} 处，待决定 {} 处，未读懂 {} 处，未导入 {} 处",
            self.file,
            self.items,
            self.tiers,
            self.exemptions,
            self.counts.parsed,
            self.counts.needs_decision,
            self.counts.not_understood,
            self.counts.ignored
        )
    }

    /// The report as lines, one per finding with its place, then the rows that are not
    /// data, then the validator's findings.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (place, f) in self.all_findings() {
            let words = f
                .fragment
                .as_ref()
                .map(|w| format!("“{}”", one_line(&w.text)))
                .unwrap_or_default();
            let sep = if words.is_empty() { "" } else { " → " };
            out.push(format!(
                "{place}：{}：{words}{sep}{}",
                f.status.label(),
                f.message
            ));
        }
        for t in &self.tables {
            for r in &t.rows {
                out.push(format!(
                    "{}：{}：{}",
                    r.place,
                    r.kind.label(),
                    one_line(&r.text)
                ));
            }
        }
        out.push(self.validation.summary());
        out.extend(self.validation.lines());
        out
    }

    pub(crate) fn count(&mut self) {
        let mut c = Counts::default();
        // The findings of all_findings, without making their places.
        let statuses: Vec<Status> = self
            .findings
            .iter()
            .chain(self.tables.iter().flat_map(|t| {
                t.findings
                    .iter()
                    .chain(t.cells.iter().flat_map(|c| c.findings.iter()))
            }))
            .map(|f| f.status)
            .collect();
        for s in statuses {
            match s {
                Status::Parsed => c.parsed += 1,
                Status::Ignored => c.ignored += 1,
                Status::NeedsDecision => c.needs_decision += 1,
                Status::NotUnderstood => c.not_understood += 1,
            }
        }
        self.counts = c;
    }
}

/// Text on one line, shortened for a report line.
fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let n = flat.chars().count();
    if n > 80 {
        let head: String = flat.chars().take(77).collect();
        format!("{head}…")
    } else {
        flat
    }
}
