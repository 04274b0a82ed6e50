//! A finding of the review: which rule, how serious, what it rests on, and what was expected
//! against what was recorded — data, worded only where it is shown.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::engine::result::MoneyRange;
use crate::num::Dec;
use crate::pack::model::{Basis, Citation, PenaltyKind};
use crate::wording::{describe, yuan};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Unlawful, or a defect that fails the file (超过时效、超出法定幅度、应听证未告知 …).
    Error,
    /// A defect a reviewer deducts for (偏离基准未说明理由、从轻情节未适用 …).
    Warning,
    /// To be checked by a person (a 可以 ground not decided, a threshold the pack lacks …).
    Notice,
}

impl Severity {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Notice => "提示",
        }
    }

    /// All, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Notice];
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $sev:ident, $title:literal; )*) => {
        /// A review rule, by its stable id (e.g. `fine.outside_statutory`).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            JsonSchema,
        )]
        pub enum Rule {
            $( $(#[$doc])* #[serde(rename = $id)] $name, )*
        }

        impl Rule {
            /// Every rule, in report order.
            pub const ALL: &'static [Rule] = &[$(Rule::$name),*];

            /// The stable id.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$name => $id),* }
            }

            /// The severity of its findings.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$name => Severity::$sev),* }
            }

            /// A short Chinese title.
            pub fn title(self) -> &'static str {
                match self { $(Rule::$name => $title),* }
            }

            /// The rule with this id.
            pub fn from_id(id: &str) -> Option<Rule> {
                match id { $($id => Some(Rule::$name),)* _ => None }
            }
        }
    };
}

rules! {
    /// The facts needed to compute the ranges are missing: the case cannot be fully checked.
    CasePending = "case.pending", Notice, "案件事实不全，无法完全核对";
    /// The row does not cover the case (不属本项): another item applies or the case goes to
    /// another authority, yet a penalty was imposed under this item.
    ItemExcluded = "item.excluded", Error, "不属本项适用范围而按本项处罚";
    /// Another party of the act has no recorded decision.
    PartyUndecided = "record.party_undecided", Notice, "其他当事人未记录处理决定";
    /// The fine lies outside the statutory range (and is not a 减轻 below the minimum).
    FineOutsideStatutory = "fine.outside_statutory", Error, "罚款超出法定幅度";
    /// A fine where the provision sets none (for this party, or for this case).
    FineNotProvided = "fine.not_provided", Error, "处罚依据未规定罚款";
    /// A fine before its precondition (逾期不改正 …) is met.
    FinePreconditionUnmet = "fine.precondition_unmet", Error, "罚款前提条件不具备";
    /// The statute says 处…罚款 (应当), yet no fine and no no-penalty decision is recorded.
    FineMissing = "fine.missing", Error, "应当处罚款而未处罚款";
    /// The fine lies outside the benchmark (and recommended) range with no reason recorded.
    FineOutsideBenchmark = "fine.outside_benchmark", Warning, "偏离裁量基准未说明理由";
    /// A departure from the benchmark with a reason but without an approval.
    DepartureUnapproved = "fine.departure_unapproved", Warning, "偏离裁量基准未经批准";
    /// The departure was approved after the decision.
    ApprovalAfterDecision = "fine.approval_after_decision", Warning, "偏离基准的批准晚于决定";
    /// The fine is imposed under another provision than the one with the higher fine (art 29).
    FineWrongProvision = "fine.wrong_provision", Warning, "未按罚款数额高的规定处罚";
    /// More than one fine for one act (art 29).
    SecondFine = "fine.second_fine", Error, "同一违法行为两次以上罚款";
    /// A 从轻 / 减轻 factor was recorded, but the fine lies above the range it leads to.
    MitigationNotApplied = "adjust.mitigation_not_applied", Warning, "从轻、减轻情节未适用";
    /// A 从重 factor was recorded, but the fine lies below the range it leads to.
    AggravationNotApplied = "adjust.aggravation_not_applied", Notice, "从重情节未适用";
    /// The tier recorded is not the one the benchmark gives for the facts.
    TierNotAdopted = "tier.not_adopted", Warning, "裁量阶次与量化事实不符";
    /// The benchmark's tier is 不予处罚 / 不予罚款, yet a penalty or fine was imposed.
    TierExcludes = "tier.excludes_penalty", Warning, "基准阶次不予处罚（罚款）而予以处罚";
    /// A mandatory no-penalty ground applies, yet a penalty was imposed.
    MandatoryGroundPenalised = "gate.mandatory_penalised", Error, "应当不予处罚而予以处罚";
    /// A 可以不予处罚 ground applies and no decision on it is recorded.
    DiscretionUnrecorded = "gate.discretion_unrecorded", Notice, "可以不予处罚情形未记录决定";
    /// A no-penalty decision, but the benchmark finds no ground for it.
    NoPenaltyWithoutGround = "gate.no_penalty_without_ground", Warning, "不予处罚缺少依据";
    /// The no-penalty ground recorded is not the one the benchmark finds.
    GroundDiffers = "gate.ground_differs", Notice, "不予处罚的理由与基准认定不一致";
    /// The record both decides not to penalise and imposes a penalty.
    Contradictory = "record.contradictory", Error, "记录自相矛盾：既不予处罚又予以处罚";
    /// The period of art 36 had run, yet a penalty was imposed.
    TimeBarredPenalised = "limitation.barred_penalised", Error, "超过追责时效仍予处罚";
    /// The dates needed to check the period of art 36 are not recorded.
    LimitationNotChecked = "limitation.not_checked", Notice, "未记录违法行为发生或发现日期";
    /// A hearing notice was due but is not recorded (art 63).
    HearingNoticeMissing = "procedure.hearing_notice_missing", Error, "应当告知听证而未告知";
    /// A hearing was asked for but not held (art 63).
    HearingNotHeld = "procedure.hearing_not_held", Error, "当事人要求听证而未组织听证";
    /// 法制审核 was due but is not recorded (art 58).
    LegalReviewMissing = "procedure.legal_review_missing", Error, "应当法制审核而未审核";
    /// A hearing was held (art 58 ¶1 (二)) and no 法制审核 is recorded.
    LegalReviewAfterHearing = "procedure.legal_review_after_hearing", Notice, "经过听证程序，未记录法制审核";
    /// 集体讨论 was due but is not recorded (art 57 ¶2).
    CollectiveDiscussionMissing = "procedure.collective_discussion_missing", Error, "应当集体讨论而未讨论";
    /// The pack sets no threshold for a flag: the local rule must be checked by hand.
    ThresholdUnknown = "procedure.threshold_unknown", Notice, "基准未规定数额标准，需按本地规定核对";
    /// 简易程序 used beyond art 51.
    SimpleNotAllowed = "procedure.simple_not_allowed", Error, "超出简易程序适用范围";
    /// 普通程序 with a penalty, and no 告知 date recorded (arts 44, 62).
    NoticeMissing = "procedure.notice_missing", Warning, "未记录事先告知";
    /// The decision precedes the 告知 (art 62).
    NoticeAfterDecision = "procedure.notice_after_decision", Error, "决定早于事先告知";
    /// 立案 is later than 告知 or 决定, or the discovery later than 立案.
    FilingOrder = "procedure.filing_order", Warning, "立案日期顺序不当";
    /// The decision came more than 90 days after 立案 (art 60).
    DecisionOverdue = "procedure.decision_overdue", Warning, "超过九十日作出决定";
    /// No penalty, and the record says the party was not educated (art 33 ¶3).
    EducationMissing = "procedure.education_missing", Notice, "不予处罚未进行教育";
    /// A mandatory penalty (没收违法所得 …) was not imposed.
    PenaltyMissing = "penalty.mandatory_missing", Error, "应当给予的处罚未给予";
    /// A mandatory penalty that names alternatives was not imposed as recorded: to check.
    PenaltyAlternative = "penalty.alternative_unverified", Warning, "选择性处罚未按所列种类记录";
    /// A penalty decided by another body is not recorded (移送或建议).
    PenaltyOtherBody = "penalty.other_body", Notice, "由其他机关决定的处罚未记录";
    /// A mandatory order (责令改正 …) was not recorded.
    OrderMissing = "penalty.order_missing", Warning, "未责令改正或者停止违法行为";
    /// A penalty the provision does not name.
    PenaltyWithoutBasis = "penalty.without_basis", Warning, "处罚种类无依据";
    /// The amount confiscated is not the 违法所得 recorded.
    ConfiscationAmount = "penalty.confiscation_amount", Warning, "没收违法所得数额不符";
    /// A personal fine outside its range (a percentage of the unit fine).
    PersonalFineOutside = "arithmetic.personal_fine_outside", Error, "责任人员罚款超出幅度";
    /// Personal fines where the provision sets none, or without a unit fine.
    PersonalFineWithoutBasis = "arithmetic.personal_fine_without_basis", Error, "责任人员罚款无依据";
    /// The amount does not equal the stated rate times its base.
    RateArithmetic = "arithmetic.rate", Warning, "罚款数额与所述比例（倍数）及基数不符";
}

impl Rule {
    /// The severity's label and the title, e.g. "错误：罚款超出法定幅度".
    pub fn heading(self) -> String {
        format!("{}：{}", self.severity().label(), self.title())
    }
}

/// A value as expected or as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Shown {
    /// An amount in 元.
    Amount(Dec),
    /// Several amounts in 元.
    Amounts(Vec<Dec>),
    /// A range in 元.
    Range(MoneyRange),
    /// Done / due (true) or not.
    Done(bool),
    /// A date.
    Date(Date),
    /// Penalty kinds.
    Penalties(Vec<PenaltyKind>),
    /// Anything else, in words.
    Text(String),
}

impl Shown {
    /// In Chinese, as the report shows it.
    pub fn words(&self) -> String {
        match self {
            Shown::Amount(a) => format!("{}元", yuan(a.0)),
            Shown::Amounts(v) => v
                .iter()
                .map(|a| format!("{}元", yuan(a.0)))
                .collect::<Vec<_>>()
                .join("、"),
            Shown::Range(r) => describe(r),
            Shown::Done(true) => "是".into(),
            Shown::Done(false) => "否".into(),
            Shown::Date(d) => d.chinese(),
            Shown::Penalties(v) if v.is_empty() => "无".into(),
            Shown::Penalties(v) => v.iter().map(|k| k.label()).collect::<Vec<_>>().join("、"),
            Shown::Text(t) => t.clone(),
        }
    }
}

/// One finding on one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The articles it rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The benchmark row or rule it rests on.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub benchmark: Basis,
    /// What the benchmark or the law expects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Shown>,
    /// What the case file records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Shown>,
    /// The other party of the act it is about (its role's wording); absent for the party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
}

impl Finding {
    /// A finding of `rule`, with its severity.
    pub fn new(rule: Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            message: message.into(),
            citations: Vec::new(),
            benchmark: Basis::default(),
            expected: None,
            recorded: None,
            party: None,
        }
    }

    /// With these citations.
    pub fn cite(mut self, citations: impl IntoIterator<Item = Citation>) -> Finding {
        for c in citations {
            if !self.citations.contains(&c) {
                self.citations.push(c);
            }
        }
        self
    }

    /// With this benchmark basis.
    pub fn benchmark(mut self, b: &Basis) -> Finding {
        self.benchmark = b.clone();
        self
    }

    /// With the expected and recorded values.
    pub fn values(mut self, expected: Option<Shown>, recorded: Option<Shown>) -> Finding {
        self.expected = expected;
        self.recorded = recorded;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_round_trip() {
        let mut ids = std::collections::BTreeSet::new();
        for r in Rule::ALL {
            assert!(ids.insert(r.id()), "duplicate id {}", r.id());
            assert_eq!(Rule::from_id(r.id()), Some(*r));
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.id()));
            assert!(r.id().contains('.'), "{}", r.id());
        }
    }
}
