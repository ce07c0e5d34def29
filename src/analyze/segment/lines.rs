//! Lines, list markers and labels.

use super::*;

// ---------------------------------------------------------------------------------------------
// Lines, list markers and labels.

pub(super) fn count_line_breaks(gap: &str) -> usize {
    let mut n = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\u{2029}' => n += 2,
            c if is_line_break(c) => n += 1,
            _ => {}
        }
    }
    n
}

pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The line holding the end of the sentence so far, from its start (or the sentence's).
pub(super) fn left_line(text: &str, start: usize, end: usize) -> &str {
    let from = end.saturating_sub(LOOK * 2).max(start);
    let from = floor_char_boundary(text, from);
    let s = &text[from..end];
    match s.rfind(is_line_break) {
        Some(at) => &s[at + s[at..].chars().next().map_or(1, char::len_utf8)..],
        None if from == start => s,
        None => "",
    }
}

/// The line starting at `next`, if it is short enough to be a label.
pub(super) fn right_line(text: &str, next: usize) -> &str {
    let to = floor_char_boundary(text, (next + LOOK * 2 + 1).min(text.len()));
    let s = &text[next..to];
    match s.find(is_line_break) {
        Some(at) => &s[..at],
        None if to == text.len() => s,
        None => "",
    }
}

/// A heading-like label alone on its line: "Situation:", "Areas to Cover:", "(Result)",
/// "[Task]", "**Task**", "## Action".
pub(super) fn is_label(line: &str) -> bool {
    let mut s = line.trim();
    if s.is_empty() || s.len() > LOOK {
        return false;
    }
    let mut marked = false;
    if s.starts_with('#') {
        s = s.trim_start_matches('#').trim_start();
        marked = true;
    }
    if (s.starts_with('(') && s.ends_with(')')) || (s.starts_with('[') && s.ends_with(']')) {
        s = &s[1..s.len() - 1];
        marked = true;
    }
    for _ in 0..2 {
        if let Some(inner) = s.strip_suffix(':') {
            s = inner.trim_end();
            marked = true;
        }
        for d in ["**", "__", "*", "_"] {
            if s.len() > 2 * d.len() && s.starts_with(d) && s.ends_with(d) {
                s = &s[d.len()..s.len() - d.len()];
                marked = true;
                break;
            }
        }
    }
    let s = s.trim();
    let words = s.split_whitespace().count();
    let Some(first) = s.chars().next() else {
        return false;
    };
    marked
        && (1..=5).contains(&words)
        && (words == 1 || !first.is_lowercase())
        && first.is_alphanumeric()
        && s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || matches!(c, '-' | '&' | '/' | '\'' | '’'))
}

/// A label at the start of `s`, in the middle of a line: up to [`LABEL_WORDS`] words of letters
/// followed by a colon ("task: I had to", "what I did: I") or by a dash with a space on each
/// side ("action - I checked"). After a period it opens a new sentence even when it is
/// lowercase ("...a double charge. task: I had to refund it"), as a capitalised word would.
/// Which words are STAR labels is the rubric's business (`[labels]`, read by the analyzer);
/// here only the shape counts, and a colon or a spaced dash after a few words reads as a
/// label, not as the end of an abbreviation.
pub(super) fn opens_label(s: &str) -> bool {
    let mut rest = s;
    for _ in 0..LABEL_WORDS {
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        if len == 0 || !rest.starts_with(char::is_alphabetic) {
            return false;
        }
        rest = &rest[len..];
        if rest.starts_with(':') {
            return true;
        }
        let Some(spaced) = rest.strip_prefix([' ', '\t']) else {
            return false;
        };
        rest = spaced.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix(['-', '–', '—']) {
            return after.starts_with([' ', '\t']);
        }
    }
    false
}

/// The most words [`opens_label`] reads before the colon ("what I took away:").
const LABEL_WORDS: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MarkKind {
    /// "•", "⁃", "●"... possibly with a number: "• 9.", "⁃10.".
    Bullet,
    /// "- ", "* ", "+ ", "– " (only at the start of a line; an em dash is punctuation).
    Dash,
    Num,
    Lower,
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MarkStyle {
    None,
    /// "1."
    Dot,
    /// "1)"
    Paren,
    /// "1.)"
    DotParen,
    /// "(1)"
    Enclosed,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Marker {
    /// Byte length of the marker (without the space after it).
    pub(super) end: usize,
    pub(super) kind: MarkKind,
    pub(super) style: MarkStyle,
    pub(super) value: u32,
}

/// A list marker at the start of `s`, followed by whitespace or the end of `s` (a bullet may
/// also touch its text: "⁃9.", "•Item").
pub(super) fn parse_marker(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    if LINE_BULLETS.contains(&first) {
        let after = first.len_utf8();
        let rest = &s[after..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let end = parse_enumerator(&rest[gap..]).map_or(after, |m| after + gap + m.end);
        return Some(Marker {
            end,
            kind: MarkKind::Bullet,
            style: MarkStyle::None,
            value: 0,
        });
    }
    if matches!(first, '-' | '*' | '+' | '–') {
        let end = first.len_utf8();
        return ends_marker(s, end).then_some(Marker {
            end,
            kind: MarkKind::Dash,
            style: MarkStyle::None,
            value: 0,
        });
    }
    parse_enumerator(s)
}

/// "1." "12)" "3.)" "(4)" "a." "b)" "(c)" followed by whitespace or the end of `s`.
pub(super) fn parse_enumerator(s: &str) -> Option<Marker> {
    let b = s.as_bytes();
    let enclosed = b.first() == Some(&b'(');
    let from = usize::from(enclosed);
    let digits = b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (kind, value, mut i) = match digits {
        1..=3 => {
            let n: u32 = s[from..from + digits].parse().ok()?;
            (MarkKind::Num, n, from + digits)
        }
        0 => {
            let c = *b.get(from)?;
            let kind = if c.is_ascii_lowercase() {
                MarkKind::Lower
            } else if c.is_ascii_uppercase() {
                MarkKind::Upper
            } else {
                return None;
            };
            (kind, u32::from(c.to_ascii_lowercase() - b'a') + 1, from + 1)
        }
        _ => return None,
    };
    let style = if enclosed {
        (b.get(i) == Some(&b')')).then_some(MarkStyle::Enclosed)?
    } else {
        match (b.get(i), b.get(i + 1)) {
            (Some(b'.'), Some(b')')) => {
                i += 1;
                MarkStyle::DotParen
            }
            (Some(b'.'), _) => MarkStyle::Dot,
            (Some(b')'), _) => MarkStyle::Paren,
            _ => return None,
        }
    };
    i += 1;
    ends_marker(s, i).then_some(Marker {
        end: i,
        kind,
        style,
        value,
    })
}

pub(super) fn ends_marker(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(char::is_whitespace)
}

/// After a marker found mid-text: the item's text on the same line. For letters, not another
/// single letter ("A. B. Smith" is a name).
pub(super) fn followed_by_item(text: &str, at: usize, kind: MarkKind) -> bool {
    let rest = &text[at..];
    let rest = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if c.is_whitespace() {
        return false;
    }
    if matches!(kind, MarkKind::Lower | MarkKind::Upper) {
        let second = chars.next();
        return !(c.is_alphabetic() && matches!(second, Some('.' | ')')));
    }
    true
}

/// The line at `next` starts with a list marker.
pub(super) fn starts_list_item(text: &str, next: usize) -> bool {
    parse_marker(&text[next..]).is_some_and(|m| followed_by_item(text, next + m.end, m.kind))
}

/// The whole sentence so far is a list marker ("1.", "a.", "• 9.", "1.)"): the item's text
/// comes next.
pub(super) fn marker_only(s: &str) -> bool {
    s.len() <= 16 && parse_marker(s).is_some_and(|m| m.end == s.len())
}
