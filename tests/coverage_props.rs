//! Coverage of a question's areas, as a property: appending a sentence that carries an area's
//! evidence (one of its keywords, typed the way a candidate types: him/her/them, British
//! spelling) covers that area and never lowers the answer's relevance.

use std::sync::OnceLock;

use proptest::prelude::*;
use starcoach::analyze::Analyzer;
use starcoach::bank::{Catalog, Question};
use starcoach::rubric::{Dimension, RubricSet};

fn data() -> &'static (Catalog, RubricSet) {
    static DATA: OnceLock<(Catalog, RubricSet)> = OnceLock::new();
    DATA.get_or_init(|| (Catalog::embedded().unwrap(), RubricSet::embedded().unwrap()))
}

fn questions() -> Vec<&'static Question> {
    data()
        .0
        .questions()
        .filter(|q| !q.areas.is_empty())
        .collect()
}

/// Sentences the way candidates type them: typos, British spelling, no capitals.
const POOL: &[&str] = &[
    "Last winter I was on the billing line at a cable company.",
    "a customer rang in becuase her bill was double what it should of been.",
    "I checked her account and found the duplicate charge.",
    "She calmed down and thanked me at the end.",
    "We had a really busy queue that day, about 40 calls waiting.",
    "Since then I always read back the payment history first.",
    "My goal was to keep him as a customer.",
    "I would probably escalate it to my supervisor if I couldnt fix it.",
    "honestly it was a stressful shift but I kept going.",
    "I organised the follow up with the tech team and we sorted it.",
    "The caller was an older gentleman who was not good with computers.",
    "I always try to stay positive.",
];

const PEOPLE: &[&str] = &["him", "her", "them", "the caller"];

/// A keyword as a candidate would say it: the other person as `person`, a `*` ending typed out.
fn spoken(keyword: &str, person: &str) -> String {
    let words: Vec<String> = keyword
        .trim_end_matches('*')
        .split(' ')
        .map(|w| match w {
            "him" | "her" | "them" => person.to_string(),
            w => w.to_string(),
        })
        .collect();
    let mut s = words.join(" ");
    if keyword.ends_with('*') {
        s.push_str("ed");
    }
    s
}

fn relevance(text: &str, q: &Question) -> (Option<f64>, Vec<bool>) {
    let a = Analyzer::new(&data().1).analyze(text, Some(q));
    (
        a.score(Dimension::Relevance),
        a.areas.iter().map(|c| c.covered).collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn appending_an_areas_evidence_never_lowers_relevance(
        q in 0usize..1000,
        area in 0usize..100,
        keyword in 0usize..100,
        person in prop::sample::select(PEOPLE),
        base in prop::collection::vec(prop::sample::select(POOL), 1..6),
    ) {
        let qs = questions();
        let q = qs[q % qs.len()];
        let ai = area % q.areas.len();
        let a = &q.areas[ai];
        let kw = &a.keywords[keyword % a.keywords.len()];
        let before = base.join(" ");
        let after = format!("{before} Then I {}.", spoken(kw, person));
        let (rb, _) = relevance(&before, q);
        let (ra, covered) = relevance(&after, q);
        prop_assert!(covered[ai], "{}: area {:?} not covered by {after:?}", q.id, a.text);
        if let (Some(rb), Some(ra)) = (rb, ra) {
            prop_assert!(ra >= rb, "{}: relevance {rb} -> {ra} after adding {kw:?}", q.id);
        }
    }
}

/// Every concept a shipped area's `steps` names is a word list of the shipped rubrics: an
/// unknown one would silently cover nothing.
#[test]
fn every_steps_concept_is_defined() {
    let (catalog, rubrics) = data();
    for q in catalog.questions() {
        let rubric = rubrics.for_kind(q.kind);
        for a in &q.areas {
            for c in &a.steps {
                let known = [format!("concept_{c}"), format!("synonyms_{c}")]
                    .iter()
                    .any(|n| rubric.lexicon(n).is_some());
                assert!(known, "{}: area {:?}: no concept {c:?}", q.id, a.text);
            }
        }
    }
}
