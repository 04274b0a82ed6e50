//! 日期与追责时效: the four dates of the case and 行政处罚法 art 36's five-year case.

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::draft::{CaseDraft, DateField};
use crate::form::{Evaluation, Field};

use super::inputs::{checkbox, errors_html, on_change_text, on_check, on_text};

/// The 日期 fieldset; date errors are shown once, under the four dates.
pub fn dates_section(draft: &CaseDraft, eval: &Evaluation, d: &Dispatch) -> Html {
    let date_errors = eval.errors_for(&Field::Dates);
    let date_field = |id: &str, label: &str, value: &str, field: DateField| {
        let onchange = on_change_text(d, move |v| Action::Date(field, v));
        let oninput = on_text(d, move |v| Action::Date(field, v));
        html! {
            <div class={classes!("field", (!date_errors.is_empty()).then_some("has-error"))}>
                <label for={id.to_string()} class="field-label">{ label }</label>
                <input id={id.to_string()} type="date" value={value.to_string()}
                    onchange={onchange} oninput={oninput}
                    aria-invalid={(!date_errors.is_empty()).to_string()}
                    aria-describedby={(!date_errors.is_empty()).then_some("dates-err")} />
            </div>
        }
    };
    html! {
        <fieldset>
            <legend>{ "日期与追责时效" }</legend>
            <div class="grid grid-4">
                { date_field("date-occurred", "违法行为发生之日", &draft.occurred, DateField::Occurred) }
                { date_field("date-ended", "行为终了之日（连续或继续状态）", &draft.ended, DateField::Ended) }
                { date_field("date-discovered", "发现之日", &draft.discovered, DateField::Discovered) }
                { date_field("date-decided", "拟作出决定之日", &draft.decided, DateField::Decided) }
            </div>
            { errors_html("dates-err", &date_errors) }
            { checkbox("grave-harm", html! { "涉及公民生命健康安全、金融安全且有危害后果（时效五年，第三十六条）" },
                draft.grave_harm, on_check(d, Action::GraveHarm)) }
        </fieldset>
    }
}
