//! Speed of one evaluation and of loading + validating a synthetic 5,000-item pack (and of the
//! validation alone, on the parsed pack).
//! Targets: ≤ 20 µs per evaluation, ≤ 100 ms per 5,000-item pack (natively).

use criterion::{Criterion, criterion_group, criterion_main};

fn synthetic_pack(n: usize) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack");
    let template = v["items"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["code"] == "ZL-64"))
        .cloned()
        .expect("ZL-64");
    let items: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut it = template.clone();
            it["code"] = serde_json::json!(format!("SYN-{i}"));
            it["cases"] = serde_json::json!([]);
            it
        })
        .collect();
    v["items"] = serde_json::Value::Array(items);
    v.to_string()
}

fn benches(c: &mut Criterion) {
    let lp = cailiang::load_pack("ref", cailiang::REFERENCE_PACK).expect("loads");
    let case: cailiang::Case = serde_json::from_value(serde_json::json!({
        "items": ["ZL-64"], "party": "legal_person", "tier": "B",
        "facts": {"contract_price": "10000000"}, "factors": ["cooperative"],
        "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"}
    }))
    .expect("case");
    c.bench_function("evaluate one case (ZL-64)", |b| {
        b.iter(|| cailiang::evaluate(&lp, std::hint::black_box(&case)).expect("evaluates"))
    });
    let big = synthetic_pack(5000);
    let mut g = c.benchmark_group("pack");
    g.sample_size(10);
    g.bench_function("load + validate 5,000-item pack", |b| {
        b.iter(|| {
            let (lp, report) =
                cailiang::validate::validate_text("synthetic.json", std::hint::black_box(&big));
            assert!(report.is_ok() && lp.is_some());
        })
    });
    let parsed = cailiang::load_pack("synthetic.json", &big).expect("loads");
    g.bench_function("validate 5,000-item pack (parsed)", |b| {
        b.iter(|| {
            let report = cailiang::validate::validate(std::hint::black_box(&parsed));
            assert!(report.is_ok());
        })
    });
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
