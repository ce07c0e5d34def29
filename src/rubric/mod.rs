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
mod matcher;
mod schema;

use std::fmt;
use std::path::PathBuf;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::analyze::{Episode, Label, QuantityKind};
use crate::bank::{Kind, Probe};
use crate::error::Result;

pub use compile::{RubricSource, load_rubric_file, parse_rubric};
pub use matcher::{LexiconId, PhraseMatcher};

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
}

impl Dimension {
    pub const ALL: [Dimension; 12] = [
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
            Dimension::Fit | Dimension::Approach | Dimension::Delivery | Dimension::Relevance => {
                None
            }
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// The closed set of rule kinds. Each measures one number from the analyzed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Occurrences of lexicon phrases (`lexicon`/`lexicons`), optionally per `per_words`.
    Phrase,
    /// Occurrences of a regex (`pattern`).
    Pattern,
    /// Sentences labelled `component` (`measure = "sentences"`), the same with sentences that
    /// only inherit the label counting half (`measure = "weighted"`), or their share of the words
    /// (`measure = "share"`).
    Component,
    /// Steps backwards in the situation -> task -> action -> result -> reflection order.
    Order,
    /// Quantified results (see `[metrics]`) in the `scope` sentences.
    Metric,
    /// Share of `numerator` hits among `numerator` + `denominator` hits; each side is a lexicon
    /// or a clause feature (`we_past` counts "we called", not "we" in "that we were sorry").
    Ratio,
    /// Estimated speaking seconds (`measure = "seconds"`, default), words, or the words of the
    /// longest sentence (`measure = "sentence"`).
    Length,
    /// Share of the question's areas to cover that the answer touches.
    Coverage,
    /// 1 when the answer's episode type is one of `episodes`, else 0; with
    /// `measure = "sentences"`, the number of sentences of those types.
    Episode,
    /// Concrete details: numbers, names, quoted words, `lexicon` terms, and noun phrases
    /// opened by a `determiners` word whose next word is not `generic`.
    Detail,
    /// Content words used at least `min_repeats` times.
    Repetition,
    /// Clauses with a grammatical feature (`features`, e.g. "i_modal": "I would listen").
    Clause,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Phrase => "phrase",
            RuleKind::Pattern => "pattern",
            RuleKind::Component => "component",
            RuleKind::Order => "order",
            RuleKind::Metric => "metric",
            RuleKind::Ratio => "ratio",
            RuleKind::Length => "length",
            RuleKind::Coverage => "coverage",
            RuleKind::Episode => "episode",
            RuleKind::Detail => "detail",
            RuleKind::Repetition => "repetition",
            RuleKind::Clause => "clause",
        }
    }
}

/// How a rule turns its measure into points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Worth `points`: the full amount at `min` or more (and at `max` or less, when set),
    /// proportionally less below `min` (or above `max`).
    Credit {
        points: f64,
        min: f64,
        max: Option<f64>,
    },
    /// Costs `penalty` per unit above `max`, at most `cap`.
    Penalty { penalty: f64, max: f64, cap: f64 },
}

/// Where a finding with no evidence spans points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    First,
    Last,
}

/// A rubric example: an answer and what the rule must find in it.
#[derive(Debug, Clone)]
pub struct RuleExample {
    pub text: String,
    pub hits: Option<usize>,
    pub fires: Option<bool>,
    pub areas: Vec<Vec<String>>,
}

/// What a rule measures, with its compiled data.
#[derive(Debug, Clone)]
pub enum Spec {
    Phrase {
        lexicons: Vec<LexiconId>,
        unless: Option<Regex>,
        per_words: Option<f64>,
    },
    Pattern {
        regex: Regex,
        unless: Option<Regex>,
        per_words: Option<f64>,
    },
    Component {
        label: Label,
        measure: ComponentMeasure,
    },
    Order,
    Metric,
    Ratio {
        numerator: Counted,
        denominator: Counted,
    },
    Length {
        measure: LengthMeasure,
    },
    Coverage,
    Episode {
        episodes: Vec<Episode>,
        /// Count sentences of these types instead of judging the whole answer.
        sentences: bool,
    },
    Clause {
        features: Vec<Feature>,
    },
    Detail {
        lexicon: Option<LexiconId>,
        determiners: Option<LexiconId>,
        generic: Option<LexiconId>,
        stopwords: Option<LexiconId>,
        per_words: Option<f64>,
    },
    Repetition {
        min_repeats: usize,
        stopwords: Option<LexiconId>,
    },
}

/// What a length rule measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthMeasure {
    /// Estimated speaking seconds.
    Seconds,
    /// Words in the answer.
    Words,
    /// Words in the longest sentence (a run-on is hard to follow).
    LongestSentence,
}

/// What a component rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentMeasure {
    /// Sentences with the part.
    Sentences,
    /// Sentences with the part, those resting only on their neighbours and position counting
    /// half: a result sentence with no outcome in it is a vague result.
    Weighted,
    /// The part's share of the answer's words.
    Share,
}

/// What a ratio rule counts on each side: lexicon hits, or clauses with a grammatical feature
/// (`we_past`: "we called").
#[derive(Debug, Clone)]
pub enum Counted {
    Lexicons(Vec<LexiconId>),
    Features(Vec<Feature>),
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub dimension: Dimension,
    pub severity: Severity,
    pub effect: Effect,
    /// The rule applies only when its measure reaches this.
    pub applies_from: Option<f64>,
    pub message: String,
    pub suggestion: String,
    /// Said instead when a credit rule is met in part (the measure is above 0 but short).
    pub partial_message: Option<String>,
    pub partial_suggestion: Option<String>,
    pub praise: Option<String>,
    /// Sentence labels the rule looks at; empty for the whole answer.
    pub scope: Vec<Label>,
    pub anchor: Anchor,
    pub spec: Spec,
    pub examples: Vec<RuleExample>,
    /// The rubric author's note on why the rule exists.
    pub note: Option<String>,
    /// `file:line` where the rule is defined.
    pub origin: String,
}

/// What a cue is evidence for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueTarget {
    Label(Label),
    Episode(Episode),
}

/// A grammatical feature of a sentence, computed from the `[features]` lexicons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    /// Subject (`i`, `we`, `other`) followed by a verb in the past, present or with a modal.
    Clause(Subject, Tense),
    /// The sentence holds a metric quantity.
    Quantity,
    /// The sentence ends with a question mark.
    Question,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    I,
    We,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// A past action: "called", "took".
    Past,
    Present,
    Modal,
    /// A past state: "was", "had" (setting a scene rather than doing something).
    State,
}

impl Feature {
    pub const NAMES: [&'static str; 14] = [
        "i_past",
        "i_present",
        "i_modal",
        "i_state",
        "we_past",
        "we_present",
        "we_modal",
        "we_state",
        "other_past",
        "other_present",
        "other_modal",
        "other_state",
        "quantity",
        "question",
    ];

    pub fn parse(name: &str) -> Option<Feature> {
        let clause = |s, t| Some(Feature::Clause(s, t));
        match name {
            "i_past" => clause(Subject::I, Tense::Past),
            "i_present" => clause(Subject::I, Tense::Present),
            "i_modal" => clause(Subject::I, Tense::Modal),
            "i_state" => clause(Subject::I, Tense::State),
            "we_past" => clause(Subject::We, Tense::Past),
            "we_present" => clause(Subject::We, Tense::Present),
            "we_modal" => clause(Subject::We, Tense::Modal),
            "we_state" => clause(Subject::We, Tense::State),
            "other_past" => clause(Subject::Other, Tense::Past),
            "other_present" => clause(Subject::Other, Tense::Present),
            "other_modal" => clause(Subject::Other, Tense::Modal),
            "other_state" => clause(Subject::Other, Tense::State),
            "quantity" => Some(Feature::Quantity),
            "question" => Some(Feature::Question),
            _ => None,
        }
    }
}

/// How a cue finds its evidence.
#[derive(Debug, Clone)]
pub enum CueMatch {
    Pattern(Regex),
    Lexicon(LexiconId),
    Feature(Feature),
}

/// One piece of labelling evidence.
#[derive(Debug, Clone)]
pub struct Cue {
    pub id: String,
    pub target: CueTarget,
    pub matcher: CueMatch,
    pub weight: f64,
    /// Episode cues: ties the answer to one particular event.
    pub anchor: bool,
    pub examples: Vec<RuleExample>,
    pub note: Option<String>,
    pub origin: String,
}

/// Settings of the sentence labeller (see `analyze::star`).
#[derive(Debug, Clone)]
pub struct Labelling {
    pub min_evidence: f64,
    pub stay: f64,
    pub forward: f64,
    pub skip: f64,
    pub backward: f64,
    pub explicit_carry: f64,
    pub secondary_min: f64,
    /// Per label (index = `Label as usize`): weights for the first, middle and last third.
    pub position: [[f64; 3]; Label::COUNT],
}

/// The lexicons behind the grammatical features.
#[derive(Debug, Clone)]
pub struct FeatureLexicons {
    pub subject_i: LexiconId,
    pub subject_we: LexiconId,
    pub subject_other: LexiconId,
    pub modal: LexiconId,
    pub past_irregular: LexiconId,
    pub past_state: LexiconId,
    pub not_verbs: LexiconId,
    pub adverbs: LexiconId,
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
    pub ignore: Vec<Regex>,
    pub min_count: f64,
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
    pub follow_ups: Vec<(Dimension, String)>,
    pub rules: Vec<Rule>,
    /// The files this rubric was assembled from, base first (for `rubric show`).
    pub files: Vec<String>,
}

impl Rubric {
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

    /// The band a score falls in.
    pub fn band(&self, score: f64) -> &str {
        self.bands
            .iter()
            .rev()
            .find(|b| score >= b.min)
            .or(self.bands.first())
            .map_or("", |b| b.name.as_str())
    }

    /// A generic follow-up about `dimension`.
    pub fn follow_up(&self, dimension: Dimension) -> Option<&str> {
        self.follow_ups
            .iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, t)| t.as_str())
    }
}

/// Every rubric loaded for a run, and which one scores each question kind.
#[derive(Debug, Clone)]
pub struct RubricSet {
    rubrics: Vec<Rubric>,
}

impl RubricSet {
    /// The rubrics shipped in the binary.
    pub fn embedded() -> Result<RubricSet> {
        RubricSet::load(&[])
    }

    /// The embedded rubrics, then `extra` files replacing the default for the kinds they list.
    pub fn load(extra: &[PathBuf]) -> Result<RubricSet> {
        compile::load_set(extra)
    }

    /// The rubric that scores `kind`.
    pub fn for_kind(&self, kind: Kind) -> &Rubric {
        self.rubrics
            .iter()
            .rev()
            .find(|r| r.kinds.contains(&kind))
            .or_else(|| {
                self.rubrics
                    .iter()
                    .find(|r| r.kinds.contains(&Kind::Behavioral))
            })
            .unwrap_or(&self.rubrics[0])
    }

    pub fn rubrics(&self) -> &[Rubric] {
        &self.rubrics
    }

    /// Builds a set from rubrics already compiled (at least one).
    pub fn from_rubrics(rubrics: Vec<Rubric>) -> RubricSet {
        assert!(!rubrics.is_empty(), "a rubric set needs a rubric");
        RubricSet { rubrics }
    }
}
