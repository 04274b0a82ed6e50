//! What a source of decided cases states. A JSON decided case states everything (a step it
//! does not mark as done was not done); a case table states only what its columns hold — the
//! library's export, for instance, has no column for whether 法制审核 was done. A check that
//! needs a record the source does not state is not run, and the summary lists it as not checked,
//! rather than reporting every case as lacking it.

use serde::Serialize;

/// A record of the case file a check may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    /// The fines imposed.
    Fines,
    /// The item each fine was imposed under.
    FineItems,
    /// The rate each fine states (percentage, multiple, per unit).
    FineRates,
    /// The responsible persons' fines.
    PersonalFines,
    /// The other penalties and orders.
    Penalties,
    /// A no-penalty decision and its ground.
    NoPenalty,
    /// The decision on a 可以不予处罚 ground (`case.waive`).
    Waive,
    /// 简易 or 普通程序.
    ProcedureKind,
    /// 听证告知.
    HearingNotified,
    /// A hearing asked for.
    HearingRequested,
    /// A hearing held.
    HearingHeld,
    /// 法制审核.
    LegalReview,
    /// 集体讨论.
    CollectiveDiscussion,
    /// 教育.
    Education,
    /// 立案日期.
    Filed,
    /// 告知日期.
    Notified,
    /// 决定日期.
    Decided,
    /// A departure's reason and approval.
    Departure,
    /// The decisions on the act's other parties.
    PartyDecisions,
}

impl Record {
    /// Every record.
    pub const ALL: [Record; 19] = [
        Record::Fines,
        Record::FineItems,
        Record::FineRates,
        Record::PersonalFines,
        Record::Penalties,
        Record::NoPenalty,
        Record::Waive,
        Record::ProcedureKind,
        Record::HearingNotified,
        Record::HearingRequested,
        Record::HearingHeld,
        Record::LegalReview,
        Record::CollectiveDiscussion,
        Record::Education,
        Record::Filed,
        Record::Notified,
        Record::Decided,
        Record::Departure,
        Record::PartyDecisions,
    ];

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Record::Fines => "罚款数额",
            Record::FineItems => "罚款所依违法行为",
            Record::FineRates => "罚款比例或倍数",
            Record::PersonalFines => "责任人员罚款",
            Record::Penalties => "其他处罚",
            Record::NoPenalty => "不予处罚决定",
            Record::Waive => "可以不予处罚的决定",
            Record::ProcedureKind => "简易或普通程序",
            Record::HearingNotified => "听证告知",
            Record::HearingRequested => "要求听证",
            Record::HearingHeld => "举行听证",
            Record::LegalReview => "法制审核",
            Record::CollectiveDiscussion => "集体讨论",
            Record::Education => "教育",
            Record::Filed => "立案日期",
            Record::Notified => "告知日期",
            Record::Decided => "决定日期",
            Record::Departure => "偏离基准的理由和批准",
            Record::PartyDecisions => "其他当事人的处理决定",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The records a source states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated(u32);

impl Stated {
    /// Everything (a JSON decided case).
    pub fn all() -> Stated {
        Stated(Record::ALL.iter().fold(0, |a, r| a | r.bit()))
    }

    /// Nothing yet.
    pub fn none() -> Stated {
        Stated(0)
    }

    /// With `r` stated.
    pub fn with(self, r: Record) -> Stated {
        Stated(self.0 | r.bit())
    }

    /// Whether `r` is stated.
    pub fn has(self, r: Record) -> bool {
        self.0 & r.bit() != 0
    }

    /// Whether every record of `needs` is stated.
    pub fn has_all(self, needs: &[Record]) -> bool {
        needs.iter().all(|r| self.has(*r))
    }

    /// The records not stated.
    pub fn missing(self) -> Vec<Record> {
        Record::ALL.into_iter().filter(|r| !self.has(*r)).collect()
    }
}
