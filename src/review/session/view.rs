//! What the reviewer is looking at on the page: the filter, how many rows of the findings table
//! are shown, and which case is open — with [`View::reduce`], what each choice does. The page's
//! components only dispatch [`ViewAction`]s and render what [`View::rows`] gives.

use super::Session;
use super::filter::{Filter, FindingRef};
use crate::review::finding::{Rule, Severity};

/// Rows of the findings table shown at first, and added by each “显示更多”.
pub const PAGE_ROWS: usize = 200;

/// A filter of the findings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    /// 等级.
    Severity,
    /// 规则.
    Rule,
    /// 违法行为.
    Item,
    /// 承办人.
    Officer,
    /// 承办机构.
    Unit,
}

/// What the reviewer did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewAction {
    /// Chose a filter's value by the value of its choice ("" for all: a severity's or a rule's
    /// id, an item code, a name as recorded).
    Filter(FilterField, String),
    /// Cleared every filter.
    ClearFilters,
    /// Showed more rows.
    ShowMore,
    /// Opened a case (its index in [`Session::done`]).
    Open(usize),
    /// Closed it.
    Close,
    /// A new batch: everything back to the start.
    Reset,
}

/// The reviewer's view of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The filter.
    pub filter: Filter,
    /// Rows of the findings table shown.
    pub shown: usize,
    /// The case open for its drill-down.
    pub open: Option<usize>,
}

impl Default for View {
    fn default() -> Self {
        View {
            filter: Filter::default(),
            shown: PAGE_ROWS,
            open: None,
        }
    }
}

/// The value of a severity's choice.
pub fn severity_value(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "notice",
    }
}

fn severity_of(v: &str) -> Option<Severity> {
    Severity::ALL.into_iter().find(|s| severity_value(*s) == v)
}

fn text_of(v: &str) -> Option<String> {
    Some(v.to_string()).filter(|v| !v.is_empty())
}

/// The rows of the findings table the view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    /// The findings shown, in row order.
    pub shown: Vec<FindingRef>,
    /// Findings the filter keeps.
    pub kept: usize,
}

impl View {
    /// What `action` does to the view. A filter shows the first rows again; a choice that is
    /// not one of the filter's (an unknown rule id) keeps every value.
    pub fn reduce(&mut self, action: ViewAction) {
        match action {
            ViewAction::Filter(field, v) => {
                let f = &mut self.filter;
                match field {
                    FilterField::Severity => f.severity = severity_of(&v),
                    FilterField::Rule => f.rule = Rule::from_id(&v),
                    FilterField::Item => f.item = text_of(&v),
                    FilterField::Officer => f.officer = text_of(&v),
                    FilterField::Unit => f.unit = text_of(&v),
                }
                self.shown = PAGE_ROWS;
            }
            ViewAction::ClearFilters => {
                self.filter = Filter::default();
                self.shown = PAGE_ROWS;
            }
            ViewAction::ShowMore => self.shown = self.shown.saturating_add(PAGE_ROWS),
            ViewAction::Open(i) => self.open = Some(i),
            ViewAction::Close => self.open = None,
            ViewAction::Reset => *self = View::default(),
        }
    }

    /// The value a filter's choice has now ("" for all).
    pub fn value(&self, field: FilterField) -> String {
        let f = &self.filter;
        match field {
            FilterField::Severity => f.severity.map(severity_value).unwrap_or("").to_string(),
            FilterField::Rule => f.rule.map(|r| r.id()).unwrap_or("").to_string(),
            FilterField::Item => f.item.clone().unwrap_or_default(),
            FilterField::Officer => f.officer.clone().unwrap_or_default(),
            FilterField::Unit => f.unit.clone().unwrap_or_default(),
        }
    }

    /// The findings table's rows.
    pub fn rows(&self, session: &Session) -> Rows {
        let mut kept = session.findings(&self.filter);
        let n = kept.len();
        kept.truncate(self.shown);
        Rows {
            shown: kept,
            kept: n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_chosen_by_their_values_and_show_the_first_rows_again() {
        let mut v = View::default();
        v.reduce(ViewAction::ShowMore);
        assert_eq!(v.shown, 2 * PAGE_ROWS);
        v.reduce(ViewAction::Filter(FilterField::Severity, "warning".into()));
        assert_eq!(v.filter.severity, Some(Severity::Warning));
        assert_eq!(v.shown, PAGE_ROWS);
        assert_eq!(v.value(FilterField::Severity), "warning");
        v.reduce(ViewAction::Filter(
            FilterField::Rule,
            "fine.outside_benchmark".into(),
        ));
        assert_eq!(v.filter.rule, Some(Rule::FineOutsideBenchmark));
        v.reduce(ViewAction::Filter(FilterField::Rule, "no.such".into()));
        assert_eq!(v.filter.rule, None);
        v.reduce(ViewAction::Filter(FilterField::Officer, "张三".into()));
        v.reduce(ViewAction::Filter(FilterField::Unit, "一中队".into()));
        v.reduce(ViewAction::Filter(FilterField::Item, "ZL-64".into()));
        assert_eq!(v.value(FilterField::Officer), "张三");
        v.reduce(ViewAction::Filter(FilterField::Severity, String::new()));
        assert_eq!(v.filter.severity, None);
        v.reduce(ViewAction::Open(3));
        v.reduce(ViewAction::ClearFilters);
        assert!(v.filter.is_empty());
        assert_eq!(v.open, Some(3), "clearing the filters keeps the open case");
        v.reduce(ViewAction::Close);
        assert_eq!(v.open, None);
        v.reduce(ViewAction::Open(1));
        v.reduce(ViewAction::Reset);
        assert_eq!(v, View::default());
    }

    #[test]
    fn the_table_shows_a_page_of_what_the_filter_keeps() {
        use crate::review::mapping::ColumnMapping;
        let lp = crate::reference_pack().unwrap();
        // 450 cases above the statute: one error each.
        let line = r#"{"case":{"items":["ZL-64"],"party":"legal_person","tier":"B","facts":{"contract_price":"10000000","serious":false}},"decision":{"fines":[{"amount":"450000"}]}}"#;
        let text = vec![line; 450].join("\n");
        let mut s =
            Session::open("x.jsonl", text.into_bytes(), &ColumnMapping::default(), &lp).unwrap();
        s.run(&lp);
        let mut v = View::default();
        v.reduce(ViewAction::Filter(
            FilterField::Rule,
            "fine.outside_statutory".into(),
        ));
        let r = v.rows(&s);
        assert_eq!((r.shown.len(), r.kept), (PAGE_ROWS, 450));
        v.reduce(ViewAction::ShowMore);
        v.reduce(ViewAction::ShowMore);
        let r = v.rows(&s);
        assert_eq!((r.shown.len(), r.kept), (450, 450));
        assert_eq!(r.shown[449].case, 449);
        v.reduce(ViewAction::Filter(FilterField::Severity, "notice".into()));
        assert_eq!(v.rows(&s).kept, 0);
    }
}
