//! Cues (evidence for a sentence's STAR label or an answer's episode type) and the grammatical
//! features they can look for.

use super::{LexiconId, RuleExample};
use crate::analyze::{Episode, Label};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    I,
    We,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// A past action: "called", "took".
    Past,
    Present,
    Modal,
    /// A past state: "was", "had" (setting a scene rather than doing something).
    State,
    /// The present perfect: "I've worked", "she has been" (experience or background up to now,
    /// not one step of a story).
    Perfect,
    /// Looking back on what was or might have been: "I should have escalated sooner", "I would
    /// have", "she could have lost her account".
    Hindsight,
}

impl Tense {
    pub const ALL: [Tense; 6] = [
        Tense::Past,
        Tense::Present,
        Tense::Modal,
        Tense::State,
        Tense::Perfect,
        Tense::Hindsight,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Modal => "modal",
            Tense::State => "state",
            Tense::Perfect => "perfect",
            Tense::Hindsight => "hindsight",
        }
    }
}

impl Subject {
    pub const ALL: [Subject; 3] = [Subject::I, Subject::We, Subject::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::I => "i",
            Subject::We => "we",
            Subject::Other => "other",
        }
    }
}

/// What stands between a subject and the verb it is about: "I had to call" (obligation), "I was
/// able to fix" (ability), "I tried to reach" (attempt); `None` for a plain verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aux {
    None,
    Obligation,
    Ability,
    Attempt,
    /// "had" + a participle ("she'd paid", "he had called twice"): before the story's time.
    Prior,
}

impl Aux {
    pub const ALL: [Aux; 5] = [
        Aux::None,
        Aux::Obligation,
        Aux::Ability,
        Aux::Attempt,
        Aux::Prior,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Aux::None => "none",
            Aux::Obligation => "obligation",
            Aux::Ability => "ability",
            Aux::Attempt => "attempt",
            Aux::Prior => "prior",
        }
    }
}

/// Which clauses a clause cue counts: each field narrows it (an empty list allows all).
#[derive(Debug, Clone, Default)]
pub struct ClauseQuery {
    pub subjects: Vec<Subject>,
    pub tenses: Vec<Tense>,
    pub aux: Vec<Aux>,
    /// The clause's verb (the one after "to" for "had to call") must be a term of one of these
    /// lexicons (when any are given)...
    pub verbs: Vec<LexiconId>,
    /// ... and must not be a term of any of these.
    pub except_verbs: Vec<LexiconId>,
    /// Only clauses not introduced by a subordinator ("because", "when", "who") and not inside
    /// a purpose ("to make sure...") or condition ("if...").
    pub main: bool,
}

/// Where a cue counts, relative to the first sentence that tells what the candidate did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    #[default]
    Any,
    /// Before the first action sentence (the set-up).
    BeforeAction,
    /// In or after the first action sentence, and after its first action clause.
    AfterAction,
}

/// Stretches of a sentence whose words do not tell what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// "to make sure she was happy", "so that he could": what was aimed at.
    Purpose,
    /// "if she had called", "unless": what might have been.
    Condition,
    /// "while I scanned her items": what was going on while the sentence's news happened.
    Background,
}

impl Feature {
    pub const NAMES: [&'static str; 20] = [
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
        "i_perfect",
        "we_perfect",
        "other_perfect",
        "i_hindsight",
        "we_hindsight",
        "other_hindsight",
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
            "i_perfect" => clause(Subject::I, Tense::Perfect),
            "we_perfect" => clause(Subject::We, Tense::Perfect),
            "other_perfect" => clause(Subject::Other, Tense::Perfect),
            "i_hindsight" => clause(Subject::I, Tense::Hindsight),
            "we_hindsight" => clause(Subject::We, Tense::Hindsight),
            "other_hindsight" => clause(Subject::Other, Tense::Hindsight),
            "quantity" => Some(Feature::Quantity),
            "question" => Some(Feature::Question),
            _ => None,
        }
    }
}

/// How a cue finds its evidence.
#[derive(Debug, Clone)]
pub enum CueMatch {
    Pattern(super::Pattern),
    Lexicon(LexiconId),
    Feature(Feature),
    Clause(ClauseQuery),
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
    /// Label cues: where in the story the evidence counts.
    pub position: Position,
    /// Hits inside these regions do not count.
    pub outside: Vec<Region>,
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
    /// Parts whose favourable position prior needs some evidence of the sentence's own.
    pub own_evidence: Vec<Label>,
    /// The share of a favourable prior such a part keeps without evidence of its own.
    pub unearned_share: f64,
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
    /// Words that join a further verb of the same subject ("and", "then"); with `breaks`
    /// (subordinators: "because", "that"), which end the subject's clause. Both optional.
    pub joins: Option<LexiconId>,
    pub breaks: Option<LexiconId>,
    /// Past reporting words ("told", "promised", "a plan where"): a modal right after one
    /// ("I told her I'd call back") is a promise made in the past, not a hypothetical. Optional.
    pub reports: Option<LexiconId>,
    /// Optional: irregular past participles ("been", "done", "taken"), and the auxiliaries of
    /// the present perfect ("have", "has"): "I have taken" is perfect.
    pub past_participle: Option<LexiconId>,
    pub perfect: Option<LexiconId>,
    /// Optional: the modals of hindsight ("should", "could"): "I should have called" looks
    /// back; it is neither a hypothetical nor a step.
    pub hindsight: Option<LexiconId>,
    /// Optional: determiners ("the", "her"): at the start of a clause, a determiner, a noun or
    /// two and a past verb make someone or something a subject ("the package arrived").
    pub determiners: Option<LexiconId>,
    /// Optional: words that open a subordinate clause ("because", "when", "who").
    pub subordinators: Option<LexiconId>,
    /// Optional: what opens a purpose ("to make sure", "so that") or a condition ("if").
    pub purpose: Option<LexiconId>,
    pub conditions: Option<LexiconId>,
    /// Optional: what opens a background clause ("while I scanned her items, she said...").
    pub background: Option<LexiconId>,
    /// Optional: auxiliaries before "to" + verb: "had to", "was able to", "tried to".
    pub obligation: Option<LexiconId>,
    pub ability: Option<LexiconId>,
    pub attempt: Option<LexiconId>,
    /// Optional: a choice before its verb ("decided to", "offered to"): the clause is about the
    /// verb chosen, with no auxiliary.
    pub choice: Option<LexiconId>,
    /// Optional: "do"-support ("don't", "did not"): the clause is about the verb after it ("I
    /// don't get stressed" is about "get").
    pub do_support: Option<LexiconId>,
    /// Optional: the speaker as an object ("me", "us"): after a verb that opens the sentence
    /// they make it a request to the listener ("Let me tell you..."), not a step with the "I"
    /// left out.
    pub listener_request: Option<LexiconId>,
    /// Optional: phrases that open with a `breaks` word but start no clause ("that same day",
    /// "as usual"): the verbs after them still belong to the subject before.
    pub not_breaks: Option<LexiconId>,
}
