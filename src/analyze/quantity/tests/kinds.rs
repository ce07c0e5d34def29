//! One quantity of each kind: numbers, percentages, money, durations, counts and scores.

use super::*;

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
    // A capitalised abbreviation after an article is an acronym; in digits it is still a unit.
    none("I worked as an HR assistant");
    check("a 1-HR wait", Duration, "1-HR", 1.0, Some("hour"));
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
    // A KPI after the number, and a number reached through a verb.
    check(
        "she gave me a 5 on the CSAT",
        Score,
        "5 on the CSAT",
        5.0,
        None,
    );
    check("a 9 in my NPS", Score, "9 in my NPS", 9.0, None);
    check("my CSAT went to 4.8", Score, "CSAT went to 4.8", 4.8, None);
    check(
        "CSAT went up to 95 that month",
        Score,
        "CSAT went up to 95",
        95.0,
        None,
    );
    check("the NPS was a 9", Score, "NPS was a 9", 9.0, None);
    assert_eq!(kinds("we had 2 in the queue"), vec![(Number, "2".into())]);
    // Without the KPI term, an all-caps word before a number reads as a name.
    assert!(QuantityFinder::new(&[]).find("our NPS 45").is_empty());
}
