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
use starcoach::rubric::{Pattern, RubricSet};

const SHORT: &str = include_str!("data/short.txt");
const TYPICAL: &str = include_str!("data/typical.txt");
const LONG: &str = include_str!("data/long.txt");

/// What a command pays before its first answer. Compiled patterns are cached for the process,
/// so each iteration forgets them first: these are cold loads, as in a fresh `starcoach` run.
fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    // The five shipped banks, parsed and checked (they are parsed on first use).
    g.bench_function("banks", |b| b.iter(|| Catalog::embedded().unwrap().len()));
    // One kind's rubric: common.toml and behavioral.toml parsed, merged and compiled.
    g.bench_function("rubric", |b| {
        b.iter(|| {
            Pattern::clear_cache();
            let rubrics = RubricSet::embedded().unwrap();
            black_box(rubrics.for_kind(Kind::Behavioral).rules.len())
        })
    });
    // Every shipped rubric (what `practice` over all kinds ends up compiling).
    g.bench_function("rubrics-all", |b| {
        b.iter(|| {
            Pattern::clear_cache();
            RubricSet::embedded().unwrap().rubrics().count()
        })
    });
    // `starcoach analyze` in-process: the rubric of one kind and a first answer, whose
    // searches build the lazy DFAs' first states.
    g.bench_function("rubric+first-answer", |b| {
        b.iter(|| {
            Pattern::clear_cache();
            let rubrics = RubricSet::embedded().unwrap();
            let analyzer = Analyzer::new(&rubrics);
            black_box(
                analyzer
                    .analyze_in(TYPICAL, Context::kind(Kind::Behavioral))
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
    // Throughput over every example answer in the shipped banks (88 answers, each with the
    // rubric of its question's kind), one core.
    let catalog = Catalog::embedded().unwrap();
    let examples: Vec<(&str, Kind)> = catalog
        .questions()
        .flat_map(|q| q.examples.iter().map(move |e| (e.text.as_str(), q.kind)))
        .collect();
    let bytes: usize = examples.iter().map(|(t, _)| t.len()).sum();
    for (_, kind) in &examples {
        analyzer.analyze_in("warm up the rubric of this kind", Context::kind(*kind));
    }
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bank-examples", |b| {
        b.iter(|| {
            examples
                .iter()
                .map(|(t, k)| analyzer.analyze_in(t, Context::kind(*k)).overall)
                .sum::<f64>()
        })
    });
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
