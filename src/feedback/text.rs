//! The feedback screen for people: overall score and band, the STAR map, dimension bars, what
//! is strong, the top fixes with the words they are about, length against the target, the next
//! step and the follow-up. Readable at 60 columns; colour only through [`Markup`] roles.

use super::Feedback;
use super::markup::score_role;
use super::markup::{Markup, Role};
use crate::analyze::{Analysis, Episode, Label};
use crate::prose::{shorten, wrap};
use crate::rubric::{Dimension, Rubric};

/// What to include.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: usize,
    pub star_map: bool,
    pub scores: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            width: 80,
            star_map: true,
            scores: true,
        }
    }
}

/// A 10-cell bar for a 0-100 score.
pub fn bar(score: f64) -> String {
    let filled = (score / 10.0).round().clamp(0.0, 10.0) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The kind of example an answer gives, in words: "one specific episode", "no example".
pub fn episode_phrase(e: Episode) -> &'static str {
    match e {
        Episode::Specific => "one specific episode",
        Episode::Habitual => "what you usually do",
        Episode::Hypothetical => "what you would do",
        Episode::None => "no example",
    }
}

/// Indents wrapped text: `first` before the first line, spaces of the same width after.
fn wrapped(m: &mut Markup, first: &str, role: Role, text: &str, width: usize) {
    let indent = " ".repeat(first.chars().count());
    for (i, line) in wrap(text, width.saturating_sub(indent.len()))
        .into_iter()
        .enumerate()
    {
        m.plain(if i == 0 { first } else { &indent });
        m.push(role, line).nl();
    }
}

/// The header: overall score, band, episode, length (at the default width).
pub fn header(a: &Analysis, rubric: &Rubric) -> Markup {
    header_at(a, rubric, Layout::default().width)
}

/// The header, wrapped to `width` columns.
pub fn header_at(a: &Analysis, rubric: &Rubric, width: usize) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "Overall ")
        .push(score_role(a.overall), format!("{:.0}/100", a.overall))
        .plain("  ")
        .push(Role::Accent, a.band.clone())
        .nl();
    let target = format!("aim for {}", target_phrase(rubric.delivery.target_seconds));
    // Whether it is one real episode matters for story questions only.
    let episode = match a.kind {
        crate::bank::Kind::Behavioral | crate::bank::Kind::Situational if a.language_ok => {
            format!(" · {}", episode_phrase(a.episode))
        }
        _ => String::new(),
    };
    let line = format!(
        "{} · {} ({target}){episode}",
        crate::prose::count(a.words, "word"),
        crate::prose::spoken(a.speaking_seconds)
    );
    wrapped(&mut m, "", Role::Dim, &line, width);
    if let Some(why) = ceiling_phrase(a) {
        wrapped(&mut m, "", Role::Dim, &why, width);
    }
    if let Some(level) = level_phrase(rubric) {
        wrapped(&mut m, "", Role::Dim, &level, width);
    }
    m
}

/// What the answer was judged against, when a level was asked for: the rubric's note for the
/// level ("Judged at entry level: ...").
pub fn level_phrase(rubric: &Rubric) -> Option<String> {
    let l = rubric.level.as_ref()?;
    Some(if l.note.is_empty() {
        format!("Judged at {}.", l.level.phrase())
    } else {
        l.note.clone()
    })
}

/// "Held at 44 (74 otherwise) until this is fixed: ...", when a rule's ceiling held the
/// overall score down.
pub fn ceiling_phrase(a: &Analysis) -> Option<String> {
    let c = a.ceiling.as_ref()?;
    let message = a
        .findings
        .iter()
        .find(|f| f.rule == c.rule)
        .map_or(c.rule.as_str(), |f| f.message.as_str());
    Some(format!(
        "Held at {:.0} ({:.0} otherwise) until this is fixed: {message}",
        c.max, c.uncapped
    ))
}

/// "1-2 minutes" (or "45-90 seconds").
pub fn target_phrase([lo, hi]: [f64; 2]) -> String {
    if lo % 60.0 == 0.0 && hi % 60.0 == 0.0 {
        format!("{}-{} minutes", lo / 60.0, hi / 60.0)
    } else {
        format!("{lo:.0}-{hi:.0} seconds")
    }
}

/// The STAR map: each sentence with its label letter.
pub fn star_map(a: &Analysis, width: usize) -> Markup {
    star_map_with(a, width, None)
}

/// The STAR map, with a `+` beside the sentences inside `added` (a reply to a follow-up).
pub fn star_map_with(a: &Analysis, width: usize, added: Option<&std::ops::Range<usize>>) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "STAR map").nl();
    for s in &a.sentences {
        let new = added.is_some_and(|r| r.start <= s.span.start && s.span.end <= r.end);
        m.plain("  ")
            .push(Role::Label(s.label), s.label.letter().to_string())
            .push(Role::Good, if new { "+ " } else { "  " })
            .plain(shorten(a.quote(&s.span), width.saturating_sub(6).max(20)))
            .nl();
    }
    m.plain("  ");
    for (i, l) in [
        Label::Situation,
        Label::Task,
        Label::Action,
        Label::Result,
        Label::Reflection,
    ]
    .into_iter()
    .enumerate()
    {
        let present = a.star.part(l).is_some_and(|p| p.present);
        if i > 0 {
            m.plain("  ");
        }
        m.push(Role::Label(l), l.as_str()).push(
            if present { Role::Good } else { Role::Bad },
            if present { " ✓" } else { " ✗" },
        );
    }
    m.nl();
    m
}

/// One bar per dimension.
pub fn scores(a: &Analysis) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "Scores").nl();
    for d in &a.dimensions {
        m.plain(format!("  {:<12} ", d.dimension.as_str()))
            .push(score_role(d.score), bar(d.score))
            .plain(format!(" {:>3.0}", d.score));
        if d.weight == 0.0 {
            m.push(Role::Dim, "  (not counted)");
        }
        m.nl();
    }
    m
}

/// Strengths, fixes, next step and follow-up.
pub fn advice(f: &Feedback, width: usize) -> Markup {
    let mut m = Markup::new();
    if !f.strengths.is_empty() {
        m.push(Role::Heading, "What's strong").nl();
        for s in &f.strengths {
            wrapped(&mut m, "  + ", Role::Good, &s.message, width);
        }
    }
    let lead = f.language.as_ref().filter(|l| l.lead);
    if let Some(l) = lead {
        if !f.strengths.is_empty() {
            m.nl();
        }
        m.append(language(l, width));
    }
    if !f.fixes.is_empty() {
        if !f.strengths.is_empty() || lead.is_some() {
            m.nl();
        }
        m.push(Role::Heading, "Fix first").nl();
        for (i, fix) in f.fixes.iter().enumerate() {
            let n = format!("  {}. ", i + 1);
            wrapped(&mut m, &n, Role::Plain, &fix.message, width);
            if let Some(q) = &fix.quote {
                wrapped(&mut m, "     ", Role::Quote, &format!("“{q}”"), width);
            }
            wrapped(&mut m, "     → ", Role::Dim, &fix.suggestion, width);
        }
    }
    if let Some(l) = f.language.as_ref().filter(|l| !l.lead) {
        if !f.fixes.is_empty() || !f.strengths.is_empty() {
            m.nl();
        }
        m.append(language(l, width));
    }
    m.nl();
    // The next step is the first fix's suggestion when there is a fix: it is already right
    // above, so it is not said twice.
    if f.fixes.first().is_none_or(|x| x.suggestion != f.next_step) {
        wrapped(&mut m, "Next step: ", Role::Accent, &f.next_step, width);
    }
    if let Some(fu) = &f.follow_up {
        m.nl();
        let about = if fu.probing {
            format!(" (going deeper: {})", dim_phrase(fu.dimension))
        } else {
            format!(" (about {})", dim_phrase(fu.dimension))
        };
        m.push(Role::Heading, "Follow-up")
            .push(Role::Dim, about)
            .nl();
        wrapped(&mut m, "  ", Role::Accent, &fu.text, width);
    }
    m
}

/// The written-English notes: each note's title and message, then its examples quoted and
/// corrected; the kinds not shown in one line; why they come first when they lead.
pub fn language(l: &crate::english::Language, width: usize) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "Written English");
    if l.notes.is_empty() {
        m.push(
            Role::Dim,
            format!(" · nothing to note in {} words", l.words),
        )
        .nl();
        return m;
    }
    m.push(
        Role::Dim,
        format!(
            " · {} in {} words (about {} per 100)",
            plural(l.findings, "note"),
            l.words,
            crate::english::summary::trim(l.per_100_words)
        ),
    )
    .nl();
    if l.lead {
        wrapped(
            &mut m,
            "  ",
            Role::Warn,
            "Fix these first: this many mistakes would stop an interviewer before the content does.",
            width,
        );
    }
    for (i, n) in l.notes.iter().enumerate() {
        let times = if n.count > 1 {
            format!(" ({} times)", n.count)
        } else {
            String::new()
        };
        let head = format!("  {}. ", i + 1);
        wrapped(
            &mut m,
            &head,
            Role::Plain,
            &format!("{}{times}. {}", n.title, n.message),
            width,
        );
        for e in &n.examples {
            let line = format!("“{}” → “{}”", shorten(&e.quote, 70), shorten(&e.fix, 70));
            wrapped(&mut m, "     ", Role::Quote, &line, width);
        }
    }
    let rest: Vec<String> = l
        .kinds
        .iter()
        .skip(l.notes.len())
        .map(|k| format!("{} ({})", k.title.to_lowercase(), k.count))
        .collect();
    if !rest.is_empty() {
        wrapped(
            &mut m,
            "  ",
            Role::Dim,
            &format!("Also noted: {}.", rest.join(", ")),
            width,
        );
    }
    m
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

fn dim_phrase(d: Dimension) -> &'static str {
    match d {
        Dimension::Situation => "the situation",
        Dimension::Task => "your goal",
        Dimension::Action => "what you did",
        Dimension::Result => "the result",
        Dimension::Specificity => "specifics",
        Dimension::Metrics => "numbers",
        Dimension::Reflection => "what you learned",
        Dimension::Ownership => "your own part",
        Dimension::Delivery => "delivery",
        Dimension::Relevance => "the question",
        Dimension::Fit => "fit for the role",
        Dimension::Approach => "your approach",
        Dimension::Attitude => "how you speak of others",
    }
}

/// The whole feedback screen.
pub fn render(a: &Analysis, f: &Feedback, rubric: &Rubric, layout: Layout) -> Markup {
    let width = layout.width.clamp(40, 120);
    let mut m = header_at(a, rubric, width);
    let storied = matches!(
        a.kind,
        crate::bank::Kind::Behavioral | crate::bank::Kind::Situational
    );
    if layout.star_map && !a.sentences.is_empty() && storied {
        m.nl().append(star_map(a, width));
    }
    if layout.scores {
        m.nl().append(scores(a));
    }
    m.nl().append(advice(f, width));
    m
}

/// Every rule behind every score: what it measured and the points it gave or took.
pub fn explain(a: &Analysis) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "How the scores were reached").nl();
    for d in &a.dimensions {
        m.plain(format!("  {} ", d.dimension))
            .push(score_role(d.score), format!("{:.0}", d.score))
            .push(Role::Dim, format!("  (weight {})", d.weight))
            .nl();
        for c in &d.contributions {
            // A penalty of nothing is 0, not "-0".
            let points = c.points + 0.0;
            let pts = if c.possible > 0.0 {
                format!("{points:.0}/{:.0}", c.possible)
            } else {
                format!("{points:.0}")
            };
            m.push(
                Role::Dim,
                format!(
                    "    {:<24} measured {:<6} points {}",
                    c.rule,
                    trim(c.measure),
                    pts
                ),
            )
            .nl();
        }
    }
    if let Some(c) = &a.ceiling {
        m.push(
            Role::Dim,
            format!(
                "  overall {:.1}, held at {:.0} by the ceiling of {}",
                c.uncapped, c.max, c.rule
            ),
        )
        .nl();
    }
    m.nl().append(explain_labels(a));
    m
}

/// Why each sentence got its STAR label: the evidence its own words gave each part.
fn explain_labels(a: &Analysis) -> Markup {
    let mut m = Markup::new();
    m.push(Role::Heading, "How each sentence was labelled").nl();
    for s in &a.sentences {
        let parts: Vec<String> = s
            .evidence
            .iter()
            .map(|(l, x)| format!("{} {x:.1}", l.as_str()))
            .collect();
        let why = if s.explicit {
            "labelled by you".to_string()
        } else if parts.is_empty() {
            "no cue: from its neighbours".to_string()
        } else {
            parts.join(", ")
        };
        m.plain(format!("  {}  ", s.label.letter()))
            .plain(crate::prose::shorten(a.quote(&s.span), 60))
            .nl()
            .push(
                Role::Dim,
                format!("       {why}; cues: {}", s.cues.join(" ")),
            )
            .nl();
    }
    m
}

fn trim(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x as i64)
    } else {
        format!("{x:.2}")
    }
}
