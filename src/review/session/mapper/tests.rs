use super::*;
use crate::review::mapping::read_mapping;
use crate::review::session::Done;

fn pack() -> LoadedPack {
    crate::reference_pack().unwrap()
}

/// A bureau's export: none of the required columns has a name the review knows; 法制审核 and
/// 集体讨论 do. Two fine columns: 罚款金额 (as decided; 丙-2 above the statute) and 拟罚金额
/// (all within the benchmark). 丙-3 has no hearing notice.
fn bureau_csv() -> String {
    let mut t = String::from(
        "案件编号,违法行为代码,当事人性质,裁量等级,合同价款（元）,情节严重,罚款金额,拟罚金额,违法发生日,发现日,立案时间,告知日,结案日期,是否听证告知,法制审核,集体讨论,办案人员\n",
    );
    for (no, fine, hearing) in [
        ("丙-1", "300000", "是"),
        ("丙-2", "450000", "是"),
        ("丙-3", "300000", "否"),
    ] {
        t.push_str(&format!(
            "{no},ZL-64,法人,B,10000000,否,{fine},300000,2025-03-01,2025-06-01,2025-06-02,2025-07-01,2025-07-15,{hearing},是,是,张三\n"
        ));
    }
    t
}

/// The bureau's columns, set field by field as the reviewer would.
fn map_bureau(m: &mut Mapper) {
    let columns = [
        (Field::CaseNumber, "案件编号"),
        (Field::Item, "违法行为代码"),
        (Field::PartyKind, "当事人性质"),
        (Field::Tier, "裁量等级"),
        (Field::FineImposed, "罚款金额"),
        (Field::Occurred, "违法发生日"),
        (Field::Discovered, "发现日"),
        (Field::Filed, "立案时间"),
        (Field::NoticeDate, "告知日"),
        (Field::DecidedOn, "结案日期"),
        (Field::HearingNotified, "是否听证告知"),
        (Field::Officer, "办案人员"),
    ];
    for (field, c) in columns {
        m.reduce(MapperAction::Column {
            field,
            column: Some(c.to_string()),
        });
    }
    for (column, fact) in [
        ("合同价款（元）", "contract_price"),
        ("情节严重", "serious"),
    ] {
        m.reduce(MapperAction::Fact {
            column: column.into(),
            fact: Some(fact.into()),
        });
    }
}

fn findings(s: &mut Session, lp: &LoadedPack) -> Vec<(String, &'static str)> {
    s.run(lp);
    s.done()
        .iter()
        .flat_map(|d| match d {
            Done::Case(c) => c
                .review
                .findings
                .iter()
                .map(|f| (c.review.reference.clone().unwrap_or_default(), f.rule.id()))
                .collect::<Vec<_>>(),
            Done::Unreadable(e) => vec![(e.to_string(), "row.unreadable")],
        })
        .collect()
}

fn column(m: &Mapper, f: Field) -> Option<String> {
    m.fields()
        .into_iter()
        .find(|c| c.field == f)
        .and_then(|c| c.column)
}

#[test]
fn the_header_recognition_prefills_the_columns_it_knows() {
    let m = Mapper::open("本局.csv", bureau_csv().as_bytes(), None).unwrap();
    assert_eq!(m.sheets(), ["本局.csv"]);
    let header: Vec<String> = m.header().into_iter().map(|c| c.name).collect();
    assert_eq!(header.len(), 17);
    assert_eq!(header[1], "违法行为代码");
    assert_eq!(m.header()[1].letter, "B");
    // Recognised by their labels.
    assert_eq!(column(&m, Field::LegalReview).as_deref(), Some("法制审核"));
    assert_eq!(
        column(&m, Field::CollectiveDiscussion).as_deref(),
        Some("集体讨论")
    );
    // Not recognised: the bureau's own names.
    assert_eq!(column(&m, Field::Item), None);
    assert_eq!(column(&m, Field::FineImposed), None);
    assert!(!m.can_start());
    // The unmapped columns are offered as facts; none is one yet.
    let facts = m.fact_columns();
    assert!(facts.iter().any(|c| c.column.name == "合同价款（元）"));
    assert!(facts.iter().all(|c| c.fact.is_none()));
    // A table in the library's own columns needs no mapping at all.
    let lib = "case_number,item,party_kind,facts,tier,fine_imposed,承办人\n甲-1,ZL-64,legal_person,contract_price=10000000,B,300000,张三\n";
    let m = Mapper::open("库.csv", lib.as_bytes(), None).unwrap();
    assert_eq!(column(&m, Field::Item).as_deref(), Some("item"));
    assert_eq!(column(&m, Field::Officer).as_deref(), Some("承办人"));
    assert!(m.can_start());
    assert_eq!(m.mapping(), ColumnMapping::default());
    assert_eq!(m.mapping().to_json(), "{}\n");
}

#[test]
fn a_required_field_unmapped_is_an_error_naming_it_and_the_sheet() {
    let lp = pack();
    let mut m = Mapper::open("本局.csv", bureau_csv().as_bytes(), None).unwrap();
    let problems: Vec<String> = m.problems(&lp).iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("“本局.csv”：必填字段“违法行为编号”（item）未对应任何列"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("“当事人类别”（party_kind）"),
        "{problems:?}"
    );
    assert!(m.problems(&lp).iter().all(MapProblem::blocks));
    // The session refuses the table, as the CLI does without --map.
    let err = m.session(&lp).err().unwrap().to_string();
    assert!(err.contains("表头缺少必需的列"), "{err}");
    m.set(Field::Item, Some("违法行为代码".into()));
    let problems = m.problems(&lp);
    assert_eq!(problems.len(), 1);
    assert!(matches!(
        &problems[0],
        MapProblem::Required {
            field: Field::PartyKind,
            ..
        }
    ));
    m.set(Field::PartyKind, Some("当事人性质".into()));
    assert!(m.can_start());
}

#[test]
fn the_mapping_as_set_is_what_is_read_and_a_change_changes_it() {
    let lp = pack();
    let mut m = Mapper::open("本局.csv", bureau_csv().as_bytes(), None).unwrap();
    map_bureau(&mut m);
    assert!(m.problems(&lp).is_empty(), "{:?}", m.problems(&lp));
    let preview = m.preview();
    assert_eq!(preview.len(), 3);
    assert_eq!(preview[0].place, "第 2 行");
    assert_eq!(preview[1].values[&Field::FineImposed], "450000");
    assert_eq!(preview[1].values[&Field::Item], "ZL-64");
    assert_eq!(m.column_preview("合同价款（元）"), ["10000000"; 3]);
    let mut s = m.session(&lp).unwrap();
    assert_eq!(
        findings(&mut s, &lp),
        [
            ("丙-2".to_string(), "fine.outside_statutory"),
            ("丙-3".to_string(), "procedure.hearing_notice_missing"),
        ]
    );
    assert_eq!(s.summary().cases, 3);
    // The other fine column: 丙-2 is within the range now.
    m.set(Field::FineImposed, Some("拟罚金额".into()));
    assert_eq!(m.preview()[1].values[&Field::FineImposed], "300000");
    let mut s = m.session(&lp).unwrap();
    assert_eq!(
        findings(&mut s, &lp),
        [("丙-3".to_string(), "procedure.hearing_notice_missing")]
    );
    // Without the hearing notice column the rule is not checked at all.
    m.set(Field::HearingNotified, None);
    let mut s = m.session(&lp).unwrap();
    assert!(findings(&mut s, &lp).is_empty());
    assert!(
        s.summary()
            .not_checked
            .iter()
            .any(|r| r.id() == "procedure.hearing_notice_missing")
    );
    // A column taken by a field is no longer offered as a fact.
    m.set(Field::Officer, Some("合同价款（元）".into()));
    assert!(
        !m.fact_columns()
            .iter()
            .any(|c| c.column.name == "合同价款（元）")
    );
    assert!(!m.mapping().facts.contains_key("合同价款（元）"));
}

#[test]
fn a_value_that_does_not_read_names_its_row_and_column() {
    let lp = pack();
    let csv = bureau_csv().replacen("丙-2,ZL-64,法人", "丙-2,ZL-64,机器人", 1);
    let mut m = Mapper::open("本局.csv", csv.as_bytes(), None).unwrap();
    map_bureau(&mut m);
    let problems: Vec<String> = m.problems(&lp).iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("第 3 行（丙-2）：“当事人性质”列（第 3 行第 3 列）："),
        "{problems:?}"
    );
    assert!(problems[0].contains("不是当事人类型"), "{problems:?}");
    assert!(m.can_start(), "a bad row does not stop the review");
    // A bad date too, once the party reads.
    let csv = bureau_csv().replacen("2025-07-15", "七月", 1);
    let mut m = Mapper::open("本局.csv", csv.as_bytes(), None).unwrap();
    map_bureau(&mut m);
    let p = m.problems(&lp);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].to_string().contains("“结案日期”列（第 2 行第 13 列）"),
        "{}",
        p[0]
    );
}

#[test]
fn the_mapping_round_trips_through_the_file_the_cli_reads() {
    let lp = pack();
    let csv = bureau_csv();
    let mut m = Mapper::open("本局.csv", csv.as_bytes(), None).unwrap();
    map_bureau(&mut m);
    // A recognised column left out: written as "", so that the reader does not take it.
    m.set(Field::LegalReview, None);
    let json = m.mapping().to_json();
    let read = read_mapping("本局列名.json", &json).unwrap();
    assert_eq!(read, m.mapping());
    assert_eq!(read.columns[&Field::Item], "违法行为代码");
    assert_eq!(read.columns[&Field::LegalReview], "");
    assert!(!read.columns.contains_key(&Field::CollectiveDiscussion));
    assert_eq!(read.facts["情节严重"], "serious");
    let mut from_file = Session::open("本局.csv", csv.as_bytes().to_vec(), &read, &lp).unwrap();
    let mut from_mapper = m.session(&lp).unwrap();
    let (a, b) = (
        findings(&mut from_file, &lp),
        findings(&mut from_mapper, &lp),
    );
    assert_eq!(a, b);
    assert!(!a.is_empty());
    assert_eq!(from_file.csv(), from_mapper.csv());
    assert_eq!(from_file.stated(), from_mapper.stated());
    assert!(
        !from_file
            .stated()
            .has(crate::review::stated::Record::LegalReview)
    );

    // Loaded into a fresh mapper, the file sets every column as it was.
    let mut again =
        Mapper::open("本局.csv", csv.as_bytes(), Some((&read, "本局列名.json"))).unwrap();
    assert_eq!(again.loaded(), Some("本局列名.json"));
    assert_eq!(again.fields(), m.fields());
    assert_eq!(again.mapping(), m.mapping());
    assert!(
        again
            .fact_columns()
            .iter()
            .any(|c| c.fact.as_deref() == Some("contract_price"))
    );
    let revision = again.revision();
    again.reduce(MapperAction::Column {
        field: Field::Officer,
        column: None,
    });
    assert_eq!(again.revision(), revision, "one field's change");
    again.reduce(MapperAction::Reset);
    assert_ne!(again.revision(), revision, "every column changed at once");
    assert_eq!(again.loaded(), None);
    assert!(!again.can_start());
}

#[test]
fn a_mapping_naming_a_column_the_file_lacks_says_so() {
    let lp = pack();
    let map = read_mapping(
        "旧对照.json",
        r#"{"columns": {"item": "违法行为代码", "party_kind": "当事人性质", "fine_imposed": "罚没金额（元）"}}"#,
    )
    .unwrap();
    let m = Mapper::open(
        "本局.csv",
        bureau_csv().as_bytes(),
        Some((&map, "旧对照.json")),
    )
    .unwrap();
    let p = m.problems(&lp);
    assert!(
        p.iter().any(|p| p.to_string()
            == "“本局.csv”：列名对照把“罚款数额”对应到“罚没金额（元）”列，表头中没有这一列，该字段不会读取"),
        "{p:?}"
    );
    assert!(m.can_start());
    let f = m
        .fields()
        .into_iter()
        .find(|f| f.field == Field::FineImposed)
        .unwrap();
    assert!(!f.present);
}

#[test]
fn a_file_that_is_not_a_table_is_refused_with_its_name() {
    let e = Mapper::open("x.xlsx", b"PK\x03\x04 not a zip", None)
        .err()
        .unwrap();
    assert!(e.to_string().contains("x.xlsx"), "{e}");
    let e = Mapper::open("空.csv", b" \n", None).err().unwrap();
    assert_eq!(e.to_string(), "空.csv：文件是空的");
    let e = read_mapping("坏.json", r#"{"columns": {"no_such": "x"}}"#).unwrap_err();
    assert!(e.starts_with("坏.json："), "{e}");
}

#[test]
fn the_pack_offers_its_facts_by_label() {
    let opts = fact_options(&pack());
    assert!(opts.iter().any(|(id, _)| id == "contract_price"));
    let ids: std::collections::BTreeSet<&str> = opts.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(ids.len(), opts.len());
}

#[test]
fn a_workbook_shows_the_sheet_most_like_a_case_table_and_names_it() {
    let lp = pack();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    for (r, row) in [["序号", "说明"], ["1", "本表由案件系统导出"]]
        .iter()
        .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            notes.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let cases = wb.add_worksheet();
    cases.set_name("案件").unwrap();
    for (r, line) in bureau_csv().lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            cases.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let mut m = Mapper::open("本局.xlsx", &bytes, None).unwrap();
    assert_eq!(m.sheets(), ["说明", "案件"]);
    assert_eq!(m.sheet(), 1);
    assert!(
        m.problems(&lp)[0]
            .to_string()
            .starts_with("“案件”：必填字段")
    );
    map_bureau(&mut m);
    m.reduce(MapperAction::Column {
        field: Field::PartyKind,
        column: Some("情节严重".into()),
    });
    let p = m.problems(&lp);
    let first = p[0].to_string();
    assert!(
        first.starts_with("工作表“案件”第 2 行（丙-1）：“情节严重”列（工作表“案件”单元格 F2")
            && first.contains("“否”不是当事人类型"),
        "{first}"
    );
    assert_eq!(p.len(), PREVIEW_ROWS);
    let revision = m.revision();
    m.set_sheet(0);
    assert_eq!(m.header()[1].name, "说明");
    assert_ne!(m.revision(), revision);
    m.set_sheet(9);
    assert_eq!(m.sheet(), 0);
}

#[test]
fn the_mapping_last_reviewed_with_is_taken_for_the_next_file_of_the_same_export_only() {
    let lp = pack();
    let csv = bureau_csv();
    let mut m = Mapper::open("一月.csv", csv.as_bytes(), None).unwrap();
    map_bureau(&mut m);
    let remembered = m.mapping();

    // The next month's export, same columns: mapped as last time, ready to start.
    let next = Mapper::open_remembering("二月.csv", csv.as_bytes(), Some(&remembered)).unwrap();
    assert_eq!(next.loaded(), Some(REMEMBERED));
    assert!(next.remembered());
    assert_eq!(next.mapping(), remembered);
    assert!(next.can_start());
    assert!(next.problems(&lp).is_empty(), "{:?}", next.problems(&lp));

    // A file of other columns (the library's export): not put on it; the recognition alone.
    let library = "item,party,fine_imposed\nZL-64,legal_person,300000\n";
    let other = Mapper::open_remembering("库.csv", library.as_bytes(), Some(&remembered)).unwrap();
    assert_eq!(other.loaded(), None);
    assert!(!other.remembered());
    assert_eq!(
        other.mapping(),
        Mapper::open("库.csv", library.as_bytes(), None)
            .unwrap()
            .mapping()
    );

    // An empty mapping names no column: nothing to remember.
    let none =
        Mapper::open_remembering("二月.csv", csv.as_bytes(), Some(&ColumnMapping::default()))
            .unwrap();
    assert_eq!(none.loaded(), None);
    assert!(!none.can_start());
}
