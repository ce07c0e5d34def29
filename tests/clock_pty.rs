//! The answer clock in a pseudo-terminal (issue 16): with `--timer` it ticks while the
//! candidate thinks or types, without a key being pressed, and it is gone once the answer is
//! sent. (The cue when the suggested time is up is checked in `interview_pty.rs`, where the
//! time can be set short.)
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect, Session};

pub fn spawn(home: &Path, args: &[&str]) -> OsSession {
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
