//! `starcoach analyze`: one answer from a file or stdin, feedback in text, JSON or Markdown.

use std::io::Read;
use std::path::Path;

use super::args::{AnalyzeArgs, InputFormat, OutputFormat};
use super::{EXIT_ATTENTION, EXIT_OK, Global, Outcome, out_raw};
use crate::analyze::{Analyzer, Context};
use crate::bank::{Kind, Question};
use crate::error::Error;
use crate::feedback::{self, text::Layout};

/// The most an answer may be (a pasted essay is fine; a binary file is not).
pub const MAX_ANSWER_BYTES: usize = crate::answer::MAX_BYTES;

/// An answer read from input, with what the input said about its question.
#[derive(Debug, Default)]
pub struct Input {
    pub answer: String,
    pub question: Option<String>,
    pub question_text: Option<String>,
    pub kind: Option<Kind>,
}

/// Reads the answer text from `path` (or stdin for `-`), checking size and encoding.
pub fn read_answer_bytes(path: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            eprintln_hint("reading the answer from the terminal; end it with Ctrl-D");
        }
        std::io::stdin()
            .take(MAX_ANSWER_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        f.take(MAX_ANSWER_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    }
    if bytes.len() > MAX_ANSWER_BYTES {
        return Err(Error::Usage(format!(
            "{}: the answer is over {} MB; is this the right file?",
            display(path),
            MAX_ANSWER_BYTES >> 20
        )));
    }
    if crate::error::looks_utf16(&bytes) {
        return Err(Error::Usage(format!(
            "{}: {}",
            display(path),
            crate::error::UTF16_ADVICE
        )));
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: display(path).into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn eprintln_hint(s: &str) {
    super::note(s);
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// Interprets the input as text, JSON or Markdown.
pub fn parse_input(raw: String, path: &Path, format: InputFormat) -> Result<Input, Error> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match format {
        InputFormat::Auto if ext.eq_ignore_ascii_case("json") => InputFormat::Json,
        InputFormat::Auto
            if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") =>
        {
            InputFormat::Markdown
        }
        InputFormat::Auto if raw.trim_start().starts_with('{') => InputFormat::Json,
        InputFormat::Auto => InputFormat::Text,
        f => f,
    };
    match format {
        InputFormat::Json => parse_json(&raw, path),
        InputFormat::Markdown => Ok(Input {
            answer: crate::answer::from_markdown(&raw),
            ..Input::default()
        }),
        _ => Ok(Input {
            answer: raw,
            ..Input::default()
        }),
    }
}

fn parse_json(raw: &str, path: &Path) -> Result<Input, Error> {
    #[derive(serde::Deserialize)]
    struct J {
        #[serde(alias = "text")]
        answer: String,
        #[serde(default, alias = "question_id")]
        question: Option<String>,
        #[serde(default)]
        question_text: Option<String>,
        #[serde(default)]
        kind: Option<Kind>,
    }
    let j: J = serde_json::from_str(raw).map_err(|e| {
        Error::Usage(format!(
            "{}:{}:{}: not the JSON starcoach reads: {}; expected an object like {{\"answer\": \"...\", \"question\": \"an-id\"}} (for many answers use `starcoach grade`)",
            display(path),
            e.line(),
            e.column(),
            e
        ))
    })?;
    Ok(Input {
        answer: j.answer,
        question: j.question,
        question_text: j.question_text,
        kind: j.kind,
    })
}

pub fn run(g: &Global, a: AnalyzeArgs) -> Outcome {
    let raw = read_answer_bytes(&a.input)?;
    let input = parse_input(raw, &a.input, a.input_format)?;
    let normalized = crate::answer::normalize(&input.answer);
    let answer = crate::answer::check(&normalized)?;
    let catalog = g.catalog()?;
    let rubrics = g.rubrics()?;
    let question_id = a.question.clone().or(input.question.clone());
    let question_text = a.question_text.clone().or(input.question_text.clone());
    // A question given by its text is the bank question with that text, if there is one
    // (and then used as if its id had been given).
    let question: Option<&Question> = match (&question_id, &question_text) {
        (Some(id), _) => Some(catalog.require(id)?),
        (None, Some(text)) => catalog.find_by_text(text),
        (None, None) => None,
    };
    let kind = question.map(|q| q.kind).or(input.kind).unwrap_or(a.kind);
    let analyzer = Analyzer::new(&rubrics);
    let ctx = Context { kind, question };
    let analysis = analyzer.analyze_in(answer, ctx);
    let rubric = rubrics.for_kind(kind);
    let mut fb = feedback::coach(&analysis, rubric, question);
    if let Some(settings) = super::english::settings(&a.english, &g.config, false)? {
        let mut checker = crate::english::Checker::load(&settings)?;
        fb.language = super::english::check(&mut checker, &analysis);
    }
    let title = question.map(|q| q.text.clone()).or(question_text);
    let text = match a.format {
        OutputFormat::Json => {
            let mut s = feedback::json::to_string_at(&analysis, &fb, rubric.level.as_ref());
            s.push('\n');
            s
        }
        OutputFormat::Markdown => feedback::markdown::render(
            &analysis,
            &fb,
            rubric,
            title.as_deref().unwrap_or("Your answer"),
        ),
        OutputFormat::Text => {
            let width = crate::prose::terminal_width().clamp(40, 120);
            let mut m = crate::feedback::markup::Markup::new();
            if let Some(t) = &title {
                for (i, line) in crate::prose::wrap(t, width - 3).into_iter().enumerate() {
                    m.plain(if i == 0 { "Q: " } else { "   " })
                        .push(crate::feedback::markup::Role::Heading, line)
                        .nl();
                }
                m.nl();
            }
            m.append(feedback::text::render(
                &analysis,
                &fb,
                rubric,
                Layout {
                    width,
                    ..Layout::default()
                },
            ));
            if a.explain {
                m.nl().append(feedback::text::explain(&analysis));
            }
            m.render(g.color_stdout())
        }
    };
    out_raw(&text)?;
    Ok(match a.fail_under {
        Some(min) if analysis.overall < min => EXIT_ATTENTION,
        _ => EXIT_OK,
    })
}
