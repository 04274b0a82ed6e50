//! A condition as a table words it — a tier's 适用条件, a 免罚 row's 情形, a statute's "情节严重的"
//! — read into a pack [`Condition`] over facts: quantities by [`parse_condition`], circumstances
//! by the facts' labels ([`FactBook`]), combined by the words between them.
//!
//! - "，且" "、" "，" "；" "并" "同时" join parts that must all hold; "或者" / "或" join
//!   alternatives; "（…）" groups (as [`crate::wording::describe_condition`] writes an `any`).
//! - A part that is a yes/no fact's label is that fact; "非“…”" is its negation.
//! - In a tier's condition, a part that names no fact is qualitative: the officer confirms it
//!   (it stays in the tier's description). An alternative made only of yes/no facts, beside
//!   alternatives with quantities ("面积100平方米以下，或者有违法记录的"), puts the case in the
//!   tier whatever the quantities say: it is the tier's `overrides`. So is an alternative
//!   marked "（优先适用）", as the export writes every alternative of `overrides`.
//! - A 免罚 row applies by its condition alone: every part must name a fact, or the row waits
//!   for the author.
//! - A statute's branch ("情节严重的，处…") must be decidable: words that name no known fact
//!   become a yes/no fact of their own.

use crate::import::norm::{Fragment, Norm};
use crate::import::{CondTree, QuantityTest, parse_condition};
use crate::pack::model::{Condition, FactDef, FactKind, Op};

use super::facts::{FactBook, Found, folded};
use super::report::{Finding, Status};

/// What kind of condition is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A tier's condition.
    Tier,
    /// A 免罚 row's condition.
    Exemption,
    /// A statute's branch or precondition.
    Branch,
}

/// A condition read.
#[derive(Debug, Clone, Default)]
pub(crate) struct WhenRead {
    /// The condition over facts, if any part named one.
    pub when: Option<Condition>,
    /// Alternatives that take precedence (tiers only).
    pub overrides: Option<Condition>,
    /// The declarations the condition needs.
    pub facts: Vec<FactDef>,
    /// What was made of each part (fragments point into the text given, offset by `base`).
    pub findings: Vec<Finding>,
    /// Whether every part became a condition.
    pub complete: bool,
}

enum Node {
    Cond(Condition, bool),
    Qual,
    Bad,
}

struct Reader<'a, 'b> {
    n: Norm<'a>,
    text: &'a str,
    base: usize,
    book: &'b mut FactBook,
    mode: Mode,
    protected: Vec<(usize, usize)>,
    out: WhenRead,
    last_quantity: Option<(String, String)>,
    /// The words of a known quantity that opens the part being read (parse_condition would
    /// split "…缴存登记或者账户设立手续的职工人数" at its 或者).
    forced_quantity: Option<String>,
    number_words: Vec<String>,
}

const OR_WORDS: &[&str] = &["，或者", "；或者", "，或", "；或", "或者", "或"];
const AND_WORDS: &[&str] = &[
    "，且",
    "；且",
    "，并且",
    "并且",
    "且",
    "，",
    "、",
    "；",
    "并",
    "同时",
];

/// Reads a condition (see the module docs). `base` is the byte offset of `text` in the cell.
pub(crate) fn read_when(text: &str, base: usize, book: &mut FactBook, mode: Mode) -> WhenRead {
    let n = Norm::new(text);
    let mut end = n.len();
    while end > 0 && matches!(n.chars[end - 1], '的' | '。' | '；' | '，' | '、' | '：') {
        end -= 1;
    }
    let protected = protect(&n, book);
    let number_words = book.number_words();
    let mut r = Reader {
        n,
        text,
        base,
        book,
        mode,
        protected,
        out: WhenRead {
            complete: true,
            ..WhenRead::default()
        },
        last_quantity: None,
        forced_quantity: None,
        number_words,
    };
    if end == 0 {
        return r.out;
    }
    r.top(0, end);
    r.out
}

/// Spans of the folded text that are the words of a known fact, longest first, not to be
/// split at the 或 / 、 inside them.
fn protect(n: &Norm, book: &FactBook) -> Vec<(usize, usize)> {
    let mut words = book.flag_words();
    words.extend(book.number_words());
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < n.len() {
        match words.iter().find(|w| !w.is_empty() && n.at(k, w)) {
            Some(w) => {
                let e = k + w.chars().count();
                spans.push((k, e));
                k = e;
            }
            None => k += 1,
        }
    }
    spans
}

impl Reader<'_, '_> {
    fn protected_at(&self, k: usize) -> bool {
        self.protected.iter().any(|&(a, b)| k > a && k < b)
    }

    /// Splits `i..j` at the words at depth 0 outside protected spans.
    fn split(&self, i: usize, j: usize, words: &[&str]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        let (mut s, mut k) = (i, i);
        while k < j {
            match self.n.chars[k] {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0
                && !self.protected_at(k)
                && !self.protected.iter().any(|&(a, _)| a == k)
                && let Some(w) = words.iter().find(|w| self.n.at(k, w))
            {
                out.push((s, k));
                k += w.chars().count();
                s = k;
                continue;
            }
            k += 1;
        }
        out.push((s, j));
        out.retain(|(a, b)| a < b);
        out
    }

    fn frag(&self, i: usize, j: usize) -> Fragment {
        let f = self.n.frag(i, j);
        Fragment {
            text: f.text,
            start: f.start + self.base,
            end: f.end + self.base,
        }
    }

    fn note(&mut self, status: Status, i: usize, j: usize, message: String) {
        let f = self.frag(i, j);
        self.out
            .findings
            .push(Finding::new(status, message).at(Some(f)));
        if status != Status::Parsed {
            self.out.complete = false;
        }
    }

    /// The end of an alternative without its "（优先适用）", when a tier's condition marks it so
    /// (as the export writes a tier's `overrides`).
    fn marked_override(&self, i: usize, j: usize) -> Option<usize> {
        if self.mode != Mode::Tier {
            return None;
        }
        let mut e = j;
        while e > i && matches!(self.n.chars[e - 1], '的' | ' ') {
            e -= 1;
        }
        let mark = folded(super::OVERRIDE_MARK);
        let len = mark.chars().count();
        let start = e.checked_sub(len).filter(|&k| k >= i)?;
        self.n.at(start, &mark).then_some(start)
    }

    fn top(&mut self, i: usize, j: usize) {
        let alts: Vec<(usize, usize, bool)> = self
            .split(i, j, OR_WORDS)
            .into_iter()
            .map(|(a, b)| match self.marked_override(a, b) {
                Some(e) => (a, e, true),
                None => (a, b, false),
            })
            .collect();
        let nodes: Vec<(Node, bool)> = alts
            .iter()
            .map(|&(a, b, marked)| (self.and(a, b), marked))
            .collect();
        if let [(_, false)] = nodes.as_slice() {
            if let Some((Node::Cond(c, _), _)) = nodes.into_iter().next() {
                self.out.when = Some(c);
            }
            return;
        }
        let any_quantity = nodes.iter().any(|n| matches!(n, (Node::Cond(_, true), _)));
        let mut when = Vec::new();
        let mut overrides = Vec::new();
        let mut open = false;
        for (node, marked) in nodes {
            match node {
                Node::Cond(c, _) if marked => overrides.push(c),
                Node::Cond(c, true) => when.push(c),
                Node::Cond(c, false) if any_quantity && self.mode == Mode::Tier => {
                    overrides.push(c)
                }
                Node::Cond(c, false) => when.push(c),
                Node::Qual => open = true,
                Node::Bad => {}
            }
        }
        if open && !(when.is_empty() && overrides.is_empty()) {
            let f = self.frag(i, j);
            self.out.findings.push(
                Finding::new(
                    Status::NeedsDecision,
                    "“或”连接的情形中，有的可由事实判断、有的只能由执法人员判断；请在映射中为定性情形指定事实，或改写条件",
                )
                .at(Some(f)),
            );
            self.out.complete = false;
        }
        self.out.when = any(when);
        self.out.overrides = any(overrides);
    }

    /// Parts joined by "且" / "、" / "，": (condition, whether it compares a quantity).
    fn and(&mut self, i: usize, j: usize) -> Node {
        let parts = self.split(i, j, AND_WORDS);
        let mut conds = Vec::new();
        let mut quantity = false;
        let mut qual = false;
        let mut bad = false;
        for (a, b) in parts {
            match self.atom(a, b) {
                Node::Cond(c, q) => {
                    quantity |= q;
                    match c {
                        Condition::All { all } => conds.extend(all),
                        c => conds.push(c),
                    }
                }
                Node::Qual => qual = true,
                Node::Bad => bad = true,
            }
        }
        match conds.len() {
            0 if bad => Node::Bad,
            0 if qual => Node::Qual,
            0 => Node::Bad,
            1 => Node::Cond(conds.remove(0), quantity),
            _ => Node::Cond(Condition::All { all: conds }, quantity),
        }
    }

    fn atom(&mut self, i: usize, mut j: usize) -> Node {
        let mut i = i;
        while j > i && matches!(self.n.chars[j - 1], '的') {
            j -= 1;
        }
        if i >= j {
            return Node::Qual;
        }
        // A group: "（a，或b）".
        if self.n.chars[i] == '(' && self.n.chars[j - 1] == ')' && self.closes(i, j - 1) {
            let saved_when = self.out.when.take();
            let saved_over = self.out.overrides.take();
            self.top(i + 1, j - 1);
            let w = std::mem::replace(&mut self.out.when, saved_when);
            let o = std::mem::replace(&mut self.out.overrides, saved_over);
            let c = match (w, o) {
                (Some(w), Some(o)) => Some(Condition::Any { any: vec![w, o] }),
                (w, o) => w.or(o),
            };
            let quantity = c.as_ref().is_some_and(has_compare);
            return match c {
                Some(c) => Node::Cond(c, quantity),
                None => Node::Qual,
            };
        }
        let words = self.n.string(i, j);
        // 非“X”: a yes/no fact that does not hold.
        let (negated, inner) = match words.strip_prefix("非\"").and_then(|w| w.strip_suffix('"')) {
            Some(w) => (true, w.to_string()),
            None => (false, words.clone()),
        };
        if let Some(found) = self.book.flag(&inner) {
            let message = format!(
                "是非事实 {}{}为“{}”",
                found.id,
                label_of(&found),
                if negated { "否" } else { "是" }
            );
            self.use_fact(&found);
            self.note(Status::Parsed, i, j, message);
            return Node::Cond(
                Condition::Flag {
                    fact: found.id,
                    is: !negated,
                },
                false,
            );
        }
        while i < j && self.n.chars[i] == '(' && !self.closes(i, j) {
            i += 1;
        }
        // A known quantity's words first: read the bound after them.
        self.forced_quantity = None;
        if let Some(&(_, b)) = self
            .protected
            .iter()
            .find(|&&(a, b)| a == i && b < j && self.number_words.contains(&self.n.string(a, b)))
        {
            self.forced_quantity = Some(self.n.string(i, b));
            i = b;
        }
        let (sa, sb) = {
            let f = self.n.frag(i, j);
            (f.start, f.end)
        };
        let part = &self.text[sa..sb];
        let p = parse_condition(part);
        if !p.not_understood.is_empty() {
            for nu in &p.not_understood {
                let f = Fragment {
                    text: nu.fragment.text.clone(),
                    start: nu.fragment.start + sa + self.base,
                    end: nu.fragment.end + sa + self.base,
                };
                self.out
                    .findings
                    .push(Finding::new(Status::NotUnderstood, nu.reason.clone()).at(Some(f)));
            }
            self.out.complete = false;
            return Node::Bad;
        }
        match &p.tree {
            Some(tree) => {
                let mut failed = false;
                let tests = tree.tests().into_iter().cloned().collect::<Vec<_>>();
                let mut ids = Vec::new();
                for t in &tests {
                    match self.quantity(t, sa) {
                        Some(id) => ids.push(id),
                        None => failed = true,
                    }
                }
                if failed {
                    return Node::Bad;
                }
                let c = rebuild(tree, &mut ids.into_iter());
                match c {
                    Some(c) => Node::Cond(c, true),
                    None => Node::Bad,
                }
            }
            None => match self.mode {
                Mode::Tier => {
                    self.note(
                        Status::Parsed,
                        i,
                        j,
                        "定性情形（由执法人员确认，写入阶次说明）".into(),
                    );
                    Node::Qual
                }
                Mode::Exemption => {
                    self.note(
                            Status::NeedsDecision,
                            i,
                            j,
                            "免罚情形须由事实判断，此情形没有对应的事实；请在映射中指定（如 corrected、no_harm）".into(),
                        );
                    Node::Qual
                }
                Mode::Branch => {
                    let found = self.book.create_flag(&inner);
                    let message = format!("是非事实 {}{}为“是”", found.id, label_of(&found));
                    self.use_fact(&found);
                    self.note(Status::Parsed, i, j, message);
                    Node::Cond(
                        Condition::Flag {
                            fact: found.id,
                            is: !negated,
                        },
                        false,
                    )
                }
            },
        }
    }

    /// Whether the "(" at `i` closes at `e`.
    fn closes(&self, i: usize, e: usize) -> bool {
        let mut depth = 0usize;
        for k in i..=e.min(self.n.len().saturating_sub(1)) {
            match self.n.chars[k] {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return k == e;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// The fact a comparison is on: known by its words, inherited from the previous bound
    /// ("2000平方米以上、5000平方米以下"), or declared.
    fn quantity(&mut self, t: &QuantityTest, offset: usize) -> Option<(String, Op)> {
        let frag = Fragment {
            text: t.written.text.clone(),
            start: t.written.start + offset + self.base,
            end: t.written.end + offset + self.base,
        };
        let unit = t.unit.clone();
        let words = self
            .forced_quantity
            .clone()
            .or_else(|| t.quantity.as_ref().map(|q| folded(&q.text)));
        let found = match &words {
            Some(w) => self
                .book
                .number(w, Some(&unit))
                .or_else(|| self.book.number(w, None))
                .unwrap_or_else(|| self.book.create_number(w, &unit)),
            None => match self.last_quantity.clone() {
                Some((id, u)) if u == unit => Found {
                    id,
                    def: None,
                    created: false,
                },
                _ => {
                    let label = format!("数量（{unit}）");
                    let f = self
                        .book
                        .number(&label, Some(&unit))
                        .unwrap_or_else(|| self.book.create_number(&label, &unit));
                    self.out.findings.push(
                        Finding::new(
                            Status::NeedsDecision,
                            format!(
                                "条件没有写明是什么的数量，暂记为事实 {}（{label}）；请在映射中指定",
                                f.id
                            ),
                        )
                        .at(Some(frag.clone())),
                    );
                    self.out.complete = false;
                    f
                }
            },
        };
        if let Some(FactDef {
            kind: FactKind::Number { unit: u },
            ..
        }) = &found.def
            && *u != unit
        {
            self.out.findings.push(
                Finding::new(
                    Status::NeedsDecision,
                    format!("条件的单位“{unit}”与事实 {} 的单位“{u}”不同", found.id),
                )
                .at(Some(frag)),
            );
            self.out.complete = false;
            return None;
        }
        let op = if t.by_convention {
            match t.op {
                Op::Ge => Op::Above,
                Op::Le => Op::Below,
                o => o,
            }
        } else {
            t.op
        };
        let message = format!(
            "事实 {}{} {} {}{unit}",
            found.id,
            label_of(&found),
            op_words(op),
            t.value
        );
        self.out
            .findings
            .push(Finding::new(Status::Parsed, message).at(Some(frag)));
        self.last_quantity = Some((found.id.clone(), unit));
        self.use_fact(&found);
        Some((found.id, op))
    }

    fn use_fact(&mut self, found: &Found) {
        if let Some(d) = &found.def
            && !self.out.facts.iter().any(|x| x.id == d.id)
        {
            self.out.facts.push(d.clone());
        }
    }
}

/// The tree with each test's fact and op from `ids`, in the order [`CondTree::tests`] lists
/// them.
fn rebuild(tree: &CondTree, ids: &mut impl Iterator<Item = (String, Op)>) -> Option<Condition> {
    Some(match tree {
        CondTree::Test(t) => {
            let (fact, op) = ids.next()?;
            Condition::Compare {
                fact,
                op,
                value: t.value,
            }
        }
        CondTree::All { all } => Condition::All {
            all: all.iter().map(|c| rebuild(c, ids)).collect::<Option<_>>()?,
        },
        CondTree::Any { any } => Condition::Any {
            any: any.iter().map(|c| rebuild(c, ids)).collect::<Option<_>>()?,
        },
    })
}

fn op_words(op: Op) -> &'static str {
    match op {
        Op::Ge => "≥",
        Op::Gt => ">",
        Op::Le => "≤",
        Op::Lt => "<",
        Op::Eq => "=",
        Op::Above => "以上（按本基准对“以上”的约定）",
        Op::Below => "以下（按本基准对“以下”的约定）",
    }
}

fn label_of(f: &Found) -> String {
    let label = f.def.as_ref().map(|d| d.label.clone()).or_else(|| {
        crate::wording::circumstance_label(&f.id)
            .map(String::from)
            .or_else(|| (f.id == crate::case::ILLEGAL_GAINS).then(|| "违法所得".to_string()))
    });
    let created = if f.created {
        "，本次导入新声明"
    } else {
        ""
    };
    match label {
        Some(l) => format!("（{l}{created}）"),
        None => String::new(),
    }
}

fn has_compare(c: &Condition) -> bool {
    match c {
        Condition::Compare { .. } => true,
        Condition::All { all: v } | Condition::Any { any: v } => v.iter().any(has_compare),
        Condition::Not { not } => has_compare(not),
        _ => false,
    }
}

fn any(mut v: Vec<Condition>) -> Option<Condition> {
    match v.len() {
        0 => None,
        1 => v.pop(),
        _ => Some(Condition::Any { any: v }),
    }
}
