//! The 基准导入 tool (in the `tools` module only): thin components over
//! [`crate::import::session::ImportSession`], which holds every decision — what the file is,
//! how its columns are read, what is 待定 or to check, whether the calculator would take the
//! pack. The components read files, render the session as text and turn what the author does
//! into [`ImportAction`]s; "在计算器中使用" saves the pack where the officer's page reads its
//! pack at start ([`storage::save_pack`]).

mod columns;
mod items;
mod report;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_bytes, read_as_text};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::hooks::pack_loader::use_drop_target;
use crate::app::storage;
use crate::form::state::PackRef;
use crate::import::session::{Download, ImportAction, ImportSession};

/// The session as the page's reducer.
#[derive(Default)]
struct Session(Rc<ImportSession>);

impl Reducible for Session {
    type Action = ImportAction;

    fn reduce(self: Rc<Self>, action: ImportAction) -> Rc<Self> {
        Rc::new(Session(Rc::new(self.0.reduce(action))))
    }
}

/// The session, compared by identity (each action makes a new one).
#[derive(Clone)]
pub struct SessionRef(Rc<ImportSession>);

impl PartialEq for SessionRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SessionRef {
    type Target = ImportSession;
    fn deref(&self) -> &ImportSession {
        &self.0
    }
}

/// Props of the parts of the tool.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The session.
    pub session: SessionRef,
    /// What the author does.
    pub act: Callback<ImportAction>,
}

/// Props of [`Importer`].
#[derive(Properties, PartialEq)]
pub struct ImporterProps {
    /// The pack the officer's page uses (offered as the base of the imported pack).
    pub pack: PackRef,
}

/// The files chosen, read one after another; a reader dropped would cancel its read.
type Readers = Rc<RefCell<Vec<FileReader>>>;

fn read_table(readers: &Readers, act: &Callback<ImportAction>, file: web_sys::File) {
    let name = file.name();
    let act = act.clone();
    let task = read_as_bytes(&gloo::file::Blob::from(file), move |res| {
        act.emit(match res {
            Ok(bytes) => ImportAction::File { name, bytes },
            Err(e) => ImportAction::FileUnreadable {
                name,
                error: e.to_string(),
            },
        })
    });
    readers.borrow_mut().push(task);
}

fn read_texts(
    readers: &Readers,
    act: &Callback<ImportAction>,
    input: &HtmlInputElement,
    make: fn(String, String) -> ImportAction,
) {
    let Some(files) = input.files() else { return };
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let act = act.clone();
        let task = read_as_text(&gloo::file::Blob::from(file), move |res| match res {
            Ok(text) => act.emit(make(name, text)),
            Err(e) => act.emit(make(name, format!("（无法读取：{e}）"))),
        });
        readers.borrow_mut().push(task);
    }
    input.set_value("");
}

/// Offers bytes as a download; the object URL is kept until the next one.
fn offer(kept: &Rc<RefCell<Option<gloo::file::ObjectUrl>>>, name: &str, bytes: &[u8], mime: &str) {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    if let Some(a) = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    *kept.borrow_mut() = Some(url);
}

/// The tool.
#[component]
pub fn Importer(props: &ImporterProps) -> Html {
    let state = use_reducer(Session::default);
    let act = {
        let state = state.clone();
        Callback::from(move |a: ImportAction| state.dispatch(a))
    };
    let readers: Readers = use_mut_ref(Vec::new);
    let kept = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let use_error = use_state(|| None::<String>);
    let session = SessionRef(state.0.clone());

    let on_table = {
        let (readers, act) = (readers.clone(), act.clone());
        Callback::from(move |file: web_sys::File| read_table(&readers, &act, file))
    };
    let drop = use_drop_target(on_table.clone());
    let on_table_input = {
        let on_table = on_table.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|f| f.get(0)) {
                on_table.emit(f);
            }
            input.set_value("");
        })
    };
    let on_laws = {
        let (readers, act) = (readers.clone(), act.clone());
        Callback::from(move |e: Event| {
            read_texts(&readers, &act, &e.target_unchecked_into(), |name, text| {
                ImportAction::LawText { name, text }
            })
        })
    };
    let on_map = {
        let (readers, act) = (readers.clone(), act.clone());
        Callback::from(move |e: Event| {
            read_texts(&readers, &act, &e.target_unchecked_into(), |name, text| {
                ImportAction::MappingText { name, text }
            })
        })
    };
    let on_base = {
        let (act, pack) = (act.clone(), props.pack.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            act.emit(ImportAction::Base(input.checked().then(|| pack.0.clone())));
        })
    };
    let download = |what: Download| {
        let (session, kept, use_error) = (session.clone(), kept.clone(), use_error.clone());
        Callback::from(move |_: MouseEvent| match session.download(what) {
            Some(Ok(file)) => {
                use_error.set(None);
                offer(&kept, &file.name, &file.bytes, file.mime);
            }
            Some(Err(e)) => use_error.set(Some(e)),
            None => {}
        })
    };
    let on_use = {
        let (session, use_error) = (session.clone(), use_error.clone());
        Callback::from(move |_: MouseEvent| {
            let saved = session
                .for_calculator()
                .and_then(|source| storage::save_pack(Some(&source)).map(|_| source));
            match saved {
                Ok(_) => {
                    use_error.set(None);
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign("./");
                    }
                }
                Err(e) => use_error.set(Some(format!("未能设为计算器的基准：{e}"))),
            }
        })
    };

    let run = session.run.clone();
    html! {
        <section class={classes!("card", "importer", drop.dragging.then_some("dragging"))} id="tool"
            aria-label="导入裁量基准表"
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <h2 class="card-title">{ "1. 选择表格文件" }</h2>
            <p class="hint">{ "本局发布的裁量基准表：Excel（.xlsx）、Word（.docx）或 CSV（UTF-8 或 GBK）。也可把文件拖放到此处。文件只在本机浏览器中读取，不上传。" }</p>
            <div class="pack-actions">
                <input id="import-file" class="visually-hidden" type="file"
                    accept=".xlsx,.xlsm,.docx,.csv,.txt,.tsv" onchange={on_table_input} />
                <label class="btn btn-secondary" for="import-file">{ "选择表格文件…" }</label>
                <input id="import-laws" class="visually-hidden" type="file" multiple=true
                    accept=".md,.txt" onchange={on_laws} />
                <label class="btn btn-quiet" for="import-laws"
                    title="以法律名称命名的 .md / .txt 文本，用于补全表格未引用的条文原文和法定罚款">
                    { "加入法律文本…" }
                </label>
                <input id="import-map" class="visually-hidden" type="file"
                    accept=".json,application/json" onchange={on_map} />
                <label class="btn btn-quiet" for="import-map"
                    title="列映射文件，或上一版由表格导入的基准包（取其 table_mapping）">
                    { "使用映射文件…" }
                </label>
                <label class="check">
                    <input type="checkbox" id="import-base" checked={session.base_title().is_some()}
                        onchange={on_base} />
                    { format!("以当前基准“{}”为底本（取其基准信息、适用规则和情节）", props.pack.0.pack.meta.title) }
                </label>
            </div>
            if let Some(f) = &session.file {
                <p class="hint" id="import-file-name">{ format!("表格文件：{}", f.name) }</p>
            }
            if !session.laws.is_empty() {
                <p class="hint" id="import-laws-list">{ format!("法律文本：{}", session.laws.join("、")) }</p>
            }
            if let Some(n) = &session.notice {
                <p class="notice" role="status" id="import-notice">{ n }</p>
            }
            if let Some(e) = session.read_error() {
                <div class="box box-error" role="alert" id="import-error">
                    <h3>{ "无法读取表格文件" }</h3>
                    <p>{ e }</p>
                </div>
            }
            if session.document().is_some() {
                <columns::Layout session={session.clone()} act={act.clone()} />
            }
            if let Some(run) = run {
                <h2 class="card-title">{ "3. 导入结果" }</h2>
                <p id="import-summary">{ run.imported.report.summary() }</p>
                <div class={classes!("box", if run.usable() { "box-pending" } else { "box-error" })}
                    id="import-verdict">
                    <p>{ run.verdict() }</p>
                </div>
                <div class="pack-actions">
                    <button type="button" class="btn btn-secondary" id="download-pack"
                        onclick={download(Download::Pack)}>{ format!("下载基准包 {}", run.pack_file) }</button>
                    <button type="button" class="btn btn-quiet" id="download-xlsx"
                        onclick={download(Download::Xlsx)}>{ "导出 Excel" }</button>
                    <button type="button" class="btn btn-quiet" id="download-csv"
                        onclick={download(Download::Csv)}>{ "导出 CSV（UTF-8）" }</button>
                    <button type="button" class="btn btn-quiet" id="download-csv-gbk"
                        onclick={download(Download::CsvGbk)}>{ "导出 CSV（GBK）" }</button>
                    <button type="button" class="btn btn-secondary" id="use-pack"
                        disabled={!run.usable()} onclick={on_use}
                        title={if run.usable() { "设为计算器的当前基准并打开计算器" } else { "校验通过前不能使用" }}>
                        { "在计算器中使用" }
                    </button>
                </div>
                if let Some(e) = &*use_error {
                    <p class="field-error" role="alert" id="use-error">{ e }</p>
                }
                <items::Items session={session.clone()} act={act.clone()} />
                <report::Report session={session.clone()} act={act.clone()} />
            }
        </section>
    }
}
