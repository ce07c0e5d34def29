//! Keeping what the candidate typed: an answer thrown away with Ctrl-C comes back with
//! `:restore`, text typed where no answer was expected is read as more of the answer, and
//! an answer too long to analyze is refused with a word rather than taking minutes.

use std::io::Write;

use super::Practice;
use super::input::Input;
use crate::error::Error;
use crate::feedback::markup::Role;

impl<W: Write> Practice<'_, W> {
    /// `:restore`: the answer the last Ctrl-C threw away goes back in the editor.
    pub(super) fn restore(&mut self, input: &mut dyn Input) -> Result<(), Error> {
        match input.take_discarded() {
            Some(text) => {
                self.initial = Some(text);
                self.say(
                    Role::Dim,
                    "Your answer is back in the editor: finish it, then send it with a blank line.",
                )
            }
            None => self.say(
                Role::Dim,
                "Nothing to restore: :restore brings back an answer that Ctrl-C threw away.",
            ),
        }
    }

    /// Text typed at the next-question prompt, when there is no follow-up to answer (a second
    /// paragraph after an accidental blank line, an answer typed a moment too late): it is
    /// read together with the answer before it, as an answer to a follow-up would be.
    pub(super) fn more_of_the_answer(&mut self, text: &str) -> Result<(), Error> {
        self.say(
            Role::Dim,
            "(There was no follow-up question, so this is read as more of your answer, together with what you wrote before.)",
        )?;
        self.follow_up_answer(text)
    }

    /// Refuses an answer over [`crate::answer::MAX_BYTES`], saying so; true when refused.
    pub(super) fn refused(&mut self, text: &str) -> Result<bool, Error> {
        if text.len() <= crate::answer::MAX_BYTES {
            return Ok(false);
        }
        self.say(
            Role::Warn,
            &format!(
                "That answer is over {} MB, too long to analyze (is it the right paste?). It was not saved; type or paste a shorter one.",
                crate::answer::MAX_BYTES >> 20
            ),
        )?;
        Ok(true)
    }
}
