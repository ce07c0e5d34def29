//! What every command shares: a closed pipe, completions, the man page, help and version.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::run;

/// Runs `starcoach ARGS` with its stdout closed before it writes, as `starcoach ... | head`
/// does once `head` has read enough.
fn closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_starcoach"))
        .args(args)
        .env("HOME", home.path())
        .env("STARCOACH_DATA_DIR", home.path().join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap().code(), err)
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    for args in [
        &["questions"][..],
        &["questions", "--format", "json"],
        &["questions", "show", "tell-me-about-yourself"],
        &["questions", "tags"],
        &["man"],
        &["completions", "bash"],
        &["rubric", "show", "--effective"],
    ] {
        let (code, err) = closed_pipe(args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_starcoach()"),
        ("zsh", "#compdef starcoach"),
        ("fish", "complete -c starcoach"),
    ] {
        let r = run(&["completions", shell]);
        r.code(0).quiet().out_has(marker).out_has("questions");
    }
    run(&["completions", "tcsh"]).code(2);
}

#[test]
fn man_page_is_roff() {
    let r = run(&["man"]);
    r.code(0)
        .quiet()
        .out_has(".TH starcoach 1")
        .out_has("practice");
}

#[test]
fn version_prints_the_crate_version() {
    run(&["--version"])
        .code(0)
        .quiet()
        .out_has(&format!("starcoach {}", env!("CARGO_PKG_VERSION")));
}

/// Every command's `--help` ends with something to copy.
///
/// Regression: `starcoach --help` and `starcoach questions tags --help` had none.
#[test]
fn every_help_has_an_example() {
    for args in [
        &[][..],
        &["practice"],
        &["analyze"],
        &["questions"],
        &["questions", "show"],
        &["questions", "tags"],
        &["bank"],
        &["bank", "check"],
        &["rubric"],
        &["rubric", "check"],
        &["rubric", "show"],
        &["rubric", "init"],
        &["completions"],
        &["man"],
    ] {
        let mut full = args.to_vec();
        full.push("--help");
        let r = run(&full);
        r.code(0);
        assert!(
            r.out.contains("Example: starcoach"),
            "`starcoach {}` has no Example line:\n{}",
            full.join(" "),
            r.out
        );
    }
}

#[test]
fn top_level_help_documents_the_exit_codes() {
    run(&["--help"])
        .code(0)
        .out_has("Exit codes:")
        .out_has("3  an invalid bank, rubric or drill file");
}

#[test]
fn an_unknown_subcommand_or_flag_is_a_usage_error() {
    run(&["qestions"]).code(2).err_has("questions");
    run(&["questions", "--nope"]).code(2).err_has("--nope");
}
