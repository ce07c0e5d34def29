//! What changed between two attempts at the same question: score deltas, STAR parts gained or
//! lost, metrics added, findings resolved or new (e.g. hedges removed).

use serde::Serialize;

use super::markup::{Markup, Role};
use crate::analyze::{Analysis, Episode, Label};
use crate::rubric::Dimension;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    pub dimension: Dimension,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    pub rule: String,
    pub message: String,
    /// Evidence count before and after (e.g. hedges 3 -> 1); the message is the latest one.
    pub before: usize,
    pub after: usize,
}

/// The difference between a previous attempt and this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub overall: (f64, f64),
    pub dimensions: Vec<DimensionChange>,
    pub gained: Vec<Label>,
    pub lost: Vec<Label>,
    pub episode: Option<(Episode, Episode)>,
    pub metrics_added: Vec<String>,
    pub metrics_removed: Vec<String>,
    /// Findings gone, fewer, more, or new.
    pub resolved: Vec<FindingChange>,
    pub improved: Vec<FindingChange>,
    pub worse: Vec<FindingChange>,
    pub new: Vec<FindingChange>,
    pub words: (usize, usize),
}

const PARTS: [Label; 5] = [
    Label::Situation,
    Label::Task,
    Label::Action,
    Label::Result,
    Label::Reflection,
];

pub fn compare(before: &Analysis, after: &Analysis) -> Change {
    let mut dims: Vec<Dimension> = before.dimensions.iter().map(|d| d.dimension).collect();
    for d in &after.dimensions {
        if !dims.contains(&d.dimension) {
            dims.push(d.dimension);
        }
    }
    let present = |a: &Analysis, l: Label| a.star.part(l).is_some_and(|p| p.present);
    let metric_texts = |a: &Analysis| -> Vec<String> {
        a.metrics
            .iter()
            .map(|m| a.quote(&m.span).to_string())
            .collect()
    };
    let (mb, ma) = (metric_texts(before), metric_texts(after));
    let count = |a: &Analysis, rule: &str| {
        a.findings
            .iter()
            .find(|f| f.rule == rule)
            .map_or(0, |f| f.hits.len().max(1))
    };
    let cost = |a: &Analysis, rule: &str| {
        a.findings
            .iter()
            .find(|f| f.rule == rule)
            .map_or(0.0, |f| f.cost)
    };
    let mut resolved = Vec::new();
    let mut improved = Vec::new();
    let mut worse = Vec::new();
    let mut new = Vec::new();
    for f in &before.findings {
        let (b, a) = (count(before, &f.rule), count(after, &f.rule));
        let now = after.findings.iter().find(|x| x.rule == f.rule);
        let ch = FindingChange {
            rule: f.rule.clone(),
            message: now.map_or_else(|| f.message.clone(), |x| x.message.clone()),
            before: b,
            after: a,
        };
        let (cb, ca) = (cost(before, &f.rule), cost(after, &f.rule));
        if now.is_none() {
            resolved.push(ch);
        } else if ca + 0.5 < cb {
            improved.push(ch);
        } else if ca > cb + 0.5 {
            worse.push(ch);
        }
    }
    for f in &after.findings {
        if !before.findings.iter().any(|x| x.rule == f.rule) {
            new.push(FindingChange {
                rule: f.rule.clone(),
                message: f.message.clone(),
                before: 0,
                after: count(after, &f.rule),
            });
        }
    }
    Change {
        overall: (before.overall, after.overall),
        dimensions: dims
            .into_iter()
            .map(|d| DimensionChange {
                dimension: d,
                before: before.score(d),
                after: after.score(d),
            })
            .collect(),
        gained: PARTS
            .into_iter()
            .filter(|&l| !present(before, l) && present(after, l))
            .collect(),
        lost: PARTS
            .into_iter()
            .filter(|&l| present(before, l) && !present(after, l))
            .collect(),
        episode: (before.episode != after.episode).then_some((before.episode, after.episode)),
        metrics_added: ma.iter().filter(|m| !mb.contains(m)).cloned().collect(),
        metrics_removed: mb.iter().filter(|m| !ma.contains(m)).cloned().collect(),
        resolved,
        improved,
        worse,
        new,
        words: (before.words, after.words),
    }
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.0}")
    } else {
        format!("{x:.0}")
    }
}

/// "What changed" as markup.
pub fn render(c: &Change) -> Markup {
    let mut m = Markup::new();
    let delta = c.overall.1 - c.overall.0;
    m.push(Role::Heading, "What changed since your last attempt")
        .nl();
    m.plain(format!(
        "  Overall {:.0} → {:.0} ",
        c.overall.0, c.overall.1
    ))
    .push(
        if delta > 0.5 {
            Role::Good
        } else if delta < -0.5 {
            Role::Bad
        } else {
            Role::Dim
        },
        format!("({})", signed(delta)),
    )
    .push(Role::Dim, format!("   words {} → {}", c.words.0, c.words.1))
    .nl();
    let mut line = Markup::new();
    let mut any = false;
    for d in &c.dimensions {
        if let (Some(b), Some(a)) = (d.before, d.after) {
            let x = a - b;
            if x.abs() >= 1.0 {
                line.plain(if any { ", " } else { "  " })
                    .plain(format!("{} ", d.dimension))
                    .push(if x > 0.0 { Role::Good } else { Role::Bad }, signed(x));
                any = true;
            }
        }
    }
    if any {
        m.append(line).nl();
    }
    for l in &c.gained {
        m.push(Role::Good, format!("  + now has a {} part", l.as_str()))
            .nl();
    }
    for l in &c.lost {
        m.push(Role::Bad, format!("  - lost the {} part", l.as_str()))
            .nl();
    }
    if let Some((b, a)) = c.episode {
        m.plain(format!("  episode: {} → {}", b.as_str(), a.as_str()))
            .nl();
    }
    if !c.metrics_added.is_empty() {
        m.push(
            Role::Good,
            format!("  + numbers added: {}", c.metrics_added.join(", ")),
        )
        .nl();
    }
    for f in &c.resolved {
        m.push(Role::Good, format!("  ✓ fixed: {}", f.message)).nl();
    }
    for f in &c.improved {
        m.push(
            Role::Good,
            format!("  ↗ better, not yet there: {}", f.message),
        )
        .nl();
    }
    for f in &c.worse {
        m.push(Role::Warn, format!("  ↘ worse: {}", f.message)).nl();
    }
    for f in &c.new {
        m.push(Role::Warn, format!("  ! new: {}", f.message)).nl();
    }
    m
}
