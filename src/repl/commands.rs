//! The practice session's commands: one table drives parsing, `:help` and Tab completion.

use std::fmt;
use std::str::FromStr;

/// A command the candidate can type (starting with `:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Next,
    Retry,
    Hint,
    Example,
    Star,
    FollowUp,
    Score,
    History,
    Questions,
    Question(String),
    Restore,
    Quit,
}

/// One row of the command table.
pub struct Spec {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub args: &'static str,
    pub help: &'static str,
}

/// Every command, in the order `:help` lists them.
pub const TABLE: &[Spec] = &[
    Spec {
        name: "help",
        aliases: &["h", "?"],
        args: "",
        help: "show this list",
    },
    Spec {
        name: "hint",
        aliases: &[],
        args: "",
        help: "what to cover for this question, and tips (before you answer)",
    },
    Spec {
        name: "star",
        aliases: &[],
        args: "",
        help: "a one-screen reminder of STAR, with a worked example",
    },
    Spec {
        name: "example",
        aliases: &["ex"],
        args: "",
        help: "a sample answer (one way to answer, not the only right one)",
    },
    Spec {
        name: "followup",
        aliases: &["fu", "follow-up"],
        args: "",
        help: "ask me the follow-up question again",
    },
    Spec {
        name: "retry",
        aliases: &["r", "again"],
        args: "",
        help: "answer the same question again and see what changed",
    },
    Spec {
        name: "next",
        aliases: &["n", "skip", "s"],
        args: "",
        help: "move on to the next question",
    },
    Spec {
        name: "score",
        aliases: &["feedback"],
        args: "",
        help: "show the last feedback again",
    },
    Spec {
        name: "history",
        aliases: &["hist"],
        args: "",
        help: "what you have answered in this session",
    },
    Spec {
        name: "questions",
        aliases: &["qs", "list"],
        args: "",
        help: "the questions in this session, with their ids",
    },
    Spec {
        name: "question",
        aliases: &["q", "goto"],
        args: " ID",
        help: "jump to a question by id (Tab completes ids)",
    },
    Spec {
        name: "restore",
        aliases: &[],
        args: "",
        help: "put the answer Ctrl-C threw away back in the editor",
    },
    Spec {
        name: "quit",
        aliases: &["exit", "bye"],
        args: "",
        help: "end the session with a summary (Ctrl-D works too)",
    },
];

/// Why a line is not a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Unknown {
        typed: String,
        suggestion: Option<&'static str>,
    },
    MissingArgument(&'static str),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Unknown {
                typed,
                suggestion: Some(s),
            } => {
                write!(
                    f,
                    "unknown command `:{typed}`; did you mean `:{s}`? (:help lists them)"
                )
            }
            ParseError::Unknown {
                typed,
                suggestion: None,
            } => {
                write!(f, "unknown command `:{typed}` (:help lists them)")
            }
            ParseError::MissingArgument(name) => write!(
                f,
                "`:{name}` needs an id, e.g. `:{name} tell-me-about-yourself` (Tab completes)"
            ),
        }
    }
}

fn spec_for(word: &str) -> Option<&'static Spec> {
    TABLE
        .iter()
        .find(|s| s.name == word || s.aliases.contains(&word))
}

impl FromStr for Command {
    type Err = ParseError;

    /// Parses `:name args` (the leading `:` is optional here).
    fn from_str(line: &str) -> Result<Command, ParseError> {
        let line = line.trim().trim_start_matches(':');
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let word = word.to_ascii_lowercase();
        let rest = rest.trim();
        let Some(spec) = spec_for(&word) else {
            let names = TABLE
                .iter()
                .flat_map(|s| std::iter::once(s.name).chain(s.aliases.iter().copied()));
            let best = crate::suggest::closest(&word, names, 1).first().copied();
            let suggestion = best.and_then(spec_for).map(|s| s.name);
            return Err(ParseError::Unknown {
                typed: word,
                suggestion,
            });
        };
        Ok(match spec.name {
            "help" => Command::Help,
            "hint" => Command::Hint,
            "star" => Command::Star,
            "example" => Command::Example,
            "followup" => Command::FollowUp,
            "retry" => Command::Retry,
            "next" => Command::Next,
            "score" => Command::Score,
            "history" => Command::History,
            "questions" => Command::Questions,
            "question" if rest.is_empty() => return Err(ParseError::MissingArgument("question")),
            "question" => Command::Question(rest.to_string()),
            "restore" => Command::Restore,
            "quit" => Command::Quit,
            _ => unreachable!("every table row is handled"),
        })
    }
}

/// Whether a submitted line is a command rather than (part of) an answer.
pub fn is_command(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(':')
        && !t.contains('\n')
        && t[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '?')
}

/// The `:help` rows: the command as typed (`:question ID`) and what it does, aliases included.
pub fn help_rows() -> impl Iterator<Item = (String, String)> {
    TABLE.iter().map(|spec| {
        let head = format!(":{}{}", spec.name, spec.args);
        let aliases = if spec.aliases.is_empty() {
            String::new()
        } else {
            format!(
                " (or {})",
                spec.aliases
                    .iter()
                    .map(|a| format!(":{a}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        (head, format!("{}{aliases}", spec.help))
    })
}

/// The first line of `:help`.
pub const HELP_TITLE: &str = "Commands (type them on their own line):";

/// What `:help` says after the commands, one paragraph a line.
pub const HELP_NOTES: &[&str] = &[
    "To answer, type or paste your answer; a blank line (or Ctrl-D on an empty line) sends it.",
    "Ctrl-C throws away the answer you are typing (Up or :restore brings it back); Ctrl-D on an empty prompt ends the session.",
];

/// The `:help` text, unwrapped.
pub fn help() -> String {
    let mut s = format!("{HELP_TITLE}\n");
    for (head, text) in help_rows() {
        s.push_str(&format!("  {head:<14} {text}\n"));
    }
    s.push('\n');
    for note in HELP_NOTES {
        s.push_str(note);
        s.push('\n');
    }
    s
}

/// Names to complete after `:`.
pub fn names() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|s| s.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_aliases_and_arguments() {
        assert_eq!(":next".parse(), Ok(Command::Next));
        assert_eq!(":skip".parse(), Ok(Command::Next));
        assert_eq!(
            ":Q tell-me-about-yourself".parse(),
            Ok(Command::Question("tell-me-about-yourself".into()))
        );
        assert_eq!(
            ":question".parse::<Command>(),
            Err(ParseError::MissingArgument("question"))
        );
    }

    #[test]
    fn unknown_commands_suggest_the_closest() {
        let e = ":retyr".parse::<Command>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown command `:retyr`; did you mean `:retry`? (:help lists them)"
        );
    }

    #[test]
    fn tells_commands_from_answers() {
        assert!(is_command(":next"));
        assert!(is_command("  :hint"));
        assert!(!is_command("I said :) and smiled"));
        assert!(!is_command(":) great"));
        assert!(!is_command("Situation: I was a cashier"));
    }

    #[test]
    fn help_lists_every_command() {
        let h = help();
        for spec in TABLE {
            assert!(h.contains(&format!(":{}", spec.name)), "{}", spec.name);
        }
    }
}
