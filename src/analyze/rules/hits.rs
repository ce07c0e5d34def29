//! Which of a rule's raw matches count as its hits: in scope, outside its `unless` matches and,
//! when the rule says so, outside quoted speech; each starting at a word.

use std::ops::Range;

use super::{Facts, in_scope};
use crate::rubric::Rule;

/// The hits of a rule that count: in its scope, not inside a match of its `unless` pattern
/// (searched only when there is a hit to check), and not inside quoted speech when the rule
/// says so (always for delivery): the "um" and "I guess" of a caller the candidate quotes are
/// not the candidate's delivery, nor is the caller's "I bought this" the candidate's example.
pub(super) fn keep_hits(
    f: &Facts<'_>,
    rule: &Rule,
    unless: &Option<crate::rubric::Pattern>,
    hits: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut kept: Vec<Range<usize>> = hits
        .filter(|h| in_scope(f, rule, f.doc.sentence_of(h.start)))
        .collect();
    if rule.outside_quotes && !kept.is_empty() {
        let quotes = crate::analyze::features::quoted_spans(f.doc.text);
        kept.retain(|h| !inside_any(&quotes, h));
    }
    if let (Some(re), false) = (unless, kept.is_empty()) {
        let spans: Vec<Range<usize>> = re.find_iter(&f.doc.haystack()).map(|m| m.range()).collect();
        kept.retain(|h| !inside_any(&spans, h));
    }
    kept
}

/// A hit starts at a word: a pattern that anchors on the end of the sentence before it
/// ("(?:^|[.!?]\s+)to \w+") does not quote that sentence's full stop.
pub(super) fn past_boundary(hay: &str, h: Range<usize>) -> Range<usize> {
    let lead = hay[h.clone()]
        .bytes()
        .take_while(|b| matches!(b, b'.' | b'!' | b'?' | b':' | b';') || b.is_ascii_whitespace())
        .count();
    h.start + lead..h.end
}

/// Whether `h` lies inside one of `spans` (sorted by start, as regex matches are).
fn inside_any(spans: &[Range<usize>], h: &Range<usize>) -> bool {
    let i = spans.partition_point(|u| u.start <= h.start);
    spans[..i]
        .iter()
        .rev()
        .take(4)
        .any(|u| u.start <= h.start && h.end <= u.end)
}
