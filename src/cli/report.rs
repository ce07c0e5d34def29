//! `starcoach report`: progress over time, for the terminal or as a Markdown, HTML, JSON or
//! CSV file.

use std::path::Path;

use super::args::{ReportArgs, ReportFormat};
use super::history::{load, note_empty};
use super::{Global, Outcome, out_raw};
use crate::error::Error;
use crate::files::write_atomic;
use crate::report::{self, Progress};

/// The width to lay the terminal report out in.
pub(super) fn width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        crate::prose::terminal_width().clamp(50, 100)
    } else {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(80)
    }
}

pub fn run(g: &Global, a: ReportArgs) -> Outcome {
    let inputs = g.inputs();
    match &a.output {
        Some(path) => inputs.check_output(path)?,
        None => inputs.check_stdout()?,
    }
    let catalog = g.catalog()?;
    let rubrics = g.rubrics()?;
    let l = load(g, &a.filter, &catalog)?;
    note_empty(&l);
    let p = Progress::build(&l.history.attempts, &l.filter, &catalog, &rubrics, l.now);
    let text = match a.format {
        ReportFormat::Text => {
            let color = a.output.is_none() && g.color_stdout();
            report::text::render(&p, width()).render(color)
        }
        ReportFormat::Markdown => report::markdown::render(&p),
        ReportFormat::Html => report::html::render(&p, &catalog, &rubrics),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&p).expect("the report serializes");
            s.push('\n');
            s
        }
        ReportFormat::Csv => report::csv::render(&p),
    };
    match &a.output {
        Some(path) => write(path, &text)?,
        None => out_raw(&text)?,
    }
    Ok(l.exit_code())
}

/// Writes the report atomically ([`write_atomic`]), so a reader never sees half a file.
fn write(path: &Path, text: &str) -> Result<(), Error> {
    write_atomic(path, text.as_bytes())?;
    super::note(&format!("Wrote {}", path.display()));
    Ok(())
}
