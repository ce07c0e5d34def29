//! The debrief after a mock interview: each answer's feedback, the interview as a whole
//! (strongest and weakest answers, what came up in several answers, time used against the
//! target, the posting's asks never touched), and the next steps. Built as plain sections,
//! then shown in the terminal or written as Markdown or HTML.

use crate::analyze::Analysis;
use crate::feedback::Feedback;
use crate::jobad::JobAd;
use crate::prose::{count, format_minutes};

use super::closing::ClosingFeedback;
use super::plan::Stage;

/// One answer given in the interview, with what the debrief needs of it.
#[derive(Debug, Clone)]
pub struct Given {
    pub stage: Stage,
    pub question: String,
    pub analysis: Analysis,
    pub feedback: Feedback,
    /// The closing answer's feedback (the candidate's questions).
    pub closing: Option<ClosingFeedback>,
    /// The suggested time, in seconds.
    pub target: u32,
    /// How long the answer took to type, in a terminal.
    pub typed: Option<u64>,
    /// The posting's asks (labels) the answer speaks to.
    pub speaks_to: Vec<String>,
    /// The interviewer's follow-up on this answer, the reply, and the score with it.
    pub follow_up: Option<(String, String, f64)>,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Para(String),
    Item(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub title: String,
    pub meta: Vec<String>,
    pub sections: Vec<(String, Vec<Block>)>,
}

fn stage_name(s: Stage) -> &'static str {
    match s {
        Stage::Opener => "opener",
        Stage::Motivation => "motivation",
        Stage::Behavioral => "behavioral",
        Stage::Situational => "situational",
        Stage::Career => "career",
        Stage::Technical => "technical",
        Stage::Closing => "closing",
    }
}

fn time_line(g: &Given) -> String {
    let spoken = g.analysis.speaking_seconds;
    let mut s = format!(
        "spoken about {} (target {})",
        format_minutes(spoken),
        crate::prose::span(g.target)
    );
    if let Some(t) = g.typed {
        s.push_str(&format!(", typed in {}:{:02}", t / 60, t % 60));
    }
    s
}

/// The debrief of `given`; `level` names the level judged at.
pub fn build(given: &[Given], ad: Option<&JobAd>, level: Option<&str>) -> Debrief {
    let mut meta = vec![format!("{} answered", count(given.len(), "question"))];
    if let Some(ad) = ad {
        meta.push(format!(
            "for {}",
            ad.title.as_deref().unwrap_or("the job ad")
        ));
    }
    if let Some(l) = level {
        meta.push(format!("judged at {l} level"));
    }
    let mut sections = vec![("Answer by answer".to_string(), answers(given))];
    let scored: Vec<&Given> = given.iter().filter(|g| g.closing.is_none()).collect();
    if !scored.is_empty() {
        sections.push(("The interview as a whole".to_string(), whole(&scored, ad)));
    }
    sections.push(("Next steps".to_string(), next_steps(given, ad)));
    Debrief {
        title: "Mock interview debrief".to_string(),
        meta,
        sections,
    }
}

fn answers(given: &[Given]) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, g) in given.iter().enumerate() {
        out.push(Block::Heading(format!(
            "{}. {} ({})",
            i + 1,
            crate::prose::shorten(&g.question, 90),
            stage_name(g.stage)
        )));
        if let Some(c) = &g.closing {
            for (q, about) in &c.questions {
                let about = about
                    .as_deref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default();
                out.push(Block::Item(format!("You asked: {q}{about}")));
            }
            out.push(Block::Para(c.verdict.clone()));
            out.extend(c.advice.clone().map(Block::Para));
            continue;
        }
        out.push(Block::Para(format!(
            "{:.0}/100 {} · {}.",
            g.analysis.overall,
            g.analysis.band,
            time_line(g)
        )));
        // General encouragement (no rule behind it) says nothing about this answer.
        if let Some(s) = g.feedback.strengths.iter().find(|s| !s.rule.is_empty()) {
            out.push(Block::Item(format!("Strong: {}", s.message)));
        }
        for f in g.feedback.fixes.iter().take(2) {
            out.push(Block::Item(format!("Fix: {} {}", f.message, f.suggestion)));
        }
        out.extend(
            g.feedback
                .language
                .as_ref()
                .and_then(language_line)
                .map(Block::Item),
        );
        if !g.speaks_to.is_empty() {
            out.push(Block::Item(format!(
                "Speaks to the posting's: {}.",
                g.speaks_to.join("; ")
            )));
        }
        if let Some((q, reply, score)) = &g.follow_up {
            out.push(Block::Item(format!(
                "Follow-up: \"{q}\" You said: \"{}\" With it the answer scores {score:.0}.",
                crate::prose::shorten(reply, 160)
            )));
        }
    }
    out
}

/// One answer's written-English notes in a line: the kinds with their counts and the first
/// correction (none when the answer has no notes).
fn language_line(l: &crate::english::Language) -> Option<String> {
    let first = l.notes.first()?;
    let kinds: Vec<String> = l
        .kinds
        .iter()
        .take(3)
        .map(|k| {
            format!(
                "{} ({})",
                crate::english::summary::mid_sentence(&k.title),
                k.count
            )
        })
        .collect();
    let example = first
        .examples
        .first()
        .map(|e| format!(" First to fix: “{}” → “{}”.", e.quote, e.fix))
        .unwrap_or_default();
    Some(format!(
        "Written English: {} in {} words: {}.{example}",
        count(l.findings, "note"),
        l.words,
        kinds.join(", ")
    ))
}

fn whole(scored: &[&Given], ad: Option<&JobAd>) -> Vec<Block> {
    let mut out = Vec::new();
    let by_score = |a: &&&Given, b: &&&Given| a.analysis.overall.total_cmp(&b.analysis.overall);
    if let (Some(best), Some(worst)) = (
        scored.iter().max_by(by_score),
        scored.iter().min_by(by_score),
    ) {
        out.push(Block::Item(format!(
            "Strongest: \"{}\" ({:.0}).",
            crate::prose::shorten(&best.question, 80),
            best.analysis.overall
        )));
        if scored.len() > 1 {
            out.push(Block::Item(format!(
                "Weakest: \"{}\" ({:.0}).",
                crate::prose::shorten(&worst.question, 80),
                worst.analysis.overall
            )));
        }
    }
    for (advice, n) in repeated(scored) {
        out.push(Block::Item(format!("Came up in {n} answers: {advice}")));
    }
    let over: Vec<&&Given> = scored
        .iter()
        .filter(|g| g.analysis.speaking_seconds > f64::from(g.target) * 1.25)
        .collect();
    let short: Vec<&&Given> = scored
        .iter()
        .filter(|g| g.analysis.speaking_seconds < f64::from(g.target) * 0.4)
        .collect();
    let records: Vec<crate::english::summary::Record> = scored
        .iter()
        .filter_map(|g| g.feedback.language.as_ref().map(Into::into))
        .collect();
    let summary = crate::english::summary::Summary::of(&records);
    out.extend(summary.sentence().map(Block::Item));
    out.push(Block::Item(format!(
        "Time: {} of {} near the target; {} well under, {} well over.",
        scored.len() - over.len() - short.len(),
        count(scored.len(), "answer"),
        short.len(),
        over.len()
    )));
    if let Some(ad) = ad.filter(|a| !a.asks.is_empty()) {
        let untouched = untouched(scored, ad);
        if untouched.is_empty() {
            out.push(Block::Item(
                "Every ask of the posting came up in an answer.".into(),
            ));
        } else {
            out.push(Block::Item(format!(
                "The posting asks for what no answer touched: {}.",
                untouched.join("; ")
            )));
        }
    }
    out
}

/// The asks of `ad` no answer spoke to.
fn untouched(scored: &[&Given], ad: &JobAd) -> Vec<String> {
    ad.asks
        .iter()
        .filter(|a| !scored.iter().any(|g| g.speaks_to.contains(&a.label)))
        .map(|a| a.label.clone())
        .collect()
}

/// Fixes (by rule, told by the advice, which does not depend on one answer's figures) in two
/// answers or more, most common first.
fn repeated(scored: &[&Given]) -> Vec<(String, usize)> {
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for g in scored {
        for f in &g.feedback.fixes {
            match seen.iter_mut().find(|(r, _, _)| *r == f.rule) {
                Some(s) => s.2 += 1,
                None => seen.push((f.rule.clone(), f.suggestion.clone(), 1)),
            }
        }
    }
    let mut out: Vec<(String, usize)> = seen
        .into_iter()
        .filter(|s| s.2 >= 2)
        .map(|(_, m, n)| (m, n))
        .collect();
    out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    out.truncate(3);
    out
}

fn next_steps(given: &[Given], ad: Option<&JobAd>) -> Vec<Block> {
    let mut out = Vec::new();
    let scored: Vec<&Given> = given.iter().filter(|g| g.closing.is_none()).collect();
    if let Some(w) = scored
        .iter()
        .min_by(|a, b| a.analysis.overall.total_cmp(&b.analysis.overall))
    {
        if let Some(f) = w.feedback.fixes.first() {
            out.push(Block::Item(format!(
                "Rework \"{}\": {}",
                crate::prose::shorten(&w.question, 70),
                f.suggestion
            )));
        }
    }
    if let Some((m, n)) = repeated(&scored).first() {
        out.push(Block::Item(format!("In {n} answers, the same fix: {m}")));
    }
    if let Some(ad) = ad.filter(|a| !a.asks.is_empty()) {
        if let Some(a) = untouched(&scored, ad).first() {
            out.push(Block::Item(format!(
                "Prepare a story that shows {a}: the posting asks for it."
            )));
        }
    }
    if let Some(advice) = given
        .iter()
        .filter_map(|g| g.closing.as_ref())
        .find_map(|c| c.advice.clone())
    {
        out.push(Block::Item(advice));
    }
    if out.is_empty() {
        out.push(Block::Item(
            "Run another mock interview with a new seed, or for another posting.".into(),
        ));
    }
    out
}

/// The debrief as Markdown.
pub fn markdown(d: &Debrief) -> String {
    let mut s = format!("# {}\n\n{}\n", d.title, d.meta.join(" · "));
    for (title, blocks) in &d.sections {
        s.push_str(&format!("\n## {title}\n"));
        let mut in_list = false;
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    s.push_str(&format!("\n### {h}\n\n"));
                    in_list = false;
                }
                Block::Para(p) => {
                    if in_list {
                        s.push('\n');
                    }
                    s.push_str(&format!("{p}\n\n"));
                    in_list = false;
                }
                Block::Item(i) => {
                    if !in_list {
                        s.push('\n');
                    }
                    s.push_str(&format!("- {i}\n"));
                    in_list = true;
                }
            }
        }
    }
    s
}

/// The debrief as an HTML page.
pub fn html(d: &Debrief) -> String {
    use crate::html::escape;
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        escape(&d.title),
        escape(&d.meta.join(" · "))
    );
    for (title, blocks) in &d.sections {
        body.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(title)));
        let mut in_list = false;
        for b in blocks {
            let item = matches!(b, Block::Item(_));
            if in_list && !item {
                body.push_str("</ul>\n");
            }
            if item && !in_list {
                body.push_str("<ul>\n");
            }
            in_list = item;
            match b {
                Block::Heading(h) => body.push_str(&format!("<h3>{}</h3>\n", escape(h))),
                Block::Para(p) => body.push_str(&format!("<p>{}</p>\n", escape(p))),
                Block::Item(i) => body.push_str(&format!("<li>{}</li>\n", escape(i))),
            }
        }
        if in_list {
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
    }
    crate::html::page(&d.title, &body)
}
