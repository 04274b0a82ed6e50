//! The result of evaluating a case: one serialisable struct, byte-identical for the same input.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decision::{Decisions, FactUsed, FlagGround};
use crate::num::{Dec, Fraction};
use crate::pack::model::{
    AdjustScope, Basis, Citation, Conflict, PenaltyKind, Publicity, TierOutcome,
};

/// What the case comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A fine (with any other penalties).
    Fine,
    /// Penalties other than a fine.
    NoFine,
    /// 责令改正 only: no penalty may be imposed yet (e.g. before 逾期不改正) or the tier says so.
    CorrectionOnly,
    /// 不予行政处罚 (mandatory, or decided by the officer on a 可以 ground).
    NoPenalty,
    /// 可以不予行政处罚: the officer decides.
    MayNotPenalise,
    /// 不再给予行政处罚: time-barred (art 36).
    TimeBarred,
    /// Facts or a choice are missing; see `pending`.
    Pending,
    /// The row does not cover the case: another item applies, or another authority (移送).
    Referred,
}

impl Outcome {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Fine => "罚款",
            Outcome::NoFine => "给予罚款以外的行政处罚",
            Outcome::CorrectionOnly => "责令改正，不予罚款",
            Outcome::NoPenalty => "不予行政处罚",
            Outcome::MayNotPenalise => "可以不予行政处罚",
            Outcome::TimeBarred => "超过追责时效，不再给予行政处罚",
            Outcome::Pending => "待补充",
            Outcome::Referred => "不属本项：适用其他规定或者移送",
        }
    }

    /// The snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Fine => "fine",
            Outcome::NoFine => "no_fine",
            Outcome::CorrectionOnly => "correction_only",
            Outcome::NoPenalty => "no_penalty",
            Outcome::MayNotPenalise => "may_not_penalise",
            Outcome::TimeBarred => "time_barred",
            Outcome::Pending => "pending",
            Outcome::Referred => "referred",
        }
    }
}

/// A range of money in 元, with the semantics of each bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MoneyRange {
    /// Lower bound.
    pub min: Dec,
    /// Whether the lower bound is included (含本数).
    pub min_inclusive: bool,
    /// Upper bound.
    pub max: Dec,
    /// Whether the upper bound is included (含本数).
    pub max_inclusive: bool,
}

/// How the tier was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TierChoice {
    /// From the quantitative conditions alone.
    Automatic,
    /// By the officer (qualitative wording).
    Officer,
    /// By an overriding circumstance ("或…的"), whatever the quantitative conditions say.
    Override,
    /// By the row's rule for a fact that cannot be established.
    Unknown,
}

impl TierChoice {
    /// How the tier was chosen, in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            TierChoice::Automatic => "按数量条件自动判定",
            TierChoice::Officer => "执法人员选择",
            TierChoice::Override => "具有优先适用的情形",
            TierChoice::Unknown => "事实无法查清时的规定",
        }
    }
}

/// The tier applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TierInfo {
    /// Code.
    pub code: String,
    /// Label.
    pub label: String,
    /// Wording.
    pub description: String,
    /// How it was chosen.
    pub chosen: TierChoice,
    /// The tier's quantitative condition in words, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Its overriding circumstance in words ("或…的"), where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<String>,
    /// The facts it was decided on (entered values of the facts its condition reads).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactUsed>,
    /// The benchmark row it comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
    /// What the tier leads to.
    pub outcome: TierOutcome,
    /// For a band of the pack's split rule: the rule's name and basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitRef>,
    /// The tier's 违法行为分类.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// How long the penalty is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity: Option<Publicity>,
}

/// The pack's split rule, as a tier's band uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SplitRef {
    /// The rule's name, e.g. "三等分".
    pub name: String,
    /// The band's name in it.
    pub band: String,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// Direction of the adjustment applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// None.
    None,
    /// 从轻.
    Lighter,
    /// 减轻.
    Reduced,
    /// 从重.
    Heavier,
}

impl Level {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Level::None => "不调整",
            Level::Lighter => "从轻",
            Level::Reduced => "减轻",
            Level::Heavier => "从重",
        }
    }
}

/// A factor considered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FactorInfo {
    /// Pack factor id, or the statutory ground (e.g. "art32_1").
    pub id: String,
    /// Wording.
    pub label: String,
    /// Direction it points.
    pub direction: Level,
    /// 应当 (true) or 可以 (false).
    pub mandatory: bool,
    /// Article, where statutory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Benchmark source, where the pack's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The adjustment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Adjustment {
    /// The level applied.
    pub level: Level,
    /// Factors considered.
    pub factors: Vec<FactorInfo>,
    /// How the pack's rule was applied, in Chinese.
    pub rule: String,
    /// Mitigating and aggravating factors were both present: the pack's rule for that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    /// 减轻 was due, but the statute sets no minimum to go below: applied as 从轻.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reduced_as_lighter: bool,
    /// The range the pack's portions are taken of.
    pub scope: AdjustScope,
    /// The [from, to] portion of that range applied for 从轻 or 从重.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portion: Option<[Fraction; 2]>,
    /// For 减轻: the lowest amount, below the statutory minimum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduced_floor: Option<ReducedFloor>,
    /// Where the pack's rule comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// The floor of a 减轻 range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReducedFloor {
    /// The pack's floor as a fraction of the statutory minimum (0: any amount above zero).
    pub fraction: Fraction,
    /// The floor in 元.
    pub amount: Dec,
    /// The statutory minimum the 减轻 range lies below.
    pub statutory_min: Dec,
}

/// A non-fine penalty or order in the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PenaltyOut {
    /// Kind.
    pub kind: PenaltyKind,
    /// Wording.
    pub text: String,
    /// 应当 (true) or 可以 (false).
    pub mandatory: bool,
    /// True when it depends on a fact not yet entered.
    pub conditional: bool,
    /// Amount, for 没收违法所得.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Dec>,
    /// Who decides it, where not the enforcing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// Basis.
    pub citation: Citation,
}

/// Fines on the responsible persons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonalFineOut {
    /// Range per person in 元.
    pub range: MoneyRange,
    /// Minimum percentage of the unit fine.
    pub min_percent: Dec,
    /// Maximum percentage of the unit fine.
    pub max_percent: Dec,
    /// Wording.
    pub text: String,
    /// Basis.
    pub citation: Citation,
}

/// Status of a procedural flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FlagStatus {
    /// Required (or available, for 简易程序).
    Required,
    /// Depends on the amount decided or on facts; see the reason.
    Possible,
    /// Not required.
    NotRequired,
    /// Cannot be decided: the pack sets no threshold.
    Unknown,
}

/// A procedural flag with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Flag {
    /// Status.
    pub status: FlagStatus,
    /// Why, in Chinese.
    pub reason: String,
    /// Bases.
    pub citations: Vec<Citation>,
    /// What makes it apply (for 听证告知, 法制审核, 集体讨论).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<FlagGround>,
    /// It applies only if a penalty is imposed: a 可以不予处罚 ground is still open.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_if_penalised: bool,
}

/// Procedural flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Flags {
    /// 简易程序 (art 51): may decide on the spot.
    pub simple_procedure: Flag,
    /// 听证告知 (art 63).
    pub hearing: Flag,
    /// 法制审核 (art 58).
    pub legal_review: Flag,
    /// 集体讨论 (art 57 ¶2).
    pub collective_discussion: Flag,
    /// 教育 (art 33 ¶3).
    pub education: Flag,
}

/// Steps of the pipeline, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Pack in force.
    Edition,
    /// Which provision (art 29).
    Provision,
    /// 时效.
    Limitation,
    /// Mandatory no-penalty grounds.
    MandatoryGate,
    /// Discretionary no-penalty grounds.
    DiscretionaryGate,
    /// Preconditions of the fine.
    Precondition,
    /// Statutory range.
    Statutory,
    /// Tier.
    Tier,
    /// Benchmark range.
    Benchmark,
    /// 从轻 / 减轻 / 从重.
    Adjust,
    /// Clamp to the statute.
    Clamp,
    /// Rounding.
    Rounding,
    /// Other penalties.
    Penalties,
    /// 没收违法所得.
    Confiscation,
    /// Personal fines.
    PersonalFine,
    /// Procedural flags.
    Flags,
    /// Facts derived from dates and quantities.
    Derive,
    /// The row's exclusions (不属本项 / 移送).
    Exclusion,
}

impl Step {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Step::Edition => "基准版本",
            Step::Provision => "适用条款",
            Step::Limitation => "追责时效",
            Step::MandatoryGate => "法定不予处罚",
            Step::DiscretionaryGate => "可以不予处罚",
            Step::Precondition => "处罚前提",
            Step::Statutory => "法定幅度",
            Step::Tier => "裁量阶次",
            Step::Benchmark => "基准幅度",
            Step::Adjust => "从轻、减轻、从重",
            Step::Clamp => "法定幅度校验",
            Step::Rounding => "金额取整",
            Step::Penalties => "其他处罚",
            Step::Confiscation => "没收违法所得",
            Step::PersonalFine => "对责任人员的罚款",
            Step::Flags => "程序提示",
            Step::Derive => "推算事实",
            Step::Exclusion => "适用范围",
        }
    }
}

/// A trace entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TraceEntry {
    /// Step.
    pub step: Step,
    /// What the step concluded, in Chinese.
    pub outcome: String,
    /// What it rests on (at least one article or benchmark source).
    pub citations: Vec<Citation>,
    /// Benchmark sources, where the step rests on the pack's own rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Facts used, as label → value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<(String, String)>,
}

/// Which pack and engine produced the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// Pack id.
    pub pack_id: String,
    /// Pack title.
    pub pack_title: String,
    /// Edition.
    pub edition: String,
    /// SHA-256 of the pack.
    pub content_hash: String,
    /// Engine version.
    pub engine_version: String,
    /// Whether the pack is a reference example rather than an issued benchmark.
    pub reference_only: bool,
}

/// An item named in the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ItemRef {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// 违法依据.
    pub violates: Vec<Citation>,
    /// 处罚依据.
    pub penalty_basis: Citation,
}

/// A party's role in the row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RoleRef {
    /// Role id.
    pub id: String,
    /// The row's wording, e.g. "施工单位".
    pub label: String,
}

/// The evaluation result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvalResult {
    /// Outcome.
    pub outcome: Outcome,
    /// The party's role, in a row that names several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleRef>,
    /// One-line summary in Chinese.
    pub summary: String,
    /// The item applied.
    pub item: ItemRef,
    /// Other items cited for the same act (art 29), not fined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_items: Vec<ItemRef>,
    /// The fine is 可以 (discretionary) under the statute.
    pub fine_discretionary: bool,
    /// Tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierInfo>,
    /// Tiers the officer may choose among, when the choice is open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tier_options: Vec<TierInfo>,
    /// Statutory range in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory: Option<MoneyRange>,
    /// Benchmark (tier) range in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<MoneyRange>,
    /// Recommended range after adjustment and clamping, in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<MoneyRange>,
    /// 从轻 / 减轻 / 从重.
    pub adjustment: Adjustment,
    /// Other penalties and orders.
    pub penalties: Vec<PenaltyOut>,
    /// Fines on responsible persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_fine: Option<PersonalFineOut>,
    /// Procedural flags.
    pub flags: Flags,
    /// What the officer still has to enter or decide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<String>,
    /// Warnings (pack not in force, conflicts, clamping).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// What the engine decided and on what ground.
    pub decisions: Decisions,
    /// The trace.
    pub trace: Vec<TraceEntry>,
    /// Provenance.
    pub provenance: Provenance,
    /// The results of the act's other parties (each in its own role).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_parties: Vec<EvalResult>,
}
