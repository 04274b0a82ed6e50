//! The facts a table's words stand for: those the mapping declares (by their labels and other
//! wordings), the built-in ones (违法所得 and the circumstances of 行政处罚法 arts 32–33), the
//! bases the statutes name ([`crate::import::suggest_facts`]), and the facts the import declares
//! for words that name none of these — each with its unit, and saved into the mapping so that
//! the next import gives them the same ids.

use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::import::norm::Norm;
use crate::import::suggest_facts;
use crate::pack::model::{ColumnMapping, FactDef, FactKind, Role};
use crate::wording::circumstance_label;

/// Text folded as the parsers read it (no spaces, half-width, simplified).
pub(crate) fn folded(s: &str) -> String {
    Norm::new(s).chars.iter().collect()
}

/// Words of the built-in circumstances beside their labels (`wording::circumstance_label`):
/// the 1996 行政处罚法 art 27 and many tables say 及时纠正 for 及时改正.
const CIRCUMSTANCE_WORDS: &[(&str, &str)] = &[
    ("及时纠正", "corrected"),
    ("主动改正", "corrected"),
    ("未造成危害后果", "no_harm"),
    ("没有造成危害后果的", "no_harm"),
    ("首次违法", "first_offence"),
];

/// Circumstance wordings of statutes and the ids the reference pack gives them, for facts the
/// import declares.
const KNOWN_FLAGS: &[(&str, &str)] = &[
    ("情节严重", "serious"),
    ("造成严重后果", "serious_consequence"),
    ("逾期不改正", "overdue_uncorrected"),
    ("逾期未改正", "overdue_uncorrected"),
    ("逾期不办理", "overdue_uncorrected"),
    ("逾期不补报", "overdue_uncorrected"),
    ("逾期仍不改正", "overdue_uncorrected"),
    ("逾期拒不缴纳", "overdue_unpaid"),
    ("逾期不采取补救措施", "overdue_unremedied"),
    ("造成工程质量事故", "quality_accident"),
    ("尚可采取改正措施消除对规划实施的影响", "correctable"),
    ("不能拆除", "cannot_demolish"),
];

/// A fact found for some words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Its id.
    pub id: String,
    /// Its declaration, unless it is built in.
    pub def: Option<FactDef>,
    /// Whether this import declared it (the report says so).
    pub created: bool,
}

/// The facts (and the roles) known to one import. Every wording is folded once, here: the
/// parsers look words up for every cell.
pub(crate) struct FactBook {
    known: Vec<FactDef>,
    words: Vec<(String, String)>,
    created: Vec<FactDef>,
    roles: Vec<Role>,
    /// The folded labels of `known` then `created`, in [`Self::all`]'s order.
    labels: Vec<String>,
    /// The built-in circumstances' labels, folded, with their ids.
    circumstances: Vec<(String, &'static str)>,
    /// [`CIRCUMSTANCE_WORDS`] folded, with their ids.
    circumstance_words: Vec<(String, &'static str)>,
}

impl FactBook {
    pub fn new(mapping: &ColumnMapping) -> FactBook {
        FactBook {
            known: mapping.facts.clone(),
            words: mapping
                .words
                .iter()
                .map(|(w, id)| (folded(w), id.clone()))
                .collect(),
            created: Vec::new(),
            roles: mapping.roles.clone(),
            labels: mapping.facts.iter().map(|d| folded(&d.label)).collect(),
            circumstances: Circumstances::NAMES
                .iter()
                .filter_map(|id| circumstance_label(id).map(|l| (folded(l), *id)))
                .collect(),
            circumstance_words: CIRCUMSTANCE_WORDS
                .iter()
                .map(|(w, id)| (folded(w), *id))
                .collect(),
        }
    }

    /// Each fact with its folded label.
    fn labelled(&self) -> impl Iterator<Item = (&FactDef, &str)> {
        self.all().zip(self.labels.iter().map(String::as_str))
    }

    /// The mapping's role whose label is these (folded) words.
    pub fn role(&self, words: &str) -> Option<&Role> {
        self.roles.iter().find(|r| folded(&r.label) == words)
    }

    /// The facts this import declared, for the saved mapping.
    pub fn created(&self) -> &[FactDef] {
        &self.created
    }

    fn all(&self) -> impl Iterator<Item = &FactDef> {
        self.known.iter().chain(&self.created)
    }

    /// Every label and wording of a yes/no fact (folded), for protecting them from being split
    /// at 或 / 、 inside them.
    pub fn flag_words(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .labelled()
            .filter(|(d, _)| matches!(d.kind, FactKind::Bool))
            .map(|(_, l)| l.to_string())
            .chain(self.words.iter().map(|(w, _)| w.clone()))
            .chain(self.circumstances.iter().map(|(l, _)| l.clone()))
            .chain(self.circumstance_words.iter().map(|(w, _)| w.clone()))
            .collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        v.dedup();
        v
    }

    /// Labels of number facts (folded), longest first.
    pub fn number_words(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .labelled()
            .filter(|(d, _)| matches!(d.kind, FactKind::Number { .. }))
            .map(|(_, l)| l.to_string())
            .collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        v.dedup();
        v
    }

    /// The yes/no fact worded so (folded words).
    pub fn flag(&self, words: &str) -> Option<Found> {
        let w = words.trim_end_matches('的');
        if let Some((d, _)) = self
            .labelled()
            .find(|(d, l)| matches!(d.kind, FactKind::Bool) && *l == w)
        {
            return Some(self.found(d));
        }
        if let Some((_, id)) = self.words.iter().find(|(x, _)| x == w) {
            return self.by_id(id, |k| matches!(k, FactKind::Bool));
        }
        if let Some((_, id)) = self.circumstances.iter().find(|(l, _)| l == w) {
            return Some(builtin(id));
        }
        self.circumstance_words
            .iter()
            .find(|(x, _)| x.trim_end_matches('的') == w)
            .map(|(_, id)| builtin(id))
    }

    /// The number fact worded so (folded words; a unit to tell facts of the same words apart).
    pub fn number(&self, words: &str, unit: Option<&str>) -> Option<Found> {
        let w = words.trim_end_matches('的');
        if w == "违法所得" {
            return Some(builtin(ILLEGAL_GAINS));
        }
        let unit_ok = |d: &FactDef| match (&d.kind, unit) {
            (FactKind::Number { unit: u }, Some(want)) => u == want,
            (FactKind::Number { .. }, None) => true,
            _ => false,
        };
        if let Some((d, _)) = self.labelled().find(|(d, l)| *l == w && unit_ok(d)) {
            return Some(self.found(d));
        }
        if let Some((_, id)) = self.words.iter().find(|(x, _)| x == w) {
            return self.by_id(id, |k| matches!(k, FactKind::Number { .. }));
        }
        None
    }

    /// The number fact with this unit, where exactly one known fact has it ("每平方米").
    pub fn number_by_unit(&self, unit: &str) -> Option<Found> {
        let mut it = self
            .all()
            .filter(|d| matches!(&d.kind, FactKind::Number { unit: u } if u == unit));
        let first = it.next()?;
        it.next().is_none().then(|| self.found(first))
    }

    fn by_id(&self, id: &str, kind: impl Fn(&FactKind) -> bool) -> Option<Found> {
        if let Some(d) = self.all().find(|d| d.id == id && kind(&d.kind)) {
            return Some(self.found(d));
        }
        (id == ILLEGAL_GAINS || Circumstances::NAMES.contains(&id)).then(|| builtin(id))
    }

    fn found(&self, d: &FactDef) -> Found {
        Found {
            id: d.id.clone(),
            def: Some(d.clone()),
            created: self.created.iter().any(|c| c == d),
        }
    }

    /// Declares a yes/no fact for words that name no known one ("情节严重").
    pub fn create_flag(&mut self, words: &str) -> Found {
        let label = words.trim_end_matches('的').to_string();
        let preferred = KNOWN_FLAGS
            .iter()
            .find(|(w, _)| *w == label)
            .map(|(_, id)| id.to_string());
        self.create(label, FactKind::Bool, preferred)
    }

    /// Declares a number fact for words that name no known one ("违法建设面积", 平方米); the base
    /// of a fine is named as the reference pack names it, where it knows the words.
    pub fn create_number(&mut self, words: &str, unit: &str) -> Found {
        let label = words.trim_end_matches('的').to_string();
        let ids = suggest_facts(&label);
        let preferred = (ids.len() == 1).then(|| ids[0].to_string());
        self.create(
            label,
            FactKind::Number {
                unit: unit.to_string(),
            },
            preferred,
        )
    }

    fn create(&mut self, label: String, kind: FactKind, preferred: Option<String>) -> Found {
        let taken = |id: &str, book: &FactBook| {
            id == ILLEGAL_GAINS
                || Circumstances::NAMES.contains(&id)
                || book.all().any(|d| d.id == id && d.kind != kind)
        };
        let id = match preferred {
            Some(p) if !taken(&p, self) => p,
            _ => {
                let mut n = 1;
                loop {
                    let id = format!("fact_{n}");
                    if !self.all().any(|d| d.id == id) {
                        break id;
                    }
                    n += 1;
                }
            }
        };
        let def = FactDef {
            id: id.clone(),
            label,
            kind,
            help: None,
        };
        self.labels.push(folded(&def.label));
        self.created.push(def.clone());
        Found {
            id,
            def: Some(def),
            created: true,
        }
    }
}

fn builtin(id: &str) -> Found {
    Found {
        id: id.to_string(),
        def: None,
        created: false,
    }
}
