//! The officer's documents: golden texts on the reference pack, the .docx package unzipped and
//! read back (amounts in figures and 大写, cited articles, the departure, a 陈述申辩 not adopted,
//! hostile text escaped), refusals outside the statutory range, and the pack's settings.
//!
//! Golden files live in tests/golden/documents/; `UPDATE_GOLDEN=1 cargo test --test documents`
//! rewrites them (then read them: they are reviewed by people).

mod common;

use std::io::Read;
use std::path::PathBuf;

use cailiang::case::Case;
use cailiang::documents::{
    self, Document, DocumentError, DocumentInputs, DocumentKind, DocumentWarning,
};
use cailiang::engine::result::EvalResult;
use cailiang::evaluate;
use cailiang::pack::LoadedPack;

fn case(json: serde_json::Value) -> Case {
    serde_json::from_value(json).expect("case JSON")
}

fn inputs(json: serde_json::Value) -> DocumentInputs {
    serde_json::from_value(json).expect("inputs JSON")
}

fn eval(lp: &LoadedPack, c: &Case) -> EvalResult {
    evaluate(lp, c).expect("evaluates")
}

/// ZL-64 (偷工减料) for a 法人, contract price 10,000,000 元, tier B, merged with `extra`.
fn zl64(extra: serde_json::Value) -> Case {
    let mut b = serde_json::json!({
        "items": ["ZL-64"], "party": "legal_person",
        "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"},
        "facts": { "contract_price": "10000000" }, "tier": "B"
    });
    if let (Some(b), Some(e)) = (b.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    case(b)
}

/// The officer's inputs of a full case file.
fn full_inputs() -> DocumentInputs {
    inputs(serde_json::json!({
        "authority": "示例市住房和城乡建设局",
        "party": {
            "name": "示例建设工程有限公司",
            "credit_code": "91000000MA00000001",
            "representative": "张某",
            "address": "示例市示例区建设路1号",
            "phone": "010-00000000"
        },
        "case_number": "示建立〔2025〕12号",
        "notice_number": "示建罚告〔2025〕12号",
        "decision_number": "示建罚决〔2025〕12号",
        "filed": "2025-06-02",
        "notice_date": "2025-06-16",
        "facts": "当事人于2025年3月1日在示例小区3号楼施工中，使用未经检验的钢筋共计12吨",
        "evidence": [
            {"item": "《现场检查笔录》", "proves": "当事人在施工现场使用未经检验的钢筋"},
            {"item": "钢筋检测报告", "proves": "所用钢筋不符合设计要求"},
            {"item": "施工合同", "proves": "工程合同价款为10,000,000元"}
        ],
        "statement": {
            "status": "made",
            "summary": "钢筋已全部更换，请求免予处罚",
            "adoption": "not_adopted",
            "reason": "事后更换钢筋属于改正违法行为，不影响违法事实的认定，且不符合不予处罚的情形"
        },
        "hearing": {"requested": false},
        "reasons": {"tier": "涉案钢筋12吨，已用于主体结构，情节一般", "amount": "当事人积极整改，在建议幅度中段确定罚款数额"}
    }))
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/documents")
        .join(format!("{name}.txt"))
}

/// Compares a document's plain text with tests/golden/documents/<name>.txt (or writes it with
/// UPDATE_GOLDEN=1).
fn golden(name: &str, doc: &Document) {
    let text = doc.plain_text();
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("mkdir golden");
        std::fs::write(&path, &text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run UPDATE_GOLDEN=1 cargo test --test documents)",
            path.display()
        )
    });
    if want != text {
        let first = want
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(text.lines().count()));
        panic!(
            "{} differs at line {}:\n  golden: {}\n  now:    {}\n--- full text ---\n{text}",
            path.display(),
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            text.lines().nth(first).unwrap_or("<end>"),
        );
    }
}

fn make(kind: DocumentKind, c: &Case, i: &DocumentInputs) -> Document {
    let lp = common::reference();
    let r = eval(&lp, c);
    documents::generate(kind, &lp, c, &r, i).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn golden_notice() {
    let c = zl64(serde_json::json!({"intended_fine": "300000"}));
    golden("notice", &make(DocumentKind::Notice, &c, &full_inputs()));
}

#[test]
fn golden_decision() {
    let c = zl64(serde_json::json!({"intended_fine": "300000"}));
    golden(
        "decision",
        &make(DocumentKind::Decision, &c, &full_inputs()),
    );
}

#[test]
fn golden_decision_with_departure() {
    let c = zl64(serde_json::json!({"intended_fine": "350000"}));
    golden(
        "decision_departure",
        &make(DocumentKind::Decision, &c, &departure_inputs()),
    );
}

#[test]
fn golden_no_penalty_decision() {
    let c = zl64(serde_json::json!({
        "circumstances": {"minor": true, "corrected": true, "no_harm": true}
    }));
    let mut i = full_inputs();
    i.statement = None;
    i.hearing = None;
    i.education =
        Some("向当事人宣讲《建设工程质量管理条例》有关规定，并督促其建立材料进场检验制度".into());
    golden("no_penalty", &make(DocumentKind::NoPenaltyDecision, &c, &i));
}

#[test]
fn golden_blank_decision() {
    let c = zl64(serde_json::json!({}));
    golden(
        "decision_blank",
        &make(DocumentKind::Decision, &c, &DocumentInputs::default()),
    );
}

// ---------------------------------------------------------------------------------------------
// The .docx package, read back.

/// The parts of a .docx package, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, String, zip::DateTime)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Stored,
            "{}",
            f.name()
        );
        let mut text = String::new();
        f.read_to_string(&mut text).expect("UTF-8 part");
        let time = f.last_modified().unwrap_or_default();
        out.push((f.name().to_string(), text, time));
    }
    out
}

fn part<'a>(parts: &'a [(String, String, zip::DateTime)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, t, _)| t.as_str())
        .unwrap_or_else(|| panic!("no part {name}"))
}

/// The text of word/document.xml: each paragraph's runs joined, entities decoded.
fn paragraphs(document_xml: &str) -> Vec<String> {
    document_xml
        .split("<w:p>")
        .skip(1)
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(i) = rest.find("<w:t xml:space=\"preserve\">") {
                rest = &rest[i + "<w:t xml:space=\"preserve\">".len()..];
                let end = rest.find("</w:t>").expect("closed run");
                text.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

fn departure_inputs() -> DocumentInputs {
    let mut i = full_inputs();
    i.departure = Some(inputs(serde_json::json!({
        "departure": {
            "reason": "涉案钢筋用于学校教学楼主体结构，社会影响较大",
            "approval": {"by": "collective", "date": "2025-06-28", "reference": "示建集议〔2025〕7号"}
        }
    }))
    .departure
    .expect("departure"));
    i
}

#[test]
fn the_docx_holds_amounts_articles_the_departure_and_the_statement() {
    let c = zl64(serde_json::json!({"intended_fine": "350000"}));
    let doc = make(DocumentKind::Decision, &c, &departure_inputs());
    assert_eq!(
        doc.warnings,
        vec![DocumentWarning::ReferencePack],
        "an approved departure leaves only the reference-pack warning"
    );
    let bytes = doc.docx().expect("docx");
    let parts = unzip(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "docProps/core.xml",
            "docProps/app.xml"
        ]
    );
    for (name, _, time) in &parts {
        assert_eq!(
            (time.year(), time.month(), time.day(), time.hour()),
            (2025, 7, 1, 0),
            "{name} is stamped with the decision date"
        );
    }
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("2025-07-01T00:00:00Z"), "{core}");
    assert!(core.contains("<dc:title>行政处罚决定书</dc:title>"));
    let xml = part(&parts, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(xml.contains(r#"r:id="rId4""#), "the footer is referenced");
    assert!(part(&parts, "word/footer1.xml").contains(" PAGE "));
    let text = paragraphs(xml).join("\n");
    for want in [
        "罚款人民币350,000元（大写：叁拾伍万元整）",
        "《中华人民共和国行政处罚法》第七十二条",
        "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
        "依照《中华人民共和国行政强制法》的规定申请人民法院强制执行",
        "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款",
        "《中华人民共和国行政处罚法》第七十三条第一款",
        "不在建议幅度以内",
        "偏离的理由是：涉案钢筋用于学校教学楼主体结构，社会影响较大。",
        "该偏离已经本机关负责人集体讨论决定（2025年6月28日，示建集议〔2025〕7号）。",
        "钢筋已全部更换，请求免予处罚",
        "对当事人的意见，本机关不予采纳。",
        "《建设工程质量管理条例》第六十四条",
        "示例建设工程有限公司",
    ] {
        assert!(text.contains(want), "document.xml lacks “{want}”:\n{text}");
    }
    // The paragraphs are the document's blocks, in order, each with its style.
    assert_eq!(paragraphs(xml).len(), doc.blocks.len());
    assert!(xml.contains(
        r#"<w:pStyle w:val="DocTitle"/></w:pPr><w:r><w:t xml:space="preserve">行政处罚决定书</w:t>"#
    ));
    assert!(xml.contains(
        r#"<w:pStyle w:val="Closing"/></w:pPr><w:r><w:t xml:space="preserve">2025年7月1日</w:t>"#
    ));
    assert!(xml.contains(
        r#"<w:pStyle w:val="Signature"/></w:pPr><w:r><w:t xml:space="preserve">示例市住房和城乡建设局</w:t>"#
    ));
    // The last paragraph keeps with the 落款, which never stands alone on a page.
    assert_eq!(xml.matches("<w:keepNext/>").count(), 1);
    assert!(xml.contains(r#"<w:pStyle w:val="Body"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">依据《中华人民共和国行政处罚法》第七十三条第一款"#));
    // The same document gives the same bytes.
    assert_eq!(doc.docx().expect("docx"), bytes);
}

#[test]
fn hostile_text_is_escaped_in_the_docx_and_the_html() {
    let hostile = "<w:p>恶意</w:p>&amp;]]><script>alert(1)</script>\u{1}";
    let mut i = full_inputs();
    i.party.name = Some(hostile.to_string());
    i.facts = Some(format!("当事人写道：{hostile}"));
    i.evidence[0].item = hostile.to_string();
    let c = zl64(serde_json::json!({"intended_fine": "300000"}));
    let doc = make(DocumentKind::Decision, &c, &i);
    let parts = unzip(&doc.docx().expect("docx"));
    let xml = part(&parts, "word/document.xml");
    assert!(!xml.contains("]]>"), "]]> reaches the XML");
    assert!(!xml.contains("<w:p>恶意"), "markup reaches the XML");
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains('\u{1}'));
    assert!(xml.contains("&lt;w:p&gt;恶意&lt;/w:p&gt;&amp;amp;]]&gt;&lt;script&gt;"));
    // Every paragraph opened is closed: the text did not break the structure.
    assert_eq!(xml.matches("<w:p>").count(), xml.matches("</w:p>").count());
    assert_eq!(xml.matches("<w:p>").count(), doc.blocks.len());
    let text = paragraphs(xml);
    assert!(
        text.iter()
            .any(|p| p == &format!("当事人：{}", hostile.replace('\u{1}', "")))
    );
    let html = doc.html();
    assert!(!html.contains("<script>") && !html.contains("<w:p>"));
    assert!(
        !html.contains("style="),
        "the fragment carries no inline style (CSP)"
    );
    assert!(html.contains("&lt;script&gt;"));
    let core = part(&parts, "docProps/core.xml");
    assert!(!core.contains("<w:p>"));
}

// ---------------------------------------------------------------------------------------------
// Departures and refusals.

#[test]
fn a_departure_without_reason_or_approval_is_generated_with_warnings() {
    let c = zl64(serde_json::json!({"intended_fine": "350000"}));
    for kind in [DocumentKind::Notice, DocumentKind::Decision] {
        let doc = make(kind, &c, &full_inputs());
        assert!(
            doc.warnings
                .contains(&DocumentWarning::DepartureWithoutReason)
                && doc
                    .warnings
                    .contains(&DocumentWarning::DepartureWithoutApproval),
            "{kind:?}: {:?}",
            doc.warnings
        );
        let text = doc.plain_text();
        assert!(text.contains("【偏离裁量基准的理由】"), "{text}");
        assert!(text.contains("【偏离裁量基准须经本机关负责人批准或者集体讨论决定"));
    }
    // An approval without its reference, dated after the decision.
    let mut i = departure_inputs();
    if let Some(a) = i.departure.as_mut().and_then(|d| d.approval.as_mut()) {
        a.reference = None;
        a.date = Some("2025-07-05".parse().expect("date"));
    }
    let doc = make(DocumentKind::Decision, &c, &i);
    assert!(doc.warnings.contains(&DocumentWarning::ApprovalIncomplete));
    assert!(
        doc.warnings
            .iter()
            .any(|w| matches!(w, DocumentWarning::ApprovalAfterDecision { .. }))
    );
    // Inside the benchmark range but outside the recommended one is a departure too; inside the
    // recommended range is none.
    let within = make(
        DocumentKind::Decision,
        &zl64(serde_json::json!({"intended_fine": "266666.67"})),
        &full_inputs(),
    );
    assert_eq!(within.warnings, vec![DocumentWarning::ReferencePack]);
    assert!(within.plain_text().contains("位于该幅度自下限起约0%处"));
}

#[test]
fn outside_the_statutory_range_there_is_no_departure() {
    let lp = common::reference();
    let refuse = |c: &Case| {
        let r = eval(&lp, c);
        let i = departure_inputs();
        DocumentKind::ALL
            .into_iter()
            .filter(|k| k.fits(r.outcome))
            .map(|k| documents::generate(k, &lp, c, &r, &i).map(|_| ()))
            .collect::<Vec<_>>()
    };
    let above = refuse(&zl64(serde_json::json!({"intended_fine": "400000.01"})));
    assert_eq!(above.len(), 2);
    for e in &above {
        let Err(e @ DocumentError::AboveStatutory { citation, .. }) = e else {
            panic!("{e:?}")
        };
        assert_eq!(citation.article, 64);
        let msg = e.to_string();
        assert!(
            msg.contains("拟罚款400,000.01元超过《建设工程质量管理条例》第六十四条规定的法定罚款幅度（200,000元以上400,000元以下）"),
            "{msg}"
        );
    }
    let below = refuse(&zl64(serde_json::json!({"intended_fine": "199999"})));
    assert!(
        below
            .iter()
            .all(|e| matches!(e, Err(DocumentError::BelowStatutory { .. }))),
        "{below:?}"
    );
    let zero = refuse(&zl64(serde_json::json!({"intended_fine": "0"})));
    assert!(
        zero.iter()
            .all(|e| matches!(e, Err(DocumentError::NotAFine { .. })))
    );
    // The statutory maximum itself is inside (以下 含本数).
    assert!(
        refuse(&zl64(serde_json::json!({"intended_fine": "400000"})))
            .iter()
            .all(Result::is_ok)
    );
}

#[test]
fn below_the_statutory_minimum_is_lawful_only_as_reduction() {
    let lp = common::reference();
    // RQ-50: 公民 5,000–50,000 元; a 16-year-old (art 30): 减轻 chosen.
    let reduced = |fine: &str| {
        case(serde_json::json!({
            "items": ["RQ-50"], "party": "citizen", "tier": "B", "age": 16,
            "choose_reduced": true, "intended_fine": fine,
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"}
        }))
    };
    let c = reduced("3000");
    let r = eval(&lp, &c);
    assert_eq!(r.adjustment.level, cailiang::engine::result::Level::Reduced);
    let doc = documents::generate(DocumentKind::Decision, &lp, &c, &r, &full_inputs())
        .expect("a reduced fine below the statutory minimum");
    let text = doc.plain_text();
    assert!(
        text.contains("罚款人民币3,000元（大写：叁仟元整）"),
        "{text}"
    );
    assert!(text.contains("减轻"), "{text}");
    let c = reduced("50000.01");
    let r = eval(&lp, &c);
    assert!(matches!(
        documents::generate(DocumentKind::Decision, &lp, &c, &r, &full_inputs()),
        Err(DocumentError::AboveStatutory { .. })
    ));
}

#[test]
fn each_document_fits_its_outcomes() {
    let lp = common::reference();
    let fine = zl64(serde_json::json!({}));
    let none = zl64(
        serde_json::json!({"circumstances": {"minor": true, "corrected": true, "no_harm": true}}),
    );
    let open = zl64(serde_json::json!({
        "circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}
    }));
    let kinds = |c: &Case| documents::available(&eval(&lp, c));
    assert_eq!(kinds(&fine), [DocumentKind::Notice, DocumentKind::Decision]);
    assert_eq!(kinds(&none), [DocumentKind::NoPenaltyDecision]);
    assert!(
        kinds(&open).is_empty(),
        "可以不予处罚 must be decided first"
    );
    let r = eval(&lp, &open);
    let e = documents::generate(DocumentKind::Decision, &lp, &open, &r, &full_inputs())
        .expect_err("undecided");
    assert!(e.to_string().contains("请先决定是否不予处罚"), "{e}");
    let r = eval(&lp, &fine);
    let e = documents::generate(
        DocumentKind::NoPenaltyDecision,
        &lp,
        &fine,
        &r,
        &full_inputs(),
    )
    .expect_err("a fine is due");
    assert_eq!(
        e.to_string(),
        "本案计算结果为“罚款”，不能制作不予行政处罚决定书：本案应当给予行政处罚"
    );
    // Waived (首违不罚 applied) and refused (penalised anyway, with the reason).
    let mut waived = open.clone();
    waived.waive = Some(true);
    let mut i = full_inputs();
    i.reasons.discretion = Some("当事人系初次违法，已全部返工".into());
    let doc = make(DocumentKind::NoPenaltyDecision, &waived, &i);
    assert!(
        doc.plain_text()
            .contains("本机关综合考虑当事人系初次违法，已全部返工，决定不予行政处罚"),
        "{}",
        doc.plain_text()
    );
    let mut refused = open;
    refused.waive = Some(false);
    i.reasons.discretion = Some("当事人违法行为涉及主体结构安全".into());
    let doc = make(DocumentKind::Decision, &refused, &i);
    let text = doc.plain_text();
    assert!(
        text.contains("可以不予行政处罚。本机关经裁量，决定仍予行政处罚，理由是：当事人违法行为涉及主体结构安全。"),
        "{text}"
    );
}

#[test]
fn a_time_barred_case_is_not_penalised_again() {
    let c = zl64(serde_json::json!({
        "dates": {"occurred": "2020-01-01", "discovered": "2022-01-02", "decided": "2022-02-01"}
    }));
    let doc = make(DocumentKind::NoPenaltyDecision, &c, &full_inputs());
    let text = doc.plain_text();
    assert!(text.contains("不再给予行政处罚的理由及依据"), "{text}");
    assert!(
        text.contains("本机关决定对当事人不再给予行政处罚"),
        "{text}"
    );
    assert!(text.contains("第三十六条"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// The hearing notice, the pack's settings.

#[test]
fn a_possible_hearing_is_a_marked_blank_and_a_required_one_quotes_five_days() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benchmarks/local-example-city.json");
    let lp = common::load(&path);
    let c = case(serde_json::json!({
        "items": ["SL-01"], "party": "legal_person",
        "facts": {"area": "100", "construction_cost": "1234567"}
    }));
    let r = eval(&lp, &c);
    assert_eq!(
        r.flags.hearing.status,
        cailiang::engine::result::FlagStatus::Possible
    );
    let doc = documents::generate(
        DocumentKind::Notice,
        &lp,
        &c,
        &r,
        &DocumentInputs::default(),
    )
    .expect("notice");
    let text = doc.plain_text();
    let hearing = text
        .lines()
        .find(|l| l.contains("听证"))
        .unwrap_or_else(|| panic!("no hearing line:\n{text}"));
    assert!(
        hearing.trim_start_matches('\u{3000}').starts_with("【如"),
        "{hearing}"
    );
    assert!(hearing.ends_with("】"), "{hearing}");
    assert!(
        hearing.contains("当事人要求听证的，应当在行政机关告知后五日内提出"),
        "{hearing}"
    );
    let notice = make(
        DocumentKind::Notice,
        &zl64(serde_json::json!({"intended_fine": "300000"})),
        &full_inputs(),
    );
    assert!(notice.plain_text().contains(
        "依据《中华人民共和国行政处罚法》第六十四条第（一）项的规定，当事人要求听证的，应当在行政机关告知后五日内提出。"
    ));
}

/// The reference pack with document settings.
fn with_settings(settings: serde_json::Value) -> LoadedPack {
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack JSON");
    v["documents"] = settings;
    let text = serde_json::to_string(&v).expect("JSON");
    let (lp, report) = cailiang::validate::accept_pack("settings.json", &text)
        .unwrap_or_else(|r| panic!("{}\n{}", r.report.summary(), r.report.lines().join("\n")));
    assert!(report.is_ok());
    lp
}

#[test]
fn the_packs_settings_fill_the_blanks_and_replace_templates() {
    let lp = with_settings(serde_json::json!({
        "authority": "示例市城市管理综合行政执法局",
        "seal": "（印章）",
        "statement_period": {"days": 3, "working_days": true,
            "basis": {"source": {"title": "示例省住房城乡建设行政处罚文书示范文本"}}},
        "payment": "请持本决定书到示例银行各网点缴纳罚款，或者通过示例省非税收入电子缴款系统缴纳。",
        "remedy": "当事人对本决定不服的，可以依法申请行政复议或者提起行政诉讼（示范文本的救济途径表述）。",
        "contact": "本机关地址：示例路2号；联系人：李某；电话：010-11111111。",
        "templates": {"decision.remedy": "{remedy}【示范文本】{no_stay}"},
        "sources": [{"title": "示例省住房城乡建设行政处罚文书示范文本"}]
    }));
    let c = zl64(serde_json::json!({"intended_fine": "300000"}));
    let r = eval(&lp, &c);
    let mut i = full_inputs();
    i.authority = None;
    let notice = documents::generate(DocumentKind::Notice, &lp, &c, &r, &i).expect("notice");
    let text = notice.plain_text();
    assert!(text.starts_with("示例市城市管理综合行政执法局\n"), "{text}");
    assert!(text.contains("自收到本告知书之日起三个工作日内向本机关提出陈述、申辩意见（期限依据：示例省住房城乡建设行政处罚文书示范文本）"), "{text}");
    assert!(text.contains("本机关地址：示例路2号"));
    assert!(text.ends_with("2025年6月16日\n（印章）\n"), "{text}");
    let decision = documents::generate(DocumentKind::Decision, &lp, &c, &r, &i).expect("decision");
    let text = decision.plain_text();
    assert!(text.contains("示例银行各网点"));
    assert!(text.contains("（示范文本的救济途径表述）。【示范文本】依据《中华人民共和国行政处罚法》第七十三条第一款"), "{text}");
    assert!(!text.contains("【申请行政复议、提起行政诉讼的途径和期限】"));
    // The officer's authority wins over the pack's.
    let doc =
        documents::generate(DocumentKind::Decision, &lp, &c, &r, &full_inputs()).expect("decision");
    assert_eq!(doc.authority, "示例市住房和城乡建设局");
}

#[test]
fn the_validator_refuses_bad_document_settings_at_their_path() {
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack JSON");
    v["documents"] = serde_json::json!({"templates": {"decision.remedy": "{remedy}{amount}", "decision.cover": "x"}});
    let text = serde_json::to_string(&v).expect("JSON");
    let refused = cailiang::validate::accept_pack("bad.json", &text).expect_err("refused");
    let paths: Vec<&str> = refused
        .report
        .errors
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "$.documents.templates.decision.cover",
            "$.documents.templates.decision.remedy"
        ]
    );
    v["documents"] = serde_json::json!({"remedy": 5});
    let text = serde_json::to_string(&v).expect("JSON");
    let refused = cailiang::validate::accept_pack("bad.json", &text).expect_err("refused");
    assert_eq!(refused.report.errors[0].path, "$.documents.remedy");
}

// ---------------------------------------------------------------------------------------------
// Every case of every pack.

/// Every pack case makes every document its outcome allows, with no template placeholder left,
/// a .docx that unzips, and a refusal only where the intended amount leaves the statute.
#[test]
fn every_pack_case_makes_its_documents() {
    let mut made = 0;
    common::for_each_pack_case(|path, lp, item, pc| {
        let c = pc.case_for(item);
        let Ok(r) = evaluate(lp, &c) else { return };
        for kind in documents::available(&r) {
            match documents::generate(kind, lp, &c, &r, &DocumentInputs::default()) {
                Ok(doc) => {
                    made += 1;
                    for b in &doc.blocks {
                        assert!(
                            !b.text.is_empty() && !b.text.contains('{') && !b.text.contains('}'),
                            "{} {} “{}” {kind:?}: {:?}",
                            path.display(),
                            item.code,
                            pc.name,
                            b
                        );
                    }
                    if made % 25 == 0 {
                        let parts = unzip(&doc.docx().expect("docx"));
                        assert_eq!(
                            paragraphs(part(&parts, "word/document.xml")).len(),
                            doc.blocks.len()
                        );
                    }
                }
                Err(e) => assert!(
                    c.intended_fine.is_some(),
                    "{} {} “{}” {kind:?}: {e}",
                    path.display(),
                    item.code,
                    pc.name
                ),
            }
        }
    });
    assert!(made > 300, "only {made} documents");
}

/// The form of the 文书 page: an evidence row added but left empty is not in the document; one
/// whose item is not named shows the blank.
#[test]
fn the_pages_form_gives_the_documents_their_inputs() {
    use cailiang::documents::InputsForm;
    use cailiang::documents::form::{InputsEdit, TextField};
    let mut f = InputsForm::default();
    for e in [
        InputsEdit::Text(TextField::PartyName, "示例建设工程有限公司".into()),
        InputsEdit::AddEvidence,
        InputsEdit::EvidenceProves(0, "当事人在施工现场使用未经检验的钢筋".into()),
        InputsEdit::AddEvidence,
    ] {
        f.apply(e);
    }
    let c = zl64(serde_json::json!({}));
    let text = make(DocumentKind::Decision, &c, &f.for_documents()).plain_text();
    assert!(text.contains("当事人：示例建设工程有限公司"), "{text}");
    assert!(
        text.contains("证据一：【证据名称】，证明当事人在施工现场使用未经检验的钢筋。"),
        "{text}"
    );
    assert!(!text.contains("证据二"), "{text}");
    // A statement made but not yet written down is a visible blank.
    f.apply(InputsEdit::Statement(Some(
        cailiang::documents::form::StatementStatus::Made,
    )));
    let text = make(DocumentKind::Decision, &c, &f.for_documents()).plain_text();
    assert!(
        text.contains("当事人提出陈述、申辩意见：【陈述、申辩的主要内容】。"),
        "{text}"
    );
    assert!(
        text.contains("认为：【复核意见】。对当事人的意见，本机关不予采纳。"),
        "{text}"
    );
}

/// The 文书 page prints a document with the stylesheet's copy of the print rules: each rule of
/// `PRINT_CSS` (the HTML views') is in web/style.css, the page size as the named page `doc`.
#[test]
fn the_page_stylesheet_keeps_the_print_rules() {
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/style.css"),
    )
    .expect("web/style.css");
    for rule in documents::PRINT_CSS
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let rule = rule.replacen("@page {", "@page doc {", 1);
        assert!(css.contains(&rule), "web/style.css 缺少打印规则：{rule}");
    }
    assert!(css.contains(".cl-doc { page: doc; }"));
}
