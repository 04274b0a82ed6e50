//! Conditions over facts, in three-valued logic.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::num::Dec;

/// A condition over facts, in three-valued logic (a missing fact is unknown).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Condition {
    /// All hold.
    All {
        /// Parts.
        all: Vec<Condition>,
    },
    /// Any holds.
    Any {
        /// Parts.
        any: Vec<Condition>,
    },
    /// Does not hold.
    Not {
        /// Part.
        not: Box<Condition>,
    },
    /// A number compared with a bound.
    Compare {
        /// Fact id.
        fact: String,
        /// Comparison; the bound's 含本数 / 不含本数 is in the operator.
        op: Op,
        /// Bound.
        value: Dec,
    },
    /// A yes/no fact is true (or false with `is: false`).
    Flag {
        /// Fact id.
        fact: String,
        /// Expected value.
        is: bool,
    },
    /// A choice fact is one of these.
    OneOf {
        /// Fact id.
        fact: String,
        /// Accepted options.
        one_of: Vec<String>,
    },
}

/// A comparison. The Chinese words follow 民法典 art 1259: 以上 / 以下 include the bound,
/// 超过 / 不满 do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Op {
    /// ≥, 以上（含本数）.
    #[serde(rename = ">=", alias = "以上")]
    Ge,
    /// >, 超过（不含本数）.
    #[serde(rename = ">", alias = "超过")]
    Gt,
    /// ≤, 以下（含本数）.
    #[serde(rename = "<=", alias = "以下")]
    Le,
    /// <, 不满（不含本数）.
    #[serde(rename = "<", alias = "不满")]
    Lt,
    /// =.
    #[serde(rename = "=", alias = "等于")]
    Eq,
}

impl Op {
    /// Chinese wording of the comparison.
    pub fn words(self) -> &'static str {
        match self {
            Op::Ge => "以上（含本数）",
            Op::Gt => "超过（不含本数）",
            Op::Le => "以下（含本数）",
            Op::Lt => "不满（不含本数）",
            Op::Eq => "等于",
        }
    }
}
