//! The benchmark range: a tier's outcome in 元 — a band of the pack's split rule (any number of
//! bands, points as a share of the span or of the maximum, a stand-in minimum where the law
//! sets none), a portion, a range or fixed value in the fine's own scale, or a point of the
//! statutory range. Bounds written without 含本数 follow the pack's boundary convention.

use rust_decimal::Decimal;

use super::Ctx;
use super::error::EngineError;
use super::range::{Span, overflow};
use super::statutory::to_yuan;
use crate::num::Fraction;
use crate::pack::model::{
    Band, BandPoint, Bands, BoundConvention, FineForm, SplitRule, TierOutcome,
};

/// Why a tier's range cannot be computed.
pub(crate) enum NoBenchmark {
    /// An amount it needs is missing (the statutory range, a base fact): pending on that.
    Missing,
    /// The tier uses a band, and the pack states no split rule.
    NoSplit,
    /// The split rule has no band of this name.
    NoBand(String),
}

/// The bands that apply to a statutory range: the max-only bands for a fine with no minimum.
pub(crate) fn bands_for<'s>(split: &'s SplitRule, st: &Span) -> &'s Bands {
    if open_at_zero(st) {
        &split.max_only
    } else {
        &split.range
    }
}

fn open_at_zero(st: &Span) -> bool {
    st.min.is_zero() && !st.min_inc
}

/// The span bands are taken of: the statutory range, or for a fine with no minimum where the
/// table sets a stand-in minimum as a share of the maximum, [share × maximum, maximum].
fn split_span(split: &SplitRule, st: &Span) -> Result<Span, EngineError> {
    match split.stand_in_min {
        Some(share) if open_at_zero(st) => {
            let lo = share.of(st.max).ok_or_else(|| overflow("替代最低额"))?;
            Ok(Span {
                min: lo,
                min_inc: true,
                max: st.max,
                max_inc: st.max_inc,
            })
        }
        _ => Ok(*st),
    }
}

/// A point of `span` (the range bands are taken of); `st` is the statutory range (for points
/// as a share of its maximum).
fn point(p: BandPoint, span: &Span, st: &Span) -> Result<Decimal, EngineError> {
    let err = || overflow("按比例划分幅度");
    match p {
        BandPoint::Span(f) => {
            let width = span.max.checked_sub(span.min).ok_or_else(err)?;
            span.min
                .checked_add(f.of(width).ok_or_else(err)?)
                .ok_or_else(err)
        }
        BandPoint::OfMax(f) => f.of(st.max).ok_or_else(err),
    }
}

/// A band of the statutory range, with its bounds' 含本数: as stated, else the convention (a
/// band's lower bound reads 以上, its upper 以下); a bound at the open zero of a max-only fine
/// stays open.
pub(crate) fn band_span(
    split: &SplitRule,
    bounds: &BoundConvention,
    band: &Band,
    st: &Span,
) -> Result<Span, EngineError> {
    let span = split_span(split, st)?;
    let min = point(band.from, &span, st)?;
    let max = point(band.to, &span, st)?;
    let at_start = band.from == BandPoint::Span(Fraction::ZERO);
    let at_end = band.to == BandPoint::Span(Fraction::ONE);
    let min_inc = match band.from_inclusive {
        Some(b) => b,
        None if at_start => span.min_inc,
        None => bounds.above.includes(),
    };
    let max_inc = match band.to_inclusive {
        Some(b) => b,
        None if at_end => span.max_inc,
        None => bounds.below.includes(),
    };
    Ok(Span {
        min,
        min_inc,
        max,
        max_inc,
    })
}

/// The band as an exact fraction of the statutory span, where it is one (points on the span,
/// no stand-in minimum): 从轻 / 从重 portions of it are then composed exactly.
pub(crate) fn band_fraction(split: &SplitRule, band: &Band, st: &Span) -> Option<[Fraction; 2]> {
    if split.stand_in_min.is_some() && open_at_zero(st) {
        return None;
    }
    match (band.from, band.to) {
        (BandPoint::Span(a), BandPoint::Span(b)) => Some([a, b]),
        _ => None,
    }
}

/// A value in the fine's own scale (%, 倍, 元 per unit) in 元; None while its base is missing.
fn in_yuan(cx: &Ctx<'_>, v: Decimal) -> Option<Result<Decimal, EngineError>> {
    match cx.rule.map(|r| &r.form) {
        Some(
            f @ (FineForm::Percent { .. } | FineForm::Multiple { .. } | FineForm::PerUnit { .. }),
        ) => to_yuan(f, &cx.facts, v),
        _ => Some(Ok(v)),
    }
}

/// The tier's range in 元.
pub(crate) fn span(
    cx: &mut Ctx<'_>,
    outcome: &TierOutcome,
) -> Result<Result<Span, NoBenchmark>, EngineError> {
    let lp = cx.lp;
    let bounds = &lp.pack.rules.bounds;
    match outcome {
        TierOutcome::Band { band: name } => {
            let Some(st) = cx.statutory else {
                return Ok(Err(NoBenchmark::Missing));
            };
            let Some(split) = lp.pack.rules.split.as_ref() else {
                return Ok(Err(NoBenchmark::NoSplit));
            };
            let Some(band) = bands_for(split, &st).get(name) else {
                return Ok(Err(NoBenchmark::NoBand(name.clone())));
            };
            cx.benchmark_fraction = band_fraction(split, band, &st);
            band_span(split, bounds, band, &st).map(Ok)
        }
        TierOutcome::Portion { from, to } => {
            let Some(st) = cx.statutory else {
                return Ok(Err(NoBenchmark::Missing));
            };
            cx.benchmark_fraction = Some([*from, *to]);
            st.portion(*from, *to).map(Ok)
        }
        TierOutcome::Point { at } => {
            let Some(st) = cx.statutory else {
                return Ok(Err(NoBenchmark::Missing));
            };
            let v = point(*at, &st, &st)?;
            Ok(Ok(Span::closed(v, v)))
        }
        TierOutcome::Range {
            min,
            min_inclusive,
            max,
            max_inclusive,
        } => {
            let Some(hi) = in_yuan(cx, max.0) else {
                return Ok(Err(NoBenchmark::Missing));
            };
            let hi = hi?;
            let (lo, lo_inc) = match min {
                Some(m) => match in_yuan(cx, m.0) {
                    Some(v) => (v?, min_inclusive.unwrap_or(bounds.above.includes())),
                    None => return Ok(Err(NoBenchmark::Missing)),
                },
                None => (Decimal::ZERO, false),
            };
            Ok(Ok(Span {
                min: lo,
                min_inc: lo_inc,
                max: hi,
                max_inc: max_inclusive.unwrap_or(bounds.below.includes()),
            }))
        }
        TierOutcome::Fixed { value } => {
            let v = match cx.rule.map(|r| &r.form) {
                Some(f) => match to_yuan(f, &cx.facts, value.0) {
                    Some(v) => v?,
                    None => return Ok(Err(NoBenchmark::Missing)),
                },
                None => value.0,
            };
            Ok(Ok(Span::closed(v, v)))
        }
        TierOutcome::NoFine | TierOutcome::NoPenalty | TierOutcome::CorrectionOnly => {
            Ok(Err(NoBenchmark::Missing))
        }
    }
}
