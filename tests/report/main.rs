//! Practice history and progress reports, through the real binary: saving every answer (crash
//! safety, unwritable data folders), reading history back tolerantly, and the report formats,
//! including the HTML report in headless Chromium.
#![allow(clippy::print_stderr)]

mod browser;
mod formats;
mod reading;
mod saving;

use std::path::Path;

use assert_cmd::Command;

/// The binary with a clean environment: no inherited data folder, name, colour or banks.
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("starcoach").unwrap();
    for var in [
        "STARCOACH_DATA_DIR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
        "NO_COLOR",
        "COLUMNS",
    ] {
        c.env_remove(var);
    }
    c.env("XDG_DATA_HOME", "/nonexistent-starcoach-test");
    c
}

pub const Q1: &str = "angry-customer-call-center";
pub const Q2: &str = "above-and-beyond-call-center";

pub const WEAK: &str = "I always try to help customers. I think it is important to be nice.";
pub const STRONG: &str = "Last spring a caller was furious about a double charge on her bill. \
    My job was to fix it before she cancelled. I apologized, checked the billing log, refunded \
    the $40 the same day and set up an alert on her account. She stayed with us and rated the \
    call 5 out of 5. Since then I always check for duplicates first.";
/// An answer that tries to break out of every format.
pub const NASTY: &str = "=SUM(A1) A caller wrote <script>alert('x')</script> & \"quotes\", \
    commas, and | pipes. I refunded her $40 the same day. She thanked me.";

/// Runs a piped practice session answering `answers` (each sent with a blank line, then Enter
/// for the next question) to `questions`, saving in `dir`.
pub fn practice(dir: &Path, name: Option<&str>, questions: &[&str], answers: &[&str]) {
    let mut c = bin();
    c.arg("--data-dir").arg(dir);
    if let Some(n) = name {
        c.args(["--name", n]);
    }
    c.arg("practice");
    for q in questions {
        c.args(["--question", q]);
    }
    let input: String = answers.iter().map(|a| format!("{a}\n\n\n")).collect();
    c.args(["--count", &questions.len().to_string()])
        .write_stdin(input)
        .assert()
        .success();
}

/// Three sessions for Ana (weak, then a nasty answer, then strong) and one for Ben.
pub fn seed(dir: &Path) {
    practice(dir, Some("Ana"), &[Q1, Q2], &[WEAK, WEAK]);
    practice(dir, Some("Ana"), &[Q2], &[NASTY]);
    practice(dir, Some("Ana"), &[Q1, Q2], &[STRONG, STRONG]);
    practice(dir, Some("Ben"), &[Q1], &[WEAK]);
}

/// Says that the running test skips, and why, in the `cargo test` output itself (the harness
/// shows `eprintln!` only for failures; a write to the stderr handle is not captured).
pub fn skip(why: &str) {
    use std::io::Write as _;
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {why} (it passes without checking anything)"
    );
}

/// The lines of the history file.
pub fn lines(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect()
}
