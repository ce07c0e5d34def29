//! Self-contained HTML: one file a coach can open offline, print or send, with no scripts,
//! fonts or images from elsewhere.
//!
//! Three pieces, all returning `String`s to concatenate:
//!
//! - [`escape`] every piece of user text (answers, names, question text) before it goes in;
//! - [`page`] wraps a body in a complete document with the inline stylesheet ([`STYLE`]);
//! - [`line_chart`] and [`bar_chart`] draw inline SVG from plain numbers and labels. Charts
//!   carry their colours as attributes, so they also look right outside [`page`].
//!
//! ```
//! use starcoach::html::{self, Bar, Series};
//!
//! let labels = ["Mon".to_string(), "Tue".to_string(), "Wed".to_string()];
//! let trend = html::line_chart(
//!     "Overall score",
//!     &labels,
//!     &[Series { name: "overall", values: &[42.0, 55.0, 61.0] }],
//!     100.0,
//! );
//! let dims = html::bar_chart(
//!     "Latest scores",
//!     &[Bar { label: "result", value: 80.0, before: Some(40.0) }],
//!     100.0,
//! );
//! let body = format!("<h1>{}</h1>{trend}{dims}", html::escape("Ana's <progress>"));
//! let doc = html::page("Progress", &body);
//! assert!(doc.starts_with("<!DOCTYPE html>"));
//! assert!(doc.contains("Ana&#39;s &lt;progress&gt;"));
//! ```
//!
//! The stylesheet's classes, for callers building bodies:
//!
//! - layout: `header.top` (title block), `section`, `.card` (a boxed block), `.grid` (cards side
//!   by side), `.muted`, `.small`, `.note` (a boxed aside), `.kv` (a `dl` of label/value pairs);
//! - scores: `.score` with [`score_class`] (`good`, `ok`, `low`) for a coloured badge;
//! - STAR parts: [`label_class`] (`star-s`, `star-t`, `star-a`, `star-r`, `star-l`, `star-o`)
//!   on a `span` colours a sentence; `.legend` lays out a key;
//! - tables: plain `table`, with `td.num` for right-aligned numbers;
//! - charts: `figure.chart` around an SVG (what the chart functions return).

use std::fmt::Write as _;

use crate::analyze::Label;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than whitespace are not allowed in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text whose `backquoted` parts are code, as error messages write them: escaped, with each
/// pair of backquotes made a `<code>` element and no backquote left (an unpaired one is kept
/// as text).
pub fn inline_code(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let mut out = String::with_capacity(s.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        let inside = i % 2 == 1;
        if inside && i + 1 < parts.len() {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            if inside {
                out.push('`');
            }
            out.push_str(&escape(part));
        }
    }
    out
}

/// Scores from here are coloured as good: the shipped bands "strong" and "excellent".
pub const GOOD_FROM: f64 = 70.0;
/// Scores from here (below [`GOOD_FROM`]) are coloured as middling: the shipped band
/// "developing"; below it, "needs work", as low.
pub const OK_FROM: f64 = 45.0;

/// The CSS class for a 0-100 score: `good` (from [`GOOD_FROM`]), `ok` (from [`OK_FROM`]) or
/// `low`: the colour follows the shipped bands, so two scores in one band get one colour. The
/// terminal colours use the same thresholds.
pub fn score_class(score: f64) -> &'static str {
    if score >= GOOD_FROM {
        "good"
    } else if score >= OK_FROM {
        "ok"
    } else {
        "low"
    }
}

/// The CSS class that colours a sentence by its STAR part.
pub fn label_class(label: Label) -> &'static str {
    match label {
        Label::Situation => "star-s",
        Label::Task => "star-t",
        Label::Action => "star-a",
        Label::Result => "star-r",
        Label::Reflection => "star-l",
        Label::Other => "star-o",
    }
}

/// A complete HTML document: `title` (escaped here) in the head, the stylesheet inline, and
/// `body` as given (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"starcoach {}\">\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title),
    )
}

/// The inline stylesheet [`page`] uses: a light, readable theme with system fonts that prints
/// cleanly (no shadows, no breaks inside cards).
pub const STYLE: &str = r#":root {
  --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #2563eb; --good: #15803d; --ok: #b45309; --low: #b91c1c;
  --s: #dbeafe; --t: #f3e8ff; --a: #dcfce7; --r: #fef3c7; --l: #cffafe;
  --s-ink: #1d4ed8; --t-ink: #7e22ce; --a-ink: #15803d; --r-ink: #b45309; --l-ink: #0e7490;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 8px; }
h4 { font-size: .95rem; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
p { margin: 0 0 10px; }
a { color: var(--accent); }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash);
  padding: 1px 5px; border-radius: 4px; border: 1px solid var(--line); }
header.top { background: var(--paper); border: 1px solid var(--line); border-top: 6px solid var(--accent);
  border-radius: 10px; padding: 20px 24px; margin-bottom: 8px; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px;
  margin: 0 0 14px; box-shadow: 0 1px 2px rgba(15, 23, 42, .05); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 14px; }
.grid > .card { margin: 0; }
.note { background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; font-weight: 600; }
.big { font-size: 2rem; font-weight: 700; line-height: 1.1; }
.score { display: inline-block; min-width: 2.6em; text-align: center; font-weight: 700; border-radius: 999px;
  padding: 1px 9px; color: #fff; font-variant-numeric: tabular-nums; }
.score.good { background: var(--good); } .score.ok { background: var(--ok); } .score.low { background: var(--low); }
.up { color: var(--good); font-weight: 600; } .down { color: var(--low); font-weight: 600; }
table { width: 100%; border-collapse: collapse; background: var(--paper); font-size: .95rem; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: var(--wash); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ol, ul { margin: 0 0 10px; padding-left: 1.4em; }
li { margin: 3px 0; }
.answer { line-height: 1.75; margin: 8px 0 12px; padding: 12px 14px; background: var(--wash); border-radius: 8px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.answer span { border-radius: 4px; padding: 1px 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.star-s { background: var(--s); } .star-t { background: var(--t); } .star-a { background: var(--a); }
.star-r { background: var(--r); } .star-l { background: var(--l); } .star-o { background: transparent; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: .85rem; margin: 6px 0; }
.legend span { padding: 1px 8px; border-radius: 4px; }
.pill { display: inline-block; font-size: .78rem; padding: 0 8px; border-radius: 999px; background: var(--wash);
  border: 1px solid var(--line); color: var(--muted); margin-left: 4px; }
.strong li::marker { content: "+ "; color: var(--good); font-weight: 700; }
.fixes .quote { display: block; color: var(--muted); font-style: italic; }
.fixes .do { display: block; }
figure.chart { margin: 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
details > summary { cursor: pointer; list-style-position: outside; }
.attempt { border-left: 4px solid var(--line); }
.attempt.good { border-left-color: var(--good); } .attempt.ok { border-left-color: var(--ok); }
.attempt.low { border-left-color: var(--low); }
footer { margin-top: 40px; color: var(--muted); font-size: .85rem; text-align: center; }
.tags .pill { margin: 0 2px 4px 0; font-size: .85rem; }
@media print {
  @page { margin: 16mm 14mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, header.top { box-shadow: none; break-inside: avoid; }
  h2, h3, h4, figcaption, summary, .legend { break-after: avoid; }
  tr, li, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Folded answers are printed open: a printed or PDF copy has every answer. Each candidate's
     answers start on a new page, to hand out. */
  details.answers::details-content { content-visibility: visible; display: block; }
  details.answers > summary { list-style: none; font-size: 1.15rem; margin-bottom: 8px; }
  details.answers + details.answers { break-before: page; }
  details.answers .attempt { break-inside: avoid; }
  .score, .answer span, .legend span, .star-s, .star-t, .star-a, .star-r, .star-l {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"#;

mod chart;

pub use chart::{Bar, Series, bar_chart, line_chart};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backquotes_become_code() {
        assert_eq!(
            inline_code("unknown question id `a<b`; run `starcoach questions`"),
            "unknown question id <code>a&lt;b</code>; run <code>starcoach questions</code>"
        );
        assert_eq!(inline_code("no quotes"), "no quotes");
        assert_eq!(inline_code("one ` alone"), "one ` alone");
    }

    #[test]
    fn score_colours_follow_the_shipped_bands() {
        let rubrics = crate::rubric::RubricSet::embedded().unwrap();
        let bands = &rubrics.for_kind(crate::bank::Kind::Behavioral).bands;
        let min = |name: &str| bands.iter().find(|b| b.name == name).unwrap().min;
        assert_eq!(min("strong"), GOOD_FROM);
        assert_eq!(min("developing"), OK_FROM);
        // 47 and 56 are both "developing": one colour.
        assert_eq!(score_class(47.0), score_class(56.0));
        assert_eq!(score_class(44.9), "low");
        assert_eq!(score_class(70.0), "good");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("plain text\nnext"), "plain text\nnext");
        assert_eq!(escape("nul\u{0}"), "nul\u{FFFD}");
    }

    #[test]
    fn page_is_a_complete_document_with_inline_style_only() {
        let p = page("A <b> title", "<p>hi</p>");
        assert!(p.starts_with("<!DOCTYPE html>"));
        assert!(p.contains("<title>A &lt;b&gt; title</title>"));
        assert!(p.contains("<style>") && p.ends_with("</html>\n"));
        for external in ["<script", "<link", "@import", "http://", "https://", "url("] {
            assert!(!p.contains(external), "page contains {external}");
        }
    }
}
