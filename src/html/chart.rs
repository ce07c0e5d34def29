//! Inline SVG charts from plain numbers and labels: [`line_chart`] and [`bar_chart`]. They
//! carry their colours as attributes, so they also look right outside [`super::page`].

use std::fmt::Write as _;

use super::{escape, score_class};

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

/// Dash patterns by series, so lines that run together stay apart: solid, dashed, dotted...
const DASHES: [&str; 4] = ["", "8 5", "2 4", "10 4 2 4"];

/// A point marker: a circle, square, diamond or triangle by series, `size` its half-width.
fn marker(k: usize, x: f64, y: f64, size: f64, color: &str, title: &str) -> String {
    let style = format!("fill=\"#fff\" stroke=\"{color}\" stroke-width=\"2\"");
    let shape = match k % 4 {
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{size:.1}\" {style}>"),
        1 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {style}>",
            x - size,
            y - size,
            2.0 * size,
            2.0 * size
        ),
        2 => {
            let d = size * 1.3;
            format!(
                "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" {style}>",
                y - d,
                x + d,
                y + d,
                x - d
            )
        }
        _ => {
            let d = size * 1.3;
            format!(
                "<polygon points=\"{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" {style}>",
                y - d,
                x + d,
                y + d * 0.8,
                x - d,
                y + d * 0.8
            )
        }
    };
    let close = match k % 4 {
        0 => "</circle>",
        1 => "</rect>",
        _ => "</polygon>",
    };
    format!("{shape}<title>{title}</title>{close}")
}

/// A line chart of values from 0 to `max` (scores: 100) against `labels` (dates, sessions),
/// one line per series. Each point has a tooltip; crowded labels are thinned so they never
/// overlap. With several series, each has its own dash pattern and marker shape, the first
/// drawn widest and largest so that series with the same values show one inside the other,
/// and each line is named at its end (names pushed apart so they never overlap) and in a
/// legend. Each series is a `<g class="series" data-series="NAME">`.
pub fn line_chart(title: &str, labels: &[String], series: &[Series<'_>], max: f64) -> String {
    let several = series.len() > 1;
    let name_w = series
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0) as f64
        * 7.2;
    let (w, h) = (860.0, 300.0);
    let (left, top, bottom) = (44.0, 16.0, 44.0);
    let right = if several { 30.0 + name_w } else { 30.0 };
    let legend_h = if several { 26.0 } else { 0.0 };
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
    let count = series.len();
    for (k, se) in series.iter().enumerate() {
        let color = PALETTE[k % PALETTE.len()];
        // Earlier series are drawn wider and with larger markers, later ones on top of them.
        let behind = (count - 1 - k) as f64;
        let width = 2.5 + 1.75 * behind;
        let size = r * (1.0 + 0.5 * behind);
        let _ = write!(
            s,
            "<g class=\"series\" data-series=\"{}\">",
            escape(se.name)
        );
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
            let dash = DASHES[k % DASHES.len()];
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"{} stroke-linejoin=\"round\" stroke-linecap=\"{}\"/>",
                d.trim_end(),
                if dash.is_empty() {
                    String::new()
                } else {
                    format!(" stroke-dasharray=\"{dash}\"")
                },
                if dash.is_empty() { "round" } else { "butt" }
            );
        }
        for (i, v) in se.values.iter().enumerate() {
            if v.is_nan() {
                continue;
            }
            let label = labels.get(i).map(String::as_str).unwrap_or("");
            let title = format!("{}: {} ({})", escape(se.name), num(*v), escape(label));
            s.push_str(&marker(k, x(i), y(*v), size, color, &title));
        }
        s.push_str("</g>");
    }
    if several {
        end_labels(&mut s, series, x, y, (top, top + ph));
        let mut lx = left;
        let ly = h - 10.0;
        for (k, se) in series.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            let dash = DASHES[k % DASHES.len()];
            let _ = write!(
                s,
                "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-width=\"2.5\"{}/>",
                ly - 4.0,
                lx + 26.0,
                ly - 4.0,
                if dash.is_empty() {
                    String::new()
                } else {
                    format!(" stroke-dasharray=\"{dash}\"")
                }
            );
            s.push_str(&marker(
                k,
                lx + 13.0,
                ly - 4.0,
                3.5,
                color,
                &escape(se.name),
            ));
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#1f2933\">{}</text>",
                lx + 32.0,
                escape(se.name)
            );
            lx += 32.0 + 7.5 * se.name.chars().count() as f64 + 18.0;
        }
    }
    s.push_str("</svg></figure>");
    s
}

/// Each series' name beside its last point, in its colour; names that would overlap are
/// pushed apart (at least a line's height) within `band` (the plot's top and bottom).
fn end_labels(
    s: &mut String,
    series: &[Series<'_>],
    x: impl Fn(usize) -> f64,
    y: impl Fn(f64) -> f64,
    band: (f64, f64),
) {
    const LINE: f64 = 14.0;
    let mut ends: Vec<(usize, f64, f64)> = series
        .iter()
        .enumerate()
        .filter_map(|(k, se)| {
            let (i, v) = se
                .values
                .iter()
                .enumerate()
                .rev()
                .find(|(_, v)| !v.is_nan())?;
            Some((k, x(i), y(*v) + 4.0))
        })
        .collect();
    ends.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    for i in 1..ends.len() {
        let floor = ends[i - 1].2 + LINE;
        if ends[i].2 < floor {
            ends[i].2 = floor;
        }
    }
    // Pushed past the bottom: shift the whole stack up.
    if let Some(last) = ends.last() {
        let over = last.2 - (band.1 + 4.0);
        if over > 0.0 {
            for e in &mut ends {
                e.2 = (e.2 - over).max(band.0);
            }
        }
    }
    for (k, lx, ly) in ends {
        let color = PALETTE[k % PALETTE.len()];
        let _ = write!(
            s,
            "<text class=\"end-label\" x=\"{:.1}\" y=\"{ly:.1}\" fill=\"{color}\" font-weight=\"600\">{}</text>",
            lx + 12.0,
            escape(series[k].name)
        );
    }
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
