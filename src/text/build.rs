//! Building the sections of the draft from the result, the case and the pack.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::cite::{cite, cite_list, law_name, quoted};
use super::number::{amount_in_words, chinese_number};
use super::template::render;
use super::{
    DECISION, Draft, FACTS, NO_PENALTY_DECISION, NO_PENALTY_REASONING, NOTICE, PENALTY, REASONING,
    Section, SectionSpec, VIOLATION,
};
use crate::case::{Capacity, Case, FactValue};
use crate::date::Date;
use crate::engine::condition::{self, Tri};
use crate::engine::range::{Span, describe, yuan};
use crate::engine::result::{
    EvalResult, FactorInfo, FlagStatus, Level, MoneyRange, Outcome, PenaltyOut, Step, TierChoice,
};
use crate::num::Fraction;
use crate::pack::LoadedPack;
use crate::pack::model::{
    AdjustScope, Basis, Citation, Conflict, Exemption, FactDef, FactKind, FineForm, FineRule, Item,
    PartyKind, PenaltyKind, Threshold, TierOutcome,
};
use crate::statute::{APL, Provision};

/// What the draft is built from.
struct Cx<'a> {
    lp: &'a LoadedPack,
    case: &'a Case,
    r: &'a EvalResult,
    /// The item applied, as the pack defines it (absent if the result came from another pack).
    item: Option<&'a Item>,
    party: String,
}

type Values = Vec<(&'static str, String)>;

/// Builds the reasoning text of a result. Never fails: what cannot be known is left as a
/// 【】 blank for the officer.
pub fn draft(pack: &LoadedPack, case: &Case, result: &EvalResult) -> Draft {
    let cx = Cx {
        lp: pack,
        case,
        r: result,
        item: pack.item(&result.item.code),
        party: "【当事人名称】".to_string(),
    };
    let common = cx.common();
    let mut sections = vec![
        cx.section(&FACTS, None, &common, cx.facts()),
        cx.section(&VIOLATION, None, &common, cx.violation()),
    ];
    match result.outcome {
        Outcome::NoPenalty | Outcome::MayNotPenalise | Outcome::TimeBarred => {
            let title = match result.outcome {
                Outcome::MayNotPenalise => "可以不予处罚理由",
                Outcome::TimeBarred => "不再给予处罚理由",
                _ => NO_PENALTY_REASONING.title,
            };
            let grounds = cx.grounds();
            sections.push(cx.section(
                &NO_PENALTY_REASONING,
                Some(title),
                &common,
                cx.no_penalty_reasoning(&grounds),
            ));
            sections.push(cx.section(
                &NO_PENALTY_DECISION,
                None,
                &common,
                cx.no_penalty_decision(&grounds),
            ));
        }
        Outcome::Fine | Outcome::NoFine | Outcome::Pending | Outcome::CorrectionOnly => {
            sections.push(cx.section(&PENALTY, None, &common, cx.penalty()));
            sections.push(cx.section(&REASONING, None, &common, cx.reasoning()));
            let title = (result.outcome == Outcome::CorrectionOnly).then_some("处理决定");
            sections.push(cx.section(&DECISION, title, &common, cx.decision()));
            if result.outcome != Outcome::CorrectionOnly {
                sections.push(cx.section(&NOTICE, None, &common, cx.notice()));
            }
        }
    }
    Draft { sections }
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

fn date_or(d: Option<Date>, blank: &str) -> String {
    d.map(Date::chinese).unwrap_or_else(|| blank.to_string())
}

/// Text without a trailing full stop or semicolon, so it can be embedded in a sentence.
fn bare(s: &str) -> &str {
    s.trim().trim_end_matches(['。', '；', ';', '.'])
}

/// "，" between clauses of a list; the last is closed by the caller.
fn join(parts: &[String], sep: &str) -> String {
    parts.join(sep)
}

/// 大写 of an amount, or a blank for the officer when it cannot be written.
fn words_or_blank(d: Decimal) -> String {
    amount_in_words(d).unwrap_or_else(|_| "【大写金额】".to_string())
}

/// A range in 大写, or a blank for the officer when a bound cannot be written in 大写.
fn describe_words(r: &MoneyRange) -> String {
    super::number::range_in_words(r).unwrap_or_else(|_| "【大写金额】".to_string())
}

/// A fraction in words: 1/2 → 二分之一, 40% → 百分之四十, 0.4 → 0.4.
fn fraction_words(f: &Fraction) -> String {
    let whole = |d: Decimal| -> Option<u64> {
        if d.fract().is_zero() && !d.is_sign_negative() {
            rust_decimal::prelude::ToPrimitive::to_u64(&d)
        } else {
            None
        }
    };
    match (whole(f.num), whole(f.den)) {
        (Some(n), Some(100)) => format!("百分之{}", chinese_number(n)),
        (Some(n), Some(1)) => chinese_number(n),
        (Some(n), Some(d)) if d > 0 => format!("{}分之{}", chinese_number(d), chinese_number(n)),
        _ => f.to_string(),
    }
}

fn point_words(f: &Fraction) -> String {
    if f.num.is_zero() {
        "下限".to_string()
    } else if f.num == f.den {
        "上限".to_string()
    } else {
        format!("{}处", fraction_words(f))
    }
}

fn basis_words(b: &Basis) -> Option<String> {
    match (&b.source, &b.citation) {
        (Some(s), Some(c)) => Some(format!("{}（{}）", s.title, cite(c))),
        (Some(s), None) => Some(s.title.clone()),
        (None, Some(c)) => Some(cite(c)),
        (None, None) => None,
    }
}

/// “…”的情形, or “…的”情形 for a label that already ends in 的.
fn circumstance(label: &str) -> String {
    let label = bare(label);
    if label.ends_with('的') {
        format!("“{label}”情形")
    } else {
        format!("“{label}”的情形")
    }
}

fn is_apl_mitigation(c: &Citation) -> bool {
    law_name(&c.law) == law_name(APL) && (30..=32).contains(&c.article)
}

fn numbered(lines: &[String]) -> String {
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

/// The fact a form's amount is computed from.
fn base_fact(form: &FineForm) -> Option<&str> {
    match form {
        FineForm::Percent { base, .. } | FineForm::Multiple { base, .. } => Some(base),
        FineForm::PerUnit { quantity, .. } => Some(quantity),
        _ => None,
    }
}

fn apl(article: u32, paragraph: Option<u32>, item: Option<u32>) -> Citation {
    Citation {
        law: APL.into(),
        article,
        paragraph,
        item,
        quote: None,
    }
}

/// A statutory provision's quote, without its final full stop.
fn quote_of(p: Provision) -> String {
    bare(p.cite().quote.as_deref().unwrap_or("")).to_string()
}

/// The part of art 36 ¶1 that applies: the two-year rule, or with the five-year extension.
fn limitation_rule(grave: bool) -> String {
    let q = quote_of(Provision::Limitation);
    let sep = if grave { '。' } else { '；' };
    q.split(sep).next().unwrap_or_default().to_string()
}

/// Why no penalty is given.
enum Ground<'a> {
    Statute(Provision),
    Row(&'a Exemption),
    Tier,
    TimeBarred,
    Unknown,
}

impl<'a> Cx<'a> {
    fn section(
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
    fn fact_def(&self, id: &str) -> Option<&'a FactDef> {
        let codes =
            std::iter::once(&self.r.item.code).chain(self.r.other_items.iter().map(|i| &i.code));
        codes
            .filter_map(|c| self.lp.item(c))
            .find_map(|i| i.facts.iter().find(|f| f.id == id))
    }

    fn fact_text(&self, id: &str, v: &FactValue) -> String {
        let def = self.fact_def(id);
        let label = def
            .map(|d| d.label.as_str())
            .or_else(|| condition::circumstance_label(id))
            .unwrap_or(id);
        match (v, def.map(|d| &d.kind)) {
            (FactValue::Number(n), Some(FactKind::Number { unit })) if unit == "元" => {
                format!("{label}为{}元", yuan(n.0))
            }
            (FactValue::Number(n), Some(FactKind::Number { unit })) => {
                format!("{label}为{}{unit}", n)
            }
            (FactValue::Number(n), _) => format!("{label}为{n}"),
            (FactValue::Bool(true), _) => format!("当事人存在{}", circumstance(label)),
            (FactValue::Bool(false), _) => format!("当事人不存在{}", circumstance(label)),
            (FactValue::Text(t), _) => format!("{label}为“{t}”"),
        }
    }

    // -----------------------------------------------------------------------------------------
    // 违法事实.

    fn facts(&self) -> Values {
        let d = &self.case.dates;
        let when = match (d.occurred, d.ended) {
            (Some(o), Some(e)) if e != o => format!("自{}起至{}", o.chinese(), e.chinese()),
            (Some(o), _) => format!("于{}", o.chinese()),
            (None, Some(e)) => format!("自【违法行为开始日期】起至{}", e.chinese()),
            (None, None) => "于【违法行为发生日期】".to_string(),
        };
        let mut parts: Vec<String> = Vec::new();
        // The item's facts in the order the pack declares them, then any others entered.
        let mut done = BTreeSet::new();
        if let Some(item) = self.item {
            for def in &item.facts {
                if let Some(v) = self.case.facts.get(&def.id) {
                    parts.push(self.fact_text(&def.id, v));
                    done.insert(def.id.as_str());
                }
            }
        }
        for (id, v) in &self.case.facts {
            if !done.contains(id.as_str()) {
                parts.push(self.fact_text(id, v));
            }
        }
        let case = self.case;
        let mut about = Vec::new();
        if case.party == PartyKind::Citizen {
            if let Some(age) = case.age {
                about.push(format!(
                    "实施违法行为时{}周岁",
                    chinese_number(u64::from(age))
                ));
            }
            match case.capacity {
                Capacity::Full => {}
                Capacity::Partial => about.push("尚未完全丧失辨认或者控制自己行为能力".to_string()),
                Capacity::None => {
                    about.push("实施违法行为时不能辨认或者不能控制自己的行为".to_string())
                }
            }
        }
        let c = case.circumstances;
        for (on, words) in [
            (c.minor, "违法行为轻微"),
            (c.first_offence, "系初次违法"),
            (c.slight_harm, "危害后果轻微"),
            (c.no_harm, "没有造成危害后果"),
            (c.corrected, "已及时改正"),
            (c.no_fault, "有证据足以证明没有主观过错"),
            (c.eliminated_harm, "主动消除或者减轻了违法行为危害后果"),
            (c.coerced, "系受他人胁迫或者诱骗实施违法行为"),
            (c.confessed, "主动供述了本机关尚未掌握的违法行为"),
            (c.meritorious, "配合本机关查处违法行为有立功表现"),
        ] {
            if on {
                about.push(words.to_string());
            }
        }
        if !about.is_empty() {
            parts.push(format!("当事人{}", join(&about, "，")));
        }
        match case.illegal_gains {
            Some(g) if g.0.is_zero() => parts.push("当事人没有违法所得".to_string()),
            Some(g) => {
                let back = if case.gains_to_be_returned {
                    "，依法应当退赔"
                } else {
                    ""
                };
                parts.push(format!("当事人违法所得为{}元{back}", yuan(g.0)));
            }
            None => {}
        }
        let findings = if parts.is_empty() {
            String::new()
        } else {
            format!("另查明，{}。", join(&parts, "；"))
        };
        vec![("when", when), ("findings", findings)]
    }

    // -----------------------------------------------------------------------------------------
    // 违法依据.

    fn violation(&self) -> Values {
        let all: Vec<&Citation> = self
            .r
            .item
            .violates
            .iter()
            .chain(self.r.other_items.iter().flat_map(|i| i.violates.iter()))
            .collect();
        let violates = if all.is_empty() {
            "【违法依据】".to_string()
        } else {
            cite_list(all.iter().copied())
        };
        let mut quotes: Vec<String> = Vec::new();
        for c in &all {
            let q = quoted(c);
            if !quotes.contains(&q) {
                quotes.push(q);
            }
        }
        vec![
            ("violates", violates),
            ("violates_quotes", quotes.join("\n")),
        ]
    }

    // -----------------------------------------------------------------------------------------
    // 处罚依据.

    /// The statutory fine rule applied, as the engine chooses it: the first rule for the party
    /// whose branch condition holds.
    fn fine_rule(&self) -> Option<&'a FineRule> {
        let item = self.item?;
        item.fines.iter().find(|r| {
            r.parties.covers(self.case.party)
                && r.when.as_ref().is_none_or(|c| {
                    condition::eval(c, self.case, &mut BTreeSet::new()) == Tri::True
                })
        })
    }

    /// The citation the statutory range rests on, where it differs from the penalty basis.
    fn rule_citation(&self) -> Option<&'a Citation> {
        self.r
            .trace
            .iter()
            .find(|t| t.step == Step::Statutory)
            .and_then(|t| t.citations.first())
            .filter(|c| {
                c.law != self.r.item.penalty_basis.law
                    || c.article != self.r.item.penalty_basis.article
                    || c.paragraph != self.r.item.penalty_basis.paragraph
                    || c.item != self.r.item.penalty_basis.item
            })
    }

    fn form_words(&self, form: &FineForm) -> String {
        let label = |id: &str| {
            self.item
                .map(|i| condition::label(i, id).to_string())
                .unwrap_or_else(|| id.to_string())
        };
        let pct = |min: &Option<crate::num::Dec>, max: &crate::num::Dec, unit: &str| match min {
            Some(m) => format!("{m}{unit}以上{max}{unit}以下"),
            None => format!("{max}{unit}以下"),
        };
        match form {
            FineForm::Range { min, max } => {
                format!("{}元以上{}元以下", yuan(min.0), yuan(max.0))
            }
            FineForm::MaxOnly { max } => format!("{}元以下", yuan(max.0)),
            FineForm::Fixed { amount } => format!("{}元", yuan(amount.0)),
            FineForm::Percent { base, min, max } => {
                format!("{}{}", label(base), pct(min, max, "%"))
            }
            FineForm::Multiple { base, min, max } => {
                format!("{}{}", label(base), pct(min, max, "倍"))
            }
            FineForm::PerUnit { quantity, min, max } => {
                let (lo, hi) = (min.map(|m| yuan(m.0)), yuan(max.0));
                match lo {
                    Some(lo) => format!("按{}每单位{lo}元以上{hi}元以下", label(quantity)),
                    None => format!("按{}每单位{hi}元以下", label(quantity)),
                }
            }
            FineForm::Unspecified { .. } => String::new(),
        }
    }

    fn statutory_sentence(&self) -> String {
        let kind = self.case.party.label();
        let rule = self.fine_rule();
        let may = |r: &FineRule| if r.mandatory { "处" } else { "可以处" };
        match (self.r.statutory.as_ref(), rule) {
            (Some(st), Some(rule)) => {
                let range = describe(st);
                let base = base_fact(&rule.form);
                match base {
                    Some(b) => {
                        let value = match self.case.fact(b) {
                            Some(v) => self.fact_text(b, &v),
                            None => String::new(),
                        };
                        format!(
                            "依照上述规定，对{kind}{}{}的罚款。本案{value}，法定罚款幅度为{range}。",
                            may(rule),
                            self.form_words(&rule.form)
                        )
                    }
                    None => format!("依照上述规定，对{kind}{}{range}的罚款。", may(rule)),
                }
            }
            (Some(st), None) => format!("依照上述规定，本案法定罚款幅度为{}。", describe(st)),
            (None, Some(rule)) => match &rule.form {
                FineForm::Unspecified { note } => {
                    format!("上述规定未规定罚款数额：{}。", bare(note))
                }
                form => match base_fact(form) {
                    Some(b) if self.case.fact(b).is_none() => format!(
                        "依照上述规定，对{kind}{}{}的罚款；【待查明{}后计算法定罚款幅度】。",
                        may(rule),
                        self.form_words(form),
                        self.item
                            .map(|i| condition::label(i, b).to_string())
                            .unwrap_or_else(|| b.to_string())
                    ),
                    _ => String::new(),
                },
            },
            (None, None) => {
                let has_fines = self.item.is_some_and(|i| !i.fines.is_empty());
                let covers = self
                    .item
                    .is_some_and(|i| i.fines.iter().any(|r| r.parties.covers(self.case.party)));
                if self.item.is_some() && !covers {
                    if has_fines {
                        format!("上述规定未对{kind}规定罚款。")
                    } else {
                        "上述规定未规定罚款。".to_string()
                    }
                } else {
                    String::new()
                }
            }
        }
    }

    fn penalty(&self) -> Values {
        let pb = &self.r.item.penalty_basis;
        let mut cites: Vec<&Citation> = vec![pb];
        cites.extend(self.rule_citation());
        if let Some(pf) = &self.r.personal_fine {
            cites.push(&pf.citation);
        }
        let mut quotes: Vec<String> = Vec::new();
        for c in &cites {
            let q = quoted(c);
            if !quotes.contains(&q) {
                quotes.push(q);
            }
        }
        let one_fine = if self.r.other_items.is_empty() {
            String::new()
        } else {
            format!(
                "当事人的同一违法行为违反多个法律规范，依据{}的规定，按照罚款数额高的{}处罚，不再依据{}另行给予罚款。",
                cite(&Provision::OneFine.cite()),
                cite(pb),
                cite_list(self.r.other_items.iter().map(|i| &i.penalty_basis))
            )
        };
        vec![
            ("penalty_basis", cite_list(cites.iter().copied())),
            ("penalty_quotes", quotes.join("\n")),
            ("statutory", self.statutory_sentence()),
            ("one_fine", one_fine),
        ]
    }

    // -----------------------------------------------------------------------------------------
    // 裁量理由.

    fn benchmark(&self) -> String {
        let m = &self.lp.pack.meta;
        let mut detail = Vec::new();
        if let Some(d) = &m.doc_number {
            detail.push(d.clone());
        }
        detail.push(m.edition.clone());
        format!("{}（{}）", law_name(&m.title), detail.join("，"))
    }

    fn tier_sentence(&self) -> String {
        let r = self.r;
        let Some(t) = &r.tier else {
            if !r.tier_options.is_empty() {
                let opts = r
                    .tier_options
                    .iter()
                    .map(|t| format!("{}（{}）", t.code, t.label))
                    .collect::<Vec<_>>()
                    .join("、");
                return format!("【裁量阶次待定，请从以下阶次中选择并写明理由：{opts}】");
            }
            let tiered = self
                .item
                .is_some_and(|i| i.tiers.iter().any(|t| t.parties.covers(self.case.party)));
            return if tiered || self.r.outcome == Outcome::CorrectionOnly {
                String::new()
            } else if r.statutory.is_some() {
                "本基准未对该违法行为划分裁量阶次，在法定幅度内裁量。".to_string()
            } else {
                "本基准未对该违法行为划分裁量阶次。".to_string()
            };
        };
        let tier = self
            .item
            .and_then(|i| i.tiers.iter().find(|x| x.code == t.code));
        let mut s = format!(
            "当事人的违法行为属于该基准规定的“{}”阶次（{}：{}）。",
            t.label,
            t.code,
            bare(&t.description)
        );
        match (t.chosen, tier.and_then(|x| x.when.as_ref()), self.item) {
            (TierChoice::Automatic, Some(c), Some(item)) => {
                let mut ids = Vec::new();
                condition::facts_of(c, &mut ids);
                let mut seen = BTreeSet::new();
                let facts: Vec<String> = ids
                    .iter()
                    .filter(|id| seen.insert(id.as_str()))
                    .filter_map(|id| self.case.fact(id).map(|v| self.fact_text(id, &v)))
                    .collect();
                let facts = if facts.is_empty() {
                    String::new()
                } else {
                    format!("本案{}，", join(&facts, "，"))
                };
                s.push_str(&format!(
                    "{facts}符合该阶次“{}”的适用条件。",
                    condition::describe(c, item)
                ));
            }
            _ => s.push_str("认定理由：【请写明认定该阶次的具体理由】。"),
        }
        let row_source = tier.and_then(|x| basis_words(&x.basis));
        let row = row_source
            .as_ref()
            .map(|b| format!("（出处：{b}）"))
            .unwrap_or_default();
        let split = tier
            .filter(|x| matches!(x.outcome, TierOutcome::Band { .. }))
            .map(|_| {
                let split = &self.lp.pack.rules.split;
                let src = basis_words(&split.basis)
                    .map(|b| format!("（出处：{b}）"))
                    .unwrap_or_default();
                format!("，系按本基准“{}”的阶次划分规则确定{src}", split.name)
            })
            .unwrap_or_default();
        match &r.benchmark {
            Some(b) => s.push_str(&format!("该阶次的基准幅度为{}{row}{split}。", describe(b))),
            None => {
                if let Some(b) = row_source {
                    s.push_str(&format!("该阶次出自{b}。"));
                }
            }
        }
        s
    }

    fn factor_sentence(&self, f: &FactorInfo) -> String {
        let statutory = f.citation.as_ref().is_some_and(is_apl_mitigation);
        let label = bare(&f.label);
        let who = if f.id == "art30" {
            format!("当事人系{label}")
        } else if statutory {
            format!("当事人{label}")
        } else {
            format!("当事人存在{}", circumstance(label))
        };
        let must = if f.mandatory { "应当" } else { "可以" };
        let dir = match f.direction {
            Level::Lighter => "从轻处罚",
            Level::Reduced => "减轻处罚",
            Level::Heavier => "从重处罚",
            Level::None => "调整处罚",
        };
        let effect = if statutory {
            format!("{must}从轻或者减轻行政处罚，本案予以{dir}")
        } else {
            format!("{must}{dir}")
        };
        match (&f.citation, &f.source) {
            (Some(c), _) => format!("{who}，依据{}的规定，{effect}。", cite(c)),
            (None, Some(s)) => format!("{who}，依据{s}，{effect}。"),
            (None, None) => format!("{who}，{effect}。"),
        }
    }

    fn adjustment_sentence(&self) -> String {
        let r = self.r;
        let factors = &r.adjustment.factors;
        if factors.is_empty() || r.benchmark.is_none() {
            return String::new();
        }
        let rule = &self.lp.pack.rules.adjust;
        let mitigating = factors
            .iter()
            .any(|f| matches!(f.direction, Level::Lighter | Level::Reduced));
        let aggravating = factors.iter().any(|f| f.direction == Level::Heavier);
        let reduced = factors.iter().any(|f| f.direction == Level::Reduced);
        let level = r.adjustment.level;
        let mut s = String::new();
        if mitigating && aggravating {
            s.push_str(match rule.conflict {
                Conflict::Offset => "从轻（减轻）与从重情节并存，依照本基准适用规则相互抵消一档。",
                Conflict::MitigationPrevails => {
                    "从轻（减轻）与从重情节并存，依照本基准适用规则优先适用从轻（减轻）情节。"
                }
            });
        }
        let offset = aggravating && rule.conflict == Conflict::Offset;
        if reduced && level == Level::Lighter && !offset {
            s.push_str("法定罚款未规定最低数额，减轻处罚无法在罚款数额上体现，按从轻处罚处理。");
        }
        let scope = match rule.scope {
            AdjustScope::Tier => "基准幅度",
            AdjustScope::Statutory => "法定幅度",
        };
        let src = basis_words(&rule.basis)
            .map(|b| format!("（适用规则出处：{b}）"))
            .unwrap_or_default();
        let part = |p: &[Fraction; 2]| {
            format!(
                "取{scope}{}至{}的部分",
                point_words(&p[0]),
                point_words(&p[1])
            )
        };
        let tail = match level {
            Level::None => {
                "综合上述情节，不作从轻、从重调整，在基准幅度内确定罚款数额。".to_string()
            }
            Level::Lighter => format!(
                "综合上述情节，对当事人从轻处罚，{}{src}。",
                part(&rule.lighter)
            ),
            Level::Heavier => format!(
                "综合上述情节，对当事人从重处罚，{}{src}。",
                part(&rule.heavier)
            ),
            Level::Reduced => {
                let min = r.statutory.as_ref().map(|s| s.min.0).unwrap_or_default();
                let floor = rule.reduced_floor.of(min).unwrap_or_default();
                let lower = if floor.is_zero() {
                    "高于零".to_string()
                } else {
                    format!(
                        "不低于法定最低数额的{}即{}元",
                        fraction_words(&rule.reduced_floor),
                        yuan(floor)
                    )
                };
                format!(
                    "综合上述情节，对当事人减轻处罚，在低于法定最低罚款数额{}元、{lower}的范围内确定罚款数额{src}。",
                    yuan(min)
                )
            }
        };
        s.push_str(&tail);
        s
    }

    fn conclusion(&self) -> String {
        let r = self.r;
        match r.outcome {
            Outcome::Fine | Outcome::MayNotPenalise => {
                let Some(rec) = &r.recommended else {
                    return String::new();
                };
                let mut s = format!("经裁量，本案建议罚款幅度为{}。", describe(rec));
                if r.fine_discretionary {
                    s.push_str(
                        "处罚依据规定可以处罚款，本机关决定予以罚款的理由是：【请写明理由】。",
                    );
                }
                if let Some(f) = self.case.intended_fine {
                    if Span::closed(f.0, f.0).inside(&rec.span()) {
                        s.push_str(&format!("本机关拟罚款{}元，在建议幅度以内。", yuan(f.0)));
                    } else {
                        s.push_str(&format!(
                            "本机关拟罚款{}元，【不在建议幅度以内，请说明理由】。",
                            yuan(f.0)
                        ));
                    }
                }
                s
            }
            Outcome::NoFine => {
                "处罚依据未对当事人规定罚款，依法给予罚款以外的行政处罚。".to_string()
            }
            Outcome::CorrectionOnly => self.correction_only_reason(),
            Outcome::Pending if r.pending.is_empty() => {
                "【罚款数额待定：请依照处罚依据和有关规定确定罚款数额】".to_string()
            }
            Outcome::Pending => format!("【待补充：{}】", bare(&r.pending.join("；"))),
            Outcome::NoPenalty | Outcome::TimeBarred => String::new(),
        }
    }

    fn correction_only_reason(&self) -> String {
        let pb = cite(&self.r.item.penalty_basis);
        if let Some(item) = self.item {
            let unmet: Vec<&str> = item
                .preconditions
                .iter()
                .filter(|p| condition::eval(&p.when, self.case, &mut BTreeSet::new()) == Tri::False)
                .map(|p| p.label.as_str())
                .collect();
            if !unmet.is_empty() {
                let labels = unmet
                    .iter()
                    .map(|l| format!("“{}”", bare(l)))
                    .collect::<Vec<_>>()
                    .join("、");
                return format!(
                    "依据{pb}的规定，罚款以{labels}为前提。本案当事人尚不具备上述情形，依法责令改正，暂不予罚款。"
                );
            }
            if let Some(t) = &self.r.tier {
                let corr = item
                    .tiers
                    .iter()
                    .any(|x| x.code == t.code && x.outcome == TierOutcome::CorrectionOnly);
                if corr {
                    return format!("依照该基准，“{}”阶次责令改正，不予罚款。", t.label);
                }
            }
        }
        "依法责令改正，不予罚款。".to_string()
    }

    fn notes(&self) -> String {
        let mut notes = Vec::new();
        if self.r.provenance.reference_only {
            notes.push("【注意：所适用的裁量基准为参考示例，非任何机关发布的正式裁量基准；正式文书应当依据本地发布的裁量基准。】".to_string());
        }
        for w in &self.r.warnings {
            notes.push(format!("【提示：{}】", bare(w)));
        }
        notes.join("\n")
    }

    fn reasoning(&self) -> Values {
        let r = self.r;
        let factors = if r.outcome == Outcome::CorrectionOnly {
            String::new()
        } else if r.adjustment.factors.is_empty() {
            "本案未发现依法应当或者可以从轻、减轻、从重处罚的情节。".to_string()
        } else {
            r.adjustment
                .factors
                .iter()
                .map(|f| self.factor_sentence(f))
                .collect::<String>()
        };
        vec![
            ("benchmark", self.benchmark()),
            ("tier", self.tier_sentence()),
            ("factors", factors),
            ("adjustment", self.adjustment_sentence()),
            ("conclusion", self.conclusion()),
            (
                "recommended",
                r.recommended
                    .as_ref()
                    .map(describe)
                    .unwrap_or_else(|| "【待定】".to_string()),
            ),
            ("notes", self.notes()),
        ]
    }

    // -----------------------------------------------------------------------------------------
    // 处罚决定.

    /// The fine decided: the intended amount, or the single amount of the range.
    fn fine_amount(&self) -> Option<Decimal> {
        if let Some(f) = self.case.intended_fine {
            return Some(f.0);
        }
        let rec = self.r.recommended.as_ref()?;
        (rec.min == rec.max && rec.min_inclusive && rec.max_inclusive).then_some(rec.min.0)
    }

    fn penalty_line(p: &PenaltyOut) -> String {
        let by = p
            .decided_by
            .as_ref()
            .map(|b| format!("（由{}决定）", bare(b)))
            .unwrap_or_default();
        let text = format!("{}{by}", bare(&p.text));
        if p.kind == PenaltyKind::ConfiscateIllegalGains {
            return match p.amount {
                Some(g) => format!(
                    "没收违法所得人民币{}元（大写：{}）",
                    yuan(g.0),
                    words_or_blank(g.0)
                ),
                None => "没收违法所得【违法所得数额】元".to_string(),
            };
        }
        if p.conditional {
            format!("【视情节决定：{text}】")
        } else if !p.mandatory && text.starts_with("可以") {
            format!("【{text}】")
        } else if !p.mandatory {
            format!("【可以给予：{text}】")
        } else {
            text
        }
    }

    fn decision(&self) -> Values {
        let r = self.r;
        let mut lines: Vec<String> = Vec::new();
        for p in r.penalties.iter().filter(|p| p.kind.is_order()) {
            lines.push(Self::penalty_line(p));
        }
        let fined = matches!(r.outcome, Outcome::Fine | Outcome::Pending);
        let (amount, amount_words) = match (self.fine_amount(), &r.recommended) {
            (Some(a), _) => (yuan(a), words_or_blank(a)),
            (None, Some(rec)) => ("【具体金额】".to_string(), describe_words(rec)),
            (None, None) => ("【具体金额】".to_string(), "【大写金额】".to_string()),
        };
        if fined {
            let line = match (self.fine_amount(), &r.recommended) {
                (Some(a), _) => format!("罚款人民币{}元（大写：{}）", yuan(a), words_or_blank(a)),
                (None, Some(rec)) => format!(
                    "罚款人民币【具体金额】元（建议幅度为{}，即{}）",
                    describe(rec),
                    describe_words(rec)
                ),
                (None, None) => "罚款人民币【具体金额】元（罚款幅度待定）".to_string(),
            };
            lines.push(line);
        }
        for p in r.penalties.iter().filter(|p| !p.kind.is_order()) {
            lines.push(Self::penalty_line(p));
        }
        if let Some(pf) = &r.personal_fine {
            let pct = self
                .item
                .and_then(|i| i.personal_fine.as_ref())
                .map(|p| {
                    format!(
                        "单位罚款数额{}%以上{}%以下，即",
                        p.min_percent, p.max_percent
                    )
                })
                .unwrap_or_default();
            lines.push(format!(
                "对单位直接负责的主管人员和其他直接责任人员【姓名】各处罚款人民币【具体金额】元（{pct}每人{}）",
                describe(&pf.range)
            ));
        }
        if lines.is_empty() {
            lines.push("【处理内容】".to_string());
        }
        // Basis: the penalty provision, the rule's own, art 29, the factors, art 28, art 73 ….
        let mut basis: Vec<Citation> = vec![r.item.penalty_basis.clone()];
        basis.extend(self.rule_citation().cloned());
        if !r.other_items.is_empty() {
            basis.push(Provision::OneFine.cite());
        }
        if r.recommended.is_some() {
            basis.extend(
                r.adjustment
                    .factors
                    .iter()
                    .filter(|f| f.direction != Level::None)
                    .filter_map(|f| f.citation.clone()),
            );
        }
        basis.extend(r.penalties.iter().map(|p| p.citation.clone()));
        if let Some(pf) = &r.personal_fine {
            basis.push(pf.citation.clone());
        }
        vec![
            ("basis", cite_list(basis.iter())),
            ("items", numbered(&lines)),
            ("amount", amount),
            ("amount_words", amount_words),
        ]
    }

    // -----------------------------------------------------------------------------------------
    // 告知.

    fn notice(&self) -> Values {
        let rights = format!(
            "根据{}的规定，本机关告知当事人拟作出的行政处罚内容及事实、理由、依据。当事人享有陈述、申辩的权利，可以自收到本告知书之日起【期限】日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。本机关将充分听取当事人的意见，对当事人提出的事实、理由和证据进行复核；当事人提出的事实、理由或者证据成立的，本机关将予以采纳，不因当事人陈述、申辩而给予更重的处罚。",
            cite_list([&apl(44, None, None), &apl(45, None, None)])
        );
        let h = &self.r.flags.hearing;
        let (certain, possible, standard) = self.hearing_grounds();
        let c63 = cite(&apl(63, Some(1), None));
        let c64 = cite(&apl(64, None, Some(1)));
        let basis = cite_list([&apl(63, Some(1), None), &apl(64, None, Some(1))]);
        let reason = bare(&h.reason);
        let hearing = match h.status {
            FlagStatus::Required => {
                let what = if certain.is_empty() {
                    format!("属于应当告知听证权利的情形（{reason}）")
                } else {
                    format!("包括{}{standard}", certain.join("、"))
                };
                format!(
                    "本机关拟作出的行政处罚{what}。根据{basis}的规定，当事人有要求听证的权利；当事人要求听证的，应当在本机关告知后五日内提出，逾期未提出的，视为放弃听证权利。"
                )
            }
            FlagStatus::Possible => {
                let what = if possible.is_empty() {
                    format!("{reason}的")
                } else {
                    format!("{}{standard}", possible.join("，或者"))
                };
                format!(
                    "【如{what}，应当依照{c63}的规定告知当事人有要求听证的权利；当事人要求听证的，应当在告知后五日内提出（{c64}）。】"
                )
            }
            FlagStatus::Unknown => {
                format!("【{reason}；属于{c63}规定情形的，应当告知当事人有要求听证的权利。】")
            }
            FlagStatus::NotRequired => String::new(),
        };
        vec![("rights", rights), ("hearing", hearing)]
    }

    /// What makes a hearing notice due (certain, possible) and the pack's 较大数额 standard in
    /// words, for the notice. The flag's status decides whether it is given at all.
    fn hearing_grounds(&self) -> (Vec<String>, Vec<String>, String) {
        let r = self.r;
        let rules = &self.lp.pack.rules.hearing;
        let org = self.case.party.is_organization();
        let t = if org {
            rules.organization.as_ref()
        } else {
            rules.citizen.as_ref()
        };
        let reaches = |x: Decimal, t: &Threshold| {
            if t.inclusive {
                x >= t.amount.0
            } else {
                x > t.amount.0
            }
        };
        let mut certain = Vec::new();
        let mut possible = Vec::new();
        for p in r.penalties.iter().filter(|p| p.kind.needs_hearing()) {
            if p.mandatory && !p.conditional {
                certain.push(p.kind.label().to_string());
            } else {
                possible.push(format!("决定给予{}等处罚", p.kind.label()));
            }
        }
        let amount: Option<Span> = match self.case.intended_fine {
            Some(f) => Some(Span::closed(f.0, f.0)),
            None => r
                .recommended
                .as_ref()
                .or(r.statutory.as_ref())
                .map(MoneyRange::span),
        };
        let mut standard = String::new();
        if let Some(t) = t {
            let who = if org {
                "对法人或者其他组织"
            } else {
                "对公民"
            };
            let bound = if t.inclusive {
                format!("{}元以上（含本数）", yuan(t.amount.0))
            } else {
                format!("超过{}元", yuan(t.amount.0))
            };
            let src = basis_words(&rules.basis)
                .map(|b| format!("，出处：{b}"))
                .unwrap_or_default();
            let fined = matches!(r.outcome, Outcome::Fine | Outcome::Pending);
            let mut used = false;
            if let (true, Some(a)) = (fined, amount) {
                if reaches(a.min, t) {
                    certain.push("较大数额罚款".to_string());
                    used = true;
                } else if reaches(a.max, t) {
                    possible.push("决定的罚款数额达到较大数额".to_string());
                    used = true;
                }
            }
            let gains = r
                .penalties
                .iter()
                .filter(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
                .find_map(|p| p.amount);
            if gains.is_some_and(|g| reaches(g.0, t)) {
                certain.push("没收较大数额违法所得".to_string());
                used = true;
            }
            if used {
                standard = format!("（本基准规定的较大数额标准为{who}罚款{bound}{src}）");
            }
        }
        (certain, possible, standard)
    }

    // -----------------------------------------------------------------------------------------
    // 不予处罚.

    fn grounds(&self) -> Vec<Ground<'a>> {
        let case = self.case;
        let c = case.circumstances;
        if self.r.outcome == Outcome::TimeBarred {
            return vec![Ground::TimeBarred];
        }
        let citizen = case.party == PartyKind::Citizen;
        let true_rows = |mandatory: bool| -> Vec<Ground<'a>> {
            self.item
                .map(|i| {
                    i.exemptions
                        .iter()
                        .filter(|e| e.mandatory == mandatory)
                        .filter(|e| {
                            condition::eval(&e.when, case, &mut BTreeSet::new()) == Tri::True
                        })
                        .map(Ground::Row)
                        .collect()
                })
                .unwrap_or_default()
        };
        // The mandatory grounds, in the order the engine checks them; the first applies.
        let mandatory = if citizen && case.age.is_some_and(|a| a < 14) {
            Some(Ground::Statute(Provision::Minors))
        } else if citizen && case.capacity == Capacity::None {
            Some(Ground::Statute(Provision::Incapacity))
        } else if c.minor && c.corrected && c.no_harm {
            Some(Ground::Statute(Provision::MinorCorrected))
        } else if c.no_fault {
            Some(Ground::Statute(Provision::NoFault))
        } else {
            true_rows(true).into_iter().next()
        };
        if let Some(g) = mandatory {
            return vec![g];
        }
        let mut discretionary = Vec::new();
        if c.first_offence && c.slight_harm && c.corrected {
            discretionary.push(Ground::Statute(Provision::FirstOffence));
        }
        discretionary.extend(true_rows(false));
        let by_tier = self.r.tier.as_ref().is_some_and(|t| {
            self.item.is_some_and(|i| {
                i.tiers
                    .iter()
                    .any(|x| x.code == t.code && x.outcome == TierOutcome::NoPenalty)
            })
        });
        let waived = self.case.waive == Some(true) || self.r.outcome == Outcome::MayNotPenalise;
        if !discretionary.is_empty() && (waived || !by_tier) {
            return discretionary;
        }
        if by_tier {
            return vec![Ground::Tier];
        }
        vec![Ground::Unknown]
    }

    fn ground_citations(&self, grounds: &[Ground<'_>]) -> Vec<Citation> {
        let mut out = Vec::new();
        for g in grounds {
            match g {
                Ground::Statute(p) => out.push(p.cite()),
                Ground::Row(e) => out.extend(e.basis.citation.clone()),
                Ground::Tier => {
                    let t = self.r.tier.as_ref().and_then(|t| {
                        self.item
                            .and_then(|i| i.tiers.iter().find(|x| x.code == t.code))
                    });
                    out.extend(t.and_then(|t| t.basis.citation.clone()));
                    out.push(self.r.item.penalty_basis.clone());
                }
                Ground::TimeBarred => {
                    if self.case.dates.ended.is_some() {
                        out.push(Provision::Limitation.cite());
                        out.push(Provision::LimitationStart.cite());
                    } else {
                        out.push(Provision::Limitation.cite());
                    }
                }
                Ground::Unknown => {}
            }
        }
        out
    }

    fn time_barred_sentence(&self) -> String {
        let case = self.case;
        let d = case.dates;
        let years: u8 = if case.grave_harm { 5 } else { 2 };
        let n = chinese_number(u64::from(years));
        let limitation = cite(&Provision::Limitation.cite());
        let grave = if case.grave_harm {
            "当事人的违法行为涉及公民生命健康安全、金融安全且有危害后果，追责期限为五年。"
        } else {
            ""
        };
        let rule = limitation_rule(case.grave_harm);
        let (start, act, from) = match (d.ended, d.occurred) {
            (Some(e), _) => (
                Some(e),
                "违法行为有连续或者继续状态，于{}终了",
                "行为终了之日",
            ),
            (None, o) => (o, "违法行为发生于{}", "违法行为发生之日"),
        };
        let (Some(start), Some(found)) = (start, d.discovered) else {
            return format!(
                "{grave}当事人的违法行为在{n}年内未被发现【请写明违法行为发生（终了）日期和发现日期】。依据{limitation}“{rule}”的规定，对当事人不再给予行政处罚。"
            );
        };
        let act = act.replace("{}", &start.chinese());
        let end = start
            .add_years(i32::from(years))
            .map(|e| format!("（至{}届满）", e.chinese()))
            .unwrap_or_default();
        let counted = if d.ended.is_some() {
            format!(
                "依据{}的规定，该期限从行为终了之日起计算。",
                cite(&Provision::LimitationStart.cite())
            )
        } else {
            String::new()
        };
        format!(
            "{grave}当事人的{act}，本机关于{}发现，已超过自{from}起{n}年的期限{end}。{counted}依据{limitation}“{rule}”的规定，对当事人不再给予行政处罚。",
            found.chinese()
        )
    }

    fn ground_sentence(&self, g: &Ground<'_>) -> String {
        let case = self.case;
        match g {
            Ground::TimeBarred => self.time_barred_sentence(),
            Ground::Statute(p) => {
                let c = cite(&p.cite());
                match p {
                    Provision::Minors => format!(
                        "当事人实施违法行为时不满十四周岁{}，依据{c}的规定，不予行政处罚，责令监护人加以管教。",
                        case.age
                            .map(|a| format!("（{}周岁）", chinese_number(u64::from(a))))
                            .unwrap_or_default()
                    ),
                    Provision::Incapacity => format!(
                        "当事人在不能辨认或者不能控制自己行为时实施违法行为，依据{c}的规定，不予行政处罚，但应当责令其监护人严加看管和治疗。"
                    ),
                    Provision::MinorCorrected => format!(
                        "当事人的违法行为轻微，并已及时改正，没有造成危害后果，符合{c}“{}”的规定。",
                        quote_of(*p)
                    ),
                    Provision::NoFault => format!(
                        "当事人有证据足以证明没有主观过错，依据{c}“{}”的规定，不予行政处罚。【请核对处罚依据所在的法律、行政法规对主观过错有无另外规定】",
                        quote_of(*p)
                    ),
                    Provision::FirstOffence => format!(
                        "当事人系初次违法，危害后果轻微并已及时改正，符合{c}“{}”的规定。",
                        quote_of(*p)
                    ),
                    other => format!("依据{}的规定，不予行政处罚。", cite(&other.cite())),
                }
            }
            Ground::Row(e) => {
                let basis = basis_words(&e.basis).unwrap_or_else(|| "本基准".to_string());
                let may = if e.mandatory { "" } else { "可以" };
                format!(
                    "当事人的违法行为符合{basis}规定的{may}不予行政处罚情形（{}：{}）。",
                    e.code,
                    bare(&e.description)
                )
            }
            Ground::Tier => {
                let Some(t) = &self.r.tier else {
                    return String::new();
                };
                let src = self
                    .item
                    .and_then(|i| i.tiers.iter().find(|x| x.code == t.code))
                    .and_then(|x| basis_words(&x.basis))
                    .map(|b| format!("（出处：{b}）"))
                    .unwrap_or_default();
                format!(
                    "当事人的违法行为属于{}规定的“{}”阶次（{}：{}），依照该基准不予行政处罚{src}。",
                    self.benchmark(),
                    t.label,
                    t.code,
                    bare(&t.description)
                )
            }
            Ground::Unknown => "【请写明不予行政处罚的事实、理由和依据】".to_string(),
        }
    }

    fn no_penalty_reasoning(&self, grounds: &[Ground<'_>]) -> Values {
        let mut s: String = grounds.iter().map(|g| self.ground_sentence(g)).collect();
        let discretionary = grounds.iter().any(|g| match g {
            Ground::Statute(p) => *p == Provision::FirstOffence,
            Ground::Row(e) => !e.mandatory,
            _ => false,
        });
        if discretionary {
            match self.r.outcome {
                Outcome::MayNotPenalise => s.push_str(
                    "依照上述规定，可以不予行政处罚。本机关综合考虑【请写明裁量理由，如违法行为的情节、危害后果、改正情况】，拟不予行政处罚。",
                ),
                _ => s.push_str(
                    "依照上述规定，可以不予行政处罚。本机关综合考虑【请写明裁量理由，如违法行为的情节、危害后果、改正情况】，决定不予行政处罚。",
                ),
            }
        } else if grounds.iter().any(|g| {
            matches!(
                g,
                Ground::Row(_) | Ground::Statute(Provision::MinorCorrected)
            )
        }) {
            s.push_str("依法不予行政处罚。");
        }
        vec![("grounds", s), ("notes", self.notes())]
    }

    fn no_penalty_decision(&self, grounds: &[Ground<'_>]) -> Values {
        let r = self.r;
        let party = &self.party;
        let decision = match r.outcome {
            Outcome::TimeBarred => format!("决定对当事人{party}不再给予行政处罚"),
            Outcome::MayNotPenalise => format!("拟对当事人{party}不予行政处罚"),
            _ => format!("决定对当事人{party}不予行政处罚"),
        };
        let orders: Vec<&PenaltyOut> = r.penalties.iter().filter(|p| p.kind.is_order()).collect();
        let orders_text = if orders.is_empty() {
            String::new()
        } else {
            format!(
                "同时，依据{}的规定，{}。",
                cite_list(orders.iter().map(|p| &p.citation)),
                orders
                    .iter()
                    .map(|p| bare(&p.text).to_string())
                    .collect::<Vec<_>>()
                    .join("；")
            )
        };
        let edu = &r.flags.education;
        let edu_cite = cite(&Provision::Education.cite());
        let education = match edu.status {
            FlagStatus::Required => {
                format!("依据{edu_cite}的规定，本机关对当事人进行教育：【教育的方式和内容】。")
            }
            FlagStatus::Possible | FlagStatus::Unknown => format!(
                "不予行政处罚的，依据{edu_cite}的规定，应当对当事人进行教育：【教育的方式和内容】。"
            ),
            FlagStatus::NotRequired => String::new(),
        };
        let alternative = match (r.outcome, &r.recommended) {
            (Outcome::MayNotPenalise, Some(rec)) => format!(
                "【如经裁量决定仍予处罚，应当说明不适用上述规定的理由，并依照处罚依据出具处罚文书；本案建议罚款幅度为{}，即{}。】",
                describe(rec),
                describe_words(rec)
            ),
            (Outcome::MayNotPenalise, None) => {
                "【如经裁量决定仍予处罚，应当说明不适用上述规定的理由，并依照处罚依据出具处罚文书。】".to_string()
            }
            _ => String::new(),
        };
        let basis = self.ground_citations(grounds);
        let basis = if basis.is_empty() {
            "【依据】".to_string()
        } else {
            cite_list(basis.iter())
        };
        vec![
            ("basis", basis),
            ("decision", decision),
            ("orders", orders_text),
            ("education", education),
            ("alternative", alternative),
        ]
    }
}
