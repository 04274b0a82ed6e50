//! The statutory penalty of an item: from the 处罚依据's quote (a clause of the statute, read by
//! [`parse_clause`]) or from a 处罚幅度 / 法定处罚 cell — fines with their form, parties and
//! branches, the parties' roles where one clause fines several ("对建设单位…；对施工单位…"),
//! non-fine penalties, preconditions (a condition every fine shares: "逾期不改正的"), and the
//! responsible persons' fine ("处单位罚款数额5%以上10%以下的罚款").
//!
//! This program's export writes a 法定处罚 cell one rule per line; such a cell is read line by
//! line ([`Source::Lines`]): a line with a fine gives its fines, a line without one gives one
//! penalty, its words kept whole.

use crate::import::clause::parties_of;
use crate::import::norm::{Fragment, Norm};
use crate::import::{ParsedFine, ParsedPenalty, parse_clause};
use crate::num::Dec;
use crate::pack::model::{
    Condition, FactDef, FineForm, FineRule, Parties, PenaltyKind, PenaltyRule, Precondition, Role,
};

use super::facts::{FactBook, folded};
use super::report::{Finding, Status};
use super::when::{Mode, read_when};

/// Where the statutory text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A statute's clause (the 处罚依据's quote), or a published 处罚幅度 cell.
    Clause,
    /// This program's 法定处罚 cell: one rule a line.
    Lines,
}

/// The statutory penalty read.
#[derive(Debug, Clone, Default)]
pub(crate) struct StatutoryRead {
    pub fines: Vec<FineRule>,
    pub penalties: Vec<PenaltyRule>,
    pub preconditions: Vec<Precondition>,
    /// The responsible persons' fine, as a percentage of the unit's: (min, max).
    pub personal_fine: Option<(Dec, Dec)>,
    pub roles: Vec<Role>,
    pub facts: Vec<FactDef>,
    pub findings: Vec<Finding>,
    /// Whether anything could not be read.
    pub open: bool,
}

/// Base words of the responsible persons' fine (质量条例 art 73, 抗震条例 art 47).
const PERSONAL_BASE: &str = "单位罚款数额";

/// Words of parties that are kinds of party rather than roles.
const GENERIC_PARTIES: &[&str] = &["单位", "个人", "公民", "法人", "其他组织"];

/// One fine or penalty of the text with its conditions (folded words and their fragments).
struct Piece<T> {
    value: T,
    conditions: Vec<Fragment>,
    text: Option<String>,
    decided_by: Option<String>,
    note: Option<String>,
}

/// Reads a statutory text (see the module docs). `base` is the byte offset of `text` in what
/// the fragments should point into (0 for a cell; a quote's findings have no place in a cell
/// and are reported without one).
pub(crate) fn read_statutory(text: &str, book: &mut FactBook, source: Source) -> StatutoryRead {
    let mut out = StatutoryRead::default();
    let mut fines: Vec<Piece<ParsedFine>> = Vec::new();
    let mut pens: Vec<Piece<ParsedPenalty>> = Vec::new();
    let segments: Vec<(usize, usize)> = match source {
        Source::Clause => vec![(0, text.len())],
        Source::Lines => lines(text),
    };
    for (a, b) in segments {
        let line = &text[a..b];
        let shift = |f: &Fragment| Fragment {
            text: f.text.clone(),
            start: f.start + a,
            end: f.end + a,
        };
        let (body, sx) = match source {
            Source::Lines => trailing_notes(line),
            Source::Clause => (line, Suffixes::default()),
        };
        let note = sx.note.clone();
        let decided_by = sx.decided_by.clone();
        let (lead, rest_at) = match source {
            Source::Lines => leading_conditions(body),
            Source::Clause => (Vec::new(), 0),
        };
        let rest = &body[rest_at..];
        let p = parse_clause(rest);
        for nu in &p.not_understood {
            let mut f = shift(&nu.fragment);
            f.start += rest_at;
            f.end += rest_at;
            out.findings
                .push(Finding::new(Status::NotUnderstood, nu.reason.clone()).at(Some(f)));
            out.open = true;
        }
        let lead: Vec<Fragment> = lead.iter().map(&shift).collect();
        let at_rest = |f: &Fragment| {
            let mut g = shift(f);
            g.start += rest_at;
            g.end += rest_at;
            g
        };
        let had_fines = !p.fines.is_empty();
        for mut f in p.fines {
            let mut conditions = lead.clone();
            conditions.extend(f.conditions.iter().map(at_rest));
            f.words = at_rest(&f.words);
            f.base = f.base.as_ref().map(at_rest);
            fines.push(Piece {
                value: f,
                conditions,
                text: None,
                decided_by: None,
                note: note.clone(),
            });
        }
        if source == Source::Lines && !had_fines {
            // One penalty a line, its words whole; read with the conditions before it ("有违
            // 法所得的，予以没收" is 没收违法所得).
            let whole_line = parse_clause(body);
            match whole_line.penalties.first().or(p.penalties.first()) {
                Some(first) => {
                    // The line's words are the penalty's text; its condition is the one written
                    // after it, else the pieces before it.
                    let conditions = match sx.condition {
                        Some((c0, c1)) => vec![shift(&Fragment {
                            text: line[c0..c1].to_string(),
                            start: c0,
                            end: c1,
                        })],
                        None => lead.clone(),
                    };
                    let mut value = first.clone();
                    // Its words in the cell: the line's reading is from the line's start.
                    value.words = if whole_line.penalties.is_empty() {
                        at_rest(&value.words)
                    } else {
                        shift(&value.words)
                    };
                    if let Some(k) = sx.kind {
                        value.kind = k;
                    }
                    pens.push(Piece {
                        value,
                        conditions,
                        text: Some(body.trim().to_string()),
                        decided_by,
                        note: None,
                    });
                }
                None if !lead.is_empty() && rest.trim().is_empty() => {
                    // A line of preconditions only.
                    for c in &lead {
                        let r = read_when(&c.text, c.start, book, Mode::Branch);
                        if let Some(when) = r.when {
                            out.preconditions.push(Precondition {
                                when,
                                label: c.text.trim_end_matches('的').to_string(),
                            });
                        }
                        take(&mut out, r.facts, r.findings);
                    }
                }
                None if !rest.trim().is_empty() => {
                    // Words no penalty word names ("按照管理权限给予撤职处分"): another measure,
                    // kept as written.
                    let lead_ws = rest.len() - rest.trim_start().len();
                    let whole = shift(&Fragment {
                        text: rest.trim().to_string(),
                        start: rest_at + lead_ws,
                        end: rest_at + lead_ws + rest.trim().len(),
                    });
                    let conditions = match sx.condition {
                        Some((c0, c1)) => vec![shift(&Fragment {
                            text: line[c0..c1].to_string(),
                            start: c0,
                            end: c1,
                        })],
                        None => lead.clone(),
                    };
                    pens.push(Piece {
                        value: ParsedPenalty {
                            kind: sx.kind.unwrap_or(PenaltyKind::Other),
                            words: whole,
                            mandatory: !folded(body).contains('可'),
                            conditions: Vec::new(),
                            decided_by: None,
                        },
                        conditions,
                        text: Some(body.trim().to_string()),
                        decided_by,
                        note: None,
                    });
                }
                None => {}
            }
        } else {
            for mut pe in p.penalties {
                let conditions = pe.conditions.iter().map(at_rest).collect();
                pe.words = at_rest(&pe.words);
                pe.decided_by = pe.decided_by.as_ref().map(at_rest);
                let decided = pe.decided_by.as_ref().map(|d| d.text.clone());
                pens.push(Piece {
                    value: pe,
                    conditions,
                    text: None,
                    decided_by: decided,
                    note: None,
                });
            }
        }
    }
    build(&mut out, fines, pens, book);
    out
}

fn take(out: &mut StatutoryRead, facts: Vec<FactDef>, findings: Vec<Finding>) {
    for d in facts {
        if !out.facts.iter().any(|x| x.id == d.id) {
            out.facts.push(d);
        }
    }
    if findings.iter().any(|f| f.status > Status::Ignored) {
        out.open = true;
    }
    out.findings.extend(findings);
}

/// A condition that names the party rather than a branch ("个人有前款规定行为之一的").
fn is_party_condition(words: &str) -> bool {
    let w = folded(words);
    (w.starts_with("个人有") || w.starts_with("单位有")) && w.contains("行为")
}

fn build(
    out: &mut StatutoryRead,
    fines: Vec<Piece<ParsedFine>>,
    pens: Vec<Piece<ParsedPenalty>>,
    book: &mut FactBook,
) {
    // The responsible persons' fine.
    let mut kept = Vec::new();
    for f in fines {
        let base = f.value.base.as_ref().map(|b| folded(&b.text));
        match (&f.value.form, base.as_deref()) {
            (FineForm::Percent { min, max, .. }, Some(b))
                if b.trim_end_matches('的') == PERSONAL_BASE =>
            {
                out.personal_fine = Some((min.unwrap_or(Dec(rust_decimal::Decimal::ZERO)), *max));
                out.findings.push(
                    Finding::new(
                        Status::Parsed,
                        format!(
                            "对单位直接负责的主管人员和其他直接责任人员处单位罚款数额{}%以上{}%以下的罚款",
                            min.map(|m| m.to_string()).unwrap_or_default(),
                            max
                        ),
                    )
                    .at(Some(f.value.words.clone())),
                );
            }
            _ => kept.push(f),
        }
    }
    // Roles: several parties named, other than the kinds 单位 and 个人.
    let words: Vec<String> = kept
        .iter()
        .filter_map(|f| f.value.party.as_ref().map(|p| folded(&p.words.text)))
        .fold(Vec::new(), |mut v, w| {
            if !v.contains(&w) {
                v.push(w);
            }
            v
        });
    let roles = words.len() >= 2 && !words.iter().all(|w| GENERIC_PARTIES.contains(&w.as_str()));
    if roles {
        out.roles = words
            .iter()
            .map(|w| {
                book.role(w).cloned().unwrap_or_else(|| Role {
                    id: w.clone(),
                    label: w.clone(),
                    parties: parties_of(w).unwrap_or(Parties::All),
                })
            })
            .collect();
        out.findings.push(Finding::new(
            Status::Parsed,
            format!(
                "一个条文对几方当事人分别处罚：{}（各为一个角色）",
                words.join("、")
            ),
        ));
    }
    // Preconditions: conditions every fine shares.
    let cond_words = |p: &Piece<ParsedFine>| -> Vec<String> {
        p.conditions
            .iter()
            .filter(|c| !is_party_condition(&c.text))
            .map(|c| folded(&c.text))
            .collect()
    };
    let shared: Vec<String> = match kept.first() {
        Some(first) => cond_words(first)
            .into_iter()
            .filter(|c| kept.iter().all(|f| cond_words(f).contains(c)))
            .collect(),
        None => Vec::new(),
    };
    let mut pre_done: Vec<String> = Vec::new();
    for f in &kept {
        for c in &f.conditions {
            let w = folded(&c.text);
            if shared.contains(&w) && !pre_done.contains(&w) {
                pre_done.push(w);
                let r = read_when(&c.text, c.start, book, Mode::Branch);
                if let Some(when) = r.when {
                    out.preconditions.push(Precondition {
                        when,
                        label: c.text.trim().trim_end_matches('的').to_string(),
                    });
                }
                take(out, r.facts, r.findings);
            }
        }
    }
    for f in kept {
        let pf = &f.value;
        let mut branch = Vec::new();
        for c in &f.conditions {
            let w = folded(&c.text);
            if shared.contains(&w) || is_party_condition(&c.text) {
                continue;
            }
            let r = read_when(&c.text, c.start, book, Mode::Branch);
            if let Some(when) = r.when {
                branch.push(when);
            }
            take(out, r.facts, r.findings);
        }
        let party_words = pf.party.as_ref().map(|p| folded(&p.words.text));
        let (parties, role) = match (&party_words, roles) {
            (Some(w), true) => match out.roles.iter().find(|r| folded(&r.label) == *w) {
                Some(r) => (r.parties, Some(r.id.clone())),
                None => (Parties::All, Some(w.clone())),
            },
            (Some(_), false) => (
                pf.party
                    .as_ref()
                    .and_then(|p| p.parties)
                    .unwrap_or(Parties::All),
                None,
            ),
            (None, _) => (Parties::All, None),
        };
        let form = match fine_form(pf, f.note.as_deref(), book, out) {
            Some(form) => form,
            None => continue,
        };
        let label = |id: &str| {
            out.facts
                .iter()
                .find(|d| d.id == id)
                .map_or(id.to_string(), |d| d.label.clone())
        };
        let words = fine_words(&form, pf.mandatory, &label);
        out.findings.push(
            Finding::new(Status::Parsed, format!("法定罚款：{words}")).at(Some(pf.words.clone())),
        );
        out.fines.push(FineRule {
            parties,
            role,
            form,
            mandatory: pf.mandatory,
            when: all(branch),
            basis: None,
        });
    }
    for p in pens {
        let pe = &p.value;
        let mut conds = Vec::new();
        for c in &p.conditions {
            // "有违法所得的，予以没收": the kind says it.
            if pe.kind == PenaltyKind::ConfiscateIllegalGains
                && folded(&c.text).contains("违法所得")
            {
                continue;
            }
            let r = read_when(&c.text, c.start, book, Mode::Branch);
            if let Some(when) = r.when {
                conds.push(when);
            }
            take(out, r.facts, r.findings);
        }
        let text = p.text.clone().unwrap_or_else(|| pe.words.text.clone());
        out.findings.push(
            Finding::new(
                Status::Parsed,
                format!(
                    "{}{}：{}",
                    if pe.mandatory { "" } else { "可以" },
                    pe.kind.label(),
                    text
                ),
            )
            .at(Some(pe.words.clone())),
        );
        out.penalties.push(PenaltyRule {
            kind: pe.kind,
            text,
            mandatory: pe.mandatory,
            when: all(conds),
            decided_by: p.decided_by.clone(),
            parties: Parties::All,
            role: None,
        });
    }
}

/// The pack's fine form for a parsed fine: its base words made a fact.
fn fine_form(
    pf: &ParsedFine,
    note: Option<&str>,
    book: &mut FactBook,
    out: &mut StatutoryRead,
) -> Option<FineForm> {
    let mut fact_for = |words: &str, out: &mut StatutoryRead| {
        let w = folded(words);
        let found = book
            .number(&w, Some("元"))
            .unwrap_or_else(|| book.create_number(&w, "元"));
        if let Some(d) = &found.def
            && !out.facts.iter().any(|x| x.id == d.id)
        {
            out.facts.push(d.clone());
        }
        if found.created {
            out.findings.push(
                Finding::new(
                    Status::Parsed,
                    format!(
                        "罚款基数“{w}”记为数字事实 {}（元），本次导入新声明",
                        found.id
                    ),
                )
                .at(pf.base.clone()),
            );
        }
        found.id
    };
    Some(match &pf.form {
        FineForm::Percent { base, min, max } => FineForm::Percent {
            base: fact_for(base, out),
            min: *min,
            max: *max,
        },
        FineForm::Multiple { base, min, max } => FineForm::Multiple {
            base: fact_for(base, out),
            min: *min,
            max: *max,
        },
        FineForm::PerUnit { quantity, min, max } => {
            let unit = folded(quantity);
            let found = book.number_by_unit(&unit).unwrap_or_else(|| {
                out.findings.push(
                    Finding::new(
                        Status::NeedsDecision,
                        format!("按“每{unit}”计罚：请在映射中指定是哪一项数量"),
                    )
                    .at(Some(pf.words.clone())),
                );
                out.open = true;
                book.create_number(&format!("数量（{unit}）"), &unit)
            });
            if let Some(d) = &found.def
                && !out.facts.iter().any(|x| x.id == d.id)
            {
                out.facts.push(d.clone());
            }
            FineForm::PerUnit {
                quantity: found.id,
                min: *min,
                max: *max,
            }
        }
        FineForm::Unspecified { note: n } => FineForm::Unspecified {
            note: note.map(String::from).unwrap_or_else(|| n.clone()),
        },
        other => other.clone(),
    })
}

/// A fine in words for the report.
pub(crate) fn fine_words(
    form: &FineForm,
    mandatory: bool,
    label: &dyn Fn(&str) -> String,
) -> String {
    let how = if mandatory { "处" } else { "可以处" };
    match form {
        FineForm::Unspecified { note } => format!("{how}罚款（数额未规定：{note}）"),
        f => format!("{how}{}的罚款", crate::wording::form_words(f, label)),
    }
}

fn all(mut v: Vec<Condition>) -> Option<Condition> {
    match v.len() {
        0 => None,
        1 => v.pop(),
        _ => Some(Condition::All { all: v }),
    }
}

/// The lines of a cell (byte ranges), blank ones dropped.
pub(crate) fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((s, i));
            s = i + 1;
        }
    }
    out.push((s, text.len()));
    out.into_iter()
        .map(|(a, b)| {
            let t = &text[a..b];
            let lead = t.len() - t.trim_start().len();
            (a + lead, a + lead + t.trim().len())
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// What this program's export writes after a line in "（…）": who decides a penalty ("由…决
/// 定"), its condition where its words do not begin with it ("适用条件：…"), its kind where its
/// words do not name it ("责令改正"), or, after 处以罚款, what sets the amount.
#[derive(Debug, Default)]
struct Suffixes {
    decided_by: Option<String>,
    condition: Option<(usize, usize)>,
    kind: Option<PenaltyKind>,
    note: Option<String>,
}

/// The "（…）" that ends `t`: (where it opens, its inner text's byte range).
fn last_group(t: &str) -> Option<(usize, usize, usize)> {
    let inner_end = t.strip_suffix('）')?.len();
    let mut depth = 0usize;
    for (i, c) in t[..inner_end].char_indices().rev() {
        match c {
            '）' => depth += 1,
            '（' if depth == 0 => return Some((i, i + '（'.len_utf8(), inner_end)),
            '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A line without its trailing groups (see [`Suffixes`]).
fn trailing_notes(line: &str) -> (&str, Suffixes) {
    let mut sx = Suffixes::default();
    let mut t = line.trim_end_matches(['。', '；']);
    while let Some((open, i0, i1)) = last_group(t) {
        let inner = &t[i0..i1];
        let before = &t[..open];
        if let Some(d) = inner
            .strip_prefix('由')
            .and_then(|x| x.strip_suffix("决定"))
        {
            sx.decided_by = Some(d.to_string());
        } else if let Some(c) = inner.strip_prefix("适用条件：") {
            let at = i0 + "适用条件：".len();
            sx.condition = Some((at, at + c.len()));
        } else if let Some(k) = PenaltyKind::ALL.iter().find(|k| k.label() == inner) {
            sx.kind = Some(*k);
        } else if folded(before).ends_with("处以罚款") {
            sx.note = Some(inner.to_string());
        } else {
            break;
        }
        t = before;
    }
    (t, sx)
}

/// The pieces ending in "的" that open a line ("逾期不改正的，", "非“情节严重”的，"), and where
/// the rest begins.
fn leading_conditions(line: &str) -> (Vec<Fragment>, usize) {
    let n = Norm::new(line);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth = 0usize;
    let mut quoted = false;
    for k in 0..n.len() {
        match n.chars[k] {
            '(' | '《' => depth += 1,
            ')' | '》' => depth = depth.saturating_sub(1),
            '"' => quoted = !quoted,
            '，' if depth == 0 && !quoted => {
                let piece = n.string(start, k);
                if piece.ends_with('的') && !piece.contains("罚款") {
                    out.push(n.frag(start, k));
                    start = k + 1;
                    continue;
                }
                break;
            }
            _ => {}
        }
    }
    let at = if start >= n.len() {
        line.len()
    } else {
        n.frag(start, start + 1).start
    };
    if out.is_empty() {
        return (out, 0);
    }
    (out, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::ColumnMapping;

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_quote_with_a_precondition_and_branches() {
        let mut book = FactBook::new(&ColumnMapping::default());
        let r = read_statutory(
            "违反本条例的规定，单位不办理住房公积金缴存登记或者不为本单位职工办理住房公积金账户设立手续的，由住房公积金管理中心责令限期办理；逾期不办理的，处1万元以上5万元以下的罚款。",
            &mut book,
            Source::Clause,
        );
        assert_eq!(r.fines.len(), 1);
        assert_eq!(
            r.fines[0].form,
            FineForm::Range {
                min: d("10000"),
                max: d("50000")
            }
        );
        assert!(r.fines[0].when.is_none());
        assert_eq!(r.preconditions.len(), 1);
        assert_eq!(r.preconditions[0].label, "逾期不办理");
        assert_eq!(
            r.preconditions[0].when,
            Condition::Flag {
                fact: "overdue_uncorrected".into(),
                is: true
            }
        );
        assert_eq!(r.penalties[0].kind, PenaltyKind::OrderCorrection);

        let r = read_statutory(
            "处2万元以上5万元以下罚款；造成严重后果的，处5万元以上10万元以下罚款",
            &mut book,
            Source::Clause,
        );
        assert!(r.preconditions.is_empty());
        assert_eq!(r.fines[0].when, None);
        assert_eq!(
            r.fines[1].when,
            Some(Condition::Flag {
                fact: "serious_consequence".into(),
                is: true
            })
        );
    }

    #[test]
    fn roles_and_the_personal_fine() {
        let mut book = FactBook::new(&ColumnMapping::default());
        let r = read_statutory(
            "由有管辖权的发证机关责令停止施工，限期改正，并对建设单位处工程合同价款 1%以上 2%以下的罚款;对施工单位处 3万元以下 罚款。",
            &mut book,
            Source::Clause,
        );
        let roles: Vec<&str> = r.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(roles, ["建设单位", "施工单位"]);
        assert_eq!(r.fines[0].role.as_deref(), Some("建设单位"));
        assert_eq!(r.fines[1].form, FineForm::MaxOnly { max: d("30000") });
        let r = read_statutory(
            "依照本条例规定，给予单位罚款处罚的，对单位直接负责的主管人员和其他直接责任人员处单位罚款数额5%以上10%以下的罚款。",
            &mut book,
            Source::Clause,
        );
        assert!(r.fines.is_empty());
        assert_eq!(r.personal_fine, Some((d("5"), d("10"))));
    }

    #[test]
    fn lines_keep_each_penalty_whole() {
        let mut book = FactBook::new(&ColumnMapping::default());
        let text = "对单位处500,000元以上1,000,000元以下的罚款\n非“情节严重”的，可以处以罚款（罚款数额由地方规定（见 X-1））\n可以责令停业整顿（由颁发资质证书的机关（条例第七十五条）决定）\n情节严重的，吊销资质证书\n限期恢复原状（责令改正）（适用条件：非“情节严重”）";
        let r = read_statutory(text, &mut book, Source::Lines);
        assert_eq!(r.fines.len(), 2);
        assert_eq!(r.fines[0].parties, Parties::Organization);
        assert_eq!(
            r.fines[1].form,
            FineForm::Unspecified {
                note: "罚款数额由地方规定（见 X-1）".into()
            }
        );
        assert!(!r.fines[1].mandatory);
        assert_eq!(
            r.fines[1].when,
            Some(Condition::Flag {
                fact: "serious".into(),
                is: false
            })
        );
        assert_eq!(r.penalties.len(), 3);
        assert_eq!(r.penalties[2].kind, PenaltyKind::OrderCorrection);
        assert_eq!(r.penalties[2].text, "限期恢复原状");
        assert_eq!(
            r.penalties[2].when,
            Some(Condition::Flag {
                fact: "serious".into(),
                is: false
            })
        );
        assert_eq!(r.penalties[0].text, "可以责令停业整顿");
        assert_eq!(
            r.penalties[0].decided_by.as_deref(),
            Some("颁发资质证书的机关（条例第七十五条）")
        );
        assert!(!r.penalties[0].mandatory);
        assert_eq!(r.penalties[1].text, "情节严重的，吊销资质证书");
        assert_eq!(
            r.penalties[1].when,
            Some(Condition::Flag {
                fact: "serious".into(),
                is: true
            })
        );
    }
}
