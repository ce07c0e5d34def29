//! Feedback on an answer as it is given: the feedback screen (with what changed, on a retry),
//! an answer to the follow-up analyzed together with the answer before it, and what the
//! candidate can do next.

use std::io::Write;

use super::screens::para;
use super::{Attempt, Practice, Stage};
use crate::analyze::{Analysis, Context};
use crate::bank::Question;
use crate::error::Error;
use crate::feedback::diff;
use crate::feedback::markup::{Markup, Role};
use crate::feedback::text::{Layout, advice, header_at};
use crate::feedback::{self, Feedback};
use crate::prose::format_minutes;

impl<W: Write> Practice<'_, W> {
    pub(super) fn answer(
        &mut self,
        raw: &str,
        retry: bool,
        typed_for: std::time::Duration,
    ) -> Result<(), Error> {
        let text = crate::answer::normalize(raw).into_owned();
        let q = self.current();
        let analysis = self.analyzer.analyze_in(&text, Context::question(q));
        let rubric = self.rubric_for(q);
        let mut fb = feedback::coach(&analysis, rubric, Some(q));
        self.attach_language(&analysis, &mut fb, 0);
        let mut m = Markup::new();
        m.nl();
        if retry {
            if let Some(prev) = self.latest() {
                m.append(diff::render(&diff::compare(&prev.analysis, &analysis)))
                    .nl();
            }
        }
        m.append(self.screen(&analysis, &fb, q));
        self.language_pending_line(&mut m);
        if self.opts.timer {
            let secs = typed_for.as_secs();
            m.nl().push(
                Role::Dim,
                format!("Typed in {}:{:02}.", secs / 60, secs % 60),
            );
            if analysis.speaking_seconds > 150.0 {
                m.push(
                    Role::Warn,
                    format!(
                        " Spoken, this runs about {}: far over two minutes.",
                        format_minutes(analysis.speaking_seconds)
                    ),
                );
            }
            m.nl();
        }
        m.nl();
        let stage = self.what_next(&mut m, &fb);
        // On disk (synced) before the feedback shows: once it is on the screen, it is saved.
        self.record(&analysis, &fb, retry, false)?;
        self.print(&m)?;
        self.attempts.push(Attempt {
            question: q.id.clone(),
            analysis,
            feedback: fb,
            retry,
            follow_up_answer: false,
        });
        self.stage = stage;
        Ok(())
    }

    /// The full feedback screen for an answer.
    pub(super) fn screen(&self, analysis: &Analysis, fb: &Feedback, q: &Question) -> Markup {
        let rubric = self.rubric_for(q);
        feedback::text::render(
            analysis,
            fb,
            rubric,
            Layout {
                width: self.opts.width,
                ..Layout::default()
            },
        )
    }

    /// An answer to the follow-up: analyzed together with the answer before it, so what it adds
    /// fills the gap the follow-up was about.
    pub(super) fn follow_up_answer(&mut self, raw: &str) -> Result<(), Error> {
        let Some(prev) = self.latest().cloned() else {
            return Ok(());
        };
        let addition = crate::answer::normalize(raw).into_owned();
        let combined = format!("{}\n\n{}", prev.analysis.text.trim_end(), addition.trim());
        let q = self.current();
        let analysis = self.analyzer.analyze_in(&combined, Context::question(q));
        let rubric = self.rubric_for(q);
        let mut fb = feedback::coach(&analysis, rubric, Some(q));
        // Only what the follow-up answer adds: the answer before it had its notes.
        self.attach_language(&analysis, &mut fb, combined.len() - addition.trim().len());
        let mut m = Markup::new();
        m.nl()
            .push(Role::Heading, "Your answer with the follow-up")
            .nl();
        m.append(header_at(&analysis, rubric, self.opts.width)).nl();
        let change = diff::compare(&prev.analysis, &analysis);
        m.append(diff::render(&change)).nl();
        m.append(advice(&fb, self.opts.width));
        self.language_pending_line(&mut m);
        m.nl();
        let stage = self.what_next(&mut m, &fb);
        self.record(&analysis, &fb, false, true)?;
        self.print(&m)?;
        self.attempts.push(Attempt {
            question: q.id.clone(),
            analysis,
            feedback: fb,
            retry: false,
            follow_up_answer: true,
        });
        self.stage = stage;
        Ok(())
    }

    /// Says what the candidate can do after feedback, and returns the stage that allows it: a
    /// follow-up on the screen can be answered; without one, Enter moves on.
    fn what_next(&self, m: &mut Markup, fb: &Feedback) -> Stage {
        let (stage, line) = if fb.follow_up.is_some() {
            (
                Stage::Answered,
                "Answer the follow-up, :retry, or press Enter for the next question.",
            )
        } else {
            (
                Stage::FollowedUp,
                "Press Enter for the next question, or :retry to answer this one again from the start.",
            )
        };
        para(m, Role::Dim, "", line, self.opts.width);
        stage
    }
}
