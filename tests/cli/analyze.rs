//! `starcoach analyze`: input formats and edge cases, output formats, `--fail-under`.

use crate::{Home, Run, run};

const ANSWER: &str = "I worked at a call center. A customer was angry about a double charge on \
her bill. I listened, apologized and checked her account. I found the duplicate and refunded $40 \
the same day. She thanked me and stayed a customer.";

fn overall(r: &Run) -> f64 {
    r.json()["overall"].as_f64().unwrap()
}

#[test]
fn analyze_empty_or_blank_input_is_a_usage_error() {
    for input in ["", "   \n\n\t \n"] {
        Home::new()
            .run_in(&["analyze"], Some(input))
            .code(2)
            .err_has("nothing to analyze: the answer is empty");
    }
}

#[test]
fn analyze_invalid_utf8_names_the_offset() {
    let home = Home::new();
    home.run_in(&["analyze"], Some(b"I helped \xff a customer".as_slice()))
        .code(2)
        .err_has("<stdin>: not valid UTF-8 text (first bad byte at offset 9)");
    home.file("latin1.txt", b"Caf\xe9 customer was upset.");
    home.run(&["analyze", "latin1.txt"])
        .code(2)
        .err_has("latin1.txt: not valid UTF-8 text (first bad byte at offset 3)");
}

#[test]
fn analyze_a_huge_file_is_refused() {
    let home = Home::new();
    home.file("huge.txt", "I helped a customer. ".repeat(250_000));
    home.run(&["analyze", "huge.txt"])
        .code(2)
        .err_has("huge.txt: the answer is over 4 MB; is this the right file?");
}

#[test]
fn analyze_a_missing_file_is_a_usage_error() {
    run(&["analyze", "no-such-answer.txt"])
        .code(2)
        .err_has("no-such-answer.txt");
}

#[test]
fn analyze_crlf_input_reads_like_lf() {
    let home = Home::new();
    let lf = home.run_in(
        &["analyze", "--format", "json"],
        Some(format!("{ANSWER}\nI learned a lot.\n")),
    );
    let crlf = home.run_in(
        &["analyze", "--format", "json"],
        Some(format!("{ANSWER}\r\nI learned a lot.\r\n")),
    );
    lf.code(0);
    crlf.code(0);
    assert_eq!(overall(&lf), overall(&crlf));
    assert_eq!(lf.json()["words"], crlf.json()["words"]);
    assert_eq!(lf.json()["star"], crlf.json()["star"]);
}

#[test]
fn analyze_markdown_drops_the_markup() {
    let home = Home::new();
    home.file(
        "answer.md",
        format!("**{ANSWER}**\n\n> I learned to listen *first*.\n"),
    );
    home.file(
        "answer.txt",
        format!("{ANSWER}\n\nI learned to listen first.\n"),
    );
    let md = home.run(&["analyze", "answer.md", "--format", "json"]);
    let txt = home.run(&["analyze", "answer.txt", "--format", "json"]);
    md.code(0);
    assert_eq!(md.json()["words"], txt.json()["words"]);
    assert_eq!(overall(&md), overall(&txt));
}

#[test]
fn analyze_json_input_carries_its_question() {
    let home = Home::new();
    let input = serde_json::json!({"answer": ANSWER, "question": "angry-customer-call-center"});
    home.file("answer.json", input.to_string());
    let r = home.run(&["analyze", "answer.json", "--format", "json"]);
    r.code(0);
    assert_eq!(r.json()["question"]["id"], "angry-customer-call-center");
    // From stdin, a leading `{` means JSON.
    let piped = home.run_in(&["analyze", "--format", "json"], Some(input.to_string()));
    assert_eq!(piped.json()["question"]["id"], "angry-customer-call-center");
    // The flag wins over the file.
    let flag = home.run(&[
        "analyze",
        "answer.json",
        "--format",
        "json",
        "--question",
        "tell-me-about-yourself",
    ]);
    assert_eq!(flag.json()["question"]["id"], "tell-me-about-yourself");
}

/// The text of `angry-customer-call-center` as a candidate might paste it.
const ANGRY_TYPED: &str = "describe a situation where you had to handle an angry or \
frustrated customer in a call center.  How did you approach the situation";

#[test]
fn analyze_a_bank_question_given_by_its_text_is_that_question() {
    let home = Home::new();
    let by_id = home.run_in(
        &[
            "analyze",
            "-f",
            "json",
            "--question",
            "angry-customer-call-center",
        ],
        Some(ANSWER),
    );
    let by_text = home.run_in(
        &["analyze", "-f", "json", "--question-text", ANGRY_TYPED],
        Some(ANSWER),
    );
    by_text.code(0);
    assert_eq!(by_text.json(), by_id.json());
    // In a JSON answer too, where the bank's kind wins over the one given, as for an id.
    let input =
        serde_json::json!({"answer": ANSWER, "question_text": ANGRY_TYPED, "kind": "motivation"});
    let piped = home.run_in(&["analyze", "-f", "json"], Some(input.to_string()));
    assert_eq!(piped.json(), by_id.json());
    // The text output shows the bank's wording of the question.
    home.run_in(&["analyze", "--question-text", ANGRY_TYPED], Some(ANSWER))
        .out_has("Q: Describe a situation where you had to handle an angry or frustrated");
}

#[test]
fn analyze_a_question_text_close_to_a_bank_question_stays_free_text() {
    let near = "Describe a situation where you had to handle an angry customer in a call center. \
How did you approach the situation?";
    let r = Home::new().run_in(
        &[
            "analyze",
            "-f",
            "json",
            "--kind",
            "situational",
            "--question-text",
            near,
        ],
        Some(ANSWER),
    );
    r.code(0);
    assert_eq!(r.json()["question"]["id"], serde_json::Value::Null);
    assert_eq!(r.json()["question"]["kind"], "situational");
}

#[test]
fn analyze_json_input_of_the_wrong_shape_says_what_it_expects() {
    let r = Home::new().run_in(&["analyze"], Some(r#"{"answer": 3}"#));
    r.code(2)
        .err_has("<stdin>:1:")
        .err_has(r#"expected an object like {"answer": "...", "question": "an-id"}"#);
}

#[test]
fn analyze_text_markdown_and_json_outputs() {
    let home = Home::new();
    let args = [
        "analyze",
        "--question",
        "angry-customer-call-center",
        "--format",
    ];
    let text = home.run_in(&[&args[..], &["text"]].concat(), Some(ANSWER));
    text.code(0)
        .quiet()
        .out_has("Overall ")
        .out_has("STAR map")
        .out_has("Fix first");
    let md = home.run_in(&[&args[..], &["markdown"]].concat(), Some(ANSWER));
    md.code(0).quiet().out_has("# ");
    let json = home.run_in(&[&args[..], &["json"]].concat(), Some(ANSWER));
    json.code(0).quiet();
    assert_eq!(json.json()["schema_version"], 2);
}

/// Regression: a penalty rule that took nothing showed as "points -0".
#[test]
fn analyze_explain_shows_every_rule_without_negative_zero() {
    let r = Home::new().run_in(
        &[
            "analyze",
            "--question",
            "angry-customer-call-center",
            "--explain",
        ],
        Some(ANSWER),
    );
    r.code(0)
        .out_has("How the scores were reached")
        .out_has("situation.present")
        .out_has("delivery.filler");
    assert!(
        !r.out.contains("-0\n") && !r.out.contains("-0/"),
        "{}",
        r.out
    );
}

#[test]
fn analyze_fail_under_exits_1_below_the_score() {
    let home = Home::new();
    let r = home.run_in(&["analyze", "--format", "json"], Some(ANSWER));
    let score = overall(&r);
    let above = format!("{}", score.floor() - 1.0);
    let below = format!("{}", score.ceil() + 1.0);
    home.run_in(&["analyze", "--fail-under", &above], Some(ANSWER))
        .code(0);
    home.run_in(&["analyze", "--fail-under", &below], Some(ANSWER))
        .code(1);
    // Output is still printed in full.
    home.run_in(
        &["analyze", "--fail-under", "101", "--format", "json"],
        Some(ANSWER),
    )
    .code(1)
    .out_has("\"overall\"");
}

#[test]
fn analyze_an_unknown_question_suggests_the_closest() {
    Home::new()
        .run_in(&["analyze", "--question", "angry-customer"], Some(ANSWER))
        .code(2)
        .err_has("did you mean `angry-customer-");
}

#[test]
fn analyze_says_which_finding_holds_the_score_down() {
    let home = Home::new();
    // A good story told all in "we": held at the ceiling of `ownership.only-we`.
    let we = "Last spring a caller was furious because her internet had been down for three \
        days during her exams. We apologized and we checked the line from our dashboard. We \
        found a faulty port at the street cabinet, and we booked a technician for the same \
        afternoon. We called her back at 5 pm to confirm it worked. She thanked us by name in \
        the survey and gave us a 10 out of 10, and our repeat calls on that street dropped by \
        30% that month.";
    home.run_in(
        &["analyze", "--question", "angry-customer-call-center", "-"],
        Some(we.as_bytes()),
    )
    .code(0)
    .out_has("Overall 44/100")
    .out_has("Held at 44 (");
    let json = home
        .run_in(
            &[
                "analyze",
                "--format",
                "json",
                "--question",
                "angry-customer-call-center",
                "-",
            ],
            Some(we.as_bytes()),
        )
        .code(0)
        .json();
    assert_eq!(json["ceiling"]["rule"], "ownership.only-we");
    assert!(json["ceiling"]["uncapped"].as_f64().unwrap() > 44.0);
    // A real story has no ceiling: the field is left out.
    let real = home
        .run_in(
            &["analyze", "--format", "json", "-"],
            Some(ANSWER.as_bytes()),
        )
        .code(0)
        .json();
    assert!(real.get("ceiling").is_none());
}
