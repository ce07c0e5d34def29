//! Failures 8 and 9: a graded folder is read only for its own regular files.

use super::*;

fn cohort(home: &Path) -> PathBuf {
    let dir = home.join("cohort");
    for who in ["Ana", "Cy", "Dan"] {
        std::fs::create_dir_all(dir.join(who)).unwrap();
    }
    std::fs::write(dir.join("Ana").join(format!("{ANGRY}.txt")), ANSWER).unwrap();
    dir
}

#[test]
fn links_out_of_the_folder_are_not_followed_and_broken_links_are_skipped_rows() {
    let home = tempfile::tempdir().unwrap();
    let dir = cohort(home.path());
    let secret = home.path().join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:the secret line:/root:/bin/bash").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("Cy").join(format!("{ANGRY}.txt"))).unwrap();
    std::os::unix::fs::symlink("/nonexistent", dir.join("Ana").join(format!("{ABOUT}.txt")))
        .unwrap();
    // A link inside the folder is fine.
    std::os::unix::fs::symlink(
        dir.join("Ana").join(format!("{ANGRY}.txt")),
        dir.join("Dan").join(format!("{ANGRY}.txt")),
    )
    .unwrap();
    for format in ["json", "html"] {
        let r = run(home.path(), &["grade", "cohort", "-f", format], "");
        r.code(1)
            .err_has("Cy/angry-customer-call-center.txt: a link to")
            .err_has("outside the graded folder: not followed (skipped)")
            .err_has("Ana/tell-me-about-yourself.txt: a broken link")
            .err_has("2 rows skipped, 2 graded");
        assert!(
            !r.out.contains("the secret line"),
            "{format} shows the file"
        );
    }
}

#[test]
fn a_fifo_in_the_folder_is_skipped_not_waited_on() {
    let home = tempfile::tempdir().unwrap();
    let dir = cohort(home.path());
    let fifo = dir.join("Dan").join(format!("{ANGRY}.txt"));
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // `run` gives up after a minute: before, grade waited on the FIFO forever.
    run(home.path(), &["grade", "cohort", "-f", "csv"], "")
        .code(1)
        .err_has(
            "Dan/angry-customer-call-center.txt: not a regular file (a pipe, socket or device)",
        )
        .err_has("1 row skipped, 1 graded");
}
