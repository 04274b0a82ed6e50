//! The case library: JSON lines round trip exactly (bad lines reported by number, the others
//! kept), the 案卷评查 CSV, migration from the LocalStorage recent-case list, and 类案.

mod common;

use cailiang::case::Case;
use cailiang::documents::DocumentInputs;
use cailiang::evaluate;
use cailiang::library::export::{CSV_COLUMNS, from_jsonl, to_csv, to_jsonl};
use cailiang::library::similar::{Direction, similar};
use cailiang::library::{Library, LibraryRecord, Query, migrate};
use cailiang::pack::LoadedPack;

fn case(json: serde_json::Value) -> Case {
    serde_json::from_value(json).expect("case JSON")
}

fn zl64(fine: Option<&str>, decided: &str) -> Case {
    let mut c = case(serde_json::json!({
        "items": ["ZL-64"], "party": "legal_person", "tier": "B",
        "facts": {"contract_price": "10000000"},
        "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": decided}
    }));
    c.intended_fine = fine.map(|f| f.parse().expect("amount"));
    c
}

fn record(lp: &LoadedPack, id: &str, c: Case, inputs: DocumentInputs, now: i64) -> LibraryRecord {
    let r = evaluate(lp, &c);
    LibraryRecord::new(id, "", c, inputs, lp, r.as_ref(), now)
}

/// A library with a full case file, a departure, hostile text, a form and text edits, and a
/// case that could not be evaluated.
fn library(lp: &LoadedPack) -> Library {
    let full: DocumentInputs = serde_json::from_value(serde_json::json!({
        "party": {"name": "示例建设工程有限公司", "credit_code": "91000000MA00000001"},
        "case_number": "示建立〔2025〕12号",
        "decision_number": "示建罚决〔2025〕12号",
        "filed": "2025-06-02",
        "evidence": [{"item": "《现场检查笔录》", "proves": "使用未经检验的钢筋"}],
        "statement": {"status": "made", "summary": "已更换", "adoption": "not_adopted", "reason": "不影响认定"},
        "hearing": {"requested": true, "held_on": "2025-06-20", "outcome": "维持"},
        "departure": {"reason": "社会影响大，\"学校\"工程,需从重",
            "approval": {"by": "collective", "date": "2025-06-28", "reference": "集议7号"}}
    }))
    .expect("inputs");
    let mut a = record(
        lp,
        "case-1",
        zl64(Some("350000"), "2025-07-01"),
        full,
        1_751_000_000_000,
    );
    a.decided = true;
    a.label = "=HYPERLINK(\"x\")".to_string();
    a.form = Some(serde_json::json!({"case_id": 1, "contract_price": "10,000,000", "x": 1.5}));
    a.text = Some(serde_json::json!({"base": "原文", "sections": []}));
    let mut hostile = DocumentInputs::default();
    hostile.party.name = Some("乙公司\n第二行，\"引号\"".to_string());
    let b = record(
        lp,
        "case-2",
        zl64(Some("280000"), "2025-07-05"),
        hostile,
        1_751_100_000_000,
    );
    let bad = case(serde_json::json!({"items": ["NO-SUCH"], "party": "citizen"}));
    let c = record(
        lp,
        "case-3",
        bad,
        DocumentInputs::default(),
        1_751_200_000_000,
    );
    Library::from_records(vec![a, b, c])
}

#[test]
fn json_lines_round_trip_exactly() {
    let lp = common::reference();
    let lib = library(&lp);
    assert!(
        lib.get("case-3")
            .and_then(|r| r.error.as_deref())
            .is_some_and(|e| e.contains("NO-SUCH"))
    );
    let text = to_jsonl(&lib);
    assert_eq!(text.lines().count(), 3);
    let back = from_jsonl(&text);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let again = Library::from_records(back.records);
    assert_eq!(again, lib);
    assert_eq!(
        to_jsonl(&again),
        text,
        "the export of the import is the same text"
    );
}

#[test]
fn bad_lines_are_reported_by_number_and_the_others_kept() {
    let lp = common::reference();
    let text = to_jsonl(&library(&lp));
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let case1 = lines
        .iter()
        .find(|l| l.contains("\"case-1\""))
        .expect("case-1");
    let bad_date = case1.replace("\"decided\":\"2025-07-01\"", "\"decided\":\"2025-13-01\"");
    assert_ne!(&bad_date, case1);
    lines.insert(1, "{not json".to_string());
    lines.insert(2, String::new());
    lines.push(bad_date);
    lines.push("[1,2]".to_string());
    let file = format!("\u{feff}{}\n", lines.join("\n"));
    let imported = from_jsonl(&file);
    assert_eq!(imported.records.len(), 3, "the good lines are kept");
    let at: Vec<(usize, &str)> = imported
        .errors
        .iter()
        .map(|e| (e.line, e.path.as_str()))
        .collect();
    assert_eq!(at.len(), 3, "{:?}", imported.errors);
    assert_eq!(at[0].0, 2);
    // The line and the object at fault. (src/pack/json.rs names the object, not the key, when
    // the bad value is the object's last key: reported to the lead.)
    assert_eq!(at[1].0, 6);
    assert!(at[1].1.starts_with("$.case.dates"), "{}", at[1].1);
    assert_eq!(at[2].0, 7);
    assert!(
        imported.errors[1]
            .to_string()
            .starts_with("第 6 行 $.case.dates"),
        "{}",
        imported.errors[1]
    );
    assert!(
        imported.errors[1].message.contains("不是有效日期"),
        "{}",
        imported.errors[1].message
    );
    // Merging the import into an empty library takes all of it.
    let mut lib = Library::default();
    let report = lib.merge(imported.records);
    assert_eq!(report.added, 3);
}

/// A minimal RFC 4180 reader for the test.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn the_review_csv_has_one_row_per_case_with_its_columns() {
    let lp = common::reference();
    let lib = library(&lp);
    let csv = to_csv(&lib);
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(csv.contains("\r\n"));
    let rows = read_csv(csv.trim_start_matches('\u{feff}'));
    let keys: Vec<&str> = CSV_COLUMNS.iter().map(|(k, _)| *k).collect();
    assert_eq!(rows[0], keys);
    assert_eq!(rows.len(), 4, "a header and one row per case");
    let col = |row: &Vec<String>, key: &str| {
        row[keys.iter().position(|k| *k == key).expect("column")].clone()
    };
    // Newest first: case-3, case-2, case-1.
    let a = &rows[3];
    assert_eq!(col(a, "case_id"), "case-1");
    assert_eq!(
        col(a, "label"),
        "'=HYPERLINK(\"x\")",
        "a formula is defused"
    );
    assert_eq!(col(a, "item"), "ZL-64");
    assert_eq!(col(a, "party_kind"), "legal_person");
    assert_eq!(col(a, "tier"), "B");
    assert_eq!(col(a, "outcome"), "fine");
    assert_eq!(col(a, "fine_imposed"), "350000");
    assert_eq!(col(a, "decided"), "true");
    assert_eq!(col(a, "standing"), "departs");
    assert_eq!(col(a, "recommended_min"), "266666.67");
    assert_eq!(col(a, "statutory_max"), "400000");
    assert_eq!(
        col(a, "departure_reason"),
        "社会影响大，\"学校\"工程,需从重"
    );
    assert_eq!(col(a, "approval_by"), "collective");
    assert_eq!(col(a, "filed"), "2025-06-02");
    assert_eq!(col(a, "decided_on"), "2025-07-01");
    assert_eq!(col(a, "hearing_flag"), "required");
    assert_eq!(col(a, "hearing_held_on"), "2025-06-20");
    assert_eq!(col(a, "statement_adoption"), "not_adopted");
    assert_eq!(col(a, "facts"), r#"{"contract_price":"10000000"}"#);
    assert_eq!(col(a, "pack_hash"), lp.hash);
    // The case column evaluates to the same result.
    let c: Case = serde_json::from_str(&col(a, "case")).expect("case JSON");
    assert_eq!(c, lib.get("case-1").expect("case-1").case);
    assert_eq!(
        evaluate(&lp, &c).expect("evaluates").recommended,
        lib.get("case-1")
            .and_then(|r| r.summary.as_ref())
            .and_then(|s| s.recommended)
    );
    let b = &rows[2];
    assert_eq!(col(b, "party_name"), "乙公司\n第二行，\"引号\"");
    assert_eq!(col(b, "position_benchmark"), "20");
    let e = &rows[1];
    assert!(col(e, "error").contains("NO-SUCH"));
    assert_eq!(col(e, "outcome"), "");
}

/// The recent-case list as the calculator stores it (`form::recent::Recent`, `form::CaseDraft`).
const STORED_RECENT: &str = r#"[
  {"id": 3, "touched": 1751234567890.0, "draft": {
     "case_id": 3, "label": "示例建设工程有限公司", "item": "ZL-64", "also": ["ZL-64"],
     "party": "legal_person", "age": "", "capacity": "full",
     "occurred": "2025-03-01", "ended": "", "discovered": "2025-06-01", "decided": "2025-07-01",
     "grave_harm": false, "facts": {"contract_price": "10,000,000", "left_over": "9"},
     "circumstances": {"minor": false, "corrected": true, "no_harm": false, "first_offence": false,
       "slight_harm": false, "no_fault": false, "eliminated_harm": false, "coerced": false,
       "confessed": false, "meritorious": false},
     "factors": [], "tier": "B", "choose_reduced": false, "waive": null,
     "illegal_gains": "", "gains_to_be_returned": false, "intended_fine": "300,000"},
   "text": {"base": "一、违法事实", "sections": []}},
  {"id": 2, "touched": 1751000000000.0, "draft": {
     "case_id": 2, "label": "", "item": "RQ-50", "party": "citizen", "age": "十六",
     "discovered": "2025-6-1", "tier": "A", "intended_fine": "八千"}},
  "not a case",
  {"id": 1, "touched": 1750000000000.0, "draft": {"case_id": 1, "item": "NO-SUCH"}}
]"#;

#[test]
fn the_recent_case_list_migrates_to_records() {
    let lp = common::reference();
    let m = migrate::from_recent(STORED_RECENT, &lp, "b1");
    let ids: Vec<&str> = m.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["b1-3", "b1-2", "b1-1"],
        "the ids the calculator's snapshots of these cases carry"
    );
    let a = &m.records[0];
    assert_eq!(a.label, "示例建设工程有限公司");
    assert_eq!(
        (a.created, a.updated),
        (1_751_234_567_890, 1_751_234_567_890)
    );
    let mut want = zl64(Some("300000"), "2025-07-01");
    want.circumstances.corrected = true;
    assert_eq!(
        a.case, want,
        "read as the app reads the form: declared facts only, separators dropped"
    );
    let s = a.summary.as_ref().expect("evaluated");
    assert_eq!(s.tier.as_deref(), Some("B"));
    assert_eq!(s.amount.map(|d| d.to_string()).as_deref(), Some("300000"));
    assert_eq!(a.pack.hash, lp.hash);
    let stored: Vec<serde_json::Value> = serde_json::from_str(STORED_RECENT).expect("JSON");
    assert_eq!(
        a.form.as_ref(),
        Some(&stored[0]["draft"]),
        "the form is kept verbatim"
    );
    assert_eq!(a.text.as_ref(), Some(&stored[0]["text"]));
    // What could not be read is reported with the entry and left out of the case.
    let b = &m.records[1];
    assert_eq!(b.case.age, None);
    assert_eq!(b.case.dates.discovered, None);
    assert_eq!(b.case.intended_fine, None);
    let of = |i: usize| {
        m.issues
            .iter()
            .filter(|x| x.index == Some(i))
            .collect::<Vec<_>>()
    };
    let issues_b = of(1);
    assert_eq!(issues_b.len(), 3, "{issues_b:?}");
    assert!(issues_b.iter().all(|x| x.record.as_deref() == Some("b1-2")));
    assert!(issues_b.iter().any(|x| x.message.starts_with("年龄")));
    assert!(issues_b.iter().any(|x| x.message.starts_with("日期")));
    assert!(issues_b.iter().any(|x| x.message.starts_with("拟罚款数额")));
    // An entry that is not a case is reported and skipped; an unknown item is kept with its error.
    assert_eq!(of(2).len(), 1);
    assert!(of(2)[0].record.is_none());
    let c = &m.records[2];
    assert!(c.summary.is_none() && c.error.as_deref().is_some_and(|e| e.contains("NO-SUCH")));
    // Not a list at all: nothing is migrated, and it says so.
    let none = migrate::from_recent("{\"id\": 1}", &lp, "b1");
    assert!(none.records.is_empty());
    assert_eq!(none.issues.len(), 1);
    assert_eq!(none.issues[0].index, None);
    // The migrated records round trip through JSON lines like any other.
    let lib = Library::from_records(m.records);
    assert_eq!(
        Library::from_records(from_jsonl(&to_jsonl(&lib)).records),
        lib
    );
    let found = lib.search(&Query {
        party: Some("示例建设".into()),
        ..Query::default()
    });
    assert_eq!(found.len(), 1);
}

#[test]
fn similar_cases_come_from_the_library() {
    let lp = common::reference();
    let lib = library(&lp);
    let target = record(
        &lp,
        "new",
        zl64(Some("270000"), "2025-08-01"),
        DocumentInputs::default(),
        0,
    );
    let s = similar(
        &lib.records,
        target.summary.as_ref().expect("summary"),
        Some("new"),
    );
    let ids: Vec<&str> = s.cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["case-2", "case-1"]);
    assert_eq!(
        s.cases
            .iter()
            .map(|c| c.amount.map(|a| a.to_string()))
            .collect::<Vec<_>>(),
        [Some("280000".to_string()), Some("350000".to_string())]
    );
    let note = s.note.expect("below both");
    assert_eq!(note.direction, Direction::Lower);
    assert!(note.to_string().contains("低于本库2件"), "{note}");
}

#[test]
fn migration_adds_only_the_cases_the_library_lacks() {
    let lp = common::reference();
    let mut lib = Library::default();
    let mut newer = record(
        &lp,
        "b1-3",
        zl64(Some("310000"), "2025-07-01"),
        DocumentInputs::default(),
        1_760_000_000_000,
    );
    newer.label = "已在库中".into();
    lib.upsert(newer.clone());
    let added = lib.take_migrated(migrate::from_recent(STORED_RECENT, &lp, "b1"));
    assert_eq!(added, ["b1-2", "b1-1"]);
    assert_eq!(lib.records.len(), 3);
    assert_eq!(
        lib.get("b1-3"),
        Some(&newer),
        "the calculator's newer case stays"
    );
}
