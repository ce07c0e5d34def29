//! The coaching conversation in a real terminal (a pty): a reply to a follow-up goes into the
//! story where it belongs and the next follow-up moves on; a retry starts from the story as it
//! grew, in the editor, and its diff names only what changed.
#![cfg(unix)]

mod common;

use std::path::Path;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect};

const ANGRY: &str = "angry-customer-call-center";

/// A story told in "we", typed on two lines.
const STORY: [&str; 2] = [
    "Last winter a customer called our store furious because her order had arrived broken.",
    "We listened to her and we apologized. We checked the order and we sent a replacement the same day. She thanked us in the end.",
];

/// The reply to "You said 'we' a lot. What was your own part in it?", as a candidate types it.
const OWN: &str = "my own part was the call itself: i took the call, i apologised to her, i looked up the order and i booked the replacement myself.";

fn spawn(home: &Path, args: &[&str]) -> OsSession {
    common::pty::starcoach(home, &[&["practice"], args].concat(), 100, 50)
}

/// Waits for `text` and returns everything printed up to it.
#[track_caller]
fn want(s: &mut OsSession, text: &str) -> String {
    common::pty::want(s, text)
}

fn line(s: &mut OsSession, text: &str) {
    s.send(format!("{text}\r")).unwrap();
}

fn exit_code(s: &mut OsSession) -> i32 {
    if let Err(e) = s.expect(Eof) {
        panic!("waiting for the end of output: {e}");
    }
    match s.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("starcoach did not exit normally: {other:?}"),
    }
}

fn records(home: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(home.join("data/attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Answers the question with `STORY` and the follow-up with `OWN`; returns the screen after
/// the reply.
fn answer_and_reply(s: &mut OsSession) -> String {
    want(s, "answer> ");
    for l in STORY {
        line(s, l);
    }
    line(s, "");
    let first = want(s, "follow-up> ");
    assert!(
        first.contains("What was your own part in it?"),
        "fixture: the we follow-up:\n{first}"
    );
    line(s, OWN);
    line(s, "");
    want(s, "Your answer with the follow-up");
    want(s, "Answer the follow-up")
}

#[test]
fn a_reply_to_the_follow_up_joins_the_story_and_the_conversation_moves_on() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    let screen = answer_and_reply(&mut s);
    assert!(
        screen.contains("A+ my own part was the call itself"),
        "{screen}"
    );
    assert!(screen.contains("(+ marks your reply"), "{screen}");
    assert!(!screen.contains("jumps back"), "{screen}");
    let next = &screen[screen.find("Follow-up (").expect("a next follow-up")..];
    assert!(
        !next.contains("own part"),
        "the same follow-up again:\n{next}"
    );
    want(&mut s, "follow-up> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
    let recs = records(home.path());
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["reply"], OWN);
    assert!(recs[1]["answer"].as_str().unwrap().contains(OWN));
}

#[test]
fn a_retry_starts_from_the_grown_story_and_names_only_what_changed() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    answer_and_reply(&mut s);
    want(&mut s, "follow-up> ");
    line(&mut s, ":retry");
    want(&mut s, "Your last answer is in the editor");
    // The editor holds the story with the reply in it: add a lesson at the end and send it.
    let editor = want(&mut s, "booked the replacement myself.");
    assert!(editor.contains("retry> "), "{editor}");
    line(
        &mut s,
        " Since then I read the order number back before I do anything.",
    );
    line(&mut s, "");
    let diff = want(&mut s, "STAR map");
    let diff = &diff[diff
        .find("What changed since your last attempt")
        .expect("a diff")..];
    assert!(diff.contains("now has a reflection part"), "{diff}");
    assert!(!diff.contains("lost the"), "{diff}");
    assert!(!diff.contains("episode:"), "{diff}");
    want(&mut s, "> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
    let recs = records(home.path());
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[2]["retry"], true);
    let retried = recs[2]["answer"].as_str().unwrap();
    assert!(retried.contains(OWN), "{retried}");
    assert!(retried.ends_with("before I do anything."), "{retried}");
}
