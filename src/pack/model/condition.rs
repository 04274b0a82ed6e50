//! Conditions over facts, in three-valued logic.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::BoundConvention;
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

/// A comparison. The words 以上 / 以下 follow the pack's boundary convention (default 民法典
/// art 1259: both include the bound); 超过 / 不满 never include it; the symbols say exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Op {
    /// ≥.
    #[serde(rename = ">=")]
    Ge,
    /// >, 超过（不含本数）.
    #[serde(rename = ">", alias = "超过")]
    Gt,
    /// ≤.
    #[serde(rename = "<=")]
    Le,
    /// <, 不满（不含本数）.
    #[serde(rename = "<", alias = "不满")]
    Lt,
    /// =.
    #[serde(rename = "=", alias = "等于")]
    Eq,
    /// 以上: includes the bound unless the pack's convention says otherwise.
    #[serde(rename = "以上")]
    Above,
    /// 以下: includes the bound unless the pack's convention says otherwise.
    #[serde(rename = "以下")]
    Below,
}

impl Op {
    /// The exact comparison, with the convention applied to 以上 / 以下.
    pub fn resolve(self, bounds: &BoundConvention) -> Op {
        match self {
            Op::Above if bounds.above.includes() => Op::Ge,
            Op::Above => Op::Gt,
            Op::Below if bounds.below.includes() => Op::Le,
            Op::Below => Op::Lt,
            other => other,
        }
    }
}
