//! The `starcoach` command line: argument definitions, one function per subcommand, exit codes.
//!
//! Exit codes (also in `--help` and the README):
//! - 0: done;
//! - 1: done, but something needs attention (an answer below `--fail-under`, rows skipped);
//! - 2: usage or runtime error (bad arguments, unreadable file, unknown question id);
//! - 3: an invalid bank, rubric or drill file;
//! - 128+N: a practice session ended by signal N (130 Ctrl-C twice, 143 SIGTERM, 129 SIGHUP).
//!
//! A closed pipe (`starcoach questions | head`) ends the program quietly with 0; a closed
//! stderr is ignored (the run goes on, its files are written, its exit status is kept).
//! Everything printed goes through [`crate::safe_text::visible`] unless it was rendered by
//! code that already made it safe ([`out_raw`]).

mod analyze;
mod args;
mod config;
mod data;
mod drill;
mod english;
mod generate;
mod grade;
mod grade_stream;
mod history;
mod interview;
mod jobad;
mod practice;
mod questions;
mod report;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

use crate::bank::{self, Catalog};
use crate::config::Config;
use crate::error::Error;
use crate::feedback::markup::ColorChoice;
use crate::files::Inputs;
use crate::rubric::RubricSet;

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: finished, but something needs attention (threshold not met, rows skipped).
pub const EXIT_ATTENTION: u8 = 1;
/// Exit status: usage or runtime error.
pub const EXIT_ERROR: u8 = 2;
/// Exit status: an invalid bank, rubric or drill file.
pub const EXIT_INVALID_DATA: u8 = 3;

/// What a command run ends with, besides errors.
pub type Outcome = Result<u8, Error>;

/// Options every command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Add or override question banks (a .toml file or a folder of them); repeatable.
    #[arg(long = "bank", value_name = "PATH", global = true)]
    pub banks: Vec<PathBuf>,
    /// Use this rubric for the question kinds it lists, instead of the built-in one; repeatable.
    #[arg(long = "rubric", value_name = "PATH", global = true)]
    pub rubrics: Vec<PathBuf>,
    /// When to use colour [default: auto, or the config file's `color`].
    #[arg(long, value_enum, env = "STARCOACH_COLOR", global = true)]
    pub color: Option<ColorChoice>,
    /// Where practice history is kept [default: $XDG_DATA_HOME/starcoach].
    #[arg(long, value_name = "DIR", env = "STARCOACH_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// The candidate's name, to keep people who share a machine apart.
    #[arg(long, value_name = "NAME", env = "STARCOACH_NAME", global = true)]
    pub name: Option<String>,
    /// Judge answers as for this experience level: entry (school, retail, volunteer examples
    /// count fully), experienced (call-center examples with measures), senior (improving the
    /// process, coaching others) [default: the config file's `level`, else one standard].
    #[arg(long, value_enum, value_name = "LEVEL", global = true)]
    pub level: Option<crate::rubric::Level>,
    /// The config file's settings (see [`crate::config`]), read once by [`run`].
    #[arg(skip)]
    pub config: Config,
}

impl Global {
    /// The embedded banks plus the config file's `banks`, `STARCOACH_BANKS` and `--bank`, in
    /// that order (a later bank with the same id replaces an earlier one).
    pub fn catalog(&self) -> Result<Catalog, Error> {
        let mut sources: Vec<bank::BankSource> = self
            .config
            .banks
            .iter()
            .cloned()
            .map(bank::BankSource::Path)
            .collect();
        sources.extend(bank::sources_from_env());
        sources.extend(self.banks.iter().cloned().map(bank::BankSource::Path));
        Catalog::load(&sources)
    }

    /// The embedded rubrics plus the config file's, `STARCOACH_RUBRICS` and `--rubric`.
    pub fn rubrics(&self) -> Result<RubricSet, Error> {
        self.rubrics_with(&[])
    }

    /// Like [`Global::rubrics`], with `extra` (a drill's own rubric, a rubric under comparison)
    /// layered above the config file and the environment but below `--rubric`.
    pub fn rubrics_with(&self, extra: &[PathBuf]) -> Result<RubricSet, Error> {
        self.rubrics_at(extra, self.level)
    }

    /// Like [`Global::rubrics_with`], judging at `level` (a level inferred from a job ad).
    pub fn rubrics_at(
        &self,
        extra: &[PathBuf],
        level: Option<crate::rubric::Level>,
    ) -> Result<RubricSet, Error> {
        let mut paths: Vec<PathBuf> = self.config.rubrics.clone();
        paths.extend(rubrics_from_env());
        paths.extend(extra.iter().cloned());
        paths.extend(self.rubrics.iter().cloned());
        RubricSet::load_at(&paths, level)
    }

    /// The colour setting in effect: `--color`, `STARCOACH_COLOR`, the config file, `auto`.
    pub fn color_choice(&self) -> ColorChoice {
        self.color.or(self.config.color).unwrap_or_default()
    }

    /// Whether to colour what goes to stdout.
    pub fn color_stdout(&self) -> bool {
        use std::io::IsTerminal;
        self.color_choice().enabled(io::stdout().is_terminal())
    }

    /// Every file the settings make a command read, to protect from being overwritten by its
    /// outputs: the bank files and folders, the rubric files (and the `*.toml` beside each,
    /// which `extends` may read), the practice history in the data folder, the config file.
    pub fn inputs(&self) -> Inputs {
        let mut inputs = Inputs::new();
        let mut banks: Vec<PathBuf> = self.config.banks.clone();
        banks.extend(
            bank::sources_from_env()
                .into_iter()
                .filter_map(|b| match b {
                    bank::BankSource::Path(p) => Some(p),
                    bank::BankSource::Text { .. } => None,
                }),
        );
        banks.extend(self.banks.iter().cloned());
        for b in &banks {
            inputs.add(b, "the bank");
        }
        let mut rubrics: Vec<PathBuf> = self.config.rubrics.clone();
        rubrics.extend(rubrics_from_env());
        rubrics.extend(self.rubrics.iter().cloned());
        for r in &rubrics {
            add_rubric(&mut inputs, r);
        }
        if let Some(dir) = crate::session::data_dir(self.data_dir.as_deref()) {
            inputs.add(&dir, "the practice history");
        }
        if let Some(config) = crate::config::location() {
            inputs.add(&config, "the config file");
        }
        inputs
    }

    /// Fills what flags and environment left unset from the config file.
    pub fn apply_config(&mut self, config: Config) {
        if self.name.is_none() {
            self.name.clone_from(&config.name);
        }
        if self.data_dir.is_none() {
            self.data_dir.clone_from(&config.data_dir);
        }
        if self.level.is_none() {
            self.level = config.level;
        }
        self.config = config;
    }
}

/// Adds a rubric file and the rubric files beside it (its `extends` base is looked up there).
pub fn add_rubric(inputs: &mut Inputs, path: &std::path::Path) {
    inputs.add(path, "the rubric");
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                inputs.add(&p, "the rubric");
            }
        }
    }
}

/// Rubric files named by `STARCOACH_RUBRICS` (a path list).
pub fn rubrics_from_env() -> Vec<PathBuf> {
    std::env::var_os("STARCOACH_RUBRICS")
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Writes one line to stderr, with control characters made visible. A closed or full stderr
/// is not an error (and never a panic, as `eprintln!` would be): the run goes on.
pub fn note(text: &str) {
    let mut err = io::stderr().lock();
    let line = crate::safe_text::visible(text);
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|_| err.write_all(b"\n"))
        .and_then(|_| err.flush());
}

/// Runs the program with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(run(cli))
}

/// Runs a parsed command line and returns the exit status.
pub fn run(mut cli: Cli) -> u8 {
    // Completions and the man page do not depend on any settings.
    if !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man { .. })
    ) {
        match crate::config::load() {
            Ok(config) => cli.global.apply_config(config),
            Err(e) => return report(Err(e)),
        }
    }
    let result = match cli.command {
        Some(Command::Analyze(a)) => analyze::run(&cli.global, a),
        Some(Command::Questions(q)) => questions::run(&cli.global, q),
        Some(Command::Bank(b)) => data::bank(&cli.global, b),
        Some(Command::Rubric(r)) => data::rubric(&cli.global, r),
        Some(Command::Drill(d)) => drill::run(&cli.global, d),
        Some(Command::Grade(a)) => grade::run(&cli.global, a),
        Some(Command::Config) => config::run(&cli.global),
        Some(Command::Completions { shell }) => generate::completions(shell),
        Some(Command::Man { dir }) => generate::man(dir.as_deref()),
        Some(Command::Practice(p)) => practice::run(&cli.global, p),
        Some(Command::History(h)) => history::run(&cli.global, h),
        Some(Command::JobAd(j)) => jobad::run(&cli.global, j),
        Some(Command::Interview(i)) => interview::run(&cli.global, i),
        Some(Command::Report(r)) => report::run(&cli.global, r),
        None => practice::run(&cli.global, args::PracticeArgs::default()),
    };
    report(result)
}

/// Prints an error the way users see it and picks the exit status.
pub fn report(result: Outcome) -> u8 {
    match result {
        Ok(code) => code,
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let code = match e {
                Error::Invalid(_) => EXIT_INVALID_DATA,
                _ => EXIT_ERROR,
            };
            let text = e.to_string();
            if text.starts_with("error:") {
                note(&text);
            } else {
                note(&format!("error: {text}"));
            }
            code
        }
    }
}

/// Writes text that may hold untrusted parts (file names, TOML source, names) to stdout, with
/// control characters made visible; a closed pipe becomes an `Io` error that [`report`] turns
/// into a quiet exit.
pub fn out(text: &str) -> Result<(), Error> {
    out_raw(&crate::safe_text::visible(text))
}

/// Writes already-safe output to stdout: rendered [`crate::feedback::markup::Markup`] (whose
/// colour codes must stay), JSON (which escapes control characters itself), Markdown, CSV and
/// HTML made by the renderers, completions and the man page.
pub fn out_raw(text: &str) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(|e| Error::io("<stdout>", e))
}
