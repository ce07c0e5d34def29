//! The data behind the notes: `rubrics/english/notes.toml` (the kinds of note, how Harper's
//! lints map to them, the patterns starcoach adds) and `rubrics/english/words.txt` (words that
//! are never misspelled). Both are embedded; a note's every word comes from here.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, from_toml_error};
use crate::error::Error;

/// The embedded notes file.
pub const NOTES_TOML: &str = include_str!("../../rubrics/english/notes.toml");
/// The embedded word list.
pub const WORDS_TXT: &str = include_str!("../../rubrics/english/words.txt");

const NOTES_FILE: &str = "embedded:rubrics/english/notes.toml";

/// How many notes, when they lead, and which words are a lowercase "I".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub max_notes: usize,
    pub examples: usize,
    pub lead_per_100_words: f64,
    pub lead_min_words: usize,
    pub capital_i: Vec<String>,
}

/// A kind of note.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub title: String,
    pub message: String,
    pub weight: u32,
    /// Dropped where a finding of another kind covers the same words.
    #[serde(default)]
    pub yields: bool,
}

/// How Harper's lints become notes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HarperMap {
    pub dialect_kind: String,
    pub names_are_not_misspelled: bool,
    #[serde(default)]
    pub ignore_kinds: Vec<String>,
    #[serde(default)]
    pub ignore_rules: Vec<String>,
    /// Rule name to kind id.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// Harper lint kind (as `LintKind::to_string_key` names it) to kind id.
    #[serde(default)]
    pub kinds: BTreeMap<String, String>,
}

impl HarperMap {
    /// The kind id for a lint of `rule` and Harper lint kind `lint_kind`, or `None` to drop it.
    pub fn kind_of(&self, rule: &str, lint_kind: &str) -> Option<&str> {
        if let Some(k) = self.rules.get(rule) {
            return Some(k);
        }
        if self.ignore_rules.iter().any(|r| r == rule)
            || self.ignore_kinds.iter().any(|k| k == lint_kind)
        {
            return None;
        }
        self.kinds.get(lint_kind).map(String::as_str)
    }
}

/// One example of a pattern, checked by the tests.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternExample {
    pub text: String,
    /// The corrected words of the one match.
    #[serde(default)]
    pub fix: Option<String>,
    /// The corrected words of every match, in order.
    #[serde(default)]
    pub fixes: Option<Vec<String>>,
    #[serde(default)]
    pub hits: Option<usize>,
}

impl PatternExample {
    /// The fixes the example expects, in order.
    pub fn expected(&self) -> Vec<String> {
        match (&self.fixes, &self.fix, self.hits) {
            (Some(v), _, _) => v.clone(),
            (None, Some(f), _) => vec![f.clone()],
            _ => Vec::new(),
        }
    }
}

/// A pattern as written in the data (compiled by [`super::patterns`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub id: String,
    pub kind: String,
    pub pattern: String,
    pub fix: String,
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub unless: Option<String>,
    #[serde(default)]
    pub examples: Vec<PatternExample>,
}

/// Everything in `notes.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub settings: Settings,
    #[serde(rename = "kind")]
    pub kinds: Vec<Kind>,
    pub harper: HarperMap,
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub tables: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<PatternSpec>,
}

impl Rules {
    /// The shipped rules.
    pub fn embedded() -> Result<Rules, Error> {
        Rules::parse(NOTES_FILE, NOTES_TOML).map_err(Error::Invalid)
    }

    /// Parses and checks a notes file: every kind a mapping or pattern names must exist.
    pub fn parse(file: &str, text: &str) -> Result<Rules, Diagnostics> {
        let rules: Rules =
            toml::from_str(text).map_err(|e| Diagnostics(vec![from_toml_error(file, text, &e)]))?;
        let mut problems = Diagnostics::default();
        let mut named: Vec<(String, &str)> = Vec::new();
        named.push(("harper.dialect_kind".into(), &rules.harper.dialect_kind));
        for (k, v) in rules.harper.rules.iter().chain(&rules.harper.kinds) {
            named.push((format!("harper mapping of {k}"), v));
        }
        for p in &rules.patterns {
            named.push((format!("pattern {}", p.id), &p.kind));
        }
        for (place, id) in named {
            if rules.kind(id).is_none() {
                problems.push(
                    Diagnostic::file(file, format!("{place}: unknown kind `{id}`"))
                        .with_help("add a [[kind]] with this id, or use one that exists"),
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for k in &rules.kinds {
            if seen.contains(&k.id.as_str()) {
                problems.push(Diagnostic::file(
                    file,
                    format!("kind `{}` is defined twice", k.id),
                ));
            }
            seen.push(&k.id);
        }
        if rules.settings.max_notes == 0 {
            problems.push(Diagnostic::file(
                file,
                "settings.max_notes is 0: no note would ever be shown",
            ));
        }
        problems.into_result(rules)
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// A kind's weight (0 for an unknown id).
    pub fn weight(&self, id: &str) -> u32 {
        self.kind(id).map_or(0, |k| k.weight)
    }
}

/// The terms of a word list: one a line, `#` starts a comment, blank lines skipped.
pub fn words(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_rules_load_and_every_kind_they_name_exists() {
        let r = Rules::embedded().unwrap();
        assert!(r.settings.max_notes >= 1);
        assert!(r.kind("capital-i").is_some());
        assert_eq!(
            r.harper
                .kind_of("CapitalizePersonalPronouns", "Capitalization"),
            Some("capital-i")
        );
    }

    #[test]
    fn harper_lints_map_by_rule_then_by_kind_and_ignored_ones_are_dropped() {
        let r = Rules::embedded().unwrap();
        let h = &r.harper;
        // By rule, even when the lint kind is ignored (Cant is an "Enhancement" in Harper).
        assert_eq!(h.kind_of("Cant", "Enhancement"), Some("spelling"));
        assert_eq!(
            h.kind_of("SinceDuration", "Miscellaneous"),
            Some("prepositions")
        );
        // By kind.
        assert_eq!(h.kind_of("SomeNewRule", "Agreement"), Some("agreement"));
        assert_eq!(h.kind_of("SomeNewRule", "Typo"), Some("spelling"));
        // Dropped: ignored rules and kinds, and kinds not mapped.
        assert_eq!(h.kind_of("ToTwoToo", "WordChoice"), None);
        assert_eq!(h.kind_of("Excellent", "Enhancement"), None);
        assert_eq!(h.kind_of("LongSentences", "Readability"), None);
        assert_eq!(h.kind_of("X", "NotAKind"), None);
    }

    #[test]
    fn an_unknown_kind_or_key_is_an_error_that_names_it() {
        let text = NOTES_TOML.replace("Cant = \"spelling\"", "Cant = \"speling\"");
        let e = Rules::parse("n.toml", &text).unwrap_err().to_string();
        assert!(
            e.contains("harper mapping of Cant: unknown kind `speling`"),
            "{e}"
        );
        let text = NOTES_TOML.replace("max_notes = 3", "max_notes = 3\nmax_nots = 4");
        let e = Rules::parse("n.toml", &text).unwrap_err().to_string();
        assert!(e.contains("max_nots"), "{e}");
    }

    #[test]
    fn word_lists_skip_comments_and_blank_lines() {
        assert_eq!(
            words("# c\nCSAT\n\n  Zendesk  # tool\n"),
            ["CSAT", "Zendesk"]
        );
        let shipped = words(WORDS_TXT);
        for w in [
            "CSAT",
            "AHT",
            "FCR",
            "NPS",
            "Zendesk",
            "Salesforce",
            "Genesys",
            "Five9",
        ] {
            assert!(shipped.iter().any(|s| s == w), "{w}");
        }
    }
}
