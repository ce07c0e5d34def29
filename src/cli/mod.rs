//! The `starcoach` command line: argument definitions, one function per subcommand, exit codes.
//!
//! Exit codes (also in `--help` and the README):
//! - 0: done;
//! - 1: done, but something needs attention (an answer below `--fail-under`, rows skipped);
//! - 2: usage or runtime error (bad arguments, unreadable file, unknown question id);
//! - 3: an invalid bank, rubric or drill file.
//!
//! A closed pipe (`starcoach questions | head`) ends the program quietly with 0.
#![allow(clippy::print_stderr)]

mod analyze;
mod args;
mod data;
mod generate;
mod history;
mod practice;
mod questions;
mod report;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};

use crate::bank::{self, Catalog};
use crate::error::Error;
use crate::feedback::markup::ColorChoice;
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
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Where practice history is kept [default: $XDG_DATA_HOME/starcoach].
    #[arg(long, value_name = "DIR", env = "STARCOACH_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// The candidate's name, to keep people who share a machine apart.
    #[arg(long, value_name = "NAME", env = "STARCOACH_NAME", global = true)]
    pub name: Option<String>,
}

impl Global {
    /// The embedded banks plus `--bank` and `STARCOACH_BANKS`.
    pub fn catalog(&self) -> Result<Catalog, Error> {
        let mut sources = bank::sources_from_env();
        sources.extend(self.banks.iter().cloned().map(bank::BankSource::Path));
        Catalog::load(&sources)
    }

    /// The embedded rubrics plus `--rubric` and `STARCOACH_RUBRICS`.
    pub fn rubrics(&self) -> Result<RubricSet, Error> {
        let mut paths: Vec<PathBuf> = std::env::var_os("STARCOACH_RUBRICS")
            .map(|v| {
                std::env::split_paths(&v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        paths.extend(self.rubrics.iter().cloned());
        RubricSet::load(&paths)
    }

    /// Whether to colour what goes to stdout.
    pub fn color_stdout(&self) -> bool {
        use std::io::IsTerminal;
        self.color.enabled(io::stdout().is_terminal())
    }
}

/// Runs the program with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(run(cli))
}

/// Runs a parsed command line and returns the exit status.
pub fn run(cli: Cli) -> u8 {
    let result = match cli.command {
        Some(Command::Analyze(a)) => analyze::run(&cli.global, a),
        Some(Command::Questions(q)) => questions::run(&cli.global, q),
        Some(Command::Bank(b)) => data::bank(&cli.global, b),
        Some(Command::Rubric(r)) => data::rubric(&cli.global, r),
        Some(Command::Completions { shell }) => generate::completions(shell),
        Some(Command::Man) => generate::man(),
        Some(Command::Practice(p)) => practice::run(&cli.global, p),
        Some(Command::History(h)) => history::run(&cli.global, h),
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
                eprintln!("{text}");
            } else {
                eprintln!("error: {text}");
            }
            code
        }
    }
}

/// Writes to stdout; a closed pipe becomes an `Io` error that [`report`] turns into a quiet exit.
pub fn out(text: &str) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(|e| Error::io("<stdout>", e))
}
