//! `starcoach bank check` and `starcoach rubric check`: good files pass, broken ones are
//! reported with file:line:col and a help line, exit 3.

use std::path::PathBuf;

use crate::{Home, run};

const GOOD_BANK: &str = r#"[bank]
id = "my-questions"
title = "Questions for our team"
source = "team wiki"

[[question]]
id = "refund-policy-caller"
text = "Tell me about a time you explained a refund policy to an upset caller."
kind = "behavioral"
tags = ["policy", "empathy"]

[[question.area]]
text = "Say what the caller wanted."
keywords = ["refund*", "wanted"]

[[question.follow_up]]
text = "What did you say first?"
probes = "action"
"#;

/// Also the regression test for "1 questions".
#[test]
fn bank_check_accepts_a_good_file_and_the_shipped_banks() {
    let home = Home::new();
    home.file("good.toml", GOOD_BANK);
    home.run(&["bank", "check", "good.toml"])
        .code(0)
        .quiet()
        .out_has("ok  good.toml  bank `my-questions`: 1 question\n");
    let prompts = concat!(env!("CARGO_MANIFEST_DIR"), "/prompts");
    let r = home.run(&["bank", "check", prompts]);
    r.code(0).quiet();
    assert_eq!(r.out.lines().count(), 5, "{}", r.out);
}

#[test]
fn bank_check_an_unknown_key_word_for_word() {
    let home = Home::new();
    home.file("bad.toml", GOOD_BANK.replace("tags = ", "tagz = "));
    let r = home.run(&["bank", "check", "bad.toml"]);
    r.code(3);
    assert_eq!(r.out, "");
    assert_eq!(
        r.err,
        "error: bad.toml:10:1: unknown field `tagz`
   |
10 | tagz = [\"policy\", \"empathy\"]
   | ^^^^
  = help: remove `tagz` or rename it; allowed keys here: one of `id`, `text`, `kind`, `tags`, `source`, `category`, `looks_for`, `hint`, `area`, `follow_up`, `tips`, `example`, `skip`, `rule`
"
    );
}

#[test]
fn bank_check_a_bad_kind() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace("\"behavioral\"", "\"behavioural\""),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("bad.toml:9:8: unknown variant `behavioural`")
        .err_has("= help: use one of `general`, `behavioral`");
}

#[test]
fn bank_check_a_duplicate_id() {
    let home = Home::new();
    let second = "\n[[question]]\nid = \"refund-policy-caller\"\ntext = \"Again?\"\nkind = \"general\"\ntags = [\"policy\"]\n";
    home.file("bad.toml", format!("{GOOD_BANK}{second}"));
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has(
            "bad.toml:21:6: duplicate question id `refund-policy-caller` (first used on line 7)",
        )
        .err_has("= help: ");
}

#[test]
fn bank_check_an_id_that_clashes_with_a_shipped_bank() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace("refund-policy-caller", "tell-me-about-yourself"),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("bad.toml:7:6: question id `tell-me-about-yourself` is already used in ")
        .err_has("= help: ");
}

#[test]
fn bank_check_broken_toml() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace(
            "title = \"Questions for our team\"",
            "title = \"Questions for our team",
        ),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("error: bad.toml:3:")
        .err_has("\n  = help: ");
}

#[test]
fn bank_check_a_missing_file_is_a_usage_error() {
    run(&["bank", "check", "no-such-bank.toml"])
        .code(2)
        .err_has("no-such-bank.toml");
}

#[test]
fn a_broken_bank_given_to_practice_is_invalid_data() {
    let home = Home::new();
    home.file("bad.toml", GOOD_BANK.replace("tags = ", "tagz = "));
    home.run(&["--bank", "bad.toml", "questions"])
        .code(3)
        .err_has("bad.toml:10:1: unknown field `tagz`");
}

#[test]
fn an_added_bank_is_listed_with_the_shipped_ones() {
    let home = Home::new();
    home.file("good.toml", GOOD_BANK);
    let r = home.run(&["--bank", "good.toml", "questions", "--format", "json"]);
    r.code(0);
    let ids: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"refund-policy-caller".to_string()));
    assert!(ids.contains(&"tell-me-about-yourself".to_string()));
}

/// The shipped rubrics, copied by `rubric init` into `dir` of `home`.
fn rubric_copy(home: &Home, dir: &str) -> PathBuf {
    home.run(&["rubric", "init", dir]).code(0).quiet();
    home.path().join(dir)
}

#[test]
fn rubric_check_accepts_the_shipped_rubrics() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    for name in ["common", "behavioral", "situational", "general", "career"] {
        let path = dir.join(format!("{name}.toml"));
        home.run(&["rubric", "check", path.to_str().unwrap()])
            .code(0)
            .quiet()
            .out_has(&format!("rubric `{name}`"))
            .out_has("examples hold");
    }
}

#[test]
fn rubric_check_an_invalid_regex_names_its_rule() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("career.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(r"'\b(?:team lead(?:er)?|", r"'\b(?:team lead(?:er?|", 1);
    assert_ne!(
        broken, text,
        "the fixture rule is gone from career.toml; pick another"
    );
    std::fs::write(&path, broken).unwrap();
    home.run(&["rubric", "check", path.to_str().unwrap()])
        .code(3)
        .err_has("career.toml:")
        .err_has("rule `specificity.goal`: invalid regex")
        .err_has("= help: ");
}

#[test]
fn rubric_check_a_failing_example() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("career.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(
        "{ text = \"In five years I see myself as a team leader.\", hits = 1 }",
        "{ text = \"In five years I see myself on a beach.\", hits = 1 }",
        1,
    );
    assert_ne!(
        broken, text,
        "the fixture example is gone from career.toml; pick another"
    );
    std::fs::write(&path, broken).unwrap();
    home.run(&["rubric", "check", path.to_str().unwrap()])
        .code(3)
        .err_has("specificity.goal")
        .err_has("example \"In five years I see myself on a beach.\": expected 1 hits, got 0")
        .err_has("= help: fix the rule, or the example if the rule is right");
}

#[test]
fn rubric_check_a_ceiling_that_is_not_a_score() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("behavioral.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("ceiling = 44\n", "ceiling = 440\n", 1);
    assert_ne!(
        broken, text,
        "behavioral.toml has no `ceiling = 44` any more; pick another"
    );
    std::fs::write(&path, broken).unwrap();
    home.run(&["rubric", "check", path.to_str().unwrap()])
        .code(3)
        .err_has("behavioral.toml:")
        .err_has("`ceiling = 440` is not an overall score")
        .err_has("= help: give the highest overall score");
}

#[test]
fn rubric_check_points_a_bad_min_at_its_own_line_in_words_a_coach_knows() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("behavioral.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // The first `min = 1` after `[[rule]]`: situation.present's.
    let rule = text.find("[[rule]]").unwrap();
    let at = rule
        + text[rule..]
            .find("\nmin = 1\n")
            .expect("a rule with min = 1")
        + 1;
    let line = text[..at].lines().count() + 1;
    let mut broken = text.clone();
    broken.replace_range(at..at + "min = 1".len(), "min = 0");
    std::fs::write(&path, broken).unwrap();
    let run = home.run(&["rubric", "check", path.to_str().unwrap()]);
    run.code(3)
        .err_has(&format!("behavioral.toml:{line}:7: rule `"))
        .err_has("`min = 0` would give the rule's points to every answer")
        .err_has(&format!("{line} | min = 0"));
    assert!(!run.err.contains("credit rule"), "{}", run.err);
}
