//! Grading results as one JSON document (`grade --format json`), versioned, with each answer's
//! analysis as `analyze --format json` prints it.

use serde::Serialize;

use super::Results;
use crate::analyze::Label;
use crate::grade::Graded;
use crate::grade::cohort::Cohort;
use crate::rubric::RubricSet;

/// The JSON schema version of `grade --format json`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct JsonAnswer<'a> {
    candidate: &'a str,
    question: Option<&'a str>,
    question_text: &'a str,
    file: &'a str,
    line: Option<usize>,
    missing: Vec<Label>,
    top_finding: Option<&'a str>,
    /// The same object `starcoach analyze --format json` prints.
    analysis: crate::feedback::json::Report<'a>,
}

#[derive(Serialize)]
struct JsonSkipped<'a> {
    file: &'a str,
    line: Option<usize>,
    reason: &'a str,
}

#[derive(Serialize)]
struct JsonAll<'a> {
    schema_version: u32,
    answers: Vec<JsonAnswer<'a>>,
    skipped: Vec<JsonSkipped<'a>>,
    summary: &'a Cohort,
}

/// The document `grade --format json` prints (without the answers unless `answers`).
fn json_doc<'a>(r: &'a Results<'_>, answers: bool) -> JsonAll<'a> {
    JsonAll {
        schema_version: SCHEMA_VERSION,
        answers: if answers {
            r.graded.iter().map(|g| json_answer(r.rubrics, g)).collect()
        } else {
            Vec::new()
        },
        skipped: r
            .skipped
            .iter()
            .map(|s| JsonSkipped {
                file: &s.at.file,
                line: (s.at.line > 0).then_some(s.at.line),
                reason: &s.reason,
            })
            .collect(),
        summary: r.cohort,
    }
}

fn json_answer<'a>(rubrics: &RubricSet, g: &'a Graded) -> JsonAnswer<'a> {
    JsonAnswer {
        candidate: &g.candidate,
        question: g.question_id.as_deref(),
        question_text: &g.question_text,
        file: &g.at.file,
        line: (g.at.line > 0).then_some(g.at.line),
        missing: g.missing(rubrics.for_kind(g.analysis.kind)),
        top_finding: g.top_fix().map(|f| f.rule.as_str()),
        analysis: crate::feedback::json::report(&g.analysis, &g.feedback),
    }
}

/// One answer as a line of `grade --format jsonl`: the object `--format json` has for it in
/// `answers`, on one line.
pub fn jsonl_line(rubrics: &RubricSet, g: &Graded) -> String {
    let mut s = serde_json::to_string(&json_answer(rubrics, g)).expect("results serialize");
    s.push('\n');
    s
}

/// `value` pretty-printed as it would be `depth` levels deep in a document: every line after
/// the first indented by two spaces per level. (Strings never hold a raw line break in JSON,
/// so every `\n` of the output is between values.)
fn pretty_at<T: Serialize>(value: &T, depth: usize, out: &mut String) {
    let s = serde_json::to_string_pretty(value).expect("results serialize");
    let pad = "  ".repeat(depth);
    out.reserve(s.len() + s.len() / 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&pad);
        }
        out.push_str(line);
    }
}

/// Answers at least this many are serialized on two threads.
const JSON_PARALLEL_FROM: usize = 64;

/// Everything as one JSON document: what `serde_json::to_string_pretty` gives for the whole
/// (a test checks), with the answers, most of the output, serialized on two threads.
pub fn json(r: &Results) -> String {
    let doc = json_doc(r, false);
    let answers_part = |part: &[&Graded]| -> String {
        let mut out = String::new();
        for (i, g) in part.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            out.push_str("    ");
            pretty_at(&json_answer(r.rubrics, g), 2, &mut out);
        }
        out
    };
    let graded: Vec<&Graded> = r.graded.iter().collect();
    let answers = if graded.len() >= JSON_PARALLEL_FROM && crate::grade::default_workers() > 1 {
        let (a, b) = graded.split_at(graded.len() / 2);
        let (a, b) = std::thread::scope(|s| {
            let h = s.spawn(|| answers_part(b));
            (answers_part(a), h.join())
        });
        match b {
            Ok(b) => format!("{a},\n{b}"),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    } else {
        answers_part(&graded)
    };
    let mut s = String::with_capacity(answers.len() + 4096);
    s.push_str("{\n  \"schema_version\": ");
    s.push_str(&doc.schema_version.to_string());
    s.push_str(",\n  \"answers\": ");
    if graded.is_empty() {
        s.push_str("[]");
    } else {
        s.push_str("[\n");
        s.push_str(&answers);
        s.push_str("\n  ]");
    }
    s.push_str(",\n  \"skipped\": ");
    pretty_at(&doc.skipped, 1, &mut s);
    s.push_str(",\n  \"summary\": ");
    pretty_at(&doc.summary, 1, &mut s);
    s.push_str("\n}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::bank::{Catalog, Kind};
    use crate::grade::Skipped;
    use crate::grade::{Asked, Location, Row, grade, prepare};
    use crate::rubric::RubricSet;

    fn results_json(n: usize) -> (String, String) {
        let catalog = Catalog::embedded().unwrap();
        let rubrics = RubricSet::embedded().unwrap();
        let analyzer = Analyzer::new(&rubrics);
        let answers = [
            "Last spring a caller was furious about a \"double\" charge. I apologized, refunded the $40 the same day and set up an alert. She stayed with us.",
            "I always listen and stay calm.\nThen I\tescalate – if needed.",
        ];
        let rows = (0..n)
            .map(|i| Row {
                at: Location::new("t.jsonl", i + 1),
                candidate: format!("c{}", i % 3),
                asked: Asked::Id("angry-customer-call-center".into()),
                answer: answers[i % 2].into(),
            })
            .collect();
        let (jobs, _) = prepare(rows, &catalog, Kind::Behavioral);
        let graded = grade(&jobs, &analyzer, 2, &mut |_, _| {});
        let skipped = vec![Skipped {
            at: Location::new("t.jsonl", n + 1),
            reason: "an \"unknown\" id".into(),
        }];
        let cohort = crate::grade::cohort::summarize(&graded, &rubrics);
        let r = Results {
            graded: &graded,
            skipped: &skipped,
            cohort: &cohort,
            rubrics: &rubrics,
        };
        let reference = serde_json::to_string_pretty(&json_doc(&r, true)).unwrap() + "\n";
        (json(&r), reference)
    }

    #[test]
    fn json_is_what_serde_prints_for_the_whole_document() {
        for n in [0, 1, 2, JSON_PARALLEL_FROM + 3] {
            let (ours, reference) = results_json(n);
            assert_eq!(ours, reference, "{n} answers");
        }
    }
}
