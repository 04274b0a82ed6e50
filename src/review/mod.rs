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
pub mod mapping;
pub mod provisions;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod run;
pub mod summary;

use serde::Serialize;
use thiserror::Error;

pub use decided::{DecidedCase, Decision};
pub use finding::{Finding, Rule, Severity, Shown};
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
    /// Its reference (案号), where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
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
    /// The findings, in the order of the checks.
    pub findings: Vec<Finding>,
}

impl CaseReview {
    /// The most serious finding's severity.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }
}

/// A row of a batch that could not be reviewed: it is reported with its number, and every other
/// row is still reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[error("第 {row} 行{}：{problem}", reference.as_ref().map(|r| format!("（{r}）")).unwrap_or_default())]
pub struct RowError {
    /// Row (line) number, 1-based.
    pub row: u64,
    /// Its reference (案号), when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// What is wrong.
    pub problem: Box<RowProblem>,
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

/// Reviews one decided case: evaluates it and runs every check. Returns the evaluation too, for
/// a caller that shows it (the 提交前自查 panel).
pub fn review_case(
    lp: &LoadedPack,
    row: u64,
    dc: &DecidedCase,
) -> Result<(CaseReview, EvalResult), RowError> {
    let case = dc.case_for_review();
    let result = evaluate(lp, &case).map_err(|e| RowError {
        row,
        reference: dc.reference.clone(),
        problem: Box::new(RowProblem::Engine {
            error: within_case(e),
        }),
    })?;
    let findings = checks::run(&checks::Ctx::new(dc, &result));
    let fine = dc.decision.fine_total();
    let benchmark = result.benchmark;
    let review = CaseReview {
        row,
        reference: dc.reference.clone(),
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

/// Reviews cases one at a time, keeping a running summary.
pub struct Reviewer<'p> {
    lp: &'p LoadedPack,
    summary: Summary,
}

impl<'p> Reviewer<'p> {
    /// A reviewer against this pack (taken in through `validate::accept_pack`).
    pub fn new(lp: &'p LoadedPack) -> Reviewer<'p> {
        Reviewer {
            lp,
            summary: Summary::new(lp),
        }
    }

    /// Reviews one decided case, counting it in the summary.
    pub fn review(&mut self, row: u64, dc: &DecidedCase) -> Result<CaseReview, RowError> {
        match review_case(self.lp, row, dc) {
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
    pub fn push(&mut self, entry: batch::Entry) -> Result<CaseReview, RowError> {
        match entry {
            Ok((row, dc)) => self.review(row, &dc),
            Err(e) => {
                self.summary.add_unreadable();
                Err(e)
            }
        }
    }

    /// Reviews one JSON line; None for a blank line.
    pub fn push_line(&mut self, row: u64, line: &str) -> Option<Result<CaseReview, RowError>> {
        batch::parse_line(row, line).map(|e| self.push(e))
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
