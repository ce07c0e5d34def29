//! Running the examples a rubric carries for its rules and cues: each says how many hits (or
//! whether a finding) the rule must produce on a short text. One test runs them for every
//! shipped rubric, and `starcoach rubric check` runs them for a coach's own.

use super::{Context, QuantityFinder, analyze_traced};
use crate::bank::{Area, Kind, Question};
use crate::rubric::Rubric;

/// An example that did not come out as its rule says.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    /// `rule `id`` or `cue `id``, with where it is defined.
    pub owner: String,
    pub origin: String,
    pub text: String,
    pub expected: String,
    pub got: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} example {:?}: expected {}, got {}",
            self.origin, self.owner, self.text, self.expected, self.got
        )
    }
}

fn question_with_areas(areas: &[Vec<String>]) -> Question {
    Question {
        id: "rubric-example".into(),
        text: "Example question".into(),
        kind: Kind::Behavioral,
        tags: Vec::new(),
        source: "rubric example".into(),
        category: None,
        looks_for: None,
        hint: None,
        areas: areas
            .iter()
            .map(|k| Area {
                text: k.join(", "),
                keywords: k.clone(),
                steps: Vec::new(),
                part: None,
            })
            .collect(),
        follow_ups: Vec::new(),
        tips: Vec::new(),
        examples: Vec::new(),
        skip: Vec::new(),
        rules: Vec::new(),
        bank: "rubric-example".into(),
    }
}

/// Runs every example of every rule and cue of `rubric`; returns the ones that fail.
pub fn check_examples(rubric: &Rubric) -> Vec<ExampleFailure> {
    let kpi: Vec<&str> = rubric.lexicon_terms[rubric.metrics.kpi]
        .iter()
        .map(String::as_str)
        .collect();
    let finder = QuantityFinder::new(&kpi);
    let kind = rubric.kinds.first().copied().unwrap_or(Kind::Behavioral);
    let mut out = Vec::new();
    for rule in &rubric.rules {
        for ex in &rule.examples {
            let q = question_with_areas(&ex.areas);
            let ctx = Context {
                kind,
                question: Some(&q),
            };
            let (_, evaluated) = analyze_traced(rubric, &finder, &ex.text, ctx);
            let e = evaluated
                .iter()
                .find(|e| rubric.rules[e.rule].id == rule.id);
            let hits = e.map_or(0, |e| e.hits.len());
            let fires = e.is_some_and(|e| e.finding.is_some());
            let fail = |expected: String, got: String| ExampleFailure {
                owner: format!("rule `{}`", rule.id),
                origin: rule.origin.clone(),
                text: ex.text.clone(),
                expected,
                got,
            };
            if let Some(h) = ex.hits {
                if h != hits {
                    out.push(fail(format!("{h} hits"), format!("{hits}")));
                }
            }
            if let Some(f) = ex.fires {
                if f != fires {
                    let say = |b: bool| if b { "a finding" } else { "no finding" }.to_string();
                    out.push(fail(say(f), say(fires)));
                }
            }
        }
    }
    for cue in &rubric.cues {
        for ex in &cue.examples {
            let Some(expected) = ex.hits else { continue };
            let got = cue_hits(rubric, &finder, cue, &ex.text);
            if got != expected {
                out.push(ExampleFailure {
                    owner: format!("cue `{}`", cue.id),
                    origin: cue.origin.clone(),
                    text: ex.text.clone(),
                    expected: format!("{expected} hits"),
                    got: got.to_string(),
                });
            }
        }
    }
    for role in &rubric.metrics.roles {
        for ex in &role.examples {
            let Some(expected) = ex.hits else { continue };
            let got = role_hits(rubric, &finder, role, &ex.text);
            if got != expected {
                out.push(ExampleFailure {
                    owner: format!("[[metrics.role]] `{}`", role.role.as_str()),
                    origin: role.origin.clone(),
                    text: ex.text.clone(),
                    expected: format!("{expected} hits"),
                    got: got.to_string(),
                });
            }
        }
    }
    out
}

/// How many metrics of `text` the role pattern gives its role (inside one of its matches, with
/// that role in the end).
fn role_hits(
    rubric: &Rubric,
    finder: &QuantityFinder,
    role: &crate::rubric::RolePattern,
    text: &str,
) -> usize {
    let doc = super::Document::new(text, rubric);
    let matches: Vec<std::ops::Range<usize>> = role
        .pattern
        .find_iter(&doc.haystack())
        .map(|m| m.range())
        .collect();
    super::read(&doc, rubric, finder)
        .metrics
        .iter()
        .filter(|m| m.role == role.role)
        .filter(|m| {
            matches
                .iter()
                .any(|r| r.start <= m.span.start && m.span.end <= r.end)
        })
        .count()
}

/// How many pieces of evidence rule `rule_id` of `rubric` finds in `text` (None when the
/// rubric has no such rule, or the rule does not apply to the text).
pub fn rule_hits(rubric: &Rubric, rule_id: &str, text: &str) -> Option<usize> {
    let kpi: Vec<&str> = rubric.lexicon_terms[rubric.metrics.kpi]
        .iter()
        .map(String::as_str)
        .collect();
    let finder = QuantityFinder::new(&kpi);
    let kind = rubric.kinds.first().copied().unwrap_or(Kind::Behavioral);
    let (_, evaluated) = analyze_traced(
        rubric,
        &finder,
        text,
        Context {
            kind,
            question: None,
        },
    );
    evaluated
        .iter()
        .find(|e| rubric.rules[e.rule].id == rule_id)
        .map(|e| e.hits.len())
}

/// How often a cue counts in `text`: its hits outside the regions it looks past, and, for a
/// cue placed before or after the action, only those on its side of where the action starts.
fn cue_hits(
    rubric: &Rubric,
    finder: &QuantityFinder,
    cue: &crate::rubric::Cue,
    text: &str,
) -> usize {
    let doc = super::Document::new(text, rubric);
    let feats = super::read(&doc, rubric, finder).feats;
    let boundary = super::star::label(&doc, rubric, &feats).boundary;
    super::cues::cue_hits(&doc, &feats, cue)
        .into_iter()
        .filter(|h| super::cues::placed(cue.position, boundary, *h))
        .count()
}
