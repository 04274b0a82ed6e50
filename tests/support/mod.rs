//! The harness shared by the browser test targets (`tests/browser`, `tests/browser_embed`):
//! a small static server for `dist/` on loopback (optionally adding response headers, going
//! "offline", serving replaced files and collecting CSP reports), chromedriver with headless
//! Chromium, raw WebDriver / CDP calls, and the wait helpers. Each target includes it with
//! `#[path = "../support/mod.rs"] mod support;` and uses a subset.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// How long every wait gives the browser.
pub const TIMEOUT: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------------
// Static server for dist/, with headers, an offline switch and replaceable files

pub fn dist_dir() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "dist/index.html 不存在：请先运行 scripts/build-web（trunk build --release）再运行浏览器测试"
    );
    dist
}

pub fn content_type(path: &str) -> &'static str {
    match Path::new(path).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// State shared between a [`Server`] and its threads.
#[derive(Default)]
pub struct Shared {
    /// Headers added to every response.
    pub headers: Vec<(String, String)>,
    /// Files served instead of dist/ (path without the leading slash → body).
    pub overrides: Mutex<HashMap<String, Vec<u8>>>,
    /// While set, connections are dropped without a response.
    pub offline: AtomicBool,
    /// Requests that arrived while offline.
    pub refused: AtomicUsize,
    /// Paths served, in order.
    pub log: Mutex<Vec<String>>,
    /// Bodies POSTed to /csp-report.
    pub csp_reports: Mutex<Vec<String>>,
}

fn respond(mut stream: TcpStream, root: &Path, shared: &Shared) {
    if shared.offline.load(Ordering::SeqCst) {
        shared.refused.fetch_add(1, Ordering::SeqCst);
        let _ = stream.shutdown(Shutdown::Both);
        return;
    }
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.trim_start_matches('/').to_string();

    let (status, body, ctype): (&str, Vec<u8>, &str) = if method == "POST" && rel == "csp-report" {
        let mut body = vec![0u8; length.min(1 << 20)];
        let _ = reader.read_exact(&mut body);
        if let Ok(mut r) = shared.csp_reports.lock() {
            r.push(String::from_utf8_lossy(&body).into_owned());
        }
        ("204 No Content", Vec::new(), "text/plain")
    } else {
        let rel = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel
        };
        let safe = !rel.split('/').any(|seg| seg == "..");
        let overridden = shared
            .overrides
            .lock()
            .ok()
            .and_then(|o| o.get(&rel).cloned());
        let found = overridden.or_else(|| std::fs::read(root.join(&rel)).ok());
        match found {
            Some(bytes) if safe && method == "GET" => {
                if let Ok(mut l) = shared.log.lock() {
                    l.push(rel.clone());
                }
                ("200 OK", bytes, content_type(&rel))
            }
            _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        }
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in &shared.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let mut sink = [0u8; 512];
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = stream.read(&mut sink);
}

/// A running server for dist/: its base URL, its port and what it shares with its threads.
pub struct Server {
    pub base: String,
    pub port: u16,
    pub shared: Arc<Shared>,
}

impl Server {
    /// Serves dist/ on 127.0.0.1 (also reachable as `localhost`, another origin) from a
    /// background thread, adding `headers` to every response.
    pub fn start(headers: &[(&str, &str)]) -> Server {
        let root = dist_dir();
        let shared = Arc::new(Shared {
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Shared::default()
        });
        let listener = TcpListener::bind("127.0.0.1:0").expect("无法在本机回环地址上监听");
        let port = listener.local_addr().unwrap().port();
        let s = shared.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let s = s.clone();
                std::thread::spawn(move || respond(stream, &root, &s));
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}/"),
            port,
            shared,
        }
    }
}

/// Serves dist/ as it is (no extra headers); returns the base URL.
pub fn serve_dist() -> String {
    Server::start(&[]).base
}

// ---------------------------------------------------------------------------------------------
// chromedriver and the browser session

pub struct Driver {
    child: Child,
    profile: PathBuf,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

pub fn chromedriver_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CHROMEDRIVER") {
        return PathBuf::from(p);
    }
    if let Some(paths) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&paths) {
            let p = dir.join("chromedriver");
            if p.is_file() {
                return p;
            }
        }
    }
    PathBuf::from("/usr/bin/chromedriver")
}

pub fn chrome_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROME") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("找不到空闲端口")
}

pub fn unique_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!(
        "cailiang-e2e-{tag}-{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("无法创建临时目录");
    dir
}

/// Starts chromedriver and a headless Chromium that keeps the browser console log.
pub async fn start_browser() -> (Client, Driver) {
    let exe = chromedriver_path();
    assert!(
        exe.is_file(),
        "找不到 chromedriver（{}）：请安装 chromium-driver 或设置 CHROMEDRIVER",
        exe.display()
    );
    let port = free_port();
    let child = Command::new(&exe)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("无法启动 chromedriver（{}）：{e}", exe.display()));
    let profile = unique_dir("profile");
    let driver = Driver {
        child,
        profile,
        port,
    };

    let deadline = Instant::now() + TIMEOUT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver 未在 {TIMEOUT:?} 内就绪"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let mut options = json!({
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--window-size=1280,900",
            format!("--user-data-dir={}", driver.profile.display()),
        ]
    });
    if let Some(chrome) = chrome_path() {
        options["binary"] = json!(chrome.display().to_string());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), options);
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("无法与 chromedriver 建立会话");
    (client, driver)
}

/// A raw WebDriver call to chromedriver (for its vendor endpoints: CDP commands, browser log).
pub fn wd_raw(port: u16, method: &str, path: &str, body: &Value) -> Result<Value, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
    let body = body.to_string();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    // chromedriver may keep the connection open: read the head, then Content-Length bytes (or
    // chunks).
    let mut reader = BufReader::new(s);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Err("chromedriver 未返回响应".into());
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse::<usize>().ok();
            } else if k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked") {
                chunked = true;
            }
        }
    }
    let mut bytes = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            let mut chunk = vec![0u8; n + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            bytes.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = length {
        bytes.resize(n, 0);
        reader.read_exact(&mut bytes).map_err(|e| e.to_string())?;
    } else {
        reader.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    }
    let body = String::from_utf8_lossy(&bytes).into_owned();
    serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))
}

pub async fn session_path(c: &Client) -> String {
    let id = c
        .session_id()
        .await
        .ok()
        .flatten()
        .expect("没有 WebDriver 会话");
    format!("/session/{id}")
}

/// Runs a Chrome DevTools Protocol command through chromedriver.
pub async fn cdp(c: &Client, d: &Driver, cmd: &str, params: Value) -> Value {
    let path = format!("{}/goog/cdp/execute", session_path(c).await);
    let port = d.port;
    let body = json!({ "cmd": cmd, "params": params });
    let out = tokio::task::spawn_blocking(move || wd_raw(port, "POST", &path, &body))
        .await
        .expect("线程失败")
        .unwrap_or_else(|e| panic!("CDP {cmd} 失败：{e}"));
    assert!(out["value"].get("error").is_none(), "CDP {cmd} 失败：{out}");
    out
}

/// The browser console entries so far (chromedriver clears them on read).
pub async fn console_log(c: &Client, d: &Driver) -> Vec<String> {
    let path = format!("{}/se/log", session_path(c).await);
    let port = d.port;
    let out = tokio::task::spawn_blocking(move || {
        wd_raw(port, "POST", &path, &json!({ "type": "browser" }))
    })
    .await
    .expect("线程失败")
    .unwrap_or_else(|e| panic!("无法读取浏览器控制台日志：{e}"));
    out["value"]
        .as_array()
        .unwrap_or_else(|| panic!("浏览器控制台日志不是数组：{out}"))
        .iter()
        .map(|e| format!("{} {}", e["level"], e["message"]))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Wait helpers

pub async fn wait_css(c: &Client, css: &str) -> Element {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            return e;
        }
        assert!(Instant::now() < deadline, "等待元素 {css} 超时");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the element's text contains `needle`; returns the text.
pub async fn wait_text(c: &Client, css: &str, needle: &str) -> String {
    let deadline = Instant::now() + TIMEOUT;
    let mut last = String::new();
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(t) = e.text().await {
                if t.contains(needle) {
                    return t;
                }
                last = t;
            }
        }
        assert!(
            Instant::now() < deadline,
            "等待 {css} 出现“{needle}”超时；当前文本：{last}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn text(c: &Client, css: &str) -> String {
    wait_css(c, css).await.text().await.unwrap_or_default()
}

/// Replaces the Clipboard API's writeText with a recorder: what the app copies lands in
/// `window.__copied`.
pub async fn record_clipboard(c: &Client) {
    c.execute(
        "window.__copied = null; \
         navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); }; \
         return true;",
        vec![],
    )
    .await
    .expect("无法替换剪贴板接口");
}

/// Waits for the app to copy text (after [`record_clipboard`]) and returns it.
pub async fn copied(c: &Client) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let v = c
            .execute(
                "const t = window.__copied; window.__copied = null; return t;",
                vec![],
            )
            .await
            .expect("无法读取复制的文本");
        if let Some(t) = v.as_str() {
            return t.to_string();
        }
        assert!(Instant::now() < deadline, "等待复制超时");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the first element matching `css` whose text contains `needle`.
pub async fn click_containing(c: &Client, css: &str, needle: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        for e in c.find_all(Locator::Css(css)).await.unwrap_or_default() {
            if e.text().await.unwrap_or_default().contains(needle) {
                e.click().await.expect("点击失败");
                return;
            }
        }
        assert!(Instant::now() < deadline, "找不到包含“{needle}”的 {css}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The input labelled `label` (a `<label for>` whose text is exactly the label).
pub async fn input_by_label(c: &Client, label: &str) -> Element {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        for l in c
            .find_all(Locator::Css("label[for]"))
            .await
            .unwrap_or_default()
        {
            if l.text().await.unwrap_or_default().trim() == label {
                let id = l.attr("for").await.ok().flatten().expect("label 没有 for");
                return c
                    .find(Locator::Id(&id))
                    .await
                    .unwrap_or_else(|_| panic!("找不到标签“{label}”对应的输入框 #{id}"));
            }
        }
        assert!(Instant::now() < deadline, "找不到标签“{label}”");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
