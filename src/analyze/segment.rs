//! Sentence segmentation: the byte ranges of the sentences of an answer.
//!
//! Every later step of the analysis (STAR labels, metrics, filler) works per sentence, so this
//! module decides where sentences start and end, once per answer.
//!
//! # How it works
//!
//! 1. **Candidates.** UAX #29 ([`UnicodeSegmentation::split_sentence_bound_indices`]) proposes
//!    a boundary after terminal punctuation (with its closing quotes and spaces) and at every
//!    line break. One scan of the text adds what UAX #29 cannot see: a period followed by a
//!    lowercase word (sloppy typing: "it worked. then i..."), "…", a missing space after a
//!    period ("done.Then I"), and inline list markers ("1) first 2) second").
//! 2. **Decisions.** The candidates are visited in order, and each is kept or dropped by
//!    looking at the words on both sides: the token before the period (abbreviation, initial,
//!    number, URL), the word after it (lowercase, capitalised, a common sentence starter), the
//!    line structure (blank lines, hard-wrapped lines, list items, labels such as
//!    "Situation:"), and the sentence so far (a lone list marker never ends a sentence).
//!
//! The word lists below are language machinery (which abbreviations exist, which words start
//! sentences), not coaching rules; a test keeps them sorted, lowercase and deduplicated,
//! because lookups are binary searches.
//!
//! # Cost
//!
//! One scan of the bytes, UAX #29 only on short windows around terminals and non-ASCII text
//! (see [`uax_candidates`]: the whole-text iterator alone would cost three times the rest), one
//! `Vec` of candidates and one of ranges. Every look-around is bounded, so the cost is linear
//! in the length of the answer: roughly 10 to 20 µs for a 250-word answer in a release build.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of the sentences of `text`, in order. Each range is trimmed (no leading or
/// trailing whitespace), ranges do not overlap, and every non-whitespace character of `text`
/// is inside exactly one range. Ranges start and end on char boundaries.
///
/// ```
/// use starcoach::analyze::segment::sentences;
///
/// let text = "Situation: I worked for Acme Inc. in the U.S. as an agent.\n\
///             - I called Mr. Lee at 9 a.m. and fixed it.Then he thanked me!";
/// let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(
///     got,
///     [
///         "Situation: I worked for Acme Inc. in the U.S. as an agent.",
///         "- I called Mr. Lee at 9 a.m. and fixed it.",
///         "Then he thanked me!",
///     ]
/// );
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut cands = Vec::with_capacity(text.len() / 32 + 4);
    uax_candidates(text, &mut cands);
    scan(text, &mut cands);
    // Forced candidates sort before unforced ones at the same position and win the dedup.
    cands.sort_unstable_by_key(|c| (c.end, !c.forced));
    cands.dedup_by_key(|c| c.end);

    let mut out = Vec::new();
    let mut start = skip_ws(text, 0);
    for c in cands {
        if c.end <= start {
            continue;
        }
        let next = skip_ws(text, c.end);
        if next >= text.len() {
            break;
        }
        let cut = if c.forced {
            Some(c.end)
        } else {
            decide(text, start, c.end, next)
        };
        if let Some(cut) = cut.filter(|&cut| cut > start) {
            out.push(start..cut);
            start = skip_ws(text, cut);
        }
    }
    let end = trim_back(text, text.len());
    if start < end {
        out.push(start..end);
    }
    out
}

/// A place where a sentence may end: `end` is just after its last non-whitespace character.
/// A forced candidate was already decided by the scan that found it.
#[derive(Clone, Copy, Debug)]
struct Cand {
    end: usize,
    forced: bool,
}

// ---------------------------------------------------------------------------------------------
// Word lists. Lowercase, sorted by bytes, deduplicated (a test checks): lookups binary-search.

/// Abbreviations that (practically) never end a sentence: titles before a name, and words that
/// introduce what follows ("e.g.", "vs.", "approx.").
const NEVER_FINAL: &[&str] = &[
    "adm", "approx", "atty", "capt", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g", "eg", "esp",
    "fr", "gen", "gov", "hon", "i.e", "ie", "incl", "insp", "lt", "maj", "messrs", "mlle", "mme",
    "mr", "mrs", "ms", "msgr", "mt", "mx", "pres", "prof", "rev", "sen", "sgt", "st", "supt",
    "viz", "vs", "w.r.t", "wrt",
];

/// Abbreviations that never end a sentence when a number follows ("No. 5", "p. 55").
const NUMBER_PREFIX: &[&str] = &[
    "apt", "art", "bldg", "ca", "ch", "chap", "est", "ex", "ext", "fig", "figs", "no", "nos", "nr",
    "num", "n°", "nº", "p", "para", "pg", "pp", "pt", "ref", "rm", "sec", "sect", "ste", "tel",
    "vol", "vols",
];

/// Other abbreviations: they end a sentence before a capitalised word ("Acme Inc. It was...")
/// and not before a lowercase one ("Acme Inc. in Ohio").
const ABBR: &[&str] = &[
    "abt", "acct", "addr", "al", "assn", "assoc", "asst", "attn", "ave", "avg", "blvd", "bros",
    "cert", "co", "corp", "cust", "dept", "dist", "div", "ea", "esq", "etc", "exec", "govt", "hq",
    "hr", "hrs", "hwy", "inc", "intl", "jr", "kg", "km", "lb", "lbs", "llc", "ln", "ltd", "max",
    "mfg", "mgmt", "mgr", "min", "mins", "misc", "mo", "mos", "msg", "natl", "oz", "pkg", "plc",
    "pty", "qty", "rd", "sq", "sr", "svc", "tbsp", "tsp", "univ", "wk", "wks", "yr", "yrs",
];

/// Words that commonly start a sentence. After an ambiguous period (an initial, "U.S.") a new
/// sentence starts only when one of these follows: "the U.S. How about you?" splits, "the
/// U.S. Government" does not.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "a", "after", "afterwards", "all", "also", "although", "an", "and", "another", "any", "are",
    "as", "at", "because", "before", "being", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "eventually", "every", "finally", "first", "for", "fortunately",
    "from", "he", "her", "here", "his", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "if",
    "in", "initially", "instead", "is", "it", "it's", "its", "just", "last", "later", "let",
    "luckily", "many", "meanwhile", "millions", "more", "most", "my", "next", "no", "not", "now",
    "on", "once", "one", "our", "overall", "please", "second", "she", "since", "so", "some",
    "soon", "still", "that", "the", "their", "then", "there", "these", "they", "third", "this",
    "those", "thus", "to", "today", "ultimately", "unfortunately", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "why", "will", "with", "within", "would", "yes",
    "yesterday", "you", "your",
];

/// Lowercase words that start a new sentence after a plain word and a period, for answers
/// typed without capitals ("it worked. then i called her", "his bill. and um i listened").
/// Prepositions stay out on purpose: "Yahoo! in the accounting department" is one sentence.
const LOWER_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "anyway",
    "as",
    "basically",
    "because",
    "before",
    "but",
    "customers",
    "eventually",
    "everyone",
    "finally",
    "he",
    "he'd",
    "her",
    "his",
    "honestly",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "im",
    "it",
    "it's",
    "ive",
    "later",
    "luckily",
    "my",
    "next",
    "no",
    "nobody",
    "now",
    "ok",
    "okay",
    "once",
    "one",
    "our",
    "overall",
    "plus",
    "she",
    "she'd",
    "since",
    "so",
    "that",
    "the",
    "their",
    "then",
    "there",
    "there's",
    "they",
    "they're",
    "this",
    "uh",
    "um",
    "unfortunately",
    "we",
    "we'd",
    "we're",
    "well",
    "what",
    "when",
    "which",
    "while",
    "yes",
    "you",
];

/// Words a sentence does not end on: a line ending with one continues on the next line even
/// when that line starts with a capital ("I talked to the\nManager on duty"). Verbs are left
/// out, and so are words that often end a phrase ("what I did", "I logged in", "I thanked her").
const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "because", "but", "by", "for", "from", "his", "if", "into",
    "its", "my", "nor", "of", "onto", "or", "our", "than", "the", "their", "to", "upon", "very",
    "which", "while", "whose", "with", "your",
];

/// Words that continue a time after "a.m."/"p.m.": "at 9 a.m. EST", "6 p.m. Friday".
#[rustfmt::skip]
const TIME_FOLLOWERS: &[&str] = &[
    "apr", "april", "aug", "august", "cdt", "cet", "cst", "ct", "dec", "december", "edt", "est",
    "et", "feb", "february", "fri", "friday", "gmt", "ist", "jan", "january", "jul", "july",
    "jun", "june", "mar", "march", "may", "mdt", "mon", "monday", "mst", "mt", "nov", "november",
    "oct", "october", "pdt", "pst", "pt", "sat", "saturday", "sep", "sept", "september", "sun",
    "sunday", "thu", "thurs", "thursday", "tue", "tues", "tuesday", "utc", "wed", "wednesday",
];

/// Prepositions that open a time phrase: "At 5 a.m. Mr. Smith left" is one sentence, because
/// "At 5 a.m." cannot be one.
#[rustfmt::skip]
const TIME_PREPS: &[&str] = &[
    "about", "after", "approximately", "around", "at", "before", "between", "by", "from", "since",
    "starting", "till", "until",
];

/// Domain endings: "Acme.Com" is a web address, not "Acme." + "Com".
const TLDS: &[&str] = &[
    "ai", "app", "au", "biz", "ca", "cn", "co", "com", "de", "dev", "edu", "eu", "fr", "gov",
    "info", "io", "jp", "me", "mil", "net", "nl", "org", "ru", "uk", "us",
];

/// Bullets that mark a list item even in the middle of a line.
const INLINE_BULLETS: &[char] = &['•', '‣', '⁃', '◦', '▪'];

/// Bullets that mark a list item at the start of a line.
const LINE_BULLETS: &[char] = &[
    '•', '‣', '⁃', '◦', '▪', '●', '○', '■', '□', '►', '▸', '➢', '➤', '✓', '✔', '☐', '☑', '→',
];

/// Longest stretch any look-around walks, in bytes: keeps the whole pass linear.
const LOOK: usize = 64;

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
fn uax_candidates(text: &str, cands: &mut Vec<Cand>) {
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
fn is_reset_point(b: &[u8], q: usize) -> bool {
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
fn scan(text: &str, cands: &mut Vec<Cand>) {
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
const SPECIAL: u8 = 1;
const SPACE: u8 = 2;
const BYTE_CLASS: [u8; 256] = {
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
fn list_marker(text: &str, i: usize, cands: &mut Vec<Cand>, markers: &mut Vec<(usize, Marker)>) {
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

fn line_break(text: &str, after: usize, cands: &mut Vec<Cand>) {
    cands.push(Cand {
        end: trim_back(text, after),
        forced: false,
    });
}

/// The terminal at `i..after`: a forced boundary when the space after it is missing
/// ("done.Then"), or a candidate after it (with its closing quotes or emoji) when whitespace
/// follows: UAX #29 sees none before a lowercase word, none after "…", and none after emoji.
fn terminal(text: &str, i: usize, after: usize, cands: &mut Vec<Cand>) {
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
fn chains(text: &str, markers: &[(usize, Marker)], cands: &mut Vec<Cand>) {
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
fn chain_may_start(text: &str, at: usize) -> bool {
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
fn missing_space(text: &str, i: usize, after: usize) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Decisions.

/// Whether the sentence that started at `start` ends at `end` (the next one would start at
/// `next`); `Some(cut)` is where it ends, which is `end` except for "word. . . . Next".
fn decide(text: &str, start: usize, end: usize, next: usize) -> Option<usize> {
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
            let fresh = matches!(right.class, Class::Upper | Class::Uncased) || right.emoji;
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
fn decide_terminal(
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

fn decide_period(
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
        return keep_unless_lower;
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
/// then i called her". Not after closing quotes ("'Great.' she said").
fn sloppy_lower(left: &Left<'_>, right: &Right<'_>) -> bool {
    !left.closers
        && left.tok.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && left
            .tok
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !in_list(NEVER_FINAL, left.tok)
        && !in_list(ABBR, left.tok)
        && !in_list(NUMBER_PREFIX, left.tok)
        && in_list(LOWER_STARTERS, right.word)
}

/// "At 5 a.m." opening a sentence: up to three words before the time, the first a preposition.
fn fronted_time(before: &str) -> bool {
    let mut words = before.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    words.take(3).count() <= 2 && in_list(TIME_PREPS, first.trim_start_matches(is_opener))
}

// ---------------------------------------------------------------------------------------------
// The two sides of a candidate.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
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
struct Left<'a> {
    term: Term,
    /// Closing quotes or brackets after the terminal: `"no."`, `(see above.)`.
    closers: bool,
    /// The token before the terminal, without leading quotes or brackets: "Mr", "U.S", "4.5".
    tok: &'a str,
    tok_start: usize,
}

fn parse_left(text: &str, start: usize, end: usize) -> Left<'_> {
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
enum Class {
    Lower,
    Upper,
    Digit,
    /// A letter of a script without case (CJK, Arabic, Devanagari...).
    Uncased,
    Symbol,
}

#[derive(Debug)]
struct Right<'a> {
    class: Class,
    /// Starts with a pictograph or other non-ASCII symbol ("✅ Listened", "🙂"), which opens a
    /// line like a bullet does; "$", "%" and dashes do not.
    emoji: bool,
    /// The first word, without leading quotes or brackets: "Then", "It's", "55".
    word: &'a str,
}

fn parse_right(text: &str, next: usize) -> Right<'_> {
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
    }
}

// ---------------------------------------------------------------------------------------------
// Lines, list markers and labels.

fn count_line_breaks(gap: &str) -> usize {
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

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The line holding the end of the sentence so far, from its start (or the sentence's).
fn left_line(text: &str, start: usize, end: usize) -> &str {
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
fn right_line(text: &str, next: usize) -> &str {
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
fn is_label(line: &str) -> bool {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkKind {
    /// "•", "⁃", "●"... possibly with a number: "• 9.", "⁃10.".
    Bullet,
    /// "- ", "* ", "+ ", "– " (only at the start of a line; an em dash is punctuation).
    Dash,
    Num,
    Lower,
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkStyle {
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
struct Marker {
    /// Byte length of the marker (without the space after it).
    end: usize,
    kind: MarkKind,
    style: MarkStyle,
    value: u32,
}

/// A list marker at the start of `s`, followed by whitespace or the end of `s` (a bullet may
/// also touch its text: "⁃9.", "•Item").
fn parse_marker(s: &str) -> Option<Marker> {
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
fn parse_enumerator(s: &str) -> Option<Marker> {
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

fn ends_marker(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(char::is_whitespace)
}

/// After a marker found mid-text: the item's text on the same line. For letters, not another
/// single letter ("A. B. Smith" is a name).
fn followed_by_item(text: &str, at: usize, kind: MarkKind) -> bool {
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
fn starts_list_item(text: &str, next: usize) -> bool {
    parse_marker(&text[next..]).is_some_and(|m| followed_by_item(text, next + m.end, m.kind))
}

/// The whole sentence so far is a list marker ("1.", "a.", "• 9.", "1.)"): the item's text
/// comes next.
fn marker_only(s: &str) -> bool {
    s.len() <= 16 && parse_marker(s).is_some_and(|m| m.end == s.len())
}

// ---------------------------------------------------------------------------------------------
// Tokens.

/// Numbers and amounts: "4.5", "$100.00", "1026.253.553", "24/7", "9:30", "20%".
fn is_number(tok: &str) -> bool {
    let t = tok
        .trim_start_matches(['$', '€', '£', '¥', '₹', '#', '~', '+', '-'])
        .trim_end_matches('%');
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

/// Dotted initials: "U.S", "U.S.A", "E.U", "a.m", "Ph.D".
fn is_initialism(tok: &str) -> bool {
    tok.contains('.')
        && tok
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// What may follow a terminal inside its sentence: closing quotes and brackets, and emoji
/// ("Thanks!🙂 I loved it.").
fn is_trailer(c: char) -> bool {
    is_closer(c) || is_emoji(c)
}

/// Emoji and their joiners, modifiers and tags (the pictographic blocks; no table needed for
/// the few places that ask).
fn is_emoji(c: char) -> bool {
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

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_' | '`'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '*' | '_' | '`' | '¿' | '¡'
    )
}

/// Terminal punctuation of other scripts (UAX #29 STerm beyond ASCII).
fn is_other_terminal(c: char) -> bool {
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
fn word_start(s: &str, i: usize) -> usize {
    let from = floor_char_boundary(s, i.saturating_sub(LOOK));
    s[from..i].rfind(char::is_whitespace).map_or(from, |at| {
        from + at + s[from + at..].chars().next().map_or(1, char::len_utf8)
    })
}

/// End of the whitespace-delimited word starting at `i` (at most `LOOK` bytes on).
fn word_end(s: &str, i: usize) -> usize {
    let to = floor_char_boundary(s, (i + LOOK).min(s.len()));
    s[i..to].find(char::is_whitespace).map_or(to, |at| i + at)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn skip_ws(s: &str, i: usize) -> usize {
    s.len() - s[i..].trim_start().len()
}

fn trim_back(s: &str, i: usize) -> usize {
    s[..i].trim_end().len()
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `word` (any case, curly or straight apostrophe) is in `list`, without allocating.
fn in_list(list: &[&str], word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[track_caller]
    fn one(text: &str) {
        assert_eq!(split(text), [text.trim()], "must stay one sentence");
    }

    // --- must not split -----------------------------------------------------------------------

    #[test]
    fn empty_and_whitespace_only_input_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \t\r\n\n\u{a0}\u{2029} ").is_empty());
    }

    #[test]
    fn does_not_split_after_mr() {
        one("I transferred Mr. Lee to billing.");
        one("Mrs. Ortiz and Dr. Patel called Ms. Kim and Prof. Adams.");
        one("I called Mr.\nSmith back within the hour.");
    }

    #[test]
    fn does_not_split_after_e_g_i_e_vs_or_approx() {
        one("I used tools, e.g. Zendesk and Salesforce, to track it.");
        one("The root cause, i.e. The billing bug, was fixed.");
        one("It was Team A vs. Team B on call volume.");
        one("I handled approx. 60 calls a day.");
    }

    #[test]
    fn does_not_split_a_m_and_p_m_in_the_middle_of_a_sentence() {
        one("I start at 9 a.m. and finish at 5 p.m. on weekdays.");
        one("The call came in at 9 a.m. EST on a Monday.");
        one("At 5 a.m. Mr. Smith was already waiting.");
    }

    #[test]
    fn does_not_split_abbreviations_before_lowercase_words() {
        one("I worked at Acme Inc. for two years.");
        one("We sold phones, tablets, etc. to small businesses.");
        one("She is on 5th st. near the bank.");
        one("I moved to the U.S. in 2019.");
    }

    #[test]
    fn does_not_split_u_s_before_a_noun() {
        one("I worked for the U.S. Postal Service for two years.");
        one("Our U.K. Office took the overflow calls.");
    }

    #[test]
    fn does_not_split_numbered_references() {
        one("We were ranked No. 5 in the region.");
        one("The policy is on p. 12 of the handbook.");
        one("See fig. 3 and vol. 2 for the numbers.");
    }

    #[test]
    fn does_not_split_single_initials() {
        one("I reported to J. Smith and later to Mary K. Jones.");
        one("J. R. Lopez trained me on the new system.");
        one("A. B. Smith called me twice.");
    }

    #[test]
    fn does_not_split_decimals_prices_and_versions() {
        one("Our CSAT rose from 4.5 to 4.8 and we saved $2.50 per call after v1.2 shipped.");
        one("Handle time dropped 12.5% in Q3.");
    }

    #[test]
    fn does_not_split_emails_and_web_addresses() {
        one("I emailed support@acme.com and Jane.Doe@Acme.com about it.");
        one(
            "Customers could also visit www.Acme.com or https://acme.com/help?Topic=Refunds today.",
        );
        one("Our site Acme.Com was down.");
    }

    #[test]
    fn does_not_split_missing_spaces_inside_abbreviations() {
        one("I called Mr.Smith right away.");
        one("Use a tool e.g.Zendesk for that.");
        one("My manager (Dr. Chen, Ph.D.) agreed.");
    }

    #[test]
    fn does_not_split_quotes_and_parentheses_followed_by_lowercase() {
        one("She said \"Thank you.\" and hung up.");
        one("He asked \u{201c}Why?\u{201d} and I explained.");
        one("I stayed late (my shift ended at six.) to finish it.");
    }

    #[test]
    fn does_not_split_exclamations_inside_names() {
        one("She works at Yahoo! in the accounting department.");
    }

    #[test]
    fn does_not_split_ellipses_followed_by_lowercase() {
        one("I waited... and waited... and finally got through.");
        one("I waited\u{2026} and then called again.");
        one("It was . . . a long day.");
        one("I quoted the policy [...] to the customer.");
    }

    #[test]
    fn does_not_split_hard_wrapped_lines() {
        one("I stayed on the line with the customer\nuntil the refund went through.");
        one("I stayed on the line with the customer\r\nuntil the refund went through.");
        one("I escalated it to the\nManager on duty, who approved it.");
        one("We cut wait times,\nReduced callbacks and kept CSAT high.");
        one("I handled\n50 calls a day.");
        one("I saved the company\n$5,000 a year.");
        one("I saved the company\n€5,000 a year.");
        one("We split the work between the day and night teams -\n— and it worked.");
    }

    #[test]
    fn does_not_split_a_label_from_its_sentence() {
        one("Situation: I was a cashier at a grocery store.");
        one("**Task:** I had to calm the customer down.");
    }

    #[test]
    fn does_not_split_an_enumeration_in_the_middle_of_a_sentence() {
        one("We had 1) a plan and 2) a backup.");
        one("Press option 1) then option 2) for billing.");
    }

    #[test]
    fn does_not_split_a_5000_word_sentence_without_punctuation() {
        let text = "and then the customer said ".repeat(1000);
        assert_eq!(split(&text), [text.trim()]);
    }

    // --- must split ---------------------------------------------------------------------------

    #[test]
    fn splits_after_periods_question_marks_and_exclamation_marks() {
        assert_eq!(
            split("I listened. Then I apologized! Was it enough? It was."),
            [
                "I listened.",
                "Then I apologized!",
                "Was it enough?",
                "It was."
            ]
        );
        assert_eq!(split("Wow!! Really?! Yes."), ["Wow!!", "Really?!", "Yes."]);
    }

    #[test]
    fn splits_after_an_abbreviation_that_ends_a_sentence() {
        assert_eq!(
            split("I handled calls, emails, etc. Then I trained new hires."),
            ["I handled calls, emails, etc.", "Then I trained new hires."]
        );
        assert_eq!(
            split("I worked at Acme Inc. It was my first job."),
            ["I worked at Acme Inc.", "It was my first job."]
        );
        assert_eq!(
            split("I moved to the U.S. How could I not?"),
            ["I moved to the U.S.", "How could I not?"]
        );
    }

    #[test]
    fn splits_after_a_m_and_p_m_at_the_end_of_a_sentence() {
        assert_eq!(
            split("He called back at 6 P.M. Mr. Smith was calmer then."),
            ["He called back at 6 P.M.", "Mr. Smith was calmer then."]
        );
        assert_eq!(
            split("My shift ended at 5 p.m. The queue was still full."),
            ["My shift ended at 5 p.m.", "The queue was still full."]
        );
    }

    #[test]
    fn splits_after_the_pronoun_i_but_not_after_an_initial() {
        assert_eq!(
            split("The last ones there were Sam and I. Did we mind? No."),
            ["The last ones there were Sam and I.", "Did we mind?", "No."]
        );
        assert_eq!(
            split("It was plan B. The customer agreed."),
            ["It was plan B.", "The customer agreed."]
        );
    }

    #[test]
    fn splits_after_a_number_that_ends_a_sentence() {
        assert_eq!(
            split("We saved $100.00. It paid for the training."),
            ["We saved $100.00.", "It paid for the training."]
        );
        assert_eq!(
            split("Our team size was 12. Everyone took calls."),
            ["Our team size was 12.", "Everyone took calls."]
        );
    }

    #[test]
    fn splits_after_closing_quotes_and_parentheses() {
        assert_eq!(
            split("He said \"no.\" Then he hung up."),
            ["He said \"no.\"", "Then he hung up."]
        );
        assert_eq!(
            split("She wrote \u{201c}Thanks!\u{201d} Her review was five stars."),
            [
                "She wrote \u{201c}Thanks!\u{201d}",
                "Her review was five stars."
            ]
        );
        assert_eq!(
            split("(I was new then.) My lead helped me."),
            ["(I was new then.)", "My lead helped me."]
        );
    }

    #[test]
    fn splits_after_ellipses_before_a_capital() {
        assert_eq!(
            split("I thought about it... Then I called back."),
            ["I thought about it...", "Then I called back."]
        );
        assert_eq!(
            split("I waited\u{2026} Nobody answered."),
            ["I waited\u{2026}", "Nobody answered."]
        );
    }

    #[test]
    fn splits_when_the_space_after_a_period_is_missing() {
        assert_eq!(
            split("I fixed it.Then I called her back.It worked!Now she is a regular."),
            [
                "I fixed it.",
                "Then I called her back.",
                "It worked!",
                "Now she is a regular."
            ]
        );
        assert_eq!(split("I was done.I left."), ["I was done.", "I left."]);
        assert_eq!(
            split("The total was $1,234.56.The customer paid."),
            ["The total was $1,234.56.", "The customer paid."]
        );
    }

    #[test]
    fn splits_lowercase_answers_at_periods_before_sentence_starters() {
        assert_eq!(
            split("i helped the customer. then i followed up. she was happy."),
            [
                "i helped the customer.",
                "then i followed up.",
                "she was happy."
            ]
        );
    }

    #[test]
    fn splits_list_items_on_their_own_lines() {
        let text = "Areas to Cover:\n- the first thing\n* the second thing\n+ a third\n\
                    \u{2022} a fourth\n1. a fifth\n2) a sixth\na) a seventh";
        assert_eq!(
            split(text),
            [
                "Areas to Cover:",
                "- the first thing",
                "* the second thing",
                "+ a third",
                "\u{2022} a fourth",
                "1. a fifth",
                "2) a sixth",
                "a) a seventh",
            ]
        );
    }

    #[test]
    fn splits_inline_numbered_and_bulleted_lists() {
        assert_eq!(
            split("I did three things: 1) listened 2) apologized 3) fixed it."),
            [
                "I did three things:",
                "1) listened",
                "2) apologized",
                "3) fixed it."
            ]
        );
        assert_eq!(
            split("1. The first item 2. The second item"),
            ["1. The first item", "2. The second item"]
        );
        assert_eq!(
            split("\u{2022} greet the caller \u{2022} verify the account"),
            ["\u{2022} greet the caller", "\u{2022} verify the account"]
        );
    }

    #[test]
    fn splits_on_blank_lines_even_without_punctuation() {
        assert_eq!(
            split("first I listened\n\nthen I acted"),
            ["first I listened", "then I acted"]
        );
        assert_eq!(
            split("first I listened\r\n\r\nthen I acted"),
            ["first I listened", "then I acted"]
        );
        assert_eq!(
            split("first I listened\n   \nthen I acted"),
            ["first I listened", "then I acted"]
        );
    }

    #[test]
    fn splits_at_a_line_break_when_the_next_line_starts_a_sentence() {
        assert_eq!(
            split("Answer 1: Providing a Refund\nI once had an unhappy customer."),
            [
                "Answer 1: Providing a Refund",
                "I once had an unhappy customer."
            ]
        );
        assert_eq!(
            split("I apologized.\r\nThen I offered a refund.\r\n"),
            ["I apologized.", "Then I offered a refund."]
        );
        assert_eq!(
            split("I fixed it.\nthen I called back."),
            ["I fixed it.", "then I called back."]
        );
    }

    #[test]
    fn splits_lines_that_start_with_an_emoji() {
        assert_eq!(
            split("What I did\n✅ listened first\n✅ apologized\n🙂"),
            ["What I did", "✅ listened first", "✅ apologized", "🙂"]
        );
    }

    #[test]
    fn splits_a_label_alone_on_its_line() {
        let text = "Situation:\ni was a cashier.\n(Result)\nthe line moved faster.\n\
                    **Task**\nI had to help.\n## Action\nI helped.";
        assert_eq!(
            split(text),
            [
                "Situation:",
                "i was a cashier.",
                "(Result)",
                "the line moved faster.",
                "**Task**",
                "I had to help.",
                "## Action",
                "I helped.",
            ]
        );
    }

    #[test]
    fn splits_non_latin_scripts() {
        assert_eq!(
            split("私はレジ係でした。お客様が怒っていました。"),
            ["私はレジ係でした。", "お客様が怒っていました。"]
        );
        assert_eq!(
            split("मैं कैशियर था। ग्राहक नाराज़ था।"),
            ["मैं कैशियर था।", "ग्राहक नाराज़ था।"]
        );
        assert_eq!(
            split("Я работал кассиром. Потом меня повысили."),
            ["Я работал кассиром.", "Потом меня повысили."]
        );
    }

    #[test]
    fn splits_around_emoji() {
        assert_eq!(
            split("I fixed it \u{1f389}. Then the customer smiled \u{1f60a}! Great day."),
            [
                "I fixed it \u{1f389}.",
                "Then the customer smiled \u{1f60a}!",
                "Great day."
            ]
        );
        assert_eq!(
            split("Thanks!\u{1f60a}\u{1f60a} I loved it."),
            ["Thanks!\u{1f60a}\u{1f60a}", "I loved it."]
        );
        assert_eq!(
            split("Done. \u{1f44d} The customer left happy."),
            ["Done.", "\u{1f44d} The customer left happy."]
        );
    }

    #[test]
    fn splits_a_typical_star_answer() {
        let text = "Situation: At my last job at Acme Inc., a customer called at 8 a.m. \
                    about a double charge of $49.99.\r\n\
                    Task: I needed to fix it on the first call.\r\n\
                    Action: I apologized, checked the account (no. 4471), and refunded it.\
                    Then I emailed a receipt to j.doe@example.com.\r\n\r\n\
                    Result: She thanked me... and CSAT went up 5%.";
        assert_eq!(
            split(text),
            [
                "Situation: At my last job at Acme Inc., a customer called at 8 a.m. about a \
                 double charge of $49.99.",
                "Task: I needed to fix it on the first call.",
                "Action: I apologized, checked the account (no. 4471), and refunded it.",
                "Then I emailed a receipt to j.doe@example.com.",
                "Result: She thanked me... and CSAT went up 5%.",
            ]
        );
    }

    // --- invariants and data ------------------------------------------------------------------

    #[test]
    fn ranges_are_trimmed_ordered_and_cover_every_non_whitespace_char() {
        let text = " \u{feff}Hi!! \u{2026}ok.\r\n\r\n- \u{1f600}.\u{a0}A. b? \"C.\" (d.) \
                    . . . . E\u{2028}f\u{2029}\u{3002}\u{3002}1) 2) x\n\n";
        let ranges = sentences(text);
        let mut covered = vec![false; text.len()];
        let mut last = 0;
        for r in &ranges {
            assert!(r.start >= last && r.start < r.end, "{ranges:?}");
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "{ranges:?}");
            covered[r.clone()].fill(true);
            last = r.end;
        }
        for (i, c) in text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "{c:?} at {i} not covered");
        }
    }

    /// The windows of `uax_candidates` plus the line breaks of `scan` find exactly the
    /// boundaries of UAX #29 run over the whole text (those with text after them).
    fn windows_match_whole_text(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        use std::collections::BTreeSet;
        let before_text = |&e: &usize| skip_ws(text, e) < text.len();
        let whole: BTreeSet<usize> = text
            .split_sentence_bound_indices()
            .skip(1)
            .map(|(i, _)| trim_back(text, i))
            .filter(before_text)
            .collect();
        let mut cands = Vec::new();
        uax_candidates(text, &mut cands);
        for (i, c) in text.char_indices() {
            if c == '\n' || (c == '\r' && !text[i + 1..].starts_with('\n')) {
                line_break(text, i + 1, &mut cands);
            }
        }
        let windowed: BTreeSet<usize> = cands.iter().map(|c| c.end).filter(before_text).collect();
        proptest::prop_assert_eq!(whole, windowed, "{:?}", text);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn uax_windows_find_the_same_boundaries_as_the_whole_text(
            text in "([a-zA-Z0-9]{1,6}|[ .!?\"')(:,\t\r\n]|\u{a0}|\u{2028}|\u{2029}|\u{85}|\u{301}|\u{200d}|[\u{3002}\u{ff01}\u{964}\u{2026}\u{201d}\u{2019}]|[\u{e9}\u{3b1}\u{416}\u{4e00}]|\\PC){0,60}"
        ) {
            windows_match_whole_text(&text)?;
        }

        #[test]
        fn uax_windows_match_on_arbitrary_text(text in proptest::prelude::any::<String>()) {
            windows_match_whole_text(&text)?;
        }
    }

    #[test]
    fn word_lists_are_sorted_lowercase_and_deduplicated() {
        for (name, list) in [
            ("NEVER_FINAL", NEVER_FINAL),
            ("NUMBER_PREFIX", NUMBER_PREFIX),
            ("ABBR", ABBR),
            ("STARTERS", STARTERS),
            ("LOWER_STARTERS", LOWER_STARTERS),
            ("CONTINUATION_WORDS", CONTINUATION_WORDS),
            ("TIME_FOLLOWERS", TIME_FOLLOWERS),
            ("TIME_PREPS", TIME_PREPS),
            ("TLDS", TLDS),
        ] {
            for w in list.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{name}: {:?} must come before {:?}",
                    w[1],
                    w[0]
                );
            }
            for w in list.iter() {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
                assert!(
                    w.len() <= 24,
                    "{name}: {w:?} is longer than the lookup buffer"
                );
            }
        }
    }
}
