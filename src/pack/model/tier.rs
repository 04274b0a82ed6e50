//! 裁量阶次 and what each leads to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{BandPoint, Basis, Condition, Parties, PenaltyRule};
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
    /// Circumstances that put a case in this tier whatever the quantitative conditions say
    /// ("或有相关违法记录的", "重犯的，按最高额处罚", "或造成严重危害后果的"); they take precedence
    /// over every tier's `when`, in the order the tiers are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Condition>,
    /// Parties the tier applies to.
    #[serde(default)]
    pub parties: Parties,
    /// What the tier leads to (for the item's principal role, or every role without its own).
    pub outcome: TierOutcome,
    /// What the tier leads to for other roles of the row ("对单位负责人处…", "对施工单位处…").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleOutcome>,
    /// Extra penalties at this tier (e.g. 吊销 for 情节严重).
    #[serde(default)]
    pub penalties: Vec<PenaltyRule>,
    /// Circumstances (factor ids or the built-in circumstances) this tier already counts: they
    /// are not applied again as 从轻 / 从重 within it (不作重复评价).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<String>,
    /// The tier's 违法行为分类, e.g. "一般" or "严重".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// The credit consequence: how long the penalty is published (处罚公示期限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity: Option<Publicity>,
    /// Benchmark row this tier comes from.
    #[serde(default)]
    pub basis: Basis,
}

/// A tier's outcome for one role of the row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleOutcome {
    /// The role's id (the item's `roles`).
    pub role: String,
    /// What the tier leads to for it.
    pub outcome: TierOutcome,
    /// Extra penalties at this tier for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<PenaltyRule>,
}

/// How long a penalty is published (信用公示).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publicity {
    /// Months, e.g. 12 or 24.
    pub months: u32,
    /// The party may apply to shorten it (可依申请缩短公示期).
    #[serde(default)]
    pub may_shorten: bool,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// The outcome of a tier.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum TierOutcome {
    /// A band of the statutory range by the pack's split rule.
    Band {
        /// The band's name in the split rule ("lower", "middle", "upper", or the pack's own).
        band: String,
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
        /// Whether the minimum itself is included; absent: the pack's convention for 以上.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_inclusive: Option<bool>,
        /// Maximum.
        max: Dec,
        /// Whether the maximum itself is included; absent: the pack's convention for 以下.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_inclusive: Option<bool>,
    },
    /// A fixed point in the fine's scale (e.g. "处1万元罚款").
    Fixed {
        /// Value.
        value: Dec,
    },
    /// A fixed point of the statutory range ("按最高额处罚": at "1").
    Point {
        /// Where.
        at: BandPoint,
    },
    /// No fine, but the tier's other penalties (e.g. 警告, 没收违法所得).
    NoFine,
    /// 责令改正 only, no fine.
    CorrectionOnly,
    /// 不予处罚.
    NoPenalty,
}
