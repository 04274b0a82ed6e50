//! Speed of the table readers, the clause parser and the import (reported in the README, not
//! timed in tests): a 10,000-row workbook, the same rows as CSV in UTF-8 and GBK, the clause
//! parser over every quoted penalty provision of the reference pack, the import of a 2,000-row
//! table in the 北京 layout (with the statute texts too when ../shared/laws or $CAILIANG_LAWS
//! is there), and the reference pack exported and imported back.

use criterion::{Criterion, criterion_group, criterion_main};

fn rows() -> Vec<[String; 3]> {
    (1..=10_000)
        .map(|r| {
            [
                r.to_string(),
                format!("擅自销售商品房{r}平方米以下的"),
                "处5万元以上10万元以下的罚款".to_string(),
            ]
        })
        .collect()
}

fn workbook(rows: &[[String; 3]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["序号", "违法情形", "裁量基准"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, t).expect("cell");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

fn benches(c: &mut Criterion) {
    let rows = rows();
    let xlsx = workbook(&rows);
    let mut csv = String::from("序号,违法情形,裁量基准\n");
    for r in &rows {
        csv.push_str(&r.join(","));
        csv.push('\n');
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let mut g = c.benchmark_group("read");
    g.sample_size(10);
    g.bench_function("xlsx, 10,000 rows × 3 columns", |b| {
        b.iter(|| cailiang::table::read_file("t.xlsx", std::hint::black_box(&xlsx)).expect("reads"))
    });
    g.bench_function("csv UTF-8, 10,000 rows", |b| {
        b.iter(|| {
            cailiang::table::read_file("t.csv", std::hint::black_box(csv.as_bytes()))
                .expect("reads")
        })
    });
    g.bench_function("csv GBK, 10,000 rows", |b| {
        b.iter(|| cailiang::table::read_file("t.csv", std::hint::black_box(&gbk)).expect("reads"))
    });
    g.finish();
    let lp = cailiang::load_pack("ref", cailiang::REFERENCE_PACK).expect("loads");
    let quotes: Vec<String> = lp
        .pack
        .items
        .iter()
        .filter_map(|i| i.penalty_basis.quote.as_deref().map(String::from))
        .collect();
    c.bench_function(
        "parse_clause over the reference pack's 121 penalty quotes",
        |b| {
            b.iter(|| {
                for q in &quotes {
                    std::hint::black_box(cailiang::import::parse_clause(q));
                }
            })
        },
    );
}

/// The 2,000-row table: 400 items of the 北京 layout, five rows each.
#[path = "../tests/common/tables.rs"]
mod tables;

fn import_benches(c: &mut Criterion) {
    use cailiang::import::pipeline::{ImportOptions, import_file};
    let dir = std::env::var("CAILIANG_LAWS")
        .unwrap_or_else(|_| format!("{}/../shared/laws", env!("CARGO_MANIFEST_DIR")));
    let lib = cailiang::import::StatuteLibrary::from_dir(std::path::Path::new(&dir)).ok();
    let table = tables::beijing_workbook(400);
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    let none = ImportOptions::default();
    let imp = import_file("b.xlsx", &table, &none).expect("imports");
    assert_eq!(imp.pack.items.len(), 400);
    g.bench_function(
        "北京 layout, 2,000 rows (400 items), no statute texts",
        |b| b.iter(|| import_file("b.xlsx", std::hint::black_box(&table), &none).expect("imports")),
    );
    if let Some(lib) = &lib {
        let opts = ImportOptions {
            library: Some(lib),
            ..ImportOptions::default()
        };
        g.bench_function(
            "北京 layout, 2,000 rows (400 items), with the statute texts",
            |b| {
                b.iter(|| {
                    import_file("b.xlsx", std::hint::black_box(&table), &opts).expect("imports")
                })
            },
        );
    }
    g.bench_function("read the 2,000-row workbook (no import)", |b| {
        b.iter(|| {
            cailiang::table::read_file_with(
                "b.xlsx",
                std::hint::black_box(&table),
                &cailiang::import::pipeline::import_limits(),
            )
            .expect("reads")
        })
    });
    // What the 基准导入 page does when the file is chosen: read, import, the one door's
    // check, and the report's lines and items it shows (import::session).
    let page = cailiang::import::session::ImportSession::default();
    g.bench_function("page: choose the 2,000-row file (session)", |b| {
        b.iter(|| {
            page.reduce(cailiang::import::session::ImportAction::File {
                name: "b.xlsx".into(),
                bytes: table.clone(),
            })
        })
    });
    let lp = cailiang::load_pack("ref", cailiang::REFERENCE_PACK).expect("loads");
    g.bench_function("export the reference pack to .xlsx", |b| {
        b.iter(|| cailiang::export::to_xlsx(std::hint::black_box(&lp.pack)).expect("exports"))
    });
    let xlsx = cailiang::export::to_xlsx(&lp.pack).expect("exports");
    let back = ImportOptions {
        mapping: Some(cailiang::export::mapping_for(&lp.pack)),
        base: Some(&lp.pack),
        ..ImportOptions::default()
    };
    g.bench_function("import the reference pack's export back", |b| {
        b.iter(|| import_file("r.xlsx", std::hint::black_box(&xlsx), &back).expect("imports"))
    });
    g.finish();
}

criterion_group!(group, benches, import_benches);
criterion_main!(group);
