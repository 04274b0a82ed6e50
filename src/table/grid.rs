//! The readers' common second half: cells placed on a grid with merged regions, turned into a
//! [`Table`] — merges applied, empty rows dropped, the header found and its repeats skipped —
//! within the [`Limits`].

use std::collections::BTreeMap;

use super::{Cell, CellKind, Limits, Place, Row, SkipReason, Skipped, Table, TableError};

/// How places are named for cells the reader did not place itself (merged copies, empty cells).
pub(crate) enum PlaceKind {
    /// Worksheet of this name.
    Sheet(String),
    /// Word table of this number.
    Docx(u32),
    /// CSV: the row's own place gives the line.
    Csv,
}

/// A cell as a reader found it.
pub(crate) struct RawCell {
    pub text: String,
    pub kind: CellKind,
    /// Set where the reader knows better than the grid (a CSV field that starts on a later line
    /// than its record).
    pub place: Option<Place>,
    pub merged_from: Option<Place>,
}

impl RawCell {
    pub fn new(text: String, kind: CellKind) -> RawCell {
        RawCell {
            text,
            kind,
            place: None,
            merged_from: None,
        }
    }
}

#[derive(Default)]
pub(crate) struct GridRow {
    /// Set for CSV records (their first line).
    pub place: Option<Place>,
    pub cells: BTreeMap<u32, RawCell>,
}

/// A merged region, 0-based and inclusive.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Merge {
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
}

pub(crate) struct Grid<'a> {
    pub file: &'a str,
    pub limits: &'a Limits,
    /// Shown as the table's name.
    pub name: String,
    /// How errors name the table: "工作表“阶次”", "第 2 个表格", the file name.
    pub label: String,
    pub number: u32,
    pub hidden: bool,
    pub kind: PlaceKind,
    pub rows: BTreeMap<u32, GridRow>,
    pub merges: Vec<Merge>,
    cells: usize,
}

impl<'a> Grid<'a> {
    pub fn new(
        file: &'a str,
        limits: &'a Limits,
        name: String,
        label: String,
        number: u32,
        kind: PlaceKind,
    ) -> Grid<'a> {
        Grid {
            file,
            limits,
            name,
            label,
            number,
            hidden: false,
            kind,
            rows: BTreeMap::new(),
            merges: Vec::new(),
            cells: 0,
        }
    }

    /// Where a cell is, by the grid's naming.
    pub fn place(&self, row: u32, col: u32) -> Place {
        match &self.kind {
            PlaceKind::Sheet(s) => Place::sheet_cell(s, row, col),
            PlaceKind::Docx(t) => Place::DocxTable {
                table: *t,
                row: row.saturating_add(1),
                column: Some(col.saturating_add(1)),
            },
            PlaceKind::Csv => {
                let line = match self.rows.get(&row).and_then(|r| r.place.as_ref()) {
                    Some(Place::Line { line, .. }) => *line,
                    _ => row.saturating_add(1),
                };
                Place::Line {
                    line,
                    column: Some(col.saturating_add(1)),
                }
            }
        }
    }

    fn row_place(&self, row: u32) -> Place {
        if let Some(p) = self.rows.get(&row).and_then(|r| r.place.clone()) {
            return p;
        }
        self.place(row, 0).row_place()
    }

    /// Starts a row (so that it exists even if all its cells are empty), checking the row limit.
    pub fn start_row(&mut self, row: u32, place: Option<Place>) -> Result<(), TableError> {
        if !self.rows.contains_key(&row) {
            if self.rows.len() >= self.limits.max_rows {
                return Err(TableError::TooManyRows {
                    file: self.file.to_string(),
                    table: self.label.clone(),
                    place: place.unwrap_or_else(|| self.place(row, 0).row_place()),
                    limit: self.limits.max_rows,
                });
            }
            self.rows.insert(
                row,
                GridRow {
                    place,
                    cells: BTreeMap::new(),
                },
            );
        }
        Ok(())
    }

    /// Checks a cell against the column and length limits before it is read further.
    pub fn check(&self, row: u32, col: u32, chars: usize) -> Result<(), TableError> {
        if col as usize >= self.limits.max_columns {
            return Err(TableError::TooManyColumns {
                file: self.file.to_string(),
                place: self.place(row, col),
                limit: self.limits.max_columns,
            });
        }
        if chars > self.limits.max_cell_chars {
            return Err(TableError::CellTooLong {
                file: self.file.to_string(),
                place: self.place(row, col),
                chars,
                limit: self.limits.max_cell_chars,
            });
        }
        Ok(())
    }

    /// Places a cell. Cells with only white space are not kept (rows are filled in later).
    pub fn insert(&mut self, row: u32, col: u32, cell: RawCell) -> Result<(), TableError> {
        self.check(row, col, cell.text.chars().count())?;
        self.start_row(row, None)?;
        if cell.text.trim().is_empty() {
            return Ok(());
        }
        self.count(1)?;
        if let Some(r) = self.rows.get_mut(&row) {
            r.cells.insert(col, cell);
        }
        Ok(())
    }

    fn count(&mut self, n: usize) -> Result<(), TableError> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > self.limits.max_cells {
            return Err(TableError::TooManyCells {
                file: self.file.to_string(),
                table: self.label.clone(),
                limit: self.limits.max_cells,
            });
        }
        Ok(())
    }

    fn text_at(&self, row: u32, col: u32) -> Option<&RawCell> {
        self.rows.get(&row)?.cells.get(&col)
    }

    /// Copies each merged cell's text to the cells it covers, within the used area.
    fn apply_merges(&mut self) -> Result<(), TableError> {
        let Some(&max_row) = self.rows.keys().next_back() else {
            return Ok(());
        };
        let max_col = self
            .rows
            .values()
            .filter_map(|r| r.cells.keys().next_back().copied())
            .max()
            .unwrap_or(0);
        let merges = std::mem::take(&mut self.merges);
        for m in &merges {
            let (bottom, right) = (m.bottom.min(max_row), m.right.min(max_col));
            if m.top > bottom || m.left > right {
                continue;
            }
            let Some(origin) = self.text_at(m.top, m.left) else {
                continue;
            };
            let (text, kind) = (origin.text.clone(), origin.kind);
            let from = origin
                .place
                .clone()
                .unwrap_or_else(|| self.place(m.top, m.left));
            let area = (u64::from(bottom - m.top) + 1) * (u64::from(right - m.left) + 1);
            // Refuse before looping over an absurd area.
            if self.cells as u64 + area > self.limits.max_cells as u64 {
                return Err(TableError::TooManyCells {
                    file: self.file.to_string(),
                    table: self.label.clone(),
                    limit: self.limits.max_cells,
                });
            }
            for r in m.top..=bottom {
                for c in m.left..=right {
                    if (r, c) == (m.top, m.left) || self.text_at(r, c).is_some() {
                        continue;
                    }
                    self.start_row(r, None)?;
                    self.count(1)?;
                    if let Some(row) = self.rows.get_mut(&r) {
                        row.cells.insert(
                            c,
                            RawCell {
                                text: text.clone(),
                                kind,
                                place: None,
                                merged_from: Some(from.clone()),
                            },
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// The finished table, or `None` when no cell holds any text.
    pub fn finish(mut self) -> Result<Option<Table>, TableError> {
        self.apply_merges()?;
        let mut rows = Vec::new();
        for (&r, gr) in &self.rows {
            let Some(&last) = gr.cells.keys().next_back() else {
                continue;
            };
            let mut cells = Vec::with_capacity(last as usize + 1);
            for c in 0..=last {
                cells.push(match gr.cells.get(&c) {
                    Some(raw) => Cell {
                        place: raw.place.clone().unwrap_or_else(|| self.place(r, c)),
                        text: raw.text.clone(),
                        kind: raw.kind,
                        merged_from: raw.merged_from.clone(),
                    },
                    None => Cell {
                        place: self.place(r, c),
                        text: String::new(),
                        kind: CellKind::Empty,
                        merged_from: None,
                    },
                });
            }
            rows.push(Row {
                place: self.row_place(r),
                cells,
            });
        }
        if rows.is_empty() {
            return Ok(None);
        }
        let width = rows.iter().map(|r| r.cells.len() as u32).max().unwrap_or(0);
        let (preamble, header, rows, skipped) = split_header(rows);
        Ok(Some(Table {
            name: self.name,
            number: self.number,
            hidden: self.hidden,
            preamble,
            header,
            rows,
            skipped,
            width,
        }))
    }
}

/// A row's texts without white space, trailing empty cells dropped: what "the same row" means
/// when looking for a repeated header.
fn key(row: &Row) -> Vec<String> {
    let mut k: Vec<String> = row
        .cells
        .iter()
        .map(|c| c.text.chars().filter(|ch| !ch.is_whitespace()).collect())
        .collect();
    while k.last().is_some_and(|s: &String| s.is_empty()) {
        k.pop();
    }
    k
}

fn distinct_texts(row: &Row) -> usize {
    let mut k: Vec<String> = key(row).into_iter().filter(|s| !s.is_empty()).collect();
    k.sort();
    k.dedup();
    k.len()
}

type Split = (Vec<Row>, Vec<Row>, Vec<Row>, Vec<Skipped>);

/// Preamble, header block, data rows and skipped repeats of the header.
fn split_header(mut rows: Vec<Row>) -> Split {
    let Some(h) = rows.iter().position(|r| distinct_texts(r) >= 2) else {
        return (Vec::new(), Vec::new(), rows, Vec::new());
    };
    let mut rest = rows.split_off(h);
    let preamble = rows;
    // The header block: the header row and the rows its vertical merges reach into.
    let mut n = 1;
    while n < rest.len() {
        let block: Vec<Place> = rest[..n].iter().map(|r| r.place.clone()).collect();
        let reached = rest[n].cells.iter().any(|c| {
            c.merged_from
                .as_ref()
                .is_some_and(|m| block.contains(&m.row_place()))
        });
        if !reached {
            break;
        }
        n += 1;
    }
    let data = rest.split_off(n);
    let header = rest;
    let keys: Vec<Vec<String>> = header.iter().map(key).collect();
    // Which data rows are a copy of the header block.
    let mut repeat = vec![false; data.len()];
    let mut i = 0;
    while i < data.len() {
        let is_copy = i + keys.len() <= data.len()
            && data[i..i + keys.len()]
                .iter()
                .zip(&keys)
                .all(|(r, k)| key(r) == *k);
        if is_copy {
            repeat[i..i + keys.len()].iter_mut().for_each(|x| *x = true);
            i += keys.len();
        } else {
            i += 1;
        }
    }
    let mut rows = Vec::with_capacity(data.len());
    let mut skipped = Vec::new();
    for (row, copy) in data.into_iter().zip(repeat) {
        if copy {
            skipped.push(Skipped {
                place: row.place,
                reason: SkipReason::RepeatedHeader,
            });
        } else {
            rows.push(row);
        }
    }
    (preamble, header, rows, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(limits: &Limits) -> Grid<'_> {
        Grid::new(
            "t.xlsx",
            limits,
            "S".into(),
            "工作表“S”".into(),
            1,
            PlaceKind::Sheet("S".into()),
        )
    }

    fn put(g: &mut Grid, r: u32, c: u32, t: &str) {
        g.insert(r, c, RawCell::new(t.into(), CellKind::Text))
            .unwrap();
    }

    #[test]
    fn merges_copy_the_text_and_say_from_where() {
        let l = Limits::default();
        let mut g = grid(&l);
        put(&mut g, 0, 0, "序号");
        put(&mut g, 0, 1, "名称");
        put(&mut g, 1, 0, "1");
        put(&mut g, 1, 1, "甲");
        put(&mut g, 2, 0, "2");
        g.merges.push(Merge {
            top: 1,
            left: 1,
            bottom: 2,
            right: 1,
        });
        // A merge far beyond the used area is clipped, not expanded.
        g.merges.push(Merge {
            top: 0,
            left: 0,
            bottom: 1_048_575,
            right: 16_383,
        });
        let t = g.finish().unwrap().unwrap();
        assert_eq!(t.header[0].texts(), ["序号", "名称"]);
        assert_eq!(t.rows[1].texts(), ["2", "甲"]);
        assert_eq!(
            t.rows[1].cells[1].merged_from,
            Some(Place::sheet_cell("S", 1, 1))
        );
        assert_eq!(t.rows[1].cells[1].place, Place::sheet_cell("S", 2, 1));
    }

    #[test]
    fn title_rows_header_and_repeats() {
        let l = Limits::default();
        let mut g = grid(&l);
        put(&mut g, 0, 0, "某市裁量基准");
        put(&mut g, 2, 0, "序号");
        put(&mut g, 2, 1, "违法行为");
        put(&mut g, 3, 0, "1");
        put(&mut g, 3, 1, "甲");
        put(&mut g, 4, 0, "序 号");
        put(&mut g, 4, 1, "违法行为");
        put(&mut g, 5, 0, "2");
        put(&mut g, 5, 1, "乙");
        let t = g.finish().unwrap().unwrap();
        assert_eq!(t.preamble.len(), 1);
        assert_eq!(t.header.len(), 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.skipped[0].place, Place::sheet_row("S", 4));
    }

    #[test]
    fn a_two_level_header_is_one_block() {
        let l = Limits::default();
        let mut g = grid(&l);
        put(&mut g, 0, 0, "序号");
        put(&mut g, 0, 1, "处罚标准");
        put(&mut g, 1, 1, "轻微");
        put(&mut g, 1, 2, "一般");
        put(&mut g, 2, 0, "1");
        put(&mut g, 2, 1, "警告");
        put(&mut g, 2, 2, "罚款");
        g.merges.push(Merge {
            top: 0,
            left: 0,
            bottom: 1,
            right: 0,
        });
        g.merges.push(Merge {
            top: 0,
            left: 1,
            bottom: 0,
            right: 2,
        });
        let t = g.finish().unwrap().unwrap();
        assert_eq!(t.header.len(), 2);
        assert_eq!(t.header[1].texts(), ["序号", "轻微", "一般"]);
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn limits_are_enforced_with_places() {
        let l = Limits {
            max_rows: 2,
            max_columns: 3,
            max_cells: 5,
            max_cell_chars: 4,
            ..Limits::default()
        };
        let mut g = grid(&l);
        put(&mut g, 0, 0, "a");
        let e = g
            .insert(0, 3, RawCell::new("x".into(), CellKind::Text))
            .unwrap_err();
        assert!(
            matches!(e, TableError::TooManyColumns { ref place, limit: 3, .. }
            if *place == Place::sheet_cell("S", 0, 3))
        );
        let e = g
            .insert(0, 1, RawCell::new("12345".into(), CellKind::Text))
            .unwrap_err();
        assert!(matches!(e, TableError::CellTooLong { chars: 5, .. }));
        put(&mut g, 1, 0, "b");
        let e = g
            .insert(7, 0, RawCell::new("c".into(), CellKind::Text))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.xlsx：工作表“S”超过 2 行（读到工作表“S”第 8 行时停止）"
        );
        let mut g = grid(&l);
        put(&mut g, 0, 0, "a");
        put(&mut g, 1, 2, "b");
        g.merges.push(Merge {
            top: 0,
            left: 0,
            bottom: 1,
            right: 2,
        });
        assert!(matches!(
            g.finish(),
            Err(TableError::TooManyCells { limit: 5, .. })
        ));
    }
}
