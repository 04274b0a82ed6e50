//! Errors that stop an evaluation: the case cannot be read against the pack.

use serde::Serialize;
use thiserror::Error;

/// The case cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EngineError {
    /// The case names no item.
    #[error("案件未选择违法行为")]
    NoItem,
    /// The case names an item the pack does not have.
    #[error("基准中没有编号为 {code} 的违法行为")]
    UnknownItem {
        /// The item code.
        code: String,
    },
    /// A fact value does not fit its declaration.
    #[error("{field}：{message}")]
    BadFact {
        /// Field (JSON path in the case).
        field: String,
        /// What is wrong, in Chinese.
        message: String,
    },
    // Struct variants: serde's internally tagged form (`{"type": …}`) cannot carry a bare string.
    /// Dates are out of order.
    #[error("日期顺序不对：{message}")]
    Dates {
        /// Which dates, in Chinese.
        message: String,
    },
    /// An amount is too large to compute exactly.
    #[error("金额过大，无法精确计算（{what}）")]
    Overflow {
        /// Which computation.
        what: String,
    },
}
