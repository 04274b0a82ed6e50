//! A hand-written fine form checked against the statute text it quotes, number by number: for
//! the validator and the provenance tests (a pack's `fines[i]` against its `basis.quote` or
//! the item's `penalty_basis.quote`).

use serde::Serialize;

use super::bases::suggest_facts;
use super::clause::{NotUnderstood, ParsedFine, parse_clause};
use crate::pack::model::{FineForm, FineRule, Parties};

/// What the quote says about a fine rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum FineCheck {
    /// The quote holds this fine: same form, numbers in the same roles, 应当 / 可以, base (by
    /// the known-bases table) and party.
    Matches {
        /// The fine as read, with each number's words.
        fine: Box<ParsedFine>,
    },
    /// The quote was read whole and holds no such fine.
    Differs {
        /// The fines it does hold.
        found: Vec<ParsedFine>,
    },
    /// The quote could not be read with certainty.
    NotUnderstood {
        /// What could not be read.
        parts: Vec<NotUnderstood>,
    },
}

/// Whether a fine read from a quote is the rule as written in a pack.
pub fn same_fine(rule: &FineRule, f: &ParsedFine) -> bool {
    if rule.mandatory != f.mandatory {
        return false;
    }
    if let Some(p) = f.party.as_ref().and_then(|p| p.parties)
        && rule.parties != Parties::All
        && rule.parties != p
    {
        return false;
    }
    let base = |fact: &str, words: &str| suggest_facts(words).contains(&fact);
    match (&rule.form, &f.form) {
        (FineForm::Range { min: a, max: b }, FineForm::Range { min: c, max: d }) => {
            a == c && b == d
        }
        (FineForm::MaxOnly { max: a }, FineForm::MaxOnly { max: b }) => a == b,
        (FineForm::Fixed { amount: a }, FineForm::Fixed { amount: b }) => a == b,
        (FineForm::Unspecified { .. }, FineForm::Unspecified { .. }) => true,
        (
            FineForm::Percent {
                base: fact,
                min: a,
                max: b,
            },
            FineForm::Percent {
                base: words,
                min: c,
                max: d,
            },
        )
        | (
            FineForm::Multiple {
                base: fact,
                min: a,
                max: b,
            },
            FineForm::Multiple {
                base: words,
                min: c,
                max: d,
            },
        ) => a == c && b == d && base(fact, words),
        (FineForm::PerUnit { min: a, max: b, .. }, FineForm::PerUnit { min: c, max: d, .. }) => {
            a == c && b == d
        }
        _ => false,
    }
}

/// Checks a pack's fine rule against the text it quotes.
pub fn check_fine(rule: &FineRule, quote: &str) -> FineCheck {
    let p = parse_clause(quote);
    if let Some(f) = p.fines.iter().find(|f| same_fine(rule, f)) {
        return FineCheck::Matches {
            fine: Box::new(f.clone()),
        };
    }
    if !p.not_understood.is_empty() {
        return FineCheck::NotUnderstood {
            parts: p.not_understood,
        };
    }
    FineCheck::Differs { found: p.fines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn rule(form: FineForm) -> FineRule {
        FineRule {
            parties: Parties::Organization,
            role: None,
            form,
            mandatory: true,
            when: None,
            basis: None,
        }
    }

    fn d(s: &str) -> Dec {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_rule_is_checked_number_by_number() {
        let q = "违反本条例规定，建设单位将建设工程肢解发包的，责令改正，处工程合同价款0.5%以上1%以下的罚款；对全部或者部分使用国有资金的项目，并可以暂停项目执行或者暂停资金拨付。";
        let ok = rule(FineForm::Percent {
            base: "contract_price".into(),
            min: Some(d("0.5")),
            max: d("1"),
        });
        let FineCheck::Matches { fine } = check_fine(&ok, q) else {
            panic!("should match")
        };
        let roles: Vec<(String, String)> = fine
            .numbers
            .iter()
            .map(|n| (format!("{:?}", n.role), n.written.text.clone()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Min".to_string(), "0.5%以上".to_string()),
                ("Max".to_string(), "1%以下".to_string())
            ]
        );
        let wrong = rule(FineForm::Percent {
            base: "contract_price".into(),
            min: Some(d("0.5")),
            max: d("2"),
        });
        assert!(matches!(check_fine(&wrong, q), FineCheck::Differs { found } if found.len() == 1));
        let other_base = rule(FineForm::Percent {
            base: "construction_cost".into(),
            min: Some(d("0.5")),
            max: d("1"),
        });
        assert!(matches!(
            check_fine(&other_base, q),
            FineCheck::Differs { .. }
        ));
        let mut discretionary = ok.clone();
        discretionary.mandatory = false;
        assert!(matches!(
            check_fine(&discretionary, q),
            FineCheck::Differs { .. }
        ));
        assert!(matches!(
            check_fine(&ok, "处工程合同价款0.5%至1%的罚款"),
            FineCheck::NotUnderstood { .. }
        ));
    }
}
