//! The officer's documents: 行政处罚事先告知书, 行政处罚决定书 and 不予行政处罚决定书, built from
//! the pack, the case, the result with its recorded decisions and the officer's
//! [`DocumentInputs`], as a [`Document`] — a title, a 文号 and paragraphs with roles — that the
//! .docx writer ([`crate::docx`]) and the plain-text and HTML print views render alike.
//!
//! The documents read what the engine decided (`result.decisions`, the tier, the adjustment, the
//! flags) and word it with the 说理 draft's own wording ([`crate::text::section_values`]); they
//! never evaluate a pack condition. Every statutory sentence is quoted from
//! [`crate::statute::Provision`] or from the pack's quotes; what the project has no text for
//! (remedy wording, payment, the 陈述申辩 period, the authority) comes from the pack's
//! `documents` settings or stays a visible blank 【…】.
//!
//! An intended fine outside the recommended range is a departure (逸脱): the documents are
//! generated, and state its reason and approval, but carry a [`DocumentWarning`] until both are
//! entered. An intended fine outside the statutory range is no departure: generation is refused
//! with a [`DocumentError`] naming the article.

mod builder;
mod decision;
pub mod form;
pub mod inputs;
mod no_penalty;
mod notice;
mod render;
pub mod sections;
pub mod standing;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use form::{InputsEdit, InputsForm};
pub use inputs::{
    Adoption, Approval, ApprovalKind, Departure, DocumentInputs, Evidence, HearingRecord,
    PartyDetails, Reasons, Statement,
};
pub use render::PRINT_CSS;
pub use sections::{DocSection, SECTIONS, validate_settings};
pub use standing::{Standing, position, standing};

use crate::case::Case;
use crate::date::Date;
use crate::engine::result::{EvalResult, MoneyRange, Outcome};
use crate::num::Dec;
use crate::pack::LoadedPack;
use crate::pack::model::Citation;
use crate::wording::{cite, describe, yuan};

/// The kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 行政处罚事先告知书 (行政处罚法 art 44).
    Notice,
    /// 行政处罚决定书 (art 59).
    Decision,
    /// 不予行政处罚决定书.
    NoPenaltyDecision,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Notice,
        DocumentKind::Decision,
        DocumentKind::NoPenaltyDecision,
    ];

    /// The document's title.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Notice => "行政处罚事先告知书",
            DocumentKind::Decision => "行政处罚决定书",
            DocumentKind::NoPenaltyDecision => "不予行政处罚决定书",
        }
    }

    /// The prefix of its section keys ("notice.", "decision.", "no_penalty.").
    pub fn key_prefix(self) -> &'static str {
        match self {
            DocumentKind::Notice => "notice.",
            DocumentKind::Decision => "decision.",
            DocumentKind::NoPenaltyDecision => "no_penalty.",
        }
    }

    /// The snake_case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Notice => "notice",
            DocumentKind::Decision => "decision",
            DocumentKind::NoPenaltyDecision => "no_penalty_decision",
        }
    }

    /// A kind by its name.
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether this document fits the outcome: a penalty for the notice and the decision,
    /// 不予处罚 or 不再给予处罚 for the 不予行政处罚决定书.
    pub fn fits(self, outcome: Outcome) -> bool {
        match self {
            DocumentKind::Notice | DocumentKind::Decision => {
                matches!(outcome, Outcome::Fine | Outcome::NoFine | Outcome::Pending)
            }
            DocumentKind::NoPenaltyDecision => {
                matches!(outcome, Outcome::NoPenalty | Outcome::TimeBarred)
            }
        }
    }
}

/// The documents a result can have, in the order they are made.
pub fn available(result: &EvalResult) -> Vec<DocumentKind> {
    DocumentKind::ALL
        .into_iter()
        .filter(|k| k.fits(result.outcome))
        .collect()
}

/// What a paragraph is, for layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The authority's name above the title (centred).
    Authority,
    /// The document's title (centred, bold).
    Title,
    /// 文号 (centred).
    Number,
    /// The addressee line ("某某公司："), flush left.
    Addressee,
    /// A numbered section heading ("一、违法事实").
    Heading,
    /// A body paragraph, first line indented by two characters.
    Paragraph,
    /// The 落款: the authority (right-aligned).
    Signature,
    /// The date under the 落款 (right-aligned).
    Date,
    /// The seal line (right-aligned).
    Seal,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Block {
    /// What it is.
    pub role: Role,
    /// Its text (one paragraph, no line breaks).
    pub text: String,
}

/// A document, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Which document.
    pub kind: DocumentKind,
    /// Its title.
    pub title: String,
    /// Its 文号, or the blank 【文号】.
    pub number: String,
    /// The authority issuing it, or the blank 【执法机关名称】.
    pub authority: String,
    /// Its date (the decision date; the 告知 date for a notice), when entered. The .docx
    /// package's timestamps are this date, never the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The paragraphs, in order (the authority, title and number first).
    pub blocks: Vec<Block>,
    /// What the officer must still do before the document can be issued.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<DocumentWarning>,
}

/// Something the officer must still do before issuing the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DocumentWarning {
    /// The amount departs from the benchmark and no reason is entered.
    #[error("拟罚款数额不在建议幅度以内，属于偏离裁量基准，须写明偏离理由")]
    DepartureWithoutReason,
    /// The amount departs from the benchmark and no approval is entered.
    #[error(
        "拟罚款数额偏离裁量基准，须经本机关负责人批准或者集体讨论决定，批准材料或者集体讨论记录应当一同列入案卷副卷"
    )]
    DepartureWithoutApproval,
    /// The approval lacks its date or reference.
    #[error("偏离裁量基准的批准（集体讨论）缺少日期或者文号（记录编号）")]
    ApprovalIncomplete,
    /// The approval is dated after the decision.
    #[error("偏离裁量基准的批准日期（{approved}）晚于决定日期（{decided}）")]
    ApprovalAfterDecision {
        /// The approval's date.
        approved: Date,
        /// The decision's date.
        decided: Date,
    },
    /// A fine is decided but no amount is entered.
    #[error("未填写拟罚款数额，文书中的罚款数额为空白")]
    NoAmount,
    /// The result still waits for facts or a choice.
    #[error("计算结果待补充：{what}")]
    Pending {
        /// What is missing.
        what: String,
    },
    /// The pack is a reference example, not an issued benchmark.
    #[error(
        "所适用的裁量基准为参考示例，非任何机关发布的正式裁量基准；正式文书应当依据本地发布的裁量基准"
    )]
    ReferencePack,
    /// A warning of the evaluation.
    #[error("计算提示：{message}")]
    Evaluation {
        /// The engine's warning.
        message: String,
    },
}

/// Why a document cannot be generated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DocumentError {
    /// The document does not fit the outcome.
    #[error("本案计算结果为“{outcome}”，不能制作{document}{hint}")]
    WrongOutcome {
        /// The document's title.
        document: String,
        /// The outcome's label.
        outcome: String,
        /// What to do instead, beginning with "：" (or empty).
        hint: String,
    },
    /// The intended fine is above the statutory maximum.
    #[error(
        "拟罚款{}元超过{}规定的法定罚款幅度（{}）。偏离裁量基准只能在法定幅度以内，超出法定幅度的罚款不得作出，不能生成文书",
        yuan(amount.0), cite(citation), describe(statutory)
    )]
    AboveStatutory {
        /// The intended amount.
        amount: Dec,
        /// The statutory range.
        statutory: MoneyRange,
        /// The provision setting it.
        citation: Box<Citation>,
    },
    /// The intended fine is below the statutory minimum and no 减轻 applies.
    #[error(
        "拟罚款{}元低于{}规定的法定罚款幅度（{}），且本案不适用减轻处罚（《中华人民共和国行政处罚法》第三十条至第三十二条）。偏离裁量基准只能在法定幅度以内，不能生成文书",
        yuan(amount.0), cite(citation), describe(statutory)
    )]
    BelowStatutory {
        /// The intended amount.
        amount: Dec,
        /// The statutory range.
        statutory: MoneyRange,
        /// The provision setting it.
        citation: Box<Citation>,
    },
    /// The intended fine is zero or negative.
    #[error("拟罚款数额（{amount}元）应当大于零；不予罚款的，请清除拟罚款数额")]
    NotAFine {
        /// The intended amount.
        amount: Dec,
    },
}

/// Generates a document of `kind` for a result. The result must have been computed from `case`
/// on `pack`; the inputs are the officer's. A case with other parties of the same act
/// (`result.co_parties`) has one document per party: call this with each co-party's result.
pub fn generate(
    kind: DocumentKind,
    pack: &LoadedPack,
    case: &Case,
    result: &EvalResult,
    inputs: &DocumentInputs,
) -> Result<Document, DocumentError> {
    if !kind.fits(result.outcome) {
        let hint = match (kind, result.outcome) {
            (_, Outcome::MayNotPenalise) => {
                "：本案有可以不予行政处罚的情形，请先决定是否不予处罚（“可以不予处罚”的裁量）"
            }
            (_, Outcome::CorrectionOnly) => "：本案依法责令改正、暂不予罚款",
            (_, Outcome::Referred) => "：本案应当适用其他违法行为或者移送其他机关",
            (_, Outcome::Pending) => "：请先补充待定的事实或者选择",
            (DocumentKind::NoPenaltyDecision, _) => "：本案应当给予行政处罚",
            _ => "：请制作不予行政处罚决定书",
        };
        return Err(DocumentError::WrongOutcome {
            document: kind.title().to_string(),
            outcome: result.outcome.label().to_string(),
            hint: hint.to_string(),
        });
    }
    let b = builder::Builder::new(kind, pack, case, result, inputs)?;
    Ok(match kind {
        DocumentKind::Notice => b.notice(),
        DocumentKind::Decision => b.decision(),
        DocumentKind::NoPenaltyDecision => b.no_penalty(),
    })
}

impl Document {
    /// The .docx package (A4, official margins, 仿宋 三号, page numbers).
    pub fn docx(&self) -> Result<Vec<u8>, crate::docx::DocxError> {
        crate::docx::write(&render::docx_parts(self))
    }

    /// A file name for the document, without extension: the title and the 文号 or party name,
    /// with characters no file system accepts replaced.
    pub fn file_stem(&self) -> String {
        let tail = if self.number.starts_with('【') {
            String::new()
        } else {
            format!("-{}", self.number)
        };
        format!("{}{tail}", self.title)
            .chars()
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
                c if c.is_control() => '_',
                c => c,
            })
            .collect()
    }
}
