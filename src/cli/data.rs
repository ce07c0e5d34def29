//! `starcoach bank ...` and `starcoach rubric ...`: checking, showing and copying data files.

use std::fmt::Write as _;
use std::path::Path;

use super::args::{BankAction, BankArgs, RubricAction, RubricArgs};
use super::{EXIT_OK, Global, Outcome, out};
use crate::analyze::check_examples;
use crate::bank::{BankSource, Catalog};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::rubric::{Effect, Rubric, load_rubric_file};

pub fn bank(_g: &Global, b: BankArgs) -> Outcome {
    let BankAction::Check { paths } = b.action;
    let sources: Vec<BankSource> = paths.iter().cloned().map(BankSource::Path).collect();
    // Each file on its own first (its own problems), then together with the shipped banks
    // (question ids must stay unique unless a bank replaces a shipped one).
    let alone = Catalog::load_only(&sources)?;
    Catalog::load(&sources)?;
    let mut s = String::new();
    for bank in alone.banks() {
        let n = bank.questions.len();
        let _ = writeln!(
            s,
            "ok  {}  bank `{}`: {n} question{}",
            bank.origin,
            bank.id,
            if n == 1 { "" } else { "s" }
        );
    }
    out(&s)?;
    Ok(EXIT_OK)
}

pub fn rubric(g: &Global, r: RubricArgs) -> Outcome {
    match r.action {
        RubricAction::Check { paths } => check(&paths),
        RubricAction::Show { kind, effective } => {
            let set = g.rubrics()?;
            let rubric = set.for_kind(kind);
            let text = if effective {
                effective_view(rubric)
            } else {
                source_text(rubric)?
            };
            out(&text)?;
            Ok(EXIT_OK)
        }
        RubricAction::Init { dir } => init(&dir),
        RubricAction::Compare {
            old,
            new,
            inputs,
            format,
            kind,
            input_format,
        } => super::grade::compare_cmd(g, &old, &new, &inputs, format, kind, input_format),
    }
}

fn check(paths: &[std::path::PathBuf]) -> Outcome {
    let mut problems = Diagnostics::default();
    let mut report = String::new();
    for p in paths {
        match load_rubric_file(p) {
            Ok(rubric) => {
                let failures = check_examples(&rubric);
                let examples: usize = rubric.rules.iter().map(|r| r.examples.len()).sum::<usize>()
                    + rubric.cues.iter().map(|c| c.examples.len()).sum::<usize>();
                if failures.is_empty() {
                    let base = if rubric.kinds.is_empty() {
                        " (a base rubric: it scores no kind of question itself; the rubrics that extend it are what --rubric takes)"
                    } else {
                        ""
                    };
                    let _ = writeln!(
                        report,
                        "ok  {}  rubric `{}`: {} rules, {} cues, {} lexicons; all {} examples hold{base}",
                        p.display(),
                        rubric.id,
                        rubric.rules.len(),
                        rubric.cues.len(),
                        rubric.lexicon_names.len(),
                        examples
                    );
                }
                for f in failures {
                    problems.push(
                        Diagnostic::file(
                            f.origin.clone(),
                            format!(
                                "{} example {:?}: expected {}, got {}",
                                f.owner, f.text, f.expected, f.got
                            ),
                        )
                        .with_help("fix the rule, or the example if the rule is right"),
                    );
                }
            }
            Err(Error::Invalid(d)) => problems.extend(d),
            Err(e) => return Err(e),
        }
    }
    out(&report)?;
    if problems.is_empty() {
        Ok(EXIT_OK)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The TOML text of the rubric's own file.
fn source_text(rubric: &Rubric) -> Result<String, Error> {
    if let Some(path) = rubric.origin.strip_prefix("embedded:") {
        if let Some((_, text)) = crate::embedded::RUBRICS.iter().find(|(p, _)| *p == path) {
            return Ok(format!("# {}\n{}", rubric.origin, text));
        }
    }
    let text = crate::error::read_text(Path::new(&rubric.origin))?;
    Ok(format!("# {}\n{}", rubric.origin, text))
}

/// The merged rubric as it is used: weights, bands, every rule and cue with its numbers.
fn effective_view(r: &Rubric) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# rubric `{}`: {}", r.id, r.title);
    let _ = writeln!(s, "# assembled from: {}", r.files.join(" + "));
    let kinds: Vec<&str> = r.kinds.iter().map(|k| k.as_str()).collect();
    let _ = writeln!(s, "# scores: {}\n", kinds.join(", "));
    let _ = writeln!(s, "[dimensions]");
    for (d, w) in &r.weights {
        let _ = writeln!(s, "{d} = {w}");
    }
    let _ = writeln!(
        s,
        "\n# bands: {}",
        r.bands
            .iter()
            .map(|b| format!("{} from {}", b.name, b.min))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        s,
        "# speaking time: {} words a minute, target {:?} seconds\n",
        r.delivery.words_per_minute, r.delivery.target_seconds
    );
    for rule in &r.rules {
        let _ = writeln!(s, "[[rule]]  # {}", rule.origin);
        let _ = writeln!(s, "id = {:?}", rule.id);
        let _ = writeln!(s, "kind = {:?}", rule.kind.as_str());
        let _ = writeln!(s, "dimension = {:?}", rule.dimension.as_str());
        let _ = writeln!(s, "severity = {:?}", rule.severity.as_str());
        match rule.effect {
            Effect::Credit { points, min, max } => {
                let _ = writeln!(s, "points = {points}\nmin = {min}");
                if let Some(max) = max {
                    let _ = writeln!(s, "max = {max}");
                }
            }
            Effect::Penalty { penalty, max, cap } => {
                let _ = writeln!(s, "penalty = {penalty}\nmax = {max}");
                if cap.is_finite() {
                    let _ = writeln!(s, "cap = {cap}");
                }
            }
        }
        if !rule.scope.is_empty() {
            let scope: Vec<&str> = rule.scope.iter().map(|l| l.as_str()).collect();
            let _ = writeln!(s, "scope = {scope:?}");
        }
        let _ = writeln!(
            s,
            "message = {:?}\nsuggestion = {:?}\n",
            rule.message, rule.suggestion
        );
    }
    let _ = writeln!(s, "# {} cues", r.cues.len());
    for c in &r.cues {
        let _ = writeln!(
            s,
            "#   {:<28} {:?} weight {}  ({})",
            c.id, c.target, c.weight, c.origin
        );
    }
    let _ = writeln!(s, "\n# lexicons");
    for (name, terms) in r.lexicon_names.iter().zip(&r.lexicon_terms) {
        let _ = writeln!(s, "#   {name}: {} terms", terms.len());
    }
    s
}

fn init(dir: &Path) -> Outcome {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut s = String::new();
    for (path, text) in crate::embedded::RUBRICS {
        let name = Path::new(path)
            .file_name()
            .expect("embedded files have names");
        let dest = dir.join(name);
        if dest.exists() {
            let _ = writeln!(s, "kept     {} (already exists)", dest.display());
            continue;
        }
        std::fs::write(&dest, text).map_err(|e| Error::io(&dest, e))?;
        let _ = writeln!(s, "wrote    {}", dest.display());
    }
    let _ = writeln!(
        s,
        "\nEdit a rubric, check it with `starcoach rubric check {0}/behavioral.toml`,\nsee what it changes on real answers with `starcoach rubric compare current {0} answers.csv`,\nthen use it with `starcoach --rubric {0}/behavioral.toml ...` (it extends {0}/common.toml)\nor name it under `rubric` in ~/.config/starcoach/config.toml.",
        dir.display()
    );
    out(&s)?;
    Ok(EXIT_OK)
}
