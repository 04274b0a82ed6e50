//! The provisions of 《中华人民共和国行政处罚法》 (2021年修订) and 《中华人民共和国民法典》 that
//! the engine applies itself, quoted verbatim. A test checks every quote against the statute
//! texts in `../shared/laws`.

use std::borrow::Cow;

use crate::pack::model::Citation;

/// 《中华人民共和国行政处罚法》.
pub const APL: &str = "中华人民共和国行政处罚法";
/// 《中华人民共和国民法典》.
pub const CIVIL_CODE: &str = "中华人民共和国民法典";

/// A quoted provision of the 行政处罚法 or 民法典 known to the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provision {
    /// Art 28 ¶1: 责令改正.
    Correction,
    /// Art 28 ¶2: 没收违法所得.
    Confiscation,
    /// Art 29: one fine per act, the higher provision.
    OneFine,
    /// Art 30: minors.
    Minors,
    /// Art 31: mental incapacity.
    Incapacity,
    /// Art 32 (一)–(四) lead-in: 应当从轻或者减轻.
    Mitigation,
    /// Art 32 (一).
    EliminatedHarm,
    /// Art 32 (二).
    Coerced,
    /// Art 32 (三).
    Confessed,
    /// Art 32 (四).
    Meritorious,
    /// Art 33 ¶1 first sentence: 不予处罚 for minor, corrected, harmless acts.
    MinorCorrected,
    /// Art 33 ¶1 second sentence: 首违可以不罚.
    FirstOffence,
    /// Art 33 ¶2: no fault.
    NoFault,
    /// Art 33 ¶3: education.
    Education,
    /// Art 36 ¶1: time limit.
    Limitation,
    /// Art 36 ¶2: start of the period.
    LimitationStart,
    /// Art 37: law in force at the time of the act.
    LawInForce,
    /// Art 51: on-the-spot decisions.
    SimpleProcedure,
    /// Art 57 ¶2: collective discussion.
    CollectiveDiscussion,
    /// Art 58 ¶1: legal review.
    LegalReview,
    /// Art 63 ¶1: hearing notice.
    Hearing,
    /// Art 44: the notice before a decision (告知).
    PriorNotice,
    /// Art 45 ¶1: 陈述、申辩 heard and reviewed.
    Statement,
    /// Art 45 ¶2: no heavier penalty for a 陈述、申辩.
    NoHeavierPenalty,
    /// Art 64 (一): a hearing is requested within five days of the notice.
    HearingRequest,
    /// Art 66 ¶1: the decision is carried out within the period it states.
    Perform,
    /// Art 66 ¶2: 延期或者分期缴纳罚款.
    Deferral,
    /// Art 67 ¶3: the fine is paid within fifteen days.
    Payment,
    /// Art 72 ¶1 (一): 加处罚款 for late payment.
    LatePayment,
    /// Art 72 ¶1 (四): 申请人民法院强制执行.
    CourtEnforcement,
    /// Art 73 ¶1: 复议、诉讼期间不停止执行.
    NoStay,
    /// 民法典 art 1259: 以上 / 以下 include the bound.
    Bounds,
}

impl Provision {
    /// The citation with its verbatim quote.
    pub fn cite(self) -> Citation {
        let (law, article, paragraph, item, quote) = self.parts();
        Citation {
            law: Cow::Borrowed(law),
            article,
            paragraph,
            item,
            quote: Some(Cow::Borrowed(quote)),
        }
    }

    fn parts(self) -> (&'static str, u32, Option<u32>, Option<u32>, &'static str) {
        use Provision::*;
        match self {
            Correction => (
                APL,
                28,
                Some(1),
                None,
                "行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。",
            ),
            Confiscation => (
                APL,
                28,
                Some(2),
                None,
                "当事人有违法所得，除依法应当退赔的外，应当予以没收。违法所得是指实施违法行为所取得的款项。",
            ),
            OneFine => (
                APL,
                29,
                None,
                None,
                "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。",
            ),
            Minors => (
                APL,
                30,
                None,
                None,
                "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教；已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚。",
            ),
            Incapacity => (
                APL,
                31,
                None,
                None,
                "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗。间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚。尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚。",
            ),
            Mitigation => (
                APL,
                32,
                None,
                None,
                "当事人有下列情形之一，应当从轻或者减轻行政处罚：",
            ),
            EliminatedHarm => (
                APL,
                32,
                None,
                Some(1),
                "（一）主动消除或者减轻违法行为危害后果的；",
            ),
            Coerced => (
                APL,
                32,
                None,
                Some(2),
                "（二）受他人胁迫或者诱骗实施违法行为的；",
            ),
            Confessed => (
                APL,
                32,
                None,
                Some(3),
                "（三）主动供述行政机关尚未掌握的违法行为的；",
            ),
            Meritorious => (
                APL,
                32,
                None,
                Some(4),
                "（四）配合行政机关查处违法行为有立功表现的；",
            ),
            MinorCorrected => (
                APL,
                33,
                Some(1),
                None,
                "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。",
            ),
            FirstOffence => (
                APL,
                33,
                Some(1),
                None,
                "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。",
            ),
            NoFault => (
                APL,
                33,
                Some(2),
                None,
                "当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。",
            ),
            Education => (
                APL,
                33,
                Some(3),
                None,
                "对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。",
            ),
            Limitation => (
                APL,
                36,
                Some(1),
                None,
                "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。",
            ),
            LimitationStart => (
                APL,
                36,
                Some(2),
                None,
                "前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。",
            ),
            LawInForce => (
                APL,
                37,
                None,
                None,
                "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。",
            ),
            SimpleProcedure => (
                APL,
                51,
                None,
                None,
                "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。",
            ),
            CollectiveDiscussion => (
                APL,
                57,
                Some(2),
                None,
                "对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。",
            ),
            LegalReview => (
                APL,
                58,
                Some(1),
                None,
                "有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定：",
            ),
            Hearing => (
                APL,
                63,
                Some(1),
                None,
                "行政机关拟作出下列行政处罚决定，应当告知当事人有要求听证的权利，当事人要求听证的，行政机关应当组织听证：",
            ),
            PriorNotice => (
                APL,
                44,
                None,
                None,
                "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。",
            ),
            Statement => (
                APL,
                45,
                Some(1),
                None,
                "当事人有权进行陈述和申辩。行政机关必须充分听取当事人的意见，对当事人提出的事实、理由和证据，应当进行复核；当事人提出的事实、理由或者证据成立的，行政机关应当采纳。",
            ),
            NoHeavierPenalty => (
                APL,
                45,
                Some(2),
                None,
                "行政机关不得因当事人陈述、申辩而给予更重的处罚。",
            ),
            HearingRequest => (
                APL,
                64,
                None,
                Some(1),
                "（一）当事人要求听证的，应当在行政机关告知后五日内提出；",
            ),
            Perform => (
                APL,
                66,
                Some(1),
                None,
                "行政处罚决定依法作出后，当事人应当在行政处罚决定书载明的期限内，予以履行。",
            ),
            Deferral => (
                APL,
                66,
                Some(2),
                None,
                "当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳。",
            ),
            Payment => (
                APL,
                67,
                Some(3),
                None,
                "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。",
            ),
            LatePayment => (
                APL,
                72,
                Some(1),
                Some(1),
                "（一）到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额；",
            ),
            CourtEnforcement => (
                APL,
                72,
                Some(1),
                Some(4),
                "（四）依照《中华人民共和国行政强制法》的规定申请人民法院强制执行。",
            ),
            NoStay => (
                APL,
                73,
                Some(1),
                None,
                "当事人对行政处罚决定不服，申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。",
            ),
            Bounds => (
                CIVIL_CODE,
                1259,
                None,
                None,
                "民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。",
            ),
        }
    }

    /// Every provision, for the provenance test.
    pub const ALL: [Provision; 32] = {
        use Provision::*;
        [
            Correction,
            Confiscation,
            OneFine,
            Minors,
            Incapacity,
            Mitigation,
            EliminatedHarm,
            Coerced,
            Confessed,
            Meritorious,
            MinorCorrected,
            FirstOffence,
            NoFault,
            Education,
            Limitation,
            LimitationStart,
            LawInForce,
            SimpleProcedure,
            CollectiveDiscussion,
            LegalReview,
            Hearing,
            PriorNotice,
            Statement,
            NoHeavierPenalty,
            HearingRequest,
            Perform,
            Deferral,
            Payment,
            LatePayment,
            CourtEnforcement,
            NoStay,
            Bounds,
        ]
    };
}
