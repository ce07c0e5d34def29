//! CSV with a header row naming the columns (any order, any case; extra columns ignored), read
//! a record at a time.

use std::io::Read;

use super::{Fields, Item, Location, Skipped, duplicate_column, to_row};
use crate::error::Error;
use crate::grade::csv::{self, Record};

/// Where each column starcoach reads is.
struct Columns {
    names: Vec<String>,
    candidate: Option<usize>,
    question: Option<usize>,
    text: Option<usize>,
    kind: Option<usize>,
    answer: Option<usize>,
}

enum Header {
    Unread,
    Good(Columns),
    /// The header cannot be used: only malformed records are still reported.
    Bad,
}

pub(super) struct CsvRows<R> {
    name: String,
    records: csv::Reader<R>,
    header: Header,
    done: bool,
}

impl<R: Read> CsvRows<R> {
    pub(super) fn new(name: String, reader: R, delimiter: u8) -> Self {
        CsvRows {
            name,
            records: csv::Reader::new(reader, delimiter),
            header: Header::Unread,
            done: false,
        }
    }

    fn skipped(&self, line: usize, reason: String) -> Item {
        Item::Skipped(Skipped {
            at: Location::new(&self.name, line),
            reason,
        })
    }
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let rec = match self.records.next() {
                None => {
                    self.done = true;
                    if let Header::Unread = self.header {
                        return Some(
                            self.skipped(
                                0,
                                "no rows: expected a header line such as candidate,question,answer"
                                    .into(),
                            ),
                        );
                    }
                    return None;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Item::Error(Error::io(&self.name, e)));
                }
                Some(Ok(Err(bad))) => {
                    return Some(self.skipped(bad.line, format!("malformed CSV: {}", bad.message)));
                }
                Some(Ok(Ok(rec))) => rec,
            };
            match &self.header {
                Header::Unread => match columns(rec) {
                    Ok(c) => self.header = Header::Good(c),
                    Err((line, reason)) => {
                        self.header = Header::Bad;
                        return Some(self.skipped(line, reason));
                    }
                },
                Header::Bad => {}
                Header::Good(c) => {
                    let at = Location::new(&self.name, rec.line);
                    return Some(match row(c, rec) {
                        Ok(fields) => to_row(at, fields).into(),
                        Err(reason) => Item::Skipped(Skipped { at, reason }),
                    });
                }
            }
        }
        None
    }
}

/// The columns a header names, or the line and reason it cannot be used.
fn columns(header: Record) -> Result<Columns, (usize, String)> {
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
        return Err((header.line, reason));
    }
    let col = |want: &[&str]| names.iter().position(|n| want.contains(&n.as_str()));
    let c = Columns {
        candidate: col(&["candidate", "name"]),
        question: col(&["question", "question_id"]),
        text: col(&["question_text"]),
        kind: col(&["kind"]),
        answer: col(&["answer", "text"]),
        names: Vec::new(),
    };
    let mut missing = Vec::new();
    if c.candidate.is_none() {
        missing.push("candidate");
    }
    if c.answer.is_none() {
        missing.push("answer");
    }
    if c.question.is_none() && c.text.is_none() {
        missing.push("question (or question_text)");
    }
    if !missing.is_empty() {
        return Err((
            header.line,
            format!(
                "the header has no {} column; the first line must name the columns, e.g. candidate,question,answer (found: {})",
                missing.join(", "),
                names.join(",")
            ),
        ));
    }
    Ok(Columns { names, ..c })
}

/// The fields of one record, or why it cannot be read.
fn row(c: &Columns, rec: Record) -> Result<Fields, String> {
    let names = &c.names;
    if rec.fields.len() > names.len() {
        return Err(format!(
            "{} fields but the header has {}: is there an unquoted comma in the answer? Put text with commas in double quotes",
            rec.fields.len(),
            names.len()
        ));
    }
    let needed = [c.candidate, c.answer, c.question.or(c.text)];
    if let Some(cut) = needed
        .into_iter()
        .flatten()
        .find(|&i| i >= rec.fields.len())
    {
        return Err(format!(
            "{} field{} but the header has {}: the row ends before the `{}` column (a line break outside quotes?)",
            rec.fields.len(),
            if rec.fields.len() == 1 { "" } else { "s" },
            names.len(),
            names[cut]
        ));
    }
    let mut decoded: Vec<Option<String>> = Vec::with_capacity(names.len());
    for (i, f) in rec.fields.into_iter().enumerate() {
        match String::from_utf8(f) {
            Ok(s) => decoded.push(Some(s)),
            Err(e) => {
                let off = e.utf8_error().valid_up_to();
                return Err(format!(
                    "not valid UTF-8 text in the `{}` column (bad byte at offset {off}); save the file as UTF-8",
                    names[i]
                ));
            }
        }
    }
    let mut get = |i: Option<usize>| i.and_then(|i| decoded.get_mut(i).and_then(Option::take));
    Ok(Fields {
        candidate: get(c.candidate),
        question: get(c.question),
        question_text: get(c.text),
        kind: get(c.kind),
        answer: get(c.answer),
    })
}
