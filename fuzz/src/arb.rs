//! Structure-aware inputs: packs and cases built from the model types out of fuzzer bytes
//! (`arbitrary::Unstructured`).
//!
//! Ids come from small vocabularies, so that a case names the pack's items, facts, tiers and
//! factors often enough for the engine to get past "unknown item" into tiers, adjustment,
//! rounding and flags. Numbers are biased towards the edges (0, one 分, 10^16, the decimal
//! range's ends, negative values, many decimal places).

use std::borrow::Cow;
use std::collections::BTreeMap;

use arbitrary::{Result, Unstructured};
use cailiang::case::{Capacity, Case, CaseDates, Circumstances, CoParty, FactValue};
use cailiang::date::Date;
use cailiang::num::{Dec, Fraction};
use cailiang::pack::LoadedPack;
use cailiang::pack::model::*;
use rust_decimal::Decimal;

const ITEM_CODES: [&str; 3] = ["X-1", "X-2", "X-3"];
const FACT_IDS: [&str; 5] = ["amount", "area", "serious", "kind", "first_offence"];
const TIER_CODES: [&str; 4] = ["A", "B", "C", "轻微"];
const FACTOR_IDS: [&str; 3] = ["f1", "f2", "f3"];
const CHOICES: [&str; 3] = ["甲", "乙", "丙"];
const ROLE_IDS: [&str; 2] = ["builder", "contractor"];
const DATE_FACTS: [&str; 4] = ["ordered", "checked", "occurred", "decided"];

/// Strings that have broken text builders elsewhere: markup, placeholders, brackets, bidi
/// overrides, line breaks, an empty string.
const NASTY: [&str; 12] = [
    "",
    "<script>alert(1)</script>",
    "{party}",
    "{",
    "}",
    "【】",
    "\u{202e}abc\u{202c}",
    "a\nb\r\n",
    "第六十四条",
    "0",
    "\u{0}",
    "处1万元以上10万元以下的罚款",
];

fn pick<'a, T: ?Sized>(u: &mut Unstructured, from: &[&'a T]) -> Result<&'a T> {
    Ok(from[u.choose_index(from.len())?])
}

fn text(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(1, 3)? {
        let s: String = u.arbitrary()?;
        s.chars().take(64).collect()
    } else {
        pick(u, &NASTY)?.to_string()
    })
}

fn list<T>(
    u: &mut Unstructured,
    max: usize,
    mut f: impl FnMut(&mut Unstructured) -> Result<T>,
) -> Result<Vec<T>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| f(u)).collect()
}

fn opt<T>(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary()? { Some(f(u)?) } else { None })
}

/// A decimal, biased towards the values that break arithmetic.
pub fn decimal(u: &mut Unstructured) -> Result<Decimal> {
    Ok(match u.int_in_range(0..=11u8)? {
        0 => Decimal::ZERO,
        1 => Decimal::new(1, 2),
        2..=4 => Decimal::from(u.int_in_range(0..=10_000_000u64)?),
        5 => Decimal::new(
            u.int_in_range(0..=1_000_000_000i64)?,
            u.int_in_range(0..=4)?,
        ),
        6 => Decimal::MAX,
        7 => Decimal::MIN,
        8 => Decimal::from(10_000_000_000_000_000u64) - Decimal::new(1, u.int_in_range(0..=2)?),
        9 => -Decimal::from(u.int_in_range(0..=1_000_000u64)?),
        10 => Decimal::new(u.arbitrary()?, u.int_in_range(0..=28)?),
        _ => {
            let m: i128 = u.arbitrary()?;
            Decimal::try_from_i128_with_scale(m >> 32, u.int_in_range(0..=28)?)
                .unwrap_or(Decimal::ONE)
        }
    })
}

fn dec(u: &mut Unstructured) -> Result<Dec> {
    Ok(Dec(decimal(u)?))
}

/// A fraction as the parser leaves it: the denominator is positive.
fn fraction(u: &mut Unstructured) -> Result<Fraction> {
    const COMMON: [(i64, i64); 8] = [
        (0, 1),
        (1, 1),
        (1, 3),
        (2, 3),
        (1, 2),
        (30, 100),
        (1, 4),
        (3, 4),
    ];
    if u.ratio(3, 4)? {
        let (n, d) = COMMON[u.choose_index(COMMON.len())?];
        return Ok(Fraction {
            num: Decimal::from(n),
            den: Decimal::from(d),
        });
    }
    let num = decimal(u)?;
    let den = decimal(u)?.abs();
    Ok(Fraction {
        num,
        den: if den.is_zero() { Decimal::ONE } else { den },
    })
}

fn pair(u: &mut Unstructured) -> Result<[Fraction; 2]> {
    Ok([fraction(u)?, fraction(u)?])
}

fn band_point(u: &mut Unstructured) -> Result<BandPoint> {
    Ok(if u.ratio(3, 4)? {
        BandPoint::Span(fraction(u)?)
    } else {
        BandPoint::OfMax(fraction(u)?)
    })
}

fn bands(u: &mut Unstructured) -> Result<Bands> {
    let t = |n: i64, d: i64| {
        BandPoint::Span(Fraction {
            num: Decimal::from(n),
            den: Decimal::from(d),
        })
    };
    let band = |name: &str, from, to| Band {
        name: name.to_string(),
        label: None,
        from,
        to,
        from_inclusive: None,
        to_inclusive: None,
    };
    if u.ratio(2, 3)? {
        return Ok(Bands {
            list: vec![
                band("lower", t(0, 1), t(1, 3)),
                band("middle", t(1, 3), t(2, 3)),
                band("upper", t(2, 3), t(1, 1)),
            ],
            by_name: u.arbitrary()?,
        });
    }
    let names = ["lower", "middle", "upper", "第四档"];
    let n = u.int_in_range(0..=names.len())?;
    let mut list = Vec::new();
    for name in &names[..n] {
        list.push(Band {
            name: name.to_string(),
            label: opt(u, text)?,
            from: band_point(u)?,
            to: band_point(u)?,
            from_inclusive: opt(u, |u| u.arbitrary())?,
            to_inclusive: opt(u, |u| u.arbitrary())?,
        });
    }
    Ok(Bands {
        list,
        by_name: false,
    })
}

/// A date in the years cases use, or anywhere in the calendar.
fn date(u: &mut Unstructured) -> Result<Date> {
    let year = if u.ratio(3, 4)? {
        u.int_in_range(2015..=2030)?
    } else {
        u.int_in_range(1..=9999)?
    };
    let month = u.int_in_range(1..=12)?;
    let day = u.int_in_range(1..=31)?;
    Ok(Date::new(year, month, day)
        .or_else(|| Date::new(year, month, 28))
        .unwrap_or_else(|| Date::new(2020, 1, 1).expect("a valid date")))
}

fn source(u: &mut Unstructured) -> Result<Source> {
    Ok(Source {
        title: text(u)?,
        url: opt(u, text)?,
        note: opt(u, text)?,
    })
}

fn citation(u: &mut Unstructured) -> Result<Citation> {
    const LAWS: [&str; 4] = [
        "建设工程质量管理条例",
        "中华人民共和国城乡规划法",
        "中华人民共和国行政处罚法",
        "",
    ];
    let article = match u.int_in_range(0..=3)? {
        0 => 0,
        1 => u32::MAX,
        _ => u.int_in_range(1..=200)?,
    };
    Ok(Citation {
        law: Cow::Owned(if u.ratio(3, 4)? {
            pick(u, &LAWS)?.to_string()
        } else {
            text(u)?
        }),
        article,
        paragraph: opt(u, |u| u.int_in_range(0..=5))?,
        item: opt(u, |u| u.int_in_range(0..=12))?,
        quote: opt(u, |u| text(u).map(Cow::Owned))?,
    })
}

fn basis(u: &mut Unstructured) -> Result<Basis> {
    Ok(Basis {
        citation: opt(u, citation)?,
        source: opt(u, source)?,
    })
}

fn parties(u: &mut Unstructured) -> Result<Parties> {
    Ok(*pick(
        u,
        &[&Parties::All, &Parties::Organization, &Parties::Individual],
    )?)
}

fn fact_id(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(7, 8)? {
        pick(u, &FACT_IDS)?.to_string()
    } else {
        text(u)?
    })
}

fn condition(u: &mut Unstructured, depth: u32) -> Result<Condition> {
    let kinds = if depth >= 4 { 3 } else { 6 };
    Ok(match u.choose_index(kinds)? {
        0 => Condition::Compare {
            fact: fact_id(u)?,
            op: *pick(
                u,
                &[
                    &Op::Ge,
                    &Op::Gt,
                    &Op::Le,
                    &Op::Lt,
                    &Op::Eq,
                    &Op::Above,
                    &Op::Below,
                ],
            )?,
            value: dec(u)?,
        },
        1 => Condition::Flag {
            fact: fact_id(u)?,
            is: u.arbitrary()?,
        },
        2 => Condition::OneOf {
            fact: fact_id(u)?,
            one_of: list(u, 3, |u| Ok(pick(u, &CHOICES)?.to_string()))?,
        },
        3 => Condition::All {
            all: list(u, 3, |u| condition(u, depth + 1))?,
        },
        4 => Condition::Any {
            any: list(u, 3, |u| condition(u, depth + 1))?,
        },
        _ => Condition::Not {
            not: Box::new(condition(u, depth + 1)?),
        },
    })
}

fn date_fact(u: &mut Unstructured) -> Result<String> {
    Ok(pick(u, &DATE_FACTS)?.to_string())
}

fn derivation(u: &mut Unstructured) -> Result<Derivation> {
    Ok(match u.choose_index(6)? {
        0 => Derivation::DaysBetween {
            from: date_fact(u)?,
            to: date_fact(u)?,
        },
        1 => Derivation::MonthsBetween {
            from: date_fact(u)?,
            to: date_fact(u)?,
        },
        2 => Derivation::YearsBetween {
            from: date_fact(u)?,
            to: date_fact(u)?,
        },
        3 => Derivation::Overdue {
            ordered: date_fact(u)?,
            period_days: if u.arbitrary()? {
                Operand::Value(dec(u)?)
            } else {
                Operand::Fact(fact_id(u)?)
            },
            checked: date_fact(u)?,
            in_months: u.arbitrary()?,
        },
        4 => Derivation::Ratio {
            numerator: fact_id(u)?,
            denominator: fact_id(u)?,
            percent: u.arbitrary()?,
        },
        _ => Derivation::CountWithin {
            dates: "earlier".to_string(),
            months: u.int_in_range(0..=36)?,
            before: date_fact(u)?,
            include_current: u.arbitrary()?,
        },
    })
}

fn fact_def(u: &mut Unstructured) -> Result<FactDef> {
    let (id, kind) = match u.choose_index(7)? {
        0 | 1 => (fact_id(u)?, FactKind::Number { unit: text(u)? }),
        2 => (fact_id(u)?, FactKind::Bool),
        3 => (
            fact_id(u)?,
            FactKind::Choice {
                options: list(u, 3, |u| Ok(pick(u, &CHOICES)?.to_string()))?,
            },
        ),
        4 => (
            pick(u, &["ordered", "checked"])?.to_string(),
            FactKind::Date,
        ),
        5 => ("earlier".to_string(), FactKind::Dates),
        _ => (
            fact_id(u)?,
            FactKind::Derived {
                derive: derivation(u)?,
                unit: text(u)?,
            },
        ),
    };
    Ok(FactDef {
        id,
        label: text(u)?,
        kind,
        help: opt(u, text)?,
    })
}

fn role(u: &mut Unstructured) -> Result<Option<String>> {
    opt(u, |u| Ok(pick(u, &ROLE_IDS)?.to_string()))
}

fn fine_form(u: &mut Unstructured) -> Result<FineForm> {
    Ok(match u.choose_index(7)? {
        0 => FineForm::Range {
            min: dec(u)?,
            max: dec(u)?,
        },
        1 => FineForm::MaxOnly { max: dec(u)? },
        2 => FineForm::Percent {
            base: fact_id(u)?,
            min: opt(u, dec)?,
            max: dec(u)?,
        },
        3 => FineForm::Multiple {
            base: fact_id(u)?,
            min: opt(u, dec)?,
            max: dec(u)?,
        },
        4 => FineForm::Fixed { amount: dec(u)? },
        5 => FineForm::PerUnit {
            quantity: fact_id(u)?,
            min: opt(u, dec)?,
            max: dec(u)?,
        },
        _ => FineForm::Unspecified { note: text(u)? },
    })
}

fn fine_rule(u: &mut Unstructured) -> Result<FineRule> {
    Ok(FineRule {
        parties: parties(u)?,
        role: role(u)?,
        form: fine_form(u)?,
        mandatory: u.arbitrary()?,
        when: opt(u, |u| condition(u, 0))?,
        basis: opt(u, citation)?,
    })
}

fn penalty_kind(u: &mut Unstructured) -> Result<PenaltyKind> {
    use PenaltyKind::*;
    Ok(*pick(
        u,
        &[
            &Warning,
            &PublicCriticism,
            &ConfiscateIllegalGains,
            &ConfiscateProperty,
            &SuspendLicence,
            &LowerQualification,
            &RevokeLicence,
            &SuspendBusiness,
            &SuspendPractice,
            &OrderClosure,
            &RestrictPractice,
            &OrderCorrection,
            &OrderStop,
            &OrderDemolition,
            &Other,
        ],
    )?)
}

fn penalty(u: &mut Unstructured) -> Result<PenaltyRule> {
    Ok(PenaltyRule {
        kind: penalty_kind(u)?,
        text: text(u)?,
        mandatory: u.arbitrary()?,
        when: opt(u, |u| condition(u, 0))?,
        decided_by: opt(u, text)?,
        parties: parties(u)?,
        role: role(u)?,
    })
}

fn tier_outcome(u: &mut Unstructured) -> Result<TierOutcome> {
    Ok(match u.choose_index(8)? {
        0 => TierOutcome::Band {
            band: pick(u, &["lower", "middle", "upper", "第四档", "无此档"])?.to_string(),
        },
        1 => {
            let [from, to] = pair(u)?;
            TierOutcome::Portion { from, to }
        }
        2 => TierOutcome::Range {
            min: opt(u, dec)?,
            min_inclusive: opt(u, |u| u.arbitrary())?,
            max: dec(u)?,
            max_inclusive: opt(u, |u| u.arbitrary())?,
        },
        3 => TierOutcome::Fixed { value: dec(u)? },
        4 => TierOutcome::Point { at: band_point(u)? },
        5 => TierOutcome::NoFine,
        6 => TierOutcome::CorrectionOnly,
        _ => TierOutcome::NoPenalty,
    })
}

fn tier(u: &mut Unstructured) -> Result<Tier> {
    Ok(Tier {
        code: pick(u, &TIER_CODES)?.to_string(),
        label: text(u)?,
        description: text(u)?,
        when: opt(u, |u| condition(u, 0))?,
        overrides: if u.ratio(1, 4)? {
            Some(condition(u, 1)?)
        } else {
            None
        },
        parties: parties(u)?,
        outcome: tier_outcome(u)?,
        roles: list(u, 1, |u| {
            Ok(RoleOutcome {
                role: pick(u, &ROLE_IDS)?.to_string(),
                outcome: tier_outcome(u)?,
                penalties: list(u, 1, penalty)?,
            })
        })?,
        penalties: list(u, 2, penalty)?,
        counts: list(u, 1, |u| {
            Ok(pick(u, &["f1", "eliminated_harm", "art32_1", "x"])?.to_string())
        })?,
        class: opt(u, text)?,
        publicity: opt(u, |u| {
            Ok(Publicity {
                months: u.int_in_range(0..=36)?,
                may_shorten: u.arbitrary()?,
                basis: basis(u)?,
            })
        })?,
        basis: basis(u)?,
    })
}

fn item(u: &mut Unstructured) -> Result<Item> {
    let code = pick(u, &ITEM_CODES)?.to_string();
    Ok(Item {
        code,
        name: text(u)?,
        keywords: list(u, 2, text)?,
        parties: parties(u)?,
        roles: list(u, 2, |u| {
            Ok(Role {
                id: pick(u, &ROLE_IDS)?.to_string(),
                label: text(u)?,
                parties: parties(u)?,
            })
        })?,
        violates: list(u, 2, citation)?,
        penalty_basis: citation(u)?,
        facts: list(u, 4, fact_def)?,
        preconditions: list(u, 2, |u| {
            Ok(Precondition {
                when: condition(u, 0)?,
                label: text(u)?,
            })
        })?,
        fines: list(u, 3, fine_rule)?,
        penalties: list(u, 3, penalty)?,
        personal_fine: opt(u, |u| {
            Ok(PersonalFine {
                min_percent: dec(u)?,
                max_percent: dec(u)?,
                basis: citation(u)?,
            })
        })?,
        tiers: list(u, 4, tier)?,
        tiers_from: opt(u, |u| Ok(pick(u, &ITEM_CODES)?.to_string()))?,
        exemptions: list(u, 2, |u| {
            Ok(Exemption {
                code: text(u)?,
                description: text(u)?,
                mandatory: u.arbitrary()?,
                when: condition(u, 0)?,
                basis: basis(u)?,
            })
        })?,
        reductions: list(u, 1, |u| {
            Ok(Reduction {
                code: text(u)?,
                description: text(u)?,
                when: condition(u, 0)?,
                mandatory: u.arbitrary()?,
                min: opt(u, dec)?,
                max: opt(u, dec)?,
                basis: basis(u)?,
            })
        })?,
        when_unknown: list(u, 1, |u| {
            Ok(UnknownRule {
                fact: fact_id(u)?,
                description: text(u)?,
                tier: opt(u, |u| Ok(pick(u, &TIER_CODES)?.to_string()))?,
                outcome: opt(u, tier_outcome)?,
                basis: basis(u)?,
            })
        })?,
        exclusions: list(u, 1, |u| {
            Ok(Exclusion {
                description: text(u)?,
                when: opt(u, |u| condition(u, 1))?,
                parties: opt(u, parties)?,
                item: opt(u, |u| Ok(pick(u, &ITEM_CODES)?.to_string()))?,
                authority: opt(u, text)?,
                basis: basis(u)?,
            })
        })?,
        note: opt(u, text)?,
        cases: list(u, 2, |u| {
            Ok(PackCase {
                name: text(u)?,
                case: case(u)?,
                expect: Expect {
                    outcome: opt(u, |u| {
                        Ok(pick(u, &["fine", "pending", "no_penalty", "x"])?.to_string())
                    })?,
                    tier: opt(u, |u| Ok(pick(u, &TIER_CODES)?.to_string()))?,
                    recommended: opt(u, |u| Ok([dec(u)?, dec(u)?]))?,
                    hearing: u.arbitrary()?,
                    ..Expect::default()
                },
            })
        })?,
    })
}

fn threshold(u: &mut Unstructured) -> Result<Threshold> {
    Ok(Threshold {
        amount: dec(u)?,
        inclusive: u.arbitrary()?,
    })
}

fn thresholds(u: &mut Unstructured) -> Result<Thresholds> {
    Ok(Thresholds {
        citizen: opt(u, threshold)?,
        organization: opt(u, threshold)?,
        basis: basis(u)?,
    })
}

fn review(u: &mut Unstructured) -> Result<ReviewRule> {
    Ok(ReviewRule {
        thresholds: thresholds(u)?,
        on_reduced: u.arbitrary()?,
        on_hearing: u.arbitrary()?,
    })
}

fn rules(u: &mut Unstructured) -> Result<Rules> {
    let unit = match u.choose_index(5)? {
        0 | 1 => Decimal::new(1, 2),
        2 => Decimal::ONE,
        3 => Decimal::ONE_HUNDRED,
        _ => decimal(u)?,
    };
    let inclusion = |u: &mut Unstructured| -> Result<Inclusion> {
        Ok(*pick(u, &[&Inclusion::Inclusive, &Inclusion::Exclusive])?)
    };
    Ok(Rules {
        split: if u.ratio(7, 8)? {
            Some(SplitRule {
                name: text(u)?,
                range: bands(u)?,
                max_only: bands(u)?,
                stand_in_min: if u.ratio(1, 4)? {
                    Some(fraction(u)?)
                } else {
                    None
                },
                basis: basis(u)?,
            })
        } else {
            None
        },
        adjust: if u.ratio(7, 8)? {
            Some(AdjustRule {
                scope: *pick(u, &[&AdjustScope::Tier, &AdjustScope::Statutory])?,
                lighter: pair(u)?,
                heavier: pair(u)?,
                reduced_floor: fraction(u)?,
                conflict: *pick(u, &[&Conflict::Offset, &Conflict::MitigationPrevails])?,
                basis: basis(u)?,
            })
        } else {
            None
        },
        bounds: if u.ratio(1, 3)? {
            BoundConvention {
                above: inclusion(u)?,
                below: inclusion(u)?,
                tie: opt(u, |u| Ok(*pick(u, &[&Tie::Lower, &Tie::Upper])?))?,
                basis: basis(u)?,
            }
        } else {
            BoundConvention::default()
        },
        tiers: list(u, 2, tier)?,
        hearing: thresholds(u)?,
        legal_review: review(u)?,
        collective_discussion: review(u)?,
        rounding: Rounding { unit: Dec(unit) },
    })
}

fn pack(u: &mut Unstructured) -> Result<Pack> {
    let mut templates = BTreeMap::new();
    if u.ratio(1, 8)? {
        let s = &cailiang::text::SECTIONS[u.choose_index(cailiang::text::SECTIONS.len())?];
        templates.insert(s.key.to_string(), text(u)?);
    }
    Ok(Pack {
        schema: None,
        format_version: FORMAT_VERSION,
        meta: PackMeta {
            id: text(u)?,
            title: text(u)?,
            authority: text(u)?,
            doc_number: opt(u, text)?,
            region: text(u)?,
            edition: text(u)?,
            effective_from: opt(u, date)?,
            effective_to: opt(u, date)?,
            reference_only: u.arbitrary()?,
            sources: list(u, 1, source)?,
            notes: opt(u, text)?,
        },
        rules: rules(u)?,
        factors: list(u, 3, |u| {
            Ok(Factor {
                id: pick(u, &FACTOR_IDS)?.to_string(),
                label: text(u)?,
                effect: *pick(
                    u,
                    &[
                        &Effect::Lighter,
                        &Effect::LighterOrReduced,
                        &Effect::Reduced,
                        &Effect::Heavier,
                    ],
                )?,
                mandatory: u.arbitrary()?,
                basis: basis(u)?,
            })
        })?,
        items: {
            let mut items = vec![item(u)?];
            items.extend(list(u, 2, item)?);
            items
        },
        templates,
        documents: None,
        table_mapping: None,
    })
}

fn fact_value(u: &mut Unstructured) -> Result<FactValue> {
    Ok(match u.choose_index(5)? {
        0 => FactValue::Bool(u.arbitrary()?),
        1 => FactValue::Number(dec(u)?),
        2 => FactValue::Text(date(u)?.to_string()),
        3 => FactValue::List(list(u, 3, |u| Ok(date(u)?.to_string()))?),
        _ => {
            let t = if u.arbitrary()? {
                pick(u, &CHOICES)?.to_string()
            } else {
                text(u)?
            };
            // A text that reads as a number is a number (as the parser reads it).
            match cailiang::num::parse_decimal(&t) {
                Ok(d) => FactValue::Number(Dec(d)),
                Err(_) => FactValue::Text(t),
            }
        }
    })
}

fn circumstances(u: &mut Unstructured) -> Result<Circumstances> {
    Ok(Circumstances {
        minor: u.arbitrary()?,
        corrected: u.arbitrary()?,
        no_harm: u.arbitrary()?,
        first_offence: u.arbitrary()?,
        slight_harm: u.arbitrary()?,
        no_fault: u.arbitrary()?,
        eliminated_harm: u.arbitrary()?,
        coerced: u.arbitrary()?,
        confessed: u.arbitrary()?,
        meritorious: u.arbitrary()?,
    })
}

/// The parts of a case that do not depend on the pack.
fn case_with(
    u: &mut Unstructured,
    items: Vec<String>,
    facts: BTreeMap<String, FactValue>,
    tier: Option<String>,
    factors: Vec<String>,
) -> Result<Case> {
    Ok(Case {
        items,
        party: *pick(
            u,
            &[
                &PartyKind::Citizen,
                &PartyKind::LegalPerson,
                &PartyKind::OtherOrganization,
            ],
        )?,
        age: opt(u, |u| {
            Ok(if u.arbitrary()? {
                u.int_in_range(10..=20)?
            } else {
                u.arbitrary()?
            })
        })?,
        capacity: *pick(u, &[&Capacity::Full, &Capacity::Partial, &Capacity::None])?,
        dates: CaseDates {
            occurred: opt(u, date)?,
            ended: opt(u, date)?,
            discovered: opt(u, date)?,
            decided: opt(u, date)?,
        },
        grave_harm: u.arbitrary()?,
        facts,
        circumstances: circumstances(u)?,
        factors,
        tier,
        choose_reduced: u.arbitrary()?,
        waive: opt(u, |u| u.arbitrary())?,
        illegal_gains: opt(u, dec)?,
        gains_to_be_returned: u.arbitrary()?,
        intended_fine: opt(u, dec)?,
        role: role(u)?,
        parties: list(u, 1, |u| {
            Ok(CoParty {
                role: pick(u, &ROLE_IDS)?.to_string(),
                party: *pick(
                    u,
                    &[
                        &PartyKind::Citizen,
                        &PartyKind::LegalPerson,
                        &PartyKind::OtherOrganization,
                    ],
                )?,
                name: opt(u, text)?,
                age: opt(u, |u| u.int_in_range(10..=20))?,
                capacity: Capacity::Full,
                circumstances: circumstances(u)?,
                factors: Vec::new(),
                choose_reduced: u.arbitrary()?,
                waive: opt(u, |u| u.arbitrary())?,
                illegal_gains: opt(u, dec)?,
                gains_to_be_returned: u.arbitrary()?,
                intended_fine: opt(u, dec)?,
            })
        })?,
        unknown: list(u, 1, fact_id)?,
    })
}

/// A case over the vocabularies (items, facts, tiers, factors of a generated pack).
pub fn case(u: &mut Unstructured) -> Result<Case> {
    let items = list(u, 3, |u| Ok(pick(u, &ITEM_CODES)?.to_string()))?;
    let mut facts = BTreeMap::new();
    for _ in 0..u.int_in_range(0..=5)? {
        facts.insert(fact_id(u)?, fact_value(u)?);
    }
    let tier = opt(u, |u| Ok(pick(u, &TIER_CODES)?.to_string()))?;
    let factors = list(u, 2, |u| Ok(pick(u, &FACTOR_IDS)?.to_string()))?;
    case_with(u, items, facts, tier, factors)
}

/// A generated pack and a case for it.
pub fn pack_and_case(u: &mut Unstructured) -> Result<(Pack, Case)> {
    let p = pack(u)?;
    let c = case(u)?;
    Ok((p, c))
}

/// A case for an item of `lp` (usually one of its own, sometimes two for art 29): each declared
/// fact usually given a value of its kind, a tier among the item's, factors among the pack's.
pub fn reference_case(u: &mut Unstructured, lp: &LoadedPack) -> Result<Case> {
    let items = &lp.pack.items;
    if items.is_empty() {
        return Err(arbitrary::Error::NotEnoughData);
    }
    let item = &items[u.choose_index(items.len())?];
    let mut codes = vec![item.code.clone()];
    if u.ratio(1, 8)? {
        codes.push(items[u.choose_index(items.len())?].code.clone());
    }
    let mut facts = BTreeMap::new();
    for f in &item.facts {
        if u.ratio(1, 8)? {
            continue;
        }
        let v = match &f.kind {
            FactKind::Number { .. } if u.ratio(7, 8)? => FactValue::Number(dec(u)?),
            FactKind::Bool if u.ratio(7, 8)? => FactValue::Bool(u.arbitrary()?),
            FactKind::Choice { options } if !options.is_empty() && u.ratio(7, 8)? => {
                FactValue::Text(options[u.choose_index(options.len())?].clone())
            }
            _ => fact_value(u)?,
        };
        facts.insert(f.id.clone(), v);
    }
    let tier = if !item.tiers.is_empty() && u.ratio(3, 4)? {
        Some(item.tiers[u.choose_index(item.tiers.len())?].code.clone())
    } else {
        None
    };
    let factors = list(u, 2, |u| {
        let fs = &lp.pack.factors;
        Ok(if fs.is_empty() || u.ratio(1, 8)? {
            "unknown".to_string()
        } else {
            fs[u.choose_index(fs.len())?].id.clone()
        })
    })?;
    case_with(u, codes, facts, tier, factors)
}
