//! 案卷评查: decided cases checked against the benchmark — one case before filing (提交前自查) or a
//! year's cases at once.
//!
//! A [`DecidedCase`] is the case as entered plus what was decided and recorded. The review
//! evaluates the case with the fine imposed as the amount ([`DecidedCase::case_for_review`]),
//! then runs the [`checks`]: each reads what the engine recorded on the result and what the
//! case file records, and reports a [`Finding`] with its [`Rule`], [`Severity`], citations and
//! the expected against the recorded value. Nothing here evaluates a pack condition.
//!
//! [`Reviewer`] is incremental: push cases (or JSON lines) one at a time or in chunks, get each
//! case's findings back and a running [`Summary`] — the CLI streams a file through it; the
//! browser page runs it in chunks behind a progress bar. Memory is flat in the number of cases:
//! the summary holds counts per rule and per item only.

pub mod batch;
pub mod checks;
pub mod decided;
pub mod finding;
pub mod library;
pub mod mapping;
pub mod provisions;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod run;
pub mod self_check;
pub mod session;
pub mod stated;
pub mod summary;

use serde::Serialize;
use thiserror::Error;

pub use decided::{DecidedCase, Decision};
pub use finding::{Finding, Rule, Severity, Shown};
pub use stated::{Record, Stated};
pub use summary::{Position, Summary};

use crate::engine::error::EngineError;
use crate::engine::evaluate;
use crate::engine::result::{EvalResult, MoneyRange, Outcome};
use crate::num::Dec;
use crate::pack::LoadedPack;

/// One case reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseReview {
    /// Its row (line) number in the batch, 1-based; 0 for a single case.
    pub row: u64,
    /// Where the row is, in words, for a table ("工作表“案件”第 5 行"); absent for JSON lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Its reference (案号), where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// 承办人员, where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// 承办机构, where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The item applied.
    pub item: String,
    /// Its name.
    pub item_name: String,
    /// What the evaluation comes to.
    pub outcome: Outcome,
    /// The total fine imposed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fine: Option<Dec>,
    /// The benchmark (tier) range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<MoneyRange>,
    /// Where the fine sits in the benchmark range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The findings, in the order of the checks: the party's, then each other party's (their
    /// `party` names it).
    pub findings: Vec<Finding>,
}

impl CaseReview {
    /// Where the row is, in words: its place in a table, or its line.
    pub fn whereabouts(&self) -> String {
        self.place
            .clone()
            .unwrap_or_else(|| format!("第 {} 行", self.row))
    }

    /// The most serious finding's severity.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }
}

/// A row of a batch that could not be reviewed: it is reported with its number, and every other
/// row is still reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[error("{}{}：{problem}", self.whereabouts(), reference.as_ref().map(|r| format!("（{r}）")).unwrap_or_default())]
pub struct RowError {
    /// Row (line) number, 1-based.
    pub row: u64,
    /// Where the row is, in words, for a table; absent for JSON lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Its reference (案号), when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// What is wrong.
    pub problem: Box<RowProblem>,
}

impl RowError {
    /// Where the row is, in words: its place in a table, or its line.
    pub fn whereabouts(&self) -> String {
        self.place
            .clone()
            .unwrap_or_else(|| format!("第 {} 行", self.row))
    }
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// The line is not a decided case in JSON.
    #[error("{path} 处{message}")]
    Json {
        /// JSON path of the value at fault, e.g. `$.decision.fines[0].amount`.
        path: String,
        /// What is wrong, in Chinese.
        message: String,
    },
    /// The line is longer than a decided case can be.
    #[error("该行超过 {limit} 字节，不是一件案件的记录")]
    TooLong {
        /// The limit in bytes.
        limit: usize,
    },
    /// A cell of a table row does not fit its column.
    #[error("“{column}”列（{place}）：{message}")]
    Cell {
        /// The column's header.
        column: String,
        /// Where the cell is (e.g. "F12").
        place: String,
        /// What is wrong, in Chinese.
        message: String,
    },
    /// The case cannot be evaluated against the pack (unknown item code, a bad fact …).
    #[error("{error}")]
    Engine {
        /// The engine's error; JSON paths in it are within the decided case (`$.case.…`).
        error: EngineError,
    },
}

/// Reviews one decided case that states everything (a JSON decided case): evaluates it and
/// runs every check, for the party and for each other party with a recorded decision. Returns
/// the evaluation too, for a caller that shows it (the 提交前自查 panel).
pub fn review_case(
    lp: &LoadedPack,
    row: u64,
    dc: &DecidedCase,
) -> Result<(CaseReview, EvalResult), RowError> {
    review_stated(lp, row, dc, Stated::all())
}

/// [`review_case`] for a source that states only `stated`.
pub fn review_stated(
    lp: &LoadedPack,
    row: u64,
    dc: &DecidedCase,
    stated: Stated,
) -> Result<(CaseReview, EvalResult), RowError> {
    let case = dc.case_for_review();
    let result = evaluate(lp, &case).map_err(|e| RowError {
        row,
        place: None,
        reference: dc.reference.clone(),
        problem: Box::new(RowProblem::Engine {
            error: within_case(e),
        }),
    })?;
    let mut findings = checks::run(&checks::Ctx::new(dc, &result, stated));
    for (i, co) in result.co_parties.iter().enumerate() {
        let Some(party) = dc.party(i) else { continue };
        let label = co
            .role
            .as_ref()
            .map(|r| r.label.clone())
            .or_else(|| party.case.role.clone());
        for mut f in checks::run(&checks::Ctx::new(&party, co, stated)) {
            f.party = label.clone();
            findings.push(f);
        }
    }
    let fine = dc.decision.fine_total();
    let benchmark = result.benchmark;
    let review = CaseReview {
        row,
        place: None,
        reference: dc.reference.clone(),
        officer: dc.officer.clone(),
        unit: dc.unit.clone(),
        item: result.item.code.clone(),
        item_name: result.item.name.clone(),
        outcome: result.outcome,
        fine,
        benchmark,
        position: fine.zip(benchmark).and_then(|(f, b)| Position::of(f.0, &b)),
        findings,
    };
    Ok((review, result))
}

/// The engine's JSON paths are within the case; in a decided case the case is at `$.case`.
fn within_case(e: EngineError) -> EngineError {
    match e {
        EngineError::BadFact {
            field,
            fact,
            label,
            path,
            message,
        } => EngineError::BadFact {
            field,
            fact,
            label,
            path: match path.strip_prefix('$') {
                Some(rest) => format!("$.case{rest}"),
                None => path,
            },
            message,
        },
        other => other,
    }
}

/// The running state of a batch review without the pack: what the source states and the
/// summary so far. [`Reviewer`] is it with the pack borrowed; the page's session keeps a
/// `Tally` and passes the pack in with each chunk.
#[derive(Debug, Clone)]
pub struct Tally {
    stated: Stated,
    summary: Summary,
}

impl Tally {
    /// A tally against this pack for a source that states `stated`: the checks that need more
    /// are not run, and the summary lists them.
    pub fn new(lp: &LoadedPack, stated: Stated) -> Tally {
        let mut summary = Summary::new(lp);
        summary.not_checked = checks::not_checked(stated);
        summary.not_stated = stated.missing();
        Tally { stated, summary }
    }

    /// What the source states.
    pub fn stated(&self) -> Stated {
        self.stated
    }

    /// Reviews one decided case against `lp` (the tally's pack), counting it in the summary.
    pub fn review(
        &mut self,
        lp: &LoadedPack,
        row: u64,
        dc: &DecidedCase,
    ) -> Result<CaseReview, RowError> {
        match review_stated(lp, row, dc, self.stated) {
            Ok((review, _)) => {
                self.summary.add(&review);
                Ok(review)
            }
            Err(e) => {
                self.summary.add_unreadable();
                Err(e)
            }
        }
    }

    /// Takes one entry of a batch reader: reviews a case, or counts a row that could not be read.
    pub fn push(&mut self, lp: &LoadedPack, entry: batch::Entry) -> Result<CaseReview, RowError> {
        match entry {
            Ok(row) => {
                let mut r = self.review(lp, row.row, &row.case);
                match &mut r {
                    Ok(x) => x.place = row.place,
                    Err(e) => e.place = row.place,
                }
                r
            }
            Err(e) => {
                self.summary.add_unreadable();
                Err(e)
            }
        }
    }

    /// The summary so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The summary of everything pushed.
    pub fn finish(self) -> Summary {
        self.summary
    }
}

/// Reviews cases one at a time, keeping a running summary.
pub struct Reviewer<'p> {
    lp: &'p LoadedPack,
    tally: Tally,
}

impl<'p> Reviewer<'p> {
    /// A reviewer against this pack (taken in through `validate::accept_pack`), for decided
    /// cases that state everything (JSON).
    pub fn new(lp: &'p LoadedPack) -> Reviewer<'p> {
        Reviewer::stating(lp, Stated::all())
    }

    /// A reviewer for a source that states only `stated` (a case table's columns): the checks
    /// that need more are not run, and the summary lists them.
    pub fn stating(lp: &'p LoadedPack, stated: Stated) -> Reviewer<'p> {
        Reviewer {
            lp,
            tally: Tally::new(lp, stated),
        }
    }

    /// Reviews one decided case, counting it in the summary.
    pub fn review(&mut self, row: u64, dc: &DecidedCase) -> Result<CaseReview, RowError> {
        self.tally.review(self.lp, row, dc)
    }

    /// Takes one entry of a batch reader: reviews a case, or counts a row that could not be read.
    pub fn push(&mut self, entry: batch::Entry) -> Result<CaseReview, RowError> {
        self.tally.push(self.lp, entry)
    }

    /// Reviews one JSON line; None for a blank line.
    pub fn push_line(&mut self, row: u64, line: &str) -> Option<Result<CaseReview, RowError>> {
        batch::parse_line(row, line).map(|e| self.push(e))
    }

    /// The summary so far.
    pub fn summary(&self) -> &Summary {
        self.tally.summary()
    }

    /// The summary of everything pushed.
    pub fn finish(self) -> Summary {
        self.tally.finish()
    }
}
