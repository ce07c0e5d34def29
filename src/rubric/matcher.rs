//! One pass over an answer finds every lexicon phrase: all lexicons share one Aho-Corasick
//! automaton over the ASCII-lowercased text, run anchored from each place a term may start (not
//! right after a word character, on a byte some term starts with), and matches are kept only
//! where they end at a word boundary. Starting only there saves the matches that one
//! unanchored pass reported inside every word ("i", "on") only to throw them away.
//!
//! Term syntax: a lowercase word or phrase; a trailing `*` matches any word ending
//! (`apologi*`). A term with a straight apostrophe also matches the typographic one (`I’d`).

use std::ops::Range;

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

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
    /// `starts[b]`: some term starts with byte `b`.
    starts: Box<[bool; 256]>,
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
        let mut starts = Box::new([false; 256]);
        for p in &patterns {
            starts[usize::from(p.as_bytes()[0])] = true;
        }
        let ac = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(&patterns)
                .expect("lexicon terms are plain strings")
        });
        PhraseMatcher {
            ac,
            starts,
            terms,
            lexicons: lexicons.len(),
        }
    }

    /// Hits per lexicon in `lower` (the ASCII-lowercased answer; byte offsets equal the
    /// original's). Multi-word terms match across any run of whitespace ("I would argue\nthat").
    /// Within a lexicon, overlapping hits keep the earliest, then the longest.
    pub fn find_all(&self, lower: &str) -> Vec<Vec<Range<usize>>> {
        let mut hits: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.lexicons];
        let Some(ac) = &self.ac else {
            return hits;
        };
        // Terms have single spaces: match over a copy whose whitespace runs are single spaces,
        // then map offsets back (only built when the text has other whitespace).
        let squeezed = Squeezed::new(lower);
        let text = squeezed.text.as_deref().unwrap_or(lower);
        let bytes = text.as_bytes();
        let mut after_word = false;
        for (at, c) in text.char_indices() {
            let may_start = !after_word && self.starts[usize::from(bytes[at])];
            after_word = is_word_char(c);
            if !may_start {
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            let mut state = OverlappingState::start();
            loop {
                // Never fails: the automaton is built for anchored searches.
                if ac.try_find_overlapping(input.clone(), &mut state).is_err() {
                    break;
                }
                let Some(m) = state.get_match() else {
                    break;
                };
                // A state's matches include those of its suffixes ("all" on "call"), which
                // start later: only those starting here count.
                if m.start() != at {
                    continue;
                }
                let term = &self.terms[m.pattern().as_usize()];
                let (start, mut end) = (m.start(), m.end());
                if term.prefix {
                    end = word_end(text, end);
                } else if end < bytes.len() && is_word_byte_at(text, end) {
                    continue;
                }
                let span = squeezed.original(start)..squeezed.original_end(end);
                for &lex in &term.lexicons {
                    hits[lex].push(span.clone());
                }
            }
        }
        for list in &mut hits {
            if list.len() > 1 {
                // Equal keys are equal ranges, so an unstable sort gives the same order.
                list.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
                // Keep each hit that starts at or after the end of the last one kept, in place.
                let mut kept = 0;
                for r in 0..list.len() {
                    if kept == 0 || list[r].start >= list[kept - 1].end {
                        list[kept] = list[r].clone();
                        kept += 1;
                    }
                }
                list.truncate(kept);
            }
        }
        hits
    }
}

/// A copy of a text with every whitespace run turned into one space, and the map back.
struct Squeezed {
    text: Option<String>,
    /// `map[i]` is the original offset of byte `i` of the copy (empty when the copy has the
    /// original's offsets: no run of two whitespace bytes, only single line breaks or tabs).
    map: Vec<u32>,
    len: usize,
}

impl Squeezed {
    fn new(s: &str) -> Self {
        let runs = s
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace());
        let other = s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ');
        if !runs && !other {
            return Squeezed {
                text: None,
                map: Vec::new(),
                len: s.len(),
            };
        }
        if !runs {
            // Each whitespace byte stands alone: a space in its place keeps every offset.
            let bytes: Vec<u8> = s
                .bytes()
                .map(|b| if b.is_ascii_whitespace() { b' ' } else { b })
                .collect();
            return Squeezed {
                text: String::from_utf8(bytes).ok(),
                map: Vec::new(),
                len: s.len(),
            };
        }
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len() + 1);
        let mut in_space = false;
        for (i, c) in s.char_indices() {
            if c.is_ascii_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(i as u32);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let start = text.len();
            text.push(c);
            for k in 0..(text.len() - start) {
                map.push((i + k) as u32);
            }
        }
        Squeezed {
            text: Some(text),
            map,
            len: s.len(),
        }
    }

    fn original(&self, i: usize) -> usize {
        if self.map.is_empty() {
            return i;
        }
        self.map.get(i).map_or(self.len, |&o| o as usize)
    }

    /// The original offset just after the copy's byte `end - 1`.
    fn original_end(&self, end: usize) -> usize {
        if self.map.is_empty() || end == 0 {
            return end;
        }
        let last = self.map[end - 1] as usize;
        // A non-space byte maps one to one; the end is right after it.
        last + 1
    }
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
    fn a_term_inside_a_longer_term_word_is_not_a_hit() {
        // "call" walks the automaton through "call back", whose state also ends "all".
        assert_eq!(
            m(&[&["all", "call back"]], "I call all of them. Call back"),
            [vec!["all", "Call back"]]
        );
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
    fn phrases_match_across_line_breaks_and_runs_of_spaces() {
        assert_eq!(
            m(
                &[&["i would argue that", "to a certain degree"]],
                "I would argue\nthat, to   a   certain   degree, it is."
            ),
            [vec!["I would argue\nthat", "to   a   certain   degree"]]
        );
        assert_eq!(
            m(&[&["you know"]], "you\r\n  know\tyou know"),
            [vec!["you\r\n  know", "you know"]]
        );
        // Single line breaks and tabs only: the copy keeps the offsets.
        assert_eq!(
            m(
                &[&["you know", "i would argue that"]],
                "you\nknow, I would\targue\nthat"
            ),
            [vec!["you\nknow", "I would\targue\nthat"]]
        );
    }

    #[test]
    fn prefix_terms_take_contractions_but_not_trailing_quotes() {
        assert_eq!(
            m(&[&["customer*"]], "the customers' bills"),
            [vec!["customers"]]
        );
    }
}
