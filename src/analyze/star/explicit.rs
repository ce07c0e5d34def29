//! Labels the candidate wrote: "Situation:", "(Result)", "**Task** -", "action - I checked".

use super::super::Label;

/// A label the candidate wrote at the start of a sentence: the label, and whether the sentence
/// is nothing but the label ("Situation:" on its own line).
pub fn explicit_label(sentence: &str, labels: &[(String, Label)]) -> Option<(Label, bool)> {
    let lower = sentence.to_lowercase();
    let rest = lower.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | '*' | '#' | '_' | '-' | '•' | '>')
    });
    for (word, label) in labels {
        let Some(after) = rest.strip_prefix(word.as_str()) else {
            continue;
        };
        // "Result: ..." and "(Result)" label; "Results were great" does not. A colon or a dash
        // may stand after a space ("Action - I checked", "Task : ..."), the rest must touch
        // the word; a hyphen joining a word is not a label ("Results-driven").
        let sep = after.trim_start_matches([' ', '\t']);
        let spaced = sep.len() < after.len();
        let next = sep.chars().next();
        let then = sep.chars().nth(1);
        let closes = match next {
            None => true,
            Some(':') => true,
            // A spaced dash that opens an aside closed by another ("The problem - as I saw
            // it - was...") is prose, not a label.
            Some('-') if spaced => {
                then.is_none_or(char::is_whitespace) && !sep[1..].contains(" - ")
            }
            Some('-') => !then.is_some_and(char::is_alphanumeric),
            Some('–' | '—') => !spaced || then.is_none_or(char::is_whitespace),
            Some(c) => !spaced && matches!(c, ')' | ']' | '*' | '_' | '.'),
        };
        if !closes || (next == Some('.') && !after[1..].trim().is_empty()) {
            continue;
        }
        let tail = after.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | ')' | ']' | '*' | '-' | '–' | '—' | '_' | '.')
        });
        return Some((*label, tail.is_empty()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<(String, Label)> {
        let mut v: Vec<(String, Label)> = [
            ("situation", Label::Situation),
            ("task", Label::Task),
            ("action", Label::Action),
            ("actions", Label::Action),
            ("result", Label::Result),
        ]
        .iter()
        .map(|(w, l)| (w.to_string(), *l))
        .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        v
    }

    #[test]
    fn reads_written_labels() {
        let l = labels();
        assert_eq!(
            explicit_label("Situation: I was a cashier.", &l),
            Some((Label::Situation, false))
        );
        assert_eq!(
            explicit_label("(Result) She thanked me.", &l),
            Some((Label::Result, false))
        );
        assert_eq!(
            explicit_label("**Task** - make it right.", &l),
            Some((Label::Task, false))
        );
        assert_eq!(explicit_label("Actions:", &l), Some((Label::Action, true)));
        assert_eq!(explicit_label("RESULT", &l), Some((Label::Result, true)));
    }

    #[test]
    fn reads_labels_with_a_spaced_colon_or_dash_in_any_case() {
        let l = labels();
        for (sentence, label) in [
            ("Action - I checked the account.", Label::Action),
            ("action - I checked the account.", Label::Action),
            ("task: I had to refund it.", Label::Task),
            ("Task : I had to refund it.", Label::Task),
            ("situation \u{2013} a customer called.", Label::Situation),
            ("Result \u{2014} she stayed.", Label::Result),
            ("Result\u{2014}she stayed.", Label::Result),
            ("Task- refund it.", Label::Task),
        ] {
            assert_eq!(
                explicit_label(sentence, &l),
                Some((label, false)),
                "{sentence:?}"
            );
        }
        assert_eq!(explicit_label("Action -", &l), Some((Label::Action, true)));
    }

    /// Each sentence as (its label, whether the candidate wrote it, its text), analysed with the
    /// shipped rubric (its `[labels]`).
    fn labelled(answer: &str) -> Vec<(Label, bool, String)> {
        let rubrics = crate::rubric::RubricSet::embedded().unwrap();
        let a = crate::analyze::Analyzer::new(&rubrics).analyze_in(
            answer,
            crate::analyze::Context {
                kind: crate::bank::Kind::Behavioral,
                question: None,
            },
        );
        a.sentences
            .iter()
            .map(|s| (s.label, s.explicit, a.text[s.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn labels_written_inline_in_one_paragraph_are_read() {
        let got = labelled(
            "Situation: a customer called about a double charge. task: I had to refund it. \
             Action - I checked the account and refunded the $40 the same day. result: she \
             thanked me and stayed.",
        );
        let seen: Vec<(Label, bool)> = got.iter().map(|(l, e, _)| (*l, *e)).collect();
        assert_eq!(
            seen,
            [
                (Label::Situation, true),
                (Label::Task, true),
                (Label::Action, true),
                (Label::Result, true)
            ],
            "{got:#?}"
        );
    }

    #[test]
    fn label_words_inside_a_sentence_are_not_labels() {
        let got = labelled(
            "A customer called about a double charge and my task: keep him on the line. My \
             task was to refund it. I checked the account and refunded the $40, and the \
             result: he stayed with us.",
        );
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got.iter().all(|(_, explicit, _)| !explicit), "{got:#?}");
    }

    #[test]
    fn a_label_word_not_closed_by_a_colon_or_dash_is_prose() {
        let l = labels();
        for sentence in [
            "Results-driven agents do well.",
            "Task -based pay is rare.",
            "Action -1 was the code.",
            "Task was to refund it.",
            "Situation (as I saw it) was tense.",
            "Result . she stayed.",
            "The problem - as I saw it - was the billing system.",
        ] {
            assert_eq!(explicit_label(sentence, &l), None, "{sentence:?}");
        }
    }

    #[test]
    fn ignores_label_words_in_running_text() {
        let l = labels();
        assert_eq!(explicit_label("Results were great.", &l), None);
        assert_eq!(explicit_label("The situation was tense.", &l), None);
        assert_eq!(explicit_label("Task forces help.", &l), None);
    }
}
