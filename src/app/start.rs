//! The state the app starts on: what the stand-alone app saved in this browser, or what the
//! embedding host gives.

use std::cell::RefCell;
use std::rc::Rc;

use crate::form::CaseDraft;
use crate::form::action::Action;
use crate::form::embedding::EmbedProps;
use crate::form::state::{PackSource, State};
use crate::pack::LoadedPack;

use super::{pack_check, page, storage};

/// The embedded reference pack.
pub fn reference_pack() -> Rc<LoadedPack> {
    match crate::reference_pack() {
        Ok(lp) => Rc::new(lp),
        // Compiled in and checked by tests/packs.rs: unreachable at run time, and the panic
        // hook would still show the crash banner.
        Err(e) => panic!("内置参考基准无法读取：{e}"),
    }
}

/// The saved pack, as the page takes it at start.
#[derive(Debug, Clone)]
enum Saved {
    /// Nothing saved: the reference pack.
    None,
    /// The pack, validated by this build's validator.
    Pack(Rc<LoadedPack>, PackSource),
    /// The validator refused it: the notice (and the saved pack is forgotten).
    Refused(String),
    /// The validator could not be reached: the notice.
    Unchecked(String),
}

thread_local! {
    /// The saved pack as [`check_saved_pack`] found it before the page started: the source it
    /// checked and what the validator said.
    static CHECKED: RefCell<Option<(PackSource, Saved)>> = const { RefCell::new(None) };
}

/// Whether the saved pack must go to the validator before the page starts: it does not carry
/// this build's mark (saved by another build, or by an embedding that gave no mark).
pub fn saved_pack_needs_check() -> bool {
    // The portal build validates in place, when it reads the saved pack.
    if cfg!(feature = "api") {
        return false;
    }
    let mark = format!("{}:", crate::validate::VALIDATOR_ID);
    storage::load_pack_source().is_some_and(|s| !s.accepted.is_some_and(|a| a.starts_with(&mark)))
}

/// Has the validator check the saved pack (the officer's page carries none: see
/// [`pack_check`]); [`saved_state`] and [`embedded_state`] then take its outcome.
pub async fn check_saved_pack() {
    let Some(source) = storage::load_pack_source() else {
        return;
    };
    let saved = match pack_check::check(&source.file, source.text.clone()).await {
        Ok(Action::PackLoaded {
            pack,
            source: Some(marked),
            ..
        }) => Saved::Pack(pack, marked),
        Ok(_) => Saved::Refused(source.refused_notice()),
        Err(why) => Saved::Unchecked(format!(
            "上次使用的基准文件“{}”未能重新校验，本次使用内置参考基准：{why}。",
            source.file
        )),
    };
    CHECKED.with(|c| *c.borrow_mut() = Some((source, saved)));
}

/// The saved pack: taken again when this build's validator marked it (or, in the portal build,
/// which carries the validator, when it still validates), or as [`check_saved_pack`] found it.
fn saved_pack() -> Saved {
    let Some(source) = storage::load_pack_source() else {
        return Saved::None;
    };
    #[cfg(feature = "api")]
    {
        match source.reload() {
            Ok((pack, source)) => Saved::Pack(pack, source),
            Err(why) => Saved::Refused(why),
        }
    }
    #[cfg(not(feature = "api"))]
    {
        use crate::form::state::Restored;
        match source.restore() {
            Restored::Pack(pack, source) => Saved::Pack(pack, source),
            Restored::Refused(why) => Saved::Refused(why),
            Restored::Unchecked(source) => CHECKED.with(|c| match &*c.borrow() {
                Some((checked, saved)) if *checked == source => saved.clone(),
                // Changed since the check (another tab): not validated.
                _ => Saved::Unchecked(format!(
                    "上次使用的基准文件“{}”尚未重新校验，本次使用内置参考基准；重新加载页面即可校验。",
                    source.file
                )),
            }),
        }
    }
}

/// The stand-alone app's state at start: the saved pack (if it still validates), the saved
/// draft and the recent cases. `?reset-draft` (the crash banner's link) first sets the saved
/// draft aside.
pub fn saved_state() -> State {
    if page::has_flag("reset-draft") {
        storage::set_draft_aside();
        page::clear_query();
    }
    let (draft, text) = storage::load_draft();
    let mut notice = None;
    let (pack, source) = match saved_pack() {
        Saved::Pack(pack, source) => (pack, Some(source)),
        Saved::Refused(why) => {
            notice = Some(why);
            let _ = storage::save_pack(None);
            (reference_pack(), None)
        }
        Saved::Unchecked(why) => {
            notice = Some(why);
            (reference_pack(), None)
        }
        Saved::None => (reference_pack(), None),
    };
    let mut s = State::new(pack, source, draft, text);
    s.notice = notice;
    s.recent = Some(Rc::new(storage::load_recent()));
    s
}

/// The state an embedded app starts with: the host's case and pack; what it does not give is
/// read (never written) from what the stand-alone app saved.
pub fn embedded_state(embed: &EmbedProps) -> State {
    let (pack, source) = match &embed.pack {
        Some(p) => (p.pack.clone(), Some(p.source.clone())),
        None => match saved_pack() {
            Saved::Pack(pack, source) => (pack, Some(source)),
            _ => (reference_pack(), None),
        },
    };
    let (draft, text) = match &embed.case {
        Some(case) => (CaseDraft::from_case(case), None),
        None => storage::load_draft(),
    };
    State::new(pack, source, draft, text)
}
