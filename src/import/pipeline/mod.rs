//! A bureau's published table into a pack (format 2), with a report on every cell.
//!
//! - The header is recognised as a published layout ([`super::layout`]), or mapped by the
//!   author's [`ColumnMapping`], or guessed from its words (the report asks the author to
//!   confirm).
//! - Rows become items: a new 序号 / 编号 / name starts one, merged or empty cells continue it;
//!   each row is a tier (or a 免罚 row, or 北京's "-1" order), or one cell holds several tiers.
//! - Each item's 依据 are read with their quotes ([`super::parse_citations`]; a
//!   [`StatuteLibrary`] fills in quotes the table lacks), its statutory fine from the 处罚依据's
//!   quote (or a 处罚幅度 column) with [`super::parse_clause`], each tier's standard into an
//!   outcome in the fine's scale and its condition into `when` over declared facts.
//! - What cannot be read with certainty is reported, never guessed; the pack marks it with the
//!   undeclared fact [`UNDECIDED`] ("待定"), so the validator refuses the pack at that JSON path
//!   until the author decides.
//!
//! The browser's 基准导入 page calls [`import_file`] (bytes in → pack and report), reads and
//! writes the mapping as JSON ([`mapping_from_json`], [`mapping_to_json`]), and exports with
//! [`crate::export`].

mod basis;
mod build;
mod facts;
pub mod report;
mod standard;
mod statutory;
mod tiers_cell;
mod when;

use serde::Serialize;

use crate::import::StatuteLibrary;
use crate::import::layout::{guess, recognise, resolve};
use crate::pack::LoadedPack;
use crate::pack::load::content_hash;
use crate::pack::model::{
    Basis, BoundConvention, ColumnMapping, ColumnRole, FORMAT_VERSION, Inclusion, Pack, PackMeta,
    Rules, Source,
};
use crate::table::{Document, Limits, Place, TableError, read_file_with};
use crate::validate;

pub use report::{
    CellReport, Counts, Finding, ImportReport, MappingSource, RowKind, RowNote, Status, TableReport,
};

/// The fact id that marks an undecided part of an imported pack: no item declares it, so the
/// validator reports every condition that reads it ("引用了未声明的事实 待定") at its JSON path.
pub const UNDECIDED: &str = "待定";

/// Written after an alternative of a tier's 适用条件 that puts a case in the tier whatever the
/// other tiers' conditions say (the tier's `overrides`): the export writes it, the import reads
/// it.
pub const OVERRIDE_MARK: &str = "（优先适用）";

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions<'a> {
    /// Only this sheet (or "表格 N").
    pub sheet: Option<String>,
    /// The author's mapping (or the one saved in a pack's `table_mapping`).
    pub mapping: Option<ColumnMapping>,
    /// Statute texts to quote from (none in the browser).
    pub library: Option<&'a StatuteLibrary>,
    /// A pack whose metadata, rules, factors and templates the imported pack takes (a table
    /// carries none of them).
    pub base: Option<&'a Pack>,
    /// What the readers accept: [`import_limits`] by default.
    pub limits: Limits,
}

impl Default for ImportOptions<'_> {
    fn default() -> Self {
        ImportOptions {
            sheet: None,
            mapping: None,
            library: None,
            base: None,
            limits: import_limits(),
        }
    }
}

/// The readers' limits for a benchmark table: as [`Limits::default`], but 5,000 rows a sheet —
/// a published benchmark has a few hundred rows, a province's whole table about 2,000; a sheet
/// of 10,000 rows is a case export or a mistake, refused with the place where it passes the
/// limit.
pub fn import_limits() -> Limits {
    Limits {
        max_rows: 5_000,
        ..Limits::default()
    }
}

/// An imported pack and its report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imported {
    /// The pack.
    pub pack: Pack,
    /// The report.
    pub report: ImportReport,
    /// The pack as JSON text (made once: the validator's hash is of it).
    #[serde(skip)]
    text: String,
}

impl Imported {
    /// The pack as JSON text, as `cailiang import -o` writes it.
    pub fn pack_json(&self) -> String {
        self.text.clone()
    }
}

/// A pack as the JSON text a pack file holds.
pub fn pack_json(pack: &Pack) -> String {
    let mut s = serde_json::to_string_pretty(pack).unwrap_or_default();
    s.push('\n');
    s
}

/// Why a mapping could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{file}：映射文件 {path} 处{message}")]
pub struct MappingError {
    /// File name.
    pub file: String,
    /// JSON path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Reads a mapping from JSON: a mapping, or a pack whose `table_mapping` it takes.
pub fn mapping_from_json(file: &str, text: &str) -> Result<ColumnMapping, MappingError> {
    let err = |path: String, message: String| MappingError {
        file: file.to_string(),
        path,
        message,
    };
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| err("$".into(), format!("不是有效的 JSON（{e}）")))?;
    if v.get("format_version").is_some() && v.get("items").is_some() {
        let pack: Pack = crate::pack::json::parse(text).map_err(|e| err(e.path, e.message))?;
        return pack.table_mapping.ok_or_else(|| {
            err(
                "$.table_mapping".into(),
                "没有导入映射（这个基准包不是由表格导入的）".into(),
            )
        });
    }
    crate::pack::json::parse(text).map_err(|e| err(e.path, e.message))
}

/// A mapping as JSON text.
pub fn mapping_to_json(m: &ColumnMapping) -> String {
    serde_json::to_string_pretty(m).unwrap_or_default()
}

/// Reads a table file and imports it (see [`import_document`]).
pub fn import_file(
    file: &str,
    bytes: &[u8],
    opts: &ImportOptions<'_>,
) -> Result<Imported, TableError> {
    let doc = read_file_with(file, bytes, &opts.limits)?;
    Ok(import_document(&doc, opts))
}

fn row_text(r: &crate::table::Row) -> String {
    r.cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .fold(Vec::<&str>::new(), |mut v, t| {
            if v.last() != Some(&t) {
                v.push(t);
            }
            v
        })
        .join(" | ")
}

fn table_label(doc: &Document, t: &crate::table::Table) -> String {
    match doc.format {
        crate::table::Format::Xlsx => format!("工作表“{}”", t.name),
        crate::table::Format::Docx => format!("第 {} 个表格", t.number),
        crate::table::Format::Csv => doc.file.clone(),
    }
}

/// The document's statement of its 以上 / 以下 convention ("以上不含本数，以下含本数"), where a
/// preamble line makes one.
fn convention(text: &str) -> Option<BoundConvention> {
    let f = facts::folded(text);
    let said = |word: &str| -> Option<Inclusion> {
        let k = f.find(word)?;
        let rest: String = f[k + word.len()..]
            .chars()
            .skip_while(|c| matches!(c, '"' | '(' | ')' | '均' | '都' | '为'))
            .collect();
        if rest.starts_with("不含本数")
            || rest.starts_with("不包含本数")
            || rest.starts_with("不包括本数")
        {
            Some(Inclusion::Exclusive)
        } else if rest.starts_with("含本数")
            || rest.starts_with("包含本数")
            || rest.starts_with("包括本数")
        {
            Some(Inclusion::Inclusive)
        } else {
            None
        }
    };
    let (above, below) = (said("以上"), said("以下"));
    if above.is_none() && below.is_none() {
        return None;
    }
    Some(BoundConvention {
        above: above.unwrap_or_default(),
        below: below.unwrap_or_default(),
        tie: None,
        basis: Basis {
            citation: None,
            source: Some(Source {
                title: text.trim().to_string(),
                url: None,
                note: None,
            }),
        },
    })
}

fn file_stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// Imports the tables of a read document (see the module docs).
pub fn import_document(doc: &Document, opts: &ImportOptions<'_>) -> Imported {
    let mapping_in = opts.mapping.clone();
    let mut book = facts::FactBook::new(mapping_in.as_ref().unwrap_or(&ColumnMapping::default()));
    let wanted = opts
        .sheet
        .clone()
        .or_else(|| mapping_in.as_ref().and_then(|m| m.sheet.clone()));
    let mut findings: Vec<Finding> = doc
        .notes
        .iter()
        .map(|n| Finding::new(Status::Parsed, n.clone()))
        .collect();
    let title = doc
        .tables
        .iter()
        .flat_map(|t| t.preamble.iter())
        .map(row_text)
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| file_stem(&doc.file));
    let mut bounds = opts.base.map(|b| b.rules.bounds.clone());
    let split = opts.base.and_then(|b| b.rules.split.clone());
    let mut tables = Vec::new();
    let mut items = Vec::new();
    let mut used_mapping: Option<ColumnMapping> = None;
    let mut taken = Vec::new();
    let mut matched_wanted = false;
    for t in &doc.tables {
        let label = table_label(doc, t);
        let mut rows: Vec<RowNote> = Vec::new();
        for r in &t.preamble {
            rows.push(RowNote {
                place: r.place.row_place(),
                kind: RowKind::Preamble,
                text: row_text(r),
            });
            if bounds.is_none()
                && let Some(c) = convention(&row_text(r))
            {
                findings.push(Finding::new(
                    Status::Parsed,
                    format!(
                        "{}：本基准对“以上”“以下”的约定：以上{}，以下{}",
                        r.place,
                        if c.above.includes() {
                            "含本数"
                        } else {
                            "不含本数"
                        },
                        if c.below.includes() {
                            "含本数"
                        } else {
                            "不含本数"
                        }
                    ),
                ));
                bounds = Some(c);
            }
        }
        for r in &t.header {
            rows.push(RowNote {
                place: r.place.row_place(),
                kind: RowKind::Header,
                text: row_text(r),
            });
        }
        for s in &t.skipped {
            rows.push(RowNote {
                place: s.place.clone(),
                kind: RowKind::RepeatedHeader,
                text: String::new(),
            });
        }
        let mut report = TableReport {
            name: t.name.clone(),
            label: label.clone(),
            number: t.number,
            imported: false,
            mapping_source: MappingSource::None,
            layout: None,
            findings: Vec::new(),
            rows,
            cells: Vec::new(),
        };
        if let Some(w) = &wanted
            && facts::folded(w) != facts::folded(&t.name)
            && facts::folded(w) != facts::folded(&label)
        {
            report.findings.push(Finding::new(
                Status::Ignored,
                format!("只导入“{w}”，此表未导入"),
            ));
            tables.push(report);
            continue;
        }
        matched_wanted = true;
        let (mapping, source) = match &mapping_in {
            Some(m) => (Some(m.clone()), MappingSource::Given),
            None => match recognise(t) {
                Some(m) => (Some(m), MappingSource::Recognised),
                None => {
                    let g = guess(t);
                    let has = |r: ColumnRole| g.columns.iter().any(|c| c.role == r);
                    let usable = (has(ColumnRole::ItemName) || has(ColumnRole::ItemCode))
                        && (has(ColumnRole::TierStandard)
                            || has(ColumnRole::TiersInOne)
                            || has(ColumnRole::Statutory));
                    if usable {
                        (Some(g), MappingSource::Guessed)
                    } else {
                        (None, MappingSource::None)
                    }
                }
            },
        };
        report.mapping_source = source;
        let Some(mut mapping) = mapping else {
            let only = doc.tables.len() == 1 || wanted.is_some();
            report.findings.push(Finding::new(
                if only {
                    Status::NeedsDecision
                } else {
                    Status::Ignored
                },
                "表头不是已知的裁量基准格式，也看不出哪一列是违法行为、哪一列是裁量基准；未导入。请指定各列（命令行 --map 映射文件；导入页面“自定义列映射”）",
            ));
            tables.push(report);
            continue;
        };
        report.layout = mapping.layout;
        let (columns, missing) = resolve(&mapping, t);
        match source {
            MappingSource::Recognised => report.findings.push(Finding::new(
                Status::Parsed,
                format!(
                    "表头识别为{}：{}",
                    mapping.layout.map(|l| l.label()).unwrap_or(""),
                    describe_columns(&mapping)
                ),
            )),
            MappingSource::Guessed => report.findings.push(Finding::new(
                Status::NeedsDecision,
                format!(
                    "表头不是已知的裁量基准格式；按表头文字推断各列为：{}。请核对；确认后映射随基准包保存（命令行 --map 映射文件；导入页面“自定义列映射”）",
                    describe_columns(&mapping)
                ),
            )),
            _ => report.findings.push(Finding::new(
                Status::Parsed,
                format!("按所给映射读取：{}", describe_columns(&mapping)),
            )),
        }
        for m in &missing {
            report.findings.push(Finding::new(
                Status::NeedsDecision,
                format!(
                    "映射中的列 {}（{}）在此表中找不到",
                    m.header
                        .clone()
                        .or(m.column.map(|c| format!("第 {c} 列")))
                        .unwrap_or_default(),
                    m.role.label()
                ),
            ));
        }
        let cx = build::Ctx {
            library: opts.library,
            split: split.as_ref(),
            layout: mapping.layout,
            title: title.clone(),
        };
        let (new_items, cells, tf) =
            build::build_table(t, &columns, &cx, &mut book, items.len(), &mut taken);
        report.findings.extend(tf);
        report.cells = cells.reports;
        report.imported = true;
        items.extend(new_items);
        if used_mapping.is_none() {
            if wanted.is_some() || doc.tables.len() > 1 {
                mapping.sheet = Some(t.name.clone()).filter(|_| wanted.is_some());
            }
            used_mapping = Some(mapping);
        }
        tables.push(report);
    }
    if let Some(w) = &wanted
        && !matched_wanted
    {
        findings.push(Finding::new(
            Status::NeedsDecision,
            format!(
                "没有名为“{w}”的工作表或表格（文件中有：{}）",
                doc.tables
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        ));
    }
    if doc.tables.is_empty() {
        findings.push(Finding::new(Status::NeedsDecision, "文件中没有表格"));
    }
    // The mapping saved with the pack: its facts with those this import declared.
    let mut mapping = used_mapping.or(mapping_in).unwrap_or_default();
    for r in items.iter().flat_map(|i| &i.roles) {
        if !mapping.roles.iter().any(|x| x.label == r.label) {
            mapping.roles.push(r.clone());
        }
    }
    for d in book.created() {
        if !mapping
            .facts
            .iter()
            .any(|x| x.id == d.id && x.label == d.label)
        {
            mapping.facts.push(d.clone());
        }
    }
    let pack = match opts.base {
        Some(b) => Pack {
            items,
            table_mapping: Some(mapping.clone()),
            ..b.clone()
        },
        None => {
            findings.push(Finding::new(
                Status::NeedsDecision,
                "表格中没有制定机关、适用地区、版本和文号：已写为“【待填写】”，请在基准包的 meta 中填写（或以一个基准包为底本，取其基准信息与适用规则：命令行 --base；导入页面“以当前基准为底本”）",
            ));
            let pending = "【待填写】".to_string();
            Pack {
                schema: Some("../schemas/pack.schema.json".into()),
                format_version: FORMAT_VERSION,
                meta: PackMeta {
                    id: format!("import-{}", file_stem(&doc.file)),
                    title: title.clone(),
                    authority: pending.clone(),
                    doc_number: None,
                    region: pending.clone(),
                    edition: pending,
                    effective_from: None,
                    effective_to: None,
                    reference_only: false,
                    sources: vec![Source {
                        title: title.clone(),
                        url: None,
                        note: Some(format!("由 cailiang import 从文件“{}”导入", doc.file)),
                    }],
                    notes: None,
                },
                rules: Rules {
                    split: None,
                    adjust: None,
                    bounds: bounds.unwrap_or_default(),
                    tiers: Vec::new(),
                    hearing: Default::default(),
                    legal_review: Default::default(),
                    collective_discussion: Default::default(),
                    rounding: Default::default(),
                },
                factors: Vec::new(),
                items,
                templates: Default::default(),
                table_mapping: Some(mapping.clone()),
                documents: None,
            }
        }
    };
    let text = pack_json(&pack);
    let lp = LoadedPack {
        hash: content_hash(text.as_bytes()),
        file: doc.file.clone(),
        pack,
    };
    let validation = validate::validate(&lp);
    let mut report = ImportReport {
        file: doc.file.clone(),
        format: doc.format,
        encoding: doc.encoding.clone(),
        findings,
        tables,
        items: lp.pack.items.len(),
        tiers: lp.pack.items.iter().map(|i| i.tiers.len()).sum(),
        exemptions: lp.pack.items.iter().map(|i| i.exemptions.len()).sum(),
        counts: Counts::default(),
        mapping,
        validation,
    };
    report.count();
    Imported {
        pack: lp.pack,
        report,
        text,
    }
}

fn describe_columns(m: &ColumnMapping) -> String {
    m.columns
        .iter()
        .map(|c| {
            let at = c
                .column
                .map(|n| crate::table::column_letters(n.saturating_sub(1)))
                .unwrap_or_default();
            format!(
                "{at}“{}”→{}",
                c.header.as_deref().unwrap_or(""),
                c.role.label()
            )
        })
        .collect::<Vec<_>>()
        .join("，")
}

/// The place of a table's first data row, for findings about a table.
#[allow(dead_code)]
fn first_place(t: &crate::table::Table) -> Option<Place> {
    t.rows.first().map(|r| r.place.clone())
}
