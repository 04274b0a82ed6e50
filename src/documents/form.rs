//! The officer's document inputs as the 文书 page edits them: [`InputsForm`] (the inputs, and
//! the dates as typed where they do not read) and [`InputsForm::apply`], the plain function
//! from one edit ([`InputsEdit`]) to the next form. The page's components only show the form
//! and send edits; the documents are generated from [`InputsForm::for_documents`].
//!
//! Blank text is no input (None), so the documents show their blanks 【…】; an evidence row
//! with neither the item nor what it proves stays in the form (the officer added it) but not in
//! the documents.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::inputs::{
    Adoption, Approval, ApprovalKind, Departure, DocumentInputs, Evidence, Statement,
};
use crate::date::Date;

/// A text input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// 执法机关名称.
    Authority,
    /// 当事人姓名或名称.
    PartyName,
    /// 统一社会信用代码.
    CreditCode,
    /// 身份证件号码.
    IdNumber,
    /// 法定代表人（负责人）.
    Representative,
    /// 住所（住址）.
    Address,
    /// 联系电话.
    Phone,
    /// 案号.
    CaseNumber,
    /// 事先告知书文号.
    NoticeNumber,
    /// 决定书文号.
    DecisionNumber,
    /// 经查明的事实.
    Facts,
    /// 教育的形式和内容 (art 33 ¶3).
    Education,
    /// 认定裁量阶次的理由.
    TierReason,
    /// 确定罚款数额的理由.
    AmountReason,
    /// 决定罚款的理由 (可以处罚款).
    FineReason,
    /// 可以不予处罚的裁量理由.
    DiscretionReason,
    /// 陈述、申辩的内容.
    StatementSummary,
    /// 复核意见 (采纳与否的理由).
    StatementReason,
    /// 听证情况.
    HearingOutcome,
    /// 偏离裁量基准的理由.
    DepartureReason,
    /// 批准文号或者集体讨论记录编号.
    ApprovalReference,
}

/// A date input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateField {
    /// 立案日期.
    Filed,
    /// 事先告知日期.
    Notice,
    /// 听证日期.
    HearingHeld,
    /// 批准或者集体讨论日期.
    Approval,
}

impl DateField {
    /// The key of its text as typed ([`InputsForm::typed`]).
    pub fn key(self) -> &'static str {
        match self {
            DateField::Filed => "filed",
            DateField::Notice => "notice_date",
            DateField::HearingHeld => "hearing_held_on",
            DateField::Approval => "approval_date",
        }
    }
}

/// Whether and how the party made a 陈述、申辩.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementStatus {
    /// 未提出.
    NotMade,
    /// 明确放弃.
    Waived,
    /// 提出了陈述、申辩.
    Made,
}

impl StatementStatus {
    /// Every status, in the order the form offers them.
    pub const ALL: [StatementStatus; 3] = [
        StatementStatus::NotMade,
        StatementStatus::Waived,
        StatementStatus::Made,
    ];

    /// The form's value for it.
    pub fn name(self) -> &'static str {
        match self {
            StatementStatus::NotMade => "not_made",
            StatementStatus::Waived => "waived",
            StatementStatus::Made => "made",
        }
    }

    /// The status of a form value.
    pub fn from_name(name: &str) -> Option<StatementStatus> {
        StatementStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            StatementStatus::NotMade => "在规定期限内未提出陈述、申辩",
            StatementStatus::Waived => "明确放弃陈述、申辩",
            StatementStatus::Made => "提出了陈述、申辩",
        }
    }
}

/// One edit of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputsEdit {
    /// A text input, as typed.
    Text(TextField, String),
    /// A date input, as typed (YYYY-MM-DD; empty clears it).
    Date(DateField, String),
    /// Whether the party made a 陈述、申辩; None: not entered.
    Statement(Option<StatementStatus>),
    /// Whether the 陈述、申辩 is adopted.
    Adoption(Adoption),
    /// Whether the party requested a hearing; None: not entered.
    Hearing(Option<bool>),
    /// Who approved the departure; None: not approved.
    ApprovalBy(Option<ApprovalKind>),
    /// A new, empty evidence row.
    AddEvidence,
    /// Removes an evidence row.
    RemoveEvidence(usize),
    /// An evidence row's item.
    EvidenceItem(usize, String),
    /// What an evidence row proves.
    EvidenceProves(usize, String),
}

/// The form: the inputs, and the dates as typed where they do not read as dates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InputsForm {
    /// The inputs.
    pub inputs: DocumentInputs,
    /// Dates as typed that do not read (by [`DateField::key`]), with the input left empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub typed: BTreeMap<String, String>,
}

fn text(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

impl InputsForm {
    /// The form of saved inputs.
    pub fn new(inputs: DocumentInputs) -> InputsForm {
        InputsForm {
            inputs,
            typed: BTreeMap::new(),
        }
    }

    /// The option a text input sets; None for the texts inside the statement, the departure
    /// and the approval ([`InputsForm::set_text`]).
    fn slot(&mut self, f: TextField) -> Option<&mut Option<String>> {
        let i = &mut self.inputs;
        Some(match f {
            TextField::Authority => &mut i.authority,
            TextField::PartyName => &mut i.party.name,
            TextField::CreditCode => &mut i.party.credit_code,
            TextField::IdNumber => &mut i.party.id_number,
            TextField::Representative => &mut i.party.representative,
            TextField::Address => &mut i.party.address,
            TextField::Phone => &mut i.party.phone,
            TextField::CaseNumber => &mut i.case_number,
            TextField::NoticeNumber => &mut i.notice_number,
            TextField::DecisionNumber => &mut i.decision_number,
            TextField::Facts => &mut i.facts,
            TextField::Education => &mut i.education,
            TextField::TierReason => &mut i.reasons.tier,
            TextField::AmountReason => &mut i.reasons.amount,
            TextField::FineReason => &mut i.reasons.fine,
            TextField::DiscretionReason => &mut i.reasons.discretion,
            TextField::HearingOutcome => {
                &mut i.hearing.get_or_insert_with(Default::default).outcome
            }
            TextField::StatementSummary
            | TextField::StatementReason
            | TextField::DepartureReason
            | TextField::ApprovalReference => return None,
        })
    }

    /// A text input's value.
    pub fn text(&self, f: TextField) -> &str {
        let i = &self.inputs;
        fn opt(o: &Option<String>) -> &str {
            o.as_deref().unwrap_or_default()
        }
        let (summary, reason) = match &i.statement {
            Some(Statement::Made {
                summary, reason, ..
            }) => (summary.as_str(), reason.as_str()),
            _ => ("", ""),
        };
        match f {
            TextField::Authority => opt(&i.authority),
            TextField::PartyName => opt(&i.party.name),
            TextField::CreditCode => opt(&i.party.credit_code),
            TextField::IdNumber => opt(&i.party.id_number),
            TextField::Representative => opt(&i.party.representative),
            TextField::Address => opt(&i.party.address),
            TextField::Phone => opt(&i.party.phone),
            TextField::CaseNumber => opt(&i.case_number),
            TextField::NoticeNumber => opt(&i.notice_number),
            TextField::DecisionNumber => opt(&i.decision_number),
            TextField::Facts => opt(&i.facts),
            TextField::Education => opt(&i.education),
            TextField::TierReason => opt(&i.reasons.tier),
            TextField::AmountReason => opt(&i.reasons.amount),
            TextField::FineReason => opt(&i.reasons.fine),
            TextField::DiscretionReason => opt(&i.reasons.discretion),
            TextField::HearingOutcome => i.hearing.as_ref().map_or("", |h| opt(&h.outcome)),
            TextField::StatementSummary => summary,
            TextField::StatementReason => reason,
            TextField::DepartureReason => i.departure.as_ref().map_or("", |d| &d.reason),
            TextField::ApprovalReference => i
                .departure
                .as_ref()
                .and_then(|d| d.approval.as_ref())
                .map_or("", |a| opt(&a.reference)),
        }
    }

    fn date_slot(&mut self, f: DateField) -> Option<&mut Option<Date>> {
        let i = &mut self.inputs;
        match f {
            DateField::Filed => Some(&mut i.filed),
            DateField::Notice => Some(&mut i.notice_date),
            DateField::HearingHeld => {
                Some(&mut i.hearing.get_or_insert_with(Default::default).held_on)
            }
            DateField::Approval => i
                .departure
                .as_mut()
                .and_then(|d| d.approval.as_mut())
                .map(|a| &mut a.date),
        }
    }

    /// A date input's value: the date (YYYY-MM-DD), or the text as typed that does not read.
    pub fn date(&self, f: DateField) -> String {
        if let Some(t) = self.typed.get(f.key()) {
            return t.clone();
        }
        let i = &self.inputs;
        let d = match f {
            DateField::Filed => i.filed,
            DateField::Notice => i.notice_date,
            DateField::HearingHeld => i.hearing.as_ref().and_then(|h| h.held_on),
            DateField::Approval => i
                .departure
                .as_ref()
                .and_then(|d| d.approval.as_ref())
                .and_then(|a| a.date),
        };
        d.map(|d| d.to_string()).unwrap_or_default()
    }

    /// Why a date as typed does not read.
    pub fn date_error(&self, f: DateField) -> Option<String> {
        let t = self.typed.get(f.key())?;
        t.trim().parse::<Date>().err()
    }

    /// Whether the party made a 陈述、申辩, as entered.
    pub fn statement(&self) -> Option<StatementStatus> {
        self.inputs.statement.as_ref().map(|s| match s {
            Statement::NotMade => StatementStatus::NotMade,
            Statement::Waived => StatementStatus::Waived,
            Statement::Made { .. } => StatementStatus::Made,
        })
    }

    /// Whether the 陈述、申辩 is adopted, when one was made.
    pub fn adoption(&self) -> Option<Adoption> {
        match &self.inputs.statement {
            Some(Statement::Made { adoption, .. }) => Some(*adoption),
            _ => None,
        }
    }

    /// Who approved the departure.
    pub fn approval_by(&self) -> Option<ApprovalKind> {
        self.inputs
            .departure
            .as_ref()
            .and_then(|d| d.approval.as_ref())
            .map(|a| a.by)
    }

    /// Whether the party requested a hearing, as entered.
    pub fn hearing(&self) -> Option<bool> {
        self.inputs.hearing.as_ref().map(|h| h.requested)
    }

    /// The form after `edit`.
    pub fn apply(&mut self, edit: InputsEdit) {
        match edit {
            InputsEdit::Text(f, value) => self.set_text(f, value),
            InputsEdit::Date(f, value) => {
                let parsed = if value.trim().is_empty() {
                    Ok(None)
                } else {
                    value.trim().parse::<Date>().map(Some)
                };
                let (date, typed) = match parsed {
                    Ok(d) => (d, None),
                    Err(_) => (None, Some(value)),
                };
                // An approval's date needs the approval (its kind) first.
                if let Some(slot) = self.date_slot(f) {
                    *slot = date;
                    match typed {
                        Some(t) => {
                            self.typed.insert(f.key().to_string(), t);
                        }
                        None => {
                            self.typed.remove(f.key());
                        }
                    }
                }
            }
            InputsEdit::Statement(status) => {
                let (summary, adoption, reason) = match self.inputs.statement.take() {
                    Some(Statement::Made {
                        summary,
                        adoption,
                        reason,
                    }) => (summary, adoption, reason),
                    _ => (String::new(), Adoption::NotAdopted, String::new()),
                };
                self.inputs.statement = status.map(|s| match s {
                    StatementStatus::NotMade => Statement::NotMade,
                    StatementStatus::Waived => Statement::Waived,
                    StatementStatus::Made => Statement::Made {
                        summary,
                        adoption,
                        reason,
                    },
                });
            }
            InputsEdit::Adoption(a) => {
                if let Some(Statement::Made { adoption, .. }) = &mut self.inputs.statement {
                    *adoption = a;
                }
            }
            InputsEdit::Hearing(None) => {
                self.inputs.hearing = None;
                self.typed.remove(DateField::HearingHeld.key());
            }
            InputsEdit::Hearing(Some(b)) => {
                self.inputs
                    .hearing
                    .get_or_insert_with(Default::default)
                    .requested = b;
            }
            InputsEdit::ApprovalBy(by) => {
                let dep = self.inputs.departure.get_or_insert_with(Default::default);
                match by {
                    Some(by) => match &mut dep.approval {
                        Some(a) => a.by = by,
                        None => {
                            dep.approval = Some(Approval {
                                by,
                                date: None,
                                reference: None,
                            })
                        }
                    },
                    None => {
                        dep.approval = None;
                        self.typed.remove(DateField::Approval.key());
                    }
                }
            }
            InputsEdit::AddEvidence => self.inputs.evidence.push(Evidence {
                item: String::new(),
                proves: String::new(),
            }),
            InputsEdit::RemoveEvidence(i) => {
                if i < self.inputs.evidence.len() {
                    self.inputs.evidence.remove(i);
                }
            }
            InputsEdit::EvidenceItem(i, t) => {
                if let Some(e) = self.inputs.evidence.get_mut(i) {
                    e.item = t;
                }
            }
            InputsEdit::EvidenceProves(i, t) => {
                if let Some(e) = self.inputs.evidence.get_mut(i) {
                    e.proves = t;
                }
            }
        }
        self.tidy();
    }

    fn set_text(&mut self, f: TextField, value: String) {
        match f {
            TextField::StatementSummary | TextField::StatementReason => {
                if let Some(Statement::Made {
                    summary, reason, ..
                }) = &mut self.inputs.statement
                {
                    if f == TextField::StatementSummary {
                        *summary = value;
                    } else {
                        *reason = value;
                    }
                }
            }
            TextField::DepartureReason => {
                self.inputs
                    .departure
                    .get_or_insert_with(Default::default)
                    .reason = value;
            }
            TextField::ApprovalReference => {
                if let Some(a) = self
                    .inputs
                    .departure
                    .as_mut()
                    .and_then(|d| d.approval.as_mut())
                {
                    a.reference = text(value);
                }
            }
            f => {
                if let Some(slot) = self.slot(f) {
                    *slot = text(value);
                }
            }
        }
    }

    /// Nothing entered is nothing kept: a blank hearing outcome, an empty departure are None.
    /// (A hearing not requested is an answer: it is None only when cleared.)
    fn tidy(&mut self) {
        let i = &mut self.inputs;
        if let Some(h) = &mut i.hearing {
            if h.outcome.as_deref().is_some_and(|o| o.trim().is_empty()) {
                h.outcome = None;
            }
        }
        if i.departure
            .as_ref()
            .is_some_and(|d| d.reason.is_empty() && d.approval.is_none())
        {
            i.departure = None;
        }
    }

    /// The inputs the documents are generated from: evidence rows with neither the item nor
    /// what it proves left out.
    pub fn for_documents(&self) -> DocumentInputs {
        let mut i = self.inputs.clone();
        i.evidence
            .retain(|e| !e.item.trim().is_empty() || !e.proves.trim().is_empty());
        i
    }

    /// The departure as entered.
    pub fn departure(&self) -> Option<&Departure> {
        self.inputs.departure.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(edits: Vec<InputsEdit>) -> InputsForm {
        let mut f = InputsForm::default();
        for e in edits {
            f.apply(e);
        }
        f
    }

    #[test]
    fn text_is_kept_as_typed_and_blank_is_no_input() {
        let mut f = form(vec![
            InputsEdit::Text(TextField::PartyName, "示例建设工程有限公司".into()),
            InputsEdit::Text(TextField::CaseNumber, " 示建立〔2025〕12号".into()),
            InputsEdit::Text(TextField::AmountReason, "情节一般".into()),
        ]);
        assert_eq!(f.inputs.party.name.as_deref(), Some("示例建设工程有限公司"));
        assert_eq!(f.text(TextField::CaseNumber), " 示建立〔2025〕12号");
        assert_eq!(f.inputs.reasons.amount.as_deref(), Some("情节一般"));
        f.apply(InputsEdit::Text(TextField::PartyName, "  ".into()));
        assert_eq!(f.inputs.party.name, None);
        assert_eq!(f.text(TextField::PartyName), "");
    }

    #[test]
    fn dates_that_do_not_read_are_kept_as_typed() {
        let mut f = form(vec![InputsEdit::Date(
            DateField::Filed,
            "2025-06-02".into(),
        )]);
        assert_eq!(f.inputs.filed, "2025-06-02".parse().ok());
        f.apply(InputsEdit::Date(DateField::Filed, "2025-13-02".into()));
        assert_eq!(f.inputs.filed, None);
        assert_eq!(f.date(DateField::Filed), "2025-13-02");
        assert!(f.date_error(DateField::Filed).is_some());
        f.apply(InputsEdit::Date(DateField::Filed, String::new()));
        assert_eq!(
            (f.date(DateField::Filed), f.date_error(DateField::Filed)),
            (String::new(), None)
        );
        assert!(f.typed.is_empty());
    }

    #[test]
    fn a_statement_not_adopted_with_its_reason() {
        let f = form(vec![
            InputsEdit::Statement(Some(StatementStatus::Made)),
            InputsEdit::Text(TextField::StatementSummary, "钢筋已全部更换".into()),
            InputsEdit::Adoption(Adoption::NotAdopted),
            InputsEdit::Text(TextField::StatementReason, "不影响违法事实的认定".into()),
        ]);
        assert_eq!(
            f.inputs.statement,
            Some(Statement::Made {
                summary: "钢筋已全部更换".into(),
                adoption: Adoption::NotAdopted,
                reason: "不影响违法事实的认定".into()
            })
        );
        assert_eq!(f.statement(), Some(StatementStatus::Made));
        assert_eq!(f.adoption(), Some(Adoption::NotAdopted));
        // Switching away and back keeps what was written.
        let mut g = f.clone();
        g.apply(InputsEdit::Statement(Some(StatementStatus::Waived)));
        assert_eq!(g.inputs.statement, Some(Statement::Waived));
        assert_eq!(g.text(TextField::StatementSummary), "");
        g.apply(InputsEdit::Statement(None));
        assert_eq!(g.inputs.statement, None);
        let mut h = f.clone();
        h.apply(InputsEdit::Adoption(Adoption::Partly));
        assert_eq!(h.adoption(), Some(Adoption::Partly));
        assert_eq!(h.text(TextField::StatementReason), "不影响违法事实的认定");
    }

    #[test]
    fn a_departure_with_its_approval() {
        let mut f = form(vec![
            InputsEdit::Text(TextField::DepartureReason, "社会影响较大".into()),
            // No approval yet: its date and reference have nowhere to go.
            InputsEdit::Date(DateField::Approval, "2025-06-28".into()),
            InputsEdit::ApprovalBy(Some(ApprovalKind::Collective)),
            InputsEdit::Date(DateField::Approval, "2025-06-28".into()),
            InputsEdit::Text(TextField::ApprovalReference, "示建集议〔2025〕7号".into()),
        ]);
        assert_eq!(
            f.inputs.departure,
            Some(Departure {
                reason: "社会影响较大".into(),
                approval: Some(Approval {
                    by: ApprovalKind::Collective,
                    date: "2025-06-28".parse().ok(),
                    reference: Some("示建集议〔2025〕7号".into())
                })
            })
        );
        f.apply(InputsEdit::ApprovalBy(Some(ApprovalKind::Head)));
        assert_eq!(f.approval_by(), Some(ApprovalKind::Head));
        assert_eq!(
            f.date(DateField::Approval),
            "2025-06-28",
            "kept with the kind changed"
        );
        f.apply(InputsEdit::ApprovalBy(None));
        assert_eq!(f.text(TextField::ApprovalReference), "");
        f.apply(InputsEdit::Text(TextField::DepartureReason, String::new()));
        assert_eq!(f.inputs.departure, None, "nothing entered is nothing kept");
    }

    #[test]
    fn hearing_and_evidence_rows() {
        let mut f = form(vec![
            InputsEdit::Hearing(Some(true)),
            InputsEdit::Date(DateField::HearingHeld, "2025-06-20".into()),
            InputsEdit::Text(TextField::HearingOutcome, "维持".into()),
            InputsEdit::AddEvidence,
            InputsEdit::EvidenceItem(0, "《现场检查笔录》".into()),
            InputsEdit::EvidenceProves(0, "使用未经检验的钢筋".into()),
            InputsEdit::AddEvidence,
            InputsEdit::EvidenceItem(5, "无此行".into()),
        ]);
        assert_eq!(f.hearing(), Some(true));
        assert_eq!(f.date(DateField::HearingHeld), "2025-06-20");
        assert_eq!(f.inputs.evidence.len(), 2);
        // The empty row stays in the form, not in the documents.
        assert_eq!(f.for_documents().evidence.len(), 1);
        f.apply(InputsEdit::RemoveEvidence(0));
        f.apply(InputsEdit::RemoveEvidence(7));
        assert_eq!(f.inputs.evidence.len(), 1);
        // Not requested is an answer of its own (the decision says so); not entered is None.
        f.apply(InputsEdit::Hearing(Some(false)));
        assert_eq!(f.hearing(), Some(false));
        f.apply(InputsEdit::Text(TextField::HearingOutcome, " ".into()));
        assert_eq!(
            f.inputs.hearing.as_ref().and_then(|h| h.outcome.clone()),
            None
        );
        f.apply(InputsEdit::Hearing(None));
        assert_eq!(f.inputs.hearing, None);
    }

    #[test]
    fn a_hearing_not_requested_is_kept_as_such() {
        let f = form(vec![InputsEdit::Hearing(Some(false))]);
        assert_eq!(
            f.inputs.hearing,
            Some(crate::documents::HearingRecord::default())
        );
        assert_eq!(f.hearing(), Some(false));
        assert_eq!(form(vec![]).hearing(), None);
    }

    #[test]
    fn the_form_is_saved_as_its_inputs() {
        let f = form(vec![
            InputsEdit::Text(TextField::PartyName, "甲".into()),
            InputsEdit::Date(DateField::Notice, "6月16日".into()),
        ]);
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"inputs":{"party":{"name":"甲"}},"typed":{"notice_date":"6月16日"}}"#
        );
        assert_eq!(serde_json::from_str::<InputsForm>(&json).unwrap(), f);
        assert_eq!(
            serde_json::from_str::<InputsForm>("{}").unwrap(),
            InputsForm::default()
        );
    }
}
