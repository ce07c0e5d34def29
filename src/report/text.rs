//! The progress report and the history list for the terminal: sparklines, bars and short
//! lists, as [`Markup`] so colour follows `--color` and `NO_COLOR`.

use super::{Progress, date_time, short_date};
use crate::feedback::markup::score_role;
use crate::feedback::markup::{Markup, Role};
use crate::prose::{shorten, wrap};
use crate::session::AttemptRecord;

/// The most points a sparkline shows (the latest ones).
const SPARK_MAX: usize = 40;

/// One block character per value (0 to 100), a space where there is none; the latest
/// 40 values at most.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let skip = values.len().saturating_sub(SPARK_MAX);
    values[skip..]
        .iter()
        .map(|v| match v {
            Some(v) => BLOCKS[((v.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize],
            None => ' ',
        })
        .collect()
}

fn signed(x: f64) -> String {
    let r = x.round();
    if r > 0.0 {
        format!("+{r:.0}")
    } else if r < 0.0 {
        format!("−{:.0}", -r)
    } else {
        "±0".to_string()
    }
}

fn change_role(x: f64) -> Role {
    if x.round() > 0.0 {
        Role::Good
    } else if x.round() < 0.0 {
        Role::Bad
    } else {
        Role::Dim
    }
}

/// Wrapped text after a first-line prefix, later lines indented to match.
fn wrapped(m: &mut Markup, first: &str, role: Role, text: &str, width: usize) {
    let indent = " ".repeat(first.chars().count());
    for (i, line) in wrap(text, width.saturating_sub(indent.len()))
        .into_iter()
        .enumerate()
    {
        m.plain(if i == 0 { first } else { &indent })
            .push(role, line)
            .nl();
    }
}

/// The whole progress report.
pub fn render(p: &Progress, width: usize) -> Markup {
    let width = width.clamp(50, 120);
    let mut m = Markup::new();
    let who = p.who();
    m.push(Role::Heading, "Practice progress");
    if !who.is_empty() {
        m.plain(" · ").push(Role::Accent, who);
    }
    m.nl();
    if p.attempts.is_empty() {
        m.push(Role::Dim, "No answers match these filters yet.")
            .nl();
        m.nl().append(next(p, width));
        return m;
    }
    let (first, last) = (&p.attempts[0].time, &p.attempts[p.attempts.len() - 1].time);
    let span = if short_date(first) == short_date(last) {
        short_date(first)
    } else {
        format!("{} – {}", short_date(first), short_date(last))
    };
    m.push(
        Role::Dim,
        format!(
            "{} · {} · {} · {span}, {}",
            p.sessions_phrase(),
            plural(p.attempts.len(), "answer"),
            plural(p.questions.len(), "question"),
            &last[..4.min(last.len())]
        ),
    )
    .nl();
    if let Some(note) = p.mixed_note() {
        wrapped(&mut m, "", Role::Warn, &note, width);
    }

    // Overall trend.
    m.nl().push(Role::Heading, "Overall  ");
    let overall: Vec<Option<f64>> = p.points.iter().map(|x| Some(x.overall)).collect();
    m.push(Role::Accent, sparkline(&overall)).plain("  ");
    match p.overall_change() {
        Some((a, b)) => {
            m.plain(format!("{a:.0} → "))
                .push(score_role(b), format!("{b:.0}"))
                .plain("  ")
                .push(change_role(b - a), signed(b - a));
        }
        None => {
            let b = p.points.last().map_or(0.0, |x| x.overall);
            m.push(score_role(b), format!("{b:.0}"));
        }
    }
    m.nl();
    wrapped(&mut m, "", Role::Dim, p.per_phrase(), width);

    // Dimensions.
    let spark_w = p.points.len().clamp(5, SPARK_MAX);
    m.nl()
        .push(
            Role::Heading,
            format!(
                "{:<16}{:<w$}  {:>5}  {:>6}  {:>6}",
                "By part",
                "trend",
                "first",
                "latest",
                "change",
                w = spark_w
            ),
        )
        .nl();
    for d in &p.dimensions {
        m.plain(format!("  {:<14}", d.dimension.as_str()))
            .push(Role::Accent, format!("{:<spark_w$}", sparkline(&d.values)))
            .plain(format!("  {:>5.0}  ", d.first))
            .push(score_role(d.latest), format!("{:>6.0}", d.latest))
            .plain("  ")
            .push(change_role(d.change), format!("{:>6}", signed(d.change)));
        if !d.counted {
            m.push(Role::Dim, "  (not counted)");
        }
        m.nl();
    }
    let improved = p.improved();
    if !improved.is_empty() {
        let list: Vec<String> = improved
            .iter()
            .take(4)
            .map(|d| format!("{} {}", d.dimension, signed(d.change)))
            .collect();
        m.nl()
            .push(Role::Good, "Improved: ")
            .plain(list.join(", "))
            .nl();
    }
    let weakest = p.weakest(3);
    if !weakest.is_empty() {
        if improved.is_empty() {
            m.nl();
        }
        m.push(Role::Warn, "Weakest lately: ");
        for (i, d) in weakest.iter().enumerate() {
            if i > 0 {
                m.plain(", ");
            }
            m.plain(format!("{} ", d.dimension))
                .push(score_role(d.recent), format!("{:.0}", d.recent));
        }
        m.nl();
    }

    if let Some(l) = &p.language {
        m.nl().append(l.text(width));
    }

    // Findings.
    let top = p.top_fixes(5);
    if !top.is_empty() {
        m.nl().push(Role::Heading, "Comes up most").nl();
        for (i, f) in top.iter().enumerate() {
            wrapped(
                &mut m,
                &format!("  {}. ", i + 1),
                Role::Plain,
                &format!("{} ({} of {} answers)", f.message, f.fix_first, f.of),
                width,
            );
            if !f.suggestion.is_empty() {
                wrapped(&mut m, "     → ", Role::Dim, &f.suggestion, width);
            }
        }
    }

    // Questions.
    m.nl()
        .push(
            Role::Heading,
            format!(
                "{:<40} {:>7} {:>5} {:>5} {:>6}",
                "Questions (latest first)", "answers", "first", "best", "latest"
            ),
        )
        .nl();
    let shown = 12;
    for q in p.questions.iter().take(shown) {
        m.plain(format!(
            "  {:<38} {:>7} {:>5.0} ",
            shorten(&q.id, 38),
            q.answers,
            q.first
        ))
        .push(score_role(q.best), format!("{:>5.0}", q.best))
        .plain(" ")
        .push(score_role(q.latest), format!("{:>6.0}", q.latest));
        if !q.in_catalog {
            m.push(Role::Dim, "  (not in the banks)");
        }
        m.nl();
    }
    if p.questions.len() > shown {
        m.push(
            Role::Dim,
            format!(
                "  … and {} more (--format markdown or html lists all)",
                p.questions.len() - shown
            ),
        )
        .nl();
    }

    // Not yet practised.
    if !p.untried.is_empty() {
        m.nl().push(Role::Heading, "Not yet practised, by tag").nl();
        for g in p.untried.iter().take(8) {
            m.plain(format!("  {:<22} ", shorten(&g.tag, 22)))
                .push(Role::Accent, format!("{:>3}", g.untried.len()))
                .push(Role::Dim, format!(" of {:<3} ", g.total))
                .push(
                    Role::Dim,
                    shorten(&g.untried.join(", "), width.saturating_sub(36).max(20)),
                )
                .nl();
        }
        if p.untried.len() > 8 {
            m.push(
                Role::Dim,
                format!(
                    "  … and {} more tags (`starcoach questions tags` lists them)",
                    p.untried.len() - 8
                ),
            )
            .nl();
        }
    }
    m.nl().append(next(p, width));
    m
}

/// "What to practise next" with the commands that start each step.
fn next(p: &Progress, width: usize) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "What to practise next").nl();
    for (i, s) in p.next.iter().enumerate() {
        wrapped(
            &mut m,
            &format!("  {}. ", i + 1),
            Role::Plain,
            &s.text,
            width,
        );
        if let Some(c) = &s.command {
            m.plain("     ").push(Role::Accent, format!("$ {c}")).nl();
        }
    }
    m
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The history list: sessions, newest last, with each answer's time, question and score.
pub fn history(attempts: &[&AttemptRecord], width: usize) -> Markup {
    let mut m = Markup::new();
    let mut sessions: Vec<&str> = Vec::new();
    for a in attempts {
        if !sessions.contains(&a.session.as_str()) {
            sessions.push(&a.session);
        }
    }
    let id_w = width.clamp(50, 120).saturating_sub(36);
    for s in sessions {
        let list: Vec<&&AttemptRecord> = attempts.iter().filter(|a| a.session == s).collect();
        let first = list[0];
        let mut qs: Vec<&str> = list.iter().map(|a| a.question.as_str()).collect();
        qs.sort_unstable();
        qs.dedup();
        m.push(Role::Heading, date_time(&first.time)).push(
            Role::Dim,
            format!(
                "  {} · {}",
                plural(qs.len(), "question"),
                plural(list.len(), "answer")
            ),
        );
        if let Some(n) = &first.name {
            m.push(Role::Dim, format!(" · {n}"));
        }
        if let Some(d) = &first.drill {
            m.push(Role::Dim, format!(" · drill {d}"));
        }
        if let Some(i) = &first.interview {
            m.push(Role::Dim, format!(" · {i}"));
        }
        m.nl();
        for a in list {
            let tag = if a.follow_up_answer {
                "with follow-up"
            } else if a.retry {
                "retry"
            } else {
                ""
            };
            m.plain(format!(
                "  {}  {:<id_w$} {:<14} ",
                a.time.get(11..16).unwrap_or(""),
                shorten(&a.question, id_w),
                tag
            ))
            .push(score_role(a.overall), format!("{:>3.0}", a.overall))
            .push(Role::Dim, format!("  {}", a.band))
            .nl();
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_and_leaves_gaps() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(50.0), None, Some(100.0)]),
            "▁▅ █"
        );
        assert_eq!(sparkline(&vec![Some(10.0); 100]).chars().count(), SPARK_MAX);
    }

    #[test]
    fn signs_changes() {
        assert_eq!(signed(12.4), "+12");
        assert_eq!(signed(-3.0), "−3");
        assert_eq!(signed(0.2), "±0");
    }
}
