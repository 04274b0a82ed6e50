//! The state the app starts on: what the stand-alone app saved in this browser, or what the
//! embedding host gives.

use std::rc::Rc;

use crate::form::CaseDraft;
use crate::form::embedding::EmbedProps;
use crate::form::state::{PackSource, State};
use crate::pack::LoadedPack;

use super::{page, storage};

/// The embedded reference pack.
pub fn reference_pack() -> Rc<LoadedPack> {
    match crate::reference_pack() {
        Ok(lp) => Rc::new(lp),
        // Compiled in and checked by tests/packs.rs: unreachable at run time, and the panic
        // hook would still show the crash banner.
        Err(e) => panic!("内置参考基准无法读取：{e}"),
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
    let (pack, source) = match storage::load_pack_source().map(PackSource::reload) {
        Some(Ok((pack, source))) => (pack, Some(source)),
        Some(Err(why)) => {
            notice = Some(why);
            let _ = storage::save_pack(None);
            (reference_pack(), None)
        }
        None => (reference_pack(), None),
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
        None => match storage::load_pack_source().map(PackSource::reload) {
            Some(Ok((pack, source))) => (pack, Some(source)),
            _ => (reference_pack(), None),
        },
    };
    let (draft, text) = match &embed.case {
        Some(case) => (CaseDraft::from_case(case), None),
        None => storage::load_draft(),
    };
    State::new(pack, source, draft, text)
}
