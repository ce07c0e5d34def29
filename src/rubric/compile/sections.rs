//! Compiling a merged rubric, section by section: dimensions, bands, lexicons, labels,
//! features, cues, episode, metrics, language, scoring, delivery, feedback and rules.

use super::context::Ctx;
use super::context::expand_lexicons;
use super::merge::Merged;
use super::numbers::{WEIGHTS, check_numbers};
use super::rules::compile_rule;
use super::*;

pub(super) fn examples(raw: &[RawExample]) -> Vec<RuleExample> {
    raw.iter()
        .map(|e| RuleExample {
            text: e.text.clone(),
            hits: e.hits,
            fires: e.fires,
            areas: e.areas.clone(),
        })
        .collect()
}

pub(super) fn compile(
    m: Merged,
    srcs: &[Src],
    files: Vec<String>,
) -> std::result::Result<Rubric, Diagnostics> {
    let mut cx = Ctx {
        srcs,
        problems: Diagnostics::default(),
        lexicon_names: Vec::new(),
        lexicon_terms: Vec::new(),
        line_starts: vec![std::cell::OnceCell::new(); srcs.len()],
    };
    check_numbers(&mut cx, &m);
    let (header, header_file) = m.header.expect("at least one file was merged");
    if header.kinds.as_ref().is_some_and(Vec::is_empty) {
        cx.err(
            header_file,
            header.id.span(),
            "`kinds = []` names no kind of question, so this rubric would score nothing".into(),
            "list the kinds it scores, e.g. kinds = [\"behavioral\"]; a base rubric that others only extend leaves `kinds` out",
        );
    }

    // Dimensions and bands.
    let mut weights = Vec::new();
    for (name, (w, file, span)) in &m.dimensions {
        match Dimension::ALL.iter().find(|d| d.as_str() == name) {
            Some(d) => {
                let what = format!("dimension weight `{name}`");
                // A bad weight is reported once: the dimension stays, so its rules do not
                // also say it has no weight.
                let ok = cx.number(*file, Some(span.clone()), &what, *w, WEIGHTS);
                weights.push((*d, if ok { *w } else { 1.0 }));
            }
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
    } else if weights.iter().all(|(_, w)| *w == 0.0) {
        cx.problems.push(
            Diagnostic::file(
                &srcs[0].name,
                "every dimension weight is 0, so no answer could score above 0",
            )
            .with_help("give at least one dimension a weight above 0, e.g. result = 1.5"),
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
        own_evidence: l.own_evidence.clone().unwrap_or_default(),
        unearned_share: l.unearned_share.unwrap_or(0.0),
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
            let mut optional = |name: &Option<Spanned<String>>, key: &str| {
                name.as_ref()
                    .and_then(|n| cx.lexicon(*file, n, &format!("[features] {key}")))
            };
            let joins = optional(&f.joins, "joins");
            let breaks = optional(&f.breaks, "breaks");
            let reports = optional(&f.reports, "reports");
            FeatureLexicons {
                joins,
                breaks,
                reports,
                perfect: optional(&f.perfect, "perfect"),
                past_participle: optional(&f.past_participle, "past_participle"),
                hindsight: optional(&f.hindsight, "hindsight"),
                determiners: optional(&f.determiners, "determiners"),
                subordinators: optional(&f.subordinators, "subordinators"),
                purpose: optional(&f.purpose, "purpose"),
                conditions: optional(&f.conditions, "conditions"),
                background: optional(&f.background, "background"),
                obligation: optional(&f.obligation, "obligation"),
                ability: optional(&f.ability, "ability"),
                attempt: optional(&f.attempt, "attempt"),
                choice: optional(&f.choice, "choice"),
                do_support: optional(&f.do_support, "do_support"),
                listener_request: optional(&f.listener_request, "listener_request"),
                not_breaks: optional(&f.not_breaks, "not_breaks"),
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
                joins: None,
                breaks: None,
                reports: None,
                perfect: None,
                past_participle: None,
                hindsight: None,
                determiners: None,
                subordinators: None,
                purpose: None,
                conditions: None,
                background: None,
                obligation: None,
                ability: None,
                attempt: None,
                choice: None,
                do_support: None,
                listener_request: None,
                not_breaks: None,
            }
        }
    };

    // Every pattern of the rubric, compiled up front on two threads; the sections below find
    // them compiled (and report the invalid ones).
    let sources: Vec<String> = m
        .cues
        .iter()
        .filter_map(|(c, _)| c.pattern.as_ref())
        .chain(
            m.rules
                .iter()
                .flat_map(|(r, _)| r.pattern.iter().chain(r.unless.iter())),
        )
        .chain(m.metrics.iter().flat_map(|(x, _)| x.ignore.iter()))
        .chain(
            m.metrics
                .iter()
                .flat_map(|(x, _)| x.roles.iter().map(|r| &r.pattern)),
        )
        .filter_map(|p| expand_lexicons(p.get_ref(), &cx.lexicon_names, &cx.lexicon_terms).ok())
        .collect();
    // The lexicons' matcher is built meanwhile, on whichever thread is free first.
    let lexicon_terms = &cx.lexicon_terms;
    let matcher = Pattern::prepare_with(&sources, || PhraseMatcher::new(lexicon_terms));

    let cues = super::cues::compile_cues(&mut cx, &m.cues);

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
            roles: x
                .roles
                .iter()
                .filter_map(|r| {
                    let pattern = cx.regex(*file, &r.pattern, "[[metrics.role]] pattern")?;
                    Some(RolePattern {
                        role: *r.role.get_ref(),
                        pattern,
                        examples: examples(&r.examples),
                        origin: cx.origin(*file, r.pattern.span()),
                    })
                })
                .collect(),
            target_words: x
                .target_words
                .as_ref()
                .and_then(|n| cx.lexicon(*file, n, "[metrics] target_words")),
            tenure_verbs: x
                .tenure_verbs
                .as_ref()
                .and_then(|n| cx.lexicon(*file, n, "[metrics] tenure_verbs")),
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
                roles: Vec::new(),
                target_words: None,
                tenure_verbs: None,
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
            praise_evidence: f.praise_evidence.unwrap_or(1.5),
            no_strength: f.no_strength.clone().unwrap_or_default(),
            well_done: f.well_done.clone().unwrap_or_default(),
        },
        None => {
            cx.missing("feedback", "set max_fixes, max_strengths and strength_min");
            FeedbackSettings {
                max_fixes: 3,
                max_strengths: 2,
                strength_min: 80.0,
                praise_evidence: 1.5,
                no_strength: String::new(),
                well_done: String::new(),
            }
        }
    };
    let follow_ups = m
        .follow_ups
        .iter()
        .map(|f| super::super::GenericFollowUp {
            dimension: f.dimension,
            rule: f.rule.clone(),
            episodes: f.episodes.clone(),
            text: f.text.clone(),
        })
        .collect();

    // Rules.
    let mut rules = Vec::with_capacity(m.rules.len());
    for (r, file) in &m.rules {
        if let Some(rule) = compile_rule(&mut cx, r, *file, &weights) {
            rules.push(rule);
        }
    }
    check_rule_references(&mut cx, &m.rules, &m.follow_ups, &srcs[0].name);

    let rubric = Rubric {
        id: header.id.get_ref().clone(),
        title: header.title.clone(),
        description: header.description.clone(),
        kinds: header.kinds.clone().unwrap_or_default(),
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
        level: None,
        lexicons_hash: std::sync::OnceLock::new(),
    };
    let _ = header_file;
    cx.problems.into_result(rubric)
}

/// Every `praise_needs` and `[[follow_up]] rule` names a rule of the rubric (or its bases).
fn check_rule_references(
    cx: &mut Ctx<'_>,
    rules: &[(RawRule, usize)],
    follow_ups: &[schema::RawFollowUp],
    top: &str,
) {
    let ids: Vec<&str> = rules.iter().map(|(r, _)| r.id.get_ref().as_str()).collect();
    let help = |name: &str| match crate::suggest::closest(name, ids.iter().copied(), 1).first() {
        Some(n) => format!("did you mean `{n}`?"),
        None => "name a rule id of this rubric or its bases".to_string(),
    };
    for (r, file) in rules {
        for need in r
            .praise_needs
            .iter()
            .filter(|n| !ids.contains(&n.get_ref().as_str()))
        {
            let msg = format!(
                "rule `{}`: `praise_needs` names `{}`, which is no rule here",
                r.id.get_ref(),
                need.get_ref()
            );
            cx.err(*file, need.span(), msg, &help(need.get_ref()));
        }
    }
    for rule in follow_ups.iter().filter_map(|f| f.rule.as_deref()) {
        if !ids.contains(&rule) {
            let msg = format!("[[follow_up]] `rule = \"{rule}\"` names no rule here");
            cx.problems
                .push(Diagnostic::file(top.to_string(), msg).with_help(help(rule)));
        }
    }
}
