//! Feedback on an answer as it is given: the feedback screen (with what changed, on a retry),
//! an answer to the follow-up placed in the story where it belongs and analyzed with it, and
//! what the candidate can do next. The follow-up after each answer continues the conversation
//! about the question: never one already asked, never about a part just supplied.

use std::io::Write;

use super::screens::para;
use super::{Attempt, Practice, Stage, story};
use crate::analyze::{Analysis, Context};
use crate::bank::Question;
use crate::error::Error;
use crate::feedback::diff;
use crate::feedback::markup::{Markup, Role};
use crate::feedback::text::{Layout, advice, header_at, star_map_with};
use crate::feedback::{self, Conversation, Feedback};
use crate::prose::format_minutes;
use crate::rubric::Dimension;

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
        let prev = self.latest().filter(|_| retry).map(|p| p.analysis.clone());
        // What a retry adds is supplied: the follow-up does not ask for it.
        let supplied = prev
            .as_ref()
            .map(|p| story::told(&analysis, &diff::added(p, &analysis)))
            .unwrap_or_default();
        let mut fb = feedback::coach_in(&analysis, rubric, Some(q), &self.conversation(&supplied));
        self.attach_language(&analysis, &mut fb, 0..analysis.text.len());
        let mut m = Markup::new();
        m.nl();
        if let Some(prev) = &prev {
            let change = diff::compare(prev, &analysis, rubric);
            m.append(diff::render(&change, self.opts.width)).nl();
        }
        m.append(self.screen(&analysis, &fb, q));
        self.ad_line(&mut m, &analysis.text);
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
        self.record(&analysis, &fb, retry, None)?;
        self.print(&m)?;
        self.attempts.push(Attempt {
            question: q.id.clone(),
            analysis,
            feedback: fb,
            retry,
            follow_up_answer: false,
            answered: None,
            supplied,
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

    /// An answer to the follow-up: placed in the story where its part belongs and analyzed
    /// with it, so what it adds fills the gap the follow-up was about.
    pub(super) fn follow_up_answer(&mut self, raw: &str) -> Result<(), Error> {
        let Some(prev) = self.latest().cloned() else {
            return Ok(());
        };
        let addition = crate::answer::normalize(raw).trim().to_string();
        let asked = prev.feedback.follow_up.clone();
        let probe = asked.as_ref().and_then(|f| f.probes);
        let (story, reply) = story::place(&prev.analysis, probe, &addition);
        let q = self.current();
        let analysis = self
            .analyzer
            .analyze_continued(&story, Context::question(q), reply.clone());
        let rubric = self.rubric_for(q);
        // Supplied: the part the follow-up asked about, and every part the reply told.
        let in_reply: Vec<usize> = (0..analysis.sentences.len())
            .filter(|&i| {
                let s = &analysis.sentences[i].span;
                reply.start <= s.start && s.end <= reply.end
            })
            .collect();
        let mut supplied = story::told(&analysis, &in_reply);
        supplied.extend(asked.as_ref().map(|f| f.dimension));
        let conversation = self.conversation(&supplied);
        let mut fb = feedback::coach_in(&analysis, rubric, Some(q), &conversation);
        // Only the reply: the answer before it had its notes.
        self.attach_language(&analysis, &mut fb, reply.clone());
        let width = self.opts.width;
        let mut m = Markup::new();
        m.nl()
            .push(Role::Heading, "Your answer with the follow-up")
            .nl();
        m.append(header_at(&analysis, rubric, width)).nl();
        if matches!(
            q.kind,
            crate::bank::Kind::Behavioral | crate::bank::Kind::Situational
        ) {
            m.append(star_map_with(&analysis, width, Some(&reply)));
            para(
                &mut m,
                Role::Dim,
                "  ",
                "(+ marks your reply, placed where it belongs in the story)",
                width,
            );
            m.nl();
        }
        let change = diff::compare(&prev.analysis, &analysis, rubric);
        m.append(diff::render(&change, width)).nl();
        m.append(advice(&fb, width));
        self.language_pending_line(&mut m);
        m.nl();
        let stage = self.what_next(&mut m, &fb);
        let question = asked.as_ref().map_or("", |f| f.text.as_str());
        self.record(&analysis, &fb, false, Some((question, &addition)))?;
        self.print(&m)?;
        self.attempts.push(Attempt {
            question: q.id.clone(),
            analysis,
            feedback: fb,
            retry: false,
            follow_up_answer: true,
            answered: asked,
            supplied,
        });
        self.stage = stage;
        Ok(())
    }

    /// With a job ad: which of its asks the answer speaks to.
    fn ad_line(&self, m: &mut Markup, text: &str) {
        let Some(ad) = self.opts.job_ad.as_ref().filter(|a| !a.asks.is_empty()) else {
            return;
        };
        let said: Vec<&str> = crate::jobad::speaks_to(ad, text)
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        let line = if said.is_empty() {
            "For the job ad: this answer speaks to none of what it asks for.".to_string()
        } else {
            format!(
                "For the job ad, this answer speaks to: {}.",
                said.join("; ")
            )
        };
        m.nl();
        para(m, Role::Dim, "", &line, self.opts.width);
    }

    /// What has been asked and answered about the current question, with `now` (what the
    /// attempt being given supplies).
    fn conversation(&self, now: &[Dimension]) -> Conversation {
        let id = &self.current().id;
        let mut c = Conversation::default();
        let tries = self.attempts.iter().filter(|a| &a.question == id);
        for a in tries {
            c.asked
                .extend(a.feedback.follow_up.iter().map(|f| f.text.clone()));
            c.supplied.extend(a.supplied.iter().copied());
        }
        c.supplied.extend(now.iter().copied());
        c.just = now.to_vec();
        c
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
