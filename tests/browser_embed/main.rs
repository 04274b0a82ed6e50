//! Browser tests of offline use and embedding: chromedriver drives headless Chromium against the
//! built app in `dist/` (served from a small static server on loopback that can add response
//! headers, go "offline" and replace files) and against the single-file build from file://.
//!
//! - the app under a Content-Security-Policy without 'unsafe-eval' and without inline scripts;
//! - the embedding example (JS API, mount, iframe) under the same policy;
//! - the iframe across origins, and an iframe that refuses a host it was not told to trust;
//! - two mounts on one page with separate cases, and the stand-alone app's draft untouched;
//! - offline after the first visit (service worker), and a clean update of its cache;
//! - the single-file build (`scripts/build-single --no-build`) from a file:// URL;
//! - the pages loaded on demand ([`pages`]): not loaded by the officer's page, under the same
//!   policy, offline once opened;
//! - 案卷评查 through its page and 提交前自查 on the officer's page ([`review`]).
//! - the 文书 page and the case library ([`documents`]): the 决定书 .docx with a departure and a
//!   陈述申辩, the library's migration, 类案, export and import, and a full store.
//! - one act with two parties ([`parties`]): each party's result on the sheet is the engine's;
//! - the 基准导入 page ([`import`]): a published workbook through the page, its report, items
//!   and downloads, and the pack used by the calculator.
//!
//! Run `scripts/build-web` first, then `cargo test --test browser_embed`. The tests fail (they do
//! not skip) when `dist/`, python3 or chromedriver is missing. `CHROMEDRIVER` and `CHROME`
//! override the binaries, as for `tests/browser`.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::{Value, json};

#[path = "../support/mod.rs"]
mod support;

/// The pages loaded on demand (documents.html, import.html, review.html).
mod pages;

/// The 文书 page's documents and the case library.
mod documents;
/// The 基准导入 page with a published table (import.html).
mod import;
/// One act, two parties: each party's result on the sheet is the engine's.
mod parties;
/// 案卷评查 through review.html, and 提交前自查 on the officer's page.
mod review;

use support::{
    Driver, Server, TIMEOUT, cdp, click_containing, console_log, dist_dir, input_by_label,
    start_browser, unique_dir, wait_css, wait_text,
};

/// The policy the app must run under: no 'unsafe-eval' (only 'wasm-unsafe-eval'), no inline
/// script or style, nothing from elsewhere.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self'; connect-src 'self'; frame-src 'self'; worker-src 'self'; \
                   manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
                   frame-ancestors 'self'; report-uri /csp-report";

// ---------------------------------------------------------------------------------------------
// Helpers

/// Fails on any Content-Security-Policy violation: the console's and the server's reports.
async fn assert_no_csp_violation(c: &Client, d: &Driver, server: &Server) {
    // Reports are sent asynchronously.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let log = console_log(c, d).await;
    let csp: Vec<&String> = log
        .iter()
        .filter(|l| l.contains("Content Security Policy") || l.contains("Content-Security-Policy"))
        .collect();
    assert!(csp.is_empty(), "违反 CSP：{csp:#?}\n全部日志：{log:#?}");
    let reports = server.shared.csp_reports.lock().unwrap().clone();
    assert!(reports.is_empty(), "CSP 违规报告：{reports:#?}");
}

/// Waits until the script returns something other than null / false; returns it.
async fn wait_js(c: &Client, script: &str) -> Value {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let last = match c.execute(script, vec![]).await {
            Ok(v) if !v.is_null() && v != json!(false) => return v,
            Ok(v) => v,
            Err(e) => json!(e.to_string()),
        };
        assert!(
            Instant::now() < deadline,
            "等待脚本结果超时：{script}\n最后结果：{last}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits until the service worker is active and controls the page.
async fn wait_for_worker(c: &Client) {
    let controlled = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.ready.then(() => {
               if (navigator.serviceWorker.controller) return done(true);
               navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
             }).catch((e) => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(controlled, json!(true), "service worker 未接管页面");
}

/// On the open app: enters the standard case as the officer does and checks the result.
async fn compute_standard_case(c: &Client) {
    let search = wait_css(c, "#finder-q").await;
    search.clear().await.unwrap();
    search.send_keys("偷工减料").await.unwrap();
    click_containing(c, "#finder-list [role=option]", "ZL-64").await;
    wait_text(c, ".selected-item", "ZL-64").await;
    let price = input_by_label(c, "工程合同价款").await;
    price.clear().await.unwrap();
    price.send_keys("10000000").await.unwrap();
    click_containing(c, ".tiers label", "B　").await;
    let rec = wait_text(c, "#range-recommended", "266,666.67").await;
    assert!(rec.contains("333,333.33"), "{rec}");
}

fn reference_codes() -> Vec<String> {
    let pack: Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("内置参考基准不是 JSON");
    pack["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests

/// The app renders and computes under the policy, with no inline script and no violation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_runs_under_strict_csp() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    c.goto(&format!("{}?no-sw", server.base)).await.unwrap();
    compute_standard_case(&c).await;

    let inline = c
        .execute(
            "return document.querySelectorAll('script:not([src])').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(inline, json!(0), "页面含内联脚本");
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    assert_no_csp_violation(&c, &d, &server).await;

    // The policy is in force: an inline script is refused (checked last: it is a violation
    // itself). WebDriver's own scripts bypass the policy; a script element does not.
    let ran = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const s = document.createElement('script');
             s.textContent = 'window.inlineRan = true;';
             document.head.appendChild(s);
             setTimeout(() => done(window.inlineRan === true), 200);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ran, json!(false), "CSP 未生效：内联脚本被执行了");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let log = console_log(&c, &d).await;
    assert!(
        log.iter().any(|l| l.contains("Content Security Policy")),
        "控制台中没有 CSP 违规记录，无法确认检查有效：{log:#?}"
    );
    let deadline = Instant::now() + TIMEOUT;
    while server.shared.csp_reports.lock().unwrap().is_empty() {
        assert!(
            Instant::now() < deadline,
            "服务器未收到 CSP 违规报告，无法确认检查有效"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = c.close().await;
}

/// The embedding example: the JS API, mount and the iframe, all under the same policy; host
/// styles do not reach the mounted app and its styles do not reach the host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedding_three_ways_under_csp() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    c.goto(&format!("{}embed-example.html", server.base))
        .await
        .unwrap();

    // 1. JS API.
    let api = wait_js(&c, "return window.embedResults && window.embedResults.api;").await;
    assert_eq!(
        api["result"]["recommended"]["min"],
        json!("266666.67"),
        "{api}"
    );
    assert_eq!(api["result"]["recommended"]["max"], json!("333333.33"));
    assert_eq!(api["result"]["item"]["code"], json!("ZL-64"));
    let text = api["text"]["text"].as_str().unwrap_or_default();
    assert!(text.contains("违法事实"), "{text}");
    let err = wait_text(&c, "#api-error", "unknown_item").await;
    assert!(err.contains("NO-SUCH-ITEM"), "{err}");

    // Typed errors and the other functions, straight from the page's module.
    let checks = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            (async () => {
              const m = await import("./cailiang.js");
              await m.init();
              const out = {};
              const grab = (f) => { try { f(); return null; } catch (e) {
                return { name: e.name, type: e.type, path: e.path, file: e.file, isError: e instanceof Error }; } };
              out.badJson = grab(() => m.evaluate("{not json"));
              out.badField = grab(() => m.evaluate({ items: ["ZL-64"], party: "legal_person", nope: 1 }));
              out.badFact = grab(() => m.evaluate({ items: ["ZL-64"], party: "legal_person", facts: { contract_price: "-5" } }));
              out.badPack = grab(() => m.loadPack('{"format_version": 1, "meta": {"id": ', "bad.json"));
              out.noDraft = null;
              const items = m.listItems();
              out.items = items.length;
              out.zl64 = items.find((i) => i.code === "ZL-64");
              const r = m.evaluate(JSON.stringify({ items: ["ZL-64"], party: "legal_person", facts: { contract_price: "10000000" }, tier: "B" }));
              out.viaText = r.recommended.min;
              const t1 = m.draftText().text;
              const t2 = m.draftText({ case: { items: ["ZL-64"], party: "legal_person", facts: { contract_price: "10000000" }, tier: "B" }, result: r }).text;
              out.sameText = t1 === t2;
              const local = await m.loadPackUrl("./packs/local-example-city.json");
              out.local = { id: local.id, items: local.items };
              out.mismatch = grab(() => m.draftText({ case: { items: ["ZL-64"], party: "legal_person" }, result: r }));
              m.resetPack();
              out.reset = m.packInfo().id;
              return out;
            })().then(done, (e) => done({ failed: String(e) }));"#,
            vec![],
        )
        .await
        .unwrap();
    assert!(checks.get("failed").is_none(), "{checks}");
    assert_eq!(checks["badJson"]["type"], json!("case"), "{checks}");
    assert_eq!(checks["badJson"]["name"], json!("CailiangError"));
    assert_eq!(checks["badJson"]["isError"], json!(true));
    assert_eq!(checks["badField"]["type"], json!("case"), "{checks}");
    assert_eq!(checks["badFact"]["type"], json!("bad_fact"), "{checks}");
    assert!(
        checks["badFact"]["path"]
            .as_str()
            .unwrap_or_default()
            .starts_with("$.facts.contract_price"),
        "{checks}"
    );
    assert_eq!(checks["badPack"]["type"], json!("format"), "{checks}");
    assert_eq!(checks["badPack"]["file"], json!("bad.json"));
    assert_eq!(checks["items"], json!(reference_codes().len()));
    assert_eq!(checks["zl64"]["facts"][0]["id"], json!("contract_price"));
    assert_eq!(checks["viaText"], json!("266666.67"));
    assert_eq!(checks["sameText"], json!(true));
    assert!(
        checks["local"]["items"].as_u64().unwrap_or(0) > 0,
        "{checks}"
    );
    assert_eq!(
        checks["mismatch"]["type"],
        json!("pack_mismatch"),
        "{checks}"
    );

    // 2. mount: the result through onResult, the app in the shadow root.
    let first = wait_js(
        &c,
        "const m = window.embedResults.mount; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    assert_eq!(
        first["result"]["recommended"]["min"],
        json!("266666.67"),
        "{first}"
    );
    assert_eq!(first["case"]["tier"], json!("B"));
    assert!(
        first["text"]
            .as_str()
            .unwrap_or_default()
            .contains("违法事实")
    );
    wait_js(
        &c,
        "const r = document.querySelector('#mount-here').shadowRoot.querySelector('#range-recommended');
         return r && r.textContent.includes('266,666.67');",
    )
    .await;
    // Styles: the host's (`div, p, label { color: #5a1e00 !important }`, Georgia) stay out; the
    // app's (`h1 { margin: 0 }`, its background) stay in.
    let styles = c
        .execute(
            "const root = document.querySelector('#mount-here').shadowRoot;
             const label = root.querySelector('label');
             const app = root.querySelector('.cailiang-root');
             return {
               labelColor: getComputedStyle(label).color,
               appFont: getComputedStyle(app).fontFamily,
               appSize: getComputedStyle(app).fontSize,
               hostH1Margin: getComputedStyle(document.querySelector('h1')).marginTop,
               hostBodyFont: getComputedStyle(document.body).fontFamily,
               hostBodyBg: getComputedStyle(document.body).backgroundColor,
             };",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(
        styles["labelColor"],
        json!("rgb(90, 30, 0)"),
        "宿主样式进入了挂载的应用：{styles}"
    );
    assert!(
        !styles["appFont"]
            .as_str()
            .unwrap_or_default()
            .contains("Georgia"),
        "{styles}"
    );
    assert_eq!(styles["appSize"], json!("15px"), "{styles}");
    assert_ne!(
        styles["hostH1Margin"],
        json!("0px"),
        "应用样式泄漏到宿主页面：{styles}"
    );
    assert!(
        styles["hostBodyFont"]
            .as_str()
            .unwrap_or_default()
            .contains("Georgia"),
        "{styles}"
    );

    // The officer works in the mounted app; onResult follows.
    let tier_c = c
        .execute(
            "const root = document.querySelector('#mount-here').shadowRoot;
             const label = [...root.querySelectorAll('.tiers label')].find((l) => l.textContent.startsWith('C'));
             if (!label) return null;
             label.click();
             return true;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(tier_c, json!(true), "找不到阶次 C");
    let after = wait_js(
        &c,
        "const m = window.embedResults.mount; const r = m[m.length - 1];
         return r.case.tier === 'C' ? r : null;",
    )
    .await;
    assert_ne!(
        after["result"]["recommended"]["min"],
        json!("266666.67"),
        "{after}"
    );
    // The host prefills through the handle.
    c.execute(
        "window.mountHandle.prefill({ items: ['ZL-64'], party: 'legal_person', facts: { contract_price: '20000000' }, tier: 'B' });",
        vec![],
    )
    .await
    .unwrap();
    let prefilled = wait_js(
        &c,
        "const m = window.embedResults.mount; const r = m[m.length - 1];
         return r.case.facts.contract_price === '20000000' ? r : null;",
    )
    .await;
    assert_eq!(
        prefilled["result"]["recommended"]["min"],
        json!("533333.34"),
        "{prefilled}"
    );

    // 3. iframe: ready → prefill → result, posted to this page's origin.
    let framed = wait_js(
        &c,
        "const m = window.embedResults.frame; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    assert_eq!(framed["type"], json!("cailiang:result"));
    assert_eq!(
        framed["result"]["recommended"]["min"],
        json!("266666.67"),
        "{framed}"
    );
    assert!(
        framed["text"]
            .as_str()
            .unwrap_or_default()
            .contains("违法事实")
    );
    // A bad case is answered with a typed error; select starts a case for an item.
    c.execute(
        "const f = document.getElementById('frame-app');
         f.contentWindow.postMessage({ type: 'cailiang:prefill', case: { items: ['ZL-64'] } }, location.origin);",
        vec![],
    )
    .await
    .unwrap();
    let err = wait_js(
        &c,
        "const e = window.embedResults.frameErrors; return e.length ? e[e.length - 1] : null;",
    )
    .await;
    assert_eq!(err["type"], json!("case"), "{err}");
    let other = reference_codes()
        .into_iter()
        .find(|code| code != "ZL-64")
        .unwrap();
    c.execute(
        &format!(
            "document.getElementById('frame-app').contentWindow.postMessage({{ type: 'cailiang:select', item: '{other}' }}, location.origin);"
        ),
        vec![],
    )
    .await
    .unwrap();
    wait_js(
        &c,
        &format!(
            "const d = document.getElementById('frame-app').contentDocument;
             const s = d && d.querySelector('.selected-item');
             return s && s.textContent.includes('{other}');"
        ),
    )
    .await;

    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}

/// The iframe across origins (the portal on 127.0.0.1, the calculator on localhost), and an
/// iframe that was told to trust another origin: it neither answers nor obeys.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iframe_across_origins_and_refused_origin() {
    let server = Server::start(&[("Access-Control-Allow-Origin", "*")]);
    let (c, _d) = start_browser().await;
    let app = format!("http://localhost:{}/", server.port);
    c.goto(&format!("{}embed-example.html?app={app}", server.base))
        .await
        .unwrap();
    let framed = wait_js(
        &c,
        "const m = window.embedResults.frame; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    assert_eq!(
        framed["result"]["recommended"]["min"],
        json!("266666.67"),
        "{framed}"
    );
    let mounted = wait_js(
        &c,
        "const m = window.embedResults.mount; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    assert_eq!(mounted["result"]["recommended"]["min"], json!("266666.67"));

    // An iframe of the app (same origin as this page, so the test can look inside) that only
    // trusts https://portal.invalid.
    let other = reference_codes()
        .into_iter()
        .find(|code| code != "ZL-64")
        .unwrap();
    c.execute(
        "window.strangerMessages = [];
         const f = document.createElement('iframe');
         f.id = 'stranger';
         f.src = 'index.html?allowOrigin=https://portal.invalid';
         window.addEventListener('message', (e) => { if (e.source === f.contentWindow) window.strangerMessages.push(e.data); });
         document.body.appendChild(f);",
        vec![],
    )
    .await
    .unwrap();
    wait_js(
        &c,
        "const d = document.getElementById('stranger').contentDocument;
         return d && d.documentElement.dataset.cailiangReady === 'true' && !!d.querySelector('#finder-q');",
    )
    .await;
    c.execute(
        &format!(
            "const w = document.getElementById('stranger').contentWindow;
             w.postMessage({{ type: 'cailiang:select', item: '{other}' }}, '*');
             w.postMessage({{ type: 'cailiang:prefill', case: {{ items: ['{other}'], party: 'legal_person' }} }}, '*');"
        ),
        vec![],
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let state = c
        .execute(
            "const d = document.getElementById('stranger').contentDocument;
             const s = d.querySelector('.selected-item');
             return { selected: s ? s.textContent : '', messages: window.strangerMessages.length };",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        !state["selected"]
            .as_str()
            .unwrap_or_default()
            .contains(&other),
        "来自未授权来源的消息被执行了：{state}"
    );
    assert_eq!(
        state["messages"],
        json!(0),
        "向未授权来源发送了消息：{state}"
    );
    let _ = c.close().await;
}

/// Two mounts on one page keep their own cases, and neither the mounts nor the iframe change
/// the stand-alone app's saved draft.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_mounts_keep_separate_cases_and_leave_the_saved_draft() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    // The officer's own draft in the stand-alone app.
    c.goto(&format!("{}?no-sw", server.base)).await.unwrap();
    compute_standard_case(&c).await;
    let draft_js = "return localStorage.getItem('cailiang.draft.v1');";
    let saved = wait_js(&c, draft_js).await;
    assert!(
        saved.as_str().unwrap_or_default().contains("ZL-64"),
        "{saved}"
    );

    // The example page mounts one app (ZL-64, 1,000 万元) and frames another; a second mount
    // with another case.
    c.goto(&format!("{}embed-example.html", server.base))
        .await
        .unwrap();
    wait_js(
        &c,
        "const m = window.embedResults.mount; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    let second = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            (async () => {
              const m = await import("./cailiang.js");
              const el = document.createElement("div");
              el.id = "mount-two";
              document.body.appendChild(el);
              window.secondResults = [];
              window.secondHandle = await m.mount(el, {
                initialCase: { items: ["ZL-64"], party: "legal_person", facts: { contract_price: "20000000" }, tier: "B" },
                onResult(p) { window.secondResults.push(p); },
              });
              return true;
            })().then(done, (e) => done({ failed: String(e) }));"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(second, json!(true), "{second}");
    let two = wait_js(
        &c,
        "const m = window.secondResults; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    assert_eq!(
        two["result"]["recommended"]["min"],
        json!("533333.34"),
        "{two}"
    );
    let shown = |id: &str| {
        format!(
            "const r = document.querySelector('#{id}').shadowRoot.querySelector('#range-recommended');
             return r ? r.textContent : null;"
        )
    };
    let first_shown = wait_js(&c, &shown("mount-here")).await;
    assert!(
        first_shown
            .as_str()
            .unwrap_or_default()
            .contains("266,666.67"),
        "第一个挂载的案件被第二个挂载改变了：{first_shown}"
    );
    wait_js(
        &c,
        "const r = document.querySelector('#mount-two').shadowRoot.querySelector('#range-recommended');
         return r && r.textContent.includes('533,333.34');",
    )
    .await;

    // Work in the second mount; the first neither changes nor reports.
    let first_count = c
        .execute("return window.embedResults.mount.length;", vec![])
        .await
        .unwrap();
    let other = reference_codes()
        .into_iter()
        .find(|code| code != "ZL-64")
        .unwrap();
    c.execute(&format!("window.secondHandle.select('{other}');"), vec![])
        .await
        .unwrap();
    wait_js(
        &c,
        &format!(
            "const s = document.querySelector('#mount-two').shadowRoot.querySelector('.selected-item');
             return s && s.textContent.includes('{other}');"
        ),
    )
    .await;
    let refused = c
        .execute(
            "try { window.secondHandle.select('NO-SUCH-ITEM'); return null; } catch (e) { return e.type; }",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(refused, json!("unknown_item"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let state = c
        .execute(
            "const root = document.querySelector('#mount-here').shadowRoot;
             return { selected: root.querySelector('.selected-item').textContent,
                      range: root.querySelector('#range-recommended').textContent,
                      reports: window.embedResults.mount.length };",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        state["selected"]
            .as_str()
            .unwrap_or_default()
            .contains("ZL-64"),
        "{state}"
    );
    assert!(
        state["range"]
            .as_str()
            .unwrap_or_default()
            .contains("266,666.67"),
        "{state}"
    );
    assert_eq!(
        state["reports"], first_count,
        "第一个挂载报告了第二个挂载的案件"
    );

    // The stand-alone app's draft is as the officer left it (the mounts and the iframe, which
    // was prefilled and changed, wrote nothing).
    wait_js(
        &c,
        "const m = window.embedResults.frame; return m.length ? m[m.length - 1] : null;",
    )
    .await;
    let after = c.execute(draft_js, vec![]).await.unwrap();
    assert_eq!(after, saved, "嵌入改变了单独使用时保存的草稿");
    c.execute(
        "window.secondHandle.unmount(); window.mountHandle.unmount();",
        vec![],
    )
    .await
    .unwrap();
    let gone = c
        .execute(
            "try { window.secondHandle.prefill({ items: ['ZL-64'], party: 'legal_person' }); return null; } catch (e) { return e.type; }",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(gone, json!("unmounted"));
    assert_no_csp_violation(&c, &d, &server).await;
    c.goto(&format!("{}?no-sw", server.base)).await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let _ = c.close().await;
}

/// Offline after the first visit: load once, cut the network (the server drops every
/// connection and DevTools emulates offline), reload, compute a case. Then a new build's worker
/// replaces the cache and deletes the old ones.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_after_first_visit_and_clean_update() {
    let server = Server::start(&[]);
    let (c, d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    wait_css(&c, "#finder-q").await;
    wait_for_worker(&c).await;
    let sw = std::fs::read_to_string(dist_dir().join("sw.js")).unwrap();
    let version = sw
        .lines()
        .find_map(|l| l.strip_prefix("const VERSION = \""))
        .and_then(|l| l.split('"').next())
        .expect("dist/sw.js 没有 VERSION")
        .to_string();
    assert_ne!(version, "dev", "dist/sw.js 未经 web/postbuild.py 处理");
    let keys_js = "const done = arguments[arguments.length - 1];
                   caches.keys().then(done, (e) => done('error: ' + e));";
    let keys = c.execute_async(keys_js, vec![]).await.unwrap();
    assert_eq!(keys, json!([format!("cailiang-{version}")]));

    // Offline.
    server.shared.offline.store(true, Ordering::SeqCst);
    cdp(&c, &d, "Network.enable", json!({})).await;
    cdp(
        &c,
        &d,
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    let served_before = server.shared.log.lock().unwrap().len();
    c.refresh().await.unwrap();
    compute_standard_case(&c).await;
    // Another page of the app, never visited, with a query string: the cached shell.
    c.goto(&format!("{}index.html?from=offline", server.base))
        .await
        .unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let online = c.execute("return navigator.onLine;", vec![]).await.unwrap();
    assert_eq!(online, json!(false), "DevTools 的离线模拟未生效");
    assert_eq!(
        server.shared.log.lock().unwrap().len(),
        served_before,
        "离线时仍从服务器取得了文件"
    );

    // Back online; a new build: its worker caches afresh and deletes this app's old caches
    // (and only those).
    cdp(
        &c,
        &d,
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    server.shared.offline.store(false, Ordering::SeqCst);
    let new_sw = sw.replace(
        &format!("const VERSION = \"{version}\";"),
        "const VERSION = \"next-build\";",
    );
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), new_sw.into_bytes());
    let keys = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               await caches.open('cailiang-stale-from-an-old-build');
               await caches.open('some-other-app');
               const reg = await navigator.serviceWorker.getRegistration();
               await reg.update();
               const w = reg.installing || reg.waiting || reg.active;
               // `activated`: after the activate handler (which deletes the old caches).
               await new Promise((r) => {
                 if (w.state === 'activated') return r();
                 w.addEventListener('statechange', () => { if (w.state === 'activated') r(); });
               });
               const script = navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL;
               return { keys: (await caches.keys()).sort(), controller: !!script };
             })().then(done, (e) => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        keys["keys"],
        json!(["cailiang-next-build", "some-other-app"]),
        "{keys}"
    );
    assert_eq!(keys["controller"], json!(true), "{keys}");
    c.refresh().await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let _ = c.close().await;
}

/// The single-file build opens from file:// and computes a case, with the JS API beside it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_file_build_from_file_url() {
    let dist = dist_dir();
    let dir = unique_dir("single");
    let out = dir.join("cailiang-single.html");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("bash")
        .arg(root.join("scripts/build-single"))
        .arg("--no-build")
        .arg(&out)
        .env("CAILIANG_DIST", &dist)
        .current_dir(root)
        .status()
        .expect("无法运行 scripts/build-single（需要 bash 和 python3）");
    assert!(status.success(), "scripts/build-single 失败");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains(" src=\""), "单文件版仍引用外部文件");
    assert!(
        !html.contains("documents.html"),
        "单文件版仍链接不在其旁的页面"
    );

    let (c, _d) = start_browser().await;
    let url = format!("file://{}", out.display());
    c.goto(&url).await.unwrap();
    compute_standard_case(&c).await;
    let api = c
        .execute(
            "return window.cailiang.evaluate({ items: ['ZL-64'], party: 'legal_person', facts: { contract_price: '10000000' }, tier: 'B' }).recommended;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(api["min"], json!("266666.67"), "{api}");
    let origin = c
        .execute("return location.protocol;", vec![])
        .await
        .unwrap();
    assert_eq!(origin, json!("file:"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = c.close().await;
}

/// The framed app under bad messages from the host it trusts: a case that is not JSON, of the
/// wrong shape, or missing; a `select` without its item; data that is not a message of ours; a
/// case the engine refuses (unknown item, dates out of order, a negative fact). Each of ours is
/// answered with a Chinese `cailiang:error` (with the JSON path where there is one), the others
/// are ignored, and the frame keeps working: a good `prefill` after them gives its result, on the
/// host's side and in the frame's own form. (A message from an origin it does not trust:
/// `iframe_across_origins_and_refused_origin`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frame_answers_bad_messages_in_chinese_and_keeps_working() {
    let server = Server::start(&[]);
    server.shared.overrides.lock().unwrap().insert(
        "host.html".into(),
        b"<!DOCTYPE html><meta charset=\"utf-8\"><title>host</title>".to_vec(),
    );
    let (c, _d) = start_browser().await;
    c.goto(&format!("{}host.html", server.base)).await.unwrap();
    let origin = server.base.trim_end_matches('/').to_string();
    c.execute(
        "window.fromFrame = [];
         const f = document.createElement('iframe');
         f.id = 'calc';
         f.src = 'index.html?allowOrigin=' + encodeURIComponent(arguments[0]);
         window.addEventListener('message', (e) => { if (e.source === f.contentWindow) window.fromFrame.push(e.data); });
         document.body.appendChild(f);
         return true;",
        vec![json!(origin)],
    )
    .await
    .unwrap();
    wait_js(
        &c,
        "return window.fromFrame.some((m) => m && m.type === 'cailiang:ready');",
    )
    .await;

    // Sends a message; returns the frame's first answer after it, or null within `wait_ms`.
    async fn send(c: &Client, msg: Value, wait_ms: u64) -> Value {
        let before = c
            .execute("return window.fromFrame.length;", vec![])
            .await
            .unwrap();
        c.execute(
            "document.getElementById('calc').contentWindow.postMessage(arguments[0], '*'); return true;",
            vec![msg],
        )
        .await
        .unwrap();
        let deadline = Instant::now() + Duration::from_millis(wait_ms);
        loop {
            let m = c
                .execute(
                    "return window.fromFrame[arguments[0]] || null;",
                    vec![before.clone()],
                )
                .await
                .unwrap();
            if !m.is_null() || Instant::now() > deadline {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let chinese = |s: &Value| {
        s.as_str()
            .unwrap_or_default()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    };

    let bad = [
        (
            json!({"type": "cailiang:prefill", "case": "{\"party\": "}),
            None,
        ),
        (
            json!({"type": "cailiang:prefill", "case": {"party": "dragon"}}),
            Some("$.party"),
        ),
        (json!({"type": "cailiang:prefill"}), None),
        (json!({"type": "cailiang:select"}), Some("$.item")),
        (
            json!({"type": "cailiang:prefill", "case": {"items": ["NO-SUCH-ITEM"], "party": "legal_person"}}),
            None,
        ),
        (
            json!({"type": "cailiang:prefill", "case": {"items": ["ZL-64"], "party": "legal_person",
                "facts": {"contract_price": "10000000"}, "tier": "B",
                "dates": {"occurred": "2025-05-01", "discovered": "2025-04-01"}}}),
            Some("$.dates"),
        ),
        (
            json!({"type": "cailiang:prefill", "case": {"items": ["ZL-64"], "party": "legal_person",
                "facts": {"contract_price": "-5"}, "tier": "B"}}),
            None,
        ),
    ];
    for (msg, path) in bad {
        let answer = send(&c, msg.clone(), TIMEOUT.as_millis() as u64).await;
        assert_eq!(answer["type"], json!("cailiang:error"), "{msg} → {answer}");
        assert!(chinese(&answer["error"]["message"]), "{msg} → {answer}");
        if let Some(p) = path {
            assert_eq!(answer["error"]["path"], json!(p), "{msg} → {answer}");
        }
    }
    // Not messages of ours: no answer, no effect.
    for msg in [
        json!("cailiang:prefill"),
        json!(null),
        json!(42),
        json!({"type": 7}),
        json!([1]),
    ] {
        let answer = send(&c, msg.clone(), 800).await;
        assert!(answer.is_null(), "{msg} → {answer}");
    }

    let answer = send(
        &c,
        json!({"type": "cailiang:prefill", "case": {"items": ["ZL-64"], "party": "legal_person",
            "facts": {"contract_price": "10000000"}, "tier": "B"}}),
        TIMEOUT.as_millis() as u64,
    )
    .await;
    assert_eq!(answer["type"], json!("cailiang:result"), "{answer}");
    assert_eq!(answer["result"]["recommended"]["min"], json!("266666.67"));
    wait_js(
        &c,
        "const d = document.getElementById('calc').contentDocument;
         const r = d && d.querySelector('#range-recommended');
         return !!r && r.textContent.includes('266,666.67') && !d.querySelector('#crash-banner');",
    )
    .await;
    let _ = c.close().await;
}
