//! Keeping every answer: each attempt is written and synced before its feedback is shown.
//! When saving fails (a full disk, a folder that cannot be written), the candidate is told
//! once, practice goes on, and the answers are kept in memory and written as soon as saving
//! works again (with the next answer, or at the end); whatever is still unsaved at the end is
//! put in a file of its own elsewhere, and the summary says how many and where.

use std::io::Write;

use super::Practice;
use crate::analyze::Analysis;
use crate::error::Error;
use crate::feedback::Feedback;
use crate::feedback::markup::{Markup, Role};
use crate::session::AttemptRecord;

impl<W: Write> Practice<'_, W> {
    /// Records one attempt at the current question; `reply` is, for an answer to a follow-up,
    /// the follow-up question and the candidate's reply as typed.
    pub(super) fn record(
        &mut self,
        analysis: &Analysis,
        fb: &Feedback,
        retry: bool,
        reply: Option<(&str, &str)>,
    ) -> Result<(), Error> {
        let q = self.current();
        let follow_up = reply.is_some();
        let mut rec =
            AttemptRecord::new(&self.session_id, self.opts.name.as_deref(), q, analysis, fb);
        rec.retry = retry;
        rec.follow_up_answer = follow_up;
        if let Some((question, text)) = reply {
            rec.replies_to = Some(question.to_string()).filter(|q| !q.is_empty());
            rec.reply = Some(text.to_string());
        }
        rec.attempt = 1 + self
            .attempts
            .iter()
            .filter(|a| a.question == q.id && !a.follow_up_answer)
            .count() as u32
            - u32::from(follow_up);
        rec.drill = self.opts.drill.as_ref().map(|d| d.id.clone());
        if follow_up {
            rec.answer = analysis.text.clone();
        }
        let Some(recorder) = self.recorder.as_mut() else {
            return Ok(());
        };
        let kept_before = recorder.unsaved();
        match recorder.record(&rec) {
            Ok(()) if self.save_failing => {
                self.save_failing = false;
                self.say(
                    Role::Dim,
                    &format!(
                        "Saving works again: {kept_before} kept answer{} and this one are saved.",
                        if kept_before == 1 { "" } else { "s" }
                    ),
                )
            }
            Ok(()) => Ok(()),
            Err(_) if self.save_failing => Ok(()),
            Err(e) => {
                self.save_failing = true;
                self.say(
                    Role::Warn,
                    &format!(
                        "Note: your answers are not being saved ({e}). Practice goes on: each answer is kept and saving is tried again with the next one and at the end."
                    ),
                )
            }
        }
    }

    /// At the end: one more try at what is unsaved, then a file elsewhere for the rest.
    pub(super) fn finish_saving(&mut self) {
        let Some(r) = self.recorder.as_mut() else {
            return;
        };
        if r.flush().is_err() {
            self.rescued = r.rescue(&self.session_id);
        }
    }

    /// The summary's last lines: where the answers are, or how many are not saved and where
    /// to find them.
    pub(super) fn saving_summary(&self, m: &mut Markup) {
        let Some(r) = &self.recorder else {
            return;
        };
        let unsaved = r.unsaved();
        if unsaved == 0 {
            if !self.attempts.is_empty() {
                m.nl()
                    .push(Role::Dim, format!("Saved to {}", r.path().display()))
                    .nl();
            }
            return;
        }
        let n = if unsaved == 1 {
            "1 answer was".to_string()
        } else {
            format!("{unsaved} answers were")
        };
        let text = match &self.rescued {
            Some(p) => format!(
                "{n} not saved to {}. They are kept in {}: once the problem is fixed, add them to your history with `cat {} >> {}`.",
                r.path().display(),
                p.display(),
                p.display(),
                r.path().display()
            ),
            None => format!(
                "{n} not saved to {}, and no other place could be written either. Copy what you want to keep from below.",
                r.path().display()
            ),
        };
        m.nl();
        super::screens::para(m, Role::Warn, "", &text, self.opts.width);
        if self.rescued.is_none() {
            for a in r.unsaved_answers() {
                m.nl().plain(a).nl();
            }
        }
    }
}
