//! The command-line tool, run in-process.

use std::path::Path;

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

fn root(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(p)
        .display()
        .to_string()
}

#[test]
fn validate_prints_one_summary_line_per_pack() {
    let packs: Vec<String> = std::fs::read_dir(root("benchmarks"))
        .unwrap()
        .flatten()
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".json"))
        .collect();
    let mut args = vec!["validate"];
    args.extend(packs.iter().map(String::as_str));
    let (code, out, _) = run(&args);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains("有效")).count(),
        packs.len(),
        "{out}"
    );
}

#[test]
fn validate_rejects_a_bad_pack_with_file_and_path() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    v["items"][2]["fines"][0]["max"] = serde_json::json!(true);
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, out, _) = run(&["validate", &bad.display().to_string()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("bad.json") && out.contains("$.items[2].fines[0]"),
        "{out}"
    );
}

#[test]
fn eval_prints_result_json_and_fails_cleanly() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = dir.join("case.json");
    std::fs::write(&case, r#"{"items":["ZL-64"],"party":"legal_person","facts":{"contract_price":"10000000"},"tier":"B"}"#).unwrap();
    let (code, out, err) = run(&["eval", "--case", &case.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["recommended"]["min"], "266666.67");
    assert!(
        v["trace"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| !t["citations"].as_array().unwrap().is_empty())
    );

    std::fs::write(&case, r#"{"items":["ZL-64"],"party":"robot"}"#).unwrap();
    let (code, _, err) = run(&[
        "eval",
        "--pack",
        &root("benchmarks/national-reference.json"),
        "--case",
        &case.display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("$.party") && err.contains("robot"), "{err}");
    let (code, _, err) = run(&["eval", "--case", "/no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("无法读取"), "{err}");
    let (code, _, _) = run(&["bogus"]);
    assert_eq!(code, 1);
}

#[test]
fn schema_prints_every_schema() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    for n in [
        "pack.schema.json",
        "case.schema.json",
        "result.schema.json",
        "decided-case.schema.json",
        "column-mapping.schema.json",
    ] {
        assert!(out.contains(n));
    }
}

#[test]
fn eval_refuses_a_pack_the_validator_calls_invalid() {
    // The one door: the CLI, like the app and the JS API, refuses a pack with validation errors
    // (here a fine whose minimum exceeds its maximum) rather than evaluating on it.
    let dir = std::env::temp_dir().join(format!("cailiang-cli-invalid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("invalid.json");
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    let zl59 = v["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["code"] == "ZL-59")
        .unwrap();
    zl59["fines"][0]["min"] = serde_json::json!("1000000");
    std::fs::write(&pack, v.to_string()).unwrap();
    let case = dir.join("case.json");
    std::fs::write(
        &case,
        r#"{"items": ["ZL-59"], "party": "legal_person", "tier": "B"}"#,
    )
    .unwrap();
    let (code, out, err) = run(&[
        "eval",
        "--pack",
        &pack.display().to_string(),
        "--case",
        &case.display().to_string(),
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("无效") && err.contains("下限大于上限"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// cailiang review

/// A correct decided case (ZL-64, tier B, 300,000 元 with every step recorded), as JSON.
fn decided(patch: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = serde_json::json!({
        "reference": "示例罚〔2025〕1号",
        "case": {
            "items": ["ZL-64"], "party": "legal_person",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "facts": {"contract_price": "10000000", "serious": false}, "tier": "B"
        },
        "decision": {
            "fines": [{"amount": "300000"}],
            "penalties": [{"kind": "order_correction"}],
            "procedure": {"hearing_notified": true, "legal_review": true, "collective_discussion": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}
        }
    });
    patch(&mut v);
    v.to_string()
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cailiang-review-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn review_reports_bad_rows_by_number_and_reviews_every_other_row() {
    let dir = temp("mixed");
    let lines = [
        decided(|_| {}),
        decided(|v| {
            v["reference"] = "超幅度".into();
            v["decision"]["fines"][0]["amount"] = "450000".into();
        }),
        String::new(),
        r#"{"reference":"未知编码","case":{"items":["NO-SUCH"],"party":"legal_person"},"decision":{}}"#
            .to_string(),
        decided(|v| {
            v["reference"] = "坏金额".into();
            v["decision"]["fines"][0]["amount"] = "三十万".into();
        }),
        "这不是 JSON".to_string(),
        decided(|v| {
            v["reference"] = "未告知听证".into();
            v["decision"]["procedure"]["hearing_notified"] = false.into();
        }),
    ];
    let input = dir.join("cases.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let (csv, html, xlsx) = (dir.join("f.csv"), dir.join("r.html"), dir.join("f.xlsx"));
    let (code, out, err) = run(&[
        "review",
        &input.display().to_string(),
        "--pack",
        &root("benchmarks/national-reference.json"),
        "--csv",
        &csv.display().to_string(),
        "--html",
        &html.display().to_string(),
        "--xlsx",
        &xlsx.display().to_string(),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    // Each bad row by its line number (the blank line 3 counts), and every good row reviewed.
    assert!(
        out.contains("第 4 行（未知编码）：基准中没有编号为 NO-SUCH 的违法行为"),
        "{out}"
    );
    assert!(
        out.contains("第 5 行（坏金额）：$.decision.fines[0].amount"),
        "{out}"
    );
    assert!(out.contains("第 6 行：$ 处"), "{out}");
    assert!(
        out.contains("第 2 行（超幅度） ZL-64：错误 fine.outside_statutory"),
        "{out}"
    );
    assert!(
        out.contains("第 7 行（未告知听证） ZL-64：错误 procedure.hearing_notice_missing"),
        "{out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with("第 1 行")),
        "the correct case has no findings: {out}"
    );
    assert!(
        out.contains("评查 3 件：无问题 1 件；错误 2 项、警告 0 项、提示 0 项；无法评查 3 行"),
        "{out}"
    );
    // Nothing is lost: every finding and every bad row is a row of the CSV.
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{csv}");
    for (row, rule) in [
        ("2", "fine.outside_statutory"),
        ("4", "row.unreadable"),
        ("5", "row.unreadable"),
        ("6", "row.unreadable"),
        ("7", "procedure.hearing_notice_missing"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&format!("{row},")) && r.contains(rule)),
            "{row} {rule}: {csv}"
        );
    }
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(
        html.contains("第 5 行 · 坏金额 · 无法评查") && html.contains("<svg"),
        "{html}"
    );
    assert!(!dir.join("r.html.part").exists());
    let xlsx = std::fs::read(&xlsx).unwrap();
    assert!(xlsx.starts_with(b"PK\x03\x04"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn review_exits_0_without_errors_and_1_with_one() {
    let dir = temp("exit");
    let input = dir.join("cases.jsonl");
    // A fine outside the benchmark without a reason: a warning only.
    std::fs::write(
        &input,
        decided(|v| v["decision"]["fines"][0]["amount"] = "380000".into()),
    )
    .unwrap();
    let (code, out, _) = run(&["review", &input.display().to_string()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("警告 fine.outside_benchmark"), "{out}");
    std::fs::write(
        &input,
        decided(|v| v["case"]["dates"]["occurred"] = "2020-01-01".into()),
    )
    .unwrap();
    let (code, out, _) = run(&["review", &input.display().to_string()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("limitation.barred_penalised"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn review_takes_packs_through_the_one_door_and_names_bad_arguments() {
    let dir = temp("door");
    let input = dir.join("cases.jsonl");
    std::fs::write(&input, decided(|_| {})).unwrap();
    let pack = dir.join("invalid.json");
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    v["items"][0]["fines"][0]["min"] = serde_json::json!("100000000");
    std::fs::write(&pack, v.to_string()).unwrap();
    let input = input.display().to_string();
    let (code, out, err) = run(&["review", &input, "--pack", &pack.display().to_string()]);
    assert_eq!(code, 1);
    assert!(out.is_empty() && err.contains("无效"), "{out}{err}");
    let (code, _, err) = run(&["review"]);
    assert_eq!(code, 1);
    assert!(err.contains("缺少案件文件"), "{err}");
    let (code, _, err) = run(&["review", &input, "--html"]);
    assert_eq!(code, 1);
    assert!(err.contains("--html 后缺少文件名"), "{err}");
    let map = dir.join("map.json");
    std::fs::write(&map, r#"{"columns": {"no_such_field": "x"}}"#).unwrap();
    let (code, _, err) = run(&["review", &input, "--map", &map.display().to_string()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("map.json") && err.contains("$.columns"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn document_writes_a_docx_or_text_and_refuses_an_unlawful_amount() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = |fine: &str| {
        let p = dir.join(format!("case-{fine}.json"));
        std::fs::write(
            &p,
            format!(
                r#"{{"items": ["ZL-64"], "party": "legal_person", "tier": "B",
                   "facts": {{"contract_price": "10000000"}}, "intended_fine": "{fine}",
                   "dates": {{"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"}}}}"#
            ),
        )
        .unwrap();
        p.display().to_string()
    };
    let inputs = dir.join("inputs.json");
    std::fs::write(&inputs, r#"{"party": {"name": "示例建设工程有限公司"}}"#).unwrap();
    let inputs = inputs.display().to_string();
    let out = dir.join("decision.docx").display().to_string();
    let ok = case("300000");
    let (code, stdout, stderr) = run(&[
        "document", "decision", "--case", &ok, "--inputs", &inputs, "--out", &out,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("已写入"), "{stdout}");
    assert!(
        stderr.contains("提示：所适用的裁量基准为参考示例"),
        "{stderr}"
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"));
    let (code, text, _) = run(&["document", "notice", "--case", &ok, "--inputs", &inputs]);
    assert_eq!(code, 0);
    assert!(
        text.starts_with("【执法机关名称】\n行政处罚事先告知书\n"),
        "{text}"
    );
    assert!(text.contains("示例建设工程有限公司："), "{text}");
    let bad = case("500000");
    let (code, _, stderr) = run(&["document", "decision", "--case", &bad]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("超过《建设工程质量管理条例》第六十四条规定的法定罚款幅度"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["document", "letter", "--case", &ok]);
    assert_eq!(code, 1);
    assert!(stderr.contains("未知的文书种类"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A shipped pack written back in format 1: version 1, each split's three bands as the object
/// `{lower, middle, upper}` of [from, to].
fn as_format_1(text: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["format_version"] = serde_json::json!(1);
    for key in ["range", "max_only"] {
        let bands = v["rules"]["split"][key]
            .as_array()
            .expect("format 2 lists")
            .clone();
        let mut three = serde_json::Map::new();
        for b in bands {
            three.insert(
                b["name"].as_str().unwrap().to_string(),
                serde_json::json!([b["from"], b["to"]]),
            );
        }
        v["rules"]["split"][key] = serde_json::Value::Object(three);
    }
    v.to_string()
}

/// Every pack case's result, as JSON with the pack's content hash taken out.
fn results(lp: &cailiang::pack::LoadedPack) -> Vec<String> {
    let mut out = Vec::new();
    for item in &lp.pack.items {
        for pc in &item.cases {
            let r = cailiang::evaluate(lp, &pc.case_for(item)).expect("evaluates");
            let json = serde_json::to_string(&r).unwrap();
            out.push(format!(
                "{} {}: {}",
                item.code,
                pc.name,
                json.replace(&lp.hash, "<hash>")
            ));
        }
    }
    out
}

#[test]
fn migrate_keeps_every_pack_case_of_every_shipped_pack_identical() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-migrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["national-reference.json", "local-example-city.json"] {
        let shipped = std::fs::read_to_string(root(&format!("benchmarks/{name}"))).unwrap();
        let old = dir.join(format!("old-{name}"));
        let new = dir.join(format!("new-{name}"));
        std::fs::write(&old, as_format_1(&shipped)).unwrap();
        let (code, out, err) = run(&[
            "migrate",
            &old.display().to_string(),
            "-o",
            &new.display().to_string(),
        ]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("格式 1 → 2") && out.contains("有效"), "{out}");

        let text = std::fs::read_to_string(&new).unwrap();
        let before =
            cailiang::load_pack("p.json", &std::fs::read_to_string(&old).unwrap()).unwrap();
        let after = cailiang::load_pack("p.json", &text).unwrap();
        assert_eq!(after.pack.format_version, 2);
        let (a, b) = (results(&before), results(&after));
        assert!(!a.is_empty());
        assert_eq!(a, b, "{name}: a case evaluates differently after migration");
        // The shipped pack is that migration's result.
        let shipped = cailiang::load_pack("p.json", &shipped).unwrap();
        assert_eq!(after.pack, shipped.pack, "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn migrate_writes_format_2_as_the_shipped_packs_are_written() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-migrate-w-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join("old.json");
    // In format 1, on one line, its fields in an order of its own (alphabetical here).
    std::fs::write(&old, as_format_1(cailiang::REFERENCE_PACK)).unwrap();
    let (code, text, err) = run(&["migrate", &old.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("格式 1 → 2") && err.contains("有效"), "{err}");
    assert!(
        text.starts_with("{\n  \"$schema\": \"../schemas/pack.schema.json\",\n  \"factors\": [\n"),
        "{}",
        &text[..200]
    );
    assert!(text.contains("\n  \"format_version\": 2,\n"));
    assert!(text.contains("\"range\": [\n        {\n          \"name\": \"lower\",\n          \"label\": \"从轻\",\n          \"from\": \"0\",\n          \"to\": \"1/3\"\n        },"), "{text:.3000}");
    assert!(text.ends_with("}\n"));

    // Migrating format 2 changes nothing.
    let new = dir.join("new.json");
    std::fs::write(&new, &text).unwrap();
    let (code, again, err) = run(&["migrate", &new.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, text);
    assert!(err.contains("内容未变"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn migrate_refuses_what_is_not_a_pack_and_reports_what_does_not_validate() {
    let dir = std::env::temp_dir().join(format!("cailiang-cli-migrate-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format_version\": 1, \"meta\": ").unwrap();
    let out = dir.join("out.json");
    let (code, _, err) = run(&[
        "migrate",
        &bad.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.json"), "{err}");
    assert!(
        !out.exists(),
        "nothing is written for a file that is not a pack"
    );

    // A pack with a validation error is migrated, and the errors are reported.
    let mut v: serde_json::Value =
        serde_json::from_str(&as_format_1(cailiang::REFERENCE_PACK)).unwrap();
    v["items"][0]["tiers"][0]["outcome"] = serde_json::json!({"type": "band", "band": "第四档"});
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, log, _) = run(&[
        "migrate",
        &bad.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 1, "{log}");
    assert!(
        log.contains("无效") && log.contains("$.items[0].tiers[0].outcome.band"),
        "{log}"
    );
    assert!(out.exists());
    let (code, _, err) = run(&["migrate"]);
    assert_eq!(code, 1);
    assert!(err.contains("用法"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
