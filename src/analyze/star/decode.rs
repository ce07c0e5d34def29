//! Decoding the labels of all sentences together (Viterbi): the best sequence of labels under
//! the evidence, with a bonus for keeping a label (`stay`) or moving forward through the
//! story's phases, set-up (situation and task, in either order) -> action -> result ->
//! reflection (`forward` for the next phase, `skip` for a later one), and a penalty for moving
//! back to an earlier phase (`backward`). Going from the set-up to the action is one step
//! forward whether or not a task was told, so no sentence becomes a task just to fill the gap.
//! "Other" (no part) is neutral.

use super::super::Label;
use crate::rubric::Labelling;

/// Where a part belongs in a story: set-up 0 (situation, task), action 1, result 2, reflection 3.
fn phase(l: Label) -> u8 {
    match l {
        Label::Situation | Label::Task => 0,
        Label::Action => 1,
        Label::Result => 2,
        Label::Reflection | Label::Other => 3,
    }
}

/// The best label of each sentence. A STAR label is emitted with its evidence; "other" with
/// `min_evidence` plus its own cues' evidence (`cue_only`), so a sentence needs at least that
/// much for a part.
pub(super) fn viterbi(
    lab: &Labelling,
    evidence: &[[f64; Label::COUNT]],
    cue_only: &[[f64; Label::COUNT]],
) -> Vec<Label> {
    let n = evidence.len();
    let emit = |si: usize, l: Label| -> f64 {
        if l == Label::Other {
            lab.min_evidence + cue_only[si][Label::Other as usize]
        } else {
            evidence[si][l as usize]
        }
    };
    let trans = |from: Label, to: Label| -> f64 {
        if from == Label::Other || to == Label::Other {
            return 0.0;
        }
        let (a, b) = (phase(from), phase(to));
        if from == to {
            lab.stay
        } else if a == b {
            // Situation and task are told in either order ("my job was to... the caller was"):
            // changing between them is as free as staying.
            lab.stay
        } else if b == a + 1 {
            lab.forward
        } else if b > a {
            lab.skip
        } else {
            lab.backward
        }
    };
    let mut best = vec![[f64::NEG_INFINITY; Label::COUNT]; n];
    let mut back = vec![[0usize; Label::COUNT]; n];
    for l in Label::ALL {
        best[0][l as usize] = emit(0, l);
    }
    for si in 1..n {
        for to in Label::ALL {
            let (arg, val) = Label::ALL
                .iter()
                .map(|&from| (from as usize, best[si - 1][from as usize] + trans(from, to)))
                .fold(
                    (0, f64::NEG_INFINITY),
                    |acc, x| if x.1 > acc.1 { x } else { acc },
                );
            best[si][to as usize] = val + emit(si, to);
            back[si][to as usize] = arg;
        }
    }
    let mut labels = vec![Label::Other; n];
    let mut cur = (0..Label::COUNT).fold(0, |acc, l| {
        if best[n - 1][l] > best[n - 1][acc] {
            l
        } else {
            acc
        }
    });
    for si in (0..n).rev() {
        labels[si] = Label::ALL[cur];
        cur = back[si][cur];
    }
    labels
}
