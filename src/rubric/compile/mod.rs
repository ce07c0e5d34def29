//! Loading rubric files: parse, resolve `extends`, merge, check and compile.
//!
//! Every problem becomes a [`Diagnostic`] at the file, line and column of the offending value,
//! naming the rule or cue it belongs to ("rule `result.missing`: invalid regex: ...").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

mod context;
mod cues;
mod levels;
mod merge;
mod numbers;
mod rules;
mod sections;

use merge::{Merged, merge};
use sections::compile;

use super::schema::{RawCue, RawExample, RawRubric, RawRule};
use super::*;
use crate::diag::{Diagnostic, Diagnostics, from_toml_error};
use crate::error::{Error, read_text};

/// Where a rubric comes from.
#[derive(Debug, Clone)]
pub enum RubricSource {
    /// A file; `extends` names are looked up beside it, then among the embedded rubrics.
    Path(PathBuf),
    /// Text in memory with a display name; `extends` resolves to embedded rubrics.
    Text { name: String, text: String },
}

/// One source file taking part in a rubric.
struct Src {
    name: String,
    text: String,
}

fn parse_raw(src: &Src) -> std::result::Result<RawRubric, Diagnostics> {
    toml::from_str(&src.text)
        .map_err(|e| Diagnostics(vec![from_toml_error(&src.name, &src.text, &e)]))
}

/// Parses one rubric text (with `extends` resolved against the embedded rubrics).
pub fn parse_rubric(name: &str, text: &str) -> std::result::Result<Rubric, Diagnostics> {
    parse_rubric_at(name, text, None)
}

/// Parses one rubric text as it judges candidates of `level` (its `[levels]` tables applied).
pub fn parse_rubric_at(
    name: &str,
    text: &str,
    level: Option<Level>,
) -> std::result::Result<Rubric, Diagnostics> {
    build(
        Src {
            name: name.to_string(),
            text: text.to_string(),
        },
        None,
        level,
    )
}

/// Loads and compiles one rubric file.
pub fn load_rubric_file(path: &Path) -> Result<Rubric> {
    load_rubric_file_at(path, None)
}

/// Loads and compiles one rubric file at `level`.
pub fn load_rubric_file_at(path: &Path, level: Option<Level>) -> Result<Rubric> {
    let text = read_text(path)?;
    build(
        Src {
            name: path.display().to_string(),
            text,
        },
        path.parent(),
        level,
    )
    .map_err(Error::Invalid)
}

/// Finds the text of the rubric called `name` for `extends`.
fn resolve(name: &str, dir: Option<&Path>) -> Option<Src> {
    if let Some(dir) = dir {
        let p = dir.join(format!("{name}.toml"));
        if p.is_file() {
            if let Ok(text) = read_text(&p) {
                return Some(Src {
                    name: p.display().to_string(),
                    text,
                });
            }
        }
    }
    let wanted = format!("rubrics/{name}.toml");
    crate::embedded::RUBRICS
        .iter()
        .find(|(p, _)| *p == wanted)
        .map(|(p, text)| Src {
            name: crate::embedded::origin(p),
            text: text.to_string(),
        })
}

fn build(
    top: Src,
    dir: Option<&Path>,
    level: Option<Level>,
) -> std::result::Result<Rubric, Diagnostics> {
    // The chain: top, its base, the base's base... (at most 8 deep, no cycles).
    let mut srcs = vec![top];
    let mut raws = vec![parse_raw(&srcs[0])?];
    while let Some(ext) = raws.last().unwrap().rubric.extends.clone() {
        let i = srcs.len() - 1;
        let name = ext.get_ref().clone();
        let cycle = raws.iter().any(|r| r.rubric.id.get_ref() == &name);
        let found = if cycle || srcs.len() > 8 {
            None
        } else {
            resolve(&name, dir)
        };
        let Some(src) = found else {
            let msg = if cycle {
                format!("`extends = \"{name}\"` makes a cycle")
            } else {
                format!("no rubric called `{name}` to extend")
            };
            return Err(Diagnostics(vec![
                Diagnostic::at(&srcs[i].name, &srcs[i].text, ext.span(), msg).with_help(
                    "name a rubric file in the same folder (without .toml) or a shipped rubric: common, behavioral, situational, general, career",
                ),
            ]));
        };
        raws.push(parse_raw(&src)?);
        srcs.push(src);
    }
    // Merge base first, so the top file overrides.
    let mut m = Merged::default();
    let files: Vec<String> = srcs.iter().rev().map(|s| s.name.clone()).collect();
    for (i, raw) in raws.into_iter().enumerate().rev() {
        merge(&mut m, raw, i);
    }
    let note = levels::apply(&mut m, level, &srcs)?;
    let mut rubric = compile(m, &srcs, files)?;
    rubric.level = note;
    Ok(rubric)
}

fn is_lexicon_name(name: &str) -> bool {
    name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id.split(['.', '-']).all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// The question kinds an embedded rubric scores, read from its `[rubric]` table alone (a
/// few lines at the top), so the rubric itself is compiled only when a kind needs it. `None`
/// when the table cannot be read that way; then the rubric is compiled at once.
fn header_kinds(text: &str) -> Option<Vec<Kind>> {
    #[derive(serde::Deserialize)]
    struct Header {
        rubric: Kinds,
    }
    #[derive(serde::Deserialize)]
    struct Kinds {
        #[serde(default)]
        kinds: Vec<Kind>,
    }
    let start = text
        .match_indices("[rubric]")
        .find(|&(i, _)| i == 0 || text.as_bytes()[i - 1] == b'\n')?
        .0;
    let rest = &text[start + "[rubric]".len()..];
    let end = rest
        .match_indices("\n[")
        .next()
        .map_or(rest.len(), |(i, _)| i);
    let table = &text[start..start + "[rubric]".len() + end];
    toml::from_str::<Header>(table).ok().map(|h| h.rubric.kinds)
}

/// The embedded rubrics (all but bases, which are only extended) plus user files. Embedded
/// rubrics are compiled on first use ([`RubricSet::for_kind`]); user files at once, so their
/// problems are reported here.
pub(super) fn load_set(extra: &[PathBuf], level: Option<Level>) -> Result<RubricSet> {
    let mut problems = Diagnostics::default();
    let mut rubrics = Vec::new();
    for &(path, text) in crate::embedded::RUBRICS {
        match header_kinds(text) {
            Some(kinds) if kinds.is_empty() => {}
            Some(kinds) => rubrics.push(Entry::lazy(kinds, path, text, level)),
            None => match parse_rubric_at(&crate::embedded::origin(path), text, level) {
                Ok(r) if !r.kinds.is_empty() => rubrics.push(Entry::ready(r)),
                Ok(_) => {}
                Err(d) => problems.extend(d),
            },
        }
    }
    for p in extra {
        match load_rubric_file_at(p, level) {
            Ok(r) => {
                if r.kinds.is_empty() {
                    problems.push(
                        Diagnostic::file(
                            p.display().to_string(),
                            "this rubric does not say which question kinds it scores",
                        )
                        .with_help("add kinds = [\"behavioral\"] (or other kinds) under [rubric]"),
                    );
                } else {
                    rubrics.push(Entry::ready(r));
                }
            }
            Err(Error::Invalid(d)) => problems.extend(d),
            Err(e) => return Err(e),
        }
    }
    problems.into_result(()).map_err(Error::Invalid)?;
    if rubrics.is_empty() {
        return Err(Error::Usage("no rubric loaded".into()));
    }
    Ok(RubricSet {
        entries: rubrics,
        level,
    })
}

/// Compiles an embedded rubric that [`load_set`] left for later.
pub(super) fn compile_embedded(path: &str, text: &str, level: Option<Level>) -> Rubric {
    parse_rubric_at(&crate::embedded::origin(path), text, level).unwrap_or_else(|d| {
        panic!("the shipped rubric {path} is invalid (the tests check it):\n{d}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_the_header_are_the_compiled_kinds() {
        for &(path, text) in crate::embedded::RUBRICS {
            let compiled = parse_rubric(path, text).unwrap_or_else(|d| panic!("{path}: {d}"));
            assert_eq!(header_kinds(text), Some(compiled.kinds), "{path}");
        }
    }

    #[test]
    fn a_header_that_cannot_be_read_alone_is_compiled_at_once() {
        assert_eq!(header_kinds("no table"), None);
        assert_eq!(
            header_kinds("[rubric]\nid = \"x\"\nkinds = [\"situational\"]\n[dimensions]\nx = 1"),
            Some(vec![Kind::Situational])
        );
        assert_eq!(
            header_kinds("[rubric]\nkinds = [\n  \"general\",\n]\n"),
            Some(vec![Kind::General])
        );
    }

    #[test]
    fn a_set_compiles_a_shipped_rubric_when_its_kind_is_first_needed() {
        let set = RubricSet::embedded().unwrap();
        assert!(set.entries.iter().all(|e| e.rubric.get().is_none()));
        assert_eq!(set.for_kind(Kind::Situational).id, "situational");
        let compiled = set.entries.iter().filter(|e| e.rubric.get().is_some());
        assert_eq!(compiled.count(), 1);
        assert_eq!(set.rubrics().count(), set.len());
    }
}
