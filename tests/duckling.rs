//! The quantity finder against other projects' corpora: Duckling's English Numeral, Duration
//! and AmountOfMoney corpora and rustling-ontology's English training examples (which add
//! percentages), from `../shared/testdata/external/duckling_en.json` (see SOURCES.md there).
//!
//! A positive row is *found* when `find(text)` returns one quantity covering the whole trimmed
//! text with the matching kind (Numeral: Number or Count; Duration: Duration; AmountOfMoney:
//! Money; Percentage: Percent), and *right* when its value matches too:
//! - Numeral, Percentage: `value`.
//! - Duration: `seconds` when the row gives them, else `value` and `unit`; both sides are
//!   compared in seconds (30-day months, 365-day years) or, for calendar grains, in months, so
//!   "1.5 hour" matches Duckling's "90 minute".
//! - AmountOfMoney: the amount (the corpus' "Cent" amounts are in cents, ours in the currency),
//!   and the currency where the row names one ("Unnamed" and "Cent" name none). For intervals:
//!   `from` and `to` when the row gives both; a one-sided bound ("under seven euros") is our
//!   `value`, since the finder keeps the bound and not the side.
//!
//! Negative rows must all give no quantity of their dimension. Latent rows (Duckling's
//! `withLatent`) are reported only.

mod common;

use std::collections::BTreeMap;

use serde_json::Value;
use starcoach::analyze::quantity::{Quantity, QuantityFinder, QuantityKind};

/// Reached levels: raise them when the finder gets better, never lower them to pass.
const MIN_FOUND_RATE: f64 = 0.975;
const MIN_RIGHT_RATE: f64 = 0.975;

const DIMENSIONS: &[&str] = &["Numeral", "Duration", "AmountOfMoney", "Percentage"];

fn kind_ok(dim: &str, k: QuantityKind) -> bool {
    match dim {
        "Numeral" => matches!(k, QuantityKind::Number | QuantityKind::Count),
        "Duration" => k == QuantityKind::Duration,
        "AmountOfMoney" => k == QuantityKind::Money,
        "Percentage" => k == QuantityKind::Percent,
        _ => false,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn num(row: &Value, key: &str) -> Option<f64> {
    row.get(key).and_then(Value::as_f64)
}

/// Seconds in one unit (30-day months, 365-day years), and months in one calendar unit.
fn unit_secs(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "month" => 2_592_000.0,
        "quarter" => 7_776_000.0,
        "year" => 31_536_000.0,
        _ => return None,
    })
}

fn unit_months(unit: &str) -> Option<f64> {
    Some(match unit {
        "month" => 1.0,
        "quarter" => 3.0,
        "year" => 12.0,
        _ => return None,
    })
}

fn duration_right(row: &Value, q: &Quantity) -> bool {
    let unit = q.unit.as_deref().unwrap_or("");
    let ours_secs = q.seconds.or_else(|| unit_secs(unit).map(|s| s * q.value));
    if let Some(secs) = num(row, "seconds") {
        return ours_secs.is_some_and(|o| close(o, secs));
    }
    // A value and unit (Duckling) or a one-grain period (rustling).
    let (v, u) = match (num(row, "value"), row.get("unit").and_then(Value::as_str)) {
        (Some(v), Some(u)) => (v, u.to_string()),
        _ => match row.get("period").and_then(Value::as_object) {
            Some(p) if p.len() == 1 => {
                let (u, v) = p.iter().next().unwrap();
                (v.as_f64().unwrap_or(f64::NAN), u.clone())
            }
            _ => return false,
        },
    };
    if u == unit {
        return close(q.value, v);
    }
    match (unit_months(&u), unit_months(unit)) {
        (Some(a), Some(b)) => close(q.value * b, v * a),
        _ => false,
    }
}

/// The currency codes our finder may give for a corpus unit; `None`: do not check.
fn expected_currencies(unit: &str) -> Option<&'static [&'static str]> {
    Some(match unit {
        "Unnamed" | "Cent" | "cent" => return None,
        "Dollar" | "$" | "USD" => &["USD"],
        "Pound" | "£" | "GBP" => &["GBP"],
        "EUR" => &["EUR"],
        "INR" => &["INR"],
        "Dinar" => &["dinar"],
        "Riyal" => &["riyal"],
        "Rial" => &["rial"],
        "KR" => &["krone"],
        // rustling writes bitcoins with the baht sign.
        "\u{0e3f}" => &["THB", "BTC"],
        "CAD" => &["CAD"],
        "CHF" => &["CHF"],
        "CNY" => &["CNY"],
        "KWD" => &["KWD"],
        "LBP" => &["LBP"],
        "EGP" => &["EGP"],
        "QAR" => &["QAR"],
        "SAR" => &["SAR"],
        "BGN" => &["BGN"],
        "MYR" => &["MYR"],
        "ILS" => &["ILS"],
        "MNT" => &["MNT"],
        "UAH" => &["UAH"],
        "AUD" => &["AUD"],
        "HKD" => &["HKD"],
        "DKK" => &["DKK"],
        "NOK" => &["NOK"],
        "SEK" => &["SEK"],
        "RUB" => &["RUB"],
        "JPY" => &["JPY"],
        "KRW" => &["KRW"],
        _ => &[],
    })
}

fn money_right(row: &Value, q: &Quantity) -> bool {
    let unit = row.get("unit").and_then(Value::as_str).unwrap_or("Unnamed");
    if let Some(codes) = expected_currencies(unit) {
        if !codes.contains(&q.unit.as_deref().unwrap_or("")) {
            return false;
        }
    }
    let scale = if matches!(unit, "Cent" | "cent") {
        0.01
    } else {
        1.0
    };
    if row.get("type").and_then(Value::as_str) == Some("interval") {
        return match (num(row, "from"), num(row, "to")) {
            (Some(f), Some(t)) => close(q.value, f) && q.to.is_some_and(|o| close(o, t)),
            (Some(b), None) | (None, Some(b)) => close(q.value, b) && q.to.is_none(),
            (None, None) => false,
        };
    }
    num(row, "value").is_some_and(|v| close(q.value, v * scale))
}

fn value_right(dim: &str, row: &Value, q: &Quantity) -> bool {
    match dim {
        "Numeral" | "Percentage" => num(row, "value").is_some_and(|v| close(q.value, v)),
        "Duration" => duration_right(row, q),
        "AmountOfMoney" => money_right(row, q),
        _ => false,
    }
}

#[derive(Default)]
struct Tally {
    rows: usize,
    found: usize,
    right: usize,
    negatives: usize,
    negatives_passed: usize,
    latent: usize,
    latent_found: usize,
}

#[test]
fn duckling_corpora_are_recognised() {
    let Some(shared) = common::shared("duckling corpus") else {
        return;
    };
    let path = shared.join("testdata/external/duckling_en.json");
    let rows: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let finder = QuantityFinder::new(&[]);
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut negative_failures = Vec::new();
    for row in &rows {
        let dim = row["dimension"].as_str().unwrap();
        let Some(&dim) = DIMENSIONS.iter().find(|d| **d == dim) else {
            continue;
        };
        let text = row["text"].as_str().unwrap();
        let t = tally.entry(dim).or_default();
        let qs = finder.find(text);
        let lead = text.len() - text.trim_start().len();
        let whole = lead..lead + text.trim().len();
        let covering = qs.iter().find(|q| q.span == whole);
        match row["kind"].as_str().unwrap() {
            "positive" => {
                t.rows += 1;
                match covering.filter(|q| kind_ok(dim, q.kind)) {
                    Some(q) => {
                        t.found += 1;
                        if value_right(dim, row, q) {
                            t.right += 1;
                        } else {
                            failures.push(format!("{dim:13} wrong value {text:?}: {q:?}"));
                        }
                    }
                    None => failures.push(format!("{dim:13} not found  {text:?}: {qs:?}")),
                }
            }
            "negative" => {
                t.negatives += 1;
                if qs.iter().any(|q| kind_ok(dim, q.kind)) {
                    negative_failures.push(format!("{dim:13} negative   {text:?}: {qs:?}"));
                } else {
                    t.negatives_passed += 1;
                }
            }
            _ => {
                t.latent += 1;
                if covering.is_some() {
                    t.latent_found += 1;
                }
            }
        }
    }
    eprintln!("dimension      rows  found  right  negatives-passed  latent-found");
    let mut all = Tally::default();
    for (dim, t) in &tally {
        eprintln!(
            "{dim:13} {:5} {:6} {:6}  {:>7}/{:<8} {:>5}/{}",
            t.rows, t.found, t.right, t.negatives_passed, t.negatives, t.latent_found, t.latent
        );
        all.rows += t.rows;
        all.found += t.found;
        all.right += t.right;
        all.negatives += t.negatives;
        all.negatives_passed += t.negatives_passed;
    }
    let found_rate = all.found as f64 / all.rows as f64;
    let right_rate = all.right as f64 / all.rows as f64;
    eprintln!(
        "all           {:5} {:6} {:6}  {:>7}/{:<8}  found {:.1}%, right {:.1}%",
        all.rows,
        all.found,
        all.right,
        all.negatives_passed,
        all.negatives,
        found_rate * 100.0,
        right_rate * 100.0
    );
    for f in failures.iter().chain(&negative_failures) {
        eprintln!("  {f}");
    }
    assert!(
        found_rate >= MIN_FOUND_RATE,
        "found rate {found_rate:.3} fell below {MIN_FOUND_RATE}"
    );
    assert!(
        right_rate >= MIN_RIGHT_RATE,
        "right-value rate {right_rate:.3} fell below {MIN_RIGHT_RATE}"
    );
    assert!(
        negative_failures.is_empty(),
        "{} negative rows recognised",
        negative_failures.len()
    );
}
