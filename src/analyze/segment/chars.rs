//! Character and token helpers.

use super::*;

// ---------------------------------------------------------------------------------------------
// Tokens.

/// Numbers and amounts: "4.5", "$100.00", "1026.253.553", "24/7", "9:30", "20%".
pub(super) fn is_number(tok: &str) -> bool {
    let t = tok
        .trim_start_matches(['$', '€', '£', '¥', '₹', '#', '~', '+', '-'])
        .trim_end_matches('%');
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

/// Dotted initials: "U.S", "U.S.A", "E.U", "a.m", "Ph.D".
pub(super) fn is_initialism(tok: &str) -> bool {
    tok.contains('.')
        && tok
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// What may follow a terminal inside its sentence: closing quotes and brackets, and emoji
/// ("Thanks!🙂 I loved it.").
pub(super) fn is_trailer(c: char) -> bool {
    is_closer(c) || is_emoji(c)
}

/// Emoji and their joiners, modifiers and tags (the pictographic blocks; no table needed for
/// the few places that ask).
pub(super) fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{FE0F}'
            | '\u{200D}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_' | '`'
    )
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '*' | '_' | '`' | '¿' | '¡'
    )
}

/// Terminal punctuation of other scripts (UAX #29 STerm beyond ASCII).
pub(super) fn is_other_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '｡'
            | '．'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '։'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '။'
            | '።'
            | '፧'
            | '፨'
            | '᙮'
            | '᠃'
            | '᠉'
    )
}

/// Start of the whitespace-delimited word ending at `i` (at most `LOOK` bytes back).
pub(super) fn word_start(s: &str, i: usize) -> usize {
    let from = floor_char_boundary(s, i.saturating_sub(LOOK));
    s[from..i].rfind(char::is_whitespace).map_or(from, |at| {
        from + at + s[from + at..].chars().next().map_or(1, char::len_utf8)
    })
}

/// End of the whitespace-delimited word starting at `i` (at most `LOOK` bytes on).
pub(super) fn word_end(s: &str, i: usize) -> usize {
    let to = floor_char_boundary(s, (i + LOOK).min(s.len()));
    s[i..to].find(char::is_whitespace).map_or(to, |at| i + at)
}

pub(super) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn skip_ws(s: &str, i: usize) -> usize {
    s.len() - s[i..].trim_start().len()
}

pub(super) fn trim_back(s: &str, i: usize) -> usize {
    s[..i].trim_end().len()
}

pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `word` (any case, curly or straight apostrophe) is in `list`, without allocating.
pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    const CURLY: &[u8] = "’".as_bytes();
    let bytes = word.as_bytes();
    let mut buf = [0u8; 24];
    if bytes.is_empty() || bytes.len() > buf.len() {
        return false;
    }
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        if bytes[i..].starts_with(CURLY) {
            buf[n] = b'\'';
            i += CURLY.len();
        } else {
            buf[n] = bytes[i].to_ascii_lowercase();
            i += 1;
        }
        n += 1;
    }
    let key = &buf[..n];
    list.binary_search_by(|probe| probe.as_bytes().cmp(key))
        .is_ok()
}
