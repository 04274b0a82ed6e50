//! Reading a bureau's published benchmark: the Chinese of its cells — fine clauses, tier
//! conditions, citations — into the pack model's types, each result saying which words each
//! number came from ([`Fragment`]: byte offsets into the text given, and the words), and what
//! could not be read with certainty reported ([`NotUnderstood`]) rather than guessed.
//!
//! - [`parse_clause`]: "处…罚款" and the penalties and orders of a clause → [`ParsedFine`]
//!   (a [`FineForm`](crate::pack::model::FineForm) whose base is still the statute's words;
//!   [`suggest_facts`] maps known bases to the reference pack's fact ids) and
//!   [`ParsedPenalty`] (a [`PenaltyKind`](crate::pack::model::PenaltyKind) and its words).
//! - [`parse_condition`]: a tier's wording → comparisons on named quantities, turned into a
//!   pack [`Condition`](crate::pack::model::Condition) by [`CondTree::to_condition`] with the
//!   caller's quantity → fact mapping.
//! - [`parse_citations`]: "《…》第…条第…款第（…）项" → [`Citation`](crate::pack::model::Citation)
//!   values, quoted from a [`StatuteLibrary`] when one is given.
//! - [`check_fine`]: a pack's fine rule against the text it quotes, number by number.
//!
//! The table files themselves are read by [`crate::table`].

mod bases;
mod citation;
mod clause;
mod condition;
mod fine;
pub mod layout;
mod norm;
mod numeral;
mod penalty;
pub mod pipeline;
pub mod session;
mod statutes;
mod verify;

pub use bases::{KNOWN_BASES, suggest_facts};
pub use citation::{CitationParse, ParsedCitation, parse_citations};
pub use clause::{
    ClauseParse, NotUnderstood, ParsedFine, ParsedPenalty, Party, parse_clause, parse_standard,
};
pub use condition::{CondTree, ConditionParse, QuantityTest, parse_condition};
pub use fine::{NumberUse, Role, Unit};
pub use norm::Fragment;
pub use statutes::{QuoteError, StatuteLibrary, law_key, squash};
pub use verify::{FineCheck, check_fine, same_fine};
