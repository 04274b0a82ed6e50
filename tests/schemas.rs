//! The committed JSON Schemas are the ones generated from the Rust types.

use std::path::Path;

#[test]
fn committed_schemas_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for (name, text) in cailiang::schema::all() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == text,
            "schemas/{name} is stale: run `cargo run --bin cailiang -- schema schemas`"
        );
    }
}

#[test]
fn packs_point_at_the_schema() {
    let v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    assert_eq!(v["$schema"], "../schemas/pack.schema.json");
}
