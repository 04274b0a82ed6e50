//! The command-line tool: `cailiang validate PACK…`, `cailiang eval --pack PACK --case CASE`,
//! `cailiang migrate PACK [-o OUT]`, `cailiang document KIND --case CASE [--inputs INPUTS]
//! [--out FILE]`, `cailiang review CASES --pack PACK …` (src/review/run.rs), `cailiang import
//! TABLE -o PACK`, `cailiang export PACK -o TABLE`, `cailiang schema [DIR]`. Returns the exit
//! code and writes to the given streams, so it is tested without spawning processes.

use std::io::Write;

use crate::case::Case;
use crate::engine::evaluate;
use crate::validate::{accept_pack, validate_text};

const USAGE: &str = "用法：
  cailiang validate PACK.json…           校验裁量基准包（每个包输出一行汇总）
  cailiang eval --pack PACK.json --case CASE.json
                                         计算案件，结果 JSON 输出到标准输出
                                         （--pack 省略时使用内置全国参考包）
  cailiang migrate PACK.json [-o OUT.json]
                                         改写为当前格式（格式 2：档次写为列表），并重新校验
                                         （-o 省略时输出到标准输出，校验结果输出到标准错误）
  cailiang document KIND --case CASE.json [--pack PACK.json] [--inputs INPUTS.json] [--out FILE]
                                         制作文书：KIND 为 notice（行政处罚事先告知书）、
                                         decision（行政处罚决定书）或 no_penalty_decision
                                         （不予行政处罚决定书）；--out 以 .docx 结尾写 Word 文件，
                                         以 .html 结尾写打印页，否则写文本；省略时文本输出到标准输出
  cailiang review CASES …                案卷评查（见下）
  cailiang import TABLE.xlsx|.docx|.csv -o PACK.json [--sheet 名称] [--map 映射.json]
                 [--laws 法律文本目录] [--base 基准包.json]
                                         导入已发布的裁量基准表格，逐格输出导入报告；
                                         退出码 0 全部读懂，1 有待决定或未读懂之处（基准包
                                         照常写出，待定之处已标记），2 未写出（文件无法读取或参数有误）
  cailiang export PACK.json -o TABLE.xlsx|TABLE.csv [--gbk]
                                         把基准包导出为发布格式的表格（CSV 默认 UTF-8 带 BOM）
  cailiang schema [DIR]                  输出 JSON Schema（给出目录则写入文件）";

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}：无法读取（{e}）"))
}

/// Runs the tool; returns the process exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let r = match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..], out, err),
        Some("eval") => eval(&args[1..], out),
        Some("migrate") => migrate(&args[1..], out, err),
        Some("document") => document(&args[1..], out, err),
        Some("review") => crate::review::run::command(&args[1..], out),
        Some("schema") => schema(&args[1..], out),
        Some("import") => return import(&args[1..], out, err),
        Some("export") => export(&args[1..], out),
        Some("-h" | "--help" | "help") => {
            let _ = writeln!(out, "{USAGE}{}", crate::review::run::USAGE);
            Ok(0)
        }
        _ => Err(format!("{USAGE}{}", crate::review::run::USAGE)),
    };
    match r {
        Ok(code) => code,
        Err(msg) => {
            let _ = writeln!(err, "{msg}");
            1
        }
    }
}

fn validate(paths: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    if paths.is_empty() {
        return Err(USAGE.to_string());
    }
    let mut code = 0;
    for p in paths {
        let text = match read(p) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                code = 1;
                continue;
            }
        };
        let (_, report) = validate_text(p, &text);
        let _ = writeln!(out, "{}", report.summary());
        for line in report.lines() {
            let _ = writeln!(out, "{line}");
        }
        if !report.is_ok() {
            code = 1;
        }
    }
    Ok(code)
}

/// The pack given by `--pack` (the embedded reference pack without it), accepted by the
/// validator, and the case of `--case`, evaluated.
fn evaluated(
    pack_path: Option<&String>,
    case_path: &str,
) -> Result<
    (
        crate::pack::LoadedPack,
        Case,
        crate::engine::result::EvalResult,
    ),
    String,
> {
    let (file, text) = match pack_path {
        Some(p) => (p.clone(), read(p)?),
        None => (
            crate::REFERENCE_PACK_FILE.to_string(),
            crate::REFERENCE_PACK.to_string(),
        ),
    };
    let (lp, _) = accept_pack(&file, &text)
        .map_err(|r| format!("{}\n{}", r.report.summary(), r.report.lines().join("\n")))?;
    let case_text = read(case_path)?;
    let case: Case = crate::pack::json::parse(&case_text)
        .map_err(|e| format!("{case_path}：{} 处{}", e.path, e.message))?;
    let result = evaluate(&lp, &case).map_err(|e| format!("{case_path}：{e}"))?;
    Ok((lp, case, result))
}

fn eval(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let mut pack_path = None;
    let mut case_path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pack" => pack_path = it.next().cloned(),
            "--case" => case_path = it.next().cloned(),
            other => return Err(format!("未知参数 {other}\n{USAGE}")),
        }
    }
    let case_path = case_path.ok_or_else(|| format!("缺少 --case\n{USAGE}"))?;
    let (_, _, result) = evaluated(pack_path.as_ref(), &case_path)?;
    let json = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "{json}");
    Ok(0)
}

/// Rewrites a pack in format 2 and validates what it wrote; exit 1 when the result has errors.
fn migrate(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    let mut input = None;
    let mut output = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => {
                output = Some(
                    it.next()
                        .ok_or_else(|| format!("-o 后缺少文件名\n{USAGE}"))?,
                )
            }
            other if input.is_none() && !other.starts_with('-') => input = Some(other),
            other => return Err(format!("未知参数 {other}\n{USAGE}")),
        }
    }
    let input = input.ok_or_else(|| format!("缺少 PACK.json\n{USAGE}"))?;
    let text = read(input)?;
    let migrated = crate::pack::migrate::migrate(input, &text).map_err(|e| e.to_string())?;
    let name = output.map_or(input, String::as_str);
    let (_, report) = validate_text(name, &migrated.text);
    let done = if migrated.changes.is_empty() {
        format!(
            "{input}：已是格式 {}，内容未变",
            crate::pack::model::FORMAT_VERSION
        )
    } else {
        format!(
            "{input}：格式 {} → {}（{}）",
            migrated.from_version,
            crate::pack::model::FORMAT_VERSION,
            migrated.changes.join("；")
        )
    };
    // Without -o the pack goes to standard output, so everything else goes to standard error.
    let log: &mut dyn Write = match output {
        Some(path) => {
            std::fs::write(path, &migrated.text).map_err(|e| format!("{path}：无法写入（{e}）"))?;
            let _ = writeln!(out, "{done}；已写入 {path}");
            out
        }
        None => {
            let _ = write!(out, "{}", migrated.text);
            let _ = writeln!(err, "{done}");
            err
        }
    };
    let _ = writeln!(log, "{}", report.summary());
    for line in report.lines() {
        let _ = writeln!(log, "{line}");
    }
    Ok(if report.is_ok() { 0 } else { 1 })
}

fn document(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    use crate::documents::{DocumentInputs, DocumentKind, generate};
    let kind = args
        .first()
        .and_then(|k| DocumentKind::from_name(k))
        .ok_or_else(|| format!("缺少或未知的文书种类\n{USAGE}"))?;
    let (mut pack_path, mut case_path, mut inputs_path, mut out_path) = (None, None, None, None);
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pack" => pack_path = it.next().cloned(),
            "--case" => case_path = it.next().cloned(),
            "--inputs" => inputs_path = it.next().cloned(),
            "--out" => out_path = it.next().cloned(),
            other => return Err(format!("未知参数 {other}\n{USAGE}")),
        }
    }
    let case_path = case_path.ok_or_else(|| format!("缺少 --case\n{USAGE}"))?;
    let (lp, case, result) = evaluated(pack_path.as_ref(), &case_path)?;
    let inputs: DocumentInputs = match &inputs_path {
        Some(p) => crate::pack::json::parse(&read(p)?)
            .map_err(|e| format!("{p}：{} 处{}", e.path, e.message))?,
        None => DocumentInputs::default(),
    };
    let doc = generate(kind, &lp, &case, &result, &inputs).map_err(|e| e.to_string())?;
    for w in &doc.warnings {
        let _ = writeln!(err, "提示：{w}");
    }
    match out_path {
        Some(p) => {
            let bytes = if p.ends_with(".docx") {
                doc.docx().map_err(|e| e.to_string())?
            } else if p.ends_with(".html") {
                doc.html_page().into_bytes()
            } else {
                doc.plain_text().into_bytes()
            };
            std::fs::write(&p, bytes).map_err(|e| format!("{p}：无法写入（{e}）"))?;
            let _ = writeln!(out, "已写入 {p}");
        }
        None => {
            let _ = write!(out, "{}", doc.plain_text());
        }
    }
    Ok(0)
}

fn schema(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let all = crate::schema::all();
    match args.first() {
        Some(dir) => {
            for (name, text) in all {
                let path = std::path::Path::new(dir).join(name);
                std::fs::write(&path, text)
                    .map_err(|e| format!("{}：无法写入（{e}）", path.display()))?;
                let _ = writeln!(out, "已写入 {}", path.display());
            }
        }
        None => {
            for (name, text) in all {
                let _ = writeln!(out, "// {name}\n{text}");
            }
        }
    }
    Ok(0)
}

/// `cailiang import`: exit 0 when everything was read and the validator accepts the pack, 1
/// when the pack was written with parts marked 待定 (or the validator has errors), 2 when
/// nothing was written.
fn import(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match import_run(args, out) {
        Ok(code) => code,
        Err(msg) => {
            let _ = writeln!(err, "{msg}");
            let _ = writeln!(err, "未写出基准包");
            2
        }
    }
}

fn import_run(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    use crate::import::StatuteLibrary;
    use crate::import::pipeline::{ImportOptions, import_file, mapping_from_json};
    let (mut file, mut output, mut sheet, mut map, mut laws, mut base) =
        (None, None, None, None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} 后面缺少参数\n{USAGE}"))
        };
        match a.as_str() {
            "-o" | "--output" => output = Some(value(a)?),
            "--sheet" => sheet = Some(value(a)?),
            "--map" => map = Some(value(a)?),
            "--laws" => laws = Some(value(a)?),
            "--base" => base = Some(value(a)?),
            other if other.starts_with('-') => return Err(format!("未知参数 {other}\n{USAGE}")),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("多余的参数 {other}\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("缺少要导入的表格文件\n{USAGE}"))?;
    let output = output.ok_or_else(|| format!("缺少 -o（写出的基准包）\n{USAGE}"))?;
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}：无法读取（{e}）"))?;
    let mapping = match &map {
        Some(p) => Some(mapping_from_json(p, &read(p)?).map_err(|e| e.to_string())?),
        None => None,
    };
    let library = match &laws {
        Some(d) => Some(
            StatuteLibrary::from_dir(std::path::Path::new(d))
                .map_err(|e| format!("{d}：法律文本目录无法读取（{e}）"))?,
        ),
        None => None,
    };
    let base_pack = match &base {
        Some(p) => Some(
            crate::pack::load_pack(p, &read(p)?)
                .map_err(|e| e.to_string())?
                .pack,
        ),
        None => None,
    };
    let opts = ImportOptions {
        sheet,
        mapping,
        library: library.as_ref(),
        base: base_pack.as_ref(),
        ..ImportOptions::default()
    };
    let imported = import_file(&file, &bytes, &opts).map_err(|e| e.to_string())?;
    for line in imported.report.lines() {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", imported.report.summary());
    std::fs::write(&output, imported.pack_json())
        .map_err(|e| format!("{output}：无法写入（{e}）"))?;
    let decide = imported.report.needs_decision();
    let _ = writeln!(
        out,
        "已写入 {output}{}",
        if !imported.report.validation.is_ok() {
            "；有待决定或未读懂之处，已在基准包中标记“待定”，校验通过前不能使用"
        } else if decide {
            "；有待决定之处，请按上面的报告核对、补充后使用"
        } else {
            ""
        }
    );
    Ok(if decide { 1 } else { 0 })
}

/// `cailiang export`: the pack as a published table.
fn export(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    use crate::export::{CsvEncoding, to_csv, to_xlsx};
    let (mut pack, mut output, mut gbk) = (None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => {
                output = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| format!("-o 后面缺少参数\n{USAGE}"))?,
                )
            }
            "--gbk" => gbk = true,
            other if other.starts_with('-') => return Err(format!("未知参数 {other}\n{USAGE}")),
            other if pack.is_none() => pack = Some(other.to_string()),
            other => return Err(format!("多余的参数 {other}\n{USAGE}")),
        }
    }
    let pack = pack.ok_or_else(|| format!("缺少基准包\n{USAGE}"))?;
    let output = output.ok_or_else(|| format!("缺少 -o（写出的表格）\n{USAGE}"))?;
    let lp = crate::pack::load_pack(&pack, &read(&pack)?).map_err(|e| e.to_string())?;
    let lower = output.to_ascii_lowercase();
    let bytes = if lower.ends_with(".xlsx") {
        to_xlsx(&lp.pack)
    } else if lower.ends_with(".csv") {
        to_csv(
            &lp.pack,
            if gbk {
                CsvEncoding::Gbk
            } else {
                CsvEncoding::Utf8Bom
            },
        )
    } else {
        return Err(format!("{output}：只能导出为 .xlsx 或 .csv"));
    }
    .map_err(|e| format!("{output}：{e}"))?;
    std::fs::write(&output, bytes).map_err(|e| format!("{output}：无法写入（{e}）"))?;
    let _ = writeln!(out, "已写入 {output}：{} 个违法行为", lp.pack.items.len());
    Ok(0)
}
