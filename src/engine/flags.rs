//! Procedural flags: 简易程序 (art 51), 听证告知 (art 63 with the pack's 较大数额), 法制审核
//! (art 58 and the pack's list), 集体讨论 (art 57 ¶2 and the pack's list), 教育 (art 33 ¶3).
//! Each flag records what makes it apply (its grounds, with the threshold used), so that the
//! text and the app never test a threshold again.

use rust_decimal::Decimal;

use super::Ctx;
use super::decision::{FineDecision, FlagGround, ThresholdUsed};
use super::error::EngineError;
use super::range::Span;
use super::result::{Flag, FlagStatus, Flags, Level, Outcome, Step};
use crate::pack::model::{Basis, Citation, PenaltyKind, ReviewRule, Threshold, Thresholds};
use crate::statute::Provision;
use crate::wording::{threshold_words, yuan};

fn flag(status: FlagStatus, reason: impl Into<String>, citations: Vec<Citation>) -> Flag {
    Flag {
        status,
        reason: reason.into(),
        citations,
        grounds: Vec::new(),
        only_if_penalised: false,
    }
}

/// Whether an amount reaches a threshold (含本数 or not).
pub fn reaches(x: Decimal, t: &Threshold) -> bool {
    if t.inclusive {
        x >= t.amount.0
    } else {
        x > t.amount.0
    }
}

/// How an amount range stands against a threshold: the whole range reaches it (required),
/// only its upper part (possible), or none of it.
fn against(r: &Span, t: &Threshold) -> FlagStatus {
    if reaches(r.min, t) {
        FlagStatus::Required
    } else if reaches(r.max, t) {
        FlagStatus::Possible
    } else {
        FlagStatus::NotRequired
    }
}

fn rank(s: FlagStatus) -> u8 {
    match s {
        FlagStatus::NotRequired => 0,
        FlagStatus::Unknown => 1,
        FlagStatus::Possible => 2,
        FlagStatus::Required => 3,
    }
}

fn raise(status: &mut FlagStatus, s: FlagStatus) {
    if rank(s) > rank(*status) {
        *status = s;
    }
}

fn basis_cites(b: &Basis) -> Vec<Citation> {
    b.citation.iter().cloned().collect()
}

fn source_words(b: &Basis) -> String {
    b.source
        .as_ref()
        .map(|s| format!("（{}）", s.title))
        .unwrap_or_default()
}

/// The threshold for this party.
fn threshold(t: &Thresholds, organization: bool) -> Option<&Threshold> {
    if organization {
        t.organization.as_ref()
    } else {
        t.citizen.as_ref()
    }
}

fn used(t: &Threshold, organization: bool, basis: &Basis) -> ThresholdUsed {
    ThresholdUsed {
        threshold: *t,
        organization,
        basis: basis.clone(),
    }
}

/// While a 可以不予处罚 ground is open, a flag that follows from the penalty holds only if the
/// officer decides to penalise: required becomes possible, and the reason says so.
fn if_penalised(mut f: Flag, open: bool) -> Flag {
    if open && f.status != FlagStatus::NotRequired {
        if f.status == FlagStatus::Required {
            f.status = FlagStatus::Possible;
        }
        f.only_if_penalised = true;
        f.reason = format!("如决定给予行政处罚：{}", f.reason);
    }
    f
}

/// Computes the flags; records the step.
pub(crate) fn flags(cx: &mut Ctx<'_>, outcome: Outcome) -> Result<Flags, EngineError> {
    let rules = &cx.lp.pack.rules;
    let org = cx.case.party.is_organization();
    let penalised = matches!(
        outcome,
        Outcome::Fine | Outcome::NoFine | Outcome::Pending | Outcome::MayNotPenalise
    );
    let open = outcome == Outcome::MayNotPenalise;
    let amount: Option<Span> = match cx.case.intended_fine {
        Some(f) => Some(Span::closed(f.0, f.0)),
        None => cx.recommended.or(cx.statutory),
    };
    if let (Some(f), Some(st)) = (cx.case.intended_fine, cx.statutory) {
        let p = Span::closed(f.0, f.0);
        if !p.inside(&st) && cx.adjustment.level != Level::Reduced {
            cx.warnings
                .push(format!("拟罚款{}元不在法定幅度内", yuan(f.0)));
        }
    }
    // A fine is in view only where a statutory rule applies (or a branch that sets one is still
    // open): not before a precondition is met, nor where the provision sets none, nor where the
    // tier imposes no fine (警告, 没收 … only).
    let fined = penalised
        && outcome != Outcome::NoFine
        && matches!(
            cx.fine,
            FineDecision::Applied(_) | FineDecision::BranchPending { .. }
        );
    let heavy: Vec<FlagGround> = cx
        .penalties
        .iter()
        .filter(|p| p.kind.needs_hearing())
        .map(|p| FlagGround::HeavyPenalty {
            penalty: p.kind,
            text: p.text.clone(),
            certain: p.mandatory && !p.conditional,
        })
        .collect();
    let not_penalised = || flag(FlagStatus::NotRequired, "不予行政处罚", Vec::new());

    // 简易程序.
    let simple = if !penalised {
        not_penalised()
    } else {
        let limit = Decimal::from(if org { 3000 } else { 200 });
        let other = cx
            .penalties
            .iter()
            .any(|p| !p.kind.is_order() && p.kind != PenaltyKind::Warning && !p.conditional);
        let cite = vec![Provision::SimpleProcedure.cite()];
        let who = if org {
            "法人或者其他组织"
        } else {
            "公民"
        };
        if other {
            flag(
                FlagStatus::NotRequired,
                "拟给予罚款、警告以外的行政处罚，不适用简易程序",
                cite,
            )
        } else if !fined {
            flag(
                FlagStatus::Required,
                "仅给予警告的，可以当场作出行政处罚决定",
                cite,
            )
        } else {
            match amount {
                Some(r) if r.max <= limit => flag(
                    FlagStatus::Required,
                    format!(
                        "对{who}罚款在{}元以下，可以当场作出行政处罚决定",
                        yuan(limit)
                    ),
                    cite,
                ),
                Some(r) if r.min <= limit => flag(
                    FlagStatus::Possible,
                    format!(
                        "决定对{who}罚款不超过{}元的，可以当场作出行政处罚决定",
                        yuan(limit)
                    ),
                    cite,
                ),
                Some(_) => flag(
                    FlagStatus::NotRequired,
                    format!("对{who}罚款超过{}元，应当适用普通程序", yuan(limit)),
                    cite,
                ),
                None => flag(
                    FlagStatus::Possible,
                    format!(
                        "罚款数额未定；决定对{who}罚款不超过{}元的，可以当场作出行政处罚决定",
                        yuan(limit)
                    ),
                    cite,
                ),
            }
        }
    };

    // 听证告知.
    let hearing = if !penalised {
        not_penalised()
    } else {
        let mut status = FlagStatus::NotRequired;
        let mut reasons = Vec::new();
        let mut grounds = Vec::new();
        let mut cites = vec![Provision::Hearing.cite()];
        for g in &heavy {
            if let FlagGround::HeavyPenalty {
                penalty,
                text,
                certain,
            } = g
            {
                raise(
                    &mut status,
                    if *certain {
                        FlagStatus::Required
                    } else {
                        FlagStatus::Possible
                    },
                );
                let how = if *certain {
                    ""
                } else {
                    "（如决定给予）"
                };
                reasons.push(format!("拟作出“{text}”{how}（{}）", penalty.label()));
                grounds.push(g.clone());
            }
        }
        let basis = &rules.hearing.basis;
        let t = threshold(&rules.hearing, org);
        cites.extend(basis_cites(basis));
        let src = source_words(basis);
        if fined {
            match (t, amount) {
                (Some(t), Some(r)) => {
                    let s = against(&r, t);
                    if s != FlagStatus::NotRequired {
                        let what = if s == FlagStatus::Required {
                            "拟罚款达到"
                        } else {
                            "拟罚款如达到"
                        };
                        reasons.push(format!("{what}较大数额标准（{}）{src}", threshold_words(t)));
                        grounds.push(FlagGround::LargeFine {
                            threshold: used(t, org, basis),
                            certain: s == FlagStatus::Required,
                        });
                    }
                    raise(&mut status, s);
                }
                (None, _) => {
                    reasons.push("本基准未规定较大数额罚款标准，请按本地规定判断".into());
                    grounds.push(FlagGround::NoThreshold);
                    raise(&mut status, FlagStatus::Unknown);
                }
                (Some(_), None) => {}
            }
        }
        let confiscated = cx.penalties.iter().find_map(|p| {
            (p.kind == PenaltyKind::ConfiscateIllegalGains)
                .then_some(p.amount)
                .flatten()
        });
        if let (Some(g), Some(t)) = (confiscated, t) {
            if reaches(g.0, t) {
                status = FlagStatus::Required;
                reasons.push(format!(
                    "没收违法所得{}元，按较大数额标准{}执行{src}",
                    yuan(g.0),
                    threshold_words(t)
                ));
                grounds.push(FlagGround::LargeConfiscation {
                    threshold: used(t, org, basis),
                    amount: g,
                });
            }
        }
        let reason = if reasons.is_empty() {
            "未达到较大数额，且无降低资质等级、吊销许可证件、责令停业整顿等较重处罚".to_string()
        } else {
            reasons.join("；")
        };
        let mut f = flag(status, reason, cites);
        f.grounds = grounds;
        if_penalised(f, open)
    };

    let review = |r: &ReviewRule, what: &str, base: Provision| -> Flag {
        if !penalised {
            return not_penalised();
        }
        let mut status = FlagStatus::NotRequired;
        let mut reasons = Vec::new();
        let mut grounds = Vec::new();
        let mut cites = vec![base.cite()];
        cites.extend(basis_cites(&r.thresholds.basis));
        if r.on_reduced && cx.adjustment.level == Level::Reduced {
            status = FlagStatus::Required;
            reasons.push(format!("本基准规定减轻处罚应当{what}"));
            grounds.push(FlagGround::Reduced);
        }
        if r.on_hearing && rank(hearing.status) >= rank(FlagStatus::Possible) {
            // The hearing flag is already "possible" while a discretionary ground is open; its
            // certainty is what the review inherits.
            let certain = hearing.status == FlagStatus::Required || hearing.only_if_penalised;
            raise(
                &mut status,
                if certain {
                    FlagStatus::Required
                } else {
                    FlagStatus::Possible
                },
            );
            reasons.push(format!("本基准规定应当告知听证的案件应当{what}"));
            grounds.push(FlagGround::WithHearing { certain });
        }
        if let (true, Some(t), Some(a)) = (fined, threshold(&r.thresholds, org), amount) {
            let s = against(&a, t);
            if s != FlagStatus::NotRequired {
                reasons.push(format!(
                    "罚款{}{}",
                    threshold_words(t),
                    source_words(&r.thresholds.basis)
                ));
                grounds.push(FlagGround::LargeFine {
                    threshold: used(t, org, &r.thresholds.basis),
                    certain: s == FlagStatus::Required,
                });
                raise(&mut status, s);
            }
        }
        let reason = if reasons.is_empty() {
            match base {
                Provision::LegalReview => "未触发本基准规定的法制审核情形；涉及重大公共利益、经过听证程序、案件情况疑难复杂等情形的，仍应当法制审核".to_string(),
                _ => "未触发本基准规定的集体讨论情形；情节复杂或者重大违法行为的，仍应当集体讨论决定".to_string(),
            }
        } else {
            reasons.join("；")
        };
        let mut f = flag(status, reason, cites);
        f.grounds = grounds;
        if_penalised(f, open)
    };
    let legal_review = review(&rules.legal_review, "法制审核", Provision::LegalReview);
    let collective_discussion = review(
        &rules.collective_discussion,
        "集体讨论决定",
        Provision::CollectiveDiscussion,
    );

    let edu = vec![Provision::Education.cite()];
    let education = match outcome {
        Outcome::NoPenalty => flag(
            FlagStatus::Required,
            "依法不予行政处罚的，应当对当事人进行教育",
            edu,
        ),
        Outcome::MayNotPenalise => flag(
            FlagStatus::Possible,
            "如决定不予行政处罚，应当对当事人进行教育",
            edu,
        ),
        _ => flag(FlagStatus::NotRequired, "给予行政处罚", edu),
    };

    let zh = |f: &Flag| match f.status {
        FlagStatus::Required => "是",
        FlagStatus::Possible => "视情形",
        FlagStatus::NotRequired => "否",
        FlagStatus::Unknown => "未定",
    };
    let summary = format!(
        "简易程序：{}；听证告知：{}；法制审核：{}；集体讨论：{}；教育：{}",
        zh(&simple),
        zh(&hearing),
        zh(&legal_review),
        zh(&collective_discussion),
        zh(&education)
    );
    cx.log(
        Step::Flags,
        summary,
        vec![
            Provision::SimpleProcedure.cite(),
            Provision::Hearing.cite(),
            Provision::LegalReview.cite(),
            Provision::CollectiveDiscussion.cite(),
        ],
        Vec::new(),
        Vec::new(),
    );
    Ok(Flags {
        simple_procedure: simple,
        hearing,
        legal_review,
        collective_discussion,
        education,
    })
}
