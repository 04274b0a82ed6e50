//! The 基准导入 page's state (src/app/pages/import.rs renders it): the table file the author
//! chose, the statute texts and the mapping file given, the layout picked or confirmed, and what
//! the import made of it — every finding with its place and whether it is 待定 or to check, the
//! items as the published table words them, the pack, its export, and whether the calculator
//! would take it ([`accept_pack`], the one door). Plain data and a reducer, tested natively;
//! the page only renders it and turns what the author does into [`ImportAction`]s.

use std::rc::Rc;

use crate::export::{CsvEncoding, sheet, to_csv, to_xlsx};
use crate::form::state::PackSource;
use crate::import::StatuteLibrary;
use crate::import::layout::{LAYOUTS, apply, header_texts, resolve};
use crate::import::pipeline::{
    ImportOptions, Imported, MappingSource, Status, UNDECIDED, import_document, import_limits,
    mapping_from_json,
};
use crate::pack::LoadedPack;
use crate::pack::model::{ColumnMapping, ColumnRole, MappedColumn, PublishedLayout};
use crate::table::{Document, Place, Table, TableError, column_letters, read_file_with};
use crate::validate::{self, accept_pack};

/// How many report lines are shown at first (and added by each "显示更多").
pub const PAGE: usize = 200;

/// How many items are shown at first (and added by each "显示更多违法行为").
pub const ITEMS_PAGE: usize = 50;

/// How the table's columns are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutChoice {
    /// As the header is recognised (or guessed, for the author to confirm).
    Detected,
    /// As this published layout, whatever the header is recognised as.
    Published(PublishedLayout),
    /// By the author's own mapping, column by column.
    Custom,
}

/// Which findings the report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Every finding.
    All,
    /// Only what needs the author: 待定, to check, not understood.
    Attention,
}

/// What the author does on the page.
#[derive(Debug, Clone)]
pub enum ImportAction {
    /// A table file was chosen or dropped, and read.
    File {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The browser could not read the chosen file.
    FileUnreadable {
        /// Its name.
        name: String,
        /// Why.
        error: String,
    },
    /// A statute text to quote the cited provisions from (a .md / .txt file of
    /// ../shared/laws, named after the law).
    LawText {
        /// Its file name.
        name: String,
        /// Its text.
        text: String,
    },
    /// A mapping file (`cailiang import --map`): a mapping, or a pack whose `table_mapping`
    /// is taken.
    MappingText {
        /// Its file name.
        name: String,
        /// Its text.
        text: String,
    },
    /// How the columns are read.
    Layout(LayoutChoice),
    /// One column of the author's mapping (1-based column; None: not imported).
    MapColumn {
        /// The column (1 = A).
        column: u32,
        /// What it holds.
        role: Option<ColumnRole>,
    },
    /// Only this sheet or table (None: every one).
    Sheet(Option<String>),
    /// The pack whose metadata, rules and factors the imported pack takes (None: none).
    Base(Option<Rc<LoadedPack>>),
    /// Which findings the report shows.
    Filter(Filter),
    /// Show more lines of the report.
    ShowMore,
    /// Show more items.
    ShowMoreItems,
}

/// The files the page offers for download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// The pack JSON.
    Pack,
    /// The pack as the published table, .xlsx.
    Xlsx,
    /// The same as CSV, UTF-8 with a BOM.
    Csv,
    /// The same as CSV in GBK (what Chinese Excel opens by default).
    CsvGbk,
}

/// A file offered for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    /// Its name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its media type.
    pub mime: &'static str,
}

/// The table file chosen.
#[derive(Debug, Clone)]
pub struct TableFile {
    /// Its name.
    pub name: String,
    /// The document read, or why it could not be read (the file, and the sheet and cell or
    /// the line).
    pub read: Result<Rc<Document>, String>,
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct ImportSession {
    /// The table file chosen.
    pub file: Option<TableFile>,
    /// The statute texts given, by file name.
    pub laws: Vec<String>,
    library: Rc<StatuteLibrary>,
    /// The mapping file given, if the mapping came from one.
    pub mapping_file: Option<String>,
    /// How the columns are read.
    pub choice: LayoutChoice,
    custom: Option<ColumnMapping>,
    /// Only this sheet or table.
    pub sheet: Option<String>,
    base: Option<Rc<LoadedPack>>,
    /// Which findings the report shows.
    pub filter: Filter,
    /// How many lines of the report are shown.
    pub shown: usize,
    /// How many items are shown.
    pub items_shown: usize,
    /// What became of the last file given that is not the table (a statute text, a mapping).
    pub notice: Option<String>,
    /// The last import.
    pub run: Option<Rc<Run>>,
}

impl Default for ImportSession {
    fn default() -> Self {
        ImportSession {
            file: None,
            laws: Vec::new(),
            library: Rc::new(StatuteLibrary::new()),
            mapping_file: None,
            choice: LayoutChoice::Detected,
            custom: None,
            sheet: None,
            base: None,
            filter: Filter::All,
            shown: PAGE,
            items_shown: ITEMS_PAGE,
            notice: None,
            run: None,
        }
    }
}

/// Whether a finding's part is held back in the pack or only to be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The pack marks it with the undeclared fact 待定: the calculator refuses the pack until
    /// the author decides.
    Undecided,
    /// The pack can be used, but the author should check this.
    ToCheck,
}

impl Mark {
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Undecided => "待定",
            Mark::ToCheck => "待核对",
        }
    }
}

/// One line of the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingLine {
    /// Where: the sheet and cell, the table, row and column, or the line and column (the file
    /// or the table for findings about it).
    pub place: String,
    /// What became of it.
    pub status: Status,
    /// 待定 or to check, for what needs the author.
    pub mark: Option<Mark>,
    /// The cell's words it is about.
    pub words: Option<String>,
    /// What was made of them, or why not.
    pub message: String,
    /// Where the result is in the pack.
    pub path: Option<String>,
    /// The item it belongs to (index into the pack's items).
    pub item: Option<usize>,
}

impl FindingLine {
    /// Whether it needs the author.
    pub fn needs_author(&self) -> bool {
        self.mark.is_some()
    }
}

/// An item as the import made it, worded as the published table (the export's columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemView {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Whether the pack marks part of it 待定.
    pub undecided: bool,
    /// The validator's errors in it (path, message): what keeps the pack out of use.
    pub errors: Vec<(String, String)>,
    /// The validator's warnings in it.
    pub warnings: Vec<(String, String)>,
    /// Findings of its cells that the author should check (not 待定).
    pub to_check: usize,
    /// Its rows in the export's columns ([`ImportSession::columns_header`]).
    pub rows: Vec<Vec<String>>,
}

/// How one sheet or table was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLine {
    /// The sheet or table ("工作表“阶次”", "第 2 个表格", the CSV file).
    pub label: String,
    /// Whether its rows were imported.
    pub imported: bool,
    /// How its header was read, in Chinese.
    pub how: String,
    /// Whether the author should confirm it (a guessed mapping, or none).
    pub confirm: bool,
}

/// A column of the header, for the author's mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnLine {
    /// 1-based.
    pub column: u32,
    /// "A", "B" ….
    pub letter: String,
    /// The header's text.
    pub header: String,
    /// What the mapping in use reads it as (None: not imported).
    pub role: Option<ColumnRole>,
}

/// What an import made: the pack, its report, and the views the page shows.
#[derive(Debug, Clone)]
pub struct Run {
    /// The pack and the report.
    pub imported: Imported,
    /// The pack's file name ("基准.json" for 基准.xlsx).
    pub pack_file: String,
    /// The pack as JSON.
    pub pack_text: String,
    /// The validator's report on the pack (errors refuse it; warnings do not) — the same
    /// validator on the same pack as the calculator's door, [`accept_pack`], which
    /// [`ImportSession::for_calculator`] passes the pack through.
    pub acceptance: validate::Report,
    /// Whether the validator found no error: the calculator would take it.
    pub accepted: bool,
    /// Every finding, in the report's order.
    pub findings: Vec<FindingLine>,
    /// Each item.
    pub items: Vec<ItemView>,
    /// The export's header.
    pub header: Vec<String>,
    /// Each sheet or table.
    pub tables: Vec<TableLine>,
}

fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    }
}

/// The item index a JSON path is under (`$.items[3].tiers[0]` → 3).
fn item_of(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("$.items[")?;
    rest.split(']').next()?.parse().ok()
}

impl Run {
    fn new(imported: Imported, file: &str) -> Run {
        let pack_file = format!("{}.json", stem(file));
        let pack_text = imported.pack_json();
        let acceptance = imported.report.validation.clone();
        let accepted = acceptance.is_ok();
        let pack = &imported.pack;
        // The parts marked 待定 are what the validator refuses: a condition on the undeclared
        // fact, reported at its path.
        let mut undecided = vec![false; pack.items.len()];
        for e in &acceptance.errors {
            if e.message.contains(UNDECIDED)
                && let Some(u) = item_of(&e.path).and_then(|i| undecided.get_mut(i))
            {
                *u = true;
            }
        }
        let report = &imported.report;
        let mark = |status: Status, item: Option<usize>| match status {
            Status::Parsed | Status::Ignored => None,
            _ if item.is_some_and(|i| undecided.get(i) == Some(&true)) => Some(Mark::Undecided),
            _ => Some(Mark::ToCheck),
        };
        let mut findings = Vec::new();
        let mut to_check = vec![0usize; pack.items.len()];
        for f in &report.findings {
            findings.push(FindingLine {
                place: report.file.clone(),
                status: f.status,
                mark: mark(f.status, None),
                words: f.fragment.as_ref().map(|w| w.text.clone()),
                message: f.message.clone(),
                path: f.path.clone(),
                item: None,
            });
        }
        let mut tables = Vec::new();
        for t in &report.tables {
            for f in &t.findings {
                findings.push(FindingLine {
                    place: t.label.clone(),
                    status: f.status,
                    mark: mark(f.status, None),
                    words: f.fragment.as_ref().map(|w| w.text.clone()),
                    message: f.message.clone(),
                    path: f.path.clone(),
                    item: None,
                });
            }
            // Each row belongs to the item one of its findings names; a row naming none
            // continues the item above it (merged and empty cells continue an item).
            let mut row_items: std::collections::HashMap<Place, usize> =
                std::collections::HashMap::new();
            for c in &t.cells {
                if let Some(i) = c
                    .findings
                    .iter()
                    .find_map(|f| f.path.as_deref().and_then(item_of))
                {
                    row_items.entry(c.place.row_place()).or_insert(i);
                }
            }
            let mut current = None;
            let mut last_row = None;
            for c in &t.cells {
                let row = c.place.row_place();
                if last_row.as_ref() != Some(&row) {
                    if let Some(i) = row_items.get(&row) {
                        current = Some(*i);
                    }
                    last_row = Some(row);
                }
                for f in &c.findings {
                    let mark = mark(f.status, current);
                    if let (Some(Mark::ToCheck), Some(i)) = (mark, current)
                        && let Some(n) = to_check.get_mut(i)
                    {
                        *n += 1;
                    }
                    findings.push(FindingLine {
                        place: c.place.to_string(),
                        status: f.status,
                        mark,
                        words: f.fragment.as_ref().map(|w| w.text.clone()),
                        message: f.message.clone(),
                        path: f.path.clone(),
                        item: current,
                    });
                }
            }
            let (how, confirm) = match t.mapping_source {
                MappingSource::Recognised => (
                    format!(
                        "表头识别为{}",
                        t.layout.map(PublishedLayout::label).unwrap_or("已知格式")
                    ),
                    false,
                ),
                MappingSource::Given => (
                    match t.layout {
                        Some(l) => format!("按{}读取", l.label()),
                        None => "按列映射读取".to_string(),
                    },
                    false,
                ),
                MappingSource::Guessed => (
                    "表头不是已知格式：按表头文字推断各列，请核对或自定义列映射".to_string(),
                    true,
                ),
                MappingSource::None if t.imported => (String::new(), false),
                MappingSource::None => ("未导入".to_string(), true),
            };
            tables.push(TableLine {
                label: t.label.clone(),
                imported: t.imported,
                how,
                confirm,
            });
        }
        let table = sheet(pack);
        let by_item = |list: &[validate::Finding]| {
            let mut v: Vec<Vec<(String, String)>> = vec![Vec::new(); pack.items.len()];
            for f in list {
                if let Some(slot) = item_of(&f.path).and_then(|i| v.get_mut(i)) {
                    slot.push((f.path.clone(), f.message.clone()));
                }
            }
            v
        };
        let (mut errors, mut warnings) =
            (by_item(&acceptance.errors), by_item(&acceptance.warnings));
        let items = pack
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemView {
                code: item.code.clone(),
                name: item.name.clone(),
                undecided: undecided[i],
                errors: std::mem::take(&mut errors[i]),
                warnings: std::mem::take(&mut warnings[i]),
                to_check: to_check[i],
                rows: table
                    .items
                    .get(i)
                    .and_then(|&(a, b)| table.rows.get(a..=b))
                    .map(<[Vec<String>]>::to_vec)
                    .unwrap_or_default(),
            })
            .collect();
        Run {
            imported,
            pack_file,
            pack_text,
            acceptance,
            accepted,
            findings,
            items,
            header: table.header,
            tables,
        }
    }

    /// Whether the calculator can use the pack: it validates and has items (a pack of no items
    /// validates, but the officer could not pick anything).
    pub fn usable(&self) -> bool {
        self.accepted && !self.items.is_empty()
    }

    /// Findings that need the author, by mark.
    pub fn count(&self, mark: Mark) -> usize {
        self.findings
            .iter()
            .filter(|f| f.mark == Some(mark))
            .count()
    }

    /// One line on what the author can do with the pack.
    pub fn verdict(&self) -> String {
        if self.items.is_empty() {
            "没有导入任何违法行为，基准包不能在计算器中使用：请确认表格格式，或自定义列映射。"
                .to_string()
        } else if !self.accepted {
            format!(
                "基准包有 {} 个错误（其中待定之处已在基准包中标记“待定”），校验通过前不能在计算器中使用；请按报告补充后重新导入，或下载基准包修改。",
                self.acceptance.errors.len()
            )
        } else if self.count(Mark::ToCheck) > 0 {
            format!(
                "基准包通过校验，可以在计算器中使用；有 {} 处待核对，请先按报告核对。",
                self.count(Mark::ToCheck)
            )
        } else {
            "基准包通过校验，可以在计算器中使用。".to_string()
        }
    }
}

impl ImportSession {
    /// The state after `action`.
    pub fn reduce(&self, action: ImportAction) -> ImportSession {
        let mut s = self.clone();
        match action {
            ImportAction::File { name, bytes } => {
                let read = read_file_with(&name, &bytes, &import_limits())
                    .map(Rc::new)
                    .map_err(|e: TableError| e.to_string());
                s.file = Some(TableFile { name, read });
                s.sheet = None;
                // A mapping given for another file stays (the next edition of a table); the
                // layout picked for the last file does not.
                if s.choice != LayoutChoice::Custom || s.mapping_file.is_none() {
                    s.choice = LayoutChoice::Detected;
                    s.custom = None;
                }
                s.notice = None;
            }
            ImportAction::FileUnreadable { name, error } => {
                s.file = Some(TableFile {
                    read: Err(format!("{name}：浏览器无法读取此文件（{error}）")),
                    name,
                });
            }
            ImportAction::LawText { name, text } => {
                let stem = stem(&name).to_string();
                if !text.contains('条') {
                    s.notice = Some(format!(
                        "{name}：不像法律文本（没有“第…条”），未加入。请选择以法律名称命名的 .md 或 .txt 文本"
                    ));
                    return s;
                }
                Rc::make_mut(&mut s.library).add(&name, &text);
                if !s.laws.contains(&stem) {
                    s.laws.push(stem.clone());
                }
                s.notice = Some(format!("已加入法律文本“{stem}”"));
            }
            ImportAction::MappingText { name, text } => match mapping_from_json(&name, &text) {
                Ok(m) => {
                    s.custom = Some(m);
                    s.choice = LayoutChoice::Custom;
                    s.notice = Some(format!("已按映射文件“{name}”读取各列"));
                    s.mapping_file = Some(name);
                }
                Err(e) => {
                    s.notice = Some(e.to_string());
                    return s;
                }
            },
            ImportAction::Layout(choice) => {
                if choice == LayoutChoice::Custom && s.custom.is_none() {
                    // Start from what the import read the columns as.
                    s.custom = Some(s.mapping_in_use().unwrap_or_default());
                    if let Some(m) = &mut s.custom {
                        m.layout = None;
                    }
                }
                if choice != LayoutChoice::Custom {
                    s.custom = None;
                    s.mapping_file = None;
                }
                s.choice = choice;
            }
            ImportAction::MapColumn { column, role } => {
                let mut m = match s.custom.take() {
                    Some(m) => m,
                    None => {
                        let mut m = s.mapping_in_use().unwrap_or_default();
                        m.layout = None;
                        m
                    }
                };
                let header = s
                    .focus_table()
                    .and_then(|t| {
                        header_texts(t)
                            .into_iter()
                            .find(|(c, _)| c + 1 == column)
                            .and_then(|(_, v)| v.into_iter().next())
                    })
                    .filter(|h| !h.is_empty());
                if let Some(t) = s.focus_table() {
                    let (found, _) = resolve(&m, t);
                    let here: Vec<ColumnRole> = found
                        .iter()
                        .filter(|(c, _)| c + 1 == column)
                        .map(|(_, r)| *r)
                        .collect();
                    m.columns.retain(|mc| {
                        !(mc.column == Some(column)
                            || (mc.column.is_none()
                                && here.contains(&mc.role)
                                && mc.header.as_deref() == header.as_deref()))
                    });
                }
                m.columns.retain(|mc| mc.column != Some(column));
                if let Some(role) = role {
                    m.columns.push(MappedColumn {
                        header,
                        column: Some(column),
                        role,
                    });
                    m.columns.sort_by_key(|c| c.column);
                }
                s.custom = Some(m);
                s.choice = LayoutChoice::Custom;
            }
            ImportAction::Sheet(sheet) => s.sheet = sheet,
            ImportAction::Base(base) => s.base = base,
            ImportAction::Filter(f) => {
                s.filter = f;
                s.shown = PAGE;
                return s;
            }
            ImportAction::ShowMore => {
                s.shown += PAGE;
                return s;
            }
            ImportAction::ShowMoreItems => {
                s.items_shown += ITEMS_PAGE;
                return s;
            }
        }
        s.shown = PAGE;
        s.items_shown = ITEMS_PAGE;
        s.import();
        s
    }

    /// The sheet or table the layout and the mapping are about: the one chosen, or the first
    /// with a header.
    pub fn focus_table(&self) -> Option<&Table> {
        let doc = self.document()?;
        match &self.sheet {
            Some(name) => doc.tables.iter().find(|t| &t.name == name),
            None => doc
                .tables
                .iter()
                .find(|t| !t.header.is_empty())
                .or(doc.tables.first()),
        }
    }

    /// The document read.
    pub fn document(&self) -> Option<&Document> {
        self.file.as_ref()?.read.as_ref().ok().map(|d| d.as_ref())
    }

    /// Why the chosen file could not be read.
    pub fn read_error(&self) -> Option<&str> {
        self.file.as_ref()?.read.as_ref().err().map(String::as_str)
    }

    /// The sheets or tables of the file, by name.
    pub fn sheets(&self) -> Vec<String> {
        self.document()
            .map(|d| d.tables.iter().map(|t| t.name.clone()).collect())
            .unwrap_or_default()
    }

    /// Whether a base pack is given, and its title.
    pub fn base_title(&self) -> Option<&str> {
        self.base.as_ref().map(|b| b.pack.meta.title.as_str())
    }

    /// The layouts the author can pick, with their names.
    pub fn layouts() -> Vec<(PublishedLayout, &'static str)> {
        LAYOUTS
            .iter()
            .map(|d| (d.layout, d.layout.label()))
            .collect()
    }

    /// The mapping the import is given (None: the header is recognised).
    fn mapping_for_import(&self) -> Option<ColumnMapping> {
        match self.choice {
            LayoutChoice::Detected => None,
            LayoutChoice::Published(l) => self.focus_table().map(|t| apply(t, l)),
            LayoutChoice::Custom => self.custom.clone(),
        }
    }

    /// The mapping the last import read the columns with.
    pub fn mapping_in_use(&self) -> Option<ColumnMapping> {
        match (&self.custom, &self.run) {
            (Some(m), _) => Some(m.clone()),
            (None, Some(r)) => Some(r.imported.report.mapping.clone()),
            (None, None) => None,
        }
    }

    /// The header's columns of [`Self::focus_table`] with what the mapping in use reads each as.
    pub fn columns(&self) -> Vec<ColumnLine> {
        let Some(t) = self.focus_table() else {
            return Vec::new();
        };
        let m = self.mapping_in_use().unwrap_or_default();
        let (found, _) = resolve(&m, t);
        header_texts(t)
            .into_iter()
            .map(|(c, texts)| ColumnLine {
                column: c + 1,
                letter: column_letters(c),
                header: texts.join(" / "),
                role: found.iter().find(|(k, _)| *k == c).map(|(_, r)| *r),
            })
            .collect()
    }

    fn import(&mut self) {
        let Some(doc) = self.document() else {
            self.run = None;
            return;
        };
        let opts = ImportOptions {
            sheet: self.sheet.clone(),
            mapping: self.mapping_for_import(),
            library: (!self.laws.is_empty()).then_some(self.library.as_ref()),
            base: self.base.as_ref().map(|b| &b.pack),
            limits: import_limits(),
        };
        let imported = import_document(doc, &opts);
        let name = self.file.as_ref().map_or("", |f| f.name.as_str());
        self.run = Some(Rc::new(Run::new(imported, name)));
    }

    /// The report's lines the filter keeps, and how many there are in all.
    pub fn visible(&self) -> (Vec<&FindingLine>, usize) {
        let Some(run) = &self.run else {
            return (Vec::new(), 0);
        };
        let kept: Vec<&FindingLine> = run
            .findings
            .iter()
            .filter(|f| self.filter == Filter::All || f.needs_author())
            .collect();
        let n = kept.len();
        (kept.into_iter().take(self.shown).collect(), n)
    }

    /// The items shown (the first [`Self::items_shown`]), and how many there are.
    pub fn visible_items(&self) -> (&[ItemView], usize) {
        match &self.run {
            Some(r) => (
                &r.items[..r.items.len().min(self.items_shown)],
                r.items.len(),
            ),
            None => (&[], 0),
        }
    }

    /// A file to offer: the pack JSON, or the pack as the published table (.xlsx, .csv in
    /// UTF-8 with a BOM, or in GBK for Chinese Excel).
    pub fn download(&self, what: Download) -> Option<Result<Offered, String>> {
        let r = self.run.as_ref()?;
        let base = stem(&r.pack_file);
        let pack = &r.imported.pack;
        let table = |bytes: Result<Vec<u8>, crate::export::ExportError>, ext: &str, mime| {
            bytes
                .map(|bytes| Offered {
                    name: format!("{base}-导出.{ext}"),
                    bytes,
                    mime,
                })
                .map_err(|e| e.to_string())
        };
        Some(match what {
            Download::Pack => Ok(Offered {
                name: r.pack_file.clone(),
                bytes: r.pack_text.clone().into_bytes(),
                mime: "application/json",
            }),
            Download::Xlsx => table(
                to_xlsx(pack),
                "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Download::Csv => table(to_csv(pack, CsvEncoding::Utf8Bom), "csv", "text/csv"),
            Download::CsvGbk => table(to_csv(pack, CsvEncoding::Gbk), "csv", "text/csv"),
        })
    }

    /// The pack for the calculator (saved where the officer's page reads its pack), when the
    /// one door takes it; otherwise why not.
    pub fn for_calculator(&self) -> Result<PackSource, String> {
        let r = self
            .run
            .as_ref()
            .ok_or_else(|| "还没有导入表格".to_string())?;
        if !r.usable() {
            return Err(r.verdict());
        }
        // The door the officer's page takes the pack through at start.
        match accept_pack(&r.pack_file, &r.pack_text) {
            Ok((lp, _)) => Ok(PackSource::accepted(&r.pack_file, r.pack_text.clone(), &lp)),
            Err(refused) => Err(format!(
                "{}：{}",
                refused.report.summary(),
                refused.report.lines().join("；")
            )),
        }
    }

    /// The place and text of the table's header, for the mapping form's heading.
    pub fn focus_label(&self) -> Option<String> {
        let doc = self.document()?;
        let t = self.focus_table()?;
        Some(match doc.format {
            crate::table::Format::Xlsx => format!("工作表“{}”", t.name),
            crate::table::Format::Docx => format!("第 {} 个表格", t.number),
            crate::table::Format::Csv => doc.file.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEIJING: &str = "序号,职权编号,职权名称,违法行为认定依据,违法行为处罚依据,基准编号,违法情形,裁量基准\n\
1,C1600200,對建設單位違反建筑節能標準的行為進行處罰,《中華人民共和國節約能源法》第三十五條第一款,《中華人民共和國節約能源法》第七十九條第一款,C1600200-1,發現違法行為,責令改正\n\
,,,,,C1600200T,\"違法行為輕微并及時糾正,沒有造成危害后果\",不予行政處罰\n\
,,,,,C1600200B010,違法情節較輕的,處二十萬以上三十萬元以下罰款\n\
,,,,,C1600200B020,違法情節一般的,處三十萬以上四十萬元以下罰款\n\
,,,,,C1600200B030,違法情節嚴重的,處四十萬以上五十萬元以下罰款\n";

    /// The statute text the 北京 row cites, from ../shared/laws (or $CAILIANG_LAWS).
    fn energy_law() -> (String, String) {
        let dir = std::env::var("CAILIANG_LAWS")
            .unwrap_or_else(|_| format!("{}/../shared/laws", env!("CARGO_MANIFEST_DIR")));
        let name = "节约能源法(2018-10-26).md";
        let path = std::path::Path::new(&dir).join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "法律文本 {} 无法读取（{e}）：请设置 CAILIANG_LAWS",
                path.display()
            )
        });
        (name.to_string(), text)
    }

    fn file(name: &str, text: &str) -> ImportAction {
        ImportAction::File {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_table_without_its_statute_texts_is_undecided_then_usable_with_them() {
        let s = ImportSession::default().reduce(file("北京.csv", BEIJING));
        let run = s.run.as_ref().unwrap();
        assert_eq!(run.tables[0].how, "表头识别为北京住建系统格式");
        assert!(!run.tables[0].confirm);
        assert!(!run.accepted);
        assert!(s.for_calculator().unwrap_err().contains("校验通过前不能"));
        let item = &run.items[0];
        assert_eq!(item.code, "C1600200");
        assert!(item.undecided);
        assert!(
            item.errors
                .iter()
                .any(|(p, m)| p.starts_with("$.items[0]") && m.contains("待定"))
        );
        // The quote the table lacks is 待定 in the pack, at its cell.
        let quote = run
            .findings
            .iter()
            .find(|f| f.message.contains("处罚依据没有条文原文"))
            .unwrap();
        assert_eq!(quote.place, "第 2 行第 5 列");
        assert_eq!(quote.mark, Some(Mark::Undecided));
        assert_eq!(quote.item, Some(0));
        // The metadata a table does not carry is to check, not 待定.
        let meta = run
            .findings
            .iter()
            .find(|f| f.message.contains("制定机关"))
            .unwrap();
        assert_eq!(meta.mark, Some(Mark::ToCheck));
        // A tier's standard, read, in the export's words with its row.
        let read = run
            .findings
            .iter()
            .find(|f| f.place == "第 4 行第 8 列")
            .unwrap();
        assert_eq!(read.status, Status::Parsed);
        assert_eq!(read.words.as_deref(), Some("處二十萬以上三十萬元以下罰款"));
        assert_eq!(read.mark, None);
        assert_eq!(item.rows.len(), 4, "{:?}", item.rows);
        let col = |h: &str| run.header.iter().position(|x| x == h).unwrap();
        assert_eq!(item.rows[0][col("阶次编码")], "C1600200B010");
        assert_eq!(
            item.rows[0][col("裁量基准")],
            "处200,000元以上300,000元以下的罚款"
        );
        assert!(item.rows[0][col("法定处罚")].starts_with("【待定】"));

        // With the statute text, the quotes and the statutory fine are read: usable.
        let (name, text) = energy_law();
        let s = s.reduce(ImportAction::LawText { name, text });
        assert_eq!(s.laws, ["节约能源法(2018-10-26)"]);
        let run = s.run.as_ref().unwrap();
        assert!(run.accepted, "{:?}", run.acceptance.errors);
        assert!(!run.items[0].undecided);
        assert_eq!(run.count(Mark::Undecided), 0);
        assert_eq!(run.count(Mark::ToCheck), 1, "the metadata");
        assert!(run.verdict().contains("可以在计算器中使用"));
        let source = s.for_calculator().unwrap();
        assert_eq!(source.file, "北京.json");
        // What the page saves is what the officer's page takes at start.
        let (pack, _) = source.reload().unwrap();
        assert_eq!(pack.pack.items[0].tiers.len(), 3);
        // The downloads.
        let pack = s.download(Download::Pack).unwrap().unwrap();
        assert_eq!(
            (pack.name.as_str(), pack.mime),
            ("北京.json", "application/json")
        );
        let text = String::from_utf8(pack.bytes).unwrap();
        assert!(accept_pack(&pack.name, &text).is_ok());
        let xlsx = s.download(Download::Xlsx).unwrap().unwrap();
        assert_eq!(xlsx.name, "北京-导出.xlsx");
        assert_eq!(&xlsx.bytes[..2], b"PK");
        let csv = s.download(Download::Csv).unwrap().unwrap();
        assert_eq!(&csv.bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 with a BOM");
        let gbk = s.download(Download::CsvGbk).unwrap().unwrap();
        assert_eq!((gbk.name.as_str(), gbk.mime), ("北京-导出.csv", "text/csv"));
        assert!(std::str::from_utf8(&gbk.bytes).is_err(), "GBK");
        assert!(ImportSession::default().download(Download::Pack).is_none());
    }

    #[test]
    fn a_bad_file_is_refused_with_its_place_and_the_last_import_goes() {
        let s = ImportSession::default().reduce(file("北京.csv", BEIJING));
        assert!(s.run.is_some());
        let s = s.reduce(file("坏.csv", "违法行为,裁量基准\n甲,\"处1万元罚款\n"));
        assert!(s.run.is_none());
        let e = s.read_error().unwrap();
        assert!(e.starts_with("坏.csv：第 2 行"), "{e}");
        let s = s.reduce(ImportAction::FileUnreadable {
            name: "x.xlsx".into(),
            error: "NotReadableError".into(),
        });
        assert!(s.read_error().unwrap().contains("x.xlsx：浏览器无法读取"));
        // Not a statute text, not a mapping: said, and nothing changes.
        let s = ImportSession::default().reduce(file("北京.csv", BEIJING));
        let before = s.run.clone();
        let s = s.reduce(ImportAction::LawText {
            name: "照片.txt".into(),
            text: "你好".into(),
        });
        assert!(
            s.notice
                .as_deref()
                .unwrap()
                .contains("照片.txt：不像法律文本")
        );
        assert!(Rc::ptr_eq(
            s.run.as_ref().unwrap(),
            before.as_ref().unwrap()
        ));
        let s = s.reduce(ImportAction::MappingText {
            name: "m.json".into(),
            text: r#"{"columns": 3}"#.into(),
        });
        assert!(
            s.notice
                .as_deref()
                .unwrap()
                .starts_with("m.json：映射文件 $.columns")
        );
        assert_eq!(s.choice, LayoutChoice::Detected);
    }

    #[test]
    fn an_unknown_layout_is_guessed_for_the_author_then_mapped_column_by_column() {
        let csv = "名称,依据,档次,情节,罚则,颜色\n构造行：某违法行为,《物业管理条例》第五十六条,一般,违法情节一般,处5万元以下罚款,红\n";
        let s = ImportSession::default().reduce(file("表.csv", csv));
        let run = s.run.as_ref().unwrap();
        assert!(run.tables[0].confirm, "{:?}", run.tables);
        // Nothing imported: the pack validates, but there is nothing to use.
        assert!(run.accepted && !run.usable());
        assert!(run.verdict().starts_with("没有导入任何违法行为"));
        assert!(
            s.for_calculator()
                .unwrap_err()
                .starts_with("没有导入任何违法行为")
        );
        let cols = s.columns();
        let headers: Vec<&str> = cols.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["名称", "依据", "档次", "情节", "罚则", "颜色"]);
        assert_eq!(cols[5].letter, "F");
        assert_eq!(cols[5].role, None);
        // The author says what each column holds.
        let roles = [
            (1, ColumnRole::ItemName),
            (2, ColumnRole::PenaltyBasis),
            (3, ColumnRole::TierLabel),
            (4, ColumnRole::TierSituation),
            (5, ColumnRole::TierStandard),
        ];
        let mut s = s;
        for (column, role) in roles {
            s = s.reduce(ImportAction::MapColumn {
                column,
                role: Some(role),
            });
        }
        s = s.reduce(ImportAction::MapColumn {
            column: 6,
            role: Some(ColumnRole::Ignore),
        });
        assert_eq!(s.choice, LayoutChoice::Custom);
        let cols = s.columns();
        assert_eq!(cols[2].role, Some(ColumnRole::TierLabel));
        assert_eq!(cols[5].role, Some(ColumnRole::Ignore));
        let run = s.run.as_ref().unwrap();
        assert_eq!(run.tables[0].how, "按列映射读取");
        assert!(!run.tables[0].confirm);
        assert_eq!(run.items.len(), 1);
        // Read; the statutory fine waits for the cited article's text (no statute texts given).
        assert!(run.items[0].undecided && !run.usable());
        assert_eq!(run.items[0].name, "构造行：某违法行为");
        // The mapping is saved with the pack, for the next edition of the table.
        let saved = &run.imported.pack.table_mapping.as_ref().unwrap().columns;
        assert!(
            saved
                .iter()
                .any(|c| c.column == Some(3) && c.role == ColumnRole::TierLabel)
        );
        // Changing one column again replaces it.
        let s = s.reduce(ImportAction::MapColumn {
            column: 3,
            role: None,
        });
        assert_eq!(s.columns()[2].role, None);
        // The mapping saved in that pack reads the next file with no questions.
        let next = ImportSession::default()
            .reduce(ImportAction::MappingText {
                name: "上一版.json".into(),
                text: run.pack_text.clone(),
            })
            .reduce(file("表2.csv", csv));
        assert_eq!(next.choice, LayoutChoice::Custom);
        assert_eq!(next.mapping_file.as_deref(), Some("上一版.json"));
        assert_eq!(next.run.as_ref().unwrap().tables[0].how, "按列映射读取");
        assert_eq!(next.run.as_ref().unwrap().items.len(), 1);
    }

    #[test]
    fn a_published_layout_picked_or_detected_and_the_filter() {
        let s = ImportSession::default()
            .reduce(file("北京.csv", BEIJING))
            .reduce(ImportAction::Layout(LayoutChoice::Published(
                PublishedLayout::Beijing,
            )));
        let run = s.run.as_ref().unwrap();
        assert_eq!(run.tables[0].how, "按北京住建系统格式读取");
        assert_eq!(run.items.len(), 1);
        let all = run.findings.len();
        let (shown, n) = s.visible();
        assert_eq!((shown.len(), n), (all.min(PAGE), all));
        let s = s.reduce(ImportAction::Filter(Filter::Attention));
        let (shown, n) = s.visible();
        assert!(n > 0 && n < all, "{n} of {all}");
        assert!(shown.iter().all(|f| f.needs_author()));
        let (items, n) = s.visible_items();
        assert_eq!((items.len(), n), (1, 1));
        let s = s.reduce(ImportAction::Layout(LayoutChoice::Detected));
        assert_eq!(
            s.run.as_ref().unwrap().tables[0].how,
            "表头识别为北京住建系统格式"
        );
        // Custom starts from the columns as read.
        let s = s.reduce(ImportAction::Layout(LayoutChoice::Custom));
        let roles: Vec<Option<ColumnRole>> = s.columns().iter().map(|c| c.role).collect();
        assert_eq!(roles[5], Some(ColumnRole::TierCode));
        assert_eq!(s.run.as_ref().unwrap().items.len(), 1);
        assert_eq!(ImportSession::layouts().len(), LAYOUTS.len());
    }

    #[test]
    fn a_base_pack_gives_the_metadata_and_an_export_imports_back() {
        let lp = Rc::new(
            crate::load_pack(
                "local-example-city.json",
                include_str!("../../benchmarks/local-example-city.json"),
            )
            .unwrap(),
        );
        let csv = to_csv(&lp.pack, CsvEncoding::Utf8Bom).unwrap();
        let s = ImportSession::default()
            .reduce(ImportAction::Base(Some(lp.clone())))
            .reduce(ImportAction::MappingText {
                name: "map.json".into(),
                text: crate::import::pipeline::mapping_to_json(&crate::export::mapping_for(
                    &lp.pack,
                )),
            })
            .reduce(ImportAction::File {
                name: "示例市.csv".into(),
                bytes: csv,
            });
        assert_eq!(s.base_title(), Some(lp.pack.meta.title.as_str()));
        let run = s.run.as_ref().unwrap();
        assert!(run.accepted, "{:?}", run.acceptance.errors);
        assert_eq!(run.count(Mark::Undecided) + run.count(Mark::ToCheck), 0);
        assert_eq!(run.verdict(), "基准包通过校验，可以在计算器中使用。");
        assert_eq!(run.imported.pack.meta, lp.pack.meta);
        assert_eq!(run.items.len(), lp.pack.items.len());
    }

    #[test]
    fn a_long_table_shows_its_items_and_lines_a_page_at_a_time() {
        let lp = Rc::new(crate::reference_pack().unwrap());
        let s = ImportSession::default()
            .reduce(ImportAction::Base(Some(lp.clone())))
            .reduce(ImportAction::MappingText {
                name: "map.json".into(),
                text: crate::import::pipeline::mapping_to_json(&crate::export::mapping_for(
                    &lp.pack,
                )),
            })
            .reduce(ImportAction::File {
                name: "参考.xlsx".into(),
                bytes: to_xlsx(&lp.pack).unwrap(),
            });
        let n = lp.pack.items.len();
        assert!(n > 2 * ITEMS_PAGE, "{n}");
        assert_eq!(s.visible_items().0.len(), ITEMS_PAGE);
        assert_eq!(s.visible_items().1, n);
        let (lines, all) = s.visible();
        assert_eq!(lines.len(), PAGE);
        assert!(all > PAGE);
        let s = s
            .reduce(ImportAction::ShowMoreItems)
            .reduce(ImportAction::ShowMore);
        assert_eq!(s.visible_items().0.len(), 2 * ITEMS_PAGE);
        assert_eq!(s.visible().0.len(), (2 * PAGE).min(all));
        // Another import starts at the first page again.
        let s = s.reduce(ImportAction::Sheet(None));
        assert_eq!(s.visible_items().0.len(), ITEMS_PAGE);
        assert!(s.run.as_ref().unwrap().accepted);
    }

    #[test]
    fn every_column_role_is_offered_once() {
        let mut seen = std::collections::BTreeSet::new();
        for r in ColumnRole::ALL {
            assert!(seen.insert(r.label()), "{r:?}");
        }
    }
}
