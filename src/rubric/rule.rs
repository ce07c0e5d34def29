//! Rules: the closed set of kinds, what each measures, and how a measure becomes points.

use serde::{Deserialize, Serialize};

use super::{Dimension, Feature, LexiconId, Pattern};
use crate::analyze::{Episode, Label};

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
    /// only inherit the label counting half (`measure = "weighted"`), their share of the words
    /// (`measure = "share"`), or the steps in them (`measure = "steps"`).
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
    /// 1 when the answer shares no topic word with the question (its text, areas, keywords
    /// and tags, less `stopwords`) and covers none of its areas: it answers something else.
    Topic,
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
            RuleKind::Topic => "topic",
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
        unless: Option<Pattern>,
        per_words: Option<f64>,
    },
    Pattern {
        regex: Pattern,
        unless: Option<Pattern>,
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
    Topic {
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
    /// Steps: clauses of "I" or "we" with a verb in the past or present, in the sentences with
    /// the part and in result sentences ("I unlocked it, and he made the deadline"); a sentence
    /// with the part counts at least one. "I checked the logs and found it locked, so I reset
    /// it" is two steps in one sentence.
    Steps,
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
    /// The rule applies only to answers of at least this many words.
    pub min_answer_words: Option<usize>,
    /// Within a severity, higher-priority findings come first.
    pub priority: i32,
    /// When the rule has a finding, the overall score is at most this.
    pub ceiling: Option<f64>,
    /// Rule ids (a trailing `*` matches any ending) whose findings this one's finding makes
    /// beside the point: "this says what you would do" is the fix, "no result" only its symptom.
    pub supersedes: Vec<String>,
    /// Rule ids one of whose evidence must lie in the sentence the praise quotes.
    pub praise_needs: Vec<String>,
    /// A credit rule met by an answer told as one of these episodes.
    pub met_by_episode: Vec<crate::analyze::Episode>,
    pub message: String,
    pub suggestion: String,
    /// Said instead when a credit rule is met in part (the measure is above 0 but short).
    pub partial_message: Option<String>,
    pub partial_suggestion: Option<String>,
    pub praise: Option<String>,
    /// Sentence labels the rule looks at; empty for the whole answer.
    pub scope: Vec<Label>,
    /// Hits inside quoted speech do not count.
    pub outside_quotes: bool,
    pub anchor: Anchor,
    pub spec: Spec,
    pub examples: Vec<RuleExample>,
    /// The rubric author's note on why the rule exists.
    pub note: Option<String>,
    /// `file:line` where the rule is defined.
    pub origin: String,
}
