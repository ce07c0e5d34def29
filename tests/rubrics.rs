//! Every shipped rubric loads, and every example of every rule and cue comes out as written.

use starcoach::analyze::check_examples;
use starcoach::bank::Kind;
use starcoach::rubric::RubricSet;

#[test]
fn shipped_rubrics_load_and_cover_every_kind() {
    let set = RubricSet::embedded().unwrap_or_else(|e| panic!("{e}"));
    for kind in Kind::ALL {
        let r = set.for_kind(kind);
        assert!(r.kinds.contains(&kind), "no rubric scores {kind}");
    }
}

#[test]
fn every_rule_and_cue_example_holds() {
    let set = RubricSet::embedded().unwrap();
    let mut failures = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in set.rubrics() {
        for f in check_examples(r) {
            if seen.insert(f.to_string()) {
                failures.push(f.to_string());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_shipped_rule_has_an_example() {
    let set = RubricSet::embedded().unwrap();
    for r in set.rubrics() {
        for rule in &r.rules {
            assert!(
                !rule.examples.is_empty(),
                "{}: rule `{}` has no examples",
                rule.origin,
                rule.id
            );
        }
    }
}

#[test]
fn shipped_lexicons_are_tidy() {
    let set = RubricSet::embedded().unwrap();
    for r in set.rubrics() {
        for (name, terms) in r.lexicon_names.iter().zip(&r.lexicon_terms) {
            let mut seen = std::collections::HashSet::new();
            for t in terms {
                assert_eq!(
                    t,
                    &t.to_lowercase(),
                    "{}: lexicon {name}: {t:?} is not lowercase",
                    r.id
                );
                assert_eq!(
                    t,
                    t.trim(),
                    "{}: lexicon {name}: {t:?} has spaces around it",
                    r.id
                );
                assert!(
                    !t.contains("  "),
                    "{}: lexicon {name}: {t:?} has a double space",
                    r.id
                );
                assert!(
                    seen.insert(t),
                    "{}: lexicon {name}: {t:?} is listed twice",
                    r.id
                );
            }
        }
    }
}
