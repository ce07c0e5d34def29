//! Progress over time, from the practice history: how the overall score and each dimension
//! moved, what keeps coming up, how each question went, what has not been tried, and what to
//! practise next.
//!
//! [`Progress::build`] turns history records (see [`crate::history`]) into one data model; the
//! renderers only lay it out: [`text`] (terminal, sparklines and bars through
//! [`crate::feedback::markup`]), [`markdown`], [`html`] (one self-contained file with charts
//! and every answer re-analyzed), [`csv`] (one row per answer) and JSON (the model itself,
//! `schema_version` [`SCHEMA_VERSION`]).
//!
//! How time is measured: with two or more sessions, each point is one session, scored as the
//! average of its first answers (retries and follow-up answers left out: the closest thing to
//! an interview). With a single session, each answer is a point.

pub mod csv;
mod findings;
pub mod html;
pub mod language;
pub mod markdown;
mod next;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analyze::{Analysis, Analyzer, Context};
use crate::bank::Catalog;
use crate::feedback::{self, Feedback};
use crate::history::Filter;
use crate::rubric::{Dimension, Rubric, RubricSet};
use crate::session::AttemptRecord;

/// The version of the JSON report; it changes when a field is removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// How many of the latest points make "lately" when each point is one answer (with sessions
/// as points, the latest session alone).
const RECENT_ANSWERS: usize = 3;

/// Everything a progress report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub schema_version: u32,
    /// When the report was made (UTC, RFC 3339).
    pub generated: String,
    pub filter: Filter,
    /// The people in the selected answers (`None` for answers saved without `--name`).
    pub names: Vec<Option<String>>,
    pub sessions: Vec<SessionInfo>,
    /// What one point of the trend is.
    pub per: Per,
    pub points: Vec<Point>,
    /// Every dimension scored in the selection, in rubric order.
    pub dimensions: Vec<DimensionTrend>,
    /// Findings by how often the coach raised them, most often first.
    pub findings: Vec<FindingCount>,
    /// Questions answered, most recently practised first.
    pub questions: Vec<QuestionProgress>,
    /// Tags with questions the candidate has never answered, most untried first.
    pub untried: Vec<TagGap>,
    pub next: Vec<NextStep>,
    /// Written-English notes per 100 words over the same points (omitted when no answer in
    /// the selection was checked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<language::LanguageTrend>,
    /// The selected answers, oldest first.
    pub attempts: Vec<AttemptRecord>,
}

/// What one trend point stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Per {
    Session,
    Answer,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub id: String,
    pub start: String,
    pub name: Option<String>,
    pub drill: Option<String>,
    /// A mock interview ("mock interview for TITLE"), not practice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interview: Option<String>,
    pub answers: usize,
    pub questions: usize,
    /// The average overall score of its first answers.
    pub overall: f64,
}

/// One point of the trend.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    /// A short label for charts ("Nov 23", "Nov 23 (2)", "3").
    pub label: String,
    pub time: String,
    pub overall: f64,
    pub answers: usize,
}

/// One dimension over time.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionTrend {
    pub dimension: Dimension,
    /// Its value at each point (`null` where no answer scored it).
    pub values: Vec<Option<f64>>,
    pub first: f64,
    pub latest: f64,
    /// "Lately": the latest session that scored it, or within one session the average of the
    /// last three answers.
    pub recent: f64,
    pub change: f64,
    /// Whether it counts towards the overall score (a rubric weight above 0).
    pub counted: bool,
}

/// How often a finding came up.
#[derive(Debug, Clone, Serialize)]
pub struct FindingCount {
    pub rule: String,
    pub dimension: Option<Dimension>,
    /// Answers that had the finding.
    pub answers: usize,
    /// Answers where the coach listed it under "Fix first".
    pub fix_first: usize,
    /// Answers looked at.
    pub of: usize,
    /// What the coach said the last time (re-analyzed), or the rule's message.
    pub message: String,
    pub suggestion: String,
}

/// How one question went.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionProgress {
    pub id: String,
    pub text: String,
    pub answers: usize,
    pub first: f64,
    pub best: f64,
    pub latest: f64,
    pub latest_time: String,
    /// Whether the question is in the loaded banks (else it was removed or renamed).
    pub in_catalog: bool,
}

/// Questions with a tag that have never been answered.
#[derive(Debug, Clone, Serialize)]
pub struct TagGap {
    pub tag: String,
    /// Question ids, in bank order.
    pub untried: Vec<String>,
    pub total: usize,
}

/// One concrete thing to do next.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    pub text: String,
    /// The command that starts it, when there is one.
    pub command: Option<String>,
}

/// An answer analyzed again with today's rubric, for the sentence colours and the feedback.
pub struct Recomputed<'r> {
    pub analysis: Analysis,
    pub feedback: Feedback,
    pub rubric: &'r Rubric,
}

/// Re-analyzes a saved answer when its question is in `catalog` (deterministic: the same
/// answer, question and rubric give the same analysis as when it was given).
pub fn recompute<'r>(
    rec: &AttemptRecord,
    catalog: &Catalog,
    analyzer: &Analyzer<'r>,
) -> Option<Recomputed<'r>> {
    let q = catalog.get(&rec.question)?;
    let analysis = analyzer.analyze_in(&rec.answer, Context::question(q));
    let rubric = analyzer.rubrics().for_kind(q.kind);
    let feedback = feedback::coach(&analysis, rubric, Some(q));
    Some(Recomputed {
        analysis,
        feedback,
        rubric,
    })
}

fn mean(xs: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Nov 23" from an RFC 3339 time.
pub fn short_date(time: &str) -> String {
    let m: usize = time.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let d: u32 = time.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    match MONTHS.get(m.wrapping_sub(1)) {
        Some(name) => format!("{name} {d}"),
        None => time.get(..10).unwrap_or(time).to_string(),
    }
}

/// "2026-11-23 10:15" from an RFC 3339 time.
pub fn date_time(time: &str) -> String {
    match (time.get(..10), time.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => time.to_string(),
    }
}

impl Progress {
    /// The `n` findings raised as the fix to make first most often (those never first left
    /// out): the "comes up most" list of every report format.
    pub fn top_fixes(&self, n: usize) -> Vec<&FindingCount> {
        self.findings
            .iter()
            .filter(|f| f.fix_first > 0)
            .take(n)
            .collect()
    }

    /// Builds the report for the records `filter` selects from `records` (one person's
    /// history, or everyone's when no name is given). `now` is seconds since the epoch.
    pub fn build(
        records: &[AttemptRecord],
        filter: &Filter,
        catalog: &Catalog,
        rubrics: &RubricSet,
        now: u64,
    ) -> Progress {
        let person: Vec<&AttemptRecord> =
            records.iter().filter(|r| filter.matches_name(r)).collect();
        let mut attempts: Vec<AttemptRecord> = person
            .iter()
            .filter(|r| filter.matches(r))
            .map(|r| (*r).clone())
            .collect();
        // Stable: records of the same second keep the order they were written in.
        attempts.sort_by(|a, b| a.time.cmp(&b.time));

        let mut names: Vec<Option<String>> = Vec::new();
        for a in &attempts {
            let n = a.name.as_ref().map(|n| n.trim().to_string());
            let known = names.iter().any(|x| match (x, &n) {
                (Some(x), Some(n)) => crate::history::same_name(x, n),
                (None, None) => true,
                _ => false,
            });
            if !known {
                names.push(n);
            }
        }

        let sessions = sessions(&attempts);
        let per = if sessions.len() >= 2 {
            Per::Session
        } else {
            Per::Answer
        };
        let groups: Vec<Vec<&AttemptRecord>> = match per {
            Per::Session => sessions
                .iter()
                .map(|s| {
                    let all: Vec<&AttemptRecord> =
                        attempts.iter().filter(|a| a.session == s.id).collect();
                    let firsts: Vec<&AttemptRecord> =
                        all.iter().copied().filter(|a| is_first(a)).collect();
                    if firsts.is_empty() { all } else { firsts }
                })
                .collect(),
            Per::Answer => attempts.iter().map(|a| vec![a]).collect(),
        };
        let mut points = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            let time = g[0].time.clone();
            let label = match per {
                Per::Answer => format!("{}", i + 1),
                Per::Session => {
                    let day = short_date(&time);
                    let same_day_before = groups[..i]
                        .iter()
                        .filter(|h| short_date(&h[0].time) == day)
                        .count();
                    if same_day_before > 0 {
                        format!("{day} ({})", same_day_before + 1)
                    } else {
                        day
                    }
                }
            };
            points.push(Point {
                label,
                time,
                overall: mean(g.iter().map(|a| a.overall)).unwrap_or(0.0),
                answers: g.len(),
            });
        }

        let mut dims: Vec<Dimension> = attempts
            .iter()
            .flat_map(|a| a.scores.iter().map(|(d, _)| *d))
            .collect();
        dims.sort();
        dims.dedup();
        let dimensions = dims
            .into_iter()
            .map(|d| {
                let values: Vec<Option<f64>> = groups
                    .iter()
                    .map(|g| {
                        mean(g.iter().flat_map(|a| {
                            a.scores.iter().filter(|(x, _)| *x == d).map(|(_, s)| *s)
                        }))
                    })
                    .collect();
                let present: Vec<f64> = values.iter().flatten().copied().collect();
                let first = present.first().copied().unwrap_or(0.0);
                let latest = present.last().copied().unwrap_or(0.0);
                let lately = match per {
                    Per::Session => 1,
                    Per::Answer => RECENT_ANSWERS,
                };
                let recent = mean(present.iter().rev().take(lately).copied()).unwrap_or(0.0);
                let counted = attempts
                    .iter()
                    .any(|a| rubrics.for_kind(a.kind).weight(d) > 0.0);
                DimensionTrend {
                    dimension: d,
                    values,
                    first,
                    latest,
                    recent,
                    change: latest - first,
                    counted,
                }
            })
            .collect();

        let language = language::trend(&groups, &attempts);
        let analyzer = Analyzer::new(rubrics);
        let findings = findings::count_findings(&attempts, catalog, rubrics, &analyzer);
        let questions = question_progress(&attempts, catalog);
        let untried = untried(&person, filter, catalog);

        let mut progress = Progress {
            schema_version: SCHEMA_VERSION,
            generated: crate::session::rfc3339(now),
            filter: filter.clone(),
            names,
            sessions,
            per,
            points,
            dimensions,
            findings,
            questions,
            untried,
            next: Vec::new(),
            language,
            attempts,
        };
        progress.next = next::next_steps(&progress, catalog, rubrics);
        progress
    }

    /// Counted dimensions from the weakest lately, at most `n`.
    pub fn weakest(&self, n: usize) -> Vec<&DimensionTrend> {
        let mut v: Vec<&DimensionTrend> = self.dimensions.iter().filter(|d| d.counted).collect();
        v.sort_by(|a, b| {
            a.recent
                .total_cmp(&b.recent)
                .then(a.dimension.cmp(&b.dimension))
        });
        v.truncate(n);
        v
    }

    /// Dimensions that rose by at least 5 points from the first point to the latest, most
    /// first (empty with fewer than two points).
    pub fn improved(&self) -> Vec<&DimensionTrend> {
        if self.points.len() < 2 {
            return Vec::new();
        }
        let mut v: Vec<&DimensionTrend> =
            self.dimensions.iter().filter(|d| d.change >= 5.0).collect();
        v.sort_by(|a, b| {
            b.change
                .total_cmp(&a.change)
                .then(a.dimension.cmp(&b.dimension))
        });
        v
    }

    /// First and latest overall score, when there are at least two points.
    pub fn overall_change(&self) -> Option<(f64, f64)> {
        match (self.points.first(), self.points.last()) {
            (Some(a), Some(b)) if self.points.len() >= 2 => Some((a.overall, b.overall)),
            _ => None,
        }
    }

    /// What one point is, in words.
    pub fn per_phrase(&self) -> &'static str {
        match self.per {
            Per::Session => {
                "Each point is one session: the average of its first answers (retries and follow-ups left out), the closest thing to an interview."
            }
            Per::Answer => "Each point is one answer in this session.",
        }
    }

    /// Who the report is about, in words.
    pub fn who(&self) -> String {
        match (&self.filter.name, self.names.as_slice()) {
            (_, [Some(n)]) => n.clone(),
            (Some(n), _) => n.trim().to_string(),
            (None, [] | [None]) => String::new(),
            (None, many) => format!("{} people", many.len()),
        }
    }

    /// "3 sessions", or with mock interviews among them "3 sessions (1 a mock interview)".
    pub fn sessions_phrase(&self) -> String {
        let all = crate::prose::count(self.sessions.len(), "session");
        match self
            .sessions
            .iter()
            .filter(|s| s.interview.is_some())
            .count()
        {
            0 => all,
            1 => format!("{all} (1 a mock interview)"),
            n => format!("{all} ({n} mock interviews)"),
        }
    }

    /// A note when answers from several people are mixed.
    pub fn mixed_note(&self) -> Option<String> {
        if self.filter.name.is_some() || self.names.len() < 2 {
            return None;
        }
        let list: Vec<String> = self
            .names
            .iter()
            .map(|n| n.clone().unwrap_or_else(|| "(no name)".into()))
            .collect();
        Some(format!(
            "This history mixes answers from {}; use --name NAME to see one person's progress.",
            list.join(", ")
        ))
    }
}

/// A first try: not a retry, not an answer to a follow-up.
fn is_first(a: &AttemptRecord) -> bool {
    !a.retry && !a.follow_up_answer
}

fn sessions(attempts: &[AttemptRecord]) -> Vec<SessionInfo> {
    let mut order: Vec<&str> = Vec::new();
    for a in attempts {
        if !order.contains(&a.session.as_str()) {
            order.push(&a.session);
        }
    }
    order
        .into_iter()
        .map(|id| {
            let all: Vec<&AttemptRecord> = attempts.iter().filter(|a| a.session == id).collect();
            let mut qs: Vec<&str> = all.iter().map(|a| a.question.as_str()).collect();
            qs.sort_unstable();
            qs.dedup();
            let firsts = all.iter().filter(|a| is_first(a)).map(|a| a.overall);
            SessionInfo {
                id: id.to_string(),
                start: all[0].time.clone(),
                name: all[0].name.clone(),
                drill: all[0].drill.clone(),
                interview: all[0].interview.clone(),
                answers: all.len(),
                questions: qs.len(),
                overall: mean(firsts)
                    .or_else(|| mean(all.iter().map(|a| a.overall)))
                    .unwrap_or(0.0),
            }
        })
        .collect()
}

fn question_progress(attempts: &[AttemptRecord], catalog: &Catalog) -> Vec<QuestionProgress> {
    let mut ids: Vec<&str> = Vec::new();
    for a in attempts.iter().rev() {
        if !ids.contains(&a.question.as_str()) {
            ids.push(&a.question);
        }
    }
    ids.into_iter()
        .map(|id| {
            let tries: Vec<&AttemptRecord> = attempts.iter().filter(|a| a.question == id).collect();
            let last = tries[tries.len() - 1];
            QuestionProgress {
                id: id.to_string(),
                text: catalog
                    .get(id)
                    .map_or_else(|| last.question_text.clone(), |q| q.text.clone()),
                answers: tries.len(),
                first: tries[0].overall,
                best: tries.iter().map(|a| a.overall).fold(0.0, f64::max),
                latest: last.overall,
                latest_time: last.time.clone(),
                in_catalog: catalog.get(id).is_some(),
            }
        })
        .collect()
}

/// Tags of catalog questions never answered by this person (at any time), limited to the
/// `--tag`s when given; nothing when `--question` picks questions.
fn untried(person: &[&AttemptRecord], filter: &Filter, catalog: &Catalog) -> Vec<TagGap> {
    if !filter.questions.is_empty() {
        return Vec::new();
    }
    let done: Vec<&str> = person.iter().map(|a| a.question.as_str()).collect();
    let mut tags: BTreeMap<&str, TagGap> = BTreeMap::new();
    for q in catalog.questions() {
        for t in &q.tags {
            if !filter.tags.is_empty() && !filter.tags.iter().any(|f| f.eq_ignore_ascii_case(t)) {
                continue;
            }
            let gap = tags.entry(t).or_insert_with(|| TagGap {
                tag: t.clone(),
                untried: Vec::new(),
                total: 0,
            });
            gap.total += 1;
            if !done.contains(&q.id.as_str()) {
                gap.untried.push(q.id.clone());
            }
        }
    }
    let mut v: Vec<TagGap> = tags
        .into_values()
        .filter(|g| !g.untried.is_empty())
        .collect();
    v.sort_by(|a, b| {
        b.untried
            .len()
            .cmp(&a.untried.len())
            .then(a.tag.cmp(&b.tag))
    });
    v
}

#[cfg(test)]
mod tests;
