//! Non-fine penalties and orders by their words: 警告, 通报批评, 没收违法所得, 责令停业整顿,
//! 降低资质等级, 吊销…证书, 责令改正, 限期拆除 … Each is found by the words that name it; the
//! words kept run to the end of the phrase (吊销燃气经营许可证, 责令停止执业3个月以上1年以下).

use crate::pack::model::PenaltyKind;

/// A kind named by these words (folded, simplified), longest first where one starts another.
pub(crate) const WORDS: &[(&str, PenaltyKind)] = &[
    ("责令停止执行业务", PenaltyKind::SuspendPractice),
    ("停止执行业务", PenaltyKind::SuspendPractice),
    ("责令停止执业", PenaltyKind::SuspendPractice),
    ("停止执业", PenaltyKind::SuspendPractice),
    ("责令停业整顿", PenaltyKind::SuspendBusiness),
    ("责令停产停业", PenaltyKind::SuspendBusiness),
    ("停业整顿", PenaltyKind::SuspendBusiness),
    ("停产停业", PenaltyKind::SuspendBusiness),
    ("责令停业", PenaltyKind::SuspendBusiness),
    ("责令关闭", PenaltyKind::OrderClosure),
    ("予以关闭", PenaltyKind::OrderClosure),
    ("责令限期拆除", PenaltyKind::OrderDemolition),
    ("责令拆除", PenaltyKind::OrderDemolition),
    ("限期拆除", PenaltyKind::OrderDemolition),
    ("责令其停止违法行为", PenaltyKind::OrderStop),
    ("责令停止", PenaltyKind::OrderStop),
    ("停止违法行为", PenaltyKind::OrderStop),
    ("停止施工", PenaltyKind::OrderStop),
    ("停止建设", PenaltyKind::OrderStop),
    ("停止使用", PenaltyKind::OrderStop),
    ("责令限期采取治理措施", PenaltyKind::OrderCorrection),
    ("限期采取治理措施", PenaltyKind::OrderCorrection),
    ("责令其限期改正", PenaltyKind::OrderCorrection),
    ("责令限期改正", PenaltyKind::OrderCorrection),
    ("责令改正", PenaltyKind::OrderCorrection),
    ("责令其纠正", PenaltyKind::OrderCorrection),
    ("责令纠正", PenaltyKind::OrderCorrection),
    ("限期改正", PenaltyKind::OrderCorrection),
    ("责令限期办理", PenaltyKind::OrderCorrection),
    ("责令限期补报", PenaltyKind::OrderCorrection),
    ("责令限期补办", PenaltyKind::OrderCorrection),
    ("责令限期缴存", PenaltyKind::OrderCorrection),
    ("责令限期缴纳", PenaltyKind::OrderCorrection),
    ("通报批评", PenaltyKind::PublicCriticism),
    ("警告", PenaltyKind::Warning),
    ("没收违法所得", PenaltyKind::ConfiscateIllegalGains),
    ("没收违法收入", PenaltyKind::ConfiscateIllegalGains),
    ("没收非法财物", PenaltyKind::ConfiscateProperty),
    ("没收实物", PenaltyKind::ConfiscateProperty),
    ("没收", PenaltyKind::ConfiscateProperty),
    ("暂扣", PenaltyKind::SuspendLicence),
    ("降低资质等级", PenaltyKind::LowerQualification),
    ("吊销", PenaltyKind::RevokeLicence),
    ("终身不予注册", PenaltyKind::RestrictPractice),
    ("不予注册", PenaltyKind::RestrictPractice),
    ("限制从业", PenaltyKind::RestrictPractice),
    ("禁止从事", PenaltyKind::RestrictPractice),
    ("不得担任", PenaltyKind::RestrictPractice),
    ("予以取缔", PenaltyKind::Other),
    ("暂停", PenaltyKind::Other),
    ("恢复原状", PenaltyKind::Other),
    ("采取其他补救措施", PenaltyKind::Other),
    ("予以通报", PenaltyKind::Other),
    ("记入信用档案", PenaltyKind::Other),
    ("取消", PenaltyKind::Other),
    ("追回", PenaltyKind::Other),
];

/// Pieces that are not administrative penalties: civil liability, criminal referral, sanctions
/// on staff, enforcement by a court.
pub(crate) const NOT_PENALTIES: &[&str] = &[
    "赔偿",
    "刑事责任",
    "民事责任",
    "处分",
    "强制执行",
    "返工",
    "修理",
    "代为",
    "所需费用",
    "所得收益",
];

/// Words that end a penalty's phrase.
pub(crate) const PHRASE_ENDS: &[&str] = &[
    "、", "，", "；", "。", "或者", "和", "并处", "并", "直至", "：",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_wording_comes_before_any_wording_it_starts_with() {
        for (i, (w, _)) in WORDS.iter().enumerate() {
            for (v, _) in &WORDS[i + 1..] {
                assert!(!v.starts_with(w) || v == w, "“{v}” must come before “{w}”");
            }
        }
    }
}
