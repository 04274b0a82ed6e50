//! The 说理 reasoning text: a result and the case's facts turned into the paragraphs of a
//! penalty decision in the conventional order — 违法事实, 违法依据, 处罚依据, 裁量理由, 处罚决定,
//! 告知 — or, where no penalty is given, the reasons for 不予处罚 / 可以不予处罚 / 不再给予处罚 and
//! the decision with the 教育 of 行政处罚法 art 33 ¶3.
//!
//! What only the officer knows (names, places, evidence, the reasons for a qualitative choice)
//! is left as a marked blank in 【】. Citations, amounts (in figures and in 大写) and dates follow
//! the conventions of official documents; dates come from the case, never from the clock.
//!
//! Every legal conclusion the draft states — the ground of 不予处罚, the fine rule, the tier,
//! the 从轻 / 减轻 / 从重 rule applied, the hearing grounds, the basis of the decision — is read
//! from the result's recorded decisions ([`crate::engine::decision`]); the draft never
//! evaluates a pack condition. One file per section: [`facts`](self) 违法事实, violation 违法依据,
//! penalty 处罚依据, reasoning 裁量理由, decision 处罚决定, notice 告知, no_penalty 不予处罚,
//! referral 不属本项 / 移送.
//!
//! Where one act has several parties (`result.co_parties`), each party has its own sections, as
//! the engine decided for it, titled with its role and name; the other parties' keys are
//! `cp1.facts`, `cp1.reasoning`, … ([`draft`]).
//!
//! Each section is rendered from a template, which a pack may replace (`templates` in the pack,
//! by section key). Templates use `{placeholder}`; [`SECTIONS`] and [`COMMON_PLACEHOLDERS`] list
//! the names each section offers. Unknown names are validation errors ([`validate_templates`]);
//! when an unvalidated pack's template still fails, the built-in wording is used.

mod builder;
mod decision;
mod facts;
mod no_penalty;
mod notice;
mod penalty;
mod reasoning;
mod referral;
mod template;
mod violation;

use serde::{Deserialize, Serialize};

pub use builder::{draft, section_values};
pub use notice::{HearingGrounds, hearing_grounds};
// The wording the draft uses, where callers have always found it.
pub use crate::wording::{
    amount_in_words, article_ref, chinese_number, cite, cite_list, law_name, quoted, range_in_words,
};
pub use template::{TemplateError, check, render, validate_templates};

/// One paragraph group of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Section key, as in [`SECTIONS`] and in a pack's `templates`; prefixed `cp1.`, `cp2.` …
    /// for the act's other parties.
    pub key: String,
    /// Heading, e.g. 违法事实.
    pub title: String,
    /// Paragraphs, separated by `\n`, without indentation.
    pub text: String,
}

/// The reasoning text of one result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Sections in document order.
    pub sections: Vec<Section>,
}

const HEADING_NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

impl Draft {
    /// The whole text: numbered headings (一、违法事实) and paragraphs indented by two
    /// full-width spaces, sections separated by a blank line.
    pub fn full_text(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let n = HEADING_NUMERALS
                .get(i)
                .map(|s| s.to_string())
                .unwrap_or_else(|| chinese_number(i as u64 + 1));
            out.push_str(&format!("{n}、{}\n", s.title));
            for line in s.text.lines() {
                out.push_str("\u{3000}\u{3000}");
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// A section by key.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }
}

/// A section of the reasoning text: its key, heading, placeholders and built-in template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSpec {
    /// Key used in `Section::key` and in a pack's `templates`.
    pub key: &'static str,
    /// Default heading.
    pub title: &'static str,
    /// Placeholders of this section besides [`COMMON_PLACEHOLDERS`]: (name, what it holds).
    pub placeholders: &'static [(&'static str, &'static str)],
    /// The built-in wording.
    pub default_template: &'static str,
}

impl SectionSpec {
    /// Whether `{name}` may be used in this section's template.
    pub fn allows(&self, name: &str) -> bool {
        COMMON_PLACEHOLDERS
            .iter()
            .chain(self.placeholders)
            .any(|(n, _)| *n == name)
    }
}

/// Placeholders every section offers: (name, what it holds).
pub const COMMON_PLACEHOLDERS: &[(&str, &str)] = &[
    ("party", "当事人名称：【当事人名称】，由执法人员填写"),
    ("party_kind", "当事人类别：公民、法人或者其他组织"),
    ("item_name", "违法行为名称，如“擅自预售商品房”"),
    ("item_code", "违法行为编号，如“ZL-64”"),
    (
        "occurred",
        "违法行为发生日期，如“2025年3月1日”；未填写时为【违法行为发生日期】",
    ),
    ("discovered", "发现日期；未填写时为【发现日期】"),
    ("decided", "决定日期；未填写时为【决定日期】"),
];

const FACTS: SectionSpec = SectionSpec {
    key: "facts",
    title: "违法事实",
    placeholders: &[
        (
            "when",
            "违法行为的时间，含介词：“于2025年3月1日”或“自2019年1月1日起至2022年1月1日”",
        ),
        (
            "findings",
            "已填写的事实、情节、年龄和违法所得，成句：“另查明，……。”；没有时为空",
        ),
    ],
    default_template: "经查，当事人{party}{when}实施了{item_name}的违法行为：【具体违法事实，包括时间、地点、经过】。{findings}\n本机关于{discovered}发现上述违法行为。以上事实，有【证据名称及证明内容】等证据证明。",
};

const VIOLATION: SectionSpec = SectionSpec {
    key: "violation_basis",
    title: "违法依据",
    placeholders: &[
        (
            "violates",
            "所违反的条文，如“《建设工程质量管理条例》第二十八条第一款”",
        ),
        (
            "violates_quotes",
            "所违反条文的原文，每条一段：“《…》第…条规定：“……””",
        ),
    ],
    default_template: "当事人的上述行为违反了{violates}的规定。\n{violates_quotes}",
};

const PENALTY: SectionSpec = SectionSpec {
    key: "penalty_basis",
    title: "处罚依据",
    placeholders: &[
        (
            "penalty_basis",
            "处罚依据条文，如“《建设工程质量管理条例》第六十四条”",
        ),
        (
            "penalty_quotes",
            "处罚依据（及对责任人员罚款的依据）原文，每条一段",
        ),
        (
            "statutory",
            "法定罚款幅度，成句；无法定幅度时说明原因或为空",
        ),
        (
            "one_fine",
            "同一违法行为违反多个法律规范时按罚款数额高的规定处罚的说明（第二十九条），成句；否则为空",
        ),
    ],
    default_template: "{penalty_quotes}\n{statutory}{one_fine}",
};

const REASONING: SectionSpec = SectionSpec {
    key: "reasoning",
    title: "裁量理由",
    placeholders: &[
        (
            "benchmark",
            "裁量基准名称、文号和版本，如“《……裁量基准》（2025年版）”",
        ),
        ("tier", "裁量阶次及其理由、基准幅度及出处，成句"),
        ("factors", "各从轻、减轻、从重情节及其依据，成句"),
        (
            "adjustment",
            "情节的综合适用（本基准的适用规则及出处），成句；无情节时为空",
        ),
        (
            "conclusion",
            "裁量结论：建议罚款幅度、不予罚款的原因或待补充事项，成句",
        ),
        (
            "recommended",
            "建议罚款幅度，如“266,666.67元以上333,333.33元以下”；无幅度时为【待定】",
        ),
        (
            "notes",
            "给执法人员的提示（参考示例基准、计算警告），每条一段【】；没有时为空",
        ),
    ],
    default_template: "本机关依据{benchmark}进行裁量。{tier}\n{factors}{adjustment}\n{conclusion}\n{notes}",
};

const DECISION: SectionSpec = SectionSpec {
    key: "decision",
    title: "处罚决定",
    placeholders: &[
        ("basis", "决定所依据的全部条文"),
        (
            "items",
            "逐项列出的责令改正、罚款、其他处罚、没收违法所得和对责任人员的罚款，每项一段",
        ),
        ("amount", "罚款数额（阿拉伯数字），或“【具体金额】”"),
        (
            "amount_words",
            "罚款数额大写，如“叁拾万元整”；数额未定时为建议幅度的大写",
        ),
    ],
    default_template: "综上，依据{basis}的规定，本机关拟对当事人{party}作出如下处理：\n{items}",
};

const NOTICE: SectionSpec = SectionSpec {
    key: "notice",
    title: "告知",
    placeholders: &[
        (
            "rights",
            "陈述、申辩权利的告知（行政处罚法第四十四条、第四十五条），成句",
        ),
        (
            "hearing",
            "要求听证权利的告知（第六十三条、第六十四条），成句；不需告知时为空，视情形而定时为提示",
        ),
    ],
    default_template: "{rights}\n{hearing}",
};

const NO_PENALTY_REASONING: SectionSpec = SectionSpec {
    key: "no_penalty_reasoning",
    title: "不予处罚理由",
    placeholders: &[
        (
            "grounds",
            "不予处罚、可以不予处罚或者不再给予处罚的事实、依据和理由，成句",
        ),
        ("notes", "给执法人员的提示，每条一段【】；没有时为空"),
    ],
    default_template: "{grounds}\n{notes}",
};

const NO_PENALTY_DECISION: SectionSpec = SectionSpec {
    key: "no_penalty_decision",
    title: "处理决定",
    placeholders: &[
        ("basis", "决定所依据的全部条文"),
        (
            "decision",
            "决定，如“决定对当事人【当事人名称】不予行政处罚”",
        ),
        ("orders", "责令改正等措施及其依据，成句；没有时为空"),
        (
            "education",
            "依照第三十三条第三款对当事人进行教育，成句；不需要时为空",
        ),
        (
            "alternative",
            "可以不予处罚而决定仍予处罚时的提示及建议罚款幅度；其他情形为空",
        ),
    ],
    default_template: "综上，依据{basis}的规定，本机关{decision}。{orders}\n{education}\n{alternative}",
};

const REFERRAL: SectionSpec = SectionSpec {
    key: "referral",
    title: "处理意见",
    placeholders: &[
        (
            "exclusion",
            "本项不适用的情形，如“个人违法建设的，不属本项”",
        ),
        ("target", "应当适用的其他规定或者移送的机关，成句"),
        ("basis", "该情形所依据的条文或者基准出处"),
    ],
    default_template: "当事人的上述行为属于“{exclusion}”的情形，依照{basis}，不适用本项处罚规定。{target}",
};

/// Every section, in document order. A fine, a penalty other than a fine, or a pending result
/// uses facts, violation_basis, penalty_basis, reasoning, decision and notice (correction only:
/// no notice); no_penalty, may_not_penalise and time_barred use facts, violation_basis,
/// no_penalty_reasoning and no_penalty_decision.
pub const SECTIONS: &[SectionSpec] = &[
    FACTS,
    VIOLATION,
    PENALTY,
    REASONING,
    DECISION,
    NOTICE,
    NO_PENALTY_REASONING,
    NO_PENALTY_DECISION,
    REFERRAL,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_text_numbers_and_indents() {
        let d = Draft {
            sections: vec![
                Section {
                    key: "facts".into(),
                    title: "违法事实".into(),
                    text: "甲。\n乙。".into(),
                },
                Section {
                    key: "notice".into(),
                    title: "告知".into(),
                    text: "丙。".into(),
                },
            ],
        };
        assert_eq!(
            d.full_text(),
            "一、违法事实\n\u{3000}\u{3000}甲。\n\u{3000}\u{3000}乙。\n\n二、告知\n\u{3000}\u{3000}丙。\n"
        );
        assert_eq!(d.section("notice").map(|s| s.text.as_str()), Some("丙。"));
    }

    #[test]
    fn section_keys_are_unique() {
        for (i, a) in SECTIONS.iter().enumerate() {
            for b in &SECTIONS[i + 1..] {
                assert_ne!(a.key, b.key);
            }
            for (n, _) in a.placeholders {
                assert!(
                    !COMMON_PLACEHOLDERS.iter().any(|(c, _)| c == n),
                    "{n} shadows a common placeholder"
                );
            }
        }
    }
}
