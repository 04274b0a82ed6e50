//! From the LocalStorage recent-case list to library records.
//!
//! The app keeps its last cases under `cailiang.recent.v1` (src/app/storage.rs) as a JSON array
//! of `{"id": <u32>, "touched": <ms since 1970>, "draft": <the form as typed>, "text": <edits>}`
//! (src/app/recent.rs; `form::recent` on the app-native branch, same shape). Each entry becomes a
//! record `recent-<id>`: the form read as a case exactly as the app reads it (the declared facts
//! of the cited items by their kind; amounts with thousands separators; dates `YYYY-MM-DD`), the
//! form and the text edits kept verbatim, evaluated on the pack given. What cannot be read is
//! reported with the entry and left out of the case; the record is still made. An entry that is
//! not a recent case at all is reported and skipped; the others are kept.
//!
//! [`StoredDraft`] mirrors the app's `Draft` (`CaseDraft` on app-native) field for field; once
//! the native form model is on main, its `reading` can replace [`StoredDraft::reading`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{LibraryRecord, Millis};
use crate::case::{Capacity, Case, CaseDates, Circumstances, FactValue};
use crate::date::Date;
use crate::documents::DocumentInputs;
use crate::num::{Dec, parse_decimal};
use crate::pack::LoadedPack;
use crate::pack::model::{FactKind, Item, PartyKind};

/// A fact as the form holds it: yes / no, or text as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum StoredFact {
    /// Yes / no.
    Bool(bool),
    /// Number or choice, as typed.
    Text(String),
}

/// The app's case form, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredDraft {
    /// Number among the recent cases.
    pub case_id: u32,
    /// The officer's label.
    pub label: String,
    /// Selected item.
    pub item: Option<String>,
    /// Further items.
    pub also: Vec<String>,
    /// Party kind.
    pub party: PartyKind,
    /// Age, as typed.
    pub age: String,
    /// Capacity.
    pub capacity: Capacity,
    /// Dates, as typed.
    pub occurred: String,
    /// 行为终了之日.
    pub ended: String,
    /// 发现之日.
    pub discovered: String,
    /// 决定之日.
    pub decided: String,
    /// Art 36's five years.
    pub grave_harm: bool,
    /// Facts.
    pub facts: BTreeMap<String, StoredFact>,
    /// Arts 32–33 circumstances.
    pub circumstances: Circumstances,
    /// Pack factors.
    pub factors: Vec<String>,
    /// Tier.
    pub tier: Option<String>,
    /// 减轻 chosen.
    pub choose_reduced: bool,
    /// 可以不予处罚 decision.
    pub waive: Option<bool>,
    /// 违法所得, as typed.
    pub illegal_gains: String,
    /// 违法所得依法应当退赔.
    pub gains_to_be_returned: bool,
    /// 拟罚款数额, as typed.
    pub intended_fine: String,
}

impl Default for StoredDraft {
    fn default() -> Self {
        StoredDraft {
            case_id: 0,
            label: String::new(),
            item: None,
            also: Vec::new(),
            party: PartyKind::LegalPerson,
            age: String::new(),
            capacity: Capacity::Full,
            occurred: String::new(),
            ended: String::new(),
            discovered: String::new(),
            decided: String::new(),
            grave_harm: false,
            facts: BTreeMap::new(),
            circumstances: Circumstances::default(),
            factors: Vec::new(),
            tier: None,
            choose_reduced: false,
            waive: None,
            illegal_gains: String::new(),
            gains_to_be_returned: false,
            intended_fine: String::new(),
        }
    }
}

fn amount(text: &str, what: &str, errors: &mut Vec<String>) -> Option<Dec> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match parse_decimal(&t.replace(['，', ','], "")) {
        Ok(d) => Some(Dec(d)),
        Err(e) => {
            errors.push(format!("{what}：{e}"));
            None
        }
    }
}

fn date(text: &str, what: &str, errors: &mut Vec<String>) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse() {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(format!("{what}：{e}"));
            None
        }
    }
}

impl StoredDraft {
    /// The items cited: the selected one first, then the further ones, without repeats.
    pub fn codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.item.iter().cloned().collect();
        if self.item.is_some() {
            for c in &self.also {
                if !codes.contains(c) {
                    codes.push(c.clone());
                }
            }
        }
        codes
    }

    /// The form read as a case for `items` (the facts those items declare), with what could
    /// not be read.
    pub fn reading(&self, items: &[&Item]) -> (Case, Vec<String>) {
        let mut errors = Vec::new();
        let mut facts = BTreeMap::new();
        for item in items {
            for def in &item.facts {
                if facts.contains_key(&def.id) {
                    continue;
                }
                let Some(input) = self.facts.get(&def.id) else {
                    continue;
                };
                let value = match (&def.kind, input) {
                    (FactKind::Bool, StoredFact::Bool(b)) => Some(FactValue::Bool(*b)),
                    (FactKind::Number { .. }, StoredFact::Text(t)) => {
                        amount(t, &def.label, &mut errors).map(FactValue::Number)
                    }
                    (FactKind::Choice { .. }, StoredFact::Text(t)) if !t.is_empty() => {
                        Some(FactValue::Text(t.clone()))
                    }
                    (FactKind::Date | FactKind::Dates, StoredFact::Text(t))
                        if !t.trim().is_empty() =>
                    {
                        Some(FactValue::Text(t.trim().to_string()))
                    }
                    _ => None,
                };
                if let Some(v) = value {
                    facts.insert(def.id.clone(), v);
                }
            }
        }
        let citizen = self.party == PartyKind::Citizen;
        let age = if citizen && !self.age.trim().is_empty() {
            match self.age.trim().parse::<u32>() {
                Ok(a) => Some(a),
                Err(_) => {
                    errors.push("年龄：应为整数周岁".to_string());
                    None
                }
            }
        } else {
            None
        };
        let dates = CaseDates {
            occurred: date(&self.occurred, "违法行为发生日期", &mut errors),
            ended: date(&self.ended, "违法行为终了日期", &mut errors),
            discovered: date(&self.discovered, "发现日期", &mut errors),
            decided: date(&self.decided, "决定日期", &mut errors),
        };
        let case = Case {
            items: self.codes(),
            party: self.party,
            age,
            capacity: if citizen {
                self.capacity
            } else {
                Capacity::Full
            },
            dates,
            grave_harm: self.grave_harm,
            facts,
            circumstances: self.circumstances,
            factors: self.factors.clone(),
            tier: self.tier.clone(),
            choose_reduced: self.choose_reduced,
            waive: self.waive,
            illegal_gains: amount(&self.illegal_gains, "违法所得", &mut errors),
            gains_to_be_returned: self.gains_to_be_returned,
            intended_fine: amount(&self.intended_fine, "拟罚款数额", &mut errors),
            role: None,
            parties: Vec::new(),
            unknown: Vec::new(),
        };
        (case, errors)
    }
}

/// One entry of the stored list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct StoredRecent {
    id: u32,
    touched: f64,
    draft: serde_json::Value,
    #[serde(default)]
    text: Option<serde_json::Value>,
}

/// Something the migration could not carry over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrationIssue {
    /// The entry's place in the list, from 0 (None: the list itself).
    pub index: Option<usize>,
    /// The record it concerns, when one was made.
    pub record: Option<String>,
    /// What, in Chinese.
    pub message: String,
}

/// The records made and what could not be carried over.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Migration {
    /// The records, in the list's order (newest first).
    pub records: Vec<LibraryRecord>,
    /// The issues.
    pub issues: Vec<MigrationIssue>,
}

/// Migrates the recent-case list's JSON (as stored under `cailiang.recent.v1`) to records
/// evaluated on `pack`.
pub fn from_recent(json: &str, pack: &LoadedPack) -> Migration {
    let mut out = Migration::default();
    let entries: Vec<serde_json::Value> = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            out.issues.push(MigrationIssue {
                index: None,
                record: None,
                message: format!("最近案件列表不能读取（{e}），未迁移"),
            });
            return out;
        }
    };
    for (index, entry) in entries.into_iter().enumerate() {
        let recent: StoredRecent = match serde_json::from_value(entry) {
            Ok(r) => r,
            Err(e) => {
                out.issues.push(MigrationIssue {
                    index: Some(index),
                    record: None,
                    message: format!("第 {} 个最近案件不能读取（{e}），未迁移", index + 1),
                });
                continue;
            }
        };
        let id = format!("recent-{}", recent.id);
        let draft: StoredDraft = match serde_json::from_value(recent.draft.clone()) {
            Ok(d) => d,
            Err(e) => {
                out.issues.push(MigrationIssue {
                    index: Some(index),
                    record: None,
                    message: format!("第 {} 个最近案件的表单不能读取（{e}），未迁移", index + 1),
                });
                continue;
            }
        };
        let items: Vec<&Item> = draft.codes().iter().filter_map(|c| pack.item(c)).collect();
        let (case, errors) = draft.reading(&items);
        for message in errors {
            out.issues.push(MigrationIssue {
                index: Some(index),
                record: Some(id.clone()),
                message: format!("{message}（该项未迁入案件，表单原文保留）"),
            });
        }
        // Milliseconds as the browser's clock gave them; `as` saturates and maps NaN to 0.
        let touched = recent.touched.round() as Millis;
        let result = crate::evaluate(pack, &case);
        let mut record = LibraryRecord::new(
            id,
            draft.label.clone(),
            case,
            DocumentInputs::default(),
            pack,
            result.as_ref(),
            touched,
        );
        record.form = Some(recent.draft);
        record.text = recent.text;
        out.records.push(record);
    }
    out
}
