//! What each fuzz target checks, beyond "no panic". Shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`, one line each) and by the main package's `cargo test`
//! (`tests/fuzz_corpus.rs` includes this file and `arb.rs` with `#[path]` and replays every
//! saved corpus file and every regression input through the same functions).
//!
//! Every function takes the raw input bytes and panics (assert) when an oracle fails; that is
//! how libFuzzer and the replay test see a failure.
//!
//! To add a target (e.g. the import readers: CSV, xlsx, docx, clause text):
//! 1. write `pub fn csv(data: &[u8])` here, asserting what the reader promises (no panic; every
//!    error names the file and the sheet/cell or row; a table that reads gives a pack that
//!    loads — `check_loaded_pack` below);
//! 2. add `fuzz_targets/csv.rs` (`fuzz_target!(|d: &[u8]| cailiang_fuzz::oracle::csv(d));`) and
//!    a `[[bin]]` in fuzz/Cargo.toml;
//! 3. add `("csv", oracle::csv)` to `TARGETS` below; `scripts/fuzz` and the replay test pick it
//!    up from there (seeds go in `fuzz/seeds/csv/`).

use std::sync::OnceLock;

use cailiang::case::Case;
use cailiang::engine::range::yuan;
use cailiang::engine::result::{EvalResult, Level, Outcome};
use cailiang::pack::{LoadedPack, PackError};
use rust_decimal::Decimal;

/// A target's oracle: takes the input bytes, panics when a check fails.
pub type Oracle = fn(&[u8]);

/// Every target: its name (the fuzz binary, the corpus folder) and its oracle.
pub const TARGETS: &[(&str, Oracle)] = &[
    ("pack", pack),
    ("case", case),
    ("structured", structured),
    ("draft", draft),
    ("words", words),
    ("date", date),
    ("decimal", decimal),
    ("table", table),
    ("clause", clause),
];

/// The embedded reference pack, parsed once.
pub fn reference() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| cailiang::reference_pack().expect("the embedded reference pack loads"))
}

/// Whether the text holds a Chinese character (every user-facing message must).
pub fn is_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn as_text(data: &[u8]) -> Option<&str> {
    // A file that is not UTF-8 is refused before any parser sees it (the CLI and the app read
    // text); the parsers take &str.
    std::str::from_utf8(data).ok()
}

// ---------------------------------------------------------------------------------------------
// Packs

/// Pack bytes → parse → validate. An error names the file and a JSON path, in Chinese; a pack
/// that parses serialises back to text that parses to an equal pack.
pub fn pack(data: &[u8]) {
    let Some(text) = as_text(data) else { return };
    let lp = match cailiang::load_pack("fuzz.json", text) {
        Err(e) => return check_pack_error(&e),
        Ok(lp) => lp,
    };
    check_loaded_pack(&lp);
    // What `validate::validate_text` does once the pack has loaded.
    let report = cailiang::validate::validate(&lp);
    for f in report.errors.iter().chain(&report.warnings) {
        assert!(
            f.path.starts_with('$'),
            "finding without a JSON path: {f:?}"
        );
        assert!(is_chinese(&f.message), "finding not in Chinese: {f:?}");
    }
}

/// A load error names the file, and a format error a JSON path, in Chinese.
pub fn check_pack_error(e: &PackError) {
    let s = e.to_string();
    assert!(
        s.starts_with("fuzz.json"),
        "error does not name the file: {s}"
    );
    assert!(is_chinese(&s), "error not in Chinese: {s}");
    if let PackError::Format { path, message, .. } = e {
        assert!(path.starts_with('$'), "no JSON path: {s}");
        assert!(is_chinese(message), "message not in Chinese: {s}");
    }
}

/// serialise → parse gives an equal pack, and serialising that gives the same text.
pub fn check_loaded_pack(lp: &LoadedPack) {
    let text = serde_json::to_string(&lp.pack).expect("a pack serialises");
    let again = match cailiang::load_pack("fuzz.json", &text) {
        Ok(p) => p,
        Err(e) => panic!("a parsed pack, serialised, does not parse: {e}\n{text}"),
    };
    assert!(
        again.pack == lp.pack,
        "round trip changed the pack:\n{text}"
    );
    let text2 = serde_json::to_string(&again.pack).expect("a pack serialises");
    assert_eq!(text, text2, "serialisation is not stable");
}

// ---------------------------------------------------------------------------------------------
// Cases

/// Case bytes → parse (as the CLI and the JS API read a case) → evaluate on the reference pack,
/// then the result oracles and the 说理 draft.
pub fn case(data: &[u8]) {
    let Some(text) = as_text(data) else { return };
    match cailiang::pack::json::parse::<Case>(text) {
        Err(e) => {
            assert!(e.path.starts_with('$'), "no JSON path: {e:?}");
            assert!(is_chinese(&e.message), "message not in Chinese: {e:?}");
        }
        Ok(c) => check_case(reference(), &c, true),
    }
}

/// Evaluates `case` on `lp` and checks the result; `valid_pack`: the pack passed the validator,
/// so the range oracles apply.
pub fn check_case(lp: &LoadedPack, case: &Case, valid_pack: bool) {
    let r = match cailiang::evaluate(lp, case) {
        Ok(r) => r,
        Err(e) => {
            let s = e.to_string();
            assert!(is_chinese(&s), "engine error not in Chinese: {s}");
            serde_json::to_string(&e).expect("an engine error serialises");
            return;
        }
    };
    // The same input gives byte-identical output.
    let first = serde_json::to_string(&r).expect("a result serialises");
    let again = cailiang::evaluate(lp, case).expect("the second run evaluates too");
    let second = serde_json::to_string(&again).expect("a result serialises");
    assert_eq!(first, second, "two runs differ");
    if valid_pack {
        check_ranges(&r, case);
    }
    check_draft(lp, case, &r);
}

/// Outcome `fine`: the recommended range lies within the statutory range, unless 减轻, where it
/// lies below the statutory minimum and above zero.
pub fn check_ranges(r: &EvalResult, case: &Case) {
    let case = || serde_json::to_string(case).unwrap_or_default();
    if r.outcome != Outcome::Fine {
        return;
    }
    let (Some(rec), Some(st)) = (&r.recommended, &r.statutory) else {
        return;
    };
    if r.adjustment.level == Level::Reduced {
        let below = rec.max.0 < st.min.0 || (rec.max.0 == st.min.0 && !rec.max_inclusive);
        let above_zero = rec.min.0 > Decimal::ZERO || (rec.min.0.is_zero() && !rec.min_inclusive);
        assert!(
            below && above_zero,
            "减轻 range {rec:?} not below the statutory minimum of {st:?} and above zero; case {}",
            case()
        );
    } else {
        assert!(
            rec.span().inside(&st.span()),
            "recommended {rec:?} outside statutory {st:?} ({:?}); case {}",
            r.adjustment.level,
            case()
        );
    }
    assert!(
        !rec.span().is_empty(),
        "empty recommended range {rec:?} (statutory {st:?}); case {}",
        case()
    );
}

/// The 说理 draft never panics, is the same on a second run, and, when the outcome is `fine`
/// and the pack keeps the built-in wording, names the recommended amounts.
pub fn check_draft(lp: &LoadedPack, case: &Case, r: &EvalResult) {
    let d = cailiang::text::draft(lp, case, r);
    let text = d.full_text();
    assert_eq!(text, cailiang::text::draft(lp, case, r).full_text());
    check_documents(lp, case, r);
    let Some(rec) = r.recommended.as_ref() else {
        return;
    };
    if r.outcome != Outcome::Fine || !lp.pack.templates.is_empty() {
        return;
    }
    let case = || serde_json::to_string(case).unwrap_or_default();
    assert!(
        text.contains(&yuan(rec.max.0)),
        "draft lacks the maximum {}; case {}:\n{text}",
        yuan(rec.max.0),
        case()
    );
    // "…以下" with no minimum writes no lower bound.
    if !rec.min.0.is_zero() || rec.min_inclusive {
        assert!(
            text.contains(&yuan(rec.min.0)),
            "draft lacks the minimum {}; case {}:\n{text}",
            yuan(rec.min.0),
            case()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Structure-aware targets (inputs built by arb.rs)

/// A pack and a case built from the model types: the pack is serialised and loaded (as a file
/// would be), validated, and the case evaluated and drafted.
pub fn structured(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok((pack, case)) = crate::arb::pack_and_case(&mut u) else {
        return;
    };
    let text = serde_json::to_string(&pack).expect("a pack serialises");
    let lp = match cailiang::load_pack("fuzz.json", &text) {
        Ok(lp) => lp,
        Err(e) => {
            // Only the limits may refuse a pack the model can hold.
            check_pack_error(&e);
            assert!(
                e.to_string().contains("超出限制"),
                "a serialised pack does not load: {e}\n{text}"
            );
            return;
        }
    };
    assert_eq!(
        serde_json::to_string(&lp.pack).expect("serialises"),
        text,
        "round trip changed the pack"
    );
    let report = cailiang::validate::validate(&lp);
    for f in report.errors.iter().chain(&report.warnings) {
        assert!(is_chinese(&f.message), "finding not in Chinese: {f:?}");
    }
    check_case(&lp, &case, report.is_ok());
}

/// A case built for an item of the reference pack (its declared facts, tiers and factors), so
/// that the engine and the draft see the reference pack's deep states.
pub fn draft(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(case) = crate::arb::reference_case(&mut u, reference()) else {
        return;
    };
    check_case(reference(), &case, true);
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates

/// Chinese numerals and 大写: never panic; number → words → number gives the number back.
pub fn words(data: &[u8]) {
    let mut u = arbitrary::Unstructured::new(data);
    let Ok(n) = u.arbitrary::<u64>() else { return };
    let w = cailiang::text::chinese_number(n);
    assert_eq!(
        crate::numerals::parse_chinese_number(&w),
        Some(n),
        "{n} → {w}"
    );
    let Ok(amount) = crate::arb::decimal(&mut u) else {
        return;
    };
    match cailiang::text::amount_in_words(amount) {
        Ok(w) => {
            assert_eq!(
                crate::numerals::parse_amount_in_words(&w),
                Some(amount.normalize()),
                "{amount} → {w}"
            );
        }
        Err(e) => {
            assert!(is_chinese(&e.to_string()));
            // Only what cannot be written is refused: negative, ≥ 10^16 元, below the 分.
            let cents = amount.checked_mul(Decimal::ONE_HUNDRED);
            let writable = !amount.is_sign_negative()
                && cents.is_some_and(|c| c.fract().is_zero())
                && amount < Decimal::from(10_000_000_000_000_000u64);
            assert!(!writable, "{amount} refused: {e}");
        }
    }
    // Ranges in 大写 never panic.
    if let Ok(b) = crate::arb::decimal(&mut u) {
        let r = cailiang::engine::result::MoneyRange {
            min: amount.min(b).into(),
            min_inclusive: u.arbitrary().unwrap_or(true),
            max: amount.max(b).into(),
            max_inclusive: u.arbitrary().unwrap_or(true),
        };
        let _ = cailiang::text::range_in_words(&r);
    }
}

/// The date parser: what parses prints back as written (YYYY-MM-DD); years never overflow.
pub fn date(data: &[u8]) {
    use cailiang::date::Date;
    let Some(text) = as_text(data) else { return };
    match text.parse::<Date>() {
        Ok(d) => {
            assert_eq!(d.to_string(), text.trim(), "date does not print as written");
            let json = serde_json::to_string(&d).expect("serialises");
            assert_eq!(serde_json::from_str::<Date>(&json).ok(), Some(d));
            for n in [-10_000, -5, -2, -1, 0, 1, 2, 5, 10_000, i32::MAX, i32::MIN] {
                if let Some(later) = d.add_years(n) {
                    assert_eq!(later.to_string().parse::<Date>().ok(), Some(later));
                }
            }
            assert!(!d.chinese().is_empty());
        }
        Err(e) => assert!(is_chinese(&e), "{e}"),
    }
}

/// The decimal parser: what parses is exactly the number written (no silent rounding) and
/// prints back to itself; fractions keep a positive denominator.
pub fn decimal(data: &[u8]) {
    use cailiang::num::{Dec, Fraction, parse_decimal};
    let Some(text) = as_text(data) else { return };
    match parse_decimal(text) {
        Ok(d) => {
            assert_eq!(
                crate::numerals::plain_digits(&d.to_string()),
                crate::numerals::plain_digits(text.trim()),
                "{text:?} parsed as {d}"
            );
            assert_eq!(parse_decimal(&d.to_string()), Ok(d));
            let json = serde_json::to_string(&Dec(d)).expect("serialises");
            assert_eq!(serde_json::from_str::<Dec>(&json).ok(), Some(Dec(d)));
        }
        Err(e) => assert!(is_chinese(&e), "{e}"),
    }
    match text.parse::<Fraction>() {
        Ok(f) => {
            assert!(f.den > Decimal::ZERO, "{text:?}: denominator {}", f.den);
            assert_eq!(f.to_string().parse::<Fraction>(), Ok(f));
            let _ = f.of(Decimal::MAX);
            let _ = Fraction::lerp(f, Fraction::ONE, f);
            let _ = f.le(&Fraction::ONE);
        }
        Err(e) => assert!(is_chinese(&e), "{e}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Documents on the results the other targets reach

/// Every document the result allows is generated with blank inputs (never a panic, the same
/// text twice, a .docx that is a zip), and the documents it does not allow are refused in
/// Chinese.
pub fn check_documents(lp: &LoadedPack, case: &Case, r: &EvalResult) {
    use cailiang::documents::{DocumentInputs, DocumentKind, generate};
    let inputs = DocumentInputs::default();
    for kind in DocumentKind::ALL {
        match generate(kind, lp, case, r, &inputs) {
            Ok(doc) => {
                assert!(kind.fits(r.outcome), "{kind:?} made for {:?}", r.outcome);
                let text = doc.plain_text();
                assert!(text.contains(kind.title()), "{kind:?} lacks its title");
                let again = generate(kind, lp, case, r, &inputs).expect("the same inputs");
                assert_eq!(text, again.plain_text(), "{kind:?} is not deterministic");
                let bytes = doc.docx().expect("a generated document writes as .docx");
                assert!(bytes.starts_with(b"PK"), "{kind:?}: .docx is not a zip");
            }
            Err(e) => assert!(is_chinese(&e.to_string()), "{kind:?}: {e}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Import readers and the clause parsers

/// Any bytes as a table file (the first byte picks the name the reader is told: .csv, .xlsx,
/// .docx, .txt): an error names the file in Chinese; a document's cells sit in its own tables,
/// at places of the file's kind, in order, within the limits.
pub fn table(data: &[u8]) {
    use cailiang::table::{Format, Place, read_file};
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let file = ["损坏.csv", "损坏.xlsx", "损坏.docx", "损坏.txt"][usize::from(pick % 4)];
    let doc = match read_file(file, bytes) {
        Ok(doc) => doc,
        Err(e) => {
            let m = e.to_string();
            assert!(is_chinese(&m) && m.contains(file), "{file}: {m}");
            return;
        }
    };
    assert_eq!(doc.file, file);
    let again = read_file(file, bytes).expect("the same bytes read again");
    assert_eq!(doc, again, "reading is not deterministic");
    let limits = cailiang::table::Limits::default();
    for t in &doc.tables {
        for row in t.header.iter().chain(&t.rows).chain(&t.preamble) {
            assert!(
                row.cells.len() <= t.width as usize,
                "{file}: a row wider than its table"
            );
            for c in &row.cells {
                assert!(c.text.chars().count() <= limits.max_cell_chars);
                let fits = match (&c.place, doc.format) {
                    (Place::Sheet { sheet, column, .. }, Format::Xlsx) => {
                        sheet == &t.name && column.is_some()
                    }
                    (Place::DocxTable { table, column, .. }, Format::Docx) => {
                        *table >= 1 && column.is_some()
                    }
                    (Place::Line { column, .. }, Format::Csv) => column.is_some(),
                    _ => false,
                };
                assert!(
                    fits,
                    "{file}: cell at {:?} in a {:?} file",
                    c.place, doc.format
                );
            }
        }
    }
}

/// Any text through the fine-clause, condition and citation parsers: every fragment they
/// return is the slice of the text at its offsets, and parsing is deterministic.
pub fn clause(data: &[u8]) {
    use cailiang::import::{Fragment, parse_citations, parse_clause, parse_condition};
    let Some(text) = as_text(data) else { return };
    let at = |f: &Fragment| {
        assert_eq!(
            text.get(f.start..f.end),
            Some(f.text.as_str()),
            "fragment {f:?} is not the text at its offsets"
        )
    };
    let c = parse_clause(text);
    for f in &c.fines {
        at(&f.words);
        f.numbers.iter().for_each(|n| at(&n.written));
    }
    c.not_understood.iter().for_each(|n| at(&n.fragment));
    c.penalties.iter().for_each(|p| at(&p.words));
    c.other.iter().for_each(at);
    assert_eq!(c, parse_clause(text));
    let k = parse_condition(text);
    if let Some(t) = &k.tree {
        t.tests().iter().for_each(|q| at(&q.written));
    }
    let z = parse_citations(text, Some("某条例"), None);
    z.citations.iter().for_each(|c| at(&c.words));
}
