//! Keeping every answer: each attempt is recorded as it is given; when saving fails, the
//! candidate is told once and practice goes on.

use std::io::Write;

use super::Practice;
use crate::analyze::Analysis;
use crate::error::Error;
use crate::feedback::Feedback;
use crate::feedback::markup::Role;
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
            return self.warn_unsaved();
        };
        if let Err(e) = recorder.record(&rec) {
            self.recorder = None;
            self.record_error = Some(e.to_string());
            return self.warn_unsaved();
        }
        Ok(())
    }

    /// Says once that answers are not being saved, and why (an empty reason: already said).
    pub(super) fn warn_unsaved(&mut self) -> Result<(), Error> {
        let Some(reason) = self.record_error.replace(String::new()) else {
            self.record_error = None;
            return Ok(());
        };
        if reason.is_empty() {
            return Ok(());
        }
        self.say(
            Role::Warn,
            &format!("Note: your answers are not being saved ({reason}). Practice goes on; copy anything you want to keep."),
        )
    }
}
