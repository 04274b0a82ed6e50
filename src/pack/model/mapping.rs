//! How a bureau's published table maps onto the pack: which column holds the item code, the
//! name, the 违法依据 and 处罚依据, the tier label, condition and standard …, and which facts the
//! table's words stand for. `cailiang import` writes it into the pack it makes
//! ([`super::Pack::table_mapping`]), so that the next edition of the same table is imported
//! without asking again.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{FactDef, Role};

/// The layouts bureaus publish (shared/legal-notes.md §5.1), and this program's own export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublishedLayout {
    /// 北京住建系统: 序号, 职权编号, 职权名称, 违法行为认定依据, 违法行为处罚依据, 基准编号,
    /// 违法情形, 裁量基准 — tier codes are the item code with a suffix ("-1" 责令改正, "T"
    /// 不予处罚, "B010" … the tiers).
    Beijing,
    /// 甘肃: 序号, 违法行为, 处罚依据, 适用情形, 裁量标准.
    Gansu,
    /// 浙江 (2023): 序号, 事项代码, 事项名称, 法律法规依据, 裁量阶次, 适用条件, 具体标准,
    /// 裁量基准来源, 备注.
    Zhejiang2023,
    /// 浙江 (2025): 序号, 事项代码, 事项名称, 处罚依据, 阶次及适用条件, 裁量幅度, 裁量基准来源.
    Zhejiang2025,
    /// 郑州 / 新密 / 卢氏: 事项名称, 执法依据, 行政处罚自由裁量基准 (the 轻微 / 一般 / 严重
    /// 表现情形 and 处罚标准 of every tier in one cell).
    Zhengzhou,
    /// 湘潭: 编号, 违法事由, 适用法律名称, 具体条文, 处罚幅度, 行使自由裁量的结果, 备注.
    Xiangtan,
    /// This program's export (`cailiang export`): one row per tier, every column generated
    /// from the pack.
    Cailiang,
}

impl PublishedLayout {
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            PublishedLayout::Beijing => "北京住建系统格式",
            PublishedLayout::Gansu => "甘肃格式",
            PublishedLayout::Zhejiang2023 => "浙江格式（2023）",
            PublishedLayout::Zhejiang2025 => "浙江格式（2025）",
            PublishedLayout::Zhengzhou => "郑州基层政务公开格式",
            PublishedLayout::Xiangtan => "湘潭格式",
            PublishedLayout::Cailiang => "本程序导出格式",
        }
    }
}

/// What a column of a published table holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// 序号: numbers the items; a new number starts a new item.
    Seq,
    /// The item's code (职权编号, 事项代码, 编号).
    ItemCode,
    /// The item's name (违法行为, 事项名称, 职权名称, 违法事由).
    ItemName,
    /// Who commits it (违法主体): 单位, 个人, or both.
    Parties,
    /// 违法依据 (违法行为认定依据).
    Violates,
    /// 处罚依据.
    PenaltyBasis,
    /// One column for both (法律法规依据, 执法依据): the cited provision that imposes the
    /// penalty is the 处罚依据, the others are 违法依据.
    Basis,
    /// The law's name, with the article in another column (湘潭 适用法律名称).
    LawName,
    /// The article and its text, with the law's name in another column (湘潭 具体条文).
    Article,
    /// The statutory penalty (处罚幅度, 法定处罚): fines, other penalties, preconditions.
    Statutory,
    /// The tier's code (基准编号, 阶次编码).
    TierCode,
    /// The tier's label (裁量阶次: 轻微 / 一般 / 严重, A / B / C).
    TierLabel,
    /// The tier's label and condition in one cell (浙江 2025 阶次及适用条件).
    TierLabelCondition,
    /// The circumstances as the table words them (违法情形, 适用情形): the tier's description,
    /// and its condition where no column holds that alone.
    TierSituation,
    /// The tier's condition (适用条件).
    TierCondition,
    /// The tier's standard (裁量基准, 裁量标准, 具体标准, 裁量幅度, 行使自由裁量的结果).
    TierStandard,
    /// Every tier of the item in one cell ("1.轻微违法行为的表现情形：…处罚标准：…2.…").
    TiersInOne,
    /// Where the row comes from (裁量基准来源).
    Source,
    /// 备注: the item's note.
    Note,
    /// Not imported.
    Ignore,
}

impl ColumnRole {
    /// Every role, in the order a mapping form offers them.
    pub const ALL: [ColumnRole; 20] = [
        ColumnRole::Seq,
        ColumnRole::ItemCode,
        ColumnRole::ItemName,
        ColumnRole::Parties,
        ColumnRole::Violates,
        ColumnRole::PenaltyBasis,
        ColumnRole::Basis,
        ColumnRole::LawName,
        ColumnRole::Article,
        ColumnRole::Statutory,
        ColumnRole::TierCode,
        ColumnRole::TierLabel,
        ColumnRole::TierLabelCondition,
        ColumnRole::TierSituation,
        ColumnRole::TierCondition,
        ColumnRole::TierStandard,
        ColumnRole::TiersInOne,
        ColumnRole::Source,
        ColumnRole::Note,
        ColumnRole::Ignore,
    ];

    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            ColumnRole::Seq => "序号",
            ColumnRole::ItemCode => "违法行为编号",
            ColumnRole::ItemName => "违法行为名称",
            ColumnRole::Parties => "违法主体",
            ColumnRole::Violates => "违法依据",
            ColumnRole::PenaltyBasis => "处罚依据",
            ColumnRole::Basis => "违法和处罚依据",
            ColumnRole::LawName => "法律名称",
            ColumnRole::Article => "具体条文",
            ColumnRole::Statutory => "法定处罚",
            ColumnRole::TierCode => "阶次编号",
            ColumnRole::TierLabel => "裁量阶次",
            ColumnRole::TierLabelCondition => "阶次及适用条件",
            ColumnRole::TierSituation => "违法情形",
            ColumnRole::TierCondition => "适用条件",
            ColumnRole::TierStandard => "裁量基准",
            ColumnRole::TiersInOne => "全部阶次（一格）",
            ColumnRole::Source => "裁量基准来源",
            ColumnRole::Note => "备注",
            ColumnRole::Ignore => "不导入",
        }
    }
}

/// One column and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MappedColumn {
    /// The column's header as the table writes it; matched with spaces, full-width forms and
    /// traditional characters folded, so "違法行為處罰依據" matches "违法行为处罚依据".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// The column's number (1 = A), for a column without a header or with a repeated one.
    /// With both, the number decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// What it holds.
    pub role: ColumnRole,
}

/// How a published table maps onto a pack (see the module docs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// The published layout the header was recognised as; absent for a layout mapped by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<PublishedLayout>,
    /// The sheet (or "表格 N" of a Word document) to import; absent: every sheet or table whose
    /// header has these columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The columns; a column not listed is not imported (and the report says so).
    pub columns: Vec<MappedColumn>,
    /// Facts the table's words stand for: a quantity ("违法建设面积100平方米以上") or a
    /// circumstance ("情节严重的") worded as a fact's label is read as that fact, and declared
    /// with this definition in each item that uses it. A fact id may appear more than once,
    /// with each wording the table uses for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactDef>,
    /// Other wordings of a fact: words → fact id (of `facts`, or a built-in circumstance such as
    /// `corrected` for "及时纠正").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub words: BTreeMap<String, String>,
    /// Roles the table's party words stand for: a clause that fines "建设单位" and "施工单位"
    /// apart gives each the role with that label — its id, which a table does not carry, and
    /// who can play it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}
