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

/// The CSS class for a 0-100 score: `good` (80 and up), `ok` (50 and up) or `low`, the same
/// thresholds as the terminal colours.
pub fn score_class(score: f64) -> &'static str {
    if score >= 80.0 {
        "good"
    } else if score >= 50.0 {
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
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, header.top { box-shadow: none; break-inside: avoid; }
  h2 { break-after: avoid; }
  .score, .answer span, .legend span, .star-s, .star-t, .star-a, .star-r, .star-l {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// One line of a [`line_chart`]: a value per label, in order; `f64::NAN` leaves a gap.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    pub name: &'a str,
    pub values: &'a [f64],
}

/// One bar of a [`bar_chart`], with an optional earlier value shown as a marker and a change.
#[derive(Debug, Clone, Copy)]
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: f64,
    pub before: Option<f64>,
}

/// Line colours, in order (the first is the page's accent).
const PALETTE: [&str; 8] = [
    "#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4b5563", "#db2777",
];

fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A line chart of values from 0 to `max` (scores: 100) against `labels` (dates, sessions),
/// one line per series, with a legend when there is more than one. Each point has a tooltip.
/// Crowded labels are thinned so they never overlap.
pub fn line_chart(title: &str, labels: &[String], series: &[Series<'_>], max: f64) -> String {
    let (w, h) = (860.0, 300.0);
    let (left, right, top, bottom) = (44.0, 30.0, 16.0, 44.0);
    let legend_h = if series.len() > 1 { 26.0 } else { 0.0 };
    let (pw, ph) = (w - left - right, h - top - bottom - legend_h);
    let n = labels
        .len()
        .max(series.iter().map(|s| s.values.len()).max().unwrap_or(0));
    let max = if max > 0.0 { max } else { 100.0 };
    let x = |i: usize| {
        if n <= 1 {
            left + pw / 2.0
        } else {
            left + pw * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| top + ph - ph * (v.clamp(0.0, max) / max);
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure class=\"chart\"><figcaption>{t}</figcaption>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>{t}</title>",
        t = escape(title)
    );
    for k in 0..=4 {
        let v = max * k as f64 / 4.0;
        let yy = y(v);
        let _ = write!(
            s,
            "<line x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#d9e2ec\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#616e7c\">{}</text>",
            w - right,
            left - 8.0,
            yy + 4.0,
            num(v)
        );
    }
    // Label at most ~12 ticks, always the last.
    let step = n.div_ceil(12).max(1);
    for (i, l) in labels.iter().enumerate() {
        let last = i + 1 == n;
        // A tick too close to the last label would overlap it.
        if !last && (i % step != 0 || (step > 1 && n - 1 - i < step.div_ceil(2))) {
            continue;
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#616e7c\">{}</text>",
            x(i),
            top + ph + 20.0,
            escape(l)
        );
    }
    // Dots shrink as points crowd together.
    let r = match n {
        0..=30 => 4.0,
        31..=80 => 2.5,
        _ => 1.5,
    };
    for (k, se) in series.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        let mut d = String::new();
        let mut pen_down = false;
        for (i, v) in se.values.iter().enumerate() {
            if v.is_nan() {
                pen_down = false;
                continue;
            }
            let _ = write!(
                d,
                "{}{:.1} {:.1} ",
                if pen_down { "L" } else { "M" },
                x(i),
                y(*v)
            );
            pen_down = true;
        }
        if !d.is_empty() {
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
                d.trim_end()
            );
        }
        for (i, v) in se.values.iter().enumerate() {
            if v.is_nan() {
                continue;
            }
            let label = labels.get(i).map(String::as_str).unwrap_or("");
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r}\" fill=\"#fff\" stroke=\"{color}\" stroke-width=\"2\">\
                 <title>{}: {} ({})</title></circle>",
                x(i),
                y(*v),
                escape(se.name),
                num(*v),
                escape(label)
            );
        }
    }
    if series.len() > 1 {
        let mut lx = left;
        let ly = h - 10.0;
        for (k, se) in series.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            let _ = write!(
                s,
                "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"14\" height=\"4\" rx=\"2\" fill=\"{color}\"/>\
                 <text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#1f2933\">{}</text>",
                ly - 6.0,
                lx + 19.0,
                escape(se.name)
            );
            lx += 19.0 + 7.5 * se.name.chars().count() as f64 + 18.0;
        }
    }
    s.push_str("</svg></figure>");
    s
}

/// A horizontal bar chart of values from 0 to `max`, one row per bar, coloured by
/// [`score_class`] thresholds (scaled to `max`), with the value at the end. A bar's `before`
/// shows as a dark tick on the track and a signed change after the value.
pub fn bar_chart(title: &str, bars: &[Bar<'_>], max: f64) -> String {
    let max = if max > 0.0 { max } else { 100.0 };
    let row = 30.0;
    let (w, label_w, value_w) = (860.0, 150.0, 110.0);
    let h = row * bars.len() as f64 + 8.0;
    let track = w - label_w - value_w;
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure class=\"chart\"><figcaption>{t}</figcaption>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"13\"><title>{t}</title>",
        t = escape(title)
    );
    for (i, b) in bars.iter().enumerate() {
        let y0 = 4.0 + row * i as f64;
        let v = b.value.clamp(0.0, max);
        let fill = match score_class(v / max * 100.0) {
            "good" => "#16a34a",
            "ok" => "#d97706",
            _ => "#dc2626",
        };
        let bw = track * v / max;
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1f2933\">{}</text>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{track:.1}\" height=\"16\" rx=\"4\" fill=\"#eef2f6\"/>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"16\" rx=\"4\" fill=\"{fill}\">\
             <title>{}: {}</title></rect>",
            label_w - 10.0,
            y0 + 17.0,
            escape(b.label),
            y0 + 4.0,
            y0 + 4.0,
            escape(b.label),
            num(b.value),
        );
        let shown = if max >= 10.0 {
            format!("{:.0}", b.value)
        } else {
            num(b.value)
        };
        let mut value = format!("<tspan font-weight=\"700\" fill=\"#1f2933\">{shown}</tspan>");
        if let Some(before) = b.before {
            let bx = label_w + track * before.clamp(0.0, max) / max;
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"24\" rx=\"1\" fill=\"#1f2933\" opacity=\"0.55\">\
                 <title>before: {}</title></rect>",
                bx - 1.5,
                y0,
                num(before)
            );
            let delta = b.value - before;
            let (sign, color) = if delta.round() > 0.0 {
                ("+", "#15803d")
            } else if delta.round() < 0.0 {
                ("\u{2212}", "#b91c1c")
            } else {
                ("\u{b1}", "#616e7c")
            };
            let _ = write!(
                value,
                "<tspan dx=\"8\" fill=\"{color}\">{sign}{}</tspan>",
                num(delta.abs().round())
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\">{value}</text>",
            label_w + track + 10.0,
            y0 + 17.0
        );
    }
    s.push_str("</svg></figure>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn line_chart_draws_every_point_and_breaks_at_gaps() {
        let labels: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let svg = line_chart(
            "Trend <1>",
            &labels,
            &[Series {
                name: "overall",
                values: &[10.0, f64::NAN, 50.0, 90.0],
            }],
            100.0,
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<path").count(), 1);
        // The gap starts a new subpath.
        let d = svg
            .split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert!(svg.contains("Trend &lt;1&gt;"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn line_chart_with_one_point_or_none_is_still_valid() {
        let one = line_chart(
            "t",
            &["x".to_string()],
            &[Series {
                name: "s",
                values: &[40.0],
            }],
            100.0,
        );
        assert_eq!(one.matches("<circle").count(), 1);
        let none = line_chart("t", &[], &[], 100.0);
        assert!(none.contains("</svg>") && !none.contains("NaN"));
    }

    #[test]
    fn bar_chart_shows_values_and_changes() {
        let svg = bar_chart(
            "Dims",
            &[
                Bar {
                    label: "result",
                    value: 82.0,
                    before: Some(40.0),
                },
                Bar {
                    label: "task <x>",
                    value: 30.0,
                    before: None,
                },
            ],
            100.0,
        );
        assert!(svg.contains(">82</tspan>") && svg.contains("+42"));
        assert!(svg.contains("#16a34a") && svg.contains("#dc2626"));
        assert!(svg.contains("task &lt;x&gt;"));
    }
}
