//! `starcoach` / `starcoach practice`: the interactive practice session.

use std::io::IsTerminal;

use super::args::PracticeArgs;
use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome};
use crate::bank::{Catalog, Filter, Question};
use crate::error::Error;
use crate::repl::{self, input};
use crate::rubric::RubricSet;

/// The question order for a practice run: the questions asked for by id (or the opener), then
/// with a job ad the questions that cover its asks, then the mix.
pub fn order(
    catalog: &Catalog,
    a: &PracticeArgs,
    ad: Option<&crate::jobad::JobAd>,
) -> Result<Vec<String>, Error> {
    let filter = Filter {
        kinds: a.kinds.clone(),
        tags: a.tags.clone(),
        sources: a.sources.clone(),
        search: Vec::new(),
    };
    let mut first: Vec<&Question> = a
        .questions
        .iter()
        .map(|id| catalog.require(id))
        .collect::<Result<_, _>>()?;
    // A session starts the way interviews do: with an opener the filters allow.
    if first.is_empty() {
        let openers = &crate::interview::plan::shipped().practice.openers;
        first.extend(
            openers
                .iter()
                .filter_map(|id| catalog.get(id))
                .find(|q| filter.matches(q)),
        );
    }
    // Asking for questions by id without filters means: just those.
    let only_these =
        !a.questions.is_empty() && a.kinds.is_empty() && a.tags.is_empty() && a.sources.is_empty();
    let seed = a.seed.unwrap_or_else(repl::order::clock_seed);
    let n = first.len();
    let drawn = if only_these {
        first
    } else {
        repl::order::draw(catalog, &filter, first, seed)
    };
    let drawn = match ad {
        Some(ad) if !only_these => {
            let (first, rest) = drawn.split_at(n);
            crate::interview::choose::for_practice(ad, first.to_vec(), rest.to_vec())
        }
        _ => drawn,
    };
    Ok(drawn.into_iter().map(|q| q.id.clone()).collect())
}

pub fn run(g: &Global, a: PracticeArgs) -> Outcome {
    let catalog = g.catalog()?;
    let ad = match &a.job_ad {
        Some(p) => Some(super::jobad::load(&catalog, p)?),
        None => None,
    };
    let rubrics = g.rubrics_at(&[], super::jobad::level(g, ad.as_ref()))?;
    let intro = ad.as_ref().map(|ad| ad_intro(g, ad)).unwrap_or_default();
    // A posting for another kind of job is not used past the intro.
    let ad = ad.filter(|x| !x.little);
    let order = order(&catalog, &a, ad.as_ref())?;
    // Without --count a session has the plan's length (all of them when asked for by id).
    let by_id = !a.questions.is_empty() && a.count.is_none();
    let count = match a.count {
        Some(n) => Some(n),
        None if by_id => None,
        None => Some(
            crate::interview::plan::shipped()
                .practice
                .count
                .min(order.len()),
        ),
    };
    let plan = Session {
        order,
        count,
        announce: a.count.is_none() && !by_id,
        intro,
        job_ad: ad,
        timer: a.timer,
        no_save: a.no_save,
        drill: None,
        english: super::english::settings(&a.english, &g.config, true)?,
    };
    let summary = session(g, &catalog, &rubrics, plan)?;
    Ok(exit_code(&summary))
}

/// How a session ends for the shell: 128 + the signal after an interrupt (130 for Ctrl-C,
/// 143 SIGTERM, 129 SIGHUP), 1 when answers could not be saved, else 0.
pub(super) fn exit_code(s: &repl::Summary) -> u8 {
    match s.interrupted {
        Some(sig) => u8::try_from(128 + sig).unwrap_or(u8::MAX),
        None if s.unsaved > 0 => EXIT_ATTENTION,
        None => EXIT_OK,
    }
}

/// What to practise and how.
pub(super) struct Session {
    pub order: Vec<String>,
    pub count: Option<usize>,
    /// Say how many questions the session asks (the count was not given).
    pub announce: bool,
    /// Lines said after the welcome (what a job ad asks for).
    pub intro: Vec<String>,
    pub job_ad: Option<crate::jobad::JobAd>,
    pub timer: bool,
    pub no_save: bool,
    pub drill: Option<repl::DrillSettings>,
    /// The English checker's settings, when the notes are on.
    pub english: Option<crate::english::Settings>,
}

/// Runs a practice session (or a drill) on the terminal, or on piped stdin.
/// The width a session wraps to: the terminal's (40 to 100 columns), or through a pipe
/// `COLUMNS`, else 80.
pub(super) fn screen_width(interactive: bool) -> usize {
    if interactive {
        crate::prose::terminal_width().clamp(40, 100)
    } else {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(80)
    }
}

pub(super) fn session(
    g: &Global,
    catalog: &Catalog,
    rubrics: &RubricSet,
    plan: Session,
) -> Result<repl::Summary, Error> {
    let interactive = std::io::stdin().is_terminal();
    let data_dir = crate::session::data_dir(g.data_dir.as_deref());
    let width = screen_width(interactive);
    let opts = repl::Options {
        order: plan.order,
        count: plan.count,
        announce: plan.announce,
        intro: plan.intro,
        job_ad: plan.job_ad,
        timer: plan.timer,
        name: g.name.clone(),
        color: interactive && g.color_stdout(),
        width,
        data_dir: if plan.no_save { None } else { data_dir.clone() },
        drill: plan.drill,
        english: plan.english,
    };
    let stdout = std::io::stdout();
    if interactive {
        // The candidate's own line history, and none on disk with --no-save.
        let history = data_dir
            .filter(|_| !plan.no_save)
            .map(|d| input::history_file(&d, g.name.as_deref()));
        let mut term = input::Terminal::new(history, plan.timer)
            .map_err(|e| Error::Usage(format!("cannot start the terminal session: {e}")))?;
        repl::run(catalog, rubrics, opts, &mut term, stdout.lock())
    } else {
        let stdin = std::io::stdin();
        let mut lines = input::Lines::new(stdin.lock());
        repl::run(catalog, rubrics, opts, &mut lines, stdout.lock())
    }
}

/// What a session for a job ad says first: the posting, the level, its asks.
pub(super) fn ad_intro(g: &Global, ad: &crate::jobad::JobAd) -> Vec<String> {
    let mut lines = Vec::new();
    let name = ad.title.clone().unwrap_or_else(|| "the job ad".into());
    if ad.little {
        lines.push(format!(
            "For {name}: little in it matches customer-service work, so the questions are the usual mix."
        ));
    } else {
        let asks: Vec<&str> = ad.asks.iter().map(|a| a.label.as_str()).collect();
        lines.push(format!("For {name}, which asks for: {}.", asks.join("; ")));
    }
    lines.extend(super::jobad::level_line(g, Some(ad)));
    lines
}
