//! # starcoach
//!
//! An offline interview-practice coach for call-center and customer-service roles.
//!
//! The crate follows the data:
//!
//! ```text
//! bank (questions) -> question -> answer -> analyze (segment, detect, score) -> feedback -> session record
//! ```
//!
//! - [`analyze`]: the rule-based analysis of an answer; [`analyze::segment`] splits it into
//!   sentences (byte ranges), [`analyze::quantity`] finds quantities in free text.
//! - [`bank`]: question banks (TOML, embedded defaults in `prompts/`), loading and validation.
//! - [`diag`] and [`error`]: located, plain-English errors for data files and I/O.
//! - Coach mode: [`drill`] (drill plans: questions, order, time, hints, rubric), [`grade`]
//!   (a cohort's answers graded in one run, the cohort summary, rubric comparison) and
//!   [`config`] (the user's config file).
//! - [`session`] writes every practice answer to `attempts.jsonl`; [`history`] reads it back
//!   tolerantly and filters it; [`report`] turns it into progress (text, Markdown, HTML, JSON, CSV).
//! - [`english`]: written-English notes beside the analysis (Harper, feature `english`).
//! - [`files`]: outputs written atomically and never over an input; [`safe_text`]: untrusted
//!   text made safe to print on a terminal.
//! - [`html`]: self-contained HTML pages and inline-SVG charts for reports a coach can send.
//!
//! The library never prints; the `starcoach` binary is a thin shell over it.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod answer;
pub mod bank;
pub mod cli;
pub mod config;
pub mod diag;
pub mod drill;
pub mod embedded;
pub mod english;
pub mod error;
pub mod feedback;
pub mod files;
pub mod grade;
pub mod history;
pub mod html;
pub mod interview;
pub mod jobad;
pub mod prose;
pub mod repl;
pub mod report;
pub mod rng;
pub mod rubric;
pub mod safe_text;
pub mod session;
pub mod suggest;

pub use error::{Error, Result};
