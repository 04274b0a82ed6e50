//! The 案卷评查 tool (review.html) and the 提交前自查 panel ([`self_check`]): thin views over
//! [`crate::review::session`] (the batch, its progress, filters and exports; a case table's
//! column mapper, [`mapper`]) and [`crate::review::self_check`]. No rule is decided here: the components read the session and
//! dispatch the reviewer's choices. Built only into the `tools` module (src/bin/tools.rs).
//!
//! The batch runs in chunks on the page's thread: each chunk is sized by
//! [`Pace`] to a time slice, then the page paints (the progress bar, the running counts) and
//! takes input before the next — so a year's cases never freeze it.

pub mod charts;
pub mod detail;
pub mod findings;
pub mod mapper;
pub mod self_check;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use gloo::file::callbacks::{FileReader, read_as_bytes, read_as_text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::clock;
use crate::app::download::{download, download_bytes};
use crate::form::format::short_hash;
use crate::form::state::PackRef;
use crate::review::batch::is_table_name;
use crate::review::mapping::{ColumnMapping, read_mapping};
use crate::review::report::svg;
use crate::review::session::mapper::{Mapper, MapperAction};
use crate::review::session::pace::{Pace, rate_words};
use crate::review::session::view::{View, ViewAction};
use crate::review::session::{Progress, Session};
use crate::review::summary::Summary;
use charts::ChartView;
use detail::CaseDetail;
use findings::{Filters, FindingsTable};
use mapper::{ColumnMapper, MapperRef};

/// The file being reviewed: its name and bytes, and a number that tells one load from another
/// (the same file chosen again is reviewed again).
struct Input {
    id: u64,
    name: String,
    bytes: Rc<Vec<u8>>,
}

/// Where the run is.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Failed(String),
    Running(Progress),
    Stopped(Progress),
    Finished { progress: Progress, ms: f64 },
}

impl Status {
    /// Changes whenever the session has more to show.
    fn version(&self) -> u64 {
        match self {
            Status::Idle | Status::Failed(_) => 0,
            Status::Running(p) => p.rows * 2,
            Status::Stopped(p) | Status::Finished { progress: p, .. } => p.rows * 2 + 1,
        }
    }
}

/// The reviewer's view as Yew state.
#[derive(PartialEq, Default)]
struct ViewState(View);

impl Reducible for ViewState {
    type Action = ViewAction;
    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut v = self.0.clone();
        v.reduce(action);
        Rc::new(ViewState(v))
    }
}

/// The column mapper of the case table being reviewed (by the input's id), as Yew state.
#[derive(PartialEq, Default)]
struct MapperState(Option<(u64, MapperRef)>);

enum MapperMsg {
    Open(u64, Box<Mapper>),
    Clear,
    Act(MapperAction),
}

impl Reducible for MapperState {
    type Action = MapperMsg;
    fn reduce(self: Rc<Self>, msg: MapperMsg) -> Rc<Self> {
        Rc::new(match msg {
            MapperMsg::Open(id, m) => MapperState(Some((id, MapperRef(Rc::new(*m))))),
            MapperMsg::Clear => MapperState(None),
            MapperMsg::Act(a) => match &self.0 {
                Some((id, m)) => {
                    let mut m = (*m.0).clone();
                    m.reduce(a);
                    MapperState(Some((*id, MapperRef(Rc::new(m)))))
                }
                None => return self,
            },
        })
    }
}

/// A file input that emits the chosen file (and can take the same file again).
fn file_input(id: &'static str, accept: &'static str, on: Callback<web_sys::File>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            on.emit(file);
        }
        input.set_value("");
    });
    html! { <input {id} class="visually-hidden" type="file" {accept} {onchange} /> }
}

/// Props of [`ReviewTool`].
#[derive(Properties, PartialEq)]
pub struct ReviewToolProps {
    /// The pack the officer's page uses.
    pub pack: PackRef,
}

/// The 案卷评查 tool: a file of decided cases against the active pack (or a chosen pack file),
/// its progress, the summary and charts, the findings with filters, a case's drill-down, and
/// the report's downloads.
#[component]
pub fn ReviewTool(props: &ReviewToolProps) -> Html {
    let input = use_state(|| None::<Rc<Input>>);
    let chosen = use_state(|| None::<(PackRef, String)>);
    let pack_error = use_state(|| None::<String>);
    let map = use_state(|| None::<(Rc<ColumnMapping>, String)>);
    let map_error = use_state(|| None::<String>);
    let session = use_mut_ref(|| None::<Session>);
    let status = use_state(|| Status::Idle);
    let generation = use_mut_ref(|| 0u64);
    let loads = use_mut_ref(|| 0u64);
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let view = use_reducer(ViewState::default);
    let mapper = use_reducer(MapperState::default);
    // The input to review now (its id, and a count so that 开始评查 again reviews again).
    let run_request = use_state(|| None::<(u64, u64)>);
    let runs = use_mut_ref(|| 0u64);
    // The mapping the results were found through (a table's), to say when the mapper has moved on.
    let ran_with = use_state(|| None::<ColumnMapping>);
    let pack = chosen
        .as_ref()
        .map(|(p, _)| p.clone())
        .unwrap_or_else(|| props.pack.clone());

    // A new file: a case table goes to the column mapper (a mapping file loaded goes into it);
    // JSON lines are reviewed at once.
    {
        let (session, status, generation, mappers, requests, counter) = (
            session.clone(),
            status.clone(),
            generation.clone(),
            mapper.clone(),
            run_request.clone(),
            runs.clone(),
        );
        let input_id = input.as_ref().map(|i| i.id);
        // By content: a mapping file edited and loaded again under its name is taken again.
        let map_file = map.as_ref().map(|(m, n)| (n.clone(), (**m).clone()));
        let (input, map) = ((*input).clone(), (*map).clone());
        use_effect_with((input_id, map_file), move |_| {
            let Some(input) = input else { return };
            if !is_table_name(&input.name) {
                mappers.dispatch(MapperMsg::Clear);
                if requests.map(|(id, _)| id) != Some(input.id) {
                    *counter.borrow_mut() += 1;
                    requests.set(Some((input.id, *counter.borrow())));
                }
                return;
            }
            let same = mappers.0.as_ref().is_some_and(|(id, _)| *id == input.id);
            if same {
                mappers.dispatch(MapperMsg::Act(match map {
                    Some((m, name)) => MapperAction::Load {
                        mapping: (*m).clone(),
                        name,
                    },
                    None => MapperAction::Reset,
                }));
                return;
            }
            // A run of the file before stops either way.
            *generation.borrow_mut() += 1;
            // A mapping file loaded is taken as it is; without one, the mapping last reviewed
            // with where it fits this file.
            let opened = match map.as_ref() {
                Some((m, n)) => Mapper::open(&input.name, &input.bytes, Some((&**m, n.as_str()))),
                None => Mapper::open_remembering(
                    &input.name,
                    &input.bytes,
                    crate::app::storage::load_review_mapping().as_ref(),
                ),
            };
            match opened {
                Ok(m) => {
                    *session.borrow_mut() = None;
                    requests.set(None);
                    mappers.dispatch(MapperMsg::Open(input.id, Box::new(m)));
                    status.set(Status::Idle);
                }
                // The error is shown; the mapper of the file before and its results are kept.
                Err(e) => status.set(Status::Failed(e.to_string())),
            }
        });
    }

    // 开始评查 (or JSON lines), or another pack: the review starts again.
    {
        let (session, status, generation, view) = (
            session.clone(),
            status.clone(),
            generation.clone(),
            view.dispatcher(),
        );
        let deps = (*run_request, pack.hash.clone());
        let (input, pack, ran_with) = ((*input).clone(), pack.clone(), ran_with.clone());
        let table = mapper.0.clone();
        use_effect_with(deps, move |(request, _)| {
            *generation.borrow_mut() += 1;
            let Some((id, _)) = *request else { return };
            // A table is reviewed from its mapper (which keeps the table read), JSON lines from
            // the input.
            let opened = match (table.filter(|(t, _)| *t == id), input) {
                (Some((_, m)), _) => {
                    let mapping = m.0.mapping();
                    crate::app::storage::save_review_mapping(&mapping);
                    ran_with.set(Some(mapping));
                    m.0.session(&pack)
                }
                (None, Some(input)) if input.id == id => Session::open(
                    &input.name,
                    input.bytes.clone(),
                    &ColumnMapping::default(),
                    &pack,
                ),
                _ => return,
            };
            view.dispatch(ViewAction::Reset);
            match opened {
                Err(e) => {
                    *session.borrow_mut() = None;
                    status.set(Status::Failed(e.to_string()));
                }
                Ok(s) => {
                    let progress = s.progress();
                    *session.borrow_mut() = Some(s);
                    status.set(Status::Running(progress));
                    run(session, status, generation, pack);
                }
            }
        });
    }

    let on_cases = {
        let (input, readers, loads) = (input.clone(), readers.clone(), loads.clone());
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let input = input.clone();
            let loads = loads.clone();
            let task = read_as_bytes(&gloo::file::Blob::from(file), move |res| {
                *loads.borrow_mut() += 1;
                let id = *loads.borrow();
                match res {
                    Ok(bytes) => input.set(Some(Rc::new(Input {
                        id,
                        name,
                        bytes: Rc::new(bytes),
                    }))),
                    // An empty input tells the session to say the file cannot be read.
                    Err(_) => input.set(Some(Rc::new(Input {
                        id,
                        name,
                        bytes: Rc::new(Vec::new()),
                    }))),
                }
            });
            readers.borrow_mut().push(task);
        })
    };
    let on_pack = {
        let (chosen, pack_error, readers) = (chosen.clone(), pack_error.clone(), readers.clone());
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let (chosen, pack_error) = (chosen.clone(), pack_error.clone());
            let task = read_as_text(&gloo::file::Blob::from(file), move |res| match res {
                Err(e) => pack_error.set(Some(format!("{name}：无法读取（{e}）"))),
                Ok(text) => match crate::validate::accept_pack(&name, &text) {
                    Ok((lp, _)) => {
                        pack_error.set(None);
                        chosen.set(Some((PackRef(Rc::new(lp)), name)));
                    }
                    Err(refused) => {
                        let r = &refused.report;
                        let mut lines = vec![format!("未采用基准文件“{name}”：{}", r.summary())];
                        lines.extend(r.lines().into_iter().take(5));
                        pack_error.set(Some(lines.join("\n")));
                    }
                },
            });
            readers.borrow_mut().push(task);
        })
    };
    let on_map = {
        let (map, map_error, readers) = (map.clone(), map_error.clone(), readers.clone());
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let (map, map_error) = (map.clone(), map_error.clone());
            let task = read_as_text(&gloo::file::Blob::from(file), move |res| match res {
                Err(e) => map_error.set(Some(format!("{name}：无法读取（{e}）"))),
                Ok(text) => match read_mapping(&name, &text) {
                    Ok(m) => {
                        map_error.set(None);
                        map.set(Some((Rc::new(m), name)));
                    }
                    Err(e) => map_error.set(Some(e)),
                },
            });
            readers.borrow_mut().push(task);
        })
    };
    let use_active = {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(None))
    };
    let no_map = {
        let map = map.clone();
        Callback::from(move |_: MouseEvent| map.set(None))
    };
    let stop = {
        let (generation, status, session) = (generation.clone(), status.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            *generation.borrow_mut() += 1;
            if let Some(s) = session.borrow().as_ref() {
                status.set(Status::Stopped(s.progress()));
            }
        })
    };
    let ondrop = {
        let on_cases = on_cases.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_cases.emit(f);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // Kept from render to render, so that the mapper is not drawn again at every chunk of a run.
    let on_map_act = {
        let d = mapper.dispatcher();
        use_callback((), move |a: MapperAction, _| d.dispatch(MapperMsg::Act(a)))
    };
    let on_start = {
        let (requests, counter) = (run_request.clone(), runs.clone());
        use_callback(mapper.0.as_ref().map(|(id, _)| *id), move |(), id| {
            if let Some(id) = id {
                *counter.borrow_mut() += 1;
                requests.set(Some((*id, *counter.borrow())));
            }
        })
    };
    let on_save_map = {
        let url = url.clone();
        use_callback(mapper.0.as_ref().map(|(_, m)| m.clone()), move |(), m| {
            let Some(m) = m else { return };
            match download(
                "列名对照.json",
                &m.0.mapping().to_json(),
                "application/json;charset=utf-8",
            ) {
                Ok(u) => *url.borrow_mut() = Some(u),
                Err(e) => gloo::console::error!(format!("下载失败：{e}")),
            }
        })
    };
    let on_view = view.dispatcher();
    let on_view = Callback::from(move |a: ViewAction| on_view.dispatch(a));

    // The open case, evaluated again.
    let open = view.0.open;
    let detail = {
        let session = session.clone();
        let pack = pack.clone();
        use_memo(
            (open, status.version(), pack.hash.clone()),
            move |(open, _, _)| {
                let i = (*open)?;
                session
                    .borrow()
                    .as_ref()
                    .and_then(|s| s.detail(&pack, i))
                    .map(Rc::new)
            },
        )
    };
    use_effect_with(open, |open| {
        if open.is_some() {
            if let Some(el) = gloo::utils::document().get_element_by_id("case-detail") {
                el.scroll_into_view();
            }
        }
    });

    let meta = &pack.pack.meta;
    let pack_line = format!(
        "{} {}（摘要 {}{}）",
        meta.title,
        meta.edition,
        short_hash(&pack.hash),
        match &*chosen {
            Some((_, f)) => format!("，文件 {f}"),
            None => "，计算器当前使用的基准".to_string(),
        }
    );
    let source = html! {
        <section class="card" aria-labelledby="review-source-h" {ondrop} {ondragover} id="review-source">
            <h2 class="card-title" id="review-source-h">{ "评查文件" }</h2>
            <p class="hint">
                { "已办结案件的 JSON 行文件（每行一件，或案件库导出的 JSON 行）、CSV（UTF-8 或 GBK）或 Excel（.xlsx）。表格文件先核对列名对照（按案件库导出的列名自动对应，也可载入保存的列名对照文件），再开始评查。也可把文件拖放到这里。" }
            </p>
            <div class="pack-actions">
                { file_input("review-file", ".jsonl,.ndjson,.json,.csv,.tsv,.txt,.xlsx,.xlsm", on_cases) }
                <label class="btn btn-secondary file-btn" for="review-file">{ "选择案件文件…" }</label>
                { file_input("review-map", ".json,application/json", on_map) }
                <label class="btn btn-secondary file-btn" for="review-map"
                    title="本局案件系统导出的列名与评查字段的对照（JSON），保存后可重复使用">
                    { "列名对照文件…" }
                </label>
                if let Some((_, name)) = &*map {
                    <span class="chip" id="review-map-name">{ format!("列名对照：{name}") }</span>
                    <button type="button" class="btn btn-quiet" onclick={no_map}>{ "不用列名对照" }</button>
                }
            </div>
            if let Some(e) = &*map_error {
                <p class="field-error" role="alert">{ e.clone() }</p>
            }
            <p class="review-pack">
                <span class="pack-label">{ "评查所依基准" }</span>
                <span id="review-pack">{ pack_line }</span>
                if meta.reference_only {
                    <span class="badge badge-ref">{ "参考示例" }</span>
                }
            </p>
            <div class="pack-actions">
                { file_input("review-pack-file", ".json,application/json", on_pack) }
                <label class="btn btn-secondary file-btn" for="review-pack-file">{ "选择其他基准文件…" }</label>
                if chosen.is_some() {
                    <button type="button" class="btn btn-quiet" id="review-pack-active" onclick={use_active}>
                        { "改用计算器当前的基准" }
                    </button>
                }
            </div>
            if let Some(e) = &*pack_error {
                <pre class="field-error" role="alert" id="review-pack-error">{ e.clone() }</pre>
            }
        </section>
    };

    let guard = session.borrow();
    let s = guard.as_ref();
    let running = matches!(*status, Status::Running(_));
    let progress = match &*status {
        Status::Idle => Html::default(),
        Status::Failed(e) => html! {
            <p class="field-error" role="alert" id="review-error">{ e.clone() }</p>
        },
        Status::Running(p) | Status::Stopped(p) | Status::Finished { progress: p, .. } => {
            let words = match &*status {
                Status::Running(_) => {
                    format!("正在评查：已读取 {} 行（{}%）", p.rows, p.permille() / 10)
                }
                Status::Stopped(_) => format!("已停止：读取了 {} 行，结果不完整", p.rows),
                Status::Finished { ms, .. } => {
                    let rate = s
                        .and_then(|s| rate_words(s.summary().cases + s.summary().unreadable, *ms))
                        .map(|r| format!("，{r}"))
                        .unwrap_or_default();
                    format!("评查完成：用时 {:.1} 秒{rate}", ms / 1000.0)
                }
                _ => String::new(),
            };
            html! {
                <div class="review-progress" aria-live="polite">
                    <progress id="review-progress" max="1000" value={p.permille().to_string()}></progress>
                    <span id="review-status" data-finished={matches!(*status, Status::Finished { .. }).to_string()}>
                        { words }
                    </span>
                    if running {
                        <button type="button" class="btn btn-quiet" id="review-stop" onclick={stop}>{ "停止" }</button>
                    }
                </div>
            }
        }
    };
    let results = match s {
        Some(s) if !running => {
            results(s, &view.0, &on_view, session.clone(), status.version(), url)
        }
        Some(s) => tiles(s.summary()),
        None => Html::default(),
    };
    let on_close = {
        let d = view.dispatcher();
        Callback::from(move |_| d.dispatch(ViewAction::Close))
    };
    let mapper_card = mapper.0.as_ref().map(|(id, m)| {
        let ran = run_request.is_some_and(|(r, _)| r == *id);
        let stale = ran && ran_with.as_ref() != Some(&m.0.mapping());
        html! {
            <ColumnMapper input={*id} {stale} mapper={m.clone()} pack={pack.clone()} act={on_map_act}
                {on_start} on_download={on_save_map} />
        }
    });
    html! {
        <div class="review-tool" id="tool">
            { source }
            if !matches!(*status, Status::Idle) {
                <section class="card" aria-labelledby="review-result-h" id="review-result">
                    <h2 class="card-title" id="review-result-h">
                        { s.map(|s| format!("评查结果：{}（{}）", s.file(), s.kind().label())).unwrap_or_else(|| "评查结果".into()) }
                    </h2>
                    { progress }
                    { results }
                </section>
            }
            { for mapper_card }
            if let Some(d) = &*detail {
                <CaseDetail detail={d.clone()} {on_close} />
            }
        </div>
    }
}

/// Runs the session to its end in chunks, painting between them; stops when a newer run (or
/// 停止) has moved the generation on.
fn run(
    session: Rc<RefCell<Option<Session>>>,
    status: UseStateHandle<Status>,
    generation: Rc<RefCell<u64>>,
    pack: PackRef,
) {
    let mine = *generation.borrow();
    wasm_bindgen_futures::spawn_local(async move {
        let mut pace = Pace::default();
        let started = clock::now();
        loop {
            // Paint and take input first (also before the first chunk).
            yew::platform::time::sleep(Duration::ZERO).await;
            if *generation.borrow() != mine {
                return;
            }
            let t = clock::now();
            let progress = match session.borrow_mut().as_mut() {
                Some(s) => s.step(&pack, pace.rows),
                None => return,
            };
            pace.after(pace.rows, clock::now() - t);
            if progress.finished {
                status.set(Status::Finished {
                    progress,
                    ms: clock::now() - started,
                });
                return;
            }
            status.set(Status::Running(progress));
        }
    });
}

/// The counts: cases, clean, by their most serious finding, unreadable rows.
fn tiles(s: &Summary) -> Html {
    let tile = |id: &'static str, class: &'static str, label: &'static str, n: u64| {
        html! {
            <div class={classes!("review-tile", class)} {id}>
                <b>{ n }</b><span>{ label }</span>
            </div>
        }
    };
    html! {
        <div class="review-tiles" id="review-tiles">
            { tile("tile-cases", "", "评查案件", s.cases) }
            { tile("tile-clean", "", "未发现问题", s.clean) }
            { tile("tile-error", "sev-error", "有错误的案件", s.cases_by_worst.error) }
            { tile("tile-warning", "sev-warning", "有警告的案件（无错误）", s.cases_by_worst.warning) }
            { tile("tile-notice", "sev-notice", "仅有提示的案件", s.cases_by_worst.notice) }
            { tile("tile-unreadable", "sev-error", "无法评查的行", s.unreadable) }
        </div>
    }
}

/// Everything a finished (or stopped) review shows.
fn results(
    s: &Session,
    view: &View,
    on_view: &Callback<ViewAction>,
    session: Rc<RefCell<Option<Session>>>,
    version: u64,
    url: Rc<RefCell<Option<gloo::file::ObjectUrl>>>,
) -> Html {
    let summary = s.summary();
    let save = |what: &'static str| {
        let session = session.clone();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let guard = session.borrow();
            let Some(s) = guard.as_ref() else { return };
            let r = match what {
                "csv" => download("评查问题清单.csv", &s.csv(), "text/csv;charset=utf-8"),
                "xlsx" => s.xlsx().map_err(|e| e.to_string()).and_then(|b| {
                    download_bytes(
                        "评查问题清单.xlsx",
                        &b,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    )
                }),
                _ => download("评查报告.html", &s.html(), "text/html;charset=utf-8"),
            };
            match r {
                Ok(u) => *url.borrow_mut() = Some(u),
                Err(e) => gloo::console::error!(format!("下载失败：{e}")),
            }
        })
    };
    let not_checked = (!summary.not_checked.is_empty()).then(|| {
        let missing: Vec<&str> = summary.not_stated.iter().map(|r| r.label()).collect();
        let rules: Vec<String> = summary
            .not_checked
            .iter()
            .map(|r| format!("{}（{}）", r.title(), r.id()))
            .collect();
        html! {
            <p class="notice" id="review-not-checked">
                { format!("评查文件未记录{}，以下规则未核对：{}", missing.join("、"), rules.join("；")) }
            </p>
        }
    });
    let unreadable: Vec<Html> = s
        .unreadable()
        .take(200)
        .map(|e| html! { <li>{ e.to_string() }</li> })
        .collect();
    html! {
        <>
            { tiles(summary) }
            <p class="hint" id="review-summary-line">{ summary.line() }</p>
            if summary.pack.reference_only {
                <p class="ref-warning" role="note">
                    { "所用基准为参考示例，非任何机关发布的正式裁量基准；评查结论仅供参考，应按本地正式基准核对。" }
                </p>
            }
            { for not_checked }
            if !s.notes().is_empty() {
                <ul class="review-notes">{ for s.notes().iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
            <div class="sheet-actions review-downloads">
                <button type="button" class="btn btn-secondary" id="download-csv" onclick={save("csv")}>{ "下载问题清单 CSV" }</button>
                <button type="button" class="btn btn-secondary" id="download-xlsx" onclick={save("xlsx")}>{ "下载问题清单 Excel" }</button>
                <button type="button" class="btn btn-secondary" id="download-html" onclick={save("html")}>{ "下载评查报告 HTML" }</button>
            </div>
            <div class="review-charts">
                if let Some(c) = svg::rule_chart(summary) {
                    <figure><figcaption>{ "问题类型" }</figcaption><ChartView chart={c} id="chart-rules" /></figure>
                }
                if let Some(c) = svg::strip_chart(summary) {
                    <figure>
                        <figcaption>{ "罚款在基准幅度内的位置（绿色为基准幅度，红色为低于或高于基准）" }</figcaption>
                        <ChartView chart={c} id="chart-strip" />
                    </figure>
                }
            </div>
            <h3 class="sub">{ "问题清单" }</h3>
            <Filters facets={s.facets()} view={view.clone()} on={on_view.clone()} />
            <FindingsTable {session} {version} view={view.clone()} on={on_view.clone()} />
            if !unreadable.is_empty() {
                <h3 class="sub">{ format!("无法评查的行（{} 行）", summary.unreadable) }</h3>
                <ul class="review-unreadable" id="review-unreadable">{ for unreadable }</ul>
            }
        </>
    }
}
