//! The split rule's bands: each point a fraction in [0, 1], names unique, no band empty (an
//! error: a tier in it would be refused), and the bands of each list neither overlapping nor
//! leaving gaps (warnings); the stand-in minimum in [0, 1).
//!
//! Points on the span ("1/3") and points as a share of the maximum ({"of_max": "0.3"}) are
//! comparable in the max-only list (the span there starts at zero or at the stand-in
//! minimum); in the range list they are only where both are on the span, and the rest is
//! checked per item against its statutory range (see `amounts`).

use std::collections::BTreeMap;

use super::{Finding, f};
use crate::num::Fraction;
use crate::pack::model::{Band, BandPoint, Bands, BoundConvention, SplitRule};

fn point_fraction(p: BandPoint) -> Fraction {
    match p {
        BandPoint::Span(x) | BandPoint::OfMax(x) => x,
    }
}

/// A point as a fraction of the maximum where it can be (the max-only list, with the stand-in
/// minimum `s`), or of the span (the range list, span points only).
fn position(p: BandPoint, max_only: bool, s: Fraction) -> Option<Fraction> {
    match (p, max_only) {
        (BandPoint::Span(x), false) => Some(x),
        (BandPoint::Span(x), true) => Fraction::lerp(s, Fraction::ONE, x),
        (BandPoint::OfMax(x), true) => Some(x),
        (BandPoint::OfMax(_), false) => None,
    }
}

fn eq(a: &Fraction, b: &Fraction) -> bool {
    a.le(b) && b.le(a)
}

/// Whether a band's bound is included, as the engine reads it; `open_start`: the span starts
/// at an excluded zero (a max-only fine without a stand-in minimum).
fn inclusive(band: &Band, lower: bool, open_start: bool, bounds: &BoundConvention) -> bool {
    let (stated, edge, at_edge) = if lower {
        (band.from_inclusive, Fraction::ZERO, band.from)
    } else {
        (band.to_inclusive, Fraction::ONE, band.to)
    };
    match stated {
        Some(b) => b,
        // The ends of the span keep the statutory range's own bounds (see
        // `engine::benchmark::band_span`): included, but for the zero of a max-only fine.
        None if at_edge == BandPoint::Span(edge) => !(lower && open_start),
        None if lower => bounds.above.includes(),
        None => bounds.below.includes(),
    }
}

fn list(
    bands: &Bands,
    base: &str,
    max_only: bool,
    s: Fraction,
    bounds: &BoundConvention,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let open_start = max_only && s.num.is_zero();
    let incl = |b: &Band, lower: bool| inclusive(b, lower, open_start, bounds);
    let mut names = BTreeMap::new();
    // (position of from, position of to, index) of the bands whose points are comparable.
    let mut placed: Vec<(Fraction, Fraction, usize)> = Vec::new();
    for (j, band) in bands.list.iter().enumerate() {
        let path = bands.path(base, j);
        if let Some(k) = names.insert(band.name.as_str(), j) {
            errors.push(f(
                path.clone(),
                format!(
                    "档次名称“{}”重复（与 {}），后者无法被阶次引用",
                    band.name,
                    bands.path(base, k)
                ),
            ));
        }
        let (a, z) = (point_fraction(band.from), point_fraction(band.to));
        if !a.is_unit() || !z.is_unit() {
            errors.push(f(
                path.clone(),
                format!("比例区间 [{a}, {z}] 应在 0 到 1 之间且前者不大于后者"),
            ));
            continue;
        }
        let (Some(pa), Some(pz)) = (
            position(band.from, max_only, s),
            position(band.to, max_only, s),
        ) else {
            continue;
        };
        let empty = !pa.le(&pz) || (eq(&pa, &pz) && !(incl(band, true) && incl(band, false)));
        if empty {
            errors.push(f(
                path,
                format!(
                    "档次“{}”为空（{a} 至 {z}，依边界约定不含任何数额），使用该档次的阶次无法裁量",
                    band.name
                ),
            ));
            continue;
        }
        placed.push((pa, pz, j));
    }
    placed.sort_by(|x, y| {
        if eq(&x.0, &y.0) {
            std::cmp::Ordering::Equal
        } else if x.0.le(&y.0) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    let Some(&(first, _, j0)) = placed.first() else {
        return;
    };
    let start = if max_only { s } else { Fraction::ZERO };
    if !first.le(&start) {
        warnings.push(f(
            bands.path(base, j0),
            format!("档次自 {first} 起，{start} 至 {first} 之间没有档次"),
        ));
    }
    for pair in placed.windows(2) {
        let (_, z, j) = pair[0];
        let (a, _, k) = pair[1];
        let (bj, bk) = (&bands.list[j], &bands.list[k]);
        if !eq(&z, &a) && !z.le(&a) {
            warnings.push(f(
                bands.path(base, k),
                format!("档次“{}”与“{}”重叠（{} 至 {}）", bj.name, bk.name, a, z),
            ));
        } else if !eq(&z, &a) {
            warnings.push(f(
                bands.path(base, k),
                format!(
                    "档次“{}”与“{}”之间有空档（{} 至 {}）",
                    bj.name, bk.name, z, a
                ),
            ));
        } else if !incl(bj, false) && !incl(bk, true) {
            warnings.push(f(
                bands.path(base, k),
                format!(
                    "档次“{}”与“{}”在分界点 {z} 均不含本数，分界点上的数额不属于任何档次",
                    bj.name, bk.name
                ),
            ));
        }
    }
    let last_to = placed
        .iter()
        .map(|x| x.1)
        .fold(Fraction::ZERO, |m, x| if m.le(&x) { x } else { m });
    if !Fraction::ONE.le(&last_to) {
        if let Some(&(_, _, jl)) = placed.last() {
            warnings.push(f(
                bands.path(base, jl),
                format!("档次止于 {last_to}，{last_to} 至 1 之间没有档次"),
            ));
        }
    }
}

/// Checks the split rule.
pub(crate) fn check(
    split: &SplitRule,
    bounds: &BoundConvention,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let s = match split.stand_in_min {
        Some(s) if !s.is_unit() || Fraction::ONE.le(&s) => {
            errors.push(f(
                "$.rules.split.stand_in_min".into(),
                format!("替代最低额比例 {s} 应不小于 0 且小于 1"),
            ));
            Fraction::ZERO
        }
        Some(s) => s,
        None => Fraction::ZERO,
    };
    list(
        &split.range,
        "$.rules.split.range",
        false,
        Fraction::ZERO,
        bounds,
        errors,
        warnings,
    );
    list(
        &split.max_only,
        "$.rules.split.max_only",
        true,
        s,
        bounds,
        errors,
        warnings,
    );
    if split.basis.is_empty() {
        warnings.push(f("$.rules.split.basis".into(), "阶次划分规则未注明出处"));
    }
}
