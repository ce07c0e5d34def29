//! Reading a cohort's answers: JSON Lines, CSV, or a folder laid out as
//! `CANDIDATE/QUESTION-ID.txt`. Every row keeps its file and line; a row that cannot be used is
//! set aside with the reason and the rest is read.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::csv;
use super::{Asked, Batch, Location, Row, Skipped};
use crate::bank::Kind;
use crate::error::Error;

mod folder;

use folder::read_folder;

/// The most one input file may be.
pub const MAX_INPUT_BYTES: u64 = 256 << 20;

/// The most one answer may be (as for `starcoach analyze`).
pub const MAX_ANSWER_BYTES: usize = crate::answer::MAX_BYTES;

/// How an input is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputKind {
    /// From the extension (.jsonl, .json, .csv, .tsv; a folder), else the first character.
    #[default]
    Auto,
    Jsonl,
    Csv,
}

/// Reads every input into one batch. Unreadable files are errors in the batch, not fatal.
pub fn read_inputs(paths: &[PathBuf], kind: InputKind) -> Batch {
    let mut batch = Batch::default();
    for p in paths {
        read_input(p, kind, &mut batch);
    }
    batch
}

fn display(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        p.display().to_string()
    }
}

fn read_input(path: &Path, kind: InputKind, batch: &mut Batch) {
    if path.is_dir() {
        read_folder(path, batch);
        return;
    }
    let bytes = match read_bytes(path) {
        Ok(b) => b,
        Err(e) => {
            batch.errors.push(e);
            return;
        }
    };
    let name = display(path);
    if crate::error::looks_utf16(&bytes) {
        batch.skipped.push(Skipped {
            at: Location::new(&name, 0),
            reason: crate::error::UTF16_ADVICE.into(),
        });
        return;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let kind = match kind {
        InputKind::Auto => match ext.as_str() {
            "jsonl" | "ndjson" | "json" => InputKind::Jsonl,
            "csv" | "tsv" => InputKind::Csv,
            _ => {
                let first = bytes
                    .strip_prefix(b"\xef\xbb\xbf")
                    .unwrap_or(&bytes)
                    .iter()
                    .find(|b| !b.is_ascii_whitespace());
                if matches!(first, Some(b'{' | b'[')) {
                    InputKind::Jsonl
                } else {
                    InputKind::Csv
                }
            }
        },
        k => k,
    };
    match kind {
        InputKind::Csv => read_csv(&name, &bytes, batch),
        _ => read_jsonl(&name, &bytes, batch),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        f.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Usage(format!(
            "{}: over {} MB; split it into smaller files",
            display(path),
            MAX_INPUT_BYTES >> 20
        )));
    }
    Ok(bytes)
}

/// What one row said, before it is checked.
#[derive(Default)]
struct Fields {
    candidate: Option<String>,
    question: Option<String>,
    question_text: Option<String>,
    kind: Option<String>,
    answer: Option<String>,
}

/// Turns the fields of one row into a row, or the reason it cannot be graded.
fn to_row(at: Location, f: Fields) -> Result<Row, Skipped> {
    let skip = |reason: String| Skipped {
        at: at.clone(),
        reason,
    };
    let candidate = f
        .candidate
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| skip("no candidate: the `candidate` column is empty".into()))?;
    let answer = f.answer.unwrap_or_default();
    if crate::safe_text::is_blank(&answer) {
        return Err(skip(format!("empty answer from {candidate}")));
    }
    if answer.len() > MAX_ANSWER_BYTES {
        return Err(skip(format!(
            "the answer is over {} MB",
            MAX_ANSWER_BYTES >> 20
        )));
    }
    let question = f
        .question
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty());
    let text = f
        .question_text
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty());
    let asked = match (question, text) {
        (Some(id), _) => Asked::Id(id),
        (None, Some(text)) => {
            let kind = match f.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
                Some(k) => Some(k.parse::<Kind>().map_err(skip)?),
                None => None,
            };
            Asked::Text { text, kind }
        }
        (None, None) => {
            return Err(skip(
                "no question: give a bank id in `question` or the question in `question_text`"
                    .into(),
            ));
        }
    };
    Ok(Row {
        at,
        candidate,
        asked,
        answer,
    })
}

fn push(batch: &mut Batch, r: Result<Row, Skipped>) {
    match r {
        Ok(row) => batch.rows.push(row),
        Err(s) => batch.skipped.push(s),
    }
}

/// JSON Lines: one object per line with `candidate`, `question` or `question_text`, `answer`.
fn read_jsonl(name: &str, bytes: &[u8], batch: &mut Batch) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        batch.skipped.push(Skipped {
            at: Location::new(name, 1),
            reason: "a JSON array: write one object per line (JSON Lines), e.g. {\"candidate\": \"Ana\", \"question\": \"an-id\", \"answer\": \"...\"}".into(),
        });
        return;
    }
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let at = Location::new(name, i + 1);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            Err(e) => {
                batch.skipped.push(Skipped {
                    at,
                    reason: format!(
                        "not valid UTF-8 text (bad byte at column {}); save the file as UTF-8",
                        e.valid_up_to() + 1
                    ),
                });
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                batch.skipped.push(Skipped {
                    at: Location {
                        column: e.column(),
                        ..at
                    },
                    reason: format!("not a JSON object: {e}"),
                });
                continue;
            }
        };
        let Value::Object(map) = value else {
            batch.skipped.push(Skipped {
                at,
                reason: "not a JSON object: expected {\"candidate\": ..., \"question\": ..., \"answer\": ...}".into(),
            });
            continue;
        };
        let mut fields = Fields::default();
        let mut wrong = None;
        for (key, v) in &map {
            let slot = match key.to_ascii_lowercase().as_str() {
                "candidate" | "name" => &mut fields.candidate,
                "question" | "question_id" => &mut fields.question,
                "question_text" => &mut fields.question_text,
                "kind" => &mut fields.kind,
                "answer" | "text" => &mut fields.answer,
                _ => continue,
            };
            match v {
                Value::String(s) => *slot = Some(s.clone()),
                Value::Number(n) => *slot = Some(n.to_string()),
                Value::Null => {}
                _ => wrong = Some(key.clone()),
            }
        }
        if let Some(key) = wrong {
            batch.skipped.push(Skipped {
                at,
                reason: format!("`{key}` should be text"),
            });
            continue;
        }
        push(batch, to_row(at, fields));
    }
}

/// CSV with a header row naming the columns (any order, any case; extra columns ignored).
fn read_csv(name: &str, bytes: &[u8], batch: &mut Batch) {
    let delimiter = csv::sniff_delimiter(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));
    let (records, bad) = csv::read(bytes, delimiter);
    for b in bad {
        batch.skipped.push(Skipped {
            at: Location::new(name, b.line),
            reason: format!("malformed CSV: {}", b.message),
        });
    }
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        batch.skipped.push(Skipped {
            at: Location::new(name, 0),
            reason: "no rows: expected a header line such as candidate,question,answer".into(),
        });
        return;
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim()
                .to_ascii_lowercase()
                .replace([' ', '-'], "_")
        })
        .collect();
    if let Some(reason) = duplicate_column(&names) {
        batch.skipped.push(Skipped {
            at: Location::new(name, header.line),
            reason,
        });
        return;
    }
    let col = |want: &[&str]| names.iter().position(|n| want.contains(&n.as_str()));
    let c_candidate = col(&["candidate", "name"]);
    let c_question = col(&["question", "question_id"]);
    let c_text = col(&["question_text"]);
    let c_kind = col(&["kind"]);
    let c_answer = col(&["answer", "text"]);
    let mut missing = Vec::new();
    if c_candidate.is_none() {
        missing.push("candidate");
    }
    if c_answer.is_none() {
        missing.push("answer");
    }
    if c_question.is_none() && c_text.is_none() {
        missing.push("question (or question_text)");
    }
    if !missing.is_empty() {
        batch.skipped.push(Skipped {
            at: Location::new(name, header.line),
            reason: format!(
                "the header has no {} column; the first line must name the columns, e.g. candidate,question,answer (found: {})",
                missing.join(", "),
                names.join(",")
            ),
        });
        return;
    }
    for rec in records {
        let at = Location::new(name, rec.line);
        if rec.fields.len() > names.len() {
            batch.skipped.push(Skipped {
                at,
                reason: format!(
                    "{} fields but the header has {}: is there an unquoted comma in the answer? Put text with commas in double quotes",
                    rec.fields.len(),
                    names.len()
                ),
            });
            continue;
        }
        let needed = [c_candidate, c_answer, c_question.or(c_text)];
        if let Some(cut) = needed
            .into_iter()
            .flatten()
            .find(|&c| c >= rec.fields.len())
        {
            batch.skipped.push(Skipped {
                at,
                reason: format!(
                    "{} field{} but the header has {}: the row ends before the `{}` column (a line break outside quotes?)",
                    rec.fields.len(),
                    if rec.fields.len() == 1 { "" } else { "s" },
                    names.len(),
                    names[cut]
                ),
            });
            continue;
        }
        let mut decoded: Vec<Option<String>> = Vec::with_capacity(names.len());
        let mut bad_utf8 = None;
        for (i, f) in rec.fields.into_iter().enumerate() {
            match String::from_utf8(f) {
                Ok(s) => decoded.push(Some(s)),
                Err(e) => {
                    bad_utf8 = Some((i, e.utf8_error().valid_up_to()));
                    break;
                }
            }
        }
        if let Some((i, off)) = bad_utf8 {
            batch.skipped.push(Skipped {
                at,
                reason: format!(
                    "not valid UTF-8 text in the `{}` column (bad byte at offset {off}); save the file as UTF-8",
                    names[i]
                ),
            });
            continue;
        }
        let get = |c: Option<usize>| c.and_then(|i| decoded.get(i).cloned().flatten());
        let fields = Fields {
            candidate: get(c_candidate),
            question: get(c_question),
            question_text: get(c_text),
            kind: get(c_kind),
            answer: get(c_answer),
        };
        push(batch, to_row(at, fields));
    }
}

/// Why a header that names a column starcoach reads twice cannot be used (which of the two
/// would be the answer?), or `None`.
fn duplicate_column(names: &[String]) -> Option<String> {
    const READ: [&[&str]; 5] = [
        &["candidate", "name"],
        &["question", "question_id"],
        &["question_text"],
        &["kind"],
        &["answer", "text"],
    ];
    for group in READ {
        let at: Vec<usize> = (0..names.len())
            .filter(|&i| group.contains(&names[i].as_str()))
            .collect();
        if at.len() > 1 {
            let shown: Vec<String> = at
                .iter()
                .map(|&i| format!("`{}` (column {})", names[i], i + 1))
                .collect();
            return Some(format!(
                "the header names the same column more than once: {}; rename or remove all but one",
                shown.join(" and ")
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(text: &[u8]) -> Batch {
        let mut b = Batch::default();
        read_jsonl("a.jsonl", text, &mut b);
        b
    }

    fn csv_batch(text: &[u8]) -> Batch {
        let mut b = Batch::default();
        read_csv("a.csv", text, &mut b);
        b
    }

    #[test]
    fn jsonl_rows_keep_their_lines_and_bad_lines_are_set_aside() {
        let b = jsonl(
            b"{\"candidate\":\"Ana\",\"question\":\"q-1\",\"answer\":\"I helped.\",\"extra\":1}\n\
              \n\
              {\"candidate\":\"Ben\",\"question_text\":\"Why us?\",\"kind\":\"motivation\",\"answer\":\"Because.\"}\n\
              {oops\n\
              {\"candidate\":\"Cy\",\"question\":\"q-1\",\"answer\":\"  \"}\n\
              {\"candidate\":\"D\xff\",\"question\":\"q\",\"answer\":\"x\"}\n",
        );
        assert_eq!(b.rows.len(), 2);
        assert_eq!(b.rows[1].at.line, 3);
        assert_eq!(
            b.rows[1].asked,
            Asked::Text {
                text: "Why us?".into(),
                kind: Some(Kind::Motivation)
            }
        );
        let why: Vec<(usize, &str)> = b
            .skipped
            .iter()
            .map(|s| (s.at.line, s.reason.as_str()))
            .collect();
        assert_eq!(why.len(), 3, "{why:?}");
        assert_eq!(why[0].0, 4);
        assert!(why[0].1.starts_with("not a JSON object"));
        assert_eq!(why[1], (5, "empty answer from Cy"));
        assert_eq!(why[2].0, 6);
        assert!(why[2].1.starts_with("not valid UTF-8"));
    }

    #[test]
    fn csv_columns_are_found_by_name_and_extra_ones_ignored() {
        let b = csv_batch(
            b"Score,Answer,Candidate,Question\n,\"I listened, then I acted.\",Ana,q-1\n,x,Ben\n",
        );
        assert_eq!(b.rows.len(), 1);
        assert_eq!(b.rows[0].answer, "I listened, then I acted.");
        assert_eq!(b.skipped.len(), 1);
        assert_eq!(b.skipped[0].at.line, 3);
        // Too short a row is called that, not an empty question or answer.
        assert!(
            b.skipped[0]
                .reason
                .contains("the row ends before the `question` column"),
            "{:?}",
            b.skipped
        );
    }

    #[test]
    fn csv_rows_with_too_many_fields_are_not_silently_cut() {
        let b = csv_batch(b"candidate,question,answer\nAna,q-1,I listened, then I acted.\n");
        assert!(b.rows.is_empty());
        assert!(
            b.skipped[0].reason.contains("unquoted comma"),
            "{:?}",
            b.skipped
        );
    }

    #[test]
    fn csv_without_the_needed_columns_says_which() {
        let b = csv_batch(b"who,what\nAna,hi\n");
        assert!(b.rows.is_empty());
        assert!(
            b.skipped[0]
                .reason
                .contains("no candidate, answer, question (or question_text) column"),
            "{:?}",
            b.skipped
        );
    }

    #[test]
    fn a_json_array_gets_advice() {
        let b = jsonl(b"[{\"answer\": \"x\"}]");
        assert!(b.skipped[0].reason.contains("JSON Lines"));
    }
}
