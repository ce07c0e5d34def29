//! How a practice session starts and moves, piped (issue 16): a default session opens the way
//! interviews do and says how long it is, `:question` to the question on the screen does not
//! show it again, and `:questions` keeps a gap between the id column and the text.

mod common;

const ABOUT: &str = "tell-me-about-yourself";
const ANGRY: &str = "angry-customer-call-center";

fn practice(args: &[&str], stdin: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = common::starcoach(home.path())
        .arg("practice")
        .arg("--no-save")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    common::stdout(&out)
}

/// Regression: the default session opened with "Question 1 of 92" and a hard behavioral one.
#[test]
fn a_default_session_starts_with_the_opener_and_says_how_many_questions() {
    for seed in ["1", "2", "3"] {
        let out = practice(&["--seed", seed], "");
        assert!(
            out.contains("This session asks 8 questions (--count sets how many)."),
            "{out}"
        );
        assert!(out.contains("Question 1 of 8 · general"), "{out}");
        assert!(out.contains("\nTell me about yourself.\n"), "{out}");
    }
}

#[test]
fn a_count_given_is_not_announced_and_filters_decide_the_opener() {
    let out = practice(&["--seed", "4", "--count", "3"], "");
    assert!(out.contains("Question 1 of 3 · general"), "{out}");
    assert!(!out.contains("This session asks"), "{out}");
    // No general question in the filter: no opener, the mix starts at once.
    let out = practice(&["--seed", "4", "--kind", "behavioral"], "");
    assert!(out.contains("Question 1 of 8 · behavioral"), "{out}");
    // Questions asked for by id: just those, and no announcement.
    let out = practice(&["--question", ANGRY], "");
    assert!(out.contains("Question 1 of 1 · behavioral"), "{out}");
    assert!(!out.contains("This session asks"), "{out}");
}

/// Regression: `:q ID` for the question on the screen showed its header a second time.
#[test]
fn question_command_for_the_question_on_the_screen_does_not_repeat_it() {
    let out = practice(
        &["--question", ANGRY, "--question", ABOUT],
        &format!(":q {ANGRY}\n"),
    );
    assert_eq!(out.matches("Question 1 of 2").count(), 1, "{out}");
    assert!(
        out.contains("That is the question you are on: type your answer."),
        "{out}"
    );
    // To another question: its header once.
    let out = practice(
        &["--question", ANGRY, "--question", ABOUT],
        &format!(":q {ABOUT}\n"),
    );
    assert_eq!(
        out.matches("\nTell me about yourself.\n").count(),
        1,
        "{out}"
    );
}

/// Regression: `:questions` ran the id column into the text.
#[test]
fn questions_list_keeps_two_spaces_between_id_and_text() {
    let out = practice(&["--question", ANGRY, "--question", ABOUT], ":questions\n");
    let at = out.find("Questions in this session").expect("a list");
    let rows: Vec<&str> = out[at..].lines().skip(1).take(2).collect();
    for (row, id) in rows.iter().zip([ANGRY, ABOUT]) {
        let after = &row[row.find(id).unwrap_or_else(|| panic!("{id} in {row:?}")) + id.len()..];
        assert!(
            after.starts_with("  ") && !after.trim().is_empty(),
            "{row:?}"
        );
    }
}
