//! The case library (案件库): every case the officer keeps, with the document inputs, the
//! result's summary for listing and for 类案, and the pack it was computed under. Plain types and
//! operations; the browser keeps the records in IndexedDB (one record per key `id`) and calls
//! these functions.
//!
//! - [`LibraryRecord`] and [`ResultSummary`]: a record, made from a case and its result
//!   ([`LibraryRecord::new`]); timestamps are passed in (milliseconds since 1970 by the
//!   caller's clock), never read here.
//! - [`Library`]: the records, newest first; [`Library::upsert`], [`Library::remove`],
//!   [`Library::search`] by party name, 案号 / 文号, item and date range, [`Library::merge`].
//! - [`export`]: the whole library as JSON lines (lossless, read back by
//!   [`export::from_jsonl`], bad lines reported by number) and as CSV for 案卷评查
//!   ([`export::CSV_COLUMNS`]).
//! - [`migrate`]: the LocalStorage recent-case list (`cailiang.recent.v1`) to records.
//! - [`snapshot`]: the calculator's case as it saves it on every change, taken into the
//!   records ([`Library::absorb`]); record ids ([`snapshot::record_id`]).
//! - [`current`]: the 文书 page's current case — its record, the LocalStorage copy of its
//!   inputs, taking a case back into the calculator.
//! - [`similar`]: 类案 — the library's cases on the same item and tier, and a note when the
//!   intended amount departs from them (同案同罚).

pub mod current;
pub mod export;
pub mod migrate;
pub mod similar;
pub mod snapshot;
mod summary;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use summary::{Positions, ResultSummary};

use crate::case::Case;
use crate::date::Date;
use crate::documents::DocumentInputs;
use crate::engine::error::EngineError;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;

/// Milliseconds since 1970-01-01 UTC, as the caller's clock gave them.
pub type Millis = i64;

/// The pack a record was computed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackRef {
    /// Pack id.
    pub id: String,
    /// Edition.
    pub edition: String,
    /// SHA-256 of the pack file.
    pub hash: String,
}

impl PackRef {
    /// The pack's identity.
    pub fn of(lp: &LoadedPack) -> PackRef {
        PackRef {
            id: lp.pack.meta.id.clone(),
            edition: lp.pack.meta.edition.clone(),
            hash: lp.hash.clone(),
        }
    }
}

/// One case in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LibraryRecord {
    /// Its key, unique in the library.
    pub id: String,
    /// The officer's label (当事人名称 or 案号), to tell cases apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The case as the engine reads it.
    pub case: Case,
    /// The officer's inputs for the documents.
    #[serde(default, skip_serializing_if = "is_default")]
    pub inputs: DocumentInputs,
    /// The result in brief; absent when the case could not be evaluated (see `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ResultSummary>,
    /// The whole result (`schemas/result.schema.json`: its trace and citations) as computed
    /// under `pack`, kept verbatim, so that the case can be read again when that pack is no
    /// longer at hand. Kept as JSON, not read into [`EvalResult`]: the browser's library never
    /// needs it as a type, and reading it would make the 文书 module much larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<serde_json::Value>,
    /// Why the case could not be evaluated, in Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The pack it was computed under.
    pub pack: PackRef,
    /// The decision has been issued: the amount is the one decided, not only intended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decided: bool,
    /// When it was first kept.
    pub created: Millis,
    /// When it was last changed.
    pub updated: Millis,
    /// The form as the officer typed it (the app's draft JSON), kept as it was so that text
    /// that does not read as a case yet is not lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<serde_json::Value>,
    /// The officer's edits to the 说理 text (the app's JSON), kept as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<serde_json::Value>,
}

fn is_default(i: &DocumentInputs) -> bool {
    *i == DocumentInputs::default()
}

impl LibraryRecord {
    /// A record of `case` and its evaluation on `pack` (the result, or the error that stopped
    /// it), first kept and last changed at `now`.
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        case: Case,
        inputs: DocumentInputs,
        pack: &LoadedPack,
        evaluation: Result<&EvalResult, &EngineError>,
        now: Millis,
    ) -> LibraryRecord {
        let (summary, result, error) = match evaluation {
            Ok(r) => (
                Some(ResultSummary::new(&case, r)),
                serde_json::to_value(r).ok(),
                None,
            ),
            Err(e) => (None, None, Some(e.to_string())),
        };
        LibraryRecord {
            id: id.into(),
            label: label.into(),
            case,
            inputs,
            summary,
            result,
            error,
            pack: PackRef::of(pack),
            decided: false,
            created: now,
            updated: now,
            form: None,
            text: None,
        }
    }

    /// The record's date for listing and date ranges: the decision date, else the 立案 date,
    /// else the discovery date, else the day of the act.
    pub fn date(&self) -> Option<Date> {
        let d = &self.case.dates;
        d.decided
            .or(self.inputs.filed)
            .or(d.discovered)
            .or(d.occurred)
    }

    /// The party's name: the inputs', else the label.
    pub fn party_name(&self) -> &str {
        self.inputs
            .party
            .name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&self.label)
    }
}

/// What to search for; every field given must match.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    /// Part of the party's name (or the record's label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Part of the 案号, the 告知书 or the 决定书 文号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// An item code, applied or cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// First day of the range (inclusive), against [`LibraryRecord::date`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Last day of the range (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

/// The search form as typed: the dates as YYYY-MM-DD text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchForm {
    /// Part of the party's name.
    pub party: String,
    /// Part of a 案号 or 文号.
    pub number: String,
    /// An item code.
    pub item: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
}

impl SearchForm {
    /// The query, or why a date does not read (naming the field).
    pub fn query(&self) -> Result<Query, String> {
        let text = |s: &str| Some(s.trim().to_string()).filter(|t| !t.is_empty());
        let date = |s: &str, what: &str| match s.trim() {
            "" => Ok(None),
            t => t.parse().map(Some).map_err(|e| format!("{what}：{e}")),
        };
        Ok(Query {
            party: text(&self.party),
            number: text(&self.number),
            item: text(&self.item),
            from: date(&self.from, "起始日期")?,
            to: date(&self.to, "截止日期")?,
        })
    }
}

/// Text folded for search: full-width ASCII to half-width, ASCII lower case, spaces removed.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                0x3000 => ' ',
                _ => c,
            };
            (!c.is_whitespace()).then(|| c.to_ascii_lowercase())
        })
        .collect()
}

fn contains(hay: &str, needle: &str) -> bool {
    fold(hay).contains(&fold(needle))
}

impl Query {
    /// Whether a record matches.
    pub fn matches(&self, r: &LibraryRecord) -> bool {
        fn given(s: &Option<String>) -> Option<&str> {
            s.as_deref().map(str::trim).filter(|t| !t.is_empty())
        }
        if let Some(p) = given(&self.party) {
            if !contains(r.party_name(), p) && !contains(&r.label, p) {
                return false;
            }
        }
        if let Some(n) = given(&self.number) {
            let i = &r.inputs;
            let any = [&i.case_number, &i.notice_number, &i.decision_number]
                .into_iter()
                .flatten()
                .any(|v| contains(v, n));
            if !any && !contains(&r.label, n) {
                return false;
            }
        }
        if let Some(code) = given(&self.item) {
            let cited = r.case.items.iter().any(|c| c.eq_ignore_ascii_case(code))
                || r.summary
                    .as_ref()
                    .is_some_and(|s| s.item.eq_ignore_ascii_case(code));
            if !cited {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = r.date() else { return false };
            if self.from.is_some_and(|f| d < f) || self.to.is_some_and(|t| d > t) {
                return false;
            }
        }
        true
    }
}

/// What [`Library::merge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MergeReport {
    /// Records new to the library.
    pub added: usize,
    /// Records that replaced an older one with the same id.
    pub replaced: usize,
    /// Records not taken because the library's own was as new or newer.
    pub kept: usize,
}

/// The library: records, newest first (by `updated`, then id).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Library {
    /// The records.
    pub records: Vec<LibraryRecord>,
}

impl Library {
    fn sort(&mut self) {
        self.records
            .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    }

    /// A library of these records (a later duplicate id replaces an earlier one).
    pub fn from_records(records: Vec<LibraryRecord>) -> Library {
        let mut lib = Library::default();
        for r in records {
            lib.upsert(r);
        }
        lib
    }

    /// A record by id.
    pub fn get(&self, id: &str) -> Option<&LibraryRecord> {
        self.records.iter().find(|r| r.id == id)
    }

    /// Adds a record, or replaces the one with its id (keeping that one's `created`).
    pub fn upsert(&mut self, mut record: LibraryRecord) {
        if let Some(old) = self.records.iter_mut().find(|r| r.id == record.id) {
            record.created = old.created.min(record.created);
            *old = record;
        } else {
            self.records.push(record);
        }
        self.sort();
    }

    /// Removes a record.
    pub fn remove(&mut self, id: &str) -> Option<LibraryRecord> {
        let i = self.records.iter().position(|r| r.id == id)?;
        Some(self.records.remove(i))
    }

    /// The records matching a query, newest first.
    pub fn search(&self, q: &Query) -> Vec<&LibraryRecord> {
        self.records.iter().filter(|r| q.matches(r)).collect()
    }

    /// Takes in records (an import): a new id is added; a known id is replaced only by a
    /// record changed later than the library's own.
    pub fn merge(&mut self, records: Vec<LibraryRecord>) -> MergeReport {
        let mut report = MergeReport::default();
        for r in records {
            match self.records.iter_mut().find(|o| o.id == r.id) {
                Some(old) if r.updated > old.updated => {
                    *old = r;
                    report.replaced += 1;
                }
                Some(_) => report.kept += 1,
                None => {
                    self.records.push(r);
                    report.added += 1;
                }
            }
        }
        self.sort();
        report
    }

    /// A fresh id, "case-<n>", that no record has.
    pub fn next_id(&self) -> String {
        let n = self
            .records
            .iter()
            .filter_map(|r| r.id.strip_prefix("case-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        format!("case-{n}")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn record(
        id: &str,
        party: &str,
        item: &str,
        decided: &str,
        now: Millis,
    ) -> LibraryRecord {
        let lp = crate::reference_pack().expect("reference pack");
        let case: Case = serde_json::from_value(serde_json::json!({
            "items": [item], "party": "legal_person", "tier": "B",
            "facts": {"contract_price": "10000000"},
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": decided}
        }))
        .expect("case");
        let r = crate::evaluate(&lp, &case);
        let mut inputs = DocumentInputs::default();
        inputs.party.name = Some(party.to_string());
        inputs.case_number = Some(format!("示建立〔2025〕{id}号"));
        LibraryRecord::new(id, "", case, inputs, &lp, r.as_ref(), now)
    }

    #[test]
    fn search_by_party_number_item_and_dates() {
        let lib = Library::from_records(vec![
            record("1", "示例建设工程有限公司", "ZL-64", "2025-07-01", 10),
            record("2", "另一建筑公司", "ZL-64", "2025-09-01", 20),
            record("3", "ＡＢＣ装饰公司", "JZF-64", "2025-08-01", 30),
        ]);
        let ids = |q: Query| {
            lib.search(&q)
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Query::default()), ["3", "2", "1"], "newest first");
        let q = |f: fn(&mut Query)| {
            let mut q = Query::default();
            f(&mut q);
            q
        };
        assert_eq!(ids(q(|q| q.party = Some("示例建设".into()))), ["1"]);
        assert_eq!(
            ids(q(|q| q.party = Some("abc".into()))),
            ["3"],
            "full-width folded"
        );
        assert_eq!(ids(q(|q| q.number = Some("〔2025〕2号".into()))), ["2"]);
        assert_eq!(ids(q(|q| q.item = Some("zl-64".into()))), ["2", "1"]);
        assert_eq!(
            ids(q(|q| {
                q.from = "2025-07-01".parse().ok();
                q.to = "2025-08-01".parse().ok();
            })),
            ["3", "1"],
            "both ends included"
        );
        assert_eq!(
            ids(q(|q| {
                q.item = Some("ZL-64".into());
                q.from = "2025-08-02".parse().ok();
            })),
            ["2"]
        );
    }

    #[test]
    fn the_search_form_reads_as_a_query() {
        let f = SearchForm {
            party: " 示例 ".into(),
            item: "ZL-64".into(),
            from: "2025-07-01".into(),
            ..SearchForm::default()
        };
        let q = f.query().unwrap();
        assert_eq!(q.party.as_deref(), Some("示例"));
        assert_eq!(q.number, None);
        assert_eq!(q.from, "2025-07-01".parse().ok());
        let bad = SearchForm {
            to: "2025-02-30".into(),
            ..SearchForm::default()
        };
        assert!(bad.query().unwrap_err().starts_with("截止日期"));
        assert_eq!(SearchForm::default().query(), Ok(Query::default()));
    }

    #[test]
    fn upsert_keeps_created_and_merge_takes_only_newer() {
        let mut lib = Library::default();
        lib.upsert(record("1", "甲", "ZL-64", "2025-07-01", 10));
        let mut changed = record("1", "甲公司", "ZL-64", "2025-07-01", 50);
        changed.created = 50;
        lib.upsert(changed);
        assert_eq!(lib.records.len(), 1);
        assert_eq!((lib.records[0].created, lib.records[0].updated), (10, 50));
        assert_eq!(lib.next_id(), "case-1");
        let report = lib.merge(vec![
            record("1", "旧", "ZL-64", "2025-07-01", 40),
            record("2", "乙", "ZL-64", "2025-07-01", 60),
        ]);
        assert_eq!(
            report,
            MergeReport {
                added: 1,
                replaced: 0,
                kept: 1
            }
        );
        assert_eq!(lib.get("1").map(|r| r.party_name()), Some("甲公司"));
        let report = lib.merge(vec![record("1", "新", "ZL-64", "2025-07-01", 70)]);
        assert_eq!(report.replaced, 1);
        assert_eq!(lib.records[0].party_name(), "新");
        assert!(lib.remove("2").is_some() && lib.remove("2").is_none());
    }
}
