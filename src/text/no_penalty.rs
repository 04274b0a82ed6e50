//! 不予处罚理由 and 处理决定 where no penalty is given: the time bar (art 36), the mandatory or
//! discretionary ground of the gate, or a benchmark tier of 不予处罚 — whichever the engine
//! recorded as deciding the outcome — then the decision, the orders and the 教育 of art 33 ¶3.

use super::builder::{Builder, Values, bare, describe_words, quote_text};
use crate::engine::decision::{Ground, GroundKind, LimitationCheck, PeriodStart};
use crate::engine::result::{FlagStatus, Outcome, PenaltyOut, Step};
use crate::statute::Provision;
use crate::wording::{basis_words, chinese_number, cite, cite_list, describe};

/// Why no penalty is given, as the result records it.
pub(super) enum Why<'a> {
    TimeBarred(&'a LimitationCheck),
    Gate(&'a Ground),
    Tier,
    Unknown,
}

/// The part of art 36 ¶1 that applies: the two-year rule, or with the five-year extension.
fn limitation_rule(l: &LimitationCheck) -> String {
    let art36 = l
        .citations
        .first()
        .cloned()
        .unwrap_or_else(|| Provision::Limitation.cite());
    let q = quote_text(&art36);
    let sep = if l.grave_harm { '。' } else { '；' };
    q.split(sep).next().unwrap_or_default().to_string()
}

impl Builder<'_> {
    /// The grounds of the outcome, from the step that decided it.
    pub(super) fn grounds(&self) -> Vec<Why<'_>> {
        let d = &self.r.decisions;
        if self.r.outcome == Outcome::TimeBarred {
            return vec![Why::TimeBarred(&d.limitation)];
        }
        if let Some(g) = &d.gate.mandatory {
            return vec![Why::Gate(g)];
        }
        match d.decided_by.as_ref().map(|s| s.step) {
            Some(Step::Tier) => vec![Why::Tier],
            _ if !d.gate.discretionary.is_empty() => {
                d.gate.discretionary.iter().map(Why::Gate).collect()
            }
            _ => vec![Why::Unknown],
        }
    }

    fn time_barred_sentence(&self, l: &LimitationCheck) -> String {
        let n = chinese_number(u64::from(l.years));
        let limitation = cite(&Provision::Limitation.cite());
        let grave = if l.grave_harm {
            "当事人的违法行为涉及公民生命健康安全、金融安全且有危害后果，追责期限为五年。"
        } else {
            ""
        };
        let rule = limitation_rule(l);
        let (Some(start), Some(found)) = (l.start, l.discovered) else {
            return format!(
                "{grave}当事人的违法行为在{n}年内未被发现【请写明违法行为发生（终了）日期和发现日期】。依据{limitation}“{rule}”的规定，对当事人不再给予行政处罚。"
            );
        };
        let ended = l.start_kind == Some(PeriodStart::Ended);
        let (act, from) = if ended {
            (
                format!("违法行为有连续或者继续状态，于{}终了", start.chinese()),
                "行为终了之日",
            )
        } else {
            (
                format!("违法行为发生于{}", start.chinese()),
                "违法行为发生之日",
            )
        };
        let end = l
            .end
            .map(|e| format!("（至{}届满）", e.chinese()))
            .unwrap_or_default();
        let counted = if ended {
            format!(
                "依据{}的规定，该期限从行为终了之日起计算。",
                cite(&Provision::LimitationStart.cite())
            )
        } else {
            String::new()
        };
        format!(
            "{grave}当事人的{act}，本机关于{}发现，已超过自{from}起{n}年的期限{end}。{counted}依据{limitation}“{rule}”的规定，对当事人不再给予行政处罚。",
            found.chinese()
        )
    }

    fn ground_sentence(&self, g: &Ground) -> String {
        let c = g.citations.first().map(cite).unwrap_or_default();
        let quote = g.citations.first().map(quote_text).unwrap_or_default();
        match g.kind {
            GroundKind::Under14 => format!(
                "当事人实施违法行为时不满十四周岁{}，依据{c}的规定，不予行政处罚，责令监护人加以管教。",
                self.case
                    .age
                    .map(|a| format!("（{}周岁）", chinese_number(u64::from(a))))
                    .unwrap_or_default()
            ),
            GroundKind::Incapacity => format!(
                "当事人在不能辨认或者不能控制自己行为时实施违法行为，依据{c}的规定，不予行政处罚，但应当责令其监护人严加看管和治疗。"
            ),
            GroundKind::MinorCorrected => format!(
                "当事人的违法行为轻微，并已及时改正，没有造成危害后果，符合{c}“{quote}”的规定。"
            ),
            GroundKind::NoFault => format!(
                "当事人有证据足以证明没有主观过错，依据{c}“{quote}”的规定，不予行政处罚。【请核对处罚依据所在的法律、行政法规对主观过错有无另外规定】"
            ),
            GroundKind::FirstOffence => {
                format!("当事人系初次违法，危害后果轻微并已及时改正，符合{c}“{quote}”的规定。")
            }
            GroundKind::Exemption => {
                let (code, description, basis) = match &g.exemption {
                    Some(e) => (
                        e.code.as_str(),
                        e.description.as_str(),
                        basis_words(&e.basis),
                    ),
                    None => ("", "", None),
                };
                let basis = basis.unwrap_or_else(|| "本基准".to_string());
                let may = if g.mandatory { "" } else { "可以" };
                format!(
                    "当事人的违法行为符合{basis}规定的{may}不予行政处罚情形（{code}：{}）。",
                    bare(description)
                )
            }
        }
    }

    fn why_sentence(&self, w: &Why<'_>) -> String {
        match w {
            Why::TimeBarred(l) => self.time_barred_sentence(l),
            Why::Gate(g) => self.ground_sentence(g),
            Why::Tier => {
                let Some(t) = &self.r.tier else {
                    return String::new();
                };
                let src = basis_words(&t.basis)
                    .map(|b| format!("（出处：{b}）"))
                    .unwrap_or_default();
                format!(
                    "当事人的违法行为属于{}规定的“{}”阶次（{}：{}），依照该基准不予行政处罚{src}。",
                    self.benchmark(),
                    t.label,
                    t.code,
                    bare(&t.description)
                )
            }
            Why::Unknown => "【请写明不予行政处罚的事实、理由和依据】".to_string(),
        }
    }

    pub(super) fn no_penalty_reasoning(&self, grounds: &[Why<'_>]) -> Values {
        let mut s: String = grounds.iter().map(|g| self.why_sentence(g)).collect();
        let gate =
            |f: fn(&Ground) -> bool| grounds.iter().any(|w| matches!(w, Why::Gate(g) if f(g)));
        if gate(|g| !g.mandatory) {
            match self.r.outcome {
                Outcome::MayNotPenalise => s.push_str(
                    "依照上述规定，可以不予行政处罚。本机关综合考虑【请写明裁量理由，如违法行为的情节、危害后果、改正情况】，拟不予行政处罚。",
                ),
                _ => s.push_str(
                    "依照上述规定，可以不予行政处罚。本机关综合考虑【请写明裁量理由，如违法行为的情节、危害后果、改正情况】，决定不予行政处罚。",
                ),
            }
        } else if gate(|g| matches!(g.kind, GroundKind::Exemption | GroundKind::MinorCorrected)) {
            s.push_str("依法不予行政处罚。");
        }
        vec![("grounds", s), ("notes", self.notes())]
    }

    pub(super) fn no_penalty_decision(&self) -> Values {
        let r = self.r;
        let party = &self.party;
        let decision = match r.outcome {
            Outcome::TimeBarred => format!("决定对当事人{party}不再给予行政处罚"),
            Outcome::MayNotPenalise => format!("拟对当事人{party}不予行政处罚"),
            _ => format!("决定对当事人{party}不予行政处罚"),
        };
        let orders: Vec<&PenaltyOut> = r.penalties.iter().filter(|p| p.kind.is_order()).collect();
        let orders_text = if orders.is_empty() {
            String::new()
        } else {
            format!(
                "同时，依据{}的规定，{}。",
                cite_list(orders.iter().map(|p| &p.citation)),
                orders
                    .iter()
                    .map(|p| bare(&p.text).to_string())
                    .collect::<Vec<_>>()
                    .join("；")
            )
        };
        let edu = &r.flags.education;
        let edu_cite = cite(&Provision::Education.cite());
        let education = match edu.status {
            FlagStatus::Required => {
                format!("依据{edu_cite}的规定，本机关对当事人进行教育：【教育的方式和内容】。")
            }
            FlagStatus::Possible | FlagStatus::Unknown => format!(
                "不予行政处罚的，依据{edu_cite}的规定，应当对当事人进行教育：【教育的方式和内容】。"
            ),
            FlagStatus::NotRequired => String::new(),
        };
        let alternative = match (r.outcome, &r.recommended) {
            (Outcome::MayNotPenalise, Some(rec)) => format!(
                "【如经裁量决定仍予处罚，应当说明不适用上述规定的理由，并依照处罚依据出具处罚文书；本案建议罚款幅度为{}，即{}。】",
                describe(rec),
                describe_words(rec)
            ),
            (Outcome::MayNotPenalise, None) => {
                "【如经裁量决定仍予处罚，应当说明不适用上述规定的理由，并依照处罚依据出具处罚文书。】".to_string()
            }
            _ => String::new(),
        };
        let basis = if r.decisions.basis.is_empty() {
            "【依据】".to_string()
        } else {
            cite_list(r.decisions.basis.iter())
        };
        vec![
            ("basis", basis),
            ("decision", decision),
            ("orders", orders_text),
            ("education", education),
            ("alternative", alternative),
        ]
    }
}
