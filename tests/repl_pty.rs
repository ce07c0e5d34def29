//! The practice session in a pseudo-terminal, for what only a terminal shows: the prompt,
//! multi-line entry, Tab completion, Ctrl-C and Ctrl-D. Everything else is in `repl_piped.rs`.
//!
//! The test makes the pty itself, so it runs the same in CI with no terminal on stdin. Expect
//! timeouts are generous and only stop a hung run; nothing here measures time.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect, Session};

const ANGRY: &str = "angry-customer-call-center";
const ABOUT: &str = "tell-me-about-yourself";

/// `starcoach practice ARGS` in a fresh 80x40 pty, with HOME and the data dir in `home`.
fn spawn(home: &Path, args: &[&str]) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_starcoach"));
    cmd.arg("practice").args(args).arg("--color").arg("never");
    for var in [
        "NO_COLOR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("STARCOACH_DATA_DIR", home.join("data"))
        .env("TERM", "xterm")
        .env("COLUMNS", "80")
        .env("LINES", "40");
    let mut s = Session::spawn(cmd).expect("spawn starcoach in a pty");
    s.get_process_mut()
        .set_window_size(80, 40)
        .expect("set the pty size");
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    s
}

/// Waits for `text`, failing with what was seen instead.
#[track_caller]
fn want(s: &mut OsSession, text: &str) {
    if let Err(e) = s.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

/// Types `text` and presses Enter (a carriage return, as a terminal sends it).
fn line(s: &mut OsSession, text: &str) {
    s.send(format!("{text}\r")).unwrap();
}

/// Waits for the program to end and returns its exit code.
fn exit_code(s: &mut OsSession) -> i32 {
    want_eof(s);
    match s.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("starcoach did not exit normally: {other:?}"),
    }
}

fn want_eof(s: &mut OsSession) {
    if let Err(e) = s.expect(Eof) {
        panic!("waiting for the end of output: {e}");
    }
}

fn answers(home: &Path) -> Vec<String> {
    std::fs::read_to_string(home.join("data/attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["answer"].as_str().unwrap().to_string()
        })
        .collect()
}

/// Also the regression test for answers typed in a terminal being recorded with the blank line
/// that sent them (a trailing newline piped answers did not have).
#[test]
fn two_lines_and_a_blank_line_send_an_answer_and_ctrl_d_ends_with_the_summary() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    want(&mut s, "Question 1 of 1");
    want(&mut s, "answer> ");
    line(
        &mut s,
        "I worked at a call center and a customer was angry about a bill.",
    );
    line(&mut s, "I refunded $40 and she thanked me.");
    // Still typing: nothing is analyzed until the blank line.
    line(&mut s, "");
    want(&mut s, "STAR map");
    want(&mut s, "follow-up> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    want(&mut s, "Session summary");
    want(&mut s, "1 question answered");
    assert_eq!(exit_code(&mut s), 0);
    assert_eq!(
        answers(home.path()),
        [
            "I worked at a call center and a customer was angry about a bill.\nI refunded $40 and she thanked me."
        ]
    );
}

#[test]
fn tab_completes_commands_and_question_ids() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY, "--question", ABOUT]);
    want(&mut s, "answer> ");
    // `:qu` is the start of three commands: a second Tab lists them.
    s.send(":qu\t\t").unwrap();
    want(&mut s, "questions");
    want(&mut s, "quit");
    // Clear the line, then complete an id that is only a prefix as typed.
    s.send(ControlCode::NegativeAcknowledge).unwrap(); // Ctrl-U
    s.send(":question tell-me-ab\t").unwrap();
    want(&mut s, "tell-me-about-yourself");
    line(&mut s, "");
    want(&mut s, "Tell me about yourself.");
    want(&mut s, "answer> ");
    // A unique command prefix completes to the command.
    s.send(":qui\t").unwrap();
    want(&mut s, ":quit");
    line(&mut s, "");
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
}

#[test]
fn ctrl_c_while_typing_discards_the_answer_and_keeps_the_session() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    want(&mut s, "answer> ");
    s.send("This answer is going nowhere").unwrap();
    want(&mut s, "going nowhere");
    s.send(ControlCode::EndOfText).unwrap(); // Ctrl-C
    want(&mut s, "Answer put aside: :restore (or Up) brings it back.");
    want(&mut s, "answer> ");
    line(&mut s, "I calmed an angry caller and fixed her bill.");
    line(&mut s, "");
    want(&mut s, "STAR map");
    want(&mut s, "follow-up> ");
    line(&mut s, ":quit");
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
    assert_eq!(
        answers(home.path()),
        ["I calmed an angry caller and fixed her bill."]
    );
}

/// Ctrl-C twice ends the session as an interrupt does: with the summary and status 130.
#[test]
fn ctrl_c_twice_on_an_empty_prompt_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    want(&mut s, "answer> ");
    s.send(ControlCode::EndOfText).unwrap();
    want(
        &mut s,
        "Press Ctrl-C again to quit (or Ctrl-D to end with a summary).",
    );
    want(&mut s, "answer> ");
    s.send(ControlCode::EndOfText).unwrap();
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 130);
}
