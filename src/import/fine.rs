//! The amount of a fine: what stands between 处 and 罚款 — "5万元以上10万元以下的",
//! "工程合同价款1%以上2%以下的", "违法所得2倍以上5倍以下", "已收取的预付款1%以下的",
//! "3万元的", "" (处以罚款) — read into a [`FineForm`] with every number's role and words.

use rust_decimal::Decimal;
use serde::Serialize;

use super::norm::{Fragment, Norm};
use super::numeral::{Num, Scale, number_at};
use crate::num::Dec;
use crate::pack::model::FineForm;

/// What a number of a fine is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The minimum (…以上).
    Min,
    /// The maximum (…以下).
    Max,
    /// A fixed amount, percentage or multiple.
    Amount,
}

/// The scale of a fine's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 元.
    Yuan,
    /// Per cent of the base (a ‰ is read as a tenth of a per cent: 5‰ → 0.5).
    Percent,
    /// Times the base (倍).
    Multiple,
}

/// One number of a parsed fine and the words it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberUse {
    /// Its role.
    pub role: Role,
    /// Its value in `unit` (万 applied: "5万元" → 50000; "千分之五" → 0.5 per cent).
    pub value: Dec,
    /// Its scale.
    pub unit: Unit,
    /// Whether the bound includes the number itself (以上 / 以下 do, 民法典 art 1259).
    pub inclusive: bool,
    /// Whether the bound word is a bare 以上 / 以下, whose 含本数 a document may settle by its own
    /// convention ("以下含本数，以上不含本数"), rather than words that say it (超过, 不满,
    /// 及以上, "（含本数）").
    pub by_convention: bool,
    /// The words, e.g. "5万元以上", "百分之五以上".
    pub written: Fragment,
}

/// A fine amount read from its words.
pub(crate) struct Amount {
    pub form: FineForm,
    pub base: Option<Fragment>,
    pub numbers: Vec<NumberUse>,
}

/// A comparison word of a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// ≥ (以上, 不低于, 不少于, 满).
    Ge,
    /// > (超过, 高于, 多于).
    Gt,
    /// ≤ (以下, 以内, 不超过).
    Le,
    /// < (不满, 不足, 未满, 低于, 少于).
    Lt,
}

/// Words written before a number.
pub(crate) const PREFIX_OPS: &[(&str, Bound)] = &[
    ("不超过", Bound::Le),
    ("不高于", Bound::Le),
    ("不多于", Bound::Le),
    ("不低于", Bound::Ge),
    ("不少于", Bound::Ge),
    ("不满", Bound::Lt),
    ("不足", Bound::Lt),
    ("未满", Bound::Lt),
    ("未达到", Bound::Lt),
    ("超过", Bound::Gt),
    ("超出", Bound::Gt),
    ("高于", Bound::Gt),
    ("多于", Bound::Gt),
    ("大于", Bound::Gt),
    ("低于", Bound::Lt),
    ("少于", Bound::Lt),
    ("小于", Bound::Lt),
    ("达到", Bound::Ge),
];

/// Words written after a number.
pub(crate) const SUFFIX_OPS: &[(&str, Bound)] = &[
    ("及以上", Bound::Ge),
    ("及以下", Bound::Le),
    ("以上", Bound::Ge),
    ("以下", Bound::Le),
    ("以内", Bound::Le),
];

/// Explicit inclusion written after a bound.
pub(crate) const INCLUSION: &[(&str, bool)] = &[
    ("(含本数)", true),
    ("(包含本数)", true),
    ("(含)", true),
    ("(不含本数)", false),
    ("(不包含本数)", false),
    ("(不含)", false),
];

/// Range words that do not say whether the ends are included.
pub(crate) const RANGE_WORDS: &[&str] = &["至", "到", "-", "~", "—", "－"];

/// A bound as written: comparison, number, and its words.
pub(crate) struct Term {
    pub op: Option<Bound>,
    pub explicit: Option<bool>,
    pub num: Num,
    /// The unit written after the number (元, 倍, 平方米 …), folded.
    pub unit: String,
    /// The comparison is a bare 以上 / 以下 (see [`NumberUse::by_convention`]).
    pub by_convention: bool,
    pub start: usize,
    pub end: usize,
}

impl Term {
    /// Whether the bound includes its number.
    pub fn inclusive(&self) -> bool {
        match (self.explicit, self.op) {
            (Some(e), _) => e,
            (None, Some(Bound::Gt | Bound::Lt)) => false,
            _ => true,
        }
    }

    /// The comparison with any explicit 含本数 / 不含本数 applied.
    pub fn lower(&self) -> Option<bool> {
        match self.op {
            Some(Bound::Ge | Bound::Gt) => Some(true),
            Some(Bound::Le | Bound::Lt) => Some(false),
            None => None,
        }
    }
}

fn match_list<T: Copy>(n: &Norm, i: usize, list: &[(&str, T)]) -> Option<(T, usize)> {
    list.iter()
        .find(|(w, _)| n.at(i, w))
        .map(|&(w, t)| (t, i + w.chars().count()))
}

/// An explicit 含本数 / 不含本数 at `i`, and where it ends.
pub(crate) fn inclusion_at(n: &Norm, i: usize) -> Option<(bool, usize)> {
    match_list(n, i, INCLUSION)
}

/// Reads one bound term at `i`: [prefix op] number [unit] [suffix op] [(含本数)]. `units` are
/// the unit words accepted after the number, longest first.
pub(crate) fn term_at(n: &Norm, i: usize, end: usize, units: &[&str]) -> Option<Term> {
    let (pre, k) = match match_list(n, i, PREFIX_OPS) {
        Some((op, k)) => (Some(op), k),
        None => (None, i),
    };
    let num = number_at(n, k)?;
    if num.end > end {
        return None;
    }
    let mut k = num.end;
    let mut unit = String::new();
    if let Some(u) = units.iter().find(|u| n.at(k, u)) {
        unit = (*u).to_string();
        k += u.chars().count();
    }
    let mut op = pre;
    let mut bare = false;
    if op.is_none()
        && let Some((o, k2)) = match_list(n, k, SUFFIX_OPS)
    {
        bare = n.at(k, "以上") || n.at(k, "以下");
        op = Some(o);
        k = k2;
    }
    let mut explicit = None;
    if let Some((e, k2)) = match_list(n, k, INCLUSION) {
        explicit = Some(e);
        k = k2;
    }
    if k > end {
        return None;
    }
    Some(Term {
        op,
        explicit,
        num,
        unit,
        by_convention: bare && explicit.is_none(),
        start: i,
        end: k,
    })
}

const FINE_UNITS: &[&str] = &["元", "倍"];

fn dec(d: Decimal) -> Dec {
    Dec(d.normalize())
}

/// Whether a number at `i` starts the amount (and is not part of the base's words).
fn starts_amount(n: &Norm, i: usize, end: usize) -> bool {
    if match_list(n, i, PREFIX_OPS).is_some() {
        return term_at(n, i, end, FINE_UNITS).is_some();
    }
    let Some(num) = number_at(n, i) else {
        return false;
    };
    if num.end > end {
        return false;
    }
    let next = num.end;
    num.scale != Scale::Plain
        || num.has_multiplier && !num.chinese
        || FINE_UNITS.iter().any(|u| n.at(next, u))
        || SUFFIX_OPS.iter().any(|(w, _)| n.at(next, w))
        || next == end
        || !num.chinese && (n.at(next, "的") || n.at(next, "("))
        || num.chinese && num.has_multiplier && (n.at(next, "的") || next == end)
}

/// Reads the amount in folded `i..j` (between 处 / 处以 and 罚款). Bounds that exclude their
/// number (超过, 不满) are refused unless `exclusive_ok` (a tier's standard may say "处超过1万元、
/// 3万元以下的罚款"; a statutory fine form cannot hold it): the form then holds the numbers, and
/// [`NumberUse::inclusive`] says which bound is excluded.
pub(crate) fn parse_amount(
    n: &Norm,
    i: usize,
    j: usize,
    exclusive_ok: bool,
) -> Result<Amount, String> {
    let mut j = j;
    while j > i && n.chars[j - 1] == '的' {
        j -= 1;
    }
    if i >= j {
        return Ok(Amount {
            form: FineForm::Unspecified {
                note: "法条未规定罚款数额".into(),
            },
            base: None,
            numbers: Vec::new(),
        });
    }
    // The base: the words before the first number.
    let Some(q) = (i..j).find(|&k| starts_amount(n, k, j)) else {
        return Err("罚款数额中没有可以确定的数字".into());
    };
    let mut b_end = q;
    while b_end > i && n.chars[b_end - 1] == '的' {
        b_end -= 1;
    }
    let base = (b_end > i).then(|| n.frag(i, b_end));
    let base_text = n.string(i, b_end);
    if base_text.chars().any(|c| c.is_ascii_digit()) {
        return Err("基数的文字中含有数字".into());
    }
    // The bounds.
    let mut terms = Vec::new();
    let mut k = q;
    while k < j {
        if RANGE_WORDS.iter().any(|w| n.at(k, w)) {
            return Err("用“至”“-”等连接的幅度没有说明是否含本数".into());
        }
        // "超过1万元、3万元以下": the two bounds may be set apart by a 、.
        if !terms.is_empty() && n.at(k, "、") {
            k += 1;
        }
        let Some(t) = term_at(n, k, j, FINE_UNITS) else {
            return Err(format!("无法读懂“{}”", n.frag(k, j).text));
        };
        k = t.end;
        terms.push(t);
    }
    // One scale for all terms.
    let unit_of = |t: &Term| -> Result<Unit, String> {
        Ok(match (t.num.scale, t.unit.as_str()) {
            (Scale::Percent | Scale::Permille, "") => Unit::Percent,
            (Scale::Plain, "倍") => Unit::Multiple,
            (Scale::Plain, "元") => Unit::Yuan,
            // "二十万以上三十万元以下", "10万以上20万以下": 万 makes it an amount of 元.
            (Scale::Plain, "") if t.num.has_multiplier => Unit::Yuan,
            (Scale::Plain, "") => return Err("数字没有单位（元、倍或百分比）".into()),
            _ => return Err("数字的单位无法确定".into()),
        })
    };
    let Some(first) = terms.first() else {
        return Err("罚款数额中没有可以确定的数字".into());
    };
    let unit = unit_of(first)?;
    for t in &terms[1..] {
        if unit_of(t)? != unit {
            return Err("上下限的单位不一致".into());
        }
    }
    let value = |t: &Term| -> Decimal {
        match t.num.scale {
            Scale::Permille => t.num.value / Decimal::TEN,
            _ => t.num.value,
        }
    };
    let use_of = |t: &Term, role: Role| NumberUse {
        role,
        value: dec(value(t)),
        unit,
        inclusive: t.inclusive(),
        by_convention: t.by_convention,
        written: n.frag(t.start, t.end),
    };
    if !exclusive_ok && terms.iter().any(|t| !t.inclusive()) {
        return Err("罚款幅度的边界不含本数（超过、不满），现有罚款格式无法表示".into());
    }
    let (min, max, numbers) = match terms.as_slice() {
        [t] => match t.lower() {
            None => (Some(value(t)), value(t), vec![use_of(t, Role::Amount)]),
            Some(false) => (None, value(t), vec![use_of(t, Role::Max)]),
            Some(true) => return Err("只有下限（…以上），没有上限".into()),
        },
        [a, b] => {
            if a.lower() != Some(true) || b.lower() != Some(false) {
                return Err("两个数字不是“…以上…以下”的形式".into());
            }
            if value(a) > value(b) {
                return Err("下限大于上限".into());
            }
            (
                Some(value(a)),
                value(b),
                vec![use_of(a, Role::Min), use_of(b, Role::Max)],
            )
        }
        _ => return Err("罚款数额中有两个以上的数字".into()),
    };
    let fixed = numbers.len() == 1 && numbers[0].role == Role::Amount;
    let form = match unit {
        Unit::Yuan => {
            if let Some(q) = base_text.strip_prefix('每') {
                if q.is_empty() {
                    return Err("“每”后面没有计量单位".into());
                }
                FineForm::PerUnit {
                    quantity: q.to_string(),
                    min: min.map(dec),
                    max: dec(max),
                }
            } else if !base_text.is_empty() {
                return Err(format!("“{base_text}”之后的是金额，不是比例或倍数"));
            } else if fixed {
                FineForm::Fixed { amount: dec(max) }
            } else if let Some(m) = min {
                FineForm::Range {
                    min: dec(m),
                    max: dec(max),
                }
            } else {
                FineForm::MaxOnly { max: dec(max) }
            }
        }
        Unit::Percent | Unit::Multiple => {
            if base_text.is_empty() {
                return Err("比例或倍数没有写明基数".into());
            }
            let base = base_text.clone();
            if unit == Unit::Percent {
                FineForm::Percent {
                    base,
                    min: min.map(dec),
                    max: dec(max),
                }
            } else {
                FineForm::Multiple {
                    base,
                    min: min.map(dec),
                    max: dec(max),
                }
            }
        }
    };
    Ok(Amount {
        form,
        base,
        numbers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Result<FineForm, String> {
        let n = Norm::new(s);
        parse_amount(&n, 0, n.len(), false).map(|a| a.form)
    }

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn forms() {
        assert_eq!(
            amount("5万元以上10万元以下的"),
            Ok(FineForm::Range {
                min: d("50000"),
                max: d("100000")
            })
        );
        assert_eq!(
            amount("二十万以上三十万元以下"),
            Ok(FineForm::Range {
                min: d("200000"),
                max: d("300000")
            })
        );
        assert_eq!(
            amount("工程合同价款1.3%以上2%以下的"),
            Ok(FineForm::Percent {
                base: "工程合同价款".into(),
                min: Some(d("1.3")),
                max: d("2")
            })
        );
        assert_eq!(
            amount("已收取的预付款的0.5%以上1%以下的"),
            Ok(FineForm::Percent {
                base: "已收取的预付款".into(),
                min: Some(d("0.5")),
                max: d("1")
            })
        );
        assert_eq!(
            amount("中标项目金额千分之五以上千分之十以下的"),
            Ok(FineForm::Percent {
                base: "中标项目金额".into(),
                min: Some(d("0.5")),
                max: d("1")
            })
        );
        assert_eq!(
            amount("违法所得一倍以上五倍以下"),
            Ok(FineForm::Multiple {
                base: "违法所得".into(),
                min: Some(d("1")),
                max: d("5")
            })
        );
        assert_eq!(
            amount("违法划拨款项二倍的"),
            Ok(FineForm::Multiple {
                base: "违法划拨款项".into(),
                min: Some(d("2")),
                max: d("2")
            })
        );
        assert_eq!(
            amount("3万元的"),
            Ok(FineForm::Fixed { amount: d("30000") })
        );
        assert_eq!(
            amount("五千元以下"),
            Ok(FineForm::MaxOnly { max: d("5000") })
        );
        assert_eq!(
            amount("每平方米500元以上1000元以下的"),
            Ok(FineForm::PerUnit {
                quantity: "平方米".into(),
                min: Some(d("500")),
                max: d("1000")
            })
        );
        assert!(matches!(amount(""), Ok(FineForm::Unspecified { .. })));
    }

    #[test]
    fn what_it_will_not_guess() {
        assert!(amount("1万元至5万元").is_err());
        assert!(amount("1000以下").is_err());
        assert!(amount("5万元以上").is_err());
        assert!(amount("超过1万元不满5万元").is_err());
        assert!(amount("10万元以上5万元以下").is_err());
        assert!(amount("工程合同价款2万元").is_err());
        assert!(amount("2%以上4%以下").is_err());
        assert!(amount("三千五元以下").is_err());
        assert!(amount("1万元以上2倍以下").is_err());
    }
}
