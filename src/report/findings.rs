//! Which findings keep coming up, counted the way the coach raised them.

use std::collections::{BTreeMap, HashMap};

use super::{FindingCount, Recomputed, recompute};
use crate::analyze::Analyzer;
use crate::bank::Catalog;
use crate::rubric::{Dimension, Rubric, RubricSet};
use crate::session::AttemptRecord;

/// The rule ids the coach listed under "Fix first" for a saved answer: the first findings of
/// distinct dimensions, as many as the rubric shows.
pub(super) fn fix_first<'a>(rec: &'a AttemptRecord, rubric: &Rubric) -> Vec<&'a str> {
    let mut dims: Vec<Option<Dimension>> = Vec::new();
    let mut out = Vec::new();
    for id in &rec.findings {
        if out.len() >= rubric.feedback.max_fixes {
            break;
        }
        let dim = rubric
            .rules
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.dimension);
        if dim.is_some() && dims.contains(&dim) {
            continue;
        }
        dims.push(dim);
        out.push(id.as_str());
    }
    out
}

pub(super) fn count_findings(
    attempts: &[AttemptRecord],
    catalog: &Catalog,
    rubrics: &RubricSet,
    analyzer: &Analyzer<'_>,
) -> Vec<FindingCount> {
    // rule -> (answers, fix-first, index of the latest answer with it)
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (i, a) in attempts.iter().enumerate() {
        let fixes = fix_first(a, rubrics.for_kind(a.kind));
        let mut seen: Vec<&str> = Vec::new();
        for id in &a.findings {
            if seen.contains(&id.as_str()) {
                continue;
            }
            seen.push(id);
            let c = counts.entry(id).or_insert((0, 0, i));
            c.0 += 1;
            c.1 += usize::from(fixes.contains(&id.as_str()));
            c.2 = i;
        }
    }
    let mut v: Vec<(&str, (usize, usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| (b.1.1, b.1.0).cmp(&(a.1.1, a.1.0)).then(a.0.cmp(b.0)));
    let mut cache: HashMap<usize, Option<Recomputed<'_>>> = HashMap::new();
    v.into_iter()
        .enumerate()
        .map(|(rank, (rule, (answers, fix_first, last)))| {
            let rec = &attempts[last];
            let rubric = rubrics.for_kind(rec.kind);
            let def = rubric.rules.iter().find(|r| r.id == rule);
            // Say it the way the coach said it last time (only for the top few: re-analysis).
            let said = (rank < 8)
                .then(|| {
                    cache
                        .entry(last)
                        .or_insert_with(|| recompute(rec, catalog, analyzer))
                        .as_ref()
                        .and_then(|r| r.analysis.findings.iter().find(|f| f.rule == rule))
                        .map(|f| f.message.clone())
                })
                .flatten();
            FindingCount {
                rule: rule.to_string(),
                dimension: def.map(|d| d.dimension),
                answers,
                fix_first,
                of: attempts.len(),
                message: said
                    .or_else(|| def.map(|d| template(&d.message)))
                    .unwrap_or_else(|| rule.to_string()),
                suggestion: def.map(|d| d.suggestion.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// A rule message without its `{placeholders}`, for answers that cannot be re-analyzed
/// ("Filler words: {quotes}." -> "Filler words."; "About {minutes} spoken ({words} words):
/// short." -> "About … spoken: short.").
pub(super) fn template(message: &str) -> String {
    let Some(at) = message.find('{') else {
        return message.to_string();
    };
    let head = message[..at].trim_end_matches([' ', ':', '(', ',', '"', '\u{201c}']);
    if head.split_whitespace().count() >= 2 {
        return format!("{head}.");
    }
    let mut out = String::new();
    let mut rest = message;
    while let Some(a) = rest.find(['{', '(']) {
        let close = if rest[a..].starts_with('(') { ')' } else { '}' };
        let end = rest[a..].find(close).map_or(rest.len(), |b| a + b + 1);
        let group = &rest[a..end];
        out.push_str(&rest[..a]);
        if close == '}' {
            out.push('…');
        } else if !group.contains('{') {
            out.push_str(group);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" :", ":")
}
