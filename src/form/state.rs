//! The app's state as plain data: the active pack, the finder, the officer's case draft (the form
//! as typed) and the recent cases, and [`State::reduce`], the plain function from an action to
//! the next state. The reducer only records what the officer did; every penalty rule lives in
//! [`crate::evaluate`]. It reads no clock: the time of an action comes with it
//! ([`Stamped`], in [`super::action`]).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::pack::model::Item;
use crate::pack::{LoadedPack, load_pack};
use crate::validate::{Report, accept_pack, acceptance_mark};

use super::action::{Action, Stamped};
use super::draft::{CaseDraft, fitting, set_circumstance, toggle};
use super::recent::Recent;
use super::text_edits::TextEdits;

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
    /// The validator's [`acceptance_mark`] on `text`, when it was accepted (absent in what
    /// older builds saved): the officer's page, which carries no validator, takes the text again
    /// only with its own build's mark ([`PackSource::restore`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

/// What [`PackSource::restore`] makes of a saved pack in a page without the validator.
#[derive(Debug)]
pub enum Restored {
    /// Accepted by this build's validator: the pack.
    Pack(Rc<LoadedPack>, PackSource),
    /// Not marked by this build's validator (saved by another build, or changed since): the
    /// validator must see it before the engine does.
    Unchecked(PackSource),
    /// It no longer reads as a pack: the notice.
    Refused(String),
}

impl PackSource {
    /// The source of a pack the validator accepted (`lp` is `text` loaded), with its mark.
    pub fn accepted(file: &str, text: String, lp: &LoadedPack) -> PackSource {
        PackSource {
            file: file.to_string(),
            text,
            accepted: Some(acceptance_mark(&lp.hash)),
        }
    }

    /// Reads a saved pack again through the validator: the pack (and the source, marked) when
    /// it still validates without errors; otherwise the notice that says the reference pack is
    /// used instead.
    pub fn reload(self) -> Result<(Rc<LoadedPack>, PackSource), String> {
        match accept_pack(&self.file, &self.text) {
            Ok((lp, _)) => {
                let source = PackSource::accepted(&self.file, self.text, &lp);
                Ok((Rc::new(lp), source))
            }
            Err(_) => Err(self.refused_notice()),
        }
    }

    /// Reads a saved pack again without the validator (the officer's page): the pack only when
    /// this build's validator marked this very text; [`Restored::Unchecked`] when it must be
    /// validated first.
    pub fn restore(self) -> Restored {
        if self.accepted.is_none() {
            return Restored::Unchecked(self);
        }
        match load_pack(&self.file, &self.text) {
            Ok(lp) if self.accepted.as_deref() == Some(acceptance_mark(&lp.hash).as_str()) => {
                Restored::Pack(Rc::new(lp), self)
            }
            Ok(_) => Restored::Unchecked(self),
            Err(_) => Restored::Refused(self.refused_notice()),
        }
    }

    /// The notice for a saved pack that no longer validates.
    pub fn refused_notice(&self) -> String {
        format!(
            "上次使用的基准文件“{}”已无法通过校验，已改用内置参考基准。",
            self.file
        )
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

    /// The state after `action`. Choosing another item clears the tier and the 不予处罚
    /// decision and moves the party to one the item covers; a change to a case with an item
    /// keeps it, numbered, as the newest of the recent cases (when the state keeps them).
    pub fn reduce(&self, stamped: Stamped) -> State {
        let Stamped { action, at } = stamped;
        // The selected item before the action (the same item after it, but for SelectItem).
        let item = self.item();
        let mut s = self.clone();
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
                // Start on a party the item applies to, in a role it names.
                if let Some(item) = s.pack.item(&code) {
                    d.party = fitting(item.parties, d.party);
                    d.fit_roles(item);
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
            Action::Party(p) => d.set_party(item, p),
            Action::Role(r) => d.set_role(item, r),
            Action::AddCoParty => {
                if let Some(item) = item {
                    d.add_party(item);
                }
            }
            Action::RemoveCoParty(i) => {
                if i < d.parties.len() {
                    d.parties.remove(i);
                }
            }
            Action::CoPartyKind(i, p) => d.set_co_party_kind(item, i, p),
            Action::CoPartyRole(i, r) => d.set_co_party_role(item, i, r),
            Action::CoPartyName(i, name) => {
                if let Some(p) = d.parties.get_mut(i) {
                    p.name = (!name.trim().is_empty()).then_some(name);
                }
            }
            Action::CoPartyCircumstance(i, name, on) => {
                if let Some(p) = d.parties.get_mut(i) {
                    set_circumstance(&mut p.circumstances, name, on);
                }
            }
            Action::CoPartyFactor(i, id, on) => {
                if let Some(p) = d.parties.get_mut(i) {
                    toggle(&mut p.factors, id, on);
                }
            }
            Action::Unknown(id, on) => d.set_unknown(id, on),
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
            Action::Factor(id, on) => toggle(&mut d.factors, id, on),
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
            } => s.text = TextEdits::edit(s.text.take(), &generated, &key, text),
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
                    s.draft.case_id = recent.next_id_at(at);
                }
                Rc::make_mut(recent).remember(&s.draft, s.text.as_ref(), at);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Capacity;
    use crate::form::draft::{DateField, FactInput};
    use crate::pack::model::PartyKind;

    const LOCAL: &str = include_str!("../../benchmarks/local-example-city.json");

    fn start() -> State {
        let pack = Rc::new(crate::reference_pack().unwrap());
        State::new(pack, None, CaseDraft::default(), None)
    }

    /// A stand-alone app's state: it keeps the recent cases.
    fn keeping_recent() -> State {
        State {
            recent: Some(Rc::new(Recent::default())),
            ..start()
        }
    }

    fn step(s: &State, action: Action, at: f64) -> State {
        s.reduce(Stamped { action, at })
    }

    /// Runs actions at times 1, 2, 3 …
    fn run(s: State, actions: Vec<Action>) -> State {
        actions
            .into_iter()
            .enumerate()
            .fold(s, |s, (i, a)| step(&s, a, i as f64 + 1.0))
    }

    fn ids(s: &State) -> Vec<u32> {
        s.recent
            .as_ref()
            .map(|r| r.0.iter().map(|c| c.id).collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_finder_query_resets_the_highlighted_row() {
        let s = run(start(), vec![Action::Cursor(4)]);
        assert_eq!(s.cursor, 4);
        let s = run(s, vec![Action::Query("偷工减料".into())]);
        assert_eq!((s.query.as_str(), s.cursor), ("偷工减料", 0));
    }

    #[test]
    fn choosing_another_item_clears_its_choices_and_fits_the_party() {
        let s = run(
            start(),
            vec![
                Action::Party(PartyKind::Citizen),
                Action::AddItem("ZL-64".into()),
                Action::SelectItem("JZF-64".into()),
                Action::Tier(Some("B".into())),
                Action::Waive(Some(true)),
            ],
        );
        // A further item added before the item is kept and cited after it.
        assert_eq!(s.draft.also, vec!["ZL-64".to_string()]);
        assert_eq!(
            s.draft.codes(),
            vec!["JZF-64".to_string(), "ZL-64".to_string()]
        );
        assert_eq!(s.draft.party, PartyKind::Citizen);
        assert_eq!(s.item().map(|i| i.code.as_str()), Some("JZF-64"));
        // The same item again keeps the tier and the decision.
        let same = run(s.clone(), vec![Action::SelectItem("JZF-64".into())]);
        assert_eq!(same.draft.tier.as_deref(), Some("B"));
        assert_eq!(same.draft.waive, Some(true));
        // ZL-64 is for organisations only: a 公民 becomes a 法人.
        let s = run(s, vec![Action::SelectItem("ZL-64".into())]);
        assert_eq!(s.draft.tier, None);
        assert_eq!(s.draft.waive, None);
        assert_eq!(s.draft.party, PartyKind::LegalPerson);
        // The chosen item is no longer a further one.
        assert!(s.draft.also.is_empty());
        let s = run(s, vec![Action::ClearItem]);
        assert_eq!(s.draft.item, None);
    }

    #[test]
    fn further_items_are_added_once_and_removed() {
        let s = run(
            start(),
            vec![
                Action::SelectItem("ZL-64".into()),
                Action::AddItem("JZF-64".into()),
                Action::AddItem("JZF-64".into()),
                Action::AddItem("ZL-64".into()),
                Action::AddItem("GH-64".into()),
            ],
        );
        assert_eq!(
            s.draft.also,
            vec!["JZF-64".to_string(), "GH-64".to_string()]
        );
        let s = run(s, vec![Action::RemoveItem("JZF-64".into())]);
        assert_eq!(s.draft.also, vec!["GH-64".to_string()]);
    }

    #[test]
    fn each_field_of_the_form_records_what_was_typed() {
        let s = run(
            start(),
            vec![
                Action::SelectItem("ZL-64".into()),
                Action::Label("某公司".into()),
                Action::Age("17".into()),
                Action::Capacity(Capacity::Partial),
                Action::Date(DateField::Discovered, "2025-06-01".into()),
                Action::GraveHarm(true),
                Action::Fact("contract_price".into(), Some(FactInput::Text("12a".into()))),
                Action::Fact("serious".into(), Some(FactInput::Bool(true))),
                Action::Fact("serious".into(), None),
                Action::Circumstance("first_offence", true),
                Action::Factor("cooperative".into(), true),
                Action::Factor("cooperative".into(), true),
                Action::Factor("obstructed".into(), true),
                Action::Factor("obstructed".into(), false),
                Action::ChooseReduced(true),
                Action::IllegalGains("2,000".into()),
                Action::GainsReturned(true),
                Action::IntendedFine("300000".into()),
            ],
        );
        let d = &s.draft;
        assert_eq!(d.label, "某公司");
        assert_eq!(d.age, "17");
        assert_eq!(d.capacity, Capacity::Partial);
        assert_eq!(d.discovered, "2025-06-01");
        assert!(d.grave_harm);
        assert_eq!(
            d.facts.get("contract_price"),
            Some(&FactInput::Text("12a".into()))
        );
        assert!(!d.facts.contains_key("serious"));
        assert!(d.circumstances.first_offence);
        assert_eq!(d.factors, vec!["cooperative".to_string()]);
        assert!(d.choose_reduced);
        assert_eq!(d.illegal_gains, "2,000");
        assert!(d.gains_to_be_returned);
        assert_eq!(d.intended_fine, "300000");

        // 清空表单 keeps the case, its label and its items, and clears the rest.
        let s = run(
            s,
            vec![Action::AddItem("JZF-64".into()), Action::ResetDraft],
        );
        let cleared = CaseDraft {
            label: "某公司".into(),
            item: Some("ZL-64".into()),
            also: vec!["JZF-64".into()],
            ..CaseDraft::default()
        };
        assert_eq!(s.draft, cleared);
    }

    #[test]
    fn a_pack_is_loaded_or_refused_and_the_draft_stays() {
        let s = run(
            start(),
            vec![Action::SelectItem("ZL-64".into()), Action::Cursor(3)],
        );
        let refused = run(s.clone(), vec![Action::pack_text("bad.json", "{".into())]);
        assert!(refused.rejected);
        let report = refused.report.clone().unwrap();
        assert_eq!(report.file, "bad.json");
        assert!(!report.is_ok());
        assert_eq!(refused.pack, s.pack);
        assert_eq!(refused.draft, s.draft);
        let s = run(refused, vec![Action::DismissReport]);
        assert_eq!(s.report, None);

        let loaded = run(
            s.clone(),
            vec![Action::pack_text("local-example-city.json", LOCAL.into())],
        );
        assert!(!loaded.rejected);
        assert_ne!(loaded.pack, s.pack);
        assert_eq!(loaded.cursor, 0);
        assert_eq!(
            loaded.source.as_ref().map(|x| x.file.as_str()),
            Some("local-example-city.json")
        );
        assert_eq!(loaded.draft, s.draft);
        // A report is shown only when the loaded pack has warnings.
        let warned = loaded
            .report
            .as_ref()
            .is_some_and(|r| !r.warnings.is_empty());
        assert_eq!(loaded.report.is_some(), warned);

        let unreadable = run(
            loaded,
            vec![Action::pack_unreadable("x.json", "网络请求失败")],
        );
        assert!(unreadable.rejected);
        let r = unreadable.report.unwrap();
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].path, "$");
        assert_eq!(r.errors[0].message, "无法读取文件：网络请求失败");
    }

    #[test]
    fn a_saved_pack_reloads_while_it_still_validates() {
        let ok = PackSource {
            file: "local-example-city.json".into(),
            text: LOCAL.into(),
            accepted: None,
        };
        let (pack, source) = ok.clone().reload().unwrap();
        assert_eq!((&source.file, &source.text), (&ok.file, &ok.text));
        assert_eq!(source.accepted, Some(acceptance_mark(&pack.hash)));
        let json: serde_json::Value = serde_json::from_str(LOCAL).unwrap();
        assert_eq!(json["meta"]["title"], pack.pack.meta.title.as_str());
        let bad = PackSource {
            file: "old.json".into(),
            text: "{\"format_version\": 999}".into(),
            accepted: None,
        };
        let notice = bad.reload().unwrap_err();
        assert!(notice.contains("“old.json”"), "{notice}");
        assert!(notice.contains("已改用内置参考基准"), "{notice}");
    }

    /// The officer's page takes a saved pack without the validator only with this build's mark
    /// on this very text; anything else goes to the validator first.
    #[test]
    fn a_saved_pack_is_restored_without_the_validator_only_with_its_mark() {
        let unmarked = PackSource {
            file: "local-example-city.json".into(),
            text: LOCAL.into(),
            accepted: None,
        };
        assert!(matches!(
            unmarked.clone().restore(),
            Restored::Unchecked(s) if s == unmarked
        ));
        let (_, marked) = unmarked.clone().reload().unwrap();
        match marked.clone().restore() {
            Restored::Pack(pack, source) => {
                assert_eq!(source, marked);
                assert_eq!(pack.hash, crate::pack::load_pack("x", LOCAL).unwrap().hash);
            }
            other => panic!("{other:?}"),
        }
        // Another build's validator, or the text changed under the mark: validate again.
        let other_build = PackSource {
            accepted: Some(format!(
                "0000000000000000:{}",
                marked.accepted.clone().unwrap().split(':').nth(1).unwrap()
            )),
            ..marked.clone()
        };
        assert!(matches!(other_build.restore(), Restored::Unchecked(_)));
        let changed = PackSource {
            text: LOCAL.replacen("\"title\"", "\"title\" ", 1),
            ..marked.clone()
        };
        assert!(matches!(changed.restore(), Restored::Unchecked(_)));
        // A marked text that no longer parses (a damaged store) is refused with the notice.
        let damaged = PackSource {
            text: "{".into(),
            ..marked
        };
        match damaged.restore() {
            Restored::Refused(n) => assert!(n.contains("已改用内置参考基准"), "{n}"),
            other => panic!("{other:?}"),
        }
    }

    /// The officer's page loads a pack only on the validator module's answer about that text:
    /// the same outcome as through `accept_pack` in the page, and nothing on any other answer.
    #[test]
    fn a_pack_is_loaded_on_the_validators_answer_only() {
        use crate::validate::checked_json;
        let file = "local-example-city.json";
        let answer = checked_json(file, LOCAL);
        let via_module = Action::pack_checked(file, LOCAL.into(), &answer);
        assert_eq!(via_module, Action::pack_text(file, LOCAL.into()));
        let Action::PackLoaded { source, .. } = &via_module else {
            panic!("{via_module:?}")
        };
        assert!(source.as_ref().unwrap().accepted.is_some());

        // Refused by the validator: its report, file and JSON path as in the page before.
        let mut bad: serde_json::Value = serde_json::from_str(LOCAL).unwrap();
        bad["items"][0]["tiers"][0]["when"]["fact"] = serde_json::json!("no_such_fact");
        let bad = bad.to_string();
        let refused = Action::pack_checked("坏.json", bad.clone(), &checked_json("坏.json", &bad));
        assert_eq!(refused, Action::pack_text("坏.json", bad.clone()));
        let Action::PackRejected(report) = &refused else {
            panic!("{refused:?}")
        };
        assert_eq!(report.file, "坏.json");
        assert!(
            report
                .errors
                .iter()
                .any(|f| f.path.starts_with("$.items[0]")),
            "{report:?}"
        );

        // An answer about another text, from another build, or unreadable: refused, in Chinese.
        let other =
            Action::pack_checked(file, LOCAL.replacen("\"title\"", "\"title\" ", 1), &answer);
        let foreign = Action::pack_checked(
            file,
            LOCAL.into(),
            &answer.replacen(crate::validate::VALIDATOR_ID, "0000000000000000", 1),
        );
        for (action, needle) in [
            (other, "与文件内容不符"),
            (foreign, "不是同一版本"),
            (Action::pack_checked(file, LOCAL.into(), ""), "无法读取"),
            (Action::pack_unchecked(file, "离线"), "无法校验文件"),
        ] {
            let Action::PackRejected(report) = &action else {
                panic!("{action:?}")
            };
            assert_eq!(report.errors.len(), 1);
            assert_eq!(report.errors[0].path, "$");
            assert!(report.errors[0].message.contains(needle), "{report:?}");
        }
    }

    #[test]
    fn edits_to_the_reasoning_text_are_kept_until_restored() {
        let s = run(
            start(),
            vec![
                Action::SelectItem("ZL-64".into()),
                Action::Fact(
                    "contract_price".into(),
                    Some(FactInput::Text("10000000".into())),
                ),
                Action::Tier(Some("B".into())),
            ],
        );
        let eval = crate::form::Evaluation::run(&s.pack, &s.draft);
        let Some(Ok(result)) = &eval.result else {
            panic!("no result")
        };
        let generated = Rc::new(crate::text::draft(&s.pack, &eval.case, result));
        let key = generated.sections[0].key.clone();
        let original = generated.sections[0].text.clone();
        let edit = |s: &State, text: &str| {
            step(
                s,
                Action::EditText {
                    generated: generated.clone(),
                    key: key.clone(),
                    text: text.to_string(),
                },
                1.0,
            )
        };
        let edited = edit(&s, "本案由执法人员改写。");
        let edits = edited.text.clone().unwrap();
        assert_eq!(edits.base, generated.full_text());
        assert_eq!(edits.sections[0].text, "本案由执法人员改写。");
        assert_eq!(edits.sections[1..], generated.sections[1..]);
        // Edited back to the generated text: nothing is kept.
        assert_eq!(edit(&edited, &original).text, None);
        // 保留我的修改 records the new generated text as the base; restoring drops the edits.
        let kept = step(&edited, Action::KeepText("新的生成文本".into()), 2.0);
        assert_eq!(kept.text.as_ref().unwrap().base, "新的生成文本");
        assert_eq!(kept.text.as_ref().unwrap().sections, edits.sections);
        assert_eq!(step(&kept, Action::RestoreText, 3.0).text, None);
        // Without edits, KeepText changes nothing.
        assert_eq!(step(&s, Action::KeepText("x".into()), 4.0).text, None);
    }

    #[test]
    fn a_case_with_an_item_is_numbered_and_kept_among_the_recent_ones() {
        let s = run(keeping_recent(), vec![Action::Label("未选违法行为".into())]);
        // No item yet: not a case.
        assert_eq!(s.draft.case_id, 0);
        assert!(ids(&s).is_empty());
        let s = step(&s, Action::SelectItem("ZL-64".into()), 100.0);
        assert_eq!(s.draft.case_id, 1);
        assert_eq!(ids(&s), vec![1]);
        let kept = s.recent.as_ref().unwrap().get(1).unwrap();
        assert_eq!(kept.touched, 100.0);
        assert_eq!(kept.draft, s.draft);
        // Each change is recorded with its own time; what changes nothing is not.
        let s = step(&s, Action::Age("30".into()), 200.0);
        assert_eq!(s.recent.as_ref().unwrap().get(1).unwrap().touched, 200.0);
        let s = step(&s, Action::Cursor(2), 300.0);
        assert_eq!(s.recent.as_ref().unwrap().get(1).unwrap().touched, 200.0);
        // The same actions give the same state: the reducer reads no clock.
        assert_eq!(
            step(&s, Action::Age("31".into()), 400.0),
            step(&s, Action::Age("31".into()), 400.0)
        );
    }

    #[test]
    fn new_case_open_and_forget() {
        let s = run(
            keeping_recent(),
            vec![
                Action::SelectItem("ZL-64".into()),
                Action::Label("甲公司".into()),
                Action::Query("偷工".into()),
                Action::NewCase,
            ],
        );
        // The first case stays among the recent ones; the form starts afresh.
        assert_eq!(s.draft, CaseDraft::default());
        assert_eq!((s.query.as_str(), s.cursor, s.text.as_ref()), ("", 0, None));
        assert_eq!(ids(&s), vec![1]);
        let s = run(
            s,
            vec![
                Action::SelectItem("JZF-64".into()),
                Action::Label("乙公司".into()),
            ],
        );
        assert_eq!(s.draft.case_id, 2);
        assert_eq!(ids(&s), vec![2, 1]);
        // Continuing the first case brings back its form as it was left.
        let first = run(s.clone(), vec![Action::OpenRecent(1)]);
        assert_eq!(first.draft.label, "甲公司");
        assert_eq!(first.draft.item.as_deref(), Some("ZL-64"));
        // Forgetting another case keeps the form; forgetting the current one clears it.
        let other = run(first.clone(), vec![Action::ForgetRecent(2)]);
        assert_eq!(ids(&other), vec![1]);
        assert_eq!(other.draft, first.draft);
        let current = run(first, vec![Action::ForgetRecent(1)]);
        assert_eq!(ids(&current), vec![2]);
        assert_eq!(current.draft, CaseDraft::default());
        // An unknown number opens nothing.
        let s2 = run(s.clone(), vec![Action::OpenRecent(99)]);
        assert_eq!(s2.draft, s.draft);
    }

    #[test]
    fn an_embedded_state_keeps_no_recent_cases() {
        let s = run(
            start(),
            vec![Action::SelectItem("ZL-64".into()), Action::Age("30".into())],
        );
        assert_eq!(s.recent, None);
        assert_eq!(s.draft.case_id, 0);
    }

    #[test]
    fn notices_are_shown_and_hidden() {
        let s = run(start(), vec![Action::Notice(Some("已保存".into()))]);
        assert_eq!(s.notice.as_deref(), Some("已保存"));
        assert_eq!(run(s, vec![Action::Notice(None)]).notice, None);
    }

    const PUBLISHED: &str = include_str!("../../benchmarks/published-rows.json");

    /// A state on the published rows, on the 卢氏 row with two roles.
    fn on_two_parties() -> State {
        let s = start();
        let s = run(
            s,
            vec![Action::pack_text("published-rows.json", PUBLISHED.into())],
        );
        assert!(!s.rejected);
        run(s, vec![Action::SelectItem("LS-SGXK-12".into())])
    }

    #[test]
    fn other_parties_are_added_edited_and_removed() {
        let s = on_two_parties();
        assert_eq!(s.draft.role.as_deref(), Some("construction_unit"));
        let s = run(
            s,
            vec![
                Action::AddCoParty,
                Action::AddCoParty,
                Action::CoPartyRole(1, "construction_unit".into()),
                Action::CoPartyKind(1, PartyKind::OtherOrganization),
                Action::CoPartyCircumstance(0, "first_offence", true),
                Action::CoPartyFactor(0, "cooperative".into(), true),
                Action::CoPartyFactor(0, "cooperative".into(), true),
                Action::CoPartyName(0, "某建筑公司".into()),
                Action::CoPartyName(1, "某公司".into()),
                Action::CoPartyName(1, "  ".into()),
                Action::CoPartyName(9, "无此人".into()),
            ],
        );
        let p = &s.draft.parties;
        assert_eq!(p.len(), 2);
        // A name as typed; a blank one is no name.
        assert_eq!(p[0].name.as_deref(), Some("某建筑公司"));
        assert_eq!(p[1].name, None);
        // The first takes the role nobody has; with every role taken, the item's first role.
        assert_eq!(p[0].role, "contractor");
        assert!(p[0].circumstances.first_offence);
        assert_eq!(p[0].factors, vec!["cooperative".to_string()]);
        assert_eq!(
            (p[1].role.as_str(), p[1].party),
            ("construction_unit", PartyKind::OtherOrganization)
        );
        // The main party's own circumstances are untouched.
        assert!(!s.draft.circumstances.first_offence);
        let s = run(
            s,
            vec![
                Action::CoPartyFactor(0, "cooperative".into(), false),
                Action::RemoveCoParty(1),
                Action::RemoveCoParty(7),
                Action::Role("contractor".into()),
            ],
        );
        assert_eq!(s.draft.parties.len(), 1);
        assert!(s.draft.parties[0].factors.is_empty());
        assert_eq!(s.draft.role.as_deref(), Some("contractor"));
        // Another item without roles: the role and the other parties go; 清空表单 clears them.
        let other = run(s.clone(), vec![Action::SelectItem("XM-YS".into())]);
        assert_eq!(
            (other.draft.role.as_ref(), other.draft.parties.len()),
            (None, 0)
        );
        let reset = run(s, vec![Action::ResetDraft]);
        assert_eq!(reset.draft.parties, Vec::new());
        assert_eq!(reset.draft.role, None);
    }

    #[test]
    fn unknown_facts_are_marked_and_the_evaluation_reads_each_party() {
        let s = run(
            on_two_parties(),
            vec![
                Action::Fact(
                    "contract_price".into(),
                    Some(FactInput::Text("5000000".into())),
                ),
                Action::AddCoParty,
                Action::Unknown("contract_price".into(), true),
            ],
        );
        assert_eq!(s.draft.unknown, vec!["contract_price".to_string()]);
        let e = crate::form::Evaluation::run(&s.pack, &s.draft);
        assert_eq!(e.case.unknown, vec!["contract_price".to_string()]);
        let Some(Ok(r)) = &e.result else {
            panic!("no result: {:?}", e.result)
        };
        // The 建设单位's fine rests on the unknown price; the 施工单位's does not.
        assert_eq!(r.recommended, None);
        assert_eq!(r.co_parties.len(), 1);
        assert_eq!(
            r.co_parties[0]
                .recommended
                .as_ref()
                .map(|x| x.max.0.to_string()),
            Some("30000".to_string())
        );
        let s = run(s, vec![Action::Unknown("contract_price".into(), false)]);
        assert!(s.draft.unknown.is_empty());
        let e = crate::form::Evaluation::run(&s.pack, &s.draft);
        let Some(Ok(r)) = &e.result else {
            panic!("no result")
        };
        assert_eq!(
            r.recommended.as_ref().map(|x| x.max.0.to_string()),
            Some("100000".to_string())
        );
    }
}
