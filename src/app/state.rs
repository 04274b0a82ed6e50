//! The app's state as plain data: the active pack, the finder, and the officer's draft (the form
//! as typed). The reducer only records what the officer did; every penalty rule lives in
//! [`crate::evaluate`].

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::case::{Capacity, Case, CaseDates, Circumstances, FactValue};
use crate::date::Date;
use crate::engine::error::{CaseField, EngineError};
use crate::num::{Dec, parse_decimal};
use crate::pack::LoadedPack;
use crate::pack::model::{FactKind, Item, PartyKind};
use crate::text::{Draft as TextDraft, Section};
use crate::validate::Report;

use super::recent::Recent;

/// A loaded pack, compared by identity so that props stay cheap to compare.
#[derive(Debug, Clone)]
pub struct PackRef(pub Rc<LoadedPack>);

impl PartialEq for PackRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PackRef {
    type Target = LoadedPack;
    fn deref(&self) -> &LoadedPack {
        &self.0
    }
}

/// Where the active pack came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSource {
    /// File name.
    pub file: String,
    /// The JSON text, kept so that a reload restores the same pack.
    pub text: String,
}

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
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
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
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
        }
    }
}

/// A form field an error message belongs beside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The violation itself.
    Item,
    /// A fact by id.
    Fact(String),
    /// Age.
    Age,
    /// The dates.
    Dates,
    /// 违法所得.
    IllegalGains,
    /// 拟罚款数额.
    IntendedFine,
    /// Anything else.
    General,
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

impl Draft {
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
    /// a fact id declared by several items is read by the first declaration).
    pub fn reading(&self, items: &[&Item]) -> Reading {
        let mut errors = Vec::new();
        let mut facts = BTreeMap::new();
        for item in items {
            for def in &item.facts {
                if facts.contains_key(&def.id) {
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
            role: None,
            parties: Vec::new(),
            unknown: Vec::new(),
        };
        Reading { case, errors }
    }

    /// The form for a saved case (used when only the case JSON of a draft can be read).
    pub fn from_case(case: &Case) -> Draft {
        let text = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Draft {
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
        }
    }
}

/// The field an engine error belongs beside.
pub fn error_field(e: &EngineError) -> Field {
    match e {
        EngineError::NoItem | EngineError::UnknownItem { .. } => Field::Item,
        EngineError::Dates { .. } => Field::Dates,
        EngineError::BadFact { field, fact, .. } => match (field, fact) {
            (CaseField::Fact, Some(id)) => Field::Fact(id.clone()),
            (CaseField::IllegalGains, _) => Field::IllegalGains,
            (CaseField::IntendedFine, _) => Field::IntendedFine,
            (CaseField::Age, _) => Field::Age,
            _ => Field::General,
        },
        _ => Field::General,
    }
}

/// What the officer did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A pack was read and validated without errors.
    PackLoaded {
        /// The pack.
        pack: Rc<LoadedPack>,
        /// The validator's report (warnings only).
        report: Rc<Report>,
        /// The file and text, or None for the embedded pack.
        source: Option<PackSource>,
    },
    /// A pack was refused; the current pack stays.
    PackRejected(Rc<Report>),
    /// Hide the pack report.
    DismissReport,
    /// Show a notice (export done, storage failed …); None hides it.
    Notice(Option<String>),
    /// The finder's text.
    Query(String),
    /// The finder's highlighted row.
    Cursor(usize),
    /// An item was chosen.
    SelectItem(String),
    /// Back to the finder.
    ClearItem,
    /// A further item the same act violates.
    AddItem(String),
    /// Remove a further item.
    RemoveItem(String),
    /// Party kind.
    Party(PartyKind),
    /// The case's label.
    Label(String),
    /// Age text.
    Age(String),
    /// Capacity.
    Capacity(Capacity),
    /// A date, as YYYY-MM-DD.
    Date(DateField, String),
    /// 涉及生命健康安全、金融安全且有危害后果.
    GraveHarm(bool),
    /// A fact; None clears it.
    Fact(String, Option<FactInput>),
    /// A circumstance of arts 32–33 by its name in [`Circumstances::NAMES`].
    Circumstance(&'static str, bool),
    /// A pack factor on or off.
    Factor(String, bool),
    /// Tier choice.
    Tier(Option<String>),
    /// 减轻 (true) or 从轻 (false).
    ChooseReduced(bool),
    /// 可以不予处罚 decision.
    Waive(Option<bool>),
    /// 违法所得 text.
    IllegalGains(String),
    /// 违法所得依法应当退赔.
    GainsReturned(bool),
    /// 拟罚款数额 text.
    IntendedFine(String),
    /// Clear the form (keeps the pack).
    ResetDraft,
    /// Start a new case; the current one stays among the recent cases.
    NewCase,
    /// Continue a recent case.
    OpenRecent(u32),
    /// Forget a recent case (the form is cleared if it is the current one).
    ForgetRecent(u32),
    /// The officer edited a section of the reasoning text; the generated text is passed so
    /// that the first edit starts from it.
    EditText {
        /// The text as generated for the current case.
        generated: Rc<TextDraft>,
        /// Section key.
        key: String,
        /// The section's new text.
        text: String,
    },
    /// Discard the officer's edits: back to the generated text.
    RestoreText,
    /// Keep the edits and stop noting that the generated text changed (its new full text).
    KeepText(String),
}

/// The officer's edits to the reasoning text, kept with the case draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdits {
    /// The generated full text the edits were made on (or last acknowledged), to notice when
    /// the case changes the generated text.
    pub base: String,
    /// Every section as the officer has it.
    pub sections: Vec<Section>,
}

impl TextEdits {
    /// The edited text as a draft (for the full text with numbered headings).
    pub fn draft(&self) -> TextDraft {
        TextDraft {
            sections: self.sections.clone(),
        }
    }
}

/// The whole app state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The active pack.
    pub pack: PackRef,
    /// Where it came from (None: the embedded reference pack).
    pub source: Option<PackSource>,
    /// Report of the last pack read: warnings of the active pack, or errors of a refused one.
    pub report: Option<Rc<Report>>,
    /// Whether `report` is about a refused pack.
    pub rejected: bool,
    /// A short message for the officer.
    pub notice: Option<String>,
    /// The finder's text.
    pub query: String,
    /// The finder's highlighted row (index into the listing's order).
    pub cursor: usize,
    /// The case form.
    pub draft: Draft,
    /// The officer's edits to the reasoning text; None: the generated text as it is.
    pub text: Option<TextEdits>,
    /// 最近案件, the current one included; None in an embedding, which keeps nothing.
    pub recent: Option<Rc<Recent>>,
}

impl State {
    /// A state on a pack with a draft.
    pub fn new(
        pack: Rc<LoadedPack>,
        source: Option<PackSource>,
        draft: Draft,
        text: Option<TextEdits>,
    ) -> State {
        State {
            pack: PackRef(pack),
            source,
            report: None,
            rejected: false,
            notice: None,
            query: String::new(),
            cursor: 0,
            draft,
            text,
            recent: None,
        }
    }

    /// The selected item, when the active pack has it.
    pub fn item(&self) -> Option<&Item> {
        self.draft.item.as_deref().and_then(|c| self.pack.item(c))
    }
}

fn set_circumstance(c: &mut Circumstances, name: &str, on: bool) {
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

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let d = &mut s.draft;
        match action {
            Action::PackLoaded {
                pack,
                report,
                source,
            } => {
                s.pack = PackRef(pack);
                s.source = source;
                s.report = (!report.warnings.is_empty()).then_some(report);
                s.rejected = false;
                s.cursor = 0;
            }
            Action::PackRejected(report) => {
                s.report = Some(report);
                s.rejected = true;
            }
            Action::DismissReport => s.report = None,
            Action::Notice(n) => s.notice = n,
            Action::Query(q) => {
                s.query = q;
                s.cursor = 0;
            }
            Action::Cursor(c) => s.cursor = c,
            Action::SelectItem(code) => {
                if d.item.as_deref() != Some(code.as_str()) {
                    d.tier = None;
                    d.waive = None;
                }
                // Start on a party the item applies to.
                if let Some(item) = s.pack.item(&code) {
                    if !item.parties.covers(d.party) {
                        d.party = if item.parties.covers(PartyKind::LegalPerson) {
                            PartyKind::LegalPerson
                        } else {
                            PartyKind::Citizen
                        };
                    }
                }
                d.also.retain(|c| c != &code);
                d.item = Some(code);
            }
            Action::ClearItem => d.item = None,
            Action::AddItem(code) => {
                if d.item.as_deref() != Some(code.as_str()) && !d.also.contains(&code) {
                    d.also.push(code);
                }
            }
            Action::RemoveItem(code) => d.also.retain(|c| c != &code),
            Action::Party(p) => d.party = p,
            Action::Label(l) => d.label = l,
            Action::Age(a) => d.age = a,
            Action::Capacity(c) => d.capacity = c,
            Action::Date(f, v) => match f {
                DateField::Occurred => d.occurred = v,
                DateField::Ended => d.ended = v,
                DateField::Discovered => d.discovered = v,
                DateField::Decided => d.decided = v,
            },
            Action::GraveHarm(b) => d.grave_harm = b,
            Action::Fact(id, v) => match v {
                Some(v) => {
                    d.facts.insert(id, v);
                }
                None => {
                    d.facts.remove(&id);
                }
            },
            Action::Circumstance(name, on) => set_circumstance(&mut d.circumstances, name, on),
            Action::Factor(id, on) => {
                d.factors.retain(|f| f != &id);
                if on {
                    d.factors.push(id);
                }
            }
            Action::Tier(t) => d.tier = t,
            Action::ChooseReduced(b) => d.choose_reduced = b,
            Action::Waive(w) => d.waive = w,
            Action::IllegalGains(t) => d.illegal_gains = t,
            Action::GainsReturned(b) => d.gains_to_be_returned = b,
            Action::IntendedFine(t) => d.intended_fine = t,
            Action::ResetDraft => {
                *d = Draft {
                    case_id: d.case_id,
                    label: d.label.clone(),
                    item: d.item.clone(),
                    also: d.also.clone(),
                    ..Draft::default()
                };
            }
            Action::EditText {
                generated,
                key,
                text,
            } => {
                let mut edits = s.text.take().unwrap_or_else(|| TextEdits {
                    base: generated.full_text(),
                    sections: generated.sections.clone(),
                });
                if let Some(sec) = edits.sections.iter_mut().find(|x| x.key == key) {
                    sec.text = text;
                }
                // Edited back to exactly the generated text: nothing is kept.
                let same = edits.sections == generated.sections;
                s.text = (!same).then_some(edits);
            }
            Action::RestoreText => s.text = None,
            Action::KeepText(base) => {
                if let Some(t) = &mut s.text {
                    t.base = base;
                }
            }
            Action::NewCase => {
                *d = Draft::default();
                s.text = None;
                s.query.clear();
                s.cursor = 0;
            }
            Action::OpenRecent(id) => {
                if let Some(c) = s.recent.as_ref().and_then(|r| r.get(id)) {
                    *d = c.draft.clone();
                    s.text = c.text.clone();
                }
            }
            Action::ForgetRecent(id) => {
                if let Some(r) = &mut s.recent {
                    Rc::make_mut(r).forget(id);
                }
                if d.case_id == id {
                    *d = Draft::default();
                    s.text = None;
                }
            }
        }
        // Keep the current case among the recent ones, numbered, as it changes.
        if let Some(recent) = &mut s.recent {
            if s.draft.item.is_some() && (s.draft != self.draft || s.text != self.text) {
                if s.draft.case_id == 0 {
                    s.draft.case_id = recent.next_id();
                }
                Rc::make_mut(recent).remember(&s.draft, s.text.as_ref(), super::recent::now());
            }
        }
        Rc::new(s)
    }
}

/// The draft read and evaluated: what the result panel and the form's error messages show.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The case as read from the form.
    pub case: Case,
    /// Fields of the form that could not be read, and the engine's error placed by field.
    pub errors: Vec<(Field, String)>,
    /// The engine's answer; None while no item is selected.
    pub result: Option<Result<crate::engine::result::EvalResult, EngineError>>,
}

impl Evaluation {
    /// Reads the draft and runs the engine on it.
    pub fn run(pack: &LoadedPack, draft: &Draft) -> Evaluation {
        let items: Vec<&Item> = draft.codes().iter().filter_map(|c| pack.item(c)).collect();
        let Reading { case, mut errors } = draft.reading(&items);
        let result = draft.item.as_ref().map(|_| crate::evaluate(pack, &case));
        if let Some(Err(e)) = &result {
            errors.push((error_field(e), e.to_string()));
        }
        Evaluation {
            case,
            errors,
            result,
        }
    }

    /// Error messages for one field.
    pub fn errors_for(&self, field: &Field) -> Vec<String> {
        self.errors
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .collect()
    }
}
