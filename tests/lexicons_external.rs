//! Our filler and hedge rules against other projects' test sentences
//! (`../shared/testdata/external/lexicons_external.json`: harper, proselint), and the false
//! positives a coach must never see.

mod common;

use starcoach::analyze::rule_hits;
use starcoach::bank::Kind;
use starcoach::rubric::RubricSet;

fn hits(rule: &str, text: &str) -> usize {
    static SET: std::sync::OnceLock<RubricSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| RubricSet::embedded().unwrap());
    rule_hits(set.for_kind(Kind::Behavioral), rule, text).unwrap_or(0)
}

#[test]
fn external_hedge_and_filler_cases_agree() {
    let Some(shared) = common::shared("external lexicon sentences") else {
        return;
    };
    let path = shared.join("testdata/external/lexicons_external.json");
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for row in data["test_sentences"].as_array().unwrap() {
        let source = row["source"].as_str().unwrap_or("");
        let check = row["check"].as_str().unwrap_or("");
        let rule = if source.contains("harper") && source.contains("filler") {
            "delivery.filler"
        } else if (source.contains("harper") && source.contains("hedging")) || check == "hedging" {
            "delivery.hedges"
        } else {
            continue;
        };
        let text = row["text"].as_str().unwrap();
        let expect = row["expect_flag"].as_bool().unwrap();
        let got = hits(rule, text) > 0;
        checked += 1;
        if got != expect {
            wrong.push(format!("{source} {check}: {text:?} expected flag={expect}"));
        }
    }
    assert!(checked >= 13, "only {checked} rows checked");
    assert!(
        wrong.is_empty(),
        "{} of {checked} disagree:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn everyday_phrases_are_not_filler_or_hedges() {
    for text in [
        "I like this job and customers like quick answers.",
        "The sky was sort of blue that day.",
        "I think about customers first.",
        "What kind of tools do you use?",
        "I let you know when the refund is done.",
        "I mean to call her back today.",
    ] {
        assert_eq!(hits("delivery.filler", text), 0, "filler in {text:?}");
        assert_eq!(
            hits("delivery.filler-like", text),
            0,
            "filler 'like' in {text:?}"
        );
        assert_eq!(hits("delivery.hedges", text), 0, "hedge in {text:?}");
        assert_eq!(
            hits("delivery.opinion-hedges", text),
            0,
            "opinion hedge in {text:?}"
        );
        assert_eq!(
            hits("delivery.opinion-hedges", text),
            0,
            "opinion hedge in {text:?}"
        );
    }
}

#[test]
fn spoken_filler_and_hedges_are_found() {
    assert_eq!(
        hits(
            "delivery.filler",
            "Um, so basically I, you know, called her."
        ),
        3
    );
    assert_eq!(
        hits("delivery.filler-like", "She was, like, really upset."),
        1
    );
    let text = "I think I kind of fixed it, maybe.";
    assert_eq!(
        hits("delivery.hedges", text) + hits("delivery.opinion-hedges", text),
        3
    );
}
