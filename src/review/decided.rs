//! A decided case: the case as the officer entered it, and what was decided and recorded in the
//! case file — the fines imposed, the other penalties, a no-penalty decision, the procedure, the
//! dates and a departure from the benchmark with its approval. One decided case is one act.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::Case;
use crate::date::Date;
use crate::num::Dec;
use crate::pack::model::PenaltyKind;

/// A case with what was decided (`schemas/decided-case.schema.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecidedCase {
    /// 案号 or another reference that tells cases apart in the report; never part of the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// 承办人员: the officer(s) who handled the case, for the reviewer's filters; never part of
    /// the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// 承办机构: the unit that handled it, for the reviewer's filters; never part of the review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The case as entered: items, party, dates, facts, circumstances, factors, tier.
    pub case: Case,
    /// What was decided and recorded.
    pub decision: Decision,
    /// What was decided for each of the act's other parties (`case.parties`), by role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyDecision>,
}

/// The decision on another party of the same act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyDecision {
    /// The party's role (`case.parties[].role`).
    pub role: String,
    /// What was decided and recorded for it.
    pub decision: Decision,
}

/// What was decided and recorded in the case file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The fines imposed on the party, each under the item it was imposed under. One act gets
    /// one fine (行政处罚法 art 29): a second entry is a finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fines: Vec<ImposedFine>,
    /// Fines imposed on the unit's responsible persons (直接负责的主管人员和其他直接责任人员),
    /// one entry per person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personal_fines: Vec<PersonalFineImposed>,
    /// The other penalties and orders imposed (警告, 没收违法所得, 责令改正 …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalties: Vec<ImposedPenalty>,
    /// A decision not to penalise, with its ground.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_penalty: Option<NoPenaltyDecision>,
    /// The procedure followed.
    #[serde(default)]
    pub procedure: Procedure,
    /// The dates of the procedure.
    #[serde(default)]
    pub dates: ProcedureDates,
    /// The reason for an amount outside the benchmark, and its approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure: Option<Departure>,
}

/// A fine imposed on the party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImposedFine {
    /// The item code it was imposed under; absent: the item the case cites first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The amount in 元.
    pub amount: Dec,
    /// The percentage (for a fine of "…X%以上Y%以下"), the multiple (倍) or the amount per unit
    /// the decision states it applied, where it states one; checked against the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Dec>,
}

/// A fine imposed on a responsible person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalFineImposed {
    /// Who (name or role), for the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The amount in 元.
    pub amount: Dec,
}

/// A penalty or order imposed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImposedPenalty {
    /// Its kind.
    pub kind: PenaltyKind,
    /// The amount in 元, for 没收违法所得.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Dec>,
    /// Its wording in the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The ground of a decision not to penalise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoPenaltyGround {
    /// 不满十四周岁 (行政处罚法 art 30).
    Under14,
    /// 不能辨认或者不能控制自己行为 (art 31).
    Incapacity,
    /// 违法行为轻微并及时改正，没有造成危害后果 (art 33 ¶1).
    MinorCorrected,
    /// 有证据足以证明没有主观过错 (art 33 ¶2).
    NoFault,
    /// 初次违法且危害后果轻微并及时改正 (art 33 ¶1: 首违不罚).
    FirstOffence,
    /// A 免罚 / 不予处罚 row of the benchmark.
    Exemption,
    /// The benchmark's tier is 不予处罚.
    Benchmark,
    /// 超过追责时效 (art 36).
    TimeBarred,
    /// 违法事实不能成立 (art 57 (三)): outside what the benchmark decides.
    FactsNotEstablished,
}

impl NoPenaltyGround {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            NoPenaltyGround::Under14 => "不满十四周岁",
            NoPenaltyGround::Incapacity => "不能辨认或者不能控制自己行为",
            NoPenaltyGround::MinorCorrected => "违法行为轻微并及时改正，没有造成危害后果",
            NoPenaltyGround::NoFault => "有证据足以证明没有主观过错",
            NoPenaltyGround::FirstOffence => "初次违法且危害后果轻微并及时改正",
            NoPenaltyGround::Exemption => "免罚清单",
            NoPenaltyGround::Benchmark => "裁量基准规定不予处罚",
            NoPenaltyGround::TimeBarred => "超过追责时效",
            NoPenaltyGround::FactsNotEstablished => "违法事实不能成立",
        }
    }
}

/// A decision not to penalise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoPenaltyDecision {
    /// The ground the decision states.
    pub ground: NoPenaltyGround,
}

/// 简易程序 (当场处罚, art 51) or 普通程序.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// 普通程序.
    #[default]
    Ordinary,
    /// 简易程序.
    Simple,
}

/// The procedure as the case file records it. A step not recorded counts as not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// 简易 or 普通.
    #[serde(default)]
    pub kind: ProcedureKind,
    /// The party was told of the right to a hearing (听证告知, art 63).
    #[serde(default)]
    pub hearing_notified: bool,
    /// The party asked for a hearing.
    #[serde(default)]
    pub hearing_requested: bool,
    /// A hearing was held.
    #[serde(default)]
    pub hearing_held: bool,
    /// 法制审核 was done (art 58).
    #[serde(default)]
    pub legal_review: bool,
    /// 集体讨论 was held (art 57 ¶2).
    #[serde(default)]
    pub collective_discussion: bool,
    /// The party was educated (art 33 ¶3), where recorded either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<bool>,
}

/// The dates of the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcedureDates {
    /// 立案.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed: Option<Date>,
    /// 告知 (行政处罚事先告知, art 44).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<Date>,
    /// 决定.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Date>,
}

/// A departure from the benchmark (the reason stated, and who approved it) is recorded as the
/// documents record it: one concept for the 说理 draft, the case library and the review.
pub use crate::documents::inputs::{Approval, ApprovalKind, Departure};

impl Decision {
    /// The fines imposed with an amount above zero.
    pub fn fines_imposed(&self) -> impl Iterator<Item = &ImposedFine> {
        self.fines
            .iter()
            .filter(|f| f.amount.0 > rust_decimal::Decimal::ZERO)
    }

    /// The total fine imposed on the party, when any; None also when the sum overflows (each
    /// fine is then checked on its own).
    pub fn fine_total(&self) -> Option<Dec> {
        let mut total: Option<rust_decimal::Decimal> = None;
        for f in self.fines_imposed() {
            total = Some(match total {
                None => f.amount.0,
                Some(t) => t.checked_add(f.amount.0)?,
            });
        }
        total.map(Dec)
    }

    /// Whether an administrative penalty was imposed on the party: a fine, or a penalty other
    /// than an order (责令改正 and the like are not penalties).
    pub fn penalised(&self) -> bool {
        self.fines_imposed().next().is_some() || self.penalties.iter().any(|p| !p.kind.is_order())
    }

    /// Whether a penalty or order of this kind was imposed.
    pub fn imposed(&self, kind: PenaltyKind) -> bool {
        self.penalties.iter().any(|p| p.kind == kind)
    }
}

impl DecidedCase {
    /// The case as the review evaluates it: the fine imposed is the amount the flags and ranges
    /// are checked against (`intended_fine`); the decision date is the case's when the case
    /// has none; and where the case leaves a 可以不予处罚 decision open, the decision recorded
    /// settles it (a no-penalty decision applies the ground; a penalty refuses it). The same for
    /// each other party with a recorded decision.
    pub fn case_for_review(&self) -> Case {
        let d = &self.decision;
        let mut case = self.case.clone();
        case.intended_fine = d.fine_total();
        if case.dates.decided.is_none() {
            case.dates.decided = d.dates.decided;
        }
        settle(&mut case.waive, d);
        for p in &mut case.parties {
            if let Some(pd) = self.parties.iter().find(|x| x.role == p.role) {
                p.intended_fine = pd.decision.fine_total();
                settle(&mut p.waive, &pd.decision);
            }
        }
        case
    }

    /// The decided case of the act's other party `i` (`case.parties[i]`), when its decision is
    /// recorded: the shared case as that party sees it, with its own decision.
    pub fn party(&self, i: usize) -> Option<DecidedCase> {
        let p = self.case.parties.get(i)?;
        let pd = self.parties.iter().find(|x| x.role == p.role)?;
        let mut decision = pd.decision.clone();
        if decision.dates == ProcedureDates::default() {
            decision.dates = self.decision.dates;
        }
        Some(DecidedCase {
            reference: self.reference.clone(),
            officer: self.officer.clone(),
            unit: self.unit.clone(),
            case: self.case.for_party(p),
            decision,
            parties: Vec::new(),
        })
    }
}

/// An open 可以不予处罚 decision settled by what was decided.
fn settle(waive: &mut Option<bool>, d: &Decision) {
    if waive.is_none() {
        if d.no_penalty.is_some() {
            *waive = Some(true);
        } else if d.penalised() {
            *waive = Some(false);
        }
    }
}
