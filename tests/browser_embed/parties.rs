//! One act, two parties: the published rows loaded with `?pack=`, the 卢氏 row (施工许可管理办法
//! 12: 建设单位 1%–2% of the contract price, 施工单位 up to 3万元) chosen and filled in as the
//! officer does, the second party added in 其他当事人. Each party's amounts and hearing flag on the
//! result sheet are the native engine's for the same case; a fact marked 无法查明 changes the
//! 建设单位's result and not the 施工单位's; the case survives a reload.

use fantoccini::Client;
use serde_json::{Value, json};

use cailiang::engine::result::EvalResult;
use cailiang::form::format::{flag_status, money_range};

use super::support::{
    Server, click_containing, input_by_label, start_browser, wait_css, wait_text,
};
use super::wait_js;

const PUBLISHED: &str = include_str!("../../benchmarks/published-rows.json");

/// The native engine's result for the row's case with the 施工单位 as the second party.
fn native(unknown_price: bool) -> EvalResult {
    let (pack, _) = cailiang::validate::accept_pack("published-rows.json", PUBLISHED)
        .expect("published-rows.json 未通过校验");
    let mut case = json!({
        "items": ["LS-SGXK-12"],
        "party": "legal_person",
        "role": "construction_unit",
        "facts": { "contract_price": "5000000" },
        "parties": [{ "role": "contractor", "party": "legal_person" }]
    });
    if unknown_price {
        case["facts"] = json!({});
        case["unknown"] = json!(["contract_price"]);
    }
    let case: cailiang::Case = serde_json::from_value(case).unwrap();
    cailiang::evaluate(&pack, &case).expect("引擎拒绝了案件")
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

    wait_text(&c, "#party-role", "建设单位").await;
    wait_text(&c, "#co-party-1 h3", "施工单位（法人）").await;
    assert_shown(&c, "", &expected).await;
    assert_shown(&c, "cp1-", &expected.co_parties[0]).await;

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
    let _ = c.close().await;
}
