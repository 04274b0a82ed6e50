//! Reading a bureau's published benchmark: the Chinese of its cells — fine clauses, tier
//! conditions, citations — into the pack model's types, each result saying which words each
//! number came from, and what could not be read with certainty reported rather than guessed.

mod bases;
mod citation;
mod clause;
mod condition;
mod fine;
mod norm;
mod numeral;
mod penalty;
mod statutes;

pub use bases::{KNOWN_BASES, suggest_facts};
pub use citation::{CitationParse, ParsedCitation, parse_citations};
pub use clause::{ClauseParse, NotUnderstood, ParsedFine, ParsedPenalty, Party, parse_clause};
pub use condition::{CondTree, ConditionParse, QuantityTest, parse_condition};
pub use fine::{NumberUse, Role, Unit};
pub use norm::Fragment;
pub use statutes::{QuoteError, StatuteLibrary, law_key, squash};
