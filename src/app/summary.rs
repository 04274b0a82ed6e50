//! The result as plain text, for pasting into a case-handling system: the outcome, the ranges in
//! figures and in 大写, the tier, the factors, the penalties, the procedural flags and the pack
//! and engine that produced it.

use crate::case::Case;
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

/// The plain-text summary of a result for `case`.
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
    let p = &r.provenance;
    push(format!(
        "基准：{}（{}），编号 {}，内容摘要 SHA-256 {}；计算引擎 cailiang {}",
        p.pack_title, p.edition, p.pack_id, p.content_hash, p.engine_version
    ));
    out.join("\n") + "\n"
}
