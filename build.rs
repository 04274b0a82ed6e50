//! Makes the copy of the national reference pack that the web app embeds: the file without its
//! test cases (`items[].cases`, run natively by `cargo test` and by `cailiang test`) and without
//! indentation, plus the SHA-256 of the file itself, so that the app's provenance stamp still
//! names the file a reviewer can `sha256sum`. The rules are not touched. A file that does not
//! parse is copied as it is, and loading it then reports the JSON path of the error.

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
}
