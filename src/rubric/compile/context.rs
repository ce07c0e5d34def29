//! The compile context: problems found so far, lexicons, and patterns with `{lexicon}`
//! references expanded.

use super::*;

/// Collects problems while compiling.
pub(super) struct Ctx<'a> {
    pub(super) srcs: &'a [Src],
    pub(super) problems: Diagnostics,
    pub(super) lexicon_names: Vec<String>,
    pub(super) lexicon_terms: Vec<Vec<String>>,
    /// Byte offsets of each file's line starts, made on first use.
    pub(super) line_starts: Vec<std::cell::OnceCell<Vec<usize>>>,
}

impl Ctx<'_> {
    pub(super) fn err(
        &mut self,
        file: usize,
        span: std::ops::Range<usize>,
        msg: String,
        help: &str,
    ) {
        let s = &self.srcs[file];
        self.problems
            .push(Diagnostic::at(&s.name, &s.text, span, msg).with_help(help));
    }

    /// Checks that `value`, the setting `what` (e.g. "rule `x`: `points`"), is a finite number
    /// from `lo` to `hi`; if not, says which of the three it is not, and returns false. With no
    /// span the problem names the file alone.
    pub(super) fn number(
        &mut self,
        file: usize,
        span: Option<std::ops::Range<usize>>,
        what: &str,
        value: f64,
        (lo, hi): (f64, f64),
    ) -> bool {
        let msg = if value.is_nan() {
            format!("{what} = nan is not a number")
        } else if value.is_infinite() {
            format!("{what} = {value} is not a finite number")
        } else if value < lo || value > hi {
            if value.abs() >= 1e6 {
                format!("{what} = {value:e} is out of range")
            } else {
                format!("{what} = {value} is out of range")
            }
        } else {
            return true;
        };
        let help = format!("use a number from {lo} to {hi}");
        match span {
            Some(span) => self.err(file, span, msg, &help),
            None => {
                let name = self.srcs[file].name.clone();
                self.problems
                    .push(Diagnostic::file(name, msg).with_help(help));
            }
        }
        false
    }

    pub(super) fn missing(&mut self, what: &str, help: &str) {
        let s = &self.srcs[0];
        self.problems.push(
            Diagnostic::file(
                &s.name,
                format!("missing [{what}] (in this file or the rubric it extends)"),
            )
            .with_help(help),
        );
    }

    /// `file:line` of a span (for `rubric show` and the rule examples test).
    pub(super) fn origin(&self, file: usize, span: std::ops::Range<usize>) -> String {
        let s = &self.srcs[file];
        let starts = self.line_starts[file].get_or_init(|| {
            std::iter::once(0)
                .chain(s.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&l| l <= span.start);
        format!("{}:{line}", s.name)
    }

    pub(super) fn lexicon(
        &mut self,
        file: usize,
        name: &Spanned<String>,
        owner: &str,
    ) -> Option<LexiconId> {
        let id = self.lexicon_names.iter().position(|n| n == name.get_ref());
        if id.is_none() {
            let known: Vec<&str> = self.lexicon_names.iter().map(String::as_str).collect();
            let dym = crate::suggest::did_you_mean(&crate::suggest::closest(
                name.get_ref(),
                known.iter().copied(),
                3,
            ));
            let help = if dym.is_empty() {
                "define it under [lexicons]".to_string()
            } else {
                format!("{dym} (or define it under [lexicons])")
            };
            self.err(
                file,
                name.span(),
                format!("{owner}: no lexicon called `{}`", name.get_ref()),
                &help,
            );
        }
        id
    }

    /// Compiles a pattern, expanding `{lexicon}` references.
    pub(super) fn regex(
        &mut self,
        file: usize,
        pat: &Spanned<String>,
        owner: &str,
    ) -> Option<Pattern> {
        let expanded =
            match expand_lexicons(pat.get_ref(), &self.lexicon_names, &self.lexicon_terms) {
                Ok(p) => p,
                Err(name) => {
                    self.err(
                        file,
                        pat.span(),
                        format!("{owner}: pattern refers to `{{{name}}}`, which is not a lexicon"),
                        "write `\\{` for a literal brace, or define the lexicon under [lexicons]",
                    );
                    return None;
                }
            };
        match Pattern::new(&expanded) {
            Ok(r) => Some(r),
            Err(e) => {
                let detail =
                    e.0.lines()
                        .rev()
                        .find(|l| l.starts_with("error:"))
                        .map(|l| l.trim_start_matches("error:").trim().to_string())
                        .unwrap_or_else(|| e.0.clone());
                self.err(
                    file,
                    pat.span(),
                    format!("{owner}: invalid regex: {detail}"),
                    "fix the pattern (Rust regex syntax; use single quotes in TOML so backslashes stay literal)",
                );
                None
            }
        }
    }
}

/// Replaces `{name}` with an alternation of the lexicon's terms (escaped; `*` -> `\w*`).
/// Returns the unknown name on failure. `\{` stays a literal brace; `{2}`-style repetitions
/// are left alone.
pub(super) fn expand_lexicons(
    pat: &str,
    names: &[String],
    terms: &[Vec<String>],
) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(pat.len());
    let bytes = pat.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\\' && i + 1 < bytes.len() {
            let ch_len = pat[i + 1..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&pat[i..i + 1 + ch_len]);
            i += 1 + ch_len;
            continue;
        }
        if c == b'{' {
            if let Some(close) = pat[i + 1..].find('}') {
                let name = &pat[i + 1..i + 1 + close];
                let is_name = name
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if is_name {
                    let id = names
                        .iter()
                        .position(|n| n == name)
                        .ok_or_else(|| name.to_string())?;
                    let mut alts: Vec<(usize, String)> = terms[id]
                        .iter()
                        .map(|t| {
                            let t = t.to_lowercase();
                            let (body, star) = match t.strip_suffix('*') {
                                Some(b) => (b.to_string(), true),
                                None => (t, false),
                            };
                            let e = regex::escape(&body).replace('\'', "['\u{2019}]");
                            (
                                body.chars().count(),
                                if star { format!("{e}\\w*") } else { e },
                            )
                        })
                        .collect();
                    // Longest term first, so the alternation prefers the longer phrase.
                    alts.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
                    let alts: Vec<String> = alts.into_iter().map(|(_, a)| a).collect();
                    out.push_str("(?:");
                    out.push_str(&alts.join("|"));
                    out.push(')');
                    i += close + 2;
                    continue;
                }
            }
        }
        let ch_len = pat[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&pat[i..i + ch_len]);
        i += ch_len;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_lexicon_references() {
        let names = vec!["modal".to_string()];
        let terms = vec![vec![
            "would".to_string(),
            "i'd".to_string(),
            "go*".to_string(),
        ]];
        let got = expand_lexicons(r"\bI {modal}\b x{2} \{lit\}", &names, &terms).unwrap();
        assert_eq!(got, r"\bI (?:would|i['’]d|go\w*)\b x{2} \{lit\}");
        assert_eq!(
            expand_lexicons("{nope}", &names, &terms),
            Err("nope".to_string())
        );
    }
}
