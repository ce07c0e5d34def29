//! `starcoach grade` when every output is CSV or JSON Lines: answers are written as they are
//! graded, in input order, so memory holds a chunk of rows, not the whole cohort, and
//! `grade ... | head` stops as soon as `head` has its lines.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::Outcome;
use super::args::GradeFormat;
use super::grade::{Below, Progress, check_stdin_once, finish, warn_set_aside};
use crate::analyze::Analyzer;
use crate::bank::{Catalog, Kind};
use crate::error::Error;
use crate::files::AtomicFile;
use crate::grade::read::{InputKind, Source};
use crate::grade::render::{csv_dimensions, csv_head, csv_row, jsonl_line};
use crate::grade::stream::stream;
use crate::grade::{Graded, Skipped};
use crate::rubric::{Dimension, RubricSet};

/// What a streamed run writes and how it grades.
pub(super) struct Plan<'a> {
    pub files: &'a [(PathBuf, GradeFormat)],
    pub stdout: Option<GradeFormat>,
    pub kind: Kind,
    pub input_format: InputKind,
    pub workers: usize,
    pub fail_under: Option<f64>,
}

enum Dest {
    File(AtomicFile),
    /// Stdout; `None` once its reader has gone (a closed pipe).
    Stdout(Option<std::io::BufWriter<std::io::StdoutLock<'static>>>),
}

/// One output being written.
struct Out {
    format: GradeFormat,
    dest: Dest,
    /// Whether the CSV header is written.
    headed: bool,
}

impl Out {
    /// Writes `text`; a closed stdout is noted, not an error (unless nothing else is written,
    /// which the caller decides).
    fn write(&mut self, text: &str) -> Result<(), Error> {
        match &mut self.dest {
            Dest::File(f) => {
                let r = f.write_all(text.as_bytes());
                r.map_err(|e| Error::io(f.path(), e))
            }
            Dest::Stdout(slot) => {
                let Some(w) = slot else { return Ok(()) };
                match w.write_all(text.as_bytes()).and_then(|_| w.flush()) {
                    Ok(()) => Ok(()),
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        // What is buffered cannot be written any more: drop it unwritten.
                        if let Some(w) = slot.take() {
                            let _ = w.into_parts();
                        }
                        Ok(())
                    }
                    Err(e) => Err(Error::io("<stdout>", e)),
                }
            }
        }
    }

    /// True when this is a stdout whose pipe has closed.
    fn closed(&self) -> bool {
        matches!(self.dest, Dest::Stdout(None))
    }

    /// The text of `graded` in this output's format (with the CSV header first, once).
    fn text(&mut self, rubrics: &RubricSet, dims: &[Dimension], graded: &[Graded]) -> String {
        let mut s = String::new();
        if self.format == GradeFormat::Csv && !self.headed {
            s.push_str(&csv_head(dims));
            self.headed = true;
        }
        for g in graded {
            if self.format == GradeFormat::Csv {
                s.push_str(&csv_row(rubrics, dims, g));
            } else {
                s.push_str(&jsonl_line(rubrics, g));
            }
        }
        s
    }
}

pub(super) fn run(
    plan: &Plan<'_>,
    inputs: &[PathBuf],
    catalog: &Catalog,
    rubrics: &RubricSet,
) -> Outcome {
    check_stdin_once(inputs)?;
    let mut outs = Vec::new();
    for (path, format) in plan.files {
        outs.push(Out {
            format: *format,
            dest: Dest::File(AtomicFile::create(path)?),
            headed: false,
        });
    }
    if let Some(format) = plan.stdout {
        let w = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
        outs.push(Out {
            format,
            dest: Dest::Stdout(Some(w)),
            headed: false,
        });
    }
    let analyzer = Analyzer::new(rubrics);
    let dims = csv_dimensions(rubrics, true);
    let mut below = Below::new(plan.fail_under);
    let mut bar = Progress::new(std::io::stderr().is_terminal());
    let mut done = 0;
    let source = Source::new(inputs, plan.input_format);
    let tally = stream(
        source,
        catalog,
        plan.kind,
        &analyzer,
        plan.workers,
        &mut |graded| {
            below.add(graded);
            for out in &mut outs {
                let text = out.text(rubrics, &dims, graded);
                out.write(&text)?;
            }
            if outs.iter().all(Out::closed) {
                // Nobody reads any more: stop reading and grading, quietly.
                return Err(Error::io("<stdout>", std::io::ErrorKind::BrokenPipe.into()));
            }
            done += graded.len();
            if done >= super::grade::PROGRESS_FROM {
                bar.count(done);
            }
            Ok(())
        },
    );
    bar.finish();
    let mut tally = tally?;
    if tally.graded == 0 && tally.skipped.is_empty() && tally.errors.is_empty() {
        return Err(Error::Usage(
            "no answers in the input; expected rows with candidate, question and answer".into(),
        ));
    }
    for out in &mut outs {
        if out.format == GradeFormat::Csv && !out.headed {
            out.write(&csv_head(&[]))?;
            out.headed = true;
        }
    }
    for out in outs {
        match out.dest {
            Dest::File(f) => f.commit()?,
            Dest::Stdout(Some(mut w)) => w.flush().map_err(|e| Error::io("<stdout>", e))?,
            Dest::Stdout(None) => {}
        }
    }
    let skipped: &mut Vec<Skipped> = &mut tally.skipped;
    warn_set_aside(skipped, &tally.errors);
    Ok(finish(
        plan.files,
        tally.graded,
        skipped,
        &tally.errors,
        &below,
    ))
}
