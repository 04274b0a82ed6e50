//! The findings table and its filters: a view of [`View::rows`]; every choice is a
//! [`ViewAction`].

use yew::prelude::*;

use crate::review::session::Session;
use crate::review::session::filter::Facets;
use crate::review::session::view::{FilterField, View, ViewAction, severity_value};

/// One filter: a select of its choices ("" for all).
fn select(
    id: &'static str,
    label: &'static str,
    field: FilterField,
    choices: Vec<(String, String)>,
    view: &View,
    on: &Callback<ViewAction>,
) -> Html {
    let current = view.value(field);
    let onchange = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on.emit(ViewAction::Filter(field, el.value()));
        })
    };
    html! {
        <label class="field review-filter">
            <span class="field-label">{ label }</span>
            <select id={id} {onchange}>
                <option value="" selected={current.is_empty()}>{ "全部" }</option>
                { for choices.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option value={value} {selected}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// What the batch's findings have.
    pub facets: Facets,
    /// The view.
    pub view: View,
    /// A choice.
    pub on: Callback<ViewAction>,
}

/// The filters: severity, rule, item, and 承办人 / 承办机构 where the file records them.
#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let f = &props.facets;
    let (v, on) = (&props.view, &props.on);
    let clear = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(ViewAction::ClearFilters))
    };
    let counted = |text: &str, n: u64| format!("{text}（{n}）");
    html! {
        <div class="review-filters" role="group" aria-label="筛选问题">
            { select("filter-severity", "等级", FilterField::Severity,
                f.severities.iter().map(|(s, n)| (severity_value(*s).to_string(), counted(s.label(), *n))).collect(),
                v, on) }
            { select("filter-rule", "规则", FilterField::Rule,
                f.rules.iter().map(|(r, n)| (r.id().to_string(), counted(&r.heading(), *n))).collect(),
                v, on) }
            { select("filter-item", "违法行为", FilterField::Item,
                f.items.iter().map(|(c, name, n)| (c.clone(), counted(&format!("{c} {name}"), *n))).collect(),
                v, on) }
            if !f.officers.is_empty() {
                { select("filter-officer", "承办人", FilterField::Officer,
                    f.officers.iter().map(|(o, n)| (o.clone(), counted(o, *n))).collect(), v, on) }
            }
            if !f.units.is_empty() {
                { select("filter-unit", "承办机构", FilterField::Unit,
                    f.units.iter().map(|(u, n)| (u.clone(), counted(u, *n))).collect(), v, on) }
            }
            if !v.filter.is_empty() {
                <button type="button" class="btn btn-quiet" id="filter-clear" onclick={clear}>
                    { "清除筛选" }
                </button>
            }
        </div>
    }
}

/// Props of [`FindingsTable`].
#[derive(Properties)]
pub struct TableProps {
    /// The session (borrowed for the render).
    pub session: std::rc::Rc<std::cell::RefCell<Option<Session>>>,
    /// Changes when the session has new findings (for Yew to re-render).
    pub version: u64,
    /// The view.
    pub view: View,
    /// A choice.
    pub on: Callback<ViewAction>,
}

impl PartialEq for TableProps {
    fn eq(&self, o: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.session, &o.session)
            && self.version == o.version
            && self.view == o.view
            && self.on == o.on
    }
}

/// The findings the filter keeps, a page at a time; 查看 opens the case.
#[component]
pub fn FindingsTable(props: &TableProps) -> Html {
    let guard = props.session.borrow();
    let Some(s) = guard.as_ref() else {
        return Html::default();
    };
    let rows = props.view.rows(s);
    let more = {
        let on = props.on.clone();
        Callback::from(move |_: MouseEvent| on.emit(ViewAction::ShowMore))
    };
    let body = rows.shown.iter().filter_map(|r| {
        let (c, f) = s.finding(*r)?;
        let open = {
            let on = props.on.clone();
            let i = r.case;
            Callback::from(move |_: MouseEvent| on.emit(ViewAction::Open(i)))
        };
        let current = props.view.open == Some(r.case);
        Some(html! {
            <tr class={classes!("finding-row", current.then_some("is-open"))}
                data-severity={severity_value(f.severity)} data-rule={f.rule.id()}>
                <td class="nowrap">{ c.whereabouts() }</td>
                <td>{ c.reference.clone().unwrap_or_default() }</td>
                <td><code>{ &c.item }</code></td>
                <td>{ c.officer.clone().unwrap_or_default() }</td>
                <td class={format!("sev sev-{}", severity_value(f.severity))}>{ f.severity.label() }</td>
                <td><span class="rule-title">{ f.rule.title() }</span><br /><code class="rule-id">{ f.rule.id() }</code></td>
                <td>
                    if let Some(p) = &f.party { { format!("（{p}）") } }
                    { &f.message }
                </td>
                <td>{ f.expected.as_ref().map(|x| x.words()).unwrap_or_default() }</td>
                <td>{ f.recorded.as_ref().map(|x| x.words()).unwrap_or_default() }</td>
                <td><button type="button" class="btn btn-quiet case-open" onclick={open}
                    aria-label={format!("查看{}的推理过程", c.whereabouts())}>{ "查看" }</button></td>
            </tr>
        })
    });
    html! {
        <>
            <p class="hint" id="findings-count">
                { format!("共 {} 项问题", rows.kept) }
                if rows.shown.len() < rows.kept { { format!("，显示前 {} 项", rows.shown.len()) } }
            </p>
            if rows.kept > 0 {
                <div class="table-wrap">
                    <table class="review-table" id="findings-table">
                        <thead><tr>
                            <th>{ "位置" }</th><th>{ "案号" }</th><th>{ "违法行为" }</th><th>{ "承办人" }</th>
                            <th>{ "等级" }</th><th>{ "规则" }</th><th>{ "问题" }</th><th>{ "应为" }</th>
                            <th>{ "记录为" }</th><th></th>
                        </tr></thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
            }
            if rows.shown.len() < rows.kept {
                <button type="button" class="btn btn-secondary" id="findings-more" onclick={more}>
                    { format!("显示更多（还有 {} 项）", rows.kept - rows.shown.len()) }
                </button>
            }
        </>
    }
}
