//! The pages loaded on demand: each is a static HTML file of its own (web/documents.html,
//! web/import.html, web/review.html) whose only script, `web/boot.js`, loads a wasm module other
//! than the officer's and calls one entry function of it. The officer's first load carries
//! none of this: each page is compiled only with its cargo feature, which Trunk builds into a
//! binary of its own that exports the page's entry (src/bin/docs.rs → `startDocuments`;
//! src/bin/tools.rs → `startImport`, `startReview`). The library exports no entry without a
//! feature (src/bin/app.rs exports the officer's `startPage`), so the page modules do not carry
//! the officer's app either.
//!
//! | page | file | feature / binary | entry | component |
//! |---|---|---|---|---|
//! | 文书 | documents.html | `docs` | `startDocuments` | [`documents::DocumentsPage`] |
//! | 基准导入 | import.html | `tools` | `startImport` | [`import::ImportPage`] |
//! | 案卷评查 | review.html | `tools` | `startReview` | [`review::ReviewPage`] |
//!
//! One module is not a page's: `check` (src/bin/check.rs), the officer's page's own tools loaded
//! on demand by web/boot.js — the pack validator (`validatePack`, for a pack the officer loads:
//! [`crate::app::pack_check`]) and 提交前自查 (index.html's static button; its first click calls
//! `startSelfCheck`, which renders [`crate::app::review::self_check::SelfCheckPanel`] into
//! `<aside id="self-check">`).
//!
//! Every page has the same frame: the static links of its HTML file (back to the calculator, the
//! other pages), [`PageHeader`] (the active pack — the one the officer's page uses, read from
//! the browser's storage), [`PageIntro`] (a heading and a line saying what the page is for),
//! and then the tool.
//!
//! # How a tool plugs in
//!
//! 1. Write the tool as a component that takes [`ToolProps`] (the active pack), in a module of
//!    its own under `src/app/` (e.g. `src/app/import/`), declared in `src/app/mod.rs` behind
//!    the page's feature: `#[cfg(feature = "tools")] pub mod import;`. Logic that needs no
//!    browser goes into a native module outside `src/app` and is unit-tested there.
//! 2. In the page's file here, replace the [`Placeholder`] with the component:
//!    `<crate::app::import::Importer pack={props.pack.clone()} />`.
//! 3. Dependencies only the tool uses are optional and enabled by the page's feature
//!    (`tools = ["dep:calamine"]` in Cargo.toml), so that the officer's `app` build never
//!    compiles them. Nothing the tool adds may be reachable from `src/app/components` (the
//!    officer's page): `scripts/size` would show it in the first load.
//! 4. Styles go into web/style.css under a class of the tool's own (the stylesheet is shared
//!    and part of the officer's first load: keep it short).
//! 5. `scripts/size` prints the module's size and fails past its line in size-budget.txt;
//!    raise that line deliberately (`scripts/size --update`) when the tool lands.
//!
//! A new page is a new HTML file in web/ (copied by index.html's `copy-file` link; web/postbuild.py
//! fills in the module's hashed names and lists the page for the service worker), an exported
//! entry in the binary of its feature calling the page's `start`, and a link in the static
//! `<nav id="site-nav">` of index.html and of every page in web/ (static HTML, so that the
//! officer's wasm does not grow with the links).
//!
//! Never add a `#[wasm_bindgen]` export to the library without a feature: every binary links
//! the library, so the export (and all it reaches) would land in every module.
//!
//! The pages' files: web/*.html (the pages), src/bin/docs.rs and src/bin/tools.rs (the binaries
//! and their exported entries), this module (the components), index.html (the `rel="rust"`
//! links that build the modules, and the `copy-file` links of the pages).

use std::rc::Rc;

use yew::prelude::*;

use super::start::reference_pack;
use super::storage;
use crate::form::format::short_hash;
use crate::form::state::PackRef;

#[cfg(feature = "docs")]
pub mod documents;
#[cfg(feature = "tools")]
pub mod import;
#[cfg(feature = "tools")]
pub mod review;

/// Installs the crash banner's panic hook and renders the page `P` into `<div id="app">`.
pub fn render<P>()
where
    P: BaseComponent,
    P::Properties: Default,
{
    super::install_panic_hook();
    if let Some(root) = super::page_root() {
        root.set_text_content(None);
        yew::Renderer::<P>::with_root(root).render();
    }
}

/// The pack the officer's page uses: the one it saved in the browser (if it still validates, as
/// the officer's page decides at start) or else the embedded reference pack.
#[derive(Debug, Clone)]
pub struct ActivePack {
    /// The pack.
    pub pack: PackRef,
    /// Its file name; None for the embedded reference pack.
    pub file: Option<String>,
    /// Why a saved pack is not used.
    pub notice: Option<String>,
}

impl PartialEq for ActivePack {
    fn eq(&self, other: &Self) -> bool {
        self.pack == other.pack && self.file == other.file && self.notice == other.notice
    }
}

/// Reads the active pack from storage, as the officer's page does at start (it does not write:
/// changing the pack is the officer's page's business).
pub fn active_pack() -> ActivePack {
    let reference = |notice| ActivePack {
        pack: PackRef(reference_pack()),
        file: None,
        notice,
    };
    match storage::load_pack_source().map(crate::form::state::PackSource::reload) {
        None => reference(None),
        Some(Ok((pack, source))) => ActivePack {
            pack: PackRef(pack),
            file: Some(source.file),
            notice: None,
        },
        // The officer's page words it "已改用内置参考基准"; this page does not switch anything.
        Some(Err(why)) => reference(Some(why.replace("已改用", "本页使用"))),
    }
}

/// The active pack, read once per page.
#[hook]
pub fn use_active_pack() -> Rc<ActivePack> {
    use_memo((), |_| active_pack())
}

/// What every tool is given.
#[derive(Properties, PartialEq)]
pub struct ToolProps {
    /// The active pack.
    pub pack: PackRef,
}

/// Props of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// The active pack.
    pub active: Rc<ActivePack>,
}

/// The title bar and the active pack. (The links to the calculator and the other pages are the
/// page's static `site-nav`, above it.)
#[component]
pub fn PageHeader(props: &PageHeaderProps) -> Html {
    let pack = &props.active.pack;
    let meta = &pack.pack.meta;
    html! {
        <header class="app-header no-print">
            <div class="titlebar">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{ "裁" }</span>
                    <div>
                        <p class="brand-name">{ "裁量基准计算器" }</p>
                        <p class="brand-sub">{ "住房城乡建设领域行政处罚裁量辅助工具" }</p>
                    </div>
                </div>
            </div>
            <div class="packbar" aria-label="当前裁量基准">
                <div class="pack-info">
                    <span class="pack-label">{ "当前基准" }</span>
                    <span class="pack-title" id="pack-title">{ &meta.title }</span>
                    <span class="pack-edition" id="pack-edition">{ &meta.edition }</span>
                    if meta.reference_only {
                        <span class="badge badge-ref" title="参考示例，非任何机关发布的正式裁量基准">{ "参考示例" }</span>
                    }
                    <span class="pack-hash" id="pack-hash" title={format!("内容摘要 SHA-256：{}", pack.hash)}>
                        { format!("摘要 {}", short_hash(&pack.hash)) }
                    </span>
                    <span class="pack-file">
                        { match &props.active.file {
                            Some(f) => format!("文件：{f}"),
                            None => "内置".to_string(),
                        } }
                    </span>
                </div>
                <p class="hint">{ "更换基准请回到计算器。" }</p>
            </div>
            if let Some(n) = &props.active.notice {
                <div class="notice" role="status"><span>{ n }</span></div>
            }
        </header>
    }
}

/// Props of [`PageIntro`].
#[derive(Properties, PartialEq)]
pub struct PageIntroProps {
    /// The page's heading.
    pub heading: AttrValue,
    /// One line: what the page is for.
    pub intro: AttrValue,
}

/// The page's heading and the line under it.
#[component]
pub fn PageIntro(props: &PageIntroProps) -> Html {
    html! {
        <div class="page-intro">
            <h1 id="page-heading">{ &props.heading }</h1>
            <p>{ &props.intro }</p>
        </div>
    }
}

/// Props of [`Placeholder`].
#[derive(Properties, PartialEq)]
pub struct PlaceholderProps {
    /// What will be here.
    pub what: AttrValue,
}

/// Where a tool goes until it is built (see the module doc).
#[component]
pub fn Placeholder(props: &PlaceholderProps) -> Html {
    html! {
        <section class="card tool-placeholder" id="tool" aria-label="工具">
            <p class="muted">{ format!("{}：建设中。", props.what) }</p>
        </section>
    }
}
