//! starcoach's own patterns for what non-native answers get wrong and Harper does not see
//! ("I listen him", "the technician fix it", "as customer service agent"): regexes from
//! `rubrics/english/notes.toml`, run on each sentence, each with a fix template.
//!
//! In a pattern, `{name}` is a word list of the data (`[lists]`, or a table's keys), as an
//! alternation, longest first. In a fix, `{group}` is what a named group matched,
//! `{group:table}` its entry in a table (itself when there is none), `{group:lower}` it in
//! lower case, and `{an:group}` it after "a" or "an".

use std::ops::Range;

use regex::{Captures, Regex, RegexBuilder};

use super::group::Finding;
use super::rules::{PatternSpec, Rules};
use crate::diag::{Diagnostic, Diagnostics};

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub kind: String,
    regex: Regex,
    when: Option<Regex>,
    unless: Option<Regex>,
    fix: String,
}

/// Every pattern, ready to run.
#[derive(Debug, Clone)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    tables: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
}

/// `{name}` placeholders of `source` replaced by the alternation of that list's words.
fn expand(source: &str, rules: &Rules) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close.map(|c| &after[..c]).unwrap_or("");
        let is_name = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if !is_name {
            // A regex repetition such as {0,60}.
            out.push_str(&rest[..=open]);
            rest = after;
            continue;
        }
        let mut words: Vec<String> = match (rules.lists.get(name), rules.tables.get(name)) {
            (Some(l), _) => l.clone(),
            (None, Some(t)) => t.keys().cloned().collect(),
            (None, None) => return Err(format!("unknown list `{{{name}}}`")),
        };
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alts: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        out.push_str(&rest[..open]);
        out.push_str(&format!("(?:{})", alts.join("|")));
        rest = &after[name.len() + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn compile(source: &str, rules: &Rules) -> Result<Regex, String> {
    let expanded = expand(source, rules)?;
    RegexBuilder::new(&expanded)
        .case_insensitive(true)
        .build()
        .map_err(|e| e.to_string())
}

impl Patterns {
    /// Compiles the rules' patterns; every problem is listed with its pattern's id.
    pub fn compile(rules: &Rules, file: &str) -> Result<Patterns, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut patterns = Vec::new();
        for spec in &rules.patterns {
            match Self::one(spec, rules) {
                Ok(p) => patterns.push(p),
                Err(e) => {
                    problems.push(Diagnostic::file(file, format!("pattern {}: {e}", spec.id)))
                }
            }
        }
        problems.into_result(Patterns {
            patterns,
            tables: rules.tables.clone(),
        })
    }

    fn one(spec: &PatternSpec, rules: &Rules) -> Result<Pattern, String> {
        let regex = compile(&spec.pattern, rules)?;
        let cond = |c: &Option<String>| c.as_deref().map(|s| compile(s, rules)).transpose();
        let p = Pattern {
            id: spec.id.clone(),
            kind: spec.kind.clone(),
            when: cond(&spec.when)?,
            unless: cond(&spec.unless)?,
            fix: spec.fix.clone(),
            regex,
        };
        // Every group the fix names must be in the pattern, every table in the data.
        for (group, modifier) in template_parts(&p.fix) {
            if !p.regex.capture_names().flatten().any(|n| n == group) {
                return Err(format!(
                    "the fix names `{{{group}}}`, not a group of the pattern"
                ));
            }
            if let Some(m) = modifier {
                if m != "lower" && !rules.tables.contains_key(m) {
                    return Err(format!(
                        "the fix names the table `{m}`, which does not exist"
                    ));
                }
            }
        }
        Ok(p)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter()
    }

    /// Every match of every pattern in `text`, one sentence at a time.
    pub fn find(&self, text: &str, sentences: &[Range<usize>]) -> Vec<Finding> {
        let mut out = Vec::new();
        for p in &self.patterns {
            out.extend(self.find_one(p, text, sentences));
        }
        out
    }

    /// The matches of one pattern.
    pub fn find_one(&self, p: &Pattern, text: &str, sentences: &[Range<usize>]) -> Vec<Finding> {
        let mut out = Vec::new();
        for r in sentences {
            let Some(s) = text.get(r.clone()) else {
                continue;
            };
            if p.when.as_ref().is_some_and(|w| !w.is_match(s))
                || p.unless.as_ref().is_some_and(|u| u.is_match(s))
            {
                continue;
            }
            for caps in p.regex.captures_iter(s) {
                let m = caps.get(0).expect("group 0 always matches");
                if m.as_str().is_empty() {
                    continue;
                }
                out.push(Finding {
                    kind: p.kind.clone(),
                    span: r.start + m.start()..r.start + m.end(),
                    fix: self.render(&p.fix, &caps),
                    widen: false,
                    rule: p.id.clone(),
                    detail: None,
                });
            }
        }
        out
    }

    /// The fix for one match.
    fn render(&self, template: &str, caps: &Captures<'_>) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(after.len());
            let inner = &after[..close];
            out.push_str(&self.value(inner, caps));
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        let matched = caps.get(0).map_or("", |m| m.as_str());
        tidy(&out, matched.starts_with(|c: char| c.is_uppercase()))
    }

    fn value(&self, inner: &str, caps: &Captures<'_>) -> String {
        let (a, b) = inner.split_once(':').unwrap_or((inner, ""));
        if a == "an" {
            let word = caps.name(b).map_or("", |m| m.as_str());
            let vowel = word.starts_with(|c: char| "aeiouAEIOU".contains(c));
            return format!("{} {word}", if vowel { "an" } else { "a" });
        }
        let word = caps.name(a).map_or("", |m| m.as_str());
        match b {
            "" => word.to_string(),
            "lower" => word.to_lowercase(),
            table => self
                .tables
                .get(table)
                .and_then(|t| t.get(&word.to_lowercase()))
                .cloned()
                .unwrap_or_else(|| word.to_string()),
        }
    }
}

/// The `(group, modifier)` pairs a fix template names (`{an:group}` names `group`).
fn template_parts(template: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        out.push(match inner.split_once(':') {
            Some(("an", g)) => (g, None),
            Some((g, m)) => (g, Some(m)),
            None => (inner, None),
        });
        rest = &after[close + 1..];
    }
    out
}

/// Single spaces, no space at the ends, a capital first letter when the words replaced had one,
/// and the pronoun "i" written "I".
pub fn tidy(s: &str, capital: bool) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = words
        .iter()
        .map(|w| if *w == "i" { "I" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    if capital {
        if let Some(c) = out.chars().next() {
            out = c.to_uppercase().chain(out.chars().skip(1)).collect();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> (Rules, Patterns) {
        let rules = Rules::embedded().unwrap();
        let p = Patterns::compile(&rules, "notes.toml").unwrap();
        (rules, p)
    }

    #[test]
    fn every_pattern_example_gives_its_fixes() {
        let (rules, patterns) = shipped();
        let mut wrong = Vec::new();
        for (spec, p) in rules.patterns.iter().zip(patterns.iter()) {
            assert!(
                !spec.examples.is_empty(),
                "pattern {} has no example",
                spec.id
            );
            for ex in &spec.examples {
                let sentences = crate::analyze::segment::sentences(&ex.text);
                let got: Vec<String> = patterns
                    .find_one(p, &ex.text, &sentences)
                    .into_iter()
                    .map(|f| f.fix)
                    .collect();
                if got != ex.expected() {
                    wrong.push(format!("{}: {:?} gave {got:?}", spec.id, ex.text));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn lists_expand_longest_first_and_repetitions_stay() {
        let (rules, _) = shipped();
        let e = expand(r"x{0,6} (?:{adverb})", &rules).unwrap();
        assert!(
            e.starts_with("x{0,6} (?:(?:immediately|already|finally"),
            "{e}"
        );
        assert!(expand("{nope}", &rules).unwrap_err().contains("`{nope}`"));
    }

    #[test]
    fn a_fix_naming_a_missing_group_or_table_is_an_error() {
        let (mut rules, _) = shipped();
        rules.patterns.truncate(1);
        rules.patterns[0].fix = "{v} to {who}".into();
        let e = Patterns::compile(&rules, "n.toml").unwrap_err().to_string();
        assert!(
            e.contains("pattern listen-to: the fix names `{who}`"),
            "{e}"
        );
        rules.patterns[0].fix = "{v:pasttense}".into();
        let e = Patterns::compile(&rules, "n.toml").unwrap_err().to_string();
        assert!(e.contains("table `pasttense`"), "{e}");
    }

    #[test]
    fn fixes_are_tidied() {
        assert_eq!(tidy("  a  customer  asked ", true), "A customer asked");
        assert_eq!(tidy("i listen to him", false), "I listen to him");
    }
}
