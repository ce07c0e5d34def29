//! The parser: its readings, and the token helpers every rule uses.

use super::*;

// ------------------------------------------------------------------------------------------
// Parser
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    None,
    Cur(&'static str),
    Time(Grain),
    /// The counted noun: its token.
    Noun(usize),
    /// A score's scale.
    Scale(f64),
    Percent,
    PctPoint,
}

/// A reading: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) kind: QuantityKind,
    pub(super) value: f64,
    pub(super) to: Option<f64>,
    pub(super) unit: Unit,
    /// What the written number was multiplied by to get `value` (cents: 0.01), so that a bare
    /// number joined to it in a range gets the same treatment.
    pub(super) factor: f64,
    /// A plain year-like number ("2019").
    pub(super) yearlike: bool,
}

pub(super) enum Step {
    Hit(Cand),
    Skip(usize),
    Miss,
}

/// A number: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumP {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) v: f64,
    /// Just "a"/"an": one of something, but not a number by itself.
    pub(super) art: bool,
    pub(super) weak: bool,
    /// "half", "a quarter", "three quarters", "1/2": may take "of" and an article before a unit.
    pub(super) frac_word: bool,
    /// Written in digits (its first digit token).
    pub(super) digit_tok: Option<usize>,
    pub(super) yearlike: bool,
    /// "9/10": a score out of 10.
    pub(super) score_den: Option<f64>,
}

pub(super) enum N {
    Ok(NumP),
    Skip(usize),
    No,
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) t: &'a [Tok],
    pub(super) kpi: &'a [Vec<String>],
    pub(super) kpi_first: &'a [bool; 256],
    pub(super) kpi_by_first: &'a KpiIndex,
}

impl Parser<'_> {
    // ---- token helpers ----

    pub(super) fn str(&self, i: usize) -> &str {
        &self.text[self.t[i].s..self.t[i].e]
    }
    pub(super) fn lex(&self, i: usize) -> Option<&'static Lex> {
        match self.t.get(i)?.t {
            T::Word { lex, .. } => lex,
            _ => None,
        }
    }
    pub(super) fn is_time_word(&self, i: usize) -> bool {
        self.lex(i).is_some_and(|l| l.time.is_some())
    }
    pub(super) fn has(&self, i: usize, f: u64) -> bool {
        self.lex(i).is_some_and(|l| l.has(f))
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        matches!(
            self.t.get(i),
            Some(Tok {
                t: T::Word { .. },
                ..
            })
        )
    }
    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.str(i).eq_ignore_ascii_case(w)
    }
    pub(super) fn is_p(&self, i: usize, c: char) -> bool {
        matches!(self.t.get(i), Some(Tok { t: T::P(p), .. }) if *p == c)
    }
    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.is_p(i, '-') || self.is_p(i, '–')
    }
    pub(super) fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }
    pub(super) fn is_num_tok(&self, i: usize) -> bool {
        matches!(
            self.t.get(i),
            Some(Tok {
                t: T::Num { .. },
                ..
            })
        )
    }
    /// Nothing more of this phrase follows: end of text, or punctuation other than a hyphen.
    pub(super) fn phrase_end(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => match t.t {
                T::P(c) => !matches!(c, '-' | '–' | '/' | '\'' | '’'),
                T::Other => true,
                _ => false,
            },
        }
    }
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(self.t[i - 1].t, T::P(c) if matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '(' | '“' | '\n'))
    }
    pub(super) fn matches_phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut k = i;
        for w in words {
            if !self.word_is(k, w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }
}
