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
fn schema_prints_all_three() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    for n in ["pack.schema.json", "case.schema.json", "result.schema.json"] {
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
