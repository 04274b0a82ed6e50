//! The case an officer enters: the party, the dates, the facts and the circumstances.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::num::Dec;
use crate::pack::model::PartyKind;

/// A case to evaluate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Item codes cited for the act. Several items for one act: one fine only, under the
    /// provision with the higher fine (行政处罚法 art 29). In a pack's own case, empty means the
    /// item the case belongs to.
    #[serde(default, deserialize_with = "crate::limits::case_items")]
    pub items: Vec<String>,
    /// Party kind.
    pub party: PartyKind,
    /// Age of a 公民 at the time of the act, in whole years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Mental capacity of a 公民 at the time of the act (行政处罚法 art 31).
    #[serde(default)]
    pub capacity: Capacity,
    /// Dates.
    #[serde(default)]
    pub dates: CaseDates,
    /// The act involves 公民生命健康安全 or 金融安全 and had harmful consequences (art 36: the
    /// period is five years).
    #[serde(default)]
    pub grave_harm: bool,
    /// The item's facts, by fact id: numbers as strings or integers, yes/no as booleans, choices
    /// as strings.
    #[serde(default, deserialize_with = "crate::limits::case_facts")]
    pub facts: BTreeMap<String, FactValue>,
    /// The statutory circumstances of 行政处罚法 arts 32–33.
    #[serde(default)]
    pub circumstances: Circumstances,
    /// Pack factors (从轻 / 减轻 / 从重) that apply, by id.
    #[serde(default, deserialize_with = "crate::limits::case_factors")]
    pub factors: Vec<String>,
    /// The tier the officer chooses where the conditions are qualitative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Where a factor allows 从轻 or 减轻: true chooses 减轻.
    #[serde(default)]
    pub choose_reduced: bool,
    /// The officer's decision on a 可以不予处罚 ground: true applies it, false imposes a
    /// penalty, absent leaves it open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waive: Option<bool>,
    /// 违法所得 in 元 (行政处罚法 art 28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illegal_gains: Option<Dec>,
    /// The gains must be returned (依法应当退赔), so they are not confiscated.
    #[serde(default)]
    pub gains_to_be_returned: bool,
    /// The fine the officer intends, in 元, to check flags against; absent uses the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_fine: Option<Dec>,
    /// The party's role in a row that names several (the item's `roles`, e.g. "施工单位");
    /// absent: the first role the party kind can play.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The other parties of the same act (对建设单位…；对施工单位…; 对单位…，对单位负责人…), each
    /// evaluated in its own role with the act's facts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<CoParty>,
    /// Facts that cannot be established (the party does not co-operate …): unknown, not
    /// "not yet entered"; where the row says what then applies, it applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

/// Another party of the same act, with what is its own: kind, role, circumstances, factors,
/// decisions and amounts. The act's items, dates, facts and tier are shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoParty {
    /// Its role (the item's `roles`).
    pub role: String,
    /// Party kind.
    pub party: PartyKind,
    /// Its name, for the documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Age of a 公民.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Mental capacity of a 公民.
    #[serde(default)]
    pub capacity: Capacity,
    /// Its circumstances of 行政处罚法 arts 32–33.
    #[serde(default)]
    pub circumstances: Circumstances,
    /// Its pack factors.
    #[serde(default)]
    pub factors: Vec<String>,
    /// 减轻 rather than 从轻, where it may be chosen.
    #[serde(default)]
    pub choose_reduced: bool,
    /// The decision on a 可以不予处罚 ground.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waive: Option<bool>,
    /// Its 违法所得.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illegal_gains: Option<Dec>,
    /// Its gains must be returned.
    #[serde(default)]
    pub gains_to_be_returned: bool,
    /// The fine intended for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intended_fine: Option<Dec>,
}

impl CoParty {
    /// Its name as the officer entered it, on one line (for a heading); None when not entered.
    pub fn display_name(&self) -> Option<String> {
        let name = self.name.as_deref()?.split_whitespace().collect::<Vec<_>>();
        (!name.is_empty()).then(|| name.join(" "))
    }
}

impl Case {
    /// The case as seen by another party of the act: its own kind, role, circumstances and
    /// decisions, the act's items, dates, facts and tier.
    pub fn for_party(&self, p: &CoParty) -> Case {
        Case {
            items: self.items.clone(),
            party: p.party,
            age: p.age,
            capacity: p.capacity,
            dates: self.dates,
            grave_harm: self.grave_harm,
            facts: self.facts.clone(),
            circumstances: p.circumstances,
            factors: p.factors.clone(),
            tier: self.tier.clone(),
            choose_reduced: p.choose_reduced,
            waive: p.waive,
            illegal_gains: p.illegal_gains,
            gains_to_be_returned: p.gains_to_be_returned,
            intended_fine: p.intended_fine,
            role: Some(p.role.clone()),
            parties: Vec::new(),
            unknown: self.unknown.clone(),
        }
    }
}

/// Mental capacity (行政处罚法 art 31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    /// Full capacity.
    #[default]
    Full,
    /// 尚未完全丧失辨认或者控制自己行为能力.
    Partial,
    /// 不能辨认或者不能控制自己行为.
    None,
}

/// Dates of the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseDates {
    /// The act occurred (违法行为发生之日).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred: Option<Date>,
    /// A continuing act ended (行为终了之日).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
    /// The act was discovered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovered: Option<Date>,
    /// The decision is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Date>,
}

/// Circumstances of 行政处罚法 arts 32–33, each entered by the officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Circumstances {
    /// 违法行为轻微.
    #[serde(default)]
    pub minor: bool,
    /// 及时改正.
    #[serde(default)]
    pub corrected: bool,
    /// 没有造成危害后果.
    #[serde(default)]
    pub no_harm: bool,
    /// 初次违法.
    #[serde(default)]
    pub first_offence: bool,
    /// 危害后果轻微.
    #[serde(default)]
    pub slight_harm: bool,
    /// 有证据足以证明没有主观过错 (art 33 ¶2).
    #[serde(default)]
    pub no_fault: bool,
    /// 主动消除或者减轻违法行为危害后果 (art 32 (一)).
    #[serde(default)]
    pub eliminated_harm: bool,
    /// 受他人胁迫或者诱骗实施违法行为 (art 32 (二)).
    #[serde(default)]
    pub coerced: bool,
    /// 主动供述行政机关尚未掌握的违法行为 (art 32 (三)).
    #[serde(default)]
    pub confessed: bool,
    /// 配合行政机关查处违法行为有立功表现 (art 32 (四)).
    #[serde(default)]
    pub meritorious: bool,
}

impl Circumstances {
    /// Names usable as fact ids in pack conditions, with their values.
    pub fn lookup(&self, id: &str) -> Option<bool> {
        Some(match id {
            "minor" => self.minor,
            "corrected" => self.corrected,
            "no_harm" => self.no_harm,
            "first_offence" => self.first_offence,
            "slight_harm" => self.slight_harm,
            "no_fault" => self.no_fault,
            "eliminated_harm" => self.eliminated_harm,
            "coerced" => self.coerced,
            "confessed" => self.confessed,
            "meritorious" => self.meritorious,
            _ => return None,
        })
    }

    /// The names `lookup` knows.
    pub const NAMES: [&'static str; 10] = [
        "minor",
        "corrected",
        "no_harm",
        "first_offence",
        "slight_harm",
        "no_fault",
        "eliminated_harm",
        "coerced",
        "confessed",
        "meritorious",
    ];
}

/// A fact value.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum FactValue {
    /// Yes / no.
    Bool(bool),
    /// A number (string or integer).
    Number(Dec),
    /// A choice, or a date (YYYY-MM-DD) for a date fact.
    Text(String),
    /// A list, e.g. the dates of earlier violations for a dates fact.
    List(Vec<String>),
}

/// What a fact value may be, for the error message.
const FACT_VALUE: &str = "事实取值应为 true/false、数字（字符串或整数）、选项文字、日期或日期列表";

/// A fact value is read by its JSON type: true/false, an integer or a string that is a
/// decimal number, or any other string (a choice). Written out rather than derived, because
/// serde's untagged enums buffer the value and try each variant in turn.
impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(FACT_VALUE)
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<FactValue, E> {
                Ok(FactValue::Bool(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FactValue, E> {
                Ok(FactValue::Number(Dec(v.into())))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FactValue, E> {
                Ok(FactValue::Number(Dec(v.into())))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FactValue, E> {
                Err(E::custom(format!(
                    "{FACT_VALUE}：{}",
                    crate::num::float_message(v)
                )))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FactValue, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(FactValue::List(out))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactValue, E> {
                match crate::num::parse_decimal(v) {
                    Ok(n) => Ok(FactValue::Number(Dec(n))),
                    // Written as a number but beyond the exact range: refused here, at the
                    // fact's JSON path, rather than read as a choice and refused as "not a
                    // number" later.
                    Err(_) if crate::num::looks_numeric(v) => {
                        Err(E::custom(crate::num::too_large(v)))
                    }
                    Err(_) => Ok(FactValue::Text(v.to_string())),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// The fact id under which a pack reads the case's 违法所得 (`illegal_gains`): the base of a
/// fine "处违法所得X倍…罚款" and the amount confiscated under 行政处罚法 art 28 are one value.
pub const ILLEGAL_GAINS: &str = "illegal_gains";

impl Case {
    /// A fact by id: the item's facts first, then the built-in ones — 违法所得
    /// ([`ILLEGAL_GAINS`]) and the statutory circumstances.
    pub fn fact(&self, id: &str) -> Option<FactValue> {
        if let Some(v) = self.facts.get(id) {
            return Some(v.clone());
        }
        if id == ILLEGAL_GAINS {
            return self.illegal_gains.map(FactValue::Number);
        }
        self.circumstances.lookup(id).map(FactValue::Bool)
    }
}
