//! 案卷评查 of case tables: CSV in UTF-8 and GBK and .xlsx, read by src/table, in this project's
//! columns (the case library's export keys), in a bureau's own columns through a mapping file,
//! and the library's own CSV export as it writes it. Fixtures are written by the tests.

use std::path::{Path, PathBuf};

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cailiang::cli::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cailiang-tables-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const HEADER: [&str; 14] = [
    "case_number",
    "item",
    "party_kind",
    "facts",
    "tier",
    "fine_imposed",
    "occurred",
    "discovered",
    "filed",
    "notice_date",
    "decided_on",
    "hearing_notified",
    "legal_review",
    "collective_discussion",
];

/// Rows: a correct case, a fine above the statute, an unknown item, a malformed amount, a row
/// without its party, and a hearing notice not given.
fn rows() -> Vec<[&'static str; 14]> {
    let facts = r#"{"contract_price":"10000000","serious":false}"#;
    let ok = |no: &'static str, fine: &'static str, hearing: &'static str| {
        [
            no,
            "ZL-64",
            "legal_person",
            facts,
            "B",
            fine,
            "2025-03-01",
            "2025-06-01",
            "2025-06-02",
            "2025-07-01",
            "2025-07-15",
            hearing,
            "true",
            "true",
        ]
    };
    let mut unknown = ok("甲-3", "300000", "true");
    unknown[1] = "NO-SUCH";
    let mut no_party = ok("甲-5", "300000", "true");
    no_party[2] = "";
    vec![
        ok("甲-1", "300000", "true"),
        ok("甲-2", "450000", "true"),
        unknown,
        ok("甲-4", "三十万零", "true"),
        no_party,
        ok("甲-6", "300,000", "false"),
    ]
}

fn csv_text() -> String {
    let field = |s: &str| {
        if s.contains([',', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut t = HEADER.join(",") + "\r\n";
    for r in rows() {
        t.push_str(&r.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        t.push_str("\r\n");
    }
    t
}

/// The findings and bad rows of the fixture, by row label: `line(n)` names row n (1-based, the
/// header being row 1).
fn check(out: &str, line: impl Fn(u32) -> String) {
    assert!(
        out.contains(&format!(
            "{}（甲-2） ZL-64：错误 fine.outside_statutory",
            line(3)
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{}（甲-3）：基准中没有编号为 NO-SUCH 的违法行为",
            line(4)
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{}（甲-4）：“fine_imposed”列", line(5))),
        "{out}"
    );
    assert!(out.contains("“三十万零”"), "{out}");
    assert!(
        out.contains(&format!("{}（甲-5）：“party_kind”列", line(6))),
        "{out}"
    );
    assert!(out.contains("缺少当事人类别"), "{out}");
    assert!(
        out.contains(&format!(
            "{}（甲-6） ZL-64：错误 procedure.hearing_notice_missing",
            line(7)
        )),
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with(&line(2))),
        "the correct row has no findings: {out}"
    );
    assert!(
        out.contains("评查 3 件：无问题 1 件；错误 2 项、警告 0 项、提示 0 项；无法评查 3 行"),
        "{out}"
    );
    // The table has no column for the other penalties or the responsible persons' fines: the
    // checks that need them are listed as not checked, and none reports them missing.
    assert!(
        out.contains("未核对") && out.contains("penalty.order_missing"),
        "{out}"
    );
    assert!(
        !out.contains("错误 penalty.") && !out.contains("警告 penalty."),
        "{out}"
    );
}

fn review(path: &Path, extra: &[&str]) -> (i32, String) {
    let p = path.display().to_string();
    let mut args = vec!["review", p.as_str()];
    args.extend(extra);
    let (code, out, err) = run(&args);
    assert!(err.is_empty(), "{err}");
    (code, out)
}

#[test]
fn csv_in_utf8_is_reviewed_row_by_row_and_bad_rows_reported_by_line() {
    let d = dir("utf8");
    let path = d.join("cases.csv");
    std::fs::write(&path, format!("\u{feff}{}", csv_text())).unwrap();
    let csv = d.join("findings.csv").display().to_string();
    let (code, out) = review(&path, &["--csv", &csv]);
    assert_eq!(code, 1, "{out}");
    check(&out, |n| format!("第 {n} 行"));
    // Nothing is lost: 2 findings and 3 bad rows.
    let written = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(written.lines().count(), 1 + 5, "{written}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn csv_in_gbk_reads_the_same() {
    let d = dir("gbk");
    let path = d.join("cases.csv");
    let text = csv_text();
    let (bytes, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    std::fs::write(&path, &bytes).unwrap();
    let (code, out) = review(&path, &[]);
    assert_eq!(code, 1, "{out}");
    check(&out, |n| format!("第 {n} 行"));
}

#[test]
fn an_xlsx_sheet_is_reviewed_with_its_cells_named() {
    let d = dir("xlsx");
    let path = d.join("cases.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("案件").unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Amounts as numbers where they are numbers, as a bureau's sheet has them.
            match v.parse::<f64>() {
                Ok(n) if c == 5 => ws.write_number(r as u32 + 1, c as u16, n).unwrap(),
                _ => ws.write_string(r as u32 + 1, c as u16, *v).unwrap(),
            };
        }
    }
    wb.save(&path).unwrap();
    let x = d.join("findings.xlsx").display().to_string();
    let (code, out) = review(&path, &["--xlsx", &x]);
    assert_eq!(code, 1, "{out}");
    check(&out, |n| format!("工作表“案件”第 {n} 行"));
    assert!(std::fs::read(&x).unwrap().starts_with(b"PK\x03\x04"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_mapping_file_reads_a_bureaus_own_columns() {
    let d = dir("map");
    let path = d.join("某局导出.csv");
    std::fs::write(
        &path,
        "决定书文号,违法行为代码,当事人性质,合同价款（元）,阶次,罚没金额（元）,告知听证,法审,集体讨论,违法发生日期,发现日期\r\n\
         某建罚〔2025〕1号,ZL-64,法人,10000000,B,300000,是,是,是,2025/3/1,2025年6月1日\r\n\
         某建罚〔2025〕2号,ZL-64,法人,10000000,B,380000,是,是,是,2025/3/1,2025年6月1日\r\n",
    )
    .unwrap();
    let map = d.join("map.json");
    std::fs::write(
        &map,
        r#"{"columns": {"decision_number": "决定书文号", "item": "违法行为代码",
            "party_kind": "当事人性质", "tier": "阶次", "fine_imposed": "罚没金额（元）",
            "hearing_notified": "告知听证", "legal_review": "法审", "occurred": "违法发生日期"},
            "facts": {"合同价款（元）": "contract_price"}}"#,
    )
    .unwrap();
    let m = map.display().to_string();
    let (code, out) = review(&path, &["--map", &m]);
    // A warning only (outside the benchmark without a reason): exit 0.
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("第 3 行（某建罚〔2025〕2号） ZL-64：警告 fine.outside_benchmark"),
        "{out}"
    );
    assert!(
        out.contains("评查 2 件：无问题 1 件；错误 0 项、警告 1 项"),
        "{out}"
    );
    // 集体讨论 and 发现日期 are this project's labels: read without a mapping entry.
    assert!(!out.contains("limitation.not_checked"), "{out}");
    // Without the mapping the bureau's columns are not this project's: refused with the header.
    let (code, _, err) = run(&["review", &path.display().to_string()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("表头缺少必需的列") && err.contains("违法行为代码"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// The 案卷评查 page's column mapper on a bureau's export: the mapping it saves, given to
/// `cailiang review --map`, yields byte for byte the findings the page wrote.
#[test]
fn the_mappers_saved_mapping_gives_the_cli_the_pages_findings() {
    use cailiang::review::mapping::Field;
    use cailiang::review::session::mapper::Mapper;
    let d = dir("mapper");
    let path = d.join("某局导出.csv");
    let text = "决定书文号,违法行为代码,当事人性质,合同价款（元）,阶次,罚没金额（元）,告知听证,法制审核,集体讨论,违法发生日期,发现日期\r\n\
         某建罚〔2025〕1号,ZL-64,法人,10000000,B,300000,是,是,是,2025/3/1,2025年6月1日\r\n\
         某建罚〔2025〕2号,ZL-64,法人,10000000,B,450000,否,是,是,2025/3/1,2025年6月1日\r\n";
    std::fs::write(&path, text).unwrap();
    let name = path.display().to_string();
    let lp = cailiang::reference_pack().unwrap();
    let mut m = Mapper::open(&name, text.as_bytes(), None).unwrap();
    for (f, c) in [
        (Field::DecisionNumber, "决定书文号"),
        (Field::Item, "违法行为代码"),
        (Field::PartyKind, "当事人性质"),
        (Field::Tier, "阶次"),
        (Field::FineImposed, "罚没金额（元）"),
        (Field::HearingNotified, "告知听证"),
        (Field::Occurred, "违法发生日期"),
    ] {
        m.set(f, Some(c.into()));
    }
    m.set_fact("合同价款（元）", Some("contract_price".into()));
    // 法制审核 is recognised by its label; left out, the CLI must not read it either.
    m.set(Field::LegalReview, None);
    let mut page = m.session(&lp).unwrap();
    page.run(&lp);
    let map = d.join("本局列名.json");
    std::fs::write(&map, m.mapping().to_json()).unwrap();
    let csv = d.join("问题.csv");
    let (code, out) = review(
        &path,
        &[
            "--map",
            &map.display().to_string(),
            "--csv",
            &csv.display().to_string(),
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("fine.outside_statutory"), "{out}");
    assert!(out.contains("procedure.hearing_notice_missing"), "{out}");
    // Not read, so not checked (rather than reported as not done).
    assert!(
        !out.contains("错误 procedure.legal_review_missing"),
        "{out}"
    );
    assert!(out.contains("中以下列未使用：法制审核"), "{out}");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), page.csv());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_case_librarys_csv_export_is_read_as_it_writes_it() {
    use cailiang::library::{Library, LibraryRecord};
    let lp = cailiang::reference_pack().unwrap();
    let mut lib = Library::default();
    for (i, fine) in ["300000", "450000"].iter().enumerate() {
        let case: cailiang::Case = serde_json::from_value(serde_json::json!({
            "items": ["ZL-64"], "party": "legal_person", "tier": "B",
            "facts": {"contract_price": "10000000"}, "intended_fine": fine,
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-15"}
        }))
        .unwrap();
        let result = cailiang::evaluate(&lp, &case);
        let inputs: cailiang::documents::DocumentInputs =
            serde_json::from_value(serde_json::json!({
                "case_number": format!("库-{i}"), "filed": "2025-06-02", "notice_date": "2025-07-01"
            }))
            .unwrap();
        let mut r = LibraryRecord::new(
            format!("id-{i}"),
            "",
            case,
            inputs,
            &lp,
            result.as_ref(),
            i as i64,
        );
        r.decided = true;
        lib.upsert(r);
    }
    // The page reviews the library in the browser without a file: the same findings.
    let mut reviewer =
        cailiang::review::Reviewer::stating(&lp, cailiang::review::library::record_stated());
    let rules: Vec<String> = lib
        .records
        .iter()
        .enumerate()
        .flat_map(|(n, r)| {
            reviewer
                .review(n as u64 + 1, &cailiang::review::library::from_record(r))
                .unwrap()
                .findings
        })
        .map(|f| f.rule.id().to_string())
        .collect();
    assert_eq!(rules, ["fine.outside_statutory"], "{rules:?}");
    let d = dir("library");
    let path = d.join("library.csv");
    std::fs::write(&path, cailiang::library::export::to_csv(&lib)).unwrap();
    let (code, out) = review(&path, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("（库-1） ZL-64：错误 fine.outside_statutory"),
        "{out}"
    );
    assert!(out.contains("评查 2 件：无问题 1 件"), "{out}");
    // The export records no 听证告知 or 法制审核: those checks are not run.
    assert!(out.contains("procedure.hearing_notice_missing"), "{out}");
    assert!(!out.contains("错误 procedure."), "{out}");
    // The library's JSON lines export: told apart from decided cases by its first line, read
    // as the library keeps it, with the same findings and the same rules not checked.
    let jsonl = d.join("library.jsonl");
    std::fs::write(&jsonl, cailiang::library::export::to_jsonl(&lib)).unwrap();
    let (code, lines) = review(&jsonl, &[]);
    assert_eq!(code, 1, "{lines}");
    // Findings and what is not checked, without the row numbers (the CSV's header is line 1).
    let findings = |o: &str| -> Vec<String> {
        o.lines()
            .filter(|l| l.contains(" ZL-64：") || l.starts_with("未核对") || l.starts_with("评查"))
            .map(|l| l.split_once(" 行").map_or(l, |(_, rest)| rest).to_string())
            .collect()
    };
    assert_eq!(findings(&lines), findings(&out), "{lines}\n---\n{out}");
    assert_eq!(findings(&lines).len(), 3, "{lines}");
    assert!(lines.contains("第 1 行（库-1） ZL-64"), "{lines}");
    let _ = std::fs::remove_dir_all(&d);
}
