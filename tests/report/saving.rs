//! Every answer is on disk as soon as it is given; a folder that cannot be written to costs
//! one clear note, never the session.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::*;

/// Kills a session with SIGKILL after N answers are on disk and finds all N, readable.
#[test]
fn killing_a_session_mid_way_keeps_every_completed_answer() {
    let dir = tempfile::tempdir().unwrap();
    let exe = assert_cmd::cargo::cargo_bin("starcoach");
    let mut child = std::process::Command::new(exe)
        .env_remove("STARCOACH_DATA_DIR")
        .env_remove("STARCOACH_NAME")
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "--name",
            "Ana",
            "practice",
            "--question",
            Q1,
            "--question",
            Q2,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Two answers and a retry, then half an answer that is never sent.
    let input = format!("{WEAK}\n\n\n{STRONG}\n\n:retry\n{NASTY}\n\nI started to say something");
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let n = 3;
    // Not a timing assertion: only a guard so a broken build cannot hang the test run.
    let guard = Instant::now() + Duration::from_secs(300);
    while lines(dir.path()).len() < n {
        assert!(
            Instant::now() < guard,
            "the session never saved {n} answers: {:?}",
            lines(dir.path())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    drop(stdin);

    let saved = lines(dir.path());
    assert_eq!(saved.len(), n, "{saved:#?}");
    let out = bin()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["history", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(&str, bool)> = records
        .iter()
        .map(|r| {
            (
                r["question"].as_str().unwrap(),
                r["retry"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [(Q1, false), (Q2, false), (Q2, true)]);
    assert!(records.iter().all(|r| r["name"] == "Ana"));
    assert!(!saved.iter().any(|l| l.contains("I started to say")));
}

/// Runs two answers with `dir` as the data folder; returns stdout. The answers that cannot be
/// saved go to a file in TMPDIR at the end (a folder of the test's own here), and the exit
/// status says something needs attention.
fn practise_unsaved(dir: &Path) -> String {
    let rescue = tempfile::tempdir().unwrap();
    let out = bin()
        .env("TMPDIR", rescue.path())
        .arg("--data-dir")
        .arg(dir)
        .args([
            "practice",
            "--question",
            Q1,
            "--question",
            Q2,
            "--count",
            "2",
        ])
        .write_stdin(format!("{WEAK}\n\n\n{STRONG}\n\n\n"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let kept: Vec<_> = std::fs::read_dir(rescue.path())
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1, "one file of unsaved answers: {kept:?}");
    let text = std::fs::read_to_string(kept[0].path()).unwrap();
    assert_eq!(text.lines().count(), 2, "both answers are kept: {text}");
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("2 answers were not saved"), "{stdout}");
    assert!(
        flat.contains(&kept[0].path().display().to_string()),
        "{stdout}"
    );
    stdout
}

fn assert_one_note(stdout: &str, reason: &str) {
    assert_eq!(
        stdout.matches("not being saved").count(),
        1,
        "one note, not one per answer:\n{stdout}"
    );
    let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(reason),
        "the note says why ({reason}):\n{stdout}"
    );
    assert!(flat.contains("Practice goes on"));
    assert_eq!(
        stdout.matches("Overall ").count(),
        2,
        "both answers got feedback"
    );
    assert!(!stdout.contains("Saved to"));
}

#[test]
fn a_folder_that_cannot_be_created_costs_one_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    // Even root cannot make a folder inside a file.
    let out = practise_unsaved(&file.join("starcoach"));
    assert_one_note(&out, "part of this path is a file, not a folder");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_costs_one_note() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/full", dir.path().join("attempts.jsonl")).unwrap();
    let out = practise_unsaved(dir.path());
    assert_one_note(&out, "the disk is full");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_costs_one_note() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("read-only");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(ro.join("probe"), "").is_ok() {
        skip("running as root, read-only folders are writable");
        return;
    }
    let out = practise_unsaved(&ro);
    assert_one_note(&out, "permission denied");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}
