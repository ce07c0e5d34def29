//! The bank, rubric and drill loaders on arbitrary and mutated files: they never panic, and
//! every problem they report points inside the file (a line and column that exist).

use proptest::prelude::*;
use starcoach::bank::parse_bank;
use starcoach::diag::Diagnostics;
use starcoach::drill::parse_drill;
use starcoach::embedded;
use starcoach::rubric::parse_rubric;

/// Every diagnostic names the file and, when it has a position, one that exists in `text`.
fn located(text: &str, d: &Diagnostics) {
    let lines: Vec<&str> = text.split('\n').collect();
    for x in &d.0 {
        assert_eq!(x.file, "f.toml");
        assert!(!x.message.is_empty());
        if x.line > 0 {
            assert!(
                x.line <= lines.len().max(1),
                "line {} of {}",
                x.line,
                lines.len()
            );
            let len = lines.get(x.line - 1).map_or(0, |l| l.chars().count());
            assert!(
                x.column >= 1 && x.column <= len + 1,
                "column {} of {len}",
                x.column
            );
        }
        let _ = x.to_string();
    }
}

fn shipped(files: &[(&str, &'static str)], name: &str) -> &'static str {
    files
        .iter()
        .find(|(p, _)| p.ends_with(name))
        .unwrap_or_else(|| panic!("{name} ships"))
        .1
}

/// A shipped file with a slice replaced by arbitrary text: close to valid, so the loaders get
/// past the TOML parser into their own checks.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    (0..base.len(), 0..40usize, "\\PC{0,12}").prop_map(move |(at, len, insert)| {
        let mut at = at;
        while !base.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(base.len());
        while !base.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}{}{}", &base[..at], insert, &base[end..])
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_any_loader(text in "\\PC{0,400}") {
        if let Err(d) = parse_bank("f.toml", &text) { located(&text, &d); }
        if let Err(d) = parse_rubric("f.toml", &text) { located(&text, &d); }
        if let Err(d) = parse_drill("f.toml", &text, None) { located(&text, &d); }
    }

    #[test]
    fn a_mutated_bank_is_loaded_or_located(text in mutated(shipped(embedded::BANKS, "top-36-call-center.toml"))) {
        if let Err(d) = parse_bank("f.toml", &text) { located(&text, &d); }
    }

    #[test]
    fn a_mutated_rubric_is_loaded_or_located(text in mutated(shipped(embedded::RUBRICS, "behavioral.toml"))) {
        if let Err(d) = parse_rubric("f.toml", &text) { located(&text, &d); }
    }

    #[test]
    fn a_mutated_drill_is_loaded_or_located(text in mutated(shipped(embedded::DRILLS, "de-escalation.toml"))) {
        if let Err(d) = parse_drill("f.toml", &text, None) { located(&text, &d); }
    }
}
