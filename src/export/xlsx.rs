//! The export as an .xlsx workbook: one sheet "裁量基准", the title merged across the columns,
//! the header, one row per tier with the item's columns merged down its rows, text wrapped.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use super::{ExportError, ITEM_COLUMNS, sheet};
use crate::pack::model::Pack;

fn err(e: rust_xlsxwriter::XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// Column widths in characters: 序号 … 备注.
const WIDTHS: [f64; 13] = [
    6.0, 12.0, 28.0, 10.0, 40.0, 40.0, 40.0, 14.0, 10.0, 30.0, 30.0, 36.0, 24.0,
];

/// The pack as an .xlsx workbook. The workbook carries no clock time (its creation date is fixed),
/// so the same pack always gives the same bytes.
pub fn to_xlsx(pack: &Pack) -> Result<Vec<u8>, ExportError> {
    let s = sheet(pack);
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&s.title)
            .set_creation_datetime(&created),
    );
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let note = Format::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let body = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let ws = wb.add_worksheet();
    ws.set_name("裁量基准").map_err(err)?;
    let last_col = (s.header.len() - 1) as u16;
    let mut r: u32 = 0;
    ws.merge_range(r, 0, r, last_col, &s.title, &title)
        .map_err(err)?;
    r += 1;
    for n in &s.notes {
        ws.merge_range(r, 0, r, last_col, n, &note).map_err(err)?;
        r += 1;
    }
    for (c, h) in s.header.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, h, &head)
            .map_err(err)?;
        if let Some(w) = WIDTHS.get(c) {
            ws.set_column_width(c as u16, *w).map_err(err)?;
        }
    }
    r += 1;
    let top = r;
    for &(first, last) in &s.items {
        for (i, row) in s.rows[first..=last].iter().enumerate() {
            let at = top + (first + i) as u32;
            for (c, text) in row.iter().enumerate() {
                let merged = ITEM_COLUMNS.contains(&c) && last > first;
                if merged {
                    continue;
                }
                ws.write_string_with_format(at, c as u16, text, &body)
                    .map_err(err)?;
            }
        }
        if last > first {
            for &c in &ITEM_COLUMNS {
                let text = s.rows[first].get(c).map(String::as_str).unwrap_or("");
                ws.merge_range(
                    top + first as u32,
                    c as u16,
                    top + last as u32,
                    c as u16,
                    text,
                    &body,
                )
                .map_err(err)?;
            }
        }
    }
    ws.set_freeze_panes(top, 0).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
