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
