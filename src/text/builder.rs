//! The draft's builder: what every section is made from (the pack, the case and the result with
//! its recorded decisions), the values every section offers, and the small wording helpers the
//! sections share. Each section lives in its own file; none decides anything again — they read
//! `result.decisions`, the tier, the adjustment and the flags.

use rust_decimal::Decimal;

use super::template::render;
use super::{
    DECISION, Draft, FACTS, NO_PENALTY_DECISION, NO_PENALTY_REASONING, NOTICE, PENALTY, REASONING,
    REFERRAL, Section, SectionSpec, VIOLATION,
};
use crate::case::{Case, FactValue};
use crate::date::Date;
use crate::engine::result::{EvalResult, MoneyRange, Outcome};
use crate::pack::LoadedPack;
use crate::pack::model::{Citation, FactDef, FactKind, Item, PartyKind};
use crate::statute::APL;
use crate::wording::{
    amount_in_words, chinese_number, circumstance_label, law_name, range_in_words, yuan,
};

/// What the draft is built from.
pub(super) struct Builder<'a> {
    pub lp: &'a LoadedPack,
    pub case: &'a Case,
    pub r: &'a EvalResult,
    /// The item applied, as the pack defines it (absent if the result came from another pack):
    /// only its declarations are read (the order and labels of its facts), never its rules.
    pub item: Option<&'a Item>,
    pub party: String,
}

/// A section's placeholder values: (name, text).
pub type Values = Vec<(&'static str, String)>;

/// Builds the reasoning text of a result. Never fails: what cannot be known is left as a
/// 【】 blank for the officer.
///
/// Where the act has other parties (`result.co_parties`), each party has its own sections, as
/// the engine decided for it (its tier, range, 从轻 / 减轻 / 从重, penalties and flags): the
/// party's first, then each other party's, keyed `cp1.facts`, `cp1.reasoning`, … and titled
/// with the party's role and name as the officer entered them (“裁量理由（施工单位：某建筑公司）”).
/// A single party's draft is as it always was.
pub fn draft(pack: &LoadedPack, case: &Case, result: &EvalResult) -> Draft {
    let blank = "【当事人名称】".to_string();
    let mut sections = party_sections(pack, case, result, blank.clone());
    if result.co_parties.is_empty() {
        return Draft { sections };
    }
    let own = party_heading(result, case.party, &blank);
    for s in &mut sections {
        s.title = format!("{}（{own}）", s.title);
    }
    // The engine evaluates `case.parties` in order into `co_parties`.
    for (i, (co, p)) in result.co_parties.iter().zip(&case.parties).enumerate() {
        let name = p.display_name().unwrap_or_else(|| blank.clone());
        let heading = party_heading(co, p.party, &name);
        let prefix = format!("cp{}.", i + 1);
        for mut s in party_sections(pack, &case.for_party(p), co, name.clone()) {
            s.key = format!("{prefix}{}", s.key);
            s.title = format!("{}（{heading}）", s.title);
            sections.push(s);
        }
    }
    Draft { sections }
}

/// “施工单位：某建筑公司”: the party's role in the row (its kind where the row names no roles)
/// and its name.
fn party_heading(r: &EvalResult, kind: PartyKind, name: &str) -> String {
    let role = r.role.as_ref().map_or(kind.label(), |x| x.label.as_str());
    format!("{role}：{name}")
}

/// One party's sections, as its result's outcome calls for.
fn party_sections(
    pack: &LoadedPack,
    case: &Case,
    result: &EvalResult,
    party: String,
) -> Vec<Section> {
    let b = Builder {
        lp: pack,
        case,
        r: result,
        item: pack.item(&result.item.code),
        party,
    };
    let common = b.common();
    let mut sections = vec![
        b.section(&FACTS, None, &common, b.facts()),
        b.section(&VIOLATION, None, &common, b.violation()),
    ];
    match result.outcome {
        Outcome::Referred => {
            sections.push(b.section(&REFERRAL, None, &common, b.referral()));
        }
        Outcome::NoPenalty | Outcome::MayNotPenalise | Outcome::TimeBarred => {
            let title = match result.outcome {
                Outcome::MayNotPenalise => "可以不予处罚理由",
                Outcome::TimeBarred => "不再给予处罚理由",
                _ => NO_PENALTY_REASONING.title,
            };
            let grounds = b.grounds();
            sections.push(b.section(
                &NO_PENALTY_REASONING,
                Some(title),
                &common,
                b.no_penalty_reasoning(&grounds),
            ));
            sections.push(b.section(&NO_PENALTY_DECISION, None, &common, b.no_penalty_decision()));
        }
        Outcome::Fine | Outcome::NoFine | Outcome::Pending | Outcome::CorrectionOnly => {
            sections.push(b.section(&PENALTY, None, &common, b.penalty()));
            sections.push(b.section(&REASONING, None, &common, b.reasoning()));
            let title = (result.outcome == Outcome::CorrectionOnly).then_some("处理决定");
            sections.push(b.section(&DECISION, title, &common, b.decision()));
            if result.outcome != Outcome::CorrectionOnly {
                sections.push(b.section(&NOTICE, None, &common, b.notice()));
            }
        }
    }
    sections
}

/// The values a section's template is filled from — its own placeholders (see [`SECTIONS`]),
/// not the common ones — exactly as the draft computes them, so that the officer's documents
/// word the same decisions without wording them twice. `None` for an unknown section key.
///
/// [`SECTIONS`]: super::SECTIONS
pub fn section_values(
    pack: &LoadedPack,
    case: &Case,
    result: &EvalResult,
    key: &str,
) -> Option<Values> {
    let b = Builder {
        lp: pack,
        case,
        r: result,
        item: pack.item(&result.item.code),
        party: "【当事人名称】".to_string(),
    };
    Some(match key {
        "facts" => b.facts(),
        "violation_basis" => b.violation(),
        "penalty_basis" => b.penalty(),
        "reasoning" => b.reasoning(),
        "decision" => b.decision(),
        "notice" => b.notice(),
        "no_penalty_reasoning" => b.no_penalty_reasoning(&b.grounds()),
        "no_penalty_decision" => b.no_penalty_decision(),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the sections.

pub(super) fn date_or(d: Option<Date>, blank: &str) -> String {
    d.map(Date::chinese).unwrap_or_else(|| blank.to_string())
}

/// Text without a trailing full stop or semicolon, so it can be embedded in a sentence.
pub(super) fn bare(s: &str) -> &str {
    s.trim().trim_end_matches(['。', '；', ';', '.'])
}

/// 大写 of an amount, or a blank for the officer when it cannot be written.
pub(super) fn words_or_blank(d: Decimal) -> String {
    amount_in_words(d).unwrap_or_else(|_| "【大写金额】".to_string())
}

/// A range in 大写, or a blank for the officer when a bound cannot be written in 大写.
pub(super) fn describe_words(r: &MoneyRange) -> String {
    range_in_words(r).unwrap_or_else(|_| "【大写金额】".to_string())
}

/// “…”的情形, or “…的”情形 for a label that already ends in 的.
pub(super) fn circumstance(label: &str) -> String {
    let label = bare(label);
    if label.ends_with('的') {
        format!("“{label}”情形")
    } else {
        format!("“{label}”的情形")
    }
}

pub(super) fn is_apl_mitigation(c: &Citation) -> bool {
    law_name(&c.law) == law_name(APL) && (30..=32).contains(&c.article)
}

/// Lines numbered （一）（二）…, each closed by ； and the last by 。.
pub(super) fn numbered(lines: &[String]) -> String {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let end = if i + 1 == n { "。" } else { "；" };
            format!("（{}）{}{end}", chinese_number(i as u64 + 1), bare(l))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A provision of 行政处罚法 cited without its quote.
pub(super) fn apl(article: u32, paragraph: Option<u32>, item: Option<u32>) -> Citation {
    Citation {
        law: APL.into(),
        article,
        paragraph,
        item,
        quote: None,
    }
}

/// A citation's quote, without its final full stop.
pub(super) fn quote_text(c: &Citation) -> String {
    bare(c.quote.as_deref().unwrap_or("")).to_string()
}

impl<'a> Builder<'a> {
    pub(super) fn section(
        &self,
        spec: &SectionSpec,
        title: Option<&str>,
        common: &Values,
        own: Values,
    ) -> Section {
        let mut values = common.clone();
        values.extend(own);
        let custom = self
            .lp
            .pack
            .templates
            .get(spec.key)
            .and_then(|t| render(t, &values).ok());
        let text = custom
            .or_else(|| render(spec.default_template, &values).ok())
            .unwrap_or_default();
        let text = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        Section {
            key: spec.key.to_string(),
            title: title.unwrap_or(spec.title).to_string(),
            text,
        }
    }

    fn common(&self) -> Values {
        let d = &self.case.dates;
        vec![
            ("party", self.party.clone()),
            ("party_kind", self.case.party.label().to_string()),
            ("item_name", self.r.item.name.clone()),
            ("item_code", self.r.item.code.clone()),
            ("occurred", date_or(d.occurred, "【违法行为发生日期】")),
            ("discovered", date_or(d.discovered, "【发现日期】")),
            ("decided", date_or(d.decided, "【决定日期】")),
        ]
    }

    /// The fact definitions of the items cited.
    pub(super) fn fact_def(&self, id: &str) -> Option<&'a FactDef> {
        let codes =
            std::iter::once(&self.r.item.code).chain(self.r.other_items.iter().map(|i| &i.code));
        codes
            .filter_map(|c| self.lp.item(c))
            .find_map(|i| i.facts.iter().find(|f| f.id == id))
    }

    /// A fact and its value as a clause: “工程合同价款为10,000,000元”, “当事人存在“…”的情形”.
    pub(super) fn fact_text(&self, id: &str, v: &FactValue) -> String {
        let def = self.fact_def(id);
        let label = def
            .map(|d| d.label.as_str())
            .or_else(|| circumstance_label(id))
            .unwrap_or(id);
        match (v, def.map(|d| &d.kind)) {
            (FactValue::Number(n), Some(FactKind::Number { unit })) if unit == "元" => {
                format!("{label}为{}元", yuan(n.0))
            }
            (
                FactValue::Number(n),
                Some(FactKind::Number { unit } | FactKind::Derived { unit, .. }),
            ) => {
                format!("{label}为{}{unit}", n)
            }
            (FactValue::Number(n), _) => format!("{label}为{n}"),
            (FactValue::Bool(true), _) => format!("当事人存在{}", circumstance(label)),
            (FactValue::Bool(false), _) => format!("当事人不存在{}", circumstance(label)),
            (FactValue::Text(t), Some(FactKind::Date)) => match t.parse::<Date>() {
                Ok(d) => format!("{label}为{}", d.chinese()),
                Err(_) => format!("{label}为“{t}”"),
            },
            (FactValue::Text(t), _) => format!("{label}为“{t}”"),
            (FactValue::List(v), _) => {
                let shown: Vec<String> = v
                    .iter()
                    .map(|t| {
                        t.parse::<Date>()
                            .map(Date::chinese)
                            .unwrap_or_else(|_| t.clone())
                    })
                    .collect();
                format!("{label}为{}", shown.join("、"))
            }
        }
    }

    /// The benchmark's name, number and edition: 《……裁量基准》（京建法〔2023〕2号，2024年版）.
    pub(super) fn benchmark(&self) -> String {
        let m = &self.lp.pack.meta;
        let mut detail = Vec::new();
        if let Some(d) = &m.doc_number {
            detail.push(d.clone());
        }
        detail.push(m.edition.clone());
        format!("{}（{}）", law_name(&m.title), detail.join("，"))
    }

    /// Notes for the officer: a reference-only pack, and the result's warnings.
    pub(super) fn notes(&self) -> String {
        let mut notes = Vec::new();
        if self.r.provenance.reference_only {
            notes.push("【注意：所适用的裁量基准为参考示例，非任何机关发布的正式裁量基准；正式文书应当依据本地发布的裁量基准。】".to_string());
        }
        for w in &self.r.warnings {
            notes.push(format!("【提示：{}】", bare(w)));
        }
        notes.join("\n")
    }
}
