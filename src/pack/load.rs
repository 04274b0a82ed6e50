//! Parsing a pack from JSON text, with the JSON path of any error and a content hash.

use sha2::{Digest, Sha256};

use super::error::PackError;
use super::model::{FORMAT_VERSION, OLDEST_FORMAT_VERSION, Pack};

/// A parsed pack with its identity.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPack {
    /// The pack.
    pub pack: Pack,
    /// SHA-256 of the pack file's bytes, as `sha256sum` prints it, so a reviewer can check
    /// which file a result came from.
    pub hash: String,
    /// File name or URL it came from.
    pub file: String,
}

impl LoadedPack {
    /// The first 12 hex digits of the hash, for display.
    pub fn short_hash(&self) -> &str {
        self.hash.get(..12).unwrap_or(&self.hash)
    }

    /// An item by code.
    pub fn item(&self, code: &str) -> Option<&super::model::Item> {
        self.pack.items.iter().find(|i| i.code == code)
    }
}

/// Parses and hashes a pack. `file` names the source in error messages.
pub fn load_pack(file: &str, text: &str) -> Result<LoadedPack, PackError> {
    // Hashing and parsing are independent; natively they run side by side.
    #[cfg(not(target_arch = "wasm32"))]
    let (hash, parsed) = std::thread::scope(|s| {
        let h = s.spawn(|| content_hash(text.as_bytes()));
        let parsed = super::json::parse::<Pack>(text);
        (
            h.join().unwrap_or_else(|_| content_hash(text.as_bytes())),
            parsed,
        )
    });
    #[cfg(target_arch = "wasm32")]
    let (hash, parsed) = (
        content_hash(text.as_bytes()),
        super::json::parse::<Pack>(text),
    );
    let pack = parsed.map_err(|e| PackError::Format {
        file: file.to_string(),
        path: e.path,
        message: e.message,
    })?;
    finish(file, pack, hash)
}

/// Parses a pack whose content hash is already known (the embedded reference pack, whose hash
/// is that of the file it was made from; see build.rs).
pub fn load_pack_hashed(file: &str, text: &str, hash: String) -> Result<LoadedPack, PackError> {
    let pack = super::json::parse::<Pack>(text).map_err(|e| PackError::Format {
        file: file.to_string(),
        path: e.path,
        message: e.message,
    })?;
    finish(file, pack, hash)
}

fn finish(file: &str, pack: Pack, hash: String) -> Result<LoadedPack, PackError> {
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&pack.format_version) {
        return Err(PackError::Version {
            file: file.to_string(),
            found: pack.format_version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(LoadedPack {
        pack,
        hash,
        file: file.to_string(),
    })
}

/// SHA-256 of the bytes, in lower-case hex.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Turns serde's English messages into Chinese ones, keeping the names they quote.
pub(crate) fn translate(msg: &str) -> String {
    // serde appends " at line L column C" to data errors; the path already says where.
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    // serde_json's syntax errors (its ErrorCode messages).
    let syntax = match msg {
        "expected value" => Some("此处应为一个值（对象、数组、字符串、数字、true、false 或 null）"),
        "expected ident" => Some("此处应为 true、false 或 null"),
        "invalid escape" => Some("无效的转义符（\\ 后只能是 \" \\ / b f n r t u）"),
        "invalid number" => Some("无效的数字"),
        "number out of range" => Some("数字超出可表示的范围"),
        "invalid unicode code point" => Some("无效的 Unicode 码位"),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            Some("字符串中有未转义的控制字符")
        }
        "key must be a string" => Some("对象的键必须是字符串"),
        "lone leading surrogate in hex escape" => Some("\\u 转义中有孤立的代理项"),
        "unexpected end of hex escape" => Some("\\u 转义不完整"),
        "trailing comma" => Some("多余的逗号"),
        "recursion limit exceeded" => Some("嵌套过深"),
        "key must be a string or a number" => Some("对象的键必须是字符串"),
        _ => None,
    };
    if let Some(zh) = syntax {
        return zh.to_string();
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少必填字段 {}", rest.trim_matches('`'));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "有未知字段 {}（可用字段：{}）",
            name.trim_matches('`'),
            expected.trim_start_matches("one of ").replace('`', "")
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "取值 {} 无效（可用取值：{}）",
            name.trim_matches('`'),
            expected.trim_start_matches("one of ").replace('`', "")
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "类型不对：应为 {}，实际为 {}",
            kind_zh(expected),
            kind_zh(found)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "取值无效：应为 {}，实际为 {}",
            kind_zh(expected),
            kind_zh(found)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        return format!("元素个数不对：{rest}");
    }
    if msg.starts_with("EOF while parsing") {
        return "文件意外结束（JSON 不完整，可能缺少右括号或引号）".to_string();
    }
    if let Some(rest) = msg.strip_prefix("expected ") {
        return format!("格式错误：此处应为 {rest}");
    }
    if msg.starts_with("trailing characters") {
        return "JSON 结束后还有多余字符".to_string();
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        return format!("字段 {} 重复", rest.trim_matches('`'));
    }
    msg.to_string()
}

fn kind_zh(s: &str) -> String {
    let s = s.trim();
    let zh = match s {
        "a string" => "字符串",
        "a boolean" => "布尔值 true/false",
        "u32" | "u64" | "an integer" => "非负整数",
        "a sequence" => "数组",
        "a map" => "对象",
        "null" => "null",
        _ if s.starts_with("string ") => return format!("字符串 {}", &s[7..]),
        _ if s.starts_with("boolean ") => return format!("布尔值 {}", &s[8..]),
        _ if s.starts_with("integer ") => return format!("整数 {}", &s[8..]),
        _ if s.starts_with("floating point ") => return format!("小数 {}", &s[15..]),
        _ if s.starts_with("struct ") => "对象",
        _ => return s.to_string(),
    };
    zh.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_messages() {
        assert_eq!(
            translate("missing field `code` at line 3 column 4"),
            "缺少必填字段 code"
        );
        assert!(
            translate("unknown field `foo`, expected one of `a`, `b`").contains("未知字段 foo")
        );
    }

    #[test]
    fn bad_json_names_file_and_line() {
        let e = load_pack("x.json", "{ \"format_version\": 1, ").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("x.json"), "{s}");
        assert!(s.contains("语法错误") || s.contains("缺少"), "{s}");
    }
}
