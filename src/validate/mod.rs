//! The pack validator: errors for packs the engine cannot apply correctly (references to rows,
//! facts, roles or bands that do not exist; derived facts it cannot derive; tiers whose range is
//! empty or misses the statute), warnings for packs that are applicable but doubtful (tier
//! ranges reaching outside the statute, gaps or overlaps between tiers' conditions, rows no
//! case can reach, bands that overlap or leave gaps, uncovered parts of the statutory range,
//! missing citations, failing pack cases).
//!
//! One concept per module: `structure` (the pack as written), `split` (the bands), `derived`
//! (declared and derived facts), `conditions` (the facts a condition reads), `tiers` (which
//! tiers an item uses: `used`; the tier lists: `tiers`), `references` (rows naming rows),
//! `amounts` (tier amounts against the statute), `reductions` (the row's 减轻 list), `uncovered`
//! (parts of the statutory range no tier covers), `regions`, `gaps` and `coverage` (what
//! conditions allow, overlaps and gaps), `reach` (rows no case reaches), `cases` (pack cases).

mod amounts;
pub mod cases;
mod conditions;
pub mod coverage;
mod derived;
mod gaps;
mod reach;
mod reductions;
mod references;
pub mod regions;
mod split;
pub mod structure;
mod tiers;
mod uncovered;
mod used;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pack::{LoadedPack, PackError, load_pack};

/// This build's validator (build.rs: a hash of src/validate, src/pack and src/engine). A pack
/// text saved with [`acceptance_mark`] was accepted by it.
pub const VALIDATOR_ID: &str = env!("CAILIANG_VALIDATOR_ID");

/// The mark of a pack text this build's validator accepted: its id and the text's hash. The
/// officer's page, which does not carry the validator, takes a saved pack again only with it.
pub fn acceptance_mark(hash: &str) -> String {
    format!("{VALIDATOR_ID}:{hash}")
}

/// A finding at `path`.
pub(crate) fn f(path: String, message: impl Into<String>) -> Finding {
    Finding {
        path,
        message: message.into(),
    }
}

/// One finding, located by JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// JSON path in the pack, e.g. `$.items[3].tiers[1]`.
    pub path: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

/// The validator's report on one pack file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// File name or URL.
    pub file: String,
    /// Pack id, when it parsed.
    pub pack_id: Option<String>,
    /// Content hash, when it parsed.
    pub hash: Option<String>,
    /// Number of items.
    pub items: usize,
    /// Pack cases run.
    pub cases: usize,
    /// Pack cases that failed.
    pub cases_failed: usize,
    /// Errors: the pack must not be used.
    pub errors: Vec<Finding>,
    /// Warnings: the pack can be used, but should be checked.
    pub warnings: Vec<Finding>,
}

impl Report {
    /// A report with no findings and nothing counted, e.g. for the embedded pack.
    pub fn empty(file: &str) -> Report {
        Report {
            file: file.to_string(),
            pack_id: None,
            hash: None,
            items: 0,
            cases: 0,
            cases_failed: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The report on a file that could not be read as a pack at all.
    pub fn rejected(file: &str, finding: Finding) -> Report {
        Report {
            errors: vec![finding],
            ..Report::empty(file)
        }
    }

    /// No errors.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// One summary line in Chinese.
    pub fn summary(&self) -> String {
        let status = if !self.errors.is_empty() {
            "无效"
        } else if !self.warnings.is_empty() {
            "有效（有警告）"
        } else {
            "有效"
        };
        format!(
            "{}：{status}，{} 个违法行为，用例 {} 个（失败 {}），错误 {} 个，警告 {} 个{}",
            self.file,
            self.items,
            self.cases,
            self.cases_failed,
            self.errors.len(),
            self.warnings.len(),
            self.hash
                .as_ref()
                .map(|h| format!("，内容摘要 {}", h.get(..12).unwrap_or(h)))
                .unwrap_or_default()
        )
    }

    /// Every finding as "错误/警告 path：message" lines.
    pub fn lines(&self) -> Vec<String> {
        let e = self
            .errors
            .iter()
            .map(|f| format!("  错误 {}：{}", f.path, f.message));
        let w = self
            .warnings
            .iter()
            .map(|f| format!("  警告 {}：{}", f.path, f.message));
        e.chain(w).collect()
    }
}

/// A pack file refused by [`accept_pack`].
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The validator's report: the parse error, or the validation errors.
    pub report: Report,
    /// The typed error, when the file could not be read as a pack at all.
    pub unreadable: Option<PackError>,
}

/// The one door through which a pack file is taken into use — by the app, the JS API and the
/// CLI alike: parsed, hashed and validated; a pack the validator finds errors in is refused
/// with its report, exactly as one that does not parse. The report of an accepted pack holds
/// its warnings.
pub fn accept_pack(file: &str, text: &str) -> Result<(LoadedPack, Report), Box<Refused>> {
    match load_pack(file, text) {
        Ok(lp) => {
            let report = validate(&lp);
            if report.is_ok() {
                Ok((lp, report))
            } else {
                Err(Box::new(Refused {
                    report,
                    unreadable: None,
                }))
            }
        }
        Err(e) => Err(Box::new(Refused {
            report: Report::rejected(file, unreadable_finding(&e)),
            unreadable: Some(e),
        })),
    }
}

/// [`accept_pack`]'s answer on a pack file, as the on-demand module that validates the
/// officer's packs (`validatePack`, src/bin/check.rs) gives it to the officer's page, which reads
/// it with [`crate::form::action::Action::pack_checked`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// The validator that answered ([`VALIDATOR_ID`] of the module's build).
    pub validator: String,
    /// Its report: errors (refused) or warnings (accepted).
    pub report: Report,
}

/// [`Checked`] for `text` as JSON.
pub fn checked_json(file: &str, text: &str) -> String {
    let report = match accept_pack(file, text) {
        Ok((_, report)) => report,
        Err(refused) => refused.report,
    };
    let checked = Checked {
        validator: VALIDATOR_ID.to_string(),
        report,
    };
    // A struct of strings and numbers always serialises; an empty answer is refused anyway.
    serde_json::to_string(&checked).unwrap_or_default()
}

/// The finding for a file that is not a pack.
pub(crate) fn unreadable_finding(e: &PackError) -> Finding {
    match e {
        PackError::Format { path, message, .. } => Finding {
            path: path.clone(),
            message: message.clone(),
        },
        other => Finding {
            path: "$.format_version".into(),
            message: other.to_string(),
        },
    }
}

/// Parses and validates pack text.
pub fn validate_text(file: &str, text: &str) -> (Option<LoadedPack>, Report) {
    match load_pack(file, text) {
        Ok(lp) => {
            let r = validate(&lp);
            (Some(lp), r)
        }
        Err(e) => (None, Report::rejected(file, unreadable_finding(&e))),
    }
}

/// Validates a loaded pack.
pub fn validate(lp: &LoadedPack) -> Report {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let pack = &lp.pack;
    structure::check(pack, &mut errors, &mut warnings);
    let mut codes = BTreeMap::new();
    for (i, item) in pack.items.iter().enumerate() {
        codes.entry(item.code.as_str()).or_insert(i);
    }
    let used: Vec<used::Used<'_>> = (0..pack.items.len())
        .map(|i| used::used(pack, &codes, i))
        .collect();
    for (i, u) in used.iter().enumerate() {
        tiers::check_use(pack, u, &mut errors);
        references::check_item(pack, &codes, i, u, &mut errors, &mut warnings);
        amounts::check_item(pack, u, &mut errors, &mut warnings);
        cases::check_static(pack, &codes, i, &mut errors);
    }
    references::adjust_needed(pack, &mut warnings);
    // The doubts about coverage and reach are worth reading once the pack is applicable.
    if errors.is_empty() {
        for (i, u) in used.iter().enumerate() {
            reach::check_item(pack, i, u, &mut warnings);
            uncovered::check(pack, u, &mut warnings);
            let conditional = u
                .tiers
                .iter()
                .any(|t| t.when.is_some() || t.overrides.is_some());
            if let (used::Source::Own, Some(item), true) =
                (u.source, pack.items.get(i), conditional)
            {
                coverage::check(
                    pack,
                    item,
                    u.tiers,
                    &format!("$.items[{i}].tiers"),
                    &mut warnings,
                );
            }
        }
        if let Some(u) = used
            .iter()
            .find(|u| u.source == used::Source::Table && !u.tiers.is_empty())
        {
            if let Some(item) = pack.items.get(u.item) {
                coverage::check(pack, item, u.tiers, "$.rules.tiers", &mut warnings);
            }
        }
    }
    let (cases, failed) = if errors.is_empty() {
        cases::run_all(lp, &mut warnings)
    } else {
        (0, 0)
    };
    Report {
        file: lp.file.clone(),
        pack_id: Some(lp.pack.meta.id.clone()),
        hash: Some(lp.hash.clone()),
        items: lp.pack.items.len(),
        cases,
        cases_failed: failed,
        errors,
        warnings,
    }
}
