//! Reading practice history back: `attempts.jsonl` as written by [`crate::session::Recorder`],
//! read tolerantly, and filtered by person, date, tag and question.
//!
//! A history file is kept for months and may be damaged: a line cut off by a crash, a hand
//! edit, a line from some other tool, or a record written by a newer starcoach. Each such line
//! is skipped and reported once as a [`Skipped`] (file, line, reason); every other line is
//! still read. Reading never fails because of what is in the file, only when the file cannot
//! be read at all.
//!
//! ```
//! use starcoach::history::{self, Filter};
//!
//! let text = "{\"not\": \"a record\"}\nnot json at all\n";
//! let h = history::parse(text.as_bytes(), "attempts.jsonl".as_ref());
//! assert!(h.attempts.is_empty());
//! assert_eq!(h.skipped.len(), 2);
//! assert_eq!(h.skipped[1].line, 2);
//! assert!(h.select(&Filter::default()).is_empty());
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::session::{ATTEMPTS_FILE, AttemptRecord, RECORD_VERSION};

/// A line that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: skipped this line: {}",
            self.path.display(),
            self.line,
            self.reason
        )
    }
}

/// Everything read from one history file.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub path: PathBuf,
    /// The records in file order (the order they were given).
    pub attempts: Vec<AttemptRecord>,
    pub skipped: Vec<Skipped>,
}

/// Reads `attempts.jsonl` in the data directory `dir`. A missing file is an empty history.
pub fn read(dir: &Path) -> Result<History, Error> {
    read_file(&dir.join(ATTEMPTS_FILE))
}

/// Reads one history file. A missing file is an empty history.
pub fn read_file(path: &Path) -> Result<History, Error> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&bytes, path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(History {
            path: path.to_path_buf(),
            ..History::default()
        }),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Parses the bytes of a history file; `path` is only used to name it in [`Skipped`].
pub fn parse(bytes: &[u8], path: &Path) -> History {
    let mut h = History {
        path: path.to_path_buf(),
        ..History::default()
    };
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // `split` yields an empty piece after a final newline; a last piece that is not empty was
    // never finished.
    let unfinished = !lines.last().is_some_and(|l| l.is_empty());
    if !unfinished {
        lines.pop();
    }
    let count = lines.len();
    for (i, raw) in lines.into_iter().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let cut_off = unfinished && line == count;
        match parse_line(raw, cut_off) {
            Ok(rec) => h.attempts.push(rec),
            Err(reason) => h.skipped.push(Skipped {
                path: path.to_path_buf(),
                line,
                reason,
            }),
        }
    }
    h
}

/// One line to a record, or why not.
fn parse_line(raw: &[u8], cut_off: bool) -> Result<AttemptRecord, String> {
    let Ok(text) = std::str::from_utf8(raw) else {
        return Err("not UTF-8 text (binary data or a different encoding)".into());
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) if cut_off => {
            return Err(
                "the last line is cut off (starcoach was probably stopped while saving it)".into(),
            );
        }
        Err(e) => {
            return Err(format!(
                "not valid JSON at column {} (a crash while writing, or a hand edit?)",
                e.column()
            ));
        }
    };
    let Some(obj) = value.as_object() else {
        return Err("not a starcoach attempt record (expected a JSON object)".into());
    };
    let v = match obj.get("v") {
        Some(v) => v.as_u64(),
        None => return Err("not a starcoach attempt record (it has no `v` field)".into()),
    };
    match v {
        Some(v) if v == u64::from(RECORD_VERSION) => {}
        Some(v) if v > u64::from(RECORD_VERSION) => {
            return Err(format!(
                "record version {v} is newer than this starcoach reads ({RECORD_VERSION}); update starcoach to see it"
            ));
        }
        _ => {
            return Err(format!(
                "unknown record version {} (this starcoach reads version {RECORD_VERSION})",
                obj["v"]
            ));
        }
    }
    serde_json::from_value(value).map_err(|e| format!("a damaged attempt record: {e}"))
}

/// Which attempts to look at. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Filter {
    /// The candidate (case and surrounding spaces ignored); unnamed records never match a name.
    pub name: Option<String>,
    /// Only attempts at or after this UTC time (RFC 3339, as [`since`] returns).
    pub since: Option<String>,
    /// Only questions with any of these tags (case ignored).
    pub tags: Vec<String>,
    /// Only these question ids.
    pub questions: Vec<String>,
}

impl Filter {
    /// Whether `rec` is one of the attempts asked for.
    pub fn matches(&self, rec: &AttemptRecord) -> bool {
        self.matches_name(rec)
            && self
                .since
                .as_ref()
                .is_none_or(|s| rec.time.as_str() >= s.as_str())
            && (self.tags.is_empty()
                || rec
                    .tags
                    .iter()
                    .any(|t| self.tags.iter().any(|f| f.eq_ignore_ascii_case(t))))
            && (self.questions.is_empty() || self.questions.contains(&rec.question))
    }

    /// Whether `rec` belongs to the person asked for (all records without `name`).
    pub fn matches_name(&self, rec: &AttemptRecord) -> bool {
        match &self.name {
            None => true,
            Some(n) => rec
                .name
                .as_deref()
                .is_some_and(|r| same_name(r, n.as_str())),
        }
    }

    /// Whether any filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Names compare without case and surrounding spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl History {
    /// The attempts `filter` lets through, in file order.
    pub fn select(&self, filter: &Filter) -> Vec<&AttemptRecord> {
        self.attempts.iter().filter(|r| filter.matches(r)).collect()
    }
}

/// The cut-off time for `--since`: a date (`2026-11-01`, midnight UTC), `today`, or a span
/// back from `now` (seconds since the epoch) such as `7d`, `2w` or `12h`.
pub fn since(text: &str, now: u64) -> Result<String, Error> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        Error::Usage(format!(
            "--since `{text}`: expected a date like 2026-11-01, `today`, or a span back from now like 7d, 2w or 12h"
        ))
    };
    if t == "today" {
        return Ok(format!("{}T00:00:00Z", &crate::session::rfc3339(now)[..10]));
    }
    if let Some(date) = parse_date(&t) {
        return Ok(format!("{date}T00:00:00Z"));
    }
    let (n, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?);
    let n: u64 = n.parse().map_err(|_| bad())?;
    let secs = match unit {
        "h" => 3_600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(bad()),
    };
    Ok(crate::session::rfc3339(
        now.saturating_sub(n.saturating_mul(secs)),
    ))
}

/// `YYYY-MM-DD` if it is a real calendar date.
fn parse_date(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: u32 = t[..4].parse().ok()?;
    let m: u32 = t[5..7].parse().ok()?;
    let d: u32 = t[8..].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: Option<&str>, time: &str, question: &str, tags: &[&str]) -> String {
        serde_json::json!({
            "v": 1, "time": time, "session": "s1", "name": name,
            "question": question, "question_text": "Tell me about a time.",
            "kind": "behavioral", "tags": tags, "attempt": 1, "retry": false,
            "answer": "I helped.", "words": 2, "overall": 40.0, "band": "needs work",
            "scores": [["result", 0.0], ["action", 80.0]], "episode": "specific",
            "star": "A", "findings": ["result.present"], "follow_up": null
        })
        .to_string()
    }

    fn parse_str(s: &str) -> History {
        parse(s.as_bytes(), Path::new("h.jsonl"))
    }

    #[test]
    fn reads_good_lines_and_skips_each_bad_one_with_its_line() {
        let good = record(None, "2026-11-20T10:00:00Z", "q1", &[]);
        let text = format!(
            "{good}\n{{\"v\":1,\"time\":\n\n[1,2,3]\n{{\"hello\":\"world\"}}\n{good}\n{}\n{}\n",
            good.replace("\"v\":1", "\"v\":2"),
            good.replace("\"v\":1", "\"v\":\"one\""),
        );
        let h = parse_str(&text);
        assert_eq!(h.attempts.len(), 2);
        let lines: Vec<usize> = h.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [2, 4, 5, 7, 8]);
        assert!(h.skipped[0].reason.contains("not valid JSON"));
        assert!(h.skipped[1].reason.contains("expected a JSON object"));
        assert!(h.skipped[2].reason.contains("no `v` field"));
        assert!(h.skipped[3].reason.contains("newer than this starcoach"));
        assert!(
            h.skipped[4]
                .reason
                .contains("unknown record version \"one\"")
        );
        assert_eq!(
            h.skipped[0].to_string(),
            format!("h.jsonl:2: skipped this line: {}", h.skipped[0].reason)
        );
    }

    #[test]
    fn a_cut_off_last_line_is_named_as_such() {
        let good = record(None, "2026-11-20T10:00:00Z", "q1", &[]);
        let h = parse_str(&format!("{good}\n{}", &good[..good.len() / 2]));
        assert_eq!(h.attempts.len(), 1);
        assert_eq!(h.skipped.len(), 1);
        assert!(h.skipped[0].reason.contains("cut off"), "{:?}", h.skipped);
        // A complete last line without a newline is fine.
        assert!(parse_str(&good).skipped.is_empty());
    }

    #[test]
    fn damaged_fields_and_bad_bytes_are_skipped_not_fatal() {
        let good = record(None, "2026-11-20T10:00:00Z", "q1", &[]);
        let damaged = good.replace("\"overall\":40.0", "\"overall\":\"high\"");
        let mut bytes = format!("{damaged}\n").into_bytes();
        bytes.extend_from_slice(b"\xff\xfe\n");
        bytes.extend_from_slice(format!("{good}\r\n").as_bytes());
        let h = parse(&bytes, Path::new("h.jsonl"));
        assert_eq!(h.attempts.len(), 1);
        assert!(h.skipped[0].reason.starts_with("a damaged attempt record"));
        assert!(h.skipped[1].reason.contains("not UTF-8"));
    }

    #[test]
    fn a_missing_file_is_an_empty_history() {
        let dir = tempfile::tempdir().unwrap();
        let h = read(dir.path()).unwrap();
        assert!(h.attempts.is_empty() && h.skipped.is_empty());
    }

    #[test]
    fn filters_by_name_date_tag_and_question() {
        let text = [
            record(Some("Ana"), "2026-11-01T09:00:00Z", "q1", &["empathy"]),
            record(Some("ben "), "2026-11-10T09:00:00Z", "q2", &["Policy"]),
            record(None, "2026-11-20T09:00:00Z", "q3", &[]),
        ]
        .join("\n");
        let h = parse_str(&text);
        let ids = |f: Filter| -> Vec<String> {
            h.select(&f).iter().map(|r| r.question.clone()).collect()
        };
        assert_eq!(ids(Filter::default()), ["q1", "q2", "q3"]);
        let name = |n: &str| Filter {
            name: Some(n.into()),
            ..Filter::default()
        };
        assert_eq!(ids(name("ANA")), ["q1"]);
        assert_eq!(ids(name("Ben")), ["q2"]);
        let since = Filter {
            since: Some(since("2026-11-10", 0).unwrap()),
            ..Filter::default()
        };
        assert_eq!(ids(since), ["q2", "q3"]);
        let tag = Filter {
            tags: vec!["policy".into(), "other".into()],
            ..Filter::default()
        };
        assert_eq!(ids(tag), ["q2"]);
        let q = Filter {
            questions: vec!["q3".into()],
            ..Filter::default()
        };
        assert_eq!(ids(q), ["q3"]);
    }

    #[test]
    fn since_takes_dates_and_spans() {
        let now = 1_795_000_000; // 2026-11-18T11:06:40Z
        assert_eq!(since("2026-02-28", now).unwrap(), "2026-02-28T00:00:00Z");
        assert_eq!(since("today", now).unwrap(), "2026-11-18T00:00:00Z");
        assert_eq!(since("7d", now).unwrap(), "2026-11-11T11:06:40Z");
        assert_eq!(since("2w", now).unwrap(), "2026-11-04T11:06:40Z");
        assert_eq!(since("12h", now).unwrap(), "2026-11-17T23:06:40Z");
        for bad in ["2026-02-30", "2026-13-01", "7", "d", "7y", "yesterday", ""] {
            let e = since(bad, now).unwrap_err().to_string();
            assert!(e.contains("--since") && e.contains("7d"), "{bad}: {e}");
        }
    }
}
