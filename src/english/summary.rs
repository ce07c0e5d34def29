//! What is kept of the notes beyond one answer: the short [`Record`] saved with a practice
//! attempt, and the [`Summary`] of many answers (a cohort, a stretch of history).

use serde::{Deserialize, Serialize};

use super::{Dialect, KindCount, Language};

/// The notes on one answer as the history keeps them: the counts, not the quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub dialect: Dialect,
    pub words: usize,
    pub findings: usize,
    pub per_100_words: f64,
    /// Every kind found, with its count, most useful first.
    #[serde(default)]
    pub kinds: Vec<KindCount>,
}

impl From<&Language> for Record {
    fn from(l: &Language) -> Record {
        Record {
            dialect: l.dialect,
            words: l.words,
            findings: l.findings,
            per_100_words: l.per_100_words,
            kinds: l.kinds.clone(),
        }
    }
}

/// How many answers had notes of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindAnswers {
    pub kind: String,
    pub title: String,
    /// Answers with at least one finding of this kind.
    pub answers: usize,
    /// Findings of this kind in all answers.
    pub findings: usize,
}

/// The notes of many answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Answers checked.
    pub checked: usize,
    /// Answers with at least one finding.
    pub with_notes: usize,
    /// Findings per 100 words over all the words checked.
    pub per_100_words: f64,
    /// The kinds, in the most answers first.
    pub kinds: Vec<KindAnswers>,
}

impl Summary {
    /// The summary of the records of the answers that were checked.
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Summary {
        let mut s = Summary {
            checked: 0,
            with_notes: 0,
            per_100_words: 0.0,
            kinds: Vec::new(),
        };
        let (mut words, mut findings) = (0usize, 0usize);
        for r in records {
            s.checked += 1;
            s.with_notes += usize::from(r.findings > 0);
            words += r.words;
            findings += r.findings;
            for k in &r.kinds {
                match s.kinds.iter_mut().find(|x| x.kind == k.kind) {
                    Some(x) => {
                        x.answers += 1;
                        x.findings += k.count;
                    }
                    None => s.kinds.push(KindAnswers {
                        kind: k.kind.clone(),
                        title: k.title.clone(),
                        answers: 1,
                        findings: k.count,
                    }),
                }
            }
        }
        if words > 0 {
            s.per_100_words = (findings as f64 * 1000.0 / words as f64).round() / 10.0;
        }
        // Stable: kinds found in as many answers keep the order of the first answers.
        s.kinds.sort_by_key(|k| std::cmp::Reverse(k.answers));
        s
    }

    /// One sentence for a coach: how many answers had notes, and the common kinds.
    pub fn sentence(&self) -> Option<String> {
        if self.checked == 0 {
            return None;
        }
        if self.with_notes == 0 {
            return Some(format!(
                "Written English: no notes on any of the {} answers checked.",
                self.checked
            ));
        }
        let common: Vec<String> = self
            .kinds
            .iter()
            .take(3)
            .map(|k| format!("{} in {}", mid_sentence(&k.title), k.answers))
            .collect();
        Some(format!(
            "Written English: {} of {} answers {} notes (about {} per 100 words); most common: {}.",
            self.with_notes,
            self.checked,
            if self.with_notes == 1 { "has" } else { "have" },
            trim(self.per_100_words),
            common.join(", ")
        ))
    }
}

/// A note's title inside a sentence: its first letter in lower case, the rest as written
/// ("Capital “I”" as "capital “I”", not "capital “i”").
pub fn mid_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// 4.0 as "4", 4.25 as "4.3".
pub fn trim(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(words: usize, kinds: &[(&str, usize)]) -> Record {
        Record {
            dialect: Dialect::American,
            words,
            findings: kinds.iter().map(|k| k.1).sum(),
            per_100_words: 0.0,
            kinds: kinds
                .iter()
                .map(|(k, n)| KindCount {
                    kind: k.to_string(),
                    title: if *k == "capital-i" {
                        "Capital “I”".to_string()
                    } else {
                        format!("T-{k}")
                    },
                    count: *n,
                })
                .collect(),
        }
    }

    #[test]
    fn a_summary_counts_answers_per_kind_and_the_rate_over_all_words() {
        let rs = [
            rec(100, &[("agreement", 2), ("capital-i", 4)]),
            rec(50, &[]),
            rec(50, &[("agreement", 1)]),
        ];
        let s = Summary::of(&rs);
        assert_eq!((s.checked, s.with_notes), (3, 2));
        assert_eq!(s.per_100_words, 3.5);
        assert_eq!(s.kinds[0].kind, "agreement");
        assert_eq!((s.kinds[0].answers, s.kinds[0].findings), (2, 3));
        assert_eq!(
            s.sentence().unwrap(),
            "Written English: 2 of 3 answers have notes (about 3.5 per 100 words); most common: t-agreement in 2, capital “I” in 1."
        );
        assert_eq!(Summary::of(&[]).sentence(), None);
        assert!(
            Summary::of(&[rec(10, &[])])
                .sentence()
                .unwrap()
                .contains("no notes")
        );
    }
}
