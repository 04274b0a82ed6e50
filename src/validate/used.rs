//! The tiers an item uses — its own, another row's (`tiers_from`), or the table's
//! (`rules.tiers`) — found as the engine finds them, and where findings about them go.

use std::collections::BTreeMap;

use crate::pack::model::{Pack, Tier};

/// Where an item's tiers are defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Its own `tiers`.
    Own,
    /// Another item's, by index (`tiers_from`).
    From(usize),
    /// The table's (`rules.tiers`).
    Table,
}

/// The tiers an item uses, and where findings about them go.
pub(crate) struct Used<'a> {
    /// The tiers.
    pub tiers: &'a [Tier],
    /// Where they are defined.
    pub source: Source,
    /// The using item's index.
    pub item: usize,
}

impl Used<'_> {
    /// The JSON path of tier `j` where it is defined.
    pub fn def_path(&self, j: usize) -> String {
        match self.source {
            Source::Own => format!("$.items[{}].tiers[{j}]", self.item),
            Source::From(k) => format!("$.items[{k}].tiers[{j}]"),
            Source::Table => format!("$.rules.tiers[{j}]"),
        }
    }

    /// Where a finding about tier `j` as this item uses it goes: the tier (plus `suffix`) for
    /// its own tiers and the table's, the item's `tiers_from` for another row's.
    pub fn at(&self, j: usize, suffix: &str) -> String {
        match self.source {
            Source::From(_) => format!("$.items[{}].tiers_from", self.item),
            _ => format!("{}{suffix}", self.def_path(j)),
        }
    }

    /// What introduces a finding about a tier defined elsewhere.
    pub fn prefix(&self, pack: &Pack, j: usize) -> String {
        let code = |k: usize| pack.items.get(k).map(|i| i.code.as_str()).unwrap_or("");
        let tier = self.tiers.get(j).map(|t| t.code.as_str()).unwrap_or("");
        match self.source {
            Source::Own => String::new(),
            Source::From(k) => format!("沿用 {} 的阶次 {tier}（{}）：", code(k), self.def_path(j)),
            Source::Table => format!(
                "违法行为 {}（$.items[{}]）适用本表阶次时：",
                code(self.item),
                self.item
            ),
        }
    }

    /// What introduces a finding about the tiers as a whole, where they are defined elsewhere.
    pub fn whole_prefix(&self, pack: &Pack) -> String {
        let code = |k: usize| pack.items.get(k).map(|i| i.code.as_str()).unwrap_or("");
        match self.source {
            Source::Own => String::new(),
            Source::From(k) => format!("沿用 {} 的阶次（$.items[{k}].tiers）：", code(k)),
            Source::Table => format!(
                "违法行为 {}（$.items[{}]）适用本表阶次时：",
                code(self.item),
                self.item
            ),
        }
    }

    /// Where findings about the tiers as a whole go.
    pub fn base(&self) -> String {
        match self.source {
            Source::Own => format!("$.items[{}].tiers", self.item),
            Source::From(_) => format!("$.items[{}].tiers_from", self.item),
            Source::Table => "$.rules.tiers".to_string(),
        }
    }
}

/// The tiers item `i` uses, followed as the engine follows them (at most 8 `tiers_from` steps).
pub(crate) fn used<'a>(pack: &'a Pack, codes: &BTreeMap<&str, usize>, i: usize) -> Used<'a> {
    let mut k = i;
    for _ in 0..8 {
        if pack.items.get(k).is_some_and(|x| !x.tiers.is_empty()) {
            break;
        }
        match pack
            .items
            .get(k)
            .and_then(|x| x.tiers_from.as_deref())
            .and_then(|c| codes.get(c))
        {
            Some(&next) => k = next,
            None => break,
        }
    }
    match pack.items.get(k) {
        Some(x) if !x.tiers.is_empty() => Used {
            tiers: &x.tiers,
            source: if k == i { Source::Own } else { Source::From(k) },
            item: i,
        },
        _ => Used {
            tiers: &pack.rules.tiers,
            source: Source::Table,
            item: i,
        },
    }
}
