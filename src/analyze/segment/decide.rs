//! Decisions: whether a candidate ends the sentence, from the two sides around it.

use super::*;

// ---------------------------------------------------------------------------------------------
// Decisions.

/// Whether the sentence that started at `start` ends at `end` (the next one would start at
/// `next`); `Some(cut)` is where it ends, which is `end` except for "word. . . . Next".
pub(super) fn decide(text: &str, start: usize, end: usize, next: usize) -> Option<usize> {
    let gap = &text[end..next];
    let breaks = count_line_breaks(gap);
    if breaks >= 2 {
        return Some(end);
    }
    // A lone list marker is not a sentence, and a period is not the start of one: inside
    // ". . ." every dot is followed by a space.
    if marker_only(&text[start..end]) || text[next..].starts_with('.') {
        return None;
    }
    let left = parse_left(text, start, end);
    let right = parse_right(text, next);
    if breaks == 1 {
        if starts_list_item(text, next)
            || is_label(right_line(text, next))
            || is_label(left_line(text, start, end))
        {
            return Some(end);
        }
        if left.term == Term::None {
            let continues = text[..end]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, ',' | ';' | '-' | '–' | '—' | '/' | '&' | '+'))
                || in_list(CONTINUATION_WORDS, left.tok);
            let fresh =
                matches!(right.class, Class::Upper | Class::Uncased) || right.emoji || right.label;
            return (fresh && !continues).then_some(end);
        }
    } else if gap.is_empty() {
        // "done.Then" was decided by the scan; a CJK "。" needs no space after it.
        return (left.term == Term::Other).then_some(end);
    } else if left.term == Term::None {
        return Some(end);
    }
    decide_terminal(text, start, end, &left, &right, breaks == 1)
}

/// The sentence so far ends with terminal punctuation (and maybe closing quotes): decide from
/// the punctuation, the token before it and the word after it.
pub(super) fn decide_terminal(
    text: &str,
    start: usize,
    end: usize,
    left: &Left<'_>,
    right: &Right<'_>,
    newline: bool,
) -> Option<usize> {
    let lower = right.class == Class::Lower;
    match left.term {
        Term::None | Term::Other => Some(end),
        Term::Bang => (!lower || sloppy_lower(left, right)).then_some(end),
        Term::Ellipsis { bracketed } => (!bracketed && !lower).then_some(end),
        Term::Spaced {
            dots,
            attached,
            first_dot_end,
        } => {
            if lower {
                None
            } else if attached && dots >= 4 {
                // "compounds. . . . The": the sentence ends at the first period and the
                // ellipsis opens the next one.
                Some(first_dot_end)
            } else if !attached && dots == 3 && !newline {
                // "the thing is . . . I didn't mean it": an omission, not an end.
                None
            } else {
                Some(end)
            }
        }
        Term::Period => decide_period(text, start, end, left, right, newline),
    }
}

pub(super) fn decide_period(
    text: &str,
    start: usize,
    end: usize,
    left: &Left<'_>,
    right: &Right<'_>,
    newline: bool,
) -> Option<usize> {
    let tok = left.tok;
    let lower = right.class == Class::Lower;
    let keep_unless_lower = (!lower).then_some(end);
    if tok.is_empty() || is_number(tok) {
        // "refunded the $40. result: she stayed" starts a labelled part.
        return (!lower || right.label).then_some(end);
    }
    if in_list(NEVER_FINAL, tok) {
        return None;
    }
    if right.class == Class::Digit && in_list(NUMBER_PREFIX, tok) {
        return None;
    }
    let mut chars = tok.chars();
    if let (Some(letter), None) = (chars.next(), chars.next())
        && letter.is_alphabetic()
    {
        // An initial ("Jonas E. Smith") unless a sentence plainly starts after it
        // ("you and I. Did you...").
        return if lower || !letter.is_uppercase() {
            keep_unless_lower
        } else if (newline && right.class == Class::Upper) || in_list(STARTERS, right.word) {
            Some(end)
        } else {
            None
        };
    }
    if is_initialism(tok) {
        if lower {
            return None;
        }
        if newline {
            return Some(end);
        }
        if tok.eq_ignore_ascii_case("a.m") || tok.eq_ignore_ascii_case("p.m") {
            let continues =
                in_list(TIME_FOLLOWERS, right.word) || fronted_time(&text[start..left.tok_start]);
            return (!continues).then_some(end);
        }
        return in_list(STARTERS, right.word).then_some(end);
    }
    if in_list(ABBR, tok) || in_list(NUMBER_PREFIX, tok) {
        return keep_unless_lower;
    }
    if lower {
        return sloppy_lower(left, right).then_some(end);
    }
    Some(end)
}

/// A plain word, a terminal and then a lowercase word that starts sentences: "it worked.
/// then i called her", or a label ("a double charge. task: I had to"). Not after closing
/// quotes ("'Great.' she said").
pub(super) fn sloppy_lower(left: &Left<'_>, right: &Right<'_>) -> bool {
    !left.closers
        && left.tok.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && left
            .tok
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !in_list(NEVER_FINAL, left.tok)
        && !in_list(ABBR, left.tok)
        && !in_list(NUMBER_PREFIX, left.tok)
        && (in_list(LOWER_STARTERS, right.word) || right.label)
}

/// "At 5 a.m." opening a sentence: up to three words before the time, the first a preposition.
pub(super) fn fronted_time(before: &str) -> bool {
    let mut words = before.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    words.take(3).count() <= 2 && in_list(TIME_PREPS, first.trim_start_matches(is_opener))
}

// ---------------------------------------------------------------------------------------------
// The two sides of a candidate.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Term {
    /// No terminal punctuation (a line break).
    None,
    /// One period.
    Period,
    /// "!", "?", "?!", "!!"...
    Bang,
    /// "...", "....", "…"; `bracketed` for "[...]".
    Ellipsis { bracketed: bool },
    /// ". . ." with spaces; `attached` when the first period touches the word before it.
    Spaced {
        dots: usize,
        attached: bool,
        first_dot_end: usize,
    },
    /// Another script's terminal: "。", "！", "।", "؟"...
    Other,
}

#[derive(Debug)]
pub(super) struct Left<'a> {
    pub(super) term: Term,
    /// Closing quotes or brackets after the terminal: `"no."`, `(see above.)`.
    pub(super) closers: bool,
    /// The token before the terminal, without leading quotes or brackets: "Mr", "U.S", "4.5".
    pub(super) tok: &'a str,
    pub(super) tok_start: usize,
}

pub(super) fn parse_left(text: &str, start: usize, end: usize) -> Left<'_> {
    let s = &text[start..end];
    let last = |i: usize| s[..i].chars().next_back();
    let mut i = s.len();
    let mut closer = None;
    while let Some(c) = last(i).filter(|&c| is_trailer(c)) {
        i -= c.len_utf8();
        if is_closer(c) {
            closer = Some(c);
        }
        if s.len() - i > 16 {
            break;
        }
    }
    let closers = closer.is_some();
    let (mut dots, mut bang, mut other, mut ellipsis, mut spaced) = (0, false, false, false, false);
    let term_end = i;
    while s.len() - i <= LOOK {
        match last(i) {
            Some('.') => {
                dots += 1;
                i -= 1;
                if s[..i].ends_with(". ") {
                    i -= 1;
                    spaced = true;
                }
            }
            Some('…') => {
                ellipsis = true;
                i -= '…'.len_utf8();
            }
            Some(c @ ('!' | '?')) => {
                bang = true;
                i -= c.len_utf8();
            }
            Some(c) if is_other_terminal(c) => {
                other = true;
                i -= c.len_utf8();
            }
            _ => break,
        }
    }
    let term_start = i;
    let word_from = word_start(s, i);
    let tok_raw = &s[word_from..i];
    let tok = tok_raw.trim_start_matches(is_opener);
    let tok_start = start + i - tok.len();
    let term = if term_start == term_end {
        Term::None
    } else if bang {
        Term::Bang
    } else if other {
        Term::Other
    } else if spaced && dots >= 2 {
        Term::Spaced {
            dots,
            attached: !tok.is_empty() && !s[..term_start].ends_with(char::is_whitespace),
            first_dot_end: start
                + term_start
                + s[term_start..].chars().next().map_or(0, char::len_utf8),
        }
    } else if ellipsis || dots >= 2 {
        Term::Ellipsis {
            bracketed: matches!(last(term_start), Some('[' | '('))
                && matches!(closer, Some(']' | ')')),
        }
    } else {
        Term::Period
    };
    Left {
        term,
        closers,
        tok,
        tok_start,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Lower,
    Upper,
    Digit,
    /// A letter of a script without case (CJK, Arabic, Devanagari...).
    Uncased,
    Symbol,
}

#[derive(Debug)]
pub(super) struct Right<'a> {
    pub(super) class: Class,
    /// Starts with a pictograph or other non-ASCII symbol ("✅ Listened", "🙂"), which opens a
    /// line like a bullet does; "$", "%" and dashes do not.
    pub(super) emoji: bool,
    /// The first word, without leading quotes or brackets: "Then", "It's", "55".
    pub(super) word: &'a str,
    /// The text starts with a label ([`opens_label`]): "task: I had to".
    pub(super) label: bool,
}

pub(super) fn parse_right(text: &str, next: usize) -> Right<'_> {
    let to = floor_char_boundary(text, (next + LOOK).min(text.len()));
    let s = text[next..to].trim_start_matches(is_opener);
    let class = match s.chars().next() {
        Some(c) if c.is_lowercase() => Class::Lower,
        Some(c) if c.is_uppercase() => Class::Upper,
        Some(c) if c.is_numeric() => Class::Digit,
        Some(c) if c.is_alphabetic() => Class::Uncased,
        _ => Class::Symbol,
    };
    let emoji = class == Class::Symbol
        && s.chars().next().is_some_and(|c| {
            !c.is_ascii()
                && !c.is_whitespace()
                && !matches!(
                    c,
                    '€' | '£' | '¥' | '₹' | '–' | '—' | '…' | '\u{a0}'..='\u{bf}'
                )
        });
    let len = s
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(s.len());
    Right {
        class,
        emoji,
        word: &s[..len],
        label: class == Class::Lower && opens_label(s),
    }
}
