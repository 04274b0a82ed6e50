//! The provisions of 《中华人民共和国行政处罚法》 (2021年修订) on procedure that the review checks
//! a decided case against and the engine does not apply itself, quoted verbatim. A test
//! (tests/provenance.rs) checks every quote against the statute texts in `../shared/laws`.

use std::borrow::Cow;

use crate::pack::model::Citation;
use crate::statute::APL;

/// A procedural provision of the 行政处罚法 the review cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewProvision {
    /// Art 44: 事先告知.
    PriorNotice,
    /// Art 54 ¶2: 立案.
    Filing,
    /// Art 58 ¶1 (二): 法制审核 of cases that went through a hearing.
    LegalReviewAfterHearing,
    /// Art 60: the decision within 90 days of 立案.
    NinetyDays,
    /// Art 62: no decision without 告知 and 陈述申辩.
    NoDecisionWithoutNotice,
}

impl ReviewProvision {
    /// The citation with its verbatim quote.
    pub fn cite(self) -> Citation {
        use ReviewProvision::*;
        let (article, paragraph, item, quote) = match self {
            PriorNotice => (
                44,
                None,
                None,
                "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。",
            ),
            Filing => (54, Some(2), None, "符合立案标准的，行政机关应当及时立案。"),
            LegalReviewAfterHearing => (
                58,
                Some(1),
                Some(2),
                "（二）直接关系当事人或者第三人重大权益，经过听证程序的；",
            ),
            NinetyDays => (
                60,
                None,
                None,
                "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。",
            ),
            NoDecisionWithoutNotice => (
                62,
                None,
                None,
                "行政机关及其执法人员在作出行政处罚决定之前，未依照本法第四十四条、第四十五条的规定向当事人告知拟作出的行政处罚内容及事实、理由、依据，或者拒绝听取当事人的陈述、申辩，不得作出行政处罚决定；当事人明确放弃陈述或者申辩权利的除外。",
            ),
        };
        Citation {
            law: Cow::Borrowed(APL),
            article,
            paragraph,
            item,
            quote: Some(Cow::Borrowed(quote)),
        }
    }

    /// Every provision, for the provenance test.
    pub const ALL: [ReviewProvision; 5] = [
        ReviewProvision::PriorNotice,
        ReviewProvision::Filing,
        ReviewProvision::LegalReviewAfterHearing,
        ReviewProvision::NinetyDays,
        ReviewProvision::NoDecisionWithoutNotice,
    ];
}
