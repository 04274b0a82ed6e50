//! 行政处罚事先告知书 (行政处罚法 art 44): the facts, the violation, the 裁量说理, the proposed
//! penalty and its basis, and the rights to 陈述、申辩 (art 45) and, where the hearing flag says
//! so, to a hearing (arts 63, 64) — the five days of art 64 (一) quoted, the 陈述申辩 period a
//! pack setting.

use super::builder::{Builder, Values, bare, clause, period_words};
use super::{Block, Document, Role};
use crate::engine::result::FlagStatus;
use crate::statute::Provision;
use crate::text::hearing_grounds;
use crate::wording::cite;

impl Builder<'_> {
    /// statement, hearing.
    fn rights(&self) -> Values {
        let (period, source) = period_words(self.settings);
        let statement = format!(
            "依据{}的规定，本机关将拟作出的行政处罚内容及事实、理由、依据告知如上。依据{}的规定，{}，可以自收到本告知书之日起{period}内向本机关提出陈述、申辩意见{source}。依据{}的规定，{}。",
            cite(&Provision::PriorNotice.cite()),
            cite(&Provision::Statement.cite()),
            first_sentence(Provision::Statement),
            cite(&Provision::NoHeavierPenalty.cite()),
            clause(Provision::NoHeavierPenalty),
        );
        vec![("statement", statement), ("hearing", self.hearing_notice())]
    }

    /// The hearing notice, from the hearing flag and its recorded grounds.
    fn hearing_notice(&self) -> String {
        let h = &self.r.flags.hearing;
        let grounds = hearing_grounds(self.r);
        let art63 = cite(&Provision::Hearing.cite());
        let art64 = cite(&Provision::HearingRequest.cite());
        let within = clause(Provision::HearingRequest);
        let reason = bare(&h.reason);
        match h.status {
            FlagStatus::Required => {
                let what = grounds.required_words(reason);
                format!(
                    "本机关拟作出的行政处罚{what}。依据{art63}的规定，当事人有要求听证的权利。依据{art64}的规定，{within}。"
                )
            }
            FlagStatus::Possible => {
                let what = grounds.possible_words(reason);
                format!(
                    "【如{what}，应当依据{art63}的规定告知当事人有要求听证的权利；依据{art64}的规定，{within}。】"
                )
            }
            FlagStatus::Unknown => format!(
                "【{reason}；属于{art63}规定情形的，应当告知当事人有要求听证的权利；依据{art64}的规定，{within}。】"
            ),
            FlagStatus::NotRequired => String::new(),
        }
    }

    pub(super) fn notice(&self) -> Document {
        let lead = vec![Block {
            role: Role::Addressee,
            text: format!("{}：", self.party),
        }];
        let contact = self
            .settings
            .and_then(|s| s.contact.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .unwrap_or("【本机关地址、联系人和联系电话】")
            .to_string();
        self.assemble(
            self.inputs.notice_number.as_ref(),
            self.inputs.notice_date,
            lead,
            |spec| match spec.key {
                "notice.facts" => {
                    let mut v = self.facts();
                    v.extend(self.evidence());
                    v
                }
                "notice.violation" => self.violation(),
                "notice.reasoning" => self.reasoning(),
                "notice.penalty" => self.penalty(),
                "notice.rights" => self.rights(),
                "notice.contact" => vec![("contact", contact.clone())],
                _ => Vec::new(),
            },
        )
    }
}

/// The first sentence of a provision, without its full stop.
fn first_sentence(p: Provision) -> String {
    let c = p.cite();
    let q = c.quote.as_deref().unwrap_or_default();
    bare(q.split('。').next().unwrap_or_default()).to_string()
}
