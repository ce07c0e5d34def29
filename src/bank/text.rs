//! When two question texts are the same question: equal after folding case, spacing, curly
//! quotes and the final punctuation, and nothing more. A near-miss ("call centre" for "call
//! center", a word left out) is a different text: answering the wrong bank question would be
//! worse than answering none.

/// Punctuation that may end a question without changing it ("Tell me about yourself",
/// "Tell me about yourself." and "Tell me about yourself?" are one question).
const FINAL_PUNCTUATION: &[char] = &['.', '?', '!', '\u{2026}', ':', ';', ','];

/// Whether `a` and `b` are the same question text (see the module doc). Empty texts are never
/// the same question. The catalog compares [`question_key`]s instead; the tests check the two
/// agree.
#[cfg(test)]
fn same_question_text(a: &str, b: &str) -> bool {
    let mut a = folded(a).peekable();
    if a.peek().is_none() {
        return false;
    }
    a.eq(folded(b))
}

/// The text folded as [`same_question_text`] compares it: two texts are the same question
/// exactly when their keys are equal and not empty (a hash index of question texts uses it).
pub(crate) fn question_key(s: &str) -> String {
    folded(s).collect()
}

/// The text's characters folded for comparison, without allocating: lowercase, straight
/// quotes, one space for each run of whitespace, no whitespace or final punctuation at either
/// end.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    let core = s
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || FINAL_PUNCTUATION.contains(&c));
    let mut after_space = false;
    core.chars()
        .filter_map(move |c| {
            if c.is_whitespace() {
                let first = !after_space;
                after_space = true;
                first.then_some(' ')
            } else {
                after_space = false;
                Some(straight_quote(c))
            }
        })
        .flat_map(char::to_lowercase)
}

/// Curly single and double quotes as the straight ones a keyboard types.
fn straight_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::question_key;
    use super::same_question_text as same;

    const Q: &str = "What would you do if you didn't know the answer to a customer's question?";

    #[test]
    fn case_spacing_quotes_and_final_punctuation_do_not_matter() {
        assert!(same(Q, Q));
        assert!(same(
            Q,
            "what would you do if you didn\u{2019}t know the answer to a customer\u{2019}s question"
        ));
        assert!(same(
            Q,
            "  WHAT would you do if\tyou didn't know\n the answer to a customer's  question ?! "
        ));
        assert!(same(
            "Tell me about a time you said \"yes\".",
            "tell me about a time you said \u{201C}yes\u{201D}"
        ));
        assert!(same(
            "Tell me about yourself.",
            "Tell me about yourself\u{2026}"
        ));
    }

    #[test]
    fn near_misses_are_different_questions() {
        for other in [
            "What would you do if you didn't know the answer to a customer question?",
            "What would you do if you did not know the answer to a customer's question?",
            "What would you do if you didnt know the answer to a customer's question?",
            "What would you do if you didn't know the answer to a customer's questions?",
            "Q: What would you do if you didn't know the answer to a customer's question?",
            "What would you do if you didn't know the answer to a customer's question? Why?",
        ] {
            assert!(!same(Q, other), "{other:?}");
        }
        assert!(!same(
            "Why do you want to work here?",
            "Why do you want to work here now?"
        ));
        assert!(!same("call center", "call centre"));
        assert!(!same("call center", "call-center"));
    }

    #[test]
    fn punctuation_inside_the_text_still_counts() {
        assert!(!same("Why us? Why now?", "Why us Why now?"));
        assert!(!same(
            "Tell me, briefly, about yourself",
            "Tell me briefly about yourself"
        ));
    }

    #[test]
    fn empty_or_punctuation_only_texts_match_nothing() {
        assert!(!same("", ""));
        assert!(!same("?", "?"));
        assert!(!same("  ", "."));
    }

    #[test]
    fn equal_keys_are_exactly_the_same_question() {
        let texts = [
            Q,
            "what would you do if you didn\u{2019}t know the answer to a customer\u{2019}s question",
            "What would you do if you didn't know the answer to a customer question?",
            "Tell me about yourself.",
            "  TELL me about\tyourself\u{2026}",
            "Tell me about your self.",
            "Why us? Why now?",
            "Why us Why now?",
            "",
            "?",
        ];
        for a in texts {
            for b in texts {
                let by_key = !question_key(a).is_empty() && question_key(a) == question_key(b);
                assert_eq!(by_key, same(a, b), "{a:?} / {b:?}");
            }
        }
    }
}
