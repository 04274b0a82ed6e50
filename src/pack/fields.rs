//! Reading the model's tagged and untagged shapes — a fine's `form`, a fact's `type`, a tier's
//! outcome `type`, a condition — from plain fields.
//!
//! serde's derived `Deserialize` for such shapes first buffers the whole object in an
//! intermediate tree and then tries each variant. That machinery was a large part of the browser
//! build, and its errors ("data did not match any variant") named no field. Here the object is
//! read once into a struct of optional fields (unknown fields refused), then the variant's
//! required and foreign fields are checked with a Chinese message. Serialisation and the JSON
//! schema still come from the derives on the model, so the format is unchanged. The check runs
//! inside the object's own visitor, so an error's JSON path is the object's, as for a missing
//! field.

use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Error, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{
    Band, BandPoint, Bands, Citation, Condition, Derivation, FactDef, FactKind, FineForm, FineRule,
    Op, Operand, Parties, TierOutcome,
};
use crate::num::{Dec, Fraction};

/// The value of a field the variant needs.
fn need<T>(value: Option<T>, variant: &str, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("{variant}缺少必填字段 {field}"))
}

/// Refuses the fields present (`(name, present)`) that the variant does not take.
fn refuse(variant: &str, present: &[(&str, bool)], takes: &[&str]) -> Result<(), String> {
    let extra: Vec<&str> = present
        .iter()
        .filter(|(name, here)| *here && !takes.contains(name))
        .map(|(name, _)| *name)
        .collect();
    if extra.is_empty() {
        Ok(())
    } else {
        Err(format!("{variant}不应有字段 {}", extra.join("、")))
    }
}

fn yes() -> bool {
    true
}

/// Reads an object as its fields `F`, then makes the model type `T` from them — within the
/// object's `visit_map`, so that serde_json places an error at the object.
struct Read<F, T>(PhantomData<(F, T)>);

impl<'de, F: Deserialize<'de>, T: TryFrom<F, Error = String>> Visitor<'de> for Read<F, T> {
    type Value = T;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("对象")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let fields = F::deserialize(MapAccessDeserializer::new(map))?;
        T::try_from(fields).map_err(A::Error::custom)
    }
}

fn read<'de, D: Deserializer<'de>, F: Deserialize<'de>, T: TryFrom<F, Error = String>>(
    d: D,
) -> Result<T, D::Error> {
    d.deserialize_map(Read::<F, T>(PhantomData))
}

// ---------------------------------------------------------------------------------------------
// FineRule: `form` and its fields

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FormTag {
    Range,
    MaxOnly,
    Percent,
    Multiple,
    Fixed,
    PerUnit,
    Unspecified,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FineRuleFields {
    #[serde(default)]
    parties: Parties,
    role: Option<String>,
    form: FormTag,
    min: Option<Dec>,
    max: Option<Dec>,
    base: Option<String>,
    amount: Option<Dec>,
    quantity: Option<String>,
    note: Option<String>,
    #[serde(default = "yes")]
    mandatory: bool,
    when: Option<Condition>,
    basis: Option<Citation>,
}

impl<'de> Deserialize<'de> for FineRule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::<D, FineRuleFields, FineRule>(d)
    }
}

impl TryFrom<FineRuleFields> for FineRule {
    type Error = String;
    fn try_from(f: FineRuleFields) -> Result<Self, String> {
        let (min, max, base, amount, quantity, note) =
            (f.min, f.max, f.base, f.amount, f.quantity, f.note);
        let present = [
            ("min", min.is_some()),
            ("max", max.is_some()),
            ("base", base.is_some()),
            ("amount", amount.is_some()),
            ("quantity", quantity.is_some()),
            ("note", note.is_some()),
        ];
        // The variant's wording and the fields it takes; any other present field is refused.
        let (v, takes): (&str, &[&str]) = match f.form {
            FormTag::Range => ("form 为 range 时", &["min", "max"]),
            FormTag::MaxOnly => ("form 为 max_only 时", &["max"]),
            FormTag::Percent => ("form 为 percent 时", &["base", "min", "max"]),
            FormTag::Multiple => ("form 为 multiple 时", &["base", "min", "max"]),
            FormTag::Fixed => ("form 为 fixed 时", &["amount"]),
            FormTag::PerUnit => ("form 为 per_unit 时", &["quantity", "min", "max"]),
            FormTag::Unspecified => ("form 为 unspecified 时", &["note"]),
        };
        refuse(v, &present, takes)?;
        let form = match f.form {
            FormTag::Range => FineForm::Range {
                min: need(min, v, "min")?,
                max: need(max, v, "max")?,
            },
            FormTag::MaxOnly => FineForm::MaxOnly {
                max: need(max, v, "max")?,
            },
            FormTag::Percent => FineForm::Percent {
                base: need(base, v, "base")?,
                min,
                max: need(max, v, "max")?,
            },
            FormTag::Multiple => FineForm::Multiple {
                base: need(base, v, "base")?,
                min,
                max: need(max, v, "max")?,
            },
            FormTag::Fixed => FineForm::Fixed {
                amount: need(amount, v, "amount")?,
            },
            FormTag::PerUnit => FineForm::PerUnit {
                quantity: need(quantity, v, "quantity")?,
                min,
                max: need(max, v, "max")?,
            },
            FormTag::Unspecified => FineForm::Unspecified {
                note: need(note, v, "note")?,
            },
        };
        Ok(FineRule {
            parties: f.parties,
            role: f.role,
            form,
            mandatory: f.mandatory,
            when: f.when,
            basis: f.basis,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// FactDef: `type` and its fields

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FactTag {
    Number,
    Bool,
    Choice,
    Date,
    Dates,
    Derived,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactDefFields {
    id: String,
    label: String,
    #[serde(rename = "type")]
    kind: FactTag,
    unit: Option<String>,
    options: Option<Vec<String>>,
    derive: Option<Derivation>,
    help: Option<String>,
}

impl<'de> Deserialize<'de> for FactDef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::<D, FactDefFields, FactDef>(d)
    }
}

impl TryFrom<FactDefFields> for FactDef {
    type Error = String;
    fn try_from(f: FactDefFields) -> Result<Self, String> {
        let present = [
            ("unit", f.unit.is_some()),
            ("options", f.options.is_some()),
            ("derive", f.derive.is_some()),
        ];
        let (v, takes): (&str, &[&str]) = match f.kind {
            FactTag::Number => ("type 为 number 时", &["unit"]),
            FactTag::Bool => ("type 为 bool 时", &[]),
            FactTag::Choice => ("type 为 choice 时", &["options"]),
            FactTag::Date => ("type 为 date 时", &[]),
            FactTag::Dates => ("type 为 dates 时", &[]),
            FactTag::Derived => ("type 为 derived 时", &["derive", "unit"]),
        };
        refuse(v, &present, takes)?;
        let kind = match f.kind {
            FactTag::Number => FactKind::Number {
                unit: need(f.unit, v, "unit")?,
            },
            FactTag::Bool => FactKind::Bool,
            FactTag::Choice => FactKind::Choice {
                options: need(f.options, v, "options")?,
            },
            FactTag::Date => FactKind::Date,
            FactTag::Dates => FactKind::Dates,
            FactTag::Derived => FactKind::Derived {
                derive: need(f.derive, v, "derive")?,
                unit: need(f.unit, v, "unit")?,
            },
        };
        Ok(FactDef {
            id: f.id,
            label: f.label,
            kind,
            help: f.help,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Derivation: `kind` and its fields

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DeriveTag {
    DaysBetween,
    MonthsBetween,
    YearsBetween,
    Overdue,
    Ratio,
    CountWithin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivationFields {
    kind: DeriveTag,
    from: Option<String>,
    to: Option<String>,
    ordered: Option<String>,
    period_days: Option<Operand>,
    checked: Option<String>,
    in_months: Option<bool>,
    numerator: Option<String>,
    denominator: Option<String>,
    percent: Option<bool>,
    dates: Option<String>,
    months: Option<u32>,
    before: Option<String>,
    include_current: Option<bool>,
}

impl<'de> Deserialize<'de> for Derivation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::<D, DerivationFields, Derivation>(d)
    }
}

impl TryFrom<DerivationFields> for Derivation {
    type Error = String;
    fn try_from(f: DerivationFields) -> Result<Self, String> {
        let present = [
            ("from", f.from.is_some()),
            ("to", f.to.is_some()),
            ("ordered", f.ordered.is_some()),
            ("period_days", f.period_days.is_some()),
            ("checked", f.checked.is_some()),
            ("in_months", f.in_months.is_some()),
            ("numerator", f.numerator.is_some()),
            ("denominator", f.denominator.is_some()),
            ("percent", f.percent.is_some()),
            ("dates", f.dates.is_some()),
            ("months", f.months.is_some()),
            ("before", f.before.is_some()),
            ("include_current", f.include_current.is_some()),
        ];
        let (v, takes): (&str, &[&str]) = match f.kind {
            DeriveTag::DaysBetween => ("kind 为 days_between 时", &["from", "to"]),
            DeriveTag::MonthsBetween => ("kind 为 months_between 时", &["from", "to"]),
            DeriveTag::YearsBetween => ("kind 为 years_between 时", &["from", "to"]),
            DeriveTag::Overdue => (
                "kind 为 overdue 时",
                &["ordered", "period_days", "checked", "in_months"],
            ),
            DeriveTag::Ratio => ("kind 为 ratio 时", &["numerator", "denominator", "percent"]),
            DeriveTag::CountWithin => (
                "kind 为 count_within 时",
                &["dates", "months", "before", "include_current"],
            ),
        };
        refuse(v, &present, takes)?;
        Ok(match f.kind {
            DeriveTag::DaysBetween => Derivation::DaysBetween {
                from: need(f.from, v, "from")?,
                to: need(f.to, v, "to")?,
            },
            DeriveTag::MonthsBetween => Derivation::MonthsBetween {
                from: need(f.from, v, "from")?,
                to: need(f.to, v, "to")?,
            },
            DeriveTag::YearsBetween => Derivation::YearsBetween {
                from: need(f.from, v, "from")?,
                to: need(f.to, v, "to")?,
            },
            DeriveTag::Overdue => Derivation::Overdue {
                ordered: need(f.ordered, v, "ordered")?,
                period_days: need(f.period_days, v, "period_days")?,
                checked: need(f.checked, v, "checked")?,
                in_months: f.in_months.unwrap_or(false),
            },
            DeriveTag::Ratio => Derivation::Ratio {
                numerator: need(f.numerator, v, "numerator")?,
                denominator: need(f.denominator, v, "denominator")?,
                percent: f.percent.unwrap_or(false),
            },
            DeriveTag::CountWithin => Derivation::CountWithin {
                dates: need(f.dates, v, "dates")?,
                months: need(f.months, v, "months")?,
                before: need(f.before, v, "before")?,
                include_current: f.include_current.unwrap_or(false),
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// TierOutcome: `type` and its fields

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum OutcomeTag {
    Band,
    Portion,
    Range,
    Fixed,
    Point,
    NoFine,
    CorrectionOnly,
    NoPenalty,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeFields {
    #[serde(rename = "type")]
    kind: OutcomeTag,
    band: Option<String>,
    at: Option<BandPoint>,
    from: Option<Fraction>,
    to: Option<Fraction>,
    min: Option<Dec>,
    min_inclusive: Option<bool>,
    max: Option<Dec>,
    max_inclusive: Option<bool>,
    value: Option<Dec>,
}

impl<'de> Deserialize<'de> for TierOutcome {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::<D, OutcomeFields, TierOutcome>(d)
    }
}

impl TryFrom<OutcomeFields> for TierOutcome {
    type Error = String;
    fn try_from(f: OutcomeFields) -> Result<Self, String> {
        // The fields in groups, as the message names them.
        let present = [
            ("band", f.band.is_some()),
            ("from/to", f.from.is_some() || f.to.is_some()),
            (
                "min/max",
                f.min.is_some()
                    || f.max.is_some()
                    || f.min_inclusive.is_some()
                    || f.max_inclusive.is_some(),
            ),
            ("value", f.value.is_some()),
            ("at", f.at.is_some()),
        ];
        let (v, takes): (&str, &[&str]) = match f.kind {
            OutcomeTag::Band => ("type 为 band 时", &["band"]),
            OutcomeTag::Portion => ("type 为 portion 时", &["from/to"]),
            OutcomeTag::Range => ("type 为 range 时", &["min/max"]),
            OutcomeTag::Fixed => ("type 为 fixed 时", &["value"]),
            OutcomeTag::Point => ("type 为 point 时", &["at"]),
            OutcomeTag::NoFine => ("type 为 no_fine 时", &[]),
            OutcomeTag::CorrectionOnly => ("type 为 correction_only 时", &[]),
            OutcomeTag::NoPenalty => ("type 为 no_penalty 时", &[]),
        };
        refuse(v, &present, takes)?;
        Ok(match f.kind {
            OutcomeTag::Band => TierOutcome::Band {
                band: need(f.band, v, "band")?,
            },
            OutcomeTag::Portion => TierOutcome::Portion {
                from: need(f.from, v, "from")?,
                to: need(f.to, v, "to")?,
            },
            OutcomeTag::Range => TierOutcome::Range {
                min: f.min,
                min_inclusive: f.min_inclusive,
                max: need(f.max, v, "max")?,
                max_inclusive: f.max_inclusive,
            },
            OutcomeTag::Fixed => TierOutcome::Fixed {
                value: need(f.value, v, "value")?,
            },
            OutcomeTag::Point => TierOutcome::Point {
                at: need(f.at, v, "at")?,
            },
            OutcomeTag::NoFine => TierOutcome::NoFine,
            OutcomeTag::CorrectionOnly => TierOutcome::CorrectionOnly,
            OutcomeTag::NoPenalty => TierOutcome::NoPenalty,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Condition: which keys are present decides the kind

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionFields {
    all: Option<Vec<Condition>>,
    any: Option<Vec<Condition>>,
    not: Option<Box<Condition>>,
    fact: Option<String>,
    op: Option<Op>,
    value: Option<Dec>,
    is: Option<bool>,
    one_of: Option<Vec<String>>,
}

/// What a condition may look like, for the error message.
pub(crate) const CONDITION_SHAPES: &str = "条件格式不正确（应为 {\"all\":[…]}、{\"any\":[…]}、{\"not\":…}、{\"fact\",\"op\",\"value\"}、{\"fact\",\"is\"} 或 {\"fact\",\"one_of\"} 之一）";

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::<D, ConditionFields, Condition>(d)
    }
}

impl TryFrom<ConditionFields> for Condition {
    type Error = String;
    fn try_from(f: ConditionFields) -> Result<Self, String> {
        let shape = || CONDITION_SHAPES.to_string();
        let fact_keys = f.op.is_some() || f.value.is_some() || f.is.is_some() || f.one_of.is_some();
        match (f.all, f.any, f.not, f.fact) {
            (Some(all), None, None, None) if !fact_keys => Ok(Condition::All { all }),
            (None, Some(any), None, None) if !fact_keys => Ok(Condition::Any { any }),
            (None, None, Some(not), None) if !fact_keys => Ok(Condition::Not { not }),
            (None, None, None, Some(fact)) => match (f.op, f.value, f.is, f.one_of) {
                (Some(op), Some(value), None, None) => Ok(Condition::Compare { fact, op, value }),
                (None, None, Some(is), None) => Ok(Condition::Flag { fact, is }),
                (None, None, None, Some(one_of)) => Ok(Condition::OneOf { fact, one_of }),
                _ => Err(shape()),
            },
            _ => Err(shape()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bands: format 1's object {lower, middle, upper} of [from, to], or format 2's list of bands;
// a band's point: a fraction of the span ("1/3") or of the maximum ({"of_max": "0.3"}).

impl Serialize for BandPoint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            BandPoint::Span(f) => f.serialize(s),
            BandPoint::OfMax(f) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("of_max", f)?;
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for BandPoint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BandPoint;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("比例（如 \"1/3\"、\"30%\"）或 {\"of_max\": 比例}")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<BandPoint, E> {
                v.parse().map(BandPoint::Span).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BandPoint, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct OfMax {
                    of_max: Fraction,
                }
                let o = OfMax::deserialize(MapAccessDeserializer::new(map))?;
                Ok(BandPoint::OfMax(o.of_max))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for BandPoint {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BandPoint".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let fraction = g.subschema_for::<Fraction>();
        schemars::json_schema!({
            "description": "区间上的一点：法定幅度（最低额至最高额）的比例，如 \"1/3\"；或最高额的比例 {\"of_max\": \"0.3\"}",
            "anyOf": [fraction, {
                "type": "object",
                "properties": { "of_max": fraction },
                "required": ["of_max"],
                "additionalProperties": false
            }]
        })
    }
}

impl<'de> Deserialize<'de> for Bands {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bands;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("档次列表，或 {\"lower\", \"middle\", \"upper\"}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Bands, A::Error> {
                Vec::<Band>::deserialize(SeqAccessDeserializer::new(seq)).map(|list| Bands {
                    list,
                    by_name: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Bands, A::Error> {
                // Format 1: three bands by name.
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Three {
                    lower: [Fraction; 2],
                    middle: [Fraction; 2],
                    upper: [Fraction; 2],
                }
                let t = Three::deserialize(MapAccessDeserializer::new(map))?;
                let band = |name: &str, label: &str, [from, to]: [Fraction; 2]| Band {
                    name: name.to_string(),
                    label: Some(label.to_string()),
                    from: BandPoint::Span(from),
                    to: BandPoint::Span(to),
                    from_inclusive: None,
                    to_inclusive: None,
                };
                Ok(Bands {
                    list: vec![
                        band("lower", "从轻", t.lower),
                        band("middle", "一般", t.middle),
                        band("upper", "从重", t.upper),
                    ],
                    by_name: true,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Bands {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Bands".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let band = g.subschema_for::<Band>();
        let pair = g.subschema_for::<[Fraction; 2]>();
        schemars::json_schema!({
            "description": "档次，自低至高；格式 1 的 {lower, middle, upper} 仍可读取",
            "anyOf": [
                { "type": "array", "items": band },
                {
                    "type": "object",
                    "properties": { "lower": pair, "middle": pair, "upper": pair },
                    "required": ["lower", "middle", "upper"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Operand: a number, or the id of a number fact.

impl Serialize for Operand {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Operand::Value(v) => v.serialize(s),
            Operand::Fact(id) => s.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for Operand {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Operand;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("数字或数字事实的编号")
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Operand, E> {
                Ok(Operand::Value(Dec(v.into())))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Operand, E> {
                Ok(Operand::Value(Dec(v.into())))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Operand, E> {
                Err(E::custom(crate::num::float_message(v)))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Operand, E> {
                Ok(match crate::num::parse_decimal(v) {
                    Ok(n) => Operand::Value(Dec(n)),
                    Err(_) => Operand::Fact(v.to_string()),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Operand {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Operand".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let dec = g.subschema_for::<Dec>();
        schemars::json_schema!({
            "description": "数字，或数字事实的编号",
            "anyOf": [dec, { "type": "string" }]
        })
    }
}
