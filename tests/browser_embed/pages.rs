//! The pages loaded on demand (documents.html, import.html, review.html; src/app/pages):
//!
//! - the officer's page never requests their modules (nor does its service worker precache
//!   them), and links to them (not in iframe mode);
//! - each page loads its own module under the Content-Security-Policy, shows its heading and the
//!   pack the officer's page uses (the embedded one, then a loaded one), and the 文书 page the
//!   current case; each links back to the calculator;
//! - a page opened once works offline, also after an update of the service worker; one never
//!   opened says so offline; one opened on the very first visit to the site is kept too.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use super::support::{
    Driver, Server, TIMEOUT, cdp, dist_dir, start_browser, text, wait_css, wait_text,
};
use super::{CSP, assert_no_csp_violation, compute_standard_case, wait_for_worker};

/// Each page: its file, its module's name prefix, its heading.
const PAGES: [(&str, &str, &str); 3] = [
    ("documents.html", "docs-", "文书"),
    ("import.html", "tools-", "基准导入"),
    ("review.html", "tools-", "案卷评查"),
];

pub(super) fn pack_meta(file: &str) -> (String, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let pack: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let meta = &pack["meta"];
    (
        meta["title"].as_str().unwrap().to_string(),
        meta["edition"].as_str().unwrap().to_string(),
    )
}

/// The paths the server has served since `from`.
pub(super) fn served(server: &Server, from: usize) -> Vec<String> {
    server.shared.log.lock().unwrap()[from..].to_vec()
}

pub(super) fn served_count(server: &Server) -> usize {
    server.shared.log.lock().unwrap().len()
}

/// Waits for the page's heading and checks the header shows `title` / `edition` / `hash`.
pub(super) async fn assert_page(c: &Client, heading: &str, title: &str, edition: &str, hash: &str) {
    wait_text(c, "#page-heading", heading).await;
    wait_text(c, "#pack-title", title).await;
    assert_eq!(text(c, "#pack-edition").await, edition);
    let shown = text(c, "#pack-hash").await;
    assert!(shown.contains(&hash[..12]), "摘要应为 {hash}：{shown}");
    let back = wait_css(c, "#back-to-calculator").await;
    assert_eq!(back.attr("href").await.unwrap().as_deref(), Some("./"));
}

/// Cache name → the file names it holds.
async fn cached(c: &Client) -> Value {
    c.execute_async(
        "const done = arguments[arguments.length - 1];
         (async () => {
           const out = {};
           for (const key of await caches.keys()) {
             const cache = await caches.open(key);
             out[key] = (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop()).sort();
           }
           return out;
         })().then(done, (e) => done('error: ' + e));",
        vec![],
    )
    .await
    .unwrap()
}
/// Serves a new build (its sw.js with another VERSION), lets its worker install and take over,
/// and returns every cache and the file names of the new build's.
async fn update_to_next_build(c: &Client, server: &Server) -> (Value, Vec<Value>) {
    let sw = std::fs::read_to_string(dist_dir().join("sw.js")).unwrap();
    let version = sw
        .lines()
        .find_map(|l| l.strip_prefix("const VERSION = \""))
        .and_then(|l| l.split('"').next())
        .unwrap()
        .to_string();
    server.shared.overrides.lock().unwrap().insert(
        "sw.js".into(),
        sw.replace(
            &format!("const VERSION = \"{version}\";"),
            "const VERSION = \"next-build\";",
        )
        .into_bytes(),
    );
    let updated = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const reg = await navigator.serviceWorker.getRegistration();
               await reg.update();
               const w = reg.installing || reg.waiting || reg.active;
               await new Promise((r) => {
                 if (w.state === 'activated') return r();
                 w.addEventListener('statechange', () => { if (w.state === 'activated') r(); });
               });
               return true;
             })().then(done, (e) => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(updated, json!(true));
    let cache = cached(c).await;
    let files = cache["cailiang-next-build"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("新缓存不存在：{cache}"));
    (cache, files)
}

/// Both the server and DevTools offline (or back online).
async fn set_offline(c: &Client, d: &Driver, server: &Server, offline: bool) {
    server.shared.offline.store(offline, Ordering::SeqCst);
    cdp(c, d, "Network.enable", json!({})).await;
    cdp(
        c,
        d,
        "Network.emulateNetworkConditions",
        json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
}

/// The officer's page, with its service worker installed, has fetched none of the pages loaded
/// on demand nor their modules; its header links to the three pages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn officer_page_does_not_load_the_page_modules() {
    let server = Server::start(&[]);
    let (c, _d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    wait_for_worker(&c).await;
    compute_standard_case(&c).await;
    let log = served(&server, 0);
    assert!(
        log.iter()
            .any(|p| p.starts_with("app-") && p.ends_with("_bg.wasm")),
        "服务器记录中没有计算器自身的 wasm，记录无效：{log:?}"
    );
    let cache = cached(&c).await;
    let precached = cache.as_object().unwrap().values().next().unwrap();
    assert!(
        precached
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "index.html"),
        "{cache}"
    );
    for (page, module, _) in PAGES {
        for p in &log {
            assert!(
                p != page
                    && !p.starts_with(module)
                    && !p.starts_with("api-")
                    && !p.starts_with("check-"),
                "计算器页面（或其 service worker）请求了按需加载的 {p}：{log:?}"
            );
        }
        assert!(
            !precached.as_array().unwrap().iter().any(|f| f == page),
            "{page} 被预缓存：{cache}"
        );
    }
    let links = c
        .execute(
            "return [...document.querySelectorAll('#site-nav a')].map((a) => [a.getAttribute('href'), a.textContent]);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        links,
        json!([
            ["./", "计算器"],
            ["documents.html", "文书"],
            ["import.html", "基准导入"],
            ["review.html", "案卷评查"]
        ])
    );
    // In iframe mode the links would take the frame away from its host: boot.js removes them.
    c.goto(&format!(
        "{}index.html?allowOrigin=https://portal.example",
        server.base
    ))
    .await
    .unwrap();
    wait_css(&c, "#finder-q").await;
    let nav = c
        .execute(
            "return document.getElementById('site-nav') === null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(nav, json!(true), "iframe 模式下仍显示页面链接");
    let _ = c.close().await;
}

/// From the officer's header to each page and back, under the policy: each page loads its own
/// module only, shows its heading and the active pack (the embedded one, then the example pack
/// loaded on the officer's page), and the 文书 page shows the current case.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_under_csp_show_the_active_pack_and_the_case() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    // The pages register the worker (the links carry no `?no-sw`): one that does nothing, so
    // that the server's log holds only what the pages fetch (the worker is tested below).
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), b"// no-op".to_vec());
    let (c, d) = start_browser().await;
    let (ref_title, ref_edition) = pack_meta("benchmarks/national-reference.json");
    let ref_hash = cailiang::REFERENCE_PACK_HASH;
    c.goto(&format!("{}?no-sw", server.base)).await.unwrap();
    compute_standard_case(&c).await;

    for (page, module, heading) in PAGES {
        let before = served_count(&server);
        let link = wait_css(&c, &format!("#site-nav a[href='{page}']")).await;
        link.click().await.unwrap();
        assert_page(&c, heading, &ref_title, &ref_edition, ref_hash).await;
        let url = c.current_url().await.unwrap();
        assert!(url.path().ends_with(page), "{url}");
        let log = served(&server, before);
        assert!(
            log.iter()
                .any(|p| p.starts_with(module) && p.ends_with("_bg.wasm")),
            "{page} 未加载其模块 {module}：{log:?}"
        );
        assert!(
            !log.iter()
                .any(|p| p.ends_with(".wasm") && !p.starts_with(module)),
            "{page} 加载了别的模块：{log:?}"
        );
        let inline = c
            .execute(
                "return document.querySelectorAll('script:not([src])').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(inline, json!(0), "{page} 含内联脚本");
        if page == "documents.html" {
            wait_text(&c, "#current-item", "ZL-64").await;
            assert_eq!(text(&c, "#current-outcome").await, "罚款");
        }
        c.find(Locator::Id("back-to-calculator"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        // Back on the officer's page, the case as it was.
        wait_text(&c, "#range-recommended", "266,666.67").await;
    }

    // Another pack on the officer's page: every page follows it.
    let (city_title, city_edition) = pack_meta("benchmarks/local-example-city.json");
    let city_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/local-example-city.json"),
    )
    .unwrap();
    let city = cailiang::load_pack("local-example-city.json", &city_text).unwrap();
    wait_css(&c, "#load-example-pack")
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, "#pack-title", &city_title).await;
    wait_css(&c, "#site-nav a[href='import.html']")
        .await
        .click()
        .await
        .unwrap();
    assert_page(&c, "基准导入", &city_title, &city_edition, &city.hash).await;
    assert!(
        text(&c, ".packbar")
            .await
            .contains("local-example-city.json")
    );
    // Between the pages, through their own header.
    for (page, _, heading) in PAGES {
        wait_css(&c, &format!("#site-nav a[href='{page}']"))
            .await
            .click()
            .await
            .unwrap();
        assert_page(&c, heading, &city_title, &city_edition, &city.hash).await;
        let current = wait_css(&c, "#site-nav a[aria-current='page']").await;
        assert_eq!(current.text().await.unwrap(), heading);
    }
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}

/// Offline, with the service worker: a page opened once works (its module from the cache), a
/// page never opened says so, and after an update the new worker keeps the page that was used.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_opened_once_works_offline_also_after_an_update() {
    let server = Server::start(&[]);
    let (c, d) = start_browser().await;
    let (ref_title, ref_edition) = pack_meta("benchmarks/national-reference.json");
    let ref_hash = cailiang::REFERENCE_PACK_HASH;
    c.goto(&server.base).await.unwrap();
    wait_for_worker(&c).await;
    c.goto(&format!("{}review.html", server.base))
        .await
        .unwrap();
    assert_page(&c, "案卷评查", &ref_title, &ref_edition, ref_hash).await;

    set_offline(&c, &d, &server, true).await;
    c.refresh().await.unwrap();
    assert_page(&c, "案卷评查", &ref_title, &ref_edition, ref_hash).await;
    // import.html shares review.html's module, but the page itself was never opened.
    c.goto(&format!("{}import.html", server.base))
        .await
        .unwrap();
    wait_text(&c, "[role=alert]", "尚未保存到本机").await;
    c.find(Locator::LinkText("返回计算器"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    compute_standard_case(&c).await;

    // A new build: its worker caches review.html and its module again, not the others.
    set_offline(&c, &d, &server, false).await;
    let (cache, files) = update_to_next_build(&c, &server).await;
    assert_eq!(cache.as_object().unwrap().len(), 1, "旧缓存未删除：{cache}");
    let has = |f: &dyn Fn(&str) -> bool| files.iter().any(|v| f(v.as_str().unwrap()));
    assert!(has(&|f| f == "review.html"), "{cache}");
    assert!(
        has(&|f| f.starts_with("tools-") && f.ends_with("_bg.wasm")),
        "{cache}"
    );
    assert!(
        !has(&|f| f == "import.html" || f == "documents.html"),
        "{cache}"
    );
    assert!(!has(&|f| f.starts_with("docs-")), "{cache}");

    set_offline(&c, &d, &server, true).await;
    c.goto(&format!("{}review.html?after-update", server.base))
        .await
        .unwrap();
    assert_page(&c, "案卷评查", &ref_title, &ref_edition, ref_hash).await;
    let _ = c.close().await;
}

/// A page that is the first of the site a browser opens: the worker starts after the page has
/// fetched its files, and keeps them when the page asks (boot.js), so it works offline after.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_opened_on_the_first_visit_is_kept_for_offline() {
    let server = Server::start(&[]);
    let (c, d) = start_browser().await;
    c.goto(&format!("{}documents.html", server.base))
        .await
        .unwrap();
    wait_text(&c, "#page-heading", "文书").await;
    wait_text(&c, "#current-case-empty", "当前没有正在填写的案件").await;
    let kept = "const done = arguments[arguments.length - 1];
         (async () => {
           for (const key of await caches.keys()) {
             const names = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
             if (names.some((n) => n.endsWith('/documents.html'))
                 && names.some((n) => /\\/docs-[0-9a-f]+_bg\\.wasm$/.test(n))) return true;
           }
           return false;
         })().then(done, () => done(false));";
    let deadline = Instant::now() + TIMEOUT;
    while c.execute_async(kept, vec![]).await.unwrap() != json!(true) {
        assert!(
            Instant::now() < deadline,
            "service worker 未缓存首次打开的 documents.html 及其模块"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    set_offline(&c, &d, &server, true).await;
    c.refresh().await.unwrap();
    wait_text(&c, "#page-heading", "文书").await;
    wait_text(&c, "#current-case-empty", "当前没有正在填写的案件").await;
    let _ = c.close().await;
}

/// The officer's own on-demand module (`check`: the pack validator and 提交前自查) is cached when
/// first used: a pack the officer loads is validated offline too (under the CSP), and a new
/// build's worker carries the module over to its cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_check_module_works_offline_once_used_and_after_an_update() {
    let server = Server::start(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    wait_for_worker(&c).await;
    let cache = cached(&c).await;
    let precached = cache.as_object().unwrap().values().next().unwrap().clone();
    assert!(
        !precached
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap().starts_with("check-")),
        "校验模块被预缓存：{cache}"
    );
    // The example pack, validated in the module (fetched now, through the worker).
    let example: Value =
        serde_json::from_str(include_str!("../../benchmarks/local-example-city.json")).unwrap();
    let example_title = example["meta"]["title"].as_str().unwrap().to_string();
    wait_css(&c, "#load-example-pack")
        .await
        .click()
        .await
        .unwrap();
    wait_text(&c, "#pack-title", &example_title).await;
    let cache = cached(&c).await;
    let files = cache.as_object().unwrap().values().next().unwrap().clone();
    assert!(
        files
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap().starts_with("check-")
                && f.as_str().unwrap().ends_with("_bg.wasm")),
        "校验模块未被缓存：{cache}"
    );

    // Offline, after a reload: a pack the validator refuses is refused there too, with its path.
    set_offline(&c, &d, &server, true).await;
    c.refresh().await.unwrap();
    wait_text(&c, "#pack-title", &example_title).await;
    let mut bad: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    bad["items"][0]["tiers"][0]["outcome"]["band"] = json!("no_such_band");
    let dir = super::support::unique_dir("offline-check");
    let path = dir.join("离线载入.json");
    std::fs::write(&path, bad.to_string()).unwrap();
    wait_css(&c, "#pack-file-input")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
    let report = wait_text(&c, "#pack-report", "离线载入.json").await;
    assert!(
        report.contains("$.items[0].tiers[0].outcome.band"),
        "{report}"
    );
    assert_eq!(text(&c, "#pack-title").await, example_title);
    set_offline(&c, &d, &server, false).await;

    // A new build: its worker fetches the check module the old cache held.
    let (cache, files) = update_to_next_build(&c, &server).await;
    assert!(
        files
            .iter()
            .any(|f| f.as_str().unwrap().starts_with("check-")
                && f.as_str().unwrap().ends_with("_bg.wasm")),
        "新版本的缓存没有带上校验模块：{cache}"
    );
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = std::fs::remove_dir_all(&dir);
    let _ = c.close().await;
}
