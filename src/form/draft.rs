//! The case form as the officer typed it ([`CaseDraft`]), and reading it into a [`Case`] for the
//! engine, with the fields that could not be read and why.
//!
//! Text that does not parse yet (an amount with a typo, half a date) stays in the draft as typed;
//! only the reading leaves it out and names the field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::case::{Capacity, Case, CaseDates, Circumstances, CoParty, FactValue};
use crate::date::Date;
use crate::num::{Dec, parse_decimal};
use crate::pack::model::{FactKind, Item, Parties, PartyKind};

use super::field::Field;

/// One of the four dates of a case form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    /// 违法行为发生之日.
    Occurred,
    /// 行为终了之日.
    Ended,
    /// 发现之日.
    Discovered,
    /// 决定之日.
    Decided,
}

/// A fact as entered: text for numbers and choices, a yes/no for flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FactInput {
    /// Yes / no.
    Bool(bool),
    /// Number or choice, as typed.
    Text(String),
}

/// Read by JSON type (written out: serde's untagged enums buffer the value first).
impl<'de> Deserialize<'de> for FactInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = FactInput;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true/false 或文字")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<FactInput, E> {
                Ok(FactInput::Bool(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactInput, E> {
                Ok(FactInput::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The case form exactly as the officer filled it in, including text that does not parse yet.
/// Saved as a JSON object of these fields; read back by [`CaseDraft::deserialize`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDraft {
    /// This case's number among the recent cases ([`super::recent`]); 0 until it has one.
    pub case_id: u32,
    /// The officer's own label for the case (当事人名称 or 案号), to tell recent cases apart;
    /// it is not part of the case the engine reads.
    pub label: String,
    /// Selected item code.
    pub item: Option<String>,
    /// Further items the same act violates (行政处罚法 art 29: one fine, under the higher).
    pub also: Vec<String>,
    /// Party kind.
    pub party: PartyKind,
    /// Age of a 公民, as typed.
    pub age: String,
    /// Capacity of a 公民.
    pub capacity: Capacity,
    /// Dates, as YYYY-MM-DD text (empty when not entered).
    pub occurred: String,
    /// 行为终了之日.
    pub ended: String,
    /// 发现之日.
    pub discovered: String,
    /// 决定之日.
    pub decided: String,
    /// 涉及公民生命健康安全、金融安全且有危害后果.
    pub grave_harm: bool,
    /// The item's facts by id.
    pub facts: BTreeMap<String, FactInput>,
    /// 行政处罚法 arts 32–33 circumstances.
    pub circumstances: Circumstances,
    /// Pack factors that apply.
    pub factors: Vec<String>,
    /// Tier chosen by the officer.
    pub tier: Option<String>,
    /// 减轻 rather than 从轻, where the officer may choose.
    pub choose_reduced: bool,
    /// Decision on a 可以不予处罚 ground.
    pub waive: Option<bool>,
    /// 违法所得, as typed.
    pub illegal_gains: String,
    /// 违法所得依法应当退赔.
    pub gains_to_be_returned: bool,
    /// 拟罚款数额, as typed.
    pub intended_fine: String,
    /// The party's role, where the item names several (its `roles`); None: the engine takes
    /// the first role the party kind can play.
    pub role: Option<String>,
    /// The act's other parties (其他当事人), each with its own kind, role, circumstances and
    /// factors, kept as the case takes them.
    pub parties: Vec<CoParty>,
    /// Facts marked 无法查明 (cannot be established), by id: the engine applies the row's rule
    /// for them where it has one. A value typed for such a fact stays in the draft but is not
    /// read.
    pub unknown: Vec<String>,
}

impl Default for CaseDraft {
    fn default() -> Self {
        CaseDraft {
            case_id: 0,
            label: String::new(),
            item: None,
            also: Vec::new(),
            party: PartyKind::LegalPerson,
            age: String::new(),
            capacity: Capacity::Full,
            occurred: String::new(),
            ended: String::new(),
            discovered: String::new(),
            decided: String::new(),
            grave_harm: false,
            facts: BTreeMap::new(),
            circumstances: Circumstances::default(),
            factors: Vec::new(),
            tier: None,
            choose_reduced: false,
            waive: None,
            illegal_gains: String::new(),
            gains_to_be_returned: false,
            intended_fine: String::new(),
            role: None,
            parties: Vec::new(),
            unknown: Vec::new(),
        }
    }
}

/// The draft read as a case, with the fields that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The case (fields that could not be read are left out).
    pub case: Case,
    /// Fields that could not be read, with the reason.
    pub errors: Vec<(Field, String)>,
}

fn amount(text: &str, field: Field, errors: &mut Vec<(Field, String)>) -> Option<Dec> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match parse_decimal(&t.replace(['，', ','], "")) {
        Ok(d) => Some(Dec(d)),
        Err(e) => {
            errors.push((field, e));
            None
        }
    }
}

fn date(text: &str, errors: &mut Vec<(Field, String)>) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse() {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push((Field::Dates, e));
            None
        }
    }
}

/// Read from a JSON object by field name: what is missing keeps its default, names it does not
/// know are skipped (a form saved by a newer version), a repeated name takes the last value.
/// Written out rather than derived: the derived reader also reads a struct from an array by
/// position, code the officer's page would download for nothing.
impl<'de> Deserialize<'de> for CaseDraft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = CaseDraft;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("案件表单（JSON 对象）")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<CaseDraft, A::Error> {
                let mut d = CaseDraft::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "case_id" => d.case_id = map.next_value()?,
                        "label" => d.label = map.next_value()?,
                        "item" => d.item = map.next_value()?,
                        "also" => d.also = map.next_value()?,
                        "party" => d.party = map.next_value()?,
                        "age" => d.age = map.next_value()?,
                        "capacity" => d.capacity = map.next_value()?,
                        "occurred" => d.occurred = map.next_value()?,
                        "ended" => d.ended = map.next_value()?,
                        "discovered" => d.discovered = map.next_value()?,
                        "decided" => d.decided = map.next_value()?,
                        "grave_harm" => d.grave_harm = map.next_value()?,
                        "facts" => d.facts = map.next_value()?,
                        "circumstances" => d.circumstances = map.next_value()?,
                        "factors" => d.factors = map.next_value()?,
                        "tier" => d.tier = map.next_value()?,
                        "choose_reduced" => d.choose_reduced = map.next_value()?,
                        "waive" => d.waive = map.next_value()?,
                        "illegal_gains" => d.illegal_gains = map.next_value()?,
                        "gains_to_be_returned" => d.gains_to_be_returned = map.next_value()?,
                        "intended_fine" => d.intended_fine = map.next_value()?,
                        "role" => d.role = map.next_value()?,
                        "parties" => d.parties = map.next_value()?,
                        "unknown" => d.unknown = map.next_value()?,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(d)
            }
        }
        d.deserialize_map(V)
    }
}

/// Ticks or clears a circumstance of arts 32–33 by its name in [`Circumstances::NAMES`] (the
/// party's own, or a co-party's); an unknown name changes nothing.
pub fn set_circumstance(c: &mut Circumstances, name: &str, on: bool) {
    let slot = match name {
        "minor" => &mut c.minor,
        "corrected" => &mut c.corrected,
        "no_harm" => &mut c.no_harm,
        "first_offence" => &mut c.first_offence,
        "slight_harm" => &mut c.slight_harm,
        "no_fault" => &mut c.no_fault,
        "eliminated_harm" => &mut c.eliminated_harm,
        "coerced" => &mut c.coerced,
        "confessed" => &mut c.confessed,
        "meritorious" => &mut c.meritorious,
        _ => return,
    };
    *slot = on;
}

/// The kind a party takes when `parties` does not cover the one it has: 法人 where it may,
/// else 公民 (the form's starting choice, not a legal decision).
pub fn fitting(parties: Parties, kind: PartyKind) -> PartyKind {
    if parties.covers(kind) {
        kind
    } else if parties.covers(PartyKind::LegalPerson) {
        PartyKind::LegalPerson
    } else {
        PartyKind::Citizen
    }
}

/// Puts `id` in the list (at the end) or takes it out.
pub fn toggle(list: &mut Vec<String>, id: String, on: bool) {
    list.retain(|f| f != &id);
    if on {
        list.push(id);
    }
}

/// The first of the item's roles a party of `kind` can play.
fn role_for(item: &Item, kind: PartyKind) -> Option<&str> {
    item.roles
        .iter()
        .find(|r| r.parties.covers(kind))
        .map(|r| r.id.as_str())
}

/// Who can play the item's role `id`; every party where the item has no such role.
fn players(item: &Item, id: &str) -> Parties {
    item.roles
        .iter()
        .find(|r| r.id == id)
        .map_or(Parties::All, |r| r.parties)
}

impl CaseDraft {
    /// After `item` is chosen: the party keeps its role if the item names it, else takes the
    /// first role its kind can play (None where the item names no roles); the other parties
    /// whose role the item does not name are dropped.
    pub fn fit_roles(&mut self, item: &Item) {
        let named = |r: &str| item.roles.iter().any(|x| x.id == r);
        if !self.role.as_deref().is_some_and(named) {
            self.role = role_for(item, self.party).map(str::to_string);
        }
        self.parties.retain(|p| named(&p.role));
    }

    /// The party's kind; where its role cannot be played by that kind, the first role that can.
    pub fn set_party(&mut self, item: Option<&Item>, kind: PartyKind) {
        self.party = kind;
        if let (Some(item), Some(role)) = (item, &self.role) {
            if !players(item, role).covers(kind) {
                if let Some(r) = role_for(item, kind) {
                    self.role = Some(r.to_string());
                }
            }
        }
    }

    /// The party's role; its kind moves to one that can play it.
    pub fn set_role(&mut self, item: Option<&Item>, role: String) {
        if let Some(item) = item {
            self.party = fitting(players(item, &role), self.party);
        }
        self.role = Some(role);
    }

    /// Adds another party of the act: in the first of the item's roles nobody has yet (else its
    /// first role), of a kind that can play it.
    pub fn add_party(&mut self, item: &Item) {
        let taken = |id: &str| {
            self.role.as_deref() == Some(id) || self.parties.iter().any(|p| p.role == id)
        };
        let Some(role) = item
            .roles
            .iter()
            .find(|r| !taken(&r.id))
            .or(item.roles.first())
        else {
            return;
        };
        self.parties.push(CoParty {
            role: role.id.clone(),
            party: fitting(role.parties, PartyKind::LegalPerson),
            name: None,
            age: None,
            capacity: Capacity::Full,
            circumstances: Circumstances::default(),
            factors: Vec::new(),
            choose_reduced: false,
            waive: None,
            illegal_gains: None,
            gains_to_be_returned: false,
            intended_fine: None,
        });
    }

    /// Another party's kind; where its role cannot be played by that kind, the first role that
    /// can.
    pub fn set_co_party_kind(&mut self, item: Option<&Item>, i: usize, kind: PartyKind) {
        let Some(p) = self.parties.get_mut(i) else {
            return;
        };
        p.party = kind;
        if let Some(item) = item {
            if !players(item, &p.role).covers(kind) {
                if let Some(r) = role_for(item, kind) {
                    p.role = r.to_string();
                }
            }
        }
    }

    /// Another party's role; its kind moves to one that can play it.
    pub fn set_co_party_role(&mut self, item: Option<&Item>, i: usize, role: String) {
        let Some(p) = self.parties.get_mut(i) else {
            return;
        };
        if let Some(item) = item {
            p.party = fitting(players(item, &role), p.party);
        }
        p.role = role;
    }

    /// Marks a fact 无法查明 (true) or not.
    pub fn set_unknown(&mut self, id: String, on: bool) {
        toggle(&mut self.unknown, id, on);
    }

    /// Sets one of the four dates (YYYY-MM-DD text, as the date input gives it).
    pub fn set_date(&mut self, field: DateField, value: String) {
        match field {
            DateField::Occurred => self.occurred = value,
            DateField::Ended => self.ended = value,
            DateField::Discovered => self.discovered = value,
            DateField::Decided => self.decided = value,
        }
    }

    /// Ticks or clears a circumstance of arts 32–33 by its name in [`Circumstances::NAMES`];
    /// an unknown name changes nothing.
    pub fn set_circumstance(&mut self, name: &str, on: bool) {
        set_circumstance(&mut self.circumstances, name, on);
    }

    /// The items cited: the selected one first, then the further ones, without repeats.
    pub fn codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.item.iter().cloned().collect();
        if self.item.is_some() {
            for c in &self.also {
                if !codes.contains(c) {
                    codes.push(c.clone());
                }
            }
        }
        codes
    }

    /// Reads the form as a case for `items` (only the facts those items declare are passed on;
    /// a fact id declared by several items is read by the first declaration). A fact marked
    /// 无法查明 is passed on as unknown, without the value typed for it. The role and the other
    /// parties are passed on as recorded: the engine decides what they lead to.
    pub fn reading(&self, items: &[&Item]) -> Reading {
        let mut errors = Vec::new();
        let mut facts = BTreeMap::new();
        let mut unknown: Vec<String> = Vec::new();
        for item in items {
            for def in &item.facts {
                if facts.contains_key(&def.id) || unknown.contains(&def.id) {
                    continue;
                }
                if self.unknown.contains(&def.id) {
                    unknown.push(def.id.clone());
                    continue;
                }
                let Some(input) = self.facts.get(&def.id) else {
                    continue;
                };
                let value = match (&def.kind, input) {
                    (FactKind::Bool, FactInput::Bool(b)) => Some(FactValue::Bool(*b)),
                    (FactKind::Number { .. }, FactInput::Text(t)) => {
                        amount(t, Field::Fact(def.id.clone()), &mut errors).map(FactValue::Number)
                    }
                    (FactKind::Choice { .. }, FactInput::Text(t)) if !t.is_empty() => {
                        Some(FactValue::Text(t.clone()))
                    }
                    (FactKind::Date | FactKind::Dates, FactInput::Text(t))
                        if !t.trim().is_empty() =>
                    {
                        Some(FactValue::Text(t.trim().to_string()))
                    }
                    _ => None,
                };
                if let Some(v) = value {
                    facts.insert(def.id.clone(), v);
                }
            }
        }
        let citizen = self.party == PartyKind::Citizen;
        let age = if citizen && !self.age.trim().is_empty() {
            match self.age.trim().parse::<u32>() {
                Ok(a) => Some(a),
                Err(_) => {
                    errors.push((Field::Age, "年龄应为整数周岁".to_string()));
                    None
                }
            }
        } else {
            None
        };
        let dates = CaseDates {
            occurred: date(&self.occurred, &mut errors),
            ended: date(&self.ended, &mut errors),
            discovered: date(&self.discovered, &mut errors),
            decided: date(&self.decided, &mut errors),
        };
        let case = Case {
            items: self.codes(),
            party: self.party,
            age,
            capacity: if citizen {
                self.capacity
            } else {
                Capacity::Full
            },
            dates,
            grave_harm: self.grave_harm,
            facts,
            circumstances: self.circumstances,
            factors: self.factors.clone(),
            tier: self.tier.clone(),
            choose_reduced: self.choose_reduced,
            waive: self.waive,
            illegal_gains: amount(&self.illegal_gains, Field::IllegalGains, &mut errors),
            gains_to_be_returned: self.gains_to_be_returned,
            intended_fine: amount(&self.intended_fine, Field::IntendedFine, &mut errors),
            role: self.role.clone(),
            parties: self.parties.clone(),
            unknown,
        };
        Reading { case, errors }
    }

    /// The form for a saved case (used when only the case JSON of a draft can be read).
    pub fn from_case(case: &Case) -> CaseDraft {
        let text = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        CaseDraft {
            case_id: 0,
            label: String::new(),
            item: case.items.first().cloned(),
            also: case.items.iter().skip(1).cloned().collect(),
            party: case.party,
            age: case.age.map(|a| a.to_string()).unwrap_or_default(),
            capacity: case.capacity,
            occurred: text(case.dates.occurred),
            ended: text(case.dates.ended),
            discovered: text(case.dates.discovered),
            decided: text(case.dates.decided),
            grave_harm: case.grave_harm,
            facts: case
                .facts
                .iter()
                .map(|(k, v)| {
                    let input = match v {
                        FactValue::Bool(b) => FactInput::Bool(*b),
                        FactValue::Number(n) => FactInput::Text(n.to_string()),
                        FactValue::Text(t) => FactInput::Text(t.clone()),
                        FactValue::List(v) => FactInput::Text(v.join("、")),
                    };
                    (k.clone(), input)
                })
                .collect(),
            circumstances: case.circumstances,
            factors: case.factors.clone(),
            tier: case.tier.clone(),
            choose_reduced: case.choose_reduced,
            waive: case.waive,
            illegal_gains: case
                .illegal_gains
                .map(|d| d.to_string())
                .unwrap_or_default(),
            gains_to_be_returned: case.gains_to_be_returned,
            intended_fine: case
                .intended_fine
                .map(|d| d.to_string())
                .unwrap_or_default(),
            role: case.role.clone(),
            parties: case.parties.clone(),
            unknown: case.unknown.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::LoadedPack;
    use crate::pack::model::FactDef;

    fn pack() -> LoadedPack {
        crate::reference_pack().unwrap()
    }

    fn text(s: &str) -> FactInput {
        FactInput::Text(s.to_string())
    }

    /// ZL-64 with a further choice fact, as a pack may declare one.
    fn with_choice(lp: &LoadedPack) -> Item {
        let mut item = lp.item("ZL-64").unwrap().clone();
        item.facts.push(FactDef {
            id: "scale".to_string(),
            label: "工程规模".to_string(),
            kind: FactKind::Choice {
                options: vec!["大型".to_string(), "小型".to_string()],
            },
            help: None,
        });
        item
    }

    const PUBLISHED: &str = include_str!("../../benchmarks/published-rows.json");

    fn published() -> LoadedPack {
        crate::validate::accept_pack("published-rows.json", PUBLISHED)
            .unwrap()
            .0
    }

    /// 卢氏 施工许可管理办法 12: 建设单位 and 施工单位 of one act, each with its own fine.
    fn two_parties(lp: &LoadedPack) -> Item {
        lp.item("LS-SGXK-12").unwrap().clone()
    }

    /// The draft of a case of the two-party row: 建设单位, 5,000,000 元.
    fn ls_draft(item: &Item) -> CaseDraft {
        let mut d = CaseDraft {
            item: Some(item.code.clone()),
            ..CaseDraft::default()
        };
        d.fit_roles(item);
        d.facts
            .insert("contract_price".to_string(), text("5000000"));
        d
    }

    fn zl64_draft() -> CaseDraft {
        let mut d = CaseDraft {
            item: Some("ZL-64".to_string()),
            ..CaseDraft::default()
        };
        d.facts
            .insert("contract_price".to_string(), text("10000000"));
        d
    }

    #[test]
    fn a_new_draft_is_an_empty_legal_person_case() {
        let d = CaseDraft::default();
        assert_eq!(d.party, PartyKind::LegalPerson);
        assert!(d.codes().is_empty());
        let r = d.reading(&[]);
        assert!(r.errors.is_empty());
        assert!(r.case.items.is_empty());
        assert_eq!(r.case.party, PartyKind::LegalPerson);
        assert_eq!(r.case.dates, CaseDates::default());
        assert_eq!(r.case.illegal_gains, None);
    }

    #[test]
    fn the_items_cited_come_selected_first_without_repeats() {
        let mut d = CaseDraft {
            also: vec!["JZF-64".into(), "ZL-64".into(), "JZF-64".into()],
            ..CaseDraft::default()
        };
        // Further items count only once an item is chosen.
        assert!(d.codes().is_empty());
        d.item = Some("ZL-64".into());
        assert_eq!(d.codes(), vec!["ZL-64".to_string(), "JZF-64".to_string()]);
    }

    #[test]
    fn numbers_are_read_with_thousands_separators() {
        let lp = pack();
        let mut d = zl64_draft();
        d.facts
            .insert("contract_price".to_string(), text(" 10,000，000 "));
        d.illegal_gains = "1,500.5".to_string();
        d.intended_fine = "300000".to_string();
        let r = d.reading(&[lp.item("ZL-64").unwrap()]);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(
            r.case.facts.get("contract_price"),
            Some(&FactValue::Number(Dec("10000000".parse().unwrap())))
        );
        assert_eq!(r.case.illegal_gains, Some(Dec("1500.5".parse().unwrap())));
        assert_eq!(r.case.intended_fine, Some(Dec("300000".parse().unwrap())));
        assert_eq!(r.case.items, vec!["ZL-64".to_string()]);
    }

    #[test]
    fn a_bad_number_is_named_by_its_field_and_left_out() {
        let lp = pack();
        let mut d = zl64_draft();
        d.facts.insert("contract_price".to_string(), text("12a"));
        d.illegal_gains = "一千".to_string();
        d.intended_fine = "1e5".to_string();
        let r = d.reading(&[lp.item("ZL-64").unwrap()]);
        let fields: Vec<&Field> = r.errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                &Field::Fact("contract_price".to_string()),
                &Field::IllegalGains,
                &Field::IntendedFine
            ]
        );
        assert!(r.errors[0].1.contains("“12a”不是数字"), "{}", r.errors[0].1);
        assert!(r.case.facts.is_empty());
        assert_eq!(r.case.illegal_gains, None);
        assert_eq!(r.case.intended_fine, None);
        // The draft keeps what was typed.
        assert_eq!(d.facts.get("contract_price"), Some(&text("12a")));
    }

    #[test]
    fn only_the_facts_the_items_declare_are_read_by_their_kind() {
        let lp = pack();
        let item = with_choice(&lp);
        let mut d = zl64_draft();
        d.facts.insert("serious".to_string(), FactInput::Bool(true));
        d.facts.insert("scale".to_string(), text("大型"));
        d.facts.insert("undeclared".to_string(), text("5"));
        let r = d.reading(&[&item]);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.case.facts.get("serious"), Some(&FactValue::Bool(true)));
        assert_eq!(
            r.case.facts.get("scale"),
            Some(&FactValue::Text("大型".to_string()))
        );
        assert!(!r.case.facts.contains_key("undeclared"));
        // An empty choice, or a value of the wrong kind, is not entered yet.
        d.facts.insert("scale".to_string(), text(""));
        d.facts.insert("serious".to_string(), text("是"));
        let r = d.reading(&[&item]);
        assert!(r.errors.is_empty());
        assert!(!r.case.facts.contains_key("scale"));
        assert!(!r.case.facts.contains_key("serious"));
        // Without the item, none of its facts.
        assert!(d.reading(&[]).case.facts.is_empty());
    }

    #[test]
    fn age_is_read_for_a_citizen_only() {
        let mut d = CaseDraft {
            party: PartyKind::Citizen,
            age: " 17 ".to_string(),
            capacity: Capacity::Partial,
            ..CaseDraft::default()
        };
        let r = d.reading(&[]);
        assert_eq!(r.case.age, Some(17));
        assert_eq!(r.case.capacity, Capacity::Partial);
        for bad in ["十七", "-1", "17.5", "17岁"] {
            d.age = bad.to_string();
            let r = d.reading(&[]);
            assert_eq!(r.case.age, None, "{bad}");
            assert_eq!(
                r.errors,
                vec![(Field::Age, "年龄应为整数周岁".to_string())],
                "{bad}"
            );
        }
        d.age = "  ".to_string();
        assert_eq!(d.reading(&[]).case.age, None);
        assert!(d.reading(&[]).errors.is_empty());
        // A legal person has no age and full capacity, whatever the hidden fields hold.
        d.party = PartyKind::LegalPerson;
        d.age = "abc".to_string();
        let r = d.reading(&[]);
        assert!(r.errors.is_empty());
        assert_eq!(r.case.age, None);
        assert_eq!(r.case.capacity, Capacity::Full);
    }

    #[test]
    fn dates_are_read_and_bad_ones_named() {
        let mut d = CaseDraft::default();
        d.set_date(DateField::Occurred, "2025-03-01".to_string());
        d.set_date(DateField::Ended, String::new());
        d.set_date(DateField::Discovered, "2025-02-30".to_string());
        d.set_date(DateField::Decided, "2025-7-1".to_string());
        assert_eq!(d.occurred, "2025-03-01");
        let r = d.reading(&[]);
        assert_eq!(r.case.dates.occurred, Some("2025-03-01".parse().unwrap()));
        assert_eq!(r.case.dates.ended, None);
        assert_eq!(r.case.dates.discovered, None);
        assert_eq!(r.case.dates.decided, None);
        assert_eq!(r.errors.len(), 2);
        assert!(r.errors.iter().all(|(f, _)| *f == Field::Dates));
        assert!(r.errors[0].1.contains("2025-02-30"), "{}", r.errors[0].1);
    }

    #[test]
    fn every_circumstance_can_be_ticked_by_name() {
        let mut d = CaseDraft::default();
        for name in Circumstances::NAMES {
            d.set_circumstance(name, true);
            assert_eq!(d.circumstances.lookup(name), Some(true), "{name}");
        }
        d.set_circumstance("minor", false);
        assert_eq!(d.circumstances.lookup("minor"), Some(false));
        let before = d.circumstances;
        d.set_circumstance("no_such_circumstance", false);
        assert_eq!(d.circumstances, before);
    }

    #[test]
    fn a_case_read_back_from_its_form_is_the_same_case() {
        let lp = pack();
        let case: Case = serde_json::from_str(
            r#"{"items":["ZL-64","JZF-64"],"party":"citizen","age":17,"capacity":"partial",
                "dates":{"occurred":"2025-03-01","ended":"2025-03-05","discovered":"2025-06-01","decided":"2025-07-01"},
                "grave_harm":true,
                "facts":{"contract_price":"10000000.5","serious":false,"not_meeting_start_conditions":true},
                "circumstances":{"first_offence":true,"eliminated_harm":true},
                "factors":["cooperative"],"tier":"B","choose_reduced":true,"waive":false,
                "illegal_gains":"2000","gains_to_be_returned":true,"intended_fine":"300000"}"#,
        )
        .unwrap();
        let d = CaseDraft::from_case(&case);
        assert_eq!(d.item.as_deref(), Some("ZL-64"));
        assert_eq!(d.also, vec!["JZF-64".to_string()]);
        assert_eq!(d.age, "17");
        assert_eq!(d.occurred, "2025-03-01");
        assert_eq!(d.facts.get("contract_price"), Some(&text("10000000.5")));
        assert_eq!(d.case_id, 0);
        assert_eq!(d.label, "");
        let items: Vec<&Item> = d.codes().iter().filter_map(|c| lp.item(c)).collect();
        let r = d.reading(&items);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.case, case);
        // And the form of the read case is the form again.
        assert_eq!(CaseDraft::from_case(&r.case), d);
    }

    #[test]
    fn a_saved_form_reads_with_defaults_for_what_it_lacks() {
        let d: CaseDraft = serde_json::from_str("{}").unwrap();
        assert_eq!(d, CaseDraft::default());
        let d: CaseDraft = serde_json::from_str(
            r#"{"item":"ZL-64","facts":{"contract_price":"12a","serious":true}}"#,
        )
        .unwrap();
        assert_eq!(d.facts.get("contract_price"), Some(&text("12a")));
        assert_eq!(d.facts.get("serious"), Some(&FactInput::Bool(true)));
        let back: CaseDraft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
        // A fact is text or yes/no, never a bare number.
        assert!(serde_json::from_str::<CaseDraft>(r#"{"facts":{"x":5}}"#).is_err());
    }

    #[test]
    fn every_field_of_a_saved_form_reads_back() {
        // Fields as saved: the reader above must know each one (a field it did not know would
        // be dropped on reload). Adding a field to CaseDraft fails here until it is read.
        let saved = serde_json::to_value(CaseDraft::default()).unwrap();
        let mut keys: Vec<&str> = saved
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut known = vec![
            "case_id",
            "label",
            "item",
            "also",
            "party",
            "age",
            "capacity",
            "occurred",
            "ended",
            "discovered",
            "decided",
            "grave_harm",
            "facts",
            "circumstances",
            "factors",
            "tier",
            "choose_reduced",
            "waive",
            "illegal_gains",
            "gains_to_be_returned",
            "intended_fine",
            "role",
            "parties",
            "unknown",
        ];
        known.sort_unstable();
        assert_eq!(keys, known);
        // Every field away from its default survives the round trip.
        let mut d = CaseDraft {
            case_id: 7,
            label: "某公司".into(),
            item: Some("ZL-64".into()),
            also: vec!["JZF-64".into()],
            party: PartyKind::Citizen,
            age: "17".into(),
            capacity: Capacity::Partial,
            occurred: "2025-03-01".into(),
            ended: "2025-03-02".into(),
            discovered: "2025-06-01".into(),
            decided: "2025-07-01".into(),
            grave_harm: true,
            facts: BTreeMap::new(),
            circumstances: Circumstances::default(),
            factors: vec!["cooperative".into()],
            tier: Some("B".into()),
            choose_reduced: true,
            waive: Some(false),
            illegal_gains: "1,000".into(),
            gains_to_be_returned: true,
            intended_fine: "12a".into(),
            role: Some("contractor".into()),
            parties: Vec::new(),
            unknown: vec!["contract_price".into()],
        };
        d.add_party(&two_parties(&published()));
        d.parties[0].factors.push("cooperative".into());
        d.facts.insert("contract_price".into(), text("10000000"));
        d.set_circumstance("first_offence", true);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<CaseDraft>(&json).unwrap(), d);
        // Unknown names are skipped; a value of the wrong type is an error; so is an array.
        let d2: CaseDraft =
            serde_json::from_str(r#"{"label":"x","future_field":{"a":[1,2]},"age":"3"}"#).unwrap();
        assert_eq!((d2.label.as_str(), d2.age.as_str()), ("x", "3"));
        assert!(serde_json::from_str::<CaseDraft>(r#"{"case_id":"one"}"#).is_err());
        assert!(serde_json::from_str::<CaseDraft>(r#"{"circumstances":{"minr":true}}"#).is_err());
        assert!(serde_json::from_str::<CaseDraft>("[0]").is_err());
        assert!(
            serde_json::from_str::<CaseDraft>(r#"{"item":null}"#)
                .unwrap()
                .item
                .is_none()
        );
    }

    #[test]
    fn the_role_and_the_other_parties_are_read_as_the_pack_case_states_them() {
        let lp = published();
        let item = two_parties(&lp);
        let mut d = ls_draft(&item);
        // The party starts in the first role its kind can play; a new party takes the other.
        assert_eq!(d.role.as_deref(), Some("construction_unit"));
        d.add_party(&item);
        assert_eq!(d.parties.len(), 1);
        assert_eq!(d.parties[0].role, "contractor");
        assert_eq!(d.parties[0].party, PartyKind::LegalPerson);
        d.parties[0].name = Some("某建筑公司".to_string());
        let r = d.reading(&[&item]);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // The row's own case for the two parties, as its author wrote it.
        assert_eq!(r.case, item.cases[0].case_for(&item));
        // The engine answers for each party in its role.
        let result = crate::evaluate(&lp, &r.case).unwrap();
        assert_eq!(result.role.map(|x| x.label), Some("建设单位".to_string()));
        assert_eq!(result.co_parties.len(), 1);
        let co = &result.co_parties[0];
        assert_eq!(co.role.as_ref().map(|x| x.label.as_str()), Some("施工单位"));
        assert_eq!(
            co.recommended.as_ref().map(|x| x.max.0.to_string()),
            Some("30000".to_string())
        );
        // Read back from the case, the form is the same.
        assert_eq!(CaseDraft::from_case(&r.case), d);
    }

    #[test]
    fn a_fact_marked_unknown_is_read_as_unknown_without_its_value() {
        let lp = published();
        let item = two_parties(&lp);
        let mut d = ls_draft(&item);
        d.facts
            .insert("contract_price".to_string(), text("5,000,00x"));
        d.set_unknown("contract_price".to_string(), true);
        // Marked twice, or an id no cited item declares: read once, or not at all.
        d.set_unknown("contract_price".to_string(), true);
        d.set_unknown("no_such_fact".to_string(), true);
        let r = d.reading(&[&item]);
        // The typed value is not read, so its typo is no error; the draft keeps it.
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert!(r.case.facts.is_empty());
        assert_eq!(r.case.unknown, vec!["contract_price".to_string()]);
        assert_eq!(d.facts.get("contract_price"), Some(&text("5,000,00x")));
        // The engine says the base cannot be established, not that it is to be entered.
        let result = crate::evaluate(&lp, &r.case).unwrap();
        assert!(
            result
                .pending
                .iter()
                .any(|p| p.contains("工程合同价款无法查清")),
            "{:?}",
            result.pending
        );
        // Unmarked, the value is read again.
        d.set_unknown("contract_price".to_string(), false);
        d.facts
            .insert("contract_price".to_string(), text("5000000"));
        let r = d.reading(&[&item]);
        assert!(r.case.unknown.is_empty());
        assert!(r.case.facts.contains_key("contract_price"));
    }

    #[test]
    fn roles_follow_the_kind_and_the_item() {
        let lp = published();
        let item = two_parties(&lp);
        // A row whose second role is played by a person (单位 / 单位负责人).
        let mut unit = item.clone();
        unit.parties = Parties::All;
        unit.roles[1].id = "head".to_string();
        unit.roles[1].parties = Parties::Individual;
        let mut d = ls_draft(&unit);
        d.set_party(Some(&unit), PartyKind::Citizen);
        assert_eq!(d.role.as_deref(), Some("head"));
        d.set_role(Some(&unit), "construction_unit".to_string());
        assert_eq!(d.party, PartyKind::LegalPerson);
        d.add_party(&unit);
        assert_eq!(
            (d.parties[0].role.as_str(), d.parties[0].party),
            ("head", PartyKind::Citizen)
        );
        d.set_co_party_kind(Some(&unit), 0, PartyKind::OtherOrganization);
        assert_eq!(d.parties[0].role, "construction_unit");
        d.set_co_party_role(Some(&unit), 0, "head".to_string());
        assert_eq!(d.parties[0].party, PartyKind::Citizen);
        // Out of range: nothing changes.
        let before = d.clone();
        d.set_co_party_role(Some(&unit), 5, "head".to_string());
        d.set_co_party_kind(Some(&unit), 5, PartyKind::Citizen);
        assert_eq!(d, before);
        // Another item without these roles: no role, and the other parties go.
        let plain = lp.item("BJ-C1600200").unwrap();
        d.fit_roles(plain);
        assert_eq!(d.role, None);
        assert!(d.parties.is_empty());
        // An item without roles adds no party.
        d.add_party(plain);
        assert!(d.parties.is_empty());
    }

    #[test]
    fn a_form_saved_before_roles_and_unknown_facts_still_reads() {
        let d: CaseDraft = serde_json::from_str(
            r#"{"case_id":2,"item":"ZL-64","party":"legal_person","facts":{"contract_price":"1"}}"#,
        )
        .unwrap();
        assert_eq!(
            (d.role.as_ref(), d.parties.len(), d.unknown.len()),
            (None, 0, 0)
        );
        // And a saved one with them reads them back; a co-party of a wrong shape is refused.
        let d: CaseDraft = serde_json::from_str(
            r#"{"role":"contractor","unknown":["area"],
                "parties":[{"role":"construction_unit","party":"legal_person"}]}"#,
        )
        .unwrap();
        assert_eq!(d.role.as_deref(), Some("contractor"));
        assert_eq!(d.parties[0].role, "construction_unit");
        assert_eq!(d.unknown, vec!["area".to_string()]);
        assert!(serde_json::from_str::<CaseDraft>(r#"{"parties":[{"party":"citizen"}]}"#).is_err());
    }
}
