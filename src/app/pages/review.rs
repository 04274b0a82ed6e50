//! The 案卷评查 page (review.html): a reviewer (法制审核, 案卷评查) checks a year's decided cases
//! against the benchmark and gets the batch findings, charts and an HTML report — the tool is
//! [`crate::app::review::ReviewTool`].

use yew::prelude::*;

use super::{PageHeader, PageIntro, use_active_pack};
use crate::app::review::ReviewTool;

/// Renders the page into `#app` (`startReview`, exported by src/bin/tools.rs).
pub fn start() {
    super::render::<ReviewPage>();
}

/// The page.
#[component]
pub fn ReviewPage() -> Html {
    let active = use_active_pack();
    html! {
        <div class="app page">
            <PageHeader active={active.clone()} />
            <main class="page-main">
                <PageIntro heading="案卷评查"
                    intro="对照当前裁量基准，逐件检查已办结案件的处罚是否在基准范围内、程序是否齐备，并生成评查报告。" />
                <ReviewTool pack={active.pack.clone()} />
            </main>
        </div>
    }
}
