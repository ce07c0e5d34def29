//! Where a cue finds its evidence: the one place that turns a cue's matcher (a pattern, a
//! lexicon, a grammatical feature or a clause query) into hits, each with its sentence and
//! byte offset, leaving out hits inside the regions the cue looks past ("to make sure she was
//! happy" is no result). The labeller and the episode classifier both read cues through it.

use super::Document;
use super::features::SentenceFeatures;
use crate::rubric::{Cue, CueMatch, Feature, Position};

/// One piece of evidence of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub sentence: usize,
    /// Byte offset where the evidence starts (a clause's subject, a match's start).
    pub at: usize,
}

/// Every hit of `cue` in `doc`, in text order, outside the regions the cue excludes.
pub fn cue_hits(doc: &Document<'_>, feats: &[SentenceFeatures], cue: &Cue) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut push = |at: usize| {
        let sentence = doc.sentence_of(at);
        let excluded = !cue.outside.is_empty()
            && feats
                .get(sentence)
                .is_some_and(|sf| sf.in_region(at, &cue.outside));
        if !excluded {
            out.push(CueHit { sentence, at });
        }
    };
    match &cue.matcher {
        CueMatch::Pattern(re) => {
            for m in re.find_iter(&doc.haystack()) {
                push(m.start());
            }
        }
        CueMatch::Lexicon(lex) => {
            for h in &doc.hits[*lex] {
                push(h.start);
            }
        }
        CueMatch::Feature(f) => {
            for (si, sf) in feats.iter().enumerate() {
                match f {
                    Feature::Clause(s, t) => sf
                        .clauses
                        .iter()
                        .filter(|c| c.subject == *s && c.tense == *t)
                        .for_each(|c| push(c.span.start)),
                    // A sentence with numbers counts once, where its first one is.
                    Feature::Quantity => sf.quantities.first().into_iter().for_each(|&at| push(at)),
                    Feature::Question if sf.question => push(doc.sentences[si].span.start),
                    Feature::Question => {}
                }
            }
        }
        CueMatch::Clause(q) => {
            for sf in feats {
                sf.matching(doc, q).for_each(|c| push(c.span.start));
            }
        }
    }
    out
}

/// How many times a cue counts in one sentence: once for a pattern or lexicon hit; a feature or
/// clause once per clause, at most twice, so a long sentence does not outweigh its neighbours.
pub fn cap(cue: &Cue) -> usize {
    match cue.matcher {
        CueMatch::Pattern(_) | CueMatch::Lexicon(_) => 1,
        CueMatch::Feature(_) | CueMatch::Clause(_) => 2,
    }
}

/// Where the story's action starts: the first sentence that tells what the candidate did, and
/// the offset of its first action clause. Position cues count relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    pub sentence: usize,
    pub at: usize,
}

/// Whether a hit at `hit` is where a cue with `position` counts.
pub fn placed(position: Position, boundary: Option<Boundary>, hit: CueHit) -> bool {
    match (position, boundary) {
        // An answer that tells no action gives no side to be on: the cue counts as it would
        // without a position.
        (_, None) | (Position::Any, _) => true,
        (Position::AfterAction, Some(b)) => {
            hit.sentence > b.sentence || (hit.sentence == b.sentence && hit.at > b.at)
        }
        (Position::BeforeAction, Some(b)) => hit.sentence < b.sentence,
    }
}

/// Per sentence, how much `cue` counts (hits capped per sentence), for the hits `keep` allows.
pub fn per_sentence(
    cue: &Cue,
    hits: &[CueHit],
    sentences: usize,
    keep: impl Fn(CueHit) -> bool,
) -> Vec<usize> {
    let mut n = vec![0usize; sentences];
    for h in hits.iter().copied().filter(|h| keep(*h)) {
        if let Some(x) = n.get_mut(h.sentence) {
            *x += 1;
        }
    }
    let c = cap(cue);
    n.iter_mut().for_each(|x| *x = (*x).min(c));
    n
}
