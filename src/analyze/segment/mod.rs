//! Sentence segmentation: the byte ranges of the sentences of an answer.
//!
//! Every later step of the analysis (STAR labels, metrics, filler) works per sentence, so this
//! module decides where sentences start and end, once per answer.
//!
//! # How it works
//!
//! 1. **Candidates.** UAX #29 ([`UnicodeSegmentation::split_sentence_bound_indices`]) proposes
//!    a boundary after terminal punctuation (with its closing quotes and spaces) and at every
//!    line break. One scan of the text adds what UAX #29 cannot see: a period followed by a
//!    lowercase word (sloppy typing: "it worked. then i..."), "…", a missing space after a
//!    period ("done.Then I"), and inline list markers ("1) first 2) second").
//! 2. **Decisions.** The candidates are visited in order, and each is kept or dropped by
//!    looking at the words on both sides: the token before the period (abbreviation, initial,
//!    number, URL), the word after it (lowercase, capitalised, a common sentence starter, a
//!    label such as "task:" in the middle of a paragraph), the line structure (blank lines,
//!    hard-wrapped lines, list items, labels such as "Situation:"), and the sentence so far (a
//!    lone list marker never ends a sentence).
//!
//! The word lists below are language machinery (which abbreviations exist, which words start
//! sentences), not coaching rules; a test keeps them sorted, lowercase and deduplicated,
//! because lookups are binary searches.
//!
//! # Cost
//!
//! One scan of the bytes, UAX #29 only on short windows around terminals and non-ASCII text
//! (see `uax_candidates`: the whole-text iterator alone would cost three times the rest), one
//! `Vec` of candidates and one of ranges. Every look-around is bounded, so the cost is linear
//! in the length of the answer: roughly 10 to 20 µs for a 250-word answer in a release build.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

mod candidates;
mod chars;
mod decide;
mod lines;
#[cfg(test)]
mod tests;
mod words;

use candidates::*;
use chars::*;
use decide::*;
use lines::*;
use words::*;

/// Byte ranges of the sentences of `text`, in order. Each range is trimmed (no leading or
/// trailing whitespace), ranges do not overlap, and every non-whitespace character of `text`
/// is inside exactly one range. Ranges start and end on char boundaries.
///
/// ```
/// use starcoach::analyze::segment::sentences;
///
/// let text = "Situation: I worked for Acme Inc. in the U.S. as an agent.\n\
///             - I called Mr. Lee at 9 a.m. and fixed it.Then he thanked me!";
/// let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(
///     got,
///     [
///         "Situation: I worked for Acme Inc. in the U.S. as an agent.",
///         "- I called Mr. Lee at 9 a.m. and fixed it.",
///         "Then he thanked me!",
///     ]
/// );
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut cands = Vec::with_capacity(text.len() / 32 + 4);
    uax_candidates(text, &mut cands);
    scan(text, &mut cands);
    // Forced candidates sort before unforced ones at the same position and win the dedup.
    cands.sort_unstable_by_key(|c| (c.end, !c.forced));
    cands.dedup_by_key(|c| c.end);

    let mut out = Vec::new();
    let mut start = skip_ws(text, 0);
    for c in cands {
        if c.end <= start {
            continue;
        }
        let next = skip_ws(text, c.end);
        if next >= text.len() {
            break;
        }
        let cut = if c.forced {
            Some(c.end)
        } else {
            decide(text, start, c.end, next)
        };
        if let Some(cut) = cut.filter(|&cut| cut > start) {
            out.push(start..cut);
            start = skip_ws(text, cut);
        }
    }
    let end = trim_back(text, text.len());
    if start < end {
        out.push(start..end);
    }
    out
}

/// A place where a sentence may end: `end` is just after its last non-whitespace character.
/// A forced candidate was already decided by the scan that found it.
#[derive(Clone, Copy, Debug)]
struct Cand {
    end: usize,
    forced: bool,
}
