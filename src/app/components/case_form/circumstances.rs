//! 法定情节 (行政处罚法 arts 32–33) and the pack's own 从轻 / 减轻 / 从重 factors, with the
//! officer's choice between 从轻 and 减轻.

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::case::Circumstances;
use crate::form::action::Action;
use crate::form::draft::CaseDraft;
use crate::pack::model::{Effect, Factor};

use super::inputs::{checkbox, on_check};

fn effect_label(e: Effect) -> &'static str {
    match e {
        Effect::Lighter => "从轻",
        Effect::LighterOrReduced => "从轻或减轻",
        Effect::Reduced => "减轻",
        Effect::Heavier => "从重",
    }
}

/// 行政处罚法 art 33 questions: (field name, wording).
const ART33: [(&str, &str); 6] = [
    ("minor", "违法行为轻微"),
    ("corrected", "及时改正"),
    ("no_harm", "没有造成危害后果"),
    ("first_offence", "初次违法"),
    ("slight_harm", "危害后果轻微"),
    ("no_fault", "有证据足以证明没有主观过错（第三十三条第二款）"),
];

/// 行政处罚法 art 32 (一)–(四).
const ART32: [(&str, &str); 4] = [
    (
        "eliminated_harm",
        "（一）主动消除或者减轻违法行为危害后果的",
    ),
    ("coerced", "（二）受他人胁迫或者诱骗实施违法行为的"),
    ("confessed", "（三）主动供述行政机关尚未掌握的违法行为的"),
    ("meritorious", "（四）配合行政机关查处违法行为有立功表现的"),
];

/// The checkboxes of arts 33 and 32 for the party (`party` None) or another party (its index),
/// their ids starting with `prefix`.
pub fn circumstance_checks(
    prefix: &str,
    party: Option<usize>,
    c: &Circumstances,
    d: &Dispatch,
) -> Html {
    let checks = |list: &'static [(&'static str, &'static str)]| {
        html! {
            <div class="checks">
                { for list.iter().map(|(name, label)| checkbox(
                    &[prefix, "c-", name].concat(), html! { { *label } },
                    c.lookup(name).unwrap_or(false),
                    on_check(d, move |b| match party {
                        None => Action::Circumstance(name, b),
                        Some(i) => Action::CoPartyCircumstance(i, name, b),
                    }))) }
            </div>
        }
    };
    html! {
        <>
            <p class="sub-legend">{ "第三十三条：不予处罚、可以不予处罚的情形" }</p>
            { checks(&ART33) }
            <p class="sub-legend">{ "第三十二条：应当从轻或者减轻处罚的情形" }</p>
            { checks(&ART32) }
        </>
    }
}

/// The 法定情节 fieldset.
pub fn circumstances_section(draft: &CaseDraft, d: &Dispatch) -> Html {
    html! {
        <fieldset>
            <legend>{ "法定情节（《中华人民共和国行政处罚法》）" }</legend>
            { circumstance_checks("", None, &draft.circumstances, d) }
        </fieldset>
    }
}

/// The checkboxes of the pack's factors for the party (`party` None) or another party (its
/// index), `on` those ticked, their ids starting with `prefix`.
pub fn factor_checks(
    prefix: &str,
    party: Option<usize>,
    factors: &[Factor],
    on: &[String],
    d: &Dispatch,
) -> Html {
    html! {
        <div class="checks">
            { for factors.iter().enumerate().map(|(i, f)| {
                let id = f.id.clone();
                let ticked = on.contains(&f.id);
                let label = html! {
                    <>
                        <span class={classes!("tag", match f.effect {
                            Effect::Heavier => "tag-heavier",
                            _ => "tag-lighter",
                        })}>{ effect_label(f.effect) }</span>
                        { &f.label }
                        if f.mandatory { <span class="muted">{ "（应当）" }</span> }
                    </>
                };
                checkbox(&[prefix, "factor-", &i.to_string()].concat(), label, ticked,
                    on_check(d, move |b| match party {
                        None => Action::Factor(id.clone(), b),
                        Some(p) => Action::CoPartyFactor(p, id.clone(), b),
                    }))
            }) }
        </div>
    }
}

/// The 基准规定的裁量情节 fieldset: the pack's factors and 从轻 / 减轻.
pub fn factors_section(factors: &[Factor], draft: &CaseDraft, d: &Dispatch) -> Html {
    html! {
        <fieldset>
            <legend>{ "基准规定的裁量情节" }</legend>
            if factors.is_empty() {
                <p class="hint">{ "当前基准未规定其他裁量情节。" }</p>
            }
            { factor_checks("", None, factors, &draft.factors, d) }
            <div class="radio-row" role="radiogroup" aria-labelledby="reduced-h">
                <span id="reduced-h" class="field-label">{ "有“从轻或者减轻”情节时：" }</span>
                <div class="check">
                    <input type="radio" id="reduced-no" name="choose-reduced" checked={!draft.choose_reduced}
                        onchange={on_check(d, |_| Action::ChooseReduced(false))} />
                    <label for="reduced-no">{ "从轻处罚" }</label>
                </div>
                <div class="check">
                    <input type="radio" id="reduced-yes" name="choose-reduced" checked={draft.choose_reduced}
                        onchange={on_check(d, |_| Action::ChooseReduced(true))} />
                    <label for="reduced-yes">{ "减轻处罚" }</label>
                </div>
            </div>
        </fieldset>
    }
}
