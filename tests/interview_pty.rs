//! The mock interview in a pseudo-terminal: the countdown ticks for each answer, the gentle
//! cue comes when the suggested time is up, and the debrief comes at the end with the time
//! each answer took to type.
#![cfg(unix)]

mod common;

use std::path::Path;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect};

fn spawn(home: &Path, args: &[&str]) -> OsSession {
    common::pty::starcoach(home, args, 80, 40)
}

#[track_caller]
fn want(s: &mut OsSession, text: &str) {
    common::pty::want(s, text);
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
