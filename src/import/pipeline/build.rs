//! One table's rows into items: rows grouped into items (a new 序号 / 编号 / name starts one;
//! merged or empty cells continue it), each item's 依据, statutory penalty and tiers read cell by
//! cell, every finding recorded on the cell it comes from.

use std::collections::BTreeMap;

use crate::import::norm::Fragment;
use crate::import::{FineCheck, StatuteLibrary, check_fine, parse_clause, same_fine};
use crate::pack::model::{
    Basis, Citation, ColumnRole, Condition, Exemption, FactDef, Item, Parties, PersonalFine,
    Precondition, PublishedLayout, Role, Source, SplitRule, Tier, TierOutcome,
};
use crate::table::{Row, Table};
use crate::wording::cite;

use super::UNDECIDED;
use super::basis::{Cited, read_citations};
use super::facts::{FactBook, folded};
use super::report::{CellReport, Finding, Status};
use super::standard::{ItemView, Said, read_standard};
use super::statutory::{self, StatutoryRead, read_statutory};
use super::tiers_cell::split_tiers;
use super::when::{Mode, read_when};

/// What a table's items are built with.
pub(crate) struct Ctx<'a> {
    pub library: Option<&'a StatuteLibrary>,
    pub split: Option<&'a SplitRule>,
    pub layout: Option<PublishedLayout>,
    pub title: String,
}

/// The cells of a table, with their reports.
pub(crate) struct Cells {
    pub reports: Vec<CellReport>,
    /// (row index, column) → report index.
    at: BTreeMap<(usize, u32), usize>,
}

impl Cells {
    fn add(&mut self, k: (usize, u32), f: Finding) {
        if let Some(&i) = self.at.get(&k) {
            self.reports[i].findings.push(f);
        }
    }
}

/// A cell's text and its key, for an item or tier.
#[derive(Clone, Copy)]
struct Text<'a> {
    key: (usize, u32),
    text: &'a str,
}

/// The marker of an undecided part: a fact nobody declares, so that the validator reports it
/// at the part's JSON path.
fn marker() -> Condition {
    Condition::Flag {
        fact: UNDECIDED.to_string(),
        is: true,
    }
}

fn with_marker(c: Option<Condition>) -> Condition {
    match c {
        None => marker(),
        Some(Condition::All { mut all }) => {
            all.push(marker());
            Condition::All { all }
        }
        Some(c) => Condition::All {
            all: vec![c, marker()],
        },
    }
}

fn undecided(label: &str) -> Precondition {
    Precondition {
        when: marker(),
        label: format!("【待定】{label}"),
    }
}

/// Words that name a tier, most specific first.
const TIER_WORDS: &[&str] = &[
    "特别严重",
    "较为严重",
    "较严重",
    "严重",
    "较重",
    "一般",
    "较轻",
    "轻微",
    "从轻",
    "从重",
    "减轻",
];

/// Builds the items of a table; `columns` are the mapped columns (0-based) and their roles.
pub(crate) fn build_table(
    table: &Table,
    columns: &[(u32, ColumnRole)],
    ctx: &Ctx<'_>,
    book: &mut FactBook,
    first_index: usize,
    taken_codes: &mut Vec<String>,
) -> (Vec<Item>, Cells, Vec<Finding>) {
    let role_of = |c: u32| columns.iter().find(|(k, _)| *k == c).map(|(_, r)| *r);
    let mut cells = Cells {
        reports: Vec::new(),
        at: BTreeMap::new(),
    };
    let mut table_findings = Vec::new();
    // Reports for every non-empty data cell.
    let mut unmapped_used: Vec<u32> = Vec::new();
    for (ri, row) in table.rows.iter().enumerate() {
        for (ci, cell) in row.cells.iter().enumerate() {
            if cell.text.trim().is_empty() {
                continue;
            }
            let c = ci as u32;
            let role = role_of(c);
            let mut findings = Vec::new();
            match role {
                None => {
                    if !unmapped_used.contains(&c) {
                        unmapped_used.push(c);
                    }
                    findings.push(Finding::new(Status::Ignored, "此列未映射，内容未导入"));
                }
                Some(ColumnRole::Ignore) => {
                    findings.push(Finding::new(Status::Ignored, "映射为不导入的列"));
                }
                Some(_) => {}
            }
            cells.at.insert((ri, c), cells.reports.len());
            cells.reports.push(CellReport {
                place: cell.place.clone(),
                role,
                text: cell.text.clone(),
                merged_from: cell.merged_from.clone(),
                status: Status::Parsed,
                findings,
            });
        }
    }
    for c in &unmapped_used {
        let header = table
            .header
            .iter()
            .rev()
            .find_map(|r| {
                r.cells
                    .get(*c as usize)
                    .filter(|x| !x.text.trim().is_empty())
            })
            .map(|x| format!("“{}”", x.text.trim()))
            .unwrap_or_else(|| format!("第 {} 列", c + 1));
        table_findings.push(Finding::new(
            Status::NeedsDecision,
            format!("列{header}没有映射到任何内容，未导入；请在映射中指定它的内容，或标为 ignore"),
        ));
    }
    // Rows into items.
    let groups = group_rows(table, columns);
    let mut items = Vec::new();
    for (gi, rows) in groups.iter().enumerate() {
        let index = first_index + items.len();
        let item = build_item(
            table,
            rows,
            &role_of,
            ctx,
            book,
            &mut cells,
            index,
            gi,
            taken_codes,
        );
        items.push(item);
    }
    for r in &mut cells.reports {
        if r.findings.is_empty() {
            r.findings.push(Finding::new(Status::Parsed, "已读取"));
        }
        r.status = r
            .findings
            .iter()
            .map(|f| f.status)
            .max()
            .unwrap_or(Status::Parsed);
    }
    (items, cells, table_findings)
}

/// Row indices of each item: a row whose 编号, 序号 or name (the first of these the mapping
/// has and the row fills) differs from the item's starts a new item.
fn group_rows(table: &Table, columns: &[(u32, ColumnRole)]) -> Vec<Vec<usize>> {
    let keys: Vec<u32> = [ColumnRole::ItemCode, ColumnRole::Seq, ColumnRole::ItemName]
        .iter()
        .filter_map(|r| columns.iter().find(|(_, x)| x == r).map(|(c, _)| *c))
        .collect();
    let text = |row: &Row, c: u32| {
        row.cells
            .get(c as usize)
            .map(|x| x.text.trim().to_string())
            .unwrap_or_default()
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for (ri, row) in table.rows.iter().enumerate() {
        let vals: Vec<String> = keys.iter().map(|&c| text(row, c)).collect();
        let new = groups.is_empty()
            || vals
                .iter()
                .zip(&current)
                .find(|(v, _)| !v.is_empty())
                .is_some_and(|(v, cur)| v != cur);
        if new {
            groups.push(vec![ri]);
            current = vals;
        } else {
            if let Some(g) = groups.last_mut() {
                g.push(ri);
            }
            for (c, v) in current.iter_mut().zip(vals) {
                if !v.is_empty() {
                    *c = v;
                }
            }
        }
    }
    groups
}

/// Where a text read from a cell starts in the cell's text (every [`Text`] is a slice of it).
fn offset_in_cell(table: &Table, t: &Text<'_>) -> usize {
    let full = table
        .rows
        .get(t.key.0)
        .and_then(|r| r.cells.get(t.key.1 as usize))
        .map_or("", |c| c.text.as_str());
    let (p, q) = (t.text.as_ptr() as usize, full.as_ptr() as usize);
    if p >= q && p + t.text.len() <= q + full.len() {
        p - q
    } else {
        0
    }
}

fn shift(f: &Fragment, by: usize) -> Fragment {
    Fragment {
        text: f.text.clone(),
        start: f.start + by,
        end: f.end + by,
    }
}

fn push_facts(facts: &mut Vec<FactDef>, new: &[FactDef]) {
    for d in new {
        if !facts.iter().any(|x| x.id == d.id) {
            facts.push(d.clone());
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn build_item(
    table: &Table,
    rows: &[usize],
    role_of: &dyn Fn(u32) -> Option<ColumnRole>,
    ctx: &Ctx<'_>,
    book: &mut FactBook,
    cells: &mut Cells,
    index: usize,
    ordinal: usize,
    taken_codes: &mut Vec<String>,
) -> Item {
    let path = format!("$.items[{index}]");
    // Item-level cells: the first non-empty of each role; the later ones are the same cell
    // merged, or the same text repeated, or a conflict.
    let mut item_cells: BTreeMap<ColumnRole, Text<'_>> = BTreeMap::new();
    const ITEM_ROLES: &[ColumnRole] = &[
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
        ColumnRole::Note,
    ];
    for &ri in rows {
        let row = &table.rows[ri];
        for (ci, cell) in row.cells.iter().enumerate() {
            let c = ci as u32;
            let Some(role) = role_of(c).filter(|r| ITEM_ROLES.contains(r)) else {
                continue;
            };
            let t = cell.text.trim();
            if t.is_empty() {
                continue;
            }
            match item_cells.get(&role) {
                None => {
                    item_cells.insert(
                        role,
                        Text {
                            key: (ri, c),
                            text: cell.text.as_str(),
                        },
                    );
                }
                Some(first) => {
                    let first_place = table.rows[first.key.0]
                        .cells
                        .get(first.key.1 as usize)
                        .map(|x| x.place.clone());
                    let msg = match (&cell.merged_from, &first_place) {
                        (Some(m), _) => format!("合并单元格，内容已在 {m} 读取"),
                        (None, Some(p)) if first.text.trim() == t => {
                            format!("与 {p} 相同，同一违法行为")
                        }
                        (None, Some(p)) => {
                            cells.add(
                                (ri, c),
                                Finding::new(
                                    Status::NeedsDecision,
                                    format!(
                                        "同一违法行为的这一列与 {p} 不同；已采用 {p} 的内容，请核对"
                                    ),
                                ),
                            );
                            continue;
                        }
                        (None, None) => "同一违法行为".to_string(),
                    };
                    cells.add((ri, c), Finding::new(Status::Parsed, msg));
                }
            }
        }
    }
    let get = |r: ColumnRole| item_cells.get(&r).copied();
    // Code and name.
    let seq = get(ColumnRole::Seq);
    if let Some(s) = seq {
        cells.add(
            s.key,
            Finding::new(Status::Parsed, "序号（用于区分违法行为）"),
        );
    }
    let mut code = match get(ColumnRole::ItemCode) {
        Some(t) => t.text.trim().to_string(),
        None => seq
            .map(|s| s.text.trim().to_string())
            .unwrap_or_else(|| (ordinal + 1).to_string()),
    };
    if taken_codes.contains(&code) {
        let mut k = 2;
        while taken_codes.contains(&format!("{code}-{k}")) {
            k += 1;
        }
        let new = format!("{code}-{k}");
        if let Some(t) = get(ColumnRole::ItemCode).or(seq) {
            cells.add(
                t.key,
                Finding::new(
                    Status::NeedsDecision,
                    format!("编号 {code} 已用于前面的违法行为，暂记为 {new}"),
                )
                .path(format!("{path}.code")),
            );
        }
        code = new;
    }
    taken_codes.push(code.clone());
    if let Some(t) = get(ColumnRole::ItemCode) {
        cells.add(
            t.key,
            Finding::new(Status::Parsed, format!("违法行为编号 {code}"))
                .path(format!("{path}.code")),
        );
    }
    let mut item_pre: Vec<Precondition> = Vec::new();
    let name = match get(ColumnRole::ItemName) {
        Some(t) => {
            cells.add(
                t.key,
                Finding::new(Status::Parsed, "违法行为名称").path(format!("{path}.name")),
            );
            t.text.trim().to_string()
        }
        None => {
            if let Some(t) = get(ColumnRole::ItemCode).or(seq) {
                cells.add(
                    t.key,
                    Finding::new(Status::NeedsDecision, "这一违法行为没有名称，暂以编号为名")
                        .path(format!("{path}.name")),
                );
            }
            code.clone()
        }
    };
    let mut facts: Vec<FactDef> = Vec::new();
    // 依据.
    let mut violates: Vec<Citation> = Vec::new();
    let mut penalty: Vec<(Cited, (usize, u32))> = Vec::new();
    let mut basis_open = false;
    let citations_of = |t: Text<'_>, cells: &mut Cells| -> Vec<Cited> {
        let r = read_citations(t.text, ctx.library);
        for f in r.findings {
            cells.add(t.key, f);
        }
        r.cited
    };
    if let Some(t) = get(ColumnRole::Violates) {
        violates = citations_of(t, cells)
            .into_iter()
            .map(|c| c.citation)
            .collect();
    }
    if let Some(t) = get(ColumnRole::PenaltyBasis) {
        penalty = citations_of(t, cells)
            .into_iter()
            .map(|c| (c, t.key))
            .collect();
    }
    if let (Some(l), Some(a)) = (get(ColumnRole::LawName), get(ColumnRole::Article)) {
        // 湘潭: the law in one column, the article and its text in the next.
        let law = l.text.trim();
        let law = law.trim_start_matches('《').trim_end_matches('》');
        let composed = format!("《{law}》{}", a.text.trim());
        let r = read_citations(&composed, ctx.library);
        cells.add(
            l.key,
            Finding::new(
                Status::Parsed,
                format!("法律名称“{law}”（与 具体条文 一起读取）"),
            ),
        );
        for mut f in r.findings {
            f.fragment = None;
            cells.add(a.key, f);
        }
        penalty.extend(r.cited.into_iter().map(|c| (c, a.key)));
    }
    if let Some(t) = get(ColumnRole::Basis) {
        // One column for both: the provision whose text imposes a penalty is the 处罚依据.
        let cited = citations_of(t, cells);
        let imposes = |c: &Cited| {
            c.citation.quote.as_deref().is_some_and(|q| {
                let p = parse_clause(q);
                !p.fines.is_empty() || !p.penalties.is_empty()
            })
        };
        let any_quote = cited.iter().any(|c| c.citation.quote.is_some());
        if cited.len() == 1 {
            penalty.push((cited[0].clone(), t.key));
        } else if any_quote && cited.iter().any(imposes) {
            for c in cited {
                if imposes(&c) {
                    penalty.push((c, t.key));
                } else {
                    violates.push(c.citation);
                }
            }
        } else if !cited.is_empty() {
            let last = cited.len() - 1;
            cells.add(
                t.key,
                Finding::new(
                    Status::NeedsDecision,
                    "这一格引用了几处条文，但没有条文原文可以判断哪一处是处罚依据；暂以最后一处为处罚依据，其余为违法依据，请核对",
                )
                .path(format!("{path}.penalty_basis")),
            );
            basis_open = true;
            for (i, c) in cited.into_iter().enumerate() {
                if i == last {
                    penalty.push((c, t.key));
                } else {
                    violates.push(c.citation);
                }
            }
        }
    }
    if basis_open {
        item_pre.push(undecided("处罚依据未确定（见导入报告）"));
    }
    // The statutory penalty: the 法定处罚 cell, else the 处罚依据's quote.
    let lines_layout = ctx.layout == Some(PublishedLayout::Cailiang);
    let mut st: Option<StatutoryRead> = None;
    let mut st_key = None;
    if let Some(t) = get(ColumnRole::Statutory) {
        let source = if lines_layout {
            statutory::Source::Lines
        } else {
            statutory::Source::Clause
        };
        let r = read_statutory(t.text, book, source);
        st_key = Some(t.key);
        st = Some(r);
    }
    // Which cited provision is the 处罚依据: the first with a fine in its quote (a provision
    // that only says "处以罚款" counts less), else the first.
    let fine_rank = |c: &Cited| -> u8 {
        match c.citation.quote.as_deref() {
            Some(q) => {
                let p = parse_clause(q);
                if p.fines
                    .iter()
                    .any(|f| !matches!(f.form, crate::pack::model::FineForm::Unspecified { .. }))
                {
                    0
                } else if !p.fines.is_empty() {
                    1
                } else {
                    2
                }
            }
            None => 3,
        }
    };
    let main_idx = if st.is_some() || penalty.is_empty() {
        0
    } else {
        (0..penalty.len())
            .min_by_key(|&i| fine_rank(&penalty[i].0))
            .unwrap_or(0)
    };
    let penalty_basis = match penalty.get(main_idx) {
        Some((c, _)) => c.citation.clone(),
        None => {
            let key = get(ColumnRole::ItemName)
                .or(get(ColumnRole::ItemCode))
                .map(|t| t.key);
            if let Some(k) = key {
                cells.add(
                    k,
                    Finding::new(
                        Status::NeedsDecision,
                        "没有处罚依据（没有处罚依据列，或该格为空）",
                    )
                    .path(format!("{path}.penalty_basis")),
                );
            }
            item_pre.push(undecided("没有处罚依据"));
            Citation {
                law: "【待填写】".into(),
                article: 1,
                paragraph: None,
                item: None,
                quote: None,
            }
        }
    };
    if st.is_none() {
        match (&penalty_basis.quote, penalty.get(main_idx)) {
            (Some(q), Some((c, key))) => {
                let r = read_statutory(q, book, statutory::Source::Clause);
                // The quote's words are in the cell only when the cell quoted it.
                let off = c.quote_words.as_ref().map(|w| w.start);
                let mut r = r;
                for f in &mut r.findings {
                    f.fragment = match (off, &f.fragment) {
                        (Some(o), Some(fr)) => Some(shift(fr, o)),
                        _ => None,
                    };
                }
                st_key = Some(*key);
                st = Some(r);
            }
            (None, Some((_, key))) => {
                cells.add(
                    *key,
                    Finding::new(
                        Status::NeedsDecision,
                        "处罚依据没有条文原文，无法读出法定罚款；请补充原文或提供法律文本（命令行 --laws；导入页面“加入法律文本”）",
                    )
                    .path(format!("{path}.fines")),
                );
                item_pre.push(undecided("法定罚款未确定：处罚依据没有条文原文"));
            }
            _ => {}
        }
    }
    let mut st = st.unwrap_or_default();
    if let Some(k) = st_key {
        for f in std::mem::take(&mut st.findings) {
            cells.add(k, f);
        }
    }
    if st.open {
        item_pre.push(undecided("法定处罚有未读懂或待决定的部分（见导入报告）"));
    }
    push_facts(&mut facts, &st.facts);
    let mut fines = st.fines;
    // The other cited provisions: a fine's own basis, the personal fine's, or a note.
    let mut personal = None;
    let mut extra_notes = Vec::new();
    for (i, (c, key)) in penalty.iter().enumerate() {
        if i == main_idx {
            continue;
        }
        let q = c.citation.quote.as_deref().unwrap_or("");
        let parsed = parse_clause(q);
        let mut used = false;
        for rule in fines.iter_mut() {
            if rule.basis.is_none() && parsed.fines.iter().any(|f| same_fine(rule, f)) {
                rule.basis = Some(c.citation.clone());
                used = true;
            }
        }
        if let Some((lo, hi)) = st.personal_fine
            && personal.is_none()
            && crate::import::pipeline::facts::folded(q).contains("单位罚款数额")
        {
            personal = Some(PersonalFine {
                min_percent: lo,
                max_percent: hi,
                basis: c.citation.clone(),
            });
            used = true;
        }
        if !used {
            extra_notes.push(cite(&c.citation));
            cells.add(
                *key,
                Finding::new(
                    Status::Parsed,
                    format!(
                        "{} 也是处罚依据，其罚款不是本项的法定罚款；记入备注",
                        cite(&c.citation)
                    ),
                )
                .at(Some(c.words.clone())),
            );
        }
    }
    if personal.is_none()
        && let Some((lo, hi)) = st.personal_fine
    {
        personal = Some(PersonalFine {
            min_percent: lo,
            max_percent: hi,
            basis: penalty_basis.clone(),
        });
    }
    // The 法定处罚 cell checked against the quote.
    if let (Some(t), Some(q)) = (get(ColumnRole::Statutory), penalty_basis.quote.as_deref()) {
        for (j, rule) in fines.iter().enumerate() {
            let quote = rule
                .basis
                .as_ref()
                .and_then(|b| b.quote.as_deref())
                .unwrap_or(q);
            match check_fine(rule, quote) {
                FineCheck::Matches { .. } => {}
                FineCheck::Differs { .. }
                    if matches!(rule.form, crate::pack::model::FineForm::Unspecified { .. }) => {}
                FineCheck::Differs { .. } => cells.add(
                    t.key,
                    Finding::new(
                        Status::NeedsDecision,
                        format!("第 {} 项法定罚款与处罚依据的原文不一致，请核对", j + 1),
                    )
                    .path(format!("{path}.fines[{j}]")),
                ),
                FineCheck::NotUnderstood { .. } => cells.add(
                    t.key,
                    Finding::new(
                        Status::Parsed,
                        format!(
                            "第 {} 项法定罚款无法与原文逐字核对（原文未能完全读懂）",
                            j + 1
                        ),
                    ),
                ),
            }
        }
    }
    let mut penalties = st.penalties;
    let roles: Vec<Role> = st.roles;
    let mut preconditions = st.preconditions;
    // Tiers, 免罚 rows, and rows that add an order.
    let mut tiers: Vec<Tier> = Vec::new();
    let mut exemptions: Vec<Exemption> = Vec::new();
    for &ri in rows {
        let row = &table.rows[ri];
        let cell_of = |r: ColumnRole| -> Option<Text<'_>> {
            row.cells.iter().enumerate().find_map(|(ci, c)| {
                (role_of(ci as u32) == Some(r) && !c.text.trim().is_empty()).then_some(Text {
                    key: (ri, ci as u32),
                    text: c.text.as_str(),
                })
            })
        };
        let code_cell = cell_of(ColumnRole::TierCode);
        let label_cell = cell_of(ColumnRole::TierLabel);
        let lc_cell = cell_of(ColumnRole::TierLabelCondition);
        let sit_cell = cell_of(ColumnRole::TierSituation);
        let cond_cell = cell_of(ColumnRole::TierCondition);
        let source_cell = cell_of(ColumnRole::Source);
        // A 裁量基准 header spanning two columns (表现情形 | 处罚标准): the last holds the
        // standard, the first the label and situation.
        let in_one: Vec<Text<'_>> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(ci, c)| {
                role_of(*ci as u32) == Some(ColumnRole::TiersInOne) && !c.text.trim().is_empty()
            })
            .map(|(ci, c)| Text {
                key: (ri, ci as u32),
                text: c.text.as_str(),
            })
            .collect();
        let (split_sit, split_label) = match in_one.as_slice() {
            [first, .., _] => {
                let parts = split_tiers(&format!("{}处罚标准：-", first.text));
                let label = parts.first().and_then(|p| p.label).map(|(a, b)| Text {
                    key: first.key,
                    text: &first.text[a..b],
                });
                let sit = parts.first().and_then(|p| p.situation).map(|(a, b)| Text {
                    key: first.key,
                    text: &first.text[a..b.min(first.text.len())],
                });
                (sit.or(Some(*first)), label)
            }
            _ => (None, None),
        };
        let std_cell = cell_of(ColumnRole::TierStandard)
            .or(in_one.last().copied().filter(|_| in_one.len() >= 2))
            .or(in_one.first().copied());
        let sit_cell = sit_cell.or(split_sit);
        let label_cell = label_cell.or(split_label);
        let Some(std_cell) = std_cell else {
            for t in [code_cell, label_cell, lc_cell, sit_cell, cond_cell]
                .into_iter()
                .flatten()
            {
                cells.add(
                    t.key,
                    Finding::new(
                        Status::NotUnderstood,
                        "这一行没有裁量基准（处罚标准），无法形成阶次",
                    ),
                );
            }
            continue;
        };
        let place = row.place.to_string();
        if let Some(s) = source_cell {
            cells.add(
                s.key,
                Finding::new(Status::Parsed, "裁量基准来源（记入阶次出处）"),
            );
        }
        let parts = split_tiers(std_cell.text);
        let several = parts.len() > 1;
        for part in parts {
            let std_text = &std_cell.text[part.standard.0..part.standard.1];
            let in_cell = |r: Option<(usize, usize)>| {
                r.map(|(a, b)| Text {
                    key: std_cell.key,
                    text: &std_cell.text[a..b],
                })
            };
            // Label and condition.
            let (mut label_t, mut cond_t) = (label_cell, cond_cell);
            if let Some(lc) = lc_cell {
                let s = lc.text.trim();
                match s.find(['：', ':']) {
                    Some(p) => {
                        let sep = s[p..].chars().next().map_or(1, char::len_utf8);
                        let lead = lc.text.len() - lc.text.trim_start().len();
                        label_t = label_t.or(Some(Text {
                            key: lc.key,
                            text: &lc.text[lead..lead + p],
                        }));
                        cond_t = cond_t.or(Some(Text {
                            key: lc.key,
                            text: &lc.text[lead + p + sep..lead + s.len()],
                        }));
                    }
                    None if s.chars().count() <= 6 => label_t = label_t.or(Some(lc)),
                    None => cond_t = cond_t.or(Some(lc)),
                }
            }
            let part_label = in_cell(part.label);
            let part_sit = in_cell(part.situation);
            let situation = if several {
                part_sit
            } else {
                sit_cell.or(part_sit)
            };
            // A table with a column for conditions says "none" by leaving it empty.
            let has_cond_column = (0..row.cells.len().max(64) as u32).any(|c| {
                matches!(
                    role_of(c),
                    Some(ColumnRole::TierCondition | ColumnRole::TierLabelCondition)
                )
            });
            let condition = if several {
                part_sit
            } else if has_cond_column {
                cond_t
            } else {
                situation
            };
            let label_src = if several {
                part_label
            } else {
                label_t.or(part_label)
            };
            let std_offset = part.standard.0;
            // What kind of row.
            let tier_code = if several {
                None
            } else {
                code_cell.map(|t| t.text.trim().to_string())
            };
            let suffix = match (ctx.layout, &tier_code) {
                (Some(PublishedLayout::Beijing), Some(tc)) => {
                    tc.strip_prefix(code.as_str()).map(str::to_string)
                }
                _ => None,
            };
            let view = ItemView {
                fines: &fines,
                roles: &roles,
                penalties: &penalties,
                split: ctx.split,
            };
            let sr = read_standard(std_text, std_offset, &view, book);
            let order_row = suffix.as_deref().is_some_and(|s| s.starts_with('-'));
            for f in sr.findings.clone() {
                // An order row's words are read for its orders only.
                if !order_row || f.status > Status::Parsed || f.message.contains("法定处罚已有")
                {
                    cells.add(std_cell.key, f);
                }
            }
            // 北京 "-1": the order every tier comes with.
            if order_row {
                let mut added = Vec::new();
                for p in &sr.penalties {
                    if !penalties.iter().any(|x| x.kind == p.kind) {
                        penalties.push(p.clone());
                        added.push(p.kind.label());
                    }
                }
                if let Some(t) = code_cell {
                    cells.add(
                        t.key,
                        Finding::new(
                            Status::Parsed,
                            if added.is_empty() {
                                "基准编号后缀“-1”：各阶次都适用的责令改正（法定处罚已有）"
                                    .to_string()
                            } else {
                                format!("基准编号后缀“-1”：各阶次都适用的{}", added.join("、"))
                            },
                        ),
                    );
                }
                if let Some(s) = situation {
                    cells.add(
                        s.key,
                        Finding::new(Status::Parsed, "适用于发现的每一违法行为"),
                    );
                }
                continue;
            }
            let label_text = label_src.map(|t| {
                t.text
                    .trim()
                    .trim_end_matches('的')
                    .trim_end_matches("违法行为")
                    .to_string()
            });
            let exemption_label = label_text.as_deref().is_none_or(|l| {
                [
                    "",
                    "免罚",
                    "不予处罚",
                    "可以不予处罚",
                    "免予处罚",
                    "不予行政处罚",
                ]
                .contains(&folded(l).as_str())
            });
            let is_exemption = match (&sr.said, suffix.as_deref()) {
                (_, Some(s)) if s.starts_with('T') => true,
                (Said::NoPenalty { .. }, _) => exemption_label,
                _ => false,
            };
            let mode = if is_exemption {
                Mode::Exemption
            } else {
                Mode::Tier
            };
            let wr = match condition {
                Some(t) => {
                    let base = offset_in_cell(table, &t);
                    let r = read_when(t.text.trim_end(), base, book, mode);
                    for f in r.findings.clone() {
                        cells.add(t.key, f);
                    }
                    r
                }
                None => super::when::WhenRead {
                    complete: true,
                    ..Default::default()
                },
            };
            push_facts(&mut facts, &wr.facts);
            let description = situation
                .or(condition)
                .map(|t| t.text.trim().to_string())
                .or(label_text.clone())
                .unwrap_or_default();
            let source = Source {
                title: source_cell
                    .map(|s| s.text.trim().to_string())
                    .unwrap_or_else(|| ctx.title.clone()),
                url: None,
                note: Some(format!("{place}；裁量基准原文：{}", std_text.trim())),
            };
            if is_exemption {
                let mandatory = !matches!(sr.said, Said::NoPenalty { mandatory: false });
                let n = exemptions.len();
                let ecode = tier_code.clone().unwrap_or_else(|| {
                    if n == 0 {
                        "T".into()
                    } else {
                        format!("T{}", n + 1)
                    }
                });
                let j = exemptions.len();
                let when = if wr.complete && wr.when.is_some() {
                    wr.when.clone().unwrap_or_else(marker)
                } else {
                    if let Some(t) = condition {
                        cells.add(
                            t.key,
                            Finding::new(
                                Status::NeedsDecision,
                                "免罚情形没有完全对应到事实，暂不能自动适用",
                            )
                            .path(format!("{path}.exemptions[{j}].when")),
                        );
                    }
                    with_marker(wr.when.clone())
                };
                for t in [code_cell, label_t].into_iter().flatten() {
                    cells.add(
                        t.key,
                        Finding::new(
                            Status::Parsed,
                            format!(
                                "免罚情形 {ecode}（{}）",
                                if mandatory {
                                    "不予处罚"
                                } else {
                                    "可以不予处罚"
                                }
                            ),
                        )
                        .path(format!("{path}.exemptions[{j}]")),
                    );
                }
                exemptions.push(Exemption {
                    code: ecode,
                    description,
                    mandatory,
                    when,
                    basis: Basis {
                        citation: None,
                        source: Some(source),
                    },
                });
                continue;
            }
            let j = tiers.len();
            let tpath = format!("{path}.tiers[{j}]");
            let tcode = tier_code.clone().unwrap_or_else(|| {
                let letters = ["A", "B", "C", "D", "E", "F", "G", "H"];
                letters
                    .get(j)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| (j + 1).to_string())
            });
            let tcode = if tiers.iter().any(|t| t.code == tcode) {
                format!("{tcode}-{}", j + 1)
            } else {
                tcode
            };
            let label = label_text
                .filter(|l| !l.is_empty())
                .or_else(|| {
                    let d = folded(&description);
                    TIER_WORDS
                        .iter()
                        .find(|w| d.contains(*w))
                        .map(|w| w.to_string())
                })
                .unwrap_or_else(|| tcode.clone());
            if let Some(t) = code_cell {
                cells.add(
                    t.key,
                    Finding::new(Status::Parsed, format!("阶次编号 {tcode}")).path(tpath.clone()),
                );
            }
            if let Some(t) = label_cell {
                cells.add(
                    t.key,
                    Finding::new(Status::Parsed, format!("阶次“{label}”"))
                        .path(format!("{tpath}.label")),
                );
            }
            if let (Some(s), false) = (sit_cell, several) {
                if cond_cell.is_some() {
                    cells.add(
                        s.key,
                        Finding::new(Status::Parsed, "阶次说明")
                            .path(format!("{tpath}.description")),
                    );
                }
            }
            let (outcome, role_outcomes, tier_pens, open) = match sr.said.clone() {
                Said::Outcome {
                    outcome,
                    roles,
                    penalties,
                } if !sr.open => (outcome, roles, penalties, false),
                Said::NoPenalty { .. } => (TierOutcome::NoPenalty, Vec::new(), Vec::new(), false),
                _ => (TierOutcome::NoFine, Vec::new(), Vec::new(), true),
            };
            let mut when = wr.when.clone();
            if open || !wr.findings.iter().all(|f| f.status <= Status::Ignored) {
                when = Some(with_marker(when));
                cells.add(
                    std_cell.key,
                    Finding::new(
                        Status::NeedsDecision,
                        "此阶次有未读懂或待决定的部分，已在包中标记“待定”",
                    )
                    .path(format!("{tpath}.when")),
                );
            }
            tiers.push(Tier {
                code: tcode,
                label,
                description,
                when,
                overrides: wr.overrides.clone(),
                parties: Parties::All,
                outcome,
                roles: role_outcomes,
                penalties: tier_pens,
                counts: Vec::new(),
                class: None,
                publicity: None,
                basis: Basis {
                    citation: None,
                    source: Some(source),
                },
            });
        }
    }
    // Tiers with fines, but no statutory fine to hold them to.
    let fined = |o: &TierOutcome| {
        matches!(
            o,
            TierOutcome::Range { .. } | TierOutcome::Fixed { .. } | TierOutcome::Band { .. }
        )
    };
    if fines.is_empty()
        && penalty_basis.quote.is_some()
        && tiers.iter().any(|t| fined(&t.outcome))
        && let Some((_, key)) = penalty.get(main_idx)
    {
        cells.add(
            *key,
            Finding::new(
                Status::NeedsDecision,
                format!(
                    "{} 的原文中没有罚款，但裁量阶次写了罚款：条号可能有误，请核对处罚依据",
                    cite(&penalty_basis)
                ),
            )
            .path(format!("{path}.penalty_basis")),
        );
        preconditions.push(undecided("处罚依据的原文中没有罚款，而阶次有罚款"));
    }
    // Parties.
    let parties = match get(ColumnRole::Parties) {
        Some(t) => {
            let w = folded(t.text);
            let org = w.contains("单位") || w.contains("法人") || w.contains("组织");
            let ind = w.contains("个人") || w.contains("公民");
            let p = match (org, ind) {
                (true, false) => Parties::Organization,
                (false, true) => Parties::Individual,
                _ => Parties::All,
            };
            cells.add(
                t.key,
                Finding::new(Status::Parsed, format!("违法主体：{}", p.label()))
                    .path(format!("{path}.parties")),
            );
            p
        }
        None => {
            let ps: Vec<Parties> = fines.iter().map(|f| f.parties).collect();
            match ps.first() {
                Some(p) if ps.iter().all(|x| x == p) => *p,
                _ => Parties::All,
            }
        }
    };
    let mut note = get(ColumnRole::Note).map(|t| {
        cells.add(
            t.key,
            Finding::new(Status::Parsed, "备注").path(format!("{path}.note")),
        );
        t.text.trim().to_string()
    });
    if !extra_notes.is_empty() {
        let add = format!("处罚依据还引用了：{}", extra_notes.join("、"));
        note = Some(match note {
            Some(n) => format!("{n}\n{add}"),
            None => add,
        });
    }
    preconditions.extend(item_pre);
    Item {
        code,
        name,
        keywords: Vec::new(),
        parties,
        roles,
        violates,
        penalty_basis,
        facts,
        preconditions,
        fines,
        penalties,
        personal_fine: personal,
        tiers,
        tiers_from: None,
        exemptions,
        reductions: Vec::new(),
        when_unknown: Vec::new(),
        exclusions: Vec::new(),
        note,
        cases: Vec::new(),
    }
}
