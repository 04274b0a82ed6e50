//! Export → import gives back the same pack: every pack in benchmarks/ exported as .xlsx, as
//! UTF-8 CSV and as GBK CSV, then imported with the mapping the export goes with
//! (`export::mapping_for`, which carries the pack's fact ids), each item's semantic content
//! compared.
//!
//! Compared, for every item: code, name, parties, roles; 违法依据 and 处罚依据 (law, article,
//! paragraph, item, quote); the declared facts (id, kind and unit); preconditions (label and
//! condition); statutory fines (parties, role, form, 应当 / 可以, branch condition, own basis);
//! other penalties (kind, 应当 / 可以, condition, who decides); the responsible persons' fine;
//! tiers (code, label, description, condition, overriding condition, parties, outcome, role
//! outcomes, added penalties); 免罚 rows (code, description, 应当 / 可以, condition); the note.
//! Conditions and outcomes are compared with 以上 / 以下 resolved by the pack's convention
//! (the export writes each bound as the pack's convention reads it).
//!
//! Not compared, because a published table does not carry them: the pack's metadata, rules,
//! factors and templates (the import takes them from the pack given as its base); each item's
//! keywords, test cases, 减轻 list, unknown-fact rules, exclusions and `tiers_from`; a tier's
//! basis, class, publicity and `counts`; a 免罚 row's basis (the import records the table
//! and row instead); a penalty's own wording (the words before it are read as its condition);
//! a fact's label and help text (the mapping carries each fact once per wording; an item
//! declares its facts as the table words them — JN-42's 逾期不改正 fact is worded 逾期未改正 in
//! its cells — with the help text of the first item that has the wording).

use cailiang::export::{CsvEncoding, mapping_for, to_csv, to_xlsx};
use cailiang::import::pipeline::{ImportOptions, Imported, Status, import_file};
use cailiang::pack::model::{
    BoundConvention, Condition, Item, Pack, Parties, PenaltyRule, Tier, TierOutcome,
};
use serde_json::{Value, json};

fn packs() -> Vec<(String, Pack)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let lp = cailiang::load_pack(&p.display().to_string(), &text).unwrap();
            (p.display().to_string(), lp.pack)
        })
        .collect()
}

fn resolve_cond(c: &Condition, b: &BoundConvention) -> Condition {
    match c {
        Condition::All { all } => Condition::All {
            all: all.iter().map(|x| resolve_cond(x, b)).collect(),
        },
        Condition::Any { any } => Condition::Any {
            any: any.iter().map(|x| resolve_cond(x, b)).collect(),
        },
        Condition::Not { not } => Condition::Not {
            not: Box::new(resolve_cond(not, b)),
        },
        Condition::Compare { fact, op, value } => Condition::Compare {
            fact: fact.clone(),
            op: op.resolve(b),
            value: *value,
        },
        other => other.clone(),
    }
}

fn resolve_outcome(o: &TierOutcome, b: &BoundConvention) -> TierOutcome {
    match o {
        TierOutcome::Range {
            min,
            min_inclusive,
            max,
            max_inclusive,
        } => TierOutcome::Range {
            min: *min,
            min_inclusive: min.map(|_| min_inclusive.unwrap_or(b.above.includes())),
            max: *max,
            max_inclusive: Some(max_inclusive.unwrap_or(b.below.includes())),
        },
        other => other.clone(),
    }
}

fn cond(c: &Option<Condition>, b: &BoundConvention) -> Value {
    json!(c.as_ref().map(|c| resolve_cond(c, b)))
}

fn penalty(p: &PenaltyRule, b: &BoundConvention) -> Value {
    json!({"kind": p.kind, "mandatory": p.mandatory, "when": cond(&p.when, b),
           "decided_by": p.decided_by, "parties": p.parties, "role": p.role})
}

fn tier(t: &Tier, b: &BoundConvention) -> Value {
    json!({
        "code": t.code, "label": t.label, "description": t.description,
        "when": cond(&t.when, b), "overrides": cond(&t.overrides, b), "parties": t.parties,
        "outcome": resolve_outcome(&t.outcome, b),
        "roles": t.roles.iter().map(|r| json!({"role": r.role, "outcome": resolve_outcome(&r.outcome, b)})).collect::<Vec<_>>(),
        "penalties": t.penalties.iter().map(|p| penalty(p, b)).collect::<Vec<_>>(),
    })
}

/// An item's semantic content (see the module docs).
fn semantic(i: &Item, b: &BoundConvention) -> Value {
    let mut facts: Vec<Value> = i
        .facts
        .iter()
        .map(|f| {
            let mut v = json!(f);
            if let Some(o) = v.as_object_mut() {
                o.remove("help");
                o.remove("label");
            }
            v
        })
        .collect();
    facts.sort_by_key(|f| f.to_string());
    json!({
        "code": i.code, "name": i.name, "parties": i.parties, "roles": i.roles,
        "violates": i.violates, "penalty_basis": i.penalty_basis, "facts": facts,
        "preconditions": i.preconditions.iter().map(|p| json!({"label": p.label, "when": resolve_cond(&p.when, b)})).collect::<Vec<_>>(),
        "fines": i.fines.iter().map(|f| json!({"parties": f.parties, "role": f.role, "form": f.form,
            "mandatory": f.mandatory, "when": cond(&f.when, b), "basis": f.basis})).collect::<Vec<_>>(),
        "penalties": i.penalties.iter().map(|p| penalty(p, b)).collect::<Vec<_>>(),
        "personal_fine": i.personal_fine,
        "tiers": i.tiers.iter().map(|t| tier(t, b)).collect::<Vec<_>>(),
        "exemptions": i.exemptions.iter().map(|e| json!({"code": e.code, "description": e.description,
            "mandatory": e.mandatory, "when": resolve_cond(&e.when, b)})).collect::<Vec<_>>(),
        "note": i.note,
    })
}

fn check(name: &str, pack: &Pack, imp: &Imported) {
    let problems: Vec<String> = imp
        .report
        .all_findings()
        .filter(|(_, f)| f.status >= Status::NeedsDecision)
        .map(|(p, f)| format!("{p}：{}：{}", f.status.label(), f.message))
        .collect();
    assert!(
        problems.is_empty(),
        "{name}: {} findings need a decision:\n{}",
        problems.len(),
        problems.join("\n")
    );
    let b = &pack.rules.bounds;
    assert_eq!(imp.pack.items.len(), pack.items.len(), "{name}");
    let mut differ = Vec::new();
    for (a, z) in pack.items.iter().zip(&imp.pack.items) {
        let (x, y) = (semantic(a, b), semantic(z, &imp.pack.rules.bounds));
        if x != y {
            let xs = x.as_object().cloned().unwrap_or_default();
            let ys = y.as_object().cloned().unwrap_or_default();
            for (k, v) in &xs {
                if ys.get(k) != Some(v) {
                    differ.push(format!(
                        "{} {k}:\n  exported {v}\n  imported {}",
                        a.code,
                        ys.get(k).cloned().unwrap_or(Value::Null)
                    ));
                }
            }
        }
    }
    assert!(
        differ.is_empty(),
        "{name}: {} differences:\n{}",
        differ.len(),
        differ.join("\n")
    );
    // The pack imported keeps the mapping it was read with.
    assert!(imp.pack.table_mapping.is_some());
    assert!(
        imp.report.validation.is_ok(),
        "{:?}",
        imp.report.validation.errors
    );
}

#[test]
fn every_benchmark_pack_exports_and_imports_back_the_same() {
    for (file, pack) in packs() {
        let mapping = mapping_for(&pack);
        let opts = ImportOptions {
            mapping: Some(mapping),
            base: Some(&pack),
            ..ImportOptions::default()
        };
        let xlsx = to_xlsx(&pack).unwrap();
        let utf8 = to_csv(&pack, CsvEncoding::Utf8Bom).unwrap();
        let gbk = to_csv(&pack, CsvEncoding::Gbk).unwrap();
        assert_eq!(&utf8[..3], &[0xEF, 0xBB, 0xBF]);
        for (name, bytes) in [
            (format!("{file}.xlsx"), &xlsx),
            (format!("{file}.csv"), &utf8),
            (format!("{file}.gbk.csv"), &gbk),
        ] {
            let imp = import_file(&name, bytes, &opts).unwrap_or_else(|e| panic!("{e}"));
            check(&name, &pack, &imp);
        }
        // The same pack gives the same bytes.
        assert_eq!(to_xlsx(&pack).unwrap(), xlsx);
    }
}

#[test]
fn an_overriding_circumstance_is_marked_and_roles_keep_their_ids() {
    let (file, pack) = packs()
        .into_iter()
        .find(|(f, _)| f.ends_with("published-rows.json"))
        .unwrap();
    let sheet = cailiang::export::sheet(&pack);
    let col = |h: &str| sheet.header.iter().position(|x| x == h).unwrap();
    // 新密's 严重 tier has no condition of its own, only a circumstance that overrides: the
    // export says so in its 适用条件, and the import reads it back as `overrides`.
    let (a, b) = sheet.items[pack.items.iter().position(|i| i.code == "XM-YS").unwrap()];
    let row = sheet.rows[a..=b]
        .iter()
        .find(|r| r[col("阶次编码")] == "严重")
        .unwrap();
    assert_eq!(
        row[col("适用条件")],
        "拒不改正造成恶劣影响或者严重后果（优先适用）"
    );
    let opts = ImportOptions {
        mapping: Some(mapping_for(&pack)),
        base: Some(&pack),
        ..ImportOptions::default()
    };
    let imp = import_file(&file, &to_xlsx(&pack).unwrap(), &opts).unwrap();
    let item = imp.pack.items.iter().find(|i| i.code == "XM-YS").unwrap();
    let grave = item.tiers.iter().find(|t| t.code == "严重").unwrap();
    assert_eq!(grave.when, None);
    assert_eq!(
        grave.overrides,
        Some(Condition::Flag {
            fact: "refused_grave".into(),
            is: true
        })
    );
    // 卢氏's two roles keep the pack's ids (the mapping carries them; the table names them by
    // their labels), and each fine its role's parties.
    let item = imp
        .pack
        .items
        .iter()
        .find(|i| i.code == "LS-SGXK-12")
        .unwrap();
    let fines: Vec<(Option<&str>, Parties)> = item
        .fines
        .iter()
        .map(|f| (f.role.as_deref(), f.parties))
        .collect();
    assert_eq!(
        fines,
        [
            (Some("construction_unit"), Parties::Organization),
            (Some("contractor"), Parties::Organization)
        ]
    );
    // Without the mapping's roles, the labels are the ids (the report names them for the
    // author to keep or rename).
    let mut bare = mapping_for(&pack);
    bare.roles.clear();
    let opts = ImportOptions {
        mapping: Some(bare),
        base: Some(&pack),
        ..ImportOptions::default()
    };
    let imp = import_file(&file, &to_xlsx(&pack).unwrap(), &opts).unwrap();
    let item = imp
        .pack
        .items
        .iter()
        .find(|i| i.code == "LS-SGXK-12")
        .unwrap();
    let ids: Vec<&str> = item.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["建设单位", "施工单位"]);
    assert_eq!(imp.report.mapping.roles.len(), 2, "saved with the pack");
}
