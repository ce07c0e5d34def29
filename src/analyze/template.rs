//! Message templates: `{count}`, `{share}`, `{quote}`... filled from what a rule found.

use std::ops::Range;

use super::{AreaCoverage, Document, Episode};
use crate::prose::{format_minutes, shorten};
use crate::rubric::{Effect, Rule};

/// Values for message templates.
pub(super) struct Vars<'a> {
    pub measure: f64,
    pub words: usize,
    pub seconds: f64,
    pub rule: &'a Rule,
    pub hits: &'a [Range<usize>],
    pub doc: &'a Document<'a>,
    pub coverage: &'a [AreaCoverage],
    pub episode: Episode,
}

impl Vars<'_> {
    /// Fills `{count}`, `{share}`, `{seconds}`, `{minutes}`, `{words}`, `{min}`, `{max}`,
    /// `{quote}`, `{quotes}`, `{missing}` and `{episode}`.
    pub fn fill(&self, template: &str) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let (min, max) = match self.rule.effect {
            Effect::Credit { min, max, .. } => (min, max),
            Effect::Penalty { max, .. } => (0.0, Some(max)),
        };
        let quote = |r: &Range<usize>| format!("“{}”", shorten(&self.doc.text[r.clone()], 60));
        // Distinct hits (case-insensitively), shown as written: "Target", not "target".
        let mut seen: Vec<&str> = Vec::new();
        let mut distinct: Vec<String> = Vec::new();
        for h in self.hits {
            let low = self.doc.low(h);
            if !seen.contains(&low) {
                seen.push(low);
                distinct.push(shorten(&self.doc.text[h.clone()], 40));
            }
        }
        let quotes = distinct
            .iter()
            .take(3)
            .map(|q| format!("“{q}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let missing = self
            .coverage
            .iter()
            .filter(|a| !a.covered)
            .take(2)
            .map(|a| lower_first(a.text.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join("; ");
        let mut out = template.to_string();
        for (key, value) in [
            ("{count}", format!("{}", self.measure.round() as i64)),
            (
                "{share}",
                format!("{}%", (self.measure * 100.0).round() as i64),
            ),
            ("{seconds}", format!("{}", self.seconds.round() as i64)),
            ("{minutes}", format_minutes(self.seconds)),
            ("{words}", self.words.to_string()),
            ("{min}", trim_num(min)),
            ("{max}", max.map(trim_num).unwrap_or_default()),
            ("{quote}", self.hits.first().map(quote).unwrap_or_default()),
            ("{quotes}", quotes),
            ("{missing}", missing),
            ("{episode}", self.episode.as_str().to_string()),
        ] {
            if out.contains(key) {
                out = out.replace(key, &value);
            }
        }
        out
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn trim_num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.2}")
    }
}
