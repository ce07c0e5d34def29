//! Reading a cohort's answers: JSON Lines, CSV, or a folder laid out as
//! `CANDIDATE/QUESTION-ID.txt`. Every row keeps its file and line; a row that cannot be used is
//! set aside with the reason and the rest is read.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::csv;
use super::{Asked, Batch, Location, Row, Skipped};
use crate::bank::Kind;
use crate::error::Error;

mod csv_rows;
mod folder;
mod jsonl;

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

/// One thing read from the inputs, in input order.
#[derive(Debug)]
pub enum Item {
    Row(Row),
    Skipped(Skipped),
    /// An input that could not be read at all, or not to its end (missing file, permission).
    Error(Error),
}

impl From<Result<Row, Skipped>> for Item {
    fn from(r: Result<Row, Skipped>) -> Self {
        match r {
            Ok(row) => Item::Row(row),
            Err(s) => Item::Skipped(s),
        }
    }
}

/// The rows of every input, read as they are asked for: a file is read a piece at a time, so
/// only the row being read (and a buffer) is in memory. Folders are read whole (one small file
/// per answer).
pub struct Source<'a> {
    paths: std::slice::Iter<'a, PathBuf>,
    kind: InputKind,
    current: Option<Box<dyn Iterator<Item = Item>>>,
}

impl<'a> Source<'a> {
    pub fn new(paths: &'a [PathBuf], kind: InputKind) -> Self {
        Source {
            paths: paths.iter(),
            kind,
            current: None,
        }
    }
}

impl Iterator for Source<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(|c| c.next()) {
                return Some(item);
            }
            self.current = Some(open_input(self.paths.next()?, self.kind));
        }
    }
}

/// Reads every input into one batch. Unreadable files are errors in the batch, not fatal.
pub fn read_inputs(paths: &[PathBuf], kind: InputKind) -> Batch {
    let mut batch = Batch::default();
    for item in Source::new(paths, kind) {
        match item {
            Item::Row(r) => batch.rows.push(r),
            Item::Skipped(s) => batch.skipped.push(s),
            Item::Error(e) => batch.errors.push(e),
        }
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

fn once(item: Item) -> Box<dyn Iterator<Item = Item>> {
    Box::new(std::iter::once(item))
}

/// The rows of one input, read as they are asked for.
fn open_input(path: &Path, kind: InputKind) -> Box<dyn Iterator<Item = Item>> {
    if path.is_dir() {
        let mut batch = Batch::default();
        read_folder(path, &mut batch);
        let rows = batch.rows.into_iter().map(Item::Row);
        let skipped = batch.skipped.into_iter().map(Item::Skipped);
        return Box::new(
            rows.chain(skipped)
                .chain(batch.errors.into_iter().map(Item::Error)),
        );
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match open_stream(path) {
        Ok(r) => read_stream(display(path), &ext, r, kind),
        Err(e) => once(Item::Error(e)),
    }
}

/// The rows of one input named `name` with the extension `ext`, laid out as `kind` says.
fn read_stream(
    name: String,
    ext: &str,
    r: Box<dyn Read>,
    kind: InputKind,
) -> Box<dyn Iterator<Item = Item>> {
    let (head, rest) = match peek(r) {
        Ok(x) => x,
        Err(e) => return once(Item::Error(Error::io(&name, e))),
    };
    if crate::error::looks_utf16(&head) {
        return once(Item::Skipped(Skipped {
            at: Location::new(&name, 0),
            reason: crate::error::UTF16_ADVICE.into(),
        }));
    }
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let kind = match kind {
        InputKind::Auto => match ext {
            "jsonl" | "ndjson" | "json" => InputKind::Jsonl,
            "csv" | "tsv" => InputKind::Csv,
            _ if matches!(first, Some(b'{' | b'[')) => InputKind::Jsonl,
            _ => InputKind::Csv,
        },
        k => k,
    };
    let delimiter = csv::sniff_delimiter(body);
    let reader =
        std::io::BufReader::with_capacity(64 << 10, std::io::Cursor::new(head).chain(rest));
    match kind {
        InputKind::Csv => Box::new(csv_rows::CsvRows::new(name, reader, delimiter)),
        _ if first == Some(b'[') => once(Item::Skipped(Skipped {
            at: Location::new(&name, 1),
            reason: "a JSON array: write one object per line (JSON Lines), e.g. {\"candidate\": \"Ana\", \"question\": \"an-id\", \"answer\": \"...\"}".into(),
        })),
        _ => Box::new(jsonl::JsonlRows::new(name, reader)),
    }
}

/// A file (or stdin) to read from, refused when it is over [`MAX_INPUT_BYTES`]: a file at
/// once, stdin when it gets there.
fn open_stream(path: &Path) -> Result<Box<dyn Read>, Error> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(Limited {
            inner: std::io::stdin(),
            left: MAX_INPUT_BYTES,
        }));
    }
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_INPUT_BYTES {
        return Err(too_big(path));
    }
    Ok(Box::new(Limited {
        inner: f,
        left: MAX_INPUT_BYTES,
    }))
}

fn too_big(path: &Path) -> Error {
    Error::Usage(format!(
        "{}: over {} MB; split it into smaller files",
        display(path),
        MAX_INPUT_BYTES >> 20
    ))
}

/// An input, ending in an error past [`MAX_INPUT_BYTES`] (stdin, or a file that grows).
struct Limited<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            self.left = 0;
            return Err(std::io::Error::other(format!(
                "over {} MB; split it into smaller files",
                MAX_INPUT_BYTES >> 20
            )));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// The first bytes of `r`: enough to tell UTF-16 (64 bytes), the first character after a
/// byte-order mark and any blank space, and the whole first line (for the CSV delimiter), or
/// everything when the input is shorter.
fn peek(mut r: Box<dyn Read>) -> std::io::Result<(Vec<u8>, Box<dyn Read>)> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 8 << 10];
    loop {
        let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
        let seen_char = body.iter().any(|b| !b.is_ascii_whitespace());
        let seen_line = seen_char && body.iter().any(|&b| b == b'\n' || b == b'\r');
        if head.len() >= 64 && seen_line {
            break;
        }
        match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((head, r))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
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
        return Err(too_big(path));
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

    fn batch(ext: &str, text: &[u8], kind: InputKind) -> Batch {
        let mut b = Batch::default();
        let r = Box::new(std::io::Cursor::new(text.to_vec()));
        for item in read_stream(format!("a.{ext}"), ext, r, kind) {
            match item {
                Item::Row(r) => b.rows.push(r),
                Item::Skipped(s) => b.skipped.push(s),
                Item::Error(e) => b.errors.push(e),
            }
        }
        b
    }

    fn jsonl(text: &[u8]) -> Batch {
        batch("jsonl", text, InputKind::Jsonl)
    }

    fn csv_batch(text: &[u8]) -> Batch {
        batch("csv", text, InputKind::Csv)
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
