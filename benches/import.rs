//! Speed of the table readers and the clause parser (reported in the README, not timed in
//! tests): a 10,000-row workbook, the same rows as CSV in UTF-8 and GBK, and the clause parser
//! over every quoted penalty provision of the reference pack.

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

criterion_group!(group, benches);
criterion_main!(group);
