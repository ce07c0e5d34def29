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
    Pattern(super::Pattern),
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
    /// Words that join a further verb of the same subject ("and", "then"); with `breaks`
    /// (subordinators: "because", "that"), which end the subject's clause. Both optional.
    pub joins: Option<LexiconId>,
    pub breaks: Option<LexiconId>,
    /// Past reporting words ("told", "promised", "a plan where"): a modal right after one
    /// ("I told her I'd call back") is a promise made in the past, not a hypothetical. Optional.
    pub reports: Option<LexiconId>,
}
