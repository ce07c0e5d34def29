//! `starcoach history`: past sessions and answers; and the history loading `report` shares.

use std::path::PathBuf;

use super::args::{HistoryArgs, HistoryFilterArgs, ListFormat};
use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome, out, out_raw};
use crate::bank::Catalog;
use crate::error::Error;
use crate::history::{self, Filter, History};

/// At most this many skipped lines are listed one by one.
const MAX_WARNINGS: usize = 20;

/// The history a command looks at, and the filter from the command line.
pub(super) struct Loaded {
    pub dir: PathBuf,
    pub history: History,
    pub filter: Filter,
    pub now: u64,
}

impl Loaded {
    /// 1 when lines were skipped (the warnings said which), else 0.
    pub fn exit_code(&self) -> u8 {
        if self.history.skipped.is_empty() {
            EXIT_OK
        } else {
            EXIT_ATTENTION
        }
    }
}

/// Reads the history in the data directory, printing a warning for each skipped line.
pub(super) fn load(g: &Global, a: &HistoryFilterArgs, catalog: &Catalog) -> Result<Loaded, Error> {
    let dir = crate::session::data_dir(g.data_dir.as_deref()).ok_or_else(|| {
        Error::Usage(
            "cannot tell where practice history is kept: HOME is not set; use --data-dir DIR"
                .into(),
        )
    })?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let since = a
        .since
        .as_deref()
        .map(|s| history::since(s, now))
        .transpose()?;
    let history = history::read(&dir)?;
    for id in &a.questions {
        let known = catalog.get(id).is_some() || history.attempts.iter().any(|r| &r.question == id);
        if !known {
            return Err(Error::UnknownQuestion {
                id: id.clone(),
                suggestions: catalog.closest_ids(id),
            });
        }
    }
    warn_skipped(&history);
    Ok(Loaded {
        dir,
        filter: Filter {
            name: g.name.clone().filter(|n| !n.trim().is_empty()),
            since,
            tags: a.tags.clone(),
            questions: a.questions.clone(),
        },
        history,
        now,
    })
}

fn warn_skipped(h: &History) {
    for s in h.skipped.iter().take(MAX_WARNINGS) {
        super::note(&format!("warning: {s}"));
    }
    if h.skipped.len() > MAX_WARNINGS {
        super::note(&format!(
            "warning: {}: {} more lines skipped",
            h.path.display(),
            h.skipped.len() - MAX_WARNINGS
        ));
    }
    if !h.skipped.is_empty() {
        super::note(
            "note: the rest of the history was read; fix or delete the lines named above to silence this",
        );
    }
}

pub(super) fn note_empty(l: &Loaded) {
    if l.history.attempts.is_empty() && l.history.skipped.is_empty() {
        super::note(&format!(
            "note: no practice history yet in {}; answers are saved there as you practise (`starcoach practice`)",
            l.dir.display()
        ));
    }
}

pub fn run(g: &Global, a: HistoryArgs) -> Outcome {
    g.inputs().check_stdout()?;
    let catalog = g.catalog()?;
    let l = load(g, &a.filter, &catalog)?;
    let selected = l.history.select(&l.filter);
    match a.format {
        ListFormat::Json => {
            let mut text = serde_json::to_string_pretty(&selected).expect("records serialize");
            text.push('\n');
            out_raw(&text)?;
        }
        ListFormat::Text => {
            note_empty(&l);
            if selected.is_empty() {
                if !l.history.attempts.is_empty() {
                    out("No saved answers match these filters.\n")?;
                }
            } else {
                let width = super::report::width();
                let m = crate::report::text::history(&selected, width);
                out_raw(&m.render(g.color_stdout()))?;
                let sessions = {
                    let mut s: Vec<&str> = selected.iter().map(|r| r.session.as_str()).collect();
                    s.sort_unstable();
                    s.dedup();
                    s.len()
                };
                out(&format!(
                    "\n{} in {} (times in UTC) · {}\n",
                    crate::prose::count(selected.len(), "answer"),
                    crate::prose::count(sessions, "session"),
                    l.history.path.display()
                ))?;
            }
        }
    }
    Ok(l.exit_code())
}
