//! Errors when a pack cannot be read.

use serde::Serialize;
use thiserror::Error;

/// A pack could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PackError {
    /// The text is not JSON, or does not fit the format.
    #[error("{file}：{path} 处{message}")]
    Format {
        /// File name or URL.
        file: String,
        /// JSON path, e.g. `$.items[3].fines[0].max`.
        path: String,
        /// What was expected, in Chinese.
        message: String,
    },
    /// The pack uses a format version this program does not know.
    #[error("{file}：格式版本 {found} 不受支持（本程序支持版本 1 至 {supported}）")]
    Version {
        /// File name or URL.
        file: String,
        /// Version found.
        found: u32,
        /// The newest version supported (1 to this).
        supported: u32,
    },
}
