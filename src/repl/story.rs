//! The story as it grows: a reply to a follow-up goes where its part of the story belongs (the
//! scene before the actions, what you did before how it ended, the lesson last), so the answer
//! reads as one story told in order and the coach judges it as one.

use std::ops::Range;

use crate::analyze::{Analysis, Label};
use crate::bank::Probe;
use crate::rubric::Dimension;

/// The part of the story a reply to a follow-up about `probe` tells (`None`: anywhere, so at
/// the end: "give me one specific example" may be a whole new story).
fn part(probe: Probe) -> Option<Label> {
    match probe {
        Probe::Situation => Some(Label::Situation),
        Probe::Task => Some(Label::Task),
        Probe::Action | Probe::Ownership => Some(Label::Action),
        Probe::Result | Probe::Metrics => Some(Label::Result),
        Probe::Reflection => Some(Label::Reflection),
        Probe::Specificity => None,
    }
}

/// `before` with `reply` placed where a reply to a follow-up about `probe` belongs, and the
/// byte range of the reply in the result. The reply goes after the last sentence of its part or
/// of an earlier one (and the unlabelled sentences right after it), as a paragraph of its own.
pub(super) fn place(
    before: &Analysis,
    probe: Option<Probe>,
    reply: &str,
) -> (String, Range<usize>) {
    let text = before.text.trim_end();
    let reply = reply.trim();
    let target = probe.and_then(part);
    let sentences = &before.sentences;
    let at = match target {
        None => text.len(),
        Some(t) => {
            match sentences
                .iter()
                .rposition(|s| s.label != Label::Other && s.label <= t)
            {
                // After that sentence and the unlabelled ones that follow it (they go with it).
                Some(i) => {
                    let last = (i + 1..sentences.len())
                        .take_while(|&j| sentences[j].label == Label::Other)
                        .last()
                        .unwrap_or(i);
                    sentences[last].span.end.min(text.len())
                }
                None => 0,
            }
        }
    };
    let (head, tail) = (text[..at].trim_end(), text[at..].trim_start());
    let mut out = String::with_capacity(text.len() + reply.len() + 4);
    out.push_str(head);
    if !head.is_empty() {
        out.push_str("\n\n");
    }
    let start = out.len();
    out.push_str(reply);
    let end = out.len();
    if !tail.is_empty() {
        out.push_str("\n\n");
        out.push_str(tail);
    }
    (out, start..end)
}

/// The parts the sentences at `indices` tell (their labels and second parts); steps told are
/// the approach too (the dimension general and situational questions score them in), and a
/// number told is a result with its measure ("my CSAT was 92%").
pub(super) fn told(a: &Analysis, indices: &[usize]) -> Vec<Dimension> {
    let mut out: Vec<Dimension> = Vec::new();
    if a.metrics.iter().any(|m| indices.contains(&m.sentence)) {
        out.extend([Dimension::Result, Dimension::Metrics]);
    }
    for s in indices.iter().filter_map(|&i| a.sentences.get(i)) {
        for l in std::iter::once(s.label).chain(s.also.iter().copied()) {
            let dims: &[Dimension] = match l {
                Label::Situation => &[Dimension::Situation],
                Label::Task => &[Dimension::Task],
                Label::Action => &[Dimension::Action, Dimension::Approach],
                Label::Result => &[Dimension::Result],
                Label::Reflection => &[Dimension::Reflection],
                Label::Other => &[],
            };
            for d in dims {
                if !out.contains(d) {
                    out.push(*d);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::rubric::RubricSet;

    const STORY: &str = "Last winter a customer called our store furious about a broken order. \
        We listened to her and we apologized. We sent a replacement the same day. She thanked \
        us in the end.";

    fn placed(probe: Option<Probe>, reply: &str) -> String {
        let rubrics = RubricSet::embedded().unwrap();
        let a = Analyzer::new(&rubrics).analyze(STORY, None);
        let (text, range) = place(&a, probe, reply);
        assert_eq!(&text[range], reply);
        text
    }

    #[test]
    fn a_reply_goes_where_its_part_belongs() {
        let own = "I was the one who took the call and I booked the replacement.";
        let text = placed(Some(Probe::Ownership), own);
        assert!(
            text.find(own).unwrap() < text.find("She thanked us").unwrap(),
            "{text}"
        );
        assert!(
            text.find("We sent").unwrap() < text.find(own).unwrap(),
            "{text}"
        );
        let lesson = "I learned to check the packing first.";
        assert!(placed(Some(Probe::Reflection), lesson).ends_with(lesson));
        let example = "Another time a caller was upset about a late refund.";
        assert!(placed(Some(Probe::Specificity), example).ends_with(example));
        let scene = "I worked the evening shift at a furniture store.";
        assert!(placed(Some(Probe::Situation), scene).find(scene).unwrap() > 0);
    }

    #[test]
    fn a_number_told_supplies_the_result_and_its_measure() {
        let rubrics = RubricSet::embedded().unwrap();
        let a = Analyzer::new(&rubrics).analyze(
            "I worked at an energy company. I handled about 50 calls a day and my CSAT was 92%.",
            None,
        );
        let parts = told(&a, &[1]);
        assert!(parts.contains(&Dimension::Result), "{parts:?}");
        assert!(parts.contains(&Dimension::Metrics), "{parts:?}");
        assert!(!told(&a, &[0]).contains(&Dimension::Metrics));
    }

    /// Regression: a sentence the coach left unlabelled after the set-up was cut off from it by
    /// a reply about how it ended.
    #[test]
    fn unlabelled_sentences_stay_with_the_part_before_them() {
        let rubrics = RubricSet::embedded().unwrap();
        let story = "A caller asked me to change the address on his account. Pretty routine stuff.";
        let a = Analyzer::new(&rubrics).analyze(story, None);
        assert_eq!(
            a.sentences[1].label,
            Label::Other,
            "fixture: {:?}",
            a.sentences
        );
        let reply = "I set him up as a contact on her account and he thanked me.";
        let (text, _) = place(&a, Some(Probe::Result), reply);
        assert!(text.ends_with(reply), "{text}");
    }
}
