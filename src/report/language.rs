//! Written English over time: notes per 100 words at each point of the trend, from the counts
//! the history keeps with each checked answer, and the kinds that come up most.

use serde::Serialize;

use crate::english::summary::{Summary, mid_sentence, trim};
use crate::feedback::markup::{Markup, Role};
use crate::prose::wrap;
use crate::session::AttemptRecord;

/// Notes per 100 words over time.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageTrend {
    /// Findings per 100 words at each point (`null` where no answer was checked).
    pub values: Vec<Option<f64>>,
    pub first: f64,
    pub latest: f64,
    /// Every checked answer of the report.
    pub summary: Summary,
}

/// The trend for the report's points (`groups`: the answers of each point); `None` when no
/// answer in the selection was checked.
pub fn trend(groups: &[Vec<&AttemptRecord>], attempts: &[AttemptRecord]) -> Option<LanguageTrend> {
    let summary = Summary::of(attempts.iter().filter_map(|a| a.language.as_ref()));
    if summary.checked == 0 {
        return None;
    }
    let values: Vec<Option<f64>> = groups
        .iter()
        .map(|g| {
            let s = Summary::of(g.iter().filter_map(|a| a.language.as_ref()));
            (s.checked > 0).then_some(s.per_100_words)
        })
        .collect();
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    Some(LanguageTrend {
        first: present.first().copied().unwrap_or(0.0),
        latest: present.last().copied().unwrap_or(0.0),
        values,
        summary,
    })
}

impl LanguageTrend {
    /// "15.5 → 4.1 notes per 100 words (3 answers checked); most common: ...".
    pub fn sentence(&self) -> String {
        let s = &self.summary;
        let common: Vec<String> = s
            .kinds
            .iter()
            .take(3)
            .map(|k| {
                let n = if k.answers == 1 { "answer" } else { "answers" };
                format!("{} ({} {n})", mid_sentence(&k.title), k.answers)
            })
            .collect();
        let change = if self.values.iter().flatten().count() >= 2 {
            format!("{} → {}", trim(self.first), trim(self.latest))
        } else {
            trim(self.latest)
        };
        let mut out = format!(
            "{change} notes per 100 words ({} of {} answers checked had notes)",
            s.with_notes, s.checked
        );
        if !common.is_empty() {
            out.push_str(&format!("; most common: {}", common.join(", ")));
        }
        out.push('.');
        out
    }

    /// For the terminal: a sparkline (taller is more notes) and the sentence.
    pub fn text(&self, width: usize) -> Markup {
        // 20 notes per 100 words fills the sparkline's cell.
        let scaled: Vec<Option<f64>> = self
            .values
            .iter()
            .map(|v| v.map(|x| (x * 5.0).min(100.0)))
            .collect();
        let mut m = Markup::new();
        m.push(Role::Heading, "Written English  ")
            .push(Role::Accent, super::text::sparkline(&scaled))
            .nl();
        for line in wrap(&self.sentence(), width.saturating_sub(2)) {
            m.plain("  ").push(Role::Dim, line).nl();
        }
        m
    }

    pub fn markdown(&self) -> String {
        format!(
            "\n## Written English\n\n{}\n",
            crate::feedback::markdown::escape(&self.sentence())
        )
    }

    pub fn html(&self) -> String {
        format!(
            "<section id=\"language\"><h2>Written English</h2><div class=\"card\"><p>{}</p></div></section>",
            crate::html::escape(&self.sentence())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::english::summary::KindAnswers;

    #[test]
    fn the_sentence_counts_one_answer_in_the_singular_and_keeps_the_capital_i() {
        let t = LanguageTrend {
            values: vec![Some(18.6)],
            first: 18.6,
            latest: 18.6,
            summary: Summary {
                checked: 1,
                with_notes: 1,
                per_100_words: 18.6,
                kinds: vec![KindAnswers {
                    kind: "capital-i".into(),
                    title: "Capital “I”".into(),
                    answers: 1,
                    findings: 7,
                }],
            },
        };
        assert_eq!(
            t.sentence(),
            "18.6 notes per 100 words (1 of 1 answers checked had notes); most common: capital “I” (1 answer)."
        );
    }
}
