//! The coaching conversation, driven through a pipe with answers typed the way candidates type
//! them (typos, British spelling, "him" and "her" where the bank says "them"): coverage claims
//! that agree with the answer, follow-ups that move on, retries whose diff names only what
//! really changed, and "Practise next" that starts where the candidate is weakest.
//!
//! Each test is a regression test for one situation of issue 14; the first line of its comment
//! says what the coach did before.

mod common;

use serde_json::Value;

const ANGRY: &str = "angry-customer-call-center";

/// The project's own example answer (examples/answers/angry-caller.txt), on one line.
fn example_answer() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/answers/angry-caller.txt");
    flat(&std::fs::read_to_string(path).unwrap())
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Run {
    out: String,
    home: tempfile::TempDir,
}

impl Run {
    /// The output from the first `marker` on (to the end).
    #[track_caller]
    fn after(&self, marker: &str) -> &str {
        let at = self
            .out
            .find(marker)
            .unwrap_or_else(|| panic!("no {marker:?} in the output:\n{}", self.out));
        &self.out[at..]
    }

    fn records(&self) -> Vec<Value> {
        std::fs::read_to_string(self.home.path().join("data/attempts.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn practice(args: &[&str], stdin: &str, columns: usize) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = common::starcoach(home.path())
        .env("COLUMNS", columns.to_string())
        .arg("practice")
        // The written-English notes come when the checker is ready, which varies with the
        // machine's load; these tests are about the conversation.
        .arg("--no-english")
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    Run {
        out: common::stdout(&out),
        home,
    }
}

fn angry(stdin: &str) -> Run {
    practice(&["--question", ANGRY], stdin, 80)
}

/// The "Fix first" block of the first feedback screen in `text`.
fn fixes(text: &str) -> String {
    let at = text.find("Fix first").map_or(text.len(), |i| i);
    let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
    flat(&text[at..end])
}

/// The relevance score on the first feedback screen.
fn relevance(text: &str) -> f64 {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("relevance "))
        .unwrap_or_else(|| panic!("no relevance score in:\n{text}"));
    line.split_whitespace().last().unwrap().parse().unwrap()
}

/// The overall scores in the first "What changed" block: (before, after).
fn overall_change(text: &str) -> (f64, f64) {
    let at = text.find("Overall ").unwrap();
    let line = text[at..].lines().next().unwrap();
    let nums: Vec<f64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    (nums[0], nums[1])
}

/// The follow-up question asked on a screen (its text, unwrapped), if any.
fn follow_up(screen: &str) -> Option<String> {
    let at = screen.find("\nFollow-up (")?;
    let body = &screen[at + 1..];
    let text: Vec<&str> = body
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    Some(flat(&text.join(" ")))
}

/// The screens after each answer, in order (split where a new feedback screen starts).
fn screens(out: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = out
        .match_indices("\nOverall ")
        .map(|(i, _)| i)
        .filter(|&i| !out[..i].ends_with("What changed since your last attempt"))
        .collect();
    starts.push(out.len());
    starts.windows(2).map(|w| &out[w[0]..w[1]]).collect()
}

/// Regression: the project's own example answer ("I let her finish before saying anything,
/// then apologized") was told to "tell how you responded in the first moments of the call".
#[test]
fn the_example_answer_is_not_told_to_say_how_it_responded_first() {
    let run = angry(&format!("{}\n\n", example_answer()));
    let first = fixes(&run.out);
    assert!(!first.contains("first moments"), "{first}");
    assert!(!first.contains("real problem behind the anger"), "{first}");
}

/// Regression: "let him finish" missed the keyword "let them finish", "shouting" was not
/// anger and "apologised" only half counted: a real story typed with typos and British
/// spelling was told it left out what it said.
#[test]
fn him_and_her_british_spelling_and_typos_still_cover_the_areas() {
    let answer = "last year a man rang our helpline and he was shouting at me becuase his \
        internet had been down for a week. i let him finish and then i apologised and promised \
        to sort it. i checked his line and saw the engineer visit had been cancelled twice so i \
        booked a new one for the next morning. he rang back the day after to thank me.";
    let run = angry(&format!("{answer}\n\n"));
    let first = fixes(&run.out);
    for area in [
        "set the caller off",
        "first moments",
        "calming techniques",
        "how it ended",
    ] {
        assert!(!first.contains(area), "{area:?} is in the answer: {first}");
    }
    // Six of the seven areas are there (not composure): before, only two were found.
    assert!(relevance(&run.out) >= 90.0, "{}", run.out);
}

/// Regression: "practise" missed the keyword `practic*` (American spelling only).
#[test]
fn practise_in_british_spelling_covers_practic_star() {
    let answer = "In my first week at the bank we moved to a new system and i had three days to \
        learn it. I practised every screen in the training system on my lunch break until it \
        felt normal. By friday i was taking calls on it on my own.";
    let run = practice(
        &["--question", "learn-new-system-service"],
        &format!("{answer}\n\n"),
        80,
    );
    let first = fixes(&run.out);
    assert!(!first.contains("sped up your learning"), "{first}");
    assert!(relevance(&run.out) >= 90.0, "{}", run.out);
}

/// Regression: a retry that turned "I would let them finish" into a real story ("I let him
/// finish") lost half its relevance (100 -> 48) and was told parts were "not covered yet".
#[test]
fn a_retry_that_turns_a_plan_into_a_real_story_keeps_its_relevance() {
    let plan = "If a caller was angry I would let them finish and not interrupt. I would stay \
        calm and professional, say sorry and that I understand, then find the root cause and fix \
        it so they are satisfied in the end.";
    let story = "Last year a man rang our helpline and shouted at me because his internet had \
        been down for a week. I let him finish, then I apologised and promised to sort it. I \
        checked his line and saw the engineer visit had been cancelled twice. I booked a new \
        visit for the next morning and rang him back after it. He thanked me.";
    let run = angry(&format!("{plan}\n\n:retry\n{story}\n\n"));
    let diff = run.after("What changed since your last attempt");
    let diff = &diff[..diff.find("\n\n").unwrap()];
    assert!(!diff.contains("relevance -"), "{diff}");
    assert!(!diff.contains("Parts of the question"), "{diff}");
    assert!(diff.contains("now one specific time"), "{diff}");
}

/// Regression: answering "You said 'we' a lot. What was your own part?" with exactly that got
/// "Overall 60 -> 60 (0)", a new "The story jumps back to the set-up after the action", and the
/// same follow-up again.
#[test]
fn answering_the_we_follow_up_moves_the_conversation_on() {
    let story = "Last winter a customer called our store furious because her order had arrived \
        broken. We listened to her and we apologized. We checked the order and we sent a \
        replacement the same day. She thanked us in the end.";
    let own = "my own part was the call itself: i took the call, i apologised to her, i looked \
        up the order and i booked the replacement myself.";
    let run = angry(&format!("{story}\n\n{own}\n\n"));
    let screens = screens(&run.out);
    let asked = follow_up(screens[0]).expect("a follow-up");
    assert!(
        asked.contains("\"we\""),
        "fixture: the we follow-up: {asked}"
    );
    let reply = run.after("Your answer with the follow-up");
    let (before, after) = overall_change(run.after("What changed since your last attempt"));
    assert!(after > before, "{before} -> {after}:\n{reply}");
    assert!(!reply.contains("jumps back"), "{reply}");
    assert_ne!(follow_up(reply).as_deref(), Some(asked.as_str()), "{reply}");
    // The reply sits with the actions, before how it ended, marked as the reply.
    let map = &reply[reply.find("STAR map").unwrap()..];
    let mine = map.find("A+ my own part").expect("the reply, as an action");
    assert!(mine < map.find("She thanked us").unwrap(), "{map}");
}

/// A reply told as a set-up ("I was the agent on the phone that day...") is placed with the
/// story and is not a jump back to the set-up, and the we follow-up is not asked again.
#[test]
fn a_reply_told_as_background_is_no_jump_back() {
    let story = "Last winter a customer called our store furious because her order had arrived \
        broken. We listened to her and we apologized. We checked the order and we sent a \
        replacement the same day. She thanked us in the end.";
    let own = "I was the agent on the phone that day, so I was the one who apologised to her \
        and I booked the replacement.";
    let run = angry(&format!("{story}\n\n{own}\n\n"));
    let asked = follow_up(screens(&run.out)[0]).unwrap();
    let reply = run.after("Your answer with the follow-up");
    assert!(!reply.contains("jumps back"), "{reply}");
    assert_ne!(follow_up(reply).as_deref(), Some(asked.as_str()), "{reply}");
    // Both are recorded: the whole story, and the reply with the follow-up it answers.
    let recs = run.records();
    assert_eq!(recs[1]["reply"], own);
    assert_eq!(recs[1]["replies_to"].as_str(), Some(asked.as_str()));
    assert!(recs[1]["answer"].as_str().unwrap().contains(own));
}

/// Regression: after giving the example the follow-up asked for, the next follow-up asked for an
/// example again.
#[test]
fn after_giving_the_example_the_next_follow_up_asks_for_something_else() {
    let habit =
        "I always stay calm with angry callers. I say sorry and I fix the problem for them.";
    let example = "one time a lady was realy angry on the phone and i fixed it for her.";
    let run = angry(&format!("{habit}\n\n{example}\n\n"));
    let screens = screens(&run.out);
    let first = follow_up(screens[0]).unwrap();
    assert!(
        screens[0].contains("Follow-up (about specifics)"),
        "fixture: an example is asked for:\n{}",
        screens[0]
    );
    let next = follow_up(screens[1]).expect("a next follow-up");
    assert_ne!(next, first);
    assert!(
        !screens[1].contains("Follow-up (about specifics)"),
        "{}",
        screens[1]
    );
}

/// Regression: a 100/100 answer got no follow-up at all, where any interviewer would probe.
#[test]
fn a_strong_answer_still_gets_a_probing_follow_up() {
    let answer = example_answer().replace(
        "emailed our team to thank me by name.",
        "emailed our team to thank me by name, and our billing CSAT went from 81% to 88% that \
         quarter.",
    );
    let run = angry(&format!("{answer}\n\n"));
    assert!(
        run.out.contains("Overall 100/100"),
        "fixture: a 100:\n{}",
        run.out
    );
    assert!(run.out.contains("Follow-up (going deeper"), "{}", run.out);
    assert!(run.out.contains("Answer the follow-up"), "{}", run.out);
}

/// Regression: "Practise next" after answers scored 92 and 17 picked the 92's tip, not the
/// 17's "this says what you would do, not what you did".
#[test]
fn practise_next_starts_with_the_weakest_answer() {
    let run = practice(
        &["--question", ANGRY, "--question", "saying-no-call-center"],
        &format!(
            "{}\n\n\ni would listen to the customer and help them out.\n\n",
            example_answer()
        ),
        80,
    );
    let next = flat(run.after("Practise next"));
    assert!(next.contains("saying-no-call-center"), "{next}");
    assert!(
        next.contains("This says what you would do, not what you did."),
        "{next}"
    );
}

/// Regression: adding one unrelated sentence on a retry reported "lost the result part" and a
/// new episode type, and the diff's lines ran past the terminal width.
#[test]
fn a_padded_retry_reports_no_lost_part_and_fits_the_width() {
    let answer = "When my restaurant switched to Toast, I had one shift to learn it. I asked the \
        manager for the training login and practiced ringing fake orders on my break. By the \
        weekend I was showing the other servers how to split checks.";
    for extra in [
        "The office was in Leeds.",
        "I always try to stay positive with customers.",
    ] {
        let run = practice(
            &["--question", "learn-new-system-quickly-top36"],
            &format!("{answer}\n\n:retry\n{answer} {extra}\n\n"),
            60,
        );
        let diff = run.after("What changed since your last attempt");
        let diff = &diff[..diff.find("\n\n").unwrap()];
        assert!(!diff.contains("lost the"), "{extra}: {diff}");
        assert!(!diff.contains("episode:"), "{extra}: {diff}");
        for line in run.out.lines() {
            assert!(line.chars().count() <= 60, "{line:?} is wider than 60");
        }
    }
}

/// The screen after a reply to the "we" follow-up, pinned: the story with the reply in its
/// place, what changed, and the next follow-up.
#[test]
fn the_screen_after_a_reply_to_a_follow_up() {
    let story = "Last winter a customer called our store furious because her order had arrived \
        broken. We listened to her and we apologized. We checked the order and we sent a \
        replacement the same day. She thanked us in the end.";
    let own = "my own part was the call itself: i took the call, i apologised to her, i looked \
        up the order and i booked the replacement myself.";
    let run = angry(&format!("{story}\n\n{own}\n\n"));
    let screen = run.after("Your answer with the follow-up");
    let end = screen.find("\nSession summary").unwrap_or(screen.len());
    insta::assert_snapshot!(&screen[..end]);
}

/// The diff of a retry that rewrote a plan as a real story, pinned at 60 columns.
#[test]
fn the_diff_of_a_retry_that_tells_a_real_story() {
    let plan = "If a caller was angry I would let them finish and not interrupt. I would stay \
        calm, say sorry and that I understand, then find the root cause and fix it.";
    let story = "Last year a man rang our helpline and shouted at me because his internet had \
        been down for a week. I let him finish, then I apologised and promised to sort it. I \
        checked his line and saw the engineer visit had been cancelled twice. I booked a new \
        visit for the next morning and rang him back after it. He thanked me.";
    let run = practice(
        &["--question", ANGRY],
        &format!("{plan}\n\n:retry\n{story}\n\n"),
        60,
    );
    let diff = run.after("What changed since your last attempt");
    insta::assert_snapshot!(&diff[..diff.find("\n\n").unwrap()]);
}

/// Regression (found in the tmux walk-through): a reply that told the decision ("I decided to
/// ask my colleague rather than wait...") was placed with the actions, and the next probe still
/// asked "What made you decide...?".
#[test]
fn a_part_the_reply_told_is_not_probed_next() {
    let story = "Last summer an elderly customer called our pharmacy line because her \
        prescription had not been delivered and she had run out that morning. My goal was to get \
        her medicine to her the same day. I checked the order and saw the courier had marked it \
        undeliverable. I called our local branch, had them set the prescription aside, and \
        arranged for a colleague who lived nearby to drop it off on her way home. Her daughter \
        rang the next day to thank us, she rated the call 5 out of 5, and she has used our service \
        ever since. I learned to check delivery notes before a customer has to chase us.";
    let why = "I decided to ask my colleague rather than wait for the next courier run because \
        the next run was the following afternoon and she needed the medicine that evening.";
    // The retry retypes the grown story (the reply where it was placed) with one more sentence.
    let at = story.find(" Her daughter").unwrap();
    let grown = format!(
        "{} {why}{} Our team now flags undeliverable prescriptions each morning.",
        &story[..at],
        &story[at..]
    );
    let run = practice(
        &["--question", "above-and-beyond-top36"],
        &format!("{story}\n\n{why}\n\n:retry\n{grown}\n\n"),
        80,
    );
    let reply = run.after("Your answer with the follow-up");
    assert!(
        reply.contains("A+ I decided to ask my colleague"),
        "{reply}"
    );
    for screen in [reply, run.after("Again · ")] {
        let next = follow_up(screen).unwrap_or_default();
        assert!(!next.contains("decide"), "{next}");
    }
}
