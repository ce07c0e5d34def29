//! The progress report as one self-contained HTML file for a coach: the summary and what to
//! practise next first, then the charts, the tables, and every answer with its sentences
//! coloured by STAR part and the coach's feedback.
//!
//! Answers are re-analyzed with the loaded rubrics (the analyzer is deterministic), and each
//! says which rubric produced its feedback. All user text goes through [`escape`].

use std::fmt::Write as _;

use super::{Progress, Recomputed, date_time, recompute, short_date};
use crate::analyze::Analyzer;
use crate::bank::Catalog;
use crate::feedback::html::badge;
use crate::html::{self, Bar, Series, escape, score_class};
use crate::rubric::{Rubric, RubricSet};
use crate::session::AttemptRecord;

fn signed(x: f64) -> String {
    let r = x.round();
    let (class, text) = if r > 0.0 {
        ("up", format!("+{r:.0}"))
    } else if r < 0.0 {
        ("down", format!("\u{2212}{:.0}", -r))
    } else {
        ("muted", "±0".to_string())
    };
    format!("<span class=\"{class}\">{text}</span>")
}

/// The whole report as an HTML document.
pub fn render(p: &Progress, catalog: &Catalog, rubrics: &RubricSet) -> String {
    let mut b = String::new();
    let who = p.who();
    let title = if who.is_empty() {
        "Interview practice progress".to_string()
    } else {
        format!("Interview practice progress: {who}")
    };
    b.push_str(
        "<header class=\"top\"><p class=\"muted small\">starcoach · interview practice report</p>",
    );
    let _ = write!(b, "<h1>{}</h1>", escape(&title));
    if let (Some(a), Some(z)) = (p.attempts.first(), p.attempts.last()) {
        let span = if short_date(&a.time) == short_date(&z.time) {
            short_date(&a.time)
        } else {
            format!("{} – {}", short_date(&a.time), short_date(&z.time))
        };
        let _ = write!(
            b,
            "<p class=\"muted\">{} · {} · {} · {span}, {}</p>",
            plural(p.sessions.len(), "session"),
            plural(p.attempts.len(), "answer"),
            plural(p.questions.len(), "question"),
            escape(z.time.get(..4).unwrap_or(""))
        );
    }
    if let Some(f) = filters(p) {
        let _ = write!(b, "<p class=\"small muted\">Showing {}</p>", escape(&f));
    }
    b.push_str("</header>");
    if let Some(note) = p.mixed_note() {
        let _ = write!(b, "<p class=\"note\">{}</p>", escape(&note));
    }
    if p.attempts.is_empty() {
        b.push_str("<p class=\"card\">No answers match these filters yet.</p>");
    } else {
        summary(&mut b, p);
    }
    next(&mut b, p);
    if !p.attempts.is_empty() {
        charts(&mut b, p);
        if let Some(l) = &p.language {
            b.push_str(&l.html());
        }
        tables(&mut b, p, catalog);
        attempts(&mut b, p, catalog, rubrics);
        untried_detail(&mut b, p);
    }
    let _ = write!(
        b,
        "<footer>Made with starcoach {} on {} UTC. Scores and feedback come from a rule-based, \
         deterministic analyzer: the same answer and rubric always give the same result.</footer>",
        env!("CARGO_PKG_VERSION"),
        escape(&date_time(&p.generated))
    );
    html::page(&title, &b)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The filters in words, when any is set.
fn filters(p: &Progress) -> Option<String> {
    let f = &p.filter;
    let mut parts = Vec::new();
    if let Some(s) = &f.since {
        parts.push(format!("answers since {}", date_time(s)));
    }
    if !f.tags.is_empty() {
        parts.push(format!("tags {}", f.tags.join(", ")));
    }
    if !f.questions.is_empty() {
        parts.push(format!("questions {}", f.questions.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Three cards: the overall score, where it improved, what is weakest.
fn summary(b: &mut String, p: &Progress) {
    b.push_str(
        "<div class=\"grid\" style=\"margin-top:14px\"><div class=\"card\"><h3>Overall score</h3>",
    );
    let latest = p.points.last().map_or(0.0, |x| x.overall);
    let _ = write!(b, "<p class=\"big\">{}", badge(latest));
    if let Some((a, z)) = p.overall_change() {
        let _ = write!(
            b,
            " <span class=\"small\">from {a:.0} {}</span>",
            signed(z - a)
        );
    }
    b.push_str("</p>");
    let best = p.points.iter().map(|x| x.overall).fold(0.0, f64::max);
    let _ = write!(
        b,
        "<p class=\"small muted\">Latest {}; best {best:.0}.</p></div>",
        match p.per {
            super::Per::Session => "session",
            super::Per::Answer => "answer",
        }
    );
    b.push_str("<div class=\"card\"><h3>Improved</h3>");
    let improved = p.improved();
    if improved.is_empty() {
        b.push_str(
            "<p class=\"muted\">Nothing has moved much yet: more sessions will show it.</p>",
        );
    } else {
        b.push_str("<ul>");
        for d in improved.iter().take(4) {
            let _ = write!(
                b,
                "<li>{} {} <span class=\"muted small\">({:.0} → {:.0})</span></li>",
                d.dimension,
                signed(d.change),
                d.first,
                d.latest
            );
        }
        b.push_str("</ul>");
    }
    b.push_str("</div><div class=\"card\"><h3>Weakest lately</h3>");
    let weakest: Vec<_> = p
        .weakest(3)
        .into_iter()
        .filter(|d| d.recent < 80.0)
        .collect();
    if weakest.is_empty() {
        b.push_str("<p class=\"muted\">Every part scores 80 or more lately.</p>");
    } else {
        b.push_str("<ul>");
        for d in weakest {
            let _ = write!(b, "<li>{} {}</li>", d.dimension, badge(d.recent));
        }
        b.push_str("</ul>");
    }
    b.push_str("</div></div>");
}

fn next(b: &mut String, p: &Progress) {
    b.push_str("<section id=\"next\"><h2>What to practise next</h2><div class=\"card\"><ol>");
    for s in &p.next {
        let _ = write!(b, "<li>{}", escape(&s.text));
        if let Some(c) = &s.command {
            let _ = write!(b, "<br><code>{}</code>", escape(c));
        }
        b.push_str("</li>");
    }
    b.push_str("</ol></div></section>");
}

fn charts(b: &mut String, p: &Progress) {
    b.push_str("<section id=\"trend\"><h2>Progress over time</h2><div class=\"card\">");
    let labels: Vec<String> = p.points.iter().map(|x| x.label.clone()).collect();
    let overall: Vec<f64> = p.points.iter().map(|x| x.overall).collect();
    b.push_str(&html::line_chart(
        "Overall score",
        &labels,
        &[Series {
            name: "overall",
            values: &overall,
        }],
        100.0,
    ));
    let _ = write!(
        b,
        "<p class=\"small muted\">{}</p></div>",
        escape(p.per_phrase())
    );
    let weakest = p.weakest(3);
    if p.points.len() >= 2 && !weakest.is_empty() {
        let values: Vec<Vec<f64>> = weakest
            .iter()
            .map(|d| d.values.iter().map(|v| v.unwrap_or(f64::NAN)).collect())
            .collect();
        let names: Vec<&str> = weakest.iter().map(|d| d.dimension.as_str()).collect();
        let series: Vec<Series> = names
            .iter()
            .zip(&values)
            .map(|(name, values)| Series { name, values })
            .collect();
        b.push_str("<div class=\"card\">");
        b.push_str(&html::line_chart(
            "The weakest parts lately, over time",
            &labels,
            &series,
            100.0,
        ));
        b.push_str("</div>");
    }
    let names: Vec<String> = p
        .dimensions
        .iter()
        .map(|d| {
            if d.counted {
                d.dimension.to_string()
            } else {
                format!("{} (not counted)", d.dimension)
            }
        })
        .collect();
    let several = p.points.len() >= 2;
    let bars: Vec<Bar> = p
        .dimensions
        .iter()
        .zip(&names)
        .map(|(d, name)| Bar {
            label: name,
            value: d.latest,
            before: several.then_some(d.first),
        })
        .collect();
    b.push_str("<div class=\"card\">");
    b.push_str(&html::bar_chart("Each part of the answer", &bars, 100.0));
    let _ = write!(
        b,
        "<p class=\"small muted\">The latest score for each part{}.</p></div></section>",
        if several {
            "; the dark tick marks where it started, the number after it the change"
        } else {
            ""
        }
    );
}

fn tables(b: &mut String, p: &Progress, catalog: &Catalog) {
    let top = p.top_fixes(8);
    if !top.is_empty() {
        b.push_str("<section id=\"findings\"><h2>Comes up most</h2><table><thead><tr><th>Fix</th><th class=\"num\">Answers</th><th>What to do</th></tr></thead><tbody>");
        for f in top {
            let _ = write!(
                b,
                "<tr><td>{}{}</td><td class=\"num\">{} of {}</td><td>{}</td></tr>",
                escape(&f.message),
                f.dimension
                    .map(|d| format!(" <span class=\"pill\">{d}</span>"))
                    .unwrap_or_default(),
                f.fix_first,
                f.of,
                escape(&f.suggestion)
            );
        }
        b.push_str("</tbody></table></section>");
    }
    b.push_str("<section id=\"questions\"><h2>Questions</h2><table><thead><tr><th>Question</th><th class=\"num\">Answers</th><th class=\"num\">First</th><th class=\"num\">Best</th><th class=\"num\">Latest</th><th>Last practised</th></tr></thead><tbody>");
    for q in &p.questions {
        let _ = write!(
            b,
            "<tr><td>{}<br><span class=\"small muted\">{}{}</span></td><td class=\"num\">{}</td>\
             <td class=\"num\">{:.0}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&q.text),
            escape(&q.id),
            if q.in_catalog {
                ""
            } else {
                " · not in the loaded banks"
            },
            q.answers,
            q.first,
            badge(q.best),
            badge(q.latest),
            escape(&short_date(&q.latest_time))
        );
    }
    b.push_str("</tbody></table></section>");
    untried(b, p, catalog);
}

/// How many questions are not yet practised, by tag, and the next three to try; the full list
/// is at the end of the report ([`untried_detail`]).
fn untried(b: &mut String, p: &Progress, catalog: &Catalog) {
    if p.untried.is_empty() {
        return;
    }
    let mut all: Vec<&str> = p
        .untried
        .iter()
        .flat_map(|g| g.untried.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    all.dedup();
    let _ = write!(
        b,
        "<section id=\"untried\"><h2>Not yet practised</h2><div class=\"card\"><p>{} under {}; \
         the tags with the most to try:</p><p class=\"tags\">",
        plural(all.len(), "question"),
        plural(p.untried.len(), "tag")
    );
    const SHOWN: usize = 8;
    for g in p.untried.iter().take(SHOWN) {
        let _ = write!(
            b,
            "<span class=\"pill\">{} <strong>{}</strong> of {}</span> ",
            escape(&g.tag),
            g.untried.len(),
            g.total
        );
    }
    if p.untried.len() > SHOWN {
        let _ = write!(
            b,
            "<span class=\"small muted\">and {} more {}</span>",
            p.untried.len() - SHOWN,
            if p.untried.len() - SHOWN == 1 {
                "tag"
            } else {
                "tags"
            }
        );
    }
    b.push_str("</p><h4>Next to try</h4><ol>");
    // One question from each of the tags with the most left, none twice.
    let mut picked: Vec<&str> = Vec::new();
    for g in &p.untried {
        if picked.len() == 3 {
            break;
        }
        if let Some(id) = g.untried.iter().find(|id| !picked.contains(&id.as_str())) {
            picked.push(id);
            let text = catalog.get(id).map_or(id.as_str(), |q| q.text.as_str());
            let _ = write!(
                b,
                "<li>{} <span class=\"small muted\">({})</span><br>\
                 <code>starcoach practice --question {}</code></li>",
                escape(text),
                escape(&g.tag),
                escape(id)
            );
        }
    }
    b.push_str(
        "</ol><p class=\"small muted\">Every untried question, by tag, is listed at the end \
         of this report.</p></div></section>",
    );
}

/// Every untried question id by tag, folded: the reference a coach may want, kept out of the
/// way of the review.
fn untried_detail(b: &mut String, p: &Progress) {
    if p.untried.is_empty() {
        return;
    }
    b.push_str(
        "<section id=\"untried-all\"><details><summary><strong>Every question not yet \
         practised, by tag</strong></summary><table><thead><tr><th>Tag</th>\
         <th class=\"num\">Untried</th><th>Questions</th></tr></thead><tbody>",
    );
    for g in &p.untried {
        let ids: Vec<String> = g
            .untried
            .iter()
            .map(|i| format!("<code>{}</code>", escape(i)))
            .collect();
        let _ = write!(
            b,
            "<tr><td>{}</td><td class=\"num\">{} of {}</td><td class=\"small\">{}</td></tr>",
            escape(&g.tag),
            g.untried.len(),
            g.total,
            ids.join(" ")
        );
    }
    b.push_str("</tbody></table></details></section>");
}

/// Every answer, newest session first, each with its colours and feedback.
fn attempts(b: &mut String, p: &Progress, catalog: &Catalog, rubrics: &RubricSet) {
    b.push_str("<section id=\"answers\"><h2>Every answer</h2>");
    b.push_str(&crate::feedback::html::legend());
    let analyzer = Analyzer::new(rubrics);
    for s in p.sessions.iter().rev() {
        let _ = write!(
            b,
            "<h3 style=\"margin-top:22px\">{} of {} UTC <span class=\"muted small\">· {} · {}{}</span></h3>",
            if s.interview.is_some() {
                "Mock interview"
            } else {
                "Session"
            },
            escape(&date_time(&s.start)),
            plural(s.answers, "answer"),
            plural(s.questions, "question"),
            s.drill
                .as_ref()
                .map(|d| format!(" · drill {}", escape(d)))
                .unwrap_or_default()
        );
        for a in p.attempts.iter().filter(|a| a.session == s.id) {
            attempt(b, a, recompute(a, catalog, &analyzer).as_ref());
        }
    }
    b.push_str("</section>");
}

fn attempt(b: &mut String, a: &AttemptRecord, re: Option<&Recomputed<'_>>) {
    let shown = re.map_or(a.overall, |r| r.analysis.overall);
    let _ = write!(
        b,
        "<article class=\"card attempt {}\"><h3>{} {}",
        score_class(shown),
        badge(shown),
        escape(&a.question_text)
    );
    if a.follow_up_answer {
        b.push_str("<span class=\"pill\">with follow-up answer</span>");
    } else if a.retry {
        let _ = write!(b, "<span class=\"pill\">retry {}</span>", a.attempt);
    }
    let _ = write!(
        b,
        "</h3><p class=\"small muted\">{} UTC · <code>{}</code> · {} · {} · {}</p>",
        escape(&date_time(&a.time)),
        escape(&a.question),
        crate::prose::count(a.words, "word"),
        escape(&re.map_or(a.band.clone(), |r| r.analysis.band.clone())),
        crate::feedback::text::episode_phrase(a.episode)
    );
    match re {
        Some(r) => {
            b.push_str(&crate::feedback::html::answer(&r.analysis));
            feedback(b, a, r);
        }
        None => {
            let _ = write!(
                b,
                "<p class=\"answer\">{}</p><p class=\"small muted\">This question is not in the \
                 loaded banks (removed or renamed?), so the answer is shown as saved, with its \
                 saved scores, without colours or feedback; add its bank with <code>--bank</code> \
                 to see them. STAR map: {}. Findings: {}.</p>",
                escape(&a.answer),
                escape(&a.star),
                escape(&a.findings.join(", "))
            );
        }
    }
    let scores: Vec<String> = match re {
        Some(r) => r
            .analysis
            .dimensions
            .iter()
            .map(|d| format!("{} {:.0}", d.dimension, d.score))
            .collect(),
        None => a
            .scores
            .iter()
            .map(|(d, s)| format!("{d} {s:.0}"))
            .collect(),
    };
    let _ = write!(
        b,
        "<p class=\"small muted\">Scores: {}</p></article>",
        scores.join(" · ")
    );
}

fn feedback(b: &mut String, a: &AttemptRecord, r: &Recomputed<'_>) {
    crate::feedback::html::advice(b, &r.feedback);
    if let Some(fu) = &a.follow_up {
        let _ = write!(b, "<p><strong>Follow-up asked:</strong> {}</p>", escape(fu));
    }
    let _ = write!(
        b,
        "<p class=\"small muted\">Feedback from the rubric {}, recomputed from the saved answer",
        rubric_name(r.rubric)
    );
    if (r.analysis.overall - a.overall).abs() >= 0.5 {
        let _ = write!(
            b,
            "; when it was given it scored {:.0} (the rubric has changed since)",
            a.overall
        );
    }
    b.push_str(".</p>");
}

/// “Behavioral questions” (`behavioral`, built in).
fn rubric_name(r: &Rubric) -> String {
    let origin = match r.origin.strip_prefix("embedded:") {
        Some(_) => "built in".to_string(),
        None => r.origin.clone(),
    };
    format!(
        "“{}” (<code>{}</code>, {})",
        escape(&r.title),
        escape(&r.id),
        escape(&origin)
    )
}
