//! `starcoach job-ad FILE` and `practice --job-ad FILE`, driving the binary on the postings
//! written for the tests (`tests/data/job-ads/`).

mod common;

use std::path::PathBuf;

fn ad(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/job-ads")
        .join(name)
}

fn run(args: &[&str], stdin: &str) -> (String, String, i32) {
    let home = tempfile::tempdir().unwrap();
    let out = common::starcoach(home.path())
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        common::stdout(&out),
        common::stderr(&out),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn job_ad_shows_the_asks_the_level_and_what_was_not_read() {
    let long = ad("long.md");
    let (out, err, code) = run(&["job-ad", long.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "Job ad: Customer Care Specialist (Bilingual English/Spanish) at Northwind Health"
        ),
        "{out}"
    );
    assert!(
        out.contains("Level: experienced, from the posting (line 21: \"2+ years\")"),
        "{out}"
    );
    assert!(
        out.contains("- de-escalation: \"De-escalate\" (line 14) · questions on it: "),
        "{out}"
    );
    assert!(
        out.contains("Not read for asks: Benefits (lines 26-32), legal text (lines 38-40)."),
        "{out}"
    );
    // --level wins over the posting, and says so.
    let (out, _, _) = run(&["job-ad", long.to_str().unwrap(), "--level", "entry"], "");
    assert!(
        out.contains("Level: entry (as you asked; the posting reads experienced: \"2+ years\")."),
        "{out}"
    );
}

#[test]
fn job_ad_for_another_kind_of_job_says_it_found_little() {
    let (out, _, code) = run(&["job-ad", ad("engineer.txt").to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("Little here matches customer-service work"),
        "{out}"
    );
}

#[test]
fn job_ad_json_has_the_asks() {
    let (out, _, code) = run(&["job-ad", ad("short.txt").to_str().unwrap(), "--json"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["asks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["inbound-calls", "de-escalation", "shift-work"]);
    assert_eq!(v["level"]["level"], "entry");
}

#[test]
fn a_missing_or_empty_posting_is_a_clear_error() {
    let (_, err, code) = run(&["job-ad", "no-such-posting.txt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("no-such-posting.txt: no such file"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let (_, err, code) = run(&["practice", "--job-ad", empty.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("the file is empty: paste the job posting's text into it"),
        "{err}"
    );
}

#[test]
fn practice_for_a_job_ad_asks_what_it_covers_judges_at_its_level_and_says_what_each_answer_speaks_to()
 {
    let short = ad("short.txt");
    let answer = "A caller was shouting on the phone about an outage. I stayed calm, listened and explained when power would be back. She thanked me.\n\n";
    let (out, err, code) = run(
        &[
            "practice",
            "--no-save",
            "--seed",
            "3",
            "--kind",
            "behavioral",
            "--count",
            "1",
            "--job-ad",
            short.to_str().unwrap(),
        ],
        answer,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("For Customer Service Representative, which asks for: inbound calls;"),
        "{out}"
    );
    assert!(out.contains("Level: entry, from the posting"), "{out}");
    assert!(out.contains("Judged at entry level"), "{out}");
    assert!(
        out.contains("For the job ad, this answer speaks to: inbound calls; de-escalation."),
        "{out}"
    );
    // The first question covers one of the posting's asks (its tags are the ask's).
    let tags_line = out
        .lines()
        .find(|l| l.starts_with("Question 1 of 1 · behavioral · "))
        .unwrap();
    assert!(
        [
            "high-volume",
            "efficiency",
            "communication",
            "de-escalation",
            "difficult-customers",
            "composure",
            "conflict-resolution",
            "service-recovery",
            "adaptability"
        ]
        .iter()
        .any(|t| tags_line.contains(t)),
        "{tags_line}"
    );
}
