//! The measures of rule kinds that take more than a line: clauses, concrete details and
//! repeated words (which of a question's areas an answer covers is in `coverage.rs`).

use std::collections::HashMap;
use std::ops::Range;

use super::rules::{Facts, in_scope};
use crate::rubric::Rule;

/// Clauses with one of `features` in the rule's scope, each from its subject to the end of the
/// sentence ("We scheduled a meeting...").
pub(super) fn clause_hits(
    f: &Facts<'_>,
    rule: &Rule,
    features: &[crate::rubric::Feature],
) -> Vec<Range<usize>> {
    let mut hits = Vec::new();
    for (si, sf) in f.feats.iter().enumerate() {
        if !in_scope(f, rule, si) {
            continue;
        }
        let end = f.doc.sentences[si].span.end;
        for c in &sf.clauses {
            if features.iter().any(|feat| sf.subject_has(&c.span, *feat)) {
                hits.push(c.span.start..end);
            }
        }
    }
    hits
}

/// Concrete details: quantities, names (capitalised words inside a sentence), quoted words and
/// lexicon terms (named tools, channels...), then noun phrases ("a double charge"). The strong
/// kinds come first, each kind in text order, so praise quotes "H&R Block" and "6 minutes per
/// call" before "the phone".
/// True when every word in `span` is in one of `lexicons` ("A few": how much, not what).
fn only_function_words(
    doc: &super::Document<'_>,
    span: Range<usize>,
    lexicons: &[Option<usize>],
) -> bool {
    doc.words
        .iter()
        .filter(|w| span.start <= w.start && w.end <= span.end)
        .all(|w| lexicons.iter().flatten().any(|&l| doc.word_is(l, w)))
}

pub(super) fn details(
    f: &Facts<'_>,
    lexicon: Option<usize>,
    determiners: Option<usize>,
    generic: Option<usize>,
    stopwords: Option<usize>,
) -> Vec<Range<usize>> {
    let doc = f.doc;
    // (rank, span): 0 quantities, quotes, names and lexicon terms; 1 noun phrases.
    // A lone number word ("one guest") is hardly a detail; "45 minutes" and "two years" are.
    // A number whose role is not credited (tenure, a target, a hypothetical or vague figure)
    // is no detail of what happened.
    let uncredited = |q: &super::Quantity| {
        f.metrics
            .iter()
            .any(|m| !m.role.credited() && m.span.start < q.span.end && q.span.start < m.span.end)
    };
    let mut out: Vec<(u8, Range<usize>)> = f
        .quantities
        .iter()
        .filter(|q| {
            let t = &doc.text[q.span.clone()];
            t.contains(|c: char| c.is_ascii_digit() || c.is_whitespace())
                && !bare_count(t)
                && !uncredited(q)
                && !only_function_words(doc, q.span.clone(), &[determiners, stopwords])
        })
        .map(|q| (0, q.span.clone()))
        .collect();
    for q in super::features::quoted_spans(doc.text) {
        if doc.text[q.clone()].split_whitespace().count() >= 2 {
            out.push((0, q));
        }
    }
    if let Some(l) = lexicon {
        out.extend(doc.hits[l].iter().map(|h| (0, h.clone())));
    }
    let capital = |w: &Range<usize>| doc.text[w.clone()].starts_with(char::is_uppercase);
    for s in &doc.sentences {
        let words = &doc.words[s.words.clone()];
        let mut prev_end = s.span.start;
        let mut name_until = 0;
        for (k, w) in words.iter().enumerate() {
            let text = &doc.text[w.clone()];
            let pronoun =
                matches!(text, "I") || text.starts_with("I'") || text.starts_with("I\u{2019}");
            // After a colon, quote or line start a capital is not a name.
            let gap = &doc.text[prev_end..w.start];
            let fresh = gap.contains([':', '"', '\u{201c}', '\n', '(']);
            // "No", "Then" or a list's "A" is not a name.
            let function = text.chars().count() < 2
                || [determiners, stopwords]
                    .iter()
                    .flatten()
                    .any(|&l| doc.word_is(l, w));
            if k > 0 && k >= name_until && capital(w) && !pronoun && !fresh && !function {
                // One name of several words: "H&R Block", "Best Buy", "St. Mary's"; "I" after
                // a name is the speaker ("on Sunday I called"), not part of it.
                let mut end = k + 1;
                while let Some(n) = words.get(end) {
                    let joint = doc.text[words[end - 1].end..n.start].trim();
                    let speaker = doc.text[n.clone()].starts_with("I")
                        && doc.low(n).trim_start_matches('i').len() < 3;
                    if !capital(n) || speaker || !matches!(joint, "" | "&" | "-" | ".") {
                        break;
                    }
                    end += 1;
                }
                out.push((0, w.start..words[end - 1].end));
                name_until = end;
            }
            // "her bags", "a grocery store": a determiner and a word that is not generic.
            if let (Some(det), Some(next)) = (determiners, words.get(k + 1)) {
                let low = doc.low(next);
                let plain = |x: &Range<usize>| {
                    let l = doc.low(x);
                    l.len() > 2
                        && l.chars().all(char::is_alphabetic)
                        && !doc.word_is(det, x)
                        && !generic.is_some_and(|g| doc.word_is(g, x))
                        && !stopwords.is_some_and(|g| doc.word_is(g, x))
                };
                // "that called", "that needed": a relative pronoun and its verb, not a thing.
                let relative = doc.low(w) == "that" && low.ends_with("ed");
                // "a completely": an adverb opens no noun phrase.
                let adverb = low.ends_with("ly");
                if doc.word_is(det, w)
                    && low.chars().all(char::is_alphabetic)
                    && plain(next)
                    && !relative
                    && !adverb
                {
                    // Quote the whole noun phrase: up to two more plain words ("a double
                    // charge"), stopping at short function words and adverbs.
                    let mut end = next.end;
                    for (j, more) in words.iter().enumerate().skip(k + 2).take(2) {
                        let l = doc.low(more);
                        let gap = &doc.text[end..more.start];
                        // "a high-pressure situation" is one phrase.
                        if !matches!(gap.trim(), "" | "-") || l.len() <= 3 || l.ends_with("ly") {
                            break;
                        }
                        // A generic noun ends the phrase and is quoted with it ("a high
                        // volume", not "a high").
                        if !plain(more) {
                            if generic.is_some_and(|g| doc.word_is(g, more)) {
                                end = more.end;
                            }
                            break;
                        }
                        // "the leaders leading", "a lady called": a verb after the noun
                        // ends the phrase before it; "a damaged package" goes on.
                        let before_noun = words
                            .get(j + 1)
                            .is_some_and(|x| x.start == more.end + 1 && plain(x));
                        if verb_form(l) && !before_noun {
                            break;
                        }
                        end = more.end;
                    }
                    out.push((1, w.start..end));
                }
            }
            prev_end = w.end;
        }
    }
    // One detail per place: the longest span starting first wins, whatever its kind.
    out.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
    out.dedup_by(|b, a| b.1.start < a.1.end);
    out.sort_by_key(|(rank, r)| (*rank, r.start));
    out.into_iter().map(|(_, r)| r).collect()
}

/// A count with no unit ("3", "12"): a list's numbering or a bare figure, not a detail.
fn bare_count(t: &str) -> bool {
    t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
}

/// An "-ed" or "-ing" form (after a noun, most often the verb of the clause).
fn verb_form(low: &str) -> bool {
    low.len() > 4 && (low.ends_with("ed") || low.ends_with("ing"))
}

pub(super) fn repetition(
    f: &Facts<'_>,
    rule: &Rule,
    min_repeats: usize,
    stopwords: Option<usize>,
) -> (f64, Vec<Range<usize>>) {
    let doc = f.doc;
    let det = f.rubric.features.determiners;
    let mut counts: HashMap<&str, (Vec<Range<usize>>, usize)> = HashMap::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if !in_scope(f, rule, si) {
            continue;
        }
        let words = &doc.words[s.words.clone()];
        for (k, w) in words.iter().enumerate() {
            let low = doc.low(w);
            if low.len() < 4 || !low.chars().all(char::is_alphabetic) {
                continue;
            }
            if stopwords.is_some_and(|l| doc.word_is(l, w)) {
                continue;
            }
            let named = k > 0 && det.is_some_and(|d| doc.word_is(d, &words[k - 1]));
            let e = counts.entry(low).or_default();
            e.0.push(w.clone());
            e.1 += usize::from(named);
        }
    }
    // What the story is about ("the billing department", "the arena", "each family") is named
    // again and again by its nature: a word mostly used after a determiner is its topic, not
    // a tic of the speaker.
    let counts: HashMap<&str, Vec<Range<usize>>> = counts
        .into_iter()
        .filter(|(_, (v, named))| named * 2 < v.len())
        .map(|(w, (v, _))| (w, v))
        .collect();
    // A word counts when used at least `min_repeats` times and more than once per 40 words.
    let floor = min_repeats.max(doc.word_count() / 40);
    let mut repeated: Vec<(&str, Vec<Range<usize>>)> = counts
        .into_iter()
        .filter(|(_, v)| v.len() >= floor)
        .collect();
    repeated.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let measure = repeated.len() as f64;
    let hits = repeated.into_iter().flat_map(|(_, v)| v).collect();
    (measure, hits)
}
