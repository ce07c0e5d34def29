//! Quantities in their phrase: changes, ranges, compound counts, rates, what is not a
//! quantity, and whole interview answers.

use super::*;

// ---- changes ----

#[test]
fn from_to_after_a_change_verb_is_a_change_from_the_first_to_the_second() {
    let (q, s) = one("I reduced average handle time from 8 to 5 minutes");
    assert_eq!((q.kind, s.as_str()), (Change, "from 8 to 5 minutes"));
    assert_eq!(
        (q.value, q.to, q.unit.as_deref(), q.seconds),
        (8.0, Some(5.0), Some("minute"), Some(480.0))
    );
    let (q, _) = one("CSAT went from 80% to 92%");
    assert_eq!(
        (q.kind, q.value, q.to, q.unit.as_deref()),
        (Change, 80.0, Some(92.0), Some("percent"))
    );
}

#[test]
fn by_amounts_after_a_change_verb_are_changes_of_that_amount() {
    let (q, s) = one("I cut handle time by 2 minutes");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.to, q.unit.as_deref()),
        (Change, "by 2 minutes", 2.0, None, Some("minute"))
    );
    let (q, _) = one("we increased sales by 15%");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (Change, 15.0, Some("percent"))
    );
    let (q, _) = one("we reduced repeat calls by half");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (Change, 50.0, Some("percent"))
    );
    let (q, s) = one("a 20% increase in first-contact fixes");
    assert_eq!(
        (q.kind, s.as_str(), q.value),
        (Change, "20% increase", 20.0)
    );
}

#[test]
fn up_by_an_amount_to_a_level_gives_the_start_and_the_end() {
    let (q, s) = one("Our CSAT went up 12 points to 92");
    assert_eq!((q.kind, s.as_str()), (Change, "up 12 points to 92"));
    assert_eq!(
        (q.value, q.to, q.unit.as_deref()),
        (80.0, Some(92.0), Some("points"))
    );
}

#[test]
fn a_change_verb_right_before_a_percentage_makes_it_a_change() {
    let (q, s) = one("Escalations dropped 30% in Q3");
    assert_eq!((q.kind, s.as_str(), q.value), (Change, "30%", 30.0));
    let (q, _) = one("we saw an increase of 20%");
    assert_eq!((q.kind, q.unit.as_deref()), (Change, Some("percent")));
    check("a 10% raise", Change, "10% raise", 10.0, Some("percent"));
    // A level reached is not an amount of change.
    check("I improved CSAT to 95%", Percent, "95%", 95.0, None);
}

#[test]
fn doubling_and_fractions_after_by_are_changes_in_percent() {
    check(
        "call volume doubled",
        Change,
        "doubled",
        100.0,
        Some("percent"),
    );
    none("we doubled down on training");
    let (q, s) = one("I cut costs by a third");
    assert_eq!((q.kind, s.as_str()), (Change, "by a third"));
    let (q, s) = one("we saw the complaints drop by about a third");
    assert_eq!((q.kind, s.as_str()), (Change, "by about a third"));
    assert!(close(q.value, 100.0 / 3.0));
}

#[test]
fn ranges_take_the_unit_of_either_end() {
    let (q, s) = one("I handled 60-80 calls per shift");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.to),
        (Count, "60-80 calls per shift", 60.0, Some(80.0))
    );
    let (q, _) = one("It took two or three days to fix");
    assert_eq!(
        (q.kind, q.value, q.to, q.unit.as_deref()),
        (Duration, 2.0, Some(3.0), Some("day"))
    );
    let (q, _) = one("we had 2-3 escalations");
    assert_eq!((q.kind, q.value, q.to), (Count, 2.0, Some(3.0)));
    let (q, _) = one("between 30 minutes and 2 hours");
    assert_eq!(
        (q.kind, q.value, q.to, q.unit.as_deref()),
        (Duration, 30.0, Some(120.0), Some("minute"))
    );
    let (q, _) = one("We cut the backlog from 300 tickets to 120");
    assert_eq!(
        (q.kind, q.value, q.to, q.unit.as_deref()),
        (Change, 300.0, Some(120.0), Some("tickets"))
    );
}

#[test]
fn counts_see_past_one_adjective_and_count_the_last_noun_of_a_compound() {
    check(
        "I trained 15 new hires",
        Count,
        "15 new hires",
        15.0,
        Some("hires"),
    );
    check(
        "between two team members",
        Count,
        "two team members",
        2.0,
        Some("members"),
    );
    check(
        "our team handled 500+ calls daily",
        Count,
        "500+ calls daily",
        500.0,
        Some("calls"),
    );
    check("she called 5 times", Count, "5 times", 5.0, Some("times"));
    check("it was ten times better", Number, "ten", 10.0, None);
    check(
        "two thirds of callers",
        Number,
        "two thirds",
        2.0 / 3.0,
        None,
    );
}

#[test]
fn rates_and_compound_units_join_the_span() {
    check("I earn $18/hr", Money, "$18/hr", 18.0, Some("USD"));
    check(
        "The call lasted 1 hr 20 min",
        Duration,
        "1 hr 20 min",
        80.0,
        Some("minute"),
    );
    check("a 5-dollar bill", Money, "5-dollar", 5.0, Some("USD"));
    check(
        "I type 65 words per minute",
        Count,
        "65 words per minute",
        65.0,
        Some("words"),
    );
    check(
        "rated 4.5/5 by callers",
        Score,
        "rated 4.5/5",
        4.5,
        Some("5"),
    );
    check(
        "I scored 95 on my QA review",
        Score,
        "scored 95",
        95.0,
        None,
    );
}

#[test]
fn ages_ordinals_and_compound_adjectives_are_not_quantities() {
    none("I'm 25 years old");
    none("I have a 3-year-old");
    none("a one-time fee");
    none("within a 10-mile radius");
    none("I work a 9-to-5 job");
    none("the 80/20 rule");
    none("in the 1990s, in her 20s");
    none("my 1st job and the 2nd time");
    none("First, I listened. Second, I apologized.");
    none("it is our number one goal from day one");
    none("a Fortune 500 company");
    none("we use 8x8 phones");
    none("call ext. 4412");
}

#[test]
fn a_bullet_dash_is_not_a_minus_sign() {
    check(
        "- 40 calls a day",
        Count,
        "40 calls a day",
        40.0,
        Some("calls"),
    );
    check("-40", Number, "-40", -40.0, None);
}

// ---- not quantities ----

#[test]
fn identifiers_with_numbers_are_not_quantities() {
    none("I moved money into my 401(k)");
    none("401k");
    none("I upgraded them to Windows 10");
    none("she had an iPhone 15");
    none("during COVID-19 we went remote");
    none("we used Five9 for the dialer");
    none("the office is on Route 66 near the exit");
    none("I was promoted to tier 2 support");
    none("Q3 was busy");
    none("5G coverage");
}

#[test]
fn phone_numbers_are_not_quantities() {
    none("call 555-123-4567 now");
    none("(555) 123-4567");
    none("dial 1-800-555-0199");
    none("+1 555 123 4567");
    none("or 555-0199");
}

#[test]
fn times_of_day_dates_and_years_are_never_durations_or_money() {
    for t in [
        "at 5 p.m.",
        "at 5pm",
        "at 5:30",
        "on March 3rd",
        "on March 3",
        "on 3 March",
        "in 2019",
        "from 2018 to 2020",
        "on 3/15/2020",
        "open 24/7",
        "v1.2.3",
    ] {
        no_kind(t, &[Duration, Money, Count, Percent, Change]);
    }
    none("in 2019");
    none("at 5 p.m.");
    none("on March 3rd");
}

#[test]
fn pronoun_one_is_not_a_number() {
    none("no one called back");
    none("we went through them one by one");
    none("weekly one-on-one coaching");
    none("the one I remember");
}

// ---- interview answers ----

#[test]
fn an_interview_answer_yields_its_metrics_in_order() {
    let text = "In 2019 I worked at a call center where I took about 40 calls a day. \
                Our CSAT went up 12 points to 92 after I reduced average handle time \
                from 8 to 5 minutes, and I called back within 24 hours.";
    let got = kinds(text);
    assert_eq!(
        got,
        vec![
            (Count, "about 40 calls a day".into()),
            (Change, "up 12 points to 92".into()),
            (Change, "from 8 to 5 minutes".into()),
            (Duration, "within 24 hours".into()),
        ]
    );
}

#[test]
fn spans_are_byte_offsets_on_char_boundaries() {
    let text = "Café – we saved €1,500 in 3 weeks.";
    for q in find(text) {
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    assert_eq!(
        kinds(text),
        vec![(Money, "€1,500".into()), (Duration, "3 weeks".into())]
    );
}

#[test]
fn quantities_serialize_with_kebab_case_kinds() {
    let q = &find("15%")[0];
    let j = serde_json::to_value(q).unwrap();
    assert_eq!(j["kind"], "percent");
    assert_eq!(j["span"]["start"], 0);
}
