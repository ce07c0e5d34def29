//! Quantities in free text: a small, rule-based cousin of Duckling.
//!
//! The STAR analyzer asks one question of a candidate's answer: *did they quantify the result?*
//! [`QuantityFinder::find`] answers the lower half of it: it returns every number in the text
//! with what the number measures (a percentage, an amount of money, a duration, a count of
//! something, a score, a change), and leaves the caller to decide which of them matter.
//!
//! How it works: one pass turns the text into tokens (words, numbers, currency symbols,
//! punctuation; phone numbers, clock times, dates and version strings become opaque tokens that
//! never take part in a quantity). Each word is looked up once in a lexicon built from the
//! `const` tables below. A hand-written parser then walks the tokens left to right and, at each
//! token, takes the longest reading that starts there. Nothing is allocated per word; only the
//! token vector (one per call) and the found quantities are.
//!
//! # What the fields mean
//!
//! | kind | `value` | `to` | `unit` | `seconds` |
//! | --- | --- | --- | --- | --- |
//! | `Number` | the number | upper end of a range ("5 to 10") | none | none |
//! | `Percent` | percent points: 15% -> 15 | upper end of a range | none, or `"percentage point"` | none |
//! | `Money` | the amount, sub-units converted ("3 cents" -> 0.03) | upper end of a range | currency code ("USD"), or a lowercase generic name ("dinar", "riyal", "rial", "krone") when the text does not say which | none |
//! | `Duration` | in `unit`s; a compound ("1 hour and 30 minutes") is given in its smallest unit (90 minute) | upper end of a range | `"second"`, `"minute"`, `"hour"`, `"day"`, `"week"`, `"month"`, `"quarter"`, `"year"` | `value` in seconds for second..week |
//! | `Count` | how many | upper end of a range | the counted noun as written, lowercased ("calls") | none |
//! | `Score` | the score | upper end of a range | the scale when known ("5" for "4.8 out of 5", "4.5 stars", "9/10" -> "10") | none |
//! | `Change` | see below | see below | the unit of the changing quantity ("minute", "percent", "USD", "points"), or none | `value` in seconds when `unit` is a time unit up to week |
//!
//! `Change` has two shapes, told apart by `to`:
//! - `to == Some(end)`: a change from `value` to `end`: "from 8 to 5 minutes" (value 8, to 5),
//!   and "went up 12 points to 92" (the start is worked out: value 80, to 92). A "from X to Y"
//!   is a change when a change verb comes before it in the sentence ("reduced", "went", "cut",
//!   ...) or when it goes down; an ascending one without a verb is a range of its own kind
//!   ("from 10 to 20 dollars" is `Money` 10 to 20).
//! - `to == None`: `value` is the amount of change as written (never negative): "cut handle
//!   time by 2 minutes" (2, minute), "increased sales by 15%" (15, percent), "reduced it by
//!   half" (50, percent), "by a third" (33.3, percent), "a 20% increase" (20, percent),
//!   "Escalations dropped 30%" (30, percent), "down 30 seconds" (30, second), "sales
//!   doubled" (100, percent). The direction is in the words, not in the sign.
//!
//! `Score` comes from a scale ("4.8 out of 5", "9/10", "4.5 stars"), from a KPI term given to
//! [`QuantityFinder::new`] next to a bare number ("CSAT 92", "NPS of 45", "92 CSAT"; the term
//! joins the span), or from "rated"/"scored"/"rating"/"score" before one. A number with its own
//! unit keeps its kind ("CSAT of 92%" is `Percent`, "AHT of 6 minutes" is `Duration`).
//!
//! Bound and hedge words are part of the span but only the number is kept: "under $20",
//! "at least 5 calls" and "about 40" have `value` 20, 5, 40 and `to == None`. Rates are part of
//! the span too ("40 calls a day", "$15 an hour").
//!
//! # What is not a quantity
//!
//! Identifiers ("401(k)", "Windows 10", "iPhone 15", "COVID-19", "Five9", "Route 66", "tier 2",
//! "ext. 4412"), phone numbers, clock times ("5:30", "at 5 p.m.", "9-to-5"), dates ("March
//! 3rd", "3/15/2020"), bare years ("in 2019", "from 2018 to 2020"), ordinals ("3rd",
//! "second"), ages ("25 years old", "a 3-year-old"), compound adjectives that are no unit ("a
//! one-time fee") and pronoun uses of "one" ("no one", "one by one") give nothing. Narrative
//! phrases such as "one day" or "one of them" do come back (as `Duration` and `Number`, never
//! `Count`); the caller filters those by context.
//!
//! Heuristics with known costs: a number right after a capitalized word inside a sentence, or
//! after an all-caps word that is neither a currency code nor a KPI term, is taken for a name
//! unless a time, money or percent unit follows ("Route 66" goes, "Amazon 3 years" stays;
//! "NPS 45" goes when "NPS" is not a KPI term). A dash with a space after it is never a minus
//! sign ("- 40 calls" is a bullet). "1/5", "2/10" and "20/100" are scores, not fractions.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

mod changes;
mod context;
mod lexer;
mod lexicon;
mod money;
mod numbers;
mod parser;
mod readings;
mod tables;
#[cfg(test)]
mod tests;
mod units;

use lexer::*;
use lexicon::*;
use parser::*;
use tables::*;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Percent,
    Money,
    Duration,
    Count,
    Score,
    Change,
    Number,
}

/// One quantity found in a text. See the module documentation for what each field holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    /// Byte offsets into the input, on char boundaries.
    pub span: Range<usize>,
    pub value: f64,
    pub to: Option<f64>,
    pub unit: Option<String>,
    pub seconds: Option<f64>,
}

/// Finds quantities in text. Build it once and reuse it: the word tables are compiled on first
/// use and shared by every finder.
#[derive(Debug, Clone)]
pub struct QuantityFinder {
    /// KPI terms, each as its lowercase words.
    kpi: Vec<Vec<String>>,
    /// The first bytes of the KPI terms, lowercased: a quick test before comparing words.
    kpi_first: [bool; 256],
    /// The KPI terms (indexes into `kpi`, in order) by their first word.
    kpi_by_first: KpiIndex,
}

impl QuantityFinder {
    /// `kpi_terms`: metric names that turn a following/preceding bare number into a Score
    /// ("CSAT 92", "NPS of 45", "AHT of 6 minutes" stays Duration). Matched case-insensitively as whole words.
    pub fn new(kpi_terms: &[&str]) -> Self {
        LazyLock::force(&LEXICON);
        let kpi = kpi_terms
            .iter()
            .map(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|v: &Vec<String>| !v.is_empty())
            .collect::<Vec<_>>();
        let mut kpi_first = [false; 256];
        for t in &kpi {
            let b = t[0].as_bytes()[0];
            kpi_first[usize::from(b)] = true;
            kpi_first[usize::from(b.to_ascii_uppercase())] = true;
        }
        let mut kpi_by_first = KpiIndex::default();
        for (i, t) in kpi.iter().enumerate() {
            kpi_by_first.entry(t[0].clone()).or_default().push(i);
        }
        Self {
            kpi,
            kpi_first,
            kpi_by_first,
        }
    }

    /// Every quantity in `text`, in order, non-overlapping (the longest reading wins).
    pub fn find(&self, text: &str) -> Vec<Quantity> {
        let mut toks = Vec::with_capacity(text.len() / 5 + 4);
        lex(text, &mut toks);
        let p = Parser {
            text,
            t: &toks,
            kpi: &self.kpi,
            kpi_first: &self.kpi_first,
            kpi_by_first: &self.kpi_by_first,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match p.at(i) {
                Step::Hit(c) => {
                    if let Some(q) = p.emit(&c) {
                        out.push(q);
                    }
                    i = c.e.max(i + 1);
                }
                Step::Skip(e) => i = e.max(i + 1),
                Step::Miss => i += 1,
            }
        }
        out
    }
}
