//! The case library's records as decided cases, for the 案卷评查 page that reviews the library
//! in the browser without a file, and the 提交前自查 panel on the officer's case: what a record
//! holds, and what it does not state (as its CSV export: no 听证告知, 法制审核, 集体讨论 or
//! other penalties recorded as done).

use super::decided::{DecidedCase, Decision, ImposedFine, Procedure, ProcedureDates};
use super::stated::{Record, Stated};
use crate::library::LibraryRecord;

/// What a library record states.
pub fn record_stated() -> Stated {
    [
        Record::Fines,
        Record::Waive,
        Record::HearingRequested,
        Record::HearingHeld,
        Record::Filed,
        Record::Notified,
        Record::Decided,
        Record::Departure,
    ]
    .into_iter()
    .fold(Stated::none(), |s, r| s.with(r))
}

/// A library record as a decided case: its case, the amount intended or decided, the document
/// inputs' dates, hearing and departure.
pub fn from_record(r: &LibraryRecord) -> DecidedCase {
    let i = &r.inputs;
    let amount = r
        .summary
        .as_ref()
        .and_then(|s| s.amount)
        .or(r.case.intended_fine);
    let hearing = i.hearing.as_ref();
    DecidedCase {
        reference: i
            .case_number
            .clone()
            .or_else(|| i.decision_number.clone())
            .or_else(|| Some(r.id.clone())),
        officer: None,
        unit: None,
        case: r.case.clone(),
        decision: Decision {
            fines: amount
                .map(|amount| ImposedFine {
                    item: None,
                    amount,
                    rate: None,
                })
                .into_iter()
                .collect(),
            personal_fines: Vec::new(),
            penalties: Vec::new(),
            no_penalty: None,
            procedure: Procedure {
                hearing_requested: hearing.is_some_and(|h| h.requested),
                hearing_held: hearing.is_some_and(|h| h.held_on.is_some()),
                ..Procedure::default()
            },
            dates: ProcedureDates {
                filed: i.filed,
                notified: i.notice_date,
                decided: r.case.dates.decided,
            },
            departure: i.departure.clone(),
        },
        parties: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::export::CSV_COLUMNS;
    use crate::review::mapping::ColumnMapping;

    #[test]
    fn a_record_states_what_its_csv_export_states() {
        let header: Vec<&str> = CSV_COLUMNS.iter().map(|(k, _)| *k).collect();
        let cols = ColumnMapping::default().columns(&header).unwrap();
        assert_eq!(record_stated(), cols.stated, "{:?}", cols.stated.missing());
    }
}
