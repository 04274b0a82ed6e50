//! A penalty clause read into fines and other penalties: "违反本条例规定，…的，责令改正，处
//! 工程合同价款2%以上4%以下的罚款；情节严重的，责令停业整顿，降低资质等级或者吊销资质证书。"
//!
//! How a clause is read:
//! - sentences (。) and their parts (；) are segments; a segment's pieces are separated by "，";
//! - a piece that ends in "的" is a condition ("情节严重的", "逾期不改正的", "个人有前款规定行为
//!   之一的") for the rest of its segment — except at the very start of a clause, where such
//!   pieces describe the violation itself, unless they are worded as a condition (情节…, 造成…,
//!   逾期…, 有违法所得的 …);
//! - in any other piece, each "罚款" that a "处" / "处以" / "并处" / "可以处" … imposes is a
//!   fine, read by [`super::fine`]; "对X处…" names the party X; "可以" makes it discretionary;
//!   "依照前款规定处以罚款" keeps its reference; a "罚款" used as a noun (罚款数额, 罚款处罚,
//!   加处罚款) is not a fine;
//! - penalties and orders are found by their words ([`super::penalty`]).
//!
//! A fine whose amount cannot be read with certainty is reported in
//! [`ClauseParse::not_understood`] with its words and why; no number is ever guessed.

use serde::Serialize;

use super::fine::{NumberUse, parse_amount};
use super::norm::{Fragment, Norm};
use super::penalty::{NOT_PENALTIES, PHRASE_ENDS, WORDS};
use crate::pack::model::{FineForm, Parties, PenaltyKind};

/// A clause read into its fines and penalties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseParse {
    /// The text as given.
    pub text: String,
    /// The fines, in order.
    pub fines: Vec<ParsedFine>,
    /// Non-fine penalties and orders, in order.
    pub penalties: Vec<ParsedPenalty>,
    /// What could not be read with certainty.
    pub not_understood: Vec<NotUnderstood>,
    /// Pieces after the first penalty that are neither (赔偿责任, 刑事责任, 处分 …), for the
    /// report.
    pub other: Vec<Fragment>,
}

/// A fine read from a clause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedFine {
    /// The form. `Percent` / `Multiple` name their base and `PerUnit` its quantity in the
    /// clause's words (e.g. "工程合同价款"); mapping them to a pack's fact ids is the caller's
    /// ([`super::suggest_facts`] offers the reference pack's). `Unspecified` means "处以罚款"
    /// with no amount.
    pub form: FineForm,
    /// 应当 ("处", "并处") or 可以 ("可以处", "可以并处", "并可处").
    pub mandatory: bool,
    /// The party the clause names ("对施工单位处…", "个人有…的，处…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Party>,
    /// Conditions in force for it, outermost first ("逾期不改正的", "情节严重的").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Fragment>,
    /// The base's words for a percentage or multiple ("合同约定的勘察费、设计费").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Fragment>,
    /// Each number and the words it came from.
    pub numbers: Vec<NumberUse>,
    /// The words from 处 to 罚款.
    pub words: Fragment,
    /// Where the amount is set instead ("依照前款规定", "依照《中华人民共和国安全生产法》的有关规定").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Fragment>,
}

/// A party named by a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The words ("施工单位", "勘察、设计单位或者工程监理单位", "个人").
    pub words: Fragment,
    /// Which parties the words cover: 单位 / …单位 / 企业 / 机构 → organizations; 个人 and
    /// 人员 → individuals; `None` where the words do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Parties>,
}

/// A non-fine penalty or order read from a clause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedPenalty {
    /// Its kind.
    pub kind: PenaltyKind,
    /// The words that name it ("吊销资质证书", "责令停止执业3个月以上1年以下").
    pub words: Fragment,
    /// 应当 (true) or 可以 (false).
    pub mandatory: bool,
    /// Conditions in force for it ("情节严重的").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Fragment>,
    /// Who decides it, where the clause says ("由颁发资质证书的部门").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<Fragment>,
}

/// Something the parser could not read with certainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotUnderstood {
    /// The words.
    pub fragment: Fragment,
    /// Why, in Chinese.
    pub reason: String,
}

impl ClauseParse {
    /// Whether everything that looked like a fine was read.
    pub fn fully_understood(&self) -> bool {
        self.not_understood.is_empty()
    }
}

/// Reads a penalty clause.
pub fn parse_clause(text: &str) -> ClauseParse {
    read_clause(text, false)
}

/// Reads a tier's standard ("处超过1万元、3万元以下的罚款", "责令改正，处二十万以上三十万元以下
/// 罚款"): as [`parse_clause`], but a bound may exclude its number (超过, 不满); each fine's
/// [`NumberUse::inclusive`] says which.
pub fn parse_standard(text: &str) -> ClauseParse {
    read_clause(text, true)
}

fn read_clause(text: &str, exclusive_ok: bool) -> ClauseParse {
    let n = Norm::new(text);
    let mut out = ClauseParse {
        text: text.to_string(),
        fines: Vec::new(),
        penalties: Vec::new(),
        not_understood: Vec::new(),
        other: Vec::new(),
    };
    let start = article_heading_end(&n);
    let mut seen_action = false;
    for (s0, s1) in split(&n, start, n.len(), &['。', '；', '：']) {
        let mut conds: Vec<(usize, usize)> = Vec::new();
        let mut carry_discretion = false;
        // "个人有前款规定行为之一的，处…": the party that opens the segment.
        let mut lead_party = None;
        for (p0, p1) in split(&n, s0, s1, &['，']) {
            let piece = n.string(p0, p1);
            if piece.is_empty() || is_item_number(&n, p0) {
                continue;
            }
            if piece.ends_with('的') {
                if seen_action || is_condition_wording(&piece) {
                    conds.push((p0, p1));
                } else if lead_party.is_none() {
                    lead_party = party_of_condition(&n, (p0, p1));
                }
                continue;
            }
            let (fines, covered, bad) = find_fines(&n, p0, p1, exclusive_ok);
            let cond_frags: Vec<Fragment> = conds.iter().map(|&(a, b)| n.frag(a, b)).collect();
            let pens = find_penalties(&n, p0, p1, &covered, &cond_frags);
            let found = !fines.is_empty() || !pens.is_empty() || !bad.is_empty();
            out.not_understood.extend(bad);
            if !found {
                if seen_action || NOT_PENALTIES.iter().any(|w| piece.contains(w)) {
                    out.other.push(n.frag(p0, p1));
                }
                carry_discretion = false;
                continue;
            }
            seen_action = true;
            let party_from_cond = conds
                .last()
                .and_then(|&c| party_of_condition(&n, c))
                .or_else(|| lead_party.clone());
            for mut f in fines {
                f.conditions = cond_frags.clone();
                if f.party.is_none() {
                    f.party = party_from_cond.clone();
                }
                out.fines.push(f);
            }
            let piece_discretion = discretion_before(&n, p0, p1);
            for (i, mut p) in pens.into_iter().enumerate() {
                // "可以责令停业整顿，降低资质等级": 可以 reaches the next piece when that piece
                // is only the object of the same verb.
                if i == 0 && carry_discretion && starts_as_object(&n, p0) {
                    p.mandatory = false;
                }
                p.conditions = cond_frags.clone();
                out.penalties.push(p);
            }
            carry_discretion = piece_discretion;
        }
    }
    out
}

/// A leading "第六十条 " of a whole article.
fn article_heading_end(n: &Norm) -> usize {
    if !n.at(0, "第") {
        return 0;
    }
    let mut k = 1;
    while n
        .chars
        .get(k)
        .is_some_and(|&c| c.is_ascii_digit() || "零〇一二三四五六七八九十百千".contains(c))
    {
        k += 1;
    }
    if k > 1 && n.chars.get(k) == Some(&'条') {
        k + 1
    } else {
        0
    }
}

/// Splits `i..j` at any of `seps` (the separators themselves dropped), not inside （…） or
/// 《…》.
fn split(n: &Norm, i: usize, j: usize, seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = i;
    let mut depth = 0usize;
    for k in i..j {
        match n.chars[k] {
            '(' | '《' => depth += 1,
            ')' | '》' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => {
                out.push((s, k));
                s = k + 1;
            }
            _ => {}
        }
    }
    out.push((s, j));
    out
}

/// "(一)" / "（二）" / "1." at the start of an enumerated item.
fn is_item_number(n: &Norm, i: usize) -> bool {
    if n.chars.get(i) != Some(&'(') {
        return false;
    }
    let mut k = i + 1;
    while n
        .chars
        .get(k)
        .is_some_and(|&c| "零一二三四五六七八九十".contains(c) || c.is_ascii_digit())
    {
        k += 1;
    }
    k > i + 1 && n.chars.get(k) == Some(&')')
}

/// Condition wordings that stay conditions even at the start of a clause.
fn is_condition_wording(piece: &str) -> bool {
    const LEADS: &[&str] = &[
        "情节",
        "造成",
        "逾期",
        "有违法所得",
        "拒不",
        "构成犯罪",
        "尚不构成",
        "尚不够",
        "不能",
        "无法",
        "尚可",
        "给他人造成",
        "给业主造成",
        "违法所得",
        "多次",
        "再次",
        "屡",
    ];
    LEADS.iter().any(|l| piece.starts_with(l))
}

/// The party of a condition "个人有前款规定行为之一的" / "单位有…的".
fn party_of_condition(n: &Norm, (a, _): (usize, usize)) -> Option<Party> {
    [
        ("个人", Parties::Individual),
        ("单位", Parties::Organization),
    ]
    .into_iter()
    .find(|(w, _)| n.at(a, w))
    .map(|(_, parties)| Party {
        words: n.frag(a, a + 2),
        parties: Some(parties),
    })
}

/// Which parties the words of a party cover, where they say.
pub(crate) fn parties_of(words: &str) -> Option<Parties> {
    let w = words.trim_end_matches('的');
    if w == "个人" || w.ends_with("人员") || w == "公民" {
        return Some(Parties::Individual);
    }
    if w == "单位"
        || ["单位", "企业", "机构", "公司", "法人"]
            .iter()
            .any(|s| w.ends_with(s))
    {
        return Some(Parties::Organization);
    }
    None
}

/// Whether `i..j` holds 可以 / 可 (a discretionary verb).
fn discretion_before(n: &Norm, i: usize, j: usize) -> bool {
    n.find("可", i, j).is_some()
}

/// A piece that begins with the object of a verb in the previous piece (降低资质等级 after
/// 可以责令停业整顿).
fn starts_as_object(n: &Norm, i: usize) -> bool {
    ["降低", "吊销", "停业整顿", "暂扣", "没收"]
        .iter()
        .any(|w| n.at(i, w))
}

/// Words after 罚款 that make it a noun.
const NOUN_AFTER: &[&str] = &[
    "处罚",
    "数额",
    "金额",
    "的数额",
    "的限额",
    "单据",
    "决定",
    "额",
    "标准",
    "幅度",
];

/// Characters after 处 that make it another word (处罚, 处理, 处分, 处置 …).
const NOT_VERB_AFTER: &[char] = &['罚', '理', '分', '置', '所', '长', '境', '于', '在'];

/// Fines in piece `i..j`: the fines, the folded spans they cover, and what was not understood.
fn find_fines(
    n: &Norm,
    i: usize,
    j: usize,
    exclusive_ok: bool,
) -> (Vec<ParsedFine>, Vec<(usize, usize)>, Vec<NotUnderstood>) {
    let mut fines = Vec::new();
    let mut covered = Vec::new();
    let mut bad = Vec::new();
    let mut from = i;
    let mut k = i;
    while let Some(r) = n.find("罚款", k, j) {
        k = r + 2;
        if NOUN_AFTER.iter().any(|w| n.at(r + 2, w)) {
            continue;
        }
        // The 处 that imposes it: the nearest one before it that is a verb; 加处罚款 (a late
        // payment surcharge, 行政处罚法 art 72) is not a fine.
        let Some(p) = (from..r).rev().find(|&m| {
            n.chars[m] == '处'
                && (n.at(m + 1, "罚款")
                    || !NOT_VERB_AFTER.contains(n.chars.get(m + 1).unwrap_or(&' ')))
        }) else {
            continue;
        };
        if p > 0 && n.chars[p - 1] == '加' {
            continue;
        }
        from = r + 2;
        let amount_start = if n.chars.get(p + 1) == Some(&'以') {
            p + 2
        } else {
            p + 1
        };
        // 可以 / 可 / 并 / 应当 just before 处.
        let mut m0 = p;
        while m0 > i && "可以并应当也均".contains(n.chars[m0 - 1]) && p - m0 < 5 {
            m0 -= 1;
        }
        let mandatory = !(m0..p).any(|m| n.chars[m] == '可');
        let words = n.frag(m0, r + 2);
        covered.push((m0, r + 2));
        // Alternatives before the amount: "处警告或者五百元以下罚款".
        let mut a0 = amount_start;
        for lead in ["警告或者", "警告、", "警告或", "通报批评或者", "通报批评、"]
        {
            if n.at(a0, lead) {
                a0 += lead.chars().count();
            }
        }
        // What stands before the verb: "对X", "依照…规定", "每平方米".
        let mut party = None;
        let mut reference = None;
        let mut per_unit = None;
        let mut q0 = i;
        if n.at(q0, "并") {
            q0 += 1;
        }
        if m0 > q0 {
            let pre = n.string(q0, m0);
            if let Some(rest) = pre.strip_prefix('对') {
                let words = n.frag(q0 + 1, m0);
                party = Some(Party {
                    parties: parties_of(rest),
                    words,
                });
            } else if ["依照", "按照", "依据", "根据"]
                .iter()
                .any(|w| pre.contains(w))
            {
                reference = Some(n.frag(q0, m0));
            } else if let Some(q) = pre.strip_prefix('每') {
                per_unit = Some(q.to_string());
            }
        }
        let amount = if let Some(q) = &per_unit {
            // "每平方米处500元以上1000元以下罚款": the unit stands before the verb.
            parse_amount(n, a0, r, exclusive_ok).and_then(|a| {
                match a.form {
                    FineForm::Range { min, max } => Ok(FineForm::PerUnit {
                        quantity: q.clone(),
                        min: Some(min),
                        max,
                    }),
                    FineForm::MaxOnly { max } => Ok(FineForm::PerUnit {
                        quantity: q.clone(),
                        min: None,
                        max,
                    }),
                    _ => Err("“每…”之后不是元的幅度".to_string()),
                }
                .map(|form| super::fine::Amount { form, ..a })
            })
        } else {
            parse_amount(n, a0, r, exclusive_ok)
        };
        match amount {
            Ok(a) => {
                let mut form = a.form;
                if let (FineForm::Unspecified { note }, Some(r)) = (&mut form, &reference) {
                    *note = format!("{}处以罚款", r.text);
                }
                fines.push(ParsedFine {
                    form,
                    mandatory,
                    party,
                    conditions: Vec::new(),
                    base: a.base,
                    numbers: a.numbers,
                    words,
                    reference,
                })
            }
            Err(reason) => bad.push(NotUnderstood {
                fragment: words,
                reason,
            }),
        }
    }
    (fines, covered, bad)
}

/// Penalties in piece `i..j` outside the fines' spans.
fn find_penalties(
    n: &Norm,
    i: usize,
    j: usize,
    covered: &[(usize, usize)],
    conds: &[Fragment],
) -> Vec<ParsedPenalty> {
    let mut out = Vec::new();
    let in_fine = |k: usize| covered.iter().any(|&(a, b)| k >= a && k < b);
    // Alternatives inside a fine's words: 处警告或者五百元以下罚款.
    for &(a, b) in covered {
        if let Some(w) = n.find("警告", a, b) {
            out.push(ParsedPenalty {
                kind: PenaltyKind::Warning,
                words: n.frag(w, w + 2),
                mandatory: !(a..w).any(|m| n.chars[m] == '可'),
                conditions: Vec::new(),
                decided_by: None,
            });
        }
    }
    let mut k = i;
    while k < j {
        if in_fine(k) {
            k += 1;
            continue;
        }
        let Some(&(w, kind)) = WORDS.iter().find(|(w, _)| n.at(k, w)) else {
            k += 1;
            continue;
        };
        let wl = w.chars().count();
        // The phrase runs to the next separator, or the next penalty's words.
        let mut e = k + wl;
        while e < j
            && !in_fine(e)
            && !PHRASE_ENDS.iter().any(|p| n.at(e, p))
            && !WORDS.iter().any(|(v, _)| n.at(e, v))
        {
            e += 1;
        }
        // "有违法所得的，予以没收".
        let kind = if w == "没收" && e == k + 2 && conds.iter().any(|c| c.text.contains("违法所得"))
        {
            PenaltyKind::ConfiscateIllegalGains
        } else {
            kind
        };
        let (words_start, words_end) =
            if w == "没收" && e == k + 2 && k >= i + 2 && n.at(k - 2, "予以") {
                (k - 2, e)
            } else {
                (k, e)
            };
        let mandatory = !(i..k).any(|m| n.chars[m] == '可');
        out.push(ParsedPenalty {
            kind,
            words: n.frag(words_start, words_end),
            mandatory,
            conditions: Vec::new(),
            decided_by: decided_by(n, i, k),
        });
        k = e.max(k + 1);
    }
    out
}

/// "由颁发资质证书的部门" / "由原发证机关" before a penalty.
fn decided_by(n: &Norm, i: usize, k: usize) -> Option<Fragment> {
    let s = n.find("由", i, k)?;
    let tail = ["部门", "机关", "机构", "委员会", "中心"];
    let mut best = None;
    for t in tail {
        let mut from = s + 1;
        while let Some(e) = n.find(t, from, k) {
            let end = e + t.chars().count();
            best = Some(best.map_or(end, |b: usize| b.max(end)));
            from = e + 1;
        }
    }
    best.map(|e| n.frag(s + 1, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn one_fine_with_its_numbers_words_and_orders() {
        let text = "违反本条例规定，建设单位未取得施工许可证或者开工报告未经批准，擅自施工的，责令停止施工，限期改正，处工程合同价款1%以上2%以下的罚款。";
        let p = parse_clause(text);
        assert!(p.fully_understood(), "{:?}", p.not_understood);
        assert_eq!(p.fines.len(), 1);
        let f = &p.fines[0];
        assert_eq!(
            f.form,
            FineForm::Percent {
                base: "工程合同价款".into(),
                min: Some(d("1")),
                max: d("2")
            }
        );
        assert!(f.mandatory);
        assert!(f.conditions.is_empty());
        assert_eq!(f.words.text, "处工程合同价款1%以上2%以下的罚款");
        assert_eq!(&text[f.words.start..f.words.end], f.words.text);
        assert_eq!(f.numbers[0].written.text, "1%以上");
        assert_eq!(f.numbers[1].written.text, "2%以下");
        assert_eq!(
            f.base.as_ref().map(|b| b.text.as_str()),
            Some("工程合同价款")
        );
        let kinds: Vec<PenaltyKind> = p.penalties.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [PenaltyKind::OrderStop, PenaltyKind::OrderCorrection]
        );
    }

    #[test]
    fn parties_conditions_and_discretion() {
        let p = parse_clause(
            "违反本条例规定，燃气用户及相关单位和个人有下列行为之一的，由燃气管理部门责令限期改正；逾期不改正的，对单位可以处10万元以下罚款，对个人可以处1000元以下罚款；造成损失的，依法承担赔偿责任；构成犯罪的，依法追究刑事责任：",
        );
        assert!(p.fully_understood());
        assert_eq!(p.fines.len(), 2);
        let (a, b) = (&p.fines[0], &p.fines[1]);
        assert_eq!(a.form, FineForm::MaxOnly { max: d("100000") });
        assert!(!a.mandatory);
        assert_eq!(
            a.party.as_ref().map(|p| p.words.text.as_str()),
            Some("单位")
        );
        assert_eq!(
            a.party.as_ref().and_then(|p| p.parties),
            Some(Parties::Organization)
        );
        assert_eq!(b.form, FineForm::MaxOnly { max: d("1000") });
        assert_eq!(
            b.party.as_ref().and_then(|p| p.parties),
            Some(Parties::Individual)
        );
        assert_eq!(a.conditions[0].text, "逾期不改正的");
        assert_eq!(p.penalties[0].kind, PenaltyKind::OrderCorrection);
        assert!(p.other.iter().any(|o| o.text.contains("赔偿责任")));
    }

    #[test]
    fn penalties_with_conditions_and_deciders() {
        let p = parse_clause(
            "责令改正，处10万元以上30万元以下的罚款；情节严重的，由颁发资质证书的部门责令停业整顿，降低资质等级或者吊销资质证书；有违法所得的，予以没收。",
        );
        let k: Vec<(PenaltyKind, &str, bool)> = p
            .penalties
            .iter()
            .map(|x| (x.kind, x.words.text.as_str(), x.mandatory))
            .collect();
        assert_eq!(
            k,
            [
                (PenaltyKind::OrderCorrection, "责令改正", true),
                (PenaltyKind::SuspendBusiness, "责令停业整顿", true),
                (PenaltyKind::LowerQualification, "降低资质等级", true),
                (PenaltyKind::RevokeLicence, "吊销资质证书", true),
                (PenaltyKind::ConfiscateIllegalGains, "予以没收", true),
            ]
        );
        assert_eq!(p.penalties[1].conditions[0].text, "情节严重的");
        assert_eq!(
            p.penalties[1].decided_by.as_ref().map(|d| d.text.as_str()),
            Some("颁发资质证书的部门")
        );
        let p = parse_clause("可以责令停业整顿，降低资质等级；情节严重的，吊销资质证书");
        let m: Vec<bool> = p.penalties.iter().map(|x| x.mandatory).collect();
        assert_eq!(m, [false, false, true]);
    }
}

#[cfg(test)]
#[path = "clause_tests.rs"]
mod more_tests;
