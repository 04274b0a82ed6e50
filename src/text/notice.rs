//! 告知: the rights to 陈述、申辩 (行政处罚法 arts 44, 45) and, where the hearing flag says so,
//! to a hearing (arts 63, 64) — with what makes the notice due, as the engine recorded it.

use super::builder::{Builder, Values, apl, bare};
use crate::engine::decision::{FlagGround, ThresholdUsed};
use crate::engine::result::{EvalResult, FlagStatus};
use crate::wording::{basis_words, cite, cite_list, threshold_words};

/// What makes a hearing notice due, from the hearing flag's recorded grounds: the grounds that
/// are certain, those that apply only if the officer decides so, and the pack's 较大数额
/// standard in words when a ground uses it ("" otherwise). The 说理 draft's 告知 and the
/// officer's documents word the hearing notice from this.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HearingGrounds {
    /// Certain grounds, e.g. "较大数额罚款", "降低资质等级".
    pub certain: Vec<String>,
    /// Grounds that apply only if the officer so decides, e.g. "决定的罚款数额达到较大数额".
    pub possible: Vec<String>,
    /// "（本基准规定的较大数额标准为……）" or "".
    pub standard: String,
}

impl HearingGrounds {
    /// Why a required hearing notice is due: "包括…（标准）", or the flag's reason when no
    /// ground is certain.
    pub fn required_words(&self, reason: &str) -> String {
        if self.certain.is_empty() {
            format!("属于应当告知听证权利的情形（{reason}）")
        } else {
            format!("包括{}{}", self.certain.join("、"), self.standard)
        }
    }

    /// When a possible hearing notice becomes due: the grounds the officer may decide, or the
    /// flag's reason when none is recorded.
    pub fn possible_words(&self, reason: &str) -> String {
        if self.possible.is_empty() {
            format!("{reason}的")
        } else {
            format!("{}{}", self.possible.join("，或者"), self.standard)
        }
    }
}

/// The hearing grounds of a result, as the engine recorded them on its hearing flag.
pub fn hearing_grounds(r: &EvalResult) -> HearingGrounds {
    let mut certain = Vec::new();
    let mut possible = Vec::new();
    let mut standard: Option<&ThresholdUsed> = None;
    for g in &r.flags.hearing.grounds {
        match g {
            FlagGround::HeavyPenalty {
                penalty,
                certain: c,
                ..
            } => {
                if *c {
                    certain.push(penalty.label().to_string());
                } else {
                    possible.push(format!("决定给予{}等处罚", penalty.label()));
                }
            }
            FlagGround::LargeFine {
                threshold,
                certain: c,
            } => {
                if *c {
                    certain.push("较大数额罚款".to_string());
                } else {
                    possible.push("决定的罚款数额达到较大数额".to_string());
                }
                standard = Some(threshold);
            }
            FlagGround::LargeConfiscation { threshold, .. } => {
                certain.push("没收较大数额违法所得".to_string());
                standard = Some(threshold);
            }
            FlagGround::Reduced | FlagGround::WithHearing { .. } | FlagGround::NoThreshold => {}
        }
    }
    let standard = standard
        .map(|t| {
            let who = if t.organization {
                "对法人或者其他组织"
            } else {
                "对公民"
            };
            let src = basis_words(&t.basis)
                .map(|b| format!("，出处：{b}"))
                .unwrap_or_default();
            format!(
                "（本基准规定的较大数额标准为{who}罚款{}{src}）",
                threshold_words(&t.threshold)
            )
        })
        .unwrap_or_default();
    HearingGrounds {
        certain,
        possible,
        standard,
    }
}

impl Builder<'_> {
    pub(super) fn notice(&self) -> Values {
        let rights = format!(
            "根据{}的规定，本机关告知当事人拟作出的行政处罚内容及事实、理由、依据。当事人享有陈述、申辩的权利，可以自收到本告知书之日起【期限】日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。本机关将充分听取当事人的意见，对当事人提出的事实、理由和证据进行复核；当事人提出的事实、理由或者证据成立的，本机关将予以采纳，不因当事人陈述、申辩而给予更重的处罚。",
            cite_list([&apl(44, None, None), &apl(45, None, None)])
        );
        let h = &self.r.flags.hearing;
        let grounds = hearing_grounds(self.r);
        let c63 = cite(&apl(63, Some(1), None));
        let c64 = cite(&apl(64, None, Some(1)));
        let basis = cite_list([&apl(63, Some(1), None), &apl(64, None, Some(1))]);
        let reason = bare(&h.reason);
        let hearing = match h.status {
            FlagStatus::Required => {
                let what = grounds.required_words(reason);
                format!(
                    "本机关拟作出的行政处罚{what}。根据{basis}的规定，当事人有要求听证的权利；当事人要求听证的，应当在本机关告知后五日内提出，逾期未提出的，视为放弃听证权利。"
                )
            }
            FlagStatus::Possible => {
                let what = grounds.possible_words(reason);
                format!(
                    "【如{what}，应当依照{c63}的规定告知当事人有要求听证的权利；当事人要求听证的，应当在告知后五日内提出（{c64}）。】"
                )
            }
            FlagStatus::Unknown => {
                format!("【{reason}；属于{c63}规定情形的，应当告知当事人有要求听证的权利。】")
            }
            FlagStatus::NotRequired => String::new(),
        };
        vec![("rights", rights), ("hearing", hearing)]
    }
}
