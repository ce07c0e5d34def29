//! An answer as the candidate gives it: checked for being answerable and normalized once
//! (line endings, Markdown markup) before analysis. Spans in an analysis refer to the text
//! returned here.

use std::borrow::Cow;

use crate::error::Error;

/// Answers with fewer words than this get feedback, but are called out as too short to judge.
pub const MIN_WORDS: usize = 3;

/// The most an answer may be, everywhere (analyze, grade, practice): a pasted essay is fine,
/// a binary file or a runaway paste is not.
pub const MAX_BYTES: usize = 4 << 20;

/// Checks that there is something to analyze and normalizes line endings (CRLF and lone CR
/// become LF; NUL and other control characters except tab and newline become spaces).
pub fn check(answer: &str) -> Result<&str, Error> {
    if crate::safe_text::is_blank(answer) {
        return Err(Error::Usage(
            "nothing to analyze: the answer is empty".into(),
        ));
    }
    Ok(answer)
}

/// The answer with line endings and control characters normalized.
pub fn normalize(answer: &str) -> Cow<'_, str> {
    if !answer
        .chars()
        .any(|c| c == '\r' || (c.is_control() && c != '\n' && c != '\t'))
    {
        return Cow::Borrowed(answer);
    }
    let mut out = String::with_capacity(answer.len());
    let mut chars = answer.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Plain text from a Markdown answer: headings, emphasis, block quotes and link targets are
/// dropped; line structure and list items are kept.
pub fn from_markdown(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut in_fence = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let t = t.trim_start_matches('>').trim_start();
        let t = t.trim_start_matches('#').trim_start();
        let mut s = String::with_capacity(t.len());
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' | '_' if chars.peek() == Some(&c) => {
                    chars.next();
                }
                '*' => {}
                '`' => {}
                '[' => {
                    // [text](url) -> text
                    let mut label = String::new();
                    let mut closed = false;
                    for n in chars.by_ref() {
                        if n == ']' {
                            closed = true;
                            break;
                        }
                        label.push(n);
                    }
                    s.push_str(&label);
                    if closed && chars.peek() == Some(&'(') {
                        for n in chars.by_ref() {
                            if n == ')' {
                                break;
                            }
                        }
                    }
                }
                c => s.push(c),
            }
        }
        out.push_str(&s);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_answers_are_refused() {
        assert!(check("  \n\t ").is_err());
        assert!(check("I helped.").is_ok());
    }

    #[test]
    fn normalizes_line_endings_and_controls() {
        assert_eq!(normalize("a\r\nb\rc\u{0}d"), "a\nb\nc d");
        assert!(matches!(normalize("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn strips_markdown() {
        let md = "# My answer\n**Situation:** I was a *cashier* at [Acme](http://acme.com).\n- I listened\n> quoted";
        assert_eq!(
            from_markdown(md),
            "My answer\nSituation: I was a cashier at Acme.\n- I listened\nquoted\n"
        );
    }
}
