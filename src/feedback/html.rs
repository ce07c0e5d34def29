//! One answer's feedback as an HTML fragment (a card), for the drill summary and the cohort
//! report. Pages, the stylesheet and charts come from [`crate::html`]; every piece of user text
//! goes through [`escape`].

use std::fmt::Write as _;

use super::Feedback;
use crate::analyze::{Analysis, Label};
use crate::html::{escape, label_class, score_class};

/// A coloured score badge.
pub fn badge(score: f64) -> String {
    format!(
        "<span class=\"score {}\">{score:.0}</span>",
        score_class(score)
    )
}

/// The key to the STAR colours.
pub fn legend() -> String {
    let mut s = String::from("<div class=\"legend\">");
    for l in [
        Label::Situation,
        Label::Task,
        Label::Action,
        Label::Result,
        Label::Reflection,
    ] {
        let name = l.as_str();
        let _ = write!(
            s,
            "<span class=\"{}\">{}{}</span>",
            label_class(l),
            name[..1].to_uppercase(),
            &name[1..]
        );
    }
    s.push_str("</div>");
    s
}

/// What's strong, the fixes with their quotes and suggestions, and the next step (when it is
/// not just the first fix's suggestion again).
pub fn advice(b: &mut String, f: &Feedback) {
    let lead = f.language.as_ref().filter(|l| l.lead);
    if let Some(l) = lead {
        language(b, l);
    }
    b.push_str("<div class=\"grid\">");
    if !f.strengths.is_empty() {
        b.push_str("<div><h4>What's strong</h4><ul class=\"strong\">");
        for s in &f.strengths {
            let _ = write!(b, "<li>{}</li>", escape(&s.message));
        }
        b.push_str("</ul></div>");
    }
    if !f.fixes.is_empty() {
        b.push_str("<div><h4>Fix first</h4><ol class=\"fixes\">");
        for x in &f.fixes {
            let _ = write!(b, "<li>{}", escape(&x.message));
            if let Some(q) = &x.quote {
                let _ = write!(b, "<span class=\"quote\">“{}”</span>", escape(q));
            }
            let _ = write!(
                b,
                "<span class=\"do\">→ {}</span></li>",
                escape(&x.suggestion)
            );
        }
        b.push_str("</ol></div>");
    }
    b.push_str("</div>");
    if let Some(l) = f.language.as_ref().filter(|l| !l.lead) {
        language(b, l);
    }
    if f.fixes.first().is_none_or(|x| x.suggestion != f.next_step) {
        let _ = write!(
            b,
            "<p><strong>Next step:</strong> {}</p>",
            escape(&f.next_step)
        );
    }
}

/// The written-English notes: each note with its examples, quoted and corrected; the
/// checker's own wording as a tooltip.
pub fn language(b: &mut String, l: &crate::english::Language) {
    b.push_str("<div class=\"language\"><h4>Written English</h4>");
    if l.notes.is_empty() {
        let _ = write!(
            b,
            "<p class=\"small muted\">Nothing to note in {} words.</p></div>",
            l.words
        );
        return;
    }
    let _ = write!(
        b,
        "<p class=\"small muted\">{} notes in {} words (about {} per 100){}</p><ol class=\"fixes\">",
        l.findings,
        l.words,
        crate::english::summary::trim(l.per_100_words),
        if l.lead {
            ". Fix these first: this many mistakes would stop an interviewer before the content does."
        } else {
            ""
        }
    );
    for n in &l.notes {
        let _ = write!(
            b,
            "<li title=\"{}\"><strong>{}</strong> ({}): {}",
            escape(n.detail.as_deref().unwrap_or("")),
            escape(&n.title),
            n.count,
            escape(&n.message)
        );
        for e in &n.examples {
            let _ = write!(
                b,
                "<span class=\"quote\">“{}” → “{}”</span>",
                escape(&e.quote),
                escape(&e.fix)
            );
        }
        b.push_str("</li>");
    }
    b.push_str("</ol></div>");
}

/// The answer text with each sentence coloured by its STAR part.
pub fn answer(a: &Analysis) -> String {
    let mut b = String::from("<p class=\"answer\">");
    let text = &a.text;
    let mut at = 0;
    for s in &a.sentences {
        if s.span.start < at || s.span.end > text.len() {
            continue;
        }
        b.push_str(&escape(&text[at..s.span.start]));
        let _ = write!(
            b,
            "<span class=\"{}\" title=\"{}\">{}</span>",
            label_class(s.label),
            s.label.as_str(),
            escape(&text[s.span.clone()])
        );
        at = s.span.end;
    }
    b.push_str(&escape(&text[at..]));
    b.push_str("</p>");
    b
}

/// A card: the score and title, a line of facts (`meta`, already HTML), the coloured answer,
/// what is strong, what to fix, the next step, the follow-up and every dimension's score.
pub fn card(a: &Analysis, f: &Feedback, title: &str, meta: &str) -> String {
    let mut b = String::new();
    let _ = write!(
        b,
        "<article class=\"card attempt {}\"><h3>{} {}</h3>",
        score_class(a.overall),
        badge(a.overall),
        escape(title)
    );
    let _ = write!(
        b,
        "<p class=\"small muted\">{meta}{}{} · {} · {}</p>",
        if meta.is_empty() { "" } else { " · " },
        crate::prose::count(a.words, "word"),
        escape(&a.band),
        super::text::episode_phrase(a.episode)
    );
    b.push_str(&answer(a));
    advice(&mut b, f);
    if let Some(fu) = &f.follow_up {
        let _ = write!(b, "<p><strong>Follow-up:</strong> {}</p>", escape(&fu.text));
    }
    let scores: Vec<String> = a
        .dimensions
        .iter()
        .map(|d| format!("{} {:.0}", d.dimension, d.score))
        .collect();
    let _ = write!(
        b,
        "<p class=\"small muted\">Scores: {} · rubric <code>{}</code></p></article>",
        scores.join(" · "),
        escape(&a.rubric)
    );
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Analyzer;
    use crate::rubric::RubricSet;

    #[test]
    fn a_card_escapes_the_answer_and_colours_its_sentences() {
        let rubrics = RubricSet::embedded().unwrap();
        let a = Analyzer::new(&rubrics).analyze(
            "Last year a caller <b>shouted</b> at me. I listened and refunded $40. She stayed.",
            None,
        );
        let f = super::super::coach(&a, rubrics.for_kind(a.kind), None);
        let html = card(&a, &f, "Q & A", "Ana");
        assert!(html.contains("&lt;b&gt;shouted&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("Q &amp; A"), "{html}");
        assert!(html.contains("class=\"star-"), "{html}");
    }
}
