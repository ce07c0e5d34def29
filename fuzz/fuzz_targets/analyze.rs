//! Arbitrary bytes as an answer, read as `starcoach analyze` reads one (UTF-8, line endings and
//! control characters normalized, empty answers refused; also as Markdown), analyzed with every
//! question kind, with and without a bank question, then coached and rendered.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use starcoach::analyze::{Analyzer, Context};
use starcoach::answer;
use starcoach::bank::{Catalog, Kind, Question};
use starcoach::feedback;
use starcoach::rubric::RubricSet;
use starcoach_fuzz::{analyze_and_check, pick};

struct World {
    analyzer: Analyzer<'static>,
    catalog: Catalog,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let rubrics: &'static RubricSet = Box::leak(Box::new(
            RubricSet::embedded().expect("shipped rubrics load"),
        ));
        World {
            analyzer: Analyzer::new(rubrics),
            catalog: Catalog::embedded().expect("shipped banks load"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let w = world();
    // The CLI refuses invalid UTF-8; lossy decoding lets mutated bytes still reach the analyzer.
    let raw = String::from_utf8_lossy(data);
    let h = pick(data);
    let width = 40 + h % 81;

    let normalized = answer::normalize(&raw);
    let Ok(text) = answer::check(&normalized) else {
        return;
    };
    let mut first = None;
    for (i, &kind) in Kind::ALL.iter().enumerate() {
        // Every other kind with one of the bank's questions (its areas and follow-ups).
        let question: Option<&Question> = if h.wrapping_add(i).is_multiple_of(2) {
            let qs: Vec<&Question> = w.catalog.questions().filter(|q| q.kind == kind).collect();
            (!qs.is_empty()).then(|| qs[h / 2 % qs.len()])
        } else {
            None
        };
        let a = analyze_and_check(&w.analyzer, text, kind, question, true, width);
        if i == 0 {
            // Deterministic: the same answer and context give the same analysis.
            let again = w.analyzer.analyze_in(text, Context { kind, question });
            assert!(a == again, "two analyses of one answer differ");
            first = Some(a);
        }
    }

    // The same bytes as a Markdown answer, compared with the plain one as two attempts.
    let md = answer::from_markdown(&raw);
    let md = answer::normalize(&md);
    if let (Ok(text), Some(before)) = (answer::check(&md), first) {
        let after = analyze_and_check(&w.analyzer, text, Kind::Behavioral, None, true, width);
        let change = feedback::diff::compare(&before, &after);
        let _ = feedback::diff::render(&change).render(false);
    }
});
