//! The bases that statutes name for percentage and multiple fines, as the reference pack
//! (benchmarks/national-reference.json) names their facts: a suggestion for the importer, which
//! asks the author when a base is not here or has more than one candidate.

use super::norm::Norm;

/// Base words (as statutes write them) → the reference pack's fact ids that hold such an amount.
pub const KNOWN_BASES: &[(&str, &[&str])] = &[
    ("工程合同价款", &["contract_price"]),
    ("合同价款", &["contract_price"]),
    ("民用建筑项目合同价款", &["contract_price"]),
    ("合同约定的勘察费、设计费", &["survey_design_fee"]),
    ("合同约定的监理酬金", &["supervision_fee"]),
    (
        "合同约定的勘察费、设计费或者监理酬金",
        &["survey_design_fee", "supervision_fee"],
    ),
    (
        "合同约定的勘察费、设计费和监理酬金",
        &["survey_design_fee", "supervision_fee"],
    ),
    ("合同约定的规划编制费", &["planning_fee"]),
    ("建设工程造价", &["construction_cost"]),
    ("临时建设工程造价", &["temporary_construction_cost"]),
    ("委托合同价款", &["entrusted_contract_price"]),
    ("已收取的预付款", &["prepayment"]),
    ("违法所得", &[crate::case::ILLEGAL_GAINS]),
    ("挪用数额", &["diverted_amount"]),
    ("挪用费用", &["diverted_amount"]),
    ("交付使用的房屋销售总额", &["sales_total"]),
    ("应缴纳污水处理费数额", &["sewage_fee_due"]),
];

/// The reference pack's fact ids for a base named in words ("工程合同价款", "已收取的预付款的"),
/// or none when the words are not a known base.
pub fn suggest_facts(base: &str) -> &'static [&'static str] {
    let n = Norm::new(base);
    let mut words: String = n.chars.iter().collect();
    while words.ends_with('的') {
        words.pop();
    }
    KNOWN_BASES
        .iter()
        .find(|(w, _)| *w == words)
        .map(|(_, ids)| *ids)
        .unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggested_fact_is_a_number_fact_of_the_reference_pack() {
        let lp = crate::reference_pack().unwrap_or_else(|e| panic!("{e}"));
        let facts: Vec<(&str, &str)> = lp
            .pack
            .items
            .iter()
            .flat_map(|i| i.facts.iter())
            .filter(|f| matches!(f.kind, crate::pack::model::FactKind::Number { .. }))
            .map(|f| (f.id.as_str(), f.label.as_str()))
            // 违法所得 is the built-in number fact every item reads.
            .chain([(crate::case::ILLEGAL_GAINS, "违法所得")])
            .collect();
        for (words, ids) in KNOWN_BASES {
            assert!(!ids.is_empty());
            for id in *ids {
                assert!(
                    facts.iter().any(|(f, _)| f == id),
                    "“{words}” → {id}: not a number fact of the reference pack"
                );
            }
        }
        assert_eq!(suggest_facts("已收取的预付款的"), ["prepayment"]);
        assert_eq!(suggest_facts("工程合同價款"), ["contract_price"]);
        assert!(suggest_facts("单位罚款数额").is_empty());
    }
}
