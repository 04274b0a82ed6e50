//! What the engine decided and on what ground. Every legal decision is made once, in the
//! pipeline, and recorded here; the 说理 text, the app, the JS API, the CLI and the review read
//! this record and never evaluate a pack condition or search the trace to learn a decision.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::FactValue;
use crate::date::Date;
use crate::num::Dec;
use crate::pack::model::{Basis, Citation, FineRule, PenaltyKind, Threshold};

use super::result::Step;

/// The decisions of one evaluation, in pipeline order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decisions {
    /// Which provision applies when several are cited for one act (行政处罚法 art 29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionChoice>,
    /// 追责时效 (art 36).
    pub limitation: LimitationCheck,
    /// The no-penalty gate: mandatory grounds, discretionary grounds and the officer's decision.
    pub gate: Gate,
    /// Preconditions of the fine (逾期不改正 …), each with what the facts say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preconditions: Vec<PreconditionCheck>,
    /// The statutory fine rule applied, or why there is none.
    pub fine: FineDecision,
    /// The fine the officer intends, against the ranges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended: Option<IntendedCheck>,
    /// For an outcome other than a fine range — 不再给予处罚, 不予处罚, 可以不予处罚, 责令改正
    /// only, or no fine before a precondition — the step that decided it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<DecidingStep>,
    /// Facts derived from dates and quantities, with their inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<DerivedFact>,
    /// Facts that could not be established, and the row's rule applied for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<UnknownApplied>,
    /// The row does not cover the case: where it goes instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    /// The row's own 减轻 list applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduction: Option<ReductionApplied>,
    /// Circumstances the tier already counts, not applied again (不作重复评价).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_counted_again: Vec<String>,
    /// The pack sets no tiers for this item and party: discretion within the statutory range.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub untiered: bool,
    /// Every provision the decision rests on, in the order a decision cites them (处罚依据, the
    /// rule's own provision, art 29, the factors applied, the penalties, the personal fines; or
    /// the no-penalty grounds).
    pub basis: Vec<Citation>,
}

/// The choice among several provisions for one act (art 29): the one with the higher fine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProvisionChoice {
    /// The item applied.
    pub chosen: String,
    /// Each item cited, with its statutory maximum for this case.
    pub compared: Vec<ProvisionMax>,
    /// Whether the choice is settled: false while an item's maximum cannot be computed.
    pub settled: bool,
}

/// An item's statutory maximum fine for this case, as compared under art 29.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProvisionMax {
    /// Item code.
    pub code: String,
    /// The maximum in 元; absent when it cannot be computed or the item sets no fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    /// Facts needed to compute it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<FactRef>,
}

/// A fact named in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FactRef {
    /// Fact id.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// A fact and the value it was decided on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FactUsed {
    /// Fact id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Unit of a number fact ("元", "平方米" …); empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The value.
    pub value: FactValue,
}

/// A fact the engine derived from others (逾期天数, 违法次数, 占比 …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DerivedFact {
    /// Fact id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The value, when its inputs were entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
    /// The inputs as entered, e.g. "限期改正通知日期：2025年3月1日".
    pub inputs: Vec<String>,
    /// The inputs still missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<FactRef>,
}

/// Whether the period of art 36 had run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LimitationStatus {
    /// The dates needed were not entered.
    NotChecked,
    /// Discovered within the period.
    InTime,
    /// Not discovered within the period: 不再给予行政处罚.
    Barred,
    /// The end of the period is beyond the calendar the engine computes.
    OutOfRange,
}

/// Where the period starts (art 36 ¶2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStart {
    /// 违法行为发生之日.
    Occurred,
    /// 行为终了之日 (a continuing act).
    Ended,
}

/// The time-limit check (art 36).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LimitationCheck {
    /// The conclusion.
    pub status: LimitationStatus,
    /// First day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// What that day is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_kind: Option<PeriodStart>,
    /// The day the act was discovered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovered: Option<Date>,
    /// The period in years: 2, or 5 where the act involves life, health or financial safety
    /// with harm.
    pub years: u8,
    /// The five-year period applies.
    pub grave_harm: bool,
    /// The day the period ends (discovery on that day is in time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Art 36 ¶1, and ¶2 when the period starts at the end of a continuing act.
    pub citations: Vec<Citation>,
}

/// The kind of a no-penalty ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroundKind {
    /// 不满十四周岁 (art 30).
    Under14,
    /// 不能辨认或者不能控制自己行为 (art 31).
    Incapacity,
    /// 违法行为轻微并及时改正，没有造成危害后果 (art 33 ¶1, first sentence).
    MinorCorrected,
    /// 有证据足以证明没有主观过错 (art 33 ¶2).
    NoFault,
    /// 初次违法且危害后果轻微并及时改正 (art 33 ¶1, second sentence: 首违不罚).
    FirstOffence,
    /// A 免罚 / 不予处罚 row of the pack.
    Exemption,
}

/// A no-penalty ground that applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ground {
    /// Kind.
    pub kind: GroundKind,
    /// 不予处罚 (true) or 可以不予处罚 (false).
    pub mandatory: bool,
    /// The ground in words.
    pub text: String,
    /// For a 免罚 row: its code and wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<ExemptionRef>,
    /// What the ground rests on: the article, or a row's own citation — where a row cites
    /// none, the article of 行政处罚法 it applies (art 33 ¶1).
    pub citations: Vec<Citation>,
}

/// A 免罚 row named by a ground.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExemptionRef {
    /// Code.
    pub code: String,
    /// The conditions as the list words them.
    pub description: String,
    /// The row's basis as the pack states it (its list and any article it cites).
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// The officer's decision on a 可以不予处罚 ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Discretion {
    /// No discretionary ground applies.
    None,
    /// A ground applies and the officer has not decided.
    Open,
    /// The officer decided not to penalise.
    Waived,
    /// The officer decided to penalise (the decision must say why).
    Refused,
}

/// The no-penalty gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Gate {
    /// Whether the gate was reached (the time bar comes first).
    pub checked: bool,
    /// The mandatory ground that applied: the first in the order the engine checks them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandatory: Option<Ground>,
    /// The discretionary grounds that apply (checked only when no mandatory one does).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discretionary: Vec<Ground>,
    /// The officer's decision on them.
    pub discretion: Discretion,
}

/// What the facts say of a precondition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreconditionStatus {
    /// It holds.
    Met,
    /// It does not hold: no fine may be imposed.
    Unmet,
    /// A fact is missing.
    Unknown,
}

/// A precondition of the fine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PreconditionCheck {
    /// Its wording, e.g. "逾期不改正".
    pub label: String,
    /// What the facts say.
    pub status: PreconditionStatus,
}

/// Why the penalty provision gives no fine in this case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoFineReason {
    /// The provision sets no fine.
    NoFine,
    /// It sets no fine for this kind of party.
    NotForParty,
    /// Every branch that sets a fine is excluded by the facts.
    BranchesExcluded,
    /// The base of a percentage or multiple is zero (e.g. no 违法所得) and the provision sets no
    /// fine for that case.
    ZeroBase,
}

/// The statutory fine rule, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FineDecision {
    /// The pipeline stopped before the fine (time bar, gate, precondition).
    NotReached,
    /// The provision gives no fine here.
    None {
        /// Why.
        reason: NoFineReason,
        /// The rule whose base is zero, for `zero_base`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<FactUsed>,
    },
    /// The provision sets different fines by circumstance, and these facts decide which.
    BranchPending {
        /// The facts needed.
        facts: Vec<FactRef>,
    },
    /// A rule applies.
    Applied(Box<AppliedFine>),
}

/// The statutory fine rule applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AppliedFine {
    /// The rule as the pack states it.
    pub rule: FineRule,
    /// The provision it rests on: the rule's own, or the item's penalty basis.
    pub citation: Citation,
    /// The rule cites a provision other than the item's penalty basis.
    pub own_provision: bool,
    /// The form in the statute's terms, e.g. "工程合同价款2%以上4%以下".
    pub words: String,
    /// The base of a percentage, multiple or per-unit fine, with its value when entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BaseFact>,
}

/// The base fact of a fine form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BaseFact {
    /// Fact id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Its value, when entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
}

/// The intended fine against the ranges (true: inside, with each bound's 含本数).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IntendedCheck {
    /// The amount in 元.
    pub amount: Dec,
    /// Inside the statutory range (absent when there is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_statutory: Option<bool>,
    /// Inside the benchmark (tier) range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_benchmark: Option<bool>,
    /// Inside the recommended range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_recommended: Option<bool>,
}

/// The step that decided an outcome other than a fine range, with its wording and basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecidingStep {
    /// The step.
    pub step: Step,
    /// What it concluded.
    pub text: String,
    /// What it rests on.
    pub citations: Vec<Citation>,
}

/// What makes a procedural flag apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FlagGround {
    /// A penalty of art 63 (三)(四) (降低资质等级, 吊销, 责令停业整顿 …).
    HeavyPenalty {
        /// Its kind.
        penalty: PenaltyKind,
        /// Its wording.
        text: String,
        /// Certain (mandatory and unconditional) or only if the officer decides to impose it.
        certain: bool,
    },
    /// The fine reaches the pack's 较大数额 (hearing) or fine threshold (法制审核, 集体讨论).
    LargeFine {
        /// The threshold used.
        threshold: ThresholdUsed,
        /// The whole range reaches it (certain) or only its upper part (if the officer decides
        /// an amount that reaches it).
        certain: bool,
    },
    /// The confiscated 违法所得 reaches the 较大数额 threshold.
    LargeConfiscation {
        /// The threshold used.
        threshold: ThresholdUsed,
        /// The amount confiscated.
        amount: Dec,
    },
    /// The pack requires it for every 减轻 decision.
    Reduced,
    /// The pack requires it wherever a hearing notice is (or may be) due.
    WithHearing {
        /// Certain, or only if the hearing notice is due.
        certain: bool,
    },
    /// The pack sets no threshold for this party: the officer checks the local rule.
    NoThreshold,
}

/// A threshold as applied to this party, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ThresholdUsed {
    /// The threshold.
    pub threshold: Threshold,
    /// For 法人 or 其他组织 (true) or for 公民.
    pub organization: bool,
    /// Where the pack's threshold comes from.
    pub basis: Basis,
}

/// A fact that could not be established, and what the row says then applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnknownApplied {
    /// Fact id.
    pub fact: String,
    /// Its label.
    pub label: String,
    /// The row's wording.
    pub description: String,
    /// The tier it applies, where it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// Where a case the row does not cover goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Referral {
    /// The row's wording.
    pub description: String,
    /// The item that applies instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The authority the case goes to (移送).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// A row of the item's own 减轻 list, applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReductionApplied {
    /// Its code.
    pub code: String,
    /// Its wording.
    pub description: String,
    /// Its basis.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}
