//! The row's exclusions: cases it does not cover (a party type, a time window, a quantity), and
//! the item or authority they go to instead (不属本项 / 移送). A case the row excludes gets no
//! penalty under it; the result names where it goes.

use std::collections::BTreeSet;

use super::Ctx;
use super::condition::{self, Tri};
use super::decision::Referral;
use super::result::Step;

/// Whether an exclusion of the item applies; records the referral and the step. An exclusion
/// whose condition is still unknown leaves the result pending on its facts.
pub(crate) fn excluded(cx: &mut Ctx<'_>) -> bool {
    let item = cx.item;
    for ex in &item.exclusions {
        let party_hit = ex.parties.is_none_or(|p| p.covers(cx.case.party));
        if !party_hit {
            continue;
        }
        let mut missing = BTreeSet::new();
        let t = ex
            .when
            .as_ref()
            .map_or(Tri::True, |c| condition::eval(c, &cx.facts, &mut missing));
        match t {
            Tri::True => {
                let target = match (&ex.item, &ex.authority) {
                    (Some(code), _) => {
                        let name = cx
                            .lp
                            .item(code)
                            .map(|i| format!("{}（{code}）", i.name))
                            .unwrap_or_else(|| code.clone());
                        format!("适用{name}")
                    }
                    (None, Some(a)) => format!("移送{a}处理"),
                    (None, None) => "不适用本项".to_string(),
                };
                let sources = ex.basis.source.iter().map(|s| s.title.clone()).collect();
                let mut cites: Vec<_> = ex.basis.citation.iter().cloned().collect();
                cites.push(item.penalty_basis.clone());
                cx.log(
                    Step::Exclusion,
                    format!("{}：{target}", ex.description),
                    cites,
                    sources,
                    Vec::new(),
                );
                cx.referral = Some(Referral {
                    description: ex.description.clone(),
                    item: ex.item.clone(),
                    authority: ex.authority.clone(),
                    basis: ex.basis.clone(),
                });
                return true;
            }
            Tri::Unknown => {
                for id in missing {
                    let ask = cx.facts.ask(item, &id);
                    cx.pending
                        .push(format!("{ask}（判断是否属于本项：{}）", ex.description));
                }
            }
            Tri::False => {}
        }
    }
    false
}
