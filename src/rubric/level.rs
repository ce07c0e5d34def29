//! Experience levels: the same answer is judged differently for an entry-level candidate
//! (a school project, a retail or volunteer example counts fully; the weight is on
//! transferable skills), an experienced one (a call-center example with measures and a complex
//! resolution) and a senior one (process improvement, coaching others).
//!
//! What changes at each level is rubric data: a rubric's `[levels.NAME]` tables (schema in
//! `docs/rubrics.md`), applied by the loader when a set is loaded at a level
//! ([`super::RubricSet::load_at`]). Without a level, the rubric is used as written.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The experience level an answer is judged against.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// No call-center experience yet: school, retail and volunteer examples count fully.
    Entry,
    /// Call-center or service experience: examples from it, with measures.
    Experienced,
    /// Team lead, supervisor, senior agent: process improvement and coaching others.
    Senior,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Entry, Level::Experienced, Level::Senior];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Entry => "entry",
            Level::Experienced => "experienced",
            Level::Senior => "senior",
        }
    }

    /// The level in a sentence: "judged at entry level".
    pub fn phrase(self) -> &'static str {
        match self {
            Level::Entry => "entry level",
            Level::Experienced => "experienced level",
            Level::Senior => "senior level",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "entry-level" | "junior" | "beginner" => "entry",
            "experience" | "mid" => "experienced",
            "lead" | "team-lead" | "supervisor" => "senior",
            other => other,
        };
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown level `{s}`; use one of {}",
                    Level::ALL.map(Level::as_str).join(", ")
                )
            })
    }
}

/// The level a rubric was compiled at, and what the feedback says about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelNote {
    pub level: Level,
    /// What this level is judged on, from the rubric's `[levels.NAME] note`.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_with_common_spellings() {
        assert_eq!("Entry".parse(), Ok(Level::Entry));
        assert_eq!("entry-level".parse(), Ok(Level::Entry));
        assert_eq!("team-lead".parse(), Ok(Level::Senior));
        let e = "expert".parse::<Level>().unwrap_err();
        assert!(e.contains("entry, experienced, senior"), "{e}");
    }
}
