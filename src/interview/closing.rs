//! Feedback on the candidate's questions at the close of a mock interview: specific to the
//! role and company, generic, about pay only, or none at all. The words and the verdicts are
//! data (`rubrics/interview/closing.toml`, embedded).

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::jobad::{self, JobAd};

const SOURCE: &str = include_str!("../../rubrics/interview/closing.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    none: RawNone,
    #[serde(rename = "kind")]
    kinds: Vec<RawKind>,
    verdicts: Verdicts,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNone {
    terms: Vec<String>,
    verdict: String,
    advice: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    id: String,
    label: String,
    terms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Verdicts {
    specific: String,
    specific_ad: String,
    generic: String,
    generic_advice: String,
    pay_only: String,
    pay_advice: String,
    next_steps: String,
}

struct Closing {
    none: Regex,
    none_verdict: String,
    none_advice: String,
    kinds: Vec<(String, String, Regex)>,
    verdicts: Verdicts,
}

fn shipped() -> &'static Closing {
    static C: OnceLock<Closing> = OnceLock::new();
    C.get_or_init(|| {
        let raw: Raw = toml::from_str(SOURCE).expect("the shipped closing rubric is valid");
        let re = |t: &[String]| jobad::lexicon::terms_regex(t).expect("valid closing terms");
        Closing {
            none: re(&raw.none.terms),
            none_verdict: raw.none.verdict,
            none_advice: raw.none.advice,
            kinds: raw
                .kinds
                .iter()
                .map(|k| (k.id.clone(), k.label.clone(), re(&k.terms)))
                .collect(),
            verdicts: raw.verdicts,
        }
    })
}

/// What the candidate asked at the close, and what an interviewer makes of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingFeedback {
    /// Each question asked (a sentence ending in `?`, or the whole answer) and what it is
    /// about (a kind's label), if anything.
    pub questions: Vec<(String, Option<String>)>,
    /// Good: questions about the role or the company.
    pub good: bool,
    pub verdict: String,
    pub advice: Option<String>,
}

/// Judges the closing answer `text`, with the posting's asks when there is one.
pub fn judge(text: &str, ad: Option<&JobAd>) -> ClosingFeedback {
    let c = shipped();
    let questions: Vec<String> = split_questions(text);
    let kind_of = |q: &str| {
        c.kinds
            .iter()
            .find(|(_, _, re)| re.is_match(q))
            .map(|(id, label, _)| (id.clone(), label.clone()))
    };
    let kinds: Vec<Option<(String, String)>> = questions.iter().map(|q| kind_of(q)).collect();
    let asked = |id: &str| kinds.iter().flatten().any(|(k, _)| k == id);
    let listed = questions
        .iter()
        .cloned()
        .zip(kinds.iter().map(|k| k.as_ref().map(|(_, l)| l.clone())))
        .collect();
    let real = text.contains('?') || !c.none.is_match(text);
    let (good, verdict, advice) = if questions.is_empty() || !real {
        (false, c.none_verdict.clone(), Some(c.none_advice.clone()))
    } else if asked("role") || asked("company") {
        let asks: Vec<&str> = ad
            .map(|ad| {
                jobad::speaks_to(ad, text)
                    .iter()
                    .map(|a| a.label.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let mut v = c.verdicts.specific.clone();
        if !asks.is_empty() {
            v = format!(
                "{v} {}",
                c.verdicts.specific_ad.replace("{asks}", &asks.join("; "))
            );
        }
        (true, v, None)
    } else if asked("pay") {
        (
            false,
            c.verdicts.pay_only.clone(),
            Some(c.verdicts.pay_advice.clone()),
        )
    } else if asked("next-steps") {
        (true, c.verdicts.next_steps.clone(), None)
    } else {
        (
            false,
            c.verdicts.generic.clone(),
            Some(c.verdicts.generic_advice.clone()),
        )
    };
    ClosingFeedback {
        questions: listed,
        good,
        verdict,
        advice,
    }
}

/// The questions in an answer: its sentences ending in `?`, or the whole answer when none do.
fn split_questions(text: &str) -> Vec<String> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in t.char_indices() {
        if matches!(ch, '.' | '!' | '?' | '\n') {
            let s = t[start..=i].trim();
            if ch == '?' && !s.is_empty() {
                out.push(s.to_string());
            }
            start = i + ch.len_utf8();
        }
    }
    if out.is_empty() {
        out.push(t.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_about_the_role_are_specific_and_pick_up_the_ad() {
        let ad = jobad::read(
            "Customer Service Representative\n\nAnswer inbound calls and de-escalate upset callers. Paid training.\n",
            &[],
        );
        let f = judge(
            "Yes. What does the training cover in the first month? How do you measure quality on calls?",
            Some(&ad),
        );
        assert!(f.good, "{f:?}");
        assert_eq!(f.questions.len(), 2);
        assert_eq!(f.questions[0].1.as_deref(), Some("about the role"));
        assert!(f.verdict.contains("inbound calls"), "{}", f.verdict);
    }

    #[test]
    fn no_questions_generic_ones_and_pay_only_are_told_apart() {
        let none = judge("No, I think you covered everything.", None);
        assert!(
            !none.good && none.verdict.starts_with("No questions"),
            "{none:?}"
        );
        let pay = judge(
            "How much do you pay per hour for this role? Is there overtime?",
            None,
        );
        assert!(
            !pay.good && pay.verdict.starts_with("Only questions about pay"),
            "{pay:?}"
        );
        let generic = judge("Is parking free?", None);
        assert!(
            !generic.good && generic.verdict.starts_with("Questions, but general"),
            "{generic:?}"
        );
        let next = judge("What are the next steps?", None);
        assert!(next.good, "{next:?}");
        assert!(judge("", None).verdict.starts_with("No questions"));
    }
}
