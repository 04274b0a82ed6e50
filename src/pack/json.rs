//! JSON parsing with the JSON path of the first error.
//!
//! serde_json reports where an error was found as a line and column; this module turns that
//! position into a JSON path (`$.items[3].fines[0].max`) by scanning the text up to it. One
//! plain serde_json deserialiser serves every type, which keeps the browser build small (a
//! path-tracking deserialiser would instantiate every `Deserialize` impl a second time).

use serde::de::DeserializeOwned;

use super::load::translate;

/// A JSON text that does not fit the expected type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// JSON path of the value at fault, e.g. `$.items[3].fines[0].max`.
    pub path: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Whether the text is not JSON at all (as opposed to JSON of the wrong shape).
    pub syntax: bool,
}

/// Parses `text` (a leading BOM is ignored) as `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Size, nesting, string and number lengths first: serde never sees a text beyond them.
    if let Err((at, message)) = crate::limits::check_json_text(text) {
        return Err(JsonError {
            path: path_before(text, at),
            message,
            syntax: false,
        });
    }
    serde_json::from_str::<T>(text).map_err(|e| {
        let syntax = e.is_syntax() || e.is_eof();
        let message = if syntax {
            format!(
                "（第 {} 行第 {} 列）JSON 语法错误：{}",
                e.line(),
                e.column(),
                translate(&e.to_string())
            )
        } else {
            translate(&e.to_string())
        };
        JsonError {
            path: path_at(text, e.line(), e.column()),
            message,
            syntax,
        }
    })
}

enum Frame {
    Object { key: Option<String>, want_key: bool },
    Array { index: usize },
}

/// The JSON path of the value being read at `line` (1-based) and `column` (bytes read on that
/// line, as serde_json counts them).
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    // Byte offset of the position.
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    path_before(text, start + column)
}

/// The JSON path of the value being read at byte offset `end`.
fn path_before(text: &str, end: usize) -> String {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text[..end].chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, want_key }) => {
                    *key = None;
                    *want_key = true;
                }
                None => {}
            },
            '"' => {
                let mut s = String::new();
                let mut closed = false;
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                s.push(e);
                            }
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        other => s.push(other),
                    }
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key && closed {
                        *key = Some(s);
                        *want_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::from("$");
    for f in &stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                path.push('.');
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_simple_positions() {
        let t = "{\"a\": [1, {\"b\": true}]}";
        // Right after `true`.
        assert_eq!(path_at(t, 1, 20), "$.a[1].b");
        // Right after the inner object closed.
        assert_eq!(path_at(t, 1, 21), "$.a[1]");
        assert_eq!(path_at(t, 1, 0), "$");
    }
}
