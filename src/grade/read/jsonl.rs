//! JSON Lines: one object per line with `candidate`, `question` or `question_text`, `answer`,
//! read a line at a time.

use std::io::BufRead;

use serde_json::Value;

use super::{Fields, Item, Location, Skipped, to_row};
use crate::error::Error;

pub(super) struct JsonlRows<R> {
    name: String,
    reader: R,
    /// The number of the line last read.
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlRows<R> {
    pub(super) fn new(name: String, reader: R) -> Self {
        JsonlRows {
            name,
            reader,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlRows<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let mut raw = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
                    if self.line == 1 {
                        raw = raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw);
                    }
                    if let Some(item) = line(Location::new(&self.name, self.line), raw) {
                        return Some(item);
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Error(Error::io(&self.name, e)));
                }
            }
        }
        None
    }
}

/// One line: a row, the reason it is set aside, or nothing (a blank line).
fn line(at: Location, raw: &[u8]) -> Option<Item> {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let skip = |at: Location, reason: String| Some(Item::Skipped(Skipped { at, reason }));
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t,
        Err(e) => {
            return skip(
                at,
                format!(
                    "not valid UTF-8 text (bad byte at column {}); save the file as UTF-8",
                    e.valid_up_to() + 1
                ),
            );
        }
    };
    if text.trim().is_empty() {
        return None;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = Location {
                column: e.column(),
                ..at
            };
            return skip(at, format!("not a JSON object: {e}"));
        }
    };
    let Value::Object(map) = value else {
        return skip(
            at,
            "not a JSON object: expected {\"candidate\": ..., \"question\": ..., \"answer\": ...}"
                .into(),
        );
    };
    let mut fields = Fields::default();
    let mut wrong = None;
    for (key, v) in map {
        let slot = match key.to_ascii_lowercase().as_str() {
            "candidate" | "name" => &mut fields.candidate,
            "question" | "question_id" => &mut fields.question,
            "question_text" => &mut fields.question_text,
            "kind" => &mut fields.kind,
            "answer" | "text" => &mut fields.answer,
            _ => continue,
        };
        match v {
            Value::String(s) => *slot = Some(s),
            Value::Number(n) => *slot = Some(n.to_string()),
            Value::Null => {}
            _ => wrong = Some(key),
        }
    }
    if let Some(key) = wrong {
        return skip(at, format!("`{key}` should be text"));
    }
    Some(to_row(at, fields).into())
}
