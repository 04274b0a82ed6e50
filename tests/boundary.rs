//! The domain imports nothing from yew / gloo / web-sys: only src/app (and the web binaries,
//! which export their entry points) may.

use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The wasm binaries Trunk builds (index.html): each exports its entry (`startPage`, …).
const WEB_BINARIES: [&str; 5] = [
    "bin/app.rs",
    "bin/api.rs",
    "bin/docs.rs",
    "bin/tools.rs",
    "bin/check.rs",
];

#[test]
fn domain_does_not_import_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("app/")
            || rel == "app.rs"
            || WEB_BINARIES.contains(&rel.as_str())
            || rel.starts_with("js_api")
        {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") {
                continue;
            }
            for needle in ["yew::", "gloo", "web_sys", "wasm_bindgen", "js_sys"] {
                if l.contains(needle) {
                    bad.push(format!("src/{rel}:{}: {line}", n + 1));
                }
            }
        }
    }
    assert!(files.len() > 10, "walked too few files");
    assert!(
        bad.is_empty(),
        "domain imports browser crates:\n{}",
        bad.join("\n")
    );
}

/// The officer's form model (src/form) is domain code: walked by the test above, and declared in
/// lib.rs for every target, so that `cargo test` runs its unit tests natively.
#[test]
fn form_model_is_native() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let at = lib
        .find("\npub mod form;")
        .expect("src/lib.rs declares `pub mod form;`");
    let attr = lib[..at].lines().next_back().unwrap_or("").trim();
    assert!(
        !attr.starts_with("#[cfg"),
        "`pub mod form;` must not be limited to one target: {attr}"
    );
    let mut files = Vec::new();
    walk(&root.join("src/form"), &mut files);
    assert!(files.len() >= 2, "src/form holds too few files: {files:?}");
}
