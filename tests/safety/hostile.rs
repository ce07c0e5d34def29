//! Failures 7 and 11 and the smaller items: no byte of input can drive the terminal, a closed
//! stderr is no crash, and bad CSV, UTF-16, invisible answers and a data folder that is a
//! file each get words that say what is wrong.

use super::*;

/// A cell that retitles the window, rings the bell, clears the screen and writes the
/// clipboard (OSC 52), with a bidi override.
const NASTY: &str = "\u{1b}]0;TITLE\u{7}Bob\u{1b}[2J\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{202e}";

fn nasty_csv(home: &Path) {
    std::fs::write(
        home.join("esc.csv"),
        format!(
            "candidate,question,answer\n\"{NASTY}\",{ANGRY},\"{ANSWER}\"\nZoë 王 👩‍💻,bad-id-\u{1b}[2J,\"I helped a caller \u{1b}[31mtoday.\"\n"
        ),
    )
    .unwrap();
}

#[test]
fn control_characters_from_a_file_are_shown_not_obeyed() {
    let home = tempfile::tempdir().unwrap();
    nasty_csv(home.path());
    for format in ["table", "markdown", "csv"] {
        let r = run(home.path(), &["grade", "esc.csv", "-f", format], "");
        r.code(1)
            .no_controls()
            .out_has("TITLE␇Bob␛")
            .err_has("unknown question id `bad-id-␛[2J`");
        // (The table shortens the name before the override.)
        if format != "table" {
            assert!(r.out.contains("U+202E"), "{format}: {}", r.out);
        }
    }
    // The grade table keeps ordinary Unicode as it is.
    std::fs::write(
        home.path().join("uni.csv"),
        format!("candidate,question,answer\nZoë 王 👩‍💻,{ANGRY},\"{ANSWER}\"\n"),
    )
    .unwrap();
    run(home.path(), &["grade", "uni.csv"], "")
        .code(0)
        .out_has("Zoë 王 👩‍💻");
    let r = run(
        home.path(),
        &["analyze", "--question", "x\u{1b}]52;c;aGk=\u{7}"],
        ANSWER,
    );
    r.code(2)
        .no_controls()
        .err_has("unknown question id `x␛]52;c;aGk=␇`");
}

#[test]
fn an_answer_with_escapes_is_shown_safely_in_feedback() {
    let home = tempfile::tempdir().unwrap();
    let answer = format!("{ANSWER} She said \u{202e}thanks\u{202c} twice.");
    run(home.path(), &["analyze", "--format", "markdown"], &answer)
        .code(0)
        .no_controls()
        .out_has("U+202E")
        .out_has("thanks");
    run(home.path(), &["analyze"], &answer)
        .code(0)
        .out_has("<U+202E>");
}

/// Failure 11: with stderr closed, `grade` with many bad rows exited 101 (a panic).
#[test]
fn a_closed_stderr_is_not_a_crash() {
    let home = tempfile::tempdir().unwrap();
    let mut csv = String::from("candidate,question,answer\n");
    for i in 0..3000 {
        csv.push_str(&format!("C{i},no-such-question-{i},hello there\n"));
    }
    csv.push_str(&format!("Ana,{ANGRY},\"{ANSWER}\"\n"));
    std::fs::write(home.path().join("manybad.csv"), csv).unwrap();
    let mut child = cmd(home.path())
        .args(["grade", "manybad.csv", "-o", "out.csv"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // the reader goes away, as `| head -3` does
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "rows skipped: status 1, not a panic"
    );
    let out = std::fs::read_to_string(home.path().join("out.csv")).unwrap();
    assert!(out.contains("Ana"), "the output is written all the same");
}

#[test]
fn bad_csv_gets_words_for_what_is_wrong() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    std::fs::write(
        h.join("dup.csv"),
        format!("candidate,answer,question,Answer\nAna,one,{ANGRY},two\n"),
    )
    .unwrap();
    run(h, &["grade", "dup.csv"], "")
        .code(1)
        .err_has("the header names the same column more than once: `answer` (column 2) and `answer` (column 4)");
    std::fs::write(
        h.join("short.csv"),
        format!("candidate,question,answer\nAna,{ANGRY}\n"),
    )
    .unwrap();
    run(h, &["grade", "short.csv"], "").code(1).err_has(
        "short.csv:2: 2 fields but the header has 3: the row ends before the `answer` column",
    );
    let zwj = "\u{200d}".repeat(10_000);
    std::fs::write(
        h.join("zwj.csv"),
        format!("candidate,question,answer\nAna,{ANGRY},{zwj}\n"),
    )
    .unwrap();
    run(h, &["grade", "zwj.csv"], "")
        .code(1)
        .err_has("zwj.csv:2: empty answer from Ana");
    run(h, &["analyze"], &zwj)
        .code(2)
        .err_has("nothing to analyze: the answer is empty");
}

#[test]
fn utf16_files_are_named_as_such() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let text = format!("candidate,question,answer\nAna,{ANGRY},I helped a caller.\n");
    let mut utf16 = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(h.join("u16.csv"), &utf16).unwrap();
    let r = run(h, &["grade", "u16.csv"], "");
    r.code(1)
        .no_controls()
        .err_has("u16.csv: this is UTF-16 text")
        .err_has("save it as UTF-8");
    // Without a byte-order mark too, and for one answer.
    let bare: Vec<u8> = "I helped a caller with her bill."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(h.join("u16.txt"), bare).unwrap();
    run(h, &["analyze", "u16.txt"], "")
        .code(2)
        .no_controls()
        .err_has("u16.txt: this is UTF-16 text");
}

#[test]
fn a_data_folder_that_is_a_file_is_said_in_words() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("data-file");
    std::fs::write(&file, "").unwrap();
    let r = run(
        home.path(),
        &[
            "--data-dir",
            file.to_str().unwrap(),
            "practice",
            "--question",
            ANGRY,
        ],
        &format!("{ANSWER}\n\n"),
    );
    r.code(1).out_has("is a file, not a folder");
    assert!(!r.out.contains("os error"), "{}", r.out);
}

#[test]
fn fail_under_must_be_a_number() {
    let home = tempfile::tempdir().unwrap();
    for bad in ["nan", "inf", "NaN", "lots"] {
        run(home.path(), &["analyze", "--fail-under", bad], ANSWER)
            .code(2)
            .err_has("is not a number: use a score from 0 to 100");
    }
}

/// Practice refused nothing: a 5 MB answer took 9.5 s and 189 MB; analyze refuses over 4 MB.
#[test]
fn practice_refuses_an_answer_over_4_mb_as_analyze_does() {
    let home = tempfile::tempdir().unwrap();
    let huge = "I helped a customer with a billing problem. ".repeat(120_000);
    assert!(huge.len() > 5 << 20);
    let r = run(
        home.path(),
        &["practice", "--question", ANGRY],
        &format!("{huge}\n\n{ANSWER}\n\n"),
    );
    r.code(0)
        .out_has("That answer is over 4 MB, too long to analyze");
    let (records, _) = history(&home.path().join("data"));
    assert_eq!(records.len(), 1, "only the answer of normal size");
    run(home.path(), &["analyze"], &huge)
        .code(2)
        .err_has("the answer is over 4 MB");
}
