//! The findings as an .xlsx workbook (rust_xlsxwriter): a sheet of findings, one row each, and
//! a summary sheet by rule and by item. Every cell is written as text — amounts included, so
//! that no amount passes through a float — and nothing is a formula.
//!
//! The workbook is built in memory (rust_xlsxwriter keeps the cells until it saves), so its
//! memory grows with the number of findings, not of cases; a sheet stops at Excel's row limit
//! with a note.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::COLUMNS;
use crate::review::finding::Rule;
use crate::review::summary::Summary;

/// Excel's rows per sheet.
const MAX_ROWS: u32 = 1_048_576;
/// Excel's characters per cell.
const MAX_CELL: usize = 32_767;

/// An .xlsx workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[error("无法生成 Excel 文件：{message}")]
pub struct XlsxReportError {
    /// What the writer said.
    pub message: String,
}

impl From<XlsxError> for XlsxReportError {
    fn from(e: XlsxError) -> Self {
        XlsxReportError {
            message: e.to_string(),
        }
    }
}

fn cell(s: &str) -> String {
    if s.chars().count() <= MAX_CELL {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX_CELL - 1).collect();
        t.push('…');
        t
    }
}

/// Collects findings rows, then writes the workbook.
pub struct XlsxWriter {
    findings: Worksheet,
    row: u32,
    dropped: u64,
    bold: Format,
}

impl XlsxWriter {
    /// A workbook with the findings sheet's header.
    pub fn new() -> Result<XlsxWriter, XlsxReportError> {
        let bold = Format::new().set_bold();
        let mut ws = Worksheet::new();
        ws.set_name("问题清单")?;
        for (i, h) in COLUMNS.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        for (i, w) in [6, 18, 12, 30, 6, 28, 22, 60, 40, 30, 24, 24]
            .iter()
            .enumerate()
        {
            ws.set_column_width(i as u16, *w)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(XlsxWriter {
            findings: ws,
            row: 1,
            dropped: 0,
            bold,
        })
    }

    /// Adds one row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), XlsxReportError> {
        if self.row >= MAX_ROWS - 1 {
            self.dropped += 1;
            return Ok(());
        }
        for (i, c) in cells.iter().enumerate() {
            let t = c.as_ref();
            if !t.is_empty() {
                self.findings.write_string(self.row, i as u16, cell(t))?;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// The workbook's bytes, with the summary sheet. The document's date is fixed, so that the
    /// same findings give the same file.
    pub fn finish(mut self, summary: &Summary) -> Result<Vec<u8>, XlsxReportError> {
        if self.dropped > 0 {
            self.findings.write_string(
                self.row,
                0,
                format!(
                    "另有 {} 行超出 Excel 的行数上限，未写入；请使用 CSV 导出",
                    self.dropped
                ),
            )?;
        }
        let last = self.row.saturating_sub(1).max(1);
        self.findings
            .autofilter(0, 0, last, (COLUMNS.len() - 1) as u16)?;
        let mut sum = Worksheet::new();
        sum.set_name("汇总")?;
        let b = &self.bold;
        let mut r = 0u32;
        let put =
            |ws: &mut Worksheet, r: u32, cells: &[String], bold: bool| -> Result<(), XlsxError> {
                for (i, c) in cells.iter().enumerate() {
                    if bold {
                        ws.write_string_with_format(r, i as u16, cell(c), b)?;
                    } else {
                        ws.write_string(r, i as u16, cell(c))?;
                    }
                }
                Ok(())
            };
        put(&mut sum, r, &[summary.line()], false)?;
        r += 2;
        put(
            &mut sum,
            r,
            &[
                "规则编号".into(),
                "规则".into(),
                "等级".into(),
                "问题数".into(),
            ],
            true,
        )?;
        for rule in Rule::ALL {
            if let Some(n) = summary.by_rule.get(rule) {
                r += 1;
                put(
                    &mut sum,
                    r,
                    &[
                        rule.id().into(),
                        rule.title().into(),
                        rule.severity().label().into(),
                        n.to_string(),
                    ],
                    false,
                )?;
            }
        }
        r += 2;
        put(
            &mut sum,
            r,
            &[
                "编码".into(),
                "违法行为".into(),
                "案件".into(),
                "有问题".into(),
                "错误".into(),
                "警告".into(),
                "提示".into(),
                "罚款低于基准".into(),
                "罚款高于基准".into(),
            ],
            true,
        )?;
        for (code, i) in &summary.by_item {
            r += 1;
            put(
                &mut sum,
                r,
                &[
                    code.clone(),
                    i.name.clone(),
                    i.cases.to_string(),
                    i.with_findings.to_string(),
                    i.findings.error.to_string(),
                    i.findings.warning.to_string(),
                    i.findings.notice.to_string(),
                    i.strip.below.to_string(),
                    i.strip.above.to_string(),
                ],
                false,
            )?;
        }
        for (i, w) in [24, 40, 8, 8, 8, 8, 8, 12, 12].iter().enumerate() {
            sum.set_column_width(i as u16, *w)?;
        }
        let mut wb = Workbook::new();
        let date = ExcelDateTime::from_ymd(2000, 1, 1)?;
        wb.set_properties(
            &DocProperties::new()
                .set_title("案卷评查问题清单")
                .set_creation_datetime(&date),
        );
        wb.push_worksheet(self.findings);
        wb.push_worksheet(sum);
        Ok(wb.save_to_buffer()?)
    }
}
