//! The app's state as plain data: the active pack, the finder, and the officer's draft (the form
//! as typed). The reducer only records what the officer did; every penalty rule lives in
//! [`crate::evaluate`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::case::Capacity;
use crate::form::draft::{CaseDraft, DateField, FactInput};
use crate::form::text_edits::TextEdits;
use crate::pack::LoadedPack;
use crate::pack::model::{Item, PartyKind};
use crate::text::Draft as TextDraft;
use crate::validate::Report;

use crate::form::recent::Recent;

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
    pub draft: CaseDraft,
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
        draft: CaseDraft,
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
            Action::Date(f, v) => d.set_date(f, v),
            Action::GraveHarm(b) => d.grave_harm = b,
            Action::Fact(id, v) => match v {
                Some(v) => {
                    d.facts.insert(id, v);
                }
                None => {
                    d.facts.remove(&id);
                }
            },
            Action::Circumstance(name, on) => d.set_circumstance(name, on),
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
                *d = CaseDraft {
                    case_id: d.case_id,
                    label: d.label.clone(),
                    item: d.item.clone(),
                    also: d.also.clone(),
                    ..CaseDraft::default()
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
                *d = CaseDraft::default();
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
                    *d = CaseDraft::default();
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
                Rc::make_mut(recent).remember(&s.draft, s.text.as_ref(), super::clock::now());
            }
        }
        Rc::new(s)
    }
}
