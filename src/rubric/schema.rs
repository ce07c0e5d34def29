//! The rubric file format, as serde reads it (schema documented in `docs/rubrics.md`).
//!
//! Values a later check may point at are `Spanned`, so an invalid regex or an unknown lexicon
//! name is reported at its line and column with the rule it belongs to.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Dimension, Severity};
use crate::analyze::{Label, QuantityKind};
use crate::bank::Kind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRubric {
    pub rubric: RawHeader,
    #[serde(default)]
    pub dimensions: BTreeMap<Spanned<String>, f64>,
    #[serde(default, rename = "band")]
    pub bands: Vec<RawBand>,
    #[serde(default)]
    pub lexicons: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub labels: BTreeMap<Label, Vec<Spanned<String>>>,
    #[serde(default)]
    pub labelling: Option<RawLabelling>,
    #[serde(default)]
    pub features: Option<RawFeatures>,
    #[serde(default, rename = "cue")]
    pub cues: Vec<RawCue>,
    #[serde(default)]
    pub episode: Option<RawEpisode>,
    #[serde(default)]
    pub metrics: Option<RawMetrics>,
    #[serde(default)]
    pub language: Option<RawLanguage>,
    #[serde(default)]
    pub scoring: Option<RawScoring>,
    #[serde(default)]
    pub delivery: Option<RawDelivery>,
    #[serde(default)]
    pub feedback: Option<RawFeedback>,
    #[serde(default, rename = "follow_up")]
    pub follow_ups: Vec<RawFollowUp>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
    /// What changes at each experience level (`[levels.entry]`, ...): see [`RawLevel`].
    #[serde(default)]
    pub levels: BTreeMap<Spanned<String>, RawLevel>,
}

/// `[levels.NAME]`: how the rubric judges candidates of one experience level. Applied on top
/// of the merged rubric when it is loaded at that level, base file first.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLevel {
    /// Said with the feedback: what this level is judged on.
    #[serde(default)]
    pub note: Option<String>,
    /// Dimension weights that change at this level.
    #[serde(default)]
    pub dimensions: BTreeMap<Spanned<String>, f64>,
    /// Lexicons added or replaced at this level.
    #[serde(default)]
    pub lexicons: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    /// Rules that replace the rule of the same id at this level, or are added.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
    /// Rule ids that do not apply at this level.
    #[serde(default)]
    pub drop: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Question kinds this rubric scores (absent for a base rubric that is only extended; an
    /// empty list is an error: it would score nothing).
    #[serde(default)]
    pub kinds: Option<Vec<Kind>>,
    /// A rubric whose lexicons, cues and settings this one starts from.
    #[serde(default)]
    pub extends: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBand {
    pub min: f64,
    pub name: String,
}

/// How sentences get their STAR label.
#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLabelling {
    /// Evidence a sentence needs for any label; below it the sentence is `other`.
    pub min_evidence: Option<f64>,
    /// Bonus for keeping the previous sentence's label.
    pub stay: Option<f64>,
    /// Bonus for moving one step forward in situation -> task -> action -> result -> reflection.
    pub forward: Option<f64>,
    /// Bonus (usually negative) for moving further forward (skipping a part).
    pub skip: Option<f64>,
    /// Penalty (negative) for moving backward.
    pub backward: Option<f64>,
    /// Evidence a written label ("Result:") gives the sentences after it, until the next label.
    pub explicit_carry: Option<f64>,
    /// Cue evidence at which a sentence also counts for a second part beside its label.
    pub secondary_min: Option<f64>,
    /// Prior evidence by position: for each label, weights for the answer's first, middle and
    /// last third (a sentence's position interpolates between them).
    #[serde(default)]
    pub position: BTreeMap<Label, [f64; 3]>,
    /// Parts whose favourable position prior needs some evidence of the sentence's own
    /// (`["result", "reflection"]`: the last sentence is not the ending just for being last).
    #[serde(default)]
    pub own_evidence: Option<Vec<Label>>,
    /// The share (0 to 1) of a favourable position prior a part in `own_evidence` keeps
    /// without evidence of its own.
    pub unearned_share: Option<f64>,
}

/// The word lists the grammatical features are built from.
#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeatures {
    /// Lexicon names: subjects (first person singular, plural, others), verbs and the words
    /// that may stand between a subject and its verb.
    pub subject_i: Option<Spanned<String>>,
    pub subject_we: Option<Spanned<String>>,
    pub subject_other: Option<Spanned<String>>,
    pub modal: Option<Spanned<String>>,
    pub past_irregular: Option<Spanned<String>>,
    pub past_state: Option<Spanned<String>>,
    pub not_verbs: Option<Spanned<String>>,
    pub adverbs: Option<Spanned<String>>,
    /// Optional: words that join a second verb to a subject's first ("I called her and
    /// apologized"), and words after which a verb belongs to another clause ("because").
    pub joins: Option<Spanned<String>>,
    pub breaks: Option<Spanned<String>>,
    /// Optional: past reporting words after which "I'd"/"we would" is future in the past.
    pub reports: Option<Spanned<String>>,
    /// Optional: the present perfect ("have", "has" + a participle), irregular participles.
    pub perfect: Option<Spanned<String>>,
    pub past_participle: Option<Spanned<String>>,
    /// Optional: modals that look back when "have" follows ("should have called").
    pub hindsight: Option<Spanned<String>>,
    /// Optional: determiners that open a noun-phrase subject ("the package arrived").
    pub determiners: Option<Spanned<String>>,
    /// Optional: words that open a subordinate clause ("because", "when").
    pub subordinators: Option<Spanned<String>>,
    /// Optional: what opens a purpose ("to make sure") or a condition ("if").
    pub purpose: Option<Spanned<String>>,
    pub conditions: Option<Spanned<String>>,
    /// Optional: what opens a background clause told beside the main one ("while").
    pub background: Option<Spanned<String>>,
    /// Optional: auxiliaries before "to" + verb ("had to", "was able to", "tried to").
    pub obligation: Option<Spanned<String>>,
    pub ability: Option<Spanned<String>>,
    pub attempt: Option<Spanned<String>>,
    /// Optional: a choice before its verb ("decided to").
    pub choice: Option<Spanned<String>>,
    /// Optional: "do"-support words ("don't", "did not") before the verb a clause is about.
    pub do_support: Option<Spanned<String>>,
    /// Optional: the speaker as an object ("me", "us") after a sentence's first verb.
    pub listener_request: Option<Spanned<String>>,
    /// Optional: phrases opening with a `breaks` word that start no clause ("that same day").
    pub not_breaks: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCue {
    pub id: Spanned<String>,
    /// The label the cue is evidence for (STAR labelling) ...
    #[serde(default)]
    pub label: Option<Label>,
    /// ... or the episode type (specific, habitual, hypothetical).
    #[serde(default)]
    pub episode: Option<crate::analyze::Episode>,
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub lexicon: Option<Spanned<String>>,
    #[serde(default)]
    pub feature: Option<Spanned<String>>,
    /// A clause query: `{ subject = "i", tense = "past", verbs = "action_verbs", main = true }`.
    #[serde(default)]
    pub clause: Option<RawClause>,
    pub weight: f64,
    /// Episode cues: this evidence ties the answer to one particular event.
    #[serde(default)]
    pub anchor: bool,
    /// Label cues: where the evidence counts (`any`, `before-action`, `after-action`).
    #[serde(default)]
    pub position: super::Position,
    /// Hits inside these regions (`purpose`, `condition`) do not count.
    #[serde(default)]
    pub outside: Vec<super::Region>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

/// One value or a list of them (`subject = "i"` or `subject = ["i", "we"]`).
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub(super) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: Clone> OneOrMany<T> {
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            OneOrMany::One(x) => vec![x.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

/// Which clauses a clause cue counts.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClause {
    #[serde(default)]
    pub subject: OneOrMany<super::Subject>,
    #[serde(default)]
    pub tense: OneOrMany<super::Tense>,
    #[serde(default)]
    pub aux: OneOrMany<super::Aux>,
    /// Lexicons the clause's verb must be in (one of them), or must not be in (any of them).
    #[serde(default)]
    pub verbs: OneOrMany<String>,
    #[serde(default)]
    pub except_verbs: OneOrMany<String>,
    /// Only main clauses (not after "because", "when", "who"; not in a purpose or condition).
    #[serde(default)]
    pub main: bool,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEpisode {
    /// Sentences with this much episode evidence count for that episode type.
    pub min_evidence: f64,
    /// Specific: at least this many sentences of past-episode evidence.
    pub specific_min_sentences: usize,
    /// Hypothetical or habitual win when they hold at least this share of the counted sentences.
    pub dominant_share: f64,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMetrics {
    /// Lexicon of KPI names ("CSAT", "average handle time"): a number next to one is a score.
    pub kpi_lexicon: Spanned<String>,
    /// Quantity kinds that count as metrics.
    pub kinds: Vec<QuantityKind>,
    /// A quantity inside a match of this pattern is not a metric (narrative time markers,
    /// ages, ...): its role is `other`.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Counts below this are part of the story ("two kids"), not a measure.
    #[serde(default)]
    pub min_count: Option<f64>,
    /// Patterns that give a quantity its role (`tenure`, `vague`, `target`, `hypothetical`,
    /// `other`), tried in order before the grammar decides.
    #[serde(default, rename = "role")]
    pub roles: Vec<RawRolePattern>,
    /// Optional lexicons: words that make a number in their clause a target ("target",
    /// "goal", "quota"), and verbs whose duration is tenure ("worked", "served").
    #[serde(default)]
    pub target_words: Option<Spanned<String>>,
    #[serde(default)]
    pub tenure_verbs: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRolePattern {
    pub role: Spanned<crate::analyze::MetricRole>,
    pub pattern: Spanned<String>,
    /// Why the pattern is there (for people reading the rubric).
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
    /// `hits`: how many quantities of the text get this role from this pattern.
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    /// The most common words of the language answers are expected in.
    pub lexicon: Spanned<String>,
    /// Share of words from the lexicon below which the answer is not read.
    pub min_share: f64,
    /// Answers shorter than this are not checked.
    pub min_words: usize,
    pub message: String,
    pub suggestion: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScoring {
    /// Answers with at least this many words keep their full overall score.
    pub full_words: f64,
    /// The share of the overall score a (nearly) empty answer keeps.
    pub floor: f64,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDelivery {
    pub words_per_minute: f64,
    /// The target speaking time, in seconds: [shortest, longest].
    pub target_seconds: [f64; 2],
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeedback {
    /// How many fixes to show at most.
    pub max_fixes: usize,
    /// How many strengths to show at most.
    pub max_strengths: usize,
    /// A dimension scoring at least this is a strength.
    pub strength_min: f64,
    /// A STAR part is praised only with a sentence whose own cue evidence reaches this
    /// (default 1.5: more than one weak cue).
    #[serde(default)]
    pub praise_evidence: Option<f64>,
    /// Said when nothing stands out as a strength.
    #[serde(default)]
    pub no_strength: Option<String>,
    /// The next step when there is nothing to fix.
    #[serde(default)]
    pub well_done: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFollowUp {
    /// The weak dimension this follow-up digs into.
    pub dimension: Dimension,
    /// Asked for this rule's finding only (before the dimension's general follow-up): "why
    /// does that work?" for a missing reason, not "what do you do, step by step?".
    #[serde(default)]
    pub rule: Option<String>,
    /// Asked only of answers told as one of these episodes (all when empty): "what details
    /// would only you know?" of a real story, "give me one example" of the rest.
    #[serde(default)]
    pub episodes: Vec<crate::analyze::Episode>,
    pub text: String,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExample {
    pub text: String,
    #[serde(default)]
    pub hits: Option<usize>,
    #[serde(default)]
    pub fires: Option<bool>,
    /// For rules that need a question's areas: the areas' keywords, one list per area.
    #[serde(default)]
    pub areas: Vec<Vec<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub id: Spanned<String>,
    pub kind: super::RuleKind,
    pub dimension: Dimension,
    pub severity: Severity,
    /// Credit rules: points the rule is worth when fully met (`min` reached).
    #[serde(default)]
    pub points: Option<f64>,
    /// Penalty rules: points lost per unit over `max`, at most `cap`.
    #[serde(default)]
    pub penalty: Option<f64>,
    #[serde(default)]
    pub cap: Option<f64>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// The rule only applies when its measure is at least this (e.g. 1: "only when there is
    /// an action part at all").
    #[serde(default)]
    pub applies_from: Option<f64>,
    /// Within a severity, findings of rules with a higher priority come first (a root cause
    /// such as "this is hypothetical" before its symptoms such as "no result").
    #[serde(default)]
    pub priority: Option<i32>,
    /// When the rule has a finding, the overall score is at most this: a flaw a coach would
    /// not call a strong answer whatever else is good ("this is hypothetical").
    #[serde(default)]
    pub ceiling: Option<f64>,
    /// Rule ids (`*` at the end for any ending) whose findings this rule's finding makes beside
    /// the point: they still cost points but are not shown as fixes.
    #[serde(default)]
    pub supersedes: Vec<String>,
    /// Rule ids one of whose evidence must lie in the sentence the praise quotes ("your actions
    /// are clear" only with a concrete detail in them).
    #[serde(default)]
    pub praise_needs: Vec<Spanned<String>>,
    /// A credit rule met when the answer is told as one of these episodes ("specific": one
    /// real story is an example).
    #[serde(default)]
    pub met_by_episode: Vec<crate::analyze::Episode>,
    /// The rule only applies to answers of at least this many words (a share of a three-line
    /// answer means little).
    #[serde(default)]
    pub min_answer_words: Option<usize>,
    pub message: String,
    pub suggestion: String,
    /// Said instead when a credit rule is met in part.
    #[serde(default)]
    pub partial_message: Option<String>,
    #[serde(default)]
    pub partial_suggestion: Option<String>,
    /// Said as a strength when a credit rule is fully met.
    #[serde(default)]
    pub praise: Option<String>,
    /// Which sentences the rule looks at (labels); empty means the whole answer.
    #[serde(default)]
    pub scope: Vec<Label>,
    /// Hits inside quoted speech do not count (what a customer said is not the candidate's
    /// example); delivery rules always skip them.
    #[serde(default)]
    pub outside_quotes: bool,
    /// Where a finding without hits points: the first or the last sentence.
    #[serde(default)]
    pub anchor: Option<Spanned<String>>,
    // Kind-specific fields.
    #[serde(default)]
    pub lexicon: Option<Spanned<String>>,
    #[serde(default)]
    pub lexicons: Vec<Spanned<String>>,
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    /// phrase/pattern: a hit inside a match of this pattern does not count.
    #[serde(default)]
    pub unless: Option<Spanned<String>>,
    #[serde(default)]
    pub component: Option<Label>,
    /// component/balance: what is measured: "sentences" (default), "weighted", "share" (of the
    /// words) or "steps" (first-person clauses).
    #[serde(default)]
    pub measure: Option<Spanned<String>>,
    #[serde(default)]
    pub numerator: Option<Spanned<String>>,
    #[serde(default)]
    pub denominator: Option<Spanned<String>>,
    #[serde(default)]
    pub episodes: Vec<crate::analyze::Episode>,
    /// clause: the grammatical features counted.
    #[serde(default)]
    pub features: Vec<Spanned<String>>,
    /// detail: the determiners that open a noun phrase ("a", "her", "the").
    #[serde(default)]
    pub determiners: Option<Spanned<String>>,
    /// detail: words that do not make a noun phrase concrete ("issue", "customer", "way").
    #[serde(default)]
    pub generic: Option<Spanned<String>>,
    /// repetition: a content word repeated at least this many times counts.
    #[serde(default)]
    pub min_repeats: Option<usize>,
    /// repetition: words to ignore.
    #[serde(default)]
    pub stopwords: Option<Spanned<String>>,
    /// phrase/pattern: count hits per this many words instead of raw hits.
    #[serde(default)]
    pub per_words: Option<f64>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
}
