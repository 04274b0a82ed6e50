//! What only the officer knows and the documents need: the party's details, the case and
//! document numbers, the 立案 date, the evidence, the party's 陈述、申辩 and the review of it,
//! the hearing, the reasons for a choice the engine leaves open, and the departure (逸脱) record.
//!
//! Everything is optional: what is not entered stays a visible blank 【…】 in the documents.
//! None of it is part of the calculation; the engine never reads it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The officer's inputs for the documents of one case.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentInputs {
    /// 执法机关名称; absent: the pack's `documents.authority`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// 当事人.
    #[serde(skip_serializing_if = "PartyDetails::is_empty")]
    pub party: PartyDetails,
    /// 案号 (立案编号).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
    /// 文号 of the 行政处罚事先告知书.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_number: Option<String>,
    /// 文号 of the 行政处罚决定书 or 不予行政处罚决定书.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_number: Option<String>,
    /// 立案 date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filed: Option<Date>,
    /// The date of the 事先告知书 (served on the party).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<Date>,
    /// 经查明: the facts as the officer states them (time, place, what was done).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<String>,
    /// 证据: each item with what it proves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The party's 陈述、申辩 and the review of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
    /// The hearing (听证), where the party was told of the right to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hearing: Option<HearingRecord>,
    /// The officer's reasons for the choices the engine leaves to the officer.
    #[serde(skip_serializing_if = "Reasons::is_empty")]
    pub reasons: Reasons,
    /// 逸脱: the reason and approval for an amount outside the recommended or benchmark range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departure: Option<Departure>,
    /// The 教育 given where no penalty is imposed (行政处罚法 art 33 ¶3): its form and content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
}

/// 当事人 details, as the decision's party block lists them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PartyDetails {
    /// 姓名 or 名称.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 统一社会信用代码 (法人, 其他组织).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<String>,
    /// 身份证件号码 (公民).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// 法定代表人 (法人) or 负责人 (其他组织).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<String>,
    /// 住所 (单位) or 住址 (公民).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 联系电话.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl PartyDetails {
    /// Nothing entered.
    pub fn is_empty(&self) -> bool {
        *self == PartyDetails::default()
    }
}

/// One item of evidence (证据) and what it proves (证明…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The evidence, e.g. "《现场检查笔录》".
    pub item: String,
    /// What it proves, e.g. "当事人在施工中使用不合格钢筋".
    #[serde(default)]
    pub proves: String,
}

/// The party's 陈述、申辩 (行政处罚法 art 45).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Statement {
    /// None was made within the period.
    NotMade,
    /// The party expressly waived the right (明确放弃, art 62).
    Waived,
    /// A 陈述、申辩 was made and reviewed (复核).
    Made {
        /// What the party said, in brief.
        summary: String,
        /// Whether it was adopted.
        adoption: Adoption,
        /// Why (the result of the 复核).
        #[serde(default)]
        reason: String,
    },
}

/// Whether a 陈述、申辩 was adopted (art 45 ¶1: 成立的，应当采纳).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Adoption {
    /// 予以采纳.
    Adopted,
    /// 部分采纳.
    Partly,
    /// 不予采纳.
    NotAdopted,
}

impl Adoption {
    /// The wording in a decision.
    pub fn words(self) -> &'static str {
        match self {
            Adoption::Adopted => "予以采纳",
            Adoption::Partly => "部分予以采纳",
            Adoption::NotAdopted => "不予采纳",
        }
    }
}

/// The hearing (听证, 行政处罚法 arts 63–65).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct HearingRecord {
    /// The party requested a hearing.
    pub requested: bool,
    /// The day it was held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_on: Option<Date>,
    /// What came of it, in brief.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// The officer's reasons for the choices the engine leaves open.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Reasons {
    /// Why the case falls in the tier the officer chose (qualitative wording).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Why this amount within the range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Why a fine the statute makes discretionary (可以处罚款) is imposed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fine: Option<String>,
    /// Why a 可以不予处罚 ground is applied, or why it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discretion: Option<String>,
}

impl Reasons {
    /// Nothing entered.
    pub fn is_empty(&self) -> bool {
        *self == Reasons::default()
    }
}

/// A departure (逸脱) from the benchmark: an amount outside the recommended or benchmark range,
/// inside the statutory range. It needs a written reason and the approval of the head
/// (负责人批准) or a 集体讨论, whose record goes into the case file's 副卷.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Departure {
    /// Why the amount departs from the benchmark.
    pub reason: String,
    /// Who approved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
}

/// The approval of a departure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// 负责人批准 or 集体讨论.
    pub by: ApprovalKind,
    /// The day of the approval or discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Its reference (审批表编号, 集体讨论记录编号 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Who approves a departure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// 行政机关负责人批准.
    Head,
    /// 行政机关负责人集体讨论决定.
    Collective,
}

impl ApprovalKind {
    /// The wording: "本机关负责人批准" / "本机关负责人集体讨论决定".
    pub fn words(self) -> &'static str {
        match self {
            ApprovalKind::Head => "本机关负责人批准",
            ApprovalKind::Collective => "本机关负责人集体讨论决定",
        }
    }
}

/// Trimmed text, or None when blank.
pub(crate) fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_inputs_serialise_to_an_empty_object_and_back() {
        let i = DocumentInputs::default();
        assert_eq!(serde_json::to_string(&i).unwrap(), "{}");
        let back: DocumentInputs = serde_json::from_str("{}").unwrap();
        assert_eq!(back, i);
    }

    #[test]
    fn full_inputs_round_trip() {
        let json = serde_json::json!({
            "authority": "示例市住房和城乡建设局",
            "party": {"name": "某建设有限公司", "credit_code": "91000000MA0000000X"},
            "case_number": "示建立〔2025〕12号",
            "filed": "2025-06-02",
            "evidence": [{"item": "现场检查笔录", "proves": "当事人使用不合格钢筋"}],
            "statement": {"status": "made", "summary": "已整改", "adoption": "not_adopted",
                          "reason": "整改不影响违法事实的认定"},
            "hearing": {"requested": true, "held_on": "2025-06-20"},
            "reasons": {"amount": "情节一般"},
            "departure": {"reason": "社会影响大", "approval":
                {"by": "collective", "date": "2025-06-25", "reference": "集体讨论记录第3号"}}
        });
        let i: DocumentInputs = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&i).unwrap(), json);
        assert!(
            serde_json::from_value::<DocumentInputs>(serde_json::json!({"partie": {}})).is_err()
        );
    }
}
