//! starcoach in a real terminal (a pseudo-terminal) for the REPL tests, with no user settings
//! and HOME and the data dir in a temporary folder.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Expect, Session};

/// Clears the user's settings from `cmd` and puts HOME, XDG_DATA_HOME and the data dir in `home`.
pub fn isolate(cmd: &mut Command, home: &Path) {
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
        .env("TERM", "xterm");
}

/// Runs `cmd` in a pty; with `size` (columns, rows), the terminal is that size.
pub fn spawn_command(mut cmd: Command, size: Option<(u16, u16)>) -> OsSession {
    if let Some((cols, rows)) = size {
        cmd.env("COLUMNS", cols.to_string())
            .env("LINES", rows.to_string());
    }
    let mut s = Session::spawn(cmd).expect("spawn starcoach in a pty");
    if let Some((cols, rows)) = size {
        s.get_process_mut()
            .set_window_size(cols, rows)
            .expect("set the pty size");
    }
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    s
}

/// `starcoach ARGS --color never` in a fresh `cols` x `rows` pty, isolated in `home`.
pub fn starcoach(home: &Path, args: &[&str], cols: u16, rows: u16) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_starcoach"));
    cmd.args(args).arg("--color").arg("never");
    isolate(&mut cmd, home);
    spawn_command(cmd, Some((cols, rows)))
}

/// Waits for `text` and returns everything printed up to it; fails with what was seen instead.
#[track_caller]
pub fn want(s: &mut OsSession, text: &str) -> String {
    match s.expect(text) {
        Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
        Err(e) => panic!("waiting for {text:?}: {e}"),
    }
}
