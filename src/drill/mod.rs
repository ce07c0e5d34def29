//! Drill plans: a coach's practice session as a TOML file (schema in `docs/drills.md`).
//!
//! A plan names its questions by id, or picks them by tag and kind with a count; it says
//! whether they are asked in the listed order or shuffled with a seed, the suggested time per
//! answer, whether hints and sample answers are allowed, and optionally its own rubric. Shipped
//! plans live in `prompts/drills/` and are embedded.
//!
//! Loading is strict, like banks: unknown keys, empty text, an entry that is neither an id nor a
//! pick are located diagnostics. [`Drill::resolve`] turns the plan into the question order
//! against a [`Catalog`], reporting unknown ids and tags with suggestions. Picks are drawn with
//! the plan's seed (or one derived from its id), so every candidate gets the same questions.
//!
//! ```
//! use starcoach::bank::Catalog;
//! use starcoach::drill::parse_drill;
//!
//! let plan = parse_drill("demo.toml", r#"
//! [drill]
//! id = "demo"
//! title = "Two questions"
//!
//! [[question]]
//! id = "tell-me-about-yourself"
//!
//! [[question]]
//! tag = "de-escalation"
//! kind = "behavioral"
//! "#, None).unwrap();
//! let order = plan.resolve(&Catalog::embedded().unwrap(), None).unwrap();
//! assert_eq!(order.len(), 2);
//! assert_eq!(order[0], "tell-me-about-yourself");
//! ```

mod load;
pub mod summary;

pub use load::parse_drill;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::bank::{Catalog, Kind};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::{Error, Result, read_text};
use crate::repl::order::Rng;

/// The order questions are asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// As listed in the plan.
    #[default]
    Fixed,
    /// Shuffled with the plan's seed.
    Shuffled,
}

/// One entry of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// This question.
    Id { id: String, span: Range<usize> },
    /// `count` questions with this tag and/or kind, drawn with the seed.
    Select {
        tag: Option<String>,
        tag_span: Option<Range<usize>>,
        kind: Option<Kind>,
        count: usize,
        span: Range<usize>,
    },
}

/// A loaded drill plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drill {
    pub id: String,
    pub title: String,
    pub instructions: Option<String>,
    pub order: Order,
    pub seed: Option<u64>,
    pub seconds_per_answer: Option<u32>,
    pub hints: bool,
    pub examples: bool,
    /// The plan's own rubric, resolved against the plan's folder.
    pub rubric: Option<PathBuf>,
    pub picks: Vec<Pick>,
    /// Where it was loaded from (`embedded:prompts/drills/x.toml` for shipped plans).
    pub origin: String,
    text: String,
    rubric_span: Option<Range<usize>>,
}

/// FNV-1a: a stable seed from the drill id, so a plan without a seed still gives every
/// candidate the same questions.
fn stable_seed(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

impl Drill {
    /// The seed in effect: `over` (from the command line), the plan's, or one from the id.
    pub fn seed_for(&self, over: Option<u64>) -> u64 {
        over.or(self.seed).unwrap_or_else(|| stable_seed(&self.id))
    }

    /// The question ids in the order they are asked. Problems (unknown ids or tags, picks that
    /// find too few questions) are all reported, located in the plan.
    pub fn resolve(
        &self,
        catalog: &Catalog,
        seed: Option<u64>,
    ) -> std::result::Result<Vec<String>, Diagnostics> {
        let seed = self.seed_for(seed);
        let mut problems = Diagnostics::default();
        let named: Vec<&str> = self
            .picks
            .iter()
            .filter_map(|p| match p {
                Pick::Id { id, .. } => Some(id.as_str()),
                Pick::Select { .. } => None,
            })
            .collect();
        let tags = catalog.tags();
        let mut order: Vec<String> = Vec::new();
        for (i, pick) in self.picks.iter().enumerate() {
            match pick {
                Pick::Id { id, span } => {
                    if catalog.get(id).is_some() {
                        order.push(id.clone());
                    } else {
                        let close = catalog.closest_ids(id);
                        let refs: Vec<&str> = close.iter().map(String::as_str).collect();
                        let dym = crate::suggest::did_you_mean(&refs);
                        let message = if dym.is_empty() {
                            format!("unknown question id `{id}`")
                        } else {
                            format!("unknown question id `{id}`; {dym}")
                        };
                        problems.push(
                            Diagnostic::at(&self.origin, &self.text, span.clone(), message)
                                .with_help("run `starcoach questions` to list the question ids"),
                        );
                    }
                }
                Pick::Select {
                    tag,
                    tag_span,
                    kind,
                    count,
                    span,
                } => {
                    if let (Some(t), Some(ts)) = (tag, tag_span) {
                        if !tags.iter().any(|(x, _)| x.eq_ignore_ascii_case(t)) {
                            let close =
                                crate::suggest::closest(t, tags.iter().map(|(x, _)| x.as_str()), 3);
                            let dym = crate::suggest::did_you_mean(&close);
                            let message = if dym.is_empty() {
                                format!("no question has the tag `{t}`")
                            } else {
                                format!("no question has the tag `{t}`; {dym}")
                            };
                            problems.push(
                                Diagnostic::at(&self.origin, &self.text, ts.clone(), message)
                                    .with_help("run `starcoach questions tags` to list the tags"),
                            );
                            continue;
                        }
                    }
                    let mut pool: Vec<&str> = catalog
                        .questions()
                        .filter(|q| kind.is_none_or(|k| q.kind == k))
                        .filter(|q| {
                            tag.as_ref()
                                .is_none_or(|t| q.tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
                        })
                        .map(|q| q.id.as_str())
                        .filter(|id| !named.contains(id) && !order.iter().any(|o| o == id))
                        .collect();
                    if pool.len() < *count {
                        let what = describe(tag.as_deref(), *kind);
                        problems.push(
                            Diagnostic::at(
                                &self.origin,
                                &self.text,
                                span.clone(),
                                format!(
                                    "{what}: {} question{} left to pick from, the entry asks for {count}",
                                    pool.len(),
                                    if pool.len() == 1 { "" } else { "s" }
                                ),
                            )
                            .with_help("lower `count`, or widen the pick (another tag, or no kind)"),
                        );
                        continue;
                    }
                    let mut rng = Rng::new(seed.wrapping_add(i as u64));
                    rng.shuffle(&mut pool);
                    order.extend(pool.into_iter().take(*count).map(str::to_string));
                }
            }
        }
        problems.into_result(())?;
        if self.order == Order::Shuffled {
            Rng::new(seed).shuffle(&mut order);
        }
        Ok(order)
    }

    /// Checks the plan's own rubric loads and scores at least one kind of question.
    pub fn check_rubric(&self) -> std::result::Result<(), Diagnostics> {
        let Some(path) = &self.rubric else {
            return Ok(());
        };
        let span = self.rubric_span.clone().unwrap_or(0..0);
        if !path.is_file() {
            return Err(Diagnostics(vec![
                Diagnostic::at(
                    &self.origin,
                    &self.text,
                    span,
                    format!("rubric file `{}` does not exist", path.display()),
                )
                .with_help("the path is relative to the drill file's folder"),
            ]));
        }
        match crate::rubric::load_rubric_file(path) {
            Ok(r) if r.kinds.is_empty() => Err(Diagnostics(vec![
                Diagnostic::at(
                    &self.origin,
                    &self.text,
                    span,
                    format!(
                        "rubric `{}` does not say which question kinds it scores",
                        path.display()
                    ),
                )
                .with_help("add kinds = [\"behavioral\"] (or other kinds) under [rubric] in it"),
            ])),
            Ok(_) => Ok(()),
            Err(Error::Invalid(d)) => Err(d),
            Err(e) => Err(Diagnostics(vec![Diagnostic::at(
                &self.origin,
                &self.text,
                span,
                e.to_string(),
            )])),
        }
    }

    /// The plan's TOML text as loaded.
    pub fn source(&self) -> &str {
        &self.text
    }

    /// What the plan changes about a practice session.
    pub fn settings(&self) -> crate::repl::DrillSettings {
        crate::repl::DrillSettings {
            id: self.id.clone(),
            title: self.title.clone(),
            instructions: self.instructions.clone(),
            allow_hints: self.hints,
            allow_examples: self.examples,
            seconds_per_answer: self.seconds_per_answer,
        }
    }
}

fn describe(tag: Option<&str>, kind: Option<Kind>) -> String {
    match (tag, kind) {
        (Some(t), Some(k)) => format!("tag `{t}` with kind `{k}`"),
        (Some(t), None) => format!("tag `{t}`"),
        (None, Some(k)) => format!("kind `{k}`"),
        (None, None) => "the pick".into(),
    }
}

/// The shipped plans, parsed (they are tested to be valid).
pub fn shipped() -> Vec<Drill> {
    crate::embedded::DRILLS
        .iter()
        .filter_map(|(path, text)| parse_drill(&crate::embedded::origin(path), text, None).ok())
        .collect()
}

/// Finds a plan: a file, or a shipped plan by id or file name.
pub fn find(plan: &str) -> Result<Drill> {
    let path = Path::new(plan);
    if path.is_file() {
        let text = read_text(path)?;
        return parse_drill(&path.display().to_string(), &text, path.parent())
            .map_err(Error::Invalid);
    }
    let stem = plan.trim_end_matches(".toml");
    for (p, text) in crate::embedded::DRILLS {
        let file_stem = Path::new(p).file_stem().and_then(|s| s.to_str());
        let parsed = parse_drill(&crate::embedded::origin(p), text, None);
        let id_matches = parsed.as_ref().is_ok_and(|d| d.id == stem);
        if file_stem == Some(stem) || id_matches {
            return parsed.map_err(Error::Invalid);
        }
    }
    if path.exists() {
        return Err(Error::Usage(format!(
            "{plan}: is a folder; name a drill file (.toml)"
        )));
    }
    let ids: Vec<String> = shipped().into_iter().map(|d| d.id).collect();
    let close = crate::suggest::closest(stem, ids.iter().map(String::as_str), 3);
    let dym = crate::suggest::did_you_mean(&close);
    Err(Error::Usage(format!(
        "{plan}: no such drill file, and no shipped drill by that name{}; shipped drills: {} (see `starcoach drill list`)",
        if dym.is_empty() {
            String::new()
        } else {
            format!(" ({dym})")
        },
        ids.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"
[drill]
id = "demo"
title = "Demo drill"
instructions = "Answer out loud first."
order = "fixed"
seconds_per_answer = 120
hints = false

[[question]]
id = "tell-me-about-yourself"

[[question]]
tag = "de-escalation"
kind = "behavioral"
count = 2
"#;

    fn catalog() -> Catalog {
        Catalog::embedded().unwrap()
    }

    fn errors(text: &str) -> String {
        match parse_drill("d.toml", text, None) {
            Err(d) => d.to_string(),
            Ok(d) => d.resolve(&catalog(), None).unwrap_err().to_string(),
        }
    }

    #[test]
    fn resolves_ids_and_picks_the_same_way_every_time() {
        let d = parse_drill("d.toml", PLAN, None).unwrap();
        assert!(!d.hints && d.examples);
        assert_eq!(d.seconds_per_answer, Some(120));
        let c = catalog();
        let a = d.resolve(&c, None).unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0], "tell-me-about-yourself");
        for id in &a[1..] {
            let q = c.get(id).unwrap();
            assert!(q.tags.iter().any(|t| t == "de-escalation"), "{id}");
            assert_eq!(q.kind, Kind::Behavioral);
        }
        assert_eq!(a, d.resolve(&c, None).unwrap());
        assert_ne!(a[1], a[2]);
    }

    #[test]
    fn shuffled_plans_follow_the_seed() {
        let text = PLAN.replace("order = \"fixed\"", "order = \"shuffled\"\nseed = 3");
        let d = parse_drill("d.toml", &text, None).unwrap();
        let c = catalog();
        let a = d.resolve(&c, None).unwrap();
        assert_eq!(a, d.resolve(&c, None).unwrap());
        let mut sorted = a.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 3);
        let others: Vec<Vec<String>> = (0..8).map(|s| d.resolve(&c, Some(s)).unwrap()).collect();
        assert!(others.iter().any(|o| *o != a), "the seed changes nothing");
    }

    #[test]
    fn unknown_ids_are_located_with_suggestions() {
        let e = errors(&PLAN.replace("tell-me-about-yourself", "tell-me-about-yourslf"));
        assert!(
            e.contains("d.toml:11:6: unknown question id `tell-me-about-yourslf`; did you mean `tell-me-about-yourself`?"),
            "{e}"
        );
    }

    #[test]
    fn unknown_tags_and_short_pools_are_reported() {
        let e = errors(&PLAN.replace("\"de-escalation\"", "\"de-escalaton\""));
        assert!(
            e.contains("no question has the tag `de-escalaton`; did you mean `de-escalation`"),
            "{e}"
        );
        let e = errors(&PLAN.replace("count = 2", "count = 200"));
        assert!(e.contains("the entry asks for 200"), "{e}");
    }

    #[test]
    fn entries_must_name_one_question_or_a_pick() {
        let e = errors(&PLAN.replace(
            "tag = \"de-escalation\"\n",
            "id = \"x\"\ntag = \"de-escalation\"\n",
        ));
        assert!(e.contains("has both `id` and `tag`/`kind`"), "{e}");
        let e = errors(&format!("{PLAN}\n[[question]]\ncount = 3\n"));
        assert!(e.contains("names no question"), "{e}");
        let e = errors(&format!(
            "{PLAN}\n[[question]]\nid = \"tell-me-about-yourself\"\n"
        ));
        assert!(e.contains("already in the drill (line 11)"), "{e}");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located() {
        let e = errors(&PLAN.replace("hints = false", "hint = false"));
        assert!(e.contains("d.toml:8:1: unknown field `hint`"), "{e}");
        let e = errors(&PLAN.replace("\"fixed\"", "\"random\""));
        assert!(e.contains("unknown variant `random`"), "{e}");
        let e = errors(&PLAN.replace("120", "0"));
        assert!(e.contains("seconds_per_answer 0 is out of range"), "{e}");
    }

    #[test]
    fn every_shipped_plan_loads_and_resolves() {
        let c = catalog();
        assert!(crate::embedded::DRILLS.len() >= 3);
        for (path, text) in crate::embedded::DRILLS {
            let d = parse_drill(path, text, None).unwrap_or_else(|e| panic!("{e}"));
            d.resolve(&c, None).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                d.rubric.is_none(),
                "{path}: shipped drills use the shipped rubrics"
            );
        }
    }

    #[test]
    fn finds_shipped_plans_by_id() {
        let d = shipped().remove(0);
        assert_eq!(find(&d.id).unwrap().id, d.id);
        let e = find("no-such-drill-anywhere").unwrap_err().to_string();
        assert!(e.contains("shipped drills:"), "{e}");
    }
}
