//! 裁量理由: the benchmark applied, the tier and why, each 从轻 / 减轻 / 从重 factor with its
//! article, how the pack's rule combined them, and the conclusion — all as the engine recorded
//! them on the result.

use super::builder::{Builder, Values, bare, circumstance, is_apl_mitigation};
use crate::engine::decision::{FineDecision, NoFineReason, PreconditionStatus};
use crate::engine::result::{FactorInfo, Level, Outcome, TierChoice};
use crate::num::Fraction;
use crate::pack::model::{AdjustScope, Conflict, TierOutcome};
use crate::wording::{basis_words, cite, describe, fraction_words, point_words, yuan};

impl Builder<'_> {
    fn tier_sentence(&self) -> String {
        let r = self.r;
        let Some(t) = &r.tier else {
            if !r.tier_options.is_empty() {
                let opts = r
                    .tier_options
                    .iter()
                    .map(|t| format!("{}（{}）", t.code, t.label))
                    .collect::<Vec<_>>()
                    .join("、");
                return format!("【裁量阶次待定，请从以下阶次中选择并写明理由：{opts}】");
            }
            return if !r.decisions.untiered || r.outcome == Outcome::CorrectionOnly {
                String::new()
            } else if r.statutory.is_some() {
                "本基准未对该违法行为划分裁量阶次，在法定幅度内裁量。".to_string()
            } else {
                "本基准未对该违法行为划分裁量阶次。".to_string()
            };
        };
        let mut s = format!(
            "当事人的违法行为属于该基准规定的“{}”阶次（{}：{}）。",
            t.label,
            t.code,
            bare(&t.description)
        );
        match (t.chosen, &t.condition) {
            (TierChoice::Automatic, Some(c)) => {
                let facts: Vec<String> = t
                    .facts
                    .iter()
                    .map(|f| self.fact_text(&f.id, &f.value))
                    .collect();
                let facts = if facts.is_empty() {
                    String::new()
                } else {
                    format!("本案{}，", facts.join("，"))
                };
                s.push_str(&format!("{facts}符合该阶次“{c}”的适用条件。"));
            }
            // The engine chose it for a circumstance, or by the row's rule for a fact that cannot
            // be established: the reason is known and stated, not left blank.
            (TierChoice::Override, _) if t.overrides.is_some() => {
                let o = t.overrides.as_deref().unwrap_or_default();
                s.push_str(&format!(
                    "本案当事人具有“{o}”的情形，依照该基准，不论其他适用条件，适用该阶次。"
                ));
            }
            (TierChoice::Unknown, _) if !r.decisions.unknown.is_empty() => {
                for u in &r.decisions.unknown {
                    s.push_str(&format!(
                        "本案{}无法查清，依照该基准“{}”的规定，适用该阶次。",
                        u.label,
                        bare(&u.description)
                    ));
                }
            }
            _ => s.push_str("认定理由：【请写明认定该阶次的具体理由】。"),
        }
        let row_source = basis_words(&t.basis);
        let row = row_source
            .as_ref()
            .map(|b| format!("（出处：{b}）"))
            .unwrap_or_default();
        let split = t
            .split
            .as_ref()
            .map(|split| {
                let src = basis_words(&split.basis)
                    .map(|b| format!("（出处：{b}）"))
                    .unwrap_or_default();
                format!("，系按本基准“{}”的阶次划分规则确定{src}", split.name)
            })
            .unwrap_or_default();
        match &r.benchmark {
            Some(b) => s.push_str(&format!("该阶次的基准幅度为{}{row}{split}。", describe(b))),
            None => {
                if let Some(b) = row_source {
                    s.push_str(&format!("该阶次出自{b}。"));
                }
            }
        }
        s
    }

    fn factor_sentence(&self, f: &FactorInfo) -> String {
        let statutory = f.citation.as_ref().is_some_and(is_apl_mitigation);
        let label = bare(&f.label);
        let who = if f.id == "art30" {
            format!("当事人系{label}")
        } else if statutory {
            format!("当事人{label}")
        } else {
            format!("当事人存在{}", circumstance(label))
        };
        let must = if f.mandatory { "应当" } else { "可以" };
        let dir = match f.direction {
            Level::Lighter => "从轻处罚",
            Level::Reduced => "减轻处罚",
            Level::Heavier => "从重处罚",
            Level::None => "调整处罚",
        };
        let effect = if statutory {
            format!("{must}从轻或者减轻行政处罚，本案予以{dir}")
        } else {
            format!("{must}{dir}")
        };
        match (&f.citation, &f.source) {
            (Some(c), _) => format!("{who}，依据{}的规定，{effect}。", cite(c)),
            (None, Some(s)) => format!("{who}，依据{s}，{effect}。"),
            (None, None) => format!("{who}，{effect}。"),
        }
    }

    fn adjustment_sentence(&self) -> String {
        let r = self.r;
        let a = &r.adjustment;
        if a.factors.is_empty() || r.benchmark.is_none() {
            return String::new();
        }
        let mut s = String::new();
        match a.conflict {
            Some(Conflict::Offset) => {
                s.push_str("从轻（减轻）与从重情节并存，依照本基准适用规则相互抵消一档。")
            }
            Some(Conflict::MitigationPrevails) => s.push_str(
                "从轻（减轻）与从重情节并存，依照本基准适用规则优先适用从轻（减轻）情节。",
            ),
            None => {}
        }
        if a.reduced_as_lighter {
            s.push_str("法定罚款未规定最低数额，减轻处罚无法在罚款数额上体现，按从轻处罚处理。");
        }
        let scope = match a.scope {
            AdjustScope::Tier => "基准幅度",
            AdjustScope::Statutory => "法定幅度",
        };
        let src = basis_words(&a.basis)
            .map(|b| format!("（适用规则出处：{b}）"))
            .unwrap_or_default();
        let part = |p: &[Fraction; 2]| {
            format!(
                "取{scope}{}至{}的部分",
                point_words(&p[0]),
                point_words(&p[1])
            )
        };
        let tail = match (a.level, &a.portion, &a.reduced_floor) {
            (Level::Lighter, Some(p), _) => {
                format!("综合上述情节，对当事人从轻处罚，{}{src}。", part(p))
            }
            (Level::Heavier, Some(p), _) => {
                format!("综合上述情节，对当事人从重处罚，{}{src}。", part(p))
            }
            // The row's own 减轻 list sets the bounds (the pack's floor rule does not apply).
            (Level::Reduced, _, Some(f)) if r.decisions.reduction.is_some() => {
                let code = r
                    .decisions
                    .reduction
                    .as_ref()
                    .map_or("", |x| x.code.as_str());
                match &r.recommended {
                    Some(rec) => format!(
                        "综合上述情节，依照本项减轻清单（{code}），对当事人减轻处罚，在{}的范围内确定罚款数额，低于法定最低罚款数额{}元。",
                        describe(rec),
                        yuan(f.statutory_min.0)
                    ),
                    None => format!(
                        "综合上述情节，依照本项减轻清单（{code}），对当事人减轻处罚，在低于法定最低罚款数额{}元的范围内确定罚款数额。",
                        yuan(f.statutory_min.0)
                    ),
                }
            }
            (Level::Reduced, _, Some(f)) => {
                let lower = if f.amount.0.is_zero() {
                    "高于零".to_string()
                } else {
                    format!(
                        "不低于法定最低数额的{}即{}元",
                        fraction_words(&f.fraction),
                        yuan(f.amount.0)
                    )
                };
                format!(
                    "综合上述情节，对当事人减轻处罚，在低于法定最低罚款数额{}元、{lower}的范围内确定罚款数额{src}。",
                    yuan(f.statutory_min.0)
                )
            }
            _ => "综合上述情节，不作从轻、从重调整，在基准幅度内确定罚款数额。".to_string(),
        };
        s.push_str(&tail);
        s
    }

    fn conclusion(&self) -> String {
        let r = self.r;
        match r.outcome {
            Outcome::Fine | Outcome::MayNotPenalise => {
                let Some(rec) = &r.recommended else {
                    return String::new();
                };
                let mut s = format!("经裁量，本案建议罚款幅度为{}。", describe(rec));
                if r.fine_discretionary {
                    s.push_str(
                        "处罚依据规定可以处罚款，本机关决定予以罚款的理由是：【请写明理由】。",
                    );
                }
                if let Some(i) = &r.decisions.intended {
                    if i.within_recommended == Some(true) {
                        s.push_str(&format!(
                            "本机关拟罚款{}元，在建议幅度以内。",
                            yuan(i.amount.0)
                        ));
                    } else {
                        s.push_str(&format!(
                            "本机关拟罚款{}元，【不在建议幅度以内，请说明理由】。",
                            yuan(i.amount.0)
                        ));
                    }
                }
                s
            }
            Outcome::NoFine => match (&r.decisions.fine, self.unmet_preconditions()) {
                (_, Some(labels)) => format!(
                    "依据{}的规定，罚款以{labels}为前提。本案当事人尚不具备上述情形，暂不予罚款，依法给予罚款以外的行政处罚。",
                    cite(&r.item.penalty_basis)
                ),
                (
                    FineDecision::None {
                        reason: NoFineReason::ZeroBase,
                        base,
                    },
                    None,
                ) => format!(
                    "本案{}为零，依照处罚依据计算的罚款数额为零，依法给予罚款以外的行政处罚。",
                    base.as_ref().map_or("罚款基数", |b| b.label.as_str())
                ),
                // The statute sets a fine; the benchmark's tier does not impose it.
                (FineDecision::Applied(_), None) => match &r.tier {
                    Some(t) if t.outcome == TierOutcome::NoFine => format!(
                        "依照该基准，“{}”阶次不予罚款，依法给予罚款以外的行政处罚。",
                        t.label
                    ),
                    _ => "依法给予罚款以外的行政处罚。".to_string(),
                },
                _ => "处罚依据未对当事人规定罚款，依法给予罚款以外的行政处罚。".to_string(),
            },
            Outcome::CorrectionOnly => self.correction_only_reason(),
            Outcome::Pending if r.pending.is_empty() => {
                "【罚款数额待定：请依照处罚依据和有关规定确定罚款数额】".to_string()
            }
            Outcome::Pending => format!("【待补充：{}】", bare(&r.pending.join("；"))),
            Outcome::NoPenalty | Outcome::TimeBarred | Outcome::Referred => String::new(),
        }
    }

    /// The preconditions the facts do not meet, as “逾期不改正”、“…”; None if all are met.
    fn unmet_preconditions(&self) -> Option<String> {
        let unmet: Vec<String> = self
            .r
            .decisions
            .preconditions
            .iter()
            .filter(|p| p.status == PreconditionStatus::Unmet)
            .map(|p| format!("“{}”", bare(&p.label)))
            .collect();
        (!unmet.is_empty()).then(|| unmet.join("、"))
    }

    fn correction_only_reason(&self) -> String {
        let r = self.r;
        if let Some(labels) = self.unmet_preconditions() {
            return format!(
                "依据{}的规定，罚款以{labels}为前提。本案当事人尚不具备上述情形，依法责令改正，暂不予罚款。",
                cite(&r.item.penalty_basis)
            );
        }
        if let Some(t) = r
            .tier
            .as_ref()
            .filter(|t| t.outcome == TierOutcome::CorrectionOnly)
        {
            return format!("依照该基准，“{}”阶次责令改正，不予罚款。", t.label);
        }
        if let FineDecision::None {
            reason: NoFineReason::ZeroBase,
            base,
        } = &r.decisions.fine
        {
            return format!(
                "本案{}为零，依照处罚依据计算的罚款数额为零，依法责令改正，不予罚款。",
                base.as_ref().map_or("罚款基数", |b| b.label.as_str())
            );
        }
        "依法责令改正，不予罚款。".to_string()
    }

    pub(super) fn reasoning(&self) -> Values {
        let r = self.r;
        // 不作重复评价: what the tier already counts, said once (the engine recorded it).
        let counted = match (&r.tier, r.decisions.not_counted_again.is_empty()) {
            (Some(t), false) => format!(
                "{}已作为“{}”阶次的适用情形，不再作为从轻、从重情节重复评价。",
                r.decisions
                    .not_counted_again
                    .iter()
                    .map(|f| format!("“{}”", bare(f)))
                    .collect::<Vec<_>>()
                    .join("、"),
                t.label
            ),
            _ => String::new(),
        };
        let factors = if r.outcome == Outcome::CorrectionOnly {
            String::new()
        } else if r.adjustment.factors.is_empty() && counted.is_empty() {
            "本案未发现依法应当或者可以从轻、减轻、从重处罚的情节。".to_string()
        } else {
            r.adjustment
                .factors
                .iter()
                .map(|f| self.factor_sentence(f))
                .chain([counted])
                .collect::<String>()
        };
        vec![
            ("benchmark", self.benchmark()),
            ("tier", self.tier_sentence()),
            ("factors", factors),
            ("adjustment", self.adjustment_sentence()),
            ("conclusion", self.conclusion()),
            (
                "recommended",
                r.recommended
                    .as_ref()
                    .map(describe)
                    .unwrap_or_else(|| "【待定】".to_string()),
            ),
            ("notes", self.notes()),
        ]
    }
}
