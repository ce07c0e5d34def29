//! The retry diff names only real changes: adding one unrelated sentence to an answer (the way
//! a candidate pads a retry) never reports a part as lost or the story's episode type as
//! changed, for every answer of the development set; rewriting the story does.

use serde::Deserialize;
use starcoach::analyze::{Analyzer, Episode, Label};
use starcoach::bank::Catalog;
use starcoach::feedback::diff;
use starcoach::rubric::RubricSet;

const DATA: &str = include_str!("data/answers.toml");

#[derive(Deserialize)]
struct File {
    answer: Vec<Answer>,
}

#[derive(Deserialize)]
struct Answer {
    id: String,
    question: String,
    answer: String,
}

/// Sentences that add nothing to the story, typed the way candidates type.
const UNRELATED: &[&str] = &[
    "The office was in Leeds.",
    "I always try to stay positive with customers.",
    "I love helping people.",
    "It was a busy Monday.",
    "My manager was Sarah.",
    "i have worked in retail for five years.",
];

#[test]
fn one_unrelated_sentence_never_loses_a_part_or_changes_the_episode() {
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let analyzer = Analyzer::new(&rubrics);
    let file: File = toml::from_str(DATA).unwrap();
    let mut wrong = Vec::new();
    let mut compared = 0;
    for a in &file.answer {
        let q = catalog.get(&a.question).expect("a bank question");
        let rubric = rubrics.for_kind(q.kind);
        let before = analyzer.analyze(&a.answer, Some(q));
        for extra in UNRELATED {
            let text = format!("{} {extra}\n", a.answer.trim_end());
            let after = analyzer.analyze(&text, Some(q));
            let c = diff::compare(&before, &after, rubric);
            compared += 1;
            if !c.lost.is_empty() || c.episode.is_some() {
                wrong.push(format!(
                    "{} + {extra:?}: lost {:?}, episode {:?}",
                    a.id, c.lost, c.episode
                ));
            }
        }
    }
    assert!(compared > 500, "only {compared} comparisons");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_rewritten_story_reports_its_real_changes() {
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let analyzer = Analyzer::new(&rubrics);
    let q = catalog.get("angry-customer-call-center").unwrap();
    let would = analyzer.analyze(
        "If a caller was angry I would let them finish, say sorry and fix it.",
        Some(q),
    );
    let story = analyzer.analyze(
        "Last year a man rang our helpline and shouted at me because his internet had been \
         down for a week. I let him finish, then I apologised. I booked an engineer for the \
         next morning. He thanked me and the line was fixed by 10am.",
        Some(q),
    );
    let c = diff::compare(&would, &story, rubrics.for_kind(q.kind));
    assert_eq!(c.episode, Some((Episode::Hypothetical, Episode::Specific)));
    assert!(c.gained.contains(&Label::Action), "{c:?}");
    assert!(c.gained.contains(&Label::Result), "{c:?}");
    assert!(c.reread.is_empty(), "{c:?}");
    // And back: the story's parts are really gone.
    let back = diff::compare(&story, &would, rubrics.for_kind(q.kind));
    assert!(back.lost.contains(&Label::Result), "{back:?}");
    assert!(back.episode.is_some(), "{back:?}");
}

/// Regression: a retry that covered one more of the question's areas showed "✓ fixed: Parts of
/// the question are not covered yet: A; B", as if both were covered now.
#[test]
fn a_retry_names_the_areas_it_covers_and_no_others() {
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let analyzer = Analyzer::new(&rubrics);
    let q = catalog.get("angry-customer-call-center").unwrap();
    let rubric = rubrics.for_kind(q.kind);
    let first = "Last spring a caller was furious about a double charge. I refunded it and she \
        thanked me.";
    let before = analyzer.analyze(first, Some(q));
    let after = analyzer.analyze(
        &format!("{first} I let her finish before I said anything."),
        Some(q),
    );
    let c = diff::compare(&before, &after, rubric);
    assert_eq!(
        c.areas_gained,
        ["Tell how you responded in the first moments of the call."],
        "{c:?}"
    );
    let text = diff::render(&c, 100).render(false);
    assert!(
        text.contains("now covers: tell how you responded in the first moments"),
        "{text}"
    );
    assert!(!text.contains("Parts of the question"), "{text}");
    assert!(!text.contains("calming techniques"), "{text}");
}
