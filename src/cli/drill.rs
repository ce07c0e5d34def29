//! `starcoach drill PLAN`: a coach's drill plan run as a practice session, recorded like any
//! session, with a summary for the coach; `drill check` and `drill list`.

use std::fmt::Write as _;
use std::path::Path;

use super::args::{DrillAction, DrillArgs, SummaryFormat};
use super::practice::{Session, session};
use super::{EXIT_OK, Global, Outcome, out};
use crate::diag::Diagnostics;
use crate::drill::{self, Drill, summary};
use crate::error::Error;

pub fn run(g: &Global, a: DrillArgs) -> Outcome {
    match &a.action {
        Some(DrillAction::Check { plans }) => check(g, plans),
        Some(DrillAction::List) => list(g),
        Some(DrillAction::Show { plan }) => {
            let d = drill::find(plan)?;
            out(d.source())?;
            Ok(EXIT_OK)
        }
        None => match &a.plan {
            Some(plan) => practise(g, plan, &a),
            None => {
                let names: Vec<String> = drill::shipped().into_iter().map(|d| d.id).collect();
                Err(Error::Usage(format!(
                    "name a drill plan: a .toml file or a shipped drill ({}); e.g. `starcoach drill {} --name \"Ana\"`",
                    names.join(", "),
                    names.first().map_or("my-drill.toml", String::as_str)
                )))
            }
        },
    }
}

/// Runs the plan and writes the summary.
fn practise(g: &Global, plan: &str, a: &DrillArgs) -> Outcome {
    let format = match (a.format, &a.output) {
        (Some(f), _) => f,
        (None, Some(p)) if is_html(p) => SummaryFormat::Html,
        _ => SummaryFormat::Markdown,
    };
    let d = drill::find(plan)?;
    if let Some(path) = &a.output {
        let mut inputs = g.inputs();
        inputs.add(Path::new(plan), "the drill plan");
        if let Some(r) = &d.rubric {
            super::add_rubric(&mut inputs, r);
        }
        inputs.check_output(path)?;
    }
    let catalog = g.catalog()?;
    let order = d.resolve(&catalog, a.seed).map_err(Error::Invalid)?;
    d.check_rubric().map_err(Error::Invalid)?;
    let extra: Vec<std::path::PathBuf> = d.rubric.iter().cloned().collect();
    let rubrics = g.rubrics_with(&extra)?;
    let result = session(
        g,
        &catalog,
        &rubrics,
        Session {
            order: order.clone(),
            count: None,
            announce: false,
            intro: Vec::new(),
            job_ad: None,
            timer: a.timer,
            no_save: a.no_save,
            drill: Some(d.settings()),
            english: super::english::settings(&a.english, &g.config, true)?,
        },
    )?;
    if let Some(path) = &a.output {
        let date = crate::session::now_rfc3339();
        let run = summary::Run {
            drill: &d,
            candidate: g.name.as_deref(),
            date: &date[..10],
            order: &order,
            attempts: &result.attempts,
            catalog: &catalog,
            rubrics: &rubrics,
        };
        let text = match format {
            SummaryFormat::Markdown => summary::markdown(&run),
            SummaryFormat::Html => summary::html(&run),
        };
        crate::files::write_atomic(path, text.as_bytes())?;
        out(&format!("\nSummary for your coach: {}\n", path.display()))?;
    }
    Ok(super::practice::exit_code(&result))
}

fn is_html(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Checks each plan: it loads, its questions exist, its rubric loads. All problems together.
fn check(g: &Global, plans: &[String]) -> Outcome {
    let catalog = g.catalog()?;
    let mut problems = Diagnostics::default();
    let mut report = String::new();
    for plan in plans {
        let d: Drill = match drill::find(plan) {
            Ok(d) => d,
            Err(Error::Invalid(diags)) => {
                problems.extend(diags);
                continue;
            }
            Err(e) => return Err(e),
        };
        let order = d.resolve(&catalog, None);
        let rubric = d.check_rubric();
        match (order, rubric) {
            (Ok(order), Ok(())) => {
                let _ = writeln!(
                    report,
                    "ok  {}  drill `{}`: {} question{}: {}",
                    d.origin,
                    d.id,
                    order.len(),
                    if order.len() == 1 { "" } else { "s" },
                    order.join(", ")
                );
            }
            (o, r) => {
                if let Err(e) = o {
                    problems.extend(e);
                }
                if let Err(e) = r {
                    problems.extend(e);
                }
            }
        }
    }
    out(&report)?;
    if problems.is_empty() {
        Ok(EXIT_OK)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The shipped drills.
fn list(g: &Global) -> Outcome {
    let catalog = g.catalog()?;
    let mut s = String::new();
    for d in drill::shipped() {
        let n = d.resolve(&catalog, None).map_or(0, |o| o.len());
        let _ = writeln!(s, "{:<30} {:>2} questions  {}", d.id, n, d.title);
    }
    let _ = writeln!(
        s,
        "\nRun one with `starcoach drill NAME --name CANDIDATE`; `starcoach drill show NAME > my-drill.toml` gives a copy to edit."
    );
    out(&s)?;
    Ok(EXIT_OK)
}
