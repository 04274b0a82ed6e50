//! Every pack in benchmarks/ validates without errors or warnings, and every case it carries
//! passes.

mod common;

use cailiang::validate::{cases::check_case, validate};

#[test]
fn every_pack_validates_cleanly() {
    for path in common::pack_files() {
        let lp = common::load(&path);
        let report = validate(&lp);
        assert!(
            report.errors.is_empty() && report.warnings.is_empty(),
            "{}\n{}",
            report.summary(),
            report.lines().join("\n")
        );
    }
}

#[test]
fn every_pack_case_passes() {
    let mut run = 0;
    let mut failures = Vec::new();
    common::for_each_pack_case(|path, lp, item, pc| {
        run += 1;
        if let Err(e) = check_case(lp, item, pc) {
            failures.push(format!(
                "{} {} “{}”：{e}",
                path.display(),
                item.code,
                pc.name
            ));
        }
    });
    assert!(run > 0, "no pack cases ran");
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn reference_pack_is_embedded_and_marked_as_example() {
    let lp = common::reference();
    assert!(lp.pack.meta.reference_only, "参考示例 flag");
    assert!(
        lp.pack
            .meta
            .notes
            .as_deref()
            .unwrap_or("")
            .contains("参考示例")
    );
    assert_eq!(lp.hash.len(), 64);
}

/// The web app's copy of the reference pack (build.rs) is the file without its test cases, and
/// carries the file's own SHA-256, so a result's provenance names the file a reviewer can check.
#[test]
fn the_apps_reference_pack_is_the_file_without_its_cases() {
    let full = common::reference();
    let app = cailiang::reference_pack().expect("the app's reference pack loads");
    assert_eq!(app.hash, full.hash);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(cailiang::REFERENCE_PACK_FILE);
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(app.hash, cailiang::pack::load::content_hash(&bytes));
    assert_eq!(app.file, full.file);
    assert!(app.pack.items.iter().all(|i| i.cases.is_empty()));
    assert!(full.pack.items.iter().any(|i| !i.cases.is_empty()));
    let mut without_cases = full.pack.clone();
    for item in &mut without_cases.items {
        item.cases.clear();
    }
    assert_eq!(app.pack, without_cases);
    assert!(cailiang::REFERENCE_PACK_APP.len() < cailiang::REFERENCE_PACK.len() / 2);
}
