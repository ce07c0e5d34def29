//! Grading results as a terminal table, CSV, JSON (in `json.rs`) and Markdown. (HTML is in
//! [`super::html`].)

mod json;

use crate::feedback::markdown::escape as md;
use crate::feedback::markup::score_role;

use super::cohort::Cohort;
use super::csv::{field, line};
use super::{Graded, Skipped};
use crate::analyze::Label;
use crate::feedback::markup::{Markup, Role};
use crate::prose::{count, shorten, width, wrap};
use crate::rubric::{Dimension, RubricSet};

pub use json::{SCHEMA_VERSION, json, jsonl_line};

/// Everything a grading run produced.
pub struct Results<'a> {
    pub graded: &'a [Graded],
    pub skipped: &'a [Skipped],
    pub cohort: &'a Cohort,
    pub rubrics: &'a RubricSet,
}

impl Results<'_> {
    /// The dimensions any answer was scored on, in a fixed order.
    pub fn dimensions(&self) -> Vec<Dimension> {
        Dimension::ALL
            .into_iter()
            .filter(|d| {
                self.graded
                    .iter()
                    .any(|g| g.analysis.dimensions.iter().any(|x| x.dimension == *d))
            })
            .collect()
    }

    /// The STAR parts an answer leaves out, as words.
    pub fn missing(&self, g: &Graded) -> Vec<Label> {
        g.missing(self.rubrics.for_kind(g.analysis.kind))
    }
}

fn score(g: &Graded, d: Dimension) -> Option<f64> {
    g.analysis.score(d)
}

fn num(x: f64) -> String {
    format!("{}", (x * 10.0).round() / 10.0)
}

fn letters(missing: &[Label]) -> String {
    missing.iter().map(|l| l.letter()).collect()
}

fn words(missing: &[Label]) -> String {
    missing
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Three-letter column heads for dimensions.
fn abbrev(d: Dimension) -> &'static str {
    match d {
        Dimension::Situation => "Sit",
        Dimension::Task => "Tsk",
        Dimension::Action => "Act",
        Dimension::Result => "Res",
        Dimension::Specificity => "Spc",
        Dimension::Metrics => "Met",
        Dimension::Reflection => "Ref",
        Dimension::Ownership => "Own",
        Dimension::Delivery => "Del",
        Dimension::Relevance => "Rel",
        Dimension::Fit => "Fit",
        Dimension::Approach => "App",
        Dimension::Attitude => "Att",
    }
}

fn pad(s: &str, w: usize) -> String {
    let s = shorten(s, w);
    let n = width(&s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn rpad(s: &str, w: usize) -> String {
    let n = width(s);
    format!("{}{s}", " ".repeat(w.saturating_sub(n)))
}

/// The table for a terminal `width` columns wide: one line per answer (dimension scores when
/// they fit), then the cohort summary.
pub fn table(r: &Results, term_width: usize) -> Markup {
    let w = term_width.clamp(60, 200);
    let mut m = Markup::new();
    let dims = r.dimensions();
    let cand_w = r
        .graded
        .iter()
        .map(|g| width(&g.candidate))
        .max()
        .unwrap_or(9)
        .clamp(9, 18);
    let q_w = r
        .graded
        .iter()
        .map(|g| width(g.question()))
        .max()
        .unwrap_or(8)
        .clamp(8, 30);
    let band_w = r
        .graded
        .iter()
        .map(|g| width(&g.analysis.band))
        .max()
        .unwrap_or(4)
        .max(4);
    // candidate, question, score, band, missing, fix: two spaces between columns. When the fix
    // does not get 30 columns, it goes on its own line under the answer's.
    let fixed = cand_w + q_w + 5 + band_w + 7 + 2 * 5;
    let show_dims = !dims.is_empty() && fixed + dims.len() * 4 + 30 <= w;
    let dims_w = if show_dims { dims.len() * 4 } else { 0 };
    let inline = fixed + dims_w + 30 <= w;
    let find_w = if inline {
        w - fixed - dims_w
    } else {
        w.saturating_sub(cand_w + 2)
    };

    let mut head = format!(
        "{}  {}  Score  {}  ",
        pad("Candidate", cand_w),
        pad("Question", q_w),
        pad("Band", band_w)
    );
    if show_dims {
        for d in &dims {
            head.push_str(&format!("{} ", abbrev(*d)));
        }
    }
    head.push_str(&pad("Missing", 7));
    if inline {
        head.push_str("  Fix first");
    }
    m.push(Role::Heading, head.trim_end().to_string()).nl();
    for g in r.graded {
        m.plain(format!(
            "{}  {}  ",
            pad(&g.candidate, cand_w),
            pad(g.question(), q_w)
        ));
        m.push(
            score_role(g.analysis.overall),
            rpad(&format!("{:.0}", g.analysis.overall), 5),
        );
        let missing = letters(&r.missing(g));
        if !inline && !show_dims && missing.is_empty() {
            m.plain(format!("  {}", g.analysis.band));
        } else {
            m.plain(format!("  {}  ", pad(&g.analysis.band, band_w)));
        }
        if show_dims {
            for d in &dims {
                let cell = score(g, *d).map_or("  -".to_string(), |s| format!("{s:>3.0}"));
                m.plain(format!("{cell} "));
            }
        }
        let fix = g
            .top_fix()
            .map(|f| shorten(&f.message, find_w))
            .unwrap_or_default();
        if inline {
            m.plain(format!("{}  ", pad(&missing, 7)));
            m.push(Role::Dim, fix).nl();
        } else {
            m.plain(missing.clone()).nl();
            if !fix.is_empty() {
                m.plain(" ".repeat(cand_w + 2)).push(Role::Dim, fix).nl();
            }
        }
    }
    if r.graded.is_empty() {
        m.push(Role::Dim, "(no answers graded)").nl();
    }
    let mut legend = String::from("Missing: S situation, T task, A action, R result, L lesson.");
    if show_dims {
        legend.push(' ');
        let names: Vec<String> = dims
            .iter()
            .map(|d| format!("{} {}", abbrev(*d), d.as_str()))
            .collect();
        legend.push_str(&names.join(", "));
        legend.push('.');
    } else if !dims.is_empty() {
        legend.push_str(" Dimension scores: --format csv, or a wider terminal.");
    }
    for l in wrap(&legend, w) {
        m.push(Role::Dim, l).nl();
    }
    m.nl().append(summary_text(r, w));
    m
}

/// The cohort summary for a terminal.
fn summary_text(r: &Results, w: usize) -> Markup {
    let c = r.cohort;
    let mut m = Markup::new();
    m.push(Role::Heading, "Cohort summary").nl();
    for s in &c.headline {
        for (i, l) in wrap(s, w.saturating_sub(4)).into_iter().enumerate() {
            m.plain(if i == 0 { "  • " } else { "    " }).plain(l).nl();
        }
    }
    if c.answers == 0 {
        return m;
    }
    let key_w = c
        .candidates
        .iter()
        .map(|g| width(&g.key))
        .max()
        .unwrap_or(9)
        .clamp(9, 24);
    m.nl()
        .push(
            Role::Heading,
            format!(
                "{}  Answers  Average  Lowest  Highest  Weakest on",
                pad("Candidate", key_w)
            ),
        )
        .nl();
    for g in &c.candidates {
        m.plain(format!("{}  {:>7}  ", pad(&g.key, key_w), g.answers))
            .push(score_role(g.mean), format!("{:>7.0}", g.mean))
            .plain(format!(
                "  {:>6.0}  {:>7.0}  {}",
                g.min,
                g.max,
                g.weakest.map_or("", |d| d.as_str())
            ))
            .nl();
    }
    let qk_w = c
        .questions
        .iter()
        .map(|g| width(&g.key))
        .max()
        .unwrap_or(8)
        .clamp(8, 44);
    m.nl()
        .push(
            Role::Heading,
            format!("{}  Answers  Average  Weakest on", pad("Question", qk_w)),
        )
        .nl();
    for g in &c.questions {
        m.plain(format!("{}  {:>7}  ", pad(&g.key, qk_w), g.answers))
            .push(score_role(g.mean), format!("{:>7.0}", g.mean))
            .plain(format!("  {}", g.weakest.map_or("", |d| d.as_str())))
            .nl();
    }
    if !c.weaknesses.is_empty() {
        m.nl().push(Role::Heading, "Most common fixes").nl();
        for wk in c.weaknesses.iter().take(5) {
            m.push(
                Role::Accent,
                format!("  {:>4}  ", format!("{:.0}%", wk.share * 100.0)),
            )
            .push(Role::Heading, wk.dimension.as_str())
            .plain(format!(
                ", {} answer{} from {} candidate{}",
                wk.answers,
                if wk.answers == 1 { "" } else { "s" },
                wk.candidates,
                if wk.candidates == 1 { "" } else { "s" }
            ))
            .nl();
            for (i, l) in wrap(&format!("e.g. “{}”", wk.message), w.saturating_sub(10))
                .into_iter()
                .enumerate()
            {
                m.plain(if i == 0 { "        " } else { "          " })
                    .push(Role::Dim, l)
                    .nl();
            }
            for (i, l) in wrap(&wk.suggestion, w.saturating_sub(10))
                .into_iter()
                .enumerate()
            {
                m.plain(if i == 0 { "        → " } else { "          " })
                    .plain(l)
                    .nl();
            }
        }
    }
    if !r.skipped.is_empty() {
        m.nl()
            .push(
                Role::Warn,
                format!(
                    "{} row{} skipped (listed on stderr).",
                    r.skipped.len(),
                    if r.skipped.len() == 1 {
                        " was"
                    } else {
                        "s were"
                    }
                ),
            )
            .nl();
    }
    m
}

/// The dimensions a CSV of grades has a column for: every one the rubrics in use can score
/// (none when no answer was graded), so the columns do not depend on which answers a file
/// holds and the header can be written before the first answer is graded.
pub fn csv_dimensions(rubrics: &RubricSet, any_graded: bool) -> Vec<Dimension> {
    if !any_graded {
        return Vec::new();
    }
    let rubrics: Vec<&crate::rubric::Rubric> = crate::bank::Kind::ALL
        .into_iter()
        .map(|k| rubrics.for_kind(k))
        .collect();
    Dimension::ALL
        .into_iter()
        .filter(|d| {
            rubrics.iter().any(|r| {
                r.weights.iter().any(|(w, _)| w == d) && r.rules.iter().any(|x| x.dimension == *d)
            })
        })
        .collect()
}

/// The header line of a CSV of grades with a column for each of `dims`.
pub fn csv_head(dims: &[Dimension]) -> String {
    let mut head: Vec<&str> = vec![
        "candidate",
        "question",
        "question_text",
        "kind",
        "overall",
        "band",
        "answer",
    ];
    head.extend(dims.iter().map(|d| d.as_str()));
    head.extend([
        "episode",
        "words",
        "missing",
        "top_finding",
        "top_finding_message",
        "file",
        "line",
    ]);
    let head: Vec<String> = head.into_iter().map(String::from).collect();
    line(&head)
}

/// One answer's line of a CSV of grades (see [`csv_head`]).
pub fn csv_row(rubrics: &RubricSet, dims: &[Dimension], g: &Graded) -> String {
    let a = &g.analysis;
    let mut f = vec![
        field(&g.candidate, true),
        field(g.question_id.as_deref().unwrap_or(""), true),
        field(&g.question_text, true),
        field(a.kind.as_str(), true),
        field(&num(a.overall), false),
        field(&a.band, true),
        field(&a.text, true),
    ];
    for d in dims {
        f.push(score(g, *d).map(num).unwrap_or_default());
    }
    let fix = g.top_fix();
    f.push(field(a.episode.as_str(), true));
    f.push(a.words.to_string());
    f.push(field(&words(&g.missing(rubrics.for_kind(a.kind))), true));
    f.push(field(fix.map_or("", |x| x.rule.as_str()), true));
    f.push(field(fix.map_or("", |x| x.message.as_str()), true));
    f.push(field(&g.at.file, true));
    f.push(if g.at.line > 0 {
        g.at.line.to_string()
    } else {
        String::new()
    });
    line(&f)
}

/// One row per answer, RFC 4180, CRLF line ends, a header row; the answer's text beside its
/// score, so a coach who sorts by score reads the answers in that order.
pub fn csv(r: &Results) -> String {
    let dims = csv_dimensions(r.rubrics, !r.graded.is_empty());
    let mut out = csv_head(&dims);
    for g in r.graded {
        out.push_str(&csv_row(r.rubrics, &dims, g));
    }
    out
}

/// One answer per line, each the object `--format json` has in `answers`, on one line.
pub fn jsonl(r: &Results) -> String {
    r.graded.iter().map(|g| jsonl_line(r.rubrics, g)).collect()
}

/// A readable report: the summary in words, candidates, questions, fixes, every answer.
pub fn markdown(r: &Results, title: &str) -> String {
    let c = r.cohort;
    let mut s = format!("# {}\n\n", md(title));
    for h in &c.headline {
        s.push_str(&format!("- {}\n", md(h)));
    }
    s.push('\n');
    if !c.weaknesses.is_empty() {
        s.push_str("## What to work on\n\n");
        for (i, w) in c.weaknesses.iter().take(5).enumerate() {
            s.push_str(&format!(
                "{}. **{}**: {} {} ({:.0}%), {}; e.g. “{}”\n",
                i + 1,
                w.dimension,
                md(&w.suggestion),
                count(w.answers, "answer"),
                w.share * 100.0,
                count(w.candidates, "candidate"),
                md(&w.message)
            ));
        }
        s.push('\n');
    }
    if c.answers > 0 {
        s.push_str("## Candidates\n\n| Candidate | Answers | Average | Lowest | Highest | Weakest on | Fix given most |\n|---|---:|---:|---:|---:|---|---|\n");
        for g in &c.candidates {
            s.push_str(&format!(
                "| {} | {} | {:.0} | {:.0} | {:.0} | {} | {} |\n",
                md(&g.key),
                g.answers,
                g.mean,
                g.min,
                g.max,
                g.weakest.map_or("", |d| d.as_str()),
                g.top_fix_message.as_deref().map(md).unwrap_or_default()
            ));
        }
        s.push_str("\n## Questions\n\n| Question | Answers | Average | Weakest on |\n|---|---:|---:|---|\n");
        for g in &c.questions {
            s.push_str(&format!(
                "| {} | {} | {:.0} | {} |\n",
                md(&g.text),
                g.answers,
                g.mean,
                g.weakest.map_or("", |d| d.as_str())
            ));
        }
        s.push_str("\n## Dimensions\n\n| Dimension | Average | Answers |\n|---|---:|---:|\n");
        for d in &c.dimensions {
            s.push_str(&format!(
                "| {} | {:.0} | {} |\n",
                d.dimension, d.mean, d.answers
            ));
        }
        s.push_str("\n## Answers\n\n| Candidate | Question | Score | Band | Episode | Missing | Fix first |\n|---|---|---:|---|---|---|---|\n");
        for g in r.graded {
            s.push_str(&format!(
                "| {} | {} | {:.0} | {} | {} | {} | {} |\n",
                md(&g.candidate),
                md(&shorten(&g.question_text, 60)),
                g.analysis.overall,
                g.analysis.band,
                crate::feedback::text::episode_phrase(g.analysis.episode),
                words(&r.missing(g)),
                g.top_fix().map(|f| md(&f.message)).unwrap_or_default()
            ));
        }
        s.push('\n');
    }
    if !r.skipped.is_empty() {
        s.push_str("## Skipped rows\n\n");
        for k in r.skipped {
            s.push_str(&format!("- `{}`: {}\n", k.at, md(&k.reason)));
        }
        s.push('\n');
    }
    s
}
