//! Statutory fine forms (“工程合同价款2%以上4%以下”, “100,000元以上200,000元以下”), thresholds
//! (“超过50,000元”, “10,000元以上（含本数）”) and fractions of a range (“三分之一”, “百分之四十”).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::money::yuan;
use super::numerals::chinese_number;
use crate::num::{Dec, Fraction};
use crate::pack::model::{FineForm, Threshold};

/// A fine form in the statute's terms, the base named by `label` (a fact id → its label):
/// “100,000元以上200,000元以下”, “工程合同价款2%以上4%以下”, “违法所得5倍以下”,
/// “按建筑面积每单位10元以上20元以下”, “法律未规定数额（…）”.
pub fn form_words(form: &FineForm, label: impl Fn(&str) -> String) -> String {
    let scaled = |min: &Option<Dec>, max: &Dec, unit: &str| match min {
        Some(m) => format!("{m}{unit}以上{max}{unit}以下"),
        None => format!("{max}{unit}以下"),
    };
    match form {
        FineForm::Range { min, max } => format!("{}元以上{}元以下", yuan(min.0), yuan(max.0)),
        FineForm::MaxOnly { max } => format!("{}元以下", yuan(max.0)),
        FineForm::Fixed { amount } => format!("{}元", yuan(amount.0)),
        FineForm::Percent { base, min, max } => format!("{}{}", label(base), scaled(min, max, "%")),
        FineForm::Multiple { base, min, max } => {
            format!("{}{}", label(base), scaled(min, max, "倍"))
        }
        FineForm::PerUnit { quantity, min, max } => match min {
            Some(m) => format!(
                "按{}每单位{}元以上{}元以下",
                label(quantity),
                yuan(m.0),
                yuan(max.0)
            ),
            None => format!("按{}每单位{}元以下", label(quantity), yuan(max.0)),
        },
        FineForm::Unspecified { note } => format!("法律未规定数额（{note}）"),
    }
}

/// A threshold as a bound: “10,000元以上（含本数）” or “超过50,000元”.
pub fn threshold_words(t: &Threshold) -> String {
    if t.inclusive {
        format!("{}元以上（含本数）", yuan(t.amount.0))
    } else {
        format!("超过{}元", yuan(t.amount.0))
    }
}

/// A fraction in words: 1/2 → 二分之一, 40/100 → 百分之四十, 2/1 → 二; anything else as written.
pub fn fraction_words(f: &Fraction) -> String {
    let whole = |d: Decimal| -> Option<u64> {
        if d.fract().is_zero() && !d.is_sign_negative() {
            d.to_u64()
        } else {
            None
        }
    };
    match (whole(f.num), whole(f.den)) {
        (Some(n), Some(100)) => format!("百分之{}", chinese_number(n)),
        (Some(n), Some(1)) => chinese_number(n),
        (Some(n), Some(d)) if d > 0 => format!("{}分之{}", chinese_number(d), chinese_number(n)),
        _ => f.to_string(),
    }
}

/// A point of a range by its fraction: 0 → 下限, 1 → 上限, 1/2 → 二分之一处.
pub fn point_words(f: &Fraction) -> String {
    if f.num.is_zero() {
        "下限".to_string()
    } else if f.num == f.den {
        "上限".to_string()
    } else {
        format!("{}处", fraction_words(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Dec {
        Dec(s.parse().unwrap())
    }

    #[test]
    fn forms_in_the_statute_terms() {
        let label = |id: &str| match id {
            "contract_price" => "工程合同价款".to_string(),
            other => other.to_string(),
        };
        let pct = FineForm::Percent {
            base: "contract_price".into(),
            min: Some(dec("2")),
            max: dec("4"),
        };
        assert_eq!(form_words(&pct, label), "工程合同价款2%以上4%以下");
        let range = FineForm::Range {
            min: dec("100000"),
            max: dec("200000"),
        };
        assert_eq!(form_words(&range, label), "100,000元以上200,000元以下");
        let mult = FineForm::Multiple {
            base: "gains".into(),
            min: None,
            max: dec("5"),
        };
        assert_eq!(form_words(&mult, label), "gains5倍以下");
    }

    #[test]
    fn thresholds_and_fractions() {
        let t = Threshold {
            amount: dec("50000"),
            inclusive: false,
        };
        assert_eq!(threshold_words(&t), "超过50,000元");
        let f: Fraction = "1/3".parse().unwrap();
        assert_eq!(fraction_words(&f), "三分之一");
        assert_eq!(point_words(&f), "三分之一处");
        assert_eq!(point_words(&"0".parse().unwrap()), "下限");
        assert_eq!(fraction_words(&"40/100".parse().unwrap()), "百分之四十");
    }
}
