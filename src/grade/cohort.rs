//! The cohort summary: averages per candidate and per question, the bands, the weaknesses that
//! come up most, and a few sentences saying what the cohort most needs to work on.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Graded;
use crate::rubric::{Dimension, RubricSet, Severity};

/// The answers of one candidate or to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The candidate's name or the question (id, or text when not from the banks).
    pub key: String,
    /// How people read it: the candidate's name, or the question's text.
    pub text: String,
    pub answers: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// The dimension with the largest weighted shortfall on average.
    pub weakest: Option<Dimension>,
    /// The fix given most often (rule id).
    pub top_fix: Option<String>,
    /// That fix in words, as the first answer it was given to was told.
    pub top_fix_message: Option<String>,
}

/// A fix that the coach gave to many answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weakness {
    pub rule: String,
    pub dimension: Dimension,
    pub severity: Severity,
    /// What the finding said, from the first answer it was given to.
    pub message: String,
    pub suggestion: String,
    pub answers: usize,
    pub candidates: usize,
    /// Share of all answers, 0-1.
    pub share: f64,
}

/// The answers in one band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandCount {
    pub band: String,
    pub answers: usize,
}

/// A dimension's average over the answers that are scored on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionMean {
    pub dimension: Dimension,
    pub mean: f64,
    pub answers: usize,
}

/// The whole cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    pub answers: usize,
    pub mean: f64,
    /// How many answers fall in each band, from the highest band down.
    pub bands: Vec<BandCount>,
    pub candidates: Vec<Group>,
    pub questions: Vec<Group>,
    pub dimensions: Vec<DimensionMean>,
    /// Most common first.
    pub weaknesses: Vec<Weakness>,
    /// What the cohort most needs to work on, in sentences.
    pub headline: Vec<String>,
    /// The written-English notes of the answers checked (`grade --english`; omitted otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::english::summary::Summary>,
}

fn group(key: &str, text: &str, items: &[&Graded]) -> Group {
    let scores: Vec<f64> = items.iter().map(|g| g.analysis.overall).collect();
    let mean = mean(&scores);
    // Weakest dimension: the largest average weighted shortfall.
    let mut short: BTreeMap<Dimension, (f64, usize)> = BTreeMap::new();
    for g in items {
        for d in &g.analysis.dimensions {
            let e = short.entry(d.dimension).or_default();
            e.0 += d.weight * (100.0 - d.score);
            e.1 += 1;
        }
    }
    let weakest = short
        .iter()
        .map(|(d, (s, n))| (*d, s / *n as f64))
        .filter(|(_, s)| *s > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d);
    let mut fixes: BTreeMap<&str, usize> = BTreeMap::new();
    for g in items {
        if let Some(f) = g.top_fix() {
            *fixes.entry(&f.rule).or_default() += 1;
        }
    }
    let top_fix = fixes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(r, _)| r.to_string());
    let top_fix_message = top_fix.as_deref().and_then(|rule| {
        items
            .iter()
            .filter_map(|g| g.top_fix())
            .find(|f| f.rule == rule)
            .map(|f| f.message.clone())
    });
    Group {
        key: key.to_string(),
        text: text.to_string(),
        top_fix_message,
        answers: items.len(),
        mean,
        min: scores.iter().copied().fold(f64::INFINITY, f64::min),
        max: scores.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        weakest,
        top_fix,
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        round1(v.iter().sum::<f64>() / v.len() as f64)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Groups in first-seen order of their key, each named for people by `text` of its first
/// member.
fn groups<'a>(
    graded: &'a [Graded],
    key: impl Fn(&'a Graded) -> &'a str,
    text: impl Fn(&'a Graded) -> &'a str,
) -> Vec<Group> {
    let mut order: Vec<&str> = Vec::new();
    let mut members: BTreeMap<&str, Vec<&Graded>> = BTreeMap::new();
    for g in graded {
        let k = key(g);
        if !members.contains_key(k) {
            order.push(k);
        }
        members.entry(k).or_default().push(g);
    }
    order
        .into_iter()
        .map(|k| group(k, text(members[k][0]), &members[k]))
        .collect()
}

/// Summarizes a cohort's graded answers.
pub fn summarize(graded: &[Graded], rubrics: &RubricSet) -> Cohort {
    let scores: Vec<f64> = graded.iter().map(|g| g.analysis.overall).collect();
    let mut candidates = groups(graded, |g| g.candidate.as_str(), |g| g.candidate.as_str());
    candidates.sort_by_key(|a| a.key.to_lowercase());
    let questions = groups(graded, |g| g.question(), |g| g.question_text.as_str());

    // Bands, highest first, as the rubrics define them: a band's lower bound is the one of the
    // first rubric (in load order) that has the band. The search stops there, so the rubrics of
    // kinds nobody answered are not compiled for it.
    let mut band_min: BTreeMap<&str, f64> = BTreeMap::new();
    for g in graded {
        let name = g.analysis.band.as_str();
        if !band_min.contains_key(name) {
            let min = rubrics
                .rubrics()
                .find_map(|r| r.bands.iter().find(|b| b.name == name).map(|b| b.min));
            if let Some(min) = min {
                band_min.insert(name, min);
            }
        }
    }
    let mut bands: Vec<(String, usize, f64)> = Vec::new();
    for g in graded {
        match bands.iter_mut().find(|b| b.0 == g.analysis.band) {
            Some(b) => b.1 += 1,
            None => bands.push((
                g.analysis.band.clone(),
                1,
                band_min
                    .get(g.analysis.band.as_str())
                    .copied()
                    .unwrap_or(0.0),
            )),
        }
    }
    bands.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));

    let mut dims: BTreeMap<Dimension, Vec<f64>> = BTreeMap::new();
    for g in graded {
        for d in &g.analysis.dimensions {
            dims.entry(d.dimension).or_default().push(d.score);
        }
    }
    let dimensions = dims
        .into_iter()
        .map(|(dimension, v)| DimensionMean {
            dimension,
            mean: mean(&v),
            answers: v.len(),
        })
        .collect();

    // Weaknesses: every fix the coach gave, counted by rule.
    let mut found: Vec<(Weakness, Vec<&str>)> = Vec::new();
    for g in graded {
        for f in &g.feedback.fixes {
            match found.iter_mut().find(|(w, _)| w.rule == f.rule) {
                Some((w, who)) => {
                    w.answers += 1;
                    if !who.contains(&g.candidate.as_str()) {
                        who.push(&g.candidate);
                    }
                }
                None => found.push((
                    Weakness {
                        rule: f.rule.clone(),
                        dimension: f.dimension,
                        severity: f.severity,
                        message: f.message.clone(),
                        suggestion: f.suggestion.clone(),
                        answers: 1,
                        candidates: 0,
                        share: 0.0,
                    },
                    vec![&g.candidate],
                )),
            }
        }
    }
    let total = graded.len().max(1) as f64;
    let mut weaknesses: Vec<Weakness> = found
        .into_iter()
        .map(|(mut w, who)| {
            w.candidates = who.len();
            w.share = w.answers as f64 / total;
            w
        })
        .collect();
    weaknesses.sort_by(|a, b| {
        b.answers
            .cmp(&a.answers)
            .then(b.severity.cmp(&a.severity))
            .then(a.rule.cmp(&b.rule))
    });

    let mut cohort = Cohort {
        answers: graded.len(),
        mean: mean(&scores),
        bands: bands
            .into_iter()
            .map(|(band, answers, _)| BandCount { band, answers })
            .collect(),
        candidates,
        questions,
        dimensions,
        weaknesses,
        headline: Vec::new(),
        language: language(graded),
    };
    cohort.headline = headline(&cohort);
    cohort
}

/// The summary of the written-English notes, when any answer was checked.
fn language(graded: &[Graded]) -> Option<crate::english::summary::Summary> {
    let records: Vec<crate::english::summary::Record> = graded
        .iter()
        .filter_map(|g| g.feedback.language.as_ref().map(Into::into))
        .collect();
    (!records.is_empty()).then(|| crate::english::summary::Summary::of(&records))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text ending in a full stop (or the question or exclamation mark it has).
fn sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '?', '!']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A few sentences a coach can read out: the size and level of the cohort, what most answers
/// need, what comes next, and the hardest question.
fn headline(c: &Cohort) -> Vec<String> {
    if c.answers == 0 {
        return vec!["No answers were graded.".into()];
    }
    let mut out = Vec::new();
    let bands: Vec<String> = c
        .bands
        .iter()
        .map(|b| format!("{} {}", b.answers, b.band))
        .collect();
    out.push(format!(
        "{} from {} on {}; average score {:.0} ({}).",
        plural(c.answers, "answer", "answers"),
        plural(c.candidates.len(), "candidate", "candidates"),
        plural(c.questions.len(), "question", "questions"),
        c.mean,
        bands.join(", ")
    ));
    let candidates = c.candidates.len();
    let mut ws = c.weaknesses.iter();
    if let Some(w) = ws.next() {
        let who = if candidates > 1 {
            format!(" from {} of {candidates} candidates", w.candidates)
        } else {
            String::new()
        };
        out.push(format!(
            "What the cohort most needs to work on: {}. {} It came up in {} of {} answers ({}){who}, e.g. “{}”.",
            w.dimension,
            sentence(&w.suggestion),
            w.answers,
            c.answers,
            percent(w.share),
            crate::prose::shorten(w.message.trim_end_matches('.'), 90),
        ));
    } else {
        out.push("No fix came up: every answer covers what the rubric asks for.".into());
    }
    let next: Vec<String> = ws
        .take(2)
        .filter(|w| w.answers * 5 >= c.answers)
        .map(|w| {
            format!(
                "{} ({}, e.g. “{}”)",
                w.dimension,
                plural(w.answers, "answer", "answers"),
                crate::prose::shorten(w.message.trim_end_matches('.'), 60)
            )
        })
        .collect();
    if !next.is_empty() {
        out.push(format!("Then: {}.", next.join("; ")));
    }
    if c.questions.len() > 1 {
        if let Some(q) = c
            .questions
            .iter()
            .filter(|q| q.answers >= 2)
            .min_by(|a, b| a.mean.total_cmp(&b.mean))
        {
            let weak = q
                .weakest
                .map(|d| format!(", weakest on {d}"))
                .unwrap_or_default();
            out.push(format!(
                "Hardest question: “{}” (average {:.0} over {} answers{weak}).",
                crate::prose::shorten(&q.text, 70),
                q.mean,
                q.answers
            ));
        }
    }
    if let Some(s) = c.language.as_ref().and_then(|l| l.sentence()) {
        out.push(s);
    }
    if candidates > 2 {
        let mut low: Vec<&Group> = c.candidates.iter().collect();
        low.sort_by(|a, b| a.mean.total_cmp(&b.mean).then(a.key.cmp(&b.key)));
        let names: Vec<String> = low
            .iter()
            .take(3.min(candidates / 3).max(1))
            .map(|g| format!("{} ({:.0})", g.key, g.mean))
            .collect();
        out.push(format!(
            "Most in need of one-to-one time: {}.",
            names.join(", ")
        ));
    }
    out
}
