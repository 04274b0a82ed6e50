//! A violation (违法行为): its facts, preconditions, statutory fines, other penalties,
//! personal fines and 免罚 rows.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Basis, Citation, Condition, PackCase, Parties, Role, Tier, TierOutcome, yes};
use crate::num::Dec;

/// A violation (违法行为) and how it is penalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Code, unique in the pack, e.g. "ZL-64".
    pub code: String,
    /// Name, e.g. "施工单位偷工减料".
    pub name: String,
    /// Search words.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Who can commit it.
    #[serde(default)]
    pub parties: Parties,
    /// The roles of a row that sets fines for several parties of one act (建设单位 and
    /// 施工单位; 单位 and 单位负责人); fines, penalties and tier outcomes name their role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// 违法依据: the provisions violated.
    #[serde(default)]
    pub violates: Vec<Citation>,
    /// 处罚依据: the penalty provision.
    pub penalty_basis: Citation,
    /// Facts the officer enters.
    #[serde(default)]
    pub facts: Vec<FactDef>,
    /// Conditions that must hold before any fine (e.g. 逾期不改正).
    #[serde(default)]
    pub preconditions: Vec<Precondition>,
    /// Statutory fine forms, per party.
    #[serde(default)]
    pub fines: Vec<FineRule>,
    /// Non-fine penalties and orders.
    #[serde(default)]
    pub penalties: Vec<PenaltyRule>,
    /// Fines on the responsible persons alongside the unit fine (质量条例 art 73).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_fine: Option<PersonalFine>,
    /// 裁量阶次. Absent, the row reuses another's (`tiers_from`) or the table's own
    /// (`rules.tiers`), if there are any.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// The code of another item whose tiers this row applies ("依照第三条规定的标准处罚").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiers_from: Option<String>,
    /// 免罚 / 不予处罚 rows.
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    /// The row's own 减轻 list: when its condition holds, 减轻 applies within its bounds (and
    /// always strictly below the statutory minimum).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reductions: Vec<Reduction>,
    /// What applies when a fact cannot be established (the party does not co-operate …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when_unknown: Vec<UnknownRule>,
    /// Cases the row does not cover, and where they go instead (移送 / 不属本项).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
    /// A note shown with the item (e.g. "罚款数额由地方规定").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Test cases run by `cargo test` and by the validator.
    #[serde(default)]
    // The officer's page, which runs no validator (src/app/pack_check.rs), reads past them.
    #[cfg_attr(officer_page, serde(deserialize_with = "skip_cases"))]
    pub cases: Vec<PackCase>,
}

/// A fact the officer enters for an item.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FactDef {
    /// Identifier used in conditions, fine bases and cases.
    pub id: String,
    /// Label, e.g. "工程合同价款".
    pub label: String,
    /// Kind of value.
    #[serde(flatten)]
    pub kind: FactKind,
    /// Help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Kind of a fact value.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FactKind {
    /// A non-negative number with a unit ("元", "平方米", "年", "次" …).
    Number {
        /// Unit shown beside the field.
        unit: String,
    },
    /// Yes / no.
    Bool,
    /// One of several options.
    Choice {
        /// Option values (shown as written).
        options: Vec<String>,
    },
    /// A date (YYYY-MM-DD), e.g. the date of a 限期改正 order.
    Date,
    /// A list of dates, e.g. of earlier violations.
    Dates,
    /// A number the engine derives from other facts and the case's dates; the officer does
    /// not enter it, and the trace shows how it was derived.
    Derived {
        /// How.
        derive: Derivation,
        /// Unit of the result ("天", "个月", "年", "次", "%").
        unit: String,
    },
}

/// A number or the id of a number fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    /// A number written in the pack.
    Value(Dec),
    /// A fact's value.
    Fact(String),
}

/// How a derived fact is computed. Date facts are the item's `date` facts or the case's own
/// dates `occurred`, `ended`, `discovered` and `decided`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Derivation {
    /// Whole days from one date to another.
    DaysBetween {
        /// From (date fact).
        from: String,
        /// To (date fact).
        to: String,
    },
    /// Whole months from one date to another.
    MonthsBetween {
        /// From (date fact).
        from: String,
        /// To (date fact).
        to: String,
    },
    /// Whole years from one date to another (e.g. time since a unit was set up).
    YearsBetween {
        /// From (date fact).
        from: String,
        /// To (date fact).
        to: String,
    },
    /// Days (or whole months) past a 限期: from the order date plus its period to the day it
    /// was checked; zero if the check was within the period.
    Overdue {
        /// The order's date (date fact).
        ordered: String,
        /// The period in days (a number, or a number fact).
        period_days: Operand,
        /// The day it was checked (date fact).
        checked: String,
        /// Count whole months rather than days.
        #[serde(default)]
        in_months: bool,
    },
    /// A share of two quantities ("占总数10%").
    Ratio {
        /// Numerator (number fact).
        numerator: String,
        /// Denominator (number fact).
        denominator: String,
        /// As a percentage.
        #[serde(default)]
        percent: bool,
    },
    /// How many of the listed dates fall within the months before a date (违法次数 within a
    /// year).
    CountWithin {
        /// The dates (dates fact).
        dates: String,
        /// The window in months.
        months: u32,
        /// The end of the window (date fact, e.g. `occurred`).
        before: String,
        /// Count the act itself too.
        #[serde(default)]
        include_current: bool,
    },
}

/// A condition that must hold before a fine may be imposed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Precondition {
    /// The condition, usually a yes/no fact such as `overdue_uncorrected`.
    pub when: Condition,
    /// Wording, e.g. "逾期不改正".
    pub label: String,
}

/// How the statute sets the fine.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum FineForm {
    /// "处X元以上Y元以下的罚款".
    Range {
        /// Minimum in 元.
        min: Dec,
        /// Maximum in 元.
        max: Dec,
    },
    /// "处Y元以下的罚款".
    MaxOnly {
        /// Maximum in 元.
        max: Dec,
    },
    /// "处<base>X%以上Y%以下的罚款"; without `min`, "Y%以下".
    Percent {
        /// Fact holding the base amount (工程合同价款, 建设工程造价, 预付款 …).
        base: String,
        /// Minimum percentage.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Dec>,
        /// Maximum percentage.
        max: Dec,
    },
    /// "处<base>X倍以上Y倍以下的罚款"; without `min`, "Y倍以下".
    Multiple {
        /// Fact holding the base amount (违法所得, 勘察费 …).
        base: String,
        /// Minimum multiple.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Dec>,
        /// Maximum multiple.
        max: Dec,
    },
    /// "处X元罚款".
    Fixed {
        /// Amount in 元.
        amount: Dec,
    },
    /// "每<unit>处X元以上Y元以下的罚款".
    PerUnit {
        /// Fact holding the quantity.
        quantity: String,
        /// Minimum per unit, in 元.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Dec>,
        /// Maximum per unit, in 元.
        max: Dec,
    },
    /// "处以罚款" with no amount: the amount is set by local rules (罚款数额由地方规定).
    Unspecified {
        /// What the officer must look up.
        note: String,
    },
}

/// A statutory fine for some parties.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FineRule {
    /// Parties this fine applies to.
    #[serde(default)]
    pub parties: Parties,
    /// The role it applies to, in a row with several (absent: the principal role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The statutory form.
    #[serde(flatten)]
    pub form: FineForm,
    /// 应当 ("处") or 可以 ("可以处", "可以并处").
    #[serde(default = "yes")]
    pub mandatory: bool,
    /// Only when this holds: statutes that set their own tiers ("情节严重的，处…") or
    /// branches ("尚可采取改正措施的…；无法采取改正措施的…") give one rule per branch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The provision quoted, where it differs from the item's penalty basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Citation>,
}

/// Kinds of non-fine penalty and order (行政处罚法 art 9; 部令55号 art 3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    /// 警告.
    Warning,
    /// 通报批评.
    PublicCriticism,
    /// 没收违法所得.
    ConfiscateIllegalGains,
    /// 没收非法财物 / 没收实物.
    ConfiscateProperty,
    /// 暂扣许可证件.
    SuspendLicence,
    /// 降低资质等级.
    LowerQualification,
    /// 吊销许可证件 / 资质证书.
    RevokeLicence,
    /// 责令停业整顿 / 责令停产停业.
    SuspendBusiness,
    /// 责令停止执业.
    SuspendPractice,
    /// 责令关闭.
    OrderClosure,
    /// 限制从业 / 不予注册.
    RestrictPractice,
    /// 责令改正 / 责令限期改正 (an order, not a penalty).
    OrderCorrection,
    /// 责令停止施工 / 停止违法行为 (an order, not a penalty).
    OrderStop,
    /// 限期拆除 (an order).
    OrderDemolition,
    /// Anything else the statute names.
    Other,
}

impl PenaltyKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [PenaltyKind; 15] = [
        PenaltyKind::Warning,
        PenaltyKind::PublicCriticism,
        PenaltyKind::ConfiscateIllegalGains,
        PenaltyKind::ConfiscateProperty,
        PenaltyKind::SuspendLicence,
        PenaltyKind::LowerQualification,
        PenaltyKind::RevokeLicence,
        PenaltyKind::SuspendBusiness,
        PenaltyKind::SuspendPractice,
        PenaltyKind::OrderClosure,
        PenaltyKind::RestrictPractice,
        PenaltyKind::OrderCorrection,
        PenaltyKind::OrderStop,
        PenaltyKind::OrderDemolition,
        PenaltyKind::Other,
    ];

    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            PenaltyKind::Warning => "警告",
            PenaltyKind::PublicCriticism => "通报批评",
            PenaltyKind::ConfiscateIllegalGains => "没收违法所得",
            PenaltyKind::ConfiscateProperty => "没收非法财物",
            PenaltyKind::SuspendLicence => "暂扣许可证件",
            PenaltyKind::LowerQualification => "降低资质等级",
            PenaltyKind::RevokeLicence => "吊销许可证件",
            PenaltyKind::SuspendBusiness => "责令停业整顿",
            PenaltyKind::SuspendPractice => "责令停止执业",
            PenaltyKind::OrderClosure => "责令关闭",
            PenaltyKind::RestrictPractice => "限制从业",
            PenaltyKind::OrderCorrection => "责令改正",
            PenaltyKind::OrderStop => "责令停止违法行为",
            PenaltyKind::OrderDemolition => "限期拆除",
            PenaltyKind::Other => "其他",
        }
    }

    /// Whether 行政处罚法 art 63 (三)(四) requires a hearing notice for this penalty.
    pub fn needs_hearing(self) -> bool {
        matches!(
            self,
            PenaltyKind::LowerQualification
                | PenaltyKind::RevokeLicence
                | PenaltyKind::SuspendBusiness
                | PenaltyKind::SuspendPractice
                | PenaltyKind::OrderClosure
                | PenaltyKind::RestrictPractice
        )
    }

    /// Whether this is an order (责令…) rather than an administrative penalty.
    pub fn is_order(self) -> bool {
        matches!(
            self,
            PenaltyKind::OrderCorrection | PenaltyKind::OrderStop | PenaltyKind::OrderDemolition
        )
    }
}

/// A non-fine penalty or order named by the statute or the benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PenaltyRule {
    /// Kind.
    pub kind: PenaltyKind,
    /// Wording, e.g. "责令停业整顿，降低资质等级或者吊销资质证书".
    pub text: String,
    /// 应当 (true) or 可以 (false).
    #[serde(default)]
    pub mandatory: bool,
    /// Only when this holds (e.g. a `serious` fact for "情节严重的").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Who decides it, where not the enforcing body (e.g. "颁发资质证书的机关").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// Parties it applies to.
    #[serde(default)]
    pub parties: Parties,
    /// The role it applies to, in a row with several (absent: every role).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Fines on the unit's responsible persons, as a percentage of the unit fine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalFine {
    /// Minimum percentage of the unit fine.
    pub min_percent: Dec,
    /// Maximum percentage of the unit fine.
    pub max_percent: Dec,
    /// The provision, e.g. 建设工程质量管理条例 art 73.
    pub basis: Citation,
}

/// A 免罚 / 不予处罚 row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// Code.
    pub code: String,
    /// The conditions as worded in the list.
    pub description: String,
    /// 不予处罚 (true) or 可以不予处罚 (false).
    pub mandatory: bool,
    /// When it applies, evaluated from facts.
    pub when: Condition,
    /// Where the row comes from.
    pub basis: Basis,
}

/// A row of the item's own 减轻 list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reduction {
    /// Code.
    pub code: String,
    /// The list's wording, e.g. "违法建设面积不满2处且已主动拆除的".
    pub description: String,
    /// When it applies.
    pub when: Condition,
    /// 应当减轻 (true) or 可以减轻 (false).
    #[serde(default)]
    pub mandatory: bool,
    /// The lowest amount in the fine's scale (absent: above zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Dec>,
    /// The list's ceiling in the fine's scale. 减轻 stays strictly below the statutory
    /// minimum even where this, read literally, includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    /// Where the row comes from.
    pub basis: Basis,
}

/// What applies when a fact cannot be established.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnknownRule {
    /// The fact.
    pub fact: String,
    /// The row's wording, e.g. "当事人拒不配合致违法所得无法查清的".
    pub description: String,
    /// The tier that applies (by code) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// … or the outcome (e.g. the statutory maximum: a point at "1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<TierOutcome>,
    /// Where the rule comes from.
    pub basis: Basis,
}

/// Cases a row does not cover: another item or another authority takes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The row's wording, e.g. "个人违法建设的，不属本项，适用第X项".
    pub description: String,
    /// When it applies (with `parties`, both must hold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The parties it excludes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Parties>,
    /// The item that applies instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The authority the case is referred to (移送).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Basis::is_empty")]
    pub basis: Basis,
}

/// Reads past an item's `cases` (whatever JSON they are) and keeps none: the officer's page
/// (`cfg(officer_page)`, build.rs) never runs them, and leaving their readers out of its wasm
/// saves 3.3 kB brotli. The validator, in the `check` module, reads them.
#[cfg_attr(not(officer_page), allow(dead_code))]
fn skip_cases<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PackCase>, D::Error> {
    <serde::de::IgnoredAny as Deserialize>::deserialize(d)?;
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the officer's page makes of `cases`: nothing, whatever they hold.
    #[derive(Deserialize)]
    struct PageItem {
        #[serde(default, deserialize_with = "skip_cases")]
        cases: Vec<PackCase>,
        code: String,
    }

    #[test]
    fn the_officers_page_reads_past_pack_cases() {
        let text = r#"{"cases": [{"name": "x", "case": {}, "expect": {}}, 1, "a", {"deep": [[{}]]}], "code": "A-1"}"#;
        let item: PageItem = serde_json::from_str(text).unwrap();
        assert!(item.cases.is_empty());
        assert_eq!(item.code, "A-1");
        let item: PageItem = serde_json::from_str(r#"{"code": "B"}"#).unwrap();
        assert!(item.cases.is_empty());
        assert!(serde_json::from_str::<PageItem>(r#"{"cases": [1, }"#).is_err());
    }
}
