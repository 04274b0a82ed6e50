//! 裁量阶次 and what each leads to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Basis, Condition, Parties, PenaltyRule, yes};
use crate::num::{Dec, Fraction};

/// A 裁量阶次.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Code, unique in the item, e.g. "B010" or "一般".
    pub code: String,
    /// Label: 轻微 / 一般 / 严重, A / B / C ….
    pub label: String,
    /// The circumstances as the benchmark words them (情形), which the officer confirms where
    /// `when` does not decide alone.
    pub description: String,
    /// Quantitative conditions evaluated from facts. Absent: the tier is chosen by the officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Parties the tier applies to.
    #[serde(default)]
    pub parties: Parties,
    /// What the tier leads to.
    pub outcome: TierOutcome,
    /// Extra penalties at this tier (e.g. 吊销 for 情节严重).
    #[serde(default)]
    pub penalties: Vec<PenaltyRule>,
    /// Benchmark row this tier comes from.
    #[serde(default)]
    pub basis: Basis,
}

/// The outcome of a tier.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum TierOutcome {
    /// A band of the statutory range by the pack's split rule.
    Band {
        /// Which band.
        band: BandName,
    },
    /// A [from, to] fraction of the statutory range.
    Portion {
        /// From.
        from: Fraction,
        /// To.
        to: Fraction,
    },
    /// An explicit sub-range in the fine's own scale (元, %, 倍 or 元 per unit).
    Range {
        /// Minimum; absent means "…以下".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Dec>,
        /// Whether the minimum itself is included (default 含本数).
        #[serde(default = "yes")]
        min_inclusive: bool,
        /// Maximum.
        max: Dec,
        /// Whether the maximum itself is included (default 含本数).
        #[serde(default = "yes")]
        max_inclusive: bool,
    },
    /// A fixed point in the fine's scale (e.g. "处1万元罚款").
    Fixed {
        /// Value.
        value: Dec,
    },
    /// 责令改正 only, no fine.
    CorrectionOnly,
    /// 不予处罚.
    NoPenalty,
}

/// A named band of the split rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BandName {
    /// 从轻 / 较轻.
    Lower,
    /// 一般.
    Middle,
    /// 从重 / 严重.
    Upper,
}
