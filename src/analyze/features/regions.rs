//! Purpose and condition stretches of a sentence: "I called back *to make sure she was
//! happy*", "*if she had called earlier*, ...". Their words say what was aimed at or what
//! might have been, not what happened, so result cues and metric roles look past them. A
//! background clause ("*while I scanned her items*, she said...") is what was going on when the
//! sentence's news happened; step cues may look past it.

use std::ops::Range;

use super::super::Document;
use super::super::document::Sent;
use crate::rubric::{Region, Rubric};

/// The purpose and condition regions of sentence `s`, each from its opener ("to make sure",
/// "so that", "if") to the end of its clause: a comma, semicolon, colon or dash, a `joins` word
/// before a new subject ("..., and she thanked me"), or the end of the sentence.
pub(super) fn regions(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &Sent,
) -> Vec<(Region, Range<usize>)> {
    let f = &rubric.features;
    let mut out = Vec::new();
    for (lex, region) in [
        (f.purpose, Region::Purpose),
        (f.conditions, Region::Condition),
        (f.background, Region::Background),
    ] {
        let Some(lex) = lex else { continue };
        for h in doc.hits_in(lex, &s.span) {
            // "asked if she needed help": what was asked, not a condition.
            if region == Region::Condition && reported(doc, rubric, s, h.start) {
                continue;
            }
            let end = clause_end(doc, rubric, s, h.end);
            out.push((region, h.start..end));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Whether a `reports` word ("asked", "wondered") ends right before `at`.
fn reported(doc: &Document<'_>, rubric: &Rubric, s: &Sent, at: usize) -> bool {
    let Some(reports) = rubric.features.reports else {
        return false;
    };
    let before = doc.text[s.span.start..at].trim_end();
    let end = s.span.start + before.len();
    doc.hits_in(reports, &s.span).iter().any(|h| h.end == end)
}

/// Where the clause that goes on at byte `from` ends.
fn clause_end(doc: &Document<'_>, rubric: &Rubric, s: &Sent, from: usize) -> usize {
    let f = &rubric.features;
    let words = &doc.words[s.words.clone()];
    let first = words.partition_point(|w| w.start < from);
    let mut prev_end = from;
    for (k, w) in words.iter().enumerate().skip(first) {
        let gap = &doc.text[prev_end..w.start];
        if gap.contains([',', ';', ':', '\u{2014}', '\u{2013}']) || gap.contains(" - ") {
            return prev_end;
        }
        let joins = f.joins.is_some_and(|j| doc.word_is(j, w));
        let subject_next = words.get(k + 1).is_some_and(|n| {
            [f.subject_i, f.subject_we, f.subject_other]
                .into_iter()
                .any(|l| super::verbs::hit_from(doc, l, n).is_some())
        });
        if joins && subject_next {
            return prev_end;
        }
        prev_end = w.end;
    }
    s.span.end
}
