//! The user's config file: defaults for the candidate's name, rubrics, banks, colour and data
//! folder, so a coach does not repeat them on every command.
//!
//! The file is `$STARCOACH_CONFIG` when set (an empty value means: no config file), else
//! `$XDG_CONFIG_HOME/starcoach/config.toml`, else `~/.config/starcoach/config.toml`. A missing
//! default file is fine; a file named by `STARCOACH_CONFIG` must exist. Unknown keys are errors
//! that name the key, like every other data file.
//!
//! Each setting is taken from the first place that has it: a command-line flag, then an
//! environment variable, then this file, then the built-in default. Rubrics and banks are
//! layers: the file's come first, then the environment's, then the flags', and a later layer
//! wins for the question kinds (rubrics) or bank ids (banks) it covers.
//!
//! ```toml
//! name = "Alex Doe"
//! rubric = ["~/coaching/rubrics/behavioral.toml"]   # or one path as a string
//! banks = ["~/coaching/banks"]
//! color = "never"                                  # auto, always or never
//! data_dir = "~/coaching/history"
//! level = "entry"                                  # entry, experienced or senior
//! english = true                                   # written-English notes in analyze and grade too
//! english_dialect = "british"                      # american (default), british, australian, canadian, indian
//! english_words = ["~/coaching/company-names.txt"] # more words never called misspelled
//! ```
//!
//! Relative paths are relative to the config file's folder; `~/` is the home folder.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Diagnostics, from_toml_error};
use crate::error::{Error, Result, read_text};
use crate::feedback::markup::ColorChoice;

/// The environment variable that names the config file.
pub const CONFIG_ENV: &str = "STARCOACH_CONFIG";

/// The settings read from the config file (all optional).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file the settings came from, when there was one.
    pub path: Option<PathBuf>,
    pub name: Option<String>,
    pub rubrics: Vec<PathBuf>,
    pub banks: Vec<PathBuf>,
    pub color: Option<ColorChoice>,
    pub data_dir: Option<PathBuf>,
    /// The experience level answers are judged against (`--level`).
    pub level: Option<crate::rubric::Level>,
    /// Written-English notes: `Some(true)` everywhere, `Some(false)` nowhere, unset: in
    /// practice only.
    pub english: Option<bool>,
    pub english_dialect: Option<crate::english::Dialect>,
    /// Word files for the English checker's dictionary.
    pub english_words: Vec<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    name: Option<Spanned<String>>,
    #[serde(default, alias = "rubrics")]
    rubric: Option<OneOrMany>,
    #[serde(default, alias = "bank")]
    banks: Option<OneOrMany>,
    #[serde(default, alias = "colour")]
    color: Option<Spanned<String>>,
    #[serde(default)]
    data_dir: Option<String>,
    #[serde(default)]
    level: Option<Spanned<String>>,
    english: Option<bool>,
    #[serde(default, alias = "english_variant")]
    english_dialect: Option<Spanned<String>>,
    #[serde(default)]
    english_words: Option<OneOrMany>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Where the config file is looked for; `None` when `STARCOACH_CONFIG` is set but empty, or no
/// home folder is known.
pub fn location() -> Option<PathBuf> {
    if let Some(v) = std::env::var_os(CONFIG_ENV) {
        return (!v.is_empty()).then(|| PathBuf::from(v));
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("starcoach/config.toml"));
    }
    home().map(|h| h.join(".config/starcoach/config.toml"))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Reads the config file, if there is one.
pub fn load() -> Result<Config> {
    let Some(path) = location() else {
        return Ok(Config::default());
    };
    let named = std::env::var_os(CONFIG_ENV).is_some();
    if !named && !path.is_file() {
        return Ok(Config::default());
    }
    let text = read_text(&path).map_err(|e| match e {
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            Error::Usage(format!(
                "{}: no such config file (named by {CONFIG_ENV}); create it or unset {CONFIG_ENV}",
                path.display()
            ))
        }
        e => e,
    })?;
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut config = parse(&path.display().to_string(), &text, &base).map_err(Error::Invalid)?;
    config.path = Some(path);
    Ok(config)
}

/// Parses config text; relative paths are resolved against `base`.
pub fn parse(file: &str, text: &str, base: &Path) -> std::result::Result<Config, Diagnostics> {
    let raw: Raw =
        toml::from_str(text).map_err(|e| Diagnostics(vec![from_toml_error(file, text, &e)]))?;
    let mut problems = Diagnostics::default();
    let color =
        raw.color
            .as_ref()
            .and_then(|c| match c.get_ref().trim().to_ascii_lowercase().as_str() {
                "auto" => Some(ColorChoice::Auto),
                "always" => Some(ColorChoice::Always),
                "never" => Some(ColorChoice::Never),
                other => {
                    problems.push(
                        Diagnostic::at(file, text, c.span(), format!("unknown colour `{other}`"))
                            .with_help("use \"auto\", \"always\" or \"never\""),
                    );
                    None
                }
            });
    let name = raw.name.as_ref().and_then(|n| {
        let t = n.get_ref().trim();
        if t.is_empty() {
            problems.push(
                Diagnostic::at(file, text, n.span(), "name is empty")
                    .with_help("write the candidate's name, or remove the line"),
            );
            None
        } else {
            Some(t.to_string())
        }
    });
    let level = raw.level.as_ref().and_then(|l| match l.get_ref().parse() {
        Ok(level) => Some(level),
        Err(e) => {
            problems.push(
                Diagnostic::at(file, text, l.span(), e)
                    .with_help("the level answers are judged against, as --level takes it"),
            );
            None
        }
    });
    let english_dialect = raw.english_dialect.as_ref().and_then(|d| {
        d.get_ref()
            .parse::<crate::english::Dialect>()
            .map_err(|e| problems.push(Diagnostic::at(file, text, d.span(), e)))
            .ok()
    });
    let paths = |v: Option<OneOrMany>| -> Vec<PathBuf> {
        v.map(OneOrMany::into_vec)
            .unwrap_or_default()
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| resolve(s, base))
            .collect()
    };
    let config = Config {
        path: None,
        name,
        rubrics: paths(raw.rubric),
        banks: paths(raw.banks),
        color,
        data_dir: raw
            .data_dir
            .filter(|s| !s.trim().is_empty())
            .map(|s| resolve(&s, base)),
        level,
        english: raw.english,
        english_dialect,
        english_words: paths(raw.english_words),
    };
    problems.into_result(config)
}

/// `~/x` is in the home folder; a relative path is relative to `base`.
fn resolve(p: &str, base: &Path) -> PathBuf {
    if let (Some(rest), Some(h)) = (p.strip_prefix("~/"), home()) {
        return h.join(rest);
    }
    let path = PathBuf::from(p);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting_and_resolves_paths_beside_the_file() {
        let c = parse(
            "config.toml",
            "name = \"Alex\"\nrubric = \"r/behavioral.toml\"\nbanks = [\"/abs/banks\", \"b.toml\"]\ncolor = \"never\"\ndata_dir = \"hist\"\n",
            Path::new("/etc/sc"),
        )
        .unwrap();
        assert_eq!(c.name.as_deref(), Some("Alex"));
        assert_eq!(c.rubrics, [PathBuf::from("/etc/sc/r/behavioral.toml")]);
        assert_eq!(
            c.banks,
            [PathBuf::from("/abs/banks"), PathBuf::from("/etc/sc/b.toml")]
        );
        assert_eq!(c.color, Some(ColorChoice::Never));
        assert_eq!(c.data_dir, Some(PathBuf::from("/etc/sc/hist")));
        let c = parse("c.toml", "level = \"entry\"\n", Path::new(".")).unwrap();
        assert_eq!(c.level, Some(crate::rubric::Level::Entry));
        let e = parse("c.toml", "level = \"guru\"\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.toml:1:9: unknown level `guru`"), "{e}");
    }

    #[test]
    fn unknown_keys_and_values_are_located() {
        let e = parse("c.toml", "nmae = \"x\"\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.toml:1:1: unknown field `nmae`"), "{e}");
        let e = parse("c.toml", "color = \"blue\"\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.toml:1:9: unknown colour `blue`"), "{e}");
        assert!(e.contains("\"auto\", \"always\" or \"never\""), "{e}");
    }

    #[test]
    fn english_settings_are_read_and_a_bad_dialect_is_located() {
        let c = parse(
            "c.toml",
            "english = true\nenglish_dialect = \"British\"\nenglish_words = \"w.txt\"\n",
            Path::new("/etc/sc"),
        )
        .unwrap();
        assert_eq!(c.english, Some(true));
        assert_eq!(c.english_dialect, Some(crate::english::Dialect::British));
        assert_eq!(c.english_words, [PathBuf::from("/etc/sc/w.txt")]);
        let e = parse("c.toml", "english_dialect = \"martian\"\n", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("c.toml:1:19: unknown English dialect `martian`"),
            "{e}"
        );
    }

    #[test]
    fn an_empty_file_sets_nothing() {
        assert_eq!(
            parse("c.toml", "", Path::new(".")).unwrap(),
            Config::default()
        );
    }
}
