//! Who the party is, and which parties a rule applies to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

/// A party's role in a row ("建设单位", "施工单位", "单位负责人"), where a row sets fines for
/// several parties of one act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Identifier used by fines, tiers and cases.
    pub id: String,
    /// The row's wording, e.g. "施工单位".
    pub label: String,
    /// Who can play it.
    #[serde(default)]
    pub parties: Parties,
}
