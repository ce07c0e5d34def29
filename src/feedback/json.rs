//! The JSON form of an analysis, for scripts. Documented in `docs/json.md`; `schema_version`
//! changes whenever a field is removed or changes meaning (fields may be added).

use serde::Serialize;

use super::{Feedback, FollowUpPick};
use crate::analyze::{Analysis, Episode, Label};
use crate::bank::Kind;
use crate::rubric::{Dimension, Severity};

pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub question: Option<QuestionRef<'a>>,
    pub rubric: &'a str,
    pub words: usize,
    pub speaking_seconds: f64,
    pub overall: f64,
    pub band: &'a str,
    /// The factor length applied to the overall score (1 unless the answer is very short).
    pub length_factor: f64,
    /// The rule whose finding held the overall score down to its ceiling (omitted when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<&'a crate::analyze::Ceiling>,
    /// False when the answer was not in the expected language (nothing else judged).
    pub language_ok: bool,
    pub dimensions: Vec<Dim<'a>>,
    pub star: Star,
    pub reflection: PartJson,
    pub episode: Episode,
    pub ownership: crate::analyze::Ownership,
    pub metrics: Vec<MetricJson<'a>>,
    pub sentences: Vec<SentenceJson<'a>>,
    pub areas: Vec<AreaJson<'a>>,
    pub findings: Vec<FindingJson<'a>>,
    pub strengths: Vec<&'a str>,
    pub fixes: Vec<&'a str>,
    pub next_step: &'a str,
    pub follow_up: Option<FollowUpJson<'a>>,
    /// The experience level the answer was judged against (omitted without `--level`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<&'a crate::rubric::LevelNote>,
    /// Written-English notes (omitted when the checker did not run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageJson<'a>>,
}

#[derive(Serialize)]
pub struct QuestionRef<'a> {
    pub id: Option<&'a str>,
    pub kind: Kind,
}

#[derive(Serialize)]
pub struct Dim<'a> {
    pub name: Dimension,
    pub score: f64,
    pub weight: f64,
    /// The rules behind the score: what each measured and the points it gave or took.
    pub rules: &'a [crate::analyze::Contribution],
}

#[derive(Serialize)]
pub struct PartJson {
    pub present: bool,
    pub sentences: Vec<usize>,
}

#[derive(Serialize)]
pub struct Star {
    pub situation: PartJson,
    pub task: PartJson,
    pub action: PartJson,
    pub result: PartJson,
}

#[derive(Serialize)]
pub struct MetricJson<'a> {
    pub text: &'a str,
    pub kind: crate::analyze::QuantityKind,
    pub value: f64,
    pub unit: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// What the number does: only `outcome` and `scale` count as metrics.
    pub role: crate::analyze::MetricRole,
}

#[derive(Serialize)]
pub struct SentenceJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Other parts the sentence also carries.
    pub also: &'a [Label],
    pub explicit: bool,
    pub cues: &'a [String],
    /// The evidence the cues gave each part, strongest first.
    pub evidence: std::collections::BTreeMap<Label, f64>,
}

#[derive(Serialize)]
pub struct AreaJson<'a> {
    pub text: &'a str,
    pub covered: bool,
    /// Not covered, but with some evidence: the coach asks about it rather than asserting it.
    pub weak: bool,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Covered by a sentence read as this STAR part, not by the area's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_part: Option<&'static str>,
}

#[derive(Serialize)]
pub struct FindingJson<'a> {
    pub rule: &'a str,
    pub dimension: Dimension,
    pub severity: Severity,
    pub message: &'a str,
    pub suggestion: &'a str,
    pub start: usize,
    pub end: usize,
    pub hits: Vec<[usize; 2]>,
    /// The rule whose finding makes this one beside the point (not shown as a fix).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<&'a str>,
}

#[derive(Serialize)]
pub struct FollowUpJson<'a> {
    pub text: &'a str,
    pub probes: Option<crate::bank::Probe>,
    pub dimension: Dimension,
    pub from_question: bool,
    /// A probe into an answer with no weak part left to ask about.
    pub probing: bool,
}

#[derive(Serialize)]
pub struct LanguageJson<'a> {
    pub dialect: crate::english::Dialect,
    pub words: usize,
    pub findings: usize,
    pub per_100_words: f64,
    /// The notes come before the STAR fixes (many mistakes per 100 words).
    pub lead: bool,
    pub notes: Vec<NoteJson<'a>>,
    pub kinds: &'a [crate::english::KindCount],
}

#[derive(Serialize)]
pub struct NoteJson<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub message: &'a str,
    pub suggestion: &'a str,
    pub count: usize,
    /// The first finding's byte range.
    pub start: usize,
    pub end: usize,
    pub hits: Vec<[usize; 2]>,
    pub examples: Vec<ExampleJson<'a>>,
    /// The checker's own wording (Harper's), when the note came from it.
    pub detail: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ExampleJson<'a> {
    pub quote: &'a str,
    pub fix: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The JSON form of the written-English notes.
pub fn language(l: &crate::english::Language) -> LanguageJson<'_> {
    LanguageJson {
        dialect: l.dialect,
        words: l.words,
        findings: l.findings,
        per_100_words: l.per_100_words,
        lead: l.lead,
        notes: l
            .notes
            .iter()
            .map(|n| NoteJson {
                kind: &n.kind,
                title: &n.title,
                message: &n.message,
                suggestion: &n.suggestion,
                count: n.count,
                start: n.hits.first().map_or(0, |h| h.start),
                end: n.hits.first().map_or(0, |h| h.end),
                hits: n.hits.iter().map(|h| [h.start, h.end]).collect(),
                examples: n
                    .examples
                    .iter()
                    .map(|e| ExampleJson {
                        quote: &e.quote,
                        fix: &e.fix,
                        start: e.span.start,
                        end: e.span.end,
                    })
                    .collect(),
                detail: n.detail.as_deref(),
            })
            .collect(),
        kinds: &l.kinds,
    }
}

fn part(p: &crate::analyze::Part) -> PartJson {
    PartJson {
        present: p.present,
        sentences: p.sentences.clone(),
    }
}

/// The JSON report of one analysis and its feedback.
pub fn report<'a>(a: &'a Analysis, f: &'a Feedback) -> Report<'a> {
    Report {
        schema_version: SCHEMA_VERSION,
        question: Some(QuestionRef {
            id: a.question_id.as_deref(),
            kind: a.kind,
        }),
        rubric: &a.rubric,
        words: a.words,
        speaking_seconds: a.speaking_seconds,
        overall: a.overall,
        band: &a.band,
        length_factor: a.length_factor,
        ceiling: a.ceiling.as_ref(),
        language_ok: a.language_ok,
        dimensions: a
            .dimensions
            .iter()
            .map(|d| Dim {
                name: d.dimension,
                score: d.score,
                weight: d.weight,
                rules: &d.contributions,
            })
            .collect(),
        star: Star {
            situation: part(&a.star.situation),
            task: part(&a.star.task),
            action: part(&a.star.action),
            result: part(&a.star.result),
        },
        reflection: part(&a.star.reflection),
        episode: a.episode,
        ownership: a.ownership,
        metrics: a
            .metrics
            .iter()
            .map(|m| MetricJson {
                text: a.quote(&m.span),
                kind: m.kind,
                value: m.value,
                unit: m.unit.as_deref(),
                start: m.span.start,
                end: m.span.end,
                sentence: m.sentence,
                role: m.role,
            })
            .collect(),
        sentences: a
            .sentences
            .iter()
            .map(|s| SentenceJson {
                text: a.quote(&s.span),
                start: s.span.start,
                end: s.span.end,
                label: s.label,
                also: &s.also,
                explicit: s.explicit,
                cues: &s.cues,
                evidence: s.evidence.iter().copied().collect(),
            })
            .collect(),
        areas: a
            .areas
            .iter()
            .map(|c| AreaJson {
                text: &c.text,
                covered: c.covered,
                weak: c.weak,
                start: c.evidence.as_ref().map(|e| e.start),
                end: c.evidence.as_ref().map(|e| e.end),
                by_part: c.by_part.map(Label::as_str),
            })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|x| FindingJson {
                rule: &x.rule,
                dimension: x.dimension,
                severity: x.severity,
                message: &x.message,
                suggestion: &x.suggestion,
                start: x.span.start,
                end: x.span.end,
                hits: x.hits.iter().map(|h| [h.start, h.end]).collect(),
                superseded_by: x.superseded_by.as_deref(),
            })
            .collect(),
        strengths: f.strengths.iter().map(|s| s.message.as_str()).collect(),
        fixes: f.fixes.iter().map(|x| x.rule.as_str()).collect(),
        next_step: &f.next_step,
        follow_up: f.follow_up.as_ref().map(|p: &FollowUpPick| FollowUpJson {
            text: &p.text,
            probes: p.probes,
            dimension: p.dimension,
            from_question: p.from_question,
            probing: p.probing,
        }),
        level: None,
        language: f.language.as_ref().map(language),
    }
}

/// Pretty JSON for one analysis.
pub fn to_string(a: &Analysis, f: &Feedback) -> String {
    to_string_at(a, f, None)
}

/// Pretty JSON for one analysis judged at a level (`level` names it).
pub fn to_string_at(
    a: &Analysis,
    f: &Feedback,
    level: Option<&crate::rubric::LevelNote>,
) -> String {
    let mut r = report(a, f);
    r.level = level;
    serde_json::to_string_pretty(&r).expect("analysis serializes")
}
