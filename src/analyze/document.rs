//! The answer, read once: sentences, words and every lexicon hit. Every rule queries this.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::rubric::{Haystack, LexiconId, Rubric};

/// A sentence: its byte span and the range of its words in [`Document::words`].
#[derive(Debug, Clone)]
pub struct Sent {
    pub span: Range<usize>,
    pub words: Range<usize>,
}

/// An answer split into sentences and words, with all lexicon hits found.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    /// The text with ASCII letters lowercased (same byte offsets as `text`).
    pub lower: String,
    pub sentences: Vec<Sent>,
    /// Word spans (letters/digits, with inner apostrophes: "I'd", "customer's").
    pub words: Vec<Range<usize>>,
    /// Hits per lexicon id, in order.
    pub hits: Vec<Vec<Range<usize>>>,
    /// Whether the rubric patterns' fast forms are exact on this text
    /// ([`crate::rubric::ascii_exact`]).
    exact: bool,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, rubric: &Rubric) -> Self {
        let lower = text.to_ascii_lowercase();
        let spans = super::segment::sentences(text);
        let mut words = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(spans.len());
        for span in spans {
            let first = words.len();
            for (i, w) in text[span.clone()].unicode_word_indices() {
                let start = span.start + i;
                words.push(start..start + w.len());
            }
            sentences.push(Sent {
                span,
                words: first..words.len(),
            });
        }
        let hits = rubric.matcher.find_all(&lower);
        Document {
            text,
            lower,
            sentences,
            words,
            hits,
            exact: crate::rubric::ascii_exact(text),
        }
    }

    /// The text for rubric patterns to search (`pattern.find_iter(&doc.haystack())`).
    pub fn haystack(&self) -> Haystack<'_> {
        Haystack::with_exact(self.text, &self.lower, self.exact)
    }

    /// The lowercase form of a span.
    pub fn low(&self, span: &Range<usize>) -> &str {
        &self.lower[span.clone()]
    }

    /// Hits of `lexicon` inside `span`.
    pub fn hits_in(&self, lexicon: LexiconId, span: &Range<usize>) -> &[Range<usize>] {
        let list = &self.hits[lexicon];
        let from = list.partition_point(|h| h.start < span.start);
        let to = list.partition_point(|h| h.start < span.end);
        &list[from..to.max(from)]
    }

    /// True when `word` (a word span) is exactly a term of `lexicon`.
    pub fn word_is(&self, lexicon: LexiconId, word: &Range<usize>) -> bool {
        let list = &self.hits[lexicon];
        let i = list.partition_point(|h| h.start < word.start);
        list.get(i)
            .is_some_and(|h| h.start == word.start && h.end >= word.end)
    }

    /// The index of the sentence containing byte `offset` (the last one before it, if between).
    pub fn sentence_of(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= offset)
            .saturating_sub(1)
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Words in the given sentences.
    pub fn words_in(&self, sentence: usize) -> usize {
        self.sentences[sentence].words.len()
    }
}
