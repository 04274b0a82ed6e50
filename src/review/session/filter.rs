//! The findings table of the page: which findings a reviewer's filter keeps (by severity, rule,
//! item, 承办人, 承办机构), and the choices each filter offers (what the batch has).

use std::collections::BTreeMap;

use super::{Done, Session};
use crate::review::CaseReview;
use crate::review::finding::{Finding, Rule, Severity};

/// The reviewer's filter; None keeps every value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Severity.
    pub severity: Option<Severity>,
    /// Rule.
    pub rule: Option<Rule>,
    /// Item code.
    pub item: Option<String>,
    /// 承办人 (as recorded).
    pub officer: Option<String>,
    /// 承办机构 (as recorded).
    pub unit: Option<String>,
}

impl Filter {
    /// Whether it keeps finding `f` of case `r`.
    pub fn keeps(&self, r: &CaseReview, f: &Finding) -> bool {
        self.severity.is_none_or(|s| f.severity == s)
            && self.rule.is_none_or(|x| f.rule == x)
            && self.item.as_ref().is_none_or(|i| r.item == *i)
            && self
                .officer
                .as_ref()
                .is_none_or(|o| r.officer.as_ref() == Some(o))
            && self
                .unit
                .as_ref()
                .is_none_or(|u| r.unit.as_ref() == Some(u))
    }

    /// Whether it keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// One finding in the table: the case (its index in [`Session::done`]) and the finding's index
/// in the case's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingRef {
    /// Index of the case in [`Session::done`].
    pub case: usize,
    /// Index of the finding in the case's findings.
    pub finding: usize,
}

/// What each filter offers: the values the batch's findings have, with how many findings each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    /// Severities.
    pub severities: Vec<(Severity, u64)>,
    /// Rules, in report order.
    pub rules: Vec<(Rule, u64)>,
    /// Items: code, name, findings.
    pub items: Vec<(String, String, u64)>,
    /// 承办人.
    pub officers: Vec<(String, u64)>,
    /// 承办机构.
    pub units: Vec<(String, u64)>,
}

impl Session {
    /// The findings the filter keeps, in row order.
    pub fn findings(&self, filter: &Filter) -> Vec<FindingRef> {
        let mut out = Vec::new();
        for (i, d) in self.done.iter().enumerate() {
            let Done::Case(c) = d else { continue };
            for (j, f) in c.review.findings.iter().enumerate() {
                if filter.keeps(&c.review, f) {
                    out.push(FindingRef {
                        case: i,
                        finding: j,
                    });
                }
            }
        }
        out
    }

    /// The finding `r` refers to, with its case.
    pub fn finding(&self, r: FindingRef) -> Option<(&CaseReview, &Finding)> {
        let c = self.case(r.case)?;
        Some((&c.review, c.review.findings.get(r.finding)?))
    }

    /// The values the findings have, for the filters' choices.
    pub fn facets(&self) -> Facets {
        let mut items: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
        let mut officers: BTreeMap<&str, u64> = BTreeMap::new();
        let mut units: BTreeMap<&str, u64> = BTreeMap::new();
        for d in &self.done {
            let Done::Case(c) = d else { continue };
            let r = &c.review;
            let n = r.findings.len() as u64;
            items.entry(&r.item).or_insert((&r.item_name, 0)).1 += n;
            if let Some(o) = &r.officer {
                *officers.entry(o).or_default() += n;
            }
            if let Some(u) = &r.unit {
                *units.entry(u).or_default() += n;
            }
        }
        let s = self.summary();
        Facets {
            severities: Severity::ALL
                .iter()
                .map(|x| (*x, s.findings.get(*x)))
                .filter(|(_, n)| *n > 0)
                .collect(),
            rules: Rule::ALL
                .iter()
                .filter_map(|r| s.by_rule.get(r).map(|n| (*r, *n)))
                .collect(),
            items: items
                .into_iter()
                .map(|(c, (name, n))| (c.to_string(), name.to_string(), n))
                .collect(),
            officers: officers
                .into_iter()
                .map(|(o, n)| (o.to_string(), n))
                .collect(),
            units: units.into_iter().map(|(u, n)| (u.to_string(), n)).collect(),
        }
    }
}
