//! How the table's columns are read: each sheet's detected layout, the layout picked or
//! confirmed, the sheet, and the author's mapping column by column.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::PartProps;
use crate::import::session::{ImportAction, ImportSession, LayoutChoice};
use crate::pack::model::ColumnRole;

fn choice_value(c: LayoutChoice) -> String {
    match c {
        LayoutChoice::Detected => "detected".into(),
        LayoutChoice::Custom => "custom".into(),
        LayoutChoice::Published(l) => format!("layout-{}", l.label()),
    }
}

fn choice_of(value: &str) -> LayoutChoice {
    match value {
        "custom" => LayoutChoice::Custom,
        v => ImportSession::layouts()
            .into_iter()
            .find(|(l, _)| choice_value(LayoutChoice::Published(*l)) == v)
            .map_or(LayoutChoice::Detected, |(l, _)| LayoutChoice::Published(l)),
    }
}

fn role_value(r: Option<ColumnRole>) -> String {
    r.map_or_else(|| "none".into(), |r| r.label().to_string())
}

/// Step 2: the layout and the mapping.
#[component]
pub fn Layout(props: &PartProps) -> Html {
    let s = &props.session;
    let on_layout = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            act.emit(ImportAction::Layout(choice_of(&sel.value())));
        })
    };
    let on_sheet = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            act.emit(ImportAction::Sheet((!v.is_empty()).then_some(v)));
        })
    };
    let sheets = s.sheets();
    let confirm = s
        .run
        .as_ref()
        .is_some_and(|r| r.tables.iter().any(|t| t.confirm));
    let show_mapping = s.choice == LayoutChoice::Custom || confirm;
    let current = choice_value(s.choice);
    html! {
        <div class="import-layout">
            <h2 class="card-title">{ "2. 确认表格格式" }</h2>
            if let Some(run) = &s.run {
                <ul class="findings" id="import-tables">
                    { for run.tables.iter().map(|t| html! {
                        <li class="finding">
                            <span class="finding-kind">{ &t.label }</span>
                            <span>{ &t.how }</span>
                            if t.confirm {
                                <span class="status st-possible">{ "请确认" }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
            <div class="grid">
                <label class="field">
                    <span class="field-label">{ "表格格式" }</span>
                    <select id="import-layout" onchange={on_layout}>
                        <option value="detected" selected={current == "detected"}>{ "自动识别表头" }</option>
                        { for ImportSession::layouts().into_iter().map(|(l, label)| {
                            let v = choice_value(LayoutChoice::Published(l));
                            html! { <option value={v.clone()} selected={current == v}>{ format!("按{label}读取") }</option> }
                        }) }
                        <option value="custom" selected={current == "custom"}>{ "自定义列映射" }</option>
                    </select>
                </label>
                if sheets.len() > 1 {
                    <label class="field">
                        <span class="field-label">{ "导入的工作表" }</span>
                        <select id="import-sheet" onchange={on_sheet}>
                            <option value="" selected={s.sheet.is_none()}>{ "全部" }</option>
                            { for sheets.iter().map(|n| html! {
                                <option value={n.clone()} selected={s.sheet.as_ref() == Some(n)}>{ n }</option>
                            }) }
                        </select>
                    </label>
                }
            </div>
            if let Some(f) = &s.mapping_file {
                <p class="hint">{ format!("映射文件：{f}") }</p>
            }
            if show_mapping {
                <Mapping session={props.session.clone()} act={props.act.clone()} />
            }
        </div>
    }
}

/// The author's mapping: what each column of the header holds.
#[component]
fn Mapping(props: &PartProps) -> Html {
    let s = &props.session;
    let cols = s.columns();
    html! {
        <div class="scroll">
            <p class="hint">{ format!(
                "{}的各列：请指明每一列的内容（改动后立即重新导入；所用映射随基准包保存，下一版表格可直接沿用）。",
                s.focus_label().unwrap_or_default()
            ) }</p>
            <table class="flags" id="import-mapping">
                <thead><tr><th>{ "列" }</th><th>{ "表头" }</th><th>{ "内容" }</th></tr></thead>
                <tbody>
                    { for cols.iter().map(|c| {
                        let column = c.column;
                        let act = props.act.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let sel: HtmlSelectElement = e.target_unchecked_into();
                            let v = sel.value();
                            let role = ColumnRole::ALL.into_iter().find(|r| r.label() == v);
                            act.emit(ImportAction::MapColumn { column, role });
                        });
                        let current = role_value(c.role);
                        html! {
                            <tr>
                                <th>{ &c.letter }</th>
                                <td>{ &c.header }</td>
                                <td>
                                    <select id={format!("map-col-{column}")} aria-label={format!("第 {} 列（{}）的内容", c.letter, c.header)} {onchange}>
                                        <option value="none" selected={current == "none"}>{ "（未指定）" }</option>
                                        { for ColumnRole::ALL.into_iter().map(|r| html! {
                                            <option value={r.label()} selected={current == r.label()}>{ r.label() }</option>
                                        }) }
                                    </select>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
