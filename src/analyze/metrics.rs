//! What each number in an answer does. Only an outcome of the candidate's action or the scale
//! of the situation counts as a metric: how long someone has worked (tenure), a goal not yet
//! reached (target), a number inside "would" or "if" (hypothetical) and a figure of speech
//! ("100% of the time") do not.
//!
//! Roles are decided in three steps, as the analysis learns more:
//! 1. [`metrics`]: the quantities of the rubric's `[metrics] kinds`; a quantity inside an
//!    `ignore` match is `other`, one inside a `[[metrics.role]]` match takes that role.
//! 2. [`grammar_roles`], once the clauses are known: inside a condition or a clause told with
//!    "would" or hindsight ("could have") it is hypothetical; inside a purpose ("to get it
//!    under 5 minutes"), after an obligation ("we had to answer within 30 seconds") or a target
//!    word in its clause ("the goal was 90%") it is a target; a duration of years or months in a
//!    clause in the present perfect or with a tenure verb ("I've worked here for 3 years") is
//!    tenure.
//! 3. [`outcome_or_scale`], once the STAR labels are known: in a result or lesson, or a change
//!    told after the action starts ("dropped from 8 to 5 minutes"), it is an outcome; anywhere
//!    else it is the scale of the situation.

use super::cues::Boundary;
use super::features::{Clause, SentenceFeatures, quoted_spans};
use super::{Document, Label, Metric, MetricRole, Quantity, QuantityKind};
use crate::rubric::{Region, Rubric, Tense};

/// The quantities of the metric kinds, and whether a pattern has decided each one's role.
pub fn metrics(
    doc: &Document<'_>,
    rubric: &Rubric,
    quantities: &[Quantity],
) -> (Vec<Metric>, Vec<bool>) {
    let settings = &rubric.metrics;
    let candidates: Vec<&Quantity> = quantities
        .iter()
        .filter(|q| settings.kinds.contains(&q.kind))
        .filter(|q| q.kind != QuantityKind::Count || q.value >= settings.min_count)
        .collect();
    if candidates.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let hay = doc.haystack();
    let spans = |p: &crate::rubric::Pattern| -> Vec<std::ops::Range<usize>> {
        p.find_iter(&hay).map(|m| m.range()).collect()
    };
    let mut matched: Vec<(MetricRole, Vec<std::ops::Range<usize>>)> = settings
        .ignore
        .iter()
        .map(|p| (MetricRole::Other, spans(p)))
        .collect();
    matched.extend(settings.roles.iter().map(|r| (r.role, spans(&r.pattern))));
    let mut decided = Vec::with_capacity(candidates.len());
    let metrics = candidates
        .into_iter()
        .map(|q| {
            let role = matched.iter().find_map(|(role, spans)| {
                spans
                    .iter()
                    .any(|r| r.start <= q.span.start && q.span.end <= r.end)
                    .then_some(*role)
            });
            decided.push(role.is_some());
            Metric {
                span: q.span.clone(),
                kind: q.kind,
                value: q.value,
                unit: q.unit.clone(),
                sentence: doc.sentence_of(q.span.start),
                role: role.unwrap_or(MetricRole::Scale),
            }
        })
        .collect();
    (metrics, decided)
}

/// The clause a quantity at byte `at` belongs to: the nearest one whose subject comes before it
/// in the sentence, else the sentence's first ("For 5 years I have worked...").
fn clause_of(sf: &SentenceFeatures, at: usize) -> Option<&Clause> {
    sf.clauses
        .iter()
        .rev()
        .find(|c| c.span.start <= at)
        .or(sf.clauses.first())
}

/// Step 2: hypothetical, target and tenure roles from the clauses around each undecided number.
pub fn grammar_roles(
    doc: &Document<'_>,
    rubric: &Rubric,
    feats: &[SentenceFeatures],
    metrics: &mut [Metric],
    decided: &mut [bool],
) {
    let settings = &rubric.metrics;
    let quotes = quoted_spans(doc.text);
    for (m, done) in metrics.iter_mut().zip(decided.iter_mut()) {
        if *done {
            continue;
        }
        let Some(sf) = feats.get(m.sentence) else {
            continue;
        };
        let at = m.span.start;
        let clause = clause_of(sf, at);
        let tense = clause.map(|c| c.tense);
        let sentence_start = doc.sentences[m.sentence].span.start;
        let from = clause.map_or(sentence_start, |c| c.span.start);
        // A target word between the clause's subject and the number: "our goal was 90%".
        let target_word = settings.target_words.is_some_and(|l| {
            doc.hits_in(l, &(from.min(at)..at))
                .iter()
                .any(|h| h.end <= at)
        });
        let long = matches!(m.unit.as_deref(), Some("year" | "month"));
        let tenure_verb = clause.is_some_and(|c| {
            c.verb
                .as_ref()
                .is_some_and(|v| settings.tenure_verbs.is_some_and(|l| doc.word_is(l, v)))
        });
        let role = if sf.in_region(at, &[Region::Condition])
            || matches!(tense, Some(Tense::Modal | Tense::Hindsight))
            || projected_in_quote(doc, rubric, &quotes, at)
        {
            Some(MetricRole::Hypothetical)
        } else if sf.in_region(at, &[Region::Purpose])
            || clause.is_some_and(|c| c.aux == crate::rubric::Aux::Obligation)
            || target_word
        {
            Some(MetricRole::Target)
        } else if m.kind == QuantityKind::Duration
            && long
            && (tense == Some(Tense::Perfect) || tenure_verb)
        {
            Some(MetricRole::Tenure)
        } else {
            None
        };
        if let Some(r) = role {
            m.role = r;
            *done = true;
        }
    }
}

/// A number in quoted speech after a modal ("I put it in business terms: 'This will cut server
/// costs by 40%'") is a promise or a projection, not what happened. Quoted clauses do not set
/// the sentence's tense (see `features`), so the quote is read on its own here.
fn projected_in_quote(
    doc: &Document<'_>,
    rubric: &Rubric,
    quotes: &[std::ops::Range<usize>],
    at: usize,
) -> bool {
    quotes
        .iter()
        .find(|q| q.start <= at && at < q.end)
        .is_some_and(|q| {
            doc.hits_in(rubric.features.modal, &(q.start..at))
                .iter()
                .any(|h| h.end <= at)
        })
}

/// The sentence features' quantity offsets, for the numbers whose role is still open: a
/// tenure or a hypothetical number is no evidence of a result.
pub fn refresh_quantities(feats: &mut [SentenceFeatures], metrics: &[Metric], decided: &[bool]) {
    for sf in feats.iter_mut() {
        sf.quantities.clear();
    }
    for (m, done) in metrics.iter().zip(decided) {
        if !done {
            if let Some(sf) = feats.get_mut(m.sentence) {
                sf.quantities.push(m.span.start);
            }
        }
    }
}

/// Step 3: every number still undecided is an outcome when it sits in a result or lesson (or
/// is a change told once the action has started), else the scale of the situation.
pub fn outcome_or_scale(
    metrics: &mut [Metric],
    decided: &[bool],
    labels: &[Label],
    also: &[Vec<Label>],
    boundary: Option<Boundary>,
) {
    for (m, done) in metrics.iter_mut().zip(decided) {
        if *done {
            continue;
        }
        let si = m.sentence;
        let in_result = [Label::Result, Label::Reflection]
            .iter()
            .any(|l| labels.get(si) == Some(l) || also.get(si).is_some_and(|a| a.contains(l)));
        let changed = m.kind == QuantityKind::Change
            && boundary
                .is_some_and(|b| si > b.sentence || (si == b.sentence && m.span.start >= b.at));
        m.role = if in_result || changed {
            MetricRole::Outcome
        } else {
            MetricRole::Scale
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::{Analyzer, Context, MetricRole};
    use crate::bank::Kind;
    use crate::rubric::RubricSet;

    fn roles(text: &str) -> Vec<(String, MetricRole)> {
        let set = RubricSet::embedded().unwrap();
        let a = Analyzer::new(&set).analyze_in(text, Context::kind(Kind::Behavioral));
        a.metrics
            .iter()
            .map(|m| (text[m.span.clone()].to_string(), m.role))
            .collect()
    }

    #[test]
    fn a_number_promised_in_quoted_speech_is_hypothetical() {
        let text = "I had to explain the new queue to my manager. I put it in plain terms: \
                    'This will cut the wait by 40%.' She approved it that day.";
        assert_eq!(
            roles(text),
            [("by 40%".to_string(), MetricRole::Hypothetical)]
        );
        let text = "I had to explain the new queue to my manager. I showed her the report: \
                    'The wait fell by 40%.' She approved it that day.";
        assert_ne!(roles(text)[0].1, MetricRole::Hypothetical);
    }
}
