//! 裁量基准计算器 (cailiang): applies administrative-penalty discretion benchmarks
//! (行政处罚裁量基准) of the 住房城乡建设 / 城管 sector.
//!
//! The domain — [`pack`] (model and loading), [`validate`], [`engine`] (the pipeline) and the
//! text helpers — imports nothing from the browser, so it is tested natively and shared by the
//! web app, the JS API and the command-line tool.

#![deny(missing_docs)]

pub mod case;
pub mod date;
pub mod documents;
pub mod docx;
pub mod engine;
pub mod export;
pub mod form;
pub mod import;
pub mod library;
pub mod limits;
pub mod num;
pub mod pack;
pub mod review;
pub mod schema;
pub mod statute;
pub mod table;
/// The 说理 reasoning text of a result: the paragraphs of a penalty decision, with citations,
/// amounts in figures and 大写, and templates a pack may override.
pub mod text;
pub mod validate;
pub mod wording;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// The officer's browser app (Yew), built for wasm32 by Trunk.
#[cfg(target_arch = "wasm32")]
pub mod app;

pub use case::Case;
pub use engine::{ENGINE_VERSION, evaluate};
pub use pack::{LoadedPack, load_pack};

/// The embedded default pack: the national reference pack.
pub const REFERENCE_PACK: &str = include_str!("../benchmarks/national-reference.json");
/// File name of the embedded default pack.
pub const REFERENCE_PACK_FILE: &str = "benchmarks/national-reference.json";
/// The embedded default pack as the web app carries it: [`REFERENCE_PACK`] without its test
/// cases (`items[].cases`, which `cargo test` runs) and without indentation, made by build.rs.
/// Only the rules are downloaded with every first load of the app.
pub const REFERENCE_PACK_APP: &str =
    include_str!(concat!(env!("OUT_DIR"), "/national-reference.app.json"));
/// SHA-256 of the reference pack file ([`REFERENCE_PACK`]), computed by build.rs.
pub const REFERENCE_PACK_HASH: &str =
    include_str!(concat!(env!("OUT_DIR"), "/national-reference.sha256"));

/// The embedded reference pack as the app and the JS API load it: [`REFERENCE_PACK_APP`], with
/// the hash of the file it was made from, so that a result's provenance names that file.
pub fn reference_pack() -> Result<LoadedPack, pack::PackError> {
    pack::load::load_pack_hashed(
        REFERENCE_PACK_FILE,
        REFERENCE_PACK_APP,
        REFERENCE_PACK_HASH.to_string(),
    )
}
