//! Properties of the quantity finder on arbitrary text: it never panics, and what it returns is
//! well formed (spans in bounds, on char boundaries, ordered, not overlapping; values finite).

use proptest::prelude::*;
use starcoach::analyze::quantity::{Quantity, QuantityFinder};

/// Pieces that reach the finder's grammar: number words, units, currency, hedges, change
/// words, identifiers and punctuation that numbers glue to.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "10",
    "12",
    "24",
    "40",
    "100",
    "401",
    "555",
    "2019",
    "1,200",
    "4.5",
    ".77",
    "1/2",
    "9/10",
    "24/7",
    "-",
    "–",
    "+",
    "%",
    "$",
    "€",
    "£",
    "¢",
    "฿",
    "(",
    ")",
    "/",
    ":",
    ".",
    ",",
    "'",
    "\"",
    "#",
    "~",
    "k",
    "M",
    "G",
    "x",
    "h",
    "m",
    "s",
    "c",
    "p",
    "a",
    "an",
    "one",
    "two",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "lakh",
    "half",
    "quarter",
    "quarters",
    "third",
    "couple",
    "of",
    "few",
    "single",
    "point",
    "and",
    "minus",
    "percent",
    "per",
    "cent",
    "p.c.",
    "dollars",
    "bucks",
    "US",
    "USD",
    "EUR",
    "Rs",
    "cents",
    "grand",
    "dime",
    "hour",
    "hours",
    "minutes",
    "min",
    "days",
    "years",
    "second",
    "calls",
    "customers",
    "times",
    "stars",
    "out",
    "from",
    "to",
    "by",
    "between",
    "up",
    "down",
    "went",
    "reduced",
    "increased",
    "doubled",
    "about",
    "over",
    "under",
    "at",
    "least",
    "more",
    "than",
    "within",
    "for",
    "CSAT",
    "NPS",
    "score",
    "rated",
    "Windows",
    "iPhone",
    "COVID",
    "Route",
    "March",
    "pm",
    "a.m.",
    "o'clock",
    "-year-old",
    "increase",
    "faster",
    "no",
    "é",
    "中",
    "😀",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", " ", "  "][..]),
        ),
        0..24,
    )
    .prop_map(|v| v.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn check(text: &str, qs: &[Quantity]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in qs {
        prop_assert!(q.span.start < q.span.end, "empty span {q:?} in {text:?}");
        prop_assert!(
            q.span.end <= text.len(),
            "span out of bounds {q:?} in {text:?}"
        );
        prop_assert!(
            text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
            "span off a char boundary {q:?} in {text:?}"
        );
        prop_assert!(
            q.span.start >= last_end,
            "overlap or disorder {qs:?} in {text:?}"
        );
        last_end = q.span.end;
        prop_assert!(q.value.is_finite(), "{q:?} in {text:?}");
        prop_assert!(q.to.is_none_or(f64::is_finite), "{q:?} in {text:?}");
        prop_assert!(q.seconds.is_none_or(f64::is_finite), "{q:?} in {text:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_give_well_formed_quantities(text in any::<String>()) {
        let f = QuantityFinder::new(&["CSAT", "first call resolution"]);
        let qs = f.find(&text);
        check(&text, &qs)?;
    }

    #[test]
    fn digit_and_symbol_soup_gives_well_formed_quantities(
        text in "[0-9a-zA-Z$€£¥₹¢%.,:;/()+\\-–'\"#~ éü中😀\n]{0,80}"
    ) {
        let f = QuantityFinder::new(&["CSAT"]);
        let qs = f.find(&text);
        check(&text, &qs)?;
    }

    #[test]
    fn grammar_pieces_give_well_formed_quantities(text in pieces()) {
        let f = QuantityFinder::new(&["CSAT", "NPS"]);
        let qs = f.find(&text);
        check(&text, &qs)?;
    }

    #[test]
    fn huge_numbers_stay_finite(digits in "[1-9][0-9]{300,420}", scale in prop::sample::select(&["", " million", " billion", "%", " dollars", " hours"][..])) {
        let text = format!("{digits}{scale} and {digits}.{digits} trillion");
        let f = QuantityFinder::new(&[]);
        let qs = f.find(&text);
        check(&text, &qs)?;
    }
}
