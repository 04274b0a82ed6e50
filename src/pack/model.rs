//! The benchmark pack (裁量基准包) as data: metadata, the jurisdiction's rules, and items
//! (违法行为) with their statutory basis, fine form, tiers (裁量阶次), 免罚 rows and test cases.
//!
//! Every type here is plain serde data so that packs are human-editable JSON and the JSON Schema
//! in `schemas/` is generated from these definitions.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::case::Case;
use crate::date::Date;
use crate::num::{Dec, Fraction};

/// Current pack format version.
pub const FORMAT_VERSION: u32 = 1;

/// A discretion-benchmark pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Path or URL of the JSON Schema, for editor completion.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version (currently 1).
    pub format_version: u32,
    /// Who issued the pack, what it is, and when it is in force.
    pub meta: PackMeta,
    /// The jurisdiction's rules: tier split, 从轻 / 减轻 / 从重, hearing thresholds, rounding.
    pub rules: Rules,
    /// 从轻 / 减轻 / 从重 factors declared by this pack (the statutory ones of 行政处罚法 arts
    /// 30–32 are built in).
    #[serde(default)]
    pub factors: Vec<Factor>,
    /// The violations (违法行为).
    #[serde(deserialize_with = "crate::limits::pack_items")]
    pub items: Vec<Item>,
    /// The bureau's own wording for sections of the 说理 reasoning text, by section name
    /// (see `text::SECTIONS`); absent sections use the built-in wording.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub templates: BTreeMap<String, String>,
}

/// Pack metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Stable identifier, e.g. "cn-national-reference".
    pub id: String,
    /// Title, e.g. "住房城乡建设领域行政处罚裁量基准（参考示例）".
    pub title: String,
    /// Issuing authority (制定机关).
    pub authority: String,
    /// Document number (文号), e.g. "京建法〔2023〕2号".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// Region where the pack applies.
    pub region: String,
    /// Edition, e.g. "2024年版".
    pub edition: String,
    /// First day in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<Date>,
    /// Last day in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<Date>,
    /// True for a reference example that no authority has issued (参考示例，非正式裁量基准).
    #[serde(default)]
    pub reference_only: bool,
    /// Sources the pack was written from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Free notes shown to users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A document a rule or row comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the document.
    pub title: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What was taken from it, or how reliable it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A citation of a statute article, with the quoted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Full name of the law without 《》, e.g. "建设工程质量管理条例" or
    /// "中华人民共和国城乡规划法".
    // Cow: the engine's own provisions borrow static text, so citing them allocates nothing.
    pub law: Cow<'static, str>,
    /// Article (条).
    pub article: u32,
    /// Paragraph (款), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Item (项), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// The article text quoted verbatim (whole or in part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Cow<'static, str>>,
}

/// Where a benchmark row or rule comes from: an article, a document, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// The article, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// The document, where the rule is a benchmark's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

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

fn yes() -> bool {
    true
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

/// Who the party is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// 公民 (natural person, incl. 个体工商户 acting as such).
    Citizen,
    /// 法人.
    LegalPerson,
    /// 其他组织.
    OtherOrganization,
}

impl PartyKind {
    /// 单位 (法人 or 其他组织) rather than 个人.
    pub fn is_organization(self) -> bool {
        !matches!(self, PartyKind::Citizen)
    }
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            PartyKind::Citizen => "公民",
            PartyKind::LegalPerson => "法人",
            PartyKind::OtherOrganization => "其他组织",
        }
    }
}

/// Which parties a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Parties {
    /// Everyone.
    #[default]
    All,
    /// 单位: 法人 and 其他组织.
    Organization,
    /// 个人: 公民.
    Individual,
}

impl Parties {
    /// Whether a party of this kind is covered.
    pub fn covers(self, p: PartyKind) -> bool {
        match self {
            Parties::All => true,
            Parties::Organization => p.is_organization(),
            Parties::Individual => !p.is_organization(),
        }
    }
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Parties::All => "所有当事人",
            Parties::Organization => "单位",
            Parties::Individual => "个人",
        }
    }
}

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
    /// 裁量阶次.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// 免罚 / 不予处罚 rows.
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    /// A note shown with the item (e.g. "罚款数额由地方规定").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Test cases run by `cargo test` and by the validator.
    #[serde(default)]
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

/// A condition over facts, in three-valued logic (a missing fact is unknown).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Condition {
    /// All hold.
    All {
        /// Parts.
        all: Vec<Condition>,
    },
    /// Any holds.
    Any {
        /// Parts.
        any: Vec<Condition>,
    },
    /// Does not hold.
    Not {
        /// Part.
        not: Box<Condition>,
    },
    /// A number compared with a bound.
    Compare {
        /// Fact id.
        fact: String,
        /// Comparison; the bound's 含本数 / 不含本数 is in the operator.
        op: Op,
        /// Bound.
        value: Dec,
    },
    /// A yes/no fact is true (or false with `is: false`).
    Flag {
        /// Fact id.
        fact: String,
        /// Expected value.
        is: bool,
    },
    /// A choice fact is one of these.
    OneOf {
        /// Fact id.
        fact: String,
        /// Accepted options.
        one_of: Vec<String>,
    },
}

/// A comparison. The Chinese words follow 民法典 art 1259: 以上 / 以下 include the bound,
/// 超过 / 不满 do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Op {
    /// ≥, 以上（含本数）.
    #[serde(rename = ">=", alias = "以上")]
    Ge,
    /// >, 超过（不含本数）.
    #[serde(rename = ">", alias = "超过")]
    Gt,
    /// ≤, 以下（含本数）.
    #[serde(rename = "<=", alias = "以下")]
    Le,
    /// <, 不满（不含本数）.
    #[serde(rename = "<", alias = "不满")]
    Lt,
    /// =.
    #[serde(rename = "=", alias = "等于")]
    Eq,
}

impl Op {
    /// Chinese wording of the comparison.
    pub fn words(self) -> &'static str {
        match self {
            Op::Ge => "以上（含本数）",
            Op::Gt => "超过（不含本数）",
            Op::Le => "以下（含本数）",
            Op::Lt => "不满（不含本数）",
            Op::Eq => "等于",
        }
    }
}

/// A test case carried by the pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackCase {
    /// What the case shows.
    pub name: String,
    /// The case; its `items` default to this item.
    pub case: Case,
    /// What must come out.
    pub expect: Expect,
}

impl PackCase {
    /// The case as evaluated: with no items of its own, it cites the item it belongs to.
    pub fn case_for(&self, item: &Item) -> Case {
        let mut case = self.case.clone();
        if case.items.is_empty() {
            case.items.push(item.code.clone());
        }
        case
    }
}

/// Expected outcome of a pack case; only the fields given are checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Outcome kind, e.g. "fine", "no_penalty", "may_not_penalise", "time_barred",
    /// "correction_only", "pending".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Tier code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Statutory range [min, max] in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory: Option<[Dec; 2]>,
    /// Recommended range [min, max] in 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<[Dec; 2]>,
    /// Hearing notice required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hearing: Option<bool>,
    /// Penalty kinds that must be present.
    #[serde(default)]
    pub penalties: Vec<PenaltyKind>,
    /// Other expectations, by result JSON pointer → value (e.g. "/flags/legal_review/required").
    #[serde(default)]
    pub pointers: BTreeMap<String, serde_json::Value>,
}
