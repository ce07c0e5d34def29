//! Output as semantic markup: text runs tagged with what they mean (a heading, a good score, a
//! quote, a STAR label). One renderer maps the tags to terminal colours, the other drops them,
//! so tests compare plain text and colour never leaks into pipes or `NO_COLOR` terminals.

use crate::analyze::Label;

/// What a run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    Heading,
    Dim,
    Good,
    Warn,
    Bad,
    Quote,
    Accent,
    Label(Label),
}

impl Role {
    /// The ANSI SGR parameters for the role.
    fn sgr(self) -> &'static str {
        match self {
            Role::Plain => "",
            Role::Heading => "1",
            Role::Dim => "2",
            Role::Good => "32",
            Role::Warn => "33",
            Role::Bad => "31",
            Role::Quote => "3",
            Role::Accent => "1;36",
            Role::Label(l) => match l {
                Label::Situation => "1;34",
                Label::Task => "1;35",
                Label::Action => "1;32",
                Label::Result => "1;33",
                Label::Reflection => "1;36",
                Label::Other => "2",
            },
        }
    }
}

/// The role of a 0-100 score, by the shipped bands as the HTML reports colour it: good from
/// [`crate::html::GOOD_FROM`] (strong), warn from [`crate::html::OK_FROM`] (developing), bad
/// below.
pub fn score_role(score: f64) -> Role {
    if score >= crate::html::GOOD_FROM {
        Role::Good
    } else if score >= crate::html::OK_FROM {
        Role::Warn
    } else {
        Role::Bad
    }
}

/// A document of tagged runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup {
    runs: Vec<(Role, String)>,
}

impl Markup {
    pub fn new() -> Self {
        Markup::default()
    }

    pub fn push(&mut self, role: Role, text: impl Into<String>) -> &mut Self {
        let text = text.into();
        if !text.is_empty() {
            self.runs.push((role, text));
        }
        self
    }

    pub fn plain(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Role::Plain, text)
    }

    pub fn nl(&mut self) -> &mut Self {
        self.push(Role::Plain, "\n")
    }

    pub fn append(&mut self, other: Markup) -> &mut Self {
        self.runs.extend(other.runs);
        self
    }

    /// Renders with ANSI colour or as plain text. The text of every run goes through
    /// [`crate::safe_text::visible`], so nothing in it can drive the terminal.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for (role, text) in &self.runs {
            let text = crate::safe_text::visible(text);
            let text = text.as_ref();
            let sgr = role.sgr();
            if color && !sgr.is_empty() && text != "\n" {
                // Colour each line separately so a line break never carries a style.
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if !line.is_empty() {
                        out.push_str(&format!("\x1b[{sgr}m{line}\x1b[0m"));
                    }
                }
            } else {
                out.push_str(text);
            }
        }
        out
    }
}

/// Whether to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Resolves the choice for a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rendering_has_no_escapes() {
        let mut m = Markup::new();
        m.push(Role::Heading, "Title")
            .nl()
            .push(Role::Good, "ok\nfine");
        assert_eq!(m.render(false), "Title\nok\nfine");
        assert_eq!(
            m.render(true),
            "\x1b[1mTitle\x1b[0m\n\x1b[32mok\x1b[0m\n\x1b[32mfine\x1b[0m"
        );
    }
}
