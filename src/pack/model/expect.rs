//! Test cases a pack carries, and what they expect.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Item, PenaltyKind};
use crate::case::Case;
use crate::num::Dec;

/// A test case carried by the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackCase {
    /// What the case shows.
    pub name: String,
    /// The case; its `items` default to this item.
    pub case: Case,
    /// What must come out.
    pub expect: Expect,
}

impl PackCase {
    /// The case as evaluated: with no items of its own, it cites the item it belongs to.
    pub fn case_for(&self, item: &Item) -> Case {
        let mut case = self.case.clone();
        if case.items.is_empty() {
            case.items.push(item.code.clone());
        }
        case
    }
}

/// Expected outcome of a pack case; only the fields given are checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Outcome kind, e.g. "fine", "no_penalty", "may_not_penalise", "time_barred",
    /// "correction_only", "pending".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Tier code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Statutory range [min, max] in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory: Option<[Dec; 2]>,
    /// Recommended range [min, max] in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<[Dec; 2]>,
    /// Hearing notice required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hearing: Option<bool>,
    /// Penalty kinds that must be present.
    #[serde(default)]
    pub penalties: Vec<PenaltyKind>,
    /// Other expectations, by result JSON pointer → value (e.g. "/flags/legal_review/required").
    #[serde(default)]
    pub pointers: BTreeMap<String, serde_json::Value>,
}
