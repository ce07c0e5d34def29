//! Which quantities count as metrics: the rubric's `[metrics]` kinds, minus those inside an
//! `ignore` pattern (narrative markers such as "one evening", set-up such as "five years of
//! experience"). Where a metric sits (result or set-up) is weighed by the metric rules.

use super::{Document, Metric, Quantity};
use crate::rubric::Rubric;

pub fn metrics(doc: &Document<'_>, rubric: &Rubric, quantities: &[Quantity]) -> Vec<Metric> {
    let settings = &rubric.metrics;
    let candidates: Vec<&Quantity> = quantities
        .iter()
        .filter(|q| settings.kinds.contains(&q.kind))
        .filter(|q| q.kind != super::QuantityKind::Count || q.value >= settings.min_count)
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let hay = doc.haystack();
    let ignored: Vec<std::ops::Range<usize>> = settings
        .ignore
        .iter()
        .flat_map(|re| re.find_iter(&hay).map(|m| m.range()))
        .collect();
    candidates
        .into_iter()
        .filter(|q| {
            !ignored
                .iter()
                .any(|r| r.start <= q.span.start && q.span.end <= r.end)
        })
        .map(|q| Metric {
            span: q.span.clone(),
            kind: q.kind,
            value: q.value,
            unit: q.unit.clone(),
            sentence: doc.sentence_of(q.span.start),
        })
        .collect()
}
