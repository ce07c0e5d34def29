//! Data safety and hostile input, on the real binary: outputs never destroy inputs, a full
//! disk or a kill loses nothing that was shown, no byte from a file can drive the terminal,
//! graded folders are read only for their own regular files, rubrics that would break
//! scoring are refused. Every case is listed in `tests/BAD_INPUT.md` with the test that pins
//! it; the terminal cases are in `tests/repl_pty.rs`.
//!
//! `STARCOACH_TEST_BIN` runs these tests against another build of the binary (to see them
//! fail on one without the fixes).
#![cfg(unix)]
#![allow(clippy::print_stderr)]

#[path = "../common/mod.rs"]
mod common;

mod disk;
mod folders;
mod hostile;
mod outputs;
mod rubrics;
mod soak;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ANGRY: &str = "angry-customer-call-center";
pub const ABOUT: &str = "tell-me-about-yourself";

pub const ANSWER: &str = "Last spring a caller was furious about a double charge on her bill. \
    My job was to fix it before she cancelled. I apologized, checked the billing log, refunded \
    the $40 the same day and set up an alert on her account. She stayed with us and rated the \
    call 5 out of 5.";

/// The binary under test.
pub fn exe() -> PathBuf {
    std::env::var_os("STARCOACH_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_starcoach")))
}

/// `starcoach` with a clean environment: home, data dir and temporary folder all in `home`.
pub fn cmd(home: &Path) -> Command {
    let mut c = Command::new(exe());
    for var in [
        "NO_COLOR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
        "STARCOACH_COLOR",
        "XDG_CONFIG_HOME",
        "CLICOLOR_FORCE",
    ] {
        c.env_remove(var);
    }
    c.current_dir(home)
        .env("HOME", home)
        .env("STARCOACH_CONFIG", "")
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("STARCOACH_DATA_DIR", home.join("data"))
        .env("TMPDIR", home)
        .env("COLUMNS", "80")
        .env("TERM", "dumb");
    c
}

/// One finished run.
pub struct Run {
    pub out: String,
    pub err: String,
    pub code: i32,
}

impl Run {
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.out, self.err
        );
        self
    }

    #[track_caller]
    pub fn err_has(&self, needle: &str) -> &Self {
        let flat = flat(&self.err);
        assert!(
            flat.contains(needle),
            "{needle:?} not in stderr:\n{}",
            self.err
        );
        self
    }

    #[track_caller]
    pub fn out_has(&self, needle: &str) -> &Self {
        let flat = flat(&self.out);
        assert!(
            flat.contains(needle),
            "{needle:?} not in stdout:\n{}",
            self.out
        );
        self
    }

    /// Neither stream holds an escape character (or any other control but line breaks).
    #[track_caller]
    pub fn no_controls(&self) -> &Self {
        for (name, text) in [("stdout", &self.out), ("stderr", &self.err)] {
            let bad: Vec<char> = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                .collect();
            assert!(bad.is_empty(), "{name} has {bad:?}:\n{text}");
        }
        self
    }
}

/// Whitespace runs as single spaces (wrapped text compares as one line).
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `starcoach ARGS` in `home` with `stdin`, within a minute.
pub fn run(home: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = cmd(home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(text.as_bytes());
    });
    let out = wait_output(child, Duration::from_secs(60));
    let _ = writer.join();
    out
}

/// Waits for `child` (killing it after `limit`) and collects its output.
pub fn wait_output(mut child: Child, limit: Duration) -> Run {
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("starcoach did not finish within {limit:?} (killed)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        out: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        err: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        code: status.code().unwrap_or(-1),
    }
}

/// A practice session on pipes that a test talks to step by step.
pub struct Live {
    pub child: Child,
    stdin: Option<ChildStdin>,
    seen: Arc<Mutex<String>>,
}

impl Live {
    pub fn start(home: &Path, args: &[&str]) -> Live {
        let mut child = cmd(home)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().unwrap();
        let seen = Arc::new(Mutex::new(String::new()));
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Live { child, stdin, seen }
    }

    pub fn send(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits until `needle` has appeared `times` times in the output (a minute at most).
    #[track_caller]
    pub fn wait_for(&self, needle: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.seen().matches(needle).count() < times {
            assert!(
                Instant::now() < deadline,
                "waited for {times} x {needle:?}; the output was:\n{}",
                self.seen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn seen(&self) -> String {
        self.seen.lock().unwrap().clone()
    }

    /// Closes stdin (the end of the session) and waits for the exit code.
    pub fn finish(mut self) -> (i32, String) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < deadline, "the session did not end");
            std::thread::sleep(Duration::from_millis(10));
        };
        std::thread::sleep(Duration::from_millis(50));
        (status.code().unwrap_or(-1), self.seen())
    }
}

/// The attempt records in a data dir, and the lines that are not records.
pub fn history(data: &Path) -> (Vec<serde_json::Value>, usize) {
    let text = std::fs::read_to_string(data.join("attempts.jsonl")).unwrap_or_default();
    let mut good = Vec::new();
    let mut bad = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) if v.get("v").is_some() => good.push(v),
            _ => bad += 1,
        }
    }
    (good, bad)
}

/// A small tmpfs mounted for one test (needs root, or a system that allows it); `None`, with
/// a note, where it cannot be mounted. Unmounted when dropped.
pub struct Tmpfs {
    pub dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(size: &str, what: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Tmpfs { dir })
        } else {
            eprintln!("note: cannot mount a tmpfs here (not root?); skipping {what}");
            None
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system: a file of blocks until the disk is full.
    pub fn fill(&self) -> PathBuf {
        let p = self.path().join("filler");
        let mut f = std::fs::File::create(&p).unwrap();
        let block = vec![b'x'; 512];
        while f.write_all(&block).and_then(|_| f.sync_data()).is_ok() {}
        p
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
