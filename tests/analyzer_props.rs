//! The analyzer on arbitrary and hostile input: no panic, every span in bounds and on char
//! boundaries, scores in range, the same answer always giving the same analysis.

use std::sync::OnceLock;

use proptest::prelude::*;
use starcoach::analyze::{Analysis, Analyzer, Context};
use starcoach::bank::{Catalog, Kind};
use starcoach::feedback;
use starcoach::rubric::RubricSet;

fn data() -> &'static (Catalog, RubricSet) {
    static DATA: OnceLock<(Catalog, RubricSet)> = OnceLock::new();
    DATA.get_or_init(|| (Catalog::embedded().unwrap(), RubricSet::embedded().unwrap()))
}

fn analyze(text: &str, kind: Kind) -> Analysis {
    let (catalog, rubrics) = data();
    let q = catalog.questions().find(|q| q.kind == kind).unwrap();
    Analyzer::new(rubrics).analyze_in(text, Context::question(q))
}

/// Every invariant an analysis must keep.
fn check(text: &str, a: &Analysis) {
    let ok = |r: &std::ops::Range<usize>, what: &str| {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{what} {r:?} out of bounds"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what} {r:?} splits a character"
        );
    };
    assert!((0.0..=100.0).contains(&a.overall), "overall {}", a.overall);
    for d in &a.dimensions {
        assert!(
            (0.0..=100.0).contains(&d.score),
            "{} = {}",
            d.dimension,
            d.score
        );
    }
    let mut last = 0;
    for s in &a.sentences {
        ok(&s.span, "sentence");
        assert!(s.span.start >= last, "sentences out of order");
        last = s.span.end;
    }
    for m in &a.metrics {
        ok(&m.span, "metric");
        assert!(m.sentence < a.sentences.len());
    }
    for f in &a.findings {
        ok(&f.span, "finding");
        for h in &f.hits {
            ok(h, "hit");
        }
    }
    for s in &a.strengths {
        if let Some(sp) = &s.span {
            ok(sp, "strength");
        }
    }
    for c in &a.areas {
        if let Some(e) = &c.evidence {
            ok(e, "area evidence");
        }
    }
    for part in [
        &a.star.situation,
        &a.star.task,
        &a.star.action,
        &a.star.result,
        &a.star.reflection,
    ] {
        assert!(part.sentences.iter().all(|&i| i < a.sentences.len()));
    }
    // Feedback and every renderer work on it too.
    let (catalog, rubrics) = data();
    let q = a.question_id.as_deref().and_then(|id| catalog.get(id));
    let fb = feedback::coach(a, rubrics.for_kind(a.kind), q);
    let _ = feedback::json::to_string(a, &fb);
    let _ = feedback::markdown::render(a, &fb, rubrics.for_kind(a.kind), "t");
    let _ = feedback::text::render(
        a,
        &fb,
        rubrics.for_kind(a.kind),
        feedback::text::Layout::default(),
    )
    .render(true);
}

fn kinds() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Behavioral),
        Just(Kind::Situational),
        Just(Kind::General),
        Just(Kind::Motivation),
        Just(Kind::Career),
        Just(Kind::Technical),
    ]
}

/// Text that looks like answers: words, numbers, money, punctuation, labels, quotes, emoji.
fn answerish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("I".to_string()),
        Just("we".to_string()),
        Just("would".to_string()),
        Just("called".to_string()),
        Just("the customer".to_string()),
        Just("Situation:".to_string()),
        Just("(Result)".to_string()),
        Just("$1,200".to_string()),
        Just("15%".to_string()),
        Just("within 24 hours".to_string()),
        Just("um,".to_string()),
        Just("“quote”".to_string()),
        Just("'".to_string()),
        Just("e.g.".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("😀".to_string()),
        Just("日本語".to_string()),
        Just(".".to_string()),
        Just("?!".to_string()),
        "[a-zA-Z]{1,10}",
        "[0-9]{1,6}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_keep_every_invariant(text in "\\PC{0,300}", kind in kinds()) {
        let a = analyze(&text, kind);
        check(&text, &a);
    }

    #[test]
    fn answer_like_text_keeps_every_invariant(text in answerish(), kind in kinds()) {
        let a = analyze(&text, kind);
        check(&text, &a);
        prop_assert_eq!(a, analyze(&text, kind));
    }
}

#[test]
fn hostile_inputs_get_a_result() {
    let long_sentence = "and then I listened to the customer ".repeat(700);
    let paste =
        "Last spring a caller was furious about a double charge. I apologized and refunded \
                 the $40 the same day. She thanked me and stayed with us.\n\n"
            .repeat(1 << 20 >> 7);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace", " \n\t \r\n ".into()),
        ("one word", "Yes".into()),
        ("5,000-word sentence", long_sentence),
        ("1 MB paste", paste),
        ("emoji", "😀😀 I helped 🙂 a customer 👍. She was happy 🎉!".into()),
        ("non-Latin", "Я помог клиенту. 顧客を助けました。 मैंने ग्राहक की मदद की।".into()),
        ("CRLF", "I was a cashier.\r\nOne evening a lady needed help.\r\nI helped her.\r\nShe thanked me.".into()),
        ("control characters", "I\u{0}helped\u{7}a\u{1b}[31mcustomer.".into()),
        ("only punctuation", "?!.,;:…---***".into()),
    ];
    for (name, text) in cases {
        for kind in [Kind::Behavioral, Kind::Situational, Kind::General] {
            let a = analyze(&text, kind);
            check(&text, &a);
            if name == "1 MB paste" {
                assert!(a.words > 100_000, "{name}: {} words", a.words);
            }
        }
    }
}
