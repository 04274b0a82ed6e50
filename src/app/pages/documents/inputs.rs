//! 文书信息: the officer's inputs for the documents, a thin view over
//! [`crate::documents::InputsForm`]; every change is one [`InputsEdit`].

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::documents::form::{DateField, InputsEdit, StatementStatus, TextField};
use crate::documents::{Adoption, ApprovalKind, InputsForm, Standing};
use crate::pack::model::PartyKind;

/// Props of [`InputsPanel`].
#[derive(Properties, PartialEq)]
pub struct InputsProps {
    /// The form.
    pub form: Rc<InputsForm>,
    /// The decision has been issued.
    pub decided: bool,
    /// The party's kind (which number and representative it has).
    pub party: PartyKind,
    /// Where the intended amount stands (None: the case has no result, or it is refused).
    pub standing: Option<Standing>,
    /// The case is one of 不予处罚 (the education given is asked for).
    pub no_penalty: bool,
    /// An edit.
    pub on_edit: Callback<InputsEdit>,
    /// The decided mark.
    pub on_decided: Callback<bool>,
}

fn text_input(
    id: &str,
    label: &str,
    form: &InputsForm,
    f: TextField,
    on: &Callback<InputsEdit>,
) -> Html {
    let on = on.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        on.emit(InputsEdit::Text(f, el.value()));
    });
    html! {
        <div class="field">
            <label for={id.to_string()} class="field-label">{ label }</label>
            <input id={id.to_string()} type="text" autocomplete="off"
                value={form.text(f).to_string()} oninput={oninput} />
        </div>
    }
}

fn text_area(
    id: &str,
    label: &str,
    form: &InputsForm,
    f: TextField,
    on: &Callback<InputsEdit>,
) -> Html {
    let on = on.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlTextAreaElement = e.target_unchecked_into();
        on.emit(InputsEdit::Text(f, el.value()));
    });
    html! {
        <div class="field field-wide">
            <label for={id.to_string()} class="field-label">{ label }</label>
            <textarea id={id.to_string()} rows="2" class="doc-textarea"
                value={form.text(f).to_string()} oninput={oninput} />
        </div>
    }
}

fn date_input(
    id: &str,
    label: &str,
    form: &InputsForm,
    f: DateField,
    on: &Callback<InputsEdit>,
) -> Html {
    let on = on.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlInputElement = e.target_unchecked_into();
        on.emit(InputsEdit::Date(f, el.value()));
    });
    let error = form.date_error(f);
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label for={id.to_string()} class="field-label">{ label }</label>
            <input id={id.to_string()} type="date" value={form.date(f)} onchange={onchange} />
            if let Some(e) = error {
                <p class="field-error" role="alert">{ e }</p>
            }
        </div>
    }
}

/// The form.
#[component]
pub fn InputsPanel(props: &InputsProps) -> Html {
    let f = &*props.form;
    let on = &props.on_edit;
    let citizen = props.party == PartyKind::Citizen;
    let evidence = f.inputs.evidence.iter().enumerate().map(|(i, e)| {
        let item = {
            let on = on.clone();
            Callback::from(move |ev: InputEvent| {
                let el: HtmlInputElement = ev.target_unchecked_into();
                on.emit(InputsEdit::EvidenceItem(i, el.value()));
            })
        };
        let proves = {
            let on = on.clone();
            Callback::from(move |ev: InputEvent| {
                let el: HtmlInputElement = ev.target_unchecked_into();
                on.emit(InputsEdit::EvidenceProves(i, el.value()));
            })
        };
        let remove = {
            let on = on.clone();
            Callback::from(move |_: MouseEvent| on.emit(InputsEdit::RemoveEvidence(i)))
        };
        let n = i + 1;
        html! {
            <li class="evidence-row">
                <input id={format!("in-evidence-item-{i}")} type="text" autocomplete="off"
                    aria-label={format!("证据{n}名称")} placeholder="证据名称，如《现场检查笔录》"
                    value={e.item.clone()} oninput={item} />
                <input id={format!("in-evidence-proves-{i}")} type="text" autocomplete="off"
                    aria-label={format!("证据{n}证明的事实")} placeholder="证明的事实"
                    value={e.proves.clone()} oninput={proves} />
                <button type="button" class="btn-link" onclick={remove}
                    aria-label={format!("删除证据{n}")}>{ "删除" }</button>
            </li>
        }
    });
    let add_evidence = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(InputsEdit::AddEvidence))
    };
    let statement = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            on.emit(InputsEdit::Statement(StatementStatus::from_name(
                &el.value(),
            )));
        })
    };
    let adoption = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            let a = match el.value().as_str() {
                "adopted" => Adoption::Adopted,
                "partly" => Adoption::Partly,
                _ => Adoption::NotAdopted,
            };
            on.emit(InputsEdit::Adoption(a));
        })
    };
    let hearing = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            let requested = match el.value().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            on.emit(InputsEdit::Hearing(requested));
        })
    };
    let approval = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            let by = match el.value().as_str() {
                "head" => Some(ApprovalKind::Head),
                "collective" => Some(ApprovalKind::Collective),
                _ => None,
            };
            on.emit(InputsEdit::ApprovalBy(by));
        })
    };
    let decided = {
        let on = props.on_decided.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            on.emit(el.checked());
        })
    };
    let status = f.statement();
    let adoption_value = match f.adoption() {
        Some(Adoption::Adopted) => "adopted",
        Some(Adoption::Partly) => "partly",
        _ => "not_adopted",
    };
    let approval_value = match f.approval_by() {
        Some(ApprovalKind::Head) => "head",
        Some(ApprovalKind::Collective) => "collective",
        None => "",
    };
    let departs = matches!(props.standing, Some(Standing::Departs { .. }));
    html! {
        <section class="card no-print" aria-labelledby="inputs-h" id="doc-inputs">
            <h2 class="card-title" id="inputs-h">{ "文书信息" }</h2>
            <p class="hint">{ "以下内容均可不填；未填的在文书中显示为【…】空白，便于手工补写。每次修改都自动保存在本浏览器中。" }</p>

            <h3 class="sub-legend">{ "执法机关与当事人" }</h3>
            <div class="grid">
                { text_input("in-authority", "执法机关名称", f, TextField::Authority, on) }
                { text_input("in-party-name", if citizen { "当事人姓名" } else { "当事人名称" }, f, TextField::PartyName, on) }
                if citizen {
                    { text_input("in-id-number", "身份证件号码", f, TextField::IdNumber, on) }
                } else {
                    { text_input("in-credit-code", "统一社会信用代码", f, TextField::CreditCode, on) }
                    { text_input("in-representative", if props.party == PartyKind::LegalPerson { "法定代表人" } else { "负责人" }, f, TextField::Representative, on) }
                }
                { text_input("in-address", if citizen { "住址" } else { "住所" }, f, TextField::Address, on) }
                { text_input("in-phone", "联系电话", f, TextField::Phone, on) }
            </div>

            <h3 class="sub-legend">{ "案号、文号与日期" }</h3>
            <div class="grid">
                { text_input("in-case-number", "案号（立案编号）", f, TextField::CaseNumber, on) }
                { date_input("in-filed", "立案日期", f, DateField::Filed, on) }
                { text_input("in-notice-number", "事先告知书文号", f, TextField::NoticeNumber, on) }
                { date_input("in-notice-date", "事先告知日期", f, DateField::Notice, on) }
                { text_input("in-decision-number", "决定书文号", f, TextField::DecisionNumber, on) }
            </div>

            <h3 class="sub-legend">{ "违法事实与证据" }</h3>
            <div class="grid">
                { text_area("in-facts", "经查明的事实（时间、地点、行为）", f, TextField::Facts, on) }
            </div>
            <ol class="evidence-list" id="evidence-list">{ for evidence }</ol>
            <button type="button" class="btn btn-quiet" id="add-evidence" onclick={add_evidence}>{ "添加证据" }</button>

            <h3 class="sub-legend">{ "陈述、申辩与听证" }</h3>
            <div class="grid">
                <div class="field">
                    <label for="in-statement" class="field-label">{ "陈述、申辩" }</label>
                    <select id="in-statement" onchange={statement}>
                        <option value="" selected={status.is_none()}>{ "（未填）" }</option>
                        { for StatementStatus::ALL.into_iter().map(|s| html! {
                            <option value={s.name()} selected={status == Some(s)}>{ s.label() }</option>
                        }) }
                    </select>
                </div>
                if status == Some(StatementStatus::Made) {
                    <div class="field">
                        <label for="in-adoption" class="field-label">{ "复核结论" }</label>
                        <select id="in-adoption" onchange={adoption}>
                            <option value="adopted" selected={adoption_value == "adopted"}>{ "予以采纳" }</option>
                            <option value="partly" selected={adoption_value == "partly"}>{ "部分采纳" }</option>
                            <option value="not_adopted" selected={adoption_value == "not_adopted"}>{ "不予采纳" }</option>
                        </select>
                    </div>
                    { text_area("in-statement-summary", "当事人陈述、申辩的内容", f, TextField::StatementSummary, on) }
                    { text_area("in-statement-reason", "复核意见（采纳或者不予采纳的理由）", f, TextField::StatementReason, on) }
                }
            </div>
            <div class="grid">
                <div class="field">
                    <label for="in-hearing" class="field-label">{ "听证" }</label>
                    <select id="in-hearing" onchange={hearing}>
                        <option value="" selected={f.hearing().is_none()}>{ "（未填）" }</option>
                        <option value="no" selected={f.hearing() == Some(false)}>{ "当事人在法定期限内未要求听证" }</option>
                        <option value="yes" selected={f.hearing() == Some(true)}>{ "当事人要求听证" }</option>
                    </select>
                </div>
                if f.hearing() == Some(true) {
                    { date_input("in-hearing-date", "听证日期", f, DateField::HearingHeld, on) }
                    { text_area("in-hearing-outcome", "听证情况", f, TextField::HearingOutcome, on) }
                }
            </div>

            <h3 class="sub-legend">{ "裁量理由" }</h3>
            <div class="grid">
                { text_area("in-tier-reason", "认定裁量阶次的理由", f, TextField::TierReason, on) }
                { text_area("in-amount-reason", "确定罚款数额的理由", f, TextField::AmountReason, on) }
                { text_area("in-discretion-reason", "可以不予处罚情形的裁量理由（如有）", f, TextField::DiscretionReason, on) }
            </div>

            <fieldset class={classes!("departure", departs.then_some("departure-needed"))} id="departure">
                <legend>{ "偏离裁量基准" }</legend>
                if departs {
                    <p class="field-error" id="departure-needed">
                        { "拟罚款数额不在建议幅度以内，属于在法定幅度内偏离裁量基准：须写明偏离理由，并经本机关负责人批准或者集体讨论决定（记录列入案卷副卷）。" }
                    </p>
                } else {
                    <p class="hint">{ "拟罚款数额在建议幅度以外时填写。" }</p>
                }
                <div class="grid">
                    { text_area("in-departure-reason", "偏离的理由", f, TextField::DepartureReason, on) }
                    <div class="field">
                        <label for="in-approval-by" class="field-label">{ "批准方式" }</label>
                        <select id="in-approval-by" onchange={approval}>
                            <option value="" selected={approval_value.is_empty()}>{ "（尚未批准）" }</option>
                            <option value="head" selected={approval_value == "head"}>{ "本机关负责人批准" }</option>
                            <option value="collective" selected={approval_value == "collective"}>{ "本机关负责人集体讨论决定" }</option>
                        </select>
                    </div>
                    if !approval_value.is_empty() {
                        { date_input("in-approval-date", "批准（讨论）日期", f, DateField::Approval, on) }
                        { text_input("in-approval-ref", "审批表或者集体讨论记录编号", f, TextField::ApprovalReference, on) }
                    }
                </div>
            </fieldset>

            if props.no_penalty {
                <div class="grid">
                    { text_area("in-education", "对当事人进行教育的形式和内容（行政处罚法第三十三条第三款）", f, TextField::Education, on) }
                </div>
            }
            <div class="check">
                <input type="checkbox" id="in-decided" checked={props.decided} onchange={decided} />
                <label for="in-decided">{ "已作出处罚决定（案件库中记为已决定的数额）" }</label>
            </div>
        </section>
    }
}
