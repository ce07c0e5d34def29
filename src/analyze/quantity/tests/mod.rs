//! Tests of the quantity finder: the helpers here, one kind at a time in `kinds.rs`, quantities
//! in their phrase in `phrases.rs`.

use super::*;

mod kinds;
mod phrases;

fn finder() -> QuantityFinder {
    QuantityFinder::new(&["CSAT", "NPS", "AHT", "first call resolution"])
}

fn find(text: &str) -> Vec<Quantity> {
    finder().find(text)
}

/// The only quantity in `text`, with its span text.
fn one(text: &str) -> (Quantity, String) {
    let qs = find(text);
    assert_eq!(qs.len(), 1, "{text:?} gave {qs:#?}");
    let q = qs.into_iter().next().unwrap();
    let s = text[q.span.clone()].to_string();
    (q, s)
}

fn kinds(text: &str) -> Vec<(QuantityKind, String)> {
    find(text)
        .into_iter()
        .map(|q| (q.kind, text[q.span].to_string()))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn check(text: &str, kind: QuantityKind, span: &str, value: f64, unit: Option<&str>) {
    let (q, s) = one(text);
    assert_eq!(q.kind, kind, "{text:?}: {q:?}");
    assert_eq!(s, span, "{text:?}: {q:?}");
    assert!(
        close(q.value, value),
        "{text:?}: value {} != {value}",
        q.value
    );
    assert_eq!(q.unit.as_deref(), unit, "{text:?}: {q:?}");
}

#[track_caller]
fn none(text: &str) {
    let qs = find(text);
    assert!(
        qs.is_empty(),
        "{text:?} should have no quantity, gave {qs:#?}"
    );
}

#[track_caller]
fn no_kind(text: &str, kinds: &[QuantityKind]) {
    for q in find(text) {
        assert!(!kinds.contains(&q.kind), "{text:?} gave {q:?}");
    }
}

use QuantityKind::*;
