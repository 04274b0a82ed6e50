//! The jurisdiction's rules: the tier split, 从轻 / 减轻 / 从重, hearing, 法制审核 and 集体讨论
//! thresholds, rounding, and the pack's own factors.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Basis, Tier, yes};
use crate::num::{Dec, Fraction};

/// The jurisdiction's rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// How the statutory range is split into bands (从轻 / 一般 / 从重, or N 裁量档). Optional:
    /// a table that states no split needs none, and a tier that would use it is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitRule>,
    /// How 从轻 / 减轻 / 从重 move the range. Optional: a table that states no rule needs none,
    /// and a case with a factor that would need it is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjust: Option<AdjustRule>,
    /// The document's boundary convention for 以上 / 以下 ("以下含本数，以上不含本数，下同");
    /// default 民法典 art 1259 (both include the bound).
    #[serde(default, skip_serializing_if = "BoundConvention::is_civil_code")]
    pub bounds: BoundConvention,
    /// The table's tiers, defined once for every item that has no tiers of its own (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
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

/// A point of the statutory range, as a split rule states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandPoint {
    /// A fraction of the span from the statutory minimum to the maximum ("1/3").
    Span(Fraction),
    /// A fraction of the statutory maximum, whatever the minimum ({"of_max": "0.3"}).
    OfMax(Fraction),
}

/// One band of a split: its name (as tiers refer to it), label, and bounds with their
/// 含本数 (absent: the pack's convention — a band's lower bound is 以上, its upper 以下).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Name, e.g. "lower" or "第二档".
    pub name: String,
    /// Label shown to users, e.g. "从轻".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Lower bound.
    pub from: BandPoint,
    /// Upper bound.
    pub to: BandPoint,
    /// Whether the lower bound is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_inclusive: Option<bool>,
    /// Whether the upper bound is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_inclusive: Option<bool>,
}

/// The bands of a split, in order from the lowest. Format 1 wrote three named bands as an
/// object `{lower, middle, upper}` of [from, to] fractions; format 2 lists any number of bands.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    /// The bands.
    pub list: Vec<Band>,
    /// Written as format 1's object: errors are placed at `.lower` rather than `[0]`.
    pub by_name: bool,
}

impl Bands {
    /// A band by name.
    pub fn get(&self, name: &str) -> Option<&Band> {
        self.list.iter().find(|b| b.name == name)
    }

    /// The JSON path of band `j` below `base`, as the pack wrote it.
    pub fn path(&self, base: &str, j: usize) -> String {
        match (self.by_name, self.list.get(j)) {
            (true, Some(b)) => format!("{base}.{}", b.name),
            _ => format!("{base}[{j}]"),
        }
    }
}

impl Serialize for Bands {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

/// The 从轻 / 一般 / 从重 split, or N 裁量档. National law sets no single split (legal-notes
/// §2): every pack that uses one declares it and names its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    /// Name shown to users, e.g. "三等分".
    pub name: String,
    /// Bands of [statutory minimum, statutory maximum].
    pub range: Bands,
    /// Bands of [0, maximum] for fines with no statutory minimum (…以下).
    pub max_only: Bands,
    /// Where the law sets no minimum, the table's stand-in minimum as a share of the maximum
    /// (e.g. "0.1"): max-only bands are then taken of [share × maximum, maximum].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stand_in_min: Option<Fraction>,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// Whether a bound word includes the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Inclusion {
    /// 含本数.
    #[default]
    Inclusive,
    /// 不含本数.
    Exclusive,
}

impl Inclusion {
    /// Whether the bound is included.
    pub fn includes(self) -> bool {
        self == Inclusion::Inclusive
    }
}

/// Which of two adjacent tiers takes a bound they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    /// The lower tier (the one listed first).
    Lower,
    /// The higher tier.
    Upper,
}

/// A document's convention for the bound words 以上 and 以下 (超过 and 不满 never include
/// it), and for a bound two tiers share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundConvention {
    /// 以上: default 含本数.
    #[serde(default)]
    pub above: Inclusion,
    /// 以下: default 含本数.
    #[serde(default)]
    pub below: Inclusion,
    /// Where adjacent tiers share a bound both include, which takes it; absent, the validator
    /// reports the overlap and the officer chooses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie: Option<Tie>,
    /// The document's own statement, e.g. "以下含本数，以上不含本数，下同".
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

impl Default for BoundConvention {
    fn default() -> Self {
        BoundConvention {
            above: Inclusion::Inclusive,
            below: Inclusion::Inclusive,
            tie: None,
            basis: Basis::default(),
        }
    }
}

impl BoundConvention {
    /// The default of 民法典 art 1259, stated by no document.
    pub fn is_civil_code(&self) -> bool {
        *self == BoundConvention::default()
    }
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
