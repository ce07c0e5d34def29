//! Compiling one `[[rule]]`: its effect, anchor and kind-specific fields.

use super::context::Ctx;
use super::sections::examples;
use super::*;

/// Where `key = value` is written in the `[[rule]]` table holding `id_span`: the value's
/// span, so a problem with a number points at its own line rather than at the rule's `id`.
/// `None` when the table does not write the key itself (it comes from elsewhere).
fn field_span(
    cx: &Ctx<'_>,
    file: usize,
    id_span: &std::ops::Range<usize>,
    key: &str,
) -> Option<std::ops::Range<usize>> {
    let text = &cx.srcs[file].text;
    let start = text[..id_span.start.min(text.len())]
        .rfind("[[")
        .unwrap_or(0);
    let end = text[id_span.end.min(text.len())..]
        .find("\n[")
        .map_or(text.len(), |i| id_span.end + i);
    let mut at = start;
    for line in text[start..end].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(after) = trimmed.strip_prefix(key) {
            if let Some(value) = after.trim_start().strip_prefix('=') {
                let value_at = at + line.len() - value.len();
                let written = value.split('#').next().unwrap_or("").trim_end();
                let lead = written.len() - written.trim_start().len();
                let v_start = value_at + lead;
                return Some(v_start..v_start + written.trim_start().len().max(1));
            }
        }
        at += line.len();
    }
    None
}

/// Every number of a rule: finite and in range. Points a rule that earns points is worth must
/// be above 0 (a dimension with negative possible points cannot be scored); a penalty and its
/// cap are 0 or more. Each problem points at the number's own line.
fn check_numbers(cx: &mut Ctx<'_>, r: &RawRule, file: usize, owner: &str) {
    let id_span = r.id.span();
    let at =
        |cx: &Ctx<'_>, key: &str| field_span(cx, file, &id_span, key).or(Some(id_span.clone()));
    if let Some(p) = r.points {
        let what = format!("{owner}: `points`");
        let span = at(cx, "points");
        if cx.number(file, span.clone(), &what, p, (0.0, 1000.0)) && p == 0.0 {
            cx.err(
                file,
                span.unwrap_or(id_span.clone()),
                format!("{owner}: `points = 0` makes the rule worth nothing"),
                "use points above 0 (e.g. 50), or remove the rule",
            );
        }
    }
    let limits = [
        ("penalty", r.penalty, (0.0, 1000.0)),
        ("cap", r.cap, (0.0, 1000.0)),
        ("min", r.min, (-1e9, 1e9)),
        ("max", r.max, (-1e9, 1e9)),
        ("applies_from", r.applies_from, (-1e9, 1e9)),
        ("per_words", r.per_words, (1.0, 100_000.0)),
    ];
    for (key, value, range) in limits {
        if let Some(v) = value {
            let span = at(cx, key);
            cx.number(file, span, &format!("{owner}: `{key}`"), v, range);
        }
    }
}

pub(super) fn compile_rule(
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
            cx.err(file, span.clone(), format!("{owner} needs exactly one of `points` (what it gives) or `penalty` (what it takes off)"), "a rule with `points` gives them when the answer has `min` of what it looks for; a rule with `penalty` takes that much off for each one above `max`");
            return None;
        }
    };
    check_numbers(cx, r, file, &owner);
    if let Effect::Credit { min, .. } = effect {
        if min <= 0.0 {
            let at = field_span(cx, file, &span, "min").unwrap_or(span.clone());
            cx.err(
                file,
                at,
                format!(
                    "{owner}: `min = {}` would give the rule's points to every answer, even one that has none of what it looks for",
                    trim_number(min)
                ),
                "`min` is how much of it an answer needs for the full points: use a number above 0 (e.g. min = 1)",
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
    if let Some(c) = r.ceiling.filter(|c| !(0.0..=100.0).contains(c)) {
        cx.err(
            file,
            field_span(cx, file, &span, "ceiling").unwrap_or(span.clone()),
            format!("{owner}: `ceiling = {c}` is not an overall score"),
            "give the highest overall score (0 to 100) an answer with this finding may get",
        );
    }
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
                Some("steps") => ComponentMeasure::Steps,
                Some(other) => {
                    cx.err(
                        file,
                        r.measure.as_ref().unwrap().span(),
                        format!("{owner}: unknown measure `{other}`"),
                        "use \"sentences\", \"weighted\", \"share\" or \"steps\"",
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
        RuleKind::Topic => Spec::Topic {
            stopwords: r
                .stopwords
                .as_ref()
                .and_then(|l| cx.lexicon(file, l, &owner)),
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
        ceiling: r.ceiling,
        supersedes: r.supersedes.clone(),
        praise_needs: r.praise_needs.iter().map(|p| p.get_ref().clone()).collect(),
        met_by_episode: r.met_by_episode.clone(),
        message: r.message.trim().to_string(),
        partial_message: r.partial_message.as_ref().map(|m| m.trim().to_string()),
        partial_suggestion: r.partial_suggestion.as_ref().map(|m| m.trim().to_string()),
        suggestion: r.suggestion.trim().to_string(),
        praise: r.praise.as_ref().map(|p| p.trim().to_string()),
        scope: r.scope.clone(),
        outside_quotes: r.outside_quotes || r.dimension == Dimension::Delivery,
        anchor,
        spec,
        examples: examples(&r.examples),
        note: r.note.clone(),
        origin: cx.origin(file, span),
    })
}

/// A number as written in TOML: `0`, not `0.0`; `-0.5` as is.
fn trim_number(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}
