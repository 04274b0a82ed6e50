//! The column layouts bureaus publish (shared/legal-notes.md §5.1), recognised from their
//! headers, and the words by which any other header suggests what its column holds.
//!
//! Headers are compared folded: white space and line breaks removed, full-width forms and the
//! traditional characters of the tables made simplified, a parenthesised gloss dropped
//! ("违法行为认定依据（法规依据）" → "违法行为认定依据") and a "的" ignored, so that "違法行為處罰依據"
//! and "行使自由裁量结果" match.

use super::norm::Norm;
use crate::pack::model::{ColumnMapping, ColumnRole, MappedColumn, PublishedLayout};
use crate::table::Table;

/// Header words for each column role, folded (see the module docs). A header matches the role
/// whose words equal it.
pub const HEADER_WORDS: &[(ColumnRole, &[&str])] = &[
    (ColumnRole::Seq, &["序号", "序"]),
    (
        ColumnRole::ItemCode,
        &[
            "职权编号",
            "事项代码",
            "事项编码",
            "事项编号",
            "编号",
            "编码",
            "权力编码",
            "权力事项编码",
            "违法行为编号",
            "处罚事项编码",
        ],
    ),
    (
        ColumnRole::ItemName,
        &[
            "职权名称",
            "违法行为",
            "事项名称",
            "违法事由",
            "违法行为名称",
            "违法事项",
            "权力事项名称",
            "处罚事项",
        ],
    ),
    (
        ColumnRole::Parties,
        &["违法主体", "处罚对象", "适用对象", "行政相对人", "当事人"],
    ),
    (
        ColumnRole::Violates,
        &["违法行为认定依据", "违法依据", "认定依据", "违法行为依据"],
    ),
    (
        ColumnRole::PenaltyBasis,
        &["违法行为处罚依据", "处罚依据", "处罚条款"],
    ),
    (
        ColumnRole::Basis,
        &[
            "法律法规依据",
            "执法依据",
            "法律依据",
            "依据",
            "法定依据",
            "法律法规规章依据",
        ],
    ),
    (
        ColumnRole::LawName,
        &["适用法律名称", "法律名称", "法律法规名称", "适用法律"],
    ),
    (
        ColumnRole::Article,
        &["具体条文", "条文", "条款", "条文内容"],
    ),
    (
        ColumnRole::Statutory,
        &[
            "处罚幅度",
            "法定处罚",
            "法定处罚幅度",
            "处罚种类和幅度",
            "处罚种类及幅度",
            "法定罚款幅度",
            "法定处罚种类和幅度",
        ],
    ),
    (
        ColumnRole::TierCode,
        &[
            "基准编号",
            "阶次编码",
            "阶次编号",
            "裁量编号",
            "基准编码",
            "裁量基准编号",
        ],
    ),
    (
        ColumnRole::TierLabel,
        &[
            "裁量阶次",
            "阶次",
            "裁量档次",
            "违法程度",
            "裁量等级",
            "违法情节等级",
        ],
    ),
    (
        ColumnRole::TierLabelCondition,
        &["阶次及适用条件", "裁量阶次及适用条件", "阶次和适用条件"],
    ),
    (
        ColumnRole::TierSituation,
        &[
            "违法情形",
            "适用情形",
            "违法情节",
            "情形",
            "具体情形",
            "违法事实及情节",
        ],
    ),
    (ColumnRole::TierCondition, &["适用条件", "裁量条件"]),
    (
        ColumnRole::TierStandard,
        &[
            "裁量基准",
            "裁量标准",
            "具体标准",
            "裁量幅度",
            "处罚标准",
            "行使自由裁量结果",
            "处罚基准",
            "裁量结果",
        ],
    ),
    (
        ColumnRole::TiersInOne,
        &["行政处罚自由裁量基准", "自由裁量基准", "行政处罚裁量基准"],
    ),
    (ColumnRole::Source, &["裁量基准来源", "基准来源", "来源"]),
    (ColumnRole::Note, &["备注", "说明"]),
];

/// A published layout: the headers (folded) that identify it — every one must be present — and
/// the headers that only it gives another role than [`HEADER_WORDS`] does.
pub struct LayoutDef {
    /// The layout.
    pub layout: PublishedLayout,
    /// Headers that identify it, folded; each entry is a list of variants, one of which must be
    /// present.
    pub signature: &'static [&'static [&'static str]],
    /// Headers this layout reads differently.
    pub own: &'static [(&'static str, ColumnRole)],
}

/// The layouts of legal-notes §5.1, most specific first.
pub const LAYOUTS: &[LayoutDef] = &[
    LayoutDef {
        layout: PublishedLayout::Cailiang,
        signature: &[
            &["事项编码"],
            &["法定处罚"],
            &["阶次编码"],
            &["适用条件"],
            &["裁量基准"],
        ],
        own: &[],
    },
    LayoutDef {
        layout: PublishedLayout::Beijing,
        signature: &[
            &["职权编号", "职权名称"],
            &["基准编号"],
            &["违法情形"],
            &["裁量基准"],
        ],
        own: &[],
    },
    LayoutDef {
        layout: PublishedLayout::Zhejiang2023,
        signature: &[
            &["事项代码", "事项编码"],
            &["事项名称"],
            &["裁量阶次"],
            &["适用条件"],
            &["具体标准"],
        ],
        own: &[("法律法规依据", ColumnRole::Basis)],
    },
    LayoutDef {
        layout: PublishedLayout::Zhejiang2025,
        signature: &[
            &["事项代码", "事项编码"],
            &["事项名称"],
            &["阶次及适用条件"],
            &["裁量幅度"],
        ],
        own: &[],
    },
    LayoutDef {
        layout: PublishedLayout::Xiangtan,
        signature: &[
            &["违法事由"],
            &["适用法律名称"],
            &["具体条文"],
            &["行使自由裁量结果"],
        ],
        own: &[("编号", ColumnRole::ItemCode)],
    },
    LayoutDef {
        layout: PublishedLayout::Zhengzhou,
        signature: &[
            &["事项名称"],
            &["执法依据"],
            &["行政处罚自由裁量基准", "自由裁量基准"],
        ],
        own: &[],
    },
    LayoutDef {
        layout: PublishedLayout::Gansu,
        signature: &[&["违法行为"], &["处罚依据"], &["适用情形"], &["裁量标准"]],
        own: &[],
    },
];

/// A header folded for comparison (see the module docs).
pub fn fold_header(text: &str) -> String {
    let n = Norm::new(text);
    let mut out = String::new();
    let mut depth = 0usize;
    for &c in &n.chars {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            '的' | '：' | '"' | '*' | '＊' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The role [`HEADER_WORDS`] gives a header, if any.
pub fn role_of_header(text: &str) -> Option<ColumnRole> {
    let h = fold_header(text);
    role_of_folded(&h)
}

fn role_of_folded(h: &str) -> Option<ColumnRole> {
    HEADER_WORDS
        .iter()
        .find(|(_, words)| words.contains(&h))
        .map(|(r, _)| *r)
}

/// The header's text of each column, bottom row first (a two-level header names a column by
/// its lower cell, or the upper one where the lower is empty), as (0-based column, text).
pub fn header_texts(table: &Table) -> Vec<(u32, Vec<String>)> {
    let mut cols: Vec<(u32, Vec<String>)> = Vec::new();
    for row in table.header.iter().rev() {
        for (c, cell) in row.cells.iter().enumerate() {
            let t = cell.text.trim();
            if t.is_empty() {
                continue;
            }
            let c = c as u32;
            match cols.iter_mut().find(|(k, _)| *k == c) {
                Some((_, v)) => {
                    if !v.iter().any(|x| x == t) {
                        v.push(t.to_string());
                    }
                }
                None => cols.push((c, vec![t.to_string()])),
            }
        }
    }
    cols.sort_by_key(|(c, _)| *c);
    cols
}

/// The published layout whose headers the table has, with its mapping.
pub fn recognise(table: &Table) -> Option<ColumnMapping> {
    let folded = folded_headers(table);
    let has = |w: &str| folded.iter().any(|(_, v)| v.iter().any(|t| t == w));
    let def = LAYOUTS
        .iter()
        .find(|d| d.signature.iter().all(|alts| alts.iter().any(|w| has(w))))?;
    Some(mapping_of(table, def))
}

/// The mapping of a layout the author picks for this table (whether or not its header has the
/// layout's every column): each column by the layout's own words, else by [`HEADER_WORDS`].
pub fn apply(table: &Table, layout: PublishedLayout) -> ColumnMapping {
    match LAYOUTS.iter().find(|d| d.layout == layout) {
        Some(def) => mapping_of(table, def),
        None => ColumnMapping {
            layout: Some(layout),
            ..guess(table)
        },
    }
}

fn folded_headers(table: &Table) -> Vec<(u32, Vec<String>)> {
    header_texts(table)
        .iter()
        .map(|(c, v)| (*c, v.iter().map(|t| fold_header(t)).collect()))
        .collect()
}

fn mapping_of(table: &Table, def: &LayoutDef) -> ColumnMapping {
    let cols = header_texts(table);
    let folded = folded_headers(table);
    let mut columns = Vec::new();
    for ((c, texts), (_, ftexts)) in cols.iter().zip(&folded) {
        let role = ftexts.iter().find_map(|h| {
            def.own
                .iter()
                .find(|(w, _)| w == h)
                .map(|(_, r)| *r)
                .or_else(|| role_of_folded(h))
        });
        if let Some(role) = role {
            columns.push(MappedColumn {
                header: texts.first().cloned(),
                column: Some(c + 1),
                role,
            });
        }
    }
    ColumnMapping {
        layout: Some(def.layout),
        sheet: None,
        columns,
        facts: Vec::new(),
        words: Default::default(),
        roles: Vec::new(),
    }
}

/// A mapping suggested by the header's words alone, for a layout that is not a published one:
/// the author confirms it (the report asks).
pub fn guess(table: &Table) -> ColumnMapping {
    let mut columns = Vec::new();
    for (c, texts) in header_texts(table) {
        if let Some(role) = texts.iter().find_map(|t| role_of_header(t)) {
            columns.push(MappedColumn {
                header: texts.first().cloned(),
                column: Some(c + 1),
                role,
            });
        }
    }
    ColumnMapping {
        layout: None,
        sheet: None,
        columns,
        facts: Vec::new(),
        words: Default::default(),
        roles: Vec::new(),
    }
}

/// A mapping's columns found in a table: (0-based column, role) for each mapped column found,
/// and the mapped columns that are not there.
pub fn resolve(
    mapping: &ColumnMapping,
    table: &Table,
) -> (Vec<(u32, ColumnRole)>, Vec<MappedColumn>) {
    let cols = header_texts(table);
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for m in &mapping.columns {
        let by_header = |want: &str| {
            let w = fold_header(want);
            cols.iter()
                .find(|(_, v)| v.iter().any(|t| fold_header(t) == w))
                .map(|(c, _)| *c)
        };
        let col = match (m.column, &m.header) {
            (Some(n), Some(h)) if n >= 1 => {
                // The number decides; a header that moved is found by its text.
                let at = n - 1;
                let here = cols
                    .iter()
                    .find(|(c, _)| *c == at)
                    .is_some_and(|(_, v)| v.iter().any(|t| fold_header(t) == fold_header(h)));
                if here { Some(at) } else { by_header(h) }
            }
            (Some(n), None) if n >= 1 => Some(n - 1),
            (_, Some(h)) => by_header(h),
            _ => None,
        };
        match col {
            Some(c) if !found.iter().any(|(k, _)| *k == c) => found.push((c, m.role)),
            Some(_) => {}
            None => missing.push(m.clone()),
        }
    }
    found.sort_by_key(|(c, _)| *c);
    (found, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_spaces_forms_and_glosses() {
        assert_eq!(
            fold_header("违法行为认定依据（法规依据）"),
            "违法行为认定依据"
        );
        assert_eq!(fold_header("違法行為處罰依據"), "违法行为处罚依据");
        assert_eq!(fold_header(" 裁 量\n基 准 "), "裁量基准");
        assert_eq!(fold_header("行使自由裁量的结果"), "行使自由裁量结果");
        assert_eq!(fold_header("序號"), "序号");
        assert_eq!(role_of_header("備注"), Some(ColumnRole::Note));
        assert_eq!(role_of_header("裁量階次"), Some(ColumnRole::TierLabel));
        assert_eq!(role_of_header("適用條件"), Some(ColumnRole::TierCondition));
        assert_eq!(role_of_header("具體標準"), Some(ColumnRole::TierStandard));
        assert_eq!(role_of_header("事項代碼"), Some(ColumnRole::ItemCode));
        assert_eq!(role_of_header("裁量基準來源"), Some(ColumnRole::Source));
        assert_eq!(role_of_header("颜色"), None);
    }

    #[test]
    fn header_words_are_folded_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (_, words) in HEADER_WORDS {
            for w in *words {
                assert_eq!(fold_header(w), *w, "“{w}” is not folded");
                assert!(seen.insert(*w), "“{w}” is listed twice");
            }
        }
        for d in LAYOUTS {
            for alts in d.signature {
                for w in *alts {
                    assert_eq!(fold_header(w), *w);
                }
            }
        }
    }
}
