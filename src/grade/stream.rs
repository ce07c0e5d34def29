//! Grading as the rows are read: a few hundred rows at a time are read, their questions found,
//! graded (on several workers) and handed on in input order, so memory holds one chunk of rows
//! and their analyses, not the whole input.

use std::sync::{Mutex, mpsc};

use super::read::Item;
use super::{Graded, Job, Skipped, grade_one, prepare};
use crate::analyze::Analyzer;
use crate::bank::{Catalog, Kind};
use crate::error::Error;

/// The rows read, graded and handed on at a time: enough for the workers to share, few enough
/// to keep memory small.
pub const CHUNK: usize = 512;

/// What a streamed run read besides the graded answers.
#[derive(Debug, Default)]
pub struct Tally {
    /// The answers graded.
    pub graded: usize,
    /// The rows set aside, in the order they were read.
    pub skipped: Vec<Skipped>,
    /// Inputs that could not be read (or not to their end).
    pub errors: Vec<Error>,
}

/// Grades the rows of `source` a [`CHUNK`] at a time on `workers` threads, and hands each
/// chunk of graded answers, in input order, to `each`; the first error `each` returns ends
/// the run. The workers live for the whole run, so what the analyzer caches per thread
/// (the patterns' lazy DFA states) is built once per worker, not once per chunk.
pub fn stream(
    source: impl Iterator<Item = Item>,
    catalog: &Catalog,
    default_kind: Kind,
    analyzer: &Analyzer<'_>,
    workers: usize,
    each: &mut dyn FnMut(&[Graded]) -> Result<(), Error>,
) -> Result<Tally, Error> {
    if workers <= 1 {
        return chunks(source, catalog, default_kind, each, &mut |jobs| {
            jobs.iter().map(|j| grade_one(j, analyzer)).collect()
        });
    }
    let (job_tx, job_rx) = mpsc::channel::<(usize, Job<'_>)>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::thread::Result<Graded>)>();
    std::thread::scope(|s| {
        // Moved in, so that it is dropped when the chunks end: the workers then stop.
        let job_tx = job_tx;
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            s.spawn(move || {
                loop {
                    let next = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|r| r.recv().map_err(|_| ()));
                    let Ok((i, job)) = next else { break };
                    let graded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        grade_one(&job, analyzer)
                    }));
                    if done_tx.send((i, graded)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let result = chunks(source, catalog, default_kind, each, &mut |jobs| {
            let n = jobs.len();
            for (i, job) in jobs.into_iter().enumerate() {
                job_tx.send((i, job)).expect("the workers wait for jobs");
            }
            let mut out: Vec<Option<Graded>> = (0..n).map(|_| None).collect();
            for _ in 0..n {
                let (i, graded) = done_rx.recv().expect("the workers answer every job");
                match graded {
                    Ok(g) => out[i] = Some(g),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            out.into_iter().flatten().collect()
        });
        drop(job_tx);
        result
    })
}

/// Reads `source` a [`CHUNK`] at a time, finds the rows' questions, has `grade` grade the
/// jobs (in their order) and hands the result to `each`.
fn chunks<'c>(
    source: impl Iterator<Item = Item>,
    catalog: &'c Catalog,
    default_kind: Kind,
    each: &mut dyn FnMut(&[Graded]) -> Result<(), Error>,
    grade: &mut dyn FnMut(Vec<Job<'c>>) -> Vec<Graded>,
) -> Result<Tally, Error> {
    let mut tally = Tally::default();
    let mut source = source.fuse();
    loop {
        let mut rows = Vec::with_capacity(CHUNK);
        for item in source.by_ref() {
            match item {
                Item::Row(r) => rows.push(r),
                Item::Skipped(s) => tally.skipped.push(s),
                Item::Error(e) => tally.errors.push(e),
            }
            if rows.len() == CHUNK {
                break;
            }
        }
        let full = rows.len() == CHUNK;
        let (jobs, unknown) = prepare(rows, catalog, default_kind);
        tally.skipped.extend(unknown);
        if !jobs.is_empty() {
            let graded = grade(jobs);
            tally.graded += graded.len();
            each(&graded)?;
        }
        if !full {
            return Ok(tally);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::{Asked, Location, Row};
    use crate::rubric::RubricSet;

    #[test]
    fn chunks_come_in_input_order_and_skips_are_counted() {
        let catalog = Catalog::embedded().unwrap();
        let rubrics = RubricSet::embedded().unwrap();
        let analyzer = Analyzer::new(&rubrics);
        let n = CHUNK + 40;
        let items = (0..n).map(|i| {
            let id = if i % 100 == 7 {
                "no-such-question"
            } else {
                "angry-customer-call-center"
            };
            Item::Row(Row {
                at: Location::new("t.jsonl", i + 1),
                candidate: format!("c{i}"),
                asked: Asked::Id(id.into()),
                answer: "I apologized and refunded the $40 the same day.".into(),
            })
        });
        for workers in [1, 2] {
            let (mut lines, mut chunks) = (Vec::new(), 0);
            let tally = stream(
                items.clone(),
                &catalog,
                Kind::Behavioral,
                &analyzer,
                workers,
                &mut |g| {
                    chunks += 1;
                    lines.extend(g.iter().map(|g| g.at.line));
                    Ok(())
                },
            )
            .unwrap();
            let want: Vec<usize> = (1..=n).filter(|l| (l - 1) % 100 != 7).collect();
            assert_eq!(lines, want, "{workers} workers");
            assert_eq!(chunks, 2);
            assert_eq!(tally.graded, want.len());
            assert_eq!(tally.skipped.len(), n - want.len());
        }
    }
}
