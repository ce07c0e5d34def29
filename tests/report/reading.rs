//! Reading history back: every damaged or foreign line is skipped with a warning naming file
//! and line, and the rest is read.

use std::io::Write;

use super::*;

fn append(dir: &Path, text: &str) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join("attempts.jsonl"))
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

#[test]
fn damaged_and_foreign_lines_are_skipped_with_a_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    practice(dir.path(), Some("Ana"), &[Q1, Q2], &[WEAK, STRONG]);
    let good = lines(dir.path())[0].clone();
    let newer = good.replacen("\"v\":1", "\"v\":99", 1);
    append(
        dir.path(),
        &format!(
            "this is not json\n{{\"event\":\"login\",\"user\":\"ana\"}}\n\n{newer}\n[\"a\",\"list\"]\n{}",
            &good[..good.len() / 2]
        ),
    );
    let out = bin()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("history")
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let file = dir.path().join("attempts.jsonl");
    for (line, why) in [
        (3, "not valid JSON"),
        (4, "no `v` field"),
        (6, "newer than this starcoach"),
        (7, "expected a JSON object"),
        (8, "cut off"),
    ] {
        let want = format!("warning: {}:{line}: skipped this line: ", file.display());
        let hit = stderr.lines().find(|l| l.starts_with(&want));
        assert!(
            hit.is_some_and(|l| l.contains(why)),
            "line {line} ({why}):\n{stderr}"
        );
    }
    assert_eq!(stderr.matches("warning:").count(), 5, "{stderr}");
    assert!(stdout.contains(Q1) && stdout.contains(Q2), "{stdout}");
    assert!(stdout.contains("2 answers in 1 session "), "{stdout}");

    // The next session starts on a line of its own and is read despite the damage before it.
    practice(dir.path(), Some("Ana"), &[Q1], &[STRONG]);
    let json = bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["history", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    assert_eq!(records.len(), 3);

    // The report reads the same history, with the same warnings.
    bin()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("report")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("What to practise next"))
        .stderr(predicates::str::contains("skipped this line"));
}

#[test]
fn no_history_yet_says_where_it_will_be() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["history", "report"] {
        bin()
            .arg("--data-dir")
            .arg(dir.path())
            .arg(cmd)
            .assert()
            .success()
            .stderr(predicates::str::contains("no practice history yet in"));
    }
    bin()
        .arg("--data-dir")
        .arg(dir.path())
        .arg("report")
        .assert()
        .stdout(predicates::str::contains("starcoach practice"));
}

#[test]
fn bad_filters_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["report", "--since", "last tuesday"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--since `last tuesday`: expected a date",
        ));
    bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["history", "--question", "angry-customer-call-centre"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("angry-customer-call-center"));
}

#[test]
fn filters_pick_the_person_the_tag_and_the_question() {
    let dir = tempfile::tempdir().unwrap();
    practice(dir.path(), Some("Ana"), &[Q1, Q2], &[WEAK, STRONG]);
    practice(dir.path(), Some("Ben"), &[Q1], &[WEAK]);
    let count = |args: &[&str]| -> usize {
        let out = bin()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["history", "--format", "json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<Vec<serde_json::Value>>(&out)
            .unwrap()
            .len()
    };
    assert_eq!(count(&[]), 3);
    assert_eq!(count(&["--name", "ana"]), 2);
    assert_eq!(count(&["--name", "Cy"]), 0);
    assert_eq!(
        count(&["--tag", "de-escalation"]),
        2,
        "{Q1} is tagged de-escalation"
    );
    assert_eq!(count(&["--question", Q2]), 1);
    assert_eq!(count(&["--since", "2000-01-01"]), 3);
    assert_eq!(count(&["--since", "2999-01-01"]), 0);
}
