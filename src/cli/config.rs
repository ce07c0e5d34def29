//! `starcoach config`: the settings in effect and where each one comes from, so a coach can
//! see why a rubric or bank is (or is not) being used.

use std::fmt::Write as _;

use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome, out, rubrics_from_env};
use crate::feedback::markup::ColorChoice;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Where a single-valued setting came from.
fn origin(value: Option<&str>, env_name: &str, flag: &str, config: Option<&str>) -> String {
    match value {
        None => "not set".into(),
        Some(v) if env(env_name).as_deref() == Some(v) => format!("from {env_name}"),
        Some(v) if config == Some(v) => "from the config file".into(),
        Some(_) => format!("from {flag}"),
    }
}

fn color_name(c: ColorChoice) -> &'static str {
    match c {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    }
}

pub fn run(g: &Global) -> Outcome {
    let c = &g.config;
    let mut s = String::new();
    let file = match (&c.path, crate::config::location()) {
        (Some(p), _) => format!("{} (read)", p.display()),
        (None, Some(p)) => format!("{} (not found; every setting is optional)", p.display()),
        (None, None) => format!("none ({} is empty)", crate::config::CONFIG_ENV),
    };
    let _ = writeln!(s, "config file  {file}");
    let name = g.name.as_deref();
    let _ = writeln!(
        s,
        "name         {:<28}  {}",
        name.unwrap_or("-"),
        origin(name, "STARCOACH_NAME", "--name", c.name.as_deref())
    );
    let color = color_name(g.color_choice());
    let color_origin = match (g.color, c.color) {
        (Some(_), _) if env("STARCOACH_COLOR").is_some() => "from STARCOACH_COLOR or --color",
        (Some(_), _) => "from --color",
        (None, Some(_)) => "from the config file",
        (None, None) => "default",
    };
    let _ = writeln!(s, "color        {color:<28}  {color_origin}");
    let data = crate::session::data_dir(g.data_dir.as_deref());
    let data_shown = data
        .as_ref()
        .map_or("-".to_string(), |p| p.display().to_string());
    let data_origin = match &g.data_dir {
        None => "default".to_string(),
        Some(p) => origin(
            Some(&p.display().to_string()),
            "STARCOACH_DATA_DIR",
            "--data-dir",
            c.data_dir
                .as_ref()
                .map(|d| d.display().to_string())
                .as_deref(),
        ),
    };
    let _ = writeln!(s, "data_dir     {data_shown:<28}  {data_origin}");
    let level = g.level.map_or("-", crate::rubric::Level::as_str);
    let level_origin = match (g.level, c.level) {
        (None, _) => "not set: one standard for everyone",
        (Some(l), Some(c)) if l == c => "from the config file",
        (Some(_), _) => "from --level",
    };
    let _ = writeln!(s, "level        {level:<28}  {level_origin}");
    let (english, english_origin) = match c.english {
        Some(true) => ("on everywhere", "from the config file"),
        Some(false) => ("off", "from the config file"),
        None => ("in practice", "default (--english for analyze and grade)"),
    };
    let english = if crate::english::AVAILABLE {
        english
    } else {
        "not built in"
    };
    let _ = writeln!(s, "english      {english:<28}  {english_origin}");
    let dialect = c.english_dialect.unwrap_or_default();
    let dialect_origin = if c.english_dialect.is_some() {
        "from the config file"
    } else {
        "default"
    };
    let _ = writeln!(s, "dialect      {:<28}  {dialect_origin}", dialect.as_str());
    for p in &c.english_words {
        let _ = writeln!(s, "words        {} (config file)", p.display());
    }
    let layers = |config: &[std::path::PathBuf],
                  env: Vec<std::path::PathBuf>,
                  env_name: &str,
                  flags: &[std::path::PathBuf],
                  flag: &str|
     -> Vec<(String, Option<std::path::PathBuf>)> {
        let mut v = vec![("built-in".to_string(), None)];
        let from = |p: &std::path::PathBuf, origin: &str| {
            (format!("{} ({origin})", p.display()), Some(p.clone()))
        };
        v.extend(config.iter().map(|p| from(p, "config file")));
        v.extend(env.iter().map(|p| from(p, env_name)));
        v.extend(flags.iter().map(|p| from(p, flag)));
        v
    };
    let rubric_layers = layers(
        &c.rubrics,
        rubrics_from_env(),
        "STARCOACH_RUBRICS",
        &g.rubrics,
        "--rubric",
    );
    let bank_env: Vec<std::path::PathBuf> = crate::bank::sources_from_env()
        .into_iter()
        .filter_map(|b| match b {
            crate::bank::BankSource::Path(p) => Some(p),
            crate::bank::BankSource::Text { .. } => None,
        })
        .collect();
    let bank_layers = layers(&c.banks, bank_env, "STARCOACH_BANKS", &g.banks, "--bank");
    let mut missing = Vec::new();
    for (label, what, list) in [
        ("rubrics", "rubric", rubric_layers),
        ("banks", "bank", bank_layers),
    ] {
        for (i, (l, path)) in list.iter().enumerate() {
            let _ = write!(s, "{:<12} {l}", if i == 0 { label } else { "" });
            if let Some(p) = path.as_ref().filter(|p| !p.exists()) {
                s.push_str("  NOT FOUND");
                missing.push(format!(
                    "warning: the {what} file {} does not exist ({}): commands that load {what}s \
                     (analyze, practice, grade...) will stop with an error until it is created or \
                     taken out of the setting",
                    p.display(),
                    l.rsplit_once(" (")
                        .map_or("", |(_, o)| o.trim_end_matches(')'))
                ));
            }
            s.push('\n');
        }
    }
    let _ = writeln!(
        s,
        "\nA flag wins over an environment variable, which wins over the config file. Later\nrubric and bank layers win for the question kinds and bank ids they cover;\n`starcoach rubric show --effective` prints the rubric in use."
    );
    out(&s)?;
    for m in &missing {
        super::note(m);
    }
    Ok(if missing.is_empty() {
        EXIT_OK
    } else {
        EXIT_ATTENTION
    })
}
