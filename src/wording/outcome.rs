//! A tier's outcome as a published benchmark words its 裁量基准: "处200,000元以上300,000元以下的
//! 罚款", "处已收取的预付款0.5%以下的罚款", "处超过10,000元、30,000元以下的罚款", "处10,000元
//! 的罚款", "按“从轻”档处罚（法定幅度的零至三分之一）", "责令改正，不予罚款", "不予行政处罚" —
//! in the fine's own scale, the bounds by the pack's convention for 以上 / 以下 (a bound the
//! convention does not give says 含本数 or 超过 / 不满 itself). The importer reads these words
//! back (`import::pipeline`), so an exported table imports as the pack it came from.

use super::fine::{fraction_words, point_words};
use super::money::yuan;
use crate::num::Dec;
use crate::pack::model::{BandPoint, BoundConvention, FineForm, SplitRule, TierOutcome};

/// The display name of a band: its label, or 从轻 / 一般 / 从重 for the bands format 1 named
/// lower / middle / upper.
pub fn band_display(split: Option<&SplitRule>, name: &str) -> String {
    let band = split.and_then(|s| s.range.get(name));
    if let Some(l) = band.and_then(|b| b.label.as_deref()) {
        return l.to_string();
    }
    match name {
        "lower" => "从轻".into(),
        "middle" => "一般".into(),
        "upper" => "从重".into(),
        other => other.to_string(),
    }
}

fn point(p: &BandPoint) -> String {
    match p {
        BandPoint::Span(f) => fraction_words(f),
        BandPoint::OfMax(f) => format!("最高额的{}", fraction_words(f)),
    }
}

/// The scale of a fine form: the words before the numbers (the base's label, "每平方米") and the
/// unit after them.
fn scale(form: Option<&FineForm>, label: &dyn Fn(&str) -> String) -> (String, &'static str, bool) {
    match form {
        Some(FineForm::Percent { base, .. }) => (label(base), "%", false),
        Some(FineForm::Multiple { base, .. }) => (label(base), "倍", false),
        Some(FineForm::PerUnit { quantity, .. }) => (format!("每{}", label(quantity)), "元", true),
        _ => (String::new(), "元", true),
    }
}

fn value(v: &Dec, money: bool) -> String {
    if money { yuan(v.0) } else { v.to_string() }
}

/// A tier's outcome in words (see the module docs). `form` is the statutory fine the outcome is
/// in the scale of; `label` names a fact by id; `split` names the bands.
pub fn outcome_words(
    outcome: &TierOutcome,
    form: Option<&FineForm>,
    label: &dyn Fn(&str) -> String,
    bounds: &BoundConvention,
    split: Option<&SplitRule>,
) -> String {
    let (prefix, unit, money) = scale(form, label);
    // "每平方米" stands before 处.
    let (before, after) = if prefix.starts_with('每') {
        (prefix.clone(), String::new())
    } else {
        (String::new(), prefix.clone())
    };
    match outcome {
        TierOutcome::Range {
            min,
            min_inclusive,
            max,
            max_inclusive,
        } => {
            let lower = match (min, min_inclusive) {
                (None, _) => String::new(),
                (Some(m), None) => format!("{}{unit}以上", value(m, money)),
                (Some(m), Some(true)) if bounds.above.includes() => {
                    format!("{}{unit}以上", value(m, money))
                }
                (Some(m), Some(true)) => format!("{}{unit}以上（含本数）", value(m, money)),
                (Some(m), Some(false)) => format!("超过{}{unit}、", value(m, money)),
            };
            let upper = match max_inclusive {
                None => format!("{}{unit}以下", value(max, money)),
                Some(true) if bounds.below.includes() => {
                    format!("{}{unit}以下", value(max, money))
                }
                Some(true) => format!("{}{unit}以下（含本数）", value(max, money)),
                Some(false) => format!("不满{}{unit}", value(max, money)),
            };
            format!("{before}处{after}{lower}{upper}的罚款")
        }
        TierOutcome::Fixed { value: v } => {
            format!("{before}处{after}{}{unit}的罚款", value(v, money))
        }
        TierOutcome::Band { band } => {
            let shown = band_display(split, band);
            let span = split
                .and_then(|s| s.range.get(band))
                .map(|b| format!("（法定幅度的{}至{}）", point(&b.from), point(&b.to)));
            format!("按“{shown}”档处罚{}", span.unwrap_or_default())
        }
        TierOutcome::Portion { from, to } => format!(
            "按法定幅度的{}至{}处罚",
            fraction_words(from),
            fraction_words(to)
        ),
        TierOutcome::Point { at } => match at {
            BandPoint::Span(f) => format!("按法定幅度的{}处罚", point_words(f)),
            BandPoint::OfMax(f) => format!("按法定最高额的{}处罚", fraction_words(f)),
        },
        TierOutcome::NoFine => "不予罚款".into(),
        TierOutcome::CorrectionOnly => "责令改正，不予罚款".into(),
        TierOutcome::NoPenalty => "不予行政处罚".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::Inclusion;

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn outcomes_in_the_fine_scale_and_the_convention() {
        let civil = BoundConvention::default();
        let label = |id: &str| match id {
            "prepayment" => "已收取的预付款".to_string(),
            o => o.to_string(),
        };
        let r = TierOutcome::Range {
            min: Some(d("200000")),
            min_inclusive: None,
            max: d("300000"),
            max_inclusive: None,
        };
        assert_eq!(
            outcome_words(&r, None, &label, &civil, None),
            "处200,000元以上300,000元以下的罚款"
        );
        let pct = FineForm::Percent {
            base: "prepayment".into(),
            min: None,
            max: d("1"),
        };
        let r = TierOutcome::Range {
            min: None,
            min_inclusive: None,
            max: d("0.5"),
            max_inclusive: None,
        };
        assert_eq!(
            outcome_words(&r, Some(&pct), &label, &civil, None),
            "处已收取的预付款0.5%以下的罚款"
        );
        let r = TierOutcome::Range {
            min: Some(d("10000")),
            min_inclusive: Some(false),
            max: d("30000"),
            max_inclusive: None,
        };
        assert_eq!(
            outcome_words(&r, None, &label, &civil, None),
            "处超过10,000元、30,000元以下的罚款"
        );
        // 以上不含本数 by convention: an included minimum says so.
        let conv = BoundConvention {
            above: Inclusion::Exclusive,
            ..BoundConvention::default()
        };
        let r = TierOutcome::Range {
            min: Some(d("10000")),
            min_inclusive: Some(true),
            max: d("30000"),
            max_inclusive: Some(true),
        };
        assert_eq!(
            outcome_words(&r, None, &label, &conv, None),
            "处10,000元以上（含本数）30,000元以下的罚款"
        );
        assert_eq!(
            outcome_words(
                &TierOutcome::Band {
                    band: "lower".into()
                },
                None,
                &label,
                &civil,
                None
            ),
            "按“从轻”档处罚"
        );
        assert_eq!(
            outcome_words(
                &TierOutcome::Portion {
                    from: "0".parse().unwrap_or(crate::num::Fraction::ZERO),
                    to: "30%".parse().unwrap_or(crate::num::Fraction::ONE)
                },
                None,
                &label,
                &civil,
                None
            ),
            "按法定幅度的零至百分之三十处罚"
        );
    }
}
