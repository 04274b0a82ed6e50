use serde_json::json;

use super::filter::Filter;
use super::*;
use crate::review::{Rule, Severity};

fn pack() -> LoadedPack {
    crate::reference_pack().unwrap()
}

/// A decided case on ZL-64 (B: 266,666.67–333,333.33 recommended; statute 200,000–400,000)
/// with everything recorded, fined `fine`.
fn decided(reference: &str, fine: &str) -> serde_json::Value {
    json!({
        "reference": reference,
        "case": {"items": ["ZL-64"], "party": "legal_person", "tier": "B",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "facts": {"contract_price": "10000000", "serious": false}},
        "decision": {"fines": [{"amount": fine}], "penalties": [{"kind": "order_correction"}],
            "procedure": {"hearing_notified": true, "legal_review": true, "collective_discussion": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}
    })
}

/// Six lines: clean, above the statute, a blank line, a bad line, the benchmark exceeded, an
/// unknown item; CRLF line ends and no break after the last.
fn lines() -> String {
    let mut unknown = decided("甲-6", "300000");
    unknown["case"]["items"] = json!(["NO-SUCH"]);
    [
        decided("甲-1", "300000").to_string(),
        decided("甲-2", "450000").to_string(),
        String::new(),
        r#"{"reference":"甲-4","case":{"party":"robot"},"decision":{}}"#.to_string(),
        decided("甲-5", "350000").to_string(),
        unknown.to_string(),
    ]
    .join("\r\n")
}

fn open(file: &str, text: &str) -> Session {
    Session::open(
        file,
        text.as_bytes().to_vec(),
        &ColumnMapping::default(),
        &pack(),
    )
    .unwrap()
}

fn rules(s: &Session) -> Vec<(u64, &'static str)> {
    s.done()
        .iter()
        .flat_map(|d| match d {
            Done::Case(c) => c
                .review
                .findings
                .iter()
                .map(|f| (c.review.row, f.rule.id()))
                .collect::<Vec<_>>(),
            Done::Unreadable(e) => vec![(e.row, "row.unreadable")],
        })
        .collect()
}

#[test]
fn chunks_of_any_size_review_the_same_rows() {
    let lp = pack();
    let mut whole = open("cases.jsonl", &lines());
    assert_eq!(whole.kind(), SourceKind::DecidedLines);
    assert!(!whole.finished());
    assert_eq!(whole.progress().permille(), 0);
    whole.run(&lp);
    let expected = rules(&whole);
    assert_eq!(
        expected,
        [
            (2, "fine.outside_statutory"),
            (4, "row.unreadable"),
            (5, "fine.outside_benchmark"),
            (6, "row.unreadable"),
        ],
        "{expected:?}"
    );
    assert_eq!(whole.summary().cases, 3);
    assert_eq!(whole.summary().unreadable, 2);
    assert_eq!(whole.progress().rows, 6);
    for chunk in [1, 2, 5] {
        let mut s = open("cases.jsonl", &lines());
        let mut seen = Vec::new();
        while !s.finished() {
            let p = s.step(&lp, chunk);
            seen.push(p.permille());
            assert!(p.rows <= 6, "{p:?}");
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(seen.last(), Some(&1000));
        assert_eq!(rules(&s), expected, "chunk {chunk}");
        assert_eq!(s.summary(), whole.summary(), "chunk {chunk}");
    }
}

#[test]
fn the_exports_are_the_clis_for_the_same_file() {
    let lp = pack();
    let dir = std::env::temp_dir().join(format!("cailiang-session-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("cases.jsonl");
    std::fs::write(&input, lines()).unwrap();
    let (csv, html, xlsx) = (dir.join("f.csv"), dir.join("r.html"), dir.join("f.xlsx"));
    let args: Vec<String> = [
        "review",
        input.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let code = crate::cli::run(&args, &mut Vec::new(), &mut Vec::new());
    assert_eq!(code, 1);
    let mut s = open("cases.jsonl", &lines());
    s.run(&lp);
    assert_eq!(s.csv(), std::fs::read_to_string(&csv).unwrap());
    assert_eq!(s.html(), std::fs::read_to_string(&html).unwrap());
    assert_eq!(s.xlsx().unwrap(), std::fs::read(&xlsx).unwrap());
    assert!(s.csv().contains("fine.outside_statutory"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A case table with 承办人 and 承办机构: two officers, two units.
fn table() -> String {
    let facts = r#""{""contract_price"":""10000000"",""serious"":false}""#;
    let mut t = String::from(
        "case_number,item,party_kind,facts,tier,fine_imposed,occurred,discovered,filed,notice_date,decided_on,hearing_notified,legal_review,collective_discussion,承办人,承办机构\n",
    );
    for (no, fine, hearing, officer, unit) in [
        ("乙-1", "300000", "true", "张三", "一中队"),
        ("乙-2", "450000", "true", "张三", "一中队"),
        ("乙-3", "300000", "false", "李四", "二中队"),
        ("乙-4", "350000", "false", "李四", "一中队"),
    ] {
        t.push_str(&format!(
            "{no},ZL-64,legal_person,{facts},B,{fine},2025-03-01,2025-06-01,2025-06-02,2025-07-01,2025-07-15,{hearing},true,true,{officer},{unit}\n"
        ));
    }
    t
}

#[test]
fn a_case_table_is_filtered_by_rule_severity_item_officer_and_unit() {
    let lp = pack();
    let mut s = open("案件.csv", &table());
    assert_eq!(s.kind(), SourceKind::Table);
    assert_eq!(s.progress().of, 4);
    s.step(&lp, 2);
    assert_eq!(s.progress().at, 2);
    assert!(!s.finished());
    s.run(&lp);
    assert_eq!(s.summary().cases, 4);
    let all = s.findings(&Filter::default());
    let ids = |f: &Filter| -> Vec<(String, &'static str)> {
        s.findings(f)
            .into_iter()
            .map(|r| {
                let (c, f) = s.finding(r).unwrap();
                (c.reference.clone().unwrap(), f.rule.id())
            })
            .collect()
    };
    assert_eq!(
        ids(&Filter::default()),
        [
            ("乙-2".to_string(), "fine.outside_statutory"),
            ("乙-3".to_string(), "procedure.hearing_notice_missing"),
            ("乙-4".to_string(), "fine.outside_benchmark"),
            ("乙-4".to_string(), "procedure.hearing_notice_missing"),
        ]
    );
    assert_eq!(all.len(), 4);
    let by_officer = Filter {
        officer: Some("李四".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&by_officer).len(), 3);
    let by_unit = Filter {
        unit: Some("一中队".into()),
        severity: Some(Severity::Error),
        ..Filter::default()
    };
    assert_eq!(
        ids(&by_unit),
        [
            ("乙-2".to_string(), "fine.outside_statutory"),
            ("乙-4".to_string(), "procedure.hearing_notice_missing"),
        ]
    );
    let by_rule = Filter {
        rule: Some(Rule::FineOutsideBenchmark),
        item: Some("ZL-64".into()),
        ..Filter::default()
    };
    assert_eq!(
        ids(&by_rule),
        [("乙-4".to_string(), "fine.outside_benchmark")]
    );
    let none = Filter {
        item: Some("GH-67".into()),
        ..Filter::default()
    };
    assert!(ids(&none).is_empty());
    let facets = s.facets();
    assert_eq!(
        facets.officers,
        [("张三".to_string(), 1), ("李四".to_string(), 3)]
    );
    assert_eq!(
        facets.units,
        [("一中队".to_string(), 3), ("二中队".to_string(), 1)]
    );
    assert_eq!(facets.items.len(), 1);
    assert_eq!(
        facets.severities,
        [(Severity::Error, 3), (Severity::Warning, 1)]
    );
    assert!(facets.rules.contains(&(Rule::HearingNoticeMissing, 2)));
}

#[test]
fn a_case_opens_with_its_full_result_and_trace() {
    let lp = pack();
    let mut s = open("案件.csv", &table());
    s.run(&lp);
    let first = s.findings(&Filter::default())[0];
    let (review, result) = s.detail(&lp, first.case).unwrap().unwrap();
    assert_eq!(review.reference.as_deref(), Some("乙-2"));
    assert_eq!(review.officer.as_deref(), Some("张三"));
    assert_eq!(review, s.case(first.case).unwrap().review);
    assert!(!result.trace.is_empty());
    assert!(
        result
            .trace
            .iter()
            .any(|t| t.citations.iter().any(|c| c.quote.is_some())),
        "the trace quotes its articles"
    );
    assert!(s.detail(&lp, 99).is_none());
}

#[test]
fn the_librarys_json_lines_are_reviewed_as_the_library_keeps_them() {
    use crate::library::{Library, LibraryRecord};
    let lp = pack();
    let mut lib = Library::default();
    for (i, fine) in ["300000", "450000"].iter().enumerate() {
        let mut v = decided("", fine)["case"].clone();
        v["intended_fine"] = json!(fine);
        v["dates"]["decided"] = json!("2025-07-15");
        let case: crate::Case = serde_json::from_value(v).unwrap();
        let result = crate::evaluate(&lp, &case);
        let inputs = serde_json::from_value(json!({"case_number": format!("库-{i}"), "filed": "2025-06-02", "notice_date": "2025-07-01"})).unwrap();
        let r = LibraryRecord::new(format!("id-{i}"), "", case, inputs, &lp, result.as_ref(), 0);
        lib.upsert(r);
    }
    let mut s = open("案件库.jsonl", &crate::library::export::to_jsonl(&lib));
    assert_eq!(s.kind(), SourceKind::LibraryLines);
    assert_eq!(s.stated(), crate::review::library::record_stated());
    s.run(&lp);
    assert_eq!(s.summary().cases, 2);
    assert!(!s.summary().not_checked.is_empty());
    let found: Vec<&str> = rules(&s).into_iter().map(|(_, r)| r).collect();
    assert_eq!(found, ["fine.outside_statutory"]);
}

#[test]
fn a_file_that_cannot_be_reviewed_says_why_and_names_it() {
    let lp = pack();
    let m = ColumnMapping::default();
    let err = |file: &str, bytes: &[u8]| {
        Session::open(file, bytes.to_vec(), &m, &lp)
            .err()
            .unwrap()
            .to_string()
    };
    assert_eq!(err("空.jsonl", b""), "空.jsonl：文件是空的");
    assert_eq!(err("空.jsonl", b" \r\n\n"), "空.jsonl：文件是空的");
    let header = err("x.csv", "甲,乙\n1,2\n".as_bytes());
    assert!(header.starts_with("x.csv："), "{header}");
    assert!(header.contains("表头缺少必需的列"), "{header}");
    let table = err("x.xlsx", b"PK\x03\x04 not a zip");
    assert!(table.contains("x.xlsx"), "{table}");
    // Not a case at all: every line is reported, the session still finishes.
    let mut s = open("x.jsonl", "hello\n[1,2]\n");
    s.run(&lp);
    assert_eq!(s.summary().unreadable, 2);
    assert!(s.finished());
}
