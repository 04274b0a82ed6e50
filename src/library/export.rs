//! The library out and back in: JSON lines (one record per line, lossless) and CSV for 案卷评查.
//!
//! The CSV is the 案卷评查 batch input: one row per case, the columns of [`CSV_COLUMNS`] in that
//! order, a header row of their keys, UTF-8 with a byte-order mark (so that Excel reads the
//! Chinese), RFC 4180 quoting and CRLF line ends. Values: dates `YYYY-MM-DD`; amounts in 元 as
//! plain decimals (`300000`, `266666.67`); booleans `true` / `false`; enumerations by their JSON
//! names (`legal_person`, `fine`, `required` …); lists joined by `;`; an absent value is an
//! empty cell. A cell whose text begins with `=`, `+`, `-` or `@` gets a leading `'` so that a
//! spreadsheet does not run it as a formula (case text is untrusted); the review strips it.
//! The `case` column holds the whole case JSON, so the review can evaluate it again exactly.

use serde::Serialize;

use super::{Library, LibraryRecord};
use crate::documents::{ApprovalKind, Statement};
use crate::engine::result::MoneyRange;
use crate::pack::json::parse;

/// Every CSV column: (key, what it holds). The review reads the columns by these keys.
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("case_id", "案件编号（案件库内）"),
    ("label", "标签"),
    ("case_number", "案号"),
    ("notice_number", "事先告知书文号"),
    ("decision_number", "处罚决定书文号"),
    (
        "party_kind",
        "当事人类别：citizen / legal_person / other_organization",
    ),
    ("party_name", "当事人名称"),
    ("item", "适用的违法行为编号"),
    ("other_items", "同一行为还违反的违法行为编号（;分隔）"),
    ("facts", "违法行为事实（JSON 对象，事实编号 → 值）"),
    (
        "circumstances",
        "行政处罚法第三十二条、第三十三条情节（;分隔）",
    ),
    ("factors", "基准的从轻、减轻、从重情节编号（;分隔）"),
    ("age", "公民实施违法行为时的年龄"),
    ("capacity", "责任能力：full / partial / none"),
    ("grave_harm", "涉及生命健康安全、金融安全且有危害后果"),
    ("illegal_gains", "违法所得（元）"),
    ("gains_to_be_returned", "违法所得依法应当退赔"),
    ("tier", "裁量阶次编号"),
    ("tier_label", "裁量阶次名称"),
    ("choose_reduced", "选择减轻处罚"),
    (
        "waive",
        "可以不予处罚的决定：true 不予处罚 / false 仍予处罚 / 空 未决定",
    ),
    (
        "level",
        "从轻、减轻、从重：none / lighter / reduced / heavier",
    ),
    (
        "outcome",
        "计算结果：fine / no_fine / correction_only / no_penalty / may_not_penalise / time_barred / pending",
    ),
    ("fine_imposed", "罚款数额（元）：拟罚款或者已决定的罚款"),
    ("decided", "已作出处罚决定"),
    ("statutory_min", "法定罚款幅度下限（元）"),
    ("statutory_max", "法定罚款幅度上限（元）"),
    ("benchmark_min", "基准幅度下限（元）"),
    ("benchmark_max", "基准幅度上限（元）"),
    ("recommended_min", "建议幅度下限（元）"),
    ("recommended_max", "建议幅度上限（元）"),
    (
        "position_recommended",
        "罚款在建议幅度中的位置（%，自下限起）",
    ),
    ("position_benchmark", "罚款在基准幅度中的位置（%）"),
    (
        "standing",
        "罚款与幅度：no_amount / within / departs（偏离基准）/ unlawful（超出法定幅度）",
    ),
    ("departure_reason", "偏离裁量基准的理由"),
    (
        "approval_by",
        "偏离的批准：head 负责人批准 / collective 集体讨论",
    ),
    ("approval_date", "批准或者集体讨论日期"),
    ("approval_reference", "批准或者集体讨论记录编号"),
    ("occurred", "违法行为发生日期"),
    ("ended", "违法行为终了日期"),
    ("discovered", "发现日期"),
    ("filed", "立案日期"),
    ("notice_date", "事先告知日期"),
    ("decided_on", "决定日期"),
    (
        "hearing_flag",
        "听证告知提示：required / possible / not_required / unknown",
    ),
    ("hearing_requested", "当事人要求听证"),
    ("hearing_held_on", "听证日期"),
    ("statement", "陈述申辩：not_made / waived / made"),
    (
        "statement_adoption",
        "陈述申辩的采纳：adopted / partly / not_adopted",
    ),
    ("legal_review_flag", "法制审核提示"),
    ("collective_discussion_flag", "集体讨论提示"),
    ("evidence_count", "证据项数"),
    ("pack_id", "基准包编号"),
    ("pack_edition", "基准包版本"),
    ("pack_hash", "基准包内容摘要（SHA-256）"),
    ("engine_version", "计算引擎版本"),
    ("error", "不能计算的原因"),
    ("case", "案件 JSON（可重新计算）"),
];

/// The whole library as JSON lines: one record per line, newest first.
pub fn to_jsonl(lib: &Library) -> String {
    lib.records
        .iter()
        .filter_map(|r| serde_json::to_string(r).ok())
        .map(|l| l + "\n")
        .collect()
}

/// A line that could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// Its number, from 1.
    pub line: usize,
    /// JSON path of the fault within the line's record.
    pub path: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 行 {}：{}", self.line, self.path, self.message)
    }
}

/// What a JSON lines file held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The records read, in file order.
    pub records: Vec<LibraryRecord>,
    /// The lines that could not be read; the others are kept.
    pub errors: Vec<LineError>,
}

/// Reads JSON lines back. Blank lines are skipped; a bad line is reported by its number and
/// the others kept.
pub fn from_jsonl(text: &str) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Imported::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse::<LibraryRecord>(line) {
            Ok(r) => out.records.push(r),
            Err(e) => out.errors.push(LineError {
                line: i + 1,
                path: e.path,
                message: e.message,
            }),
        }
    }
    out
}

fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn bounds(r: Option<&MoneyRange>) -> (String, String) {
    match r {
        Some(r) => (r.min.to_string(), r.max.to_string()),
        None => (String::new(), String::new()),
    }
}

/// One cell of a record.
fn cell(r: &LibraryRecord, key: &str) -> String {
    let c = &r.case;
    let i = &r.inputs;
    let s = r.summary.as_ref();
    let d = &c.dates;
    let dep = i.departure.as_ref();
    let approval = dep.and_then(|d| d.approval.as_ref());
    match key {
        "case_id" => r.id.clone(),
        "label" => r.label.clone(),
        "case_number" => opt(i.case_number.as_ref()),
        "notice_number" => opt(i.notice_number.as_ref()),
        "decision_number" => opt(i.decision_number.as_ref()),
        "party_kind" => name(&c.party),
        "party_name" => r.party_name().to_string(),
        "item" => s
            .map(|s| s.item.clone())
            .or_else(|| c.items.first().cloned())
            .unwrap_or_default(),
        "other_items" => match s {
            Some(s) => s.other_items.join(";"),
            None => c
                .items
                .iter()
                .skip(1)
                .cloned()
                .collect::<Vec<_>>()
                .join(";"),
        },
        "facts" => serde_json::to_string(&c.facts).unwrap_or_default(),
        "circumstances" => crate::case::Circumstances::NAMES
            .iter()
            .filter(|n| c.circumstances.lookup(n) == Some(true))
            .copied()
            .collect::<Vec<_>>()
            .join(";"),
        "factors" => c.factors.join(";"),
        "age" => opt(c.age),
        "capacity" => name(&c.capacity),
        "grave_harm" => c.grave_harm.to_string(),
        "illegal_gains" => opt(c.illegal_gains),
        "gains_to_be_returned" => c.gains_to_be_returned.to_string(),
        "tier" => s
            .and_then(|s| s.tier.clone())
            .or_else(|| c.tier.clone())
            .unwrap_or_default(),
        "tier_label" => opt(s.and_then(|s| s.tier_label.as_ref())),
        "choose_reduced" => c.choose_reduced.to_string(),
        "waive" => opt(c.waive),
        "level" => s.map(|s| name(&s.level)).unwrap_or_default(),
        "outcome" => s.map(|s| s.outcome.name().to_string()).unwrap_or_default(),
        "fine_imposed" => opt(s.and_then(|s| s.amount)),
        "decided" => r.decided.to_string(),
        "statutory_min" => bounds(s.and_then(|s| s.statutory.as_ref())).0,
        "statutory_max" => bounds(s.and_then(|s| s.statutory.as_ref())).1,
        "benchmark_min" => bounds(s.and_then(|s| s.benchmark.as_ref())).0,
        "benchmark_max" => bounds(s.and_then(|s| s.benchmark.as_ref())).1,
        "recommended_min" => bounds(s.and_then(|s| s.recommended.as_ref())).0,
        "recommended_max" => bounds(s.and_then(|s| s.recommended.as_ref())).1,
        "position_recommended" => opt(s.and_then(|s| s.position.recommended)),
        "position_benchmark" => opt(s.and_then(|s| s.position.benchmark)),
        "standing" => s.map(|s| name(&s.standing)).unwrap_or_default(),
        "departure_reason" => dep.map(|d| d.reason.clone()).unwrap_or_default(),
        "approval_by" => approval
            .map(|a| match a.by {
                ApprovalKind::Head => "head",
                ApprovalKind::Collective => "collective",
            })
            .unwrap_or_default()
            .to_string(),
        "approval_date" => opt(approval.and_then(|a| a.date)),
        "approval_reference" => opt(approval.and_then(|a| a.reference.as_ref())),
        "occurred" => opt(d.occurred),
        "ended" => opt(d.ended),
        "discovered" => opt(d.discovered),
        "filed" => opt(i.filed),
        "notice_date" => opt(i.notice_date),
        "decided_on" => opt(d.decided),
        "hearing_flag" => s.map(|s| name(&s.hearing)).unwrap_or_default(),
        "hearing_requested" => opt(i.hearing.as_ref().map(|h| h.requested)),
        "hearing_held_on" => opt(i.hearing.as_ref().and_then(|h| h.held_on)),
        "statement" => match &i.statement {
            None => String::new(),
            Some(Statement::NotMade) => "not_made".into(),
            Some(Statement::Waived) => "waived".into(),
            Some(Statement::Made { .. }) => "made".into(),
        },
        "statement_adoption" => match &i.statement {
            Some(Statement::Made { adoption, .. }) => name(adoption),
            _ => String::new(),
        },
        "legal_review_flag" => s.map(|s| name(&s.legal_review)).unwrap_or_default(),
        "collective_discussion_flag" => s
            .map(|s| name(&s.collective_discussion))
            .unwrap_or_default(),
        "evidence_count" => i.evidence.len().to_string(),
        "pack_id" => r.pack.id.clone(),
        "pack_edition" => r.pack.edition.clone(),
        "pack_hash" => r.pack.hash.clone(),
        "engine_version" => s.map(|s| s.engine_version.clone()).unwrap_or_default(),
        "error" => opt(r.error.as_ref()),
        "case" => serde_json::to_string(c).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A CSV field: formula-like text defused, then quoted where it holds `,`, `"` or a line break.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The library as CSV for 案卷评查 (see the module documentation), newest first.
pub fn to_csv(lib: &Library) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = CSV_COLUMNS.iter().map(|(k, _)| *k).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in &lib.records {
        let row: Vec<String> = CSV_COLUMNS
            .iter()
            .map(|(k, _)| field(&cell(r, k)))
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::record;
    use super::*;

    #[test]
    fn every_column_has_a_cell() {
        let r = record("1", "甲", "ZL-64", "2025-07-01", 1);
        for (k, _) in CSV_COLUMNS {
            let known = cell(&r, k);
            // Every key is handled (an unknown key gives an empty cell for any record; these
            // give a value for this one, or are optional inputs it does not have).
            let optional = [
                "label",
                "notice_number",
                "decision_number",
                "other_items",
                "circumstances",
                "factors",
                "age",
                "illegal_gains",
                "waive",
                "fine_imposed",
                "position_recommended",
                "position_benchmark",
                "departure_reason",
                "approval_by",
                "approval_date",
                "approval_reference",
                "ended",
                "filed",
                "notice_date",
                "hearing_requested",
                "hearing_held_on",
                "statement",
                "statement_adoption",
                "error",
            ];
            assert!(!known.is_empty() || optional.contains(k), "{k}");
        }
        let keys: std::collections::BTreeSet<_> = CSV_COLUMNS.iter().map(|(k, _)| k).collect();
        assert_eq!(keys.len(), CSV_COLUMNS.len(), "keys are unique");
    }

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("甲"), "甲");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\"\n"), "\"say \"\"hi\"\"\n\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("@x,y"), "\"'@x,y\"");
    }
}
