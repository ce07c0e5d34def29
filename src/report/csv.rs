//! Every answer as one CSV row, for spreadsheets (RFC 4180: comma-separated, fields quoted
//! when needed, CRLF line ends, a header row).
//!
//! One column per dimension scored anywhere in the selection (empty where an answer's rubric
//! does not score it); findings are joined with `;`. Free-text cells that a spreadsheet would
//! read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`.

use super::Progress;
use crate::rubric::Dimension;

/// The fixed columns, before the dimensions.
pub const COLUMNS: [&str; 16] = [
    "time",
    "session",
    "name",
    "question",
    "question_text",
    "kind",
    "tags",
    "attempt",
    "retry",
    "follow_up_answer",
    "words",
    "overall",
    "band",
    "episode",
    "star",
    "findings",
];

/// Quotes a field when it holds a comma, quote or line break. Control characters (other than
/// line breaks and tabs) are shown as visible stand-ins ([`crate::safe_text::visible`]).
pub fn field(s: &str) -> String {
    let s = crate::safe_text::visible(s);
    let s = s.as_ref();
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A free-text field, defused against spreadsheet formulas, then quoted.
pub fn text_field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        field(&format!("'{s}"))
    } else {
        field(s)
    }
}

fn score(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    format!("{r}")
}

/// The CSV document.
pub fn render(p: &Progress) -> String {
    let dims: Vec<Dimension> = p.dimensions.iter().map(|d| d.dimension).collect();
    let mut out = String::new();
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(dims.iter().map(|d| d.as_str().to_string()));
    header.push("answer".into());
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for a in &p.attempts {
        let mut row = vec![
            field(&a.time),
            field(&a.session),
            text_field(a.name.as_deref().unwrap_or("")),
            field(&a.question),
            text_field(&a.question_text),
            a.kind.as_str().to_string(),
            field(&a.tags.join(";")),
            a.attempt.to_string(),
            a.retry.to_string(),
            a.follow_up_answer.to_string(),
            a.words.to_string(),
            score(a.overall),
            field(&a.band),
            a.episode.as_str().to_string(),
            field(&a.star),
            field(&a.findings.join(";")),
        ];
        for d in &dims {
            row.push(
                a.scores
                    .iter()
                    .find(|(x, _)| x == d)
                    .map(|(_, s)| score(*s))
                    .unwrap_or_default(),
            );
        }
        row.push(text_field(&a.answer));
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed_and_defuses_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\"\nthen"), "\"say \"\"hi\"\"\nthen\"");
        assert_eq!(text_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(text_field("-1, then"), "\"'-1, then\"");
        assert_eq!(text_field("I helped"), "I helped");
    }
}
