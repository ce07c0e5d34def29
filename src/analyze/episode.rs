//! Does the answer tell one real past episode, what the candidate usually does, what they would
//! do, or no example at all?
//!
//! Every sentence except reflection collects evidence for `specific` (past narrative),
//! `habitual` ("I always", "usually", present tense) and `hypothetical` ("I would", "if a
//! customer...") from the rubric's episode cues, and counts for the type with the most evidence
//! (ties go to hypothetical, then habitual: a number or a past-tense verb inside a hypothetical
//! answer does not make it specific). A past narrative is `specific` when something anchors it
//! to one event ("one evening", "a customer called", "last year"), or when habit words
//! ("often", "whenever", "every day") mark fewer than a third of its past sentences; when they
//! frame it and nothing anchors it, it is `habitual`.

use super::features::SentenceFeatures;
use super::{Document, Episode, Label};
use crate::rubric::{CueMatch, CueTarget, Rubric};

const ORDER: [Episode; 3] = [Episode::Hypothetical, Episode::Habitual, Episode::Specific];

fn slot(e: Episode) -> Option<usize> {
    ORDER.iter().position(|x| *x == e)
}

/// Evidence per sentence for each episode type (in `ORDER`), whether an anchor cue fired, and
/// the weight of explicit habit markers (habitual pattern or lexicon cues, as opposed to present
/// tense alone): 3 for each opening sentence that has one, 1 for each later sentence.
pub fn evidence(doc: &Document<'_>, rubric: &Rubric, feats: &[SentenceFeatures]) -> Evidence {
    let n = doc.sentences.len();
    let mut ev = vec![[0.0f64; 3]; n];
    let mut anchored = false;
    let mut marked = vec![false; n];
    let mut fired = vec![Vec::new(); n];
    for (ci, cue) in rubric.cues.iter().enumerate() {
        let CueTarget::Episode(e) = cue.target else {
            continue;
        };
        let Some(k) = slot(e) else {
            continue;
        };
        // How many times the cue counts in each sentence: once for a pattern or lexicon hit;
        // a grammar feature once per clause, at most twice (as for the STAR labels), so that
        // "I took the videos home and made a cheat sheet of the screens I'd use" is more
        // past narrative than "I would".
        let hits = super::cues::cue_hits(doc, feats, cue);
        let hit = super::cues::per_sentence(cue, &hits, n, |_| true);
        let marker = e == Episode::Habitual
            && !matches!(cue.matcher, CueMatch::Feature(_) | CueMatch::Clause(_));
        for (si, h) in hit.into_iter().enumerate() {
            if h > 0 {
                fired[si].push(ci);
                ev[si][k] += cue.weight * h as f64;
                anchored |= cue.anchor;
                marked[si] |= marker;
            }
        }
    }
    // A habit word in the opening sentences frames the whole answer ("I often faced high call
    // volumes. I developed..."); one later on is a detail of the story ("every Saturday").
    let weight: usize = marked
        .iter()
        .enumerate()
        .filter(|(_, m)| **m)
        .map(|(si, _)| if si < 2 { 3 } else { 1 })
        .sum();
    Evidence {
        per: ev,
        anchored,
        habit_marks: weight,
        fired,
        marked,
    }
}

/// The episode evidence of an answer (see [`evidence`]).
pub struct Evidence {
    /// Per sentence, evidence for each type in `ORDER`.
    pub per: Vec<[f64; 3]>,
    /// Whether an anchor cue fired.
    pub anchored: bool,
    /// The weight of explicit habit markers.
    pub habit_marks: usize,
    /// The episode cues that fired, per sentence.
    pub fired: Vec<Vec<usize>>,
    /// Whether a habit marker is in the sentence.
    pub marked: Vec<bool>,
}

/// The answer's episode type, and the type each sentence counted for.
#[derive(Debug, Clone)]
pub struct EpisodeResult {
    pub episode: Episode,
    pub sentences: Vec<Option<Episode>>,
    /// Something ties the answer to one particular event.
    pub anchored: bool,
    /// Indices into `rubric.cues` of the episode cues that fired, per sentence.
    pub cues: Vec<Vec<usize>>,
}

/// The episode type of the answer.
pub fn classify(
    doc: &Document<'_>,
    rubric: &Rubric,
    feats: &[SentenceFeatures],
    labels: &[Label],
) -> EpisodeResult {
    let settings = &rubric.episode;
    let Evidence {
        per: ev,
        anchored,
        habit_marks,
        fired: cues,
        marked,
    } = evidence(doc, rubric, feats);
    let mut counts = [0usize; 3];
    let mut considered = 0usize;
    let mut per = vec![None; ev.len()];
    for (si, e) in ev.iter().enumerate() {
        if labels.get(si) == Some(&Label::Reflection) {
            continue;
        }
        considered += 1;
        let (k, best) = e
            .iter()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |acc, (k, v)| {
                if *v > acc.1 { (k, *v) } else { acc }
            });
        if best >= settings.min_evidence {
            counts[k] += 1;
            per[si] = Some(ORDER[k]);
        }
    }
    let [h, b, s] = counts;
    let marked_past = (0..ev.len())
        .filter(|&si| per[si] == Some(Episode::Specific) && marked[si])
        .count();
    let total = h + b + s;
    let dominant = |x: usize| x as f64 >= settings.dominant_share * total as f64;
    let need = settings.specific_min_sentences.min(considered.max(1));
    let episode = if total == 0 {
        framed_routine(&ev, labels)
    } else if h > 0 && h >= s && dominant(h) {
        if past_framed(&ev, &per) {
            Episode::Habitual
        } else {
            Episode::Hypothetical
        }
    } else if s >= need && s >= h && (anchored || (2 * marked_past < s && s > b)) {
        // One event: something anchors it, or it is a past narrative that habit words
        // ("usually", "whenever") do not mark as what the candidate used to do in most of its
        // sentences: "In my job I usually have many deadlines" before four sentences of what
        // happened sets the scene of one story, and one "every Saturday" inside a six-sentence
        // story is a detail of it.
        Episode::Specific
    } else if anchored && habit_marks == 0 && b > 0 && h <= s {
        // "One time a customer is shouting... I check the system": one event, anchored, told
        // in the present (as many people tell stories aloud), with no habit word at all.
        Episode::Specific
    } else if b == 0 && h == 0 {
        // Past narrative too thin to be sure of, and nothing at all of habit or of "I would":
        // telling this candidate they describe a habit would be a wrong nudge.
        Episode::Specific
    } else if b + s > 0 && b + s >= h {
        Episode::Habitual
    } else {
        Episode::Hypothetical
    };
    EpisodeResult {
        episode,
        sentences: per,
        anchored,
        cues,
    }
}

/// "My first job was on the counter. Customers would get the wrong meal... I would listen...
/// I found that the customer calmed down quicker": the woulds sit between a real past period
/// that opens the answer and a past report after them, so they tell what the candidate used to
/// do (the past habitual "would"), not what they would do one day.
fn past_framed(ev: &[[f64; 3]], per: &[Option<Episode>]) -> bool {
    let is_hyp = |si: &usize| per[*si] == Some(Episode::Hypothetical);
    let (Some(first), Some(last)) = ((0..per.len()).find(is_hyp), (0..per.len()).rfind(is_hyp))
    else {
        return false;
    };
    let opened = (0..first).any(|si| ev[si][2] > 0.0 && ev[si][0] == 0.0);
    let reported = (last + 1..per.len()).any(|si| per[si] == Some(Episode::Specific));
    opened && reported
}

/// No sentence has enough evidence of any type. Past states ("When I was working at CUNY, we
/// had staff, students and faculty") beside present ones ("we have phone calls coming in")
/// describe what a real job was like: a habit, not an answer with no example at all. Opinions
/// alone, or too little of either, stay `None`.
fn framed_routine(ev: &[[f64; 3]], labels: &[Label]) -> Episode {
    let sum = |k: usize| -> f64 {
        ev.iter()
            .enumerate()
            .filter(|(si, _)| labels.get(*si) != Some(&Label::Reflection))
            .map(|(_, e)| e[k])
            .sum()
    };
    let (past, present) = (sum(2), sum(1));
    if past > 0.0 && present > 0.0 {
        Episode::Habitual
    } else {
        Episode::None
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::{Analyzer, Context, Episode};
    use crate::bank::Kind;
    use crate::rubric::RubricSet;

    fn episode(text: &str) -> Episode {
        let set = RubricSet::embedded().unwrap();
        Analyzer::new(&set)
            .analyze_in(text, Context::kind(Kind::Behavioral))
            .episode
    }

    #[test]
    fn a_thin_past_story_without_habit_words_is_not_called_a_habit() {
        // One clear "I" past sentence, the rest told through others or as labels: too little
        // to call it a story for sure, but nothing says "usually" either.
        let text = "situation: customer's internet went down during her daughter's online \
                    exam. task: get her back online fast. action: i walked her through \
                    connecting to her phone hotspot first. result: her daughter finished the \
                    exam.";
        assert_eq!(episode(text), Episode::Specific);
    }

    #[test]
    fn one_event_told_in_the_present_is_a_story() {
        let text = "Me I am working in BPO since 2 years. One time customer is shouting because \
                    his card is blocked. I am telling him sorry sir, I will check. I check the \
                    system and card is blocked for fraud. I do the verification and unblock \
                    the card. Customer is happy and he say thank you.";
        assert_eq!(episode(text), Episode::Specific);
    }

    #[test]
    fn a_past_job_described_in_general_is_a_habit_and_opinions_are_no_example() {
        let text = "I think knowing who is important matters a lot. When I was working at the \
                    library desk, we had teachers and students who need help. We help them \
                    with passwords all morning. It was easy to put the teachers first.";
        assert_eq!(episode(text), Episode::Habitual);
        let text = "I think knowing who is important matters a lot. Good service means \
                    respect for everyone, and patience is the key to it.";
        assert_eq!(episode(text), Episode::None);
    }

    #[test]
    fn woulds_between_a_past_job_and_a_past_report_are_a_past_habit() {
        let text = "My first summer job was at the ticket office of a cinema. Guests would \
                    sometimes get the wrong seats. I would check the booking and I would \
                    find out what went wrong. If I could swap the seats, I would swap them. \
                    I found that the guests relaxed when I explained it calmly.";
        assert_eq!(episode(text), Episode::Habitual);
        let text = "If a guest has the wrong seats, I would check the booking first. I would \
                    swap the seats if I could. I would apologize and explain it calmly.";
        assert_eq!(episode(text), Episode::Hypothetical);
    }

    #[test]
    fn habit_words_still_make_a_habit() {
        let text = "I always stay calm with angry callers. I usually listen first and then I \
                    explain what I can do.";
        assert_eq!(episode(text), Episode::Habitual);
    }
}
