//! Failures 1 and 3: an output never replaces an input (same file by device and inode), and
//! an output is written whole or not at all.

use super::*;

fn answers_csv(home: &Path) -> PathBuf {
    let p = home.join("a.csv");
    std::fs::write(
        &p,
        format!("candidate,question,answer\nAna,{ANGRY},\"{ANSWER}\"\n"),
    )
    .unwrap();
    p
}

#[test]
fn grade_refuses_to_write_over_its_input_by_any_name() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let input = answers_csv(h);
    let before = std::fs::read(&input).unwrap();
    std::os::unix::fs::symlink("a.csv", h.join("link.csv")).unwrap();
    std::fs::hard_link(&input, h.join("hard.csv")).unwrap();
    for out in ["a.csv", "./a.csv", "link.csv", "hard.csv"] {
        run(h, &["grade", "a.csv", "-o", out], "")
            .code(2)
            .err_has("not written, because it is the answers file (a.csv)");
    }
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the answers are intact"
    );
    // Any other file is fine, and replaced whole.
    std::fs::write(h.join("grades.csv"), "old").unwrap();
    run(h, &["grade", "a.csv", "-o", "grades.csv"], "").code(0);
    let grades = std::fs::read_to_string(h.join("grades.csv")).unwrap();
    assert!(grades.starts_with("candidate,question"), "{grades}");
}

#[test]
fn grade_refuses_an_output_inside_a_graded_folder_and_a_rubric_it_reads() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    std::fs::create_dir_all(h.join("cohort/Ana")).unwrap();
    std::fs::write(h.join("cohort/Ana").join(format!("{ANGRY}.txt")), ANSWER).unwrap();
    let answer = format!("cohort/Ana/{ANGRY}.txt");
    // Through a link with another extension, so only the inode can tell.
    std::os::unix::fs::symlink(&answer, h.join("out.md")).unwrap();
    run(h, &["grade", "cohort", "-o", "out.md"], "")
        .code(2)
        .err_has("it is the answers file");
    assert_eq!(std::fs::read_to_string(h.join(&answer)).unwrap(), ANSWER);
    let rubric = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics/behavioral.toml"),
    )
    .unwrap();
    std::fs::write(h.join("behavioral.toml"), &rubric).unwrap();
    std::os::unix::fs::symlink("behavioral.toml", h.join("report.md")).unwrap();
    run(
        h,
        &[
            "--rubric",
            "behavioral.toml",
            "grade",
            "cohort",
            "-o",
            "report.md",
        ],
        "",
    )
    .code(2)
    .err_has("it is the rubric");
    assert_eq!(
        std::fs::read_to_string(h.join("behavioral.toml")).unwrap(),
        rubric
    );
}

#[test]
fn report_refuses_to_write_over_the_history_and_stdout_into_it_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    run(
        h,
        &["practice", "--question", ANGRY],
        &format!("{ANSWER}\n\n"),
    )
    .code(0);
    let data = h.join("data");
    let before = std::fs::read(data.join("attempts.jsonl")).unwrap();
    let hist = data.join("attempts.jsonl");
    let hist = hist.to_str().unwrap();
    run(h, &["report", "-f", "json", "-o", hist], "")
        .code(2)
        .err_has("it is the practice history");
    // `>> attempts.jsonl`: stdout appends to the history itself.
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .open(data.join("attempts.jsonl"))
        .unwrap();
    for args in [
        &["report", "-f", "json"][..],
        &["history", "-f", "json"][..],
    ] {
        let out = cmd(h)
            .args(args)
            .stdout(appended.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("redirected into the practice history"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(data.join("attempts.jsonl")).unwrap(), before);
}

#[test]
fn drill_refuses_to_write_its_summary_over_the_plan() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let plan = run(h, &["drill", "show", "de-escalation"], "");
    plan.code(0);
    std::fs::write(h.join("plan.toml"), &plan.out).unwrap();
    run(
        h,
        &["drill", "plan.toml", "--output", "plan.toml", "--no-save"],
        &format!("{ANSWER}\n\n"),
    )
    .code(2)
    .err_has("it is the drill plan (plan.toml)");
    assert_eq!(
        std::fs::read_to_string(h.join("plan.toml")).unwrap(),
        plan.out
    );
}

#[test]
fn the_same_output_twice_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    answers_csv(h);
    run(h, &["grade", "a.csv", "-o", "g.csv", "-o", "./g.csv"], "")
        .code(2)
        .err_has("are the same file");
}

/// Failure 3: on a full disk, `grade -o` used to truncate the good report it was replacing.
#[test]
fn a_full_disk_leaves_the_old_output_whole() {
    let Some(fs) = Tmpfs::mount("64k", "the full-disk output test") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    answers_csv(h);
    let out = fs.path().join("grades.md");
    run(h, &["grade", "a.csv", "-o", out.to_str().unwrap()], "").code(0);
    let good = std::fs::read_to_string(&out).unwrap();
    assert!(good.len() > 1000, "a report of some size: {good}");
    fs.fill();
    run(h, &["grade", "a.csv", "-o", out.to_str().unwrap()], "")
        .code(2)
        .err_has("the disk is full");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), good);
    let left: Vec<_> = std::fs::read_dir(fs.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
}
