//! Batch grading: many candidates' written answers scored at once, for a coach.
//!
//! ```text
//! inputs (JSON Lines, CSV, CANDIDATE/QUESTION-ID.txt folders) -> read: rows + skipped rows
//!   -> prepare: questions looked up in the catalog (by id, or by text) -> grade: the analyzer,
//!   in parallel -> cohort: averages and the most common weaknesses -> render: table, CSV, JSON,
//!   Markdown, HTML
//! ```
//!
//! A row that cannot be graded (unknown question id, empty answer, invalid UTF-8, a malformed
//! line) is set aside with its file, line and reason, and the rest is graded. Grading is
//! deterministic: the same inputs give the same output whatever the number of workers.

pub mod cohort;
pub mod compare;
pub mod csv;
pub mod html;
pub mod read;
pub mod render;
pub mod stream;

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::analyze::{Analysis, Analyzer, Context, Label};
use crate::bank::{Catalog, Kind, Question};
use crate::error::Error;
use crate::feedback::{self, Feedback, Fix};
use crate::rubric::{Dimension, Rubric};

/// Where a row came from. `line` 0 means the whole file (a folder's answer file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    /// 1-based, when known (JSON errors).
    pub column: usize,
}

impl Location {
    pub fn new(file: &str, line: usize) -> Self {
        Location {
            file: file.to_string(),
            line,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.file),
            (l, 0) => write!(f, "{}:{l}", self.file),
            (l, c) => write!(f, "{}:{l}:{c}", self.file),
        }
    }
}

/// The question a row answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// A question in the banks.
    Id(String),
    /// A question given by its text. When it is the text of a bank question
    /// ([`Catalog::find_by_text`]), [`prepare`] grades the row as that question, as if its id
    /// had been given (the bank's kind, as for an id); otherwise it is scored with the rubric
    /// of `kind` (or `--kind`).
    Text { text: String, kind: Option<Kind> },
}

/// One answer to grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub at: Location,
    pub candidate: String,
    pub asked: Asked,
    pub answer: String,
}

/// A row set aside, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub at: Location,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Batch {
    pub rows: Vec<Row>,
    pub skipped: Vec<Skipped>,
    /// Inputs that could not be read at all (missing file, permission).
    pub errors: Vec<Error>,
}

/// A row ready to grade: its question found, its kind known.
#[derive(Debug, Clone)]
pub struct Job<'c> {
    pub row: Row,
    pub question: Option<&'c Question>,
    pub kind: Kind,
}

/// Looks up each row's question; rows naming an unknown id are set aside with suggestions. A
/// row that gives the text of a bank question gets that question, like a row giving its id.
pub fn prepare<'c>(
    rows: Vec<Row>,
    catalog: &'c Catalog,
    default_kind: Kind,
) -> (Vec<Job<'c>>, Vec<Skipped>) {
    let mut jobs = Vec::with_capacity(rows.len());
    let mut skipped = Vec::new();
    for row in rows {
        match &row.asked {
            Asked::Id(id) => match catalog.require(id) {
                Ok(q) => jobs.push(Job {
                    kind: q.kind,
                    question: Some(q),
                    row,
                }),
                Err(e) => skipped.push(Skipped {
                    at: row.at.clone(),
                    reason: e.to_string(),
                }),
            },
            Asked::Text { text, kind } => match catalog.find_by_text(text) {
                Some(q) => jobs.push(Job {
                    kind: q.kind,
                    question: Some(q),
                    row,
                }),
                None => jobs.push(Job {
                    kind: kind.unwrap_or(default_kind),
                    question: None,
                    row,
                }),
            },
        }
    }
    (jobs, skipped)
}

/// One graded answer.
#[derive(Debug, Clone)]
pub struct Graded {
    pub at: Location,
    pub candidate: String,
    /// The bank id, for questions from the banks.
    pub question_id: Option<String>,
    pub question_text: String,
    pub analysis: Analysis,
    pub feedback: Feedback,
}

impl Graded {
    /// How the question is named in tables: its id, or its text.
    pub fn question(&self) -> &str {
        self.question_id.as_deref().unwrap_or(&self.question_text)
    }

    /// The STAR parts (and the lesson) the rubric scores that the answer leaves out.
    pub fn missing(&self, rubric: &Rubric) -> Vec<Label> {
        [
            (Label::Situation, Dimension::Situation),
            (Label::Task, Dimension::Task),
            (Label::Action, Dimension::Action),
            (Label::Result, Dimension::Result),
            (Label::Reflection, Dimension::Reflection),
        ]
        .into_iter()
        .filter(|(l, d)| {
            rubric.weight(*d) > 0.0 && self.analysis.star.part(*l).is_some_and(|p| !p.present)
        })
        .map(|(l, _)| l)
        .collect()
    }

    /// The fix the coach would give first.
    pub fn top_fix(&self) -> Option<&Fix> {
        self.feedback.fixes.first()
    }
}

/// Grades one job.
pub fn grade_one(job: &Job<'_>, analyzer: &Analyzer<'_>) -> Graded {
    let text = crate::answer::normalize(&job.row.answer);
    let analysis = analyzer.analyze_in(
        &text,
        Context {
            kind: job.kind,
            question: job.question,
        },
    );
    let rubric = analyzer.rubrics().for_kind(job.kind);
    let feedback = feedback::coach(&analysis, rubric, job.question);
    Graded {
        at: job.row.at.clone(),
        candidate: job.row.candidate.clone(),
        question_id: job.question.map(|q| q.id.clone()),
        question_text: match (&job.row.asked, job.question) {
            (_, Some(q)) => q.text.clone(),
            (Asked::Text { text, .. }, None) => text.clone(),
            (Asked::Id(id), None) => id.clone(),
        },
        analysis,
        feedback,
    }
}

/// Inputs at least this large are graded by several workers.
pub const PARALLEL_FROM: usize = 32;

/// Grades every job, on `workers` threads for large inputs, in input order. `progress` is
/// called from the calling thread with (done, total) now and then.
pub fn grade(
    jobs: &[Job<'_>],
    analyzer: &Analyzer<'_>,
    workers: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Graded> {
    let total = jobs.len();
    if workers <= 1 || total < PARALLEL_FROM {
        let mut out = Vec::with_capacity(total);
        for (i, job) in jobs.iter().enumerate() {
            out.push(grade_one(job, analyzer));
            progress(i + 1, total);
        }
        return out;
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let caller = std::thread::current();
    let mut parts: Vec<Vec<(usize, Graded)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= total {
                            break;
                        }
                        mine.push((i, grade_one(&jobs[i], analyzer)));
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    // Wake the caller at once rather than at its next progress tick.
                    caller.unpark();
                    mine
                })
            })
            .collect();
        while done.load(Ordering::Relaxed) < total && !handles.iter().all(|h| h.is_finished()) {
            progress(done.load(Ordering::Relaxed), total);
            std::thread::park_timeout(std::time::Duration::from_millis(80));
        }
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    progress(total, total);
    let mut all: Vec<(usize, Graded)> = parts.iter_mut().flat_map(std::mem::take).collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, g)| g).collect()
}

/// The number of workers to grade with: 2 (the cores the tool is meant to share), or 1 on a
/// single-core machine.
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::RubricSet;

    fn rows(n: usize) -> Vec<Row> {
        let answers = [
            "Last spring a caller was furious about a double charge. I apologized, refunded the $40 the same day and set up an alert. She stayed with us.",
            "I always listen and stay calm.",
            "I would apologize and escalate.",
        ];
        (0..n)
            .map(|i| Row {
                at: Location::new("t.jsonl", i + 1),
                candidate: format!("c{}", i % 7),
                asked: Asked::Id("angry-customer-call-center".into()),
                answer: answers[i % answers.len()].into(),
            })
            .collect()
    }

    #[test]
    fn parallel_grading_gives_the_same_results_in_the_same_order() {
        let catalog = Catalog::embedded().unwrap();
        let rubrics = RubricSet::embedded().unwrap();
        let analyzer = Analyzer::new(&rubrics);
        let (jobs, skipped) = prepare(rows(40), &catalog, Kind::Behavioral);
        assert!(skipped.is_empty());
        let one = grade(&jobs, &analyzer, 1, &mut |_, _| {});
        let mut seen = 0;
        let two = grade(&jobs, &analyzer, 2, &mut |d, _| seen = seen.max(d));
        assert_eq!(seen, 40);
        assert_eq!(one.len(), 40);
        for (a, b) in one.iter().zip(&two) {
            assert_eq!(a.at, b.at);
            assert_eq!(a.analysis, b.analysis);
        }
    }

    #[test]
    fn a_bank_question_given_by_its_text_is_graded_as_that_question() {
        let catalog = Catalog::embedded().unwrap();
        let asked = |text: &str, kind| Asked::Text {
            text: text.into(),
            kind,
        };
        let mut r = rows(3);
        // The bank's kind wins over the row's, as it does for a row giving the id.
        r[0].asked = asked("tell me about yourself", Some(Kind::Situational));
        r[1].asked = asked(
            "Tell me about yourself in one word.",
            Some(Kind::Situational),
        );
        r[2].asked = Asked::Id("tell-me-about-yourself".into());
        let (jobs, skipped) = prepare(r, &catalog, Kind::Behavioral);
        assert!(skipped.is_empty());
        let seen: Vec<(Option<&str>, Kind)> = jobs
            .iter()
            .map(|j| (j.question.map(|q| q.id.as_str()), j.kind))
            .collect();
        assert_eq!(
            seen,
            [
                (Some("tell-me-about-yourself"), Kind::General),
                (None, Kind::Situational),
                (Some("tell-me-about-yourself"), Kind::General),
            ]
        );
    }

    #[test]
    fn unknown_ids_are_set_aside_with_a_suggestion() {
        let catalog = Catalog::embedded().unwrap();
        let mut r = rows(1);
        r[0].asked = Asked::Id("angry-customer-call-centre".into());
        let (jobs, skipped) = prepare(r, &catalog, Kind::Behavioral);
        assert!(jobs.is_empty());
        let shown = skipped[0].to_string();
        assert!(
            shown.starts_with(
                "t.jsonl:1: unknown question id `angry-customer-call-centre`; did you mean `angry-customer-call-center`"
            ),
            "{shown}"
        );
    }
}
