//! The 基准导入 page (import.html): a pack author imports a bureau's published 裁量基准 table
//! (Excel, Word or CSV) into a pack, reviews the import report and the items, exports the pack
//! (JSON, .xlsx, .csv) or uses it in the calculator ([`crate::app::import::Importer`]).

use yew::prelude::*;

use super::{PageHeader, PageIntro, use_active_pack};

/// Renders the page into `#app` (`startImport`, exported by src/bin/tools.rs).
pub fn start() {
    super::render::<ImportPage>();
}

/// The page.
#[component]
pub fn ImportPage() -> Html {
    let active = use_active_pack();
    html! {
        <div class="app page">
            <PageHeader active={active.clone()} />
            <main class="page-main">
                <PageIntro heading="基准导入"
                    intro="把本局发布的裁量基准表（Excel、Word 或 CSV 文件）导入为基准文件，逐项校验后导出，供计算器加载。" />
                <crate::app::import::Importer pack={active.pack.clone()} />
            </main>
        </div>
    }
}
