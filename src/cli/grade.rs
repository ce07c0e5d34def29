//! `starcoach grade`: a cohort's answers scored in one run; and `starcoach rubric compare`,
//! which grades the same answers with two rubrics.
//!
//! Rows that cannot be graded are reported on stderr with their file and line, the rest is
//! graded, and the exit status says something was skipped (1). Unreadable inputs are reported
//! the same way and end with status 2, after whatever could be graded is written.

use std::io::IsTerminal;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::args::{CompareFormat, GradeArgs, GradeFormat};
use super::{EXIT_ATTENTION, EXIT_ERROR, EXIT_OK, Global, Outcome, out_raw};
use crate::analyze::Analyzer;
use crate::bank::{Catalog, Kind};
use crate::error::Error;
use crate::files::{Inputs, write_atomic};
use crate::grade::read::{InputKind, read_inputs};
use crate::grade::render::Results;
use crate::grade::{self, Graded, Skipped, cohort, compare};
use crate::rubric::{RubricSet, load_rubric_file};

/// Answers at least this many get a progress bar (when stderr is a terminal).
pub(super) const PROGRESS_FROM: usize = 100;

fn format_for(path: &Path) -> Result<GradeFormat, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Ok(match ext.as_str() {
        "csv" => GradeFormat::Csv,
        "json" => GradeFormat::Json,
        "jsonl" | "ndjson" => GradeFormat::Jsonl,
        "md" | "markdown" => GradeFormat::Markdown,
        "html" | "htm" => GradeFormat::Html,
        "txt" | "text" => GradeFormat::Table,
        _ => {
            return Err(Error::Usage(format!(
                "{}: cannot tell the format from the extension; use .csv, .json, .jsonl, .md, .html or .txt",
                path.display()
            )));
        }
    })
}

pub(super) fn warn(s: &str) {
    super::note(s);
}

/// The rows read from the inputs, ready to grade, with what was set aside.
struct Loaded<'c> {
    jobs: Vec<grade::Job<'c>>,
    skipped: Vec<Skipped>,
    errors: Vec<Error>,
}

impl Loaded<'_> {
    fn is_empty(&self) -> bool {
        self.jobs.is_empty() && self.skipped.is_empty() && self.errors.is_empty()
    }
}

pub(super) fn check_stdin_once(inputs: &[PathBuf]) -> Result<(), Error> {
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage("stdin (-) can be read only once".into()));
    }
    Ok(())
}

/// Reports on stderr the rows set aside (sorted by file and line) and the unreadable inputs.
pub(super) fn warn_set_aside(skipped: &mut [Skipped], errors: &[Error]) {
    skipped.sort_by(|a, b| a.at.file.cmp(&b.at.file).then(a.at.line.cmp(&b.at.line)));
    for s in skipped.iter() {
        warn(&format!("warning: {s} (skipped)"));
    }
    for e in errors {
        warn(&format!("error: {e}"));
    }
}

/// Reads and checks the inputs; reports skipped rows and unreadable inputs on stderr.
fn load<'c>(
    inputs: &[PathBuf],
    input_format: InputKind,
    kind: Kind,
    catalog: &'c Catalog,
) -> Result<Loaded<'c>, Error> {
    check_stdin_once(inputs)?;
    let batch = read_inputs(inputs, input_format);
    let (jobs, unknown) = grade::prepare(batch.rows, catalog, kind);
    let mut skipped = batch.skipped;
    skipped.extend(unknown);
    warn_set_aside(&mut skipped, &batch.errors);
    let loaded = Loaded {
        jobs,
        skipped,
        errors: batch.errors,
    };
    if loaded.is_empty() {
        return Err(Error::Usage(
            "no answers in the input; expected rows with candidate, question and answer".into(),
        ));
    }
    Ok(loaded)
}

/// Grades the jobs with a progress bar on stderr for large inputs.
fn grade_jobs(jobs: &[grade::Job<'_>], rubrics: &RubricSet, workers: usize) -> Vec<Graded> {
    let analyzer = Analyzer::new(rubrics);
    let show = jobs.len() >= PROGRESS_FROM && std::io::stderr().is_terminal();
    let mut bar = Progress::new(show);
    let graded = grade::grade(jobs, &analyzer, workers, &mut |d, t| bar.update(d, t));
    bar.finish();
    graded
}

pub fn run(g: &Global, a: GradeArgs) -> Outcome {
    let files: Vec<(PathBuf, GradeFormat)> = a
        .output
        .iter()
        .map(|p| format_for(p).map(|f| (p.clone(), f)))
        .collect::<Result<_, _>>()?;
    let mut inputs = g.inputs();
    for p in a.inputs.iter().filter(|p| p.as_os_str() != "-") {
        inputs.add(p, "the answers file");
    }
    Inputs::check_distinct(&a.output)?;
    for (path, _) in &files {
        inputs.check_output(path)?;
    }
    if a.format.is_some() || files.is_empty() {
        inputs.check_stdout()?;
    }
    let catalog = g.catalog()?;
    let rubrics = g.rubrics()?;
    let workers = a.jobs.map_or_else(grade::default_workers, usize::from);
    let stdout_format = a.format.or(files.is_empty().then_some(GradeFormat::Table));
    let streams = |f: GradeFormat| matches!(f, GradeFormat::Csv | GradeFormat::Jsonl);
    // The written-English notes are checked over the whole cohort after grading, so a run
    // with them does not stream.
    let english = super::english::settings(&a.english, &g.config, false)?;
    if english.is_none()
        && files.iter().all(|(_, f)| streams(*f))
        && stdout_format.is_none_or(streams)
    {
        let plan = super::grade_stream::Plan {
            files: &files,
            stdout: stdout_format,
            kind: a.kind,
            input_format: a.input_format,
            workers,
            fail_under: a.fail_under,
        };
        return super::grade_stream::run(&plan, &a.inputs, &catalog, &rubrics);
    }
    let run = load(&a.inputs, a.input_format, a.kind, &catalog)?;
    let mut graded = grade_jobs(&run.jobs, &rubrics, workers);
    if let Some(settings) = english {
        super::english::check_graded(&settings, &mut graded, workers)?;
    }
    let summary = cohort::summarize(&graded, &rubrics);
    let results = Results {
        graded: &graded,
        skipped: &run.skipped,
        cohort: &summary,
        rubrics: &rubrics,
    };
    for (path, format) in &files {
        let text = render(&results, *format, &a.title, false, 100);
        write_atomic(path, text.as_bytes())?;
    }
    if let Some(f) = stdout_format {
        let width = crate::prose::terminal_width();
        out_raw(&render(&results, f, &a.title, g.color_stdout(), width))?;
    }
    let mut below = Below::new(a.fail_under);
    below.add(&graded);
    Ok(finish(
        &files,
        graded.len(),
        &run.skipped,
        &run.errors,
        &below,
    ))
}

/// The answers scoring below `--fail-under`: how many, and the first few as shown.
pub(super) struct Below {
    min: Option<f64>,
    count: usize,
    shown: Vec<String>,
}

impl Below {
    pub(super) fn new(min: Option<f64>) -> Self {
        Below {
            min,
            count: 0,
            shown: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, graded: &[Graded]) {
        let Some(min) = self.min else { return };
        for x in graded.iter().filter(|x| x.analysis.overall < min) {
            self.count += 1;
            if self.shown.len() < 10 {
                self.shown.push(format!(
                    "{} on {} ({:.0}, {})",
                    x.candidate,
                    x.question(),
                    x.analysis.overall,
                    x.at
                ));
            }
        }
    }
}

/// Says on stderr what was written and what needs attention, and picks the exit status.
pub(super) fn finish(
    files: &[(PathBuf, GradeFormat)],
    graded: usize,
    skipped: &[Skipped],
    errors: &[Error],
    below: &Below,
) -> u8 {
    if !files.is_empty() {
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        warn(&format!(
            "graded {} answer{}; wrote {}",
            graded,
            if graded == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }
    let mut code = EXIT_OK;
    if !skipped.is_empty() {
        warn(&format!(
            "note: {} row{} skipped, {} graded",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            graded
        ));
        code = EXIT_ATTENTION;
    }
    if let (Some(min), true) = (below.min, below.count > 0) {
        let more = if below.count > 10 {
            format!(" and {} more", below.count - 10)
        } else {
            String::new()
        };
        warn(&format!(
            "note: {} answer{} below {min}: {}{more}",
            below.count,
            if below.count == 1 {
                " scores"
            } else {
                "s score"
            },
            below.shown.join("; ")
        ));
        code = EXIT_ATTENTION;
    }
    if !errors.is_empty() {
        code = EXIT_ERROR;
    }
    code
}

fn render(r: &Results, f: GradeFormat, title: &str, color: bool, width: usize) -> String {
    match f {
        GradeFormat::Table => crate::grade::render::table(r, width).render(color),
        GradeFormat::Csv => crate::grade::render::csv(r),
        GradeFormat::Json => crate::grade::render::json(r),
        GradeFormat::Jsonl => crate::grade::render::jsonl(r),
        GradeFormat::Markdown => crate::grade::render::markdown(r, title),
        GradeFormat::Html => {
            let now = crate::session::now_rfc3339();
            crate::grade::html::render(r, title, &now[..10])
        }
    }
}

/// A progress bar on stderr, redrawn only when the shown count changes.
pub(super) struct Progress {
    on: bool,
    shown: usize,
}

impl Progress {
    pub(super) fn new(on: bool) -> Self {
        Progress { on, shown: 0 }
    }

    fn update(&mut self, done: usize, total: usize) {
        if !self.on || total == 0 {
            return;
        }
        let step = (total / 100).max(1);
        if done != total && done < self.shown + step {
            return;
        }
        self.shown = done;
        let w = 30;
        let filled = done * w / total;
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\rgrading [{}{}] {done}/{total}",
            "#".repeat(filled),
            "-".repeat(w - filled)
        );
        let _ = err.flush();
    }

    /// The count alone, when the total is not known yet (a streamed run).
    pub(super) fn count(&mut self, done: usize) {
        if !self.on {
            return;
        }
        self.shown = done;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\rgrading: {done} answers graded");
        let _ = err.flush();
    }

    pub(super) fn finish(&mut self) {
        if self.on && self.shown > 0 {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(60));
            let _ = err.flush();
        }
    }
}

/// One side of a comparison: `current`, a rubric file, or a folder of rubric files.
fn side(base: &RubricSet, spec: &str) -> Result<RubricSet, Error> {
    let path = Path::new(spec);
    if spec == "current" && !path.exists() {
        return Ok(base.clone());
    }
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        v.sort();
        v
    } else if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        return Err(Error::Usage(format!(
            "{spec}: no such rubric file or folder (use `current` for the rubrics in use)"
        )));
    };
    let mut rubrics = Vec::new();
    let mut scoring = 0;
    for f in &files {
        let r = load_rubric_file(f)?;
        // A base rubric (common.toml) scores nothing itself; the others extend it.
        if !r.kinds.is_empty() {
            rubrics.push(r);
            scoring += 1;
        }
    }
    if scoring == 0 {
        return Err(Error::Usage(format!(
            "{spec}: no rubric here says which question kinds it scores (kinds = [...] under [rubric])"
        )));
    }
    Ok(base.with(rubrics))
}

/// `starcoach rubric compare OLD NEW INPUT...`
pub fn compare_cmd(
    g: &Global,
    old: &str,
    new: &str,
    inputs: &[PathBuf],
    format: CompareFormat,
    kind: Kind,
    input_format: InputKind,
) -> Outcome {
    let catalog = g.catalog()?;
    let base = g.rubrics()?;
    let old_set = side(&base, old)?;
    let new_set = side(&base, new)?;
    let workers = grade::default_workers();
    let run = load(inputs, input_format, kind, &catalog)?;
    let before = grade_jobs(&run.jobs, &old_set, workers);
    let after = grade_jobs(&run.jobs, &new_set, workers);
    let c = compare::compare(old, new, (&old_set, &before), (&new_set, &after));
    let text = match format {
        CompareFormat::Table => c
            .text(crate::prose::terminal_width())
            .render(g.color_stdout()),
        CompareFormat::Csv => c.csv(),
        CompareFormat::Json => c.json(),
        CompareFormat::Markdown => c.markdown(),
    };
    out_raw(&text)?;
    Ok(if !run.errors.is_empty() {
        EXIT_ERROR
    } else if !run.skipped.is_empty() {
        EXIT_ATTENTION
    } else {
        EXIT_OK
    })
}
