//! Properties of `analyze::segment::sentences` on arbitrary text: it never panics, and its
//! ranges are in bounds, on char boundaries, ordered, non-overlapping, trimmed, and together
//! cover every non-whitespace character.

use proptest::prelude::*;
use starcoach::analyze::segment::sentences;

fn check(text: &str) -> Result<(), TestCaseError> {
    let ranges = sentences(text);
    let mut last = 0;
    for r in &ranges {
        prop_assert!(
            r.start < r.end,
            "empty or reversed range {r:?} in {ranges:?}"
        );
        prop_assert!(r.end <= text.len(), "{r:?} out of bounds");
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prop_assert!(
            r.start >= last,
            "{r:?} overlaps or is out of order in {ranges:?}"
        );
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "untrimmed range {:?}", r);
        last = r.end;
    }
    // Ranges are ordered: walk them alongside the characters.
    let mut it = ranges.iter().peekable();
    for (i, c) in text.char_indices() {
        while it.peek().is_some_and(|r| r.end <= i) {
            it.next();
        }
        let inside = it.peek().is_some_and(|r| r.start <= i);
        prop_assert!(
            inside || c.is_whitespace(),
            "{c:?} at byte {i} is in no range: {ranges:?}"
        );
    }
    Ok(())
}

/// Pieces that exercise the segmenter's rules: abbreviations, initials, numbers, ellipses,
/// quotes, list markers, labels, line breaks, other scripts, emoji.
const PIECES: &[&str] = &[
    "Mr.",
    "Dr.",
    "e.g.",
    "i.e.",
    "etc.",
    "vs.",
    "a.m.",
    "P.M.",
    "U.S.",
    "Inc.",
    "approx.",
    "No.",
    "p.",
    "J.",
    "I.",
    "I",
    "the",
    "Then",
    "then",
    "it",
    "done.Then",
    "4.5",
    "$2.50",
    "v1.2",
    "5.",
    "1.",
    "1)",
    "2.)",
    "(3)",
    "a.",
    "b)",
    "...",
    "…",
    ". . .",
    ". . . .",
    "[...]",
    "!",
    "?",
    "?!",
    "\"",
    "'",
    "“",
    "”",
    "(",
    ")",
    "**",
    "#",
    "Situation:",
    "(Result)",
    "**Task**",
    "- ",
    "* ",
    "• ",
    "⁃",
    "\n",
    "\r\n",
    "\n\n",
    "\r",
    "\t",
    " ",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "。",
    "！",
    "।",
    "私は",
    "Я",
    "😀",
    "👍🏽",
    "support@acme.com",
    "www.acme.com",
    "https://a.io/x?Y=1",
    "Yahoo!",
    ".",
    ":",
    ",",
    "\u{301}",
    "\u{200d}",
    "é",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| {
        v.iter()
            .enumerate()
            .map(|(i, p)| {
                if i % 3 == 2 {
                    format!("{p} ")
                } else {
                    (*p).to_owned()
                }
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn arbitrary_unicode_text(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn punctuation_heavy_text(text in "[a-zA-Z0-9 .!?…\"'“”()\\[\\]:;,•⁃*#@/$%\n\r\t\u{a0}\u{2028}。]{0,120}") {
        check(&text)?;
    }

    #[test]
    fn text_built_from_rule_pieces(text in pieces()) {
        check(&text)?;
    }
}

#[test]
fn long_and_once_failing_inputs_keep_the_properties() {
    for text in [
        // Found by proptest: multi-byte line separators and "…" opening a spaced ellipsis.
        "Mr.\u{2028}Mr. \nMr.".to_owned(),
        "私は…. . . . 4.5".to_owned(),
        "and then the customer said ".repeat(1000),
        "x!".repeat(5000),
        ". ".repeat(5000),
        "1. ".repeat(3000),
        "a.".repeat(5000),
        "\n".repeat(5000),
    ] {
        check(&text).unwrap();
    }
}
