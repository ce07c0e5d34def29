//! Written-English notes in the session: the checker loads on a background thread from the
//! start, so feedback never waits for it. An answer given before it is ready gets its notes
//! as soon as the candidate enters anything next (and, at the end, within a few seconds).

use std::io::Write;
use std::time::Duration;

use super::Practice;
use crate::analyze::Analysis;
use crate::error::Error;
use crate::feedback::Feedback;
use crate::feedback::markup::{Markup, Role};

/// How long the end of a session waits for notes still being prepared (the feedback itself
/// was shown long before).
pub(super) const END_WAIT: Duration = Duration::from_secs(20);

/// The English checker of a session and the answers waiting for its notes.
#[derive(Debug, Default)]
pub(super) struct English {
    pub(super) checker: Option<crate::english::Background>,
    /// (attempt index, byte range of the part to check in its text).
    pending: Vec<(usize, std::ops::Range<usize>)>,
    /// Why the notes are off, until the candidate has been told.
    failure: Option<String>,
}

impl English {
    pub(super) fn start(settings: Option<crate::english::Settings>) -> English {
        English {
            checker: settings.map(crate::english::Background::start),
            ..English::default()
        }
    }
}

impl<W: Write> Practice<'_, W> {
    /// Adds the notes on `analysis.text[part]` (the whole answer, or a follow-up reply) to `fb`
    /// when the checker is ready; otherwise the attempt about to be recorded waits for them.
    /// Never waits itself.
    pub(super) fn attach_language(
        &mut self,
        analysis: &Analysis,
        fb: &mut Feedback,
        part: std::ops::Range<usize>,
    ) {
        let Some(bg) = self.english.checker.as_mut() else {
            return;
        };
        if !analysis.language_ok {
            return;
        }
        if let Some(checker) = bg.try_get() {
            let text = analysis.text.get(part.clone()).unwrap_or("");
            fb.language = Some(checker.check(text).shifted(part.start));
        } else if bg.loading() {
            let index = self.attempts.len();
            self.english.pending.push((index, part));
        } else {
            if let Some(e) = bg.error() {
                self.english.failure = Some(e.to_string());
            }
            self.english.checker = None;
        }
    }

    /// A line under the feedback when its notes are still to come.
    pub(super) fn language_pending_line(&self, m: &mut Markup) {
        let index = self.attempts.len();
        if self.english.pending.iter().any(|(i, _)| *i == index) {
            m.nl();
            let line = "Notes on your written English follow as soon as the checker is ready.";
            for l in crate::prose::wrap(line, self.opts.width) {
                m.push(Role::Dim, l).nl();
            }
        }
    }

    /// Shows the notes of answers that were waiting, if the checker is ready now (or, with
    /// `wait`, once it is, up to that long); says once why the notes are off if loading failed.
    pub(super) fn show_pending_language(&mut self, wait: Option<Duration>) -> Result<(), Error> {
        if let Some(reason) = self.english.failure.take() {
            self.say(
                Role::Warn,
                &format!("Note: no written-English notes in this session ({reason})."),
            )?;
        }
        if self.english.pending.is_empty() {
            return Ok(());
        }
        let Some(bg) = self.english.checker.as_mut() else {
            return Ok(());
        };
        let ready = match wait {
            Some(t) => bg.wait(t).is_some(),
            None => bg.try_get().is_some(),
        };
        if !ready {
            if let Some(e) = bg.error() {
                self.english.failure = Some(e.to_string());
                self.english.pending.clear();
                self.english.checker = None;
                return self.show_pending_language(None);
            }
            return Ok(());
        }
        let pending = std::mem::take(&mut self.english.pending);
        let mut m = Markup::new();
        for (index, part) in pending {
            let checker = self
                .english
                .checker
                .as_mut()
                .and_then(|b| b.try_get())
                .expect("ready above");
            let Some(attempt) = self.attempts.get_mut(index) else {
                continue;
            };
            let text = attempt.analysis.text.get(part.clone()).unwrap_or("");
            let notes = checker.check(text).shifted(part.start);
            let question = self
                .catalog
                .get(&attempt.question)
                .map_or(attempt.question.clone(), |q| q.text.clone());
            m.nl();
            let head = format!(
                "On your answer to: {}",
                crate::prose::shorten(&question, 70)
            );
            for l in crate::prose::wrap(&head, self.opts.width) {
                m.push(Role::Dim, l).nl();
            }
            m.append(crate::feedback::text::language(&notes, self.opts.width));
            attempt.feedback.language = Some(notes);
        }
        self.print(&m)
    }
}
