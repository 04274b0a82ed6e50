//! The column mapper (列名对照) of a case table: a view over
//! [`crate::review::session::mapper::Mapper`] — the header, a select per field pre-filled by the
//! header recognition, the fact columns, preview rows (cell text, as text) and the problems the
//! mapper finds — with 开始评查 and the mapping's download. No rule is decided here.

use std::rc::Rc;

use yew::prelude::*;

use crate::form::state::PackRef;
use crate::review::mapping::Field;
use crate::review::session::mapper::{Mapper, MapperAction, PREVIEW_ROWS, fact_options};

/// A mapper, compared by identity (a change is a new one).
#[derive(Clone)]
pub struct MapperRef(pub Rc<Mapper>);

impl PartialEq for MapperRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`ColumnMapper`].
#[derive(Properties, PartialEq)]
pub struct ColumnMapperProps {
    /// Tells one file from another (the same file chosen again is mapped afresh).
    pub input: u64,
    /// Whether the results shown were found through another mapping than the one set.
    pub stale: bool,
    /// The mapper.
    pub mapper: MapperRef,
    /// The pack (its facts, and the preview rows read against it).
    pub pack: PackRef,
    /// What the reviewer changes.
    pub act: Callback<MapperAction>,
    /// 开始评查.
    pub on_start: Callback<()>,
    /// 下载列名对照.
    pub on_download: Callback<()>,
}

fn select_value(e: &Event) -> Option<String> {
    let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
    Some(sel.value()).filter(|v| !v.is_empty())
}

/// The mapper's card.
#[component]
pub fn ColumnMapper(props: &ColumnMapperProps) -> Html {
    let m = &props.mapper.0;
    let header = m.header();
    let fields = m.fields();
    let preview = m.preview();
    let problems = m.problems(&props.pack);
    let facts = use_memo(props.pack.clone(), |p| fact_options(p));
    let sheets = m.sheets();
    let on_sheet = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = select_value(&e).and_then(|v| v.parse().ok()) {
                act.emit(MapperAction::Sheet(i));
            }
        })
    };
    let start = {
        let on = props.on_start.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let save = {
        let on = props.on_download.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let heads = (0..preview.len().min(PREVIEW_ROWS))
        .map(|i| html! { <th>{ preview[i].place.clone() }</th> })
        .collect::<Html>();
    let field_row = |f: &crate::review::session::mapper::FieldColumn| {
        let field: Field = f.field;
        let act = props.act.clone();
        let onchange = Callback::from(move |e: Event| {
            act.emit(MapperAction::Column {
                field,
                column: select_value(&e),
            })
        });
        let current = f.column.clone().unwrap_or_default();
        let absent = f.column.clone().filter(|_| !f.present);
        let cells = preview
            .iter()
            .map(|r| html! { <td>{ r.values.get(&field).cloned().unwrap_or_default() }</td> })
            .collect::<Html>();
        html! {
            <tr key={field.key()} data-field={field.key()} class={classes!(f.required.then_some("is-required"), f.column.is_none().then_some("is-unmapped"))}>
                <th>
                    { field.label() }
                    if f.required { <span class="badge">{ "必填" }</span> }
                    <small class="hint">{ format!(" {}", field.key()) }</small>
                </th>
                <td>
                    <select id={format!("map-{}", field.key())} aria-label={format!("“{}”所在的列", field.label())} {onchange}>
                        <option value="" selected={current.is_empty()}>{ "（不读取）" }</option>
                        { for header.iter().map(|c| html! {
                            <option value={c.name.clone()} selected={c.name == current}>{ format!("{} · {}", c.letter, c.name) }</option>
                        }) }
                        if let Some(a) = absent {
                            <option value={a.clone()} selected=true>{ format!("（表头中没有：{a}）") }</option>
                        }
                    </select>
                    if let Some(auto) = f.auto.as_ref().filter(|a| Some(*a) != f.column.as_ref()) {
                        <small class="hint">{ format!(" 自动识别为：{auto}") }</small>
                    }
                </td>
                { cells }
            </tr>
        }
    };
    let fact_rows = m
        .fact_columns()
        .into_iter()
        .map(|c| {
            let name = c.column.name.clone();
            let act = props.act.clone();
            let column = name.clone();
            let onchange = Callback::from(move |e: Event| {
                act.emit(MapperAction::Fact {
                    column: column.clone(),
                    fact: select_value(&e),
                })
            });
            let current = c.fact.clone().unwrap_or_default();
            let known = facts.iter().any(|(id, _)| *id == current);
            let cells = m
                .column_preview(&name)
                .into_iter()
                .map(|t| html! { <td>{ t }</td> })
                .collect::<Html>();
            html! {
                <tr key={name.clone()} data-column={name.clone()}>
                    <th>{ format!("{} · {}", c.column.letter, name) }</th>
                    <td>
                        if c.named {
                            { format!("事实 {current}（列名已注明）") }
                        } else {
                            <select id={format!("fact-{}", c.column.index)} aria-label={format!("“{name}”列所记的事实")} {onchange}>
                                <option value="" selected={current.is_empty()}>{ "（不读取）" }</option>
                                if !current.is_empty() && !known {
                                    <option value={current.clone()} selected=true>{ current.clone() }</option>
                                }
                                { for facts.iter().map(|(id, label)| html! {
                                    <option value={id.clone()} selected={*id == current}>{ format!("{label}（{id}）") }</option>
                                }) }
                            </select>
                        }
                    </td>
                    { cells }
                </tr>
            }
        })
        .collect::<Vec<Html>>();
    let reset = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(MapperAction::Reset))
    };
    let blocked = problems.iter().any(|p| p.blocks());
    // A select the reviewer has used no longer follows its options' `selected`: the tables are
    // made afresh when many columns change at once.
    let key = format!("{}-{}", props.input, m.revision());
    html! {
        <section class="card" id="review-mapper" aria-labelledby="review-mapper-h">
            <h2 class="card-title" id="review-mapper-h">{ format!("列名对照：{}", m.file()) }</h2>
            <p class="hint">
                { "请为每个评查字段选择本文件中的列（已按列名自动对应，可修改）；未记事实的列可指明所记的事实。对照可下载保存，供下次或命令行 cailiang review --map 使用。" }
            </p>
            if m.remembered() {
                <p class="hint" id="mapper-loaded">
                    { "已按上次评查时的列名对照填好各列（可逐项修改）。" }
                    <button type="button" class="btn btn-quiet" id="mapper-reset" onclick={reset}>{ "改按表头自动识别" }</button>
                </p>
            } else if let Some(name) = m.loaded() {
                <p class="hint" id="mapper-loaded">{ format!("已载入列名对照文件：{name}") }</p>
            }
            if sheets.len() > 1 {
                <label class="field">
                    <span class="field-label">{ "显示的工作表（对照适用于每个工作表）" }</span>
                    <select id="mapper-sheet" onchange={on_sheet}>
                        { for sheets.iter().enumerate().map(|(i, n)| html! {
                            <option value={i.to_string()} selected={i == m.sheet()}>{ *n }</option>
                        }) }
                    </select>
                </label>
            }
            <p class="review-header" id="mapper-header">
                <span class="pack-label">{ "表头" }</span>
                { for header.iter().map(|c| html! { <span class="chip">{ format!("{} {}", c.letter, c.name) }</span> }) }
            </p>
            if !problems.is_empty() {
                <ul class="review-notes" id="mapper-problems" role="alert">
                    { for problems.iter().map(|p| html! {
                        <li class={if p.blocks() { "field-error" } else { "notice" }}>{ p.to_string() }</li>
                    }) }
                </ul>
            }
            if props.stale {
                <p class="notice" id="mapper-stale">{ "列名对照已修改：上方的评查结果仍按修改前的对照得出，点击“开始评查”按现在的对照重新评查。" }</p>
            }
            <div class="sheet-actions">
                <button type="button" class="btn btn-primary" id="mapper-start" disabled={blocked} onclick={start.clone()}>{ "开始评查" }</button>
                <button type="button" class="btn btn-secondary" id="mapper-download" onclick={save}>{ "下载列名对照" }</button>
            </div>
            <div class="scroll">
                <table class="review-table" id="mapper-fields" key={format!("fields-{key}")}>
                    <thead><tr><th>{ "评查字段" }</th><th>{ "本文件的列" }</th>{ heads.clone() }</tr></thead>
                    <tbody>{ for fields.iter().map(field_row) }</tbody>
                </table>
            </div>
            if !fact_rows.is_empty() {
                <h3 class="sub">{ "其他列：所记的事实" }</h3>
                <div class="scroll">
                    <table class="review-table" id="mapper-facts" key={format!("facts-{key}")}>
                        <thead><tr><th>{ "列" }</th><th>{ "事实" }</th>{ heads }</tr></thead>
                        <tbody>{ for fact_rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
