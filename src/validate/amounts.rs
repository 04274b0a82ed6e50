//! Tier amounts against the statute, for every party and role an item has, in the fine's own
//! scale (元, %, 倍, 元 per unit — the base multiplies both alike): a tier whose range is empty or
//! does not meet the statutory range is an error (the engine refuses to use it); one that meets
//! it but reaches outside is a warning (the engine checks it against the statute). Also a band
//! that names no band of the list the fine form uses, `of_max` points below the statutory
//! minimum, and the outcomes of unknown-fact rules.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::regions;
use super::used::Used;
use super::{Finding, f};
use crate::engine::benchmark::{band_span, bands_for};
use crate::engine::range::Span;
use crate::engine::statutory::role_matches;
use crate::num::Fraction;
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

/// Whether an outcome surely lies inside the statutory range and is not empty, by its
/// fractions alone, so that the range in 元 need not be computed for the common case: a
/// portion, a band of the split on the span, or a point, strictly rising within [0, 1] on a
/// span with room in it, whose ends include a bound of the statute only where the statute
/// does. Anything else (a stand-in minimum, an end the statute excludes, a comparison that
/// overflows) is computed.
fn surely_inside(pack: &Pack, o: &TierOutcome, st: &Span) -> bool {
    if st.min >= st.max {
        return false;
    }
    let rising = |a: &Fraction, b: &Fraction| a.is_unit() && b.is_unit() && a.le(b) && !b.le(a);
    // An end at 0 or 1 of the span is included as the engine decides (`Span::portion`,
    // `band_span`): it must not include a bound the statute excludes.
    let low_ok = |x: &Fraction, inc: Option<bool>| {
        !x.num.is_zero() || st.min_inc || inc.map_or(*x == Fraction::ZERO, |i| !i)
    };
    let high_ok = |x: &Fraction, inc: Option<bool>| {
        x.num != x.den || st.max_inc || inc.map_or(*x == Fraction::ONE, |i| !i)
    };
    match o {
        TierOutcome::Portion { from, to } => {
            rising(from, to) && low_ok(from, None) && high_ok(to, None)
        }
        TierOutcome::Band { band } => pack.rules.split.as_ref().is_some_and(|s| {
            let stand_in = s.stand_in_min.is_some() && st.min.is_zero() && !st.min_inc;
            !stand_in
                && bands_for(s, st)
                    .get(band)
                    .is_some_and(|b| match (b.from, b.to) {
                        (BandPoint::Span(x), BandPoint::Span(y)) => {
                            rising(&x, &y)
                                && low_ok(&x, b.from_inclusive)
                                && high_ok(&y, b.to_inclusive)
                        }
                        _ => false,
                    })
        }),
        TierOutcome::Point {
            at: BandPoint::Span(x),
        } => rising(&Fraction::ZERO, x) && high_ok(x, Some(true)),
        _ => false,
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
fn who(item: &Item) -> Vec<(PartyKind, Option<&Role>, Cow<'static, str>)> {
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
            out.push((kind, None, Cow::Borrowed(label)));
        }
        for r in roles {
            out.push((kind, Some(r), Cow::Owned(format!("{label}（{}）", r.label))));
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

/// What a finding on one outcome names: turned into words only when there is a finding.
struct About<'a> {
    /// The tier's code, or what the outcome stands for.
    code: &'a dyn Fn() -> String,
    /// The parties (and roles) it applies to.
    whom: &'a dyn Fn() -> String,
    /// The item's index and the fine rule's.
    item: usize,
    rule: usize,
    /// The path of the finding.
    at: &'a dyn Fn() -> String,
    /// What introduces a finding about a tier defined elsewhere.
    prefix: &'a dyn Fn() -> String,
}

/// Checks one outcome against one fine rule's statutory range.
fn against(
    pack: &Pack,
    o: &TierOutcome,
    rule: &FineRule,
    about: &About<'_>,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let Some(st) = scale_span(&rule.form) else {
        return;
    };
    let has_min = !st.min.is_zero() || st.min_inc;
    let head = || format!("{}对{}：", (about.prefix)(), (about.whom)());
    let fine_path = || format!("$.items[{}].fines[{}]", about.item, about.rule);
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
                at_band(&(about.at)()),
                format!(
                    "{}{form}（{}）按 rules.split.{list} 划分，其中没有档次“{band}”",
                    head(),
                    fine_path()
                ),
            ));
        }
    }
    if surely_inside(pack, o, &st) {
        return;
    }
    let Some(span) = tier_span(pack, o, &st) else {
        return;
    };
    let u = unit(&rule.form);
    let statute = || format!("{}，{}", words(&st, u), fine_path());
    let low: Vec<(String, crate::num::Fraction, Decimal)> = of_max_points(pack, o, &st)
        .into_iter()
        .filter_map(|(what, x)| {
            let v = x.of(st.max)?;
            (has_min && v < st.min).then_some((what, x, v))
        })
        .collect();
    if !low.is_empty() {
        let low: Vec<String> = low
            .into_iter()
            .map(|(what, x, v)| {
                format!(
                    "{what} {x}，即 {}{u}，低于法定最低额 {}{u}",
                    v.normalize(),
                    st.min.normalize()
                )
            })
            .collect();
        errors.push(f(
            (about.at)(),
            format!(
                "{}阶次 {} 的{}（法定幅度：{}）",
                head(),
                (about.code)(),
                low.join("；"),
                statute()
            ),
        ));
    } else if span.is_empty() {
        errors.push(f(
            (about.at)(),
            format!(
                "{}阶次 {} 的幅度为空（{}），引擎不会采用该阶次",
                head(),
                (about.code)(),
                words(&span, u)
            ),
        ));
    } else if span.within(&st).is_none() {
        errors.push(f(
            (about.at)(),
            format!(
                "{}阶次 {} 的幅度（{}）与法定幅度（{}）不相交，引擎不会采用该阶次",
                head(),
                (about.code)(),
                words(&span, u),
                statute()
            ),
        ));
    } else if !span.inside(&st) {
        warnings.push(f(
            (about.at)(),
            format!(
                "{}阶次 {} 的幅度（{}）超出法定幅度（{}），引擎将按法定幅度校验",
                head(),
                (about.code)(),
                words(&span, u),
                statute()
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
    let parties = who(item);
    for (r, rule) in item.fines.iter().enumerate() {
        let applies = |k: PartyKind, role: Option<&Role>| {
            rule.parties.covers(k) && role_matches(item, rule.role.as_deref(), role)
        };
        for (j, t) in u.tiers.iter().enumerate() {
            if !reachable(t, rule, pack, item) {
                continue;
            }
            // The outcome the tier gives a party: a role's own, else the tier's.
            let variant = |role: Option<&Role>| {
                role.and_then(|x| t.roles.iter().position(|o| o.role == x.id))
            };
            for v in std::iter::once(None).chain((0..t.roles.len()).map(Some)) {
                let reached = |(k, role, _): &&(PartyKind, Option<&Role>, Cow<'static, str>)| {
                    applies(*k, *role) && t.parties.covers(*k) && variant(*role) == v
                };
                if !parties.iter().any(|p| reached(&p)) {
                    continue;
                }
                let o = v.map_or(&t.outcome, |k| &t.roles[k].outcome);
                let whom = || {
                    let names: Vec<&str> = parties
                        .iter()
                        .filter(|p| reached(p))
                        .map(|p| p.2.as_ref())
                        .collect();
                    names.join("、")
                };
                let at = || match v {
                    Some(k) => u.at(j, &format!(".roles[{k}].outcome")),
                    None => u.at(j, ".outcome"),
                };
                let about = About {
                    code: &|| t.code.clone(),
                    whom: &whom,
                    item: u.item,
                    rule: r,
                    at: &at,
                    prefix: &|| u.prefix(pack, j),
                };
                against(pack, o, rule, &about, errors, warnings);
            }
        }
        for (k, w) in item.when_unknown.iter().enumerate() {
            let Some(o) = &w.outcome else { continue };
            let whom = || {
                let names: Vec<&str> = parties
                    .iter()
                    .filter(|p| applies(p.0, p.1))
                    .map(|p| p.2.as_ref())
                    .collect();
                names.join("、")
            };
            let about = About {
                code: &|| format!("（{}无法查清时）", w.fact),
                whom: &whom,
                item: u.item,
                rule: r,
                at: &|| format!("$.items[{}].when_unknown[{k}].outcome", u.item),
                prefix: &String::new,
            };
            against(pack, o, rule, &about, errors, warnings);
        }
    }
    super::reductions::check(item, u.item, errors, warnings);
}
