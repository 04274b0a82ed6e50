//! Browser end-to-end tests of the officer's web app: chromedriver drives headless Chromium
//! against the built app in `dist/`, served from a small static server on loopback.
//!
//! Run `scripts/build-web` first, then `cargo test --test browser`. The test fails (it does not
//! skip) when `dist/` or chromedriver is missing. `CHROMEDRIVER` and `CHROME` override the
//! binaries (default: `chromedriver` on PATH or /usr/bin/chromedriver, and /usr/bin/chromium).

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::key::Key;
use serde_json::{Value, json};

#[path = "../support/mod.rs"]
mod support;

use support::{
    Server, TIMEOUT, cdp, click_containing, copied, input_by_label, record_clipboard, serve_dist,
    start_browser, text, unique_dir, wait_css, wait_text,
};

// ---------------------------------------------------------------------------------------------
// Helpers

async fn upload(c: &Client, path: &Path) {
    let input = wait_css(c, "#pack-file-input").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("无法选择文件");
}

fn reference() -> Value {
    serde_json::from_str(cailiang::REFERENCE_PACK).expect("内置参考基准不是 JSON")
}

fn reference_title() -> String {
    reference()["meta"]["title"].as_str().unwrap().to_string()
}

/// Opens the app and enters the standard case: ZL-64, 工程合同价款 10,000,000 元, tier B.
async fn enter_standard_case(c: &Client, base: &str) {
    c.goto(base).await.unwrap();
    let search = wait_css(c, "#finder-q").await;
    search.send_keys("偷工减料").await.unwrap();
    click_containing(c, "#finder-list [role=option]", "ZL-64").await;
    wait_text(c, ".selected-item", "ZL-64").await;
    let price = input_by_label(c, "工程合同价款").await;
    price.send_keys("10000000").await.unwrap();
    click_containing(c, ".tiers label", "B　").await;
}

/// Polls a script until it returns true.
async fn wait_js(c: &Client, script: &str, what: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(Value::Bool(true)) = c.execute(script, vec![]).await {
            return;
        }
        assert!(Instant::now() < deadline, "等待{what}超时（{script}）");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The current value of a form control.
async fn value(c: &Client, css: &str) -> String {
    wait_css(c, css)
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Waits until the control's value contains (or, with `present` false, no longer contains)
/// `needle`; returns the value.
async fn wait_value(c: &Client, css: &str, needle: &str, present: bool) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let v = value(c, css).await;
        if v.contains(needle) == present {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "等待 {css} 的内容{}“{needle}”超时；当前内容：{v}",
            if present { "出现" } else { "不再含有" }
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officer_flow_draft_and_bad_pack() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;

    // The reference pack is active.
    c.goto(&base).await.unwrap();
    let title = reference_title();
    wait_text(&c, "#pack-title", &title).await;
    assert!(text(&c, ".packbar").await.contains("参考示例"));

    // Search, select ZL-64, enter the contract price, choose tier B.
    enter_standard_case(&c, &base).await;
    let rec = wait_text(&c, "#range-recommended", "266,666.67").await;
    assert!(rec.contains("333,333.33"), "{rec}");
    assert!(text(&c, "#outcome").await.contains("罚款"));
    assert!(text(&c, "#range-statutory").await.contains("200,000"));

    // Other ways to find the same item.
    for q in ["质量条例 64", "第六十四条", "zl-64"] {
        let search = wait_css(&c, "#finder-q").await;
        search.clear().await.unwrap();
        search.send_keys(q).await.unwrap();
        wait_text(&c, "#finder-list", "ZL-64").await;
    }
    // Keyboard: the first hit is highlighted; Enter selects it.
    let search = wait_css(&c, "#finder-q").await;
    search.clear().await.unwrap();
    search.send_keys("偷工减料").await.unwrap();
    wait_text(&c, "#finder-list", "ZL-64").await;
    search
        .send_keys(&format!("{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_text(&c, ".selected-item", "ZL-64").await;

    // A reload restores the draft.
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let price = input_by_label(&c, "工程合同价款").await;
    assert_eq!(
        price.prop("value").await.unwrap().as_deref(),
        Some("10000000")
    );

    // A negative amount is shown beside the field.
    price.clear().await.unwrap();
    price.send_keys("-5").await.unwrap();
    wait_text(&c, ".has-error .field-error", "不能为负数").await;
    price.clear().await.unwrap();
    price.send_keys("10000000").await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;

    // A malformed pack is refused with its report; the pack and the draft stay.
    let dir = unique_dir("packs");
    let bad = dir.join("坏的基准.json");
    std::fs::write(&bad, "{\"format_version\": 1, \"meta\": {\"id\": ").unwrap();
    upload(&c, &bad).await;
    let report = wait_text(&c, "#pack-report", "未能加载").await;
    assert!(report.contains("坏的基准.json"), "{report}");
    assert!(report.contains("$"), "报告应给出 JSON 路径：{report}");
    assert!(report.contains("错误"), "{report}");
    assert_eq!(text(&c, "#pack-title").await, title);
    assert!(text(&c, "#range-recommended").await.contains("266,666.67"));

    // A pack that parses but misses a required field names the JSON path.
    let mut missing = reference();
    missing["items"][0].as_object_mut().unwrap().remove("code");
    let missing_path = dir.join("missing-code.json");
    std::fs::write(&missing_path, missing.to_string()).unwrap();
    upload(&c, &missing_path).await;
    let report = wait_text(&c, "#pack-report", "missing-code.json").await;
    assert!(report.contains("$.items[0]"), "{report}");
    assert!(report.contains("code"), "{report}");
    assert_eq!(text(&c, "#pack-title").await, title);

    // The draft survives a reload after the refusal.
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;

    let _ = std::fs::remove_dir_all(&dir);
    // Ending the session is cleanup; the Driver guard kills chromedriver either way.
    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pack_text_is_rendered_as_text() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    c.goto(&base).await.unwrap();
    wait_css(&c, "#finder-q").await;

    let payload = "<img src=x onerror=alert(1)>";
    let mut pack = reference();
    pack["meta"]["title"] = json!("注入测试<b>粗体</b>");
    pack["meta"]["id"] = json!("xss-test");
    pack["items"][0]["name"] = json!(format!("{payload}偷工减料"));
    let dir = unique_dir("xss");
    let path = dir.join("xss.json");
    std::fs::write(&path, pack.to_string()).unwrap();
    upload(&c, &path).await;

    wait_text(&c, "#pack-title", "注入测试<b>粗体</b>").await;
    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("onerror").await.unwrap();
    let list = wait_text(&c, "#finder-list", payload).await;
    assert!(list.contains(payload), "{list}");

    // Select it so that the name also appears in the result sheet.
    click_containing(&c, "#finder-list [role=option]", "onerror").await;
    wait_text(&c, ".selected-item", payload).await;
    wait_text(&c, "#result", payload).await;

    let images = c
        .execute("return document.querySelectorAll('img, b').length;", vec![])
        .await
        .unwrap();
    assert_eq!(images, json!(0), "包内文字被当作 HTML 解析了");
    assert!(c.get_alert_text().await.is_err(), "页面弹出了 alert");

    let _ = std::fs::remove_dir_all(&dir);
    // Ending the session is cleanup; the Driver guard kills chromedriver either way.
    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reasoning_draft_capitals_copy_and_multi_items() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    enter_standard_case(&c, &base).await;

    // 大写 in the range cards.
    let rec = wait_text(
        &c,
        "#range-recommended",
        "人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分",
    )
    .await;
    assert!(
        rec.contains(
            "人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分以上叁拾叁万叁仟叁佰叁拾叁元叁角叁分以下"
        ),
        "{rec}"
    );
    let statutory = text(&c, "#range-statutory").await;
    assert!(
        statutory.contains("人民币贰拾万元以上肆拾万元以下"),
        "{statutory}"
    );
    // The 说理 draft beside the result, with the citation and the amounts in 大写.
    wait_css(&c, "#reasoning").await;
    let all = "return Array.from(document.querySelectorAll('#reasoning .draft-text')).map((t) => t.value).join('\\n')";
    for needle in [
        "《建设工程质量管理条例》第六十四条",
        "贰拾陆万陆仟陆佰陆拾陆元陆角柒分",
    ] {
        wait_js(
            &c,
            &format!("{all}.includes('{needle}');"),
            &format!("草稿出现“{needle}”"),
        )
        .await;
    }
    let penalty = value(&c, "#reasoning-penalty_basis").await;
    assert!(
        penalty.contains("《建设工程质量管理条例》第六十四条规定"),
        "{penalty}"
    );

    // 大写 for an intended fine, in the form and in the result.
    let intended = input_by_label(&c, "拟罚款数额（可选，用于核对程序要求）").await;
    intended.send_keys("300000").await.unwrap();
    wait_text(&c, "#intended-fine-capital", "人民币叁拾万元整").await;
    wait_text(&c, "#intended-fine-result", "人民币叁拾万元整").await;

    // Copy the draft and the result (the Clipboard API is recorded).
    record_clipboard(&c).await;
    wait_css(&c, "#reasoning-copy").await.click().await.unwrap();
    let draft = copied(&c).await;
    assert!(draft.starts_with("一、违法事实"), "{draft}");
    assert!(
        draft.contains("《建设工程质量管理条例》第六十四条"),
        "{draft}"
    );
    wait_text(&c, "#reasoning-status", "已复制").await;
    wait_css(&c, "#copy-result").await.click().await.unwrap();
    let summary = copied(&c).await;
    for needle in [
        "处理结论：罚款",
        "建议罚款幅度：¥266,666.67 – ¥333,333.33",
        "人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分以上叁拾叁万叁仟叁佰叁拾叁元叁角叁分以下",
        "拟罚款数额：¥300,000（人民币叁拾万元整）",
        "裁量阶次：B",
        "程序提示：",
        "告知听证权利",
        "基准：",
        "计算引擎 cailiang",
    ] {
        assert!(
            summary.contains(needle),
            "复制的结果缺少“{needle}”：\n{summary}"
        );
    }
    wait_text(&c, "#copy-result-status", "已复制").await;

    // Without the Clipboard API (plain http on an intranet address) the text is copied by
    // selecting it.
    c.execute(
        "window.__selected = null; \
         document.addEventListener('copy', (e) => { window.__selected = e.target.value; }, { once: true }); \
         Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }); \
         return true;",
        vec![],
    )
    .await
    .unwrap();
    wait_css(&c, "#reasoning-copy").await.click().await.unwrap();
    wait_js(&c, "return typeof window.__selected === 'string' && window.__selected.includes('一、违法事实');", "选中文字复制").await;

    // An edit is kept with the case draft and survives a reload.
    let marker = "（执法人员补充：现场检查笔录）";
    let facts = wait_css(&c, "#reasoning-facts").await;
    facts.send_keys(marker).await.unwrap();
    wait_css(&c, "#reasoning-edited").await;
    wait_js(
        &c,
        &format!("return (localStorage.getItem('cailiang.draft.v1') || '').includes('{marker}');"),
        "修改保存",
    )
    .await;
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    wait_value(&c, "#reasoning-facts", marker, true).await;
    wait_css(&c, "#reasoning-restore").await;

    // A change of the case keeps the edit and says that the generated text changed.
    click_containing(&c, ".tiers label", "C　").await;
    wait_text(&c, "#reasoning-changed", "自动生成的草稿已随之更新").await;
    wait_value(&c, "#reasoning-facts", marker, true).await;
    wait_css(&c, "#reasoning-keep").await.click().await.unwrap();
    wait_js(
        &c,
        "return !document.querySelector('#reasoning-changed');",
        "提示消失",
    )
    .await;
    wait_value(&c, "#reasoning-facts", marker, true).await;
    // 恢复为自动生成 discards the edit.
    wait_css(&c, "#reasoning-restore")
        .await
        .click()
        .await
        .unwrap();
    wait_value(&c, "#reasoning-facts", marker, false).await;
    wait_js(
        &c,
        "return !document.querySelector('#reasoning-restore');",
        "恢复按钮消失",
    )
    .await;

    // A further item for the same act: the higher fine applies, the other is traced.
    let also = wait_css(&c, "#also-q").await;
    also.send_keys("建筑法 74").await.unwrap();
    click_containing(&c, ".also-results .also-option", "JZF-74").await;
    wait_text(&c, "#also-items .chips", "JZF-74").await;
    let others = wait_text(&c, "#other-items", "JZF-74").await;
    assert!(
        others.contains("《中华人民共和国建筑法》第七十四条"),
        "{others}"
    );
    assert!(text(&c, ".item-ref").await.contains("ZL-64"));
    wait_text(&c, "#range-statutory", "200,000").await;
    let basis = wait_value(&c, "#reasoning-penalty_basis", "第二十九条", true).await;
    assert!(basis.contains("《中华人民共和国建筑法》"), "{basis}");
    // Removed again.
    click_containing(&c, "#also-items .chip-x", "×").await;
    wait_js(
        &c,
        "return !document.querySelector('#other-items');",
        "其他规定消失",
    )
    .await;

    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn example_city_pack_with_automatic_area_tier() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    c.goto(&base).await.unwrap();
    wait_text(&c, "#pack-title", &reference_title()).await;

    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/local-example-city.json");
    let json = std::fs::read_to_string(&file).unwrap();
    let pack = cailiang::load_pack("local-example-city.json", &json).unwrap();
    wait_css(&c, "#load-example-pack")
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, "#pack-title", &pack.pack.meta.title).await;
    let bar = text(&c, ".packbar").await;
    assert!(bar.contains(&pack.pack.meta.edition), "{bar}");
    assert!(bar.contains(&pack.hash[..12]), "{bar}");

    // An area-tier item: the tier follows from the area.
    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("违法建设").await.unwrap();
    click_containing(&c, "#finder-list [role=option]", "SL-01").await;
    wait_text(&c, ".selected-item", "SL-01").await;
    input_by_label(&c, "建设工程造价")
        .await
        .send_keys("400000")
        .await
        .unwrap();
    input_by_label(&c, "违法建设面积")
        .await
        .send_keys("80")
        .await
        .unwrap();
    let tier = wait_text(&c, "#tier", "按数量条件自动判定").await;
    assert!(tier.contains("A"), "{tier}");
    let rec = wait_text(&c, "#range-recommended", "26,000").await;
    assert!(rec.contains("20,000"), "{rec}");
    assert!(rec.contains("人民币贰万元以上贰万陆仟元以下"), "{rec}");
    wait_value(&c, "#reasoning-reasoning", "示例市", true).await;

    // The pack stays across a reload; then back to the built-in reference pack.
    c.refresh().await.unwrap();
    wait_text(&c, "#pack-title", &pack.pack.meta.title).await;
    wait_text(&c, "#range-recommended", "26,000").await;
    wait_css(&c, "#reset-pack").await.click().await.unwrap();
    wait_text(&c, "#pack-title", &reference_title()).await;
    wait_css(&c, "#load-example-pack").await;

    let _ = c.close().await;
}

/// Whether the element matching `css` is rendered (has a box), as the page is laid out now.
async fn rendered(c: &Client, css: &str) -> bool {
    let script = format!(
        "const e = document.querySelector({css:?}); return !!e && e.getClientRects().length > 0;"
    );
    c.execute(&script, vec![]).await.unwrap() == Value::Bool(true)
}

/// 打印结果单 prints the result sheet and after it the 说理 draft, in full and as edited;
/// not the form, the buttons or the hints. Print media is emulated through CDP.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn printing_shows_the_reasoning_draft_in_full() {
    let base = serve_dist();
    let (c, driver) = start_browser().await;
    enter_standard_case(&c, &base).await;
    wait_css(&c, "#reasoning .draft-text").await;

    // An edit longer than the text area shows at once (its box stops at 36rem).
    let edit = format!(
        "本段为执法人员补充的说理。{}完。",
        "当事人在调查中如实陈述违法事实。".repeat(120)
    );
    c.execute(
        "const t = document.querySelector('#reasoning .draft-text'); \
         t.value = t.value + '\\n' + arguments[0]; \
         t.dispatchEvent(new InputEvent('input', { bubbles: true })); return true;",
        vec![json!(edit)],
    )
    .await
    .unwrap();
    wait_css(&c, "#reasoning-edited").await;
    let clipped = "const t = document.querySelector('#reasoning .draft-text'); \
                   return t.scrollHeight > t.clientHeight + 1;";
    assert_eq!(
        c.execute(clipped, vec![]).await.unwrap(),
        Value::Bool(true),
        "the edit should be longer than its text area"
    );
    // On screen the print copy is not shown.
    assert!(!rendered(&c, "#reasoning .draft-print").await);

    cdp(
        &c,
        &driver,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    wait_js(&c, "return matchMedia('print').matches;", "打印媒体生效").await;
    for css in [
        "#result",
        "#outcome",
        "#range-recommended",
        "#reasoning",
        "#reasoning-h",
    ] {
        assert!(rendered(&c, css).await, "打印时应显示 {css}");
    }
    for css in [
        ".col-input",
        ".app-header",
        "#copy-result",
        "#reasoning-copy",
        "#reasoning-edited",
        "#reasoning .hint",
        "#reasoning .draft-text",
    ] {
        assert!(!rendered(&c, css).await, "打印时不应显示 {css}");
    }
    // Every section prints as it is in its text area, whole: nothing clipped.
    let sections = c
        .execute(
            "return Array.from(document.querySelectorAll('#reasoning .draft-section')).map((s) => { \
               const t = s.querySelector('.draft-text'), p = s.querySelector('.draft-print'); \
               return { value: t.value, printed: p ? p.textContent : null, \
                        shown: !!p && p.getClientRects().length > 0, \
                        whole: !!p && p.scrollHeight <= p.clientHeight + 1 \
                               && getComputedStyle(p).overflow === 'visible' }; });",
            vec![],
        )
        .await
        .unwrap();
    let sections = sections.as_array().expect("草稿各段");
    assert!(sections.len() >= 3, "{sections:?}");
    for s in sections {
        assert_eq!(s["printed"], s["value"], "打印的草稿应与文本框内容一致");
        assert_eq!(s["shown"], Value::Bool(true), "{s}");
        assert_eq!(s["whole"], Value::Bool(true), "{s}");
    }
    let printed = text(&c, "#reasoning .draft-print").await;
    assert!(printed.contains("本段为执法人员补充的说理。"), "{printed}");
    assert!(printed.ends_with("完。"), "{printed}");
    let first = text(&c, "#reasoning .draft-heading").await;
    assert!(first.starts_with("一、"), "{first}");

    cdp(
        &c,
        &driver,
        "Emulation.setEmulatedMedia",
        json!({ "media": "" }),
    )
    .await;
    wait_js(&c, "return !matchMedia('print').matches;", "恢复屏幕媒体").await;
    assert!(rendered(&c, "#reasoning .draft-text").await);
    assert!(!rendered(&c, "#reasoning .draft-print").await);
    let _ = c.close().await;
}

/// A panic shows a Chinese error banner instead of a dead page, and the draft survives it.
/// `?selftest-panic` is the app's deliberate crash switch for exactly this check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_shows_the_banner_and_keeps_the_draft() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    enter_standard_case(&c, &base).await;
    wait_text(&c, "#range-recommended", "266,666.67").await;

    c.goto(&format!("{base}?selftest-panic")).await.unwrap();
    let banner = wait_text(&c, "#crash-banner", "内部错误").await;
    assert!(
        banner.contains("草稿已自动保存"),
        "the banner tells the officer the draft is kept: {banner}"
    );

    c.goto(&base).await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let _ = c.close().await;
}

/// A pack loads from a URL: `?pack=` on the page address, or the pack bar's field; a URL that
/// fails is reported with the address and the current pack stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pack_from_a_url() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    let example: Value =
        serde_json::from_str(include_str!("../../benchmarks/local-example-city.json")).unwrap();
    let example_title = example["meta"]["title"].as_str().unwrap().to_string();

    c.goto(&format!("{base}?pack=packs/local-example-city.json"))
        .await
        .unwrap();
    wait_text(&c, "#pack-title", &example_title).await;

    let field = wait_css(&c, "#pack-url-input").await;
    field
        .send_keys(&format!("{base}packs/no-such-pack.json"))
        .await
        .unwrap();
    wait_css(&c, "#pack-url-load").await.click().await.unwrap();
    let report = wait_text(&c, "#pack-report", "no-such-pack.json").await;
    assert!(report.contains("HTTP 404"), "{report}");
    assert_eq!(text(&c, "#pack-title").await, example_title);
    let _ = c.close().await;
}

/// The officer's page carries no validator: a pack the officer loads is validated in the `check`
/// module (src/bin/check.rs), loaded on demand. One the validator refuses is kept out with its
/// Chinese report and JSON path, the draft staying; while the module cannot be loaded no pack is
/// taken; once it can, a good one is. A pack saved by another build (without this build's mark)
/// goes to the validator at start and is then taken, and saved with the mark.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn packs_the_officer_loads_are_validated_in_the_check_module() {
    let server = Server::start(&[]);
    let base = format!("{}?no-sw", server.base);
    let (c, _driver) = start_browser().await;
    let served = |prefix: &str| {
        server
            .shared
            .log
            .lock()
            .unwrap()
            .iter()
            .filter(|p| p.starts_with(prefix) && p.ends_with("_bg.wasm"))
            .count()
    };
    enter_standard_case(&c, &base).await;
    wait_text(&c, "#range-recommended", "266,666.67").await;
    assert_eq!(served("app-"), 1);
    assert_eq!(served("check-"), 0, "计算器首次加载就请求了校验模块");
    let title = reference_title();

    // Parses, but names a band the pack's split does not have: only the validator sees it.
    let dir = unique_dir("checked-packs");
    let mut bad = reference();
    bad["items"][0]["tiers"][0]["outcome"]["band"] = json!("no_such_band");
    let bad_path = dir.join("档次有误.json");
    std::fs::write(&bad_path, bad.to_string()).unwrap();
    upload(&c, &bad_path).await;
    let report = wait_text(&c, "#pack-report", "档次有误.json").await;
    assert!(report.contains("未能加载"), "{report}");
    assert!(
        report.contains("$.items[0].tiers[0].outcome.band") && report.contains("no_such_band"),
        "报告应给出 JSON 路径和原因：{report}"
    );
    assert_eq!(served("check-"), 1);
    assert_eq!(text(&c, "#pack-title").await, title);
    assert!(text(&c, "#range-recommended").await.contains("266,666.67"));
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    assert_eq!(text(&c, "#pack-title").await, title);

    // The module cannot be loaded (a damaged download): the good pack is not taken either.
    let index = std::fs::read_to_string(support::dist_dir().join("index.html")).unwrap();
    let wasm = index
        .split("data-wasm=\"./")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .filter(|name| name.starts_with("check-"))
        .expect("index.html 没有校验模块")
        .to_string();
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert(wasm.clone(), b"not wasm".to_vec());
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/local-example-city.json");
    let example_text = std::fs::read_to_string(&example).unwrap();
    let example_title = serde_json::from_str::<Value>(&example_text).unwrap()["meta"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    upload(&c, &example).await;
    let report = wait_text(&c, "#pack-report", "local-example-city.json").await;
    assert!(
        report.contains("未能加载") && report.contains("无法校验文件"),
        "{report}"
    );
    assert_eq!(text(&c, "#pack-title").await, title);
    assert!(text(&c, "#range-recommended").await.contains("266,666.67"));

    // The module loads again: the same file is taken.
    server.shared.overrides.lock().unwrap().remove(&wasm);
    upload(&c, &example).await;
    wait_text(&c, "#pack-title", &example_title).await;

    // Saved by another build (no mark, or another build's): validated at start, then taken and
    // saved with this build's mark.
    c.execute(
        "localStorage.setItem('cailiang.pack.v1', JSON.stringify({file: '上一版保存的.json', text: arguments[0], accepted: '0000000000000000:x'}));
         return true;",
        vec![json!(example_text)],
    )
    .await
    .unwrap();
    let before = served("check-");
    c.refresh().await.unwrap();
    wait_text(&c, "#pack-title", &example_title).await;
    assert_eq!(served("check-"), before + 1);
    let mark = c
        .execute(
            "return JSON.parse(localStorage.getItem('cailiang.pack.v1')).accepted;",
            vec![],
        )
        .await
        .unwrap();
    let mark = mark.as_str().unwrap_or_default().to_string();
    assert!(
        mark.len() > 20 && !mark.starts_with("0000000000000000:"),
        "{mark}"
    );
    // With the mark, a reload takes it without the module.
    c.refresh().await.unwrap();
    wait_text(&c, "#pack-title", &example_title).await;
    assert_eq!(served("check-"), before + 1);

    let _ = std::fs::remove_dir_all(&dir);
    let _ = c.close().await;
}

/// How many recent cases the list shows, once it is opened.
async fn recent_count(c: &Client) -> usize {
    c.find_all(fantoccini::Locator::Css("#recent-cases .recent-case"))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

/// Opens the 最近案件 list (it starts folded).
async fn open_recent(c: &Client) {
    wait_css(c, "#recent-cases").await;
    c.execute(
        "document.getElementById('recent-cases').open = true; return true;",
        vec![],
    )
    .await
    .unwrap();
}

/// 最近案件: a case set aside with 新建案件 stays in the list with its result, survives a reload,
/// can be continued exactly as it was left, and can be deleted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recent_cases_survive_a_reload_and_reopen() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;

    // Case 1: ZL-64, 10,000,000 元, tier B, labelled with the party's name.
    enter_standard_case(&c, &base).await;
    wait_text(&c, "#range-recommended", "266,666.67").await;
    wait_css(&c, "#case-label")
        .await
        .send_keys("甲建筑公司")
        .await
        .unwrap();

    // A new case: the form is empty again, and case 1 is listed with its result.
    wait_css(&c, "#new-case").await.click().await.unwrap();
    wait_js(
        &c,
        "return !document.querySelector('.selected-item');",
        "新建案件清空所选违法行为",
    )
    .await;
    open_recent(&c).await;
    let listed = wait_text(&c, "#recent-cases .recent-case", "ZL-64").await;
    assert!(listed.contains("266,666.67"), "{listed}");
    assert!(listed.contains("甲建筑公司"), "{listed}");
    assert_eq!(recent_count(&c).await, 1);

    // Case 2: the same item at 20,000,000 元.
    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("偷工减料").await.unwrap();
    click_containing(&c, "#finder-list [role=option]", "ZL-64").await;
    input_by_label(&c, "工程合同价款")
        .await
        .send_keys("20000000")
        .await
        .unwrap();
    click_containing(&c, ".tiers label", "B　").await;
    // A new case starts without case 1's label.
    assert_eq!(value(&c, "#case-label").await, "");
    let second = wait_text(&c, "#range-recommended", "666,666").await;
    assert!(!second.contains("266,666.67"), "{second}");

    // After a reload both are listed, case 2 as the current one.
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "666,666").await;
    open_recent(&c).await;
    wait_text(&c, "#recent-cases .recent-case.current", "当前").await;
    assert_eq!(recent_count(&c).await, 2);

    // Continue case 1: its facts and result come back.
    click_containing(
        &c,
        "#recent-cases .recent-open:not([disabled])",
        "甲建筑公司",
    )
    .await;
    wait_text(&c, "#range-recommended", "266,666.67").await;
    assert_eq!(value(&c, "#case-label").await, "甲建筑公司");
    assert_eq!(
        input_by_label(&c, "工程合同价款")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("10000000")
    );

    // Delete case 2 (now the one not current); the deletion survives a reload.
    open_recent(&c).await;
    let others = c
        .find_all(fantoccini::Locator::Css(
            "#recent-cases .recent-case:not(.current) .recent-forget",
        ))
        .await
        .unwrap();
    assert_eq!(others.len(), 1);
    others[0].click().await.unwrap();
    wait_js(
        &c,
        "return document.querySelectorAll('#recent-cases .recent-case').length === 1;",
        "删除最近案件",
    )
    .await;
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    open_recent(&c).await;
    assert_eq!(recent_count(&c).await, 1);

    let _ = c.close().await;
}

/// Sets a date input as the date picker would (value, then `input` and `change`).
async fn set_date(c: &Client, id: &str, date: &str) {
    wait_css(c, &format!("#{id}")).await;
    c.execute(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];
         e.dispatchEvent(new Event('input', {bubbles: true}));
         e.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        vec![json!(id), json!(date)],
    )
    .await
    .unwrap();
}

/// Drops a file with `text` named `name` on the page, as a drag from the file manager does.
async fn drop_file(c: &Client, name: &str, text: &str) {
    drop_bytes(c, name, text.as_bytes()).await
}

/// Drops a file of any bytes (not necessarily UTF-8) named `name` on the page.
async fn drop_bytes(c: &Client, name: &str, bytes: &[u8]) {
    wait_css(c, ".app").await;
    c.execute(
        "const dt = new DataTransfer();
         dt.items.add(new File([new Uint8Array(arguments[1])], arguments[0], {type: 'application/json'}));
         const app = document.querySelector('.app');
         app.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
         app.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
         return true;",
        vec![json!(name), json!(bytes)],
    )
    .await
    .unwrap();
}

/// Dates out of order are named beside the dates; a pack dropped on the page is loaded, and a
/// bad one dropped after it is refused with its report while the dropped pack stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_in_order_and_a_dropped_pack() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    enter_standard_case(&c, &base).await;
    wait_text(&c, "#range-recommended", "266,666.67").await;

    // 发现之日 before 违法行为发生之日.
    set_date(&c, "date-occurred", "2025-05-01").await;
    set_date(&c, "date-discovered", "2025-04-01").await;
    let err = wait_text(&c, "#dates-err", "发现日期早于违法行为发生日期").await;
    assert!(!err.is_empty());
    assert_eq!(
        wait_css(&c, "#date-discovered")
            .await
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    set_date(&c, "date-discovered", "2025-06-01").await;
    wait_js(
        &c,
        "return !document.getElementById('dates-err');",
        "日期顺序正确后错误消失",
    )
    .await;
    wait_text(&c, "#range-recommended", "266,666.67").await;

    // Drop the example city's pack on the page.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/local-example-city.json");
    let json = std::fs::read_to_string(&file).unwrap();
    let pack = cailiang::load_pack("local-example-city.json", &json).unwrap();
    drop_file(&c, "拖放的基准.json", &json).await;
    wait_text(&c, "#pack-title", &pack.pack.meta.title).await;
    assert!(text(&c, ".packbar").await.contains(&pack.hash[..12]));

    // A bad file dropped next is refused; the dropped pack stays.
    drop_file(&c, "坏的.json", "{\"format_version\": ").await;
    let report = wait_text(&c, "#pack-report", "坏的.json").await;
    assert!(report.contains("未能加载"), "{report}");
    assert_eq!(text(&c, "#pack-title").await, pack.pack.meta.title);

    let _ = c.close().await;
}

// ---------------------------------------------------------------------------------------------
// Bad input from every side

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The page still works after bad input: the standard case is still on the form with its result,
/// a bad entry is named beside its field and fixing it gives the result again, and no crash
/// banner is shown.
async fn assert_page_works(c: &Client) {
    wait_text(c, "#range-recommended", "266,666.67").await;
    let price = input_by_label(c, "工程合同价款").await;
    price.clear().await.unwrap();
    price.send_keys("-5").await.unwrap();
    wait_text(c, ".has-error .field-error", "不能为负数").await;
    price.clear().await.unwrap();
    price.send_keys("10000000").await.unwrap();
    wait_text(c, "#range-recommended", "266,666.67").await;
    assert!(
        c.find(fantoccini::Locator::Css("#crash-banner"))
            .await
            .is_err(),
        "坏输入让页面崩溃了"
    );
}

/// Waits for the pack report naming `file`; checks that it is a Chinese refusal and that the
/// reference pack is still the active one.
async fn assert_refused(c: &Client, file: &str, needle: &str) -> String {
    let report = wait_text(c, "#pack-report", file).await;
    assert!(
        report.contains("未能加载") && has_chinese(report.as_str()),
        "{report}"
    );
    assert!(report.contains(needle), "报告应包含“{needle}”：{report}");
    assert_eq!(text(c, "#pack-title").await, reference_title());
    report
}

/// `?pack=` that is not JSON, too large, or missing; a dropped binary file; corrupt data in
/// LocalStorage: each is refused in Chinese, the draft stays and the page keeps computing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_packs_files_and_storage_leave_the_page_and_the_draft_working() {
    let server = Server::start(&[]);
    let base = server.base.clone();
    {
        let mut files = server.shared.overrides.lock().unwrap();
        files.insert(
            "packs/not-json.json".into(),
            b"<!DOCTYPE html><p>Not Found</p>".to_vec(),
        );
        // One byte over the limit of src/limits.rs, and valid JSON but for its size.
        let mut huge = b"{}".to_vec();
        huge.resize(cailiang::limits::MAX_JSON_BYTES + 1, b' ');
        files.insert("packs/huge.json".into(), huge);
    }
    let (c, _driver) = start_browser().await;
    enter_standard_case(&c, &base).await;
    wait_text(&c, "#range-recommended", "266,666.67").await;

    // ?pack= answered with HTML, with 32 MiB and one byte, and with 404.
    c.goto(&format!("{base}?pack=packs/not-json.json"))
        .await
        .unwrap();
    assert_refused(&c, "not-json.json", "语法错误").await;
    assert_page_works(&c).await;
    c.goto(&format!("{base}?pack=packs/huge.json"))
        .await
        .unwrap();
    assert_refused(&c, "huge.json", "超出限制").await;
    assert_page_works(&c).await;
    c.goto(&format!("{base}?pack=packs/no-such-pack.json"))
        .await
        .unwrap();
    assert_refused(&c, "no-such-pack.json", "HTTP 404").await;
    assert_page_works(&c).await;

    // A binary file dropped on the page (a PNG header, not UTF-8).
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00,
    ];
    drop_bytes(&c, "照片.png", &png).await;
    assert_refused(&c, "照片.png", "$").await;
    assert_page_works(&c).await;

    // The draft survived all of it.
    c.goto(&base).await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;

    // Corrupt LocalStorage (src/app/storage.rs keys): a draft cut short, a pack entry that is
    // not JSON, a recent-cases list cut short. The page starts with the reference pack and an
    // empty form, and keeps what it could not read under the *.unreadable keys.
    let broken_draft = r#"{"item": "ZL-64", "case": {"items": ["ZL-6"#;
    let broken_recent = r#"[{"id": 1, "case": "#;
    c.execute(
        "localStorage.setItem('cailiang.draft.v1', arguments[0]);
         localStorage.setItem('cailiang.pack.v1', 'not json');
         localStorage.setItem('cailiang.recent.v1', arguments[1]);
         return true;",
        vec![json!(broken_draft), json!(broken_recent)],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    wait_text(&c, "#pack-title", &reference_title()).await;
    enter_standard_case(&c, &base).await;
    assert_page_works(&c).await;
    let kept = c
        .execute(
            "return [localStorage.getItem('cailiang.draft.unreadable'),
                     localStorage.getItem('cailiang.recent.unreadable')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        kept,
        json!([broken_draft, broken_recent]),
        "无法读取的数据被覆盖了"
    );

    // A saved pack that no longer validates: a Chinese notice, the reference pack, the draft.
    c.execute(
        "localStorage.setItem('cailiang.pack.v1', JSON.stringify({file: '旧基准.json', text: '{}'}));
         return true;",
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    let notice = wait_text(&c, ".notice", "旧基准.json").await;
    assert!(notice.contains("内置参考基准"), "{notice}");
    assert_page_works(&c).await;
    let _ = c.close().await;
}

/// Markup, script and bidirectional-override characters in a pack's text are shown literally:
/// no element is made from them and no script runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pack_script_and_bidi_text_is_shown_literally() {
    let base = serve_dist();
    let (c, _driver) = start_browser().await;
    c.goto(&base).await.unwrap();
    wait_css(&c, "#finder-q").await;
    let count = "return document.querySelectorAll('script, iframe, svg, img, style').length;";
    let before = c.execute(count, vec![]).await.unwrap();

    let script = "<script>window.__pwned = 1</script>";
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+202C POP.
    let bidi = "\u{202e}款罚\u{202c}\u{2066}x\u{2069}";
    let mut pack = reference();
    pack["meta"]["id"] = json!("script-bidi-test");
    pack["meta"]["title"] = json!(format!("标题{bidi}"));
    let zl64 = pack["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["code"] == "ZL-64")
        .unwrap();
    zl64["name"] = json!(format!("{script}偷工减料{bidi}"));
    zl64["tiers"][1]["description"] =
        json!("<iframe src=\"javascript:window.__pwned=2\"></iframe>一般情形");
    zl64["penalty_basis"]["quote"] = json!(format!(
        "<svg onload=\"window.__pwned=3\"></svg>{}",
        zl64["penalty_basis"]["quote"].as_str().unwrap()
    ));
    let dir = unique_dir("script-bidi");
    let path = dir.join("script-bidi.json");
    std::fs::write(&path, pack.to_string()).unwrap();
    upload(&c, &path).await;
    wait_text(&c, "#pack-title", &format!("标题{bidi}")).await;

    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("偷工减料").await.unwrap();
    click_containing(&c, "#finder-list [role=option]", "ZL-64").await;
    wait_text(&c, ".selected-item", script).await;
    // textContent: WebDriver's rendered text may fold control characters.
    let shown = |css: &str| format!("return document.querySelector('{css}').textContent;");
    let selected = c.execute(&shown(".selected-item"), vec![]).await.unwrap();
    assert!(
        selected
            .as_str()
            .unwrap_or_default()
            .contains(&format!("{script}偷工减料{bidi}")),
        "名称未原样显示：{selected:?}"
    );
    input_by_label(&c, "工程合同价款")
        .await
        .send_keys("10000000")
        .await
        .unwrap();
    click_containing(&c, ".tiers label", "<iframe").await;
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let result = c.execute(&shown("#result"), vec![]).await.unwrap();
    assert!(
        result
            .as_str()
            .unwrap_or_default()
            .contains("<svg onload=\"window.__pwned=3\"></svg>"),
        "引文未原样显示"
    );

    let after = c.execute(count, vec![]).await.unwrap();
    assert_eq!(before, after, "包内文字被当作 HTML 解析了");
    let pwned = c
        .execute("return window.__pwned === undefined;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, json!(true), "包内脚本被执行了");
    assert!(c.get_alert_text().await.is_err(), "页面弹出了 alert");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = c.close().await;
}
