//! `starcoach job-ad FILE`: what was read in a pasted job posting (the asks, the level, the
//! parts skipped, the questions that cover each ask), and loading a posting for `--job-ad`.

use std::path::Path;

use super::args::JobAdArgs;
use super::{EXIT_OK, Global, Outcome};
use crate::bank::Catalog;
use crate::error::Error;
use crate::jobad::{self, JobAd};
use crate::prose::{count, wrap};
use crate::rubric::Level;

/// Reads the posting at `path` (plain text or Markdown).
pub fn load(catalog: &Catalog, path: &Path) -> Result<JobAd, Error> {
    let text = crate::error::read_text(path)?;
    if text.trim().is_empty() {
        return Err(Error::Usage(format!(
            "{}: the file is empty: paste the job posting's text into it",
            path.display()
        )));
    }
    let tags: Vec<String> = catalog.tags().into_iter().map(|(t, _)| t).collect();
    Ok(jobad::read(&text, &tags))
}

/// The level to judge at: `--level` (or the config's) first, else the posting's.
/// A posting for another kind of job says nothing about the level of a service candidate.
pub fn level(g: &Global, ad: Option<&JobAd>) -> Option<Level> {
    let ad = ad.filter(|a| !a.little);
    g.level
        .or(ad.and_then(|a| a.level.as_ref().map(|l| l.level)))
}

/// One line on the level judged at and where it comes from.
pub fn level_line(g: &Global, ad: Option<&JobAd>) -> Option<String> {
    match (g.level, ad.and_then(|a| a.level.as_ref())) {
        (Some(l), Some(f)) if f.level != l => Some(format!(
            "Level: {} (as you asked; the posting reads {}: \"{}\").",
            l.as_str(),
            f.level.as_str(),
            f.evidence
        )),
        (Some(l), _) => Some(format!("Level: {}.", l.as_str())),
        (None, Some(f)) if ad.is_some_and(|a| a.little) => Some(format!(
            "Level: not set from this posting (it reads {}: \"{}\", but it is not a customer-service job).",
            f.level.as_str(),
            f.evidence
        )),
        (None, Some(f)) => Some(format!(
            "Level: {}, from the posting (line {}: \"{}\"); --level changes it.",
            f.level.as_str(),
            f.line,
            f.evidence
        )),
        (None, None) => None,
    }
}

pub fn run(g: &Global, a: JobAdArgs) -> Outcome {
    let catalog = g.catalog()?;
    let ad = load(&catalog, &a.file)?;
    if a.json {
        let text = serde_json::to_string_pretty(&ad).map_err(|e| Error::Usage(e.to_string()))?;
        super::out(&format!("{text}\n"))?;
        return Ok(EXIT_OK);
    }
    super::out(&describe(g, &catalog, &ad, 80))?;
    Ok(EXIT_OK)
}

/// What was read, for the candidate: title and company, level, each ask with the posting's
/// words and how many questions cover it, the parts skipped.
pub fn describe(g: &Global, catalog: &Catalog, ad: &JobAd, width: usize) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        for w in wrap(s, width) {
            out.push_str(&w);
            out.push('\n');
        }
    };
    let name = match (&ad.title, &ad.company) {
        (Some(t), Some(c)) => format!("{t} at {c}"),
        (Some(t), None) => t.clone(),
        (None, Some(c)) => format!("a job at {c}"),
        (None, None) => "(no title found)".to_string(),
    };
    line(&format!(
        "Job ad: {name} · {} read",
        count(ad.words, "word")
    ));
    if let Some(l) = level_line(g, Some(ad)) {
        line(&l);
    }
    if ad.little {
        line(
            "Little here matches customer-service work: the interview uses its usual mix of questions.",
        );
    }
    if !ad.asks.is_empty() {
        line(&format!("What it asks for ({}):", ad.asks.len()));
        for ask in &ad.asks {
            let words: Vec<String> = ask
                .evidence
                .iter()
                .map(|(n, w)| format!("\"{w}\" (line {n})"))
                .collect();
            let n = catalog
                .questions()
                .filter(|q| q.tags.iter().any(|t| ask.tags.contains(t)))
                .count();
            line(&format!(
                "- {}: {} · questions on it: {}",
                ask.label,
                words.join(", "),
                n
            ));
        }
    }
    if !ad.skipped.is_empty() {
        let parts: Vec<String> = ad
            .skipped
            .iter()
            .map(|s| format!("{} (lines {}-{})", s.what, s.first_line, s.last_line))
            .collect();
        line(&format!("Not read for asks: {}.", parts.join(", ")));
    }
    out
}
