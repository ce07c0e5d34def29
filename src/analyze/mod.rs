//! The analyzer: reads a typed answer and measures what an interviewer would notice.
//!
//! ```text
//! answer -> Document (sentences, words, every lexicon hit: one pass each)
//!        -> features (who did what, in which tense)   -> star (label each sentence)
//!        -> episode (specific / habitual / hypothetical / none)
//!        -> metrics (quantities that count as results)
//!        -> rules (each rubric rule measures one number) -> score (dimensions, overall, band)
//! ```
//!
//! Everything is deterministic: the same answer, question and rubric give the same
//! [`Analysis`], byte for byte. Spans are byte ranges into the answer text.
//!
//! ```
//! use starcoach::analyze::Analyzer;
//! use starcoach::rubric::RubricSet;
//!
//! let rubrics = RubricSet::embedded().unwrap();
//! let analyzer = Analyzer::new(&rubrics);
//! let a = analyzer.analyze(
//!     "Last spring a caller was furious about a double charge. I apologized, refunded the \
//!      $40 the same day and set up an alert on her account. She stayed with us, and since \
//!      then I always check for duplicates first.",
//!     None,
//! );
//! assert!(a.star.result.present);
//! assert_eq!(a.metrics[0].kind, starcoach::analyze::QuantityKind::Money);
//! assert_eq!(a.metrics[0].role, starcoach::analyze::MetricRole::Scale);
//! ```

mod coverage;
mod cues;
mod document;
mod episode;
mod examples;
mod features;
mod foreign;
mod measures;
mod metrics;
pub mod quantity;
mod rules;
mod score;
pub mod segment;
mod star;
mod template;
mod topic;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::bank::{Area, Kind, Question};
use crate::rubric::{Dimension, Rubric, RubricSet, Severity};

pub use document::Document;
pub use examples::{ExampleFailure, check_examples, rule_hits};
pub use quantity::{Quantity, QuantityFinder, QuantityKind};

/// The part of a STAR answer a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Situation = 0,
    Task = 1,
    Action = 2,
    Result = 3,
    Reflection = 4,
    Other = 5,
}

impl Label {
    pub const COUNT: usize = 6;
    pub const ALL: [Label; 6] = [
        Label::Situation,
        Label::Task,
        Label::Action,
        Label::Result,
        Label::Reflection,
        Label::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Situation => "situation",
            Label::Task => "task",
            Label::Action => "action",
            Label::Result => "result",
            Label::Reflection => "reflection",
            Label::Other => "other",
        }
    }

    /// One letter for compact maps (S T A R L, `·` for other).
    pub fn letter(self) -> char {
        match self {
            Label::Situation => 'S',
            Label::Task => 'T',
            Label::Action => 'A',
            Label::Result => 'R',
            Label::Reflection => 'L',
            Label::Other => '·',
        }
    }
}

/// Whether the answer tells one real past event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Episode {
    /// One concrete past episode.
    Specific,
    /// What the candidate usually does ("I always...").
    Habitual,
    /// What the candidate would do ("I would...").
    Hypothetical,
    /// No example at all.
    None,
}

impl Episode {
    pub fn as_str(self) -> &'static str {
        match self {
            Episode::Specific => "specific",
            Episode::Habitual => "habitual",
            Episode::Hypothetical => "hypothetical",
            Episode::None => "none",
        }
    }
}

/// One sentence of the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Range<usize>,
    pub label: Label,
    /// Other parts the sentence also carries (a result and a lesson in one sentence).
    pub also: Vec<Label>,
    /// The candidate labelled this part themselves ("Result: ...").
    pub explicit: bool,
    /// Number of words.
    pub words: usize,
    /// Cue ids that fired, for transparency.
    pub cues: Vec<String>,
    /// The evidence the cues gave each part (only parts with some), strongest first.
    pub evidence: Vec<(Label, f64)>,
}

/// Where a STAR part is in the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub present: bool,
    pub sentences: Vec<usize>,
}

/// The STAR map of the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StarMap {
    pub situation: Part,
    pub task: Part,
    pub action: Part,
    pub result: Part,
    pub reflection: Part,
}

impl StarMap {
    pub fn part(&self, label: Label) -> Option<&Part> {
        match label {
            Label::Situation => Some(&self.situation),
            Label::Task => Some(&self.task),
            Label::Action => Some(&self.action),
            Label::Result => Some(&self.result),
            Label::Reflection => Some(&self.reflection),
            Label::Other => None,
        }
    }
}

/// What a number in an answer does: only an outcome or a scale earns metric credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetricRole {
    /// What the candidate's action achieved: "handle time fell from 8 to 5 minutes".
    Outcome,
    /// The size of the situation: "200 calls a day", "a $40 charge", "a team of 12".
    Scale,
    /// How long the candidate has worked or studied: "for five years", "3 years of experience".
    Tenure,
    /// A goal or standard not yet reached: "the target was 90%", "to get it under 5 minutes".
    Target,
    /// Inside "would", "if" or "could": "I would help 20 people".
    Hypothetical,
    /// A figure of speech, not a measure: "100% of the time", "a couple of minutes".
    Vague,
    /// Narrative time and the like: "one evening", "four months later".
    Other,
}

impl MetricRole {
    pub fn as_str(self) -> &'static str {
        match self {
            MetricRole::Outcome => "outcome",
            MetricRole::Scale => "scale",
            MetricRole::Tenure => "tenure",
            MetricRole::Target => "target",
            MetricRole::Hypothetical => "hypothetical",
            MetricRole::Vague => "vague",
            MetricRole::Other => "other",
        }
    }

    /// Whether a number in this role counts as a metric and may be praised as a detail.
    pub fn credited(self) -> bool {
        matches!(self, MetricRole::Outcome | MetricRole::Scale)
    }
}

/// A quantity of a metric kind, what it does in the answer, and where it sits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub span: Range<usize>,
    pub kind: QuantityKind,
    pub value: f64,
    pub unit: Option<String>,
    /// Index of the sentence it is in.
    pub sentence: usize,
    pub role: MetricRole,
}

/// "I" versus "we" in the action part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ownership {
    pub i: usize,
    pub we: usize,
}

/// Whether the answer touched one of the question's areas to cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaCoverage {
    pub text: String,
    pub covered: bool,
    /// Not covered, but with some evidence of it: the coach asks rather than asserts.
    pub weak: bool,
    /// The first words that showed it.
    pub evidence: Option<Range<usize>>,
    /// Covered by a sentence read as the area's STAR part rather than by its words.
    pub by_part: Option<Label>,
}

/// What one rule contributed to a dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub rule: String,
    /// What the rule measured (hits, sentences, share, seconds...).
    pub measure: f64,
    /// Points earned (credit rules) or lost (penalty rules, negative).
    pub points: f64,
    /// Points the rule could earn (0 for penalty rules).
    pub possible: f64,
}

/// A dimension's score and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub dimension: Dimension,
    pub score: f64,
    pub weight: f64,
    pub contributions: Vec<Contribution>,
}

/// Something to fix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub dimension: Dimension,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
    /// The sentence or words it is about.
    pub span: Range<usize>,
    /// Every piece of evidence (e.g. each filler word).
    pub hits: Vec<Range<usize>>,
    /// Points it takes off the overall score (points lost times the dimension's weight);
    /// findings are ranked by severity, then the rule's priority, then cost.
    pub cost: f64,
    /// The rule's priority (a root cause before its symptoms).
    #[serde(skip)]
    pub priority: i32,
    /// The rule whose finding makes this one beside the point (its `supersedes`): it still
    /// costs points, but it is not shown as a fix.
    pub superseded_by: Option<String>,
}

/// Something done well.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strength {
    pub rule: String,
    pub dimension: Dimension,
    pub message: String,
    pub span: Option<Range<usize>>,
    /// Every span the message quotes.
    #[serde(skip)]
    pub quoted: Vec<Range<usize>>,
}

/// An overall score held down by a rule's `ceiling`: the score was `uncapped` before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ceiling {
    pub rule: String,
    pub max: f64,
    pub uncapped: f64,
}

/// Everything the analyzer found in one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub text: String,
    pub question_id: Option<String>,
    pub kind: Kind,
    pub rubric: String,
    pub words: usize,
    pub speaking_seconds: f64,
    pub sentences: Vec<Sentence>,
    pub star: StarMap,
    pub episode: Episode,
    pub ownership: Ownership,
    pub metrics: Vec<Metric>,
    pub areas: Vec<AreaCoverage>,
    pub dimensions: Vec<DimensionScore>,
    pub overall: f64,
    pub band: String,
    /// What the overall score was multiplied by for length (1 for answers of normal length).
    pub length_factor: f64,
    /// The rule whose finding held the overall score down to its `ceiling`, if one did.
    pub ceiling: Option<Ceiling>,
    /// False when the answer is not in the expected language (then nothing else is judged).
    pub language_ok: bool,
    pub findings: Vec<Finding>,
    pub strengths: Vec<Strength>,
}

impl Analysis {
    pub fn score(&self, d: Dimension) -> Option<f64> {
        self.dimensions
            .iter()
            .find(|x| x.dimension == d)
            .map(|x| x.score)
    }

    /// The text of a span.
    pub fn quote(&self, span: &Range<usize>) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// The index of the sentence containing byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|s| s.span.start <= offset && offset < s.span.end.max(s.span.start + 1))
    }
}

/// What an answer is answering.
#[derive(Debug, Clone, Copy)]
pub struct Context<'q> {
    pub kind: Kind,
    pub question: Option<&'q Question>,
}

impl<'q> Context<'q> {
    pub fn question(q: &'q Question) -> Self {
        Context {
            kind: q.kind,
            question: Some(q),
        }
    }
    pub fn kind(kind: Kind) -> Self {
        Context {
            kind,
            question: None,
        }
    }
}

/// Analyzes answers with a set of rubrics; build it once and reuse it.
pub struct Analyzer<'r> {
    rubrics: &'r RubricSet,
    /// One quantity finder per rubric (by position in the set), built on first use.
    finders: Vec<std::sync::OnceLock<QuantityFinder>>,
}

impl<'r> Analyzer<'r> {
    pub fn new(rubrics: &'r RubricSet) -> Self {
        let finders = (0..rubrics.len())
            .map(|_| std::sync::OnceLock::new())
            .collect();
        Analyzer { rubrics, finders }
    }

    pub fn rubrics(&self) -> &'r RubricSet {
        self.rubrics
    }

    /// Analyzes `answer` to `question` (or, without one, as a behavioral answer).
    pub fn analyze(&self, answer: &str, question: Option<&Question>) -> Analysis {
        let ctx = match question {
            Some(q) => Context::question(q),
            None => Context::kind(Kind::Behavioral),
        };
        self.analyze_in(answer, ctx)
    }

    /// Analyzes `answer` in a context (a question, or just a kind).
    pub fn analyze_in(&self, answer: &str, ctx: Context<'_>) -> Analysis {
        self.analyze_reply(answer, ctx, None)
    }

    /// Analyzes an answer that grew by the candidate's reply to a follow-up question: `reply`
    /// is the byte range of the reply inside `answer`, placed where its part of the story
    /// belongs. The reply is judged like the rest of the answer, except that the order rule
    /// does not count its sentences as told out of order: they answer a question, they do not
    /// jump back in the story.
    pub fn analyze_continued(
        &self,
        answer: &str,
        ctx: Context<'_>,
        reply: Range<usize>,
    ) -> Analysis {
        self.analyze_reply(answer, ctx, Some(reply))
    }

    fn analyze_reply(
        &self,
        answer: &str,
        ctx: Context<'_>,
        reply: Option<Range<usize>>,
    ) -> Analysis {
        let index = self.rubrics.index_for_kind(ctx.kind);
        let rubric = self.rubrics.for_kind(ctx.kind);
        let finder = self.finders[index].get_or_init(|| {
            let kpi: Vec<&str> = rubric.lexicon_terms[rubric.metrics.kpi]
                .iter()
                .map(String::as_str)
                .collect();
            QuantityFinder::new(&kpi)
        });
        analyze_full(rubric, finder, answer, ctx, reply).0
    }
}

/// Analyzes one answer with one rubric.
pub fn analyze_with(
    rubric: &Rubric,
    finder: &QuantityFinder,
    answer: &str,
    ctx: Context<'_>,
) -> Analysis {
    analyze_traced(rubric, finder, answer, ctx).0
}

/// What the analysis knows before the STAR labels: the quantities, the metrics with the roles
/// decided so far (and which are decided), and each sentence's grammar.
struct Read {
    quantities: Vec<Quantity>,
    metrics: Vec<Metric>,
    decided: Vec<bool>,
    feats: Vec<features::SentenceFeatures>,
}

fn read(doc: &Document<'_>, rubric: &Rubric, finder: &QuantityFinder) -> Read {
    let quantities = finder.find(doc.text);
    let (mut metrics, mut decided) = metrics::metrics(doc, rubric, &quantities);
    let mut feats = features::sentence_features(doc, rubric, &metrics);
    metrics::grammar_roles(doc, rubric, &feats, &mut metrics, &mut decided);
    metrics::refresh_quantities(&mut feats, &metrics, &decided);
    Read {
        quantities,
        metrics,
        decided,
        feats,
    }
}

/// Analyzes one answer, also returning what each rule measured.
fn analyze_traced(
    rubric: &Rubric,
    finder: &QuantityFinder,
    answer: &str,
    ctx: Context<'_>,
) -> (Analysis, Vec<rules::Evaluated>) {
    analyze_full(rubric, finder, answer, ctx, None)
}

/// Analyzes one answer (with the byte range of a reply to a follow-up in it, if any).
fn analyze_full(
    rubric: &Rubric,
    finder: &QuantityFinder,
    answer: &str,
    ctx: Context<'_>,
    reply: Option<Range<usize>>,
) -> (Analysis, Vec<rules::Evaluated>) {
    let doc = Document::new(answer, rubric);
    if let Some(check) = &rubric.language {
        if let Some(a) = foreign::foreign(&doc, rubric, check, ctx) {
            return (a, Vec::new());
        }
    }
    let Read {
        quantities,
        mut metrics,
        decided,
        feats,
    } = read(&doc, rubric, finder);
    let labelled = star::label(&doc, rubric, &feats);
    let episode = episode::classify(&doc, rubric, &feats, &labelled.labels);
    let past = episode
        .sentences
        .iter()
        .filter(|e| **e == Some(Episode::Specific))
        .count();
    let labelled = star::settle(labelled, episode.episode, past);
    metrics::outcome_or_scale(
        &mut metrics,
        &decided,
        &labelled.labels,
        &labelled.also,
        labelled.boundary,
    );
    let areas: &[Area] = ctx.question.map_or(&[], |q| q.areas.as_slice());
    let mut coverage = coverage::area_coverage(&doc, rubric, &feats, areas);
    coverage::credit_parts(&mut coverage, areas, &doc, &labelled);
    let evaluated = rules::evaluate_all(&rules::Facts {
        doc: &doc,
        rubric,
        labels: &labelled.labels,
        also: &labelled.also,
        backed: &labelled.backed,
        strength: &labelled.strength,
        metrics: &metrics,
        quantities: &quantities,
        feats: &feats,
        episode: &episode,
        coverage: &coverage,
        question: ctx.question,
        reply,
    });
    let analysis = score::assemble(score::Parts {
        doc: &doc,
        rubric,
        ctx,
        labelled,
        feats,
        episode,
        metrics,
        coverage,
        evaluated: &evaluated,
    });
    (analysis, evaluated)
}
