//! Rubrics: every word, pattern, weight, threshold and message the analyzer uses.
//!
//! A rubric is a TOML file (schema in `docs/rubrics.md`) made of lexicons (named word lists),
//! cues (evidence for a sentence's STAR label or for the answer's episode type) and rules of a
//! small closed set of kinds ([`RuleKind`]), each feeding one [`Dimension`] with credit or
//! penalty points, a message and a suggestion, and carrying examples that a test runs.
//!
//! The shipped rubrics live in `rubrics/` and are embedded; `common.toml` holds what all of them
//! share and the others `extends` it. A [`RubricSet`] picks the rubric for a question's kind.
//! Everything is compiled once at load (one phrase automaton for all lexicons, every regex);
//! analyzing an answer only runs them.

mod compile;
mod cue;
mod level;
mod matcher;
mod pattern;
mod rule;
mod schema;

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::analyze::{Episode, Label, MetricRole, QuantityKind};
use crate::bank::{Kind, Probe};
use crate::error::Result;

pub use compile::{
    RubricSource, load_rubric_file, load_rubric_file_at, parse_rubric, parse_rubric_at,
};
pub use cue::{
    Aux, ClauseQuery, Cue, CueMatch, CueTarget, Feature, FeatureLexicons, Labelling, Position,
    Region, Subject, Tense,
};
pub use level::{Level, LevelNote};
pub use matcher::{LexiconId, PhraseMatcher};
pub use pattern::{Haystack, Pattern, ascii_exact};
pub use rule::{
    Anchor, ComponentMeasure, Counted, Effect, LengthMeasure, Rule, RuleExample, RuleKind,
    Severity, Spec,
};

/// A scored aspect of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Situation,
    Task,
    Action,
    Result,
    Specificity,
    Metrics,
    Reflection,
    Ownership,
    Delivery,
    Relevance,
    /// General questions: does the answer connect to the role and the company?
    Fit,
    /// Situational questions: are the steps and the reasons there?
    Approach,
    /// How the candidate speaks of others: no blame, contempt or sarcasm.
    Attitude,
}

impl Dimension {
    pub const ALL: [Dimension; 13] = [
        Dimension::Situation,
        Dimension::Task,
        Dimension::Action,
        Dimension::Result,
        Dimension::Specificity,
        Dimension::Metrics,
        Dimension::Reflection,
        Dimension::Ownership,
        Dimension::Delivery,
        Dimension::Relevance,
        Dimension::Fit,
        Dimension::Approach,
        Dimension::Attitude,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Situation => "situation",
            Dimension::Task => "task",
            Dimension::Action => "action",
            Dimension::Result => "result",
            Dimension::Specificity => "specificity",
            Dimension::Metrics => "metrics",
            Dimension::Reflection => "reflection",
            Dimension::Ownership => "ownership",
            Dimension::Delivery => "delivery",
            Dimension::Relevance => "relevance",
            Dimension::Fit => "fit",
            Dimension::Approach => "approach",
            Dimension::Attitude => "attitude",
        }
    }

    /// The follow-up probe that digs into this dimension, for the dimensions that are parts
    /// of a told story (a bank's follow-ups are tagged with these).
    pub fn probe(self) -> Option<Probe> {
        match self {
            Dimension::Situation => Some(Probe::Situation),
            Dimension::Task => Some(Probe::Task),
            Dimension::Action => Some(Probe::Action),
            Dimension::Result => Some(Probe::Result),
            Dimension::Metrics => Some(Probe::Metrics),
            Dimension::Reflection => Some(Probe::Reflection),
            Dimension::Specificity => Some(Probe::Specificity),
            Dimension::Ownership => Some(Probe::Ownership),
            Dimension::Fit
            | Dimension::Approach
            | Dimension::Delivery
            | Dimension::Relevance
            | Dimension::Attitude => None,
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Thresholds of the episode classifier.
#[derive(Debug, Clone)]
pub struct EpisodeSettings {
    pub min_evidence: f64,
    pub specific_min_sentences: usize,
    pub dominant_share: f64,
}

/// What counts as a metric.
#[derive(Debug, Clone)]
pub struct MetricSettings {
    pub kpi: LexiconId,
    pub kinds: Vec<QuantityKind>,
    /// A quantity inside a match has the role `other` (narrative time, ages): never a metric.
    pub ignore: Vec<Pattern>,
    pub min_count: f64,
    /// Patterns that give a quantity inside a match its role ("5 years of experience" is
    /// tenure), tried in order before the grammar decides.
    pub roles: Vec<RolePattern>,
    /// Optional: words before a number in its clause that make it a target ("a target of 90%").
    pub target_words: Option<LexiconId>,
    /// Optional: verbs whose duration is how long someone has worked ("worked there for 3 years").
    pub tenure_verbs: Option<LexiconId>,
}

/// `[[metrics.role]]`: quantities inside a match of `pattern` have `role`.
#[derive(Debug, Clone)]
pub struct RolePattern {
    pub role: MetricRole,
    pub pattern: Pattern,
    pub examples: Vec<RuleExample>,
    pub origin: String,
}

/// The language check: answers with too few common words of the expected language are not read.
#[derive(Debug, Clone)]
pub struct LanguageCheck {
    pub lexicon: LexiconId,
    pub min_share: f64,
    pub min_words: usize,
    pub message: String,
    pub suggestion: String,
}

/// How length scales the overall score.
#[derive(Debug, Clone, Copy)]
pub struct Scoring {
    pub full_words: f64,
    pub floor: f64,
}

impl Scoring {
    /// The factor the overall score is multiplied by for an answer of `words` words.
    pub fn length_factor(&self, words: usize) -> f64 {
        if self.full_words <= 0.0 {
            return 1.0;
        }
        let f = self.floor.clamp(0.0, 1.0);
        f + (1.0 - f) * (words as f64 / self.full_words).min(1.0)
    }
}

/// Speaking time.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub words_per_minute: f64,
    pub target_seconds: [f64; 2],
}

/// How much feedback to give.
#[derive(Debug, Clone)]
pub struct FeedbackSettings {
    pub max_fixes: usize,
    pub max_strengths: usize,
    pub strength_min: f64,
    /// A STAR part is praised only with a sentence whose own cue evidence reaches this.
    pub praise_evidence: f64,
    pub no_strength: String,
    pub well_done: String,
}

/// A score band ("strong" from 70).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub min: f64,
    pub name: String,
}

/// A compiled rubric, ready to score answers.
#[derive(Debug, Clone)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub kinds: Vec<Kind>,
    /// Where it was loaded from (`embedded:rubrics/x.toml` for built-in rubrics).
    pub origin: String,
    /// The rubric it extends, if any.
    pub extends: Option<String>,
    /// Weight of each dimension in the overall score (dimensions without weight are not scored).
    pub weights: Vec<(Dimension, f64)>,
    pub bands: Vec<Band>,
    /// Lexicon names, by id.
    pub lexicon_names: Vec<String>,
    /// Lexicon terms, by id.
    pub lexicon_terms: Vec<Vec<String>>,
    pub matcher: PhraseMatcher,
    /// Explicit part labels ("Situation:", "(Result)"): lowercase word -> label.
    pub labels: Vec<(String, Label)>,
    pub labelling: Labelling,
    pub features: FeatureLexicons,
    pub cues: Vec<Cue>,
    pub episode: EpisodeSettings,
    pub metrics: MetricSettings,
    pub language: Option<LanguageCheck>,
    pub scoring: Scoring,
    pub delivery: Delivery,
    pub feedback: FeedbackSettings,
    /// Generic follow-up questions by dimension, used when the question has none for it.
    pub follow_ups: Vec<GenericFollowUp>,
    pub rules: Vec<Rule>,
    /// The files this rubric was assembled from, base first (for `rubric show`).
    pub files: Vec<String>,
    /// The experience level it was compiled at (its `[levels]` tables applied), if any.
    pub level: Option<LevelNote>,
    /// A fingerprint of the lexicons (names and terms), computed on first use
    /// ([`Rubric::lexicons_fingerprint`]).
    pub lexicons_hash: std::sync::OnceLock<u64>,
}

impl Rubric {
    /// A fingerprint of every lexicon, names and terms: caches of structures built from the
    /// word lists are keyed by it (two rubrics may share an id but not their lists). Hashed
    /// once per rubric, not once per answer.
    pub fn lexicons_fingerprint(&self) -> u64 {
        *self.lexicons_hash.get_or_init(|| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.lexicon_names.hash(&mut h);
            self.lexicon_terms.hash(&mut h);
            h.finish()
        })
    }

    /// The id of the lexicon called `name`.
    pub fn lexicon(&self, name: &str) -> Option<LexiconId> {
        self.lexicon_names.iter().position(|n| n == name)
    }

    /// The weight of a dimension in the overall score (0 when not scored).
    pub fn weight(&self, d: Dimension) -> f64 {
        self.weights
            .iter()
            .find(|(x, _)| *x == d)
            .map_or(0.0, |(_, w)| *w)
    }

    /// The band a score falls in, judged on the whole number it is shown as: "85/100" is
    /// never printed beside the band below 85.
    pub fn band(&self, score: f64) -> &str {
        let shown = score.round();
        self.bands
            .iter()
            .rev()
            .find(|b| shown >= b.min)
            .or(self.bands.first())
            .map_or("", |b| b.name.as_str())
    }

    /// A generic follow-up about `dimension`.
    pub fn follow_up(&self, dimension: Dimension) -> Option<&str> {
        self.follow_ups
            .iter()
            .find(|f| f.dimension == dimension && f.rule.is_none())
            .map(|f| f.text.as_str())
    }

    /// The follow-up written for the finding of `rule` and an answer told as `episode`, if
    /// the rubric has one.
    pub fn follow_up_for_rule(&self, rule: &str, episode: Episode) -> Option<(Dimension, &str)> {
        self.follow_ups
            .iter()
            .find(|f| {
                f.rule.as_deref() == Some(rule)
                    && (f.episodes.is_empty() || f.episodes.contains(&episode))
            })
            .map(|f| (f.dimension, f.text.as_str()))
    }
}

/// A follow-up question of the rubric's own, by dimension.
#[derive(Debug, Clone)]
pub struct GenericFollowUp {
    pub dimension: Dimension,
    /// Asked for this rule's finding only.
    pub rule: Option<String>,
    /// Asked only of answers told as one of these (any when empty).
    pub episodes: Vec<Episode>,
    pub text: String,
}

/// Every rubric loaded for a run, and which one scores each question kind.
///
/// The shipped rubrics are compiled when a question of their kind first needs them, so a run
/// that scores one kind compiles one rubric; rubrics from files are compiled (and checked) when
/// the set is loaded.
#[derive(Debug, Clone)]
pub struct RubricSet {
    entries: Vec<Entry>,
    /// The experience level the rubrics judge at (`None`: as written).
    level: Option<Level>,
}

/// One rubric of a set: its kinds, and the rubric once compiled.
#[derive(Debug, Clone)]
struct Entry {
    kinds: Vec<Kind>,
    rubric: std::sync::OnceLock<Rubric>,
    /// An embedded rubric not compiled yet: `(path, text)`, and the level to compile it at.
    embedded: Option<(&'static str, &'static str)>,
    level: Option<Level>,
}

impl Entry {
    fn ready(r: Rubric) -> Entry {
        Entry {
            kinds: r.kinds.clone(),
            rubric: std::sync::OnceLock::from(r),
            embedded: None,
            level: None,
        }
    }

    fn lazy(
        kinds: Vec<Kind>,
        path: &'static str,
        text: &'static str,
        level: Option<Level>,
    ) -> Entry {
        Entry {
            kinds,
            rubric: std::sync::OnceLock::new(),
            embedded: Some((path, text)),
            level,
        }
    }

    fn get(&self) -> &Rubric {
        self.rubric.get_or_init(|| {
            let (path, text) = self
                .embedded
                .expect("a rubric from a file is compiled at load");
            compile::compile_embedded(path, text, self.level)
        })
    }
}

impl RubricSet {
    /// The rubrics shipped in the binary.
    pub fn embedded() -> Result<RubricSet> {
        RubricSet::load(&[])
    }

    /// The embedded rubrics, then `extra` files replacing the default for the kinds they list.
    pub fn load(extra: &[PathBuf]) -> Result<RubricSet> {
        compile::load_set(extra, None)
    }

    /// Like [`RubricSet::load`], every rubric judging candidates of `level` (its `[levels]`
    /// tables applied; `None`: as written).
    pub fn load_at(extra: &[PathBuf], level: Option<Level>) -> Result<RubricSet> {
        compile::load_set(extra, level)
    }

    /// The level this set judges at.
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// The rubric that scores `kind` (compiled now if it is a shipped one not used yet).
    pub fn for_kind(&self, kind: Kind) -> &Rubric {
        self.entries[self.index_for_kind(kind)].get()
    }

    /// The position in [`RubricSet::rubrics`] of the rubric that scores `kind`.
    pub fn index_for_kind(&self, kind: Kind) -> usize {
        let last = |k: Kind| self.entries.iter().rposition(|r| r.kinds.contains(&k));
        last(kind)
            .or_else(|| {
                self.entries
                    .iter()
                    .position(|r| r.kinds.contains(&Kind::Behavioral))
            })
            .unwrap_or(0)
    }

    /// The number of rubrics in the set.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Never true: a set has at least one rubric.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every rubric of the set, in load order (compiling those not compiled yet).
    pub fn rubrics(&self) -> impl ExactSizeIterator<Item = &Rubric> {
        self.entries.iter().map(Entry::get)
    }

    /// This set with `more` rubrics after it (they win for the kinds they score); shipped
    /// rubrics not compiled yet stay so.
    pub fn with(&self, more: Vec<Rubric>) -> RubricSet {
        let mut entries = self.entries.clone();
        entries.extend(more.into_iter().map(Entry::ready));
        RubricSet {
            entries,
            level: self.level,
        }
    }

    /// Builds a set from rubrics already compiled (at least one).
    pub fn from_rubrics(rubrics: Vec<Rubric>) -> RubricSet {
        assert!(!rubrics.is_empty(), "a rubric set needs a rubric");
        let level = rubrics
            .iter()
            .find_map(|r| r.level.as_ref().map(|l| l.level));
        RubricSet {
            entries: rubrics.into_iter().map(Entry::ready).collect(),
            level,
        }
    }
}
