//! The command line, run as a user runs it: `questions`, `bank check`, `rubric check`,
//! `analyze`, completions, the man page, `--help` and `--version`, with their exit codes
//! (0 done, 1 needs attention, 2 usage or runtime error, 3 invalid data file).
//!
//! This file is the harness (a temp home, a run, assertions on it); the tests are in one module
//! per command.

#[path = "../common/mod.rs"]
mod common;

mod analyze;
mod data;
mod plumbing;
mod questions;

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

/// One run of the binary: its output and exit code.
pub(crate) struct Run {
    pub(crate) out: String,
    pub(crate) err: String,
    pub(crate) code: i32,
}

impl Run {
    #[track_caller]
    pub(crate) fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.out, self.err
        );
        self
    }

    #[track_caller]
    pub(crate) fn out_has(&self, needle: &str) -> &Self {
        assert!(
            self.out.contains(needle),
            "{needle:?} not in stdout:\n{}",
            self.out
        );
        self
    }

    #[track_caller]
    pub(crate) fn err_has(&self, needle: &str) -> &Self {
        assert!(
            self.err.contains(needle),
            "{needle:?} not in stderr:\n{}",
            self.err
        );
        self
    }

    #[track_caller]
    pub(crate) fn quiet(&self) -> &Self {
        assert_eq!(self.err, "", "stderr should be empty");
        self
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.out).unwrap_or_else(|e| panic!("{e}: {}", self.out))
    }
}

/// A temp home for one test, with a way to run the binary in it.
pub(crate) struct Home(TempDir);

impl Home {
    pub(crate) fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `text` to `name` in the temp dir and returns its path.
    pub(crate) fn file(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_in(args, None::<&[u8]>)
    }

    pub(crate) fn run_in(&self, args: &[&str], stdin: Option<impl AsRef<[u8]>>) -> Run {
        let mut cmd = common::starcoach(self.path());
        cmd.current_dir(self.path()).args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s.as_ref().to_vec());
        }
        let out = cmd.output().unwrap();
        Run {
            out: String::from_utf8_lossy(&out.stdout).into_owned(),
            err: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: out.status.code().unwrap_or(-1),
        }
    }
}

pub(crate) fn run(args: &[&str]) -> Run {
    Home::new().run(args)
}

pub(crate) fn all_questions() -> Vec<Value> {
    let r = run(&["questions", "--format", "json"]);
    r.code(0).quiet();
    r.json().as_array().unwrap().clone()
}

/// `starcoach ARGS` at `columns` columns.
pub(crate) fn at_width(columns: usize, args: &[&str]) -> Run {
    let home = Home::new();
    let mut cmd = common::starcoach(home.path());
    let out = cmd
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    Run {
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

#[track_caller]
pub(crate) fn fits(text: &str, columns: usize) {
    let wide: Vec<&str> = text
        .lines()
        .filter(|l| l.chars().count() > columns)
        .collect();
    assert!(
        wide.is_empty(),
        "wider than {columns}:\n{}",
        wide.join("\n")
    );
}
