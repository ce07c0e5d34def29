//! What the candidate sees for one fixed answer, pinned as snapshots: the feedback screen with
//! colour off at 80 and 60 columns, and the same analysis as JSON. A change to the analyzer or
//! the rubrics shows up here as a reviewable diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test feedback_screen` and read the `.snap` changes).
//!
//! And colour: none in a pipe, none with `NO_COLOR` or `--color never` on a terminal, some with
//! `--color always` or a terminal.

mod common;

use std::path::Path;

const ANGRY: &str = "angry-customer-call-center";

/// A short answer with a situation, actions and a result, but no goal, no number in the result
/// and no lesson: the screen has strengths, fixes and a follow-up.
const ANSWER: &str = "I worked at a call center. A customer was angry about a double charge on \
her bill. I listened, apologized and checked her account. I found the duplicate and refunded $40 \
the same day. She thanked me and stayed a customer.\n";

fn analyze(home: &Path, columns: &str, args: &[&str]) -> std::process::Output {
    common::starcoach(home)
        .env("COLUMNS", columns)
        .args(["analyze", "--question", ANGRY])
        .args(args)
        .write_stdin(ANSWER)
        .output()
        .unwrap()
}

#[test]
fn the_feedback_screen_at_80_columns() {
    let home = tempfile::tempdir().unwrap();
    let out = analyze(home.path(), "80", &["--color", "never"]);
    assert!(out.status.success());
    insta::assert_snapshot!(common::stdout(&out));
}

/// Also the regression test for `analyze` printing the question (`Q: ...`) as one line however
/// narrow the terminal.
#[test]
fn the_feedback_screen_at_60_columns() {
    let home = tempfile::tempdir().unwrap();
    let out = analyze(home.path(), "60", &["--color", "never"]);
    assert!(out.status.success());
    let text = common::stdout(&out);
    for line in text.lines() {
        assert!(line.chars().count() <= 60, "{line:?} is wider than 60");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_analysis_as_json() {
    let home = tempfile::tempdir().unwrap();
    let out = analyze(home.path(), "80", &["--format", "json"]);
    assert!(out.status.success());
    let text = common::stdout(&out);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["schema_version"], 2);
    // As printed, field order included.
    insta::assert_snapshot!(text);
}

#[test]
fn piped_output_has_no_escape_bytes() {
    let home = tempfile::tempdir().unwrap();
    for args in [&[][..], &["--color", "auto"], &["--color", "never"]] {
        let out = analyze(home.path(), "80", args);
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
    }
    let out = common::starcoach(home.path())
        .args(["questions", "show", ANGRY])
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn color_always_colours_a_pipe_too() {
    let home = tempfile::tempdir().unwrap();
    let out = analyze(home.path(), "80", &["--color", "always"]);
    let text = common::stdout(&out);
    assert!(text.contains("\x1b["), "{text}");
    // Every styled run is closed on the line it starts on.
    for line in text.lines() {
        let opened = line.matches("\x1b[").count() - line.matches("\x1b[0m").count();
        assert_eq!(opened, line.matches("\x1b[0m").count(), "{line:?}");
    }
}

#[cfg(unix)]
mod terminal {
    use std::process::Command;
    use std::time::Duration;

    use expectrl::{Eof, Expect, Session};

    use super::*;

    /// Everything `starcoach ARGS` prints to a pty, with `env` set.
    fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("answer.txt");
        std::fs::write(&file, ANSWER).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_starcoach"));
        cmd.args(args).arg(&file);
        cmd.env_remove("NO_COLOR")
            .env("HOME", home.path())
            .env("STARCOACH_DATA_DIR", home.path().join("data"))
            .env("TERM", "xterm")
            .env("COLUMNS", "80");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut s = Session::spawn(cmd).unwrap();
        s.set_expect_timeout(Some(Duration::from_secs(60)));
        let all = s.expect(Eof).unwrap();
        String::from_utf8_lossy(all.get(0).unwrap()).into_owned()
    }

    const ARGS: &[&str] = &["analyze", "--question", ANGRY];

    #[test]
    fn a_terminal_gets_colour() {
        let text = on_terminal(ARGS, &[]);
        assert!(text.contains("Overall"), "{text}");
        assert!(text.contains("\x1b["), "{text}");
    }

    #[test]
    fn no_color_turns_it_off_on_a_terminal() {
        let text = on_terminal(ARGS, &[("NO_COLOR", "1")]);
        assert!(text.contains("Overall"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
    }

    #[test]
    fn color_never_turns_it_off_on_a_terminal() {
        let mut args = ARGS.to_vec();
        args.extend(["--color", "never"]);
        let text = on_terminal(&args, &[]);
        assert!(text.contains("Overall"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
    }

    #[test]
    fn a_dumb_terminal_gets_no_colour() {
        let text = on_terminal(ARGS, &[("TERM", "dumb")]);
        assert!(text.contains("Overall"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
    }
}
