//! From rule results to scores: each dimension is the share of its credit points earned (100
//! when it has only penalty rules) minus its penalties, clamped to 0-100; the overall score is
//! the weighted mean of the scored dimensions. Every number keeps the rules that made it.

use super::episode::EpisodeResult;
use super::rules::Evaluated;
use super::star::Labelled;
use super::{
    Analysis, AreaCoverage, Ceiling, Context, Contribution, DimensionScore, Document, Label,
    Metric, Ownership, Part, Sentence, StarMap,
};
use crate::rubric::{Rubric, Subject};

pub struct Parts<'a> {
    pub doc: &'a Document<'a>,
    pub rubric: &'a Rubric,
    pub ctx: Context<'a>,
    pub labelled: Labelled,
    pub feats: Vec<super::features::SentenceFeatures>,
    pub episode: EpisodeResult,
    pub metrics: Vec<Metric>,
    pub coverage: Vec<AreaCoverage>,
    pub evaluated: &'a [Evaluated],
}

/// Rounds to one decimal, so scores print and compare stably.
fn round1(x: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0, so no score prints as "-0".
    (x * 10.0).round() / 10.0 + 0.0
}

/// Marks the findings that a root cause among them supersedes ("no result" beside "this says
/// what you would do"): they still cost points, but are not shown as fixes.
/// Whether rule id `id` matches `pat` (a trailing `*` matches any ending).
fn glob(pat: &str, id: &str) -> bool {
    match pat.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => pat == id,
    }
}

fn mark_superseded(rubric: &Rubric, findings: &mut [crate::analyze::Finding]) {
    let matches = glob;
    let roots: Vec<&crate::rubric::Rule> = findings
        .iter()
        .filter_map(|f| rubric.rules.iter().find(|r| r.id == f.rule))
        .filter(|r| !r.supersedes.is_empty())
        .collect();
    let by: Vec<Option<String>> = findings
        .iter()
        .map(|f| {
            roots
                .iter()
                .find(|r| r.id != f.rule && r.supersedes.iter().any(|p| matches(p, &f.rule)))
                .map(|r| r.id.clone())
        })
        .collect();
    for (f, b) in findings.iter_mut().zip(by) {
        f.superseded_by = b;
    }
}

/// The parts a sentence has evidence for, strongest first, rounded to one decimal.
fn evidence_of(ev: &[f64; Label::COUNT]) -> Vec<(Label, f64)> {
    let mut out: Vec<(Label, f64)> = Label::ALL
        .into_iter()
        .map(|l| (l, round1(ev[l as usize])))
        .filter(|(_, x)| *x != 0.0)
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

pub fn assemble(p: Parts<'_>) -> Analysis {
    let rubric = p.rubric;
    let doc = p.doc;

    let mut dimensions = Vec::new();
    for &(dim, weight) in &rubric.weights {
        let contribs: Vec<&Evaluated> = p
            .evaluated
            .iter()
            .filter(|e| rubric.rules[e.rule].dimension == dim)
            .collect();
        if contribs.is_empty() {
            continue;
        }
        let possible: f64 = contribs.iter().map(|e| e.possible).sum();
        let earned: f64 = contribs
            .iter()
            .filter(|e| e.possible > 0.0)
            .map(|e| e.points)
            .sum();
        let penalties: f64 = contribs
            .iter()
            .filter(|e| e.possible == 0.0)
            .map(|e| e.points)
            .sum();
        let base = if possible > 0.0 {
            earned / possible * 100.0
        } else {
            100.0
        };
        let score = round1((base + penalties).clamp(0.0, 100.0));
        dimensions.push(DimensionScore {
            dimension: dim,
            score,
            weight,
            contributions: contribs
                .iter()
                .map(|e| Contribution {
                    rule: rubric.rules[e.rule].id.clone(),
                    measure: round1(e.measure * 100.0) / 100.0,
                    points: round1(e.points),
                    possible: round1(e.possible),
                })
                .collect(),
        });
    }
    let total_weight: f64 = dimensions.iter().map(|d| d.weight).sum();
    let length_factor = rubric.scoring.length_factor(doc.word_count());
    let overall = if total_weight > 0.0 {
        round1(
            dimensions.iter().map(|d| d.score * d.weight).sum::<f64>() / total_weight
                * length_factor,
        )
    } else {
        0.0
    };
    // The lowest ceiling among the rules with a finding holds the overall score down.
    let ceiling = p
        .evaluated
        .iter()
        .filter(|e| e.finding.is_some())
        .filter_map(|e| {
            let r = &rubric.rules[e.rule];
            r.ceiling.map(|max| (max, &r.id))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|&(max, _)| overall > max)
        .map(|(max, rule)| Ceiling {
            rule: rule.clone(),
            max,
            uncapped: overall,
        });
    let overall = ceiling.as_ref().map_or(overall, |c| c.max);

    let labels = &p.labelled.labels;
    let also = &p.labelled.also;
    let sentences: Vec<Sentence> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| Sentence {
            span: s.span.clone(),
            label: labels[si],
            also: also[si].clone(),
            explicit: p.labelled.explicit[si],
            words: s.words.len(),
            cues: p.labelled.cues[si]
                .iter()
                .chain(p.episode.cues.get(si).into_iter().flatten())
                .map(|&c| rubric.cues[c].id.clone())
                .collect(),
            evidence: evidence_of(&p.labelled.evidence[si]),
        })
        .collect();
    let part = |l: Label| {
        let idx: Vec<usize> = (0..labels.len())
            .filter(|&i| labels[i] == l || also[i].contains(&l))
            .collect();
        Part {
            present: !idx.is_empty(),
            sentences: idx,
        }
    };
    let star = StarMap {
        situation: part(Label::Situation),
        task: part(Label::Task),
        action: part(Label::Action),
        result: part(Label::Result),
        reflection: part(Label::Reflection),
    };

    // "I" versus "we" as the subject of the action sentences (all sentences if none is action).
    let has_action = star.action.present;
    let mut ownership = Ownership { i: 0, we: 0 };
    for (si, sf) in p.feats.iter().enumerate() {
        if has_action && labels[si] != Label::Action {
            continue;
        }
        for c in &sf.clauses {
            match c.subject {
                Subject::I => ownership.i += 1,
                Subject::We => ownership.we += 1,
                Subject::Other => {}
            }
        }
    }

    // A finding's cost is what it takes off the overall score: the points lost times the weight
    // of its dimension, so "fix first" is what matters most to the whole answer.
    let mut findings: Vec<_> = p
        .evaluated
        .iter()
        .filter_map(|e| e.finding.clone())
        .map(|mut f| {
            f.cost = round1(f.cost * rubric.weight(f.dimension));
            f
        })
        .collect();
    mark_superseded(rubric, &mut findings);
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.priority.cmp(&a.priority))
            .then(b.cost.total_cmp(&a.cost))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    // No praise for what a root cause makes beside the point: "your actions are clear" is not
    // for an answer that says what the candidate would do.
    let superseded = |rule: &str| {
        findings.iter().any(|f| {
            f.superseded_by.is_none()
                && rubric.rules.iter().any(|r| {
                    r.id == f.rule && r.supersedes.iter().any(|p| glob(p, rule)) && r.id != rule
                })
        })
    };
    let strengths = p
        .evaluated
        .iter()
        .filter_map(|e| e.strength.clone())
        .filter(|s| !superseded(&s.rule) && earned(rubric, p.evaluated, s))
        .filter(|s| !contradicted(&findings, s))
        .collect();
    let words = doc.word_count();
    Analysis {
        text: doc.text.to_string(),
        question_id: p.ctx.question.map(|q| q.id.clone()),
        kind: p.ctx.kind,
        rubric: rubric.id.clone(),
        words,
        speaking_seconds: round1(words as f64 / rubric.delivery.words_per_minute * 60.0),
        sentences,
        star,
        episode: p.episode.episode,
        ownership,
        metrics: p.metrics,
        areas: p.coverage,
        band: rubric.band(overall).to_string(),
        length_factor: round1(length_factor * 100.0) / 100.0,
        ceiling,
        language_ok: true,
        dimensions,
        overall,
        findings,
        strengths,
    }
}

/// Praise never quotes what a professionalism fix quotes as the problem: "Concrete details make
/// it believable: ...'Tough luck, toots'" beside "This sounds dismissive: 'luck, toots'".
fn contradicted(findings: &[super::Finding], s: &super::Strength) -> bool {
    findings
        .iter()
        .filter(|f| f.superseded_by.is_none() && f.dimension == crate::rubric::Dimension::Attitude)
        .flat_map(|f| &f.hits)
        .any(|h| s.quoted.iter().any(|q| h.start < q.end && q.start < h.end))
}

/// A strength whose rule has `praise_needs` stands only when one of those rules found evidence
/// inside the quoted sentence: "your actions are clear" needs a concrete detail in them, not
/// "I listened, asked questions and suggested fixes".
fn earned(rubric: &Rubric, evaluated: &[Evaluated], s: &super::Strength) -> bool {
    let Some(rule) = rubric.rules.iter().find(|r| r.id == s.rule) else {
        return true;
    };
    if rule.praise_needs.is_empty() {
        return true;
    }
    let Some(span) = &s.span else {
        return false;
    };
    evaluated
        .iter()
        .filter(|e| rule.praise_needs.contains(&rubric.rules[e.rule].id))
        .flat_map(|e| &e.hits)
        .any(|h| span.start <= h.start && h.end <= span.end)
}

#[cfg(test)]
mod tests {
    use crate::analyze::{Analyzer, Context};
    use crate::bank::Kind;
    use crate::rubric::RubricSet;

    #[test]
    fn praise_never_quotes_what_a_professionalism_fix_quotes() {
        let set = RubricSet::embedded().unwrap();
        let text = "My client is a supermarket chain. People ring up to complain about a $3 \
                    pack of fruit. They will tell you, \"I bought this here, and it \
                    has gone off!\" We can not reply, \"Tough luck, toots\". Straight away, I \
                    acknowledge what the caller is telling me and I try to get them to see \
                    there is a fix.";
        let a = Analyzer::new(&set).analyze_in(text, Context::kind(Kind::General));
        let flagged: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("attitude."))
            .flat_map(|f| f.hits.clone())
            .collect();
        assert!(!flagged.is_empty(), "{:?}", a.findings);
        for s in &a.strengths {
            assert!(!s.message.contains("toots"), "{}", s.message);
        }
        assert!(
            a.strengths.iter().all(|s| !s.message.contains("I bought")),
            "a customer's words are no example of the candidate's: {:?}",
            a.strengths
        );
    }

    #[test]
    fn a_polished_hypothetical_answer_is_held_at_its_ceiling() {
        let set = RubricSet::embedded().unwrap();
        let text = "Working the front desk of a busy hotel taught me a lot about guests. If a \
                    guest was angry about a billing error, I would stay calm and listen to the \
                    whole story without interrupting. I would apologize sincerely, check the \
                    folio line by line and explain each charge. Then I would correct the \
                    error, print a new receipt and offer a late checkout. I would follow up \
                    with an email the next day to make sure everything was right, because \
                    guests remember how you made them feel.";
        let a = Analyzer::new(&set).analyze_in(text, Context::kind(Kind::Behavioral));
        assert_eq!(a.findings[0].rule, "episode.hypothetical");
        let ceiling = set
            .for_kind(Kind::Behavioral)
            .rules
            .iter()
            .find(|r| r.id == "episode.hypothetical")
            .and_then(|r| r.ceiling)
            .unwrap();
        assert!(a.overall <= ceiling, "{} > {ceiling}", a.overall);
        if let Some(c) = &a.ceiling {
            assert_eq!(c.rule, "episode.hypothetical");
            assert!(c.uncapped > c.max, "{c:?}");
        }
        assert_eq!(a.band, "needs work");
    }

    #[test]
    fn a_real_story_has_no_ceiling() {
        let set = RubricSet::embedded().unwrap();
        let text = "Last spring a caller was furious about a double charge on her bill. I \
                    apologized, checked her account and refunded the extra $40 the same day. \
                    She thanked me, and since then I always check for duplicate payments first.";
        let a = Analyzer::new(&set).analyze_in(text, Context::kind(Kind::Behavioral));
        assert_eq!(a.ceiling, None);
    }
}
