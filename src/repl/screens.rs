//! What the session shows besides feedback: `:help`, `:hint`, `:example`, `:star`,
//! `:history`, `:questions` and the summary, each built as [`Markup`] wrapped to the width.

use crate::feedback::markup::score_role;
use std::io::Write;

use super::{Attempt, Practice, commands};
use crate::error::Error;
use crate::feedback::Fix;
use crate::feedback::markup::{Markup, Role};
use crate::prose::wrap;

impl<W: Write> Practice<'_, W> {
    /// The command table in two columns; descriptions wrap under their own column.
    pub(super) fn help(&self) -> Markup {
        let mut m = Markup::new();
        m.push(Role::Heading, commands::HELP_TITLE).nl();
        let head_w = commands::help_rows()
            .map(|(h, _)| h.chars().count())
            .max()
            .unwrap_or(0);
        let indent = " ".repeat(head_w + 3);
        for (head, text) in commands::help_rows() {
            let lines = wrap(&text, self.opts.width.saturating_sub(indent.len()));
            for (i, line) in lines.into_iter().enumerate() {
                if i == 0 {
                    m.plain("  ")
                        .push(Role::Accent, format!("{head:<head_w$}"))
                        .plain(" ");
                } else {
                    m.plain(indent.as_str());
                }
                m.plain(line).nl();
            }
        }
        m.nl();
        for note in commands::HELP_NOTES {
            para(&mut m, Role::Dim, "", note, self.opts.width);
        }
        m
    }

    pub(super) fn hint(&self) -> Markup {
        let q = self.current();
        let mut m = Markup::new();
        let w = self.opts.width;
        if let Some(l) = &q.looks_for {
            m.push(Role::Heading, "What the interviewer listens for")
                .nl();
            for line in wrap(l, w.saturating_sub(2)) {
                m.plain(format!("  {line}")).nl();
            }
        }
        if !q.areas.is_empty() {
            m.push(Role::Heading, "Cover these").nl();
            for a in &q.areas {
                for (i, line) in wrap(&a.text, w.saturating_sub(4)).into_iter().enumerate() {
                    m.plain(if i == 0 { "  □ " } else { "    " })
                        .plain(line)
                        .nl();
                }
            }
        }
        if !q.tips.is_empty() {
            m.push(Role::Heading, "Tips").nl();
            for t in &q.tips {
                for (i, line) in wrap(t, w.saturating_sub(4)).into_iter().enumerate() {
                    m.plain(if i == 0 { "  - " } else { "    " })
                        .plain(line)
                        .nl();
                }
            }
        }
        if q.kind == crate::bank::Kind::Behavioral {
            para(
                &mut m,
                Role::Dim,
                "",
                "Tell one real time, with STAR: situation, task, action, result, and what you learned.",
                w,
            );
        }
        m
    }

    pub(super) fn example(&mut self) -> Markup {
        let q = self.current();
        let mut m = Markup::new();
        if q.examples.is_empty() {
            m.push(
                Role::Dim,
                "This question has no sample answer; :star shows a worked STAR example.",
            )
            .nl();
            return m;
        }
        let i = self.example_index % q.examples.len();
        let e = &q.examples[i];
        m.push(
            Role::Heading,
            format!(
                "Example answer {} of {}: {}",
                i + 1,
                q.examples.len(),
                e.title
            ),
        )
        .nl();
        para(
            &mut m,
            Role::Dim,
            "",
            "One way to answer from the source material, not the only right one; use it for shape, and tell your own story.",
            self.opts.width,
        );
        for para in e.text.split("\n\n") {
            for line in para.lines() {
                for w in wrap(line, self.opts.width.saturating_sub(2)) {
                    m.push(Role::Quote, format!("  {w}")).nl();
                }
            }
            m.nl();
        }
        if q.examples.len() > 1 {
            m.push(Role::Dim, "(:example again for the next one)").nl();
        }
        self.example_index += 1;
        m
    }

    pub(super) fn star(&self) -> Markup {
        let mut m = Markup::new();
        let w = self.opts.width;
        m.push(Role::Heading, "STAR: Situation, Task, Action, Result")
            .nl();
        match self.catalog.star_guide() {
            Some(g) => {
                for line in wrap(&g.intro, w) {
                    m.plain(line).nl();
                }
                m.nl();
                for p in &g.parts {
                    let label = match p.component {
                        crate::bank::Probe::Situation => crate::analyze::Label::Situation,
                        crate::bank::Probe::Task => crate::analyze::Label::Task,
                        crate::bank::Probe::Action => crate::analyze::Label::Action,
                        _ => crate::analyze::Label::Result,
                    };
                    let name = capitalize(label.as_str());
                    let text = format!("{name}: {}", p.meaning);
                    for (i, line) in wrap(&text, w.saturating_sub(2)).into_iter().enumerate() {
                        match line.strip_prefix(&name) {
                            Some(after) if i == 0 => {
                                m.push(Role::Label(label), format!("{} ", label.letter()))
                                    .push(Role::Heading, name.clone())
                                    .plain(after);
                            }
                            _ => {
                                m.plain("  ").plain(line);
                            }
                        }
                        m.nl();
                    }
                    for line in wrap(&format!("“{}”", p.example), w.saturating_sub(4)) {
                        m.push(Role::Quote, format!("    {line}")).nl();
                    }
                }
                m.nl();
                para(
                    &mut m,
                    Role::Dim,
                    "",
                    "Then close with what you learned. In your answer, spend most of the time on the Action and the Result.",
                    w,
                );
            }
            None => {
                para(
                    &mut m,
                    Role::Plain,
                    "",
                    "Situation: where and when. Task: what you needed to do. Action: what you did, step by step. Result: how it ended, with a number if you can.",
                    w,
                );
            }
        }
        m
    }

    pub(super) fn history(&self) -> Markup {
        let mut m = Markup::new();
        if self.attempts.is_empty() {
            m.push(Role::Dim, "Nothing answered yet in this session.")
                .nl();
            return m;
        }
        m.push(Role::Heading, "This session").nl();
        let tag = |a: &Attempt| {
            if a.follow_up_answer {
                " (with follow-up)"
            } else if a.retry {
                " (retry)"
            } else {
                ""
            }
        };
        // Columns: "  NN. id score  band tag"; the id gives way on a narrow screen.
        let rest = self
            .attempts
            .iter()
            .map(|a| a.analysis.band.chars().count() + tag(a).len())
            .max()
            .unwrap_or(0);
        let id_w = self.id_width(self.attempts.iter().map(|a| a.question.as_str()), 12 + rest);
        for (i, a) in self.attempts.iter().enumerate() {
            m.plain(format!(
                "  {:>2}. {:<id_w$} ",
                i + 1,
                crate::prose::shorten(&a.question, id_w)
            ))
            .push(
                score_role(a.analysis.overall),
                format!("{:>3.0}", a.analysis.overall),
            )
            .plain(format!("  {}", a.analysis.band))
            .push(Role::Dim, tag(a))
            .nl();
        }
        m
    }

    /// The questions this session asks (with `--count`, only as many as are left to ask), the
    /// current one marked; the text gets its own line when the ids leave it too little room.
    pub(super) fn questions(&self) -> Markup {
        let mut m = Markup::new();
        m.push(Role::Heading, "Questions in this session")
            .push(Role::Dim, "  (:question ID to jump)")
            .nl();
        let end = match self.opts.count {
            Some(c) => {
                (self.pos + c.saturating_sub(self.asked)).clamp(self.pos + 1, self.queue.len())
            }
            None => self.queue.len(),
        };
        let shown = &self.queue[..end];
        let id_w = shown
            .iter()
            .map(|q| q.id.chars().count())
            .max()
            .unwrap_or(0);
        let text_w = self.opts.width.saturating_sub(4 + id_w + 1);
        let stacked = text_w < 30;
        for (i, q) in shown.iter().enumerate() {
            let mark = if i == self.pos {
                "▶"
            } else if self.attempts.iter().any(|a| a.question == q.id) {
                "✓"
            } else {
                " "
            };
            m.plain(format!("  {mark} "));
            if stacked {
                m.push(Role::Accent, q.id.clone())
                    .nl()
                    .plain("      ")
                    .plain(crate::prose::shorten(
                        &q.text,
                        self.opts.width.saturating_sub(6),
                    ));
            } else {
                m.push(Role::Accent, format!("{:<id_w$}", q.id))
                    .plain(" ")
                    .plain(crate::prose::shorten(&q.text, text_w));
            }
            m.nl();
        }
        m
    }

    /// The width of an id column: the longest of `ids`, narrowed so that `others` columns of
    /// other text still fit the screen (an id is cut with an ellipsis only when they would not).
    fn id_width<'i>(&self, ids: impl Iterator<Item = &'i str>, others: usize) -> usize {
        let longest = ids.map(|id| id.chars().count()).max().unwrap_or(0);
        longest.min(self.opts.width.saturating_sub(others)).max(16)
    }

    /// What to practise next, by what would raise the candidate most: the first fix of the
    /// weakest latest answer, then a fix that comes up in several latest answers. A fix the
    /// candidate made during the session (it was there, and a later answer to the same question
    /// no longer has it) is never suggested.
    fn practise_next(&self, questions: &[&str]) -> Vec<(String, Fix)> {
        let latest: Vec<&Attempt> = questions
            .iter()
            .filter_map(|id| self.attempts.iter().rev().find(|a| &a.question == id))
            .collect();
        let made = |rule: &str| {
            latest.iter().any(|l| {
                !l.feedback.fixes.iter().any(|f| f.rule == rule)
                    && self
                        .attempts
                        .iter()
                        .filter(|a| a.question == l.question)
                        .any(|a| a.feedback.fixes.iter().any(|f| f.rule == rule))
            })
        };
        let mut steps: Vec<(String, Fix)> = Vec::new();
        let weakest = latest
            .iter()
            .rev()
            .min_by(|a, b| a.analysis.overall.total_cmp(&b.analysis.overall));
        if let Some(w) = weakest {
            if let Some(f) = w.feedback.fixes.iter().find(|f| !made(&f.rule)) {
                let lead = if latest.len() > 1 {
                    format!(
                        "Your weakest answer ({}, {:.0})",
                        crate::prose::shorten(&w.question, 32),
                        w.analysis.overall
                    )
                } else {
                    "First".to_string()
                };
                steps.push((lead, f.clone()));
            }
        }
        // Fixes in several latest answers, the most frequent first (first seen wins a tie).
        let mut counts: Vec<(&Fix, usize)> = Vec::new();
        for f in latest.iter().flat_map(|a| &a.feedback.fixes) {
            match counts.iter_mut().find(|(x, _)| x.rule == f.rule) {
                Some((_, n)) => *n += 1,
                None => counts.push((f, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        if let Some((f, n)) = counts
            .into_iter()
            .filter(|(f, n)| *n > 1 && !made(&f.rule))
            .find(|(f, _)| steps.iter().all(|(_, s)| s.rule != f.rule))
        {
            steps.push((format!("In {n} of your answers"), f.clone()));
        }
        steps
    }

    pub(super) fn summary(&mut self) -> Result<(), Error> {
        let mut m = Markup::new();
        m.nl().push(Role::Heading, "Session summary").nl();
        let firsts: Vec<&Attempt> = self
            .attempts
            .iter()
            .filter(|a| !a.follow_up_answer)
            .collect();
        if firsts.is_empty() {
            para(
                &mut m,
                Role::Plain,
                "  ",
                "No answers this time. Come back any time: `starcoach` picks up where you like.",
                self.opts.width,
            );
        } else {
            let mut questions: Vec<&str> = Vec::new();
            for a in &self.attempts {
                if !questions.contains(&a.question.as_str()) {
                    questions.push(&a.question);
                }
            }
            let counts = format!(
                "{} question{} answered, {} answer{} in all (retries and follow-ups included).",
                questions.len(),
                if questions.len() == 1 { "" } else { "s" },
                self.attempts.len(),
                if self.attempts.len() == 1 { "" } else { "s" },
            );
            para(&mut m, Role::Plain, "  ", &counts, self.opts.width);
            // Columns: "  id score  (first NN)".
            let id_w = self.id_width(questions.iter().copied(), 18);
            for id in &questions {
                let tries: Vec<&Attempt> =
                    self.attempts.iter().filter(|a| &a.question == id).collect();
                let first = tries.first().map_or(0.0, |a| a.analysis.overall);
                let last = tries.last().map_or(0.0, |a| a.analysis.overall);
                m.plain(format!("  {:<id_w$} ", crate::prose::shorten(id, id_w)))
                    .push(score_role(last), format!("{last:>3.0}"));
                if tries.len() > 1 {
                    m.push(Role::Dim, format!("  (first {first:.0})"));
                }
                m.nl();
            }
            let steps = self.practise_next(&questions);
            if !steps.is_empty() {
                m.nl().push(Role::Heading, "Practise next").nl();
                let w = self.opts.width;
                for (lead, fix) in steps {
                    hang(
                        &mut m,
                        Role::Plain,
                        "  ",
                        &format!("{lead}: {}", fix.message),
                        w,
                    );
                    hang(&mut m, Role::Dim, "    → ", &fix.suggestion, w);
                }
            }
        }
        self.saving_summary(&mut m);
        self.print(&m)
    }
}

/// Pushes `first` and `text` wrapped to `width`, the later lines under the text.
fn hang(m: &mut Markup, role: Role, first: &str, text: &str, width: usize) {
    let indent = " ".repeat(first.chars().count());
    for (i, line) in wrap(text, width.saturating_sub(indent.len()))
        .into_iter()
        .enumerate()
    {
        m.plain(if i == 0 { first } else { indent.as_str() })
            .push(role, line)
            .nl();
    }
}

/// Pushes `text` wrapped to `width`, each line after `indent`, in `role`.
pub(super) fn para(m: &mut Markup, role: Role, indent: &str, text: &str, width: usize) {
    for line in wrap(text, width.saturating_sub(indent.chars().count())) {
        m.plain(indent).push(role, line).nl();
    }
}

/// Pushes `head` followed by `rest`, wrapped to `width` as one line of text: `head` keeps
/// `head_role` and everything after it `rest_role`.
pub(super) fn lead(
    m: &mut Markup,
    head_role: Role,
    head: &str,
    rest_role: Role,
    rest: &str,
    width: usize,
) {
    for (i, line) in wrap(&format!("{head}{rest}"), width)
        .into_iter()
        .enumerate()
    {
        match line.strip_prefix(head.trim_end()) {
            Some(after) if i == 0 => {
                m.push(head_role, head.trim_end()).push(rest_role, after);
            }
            _ => {
                m.push(rest_role, line);
            }
        }
        m.nl();
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
