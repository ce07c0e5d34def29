//! `starcoach report`: progress over time, for the terminal or as a Markdown, HTML, JSON or
//! CSV file.

use std::path::Path;

use super::args::{ReportArgs, ReportFormat};
use super::history::{load, note_empty};
use super::{Global, Outcome, out};
use crate::error::Error;
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
        None => out(&text)?,
    }
    Ok(l.exit_code())
}

/// Writes the report next to its final name first, so a reader never sees half a file.
#[allow(clippy::print_stderr)]
fn write(path: &Path, text: &str) -> Result<(), Error> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::Usage(format!("--output {}: not a file name", path.display())))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(path, e)
        })?;
    eprintln!("Wrote {}", path.display());
    Ok(())
}
