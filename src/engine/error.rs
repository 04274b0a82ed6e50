//! Errors that stop an evaluation: the case cannot be read against the pack.

use serde::Serialize;
use thiserror::Error;

/// A field of the case a [`EngineError::BadFact`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseField {
    /// One of the item's facts (`facts.<id>`).
    Fact,
    /// 违法所得 (`illegal_gains`).
    IllegalGains,
    /// 拟罚款数额 (`intended_fine`).
    IntendedFine,
    /// 年龄 (`age`).
    Age,
}

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
    /// The case names a role the item does not have.
    #[error("违法行为 {item} 没有当事人身份“{role}”")]
    UnknownRole {
        /// The item code.
        item: String,
        /// The role named.
        role: String,
    },
    /// A value of the case does not fit: a fact against its declaration, or an amount or age.
    #[error("{label}（{path}）：{message}")]
    BadFact {
        /// Which field of the case.
        field: CaseField,
        /// The fact id, for a fact.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fact: Option<String>,
        /// The field's label, e.g. "工程合同价款".
        label: String,
        /// The JSON path in the case, e.g. `$.facts.contract_price`.
        path: String,
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
