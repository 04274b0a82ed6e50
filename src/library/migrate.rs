//! From the LocalStorage recent-case list to library records.
//!
//! The calculator keeps its last cases under `cailiang.recent.v1` (src/app/storage.rs) as a JSON
//! array of [`crate::form::recent::RecentCase`]: `{"id": <u32>, "touched": <ms since 1970>,
//! "draft": <the form as typed>, "text": <edits>}`. Each entry becomes the record
//! [`record_id`]`(browser, id)` — the id the calculator's snapshots of the same case carry, so
//! that the case goes on in the same record — with the form read as a case exactly as the
//! calculator reads it ([`CaseDraft::reading`]: the declared facts of the cited items by their
//! kind, amounts with thousands separators, dates `YYYY-MM-DD`), the form and the text edits
//! kept verbatim, evaluated on the pack given. What cannot be read is reported with the entry
//! and left out of the case; the record is still made. An entry that is not a recent case at
//! all is reported and skipped; the others are kept.

use serde::{Deserialize, Serialize};

use super::LibraryRecord;
use super::snapshot::{millis, record_id};
use crate::documents::DocumentInputs;
use crate::form::CaseDraft;
use crate::form::draft::Reading;
use crate::form::field::Field;
use crate::pack::LoadedPack;
use crate::pack::model::Item;

/// The form field's name in a migration issue.
fn field_name(field: &Field, items: &[&Item]) -> String {
    match field {
        Field::Item => "违法行为".to_string(),
        Field::Fact(id) => items
            .iter()
            .flat_map(|i| &i.facts)
            .find(|f| &f.id == id)
            .map_or_else(|| id.clone(), |f| f.label.clone()),
        Field::Age => "年龄".to_string(),
        Field::Dates => "日期".to_string(),
        Field::IllegalGains => "违法所得".to_string(),
        Field::IntendedFine => "拟罚款数额".to_string(),
        Field::General => "案件".to_string(),
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
/// evaluated on `pack`, with the ids of the browser tagged `browser`.
pub fn from_recent(json: &str, pack: &LoadedPack, browser: &str) -> Migration {
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
        let id = record_id(browser, recent.id);
        let draft: CaseDraft = match serde_json::from_value(recent.draft.clone()) {
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
        let Reading { case, errors } = draft.reading(&items);
        for (field, message) in errors {
            out.issues.push(MigrationIssue {
                index: Some(index),
                record: Some(id.clone()),
                message: format!(
                    "{}：{message}（该项未迁入案件，表单原文保留）",
                    field_name(&field, &items)
                ),
            });
        }
        let touched = millis(recent.touched);
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

impl super::Library {
    /// Takes in the migrated records the library does not have yet (a case the calculator has
    /// changed since is already there, newer); returns their ids.
    pub fn take_migrated(&mut self, m: Migration) -> Vec<String> {
        let mut added = Vec::new();
        for r in m.records {
            if self.get(&r.id).is_none() {
                added.push(r.id.clone());
                self.upsert(r);
            }
        }
        added
    }
}
