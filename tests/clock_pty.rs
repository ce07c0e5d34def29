//! The answer clock in a pseudo-terminal (issue 16): with `--timer` it ticks while the
//! candidate thinks or types, without a key being pressed, and it is gone once the answer is
//! sent. (The cue when the suggested time is up is checked in `interview_pty.rs`, where the
//! time can be set short.)
#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect};

fn spawn(home: &Path, args: &[&str]) -> OsSession {
    common::pty::starcoach(home, args, 80, 40)
}

#[track_caller]
fn want(s: &mut OsSession, text: &str) {
    common::pty::want(s, text);
}

/// Regression: `--timer` showed `[0:00]` until a key was pressed, and was still shown on the
/// next prompt.
#[test]
fn the_timer_ticks_without_a_key_and_is_gone_after_the_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(
        home.path(),
        &[
            "practice",
            "--question",
            "angry-customer-call-center",
            "--timer",
        ],
    );
    want(&mut s, "answer> ");
    // Nothing typed: the clock still moves on.
    want(&mut s, "[0:02]");
    s.send("A caller was angry about a bill. I refunded $40 and she thanked me.\r")
        .unwrap();
    want(&mut s, "[0:0");
    s.send("\r").unwrap();
    want(&mut s, "STAR map");
    want(&mut s, "follow-up> ");
    // Three seconds at the next prompt: no clock is drawn after it.
    std::thread::sleep(Duration::from_secs(3));
    s.send(ControlCode::EndOfTransmission).unwrap();
    let rest = s.expect(Eof).expect("the end of output");
    let mut seen = rest.before().to_vec();
    for m in rest.matches() {
        seen.extend_from_slice(m);
    }
    let after = String::from_utf8_lossy(&seen).to_string();
    assert!(after.contains("Session summary"), "{after}");
    assert!(
        !after.contains("[0:0"),
        "a clock after the answer was sent: {after}"
    );
}
