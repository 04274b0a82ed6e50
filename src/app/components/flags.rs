//! 程序提示: the procedural flags (简易程序, 听证, 法制审核, 集体讨论, 教育), each with its
//! reason and basis.

use yew::prelude::*;

use crate::app::components::trace::citation_html;
use crate::engine::result::{Flag, FlagStatus, Flags};
use crate::form::format::{flag_rows, flag_status};

fn flag_row(name: &str, f: &Flag, simple: bool) -> Html {
    let class = match f.status {
        FlagStatus::Required => "st-required",
        FlagStatus::Possible => "st-possible",
        FlagStatus::NotRequired => "st-no",
        FlagStatus::Unknown => "st-unknown",
    };
    let label = flag_status(f.status, simple);
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td><span class={classes!("status", class)}>{ label }</span></td>
            <td>
                <p class="flag-reason">{ &f.reason }</p>
                <div class="flag-cites">{ for f.citations.iter().map(citation_html) }</div>
            </td>
        </tr>
    }
}

/// The flags table, with the element id `id` (its heading's: `id` and "-h").
pub fn flags(id: &str, flags: &Flags) -> Html {
    let heading = [id, "-h"].concat();
    html! {
        <section class="sub" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ "程序提示" }</h3>
            <table class="flags" id={id.to_string()}>
                <thead><tr><th scope="col">{ "事项" }</th><th scope="col">{ "结论" }</th><th scope="col">{ "理由和依据" }</th></tr></thead>
                <tbody>
                    { for flag_rows(flags).into_iter().map(|(name, f, simple)| flag_row(name, f, simple)) }
                </tbody>
            </table>
        </section>
    }
}
