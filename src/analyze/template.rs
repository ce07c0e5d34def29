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
    /// up to three templates, most with one key or none). The words around a value are made
    /// to agree with it ([`agree`]): "an action", "1 step", never "about 0".
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
                    rest = agree(&mut out, value, &after[close + 1..]);
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

/// Pushes `value` onto `out` and returns what follows it in the template, with the words on
/// either side made to agree with the value:
///
/// - the article before it: "a {x}" gives "an action" (see [`crate::prose::article`]);
/// - a noun after a number: "{count} step(s)" and "{count} steps" give "1 step", "2 steps";
/// - "about" before a value that is not a measure: "about {minutes}" with "a few seconds"
///   gives "a few seconds", and "about {count}" of 0 gives "fewer than 1".
fn agree<'t>(out: &mut String, value: String, rest: &'t str) -> &'t str {
    let mut value = value;
    if let Some(about) = ["about ", "About "].into_iter().find(|a| out.ends_with(a)) {
        let capital = about.starts_with('A');
        let replaced = if value.starts_with("a few ") {
            Some(value.clone())
        } else if value == "0" {
            Some("fewer than 1".to_string())
        } else {
            None
        };
        if let Some(v) = replaced {
            out.truncate(out.len() - about.len());
            value = if capital { upper_first(&v) } else { v };
        }
    }
    let before = out.trim_end_matches(' ');
    let last_word = before.rsplit([' ', '(', '\n']).next().unwrap_or("");
    if before.len() < out.len() && matches!(last_word, "a" | "an" | "A" | "An") {
        let article = crate::prose::article(&value);
        let article = if last_word.starts_with('A') {
            upper_first(article)
        } else {
            article.to_string()
        };
        out.truncate(before.len() - last_word.len());
        out.push_str(&article);
        out.push(' ');
    }
    out.push_str(&value);
    let Ok(n) = value.parse::<i64>() else {
        return rest;
    };
    // The noun after the number: " word(s)", or " words" after 1.
    let Some(tail) = rest.strip_prefix(' ') else {
        return rest;
    };
    let end = tail
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '(' || c == ')'))
        .unwrap_or(tail.len());
    let word = &tail[..end];
    let noun = if let Some(stem) = word.strip_suffix("(s)") {
        if n == 1 {
            stem.to_string()
        } else {
            format!("{stem}s")
        }
    } else if n == 1 && is_plural_noun(word) {
        word[..word.len() - 1].to_string()
    } else {
        return rest;
    };
    out.push(' ');
    out.push_str(&noun);
    &tail[end..]
}

/// A word that reads as a regular plural noun ("words", "steps"), not a verb or adverb that
/// happens to end in "s" ("was", "always").
fn is_plural_noun(word: &str) -> bool {
    const NOT_NOUNS: [&str; 9] = [
        "was",
        "has",
        "does",
        "yes",
        "its",
        "always",
        "perhaps",
        "sometimes",
        "besides",
    ];
    word.len() > 2
        && word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !NOT_NOUNS.contains(&word.to_ascii_lowercase().as_str())
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
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

#[cfg(test)]
mod tests {
    use super::agree;

    fn filled(before: &str, value: &str, after: &str) -> String {
        let mut out = before.to_string();
        let rest = agree(&mut out, value.to_string(), after);
        out.push_str(rest);
        out
    }

    #[test]
    fn the_article_agrees_with_the_value() {
        assert_eq!(
            filled("now has a ", "action", " part"),
            "now has an action part"
        );
        assert_eq!(filled("A ", "episode", " it is"), "An episode it is");
        assert_eq!(
            filled("tell a ", "specific", " story"),
            "tell a specific story"
        );
        assert_eq!(filled("an ", "result", ""), "a result");
        // Only a whole word "a" changes.
        assert_eq!(filled("via ", "email", ""), "via email");
    }

    #[test]
    fn the_noun_agrees_with_the_number() {
        assert_eq!(
            filled("has only ", "1", " step(s) said"),
            "has only 1 step said"
        );
        assert_eq!(
            filled("has only ", "2", " step(s) said"),
            "has only 2 steps said"
        );
        assert_eq!(filled("Only ", "1", " words (about"), "Only 1 word (about");
        assert_eq!(filled("Only ", "3", " words"), "Only 3 words");
        assert_eq!(filled("runs ", "1", " class"), "runs 1 class");
        assert_eq!(filled("", "1", " was said"), "1 was said");
        assert_eq!(filled("", "1", " bonus"), "1 bonus");
        assert_eq!(filled("", "1", "%"), "1%");
    }

    #[test]
    fn about_is_dropped_where_it_does_not_fit() {
        assert_eq!(
            filled("Only 3 words (about ", "a few seconds", " spoken)"),
            "Only 3 words (a few seconds spoken)"
        );
        assert_eq!(
            filled("About ", "a few seconds", " spoken"),
            "A few seconds spoken"
        );
        assert_eq!(
            filled("details (about ", "0", " per 100 words)"),
            "details (fewer than 1 per 100 words)"
        );
        assert_eq!(filled("about ", "20 seconds", ""), "about 20 seconds");
        assert_eq!(filled("about ", "3", " per"), "about 3 per");
    }
}
