//! The table readers on files the tests write themselves: an .xlsx written with
//! rust_xlsxwriter (two sheets, merged cells, a title, a repeated header), a .docx assembled
//! from its XML (gridSpan, vMerge), CSV in UTF-8 and GBK — with rows quoted in
//! shared/legal-notes.md §5.2 — and bad files, each error asserted with its place.

use std::io::Write;

use cailiang::table::{
    CellKind, Format as SourceFormat, Limits, Place, SkipReason, TableError, read_file,
    read_file_with,
};
use rust_xlsxwriter::{Format, Workbook};
use zip::write::SimpleFileOptions;

/// legal-notes §5.2 row 1 (北京, 节约能源法79), in the traditional characters it was found in.
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
const BEIJING_COMMON: [&str; 4] = [
    "C1600200",
    "對建設單位違反建筑節能標準的行為進行處罰",
    "《中華人民共和國節約能源法》第三十五條第一款",
    "《中華人民共和國節約能源法》第七十九條第一款",
];

/// legal-notes §5.2 row 7 (北京住房公积金, A/B/C).
const GJJ: [[&str; 2]; 3] = [
    ["A", "处1万元罚款"],
    ["B", "处1万元以上3万元以下罚款"],
    ["C", "处3万元以上5万元以下罚款"],
];

/// legal-notes §5.2 row 4 (新密, 擅自预售), the 一般 and 严重 standards.
const XINMI_GENERAL: &str = "责令停止违法行为,没收违法所得,处已收取的预付款0.5%以下的罚款。";
const XINMI_SERIOUS: &str =
    "责令停止违法行为,没收违法所得,处已收取的预付款的0.5%以上1%以下的罚款。";

fn beijing_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    {
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
        // 序号 is a number, merged down the five rows like the common columns.
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
        // The header repeated (as on a second printed page), then one more row.
        for (c, h) in BEIJING_HEADER.iter().enumerate() {
            ws.write_string(7, c as u16, *h).unwrap();
        }
        ws.write_number(8, 0, 2.0).unwrap();
        ws.write_string(8, 5, "C1600300B010").unwrap();
        ws.write_string(8, 7, "处\n1.3%").unwrap();
        ws.write_number(8, 6, 1.3).unwrap();
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("公积金").unwrap();
        ws.write_string(0, 0, "裁量档次").unwrap();
        ws.write_string(0, 1, "裁量基准").unwrap();
        for (r, row) in GJJ.iter().enumerate() {
            ws.write_string((r + 1) as u32, 0, row[0]).unwrap();
            ws.write_string((r + 1) as u32, 1, row[1]).unwrap();
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("空表").unwrap();
        ws.set_hidden(true);
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_two_sheets_merged_cells_title_and_repeated_header() {
    let doc = read_file("北京基准.xlsx", &beijing_workbook()).unwrap();
    assert_eq!(doc.format, SourceFormat::Xlsx);
    // The empty hidden sheet holds nothing and is not a table.
    assert_eq!(doc.tables.len(), 2);
    let t = &doc.tables[0];
    assert_eq!(t.name, "节约能源法");
    assert_eq!(t.preamble.len(), 1);
    assert_eq!(
        t.preamble[0].cells[0].text,
        "北京市住房和城乡建设系统行政处罚裁量基准"
    );
    // The title's merge covers the row: every cell says where its text came from.
    assert_eq!(
        t.preamble[0].cells[7].merged_from,
        Some(Place::sheet_cell("节约能源法", 0, 0))
    );
    assert_eq!(t.header.len(), 1);
    assert_eq!(t.header[0].texts(), BEIJING_HEADER);
    assert_eq!(t.rows.len(), 6);
    for (r, row) in BEIJING_ROWS.iter().enumerate() {
        let cells = &t.rows[r].cells;
        assert_eq!(cells[0].text, "1");
        assert_eq!(cells[0].kind, CellKind::Number);
        for (i, common) in BEIJING_COMMON.iter().enumerate() {
            assert_eq!(cells[i + 1].text, *common, "row {r} col {}", i + 1);
        }
        assert_eq!(&t.rows[r].texts()[5..], row);
    }
    // A covered cell: its own place, and the merged cell's.
    let c = &t.rows[4].cells[4];
    assert_eq!(c.place, Place::sheet_cell("节约能源法", 6, 4));
    assert_eq!(
        c.place.to_string(),
        "工作表“节约能源法”单元格 E7（第 7 行）"
    );
    assert_eq!(c.merged_from, Some(Place::sheet_cell("节约能源法", 2, 4)));
    assert_eq!(t.rows[0].cells[4].merged_from, None);
    // The repeated header is skipped and listed.
    assert_eq!(t.skipped.len(), 1);
    assert_eq!(t.skipped[0].place, Place::sheet_row("节约能源法", 7));
    assert_eq!(t.skipped[0].reason, SkipReason::RepeatedHeader);
    // The row after it: a number typed as 1.3 reads "1.3"; a line break inside a cell is "\n".
    let last = &t.rows[5];
    assert_eq!(last.place, Place::sheet_row("节约能源法", 8));
    assert_eq!(last.cells[6].text, "1.3");
    assert_eq!(last.cells[7].text, "处\n1.3%");
    assert_eq!(
        last.cells[1].text, "",
        "no merge reaches the row after the header"
    );

    let g = &doc.tables[1];
    assert_eq!(g.name, "公积金");
    assert_eq!(g.number, 2);
    assert_eq!(g.header[0].texts(), ["裁量档次", "裁量基准"]);
    let got: Vec<Vec<&str>> = g.rows.iter().map(|r| r.texts()).collect();
    assert_eq!(got, GJJ.iter().map(|r| r.to_vec()).collect::<Vec<_>>());
    assert_eq!(
        g.rows[2].cells[1].place.to_string(),
        "工作表“公积金”单元格 B4（第 4 行）"
    );
    assert!(
        doc.notes.iter().any(|n| n.contains("空表")),
        "{:?}",
        doc.notes
    );
}

#[test]
fn a_sheet_of_ten_thousand_rows_is_read_and_a_row_limit_refuses_it_with_the_place() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("大表").unwrap();
    ws.write_string(0, 0, "序号").unwrap();
    ws.write_string(0, 1, "违法情形").unwrap();
    ws.write_string(0, 2, "裁量基准").unwrap();
    for r in 1..=10_000u32 {
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_string(r, 1, format!("擅自销售商品房{r}平方米以下的"))
            .unwrap();
        ws.write_string(r, 2, "处5万元以上10万元以下的罚款")
            .unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let started = std::time::Instant::now();
    let doc = read_file("大表.xlsx", &bytes).unwrap();
    eprintln!(
        "10,000-row sheet ({} bytes) read in {:?}",
        bytes.len(),
        started.elapsed()
    );
    let t = &doc.tables[0];
    assert_eq!(t.rows.len(), 10_000);
    assert_eq!(
        t.rows[9_999].texts(),
        [
            "10000",
            "擅自销售商品房10000平方米以下的",
            "处5万元以上10万元以下的罚款"
        ]
    );

    let limits = Limits {
        max_rows: 5_000,
        ..Limits::default()
    };
    let e = read_file_with("大表.xlsx", &bytes, &limits).unwrap_err();
    assert_eq!(
        e,
        TableError::TooManyRows {
            file: "大表.xlsx".into(),
            table: "工作表“大表”".into(),
            place: Place::sheet_row("大表", 5_000),
            limit: 5_000,
        }
    );
    assert_eq!(
        e.to_string(),
        "大表.xlsx：工作表“大表”超过 5000 行（读到工作表“大表”第 5001 行时停止）"
    );
    let limits = Limits {
        max_columns: 2,
        ..Limits::default()
    };
    let e = read_file_with("大表.xlsx", &bytes, &limits).unwrap_err();
    assert!(
        matches!(&e, TableError::TooManyColumns { place, limit: 2, .. } if *place == Place::sheet_cell("大表", 0, 2)),
        "{e:?}"
    );
    let limits = Limits {
        max_unpacked_bytes: 10_000,
        ..Limits::default()
    };
    let e = read_file_with("大表.xlsx", &bytes, &limits).unwrap_err();
    assert!(
        matches!(&e, TableError::PartTooLarge { part, limit: 10_000, .. } if part.starts_with("xl/")),
        "{e:?}"
    );
}

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

/// The 新密 layout (legal-notes §5.1: 事项名称 / 执法依据 / 表现情形 + 处罚标准), with the
/// two left columns merged down the three tiers and a header spanning two columns.
fn xinmi_docx() -> Vec<u8> {
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
                "一般违法行为的表现情形:发现后未立即改正;\n或造成一定危害后果的。",
                ""
            ),
            tc(XINMI_GENERAL, "")
        ),
        format!(
            "{}{}{}{}",
            tc("", cont),
            tc("", cont),
            tc(
                "严重违法行为的表现情形:拒不改正造成恶劣影响或严重后果的。",
                ""
            ),
            tc(XINMI_SERIOUS, "")
        ),
    ];
    let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>新密市住房和城乡建设局行政处罚自由裁量基准</w:t></w:r></w:p>
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{table}</w:tbl>
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

#[test]
fn docx_tables_with_grid_span_and_vertical_merges() {
    let doc = read_file("新密基准.docx", &xinmi_docx()).unwrap();
    assert_eq!(doc.format, SourceFormat::Docx);
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.name, "表格 1");
    assert_eq!(
        t.header[0].texts(),
        [
            "事项名称",
            "执法依据",
            "行政处罚自由裁量基准",
            "行政处罚自由裁量基准"
        ]
    );
    assert_eq!(t.rows.len(), 3);
    for r in &t.rows {
        assert_eq!(r.cells[0].text, "擅自预售商品房");
        assert_eq!(r.cells[1].text, "《城市房地产开发经营管理条例》第三十六条");
    }
    assert_eq!(t.rows[1].cells[3].text, XINMI_GENERAL);
    assert_eq!(t.rows[2].cells[3].text, XINMI_SERIOUS);
    assert_eq!(
        t.rows[1].cells[2].text,
        "一般违法行为的表现情形:发现后未立即改正;\n或造成一定危害后果的。"
    );
    let covered = &t.rows[2].cells[1];
    assert_eq!(
        covered.place,
        Place::DocxTable {
            table: 1,
            row: 4,
            column: Some(2)
        }
    );
    assert_eq!(covered.place.to_string(), "第 1 个表格第 4 行第 2 列");
    assert_eq!(
        covered.merged_from,
        Some(Place::DocxTable {
            table: 1,
            row: 2,
            column: Some(2)
        })
    );
}

const CSV_TEXT: &str = "裁量档次,违法情形,裁量基准\r\n\
A,\"单位设立时间在2年以下，\r\n职工人数不满10人的\",处1万元罚款\r\n\
B,\"逾期不办理,涉及职工100人以上500人以下的\",处1万元以上3万元以下罚款\r\n\
C,\"拒不办理，涉及职工超过500人的\",\"处3万元以上5万元以下罚款\"\r\n";

#[test]
fn csv_in_utf8_and_gbk() {
    let check = |doc: &cailiang::table::Document| {
        let t = &doc.tables[0];
        assert_eq!(t.header[0].texts(), ["裁量档次", "违法情形", "裁量基准"]);
        assert_eq!(
            t.rows[0].texts(),
            [
                "A",
                "单位设立时间在2年以下，\n职工人数不满10人的",
                "处1万元罚款"
            ]
        );
        assert_eq!(
            t.rows[1].cells[1].text,
            "逾期不办理,涉及职工100人以上500人以下的"
        );
        // The record after the one with a line break starts on line 4.
        assert_eq!(
            t.rows[1].place,
            Place::Line {
                line: 4,
                column: None
            }
        );
        assert_eq!(
            t.rows[2].cells[2].place,
            Place::Line {
                line: 5,
                column: Some(3)
            }
        );
        assert_eq!(t.rows[2].cells[2].text, "处3万元以上5万元以下罚款");
    };
    let utf8 = read_file("公积金.csv", CSV_TEXT.as_bytes()).unwrap();
    assert_eq!(utf8.encoding.as_deref(), Some("UTF-8"));
    check(&utf8);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(CSV_TEXT);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK bytes are not UTF-8"
    );
    let g = read_file("公积金.csv", &gbk).unwrap();
    assert_eq!(g.encoding.as_deref(), Some("GBK/GB18030"));
    check(&g);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(CSV_TEXT.as_bytes());
    let b = read_file("公积金.csv", &bom).unwrap();
    assert_eq!(b.encoding.as_deref(), Some("UTF-8（带 BOM）"));
    check(&b);
}

#[test]
fn bad_files_are_refused_with_the_file_and_place() {
    // Not a spreadsheet.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(
        read_file("照片.xlsx", png).unwrap_err(),
        TableError::NotATable {
            file: "照片.xlsx".into(),
            found: "这是 PNG 图片".into()
        }
    );
    // Empty.
    assert_eq!(
        read_file("空.xlsx", b"").unwrap_err(),
        TableError::Empty {
            file: "空.xlsx".into()
        }
    );
    // An encrypted OOXML file is an OLE compound file holding EncryptedPackage.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(1024, 0);
    cfb.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    cfb.resize(2048, 0);
    let e = read_file("加密.xlsx", &cfb).unwrap_err();
    assert_eq!(
        e,
        TableError::Encrypted {
            file: "加密.xlsx".into()
        }
    );
    assert!(
        e.to_string()
            .starts_with("加密.xlsx：这是设置了打开密码的加密 Office 文件")
    );
    // An old .xls.
    let mut xls = cfb[..1024].to_vec();
    xls.extend("Workbook".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let e = read_file("旧版.xls", &xls).unwrap_err();
    assert_eq!(
        e,
        TableError::LegacyOffice {
            kind: "Excel 97–2003 工作簿（.xls）".into(),
            save_as: ".xlsx".into(),
            file: "旧版.xls".into()
        }
    );
    // A zip without the expected part.
    let z = zip_of(&[("readme.txt", "hello")]);
    assert_eq!(
        read_file("假的.xlsx", &z).unwrap_err(),
        TableError::MissingPart {
            file: "假的.xlsx".into(),
            part: "xl/workbook.xml".into(),
            expected: "Excel 工作簿（.xlsx）".into()
        }
    );
    assert_eq!(
        read_file("假的.docx", &z).unwrap_err(),
        TableError::MissingPart {
            file: "假的.docx".into(),
            part: "word/document.xml".into(),
            expected: "Word 文档（.docx）".into()
        }
    );
    // A document without tables.
    let no_tables = zip_of(&[(
        "word/document.xml",
        r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>只有正文</w:t></w:r></w:p></w:body></w:document>"#,
    )]);
    assert_eq!(
        read_file("正文.docx", &no_tables).unwrap_err(),
        TableError::NoContent {
            file: "正文.docx".into(),
            what: "文档的表格".into()
        }
    );
    // Malformed document XML: the part and byte position.
    let broken = zip_of(&[(
        "word/document.xml",
        r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr></w:tbl></w:body></w:document>"#,
    )]);
    let e = read_file("坏.docx", &broken).unwrap_err();
    match &e {
        TableError::Xml {
            file,
            part,
            position,
            ..
        } => {
            assert_eq!(file, "坏.docx");
            assert_eq!(part, "word/document.xml");
            assert!(*position > 30, "{position}");
        }
        other => panic!("{other:?}"),
    }
    // A cell too long, with its place in the document.
    let long = zip_of(&[(
        "word/document.xml",
        &format!(
            r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:body></w:document>"#,
            tc("a", ""),
            tc(&"长".repeat(50), "")
        ),
    )]);
    let limits = Limits {
        max_cell_chars: 40,
        ..Limits::default()
    };
    let e = read_file_with("长.docx", &long, &limits).unwrap_err();
    assert_eq!(
        e,
        TableError::CellTooLong {
            file: "长.docx".into(),
            place: Place::DocxTable {
                table: 1,
                row: 1,
                column: Some(2)
            },
            chars: 41,
            limit: 40
        }
    );
    // A truncated workbook.
    let wb = beijing_workbook();
    let e = read_file("截断.xlsx", &wb[..wb.len() / 2]).unwrap_err();
    assert!(
        matches!(&e, TableError::Zip { file, .. } if file == "截断.xlsx"),
        "{e:?}"
    );
}

#[test]
fn damaged_workbooks_and_documents_never_panic() {
    // Flip bytes all over both files: every read returns, with a table or an error.
    for bytes in [beijing_workbook(), xinmi_docx()] {
        let step = (bytes.len() / 300).max(1);
        let mut errors = 0;
        for i in (0..bytes.len()).step_by(step) {
            let mut b = bytes.clone();
            b[i] ^= 0x5A;
            if read_file("损坏.xlsx", &b).is_err() {
                errors += 1;
            }
            let _ = read_file("损坏.docx", &b[..i.max(1)]);
        }
        assert!(errors > 0);
    }
}

/// The cells read from the files go straight into the clause, condition and citation
/// parsers: the published rows come out as fine forms, penalties, conditions and citations.
#[test]
fn cells_read_from_the_files_parse_into_the_pack_model() {
    use cailiang::import::{parse_citations, parse_clause, parse_condition, suggest_facts};
    use cailiang::num::Dec;
    use cailiang::pack::model::{FineForm, Op, PenaltyKind};
    let d = |s: &str| s.parse::<Dec>().unwrap_or_default();

    // 北京 C1600200: the three tiers split 20–50万 into thirds; the -1 row is 责令改正.
    let doc = read_file("北京基准.xlsx", &beijing_workbook()).unwrap();
    let t = &doc.tables[0];
    let forms: Vec<FineForm> = t.rows[2..5]
        .iter()
        .map(|r| {
            let p = parse_clause(&r.cells[7].text);
            assert!(p.fully_understood(), "{}", r.cells[7].place);
            p.fines[0].form.clone()
        })
        .collect();
    assert_eq!(
        forms,
        [
            FineForm::Range {
                min: d("200000"),
                max: d("300000")
            },
            FineForm::Range {
                min: d("300000"),
                max: d("400000")
            },
            FineForm::Range {
                min: d("400000"),
                max: d("500000")
            },
        ]
    );
    let p = parse_clause(&t.rows[0].cells[7].text);
    assert_eq!(p.penalties[0].kind, PenaltyKind::OrderCorrection);
    let c = parse_citations(&t.rows[0].cells[4].text, None, None);
    assert_eq!(c.citations[0].citation.law, "中华人民共和国节约能源法");
    assert_eq!(
        (
            c.citations[0].citation.article,
            c.citations[0].citation.paragraph
        ),
        (79, Some(1))
    );
    let cond = parse_condition(&t.rows[2].cells[6].text);
    assert!(
        cond.tree.is_none() && cond.qualitative.len() == 1,
        "违法情节较轻的 is qualitative"
    );

    // 新密: percent of 已收取的预付款, max-only for 一般 and a range for 严重.
    let doc = read_file("新密基准.docx", &xinmi_docx()).unwrap();
    let rows = &doc.tables[0].rows;
    let general = parse_clause(&rows[1].cells[3].text);
    assert_eq!(
        general.fines[0].form,
        FineForm::Percent {
            base: "已收取的预付款".into(),
            min: None,
            max: d("0.5")
        }
    );
    assert_eq!(
        suggest_facts(
            &general.fines[0]
                .base
                .as_ref()
                .map(|b| b.text.clone())
                .unwrap_or_default()
        ),
        ["prepayment"]
    );
    let kinds: Vec<PenaltyKind> = general.penalties.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [PenaltyKind::OrderStop, PenaltyKind::ConfiscateIllegalGains]
    );
    let serious = parse_clause(&rows[2].cells[3].text);
    assert_eq!(
        serious.fines[0].form,
        FineForm::Percent {
            base: "已收取的预付款".into(),
            min: Some(d("0.5")),
            max: d("1")
        }
    );
    let c = parse_citations(&rows[0].cells[1].text, None, None);
    assert_eq!(
        (
            c.citations[0].citation.law.as_ref(),
            c.citations[0].citation.article
        ),
        ("城市房地产开发经营管理条例", 36)
    );

    // 公积金 A/B/C from CSV in GBK: fixed point, ranges, and the conditions of the tiers.
    let (gbk, _, _) = encoding_rs::GBK.encode(CSV_TEXT);
    let doc = read_file("公积金.csv", &gbk).unwrap();
    let rows = &doc.tables[0].rows;
    assert_eq!(
        parse_clause(&rows[0].cells[2].text).fines[0].form,
        FineForm::Fixed { amount: d("10000") }
    );
    assert_eq!(
        parse_clause(&rows[2].cells[2].text).fines[0].form,
        FineForm::Range {
            min: d("30000"),
            max: d("50000")
        }
    );
    let a = parse_condition(&rows[0].cells[1].text);
    let tests: Vec<(Option<String>, String, Op, Dec)> = a
        .tree
        .as_ref()
        .map(|t| {
            t.tests()
                .into_iter()
                .map(|q| {
                    (
                        q.quantity.as_ref().map(|f| f.text.clone()),
                        q.unit.clone(),
                        q.op,
                        q.value,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        tests,
        [
            (Some("单位设立时间".into()), "年".into(), Op::Le, d("2")),
            (Some("职工人数".into()), "人".into(), Op::Lt, d("10")),
        ]
    );
    let b = parse_condition(&rows[1].cells[1].text);
    assert_eq!(b.qualitative[0].text, "逾期不办理");
    assert_eq!(b.tree.as_ref().map(|t| t.tests().len()), Some(2));
    let c = parse_condition(&rows[2].cells[1].text);
    assert_eq!(
        c.tree
            .as_ref()
            .map(|t| (t.tests()[0].op, t.tests()[0].value)),
        Some((Op::Gt, d("500")))
    );

    // Full-width digits, Chinese numerals, and a clause that cannot be read: the report can
    // show the cell's place and the words beside what was (not) understood.
    let text = "档次,裁量基准\n一,处５万元以上１０万元以下的罚款\n二,处二十万元以上五十万元以下的罚款\n三,处1万元至3万元罚款\n";
    let doc = read_file("自编.csv", text.as_bytes()).unwrap();
    let rows = &doc.tables[0].rows;
    assert_eq!(
        parse_clause(&rows[0].cells[1].text).fines[0].form,
        FineForm::Range {
            min: d("50000"),
            max: d("100000")
        }
    );
    let w = parse_clause(&rows[0].cells[1].text).fines[0].numbers[1]
        .written
        .text
        .clone();
    assert_eq!(w, "１０万元以下");
    assert_eq!(
        parse_clause(&rows[1].cells[1].text).fines[0].form,
        FineForm::Range {
            min: d("200000"),
            max: d("500000")
        }
    );
    let bad = parse_clause(&rows[2].cells[1].text);
    assert!(bad.fines.is_empty());
    assert_eq!(bad.not_understood[0].fragment.text, "处1万元至3万元罚款");
    assert_eq!(
        rows[2].cells[1].place,
        Place::Line {
            line: 4,
            column: Some(2)
        }
    );
}
