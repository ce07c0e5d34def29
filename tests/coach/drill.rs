//! `starcoach drill`: a plan run on piped input, recorded, summarized; `drill check`.

use predicates::prelude::*;

use super::{MIDDLE, STRONG, Sandbox, edited};

/// Two answers, then the end of input: the REPL reads plain lines when stdin is a pipe, a blank
/// line ends an answer, and an empty line after the feedback moves on.
fn two_answers() -> String {
    format!("{STRONG}\n\n\n:hint\n{MIDDLE}\n\n\n")
}

#[test]
fn a_drill_runs_on_piped_input_is_recorded_and_summarized_for_the_coach() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .args([
            "drill",
            "de-escalation",
            "--name",
            "Ana Diaz",
            "--output",
            "ana.md",
        ])
        .args(["--data-dir", "data"])
        .write_stdin(two_answers())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Drill: De-escalation: calming an upset caller"),
        "{out}"
    );
    assert!(
        out.contains("Suggested time per answer: 2 minutes."),
        "{out}"
    );
    assert!(out.contains("Question 1 of 4"), "{out}");
    assert!(out.contains("Question 2 of 4"), "{out}");
    assert!(out.contains("Hints are off in this drill."), "{out}");
    assert!(!out.contains(":hint shows what to cover"), "{out}");
    assert!(out.contains("Summary for your coach: ana.md"), "{out}");

    // Recorded in the history like any session, with the drill and the candidate.
    let history = sb.read("data/attempts.jsonl");
    let records: Vec<serde_json::Value> = history
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{history}");
    for r in &records {
        assert_eq!(r["drill"], "de-escalation");
        assert_eq!(r["name"], "Ana Diaz");
    }
    assert_eq!(records[0]["question"], "angry-customer-call-center");

    let md = sb.read("ana.md");
    assert!(
        md.starts_with("# Drill: De-escalation: calming an upset caller"),
        "{md}"
    );
    assert!(md.contains("**Candidate:** Ana Diaz"), "{md}");
    assert!(md.contains("**Answered:** 2 of 4 questions"), "{md}");
    assert!(md.contains("| 3 | Tell me about a time"), "{md}");
    assert!(md.contains("not answered"), "{md}");
    assert!(md.contains("## Practise next"), "{md}");
    assert!(md.contains("### STAR map"), "{md}");
}

#[test]
fn no_save_keeps_the_history_untouched() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["drill", "first-call-center-interview", "--no-save"])
        .args(["--data-dir", "data"])
        .write_stdin(format!("{MIDDLE}\n\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Question 1 of 6"));
    assert!(!sb.path("data/attempts.jsonl").exists());
}

#[test]
fn a_plan_with_its_own_rubric_is_scored_with_it() {
    let sb = Sandbox::new();
    sb.write(
        "plans/strict.toml",
        edited(
            "rubrics/behavioral.toml",
            "message = \"No result: the story stops before it ends.\"",
            "message = \"COACH SAYS: finish the story.\"",
        ),
    );
    sb.write(
        "plans/drill.toml",
        "[drill]\nid = \"mine\"\ntitle = \"Mine\"\nrubric = \"strict.toml\"\n\n[[question]]\nid = \"angry-customer-call-center\"\n",
    );
    sb.cmd()
        .args(["drill", "plans/drill.toml", "--no-save"])
        .write_stdin(
            "Last week a customer called about a late order. I apologized and I checked the \
             tracking, then I booked a courier.\n\n",
        )
        .assert()
        .success()
        .stdout(predicate::str::contains("COACH SAYS: finish the story."));
}

#[test]
fn drill_check_names_unknown_ids_and_tags_with_suggestions() {
    let sb = Sandbox::new();
    sb.write(
        "bad.toml",
        "[drill]\nid = \"bad\"\ntitle = \"Bad\"\n\n[[question]]\nid = \"angry-custmer-call-center\"\n\n[[question]]\ntag = \"empathie\"\ncount = 2\n",
    );
    sb.cmd()
        .args(["drill", "check", "bad.toml"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: bad.toml:6:6: unknown question id `angry-custmer-call-center`; did you mean `angry-customer-call-center`",
        ))
        .stderr(predicate::str::contains(
            "bad.toml:9:7: no question has the tag `empathie`; did you mean `empathy`?",
        ))
        .stderr(predicate::str::contains("2 problems found"));
}

#[test]
fn drill_check_reports_a_missing_rubric_and_unknown_keys() {
    let sb = Sandbox::new();
    sb.write(
        "d.toml",
        "[drill]\nid = \"d\"\ntitle = \"D\"\nrubric = \"nope.toml\"\n\n[[question]]\nid = \"tell-me-about-yourself\"\n",
    );
    sb.cmd()
        .args(["drill", "check", "d.toml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "d.toml:4:10: rubric file `nope.toml` does not exist",
        ));
    sb.write(
        "e.toml",
        "[drill]\nid = \"e\"\ntitle = \"E\"\nhint = false\n",
    );
    sb.cmd()
        .args(["drill", "check", "e.toml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("e.toml:4:1: unknown field `hint`"));
}

#[test]
fn the_shipped_drills_check_and_list() {
    let sb = Sandbox::new();
    sb.cmd()
        .args([
            "drill",
            "check",
            "de-escalation",
            "first-call-center-interview",
            "metrics-and-results",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok  embedded:prompts/drills/de-escalation.toml  drill `de-escalation`: 4 questions",
        ));
    sb.cmd()
        .args(["drill", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("metrics-and-results"));
    sb.cmd()
        .args(["drill", "show", "metrics-and-results"])
        .assert()
        .success()
        .stdout(predicate::str::contains("order = \"shuffled\""));
}

#[test]
fn an_unknown_plan_lists_the_shipped_ones() {
    Sandbox::new()
        .cmd()
        .args(["drill", "de-escalaton"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `de-escalation`?"))
        .stderr(predicate::str::contains("shipped drills: de-escalation,"));
}

#[test]
fn the_summary_can_be_html() {
    let sb = Sandbox::new();
    sb.cmd()
        .args([
            "drill",
            "de-escalation",
            "--no-save",
            "--name",
            "Ana <D>",
            "-o",
            "ana.html",
        ])
        .write_stdin(format!("{STRONG}\n\n"))
        .assert()
        .success();
    let html = sb.read("ana.html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Ana &lt;D&gt;"), "{html}");
    assert!(!html.contains("Ana <D>"), "{html}");
    assert!(html.contains("1 of 4 questions"), "{html}");
    assert!(
        html.contains("class=\"star-"),
        "the answer coloured by STAR part"
    );
}
