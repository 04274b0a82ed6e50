//! Tier amounts against the statute, for every party and role an item has, in the fine's own
//! scale (元, %, 倍, 元 per unit — the base multiplies both alike): a tier whose range is empty or
//! does not meet the statutory range is an error (the engine refuses to use it); one that meets
//! it but reaches outside is a warning (the engine checks it against the statute). Also a band
//! that names no band of the list the fine form uses, `of_max` points below the statutory
//! minimum, and the outcomes of unknown-fact rules.

use rust_decimal::Decimal;

use super::regions;
use super::used::Used;
use super::{Finding, f};
use crate::engine::benchmark::{band_span, bands_for};
use crate::engine::range::Span;
use crate::engine::statutory::role_matches;
use crate::pack::model::*;

/// A fine rule's statutory range in its own scale; None for an unspecified amount.
pub(super) fn scale_span(form: &FineForm) -> Option<Span> {
    let open = |max: Decimal| Span {
        min: Decimal::ZERO,
        min_inc: false,
        max,
        max_inc: true,
    };
    Some(match form {
        FineForm::Range { min, max } => Span::closed(min.0, max.0),
        FineForm::MaxOnly { max } => open(max.0),
        FineForm::Percent { min, max, .. }
        | FineForm::Multiple { min, max, .. }
        | FineForm::PerUnit { min, max, .. } => match min {
            Some(m) => Span::closed(m.0, max.0),
            None => open(max.0),
        },
        FineForm::Fixed { amount } => Span::closed(amount.0, amount.0),
        FineForm::Unspecified { .. } => return None,
    })
}

pub(super) fn unit(form: &FineForm) -> &'static str {
    match form {
        FineForm::Percent { .. } => "%",
        FineForm::Multiple { .. } => "倍",
        FineForm::PerUnit { .. } => "元/单位",
        _ => "元",
    }
}

/// A span in words, in the fine's scale.
fn words(s: &Span, unit: &str) -> String {
    let (lo, hi) = (s.min.normalize(), s.max.normalize());
    if s.min == s.max && s.min_inc && s.max_inc {
        return format!("{lo}{unit}");
    }
    let upper = if s.max_inc {
        format!("{hi}{unit}以下（含）")
    } else {
        format!("不满{hi}{unit}")
    };
    if s.min.is_zero() && !s.min_inc {
        return upper;
    }
    let lower = if s.min_inc {
        format!("{lo}{unit}以上（含）")
    } else {
        format!("超过{lo}{unit}")
    };
    format!("{lower}至{upper}")
}

/// What a tier's outcome comes to in the scale of a statutory range `st`; None for outcomes
/// without an amount, or whose band is missing (reported with the band).
pub(super) fn tier_span(pack: &Pack, o: &TierOutcome, st: &Span) -> Option<Span> {
    let bounds = &pack.rules.bounds;
    match o {
        TierOutcome::Band { band } => {
            let split = pack.rules.split.as_ref()?;
            band_span(split, bounds, bands_for(split, st).get(band)?, st).ok()
        }
        TierOutcome::Portion { from, to } => st.portion(*from, *to).ok(),
        TierOutcome::Point { at } => {
            let v = match at {
                BandPoint::Span(x) => st.min.checked_add(x.of(st.max.checked_sub(st.min)?)?)?,
                BandPoint::OfMax(x) => x.of(st.max)?,
            };
            Some(Span::closed(v, v))
        }
        TierOutcome::Range {
            min,
            min_inclusive,
            max,
            max_inclusive,
        } => Some(Span {
            min: min.map_or(Decimal::ZERO, |m| m.0),
            min_inc: min.is_some() && min_inclusive.unwrap_or(bounds.above.includes()),
            max: max.0,
            max_inc: max_inclusive.unwrap_or(bounds.below.includes()),
        }),
        TierOutcome::Fixed { value } => Some(Span::closed(value.0, value.0)),
        TierOutcome::NoFine | TierOutcome::CorrectionOnly | TierOutcome::NoPenalty => None,
    }
}

/// The `of_max` points of an outcome, as the split or the point states them.
fn of_max_points(pack: &Pack, o: &TierOutcome, st: &Span) -> Vec<(String, crate::num::Fraction)> {
    match o {
        TierOutcome::Point {
            at: BandPoint::OfMax(x),
        } => vec![("最高额的".to_string(), *x)],
        TierOutcome::Band { band } => {
            let Some(split) = pack.rules.split.as_ref() else {
                return Vec::new();
            };
            let list = bands_for(split, st);
            let Some((j, b)) = list.list.iter().enumerate().find(|(_, b)| &b.name == band) else {
                return Vec::new();
            };
            let base = if std::ptr::eq(list, &split.range) {
                "$.rules.split.range"
            } else {
                "$.rules.split.max_only"
            };
            [(b.from, "from"), (b.to, "to")]
                .into_iter()
                .filter_map(|(p, field)| match p {
                    BandPoint::OfMax(x) => Some((
                        format!("档次“{band}”的 {field}（{}）为最高额的", list.path(base, j)),
                        x,
                    )),
                    BandPoint::Span(_) => None,
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Who can be fined: one party of each kind the item has, with its role.
fn who(item: &Item) -> Vec<(PartyKind, Option<&Role>, String)> {
    let mut out = Vec::new();
    for (kind, label) in [
        (PartyKind::Citizen, "个人"),
        (PartyKind::LegalPerson, "单位"),
    ] {
        if !item.parties.covers(kind) {
            continue;
        }
        let roles: Vec<&Role> = item
            .roles
            .iter()
            .filter(|r| r.parties.covers(kind))
            .collect();
        if roles.is_empty() {
            out.push((kind, None, label.to_string()));
        }
        for r in roles {
            out.push((kind, Some(r), format!("{label}（{}）", r.label)));
        }
    }
    out
}

/// Whether a tier can be chosen while a fine rule's branch holds.
fn reachable(t: &Tier, rule: &FineRule, pack: &Pack, item: &Item) -> bool {
    let Some(branch) = &rule.when else {
        return true;
    };
    let bounds = &pack.rules.bounds;
    let meets = |c: &Condition| {
        match (
            regions::of(c, bounds, item),
            regions::of(branch, bounds, item),
        ) {
            (Some(a), Some(b)) => regions::overlap(&a, &b).is_some(),
            // Too large to analyse: not reported.
            _ => false,
        }
    };
    t.when.as_ref().is_none_or(meets) || t.overrides.as_ref().is_some_and(meets)
}

/// Checks one outcome against one statutory range.
#[allow(clippy::too_many_arguments)]
fn against(
    pack: &Pack,
    o: &TierOutcome,
    code: &str,
    rule: (usize, &FineRule),
    item_path: &str,
    whom: &str,
    at: String,
    prefix: &str,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let (r, rule) = rule;
    let Some(st) = scale_span(&rule.form) else {
        return;
    };
    let has_min = !st.min.is_zero() || st.min_inc;
    if let TierOutcome::Band { band } = o {
        // A band in neither list is reported where the tier is defined (`tiers::outcome`).
        let missing_here = pack.rules.split.as_ref().is_some_and(|s| {
            bands_for(s, &st).get(band).is_none()
                && (s.range.get(band).is_some() || s.max_only.get(band).is_some())
        });
        if missing_here {
            let (list, form) = if has_min {
                ("range", "有最低额的罚款")
            } else {
                ("max_only", "只规定最高额的罚款")
            };
            errors.push(f(
                at_band(&at),
                format!(
                    "{prefix}对{whom}：{form}（{item_path}.fines[{r}]）按 rules.split.{list} 划分，其中没有档次“{band}”"
                ),
            ));
        }
    }
    let Some(span) = tier_span(pack, o, &st) else {
        return;
    };
    let u = unit(&rule.form);
    let statute = format!("{}，{item_path}.fines[{r}]", words(&st, u));
    let low: Vec<String> = of_max_points(pack, o, &st)
        .into_iter()
        .filter_map(|(what, x)| {
            let v = x.of(st.max)?;
            (has_min && v < st.min).then(|| {
                format!(
                    "{what} {x}，即 {}{u}，低于法定最低额 {}{u}",
                    v.normalize(),
                    st.min.normalize()
                )
            })
        })
        .collect();
    if !low.is_empty() {
        errors.push(f(
            at.clone(),
            format!(
                "{prefix}对{whom}：阶次 {code} 的{}（法定幅度：{statute}）",
                low.join("；")
            ),
        ));
    } else if span.is_empty() {
        errors.push(f(
            at.clone(),
            format!(
                "{prefix}对{whom}：阶次 {code} 的幅度为空（{}），引擎不会采用该阶次",
                words(&span, u)
            ),
        ));
    } else if span.within(&st).is_none() {
        errors.push(f(
            at.clone(),
            format!(
                "{prefix}对{whom}：阶次 {code} 的幅度（{}）与法定幅度（{statute}）不相交，引擎不会采用该阶次",
                words(&span, u)
            ),
        ));
    } else if !span.inside(&st) {
        warnings.push(f(
            at.clone(),
            format!(
                "{prefix}对{whom}：阶次 {code} 的幅度（{}）超出法定幅度（{statute}），引擎将按法定幅度校验",
                words(&span, u)
            ),
        ));
    }
}

fn at_band(at: &str) -> String {
    if at.ends_with(".outcome") {
        format!("{at}.band")
    } else {
        at.to_string()
    }
}

/// Checks item `u.item`'s tiers, unknown-fact outcomes and 减轻 list against its statute.
pub(crate) fn check_item(
    pack: &Pack,
    u: &Used<'_>,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let Some(item) = pack.items.get(u.item) else {
        return;
    };
    let ip = format!("$.items[{}]", u.item);
    let parties = who(item);
    for (r, rule) in item.fines.iter().enumerate() {
        let applies: Vec<&(PartyKind, Option<&Role>, String)> = parties
            .iter()
            .filter(|(k, role, _)| {
                rule.parties.covers(*k) && role_matches(item, rule.role.as_deref(), *role)
            })
            .collect();
        for (j, t) in u.tiers.iter().enumerate() {
            if !reachable(t, rule, pack, item) {
                continue;
            }
            // Group the parties by the outcome the tier gives them (its own or a role's).
            let mut groups: Vec<(Option<usize>, Vec<&str>)> = Vec::new();
            for (k, role, label) in &applies {
                if !t.parties.covers(*k) {
                    continue;
                }
                let v = role.and_then(|x| t.roles.iter().position(|o| o.role == x.id));
                match groups.iter_mut().find(|g| g.0 == v) {
                    Some(g) => g.1.push(label),
                    None => groups.push((v, vec![label])),
                }
            }
            for (v, whom) in groups {
                let (o, suffix) = match v {
                    Some(k) => (&t.roles[k].outcome, format!(".roles[{k}].outcome")),
                    None => (&t.outcome, ".outcome".to_string()),
                };
                against(
                    pack,
                    o,
                    &t.code,
                    (r, rule),
                    &ip,
                    &whom.join("、"),
                    u.at(j, &suffix),
                    &u.prefix(pack, j),
                    errors,
                    warnings,
                );
            }
        }
        for (k, w) in item.when_unknown.iter().enumerate() {
            if let Some(o) = &w.outcome {
                let whom: Vec<&str> = applies.iter().map(|x| x.2.as_str()).collect();
                against(
                    pack,
                    o,
                    &format!("（{}无法查清时）", w.fact),
                    (r, rule),
                    &ip,
                    &whom.join("、"),
                    format!("{ip}.when_unknown[{k}].outcome"),
                    "",
                    errors,
                    warnings,
                );
            }
        }
    }
    super::reductions::check(item, &ip, errors, warnings);
}
