//! Checks on how tiers cover facts and ranges: gaps and overlaps between quantitative tiers on
//! one numeric fact, unreachable tiers, tier ranges outside the statute, and parts of the
//! statutory range no tier covers.

use rust_decimal::Decimal;

use super::Finding;
use crate::num::Fraction;
use crate::pack::model::*;

/// An interval of a numeric fact; `None` bounds are unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Interval {
    lo: Option<(Decimal, bool)>,
    hi: Option<(Decimal, bool)>,
}

impl Interval {
    fn all() -> Interval {
        Interval { lo: None, hi: None }
    }
    fn meet(self, o: Interval) -> Interval {
        let lo = match (self.lo, o.lo) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 || (a.0 == b.0 && !a.1) {
                a
            } else {
                b
            }),
            (a, None) => a,
            (None, b) => b,
        };
        let hi = match (self.hi, o.hi) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 || (a.0 == b.0 && !a.1) {
                a
            } else {
                b
            }),
            (a, None) => a,
            (None, b) => b,
        };
        Interval { lo, hi }
    }
    fn empty(&self) -> bool {
        match (self.lo, self.hi) {
            (Some((a, ai)), Some((b, bi))) => a > b || (a == b && !(ai && bi)),
            _ => false,
        }
    }
}

/// The fact and interval a condition restricts, when it is a conjunction of comparisons on one
/// numeric fact.
fn interval(c: &Condition, bounds: &BoundConvention) -> Option<(String, Interval)> {
    match c {
        Condition::Compare { fact, op, value } => {
            let v = value.0;
            let i = match op.resolve(bounds) {
                Op::Ge => Interval {
                    lo: Some((v, true)),
                    hi: None,
                },
                Op::Gt => Interval {
                    lo: Some((v, false)),
                    hi: None,
                },
                Op::Le => Interval {
                    lo: None,
                    hi: Some((v, true)),
                },
                Op::Lt => Interval {
                    lo: None,
                    hi: Some((v, false)),
                },
                Op::Eq | Op::Above | Op::Below => Interval {
                    lo: Some((v, true)),
                    hi: Some((v, true)),
                },
            };
            Some((fact.clone(), i))
        }
        Condition::All { all } => {
            let mut fact: Option<String> = None;
            let mut acc = Interval::all();
            for p in all {
                let (f, i) = interval(p, bounds)?;
                if fact.as_ref().is_some_and(|g| g != &f) {
                    return None;
                }
                fact = Some(f);
                acc = acc.meet(i);
            }
            fact.map(|f| (f, acc))
        }
        _ => None,
    }
}

fn show(i: &Interval, unit: &str) -> String {
    let lo = i.lo.map(|(v, inc)| {
        format!(
            "{v}{unit}{}",
            if inc {
                "以上（含）"
            } else {
                "以上（不含）"
            }
        )
    });
    let hi = i.hi.map(|(v, inc)| {
        format!(
            "{v}{unit}{}",
            if inc {
                "以下（含）"
            } else {
                "以下（不含）"
            }
        )
    });
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{a}至{b}"),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => "全部".into(),
    }
}

fn w(path: String, message: String) -> Finding {
    Finding { path, message }
}

/// Runs the coverage checks.
pub fn check(pack: &Pack, warnings: &mut Vec<Finding>) {
    for (i, item) in pack.items.iter().enumerate() {
        let p = format!("$.items[{i}]");
        for (j, t) in item.tiers.iter().enumerate() {
            let disjoint = matches!(
                (item.parties, t.parties),
                (Parties::Organization, Parties::Individual)
                    | (Parties::Individual, Parties::Organization)
            );
            if disjoint {
                warnings.push(w(
                    format!("{p}.tiers[{j}].parties"),
                    format!(
                        "阶次 {} 只适用于{}，而该违法行为只涉及{}，该阶次无法适用",
                        t.code,
                        t.parties.label(),
                        item.parties.label()
                    ),
                ));
            }
        }
        for party in [Parties::Individual, Parties::Organization] {
            if item.parties != Parties::All && item.parties != party {
                continue;
            }
            quantitative(item, &pack.rules.bounds, &p, party, warnings);
        }
        ranges(pack, item, &p, warnings);
    }
}

fn overlaps(a: &Interval, b: &Interval) -> bool {
    !a.meet(*b).empty()
}

fn quantitative(
    item: &Item,
    bounds: &BoundConvention,
    p: &str,
    party: Parties,
    warnings: &mut Vec<Finding>,
) {
    let covers = |t: &Tier| t.parties == Parties::All || t.parties == party;
    let mut by_fact: Vec<(String, Vec<(usize, Interval)>)> = Vec::new();
    for (j, t) in item.tiers.iter().enumerate().filter(|(_, t)| covers(t)) {
        let Some(c) = &t.when else { continue };
        let Some((fact, iv)) = interval(c, bounds) else {
            continue;
        };
        if iv.empty() {
            warnings.push(w(
                format!("{p}.tiers[{j}].when"),
                format!("阶次 {} 的条件不可能同时满足，该阶次无法适用", t.code),
            ));
            continue;
        }
        match by_fact.iter_mut().find(|(f, _)| f == &fact) {
            Some((_, v)) => v.push((j, iv)),
            None => by_fact.push((fact, vec![(j, iv)])),
        }
    }
    for (fact, mut ivs) in by_fact {
        if ivs.len() < 2 {
            continue;
        }
        let unit = item
            .facts
            .iter()
            .find(|d| d.id == fact)
            .map(|d| match &d.kind {
                FactKind::Number { unit } => unit.clone(),
                _ => String::new(),
            })
            .unwrap_or_default();
        let label = item
            .facts
            .iter()
            .find(|d| d.id == fact)
            .map(|d| d.label.clone())
            .unwrap_or(fact.clone());
        for a in 0..ivs.len() {
            for b in a + 1..ivs.len() {
                let (ja, ia) = ivs[a];
                let (jb, ib) = ivs[b];
                if overlaps(&ia, &ib) {
                    warnings.push(w(
                        format!("{p}.tiers[{jb}].when"),
                        format!(
                            "阶次 {} 与 {} 的{label}条件重叠（{} 与 {}）；依民法典第一千二百五十九条，“以上”“以下”均含本数，边界值会同时落入两个阶次",
                            item.tiers[ja].code, item.tiers[jb].code, show(&ia, &unit), show(&ib, &unit)
                        ),
                    ));
                }
            }
        }
        // Gaps: sort by lower bound and walk from zero upwards.
        ivs.sort_by(|x, y| {
            let kx = x.1.lo.map(|l| l.0).unwrap_or(Decimal::MIN);
            let ky = y.1.lo.map(|l| l.0).unwrap_or(Decimal::MIN);
            kx.cmp(&ky)
        });
        let mut reach: Option<(Decimal, bool)> = Some((Decimal::ZERO, false));
        // `reach` is the highest value covered so far (and whether it is itself covered);
        // None means covered to infinity. Start just below zero: values are non-negative.
        let mut first = true;
        for (_, iv) in &ivs {
            let Some((r, r_inc)) = reach else { break };
            let gap = match iv.lo {
                None => false,
                Some((l, l_inc)) if first => l > Decimal::ZERO || (l == Decimal::ZERO && !l_inc),
                Some((l, l_inc)) => l > r || (l == r && !l_inc && !r_inc),
            };
            if gap {
                let from = if first {
                    "0".to_string()
                } else {
                    format!("{r}{unit}")
                };
                warnings.push(w(
                    format!("{p}.tiers"),
                    format!(
                        "{label}在 {from} 至 {} 之间（含边界情况）没有阶次覆盖",
                        show(iv, &unit)
                    ),
                ));
            }
            first = false;
            reach = match iv.hi {
                None => None,
                Some((h, h_inc)) => {
                    if h > r || (h == r && h_inc) {
                        Some((h, h_inc))
                    } else {
                        Some((r, r_inc))
                    }
                }
            };
        }
        if let Some((r, _)) = reach {
            warnings.push(w(
                format!("{p}.tiers"),
                format!("{label}超过 {r}{unit} 的情形没有阶次覆盖"),
            ));
        }
    }
}

/// Checks tier ranges against the statutory form, and coverage of the statutory range.
fn ranges(pack: &Pack, item: &Item, p: &str, warnings: &mut Vec<Finding>) {
    // Only items with one unconditional statutory form per party can be checked this way.
    for party in [Parties::Individual, Parties::Organization] {
        if item.parties != Parties::All && item.parties != party {
            continue;
        }
        let rules: Vec<&FineRule> = item
            .fines
            .iter()
            .filter(|r| r.parties == Parties::All || r.parties == party)
            .collect();
        if rules.len() != 1 || rules[0].when.is_some() {
            continue;
        }
        let form = &rules[0].form;
        let (lo, hi) = match form {
            FineForm::Range { min, max } => (min.0, max.0),
            FineForm::MaxOnly { max } => (Decimal::ZERO, max.0),
            FineForm::Percent { min, max, .. }
            | FineForm::Multiple { min, max, .. }
            | FineForm::PerUnit { min, max, .. } => {
                (min.map(|m| m.0).unwrap_or(Decimal::ZERO), max.0)
            }
            _ => continue,
        };
        let max_only = matches!(form, FineForm::MaxOnly { .. })
            || matches!(
                form,
                FineForm::Percent { min: None, .. }
                    | FineForm::Multiple { min: None, .. }
                    | FineForm::PerUnit { min: None, .. }
            );
        let bands = pack.rules.split.as_ref().map(|split| {
            if max_only {
                &split.max_only
            } else {
                &split.range
            }
        });
        let span = hi - lo;
        let mut pieces: Vec<(Decimal, Decimal)> = Vec::new();
        let mut qualitative_fine_tiers = 0;
        for (j, t) in item.tiers.iter().enumerate() {
            if !(t.parties == Parties::All || t.parties == party) {
                continue;
            }
            let at = |f: Fraction| f.of(span).map(|x| lo + x);
            let point = |p: BandPoint| match p {
                BandPoint::Span(f) => at(f),
                BandPoint::OfMax(f) => f.of(hi),
            };
            let piece = match &t.outcome {
                TierOutcome::Band { band } => bands
                    .and_then(|b| b.get(band))
                    .and_then(|b| point(b.from).zip(point(b.to))),
                TierOutcome::Portion { from, to } => at(*from).zip(at(*to)),
                TierOutcome::Range { min, max, .. } => {
                    let a = min.map(|m| m.0).unwrap_or(Decimal::ZERO);
                    if a < lo || max.0 > hi {
                        warnings.push(w(
                            format!("{p}.tiers[{j}].outcome"),
                            format!(
                                "阶次 {} 的幅度（{}—{}）超出法定幅度（{}—{}）",
                                t.code,
                                a.normalize(),
                                max.0.normalize(),
                                lo.normalize(),
                                hi.normalize()
                            ),
                        ));
                    }
                    Some((a, max.0))
                }
                TierOutcome::Fixed { value } => {
                    if value.0 < lo || value.0 > hi {
                        warnings.push(w(
                            format!("{p}.tiers[{j}].outcome"),
                            format!(
                                "阶次 {} 的固定数额 {} 超出法定幅度（{}—{}）",
                                t.code,
                                value.0.normalize(),
                                lo.normalize(),
                                hi.normalize()
                            ),
                        ));
                    }
                    // A fixed point covers only itself; coverage is not meaningful.
                    qualitative_fine_tiers += 1;
                    None
                }
                _ => None,
            };
            if let Some(pc) = piece {
                pieces.push(pc);
            }
        }
        if pieces.is_empty() || qualitative_fine_tiers > 0 {
            continue;
        }
        pieces.sort();
        let mut reach = lo;
        let mut gaps = Vec::new();
        for (a, b) in pieces {
            if a > reach {
                gaps.push(format!("{}—{}", reach.normalize(), a.normalize()));
            }
            if b > reach {
                reach = b;
            }
        }
        if reach < hi {
            gaps.push(format!("{}—{}", reach.normalize(), hi.normalize()));
        }
        if !gaps.is_empty() {
            warnings.push(w(
                format!("{p}.tiers"),
                format!(
                    "{}的法定幅度中 {} 没有阶次覆盖（按法定幅度的计量单位）",
                    party.label(),
                    gaps.join("、")
                ),
            ));
        }
    }
}
