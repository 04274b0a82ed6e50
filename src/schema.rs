//! JSON Schemas generated from the Rust types, for pack authors' editors and portal teams.

use schemars::schema_for;

use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::pack::Pack;
use crate::review::DecidedCase;
use crate::review::mapping::ColumnMapping;

/// (file name, schema JSON) for the pack, the case, the result, the decided case (案卷评查) and
/// a case table's column mapping.
pub fn all() -> Vec<(&'static str, String)> {
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
    vec![
        ("pack.schema.json", pretty(schema_for!(Pack).to_value())),
        ("case.schema.json", pretty(schema_for!(Case).to_value())),
        (
            "result.schema.json",
            pretty(schema_for!(EvalResult).to_value()),
        ),
        (
            "decided-case.schema.json",
            pretty(schema_for!(DecidedCase).to_value()),
        ),
        (
            "column-mapping.schema.json",
            pretty(schema_for!(ColumnMapping).to_value()),
        ),
    ]
}
