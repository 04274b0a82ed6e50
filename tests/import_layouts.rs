//! Importing the published layouts (shared/legal-notes.md §5.1) from files the tests write —
//! .xlsx with rust_xlsxwriter, .docx assembled from its XML, CSV in UTF-8 and GBK — with the
//! rows legal-notes §5.2 copies: 北京 C1600200 (节约能源法 79), 新密 擅自预售, 北京住房公积金
//! A / B / C, 甘肃's truncated row. Cells that the notes do not give (a name, a citation, a
//! condition) are constructed and marked so; constructed rows are labelled constructed.
//!
//! Each test asserts the pack that comes out and the places the report names.

use std::io::Write;

use cailiang::import::StatuteLibrary;
use cailiang::import::pipeline::{
    ImportOptions, Imported, MappingSource, RowKind, Status, UNDECIDED, import_file,
    mapping_from_json,
};
use cailiang::num::Dec;
use cailiang::pack::model::{
    ColumnRole, Condition, FineForm, Op, Parties, PenaltyKind, PublishedLayout, TierOutcome,
};
use cailiang::table::TableError;
use rust_xlsxwriter::{Format, Workbook};
use zip::write::SimpleFileOptions;

fn laws() -> StatuteLibrary {
    let dir = std::env::var("CAILIANG_LAWS")
        .unwrap_or_else(|_| format!("{}/../shared/laws", env!("CARGO_MANIFEST_DIR")));
    StatuteLibrary::from_dir(std::path::Path::new(&dir)).unwrap_or_else(|e| {
        panic!("法律文本目录 {dir} 不可读（{e}）。需要 ../shared/laws，或用环境变量 CAILIANG_LAWS 指定目录。")
    })
}

fn d(s: &str) -> Dec {
    s.parse().unwrap()
}

fn range(min: &str, max: &str) -> TierOutcome {
    TierOutcome::Range {
        min: Some(d(min)),
        min_inclusive: None,
        max: d(max),
        max_inclusive: None,
    }
}

fn flag(fact: &str) -> Condition {
    Condition::Flag {
        fact: fact.into(),
        is: true,
    }
}

/// The findings of the cell at `place` (as the report prints it), as "status：message".
fn at(imp: &Imported, place: &str) -> Vec<String> {
    imp.report
        .tables
        .iter()
        .flat_map(|t| &t.cells)
        .filter(|c| c.place.to_string() == place)
        .flat_map(|c| {
            c.findings.iter().map(|f| {
                format!(
                    "{}：{}{}",
                    f.status.label(),
                    f.fragment
                        .as_ref()
                        .map(|w| format!("“{}” ", w.text))
                        .unwrap_or_default(),
                    f.message
                )
            })
        })
        .collect()
}

fn has(imp: &Imported, place: &str, needle: &str) -> bool {
    let f = at(imp, place);
    assert!(
        f.iter().any(|x| x.contains(needle)),
        "{place}: no finding with “{needle}” in {f:#?}"
    );
    true
}

fn problems(imp: &Imported) -> Vec<String> {
    imp.report
        .all_findings()
        .filter(|(_, f)| f.status >= Status::NeedsDecision)
        .map(|(p, f)| format!("{p}：{}", f.message))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 北京 (legal-notes §5.2 row 1), in the traditional characters it was found in.

const BEIJING_HEADER: [&str; 8] = [
    "序号",
    "职权编号",
    "职权名称",
    "违法行为认定依据",
    "违法行为处罚依据",
    "基准编号",
    "违法情形",
    "裁量基准",
];
const BEIJING_COMMON: [&str; 4] = [
    "C1600200",
    "對建設單位違反建筑節能標準的行為進行處罰",
    "《中華人民共和國節約能源法》第三十五條第一款",
    "《中華人民共和國節約能源法》第七十九條第一款",
];
const BEIJING_ROWS: [[&str; 3]; 5] = [
    ["C1600200-1", "發現違法行為", "責令改正"],
    [
        "C1600200T",
        "違法行為輕微并及時糾正,沒有造成危害后果",
        "不予行政處罰",
    ],
    [
        "C1600200B010",
        "違法情節較輕的",
        "處二十萬以上三十萬元以下罰款",
    ],
    [
        "C1600200B020",
        "違法情節一般的",
        "處三十萬以上四十萬元以下罰款",
    ],
    [
        "C1600200B030",
        "違法情節嚴重的",
        "處四十萬以上五十萬元以下罰款",
    ],
];

/// The 北京 rows on a sheet: a title, the header, the item's columns merged down its five rows.
fn beijing_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("节约能源法").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        7,
        "北京市住房和城乡建设系统行政处罚裁量基准",
        &plain,
    )
    .unwrap();
    for (c, h) in BEIJING_HEADER.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.merge_range(2, 0, 6, 0, "", &plain).unwrap();
    ws.write_number(2, 0, 1.0).unwrap();
    for (i, t) in BEIJING_COMMON.iter().enumerate() {
        ws.merge_range(2, (i + 1) as u16, 6, (i + 1) as u16, t, &plain)
            .unwrap();
    }
    for (r, row) in BEIJING_ROWS.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            ws.write_string((r + 2) as u32, (c + 5) as u16, *t).unwrap();
        }
    }
    // The header again, as on a second printed page.
    for (c, h) in BEIJING_HEADER.iter().enumerate() {
        ws.write_string(7, c as u16, *h).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn beijing_c_codes_with_the_statute_texts() {
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("北京基准.xlsx", &beijing_xlsx(), &opts).unwrap();
    let t = &imp.report.tables[0];
    assert_eq!(t.layout, Some(PublishedLayout::Beijing));
    assert_eq!(t.mapping_source, MappingSource::Recognised);
    // Nothing dropped: the title, the header and its copy are listed.
    let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [RowKind::Preamble, RowKind::Header, RowKind::RepeatedHeader]
    );
    assert_eq!(t.rows[2].place.to_string(), "工作表“节约能源法”第 8 行");
    assert_eq!(
        imp.pack.meta.title,
        "北京市住房和城乡建设系统行政处罚裁量基准"
    );

    assert_eq!(imp.pack.items.len(), 1);
    let item = &imp.pack.items[0];
    assert_eq!(item.code, "C1600200");
    assert_eq!(item.name, "對建設單位違反建筑節能標準的行為進行處罰");
    let v = &item.violates[0];
    assert_eq!(
        (v.law.as_ref(), v.article, v.paragraph),
        ("中华人民共和国节约能源法", 35, Some(1))
    );
    assert_eq!(
        v.quote.as_deref(),
        Some("建筑工程的建设、设计、施工和监理单位应当遵守建筑节能标准。")
    );
    assert_eq!(item.penalty_basis.article, 79);
    assert_eq!(
        item.penalty_basis.quote.as_deref(),
        Some(
            "建设单位违反建筑节能标准的，由建设主管部门责令改正，处二十万元以上五十万元以下罚款。"
        )
    );
    assert_eq!(item.fines.len(), 1);
    assert_eq!(
        item.fines[0].form,
        FineForm::Range {
            min: d("200000"),
            max: d("500000")
        }
    );
    assert!(item.fines[0].mandatory);
    let kinds: Vec<PenaltyKind> = item.penalties.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [PenaltyKind::OrderCorrection]);
    // "T": the 免罚 row, its words the circumstances of 行政处罚法 art 33 (及时纠正 as the 1996
    // law words 及时改正).
    assert_eq!(item.exemptions.len(), 1);
    let e = &item.exemptions[0];
    assert_eq!(e.code, "C1600200T");
    assert!(e.mandatory);
    assert_eq!(
        e.when,
        Condition::All {
            all: vec![flag("minor"), flag("corrected"), flag("no_harm")]
        }
    );
    // The three tiers, in the statute's 元.
    let tiers: Vec<(&str, &str, &TierOutcome)> = item
        .tiers
        .iter()
        .map(|t| (t.code.as_str(), t.label.as_str(), &t.outcome))
        .collect();
    assert_eq!(
        tiers,
        [
            ("C1600200B010", "较轻", &range("200000", "300000")),
            ("C1600200B020", "一般", &range("300000", "400000")),
            ("C1600200B030", "严重", &range("400000", "500000")),
        ]
    );
    assert!(item.tiers.iter().all(|t| t.when.is_none()));
    assert_eq!(item.tiers[0].description, "違法情節較輕的");

    // The report: each cell at its place, the original words beside what was made of them.
    has(
        &imp,
        "工作表“节约能源法”单元格 H5（第 5 行）",
        "“處二十萬以上三十萬元以下罰款” 阶次罚款 200,000元至300,000元，在法定幅度内",
    );
    has(&imp, "工作表“节约能源法”单元格 F3（第 3 行）", "后缀“-1”");
    has(
        &imp,
        "工作表“节约能源法”单元格 G4（第 4 行）",
        "“及時糾正” 是非事实 corrected",
    );
    has(
        &imp,
        "工作表“节约能源法”单元格 E3（第 3 行）",
        "原文取自法律文本",
    );
    has(
        &imp,
        "工作表“节约能源法”单元格 E7（第 7 行）",
        "合并单元格，内容已在 工作表“节约能源法”单元格 E3（第 3 行） 读取",
    );
    has(&imp, "工作表“节约能源法”单元格 A3（第 3 行）", "序号");
    // Only the pack's metadata is left to the author; the validator accepts the pack.
    assert_eq!(problems(&imp).len(), 1, "{:#?}", problems(&imp));
    assert!(problems(&imp)[0].contains("制定机关"));
    assert_eq!(imp.report.counts.not_understood, 0);
    assert!(imp.report.validation.is_ok(), "{:?}", imp.report.validation);
    // The pack carries the mapping it was read with.
    let m = imp.pack.table_mapping.as_ref().unwrap();
    assert_eq!(m.layout, Some(PublishedLayout::Beijing));
    assert_eq!(m.columns.len(), 8);
    assert_eq!(m.columns[5].role, ColumnRole::TierCode);
}

#[test]
fn beijing_without_statute_texts_leaves_the_quotes_and_the_fine_to_the_author() {
    let imp = import_file("北京基准.xlsx", &beijing_xlsx(), &ImportOptions::default()).unwrap();
    let item = &imp.pack.items[0];
    assert!(item.penalty_basis.quote.is_none());
    assert!(item.fines.is_empty());
    // Tiers are still read; the statute's range is what cannot be known.
    assert_eq!(item.tiers[0].outcome, range("200000", "300000"));
    has(
        &imp,
        "工作表“节约能源法”单元格 E3（第 3 行）",
        "待决定：“《中華人民共和國節約能源法》第七十九條第一款” 《中华人民共和国节约能源法》第七十九条第一款：条文原文待补",
    );
    has(
        &imp,
        "工作表“节约能源法”单元格 E3（第 3 行）",
        "无法读出法定罚款",
    );
    // The undecided fine is marked, and the validator refuses the pack at that place.
    let pre = &item.preconditions[0];
    assert!(pre.label.starts_with("【待定】"), "{}", pre.label);
    assert_eq!(pre.when, flag(UNDECIDED));
    assert!(
        imp.report
            .validation
            .errors
            .iter()
            .any(|f| f.path == "$.items[0].preconditions[0].when" && f.message.contains(UNDECIDED)),
        "{:?}",
        imp.report.validation.errors
    );
    assert!(imp.report.needs_decision());
}

// ---------------------------------------------------------------------------------------------
// 新密 (legal-notes §5.2 row 4): 郑州 layout, every tier in one cell.

const XINMI_TIERS: &str = "1.轻微违法行为的表现情形:向买受人收取预付款或认购款、定金、排号费、发放VIP卡等其他形式的预付款,发现后能立即改正,没有造成社会危害后果的。处罚标准:没收违法所得。2.一般违法行为的表现情形:……发现后未立即改正;或造成一定危害后果的。处罚标准:责令停止违法行为,没收违法所得,处已收取的预付款0.5%以下的罚款。3.严重违法行为的表现情形:拒不改正造成恶劣影响或严重后果的。处罚标准:责令停止违法行为,没收违法所得,处已收取的预付款的0.5%以上1%以下的罚款。";

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        for (name, text) in parts {
            z.start_file(*name, SimpleFileOptions::default()).unwrap();
            z.write_all(text.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

fn tc(text: &str, props: &str) -> String {
    let paras: String = text
        .split('\n')
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    format!("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>{props}</w:tcPr>{paras}</w:tc>")
}

fn docx(title: &str, rows: &[String], cols: usize) -> Vec<u8> {
    let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
    let grid = "<w:gridCol/>".repeat(cols);
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>{title}</w:t></w:r></w:p>
<w:tbl><w:tblGrid>{grid}</w:tblGrid>{table}</w:tbl>
<w:p/></w:body></w:document>"#
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", &document),
    ])
}

/// The 新密 row as legal-notes copies it. 事项名称 and 执法依据 are constructed: the name as
/// the notes title the row, the citation as 新密 numbers it (第三十九条, legal-notes §4.8).
fn xinmi_docx(article: &str) -> Vec<u8> {
    docx(
        "新密市住房和城乡建设局行政处罚自由裁量基准",
        &[
            format!(
                "{}{}{}",
                tc("事项名称", ""),
                tc("执法依据", ""),
                tc("行政处罚自由裁量基准", "")
            ),
            format!(
                "{}{}{}",
                tc("擅自预售商品房", ""),
                tc(&format!("《城市房地产开发经营管理条例》{article}"), ""),
                tc(XINMI_TIERS, "")
            ),
        ],
        3,
    )
}

#[test]
fn xinmi_three_tiers_in_one_cell_against_the_article_it_cites() {
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    // 新密 cites 第三十九条; in the statute text that article is about land, not 预售.
    let imp = import_file("新密.docx", &xinmi_docx("第三十九条"), &opts).unwrap();
    assert_eq!(
        imp.report.tables[0].layout,
        Some(PublishedLayout::Zhengzhou)
    );
    let item = &imp.pack.items[0];
    assert_eq!(item.name, "擅自预售商品房");
    assert_eq!(item.penalty_basis.article, 39);
    assert!(item.fines.is_empty());
    let labels: Vec<&str> = item.tiers.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["轻微", "一般", "严重"]);
    has(
        &imp,
        "第 1 个表格第 2 行第 2 列",
        "第三十九条 的原文中没有罚款，但裁量阶次写了罚款",
    );
    assert!(item.preconditions.iter().any(|p| p.when == flag(UNDECIDED)));

    // Cited as the statute text numbers it (第三十六条, constructed), the row reads whole.
    let imp = import_file("新密.docx", &xinmi_docx("第三十六条"), &opts).unwrap();
    let item = &imp.pack.items[0];
    assert_eq!(
        item.fines[0].form,
        FineForm::Percent {
            base: "prepayment".into(),
            min: None,
            max: d("1")
        }
    );
    assert!(!item.fines[0].mandatory, "可以并处");
    assert_eq!(item.facts[0].id, "prepayment");
    assert_eq!(item.facts[0].label, "已收取的预付款");
    let kinds: Vec<PenaltyKind> = item.penalties.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [PenaltyKind::OrderStop, PenaltyKind::ConfiscateIllegalGains]
    );
    let outcomes: Vec<&TierOutcome> = item.tiers.iter().map(|t| &t.outcome).collect();
    assert_eq!(
        outcomes,
        [
            &TierOutcome::NoFine,
            &TierOutcome::Range {
                min: None,
                min_inclusive: None,
                max: d("0.5"),
                max_inclusive: None
            },
            &range("0.5", "1"),
        ]
    );
    // The elision "……" of the notes stays in the description; 或 between qualitative
    // circumstances leaves the choice to the officer.
    assert_eq!(
        item.tiers[1].description,
        "……发现后未立即改正;或造成一定危害后果的"
    );
    assert!(item.tiers.iter().all(|t| t.when.is_none()));
    // Findings point into the one cell, each at its words.
    let cell = "第 1 个表格第 2 行第 3 列";
    has(
        &imp,
        cell,
        "“处已收取的预付款0.5%以下的罚款” 阶次罚款 至0.5%，在法定幅度内",
    );
    has(&imp, cell, "“没收违法所得” 没收违法所得（法定处罚已有）");
    let report_cell = imp.report.tables[0]
        .cells
        .iter()
        .find(|c| c.place.to_string() == cell)
        .unwrap();
    for f in &report_cell.findings {
        if let Some(w) = &f.fragment {
            assert_eq!(&report_cell.text[w.start..w.end], w.text, "{f:?}");
        }
    }
    assert_eq!(problems(&imp).len(), 1, "{:#?}", problems(&imp));
}

/// The layout the table readers' fixture uses: 表现情形 and 处罚标准 in two columns under one
/// header (a gridSpan), the item's cells merged down (vMerge). Rows constructed from row 4.
#[test]
fn xinmi_situation_and_standard_in_two_columns_under_one_header() {
    let restart = r#"<w:vMerge w:val="restart"/>"#;
    let cont = "<w:vMerge/>";
    let rows = [
        format!(
            "{}{}{}",
            tc("事项名称", ""),
            tc("执法依据", ""),
            tc("行政处罚自由裁量基准", r#"<w:gridSpan w:val="2"/>"#)
        ),
        format!(
            "{}{}{}{}",
            tc("擅自预售商品房", restart),
            tc("《城市房地产开发经营管理条例》第三十六条", restart),
            tc(
                "轻微违法行为的表现情形:发现后能立即改正,没有造成社会危害后果的。",
                ""
            ),
            tc("没收违法所得。", "")
        ),
        format!(
            "{}{}{}{}",
            tc("", cont),
            tc("", cont),
            tc(
                "严重违法行为的表现情形:拒不改正造成恶劣影响或严重后果的。",
                ""
            ),
            tc(
                "责令停止违法行为,没收违法所得,处已收取的预付款的0.5%以上1%以下的罚款。",
                ""
            )
        ),
    ];
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("新密二.docx", &docx("新密", &rows, 4), &opts).unwrap();
    let item = &imp.pack.items[0];
    let tiers: Vec<(&str, &str, &TierOutcome)> = item
        .tiers
        .iter()
        .map(|t| (t.label.as_str(), t.description.as_str(), &t.outcome))
        .collect();
    assert_eq!(
        tiers,
        [
            (
                "轻微",
                "发现后能立即改正,没有造成社会危害后果的",
                &TierOutcome::NoFine
            ),
            (
                "严重",
                "拒不改正造成恶劣影响或严重后果的",
                &range("0.5", "1")
            ),
        ]
    );
    has(
        &imp,
        "第 1 个表格第 3 行第 2 列",
        "合并单元格，内容已在 第 1 个表格第 2 行第 2 列 读取",
    );
}

// ---------------------------------------------------------------------------------------------
// 北京住房公积金 A / B / C (legal-notes §5.2 row 7) in the 浙江 2023 layout, as GBK CSV.

/// Rows: the A / B / C standards and the 不予处罚 wording of row 7; codes, names, the citation
/// and the conditions are constructed. Then constructed rows: full-width digits, Chinese
/// numerals, a quantity in the condition, and a standard the parser cannot read.
fn gjj_csv() -> String {
    [
        "住房公积金行政处罚裁量基准（测试用，按北京住房公积金裁量基准的三档写法构造）",
        "序号,事项代码,事项名称,法律法规依据,裁量阶次,适用条件,具体标准,裁量基准来源,备注",
        "1,GJJ-37,单位不办理住房公积金缴存登记或者不为本单位职工办理住房公积金账户设立手续，逾期不办理,《住房公积金管理条例》第三十七条,A,违法情节较轻,处1万元罚款,构造行,",
        ",,,,B,违法情节一般,处1万元以上3万元以下罚款,构造行,",
        ",,,,C,违法情节严重,处3万元以上5万元以下罚款,构造行,",
        ",,,,不予处罚,违法行为轻微并主动改正，没有造成危害后果的,不予行政处罚,构造行,",
        "2,GJJ-37-X,构造行：全角数字、中文数字与数量条件,《住房公积金管理条例》第三十七条,A,涉及职工１０人以下,处１万元罚款,构造行,",
        ",,,,B,涉及职工超过10人不满50人,处一万元以上三万元以下罚款,构造行,",
        ",,,,C,涉及职工50人以上,处3万元至5万元罚款,构造行,",
    ]
    .join("\r\n")
}

#[test]
fn gjj_abc_tiers_from_gbk_csv() {
    let text = gjj_csv();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("公积金.csv", &gbk, &opts).unwrap();
    assert_eq!(imp.report.encoding.as_deref(), Some("GBK/GB18030"));
    assert_eq!(
        imp.report.tables[0].layout,
        Some(PublishedLayout::Zhejiang2023)
    );
    assert_eq!(imp.pack.items.len(), 2);
    let a = &imp.pack.items[0];
    assert_eq!(a.code, "GJJ-37");
    assert_eq!(
        a.fines[0].form,
        FineForm::Range {
            min: d("10000"),
            max: d("50000")
        }
    );
    // "逾期不办理的，处…": a precondition on a fact of its own.
    assert_eq!(a.preconditions[0].label, "逾期不办理");
    assert_eq!(a.preconditions[0].when, flag("overdue_uncorrected"));
    let t: Vec<(&str, &TierOutcome)> = a
        .tiers
        .iter()
        .map(|t| (t.label.as_str(), &t.outcome))
        .collect();
    assert_eq!(
        t,
        [
            ("A", &TierOutcome::Fixed { value: d("10000") }),
            ("B", &range("10000", "30000")),
            ("C", &range("30000", "50000")),
        ]
    );
    assert_eq!(a.tiers[0].description, "违法情节较轻");
    assert_eq!(
        a.tiers[0].basis.source.as_ref().map(|s| s.title.as_str()),
        Some("构造行")
    );
    let e = &a.exemptions[0];
    assert_eq!(
        e.when,
        Condition::All {
            all: vec![flag("minor"), flag("corrected"), flag("no_harm")]
        }
    );
    has(&imp, "第 6 行第 5 列", "免罚情形 T");

    // Full-width digits, Chinese numerals and a quantity; the 至 range is not read.
    let x = &imp.pack.items[1];
    assert_eq!(x.tiers[0].outcome, TierOutcome::Fixed { value: d("10000") });
    assert_eq!(x.tiers[1].outcome, range("10000", "30000"));
    let people = x.facts.iter().find(|f| f.label == "涉及职工").unwrap();
    assert_eq!(
        x.tiers[0].when,
        Some(Condition::Compare {
            fact: people.id.clone(),
            op: Op::Below,
            value: d("10")
        })
    );
    assert_eq!(
        x.tiers[1].when,
        Some(Condition::All {
            all: vec![
                Condition::Compare {
                    fact: people.id.clone(),
                    op: Op::Gt,
                    value: d("10")
                },
                Condition::Compare {
                    fact: people.id.clone(),
                    op: Op::Lt,
                    value: d("50")
                }
            ]
        })
    );
    has(
        &imp,
        "第 9 行第 7 列",
        "未读懂：“处3万元至5万元罚款” 用“至”“-”等连接的幅度没有说明是否含本数",
    );
    // Nothing guessed: the tier is marked 待定 and the validator refuses it there.
    assert_eq!(
        x.tiers[2].when,
        Some(Condition::All {
            all: vec![
                Condition::Compare {
                    fact: people.id.clone(),
                    op: Op::Above,
                    value: d("50")
                },
                flag(UNDECIDED)
            ]
        })
    );
    assert_eq!(people.id, "fact_1");
    assert!(
        imp.report
            .validation
            .errors
            .iter()
            .any(|f| f.path.starts_with("$.items[1].tiers[2].when")),
        "{:?}",
        imp.report.validation.errors
    );
    assert!(imp.report.counts.not_understood >= 1);
}

// ---------------------------------------------------------------------------------------------
// 甘肃 (legal-notes §5.2 row 8): the excerpt is cut short in the source.

#[test]
fn gansu_truncated_row_is_not_understood_and_the_other_provisions_are_kept() {
    // The 违法行为 cell is constructed; the 处罚依据 cell cites the three provisions §5.1 says it
    // quotes; the 适用情形 / 裁量标准 are row 8's, the second cut short as in the source.
    let csv = [
        "序号,违法行为,处罚依据,适用情形,裁量标准",
        "1,未取得施工许可证擅自施工,《中华人民共和国建筑法》第六十四条、《建设工程质量管理条例》第五十七条、《甘肃省建筑市场管理条例》第三十四条,情节轻微无违法所得,责令改正",
        ",,,\"情节较重逾期未改,无违法所得\",…",
    ]
    .join("\n");
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("甘肃.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(imp.report.tables[0].layout, Some(PublishedLayout::Gansu));
    let item = &imp.pack.items[0];
    // The provision with the fine is the 处罚依据; 建筑法 64 ("可以处以罚款") is kept in the note.
    assert_eq!(
        (item.penalty_basis.law.as_ref(), item.penalty_basis.article),
        ("建设工程质量管理条例", 57)
    );
    assert_eq!(
        item.fines[0].form,
        FineForm::Percent {
            base: "contract_price".into(),
            min: Some(d("1")),
            max: d("2")
        }
    );
    assert!(
        item.note
            .as_deref()
            .is_some_and(|n| n.contains("《中华人民共和国建筑法》第六十四条")
                && n.contains("甘肃省建筑市场管理条例")),
        "{:?}",
        item.note
    );
    has(
        &imp,
        "第 2 行第 3 列",
        "《甘肃省建筑市场管理条例》第三十四条：条文原文待补（没有《甘肃省建筑市场管理条例》的文本）",
    );
    assert_eq!(item.tiers[0].outcome, TierOutcome::CorrectionOnly);
    assert_eq!(item.tiers[0].label, "轻微");
    has(
        &imp,
        "第 3 行第 5 列",
        "未读懂：“…” 没有读到罚款、其他处罚或“不予处罚”",
    );
    assert_eq!(item.tiers[1].when, Some(flag(UNDECIDED)));
    assert!(!imp.report.validation.is_ok());
}

// ---------------------------------------------------------------------------------------------
// 湘潭: the law and the article in two columns; a 免罚 row in the result column.

fn xiangtan_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("房产").unwrap();
    let header = [
        "编号",
        "违法事由",
        "适用法律名称",
        "具体条文",
        "处罚幅度",
        "行使自由裁量的结果",
        "备注",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // 处罚幅度 and the 不予处罚 row are 湘潭's words (legal-notes §4.13, §5.3); the rest is
    // constructed.
    let rows = [
        [
            "1",
            "装修人未申报登记进行住宅室内装饰装修活动",
            "住宅室内装饰装修管理办法",
            "第三十五条",
            "责令改正,处5百元以上1千元以下的罚款",
            "首次违规、情节轻微、及时纠正的,不予处罚",
            "",
        ],
        [
            "",
            "",
            "",
            "",
            "",
            "拒不改正的,处5百元以上1千元以下的罚款",
            "构造行",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            if !t.is_empty() {
                ws.write_string(r as u32 + 1, c as u16, *t).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn xiangtan_and_a_mapping_that_names_the_circumstances() {
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("湘潭.xlsx", &xiangtan_xlsx(), &opts).unwrap();
    assert_eq!(imp.report.tables[0].layout, Some(PublishedLayout::Xiangtan));
    let item = &imp.pack.items[0];
    assert_eq!(item.penalty_basis.law, "住宅室内装饰装修管理办法");
    assert_eq!(item.penalty_basis.article, 35);
    // No text of this 办法 is at hand: the fine is read from 处罚幅度, the quote is left open.
    assert_eq!(
        item.fines[0].form,
        FineForm::Range {
            min: d("500"),
            max: d("1000")
        }
    );
    has(&imp, "工作表“房产”单元格 D2（第 2 行）", "条文原文待补");
    // 首次违规 and 情节轻微 are no fact the importer knows: the 免罚 row waits.
    has(
        &imp,
        "工作表“房产”单元格 F2（第 2 行）",
        "待决定：“首次违规” 免罚情形须由事实判断",
    );
    assert!(
        matches!(&item.exemptions[0].when, Condition::All { all } if all.contains(&flag(UNDECIDED)))
    );
    assert_eq!(item.tiers.len(), 1);
    assert_eq!(item.tiers[0].outcome, range("500", "1000"));

    // The author names them in the saved mapping; the next import reads the row whole.
    let mut mapping = imp.pack.table_mapping.clone().unwrap();
    mapping
        .words
        .insert("首次违规".into(), "first_offence".into());
    mapping.words.insert("情节轻微".into(), "minor".into());
    let json = cailiang::import::pipeline::mapping_to_json(&mapping);
    let mapping = mapping_from_json("映射.json", &json).unwrap();
    let opts = ImportOptions {
        library: Some(&lib),
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let imp = import_file("湘潭.xlsx", &xiangtan_xlsx(), &opts).unwrap();
    assert_eq!(imp.report.tables[0].mapping_source, MappingSource::Given);
    let e = &imp.pack.items[0].exemptions[0];
    assert_eq!(
        e.when,
        Condition::All {
            all: vec![flag("first_offence"), flag("minor"), flag("corrected")]
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Another layout, mapped once.

#[test]
fn an_unknown_layout_is_guessed_for_the_author_to_confirm_then_mapped() {
    let csv = "名称,依据,档次,情节,罚则,颜色\n构造行：某违法行为,《物业管理条例》第五十六条,一般,违法情节一般,处5万元以下罚款,红\n";
    let lib = laws();
    let opts = ImportOptions {
        library: Some(&lib),
        ..ImportOptions::default()
    };
    let imp = import_file("其他.csv", csv.as_bytes(), &opts).unwrap();
    let t = &imp.report.tables[0];
    assert_eq!(t.mapping_source, MappingSource::None);
    assert!(!t.imported);
    assert!(t.findings[0].message.contains("表头不是已知的裁量基准格式"));
    assert!(imp.pack.items.is_empty());

    let mapping = mapping_from_json(
        "映射.json",
        r#"{"columns": [
            {"header": "名称", "role": "item_name"},
            {"header": "依据", "role": "penalty_basis"},
            {"header": "档次", "role": "tier_label"},
            {"header": "情节", "role": "tier_situation"},
            {"header": "罚则", "role": "tier_standard"},
            {"column": 6, "role": "ignore"}
        ]}"#,
    )
    .unwrap();
    let opts = ImportOptions {
        library: Some(&lib),
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let imp = import_file("其他.csv", csv.as_bytes(), &opts).unwrap();
    let item = &imp.pack.items[0];
    assert_eq!(item.code, "1");
    assert_eq!(item.fines[0].form, FineForm::MaxOnly { max: d("100000") });
    assert_eq!(item.fines[0].parties, Parties::All);
    assert_eq!(
        item.tiers[0].outcome,
        TierOutcome::Range {
            min: None,
            min_inclusive: None,
            max: d("50000"),
            max_inclusive: None
        }
    );
    has(&imp, "第 2 行第 6 列", "未导入：映射为不导入的列");
    // A mapping that names a header the table lacks says so.
    let bad = mapping_from_json(
        "映射.json",
        r#"{"columns": [{"header": "事项名称", "role": "item_name"}, {"header": "罚则", "role": "tier_standard"}]}"#,
    )
    .unwrap();
    let imp = import_file(
        "其他.csv",
        csv.as_bytes(),
        &ImportOptions {
            mapping: Some(bad),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert!(
        imp.report.tables[0]
            .findings
            .iter()
            .any(|f| f.message.contains("事项名称") && f.status == Status::NeedsDecision)
    );
    // A mapping file that is not one.
    let e = mapping_from_json("映射.json", r#"{"columns": [{"role": "colour"}]}"#).unwrap_err();
    assert_eq!(e.file, "映射.json");
    assert!(e.to_string().contains("$.columns[0]"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Bad files: a Chinese error naming the file and the place.

#[test]
fn bad_files_are_refused_with_the_file_and_place() {
    let opts = ImportOptions::default();
    let e = import_file("基准.xlsx", b"%PDF-1.7 ...", &opts).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("基准.xlsx：不是可以读取的表格文件：这是 PDF 文件"),
        "{e}"
    );
    assert_eq!(
        import_file("空.csv", b"", &opts).unwrap_err(),
        TableError::Empty {
            file: "空.csv".into()
        }
    );
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(1024, 0);
    cfb.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    cfb.resize(2048, 0);
    let e = import_file("加密.xlsx", &cfb, &opts).unwrap_err();
    assert!(
        e.to_string()
            .contains("加密.xlsx：这是设置了打开密码的加密 Office 文件"),
        "{e}"
    );
    // A sheet of 10,000 rows is no benchmark table: refused where it passes the limit.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("导出").unwrap();
    ws.write_string(0, 0, "违法行为").unwrap();
    ws.write_string(0, 1, "裁量基准").unwrap();
    for r in 1..=10_000u32 {
        ws.write_string(r, 0, format!("行{r}")).unwrap();
        ws.write_string(r, 1, "处1万元罚款").unwrap();
    }
    let e = import_file("大表.xlsx", &wb.save_to_buffer().unwrap(), &opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "大表.xlsx：工作表“导出”超过 5000 行（读到工作表“导出”第 5001 行时停止）"
    );
}

// ---------------------------------------------------------------------------------------------
// Two parties in one clause: roles (卢氏's quote of 建筑工程施工许可管理办法 第十二条, §4.13).

#[test]
fn two_parties_in_one_clause_become_roles_with_their_own_outcomes() {
    // The quote is 卢氏's, in the 执法依据 cell; the name and the tier are constructed.
    let quote = "对于未取得施工许可证或者为规避办理施工许可证将工程项目分解后擅自施工的,由有管辖权的发证机关责令停止施工,限期改正,并对建设单位处工程合同价款 1%以上 2%以下的罚款;对施工单位处 3万元以下 罚款。";
    let csv = format!(
        "事项名称,执法依据,行政处罚自由裁量基准\n构造行：未取得施工许可证擅自施工,\"《建筑工程施工许可管理办法》第十二条：{quote}\",\"1.一般违法行为的表现情形:构造行。处罚标准:对建设单位处工程合同价款1%以上1.5%以下的罚款；对施工单位处1万元以上2万元以下罚款。2.严重违法行为的表现情形:构造行。处罚标准:对建设单位处工程合同价款1.5%以上2%以下的罚款；对施工单位处2万元以上3万元以下罚款。\"\n"
    );
    let imp = import_file("卢氏.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let item = &imp.pack.items[0];
    let roles: Vec<&str> = item.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(roles, ["建设单位", "施工单位"]);
    assert_eq!(item.roles[0].parties, Parties::Organization);
    let fines: Vec<(Option<&str>, &FineForm)> = item
        .fines
        .iter()
        .map(|f| (f.role.as_deref(), &f.form))
        .collect();
    assert_eq!(
        fines,
        [
            (
                Some("建设单位"),
                &FineForm::Percent {
                    base: "contract_price".into(),
                    min: Some(d("1")),
                    max: d("2")
                }
            ),
            (Some("施工单位"), &FineForm::MaxOnly { max: d("30000") }),
        ]
    );
    let t = &item.tiers[0];
    assert_eq!(t.outcome, range("1", "1.5"));
    assert_eq!(t.roles.len(), 1);
    assert_eq!(t.roles[0].role, "施工单位");
    assert_eq!(t.roles[0].outcome, range("10000", "20000"));
    assert_eq!(item.tiers[1].roles[0].outcome, range("20000", "30000"));
    has(
        &imp,
        "第 2 行第 2 列",
        "一个条文对几方当事人分别处罚：建设单位、施工单位",
    );
    // The quote came from the cell: its findings point at its words there.
    has(
        &imp,
        "第 2 行第 2 列",
        "“处 3万元以下 罚款” 法定罚款：处30,000元以下的罚款",
    );
    has(
        &imp,
        "第 2 行第 2 列",
        "法定罚款：处工程合同价款1%以上2%以下的罚款",
    );
}

// ---------------------------------------------------------------------------------------------
// 浙江 2025: the label and its condition in one cell. Rows constructed.

#[test]
fn zhejiang_2025_label_and_condition_in_one_cell() {
    let csv = "序号,事项代码,事项名称,处罚依据,阶次及适用条件,裁量幅度,裁量基准来源\n\
1,330217001,构造行：擅自改变物业管理用房用途,\"《物业管理条例》第六十二条：“违反本条例的规定，未经业主大会同意，物业服务企业擅自改变物业管理用房的用途的，由县级以上地方人民政府房地产行政主管部门责令限期改正，给予警告，并处1万元以上10万元以下的罚款；有收益的，所得收益用于物业管理区域内物业共用部位、共用设施设备的维修、养护，剩余部分按照业主大会的决定使用。”\",较轻：改变用途面积不满50平方米,处1万元以上4万元以下的罚款,构造行\n\
,,,,较重：改变用途面积50平方米以上,处超过4万元、10万元以下的罚款,构造行\n";
    let imp = import_file("浙江.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(
        imp.report.tables[0].layout,
        Some(PublishedLayout::Zhejiang2025)
    );
    let item = &imp.pack.items[0];
    assert_eq!(item.code, "330217001");
    assert_eq!(
        item.fines[0].form,
        FineForm::Range {
            min: d("10000"),
            max: d("100000")
        }
    );
    let area = item
        .facts
        .iter()
        .find(|f| f.label == "改变用途面积")
        .unwrap();
    let t: Vec<(&str, &Option<Condition>, &TierOutcome)> = item
        .tiers
        .iter()
        .map(|t| (t.label.as_str(), &t.when, &t.outcome))
        .collect();
    assert_eq!(
        t,
        [
            (
                "较轻",
                &Some(Condition::Compare {
                    fact: area.id.clone(),
                    op: Op::Lt,
                    value: d("50")
                }),
                &range("10000", "40000")
            ),
            (
                "较重",
                &Some(Condition::Compare {
                    fact: area.id.clone(),
                    op: Op::Above,
                    value: d("50")
                }),
                &TierOutcome::Range {
                    min: Some(d("40000")),
                    min_inclusive: Some(false),
                    max: d("100000"),
                    max_inclusive: None
                }
            ),
        ]
    );
    has(
        &imp,
        "第 2 行第 5 列",
        "“不满50平方米” 事实 fact_1（改变用途面积，本次导入新声明） < 50平方米",
    );
}

#[test]
fn the_report_serialises_and_prints_one_line_per_finding() {
    let imp = import_file("北京基准.xlsx", &beijing_xlsx(), &ImportOptions::default()).unwrap();
    let json = serde_json::to_value(&imp.report).unwrap();
    assert_eq!(json["tables"][0]["layout"], "beijing");
    assert_eq!(json["tables"][0]["cells"][0]["place"]["cell"], "A3");
    assert!(json["validation"]["errors"].is_array());
    let lines = imp.report.lines();
    assert!(
        lines.iter().any(|l| l.starts_with(
            "工作表“节约能源法”单元格 H5（第 5 行）：已读取：“處二十萬以上三十萬元以下罰款” → "
        )),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.contains("重复的表头")));
    assert!(
        imp.report
            .summary()
            .contains("导入 1 个违法行为、3 个裁量阶次、1 个免罚情形")
    );
}
