//! `rubric compare`: the same answers graded with two rubrics, and what changed: the rubric's
//! own differences (weights, bands, rules, lexicons), each answer's score delta, the findings
//! that appear or disappear, and the answers whose band changes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::csv::{field, line};
use super::{Graded, Location};
use crate::bank::Kind;
use crate::feedback::markup::{Markup, Role};
use crate::prose::{shorten, width, wrap};
use crate::rubric::{Effect, Rubric, RubricSet};

/// One answer under both rubrics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub candidate: String,
    pub question: String,
    #[serde(skip)]
    pub at: Location,
    pub old: f64,
    pub new: f64,
    pub delta: f64,
    pub old_band: String,
    pub new_band: String,
    /// Finding rule ids found only with the new rubric.
    pub appeared: Vec<String>,
    /// Finding rule ids found only with the old rubric.
    pub disappeared: Vec<String>,
}

impl Change {
    pub fn band_changed(&self) -> bool {
        self.old_band != self.new_band
    }
    pub fn changed(&self) -> bool {
        self.delta != 0.0
            || self.band_changed()
            || !self.appeared.is_empty()
            || !self.disappeared.is_empty()
    }
}

/// Pairs the two gradings of the same answers (same order).
pub fn changes(old: &[Graded], new: &[Graded]) -> Vec<Change> {
    old.iter()
        .zip(new)
        .map(|(o, n)| {
            let ids = |g: &Graded| -> Vec<String> {
                let mut v: Vec<String> =
                    g.analysis.findings.iter().map(|f| f.rule.clone()).collect();
                v.sort();
                v.dedup();
                v
            };
            let (oi, ni) = (ids(o), ids(n));
            Change {
                candidate: o.candidate.clone(),
                question: o.question().to_string(),
                at: o.at.clone(),
                old: o.analysis.overall,
                new: n.analysis.overall,
                delta: ((n.analysis.overall - o.analysis.overall) * 10.0).round() / 10.0,
                old_band: o.analysis.band.clone(),
                new_band: n.analysis.band.clone(),
                appeared: ni.iter().filter(|r| !oi.contains(r)).cloned().collect(),
                disappeared: oi.iter().filter(|r| !ni.contains(r)).cloned().collect(),
            }
        })
        .collect()
}

fn effect(e: &Effect) -> String {
    match e {
        Effect::Credit { points, min, max } => match max {
            Some(max) => format!("credit {points} for {min} to {max}"),
            None => format!("credit {points} from {min}"),
        },
        Effect::Penalty { penalty, max, cap } => {
            if cap.is_finite() {
                format!("penalty {penalty} above {max}, at most {cap}")
            } else {
                format!("penalty {penalty} above {max}")
            }
        }
    }
}

/// What differs between two rubrics, one line each.
fn rubric_lines(o: &Rubric, n: &Rubric) -> Vec<String> {
    let mut out = Vec::new();
    let weights = |r: &Rubric| -> BTreeMap<String, f64> {
        r.weights
            .iter()
            .map(|(d, w)| (d.as_str().to_string(), *w))
            .collect()
    };
    let (ow, nw) = (weights(o), weights(n));
    for (d, w) in &ow {
        match nw.get(d) {
            Some(x) if x != w => out.push(format!("weight of {d}: {w} → {x}")),
            None => out.push(format!("dimension {d} is no longer scored (weight {w})")),
            _ => {}
        }
    }
    for (d, w) in &nw {
        if !ow.contains_key(d) {
            out.push(format!("dimension {d} is now scored (weight {w})"));
        }
    }
    let bands = |r: &Rubric| -> Vec<String> {
        r.bands
            .iter()
            .map(|b| format!("{} from {}", b.name, b.min))
            .collect()
    };
    if bands(o) != bands(n) {
        out.push(format!(
            "bands: {} → {}",
            bands(o).join(", "),
            bands(n).join(", ")
        ));
    }
    for r in &o.rules {
        let Some(x) = n.rules.iter().find(|x| x.id == r.id) else {
            out.push(format!("rule `{}` removed ({})", r.id, r.dimension));
            continue;
        };
        if r.effect != x.effect {
            out.push(format!(
                "rule `{}`: {} → {}",
                r.id,
                effect(&r.effect),
                effect(&x.effect)
            ));
        }
        if r.dimension != x.dimension {
            out.push(format!(
                "rule `{}`: dimension {} → {}",
                r.id, r.dimension, x.dimension
            ));
        }
        if r.severity != x.severity {
            out.push(format!(
                "rule `{}`: severity {} → {}",
                r.id,
                r.severity.as_str(),
                x.severity.as_str()
            ));
        }
        if r.applies_from != x.applies_from {
            out.push(format!(
                "rule `{}`: applies from {:?} → {:?}",
                r.id, r.applies_from, x.applies_from
            ));
        }
        if r.scope != x.scope {
            out.push(format!("rule `{}`: scope changed", r.id));
        }
        if r.message != x.message || r.suggestion != x.suggestion {
            out.push(format!("rule `{}`: wording changed", r.id));
        }
    }
    for x in &n.rules {
        if !o.rules.iter().any(|r| r.id == x.id) {
            out.push(format!(
                "rule `{}` added ({}, {})",
                x.id,
                x.dimension,
                effect(&x.effect)
            ));
        }
    }
    for (name, terms) in o.lexicon_names.iter().zip(&o.lexicon_terms) {
        match n.lexicon(name) {
            None => out.push(format!("lexicon `{name}` removed")),
            Some(id) => {
                let new = &n.lexicon_terms[id];
                let added: Vec<&str> = new
                    .iter()
                    .filter(|t| !terms.contains(t))
                    .map(String::as_str)
                    .collect();
                let removed: Vec<&str> = terms
                    .iter()
                    .filter(|t| !new.contains(t))
                    .map(String::as_str)
                    .collect();
                if !added.is_empty() || !removed.is_empty() {
                    let mut parts = Vec::new();
                    if !added.is_empty() {
                        parts.push(format!("+ {}", shorten(&added.join(", "), 60)));
                    }
                    if !removed.is_empty() {
                        parts.push(format!("- {}", shorten(&removed.join(", "), 60)));
                    }
                    out.push(format!("lexicon `{name}`: {}", parts.join("; ")));
                }
            }
        }
    }
    for name in &n.lexicon_names {
        if o.lexicon(name).is_none() {
            out.push(format!("lexicon `{name}` added"));
        }
    }
    for c in &o.cues {
        match n.cues.iter().find(|x| x.id == c.id) {
            None => out.push(format!("cue `{}` removed", c.id)),
            Some(x) if x.weight != c.weight => {
                out.push(format!(
                    "cue `{}`: weight {} → {}",
                    c.id, c.weight, x.weight
                ));
            }
            _ => {}
        }
    }
    for x in &n.cues {
        if !o.cues.iter().any(|c| c.id == x.id) {
            out.push(format!("cue `{}` added", x.id));
        }
    }
    if o.delivery.words_per_minute != n.delivery.words_per_minute
        || o.delivery.target_seconds != n.delivery.target_seconds
    {
        out.push(format!(
            "speaking time: {} words a minute, target {:?} s → {} words a minute, target {:?} s",
            o.delivery.words_per_minute,
            o.delivery.target_seconds,
            n.delivery.words_per_minute,
            n.delivery.target_seconds
        ));
    }
    if o.feedback.max_fixes != n.feedback.max_fixes {
        out.push(format!(
            "fixes shown per answer: {} → {}",
            o.feedback.max_fixes, n.feedback.max_fixes
        ));
    }
    out
}

/// The rubric differences, grouped by the question kinds they affect.
pub fn rubric_changes(
    old: &RubricSet,
    new: &RubricSet,
    kinds: &[Kind],
) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(Vec<Kind>, Vec<String>)> = Vec::new();
    for &k in kinds {
        let lines = rubric_lines(old.for_kind(k), new.for_kind(k));
        match groups.iter_mut().find(|(_, l)| *l == lines) {
            Some((ks, _)) => ks.push(k),
            None => groups.push((vec![k], lines)),
        }
    }
    groups
        .into_iter()
        .filter(|(_, l)| !l.is_empty())
        .map(|(ks, l)| {
            (
                ks.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "),
                l,
            )
        })
        .collect()
}

/// A comparison, ready to render.
#[derive(Debug, Serialize)]
pub struct Comparison {
    pub old: String,
    pub new: String,
    /// (kinds, differences) for the kinds of question in the input.
    pub rubric_changes: Vec<(String, Vec<String>)>,
    pub answers: Vec<Change>,
    pub summary: Summary,
}

/// The changes in numbers.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub answers: usize,
    pub changed_score: usize,
    pub changed_band: usize,
    pub mean_delta: f64,
    pub min_delta: f64,
    pub max_delta: f64,
    /// Rule id and how many answers gained it.
    pub appeared: Vec<(String, usize)>,
    /// Rule id and how many answers lost it.
    pub disappeared: Vec<(String, usize)>,
}

fn count(changes: &[Change], pick: impl Fn(&Change) -> &Vec<String>) -> Vec<(String, usize)> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for c in changes {
        for r in pick(c) {
            *m.entry(r).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = m.into_iter().map(|(r, n)| (r.to_string(), n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Builds the comparison of two gradings of the same answers.
pub fn compare(
    old_name: &str,
    new_name: &str,
    old: (&RubricSet, &[Graded]),
    new: (&RubricSet, &[Graded]),
) -> Comparison {
    let answers = changes(old.1, new.1);
    let mut kinds: Vec<Kind> = old.1.iter().map(|g| g.analysis.kind).collect();
    kinds.sort();
    kinds.dedup();
    let deltas: Vec<f64> = answers.iter().map(|c| c.delta).collect();
    let summary = Summary {
        answers: answers.len(),
        changed_score: answers.iter().filter(|c| c.delta != 0.0).count(),
        changed_band: answers.iter().filter(|c| c.band_changed()).count(),
        mean_delta: if deltas.is_empty() {
            0.0
        } else {
            (deltas.iter().sum::<f64>() / deltas.len() as f64 * 10.0).round() / 10.0
        },
        min_delta: deltas.iter().copied().fold(0.0, f64::min),
        max_delta: deltas.iter().copied().fold(0.0, f64::max),
        appeared: count(&answers, |c| &c.appeared),
        disappeared: count(&answers, |c| &c.disappeared),
    };
    Comparison {
        old: old_name.to_string(),
        new: new_name.to_string(),
        rubric_changes: rubric_changes(old.0, new.0, &kinds),
        answers,
        summary,
    }
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x}")
    } else {
        format!("{x}")
    }
}

fn findings(c: &Change) -> String {
    let mut parts: Vec<String> = c.appeared.iter().map(|r| format!("+{r}")).collect();
    parts.extend(c.disappeared.iter().map(|r| format!("-{r}")));
    parts.join(" ")
}

impl Comparison {
    /// The changed answers, largest change first (input order among equals).
    pub fn changed(&self) -> Vec<&Change> {
        let mut v: Vec<&Change> = self.answers.iter().filter(|c| c.changed()).collect();
        v.sort_by(|a, b| b.delta.abs().total_cmp(&a.delta.abs()));
        v
    }

    /// In a sentence or two.
    pub fn headline(&self) -> String {
        let s = &self.summary;
        if self.changed().is_empty() {
            return format!(
                "No change: all {} answers score the same and get the same findings with both rubrics.",
                s.answers
            );
        }
        format!(
            "{} of {} answers change score (mean {}, from {} to {}); {} {} band.",
            s.changed_score,
            s.answers,
            signed(s.mean_delta),
            signed(s.min_delta),
            signed(s.max_delta),
            s.changed_band,
            if s.changed_band == 1 {
                "changes"
            } else {
                "change"
            }
        )
    }

    /// For a terminal.
    pub fn text(&self, term_width: usize) -> Markup {
        let w = term_width.clamp(60, 200);
        let mut m = Markup::new();
        m.push(
            Role::Heading,
            format!("Rubric: {} → {}", self.old, self.new),
        )
        .nl();
        if self.rubric_changes.is_empty() {
            m.push(
                Role::Warn,
                "  The two rubrics score these kinds of question the same way.",
            )
            .nl();
        }
        for (kinds, lines) in &self.rubric_changes {
            m.push(Role::Accent, format!("  {kinds}")).nl();
            for l in lines {
                for (i, part) in wrap(l, w.saturating_sub(6)).into_iter().enumerate() {
                    m.plain(if i == 0 { "    - " } else { "      " })
                        .plain(part)
                        .nl();
                }
            }
        }
        m.nl().push(Role::Heading, "Effect").nl();
        for l in wrap(&self.headline(), w.saturating_sub(2)) {
            m.plain(format!("  {l}")).nl();
        }
        for (label, list) in [
            ("Findings that appear", &self.summary.appeared),
            ("Findings that disappear", &self.summary.disappeared),
        ] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|(r, n)| format!("{r} ({n})")).collect();
                for (i, l) in wrap(&format!("{label}: {}", items.join(", ")), w - 2)
                    .into_iter()
                    .enumerate()
                {
                    m.plain(if i == 0 { "  " } else { "    " }).plain(l).nl();
                }
            }
        }
        let changed = self.changed();
        if changed.is_empty() {
            return m;
        }
        let cand_w = changed
            .iter()
            .map(|c| width(&c.candidate))
            .max()
            .unwrap_or(9)
            .clamp(9, 18);
        let q_w = changed
            .iter()
            .map(|c| width(&c.question))
            .max()
            .unwrap_or(8)
            .clamp(8, 30);
        let rest = w.saturating_sub(cand_w + q_w + 4 + 18).max(12);
        m.nl()
            .push(
                Role::Heading,
                format!(
                    "{:<cand_w$}  {:<q_w$}  Old  New     Δ  Band / findings",
                    "Candidate", "Question"
                ),
            )
            .nl();
        for c in changed {
            let role = if c.delta > 0.0 {
                Role::Good
            } else if c.delta < 0.0 {
                Role::Bad
            } else {
                Role::Dim
            };
            m.plain(format!(
                "{:<cand_w$}  {:<q_w$}  {:>3.0}  {:>3.0}  ",
                shorten(&c.candidate, cand_w),
                shorten(&c.question, q_w),
                c.old,
                c.new
            ))
            .push(role, format!("{:>4}", signed(c.delta)))
            .plain("  ");
            let mut tail = String::new();
            if c.band_changed() {
                tail.push_str(&format!("{} → {}  ", c.old_band, c.new_band));
            }
            tail.push_str(&findings(c));
            m.push(
                if c.band_changed() {
                    Role::Warn
                } else {
                    Role::Dim
                },
                shorten(tail.trim_end(), rest),
            )
            .nl();
        }
        m
    }

    /// Every answer, one CSV row each.
    pub fn csv(&self) -> String {
        let head: Vec<String> = [
            "candidate",
            "question",
            "old",
            "new",
            "delta",
            "old_band",
            "new_band",
            "appeared",
            "disappeared",
            "file",
            "line",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut out = line(&head);
        for c in &self.answers {
            out.push_str(&line(&[
                field(&c.candidate, true),
                field(&c.question, true),
                c.old.to_string(),
                c.new.to_string(),
                c.delta.to_string(),
                field(&c.old_band, true),
                field(&c.new_band, true),
                field(&c.appeared.join(" "), true),
                field(&c.disappeared.join(" "), true),
                field(&c.at.file, true),
                if c.at.line > 0 {
                    c.at.line.to_string()
                } else {
                    String::new()
                },
            ]));
        }
        out
    }

    pub fn json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("comparison serializes");
        s.push('\n');
        s
    }

    pub fn markdown(&self) -> String {
        use crate::feedback::markdown::escape as md;
        let mut s = format!(
            "# Rubric comparison\n\n`{}` → `{}`\n\n## What changed in the rubric\n\n",
            self.old, self.new
        );
        if self.rubric_changes.is_empty() {
            s.push_str("The two rubrics score these kinds of question the same way.\n\n");
        }
        for (kinds, lines) in &self.rubric_changes {
            s.push_str(&format!("**{kinds}**\n\n"));
            for l in lines {
                // Our own lines quote rule ids in backticks: keep them as code.
                s.push_str(&format!("- {}\n", md(l).replace("\\`", "`")));
            }
            s.push('\n');
        }
        s.push_str(&format!("## Effect\n\n{}\n\n", md(&self.headline())));
        for (label, list) in [
            ("Findings that appear", &self.summary.appeared),
            ("Findings that disappear", &self.summary.disappeared),
        ] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|(r, n)| format!("`{r}` ({n})")).collect();
                s.push_str(&format!("- {label}: {}\n", items.join(", ")));
            }
        }
        let changed = self.changed();
        if !changed.is_empty() {
            s.push_str("\n## Changed answers\n\n| Candidate | Question | Old | New | Δ | Band | Findings |\n|---|---|---:|---:|---:|---|---|\n");
            for c in changed {
                let band = if c.band_changed() {
                    format!("{} → {}", c.old_band, c.new_band)
                } else {
                    c.new_band.clone()
                };
                s.push_str(&format!(
                    "| {} | {} | {:.0} | {:.0} | {} | {} | {} |\n",
                    md(&c.candidate),
                    md(&c.question),
                    c.old,
                    c.new,
                    signed(c.delta),
                    band,
                    md(&findings(c))
                ));
            }
        }
        s
    }
}
