//! The combinations of values no tier's condition covers: each fact the conditions read is cut
//! at every bound they name (a number into points and the stretches between them, a yes/no
//! fact into yes and no, a choice into its options), and every combination of these cells is
//! tested against the regions. Exact for the regions of `regions`; too many combinations
//! (more than 4,096) are not enumerated.

use rust_decimal::Decimal;

use super::regions::{Region, Space, Values};

/// Most combinations of values the gap search enumerates.
const MAX_CELLS: usize = 4096;

/// One value (or open stretch of values) of a fact, as the gap search enumerates them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Exactly this number.
    At(Decimal),
    /// The numbers strictly between two bounds (no upper: above the lower).
    Between(Decimal, Option<Decimal>),
    /// Yes or no.
    Bool(bool),
    /// This option.
    Option(String),
}

impl Cell {
    fn inside(&self, v: &Values) -> bool {
        match (self, v) {
            (Cell::At(x), Values::Num(i)) => i.contains(*x),
            (Cell::Between(a, b), Values::Num(i)) => {
                let mid = match b {
                    Some(b) => (*a + *b) / Decimal::TWO,
                    None => *a + Decimal::ONE,
                };
                i.contains(mid)
            }
            (Cell::Bool(x), Values::Bool(y)) => x == y,
            (Cell::Option(x), Values::Options(o)) => o.contains(x),
            _ => false,
        }
    }
}

/// The combinations of values (one cell per fact read) that none of the regions covers, in
/// order; None when there are too many combinations to enumerate.
pub fn uncovered(regions: &[&Region], space: &dyn Space) -> Option<Vec<Vec<(String, Cell)>>> {
    // The facts read, each with the cells its bounds and values divide it into.
    let mut axes: Vec<(String, Vec<Cell>)> = Vec::new();
    for r in regions {
        for cube in r.iter() {
            for (f, v) in &cube.facts {
                let axis = match axes.iter().position(|(g, _)| g == f) {
                    Some(k) => &mut axes[k].1,
                    None => {
                        axes.push((f.clone(), Vec::new()));
                        &mut axes.last_mut()?.1
                    }
                };
                match v {
                    Values::Num(i) => {
                        for b in std::iter::once(i.lo.0).chain(i.hi.map(|h| h.0)) {
                            if !axis.contains(&Cell::At(b)) {
                                axis.push(Cell::At(b));
                            }
                        }
                    }
                    Values::Bool(_) => {
                        for b in [false, true] {
                            if !axis.contains(&Cell::Bool(b)) {
                                axis.push(Cell::Bool(b));
                            }
                        }
                    }
                    Values::Options(o) => {
                        let all = space.options(f).unwrap_or_else(|| o.clone());
                        for x in all {
                            if !axis.contains(&Cell::Option(x.clone())) {
                                axis.push(Cell::Option(x));
                            }
                        }
                    }
                }
            }
        }
    }
    // Number facts last: the last axis varies fastest, so its uncovered cells come in runs
    // that read as one range.
    let numeric = |cells: &[Cell]| cells.iter().any(|c| matches!(c, Cell::At(_)));
    axes.sort_by(|a, b| (numeric(&a.1), &a.0).cmp(&(numeric(&b.1), &b.0)));
    for (_, cells) in &mut axes {
        let mut points: Vec<Decimal> = cells
            .iter()
            .filter_map(|c| match c {
                Cell::At(v) => Some(*v),
                _ => None,
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        if !points.contains(&Decimal::ZERO) {
            points.push(Decimal::ZERO);
        }
        points.sort();
        let mut out = Vec::with_capacity(points.len() * 2);
        for (k, p) in points.iter().enumerate() {
            out.push(Cell::At(*p));
            out.push(Cell::Between(*p, points.get(k + 1).copied()));
        }
        *cells = out;
    }
    let total = axes
        .iter()
        .try_fold(1usize, |n, (_, c)| n.checked_mul(c.len().max(1)))?;
    if total > MAX_CELLS {
        return None;
    }
    let mut gaps = Vec::new();
    let mut index = vec![0usize; axes.len()];
    for _ in 0..total {
        let point: Vec<(String, Cell)> = axes
            .iter()
            .zip(&index)
            .filter_map(|((f, cells), k)| Some((f.clone(), cells.get(*k)?.clone())))
            .collect();
        let covered = regions.iter().any(|r| {
            r.iter().any(|cube| {
                cube.facts.iter().all(|(f, v)| {
                    point
                        .iter()
                        .find(|(g, _)| g == f)
                        .is_some_and(|(_, c)| c.inside(v))
                })
            })
        });
        if !covered {
            gaps.push(point);
        }
        // The next combination, the last axis fastest.
        for k in (0..axes.len()).rev() {
            index[k] += 1;
            if index[k] < axes[k].1.len() {
                break;
            }
            index[k] = 0;
        }
    }
    Some(gaps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::{BoundConvention, Condition};

    struct NoOptions;
    impl Space for NoOptions {
        fn options(&self, _: &str) -> Option<Vec<String>> {
            None
        }
    }

    fn region_of(v: serde_json::Value) -> Region {
        let c: Condition = serde_json::from_value(v).expect("condition");
        super::super::regions::of(&c, &BoundConvention::default(), &NoOptions).expect("analysable")
    }

    #[test]
    fn gaps_are_found_across_several_facts() {
        let a = region_of(serde_json::json!({"all": [
            {"fact": "s", "is": false}, {"fact": "a", "op": "<", "value": "100"}]}));
        let b = region_of(serde_json::json!({"all": [
            {"fact": "s", "is": false}, {"fact": "a", "op": ">=", "value": "100"}]}));
        let c = region_of(serde_json::json!({"fact": "s", "is": true}));
        assert_eq!(uncovered(&[&a, &b, &c], &NoOptions), Some(Vec::new()));
        let gaps = uncovered(&[&a, &b], &NoOptions).expect("enumerable");
        assert!(!gaps.is_empty());
        assert!(
            gaps.iter()
                .all(|g| g.iter().any(|(f, c)| f == "s" && *c == Cell::Bool(true)))
        );
    }
}
