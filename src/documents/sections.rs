//! The sections of each document: key, heading, placeholders and built-in template. A pack's
//! `documents.templates` may replace any template by key with the province's or bureau's own
//! model text (部令55号 art 9); the placeholders are filled exactly as for the built-in one.
//! Templates use the 说理 draft's syntax (`{name}`, `{{` / `}}` for braces; see
//! [`crate::text::render`]).

use std::collections::BTreeMap;

use crate::pack::documents::DocumentSettings;
use crate::text::{TemplateError, check};

use super::DocumentKind;

/// A section of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocSection {
    /// Key, as in a pack's `documents.templates`: "<document>.<section>".
    pub key: &'static str,
    /// The document it belongs to.
    pub document: DocumentKind,
    /// Heading (numbered in the document), or None for a section without one.
    pub heading: Option<&'static str>,
    /// Placeholders of this section besides [`COMMON`]: (name, what it holds).
    pub placeholders: &'static [(&'static str, &'static str)],
    /// The built-in wording.
    pub template: &'static str,
}

impl DocSection {
    /// Whether `{name}` may be used in this section's template.
    pub fn allows(&self, name: &str) -> bool {
        COMMON
            .iter()
            .chain(self.placeholders)
            .any(|(n, _)| *n == name)
    }
}

/// Placeholders every section offers.
pub const COMMON: &[(&str, &str)] = &[
    ("authority", "执法机关名称；未设置时为【执法机关名称】"),
    ("party", "当事人姓名或者名称；未填写时为【当事人名称】"),
    ("party_kind", "当事人类别：公民、法人或者其他组织"),
    ("item_name", "违法行为名称"),
    ("item_code", "违法行为编号"),
    (
        "cause",
        "案由：所适用的违法行为，同一行为还违反其他规定的一并列出",
    ),
    ("case_number", "案号；未填写时为【案号】"),
    ("notice_number", "事先告知书文号；未填写时为【告知书文号】"),
    ("filed", "立案日期；未填写时为【立案日期】"),
    (
        "occurred",
        "违法行为发生日期；未填写时为【违法行为发生日期】",
    ),
    ("discovered", "发现日期；未填写时为【发现日期】"),
    ("notice_date", "事先告知书日期；未填写时为【告知日期】"),
    ("decided", "决定日期；未填写时为【决定日期】"),
];

const SOURCE: &[(&str, &str)] = &[];

const FACTS: &[(&str, &str)] = &[
    (
        "facts",
        "执法人员填写的违法事实；未填写时为带【具体违法事实】的句子",
    ),
    (
        "findings",
        "已录入的事实、情节和违法所得：“另查明，……。”；没有时为空",
    ),
    (
        "when",
        "违法行为的时间，含介词：“于2025年3月1日”或“自……起至……”",
    ),
];

const EVIDENCE: &[(&str, &str)] = &[
    (
        "evidence",
        "逐项列出的证据：“证据一：……，证明……。”，每项一段；未填写时为【证据名称及证明内容】",
    ),
    (
        "evidence_names",
        "证据名称，以顿号分隔；未填写时为【证据名称】",
    ),
];

const VIOLATION: &[(&str, &str)] = &[
    ("violates", "所违反的条文"),
    ("violates_quotes", "所违反条文的原文，每条一段"),
];

const REASONING: &[(&str, &str)] = &[
    (
        "checks",
        "追责时效和不予处罚情形的审查结论（第三十六条，第三十条、第三十一条、第三十三条）",
    ),
    ("benchmark", "裁量基准名称、文号和版本"),
    ("tier", "裁量阶次及其条件、基准幅度及出处，成句"),
    ("factors", "各从轻、减轻、从重情节及其依据，成句"),
    ("adjustment", "情节的综合适用规则及出处，成句；无情节时为空"),
    (
        "amount",
        "建议幅度，拟（决定）罚款数额在幅度中的位置及理由；偏离基准时的理由和批准情况",
    ),
];

const PENALTY: &[(&str, &str)] = &[
    ("penalty_quotes", "处罚依据原文，每条一段"),
    ("statutory", "法定罚款幅度，成句"),
    (
        "one_fine",
        "同一违法行为违反多个规定时的说明（第二十九条）；否则为空",
    ),
    ("basis", "决定所依据的全部条文"),
    (
        "items",
        "逐项列出的处罚内容，罚款写明阿拉伯数字和大写，每项一段",
    ),
];

const RIGHTS: &[(&str, &str)] = &[
    (
        "statement",
        "陈述、申辩权利及其期限（第四十四条、第四十五条；期限为基准包设置）",
    ),
    (
        "hearing",
        "要求听证的权利及五日期限（第六十三条、第六十四条第（一）项）；不需告知时为空，视情形而定时为【】提示",
    ),
];

const CONTACT: &[(&str, &str)] = &[(
    "contact",
    "本机关地址、联系人和电话（基准包设置）；未设置时为空白【】",
)];

const PROCEDURE: &[(&str, &str)] = &[
    ("notice", "事先告知的日期、文号和告知的权利"),
    ("statement", "当事人陈述、申辩及复核、采纳情况"),
    ("hearing", "听证情况；不需告知听证时为空"),
];

const PERFORMANCE: &[(&str, &str)] = &[
    (
        "payment_time",
        "缴纳罚款的期限（第六十七条第三款原文）；不罚款时为履行期限",
    ),
    (
        "payment",
        "缴款方式、银行和账户（基准包设置）；未设置时为空白【】",
    ),
    (
        "deferral",
        "延期、分期缴纳（第六十六条第二款）；不罚款时为空",
    ),
    (
        "late",
        "到期不缴纳的加处罚款和强制执行（第七十二条第一款第（一）项、第（四）项）；不罚款时为空",
    ),
];

const REMEDY: &[(&str, &str)] = &[
    (
        "remedy",
        "申请行政复议、提起行政诉讼的途径和期限（基准包设置）；未设置时为空白【】",
    ),
    ("no_stay", "复议、诉讼期间不停止执行（第七十三条第一款）"),
];

const NO_PENALTY_REASONING: &[(&str, &str)] = &[(
    "grounds",
    "不予处罚或者不再给予处罚的事实、依据和理由，成句",
)];

const NO_PENALTY_DECISION: &[(&str, &str)] = &[
    ("basis", "决定所依据的全部条文"),
    ("decision", "“不予行政处罚”或者“不再给予行政处罚”"),
    ("orders", "责令改正等措施及其依据，成句；没有时为空"),
    (
        "education",
        "依照第三十三条第三款进行教育，成句；不需要时为空",
    ),
];

use DocumentKind::{Decision, NoPenaltyDecision, Notice};

/// Every section, document by document, in document order.
pub const SECTIONS: &[DocSection] = &[
    // 行政处罚事先告知书: no headings.
    DocSection {
        key: "notice.facts",
        document: Notice,
        heading: None,
        placeholders: &[FACTS[0], FACTS[1], FACTS[2], EVIDENCE[0], EVIDENCE[1]],
        template: "本机关于{filed}对当事人涉嫌{cause}一案立案调查。经查明，{facts}{findings}\n以上事实，有{evidence_names}等证据证实。",
    },
    DocSection {
        key: "notice.violation",
        document: Notice,
        heading: None,
        placeholders: VIOLATION,
        template: "当事人的上述行为违反了{violates}的规定，构成{item_name}的违法行为。\n{violates_quotes}",
    },
    DocSection {
        key: "notice.reasoning",
        document: Notice,
        heading: None,
        placeholders: REASONING,
        template: "{checks}\n本机关依据{benchmark}进行裁量。{tier}\n{factors}{adjustment}\n{amount}",
    },
    DocSection {
        key: "notice.penalty",
        document: Notice,
        heading: None,
        placeholders: PENALTY,
        template: "{penalty_quotes}\n{statutory}{one_fine}\n依据{basis}的规定，本机关拟对当事人作出如下行政处罚：\n{items}",
    },
    DocSection {
        key: "notice.rights",
        document: Notice,
        heading: None,
        placeholders: RIGHTS,
        template: "{statement}\n{hearing}",
    },
    DocSection {
        key: "notice.contact",
        document: Notice,
        heading: None,
        placeholders: CONTACT,
        template: "{contact}",
    },
    // 行政处罚决定书.
    DocSection {
        key: "decision.source",
        document: Decision,
        heading: Some("案件来源及调查经过"),
        placeholders: SOURCE,
        template: "本机关于{discovered}发现当事人涉嫌{cause}，于{filed}立案调查（案号：{case_number}）。",
    },
    DocSection {
        key: "decision.facts",
        document: Decision,
        heading: Some("违法事实"),
        placeholders: FACTS,
        template: "经查明，{facts}{findings}",
    },
    DocSection {
        key: "decision.evidence",
        document: Decision,
        heading: Some("证据"),
        placeholders: EVIDENCE,
        template: "上述事实，有以下证据证实：\n{evidence}",
    },
    DocSection {
        key: "decision.procedure",
        document: Decision,
        heading: Some("告知及陈述、申辩和听证情况"),
        placeholders: PROCEDURE,
        template: "{notice}\n{statement}\n{hearing}",
    },
    DocSection {
        key: "decision.violation",
        document: Decision,
        heading: Some("违法认定及违法依据"),
        placeholders: VIOLATION,
        template: "本机关认为，当事人的上述行为违反了{violates}的规定，构成{item_name}的违法行为。\n{violates_quotes}",
    },
    DocSection {
        key: "decision.reasoning",
        document: Decision,
        heading: Some("裁量说理（裁量基准适用释明）"),
        placeholders: REASONING,
        template: "{checks}\n本机关依据{benchmark}进行裁量。{tier}\n{factors}{adjustment}\n{amount}",
    },
    DocSection {
        key: "decision.decision",
        document: Decision,
        heading: Some("处罚依据及处罚决定"),
        placeholders: PENALTY,
        template: "{penalty_quotes}\n{statutory}{one_fine}\n综上，依据{basis}的规定，本机关决定对当事人作出如下行政处罚：\n{items}",
    },
    DocSection {
        key: "decision.performance",
        document: Decision,
        heading: Some("履行方式和期限"),
        placeholders: PERFORMANCE,
        template: "{payment_time}\n{payment}\n{deferral}\n{late}",
    },
    DocSection {
        key: "decision.remedy",
        document: Decision,
        heading: Some("救济途径和期限"),
        placeholders: REMEDY,
        template: "{remedy}\n{no_stay}",
    },
    // 不予行政处罚决定书.
    DocSection {
        key: "no_penalty.source",
        document: NoPenaltyDecision,
        heading: Some("案件来源及调查经过"),
        placeholders: SOURCE,
        template: "本机关于{discovered}发现当事人涉嫌{cause}，于{filed}立案调查（案号：{case_number}）。",
    },
    DocSection {
        key: "no_penalty.facts",
        document: NoPenaltyDecision,
        heading: Some("违法事实"),
        placeholders: FACTS,
        template: "经查明，{facts}{findings}",
    },
    DocSection {
        key: "no_penalty.evidence",
        document: NoPenaltyDecision,
        heading: Some("证据"),
        placeholders: EVIDENCE,
        template: "上述事实，有以下证据证实：\n{evidence}",
    },
    DocSection {
        key: "no_penalty.violation",
        document: NoPenaltyDecision,
        heading: Some("违法认定及违法依据"),
        placeholders: VIOLATION,
        template: "本机关认为，当事人的上述行为违反了{violates}的规定。\n{violates_quotes}",
    },
    DocSection {
        key: "no_penalty.reasoning",
        document: NoPenaltyDecision,
        heading: Some("不予行政处罚的理由及依据"),
        placeholders: NO_PENALTY_REASONING,
        template: "{grounds}",
    },
    DocSection {
        key: "no_penalty.decision",
        document: NoPenaltyDecision,
        heading: Some("处理决定"),
        placeholders: NO_PENALTY_DECISION,
        template: "综上，依据{basis}的规定，本机关决定对当事人{decision}。{orders}\n{education}",
    },
    DocSection {
        key: "no_penalty.remedy",
        document: NoPenaltyDecision,
        heading: Some("救济途径和期限"),
        placeholders: &[REMEDY[0]],
        template: "{remedy}",
    },
];

/// A section by key.
pub fn section(key: &str) -> Option<&'static DocSection> {
    SECTIONS.iter().find(|s| s.key == key)
}

/// The sections of one document, in order.
pub fn sections_of(kind: DocumentKind) -> impl Iterator<Item = &'static DocSection> {
    SECTIONS.iter().filter(move |s| s.document == kind)
}

fn placeholder_names(s: &DocSection) -> String {
    COMMON
        .iter()
        .chain(s.placeholders)
        .map(|(n, _)| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Checks a pack's document settings: each template key must be a section of [`SECTIONS`] and
/// each template must parse and use only that section's placeholders; a time limit must be at
/// least a day. Returns (JSON path, message in Chinese).
pub fn validate_settings(s: &DocumentSettings) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(t) = &s.statement_period {
        if t.days == 0 {
            out.push((
                "$.documents.statement_period.days".to_string(),
                "陈述、申辩期限至少为一日".to_string(),
            ));
        }
        if t.basis.is_empty() {
            out.push((
                "$.documents.statement_period.basis".to_string(),
                "陈述、申辩期限须注明出处（citation 或 source）".to_string(),
            ));
        }
    }
    out.extend(validate_templates(&s.templates));
    out
}

fn validate_templates(templates: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, text) in templates {
        let path = format!("$.documents.templates.{key}");
        let Some(spec) = section(key) else {
            let keys = SECTIONS
                .iter()
                .map(|s| s.key)
                .collect::<Vec<_>>()
                .join("、");
            out.push((path, format!("未知的文书段落“{key}”（可用段落：{keys}）")));
            continue;
        };
        for e in check(text, |n| spec.allows(n)) {
            let msg = match e {
                TemplateError::Unknown(_) => format!(
                    "文书段落“{key}”的模板使用了{e}（可用占位符：{}）",
                    placeholder_names(spec)
                ),
                _ => format!("文书段落“{key}”的模板有误：{e}"),
            };
            out.push((path.clone(), msg));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::documents::TimeLimit;
    use crate::pack::model::Basis;

    #[test]
    fn keys_are_unique_and_defaults_valid() {
        for (i, a) in SECTIONS.iter().enumerate() {
            assert!(
                a.key.starts_with(a.document.key_prefix()),
                "{} is not under {}",
                a.key,
                a.document.key_prefix()
            );
            for b in &SECTIONS[i + 1..] {
                assert_ne!(a.key, b.key);
            }
            let errs = check(a.template, |n| a.allows(n));
            assert!(errs.is_empty(), "{}: {errs:?}", a.key);
            for (n, _) in a.placeholders {
                assert!(!COMMON.iter().any(|(c, _)| c == n), "{n} shadows");
            }
        }
    }

    #[test]
    fn settings_are_checked_at_their_paths() {
        let mut s = DocumentSettings::default();
        assert!(validate_settings(&s).is_empty());
        s.templates
            .insert("decision.remedy".into(), "{remedy}{no_stay}".into());
        assert!(validate_settings(&s).is_empty());
        s.templates
            .insert("decision.remedy".into(), "{remedy}{evidence}".into());
        s.templates.insert("decision.preface".into(), "x".into());
        s.statement_period = Some(TimeLimit {
            days: 0,
            working_days: false,
            basis: Basis::default(),
        });
        let found = validate_settings(&s);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.documents.statement_period.days",
                "$.documents.statement_period.basis",
                "$.documents.templates.decision.preface",
                "$.documents.templates.decision.remedy",
            ]
        );
        assert!(found[3].1.contains("{evidence}"), "{}", found[3].1);
        assert!(found[2].1.contains("未知的文书段落"));
    }
}
