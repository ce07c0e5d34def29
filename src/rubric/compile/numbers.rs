//! The numbers of a rubric's sections other than its rules, checked before compiling: each is
//! finite and in its range, so a rubric that passes `rubric check` scores like any other.

use super::context::Ctx;
use super::merge::Merged;
use super::*;

/// Dimension weights are relative: 0 shows a dimension without counting it.
pub(super) const WEIGHTS: (f64, f64) = (0.0, 1000.0);
/// Evidence weights and bonuses (cues, labelling), which may be negative.
const EVIDENCE: (f64, f64) = (-1000.0, 1000.0);
/// A share of something.
const SHARE: (f64, f64) = (0.0, 1.0);
/// A score out of 100.
const SCORE: (f64, f64) = (0.0, 100.0);

/// Every number of the sections that are not rules: finite and in range, so a rubric that
/// passes `rubric check` scores like any other.
pub(super) fn check_numbers(cx: &mut Ctx<'_>, m: &Merged) {
    let top = 0;
    for b in &m.bands {
        cx.number(
            top,
            None,
            &format!("[[band]] `{}`: `min`", b.name),
            b.min,
            SCORE,
        );
    }
    if let Some(l) = &m.labelling {
        for (key, v) in [
            ("min_evidence", l.min_evidence),
            ("stay", l.stay),
            ("forward", l.forward),
            ("skip", l.skip),
            ("backward", l.backward),
            ("explicit_carry", l.explicit_carry),
            ("secondary_min", l.secondary_min),
        ] {
            if let Some(v) = v {
                cx.number(top, None, &format!("[labelling] `{key}`"), v, EVIDENCE);
            }
        }
        if let Some(v) = l.unearned_share {
            cx.number(top, None, "[labelling] `unearned_share`", v, (0.0, 1.0));
        }
        for (label, ws) in &l.position {
            for w in ws {
                let what = format!("[labelling.position] `{}`", label.as_str());
                cx.number(top, None, &what, *w, EVIDENCE);
            }
        }
    }
    for (c, file) in &m.cues {
        let what = format!("cue `{}`: `weight`", c.id.get_ref());
        cx.number(*file, Some(c.id.span()), &what, c.weight, EVIDENCE);
    }
    if let Some(e) = &m.episode {
        cx.number(
            top,
            None,
            "[episode] `min_evidence`",
            e.min_evidence,
            (0.0, 1000.0),
        );
        cx.number(
            top,
            None,
            "[episode] `dominant_share`",
            e.dominant_share,
            SHARE,
        );
    }
    if let Some((x, file)) = &m.metrics {
        if let Some(n) = x.min_count {
            cx.number(*file, None, "[metrics] `min_count`", n, (0.0, 1e9));
        }
    }
    if let Some((l, file)) = &m.language {
        cx.number(*file, None, "[language] `min_share`", l.min_share, SHARE);
    }
    if let Some(x) = &m.scoring {
        cx.number(
            top,
            None,
            "[scoring] `full_words`",
            x.full_words,
            (0.0, 100_000.0),
        );
        cx.number(top, None, "[scoring] `floor`", x.floor, SHARE);
    }
    if let Some(d) = &m.delivery {
        let wpm = d.words_per_minute;
        cx.number(
            top,
            None,
            "[delivery] `words_per_minute`",
            wpm,
            (1.0, 1000.0),
        );
        let [a, b] = d.target_seconds;
        let ok = cx.number(
            top,
            None,
            "[delivery] `target_seconds` (shortest)",
            a,
            (0.0, 36_000.0),
        ) & cx.number(
            top,
            None,
            "[delivery] `target_seconds` (longest)",
            b,
            (0.0, 36_000.0),
        );
        if ok && a > b {
            cx.problems.push(
                Diagnostic::file(
                    &cx.srcs[top].name,
                    format!("[delivery] `target_seconds = [{a}, {b}]` has the longest time first"),
                )
                .with_help("write [shortest, longest], e.g. [60, 120]"),
            );
        }
    }
    if let Some(f) = &m.feedback {
        cx.number(
            top,
            None,
            "[feedback] `strength_min`",
            f.strength_min,
            SCORE,
        );
        if let Some(x) = f.praise_evidence {
            cx.number(top, None, "[feedback] `praise_evidence`", x, (0.0, 100.0));
        }
    }
}
