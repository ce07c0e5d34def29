//! What the coach says about an analyzed answer, and how it is shown.
//!
//! [`coach`] picks from the [`Analysis`] what a good coach would say: first what is strong,
//! then the few fixes that matter most (at most one per dimension, most severe and costly
//! first), one next step, and the follow-up question an interviewer would ask about the part
//! the first fix is about (or else the weakest part, or else a probe into a strong answer),
//! taken from the question's own follow-ups when one probes that part ([`follow_up`]). The
//! renderers ([`text`], [`markdown`], [`json`], [`html`]) only
//! lay it out.

mod coverage;
pub mod diff;
pub mod follow_up;
pub mod html;
pub mod json;
pub mod markdown;
pub mod markup;
pub mod text;

use std::ops::Range;

use serde::Serialize;

use crate::analyze::Analysis;
use crate::bank::{Probe, Question};

use crate::rubric::{Dimension, Effect, LengthMeasure, Rubric, Severity, Spec};
pub use follow_up::Conversation;

/// Something strong in the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Praise {
    /// The rule that earned it (empty for general encouragement).
    pub rule: String,
    pub dimension: Option<Dimension>,
    pub message: String,
}

/// One thing to fix, with the words it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub rule: String,
    pub dimension: Dimension,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
    pub span: Range<usize>,
    /// The sentence or words the fix points at, when the message does not already quote them.
    pub quote: Option<String>,
}

/// The follow-up question to ask next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpPick {
    pub text: String,
    /// The part of the answer it probes.
    pub probes: Option<Probe>,
    /// The dimension it was chosen for (the weakest).
    pub dimension: Dimension,
    /// Whether it is one of the question's own follow-ups (else a generic one).
    pub from_question: bool,
    /// A probe into an answer with no weak part left to ask about (a decision point, how
    /// they knew it worked, what they would do differently).
    pub probing: bool,
}

/// The coach's feedback on one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    pub strengths: Vec<Praise>,
    pub fixes: Vec<Fix>,
    pub next_step: String,
    pub follow_up: Option<FollowUpPick>,
    /// Written-English notes, when the checker ran ([`crate::english`]); `coach` leaves it empty
    /// and the caller attaches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::english::Language>,
}

/// Picks the feedback for `analysis`.
pub fn coach(analysis: &Analysis, rubric: &Rubric, question: Option<&Question>) -> Feedback {
    coach_in(analysis, rubric, question, &Conversation::default())
}

/// Picks the feedback for `analysis` in a conversation about the question: the follow-up is
/// not one already asked, nor about a part the candidate has just supplied.
pub fn coach_in(
    analysis: &Analysis,
    rubric: &Rubric,
    question: Option<&Question>,
    conversation: &Conversation,
) -> Feedback {
    let settings = &rubric.feedback;

    // Fixes: already sorted by severity then cost; one per dimension.
    let mut fixes: Vec<Fix> = Vec::new();
    for f in &analysis.findings {
        if fixes.len() >= settings.max_fixes {
            break;
        }
        if f.superseded_by.is_some() || fixes.iter().any(|x| x.dimension == f.dimension) {
            continue;
        }
        // Quote the words a fix is about: the evidence of a penalty, the sentences a STAR part
        // was found in, the run-on sentence; not where a rule that found nothing merely points:
        // "No result" over the last sentence reads as "this is not a result", and when the
        // analyzer missed the result, that sentence is the result.
        let rule = rubric.rules.iter().find(|r| r.id == f.rule);
        let found = !f.hits.is_empty();
        let whole = !rule.is_some_and(|r| match (&r.spec, r.effect) {
            (Spec::Length { measure }, _) => *measure == LengthMeasure::LongestSentence,
            (Spec::Repetition { .. }, _) => false,
            (Spec::Component { .. }, _) => found,
            (_, Effect::Penalty { .. }) => found,
            _ => false,
        });
        let quote = (!whole && !f.message.contains('“'))
            .then(|| crate::prose::shorten(analysis.quote(&f.span), 90))
            .filter(|q| !q.is_empty());
        let mut fix = Fix {
            rule: f.rule.clone(),
            dimension: f.dimension,
            severity: f.severity,
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
            span: f.span.clone(),
            quote,
        };
        if let Some(r) = rule.filter(|r| matches!(r.spec, Spec::Coverage)) {
            coverage::reword(&mut fix, analysis, r);
        }
        if let Some(w) = question.and_then(|q| q.wording(&f.rule)) {
            fix.message = w.message.clone().unwrap_or(fix.message);
            fix.suggestion = w.suggestion.clone().unwrap_or(fix.suggestion);
        }
        fixes.push(fix);
    }

    // Strengths: from dimensions that score well, the heaviest first, one per dimension.
    let mut scored: Vec<(Dimension, f64, f64)> = analysis
        .dimensions
        .iter()
        .map(|d| (d.dimension, d.score, d.weight))
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut strengths = Vec::new();
    for (dim, score, _) in scored {
        if strengths.len() >= settings.max_strengths || score < settings.strength_min {
            continue;
        }
        // Never praise words that a fix is about ("your actions are clear" beside "we hides
        // what you did" on the same sentence).
        let fixed = |span: &Option<Range<usize>>| {
            span.as_ref().is_some_and(|sp| {
                // Only penalties count: their evidence is the problem ("we" hides what you did).
                // A shortfall points where something is missing ("the result has no number"
                // quotes the result sentence), which does not make that sentence weak.
                let pointed = |f: &crate::analyze::Finding| {
                    fixes.iter().any(|x| x.rule == f.rule)
                        && rubric.rules.iter().any(|r| {
                            r.id == f.rule
                                && matches!(r.effect, crate::rubric::Effect::Penalty { .. })
                        })
                };
                analysis.findings.iter().filter(|f| pointed(f)).any(|f| {
                    std::iter::once(&f.span)
                        .chain(&f.hits)
                        .any(|h| h.start < sp.end && sp.start < h.end)
                })
            })
        };
        if let Some(s) = analysis
            .strengths
            .iter()
            .find(|s| s.dimension == dim && !fixed(&s.span))
        {
            strengths.push(Praise {
                rule: s.rule.clone(),
                dimension: Some(dim),
                message: s.message.clone(),
            });
        }
    }
    // "No strength the rubric can quote" only below the upper half of the bands: an answer
    // scored strong whose sentences are not quotable as praise gets no praise line, not a false one.
    let upper = rubric.bands.get(rubric.bands.len() / 2).map(|b| b.min);
    if strengths.is_empty()
        && upper.is_none_or(|min| analysis.overall < min)
        && !settings.no_strength.is_empty()
        && analysis.language_ok
    {
        strengths.push(Praise {
            rule: String::new(),
            dimension: None,
            message: settings.no_strength.clone(),
        });
    }

    let next_step = fixes
        .first()
        .map(|f| f.suggestion.clone())
        .unwrap_or_else(|| settings.well_done.clone());

    let follow_up = follow_up::choose(analysis, rubric, question, &fixes, conversation);
    Feedback {
        strengths,
        fixes,
        next_step,
        follow_up,
        language: None,
    }
}
