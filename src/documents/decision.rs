//! 行政处罚决定书 in the conventional order (practice-notes §C6): 文号, 当事人, 案由 and 立案,
//! 经查明, 证据, 告知 and 陈述申辩 / 听证, 违法认定, 裁量说理, 处罚依据 and 决定, 履行方式和期限
//! (art 67 ¶3, art 72 (一)(四) quoted), 救济途径 (a pack setting), 落款.

use super::builder::{Builder, Values, bare, date_or, per};
use super::inputs::{Statement, given};
use super::{Document, DocumentKind};
use crate::engine::result::{FlagStatus, Outcome};
use crate::statute::Provision;
use crate::wording::{cite, cite_list};

impl Builder<'_> {
    /// notice, statement, hearing.
    fn procedure(&self) -> Values {
        let i = self.inputs;
        let h = &self.r.flags.hearing;
        let hearing_told = h.status == FlagStatus::Required || i.hearing.is_some();
        let rights = if hearing_told {
            "陈述、申辩、要求听证"
        } else if h.status == FlagStatus::Possible {
            "陈述、申辩【、要求听证（如已告知）】"
        } else {
            "陈述、申辩"
        };
        let notice = format!(
            "本机关于{}向当事人送达了《行政处罚事先告知书》（{}），告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的{rights}的权利。",
            date_or(i.notice_date, "【告知日期】"),
            given(&i.notice_number).unwrap_or("【告知书文号】"),
        );
        let statement = match &i.statement {
            None => "【当事人陈述、申辩情况及复核、采纳情况】".to_string(),
            Some(Statement::NotMade) => "当事人在规定期限内未提出陈述、申辩意见。".to_string(),
            Some(Statement::Waived) => "当事人明确表示放弃陈述、申辩的权利。".to_string(),
            Some(Statement::Made {
                summary,
                adoption,
                reason,
            }) => {
                let reason = bare(reason);
                let reason = if reason.is_empty() {
                    "【复核意见】"
                } else {
                    reason
                };
                let summary = match bare(summary) {
                    "" => "【陈述、申辩的主要内容】",
                    given => given,
                };
                format!(
                    "当事人提出陈述、申辩意见：{summary}。本机关依据{}的规定进行了复核，认为：{reason}。对当事人的意见，本机关{}。",
                    cite(&Provision::Statement.cite()),
                    adoption.words()
                )
            }
        };
        let hearing = match (&i.hearing, h.status) {
            (Some(rec), _) if !rec.requested => "当事人在法定期限内未要求听证。".to_string(),
            (Some(rec), _) => {
                let outcome = rec
                    .outcome
                    .as_deref()
                    .map(bare)
                    .filter(|o| !o.is_empty())
                    .map(|o| format!("听证情况：{o}。"))
                    .unwrap_or_else(|| "【听证情况】".to_string());
                match rec.held_on {
                    Some(d) => format!(
                        "当事人要求听证，本机关于{}依法举行了听证。{outcome}",
                        d.chinese()
                    ),
                    None => {
                        format!("当事人要求听证，本机关于【听证日期】依法举行了听证。{outcome}")
                    }
                }
            }
            (None, FlagStatus::Required) => "【当事人是否要求听证及听证情况】".to_string(),
            (None, FlagStatus::Possible | FlagStatus::Unknown) => {
                "【如已告知听证权利，写明当事人是否要求听证及听证情况】".to_string()
            }
            (None, FlagStatus::NotRequired) => String::new(),
        };
        vec![
            ("notice", notice),
            ("statement", statement),
            ("hearing", hearing),
        ]
    }

    /// payment_time, payment, deferral, late.
    fn performance(&self) -> Values {
        let fined = matches!(self.r.outcome, Outcome::Fine | Outcome::Pending);
        if !fined {
            return vec![
                (
                    "payment_time",
                    format!(
                        "{}当事人应当于【履行期限】前履行本决定。",
                        per(Provision::Perform)
                    ),
                ),
                ("payment", String::new()),
                ("deferral", String::new()),
                ("late", String::new()),
            ];
        }
        let payment = self
            .settings
            .and_then(|s| given(&s.payment))
            .unwrap_or("【缴款方式：指定银行、账户或者电子支付系统】")
            .to_string();
        let late = format!(
            "当事人逾期不履行本决定的，本机关可以依据{}的规定，采取下列措施：{}；{}。",
            cite_list(&[
                Provision::LatePayment.cite(),
                Provision::CourtEnforcement.cite()
            ]),
            super::builder::clause(Provision::LatePayment),
            super::builder::clause(Provision::CourtEnforcement),
        );
        vec![
            ("payment_time", per(Provision::Payment)),
            ("payment", payment),
            ("deferral", per(Provision::Deferral)),
            ("late", late),
        ]
    }

    pub(super) fn decision(&self) -> Document {
        debug_assert_eq!(self.kind, DocumentKind::Decision);
        self.assemble(
            self.inputs.decision_number.as_ref(),
            self.case.dates.decided,
            self.party_block(),
            |spec| match spec.key {
                "decision.source" => Vec::new(),
                "decision.facts" => self.facts(),
                "decision.evidence" => self.evidence(),
                "decision.procedure" => self.procedure(),
                "decision.violation" => self.violation(),
                "decision.reasoning" => self.reasoning(),
                "decision.decision" => self.penalty(),
                "decision.performance" => self.performance(),
                "decision.remedy" => self.remedy(),
                _ => Vec::new(),
            },
        )
    }
}
