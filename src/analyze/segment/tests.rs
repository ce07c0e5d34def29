use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|r| &text[r]).collect()
}

#[track_caller]
fn one(text: &str) {
    assert_eq!(split(text), [text.trim()], "must stay one sentence");
}

// --- must not split -----------------------------------------------------------------------

#[test]
fn empty_and_whitespace_only_input_has_no_sentences() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \t\r\n\n\u{a0}\u{2029} ").is_empty());
}

#[test]
fn does_not_split_after_mr() {
    one("I transferred Mr. Lee to billing.");
    one("Mrs. Ortiz and Dr. Patel called Ms. Kim and Prof. Adams.");
    one("I called Mr.\nSmith back within the hour.");
}

#[test]
fn does_not_split_after_e_g_i_e_vs_or_approx() {
    one("I used tools, e.g. Zendesk and Salesforce, to track it.");
    one("The root cause, i.e. The billing bug, was fixed.");
    one("It was Team A vs. Team B on call volume.");
    one("I handled approx. 60 calls a day.");
}

#[test]
fn does_not_split_a_m_and_p_m_in_the_middle_of_a_sentence() {
    one("I start at 9 a.m. and finish at 5 p.m. on weekdays.");
    one("The call came in at 9 a.m. EST on a Monday.");
    one("At 5 a.m. Mr. Smith was already waiting.");
}

#[test]
fn does_not_split_abbreviations_before_lowercase_words() {
    one("I worked at Acme Inc. for two years.");
    one("We sold phones, tablets, etc. to small businesses.");
    one("She is on 5th st. near the bank.");
    one("I moved to the U.S. in 2019.");
}

#[test]
fn does_not_split_u_s_before_a_noun() {
    one("I worked for the U.S. Postal Service for two years.");
    one("Our U.K. Office took the overflow calls.");
}

#[test]
fn does_not_split_numbered_references() {
    one("We were ranked No. 5 in the region.");
    one("The policy is on p. 12 of the handbook.");
    one("See fig. 3 and vol. 2 for the numbers.");
}

#[test]
fn does_not_split_single_initials() {
    one("I reported to J. Smith and later to Mary K. Jones.");
    one("J. R. Lopez trained me on the new system.");
    one("A. B. Smith called me twice.");
}

#[test]
fn does_not_split_decimals_prices_and_versions() {
    one("Our CSAT rose from 4.5 to 4.8 and we saved $2.50 per call after v1.2 shipped.");
    one("Handle time dropped 12.5% in Q3.");
}

#[test]
fn does_not_split_emails_and_web_addresses() {
    one("I emailed support@acme.com and Jane.Doe@Acme.com about it.");
    one("Customers could also visit www.Acme.com or https://acme.com/help?Topic=Refunds today.");
    one("Our site Acme.Com was down.");
}

#[test]
fn does_not_split_missing_spaces_inside_abbreviations() {
    one("I called Mr.Smith right away.");
    one("Use a tool e.g.Zendesk for that.");
    one("My manager (Dr. Chen, Ph.D.) agreed.");
}

#[test]
fn does_not_split_quotes_and_parentheses_followed_by_lowercase() {
    one("She said \"Thank you.\" and hung up.");
    one("He asked \u{201c}Why?\u{201d} and I explained.");
    one("I stayed late (my shift ended at six.) to finish it.");
}

#[test]
fn does_not_split_exclamations_inside_names() {
    one("She works at Yahoo! in the accounting department.");
}

#[test]
fn does_not_split_ellipses_followed_by_lowercase() {
    one("I waited... and waited... and finally got through.");
    one("I waited\u{2026} and then called again.");
    one("It was . . . a long day.");
    one("I quoted the policy [...] to the customer.");
}

#[test]
fn does_not_split_hard_wrapped_lines() {
    one("I stayed on the line with the customer\nuntil the refund went through.");
    one("I stayed on the line with the customer\r\nuntil the refund went through.");
    one("I escalated it to the\nManager on duty, who approved it.");
    one("We cut wait times,\nReduced callbacks and kept CSAT high.");
    one("I handled\n50 calls a day.");
    one("I saved the company\n$5,000 a year.");
    one("I saved the company\n€5,000 a year.");
    one("We split the work between the day and night teams -\n— and it worked.");
}

#[test]
fn does_not_split_a_label_from_its_sentence() {
    one("Situation: I was a cashier at a grocery store.");
    one("**Task:** I had to calm the customer down.");
}

#[test]
fn does_not_split_an_enumeration_in_the_middle_of_a_sentence() {
    one("We had 1) a plan and 2) a backup.");
    one("Press option 1) then option 2) for billing.");
}

#[test]
fn does_not_split_a_5000_word_sentence_without_punctuation() {
    let text = "and then the customer said ".repeat(1000);
    assert_eq!(split(&text), [text.trim()]);
}

// --- must split ---------------------------------------------------------------------------

#[test]
fn splits_after_periods_question_marks_and_exclamation_marks() {
    assert_eq!(
        split("I listened. Then I apologized! Was it enough? It was."),
        [
            "I listened.",
            "Then I apologized!",
            "Was it enough?",
            "It was."
        ]
    );
    assert_eq!(split("Wow!! Really?! Yes."), ["Wow!!", "Really?!", "Yes."]);
}

#[test]
fn splits_after_an_abbreviation_that_ends_a_sentence() {
    assert_eq!(
        split("I handled calls, emails, etc. Then I trained new hires."),
        ["I handled calls, emails, etc.", "Then I trained new hires."]
    );
    assert_eq!(
        split("I worked at Acme Inc. It was my first job."),
        ["I worked at Acme Inc.", "It was my first job."]
    );
    assert_eq!(
        split("I moved to the U.S. How could I not?"),
        ["I moved to the U.S.", "How could I not?"]
    );
}

#[test]
fn splits_after_a_m_and_p_m_at_the_end_of_a_sentence() {
    assert_eq!(
        split("He called back at 6 P.M. Mr. Smith was calmer then."),
        ["He called back at 6 P.M.", "Mr. Smith was calmer then."]
    );
    assert_eq!(
        split("My shift ended at 5 p.m. The queue was still full."),
        ["My shift ended at 5 p.m.", "The queue was still full."]
    );
}

#[test]
fn splits_after_the_pronoun_i_but_not_after_an_initial() {
    assert_eq!(
        split("The last ones there were Sam and I. Did we mind? No."),
        ["The last ones there were Sam and I.", "Did we mind?", "No."]
    );
    assert_eq!(
        split("It was plan B. The customer agreed."),
        ["It was plan B.", "The customer agreed."]
    );
}

#[test]
fn splits_after_a_number_that_ends_a_sentence() {
    assert_eq!(
        split("We saved $100.00. It paid for the training."),
        ["We saved $100.00.", "It paid for the training."]
    );
    assert_eq!(
        split("Our team size was 12. Everyone took calls."),
        ["Our team size was 12.", "Everyone took calls."]
    );
}

#[test]
fn splits_after_closing_quotes_and_parentheses() {
    assert_eq!(
        split("He said \"no.\" Then he hung up."),
        ["He said \"no.\"", "Then he hung up."]
    );
    assert_eq!(
        split("She wrote \u{201c}Thanks!\u{201d} Her review was five stars."),
        [
            "She wrote \u{201c}Thanks!\u{201d}",
            "Her review was five stars."
        ]
    );
    assert_eq!(
        split("(I was new then.) My lead helped me."),
        ["(I was new then.)", "My lead helped me."]
    );
}

#[test]
fn splits_after_ellipses_before_a_capital() {
    assert_eq!(
        split("I thought about it... Then I called back."),
        ["I thought about it...", "Then I called back."]
    );
    assert_eq!(
        split("I waited\u{2026} Nobody answered."),
        ["I waited\u{2026}", "Nobody answered."]
    );
}

#[test]
fn splits_when_the_space_after_a_period_is_missing() {
    assert_eq!(
        split("I fixed it.Then I called her back.It worked!Now she is a regular."),
        [
            "I fixed it.",
            "Then I called her back.",
            "It worked!",
            "Now she is a regular."
        ]
    );
    assert_eq!(split("I was done.I left."), ["I was done.", "I left."]);
    assert_eq!(
        split("The total was $1,234.56.The customer paid."),
        ["The total was $1,234.56.", "The customer paid."]
    );
}

#[test]
fn splits_lowercase_answers_at_periods_before_sentence_starters() {
    assert_eq!(
        split("i helped the customer. then i followed up. she was happy."),
        [
            "i helped the customer.",
            "then i followed up.",
            "she was happy."
        ]
    );
}

#[test]
fn splits_before_a_lowercase_label_after_a_period() {
    assert_eq!(
        split(
            "Situation: a customer called about a double charge. task: I had to refund it. \
             action - I checked the account. what I did next: I called back! result: she stayed."
        ),
        [
            "Situation: a customer called about a double charge.",
            "task: I had to refund it.",
            "action - I checked the account.",
            "what I did next: I called back!",
            "result: she stayed.",
        ]
    );
    assert_eq!(
        split("I refunded the $40. result - she stayed. I saw 12. the result: calm."),
        [
            "I refunded the $40.",
            "result - she stayed.",
            "I saw 12.",
            "the result: calm."
        ]
    );
    assert_eq!(
        split("situation: a double charge\ntask: refund it\nI called the\nmanager: no luck"),
        [
            "situation: a double charge",
            "task: refund it",
            "I called the\nmanager: no luck"
        ]
    );
    assert_eq!(
        split("He was upset.\nmy role \u{2013} keep him on the line."),
        ["He was upset.", "my role \u{2013} keep him on the line."]
    );
}

#[test]
fn does_not_split_before_a_lowercase_word_that_is_no_label() {
    // No colon or spaced dash right after a few words.
    one("I worked at Acme Inc. near: the mall.");
    one("I emailed them at 9 p.m. sharp: it was late.");
    one("He said e.g. refunds: yes.");
    one("I waited. task-based work is slow.");
    one("I waited. results and more results came in, and one of them: the refund.");
    one("I called back approx. two hours later: he had calmed down.");
    one("It cost $40. the refund came later.");
    one("'Fine.' task: done.");
}

#[test]
fn splits_list_items_on_their_own_lines() {
    let text = "Areas to Cover:\n- the first thing\n* the second thing\n+ a third\n\
                \u{2022} a fourth\n1. a fifth\n2) a sixth\na) a seventh";
    assert_eq!(
        split(text),
        [
            "Areas to Cover:",
            "- the first thing",
            "* the second thing",
            "+ a third",
            "\u{2022} a fourth",
            "1. a fifth",
            "2) a sixth",
            "a) a seventh",
        ]
    );
}

#[test]
fn splits_inline_numbered_and_bulleted_lists() {
    assert_eq!(
        split("I did three things: 1) listened 2) apologized 3) fixed it."),
        [
            "I did three things:",
            "1) listened",
            "2) apologized",
            "3) fixed it."
        ]
    );
    assert_eq!(
        split("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        split("\u{2022} greet the caller \u{2022} verify the account"),
        ["\u{2022} greet the caller", "\u{2022} verify the account"]
    );
}

#[test]
fn splits_on_blank_lines_even_without_punctuation() {
    assert_eq!(
        split("first I listened\n\nthen I acted"),
        ["first I listened", "then I acted"]
    );
    assert_eq!(
        split("first I listened\r\n\r\nthen I acted"),
        ["first I listened", "then I acted"]
    );
    assert_eq!(
        split("first I listened\n   \nthen I acted"),
        ["first I listened", "then I acted"]
    );
}

#[test]
fn splits_at_a_line_break_when_the_next_line_starts_a_sentence() {
    assert_eq!(
        split("Answer 1: Providing a Refund\nI once had an unhappy customer."),
        [
            "Answer 1: Providing a Refund",
            "I once had an unhappy customer."
        ]
    );
    assert_eq!(
        split("I apologized.\r\nThen I offered a refund.\r\n"),
        ["I apologized.", "Then I offered a refund."]
    );
    assert_eq!(
        split("I fixed it.\nthen I called back."),
        ["I fixed it.", "then I called back."]
    );
}

#[test]
fn splits_lines_that_start_with_an_emoji() {
    assert_eq!(
        split("What I did\n✅ listened first\n✅ apologized\n🙂"),
        ["What I did", "✅ listened first", "✅ apologized", "🙂"]
    );
}

#[test]
fn splits_a_label_alone_on_its_line() {
    let text = "Situation:\ni was a cashier.\n(Result)\nthe line moved faster.\n\
                **Task**\nI had to help.\n## Action\nI helped.";
    assert_eq!(
        split(text),
        [
            "Situation:",
            "i was a cashier.",
            "(Result)",
            "the line moved faster.",
            "**Task**",
            "I had to help.",
            "## Action",
            "I helped.",
        ]
    );
}

#[test]
fn splits_non_latin_scripts() {
    assert_eq!(
        split("私はレジ係でした。お客様が怒っていました。"),
        ["私はレジ係でした。", "お客様が怒っていました。"]
    );
    assert_eq!(
        split("मैं कैशियर था। ग्राहक नाराज़ था।"),
        ["मैं कैशियर था।", "ग्राहक नाराज़ था।"]
    );
    assert_eq!(
        split("Я работал кассиром. Потом меня повысили."),
        ["Я работал кассиром.", "Потом меня повысили."]
    );
}

#[test]
fn splits_around_emoji() {
    assert_eq!(
        split("I fixed it \u{1f389}. Then the customer smiled \u{1f60a}! Great day."),
        [
            "I fixed it \u{1f389}.",
            "Then the customer smiled \u{1f60a}!",
            "Great day."
        ]
    );
    assert_eq!(
        split("Thanks!\u{1f60a}\u{1f60a} I loved it."),
        ["Thanks!\u{1f60a}\u{1f60a}", "I loved it."]
    );
    assert_eq!(
        split("Done. \u{1f44d} The customer left happy."),
        ["Done.", "\u{1f44d} The customer left happy."]
    );
}

#[test]
fn splits_a_typical_star_answer() {
    let text = "Situation: At my last job at Acme Inc., a customer called at 8 a.m. \
                about a double charge of $49.99.\r\n\
                Task: I needed to fix it on the first call.\r\n\
                Action: I apologized, checked the account (no. 4471), and refunded it.\
                Then I emailed a receipt to j.doe@example.com.\r\n\r\n\
                Result: She thanked me... and CSAT went up 5%.";
    assert_eq!(
        split(text),
        [
            "Situation: At my last job at Acme Inc., a customer called at 8 a.m. about a \
             double charge of $49.99.",
            "Task: I needed to fix it on the first call.",
            "Action: I apologized, checked the account (no. 4471), and refunded it.",
            "Then I emailed a receipt to j.doe@example.com.",
            "Result: She thanked me... and CSAT went up 5%.",
        ]
    );
}

// --- invariants and data ------------------------------------------------------------------

#[test]
fn ranges_are_trimmed_ordered_and_cover_every_non_whitespace_char() {
    let text = " \u{feff}Hi!! \u{2026}ok.\r\n\r\n- \u{1f600}.\u{a0}A. b? \"C.\" (d.) \
                . . . . E\u{2028}f\u{2029}\u{3002}\u{3002}1) 2) x\n\n";
    let ranges = sentences(text);
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for r in &ranges {
        assert!(r.start >= last && r.start < r.end, "{ranges:?}");
        let s = &text[r.clone()];
        assert_eq!(s, s.trim(), "{ranges:?}");
        covered[r.clone()].fill(true);
        last = r.end;
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at {i} not covered");
    }
}

/// The windows of `uax_candidates` plus the line breaks of `scan` find exactly the
/// boundaries of UAX #29 run over the whole text (those with text after them).
fn windows_match_whole_text(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    use std::collections::BTreeSet;
    let before_text = |&e: &usize| skip_ws(text, e) < text.len();
    let whole: BTreeSet<usize> = text
        .split_sentence_bound_indices()
        .skip(1)
        .map(|(i, _)| trim_back(text, i))
        .filter(before_text)
        .collect();
    let mut cands = Vec::new();
    uax_candidates(text, &mut cands);
    for (i, c) in text.char_indices() {
        if c == '\n' || (c == '\r' && !text[i + 1..].starts_with('\n')) {
            line_break(text, i + 1, &mut cands);
        }
    }
    let windowed: BTreeSet<usize> = cands.iter().map(|c| c.end).filter(before_text).collect();
    proptest::prop_assert_eq!(whole, windowed, "{:?}", text);
    Ok(())
}

proptest::proptest! {
    #[test]
    fn uax_windows_find_the_same_boundaries_as_the_whole_text(
        text in "([a-zA-Z0-9]{1,6}|[ .!?\"')(:,\t\r\n]|\u{a0}|\u{2028}|\u{2029}|\u{85}|\u{301}|\u{200d}|[\u{3002}\u{ff01}\u{964}\u{2026}\u{201d}\u{2019}]|[\u{e9}\u{3b1}\u{416}\u{4e00}]|\\PC){0,60}"
    ) {
        windows_match_whole_text(&text)?;
    }

    #[test]
    fn uax_windows_match_on_arbitrary_text(text in proptest::prelude::any::<String>()) {
        windows_match_whole_text(&text)?;
    }
}

#[test]
fn word_lists_are_sorted_lowercase_and_deduplicated() {
    for (name, list) in [
        ("NEVER_FINAL", NEVER_FINAL),
        ("NUMBER_PREFIX", NUMBER_PREFIX),
        ("ABBR", ABBR),
        ("STARTERS", STARTERS),
        ("LOWER_STARTERS", LOWER_STARTERS),
        ("CONTINUATION_WORDS", CONTINUATION_WORDS),
        ("TIME_FOLLOWERS", TIME_FOLLOWERS),
        ("TIME_PREPS", TIME_PREPS),
        ("TLDS", TLDS),
    ] {
        for w in list.windows(2) {
            assert!(
                w[0] < w[1],
                "{name}: {:?} must come before {:?}",
                w[1],
                w[0]
            );
        }
        for w in list.iter() {
            assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
            assert!(
                w.len() <= 24,
                "{name}: {w:?} is longer than the lookup buffer"
            );
        }
    }
}
