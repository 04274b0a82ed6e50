//! What the officer did, as plain data ([`Action`]), and the time it was done ([`Stamped`]):
//! the input of [`super::state::State::reduce`].

use std::rc::Rc;

use crate::case::Capacity;
use crate::pack::LoadedPack;
use crate::pack::load_pack;
use crate::pack::model::PartyKind;
use crate::text::Draft as TextDraft;
use crate::validate::{Checked, Finding, Report, VALIDATOR_ID, accept_pack, unreadable_finding};

use super::draft::{DateField, FactInput};
use super::state::PackSource;

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
    /// The party's role (the item's `roles`).
    Role(String),
    /// Another party of the act (其他当事人), in a role nobody has yet.
    AddCoParty,
    /// Remove another party, by its place in the list.
    RemoveCoParty(usize),
    /// Another party's kind.
    CoPartyKind(usize, PartyKind),
    /// Another party's role.
    CoPartyRole(usize, String),
    /// Another party's name, as typed (empty: none), for the headings of its text and result.
    CoPartyName(usize, String),
    /// A circumstance of arts 32–33 of another party.
    CoPartyCircumstance(usize, &'static str, bool),
    /// A pack factor of another party, on or off.
    CoPartyFactor(usize, String, bool),
    /// A fact marked 无法查明 (true) or not.
    Unknown(String, bool),
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
    /// A circumstance of arts 32–33 by its name in [`crate::case::Circumstances::NAMES`].
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

impl Action {
    /// Pack text read from `file`, through [`accept_pack`]: loaded when it has no errors,
    /// refused with the validator's report when it has or does not parse.
    pub fn pack_text(file: &str, text: String) -> Action {
        match accept_pack(file, &text) {
            Ok((pack, report)) => Action::PackLoaded {
                source: Some(PackSource::accepted(file, text, &pack)),
                pack: Rc::new(pack),
                report: Rc::new(report),
            },
            Err(refused) => Action::PackRejected(Rc::new(refused.report)),
        }
    }

    /// Pack text read from `file` and the validator's answer on it, `answer` ([`Checked`] as
    /// JSON, from the on-demand module that carries the validator: the officer's page does not).
    /// Loaded only when that answer is this build's validator's, has no errors and is about this
    /// very text (its hash); refused with the validator's report otherwise, as by
    /// [`Action::pack_text`].
    pub fn pack_checked(file: &str, text: String, answer: &str) -> Action {
        let refuse = |message: &str| {
            Action::PackRejected(Rc::new(Report::rejected(
                file,
                Finding {
                    path: "$".to_string(),
                    message: message.to_string(),
                },
            )))
        };
        let Ok(checked) = serde_json::from_str::<Checked>(answer) else {
            return refuse("校验模块的答复无法读取，基准未载入。请重新加载页面后再试。");
        };
        if checked.validator != VALIDATOR_ID {
            return refuse("校验模块与本页面不是同一版本，基准未载入。请重新加载页面后再试。");
        }
        let report = checked.report;
        if !report.is_ok() {
            return Action::PackRejected(Rc::new(report));
        }
        let pack = match load_pack(file, &text) {
            Ok(pack) => pack,
            Err(e) => {
                return Action::PackRejected(Rc::new(Report::rejected(
                    file,
                    unreadable_finding(&e),
                )));
            }
        };
        if report.file != file || report.hash.as_deref() != Some(pack.hash.as_str()) {
            return refuse("校验结果与文件内容不符，基准未载入。请重新载入该文件。");
        }
        Action::PackLoaded {
            source: Some(PackSource::accepted(file, text, &pack)),
            pack: Rc::new(pack),
            report: Rc::new(report),
        }
    }

    /// A pack file that could not be read at all (`why`: the browser's or the network's
    /// reason), refused like an invalid one.
    pub fn pack_unreadable(file: &str, why: &str) -> Action {
        Action::PackRejected(Rc::new(Report::rejected(
            file,
            Finding {
                path: "$".to_string(),
                message: format!("无法读取文件：{why}"),
            },
        )))
    }

    /// A pack file that was read but could not be validated (`why`: the validator's module did
    /// not load): refused, as the engine never takes a pack the validator has not seen.
    pub fn pack_unchecked(file: &str, why: &str) -> Action {
        Action::PackRejected(Rc::new(Report::rejected(
            file,
            Finding {
                path: "$".to_string(),
                message: format!("无法校验文件，基准未载入：{why}"),
            },
        )))
    }
}

/// An action with the time it was done, in milliseconds since 1970 (the app stamps it with the
/// browser's clock), so that the reducer reads no clock and the recent cases know when each
/// was last changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamped {
    /// What the officer did.
    pub action: Action,
    /// When.
    pub at: f64,
}
