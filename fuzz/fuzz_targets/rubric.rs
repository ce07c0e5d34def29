//! Arbitrary text as a rubric file: `parse_rubric` returns a rubric or located diagnostics,
//! never panics; a rubric it accepts analyzes an answer, runs its own examples and renders
//! feedback without panicking, with every span inside the answer.
#![no_main]

use std::sync::atomic::{AtomicUsize, Ordering};

use libfuzzer_sys::fuzz_target;
use starcoach::analyze::{Analyzer, check_examples};
use starcoach::rubric::{Pattern, RubricSet, parse_rubric};
use starcoach_fuzz::{SAMPLE_ANSWER, analyze_and_check, check_diagnostics, pick};

fuzz_target!(|data: &[u8]| {
    // Rubric files are read as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The process-wide pattern cache keeps every regex compiled; fuzzed rubrics would grow it
    // without end, so forget it now and then (the shipped ones are compiled again when needed).
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    if RUNS.fetch_add(1, Ordering::Relaxed) % 2000 == 1999 {
        Pattern::clear_cache();
    }
    match parse_rubric("fuzz.toml", text) {
        Ok(rubric) => {
            let _ = check_examples(&rubric);
            let kinds = rubric.kinds.clone();
            let set = RubricSet::from_rubrics(vec![rubric]);
            let analyzer = Analyzer::new(&set);
            let width = 40 + pick(data) % 81;
            for kind in kinds.into_iter().take(2) {
                analyze_and_check(&analyzer, SAMPLE_ANSWER, kind, None, false, width);
            }
        }
        Err(d) => check_diagnostics(&d, "fuzz.toml", text),
    }
});
