//! `starcoach rubric compare`: the same answers under two rubrics, and exactly what changed.

use predicates::prelude::*;

use super::{MIDDLE, STRONG, Sandbox, WEAK, edited, shipped};

fn answers(sb: &Sandbox) {
    let rows: Vec<String> = [("Ana", STRONG), ("Ben", MIDDLE), ("Cy", WEAK)]
        .iter()
        .map(|(c, a)| {
            serde_json::json!({"candidate": c, "question": "angry-customer-call-center", "answer": a})
                .to_string()
        })
        .collect();
    sb.write("a.jsonl", rows.join("\n"));
}

#[test]
fn a_weight_change_shows_in_the_rubric_diff_and_the_scores() {
    let sb = Sandbox::new();
    answers(&sb);
    sb.write(
        "new/behavioral.toml",
        edited(
            "rubrics/behavioral.toml",
            "\nmetrics = 1.0\n",
            "\nmetrics = 3.0\n",
        ),
    );
    let out = sb
        .cmd()
        .args([
            "rubric",
            "compare",
            "current",
            "new/behavioral.toml",
            "a.jsonl",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("behavioral\n    - weight of metrics: 1 → 3\n"),
        "{out}"
    );
    assert!(out.contains("answers change score"), "{out}");
    assert!(out.contains("Ben "), "{out}");

    let json = sb
        .cmd()
        .args([
            "rubric",
            "compare",
            "current",
            "new/behavioral.toml",
            "a.jsonl",
            "-f",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc["summary"]["answers"], 3);
    let changes = doc["answers"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["delta"].as_f64().unwrap() != 0.0),
        "{doc}"
    );
    for c in changes {
        let d = c["new"].as_f64().unwrap() - c["old"].as_f64().unwrap();
        assert!((d - c["delta"].as_f64().unwrap()).abs() < 0.06, "{c}");
    }
}

#[test]
fn a_threshold_change_makes_findings_disappear_and_scores_rise() {
    let sb = Sandbox::new();
    answers(&sb);
    // A rubric folder as `rubric init` writes it: common.toml is the base the others extend.
    sb.write(
        "mine/common.toml",
        edited(
            "rubrics/common.toml",
            "points = 60\nmin = 45\n",
            "points = 60\nmin = 5\n",
        ),
    );
    sb.write("mine/behavioral.toml", shipped("rubrics/behavioral.toml"));
    let out = sb
        .cmd()
        .args([
            "rubric", "compare", "current", "mine", "a.jsonl", "-f", "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = super::csv_rows(&String::from_utf8(out).unwrap());
    let h = &rows[0];
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let ben = rows.iter().find(|r| r[0] == "Ben").unwrap();
    assert!(
        ben[col("disappeared")].contains("delivery.too-short"),
        "{rows:?}"
    );
    assert!(ben[col("delta")].parse::<f64>().unwrap() > 0.0, "{rows:?}");

    let md = sb
        .cmd()
        .args([
            "rubric", "compare", "current", "mine", "a.jsonl", "-f", "markdown",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("- rule `delivery.too-short`: credit 60 from 45 → credit 60 from 5\n"),
        "{md}"
    );
    assert!(
        md.contains("Findings that disappear: `delivery.too-short`"),
        "{md}"
    );
}

#[test]
fn the_same_rubric_twice_changes_nothing() {
    let sb = Sandbox::new();
    answers(&sb);
    sb.write("same/behavioral.toml", shipped("rubrics/behavioral.toml"));
    sb.cmd()
        .args([
            "rubric",
            "compare",
            "current",
            "same/behavioral.toml",
            "a.jsonl",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "score these kinds of question the same way",
        ))
        .stdout(predicate::str::contains(
            "No change: all 3 answers score the same",
        ));
}

#[test]
fn a_missing_rubric_is_a_usage_error() {
    let sb = Sandbox::new();
    answers(&sb);
    sb.cmd()
        .args(["rubric", "compare", "current", "nope.toml", "a.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nope.toml: no such rubric file or folder",
        ));
}

#[test]
fn rubric_init_points_at_compare() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["rubric", "init", "mine"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "starcoach rubric compare current mine answers.csv",
        ));
    assert!(sb.path("mine/behavioral.toml").is_file());
    assert!(sb.path("mine/common.toml").is_file());
}
