//! Tier conditions as benchmarks word them — "面积在20000平方米以上50000平方米以下的",
//! "擅自销售商品房2000平方米以下的", "单位设立时间在2年以下", "100人以上500人以下", "不满2处",
//! "超过3000元", "不满2处或者面积不足100平方米" — read into comparisons on a named quantity.
//!
//! Bounds follow 民法典 art 1259: 以上 / 以下 / 以内 include the number, 超过 / 不满 / 不足 do
//! not; "（含本数）" / "（不含本数）" written after a bound say so explicitly. "至" / "-" ranges
//! do not say, and are reported as not understood. Parts without a number (情节较轻, 及时改正)
//! are qualitative: the officer confirms them.

use serde::Serialize;

use super::clause::NotUnderstood;
use super::fine::{Bound, PREFIX_OPS, RANGE_WORDS, SUFFIX_OPS, Term, inclusion_at, term_at};
use super::norm::{Fragment, Norm};
use super::numeral::{Scale, number_at};
use crate::num::Dec;
use crate::pack::model::{Condition, Op};

/// A tier condition read from its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionParse {
    /// The text as given.
    pub text: String,
    /// The quantitative part: comparisons, combined with all (、，且) and any (或者).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree: Option<CondTree>,
    /// Parts that name no quantity ("违法情节较轻", "及时改正"): the officer confirms them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualitative: Vec<Fragment>,
    /// Parts with numbers that could not be read with certainty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_understood: Vec<NotUnderstood>,
}

/// Comparisons combined.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CondTree {
    /// All hold.
    All {
        /// Parts.
        all: Vec<CondTree>,
    },
    /// Any holds.
    Any {
        /// Parts.
        any: Vec<CondTree>,
    },
    /// One comparison.
    Test(QuantityTest),
}

/// A quantity compared with a bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuantityTest {
    /// The quantity's words ("面积", "单位设立时间", "擅自销售商品房"); absent when the
    /// wording names only a unit ("100人以上").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Fragment>,
    /// The unit as written, folded ("平方米", "年", "人", "处", "元"; "" for none; "%" for a
    /// percentage). 万 is applied to the value: "1万元" is 10000 元, "1万平方米" 10000 平方米.
    pub unit: String,
    /// The comparison, 含本数 or not.
    pub op: Op,
    /// The bound.
    pub value: Dec,
    /// Whether the comparison is a bare 以上 / 以下, whose 含本数 a document may settle by its
    /// own convention (the pack's `rules.bounds`); `op` is then the 民法典 reading.
    pub by_convention: bool,
    /// The words of the bound ("20000平方米以上", "不满2处").
    pub written: Fragment,
}

impl CondTree {
    /// The pack condition, with each quantity mapped to a fact id by `fact` (the caller's
    /// mapping); `None` if `fact` has no fact for some quantity.
    pub fn to_condition(
        &self,
        fact: &dyn Fn(&QuantityTest) -> Option<String>,
    ) -> Option<Condition> {
        Some(match self {
            CondTree::Test(t) => Condition::Compare {
                fact: fact(t)?,
                op: t.op,
                value: t.value,
            },
            CondTree::All { all } => Condition::All {
                all: all
                    .iter()
                    .map(|c| c.to_condition(fact))
                    .collect::<Option<_>>()?,
            },
            CondTree::Any { any } => Condition::Any {
                any: any
                    .iter()
                    .map(|c| c.to_condition(fact))
                    .collect::<Option<_>>()?,
            },
        })
    }

    /// Every comparison in the tree, in order.
    pub fn tests(&self) -> Vec<&QuantityTest> {
        match self {
            CondTree::Test(t) => vec![t],
            CondTree::All { all: v } | CondTree::Any { any: v } => {
                v.iter().flat_map(|c| c.tests()).collect()
            }
        }
    }
}

/// Units of tier quantities, longest first where one starts another.
const UNITS: &[&str] = &[
    "平方米",
    "立方米",
    "公里",
    "千米",
    "米",
    "吨",
    "元",
    "个月",
    "月",
    "年",
    "日",
    "天",
    "小时",
    "周",
    "人次",
    "人",
    "户",
    "套",
    "栋",
    "幢",
    "层",
    "处",
    "次",
    "起",
    "宗",
    "件",
    "份",
    "项",
    "台",
    "辆",
    "名",
    "间",
    "家",
    "个",
    "株",
    "棵",
    "倍",
    "m²",
    "㎡",
];

/// Words between a quantity's name and its number.
const CONNECTORS: &[&str] = &[
    "在", "为", "达", "累计", "合计", "共计", "总计", "共", "计", "的",
];

fn op_of(t: &Term) -> Result<Op, &'static str> {
    Ok(match (t.op, t.explicit) {
        (None, _) => return Err("数字没有“以上”“以下”“超过”“不满”等比较词"),
        (Some(Bound::Ge), None | Some(true)) => Op::Ge,
        (Some(Bound::Ge), Some(false)) => Op::Gt,
        (Some(Bound::Le), None | Some(true)) => Op::Le,
        (Some(Bound::Le), Some(false)) => Op::Lt,
        (Some(Bound::Gt), None | Some(false)) => Op::Gt,
        (Some(Bound::Lt), None | Some(false)) => Op::Lt,
        (Some(Bound::Gt | Bound::Lt), Some(true)) => return Err("“超过”“不满”与“含本数”相矛盾"),
    })
}

/// Reads a tier condition.
pub fn parse_condition(text: &str) -> ConditionParse {
    let n = Norm::new(text);
    let mut end = n.len();
    while end > 0 && matches!(n.chars[end - 1], '的' | '。' | '；' | '，' | '、') {
        end -= 1;
    }
    let mut out = ConditionParse {
        text: text.to_string(),
        tree: None,
        qualitative: Vec::new(),
        not_understood: Vec::new(),
    };
    let mut alternatives = Vec::new();
    for (a0, a1) in split_words(&n, 0, end, &["或者", "或"]) {
        let mut tests: Vec<CondTree> = Vec::new();
        let mut last_quantity: Option<Fragment> = None;
        for (p0, p1) in split_words(&n, a0, a1, &["，", "、", "；", "并且", "且", "同时"]) {
            match read_part(&n, p0, p1, &last_quantity) {
                Part::Empty => {}
                Part::Qualitative => out.qualitative.push(n.frag(p0, p1)),
                Part::Bad(reason) => out.not_understood.push(NotUnderstood {
                    fragment: n.frag(p0, p1),
                    reason: reason.to_string(),
                }),
                Part::Tests(ts) => {
                    last_quantity = ts.last().and_then(|t| t.quantity.clone());
                    tests.extend(ts.into_iter().map(CondTree::Test));
                }
            }
        }
        match tests.len() {
            0 => {}
            1 => alternatives.extend(tests),
            _ => alternatives.push(CondTree::All { all: tests }),
        }
    }
    out.tree = match alternatives.len() {
        0 => None,
        1 => alternatives.pop(),
        _ => Some(CondTree::Any { any: alternatives }),
    };
    out
}

/// Splits `i..j` at any of the words (dropped).
fn split_words(n: &Norm, i: usize, j: usize, words: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut s, mut k) = (i, i);
    while k < j {
        if let Some(w) = words.iter().find(|w| n.at(k, w)) {
            out.push((s, k));
            k += w.chars().count();
            s = k;
        } else {
            k += 1;
        }
    }
    out.push((s, j));
    out
}

enum Part {
    Empty,
    Qualitative,
    Tests(Vec<QuantityTest>),
    Bad(&'static str),
}

/// Whether a bound starts at `k`: a comparison word before a number, or a number (Arabic, or
/// Chinese followed by a unit and a comparison word).
fn bound_at(n: &Norm, k: usize, end: usize) -> bool {
    if PREFIX_OPS.iter().any(|(w, _)| n.at(k, w)) {
        return number_at(n, k + prefix_len(n, k)).is_some();
    }
    let Some(num) = number_at(n, k) else {
        return false;
    };
    if num.end > end {
        return false;
    }
    if !num.chinese {
        return true;
    }
    let after = num.end + unit_len(n, num.end, end);
    SUFFIX_OPS.iter().any(|(w, _)| n.at(after, w))
}

fn prefix_len(n: &Norm, k: usize) -> usize {
    PREFIX_OPS
        .iter()
        .find(|(w, _)| n.at(k, w))
        .map_or(0, |(w, _)| w.chars().count())
}

/// The length of the unit at `k`: a known unit, or up to three characters before a comparison
/// word ("3幢以上").
fn unit_len(n: &Norm, k: usize, end: usize) -> usize {
    if let Some(u) = UNITS.iter().find(|u| n.at(k, u)) {
        return u.chars().count();
    }
    (1..=3)
        .find(|&l| {
            k + l <= end
                && (k..k + l).all(|m| !n.chars[m].is_ascii_digit() && number_at(n, m).is_none())
                && SUFFIX_OPS.iter().any(|(w, _)| n.at(k + l, w))
        })
        .unwrap_or(0)
}

fn read_part(n: &Norm, p0: usize, p1: usize, inherit: &Option<Fragment>) -> Part {
    if p0 >= p1 {
        return Part::Empty;
    }
    let has_digit = (p0..p1).any(|k| n.chars[k].is_ascii_digit());
    let Some(q) = (p0..p1).find(|&k| bound_at(n, k, p1)) else {
        return if has_digit {
            Part::Bad("数字没有“以上”“以下”“超过”“不满”等比较词")
        } else {
            Part::Qualitative
        };
    };
    // The quantity's words, without the connectors before the number.
    let mut qe = q;
    while let Some(c) = CONNECTORS.iter().find(|c| {
        let l = c.chars().count();
        qe >= p0 + l && n.at(qe - l, c)
    }) {
        qe -= c.chars().count();
    }
    let quantity = if qe > p0 {
        Some(n.frag(p0, qe))
    } else {
        inherit.clone()
    };
    let mut tests = Vec::new();
    let mut k = q;
    while k < p1 {
        let Some(mut t) = term_at(n, k, p1, UNITS) else {
            return Part::Bad("无法读懂数量");
        };
        // A unit the list does not know, read as written ("3幢以上").
        if t.unit.is_empty() && t.op.is_none() {
            let ue = t.num.end + unit_len(n, t.num.end, p1);
            if ue > t.num.end
                && let Some((w, b)) = SUFFIX_OPS.iter().find(|(w, _)| n.at(ue, w))
            {
                t.unit = n.string(t.num.end, ue);
                t.by_convention = *w == "以上" || *w == "以下";
                t.op = Some(*b);
                t.end = ue + w.chars().count();
                if let Some((e, k2)) = inclusion_at(n, t.end) {
                    t.explicit = Some(e);
                    t.by_convention = false;
                    t.end = k2;
                }
            }
        }
        if t.op.is_none() && RANGE_WORDS.iter().any(|w| n.at(t.end, w)) {
            return Part::Bad("用“至”“-”等连接的范围没有说明是否含本数");
        }
        let op = match op_of(&t) {
            Ok(op) => op,
            Err(e) => return Part::Bad(e),
        };
        let unit = match t.num.scale {
            Scale::Percent => "%".to_string(),
            Scale::Permille => "‰".to_string(),
            Scale::Plain => t.unit.clone(),
        };
        tests.push(QuantityTest {
            quantity: quantity.clone(),
            unit,
            op,
            value: Dec(t.num.value.normalize()),
            by_convention: t.by_convention,
            written: n.frag(t.start, t.end),
        });
        k = t.end;
        if k < p1 && !bound_at(n, k, p1) {
            return Part::Bad("数量之后还有无法读懂的文字");
        }
    }
    if tests.len() > 2 {
        return Part::Bad("一处写了两个以上的界限");
    }
    if let [a, b] = tests.as_slice() {
        let lower = |o: Op| matches!(o, Op::Ge | Op::Gt);
        if a.unit != b.unit {
            return Part::Bad("上下限的单位不一致");
        }
        if lower(a.op) == lower(b.op) {
            return Part::Bad("两个界限不是一上一下");
        }
        let (lo, hi) = if lower(a.op) { (a, b) } else { (b, a) };
        if lo.value > hi.value {
            return Part::Bad("下限大于上限");
        }
    }
    Part::Tests(tests)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    fn tests(text: &str) -> Vec<(Option<String>, String, Op, Dec)> {
        let p = parse_condition(text);
        assert!(
            p.not_understood.is_empty(),
            "{text}: {:?}",
            p.not_understood
        );
        p.tree
            .map(|t| {
                t.tests()
                    .into_iter()
                    .map(|q| {
                        (
                            q.quantity.as_ref().map(|f| f.text.clone()),
                            q.unit.clone(),
                            q.op,
                            q.value,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn t(q: Option<&str>, u: &str, op: Op, v: &str) -> (Option<String>, String, Op, Dec) {
        (q.map(String::from), u.to_string(), op, d(v))
    }

    #[test]
    fn bounds_with_quantities_and_units() {
        assert_eq!(
            tests("面积在20000平方米以上50000平方米以下的"),
            [
                t(Some("面积"), "平方米", Op::Ge, "20000"),
                t(Some("面积"), "平方米", Op::Le, "50000")
            ]
        );
        let p = parse_condition("面积在20000平方米以上50000平方米以下的");
        assert!(matches!(p.tree, Some(CondTree::All { .. })));
        assert_eq!(
            p.tree
                .as_ref()
                .map(|t| t.tests()[0].written.text.clone())
                .as_deref(),
            Some("20000平方米以上")
        );
        assert_eq!(
            tests("擅自销售商品房2000平方米以下的"),
            [t(Some("擅自销售商品房"), "平方米", Op::Le, "2000")]
        );
        assert_eq!(
            tests("单位设立时间在2年以下"),
            [t(Some("单位设立时间"), "年", Op::Le, "2")]
        );
        assert_eq!(
            tests("100人以上500人以下"),
            [t(None, "人", Op::Ge, "100"), t(None, "人", Op::Le, "500")]
        );
        assert_eq!(tests("不满2处"), [t(None, "处", Op::Lt, "2")]);
        assert_eq!(tests("超过3000元"), [t(None, "元", Op::Gt, "3000")]);
        assert_eq!(
            tests("违法所得在1万元以上不满5万元的"),
            [
                t(Some("违法所得"), "元", Op::Ge, "10000"),
                t(Some("违法所得"), "元", Op::Lt, "50000")
            ]
        );
        assert_eq!(
            tests("面积在2000平方米以上（不含本数）"),
            [t(Some("面积"), "平方米", Op::Gt, "2000")]
        );
        assert_eq!(
            tests("建筑面积１万平方米以上"),
            [t(Some("建筑面积"), "平方米", Op::Ge, "10000")]
        );
        assert_eq!(tests("三幢以上"), [t(None, "幢", Op::Ge, "3")]);
        assert_eq!(
            tests("涉及职工一百人以上"),
            [t(Some("涉及职工"), "人", Op::Ge, "100")]
        );
    }

    #[test]
    fn alternatives_and_qualitative_parts() {
        let p = parse_condition("不满2处或者面积不足100平方米");
        let Some(CondTree::Any { any }) = &p.tree else {
            panic!("{:?}", p.tree)
        };
        assert_eq!(any.len(), 2);
        let c = p
            .tree
            .as_ref()
            .and_then(|t| {
                t.to_condition(&|q| {
                    Some(match q.unit.as_str() {
                        "处" => "places".to_string(),
                        _ => "area".to_string(),
                    })
                })
            })
            .unwrap_or(Condition::All { all: vec![] });
        assert_eq!(
            c,
            Condition::Any {
                any: vec![
                    Condition::Compare {
                        fact: "places".into(),
                        op: Op::Lt,
                        value: d("2")
                    },
                    Condition::Compare {
                        fact: "area".into(),
                        op: Op::Lt,
                        value: d("100")
                    }
                ]
            }
        );
        let p = parse_condition("违法情节较轻，面积在100平方米以下的");
        assert_eq!(p.qualitative[0].text, "违法情节较轻");
        assert_eq!(p.tree.as_ref().map(|t| t.tests().len()), Some(1));
        let p = parse_condition("違法情節一般的");
        assert!(p.tree.is_none() && p.not_understood.is_empty());
        assert_eq!(p.qualitative.len(), 1);
        // A quantity the caller cannot map leaves no condition.
        let p = parse_condition("超过3000元");
        assert_eq!(p.tree.and_then(|t| t.to_condition(&|_| None)), None);
    }

    #[test]
    fn numbers_it_will_not_guess_about() {
        for text in [
            "面积2000至5000平方米",
            "面积2000-5000平方米",
            "2年内第2次",
            "面积在5000平方米以上2000平方米以下",
            "超过（含本数）3000元",
            "100人以上200平方米以下",
        ] {
            let p = parse_condition(text);
            assert!(!p.not_understood.is_empty(), "{text}: {:?}", p.tree);
        }
    }
}
