//! "What to practise next": concrete steps from the progress model, ranked by what would raise
//! the candidate most: the first fix of the weakest recent answer, then a fix that keeps coming
//! up, then the weakest part lately and new questions. A fix the candidate has made (it is in
//! none of the latest answers to the questions it came up on) is never suggested.

use super::{FindingCount, NextStep, Progress};
use crate::bank::Catalog;
use crate::rubric::RubricSet;
use crate::session::AttemptRecord;

pub(super) fn next_steps(p: &Progress, catalog: &Catalog, rubrics: &RubricSet) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if p.attempts.is_empty() {
        steps.push(NextStep {
            text: "Answer your first questions: each answer is saved and shows up here.".into(),
            command: Some("starcoach practice".into()),
        });
        return steps;
    }
    let latest = latest_answers(&p.attempts);
    // A finding still open: some latest answer has it.
    let open = |rule: &str| latest.iter().any(|a| a.findings.iter().any(|f| f == rule));
    let count = |rule: &str| p.findings.iter().find(|f| f.rule == rule);
    let mut said: Vec<String> = Vec::new();

    // The weakest recent answer, and the first fix the coach gave it.
    let weakest = latest
        .iter()
        .filter(|a| a.overall < 80.0)
        .min_by(|a, b| a.overall.total_cmp(&b.overall));
    let mut retried = None;
    if let Some(w) = weakest {
        let first = super::findings::fix_first(w, rubrics.for_kind(w.kind))
            .into_iter()
            .find_map(count);
        if let Some(f) = first {
            let in_catalog = catalog.get(&w.question).is_some();
            steps.push(NextStep {
                text: format!(
                    "Start with your weakest recent answer, “{}” ({:.0}): {} {}",
                    crate::prose::shorten(&w.question_text, 80),
                    w.overall,
                    f.message,
                    f.suggestion
                )
                .trim_end()
                .to_string(),
                command: in_catalog
                    .then(|| format!("starcoach practice --question {}", w.question)),
            });
            said.push(f.rule.clone());
            retried = Some(w.question.clone());
        }
    }

    // The fix that keeps coming up, when it is still open.
    if let Some(f) = p
        .findings
        .iter()
        .find(|f| f.fix_first > 1 && open(&f.rule) && !said.contains(&f.rule))
    {
        steps.push(repeated(f));
        said.push(f.rule.clone());
    }

    let weakest_part = p.weakest(1).into_iter().next().filter(|d| d.recent < 80.0);
    if let Some(w) = weakest_part {
        // Its most frequent open finding not already said above.
        let tip = p
            .findings
            .iter()
            .find(|f| {
                f.dimension == Some(w.dimension)
                    && !f.suggestion.is_empty()
                    && open(&f.rule)
                    && !said.contains(&f.rule)
            })
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
    let retry = p
        .questions
        .iter()
        .filter(|q| q.in_catalog && q.latest < 70.0 && retried.as_ref() != Some(&q.id))
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
    if let Some(s) = new_questions(p, catalog) {
        steps.push(s);
    }
    if steps.is_empty() {
        steps.push(NextStep {
            text: "Every part scores well lately: practise new questions to keep it fresh.".into(),
            command: Some("starcoach practice".into()),
        });
    }
    steps
}

/// The latest answer to each question (a retry or a follow-up answer counts), oldest first.
fn latest_answers(attempts: &[AttemptRecord]) -> Vec<&AttemptRecord> {
    let mut out: Vec<&AttemptRecord> = Vec::new();
    for a in attempts {
        out.retain(|x| x.question != a.question);
        out.push(a);
    }
    out
}

fn repeated(f: &FindingCount) -> NextStep {
    NextStep {
        text: format!(
            "The fix that came up most ({} of {} answers): {} {}",
            f.fix_first, f.of, f.message, f.suggestion
        )
        .trim_end()
        .to_string(),
        command: None,
    }
}

/// New questions: a tag never practised, else the one with most left.
fn new_questions(p: &Progress, catalog: &Catalog) -> Option<NextStep> {
    let practised = |tag: &str| p.attempts.iter().any(|a| a.tags.iter().any(|t| t == tag));
    let g = p
        .untried
        .iter()
        .find(|g| !practised(&g.tag))
        .or(p.untried.first())?;
    let example = g
        .untried
        .first()
        .and_then(|id| catalog.get(id))
        .map(|q| format!(", such as “{}”", crate::prose::shorten(&q.text, 80)))
        .unwrap_or_default();
    Some(NextStep {
        text: format!(
            "Try new questions on {} ({} of {} not yet practised{example}).",
            g.tag,
            g.untried.len(),
            g.total
        ),
        command: Some(format!("starcoach practice --tag {}", g.tag)),
    })
}
