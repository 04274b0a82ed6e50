//! One act, two parties: the published rows loaded with `?pack=`, the 卢氏 row (施工许可管理办法
//! 12: 建设单位 1%–2% of the contract price, 施工单位 up to 3万元) chosen and filled in as the
//! officer does, the second party added (and named) in 其他当事人. Each party's amounts, hearing
//! flag and trace on the result sheet, its sections of the 说理 draft and its part of 复制结果 are
//! the native engine's and text builder's for the same case; a fact marked 无法查明 changes the
//! 建设单位's result and not the 施工单位's; the case survives a reload.

use fantoccini::Client;
use serde_json::{Value, json};

use cailiang::Case;
use cailiang::engine::result::EvalResult;
use cailiang::form::format::{flag_status, money_range};
use cailiang::form::summary::summary;
use cailiang::pack::LoadedPack;

use super::support::{
    Server, click_containing, copied, input_by_label, record_clipboard, start_browser, wait_css,
    wait_text,
};
use super::wait_js;

const PUBLISHED: &str = include_str!("../../benchmarks/published-rows.json");

/// The name the officer gives the 施工单位.
const CONTRACTOR: &str = "某建筑公司";

/// The pack and the row's case with the 施工单位 as the second party, as the officer enters it.
fn native_case(unknown_price: bool) -> (LoadedPack, Case) {
    let (pack, _) = cailiang::validate::accept_pack("published-rows.json", PUBLISHED)
        .expect("published-rows.json 未通过校验");
    let mut case = json!({
        "items": ["LS-SGXK-12"],
        "party": "legal_person",
        "role": "construction_unit",
        "facts": { "contract_price": "5000000" },
        "parties": [{ "role": "contractor", "party": "legal_person", "name": CONTRACTOR }]
    });
    if unknown_price {
        case["facts"] = json!({});
        case["unknown"] = json!(["contract_price"]);
    }
    (pack, serde_json::from_value(case).unwrap())
}

/// The native engine's result for the row's case with the 施工单位 as the second party.
fn native(unknown_price: bool) -> EvalResult {
    let (pack, case) = native_case(unknown_price);
    cailiang::evaluate(&pack, &case).expect("引擎拒绝了案件")
}

/// The texts of the elements matching `css`, in order (also inside closed `<details>`).
async fn texts(c: &Client, css: &str) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
            vec![json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// Each party's trace on the sheet is the engine's: "#trace" the party's, "#cp1-trace" the
/// second's, under its role's heading.
async fn assert_traces(c: &Client, r: &EvalResult) {
    for (id, r) in [("trace", r), ("cp1-trace", &r.co_parties[0])] {
        let want: Vec<String> = r.trace.iter().map(|e| e.outcome.clone()).collect();
        wait_js(
            c,
            &format!(
                "return document.querySelectorAll('#{id} .trace-outcome').length === {};",
                want.len()
            ),
        )
        .await;
        assert_eq!(
            texts(c, &format!("#{id} .trace-outcome")).await,
            want,
            "{id}"
        );
    }
    wait_text(
        c,
        "#cp1-trace > summary",
        &format!(
            "施工单位的完整推理过程（{} 步）",
            r.co_parties[0].trace.len()
        ),
    )
    .await;
}

/// The 说理 draft shows each party's sections as the native text builder writes them, each
/// under its heading, and 复制结果 copies both parties' results as the native summary has them.
async fn assert_draft_and_copy(c: &Client, pack: &LoadedPack, case: &Case, r: &EvalResult) {
    let d = cailiang::text::draft(pack, case, r);
    for key in [
        "reasoning",
        "decision",
        "notice",
        "cp1.penalty_basis",
        "cp1.reasoning",
        "cp1.decision",
        "cp1.notice",
    ] {
        let want = d.section(key).expect("native draft lacks a section");
        let css = format!("textarea[data-key='{key}']");
        wait_js(
            c,
            &format!(
                "const e = document.querySelector(\"{css}\"); return !!e && e.value === {};",
                json!(want.text)
            ),
        )
        .await;
        // The heading names the party by its role and name.
        let heading = texts(c, &format!("label[for='reasoning-{key}']")).await;
        assert!(
            heading.first().is_some_and(|h| h.contains(&want.title)),
            "{key}: {heading:?} ≠ {}",
            want.title
        );
    }
    assert!(
        d.section("cp1.reasoning")
            .unwrap()
            .title
            .contains(CONTRACTOR)
    );
    record_clipboard(c).await;
    wait_css(c, "#copy-result").await.click().await.unwrap();
    let text = copied(c).await;
    assert_eq!(text, summary(case, r));
    for (who, r) in [("建设单位", r), ("施工单位", &r.co_parties[0])] {
        let range = money_range(r.recommended.as_ref().unwrap());
        assert!(
            text.contains(&format!("建议罚款幅度：{range}")),
            "{who}: {text}"
        );
    }
}

/// Waits until the sheet shows `r`'s recommended range and hearing flag under ids starting
/// with `prefix` ("" for the party, "cp1-" for the second).
async fn assert_shown(c: &Client, prefix: &str, r: &EvalResult) {
    let rec = format!("{prefix}range-recommended");
    match &r.recommended {
        Some(range) => {
            wait_text(c, &format!("#{rec}"), &money_range(range)).await;
        }
        // No recommended range: its card shows "—", or there are no range cards at all.
        None => {
            wait_js(
                c,
                &format!(
                    "const e = document.getElementById('{rec}');
                     return !e || e.textContent.includes('—');"
                ),
            )
            .await;
        }
    }
    if let Some(range) = &r.statutory {
        wait_text(c, &format!("#{prefix}range-statutory"), &money_range(range)).await;
    }
    // The hearing row (the second) with the engine's status and reason for this party.
    let row = wait_text(
        c,
        &format!("#{prefix}flags tbody tr:nth-child(2)"),
        &r.flags.hearing.reason,
    )
    .await;
    assert!(
        row.contains(flag_status(r.flags.hearing.status, false)),
        "{prefix}: {row}"
    );
}

async fn value(c: &Client, css: &str) -> String {
    wait_css(c, css)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_parties_of_one_act_each_get_the_engines_result() {
    let expected = native(false);
    assert_eq!(expected.co_parties.len(), 1);
    // The two parties' fines differ, so that a sheet showing one twice would fail.
    assert_ne!(expected.recommended, expected.co_parties[0].recommended);

    let server = Server::start(&[]);
    server
        .shared
        .overrides
        .lock()
        .unwrap()
        .insert("packs/published-rows.json".into(), PUBLISHED.into());
    let (c, _d) = start_browser().await;
    c.goto(&format!(
        "{}?no-sw&pack=packs/published-rows.json",
        server.base
    ))
    .await
    .unwrap();
    let meta: Value = serde_json::from_str(PUBLISHED).unwrap();
    wait_text(&c, "#pack-title", meta["meta"]["title"].as_str().unwrap()).await;

    // The row, its fact, then the second party.
    let search = wait_css(&c, "#finder-q").await;
    search.send_keys("施工许可").await.unwrap();
    click_containing(&c, "#finder-list [role=option]", "LS-SGXK-12").await;
    wait_text(&c, ".selected-item", "LS-SGXK-12").await;
    input_by_label(&c, "工程合同价款")
        .await
        .send_keys("5000000")
        .await
        .unwrap();
    // The role selector is shown for this row, on the party's role.
    assert_eq!(value(&c, "#role").await, "construction_unit");
    // Added from the keyboard: focus the button and press Enter.
    let add = wait_css(&c, "#add-co-party").await;
    add.send_keys("\u{E007}").await.unwrap();
    assert_eq!(value(&c, "#cp1-role").await, "contractor");
    assert_eq!(value(&c, "#cp1-party").await, "legal_person");

    wait_css(&c, "#cp1-name")
        .await
        .send_keys(CONTRACTOR)
        .await
        .unwrap();

    wait_text(&c, "#party-role", "建设单位").await;
    wait_text(
        &c,
        "#co-party-1 h3",
        &format!("施工单位（法人）　{CONTRACTOR}"),
    )
    .await;
    assert_shown(&c, "", &expected).await;
    assert_shown(&c, "cp1-", &expected.co_parties[0]).await;
    assert_traces(&c, &expected).await;
    let (pack, case) = native_case(false);
    assert_draft_and_copy(&c, &pack, &case, &expected).await;

    // Nothing is lost: after a reload, the same pack, the same two parties.
    c.refresh().await.unwrap();
    wait_text(&c, ".selected-item", "LS-SGXK-12").await;
    assert_shown(&c, "", &expected).await;
    assert_shown(&c, "cp1-", &expected.co_parties[0]).await;

    // 无法查明 beside the contract price: the 建设单位's fine cannot be computed, the
    // 施工单位's stands.
    let unknown = native(true);
    assert_eq!(unknown.recommended, None);
    wait_css(&c, "#fact-0-unknown").await.click().await.unwrap();
    wait_text(&c, "#pending", "工程合同价款无法查清").await;
    assert_shown(&c, "", &unknown).await;
    assert_shown(&c, "cp1-", &unknown.co_parties[0]).await;
    // The 施工单位's sections of the draft do not change with the 建设单位's unknown price.
    let (pack, case) = native_case(true);
    let d = cailiang::text::draft(&pack, &case, &unknown);
    let reasoning = d.section("cp1.reasoning").expect("no cp1.reasoning");
    wait_js(
        &c,
        &format!(
            "const e = document.querySelector(\"textarea[data-key='cp1.reasoning']\"); return !!e && e.value === {};",
            json!(reasoning.text)
        ),
    )
    .await;
    let _ = c.close().await;
}
