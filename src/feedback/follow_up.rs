//! Which follow-up question to ask, as in a conversation: the one an interviewer would ask
//! about the part the first fix is about (else the weakest part), never one already asked about
//! this question, never about a part the candidate has just supplied by answering a follow-up;
//! and for an answer with nothing left to ask about, a probing one from the question's own
//! follow-ups (a decision point, how they knew it worked, what they would do differently).

use super::{Fix, FollowUpPick};
use crate::analyze::Analysis;
use crate::bank::{Probe, Question};
use crate::rubric::{Dimension, Rubric};

/// What has been asked and answered about the current question so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversation {
    /// The text of every follow-up already asked.
    pub asked: Vec<String>,
    /// The parts the candidate supplied by answering a follow-up about them.
    pub supplied: Vec<Dimension>,
}

impl Conversation {
    fn open(&self, text: &str) -> bool {
        !self.asked.iter().any(|a| a == text)
    }
}

/// The probes an interviewer digs into a complete answer with, in the order tried: the
/// decision points and why, how they knew it worked, what they would do differently.
const PROBING: [Probe; 8] = [
    Probe::Action,
    Probe::Result,
    Probe::Reflection,
    Probe::Situation,
    Probe::Task,
    Probe::Ownership,
    Probe::Metrics,
    Probe::Specificity,
];

/// The follow-up to ask next.
pub fn choose(
    analysis: &Analysis,
    rubric: &Rubric,
    question: Option<&Question>,
    fixes: &[Fix],
    conv: &Conversation,
) -> Option<FollowUpPick> {
    let fresh = |d: &Dimension| !conv.supplied.contains(d);
    fixes
        .iter()
        .map(|f| f.dimension)
        .filter(fresh)
        .find_map(|d| about(d, rubric, question, conv))
        .or_else(|| {
            weakest(analysis)
                .into_iter()
                .filter(fresh)
                .find_map(|d| about(d, rubric, question, conv))
        })
        .or_else(|| probe(question, conv))
}

/// The follow-up about `dim`: the question's own one for that part, else the rubric's; one
/// not asked yet.
fn about(
    dim: Dimension,
    rubric: &Rubric,
    question: Option<&Question>,
    conv: &Conversation,
) -> Option<FollowUpPick> {
    let probe = dim.probe();
    if let Some(f) = question
        .zip(probe)
        .and_then(|(q, p)| q.follow_ups_for(p).find(|f| conv.open(&f.text)))
    {
        return Some(FollowUpPick {
            text: f.text.clone(),
            probes: probe,
            dimension: dim,
            from_question: true,
            probing: false,
        });
    }
    rubric
        .follow_up(dim)
        .filter(|t| conv.open(t))
        .map(|text| FollowUpPick {
            text: text.to_string(),
            probes: probe,
            dimension: dim,
            from_question: false,
            probing: false,
        })
}

/// The dimensions that fall short, the largest weighted shortfall first (delivery and
/// relevance have no follow-up to dig into).
fn weakest(analysis: &Analysis) -> Vec<Dimension> {
    let mut dims: Vec<(Dimension, f64)> = analysis
        .dimensions
        .iter()
        .filter(|d| !matches!(d.dimension, Dimension::Delivery | Dimension::Relevance))
        .map(|d| (d.dimension, d.weight * (100.0 - d.score)))
        .filter(|(_, shortfall)| *shortfall > 0.0)
        .collect();
    dims.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    dims.into_iter().map(|(d, _)| d).collect()
}

/// A probing follow-up from the question's own: one not asked yet, about a part the candidate
/// has not just supplied.
fn probe(question: Option<&Question>, conv: &Conversation) -> Option<FollowUpPick> {
    let q = question?;
    PROBING.iter().find_map(|&p| {
        let dim = dimension(p);
        if conv.supplied.contains(&dim) {
            return None;
        }
        q.follow_ups_for(p)
            .find(|f| conv.open(&f.text))
            .map(|f| FollowUpPick {
                text: f.text.clone(),
                probes: Some(p),
                dimension: dim,
                from_question: true,
                probing: true,
            })
    })
}

/// The dimension a probe digs into.
pub fn dimension(p: Probe) -> Dimension {
    match p {
        Probe::Situation => Dimension::Situation,
        Probe::Task => Dimension::Task,
        Probe::Action => Dimension::Action,
        Probe::Result => Dimension::Result,
        Probe::Metrics => Dimension::Metrics,
        Probe::Reflection => Dimension::Reflection,
        Probe::Specificity => Dimension::Specificity,
        Probe::Ownership => Dimension::Ownership,
    }
}
