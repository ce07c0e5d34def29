//! Parsing and validating bank files.
//!
//! Files are read into private `Raw*` structs that keep byte spans (`toml::Spanned`) for every
//! value a later check may need to point at, then turned into the public model. Unknown keys,
//! unknown kinds or probes and wrong types are caught by serde; empty text, malformed ids and
//! tags, and duplicate ids by [`validate`]. Every problem is a located [`Diagnostic`].

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Area, Bank, Catalog, Example, FollowUp, Kind, Probe, Question, StarGuide, StarPart};
use crate::diag::{Diagnostic, Diagnostics, from_toml_error};
use crate::error::{Error, Result, read_text};

/// Where banks come from.
#[derive(Debug, Clone)]
pub enum BankSource {
    /// A `.toml` file, or a folder whose `*.toml` files are all banks.
    Path(PathBuf),
    /// Text already in memory, with the name to use in messages.
    Text { name: String, text: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    bank: RawBank,
    #[serde(default)]
    star: Option<RawStar>,
    #[serde(default, rename = "question")]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    description: Option<Spanned<String>>,
    source: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStar {
    intro: Spanned<String>,
    #[serde(rename = "part")]
    parts: Vec<RawStarPart>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStarPart {
    component: Spanned<Probe>,
    meaning: Spanned<String>,
    example: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    #[serde(default)]
    source: Option<Spanned<String>>,
    #[serde(default)]
    category: Option<Spanned<String>>,
    #[serde(default)]
    looks_for: Option<Spanned<String>>,
    #[serde(default)]
    hint: Option<Spanned<String>>,
    #[serde(default, rename = "area")]
    areas: Vec<RawArea>,
    #[serde(default, rename = "follow_up")]
    follow_ups: Vec<RawFollowUp>,
    #[serde(default)]
    tips: Vec<Spanned<String>>,
    #[serde(default, rename = "example")]
    examples: Vec<RawExample>,
    #[serde(default)]
    skip: Vec<Spanned<String>>,
    #[serde(default, rename = "rule")]
    rules: Vec<RawRuleWording>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleWording {
    id: Spanned<String>,
    #[serde(default)]
    message: Option<Spanned<String>>,
    #[serde(default)]
    suggestion: Option<Spanned<String>>,
    #[serde(default)]
    follow_up: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    text: Spanned<String>,
    keywords: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    steps: Vec<String>,
    #[serde(default)]
    part: Option<Spanned<Probe>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFollowUp {
    text: Spanned<String>,
    probes: Probe,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    title: Spanned<String>,
    text: Spanned<String>,
}

/// A parsed bank plus the spans of its question ids (for cross-file duplicate checks).
struct Parsed {
    bank: Bank,
    source_text: String,
    id_spans: Vec<Range<usize>>,
}

/// Checks that collect diagnostics while a file is converted.
struct Checker<'a> {
    file: &'a str,
    source: &'a str,
    problems: Diagnostics,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, message: String, help: &str) {
        self.problems
            .push(Diagnostic::at(self.file, self.source, span, message).with_help(help));
    }

    /// The trimmed text, or a diagnostic when it is blank.
    fn text(&mut self, value: &Spanned<String>, what: &str) -> String {
        let t = value.get_ref().trim();
        if t.is_empty() {
            self.report(
                value.span(),
                format!("{what} is empty"),
                "write the text between the quotes, or remove the entry",
            );
        }
        t.to_string()
    }

    fn opt_text(&mut self, value: &Option<Spanned<String>>, what: &str) -> Option<String> {
        value.as_ref().map(|v| self.text(v, what))
    }

    fn kebab(&mut self, value: &Spanned<String>, what: &str) -> String {
        let v = value.get_ref();
        if !is_kebab(v) {
            self.report(
                value.span(),
                format!("{what} `{v}` is not kebab-case"),
                &format!(
                    "use lowercase letters, digits and single dashes, e.g. `{}`",
                    to_kebab(v)
                ),
            );
        }
        v.clone()
    }
}

/// `angry-customer-call-center`: lowercase ASCII letters and digits in dash-separated words.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn to_kebab(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    if out.is_empty() { "my-id".into() } else { out }
}

/// Parses and checks one bank file's text. `file` names it in messages.
pub fn parse_bank(file: &str, text: &str) -> std::result::Result<Bank, Diagnostics> {
    parse(file, text).map(|p| p.bank)
}

fn parse(file: &str, text: &str) -> std::result::Result<Parsed, Diagnostics> {
    let raw: RawFile =
        toml::from_str(text).map_err(|e| Diagnostics(vec![from_toml_error(file, text, &e)]))?;
    let mut c = Checker {
        file,
        source: text,
        problems: Diagnostics::default(),
    };
    let bank_id = c.kebab(&raw.bank.id, "bank id");
    let title = c.text(&raw.bank.title, "bank title");
    let description = c.opt_text(&raw.bank.description, "bank description");
    let source = c.text(&raw.bank.source, "bank source");

    let star = raw.star.as_ref().map(|s| StarGuide {
        intro: c.text(&s.intro, "star intro"),
        parts: s
            .parts
            .iter()
            .map(|p| {
                let component = *p.component.get_ref();
                if !matches!(
                    component,
                    Probe::Situation | Probe::Task | Probe::Action | Probe::Result
                ) {
                    c.report(
                        p.component.span(),
                        format!("`{component}` is not a STAR component"),
                        "use situation, task, action or result",
                    );
                }
                StarPart {
                    component,
                    meaning: c.text(&p.meaning, "star part meaning"),
                    example: c.text(&p.example, "star part example"),
                }
            })
            .collect(),
        source: source.clone(),
    });

    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let mut id_spans = Vec::with_capacity(raw.questions.len());
    let mut questions = Vec::with_capacity(raw.questions.len());
    for rq in &raw.questions {
        let id = c.kebab(&rq.id, "question id");
        if let Some(first) = seen.get(&id) {
            let (line, _, _) = crate::diag::locate(text, first.clone());
            c.report(
                rq.id.span(),
                format!("duplicate question id `{id}` (first used on line {line})"),
                "give each question its own id",
            );
        } else {
            seen.insert(id.clone(), rq.id.span());
        }
        id_spans.push(rq.id.span());

        let mut tags = Vec::with_capacity(rq.tags.len());
        for t in &rq.tags {
            let tag = c.kebab(t, "tag");
            if tags.contains(&tag) {
                c.report(
                    t.span(),
                    format!("tag `{tag}` is listed twice"),
                    "remove the second one",
                );
            }
            tags.push(tag);
        }

        let areas = rq
            .areas
            .iter()
            .map(|a| {
                let text = c.text(&a.text, "area text");
                if a.keywords.get_ref().is_empty() {
                    c.report(
                        a.keywords.span(),
                        "area has no keywords".into(),
                        "list a few words or phrases that show this area was covered, e.g. keywords = [\"apologi*\", \"sorry\"]",
                    );
                }
                let keywords = a
                    .keywords
                    .get_ref()
                    .iter()
                    .map(|k| check_keyword(&mut c, k))
                    .collect();
                Area {
                    text,
                    keywords,
                    steps: a.steps.iter().map(|s| s.trim().to_lowercase()).collect(),
                    part: a.part.as_ref().and_then(|p| check_part(&mut c, p)),
                }
            })
            .collect();

        let follow_ups = rq
            .follow_ups
            .iter()
            .map(|f| FollowUp {
                text: c.text(&f.text, "follow-up text"),
                probes: f.probes,
            })
            .collect();
        let tips = rq.tips.iter().map(|t| c.text(t, "tip")).collect();
        let examples = rq
            .examples
            .iter()
            .map(|e| Example {
                title: c.text(&e.title, "example title"),
                text: c.text(&e.text, "example text"),
            })
            .collect();

        questions.push(Question {
            id,
            text: c.text(&rq.text, "question text"),
            kind: rq.kind,
            tags,
            source: c
                .opt_text(&rq.source, "question source")
                .unwrap_or_else(|| source.clone()),
            category: c.opt_text(&rq.category, "category"),
            looks_for: c.opt_text(&rq.looks_for, "looks_for"),
            hint: c.opt_text(&rq.hint, "hint"),
            areas,
            follow_ups,
            tips,
            examples,
            skip: rq
                .skip
                .iter()
                .map(|s| c.text(s, "skipped rule id"))
                .collect(),
            rules: rq
                .rules
                .iter()
                .map(|r| super::RuleWording {
                    id: c.text(&r.id, "rule id"),
                    message: c.opt_text(&r.message, "rule message"),
                    suggestion: c.opt_text(&r.suggestion, "rule suggestion"),
                    follow_up: c.opt_text(&r.follow_up, "rule follow-up"),
                })
                .collect(),
            bank: bank_id.clone(),
        });
    }
    if questions.is_empty() && star.is_none() {
        c.problems.push(
            Diagnostic::file(file, "the bank has no questions")
                .with_help("add at least one [[question]] table with id, text and kind"),
        );
    }

    let bank = Bank {
        id: bank_id,
        title,
        description,
        source,
        questions,
        star,
        origin: file.to_string(),
    };
    c.problems.into_result(Parsed {
        bank,
        source_text: text.to_string(),
        id_spans,
    })
}

fn check_keyword(c: &mut Checker<'_>, k: &Spanned<String>) -> String {
    let kw = c.text(k, "keyword").to_lowercase();
    let body = kw.strip_suffix('*').unwrap_or(&kw);
    if body.contains('*') || body.trim().is_empty() {
        c.report(
            k.span(),
            format!("keyword `{kw}` has `*` in the wrong place"),
            "`*` may only end a keyword, to match any word ending (e.g. `apologi*`)",
        );
    }
    kw
}

/// An area's `part`: one of the STAR parts (and reflection), which the analysis can read.
fn check_part(c: &mut Checker<'_>, p: &Spanned<Probe>) -> Option<Probe> {
    let part = *p.get_ref();
    if matches!(part, Probe::Metrics | Probe::Specificity | Probe::Ownership) {
        c.report(
            p.span(),
            format!("area part `{part}` is not a part of the story"),
            "use one of situation, task, action, result, reflection",
        );
        return None;
    }
    Some(part)
}

/// Expands sources into `(name, text)` pairs: folders into their `*.toml` files, sorted.
fn read_sources(sources: &[BankSource]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for s in sources {
        match s {
            BankSource::Text { name, text } => out.push((name.clone(), text.clone())),
            BankSource::Path(p) if p.is_dir() => {
                let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                    .map_err(|e| Error::io(p, e))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "toml"))
                    .collect();
                files.sort();
                if files.is_empty() {
                    return Err(Error::Usage(format!(
                        "{}: no .toml bank files in this folder",
                        p.display()
                    )));
                }
                for f in files {
                    out.push((display(&f), read_text(&f)?));
                }
            }
            BankSource::Path(p) => out.push((display(p), read_text(p)?)),
        }
    }
    Ok(out)
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Parses every file, on two threads when there is enough text to be worth one (the five
/// shipped banks, 290 KB, took 5 ms on one); results and problems keep the files' order.
fn parse_all(files: Vec<(String, String)>) -> Result<Vec<Parsed>> {
    let mut problems = Diagnostics::default();
    let mut parsed = Vec::with_capacity(files.len());
    for result in parse_files(&files) {
        match result {
            Ok(p) => parsed.push(p),
            Err(d) => problems.extend(d),
        }
    }
    problems.into_result(parsed).map_err(Error::Invalid)
}

/// Each file parsed, in the files' order. Two threads take the files from one queue, largest
/// first, when there are at least two files and 64 KB of text.
fn parse_files(files: &[(String, String)]) -> Vec<std::result::Result<Parsed, Diagnostics>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let total: usize = files.iter().map(|(_, text)| text.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
    if files.len() < 2 || total < 64 * 1024 || threads < 2 {
        return files.iter().map(|(name, text)| parse(name, text)).collect();
    }
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].1.len()));
    let slots: Vec<Mutex<Option<std::result::Result<Parsed, Diagnostics>>>> =
        files.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (name, text) = &files[i];
            let result = parse(name, text);
            if let Ok(mut slot) = slots[i].lock() {
                *slot = Some(result);
            }
        }
    };
    std::thread::scope(|scope| {
        scope.spawn(work);
        work();
    });
    slots
        .into_iter()
        .map(|slot| {
            // Every file was parsed: had a parse panicked, so would `scope`.
            slot.into_inner()
                .ok()
                .flatten()
                .expect("every bank file was parsed")
        })
        .collect()
}

/// Builds a catalog, checking question ids are unique across banks.
fn assemble(parsed: Vec<Parsed>) -> Result<Catalog> {
    let mut problems = Diagnostics::default();
    // Where each id is first seen: the bank and the id's span (its line is worked out only
    // for a message: locating every id would scan each file once per question).
    let mut first: HashMap<&str, (&Parsed, Range<usize>)> = HashMap::new();
    for p in &parsed {
        for (q, span) in p.bank.questions.iter().zip(&p.id_spans) {
            if let Some((at, at_span)) = first.get(q.id.as_str()) {
                if at.bank.origin != p.bank.origin {
                    let file = &at.bank.origin;
                    let (line, _, _) = crate::diag::locate(&at.source_text, at_span.clone());
                    problems.push(
                        Diagnostic::at(
                            &p.bank.origin,
                            &p.source_text,
                            span.clone(),
                            format!("question id `{}` is already used in {file}:{line}", q.id),
                        )
                        .with_help(
                            "question ids must be unique across all loaded banks; rename one",
                        ),
                    );
                }
            } else {
                first.insert(&q.id, (p, span.clone()));
            }
        }
    }
    problems.into_result(()).map_err(Error::Invalid)?;
    Ok(Catalog::from_banks(
        parsed.into_iter().map(|p| p.bank).collect(),
    ))
}

pub(super) fn load_sources(sources: &[BankSource]) -> Result<Catalog> {
    assemble(parse_all(read_sources(sources)?)?)
}

pub(super) fn load_catalog(extra: &[BankSource]) -> Result<Catalog> {
    let mut files: Vec<(String, String)> = crate::embedded::BANKS
        .iter()
        .map(|(path, text)| (crate::embedded::origin(path), text.to_string()))
        .collect();
    files.extend(read_sources(extra)?);
    let parsed = parse_all(files)?;
    // A later bank with the same bank id replaces an earlier one (user banks override defaults).
    let mut kept: Vec<Parsed> = Vec::with_capacity(parsed.len());
    for p in parsed {
        if let Some(i) = kept.iter().position(|k| k.bank.id == p.bank.id) {
            kept[i] = p;
        } else {
            kept.push(p);
        }
    }
    assemble(kept)
}

#[cfg(test)]
mod tests;
