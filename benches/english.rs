//! The written-English checker's cost: loading it and checking one answer. Run with
//! `cargo bench --bench english` (needs the default feature `english`).
//!
//! Harper's curated dictionary is built once per process (a `LazyLock` inside harper-core), so
//! `load/checker` measures what every later load costs (the lint group, our words and
//! patterns). The first load in a process, the dictionary included, can be timed only once:
//! it is printed as `load/first-in-process` before the samples (one measurement, not a
//! median); the whole-process timings in the README (`starcoach analyze --english` against
//! `starcoach analyze`) show the same cost from outside.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use starcoach::english::{Checker, Settings};

const SHORT: &str = include_str!("data/short.txt");
const TYPICAL: &str = include_str!("data/typical.txt");
const LONG: &str = include_str!("data/long.txt");

/// A non-native answer of 100 words, the shape the notes are for.
const NON_NATIVE: &str = "Last year i was working in a call center for a telecom company. One \
day a customer call me very angry because his internet dont work since three days. He say he \
already call two times and nobody help him. i listen him and i explain too much thing about the \
router. Then i check his account and i see the technician fix it wrong. i create a ticket and i \
call him back next day. He was very happy and he give me good feedback. Our CSAT was 92% that \
month.";

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    // The dictionary is built by the first load; later ones pay for the rest.
    let start = Instant::now();
    let _ = Checker::load(&Settings::default()).unwrap();
    eprintln!(
        "load/first-in-process (Harper's dictionary built): {:.0} ms, one measurement",
        start.elapsed().as_secs_f64() * 1e3
    );
    g.bench_function("checker", |b| {
        b.iter(|| black_box(Checker::load(&Settings::default()).unwrap()))
    });
    // A fresh checker and its first answer: its caches start empty.
    g.bench_function("checker+first-answer", |b| {
        b.iter(|| {
            let mut c = Checker::load(&Settings::default()).unwrap();
            black_box(c.check(NON_NATIVE).findings)
        })
    });
    g.finish();
}

fn check(c: &mut Criterion) {
    let mut checker = Checker::load(&Settings::default()).unwrap();
    let mut g = c.benchmark_group("check");
    // Harper caches each chunk's lints; a practice session or a cohort rarely repeats an
    // answer, so every iteration checks a text it has not seen (a number appended).
    let mut n = 0u64;
    for (name, text) in [
        ("non-native-100", NON_NATIVE),
        ("short-65", SHORT),
        ("typical-250", TYPICAL),
        ("long-1515", LONG),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                black_box(checker.check(&format!("{text} Ticket {n}.")).findings)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, load, check);
criterion_main!(benches);
