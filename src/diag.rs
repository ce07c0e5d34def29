//! Located, plain-English diagnostics for data files (banks, rubrics, drills).
//!
//! A [`Diagnostic`] names the file, the line and column, says what is wrong and what to do about
//! it, and shows the offending line with a caret under the span, in the style of `rustc` and
//! `just`. Positions are computed from byte offsets only when a diagnostic is built, so loaders
//! can carry cheap byte spans (`toml::Spanned`) around.

use std::fmt;
use std::ops::Range;

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `embedded:prompts/x.toml` for built-in data).
    pub file: String,
    /// 1-based line; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, one sentence, no trailing period.
    pub message: String,
    /// What to do about it, when we know.
    pub help: Option<String>,
    /// The source line and the character range to underline in it.
    pub snippet: Option<Snippet>,
}

/// The line a diagnostic points at, with the part to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Character (not byte) offsets into `text`.
    pub underline: Range<usize>,
}

impl Diagnostic {
    /// A diagnostic about a whole file (no position).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    /// A diagnostic pointing at `span` (byte offsets) inside `source`.
    pub fn at(
        file: impl Into<String>,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let mut d = Diagnostic::file(file, message);
        let (line, column, snippet) = locate(source, span);
        d.line = line;
        d.column = column;
        d.snippet = Some(snippet);
        d
    }

    /// Adds the "what to do" part.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Turns a byte span into (line, column, snippet). Out-of-range or mid-character spans are
/// clamped, so a diagnostic can always be shown.
pub fn locate(source: &str, span: Range<usize>) -> (usize, usize, Snippet) {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_no = source[..start].matches('\n').count() + 1;
    let raw_line = &source[line_start..line_end];
    let text = raw_line.trim_end_matches('\r').to_string();
    let col0 = source[line_start..start].chars().count();
    let underline_end = if end <= line_end {
        col0 + source[start..end].chars().count()
    } else {
        text.chars().count()
    };
    let underline = col0..underline_end.max(col0 + 1);
    (line_no, col0 + 1, Snippet { text, underline })
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )?;
        } else {
            write!(f, "{}: {}", self.file, self.message)?;
        }
        if let Some(snippet) = &self.snippet {
            let gutter = self.line.to_string().len();
            let pad = " ".repeat(gutter);
            let lead: String = snippet
                .text
                .chars()
                .take(snippet.underline.start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let carets = "^".repeat(snippet.underline.len().max(1));
            write!(
                f,
                "\n{pad} |\n{line} | {text}\n{pad} | {lead}{carets}",
                line = self.line,
                text = snippet.text,
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Several diagnostics, shown one after another with a count at the end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Adds `other`'s diagnostics, skipping any already present (a broken base file is
    /// reported once, not once per rubric that extends it).
    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.0 {
            if !self.0.contains(&d) {
                self.0.push(d);
            }
        }
    }
    /// `Ok(value)` when there were no problems, else all of them.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
        }
        if self.0.len() > 1 {
            write!(f, "\n\n{} problems found", self.0.len())?;
        }
        Ok(())
    }
}

/// Rewrites a serde/toml message into plainer English, and suggests a fix where the shape of the
/// message tells us one (unknown field, unknown variant, missing field).
pub fn explain_toml_message(message: &str) -> (String, Option<String>) {
    let full = message.trim().trim_end_matches('.').to_string();
    // "unknown field `x`, expected one of ..." -> the message names the problem, the help the fix.
    let message = match full.split_once(", expected") {
        Some((head, _)) if head.starts_with("unknown ") => head.to_string(),
        _ => full.clone(),
    };
    let message_for_help = full;
    let help = if let Some(rest) = message_for_help.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let expected = rest.split_once("expected ").map(|(_, e)| e.to_string());
        Some(match expected {
            Some(e) => format!("remove `{field}` or rename it; allowed keys here: {e}"),
            None => format!("remove `{field}`; it is not a key here"),
        })
    } else if message_for_help.starts_with("unknown variant `") {
        let expected = message_for_help
            .split_once("expected ")
            .map(|(_, e)| e.to_string());
        expected.map(|e| format!("use {e}"))
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        Some(format!("add `{field} = ...` to this table"))
    } else if message.contains("duplicate key") {
        Some("each key may appear once per table; remove or rename the second one".to_string())
    } else if let Some(rest) = message_for_help
        .strip_prefix("invalid type: ")
        .or_else(|| message_for_help.strip_prefix("invalid value: "))
    {
        let expected = rest.split_once(", expected ").map(|(_, e)| e);
        Some(match expected {
            Some("a sequence") => "use a list in square brackets, e.g. [\"one\", \"two\"]".into(),
            Some("a string") => "put the text in double quotes".into(),
            Some(e) => format!("use {e} here"),
            None => "check the type of this value".into(),
        })
    } else {
        // Anything else is a syntax error; the caret may be just past the real mistake.
        Some(
            "this is not valid TOML: check the quotes, brackets and `key = value` on this line and the one before"
                .to_string(),
        )
    };
    (message, help)
}

/// Builds a diagnostic from a `toml` parse/deserialize error.
pub fn from_toml_error(file: &str, source: &str, err: &toml::de::Error) -> Diagnostic {
    let (message, help) = explain_toml_message(err.message());
    let mut d = match err.span() {
        Some(span) => Diagnostic::at(file, source, span, message),
        None => Diagnostic::file(file, message),
    };
    d.help = help;
    // A quote inside a single-quoted (literal) string ends it early: the classic regex mistake.
    // (Say so rather than the general syntax help.)
    let general = d
        .help
        .as_deref()
        .is_none_or(|h| h.starts_with("this is not valid TOML"));
    if general
        && d.snippet
            .as_ref()
            .is_some_and(|s| s.text.contains("= '") && s.text.matches('\'').count() > 2)
    {
        d.help = Some(
            "a single-quoted TOML string cannot contain `'`: write \\x27 in a regex, or use a double-quoted string with escaped backslashes".to_string(),
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let src = "a = 1\nkind = \"behaviour\"\n";
        let start = src.find("\"behaviour\"").unwrap();
        let d = Diagnostic::at("x.toml", src, start..start + 11, "unknown kind");
        assert_eq!((d.line, d.column), (2, 8));
        let shown = d.to_string();
        assert!(shown.starts_with("x.toml:2:8: unknown kind"), "{shown}");
        assert!(shown.contains("2 | kind = \"behaviour\""), "{shown}");
        assert!(shown.contains("  |        ^^^^^^^^^^^"), "{shown}");
    }

    #[test]
    fn clamps_spans_that_are_out_of_range_or_split_a_character() {
        let src = "é = 1";
        let (line, col, snip) = locate(src, 1..99);
        assert_eq!((line, col), (1, 1));
        assert_eq!(snip.text, "é = 1");
    }

    #[test]
    fn syntax_and_type_errors_get_a_help_line() {
        let (_, h) = explain_toml_message("invalid basic string, expected `\"`");
        assert_eq!(
            h.unwrap(),
            "this is not valid TOML: check the quotes, brackets and `key = value` on this line and the one before"
        );
        let (_, h) = explain_toml_message("invalid type: string \"empathy\", expected a sequence");
        assert_eq!(
            h.unwrap(),
            "use a list in square brackets, e.g. [\"one\", \"two\"]"
        );
    }

    #[test]
    fn explains_unknown_fields_with_the_allowed_keys() {
        let (m, h) =
            explain_toml_message("unknown field `txt`, expected one of `id`, `text`, `kind`");
        assert_eq!(m, "unknown field `txt`");
        assert_eq!(
            h.unwrap(),
            "remove `txt` or rename it; allowed keys here: one of `id`, `text`, `kind`"
        );
    }
}
