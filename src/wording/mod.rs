//! How the project words what the engine decided — once, for the trace, the 说理 draft, the app,
//! the documents and the review: amounts of 元 in figures and 大写, ranges with their bounds,
//! statutory fine forms, thresholds, fractions of a range, conditions over facts, and citations.
//!
//! It sits below the engine and the text: both call it, and nothing here decides anything.

mod cite;
mod condition;
mod fine;
mod money;
mod numerals;
mod outcome;

pub use cite::{article_ref, basis_words, cite, cite_list, law_name, quoted};
pub use condition::{circumstance_label, describe_condition, fact_label, fact_unit};
pub use fine::{form_words, fraction_words, point_words, threshold_words};
pub use money::{describe, yuan};
pub use numerals::{amount_in_words, chinese_number, range_in_words};
pub use outcome::{band_display, outcome_words};

/// Why an amount cannot be written in 大写.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WordsError {
    /// A negative amount.
    #[error("金额 {0} 为负数，不能写成大写")]
    Negative(String),
    /// 10^16 元 or more.
    #[error("金额 {0} 过大（大写金额须小于一亿亿元）")]
    TooLarge(String),
    /// A fraction of a 分.
    #[error("金额 {0} 有不足一分的尾数，不能写成大写")]
    BelowFen(String),
}
