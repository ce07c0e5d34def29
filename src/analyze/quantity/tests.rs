use super::*;

fn finder() -> QuantityFinder {
    QuantityFinder::new(&["CSAT", "NPS", "AHT", "first call resolution"])
}

fn find(text: &str) -> Vec<Quantity> {
    finder().find(text)
}

/// The only quantity in `text`, with its span text.
fn one(text: &str) -> (Quantity, String) {
    let qs = find(text);
    assert_eq!(qs.len(), 1, "{text:?} gave {qs:#?}");
    let q = qs.into_iter().next().unwrap();
    let s = text[q.span.clone()].to_string();
    (q, s)
}

fn kinds(text: &str) -> Vec<(QuantityKind, String)> {
    find(text)
        .into_iter()
        .map(|q| (q.kind, text[q.span].to_string()))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn check(text: &str, kind: QuantityKind, span: &str, value: f64, unit: Option<&str>) {
    let (q, s) = one(text);
    assert_eq!(q.kind, kind, "{text:?}: {q:?}");
    assert_eq!(s, span, "{text:?}: {q:?}");
    assert!(
        close(q.value, value),
        "{text:?}: value {} != {value}",
        q.value
    );
    assert_eq!(q.unit.as_deref(), unit, "{text:?}: {q:?}");
}

#[track_caller]
fn none(text: &str) {
    let qs = find(text);
    assert!(
        qs.is_empty(),
        "{text:?} should have no quantity, gave {qs:#?}"
    );
}

#[track_caller]
fn no_kind(text: &str, kinds: &[QuantityKind]) {
    for q in find(text) {
        assert!(!kinds.contains(&q.kind), "{text:?} gave {q:?}");
    }
}

use QuantityKind::*;

// ---- numbers ----

#[test]
fn digits_with_separators_decimals_and_signs_are_numbers() {
    check("1,200", Number, "1,200", 1200.0, None);
    check("4.5", Number, "4.5", 4.5, None);
    check("-3", Number, "-3", -3.0, None);
    check("it was 3,000,000 in all", Number, "3,000,000", 3e6, None);
    check(".77", Number, ".77", 0.77, None);
    check("+1", Number, "+1", 1.0, None);
}

#[test]
fn number_words_are_numbers() {
    check("twenty-one", Number, "twenty-one", 21.0, None);
    check(
        "one hundred and five",
        Number,
        "one hundred and five",
        105.0,
        None,
    );
    check("1.2 million", Number, "1.2 million", 1.2e6, None);
    check("a dozen", Number, "a dozen", 12.0, None);
    check("half", Number, "half", 0.5, None);
    check("a couple of", Number, "a couple of", 2.0, None);
    check(
        "seven hundred twenty-one thousand and twelve",
        Number,
        "seven hundred twenty-one thousand and twelve",
        721_012.0,
        None,
    );
    check("ONE TwentY tWO", Number, "ONE TwentY tWO", 122.0, None);
    check(
        "thirty-two point seventy-five",
        Number,
        "thirty-two point seventy-five",
        32.75,
        None,
    );
    check(
        "minus three million two hundred thousand",
        Number,
        "minus three million two hundred thousand",
        -3.2e6,
        None,
    );
    check(
        "three crore twelve lakh",
        Number,
        "three crore twelve lakh",
        31.2e6,
        None,
    );
    check("100K", Number, "100K", 1e5, None);
    check("forty-five (45)", Number, "forty-five (45)", 45.0, None);
}

#[test]
fn a_comma_list_is_several_numbers() {
    let v: Vec<f64> = find("1, 2 and 3").iter().map(|q| q.value).collect();
    assert_eq!(v, [1.0, 2.0, 3.0]);
    assert_eq!(find("1,20").len(), 2);
}

// ---- percentages ----

#[test]
fn percentages_in_symbols_and_words() {
    check("15%", Percent, "15%", 15.0, None);
    check("15 %", Percent, "15 %", 15.0, None);
    check("fifteen percent", Percent, "fifteen percent", 15.0, None);
    check("0.3 per cent", Percent, "0.3 per cent", 0.3, None);
    check("202 p.c.", Percent, "202 p.c.", 202.0, None);
    check("a 95% satisfaction rating", Percent, "95%", 95.0, None);
    check(
        "a margin of 3 percentage points",
        Percent,
        "3 percentage points",
        3.0,
        Some("percentage point"),
    );
}

// ---- money ----

#[test]
fn money_with_symbols_codes_and_names() {
    check("$2,000", Money, "$2,000", 2000.0, Some("USD"));
    check("$5.50", Money, "$5.50", 5.5, Some("USD"));
    check("20 dollars", Money, "20 dollars", 20.0, Some("USD"));
    check("10 bucks", Money, "10 bucks", 10.0, Some("USD"));
    check("€20", Money, "€20", 20.0, Some("EUR"));
    check("£10", Money, "£10", 10.0, Some("GBP"));
    check("20€", Money, "20€", 20.0, Some("EUR"));
    check("5 EUR", Money, "5 EUR", 5.0, Some("EUR"));
    check("Rs. 100", Money, "Rs. 100", 100.0, Some("INR"));
    check("3 cents", Money, "3 cents", 0.03, Some("USD"));
    check(
        "a hundred dollars",
        Money,
        "a hundred dollars",
        100.0,
        Some("USD"),
    );
    check("$1.2M", Money, "$1.2M", 1.2e6, Some("USD"));
    check(
        "US$4.7 billion",
        Money,
        "US$4.7 billion",
        4.7e9,
        Some("USD"),
    );
    check("$20 and 43c", Money, "$20 and 43c", 20.43, Some("USD"));
    check("a grand", Money, "a grand", 1000.0, Some("USD"));
}

#[test]
fn money_intervals_and_bounds() {
    let (q, s) = one("between 5 and 10 dollars");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.to),
        (Money, "between 5 and 10 dollars", 5.0, Some(10.0))
    );
    let (q, s) = one("it costs under $20");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.to),
        (Money, "under $20", 20.0, None)
    );
    let (q, s) = one("around $3");
    assert_eq!((q.kind, s.as_str(), q.value), (Money, "around $3", 3.0));
    let (q, _) = one("about $10-$20");
    assert_eq!((q.value, q.to), (10.0, Some(20.0)));
    let (q, _) = one("from 10 to 20 dollars");
    assert_eq!((q.kind, q.value, q.to), (Money, 10.0, Some(20.0)));
}

#[test]
fn a_grand_opening_and_a_lone_currency_word_are_not_money() {
    none("the grand opening");
    none("a grand opening");
    none("exactly dollars");
    none("grand");
}

// ---- durations ----

#[test]
fn durations_in_digits_and_words() {
    let (q, s) = one("I called back within 24 hours");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.seconds),
        (Duration, "within 24 hours", 24.0, Some(86_400.0))
    );
    check("half an hour", Duration, "half an hour", 0.5, Some("hour"));
    check("three weeks", Duration, "three weeks", 3.0, Some("week"));
    check("1.5 hours", Duration, "1.5 hours", 1.5, Some("hour"));
    check("2 mins", Duration, "2 mins", 2.0, Some("minute"));
    check(
        "a couple of days",
        Duration,
        "a couple of days",
        2.0,
        Some("day"),
    );
    check(
        "an hour and a half",
        Duration,
        "an hour and a half",
        1.5,
        Some("hour"),
    );
    check(
        "1 hour and 30 minutes",
        Duration,
        "1 hour and 30 minutes",
        90.0,
        Some("minute"),
    );
    check(
        "2 years and 3 months",
        Duration,
        "2 years and 3 months",
        27.0,
        Some("month"),
    );
    check(
        "a 10-minute call",
        Duration,
        "10-minute",
        10.0,
        Some("minute"),
    );
    check(
        "for 1min3sec",
        Duration,
        "for 1min3sec",
        63.0,
        Some("second"),
    );
    check("about 1h30", Duration, "about 1h30", 90.0, Some("minute"));
    check(
        "three-quarters of an hour",
        Duration,
        "three-quarters of an hour",
        0.75,
        Some("hour"),
    );
}

#[test]
fn five_years_of_experience_is_a_duration() {
    check(
        "I have five years of experience",
        Duration,
        "five years",
        5.0,
        Some("year"),
    );
}

#[test]
fn lone_time_words_and_ordinal_seconds_are_not_durations() {
    none("for months");
    none("in days");
    none("secretary");
    none("minutes");
    none("I second that");
    no_kind("it was a second call", &[Duration]);
    no_kind("they gave me a second chance", &[Duration]);
}

#[test]
fn one_day_in_a_story_may_be_a_duration_but_one_of_is_never_a_count() {
    let qs = find("One day, I got a call from one of the customers.");
    assert!(qs.iter().all(|q| q.kind != Count), "{qs:?}");
    assert!(find("once").is_empty());
    no_kind("one of them was upset", &[Count]);
    no_kind("one time a caller yelled", &[Count]);
}

// ---- counts ----

#[test]
fn a_number_before_a_counted_noun_is_a_count() {
    let (q, s) = one("I took about 40 calls a day");
    assert_eq!(
        (q.kind, s.as_str(), q.value, q.unit.as_deref()),
        (Count, "about 40 calls a day", 40.0, Some("calls"))
    );
    check(
        "a dozen customers",
        Count,
        "a dozen customers",
        12.0,
        Some("customers"),
    );
    check("3 tickets", Count, "3 tickets", 3.0, Some("tickets"));
    check(
        "200 customers",
        Count,
        "200 customers",
        200.0,
        Some("customers"),
    );
    check(
        "40 inbound calls",
        Count,
        "40 inbound calls",
        40.0,
        Some("calls"),
    );
    check(
        "12 escalations",
        Count,
        "12 escalations",
        12.0,
        Some("escalations"),
    );
    check("one customer", Count, "one customer", 1.0, Some("customer"));
}

#[test]
fn a_number_before_a_function_word_is_just_a_number() {
    check("2 of them", Number, "2", 2.0, None);
    check("I helped 5 and then left", Number, "5", 5.0, None);
    check("only 3 was left", Number, "3", 3.0, None);
}

// ---- scores ----

#[test]
fn ratings_and_kpi_numbers_are_scores() {
    check("4.8 out of 5", Score, "4.8 out of 5", 4.8, Some("5"));
    check("9/10", Score, "9/10", 9.0, Some("10"));
    check("4.5 stars", Score, "4.5 stars", 4.5, Some("5"));
    check("our CSAT 92 was the best", Score, "CSAT 92", 92.0, None);
    check("an NPS of 45", Score, "NPS of 45", 45.0, None);
    check(
        "our first call resolution was 85",
        Score,
        "first call resolution was 85",
        85.0,
        None,
    );
    check(
        "our first-call resolution: 85",
        Score,
        "first-call resolution: 85",
        85.0,
        None,
    );
    check(
        "AHT of 6 minutes",
        Duration,
        "6 minutes",
        6.0,
        Some("minute"),
    );
    check("CSAT of 92%", Percent, "92%", 92.0, None);
    check("we hit a 92 CSAT", Score, "92 CSAT", 92.0, None);
    // Without the KPI term, an all-caps word before a number reads as a name.
    assert!(QuantityFinder::new(&[]).find("our NPS 45").is_empty());
}

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
