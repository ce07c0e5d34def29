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
    common::pty::starcoach(home, &[&["practice"], args].concat(), 80, 40)
}

/// Like [`spawn`], with the terminal set to its usual cooked mode with echo (`stty sane`)
/// before starcoach starts (it replaces the shell, so the pid is starcoach's).
fn spawn_via_stty(home: &Path, args: &[&str]) -> OsSession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty sane && exec \"$0\" practice \"$@\" --color never")
        .arg(env!("CARGO_BIN_EXE_starcoach"))
        .args(args);
    common::pty::isolate(&mut cmd, home);
    common::pty::spawn_command(cmd, None)
}

/// Waits for `text`, failing with what was seen instead.
#[track_caller]
fn want(s: &mut OsSession, text: &str) {
    common::pty::want(s, text);
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

/// `starcoach --name NAME practice ARGS` in a pty.
fn spawn_named(home: &Path, name: &str, args: &[&str]) -> OsSession {
    let mut all = vec!["--name", name];
    all.extend_from_slice(args);
    // `--name` is a global flag: it may follow the subcommand.
    spawn(home, &all)
}

fn records(home: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(home.join("data/attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Failure 2: the line-editor history held `--no-save` answers in plain text, and Up offered
/// one person's answers to the next.
#[test]
fn no_save_keeps_nothing_and_up_never_offers_another_persons_answers() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY, "--no-save"]);
    want(&mut s, "answer> ");
    line(&mut s, "A private answer nobody should see again.");
    line(&mut s, "");
    want(&mut s, "STAR map");
    want(&mut s, "> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    assert_eq!(exit_code(&mut s), 0);
    assert!(
        !home.path().join("data").exists(),
        "--no-save left files: {:?}",
        std::fs::read_dir(home.path().join("data"))
            .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
    );

    let mut s = spawn_named(home.path(), "Ana", &["--question", ANGRY]);
    want(&mut s, "answer> ");
    line(
        &mut s,
        "Ana's answer: I calmed an angry caller and fixed her bill.",
    );
    line(&mut s, "");
    want(&mut s, "STAR map");
    want(&mut s, "> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    assert_eq!(exit_code(&mut s), 0);

    // Ben presses Up, then Enter: nothing is recalled, so nothing is sent.
    let mut s = spawn_named(home.path(), "Ben", &["--question", ANGRY]);
    want(&mut s, "answer> ");
    s.send("\x1b[A").unwrap();
    line(&mut s, "");
    want(&mut s, "(Type your answer and send it with a blank line");
    want(&mut s, "answer> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    assert_eq!(exit_code(&mut s), 0);
    let names: Vec<&str> = vec!["Ana"];
    let got = records(home.path());
    assert_eq!(
        got.iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect::<Vec<_>>(),
        names
    );

    // Ana, back again, gets her own answer with Up.
    let mut s = spawn_named(home.path(), "Ana", &["--question", ANGRY]);
    want(&mut s, "answer> ");
    s.send("\x1b[A").unwrap();
    want(&mut s, "fixed her bill.");
    s.send(ControlCode::NegativeAcknowledge).unwrap(); // Ctrl-U
    s.send(ControlCode::EndOfTransmission).unwrap();
    assert_eq!(exit_code(&mut s), 0);
}

/// Failure 6: Ctrl-C mid-answer threw every line away and Up recalled none.
#[test]
fn an_answer_thrown_away_with_ctrl_c_comes_back_with_restore_or_up() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    want(&mut s, "answer> ");
    line(&mut s, "First line of a long answer about a caller.");
    s.send("and a second line").unwrap();
    want(&mut s, "second line");
    s.send(ControlCode::EndOfText).unwrap();
    want(&mut s, "Answer put aside: :restore (or Up) brings it back.");
    want(&mut s, "answer> ");
    line(&mut s, ":restore");
    want(&mut s, "Your answer is back in the editor");
    want(&mut s, "and a second line");
    s.send(" that I finished.\r").unwrap();
    line(&mut s, "");
    want(&mut s, "STAR map");
    want(&mut s, "follow-up> ");
    // Up recalls a thrown-away answer too.
    s.send("Another try that goes nowhere").unwrap();
    want(&mut s, "goes nowhere");
    s.send(ControlCode::EndOfText).unwrap();
    want(&mut s, "Answer put aside");
    want(&mut s, "follow-up> ");
    s.send("\x1b[A").unwrap();
    want(&mut s, "Another try that goes nowhere");
    s.send(ControlCode::NegativeAcknowledge).unwrap(); // Ctrl-U: clear it again
    line(&mut s, ":quit");
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
    assert_eq!(
        answers(home.path()),
        ["First line of a long answer about a caller.\nand a second line that I finished."]
    );
}

/// Failure 6: Enter, Enter, then a second paragraph: the second paragraph used to be thrown
/// away at the next-question prompt.
#[test]
fn a_second_paragraph_after_a_blank_line_is_kept_with_the_answer() {
    let home = tempfile::tempdir().unwrap();
    let mut s = spawn(home.path(), &["--question", ANGRY]);
    want(&mut s, "answer> ");
    line(
        &mut s,
        "I was a rep at a cable company in 2022. A caller was furious about a double charge. My goal was to keep her as a customer. I let her vent, apologized, and checked her account while she talked. I found the duplicate charge, refunded $40, and added a note. She calmed down and thanked me; our team CSAT went from 82% to 90% that month. I learned to listen first.",
    );
    line(&mut s, "");
    want(&mut s, "STAR map");
    // Even a strong answer gets a follow-up now (an interviewer probes): the second paragraph
    // typed at its prompt is kept with the answer.
    want(&mut s, "follow-up> ");
    line(
        &mut s,
        "Second paragraph: my supervisor shared the call with the team.",
    );
    line(&mut s, "");
    want(&mut s, "Your answer with the follow-up");
    // Ctrl-D only once the editor reads again (a cooked terminal would swallow it).
    want(&mut s, "> ");
    s.send(ControlCode::EndOfTransmission).unwrap();
    want(&mut s, "Session summary");
    assert_eq!(exit_code(&mut s), 0);
    let saved = answers(home.path());
    assert_eq!(saved.len(), 2, "{saved:?}");
    assert!(
        saved[1].contains("my supervisor shared the call with the team."),
        "{saved:?}"
    );
}

/// Failure 10: SIGTERM and SIGHUP killed the session with the terminal still raw. Now they
/// end it as Ctrl-D does (summary, line history) with the terminal restored, status 128+N.
#[test]
fn sigterm_and_sighup_restore_the_terminal_and_end_with_the_summary() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let home = tempfile::tempdir().unwrap();
        // The pty starts without echo; `stty` turns it on first, so "restored" shows.
        let mut s = spawn_via_stty(home.path(), &["--question", ANGRY]);
        want(&mut s, "answer> ");
        line(&mut s, "I calmed an angry caller and fixed her bill.");
        line(&mut s, "");
        want(&mut s, "follow-up> ");
        s.send("half an answ").unwrap();
        want(&mut s, "half an answ");
        assert!(
            !s.get_process().get_echo().unwrap(),
            "the editor is in raw mode"
        );
        let pid = s.get_process().pid().to_string();
        let sent = Command::new("kill")
            .args([format!("-{signal}"), pid])
            .status()
            .unwrap();
        assert!(sent.success());
        want(&mut s, "Session summary");
        assert_eq!(exit_code(&mut s), code, "SIG{signal}");
        assert!(
            s.get_process().get_echo().unwrap(),
            "SIG{signal} left the terminal raw"
        );
        assert_eq!(
            answers(home.path()),
            ["I calmed an angry caller and fixed her bill."]
        );
        let history = std::fs::read_dir(home.path().join("data/line-history")).unwrap();
        assert_eq!(history.count(), 1, "the line history is kept as on Ctrl-D");
    }
}

/// Regression: with stdout redirected to a file (the keyboard still a terminal), the session
/// refused to start once it needed the editor's external printer, which wants a terminal.
#[test]
fn a_session_with_stdout_redirected_still_runs() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("out.txt");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" practice --question \"$1\" --color never > \"$2\"")
        .arg(env!("CARGO_BIN_EXE_starcoach"))
        .arg(ANGRY)
        .arg(&out);
    for var in [
        "NO_COLOR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home.path())
        .env("STARCOACH_DATA_DIR", home.path().join("data"))
        .env("TERM", "xterm");
    let mut s = Session::spawn(cmd).expect("spawn starcoach in a pty");
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    // The prompts go to the file, so that is where to wait for them.
    let wait_in_file = |text: &str, times: usize| {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            let shown = std::fs::read_to_string(&out).unwrap_or_default();
            if shown.matches(text).count() >= times {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no {text:?} in:\n{shown}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_in_file("answer> ", 1);
    line(&mut s, "I calmed an angry caller and fixed her bill.");
    line(&mut s, "");
    wait_in_file("STAR map", 1);
    wait_in_file("follow-up> ", 1);
    s.send(ControlCode::EndOfTransmission).unwrap();
    assert_eq!(exit_code(&mut s), 0);
    let shown = std::fs::read_to_string(&out).unwrap();
    assert!(shown.contains("Session summary"), "{shown}");
    assert_eq!(
        answers(home.path()),
        ["I calmed an angry caller and fixed her bill."]
    );
}
