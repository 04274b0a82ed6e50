//! The 基准导入 page (import.html, src/app/import) with a published table: the 北京 workbook
//! (legal-notes §5.2 row 1) chosen through the page's file input, under the
//! Content-Security-Policy —
//!
//! - a file that is not a table is refused with the file named, and the page keeps running;
//! - the header is recognised, the report shows every finding at its sheet and cell, the parts
//!   the table does not quote are 待定 and the pack cannot be used yet;
//! - with the statute text added, the pack passes; the downloaded pack JSON is accepted by the
//!   one door and evaluates natively, the downloaded .xlsx imports back to the same items;
//! - 在计算器中使用 takes the pack to the officer's page, which evaluates a case on it;
//! - a 2,000-row table imports through the page (the time is printed, not asserted).

use std::time::Instant;

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

#[path = "../common/tables.rs"]
mod tables;

use super::pages::{assert_page, pack_meta};
use super::support::{
    Server, cdp, click_containing, start_browser, text, unique_dir, wait_css, wait_text,
};
use super::{CSP, assert_no_csp_violation, wait_js};

/// Chooses `path` in the file input `css`.
async fn choose(c: &Client, css: &str, path: &std::path::Path) {
    wait_css(c, css)
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("无法选择文件");
}

/// Makes the page's downloads land in `window.__downloads` (name, and the bytes as base64)
/// instead of the browser's download folder.
async fn catch_downloads(c: &Client) {
    c.execute(
        // The page's policy allows no fetch of blob: URLs: the Blob is kept as it is made.
        "window.__downloads = [];
         const blobs = {};
         const make = URL.createObjectURL;
         URL.createObjectURL = function (b) { const u = make.call(URL, b); blobs[u] = b; return u; };
         HTMLAnchorElement.prototype.click = function () {
           const name = this.download;
           blobs[this.href].arrayBuffer().then((buf) => {
             let s = '';
             for (const x of new Uint8Array(buf)) s += String.fromCharCode(x);
             window.__downloads.push({ name, data: btoa(s) });
           });
         };",
        vec![],
    )
    .await
    .unwrap();
}

/// Clicks `css` and returns the file it offers: (name, bytes).
async fn download(c: &Client, css: &str) -> (String, Vec<u8>) {
    let before = c
        .execute("return window.__downloads.length;", vec![])
        .await
        .unwrap();
    wait_css(c, css).await.click().await.unwrap();
    let got = wait_js(
        c,
        &format!(
            "return window.__downloads.length > {before} ? window.__downloads[window.__downloads.length - 1] : null;"
        ),
    )
    .await;
    let name = got["name"].as_str().unwrap().to_string();
    let data = base64_decode(got["data"].as_str().unwrap());
    (name, data)
}

fn base64_decode(s: &str) -> Vec<u8> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for ch in s.bytes().filter(|&b| b != b'=') {
        let v = A.iter().position(|&x| x == ch).expect("base64") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The text of `css`, also of closed `<details>` (WebDriver's text is only what is visible).
async fn content(c: &Client, css: &str) -> String {
    wait_css(c, css).await;
    c.execute(
        "return document.querySelector(arguments[0]).textContent;",
        vec![json!(css)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The report's rows whose place is `place`: (status cell, words, result).
async fn report_rows(c: &Client, place: &str) -> Vec<Value> {
    let rows = c
        .execute(
            "return [...document.querySelectorAll('#import-findings tbody tr')]
               .filter((tr) => tr.querySelector('th').textContent === arguments[0])
               .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));",
            vec![json!(place)],
        )
        .await
        .unwrap();
    rows.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_workbook_imports_through_the_page_and_is_used_by_the_calculator() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), b"// no-op".to_vec());
    let dir = unique_dir("import");
    let table = dir.join("北京基准.xlsx");
    std::fs::write(&table, tables::beijing_workbook(1)).unwrap();
    let not_a_table = dir.join("扫描件.xlsx");
    std::fs::write(&not_a_table, b"%PDF-1.7 not a table").unwrap();
    let (c, d) = start_browser().await;
    let (ref_title, ref_edition) = pack_meta("benchmarks/national-reference.json");
    c.goto(&format!("{}import.html", server.base))
        .await
        .unwrap();
    assert_page(
        &c,
        "基准导入",
        &ref_title,
        &ref_edition,
        cailiang::REFERENCE_PACK_HASH,
    )
    .await;
    catch_downloads(&c).await;

    // Not a table: refused, naming the file; the page goes on.
    choose(&c, "#import-file", &not_a_table).await;
    let e = wait_text(&c, "#import-error", "扫描件.xlsx：不是可以读取的表格文件").await;
    assert!(e.contains("PDF"), "{e}");

    // The workbook: recognised; what the table does not quote is 待定.
    choose(&c, "#import-file", &table).await;
    wait_text(
        &c,
        "#import-summary",
        "北京基准.xlsx：导入 1 个违法行为、3 个裁量阶次、1 个免罚情形",
    )
    .await;
    assert!(
        c.find(Locator::Id("import-error")).await.is_err(),
        "上一个文件的错误仍在"
    );
    let tables = wait_text(&c, "#import-tables", "表头识别为北京住建系统格式").await;
    assert!(tables.starts_with("工作表“节约能源法”"), "{tables}");
    wait_text(&c, "#import-verdict", "校验通过前不能在计算器中使用").await;
    let use_pack = wait_css(&c, "#use-pack").await;
    assert_eq!(
        use_pack.attr("disabled").await.unwrap().as_deref(),
        Some("true")
    );
    let quote = report_rows(&c, "工作表“节约能源法”单元格 E3（第 3 行）").await;
    assert!(
        quote
            .iter()
            .any(|r| r[0] == "待决定 待定"
                && r[2].as_str().unwrap().contains("处罚依据没有条文原文")),
        "{quote:?}"
    );
    let tier = report_rows(&c, "工作表“节约能源法”单元格 H5（第 5 行）").await;
    assert_eq!(tier.len(), 1, "{tier:?}");
    assert_eq!(tier[0][0], "已读取");
    assert_eq!(tier[0][1], "處二十萬以上三十萬元以下罰款");
    assert!(
        tier[0][2]
            .as_str()
            .unwrap()
            .contains("阶次罚款 200,000元至300,000元"),
        "{tier:?}"
    );
    let items = content(&c, "#import-items").await;
    assert!(
        items.contains("C1600200") && items.contains("待定"),
        "{items}"
    );
    assert!(
        items.contains("处200,000元以上300,000元以下的罚款"),
        "{items}"
    );
    // Only what needs the author.
    let all = c
        .execute(
            "return document.querySelectorAll('#import-findings tbody tr').length;",
            vec![],
        )
        .await
        .unwrap();
    wait_css(&c, "#import-filter")
        .await
        .select_by_value("attention")
        .await
        .unwrap();
    let marked = wait_js(
        &c,
        &format!(
            "const n = document.querySelectorAll('#import-findings tbody tr').length;
             return n < {all} ? [...document.querySelectorAll('#import-findings tbody tr td:nth-child(2)')].map((td) => td.textContent) : null;"
        ),
    )
    .await;
    assert!(
        marked
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m.as_str().unwrap().contains("待定") || m.as_str().unwrap().contains("待核对")),
        "{marked}"
    );

    // With the statute text the table cites: quoted, the fine read, and the pack passes.
    choose(&c, "#import-laws", &tables::energy_law_file()).await;
    wait_text(&c, "#import-laws-list", "节约能源法(2018-10-26)").await;
    wait_text(&c, "#import-verdict", "基准包通过校验，可以在计算器中使用").await;
    let items = content(&c, "#import-items").await;
    assert!(!items.contains("待定"), "{items}");
    assert!(
        items.contains("处200,000元以上500,000元以下的罚款"),
        "{items}"
    );

    // The pack JSON: the one door takes it, and the engine evaluates a case on it.
    let (name, bytes) = download(&c, "#download-pack").await;
    assert_eq!(name, "北京基准.json");
    let pack_text = String::from_utf8(bytes).unwrap();
    let (lp, _) = cailiang::validate::accept_pack(&name, &pack_text).unwrap();
    let case: cailiang::case::Case = serde_json::from_value(json!({
        "items": ["C1600200"], "party": "legal_person", "tier": "C1600200B010",
        "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"}
    }))
    .unwrap();
    let result = cailiang::evaluate(&lp, &case).unwrap();
    let r = serde_json::to_value(&result).unwrap();
    assert_eq!(r["recommended"]["min"], "200000", "{r}");
    assert_eq!(r["recommended"]["max"], "300000", "{r}");
    // The export: the published layout again, which imports back to the same items.
    let (xname, xlsx) = download(&c, "#download-xlsx").await;
    assert_eq!(xname, "北京基准-导出.xlsx");
    let back = cailiang::import::pipeline::import_file(
        &xname,
        &xlsx,
        &cailiang::import::pipeline::ImportOptions {
            mapping: Some(cailiang::export::mapping_for(&lp.pack)),
            base: Some(&lp.pack),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(back.pack.items.len(), 1);
    assert_eq!(back.pack.items[0].tiers.len(), 3);
    assert_eq!(back.pack.items[0].fines, lp.pack.items[0].fines);
    let (cname, csv) = download(&c, "#download-csv-gbk").await;
    assert_eq!(cname, "北京基准-导出.csv");
    assert!(std::str::from_utf8(&csv).is_err(), "GBK");

    // 在计算器中使用: the officer's page takes it and evaluates a case on it.
    wait_css(&c, "#use-pack").await.click().await.unwrap();
    wait_text(&c, "#pack-title", tables::BEIJING_TITLE).await;
    assert!(
        text(&c, ".packbar").await.contains("北京基准.json"),
        "{}",
        text(&c, ".packbar").await
    );
    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("C1600200").await.unwrap();
    click_containing(&c, "#finder-list [role=option]", "C1600200").await;
    wait_text(&c, ".selected-item", "C1600200").await;
    wait_css(&c, "#party")
        .await
        .select_by_value("legal_person")
        .await
        .unwrap();
    click_containing(&c, ".tiers label", "较轻").await;
    let rec = wait_text(&c, "#range-recommended", "200,000").await;
    assert!(rec.contains("300,000"), "{rec}");
    // And the import page now shows it as the active pack.
    wait_css(&c, "#site-nav a[href='import.html']")
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, "#pack-title", tables::BEIJING_TITLE).await;
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_table_of_two_thousand_rows_imports_through_the_page() {
    let server = Server::start(&[]);
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), b"// no-op".to_vec());
    let dir = unique_dir("import-2000");
    let table = dir.join("二千行.xlsx");
    std::fs::write(&table, tables::beijing_workbook(400)).unwrap();
    let (c, d) = start_browser().await;
    c.goto(&format!("{}import.html", server.base))
        .await
        .unwrap();
    wait_css(&c, "#import-file").await;
    // The page's main-thread CPU time (CDP `ThreadTime`) beside the wall clock, which on a
    // shared machine counts the time other processes held the cores.
    cdp(&c, &d, "Performance.enable", json!({})).await;
    let thread_secs = |m: Value| -> f64 {
        m["value"]["metrics"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["name"] == "ThreadTime"))
            .and_then(|x| x["value"].as_f64())
            .unwrap_or(f64::NAN)
    };
    // And the page's own clock, from the file input's change event to the first frame after the
    // summary appears, which leaves out WebDriver's round trips and its polling.
    c.execute(
        r#"window.__importTimes = {};
        document.getElementById('import-file').addEventListener('change',
            () => { window.__importTimes.chosen = performance.now(); }, { capture: true });
        new MutationObserver((_, obs) => {
            const s = document.getElementById('import-summary');
            if (s && s.textContent.includes('导入 400 个违法行为')) {
                obs.disconnect();
                requestAnimationFrame(() => setTimeout(() => {
                    window.__importTimes.shown = performance.now();
                }, 0));
            }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });"#,
        vec![],
    )
    .await
    .unwrap();
    let before = thread_secs(cdp(&c, &d, "Performance.getMetrics", json!({})).await);
    let started = Instant::now();
    choose(&c, "#import-file", &table).await;
    wait_text(
        &c,
        "#import-summary",
        "导入 400 个违法行为、1200 个裁量阶次",
    )
    .await;
    let wall = started.elapsed().as_millis();
    let cpu = thread_secs(cdp(&c, &d, "Performance.getMetrics", json!({})).await) - before;
    let page = wait_js(
        &c,
        "const t = window.__importTimes; \
         return t.shown !== undefined && t.chosen !== undefined ? t.shown - t.chosen : null;",
    )
    .await
    .as_f64()
    .unwrap_or(f64::NAN);
    eprintln!(
        "基准导入页面：2,000 行（400 个违法行为）从选择文件到显示导入结果：页面计时 {page:.0} ms（change 事件到结果绘出后的第一帧），页面主线程 CPU {:.0} ms，测试端墙钟 {wall} ms（含 WebDriver 往返与轮询；无头 Chromium，含读取、导入、校验与渲染）",
        cpu * 1000.0
    );
    // The items and the report show their first page and offer the rest.
    wait_text(&c, "#import-more-items", "显示更多违法行为").await;
    let shown = c
        .execute(
            "return document.querySelectorAll('.import-item').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, json!(cailiang::import::session::ITEMS_PAGE));
    wait_text(&c, "#import-more", "显示更多").await;
    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_layout_is_mapped_column_by_column_on_the_page() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), b"// no-op".to_vec());
    let dir = unique_dir("import-map");
    // Constructed: a header no published layout has.
    let table = dir.join("本局格式.csv");
    std::fs::write(
        &table,
        "名称,依据,档次,情节,罚则,颜色\n构造行：某违法行为,《物业管理条例》第五十六条,一般,违法情节一般,处5万元以下罚款,红\n",
    )
    .unwrap();
    let (c, d) = start_browser().await;
    c.goto(&format!("{}import.html", server.base))
        .await
        .unwrap();
    choose(&c, "#import-file", &table).await;
    wait_text(&c, "#import-tables", "请确认").await;
    wait_text(&c, "#import-summary", "导入 0 个违法行为").await;
    wait_text(&c, "#import-verdict", "没有导入任何违法行为").await;
    assert_eq!(
        wait_css(&c, "#use-pack")
            .await
            .attr("disabled")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    // The header's columns, each to be said what it holds.
    let headers = c
        .execute(
            "return [...document.querySelectorAll('#import-mapping tbody tr td:first-of-type')].map((td) => td.textContent);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        headers,
        json!(["名称", "依据", "档次", "情节", "罚则", "颜色"])
    );
    for (column, role) in [
        (1, "违法行为名称"),
        (2, "处罚依据"),
        (3, "裁量阶次"),
        (4, "违法情形"),
        (5, "裁量基准"),
        (6, "不导入"),
    ] {
        wait_css(&c, &format!("#map-col-{column}"))
            .await
            .select_by_value(role)
            .await
            .unwrap();
    }
    wait_text(&c, "#import-summary", "导入 1 个违法行为、1 个裁量阶次").await;
    wait_text(&c, "#import-tables", "按列映射读取").await;
    assert_eq!(
        wait_css(&c, "#import-layout")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("custom")
    );
    let items = content(&c, "#import-items").await;
    assert!(items.contains("构造行：某违法行为"), "{items}");
    assert!(items.contains("处50,000元以下的罚款"), "{items}");
    // The mapping is saved with the pack.
    catch_downloads(&c).await;
    let (_, bytes) = download(&c, "#download-pack").await;
    let pack: Value = serde_json::from_slice(&bytes).unwrap();
    let cols = &pack["table_mapping"]["columns"];
    assert!(
        cols.as_array()
            .unwrap()
            .iter()
            .any(|c| c["column"] == 3 && c["role"] == "tier_label"),
        "{cols}"
    );
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}
