//! The progress report as Markdown, to paste into notes, an email or a ticket.

use std::fmt::Write as _;

use super::{Progress, date_time, short_date, text::sparkline};
use crate::feedback::markdown::escape;

fn signed(x: f64) -> String {
    let r = x.round();
    if r > 0.0 {
        format!("+{r:.0}")
    } else {
        format!("{r:.0}")
    }
}

/// The whole report.
pub fn render(p: &Progress) -> String {
    let mut s = String::new();
    let who = p.who();
    let _ = writeln!(
        s,
        "# Practice progress{}\n",
        if who.is_empty() {
            String::new()
        } else {
            format!(": {}", escape(&who))
        }
    );
    if p.attempts.is_empty() {
        s.push_str("No answers match these filters yet.\n\n");
    } else {
        let (a, b) = (&p.attempts[0].time, &p.attempts[p.attempts.len() - 1].time);
        let _ = writeln!(
            s,
            "{} · {} · {} · {} to {} (UTC)\n",
            p.sessions_phrase(),
            crate::prose::count(p.attempts.len(), "answer"),
            crate::prose::count(p.questions.len(), "question"),
            date_time(a),
            date_time(b)
        );
    }
    if let Some(note) = p.mixed_note() {
        let _ = writeln!(s, "> {}\n", escape(&note));
    }
    s.push_str("## What to practise next\n\n");
    for (i, n) in p.next.iter().enumerate() {
        let _ = write!(s, "{}. {}", i + 1, escape(&n.text));
        if let Some(c) = &n.command {
            let _ = write!(s, " `{c}`");
        }
        s.push('\n');
    }
    if p.attempts.is_empty() {
        return s;
    }

    s.push_str("\n## Overall\n\n");
    let overall: Vec<Option<f64>> = p.points.iter().map(|x| Some(x.overall)).collect();
    let _ = write!(s, "`{}` ", sparkline(&overall));
    match p.overall_change() {
        Some((a, b)) => {
            let _ = writeln!(s, "**{a:.0} → {b:.0}** ({})", signed(b - a));
        }
        None => {
            let _ = writeln!(s, "**{:.0}**", p.points.last().map_or(0.0, |x| x.overall));
        }
    }
    let _ = writeln!(s, "\n{}\n", p.per_phrase());
    s.push_str("| point | date | answers | overall |\n|---|---|---:|---:|\n");
    for pt in &p.points {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.0} |",
            escape(&pt.label),
            date_time(&pt.time),
            pt.answers,
            pt.overall
        );
    }

    s.push_str("\n## By part\n\n| part | trend | first | latest | change | lately |\n|---|---|---:|---:|---:|---:|\n");
    for d in &p.dimensions {
        let _ = writeln!(
            s,
            "| {}{} | `{}` | {:.0} | {:.0} | {} | {:.0} |",
            d.dimension,
            if d.counted { "" } else { " (not counted)" },
            sparkline(&d.values),
            d.first,
            d.latest,
            signed(d.change),
            d.recent
        );
    }
    let improved: Vec<String> = p
        .improved()
        .iter()
        .map(|d| format!("{} {}", d.dimension, signed(d.change)))
        .collect();
    if !improved.is_empty() {
        let _ = writeln!(s, "\n**Improved:** {}", improved.join(", "));
    }
    let weakest: Vec<String> = p
        .weakest(3)
        .iter()
        .map(|d| format!("{} {:.0}", d.dimension, d.recent))
        .collect();
    if !weakest.is_empty() {
        let _ = writeln!(s, "\n**Weakest lately:** {}", weakest.join(", "));
    }

    if let Some(l) = &p.language {
        s.push_str(&l.markdown());
    }

    let top = p.top_fixes(8);
    if !top.is_empty() {
        s.push_str("\n## Comes up most\n\n| fix | answers | what to do |\n|---|---:|---|\n");
        for f in top {
            let _ = writeln!(
                s,
                "| {} | {} of {} | {} |",
                escape(&f.message),
                f.fix_first,
                f.of,
                escape(&f.suggestion)
            );
        }
    }

    s.push_str("\n## Questions\n\n| question | answers | first | best | latest | last practised |\n|---|---:|---:|---:|---:|---|\n");
    for q in &p.questions {
        let _ = writeln!(
            s,
            "| {} (`{}`) | {} | {:.0} | {:.0} | {:.0} | {} |",
            escape(&q.text),
            q.id,
            q.answers,
            q.first,
            q.best,
            q.latest,
            short_date(&q.latest_time)
        );
    }

    if !p.untried.is_empty() {
        let mut all: Vec<&str> = p
            .untried
            .iter()
            .flat_map(|g| g.untried.iter().map(String::as_str))
            .collect();
        all.sort_unstable();
        all.dedup();
        let most: Vec<String> = p
            .untried
            .iter()
            .take(5)
            .map(|g| format!("{} ({} of {})", escape(&g.tag), g.untried.len(), g.total))
            .collect();
        let _ = writeln!(
            s,
            "\n## Not yet practised\n\n{} under {}; the most to try: {}. Every one, by tag, is \
             listed at the end.",
            crate::prose::count(all.len(), "question"),
            crate::prose::count(p.untried.len(), "tag"),
            most.join(", ")
        );
    }

    s.push_str("\n## Every answer\n\n| time (UTC) | question | | score | band | STAR |\n|---|---|---|---:|---|---|\n");
    for a in &p.attempts {
        let kind = if a.follow_up_answer {
            "with follow-up"
        } else if a.retry {
            "retry"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "| {} | `{}` | {kind} | {:.0} | {} | {} |",
            date_time(&a.time),
            a.question,
            a.overall,
            escape(&a.band),
            escape(&a.star)
        );
    }
    if !p.untried.is_empty() {
        s.push_str(
            "\n## Every question not yet practised, by tag\n\n| tag | untried | questions |\n|---|---:|---|\n",
        );
        for g in &p.untried {
            let ids: Vec<String> = g.untried.iter().map(|i| format!("`{i}`")).collect();
            let _ = writeln!(
                s,
                "| {} | {} of {} | {} |",
                escape(&g.tag),
                g.untried.len(),
                g.total,
                ids.join(", ")
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers() {
        assert_eq!(escape("a|b <x>\nnext"), "a\\|b \\<x\\> next");
    }
}
