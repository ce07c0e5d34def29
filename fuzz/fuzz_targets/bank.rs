//! Arbitrary text as a question bank: `parse_bank` returns a bank or located diagnostics, never
//! panics; loading it beside the shipped banks does the same; a few of its questions are used
//! to coach an answer (their areas to cover and follow-ups reach the feedback).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use starcoach::analyze::Analyzer;
use starcoach::bank::{BankSource, Catalog, parse_bank};
use starcoach::rubric::RubricSet;
use starcoach_fuzz::{SAMPLE_ANSWER, analyze_and_check, check_diagnostics};

fn analyzer() -> &'static Analyzer<'static> {
    static ANALYZER: OnceLock<Analyzer<'static>> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let rubrics: &'static RubricSet = Box::leak(Box::new(
            RubricSet::embedded().expect("shipped rubrics load"),
        ));
        Analyzer::new(rubrics)
    })
}

fuzz_target!(|data: &[u8]| {
    // Bank files are read as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_bank("fuzz.toml", text) {
        Ok(bank) => {
            for q in bank.questions.iter().take(3) {
                analyze_and_check(analyzer(), SAMPLE_ANSWER, q.kind, Some(q), true, 60);
            }
            // Beside the shipped banks: duplicate ids across banks are diagnostics too.
            let source = BankSource::Text {
                name: "fuzz.toml".into(),
                text: text.into(),
            };
            if let Err(e) = Catalog::load(&[source]) {
                assert!(!e.to_string().is_empty());
            }
        }
        Err(d) => check_diagnostics(&d, "fuzz.toml", text),
    }
});
