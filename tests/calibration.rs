//! Calibration against the seed material: the analyzer labels the seed's worked STAR example the
//! way the seed does, ranks clear quantified stories above generic answers, and takes away the
//! matching points when an answer is rewritten into "I would..." or loses its result.

use starcoach::analyze::{Analysis, Analyzer, Context, Episode, Label};
use starcoach::bank::{Catalog, Probe, Question};
use starcoach::rubric::{Dimension, RubricSet};

struct Fixture {
    catalog: Catalog,
    rubrics: RubricSet,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            catalog: Catalog::embedded().unwrap(),
            rubrics: RubricSet::embedded().unwrap(),
        }
    }

    fn q(&self, id: &str) -> &Question {
        self.catalog.require(id).unwrap()
    }

    fn analyze(&self, text: &str, q: &Question) -> Analysis {
        Analyzer::new(&self.rubrics).analyze_in(text, Context::question(q))
    }

    fn example(&self, id: &str, title: &str) -> String {
        let q = self.q(id);
        q.examples
            .iter()
            .find(|e| e.title == title)
            .unwrap_or_else(|| panic!("{id} has no example titled {title:?}"))
            .text
            .clone()
    }
}

#[test]
fn the_seed_worked_example_is_labelled_as_the_seed_labels_it() {
    let f = Fixture::new();
    let guide = f.catalog.star_guide().expect("the STAR guide ships");
    let text = guide
        .parts
        .iter()
        .map(|p| p.example.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let a = f.analyze(&text, f.q("exceptional-service-star"));
    let expected: Vec<Label> = a
        .sentences
        .iter()
        .map(|s| {
            let sentence = a.quote(&s.span);
            let part = guide
                .parts
                .iter()
                .find(|p| p.example.contains(sentence))
                .unwrap_or_else(|| panic!("sentence {sentence:?} is in no part"));
            match part.component {
                Probe::Situation => Label::Situation,
                Probe::Task => Label::Task,
                Probe::Action => Label::Action,
                _ => Label::Result,
            }
        })
        .collect();
    let got: Vec<Label> = a.sentences.iter().map(|s| s.label).collect();
    assert_eq!(got, expected, "S S T T A R, as the seed labels it");
    assert_eq!(a.episode, Episode::Specific);
}

#[test]
fn clear_quantified_stories_outscore_generic_answers() {
    let f = Fixture::new();
    let q = f.q("team-contribution-star");
    // Seed answers with a situation, the candidate's own actions and a quantified result.
    let strong: Vec<f64> = ["Leading a project", "Suggesting an improvement"]
        .iter()
        .map(|t| {
            f.analyze(&f.example("team-contribution-star", t), q)
                .overall
        })
        .collect();
    // Seed answers that describe what a good teammate is, given to the same behavioral question.
    let generic: Vec<f64> = f
        .q("good-teammate-star")
        .examples
        .iter()
        .map(|e| f.analyze(&e.text, q).overall)
        .collect();
    let weakest_strong = strong.iter().cloned().fold(f64::INFINITY, f64::min);
    let best_generic = generic.iter().cloned().fold(0.0, f64::max);
    assert!(
        weakest_strong > best_generic + 10.0,
        "strong {strong:?} should clearly beat generic {generic:?}"
    );
}

#[test]
fn rewriting_into_i_would_loses_the_episode_points() {
    let f = Fixture::new();
    let q = f.q("exceptional-service-star");
    let told = f.example("exceptional-service-star", "Struggling Customer");
    let would = "If I were a cashier and a customer was struggling with her bags, I would notice it \
                 and offer to help her. I would ask her if she needed any assistance with packing \
                 her groceries or loading them into her car. If she accepted, I would pack her \
                 bags carefully and carry them to her car. I think she would thank me, and it \
                 would make her day.";
    let (a, b) = (f.analyze(&told, q), f.analyze(would, q));
    assert_eq!(a.episode, Episode::Specific);
    assert_eq!(b.episode, Episode::Hypothetical);
    assert!(b.findings.iter().any(|x| x.rule == "episode.hypothetical"));
    assert!(
        b.score(Dimension::Specificity).unwrap() + 30.0 <= a.score(Dimension::Specificity).unwrap(),
        "specificity {:?} -> {:?}",
        a.score(Dimension::Specificity),
        b.score(Dimension::Specificity)
    );
    assert!(
        b.overall + 15.0 <= a.overall,
        "overall {} -> {}",
        a.overall,
        b.overall
    );
}

#[test]
fn removing_the_result_loses_the_result_points() {
    let f = Fixture::new();
    let q = f.q("team-contribution-star");
    let full = f.example("team-contribution-star", "Suggesting an improvement");
    let a = f.analyze(&full, q);
    assert!(a.star.result.present);
    // Drop every sentence the analyzer calls a result.
    let kept: Vec<&str> = a
        .sentences
        .iter()
        .filter(|s| s.label != Label::Result && !s.also.contains(&Label::Result))
        .map(|s| a.quote(&s.span))
        .collect();
    let b = f.analyze(&kept.join(" "), q);
    assert!(!b.star.result.present, "{:?}", b.sentences);
    assert_eq!(b.score(Dimension::Result), Some(0.0));
    assert!(b.findings.iter().any(|x| x.rule == "result.present"));
    assert!(
        b.score(Dimension::Metrics).unwrap() < a.score(Dimension::Metrics).unwrap(),
        "the quantified result went with it"
    );
    assert!(
        b.overall + 10.0 <= a.overall,
        "overall {} -> {}",
        a.overall,
        b.overall
    );
}

#[test]
fn numbers_in_the_set_up_are_not_metrics() {
    let f = Fixture::new();
    let q = f.q("angry-customer-call-center");
    let a = f.analyze(
        "I have five years of experience in customer service and I was on Windows 10 support \
         at the time. One evening a caller was furious about her 401(k) statement. I listened, \
         apologized and walked her through the statement line by line. She calmed down and \
         thanked me.",
        q,
    );
    // The five years are tenure: listed with their role, credited nowhere.
    assert!(
        a.metrics.iter().all(|m| !m.role.credited()),
        "{:?}",
        a.metrics
    );
    assert_eq!(a.score(Dimension::Metrics), Some(0.0));
}

#[test]
fn a_quantified_result_is_worth_more_than_a_number_elsewhere() {
    let f = Fixture::new();
    let q = f.q("angry-customer-call-center");
    let story = "Last spring a caller was furious about a double charge. I apologized, checked her \
                 account and refunded the charge.";
    let in_action =
        format!("{story} I handled about 60 calls that day. She thanked me and stayed with us.");
    let in_result = format!("{story} She thanked me, and our complaint calls fell 30% that month.");
    let (a, b) = (f.analyze(&in_action, q), f.analyze(&in_result, q));
    assert!(
        b.score(Dimension::Metrics).unwrap() > a.score(Dimension::Metrics).unwrap(),
        "{:?} vs {:?}",
        a.score(Dimension::Metrics),
        b.score(Dimension::Metrics)
    );
}

#[test]
fn written_labels_are_followed() {
    let f = Fixture::new();
    let q = f.q("angry-customer-call-center");
    let a = f.analyze(
        "Situation: a caller was upset about a late refund.\nTask: keep her as a customer.\n\
         Action: I traced the refund and escalated it to billing.\nResult: she got her money in \
         two days and thanked me.",
        q,
    );
    let labels: Vec<Label> = a.sentences.iter().map(|s| s.label).collect();
    assert_eq!(
        labels,
        [Label::Situation, Label::Task, Label::Action, Label::Result]
    );
    assert!(a.sentences.iter().all(|s| s.explicit));
}

#[test]
fn the_same_answer_gives_the_same_analysis() {
    let f = Fixture::new();
    let q = f.q("angry-customer-call-center");
    let text = f.example("unreasonable-customer-star", "Dress Out of Stock");
    assert_eq!(f.analyze(&text, q), f.analyze(&text, q));
}
