//! The mock interview in a pseudo-terminal: the countdown ticks for each answer, the gentle
//! cue comes when the suggested time is up, and the debrief comes at the end with the time
//! each answer took to type.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

fn spawn(home: &Path, args: &[&str]) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_starcoach"));
    cmd.args(args).arg("--color").arg("never");
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

#[track_caller]
fn want(s: &mut OsSession, text: &str) {
    if let Err(e) = s.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

#[test]
fn the_countdown_ticks_the_cue_comes_and_the_debrief_ends_the_interview() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["interview", "--seed", "7", "--seconds", "5"]);
    want(&mut s, "Question 1 of 7 · suggested time 5 seconds");
    want(&mut s, "answer> ");
    // Counting down without a key pressed, then the cue once the time is up.
    want(&mut s, "[0:03 left]");
    want(
        &mut s,
        "(Time's up for this answer (5 seconds): wrap up in a sentence or two.)",
    );
    want(&mut s, "[time's up +0:0");
    s.send("I worked two years at the campus help desk and I like helping people.\r\r")
        .unwrap();
    want(&mut s, "Thank you.");
    // The rest skipped; the follow-up and the closing question answered.
    // Each sent once its prompt is up (keys typed before the editor reads may be dropped).
    for n in 2..=6 {
        want(&mut s, &format!("Question {n} of 7"));
        want(&mut s, "answer> ");
        s.send(":skip\r").unwrap();
    }
    want(&mut s, "Before we wrap up");
    want(&mut s, "answer> ");
    s.send(":skip\r").unwrap();
    want(&mut s, "Question 7 of 7");
    want(&mut s, "Do you have any questions for us?");
    want(&mut s, "answer> ");
    s.send("What does the training cover in the first month?\r\r")
        .unwrap();
    want(&mut s, "Mock interview debrief");
    want(&mut s, "2 questions answered");
    want(&mut s, "typed in");
    want(&mut s, "Saved to");
    if let Err(e) = s.expect(Eof) {
        panic!("waiting for the end: {e}");
    }
    let recs = std::fs::read_to_string(home.path().join("data/attempts.jsonl")).unwrap();
    assert_eq!(recs.lines().count(), 2, "{recs}");
}
