//! The importer on arbitrary cell text never panics, and every fragment it reports points at the
//! words of its cell.

use cailiang::import::pipeline::{ImportOptions, import_file};
use proptest::prelude::*;

/// Text made of the characters the parsers act on.
fn text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "处",
        "罚款",
        "万",
        "元",
        "以上",
        "以下",
        "超过",
        "不满",
        "%",
        "倍",
        "的",
        "，",
        "、",
        "；",
        "。",
        "或者",
        "或",
        "且",
        "并",
        "（",
        "）",
        "(含本数)",
        "“",
        "”",
        "《",
        "》",
        "第",
        "条",
        "款",
        "项",
        "一",
        "十",
        "五",
        "0",
        "1",
        "2.5",
        "３",
        "：",
        ":",
        "\n",
        "1.",
        "2.",
        "情形",
        "处罚标准",
        "表现情形",
        "对",
        "单位",
        "个人",
        "建设单位",
        "可以",
        "责令改正",
        "不予行政处罚",
        "没收违法所得",
        "非",
        "档处罚",
        "按",
        "法定幅度的",
        "至",
        "建设工程质量管理条例",
        "工程合同价款",
        "违法所得",
        "平方米",
        "情节严重",
        "逾期不改正",
        "由",
        "决定",
        "适用条件",
        "A",
        " ",
        "的，",
        "處",
        "萬",
    ]);
    prop::collection::vec(atoms, 0..24).prop_map(|v| v.concat())
}

fn field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_cells_in_every_layout(cells in prop::collection::vec(text(), 13)) {
        let headers = [
            "序号,职权编号,职权名称,违法行为认定依据,违法行为处罚依据,基准编号,违法情形,裁量基准",
            "事项名称,执法依据,行政处罚自由裁量基准",
            "序号,事项代码,事项名称,处罚依据,阶次及适用条件,裁量幅度,裁量基准来源",
            "序号,事项编码,违法行为,违法主体,违法依据,处罚依据,法定处罚,阶次编码,裁量阶次,违法情形,适用条件,裁量基准,备注",
            "编号,违法事由,适用法律名称,具体条文,处罚幅度,行使自由裁量的结果,备注",
        ];
        for h in headers {
            let n = h.split(',').count();
            let row: Vec<String> = cells.iter().take(n).map(|c| field(c)).collect();
            let second: Vec<String> = cells.iter().rev().take(n).map(|c| field(c)).collect();
            let csv = format!("{h}\n{}\n{}\n", row.join(","), second.join(","));
            if let Ok(imp) = import_file("t.csv", csv.as_bytes(), &ImportOptions::default()) {
                for t in &imp.report.tables {
                    for c in &t.cells {
                        for f in &c.findings {
                            if let Some(w) = &f.fragment {
                                prop_assert!(c.text.get(w.start..w.end) == Some(w.text.as_str()),
                                    "{}: {:?} not at {}..{} of {:?}", c.place, w.text, w.start, w.end, c.text);
                            }
                        }
                    }
                }
                let _ = imp.report.lines();
                let _ = cailiang::export::to_csv(&imp.pack, cailiang::export::CsvEncoding::Utf8Bom);
                let _ = cailiang::export::to_xlsx(&imp.pack);
            }
        }
    }
}
