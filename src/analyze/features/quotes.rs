//! Quoted speech: what a customer or the candidate *said* does not set the answer's tense.

use std::ops::Range;

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
        let prev = text[..i].chars().next_back();
        match open {
            None => {
                if opens(text, i, c, prev) {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                if o == '"' && c == '"' && reopens(text, i, prev) {
                    // A straight quote that can only open: the one before was never closed
                    // ("...right for you. "Uh... what?""), so speech starts again here rather
                    // than the rest of the answer reading inside out.
                    open = Some((i + 1, c));
                } else if closes(text, i, o, c) {
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

/// Whether `c` at byte `i`, after the character `prev`, opens a quote: a straight apostrophe
/// only at the start of a word ("'fine'", not "it's"), a straight double quote unless it can
/// only close one (after a word and before a space: a closing quote whose opening is missing).
fn opens(text: &str, i: usize, c: char, prev: Option<char>) -> bool {
    match c {
        '\u{201c}' | '\u{2018}' => true,
        '"' => !(prev.is_some_and(|p| !p.is_whitespace()) && next_is_space(text, i + 1)),
        '\'' => prev.is_none_or(|p| p.is_whitespace() || p == '('),
        _ => false,
    }
}

/// Whether the straight double quote at byte `i` can only open a quote: after a space (or at
/// the start) and before a letter or digit.
fn reopens(text: &str, i: usize, prev: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace)
        && text[i + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn next_is_space(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_none_or(char::is_whitespace)
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
                if opens(text, i, c, prev) {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((start, o)) => {
                if o == '"' && c == '"' && reopens(text, i, prev) {
                    open = Some((i + 1, c));
                } else if closes(text, i, o, c) {
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
            "for you. \"Uh what?\" We had ways. \"Um fine.\" ok\" then \"x",
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
    fn an_unclosed_straight_quote_does_not_turn_the_rest_inside_out() {
        let t = "He said \"I'm only asking how to fix it. \"Uh... what?\" We had set ways, \
                 so I went through them. \"The second one's fine.\" I set it up.";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, ["Uh... what?", "The second one's fine."]);
        // A closing quote with no opening one opens nothing.
        let t = "fine\" he said. I fixed it.";
        assert!(quoted_spans(t).is_empty());
    }
}
