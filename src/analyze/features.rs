//! Who did what, and in which tense: the grammatical features of each sentence.
//!
//! For each subject ("I", "we", or someone else: "she", "the customer") the first verb after it
//! (skipping adverbs such as "then" or "quickly") is classed as past ("called", "took"), modal
//! ("would", "will", "I'd") or present ("listen"). Contractions are split ("I'd" + a past
//! participle is past perfect, otherwise modal). Words inside quotation marks are skipped: what
//! a customer or the candidate *said* does not set the answer's tense, and "we" or "they"
//! right after "that" is reported speech ("I told her that we were sorry"), not who acted. All
//! word classes come from the rubric's `[features]` lexicons.

use std::ops::Range;

use super::{Document, Metric};
use crate::rubric::{Feature, Rubric, Subject, Tense};

/// Features of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Clause counts: `clauses[subject][tense]`.
    pub clauses: [[u16; 4]; 3],
    /// Each clause: its subject, the subject's span and the verb's tense.
    pub subjects: Vec<(Subject, Range<usize>)>,
    pub tenses: Vec<Tense>,
    pub quantity: bool,
    pub question: bool,
}

impl SentenceFeatures {
    /// True when the clause whose subject is at `span` has feature `f`.
    pub fn subject_has(&self, span: &Range<usize>, f: Feature) -> bool {
        let Feature::Clause(s, t) = f else {
            return false;
        };
        self.subjects
            .iter()
            .zip(&self.tenses)
            .any(|((subj, sp), tense)| sp == span && *subj == s && *tense == t)
    }

    /// How often the feature occurs in the sentence.
    pub fn count(&self, f: Feature) -> usize {
        match f {
            Feature::Clause(s, t) => self.clauses[s as usize][t as usize] as usize,
            Feature::Quantity => self.quantity as usize,
            Feature::Question => self.question as usize,
        }
    }
}

/// Spans inside quotation marks (“...”, "...", ‘...’, and '...' opened after a space).
///
/// Only quotes and line breaks change what is open, so the scan jumps from one to the next:
/// `"`, `'`, `\n`, and the lead byte 0xE2 of the curly quotes (U+2018..U+201D).
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b'\n' | 0xE2))
    {
        let i = from + off;
        let c = text[i..].chars().next().unwrap_or('\0');
        from = i + c.len_utf8();
        match open {
            None => {
                if opens(c, text[..i].chars().next_back()) {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                if closes(text, i, o, c) {
                    out.push(start..i);
                    open = None;
                } else if c == '\n' && o != '\u{201c}' && o != '"' {
                    // A stray apostrophe-quote does not run past the line.
                    open = None;
                }
            }
        }
    }
    out
}

/// Whether `c`, after the character `prev`, opens a quote: a straight apostrophe only at the
/// start of a word ("'fine'", not "it's").
fn opens(c: char, prev: Option<char>) -> bool {
    match c {
        '\u{201c}' | '\u{2018}' | '"' => true,
        '\'' => prev.is_none_or(|p| p.is_whitespace() || p == '('),
        _ => false,
    }
}

/// Whether `c` at byte `i` closes the quote opened by `o`.
fn closes(text: &str, i: usize, o: char, c: char) -> bool {
    match o {
        '\u{201c}' => c == '\u{201d}',
        '\u{2018}' => c == '\u{2019}' && !next_is_letter(text, i + c.len_utf8()),
        '"' => c == '"',
        '\'' => c == '\'' && !next_is_letter(text, i + 1),
        _ => false,
    }
}

#[cfg(test)]
/// The first version, character by character: the reference for the test of the scan above.
fn quoted_spans_by_char(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                if opens(c, prev) {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                if closes(text, i, o, c) {
                    out.push(start..i);
                    open = None;
                } else if c == '\n' && o != '\u{201c}' && o != '"' {
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    out
}

fn next_is_letter(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

/// Features for every sentence of `doc`.
pub fn sentence_features(
    doc: &Document<'_>,
    rubric: &Rubric,
    metrics: &[Metric],
) -> Vec<SentenceFeatures> {
    let quotes = quoted_spans(doc.text);
    // Quotes are sorted and disjoint: a binary search finds the one a word could be in.
    let in_quote = |w: &Range<usize>| {
        let i = quotes.partition_point(|q| q.end < w.end);
        quotes
            .get(i)
            .is_some_and(|q| q.start <= w.start && w.end <= q.end)
    };
    let f = &rubric.features;
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut sf = SentenceFeatures {
            quantity: metrics.iter().any(|m| m.sentence == si),
            question: doc.text[s.span.clone()].trim_end().ends_with('?'),
            ..Default::default()
        };
        let words = &doc.words[s.words.clone()];
        let mut k = 0;
        while k < words.len() {
            let w = &words[k];
            if in_quote(w) {
                k += 1;
                continue;
            }
            let low = doc.low(w);
            let (base, suffix) = split_contraction(low);
            let subject = if suffix.is_some() {
                single_word_subject(doc, rubric, base)
            } else {
                subject_ending_at(doc, rubric, s, w)
            };
            let Some(subject) = subject else {
                k += 1;
                continue;
            };
            // "...told them that we were sorry": reported speech, not who acted.
            if k > 0 && doc.low(&words[k - 1]) == "that" && subject != Subject::I {
                k += 1;
                continue;
            }
            // The verb: the next word that is not an adverb (at most three skipped).
            // Skip adverbs and anything set off by commas ("I, um, basically said", "I, like,
            // set up"), and a repeated subject ("I, um, I said").
            let mut j = k + 1;
            while j < words.len() && j <= k + 4 {
                let w = &words[j];
                let aside = doc.text[words[j - 1].end..w.start].contains(',')
                    && doc.text[w.end..words.get(j + 1).map_or(w.end, |n| n.start)].contains(',');
                let repeated = doc.low(w) == doc.low(&words[k]);
                if is_adverb(doc, f.adverbs, w) || aside || repeated {
                    j += 1;
                } else {
                    break;
                }
            }
            let next = words.get(j);
            let tense = match suffix {
                Some("d") => Some(match next {
                    Some(v) if doc.word_is(f.past_state, v) => Tense::State,
                    Some(v) if is_past(doc, rubric, v) => Tense::Past,
                    _ => Tense::Modal,
                }),
                Some("ll") => Some(Tense::Modal),
                Some("ve") => Some(Tense::Past),
                // "I'm", "we're": a form of "be", which is not a verb of action or habit ("I am"
                // is not either; see `not_verbs`).
                Some("m" | "re") => None,
                Some(_) => Some(Tense::Present),
                None => next.and_then(|v| classify(doc, rubric, v)),
            };
            // "I told her I'd call back", "a plan where we would...": a promise or plan made
            // in the past, told inside a past clause, not a hypothetical of this answer.
            let after_if = k > 0 && doc.low(&words[k - 1]) == "if";
            let tense = match tense {
                Some(Tense::Modal) if after_report(doc, rubric, words, k) => None,
                // "If I encountered a question I couldn't answer, I would...": the past tense of
                // a condition, not something that happened.
                Some(Tense::Past | Tense::State) if after_if => None,
                t => t,
            };
            if let Some(t) = tense {
                sf.clauses[subject as usize][t as usize] += 1;
                sf.subjects.push((subject, w.clone()));
                sf.tenses.push(t);
                // "I reset it, checked the logs and found...": each past verb joined to the
                // first is one more thing this subject did.
                if t == Tense::Past {
                    for v in joined_past_verbs(doc, rubric, s, words, j, &in_quote) {
                        sf.clauses[subject as usize][t as usize] += 1;
                        sf.subjects.push((subject, v.clone()));
                        sf.tenses.push(t);
                    }
                }
            }
            k = j.max(k + 1);
        }
        out.push(sf);
    }
    out
}

/// The past verbs joined to a subject's verb at `words[j]` by a comma or a `joins` word ("and",
/// "then"), up to the next subject or `breaks` word ("because", "who").
fn joined_past_verbs<'w>(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &super::document::Sent,
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
            || f.breaks.is_some_and(|b| doc.word_is(b, w))
            || split_contraction(doc.low(w)).1.is_some()
            || subject_ending_at(doc, rubric, s, w).is_some()
        {
            break;
        }
        let prev = &words[m - 1];
        let joined = doc.text[prev.end..w.start].contains(',') || doc.word_is(joins, prev);
        if joined && is_past(doc, rubric, w) && !doc.word_is(f.past_state, w) {
            out.push(w);
        }
    }
    out
}

/// "i'd" -> ("i", Some("d")); "customer's" -> ("customer", Some("s")); "called" -> ("called", None).
/// True when a `reports` word ("told", "promised", "a plan where") ends at most three words
/// before the subject at `words[k]`, with no comma, `joins` or `breaks` word between ("I told
/// the customer that we would...", not "I explained the fee and we would...").
fn after_report(doc: &Document<'_>, rubric: &Rubric, words: &[Range<usize>], k: usize) -> bool {
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

fn split_contraction(low: &str) -> (&str, Option<&str>) {
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

fn single_word_subject(doc: &Document<'_>, rubric: &Rubric, base: &str) -> Option<Subject> {
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

/// The subject whose lexicon hit ends with word `w` (so "the customer" ends at "customer").
fn subject_ending_at(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &super::document::Sent,
    w: &Range<usize>,
) -> Option<Subject> {
    let f = &rubric.features;
    for (lex, subj) in [
        (f.subject_i, Subject::I),
        (f.subject_we, Subject::We),
        (f.subject_other, Subject::Other),
    ] {
        if doc
            .hits_in(lex, &s.span)
            .iter()
            .any(|h| h.end == w.end && h.start <= w.start)
        {
            return Some(subj);
        }
    }
    None
}

fn is_adverb(doc: &Document<'_>, adverbs: usize, w: &Range<usize>) -> bool {
    let low = doc.low(w);
    doc.word_is(adverbs, w) || (low.len() > 4 && low.ends_with("ly") && !low.ends_with("ply"))
}

fn is_past(doc: &Document<'_>, rubric: &Rubric, w: &Range<usize>) -> bool {
    let f = &rubric.features;
    let low = doc.low(w);
    doc.word_is(f.past_irregular, w)
        || (low.len() > 3 && low.ends_with("ed") && low.is_ascii() && !doc.word_is(f.not_verbs, w))
}

/// The tense of the verb `w`, or `None` when it is not a verb after all.
fn classify(doc: &Document<'_>, rubric: &Rubric, w: &Range<usize>) -> Option<Tense> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_spans_jumps_between_quotes_and_finds_what_a_full_scan_finds() {
        let texts = [
            "She said “thank you” and ‘left’. I said \"ok\" — it's 'fine' (really).",
            "'Tis odd: don't stop 'here\nnow' “open\nstill” ‘a’b’ end",
            "(‘quoted’) x'y 'z' “unclosed",
            "",
            "no quotes at all — just dashes… and ünïcode",
            "\"a\"\"b\" ''  ' ' ‘’ “”",
        ];
        for t in texts {
            assert_eq!(quoted_spans(t), quoted_spans_by_char(t), "{t:?}");
        }
    }

    #[test]
    fn finds_quoted_speech_but_not_apostrophes() {
        let t = "I said, “I will fix it.” She said 'thanks' and didn't wait. He said \"ok\".";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, ["I will fix it.", "thanks", "ok"]);
    }

    #[test]
    fn splits_contractions() {
        assert_eq!(split_contraction("i'd"), ("i", Some("d")));
        assert_eq!(split_contraction("we’ll"), ("we", Some("ll")));
        assert_eq!(split_contraction("called"), ("called", None));
    }
}
