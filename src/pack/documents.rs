//! A pack's settings for the officer's documents (行政处罚事先告知书, 行政处罚决定书, 不予行政处罚
//! 决定书): what the documents need that no statute text in the project supplies.
//!
//! The time limits and wording of 行政复议 / 行政诉讼, a bureau's payment account, the period it
//! gives for 陈述、申辩 and its own name are set by other laws, by the province's model texts
//! (部令55号 art 9: "省、自治区、直辖市人民政府执法机关可以参照制定适用于本行政区域的行政处罚
//! 文书示范文本") or by the bureau. The project quotes none of them, so they are settings here,
//! each with the place it comes from; where a setting is absent the document shows a visible
//! blank 【…】, never an invented rule.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{Basis, Source};

/// What the documents take from the pack. Every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettings {
    /// 执法机关名称, for the heading and the 落款 (the officer's document inputs may name
    /// another, e.g. a district bureau applying a city's benchmark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The line under the 落款 where the seal goes, e.g. "（印章）".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
    /// The period the 事先告知书 gives for 陈述、申辩 (行政处罚法 sets none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_period: Option<TimeLimit>,
    /// How and where the fine is paid: the bank, the account, the electronic payment system,
    /// as one paragraph, e.g. "缴款方式：……；户名：……；账号：……。".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<String>,
    /// 救济途径: the paragraph on 申请行政复议 and 提起行政诉讼, with the body, the court and the
    /// time limits, as the bureau's model text words it (行政处罚法 art 59 (五) requires it; the
    /// time limits are set by the 行政复议法 and 行政诉讼法, which the project has no text of).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<String>,
    /// The 事先告知书's contact paragraph: the bureau's address, contact person and telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// A province's or bureau's own model text for a document section, by section key (see
    /// `documents::SECTIONS`): it replaces the built-in template (部令55号 art 9).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub templates: BTreeMap<String, String>,
    /// Where these settings come from (the province's 文书示范文本, the bureau's notice …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A time limit a document states, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// Number of days.
    pub days: u32,
    /// 工作日 rather than 日.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub working_days: bool,
    /// Where the limit comes from.
    pub basis: Basis,
}
