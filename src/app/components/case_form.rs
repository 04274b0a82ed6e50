//! The case form, generated from the selected item's facts and the pack's factors.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::format::capital;
use crate::app::state::{Action, DateField, Draft, Evaluation, FactInput, Field, PackRef, State};
use crate::case::Capacity;
use crate::num::Dec;
use crate::pack::model::{Effect, FactDef, FactKind, Item, Parties, PartyKind};

/// Props of [`CaseForm`].
#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    /// The active pack.
    pub pack: PackRef,
    /// The form as typed.
    pub draft: Draft,
    /// The evaluation of the form (for errors beside fields and the tier the engine chose).
    pub eval: Rc<Evaluation>,
    /// State updates.
    pub dispatch: UseReducerDispatcher<State>,
}

type Dispatch = UseReducerDispatcher<State>;

fn on_text(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.value()));
    })
}

fn on_change_text(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.value()));
    })
}

fn on_check(d: &Dispatch, make: impl Fn(bool) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.checked()));
    })
}

fn on_select(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(make(sel.value()));
    })
}

fn on_click(d: &Dispatch, action: Action) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
}

/// Error messages under a field, linked by id for `aria-describedby`.
fn errors_html(id: &str, errors: &[String]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="field-error" id={id.to_string()} role="alert">
            { for errors.iter().map(|e| html! { <p>{ e }</p> }) }
        </div>
    }
}

fn checkbox(id: &str, label: Html, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <div class="check">
            <input type="checkbox" id={id.to_string()} checked={checked} onchange={onchange} />
            <label for={id.to_string()}>{ label }</label>
        </div>
    }
}

fn money_input(
    id: &str,
    label: &str,
    value: &str,
    errors: &[String],
    oninput: Callback<InputEvent>,
    amount: Option<&Dec>,
) -> Html {
    let err_id = format!("{id}-err");
    // The amount as read, in 大写, so that a slip of a digit shows.
    let words = amount
        .filter(|_| errors.is_empty())
        .and_then(|a| capital(a).ok());
    html! {
        <div class={classes!("field", (!errors.is_empty()).then_some("has-error"))}>
            <label for={id.to_string()} class="field-label">{ label }</label>
            <div class="with-unit">
                <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                    value={value.to_string()} oninput={oninput}
                    aria-invalid={(!errors.is_empty()).to_string()}
                    aria-describedby={(!errors.is_empty()).then(|| err_id.clone())} />
                <span class="unit" aria-hidden="true">{ "元" }</span>
            </div>
            if let Some(w) = words {
                <p class="hint capital-hint" id={format!("{id}-capital")}>{ format!("大写：{w}") }</p>
            }
            { errors_html(&err_id, errors) }
        </div>
    }
}

fn fact_field(index: usize, def: &FactDef, draft: &Draft, eval: &Evaluation, d: &Dispatch) -> Html {
    let id = format!("fact-{index}");
    let err_id = format!("{id}-err");
    let help_id = format!("{id}-help");
    let errors = eval.errors_for(&Field::Fact(def.id.clone()));
    let invalid = !errors.is_empty();
    let mut described = Vec::new();
    if def.help.is_some() {
        described.push(help_id.clone());
    }
    if invalid {
        described.push(err_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let help = def
        .help
        .as_ref()
        .map(|h| html! { <p class="hint" id={help_id.clone()}>{ h }</p> });
    let current = draft.facts.get(&def.id);
    let fact_id = def.id.clone();
    let control = match &def.kind {
        FactKind::Number { unit } => {
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = on_text(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <div class="with-unit">
                        <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                            value={value} oninput={oninput}
                            aria-invalid={invalid.to_string()} aria-describedby={described} />
                        <span class="unit" aria-hidden="true">{ unit }</span>
                    </div>
                </>
            }
        }
        FactKind::Bool => {
            let value = match current {
                Some(FactInput::Bool(b)) => Some(*b),
                _ => None,
            };
            let onchange = on_check(d, move |b| {
                Action::Fact(fact_id.clone(), Some(FactInput::Bool(b)))
            });
            let clear = on_click(d, Action::Fact(def.id.clone(), None));
            let state = match value {
                None => html! { <span class="tri tri-unknown">{ "未确认" }</span> },
                Some(true) => html! { <span class="tri tri-yes">{ "是" }</span> },
                Some(false) => html! { <span class="tri tri-no">{ "否" }</span> },
            };
            html! {
                <div class="check check-fact">
                    <input type="checkbox" id={id.clone()} checked={value == Some(true)}
                        onchange={onchange} aria-describedby={described} />
                    <label for={id.clone()}>{ &def.label }</label>
                    { state }
                    if value.is_some() {
                        <button type="button" class="btn-link" onclick={clear}
                            aria-label={format!("将“{}”改回未确认", def.label)}>{ "改回未确认" }</button>
                    }
                </div>
            }
        }
        FactKind::Choice { options } => {
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let onchange = on_select(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <select id={id.clone()} onchange={onchange} aria-invalid={invalid.to_string()}
                        aria-describedby={described}>
                        <option value="" selected={value.is_empty()}>{ "（请选择）" }</option>
                        { for options.iter().map(|o| html! {
                            <option value={o.clone()} selected={&value == o}>{ o }</option>
                        }) }
                    </select>
                </>
            }
        }
        FactKind::Date | FactKind::Dates => {
            let many = matches!(def.kind, FactKind::Dates);
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = on_text(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.trim().is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <input id={id.clone()} type={if many { "text" } else { "date" }} value={value}
                        oninput={oninput} aria-invalid={invalid.to_string()} aria-describedby={described}
                        placeholder={if many { "YYYY-MM-DD，多个日期用顿号或逗号分隔" } else { "" }} />
                </>
            }
        }
        FactKind::Derived { unit, .. } => html! {
            <>
                <span class="field-label">{ &def.label }</span>
                <span class="muted">{ format!("由已填写的日期和数量推算（{unit}），见计算结果") }</span>
            </>
        },
    };
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))}>
            { control }
            { for help }
            { errors_html(&err_id, &errors) }
        </div>
    }
}

fn party_options(item: &Item) -> Vec<PartyKind> {
    [
        PartyKind::Citizen,
        PartyKind::LegalPerson,
        PartyKind::OtherOrganization,
    ]
    .into_iter()
    .filter(|p| item.parties.covers(*p))
    .collect()
}

fn capacity_label(c: Capacity) -> &'static str {
    match c {
        Capacity::Full => "能够辨认和控制自己的行为",
        Capacity::Partial => "尚未完全丧失辨认或者控制自己行为能力（第三十一条）",
        Capacity::None => "不能辨认或者不能控制自己行为（第三十一条）",
    }
}

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

/// The case form.
#[component]
pub fn CaseForm(props: &CaseFormProps) -> Html {
    let d = &props.dispatch;
    let draft = &props.draft;
    let eval = &props.eval;
    let Some(primary) = draft.item.as_deref().and_then(|c| props.pack.item(c)) else {
        return html! {
            <section class="card form-card no-print" aria-labelledby="form-h">
                <h2 id="form-h" class="card-title"><span class="step">{ "2" }</span>{ "填写案件情况" }</h2>
                <p class="empty">{ "请先在上方选择违法行为，表单将按该违法行为需要的事实生成。" }</p>
            </section>
        };
    };
    // With several items for one act, the engine applies the one with the higher fine; its
    // tiers are the ones to choose among.
    let applied = match &eval.result {
        Some(Ok(r)) => props.pack.item(&r.item.code).unwrap_or(primary),
        _ => primary,
    };
    let item = primary;
    let others: Vec<&Item> = draft
        .also
        .iter()
        .filter_map(|c| props.pack.item(c))
        .filter(|i| i.code != primary.code)
        .collect();
    // The facts of every item cited, each once; the further items' own facts under their code.
    let mut seen: Vec<&str> = item.facts.iter().map(|f| f.id.as_str()).collect();
    let mut extra_facts: Vec<(&Item, Vec<&FactDef>)> = Vec::new();
    for o in &others {
        let own: Vec<&FactDef> = o
            .facts
            .iter()
            .filter(|f| !seen.contains(&f.id.as_str()))
            .collect();
        seen.extend(own.iter().map(|f| f.id.as_str()));
        if !own.is_empty() {
            extra_facts.push((o, own));
        }
    }
    let circ = draft.circumstances;
    let circ_value = |name: &str| circ.lookup(name).unwrap_or(false);
    let citizen = draft.party == PartyKind::Citizen;

    // 当事人
    let parties = party_options(item);
    let party_select = on_select(d, |v| {
        Action::Party(match v.as_str() {
            "citizen" => PartyKind::Citizen,
            "other_organization" => PartyKind::OtherOrganization,
            _ => PartyKind::LegalPerson,
        })
    });
    let party_value = |p: PartyKind| match p {
        PartyKind::Citizen => "citizen",
        PartyKind::LegalPerson => "legal_person",
        PartyKind::OtherOrganization => "other_organization",
    };
    let party_note = match item.parties {
        Parties::All => None,
        p => Some(format!("本违法行为的当事人为{}", p.label())),
    };
    let age_errors = eval.errors_for(&Field::Age);
    let capacity_select = on_select(d, |v| {
        Action::Capacity(match v.as_str() {
            "partial" => Capacity::Partial,
            "none" => Capacity::None,
            _ => Capacity::Full,
        })
    });

    // 日期
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

    // 阶次: the engine's choice, when it chose by itself.
    let engine_tier = match &eval.result {
        Some(Ok(r)) => r.tier.as_ref().map(|t| (t.code.clone(), t.chosen)),
        _ => None,
    };
    let open_tiers: Vec<String> = match &eval.result {
        Some(Ok(r)) => r.tier_options.iter().map(|t| t.code.clone()).collect(),
        _ => Vec::new(),
    };
    let may_waive = matches!(
        &eval.result,
        Some(Ok(r)) if r.outcome == crate::engine::result::Outcome::MayNotPenalise
    ) || draft.waive.is_some();

    let factors = &props.pack.pack.factors;
    let reset = on_click(d, Action::ResetDraft);

    html! {
        <section class="card form-card no-print" aria-labelledby="form-h">
            <div class="card-head">
                <h2 id="form-h" class="card-title"><span class="step">{ "2" }</span>{ "填写案件情况" }</h2>
                <button type="button" class="btn btn-quiet" onclick={reset}>{ "清空表单" }</button>
            </div>
            { errors_html("general-err", &eval.errors_for(&Field::General)) }
            { errors_html("item-err", &eval.errors_for(&Field::Item)) }

            <fieldset>
                <legend>{ "当事人" }</legend>
                <div class="grid">
                    <div class="field field-wide">
                        <label for="case-label" class="field-label">{ "当事人名称或案号（可选）" }</label>
                        <input id="case-label" type="text" autocomplete="off" aria-describedby="case-label-hint"
                            value={draft.label.clone()} oninput={on_text(d, Action::Label)} />
                        <p class="hint" id="case-label-hint">{ "只用于在“最近案件”中辨认本案，不参与计算" }</p>
                    </div>
                    <div class="field">
                        <label for="party" class="field-label">{ "当事人类型" }</label>
                        <select id="party" onchange={party_select}>
                            { for [PartyKind::Citizen, PartyKind::LegalPerson, PartyKind::OtherOrganization].into_iter().map(|p| {
                                let usable = parties.contains(&p);
                                html! {
                                    <option value={party_value(p)} selected={draft.party == p}>
                                        { if usable { p.label().to_string() } else { format!("{}（不适用本违法行为）", p.label()) } }
                                    </option>
                                }
                            }) }
                        </select>
                        if let Some(n) = party_note { <p class="hint">{ n }</p> }
                    </div>
                    if citizen {
                        <div class={classes!("field", (!age_errors.is_empty()).then_some("has-error"))}>
                            <label for="age" class="field-label">{ "违法行为时年龄（周岁）" }</label>
                            <input id="age" type="text" inputmode="numeric" autocomplete="off"
                                value={draft.age.clone()} oninput={on_text(d, Action::Age)}
                                aria-invalid={(!age_errors.is_empty()).to_string()}
                                aria-describedby={(!age_errors.is_empty()).then_some("age-err")} />
                            { errors_html("age-err", &age_errors) }
                        </div>
                        <div class="field field-wide">
                            <label for="capacity" class="field-label">{ "辨认和控制能力" }</label>
                            <select id="capacity" onchange={capacity_select}>
                                { for [Capacity::Full, Capacity::Partial, Capacity::None].into_iter().map(|c| html! {
                                    <option value={match c { Capacity::Full => "full", Capacity::Partial => "partial", Capacity::None => "none" }}
                                        selected={draft.capacity == c}>{ capacity_label(c) }</option>
                                }) }
                            </select>
                        </div>
                    }
                </div>
            </fieldset>

            <fieldset>
                <legend>{ "违法事实" }</legend>
                if item.facts.is_empty() && extra_facts.is_empty() {
                    <p class="hint">{ "本违法行为无需填写数量事实。" }</p>
                }
                <div class="grid">
                    { for item.facts.iter().enumerate().map(|(i, def)| fact_field(i, def, draft, eval, d)) }
                </div>
                { for extra_facts.iter().scan(item.facts.len(), |next, (o, defs)| {
                    let start = *next;
                    *next += defs.len();
                    Some(html! {
                        <>
                            <p class="sub-legend">{ format!("同一行为还违反的 {} {}：", o.code, o.name) }</p>
                            <div class="grid">
                                { for defs.iter().enumerate().map(|(j, def)| fact_field(start + j, def, draft, eval, d)) }
                            </div>
                        </>
                    })
                }) }
                <div class="grid">
                    { money_input("illegal-gains", "违法所得（没有则不填）", &draft.illegal_gains,
                        &eval.errors_for(&Field::IllegalGains), on_text(d, Action::IllegalGains),
                        eval.case.illegal_gains.as_ref()) }
                    { money_input("intended-fine", "拟罚款数额（可选，用于核对程序要求）", &draft.intended_fine,
                        &eval.errors_for(&Field::IntendedFine), on_text(d, Action::IntendedFine),
                        eval.case.intended_fine.as_ref()) }
                </div>
                { checkbox("gains-returned", html! { "违法所得依法应当退赔（不予没收）" },
                    draft.gains_to_be_returned, on_check(d, Action::GainsReturned)) }
            </fieldset>

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

            <fieldset>
                <legend>{ "法定情节（《中华人民共和国行政处罚法》）" }</legend>
                <p class="sub-legend">{ "第三十三条：不予处罚、可以不予处罚的情形" }</p>
                <div class="checks">
                    { for ART33.iter().map(|(name, label)| checkbox(
                        &format!("c-{name}"), html! { { *label } }, circ_value(name),
                        on_check(d, move |b| Action::Circumstance(name, b)))) }
                </div>
                <p class="sub-legend">{ "第三十二条：应当从轻或者减轻处罚的情形" }</p>
                <div class="checks">
                    { for ART32.iter().map(|(name, label)| checkbox(
                        &format!("c-{name}"), html! { { *label } }, circ_value(name),
                        on_check(d, move |b| Action::Circumstance(name, b)))) }
                </div>
            </fieldset>

            <fieldset>
                <legend>{ "基准规定的裁量情节" }</legend>
                if factors.is_empty() {
                    <p class="hint">{ "当前基准未规定其他裁量情节。" }</p>
                }
                <div class="checks">
                    { for factors.iter().enumerate().map(|(i, f)| {
                        let id = f.id.clone();
                        let on = draft.factors.contains(&f.id);
                        let label = html! {
                            <>
                                <span class={classes!("tag", format!("tag-{}", match f.effect {
                                    Effect::Heavier => "heavier",
                                    _ => "lighter",
                                }))}>{ effect_label(f.effect) }</span>
                                { &f.label }
                                if f.mandatory { <span class="muted">{ "（应当）" }</span> }
                            </>
                        };
                        checkbox(&format!("factor-{i}"), label, on,
                            on_check(d, move |b| Action::Factor(id.clone(), b)))
                    }) }
                </div>
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
        </section>
    }
}
