//! What a condition allows, as a union of boxes — one set of values per fact read — so that the
//! validator can tell whether a condition can hold at all, whether two tiers' conditions can
//! both hold (and whether only at a bound they share), and which combinations of values no tier
//! covers (see `gaps`). Exact for conditions over independent facts (numbers compared with bounds, yes/no
//! facts, choices) combined with `all`, `any` and `not`, which is what benchmark rows write; a
//! condition that would expand into too many boxes is not analysed (None).

use rust_decimal::Decimal;

use crate::pack::model::{BoundConvention, Condition, Op};

/// Most boxes a condition may expand into before the analysis gives up.
const MAX_BOXES: usize = 64;

/// An interval of a non-negative number: the lower bound (value, included) and the upper bound,
/// None for no upper bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: (Decimal, bool),
    /// Upper bound.
    pub hi: Option<(Decimal, bool)>,
}

impl Interval {
    /// Every value a number fact can take (numbers are never negative).
    const ALL: Interval = Interval {
        lo: (Decimal::ZERO, true),
        hi: None,
    };

    fn meet(self, o: Interval) -> Interval {
        let lo = if self.lo.0 > o.lo.0 || (self.lo.0 == o.lo.0 && !self.lo.1) {
            self.lo
        } else {
            o.lo
        };
        let hi = match (self.hi, o.hi) {
            (Some(a), Some(b)) => Some(if a.0 < b.0 || (a.0 == b.0 && !a.1) {
                a
            } else {
                b
            }),
            (a, None) => a,
            (None, b) => b,
        };
        Interval { lo, hi }
    }

    fn is_empty(&self) -> bool {
        match self.hi {
            Some((b, bi)) => self.lo.0 > b || (self.lo.0 == b && !(self.lo.1 && bi)),
            None => false,
        }
    }

    /// The single value the interval holds, if it is one point.
    pub fn point(&self) -> Option<Decimal> {
        match self.hi {
            Some((b, true)) if self.lo.1 && self.lo.0 == b => Some(b),
            _ => None,
        }
    }

    pub(super) fn contains(&self, v: Decimal) -> bool {
        let lo_ok = v > self.lo.0 || (v == self.lo.0 && self.lo.1);
        let hi_ok = self.hi.is_none_or(|(b, bi)| v < b || (v == b && bi));
        lo_ok && hi_ok
    }
}

/// The values one fact may take in a box.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// A number in an interval.
    Num(Interval),
    /// A yes/no fact with this value.
    Bool(bool),
    /// A choice among these options (sorted).
    Options(Vec<String>),
}

impl Values {
    fn is_empty(&self) -> bool {
        match self {
            Values::Num(i) => i.is_empty(),
            Values::Bool(_) => false,
            Values::Options(o) => o.is_empty(),
        }
    }

    /// The meet; Err when the fact is read as two kinds (a structural error reported elsewhere).
    fn meet(&self, o: &Values) -> Result<Values, ()> {
        Ok(match (self, o) {
            (Values::Num(a), Values::Num(b)) => Values::Num(a.meet(*b)),
            (Values::Bool(a), Values::Bool(b)) if a == b => Values::Bool(*a),
            // Contradictory yes/no: no value; an empty option list stands for it.
            (Values::Bool(_), Values::Bool(_)) => Values::Options(Vec::new()),
            (Values::Options(a), Values::Options(b)) => {
                Values::Options(a.iter().filter(|x| b.contains(x)).cloned().collect())
            }
            _ => return Err(()),
        })
    }
}

/// A combination of per-fact value sets, facts sorted by id; a fact not listed is free.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cube {
    /// The facts and their values.
    pub facts: Vec<(String, Values)>,
}

impl Cube {
    /// The values of a fact, if the cube restricts it.
    pub fn get(&self, fact: &str) -> Option<&Values> {
        self.facts.iter().find(|(f, _)| f == fact).map(|(_, v)| v)
    }

    /// Both cubes at once; Ok(None) when no value satisfies both.
    fn meet(&self, o: &Cube) -> Result<Option<Cube>, ()> {
        let mut facts = Vec::with_capacity(self.facts.len() + o.facts.len());
        let (mut i, mut j) = (0, 0);
        while i < self.facts.len() || j < o.facts.len() {
            let next = match (self.facts.get(i), o.facts.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    i += 1;
                    j += 1;
                    (a.0.clone(), a.1.meet(&b.1)?)
                }
                (Some(a), Some(b)) if a.0 < b.0 => {
                    i += 1;
                    a.clone()
                }
                (Some(_), Some(b)) | (None, Some(b)) => {
                    j += 1;
                    b.clone()
                }
                (Some(a), None) => {
                    i += 1;
                    a.clone()
                }
                (None, None) => break,
            };
            if next.1.is_empty() {
                return Ok(None);
            }
            facts.push(next);
        }
        Ok(Some(Cube { facts }))
    }
}

/// What a condition allows: a union of cubes (empty: it can never hold).
pub type Region = Vec<Cube>;

/// What the analysis needs to know about the facts: the options of a choice fact.
pub trait Space {
    /// A choice fact's declared options.
    fn options(&self, fact: &str) -> Option<Vec<String>>;
}

fn single(fact: &str, v: Values) -> Region {
    let cube = Cube {
        facts: vec![(fact.to_string(), v)],
    };
    if cube.facts[0].1.is_empty() {
        Vec::new()
    } else {
        vec![cube]
    }
}

fn num(fact: &str, lo: (Decimal, bool), hi: Option<(Decimal, bool)>) -> Region {
    single(fact, Values::Num(Interval::ALL.meet(Interval { lo, hi })))
}

fn conj(a: &Region, b: &Region) -> Option<Region> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            if let Some(m) = x.meet(y).ok()? {
                out.push(m);
                if out.len() > MAX_BOXES {
                    return None;
                }
            }
        }
    }
    Some(out)
}

/// The region of a condition under the pack's boundary convention; None when it is too large
/// to expand or reads a fact as two kinds.
pub fn of(c: &Condition, bounds: &BoundConvention, space: &dyn Space) -> Option<Region> {
    region(c, false, bounds, space)
}

fn region(c: &Condition, neg: bool, bounds: &BoundConvention, space: &dyn Space) -> Option<Region> {
    match (c, neg) {
        // A conjunction: all, or a negated any (De Morgan).
        (Condition::All { all: parts }, false) | (Condition::Any { any: parts }, true) => {
            let mut acc: Region = vec![Cube::default()];
            for p in parts {
                acc = conj(&acc, &region(p, neg, bounds, space)?)?;
            }
            Some(acc)
        }
        (Condition::Any { any: parts }, false) | (Condition::All { all: parts }, true) => {
            let mut acc = Vec::new();
            for p in parts {
                acc.extend(region(p, neg, bounds, space)?);
                if acc.len() > MAX_BOXES {
                    return None;
                }
            }
            Some(acc)
        }
        (Condition::Not { not }, _) => region(not, !neg, bounds, space),
        (Condition::Compare { fact, op, value }, _) => {
            let v = value.0;
            let zero = (Decimal::ZERO, true);
            Some(match (op.resolve(bounds), neg) {
                (Op::Ge, false) | (Op::Lt, true) => num(fact, (v, true), None),
                (Op::Gt, false) | (Op::Le, true) => num(fact, (v, false), None),
                (Op::Le, false) | (Op::Gt, true) => num(fact, zero, Some((v, true))),
                (Op::Lt, false) | (Op::Ge, true) => num(fact, zero, Some((v, false))),
                (_, false) => num(fact, (v, true), Some((v, true))),
                (_, true) => {
                    let mut r = num(fact, zero, Some((v, false)));
                    r.extend(num(fact, (v, false), None));
                    r
                }
            })
        }
        (Condition::Flag { fact, is }, _) => Some(single(fact, Values::Bool(*is != neg))),
        (Condition::OneOf { fact, one_of }, _) => {
            let mut allowed: Vec<String> = if neg {
                space
                    .options(fact)?
                    .into_iter()
                    .filter(|o| !one_of.contains(o))
                    .collect()
            } else {
                one_of.clone()
            };
            allowed.sort();
            allowed.dedup();
            Some(single(fact, Values::Options(allowed)))
        }
    }
}

/// Where two regions both hold: the first pair of cubes that meet, and their meet.
pub fn overlap<'a>(a: &'a Region, b: &'a Region) -> Option<(&'a Cube, &'a Cube, Cube)> {
    for x in a {
        for y in b {
            if let Ok(Some(m)) = x.meet(y) {
                return Some((x, y, m));
            }
        }
    }
    None
}

/// Whether every overlap of two regions is a bound they share: a number fact whose intervals
/// in both only touch at one value (neither interval being that point alone). Returns the fact
/// and value of the first such bound; None if some overlap is more than a shared bound.
pub fn only_shared_bounds(a: &Region, b: &Region) -> Option<(String, Decimal)> {
    let mut first = None;
    for x in a {
        for y in b {
            let Ok(Some(m)) = x.meet(y) else { continue };
            let shared = m.facts.iter().find_map(|(f, v)| match v {
                Values::Num(i) => {
                    let p = i.point()?;
                    let not_point =
                        |c: &Cube| !matches!(c.get(f), Some(Values::Num(j)) if j.point().is_some());
                    (not_point(x) && not_point(y)).then(|| (f.clone(), p))
                }
                _ => None,
            });
            match shared {
                Some(s) => {
                    first.get_or_insert(s);
                }
                None => return None,
            }
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::Condition;

    struct NoOptions;
    impl Space for NoOptions {
        fn options(&self, _: &str) -> Option<Vec<String>> {
            None
        }
    }

    fn cond(v: serde_json::Value) -> Condition {
        serde_json::from_value(v).expect("condition")
    }

    fn region_of(v: serde_json::Value) -> Region {
        of(&cond(v), &BoundConvention::default(), &NoOptions).expect("analysable")
    }

    #[test]
    fn contradictions_are_empty_and_negation_is_the_complement() {
        let never = region_of(serde_json::json!({"all": [
            {"fact": "a", "op": ">", "value": "5"}, {"fact": "a", "op": "<", "value": "3"}]}));
        assert!(never.is_empty());
        let flags = region_of(serde_json::json!({"all": [
            {"fact": "s", "is": true}, {"not": {"fact": "s", "is": true}}]}));
        assert!(flags.is_empty());
        let below_zero = region_of(serde_json::json!({"fact": "a", "op": "<", "value": "0"}));
        assert!(below_zero.is_empty());
        let ne = region_of(serde_json::json!({"not": {"fact": "a", "op": "=", "value": "3"}}));
        assert_eq!(ne.len(), 2);
    }

    #[test]
    fn shared_bounds_are_told_from_real_overlaps() {
        let a = region_of(serde_json::json!({"fact": "a", "op": "以下", "value": "2000"}));
        let b = region_of(serde_json::json!({"fact": "a", "op": "以上", "value": "2000"}));
        let c = region_of(serde_json::json!({"fact": "a", "op": ">=", "value": "1000"}));
        assert!(overlap(&a, &b).is_some());
        assert_eq!(
            only_shared_bounds(&a, &b),
            Some(("a".to_string(), Decimal::new(2000, 0)))
        );
        assert!(overlap(&a, &c).is_some());
        assert_eq!(only_shared_bounds(&a, &c), None);
    }
}
