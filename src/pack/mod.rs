//! Benchmark packs: the data model and loading with precise, Chinese errors.

pub mod documents;
pub mod error;
mod fields;
pub mod json;
pub mod load;
pub mod migrate;
pub mod model;

pub use error::PackError;
pub use load::{LoadedPack, load_pack};
pub use model::Pack;
