//! In-process benchmarks: loading the embedded data, analyzing answers, and the two text passes
//! that every analysis starts with. Run with `cargo bench --bench analyze`; the whole-process
//! figures (`starcoach analyze`, `starcoach grade` against peers) are in `benches/README.md`.
//!
//! The answers are in `benches/data/`: `short.txt` (65 words), `typical.txt` (250 words) and
//! `long.txt` (1,515 words), example answers from the shipped banks.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use starcoach::analyze::{Analyzer, Context, QuantityFinder, segment};
use starcoach::bank::{Catalog, Kind};
use starcoach::rubric::RubricSet;

const SHORT: &str = include_str!("data/short.txt");
const TYPICAL: &str = include_str!("data/typical.txt");
const LONG: &str = include_str!("data/long.txt");

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    g.bench_function("banks", |b| b.iter(|| Catalog::embedded().unwrap()));
    g.bench_function("rubrics", |b| b.iter(|| RubricSet::embedded().unwrap()));
    // What `starcoach analyze` pays before its first answer: the rubric set, the analyzer and
    // the rubric of one kind ready to use.
    g.bench_function("rubrics+first-answer", |b| {
        b.iter(|| {
            let rubrics = RubricSet::embedded().unwrap();
            let analyzer = Analyzer::new(&rubrics);
            black_box(
                analyzer
                    .analyze_in(SHORT, Context::kind(Kind::Behavioral))
                    .overall,
            )
        })
    });
    g.finish();
}

fn analyze(c: &mut Criterion) {
    let rubrics = RubricSet::embedded().unwrap();
    let analyzer = Analyzer::new(&rubrics);
    let mut g = c.benchmark_group("analyze");
    for (name, text) in [("short", SHORT), ("typical", TYPICAL), ("long", LONG)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| analyzer.analyze_in(black_box(text), Context::kind(Kind::Behavioral)))
        });
    }
    g.finish();
}

fn passes(c: &mut Criterion) {
    let rubrics = RubricSet::embedded().unwrap();
    let kpi: Vec<&str> = {
        let r = rubrics.for_kind(Kind::Behavioral);
        r.lexicon_terms[r.metrics.kpi]
            .iter()
            .map(String::as_str)
            .collect()
    };
    let finder = QuantityFinder::new(&kpi);
    let mut g = c.benchmark_group("passes");
    g.throughput(Throughput::Bytes(TYPICAL.len() as u64));
    g.bench_function("segment/typical", |b| {
        b.iter(|| segment::sentences(black_box(TYPICAL)))
    });
    g.bench_function("quantities/typical", |b| {
        b.iter(|| finder.find(black_box(TYPICAL)))
    });
    g.finish();
}

criterion_group!(benches, load, analyze, passes);
criterion_main!(benches);
