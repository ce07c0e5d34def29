//! The mock interview in the terminal (or piped): the chosen questions one after the other with
//! a countdown per answer, no hints and no feedback, one follow-up on the weakest answer as an
//! interviewer would ask it, the closing "any questions for us?", then the debrief. Every
//! answer is recorded as it is given, marked as part of the interview.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use super::clock::ClockSpec;
use super::input::{Entry, Input};
use crate::analyze::{Analysis, Analyzer, Context};
use crate::bank::Question;
use crate::error::Error;
use crate::feedback::markup::{Markup, Role};
use crate::interview::choose::Chosen;
use crate::interview::closing;
use crate::interview::debrief::{self, Block, Debrief, Given};
use crate::interview::plan::{InterviewPlan, Stage};
use crate::jobad::JobAd;
use crate::prose::wrap;
use crate::rubric::RubricSet;
use crate::session::{AttemptRecord, Recorder};

/// How an interview runs.
pub struct InterviewOptions<'a> {
    pub chosen: Vec<Chosen<'a>>,
    pub plan: &'a InterviewPlan,
    pub job_ad: Option<&'a JobAd>,
    pub level: Option<&'a str>,
    pub name: Option<String>,
    pub color: bool,
    pub width: usize,
    pub data_dir: Option<PathBuf>,
    /// Lines said before the first question (the posting and the level).
    pub intro: Vec<String>,
    /// Written-English notes in the debrief: the checker loads while the candidate answers.
    pub english: Option<crate::english::Settings>,
}

/// What the interview did.
pub struct InterviewSummary {
    pub given: Vec<Given>,
    pub debrief: Debrief,
    pub saved_to: Option<PathBuf>,
    pub unsaved: usize,
    pub interrupted: Option<i32>,
}

struct Run<'a, W: Write> {
    rubrics: &'a RubricSet,
    analyzer: Analyzer<'a>,
    o: InterviewOptions<'a>,
    out: W,
    recorder: Option<Recorder>,
    session: String,
    given: Vec<Given>,
}

/// Runs the interview to the end, or until Ctrl-D / `:quit` (the debrief covers what was
/// answered).
pub fn run<W: Write>(
    rubrics: &RubricSet,
    o: InterviewOptions<'_>,
    input: &mut dyn Input,
    out: W,
) -> Result<InterviewSummary, Error> {
    let recorder = o.data_dir.as_deref().map(Recorder::new);
    let english = o.english.clone().map(crate::english::Background::start);
    let mut r = Run {
        rubrics,
        analyzer: Analyzer::new(rubrics),
        o,
        out,
        recorder,
        session: crate::session::new_session_id(),
        given: Vec::new(),
    };
    r.welcome()?;
    let ended = r.questions(input);
    if let Some(rec) = r.recorder.as_mut() {
        let _ = rec.flush();
    }
    ended?;
    if let Some(bg) = english {
        add_language(bg, &mut r.given);
    }
    let d = debrief::build(&r.given, r.o.job_ad, r.o.level);
    let m = render(&d, r.o.width);
    r.print(&m)?;
    if let Some(rec) = &r.recorder {
        if !r.given.is_empty() {
            let line = if rec.unsaved() == 0 {
                format!("\nSaved to {}\n", rec.path().display())
            } else {
                format!(
                    "\n{} not saved to {}\n",
                    crate::prose::count(rec.unsaved(), "answer"),
                    rec.path().display()
                )
            };
            r.say(Role::Dim, &line)?;
        }
    }
    input.save();
    Ok(InterviewSummary {
        saved_to: r.recorder.as_ref().map(|x| x.path().to_path_buf()),
        unsaved: r.recorder.as_ref().map_or(0, Recorder::unsaved),
        given: r.given,
        debrief: d,
        interrupted: input.terminated(),
    })
}

impl<'a, W: Write> Run<'a, W> {
    fn print(&mut self, m: &Markup) -> Result<(), Error> {
        let text = m.render(self.o.color);
        self.out
            .write_all(text.as_bytes())
            .and_then(|_| self.out.flush())
            .map_err(|e| Error::io("<stdout>", e))
    }

    fn say(&mut self, role: Role, text: &str) -> Result<(), Error> {
        let mut m = Markup::new();
        for line in text.lines() {
            for w in wrap(line, self.o.width) {
                m.push(role, w).nl();
            }
            if line.is_empty() {
                m.nl();
            }
        }
        self.print(&m)
    }

    fn welcome(&mut self) -> Result<(), Error> {
        let total: u32 = self.o.chosen.iter().map(|c| c.seconds).sum();
        let mut m = Markup::new();
        m.push(Role::Heading, "starcoach · mock interview").nl();
        let lines = [
            format!(
                "A phone screen of {}, about {} of answers. No hints and no feedback until the end: answer as you would on the call.",
                crate::prose::count(self.o.chosen.len(), "question"),
                crate::prose::span(total)
            ),
            "Send each answer with a blank line; the suggested time is shown with each question. :skip passes a question, Ctrl-D ends the interview early (the debrief covers what you answered).".to_string(),
        ];
        for l in lines.iter().chain(self.o.intro.clone().iter()) {
            for w in wrap(l, self.o.width) {
                m.push(Role::Dim, w).nl();
            }
        }
        self.print(&m)
    }

    fn questions(&mut self, input: &mut dyn Input) -> Result<(), Error> {
        let chosen = self.o.chosen.clone();
        let n = chosen.len();
        for (i, c) in chosen.iter().enumerate() {
            if c.stage == Stage::Closing && !self.follow_up(input)? {
                return Ok(());
            }
            let text = match c.question {
                Some(q) => q.text.clone(),
                None => self.o.plan.closing.clone(),
            };
            let mut m = Markup::new();
            m.nl()
                .push(Role::Accent, format!("Question {} of {n}", i + 1))
                .push(
                    Role::Dim,
                    format!(" · suggested time {}", crate::prose::span(c.seconds)),
                )
                .nl();
            for l in wrap(&text, self.o.width) {
                m.push(Role::Heading, l).nl();
            }
            self.print(&m)?;
            let Some((answer, typed)) = self.read_answer(input, c.seconds)? else {
                return Ok(());
            };
            if answer.is_empty() {
                continue;
            }
            let q = c
                .question
                .cloned()
                .unwrap_or_else(|| closing_question(&text));
            self.take(&q, c, &answer, typed)?;
        }
        Ok(())
    }

    /// Reads one answer with the countdown running; `None` when the interview ends, an empty
    /// text for `:skip`.
    fn read_answer(
        &mut self,
        input: &mut dyn Input,
        seconds: u32,
    ) -> Result<Option<(String, Option<u64>)>, Error> {
        input.start_clock(ClockSpec {
            target: Some(seconds),
            countdown: true,
        });
        let started = Instant::now();
        loop {
            let e = input
                .read("answer> ")
                .map_err(|e| Error::io("<stdin>", e))?;
            match e {
                Entry::Eof | Entry::Interrupted { discarded: false } => {
                    input.stop_clock();
                    return Ok(None);
                }
                Entry::Interrupted { discarded: true } => {
                    self.say(
                        Role::Warn,
                        "Answer put aside. Type your answer again, or Ctrl-D to end.",
                    )?;
                }
                Entry::Text(t) => {
                    let t = t.trim();
                    match t {
                        ":quit" | ":q" | ":exit" => {
                            input.stop_clock();
                            return Ok(None);
                        }
                        ":skip" | ":next" => {
                            input.stop_clock();
                            return Ok(Some((String::new(), None)));
                        }
                        _ if t.starts_with(':') => {
                            self.say(Role::Dim, "(In a mock interview the only commands are :skip and :quit; the debrief comes at the end.)")?;
                        }
                        "" => self.say(
                            Role::Dim,
                            "(Take your time: type your answer and send it with a blank line.)",
                        )?,
                        _ => {
                            input.stop_clock();
                            let typed = input.interactive().then(|| started.elapsed().as_secs());
                            return Ok(Some((t.to_string(), typed)));
                        }
                    }
                }
            }
        }
    }

    /// Analyzes and records an answer; no feedback is shown.
    fn take(
        &mut self,
        q: &Question,
        c: &Chosen,
        raw: &str,
        typed: Option<u64>,
    ) -> Result<(), Error> {
        let text = crate::answer::normalize(raw).into_owned();
        let analysis = self.analyzer.analyze_in(&text, Context::question(q));
        let rubric = self.rubrics.for_kind(q.kind);
        let fb = crate::feedback::coach(&analysis, rubric, Some(q));
        let closing = (c.stage == Stage::Closing).then(|| closing::judge(&text, self.o.job_ad));
        let speaks_to = self
            .o
            .job_ad
            .map(|ad| {
                crate::jobad::speaks_to(ad, &text)
                    .iter()
                    .map(|a| a.label.clone())
                    .collect()
            })
            .unwrap_or_default();
        self.record(q, &analysis, &fb, None);
        self.given.push(Given {
            stage: c.stage,
            question: q.text.clone(),
            analysis,
            feedback: fb,
            closing,
            target: c.seconds,
            typed,
            speaks_to,
            follow_up: None,
        });
        self.say(Role::Dim, "Thank you.")
    }

    /// One follow-up on the weakest answer, as an interviewer asks it; false when the
    /// interview ends.
    fn follow_up(&mut self, input: &mut dyn Input) -> Result<bool, Error> {
        let weakest = self
            .given
            .iter()
            .enumerate()
            .filter(|(_, g)| g.closing.is_none() && g.feedback.follow_up.is_some())
            .min_by(|a, b| a.1.analysis.overall.total_cmp(&b.1.analysis.overall))
            .map(|(i, _)| i);
        let Some(i) = weakest else {
            return Ok(true);
        };
        let pick = self.given[i].feedback.follow_up.clone().expect("filtered");
        let lead = format!(
            "{} You were asked: \"{}\"",
            self.o.plan.follow_up_lead,
            crate::prose::shorten(&self.given[i].question, 90)
        );
        let mut m = Markup::new();
        m.nl().push(Role::Accent, "Follow-up").nl();
        for l in wrap(&lead, self.o.width) {
            m.push(Role::Plain, l).nl();
        }
        for l in wrap(&pick.text, self.o.width) {
            m.push(Role::Heading, l).nl();
        }
        self.print(&m)?;
        let Some((reply, _)) = self.read_answer(input, 60)? else {
            return Ok(false);
        };
        if reply.is_empty() {
            return Ok(true);
        }
        let g = &self.given[i];
        let (story, range) = super::story::place(&g.analysis, pick.probes, &reply);
        let id = g.analysis.question_id.clone();
        let catalog_q = self
            .o
            .chosen
            .iter()
            .filter_map(|c| c.question)
            .find(|q| Some(&q.id) == id.as_ref());
        let Some(q) = catalog_q else {
            return Ok(true);
        };
        let analysis: Analysis =
            self.analyzer
                .analyze_continued(&story, Context::question(q), range);
        let fb = crate::feedback::coach(&analysis, self.rubrics.for_kind(q.kind), Some(q));
        self.record(q, &analysis, &fb, Some((&pick.text, &reply)));
        let g = &mut self.given[i];
        g.follow_up = Some((pick.text.clone(), reply.clone(), analysis.overall));
        if let Some(ad) = self.o.job_ad {
            g.speaks_to = crate::jobad::speaks_to(ad, &analysis.text)
                .iter()
                .map(|a| a.label.clone())
                .collect();
        }
        self.say(Role::Dim, "Thank you.")?;
        Ok(true)
    }

    fn record(
        &mut self,
        q: &Question,
        analysis: &Analysis,
        fb: &crate::feedback::Feedback,
        reply: Option<(&str, &str)>,
    ) {
        let Some(rec) = self.recorder.as_mut() else {
            return;
        };
        let mut r = AttemptRecord::new(&self.session, self.o.name.as_deref(), q, analysis, fb);
        r.interview = Some(match self.o.job_ad.and_then(|a| a.title.as_deref()) {
            Some(t) => format!("mock interview for {t}"),
            None => "mock interview".to_string(),
        });
        if let Some((question, text)) = reply {
            r.follow_up_answer = true;
            r.replies_to = Some(question.to_string());
            r.reply = Some(text.to_string());
        }
        // A failed save is kept by the recorder and tried again; the summary says how many.
        let _ = rec.record(&r);
    }
}

/// Adds the written-English notes to every answer but the closing questions, waiting for the
/// checker if it is still loading (the answers were saved long before); without it, none.
fn add_language(mut bg: crate::english::Background, given: &mut [Given]) {
    let Some(checker) = bg.wait(super::language::END_WAIT) else {
        return;
    };
    for g in given.iter_mut().filter(|g| g.closing.is_none()) {
        if g.analysis.language_ok {
            g.feedback.language = Some(checker.check(&g.analysis.text));
        }
    }
}

/// The interviewer's closing question, as a question the analyzer and the history know.
fn closing_question(text: &str) -> Question {
    Question {
        id: "interview-closing".into(),
        text: text.to_string(),
        kind: crate::bank::Kind::General,
        tags: vec!["closing".into()],
        source: "starcoach mock interview".into(),
        category: None,
        looks_for: None,
        hint: None,
        areas: Vec::new(),
        follow_ups: Vec::new(),
        tips: Vec::new(),
        examples: Vec::new(),
        skip: Vec::new(),
        rules: Vec::new(),
        bank: "interview".into(),
    }
}

/// The debrief for the terminal.
pub fn render(d: &Debrief, width: usize) -> Markup {
    let mut m = Markup::new();
    m.nl().push(Role::Heading, d.title.clone()).nl();
    m.push(Role::Dim, d.meta.join(" · ")).nl();
    for (title, blocks) in &d.sections {
        m.nl().push(Role::Heading, title.clone()).nl();
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    for l in wrap(h, width) {
                        m.push(Role::Accent, l).nl();
                    }
                }
                Block::Para(p) => {
                    for l in wrap(p, width.saturating_sub(2)) {
                        m.plain(format!("  {l}")).nl();
                    }
                }
                Block::Item(i) => {
                    for (k, l) in wrap(i, width.saturating_sub(4)).into_iter().enumerate() {
                        let mark = if k == 0 { "  - " } else { "    " };
                        m.plain(format!("{mark}{l}")).nl();
                    }
                }
            }
        }
    }
    m
}
