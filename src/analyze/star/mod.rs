//! Labelling each sentence situation, task, action, result, reflection or other.
//!
//! Each sentence collects evidence for each label from the rubric's cues (patterns, lexicons,
//! grammatical features, clause queries). Some cues count only on one side of the story's
//! action (`position`): someone else's past event is set-up before the candidate acts ("a
//! customer called about a double charge") and an outcome after it ("she gave me a 10 out of
//! 10"). So the labeller works in two passes: the cues that hold anywhere first, which find
//! where the action starts (the first sentence whose own words say what the candidate did),
//! then the cues placed before or after it. A label the candidate wrote themselves
//! ("Situation:", "(Result)", "**Task**") is strong evidence for that sentence and carries over
//! to the sentences after it until the next label; a small prior by position breaks ties. The
//! labels are then decoded together (Viterbi, [`decode`]) with a bonus for keeping a label or
//! moving forward through STAR and a penalty for moving backward, so one stray cue does not
//! break up a coherent part.

mod decode;
mod explicit;

pub use explicit::explicit_label;

use super::cues::{Boundary, CueHit, cue_hits, per_sentence, placed};
use super::features::SentenceFeatures;
use super::{Document, Episode, Label};
use crate::rubric::{CueTarget, Position, Rubric};

/// Labels per sentence, with how they were reached.
#[derive(Debug, Clone, Default)]
pub struct Labelled {
    pub labels: Vec<Label>,
    /// Parts a sentence also carries, beside its label, because its own cues for them are
    /// strong ("She stayed with us, and since then I always check first": reflection, and a
    /// result too).
    pub also: Vec<Vec<Label>>,
    pub explicit: Vec<bool>,
    /// Indices into `rubric.cues` that fired, per sentence.
    pub cues: Vec<Vec<usize>>,
    /// The label rests on the sentence's own cues (at least `min_evidence` of them) or a
    /// written label, not on its position and neighbours: what praise may point at.
    pub backed: Vec<bool>,
    /// How much of its own cue evidence each sentence has for its label: the strongest example
    /// of a part is the one to quote.
    pub strength: Vec<f64>,
    /// Each sentence's cue evidence per label (`Label as usize`), before written labels and
    /// position: what `--explain` shows.
    pub evidence: Vec<[f64; Label::COUNT]>,
    /// Where the action starts, if the answer tells any.
    pub boundary: Option<Boundary>,
}

/// Evidence the explicit label gives its own sentence: more than any cue mix can outweigh.
const EXPLICIT: f64 = 100.0;

/// Cue evidence per sentence and label, and which cues fired.
struct Evidence {
    cue_only: Vec<[f64; Label::COUNT]>,
    fired: Vec<Vec<usize>>,
}

impl Evidence {
    /// Adds the evidence of the label cues that `take` selects, counting only hits placed
    /// relative to `boundary` as each cue's `position` says.
    fn add(
        &mut self,
        rubric: &Rubric,
        hits: &[Vec<CueHit>],
        boundary: Option<Boundary>,
        take: impl Fn(Position) -> bool,
    ) {
        let n = self.cue_only.len();
        for (ci, cue) in rubric.cues.iter().enumerate() {
            let CueTarget::Label(target) = cue.target else {
                continue;
            };
            if !take(cue.position) {
                continue;
            }
            let counts = per_sentence(cue, &hits[ci], n, |h| placed(cue.position, boundary, h));
            for (si, c) in counts.into_iter().enumerate() {
                if c > 0 {
                    self.cue_only[si][target as usize] += cue.weight * c as f64;
                    if !self.fired[si].contains(&ci) {
                        self.fired[si].push(ci);
                    }
                }
            }
        }
    }
}

/// Labels every sentence of `doc`.
pub fn label(doc: &Document<'_>, rubric: &Rubric, feats: &[SentenceFeatures]) -> Labelled {
    let n = doc.sentences.len();
    if n == 0 {
        return Labelled::default();
    }
    let lab = &rubric.labelling;
    let hits: Vec<Vec<CueHit>> = rubric
        .cues
        .iter()
        .map(|c| match c.target {
            CueTarget::Label(_) => cue_hits(doc, feats, c),
            CueTarget::Episode(_) => Vec::new(),
        })
        .collect();
    let written: Vec<Option<Label>> = doc
        .sentences
        .iter()
        .map(|s| explicit_label(&doc.text[s.span.clone()], &rubric.labels).map(|(l, _)| l))
        .collect();
    let mut ev = Evidence {
        cue_only: vec![[0.0; Label::COUNT]; n],
        fired: vec![Vec::new(); n],
    };
    ev.add(rubric, &hits, None, |p| p == Position::Any);
    let boundary = find_boundary(rubric, &ev.cue_only, &written, &hits, doc);
    ev.add(rubric, &hits, boundary, |p| p != Position::Any);

    let (evidence, explicit) = with_written_labels(rubric, &ev.cue_only, &written);
    let evidence = with_position_priors(rubric, &ev.cue_only, evidence);
    let labels = decode::viterbi(lab, &evidence, &ev.cue_only);
    let after = |si: usize| boundary.is_some_and(|b| si >= b.sentence);
    // Secondary parts: strong cue evidence (not position) for a part other than the label, in
    // a sentence the candidate did not label themselves; a result only once the action has
    // started (a set-up that mentions a number or "in a week" is not an outcome).
    let also = (0..n)
        .map(|si| {
            if explicit[si] || labels[si] == Label::Other {
                return Vec::new();
            }
            Label::ALL
                .into_iter()
                .filter(|&l| l != Label::Other && l != labels[si])
                .filter(|&l| ev.cue_only[si][l as usize] >= lab.secondary_min)
                .filter(|&l| l != Label::Result || after(si))
                .collect()
        })
        .collect();
    let backed = (0..n)
        .map(|si| {
            explicit[si]
                || (labels[si] != Label::Other
                    && ev.cue_only[si][labels[si] as usize] >= lab.min_evidence)
        })
        .collect();
    let strength: Vec<f64> = (0..n)
        .map(|si| match labels[si] {
            Label::Other => 0.0,
            l => ev.cue_only[si][l as usize],
        })
        .collect();
    Labelled {
        labels,
        also,
        explicit,
        cues: ev.fired,
        backed,
        strength,
        evidence: ev.cue_only,
        boundary,
    }
}

/// The STAR map of an answer that tells no story: a set-up, a goal, an outcome and a lesson are
/// the parts of one real episode, so an answer that says what the candidate usually does or
/// would do has only its steps (and one with no example at all has none), whatever words its
/// sentences share with a story's. Labels the candidate wrote are kept. A habit told with a
/// past narrative in it (`past` sentences of past events, two or more) may be one story framed
/// by a routine ("In my job I usually have many deadlines... I noticed... I chose..."): its map
/// stays, since wiping a real story's parts on a doubtful call would be a wrong nudge.
pub fn settle(mut l: Labelled, episode: Episode, past: usize) -> Labelled {
    if episode == Episode::Specific || (episode == Episode::Habitual && past >= 2) {
        return l;
    }
    let keeps = |x: Label| x == Label::Action && episode != Episode::None;
    for si in 0..l.labels.len() {
        if l.explicit[si] {
            continue;
        }
        l.also[si].retain(|&x| keeps(x));
        if !keeps(l.labels[si]) && l.labels[si] != Label::Other {
            l.labels[si] = Label::Other;
            l.backed[si] = false;
            l.strength[si] = 0.0;
        }
    }
    l
}

/// The first sentence that tells what the candidate did: labelled "Action:" by the candidate,
/// or with at least `min_evidence` of action cues and no more evidence for another part.
/// Its offset is where its first action cue hit.
fn find_boundary(
    rubric: &Rubric,
    cue_only: &[[f64; Label::COUNT]],
    written: &[Option<Label>],
    hits: &[Vec<CueHit>],
    doc: &Document<'_>,
) -> Option<Boundary> {
    let lab = &rubric.labelling;
    let action = Label::Action as usize;
    let is_step = |si: usize| match written[si] {
        Some(l) => l == Label::Action,
        None => {
            let a = cue_only[si][action];
            a >= lab.min_evidence
                && Label::ALL
                    .iter()
                    .filter(|&&l| l != Label::Action && l != Label::Other)
                    .all(|&l| cue_only[si][l as usize] <= a)
        }
    };
    // No sentence that is above all a step: the first one that tells one at all ("I asked them
    // a few questions about what they needed") still divides set-up from what followed.
    let si = (0..cue_only.len())
        .find(|&si| is_step(si))
        .or_else(|| (0..cue_only.len()).find(|&si| cue_only[si][action] >= lab.min_evidence))?;
    let at = rubric
        .cues
        .iter()
        .zip(hits)
        .filter(|(c, _)| c.target == CueTarget::Label(Label::Action) && c.weight > 0.0)
        .flat_map(|(_, h)| h.iter().filter(|h| h.sentence == si).map(|h| h.at))
        .min()
        .unwrap_or(doc.sentences[si].span.start);
    Some(Boundary { sentence: si, at })
}

/// The evidence with the labels the candidate wrote: `EXPLICIT` for the labelled sentence,
/// `explicit_carry` for those after it until the next label. "Result: I learned that..." is a
/// lesson under a result heading: the words win.
fn with_written_labels(
    rubric: &Rubric,
    cue_only: &[[f64; Label::COUNT]],
    written: &[Option<Label>],
) -> (Vec<[f64; Label::COUNT]>, Vec<bool>) {
    let lab = &rubric.labelling;
    let mut evidence = cue_only.to_vec();
    let mut explicit = vec![false; cue_only.len()];
    let mut region: Option<Label> = None;
    for (si, w) in written.iter().enumerate() {
        if let Some(mut l) = *w {
            if l == Label::Result && cue_only[si][Label::Reflection as usize] >= lab.secondary_min {
                l = Label::Reflection;
            }
            evidence[si][l as usize] += EXPLICIT;
            explicit[si] = true;
            region = Some(l);
        } else if let Some(l) = region {
            evidence[si][l as usize] += lab.explicit_carry;
        }
    }
    (evidence, explicit)
}

/// Adds the prior of each label by the sentence's place in the answer (first, middle and last
/// third, interpolated): a tie-breaker, never enough alone. For the parts in `[labelling]
/// own_evidence` (the ending: result, lesson) a sentence with no evidence of its own for the
/// part keeps only `unearned_share` of a favourable prior: the last sentence is not how it
/// ended just for being last.
fn with_position_priors(
    rubric: &Rubric,
    cue_only: &[[f64; Label::COUNT]],
    mut evidence: Vec<[f64; Label::COUNT]>,
) -> Vec<[f64; Label::COUNT]> {
    let lab = &rubric.labelling;
    let n = evidence.len();
    for (si, ev) in evidence.iter_mut().enumerate() {
        let rel = if n == 1 {
            0.5
        } else {
            si as f64 / (n - 1) as f64
        };
        for l in Label::ALL {
            let [a, b, c] = lab.position[l as usize];
            let prior = if rel < 0.5 {
                a + (b - a) * rel * 2.0
            } else {
                b + (c - b) * (rel - 0.5) * 2.0
            };
            let unearned = lab.own_evidence.contains(&l) && cue_only[si][l as usize] <= 0.0;
            ev[l as usize] += if unearned && prior > 0.0 {
                prior * lab.unearned_share
            } else {
                prior
            };
        }
    }
    evidence
}
