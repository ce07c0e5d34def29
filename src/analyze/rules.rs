//! Evaluating rubric rules: each rule measures one number from the analyzed answer, with the
//! spans that back it, and turns it into points, a finding or a strength.

use std::ops::Range;

mod hits;

use super::measures::{clause_hits, details, repetition};
use super::template::Vars;
use super::{AreaCoverage, Document, Episode, Finding, Label, Metric, Quantity, Strength};
use crate::rubric::{Anchor, ComponentMeasure, Counted, Effect, LengthMeasure, Rubric, Rule, Spec};
use hits::{keep_hits, past_boundary};

/// Everything the rules can look at.
pub struct Facts<'a> {
    pub doc: &'a Document<'a>,
    pub rubric: &'a Rubric,
    pub labels: &'a [Label],
    /// Secondary parts per sentence.
    pub also: &'a [Vec<Label>],
    /// Whether each sentence's label rests on its own cues (see `star::Labelled::backed`).
    pub backed: &'a [bool],
    /// Each sentence's own evidence for its label (see `star::Labelled::strength`).
    pub strength: &'a [f64],
    pub metrics: &'a [Metric],
    pub quantities: &'a [Quantity],
    pub feats: &'a [super::features::SentenceFeatures],
    pub episode: &'a super::episode::EpisodeResult,
    pub coverage: &'a [AreaCoverage],
    /// The question answered, when known.
    pub question: Option<&'a crate::bank::Question>,
    /// The byte range of a reply to a follow-up question (see `Analyzer::analyze_continued`).
    pub reply: Option<Range<usize>>,
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
        .filter(|(_, r)| f.question.is_none_or(|q| !q.skip.contains(&r.id)))
        .filter_map(|(i, r)| evaluate(f, i, r, f.coverage))
        .collect()
}

/// Whether every clause of the sentence has someone else as its subject ("he", "the customer").
fn others_only(sf: &super::features::SentenceFeatures) -> bool {
    use crate::rubric::Subject;
    !sf.clauses.is_empty() && sf.clauses.iter().all(|c| c.subject == Subject::Other)
}

/// Clauses of "I" or "we" with a past or present verb: the steps a sentence tells.
fn first_person_steps(sf: &super::features::SentenceFeatures) -> usize {
    use crate::rubric::{Feature, Subject, Tense};
    [Subject::I, Subject::We]
        .into_iter()
        .flat_map(|s| [Tense::Past, Tense::Present].map(|t| Feature::Clause(s, t)))
        .map(|x| sf.count(x))
        .sum()
}

/// Whether sentence `si` is in the rule's scope: its label is one the rule looks at, or, when no
/// sentence has such a label, a part it also carries (a one-sentence story, "...and we handled
/// it and we got through it", is action and result too).
pub(super) fn in_scope(f: &Facts<'_>, rule: &Rule, si: usize) -> bool {
    if rule.scope.is_empty() {
        return true;
    }
    let labelled = |i: usize| f.labels.get(i).is_some_and(|l| rule.scope.contains(l));
    labelled(si)
        || (!(0..f.labels.len()).any(labelled)
            && f.also
                .get(si)
                .is_some_and(|a| a.iter().any(|l| rule.scope.contains(l))))
}

fn scoped_words(f: &Facts<'_>, rule: &Rule) -> usize {
    (0..f.doc.sentences.len())
        .filter(|&si| in_scope(f, rule, si))
        .map(|si| f.doc.words_in(si))
        .sum()
}

/// Where a missing STAR part is pointed at: the sentence the answer stops (or starts) at, when
/// its own words show it is another part ("No result" at the last step); otherwise nowhere, so
/// that no sentence is quoted as lacking what it may well be (a lesson the cues missed).
fn missing_at(f: &Facts<'_>, rule: &Rule) -> Option<Range<usize>> {
    let n = f.doc.sentences.len();
    let si = match rule.anchor {
        Anchor::First => 0,
        Anchor::Last => n.checked_sub(1)?,
    };
    let span = f.doc.sentences.get(si)?.span.clone();
    let shown = f.backed[si] && f.labels[si] != Label::Other;
    Some(if shown { span } else { span.end..span.end })
}

/// A credit rule with `met_by_episode` is met when the answer is told as one of those episodes
/// (one real, anchored story is the example "Nothing backs up what you say" asks for); its
/// evidence is then the story's sentences.
fn met_by_episode(
    f: &Facts<'_>,
    rule: &Rule,
    measure: f64,
    hits: Vec<Range<usize>>,
) -> (f64, Vec<Range<usize>>) {
    let Effect::Credit { min, .. } = rule.effect else {
        return (measure, hits);
    };
    let e = f.episode.episode;
    let told = rule.met_by_episode.contains(&e) && (e != Episode::Specific || f.episode.anchored);
    if measure >= min || !told {
        return (measure, hits);
    }
    let story: Vec<Range<usize>> = (0..f.doc.sentences.len())
        .filter(|&si| f.episode.sentences.get(si).copied().flatten() == Some(e))
        .map(|si| f.doc.sentences[si].span.clone())
        .collect();
    (min, if hits.is_empty() { story } else { hits })
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
            let mut hits = keep_hits(
                f,
                rule,
                unless,
                lexicons.iter().flat_map(|&l| doc.hits[l].iter().cloned()),
            );
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
            let hits = keep_hits(
                f,
                rule,
                unless,
                regex
                    .find_iter(&doc.haystack())
                    .map(|m| past_boundary(doc.text, m.range()))
                    .filter(|h| !h.is_empty()),
            );
            (
                per_words(hits.len() as f64, *per, scoped_words(f, rule)),
                hits,
            )
        }
        Spec::Component { label, measure } => {
            let has = |si: usize| f.labels[si] == *label || f.also[si].contains(label);
            // Sentences that show the part by their own words come first (quotes use them).
            let mut order: Vec<usize> = (0..n).filter(|&si| has(si)).collect();
            // Best first: the part is the sentence's own label and its words show it (the
            // strongest evidence first); then a second part its words show; then sentences that
            // only inherit the label.
            let rank = |si: usize| {
                if f.labels[si] == *label && f.backed[si] {
                    0
                } else if f.also[si].contains(label) {
                    1
                } else {
                    2
                }
            };
            order.sort_by(|&a, &b| {
                rank(a)
                    .cmp(&rank(b))
                    .then(f.strength[b].total_cmp(&f.strength[a]))
                    .then(a.cmp(&b))
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
                ComponentMeasure::Steps => (0..n)
                    .map(|si| {
                        let steps = first_person_steps(&f.feats[si]);
                        if has(si) {
                            steps.max(1)
                        } else if f.labels[si] == Label::Result {
                            steps
                        } else {
                            0
                        }
                    })
                    .sum::<usize>() as f64,
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
                // A reply to a follow-up answers a question: it is not the story told late.
                let span = &doc.sentences[si].span;
                let replied = f
                    .reply
                    .as_ref()
                    .is_some_and(|r| r.start <= span.start && span.end <= r.end);
                if l == Label::Other || replied {
                    continue;
                }
                if let Some(p) = prev {
                    // "He was very unhappy with this answer" after an action is the story
                    // unfolding (someone else's reaction), not background told late.
                    if (p as usize) >= (l as usize) + 2 && !others_only(&f.feats[si]) {
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
                .filter(|m| m.role.credited() && in_scope(f, rule, m.sentence))
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
        Spec::Topic { stopwords } => (
            super::topic::off_topic(doc, f.rubric, f.question, coverage, *stopwords)?,
            Vec::new(),
        ),
    };
    let (measure, hits) = met_by_episode(f, rule, measure, hits);
    if !measure.is_finite()
        || rule.applies_from.is_some_and(|from| measure < from)
        || rule.min_answer_words.is_some_and(|w| doc.word_count() < w)
    {
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
                hits.first().cloned().or_else(|| missing_at(f, rule))
            }
            Effect::Credit { .. } => None,
        }
        .unwrap_or_else(anchor_span),
        hits: hits.clone(),
        cost: possible - points.max(0.0) + (-points).max(0.0),
        priority: rule.priority,
        superseded_by: None,
    });
    // Praise a part only where a sentence's own words show it well (at least the rubric's
    // `praise_evidence`, or strongly enough to count as a second part), not where position or
    // one weak cue put it; quote that sentence.
    let praise_min = f.rubric.feedback.praise_evidence;
    // A second part is praised only where the story tells it: a set-up or goal before the
    // first step, an ending or lesson after it ("We didn't get out until an hour later" at the
    // end is no "clear set-up").
    let first_step = f.labels.iter().position(|l| *l == Label::Action);
    let in_order = |si: usize, label: Label| match (label, first_step) {
        (_, None) => true,
        (Label::Situation | Label::Task, Some(a)) => si < a,
        (Label::Result | Label::Reflection, Some(a)) => si > a,
        _ => true,
    };
    let praised: Option<Vec<Range<usize>>> = match rule.spec {
        Spec::Component { label, .. } => (0..n)
            .filter(|&si| {
                (f.labels[si] == label && f.backed[si] && f.strength[si] >= praise_min)
                    || (f.also[si].contains(&label) && in_order(si, label))
            })
            .max_by(|&a, &b| {
                let s = |si: usize| {
                    if f.labels[si] == label {
                        f.strength[si]
                    } else {
                        0.0
                    }
                };
                s(a).total_cmp(&s(b)).then(b.cmp(&a))
            })
            .map(|si| vec![doc.sentences[si].span.clone()]),
        // "You say what you do" quotes a clause the STAR map reads as an action, not the
        // set-up ("Let me tell you about when I became...") or a complaint about others.
        Spec::Clause { .. } => Some(
            hits.iter()
                .filter(|h| {
                    let si = doc.sentence_of(h.start);
                    f.labels[si] == Label::Action || f.also[si].contains(&Label::Action)
                })
                .cloned()
                .collect::<Vec<_>>(),
        )
        .filter(|v| !v.is_empty()),
        // A pattern finds the words that show it ("because", "I've helped"); praise quotes
        // them on to the end of their sentence, so the candidate sees what was meant.
        Spec::Pattern { .. } => Some(
            hits.iter()
                .map(|h| h.start..doc.sentences[doc.sentence_of(h.start)].span.end)
                .collect(),
        ),
        _ => Some(hits.clone()),
    };
    let strength = match (&rule.praise, rule.effect, praised) {
        (Some(p), Effect::Credit { .. }, Some(praised)) if !falls_short => Some(Strength {
            rule: rule.id.clone(),
            dimension: rule.dimension,
            message: Vars {
                hits: &praised,
                ..vars
            }
            .fill(p),
            span: praised.first().cloned(),
            quoted: praised,
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
