//! Harper's lints as findings: the kind from the rules (by rule name, else Harper's lint
//! kind), character spans as byte ranges, the first suggestion as the fix. A spelling lint on a
//! name is dropped, and one on a word spelled for another dialect becomes a dialect finding.

use std::collections::BTreeMap;

use harper_core::linting::{Lint, Suggestion};
use harper_core::spell::Dictionary;

use super::group::Finding;
use super::rules::Rules;

/// What mapping a lint needs besides the lint.
pub struct Context<'a> {
    pub text: &'a str,
    pub rules: &'a Rules,
    /// Harper's own dictionary, to tell another dialect's spelling from a misspelling.
    pub curated: &'a dyn Dictionary,
    pub dialect: harper_core::Dialect,
}

/// The byte offset of each char of `text`, and the length at the end.
fn char_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The findings of `lints` (as `LintGroup::organized_lints` gives them: by rule name).
pub fn findings(cx: &Context<'_>, lints: BTreeMap<String, Vec<Lint>>) -> Vec<Finding> {
    let offsets = char_offsets(cx.text);
    let mut out = Vec::new();
    for (rule, list) in lints {
        for lint in list {
            let (Some(&start), Some(&end)) =
                (offsets.get(lint.span.start), offsets.get(lint.span.end))
            else {
                continue;
            };
            if let Some(f) = finding(cx, &rule, &lint, start..end) {
                out.push(f);
            }
        }
    }
    out
}

/// Harper's message with its Markdown code marks as quotes.
fn plain(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut open = true;
    for c in message.chars() {
        if c == '`' {
            out.push(if open { '“' } else { '”' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out
}

fn finding(
    cx: &Context<'_>,
    rule: &str,
    lint: &Lint,
    span: std::ops::Range<usize>,
) -> Option<Finding> {
    let words = &cx.text[span.clone()];
    let fix = match lint.suggestions.first()? {
        Suggestion::ReplaceWith(chars) => chars.iter().collect::<String>(),
        Suggestion::InsertAfter(chars) => format!("{words}{}", chars.iter().collect::<String>()),
        Suggestion::Remove => String::new(),
    };
    let mut kind = cx
        .rules
        .harper
        .kind_of(rule, &lint.lint_kind.to_string_key())?
        .to_string();
    let lower = words.to_lowercase();
    if kind == "capitals" && cx.rules.settings.capital_i.contains(&lower) {
        kind = "capital-i".into();
    }
    if lint.lint_kind.is_spelling() {
        if cx.rules.harper.names_are_not_misspelled && is_name(cx.text, &span) {
            return None;
        }
        if other_dialect(cx, words) {
            kind.clone_from(&cx.rules.harper.dialect_kind);
        }
    }
    Some(Finding {
        kind,
        span,
        fix,
        widen: true,
        rule: rule.to_string(),
        detail: Some(plain(&lint.message)),
    })
}

/// A word the curated dictionary has, but only for other dialects ("colour" in American).
fn other_dialect(cx: &Context<'_>, word: &str) -> bool {
    cx.curated
        .get_word_metadata_str(word)
        .is_some_and(|m| !m.dialects.is_empty() && !m.dialects.is_dialect_enabled(cx.dialect))
}

/// A word that looks like a name: with a digit ("Five9"), in capitals ("CSAT"), or capitalized
/// in the middle of a sentence ("at Acmetel").
pub fn is_name(text: &str, span: &std::ops::Range<usize>) -> bool {
    let word = &text[span.clone()];
    if word.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let starts_sentence = before.is_empty()
        || before.ends_with([
            '.', '!', '?', ':', ';', '\n', '-', '*', '•', '"', '“', '(', ')', '…',
        ]);
    !starts_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_words_with_digits_capitals_or_a_capital_inside_a_sentence() {
        let t = "Zendesk helps. I used Zendesk and Five9, our CSAT rose. Teh end.";
        let span = |w: &str, nth: usize| {
            let at = t.match_indices(w).nth(nth).unwrap().0;
            at..at + w.len()
        };
        assert!(!is_name(t, &span("Zendesk", 0)), "a sentence's first word");
        assert!(is_name(t, &span("Zendesk", 1)));
        assert!(is_name(t, &span("Five9", 0)));
        assert!(is_name(t, &span("CSAT", 0)));
        assert!(!is_name(t, &span("Teh", 0)));
        assert!(!is_name("a tpyo", &(2..6)));
    }

    #[test]
    fn markdown_code_marks_become_quotes() {
        assert_eq!(
            plain("Did you mean to spell `dont` this way?"),
            "Did you mean to spell “dont” this way?"
        );
    }

    #[test]
    fn char_offsets_are_byte_offsets() {
        assert_eq!(char_offsets("a’b"), [0, 1, 4, 5]);
    }
}
