//! The fuzz targets' oracles, without a fuzzing engine: every saved corpus file
//! (`fuzz/corpora/TARGET/`) and every minimised crash (`tests/fuzz_regressions/TARGET/`) goes
//! through the same function the fuzz target calls (fuzz/src/oracle.rs, included here), so a
//! fixed crash stays fixed and the corpora keep exercising the parsers and the engine.
//! `scripts/fuzz` runs the targets themselves.

#![allow(dead_code)]

#[path = "../fuzz/src/arb.rs"]
mod arb;
#[path = "../fuzz/src/numerals.rs"]
mod numerals;
#[path = "../fuzz/src/oracle.rs"]
mod oracle;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.is_file());
    v.sort();
    v
}

/// Runs every file under `root/TARGET/` through TARGET's oracle; returns how many ran.
fn replay(root: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
    let mut n = 0;
    for (name, check) in oracle::TARGETS {
        for f in files(&root.join(name)) {
            let data = std::fs::read(&f).expect("readable");
            let r = std::panic::catch_unwind(|| check(&data));
            assert!(r.is_ok(), "{name}: {} fails its oracle", f.display());
            n += 1;
        }
    }
    n
}

#[test]
fn saved_corpora_pass_the_oracles() {
    let n = replay("fuzz/corpora");
    assert!(
        n > 100,
        "only {n} corpus files: the saved corpora are missing"
    );
}

#[test]
fn minimised_crashes_stay_fixed() {
    let n = replay("tests/fuzz_regressions");
    assert!(n > 0, "no regression inputs found");
}

/// The reverse numeral parsers the round-trip oracle relies on read what the project writes.
#[test]
fn reverse_numeral_parsers_read_known_forms() {
    for (n, w) in [
        (0, "零"),
        (15, "十五"),
        (105, "一百零五"),
        (100_005, "十万零五"),
        (1_000_100_000_000, "一万零一亿"),
    ] {
        assert_eq!(cailiang::text::chinese_number(n), w);
        assert_eq!(numerals::parse_chinese_number(w), Some(n), "{w}");
    }
    for (a, w) in [
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("0.05", "伍分"),
        ("15", "拾伍元整"),
        ("0", "零元整"),
    ] {
        let d: rust_decimal::Decimal = a.parse().unwrap();
        assert_eq!(
            numerals::parse_amount_in_words(w),
            Some(d.normalize()),
            "{w}"
        );
    }
    assert_eq!(numerals::parse_chinese_number("五五"), None);
    assert_eq!(numerals::plain_digits("+007.50"), "7.5");
    assert_eq!(numerals::plain_digits("-0.0"), "0");
}
