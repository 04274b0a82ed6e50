//! The result as text for other systems: the plain-text summary for pasting into a
//! case-handling system (the outcome, the ranges in figures and in 大写, the tier, the factors,
//! the penalties, the procedural flags and the pack and engine that produced it), the JSON file
//! of 导出 JSON, and plain text as Windows editors read it.

use serde::Serialize;

use crate::case::{Case, CoParty};
use crate::engine::range::yuan;
use crate::engine::result::{EvalResult, ItemRef, MoneyRange};
use crate::text::{cite, cite_list};

use super::format::{capital, flag_rows, flag_status, money_range, range_capital, range_words};

/// “¥200,000 – ¥400,000（200,000元以上400,000元以下；人民币贰拾万元以上肆拾万元以下）”.
pub fn range_line(r: &MoneyRange) -> String {
    match range_capital(r) {
        Some(c) => format!("{}（{}；{c}）", money_range(r), range_words(r)),
        None => format!("{}（{}）", money_range(r), range_words(r)),
    }
}

fn item_line(i: &ItemRef) -> String {
    format!("{} {}（{}）", i.code, i.name, cite(&i.penalty_basis))
}

/// The plain-text summary of a result for `case`: the act, the party's result, then each other
/// party's result under its own heading (its role, kind and name), then the pack and engine.
pub fn summary(case: &Case, r: &EvalResult) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| out.push(s);
    push("行政处罚裁量计算结果".to_string());
    if r.provenance.reference_only {
        push("【本结果依据参考示例基准计算，非任何机关发布的正式裁量基准，不得直接作为处罚决定依据】".to_string());
    }
    push(format!("违法行为：{} {}", r.item.code, r.item.name));
    if !r.item.violates.is_empty() {
        push(format!("违法依据：{}", cite_list(&r.item.violates)));
    }
    push(format!("处罚依据：{}", cite(&r.item.penalty_basis)));
    if !r.other_items.is_empty() {
        push(
            "同一行为涉及的其他规定（依《中华人民共和国行政处罚法》第二十九条，按罚款数额高的规定处罚，不再另行罚款）："
                .to_string(),
        );
        for o in &r.other_items {
            push(format!("  - {}", item_line(o)));
        }
    }
    if let Some(role) = &r.role {
        push(format!("当事人角色：{}", role.label));
    }
    party_lines(&mut out, case, r);
    // The engine evaluates `case.parties` in order into `co_parties`.
    for (i, (co, p)) in r.co_parties.iter().zip(&case.parties).enumerate() {
        out.push(String::new());
        out.push(co_party_heading(i, co, p));
        party_lines(&mut out, &case.for_party(p), co);
    }
    if !r.co_parties.is_empty() {
        out.push(String::new());
    }
    let p = &r.provenance;
    out.push(format!(
        "基准：{}（{}），编号 {}，内容摘要 SHA-256 {}；计算引擎 cailiang {}",
        p.pack_title, p.edition, p.pack_id, p.content_hash, p.engine_version
    ));
    out.join("\n") + "\n"
}

/// One party's lines: the outcome, the ranges, the tier, the adjustment, the penalties, the
/// flags, what is missing and the warnings, as the engine gave them for `case`'s party.
/// The role of another party of the act, as its result names it (else as the case does).
pub fn co_party_role<'a>(co: &'a EvalResult, p: &'a CoParty) -> &'a str {
    co.role
        .as_ref()
        .map_or(p.role.as_str(), |x| x.label.as_str())
}

/// “其他当事人 1：施工单位（法人）　某建筑公司”: the heading of the `i`-th other party (from 0),
/// in the copied result and on the sheet.
pub fn co_party_heading(i: usize, co: &EvalResult, p: &CoParty) -> String {
    let name = p
        .display_name()
        .map(|n| format!("　{n}"))
        .unwrap_or_default();
    format!(
        "其他当事人 {}：{}（{}）{name}",
        i + 1,
        co_party_role(co, p),
        p.party.label()
    )
}

fn party_lines(out: &mut Vec<String>, case: &Case, r: &EvalResult) {
    let mut push = |s: String| out.push(s);
    let outcome = if r.summary == r.outcome.label() {
        r.outcome.label().to_string()
    } else {
        r.summary.clone()
    };
    push(format!("处理结论：{outcome}"));
    for (name, range) in [
        ("法定幅度", &r.statutory),
        ("基准幅度（阶次）", &r.benchmark),
        ("建议罚款幅度", &r.recommended),
    ] {
        if let Some(range) = range {
            push(format!("{name}：{}", range_line(range)));
        }
    }
    if let Some(f) = &case.intended_fine {
        let words = capital(f).unwrap_or_else(|e| e);
        push(format!("拟罚款数额：¥{}（{words}）", yuan(f.0)));
    }
    if r.fine_discretionary {
        push("本条规定的是“可以”并处罚款，是否罚款由执法机关裁量。".to_string());
    }
    match &r.tier {
        Some(t) => push(format!(
            "裁量阶次：{} {}（{}）：{}",
            t.code,
            t.label,
            t.chosen.label(),
            t.description
        )),
        None if !r.tier_options.is_empty() => push(format!(
            "裁量阶次：待选择（{}）",
            r.tier_options
                .iter()
                .map(|t| format!("{} {}", t.code, t.label))
                .collect::<Vec<_>>()
                .join("、")
        )),
        None => {}
    }
    let mut adj = format!("从轻、减轻、从重：{}", r.adjustment.level.label());
    if !r.adjustment.rule.is_empty() {
        adj.push_str(&format!("（{}）", r.adjustment.rule));
    }
    push(adj);
    for f in &r.adjustment.factors {
        let mut line = format!(
            "  - {}：{}（{}）",
            f.direction.label(),
            f.label,
            if f.mandatory { "应当" } else { "可以" }
        );
        if let Some(c) = &f.citation {
            line.push_str(&format!("，{}", cite(c)));
        }
        if let Some(s) = &f.source {
            line.push_str(&format!("，{s}"));
        }
        push(line);
    }
    if !r.penalties.is_empty() {
        push("其他处罚和责令事项：".to_string());
        for p in &r.penalties {
            let mut line = format!(
                "  - {}：{}（{}{}）",
                p.kind.label(),
                p.text,
                if p.mandatory { "应当" } else { "可以" },
                if p.conditional { "，视情形" } else { "" }
            );
            if let Some(a) = &p.amount {
                let words = capital(a).unwrap_or_else(|e| e);
                line.push_str(&format!("，¥{}（{words}）", yuan(a.0)));
            }
            if let Some(by) = &p.decided_by {
                line.push_str(&format!("，决定机关：{by}"));
            }
            line.push_str(&format!("，{}", cite(&p.citation)));
            push(line);
        }
    }
    if let Some(pf) = &r.personal_fine {
        push(format!(
            "对直接负责的主管人员和其他直接责任人员的罚款：每人{}，{}，{}",
            range_line(&pf.range),
            pf.text,
            cite(&pf.citation)
        ));
    }
    push("程序提示：".to_string());
    for (name, flag, simple) in flag_rows(&r.flags) {
        let mut line = format!(
            "  - {name}：{}。{}",
            flag_status(flag.status, simple),
            flag.reason
        );
        if !flag.citations.is_empty() {
            line.push_str(&format!("（{}）", cite_list(&flag.citations)));
        }
        push(line);
    }
    if !r.pending.is_empty() {
        push(format!("待补充：{}", r.pending.join("；")));
    }
    if !r.warnings.is_empty() {
        push(format!("注意：{}", r.warnings.join("；")));
    }
}

/// What 导出 JSON writes: the case and its result, under the tool's name.
#[derive(Debug, Clone, Serialize)]
pub struct ResultFile<'a> {
    /// “裁量基准计算器”.
    pub tool: &'static str,
    /// The case as read from the form.
    pub case: &'a Case,
    /// The engine's result.
    pub result: &'a EvalResult,
}

impl<'a> ResultFile<'a> {
    /// The file for a case and its result.
    pub fn new(case: &'a Case, result: &'a EvalResult) -> Self {
        ResultFile {
            tool: "裁量基准计算器",
            case,
            result,
        }
    }

    /// “裁量结果-ZL-64.json”.
    pub fn file_name(&self) -> String {
        format!("裁量结果-{}.json", self.result.item.code)
    }
}

/// Plain text for Windows editors: a BOM (so that old Notepad reads it as UTF-8) and CRLF line
/// ends.
pub fn windows_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.lines().count() + 3);
    out.push('\u{feff}');
    for line in text.lines() {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn case(json: &str) -> Case {
        serde_json::from_str(json).unwrap()
    }

    fn run(json: &str) -> (Case, EvalResult, String) {
        let lp = crate::reference_pack().unwrap();
        let c = case(json);
        let r = crate::evaluate(&lp, &c).unwrap();
        let text = summary(&c, &r);
        (c, r, text)
    }

    fn has_line(text: &str, line: &str) {
        assert!(
            text.lines().any(|l| l == line),
            "no line “{line}” in:\n{text}"
        );
    }

    #[test]
    fn a_fine_in_figures_and_capitals_with_its_sources() {
        let (_, r, text) = run(
            r#"{"items":["ZL-64"],"party":"legal_person","facts":{"contract_price":"10000000"},"tier":"B","intended_fine":"300000"}"#,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "行政处罚裁量计算结果");
        // The reference pack says what it is, right under the title.
        assert!(
            lines[1].starts_with("【本结果依据参考示例基准计算"),
            "{}",
            lines[1]
        );
        has_line(
            &text,
            "违法行为：ZL-64 施工单位偷工减料、使用不合格材料或者不按照设计图纸、施工技术标准施工",
        );
        has_line(&text, "处罚依据：《建设工程质量管理条例》第六十四条");
        has_line(
            &text,
            "法定幅度：¥200,000 – ¥400,000（200,000元以上400,000元以下；人民币贰拾万元以上肆拾万元以下）",
        );
        has_line(
            &text,
            "建议罚款幅度：¥266,666.67 – ¥333,333.33（266,666.67元以上333,333.33元以下；人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分以上叁拾叁万叁仟叁佰叁拾叁元叁角叁分以下）",
        );
        has_line(&text, "拟罚款数额：¥300,000（人民币叁拾万元整）");
        assert!(
            text.contains("裁量阶次：B 一般（执法人员选择）："),
            "{text}"
        );
        // Five procedural flags, in the order of the result sheet.
        let flags: Vec<&str> = lines
            .iter()
            .skip_while(|l| **l != "程序提示：")
            .skip(1)
            .take_while(|l| l.starts_with("  - "))
            .copied()
            .collect();
        assert_eq!(flags.len(), 5, "{flags:?}");
        assert!(
            flags[0].starts_with("  - 简易程序（当场处罚）：不适用。"),
            "{}",
            flags[0]
        );
        assert!(flags[1].starts_with("  - 告知听证权利："));
        // The pack and engine, with the full content hash.
        let last = lines.last().unwrap();
        assert!(last.contains(&r.provenance.content_hash), "{last}");
        assert!(last.contains(&format!("计算引擎 cailiang {}", crate::ENGINE_VERSION)));
        assert!(text.ends_with('\n'));
        assert!(!text.contains("同一行为涉及的其他规定"));
    }

    #[test]
    fn an_open_tier_lists_the_choices_and_what_is_missing() {
        let (_, r, text) = run(
            r#"{"items":["ZL-64"],"party":"legal_person","facts":{"contract_price":"10000000"}}"#,
        );
        assert!(r.recommended.is_none());
        has_line(&text, "裁量阶次：待选择（A 较轻、B 一般、C 较重）");
        assert!(!text.contains("建议罚款幅度"), "{text}");
        assert!(!text.contains("拟罚款数额"), "{text}");
        has_line(&text, &format!("待补充：{}", r.pending.join("；")));
    }

    #[test]
    fn other_items_of_the_same_act_and_the_factors_applied() {
        let (_, r, text) = run(
            r#"{"items":["ZL-64","JZF-64"],"party":"legal_person","facts":{"contract_price":"10000000"},"tier":"B","factors":["cooperative"]}"#,
        );
        assert!(
            text.contains("同一行为涉及的其他规定（依《中华人民共和国行政处罚法》第二十九条"),
            "{text}"
        );
        has_line(
            &text,
            "  - JZF-64 未取得施工许可证或者开工报告未经批准擅自施工（建筑法）（《中华人民共和国建筑法》第六十四条）",
        );
        let factor = &r.adjustment.factors[0];
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("  - 从轻：{}（可以）", factor.label))),
            "{text}"
        );
    }

    #[test]
    fn every_party_of_the_act_with_its_own_result() {
        let (lp, _) = crate::validate::accept_pack(
            "published-rows.json",
            include_str!("../../benchmarks/published-rows.json"),
        )
        .unwrap();
        let c = case(
            r#"{"items":["LS-SGXK-12"],"party":"legal_person","role":"construction_unit","facts":{"contract_price":"5000000"},"parties":[{"role":"contractor","party":"legal_person","name":" 某建筑\n公司 ","intended_fine":"20000"}]}"#,
        );
        let r = crate::evaluate(&lp, &c).unwrap();
        let co = &r.co_parties[0];
        let text = summary(&c, &r);
        let lines: Vec<&str> = text.lines().collect();
        has_line(&text, "当事人角色：建设单位");
        // The other party's heading: its role, kind and name on one line; then its own lines.
        let at = lines
            .iter()
            .position(|l| *l == "其他当事人 1：施工单位（法人）　某建筑 公司")
            .unwrap_or_else(|| panic!("no heading in:\n{text}"));
        assert_eq!(lines[at - 1], "");
        let (own, other) = lines.split_at(at);
        let rec = |r: &EvalResult| {
            format!(
                "建议罚款幅度：{}",
                range_line(r.recommended.as_ref().unwrap())
            )
        };
        assert_ne!(rec(&r), rec(co));
        assert!(own.contains(&rec(&r).as_str()), "{text}");
        assert!(!own.contains(&rec(co).as_str()), "{text}");
        assert!(other.contains(&rec(co).as_str()), "{text}");
        assert!(
            other.contains(&"拟罚款数额：¥20,000（人民币贰万元整）"),
            "{text}"
        );
        // Each party's flags, once each; the pack and engine once, at the end.
        assert_eq!(lines.iter().filter(|l| **l == "程序提示：").count(), 2);
        let hearing = |ls: &[&str]| {
            ls.iter()
                .find(|l| l.starts_with("  - 告知听证权利："))
                .map(|l| l.to_string())
        };
        assert!(hearing(other).unwrap().contains(&co.flags.hearing.reason));
        assert_eq!(lines.iter().filter(|l| l.starts_with("基准：")).count(), 1);
        assert!(lines.last().unwrap().starts_with("基准："));
        // Without other parties the text has no blank line.
        let (_, _, single) = run(
            r#"{"items":["ZL-64"],"party":"legal_person","facts":{"contract_price":"10000000"},"tier":"B"}"#,
        );
        assert!(!single.lines().any(str::is_empty), "{single}");
        assert!(!single.contains("当事人角色"));
    }

    #[test]
    fn a_range_line_without_capitals_when_they_cannot_be_written() {
        let d = |s: &str| Dec(s.parse().unwrap());
        let r = MoneyRange {
            min: d("12.3456"),
            min_inclusive: true,
            max: d("100"),
            max_inclusive: true,
        };
        assert_eq!(range_line(&r), "¥12.35 – ¥100（12.35元以上100元以下）");
        let whole = MoneyRange {
            min: d("5000"),
            min_inclusive: true,
            max: d("5000"),
            max_inclusive: true,
        };
        assert_eq!(range_line(&whole), "¥5,000（5,000元；人民币伍仟元整）");
    }

    #[test]
    fn the_export_file_and_windows_text() {
        let (c, r, _) = run(
            r#"{"items":["ZL-64"],"party":"legal_person","facts":{"contract_price":"10000000"},"tier":"B"}"#,
        );
        let file = ResultFile::new(&c, &r);
        assert_eq!(file.file_name(), "裁量结果-ZL-64.json");
        let v: serde_json::Value = serde_json::to_value(&file).unwrap();
        assert_eq!(v["tool"], "裁量基准计算器");
        assert_eq!(v["case"]["facts"]["contract_price"], "10000000");
        assert_eq!(v["result"]["recommended"]["min"], "266666.67");
        assert_eq!(windows_text("一\n二"), "\u{feff}一\r\n二\r\n");
        assert_eq!(windows_text(""), "\u{feff}");
    }
}
