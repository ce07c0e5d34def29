//! The command-line definition (clap derive). Completions and the man page are generated from it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::Global;
use crate::bank::Kind;
use crate::grade::read::InputKind;

const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  done, but something needs attention (a score below --fail-under, rows skipped,
     answers that could not be saved)
  2  usage or runtime error (bad arguments, unreadable file, unknown question id)
  3  an invalid bank, rubric or drill file
  128+N  a practice session ended by a signal (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP)";

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
    /// Run a coach's drill plan as a practice session, or check and list drill plans.
    ///
    /// Example: starcoach drill de-escalation --name "Ana Diaz" --output ana-drill.md
    #[command(args_conflicts_with_subcommands = true, after_help = EXIT_CODES)]
    Drill(DrillArgs),
    /// Grade many answers at once: JSON Lines, CSV, or folders of CANDIDATE/QUESTION-ID.txt.
    ///
    /// Example: starcoach grade answers.csv --output grades.csv --output report.html
    #[command(after_help = EXIT_CODES)]
    Grade(GradeArgs),
    /// Show the settings in effect and where each comes from (flag, environment, config file).
    ///
    /// Example: starcoach config
    Config,
    /// List past practice sessions and every answer, with its score.
    ///
    /// Example: starcoach history --since 7d
    #[command(after_help = EXIT_CODES)]
    History(HistoryArgs),
    /// Show progress over time: trends per part, what comes up most, what to practise next.
    ///
    /// Example: starcoach report --format html --output progress.html
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),
    /// A timed mock phone screen: opener, motivation, behavioral and situational questions,
    /// the closing "any questions for us?", with no feedback until the debrief at the end.
    ///
    /// Example: starcoach interview --job-ad posting.txt --output debrief.html
    #[command(after_help = EXIT_CODES)]
    Interview(InterviewArgs),
    /// Show what a pasted job posting asks for: competencies and terms, the level, the parts
    /// not read (benefits, legal text), and how many questions cover each ask.
    ///
    /// Example: starcoach job-ad posting.txt
    #[command(name = "job-ad", after_help = EXIT_CODES)]
    JobAd(JobAdArgs),
    /// Print a shell completion script.
    ///
    /// Example: starcoach completions bash > ~/.local/share/bash-completion/completions/starcoach
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write every page to a folder.
    ///
    /// Example: starcoach man --dir ~/.local/share/man/man1 && man starcoach-grade
    Man {
        /// Write starcoach.1 and a page for each subcommand (starcoach-grade.1, ...) into this
        /// folder (made if missing), instead of printing the main page.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

/// A count of questions: a whole number from 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("ask for at least 1 question".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

/// A score threshold: a finite number (`nan` would make every comparison false, so nothing
/// would ever fail; scores run from 0 to 100).
fn score_threshold(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("`{s}` is not a number: use a score from 0 to 100")),
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
    /// A job posting (plain text or Markdown): ask the questions that cover what it asks
    /// for first, and judge at the level it asks for unless --level is given.
    #[arg(long, value_name = "FILE")]
    pub job_ad: Option<PathBuf>,
    #[command(flatten)]
    pub english: EnglishArgs,
}

#[derive(Debug, Clone, Default, Args)]
pub struct InterviewArgs {
    /// A job posting (plain text or Markdown): the questions cover what it asks for, the
    /// debrief says which asks each answer spoke to, and its level is used unless --level.
    #[arg(long, value_name = "FILE")]
    pub job_ad: Option<PathBuf>,
    /// Seed for the choice of questions (the same seed gives the same interview).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Suggested seconds for every answer, instead of the time per kind of question.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(5..=900))]
    pub seconds: Option<u32>,
    /// Also write the debrief to this file: Markdown (.md) or HTML (.html).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not save this interview's answers.
    #[arg(long)]
    pub no_save: bool,
    #[command(flatten)]
    pub english: EnglishArgs,
}

#[derive(Debug, Clone, Args)]
pub struct JobAdArgs {
    /// The posting: a text or Markdown file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print what was read as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Written-English notes (Harper's checker), for the commands that give feedback.
#[derive(Debug, Clone, Default, Args)]
pub struct EnglishArgs {
    /// Add written-English notes: capital "I", verb agreement, tense, spelling, articles
    /// [default: on in practice and drills; in analyze and grade, `english` in the config file]
    #[arg(long, conflicts_with = "no_english")]
    pub english: bool,
    /// No written-English notes.
    #[arg(long)]
    pub no_english: bool,
    /// The English to check against (implies --english): american, british, australian,
    /// canadian or indian [default: `english_dialect` in the config file, else american]
    #[arg(long, value_name = "DIALECT")]
    pub english_dialect: Option<crate::english::Dialect>,
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
    /// Without --question (or a --question-text found in the banks): the kind of question,
    /// which picks the rubric.
    #[arg(long, value_name = "KIND", default_value = "behavioral")]
    pub kind: Kind,
    /// Without --question: the question's text. The text of a bank question (up to case,
    /// spacing, quotes and final punctuation) uses that question, as --question would.
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
    #[arg(long, value_name = "SCORE", value_parser = score_threshold)]
    pub fail_under: Option<f64>,
    #[command(flatten)]
    pub english: EnglishArgs,
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
    /// Grade the same answers with two rubrics and show what changes.
    ///
    /// OLD and NEW are rubric files, folders of them, or `current` (the rubrics in use).
    ///
    /// Example: starcoach rubric compare current my-rubrics/behavioral.toml answers.csv
    Compare {
        /// The rubric before the change: a file, a folder of rubric files, or `current`.
        old: String,
        /// The rubric after the change: a file, a folder of rubric files, or `current`.
        new: String,
        /// Answers to grade, as for `starcoach grade`.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t)]
        format: CompareFormat,
        /// The kind of question (rubric) for rows whose question_text is not a bank question's.
        #[arg(long, value_name = "KIND", default_value = "behavioral")]
        kind: Kind,
        /// How the input is laid out.
        #[arg(long, value_enum, default_value_t)]
        input_format: InputKind,
    },
    /// Write a copy of the built-in rubrics into DIR, to edit and use with --rubric.
    ///
    /// Example: starcoach rubric init my-rubrics && starcoach --rubric my-rubrics/behavioral.toml
    Init {
        /// The folder to write to (created if missing; existing files are not overwritten).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DrillArgs {
    #[command(subcommand)]
    pub action: Option<DrillAction>,
    /// The drill plan: a .toml file, or the name of a shipped drill (`starcoach drill list`).
    #[arg(value_name = "PLAN")]
    pub plan: Option<String>,
    /// Write a summary to hand to the coach (.md Markdown, .html HTML).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The summary's format [default: from the --output extension, else markdown].
    #[arg(long, value_enum)]
    pub format: Option<SummaryFormat>,
    /// Seed for the questions a plan picks by tag and for a shuffled order (overrides the plan's).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Show elapsed time while answering.
    #[arg(long)]
    pub timer: bool,
    /// Do not save this drill's answers in the practice history.
    #[arg(long)]
    pub no_save: bool,
    #[command(flatten)]
    pub english: EnglishArgs,
}

#[derive(Debug, Clone, Subcommand)]
pub enum DrillAction {
    /// Check drill plans against the question banks; exit 3 when any is invalid.
    ///
    /// Example: starcoach drill check my-drill.toml
    Check {
        /// Drill files or shipped drill names.
        #[arg(required = true, value_name = "PLAN")]
        plans: Vec<String>,
    },
    /// List the shipped drills.
    List,
    /// Print a drill plan's TOML, to copy and edit.
    ///
    /// Example: starcoach drill show de-escalation > my-drill.toml
    Show {
        /// A drill file or shipped drill name.
        #[arg(value_name = "PLAN")]
        plan: String,
    },
}

/// The format of a drill summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Markdown,
    Html,
}

/// How grading results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum GradeFormat {
    /// A table that fits the terminal, then the cohort summary.
    #[default]
    Table,
    /// One row per answer.
    Csv,
    /// Every answer's full analysis, the skipped rows and the summary.
    Json,
    /// One answer's full analysis per line (JSON Lines), written as answers are graded.
    Jsonl,
    /// A readable report.
    Markdown,
    /// A readable report as one HTML page.
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct GradeArgs {
    /// Answer files (JSON Lines or CSV with candidate, question or question_text, answer
    /// columns), folders laid out as CANDIDATE/QUESTION-ID.txt, or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// What to print on stdout [default: table; nothing when --output is given].
    #[arg(long, short, value_enum)]
    pub format: Option<GradeFormat>,
    /// Write the results to FILE in the format its extension names (.csv, .json, .jsonl, .md,
    /// .html, .txt); repeatable.
    #[arg(long, short, value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// The kind of question (rubric) for rows whose question_text is not a bank question's.
    #[arg(long, value_name = "KIND", default_value = "behavioral")]
    pub kind: Kind,
    /// How the input is laid out.
    #[arg(long, value_enum, default_value_t)]
    pub input_format: InputKind,
    /// Exit with status 1 when any answer scores below SCORE.
    #[arg(long, value_name = "SCORE", value_parser = score_threshold)]
    pub fail_under: Option<f64>,
    /// Grading threads [default: 2, or 1 on a single-core machine].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: Option<u16>,
    /// The title of the Markdown and HTML reports.
    #[arg(long, value_name = "TEXT", default_value = "Cohort report")]
    pub title: String,
    #[command(flatten)]
    pub english: EnglishArgs,
}

/// How a rubric comparison is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CompareFormat {
    #[default]
    Table,
    Csv,
    Json,
    Markdown,
}

/// Which saved answers to look at (with the global --name).
#[derive(Debug, Clone, Default, Args)]
pub struct HistoryFilterArgs {
    /// Only answers from this date on (2026-11-01, UTC), `today`, or a span back such as 7d, 2w
    /// or 12h.
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only questions with this tag; repeatable (any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only this question; repeatable.
    #[arg(long = "question", value_name = "ID")]
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub filter: HistoryFilterArgs,
    /// Output format (json: the saved records).
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ListFormat,
}

/// How a progress report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// For the terminal: sparklines, bars and lists.
    #[default]
    Text,
    Markdown,
    /// One self-contained file with charts and every answer, to open or send.
    Html,
    Json,
    /// One row per answer, for spreadsheets.
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: HistoryFilterArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write the report to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
