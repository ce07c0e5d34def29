//! The summary of a drill run that a candidate hands to their coach: every question of the
//! plan, the score of the answer given (or that it was skipped), the fix that came up most, and
//! each answer's full feedback.

use std::fmt::Write as _;

use crate::bank::{Catalog, Question};
use crate::drill::Drill;
use crate::feedback;
use crate::prose::format_minutes;
use crate::repl::Attempt;
use crate::rubric::RubricSet;

/// A finished drill run.
pub struct Run<'a> {
    pub drill: &'a Drill,
    pub candidate: Option<&'a str>,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    /// The question ids in the order they were planned.
    pub order: &'a [String],
    pub attempts: &'a [Attempt],
    pub catalog: &'a Catalog,
    pub rubrics: &'a RubricSet,
}

/// One planned question and what was answered.
pub struct Item<'a> {
    pub question: &'a Question,
    /// The first and the last attempt (a retry or a follow-up answer makes them differ).
    pub answered: Option<(&'a Attempt, &'a Attempt)>,
    pub tries: usize,
}

impl<'a> Run<'a> {
    /// The plan's questions (and any the candidate jumped to), with their attempts.
    pub fn items(&self) -> Vec<Item<'a>> {
        let mut ids: Vec<&str> = self.order.iter().map(String::as_str).collect();
        for a in self.attempts {
            if !ids.contains(&a.question.as_str()) {
                ids.push(&a.question);
            }
        }
        ids.into_iter()
            .filter_map(|id| self.catalog.get(id))
            .map(|q| {
                let tries: Vec<&Attempt> = self
                    .attempts
                    .iter()
                    .filter(|a| a.question == q.id)
                    .collect();
                Item {
                    question: q,
                    answered: tries.first().zip(tries.last()).map(|(a, b)| (*a, *b)),
                    tries: tries.iter().filter(|a| !a.follow_up_answer).count(),
                }
            })
            .collect()
    }

    /// The fix suggested most often across the last attempts, with how many answers it was for.
    pub fn practise_next(&self) -> Option<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for item in self.items() {
            if let Some((_, last)) = item.answered {
                if let Some(f) = last.feedback.fixes.first() {
                    match counts.iter_mut().find(|(s, _)| *s == f.suggestion) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((f.suggestion.clone(), 1)),
                    }
                }
            }
        }
        // Stable: the first-seen of the most frequent.
        let best = counts.iter().map(|c| c.1).max()?;
        counts.into_iter().find(|c| c.1 == best)
    }

    /// The average of the last scores of the answered questions.
    pub fn average(&self) -> Option<f64> {
        let scores: Vec<f64> = self
            .items()
            .iter()
            .filter_map(|i| i.answered.map(|(_, l)| l.analysis.overall))
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }
}

fn md_cell(s: &str) -> String {
    crate::safe_text::visible(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The summary as Markdown.
pub fn markdown(run: &Run) -> String {
    let items = run.items();
    let answered = items.iter().filter(|i| i.answered.is_some()).count();
    let mut s = format!("# Drill: {}\n\n", md_cell(&run.drill.title));
    let mut facts = Vec::new();
    if let Some(c) = run.candidate {
        facts.push(format!("**Candidate:** {}", md_cell(c)));
    }
    facts.push(format!("**Date:** {}", run.date));
    facts.push(format!(
        "**Answered:** {answered} of {} questions",
        items.len()
    ));
    if let Some(avg) = run.average() {
        facts.push(format!("**Average:** {avg:.0}/100"));
    }
    s.push_str(&facts.join(" · "));
    s.push_str("\n\n");
    if let Some(secs) = run.drill.seconds_per_answer {
        s.push_str(&format!(
            "Suggested time per answer: {}. Drill `{}`.\n\n",
            format_minutes(f64::from(secs)),
            run.drill.id
        ));
    }
    s.push_str("| # | Question | Score | Band | Fix first |\n|---:|---|---:|---|---|\n");
    for (n, item) in items.iter().enumerate() {
        let text = md_cell(&crate::prose::shorten(&item.question.text, 70));
        match item.answered {
            Some((first, last)) => {
                let score = if item.tries > 1 {
                    format!(
                        "{:.0} (first {:.0})",
                        last.analysis.overall, first.analysis.overall
                    )
                } else {
                    format!("{:.0}", last.analysis.overall)
                };
                let fix = last
                    .feedback
                    .fixes
                    .first()
                    .map(|f| md_cell(&crate::prose::shorten(&f.message, 70)))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "| {} | {text} | {score} | {} | {fix} |\n",
                    n + 1,
                    last.analysis.band
                ));
            }
            None => s.push_str(&format!("| {} | {text} | – | not answered | |\n", n + 1)),
        }
    }
    s.push('\n');
    if let Some((tip, n)) = run.practise_next() {
        s.push_str("## Practise next\n\n");
        s.push_str(&format!(
            "{} *(the first fix for {n} answer{})*\n\n",
            md_cell(&tip),
            if n == 1 { "" } else { "s" }
        ));
    }
    for (n, item) in items.iter().enumerate() {
        let Some((first, last)) = item.answered else {
            continue;
        };
        let q = item.question;
        let rubric = run.rubrics.for_kind(q.kind);
        s.push_str("---\n\n");
        s.push_str(&feedback::markdown::render(
            &last.analysis,
            &last.feedback,
            rubric,
            &format!("{}. {}", n + 1, q.text),
        ));
        let mut notes = Vec::new();
        if item.tries > 1 {
            notes.push(format!(
                "Answered {} times: first {:.0}, last {:.0}.",
                item.tries, first.analysis.overall, last.analysis.overall
            ));
        }
        if last.follow_up_answer {
            notes.push("The last answer includes the answer to the follow-up.".to_string());
        }
        if let Some(secs) = run.drill.seconds_per_answer {
            let spoken = last.analysis.speaking_seconds;
            if spoken > f64::from(secs) * 1.25 {
                notes.push(format!(
                    "Spoken, this runs about {}; the drill suggests {}.",
                    format_minutes(spoken),
                    format_minutes(f64::from(secs))
                ));
            }
        }
        if !notes.is_empty() {
            s.push('\n');
            s.push_str(&format!("*{}*\n", notes.join(" ")));
        }
        s.push('\n');
    }
    s
}

/// The summary as one self-contained HTML page.
pub fn html(run: &Run) -> String {
    use crate::feedback::html::{badge, card, legend};
    use crate::html::escape;
    let items = run.items();
    let answered = items.iter().filter(|i| i.answered.is_some()).count();
    let title = match run.candidate {
        Some(c) => format!("Drill: {} · {c}", run.drill.title),
        None => format!("Drill: {}", run.drill.title),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        "<header class=\"top\"><p class=\"muted small\">starcoach · drill summary for the coach · {}</p><h1>{}</h1>",
        escape(run.date),
        escape(&run.drill.title)
    );
    b.push_str("<dl class=\"kv\">");
    if let Some(c) = run.candidate {
        let _ = write!(b, "<dt>Candidate</dt><dd>{}</dd>", escape(c));
    }
    let _ = write!(
        b,
        "<dt>Answered</dt><dd>{answered} of {} questions</dd>",
        items.len()
    );
    if let Some(avg) = run.average() {
        let _ = write!(b, "<dt>Average</dt><dd>{}</dd>", badge(avg));
    }
    if let Some(secs) = run.drill.seconds_per_answer {
        let _ = write!(
            b,
            "<dt>Suggested time</dt><dd>{} per answer</dd>",
            format_minutes(f64::from(secs))
        );
    }
    let _ = write!(
        b,
        "<dt>Drill</dt><dd><code>{}</code></dd></dl></header>",
        escape(&run.drill.id)
    );
    if let Some(i) = &run.drill.instructions {
        let _ = write!(b, "<p class=\"note\">{}</p>", escape(i));
    }
    b.push_str(
        "<section><h2>Questions</h2><table><thead><tr><th class=\"num\">#</th><th>Question</th>\
         <th class=\"num\">Score</th><th>Band</th><th>Fix first</th></tr></thead><tbody>",
    );
    for (n, item) in items.iter().enumerate() {
        let _ = write!(
            b,
            "<tr><td class=\"num\">{}</td><td>{}</td>",
            n + 1,
            escape(&item.question.text)
        );
        match item.answered {
            Some((first, last)) => {
                let mut score = badge(last.analysis.overall);
                if item.tries > 1 {
                    let _ = write!(
                        score,
                        " <span class=\"small muted\">first {:.0}</span>",
                        first.analysis.overall
                    );
                }
                let _ = write!(
                    b,
                    "<td class=\"num\">{score}</td><td>{}</td><td>{}</td></tr>",
                    escape(&last.analysis.band),
                    escape(
                        last.feedback
                            .fixes
                            .first()
                            .map_or("", |f| f.message.as_str())
                    )
                );
            }
            None => b.push_str(
                "<td class=\"num\">–</td><td class=\"muted\">not answered</td><td></td></tr>",
            ),
        }
    }
    b.push_str("</tbody></table></section>");
    if let Some((tip, n)) = run.practise_next() {
        let _ = write!(
            b,
            "<section><h2>Practise next</h2><p class=\"card\">{} <span class=\"small muted\">(the first fix for {n} answer{})</span></p></section>",
            escape(&tip),
            if n == 1 { "" } else { "s" }
        );
    }
    if answered > 0 {
        b.push_str("<section><h2>Every answer</h2>");
        b.push_str(&legend());
        for (n, item) in items.iter().enumerate() {
            let Some((first, last)) = item.answered else {
                continue;
            };
            let mut meta = format!("<code>{}</code>", escape(&item.question.id));
            if item.tries > 1 {
                let _ = write!(
                    meta,
                    " · answered {} times, first {:.0}",
                    item.tries, first.analysis.overall
                );
            }
            if last.follow_up_answer {
                meta.push_str(" · includes the follow-up answer");
            }
            b.push_str(&card(
                &last.analysis,
                &last.feedback,
                &format!("{}. {}", n + 1, item.question.text),
                &meta,
            ));
        }
        b.push_str("</section>");
    }
    let _ = write!(
        b,
        "<footer>Made with starcoach {}. Scores and feedback come from a rule-based, deterministic \
         analyzer: the same answer and rubric always give the same result.</footer>",
        env!("CARGO_PKG_VERSION")
    );
    crate::html::page(&title, &b)
}
