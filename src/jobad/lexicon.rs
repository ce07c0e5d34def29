//! The job-ad lexicon (`prompts/interview/job-ad.toml`, embedded): what a posting may ask for,
//! which sections are not about the job, the words that tell the level, and where the title
//! and the company are written. Compiled once into regexes.

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::error::Error;

/// The shipped lexicon's text.
pub const SOURCE: &str = include_str!("../../prompts/interview/job-ad.toml");
const ORIGIN: &str = "embedded:prompts/interview/job-ad.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    sections: RawSections,
    levels: RawLevels,
    names: RawNames,
    found: RawFound,
    #[serde(rename = "ask")]
    asks: Vec<RawAsk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSections {
    skip: Vec<String>,
    legal: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevels {
    entry: Vec<String>,
    senior: Vec<String>,
    years: Years,
}

/// From how many years of experience asked for a posting is experienced, and senior.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Years {
    pub experienced: u32,
    pub senior: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    title: Vec<String>,
    company: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFound {
    min_asks: usize,
    min_service: usize,
    service: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAsk {
    id: String,
    label: String,
    ad: Vec<String>,
    tags: Vec<String>,
    answer: Vec<String>,
}

/// One thing a posting may ask for.
#[derive(Debug)]
pub struct AskTerms {
    pub id: String,
    pub label: String,
    /// Bank tags of the questions that cover it.
    pub tags: Vec<String>,
    /// Its words in a posting.
    pub ad: Regex,
    /// Its words in an answer (the posting's words, and `answer`).
    pub answer: Regex,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    pub skip_sections: Regex,
    pub legal: Regex,
    pub entry: Regex,
    pub senior: Regex,
    pub years: Years,
    pub title: Vec<Regex>,
    pub company: Vec<Regex>,
    pub min_asks: usize,
    pub min_service: usize,
    pub service: Regex,
    pub asks: Vec<AskTerms>,
}

/// A regex finding any of `terms` at word boundaries, case-insensitively: a trailing `*`
/// matches any word ending, a space any run of spaces, hyphens and line breaks.
pub fn terms_regex(terms: &[String]) -> Result<Regex, regex::Error> {
    let alts: Vec<String> = terms
        .iter()
        .map(|t| {
            let t = t.trim();
            let (body, open) = match t.strip_suffix('*') {
                Some(b) => (b, true),
                None => (t, false),
            };
            let words: Vec<String> = body.split_whitespace().map(regex::escape).collect();
            let mut p = words.join(r"[\s\-]+");
            if open {
                p.push_str(r"\w*");
            }
            p
        })
        .collect();
    // Longest first, so "call center" is found before "call".
    let mut alts = alts;
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    // Not after a hyphen either: "escalat*" is not in "de-escalate".
    Regex::new(&format!(r"(?i)(?:^|[^\w\-])((?:{}))\b", alts.join("|")))
}

/// The terms `re` (a [`terms_regex`]) finds in `text`, as the matched words.
pub fn find_terms<'t>(re: &Regex, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
    re.captures_iter(text).filter_map(|c| c.get(1))
}

fn invalid(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Usage(format!("{ORIGIN}: {what}: {e}"))
}

fn compile(text: &str) -> Result<Lexicon, Error> {
    let raw: Raw = toml::from_str(text).map_err(|e| invalid("not a valid lexicon", e))?;
    let re = |what: &str, terms: &[String]| terms_regex(terms).map_err(|e| invalid(what, e));
    let pats = |what: &str, ps: &[String]| -> Result<Vec<Regex>, Error> {
        ps.iter()
            .map(|p| Regex::new(&format!("(?m){p}")).map_err(|e| invalid(what, e)))
            .collect()
    };
    let mut asks = Vec::new();
    for a in raw.asks {
        let mut answer = a.ad.clone();
        answer.extend(a.answer.iter().cloned());
        asks.push(AskTerms {
            ad: re(&format!("ask `{}`", a.id), &a.ad)?,
            answer: re(&format!("ask `{}` answer", a.id), &answer)?,
            id: a.id,
            label: a.label,
            tags: a.tags,
        });
    }
    Ok(Lexicon {
        skip_sections: re("[sections] skip", &raw.sections.skip)?,
        legal: re("[sections] legal", &raw.sections.legal)?,
        entry: re("[levels] entry", &raw.levels.entry)?,
        senior: re("[levels] senior", &raw.levels.senior)?,
        years: raw.levels.years,
        title: pats("[names] title", &raw.names.title)?,
        company: pats("[names] company", &raw.names.company)?,
        min_asks: raw.found.min_asks,
        min_service: raw.found.min_service,
        service: re("[found] service", &raw.found.service)?,
        asks,
    })
}

/// The shipped lexicon, compiled on first use.
pub fn shipped() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        compile(SOURCE).unwrap_or_else(|e| panic!("the shipped job-ad lexicon is invalid: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicon_compiles() {
        let l = shipped();
        assert!(l.asks.len() >= 15);
        assert!(l.asks.iter().all(|a| !a.tags.is_empty()));
    }

    #[test]
    fn terms_match_at_word_boundaries_with_open_endings_and_any_spacing() {
        let r = terms_regex(&["de-escalat*".into(), "high volume".into(), "csat".into()]).unwrap();
        assert!(r.is_match("able to de-escalate callers"));
        assert!(r.is_match("a high-volume\ncenter"));
        assert!(r.is_match("CSAT above 90%"));
        assert!(!r.is_match("csats"));
        let own = terms_regex(&["escalat*".into()]).unwrap();
        assert!(!own.is_match("de-escalate"));
        let found: Vec<&str> = find_terms(&own, "Escalated twice, escalations")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["Escalated", "escalations"]);
    }
}
