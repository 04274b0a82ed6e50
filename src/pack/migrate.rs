//! Rewriting a pack in the current format (version 2): `format_version` 2, and a split's bands
//! as a list (format 1 wrote the three bands as an object `{lower, middle, upper}` of
//! `[from, to]` pairs). Everything else is kept as written — the order of fields, `"$schema"`,
//! the words of conditions ("以上", "超过") — so the file a bureau maintains stays its own; the
//! result is pretty-printed with 2-space indentation like the shipped packs. The migrated text
//! must load as the same pack (only the version and the way the bands were written may
//! differ), or nothing is written.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::error::PackError;
use super::load::load_pack;
use super::model::{FORMAT_VERSION, Pack};

/// JSON with the order of an object's fields kept (serde_json's `Value` sorts them).
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
                Ok(Json::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
                Ok(Json::Number(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Json, E> {
                serde_json::Number::from_f64(v)
                    .map(Json::Number)
                    .ok_or_else(|| E::custom("数字无效"))
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::String(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Json, E> {
                Ok(Json::String(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Json::Array(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Json>()? {
                    out.push((k, v));
                }
                Ok(Json::Object(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(t) => s.serialize_str(t),
            Json::Array(v) => {
                let mut seq = s.serialize_seq(Some(v.len()))?;
                for x in v {
                    seq.serialize_element(x)?;
                }
                seq.end()
            }
            Json::Object(fields) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

/// Format 1's three bands, with the labels the loader gives them (see `fields.rs`).
const THREE: [(&str, &str); 3] = [("lower", "从轻"), ("middle", "一般"), ("upper", "从重")];

/// A band object `{lower, middle, upper}` as a list of bands; None if it is not one.
fn bands_as_list(v: &Json) -> Option<Json> {
    let Json::Object(fields) = v else {
        return None;
    };
    if fields.len() != 3 {
        return None;
    }
    let mut list = Vec::new();
    for (name, label) in THREE {
        let Some(Json::Array(pair)) = v.get(name) else {
            return None;
        };
        let [from, to] = pair.as_slice() else {
            return None;
        };
        list.push(Json::Object(vec![
            ("name".into(), Json::String(name.into())),
            ("label".into(), Json::String(label.into())),
            ("from".into(), from.clone()),
            ("to".into(), to.clone()),
        ]));
    }
    Some(Json::Array(list))
}

/// What a migration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The pack in format 2, pretty-printed, ending with a newline.
    pub text: String,
    /// The format version it was written in.
    pub from_version: u32,
    /// What changed, in Chinese (empty when the pack was already in the current form).
    pub changes: Vec<String>,
}

/// The pack as loaded, with what a migration may change set aside.
fn normalised(mut p: Pack) -> Pack {
    p.format_version = FORMAT_VERSION;
    if let Some(s) = &mut p.rules.split {
        s.range.by_name = false;
        s.max_only.by_name = false;
    }
    p
}

/// Rewrites pack text (format 1 or 2) in format 2. `file` names it in errors.
pub fn migrate(file: &str, text: &str) -> Result<Migrated, PackError> {
    let before = load_pack(file, text)?;
    let at = |path: &str, message: String| PackError::Format {
        file: file.to_string(),
        path: path.to_string(),
        message,
    };
    let mut tree: Json = serde_json::from_str(text).map_err(|e| at("$", e.to_string()))?;
    let mut changes = Vec::new();
    if let Some(v) = tree.get_mut("format_version") {
        if *v != Json::Number(FORMAT_VERSION.into()) {
            *v = Json::Number(FORMAT_VERSION.into());
            changes.push(format!(
                "format_version：{} → {FORMAT_VERSION}",
                before.pack.format_version
            ));
        }
    }
    if let Some(split) = tree.get_mut("rules").and_then(|r| r.get_mut("split")) {
        for key in ["range", "max_only"] {
            if let Some(v) = split.get_mut(key) {
                if let Some(list) = bands_as_list(v) {
                    *v = list;
                    changes.push(format!(
                        "rules.split.{key}：{{lower, middle, upper}} 改为档次列表"
                    ));
                }
            }
        }
    }
    let mut out = serde_json::to_string_pretty(&tree).map_err(|e| at("$", e.to_string()))?;
    out.push('\n');
    let after = load_pack(file, &out)?;
    if normalised(after.pack) != normalised(before.pack.clone()) {
        return Err(at(
            "$",
            "迁移后的内容与原包不一致，未写出（请报告此问题）".to_string(),
        ));
    }
    Ok(Migrated {
        text: out,
        from_version: before.pack.format_version,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_order_and_bands_become_a_list() {
        let text = crate::REFERENCE_PACK;
        let m = migrate("ref.json", text).expect("migrates");
        let tree: Json = serde_json::from_str(&m.text).expect("json");
        let Json::Object(fields) = &tree else {
            panic!("object")
        };
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys[..3], ["$schema", "format_version", "meta"]);
        let range = tree
            .get("rules")
            .and_then(|r| r.get("split"))
            .and_then(|s| s.get("range"));
        assert!(matches!(range, Some(Json::Array(v)) if v.len() == 3));
        // Migrating again changes nothing.
        let again = migrate("ref.json", &m.text).expect("migrates");
        assert_eq!(again.text, m.text);
        assert!(again.changes.is_empty());
    }
}
