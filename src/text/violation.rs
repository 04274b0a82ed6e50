//! 违法依据: the provisions violated, cited and quoted.

use super::builder::{Builder, Values};
use crate::pack::model::Citation;
use crate::wording::{cite_list, quoted};

impl Builder<'_> {
    pub(super) fn violation(&self) -> Values {
        let all: Vec<&Citation> = self
            .r
            .item
            .violates
            .iter()
            .chain(self.r.other_items.iter().flat_map(|i| i.violates.iter()))
            .collect();
        let violates = if all.is_empty() {
            "【违法依据】".to_string()
        } else {
            cite_list(all.iter().copied())
        };
        let mut quotes: Vec<String> = Vec::new();
        for c in &all {
            let q = quoted(c);
            if !quotes.contains(&q) {
                quotes.push(q);
            }
        }
        vec![
            ("violates", violates),
            ("violates_quotes", quotes.join("\n")),
        ]
    }
}
