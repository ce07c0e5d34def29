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
    /// `{quote}`, `{quotes}`, `{missing}` and `{episode}`; other braces are kept as written.
    /// Each value is worked out only when the template names it (one rule's evaluation fills
    /// up to three templates, most with one key or none).
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open..];
            match after.find('}').and_then(|close| {
                let key = &after[1..close];
                self.value(key).map(|v| (v, close))
            }) {
                Some((value, close)) => {
                    out.push_str(&value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The value of one template key, `None` for a key this does not know.
    fn value(&self, key: &str) -> Option<String> {
        let (min, max) = match self.rule.effect {
            Effect::Credit { min, max, .. } => (min, max),
            Effect::Penalty { max, .. } => (0.0, Some(max)),
        };
        Some(match key {
            "count" => format!("{}", self.measure.round() as i64),
            "share" => format!("{}%", (self.measure * 100.0).round() as i64),
            "seconds" => format!("{}", self.seconds.round() as i64),
            "minutes" => format_minutes(self.seconds),
            "words" => self.words.to_string(),
            "min" => trim_num(min),
            "max" => max.map(trim_num).unwrap_or_default(),
            "quote" => self
                .hits
                .first()
                .map(|r| format!("“{}”", shorten(&self.doc.text[r.clone()], 60)))
                .unwrap_or_default(),
            "quotes" => self.quotes(),
            "missing" => self
                .coverage
                .iter()
                .filter(|a| !a.covered)
                .take(2)
                .map(|a| lower_first(a.text.trim_end_matches('.')))
                .collect::<Vec<_>>()
                .join("; "),
            "episode" => self.episode.as_str().to_string(),
            _ => return None,
        })
    }

    /// Up to three distinct hits (case-insensitively), shown as written: "Target", not "target".
    fn quotes(&self) -> String {
        let mut seen: Vec<&str> = Vec::new();
        let mut distinct: Vec<String> = Vec::new();
        for h in self.hits {
            let low = self.doc.low(h);
            if !seen.contains(&low) {
                seen.push(low);
                distinct.push(format!("“{}”", shorten(&self.doc.text[h.clone()], 40)));
                if distinct.len() == 3 {
                    break;
                }
            }
        }
        distinct.join(", ")
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
