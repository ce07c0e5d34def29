//! The practice session: ask a question, take a typed answer, give feedback at once, ask the
//! follow-up, allow a retry with what changed, and keep every answer on disk as it is given.
//!
//! The loop only does plumbing: input comes from [`input::Input`] (a terminal through rustyline,
//! or piped lines), commands from the [`commands`] table, feedback from [`crate::feedback`]
//! (shown by `answering.rs`), the other screens (`:help`, `:hint`, `:star`, the summary...)
//! from `screens.rs`, and records go to [`crate::session::Recorder`].

mod answering;
pub mod clock;
pub mod commands;
pub mod input;
pub mod interview;
mod language;
pub mod order;
mod recording;
mod screens;
mod story;
mod typed;

use std::io::{self, Write};
use std::path::PathBuf;

use commands::Command;
use input::{Entry, Input};
use screens::lead;

use crate::analyze::{Analysis, Analyzer};
use crate::bank::{Catalog, Question};
use crate::error::Error;
use crate::feedback::Feedback;
use crate::feedback::markup::{Markup, Role};
use crate::prose::{format_minutes, wrap};
use crate::rubric::RubricSet;
use crate::session::Recorder;

/// How a session runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The questions, in the order they are asked.
    pub order: Vec<String>,
    /// Stop after this many questions.
    pub count: Option<usize>,
    /// Say at the start how many questions the session asks (`--count` was not given).
    pub announce: bool,
    /// Lines said after the welcome (what a job ad asks for, the level).
    pub intro: Vec<String>,
    /// The posting practised for: the feedback says which of its asks each answer speaks to.
    pub job_ad: Option<crate::jobad::JobAd>,
    pub timer: bool,
    pub name: Option<String>,
    pub color: bool,
    /// Columns to wrap to (kept to 40-100).
    pub width: usize,
    /// Where to record attempts (no recording when `None`).
    pub data_dir: Option<PathBuf>,
    /// A drill: its title and instructions shown at the start, whether hints and examples are
    /// allowed, the suggested seconds per answer.
    pub drill: Option<DrillSettings>,
    /// Written-English notes with these settings (none when `None`); the checker is loaded on
    /// a background thread when the session starts.
    pub english: Option<crate::english::Settings>,
}

/// What a drill plan changes about a session.
#[derive(Debug, Clone, Default)]
pub struct DrillSettings {
    pub id: String,
    pub title: String,
    pub instructions: Option<String>,
    pub allow_hints: bool,
    pub allow_examples: bool,
    pub seconds_per_answer: Option<u32>,
}

/// One answer given in the session, with its analysis.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub question: String,
    pub analysis: Analysis,
    pub feedback: Feedback,
    pub retry: bool,
    pub follow_up_answer: bool,
    /// The follow-up this attempt answers (for a follow-up answer).
    pub answered: Option<crate::feedback::FollowUpPick>,
    /// The parts this attempt supplied (the follow-up's part and what the reply told, or what
    /// a retry added): not asked about again for this question.
    pub supplied: Vec<crate::rubric::Dimension>,
}

/// What a session did, for the caller (drill summaries, tests).
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub attempts: Vec<Attempt>,
    pub saved_to: Option<PathBuf>,
    pub session: String,
    /// Answers that could not be saved (the summary said so, and where they are).
    pub unsaved: usize,
    /// The signal that ended the session: 2 for Ctrl-C twice, 15 SIGTERM, 1 SIGHUP.
    pub interrupted: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Waiting for an answer to the current question.
    Asking { retry: bool },
    /// Feedback with a follow-up given; an answer now is the answer to the follow-up.
    Answered,
    /// Feedback with no follow-up on the screen; Enter moves on, `:retry` answers again.
    FollowedUp,
}

struct Practice<'a, W: Write> {
    catalog: &'a Catalog,
    rubrics: &'a RubricSet,
    analyzer: Analyzer<'a>,
    queue: Vec<&'a Question>,
    pos: usize,
    asked: usize,
    stage: Stage,
    attempts: Vec<Attempt>,
    example_index: usize,
    /// Where answers are saved (`None` with `--no-save`).
    recorder: Option<Recorder>,
    /// Saving failed and the candidate has been told; cleared when saving works again.
    save_failing: bool,
    /// Where the answers that could not be saved were put at the end, if anywhere.
    rescued: Option<PathBuf>,
    /// Text to start the next read with in the editor (`:restore`).
    initial: Option<String>,
    /// How the session was ended by an interrupt: the signal number (2 for Ctrl-C).
    interrupted: Option<i32>,
    session_id: String,
    opts: Options,
    out: W,
    ctrl_c_armed: bool,
    english: language::English,
}

/// Runs a session until the questions run out, `:quit`, Ctrl-D or the end of piped input.
pub fn run<W: Write>(
    catalog: &Catalog,
    rubrics: &RubricSet,
    mut opts: Options,
    input: &mut dyn Input,
    out: W,
) -> Result<Summary, Error> {
    // Prose stays readable whatever width the caller got (a pipe's COLUMNS can be anything).
    opts.width = opts.width.clamp(40, 100);
    let queue: Vec<&Question> = opts.order.iter().filter_map(|id| catalog.get(id)).collect();
    if queue.is_empty() {
        return Err(Error::Usage(
            "no questions to practise with these filters (see `starcoach questions`)".into(),
        ));
    }
    let recorder = opts.data_dir.as_deref().map(Recorder::new);
    let mut p = Practice {
        catalog,
        rubrics,
        analyzer: Analyzer::new(rubrics),
        queue,
        pos: 0,
        asked: 0,
        stage: Stage::Asking { retry: false },
        attempts: Vec::new(),
        example_index: 0,
        recorder,
        save_failing: false,
        rescued: None,
        initial: None,
        interrupted: None,
        session_id: crate::session::new_session_id(),
        english: language::English::start(opts.english.clone()),
        opts,
        out,
        ctrl_c_armed: false,
    };
    input.set_ids(catalog.questions().map(|q| q.id.clone()).collect());
    let looped = p
        .welcome()
        .and_then(|_| p.ask(input))
        .and_then(|_| p.run_loop(input));
    // Whatever ended the session (a closed terminal included), retry what is unsaved and keep
    // the line history before reporting.
    p.finish_saving();
    // Written-English notes still on their way come before the summary.
    let shown = looped
        .and_then(|_| p.show_pending_language(Some(language::END_WAIT)))
        .and_then(|_| p.summary());
    input.save();
    shown?;
    Ok(Summary {
        attempts: p.attempts,
        saved_to: p.recorder.as_ref().map(|r| r.path().to_path_buf()),
        session: p.session_id,
        unsaved: p.recorder.as_ref().map_or(0, Recorder::unsaved),
        interrupted: p.interrupted.or(input.terminated()),
    })
}

fn io_err(e: io::Error) -> Error {
    Error::io("<stdout>", e)
}

impl<'a, W: Write> Practice<'a, W> {
    fn print(&mut self, m: &Markup) -> Result<(), Error> {
        let text = m.render(self.opts.color);
        self.out
            .write_all(text.as_bytes())
            .and_then(|_| self.out.flush())
            .map_err(io_err)
    }

    fn say(&mut self, role: Role, text: &str) -> Result<(), Error> {
        let mut m = Markup::new();
        for line in text.lines() {
            if line.is_empty() {
                m.nl();
                continue;
            }
            for w in wrap(line, self.opts.width) {
                m.push(role, w).nl();
            }
        }
        self.print(&m)
    }

    fn current(&self) -> &'a Question {
        self.queue[self.pos]
    }

    fn welcome(&mut self) -> Result<(), Error> {
        let mut m = Markup::new();
        if let Some(d) = self.opts.drill.clone() {
            m.push(Role::Heading, format!("Drill: {}", d.title)).nl();
            if let Some(i) = &d.instructions {
                for line in wrap(i, self.opts.width) {
                    m.plain(line).nl();
                }
            }
            if let Some(s) = d.seconds_per_answer {
                m.push(
                    Role::Dim,
                    format!("Suggested time per answer: {}.", format_minutes(s as f64)),
                )
                .nl();
            }
            m.nl();
        } else {
            lead(
                &mut m,
                Role::Heading,
                "starcoach",
                Role::Plain,
                " · interview practice for call-center and customer-service jobs",
                self.opts.width,
            );
        }
        let hints_off = self.opts.drill.as_ref().is_some_and(|d| !d.allow_hints);
        let lines = [
            "I'll ask a question. Type your answer (several lines are fine; pasting works) and send it with a blank line.",
            "You get feedback at once, then a follow-up question: answer it, :retry, or press Enter for the next question.",
            if hints_off {
                ":star shows the STAR method, :help every command. Ctrl-D ends the session."
            } else {
                ":hint shows what to cover, :star the STAR method, :help every command. Ctrl-D ends the session."
            },
        ];
        for l in lines {
            for w in wrap(l, self.opts.width) {
                m.push(Role::Dim, w).nl();
            }
        }
        if let (true, Some(n)) = (self.opts.announce, self.opts.count) {
            let l = format!(
                "This session asks {} (--count sets how many).",
                crate::prose::count(n, "question")
            );
            for w in wrap(&l, self.opts.width) {
                m.push(Role::Dim, w).nl();
            }
        }
        for l in self.opts.intro.clone() {
            for w in wrap(&l, self.opts.width) {
                m.push(Role::Plain, w).nl();
            }
        }
        self.print(&m)
    }

    /// Shows the current question.
    fn ask(&mut self, input: &mut dyn Input) -> Result<(), Error> {
        let q = self.current();
        let total = match self.opts.count {
            Some(c) => c.min(self.queue.len()),
            None => self.queue.len(),
        };
        let retry = matches!(self.stage, Stage::Asking { retry: true });
        let mut m = Markup::new();
        m.nl();
        let head = if retry {
            "Again".to_string()
        } else {
            format!("Question {} of {}", self.asked + 1, total)
        };
        lead(
            &mut m,
            Role::Accent,
            &head,
            Role::Dim,
            &format!(" · {} · {}", q.kind, q.tags.join(", ")),
            self.opts.width,
        );
        for line in wrap(&q.text, self.opts.width) {
            m.push(Role::Heading, line).nl();
        }
        let text_only = self.opts.drill.as_ref().is_some_and(|d| !d.allow_hints);
        if let (Some(h), false) = (&q.hint, text_only) {
            for line in wrap(&format!("Hint: {h}"), self.opts.width) {
                m.push(Role::Dim, line).nl();
            }
        }
        self.print(&m)?;
        input.start_clock(self.clock_spec());
        Ok(())
    }

    /// How the answer clock runs for the current question: up from zero with `--timer`, with
    /// the cue at the drill's suggested time or two minutes.
    fn clock_spec(&self) -> clock::ClockSpec {
        clock::ClockSpec {
            target: Some(
                self.opts
                    .drill
                    .as_ref()
                    .and_then(|d| d.seconds_per_answer)
                    .unwrap_or(120),
            ),
            countdown: false,
        }
    }

    fn prompt(&self) -> &'static str {
        match self.stage {
            Stage::Asking { retry: false } => "answer> ",
            Stage::Asking { retry: true } => "retry> ",
            Stage::Answered => "follow-up> ",
            Stage::FollowedUp => "next> ",
        }
    }

    fn run_loop(&mut self, input: &mut dyn Input) -> Result<(), Error> {
        let started = std::time::Instant::now();
        let mut answer_started = started;
        loop {
            if matches!(self.stage, Stage::Asking { .. }) && self.ctrl_c_armed {
                answer_started = std::time::Instant::now();
            }
            // A retry in a terminal starts with the last answer in the editor, to improve it.
            let last = self.initial.take().or_else(|| match self.stage {
                Stage::Asking { retry: true } => {
                    self.latest_answer().map(|t| t.trim_end().to_string())
                }
                _ => None,
            });
            let entry = match &last {
                Some(text) if input.interactive() => input.read_initial(self.prompt(), text),
                _ => input.read(self.prompt()),
            }
            .map_err(|e| Error::io("<stdin>", e))?;
            self.show_pending_language(None)?;
            match entry {
                Entry::Eof => return Ok(()),
                Entry::Interrupted { discarded: true } => {
                    self.ctrl_c_armed = false;
                    self.say(
                        Role::Warn,
                        "Answer put aside: :restore (or Up) brings it back. Type a new one, or :next to move on.",
                    )?;
                }
                Entry::Interrupted { discarded: false } => {
                    if self.ctrl_c_armed {
                        self.interrupted = Some(2);
                        return Ok(());
                    }
                    self.ctrl_c_armed = true;
                    self.say(
                        Role::Warn,
                        "Press Ctrl-C again to quit (or Ctrl-D to end with a summary).",
                    )?;
                }
                Entry::Text(text) => {
                    self.ctrl_c_armed = false;
                    if commands::is_command(&text) {
                        match text.parse::<Command>() {
                            Ok(Command::Quit) => return Ok(()),
                            Ok(cmd) => {
                                if !self.command(cmd, input)? {
                                    return Ok(());
                                }
                            }
                            Err(e) => self.say(Role::Warn, &e.to_string())?,
                        }
                        continue;
                    }
                    if self.refused(&text)? {
                        continue;
                    }
                    if crate::safe_text::is_blank(&text) {
                        match self.stage {
                            Stage::Asking { .. } => {
                                self.say(Role::Dim, "(Type your answer and send it with a blank line; :hint shows what to cover.)")?;
                            }
                            Stage::Answered | Stage::FollowedUp => {
                                if !self.next(input)? {
                                    return Ok(());
                                }
                                answer_started = std::time::Instant::now();
                            }
                        }
                        continue;
                    }
                    match self.stage {
                        Stage::Asking { retry } => {
                            input.stop_clock();
                            let typed_for = answer_started.elapsed();
                            self.answer(&text, retry, typed_for)?;
                        }
                        Stage::Answered => self.follow_up_answer(&text)?,
                        Stage::FollowedUp => self.more_of_the_answer(&text)?,
                    }
                }
            }
        }
    }

    fn rubric_for(&self, q: &Question) -> &'a crate::rubric::Rubric {
        self.rubrics.for_kind(q.kind)
    }

    /// The text of the latest answer to the current question: the story as it has grown, with
    /// the replies to follow-ups in it (a retry starts from it).
    fn latest_answer(&self) -> Option<String> {
        self.latest().map(|a| a.analysis.text.clone())
    }

    /// The latest attempt at the current question (a follow-up answer counts).
    fn latest(&self) -> Option<&Attempt> {
        let id = &self.current().id;
        self.attempts.iter().rev().find(|a| &a.question == id)
    }

    /// Moves to the next question; false when there are no more.
    fn next(&mut self, input: &mut dyn Input) -> Result<bool, Error> {
        self.asked += 1;
        let limit = self.opts.count.unwrap_or(usize::MAX);
        if self.pos + 1 >= self.queue.len() || self.asked >= limit {
            self.say(Role::Dim, "\nThat was the last question.")?;
            return Ok(false);
        }
        self.pos += 1;
        self.example_index = 0;
        self.stage = Stage::Asking { retry: false };
        self.ask(input)?;
        Ok(true)
    }

    /// Runs a command; false ends the session.
    fn command(&mut self, cmd: Command, input: &mut dyn Input) -> Result<bool, Error> {
        let drill = self.opts.drill.clone();
        match cmd {
            Command::Help => {
                let m = self.help();
                self.print(&m)?;
            }
            Command::Hint => {
                if drill.as_ref().is_some_and(|d| !d.allow_hints) {
                    self.say(Role::Dim, "Hints are off in this drill.")?;
                } else {
                    let m = self.hint();
                    self.print(&m)?;
                }
            }
            Command::Example => {
                if drill.as_ref().is_some_and(|d| !d.allow_examples) {
                    self.say(Role::Dim, "Examples are off in this drill.")?;
                } else {
                    let m = self.example();
                    self.print(&m)?;
                }
            }
            Command::Star => {
                let m = self.star();
                self.print(&m)?;
            }
            Command::FollowUp => match self.latest().and_then(|a| a.feedback.follow_up.clone()) {
                Some(f) => {
                    if self.stage == Stage::FollowedUp {
                        self.stage = Stage::Answered;
                    }
                    self.say(Role::Accent, &format!("Follow-up: {}", f.text))?;
                }
                None if self.latest().is_some() => self.say(
                    Role::Dim,
                    "No follow-up for this answer. Press Enter for the next question, or :retry.",
                )?,
                None => self.say(Role::Dim, "Answer the question first: the follow-up depends on what your answer leaves out.")?,
            },
            Command::Retry => {
                if self.latest().is_some() {
                    self.stage = Stage::Asking { retry: true };
                    self.ask(input)?;
                    let how = if input.interactive() {
                        "Your last answer is in the editor: change it, then send it with a blank line. You'll see what changed."
                    } else {
                        "Answer again; you'll see what changed."
                    };
                    self.say(Role::Dim, how)?;
                } else {
                    self.say(Role::Dim, "You haven't answered this one yet; just type your answer.")?;
                }
            }
            Command::Next => return self.next(input),
            Command::Score => match self.attempts.last() {
                Some(a) => {
                    let q = self.catalog.get(&a.question).unwrap_or(self.current());
                    let m = self.screen(&a.analysis.clone(), &a.feedback.clone(), q);
                    self.print(&m)?;
                }
                None => self.say(Role::Dim, "No feedback yet: answer a question first.")?,
            },
            Command::History => {
                let m = self.history();
                self.print(&m)?;
            }
            Command::Questions => {
                let m = self.questions();
                self.print(&m)?;
            }
            Command::Question(id) => match self.catalog.require(&id) {
                Ok(q) if q.id == self.current().id && self.stage == (Stage::Asking { retry: false }) => {
                    // Asked already and on the screen: showing it again would repeat it.
                    self.say(Role::Dim, "That is the question you are on: type your answer.")?;
                }
                Ok(q) => {
                    // Leaving a question that was answered moves the count on, as Enter does.
                    if self.latest().is_some() {
                        self.asked += 1;
                    }
                    match self.queue.iter().position(|x| x.id == q.id) {
                        Some(i) => self.pos = i,
                        None => {
                            self.queue.insert(self.pos + 1, q);
                            self.pos += 1;
                        }
                    }
                    self.example_index = 0;
                    self.stage = Stage::Asking { retry: false };
                    self.ask(input)?;
                }
                Err(e) => self.say(Role::Warn, &e.to_string())?,
            },
            Command::Restore => self.restore(input)?,
            Command::Quit => return Ok(false),
        }
        Ok(true)
    }
}
