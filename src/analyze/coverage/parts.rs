//! Areas covered by their STAR part: an area that names the part it asks for (`part =
//! "result"` for "Say how the call ended") is covered by a sentence the analysis reads as that
//! part on its own cues, whatever its words.

use super::super::star::Labelled;
use super::super::{AreaCoverage, Document, Label};
use crate::bank::{Area, Probe};

/// Covers the areas that name a STAR part the answer has, on a sentence's own cues: the first
/// sentence labelled that part (or also carrying it) with its label backed by its cues.
pub(in crate::analyze) fn credit_parts(
    coverage: &mut [AreaCoverage],
    areas: &[Area],
    doc: &Document<'_>,
    labelled: &Labelled,
) {
    for (cov, area) in coverage.iter_mut().zip(areas) {
        let Some(label) = area.part.and_then(label_of) else {
            continue;
        };
        if cov.covered {
            continue;
        }
        let carried = |si: usize| {
            labelled.backed[si]
                && (labelled.labels[si] == label || labelled.also[si].contains(&label))
        };
        if let Some(si) = (0..labelled.labels.len()).find(|&si| carried(si)) {
            cov.covered = true;
            cov.weak = false;
            cov.evidence = Some(doc.sentences[si].span.clone());
            cov.by_part = Some(label);
        }
    }
}

fn label_of(part: Probe) -> Option<Label> {
    Some(match part {
        Probe::Situation => Label::Situation,
        Probe::Task => Label::Task,
        Probe::Action => Label::Action,
        Probe::Result => Label::Result,
        Probe::Reflection => Label::Reflection,
        Probe::Metrics | Probe::Specificity | Probe::Ownership => return None,
    })
}
