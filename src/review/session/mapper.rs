//! The 案卷评查 page's column mapper: for a case table (CSV, .xlsx) just dropped, which column of
//! its header each field of a decided case is read from ([`Field`], pre-filled by the header
//! recognition of [`ColumnMapping`]), which columns hold facts, a few rows of what each mapped
//! column reads, and what stops the mapping from reading (a required field unmapped, a column
//! the mapping names and the header lacks, a cell that does not read — each naming its sheet,
//! row and column as the review's findings do).
//!
//! The mapping as set is a [`ColumnMapping`] — the file `cailiang review --map` reads
//! ([`Mapper::mapping`], [`ColumnMapping::to_json`]) — and [`Mapper::session`] reviews the table
//! through it, as the CLI does with that file. Plain data: the page's component is a view over
//! it.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use super::{OpenError, Session, read_table};
use crate::pack::LoadedPack;
use crate::review::RowError;
use crate::review::mapping::{CaseTables, ColumnMapping, Field, REQUIRED, header_of};
use crate::table::{Document, Table, column_letters};

/// Data rows shown under each mapped field.
pub const PREVIEW_ROWS: usize = 3;

/// The name a remembered mapping is shown under ([`Mapper::open_remembering`]).
pub const REMEMBERED: &str = "上次评查使用的列名对照";

/// A column of the header as the mapper offers it: the first column of each name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderColumn {
    /// Its index (0-based).
    pub index: usize,
    /// Its letter (A, B …).
    pub letter: String,
    /// Its name (the header cell's text, trimmed).
    pub name: String,
}

/// A field and the column it is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldColumn {
    /// The field.
    pub field: Field,
    /// Whether a case table must have it (unless it has the case JSON).
    pub required: bool,
    /// The column it is read from, by name; None for none.
    pub column: Option<String>,
    /// Whether the header has that column (a loaded mapping may name one it lacks).
    pub present: bool,
    /// The column the header recognition alone finds for it.
    pub auto: Option<String>,
}

/// A column that holds no field: the fact it holds, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactColumn {
    /// The column.
    pub column: HeaderColumn,
    /// The fact id it holds.
    pub fact: Option<String>,
    /// Whether its name says so (`事实:<id>`), which the mapping cannot change.
    pub named: bool,
}

/// What stops the mapping as set from reading the table, or what it will not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MapProblem {
    /// A field every case needs is read from no column.
    #[error(
        "“{sheet}”：必填字段“{label}”（{key}）未对应任何列，请为它选择一列（或选择整件案件的“案件JSON”列）"
    )]
    Required {
        /// The sheet (the file's name for CSV).
        sheet: String,
        /// The field.
        field: Field,
        /// Its label.
        label: String,
        /// Its key.
        key: String,
    },
    /// The mapping names a column the header does not have.
    #[error("“{sheet}”：列名对照把“{label}”对应到“{column}”列，表头中没有这一列，该字段不会读取")]
    Absent {
        /// The sheet.
        sheet: String,
        /// The field.
        field: Field,
        /// Its label.
        label: String,
        /// The column named.
        column: String,
    },
    /// A preview row does not read: the review's own error (row, column, cell).
    #[error("{error}")]
    Row {
        /// The error, as the review reports it.
        error: RowError,
    },
}

impl MapProblem {
    /// Whether the review cannot start with it (a required field unmapped).
    pub fn blocks(&self) -> bool {
        matches!(self, MapProblem::Required { .. })
    }
}

/// One preview row: where it is, and each field's cell text (by field, as mapped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewRow {
    /// The row, in words (第 N 行, or the sheet and row).
    pub place: String,
    /// The text each mapped field reads from this row.
    pub values: BTreeMap<Field, String>,
}

/// What the reviewer does in the mapper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapperAction {
    /// Shows another sheet.
    Sheet(usize),
    /// Reads a field from a column (by name), or from none.
    Column {
        /// The field.
        field: Field,
        /// The column.
        column: Option<String>,
    },
    /// Reads a column as a fact (by id), or as none.
    Fact {
        /// The column, by name.
        column: String,
        /// The fact.
        fact: Option<String>,
    },
    /// Takes a saved mapping file.
    Load {
        /// The mapping.
        mapping: ColumnMapping,
        /// The file's name.
        name: String,
    },
    /// Back to the header recognition alone.
    Reset,
}

/// A case table being mapped.
#[derive(Debug, Clone)]
pub struct Mapper {
    file: String,
    doc: Rc<Document>,
    sheet: usize,
    chosen: BTreeMap<Field, Option<String>>,
    facts: BTreeMap<String, String>,
    loaded: Option<String>,
    revision: u64,
}

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

impl Mapper {
    /// Does what the reviewer did.
    pub fn reduce(&mut self, action: MapperAction) {
        match action {
            MapperAction::Sheet(i) => self.set_sheet(i),
            MapperAction::Column { field, column } => self.set(field, column),
            MapperAction::Fact { column, fact } => self.set_fact(&column, fact),
            MapperAction::Load { mapping, name } => self.load(&mapping, &name),
            MapperAction::Reset => self.reset(),
        }
    }

    /// Reads the table file `file` and matches its header by `mapping` (a loaded mapping file,
    /// with its name), or by the header recognition alone.
    pub fn open(
        file: &str,
        bytes: &[u8],
        mapping: Option<(&ColumnMapping, &str)>,
    ) -> Result<Mapper, OpenError> {
        let doc = read_table(file, bytes)?;
        if doc.tables.is_empty() {
            return Err(OpenError::Header {
                file: file.into(),
                message: "文件中没有表格".into(),
            });
        }
        let mut m = Mapper {
            file: file.into(),
            doc: Rc::new(doc),
            sheet: 0,
            chosen: BTreeMap::new(),
            facts: BTreeMap::new(),
            loaded: None,
            revision: 0,
        };
        let start = mapping.map(|(m, _)| m.clone()).unwrap_or_default();
        // The sheet most like a case table: one the mapping reads, else the one with the most
        // columns it recognises, else the one with the most rows; the first of equals.
        let score = |t: &Table| {
            let h = header_of(t);
            (
                start.missing(&h).is_empty(),
                start.matches(&h).len(),
                t.rows.len(),
            )
        };
        m.sheet = m
            .doc
            .tables
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|(_, t)| score(t))
            .map_or(0, |(i, _)| i);
        match mapping {
            Some((map, name)) => m.load(map, name),
            None => m.reset(),
        }
        Ok(m)
    }

    /// Like [`Mapper::open`] without a mapping file, but where `remembered` (the mapping the
    /// reviewer last reviewed with on this page) fits the sheet shown ([`ColumnMapping::fits`]),
    /// it is taken as if loaded, under [`REMEMBERED`]: the next file of the same export needs
    /// no mapping again. A file of other columns is matched by the header recognition alone.
    pub fn open_remembering(
        file: &str,
        bytes: &[u8],
        remembered: Option<&ColumnMapping>,
    ) -> Result<Mapper, OpenError> {
        let mut m = Mapper::open(file, bytes, None)?;
        if let Some(r) = remembered {
            // Prefer the sheet the remembered mapping reads, as `open` does with a file's.
            let fitting = m.doc.tables.iter().position(|t| r.fits(&header_of(t)));
            if let Some(i) = fitting {
                m.sheet = i;
                m.load(r, REMEMBERED);
            }
        }
        Ok(m)
    }

    fn table(&self) -> Option<&Table> {
        self.doc.tables.get(self.sheet)
    }

    fn header_texts(&self) -> Vec<String> {
        self.table().map(header_of).unwrap_or_default()
    }

    /// Whether the columns were set from the mapping last reviewed with
    /// ([`Mapper::open_remembering`]), not from a file or the recognition.
    pub fn remembered(&self) -> bool {
        self.loaded.as_deref() == Some(REMEMBERED)
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The table as read (shared with the session it opens).
    pub fn document(&self) -> Rc<Document> {
        self.doc.clone()
    }

    /// The mapping file loaded, by name.
    pub fn loaded(&self) -> Option<&str> {
        self.loaded.as_deref()
    }

    /// The sheets (tables) of the file, by name.
    pub fn sheets(&self) -> Vec<&str> {
        self.doc.tables.iter().map(|t| t.name.as_str()).collect()
    }

    /// The sheet shown (its index in [`Mapper::sheets`]).
    pub fn sheet(&self) -> usize {
        self.sheet
    }

    /// Shows another sheet; the mapping is kept (it reads every sheet).
    pub fn set_sheet(&mut self, i: usize) {
        if i < self.doc.tables.len() {
            self.sheet = i;
            self.revision += 1;
        }
    }

    /// The header of the sheet shown: the first column of each name, blank ones left out.
    pub fn header(&self) -> Vec<HeaderColumn> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (index, h) in self.header_texts().iter().enumerate() {
            let name = h.trim().to_string();
            if name.is_empty() || seen.contains(&norm(&name)) {
                continue;
            }
            seen.push(norm(&name));
            out.push(HeaderColumn {
                index,
                letter: column_letters(index as u32),
                name,
            });
        }
        out
    }

    fn column_of(&self, name: &str) -> Option<HeaderColumn> {
        self.header()
            .into_iter()
            .find(|c| norm(&c.name) == norm(name))
    }

    /// Every field, with the column it is read from, in the order of [`Field::ALL`].
    pub fn fields(&self) -> Vec<FieldColumn> {
        let header = self.header_texts();
        let auto = ColumnMapping::default().matches(&header);
        Field::ALL
            .iter()
            .map(|&field| {
                let column = self.chosen.get(&field).cloned().flatten();
                FieldColumn {
                    field,
                    required: REQUIRED.contains(&field),
                    present: column
                        .as_deref()
                        .is_some_and(|c| self.column_of(c).is_some()),
                    column,
                    auto: auto
                        .iter()
                        .find(|(f, _)| *f == field)
                        .and_then(|(_, i)| header.get(*i))
                        .map(|h| h.trim().to_string()),
                }
            })
            .collect()
    }

    /// Reads `field` from the column named `column`, or from none.
    pub fn set(&mut self, field: Field, column: Option<String>) {
        let column = column.filter(|c| !c.trim().is_empty());
        if let Some(c) = &column {
            self.facts.retain(|k, _| norm(k) != norm(c));
        }
        self.chosen.insert(field, column);
    }

    /// The columns no field is read from, with the fact each holds.
    pub fn fact_columns(&self) -> Vec<FactColumn> {
        let used: Vec<String> = self.chosen.values().flatten().map(|c| norm(c)).collect();
        self.header()
            .into_iter()
            .filter(|c| !used.contains(&norm(&c.name)))
            .map(|column| {
                let named = column
                    .name
                    .strip_prefix("事实:")
                    .or_else(|| column.name.strip_prefix("事实："))
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                let fact = named.clone().or_else(|| {
                    self.facts
                        .iter()
                        .find(|(k, _)| norm(k) == norm(&column.name))
                        .map(|(_, v)| v.clone())
                });
                FactColumn {
                    column,
                    fact,
                    named: named.is_some(),
                }
            })
            .collect()
    }

    /// Reads the column named `column` as the fact `fact`, or as no fact.
    pub fn set_fact(&mut self, column: &str, fact: Option<String>) {
        self.facts.retain(|k, _| norm(k) != norm(column));
        if let Some(f) = fact.filter(|f| !f.trim().is_empty()) {
            self.facts
                .insert(column.trim().to_string(), f.trim().to_string());
        }
    }

    /// Takes a saved mapping (a mapping file, by name): each field is read as it says, the
    /// rest by the header recognition.
    pub fn load(&mut self, mapping: &ColumnMapping, name: &str) {
        let header = self.header_texts();
        let found = mapping.matches(&header);
        self.chosen = Field::ALL
            .iter()
            .map(|&f| {
                let column = match mapping.columns.get(&f) {
                    // Kept even where the header lacks it, to be reported.
                    Some(n) if !n.trim().is_empty() => Some(n.trim().to_string()),
                    Some(_) => None,
                    None => found
                        .iter()
                        .find(|(g, _)| *g == f)
                        .and_then(|(_, i)| header.get(*i))
                        .map(|h| h.trim().to_string()),
                };
                (f, column)
            })
            .collect();
        self.facts = mapping.facts.clone();
        self.loaded = Some(name.to_string());
        self.revision += 1;
    }

    /// Changes with every change of many columns at once (a sheet, a mapping loaded or reset),
    /// not with one field's: a view keys its selects by it, so that they show the new columns
    /// and keep the reviewer's focus otherwise.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Back to the header recognition alone (no mapping file).
    pub fn reset(&mut self) {
        self.load(&ColumnMapping::default(), "");
        self.loaded = None;
    }

    /// The mapping as set, as the file `cailiang review --map` reads: a field is named where its
    /// column is not the one the header recognition finds, and mapped to "" where it is read
    /// from no column and the recognition would find one; so a table in the library's columns
    /// needs an empty mapping.
    pub fn mapping(&self) -> ColumnMapping {
        let header = self.header_texts();
        let auto = ColumnMapping::default().matches(&header);
        let mut columns = BTreeMap::new();
        for &f in Field::ALL {
            let chosen = self.chosen.get(&f).cloned().flatten();
            let recognised = auto
                .iter()
                .find(|(g, _)| *g == f)
                .and_then(|(_, i)| header.get(*i))
                .map(|h| h.trim().to_string());
            match (chosen, recognised) {
                (Some(c), Some(r)) if norm(&c) == norm(&r) => {}
                (Some(c), _) => {
                    columns.insert(f, c);
                }
                (None, Some(_)) => {
                    columns.insert(f, String::new());
                }
                (None, None) => {}
            }
        }
        ColumnMapping {
            columns,
            facts: self.facts.clone(),
        }
    }

    /// What the mapping as set cannot read, on the sheet shown: required fields unmapped,
    /// columns the header lacks, then the preview rows that do not read (as the review will
    /// report them).
    pub fn problems(&self, lp: &LoadedPack) -> Vec<MapProblem> {
        let sheet = self.table().map(|t| t.name.clone()).unwrap_or_default();
        let mapping = self.mapping();
        let header = self.header_texts();
        let mut out: Vec<MapProblem> = mapping
            .missing(&header)
            .into_iter()
            .map(|field| MapProblem::Required {
                sheet: sheet.clone(),
                field,
                label: field.label().into(),
                key: field.key().into(),
            })
            .collect();
        for f in self.fields() {
            if let (Some(column), false) = (&f.column, f.present) {
                out.push(MapProblem::Absent {
                    sheet: sheet.clone(),
                    field: f.field,
                    label: f.field.label().into(),
                    column: column.clone(),
                });
            }
        }
        if !out.iter().any(MapProblem::blocks) {
            out.extend(
                self.checks(lp)
                    .into_iter()
                    .filter_map(|r| r.err())
                    .map(|error| MapProblem::Row { error }),
            );
        }
        out
    }

    /// Whether the review can start (no required field unmapped).
    pub fn can_start(&self) -> bool {
        self.mapping().missing(&self.header_texts()).is_empty()
    }

    /// The first data rows of the sheet shown, read as the review reads them.
    fn checks(&self, lp: &LoadedPack) -> Vec<Result<(), RowError>> {
        let Ok(tables) = CaseTables::of(&self.doc, &self.mapping()) else {
            return Vec::new();
        };
        let Some(n) = tables.tables.iter().position(|(i, _)| *i == self.sheet) else {
            return Vec::new();
        };
        (0..PREVIEW_ROWS)
            .map_while(|r| tables.entry(&self.doc, n, r, lp))
            .map(|e| e.map(|_| ()))
            .collect()
    }

    /// The first [`PREVIEW_ROWS`] data rows of the sheet shown: what each mapped field reads
    /// (its cell's text, for the page to show as text).
    pub fn preview(&self) -> Vec<PreviewRow> {
        let Some(t) = self.table() else {
            return Vec::new();
        };
        let mapped: Vec<(Field, usize)> = self
            .fields()
            .into_iter()
            .filter_map(|f| {
                let c = self.column_of(f.column.as_deref()?)?;
                Some((f.field, c.index))
            })
            .collect();
        t.rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|row| PreviewRow {
                place: row.place.to_string(),
                values: mapped
                    .iter()
                    .map(|(f, i)| {
                        let text = row.cells.get(*i).map(|c| c.text.trim().to_string());
                        (*f, text.unwrap_or_default())
                    })
                    .collect(),
            })
            .collect()
    }

    /// The first [`PREVIEW_ROWS`] cells of a column (by name), for the fact columns.
    pub fn column_preview(&self, column: &str) -> Vec<String> {
        let (Some(t), Some(c)) = (self.table(), self.column_of(column)) else {
            return Vec::new();
        };
        t.rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| {
                r.cells
                    .get(c.index)
                    .map(|c| c.text.trim().to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The review of the table through the mapping as set.
    pub fn session(&self, lp: &LoadedPack) -> Result<Session, OpenError> {
        Session::of_table(&self.file, self.doc.clone(), &self.mapping(), lp)
    }
}

/// The facts a column may hold: every fact of the pack's items, by id, with its label; sorted
/// by label.
pub fn fact_options(lp: &LoadedPack) -> Vec<(String, String)> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for item in &lp.pack.items {
        for f in &item.facts {
            out.entry(f.id.clone()).or_insert_with(|| f.label.clone());
        }
    }
    let mut v: Vec<(String, String)> = out.into_iter().collect();
    v.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    v
}

#[cfg(test)]
mod tests;
