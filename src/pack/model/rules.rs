//! The jurisdiction's rules: the tier split, 从轻 / 减轻 / 从重, hearing, 法制审核 and 集体讨论
//! thresholds, rounding, and the pack's own factors.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Basis, yes};
use crate::num::{Dec, Fraction};

/// The jurisdiction's rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// How the statutory range is split into 从轻 / 一般 / 从重 bands.
    pub split: SplitRule,
    /// How 从轻 / 减轻 / 从重 move the range.
    pub adjust: AdjustRule,
    /// 较大数额 thresholds that require a hearing notice (行政处罚法 art 63).
    #[serde(default)]
    pub hearing: Thresholds,
    /// Thresholds above which 法制审核 (art 58) is required by this jurisdiction.
    #[serde(default)]
    pub legal_review: ReviewRule,
    /// Thresholds above which 集体讨论 (art 57 ¶2) is required by this jurisdiction.
    #[serde(default)]
    pub collective_discussion: ReviewRule,
    /// Rounding of computed amounts.
    #[serde(default)]
    pub rounding: Rounding,
}

/// A three-band split of a range. Each band is a [from, to] fraction of the span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    /// 从轻 band.
    pub lower: [Fraction; 2],
    /// 一般 band.
    pub middle: [Fraction; 2],
    /// 从重 band.
    pub upper: [Fraction; 2],
}

/// The 从轻 / 一般 / 从重 split. National law sets no single split (legal-notes §2): every pack
/// declares its own and names its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    /// Name shown to users, e.g. "三等分".
    pub name: String,
    /// Bands of [statutory minimum, statutory maximum].
    pub range: Bands,
    /// Bands of [0, maximum] for fines with no statutory minimum (…以下).
    pub max_only: Bands,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// Which range the 从轻 / 从重 portions are taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum AdjustScope {
    /// The portion is taken of the tier's range (benchmark range).
    #[default]
    Tier,
    /// The portion is taken of the statutory range.
    Statutory,
}

/// What happens when both mitigating and aggravating factors are present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// They cancel out one step each (从轻 + 从重 → 一般; 减轻 + 从重 → 从轻).
    #[default]
    Offset,
    /// Mitigation prevails (从重 is ignored while any mitigation applies).
    MitigationPrevails,
}

/// How 从轻 / 减轻 / 从重 are applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustRule {
    /// Range the portions are taken of.
    #[serde(default)]
    pub scope: AdjustScope,
    /// 从轻: [from, to] portion of the range.
    pub lighter: [Fraction; 2],
    /// 从重: [from, to] portion of the range.
    pub heavier: [Fraction; 2],
    /// 减轻: the lowest amount, as a fraction of the statutory minimum (0 = any amount above
    /// zero). The highest is just below the statutory minimum.
    pub reduced_floor: Fraction,
    /// Both directions present.
    #[serde(default)]
    pub conflict: Conflict,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// An amount with its bound semantics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Amount in 元.
    pub amount: Dec,
    /// Whether the amount itself reaches the threshold (含本数, "以上") or must be exceeded
    /// (不含本数, "超过"). Default 含本数 (民法典 art 1259).
    #[serde(default = "yes")]
    pub inclusive: bool,
}

/// Thresholds for 公民 and for 法人 / 其他组织.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// For 公民.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizen: Option<Threshold>,
    /// For 法人 and 其他组织.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Threshold>,
    /// Where the thresholds come from.
    #[serde(default)]
    pub basis: Basis,
}

/// A jurisdiction's trigger list for 法制审核 or 集体讨论.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRule {
    /// Fine thresholds.
    #[serde(default)]
    pub thresholds: Thresholds,
    /// Required for every 减轻 decision.
    #[serde(default)]
    pub on_reduced: bool,
    /// Required whenever a hearing notice is required.
    #[serde(default)]
    pub on_hearing: bool,
}

/// Rounding of computed amounts. Bounds are rounded inwards (the minimum up, the maximum down)
/// so that a rounded range never leaves the statutory range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Unit in 元: "0.01" (to the 分, the default), "1", "100" ….
    pub unit: Dec,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            unit: Dec(rust_decimal::Decimal::new(1, 2)),
        }
    }
}

/// Direction of a discretionary factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// 从轻.
    Lighter,
    /// 从轻或者减轻 (the officer chooses).
    LighterOrReduced,
    /// 减轻.
    Reduced,
    /// 从重.
    Heavier,
}

/// A 从轻 / 减轻 / 从重 circumstance declared by the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Identifier used in cases.
    pub id: String,
    /// Wording shown to the officer, e.g. "一年内因同一种违法行为受过处罚的".
    pub label: String,
    /// Direction.
    pub effect: Effect,
    /// 应当 (true) or 可以 (false).
    #[serde(default)]
    pub mandatory: bool,
    /// Where the factor comes from.
    pub basis: Basis,
}
