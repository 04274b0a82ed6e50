//! The HTML report of `cailiang review`, opened in headless Chromium: its charts are there,
//! untrusted case text stays text (the page has no script and runs none), and it renders.
//! Needs `chromium` on PATH (DEVELOPERS.md: installed with chromedriver for the browser tests).

use std::path::{Path, PathBuf};
use std::process::Command;

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

fn chromium(args: &[String]) -> std::process::Output {
    let profile =
        std::env::temp_dir().join(format!("cailiang-report-chromium-{}", std::process::id()));
    Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("chromium 无法启动（{e}）：报告的浏览器测试需要 chromium"))
}

fn cases(dir: &Path) -> PathBuf {
    let base = serde_json::json!({
        "case": {"items": ["ZL-64"], "party": "legal_person",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "facts": {"contract_price": "10000000", "serious": false}, "tier": "B"},
        "decision": {"fines": [{"amount": "300000"}], "penalties": [{"kind": "order_correction"}],
            "procedure": {"hearing_notified": true, "legal_review": true, "collective_discussion": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}
    });
    let mut lines = Vec::new();
    for (i, fine) in ["300000", "270000", "330000", "380000", "450000", "250000"]
        .iter()
        .enumerate()
    {
        let mut v = base.clone();
        v["reference"] = serde_json::json!(format!("示例罚〔2025〕{i}号"));
        v["decision"]["fines"][0]["amount"] = serde_json::json!(fine);
        lines.push(v);
    }
    // Untrusted text where the report shows it: a reference and a departure reason.
    lines[3]["reference"] = serde_json::json!("<script>document.title='pwned'</script>");
    lines[3]["decision"]["departure"] =
        serde_json::json!({"reason": "<img src=x onerror=\"document.title='pwned'\">理由"});
    let mut gh = base.clone();
    gh["case"] = serde_json::json!({"items": ["GH-67"], "party": "legal_person", "tier": "B",
        "facts": {"overdue_uncorrected": true}});
    gh["decision"]["fines"][0]["amount"] = serde_json::json!("45000");
    lines.push(gh);
    let path = dir.join("cases.jsonl");
    std::fs::write(
        &path,
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    path
}

#[test]
fn the_html_report_renders_its_charts_and_keeps_case_text_as_text() {
    let dir = std::env::temp_dir().join(format!("cailiang-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = cases(&dir);
    let html = dir.join("report.html");
    let (code, out, err) = run(&[
        "review",
        &input.display().to_string(),
        "--html",
        &html.display().to_string(),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        !text.contains("<script") && !text.contains("<img"),
        "markup leaked"
    );
    assert!(
        text.contains("&lt;script&gt;document.title"),
        "the reference is shown as text"
    );
    assert!(text.contains("Content-Security-Policy"));

    // The DOM Chromium builds: two charts, the dots of the strip chart, no script element, and
    // the title untouched.
    let url = format!("file://{}", html.display());
    let dom = chromium(&["--dump-dom".into(), url.clone()]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("<svg").count(), 2, "{dom}");
    assert!(dom.matches("<circle").count() >= 4, "{dom}");
    assert!(dom.contains("<title>案卷评查报告</title>"), "{dom}");
    assert!(
        !dom.contains("pwned</title>") && !dom.contains("<script"),
        "{dom}"
    );
    assert!(dom.contains("ZL-64") && dom.contains("GH-67"), "{dom}");

    // A screenshot, kept under target/ for a person to look at.
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/review-report.png");
    let shot = chromium(&[
        "--window-size=1280,1800".into(),
        format!("--screenshot={}", png.display()),
        url,
    ]);
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
        "{}",
        bytes.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
