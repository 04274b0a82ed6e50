//! 案卷评查 through its page (review.html) and 提交前自查 on the officer's page, under the
//! Content-Security-Policy:
//!
//! - a case table (CSV with 承办人 / 承办机构) loaded through the page's file input is reviewed to
//!   the end; the counts, both charts, the findings table, its filters (rule, 承办人) and a case's
//!   drill-down (its findings, the articles quoted, the trace) show what the file holds; a bad row
//!   is listed; untrusted case text stays text; the CSV download holds the findings;
//! - 提交前自查: the officer's page loads the tools module only when the panel is opened, and the
//!   panel shows the hearing notice due on the intended fine until the officer ticks it.
//!
//! `review_page_throughput` (ignored; `cargo test --test browser_embed review_page_throughput --
//! --ignored --nocapture`) reviews 100,000 decided cases through the page and prints the rate the
//! page reports (README's review section).

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::json;

use super::pages::{assert_page, pack_meta, served, served_count};
use super::support::{
    Server, TIMEOUT, cdp, input_by_label, start_browser, text, unique_dir, wait_css, wait_text,
};
use super::{CSP, assert_no_csp_violation, compute_standard_case, wait_js};

/// A case table in the library export's columns, with 承办人 and 承办机构: a correct case, one
/// above the statute, one without the hearing notice, one above the benchmark without a reason
/// and without the hearing notice, and an unknown item. Case 乙-2's 案号 is markup.
fn case_table() -> String {
    let facts = r#""{""contract_price"":""10000000"",""serious"":false}""#;
    let mut t = String::from(
        "case_number,item,party_kind,facts,tier,fine_imposed,occurred,discovered,filed,notice_date,decided_on,hearing_notified,legal_review,collective_discussion,承办人,承办机构\n",
    );
    for (no, item, fine, hearing, officer, unit) in [
        ("乙-1", "ZL-64", "300000", "true", "张三", "一中队"),
        (
            "<img src=x onerror=alert(1)>乙-2",
            "ZL-64",
            "450000",
            "true",
            "张三",
            "一中队",
        ),
        ("乙-3", "ZL-64", "300000", "false", "李四", "二中队"),
        ("乙-4", "ZL-64", "350000", "false", "李四", "一中队"),
        ("乙-5", "NO-SUCH", "300000", "true", "王五", "二中队"),
    ] {
        t.push_str(&format!(
            "\"{no}\",{item},legal_person,{facts},B,{fine},2025-03-01,2025-06-01,2025-06-02,2025-07-01,2025-07-15,{hearing},true,true,{officer},{unit}\n"
        ));
    }
    t
}

/// The rule of each row of the findings table.
async fn table_rules(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#findings-table tbody tr')].map((r) => r.dataset.rule);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// A screenshot of the page, kept under target/ for a person to look at.
async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "截图不是 PNG");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name);
    std::fs::write(&path, png).unwrap();
}

/// Waits until the review says it has finished.
async fn wait_finished(c: &Client, within: Duration) -> String {
    let deadline = Instant::now() + within;
    loop {
        if let Ok(e) = c
            .find(Locator::Css("#review-status[data-finished='true']"))
            .await
        {
            return e.text().await.unwrap();
        }
        if let Ok(e) = c.find(Locator::Id("review-error")).await {
            panic!("评查失败：{}", e.text().await.unwrap());
        }
        assert!(Instant::now() < deadline, "评查未在 {within:?} 内完成");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_table_is_reviewed_filtered_and_opened_through_the_page() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    let (title, edition) = pack_meta("benchmarks/national-reference.json");
    c.goto(&format!("{}review.html?no-sw", server.base))
        .await
        .unwrap();
    assert_page(
        &c,
        "案卷评查",
        &title,
        &edition,
        cailiang::REFERENCE_PACK_HASH,
    )
    .await;
    wait_text(&c, "#review-pack", &title).await;

    let dir = unique_dir("review-page");
    let file = dir.join("2025年案件.csv");
    std::fs::write(&file, case_table()).unwrap();
    wait_css(&c, "#review-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .unwrap();
    let status = wait_finished(&c, TIMEOUT).await;
    assert!(status.contains("评查完成"), "{status}");
    assert_eq!(text(&c, "#tile-cases b").await, "4");
    assert_eq!(text(&c, "#tile-clean b").await, "1");
    assert_eq!(text(&c, "#tile-unreadable b").await, "1");
    wait_text(&c, "#review-result-h", "2025年案件.csv").await;
    // The unknown item is listed with its row.
    wait_text(&c, "#review-unreadable", "第 6 行").await;
    // Both charts, drawn from the summary.
    let bars = c
        .execute(
            "return [document.querySelectorAll('#chart-rules g.row').length, document.querySelectorAll('#chart-strip circle').length];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(bars[0], json!(3), "问题类型图：{bars}");
    assert!(bars[1].as_u64().unwrap() >= 2, "罚款位置图：{bars}");
    screenshot(&c, "review-page.png").await;

    // Every finding, in row order; the markup in a 案号 is text.
    let all = table_rules(&c).await;
    assert_eq!(
        all,
        [
            "fine.outside_statutory",
            "procedure.hearing_notice_missing",
            "fine.outside_benchmark",
            "procedure.hearing_notice_missing",
        ],
        "{all:?}"
    );
    let first = text(&c, "#findings-table tbody tr td:nth-child(2)").await;
    assert_eq!(first, "<img src=x onerror=alert(1)>乙-2");
    let imgs = c
        .execute(
            "return document.querySelectorAll('#tool img').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(imgs, json!(0));

    // By rule, then by 承办人 too.
    c.find(Locator::Id("filter-rule"))
        .await
        .unwrap()
        .select_by_value("procedure.hearing_notice_missing")
        .await
        .unwrap();
    wait_text(&c, "#findings-count", "共 2 项问题").await;
    assert_eq!(table_rules(&c).await.len(), 2);
    c.find(Locator::Id("filter-officer"))
        .await
        .unwrap()
        .select_by_value("李四")
        .await
        .unwrap();
    wait_text(&c, "#findings-count", "共 2 项问题").await;
    c.find(Locator::Id("filter-unit"))
        .await
        .unwrap()
        .select_by_value("二中队")
        .await
        .unwrap();
    wait_text(&c, "#findings-count", "共 1 项问题").await;
    let row = text(&c, "#findings-table tbody tr").await;
    assert!(
        row.contains("乙-3") && row.contains("应当告知听证而未告知"),
        "{row}"
    );

    // The case opened: its finding with the article quoted, and the trace.
    wait_css(&c, "#findings-table .case-open")
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, "#case-detail-head", "乙-3").await;
    assert!(text(&c, "#case-detail-head").await.contains("承办人 李四"));
    wait_css(
        &c,
        "#case-detail .review-finding[data-rule='procedure.hearing_notice_missing'] details.cite blockquote",
    )
    .await;
    let trace = text(&c, "#case-detail #trace summary").await;
    assert!(trace.starts_with("完整推理过程"), "{trace}");
    screenshot(&c, "review-page-case.png").await;
    c.find(Locator::Id("case-detail-close"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_js(
        &c,
        "return document.getElementById('case-detail') === null;",
    )
    .await;

    // The CSV download holds every finding (the filters do not narrow the report). The file is
    // taken where the page hands it to the browser (the blob and the link's name): the policy's
    // connect-src does not let a script fetch a blob: URL.
    c.execute(
        "window.__downloads = [];
         const blob = URL.createObjectURL;
         URL.createObjectURL = (b) => { window.__downloads.push({ blob: b }); return blob(b); };
         HTMLAnchorElement.prototype.click = function () { window.__downloads.at(-1).name = this.download; };",
        vec![],
    )
    .await
    .unwrap();
    wait_css(&c, "#download-csv").await.click().await.unwrap();
    let csv = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const d = window.__downloads[0];
             d.blob.text().then((t) => done([d.name, t]), (e) => done(['error', String(e)]));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(csv[0], json!("评查问题清单.csv"));
    let body = csv[1].as_str().unwrap();
    assert_eq!(
        body.matches("procedure.hearing_notice_missing").count(),
        2,
        "{body}"
    );
    assert!(body.contains("row.unreadable"), "{body}");
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn self_check_on_the_officers_page_shows_the_missing_hearing_notice() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    c.goto(&format!("{}?no-sw", server.base)).await.unwrap();
    compute_standard_case(&c).await;
    let fine = input_by_label(&c, "拟罚款数额（可选，用于核对程序要求）").await;
    fine.send_keys("300000").await.unwrap();
    let before = served_count(&server);
    assert!(
        !served(&server, 0)
            .iter()
            .any(|p| p.starts_with("tools-") || p.starts_with("check-")),
        "计算器页面在打开自查前就加载了 check 或 tools 模块"
    );
    c.find(Locator::Id("self-check-open"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_css(
        &c,
        "#self-check-findings [data-rule='procedure.hearing_notice_missing']",
    )
    .await;
    // The small `check` module, not the `tools` module of the 案卷评查 page.
    let log = served(&server, before);
    assert!(
        log.iter()
            .any(|p| p.starts_with("check-") && p.ends_with("_bg.wasm")),
        "{log:?}"
    );
    assert!(!log.iter().any(|p| p.starts_with("tools-")), "{log:?}");
    // Ticked: the finding goes; above the statute: an error whatever was done.
    for id in [
        "self-check-hearing",
        "self-check-legal",
        "self-check-collective",
    ] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    wait_js(
        &c,
        "return document.querySelector(\"#self-check [data-rule='procedure.hearing_notice_missing']\") === null;",
    )
    .await;
    let fine = input_by_label(&c, "拟罚款数额（可选，用于核对程序要求）").await;
    fine.clear().await.unwrap();
    fine.send_keys("450000").await.unwrap();
    wait_css(
        &c,
        "#self-check-findings [data-rule='fine.outside_statutory']",
    )
    .await;
    screenshot(&c, "self-check.png").await;
    // Closed and opened again: the panel is kept, the module not loaded twice.
    c.find(Locator::Id("self-check-close"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_js(&c, "return document.getElementById('self-check').hidden;").await;
    c.find(Locator::Id("self-check-open"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_js(&c, "return !document.getElementById('self-check').hidden;").await;
    let wasm = served(&server, before)
        .iter()
        .filter(|p| p.starts_with("check-") && p.ends_with("_bg.wasm"))
        .count();
    assert_eq!(wasm, 1);
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}

/// 100,000 decided cases (the reference pack's ZL-64 cases fined in and out of the ranges) through
/// the page: prints the time and rate the page reports. A figure for README, not a timed test.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn review_page_throughput() {
    let n: usize = std::env::var("CAILIANG_REVIEW_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let server = Server::start(&[]);
    let (c, d) = start_browser().await;
    c.goto(&format!("{}review.html?no-sw", server.base))
        .await
        .unwrap();
    wait_text(&c, "#page-heading", "案卷评查").await;
    // The page's own CPU time (its main thread's, CDP `ThreadTime`), as well as the wall clock:
    // on a shared machine the wall clock counts the time other processes held the cores.
    cdp(&c, &d, "Performance.enable", json!({})).await;
    let task_secs = |m: serde_json::Value| -> f64 {
        m["value"]["metrics"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["name"] == "ThreadTime"))
            .and_then(|x| x["value"].as_f64())
            .unwrap_or(f64::NAN)
    };
    let dir = unique_dir("review-throughput");
    let file = dir.join("cases.jsonl");
    let fines = ["300000", "270000", "330000", "380000", "450000", "250000"];
    let mut out = String::new();
    for i in 0..n {
        let line = json!({
            "reference": format!("示例罚〔2025〕{i}号"),
            "case": {"items": ["ZL-64"], "party": "legal_person", "tier": "B",
                "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
                "facts": {"contract_price": "10000000", "serious": false}},
            "decision": {"fines": [{"amount": fines[i % fines.len()]}],
                "penalties": [{"kind": "order_correction"}],
                "procedure": {"hearing_notified": i % 7 != 0, "legal_review": true, "collective_discussion": true},
                "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(&file, out).unwrap();
    let before = task_secs(cdp(&c, &d, "Performance.getMetrics", json!({})).await);
    let start = Instant::now();
    wait_css(&c, "#review-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .unwrap();
    // While it runs the page answers (a script round trip between chunks).
    let mut answers = Vec::new();
    while c
        .find(Locator::Css("#review-status[data-finished='true']"))
        .await
        .is_err()
    {
        let t = Instant::now();
        c.execute(
            "return document.getElementById('review-progress')?.value;",
            vec![],
        )
        .await
        .unwrap();
        answers.push(t.elapsed());
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "评查超过 10 分钟"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let status = wait_finished(&c, TIMEOUT).await;
    let cpu = task_secs(cdp(&c, &d, "Performance.getMetrics", json!({})).await) - before;
    let worst = answers.iter().max().copied().unwrap_or_default();
    println!(
        "{n} 件：{status}；页面主线程 CPU {cpu:.2} s（{:.0} 件/秒）；页面在评查中应答脚本 {} 次，最慢 {} ms（{:?}）",
        n as f64 / cpu,
        answers.len(),
        worst.as_millis(),
        answers.iter().map(|a| a.as_millis()).collect::<Vec<_>>()
    );
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
