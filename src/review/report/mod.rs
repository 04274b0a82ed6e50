//! The review's report: the findings as rows (for CSV and .xlsx), the charts as SVG, and a
//! self-contained HTML report (inline SVG and CSS, no script; every text escaped, since case and
//! pack text is untrusted).

pub mod csv;
pub mod html;
pub mod svg;
pub mod xlsx;

use super::{CaseReview, RowError};
use crate::wording::{basis_words, cite_list};

/// The columns of the findings table.
pub const COLUMNS: [&str; 14] = [
    "行号",
    "位置",
    "案号",
    "违法行为编码",
    "违法行为",
    "当事人",
    "等级",
    "规则编号",
    "规则",
    "问题",
    "法律依据",
    "基准依据",
    "应为",
    "记录为",
];

/// The rule id of a row that could not be reviewed.
pub const UNREADABLE: &str = "row.unreadable";

/// One row of the findings table per finding of a case.
pub fn finding_rows(r: &CaseReview) -> Vec<[String; 14]> {
    r.findings
        .iter()
        .map(|f| {
            [
                r.row.to_string(),
                r.place.clone().unwrap_or_default(),
                r.reference.clone().unwrap_or_default(),
                r.item.clone(),
                r.item_name.clone(),
                f.party.clone().unwrap_or_default(),
                f.severity.label().to_string(),
                f.rule.id().to_string(),
                f.rule.title().to_string(),
                f.message.clone(),
                cite_list(&f.citations),
                basis_words(&f.benchmark).unwrap_or_default(),
                f.expected.as_ref().map(|s| s.words()).unwrap_or_default(),
                f.recorded.as_ref().map(|s| s.words()).unwrap_or_default(),
            ]
        })
        .collect()
}

/// The row of the findings table for a row that could not be reviewed.
pub fn error_row(e: &RowError) -> [String; 14] {
    [
        e.row.to_string(),
        e.place.clone().unwrap_or_default(),
        e.reference.clone().unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        crate::review::Severity::Error.label().to_string(),
        UNREADABLE.to_string(),
        "无法评查".to_string(),
        e.problem.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}
