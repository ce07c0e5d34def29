//! The command-line definition (clap derive). Completions and the man page are generated from it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::Global;
use crate::bank::Kind;

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  done, but something needs attention (a score below --fail-under, rows skipped)
  2  usage or runtime error (bad arguments, unreadable file, unknown question id)
  3  an invalid bank, rubric or drill file";

/// An offline interview-practice coach for call-center and customer-service jobs.
///
/// Run it without arguments to start a practice session: starcoach asks a question, you type
/// your answer, and it gives STAR feedback at once. Everything runs offline.
///
/// Example: starcoach practice --question angry-customer-call-center
#[derive(Debug, Parser)]
#[command(name = "starcoach", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Practise answering questions in an interactive session (the default).
    ///
    /// Example: starcoach practice --tag de-escalation --count 3
    Practice(PracticeArgs),
    /// Analyze one answer from a file or stdin and print the feedback.
    ///
    /// Example: starcoach analyze answer.txt --question angry-customer-call-center
    #[command(after_help = EXIT_CODES)]
    Analyze(AnalyzeArgs),
    /// List, search and show the practice questions.
    ///
    /// Example: starcoach questions --tag empathy --search angry
    Questions(QuestionsArgs),
    /// Validate question bank files.
    ///
    /// Example: starcoach bank check my-questions.toml
    Bank(BankArgs),
    /// Validate, show or copy rubrics (the rules feedback comes from).
    ///
    /// Example: starcoach rubric check my-rubric.toml
    Rubric(RubricArgs),
    /// Print a shell completion script.
    ///
    /// Example: starcoach completions bash > ~/.local/share/bash-completion/completions/starcoach
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    ///
    /// Example: starcoach man > starcoach.1 && man ./starcoach.1
    Man,
}

/// A count of questions: a whole number from 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("ask for at least 1 question".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

#[derive(Debug, Clone, Default, Args)]
pub struct PracticeArgs {
    /// Only questions of this kind; repeatable.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<Kind>,
    /// Only questions with this tag; repeatable (any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only questions from this source or bank (a prefix such as 003 works).
    #[arg(long = "source", value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// Start with this question; repeatable.
    #[arg(long = "question", value_name = "ID")]
    pub questions: Vec<String>,
    /// How many questions to ask (at least 1).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub count: Option<usize>,
    /// Seed for the question order (the same seed gives the same order).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Show elapsed time while answering and note answers far over two minutes.
    #[arg(long)]
    pub timer: bool,
    /// Do not save this session's answers.
    #[arg(long)]
    pub no_save: bool,
}

/// How an answer file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum InputFormat {
    /// From the file extension (.json, .md) or, for stdin, the first character.
    #[default]
    Auto,
    Text,
    /// An object with `answer` and optionally `question` (an id), `question_text`, `kind`.
    Json,
    Markdown,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Args)]
pub struct AnalyzeArgs {
    /// The answer file, or - for stdin.
    #[arg(value_name = "FILE", default_value = "-")]
    pub input: PathBuf,
    /// The question the answer is for (its rubric, areas and follow-ups are used).
    #[arg(long, short, value_name = "ID")]
    pub question: Option<String>,
    /// Without --question: the kind of question, which picks the rubric.
    #[arg(long, value_name = "KIND", default_value = "behavioral")]
    pub kind: Kind,
    /// Without --question: the text of a question that is not in the banks.
    #[arg(long, value_name = "TEXT")]
    pub question_text: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    pub input_format: InputFormat,
    /// Also show every rule behind every score (text output).
    #[arg(long)]
    pub explain: bool,
    /// Exit with status 1 when the overall score is below this.
    #[arg(long, value_name = "SCORE")]
    pub fail_under: Option<f64>,
}

#[derive(Debug, Clone, Args)]
pub struct QuestionsArgs {
    #[command(subcommand)]
    pub action: Option<QuestionsAction>,
    /// Only questions of this kind; repeatable.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<Kind>,
    /// Only questions with this tag; repeatable (any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only questions from this source or bank (a prefix such as 003 works).
    #[arg(long = "source", value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// Only questions containing all these words (in the id, text, tags or areas).
    #[arg(long, value_name = "WORDS", num_args = 1..)]
    pub search: Vec<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Subcommand)]
pub enum QuestionsAction {
    /// Everything about one question: text, areas, follow-ups, tips, examples.
    ///
    /// Example: starcoach questions show tell-me-about-yourself
    Show {
        /// The question id.
        id: String,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t)]
        format: ListFormat,
        /// Also print the example answers in full.
        #[arg(long)]
        examples: bool,
    },
    /// The tags in use and how many questions carry each.
    ///
    /// Example: starcoach questions tags
    Tags,
}

#[derive(Debug, Clone, Args)]
pub struct BankArgs {
    #[command(subcommand)]
    pub action: BankAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum BankAction {
    /// Check bank files (or folders of them); exit 3 when any is invalid.
    ///
    /// Example: starcoach bank check prompts/
    Check {
        /// Bank files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct RubricArgs {
    #[command(subcommand)]
    pub action: RubricAction,
}

#[derive(Debug, Clone, Subcommand)]
pub enum RubricAction {
    /// Check rubric files, including every rule's examples; exit 3 when any is invalid.
    ///
    /// Example: starcoach rubric check my-rubric.toml
    Check {
        /// Rubric files.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the rubric used for a kind of question: its rules, weights and lexicons.
    ///
    /// Example: starcoach rubric show --kind situational --effective
    Show {
        /// The kind of question whose rubric to show.
        #[arg(long, default_value = "behavioral")]
        kind: Kind,
        /// Show the rubric as it is used, merged with the one it extends.
        #[arg(long)]
        effective: bool,
    },
    /// Write a copy of the built-in rubrics into DIR, to edit and use with --rubric.
    ///
    /// Example: starcoach rubric init my-rubrics && starcoach --rubric my-rubrics/behavioral.toml
    Init {
        /// The folder to write to (created if missing; existing files are not overwritten).
        dir: PathBuf,
    },
}
