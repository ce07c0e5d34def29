//! `starcoach questions`: list, filters, search, JSON, show, tags, width.

use std::collections::HashMap;

use serde_json::Value;

use crate::{all_questions, at_width, fits, run};

#[test]
fn questions_lists_every_question_with_its_kind() {
    let r = run(&["questions"]);
    r.code(0).quiet();
    for q in all_questions() {
        r.out_has(q["id"].as_str().unwrap());
    }
    r.out_has("behavioral").out_has("situational");
}

#[test]
fn questions_json_has_the_documented_fields() {
    let qs = all_questions();
    let required = [
        "id",
        "text",
        "kind",
        "tags",
        "source",
        "areas",
        "follow_ups",
        "tips",
        "examples",
        "bank",
    ];
    let optional = ["category", "looks_for", "hint", "skip", "rules"];
    let kinds = [
        "general",
        "behavioral",
        "situational",
        "motivation",
        "career",
        "technical",
    ];
    let probes = [
        "situation",
        "task",
        "action",
        "result",
        "metrics",
        "reflection",
        "specificity",
        "ownership",
    ];
    for q in &qs {
        let o = q.as_object().unwrap();
        for k in required {
            assert!(o.contains_key(k), "{} has no {k}", q["id"]);
        }
        for k in o.keys() {
            assert!(
                required.contains(&k.as_str()) || optional.contains(&k.as_str()),
                "{}: undocumented field {k} (docs/banks.md)",
                q["id"]
            );
        }
        assert!(kinds.contains(&q["kind"].as_str().unwrap()), "{}", q["id"]);
        for a in q["areas"].as_array().unwrap() {
            assert!(a["text"].is_string() && a["keywords"].is_array(), "{a}");
        }
        for f in q["follow_ups"].as_array().unwrap() {
            assert!(f["text"].is_string(), "{f}");
            assert!(probes.contains(&f["probes"].as_str().unwrap()), "{f}");
        }
        for e in q["examples"].as_array().unwrap() {
            assert!(e["title"].is_string() && e["text"].is_string(), "{e}");
        }
    }
}

#[test]
fn questions_json_holds_every_bank_from_the_seeds() {
    let qs = all_questions();
    let mut by_bank: HashMap<String, Vec<&Value>> = HashMap::new();
    for q in &qs {
        by_bank
            .entry(q["bank"].as_str().unwrap().to_string())
            .or_default()
            .push(q);
    }
    // The guides: every question with areas and four follow-ups, each tagged with what it probes.
    let guide: Vec<&Value> = [
        "customer-service-call-center",
        "customer-centric-roles",
        "customer-centric-call-center",
    ]
    .iter()
    .flat_map(|b| by_bank.get(*b).cloned().unwrap_or_default())
    .collect();
    assert!(guide.len() >= 45, "{} guide questions", guide.len());
    for q in &guide {
        assert_eq!(q["follow_ups"].as_array().unwrap().len(), 4, "{}", q["id"]);
        assert!(!q["areas"].as_array().unwrap().is_empty(), "{}", q["id"]);
    }
    // All 37 of the "top 36" (the source numbers 36 and has one more).
    assert_eq!(by_bank["top-36-call-center"].len(), 37);
    // The STAR article: 10 questions, 5 sample answers each.
    let star = &by_bank["star-customer-service"];
    assert_eq!(star.len(), 10);
    let samples: usize = star
        .iter()
        .map(|q| q["examples"].as_array().unwrap().len())
        .sum();
    assert_eq!(samples, 50);
}

#[test]
fn questions_filter_by_kind() {
    let r = run(&["questions", "--kind", "situational", "--format", "json"]);
    r.code(0);
    let qs = r.json();
    assert!(!qs.as_array().unwrap().is_empty());
    for q in qs.as_array().unwrap() {
        assert_eq!(q["kind"], "situational", "{}", q["id"]);
    }
    run(&["questions", "--kind", "nonsense"])
        .code(2)
        .err_has("unknown kind `nonsense`; use one of general, behavioral");
}

#[test]
fn questions_filter_by_tag() {
    let qs = run(&["questions", "--tag", "empathy", "--format", "json"]).json();
    let qs = qs.as_array().unwrap();
    assert!(qs.len() > 3);
    for q in qs {
        let tags: Vec<&str> = q["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.contains(&"empathy"), "{}: {tags:?}", q["id"]);
    }
}

#[test]
fn questions_filter_by_source_prefix() {
    let qs = run(&["questions", "--source", "003", "--format", "json"]).json();
    let qs = qs.as_array().unwrap();
    assert_eq!(qs.len(), 37);
    for q in qs {
        assert!(
            q["source"].as_str().unwrap().starts_with("003"),
            "{}",
            q["id"]
        );
    }
    // The bank id works too.
    let by_bank = run(&[
        "questions",
        "--source",
        "top-36-call-center",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(by_bank.as_array().unwrap().len(), 37);
}

#[test]
fn questions_search_needs_every_word() {
    let qs = run(&[
        "questions",
        "--search",
        "angry",
        "caller",
        "--format",
        "json",
    ])
    .json();
    let ids: Vec<&str> = qs
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"angry-customer-call-center"), "{ids:?}");
    let one = run(&["questions", "--search", "angry", "--format", "json"]).json();
    assert!(one.as_array().unwrap().len() >= ids.len());
    // A quoted phrase is split into words the same way.
    let quoted = run(&["questions", "--search", "angry caller", "--format", "json"]).json();
    assert_eq!(quoted, qs);
}

/// Regression: the text list exited 2 (a usage error) where the JSON list exited 1.
#[test]
fn questions_that_match_nothing_exit_1_in_text_too() {
    let r = run(&["questions", "--search", "zzzz"]);
    r.code(1).err_has("no questions match these filters");
    assert_eq!(r.out, "");
    assert!(!r.err.starts_with("error:"), "{}", r.err);
}

#[test]
fn questions_that_match_nothing_exit_1_in_json() {
    let r = run(&["questions", "--search", "zzzz", "--format", "json"]);
    r.code(1);
    assert_eq!(r.json(), Value::Array(vec![]));
}

#[test]
fn questions_show_prints_everything_about_one() {
    let r = run(&["questions", "show", "tell-me-about-yourself"]);
    r.code(0)
        .quiet()
        .out_has("Tell me about yourself.")
        .out_has("Cover these")
        .out_has("Tips")
        .out_has("1 example answer (show them with --examples)");
    let full = run(&[
        "questions",
        "show",
        "unreasonable-customer-star",
        "--examples",
    ]);
    full.code(0).out_has("Example: ");
    assert_eq!(full.out.matches("Example: ").count(), 5);
    let json = run(&[
        "questions",
        "show",
        "angry-customer-call-center",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["id"], "angry-customer-call-center");
    assert_eq!(json["follow_ups"].as_array().unwrap().len(), 4);
}

#[test]
fn questions_show_an_unknown_id_suggests_the_closest() {
    run(&["questions", "show", "angry-customer"])
        .code(2)
        .err_has("error: unknown question id `angry-customer`; did you mean `angry-customer-");
    run(&["questions", "show", "tel-me-about-yourself"])
        .code(2)
        .err_has("did you mean `tell-me-about-yourself`");
}

#[test]
fn questions_tags_counts_each_tag() {
    let r = run(&["questions", "tags"]);
    r.code(0).quiet();
    let empathy = r
        .out
        .lines()
        .find(|l| l.starts_with("empathy "))
        .expect("an empathy row");
    let n: usize = empathy.split_whitespace().last().unwrap().parse().unwrap();
    let tagged = run(&["questions", "--tag", "empathy", "--format", "json"]).json();
    assert_eq!(n, tagged.as_array().unwrap().len());
}

/// Regression: at 80 columns the list cut every question to about 26 characters ("Tell me
/// about a time…"), and at 60 to a few words.
#[test]
fn questions_list_shows_whole_questions_on_a_narrow_terminal() {
    for columns in [60, 80] {
        let r = at_width(columns, &["questions"]);
        r.code(0);
        fits(&r.out, columns);
        let flat = r.out.split_whitespace().collect::<Vec<_>>().join(" ");
        for q in all_questions() {
            let text = q["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&text),
                "at {columns}: {text:?} is not shown whole"
            );
        }
    }
}

#[test]
fn questions_list_is_one_line_a_question_on_a_wide_terminal() {
    let r = at_width(170, &["questions"]);
    r.code(0);
    fits(&r.out, 170);
    assert_eq!(r.out.lines().count(), all_questions().len());
    // With room to spare, the tags are shown too.
    let angry = r
        .out
        .lines()
        .find(|l| l.starts_with("angry-customer-call-center "))
        .unwrap();
    assert!(angry.contains("de-escalation"), "{angry}");
}

/// Regression: `questions show` printed the id line and each area's keywords whole, past the
/// edge of an 80-column terminal.
#[test]
fn questions_show_fits_a_narrow_terminal() {
    for columns in [60, 80] {
        let r = at_width(
            columns,
            &["questions", "show", "tell-me-about-yourself", "--examples"],
        );
        r.code(0).out_has("words that show it:");
        fits(&r.out, columns);
    }
}
