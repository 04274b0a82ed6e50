//! The items the import made, as the published table words them: per item its tier rows, what
//! is 待定 (the validator's errors) and what is to check.

use yew::prelude::*;

use super::PartProps;

/// The export's columns shown per tier row (the item's own columns are its heading).
const ROW_COLUMNS: [&str; 5] = ["阶次编码", "裁量阶次", "违法情形", "适用条件", "裁量基准"];

/// The items.
#[component]
pub fn Items(props: &PartProps) -> Html {
    let Some(run) = &props.session.run else {
        return html! {};
    };
    let at = |h: &str| run.header.iter().position(|x| x == h);
    let row_cols: Vec<usize> = ROW_COLUMNS.iter().filter_map(|h| at(h)).collect();
    let statutory = at("法定处罚");
    let (items, total) = props.session.visible_items();
    let more = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| {
            act.emit(crate::import::session::ImportAction::ShowMoreItems)
        })
    };
    html! {
        <div class="import-items" id="import-items">
            <h3>{ format!("违法行为（{} 项）", run.items.len()) }</h3>
            if run.items.is_empty() {
                <p class="empty">{ "没有导入任何违法行为：请确认表格格式或自定义列映射。" }</p>
            }
            { for items.iter().map(|item| html! {
                <details class="import-item" open={item.undecided || !item.errors.is_empty()}>
                    <summary>
                        <code>{ &item.code }</code>{ " " }{ &item.name }
                        if item.undecided {
                            <span class="status st-unknown">{ "待定" }</span>
                        }
                        if item.to_check > 0 {
                            <span class="status st-possible">{ format!("{} 处待核对", item.to_check) }</span>
                        }
                    </summary>
                    if let Some(text) = statutory.and_then(|k| item.rows.first().and_then(|r| r.get(k))) {
                        <p class="import-statutory"><strong>{ "法定处罚：" }</strong>{ text }</p>
                    }
                    if !item.errors.is_empty() || !item.warnings.is_empty() {
                        <ul class="findings">
                            { for item.errors.iter().map(|(p, m)| html! {
                                <li class="finding finding-error">
                                    <span class="finding-kind">{ "错误" }</span>
                                    <code class="finding-path">{ p }</code>
                                    <span>{ m }</span>
                                </li>
                            }) }
                            { for item.warnings.iter().map(|(p, m)| html! {
                                <li class="finding finding-warning">
                                    <span class="finding-kind">{ "警告" }</span>
                                    <code class="finding-path">{ p }</code>
                                    <span>{ m }</span>
                                </li>
                            }) }
                        </ul>
                    }
                    <div class="scroll">
                        <table class="flags">
                            <thead><tr>
                                { for row_cols.iter().map(|&k| html! { <th>{ &run.header[k] }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for item.rows.iter().map(|r| html! {
                                    <tr>
                                        { for row_cols.iter().map(|&k| html! {
                                            <td>{ r.get(k).cloned().unwrap_or_default() }</td>
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            }) }
            if items.len() < total {
                <p>
                    { format!("已显示 {} / {} 项。", items.len(), total) }
                    <button type="button" class="btn btn-quiet" id="import-more-items" onclick={more}>{ "显示更多违法行为" }</button>
                </p>
            }
        </div>
    }
}
