//! 处罚决定 (or 处理决定 for 责令改正 only): the decision item by item — the orders, the fine in
//! figures and 大写, the other penalties, 没收违法所得 and the personal fines — on the basis the
//! engine recorded.

use rust_decimal::Decimal;

use super::builder::{Builder, Values, bare, describe_words, numbered, words_or_blank};
use crate::engine::result::{Outcome, PenaltyOut};
use crate::pack::model::PenaltyKind;
use crate::wording::{cite_list, describe, yuan};

impl Builder<'_> {
    /// The fine decided: the intended amount, or the single amount of the range.
    pub(super) fn fine_amount(&self) -> Option<Decimal> {
        if let Some(f) = self.case.intended_fine {
            return Some(f.0);
        }
        let rec = self.r.recommended.as_ref()?;
        (rec.min == rec.max && rec.min_inclusive && rec.max_inclusive).then_some(rec.min.0)
    }

    fn penalty_line(p: &PenaltyOut) -> String {
        let by = p
            .decided_by
            .as_ref()
            .map(|b| format!("（由{}决定）", bare(b)))
            .unwrap_or_default();
        let text = format!("{}{by}", bare(&p.text));
        if p.kind == PenaltyKind::ConfiscateIllegalGains {
            return match p.amount {
                Some(g) => format!(
                    "没收违法所得人民币{}元（大写：{}）",
                    yuan(g.0),
                    words_or_blank(g.0)
                ),
                None => "没收违法所得【违法所得数额】元".to_string(),
            };
        }
        if p.conditional {
            format!("【视情节决定：{text}】")
        } else if !p.mandatory && text.starts_with("可以") {
            format!("【{text}】")
        } else if !p.mandatory {
            format!("【可以给予：{text}】")
        } else {
            text
        }
    }

    pub(super) fn decision(&self) -> Values {
        let r = self.r;
        let mut lines: Vec<String> = Vec::new();
        for p in r.penalties.iter().filter(|p| p.kind.is_order()) {
            lines.push(Self::penalty_line(p));
        }
        let fined = matches!(r.outcome, Outcome::Fine | Outcome::Pending);
        let (amount, amount_words) = match (self.fine_amount(), &r.recommended) {
            (Some(a), _) => (yuan(a), words_or_blank(a)),
            (None, Some(rec)) => ("【具体金额】".to_string(), describe_words(rec)),
            (None, None) => ("【具体金额】".to_string(), "【大写金额】".to_string()),
        };
        if fined {
            let line = match (self.fine_amount(), &r.recommended) {
                (Some(a), _) => format!("罚款人民币{}元（大写：{}）", yuan(a), words_or_blank(a)),
                (None, Some(rec)) => format!(
                    "罚款人民币【具体金额】元（建议幅度为{}，即{}）",
                    describe(rec),
                    describe_words(rec)
                ),
                (None, None) => "罚款人民币【具体金额】元（罚款幅度待定）".to_string(),
            };
            lines.push(line);
        }
        for p in r.penalties.iter().filter(|p| !p.kind.is_order()) {
            lines.push(Self::penalty_line(p));
        }
        if let Some(pf) = &r.personal_fine {
            lines.push(format!(
                "对单位直接负责的主管人员和其他直接责任人员【姓名】各处罚款人民币【具体金额】元（单位罚款数额{}%以上{}%以下，即每人{}）",
                pf.min_percent,
                pf.max_percent,
                describe(&pf.range)
            ));
        }
        if lines.is_empty() {
            lines.push("【处理内容】".to_string());
        }
        vec![
            ("basis", cite_list(r.decisions.basis.iter())),
            ("items", numbered(&lines)),
            ("amount", amount),
            ("amount_words", amount_words),
        ]
    }
}
