//! Written-English notes: a few grouped, plain-words notes on the English of an answer (capital
//! "I", verb agreement, tense, spelling, articles...), each quoting the candidate's words and
//! showing them corrected.
//!
//! The engine is [Harper](https://github.com/Automattic/harper) (`harper-core`, the cargo
//! feature `english`, on by default): its lints are mapped to starcoach's own kinds of note
//! ([`rules`]: data in `rubrics/english/notes.toml`), a dictionary of call-center words and names
//! is added to its own (`rubrics/english/words.txt`), and a few patterns of non-native answers
//! that Harper does not see are added as data too ([`patterns`]). [`group`] turns the findings
//! into at most three notes, the most useful first.
//!
//! The notes live beside the [`crate::analyze::Analysis`], in [`crate::feedback::Feedback`]'s
//! `language`: the analyzer does not know about them, and they never change a score. Loading
//! the checker takes about a second, so the practice session loads it on a background thread
//! ([`Background`]); `analyze` and `grade` load it only when asked (`--english`).
//!
//! Without the `english` feature, [`Checker::load`] says the checker is not built in, and
//! everything else works as before.

pub mod background;
pub mod check;
pub mod group;
#[cfg(feature = "english")]
mod map;
pub mod patterns;
pub mod rules;
pub mod summary;

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use background::Background;
pub use check::Checker;

/// Whether this starcoach has the English checker built in (the `english` cargo feature).
pub const AVAILABLE: bool = cfg!(feature = "english");

/// The English an answer is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    #[default]
    American,
    British,
    Australian,
    Canadian,
    Indian,
}

impl Dialect {
    pub const ALL: [Dialect; 5] = [
        Dialect::American,
        Dialect::British,
        Dialect::Australian,
        Dialect::Canadian,
        Dialect::Indian,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::American => "american",
            Dialect::British => "british",
            Dialect::Australian => "australian",
            Dialect::Canadian => "canadian",
            Dialect::Indian => "indian",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dialect {
    type Err = String;

    /// `british`, `British`, `uk`, `gb`, `en-GB`... (case ignored).
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase().replace('_', "-");
        let t = t.strip_prefix("en-").unwrap_or(&t);
        Ok(match t {
            "american" | "us" | "usa" => Dialect::American,
            "british" | "uk" | "gb" => Dialect::British,
            "australian" | "au" => Dialect::Australian,
            "canadian" | "ca" => Dialect::Canadian,
            "indian" | "in" => Dialect::Indian,
            _ => {
                return Err(format!(
                    "unknown English dialect `{s}`; use american, british, australian, canadian or indian"
                ));
            }
        })
    }
}

/// How the checker is set up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub dialect: Dialect,
    /// Word files added to the call-center dictionary (one term a line, `#` comments).
    pub words: Vec<PathBuf>,
}

/// One example of a note: the candidate's words and the same words corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// Byte range of the quoted words in the answer.
    pub span: Range<usize>,
    pub quote: String,
    pub fix: String,
}

/// One grouped note: every finding of one kind in the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The kind's id (`capital-i`, `agreement`, `tense`, `spelling`...).
    pub kind: String,
    /// The kind in a few words ("Verb agreement").
    pub title: String,
    /// What to do, in plain words.
    pub message: String,
    /// The first examples, corrected, as one line: `“He says he”; “she gives”`.
    pub suggestion: String,
    /// How many findings of this kind the answer has.
    pub count: usize,
    /// The first few findings, quoted and corrected.
    pub examples: Vec<Example>,
    /// Every finding's byte range, in order.
    pub hits: Vec<Range<usize>>,
    /// The checker's own wording of the first finding, when it came from Harper.
    pub detail: Option<String>,
}

/// How many findings of one kind, for summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindCount {
    pub kind: String,
    pub title: String,
    pub count: usize,
}

/// The written-English notes on one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    pub dialect: Dialect,
    /// Words checked.
    pub words: usize,
    /// Findings, after overlapping ones are merged.
    pub findings: usize,
    pub per_100_words: f64,
    /// Whether the notes go before the STAR fixes (many mistakes per 100 words).
    pub lead: bool,
    /// The notes to show, most useful first (at most `max_notes` of the rules).
    pub notes: Vec<Note>,
    /// Every kind found with its count, most useful first (including those not shown).
    pub kinds: Vec<KindCount>,
}

impl Language {
    /// The same notes with every byte range moved `by` bytes on (for a part of a longer text).
    pub fn shifted(mut self, by: usize) -> Language {
        let mv = |r: &mut Range<usize>| *r = r.start + by..r.end + by;
        for n in &mut self.notes {
            n.hits.iter_mut().for_each(mv);
            n.examples.iter_mut().for_each(|e| mv(&mut e.span));
        }
        self
    }
}

/// Counts words the way the notes-per-100-words rate does: runs of letters or digits
/// (apostrophes and hyphens inside a word keep it whole).
pub fn count_words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialects_parse_by_name_and_by_country_code() {
        for (s, d) in [
            ("british", Dialect::British),
            ("en-GB", Dialect::British),
            ("UK", Dialect::British),
            ("Australian", Dialect::Australian),
            ("en_CA", Dialect::Canadian),
            ("indian", Dialect::Indian),
            ("us", Dialect::American),
        ] {
            assert_eq!(s.parse::<Dialect>(), Ok(d), "{s}");
        }
        let e = "scottish".parse::<Dialect>().unwrap_err();
        assert!(e.contains("`scottish`") && e.contains("british"), "{e}");
        for d in Dialect::ALL {
            assert_eq!(d.as_str().parse::<Dialect>(), Ok(d));
        }
    }

    #[test]
    fn shifting_moves_every_range() {
        let l = Language {
            dialect: Dialect::American,
            words: 3,
            findings: 1,
            per_100_words: 33.3,
            lead: false,
            notes: vec![Note {
                kind: "capital-i".into(),
                title: String::new(),
                message: String::new(),
                suggestion: String::new(),
                count: 1,
                examples: vec![Example {
                    span: 0..1,
                    quote: "i".into(),
                    fix: "I".into(),
                }],
                hits: std::iter::once(0..1).collect(),
                detail: None,
            }],
            kinds: Vec::new(),
        }
        .shifted(10);
        assert_eq!(l.notes[0].hits[0], 10..11);
        assert_eq!(l.notes[0].examples[0].span, 10..11);
    }
}
