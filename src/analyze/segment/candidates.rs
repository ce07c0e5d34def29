//! Candidates: where a sentence may end (UAX #29 around terminals, and one scan for what it
//! cannot see).

use super::*;

// ---------------------------------------------------------------------------------------------
// Candidates.

/// UAX #29 boundaries. Running the iterator over the whole text costs about 25 ns a byte, most
/// of it looking up every character's class, so it runs only on windows around the bytes where
/// a boundary can start: ASCII terminals and any non-ASCII character (which may be a terminal
/// of another script or a separator). A window runs from a *reset point* to a reset point:
/// just after a line break, or after an ASCII letter and a space, before an ASCII character.
/// There the UAX #29 state holds no terminal, and the look-ahead of rule SB8 from an earlier
/// period stops at that letter, so a window finds exactly the boundaries the whole text has
/// inside it (a unit test compares the two). The boundaries after line breaks, which fall at
/// window edges, come from [`scan`].
pub(super) fn uax_candidates(text: &str, cands: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut floor = 0;
    while let Some(k) = b[floor..]
        .iter()
        .position(|&c| matches!(c, b'.' | b'!' | b'?') || c >= 0x80)
    {
        let hot = floor + k;
        let mut from = hot;
        while from > floor && !is_reset_point(b, from) {
            from -= 1;
        }
        let mut to = hot + 1;
        while to < b.len() && !is_reset_point(b, to) {
            to += 1;
        }
        for (i, _) in text[from..to].split_sentence_bound_indices().skip(1) {
            cands.push(Cand {
                end: trim_back(text, from + i),
                forced: false,
            });
        }
        floor = to;
    }
}

/// See [`uax_candidates`]: a char boundary where UAX #29 starts afresh.
pub(super) fn is_reset_point(b: &[u8], q: usize) -> bool {
    if !b.get(q).is_some_and(u8::is_ascii) {
        return false;
    }
    match b[q - 1] {
        b'\n' => true,
        b'\r' => b[q] != b'\n',
        b' ' | b'\t' => q >= 2 && b[q - 2].is_ascii_alphabetic() && b[q] > b' ',
        _ => false,
    }
}

/// The candidates UAX #29 does not propose, in one pass over the bytes: line breaks (whose
/// boundaries fall at the edges of the UAX #29 windows), a period or "…" before a lowercase
/// word, a missing space after a terminal, and list markers.
pub(super) fn scan(text: &str, cands: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut markers: Vec<(usize, Marker)> = Vec::new();
    let mut word_start = true;
    for (i, &c) in b.iter().enumerate() {
        let class = BYTE_CLASS[usize::from(c)];
        if class & SPECIAL != 0 {
            match c {
                b'\n' | 0x0B | 0x0C => line_break(text, i + 1, cands),
                b'\r' if b.get(i + 1) != Some(&b'\n') => line_break(text, i + 1, cands),
                b'.' | b'!' | b'?' => terminal(text, i, i + 1, cands),
                0xE2 if b[i..].starts_with("…".as_bytes()) => terminal(text, i, i + 3, cands),
                _ => {}
            }
        }
        if word_start && class & SPACE == 0 {
            list_marker(text, i, cands, &mut markers);
        }
        word_start = class & SPACE != 0;
    }
    chains(text, &markers, cands);
}

/// Byte classes for [`scan`]: bytes that may need a candidate, and ASCII whitespace.
pub(super) const SPECIAL: u8 = 1;
pub(super) const SPACE: u8 = 2;
pub(super) const BYTE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    t[b'\n' as usize] = SPECIAL | SPACE;
    t[b'\r' as usize] = SPECIAL | SPACE;
    t[0x0B] = SPECIAL | SPACE;
    t[0x0C] = SPECIAL | SPACE;
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'.' as usize] = SPECIAL;
    t[b'!' as usize] = SPECIAL;
    t[b'?' as usize] = SPECIAL;
    t[0xE2] = SPECIAL; // "…"
    t
};

/// A list marker at the word starting at `i`: a bullet in the middle of a line is a boundary;
/// numbers and letters are kept for [`chains`].
pub(super) fn list_marker(
    text: &str,
    i: usize,
    cands: &mut Vec<Cand>,
    markers: &mut Vec<(usize, Marker)>,
) {
    let b = text.as_bytes();
    // Cheap filter before parsing: "12." "a)" "(" or a bullet.
    let maybe = match b[i] {
        b'0'..=b'9' => matches!(b.get(i + 1), Some(b'0'..=b'9' | b'.' | b')')),
        b'a'..=b'z' | b'A'..=b'Z' => matches!(b.get(i + 1), Some(b'.' | b')')),
        b'(' => true,
        0x80.. => text[i..].starts_with(INLINE_BULLETS),
        _ => false,
    };
    if !maybe {
        return;
    }
    let Some(m) = parse_marker(&text[i..]) else {
        return;
    };
    if !followed_by_item(text, i + m.end, m.kind) {
        return;
    }
    if m.kind == MarkKind::Bullet {
        cands.push(Cand {
            end: trim_back(text, i),
            forced: true,
        });
    } else {
        markers.push((i, m));
    }
}

pub(super) fn line_break(text: &str, after: usize, cands: &mut Vec<Cand>) {
    cands.push(Cand {
        end: trim_back(text, after),
        forced: false,
    });
}

/// The terminal at `i..after`: a forced boundary when the space after it is missing
/// ("done.Then"), or a candidate after it (with its closing quotes or emoji) when whitespace
/// follows: UAX #29 sees none before a lowercase word, none after "…", and none after emoji.
pub(super) fn terminal(text: &str, i: usize, after: usize, cands: &mut Vec<Cand>) {
    let next = text[after..].chars().next();
    if next.is_some_and(char::is_uppercase) && missing_space(text, i, after) {
        cands.push(Cand {
            end: after,
            forced: true,
        });
    } else {
        let mut j = after;
        while let Some(d) = text[j..].chars().next().filter(|&d| is_trailer(d)) {
            j += d.len_utf8();
            if j - after > 8 {
                break;
            }
        }
        if text[j..].starts_with(char::is_whitespace) {
            cands.push(Cand {
                end: j,
                forced: false,
            });
        }
    }
}

/// Inline enumerations that read as lists: "1) The first item 2) The second item". A chain
/// starts with 1 (or a/A) at the start of the text, of a line, or after a colon or a sentence,
/// and goes on with the next numbers (letters) in the same style. Every chain of two or more
/// markers splits before each of its markers.
pub(super) fn chains(text: &str, markers: &[(usize, Marker)], cands: &mut Vec<Cand>) {
    let mut chain: Vec<usize> = Vec::new();
    let mut key: Option<(MarkKind, MarkStyle, u32)> = None;
    let flush = |chain: &mut Vec<usize>, cands: &mut Vec<Cand>| {
        if chain.len() >= 2 {
            cands.extend(chain.iter().map(|&at| Cand {
                end: trim_back(text, at),
                forced: true,
            }));
        }
        chain.clear();
    };
    for &(at, m) in markers {
        if let Some((kind, style, value)) = key.as_mut()
            && m.kind == *kind
            && m.style == *style
            && m.value == *value
        {
            chain.push(at);
            *value += 1;
        } else if m.value == 1 && chain_may_start(text, at) {
            flush(&mut chain, cands);
            chain.push(at);
            key = Some((m.kind, m.style, 2));
        }
    }
    flush(&mut chain, cands);
}

/// At the start of the text or of a line, or after a colon or a sentence's end.
pub(super) fn chain_may_start(text: &str, at: usize) -> bool {
    let from = floor_char_boundary(text, at.saturating_sub(LOOK));
    let before = text[from..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => from == 0,
        Some(c) => is_line_break(c) || matches!(c, ':' | ';' | '.' | '!' | '?' | '…'),
    }
}

/// "done.Then I" or "it worked!Now": the writer forgot the space. The terminal at `i` (ending
/// at `after`) splits when the word before it is plain (not an abbreviation, not part of a web
/// address or a dotted name) and the word after it is capitalised like a sentence start.
pub(super) fn missing_space(text: &str, i: usize, after: usize) -> bool {
    let tok_start = word_start(text, i);
    let tok_end = word_end(text, after);
    let token = &text[tok_start..tok_end];
    if token.contains('@') || token.contains("://") || starts_with_ignore_case(token, "www.") {
        return false;
    }
    let left = text[tok_start..i].trim_start_matches(is_opener);
    let plain = left
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        && left
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    if left.len() < 2 || !(plain || is_number(left)) || in_list(NEVER_FINAL, left) {
        return false;
    }
    let right = &text[after..tok_end];
    let word_len = right
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(right.len());
    let word = &right[..word_len];
    // "Then", or "I" but not the "D" of "Ph.D.".
    let mut chars = word.chars();
    let capitalised = if word == "I" {
        !right[1..].starts_with('.')
    } else {
        word.len() >= 2
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
    };
    if !capitalised || in_list(TLDS, word) {
        return false;
    }
    // "Acme.Corp.com" is a domain: no dot followed by more text inside the rest of the token.
    let rest = &right.as_bytes()[word_len..];
    !rest
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
}
