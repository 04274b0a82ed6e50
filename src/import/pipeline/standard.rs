//! A tier's standard (裁量基准) read into its outcome, in the statutory fine's own scale: "处二十
//! 萬以上三十萬元以下罰款" → a range of 元 within the item's 20–50万; "处已收取的预付款0.5%以下的罚
//! 款" → up to 0.5 (%) of the item's 预付款 fine; "处1万元罚款" → a fixed point; "没收违法所得" → no
//! fine but that penalty; "责令改正" → correction only; "不予行政处罚"; the band, portion and
//! point wordings of [`crate::wording::outcome_words`]. A standard in another scale than the
//! statute's, or outside its range, waits for the author.

use rust_decimal::Decimal;

use crate::import::norm::Norm;
use crate::import::numeral::chinese_value;
use crate::import::{NumberUse, Role as NumberRole, Unit};
use crate::import::{ParsedFine, parse_standard};
use crate::num::Fraction;
use crate::pack::model::{
    BandPoint, FineForm, FineRule, Parties, PenaltyKind, PenaltyRule, Role, RoleOutcome, SplitRule,
    TierOutcome,
};
use crate::wording::band_display;

use super::facts::{FactBook, folded};
use super::report::{Finding, Status};

/// What a standard says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Said {
    /// A tier's outcome (for the principal role), other roles' outcomes, and penalties the
    /// tier adds.
    Outcome {
        outcome: TierOutcome,
        roles: Vec<RoleOutcome>,
        penalties: Vec<PenaltyRule>,
    },
    /// 不予处罚 (mandatory) or 可以不予处罚.
    NoPenalty { mandatory: bool },
    /// Nothing read.
    Nothing,
}

/// A standard read.
#[derive(Debug, Clone)]
pub(crate) struct StandardRead {
    pub said: Said,
    /// Penalties the words name (for rows that add an order to the item: 北京 "-1").
    pub penalties: Vec<PenaltyRule>,
    pub findings: Vec<Finding>,
    pub open: bool,
}

/// The item as far as a standard needs it.
pub(crate) struct ItemView<'a> {
    pub fines: &'a [FineRule],
    pub roles: &'a [Role],
    pub penalties: &'a [PenaltyRule],
    pub split: Option<&'a SplitRule>,
}

/// Reads a standard (see the module docs); `base` is its byte offset in the cell.
pub(crate) fn read_standard(
    text: &str,
    base: usize,
    item: &ItemView<'_>,
    book: &FactBook,
) -> StandardRead {
    let mut out = StandardRead {
        said: Said::Nothing,
        penalties: Vec::new(),
        findings: Vec::new(),
        open: false,
    };
    let n = Norm::new(text);
    let s: String = n.chars.iter().collect();
    let s = s.trim_end_matches(['。', '；', '，']);
    let whole = || crate::import::Fragment {
        text: text.to_string(),
        start: base,
        end: base + text.len(),
    };
    for (w, mandatory) in [
        ("不予行政处罚", true),
        ("不予处罚", true),
        ("可以不予行政处罚", false),
        ("可以不予处罚", false),
    ] {
        if s == w {
            out.said = Said::NoPenalty { mandatory };
            out.findings.push(
                Finding::new(
                    Status::Parsed,
                    if mandatory {
                        "不予处罚"
                    } else {
                        "可以不予处罚"
                    },
                )
                .at(Some(whole())),
            );
            return out;
        }
    }
    if let Some(o) = fraction_wording(s, item.split) {
        let msg = match &o {
            Ok(TierOutcome::Band { band }) => format!("按罚款幅度划分规则的“{band}”档确定"),
            Ok(_) => "按法定幅度的比例确定".to_string(),
            Err(e) => e.clone(),
        };
        match o {
            Ok(outcome) => {
                out.findings
                    .push(Finding::new(Status::Parsed, msg).at(Some(whole())));
                out.said = Said::Outcome {
                    outcome,
                    roles: Vec::new(),
                    penalties: Vec::new(),
                };
            }
            Err(_) => {
                out.findings
                    .push(Finding::new(Status::NotUnderstood, msg).at(Some(whole())));
                out.open = true;
            }
        }
        return out;
    }
    let p = parse_standard(text);
    let shift = |f: &crate::import::Fragment| crate::import::Fragment {
        text: f.text.clone(),
        start: f.start + base,
        end: f.end + base,
    };
    for nu in &p.not_understood {
        out.findings.push(
            Finding::new(Status::NotUnderstood, nu.reason.clone()).at(Some(shift(&nu.fragment))),
        );
        out.open = true;
    }
    let item_kinds: Vec<PenaltyKind> = item.penalties.iter().map(|p| p.kind).collect();
    let named: Vec<PenaltyRule> = p
        .penalties
        .iter()
        .map(|pe| PenaltyRule {
            kind: pe.kind,
            text: pe.words.text.clone(),
            mandatory: pe.mandatory,
            when: None,
            decided_by: pe.decided_by.as_ref().map(|d| d.text.clone()),
            parties: Parties::All,
            role: None,
        })
        .collect();
    out.penalties = named.clone();
    let extra: Vec<PenaltyRule> = named
        .iter()
        .filter(|pe| !pe.kind.is_order() && !item_kinds.contains(&pe.kind))
        .cloned()
        .collect();
    for pe in &p.penalties {
        out.findings.push(
            Finding::new(
                Status::Parsed,
                format!(
                    "{}{}",
                    pe.kind.label(),
                    if item_kinds.contains(&pe.kind) || pe.kind.is_order() {
                        "（法定处罚已有）"
                    } else {
                        "（本阶次另处）"
                    }
                ),
            )
            .at(Some(shift(&pe.words))),
        );
    }
    if !p.not_understood.is_empty() {
        return out;
    }
    if p.fines.is_empty() {
        let orders_only = !named.is_empty() && named.iter().all(|pe| pe.kind.is_order());
        let no_fine_words = ["不予罚款", "不罚款", "免予罚款", "不处罚款"]
            .iter()
            .any(|w| s.contains(w));
        let outcome = if orders_only {
            TierOutcome::CorrectionOnly
        } else if !named.is_empty() || no_fine_words {
            TierOutcome::NoFine
        } else {
            out.findings.push(
                Finding::new(Status::NotUnderstood, "没有读到罚款、其他处罚或“不予处罚”")
                    .at(Some(whole())),
            );
            out.open = true;
            return out;
        };
        out.findings.push(
            Finding::new(
                Status::Parsed,
                match outcome {
                    TierOutcome::CorrectionOnly => "只责令改正，不罚款",
                    _ => "不罚款",
                },
            )
            .at(Some(whole())),
        );
        out.said = Said::Outcome {
            outcome,
            roles: Vec::new(),
            penalties: extra,
        };
        return out;
    }
    // Fines: each for the principal role or another.
    let principal = item.roles.first().map(|r| r.id.as_str());
    let mut main = None;
    let mut roles = Vec::new();
    for f in &p.fines {
        let role = f
            .party
            .as_ref()
            .map(|pt| folded(&pt.words.text))
            .and_then(|w| {
                item.roles
                    .iter()
                    .find(|r| folded(&r.label) == w)
                    .map(|r| r.id.clone())
            });
        let is_principal = role.is_none() || role.as_deref() == principal;
        let rules: Vec<&FineRule> = item
            .fines
            .iter()
            .filter(|r| match (&role, principal) {
                (Some(w), _) if !is_principal => r.role.as_deref() == Some(w.as_str()),
                _ => r.role.is_none() || r.role.as_deref() == principal,
            })
            .filter(|r| {
                let party = f.party.as_ref().and_then(|pt| pt.parties);
                match party {
                    Some(p) if role.is_none() => r.parties == Parties::All || r.parties == p,
                    _ => true,
                }
            })
            .collect();
        match outcome_of(f, &rules, book) {
            Ok((outcome, msg)) => {
                out.findings
                    .push(Finding::new(Status::Parsed, msg).at(Some(shift(&f.words))));
                match (is_principal, &role) {
                    (true, _) if main.is_none() => main = Some(outcome),
                    (false, Some(r)) => roles.push(RoleOutcome {
                        role: r.clone(),
                        outcome,
                        penalties: Vec::new(),
                    }),
                    _ => {
                        out.findings.push(
                            Finding::new(
                                Status::NeedsDecision,
                                "一个阶次对同一当事人写了两处罚款，请拆分为两个阶次或按角色写明",
                            )
                            .at(Some(shift(&f.words))),
                        );
                        out.open = true;
                    }
                }
            }
            Err((status, msg)) => {
                out.findings
                    .push(Finding::new(status, msg).at(Some(shift(&f.words))));
                out.open = true;
            }
        }
    }
    if out.open {
        return out;
    }
    match main {
        Some(outcome) => {
            out.said = Said::Outcome {
                outcome,
                roles,
                penalties: extra,
            }
        }
        None => {
            out.findings.push(
                Finding::new(
                    Status::NeedsDecision,
                    "阶次只写了其他角色的罚款，没有主要当事人的",
                )
                .at(Some(whole())),
            );
            out.open = true;
        }
    }
    out
}

/// Whether the form's scale is the fine's: (scale, base fact).
fn scale_of(form: &FineForm) -> (Unit, Option<&str>) {
    match form {
        FineForm::Percent { base, .. } => (Unit::Percent, Some(base)),
        FineForm::Multiple { base, .. } => (Unit::Multiple, Some(base)),
        FineForm::PerUnit { quantity, .. } => (Unit::Yuan, Some(quantity)),
        _ => (Unit::Yuan, None),
    }
}

/// The statutory [min, max] of a rule in its scale.
fn bounds_of(form: &FineForm) -> Option<(Decimal, Decimal)> {
    Some(match form {
        FineForm::Range { min, max } => (min.0, max.0),
        FineForm::MaxOnly { max } => (Decimal::ZERO, max.0),
        FineForm::Fixed { amount } => (amount.0, amount.0),
        FineForm::Percent { min, max, .. }
        | FineForm::Multiple { min, max, .. }
        | FineForm::PerUnit { min, max, .. } => (min.map_or(Decimal::ZERO, |m| m.0), max.0),
        FineForm::Unspecified { .. } => return None,
    })
}

fn inc(n: &NumberUse) -> Option<bool> {
    (!n.by_convention).then_some(n.inclusive)
}

/// A tier fine as an outcome in the scale of one of the statutory rules.
fn outcome_of(
    f: &ParsedFine,
    rules: &[&FineRule],
    book: &FactBook,
) -> Result<(TierOutcome, String), (Status, String)> {
    let unit = f.numbers.first().map_or(Unit::Yuan, |n| n.unit);
    let base_words = f.base.as_ref().map(|b| folded(&b.text));
    let base_fact = base_words
        .as_deref()
        .and_then(|w| book.number(w, None).map(|x| x.id));
    let per_unit = matches!(f.form, FineForm::PerUnit { .. });
    let fits = |r: &&&FineRule| {
        let (u, b) = scale_of(&r.form);
        let unspecified = matches!(r.form, FineForm::Unspecified { .. });
        match unit {
            Unit::Yuan if per_unit => matches!(r.form, FineForm::PerUnit { .. }),
            Unit::Yuan => {
                u == Unit::Yuan && !matches!(r.form, FineForm::PerUnit { .. }) || unspecified
            }
            _ => {
                u == unit
                    && (base_fact.as_deref() == b
                        || base_words.as_deref().is_some_and(|w| Some(w) == b))
            }
        }
    };
    let rule = match rules.iter().find(fits) {
        Some(r) => Some(*r),
        None if rules.is_empty() => None,
        None => {
            return Err((
                Status::NeedsDecision,
                "阶次罚款的计算方式（元、比例、倍数或基数）与法定罚款不同".into(),
            ));
        }
    };
    let outcome = match f.numbers.as_slice() {
        [a] if a.role == NumberRole::Amount => TierOutcome::Fixed { value: a.value },
        [a] if a.role == NumberRole::Max => TierOutcome::Range {
            min: None,
            min_inclusive: None,
            max: a.value,
            max_inclusive: inc(a),
        },
        [a, b] => TierOutcome::Range {
            min: Some(a.value),
            min_inclusive: inc(a),
            max: b.value,
            max_inclusive: inc(b),
        },
        _ => {
            return Err((Status::NotUnderstood, "罚款数额中没有可以确定的数字".into()));
        }
    };
    let (lo, hi) = match &outcome {
        TierOutcome::Fixed { value } => (value.0, value.0),
        TierOutcome::Range { min, max, .. } => (min.map_or(Decimal::ZERO, |m| m.0), max.0),
        _ => (Decimal::ZERO, Decimal::ZERO),
    };
    let u = match unit {
        Unit::Yuan => "元",
        Unit::Percent => "%",
        Unit::Multiple => "倍",
    };
    let num = |v: Decimal| match unit {
        Unit::Yuan => format!("{}元", crate::wording::yuan(v)),
        _ => format!("{}{u}", v.normalize()),
    };
    let mut msg = match &outcome {
        TierOutcome::Fixed { value } => format!("阶次罚款 {}", num(value.0)),
        _ => format!(
            "阶次罚款 {}至{}",
            if lo.is_zero() { String::new() } else { num(lo) },
            num(hi)
        ),
    };
    match rule.and_then(|r| bounds_of(&r.form)) {
        Some((smin, smax)) if lo < smin || hi > smax => {
            return Err((
                Status::NeedsDecision,
                format!("{msg}，超出法定幅度 {}至{}", num(smin), num(smax)),
            ));
        }
        Some(_) => msg.push_str("，在法定幅度内"),
        None if rule.is_none() => msg.push_str("（法定罚款未确定，无法核对）"),
        None => msg.push_str("（法律未规定罚款数额，由本基准确定）"),
    }
    Ok((outcome, msg))
}

/// The band, portion and point wordings of [`crate::wording::outcome_words`] (folded text).
fn fraction_wording(s: &str, split: Option<&SplitRule>) -> Option<Result<TierOutcome, String>> {
    if let Some(rest) = s.strip_prefix("按\"")
        && let Some((name, tail)) = rest.split_once("\"档处罚")
        && (tail.is_empty() || tail.starts_with('('))
    {
        let band = match split {
            Some(sp) => sp
                .range
                .list
                .iter()
                .find(|b| band_display(split, &b.name) == name || b.name == name)
                .map(|b| b.name.clone()),
            None => None,
        }
        .unwrap_or_else(|| match name {
            "从轻" => "lower".into(),
            "一般" => "middle".into(),
            "从重" => "upper".into(),
            other => other.to_string(),
        });
        return Some(Ok(TierOutcome::Band { band }));
    }
    if let Some(rest) = s.strip_prefix("按法定幅度的")
        && let Some(body) = rest.strip_suffix("处罚")
    {
        if let Some((a, b)) = body.split_once('至') {
            return Some(match (fraction(a), fraction(b)) {
                (Some(from), Some(to)) => Ok(TierOutcome::Portion { from, to }),
                _ => Err(format!("无法读懂比例“{body}”")),
            });
        }
        let at = match body {
            "下限" => Some(Fraction::ZERO),
            "上限" => Some(Fraction::ONE),
            b => b.strip_suffix('处').and_then(fraction),
        };
        return Some(match at {
            Some(f) => Ok(TierOutcome::Point {
                at: BandPoint::Span(f),
            }),
            None => Err(format!("无法读懂“{body}”")),
        });
    }
    if let Some(rest) = s.strip_prefix("按法定最高额的")
        && let Some(body) = rest.strip_suffix("处罚")
    {
        return Some(match fraction(body) {
            Some(f) => Ok(TierOutcome::Point {
                at: BandPoint::OfMax(f),
            }),
            None => Err(format!("无法读懂“{body}”")),
        });
    }
    None
}

/// "三分之一", "百分之四十", "零", "一", "1/3", "30%", "0.4" as a fraction.
fn fraction(s: &str) -> Option<Fraction> {
    let num = |t: &str| -> Option<Decimal> {
        if t.chars().all(|c| c.is_ascii_digit() || c == '.') && !t.is_empty() {
            t.parse().ok()
        } else {
            let cs: Vec<char> = t.chars().collect();
            chinese_value(&cs)
        }
    };
    if let Ok(f) = s.parse::<Fraction>() {
        return Some(f);
    }
    if let Some(p) = s.strip_prefix("百分之") {
        return Some(Fraction {
            num: num(p)?,
            den: Decimal::ONE_HUNDRED,
        });
    }
    if let Some((d, n)) = s.split_once("分之") {
        let den = num(d)?;
        if den.is_zero() {
            return None;
        }
        return Some(Fraction { num: num(n)?, den });
    }
    if s == "零" {
        return Some(Fraction::ZERO);
    }
    num(s).map(|v| Fraction {
        num: v,
        den: Decimal::ONE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;
    use crate::pack::model::ColumnMapping;

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    fn rule(form: FineForm) -> FineRule {
        FineRule {
            parties: Parties::All,
            role: None,
            form,
            mandatory: true,
            when: None,
            basis: None,
        }
    }

    fn said(text: &str, fines: &[FineRule]) -> (Said, bool) {
        let book = FactBook::new(&ColumnMapping::default());
        let view = ItemView {
            fines,
            roles: &[],
            penalties: &[],
            split: None,
        };
        let r = read_standard(text, 0, &view, &book);
        (r.said, r.open)
    }

    #[test]
    fn standards_in_the_scale_of_the_fine() {
        let range = [rule(FineForm::Range {
            min: d("200000"),
            max: d("500000"),
        })];
        assert_eq!(
            said("處二十萬以上三十萬元以下罰款", &range),
            (
                Said::Outcome {
                    outcome: TierOutcome::Range {
                        min: Some(d("200000")),
                        min_inclusive: None,
                        max: d("300000"),
                        max_inclusive: None
                    },
                    roles: vec![],
                    penalties: vec![]
                },
                false
            )
        );
        // Outside the statute: the author decides.
        assert!(said("处六十万元以上七十万元以下罚款", &range).1);
        let fixed = said(
            "处1万元罚款",
            &[rule(FineForm::Range {
                min: d("10000"),
                max: d("50000"),
            })],
        );
        assert!(
            matches!(fixed.0, Said::Outcome { outcome: TierOutcome::Fixed { value }, .. } if value == d("10000"))
        );
        let exclusive = said(
            "处超过10,000元、30,000元以下的罚款",
            &[rule(FineForm::Range {
                min: d("10000"),
                max: d("50000"),
            })],
        );
        assert!(matches!(
            exclusive.0,
            Said::Outcome {
                outcome: TierOutcome::Range {
                    min_inclusive: Some(false),
                    max_inclusive: None,
                    ..
                },
                ..
            }
        ));
        // Percent against 元: not the statute's scale.
        let pct = [rule(FineForm::Percent {
            base: "prepayment".into(),
            min: None,
            max: d("1"),
        })];
        assert!(said("处5万元罚款", &pct).1);
        assert_eq!(
            said("责令改正", &range).0,
            Said::Outcome {
                outcome: TierOutcome::CorrectionOnly,
                roles: vec![],
                penalties: vec![]
            }
        );
        assert_eq!(
            said("不予行政處罰", &range).0,
            Said::NoPenalty { mandatory: true }
        );
        assert!(
            matches!(said("没收违法所得", &pct).0, Said::Outcome { outcome: TierOutcome::NoFine, ref penalties, .. } if penalties.len() == 1)
        );
        assert!(said("……", &range).1);
        assert_eq!(
            said("按法定幅度的零至百分之三十处罚", &range).0,
            Said::Outcome {
                outcome: TierOutcome::Portion {
                    from: Fraction::ZERO,
                    to: Fraction {
                        num: Decimal::from(30),
                        den: Decimal::ONE_HUNDRED
                    }
                },
                roles: vec![],
                penalties: vec![]
            }
        );
        assert_eq!(
            said("按“从重”档处罚（法定幅度的三分之二至一）", &range).0,
            Said::Outcome {
                outcome: TierOutcome::Band {
                    band: "upper".into()
                },
                roles: vec![],
                penalties: vec![]
            }
        );
    }
}
