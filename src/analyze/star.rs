//! Labelling each sentence situation, task, action, result, reflection or other.
//!
//! Each sentence collects evidence for each label from the rubric's cues (patterns, lexicons,
//! grammatical features), plus a prior by its position in the answer. A label the candidate
//! wrote themselves ("Situation:", "(Result)", "**Task**") is strong evidence for that sentence
//! and carries over to the sentences after it until the next label. The labels are then decoded
//! together (Viterbi) with bonuses for keeping a label or moving forward through STAR and a
//! penalty for moving backward, so one stray cue does not break up a coherent part.

use super::features::SentenceFeatures;
use super::{Document, Label};
use crate::rubric::{CueMatch, CueTarget, Rubric};

/// Labels per sentence, with how they were reached.
#[derive(Debug, Clone, Default)]
pub struct Labelled {
    pub labels: Vec<Label>,
    /// Parts a sentence also carries, beside its label, because its own cues for them are
    /// strong ("She stayed with us, and since then I always check first": reflection, and a
    /// result too).
    pub also: Vec<Vec<Label>>,
    pub explicit: Vec<bool>,
    /// Indices into `rubric.cues` that fired, per sentence.
    pub cues: Vec<Vec<usize>>,
    /// The label rests on the sentence's own cues or a written label, not only on its position
    /// and neighbours: what praise may point at.
    pub backed: Vec<bool>,
}

/// Evidence the explicit label gives its own sentence: more than any cue mix can outweigh.
const EXPLICIT: f64 = 100.0;

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

/// Labels every sentence of `doc`.
pub fn label(doc: &Document<'_>, rubric: &Rubric, feats: &[SentenceFeatures]) -> Labelled {
    let n = doc.sentences.len();
    if n == 0 {
        return Labelled::default();
    }
    let lab = &rubric.labelling;
    let mut evidence = vec![[0.0f64; Label::COUNT]; n];
    let mut cue_only = vec![[0.0f64; Label::COUNT]; n];
    let mut fired: Vec<Vec<usize>> = vec![Vec::new(); n];

    // Cue evidence.
    for (ci, cue) in rubric.cues.iter().enumerate() {
        let CueTarget::Label(target) = cue.target else {
            continue;
        };
        let mut add = |si: usize, times: f64| {
            evidence[si][target as usize] += cue.weight * times;
            cue_only[si][target as usize] += cue.weight * times;
            if !fired[si].contains(&ci) {
                fired[si].push(ci);
            }
        };
        match &cue.matcher {
            CueMatch::Pattern(re) => {
                let mut last = usize::MAX;
                for m in re.find_iter(&doc.haystack()) {
                    let si = doc.sentence_of(m.start());
                    if si != last {
                        add(si, 1.0);
                        last = si;
                    }
                }
            }
            CueMatch::Lexicon(lex) => {
                let mut last = usize::MAX;
                for h in &doc.hits[*lex] {
                    let si = doc.sentence_of(h.start);
                    if si != last {
                        add(si, 1.0);
                        last = si;
                    }
                }
            }
            CueMatch::Feature(f) => {
                for (si, sf) in feats.iter().enumerate() {
                    let c = sf.count(*f).min(2);
                    if c > 0 {
                        add(si, c as f64);
                    }
                }
            }
        }
    }

    // Explicit labels, and their carry-over.
    let mut explicit = vec![false; n];
    let mut region: Option<Label> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        if let Some((mut l, _only)) = explicit_label(&doc.text[s.span.clone()], &rubric.labels) {
            // "Result: I learned that..." is a lesson under a result heading: trust the words.
            if l == Label::Result && cue_only[si][Label::Reflection as usize] >= lab.secondary_min {
                l = Label::Reflection;
            }
            evidence[si][l as usize] += EXPLICIT;
            explicit[si] = true;
            region = Some(l);
        } else if let Some(l) = region {
            evidence[si][l as usize] += lab.explicit_carry;
        }
    }

    // Position priors.
    for (si, ev) in evidence.iter_mut().enumerate() {
        let rel = if n == 1 {
            0.5
        } else {
            si as f64 / (n - 1) as f64
        };
        for l in Label::ALL {
            let [a, b, c] = lab.position[l as usize];
            ev[l as usize] += if rel < 0.5 {
                a + (b - a) * rel * 2.0
            } else {
                b + (c - b) * (rel - 0.5) * 2.0
            };
        }
    }

    // Emission: a STAR label needs at least `min_evidence`; "other" is the fallback, and
    // cues for "other" ("I don't have an example") raise it.
    let emit = |si: usize, l: Label| -> f64 {
        if l == Label::Other {
            lab.min_evidence + cue_only[si][Label::Other as usize]
        } else {
            evidence[si][l as usize]
        }
    };
    let trans = |from: Label, to: Label| -> f64 {
        if from == Label::Other || to == Label::Other {
            0.0
        } else if from == to {
            lab.stay
        } else if to as usize == from as usize + 1 {
            lab.forward
        } else if (to as usize) > (from as usize) {
            lab.skip
        } else {
            lab.backward
        }
    };

    // Viterbi.
    let mut best = vec![[f64::NEG_INFINITY; Label::COUNT]; n];
    let mut back = vec![[0usize; Label::COUNT]; n];
    for l in Label::ALL {
        best[0][l as usize] = emit(0, l);
    }
    for si in 1..n {
        for to in Label::ALL {
            let (arg, val) = Label::ALL
                .iter()
                .map(|&from| (from as usize, best[si - 1][from as usize] + trans(from, to)))
                .fold(
                    (0, f64::NEG_INFINITY),
                    |acc, x| if x.1 > acc.1 { x } else { acc },
                );
            best[si][to as usize] = val + emit(si, to);
            back[si][to as usize] = arg;
        }
    }
    let mut labels = vec![Label::Other; n];
    let mut cur = (0..Label::COUNT).fold(0, |acc, l| {
        if best[n - 1][l] > best[n - 1][acc] {
            l
        } else {
            acc
        }
    });
    for si in (0..n).rev() {
        labels[si] = Label::ALL[cur];
        cur = back[si][cur];
    }
    // Secondary parts: strong cue evidence (not position) for a part other than the label,
    // in a sentence the candidate did not label themselves.
    let also = (0..n)
        .map(|si| {
            if explicit[si] || labels[si] == Label::Other {
                return Vec::new();
            }
            Label::ALL
                .into_iter()
                .filter(|&l| l != Label::Other && l != labels[si])
                .filter(|&l| cue_only[si][l as usize] >= lab.secondary_min)
                .collect()
        })
        .collect();
    let backed = (0..n)
        .map(|si| {
            explicit[si] || (labels[si] != Label::Other && cue_only[si][labels[si] as usize] > 0.0)
        })
        .collect();
    Labelled {
        labels,
        also,
        explicit,
        cues: fired,
        backed,
    }
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
