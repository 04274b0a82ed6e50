//! The pack validator: errors for packs the engine cannot apply correctly, warnings for packs
//! that are applicable but doubtful (tier ranges outside the statute, gaps or overlaps between
//! quantitative tiers, unreachable tiers, uncovered parts of the statutory range, missing
//! citations, failing pack cases).

pub mod cases;
pub mod coverage;
pub mod structure;

use serde::Serialize;

use crate::pack::{LoadedPack, PackError, load_pack};

/// One finding, located by JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// JSON path in the pack, e.g. `$.items[3].tiers[1]`.
    pub path: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

/// The validator's report on one pack file.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// The finding for a file that is not a pack.
fn unreadable_finding(e: &PackError) -> Finding {
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
    structure::check(&lp.pack, &mut errors, &mut warnings);
    if errors.is_empty() {
        coverage::check(&lp.pack, &mut warnings);
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
