//! Loading rubric files: parse, resolve `extends`, merge, check and compile.
//!
//! Every problem becomes a [`Diagnostic`] at the file, line and column of the offending value,
//! naming the rule or cue it belongs to ("rule `result.missing`: invalid regex: ...").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use super::schema::{RawExample, RawRubric, RawRule};
use super::*;
use crate::diag::{Diagnostic, Diagnostics, from_toml_error, locate};
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

/// A lexicon's terms as read, with spans.
type SpannedTerms = Spanned<Vec<Spanned<String>>>;

/// Everything that is merged from a chain of files, each item tagged with its file.
#[derive(Default)]
struct Merged {
    header: Option<(schema::RawHeader, usize)>,
    dimensions: BTreeMap<String, (f64, usize, std::ops::Range<usize>)>,
    bands: Vec<schema::RawBand>,
    lexicons: BTreeMap<String, (SpannedTerms, usize)>,
    labels: BTreeMap<Label, Vec<Spanned<String>>>,
    labelling: Option<schema::RawLabelling>,
    features: Option<(schema::RawFeatures, usize)>,
    cues: Vec<(schema::RawCue, usize)>,
    episode: Option<schema::RawEpisode>,
    metrics: Option<(schema::RawMetrics, usize)>,
    language: Option<(schema::RawLanguage, usize)>,
    scoring: Option<schema::RawScoring>,
    delivery: Option<schema::RawDelivery>,
    feedback: Option<schema::RawFeedback>,
    follow_ups: Vec<schema::RawFollowUp>,
    rules: Vec<(RawRule, usize)>,
}

fn parse_raw(src: &Src) -> std::result::Result<RawRubric, Diagnostics> {
    toml::from_str(&src.text)
        .map_err(|e| Diagnostics(vec![from_toml_error(&src.name, &src.text, &e)]))
}

/// Parses one rubric text (with `extends` resolved against the embedded rubrics).
pub fn parse_rubric(name: &str, text: &str) -> std::result::Result<Rubric, Diagnostics> {
    build(
        Src {
            name: name.to_string(),
            text: text.to_string(),
        },
        None,
    )
}

/// Loads and compiles one rubric file.
pub fn load_rubric_file(path: &Path) -> Result<Rubric> {
    let text = read_text(path)?;
    build(
        Src {
            name: path.display().to_string(),
            text,
        },
        path.parent(),
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

fn build(top: Src, dir: Option<&Path>) -> std::result::Result<Rubric, Diagnostics> {
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
    compile(m, &srcs, files)
}

fn merge(m: &mut Merged, raw: RawRubric, file: usize) {
    for (k, v) in raw.dimensions {
        m.dimensions
            .insert(k.get_ref().clone(), (v, file, k.span()));
    }
    if !raw.bands.is_empty() {
        m.bands = raw.bands;
    }
    for (k, v) in raw.lexicons {
        m.lexicons.insert(k.into_inner(), (v, file));
    }
    for (k, v) in raw.labels {
        m.labels.insert(k, v);
    }
    if let Some(l) = raw.labelling {
        let base = m.labelling.take().unwrap_or_default();
        let mut position = base.position;
        position.extend(l.position);
        m.labelling = Some(schema::RawLabelling {
            min_evidence: l.min_evidence.or(base.min_evidence),
            stay: l.stay.or(base.stay),
            forward: l.forward.or(base.forward),
            skip: l.skip.or(base.skip),
            backward: l.backward.or(base.backward),
            explicit_carry: l.explicit_carry.or(base.explicit_carry),
            secondary_min: l.secondary_min.or(base.secondary_min),
            position,
        });
    }
    if let Some(f) = raw.features {
        m.features = Some((f, file));
    }
    for c in raw.cues {
        m.cues.retain(|(x, _)| x.id.get_ref() != c.id.get_ref());
        m.cues.push((c, file));
    }
    if raw.episode.is_some() {
        m.episode = raw.episode;
    }
    if let Some(x) = raw.metrics {
        m.metrics = Some((x, file));
    }
    if let Some(l) = raw.language {
        m.language = Some((l, file));
    }
    if raw.scoring.is_some() {
        m.scoring = raw.scoring;
    }
    if raw.delivery.is_some() {
        m.delivery = raw.delivery;
    }
    if raw.feedback.is_some() {
        m.feedback = raw.feedback;
    }
    if !raw.follow_ups.is_empty() {
        let mut f = raw.follow_ups;
        f.extend(std::mem::take(&mut m.follow_ups));
        m.follow_ups = f;
    }
    for r in raw.rules {
        m.rules.retain(|(x, _)| x.id.get_ref() != r.id.get_ref());
        m.rules.push((r, file));
    }
    m.header = Some((raw.rubric, file));
}

/// Collects problems while compiling.
struct Ctx<'a> {
    srcs: &'a [Src],
    problems: Diagnostics,
    lexicon_names: Vec<String>,
    lexicon_terms: Vec<Vec<String>>,
}

impl Ctx<'_> {
    fn err(&mut self, file: usize, span: std::ops::Range<usize>, msg: String, help: &str) {
        let s = &self.srcs[file];
        self.problems
            .push(Diagnostic::at(&s.name, &s.text, span, msg).with_help(help));
    }

    fn missing(&mut self, what: &str, help: &str) {
        let s = &self.srcs[0];
        self.problems.push(
            Diagnostic::file(
                &s.name,
                format!("missing [{what}] (in this file or the rubric it extends)"),
            )
            .with_help(help),
        );
    }

    fn origin(&self, file: usize, span: std::ops::Range<usize>) -> String {
        let s = &self.srcs[file];
        let (line, _, _) = locate(&s.text, span);
        format!("{}:{line}", s.name)
    }

    fn lexicon(&mut self, file: usize, name: &Spanned<String>, owner: &str) -> Option<LexiconId> {
        let id = self.lexicon_names.iter().position(|n| n == name.get_ref());
        if id.is_none() {
            let known: Vec<&str> = self.lexicon_names.iter().map(String::as_str).collect();
            let dym = crate::suggest::did_you_mean(&crate::suggest::closest(
                name.get_ref(),
                known.iter().copied(),
                3,
            ));
            let help = if dym.is_empty() {
                "define it under [lexicons]".to_string()
            } else {
                format!("{dym} (or define it under [lexicons])")
            };
            self.err(
                file,
                name.span(),
                format!("{owner}: no lexicon called `{}`", name.get_ref()),
                &help,
            );
        }
        id
    }

    /// Compiles a pattern, expanding `{lexicon}` references.
    fn regex(&mut self, file: usize, pat: &Spanned<String>, owner: &str) -> Option<Regex> {
        let expanded =
            match expand_lexicons(pat.get_ref(), &self.lexicon_names, &self.lexicon_terms) {
                Ok(p) => p,
                Err(name) => {
                    self.err(
                        file,
                        pat.span(),
                        format!("{owner}: pattern refers to `{{{name}}}`, which is not a lexicon"),
                        "write `\\{` for a literal brace, or define the lexicon under [lexicons]",
                    );
                    return None;
                }
            };
        match RegexBuilder::new(&expanded)
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
        {
            Ok(r) => Some(r),
            Err(e) => {
                let detail = e
                    .to_string()
                    .lines()
                    .rev()
                    .find(|l| l.starts_with("error:"))
                    .map(|l| l.trim_start_matches("error:").trim().to_string())
                    .unwrap_or_else(|| e.to_string());
                self.err(
                    file,
                    pat.span(),
                    format!("{owner}: invalid regex: {detail}"),
                    "fix the pattern (Rust regex syntax; use single quotes in TOML so backslashes stay literal)",
                );
                None
            }
        }
    }
}

/// Replaces `{name}` with an alternation of the lexicon's terms (escaped; `*` -> `\w*`).
/// Returns the unknown name on failure. `\{` stays a literal brace; `{2}`-style repetitions
/// are left alone.
fn expand_lexicons(
    pat: &str,
    names: &[String],
    terms: &[Vec<String>],
) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(pat.len());
    let bytes = pat.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\\' && i + 1 < bytes.len() {
            let ch_len = pat[i + 1..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&pat[i..i + 1 + ch_len]);
            i += 1 + ch_len;
            continue;
        }
        if c == b'{' {
            if let Some(close) = pat[i + 1..].find('}') {
                let name = &pat[i + 1..i + 1 + close];
                let is_name = name
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if is_name {
                    let id = names
                        .iter()
                        .position(|n| n == name)
                        .ok_or_else(|| name.to_string())?;
                    let mut alts: Vec<(usize, String)> = terms[id]
                        .iter()
                        .map(|t| {
                            let t = t.to_lowercase();
                            let (body, star) = match t.strip_suffix('*') {
                                Some(b) => (b.to_string(), true),
                                None => (t, false),
                            };
                            let e = regex::escape(&body).replace('\'', "['\u{2019}]");
                            (
                                body.chars().count(),
                                if star { format!("{e}\\w*") } else { e },
                            )
                        })
                        .collect();
                    // Longest term first, so the alternation prefers the longer phrase.
                    alts.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
                    let alts: Vec<String> = alts.into_iter().map(|(_, a)| a).collect();
                    out.push_str("(?:");
                    out.push_str(&alts.join("|"));
                    out.push(')');
                    i += close + 2;
                    continue;
                }
            }
        }
        let ch_len = pat[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&pat[i..i + ch_len]);
        i += ch_len;
    }
    Ok(out)
}

fn examples(raw: &[RawExample]) -> Vec<RuleExample> {
    raw.iter()
        .map(|e| RuleExample {
            text: e.text.clone(),
            hits: e.hits,
            fires: e.fires,
            areas: e.areas.clone(),
        })
        .collect()
}

fn compile(
    m: Merged,
    srcs: &[Src],
    files: Vec<String>,
) -> std::result::Result<Rubric, Diagnostics> {
    let mut cx = Ctx {
        srcs,
        problems: Diagnostics::default(),
        lexicon_names: Vec::new(),
        lexicon_terms: Vec::new(),
    };
    let (header, header_file) = m.header.expect("at least one file was merged");

    // Dimensions and bands.
    let mut weights = Vec::new();
    for (name, (w, file, span)) in &m.dimensions {
        match Dimension::ALL.iter().find(|d| d.as_str() == name) {
            Some(d) if *w >= 0.0 && w.is_finite() => weights.push((*d, *w)),
            Some(_) => cx.err(
                *file,
                span.clone(),
                format!("dimension `{name}` has a negative weight"),
                "use a weight of 0 or more",
            ),
            None => cx.err(
                *file,
                span.clone(),
                format!("unknown dimension `{name}`"),
                &format!(
                    "use one of {}",
                    Dimension::ALL.map(Dimension::as_str).join(", ")
                ),
            ),
        }
    }
    weights.sort_by_key(|(d, _)| *d);
    if weights.is_empty() {
        cx.missing(
            "dimensions",
            "give each scored dimension a weight, e.g. result = 1.5",
        );
    }
    let mut bands: Vec<Band> = m
        .bands
        .iter()
        .map(|b| Band {
            min: b.min,
            name: b.name.clone(),
        })
        .collect();
    bands.sort_by(|a, b| a.min.total_cmp(&b.min));
    if bands.is_empty() {
        cx.missing(
            "band",
            "add [[band]] tables, e.g. min = 0, name = \"needs work\"",
        );
    }

    // Lexicons.
    for (name, (terms, file)) in &m.lexicons {
        if !is_lexicon_name(name) {
            cx.err(
                *file,
                terms.span(),
                format!("lexicon name `{name}` must be lowercase letters, digits and `_`"),
                "rename it, e.g. `hedges` or `kpi_terms`",
            );
        }
        let mut list = Vec::with_capacity(terms.get_ref().len());
        for t in terms.get_ref() {
            let v = t.get_ref().trim();
            let body = v.strip_suffix('*').unwrap_or(v);
            if body.is_empty() || body.contains('*') {
                cx.err(
                    *file,
                    t.span(),
                    format!("lexicon `{name}`: term `{v}` is empty or has `*` inside"),
                    "`*` may only end a term, to match any word ending",
                );
            } else {
                list.push(v.to_lowercase());
            }
        }
        if list.is_empty() {
            cx.err(
                *file,
                terms.span(),
                format!("lexicon `{name}` is empty"),
                "list at least one term, or remove the lexicon",
            );
        }
        cx.lexicon_names.push(name.clone());
        cx.lexicon_terms.push(list);
    }

    // Explicit labels.
    let mut labels = Vec::new();
    for (label, words) in &m.labels {
        for w in words {
            labels.push((w.get_ref().trim().to_lowercase(), *label));
        }
    }
    // Longest first, so "the result" wins over "result".
    labels.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

    // Labelling.
    let l = m.labelling.clone().unwrap_or_default();
    let mut position = [[0.0; 3]; Label::COUNT];
    for (label, w) in &l.position {
        position[*label as usize] = *w;
    }
    let labelling = Labelling {
        min_evidence: l.min_evidence.unwrap_or(0.5),
        stay: l.stay.unwrap_or(0.3),
        forward: l.forward.unwrap_or(0.2),
        skip: l.skip.unwrap_or(0.0),
        backward: l.backward.unwrap_or(-0.5),
        explicit_carry: l.explicit_carry.unwrap_or(1.5),
        secondary_min: l.secondary_min.unwrap_or(f64::INFINITY),
        position,
    };

    // Features.
    let features = match &m.features {
        Some((f, file)) => {
            let mut get = |name: &Option<Spanned<String>>, key: &str| match name {
                Some(n) => cx.lexicon(*file, n, &format!("[features] {key}")),
                None => {
                    cx.missing(
                        &format!("features] {key} = \"...\" [features"),
                        "name the lexicon of this word class",
                    );
                    None
                }
            };
            let ids = [
                get(&f.subject_i, "subject_i"),
                get(&f.subject_we, "subject_we"),
                get(&f.subject_other, "subject_other"),
                get(&f.modal, "modal"),
                get(&f.past_irregular, "past_irregular"),
                get(&f.past_state, "past_state"),
                get(&f.not_verbs, "not_verbs"),
                get(&f.adverbs, "adverbs"),
            ];
            let [a, b, c, d, e, st, g, h] = ids.map(|x| x.unwrap_or(0));
            FeatureLexicons {
                subject_i: a,
                subject_we: b,
                subject_other: c,
                modal: d,
                past_irregular: e,
                past_state: st,
                not_verbs: g,
                adverbs: h,
            }
        }
        None => {
            cx.missing(
                "features",
                "name the lexicons for subjects and verb forms (see rubrics/common.toml)",
            );
            FeatureLexicons {
                subject_i: 0,
                subject_we: 0,
                subject_other: 0,
                modal: 0,
                past_irregular: 0,
                past_state: 0,
                not_verbs: 0,
                adverbs: 0,
            }
        }
    };

    // Cues.
    let mut cues = Vec::with_capacity(m.cues.len());
    for (c, file) in &m.cues {
        let owner = format!("cue `{}`", c.id.get_ref());
        let target = match (c.label, c.episode) {
            (Some(l), None) => Some(CueTarget::Label(l)),
            (None, Some(e)) => Some(CueTarget::Episode(e)),
            _ => {
                cx.err(
                    *file,
                    c.id.span(),
                    format!("{owner} needs exactly one of `label` or `episode`"),
                    "say what the cue is evidence for, e.g. label = \"result\"",
                );
                None
            }
        };
        let matcher = match (&c.pattern, &c.lexicon, &c.feature) {
            (Some(p), None, None) => cx.regex(*file, p, &owner).map(CueMatch::Pattern),
            (None, Some(l), None) => cx.lexicon(*file, l, &owner).map(CueMatch::Lexicon),
            (None, None, Some(f)) => match Feature::parse(f.get_ref()) {
                Some(x) => Some(CueMatch::Feature(x)),
                None => {
                    cx.err(
                        *file,
                        f.span(),
                        format!("{owner}: unknown feature `{}`", f.get_ref()),
                        &format!("use one of {}", Feature::NAMES.join(", ")),
                    );
                    None
                }
            },
            _ => {
                cx.err(
                    *file,
                    c.id.span(),
                    format!("{owner} needs exactly one of `pattern`, `lexicon` or `feature`"),
                    "give the cue one way to find its evidence",
                );
                None
            }
        };
        if let (Some(target), Some(matcher)) = (target, matcher) {
            cues.push(Cue {
                id: c.id.get_ref().clone(),
                target,
                matcher,
                weight: c.weight,
                anchor: c.anchor,
                examples: examples(&c.examples),
                note: c.note.clone(),
                origin: cx.origin(*file, c.id.span()),
            });
        }
    }

    let episode = match &m.episode {
        Some(e) => EpisodeSettings {
            min_evidence: e.min_evidence,
            specific_min_sentences: e.specific_min_sentences,
            dominant_share: e.dominant_share,
        },
        None => {
            cx.missing(
                "episode",
                "set min_evidence, specific_min_sentences and dominant_share",
            );
            EpisodeSettings {
                min_evidence: 1.0,
                specific_min_sentences: 2,
                dominant_share: 0.5,
            }
        }
    };
    let metrics = match &m.metrics {
        Some((x, file)) => MetricSettings {
            kpi: cx
                .lexicon(*file, &x.kpi_lexicon, "[metrics] kpi_lexicon")
                .unwrap_or(0),
            kinds: x.kinds.clone(),
            ignore: x
                .ignore
                .iter()
                .filter_map(|p| cx.regex(*file, p, "[metrics] ignore"))
                .collect(),
            min_count: x.min_count.unwrap_or(0.0),
        },
        None => {
            cx.missing(
                "metrics",
                "name the KPI lexicon and the quantity kinds that count as metrics",
            );
            MetricSettings {
                kpi: 0,
                kinds: Vec::new(),
                ignore: Vec::new(),
                min_count: 0.0,
            }
        }
    };
    let language = m.language.as_ref().map(|(l, file)| LanguageCheck {
        lexicon: cx
            .lexicon(*file, &l.lexicon, "[language] lexicon")
            .unwrap_or(0),
        min_share: l.min_share,
        min_words: l.min_words,
        message: l.message.trim().to_string(),
        suggestion: l.suggestion.trim().to_string(),
    });
    let scoring = m.scoring.as_ref().map_or(
        Scoring {
            full_words: 0.0,
            floor: 1.0,
        },
        |x| Scoring {
            full_words: x.full_words,
            floor: x.floor,
        },
    );
    let delivery = match &m.delivery {
        Some(d) => Delivery {
            words_per_minute: d.words_per_minute.max(1.0),
            target_seconds: d.target_seconds,
        },
        None => {
            cx.missing("delivery", "set words_per_minute and target_seconds");
            Delivery {
                words_per_minute: 150.0,
                target_seconds: [60.0, 120.0],
            }
        }
    };
    let feedback = match &m.feedback {
        Some(f) => FeedbackSettings {
            max_fixes: f.max_fixes,
            max_strengths: f.max_strengths,
            strength_min: f.strength_min,
            no_strength: f.no_strength.clone().unwrap_or_default(),
            well_done: f.well_done.clone().unwrap_or_default(),
        },
        None => {
            cx.missing("feedback", "set max_fixes, max_strengths and strength_min");
            FeedbackSettings {
                max_fixes: 3,
                max_strengths: 2,
                strength_min: 80.0,
                no_strength: String::new(),
                well_done: String::new(),
            }
        }
    };
    let follow_ups = m
        .follow_ups
        .iter()
        .map(|f| (f.dimension, f.text.clone()))
        .collect();

    // Rules.
    let mut rules = Vec::with_capacity(m.rules.len());
    for (r, file) in &m.rules {
        if let Some(rule) = compile_rule(&mut cx, r, *file, &weights) {
            rules.push(rule);
        }
    }

    let matcher = PhraseMatcher::new(&cx.lexicon_terms);
    let rubric = Rubric {
        id: header.id.get_ref().clone(),
        title: header.title.clone(),
        description: header.description.clone(),
        kinds: header.kinds.clone(),
        origin: srcs[0].name.clone(),
        extends: header.extends.as_ref().map(|e| e.get_ref().clone()),
        weights,
        bands,
        lexicon_names: cx.lexicon_names,
        lexicon_terms: cx.lexicon_terms,
        matcher,
        labels,
        labelling,
        features,
        cues,
        episode,
        metrics,
        language,
        scoring,
        delivery,
        feedback,
        follow_ups,
        rules,
        files,
    };
    let _ = header_file;
    cx.problems.into_result(rubric)
}

fn compile_rule(
    cx: &mut Ctx<'_>,
    r: &RawRule,
    file: usize,
    weights: &[(Dimension, f64)],
) -> Option<Rule> {
    let id = r.id.get_ref().clone();
    let owner = format!("rule `{id}`");
    let span = r.id.span();
    if !is_rule_id(&id) {
        cx.err(
            file,
            span.clone(),
            format!("rule id `{id}` should be lowercase words joined by `.` or `-`"),
            "e.g. `result.missing` or `delivery.filler`",
        );
    }
    if !weights.iter().any(|(d, _)| *d == r.dimension) {
        cx.err(
            file,
            span.clone(),
            format!("{owner} feeds `{}`, which has no weight under [dimensions]", r.dimension),
            "add the dimension to [dimensions] (weight 0 shows it without counting it) or pick another",
        );
    }
    let effect = match (r.points, r.penalty) {
        (Some(points), None) => Effect::Credit {
            points,
            min: r.min.unwrap_or(1.0),
            max: r.max,
        },
        (None, Some(penalty)) => Effect::Penalty {
            penalty,
            max: r.max.unwrap_or(0.0),
            cap: r.cap.unwrap_or(f64::INFINITY),
        },
        _ => {
            cx.err(file, span.clone(), format!("{owner} needs exactly one of `points` (credit) or `penalty`"), "credit rules earn `points` when `min` is reached; penalty rules cost `penalty` per unit above `max`");
            return None;
        }
    };
    if let Effect::Credit { min, .. } = effect {
        if min <= 0.0 {
            cx.err(
                file,
                span.clone(),
                format!("{owner}: `min` must be above 0 for a credit rule"),
                "use e.g. min = 1",
            );
        }
    }
    let anchor = match r.anchor.as_ref().map(|a| a.get_ref().as_str()) {
        None | Some("last") => Anchor::Last,
        Some("first") => Anchor::First,
        Some(other) => {
            let a = r.anchor.as_ref().unwrap();
            cx.err(
                file,
                a.span(),
                format!("{owner}: unknown anchor `{other}`"),
                "use \"first\" or \"last\"",
            );
            Anchor::Last
        }
    };
    let need = |cx: &mut Ctx<'_>, what: &str| {
        cx.err(
            file,
            span.clone(),
            format!("{owner} ({}) needs `{what}`", r.kind.as_str()),
            "see docs/rubrics.md for the fields of each rule kind",
        );
    };
    let lex_list = |cx: &mut Ctx<'_>, names: &[&Spanned<String>]| -> Vec<LexiconId> {
        names
            .iter()
            .filter_map(|n| cx.lexicon(file, n, &owner))
            .collect()
    };
    let unless = r.unless.as_ref().and_then(|p| cx.regex(file, p, &owner));
    let spec = match r.kind {
        RuleKind::Phrase => {
            let mut names: Vec<&Spanned<String>> = r.lexicons.iter().collect();
            names.extend(r.lexicon.as_ref());
            if names.is_empty() {
                need(cx, "lexicon");
                return None;
            }
            Spec::Phrase {
                lexicons: lex_list(cx, &names),
                unless,
                per_words: r.per_words,
            }
        }
        RuleKind::Pattern => {
            let Some(p) = &r.pattern else {
                need(cx, "pattern");
                return None;
            };
            Spec::Pattern {
                regex: cx.regex(file, p, &owner)?,
                unless,
                per_words: r.per_words,
            }
        }
        RuleKind::Component => {
            let Some(label) = r.component else {
                need(cx, "component");
                return None;
            };
            let measure = match r.measure.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("sentences") => ComponentMeasure::Sentences,
                Some("weighted") => ComponentMeasure::Weighted,
                Some("share") => ComponentMeasure::Share,
                Some(other) => {
                    cx.err(
                        file,
                        r.measure.as_ref().unwrap().span(),
                        format!("{owner}: unknown measure `{other}`"),
                        "use \"sentences\", \"weighted\" or \"share\"",
                    );
                    ComponentMeasure::Sentences
                }
            };
            Spec::Component { label, measure }
        }
        RuleKind::Order => Spec::Order,
        RuleKind::Metric => Spec::Metric,
        RuleKind::Ratio => {
            let (Some(n), Some(d)) = (&r.numerator, &r.denominator) else {
                need(cx, "numerator` and `denominator");
                return None;
            };
            let side =
                |cx: &mut Ctx<'_>, name: &Spanned<String>| match Feature::parse(name.get_ref()) {
                    Some(f @ Feature::Clause(..)) => Counted::Features(vec![f]),
                    _ => Counted::Lexicons(lex_list(cx, &[name])),
                };
            Spec::Ratio {
                numerator: side(cx, n),
                denominator: side(cx, d),
            }
        }
        RuleKind::Length => {
            let measure = match r.measure.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("seconds") => LengthMeasure::Seconds,
                Some("words") => LengthMeasure::Words,
                Some("sentence") => LengthMeasure::LongestSentence,
                Some(other) => {
                    cx.err(
                        file,
                        r.measure.as_ref().unwrap().span(),
                        format!("{owner}: unknown measure `{other}`"),
                        "use \"seconds\", \"words\" or \"sentence\"",
                    );
                    LengthMeasure::Seconds
                }
            };
            Spec::Length { measure }
        }
        RuleKind::Coverage => Spec::Coverage,
        RuleKind::Episode => {
            if r.episodes.is_empty() {
                need(cx, "episodes");
                return None;
            }
            let sentences = match r.measure.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("answer") => false,
                Some("sentences") => true,
                Some(other) => {
                    cx.err(
                        file,
                        r.measure.as_ref().unwrap().span(),
                        format!("{owner}: unknown measure `{other}`"),
                        "use \"answer\" or \"sentences\"",
                    );
                    false
                }
            };
            Spec::Episode {
                episodes: r.episodes.clone(),
                sentences,
            }
        }
        RuleKind::Clause => {
            if r.features.is_empty() {
                need(cx, "features");
                return None;
            }
            let mut features = Vec::new();
            for f in &r.features {
                match Feature::parse(f.get_ref()) {
                    Some(Feature::Clause(s, t)) => features.push(Feature::Clause(s, t)),
                    _ => cx.err(
                        file,
                        f.span(),
                        format!("{owner}: `{}` is not a clause feature", f.get_ref()),
                        "use one of i_past, i_present, i_modal, i_state, we_..., other_...",
                    ),
                }
            }
            Spec::Clause { features }
        }
        RuleKind::Detail => Spec::Detail {
            lexicon: r.lexicon.as_ref().and_then(|l| cx.lexicon(file, l, &owner)),
            determiners: r
                .determiners
                .as_ref()
                .and_then(|l| cx.lexicon(file, l, &owner)),
            generic: r.generic.as_ref().and_then(|l| cx.lexicon(file, l, &owner)),
            stopwords: r
                .stopwords
                .as_ref()
                .and_then(|l| cx.lexicon(file, l, &owner)),
            per_words: r.per_words,
        },
        RuleKind::Repetition => Spec::Repetition {
            min_repeats: r.min_repeats.unwrap_or(3).max(2),
            stopwords: r
                .stopwords
                .as_ref()
                .and_then(|l| cx.lexicon(file, l, &owner)),
        },
    };
    for (what, text) in [("message", &r.message), ("suggestion", &r.suggestion)] {
        if text.trim().is_empty() {
            cx.err(
                file,
                span.clone(),
                format!("{owner} has an empty {what}"),
                "say it in a sentence the candidate will read",
            );
        }
    }
    Some(Rule {
        id,
        kind: r.kind,
        dimension: r.dimension,
        severity: r.severity,
        effect,
        applies_from: r.applies_from,
        min_answer_words: r.min_answer_words,
        priority: r.priority.unwrap_or(0),
        message: r.message.trim().to_string(),
        partial_message: r.partial_message.as_ref().map(|m| m.trim().to_string()),
        partial_suggestion: r.partial_suggestion.as_ref().map(|m| m.trim().to_string()),
        suggestion: r.suggestion.trim().to_string(),
        praise: r.praise.as_ref().map(|p| p.trim().to_string()),
        scope: r.scope.clone(),
        anchor,
        spec,
        examples: examples(&r.examples),
        note: r.note.clone(),
        origin: cx.origin(file, span),
    })
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

/// The embedded rubrics (all but bases, which are only extended) plus user files.
pub(super) fn load_set(extra: &[PathBuf]) -> Result<RubricSet> {
    let mut problems = Diagnostics::default();
    let mut rubrics = Vec::new();
    for (path, text) in crate::embedded::RUBRICS {
        match parse_rubric(&crate::embedded::origin(path), text) {
            Ok(r) if !r.kinds.is_empty() => rubrics.push(r),
            Ok(_) => {}
            Err(d) => problems.extend(d),
        }
    }
    for p in extra {
        match load_rubric_file(p) {
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
                    rubrics.push(r);
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
    Ok(RubricSet { rubrics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_lexicon_references() {
        let names = vec!["modal".to_string()];
        let terms = vec![vec![
            "would".to_string(),
            "i'd".to_string(),
            "go*".to_string(),
        ]];
        let got = expand_lexicons(r"\bI {modal}\b x{2} \{lit\}", &names, &terms).unwrap();
        assert_eq!(got, r"\bI (?:would|i['’]d|go\w*)\b x{2} \{lit\}");
        assert_eq!(
            expand_lexicons("{nope}", &names, &terms),
            Err("nope".to_string())
        );
    }
}
