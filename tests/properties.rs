//! Invariants over random cases on the reference pack: the recommended range lies within the
//! statutory range unless 减轻; 减轻 never reaches zero; an aggravating factor never lowers the
//! range and a mitigating one never raises it; no input panics.

mod common;

use std::sync::OnceLock;

use cailiang::case::Case;
use cailiang::engine::result::{EvalResult, Level};
use cailiang::evaluate;
use cailiang::pack::LoadedPack;
use proptest::prelude::*;

fn pack() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(common::reference)
}

fn arb_case() -> impl Strategy<Value = Case> {
    let items = pack().pack.items.len();
    (
        0..items,
        0..3usize,
        prop::option::of(0u32..120),
        prop::option::of(0u64..10_000_000_000u64),
        0..4usize,
        any::<[bool; 6]>(),
        any::<bool>(),
    )
        .prop_map(|(i, party, age, amount, tier, flags, reduce)| {
            let item = &pack().pack.items[i];
            let mut facts = serde_json::Map::new();
            for f in &item.facts {
                let v = match &f.kind {
                    cailiang::pack::model::FactKind::Number { .. } => {
                        serde_json::json!(amount.unwrap_or(0).to_string())
                    }
                    cailiang::pack::model::FactKind::Bool => serde_json::json!(flags[0]),
                    cailiang::pack::model::FactKind::Choice { options } => {
                        serde_json::json!(options.first())
                    }
                    cailiang::pack::model::FactKind::Date => serde_json::json!("2025-01-01"),
                    cailiang::pack::model::FactKind::Dates => {
                        serde_json::json!(["2024-06-01", "2025-01-01"])
                    }
                    cailiang::pack::model::FactKind::Derived { .. } => continue,
                };
                facts.insert(f.id.clone(), v);
            }
            let tier = item.tiers.get(tier).map(|t| t.code.clone());
            let party = ["citizen", "legal_person", "other_organization"][party];
            let json = serde_json::json!({
                "items": [item.code],
                "party": party,
                "age": age,
                "facts": facts,
                "tier": tier,
                "circumstances": {"eliminated_harm": flags[1], "confessed": flags[2]},
                "factors": if flags[3] { vec!["repeat_within_year"] } else { vec![] },
                "choose_reduced": reduce,
            });
            serde_json::from_value(json).expect("generated case")
        })
}

fn within_statute(r: &EvalResult) -> bool {
    match (&r.recommended, &r.statutory) {
        (Some(rec), Some(st)) if r.adjustment.level != Level::Reduced => {
            rec.span().inside(&st.span())
        }
        (Some(rec), Some(st)) => {
            rec.max.0 <= st.min.0 && (rec.min.0 > rust_decimal::Decimal::ZERO || !rec.min_inclusive)
        }
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn recommended_stays_within_the_statute(c in arb_case()) {
        if let Ok(r) = evaluate(pack(), &c) {
            prop_assert!(within_statute(&r), "{:?} / {:?} ({:?})", r.recommended, r.statutory, r.adjustment.level);
        }
    }

    #[test]
    fn aggravation_never_lowers_and_mitigation_never_raises(c in arb_case()) {
        let mut heavier = c.clone();
        heavier.factors = vec!["repeat_within_year".into()];
        let mut plain = c.clone();
        plain.factors.clear();
        let mut lighter = c.clone();
        lighter.factors = vec!["cooperative".into()];
        let (Ok(h), Ok(p), Ok(l)) = (evaluate(pack(), &heavier), evaluate(pack(), &plain), evaluate(pack(), &lighter)) else {
            return Ok(());
        };
        if let (Some(h), Some(p), Some(l)) = (h.recommended, p.recommended, l.recommended) {
            prop_assert!(h.min.0 >= p.min.0 && h.max.0 >= p.max.0, "从重 lowered: {h:?} < {p:?}");
            prop_assert!(l.min.0 <= p.min.0 && l.max.0 <= p.max.0, "从轻 raised: {l:?} > {p:?}");
        }
    }

    #[test]
    fn arbitrary_json_never_panics(s in "\\PC{0,200}") {
        let _ = cailiang::load_pack("fuzz.json", &s);
        let _ = serde_json::from_str::<Case>(&s);
    }

    #[test]
    fn huge_and_negative_amounts_never_panic(v in any::<i128>(), scale in 0u32..28) {
        let d = rust_decimal::Decimal::try_from_i128_with_scale(v, scale).unwrap_or_default();
        let item = "ZL-64";
        let c: Case = serde_json::from_value(serde_json::json!({
            "items": [item], "party": "legal_person", "tier": "C",
            "facts": {"contract_price": d.to_string()}, "factors": ["repeat_within_year"],
            "intended_fine": d.abs().to_string(), "illegal_gains": d.abs().to_string()
        })).unwrap();
        let _ = evaluate(pack(), &c);
    }
}

#[test]
fn empty_pack_and_unknown_fields_are_errors() {
    assert!(cailiang::load_pack("e.json", "{}").is_err());
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    v["items"] = serde_json::json!([]);
    let lp =
        cailiang::load_pack("e.json", &v.to_string()).expect("empty item list is a valid pack");
    let c: Case =
        serde_json::from_value(serde_json::json!({"items": ["ZL-64"], "party": "citizen"}))
            .unwrap();
    assert!(evaluate(&lp, &c).is_err());
    v["surprise"] = serde_json::json!(1);
    let e = cailiang::load_pack("e.json", &v.to_string())
        .unwrap_err()
        .to_string();
    assert!(e.contains("e.json") && e.contains("surprise"), "{e}");
}
