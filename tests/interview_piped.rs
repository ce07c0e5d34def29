//! `starcoach interview` through a pipe: the order of the stages, nothing but "Thank you"
//! before the end, the debrief, the history record, `--output`, and bad arguments refused
//! before the first question.

mod common;

use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

struct Run {
    out: String,
    err: String,
    code: i32,
    home: tempfile::TempDir,
}

fn interview(args: &[&str], stdin: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = common::starcoach(home.path())
        .arg("interview")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    Run {
        out: common::stdout(&out),
        err: common::stderr(&out),
        code: out.status.code().unwrap_or(-1),
        home,
    }
}

fn answers() -> String {
    std::fs::read_to_string(data("interview-answers.txt")).unwrap()
}

fn records(home: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(home.join("data/attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_full_interview_runs_the_stages_in_order_and_holds_the_feedback_to_the_end() {
    let ad = data("job-ads/short.txt");
    let run = interview(
        &["--seed", "7", "--job-ad", ad.to_str().unwrap()],
        &answers(),
    );
    assert_eq!(run.code, 0, "{}", run.err);
    let out = &run.out;
    let debrief = out.find("Mock interview debrief").expect("a debrief");
    let before = &out[..debrief];
    // No score, fix or hint before the debrief.
    for word in ["/100", "Fix", "Hint:", "STAR map"] {
        assert!(
            !before.contains(word),
            "{word} before the debrief:\n{before}"
        );
    }
    assert_eq!(before.matches("Thank you.").count(), 8, "{before}");
    // Opener first, the closing question last, the follow-up just before it.
    assert!(
        before.contains(
            "Question 1 of 7 · suggested time 1 minute 30 seconds\nTell me about yourself.\n"
        ),
        "{before}"
    );
    let follow = before
        .find("\nFollow-up\nBefore we wrap up")
        .expect("a follow-up");
    let closing = before.find("Question 7 of 7 · suggested time 1 minute\nThat's all from me. Do you have any questions for us?").expect("the closing question");
    assert!(follow < closing);
    // The debrief: each answer with its stage, in the plan's order.
    let after = &out[debrief..];
    let mut at = 0;
    for (n, stage) in [
        "opener",
        "motivation",
        "behavioral",
        "situational",
        "behavioral",
        "situational",
        "closing",
    ]
    .iter()
    .enumerate()
    {
        let head = after[at..].find(&format!("\n{}. ", n + 1)).map(|i| at + i);
        let mark = after[at..].find(&format!("({stage})\n")).map(|i| at + i);
        match (head, mark) {
            (Some(h), Some(m)) if h < m => at = m,
            _ => panic!("answer {} ({stage}) not in order:\n{after}", n + 1),
        }
    }
    // Wrapped lines joined, to find sentences.
    let flat = after.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("judged at entry level"), "{after}");
    assert!(
        flat.contains("You asked: How do you measure quality on calls? (about the role)"),
        "{after}"
    );
    assert!(
        flat.contains("Questions about the role and the company"),
        "{after}"
    );
    assert!(
        flat.contains(
            "The posting asks for what no answer touched: shift work and a flexible schedule."
        ),
        "{after}"
    );
    assert!(flat.contains("Time: "), "{after}");
    assert!(flat.contains("Next steps"), "{after}");
    // Recorded as one interview: 7 answers and the follow-up, one session.
    let recs = records(run.home.path());
    assert_eq!(recs.len(), 8, "{recs:?}");
    assert!(
        recs.iter()
            .all(|r| r["interview"] == "mock interview for Customer Service Representative")
    );
    assert!(recs.iter().all(|r| r["session"] == recs[0]["session"]));
    assert_eq!(
        recs.iter()
            .filter(|r| r["follow_up_answer"] == true)
            .count(),
        1
    );
    assert_eq!(recs.last().unwrap()["question"], "interview-closing");
    // History and report show it apart from practice.
    let show = |args: &[&str]| {
        let out = common::starcoach(run.home.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::stderr(&out));
        common::stdout(&out)
    };
    let history = show(&["history"]);
    assert!(
        history.contains(" · mock interview for Customer Service Representative"),
        "{history}"
    );
    let report = show(&["report"]);
    assert!(
        report.contains("1 session (1 a mock interview)"),
        "{report}"
    );
    let html = show(&["report", "--format", "html"]);
    assert!(
        html.contains("<h3 style=\"margin-top:22px\">Mock interview of "),
        "{html}"
    );
}

#[test]
fn the_same_seed_gives_the_same_interview_and_another_seed_another() {
    // :skip passes each question, so every question is shown.
    let skip = ":skip\n".repeat(7);
    let a = interview(&["--seed", "3", "--no-save"], &skip);
    let b = interview(&["--seed", "3", "--no-save"], &skip);
    let c = interview(&["--seed", "4", "--no-save"], &skip);
    assert!(a.out.contains("Question 7 of 7"), "{}", a.out);
    assert_eq!(a.out, b.out);
    assert_ne!(a.out, c.out);
    // Both open the way phone screens do.
    assert!(
        c.out.contains(
            "Question 1 of 7 · suggested time 1 minute 30 seconds\nTell me about yourself.\n"
        ),
        "{}",
        c.out
    );
}

#[test]
fn seconds_sets_every_answers_time_and_the_debrief_compares_against_it() {
    let run = interview(&["--seed", "7", "--no-save", "--seconds", "30"], &answers());
    assert!(
        run.out
            .contains("Question 3 of 7 · suggested time 30 seconds"),
        "{}",
        run.out
    );
    assert!(run.out.contains("(target 30 seconds)"), "{}", run.out);
}

#[test]
fn output_writes_the_debrief_as_markdown_or_html() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("debrief.md");
    let run = interview(
        &["--seed", "7", "--no-save", "--output", md.to_str().unwrap()],
        &answers(),
    );
    assert_eq!(run.code, 0, "{}", run.err);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Mock interview debrief\n"), "{text}");
    assert!(text.contains("\n## The interview as a whole\n"), "{text}");
    assert!(
        text.contains("\n### 1. Tell me about yourself. (opener)\n"),
        "{text}"
    );
    let html = dir.path().join("debrief.html");
    interview(
        &[
            "--seed",
            "7",
            "--no-save",
            "--output",
            html.to_str().unwrap(),
        ],
        &answers(),
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("<h2>Next steps</h2>"), "{page}");
}

#[test]
fn bad_arguments_are_refused_before_the_first_question() {
    let run = interview(&["--output", "debrief.pdf"], &answers());
    assert_eq!(run.code, 2);
    assert!(
        run.err
            .contains("debrief.pdf: write the debrief to a .md (Markdown) or .html file"),
        "{}",
        run.err
    );
    assert!(!run.out.contains("Question 1"), "{}", run.out);
    // The debrief never overwrites the posting it read.
    let dir = tempfile::tempdir().unwrap();
    let ad = dir.path().join("ad.md");
    std::fs::write(&ad, "Customer Service Agent\n\nAnswer inbound calls.\n").unwrap();
    let run = interview(
        &[
            "--job-ad",
            ad.to_str().unwrap(),
            "--output",
            ad.to_str().unwrap(),
        ],
        &answers(),
    );
    assert_eq!(run.code, 2, "{}", run.out);
    assert!(run.err.contains("not written"), "{}", run.err);
    assert_eq!(
        std::fs::read_to_string(&ad).unwrap(),
        "Customer Service Agent\n\nAnswer inbound calls.\n"
    );
}

#[test]
fn ctrl_d_part_way_gives_the_debrief_of_what_was_answered() {
    let run = interview(
        &["--seed", "7", "--no-save"],
        "I'm a graduate who worked at the help desk.\n\n",
    );
    assert_eq!(run.code, 0);
    assert!(run.out.contains("1 question answered"), "{}", run.out);
    assert!(
        run.out.contains("1. Tell me about yourself. (opener)"),
        "{}",
        run.out
    );
}

#[test]
fn a_posting_for_another_kind_of_job_gets_the_usual_mix_and_says_so() {
    let ad = data("job-ads/engineer.txt");
    let with = interview(
        &["--seed", "5", "--no-save", "--job-ad", ad.to_str().unwrap()],
        &":skip\n".repeat(7),
    );
    let without = interview(&["--seed", "5", "--no-save"], &":skip\n".repeat(7));
    assert_eq!(with.code, 0, "{}", with.err);
    let flat = with.out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "little in it matches customer-service work, so the questions are the usual mix."
        ),
        "{}",
        with.out
    );
    assert!(
        flat.contains("Level: not set from this posting (it reads senior"),
        "{}",
        with.out
    );
    let questions = |r: &Run| r.out[r.out.find("Question 1 of").unwrap()..].to_string();
    assert_eq!(questions(&with), questions(&without));
}

/// The opener of `interview-answers.txt` with a lowercase "i" twice, as a second-language
/// candidate types it; the other answers as they are.
fn answers_with_a_lowercase_i() -> String {
    let all = answers();
    let (first, rest) = all
        .split_once("\n\n")
        .expect("answers are separated by blank lines");
    assert!(!first.trim().is_empty());
    format!(
        "i am Maria and i worked two years as a cashier, helping customers with returns every day.\n\n{rest}"
    )
}

#[test]
#[cfg_attr(not(feature = "english"), ignore = "needs the cargo feature english")]
fn the_debrief_has_written_english_notes_on_each_answer_and_a_line_for_the_whole() {
    let run = interview(&["--seed", "7", "--no-save"], &answers_with_a_lowercase_i());
    assert_eq!(run.code, 0, "{}", run.err);
    let debrief = &run.out[run.out.find("Mock interview debrief").expect("a debrief")..];
    let before = &run.out[..run.out.find("Mock interview debrief").unwrap()];
    assert!(
        !before.contains("Written English"),
        "no notes before the end:\n{before}"
    );
    let first = &debrief[debrief.find("1. ").unwrap()..debrief.find("2. ").unwrap()];
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    let whole = debrief.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        first.contains("Written English: ") && first.contains("capital “I” (2)"),
        "the opener's notes:\n{first}"
    );
    assert!(
        first.contains("“i am” → “I am”"),
        "its first correction:\n{first}"
    );
    let whole = &whole[whole.find("The interview as a whole").unwrap()..];
    assert!(
        whole.contains("Written English: ") && whole.contains("most common: capital “I”"),
        "the interview as a whole:\n{whole}"
    );
}

#[test]
fn no_english_leaves_the_notes_out_of_the_debrief() {
    let run = interview(
        &["--seed", "7", "--no-save", "--no-english"],
        &answers_with_a_lowercase_i(),
    );
    assert_eq!(run.code, 0, "{}", run.err);
    assert!(run.out.contains("Mock interview debrief"), "{}", run.out);
    assert!(!run.out.contains("Written English"), "{}", run.out);
}
