//! Makes the copy of the national reference pack that the web app embeds: the file without its
//! test cases (`items[].cases`, run natively by `cargo test` and by `cailiang test`) and without
//! indentation, plus the SHA-256 of the file itself, so that the app's provenance stamp still
//! names the file a reviewer can `sha256sum`. The rules are not touched. A file that does not
//! parse is copied as it is, and loading it then reports the JSON path of the error.
//!
//! Also `CAILIANG_VALIDATOR_ID`: a hash of the sources that decide whether a pack is accepted
//! (src/validate, src/pack, src/engine). A pack the officer loaded is validated in an on-demand
//! module and saved with this mark; the officer's page, which carries no validator, takes a
//! saved pack again without the module only while the mark is its own build's.

use std::path::Path;

use sha2::{Digest, Sha256};

const SOURCE: &str = "benchmarks/national-reference.json";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let text = std::fs::read_to_string(SOURCE).expect("benchmarks/national-reference.json");

    let hash: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let app = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(mut pack) => {
            if let Some(items) = pack.get_mut("items").and_then(|i| i.as_array_mut()) {
                for item in items {
                    if let Some(item) = item.as_object_mut() {
                        item.remove("cases");
                    }
                }
            }
            serde_json::to_string(&pack).expect("a parsed Value serialises")
        }
        Err(_) => text,
    };
    std::fs::write(out.join("national-reference.app.json"), app).expect("write OUT_DIR");
    std::fs::write(out.join("national-reference.sha256"), hash).expect("write OUT_DIR");
    validator_id();
    officer_page_cfg();
}

/// `cfg(officer_page)`: the library as the officer's page (`app`) links it — wasm32, none of the
/// features of the other builds (`api`, `docs`, `tools`, `check`). That page validates no pack
/// itself (src/app/pack_check.rs), so it can leave out what only the validator reads.
fn officer_page_cfg() {
    println!("cargo:rustc-check-cfg=cfg(officer_page)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let other = ["API", "DOCS", "TOOLS", "CHECK"]
        .iter()
        .any(|f| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some());
    if wasm && !other {
        println!("cargo:rustc-cfg=officer_page");
    }
}

/// The sources whose change may change what the validator accepts, or what the engine needs it
/// to have refused.
const VALIDATOR_SOURCES: [&str; 3] = ["src/validate", "src/pack", "src/engine"];

fn validator_id() {
    let mut files = Vec::new();
    for dir in VALIDATOR_SOURCES {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut h = Sha256::new();
    for f in &files {
        let bytes = std::fs::read(f).expect("read a validator source");
        h.update(f.to_string_lossy().replace('\\', "/").as_bytes());
        h.update([0]);
        h.update(Sha256::digest(&bytes));
    }
    let id: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=CAILIANG_VALIDATOR_ID={id}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
