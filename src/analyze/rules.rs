//! Evaluating rubric rules: each rule measures one number from the analyzed answer, with the
//! spans that back it, and turns it into points, a finding or a strength.

use std::collections::HashMap;
use std::ops::Range;

use super::{AreaCoverage, Document, Episode, Finding, Label, Metric, Quantity, Strength};
use crate::bank::Area;
use crate::prose::{format_minutes, shorten};
use crate::rubric::{
    Anchor, ComponentMeasure, Counted, Effect, LengthMeasure, PhraseMatcher, Rubric, Rule, Spec,
};

/// Everything the rules can look at.
pub struct Facts<'a> {
    pub doc: &'a Document<'a>,
    pub rubric: &'a Rubric,
    pub labels: &'a [Label],
    /// Secondary parts per sentence.
    pub also: &'a [Vec<Label>],
    /// Whether each sentence's label rests on its own cues (see `star::Labelled::backed`).
    pub backed: &'a [bool],
    pub metrics: &'a [Metric],
    pub quantities: &'a [Quantity],
    pub feats: &'a [super::features::SentenceFeatures],
    pub episode: &'a super::episode::EpisodeResult,
    pub coverage: &'a [AreaCoverage],
}

/// What one rule found.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub rule: usize,
    pub measure: f64,
    pub hits: Vec<Range<usize>>,
    /// Points earned (credit) or lost (penalty, negative).
    pub points: f64,
    /// Points that could be earned (0 for penalties).
    pub possible: f64,
    pub finding: Option<Finding>,
    pub strength: Option<Strength>,
}

/// Measures every rule of the rubric; rules that do not apply (a ratio with nothing to count,
/// coverage without areas) are left out.
pub fn evaluate_all(f: &Facts<'_>) -> Vec<Evaluated> {
    f.rubric
        .rules
        .iter()
        .enumerate()
        .filter_map(|(i, r)| evaluate(f, i, r, f.coverage))
        .collect()
}

fn in_scope(f: &Facts<'_>, rule: &Rule, si: usize) -> bool {
    rule.scope.is_empty() || f.labels.get(si).is_some_and(|l| rule.scope.contains(l))
}

fn scoped_words(f: &Facts<'_>, rule: &Rule) -> usize {
    (0..f.doc.sentences.len())
        .filter(|&si| in_scope(f, rule, si))
        .map(|si| f.doc.words_in(si))
        .sum()
}

fn keep_hit(
    f: &Facts<'_>,
    rule: &Rule,
    unless: &Option<regex::Regex>,
    unless_spans: &[Range<usize>],
    h: &Range<usize>,
) -> bool {
    in_scope(f, rule, f.doc.sentence_of(h.start))
        && (unless.is_none() || !inside_any(unless_spans, h))
}

/// Whether `h` lies inside one of `spans` (sorted by start, as regex matches are).
fn inside_any(spans: &[Range<usize>], h: &Range<usize>) -> bool {
    let i = spans.partition_point(|u| u.start <= h.start);
    spans[..i]
        .iter()
        .rev()
        .take(4)
        .any(|u| u.start <= h.start && h.end <= u.end)
}

fn per_words(measure: f64, per: Option<f64>, words: usize) -> f64 {
    match per {
        Some(p) if words > 0 => measure * p / words as f64,
        Some(_) => 0.0,
        None => measure,
    }
}

fn evaluate(
    f: &Facts<'_>,
    index: usize,
    rule: &Rule,
    coverage: &[AreaCoverage],
) -> Option<Evaluated> {
    let doc = f.doc;
    let n = doc.sentences.len();
    let sentence_spans = |pred: &dyn Fn(usize) -> bool| -> Vec<Range<usize>> {
        (0..n)
            .filter(|&si| pred(si))
            .map(|si| doc.sentences[si].span.clone())
            .collect()
    };
    let (measure, hits): (f64, Vec<Range<usize>>) = match &rule.spec {
        Spec::Phrase {
            lexicons,
            unless,
            per_words: per,
        } => {
            let unless_spans: Vec<Range<usize>> = unless
                .as_ref()
                .map(|re| re.find_iter(doc.text).map(|m| m.range()).collect())
                .unwrap_or_default();
            let mut hits: Vec<Range<usize>> = lexicons
                .iter()
                .flat_map(|&l| doc.hits[l].iter().cloned())
                .filter(|h| keep_hit(f, rule, unless, &unless_spans, h))
                .collect();
            hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
            hits.dedup_by(|b, a| b.start < a.end);
            (
                per_words(hits.len() as f64, *per, scoped_words(f, rule)),
                hits,
            )
        }
        Spec::Pattern {
            regex,
            unless,
            per_words: per,
        } => {
            let unless_spans: Vec<Range<usize>> = unless
                .as_ref()
                .map(|re| re.find_iter(doc.text).map(|m| m.range()).collect())
                .unwrap_or_default();
            let hits: Vec<Range<usize>> = regex
                .find_iter(doc.text)
                .map(|m| m.range())
                .filter(|h| !h.is_empty() && keep_hit(f, rule, unless, &unless_spans, h))
                .collect();
            (
                per_words(hits.len() as f64, *per, scoped_words(f, rule)),
                hits,
            )
        }
        Spec::Component { label, measure } => {
            let has = |si: usize| f.labels[si] == *label || f.also[si].contains(label);
            // Sentences that show the part by their own words come first (quotes use them).
            let mut order: Vec<usize> = (0..n).filter(|&si| has(si)).collect();
            // Best first: the part is the sentence's own label and its words show it; then a
            // second part its words show; then sentences that only inherit the label.
            order.sort_by_key(|&si| {
                if f.labels[si] == *label && f.backed[si] {
                    0
                } else if f.also[si].contains(label) {
                    1
                } else {
                    2
                }
            });
            let hits: Vec<Range<usize>> = order
                .iter()
                .map(|&si| doc.sentences[si].span.clone())
                .collect();
            let measure = match measure {
                ComponentMeasure::Share => {
                    let total = doc.word_count();
                    if total == 0 {
                        return None;
                    }
                    let words: usize = (0..n)
                        .filter(|&si| f.labels[si] == *label)
                        .map(|si| doc.words_in(si))
                        .sum();
                    words as f64 / total as f64
                }
                ComponentMeasure::Sentences => hits.len() as f64,
                ComponentMeasure::Weighted => (0..n)
                    .filter(|&si| has(si))
                    .map(|si| {
                        if f.backed[si] || f.also[si].contains(label) {
                            1.0
                        } else {
                            0.5
                        }
                    })
                    .sum(),
            };
            (measure, hits)
        }
        Spec::Order => {
            let mut prev: Option<Label> = None;
            let mut hits = Vec::new();
            for (si, &l) in f.labels.iter().enumerate() {
                if l == Label::Other {
                    continue;
                }
                if let Some(p) = prev {
                    if (p as usize) >= (l as usize) + 2 {
                        hits.push(doc.sentences[si].span.clone());
                    }
                }
                prev = Some(l);
            }
            (hits.len() as f64, hits)
        }
        Spec::Metric => {
            let hits: Vec<Range<usize>> = f
                .metrics
                .iter()
                .filter(|m| in_scope(f, rule, m.sentence))
                .map(|m| m.span.clone())
                .collect();
            (hits.len() as f64, hits)
        }
        Spec::Ratio {
            numerator,
            denominator,
        } => {
            let count = |side: &Counted| -> Vec<Range<usize>> {
                match side {
                    Counted::Lexicons(lexes) => lexes
                        .iter()
                        .flat_map(|&l| doc.hits[l].iter().cloned())
                        .filter(|h| in_scope(f, rule, doc.sentence_of(h.start)))
                        .collect(),
                    Counted::Features(feats) => clause_hits(f, rule, feats),
                }
            };
            let num = count(numerator);
            let den = count(denominator);
            if num.len() + den.len() == 0 {
                return None;
            }
            (num.len() as f64 / (num.len() + den.len()) as f64, num)
        }
        Spec::Length { measure } => {
            let w = doc.word_count() as f64;
            match measure {
                LengthMeasure::Words => (w, Vec::new()),
                LengthMeasure::Seconds => {
                    (w / f.rubric.delivery.words_per_minute * 60.0, Vec::new())
                }
                LengthMeasure::LongestSentence => {
                    match (0..n).max_by_key(|&si| (doc.words_in(si), std::cmp::Reverse(si))) {
                        Some(si) => (
                            doc.words_in(si) as f64,
                            vec![doc.sentences[si].span.clone()],
                        ),
                        None => (0.0, Vec::new()),
                    }
                }
            }
        }
        Spec::Coverage => {
            if coverage.is_empty() {
                return None;
            }
            let covered = coverage.iter().filter(|a| a.covered).count();
            (
                covered as f64 / coverage.len() as f64,
                coverage.iter().filter_map(|a| a.evidence.clone()).collect(),
            )
        }
        Spec::Episode {
            episodes,
            sentences,
        } => {
            let of_type = |si: usize| {
                f.episode
                    .sentences
                    .get(si)
                    .copied()
                    .flatten()
                    .is_some_and(|e| {
                        episodes.contains(&e) && (e != Episode::Specific || f.episode.anchored)
                    })
            };
            if *sentences {
                let hits = sentence_spans(&|si| of_type(si) && in_scope(f, rule, si));
                (hits.len() as f64, hits)
            } else {
                let on = episodes.contains(&f.episode.episode);
                let hits = if on {
                    sentence_spans(&|si| {
                        f.episode.sentences.get(si).copied().flatten() == Some(f.episode.episode)
                    })
                } else {
                    Vec::new()
                };
                (on as u8 as f64, hits)
            }
        }
        Spec::Clause { features } => {
            let hits = clause_hits(f, rule, features);
            (hits.len() as f64, hits)
        }
        Spec::Detail {
            lexicon,
            determiners,
            generic,
            stopwords,
            per_words: per,
        } => {
            let mut hits = details(f, *lexicon, *determiners, *generic, *stopwords);
            hits.retain(|h| in_scope(f, rule, doc.sentence_of(h.start)));
            (
                per_words(hits.len() as f64, *per, scoped_words(f, rule)),
                hits,
            )
        }
        Spec::Repetition {
            min_repeats,
            stopwords,
        } => repetition(f, rule, *min_repeats, *stopwords),
    };
    if !measure.is_finite() || rule.applies_from.is_some_and(|from| measure < from) {
        return None;
    }

    let (points, possible, falls_short) = match rule.effect {
        Effect::Credit { points, min, max } => {
            let mut frac = if measure >= min {
                1.0
            } else {
                (measure / min).max(0.0)
            };
            if let Some(max) = max {
                if measure > max && measure > 0.0 {
                    frac *= max / measure;
                }
            }
            (points * frac, points, frac < 0.999)
        }
        Effect::Penalty { penalty, max, cap } => {
            let loss = ((measure - max).max(0.0) * penalty).min(cap);
            (-loss, 0.0, loss > 0.0)
        }
    };
    let vars = Vars {
        measure,
        words: doc.word_count(),
        seconds: doc.word_count() as f64 / f.rubric.delivery.words_per_minute * 60.0,
        rule,
        hits: &hits,
        doc,
        coverage,
        episode: f.episode.episode,
    };
    let anchor_span = || -> Range<usize> {
        if n == 0 {
            return 0..0;
        }
        match rule.spec {
            Spec::Length { measure } if measure != LengthMeasure::LongestSentence => {
                doc.sentences[0].span.start..doc.sentences[n - 1].span.end
            }
            Spec::Coverage => doc.sentences[0].span.start..doc.sentences[n - 1].span.end,
            _ => match rule.anchor {
                Anchor::First => doc.sentences[0].span.clone(),
                Anchor::Last => doc.sentences[n - 1].span.clone(),
            },
        }
    };
    let partial = matches!(rule.effect, Effect::Credit { .. }) && measure > 0.0;
    let (message, suggestion) = match (partial, &rule.partial_message) {
        (true, Some(m)) => (
            m,
            rule.partial_suggestion.as_ref().unwrap_or(&rule.suggestion),
        ),
        _ => (&rule.message, &rule.suggestion),
    };
    let finding = falls_short.then(|| Finding {
        rule: rule.id.clone(),
        dimension: rule.dimension,
        // Met in part, the problem is smaller than the rule's worst case.
        severity: if partial && rule.partial_message.is_some() {
            rule.severity.min(crate::rubric::Severity::Medium)
        } else {
            rule.severity
        },
        message: vars.fill(message),
        suggestion: vars.fill(suggestion),
        // A penalty points at its first piece of evidence; a credit rule that falls short points
        // at where the missing part belongs (a component rule at the sentences it did find:
        // "covered in a single sentence: ...").
        span: match rule.effect {
            Effect::Penalty { .. } => hits.first().cloned(),
            Effect::Credit { .. } if matches!(rule.spec, Spec::Component { .. }) => {
                hits.first().cloned()
            }
            Effect::Credit { .. } => None,
        }
        .unwrap_or_else(anchor_span),
        hits: hits.clone(),
        cost: possible - points.max(0.0) + (-points).max(0.0),
    });
    // Praise a part only where the sentence itself shows it, not where position alone put it.
    let evidenced = match rule.spec {
        Spec::Component { label, .. } => {
            (0..n).any(|si| f.labels[si] == label && f.backed[si])
                || f.also.iter().any(|a| a.contains(&label))
        }
        _ => true,
    };
    let strength = match (&rule.praise, rule.effect) {
        (Some(p), Effect::Credit { .. }) if !falls_short && evidenced => Some(Strength {
            rule: rule.id.clone(),
            dimension: rule.dimension,
            message: vars.fill(p),
            span: hits.first().cloned(),
        }),
        _ => None,
    };
    Some(Evaluated {
        rule: index,
        measure,
        hits,
        points,
        possible,
        finding,
        strength,
    })
}

/// Clauses with one of `features` in the rule's scope, each from its subject to the end of the
/// sentence ("We scheduled a meeting...").
fn clause_hits(
    f: &Facts<'_>,
    rule: &Rule,
    features: &[crate::rubric::Feature],
) -> Vec<Range<usize>> {
    let mut hits = Vec::new();
    for (si, sf) in f.feats.iter().enumerate() {
        if !in_scope(f, rule, si) {
            continue;
        }
        let end = f.doc.sentences[si].span.end;
        for (_, span) in &sf.subjects {
            if features.iter().any(|feat| sf.subject_has(span, *feat)) {
                hits.push(span.start..end);
            }
        }
    }
    hits
}

/// Concrete details: quantities, names (capitalised words inside a sentence), quoted words and
/// lexicon terms (named tools, channels...).
fn details(
    f: &Facts<'_>,
    lexicon: Option<usize>,
    determiners: Option<usize>,
    generic: Option<usize>,
    stopwords: Option<usize>,
) -> Vec<Range<usize>> {
    let doc = f.doc;
    let mut out: Vec<Range<usize>> = f.quantities.iter().map(|q| q.span.clone()).collect();
    for q in super::features::quoted_spans(doc.text) {
        if doc.text[q.clone()].split_whitespace().count() >= 2 {
            out.push(q);
        }
    }
    if let Some(l) = lexicon {
        out.extend(doc.hits[l].iter().cloned());
    }
    for s in &doc.sentences {
        let words = &doc.words[s.words.clone()];
        let mut prev_end = s.span.start;
        for (k, w) in words.iter().enumerate() {
            let text = &doc.text[w.clone()];
            let capital = text.chars().next().is_some_and(char::is_uppercase);
            let pronoun =
                matches!(text, "I") || text.starts_with("I'") || text.starts_with("I\u{2019}");
            // After a colon, quote or line start a capital is not a name.
            let gap = &doc.text[prev_end..w.start];
            let fresh = gap.contains([':', '"', '\u{201c}', '\n', '(']);
            if k > 0 && capital && !pronoun && !fresh {
                out.push(w.clone());
            }
            // "her bags", "a grocery store": a determiner and a word that is not generic.
            if let (Some(det), Some(next)) = (determiners, words.get(k + 1)) {
                let low = doc.low(next);
                let plain = |x: &Range<usize>| {
                    let l = doc.low(x);
                    l.len() > 2
                        && l.chars().all(char::is_alphabetic)
                        && !doc.word_is(det, x)
                        && !generic.is_some_and(|g| doc.word_is(g, x))
                        && !stopwords.is_some_and(|g| doc.word_is(g, x))
                };
                if doc.word_is(det, w) && low.chars().all(char::is_alphabetic) && plain(next) {
                    // Quote the whole noun phrase: up to two more plain words ("a double
                    // charge"), stopping at short function words and adverbs.
                    let mut end = next.end;
                    for more in words.iter().skip(k + 2).take(2) {
                        let l = doc.low(more);
                        let gap = &doc.text[end..more.start];
                        if !gap.trim().is_empty()
                            || l.len() <= 3
                            || l.ends_with("ly")
                            || !plain(more)
                        {
                            break;
                        }
                        end = more.end;
                    }
                    out.push(w.start..end);
                }
            }
            prev_end = w.end;
        }
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

fn repetition(
    f: &Facts<'_>,
    rule: &Rule,
    min_repeats: usize,
    stopwords: Option<usize>,
) -> (f64, Vec<Range<usize>>) {
    let doc = f.doc;
    let mut counts: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if !in_scope(f, rule, si) {
            continue;
        }
        for w in &doc.words[s.words.clone()] {
            let low = doc.low(w);
            if low.len() < 4 || !low.chars().all(char::is_alphabetic) {
                continue;
            }
            if stopwords.is_some_and(|l| doc.word_is(l, w)) {
                continue;
            }
            counts.entry(low).or_default().push(w.clone());
        }
    }
    // A word counts when used at least `min_repeats` times and more than once per 40 words.
    let floor = min_repeats.max(doc.word_count() / 40);
    let mut repeated: Vec<(&str, Vec<Range<usize>>)> = counts
        .into_iter()
        .filter(|(_, v)| v.len() >= floor)
        .collect();
    repeated.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let measure = repeated.len() as f64;
    let hits = repeated.into_iter().flat_map(|(_, v)| v).collect();
    (measure, hits)
}

/// Which of the question's areas the answer touches (a keyword of the area appears).
pub fn area_coverage(doc: &Document<'_>, areas: &[Area]) -> Vec<AreaCoverage> {
    if areas.is_empty() {
        return Vec::new();
    }
    let lists: Vec<Vec<String>> = areas.iter().map(|a| a.keywords.clone()).collect();
    let hits = PhraseMatcher::new(&lists).find_all(&doc.lower);
    areas
        .iter()
        .zip(hits)
        .map(|(a, h)| AreaCoverage {
            text: a.text.clone(),
            covered: !h.is_empty(),
            evidence: h.first().cloned(),
        })
        .collect()
}

/// Values for message templates.
struct Vars<'a> {
    measure: f64,
    words: usize,
    seconds: f64,
    rule: &'a Rule,
    hits: &'a [Range<usize>],
    doc: &'a Document<'a>,
    coverage: &'a [AreaCoverage],
    episode: Episode,
}

impl Vars<'_> {
    /// Fills `{count}`, `{share}`, `{seconds}`, `{minutes}`, `{words}`, `{min}`, `{max}`,
    /// `{quote}`, `{quotes}`, `{missing}` and `{episode}`.
    fn fill(&self, template: &str) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let (min, max) = match self.rule.effect {
            Effect::Credit { min, max, .. } => (min, max),
            Effect::Penalty { max, .. } => (0.0, Some(max)),
        };
        let quote = |r: &Range<usize>| format!("“{}”", shorten(&self.doc.text[r.clone()], 60));
        // Distinct hits (case-insensitively), shown as written: "Target", not "target".
        let mut seen: Vec<&str> = Vec::new();
        let mut distinct: Vec<String> = Vec::new();
        for h in self.hits {
            let low = self.doc.low(h);
            if !seen.contains(&low) {
                seen.push(low);
                distinct.push(shorten(&self.doc.text[h.clone()], 40));
            }
        }
        let quotes = distinct
            .iter()
            .take(3)
            .map(|q| format!("“{q}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let missing = self
            .coverage
            .iter()
            .filter(|a| !a.covered)
            .take(2)
            .map(|a| lower_first(a.text.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join("; ");
        let mut out = template.to_string();
        for (key, value) in [
            ("{count}", format!("{}", self.measure.round() as i64)),
            (
                "{share}",
                format!("{}%", (self.measure * 100.0).round() as i64),
            ),
            ("{seconds}", format!("{}", self.seconds.round() as i64)),
            ("{minutes}", format_minutes(self.seconds)),
            ("{words}", self.words.to_string()),
            ("{min}", trim_num(min)),
            ("{max}", max.map(trim_num).unwrap_or_default()),
            ("{quote}", self.hits.first().map(quote).unwrap_or_default()),
            ("{quotes}", quotes),
            ("{missing}", missing),
            ("{episode}", self.episode.as_str().to_string()),
        ] {
            if out.contains(key) {
                out = out.replace(key, &value);
            }
        }
        out
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn trim_num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.2}")
    }
}
