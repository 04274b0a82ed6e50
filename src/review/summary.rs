//! The running summary of a batch: counts by severity, by rule, by item and by outcome, and
//! where each fine sits in its benchmark range (a histogram per item) — bounded by the number of
//! rules and items, not of cases.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::CaseReview;
use super::finding::{Rule, Severity};
use crate::engine::result::MoneyRange;
use crate::pack::LoadedPack;

/// Bins of a benchmark range in the strip chart.
pub const BINS: usize = 20;

/// Where a fine sits in its benchmark range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "at", content = "bin", rename_all = "snake_case")]
pub enum Position {
    /// Below the range.
    Below,
    /// In the range: bin 0 (the minimum) to `BINS - 1` (the maximum).
    In(u8),
    /// Above the range.
    Above,
}

impl Position {
    /// Where `fine` sits in `range`, with each bound's 含本数; None if it cannot be computed.
    pub fn of(fine: Decimal, range: &MoneyRange) -> Option<Position> {
        let (lo, hi) = (range.min.0, range.max.0);
        if fine < lo || (fine == lo && !range.min_inclusive) {
            return Some(Position::Below);
        }
        if fine > hi || (fine == hi && !range.max_inclusive) {
            return Some(Position::Above);
        }
        let width = hi.checked_sub(lo)?;
        if width.is_zero() {
            return Some(Position::In((BINS / 2) as u8));
        }
        let bins = Decimal::from(BINS as u64);
        let at = fine
            .checked_sub(lo)?
            .checked_mul(bins)?
            .checked_div(width)?
            .floor();
        let last = (BINS - 1) as u8;
        let bin = rust_decimal::prelude::ToPrimitive::to_u8(&at)
            .unwrap_or(last)
            .min(last);
        Some(Position::In(bin))
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Errors.
    pub error: u64,
    /// Warnings.
    pub warning: u64,
    /// Notices.
    pub notice: u64,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Notice => self.notice += 1,
        }
    }

    /// The count for one severity.
    pub fn get(&self, s: Severity) -> u64 {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Notice => self.notice,
        }
    }

    /// All findings.
    pub fn total(&self) -> u64 {
        self.error + self.warning + self.notice
    }
}

/// Where the fines of one item sit in their benchmark ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Strip {
    /// Fines below the range.
    pub below: u64,
    /// Fines in each bin of the range.
    pub bins: [u64; BINS],
    /// Fines above the range.
    pub above: u64,
}

impl Strip {
    fn add(&mut self, p: Position) {
        match p {
            Position::Below => self.below += 1,
            Position::Above => self.above += 1,
            Position::In(b) => {
                if let Some(x) = self.bins.get_mut(usize::from(b)) {
                    *x += 1;
                }
            }
        }
    }

    /// Fines placed.
    pub fn total(&self) -> u64 {
        self.below + self.above + self.bins.iter().sum::<u64>()
    }
}

/// One item's figures.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ItemSummary {
    /// Item name.
    pub name: String,
    /// Cases reviewed.
    pub cases: u64,
    /// Cases with at least one finding.
    pub with_findings: u64,
    /// Findings by severity.
    pub findings: Counts,
    /// Where the fines sit in their benchmark ranges.
    pub strip: Strip,
}

/// The pack the batch was reviewed against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackRef {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Edition.
    pub edition: String,
    /// SHA-256 of the pack file.
    pub hash: String,
    /// A reference example, not an issued benchmark.
    pub reference_only: bool,
}

/// The summary of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The pack.
    pub pack: PackRef,
    /// Cases reviewed.
    pub cases: u64,
    /// Rows that could not be reviewed.
    pub unreadable: u64,
    /// Cases reviewed without findings.
    pub clean: u64,
    /// Cases by their most serious finding.
    pub cases_by_worst: Counts,
    /// Findings by severity.
    pub findings: Counts,
    /// Findings by rule.
    pub by_rule: BTreeMap<Rule, u64>,
    /// Cases and findings by item code.
    pub by_item: BTreeMap<String, ItemSummary>,
    /// Cases by outcome (its snake_case name).
    pub by_outcome: BTreeMap<&'static str, u64>,
    /// Rules not checked: the source does not state what they need.
    pub not_checked: Vec<Rule>,
    /// What the source does not state.
    pub not_stated: Vec<crate::review::stated::Record>,
}

impl Summary {
    /// An empty summary for a batch against this pack.
    pub fn new(lp: &LoadedPack) -> Summary {
        let m = &lp.pack.meta;
        Summary {
            pack: PackRef {
                id: m.id.clone(),
                title: m.title.clone(),
                edition: m.edition.clone(),
                hash: lp.hash.clone(),
                reference_only: m.reference_only,
            },
            cases: 0,
            unreadable: 0,
            clean: 0,
            cases_by_worst: Counts::default(),
            findings: Counts::default(),
            by_rule: BTreeMap::new(),
            by_item: BTreeMap::new(),
            by_outcome: BTreeMap::new(),
            not_checked: Vec::new(),
            not_stated: Vec::new(),
        }
    }

    /// Counts a reviewed case.
    pub fn add(&mut self, r: &CaseReview) {
        self.cases += 1;
        match r.worst() {
            Some(s) => self.cases_by_worst.add(s),
            None => self.clean += 1,
        }
        *self.by_outcome.entry(r.outcome.name()).or_default() += 1;
        let item = match self.by_item.get_mut(&r.item) {
            Some(i) => i,
            None => self.by_item.entry(r.item.clone()).or_insert(ItemSummary {
                name: r.item_name.clone(),
                ..ItemSummary::default()
            }),
        };
        item.cases += 1;
        if !r.findings.is_empty() {
            item.with_findings += 1;
        }
        if let Some(p) = r.position {
            item.strip.add(p);
        }
        for f in &r.findings {
            self.findings.add(f.severity);
            item.findings.add(f.severity);
            *self.by_rule.entry(f.rule).or_default() += 1;
        }
    }

    /// Counts a row that could not be reviewed.
    pub fn add_unreadable(&mut self) {
        self.unreadable += 1;
    }

    /// Whether the batch has an error-level finding or a row that could not be reviewed.
    pub fn has_errors(&self) -> bool {
        self.findings.error > 0 || self.unreadable > 0
    }

    /// One line in Chinese.
    pub fn line(&self) -> String {
        format!(
            "评查 {} 件：无问题 {} 件；错误 {} 项、警告 {} 项、提示 {} 项；无法评查 {} 行（基准：{} {}，内容摘要 {}）",
            self.cases,
            self.clean,
            self.findings.error,
            self.findings.warning,
            self.findings.notice,
            self.unreadable,
            self.pack.title,
            self.pack.edition,
            self.pack.hash.get(..12).unwrap_or(&self.pack.hash)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn range(lo: i64, hi: i64, lo_inc: bool, hi_inc: bool) -> MoneyRange {
        MoneyRange {
            min: Dec(lo.into()),
            min_inclusive: lo_inc,
            max: Dec(hi.into()),
            max_inclusive: hi_inc,
        }
    }

    #[test]
    fn positions_respect_the_bounds() {
        let r = range(100, 200, true, true);
        let at = |x: i64| Position::of(Decimal::from(x), &r);
        assert_eq!(at(99), Some(Position::Below));
        assert_eq!(at(100), Some(Position::In(0)));
        assert_eq!(at(150), Some(Position::In(10)));
        assert_eq!(at(199), Some(Position::In(19)));
        assert_eq!(at(200), Some(Position::In(19)));
        assert_eq!(at(201), Some(Position::Above));
        let open = range(100, 200, false, false);
        assert_eq!(
            Position::of(Decimal::from(100), &open),
            Some(Position::Below)
        );
        assert_eq!(
            Position::of(Decimal::from(200), &open),
            Some(Position::Above)
        );
        let point = range(10000, 10000, true, true);
        assert_eq!(
            Position::of(Decimal::from(10000), &point),
            Some(Position::In(10))
        );
    }
}
