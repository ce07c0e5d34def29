//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::print_stderr)]

use std::path::PathBuf;

#[cfg(unix)]
pub mod pty;

/// `../shared` beside the checkout (seeds and external test data), or `None` when a fresh
/// clone does not have it: such tests skip rather than fail, and say so where the person
/// running `cargo test` sees it ([`skip`]).
pub fn shared(what: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("seeds").is_dir() {
        Some(p)
    } else {
        skip(&format!("{what}: ../shared is not beside this checkout"));
        None
    }
}

/// Says that the running test skips, and why, in the `cargo test` output itself. The test
/// harness captures `eprintln!` and shows it only for failures (a skip would read as a plain
/// "ok"); a write to the stderr handle is not captured.
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

/// The text of the seed document whose name starts with `prefix` (e.g. "003").
pub fn seed(shared: &std::path::Path, prefix: &str) -> String {
    let dir = shared.join("seeds");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Lowercase, straight quotes, single spaces: for comparing our copies with the seeds.
pub fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches('"')
        .to_lowercase()
}

/// The `starcoach` binary in a clean environment: no colour, 80 columns, and `HOME`,
/// `XDG_DATA_HOME` and `STARCOACH_DATA_DIR` all inside `home` so no user file is read or written.
pub fn starcoach(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("starcoach").expect("the starcoach binary");
    for var in [
        "NO_COLOR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
        "CLICOLOR_FORCE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("STARCOACH_DATA_DIR", home.join("data"))
        .env("COLUMNS", "80")
        .env("TERM", "dumb");
    cmd
}

/// A command's stdout as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// A command's stderr as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}
