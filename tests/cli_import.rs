//! `cailiang import` and `cailiang export`, run in-process (as tests/cli.rs runs the others).

use std::path::{Path, PathBuf};

#[path = "common/tables.rs"]
mod tables;

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cailiang::cli::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn root(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(p)
        .display()
        .to_string()
}

fn laws() -> String {
    std::env::var("CAILIANG_LAWS").unwrap_or_else(|_| root("../shared/laws"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cailiang-cli-import-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn export_then_import_exits_0_and_writes_the_same_items() {
    let d = dir("roundtrip");
    let pack = root("benchmarks/local-example-city.json");
    let xlsx = d.join("示例市.xlsx");
    let (code, out, err) = run(&["export", &pack, "-o", &s(&xlsx)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("已写入") && out.contains("6 个违法行为"),
        "{out}"
    );
    // The pack is both the mapping (its facts) and the base (its metadata and rules): an
    // exported table is the mapping's layout, so --map takes the pack's own mapping.
    let map = d.join("映射.json");
    let lp = cailiang::load_pack("p", &std::fs::read_to_string(&pack).unwrap()).unwrap();
    std::fs::write(
        &map,
        cailiang::import::pipeline::mapping_to_json(&cailiang::export::mapping_for(&lp.pack)),
    )
    .unwrap();
    let back = d.join("导入.json");
    let (code, out, err) = run(&[
        "import",
        &s(&xlsx),
        "--map",
        &s(&map),
        "--base",
        &pack,
        "-o",
        &s(&back),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("待决定 0 处，未读懂 0 处"), "{out}");
    let text = std::fs::read_to_string(&back).unwrap();
    // The one door accepts it, with the same items.
    let (lp2, report) = cailiang::validate::accept_pack("导入.json", &text).unwrap();
    assert!(report.is_ok());
    let codes: Vec<&str> = lp2.pack.items.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        codes,
        ["SL-01", "SL-02", "SL-03", "SL-04", "SL-05", "SL-06"]
    );
    assert!(lp2.pack.table_mapping.is_some());
    // And its mapping is accepted back as --map from the pack itself.
    let (code, _, err) = run(&[
        "import",
        &s(&xlsx),
        "--map",
        &s(&back),
        "--base",
        &pack,
        "-o",
        &s(&d.join("再导入.json")),
    ]);
    assert_eq!(code, 0, "{err}");
    // CSV exports, in GBK too.
    let csv = d.join("示例市.csv");
    let (code, _, _) = run(&["export", &pack, "-o", &s(&csv), "--gbk"]);
    assert_eq!(code, 0);
    let bytes = std::fs::read(&csv).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "GBK, not UTF-8");
    let (code, _, err) = run(&["export", &pack, "-o", &s(&d.join("x.pdf"))]);
    assert_eq!(code, 1);
    assert!(err.contains("只能导出为 .xlsx 或 .csv"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_published_table_needing_decisions_exits_1_with_its_places() {
    let d = dir("beijing");
    // legal-notes §5.2 row 1 as a CSV export of the 北京 table (merged cells saved blank).
    let csv = "序号,职权编号,职权名称,违法行为认定依据,违法行为处罚依据,基准编号,违法情形,裁量基准\n\
1,C1600200,對建設單位違反建筑節能標準的行為進行處罰,《中華人民共和國節約能源法》第三十五條第一款,《中華人民共和國節約能源法》第七十九條第一款,C1600200-1,發現違法行為,責令改正\n\
,,,,,C1600200T,\"違法行為輕微并及時糾正,沒有造成危害后果\",不予行政處罰\n\
,,,,,C1600200B010,違法情節較輕的,處二十萬以上三十萬元以下罰款\n\
,,,,,C1600200B020,違法情節一般的,處三十萬以上四十萬元以下罰款\n\
,,,,,C1600200B030,違法情節嚴重的,處四十萬以上五十萬元以下罰款\n";
    let table = d.join("北京.csv");
    std::fs::write(&table, csv).unwrap();
    let pack = d.join("北京.json");
    // Without statute texts: the quotes and the fine wait for the author.
    let (code, out, _) = run(&["import", &s(&table), "-o", &s(&pack)]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("第 2 行第 5 列：待决定：") && l.contains("条文原文待补")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("第 4 行第 8 列：已读取：“處二十萬以上三十萬元以下罰款” → ")),
        "{out}"
    );
    assert!(out.contains("$.items[0].preconditions[0].when"), "{out}");
    assert!(
        out.contains("已写入") && out.contains("已在基准包中标记“待定”"),
        "{out}"
    );
    // The pack is written, and the one door refuses it until the author decides.
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(cailiang::validate::accept_pack("北京.json", &text).is_err());
    // With the statute texts, only the metadata is left.
    let (code, out, _) = run(&["import", &s(&table), "--laws", &laws(), "-o", &s(&pack)]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("待决定 1 处，未读懂 0 处"), "{out}");
    assert!(out.contains("请在基准包的 meta 中填写"), "{out}");
    let text = std::fs::read_to_string(&pack).unwrap();
    let (lp, _) = cailiang::validate::accept_pack("北京.json", &text).unwrap();
    assert_eq!(lp.pack.items[0].tiers.len(), 3);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn bad_input_writes_nothing_and_exits_2() {
    let d = dir("bad");
    let out_pack = d.join("p.json");
    let pdf = d.join("基准.xlsx");
    std::fs::write(&pdf, b"%PDF-1.4 ...").unwrap();
    let (code, _, err) = run(&["import", &s(&pdf), "-o", &s(&out_pack)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("基准.xlsx：不是可以读取的表格文件") && err.contains("未写出"),
        "{err}"
    );
    assert!(!out_pack.exists());
    let (code, _, err) = run(&["import", &s(&pdf)]);
    assert_eq!(code, 2);
    assert!(err.contains("缺少 -o"), "{err}");
    let bad_map = d.join("m.json");
    std::fs::write(&bad_map, r#"{"columns": 3}"#).unwrap();
    let csv = d.join("t.csv");
    std::fs::write(&csv, "违法行为,裁量基准\n甲,处1万元罚款\n").unwrap();
    let (code, _, err) = run(&[
        "import",
        &s(&csv),
        "--map",
        &s(&bad_map),
        "-o",
        &s(&out_pack),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("m.json：映射文件 $.columns"), "{err}");
    let (code, _, err) = run(&[
        "import",
        &s(&csv),
        "--laws",
        "/nonexistent",
        "-o",
        &s(&out_pack),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent：法律文本目录无法读取"), "{err}");
    assert!(!out_pack.exists());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_published_workbook_imports_to_a_pack_that_validate_accepts() {
    let d = dir("workbook");
    let table = d.join("北京基准.xlsx");
    std::fs::write(&table, tables::beijing_workbook(1)).unwrap();
    let pack = d.join("北京.json");
    let (code, out, err) = run(&["import", &s(&table), "--laws", &laws(), "-o", &s(&pack)]);
    // Everything in the table is read; only the metadata a table does not carry is left.
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("待决定 1 处，未读懂 0 处"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with(
            "工作表“节约能源法”单元格 H5（第 5 行）：已读取：“處二十萬以上三十萬元以下罰款” → "
        )),
        "{out}"
    );
    // `cailiang validate` accepts what was written, with its one item and three tiers.
    let (code, vout, verr) = run(&["validate", &s(&pack)]);
    assert_eq!(code, 0, "{vout}{verr}");
    assert!(vout.lines().next().unwrap_or("").contains("有效"), "{vout}");
    let text = std::fs::read_to_string(&pack).unwrap();
    let (lp, _) = cailiang::validate::accept_pack("北京.json", &text).unwrap();
    assert_eq!(lp.pack.items.len(), 1);
    assert_eq!(lp.pack.items[0].code, "C1600200");
    assert_eq!(lp.pack.items[0].tiers.len(), 3);
    // And the officer's calculation runs on it: 较轻 is 20万–30万.
    let case = d.join("case.json");
    std::fs::write(
        &case,
        r#"{"items":["C1600200"],"party":"legal_person","tier":"C1600200B010",
            "dates":{"occurred":"2025-03-01","discovered":"2025-06-01","decided":"2025-07-01"}}"#,
    )
    .unwrap();
    let (code, eout, eerr) = run(&["eval", "--pack", &s(&pack), "--case", &s(&case)]);
    assert_eq!(code, 0, "{eout}{eerr}");
    let result: serde_json::Value = serde_json::from_str(&eout).unwrap();
    assert_eq!(result["recommended"]["min"], "200000", "{eout}");
    assert_eq!(result["recommended"]["max"], "300000", "{eout}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_damaged_table_names_the_sheet_and_cell_or_the_row_and_exits_2() {
    let d = dir("damaged");
    let out_pack = d.join("p.json");
    // A workbook with something far to the right of the table (past the 1,000 columns a
    // benchmark table could have): the sheet and the cell.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基准").unwrap();
    ws.write_string(0, 0, "违法行为").unwrap();
    ws.write_string(0, 1, "裁量基准").unwrap();
    ws.write_string(1, 0, "甲").unwrap();
    ws.write_string(1, 1, "处1万元罚款").unwrap();
    ws.write_string(2, 1200, "备注").unwrap();
    let xlsx = d.join("宽表.xlsx");
    std::fs::write(&xlsx, wb.save_to_buffer().unwrap()).unwrap();
    let (code, out, err) = run(&["import", &s(&xlsx), "-o", &s(&out_pack)]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("宽表.xlsx：工作表“基准”单元格 ATE3（第 3 行）超过导入上限 1000 列"),
        "{err}"
    );
    assert!(err.contains("未写出基准包"), "{err}");
    // A CSV whose quoted field never ends: the line it starts on.
    let csv = d.join("引号.csv");
    std::fs::write(
        &csv,
        "违法行为,裁量基准\n甲,处1万元罚款\n乙,\"处2万元罚款\n丙,处3万元罚款\n",
    )
    .unwrap();
    let (code, _, err) = run(&["import", &s(&csv), "-o", &s(&out_pack)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("引号.csv：第 3 行"), "{err}");
    assert!(err.contains("没有结束引号"), "{err}");
    // A CSV of 10,000 rows is a case export, not a benchmark: the row where it passes the limit.
    let mut big = String::from("违法行为,裁量基准\n");
    for r in 1..=10_000 {
        big.push_str(&format!("行{r},处1万元罚款\n"));
    }
    let csv = d.join("大表.csv");
    std::fs::write(&csv, big).unwrap();
    let (code, _, err) = run(&["import", &s(&csv), "-o", &s(&out_pack)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("大表.csv：") && err.contains("超过 5000 行（读到第 5001 行时停止）"),
        "{err}"
    );
    assert!(!out_pack.exists());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn every_pack_exported_and_imported_back_by_the_cli_is_the_same_pack() {
    // tests/export_roundtrip.rs compares each item of the first import with the original pack
    // (what a table carries of it); here the CLI's round trip is a fixed point: the imported
    // pack exports to a table that imports, with the mapping saved in that pack, to the very
    // same pack, and that pack to the very same table.
    let d = dir("fixpoint");
    let packs: Vec<String> = {
        let mut v: Vec<String> = std::fs::read_dir(root("benchmarks"))
            .unwrap()
            .flatten()
            .map(|e| e.path().display().to_string())
            .filter(|p| p.ends_with(".json"))
            .collect();
        v.sort();
        v
    };
    assert!(packs.len() >= 2, "{packs:?}");
    let codes = |path: &Path| -> Vec<String> {
        let lp = cailiang::load_pack("p", &std::fs::read_to_string(path).unwrap()).unwrap();
        lp.pack.items.iter().map(|i| i.code.clone()).collect()
    };
    for (n, pack) in packs.iter().enumerate() {
        let lp = cailiang::load_pack("p", &std::fs::read_to_string(pack).unwrap()).unwrap();
        let map = d.join(format!("{n}-映射.json"));
        std::fs::write(
            &map,
            cailiang::import::pipeline::mapping_to_json(&cailiang::export::mapping_for(&lp.pack)),
        )
        .unwrap();
        for ext in ["xlsx", "csv"] {
            let at = |what: &str| s(&d.join(format!("{n}-{what}.{ext}")));
            let (t0, p1, t1, p2, t2) = (
                at("表0"),
                at("包1") + ".json",
                at("表1"),
                at("包2") + ".json",
                at("表2"),
            );
            let import = |table: &str, map: &str, out: &str| {
                let (code, o, e) = run(&["import", table, "--map", map, "--base", pack, "-o", out]);
                assert_eq!(code, 0, "{pack} .{ext}: {o}{e}");
                assert!(o.contains("待决定 0 处，未读懂 0 处"), "{o}");
            };
            let export = |from: &str, to: &str| {
                let (code, o, e) = run(&["export", from, "-o", to]);
                assert_eq!(code, 0, "{pack} .{ext}: {o}{e}");
            };
            export(pack, &t0);
            import(&t0, &s(&map), &p1);
            let (code, vout, _) = run(&["validate", &p1]);
            assert_eq!(code, 0, "{pack} .{ext}: {vout}");
            assert_eq!(
                codes(Path::new(&p1)),
                codes(Path::new(pack)),
                "{pack} .{ext}"
            );
            export(&p1, &t1);
            import(&t1, &p1, &p2);
            assert!(
                std::fs::read_to_string(&p1).unwrap() == std::fs::read_to_string(&p2).unwrap(),
                "{pack} .{ext}: the second import differs from the first"
            );
            export(&p2, &t2);
            assert!(
                std::fs::read(&t1).unwrap() == std::fs::read(&t2).unwrap(),
                "{pack} .{ext}: the same pack exports differently"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}
