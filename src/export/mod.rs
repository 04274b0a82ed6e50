//! A pack written as the table a bureau publishes: one row per tier (and per 免罚 row), the
//! item's columns merged down its rows; the 违法依据 and 处罚依据 quoted; the 法定处罚 and every
//! 裁量基准 worded from the data by [`crate::wording`] (fine forms, ranges with 以上 / 以下 by the
//! pack's convention), never typed a second time. As .xlsx ([`to_xlsx`]) or .csv in UTF-8 with a
//! BOM or in GBK for Chinese Excel ([`to_csv`]).
//!
//! The layout is [`PublishedLayout::Cailiang`]; importing the file with [`mapping_for`] (which
//! carries the pack's facts) gives back the pack's items.

mod csv;
mod sheet;
mod xlsx;

use serde::Serialize;

use crate::pack::model::{
    ColumnMapping, ColumnRole, Condition, FactDef, MappedColumn, Pack, PublishedLayout, Role,
};

pub use csv::{CsvEncoding, to_csv};
pub use sheet::{Sheet, sheet};
pub use xlsx::to_xlsx;

/// The columns of the export, with what each holds.
pub const COLUMNS: [(&str, ColumnRole); 13] = [
    ("序号", ColumnRole::Seq),
    ("事项编码", ColumnRole::ItemCode),
    ("违法行为", ColumnRole::ItemName),
    ("违法主体", ColumnRole::Parties),
    ("违法依据", ColumnRole::Violates),
    ("处罚依据", ColumnRole::PenaltyBasis),
    ("法定处罚", ColumnRole::Statutory),
    ("阶次编码", ColumnRole::TierCode),
    ("裁量阶次", ColumnRole::TierLabel),
    ("违法情形", ColumnRole::TierSituation),
    ("适用条件", ColumnRole::TierCondition),
    ("裁量基准", ColumnRole::TierStandard),
    ("备注", ColumnRole::Note),
];

/// Columns that belong to the item (merged down its rows).
pub const ITEM_COLUMNS: [usize; 8] = [0, 1, 2, 3, 4, 5, 6, 12];

/// Why a pack could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExportError {
    /// A character GBK cannot hold (save as UTF-8 instead).
    #[error(
        "第 {row} 行“{column}”列的字符“{character}”无法用 GBK 编码；请导出为 UTF-8 的 CSV 或 .xlsx"
    )]
    NotGbk {
        /// Row of the file (1-based).
        row: usize,
        /// The column's header.
        column: String,
        /// The character.
        character: String,
    },
    /// The workbook writer failed.
    #[error("无法生成 Excel 文件（{0}）")]
    Xlsx(String),
}

/// The mapping an exported table is imported with: the export's columns, the pack's facts
/// (their ids, which a table does not carry, and their units and help texts) and its roles
/// (their ids).
pub fn mapping_for(pack: &Pack) -> ColumnMapping {
    let mut facts: Vec<FactDef> = Vec::new();
    for item in &pack.items {
        for d in &item.facts {
            if !facts.iter().any(|x| x.id == d.id && x.label == d.label) {
                facts.push(d.clone());
            }
        }
    }
    // A precondition worded otherwise than its fact ("逾期仍不移交有关资料" for 逾期不改正).
    let mut words = std::collections::BTreeMap::new();
    for item in &pack.items {
        for p in &item.preconditions {
            if let Condition::Flag { fact, is: true } = &p.when
                && !facts.iter().any(|d| &d.id == fact && d.label == p.label)
            {
                words.insert(p.label.clone(), fact.clone());
            }
        }
    }
    // The roles' ids (a table names a role by its label).
    let mut roles: Vec<Role> = Vec::new();
    for item in &pack.items {
        for r in &item.roles {
            if !roles.contains(r) {
                roles.push(r.clone());
            }
        }
    }
    ColumnMapping {
        layout: Some(PublishedLayout::Cailiang),
        sheet: None,
        columns: COLUMNS
            .iter()
            .enumerate()
            .map(|(i, (h, role))| MappedColumn {
                header: Some(h.to_string()),
                column: Some(i as u32 + 1),
                role: *role,
            })
            .collect(),
        facts,
        words,
        roles,
    }
}
