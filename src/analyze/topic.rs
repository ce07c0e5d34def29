//! Does the answer speak to the question at all? The question's topic words (from its text,
//! its areas to cover and their keywords, its tags, hint, tips and follow-ups, less the rubric's stopwords: "tell",
//! "time", "customer"...) are compared with the answer's words, both reduced to a rough stem
//! ("conflicts", "conflicting" -> "conflict"); the language check's common words ("down",
//! "back", "right") are never topic words either. An answer that shares none of them and covers
//! none of the areas answers something else: the widower's call told for "a conflict with a
//! teammate", "why I love people" for "where do you see yourself in five years".

use std::collections::HashSet;

use super::{AreaCoverage, Document};
use crate::bank::Question;
use crate::rubric::Rubric;

/// A rough stem: the word without its most common endings, never shorter than four letters.
pub fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 14] = [
        "ational", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ers", "ed", "es", "er",
        "ly", "s",
    ];
    for e in ENDINGS {
        if let Some(s) = word.strip_suffix(e) {
            if s.len() >= 4 {
                return s.strip_suffix('e').filter(|x| x.len() >= 4).unwrap_or(s);
            }
        }
    }
    word.strip_suffix('e')
        .filter(|x| x.len() >= 4)
        .unwrap_or(word)
}

fn is_stopword(rubric: &Rubric, stopwords: Option<usize>, w: &str) -> bool {
    let common = rubric.language.as_ref().map(|l| l.lexicon);
    [stopwords, common].into_iter().flatten().any(|l| {
        rubric.lexicon_terms[l]
            .iter()
            .any(|t| match t.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => t == w,
            })
    })
}

/// The topic stems of `text`: its words of four letters or more that are not stopwords.
fn stems(rubric: &Rubric, stopwords: Option<usize>, text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| w.len() >= 4 && !is_stopword(rubric, stopwords, w))
        .map(|w| stem(&w).to_string())
        .collect()
}

/// 1.0 when the answer shares no topic word with the question and covers none of its areas,
/// else 0.0; `None` without a question to compare with.
pub fn off_topic(
    doc: &Document<'_>,
    rubric: &Rubric,
    question: Option<&Question>,
    coverage: &[AreaCoverage],
    stopwords: Option<usize>,
) -> Option<f64> {
    let q = question?;
    // Every story has an ending: an area covered by its STAR part says nothing of the topic.
    if coverage.iter().any(|a| a.covered && a.by_part.is_none()) {
        return Some(0.0);
    }
    let mut topic = stems(rubric, stopwords, &q.text);
    for a in &q.areas {
        topic.extend(stems(rubric, stopwords, &a.text));
        for k in &a.keywords {
            topic.extend(stems(rubric, stopwords, k.trim_end_matches('*')));
        }
    }
    for t in &q.tags {
        topic.extend(stems(rubric, stopwords, t));
    }
    // What the interviewer listens for, the hint, the tips and the follow-ups: more of the
    // words an answer on this topic uses ("went above and beyond": "extra", "stayed late").
    let extra = [q.looks_for.as_deref(), q.hint.as_deref()]
        .into_iter()
        .flatten()
        .chain(q.tips.iter().map(String::as_str))
        .chain(q.follow_ups.iter().map(|f| f.text.as_str()));
    for t in extra {
        topic.extend(stems(rubric, stopwords, t));
    }
    if topic.is_empty() {
        return None;
    }
    let answer = stems(rubric, stopwords, doc.text);
    Some(if answer.is_disjoint(&topic) { 1.0 } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_fold_common_endings() {
        for (a, b) in [
            ("conflicts", "conflict"),
            ("conflicting", "conflict"),
            ("resolved", "resolve"),
            ("disagreements", "disagree"),
            ("teams", "team"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("team"), stem("tea"));
        assert_eq!(stem("uses"), "uses", "a stem keeps four letters");
    }
}
