//! The benchmark pack (裁量基准包) as data: metadata, the jurisdiction's rules, and items
//! (违法行为) with their statutory basis, fine form, tiers (裁量阶次), 免罚 rows and test cases.
//!
//! Every type here is plain serde data so that packs are human-editable JSON and the JSON Schema
//! in `schemas/` is generated from these definitions.

mod condition;
mod expect;
mod item;
mod mapping;
mod party;
mod rules;
mod tier;

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;

pub use condition::*;
pub use expect::*;
pub use item::*;
pub use mapping::*;
pub use party::*;
pub use rules::*;
pub use tier::*;

/// serde's default for flags that default to true (应当, 含本数).
pub(crate) fn yes() -> bool {
    true
}

/// Current pack format version. Version 1 packs still load (see benchmarks/README.md).
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format version this program reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A discretion-benchmark pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Path or URL of the JSON Schema, for editor completion.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version (currently 2; version 1 packs still load).
    pub format_version: u32,
    /// Who issued the pack, what it is, and when it is in force.
    pub meta: PackMeta,
    /// The jurisdiction's rules: tier split, 从轻 / 减轻 / 从重, hearing thresholds, rounding.
    pub rules: Rules,
    /// 从轻 / 减轻 / 从重 factors declared by this pack (the statutory ones of 行政处罚法 arts
    /// 30–32 are built in).
    #[serde(default)]
    pub factors: Vec<Factor>,
    /// The violations (违法行为).
    #[serde(deserialize_with = "crate::limits::pack_items")]
    pub items: Vec<Item>,
    /// The bureau's own wording for sections of the 说理 reasoning text, by section name
    /// (see `text::SECTIONS`); absent sections use the built-in wording.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub templates: BTreeMap<String, String>,
    /// How the bureau's published table (Excel, Word, CSV) maps onto this pack, for a pack made
    /// by `cailiang import`: its columns and the facts its words stand for. The next import of
    /// the table (a new edition) reuses it; the engine never reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_mapping: Option<ColumnMapping>,
    /// What the officer's documents (事先告知书, 处罚决定书, 不予处罚决定书) take from the pack
    /// that no statute text supplies: the authority, remedy wording, payment, time limits and a
    /// province's own model texts. Absent: the documents show visible blanks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<super::documents::DocumentSettings>,
}

/// Pack metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Stable identifier, e.g. "cn-national-reference".
    pub id: String,
    /// Title, e.g. "住房城乡建设领域行政处罚裁量基准（参考示例）".
    pub title: String,
    /// Issuing authority (制定机关).
    pub authority: String,
    /// Document number (文号), e.g. "京建法〔2023〕2号".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// Region where the pack applies.
    pub region: String,
    /// Edition, e.g. "2024年版".
    pub edition: String,
    /// First day in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// True for a reference example that no authority has issued (参考示例，非正式裁量基准).
    #[serde(default)]
    pub reference_only: bool,
    /// Sources the pack was written from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Free notes shown to users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A document a rule or row comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the document.
    pub title: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What was taken from it, or how reliable it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A citation of a statute article, with the quoted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Full name of the law without 《》, e.g. "建设工程质量管理条例" or
    /// "中华人民共和国城乡规划法".
    // Cow: the engine's own provisions borrow static text, so citing them allocates nothing.
    pub law: Cow<'static, str>,
    /// Article (条).
    pub article: u32,
    /// Paragraph (款), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Item (项), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// The article text quoted verbatim (whole or in part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Cow<'static, str>>,
}

/// Where a benchmark row or rule comes from: an article, a document, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// The article, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// The document, where the rule is a benchmark's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl Basis {
    /// Neither an article nor a document.
    pub fn is_empty(&self) -> bool {
        self.citation.is_none() && self.source.is_none()
    }
}
