//! Feedback as Markdown, for sharing with a coach or pasting into notes.

use super::Feedback;
use crate::analyze::Analysis;
use crate::rubric::Rubric;

/// Escapes text for a Markdown paragraph or table cell (line breaks become spaces).
pub fn escape(s: &str) -> String {
    let s = crate::safe_text::visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// One answer's feedback as a Markdown section. `title` becomes its heading.
pub fn render(a: &Analysis, f: &Feedback, rubric: &Rubric, title: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("## {}\n\n", escape(title)));
    s.push_str(&format!(
        "**Overall {:.0}/100 ({})** · {} · {} (aim for {}) · episode: {}\n\n",
        a.overall,
        a.band,
        crate::prose::count(a.words, "word"),
        crate::prose::spoken(a.speaking_seconds),
        super::text::target_phrase(rubric.delivery.target_seconds),
        a.episode.as_str()
    ));
    if let Some(why) = super::text::ceiling_phrase(a) {
        s.push_str(&format!("{}\n\n", escape(&why)));
    }
    if let Some(level) = super::text::level_phrase(rubric) {
        s.push_str(&format!("{}\n\n", escape(&level)));
    }
    if !a.sentences.is_empty() {
        s.push_str("### STAR map\n\n");
        for sent in &a.sentences {
            s.push_str(&format!(
                "- **{}** {}\n",
                sent.label.letter(),
                escape(a.quote(&sent.span))
            ));
        }
        s.push('\n');
    }
    s.push_str("### Scores\n\n| dimension | score |\n|---|---:|\n");
    for d in &a.dimensions {
        s.push_str(&format!("| {} | {:.0} |\n", d.dimension, d.score));
    }
    s.push('\n');
    if !f.strengths.is_empty() {
        s.push_str("### What's strong\n\n");
        for p in &f.strengths {
            s.push_str(&format!("- {}\n", escape(&p.message)));
        }
        s.push('\n');
    }
    let lead = f.language.as_ref().filter(|l| l.lead);
    if let Some(l) = lead {
        s.push_str(&language(l));
    }
    if !f.fixes.is_empty() {
        s.push_str("### Fix first\n\n");
        for (i, x) in f.fixes.iter().enumerate() {
            s.push_str(&format!("{}. {}\n", i + 1, escape(&x.message)));
            if let Some(q) = &x.quote {
                s.push_str(&format!("   > {}\n", escape(q)));
            }
            s.push_str(&format!("   *{}*\n", escape(&x.suggestion)));
        }
        s.push('\n');
    }
    if let Some(l) = f.language.as_ref().filter(|l| !l.lead) {
        s.push_str(&language(l));
    }
    s.push_str(&format!("**Next step:** {}\n\n", escape(&f.next_step)));
    if let Some(fu) = &f.follow_up {
        s.push_str(&format!("**Follow-up:** {}\n", escape(&fu.text)));
    }
    s
}

/// The written-English notes as a Markdown section: each note with its examples, quoted and
/// corrected, and the checker's own wording as a detail.
pub fn language(l: &crate::english::Language) -> String {
    let mut s = String::from("### Written English\n\n");
    if l.notes.is_empty() {
        s.push_str(&format!("Nothing to note in {} words.\n\n", l.words));
        return s;
    }
    s.push_str(&format!(
        "{} notes in {} words (about {} per 100).{}\n\n",
        l.findings,
        l.words,
        crate::english::summary::trim(l.per_100_words),
        if l.lead {
            " Fix these first: this many mistakes would stop an interviewer before the content does."
        } else {
            ""
        }
    ));
    for (i, n) in l.notes.iter().enumerate() {
        s.push_str(&format!(
            "{}. **{}** ({}): {}\n",
            i + 1,
            escape(&n.title),
            n.count,
            escape(&n.message)
        ));
        for e in &n.examples {
            s.push_str(&format!(
                "   - “{}” → “{}”\n",
                escape(&e.quote),
                escape(&e.fix)
            ));
        }
        if let Some(d) = &n.detail {
            s.push_str(&format!("   - *Checker: {}*\n", escape(d)));
        }
    }
    s.push('\n');
    s
}
