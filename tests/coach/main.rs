//! Coach mode on the real binary: drills, batch grading, rubric comparison, the config file.
//!
//! Every test runs `starcoach` in its own temporary folder with the environment cleared of
//! starcoach settings, so a developer's own config or history never leaks in.

mod compare;
mod config;
mod drill;
mod grade;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary folder to run in.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating folders) and returns its path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// `starcoach` in this folder, with no config file and no starcoach variables.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_starcoach"));
        c.current_dir(self.dir.path());
        for v in [
            "STARCOACH_NAME",
            "STARCOACH_RUBRICS",
            "STARCOACH_BANKS",
            "STARCOACH_COLOR",
            "STARCOACH_DATA_DIR",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "NO_COLOR",
            "COLUMNS",
        ] {
            c.env_remove(v);
        }
        c.env("STARCOACH_CONFIG", "");
        c.env("HOME", self.dir.path());
        c
    }
}

/// A shipped file's text (rubrics, for making edited copies).
pub fn shipped(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// A shipped rubric with one string replaced (which must be there).
pub fn edited(rel: &str, from: &str, to: &str) -> String {
    let text = shipped(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    text.replacen(from, to, 1)
}

/// Sample answers, from strong to weak.
pub const STRONG: &str = "Last spring I worked the billing line at a telecom call center. A caller was furious because she had been charged twice for her phone bill and had already called three times. My job was to fix it on that call. I let her finish, apologized for the trouble and repeated back what had happened so she knew I had it right. I checked the account, found the duplicate $40 charge, refunded it while she was on the line, and set up an alert so it could not happen again. She calmed down, thanked me, and her satisfaction survey gave us 5 out of 5. Since then I always check for duplicate charges first when a billing call comes in.";
pub const MIDDLE: &str = "A customer was angry about a late delivery. I apologized, tracked the parcel and told him when it would arrive. He was fine after that.";
pub const WEAK: &str = "I always stay calm and listen.";

/// The CSV cells of a document, parsed with the crate's own reader.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (recs, bad) = starcoach::grade::csv::read(text.as_bytes(), b',');
    assert!(bad.is_empty(), "{bad:?}");
    recs.into_iter()
        .map(|r| {
            r.fields
                .into_iter()
                .map(|f| String::from_utf8(f).unwrap())
                .collect()
        })
        .collect()
}
