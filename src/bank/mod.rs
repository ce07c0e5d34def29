//! Question banks: the questions a candidate practises, with what a complete answer covers.
//!
//! A bank is a TOML file (schema in `docs/banks.md`); the shipped ones live in `prompts/` and are
//! embedded in the binary. A [`Catalog`] is every bank loaded for a run: the embedded defaults,
//! then any `--bank PATH` or `STARCOACH_BANKS` files, where a bank with the same `bank.id`
//! replaces the default one. Question ids are unique across the whole catalog.

mod load;
mod text;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use load::{BankSource, parse_bank};

/// What sort of question it is; it picks the rubric an answer is scored with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// About the candidate in general ("Tell me about yourself").
    General,
    /// "Tell me about a time when...": wants one real past episode, told with STAR.
    Behavioral,
    /// "What would you do if...": wants an approach, steps and reasons.
    Situational,
    /// Why this job, why this company.
    Motivation,
    /// Where the candidate is heading.
    Career,
    /// Tools, systems and know-how.
    Technical,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::General,
        Kind::Behavioral,
        Kind::Situational,
        Kind::Motivation,
        Kind::Career,
        Kind::Technical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::General => "general",
            Kind::Behavioral => "behavioral",
            Kind::Situational => "situational",
            Kind::Motivation => "motivation",
            Kind::Career => "career",
            Kind::Technical => "technical",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "behavioural" => "behavioral",
            other => other,
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown kind `{s}`; use one of {}",
                    Kind::ALL.map(Kind::as_str).join(", ")
                )
            })
    }
}

/// The part of an answer a follow-up question digs into; also the feedback dimension it serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Probe {
    Situation,
    Task,
    Action,
    Result,
    Metrics,
    Reflection,
    Specificity,
    Ownership,
}

impl Probe {
    pub const ALL: [Probe; 8] = [
        Probe::Situation,
        Probe::Task,
        Probe::Action,
        Probe::Result,
        Probe::Metrics,
        Probe::Reflection,
        Probe::Specificity,
        Probe::Ownership,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Probe::Situation => "situation",
            Probe::Task => "task",
            Probe::Action => "action",
            Probe::Result => "result",
            Probe::Metrics => "metrics",
            Probe::Reflection => "reflection",
            Probe::Specificity => "specificity",
            Probe::Ownership => "ownership",
        }
    }
}

impl fmt::Display for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing a complete answer covers, as a checklist line for the candidate, with the words
/// that show it was covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    pub text: String,
    /// Phrases matched case-insensitively at word boundaries; a trailing `*` matches any word
    /// ending (`de-escalat*` matches "de-escalate" and "de-escalated").
    pub keywords: Vec<String>,
    /// Concepts (the rubric's `synonyms_NAME` word lists) whose words cover the area when
    /// they are in a step the candidate tells ("I let her finish" for `calming`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// The STAR part this area asks for ("Say how the call ended": the result). A sentence the
    /// analysis reads as that part by its own cues covers the area, whatever its words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Probe>,
}

/// A question an interviewer asks next, and the part of the answer it probes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub text: String,
    pub probes: Probe,
}

/// A question's own wording for one rule of its kind's rubric; what it leaves out stays the
/// rubric's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleWording {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The follow-up asked when this rule's finding comes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
}

impl Question {
    /// The question's own wording for `rule`, if it has one.
    pub fn wording(&self, rule: &str) -> Option<&RuleWording> {
        self.rules.iter().find(|r| r.id == rule)
    }
}

/// A sample answer from the seed material (one good way to answer, not the only one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub title: String,
    pub text: String,
}

/// A practice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Stable kebab-case id, unique across all loaded banks.
    pub id: String,
    /// What the candidate is asked.
    pub text: String,
    pub kind: Kind,
    /// Competencies (kebab-case), shared across banks so drills can find related questions.
    pub tags: Vec<String>,
    /// The seed document (or other source) the question comes from.
    pub source: String,
    /// The section of the source it sits in, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// What the interviewer listens for, told to the candidate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub looks_for: Option<String>,
    /// A one-line nudge before answering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub areas: Vec<Area>,
    pub follow_ups: Vec<FollowUp>,
    pub tips: Vec<String>,
    pub examples: Vec<Example>,
    /// Rules of the kind's rubric this question does not ask for ("why does that work?" has
    /// no place in "Tell me about yourself"): not scored, not shown, never a follow-up.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<String>,
    /// What a rule's finding means for this question, in its own words ("why does that work?"
    /// is "why this role?" in "Tell me about yourself").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleWording>,
    /// The bank the question was loaded from.
    pub bank: String,
}

impl Question {
    /// The follow-ups that probe `probe`, in bank order.
    pub fn follow_ups_for(&self, probe: Probe) -> impl Iterator<Item = &FollowUp> {
        self.follow_ups.iter().filter(move |f| f.probes == probe)
    }
}

/// The STAR method as the seed explains it, with its worked example; shown by `:star` and used
/// to check the analyzer labels the worked example the way the seed does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StarGuide {
    pub intro: String,
    pub parts: Vec<StarPart>,
    pub source: String,
}

/// One letter of STAR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StarPart {
    /// `situation`, `task`, `action` or `result`.
    pub component: Probe,
    /// What the part says, in a sentence for the candidate.
    pub meaning: String,
    /// The worked example's text for this part.
    pub example: String,
}

/// One loaded bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub source: String,
    pub questions: Vec<Question>,
    pub star: Option<StarGuide>,
    /// Where it was loaded from (`embedded:prompts/x.toml` for built-in banks).
    pub origin: String,
}

/// Filters for listing and drawing questions; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kinds: Vec<Kind>,
    /// A question matches when it has any of these tags.
    pub tags: Vec<String>,
    /// Matches the question's source or bank id, or a prefix of either (`003` finds
    /// `003_ffd394d45dab86fa.txt`).
    pub sources: Vec<String>,
    /// Every word must appear in the id, text, tags, category or areas.
    pub search: Vec<String>,
}

impl Filter {
    pub fn matches(&self, q: &Question) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&q.kind))
            && (self.tags.is_empty()
                || self
                    .tags
                    .iter()
                    .any(|t| q.tags.iter().any(|qt| qt.eq_ignore_ascii_case(t))))
            && (self.sources.is_empty()
                || self.sources.iter().any(|s| {
                    let s = s.to_ascii_lowercase();
                    q.source.to_ascii_lowercase().starts_with(&s) || q.bank.starts_with(&s)
                }))
            && (self.search.is_empty() || {
                let hay = searchable(q);
                self.search.iter().all(|w| hay.contains(&w.to_lowercase()))
            })
    }
}

fn searchable(q: &Question) -> String {
    let mut s = String::with_capacity(256);
    for part in [
        q.id.as_str(),
        q.text.as_str(),
        q.category.as_deref().unwrap_or(""),
    ] {
        s.push_str(&part.to_lowercase());
        s.push(' ');
    }
    for t in &q.tags {
        s.push_str(t);
        s.push(' ');
    }
    for a in &q.areas {
        s.push_str(&a.text.to_lowercase());
        s.push(' ');
    }
    s
}

/// Every bank loaded for a run.
///
/// The shipped banks are parsed when a question is first asked for, so a command that needs
/// none (`analyze` without `--question`) does not pay for them; banks from files are parsed
/// (and checked) when the catalog is loaded.
#[derive(Debug, Clone)]
pub struct Catalog {
    banks: std::sync::OnceLock<Vec<Bank>>,
    /// Built on the first lookup by id or by text.
    index: std::sync::OnceLock<Index>,
}

/// Where each question is, by id and by its text folded as [`text::question_key`] folds it:
/// `(bank, question)` positions, the first in catalog order for a text several questions share.
#[derive(Debug, Clone, Default)]
struct Index {
    by_id: HashMap<String, (usize, usize)>,
    by_text: HashMap<String, (usize, usize)>,
}

impl Index {
    fn of(banks: &[Bank]) -> Index {
        let mut index = Index::default();
        for (b, bank) in banks.iter().enumerate() {
            for (i, q) in bank.questions.iter().enumerate() {
                index.by_id.entry(q.id.clone()).or_insert((b, i));
                let key = text::question_key(&q.text);
                if !key.is_empty() {
                    index.by_text.entry(key).or_insert((b, i));
                }
            }
        }
        index
    }
}

impl Catalog {
    /// The banks shipped in the binary.
    pub fn embedded() -> Result<Catalog> {
        Catalog::load(&[])
    }

    /// The embedded banks plus `extra` sources (files or folders), later ones replacing earlier
    /// banks with the same id. All problems in all files are reported together.
    pub fn load(extra: &[BankSource]) -> Result<Catalog> {
        if extra.is_empty() {
            return Ok(Catalog {
                banks: std::sync::OnceLock::new(),
                index: std::sync::OnceLock::new(),
            });
        }
        load::load_catalog(extra)
    }

    /// Only the given sources, without the embedded defaults (what `bank check` validates).
    pub fn load_only(sources: &[BankSource]) -> Result<Catalog> {
        load::load_sources(sources)
    }

    fn from_banks(banks: Vec<Bank>) -> Catalog {
        Catalog {
            banks: std::sync::OnceLock::from(banks),
            index: std::sync::OnceLock::new(),
        }
    }

    /// The banks, parsing the shipped ones now if this is their first use.
    pub fn banks(&self) -> &[Bank] {
        self.banks.get_or_init(|| match load::load_catalog(&[]) {
            Ok(c) => c.banks.into_inner().unwrap_or_default(),
            Err(e) => panic!("the shipped question banks are invalid (the tests check them): {e}"),
        })
    }

    /// All questions, bank by bank, in file order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.banks().iter().flat_map(|b| b.questions.iter())
    }

    pub fn len(&self) -> usize {
        self.banks().iter().map(|b| b.questions.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::of(self.banks()))
    }

    fn at(&self, (b, i): (usize, usize)) -> &Question {
        &self.banks()[b].questions[i]
    }

    /// The question with this id (a hash lookup).
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.index().by_id.get(id).map(|&at| self.at(at))
    }

    /// Where a question comes from, for people: the title of its bank when the question has
    /// the bank's source (a published guide's title rather than the seed file's name), or the
    /// question's own `source` when it names another.
    pub fn source_title<'a>(&'a self, q: &'a Question) -> &'a str {
        self.banks()
            .iter()
            .find(|b| b.id == q.bank)
            .filter(|b| b.source == q.source && !b.title.trim().is_empty())
            .map_or(q.source.as_str(), |b| b.title.as_str())
    }

    /// The question whose text is `text`, up to case, spacing, curly quotes and the final
    /// punctuation; never a question that is only close to it (a near-miss is `None`: grading
    /// an answer against the wrong question is worse than grading it against none).
    ///
    /// When several questions share the text (the same question taken from several seed
    /// guides), the first in catalog order is the one: that order is fixed (the shipped banks,
    /// then `--bank` files in the order given, a replacing bank taking the place of the one it
    /// replaces), so the same input always gets the same question, and the question's id is in
    /// every output, so a coach who wants the other one gives its id instead.
    ///
    /// A hash lookup of the folded text, not a scan (batch grading looks up every row).
    pub fn find_by_text(&self, text: &str) -> Option<&Question> {
        let key = text::question_key(text);
        if key.is_empty() {
            return None;
        }
        self.index().by_text.get(&key).map(|&at| self.at(at))
    }

    /// The question with this id, or an error that suggests the closest ids.
    pub fn require(&self, id: &str) -> Result<&Question> {
        self.get(id).ok_or_else(|| Error::UnknownQuestion {
            id: id.to_string(),
            suggestions: self.closest_ids(id),
        })
    }

    /// Up to three ids close to `id`.
    pub fn closest_ids(&self, id: &str) -> Vec<String> {
        crate::suggest::closest(id, self.questions().map(|q| q.id.as_str()), 3)
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    pub fn filter<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions().filter(move |q| filter.matches(q))
    }

    /// The STAR guide from the first bank that carries one.
    pub fn star_guide(&self) -> Option<&StarGuide> {
        self.banks().iter().find_map(|b| b.star.as_ref())
    }

    /// Every tag in use, sorted, with how many questions carry it.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for q in self.questions() {
            for t in &q.tags {
                *counts.entry(t).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect()
    }
}

/// Bank sources named by the `STARCOACH_BANKS` environment variable (a path list, `:`-separated
/// on Unix).
pub fn sources_from_env() -> Vec<BankSource> {
    std::env::var_os("STARCOACH_BANKS")
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .map(BankSource::Path)
                .collect()
        })
        .unwrap_or_default()
}

/// A path source from a command-line argument.
pub fn source_path(p: impl Into<PathBuf>) -> BankSource {
    BankSource::Path(p.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank(id: &str, questions: &[(&str, &str, &str)]) -> BankSource {
        let mut text = format!("[bank]\nid = \"{id}\"\ntitle = \"T\"\nsource = \"t.txt\"\n");
        for (qid, kind, q) in questions {
            text.push_str(&format!(
                "\n[[question]]\nid = \"{qid}\"\ntext = \"{q}\"\nkind = \"{kind}\"\n"
            ));
        }
        BankSource::Text {
            name: format!("{id}.toml"),
            text,
        }
    }

    #[test]
    fn find_by_text_finds_a_shipped_question_however_it_is_typed() {
        let c = Catalog::embedded().unwrap();
        for typed in [
            "Tell me about yourself.",
            "tell me about yourself",
            "  Tell me   about yourself? ",
            "What would you do if you didn\u{2019}t know the answer to a customer\u{2019}s question?",
        ] {
            let q = c.find_by_text(typed);
            assert!(q.is_some(), "{typed:?}");
        }
        assert_eq!(
            c.find_by_text("TELL ME ABOUT YOURSELF")
                .map(|q| q.id.as_str()),
            Some("tell-me-about-yourself")
        );
    }

    #[test]
    fn find_by_text_does_not_guess() {
        let c = Catalog::embedded().unwrap();
        for typed in [
            "Tell me about yourself and your family.",
            "Tell me a bit about yourself.",
            "Tell me about your self.",
            "tell-me-about-yourself",
            "",
        ] {
            assert_eq!(c.find_by_text(typed).map(|q| &q.id), None, "{typed:?}");
        }
    }

    #[test]
    fn a_text_in_several_banks_finds_the_first_in_catalog_order() {
        let c = Catalog::load_only(&[
            bank(
                "one",
                &[("calm-one", "behavioral", "How do you stay calm?")],
            ),
            bank(
                "two",
                &[
                    ("other", "general", "Why us?"),
                    ("calm-two", "situational", "How do you stay calm"),
                ],
            ),
        ])
        .unwrap();
        let q = c.find_by_text("how do you stay calm?").unwrap();
        assert_eq!((q.id.as_str(), q.kind), ("calm-one", Kind::Behavioral));
        assert_eq!(
            c.find_by_text("Why us").map(|q| q.id.as_str()),
            Some("other")
        );
    }
}
