//! 类案: the library's cases on the same item and tier as a case, with their amounts and where
//! they lie in the range, and a note when the case's intended amount lies above or below all of
//! them (同案同罚). The note states a fact; it decides nothing.

use serde::{Deserialize, Serialize};

use super::{LibraryRecord, ResultSummary};
use crate::date::Date;
use crate::num::Dec;
use crate::pack::model::PartyKind;

/// Which range positions are compared in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The benchmark (tier) range: the same tier, so the same band.
    Benchmark,
    /// The statutory range, where the tier sets no range.
    Statutory,
}

impl Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Benchmark => "基准幅度",
            Measure::Statutory => "法定幅度",
        }
    }

    fn of(self, s: &ResultSummary) -> Option<Dec> {
        match self {
            Measure::Benchmark => s.position.benchmark,
            Measure::Statutory => s.position.statutory,
        }
    }
}

/// A similar case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarCase {
    /// Its record id.
    pub id: String,
    /// Party name or label.
    pub party: String,
    /// Party kind.
    pub party_kind: PartyKind,
    /// Its date.
    pub date: Option<Date>,
    /// Decided (not only intended).
    pub decided: bool,
    /// The amount.
    pub amount: Option<Dec>,
    /// Where it lies in the compared range (per cent).
    pub position: Option<Dec>,
    /// The pack edition it was computed under.
    pub edition: String,
}

/// Whether the case's amount lies above or below all similar cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Above every similar case.
    Higher,
    /// Below every similar case.
    Lower,
}

/// The 同案同罚 note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarNote {
    /// Above or below.
    pub direction: Direction,
    /// The case's position.
    pub position: Dec,
    /// The lowest similar position.
    pub lowest: Dec,
    /// The highest similar position.
    pub highest: Dec,
    /// How many similar cases have a position.
    pub count: usize,
    /// The range compared in.
    pub measure: Measure,
}

impl std::fmt::Display for SimilarNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dir = match self.direction {
            Direction::Higher => "高于",
            Direction::Lower => "低于",
        };
        let span = if self.lowest == self.highest {
            format!("约{}%处", self.lowest)
        } else {
            format!("约{}%至{}%", self.lowest, self.highest)
        };
        write!(
            f,
            "本案拟罚款数额位于{}约{}%处，{dir}本库{}件同一违法行为、同一裁量阶次的类案（{}）。同案同罚：请核对情节差异并在裁量说理中说明理由。",
            self.measure.label(),
            self.position,
            self.count,
            span
        )
    }
}

/// The similar cases of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Similar {
    /// The range the positions are in.
    pub measure: Measure,
    /// The cases, newest first.
    pub cases: Vec<SimilarCase>,
    /// The note, when the case's amount lies outside all of theirs.
    pub note: Option<SimilarNote>,
}

/// The library's cases on the same item and tier as `target` (other than the record `exclude`),
/// with a note when the target's amount lies above or below all of them.
pub fn similar(
    records: &[LibraryRecord],
    target: &ResultSummary,
    exclude: Option<&str>,
) -> Similar {
    let measure = if target.benchmark.is_some() {
        Measure::Benchmark
    } else {
        Measure::Statutory
    };
    let mut cases: Vec<SimilarCase> = records
        .iter()
        .filter(|r| Some(r.id.as_str()) != exclude)
        .filter_map(|r| r.summary.as_ref().map(|s| (r, s)))
        .filter(|(_, s)| s.item == target.item && s.tier == target.tier)
        .map(|(r, s)| SimilarCase {
            id: r.id.clone(),
            party: r.party_name().to_string(),
            party_kind: s.party,
            date: r.date(),
            decided: r.decided,
            amount: s.amount,
            position: measure.of(s),
            edition: r.pack.edition.clone(),
        })
        .collect();
    cases.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let positions: Vec<Dec> = cases.iter().filter_map(|c| c.position).collect();
    let note = match (
        measure.of(target),
        positions.iter().min(),
        positions.iter().max(),
    ) {
        (Some(p), Some(&lowest), Some(&highest)) if p > highest || p < lowest => {
            Some(SimilarNote {
                direction: if p > highest {
                    Direction::Higher
                } else {
                    Direction::Lower
                },
                position: p,
                lowest,
                highest,
                count: positions.len(),
                measure,
            })
        }
        _ => None,
    };
    Similar {
        measure,
        cases,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::record;
    use super::*;

    fn with_fine(id: &str, fine: &str, decided: &str) -> LibraryRecord {
        let mut r = record(id, &format!("公司{id}"), "ZL-64", decided, 1);
        r.case.intended_fine = Some(Dec(fine.parse().unwrap()));
        let lp = crate::reference_pack().unwrap();
        let res = crate::evaluate(&lp, &r.case).unwrap();
        r.summary = Some(ResultSummary::new(&r.case, &res));
        r
    }

    #[test]
    fn same_item_and_tier_with_a_note_outside_their_span() {
        // ZL-64 tier B: 266,666.67–333,333.33 元.
        let lib = vec![
            with_fine("1", "280000", "2025-06-10"),
            with_fine("2", "300000", "2025-06-20"),
            record("3", "其他", "JZF-64", "2025-06-01", 1),
        ];
        let target = with_fine("9", "333333.33", "2025-07-01");
        let s = similar(&lib, target.summary.as_ref().unwrap(), Some("9"));
        assert_eq!(s.measure, Measure::Benchmark);
        let ids: Vec<&str> = s.cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["2", "1"], "same item and tier, newest first");
        assert_eq!(
            s.cases[1].position.map(|p| p.to_string()).as_deref(),
            Some("20")
        );
        let note = s.note.expect("above both");
        assert_eq!(note.direction, Direction::Higher);
        assert_eq!(
            (note.lowest.to_string(), note.highest.to_string()),
            ("20".into(), "50".into())
        );
        assert_eq!(
            note.to_string(),
            "本案拟罚款数额位于基准幅度约100%处，高于本库2件同一违法行为、同一裁量阶次的类案（约20%至50%）。同案同罚：请核对情节差异并在裁量说理中说明理由。"
        );
        // Inside their span: no note. The target itself is not its own similar case.
        let inside = with_fine("2", "290000", "2025-07-01");
        let s = similar(&lib, inside.summary.as_ref().unwrap(), Some("2"));
        assert_eq!(s.cases.len(), 1);
        assert_eq!(s.note.map(|n| n.direction), Some(Direction::Higher));
        let s = similar(
            &lib,
            with_fine("8", "290000", "2025-07-01")
                .summary
                .as_ref()
                .unwrap(),
            None,
        );
        assert!(s.note.is_none(), "{:?}", s.note);
        // Another tier is not similar.
        let mut other = with_fine("7", "380000", "2025-07-01");
        other.case.tier = Some("C".into());
        let lp = crate::reference_pack().unwrap();
        let res = crate::evaluate(&lp, &other.case).unwrap();
        let s = similar(&lib, &ResultSummary::new(&other.case, &res), None);
        assert!(s.cases.is_empty() && s.note.is_none());
    }
}
