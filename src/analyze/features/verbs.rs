//! Word classes and verb groups: which word after a subject is its verb, and what tense,
//! auxiliary and clause it makes. Every word class comes from the rubric's `[features]`
//! lexicons.

use std::ops::Range;

use super::super::Document;
use super::super::document::Sent;
use crate::rubric::{Aux, Rubric, Subject, Tense};

/// What the words after a subject say about its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    pub tense: Option<Tense>,
    pub aux: Aux,
    /// Index (in the sentence's words) of the verb the clause is about.
    pub verb: Option<usize>,
}

/// The lexicon hit of `lex` that starts at word `w`, if any (the longest).
pub(super) fn hit_from(doc: &Document<'_>, lex: usize, w: &Range<usize>) -> Option<Range<usize>> {
    let list = &doc.hits[lex];
    let i = list.partition_point(|h| h.start < w.start);
    list[i..]
        .iter()
        .take_while(|h| h.start == w.start)
        .max_by_key(|h| h.end)
        .cloned()
}

/// The first word at or after `from` that is not an adverb (at most `max` skipped).
fn skip_adverbs(doc: &Document<'_>, rubric: &Rubric, words: &[Range<usize>], from: usize) -> usize {
    let mut j = from;
    while j < words.len() && j < from + 3 && is_adverb(doc, rubric.features.adverbs, &words[j]) {
        j += 1;
    }
    j
}

/// Reads the verb group that starts at `words[j]` (the first word after the subject that is not
/// an adverb), given the contraction the subject carried ("I'd", "we've").
pub(super) fn read_verb(
    doc: &Document<'_>,
    rubric: &Rubric,
    words: &[Range<usize>],
    j: usize,
    suffix: Option<&str>,
) -> Reading {
    let f = &rubric.features;
    let plain = |tense: Option<Tense>| Reading {
        tense,
        aux: Aux::None,
        verb: (j < words.len()).then_some(j),
    };
    let next = words.get(j);
    let participle = |v: &Range<usize>| {
        is_past(doc, rubric, v) || f.past_participle.is_some_and(|l| doc.word_is(l, v))
    };
    // "I should have called", "I'd have", "she could've": looking back, whatever the modal.
    let have = |w: Option<&Range<usize>>| {
        w.is_some_and(|w| f.perfect.is_some_and(|p| doc.word_is(p, w)) && doc.low(w) == "have")
    };
    let modal_like = |w: &Range<usize>| {
        let base = split_contraction(doc.low(w)).0;
        f.hindsight
            .is_some_and(|l| rubric.lexicon_terms[l].iter().any(|t| t == base))
    };
    let hindsight = match (suffix, next) {
        (Some("d"), _) => have(next),
        (None, Some(v)) if modal_like(v) => {
            have(words.get(j + 1)) || split_contraction(doc.low(v)).1 == Some("ve")
        }
        _ => false,
    };
    if hindsight {
        let p = words.len().min(j + if suffix.is_some() { 1 } else { 2 });
        return Reading {
            tense: Some(Tense::Hindsight),
            aux: Aux::None,
            verb: (p < words.len()).then_some(p),
        };
    }
    match suffix {
        Some("d") => {
            return match next {
                Some(v) if doc.word_is(f.past_state, v) => plain(Some(Tense::State)),
                // "she'd paid": had + a participle.
                Some(v) if is_past(doc, rubric, v) => Reading {
                    aux: Aux::Prior,
                    ..plain(Some(Tense::Past))
                },
                _ => plain(Some(Tense::Modal)),
            };
        }
        Some("ll") => return plain(Some(Tense::Modal)),
        Some("ve") => return plain(Some(Tense::Perfect)),
        // "I'm", "we're": a form of "be", which is not a verb of action or habit ("I am"
        // is not either; see `not_verbs`).
        Some("m" | "re") => return plain(None),
        // "she's gone", "it's been fixed", "he's always late" (is or has); "the customer's
        // account" is a possessive, no clause.
        Some(_) => {
            let verbal = next.is_some_and(|v| {
                let low = doc.low(v);
                is_past(doc, rubric, v)
                    || f.past_participle.is_some_and(|l| doc.word_is(l, v))
                    || is_adverb(doc, f.adverbs, v)
                    || f.determiners.is_some_and(|l| doc.word_is(l, v))
                    || (low.len() > 4 && low.ends_with("ing"))
                    || matches!(low, "not" | "no")
            });
            return plain(verbal.then_some(Tense::Present));
        }
        None => {}
    }
    let Some(v) = next else {
        return plain(None);
    };
    // "had to call", "was able to fix", "tried to reach": the clause is about the verb after
    // "to"; its time is the auxiliary's.
    for (lex, aux) in [
        (f.obligation, Aux::Obligation),
        (f.ability, Aux::Ability),
        (f.attempt, Aux::Attempt),
        (f.choice, Aux::None),
    ] {
        let Some(hit) = lex.and_then(|l| hit_from(doc, l, v)) else {
            continue;
        };
        let first = words[j].clone();
        let tense = if doc.word_is(f.modal, &first) {
            Tense::Modal
        } else if is_past(doc, rubric, &first) || doc.word_is(f.past_state, &first) {
            Tense::Past
        } else {
            Tense::Present
        };
        let after = words.partition_point(|w| w.start < hit.end);
        let verb = skip_adverbs(doc, rubric, words, after);
        return Reading {
            tense: Some(tense),
            aux,
            verb: (verb < words.len()).then_some(verb),
        };
    }
    // "I don't get stressed", "she did not call back": the clause is about the verb after
    // "do" (unless none follows: "I did my best").
    if let Some(hit) = f.do_support.and_then(|l| hit_from(doc, l, v)) {
        let after = words.partition_point(|w| w.start < hit.end);
        let p = skip_adverbs(doc, rubric, words, after);
        let object = |w: &Range<usize>| {
            [
                f.determiners,
                Some(f.subject_i),
                Some(f.subject_we),
                Some(f.subject_other),
            ]
            .into_iter()
            .any(|l| l.is_some_and(|l| doc.word_is(l, w)))
        };
        if let Some(w) = words.get(p).filter(|w| !object(w)) {
            let _ = w;
            let tense = if is_past(doc, rubric, v) {
                Tense::Past
            } else {
                Tense::Present
            };
            return Reading {
                tense: Some(tense),
                aux: Aux::None,
                verb: Some(p),
            };
        }
    }
    // "I have worked", "she has always been": the present perfect.
    let perfect = f.perfect.is_some_and(|l| doc.word_is(l, v));
    if perfect {
        let p = skip_adverbs(doc, rubric, words, j + 1);
        if let Some(w) = words.get(p).filter(|w| participle(w)) {
            let _ = w;
            return Reading {
                tense: Some(Tense::Perfect),
                aux: Aux::None,
                verb: Some(p),
            };
        }
    }
    let tense = classify(doc, rubric, v);
    // "would stay", "will call": the clause is about the verb after the modal.
    if tense == Some(Tense::Modal) {
        let p = skip_adverbs(doc, rubric, words, j + 1);
        return Reading {
            tense,
            aux: Aux::None,
            verb: (p < words.len()).then_some(p),
        };
    }
    // "had told", "was waiting": a state; the verb that says what it was is the next one.
    if tense == Some(Tense::State) {
        let p = skip_adverbs(doc, rubric, words, j + 1);
        if let Some(w) = words.get(p) {
            let low = doc.low(w);
            if participle(w) || (low.len() > 4 && low.ends_with("ing")) {
                let had = doc.low(v) == "had" && participle(w);
                return Reading {
                    tense,
                    aux: if had { Aux::Prior } else { Aux::None },
                    verb: Some(p),
                };
            }
        }
    }
    plain(tense)
}

/// The past verbs joined to a subject's verb at `words[j]` by a comma or a `joins` word ("and",
/// "then"), up to the next subject or `breaks` word ("because", "who").
pub(super) fn joined_past_verbs<'w>(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &Sent,
    words: &'w [Range<usize>],
    j: usize,
    in_quote: &dyn Fn(&Range<usize>) -> bool,
) -> Vec<&'w Range<usize>> {
    let f = &rubric.features;
    let Some(joins) = f.joins else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in j + 1..words.len() {
        let w = &words[m];
        if in_quote(w)
            || (f.breaks.is_some_and(|b| doc.word_is(b, w))
                && !f.not_breaks.is_some_and(|nb| doc.word_is(nb, w)))
            || split_contraction(doc.low(w)).1.is_some()
            || subject_ending_at(doc, rubric, s, w).is_some()
        {
            break;
        }
        let prev = &words[m - 1];
        let joined = doc.text[prev.end..w.start].contains(',') || doc.word_is(joins, prev);
        let past = is_past(doc, rubric, w);
        if joined && past && !doc.word_is(f.past_state, w) {
            out.push(w);
        } else if past && !f.determiners.is_some_and(|d| doc.word_is(d, prev)) {
            // A past verb not joined to this subject belongs to someone else ("...make sure
            // the diner felt respected"); a participle after a determiner describes ("the
            // upset customer").
            break;
        }
    }
    out
}

/// "i'd" -> ("i", Some("d")); "customer's" -> ("customer", Some("s")); "called" -> ("called", None).
/// True when a `reports` word ("told", "promised", "a plan where") ends at most three words
/// before the subject at `words[k]`, with no comma, `joins` or `breaks` word between ("I told
/// the customer that we would...", not "I explained the fee and we would...").
pub(super) fn after_report(
    doc: &Document<'_>,
    rubric: &Rubric,
    words: &[Range<usize>],
    k: usize,
) -> bool {
    let f = &rubric.features;
    let Some(reports) = f.reports else {
        return false;
    };
    for p in (k.saturating_sub(4)..k).rev() {
        let w = &words[p];
        if doc.text[w.end..words[p + 1].start].contains([',', ';', ':']) {
            return false;
        }
        let hit = doc.hits[reports].iter().any(|h| h.end == w.end);
        if hit {
            return true;
        }
        // "that", "if" or "whether" right before the subject introduces what was told or
        // asked ("told her that I'd", "asked if we could").
        let complement = p + 1 == k && matches!(doc.low(w), "that" | "if" | "whether");
        let boundary = f.joins.is_some_and(|j| doc.word_is(j, w))
            || f.breaks.is_some_and(|b| doc.word_is(b, w));
        if boundary && !complement {
            return false;
        }
    }
    false
}

pub(super) fn split_contraction(low: &str) -> (&str, Option<&str>) {
    for ap in ['\'', '\u{2019}'] {
        if let Some(i) = low.find(ap) {
            let suffix = &low[i + ap.len_utf8()..];
            if matches!(suffix, "d" | "ll" | "ve" | "m" | "re" | "s") {
                return (&low[..i], Some(suffix));
            }
        }
    }
    (low, None)
}

pub(super) fn single_word_subject(
    doc: &Document<'_>,
    rubric: &Rubric,
    base: &str,
) -> Option<Subject> {
    let f = &rubric.features;
    let is = |lex: usize| rubric.lexicon_terms[lex].iter().any(|t| t == base);
    let _ = doc;
    if is(f.subject_i) {
        Some(Subject::I)
    } else if is(f.subject_we) {
        Some(Subject::We)
    } else if is(f.subject_other) {
        Some(Subject::Other)
    } else {
        None
    }
}

/// The subject whose lexicon hit ends with word `w` (so "the customer" ends at "customer"), and
/// where that hit starts.
pub(super) fn subject_ending_at(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &Sent,
    w: &Range<usize>,
) -> Option<(Subject, usize)> {
    let f = &rubric.features;
    for (lex, subj) in [
        (f.subject_i, Subject::I),
        (f.subject_we, Subject::We),
        (f.subject_other, Subject::Other),
    ] {
        if let Some(h) = doc
            .hits_in(lex, &s.span)
            .iter()
            .find(|h| h.end == w.end && h.start <= w.start)
        {
            return Some((subj, h.start));
        }
    }
    None
}

/// A noun-phrase subject starting at `words[k]`: at the start of a clause, a determiner, one to
/// three words, then a past, state, perfect or modal verb ("the package arrived", "her bill went
/// down", "the lady at the desk said"). Returns the index of its last word.
pub(super) fn noun_phrase_subject(
    doc: &Document<'_>,
    rubric: &Rubric,
    words: &[Range<usize>],
    k: usize,
) -> Option<usize> {
    let f = &rubric.features;
    let det = f.determiners?;
    if !doc.word_is(det, &words[k]) {
        return None;
    }
    let boundary = |l: Option<usize>, w: &Range<usize>| l.is_some_and(|l| doc.word_is(l, w));
    let starts_clause = k == 0 || {
        let prev = &words[k - 1];
        doc.text[prev.end..words[k].start].contains([',', ';', ':'])
            || boundary(f.joins, prev)
            || boundary(f.breaks, prev)
            || boundary(f.subordinators, prev)
    };
    if !starts_clause {
        return None;
    }
    // The last word of the noun phrase so far; adverbs after it ("my quick learning not only
    // eased") do not count towards its length.
    let mut last = k;
    for m in k + 1..words.len() {
        if last > k + 3 || m > k + 6 {
            return None;
        }
        let w = &words[m];
        let low = doc.low(w);
        if !low
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
        {
            return None;
        }
        let gap = &doc.text[words[m - 1].end..w.start];
        let stop = [
            f.joins,
            f.breaks,
            f.subordinators,
            Some(f.subject_i),
            Some(f.subject_we),
        ]
        .into_iter()
        .any(|l| boundary(l, w));
        if stop || gap.contains([',', ';', ':', '.', '(', '"', '\u{201c}']) || doc.word_is(det, w) {
            return None;
        }
        let verb = is_past(doc, rubric, w)
            || doc.word_is(f.past_state, w)
            || doc.word_is(f.modal, w)
            || f.perfect.is_some_and(|p| doc.word_is(p, w));
        // "the returned item was...": a participle right after the determiner describes.
        if verb && last > k {
            return Some(last);
        }
        if !(last > k && is_adverb(doc, f.adverbs, w)) {
            last = m;
        }
    }
    None
}

pub(super) fn is_adverb(doc: &Document<'_>, adverbs: usize, w: &Range<usize>) -> bool {
    let low = doc.low(w);
    doc.word_is(adverbs, w) || (low.len() > 4 && low.ends_with("ly") && !low.ends_with("ply"))
}

pub(super) fn is_past(doc: &Document<'_>, rubric: &Rubric, w: &Range<usize>) -> bool {
    let f = &rubric.features;
    let low = doc.low(w);
    doc.word_is(f.past_irregular, w)
        || (low.len() > 3 && low.ends_with("ed") && low.is_ascii() && !doc.word_is(f.not_verbs, w))
}

/// The tense of the verb `w`, or `None` when it is not a verb after all.
pub(super) fn classify(doc: &Document<'_>, rubric: &Rubric, w: &Range<usize>) -> Option<Tense> {
    let f = &rubric.features;
    let low = doc.low(w);
    if !low.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    if doc.word_is(f.modal, w) {
        Some(Tense::Modal)
    } else if doc.word_is(f.past_state, w) {
        Some(Tense::State)
    } else if is_past(doc, rubric, w) {
        Some(Tense::Past)
    } else if doc.word_is(f.not_verbs, w) {
        None
    } else {
        Some(Tense::Present)
    }
}
