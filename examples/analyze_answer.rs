//! Using starcoach as a library: load the built-in questions and rubrics, analyze an answer,
//! and print what the coach would say.
//!
//! ```console
//! cargo run --example analyze_answer
//! cargo run --example analyze_answer -- angry-customer-call-center "Last spring a caller..."
//! ```
#![allow(clippy::print_stdout)]

use starcoach::analyze::{Analyzer, Context};
use starcoach::bank::Catalog;
use starcoach::feedback;
use starcoach::rubric::RubricSet;

fn main() -> Result<(), starcoach::Error> {
    let mut args = std::env::args().skip(1);
    let id = args
        .next()
        .unwrap_or_else(|| "angry-customer-call-center".to_string());
    let answer = args.next().unwrap_or_else(|| {
        "Last spring a caller was furious about a double charge on her bill. I apologized, \
         checked her account and refunded the extra $40 the same day. She thanked me, and \
         since then I always check for duplicate payments first."
            .to_string()
    });

    // The question banks and rubrics built into the binary (add your own with Catalog::load
    // and RubricSet::load).
    let catalog = Catalog::embedded()?;
    let rubrics = RubricSet::embedded()?;
    let question = catalog.require(&id)?;

    // Build the analyzer once, then analyze as many answers as you like.
    let analyzer = Analyzer::new(&rubrics);
    let analysis = analyzer.analyze_in(&answer, Context::question(question));

    println!("{}\n", question.text);
    println!(
        "overall {} ({}), episode: {}",
        analysis.overall,
        analysis.band,
        analysis.episode.as_str()
    );
    for s in &analysis.sentences {
        println!("  {}  {}", s.label.letter(), analysis.quote(&s.span));
    }
    for d in &analysis.dimensions {
        println!("  {:<12} {:>5.1}", d.dimension.as_str(), d.score);
    }

    // What the coach says: strengths, the top fixes, the next step, the follow-up question.
    let fb = feedback::coach(&analysis, rubrics.for_kind(question.kind), Some(question));
    for p in &fb.strengths {
        println!("+ {}", p.message);
    }
    for f in &fb.fixes {
        println!("! {} -> {}", f.message, f.suggestion);
    }
    if let Some(f) = &fb.follow_up {
        println!("? {}", f.text);
    }
    Ok(())
}
