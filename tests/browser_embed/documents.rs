//! The 文书 page and the case library, through the page as the officer uses them:
//!
//! - a case entered in the calculator, a 陈述申辩 not adopted and a departure with its approval
//!   entered on the 文书 page; the 决定书 downloaded (Chromium's download directory, set over
//!   CDP) and its unzipped XML read for the amounts in figures and 大写, the cited articles, the
//!   statement and the departure's reason; the inputs kept across a reload; the print view;
//! - the library: an old LocalStorage recent-case list migrated (once), 类案 with the 同案同罚
//!   note, search, a reload, export as JSON lines and CSV, delete and import back (the export
//!   after is the same text), a case continued in the calculator;
//! - a full store (simulated in the page's JS: IndexedDB's `put` throws `QuotaExceededError`,
//!   see [`fill_store`]; nothing in the product reads a test switch): the 文书 page and the
//!   calculator each say so, and the case and its inputs survive a reload.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use super::support::{
    Driver, Server, TIMEOUT, cdp, start_browser, text, unique_dir, wait_css, wait_text,
};
use super::{CSP, assert_no_csp_violation, compute_standard_case, wait_js};

/// A server whose service worker does nothing (the worker is tested in [`super::pages`]).
fn server(headers: &[(&str, &str)]) -> Server {
    let server = Server::start(headers);
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("sw.js".into(), b"// no-op".to_vec());
    server
}

/// Types into a text input or textarea (clearing it first), as the officer does.
async fn type_into(c: &Client, css: &str, value: &str) {
    let e = wait_css(c, css).await;
    e.clear().await.unwrap();
    e.send_keys(value).await.unwrap();
}

/// Sets a date input or a select, with the `change` event the browser sends.
async fn choose(c: &Client, css: &str, value: &str) {
    wait_css(c, css).await;
    c.execute(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1];
         e.dispatchEvent(new Event('change', { bubbles: true })); return e.value;",
        vec![json!(css), json!(value)],
    )
    .await
    .unwrap();
}

async fn value(c: &Client, css: &str) -> String {
    c.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
        vec![json!(css)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Downloads go to `dir` (Chromium's download behaviour, over CDP).
async fn download_to(c: &Client, d: &Driver, dir: &Path) {
    cdp(
        c,
        d,
        "Page.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
    )
    .await;
}

/// Waits for a finished download whose name ends with `suffix`; returns its path.
async fn downloaded(dir: &Path, suffix: &str) -> PathBuf {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let found = std::fs::read_dir(dir)
            .ok()
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(suffix));
        // Chromium reserves the final name with an empty file while it writes to a
        // .crdownload beside it: the download is there once that is gone and the file has bytes.
        let writing = std::fs::read_dir(dir)
            .ok()
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.path().to_string_lossy().ends_with(".crdownload"));
        if let Some(p) =
            found.filter(|p| !writing && std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
        {
            return p;
        }
        let all: Vec<_> = std::fs::read_dir(dir)
            .map(|r| r.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(Instant::now() < deadline, "下载未完成（{suffix}）：{all:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The paragraphs of a .docx's word/document.xml, their runs joined and entities decoded.
fn docx_paragraphs(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip =
        zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{} 不是 zip：{e}", path.display()));
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let mut out = String::new();
            let mut rest = p;
            while let Some(i) = rest.find("<w:t") {
                rest = &rest[i..];
                let Some(open) = rest.find('>') else { break };
                rest = &rest[open + 1..];
                let end = rest.find("</w:t>").unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            out.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// On the calculator: the standard case (ZL-64, 10,000,000 元, tier B) for `party`, with an
/// intended fine.
async fn enter_case(c: &Client, party: &str, fine: &str) {
    compute_standard_case(c).await;
    type_into(c, "#case-label", party).await;
    type_into(c, "#intended-fine", fine).await;
    wait_css(c, "#intended-fine-capital").await;
}

async fn open_documents(c: &Client, server: &Server) {
    c.goto(&format!("{}documents.html", server.base))
        .await
        .unwrap();
    wait_text(c, "#page-heading", "文书").await;
}

async fn library_count(c: &Client) -> usize {
    c.find_all(Locator::Css("#library-list .library-case"))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

async fn wait_library_count(c: &Client, n: usize) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let got = library_count(c).await;
        if got == n {
            return;
        }
        let shown = c.find(Locator::Id("library")).await.ok();
        let t = match shown {
            Some(e) => e.text().await.unwrap_or_default(),
            None => String::new(),
        };
        assert!(
            Instant::now() < deadline,
            "案件库应有 {n} 件，显示 {got} 件：{t}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The 决定书 of a case with a departure approved and a 陈述申辩 not adopted, downloaded and
/// read back; the inputs survive a reload; no policy violation on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_decision_docx_from_the_page() {
    let server = server(&[("Content-Security-Policy", CSP)]);
    let (c, d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    // 350,000 元: inside the statute (200,000–400,000), outside tier B (266,666.67–333,333.33).
    enter_case(&c, "示例建设工程有限公司", "350000").await;
    open_documents(&c, &server).await;
    wait_text(&c, "#current-item", "ZL-64").await;
    wait_css(&c, "#departure-needed").await;
    let warn = wait_text(&c, "#doc-decision-warnings", "偏离理由").await;
    assert!(warn.contains("集体讨论"), "{warn}");

    type_into(&c, "#in-authority", "示例市住房和城乡建设局").await;
    type_into(&c, "#in-party-name", "示例建设工程有限公司").await;
    type_into(&c, "#in-case-number", "示建立〔2025〕12号").await;
    type_into(&c, "#in-decision-number", "示建罚决〔2025〕12号").await;
    choose(&c, "#in-filed", "2025-06-02").await;
    wait_css(&c, "#add-evidence").await.click().await.unwrap();
    type_into(&c, "#in-evidence-item-0", "《现场检查笔录》").await;
    type_into(
        &c,
        "#in-evidence-proves-0",
        "当事人在施工现场使用未经检验的钢筋",
    )
    .await;
    choose(&c, "#in-statement", "made").await;
    type_into(&c, "#in-statement-summary", "钢筋已全部更换，请求免予处罚").await;
    choose(&c, "#in-adoption", "not_adopted").await;
    type_into(
        &c,
        "#in-statement-reason",
        "事后更换钢筋不影响违法事实的认定",
    )
    .await;
    choose(&c, "#in-hearing", "no").await;
    type_into(
        &c,
        "#in-departure-reason",
        "涉案钢筋用于学校教学楼主体结构，社会影响较大",
    )
    .await;
    // With a reason but no approval, the warning stays.
    wait_text(&c, "#doc-decision-warnings", "须经本机关负责人批准").await;
    choose(&c, "#in-approval-by", "collective").await;
    choose(&c, "#in-approval-date", "2025-06-28").await;
    type_into(&c, "#in-approval-ref", "示建集议〔2025〕7号").await;
    // Approved: only the reference pack's warning is left.
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let w = text(&c, "#doc-decision-warnings").await;
        if !w.contains("偏离") && !w.contains("批准") {
            assert!(w.contains("参考示例"), "{w}");
            break;
        }
        assert!(Instant::now() < deadline, "批准后仍有偏离警告：{w}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    let dir = unique_dir("docx");
    download_to(&c, &d, &dir).await;
    wait_css(&c, "#download-decision")
        .await
        .click()
        .await
        .unwrap();
    let file = downloaded(&dir, ".docx").await;
    assert!(
        file.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("行政处罚决定书-示建罚决〔2025〕12号"),
        "{}",
        file.display()
    );
    let paras = docx_paragraphs(&file);
    let all = paras.join("\n");
    for needle in [
        "当事人：示例建设工程有限公司",
        "案号：示建立〔2025〕12号",
        "证据一：《现场检查笔录》，证明当事人在施工现场使用未经检验的钢筋。",
        "当事人提出陈述、申辩意见：钢筋已全部更换，请求免予处罚。",
        "对当事人的意见，本机关不予采纳。",
        "当事人在法定期限内未要求听证。",
        "罚款人民币350,000元（大写：叁拾伍万元整）",
        "266,666.67元以上333,333.33元以下",
        "偏离的理由是：涉案钢筋用于学校教学楼主体结构，社会影响较大。",
        "该偏离已经本机关负责人集体讨论决定（2025年6月28日，示建集议〔2025〕7号）",
        "《建设工程质量管理条例》第二十八条第一款",
        "依据《建设工程质量管理条例》第六十四条、第七十三条的规定",
        "《中华人民共和国行政处罚法》第七十二条第一款",
        "示例市住房和城乡建设局",
    ] {
        assert!(all.contains(needle), "决定书中没有“{needle}”：\n{all}");
    }
    let _ = std::fs::remove_dir_all(&dir);

    // The print view: the document as text, on the page.
    wait_css(&c, "#preview-decision")
        .await
        .click()
        .await
        .unwrap();
    let preview = wait_text(&c, "#doc-preview", "行政处罚决定书").await;
    assert!(
        preview.contains("偏离的理由是：涉案钢筋用于学校教学楼主体结构"),
        "{preview}"
    );
    let tags = c
        .execute("return document.querySelectorAll('#doc-preview article script, #doc-preview article [style]').length;", vec![])
        .await
        .unwrap();
    assert_eq!(tags, json!(0));
    // Printed, the page is the document alone, on the A4 page of the official format.
    cdp(
        &c,
        &d,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    let printed = c
        .execute(
            "const shown = (s) => [...document.querySelectorAll(s)].some((e) => e.getClientRects().length > 0);
             return [shown('#doc-preview'), shown('#doc-inputs'), shown('#documents'), shown('#library'),
                     shown('.page-intro'), shown('.app-header'), shown('#print-doc'),
                     getComputedStyle(document.querySelector('.cl-doc')).fontSize];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        printed,
        json!([true, false, false, false, false, false, false, "21.3333px"]),
        "打印时只应显示文书本身（仿宋 16pt）"
    );
    cdp(&c, &d, "Emulation.setEmulatedMedia", json!({ "media": "" })).await;

    // A reload keeps every input.
    c.refresh().await.unwrap();
    wait_css(&c, "#doc-inputs").await;
    let deadline = Instant::now() + TIMEOUT;
    while value(&c, "#in-departure-reason").await.is_empty() {
        assert!(Instant::now() < deadline, "重新加载后偏离理由丢失");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(value(&c, "#in-party-name").await, "示例建设工程有限公司");
    assert_eq!(value(&c, "#in-filed").await, "2025-06-02");
    assert_eq!(
        value(&c, "#in-evidence-proves-0").await,
        "当事人在施工现场使用未经检验的钢筋"
    );
    assert_eq!(value(&c, "#in-statement").await, "made");
    assert_eq!(value(&c, "#in-adoption").await, "not_adopted");
    assert_eq!(value(&c, "#in-hearing").await, "no");
    assert_eq!(value(&c, "#in-approval-by").await, "collective");
    assert_eq!(value(&c, "#in-approval-ref").await, "示建集议〔2025〕7号");
    // The case is in the library with its inputs.
    wait_library_count(&c, 1).await;
    let row = text(&c, "#library-list .library-case").await;
    assert!(
        row.contains("示例建设工程有限公司") && row.contains("当前案件"),
        "{row}"
    );
    assert!(
        row.contains("示建罚决〔2025〕12号") && row.contains("¥350,000"),
        "{row}"
    );
    // Above the statutory maximum there is no departure: no document, and the article says why.
    c.goto(&server.base).await.unwrap();
    type_into(&c, "#intended-fine", "450000").await;
    wait_css(&c, "#intended-fine-capital").await;
    open_documents(&c, &server).await;
    let refused = wait_text(&c, "#doc-decision-error", "超过").await;
    assert!(
        refused.contains("《建设工程质量管理条例》第六十四条") && refused.contains("不能生成文书"),
        "{refused}"
    );
    assert!(c.find(Locator::Id("download-decision")).await.is_err());
    assert_no_csp_violation(&c, &d, &server).await;
    let _ = c.close().await;
}

/// A change in the calculator, open in another tab, shows on the 文书 page at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_follows_the_calculator_in_another_tab() {
    let server = server(&[]);
    let (c, _d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    enter_case(&c, "示例建设工程有限公司", "300000").await;
    let calculator = c.window().await.unwrap();
    let tab = c.new_window(true).await.unwrap();
    c.switch_to_window(tab.handle).await.unwrap();
    open_documents(&c, &server).await;
    let before = wait_text(&c, "#doc-decision-warnings", "参考示例").await;
    assert!(!before.contains("偏离"), "{before}");
    c.switch_to_window(calculator.clone()).await.unwrap();
    type_into(&c, "#intended-fine", "350000").await;
    wait_css(&c, "#intended-fine-capital").await;
    let tabs = c.windows().await.unwrap();
    let docs = tabs.into_iter().find(|w| *w != calculator).unwrap();
    c.switch_to_window(docs).await.unwrap();
    wait_css(&c, "#departure-needed").await;
    wait_text(&c, "#doc-decision-warnings", "偏离理由").await;
    let _ = c.close().await;
}

/// The recent-case list as an older version of the calculator left it: two cases on ZL-64
/// tier B (280,000 and 300,000 元), numbered 1 and 2.
fn old_recent_list() -> String {
    let case = |id: u32, label: &str, fine: &str, touched: f64| {
        json!({"id": id, "touched": touched, "draft": {
            "case_id": id, "label": label, "item": "ZL-64", "party": "legal_person",
            "occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01",
            "facts": {"contract_price": "10,000,000"}, "tier": "B", "intended_fine": fine}})
    };
    Value::Array(vec![
        case(2, "乙建筑公司", "300,000", 1_751_100_000_000.0),
        case(1, "甲建设公司", "280,000", 1_751_000_000_000.0),
    ])
    .to_string()
}

/// The library: migration of an old list (once), 类案 with the note, search, reload, export
/// and import back, a case continued in the calculator.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_case_library_migrates_finds_exports_and_imports() {
    let server = server(&[]);
    let (c, d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    wait_css(&c, "#finder-q").await;
    c.execute(
        "localStorage.clear(); localStorage.setItem('cailiang.recent.v1', arguments[0]); return true;",
        vec![json!(old_recent_list())],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    // A third case, at the top of tier B's range: above both old ones.
    enter_case(&c, "丙工程公司", "333333.33").await;
    open_documents(&c, &server).await;
    wait_library_count(&c, 3).await;
    wait_text(&c, "#library", "迁入案件库").await;
    let similar = wait_text(&c, "#similar-cases", "甲建设公司").await;
    assert!(
        similar.contains("乙建筑公司") && similar.contains("¥280,000") && similar.contains("20%"),
        "{similar}"
    );
    let note = wait_text(&c, "#similar-note", "高于本库2件").await;
    assert!(note.contains("同案同罚"), "{note}");

    // Search by party, 案号 (the label), item and date.
    type_into(&c, "#lib-party", "甲").await;
    wait_library_count(&c, 1).await;
    type_into(&c, "#lib-party", "").await;
    type_into(&c, "#lib-item", "JZF-64").await;
    wait_text(&c, "#library-empty", "没有符合条件").await;
    type_into(&c, "#lib-item", "zl-64").await;
    wait_library_count(&c, 3).await;
    choose(&c, "#lib-from", "2025-07-02").await;
    wait_text(&c, "#library-empty", "没有符合条件").await;
    choose(&c, "#lib-from", "").await;
    wait_library_count(&c, 3).await;

    // A reload: the library stays, the list is not migrated again.
    c.refresh().await.unwrap();
    wait_library_count(&c, 3).await;
    assert!(!text(&c, "#library").await.contains("迁入案件库"));

    // Export, delete one, import the export: the same library, the same export.
    let dir = unique_dir("library");
    download_to(&c, &d, &dir).await;
    wait_css(&c, "#export-jsonl").await.click().await.unwrap();
    let first = downloaded(&dir, ".jsonl").await;
    let exported = std::fs::read_to_string(&first).unwrap();
    assert_eq!(exported.lines().count(), 3, "{exported}");
    assert!(
        exported.contains("\"trace\""),
        "每件连同完整计算结果：{exported}"
    );
    wait_css(&c, "#export-csv").await.click().await.unwrap();
    let csv = std::fs::read_to_string(downloaded(&dir, ".csv").await).unwrap();
    assert!(
        csv.starts_with("\u{feff}case_id,"),
        "{}",
        &csv[..80.min(csv.len())]
    );
    assert_eq!(csv.lines().count(), 4);
    let gone = "#library-list .library-case:last-child .library-delete";
    wait_css(&c, gone).await.click().await.unwrap();
    wait_text(&c, gone, "确认删除").await;
    wait_css(&c, gone).await.click().await.unwrap();
    wait_library_count(&c, 2).await;
    c.refresh().await.unwrap();
    wait_library_count(&c, 2).await;
    let input = wait_css(&c, "#import-jsonl").await;
    input.send_keys(&first.display().to_string()).await.unwrap();
    wait_text(&c, "#library", "已导入 1 件").await;
    wait_library_count(&c, 3).await;
    std::fs::remove_file(&first).unwrap();
    c.refresh().await.unwrap();
    wait_library_count(&c, 3).await;
    wait_css(&c, "#export-jsonl").await.click().await.unwrap();
    let again = std::fs::read_to_string(downloaded(&dir, ".jsonl").await).unwrap();
    assert_eq!(again, exported, "导出—删除—导入—再导出，内容应完全相同");
    let _ = std::fs::remove_dir_all(&dir);

    // An old case continued in the calculator.
    let jia = "#library-list .library-case:last-child";
    assert!(text(&c, jia).await.contains("甲建设公司"));
    wait_css(&c, &format!("{jia} .library-open"))
        .await
        .click()
        .await
        .unwrap();
    wait_css(&c, "#finder-q").await;
    let deadline = Instant::now() + TIMEOUT;
    while value(&c, "#case-label").await != "甲建设公司" {
        assert!(Instant::now() < deadline, "计算器未打开甲建设公司的案件");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(value(&c, "#intended-fine").await, "280,000");
    wait_text(&c, "#range-recommended", "266,666.67").await;
    let _ = c.close().await;
}

/// Makes this page's IndexedDB writes fail as a full store does: `put` throws the browser's
/// `QuotaExceededError` (a `DOMException`). Test-only, in the page's JS (nothing in the
/// product reads it); a reload ends it. Chromium's `Storage.overrideQuotaForOrigin` (CDP) sets
/// the quota DevTools reports but, in this Chromium (156), not what the page's writes are
/// held to, so it cannot stand in for a full disk.
async fn fill_store(c: &Client) {
    c.execute(
        "const put = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () {
           throw new DOMException('存储空间已满（测试模拟）', 'QuotaExceededError');
         };
         window.restoreStore = () => { IDBObjectStore.prototype.put = put; };
         return true;",
        vec![],
    )
    .await
    .unwrap();
}

/// A full store ([`fill_store`]): the 文书 page and the calculator say so; the case and its
/// inputs are kept, and go into the library once there is room.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_store_is_reported_and_the_case_kept() {
    let server = server(&[]);
    let (c, _d) = start_browser().await;
    c.goto(&server.base).await.unwrap();
    enter_case(&c, "满库测试公司", "300000").await;
    open_documents(&c, &server).await;
    type_into(&c, "#in-party-name", "满库测试公司").await;
    wait_library_count(&c, 1).await;
    wait_text(&c, "#library-list", "满库测试公司").await;

    fill_store(&c).await;
    // The document inputs: the library refuses, the page says so, the LocalStorage copy keeps them.
    type_into(&c, "#in-case-number", "示建立〔2025〕99号").await;
    let msg = wait_text(&c, "#library", "案件库已满").await;
    assert!(msg.contains("不会丢失"), "{msg}");
    c.refresh().await.unwrap();
    wait_css(&c, "#doc-inputs").await;
    let deadline = Instant::now() + TIMEOUT;
    while value(&c, "#in-case-number").await != "示建立〔2025〕99号" {
        assert!(Instant::now() < deadline, "库满后文书信息在重新加载后丢失");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The calculator: its snapshot is refused, one notice, the draft kept.
    // Once there is room again (no more refusals), the page writes the kept inputs.
    wait_text(&c, "#library-list", "示建立〔2025〕99号").await;
    c.goto(&server.base).await.unwrap();
    wait_text(&c, "#range-recommended", "266,666.67").await;
    fill_store(&c).await;
    type_into(&c, "#intended-fine", "310000").await;
    let notice = wait_text(&c, ".app-header .notice", "案件库已满").await;
    assert!(
        notice.contains("当前案件仍保存在本浏览器的草稿中"),
        "{notice}"
    );
    c.refresh().await.unwrap();
    wait_js(&c, "return document.getElementById('intended-fine') && document.getElementById('intended-fine').value === '310000';").await;
    // Room again (the reload ended the refusals): the next change goes in.
    type_into(&c, "#intended-fine", "320000").await;
    open_documents(&c, &server).await;
    wait_text(&c, "#library-list", "¥320,000").await;
    let _ = c.close().await;
}
