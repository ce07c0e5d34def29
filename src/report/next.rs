//! "What to practise next": concrete steps from the progress model.

use super::{NextStep, Progress};
use crate::bank::Catalog;

pub(super) fn next_steps(p: &Progress, catalog: &Catalog) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if p.attempts.is_empty() {
        steps.push(NextStep {
            text: "Answer your first questions: each answer is saved and shows up here.".into(),
            command: Some("starcoach practice".into()),
        });
        return steps;
    }
    let weakest = p.weakest(1).into_iter().next().filter(|d| d.recent < 80.0);
    if let Some(w) = weakest {
        // Its most frequent finding (findings are sorted by how often they were a fix).
        let tip = p
            .findings
            .iter()
            .find(|f| f.dimension == Some(w.dimension) && !f.suggestion.is_empty())
            .map(|f| format!(" {}", f.suggestion))
            .unwrap_or_default();
        steps.push(NextStep {
            text: format!(
                "Work on {}: your weakest part lately ({:.0}/100).{tip}",
                w.dimension, w.recent
            ),
            command: None,
        });
    }
    if let Some(f) = p
        .findings
        .iter()
        .find(|f| f.fix_first > 0 && f.dimension != weakest.map(|w| w.dimension))
    {
        steps.push(NextStep {
            text: format!(
                "The fix that came up most ({} of {} answers): {} {}",
                f.fix_first, f.of, f.message, f.suggestion
            )
            .trim_end()
            .to_string(),
            command: None,
        });
    }
    let retry = p
        .questions
        .iter()
        .filter(|q| q.in_catalog && q.latest < 70.0)
        .min_by(|a, b| a.latest.total_cmp(&b.latest));
    if let Some(q) = retry {
        steps.push(NextStep {
            text: format!(
                "Answer “{}” again: latest {:.0}, best {:.0}.",
                crate::prose::shorten(&q.text, 80),
                q.latest,
                q.best
            ),
            command: Some(format!("starcoach practice --question {}", q.id)),
        });
    }
    // New questions: a tag never practised, else the one with most left.
    let practised = |tag: &str| p.attempts.iter().any(|a| a.tags.iter().any(|t| t == tag));
    let gap = p
        .untried
        .iter()
        .find(|g| !practised(&g.tag))
        .or(p.untried.first());
    if let Some(g) = gap {
        let example = g
            .untried
            .first()
            .and_then(|id| catalog.get(id))
            .map(|q| format!(", such as “{}”", crate::prose::shorten(&q.text, 80)))
            .unwrap_or_default();
        steps.push(NextStep {
            text: format!(
                "Try new questions on {} ({} of {} not yet practised{example}).",
                g.tag,
                g.untried.len(),
                g.total
            ),
            command: Some(format!("starcoach practice --tag {}", g.tag)),
        });
    }
    if steps.is_empty() {
        steps.push(NextStep {
            text: "Every part scores well lately: practise new questions to keep it fresh.".into(),
            command: Some("starcoach practice".into()),
        });
    }
    steps
}
