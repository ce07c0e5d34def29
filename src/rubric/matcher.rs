//! One pass over an answer finds every lexicon phrase: all lexicons share one Aho-Corasick
//! automaton over the ASCII-lowercased text, and matches are kept only at word boundaries.
//!
//! Term syntax: a lowercase word or phrase; a trailing `*` matches any word ending
//! (`apologi*`). A term with a straight apostrophe also matches the typographic one (`I’d`).

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Index of a lexicon inside a compiled rubric.
pub type LexiconId = usize;

#[derive(Debug, Clone)]
struct Term {
    lexicons: Vec<LexiconId>,
    prefix: bool,
}

/// Every lexicon of a rubric, compiled into one matcher.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    terms: Vec<Term>,
    lexicons: usize,
}

/// A built matcher plus the term list of each lexicon (for display and for tests).
impl PhraseMatcher {
    /// `lexicons[i]` is the term list of lexicon `i`.
    pub fn new(lexicons: &[Vec<String>]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut index = std::collections::HashMap::<String, usize>::new();
        for (id, list) in lexicons.iter().enumerate() {
            for raw in list {
                let lower = raw.trim().to_ascii_lowercase();
                let (body, prefix) = match lower.strip_suffix('*') {
                    Some(b) => (b.to_string(), true),
                    None => (lower.clone(), false),
                };
                if body.is_empty() {
                    continue;
                }
                let mut variants = vec![body.clone()];
                if body.contains('\'') {
                    variants.push(body.replace('\'', "\u{2019}"));
                }
                for v in variants {
                    let key = format!("{v}{}", if prefix { "*" } else { "" });
                    let t = *index.entry(key).or_insert_with(|| {
                        patterns.push(v.clone());
                        terms.push(Term {
                            lexicons: Vec::new(),
                            prefix,
                        });
                        terms.len() - 1
                    });
                    if !terms[t].lexicons.contains(&id) {
                        terms[t].lexicons.push(id);
                    }
                }
            }
        }
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("lexicon terms are plain strings")
        });
        PhraseMatcher {
            ac,
            terms,
            lexicons: lexicons.len(),
        }
    }

    /// Hits per lexicon in `lower` (the ASCII-lowercased answer; byte offsets equal the
    /// original's). Within a lexicon, overlapping hits keep the earliest, then the longest.
    pub fn find_all(&self, lower: &str) -> Vec<Vec<Range<usize>>> {
        let mut hits: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.lexicons];
        let Some(ac) = &self.ac else {
            return hits;
        };
        let bytes = lower.as_bytes();
        for m in ac.find_overlapping_iter(lower) {
            let term = &self.terms[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if start > 0 && is_word_byte_before(lower, start) {
                continue;
            }
            if term.prefix {
                end = word_end(lower, end);
            } else if end < bytes.len() && is_word_byte_at(lower, end) {
                continue;
            }
            for &lex in &term.lexicons {
                hits[lex].push(start..end);
            }
        }
        for list in &mut hits {
            if list.len() > 1 {
                list.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
                let mut kept: Vec<Range<usize>> = Vec::with_capacity(list.len());
                for r in list.drain(..) {
                    if kept.last().is_none_or(|k| r.start >= k.end) {
                        kept.push(r);
                    }
                }
                *list = kept;
            }
        }
        hits
    }
}

/// True when the character ending just before `i` is part of a word.
fn is_word_byte_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word_char)
}

fn is_word_byte_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(is_word_char)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Extends `i` to the end of the word it is in (an apostrophe between letters is part of it).
fn word_end(s: &str, i: usize) -> usize {
    let mut chars = s[i..].char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if is_word_char(c) {
            continue;
        }
        let joins =
            (c == '\'' || c == '\u{2019}') && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if !joins {
            return i + j;
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(lexicons: &[&[&str]], text: &str) -> Vec<Vec<String>> {
        let lex: Vec<Vec<String>> = lexicons
            .iter()
            .map(|l| l.iter().map(|s| s.to_string()).collect())
            .collect();
        let lower = text.to_ascii_lowercase();
        PhraseMatcher::new(&lex)
            .find_all(&lower)
            .into_iter()
            .map(|hits| hits.into_iter().map(|r| text[r].to_string()).collect())
            .collect()
    }

    #[test]
    fn matches_whole_words_only() {
        assert_eq!(m(&[&["um"]], "Um, I summed it up. um"), [vec!["Um", "um"]]);
    }

    #[test]
    fn phrases_and_prefixes() {
        let got = m(
            &[&["you know", "apologi*"]],
            "You know, I apologized and apologised.",
        );
        assert_eq!(got, [vec!["You know", "apologized", "apologised"]]);
    }

    #[test]
    fn typographic_apostrophes_match() {
        assert_eq!(m(&[&["i'd"]], "I’d call back. I'd"), [vec!["I’d", "I'd"]]);
    }

    #[test]
    fn one_term_in_two_lexicons_hits_both() {
        assert_eq!(
            m(&[&["maybe"], &["maybe", "perhaps"]], "Maybe."),
            [vec!["Maybe"], vec!["Maybe"]]
        );
    }

    #[test]
    fn longest_hit_wins_within_a_lexicon() {
        assert_eq!(m(&[&["kind", "kind of"]], "kind of"), [vec!["kind of"]]);
    }

    #[test]
    fn prefix_terms_take_contractions_but_not_trailing_quotes() {
        assert_eq!(
            m(&[&["customer*"]], "the customers' bills"),
            [vec!["customers"]]
        );
    }
}
