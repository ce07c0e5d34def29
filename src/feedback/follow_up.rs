//! Which follow-up question to ask, as in a conversation: the one an interviewer would ask
//! about the part the first fix is about (else the weakest part), never one already asked about
//! this question, never about a part the candidate has just supplied by answering a follow-up;
//! and for an answer with nothing left to ask about, a probing one from the question's own
//! follow-ups (a decision point, how they knew it worked, what they would do differently).

use super::{Fix, FollowUpPick};
use crate::analyze::Analysis;
use crate::bank::{Probe, Question};
use crate::rubric::{Dimension, Rubric};

/// What has been asked and answered about the current question so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversation {
    /// The text of every follow-up already asked.
    pub asked: Vec<String>,
    /// The parts the candidate supplied in this question (by answering a follow-up about them,
    /// in a reply, in what a retry added): no follow-up asks for them again.
    pub supplied: Vec<Dimension>,
    /// The parts the answer being given has just supplied: not even a probe digs into them.
    pub just: Vec<Dimension>,
}

impl Conversation {
    fn open(&self, text: &str) -> bool {
        !self.asked.iter().any(|a| a == text)
    }
}

/// The probes an interviewer digs into a complete answer with, in the order tried: the
/// decision points and why, how they knew it worked, what they would do differently.
const PROBING: [Probe; 8] = [
    Probe::Action,
    Probe::Result,
    Probe::Reflection,
    Probe::Situation,
    Probe::Task,
    Probe::Ownership,
    Probe::Metrics,
    Probe::Specificity,
];

/// The follow-up to ask next.
pub fn choose(
    analysis: &Analysis,
    rubric: &Rubric,
    question: Option<&Question>,
    fixes: &[Fix],
    conv: &Conversation,
) -> Option<FollowUpPick> {
    let fresh = |d: &Dimension| !conv.supplied.contains(d);
    fixes
        .iter()
        .filter(|f| fresh(&f.dimension))
        .find_map(|f| {
            for_rule(&f.rule, analysis, rubric, question, conv)
                .or_else(|| about(f.dimension, rubric, question, conv))
        })
        .or_else(|| {
            weakest(analysis)
                .into_iter()
                .filter(fresh)
                .find_map(|d| about(d, rubric, question, conv))
        })
        .or_else(|| probe(question, conv))
}

/// The follow-up written for `rule`'s finding (the question's own wording first, else the
/// rubric's), if not asked yet: it asks for what that finding says is missing, not for the
/// dimension in general.
fn for_rule(
    rule: &str,
    analysis: &Analysis,
    rubric: &Rubric,
    question: Option<&Question>,
    conv: &Conversation,
) -> Option<FollowUpPick> {
    let own = question
        .and_then(|q| q.wording(rule))
        .and_then(|w| w.follow_up.as_deref());
    let dim = rubric.rules.iter().find(|r| r.id == rule)?.dimension;
    let (dim, text, from_question) = match own {
        Some(text) => (dim, text, true),
        None => {
            let (d, t) = rubric.follow_up_for_rule(rule, analysis.episode)?;
            (d, t, false)
        }
    };
    conv.open(text).then(|| FollowUpPick {
        text: text.to_string(),
        probes: dim.probe(),
        dimension: dim,
        from_question,
        probing: false,
    })
}

/// The follow-up about `dim`: the question's own one for that part, else the rubric's; one
/// not asked yet.
fn about(
    dim: Dimension,
    rubric: &Rubric,
    question: Option<&Question>,
    conv: &Conversation,
) -> Option<FollowUpPick> {
    let probe = dim.probe();
    if let Some(f) = question
        .zip(probe)
        .and_then(|(q, p)| q.follow_ups_for(p).find(|f| conv.open(&f.text)))
    {
        return Some(FollowUpPick {
            text: f.text.clone(),
            probes: probe,
            dimension: dim,
            from_question: true,
            probing: false,
        });
    }
    rubric
        .follow_up(dim)
        .filter(|t| conv.open(t))
        .map(|text| FollowUpPick {
            text: text.to_string(),
            probes: probe,
            dimension: dim,
            from_question: false,
            probing: false,
        })
}

/// The dimensions that fall short, the largest weighted shortfall first (delivery and
/// relevance have no follow-up to dig into).
fn weakest(analysis: &Analysis) -> Vec<Dimension> {
    let mut dims: Vec<(Dimension, f64)> = analysis
        .dimensions
        .iter()
        .filter(|d| !matches!(d.dimension, Dimension::Delivery | Dimension::Relevance))
        .map(|d| (d.dimension, d.weight * (100.0 - d.score)))
        .filter(|(_, shortfall)| *shortfall > 0.0)
        .collect();
    dims.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    dims.into_iter().map(|(d, _)| d).collect()
}

/// A probing follow-up from the question's own, not asked yet: about a part the candidate has
/// not supplied in this question, else (rather than none for a strong answer) about one not just
/// supplied ("why that step?").
fn probe(question: Option<&Question>, conv: &Conversation) -> Option<FollowUpPick> {
    let q = question?;
    let first = |skip: &[Dimension]| {
        PROBING.iter().find_map(|&p| {
            let dim = dimension(p);
            if skip.contains(&dim) {
                return None;
            }
            q.follow_ups_for(p)
                .find(|f| conv.open(&f.text))
                .map(|f| FollowUpPick {
                    text: f.text.clone(),
                    probes: Some(p),
                    dimension: dim,
                    from_question: true,
                    probing: true,
                })
        })
    };
    first(&conv.supplied).or_else(|| first(&conv.just))
}

/// The dimension a probe digs into.
pub fn dimension(p: Probe) -> Dimension {
    match p {
        Probe::Situation => Dimension::Situation,
        Probe::Task => Dimension::Task,
        Probe::Action => Dimension::Action,
        Probe::Result => Dimension::Result,
        Probe::Metrics => Dimension::Metrics,
        Probe::Reflection => Dimension::Reflection,
        Probe::Specificity => Dimension::Specificity,
        Probe::Ownership => Dimension::Ownership,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::bank::Catalog;
    use crate::rubric::RubricSet;

    /// The follow-up for `answer` to the angry-caller question, in `conv`.
    fn next(answer: &str, conv: &Conversation) -> Option<FollowUpPick> {
        let rubrics = RubricSet::embedded().unwrap();
        let catalog = Catalog::embedded().unwrap();
        let q = catalog.get("angry-customer-call-center").unwrap();
        let a = Analyzer::new(&rubrics).analyze(answer, Some(q));
        let fb = super::super::coach_in(&a, rubrics.for_kind(q.kind), Some(q), conv);
        fb.follow_up
    }

    const WE: &str = "Last winter a customer called our store furious because her order had \
        arrived broken. We listened to her and we apologized. We sent a replacement the same \
        day. She thanked us in the end.";

    #[test]
    fn a_missing_reason_is_asked_for_as_a_reason_not_as_steps() {
        let rubrics = RubricSet::embedded().unwrap();
        let catalog = Catalog::embedded().unwrap();
        let q = catalog.get("difficult-customers-top36").unwrap();
        let answer = "When a customer is angry I don't take it personally. I listen first and I \
            let him finish, then I say sorry for the inconvenience and I look in Salesforce for \
            the order. If I cannot solve it I transfer the call to my supervisor. The most \
            important thing is to be patient and keep a smile in the voice.";
        let a = Analyzer::new(&rubrics).analyze(answer, Some(q));
        let fb = super::super::coach(&a, rubrics.for_kind(q.kind), Some(q));
        assert_eq!(fb.fixes[0].rule, "approach.reasons", "{:?}", fb.fixes);
        let f = fb.follow_up.unwrap();
        assert!(f.text.starts_with("Why"), "{f:?}");
    }

    #[test]
    fn one_real_story_short_on_details_is_asked_for_them_not_for_an_example() {
        let rubrics = RubricSet::embedded().unwrap();
        let catalog = Catalog::embedded().unwrap();
        let q = catalog.get("difficult-customers-top36").unwrap();
        let ask = |answer: &str| {
            let a = Analyzer::new(&rubrics).analyze(answer, Some(q));
            let fb = super::super::coach(&a, rubrics.for_kind(q.kind), Some(q));
            assert_eq!(fb.fixes[0].rule, "specificity.details", "{:?}", fb.fixes);
            (a.episode, fb.follow_up.unwrap().text)
        };
        let story = "Last week a customer came to me and she was upset with it. I listened to her \
            and I helped her with it and I said sorry to her for it. In the end she was happy \
            with it and she thanked me.";
        let (episode, text) = ask(story);
        assert_eq!(episode, crate::analyze::Episode::Specific);
        assert!(
            text.starts_with("What details would only you know"),
            "{text}"
        );
        let habit = "When a customer is upset with it, I always listen to her and I help her \
            with it and I say sorry to her for it. Usually she is happy with it in the end and \
            she thanks me.";
        let (episode, text) = ask(habit);
        assert_eq!(episode, crate::analyze::Episode::Habitual);
        assert!(
            !text.starts_with("What details would only you know"),
            "{text}"
        );
    }

    #[test]
    fn a_follow_up_asked_or_a_part_supplied_is_not_asked_again() {
        let first = next(WE, &Conversation::default()).unwrap();
        assert_eq!(first.dimension, Dimension::Ownership, "{first:?}");
        // Asked once: another one next time.
        let asked = Conversation {
            asked: vec![first.text.clone()],
            ..Conversation::default()
        };
        let second = next(WE, &asked).unwrap();
        assert_ne!(second.text, first.text);
        // Supplied: no follow-up about that part at all, whatever its wording.
        let supplied = Conversation {
            supplied: vec![Dimension::Ownership],
            ..Conversation::default()
        };
        assert_ne!(next(WE, &supplied).unwrap().dimension, Dimension::Ownership);
    }

    #[test]
    fn a_strong_answer_gets_a_probe_and_not_about_what_was_just_supplied() {
        let strong = "Last spring I was working the billing line at a cable company when a \
            caller got through who was furious: she had been charged twice for the same month, \
            $89 each time, and it had pushed her account into overdraft. My job was to calm her \
            down and get her money back without making her call again. I let her finish before \
            saying anything, then apologized and told her exactly what I was going to check. I \
            found the duplicate payment in her history, refunded it on the call and asked my \
            supervisor to waive the $35 overdraft fee her bank had charged, which he approved. \
            She had the refund in two days and emailed our team to thank me by name, and our \
            billing CSAT went from 81% to 88% that quarter. Since then I always read back the \
            payment history before I explain a bill.";
        let probe = next(strong, &Conversation::default()).expect("a probe");
        assert!(probe.probing && probe.from_question, "{probe:?}");
        assert_eq!(probe.dimension, Dimension::Action, "{probe:?}");
        let just = Conversation {
            supplied: vec![Dimension::Action],
            just: vec![Dimension::Action],
            ..Conversation::default()
        };
        let other = next(strong, &just).expect("another probe");
        assert!(
            other.probing && other.dimension != Dimension::Action,
            "{other:?}"
        );
    }
}
