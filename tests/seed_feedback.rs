//! Snapshots of the feedback on the seed material's example answers (they ship in the banks,
//! `prompts/*.toml`): one digest line per answer for all of them, so any change to the analyzer
//! or the rubrics shows up as a reviewable diff, and the full text and JSON for one answer of
//! each kind of question.

use starcoach::analyze::{Analysis, Analyzer, Context};
use starcoach::bank::{Catalog, Question};
use starcoach::feedback::{self, Feedback};
use starcoach::rubric::RubricSet;

fn data() -> (Catalog, RubricSet) {
    (Catalog::embedded().unwrap(), RubricSet::embedded().unwrap())
}

fn run<'a>(rubrics: &'a RubricSet, q: &'a Question, text: &str) -> (Analysis, Feedback) {
    let a = Analyzer::new(rubrics).analyze_in(text, Context::question(q));
    let fb = feedback::coach(&a, rubrics.for_kind(q.kind), Some(q));
    (a, fb)
}

#[test]
fn digest_of_every_seed_example_answer() {
    let (catalog, rubrics) = data();
    let mut lines = Vec::new();
    for q in catalog.questions() {
        for (i, e) in q.examples.iter().enumerate() {
            let (a, fb) = run(&rubrics, q, &e.text);
            let star: String = a.sentences.iter().map(|s| s.label.letter()).collect();
            let fixes: Vec<&str> = fb.fixes.iter().map(|f| f.rule.as_str()).collect();
            let follow = fb
                .follow_up
                .as_ref()
                .map_or("-".to_string(), |f| f.dimension.as_str().to_string());
            lines.push(format!(
                "{:<40} #{} {:>5.1} {:<10} {:<12} {:<20} fix: {} | follow-up: {}",
                q.id,
                i + 1,
                a.overall,
                a.band,
                a.episode.as_str(),
                star,
                fixes.join(","),
                follow
            ));
        }
    }
    assert_eq!(lines.len(), 88, "the seeds have 88 example answers");
    insta::assert_snapshot!(lines.join("\n"));
}

/// One answer per kind of question: the full text screen and JSON.
#[test]
fn full_feedback_for_one_answer_of_each_kind() {
    let (catalog, rubrics) = data();
    let picks = [
        ("exceptional-service-star", 3),
        ("team-contribution-star", 5),
        ("dont-know-the-answer", 1),
        ("tell-me-about-yourself", 1),
        ("why-our-company", 1),
        ("crm-systems-experience", 1),
        ("five-year-plan", 1),
    ];
    for (id, n) in picks {
        let q = catalog.require(id).unwrap();
        let (a, fb) = run(&rubrics, q, &q.examples[n - 1].text);
        let layout = feedback::text::Layout {
            width: 80,
            ..Default::default()
        };
        let text = feedback::text::render(&a, &fb, rubrics.for_kind(q.kind), layout).render(false);
        insta::assert_snapshot!(format!("{id}-{n}-text"), text);
        insta::assert_snapshot!(format!("{id}-{n}-json"), feedback::json::to_string(&a, &fb));
    }
}
