//! What the fuzz targets assert, in one place: an analysis's spans and scores, the feedback
//! built from it, every renderer's output, and loader diagnostics.
//!
//! Each check panics with a message naming what broke, so libFuzzer reports it as a crash and
//! keeps the input in `artifacts/`.

use std::ops::Range;

use starcoach::analyze::{Analysis, Analyzer, Context, Label};
use starcoach::bank::{Kind, Question};
use starcoach::diag::Diagnostics;
use starcoach::feedback::{self, Feedback, text::Layout};
use starcoach::rubric::Rubric;

/// An answer that touches most of a rubric's rules (a STAR story with a number, "we", a hedge
/// and a filler), for targets that fuzz the data rather than the answer.
pub const SAMPLE_ANSWER: &str = "Last spring a caller was furious about a double charge on her bill. \
My task was to fix it before she cancelled. I apologized, um, I checked her account and we \
found the duplicate payment, so I refunded the $40 the same day. I think she was happy: she \
stayed with us and our complaints fell by 20%. I learned to check for duplicates first.";

/// Asserts that `span` is a byte range of `text` starting and ending on character boundaries.
pub fn assert_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not a char-boundary range of the {}-byte answer",
        text.len()
    );
}

/// Every span in the analysis is a valid range of its text; sentence indices point at
/// sentences. Sentences keep the contract of `analyze::segment::sentences`: in order, not
/// overlapping, trimmed, and together holding every non-whitespace character; their words add
/// up to the answer's.
pub fn check_spans(a: &Analysis) {
    let t = a.text.as_str();
    let n = a.sentences.len();
    let mut at = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        assert_span(t, &s.span, &format!("sentence {i}"));
        assert!(
            s.span.start >= at,
            "sentence {i} {:?} starts before the previous one ends ({at})",
            s.span
        );
        assert!(
            t[at..s.span.start].trim().is_empty(),
            "text left out before sentence {i}: {:?}",
            &t[at..s.span.start]
        );
        let own = &t[s.span.clone()];
        assert!(
            !own.is_empty() && own.trim() == own,
            "sentence {i} is empty or not trimmed: {own:?}"
        );
        at = s.span.end;
    }
    assert!(
        t[at..].trim().is_empty(),
        "text left out after the last sentence: {:?}",
        &t[at..]
    );
    assert_eq!(
        a.words,
        a.sentences.iter().map(|s| s.words).sum::<usize>(),
        "the answer's words are its sentences' words"
    );
    for label in Label::ALL {
        if let Some(part) = a.star.part(label) {
            assert_eq!(
                part.present,
                !part.sentences.is_empty(),
                "{label:?} present"
            );
            for &i in &part.sentences {
                assert!(i < n, "{label:?} names sentence {i} of {n}");
            }
        }
    }
    for (i, m) in a.metrics.iter().enumerate() {
        assert_span(t, &m.span, &format!("metric {i}"));
        assert!(
            m.sentence < n,
            "metric {i} in sentence {} of {n}",
            m.sentence
        );
        assert!(m.value.is_finite(), "metric {i} value {}", m.value);
        let home = &a.sentences[m.sentence].span;
        assert!(
            home.start <= m.span.start && m.span.start < home.end,
            "metric {i} {:?} does not start in its sentence {:?}",
            m.span,
            home
        );
    }
    for (i, c) in a.areas.iter().enumerate() {
        if let Some(e) = &c.evidence {
            assert_span(t, e, &format!("area {i} evidence"));
        }
    }
    for f in &a.findings {
        assert_span(t, &f.span, &format!("finding {}", f.rule));
        for h in &f.hits {
            assert_span(t, h, &format!("finding {} hit", f.rule));
        }
    }
    for s in &a.strengths {
        if let Some(sp) = &s.span {
            assert_span(t, sp, &format!("strength {}", s.rule));
        }
    }
}

fn in_0_100(x: f64) -> bool {
    x.is_finite() && (0.0..=100.0).contains(&x)
}

/// The ranges `docs/json.md` and `src/analyze/score.rs` promise: dimension and overall scores
/// 0-100, a length factor in 0-1, non-negative costs and times, everything finite. With
/// `shipped`, also what holds for the shipped rubrics' rules: credit rules earn between 0 and
/// their points, penalties only take away.
pub fn check_scores(a: &Analysis, rubric: &Rubric, shipped: bool) {
    assert!(in_0_100(a.overall), "overall {}", a.overall);
    assert!(
        a.length_factor.is_finite() && (0.0..=1.0).contains(&a.length_factor),
        "length_factor {}",
        a.length_factor
    );
    assert!(
        a.speaking_seconds.is_finite() && a.speaking_seconds >= 0.0,
        "speaking_seconds {}",
        a.speaking_seconds
    );
    assert_eq!(a.band, rubric.band(a.overall), "band of {}", a.overall);
    for d in &a.dimensions {
        assert!(in_0_100(d.score), "{} score {}", d.dimension, d.score);
        assert!(d.weight.is_finite(), "{} weight {}", d.dimension, d.weight);
        for c in &d.contributions {
            assert!(
                c.measure.is_finite() && c.points.is_finite() && c.possible.is_finite(),
                "rule {}: {c:?}",
                c.rule
            );
            if shipped {
                assert!(c.possible >= 0.0, "rule {}: {c:?}", c.rule);
                if c.possible > 0.0 {
                    assert!(
                        (0.0..=c.possible).contains(&c.points),
                        "credit rule {}: {c:?}",
                        c.rule
                    );
                } else {
                    assert!(c.points <= 0.0, "penalty rule {}: {c:?}", c.rule);
                }
            }
        }
    }
    for f in &a.findings {
        assert!(f.cost.is_finite(), "finding {} cost {}", f.rule, f.cost);
        if shipped {
            assert!(f.cost >= 0.0, "finding {} cost {}", f.rule, f.cost);
        }
    }
    if !a.language_ok {
        assert_eq!(a.findings.len(), 1, "a foreign answer has one finding");
        assert!(a.dimensions.is_empty(), "a foreign answer is not scored");
    }
}

/// The feedback keeps to the rubric's limits and points inside the answer.
pub fn check_feedback(a: &Analysis, fb: &Feedback, rubric: &Rubric) {
    assert!(
        fb.fixes.len() <= rubric.feedback.max_fixes,
        "{} fixes, at most {}",
        fb.fixes.len(),
        rubric.feedback.max_fixes
    );
    for f in &fb.fixes {
        assert_span(&a.text, &f.span, &format!("fix {}", f.rule));
        assert!(
            a.findings.iter().any(|x| x.rule == f.rule),
            "fix {} is not a finding",
            f.rule
        );
    }
}

/// Renders the feedback with every renderer: the JSON must parse, say schema version 1 and
/// quote each sentence and metric as its offsets say; the plain text has no escape bytes.
pub fn check_renderers(a: &Analysis, fb: &Feedback, rubric: &Rubric, title: &str, width: usize) {
    let json = feedback::json::to_string(a, fb);
    let v: serde_json::Value = serde_json::from_str(&json).expect("the JSON output parses");
    assert_eq!(v["schema_version"], 1);
    for (key, items) in [("sentences", &v["sentences"]), ("metrics", &v["metrics"])] {
        for item in items.as_array().expect("an array") {
            let (start, end) = (
                item["start"].as_u64().expect("start") as usize,
                item["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                item["text"].as_str(),
                a.text.get(start..end),
                "{key} text vs offsets"
            );
        }
    }
    let _ = feedback::markdown::render(a, fb, rubric, title);
    let layout = Layout {
        width,
        ..Layout::default()
    };
    let text = feedback::text::render(a, fb, rubric, layout);
    let plain = text.render(false);
    assert!(!plain.contains('\x1b'), "escape bytes in plain text output");
    let _ = text.render(true);
    let _ = feedback::text::explain(a).render(false);
    let _ = feedback::html::card(a, fb, title, "");
}

/// Analyzes `answer` in `ctx`, builds the feedback, and runs every check above.
pub fn analyze_and_check(
    analyzer: &Analyzer<'_>,
    answer: &str,
    kind: Kind,
    question: Option<&Question>,
    shipped: bool,
    width: usize,
) -> Analysis {
    let a = analyzer.analyze_in(answer, Context { kind, question });
    assert_eq!(a.text, answer, "the analysis carries the answer as given");
    let rubric = analyzer.rubrics().for_kind(kind);
    check_spans(&a);
    check_scores(&a, rubric, shipped);
    let fb = feedback::coach(&a, rubric, question);
    check_feedback(&a, &fb, rubric);
    let title = question.map_or("Your answer", |q| q.text.as_str());
    check_renderers(&a, &fb, rubric, title, width);
    a
}

/// A loader's diagnostics: at least one, each renders, positions are consistent, and one
/// about `source` (named `file`) shows the line it names.
pub fn check_diagnostics(d: &Diagnostics, file: &str, source: &str) {
    assert!(!d.is_empty(), "an error with no diagnostics");
    for x in &d.0 {
        assert_eq!(
            x.line > 0,
            x.snippet.is_some(),
            "a located diagnostic has a snippet: {x:?}"
        );
        if let (true, Some(s)) = (x.file == file, &x.snippet) {
            let line = source.split('\n').nth(x.line - 1);
            assert_eq!(
                line.map(|l| l.trim_end_matches('\r')),
                Some(s.text.as_str()),
                "the snippet is line {} of the file: {x:?}",
                x.line
            );
        }
        if let Some(s) = &x.snippet {
            assert!(
                s.underline.start < s.underline.end,
                "empty underline: {x:?}"
            );
            assert_eq!(
                x.column,
                s.underline.start + 1,
                "column vs underline: {x:?}"
            );
        }
    }
    let shown = d.to_string();
    assert!(shown.starts_with("error: "), "{shown}");
}

/// A simple hash of the input, to vary choices (question, width) deterministically.
pub fn pick(data: &[u8]) -> usize {
    data.iter()
        .fold(0usize, |h, &b| h.wrapping_mul(31).wrapping_add(b as usize))
}
