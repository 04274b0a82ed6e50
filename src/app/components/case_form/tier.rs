//! 裁量阶次 (the tiers of the item applied, with the engine's own choice marked) and the
//! officer's decision on a 可以不予处罚 ground.

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::engine::result::Outcome;
use crate::form::Evaluation;
use crate::form::action::Action;
use crate::form::draft::CaseDraft;
use crate::pack::model::{Item, Parties};

use super::inputs::on_check;

/// The 裁量阶次 fieldset. `applied` is the item the engine fines under (with several items for
/// one act, the one with the higher fine): its tiers are the ones to choose among.
pub fn tier_section(
    primary: &Item,
    applied: &Item,
    draft: &CaseDraft,
    eval: &Evaluation,
    d: &Dispatch,
) -> Html {
    // The engine's choice, when it chose by itself.
    let engine_tier = match &eval.result {
        Some(Ok(r)) => r.tier.as_ref().map(|t| (t.code.clone(), t.chosen)),
        _ => None,
    };
    let open_tiers: Vec<String> = match &eval.result {
        Some(Ok(r)) => r.tier_options.iter().map(|t| t.code.clone()).collect(),
        _ => Vec::new(),
    };
    html! {
        <fieldset>
            <legend>{ "裁量阶次" }</legend>
            if applied.code != primary.code {
                <p class="hint" id="tier-applied-note">
                    { format!("同一行为违反多个规定，按罚款数额高的 {} {}（{}）处罚，以下为该项的阶次。",
                        applied.code, applied.name, crate::text::cite(&applied.penalty_basis)) }
                </p>
            }
            <div class="tiers" role="radiogroup" aria-label="裁量阶次">
                <div class={classes!("tier", draft.tier.is_none().then_some("chosen"))}>
                    <input type="radio" id="tier-none" name="tier" checked={draft.tier.is_none()}
                        onchange={on_check(d, |_| Action::Tier(None))} />
                    <label for="tier-none">
                        <span class="tier-label">{ "不指定" }</span>
                        <span class="tier-desc">{ "按基准的数量条件自动判定；无法判定时列出可选阶次" }</span>
                    </label>
                </div>
                { for applied.tiers.iter().enumerate().map(|(i, t)| {
                    let code = t.code.clone();
                    let chosen = draft.tier.as_deref() == Some(t.code.as_str());
                    let engine = engine_tier.as_ref().filter(|(c, _)| c == &t.code).map(|(_, how)| *how);
                    let open = open_tiers.contains(&t.code);
                    let id = format!("tier-{i}");
                    html! {
                        <div class={classes!("tier", chosen.then_some("chosen"), engine.is_some().then_some("applied"))}>
                            <input type="radio" id={id.clone()} name="tier" checked={chosen}
                                onchange={on_check(d, move |_| Action::Tier(Some(code.clone())))} />
                            <label for={id}>
                                <span class="tier-label">{ format!("{}　{}", t.code, t.label) }</span>
                                <span class="tier-desc">{ &t.description }</span>
                                if t.when.is_some() {
                                    <span class="tag tag-auto">{ "有数量条件" }</span>
                                }
                                if t.parties != Parties::All {
                                    <span class="tag">{ format!("适用于{}", t.parties.label()) }</span>
                                }
                                if engine.is_some() {
                                    <span class="tag tag-applied">{ "当前适用" }</span>
                                } else if open {
                                    <span class="tag tag-open">{ "可选" }</span>
                                }
                            </label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// The 可以不予处罚的决定 fieldset, highlighted when the engine found such a ground.
pub fn waive_section(draft: &CaseDraft, eval: &Evaluation, d: &Dispatch) -> Html {
    let may_waive = matches!(
        &eval.result,
        Some(Ok(r)) if r.outcome == Outcome::MayNotPenalise
    ) || draft.waive.is_some();
    html! {
        <fieldset class={classes!(may_waive.then_some("attention"))}>
            <legend>{ "可以不予处罚的决定" }</legend>
            <p class="hint">{ "仅在存在“可以不予行政处罚”情形（如首违轻微并及时改正）时适用，由执法机关决定。" }</p>
            <div class="radio-row" role="radiogroup" aria-label="可以不予处罚的决定">
                { for [(None, "waive-open", "尚未决定"), (Some(true), "waive-yes", "决定不予处罚"), (Some(false), "waive-no", "决定给予处罚")]
                    .into_iter().map(|(v, id, label)| html! {
                        <div class="check">
                            <input type="radio" id={id} name="waive" checked={draft.waive == v}
                                onchange={on_check(d, move |_| Action::Waive(v))} />
                            <label for={id}>{ label }</label>
                        </div>
                    }) }
            </div>
        </fieldset>
    }
}
