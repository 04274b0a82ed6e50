//! A published table written as the bureau's workbook, for the tests and the bench that import
//! one (included with `#[path]`): the 北京 layout, legal-notes §5.2 row 1 (C1600200, 节约能源法
//! 第七十九条第一款) in the traditional characters it is published in.
#![allow(dead_code)]

use rust_xlsxwriter::{Format, Workbook};

/// The header of the 北京 layout.
pub const BEIJING_HEADER: [&str; 8] = [
    "序号",
    "职权编号",
    "职权名称",
    "违法行为认定依据",
    "违法行为处罚依据",
    "基准编号",
    "违法情形",
    "裁量基准",
];

/// The five rows of C1600200: the order, the 不予处罚 row, the three tiers (suffix, situation,
/// standard).
pub const BEIJING_ROWS: [[&str; 3]; 5] = [
    ["-1", "發現違法行為", "責令改正"],
    [
        "T",
        "違法行為輕微并及時糾正,沒有造成危害后果",
        "不予行政處罰",
    ],
    ["B010", "違法情節較輕的", "處二十萬以上三十萬元以下罰款"],
    ["B020", "違法情節一般的", "處三十萬以上四十萬元以下罰款"],
    ["B030", "違法情節嚴重的", "處四十萬以上五十萬元以下罰款"],
];

/// The sheet's name.
pub const BEIJING_SHEET: &str = "节约能源法";

/// The workbook's title row.
pub const BEIJING_TITLE: &str = "北京市住房和城乡建设系统行政处罚裁量基准";

/// `items` items of the 北京 layout on sheet 节约能源法: a title row, the header, then five
/// rows an item with the item's columns merged down them. The first item is C1600200; the
/// others repeat its rows under numbered codes (C1600300, C1600400 …), so that `items` = 400
/// is a 2,000-row table.
pub fn beijing_workbook(items: u32) -> Vec<u8> {
    let mut wb = Workbook::new();
    let plain = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name(BEIJING_SHEET).expect("sheet name");
    ws.merge_range(0, 0, 0, 7, BEIJING_TITLE, &plain)
        .expect("title");
    for (c, h) in BEIJING_HEADER.iter().enumerate() {
        ws.write_string(1, c as u16, *h).expect("header");
    }
    for i in 0..items {
        let top = 2 + i * 5;
        let code = format!("C{:07}", 1_600_200 + i * 100);
        let common = [
            (i + 1).to_string(),
            code.clone(),
            "對建設單位違反建筑節能標準的行為進行處罰".to_string(),
            "《中華人民共和國節約能源法》第三十五條第一款".to_string(),
            "《中華人民共和國節約能源法》第七十九條第一款".to_string(),
        ];
        for (c, t) in common.iter().enumerate() {
            ws.merge_range(top, c as u16, top + 4, c as u16, t, &plain)
                .expect("merge");
        }
        for (r, row) in BEIJING_ROWS.iter().enumerate() {
            let at = top + r as u32;
            ws.write_string(at, 5, format!("{code}{}", row[0]))
                .expect("cell");
            ws.write_string(at, 6, row[1]).expect("cell");
            ws.write_string(at, 7, row[2]).expect("cell");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

/// The statute texts directory: $CAILIANG_LAWS, or ../shared/laws beside the checkout.
pub fn laws_dir() -> std::path::PathBuf {
    std::env::var("CAILIANG_LAWS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/laws"))
}

/// The statute text the 北京 row cites.
pub fn energy_law_file() -> std::path::PathBuf {
    let p = laws_dir().join("节约能源法(2018-10-26).md");
    assert!(
        p.is_file(),
        "法律文本 {} 不存在：请设置 CAILIANG_LAWS（见 README）",
        p.display()
    );
    p
}
