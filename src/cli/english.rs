//! `--english`, `--no-english`, `--english-dialect` and the config file's `english*` settings:
//! whether a command adds written-English notes and how; and the notes for `analyze` and
//! `grade`, which check answers after the analysis (the practice session loads its checker
//! on a background thread instead, see `repl`).

use super::args::EnglishArgs;
use crate::analyze::Analysis;
use crate::config::Config;
use crate::english::{self, Checker, Language};
use crate::error::Error;
use crate::grade::Graded;

/// The checker's settings when the notes are on for this command, `None` when off. A flag wins
/// over the config file's `english`, which wins over `default_on` (on in practice, off in
/// `analyze` and `grade`, so their speed is unchanged unless asked). Asking for them in a build
/// without the checker is an error; the practice default is then just off.
pub fn settings(
    a: &EnglishArgs,
    config: &Config,
    default_on: bool,
) -> Result<Option<english::Settings>, Error> {
    let asked = a.english || a.english_dialect.is_some() || config.english == Some(true);
    let on = !a.no_english && (asked || (config.english.is_none() && default_on));
    if on && !english::AVAILABLE {
        return if asked {
            Err(Error::Usage(english::check::NOT_BUILT.into()))
        } else {
            Ok(None)
        };
    }
    Ok(on.then(|| english::Settings {
        dialect: a
            .english_dialect
            .or(config.english_dialect)
            .unwrap_or_default(),
        words: config.english_words.clone(),
    }))
}

/// The notes on one analyzed answer (none for an answer not in English).
pub fn check(checker: &mut Checker, analysis: &Analysis) -> Option<Language> {
    analysis.language_ok.then(|| checker.check(&analysis.text))
}

/// Adds the notes to every graded answer, on up to `workers` threads (each loads its own
/// checker: Harper's lint group keeps caches and is used by one thread at a time).
pub fn check_graded(
    settings: &english::Settings,
    graded: &mut [Graded],
    workers: usize,
) -> Result<(), Error> {
    let workers = workers.clamp(1, graded.len().max(1));
    let chunk = graded.len().div_ceil(workers).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = graded
            .chunks_mut(chunk)
            .map(|part| {
                s.spawn(move || -> Result<(), Error> {
                    let mut checker = Checker::load(settings)?;
                    for g in part {
                        g.feedback.language = check(&mut checker, &g.analysis);
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| match h.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        })
    })
}
