//! Invariants of the shipped question banks: they load, they hold every seed question with the
//! parts the seeds give it, and their candidate-facing text is tidy.

mod common;

use std::collections::{BTreeSet, HashSet};

use starcoach::bank::{Catalog, Kind, Probe, Question};

/// The competency tags the shipped banks may use, so related questions from different guides
/// share them. Add a tag here (sorted) when a new competency really is needed.
const TAGS: &[&str] = &[
    "above-and-beyond",
    "accessibility",
    "active-listening",
    "adaptability",
    "advocacy",
    "career-goals",
    "collaboration",
    "communication",
    "company-fit",
    "composure",
    "conflict-resolution",
    "continuous-improvement",
    "cross-functional",
    "cultural-awareness",
    "customer-feedback",
    "customer-focus",
    "customer-needs",
    "data",
    "de-escalation",
    "difficult-customers",
    "efficiency",
    "empathy",
    "escalation",
    "expectations",
    "feedback",
    "high-volume",
    "judgment",
    "leadership",
    "learning",
    "metrics",
    "motivation",
    "multitasking",
    "ownership",
    "policy",
    "prioritization",
    "proactive",
    "problem-solving",
    "process-improvement",
    "saying-no",
    "self-awareness",
    "service-recovery",
    "stakeholders",
    "stress",
    "teamwork",
    "technical",
    "tools",
    "troubleshooting",
];

const GUIDES: [&str; 3] = ["000", "001", "002"];

fn catalog() -> Catalog {
    Catalog::embedded().unwrap_or_else(|e| panic!("shipped banks do not load:\n{e}"))
}

fn from_seed<'a>(c: &'a Catalog, prefix: &str) -> Vec<&'a Question> {
    c.questions()
        .filter(|q| q.source.starts_with(prefix))
        .collect()
}

#[test]
fn tag_list_is_sorted_and_unique() {
    let mut sorted = TAGS.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, TAGS, "keep TAGS sorted and without duplicates");
}

#[test]
fn every_bank_loads_and_ids_are_unique() {
    let c = catalog();
    let mut ids = HashSet::new();
    for q in c.questions() {
        assert!(ids.insert(q.id.as_str()), "duplicate id {}", q.id);
    }
    assert!(c.len() >= 45 + 37 + 10, "only {} questions", c.len());
}

#[test]
fn guide_questions_have_areas_and_four_tagged_follow_ups() {
    let c = catalog();
    for prefix in GUIDES {
        let qs = from_seed(&c, prefix);
        assert_eq!(qs.len(), 15, "seed {prefix} has 15 questions");
        for q in qs {
            assert_eq!(q.kind, Kind::Behavioral, "{}", q.id);
            assert!(q.areas.len() >= 6, "{}: {} areas", q.id, q.areas.len());
            assert_eq!(q.follow_ups.len(), 4, "{}", q.id);
            for a in &q.areas {
                assert!(
                    (2..=8).contains(&a.keywords.len()),
                    "{}: area `{}` wants 2-8 keywords, has {}",
                    q.id,
                    a.text,
                    a.keywords.len()
                );
            }
        }
    }
}

#[test]
fn top_36_questions_are_all_there_with_their_parts() {
    let c = catalog();
    let qs = from_seed(&c, "003");
    // 38 headings (the numbering repeats 4 and 5); "How do you handle stress and pressure?" is
    // asked twice and merged into one entry that keeps both example answers.
    assert_eq!(qs.len(), 37);
    let examples: usize = qs.iter().map(|q| q.examples.len()).sum();
    assert_eq!(examples, 38, "every heading's example answer is kept");
    for q in &qs {
        assert!(
            q.looks_for.is_some(),
            "{}: what the interviewer looks for",
            q.id
        );
        assert!(q.tips.len() >= 3, "{}: tips", q.id);
        assert!(!q.examples.is_empty(), "{}: example answer", q.id);
        assert!(q.category.is_some(), "{}: category", q.id);
    }
    let kinds: BTreeSet<Kind> = qs.iter().map(|q| q.kind).collect();
    for k in [
        Kind::General,
        Kind::Behavioral,
        Kind::Situational,
        Kind::Motivation,
        Kind::Career,
        Kind::Technical,
    ] {
        assert!(kinds.contains(&k), "no {k} question in the top 36");
    }
    let stress: Vec<_> = qs
        .iter()
        .filter(|q| q.text == "How do you handle stress and pressure?")
        .collect();
    assert_eq!(stress.len(), 1);
    assert_eq!(stress[0].examples.len(), 2);
}

#[test]
fn star_article_has_ten_questions_with_five_titled_answers_and_the_guide() {
    let c = catalog();
    let qs = from_seed(&c, "004");
    assert_eq!(qs.len(), 10);
    for q in &qs {
        assert_eq!(q.examples.len(), 5, "{}", q.id);
        assert!(q.category.is_some(), "{}", q.id);
        for e in &q.examples {
            assert!(
                !e.title.is_empty() && e.title.len() < 100,
                "{}: {}",
                q.id,
                e.title
            );
        }
    }
    let guide = c.star_guide().expect("the STAR guide ships with the banks");
    let parts: Vec<Probe> = guide.parts.iter().map(|p| p.component).collect();
    assert_eq!(
        parts,
        [Probe::Situation, Probe::Task, Probe::Action, Probe::Result]
    );
}

#[test]
fn tags_come_from_the_shared_list_and_related_questions_share_them() {
    let c = catalog();
    for q in c.questions() {
        assert!(!q.tags.is_empty(), "{} has no tags", q.id);
        for t in &q.tags {
            assert!(
                TAGS.contains(&t.as_str()),
                "{}: tag `{t}` is not in TAGS",
                q.id
            );
        }
    }
    // The angry-customer question appears in all three guides: a drill must find them together.
    let angry: Vec<_> = c
        .questions()
        .filter(|q| q.tags.iter().any(|t| t == "de-escalation"))
        .filter(|q| GUIDES.iter().any(|g| q.source.starts_with(g)))
        .map(|q| &q.source[..3])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(angry, ["000", "001", "002"]);
}

#[test]
fn candidate_facing_text_speaks_to_the_candidate() {
    let c = catalog();
    for q in c.questions() {
        let texts = q
            .areas
            .iter()
            .map(|a| a.text.as_str())
            .chain(q.tips.iter().map(String::as_str))
            .chain(q.looks_for.as_deref())
            .chain(q.hint.as_deref());
        for t in texts {
            let lower = t.to_lowercase();
            for banned in ["the candidate", "candidates", "the interviewee"] {
                assert!(
                    !lower.contains(banned),
                    "{}: `{t}` talks about the candidate; speak to them",
                    q.id
                );
            }
        }
        for a in &q.areas {
            let mut seen = HashSet::new();
            for k in &a.keywords {
                assert_eq!(k, &k.to_lowercase(), "{}: keyword `{k}`", q.id);
                assert!(seen.insert(k), "{}: keyword `{k}` twice", q.id);
            }
        }
    }
}

/// Seed-backed checks: every seed question is in a bank word for word, follow-ups are verbatim,
/// example answers are the seed's, and areas are rewritten rather than copied.
#[test]
fn banks_match_the_seed_documents() {
    let Some(shared) = common::shared("seed comparison") else {
        return;
    };
    let c = catalog();
    let norm = common::norm;

    for prefix in GUIDES {
        let seed = common::seed(&shared, prefix);
        let lines: Vec<&str> = seed.lines().collect();
        let bank: Vec<_> = from_seed(&c, prefix);
        let texts: HashSet<String> = bank.iter().map(|q| norm(&q.text)).collect();
        let follow: HashSet<String> = bank
            .iter()
            .flat_map(|q| q.follow_ups.iter().map(|f| norm(&f.text)))
            .collect();
        let areas: HashSet<String> = bank
            .iter()
            .flat_map(|q| q.areas.iter().map(|a| norm(&a.text)))
            .collect();
        let mut in_follow = false;
        let mut in_areas = false;
        for (i, line) in lines.iter().enumerate() {
            if lines
                .get(i + 1)
                .is_some_and(|n| n.trim() == "Areas to Cover:")
            {
                assert!(
                    texts.contains(&norm(line)),
                    "{prefix}: missing question `{line}`"
                );
            }
            match line.trim() {
                "Areas to Cover:" => (in_areas, in_follow) = (true, false),
                "Follow-Up Questions:" => (in_areas, in_follow) = (false, true),
                l if l.starts_with("- ") => {
                    let item = norm(&l[2..]);
                    if in_follow {
                        assert!(
                            follow.contains(&item),
                            "{prefix}: follow-up not verbatim: {l}"
                        );
                    }
                    if in_areas {
                        assert!(
                            !areas.contains(&item),
                            "{prefix}: area copied, not rewritten: {l}"
                        );
                    }
                }
                _ => (in_areas, in_follow) = (false, false),
            }
        }
    }

    for prefix in ["003", "004"] {
        let seed = norm(&common::seed(&shared, prefix));
        for q in from_seed(&c, prefix) {
            assert!(
                seed.contains(&norm(&q.text)),
                "{}: question text not in seed {prefix}",
                q.id
            );
            for e in &q.examples {
                // Compare paragraph by paragraph: the seed joins them with newlines.
                for para in e.text.split("\n\n").flat_map(|p| p.lines()) {
                    let p = norm(para.trim_start_matches("- "));
                    if !p.is_empty() {
                        assert!(
                            seed.contains(&p),
                            "{}: example `{}` differs from the seed: {para}",
                            q.id,
                            e.title
                        );
                    }
                }
            }
        }
    }
}

/// A question's `skip` names rules of its own kind's rubric (a typo would silently skip
/// nothing), and a skipped rule is neither scored nor said.
#[test]
fn skipped_rules_exist_and_are_not_scored_or_said() {
    use starcoach::analyze::{Analyzer, Context};
    use starcoach::rubric::RubricSet;
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let mut skipping = 0;
    for q in catalog.questions() {
        let rubric = rubrics.for_kind(q.kind);
        for id in &q.skip {
            skipping += 1;
            assert!(
                rubric.rules.iter().any(|r| &r.id == id),
                "{}: skip names {id:?}, which is not a rule of the {} rubric",
                q.id,
                rubric.id
            );
        }
    }
    assert!(
        skipping > 0,
        "no shipped question skips a rule: the test checks nothing"
    );
    let q = catalog.get("what-do-you-know-about-us").unwrap();
    assert_eq!(q.skip, ["specificity.example"]);
    let answer = "Harbor Mobile sells phone plans in four states and runs its own call center \
                  in Tulsa, and it has won a J.D. Power award for customer care.";
    let analyzer = Analyzer::new(&rubrics);
    let a = analyzer.analyze_in(answer, Context::question(q));
    assert!(
        a.findings.iter().all(|f| f.rule != "specificity.example"),
        "a skipped rule is not said: {:?}",
        a.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
    let plain = analyzer.analyze_in(answer, Context::kind(q.kind));
    assert!(
        plain
            .findings
            .iter()
            .any(|f| f.rule == "specificity.example"),
        "without the question the rule applies, so the test above can fail"
    );
}

/// A question's own wording for a rule names a rule of its kind's rubric, and replaces the
/// rubric's message, suggestion and follow-up for that question only.
#[test]
fn a_questions_own_wording_for_a_rule_is_used_for_that_question() {
    use starcoach::analyze::{Analyzer, Context};
    use starcoach::rubric::RubricSet;
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let mut worded = 0;
    for q in catalog.questions() {
        let rubric = rubrics.for_kind(q.kind);
        for w in &q.rules {
            worded += 1;
            assert!(
                rubric.rules.iter().any(|r| r.id == w.id),
                "{}: [[question.rule]] names {:?}, which is not a rule of the {} rubric",
                q.id,
                w.id,
                rubric.id
            );
        }
    }
    assert!(
        worded > 0,
        "no shipped question words a rule: the test checks nothing"
    );
    let answer = "I worked two years as a cashier and I helped customers with returns every day.";
    let analyzer = Analyzer::new(&rubrics);
    let feedback = |id: &str| {
        let q = catalog.get(id).unwrap();
        let a = analyzer.analyze_in(answer, Context::question(q));
        starcoach::feedback::coach(&a, rubrics.for_kind(q.kind), Some(q))
    };
    let own = feedback("tell-me-about-yourself");
    let fix = own.fixes.iter().find(|f| f.rule == "approach.reasons");
    assert_eq!(
        fix.map(|f| f.message.as_str()),
        Some("You don't say why you want this role."),
        "{:?}",
        own.fixes
    );
    let other = feedback("handle-stress-and-pressure");
    let fix = other.fixes.iter().find(|f| f.rule == "approach.reasons");
    assert!(
        fix.is_some_and(|f| f.message != "You don't say why you want this role."),
        "another question keeps the rubric's words: {:?}",
        other.fixes
    );
}

/// An area that names its STAR part is covered by a sentence read as that part on its own cues,
/// whatever its words: "he called back to tell me" ends the story the area asks to end. Only
/// then: an answer with no ending still gets the area as a gap.
#[test]
fn an_area_naming_its_part_is_covered_by_that_part() {
    use starcoach::analyze::{Analyzer, Context, Label};
    use starcoach::rubric::RubricSet;
    let catalog = Catalog::embedded().unwrap();
    let rubrics = RubricSet::embedded().unwrap();
    let parts = catalog
        .questions()
        .flat_map(|q| &q.areas)
        .filter(|a| a.part.is_some())
        .count();
    assert!(parts >= 30, "only {parts} shipped areas name their part");
    let q = catalog.get("excellent-customer-service-example").unwrap();
    let area = q
        .areas
        .iter()
        .position(|a| a.part == Some(Probe::Result))
        .expect("the question has an area for the result");
    let analyzer = Analyzer::new(&rubrics);
    let story = "Last March an older man called because his pension had not arrived. \
                 I checked the account, found a typo in his bank number and fixed it. \
                 The next morning he called back to tell me the money was there.";
    let a = analyzer.analyze_in(story, Context::question(q));
    let cov = &a.areas[area];
    assert!(cov.covered, "{:?}", a.areas);
    assert_eq!(cov.by_part, Some(Label::Result));
    let evidence = cov.evidence.clone().unwrap();
    assert!(story[evidence].starts_with("The next morning he called back"));
    let cut = "Last March an older man called because his pension had not arrived. \
               I checked the account, found a typo in his bank number and fixed it.";
    let a = analyzer.analyze_in(cut, Context::question(q));
    assert!(
        !a.areas[area].covered,
        "no ending, no coverage: {:?}",
        a.areas
    );
}
