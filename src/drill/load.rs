//! Reading a plan file: serde with spans, then checks that collect located diagnostics.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Drill, Order, Pick};
use crate::bank::Kind;
use crate::diag::{Diagnostic, Diagnostics, from_toml_error};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    drill: RawDrill,
    #[serde(default, rename = "question")]
    questions: Vec<Spanned<RawPick>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDrill {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    instructions: Option<Spanned<String>>,
    #[serde(default)]
    order: Order,
    #[serde(default)]
    seed: Option<Spanned<i64>>,
    #[serde(default)]
    seconds_per_answer: Option<Spanned<i64>>,
    #[serde(default = "yes")]
    hints: bool,
    #[serde(default = "yes")]
    examples: bool,
    #[serde(default)]
    rubric: Option<Spanned<String>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPick {
    #[serde(default)]
    id: Option<Spanned<String>>,
    #[serde(default)]
    tag: Option<Spanned<String>>,
    #[serde(default)]
    kind: Option<Spanned<Kind>>,
    #[serde(default)]
    count: Option<Spanned<i64>>,
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Parses and checks a plan's text. `dir` is the folder a `rubric` path is relative to.
pub fn parse_drill(
    file: &str,
    text: &str,
    dir: Option<&Path>,
) -> std::result::Result<Drill, Diagnostics> {
    let raw: RawFile =
        toml::from_str(text).map_err(|e| Diagnostics(vec![from_toml_error(file, text, &e)]))?;
    let mut problems = Diagnostics::default();
    let mut report = |span: Range<usize>, message: String, help: &str| {
        problems.push(Diagnostic::at(file, text, span, message).with_help(help));
    };
    let d = &raw.drill;
    let id = d.id.get_ref().trim().to_string();
    if !is_kebab(&id) {
        report(
            d.id.span(),
            format!("drill id `{id}` is not kebab-case"),
            "use lowercase letters, digits and single dashes, e.g. `first-interview`",
        );
    }
    let title = d.title.get_ref().trim().to_string();
    if title.is_empty() {
        report(
            d.title.span(),
            "drill title is empty".into(),
            "say in a few words what the drill practises",
        );
    }
    let instructions = d.instructions.as_ref().and_then(|i| {
        let t = i.get_ref().trim();
        if t.is_empty() {
            report(
                i.span(),
                "instructions are empty".into(),
                "write what the candidate should do, or remove the line",
            );
            None
        } else {
            Some(t.to_string())
        }
    });
    let seed = d.seed.as_ref().and_then(|s| {
        let v = *s.get_ref();
        if v < 0 {
            report(
                s.span(),
                format!("seed {v} is negative"),
                "use a whole number from 0 up",
            );
            None
        } else {
            Some(v as u64)
        }
    });
    let seconds_per_answer = d.seconds_per_answer.as_ref().and_then(|s| {
        let v = *s.get_ref();
        if !(10..=3600).contains(&v) {
            report(
                s.span(),
                format!("seconds_per_answer {v} is out of range"),
                "give the suggested time per answer in seconds, from 10 to 3600 (120 is two minutes)",
            );
            None
        } else {
            Some(v as u32)
        }
    });
    let rubric = d.rubric.as_ref().and_then(|r| {
        let t = r.get_ref().trim();
        if t.is_empty() {
            report(
                r.span(),
                "rubric path is empty".into(),
                "name a rubric file (relative to this drill file), or remove the line",
            );
            None
        } else {
            let p = PathBuf::from(t);
            Some(match dir {
                Some(dir) if p.is_relative() => dir.join(p),
                _ => p,
            })
        }
    });

    let mut picks = Vec::with_capacity(raw.questions.len());
    for entry in &raw.questions {
        let q = entry.get_ref();
        let selecting = q.tag.is_some() || q.kind.is_some();
        match &q.id {
            Some(id) if selecting => {
                report(
                    id.span(),
                    "a question entry has both `id` and `tag`/`kind`".into(),
                    "give either `id` (one question) or `tag`/`kind` with a `count`, in separate [[question]] entries",
                );
            }
            Some(id) => {
                if let Some(c) = &q.count {
                    report(
                        c.span(),
                        "`count` goes with `tag`/`kind`, not with `id`".into(),
                        "remove `count`: an `id` entry is one question",
                    );
                }
                let v = id.get_ref().trim().to_string();
                if let Some(Pick::Id { span, .. }) = picks
                    .iter()
                    .find(|p| matches!(p, Pick::Id { id, .. } if *id == v))
                {
                    let (line, _, _) = crate::diag::locate(text, span.clone());
                    report(
                        id.span(),
                        format!("question `{v}` is already in the drill (line {line})"),
                        "list each question once",
                    );
                } else {
                    picks.push(Pick::Id {
                        id: v,
                        span: id.span(),
                    });
                }
            }
            None if selecting => {
                let count = match &q.count {
                    None => 1,
                    Some(c) if *c.get_ref() >= 1 && *c.get_ref() <= 1000 => *c.get_ref() as usize,
                    Some(c) => {
                        report(
                            c.span(),
                            format!("count {} is out of range", c.get_ref()),
                            "ask for 1 or more questions",
                        );
                        1
                    }
                };
                let span = q
                    .tag
                    .as_ref()
                    .map(|t| t.span())
                    .or(q.kind.as_ref().map(|k| k.span()))
                    .unwrap_or(0..0);
                picks.push(Pick::Select {
                    tag: q.tag.as_ref().map(|t| t.get_ref().trim().to_string()),
                    tag_span: q.tag.as_ref().map(|t| t.span()),
                    kind: q.kind.as_ref().map(|k| *k.get_ref()),
                    count,
                    span,
                });
            }
            None => {
                report(
                    entry.span(),
                    "a question entry names no question".into(),
                    "add `id = \"a-question-id\"`, or `tag = \"...\"` and/or `kind = \"...\"` with a `count`",
                );
            }
        }
    }
    if raw.questions.is_empty() {
        problems.push(
            Diagnostic::file(file, "the drill has no questions").with_help(
                "add [[question]] entries with `id = \"...\"`, or `tag`/`kind` and `count`",
            ),
        );
    }
    problems.into_result(Drill {
        id,
        title,
        instructions,
        order: d.order,
        seed,
        seconds_per_answer,
        hints: d.hints,
        examples: d.examples,
        rubric,
        picks,
        origin: file.to_string(),
        text: text.to_string(),
        rubric_span: d.rubric.as_ref().map(|r| r.span()),
    })
}
