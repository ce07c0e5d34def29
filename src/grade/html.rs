//! The cohort report as one self-contained HTML page: the summary in words first, then what
//! to work on, a chart of the parts, the candidate and question tables, every answer (grouped
//! by candidate, folded) and the rows that were skipped.

use std::fmt::Write as _;

use super::render::Results;
use crate::feedback::html::{badge, card, legend};
use crate::html::{self, Bar, escape};

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The whole report.
pub fn render(r: &Results, title: &str, date: &str) -> String {
    let c = r.cohort;
    let mut b = String::new();
    let _ = write!(
        b,
        "<header class=\"top\"><p class=\"muted small\">starcoach · cohort report · {}</p><h1>{}</h1>\
         <p class=\"muted\">{} · {} · {}</p></header>",
        escape(date),
        escape(title),
        plural(c.answers, "answer"),
        plural(c.candidates.len(), "candidate"),
        plural(c.questions.len(), "question"),
    );
    b.push_str("<section class=\"card\"><h3>In short</h3><ul>");
    for h in &c.headline {
        let _ = write!(b, "<li>{}</li>", escape(h));
    }
    b.push_str("</ul></section>");
    if c.answers > 0 {
        b.push_str("<div class=\"grid\"><div class=\"card\"><h3>Average score</h3>");
        let _ = write!(b, "<p class=\"big\">{}</p><dl class=\"kv\">", badge(c.mean));
        for band in &c.bands {
            let _ = write!(
                b,
                "<dt>{}</dt><dd>{}</dd>",
                escape(&band.band),
                band.answers
            );
        }
        let _ = write!(
            b,
            "</dl></div><div class=\"card\"><h3>Graded</h3><dl class=\"kv\"><dt>Answers</dt><dd>{}</dd>\
             <dt>Candidates</dt><dd>{}</dd><dt>Questions</dt><dd>{}</dd><dt>Skipped rows</dt><dd>{}</dd></dl></div></div>\
             <div class=\"card\" style=\"margin-top:14px\">",
            c.answers,
            c.candidates.len(),
            c.questions.len(),
            r.skipped.len()
        );
        let bars: Vec<Bar> = c
            .dimensions
            .iter()
            .map(|d| Bar {
                label: d.dimension.as_str(),
                value: d.mean,
                before: None,
            })
            .collect();
        b.push_str(&html::bar_chart("Average by part", &bars, 100.0));
        b.push_str("</div>");
    }
    if !c.weaknesses.is_empty() {
        b.push_str("<section><h2>What to work on</h2><ol>");
        for w in c.weaknesses.iter().take(5) {
            let _ = write!(
                b,
                "<li><strong>{}</strong> <span class=\"pill\">{:.0}% of answers · {} · {}</span>\
                 <br>{}<br><span class=\"small muted\">e.g. “{}”</span></li>",
                escape(w.dimension.as_str()),
                w.share * 100.0,
                plural(w.answers, "answer"),
                plural(w.candidates, "candidate"),
                escape(&w.suggestion),
                escape(&w.message)
            );
        }
        b.push_str("</ol></section>");
    }
    if c.answers > 0 {
        b.push_str(
            "<section><h2>Candidates</h2><table><thead><tr><th>Candidate</th><th class=\"num\">Answers</th>\
             <th class=\"num\">Average</th><th class=\"num\">Lowest</th><th class=\"num\">Highest</th>\
             <th>Weakest on</th><th>Fix given most</th></tr></thead><tbody>",
        );
        for g in &c.candidates {
            let _ = write!(
                b,
                "<tr><td><a href=\"#c-{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{:.0}</td><td class=\"num\">{:.0}</td><td>{}</td><td class=\"small\">{}</td></tr>",
                anchor(&g.key),
                escape(&g.key),
                g.answers,
                badge(g.mean),
                g.min,
                g.max,
                g.weakest.map_or("", |d| d.as_str()),
                escape(g.top_fix_message.as_deref().unwrap_or(""))
            );
        }
        b.push_str("</tbody></table></section>");
        b.push_str(
            "<section><h2>Questions</h2><table><thead><tr><th>Question</th><th class=\"num\">Answers</th>\
             <th class=\"num\">Average</th><th>Weakest on</th></tr></thead><tbody>",
        );
        for g in &c.questions {
            let id = if g.key == g.text {
                String::new()
            } else {
                format!("<br><span class=\"small muted\">{}</span>", escape(&g.key))
            };
            let _ = write!(
                b,
                "<tr><td>{}{id}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&g.text),
                g.answers,
                badge(g.mean),
                g.weakest.map_or("", |d| d.as_str())
            );
        }
        b.push_str("</tbody></table></section>");
        answers(&mut b, r);
    }
    if !r.skipped.is_empty() {
        let _ = write!(
            b,
            "<section><h2>Skipped rows</h2><p class=\"muted\">{} could not be graded; fix them and grade again.</p><ul>",
            plural(r.skipped.len(), "row")
        );
        for s in r.skipped {
            let _ = write!(
                b,
                "<li><code>{}</code>: {}</li>",
                escape(&s.at.to_string()),
                html::inline_code(&s.reason)
            );
        }
        b.push_str("</ul></section>");
    }
    let _ = write!(
        b,
        "<footer>Made with starcoach {}. Scores and feedback come from a rule-based, deterministic \
         analyzer: the same answer and rubric always give the same result.</footer>",
        env!("CARGO_PKG_VERSION")
    );
    html::page(title, &b)
}

/// A fragment id for a candidate (letters and digits kept, the rest dashes).
fn anchor(key: &str) -> String {
    let mut s = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    escape(&s)
}

/// Every answer, folded per candidate.
fn answers(b: &mut String, r: &Results) {
    b.push_str("<section id=\"answers\"><h2>Every answer</h2>");
    b.push_str(&legend());
    for g in &r.cohort.candidates {
        let _ = write!(
            b,
            "<details class=\"answers\" id=\"c-{}\"><summary><strong>{}</strong> <span class=\"muted small\">{} · average {:.0}</span></summary>",
            anchor(&g.key),
            escape(&g.key),
            plural(g.answers, "answer"),
            g.mean
        );
        for a in r.graded.iter().filter(|a| a.candidate == g.key) {
            let missing: Vec<&str> = r.missing(a).iter().map(|l| l.as_str()).collect();
            let mut meta = format!("<code>{}</code>", escape(&a.at.to_string()));
            if !missing.is_empty() {
                let _ = write!(meta, " · missing {}", escape(&missing.join(", ")));
            }
            b.push_str(&card(&a.analysis, &a.feedback, &a.question_text, &meta));
        }
        b.push_str("</details>");
    }
    b.push_str("</section>");
}
