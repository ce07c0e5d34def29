//! What changed between two attempts at the same question: score deltas, STAR parts gained or
//! lost, numbers added or removed, areas of the question now covered, findings resolved or new
//! (e.g. hedges removed).
//!
//! Only real changes are named as the candidate's. A part is "gained" when a new or rewritten
//! sentence carries it and "lost" when every sentence that carried it is gone; when a sentence
//! kept word for word is only read as another part now, the diff says so instead. The episode
//! type "changes" when the story changed; when the story was kept and an added sentence reads as
//! a habit or a plan, the diff points at that sentence instead of calling the story changed.

use serde::Serialize;

use super::markup::{Markup, Role};
use crate::analyze::{Analysis, Episode, Label};
use crate::prose::{shorten, wrap};
use crate::rubric::{Dimension, Rubric, Spec};

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

/// A sentence kept word for word that the coach now reads as another part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reread {
    pub sentence: String,
    pub before: Label,
    pub after: Label,
}

/// The difference between a previous attempt and this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub overall: (f64, f64),
    pub dimensions: Vec<DimensionChange>,
    /// Parts a new or rewritten sentence now tells.
    pub gained: Vec<Label>,
    /// Parts whose every sentence is gone.
    pub lost: Vec<Label>,
    /// Kept sentences read as another part now (what made a part appear or disappear when the
    /// candidate did not change it).
    pub reread: Vec<Reread>,
    /// The episode type, when the story itself changed.
    pub episode: Option<(Episode, Episode)>,
    /// The episode type the answer now reads as only because of an added sentence (quoted),
    /// the story before it being kept.
    pub episode_from_added: Option<(Episode, String)>,
    pub metrics_added: Vec<String>,
    pub metrics_removed: Vec<String>,
    /// The question's areas the answer covers now and did not before, and the reverse (the
    /// coverage finding's message is not repeated: it lists what is still missing, not what
    /// changed).
    pub areas_gained: Vec<String>,
    pub areas_lost: Vec<String>,
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

/// A sentence as compared: lowercase, single spaces.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The sentences of an analysis, compared form.
fn sentences(a: &Analysis) -> Vec<String> {
    a.sentences.iter().map(|s| norm(a.quote(&s.span))).collect()
}

/// Whether sentence `s` (compared form) is still in `texts`: word for word, or run together
/// with an added sentence (an answer that ended without a full stop), or split in two.
fn kept(s: &str, texts: &[String]) -> bool {
    texts
        .iter()
        .any(|t| t.contains(s) || (s.contains(t.as_str()) && t.len() * 2 >= s.len()))
}

/// The sentences that carry part `l` (as their label or as a second part).
fn carriers(a: &Analysis, l: Label) -> impl Iterator<Item = usize> + '_ {
    a.sentences
        .iter()
        .enumerate()
        .filter(move |(_, s)| s.label == l || s.also.contains(&l))
        .map(|(i, _)| i)
}

fn present(a: &Analysis, l: Label) -> bool {
    a.star.part(l).is_some_and(|p| p.present)
}

fn part_dimension(l: Label) -> Option<Dimension> {
    match l {
        Label::Situation => Some(Dimension::Situation),
        Label::Task => Some(Dimension::Task),
        Label::Action => Some(Dimension::Action),
        Label::Result => Some(Dimension::Result),
        Label::Reflection => Some(Dimension::Reflection),
        Label::Other => None,
    }
}

/// Parts gained, lost and re-read.
fn parts(before: &Analysis, after: &Analysis) -> (Vec<Label>, Vec<Label>, Vec<Reread>) {
    let (sb, sa) = (sentences(before), sentences(after));
    let (mut gained, mut lost, mut reread) = (Vec::new(), Vec::new(), Vec::new());
    let label_of = |a: &Analysis, texts: &[String], text: &str| {
        texts
            .iter()
            .position(|t| kept(text, std::slice::from_ref(t)))
            .map_or(Label::Other, |i| a.sentences[i].label)
    };
    for l in PARTS {
        let (pb, pa) = (present(before, l), present(after, l));
        if !pb && pa {
            let told: Vec<usize> = carriers(after, l).collect();
            if told.iter().any(|&i| !kept(&sa[i], &sb)) {
                gained.push(l);
            } else if let Some(&i) = told.first() {
                reread.push(Reread {
                    sentence: after.quote(&after.sentences[i].span).to_string(),
                    before: label_of(before, &sb, &sa[i]),
                    after: after.sentences[i].label,
                });
            }
        } else if pb && !pa {
            let still: Vec<usize> = carriers(before, l).filter(|&i| kept(&sb[i], &sa)).collect();
            match still.first() {
                None => lost.push(l),
                Some(&i) => reread.push(Reread {
                    sentence: before.quote(&before.sentences[i].span).to_string(),
                    before: before.sentences[i].label,
                    after: label_of(after, &sa, &sb[i]),
                }),
            }
        }
    }
    (gained, lost, reread)
}

/// An episode change of the story (before, after), or the new episode of an added sentence.
type EpisodeChange = (Option<(Episode, Episode)>, Option<(Episode, String)>);

/// The episode change: `(story changed, added sentence it comes from)`.
fn episode(before: &Analysis, after: &Analysis) -> EpisodeChange {
    if before.episode == after.episode {
        return (None, None);
    }
    let (sb, sa) = (sentences(before), sentences(after));
    let story_kept = sb.iter().all(|s| kept(s, &sa));
    if !story_kept || after.episode == Episode::Specific {
        return (Some((before.episode, after.episode)), None);
    }
    // The story is all there: the new reading comes from what was added. Quote the added
    // sentence the episode rule points at, else the first added one.
    let added: Vec<usize> = (0..sa.len()).filter(|&i| !kept(&sa[i], &sb)).collect();
    let pointed = after
        .findings
        .iter()
        .flat_map(|f| f.hits.iter())
        .filter_map(|h| after.sentence_at(h.start))
        .find(|i| added.contains(i));
    let quote = pointed
        .or(added.first().copied())
        .map(|i| after.quote(&after.sentences[i].span).to_string())
        // Words run on to the last sentence (it had no full stop): quote what was added.
        .or_else(|| {
            after
                .text
                .trim()
                .strip_prefix(before.text.trim())
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        });
    match quote {
        Some(q) => (None, Some((after.episode, q))),
        None => (Some((before.episode, after.episode)), None),
    }
}

/// Compares two attempts; `rubric` tells which findings are about the episode type.
pub fn compare(before: &Analysis, after: &Analysis, rubric: &Rubric) -> Change {
    let mut dims: Vec<Dimension> = before.dimensions.iter().map(|d| d.dimension).collect();
    for d in &after.dimensions {
        if !dims.contains(&d.dimension) {
            dims.push(d.dimension);
        }
    }
    let metric_texts = |a: &Analysis| -> Vec<String> {
        a.metrics
            .iter()
            .map(|m| a.quote(&m.span).to_string())
            .collect()
    };
    let (mb, ma) = (metric_texts(before), metric_texts(after));
    let (gained, lost, reread) = parts(before, after);
    let (episode, episode_from_added) = episode(before, after);
    // Findings that only follow a re-reading (a kept sentence read as another part, an added
    // sentence read as a habit) are said by those lines, not as the candidate's change.
    let reread_dims: Vec<Dimension> = reread
        .iter()
        .flat_map(|r| [r.before, r.after])
        .filter_map(part_dimension)
        .collect();
    let spec = |rule: &str| rubric.rules.iter().find(|r| r.id == rule).map(|r| &r.spec);
    let by_episode = |rule: &str| {
        episode_from_added.is_some() && matches!(spec(rule), Some(Spec::Episode { .. }))
    };
    let quiet = |f: &crate::analyze::Finding| {
        reread_dims.contains(&f.dimension)
            || by_episode(&f.rule)
            || matches!(spec(&f.rule), Some(Spec::Coverage))
    };
    let covered = |a: &Analysis| -> Vec<String> {
        a.areas
            .iter()
            .filter(|c| c.covered)
            .map(|c| c.text.clone())
            .collect()
    };
    let (cb, ca) = (covered(before), covered(after));
    let (resolved, improved, worse, new) = findings(before, after, &quiet);
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
        gained,
        lost,
        reread,
        episode,
        episode_from_added,
        metrics_added: ma.iter().filter(|m| !mb.contains(m)).cloned().collect(),
        metrics_removed: mb.iter().filter(|m| !ma.contains(m)).cloned().collect(),
        areas_gained: ca.iter().filter(|a| !cb.contains(a)).cloned().collect(),
        areas_lost: cb.iter().filter(|a| !ca.contains(a)).cloned().collect(),
        resolved,
        improved,
        worse,
        new,
        words: (before.words, after.words),
    }
}

type Findings = (
    Vec<FindingChange>,
    Vec<FindingChange>,
    Vec<FindingChange>,
    Vec<FindingChange>,
);

/// Findings resolved, improved, worse and new, leaving out those `quiet` says.
fn findings(
    before: &Analysis,
    after: &Analysis,
    quiet: &dyn Fn(&crate::analyze::Finding) -> bool,
) -> Findings {
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
    let (mut resolved, mut improved, mut worse, mut new) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for f in &before.findings {
        let now = after.findings.iter().find(|x| x.rule == f.rule);
        let ch = FindingChange {
            rule: f.rule.clone(),
            message: now.map_or_else(|| f.message.clone(), |x| x.message.clone()),
            before: count(before, &f.rule),
            after: count(after, &f.rule),
        };
        let (cb, ca) = (cost(before, &f.rule), cost(after, &f.rule));
        if quiet(f) {
            continue;
        }
        if now.is_none() {
            resolved.push(ch);
        } else if ca + 0.5 < cb {
            improved.push(ch);
        } else if ca > cb + 0.5 {
            worse.push(ch);
        }
    }
    for f in &after.findings {
        if !before.findings.iter().any(|x| x.rule == f.rule) && !quiet(f) {
            new.push(FindingChange {
                rule: f.rule.clone(),
                message: f.message.clone(),
                before: 0,
                after: count(after, &f.rule),
            });
        }
    }
    (resolved, improved, worse, new)
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.0}")
    } else {
        format!("{x:.0}")
    }
}

/// "a situation part", "an action part".
fn a_part(l: Label) -> String {
    let name = l.as_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name} part")
}

/// An area's checklist line inside a sentence: "Describe the questions you asked." ->
/// "describe the questions you asked".
fn area_phrase(line: &str) -> String {
    let body = line.trim().trim_end_matches('.');
    let mut c = body.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => body.to_string(),
    }
}

/// The sentences of `after` that `before` did not have (new or rewritten), by index.
pub fn added(before: &Analysis, after: &Analysis) -> Vec<usize> {
    let (sb, sa) = (sentences(before), sentences(after));
    (0..sa.len()).filter(|&i| !kept(&sa[i], &sb)).collect()
}

fn episode_phrase(e: Episode) -> &'static str {
    match e {
        Episode::Specific => "one specific time",
        Episode::Habitual => "what you usually do",
        Episode::Hypothetical => "what you would do",
        Episode::None => "no example",
    }
}

/// Pushes `lead` and `text` wrapped to `width`, the continuation lines indented by four.
fn line(m: &mut Markup, role: Role, lead: &str, text: &str, width: usize) {
    let whole = format!("{}{text}", lead.trim_start());
    let pad = lead.len() - lead.trim_start().len();
    for (i, l) in wrap(&whole, width.saturating_sub(4).max(20))
        .into_iter()
        .enumerate()
    {
        m.plain(if i == 0 { &"    "[..pad] } else { "    " })
            .push(role, l)
            .nl();
    }
}

/// "What changed" as markup, wrapped to `width` columns.
pub fn render(c: &Change, width: usize) -> Markup {
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
    dimension_line(&mut m, c, width);
    for l in &c.gained {
        line(
            &mut m,
            Role::Good,
            "  + ",
            &format!("now has {}", a_part(*l)),
            width,
        );
    }
    for l in &c.lost {
        line(
            &mut m,
            Role::Bad,
            "  - ",
            &format!("lost the {} part", l.as_str()),
            width,
        );
    }
    for r in &c.reread {
        let text = format!(
            "“{}” now reads as {}, not {} (you kept it as it was)",
            shorten(&r.sentence, 50),
            r.after.as_str(),
            r.before.as_str()
        );
        line(&mut m, Role::Dim, "  ~ ", &text, width);
    }
    if let Some((b, a)) = c.episode {
        let text = format!("now {}, before {}", episode_phrase(a), episode_phrase(b));
        line(&mut m, Role::Plain, "  episode: ", &text, width);
    }
    if let Some((e, s)) = &c.episode_from_added {
        let text = format!(
            "the added “{}” sounds like {}: keep the answer on the one time",
            shorten(s, 50),
            episode_phrase(*e)
        );
        line(&mut m, Role::Warn, "  ! ", &text, width);
    }
    if !c.metrics_added.is_empty() {
        let text = format!("numbers added: {}", c.metrics_added.join(", "));
        line(&mut m, Role::Good, "  + ", &text, width);
    }
    if !c.metrics_removed.is_empty() {
        let text = format!("numbers left out: {}", c.metrics_removed.join(", "));
        line(&mut m, Role::Warn, "  - ", &text, width);
    }
    for a in &c.areas_gained {
        line(
            &mut m,
            Role::Good,
            "  + now covers: ",
            &area_phrase(a),
            width,
        );
    }
    for a in &c.areas_lost {
        line(
            &mut m,
            Role::Warn,
            "  - no longer covers: ",
            &area_phrase(a),
            width,
        );
    }
    for f in &c.resolved {
        line(&mut m, Role::Good, "  ✓ fixed: ", &f.message, width);
    }
    for f in &c.improved {
        line(
            &mut m,
            Role::Good,
            "  ↗ better, not yet there: ",
            &f.message,
            width,
        );
    }
    for f in &c.worse {
        line(&mut m, Role::Warn, "  ↘ worse: ", &f.message, width);
    }
    for f in &c.new {
        line(&mut m, Role::Warn, "  ! new: ", &f.message, width);
    }
    m
}

/// "  task +100, delivery +17", broken into lines that fit `width`.
fn dimension_line(m: &mut Markup, c: &Change, width: usize) {
    let mut used = 0;
    for d in &c.dimensions {
        let (Some(b), Some(a)) = (d.before, d.after) else {
            continue;
        };
        let x = a - b;
        if x.abs() < 1.0 {
            continue;
        }
        let item = format!("{} {}", d.dimension, signed(x));
        let sep = if used == 0 { "  " } else { ", " };
        if used > 0 && used + sep.len() + item.chars().count() > width {
            m.plain(",").nl();
            used = 0;
        }
        m.plain(if used == 0 { "  " } else { ", " })
            .plain(format!("{} ", d.dimension))
            .push(if x > 0.0 { Role::Good } else { Role::Bad }, signed(x));
        used += 2 + item.chars().count();
    }
    if used > 0 {
        m.nl();
    }
}
