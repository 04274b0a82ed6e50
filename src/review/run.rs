//! `cailiang review CASES [--pack P] [--map M] [--html report.html] [--csv findings.csv]
//! [--xlsx findings.xlsx]`: a batch of decided cases streamed through the [`Reviewer`], each
//! finding printed (and written to the files asked for) as it is found, then the summary.
//! Exit 1 when any error-level finding exists or a row could not be reviewed.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::batch::{Entry, JsonLines, is_table_name, sniff};
use super::mapping::{CaseTables, ColumnMapping, read_mapping};
use super::report::csv::CsvWriter;
use super::report::xlsx::XlsxWriter;
use super::report::{error_row, finding_rows, html};
use super::{CaseReview, Reviewer, RowError};
use crate::validate::accept_pack;

/// Usage of the command.
pub const USAGE: &str = "  cailiang review CASES [--pack PACK.json] [--map MAP.json]
                 [--html 报告.html] [--csv 问题.csv] [--xlsx 问题.xlsx]
                                         案卷评查：逐件核对已决定的案件（JSON 行，每行一件；
                                         CSV、Excel 按 --map 的列名或本程序的导出列读取），
                                         输出问题与汇总；有“错误”级问题或无法评查的行时退出码为 1";

struct Args {
    cases: String,
    pack: Option<String>,
    map: Option<String>,
    html: Option<String>,
    csv: Option<String>,
    xlsx: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        cases: String::new(),
        pack: None,
        map: None,
        html: None,
        csv: None,
        xlsx: None,
    };
    let mut it = args.iter();
    while let Some(x) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} 后缺少文件名"))
        };
        match x.as_str() {
            "--pack" => a.pack = Some(value("--pack")?),
            "--map" => a.map = Some(value("--map")?),
            "--html" => a.html = Some(value("--html")?),
            "--csv" => a.csv = Some(value("--csv")?),
            "--xlsx" => a.xlsx = Some(value("--xlsx")?),
            other if other.starts_with("--") => return Err(format!("未知参数 {other}")),
            other if a.cases.is_empty() => a.cases = other.to_string(),
            other => return Err(format!("只能评查一个案件文件（多余的参数 {other}）")),
        }
    }
    if a.cases.is_empty() {
        return Err("缺少案件文件".into());
    }
    Ok(a)
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}：无法读取（{e}）"))
}

fn create(path: &str) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| format!("{path}：无法写入（{e}）"))
}

/// The files being written.
struct Outputs {
    csv: Option<(String, CsvWriter<BufWriter<File>>)>,
    xlsx: Option<(String, XlsxWriter)>,
    /// The HTML report's case sections, kept in a file beside it until the summary is known.
    html: Option<(String, PathBuf, BufWriter<File>)>,
}

impl Outputs {
    fn open(a: &Args) -> Result<Outputs, String> {
        let csv = match &a.csv {
            Some(p) => Some((
                p.clone(),
                CsvWriter::new(create(p)?).map_err(|e| format!("{p}：无法写入（{e}）"))?,
            )),
            None => None,
        };
        let xlsx = match &a.xlsx {
            Some(p) => Some((p.clone(), XlsxWriter::new().map_err(|e| e.to_string())?)),
            None => None,
        };
        let html = match &a.html {
            Some(p) => {
                let part = PathBuf::from(format!("{p}.part"));
                let w = create(&part.display().to_string())?;
                Some((p.clone(), part, w))
            }
            None => None,
        };
        Ok(Outputs { csv, xlsx, html })
    }

    fn rows(
        &mut self,
        rows: &[[String; 14]],
        section: impl FnOnce() -> String,
    ) -> Result<(), String> {
        if let Some((p, w)) = &mut self.csv {
            for r in rows {
                w.row(r).map_err(|e| format!("{p}：无法写入（{e}）"))?;
            }
        }
        if let Some((_, w)) = &mut self.xlsx {
            for r in rows {
                w.row(r).map_err(|e| e.to_string())?;
            }
        }
        if let Some((p, _, w)) = &mut self.html {
            w.write_all(section().as_bytes())
                .map_err(|e| format!("{p}：无法写入（{e}）"))?;
        }
        Ok(())
    }

    fn finish(
        self,
        input: &str,
        summary: &super::Summary,
        out: &mut dyn Write,
    ) -> Result<(), String> {
        if let Some((p, w)) = self.csv {
            w.finish().map_err(|e| format!("{p}：无法写入（{e}）"))?;
            let _ = writeln!(out, "已写入 {p}");
        }
        if let Some((p, w)) = self.xlsx {
            let bytes = w.finish(summary).map_err(|e| e.to_string())?;
            std::fs::write(&p, bytes).map_err(|e| format!("{p}：无法写入（{e}）"))?;
            let _ = writeln!(out, "已写入 {p}");
        }
        if let Some((p, part, w)) = self.html {
            drop(
                w.into_inner()
                    .map_err(|e| format!("{p}：无法写入（{e}）"))?,
            );
            let meta = html::Meta {
                input: Path::new(input)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| input.to_string()),
            };
            let mut w = create(&p)?;
            let mut sections =
                File::open(&part).map_err(|e| format!("{}：无法读取（{e}）", part.display()))?;
            let io = |e: std::io::Error| format!("{p}：无法写入（{e}）");
            w.write_all(html::head(&meta, summary).as_bytes())
                .map_err(io)?;
            std::io::copy(&mut sections, &mut w).map_err(io)?;
            w.write_all(html::foot().as_bytes()).map_err(io)?;
            w.flush().map_err(io)?;
            let _ = std::fs::remove_file(&part);
            let _ = writeln!(out, "已写入 {p}");
        }
        Ok(())
    }
}

fn print_case(out: &mut dyn Write, r: &CaseReview) {
    for f in &r.findings {
        let _ = writeln!(
            out,
            "{}{} {}{}：{} {}：{}",
            r.whereabouts(),
            r.reference
                .as_ref()
                .map(|x| format!("（{x}）"))
                .unwrap_or_default(),
            r.item,
            f.party
                .as_ref()
                .map(|p| format!("（{p}）"))
                .unwrap_or_default(),
            f.severity.label(),
            f.rule.id(),
            f.message
        );
    }
}

fn print_error(out: &mut dyn Write, e: &RowError) {
    let _ = writeln!(out, "{e}");
}

/// Reviews one entry: prints its findings and writes them to the files asked for.
fn emit(
    reviewer: &mut Reviewer<'_>,
    entry: Entry,
    out: &mut dyn Write,
    outputs: &mut Outputs,
) -> Result<(), String> {
    match reviewer.push(entry) {
        Ok(r) if r.findings.is_empty() => Ok(()),
        Ok(r) => {
            print_case(out, &r);
            outputs.rows(&finding_rows(&r), || html::case_section(&r))
        }
        Err(e) => {
            print_error(out, &e);
            outputs.rows(&[error_row(&e)], || html::error_section(&e))
        }
    }
}

/// Runs `review`; returns the exit code.
pub fn command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    // Findings are printed one line each: buffered, not a write per line.
    let mut out = std::io::BufWriter::new(out);
    let r = review(args, &mut out);
    let _ = out.flush();
    r
}

fn review(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let a = parse(args).map_err(|e| format!("{e}\n用法：\n{USAGE}"))?;
    let (file, text) = match &a.pack {
        Some(p) => (p.clone(), read(p)?),
        None => (
            crate::REFERENCE_PACK_FILE.to_string(),
            crate::REFERENCE_PACK.to_string(),
        ),
    };
    let (lp, _) = accept_pack(&file, &text)
        .map_err(|r| format!("{}\n{}", r.report.summary(), r.report.lines().join("\n")))?;
    let map = match &a.map {
        Some(p) => read_mapping(p, &read(p)?)?,
        None => ColumnMapping::default(),
    };
    // The table readers read the whole file (src/table); the review of its rows streams.
    let doc = if is_table_name(&a.cases) {
        let bytes = std::fs::read(&a.cases).map_err(|e| format!("{}：无法读取（{e}）", a.cases))?;
        Some(crate::table::read_file(&a.cases, &bytes).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let tables = match &doc {
        Some(d) => Some(CaseTables::of(d, &map).map_err(|e| format!("{}：{e}", a.cases))?),
        None => None,
    };
    let lines = match &tables {
        Some(_) => None,
        None => Some(File::open(&a.cases).map_err(|e| format!("{}：无法读取（{e}）", a.cases))?),
    };
    let mut outputs = Outputs::open(&a)?;
    let summary = if let (Some(doc), Some(tables)) = (&doc, &tables) {
        for note in &doc.notes {
            let _ = writeln!(out, "{}：{note}", a.cases);
        }
        for (name, e) in &tables.skipped {
            let _ = writeln!(out, "{}：“{name}”不是案件表，未评查（{e}）", a.cases);
        }
        for (i, cols) in &tables.tables {
            let Some(t) = doc.tables.get(*i) else {
                continue;
            };
            if !cols.ignored.is_empty() {
                let _ = writeln!(
                    out,
                    "{}：“{}”中以下列未使用：{}",
                    a.cases,
                    t.name,
                    cols.ignored.join("、")
                );
            }
        }
        let mut reviewer = Reviewer::stating(&lp, tables.stated());
        for entry in tables.entries(doc, &lp) {
            emit(&mut reviewer, entry, out, &mut outputs)?;
        }
        reviewer.finish()
    } else if let Some(f) = lines {
        let kind = sniff(Path::new(&a.cases));
        let mut reviewer = Reviewer::stating(&lp, kind.stated());
        for entry in JsonLines::new(&a.cases, kind, BufReader::with_capacity(1 << 16, f)) {
            emit(&mut reviewer, entry, out, &mut outputs)?;
        }
        reviewer.finish()
    } else {
        return Err(format!("{}：无法读取", a.cases));
    };
    if !summary.not_checked.is_empty() {
        let _ = writeln!(
            out,
            "未核对（文件未记录{}）：{}",
            summary
                .not_stated
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join("、"),
            summary
                .not_checked
                .iter()
                .map(|r| r.id())
                .collect::<Vec<_>>()
                .join("、")
        );
    }
    let _ = writeln!(out, "{}", summary.line());
    outputs.finish(&a.cases, &summary, out)?;
    Ok(if summary.has_errors() { 1 } else { 0 })
}
