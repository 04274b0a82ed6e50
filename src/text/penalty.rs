//! 处罚依据: the penalty provision (and the fine rule's own provision, and that of the personal
//! fines) quoted, the statutory range as the engine computed it, and art 29 where one act
//! violates several provisions.

use super::builder::{Builder, Values, bare};
use crate::engine::decision::{FineDecision, NoFineReason};
use crate::pack::model::{Citation, FineForm};
use crate::statute::Provision;
use crate::wording::{cite, cite_list, describe, quoted};

impl Builder<'_> {
    /// The sentence on the statutory range: the rule applied, the base entered, the range; or
    /// why the provision gives no fine or no amount.
    fn statutory_sentence(&self) -> String {
        let kind = self.case.party.label();
        match (&self.r.decisions.fine, self.r.statutory.as_ref()) {
            (FineDecision::Applied(a), Some(st)) => {
                let may = if a.rule.mandatory { "处" } else { "可以处" };
                let range = describe(st);
                match &a.base {
                    Some(b) => {
                        let value = self
                            .case
                            .fact(&b.id)
                            .map(|v| self.fact_text(&b.id, &v))
                            .unwrap_or_default();
                        format!(
                            "依照上述规定，对{kind}{may}{}的罚款。本案{value}，法定罚款幅度为{range}。",
                            a.words
                        )
                    }
                    None => format!("依照上述规定，对{kind}{may}{range}的罚款。"),
                }
            }
            (FineDecision::Applied(a), None) => {
                let may = if a.rule.mandatory { "处" } else { "可以处" };
                match (&a.rule.form, &a.base) {
                    (FineForm::Unspecified { note }, _) => {
                        format!("上述规定未规定罚款数额：{}。", bare(note))
                    }
                    (_, Some(b)) if b.value.is_none() => format!(
                        "依照上述规定，对{kind}{may}{}的罚款；【待查明{}后计算法定罚款幅度】。",
                        a.words, b.label
                    ),
                    _ => String::new(),
                }
            }
            (FineDecision::None { reason, base }, _) => match reason {
                NoFineReason::NoFine => "上述规定未规定罚款。".to_string(),
                NoFineReason::NotForParty => format!("上述规定未对{kind}规定罚款。"),
                NoFineReason::BranchesExcluded => String::new(),
                NoFineReason::ZeroBase => format!(
                    "本案{}为零，依照上述规定计算的罚款数额为零，依法不予罚款。",
                    base.as_ref().map_or("罚款基数", |b| b.label.as_str())
                ),
            },
            (FineDecision::NotReached | FineDecision::BranchPending { .. }, Some(st)) => {
                format!("依照上述规定，本案法定罚款幅度为{}。", describe(st))
            }
            (FineDecision::NotReached | FineDecision::BranchPending { .. }, None) => String::new(),
        }
    }

    /// Art 29: one fine, under the provision with the higher fine.
    fn one_fine(&self) -> String {
        let r = self.r;
        if r.other_items.is_empty() {
            return String::new();
        }
        let pb = &r.item.penalty_basis;
        let others = cite_list(r.other_items.iter().map(|i| &i.penalty_basis));
        let art29 = cite(&Provision::OneFine.cite());
        let missing: Vec<&str> = r
            .decisions
            .provision
            .iter()
            .flat_map(|c| &c.compared)
            .flat_map(|m| &m.missing)
            .map(|f| f.label.as_str())
            .collect();
        if missing.is_empty() {
            format!(
                "当事人的同一违法行为违反多个法律规范，依据{art29}的规定，按照罚款数额高的{}处罚，不再依据{others}另行给予罚款。",
                cite(pb)
            )
        } else {
            format!(
                "当事人的同一违法行为违反多个法律规范，依据{art29}的规定，应当按照罚款数额高的规定处罚【待查明{}后比较{}与{others}规定的罚款数额】。",
                missing.join("、"),
                cite(pb)
            )
        }
    }

    pub(super) fn penalty(&self) -> Values {
        let pb = &self.r.item.penalty_basis;
        let mut cites: Vec<&Citation> = vec![pb];
        if let FineDecision::Applied(a) = &self.r.decisions.fine {
            if a.own_provision {
                cites.push(&a.citation);
            }
        }
        if let Some(pf) = &self.r.personal_fine {
            cites.push(&pf.citation);
        }
        let mut quotes: Vec<String> = Vec::new();
        for c in &cites {
            let q = quoted(c);
            if !quotes.contains(&q) {
                quotes.push(q);
            }
        }
        vec![
            ("penalty_basis", cite_list(cites.iter().copied())),
            ("penalty_quotes", quotes.join("\n")),
            ("statutory", self.statutory_sentence()),
            ("one_fine", self.one_fine()),
        ]
    }
}
