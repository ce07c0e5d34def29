//! `starcoach interview`: the mock interview, on the terminal or piped stdin, and its debrief
//! written with `--output`.

use std::io::IsTerminal;
use std::path::Path;

use super::args::InterviewArgs;
use super::{Global, Outcome};
use crate::bank::Filter;
use crate::error::Error;
use crate::interview::{choose, debrief, plan};
use crate::repl::{self, input};

/// How the debrief is written, from the output file's extension.
fn output_format(path: &Path) -> Result<bool, Error> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md" | "markdown") => Ok(false),
        Some("html" | "htm") => Ok(true),
        _ => Err(Error::Usage(format!(
            "{}: write the debrief to a .md (Markdown) or .html file",
            path.display()
        ))),
    }
}

pub fn run(g: &Global, a: InterviewArgs) -> Outcome {
    let catalog = g.catalog()?;
    // Bad arguments are refused before the interview starts, not after the answers.
    let html = a.output.as_deref().map(output_format).transpose()?;
    let ad = match &a.job_ad {
        Some(p) => Some(super::jobad::load(&catalog, p)?),
        None => None,
    };
    if let (Some(out), Some(ad_path)) = (&a.output, &a.job_ad) {
        let mut inputs = crate::files::Inputs::new();
        inputs.add(ad_path, "the job ad");
        inputs.check_output(out)?;
    }
    let level = super::jobad::level(g, ad.as_ref());
    let rubrics = g.rubrics_at(&[], level)?;
    let p = &plan::shipped().interview;
    let seed = a.seed.unwrap_or_else(repl::order::clock_seed);
    let usable = ad.as_ref().filter(|x| !x.little);
    let chosen = choose::for_interview(&catalog, &Filter::default(), p, usable, seed, a.seconds);
    let mut intro = ad
        .as_ref()
        .map(|x| super::practice::ad_intro(g, x))
        .unwrap_or_default();
    if ad.is_none() {
        intro.extend(super::jobad::level_line(g, None));
    }
    let interactive = std::io::stdin().is_terminal();
    let data_dir = crate::session::data_dir(g.data_dir.as_deref());
    let width = super::practice::screen_width(interactive).clamp(40, 100);
    let opts = repl::interview::InterviewOptions {
        chosen,
        plan: p,
        // A posting for another kind of job is not used past the intro.
        job_ad: usable,
        level: level.map(|l| l.as_str()),
        name: g.name.clone(),
        color: interactive && g.color_stdout(),
        width,
        data_dir: if a.no_save { None } else { data_dir.clone() },
        intro,
        english: super::english::settings(&a.english, &g.config, true)?,
    };
    let stdout = std::io::stdout();
    let summary = if interactive {
        let history = data_dir
            .filter(|_| !a.no_save)
            .map(|d| input::history_file(&d, g.name.as_deref()));
        let mut term = input::Terminal::new(history, true)
            .map_err(|e| Error::Usage(format!("cannot start the terminal session: {e}")))?;
        repl::interview::run(&rubrics, opts, &mut term, stdout.lock())?
    } else {
        let stdin = std::io::stdin();
        let mut lines = input::Lines::new(stdin.lock());
        repl::interview::run(&rubrics, opts, &mut lines, stdout.lock())?
    };
    if let (Some(path), Some(html)) = (&a.output, html) {
        let text = if html {
            debrief::html(&summary.debrief)
        } else {
            debrief::markdown(&summary.debrief)
        };
        crate::files::write_atomic(path, text.as_bytes())?;
        super::note(&format!("Debrief written to {}", path.display()));
    }
    let s = repl::Summary {
        unsaved: summary.unsaved,
        interrupted: summary.interrupted,
        ..repl::Summary::default()
    };
    Ok(super::practice::exit_code(&s))
}
