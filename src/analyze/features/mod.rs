//! Who did what, and in which tense: the grammatical features of each sentence.
//!
//! For each subject ("I", "we", or someone else: "she", "the customer") the first verb after it
//! (skipping adverbs such as "then" or "quickly") is classed as past ("called", "took"), a past
//! state ("was", "had"), the present perfect ("I've worked", "I have been"), modal ("would",
//! "will", "I'd") or present ("listen"). An auxiliary before "to" is read through: "I had to
//! call" is an obligation about "call", "I was able to fix" an ability, "I tried to reach" an
//! attempt. Contractions are split ("I'd" + a past participle is past perfect, otherwise
//! modal). A clause is *main* unless a subordinator opens it ("because she was upset", "when I
//! have to explain") or it lies in a purpose ("to make sure she was happy") or condition ("if
//! she had called"). Words inside quotation marks are skipped: what a customer or the candidate
//! *said* does not set the answer's tense, and "we" or "they" right after "that" is reported
//! speech ("I told her that we were sorry"), not who acted. All word classes come from the
//! rubric's `[features]` lexicons.

mod quotes;
mod regions;
mod verbs;

use std::ops::Range;

use super::{Document, Metric};
use crate::rubric::{Aux, ClauseQuery, Feature, Region, Rubric, Subject, Tense};

pub use quotes::quoted_spans;
use verbs::*;

/// One subject and the verb it goes with.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub subject: Subject,
    /// The subject's last word (for a verb joined to an earlier one, "...and refunded it", the
    /// joined verb).
    pub span: Range<usize>,
    /// The verb the clause is about: "called" in "I then called", "call" in "I had to call".
    pub verb: Option<Range<usize>>,
    pub tense: Tense,
    pub aux: Aux,
    /// Not opened by a subordinator and not inside a purpose or condition.
    pub main: bool,
}

/// Features of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Clause counts: `counts[subject][tense]`.
    pub counts: [[u16; 6]; 3],
    pub clauses: Vec<Clause>,
    /// Purpose and condition stretches, in text order.
    pub regions: Vec<(Region, Range<usize>)>,
    /// Where each metric quantity of the sentence starts.
    pub quantities: Vec<usize>,
    pub question: bool,
}

impl SentenceFeatures {
    /// True when the clause whose subject is at `span` has feature `f`.
    pub fn subject_has(&self, span: &Range<usize>, f: Feature) -> bool {
        let Feature::Clause(s, t) = f else {
            return false;
        };
        self.clauses
            .iter()
            .any(|c| &c.span == span && c.subject == s && c.tense == t)
    }

    /// How often the feature occurs in the sentence.
    pub fn count(&self, f: Feature) -> usize {
        match f {
            Feature::Clause(s, t) => self.counts[s as usize][t as usize] as usize,
            Feature::Quantity => usize::from(!self.quantities.is_empty()),
            Feature::Question => self.question as usize,
        }
    }

    /// The clauses that `q` counts.
    pub fn matching<'s>(
        &'s self,
        doc: &'s Document<'_>,
        q: &'s ClauseQuery,
    ) -> impl Iterator<Item = &'s Clause> + 's {
        self.clauses.iter().filter(move |c| q.matches(doc, c))
    }

    /// Whether byte `at` lies in one of `regions`.
    pub fn in_region(&self, at: usize, regions: &[Region]) -> bool {
        self.regions
            .iter()
            .any(|(r, span)| regions.contains(r) && span.start <= at && at < span.end)
    }
}

impl ClauseQuery {
    /// Whether clause `c` is one this query counts.
    pub fn matches(&self, doc: &Document<'_>, c: &Clause) -> bool {
        let verb_is = |lex: usize| c.verb.as_ref().is_some_and(|v| doc.word_is(lex, v));
        (self.subjects.is_empty() || self.subjects.contains(&c.subject))
            && (self.tenses.is_empty() || self.tenses.contains(&c.tense))
            && (self.aux.is_empty() || self.aux.contains(&c.aux))
            && (self.verbs.is_empty() || self.verbs.iter().any(|&l| verb_is(l)))
            && !self.except_verbs.iter().any(|&l| verb_is(l))
            && (!self.main || c.main)
    }
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
    let mut out = Vec::with_capacity(doc.sentences.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut sf = SentenceFeatures {
            quantities: metrics
                .iter()
                .filter(|m| m.sentence == si)
                .map(|m| m.span.start)
                .collect(),
            question: doc.text[s.span.clone()].trim_end().ends_with('?'),
            regions: regions::regions(doc, rubric, s),
            ..Default::default()
        };
        clauses(doc, rubric, s, &in_quote, &mut sf);
        out.push(sf);
    }
    out
}

/// Finds the clauses of sentence `s` and counts them into `sf`.
fn clauses(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &super::document::Sent,
    in_quote: &dyn Fn(&Range<usize>) -> bool,
    sf: &mut SentenceFeatures,
) {
    let f = &rubric.features;
    let words = &doc.words[s.words.clone()];
    let mut k = implied_first_person(doc, rubric, s, words, in_quote, sf);
    while k < words.len() {
        let w = &words[k];
        if in_quote(w) {
            k += 1;
            continue;
        }
        let low = doc.low(w);
        let (base, suffix) = split_contraction(low);
        let subject = if suffix.is_some() {
            single_word_subject(doc, rubric, base).map(|x| (x, w.start))
        } else {
            subject_ending_at(doc, rubric, s, w)
        };
        let (subject, subject_start, last) = match subject {
            Some((x, start)) => (x, start, k),
            None => match noun_phrase_subject(doc, rubric, words, k) {
                Some(last) => (Subject::Other, w.start, last),
                None => {
                    k += 1;
                    continue;
                }
            },
        };
        k = last;
        let w = &words[k];
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
        let reading = read_verb(doc, rubric, words, j, suffix);
        // "I told her I'd call back", "a plan where we would...": a promise or plan made
        // in the past, told inside a past clause, not a hypothetical of this answer.
        let after_if = k > 0 && doc.low(&words[k - 1]) == "if";
        let tense = match reading.tense {
            Some(Tense::Modal) if after_report(doc, rubric, words, k) => None,
            // "If I encountered a question I couldn't answer, I would...": the past tense of
            // a condition, not something that happened.
            Some(Tense::Past | Tense::State) if after_if => None,
            t => t,
        };
        if let Some(t) = tense {
            let opened = words[..k]
                .iter()
                .rev()
                .find(|x| x.end <= subject_start)
                .is_some_and(|x| f.subordinators.is_some_and(|l| doc.word_is(l, x)));
            let main =
                !opened && !sf.in_region(subject_start, &[Region::Purpose, Region::Condition]);
            let verb = reading.verb.map(|v| words[v].clone());
            push(sf, subject, w.clone(), verb, t, reading.aux, main);
            // "I reset it, checked the logs and found...": each past verb joined to the
            // first is one more thing this subject did.
            if t == Tense::Past {
                let from = reading.verb.unwrap_or(j);
                for v in joined_past_verbs(doc, rubric, s, words, from, in_quote) {
                    push(sf, subject, v.clone(), Some(v.clone()), t, Aux::None, main);
                }
            }
        }
        k = j.max(k + 1);
    }
}

/// Notes and bullet points leave out the "I": a sentence that opens with a past verb ("Searched
/// for idle resources.", "Called the customer back and apologized.") tells what the candidate
/// did. Returns the word to go on from.
fn implied_first_person(
    doc: &Document<'_>,
    rubric: &Rubric,
    s: &super::document::Sent,
    words: &[Range<usize>],
    in_quote: &dyn Fn(&Range<usize>) -> bool,
    sf: &mut SentenceFeatures,
) -> usize {
    let f = &rubric.features;
    let Some(first) = words.first() else {
        return 0;
    };
    let comma_after = words
        .get(1)
        .is_some_and(|n| doc.text[first.end..n.start].contains(','));
    let subject = [f.subject_i, f.subject_we, f.subject_other]
        .into_iter()
        .any(|l| verbs::hit_from(doc, l, first).is_some());
    let request = f
        .listener_request
        .zip(words.get(1))
        .is_some_and(|(l, second)| doc.word_is(l, second));
    if in_quote(first)
        || comma_after
        || subject
        || request
        || !is_past(doc, rubric, first)
        || doc.word_is(f.past_state, first)
    {
        return 0;
    }
    push(
        sf,
        Subject::I,
        first.start..first.start,
        Some(first.clone()),
        Tense::Past,
        Aux::None,
        true,
    );
    for v in joined_past_verbs(doc, rubric, s, words, 0, in_quote) {
        push(
            sf,
            Subject::I,
            v.clone(),
            Some(v.clone()),
            Tense::Past,
            Aux::None,
            true,
        );
    }
    1
}

fn push(
    sf: &mut SentenceFeatures,
    subject: Subject,
    span: Range<usize>,
    verb: Option<Range<usize>>,
    tense: Tense,
    aux: Aux,
    main: bool,
) {
    sf.counts[subject as usize][tense as usize] += 1;
    sf.clauses.push(Clause {
        subject,
        span,
        verb,
        tense,
        aux,
        main,
    });
}

#[cfg(test)]
mod tests {
    use super::verbs::split_contraction;

    #[test]
    fn splits_contractions() {
        assert_eq!(split_contraction("i'd"), ("i", Some("d")));
        assert_eq!(split_contraction("we’ll"), ("we", Some("ll")));
        assert_eq!(split_contraction("called"), ("called", None));
    }
}
