//! A result in brief, for the library's list, 类案 and the 案卷评查 export: read from the result
//! and its recorded decisions, never decided again.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::Case;
use crate::documents::{Standing, position, standing};
use crate::engine::result::{EvalResult, FlagStatus, Level, MoneyRange, Outcome};
use crate::num::Dec;
use crate::pack::model::PartyKind;

/// Where the amount lies in each range, in per cent of its width from the minimum (see
/// [`crate::documents::position`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Positions {
    /// In the statutory range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory: Option<Dec>,
    /// In the benchmark (tier) range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Dec>,
    /// In the recommended range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<Dec>,
}

/// The intended amount against the ranges, as the library keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AmountStanding {
    /// No amount intended.
    NoAmount,
    /// Inside the recommended range.
    Within,
    /// A departure from the benchmark, inside the law.
    Departs,
    /// Outside the statutory range (or not above zero): no document can state it.
    Unlawful,
}

/// A result in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultSummary {
    /// The item applied.
    pub item: String,
    /// Its name.
    pub item_name: String,
    /// Other items cited for the act (art 29).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_items: Vec<String>,
    /// The party's kind.
    pub party: PartyKind,
    /// The outcome.
    pub outcome: Outcome,
    /// The tier's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// The tier's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_label: Option<String>,
    /// 从轻 / 减轻 / 从重 applied.
    pub level: Level,
    /// The fine intended (or decided), or the single amount the range allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Dec>,
    /// Statutory range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory: Option<MoneyRange>,
    /// Benchmark range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<MoneyRange>,
    /// Recommended range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<MoneyRange>,
    /// Where the amount lies in each range.
    #[serde(default)]
    pub position: Positions,
    /// The amount against the ranges.
    pub standing: AmountStanding,
    /// 听证告知.
    pub hearing: FlagStatus,
    /// 法制审核.
    pub legal_review: FlagStatus,
    /// 集体讨论.
    pub collective_discussion: FlagStatus,
    /// The engine that computed it.
    pub engine_version: String,
}

impl ResultSummary {
    /// The summary of a result computed from `case`.
    pub fn new(case: &Case, r: &EvalResult) -> ResultSummary {
        let amount = r.decisions.intended.map(|i| i.amount).or_else(|| {
            r.recommended
                .filter(|rec| rec.min == rec.max && rec.min_inclusive && rec.max_inclusive)
                .filter(|_| r.outcome == Outcome::Fine)
                .map(|rec| rec.min)
        });
        let at = |range: Option<MoneyRange>| {
            let a = amount?;
            position(&range?, a.0).map(Dec)
        };
        let standing = match standing(r) {
            Ok(Standing::NoAmount) => AmountStanding::NoAmount,
            Ok(Standing::Within) => AmountStanding::Within,
            Ok(Standing::Departs { .. }) => AmountStanding::Departs,
            Err(_) => AmountStanding::Unlawful,
        };
        ResultSummary {
            item: r.item.code.clone(),
            item_name: r.item.name.clone(),
            other_items: r.other_items.iter().map(|i| i.code.clone()).collect(),
            party: case.party,
            outcome: r.outcome,
            tier: r.tier.as_ref().map(|t| t.code.clone()),
            tier_label: r.tier.as_ref().map(|t| t.label.clone()),
            level: r.adjustment.level,
            amount,
            statutory: r.statutory,
            benchmark: r.benchmark,
            recommended: r.recommended,
            position: Positions {
                statutory: at(r.statutory),
                benchmark: at(r.benchmark),
                recommended: at(r.recommended),
            },
            standing,
            hearing: r.flags.hearing.status,
            legal_review: r.flags.legal_review.status,
            collective_discussion: r.flags.collective_discussion.status,
            engine_version: r.provenance.engine_version.clone(),
        }
    }
}
