//! Failures 4 and 5: a full disk never leaves a fragment, unsaved answers are kept and saved
//! when space returns, and a record is on disk before its feedback is shown; a fragment left
//! by another process never swallows the next record.

use super::*;

/// Three answers on a disk that is full for the first and has room again from the second.
#[test]
fn saving_resumes_when_space_returns_and_nothing_is_lost() {
    let Some(fs) = Tmpfs::mount("48k", "the full-disk practice test") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let data = fs.path().join("data");
    let filler = fs.fill();
    let mut s = Live::start(
        home.path(),
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "practice",
            "--question",
            ANGRY,
        ],
    );
    s.send(&format!("{ANSWER}\n\n"));
    s.wait_for("Overall ", 1);
    let seen = flat(&s.seen());
    assert!(
        seen.contains("your answers are not being saved ("),
        "{seen}"
    );
    assert!(seen.contains("the disk is full"), "{seen}");
    let size = std::fs::metadata(data.join("attempts.jsonl")).map_or(0, |m| m.len());
    assert_eq!(size, 0, "no fragment of the failed append is left");
    std::fs::remove_file(filler).unwrap();
    s.send(":retry\nThe second answer, a retry: I refunded $40 the same day.\n\n");
    s.wait_for("Overall ", 2);
    assert!(flat(&s.seen()).contains("Saving works again: 1 kept answer and this one are saved"));
    s.send(":retry\nThe third answer: she stayed a customer.\n\n");
    s.wait_for("Overall ", 3);
    let (code, out) = s.finish();
    assert_eq!(code, 0, "everything was saved in the end:\n{out}");
    let (records, bad) = history(&data);
    assert_eq!(bad, 0);
    let answers: Vec<&str> = records
        .iter()
        .map(|r| r["answer"].as_str().unwrap())
        .collect();
    assert_eq!(answers.len(), 3, "{answers:?}");
    assert!(answers[0].starts_with("Last spring"));
    assert!(answers[2].starts_with("The third answer"));
    run(
        home.path(),
        &["--data-dir", data.to_str().unwrap(), "history"],
        "",
    )
    .code(0);
}

/// A disk that stays full: the append that would cut a record in two is taken back, the
/// answers go to a file elsewhere, and the summary and the exit status say so.
#[test]
fn a_disk_that_stays_full_keeps_the_history_readable_and_says_where_the_answers_are() {
    let Some(fs) = Tmpfs::mount("48k", "the full-disk practice test") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let data = fs.path().join("data");
    let d = data.to_str().unwrap();
    // Some history first, so the last block of the file is partly free.
    run(
        home.path(),
        &["--data-dir", d, "practice", "--question", ANGRY],
        &format!("{ANSWER}\n\n"),
    )
    .code(0);
    // Pad the file (with a blank line, which readers skip) to just short of a full block, so
    // the next record is cut off by the full disk part way through.
    let hist = data.join("attempts.jsonl");
    let len = std::fs::metadata(&hist).unwrap().len() as usize;
    assert!(len < 4000, "one record fits in a block: {len}");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&hist)
        .unwrap();
    f.write_all(format!("{}\n", " ".repeat(4096 - 40 - len)).as_bytes())
        .unwrap();
    drop(f);
    fs.fill();
    let r = run(
        home.path(),
        &[
            "--data-dir",
            d,
            "practice",
            "--question",
            ANGRY,
            "--question",
            ABOUT,
        ],
        &format!("{ANSWER}\n\n\nI have five years in retail and I love helping people.\n\n"),
    );
    r.code(1).out_has("2 answers were not saved to");
    let (records, bad) = history(&data);
    assert_eq!(
        (records.len(), bad),
        (1, 0),
        "no fragment after the first record"
    );
    run(home.path(), &["--data-dir", d, "history"], "").code(0);
    run(home.path(), &["--data-dir", d, "report"], "").code(0);
    let kept: Vec<PathBuf> = std::fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("starcoach-unsaved-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    r.out_has(&kept[0].display().to_string());
    let text = std::fs::read_to_string(&kept[0]).unwrap();
    assert_eq!(text.lines().count(), 2);
}

/// Failure 5, second half: with saving failing, the note about it comes before the feedback,
/// because the record is written (and synced) before the feedback is shown.
#[cfg(target_os = "linux")]
#[test]
fn the_record_is_written_before_the_feedback_is_shown() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("full");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink("/dev/full", data.join("attempts.jsonl")).unwrap();
    let r = run(
        home.path(),
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "practice",
            "--question",
            ANGRY,
        ],
        &format!("{ANSWER}\n\n"),
    );
    let note = r.out.find("not being saved").expect("the note");
    let feedback = r.out.find("Overall ").expect("the feedback");
    assert!(note < feedback, "the save comes first:\n{}", r.out);
}

/// Failure 5: another process leaves a cut-off line while a session runs; the session's next
/// record starts on a line of its own instead of being glued to it.
#[test]
fn a_fragment_left_by_another_process_does_not_swallow_the_next_record() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut s = Live::start(home.path(), &["practice", "--question", ANGRY]);
    s.send(&format!("{ANSWER}\n\n"));
    s.wait_for("Overall ", 1);
    std::fs::OpenOptions::new()
        .append(true)
        .open(data.join("attempts.jsonl"))
        .unwrap()
        .write_all(b"{\"v\":1,\"time\":\"2026-")
        .unwrap();
    s.send(":retry\nA retry: I refunded $40 the same day and she stayed.\n\n");
    s.wait_for("Overall ", 2);
    let (code, _) = s.finish();
    assert_eq!(code, 0);
    let (records, bad) = history(&data);
    assert_eq!(
        (records.len(), bad),
        (2, 1),
        "both records, and the fragment alone"
    );
    assert_eq!(records[1]["retry"], true);
}
