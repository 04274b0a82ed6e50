//! Tables of Word documents (.docx), read from the document's own XML (`word/document.xml`):
//! rows (`w:tr`), cells (`w:tc`) on the table grid, horizontal merges (`w:gridSpan`, and
//! `w:gridBefore` for rows that start further right), vertical merges (`w:vMerge` restart /
//! continue), and the paragraphs of a cell (`w:p`) joined with "\n". Tabs and breaks inside a
//! paragraph become "\t" and "\n". A table nested in a cell is part of that cell's text.
//! Deleted text of tracked changes (`w:delText`) and field codes (`w:instrText`) are not text;
//! the fallback copy of alternate content (`mc:Fallback`) is not read twice.

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::grid::{Grid, Merge, PlaceKind, RawCell};
use super::{CellKind, Document, Format, Limits, TableError, ooxml};

const MAIN: &str = "word/document.xml";

/// Reads every table of a Word document.
pub fn read_docx(file: &str, bytes: &[u8], limits: &Limits) -> Result<Document, TableError> {
    let mut zip = ooxml::open(file, bytes)?;
    ooxml::check_sizes(file, &mut zip, limits)?;
    let part = main_part(file, &mut zip, limits)?;
    let xml = ooxml::read_part(file, &mut zip, &part, "Word 文档（.docx）", limits)?;
    let tables = read_tables(file, &part, &xml, limits)?;
    if tables.is_empty() {
        return Err(TableError::NoContent {
            file: file.to_string(),
            what: "文档的表格".into(),
        });
    }
    Ok(Document {
        file: file.to_string(),
        format: Format::Docx,
        encoding: None,
        tables,
        notes: Vec::new(),
    })
}

/// The main document part: `word/document.xml`, or where the package relationships point.
fn main_part(
    file: &str,
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<String, TableError> {
    if zip.index_for_name(MAIN).is_some() {
        return Ok(MAIN.into());
    }
    let missing = || TableError::MissingPart {
        file: file.to_string(),
        part: MAIN.into(),
        expected: "Word 文档（.docx）".into(),
    };
    let Ok(rels) = ooxml::read_part(file, zip, "_rels/.rels", "Word 文档（.docx）", limits)
    else {
        return Err(missing());
    };
    let mut r = Reader::from_str(&rels);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attr(&e, b"Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    let target = attr(&e, b"Target").unwrap_or_default();
                    let target = target.trim_start_matches('/').to_string();
                    if zip.index_for_name(&target).is_some() {
                        return Ok(target);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return Err(missing()),
            _ => {}
        }
    }
}

/// An attribute by local name, as text.
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[derive(Clone, Copy, PartialEq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

/// The cell being read.
struct CellState {
    text: String,
    paragraphs: usize,
    span: u32,
    vmerge: VMerge,
}

/// The table being read (outermost level).
struct TableState<'a> {
    grid: Grid<'a>,
    row: u32,
    col: u32,
    in_row: bool,
    /// Vertical merges in progress: grid column → index into `grid.merges`.
    open: BTreeMap<u32, usize>,
}

fn xml_error(file: &str, part: &str, position: u64, detail: impl ToString) -> TableError {
    TableError::Xml {
        file: file.to_string(),
        part: part.to_string(),
        position,
        detail: detail.to_string(),
    }
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

fn read_tables(
    file: &str,
    part: &str,
    xml: &str,
    limits: &Limits,
) -> Result<Vec<super::Table>, TableError> {
    let mut reader = Reader::from_str(xml);
    let mut tables = Vec::new();
    let mut count: u32 = 0;
    // Nesting depth of w:tbl; only depth 1 makes rows and cells.
    let mut depth = 0usize;
    let mut table: Option<TableState> = None;
    let mut cell: Option<CellState> = None;
    let mut in_text = false;
    let mut fallback = 0usize;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| xml_error(file, part, reader.error_position(), e))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"Fallback" => fallback += 1,
                    _ if fallback > 0 => {}
                    b"tbl" => {
                        depth += 1;
                        if depth == 1 {
                            count += 1;
                            if count as usize > limits.max_tables {
                                return Err(TableError::TooManyTables {
                                    file: file.to_string(),
                                    count: count as usize,
                                    limit: limits.max_tables,
                                });
                            }
                            table = Some(TableState {
                                grid: Grid::new(
                                    file,
                                    limits,
                                    format!("表格 {count}"),
                                    format!("第 {count} 个表格"),
                                    count,
                                    PlaceKind::Docx(count),
                                ),
                                row: 0,
                                col: 0,
                                in_row: false,
                                open: BTreeMap::new(),
                            });
                        }
                    }
                    b"tr" if depth == 1 => {
                        if let Some(t) = table.as_mut() {
                            if t.in_row {
                                t.row += 1;
                            }
                            t.in_row = true;
                            t.col = 0;
                            t.grid.start_row(t.row, None)?;
                        }
                    }
                    b"tc" if depth == 1 => {
                        cell = Some(CellState {
                            text: String::new(),
                            paragraphs: 0,
                            span: 1,
                            vmerge: VMerge::None,
                        });
                    }
                    b"p" => {
                        if let Some(c) = cell.as_mut() {
                            if c.paragraphs > 0 {
                                c.text.push('\n');
                            }
                            c.paragraphs += 1;
                        }
                    }
                    b"t" => in_text = true,
                    _ => properties(&e, depth, table.as_mut(), cell.as_mut()),
                }
            }
            Event::Empty(e) => {
                if fallback > 0 {
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(c) = cell.as_mut() {
                            if c.paragraphs > 0 {
                                c.text.push('\n');
                            }
                            c.paragraphs += 1;
                        }
                    }
                    b"tab" => push_char(cell.as_mut(), '\t', &table, limits)?,
                    b"br" | b"cr" => push_char(cell.as_mut(), '\n', &table, limits)?,
                    _ => properties(&e, depth, table.as_mut(), cell.as_mut()),
                }
            }
            Event::Text(t) if in_text && fallback == 0 => {
                let s = t
                    .xml10_content()
                    .map_err(|e| xml_error(file, part, pos, e))?;
                for ch in s.chars() {
                    push_char(cell.as_mut(), ch, &table, limits)?;
                }
            }
            Event::CData(t) if in_text && fallback == 0 => {
                let s = t.decode().map_err(|e| xml_error(file, part, pos, e))?;
                for ch in s.chars() {
                    push_char(cell.as_mut(), ch, &table, limits)?;
                }
            }
            Event::GeneralRef(r) if in_text && fallback == 0 => {
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| xml_error(file, part, pos, e))?
                } else {
                    let name = r.decode().map_err(|e| xml_error(file, part, pos, e))?;
                    predefined(&name)
                };
                match ch {
                    Some(ch) => push_char(cell.as_mut(), ch, &table, limits)?,
                    None => {
                        return Err(xml_error(file, part, pos, "未知的字符实体"));
                    }
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"Fallback" => fallback = fallback.saturating_sub(1),
                    _ if fallback > 0 => {}
                    b"t" => in_text = false,
                    b"tc" if depth == 1 => {
                        if let (Some(t), Some(c)) = (table.as_mut(), cell.take()) {
                            end_cell(t, c)?;
                        }
                    }
                    b"tr" if depth == 1 => {
                        if let Some(t) = table.as_mut() {
                            // Columns this row does not reach end any vertical merge there.
                            let col = t.col;
                            t.open.retain(|&c, _| c < col);
                        }
                    }
                    b"tbl" => {
                        if depth == 1
                            && let Some(t) = table.take()
                            && let Some(done) = t.grid.finish()?
                        {
                            tables.push(done);
                        }
                        depth = depth.saturating_sub(1);
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(tables)
}

/// Reads the cell and row properties that shape the grid.
fn properties(
    e: &BytesStart<'_>,
    depth: usize,
    table: Option<&mut TableState>,
    cell: Option<&mut CellState>,
) {
    if depth != 1 {
        return;
    }
    let val = || attr(e, b"val");
    match e.local_name().as_ref() {
        b"gridSpan" => {
            if let Some(c) = cell {
                c.span = val()
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, 10_000);
            }
        }
        b"vMerge" => {
            if let Some(c) = cell {
                c.vmerge = match val().as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                };
            }
        }
        b"gridBefore" => {
            if let Some(t) = table
                && cell.is_none()
            {
                let n = val()
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(0)
                    .min(10_000);
                t.col = t.col.saturating_add(n);
            }
        }
        _ => {}
    }
}

/// Appends a character to the cell being read (text outside any cell is not table text).
fn push_char(
    cell: Option<&mut CellState>,
    ch: char,
    table: &Option<TableState>,
    limits: &Limits,
) -> Result<(), TableError> {
    let Some(c) = cell else { return Ok(()) };
    c.text.push(ch);
    // Counting characters only when the byte length could exceed the limit.
    if c.text.len() > limits.max_cell_chars
        && let Some(t) = table
    {
        t.grid.check(t.row, t.col, c.text.chars().count())?;
    }
    Ok(())
}

/// Places a finished cell on the grid, with its merges.
fn end_cell(t: &mut TableState, c: CellState) -> Result<(), TableError> {
    let (row, col) = (t.row, t.col);
    t.grid.check(row, col, c.text.chars().count())?;
    let last = col.saturating_add(c.span - 1);
    t.grid.check(row, last, 0)?;
    let continued = match (c.vmerge, t.open.get(&col)) {
        (VMerge::Continue, Some(&m)) => {
            if let Some(merge) = t.grid.merges.get_mut(m) {
                merge.bottom = row;
            }
            true
        }
        _ => false,
    };
    if !continued {
        t.open.remove(&col);
        t.grid
            .insert(row, col, RawCell::new(c.text, CellKind::Text))?;
        if c.span > 1 || c.vmerge == VMerge::Restart {
            t.grid.merges.push(Merge {
                top: row,
                left: col,
                bottom: row,
                right: last,
            });
            if c.vmerge == VMerge::Restart {
                t.open.insert(col, t.grid.merges.len() - 1);
            }
        }
    }
    // Columns covered by this cell's span end vertical merges that started there.
    for k in col.saturating_add(1)..=last {
        t.open.remove(&k);
    }
    t.col = last.saturating_add(1);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Place;

    fn tables(body: &str) -> Vec<super::super::Table> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        read_tables("t.docx", MAIN, &xml, &Limits::default()).unwrap()
    }

    fn tc(text: &str, props: &str) -> String {
        let paras: String = text
            .split('|')
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
    }

    #[test]
    fn spans_vertical_merges_and_paragraphs() {
        let body = format!(
            "<w:p><w:r><w:t>标题段落</w:t></w:r></w:p><w:tbl>\
             <w:tr>{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr></w:tbl>",
            tc("序号", ""),
            tc("裁量基准", r#"<w:gridSpan w:val="2"/>"#),
            tc("1", r#"<w:vMerge w:val="restart"/>"#),
            tc("轻微", ""),
            tc("不予处罚|（首违）", ""),
            tc("", "<w:vMerge/>"),
            tc("一般 &amp; 严重", ""),
            tc("处5万元以上10万元以下罚款", ""),
        );
        let t = &tables(&body)[0];
        assert_eq!(t.header[0].texts(), ["序号", "裁量基准", "裁量基准"]);
        assert_eq!(
            t.header[0].cells[2].merged_from,
            Some(Place::DocxTable {
                table: 1,
                row: 1,
                column: Some(2)
            })
        );
        assert_eq!(t.rows[0].texts(), ["1", "轻微", "不予处罚\n（首违）"]);
        assert_eq!(
            t.rows[1].texts(),
            ["1", "一般 & 严重", "处5万元以上10万元以下罚款"]
        );
        assert_eq!(
            t.rows[1].cells[0].place,
            Place::DocxTable {
                table: 1,
                row: 3,
                column: Some(1)
            }
        );
    }

    #[test]
    fn nested_tables_are_text_of_their_cell() {
        let inner = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc("内1", ""),
            tc("内2", "")
        );
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}<w:tc><w:p/>{inner}</w:tc></w:tr></w:tbl>",
            tc("a", ""),
            tc("b", ""),
            tc("1", ""),
        );
        let ts = tables(&body);
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].rows[0].texts(), ["1", "\n内1\n内2"]);
    }

    #[test]
    fn bad_xml_names_the_part_and_position() {
        let e = read_tables(
            "t.docx",
            MAIN,
            "<w:document><w:body><w:tbl></w:body>",
            &Limits::default(),
        )
        .unwrap_err();
        assert!(
            matches!(&e, TableError::Xml { part, position, .. } if part == MAIN && *position > 0),
            "{e:?}"
        );
    }
}
