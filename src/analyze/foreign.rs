//! An answer not in the language the rubric reads: its sentences and one finding saying so.

use super::{
    Analysis, Context, Document, Episode, Finding, Label, Ownership, Part, Sentence, StarMap,
};
use crate::rubric::{Dimension, Rubric, Severity};

/// The analysis of an answer that is not in the expected language: its sentences, and one
/// finding saying so. Judging STAR parts in a language the rules do not read would be guesswork.
pub(super) fn foreign(
    doc: &Document<'_>,
    rubric: &Rubric,
    check: &crate::rubric::LanguageCheck,
    ctx: Context<'_>,
) -> Option<Analysis> {
    let words = doc.word_count();
    if words < check.min_words {
        return None;
    }
    let known = doc
        .words
        .iter()
        .filter(|w| doc.word_is(check.lexicon, w))
        .count();
    if known as f64 / words as f64 >= check.min_share {
        return None;
    }
    let n = doc.sentences.len();
    let empty = || Part {
        present: false,
        sentences: Vec::new(),
    };
    Some(Analysis {
        text: doc.text.to_string(),
        question_id: ctx.question.map(|q| q.id.clone()),
        kind: ctx.kind,
        rubric: rubric.id.clone(),
        words,
        speaking_seconds: (words as f64 / rubric.delivery.words_per_minute * 600.0).round() / 10.0,
        sentences: doc
            .sentences
            .iter()
            .map(|s| Sentence {
                span: s.span.clone(),
                label: Label::Other,
                also: Vec::new(),
                explicit: false,
                words: s.words.len(),
                cues: Vec::new(),
                evidence: Vec::new(),
            })
            .collect(),
        star: StarMap {
            situation: empty(),
            task: empty(),
            action: empty(),
            result: empty(),
            reflection: empty(),
        },
        episode: Episode::None,
        ownership: Ownership { i: 0, we: 0 },
        metrics: Vec::new(),
        areas: Vec::new(),
        dimensions: Vec::new(),
        overall: 0.0,
        band: rubric.band(0.0).to_string(),
        length_factor: 1.0,
        ceiling: None,
        language_ok: false,
        findings: vec![Finding {
            rule: "language".into(),
            dimension: Dimension::Delivery,
            severity: Severity::High,
            message: check.message.clone(),
            suggestion: check.suggestion.clone(),
            span: if n == 0 {
                0..0
            } else {
                doc.sentences[0].span.start..doc.sentences[n - 1].span.end
            },
            hits: Vec::new(),
            cost: 100.0,
            priority: 0,
            superseded_by: None,
        }],
        strengths: Vec::new(),
    })
}
