//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cailiang::pack::LoadedPack;

/// Every pack file in benchmarks/.
pub fn pack_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("benchmarks/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no packs in benchmarks/");
    v
}

/// Loads a pack file, panicking with the Chinese error if it does not parse.
pub fn load(path: &Path) -> LoadedPack {
    let text = std::fs::read_to_string(path).expect("readable pack");
    cailiang::load_pack(&path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Calls `f` for every case of every pack in benchmarks/.
pub fn for_each_pack_case(
    mut f: impl FnMut(
        &Path,
        &LoadedPack,
        &cailiang::pack::model::Item,
        &cailiang::pack::model::PackCase,
    ),
) {
    for path in pack_files() {
        let lp = load(&path);
        for item in &lp.pack.items {
            for pc in &item.cases {
                f(&path, &lp, item, pc);
            }
        }
    }
}

/// The embedded reference pack.
pub fn reference() -> LoadedPack {
    cailiang::load_pack(cailiang::REFERENCE_PACK_FILE, cailiang::REFERENCE_PACK)
        .expect("reference pack loads")
}

/// Chinese numerals for a whole number below 10^12, as statutes write amounts
/// (二十万, 一万, 五千, 一千二百).
pub fn chinese(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    fn below_10000(n: u64, out: &mut String, pad: bool) {
        let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
        let mut zero = false;
        let mut started = pad;
        for (u, name) in units {
            let d = (n / u) % 10;
            if d == 0 {
                if started {
                    zero = true;
                }
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push_str(D[d as usize]);
            out.push_str(name);
            started = true;
        }
    }
    if n == 0 {
        return "零".into();
    }
    let mut out = String::new();
    let yi = n / 100_000_000;
    let wan = (n / 10_000) % 10_000;
    let rest = n % 10_000;
    if yi > 0 {
        below_10000(yi, &mut out, false);
        out.push('亿');
    }
    if wan > 0 {
        below_10000(wan, &mut out, yi > 0 && wan < 1000);
        out.push('万');
    } else if yi > 0 && rest > 0 {
        out.push('零');
    }
    if rest > 0 {
        below_10000(rest, &mut out, (yi > 0 || wan > 0) && rest < 1000);
    }
    // 一十 is written 十 at the start.
    if out.starts_with("一十") {
        out.remove(0);
    }
    out
}

/// The ways a statute may write a number (Arabic, 万, Chinese numerals).
pub fn spellings(v: rust_decimal::Decimal) -> Vec<String> {
    let v = v.normalize();
    let mut out = vec![v.to_string()];
    if v.fract().is_zero() && v >= rust_decimal::Decimal::ZERO {
        let n: u64 = v.to_string().parse().unwrap_or(0);
        out.push(chinese(n));
        if n >= 10_000 && n % 10_000 == 0 {
            out.push(format!("{}万", n / 10_000));
            out.push(format!("{}万", chinese(n / 10_000)));
        }
        if n >= 10_000 && n % 1000 == 0 && n % 10_000 != 0 {
            let w = rust_decimal::Decimal::from(n) / rust_decimal::Decimal::from(10_000);
            out.push(format!("{}万", w.normalize()));
        }
        if n >= 1000 && n % 1000 == 0 {
            out.push(format!("{}千", n / 1000));
        }
    } else {
        // 0.5 → 零点五
        let s = v.to_string();
        let zh: String = s
            .chars()
            .map(|c| match c {
                '.' => "点".to_string(),
                d => chinese(d.to_digit(10).unwrap_or(0) as u64),
            })
            .collect();
        out.push(zh);
    }
    out
}

/// Where the statute texts are: $CAILIANG_LAWS or ../shared/laws.
pub fn laws_dir() -> PathBuf {
    std::env::var_os("CAILIANG_LAWS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/laws"))
}

/// Text with all white space removed (the law files keep scraped line breaks and full-width
/// spaces).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}
