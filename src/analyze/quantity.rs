//! Quantities in free text: a small, rule-based cousin of Duckling.
//!
//! The STAR analyzer asks one question of a candidate's answer: *did they quantify the result?*
//! [`QuantityFinder::find`] answers the lower half of it: it returns every number in the text
//! with what the number measures (a percentage, an amount of money, a duration, a count of
//! something, a score, a change), and leaves the caller to decide which of them matter.
//!
//! How it works: one pass turns the text into tokens (words, numbers, currency symbols,
//! punctuation; phone numbers, clock times, dates and version strings become opaque tokens that
//! never take part in a quantity). Each word is looked up once in a lexicon built from the
//! `const` tables below. A hand-written parser then walks the tokens left to right and, at each
//! token, takes the longest reading that starts there. Nothing is allocated per word; only the
//! token vector (one per call) and the found quantities are.
//!
//! # What the fields mean
//!
//! | kind | `value` | `to` | `unit` | `seconds` |
//! | --- | --- | --- | --- | --- |
//! | `Number` | the number | upper end of a range ("5 to 10") | none | none |
//! | `Percent` | percent points: 15% -> 15 | upper end of a range | none, or `"percentage point"` | none |
//! | `Money` | the amount, sub-units converted ("3 cents" -> 0.03) | upper end of a range | currency code ("USD"), or a lowercase generic name ("dinar", "riyal", "rial", "krone") when the text does not say which | none |
//! | `Duration` | in `unit`s; a compound ("1 hour and 30 minutes") is given in its smallest unit (90 minute) | upper end of a range | `"second"`, `"minute"`, `"hour"`, `"day"`, `"week"`, `"month"`, `"quarter"`, `"year"` | `value` in seconds for second..week |
//! | `Count` | how many | upper end of a range | the counted noun as written, lowercased ("calls") | none |
//! | `Score` | the score | upper end of a range | the scale when known ("5" for "4.8 out of 5", "4.5 stars", "9/10" -> "10") | none |
//! | `Change` | see below | see below | the unit of the changing quantity ("minute", "percent", "USD", "points"), or none | `value` in seconds when `unit` is a time unit up to week |
//!
//! `Change` has two shapes, told apart by `to`:
//! - `to == Some(end)`: a change from `value` to `end`: "from 8 to 5 minutes" (value 8, to 5),
//!   and "went up 12 points to 92" (the start is worked out: value 80, to 92). A "from X to Y"
//!   is a change when a change verb comes before it in the sentence ("reduced", "went", "cut",
//!   ...) or when it goes down; an ascending one without a verb is a range of its own kind
//!   ("from 10 to 20 dollars" is `Money` 10 to 20).
//! - `to == None`: `value` is the amount of change as written (never negative): "cut handle
//!   time by 2 minutes" (2, minute), "increased sales by 15%" (15, percent), "reduced it by
//!   half" (50, percent), "by a third" (33.3, percent), "a 20% increase" (20, percent),
//!   "Escalations dropped 30%" (30, percent), "down 30 seconds" (30, second), "sales
//!   doubled" (100, percent). The direction is in the words, not in the sign.
//!
//! `Score` comes from a scale ("4.8 out of 5", "9/10", "4.5 stars"), from a KPI term given to
//! [`QuantityFinder::new`] next to a bare number ("CSAT 92", "NPS of 45", "92 CSAT"; the term
//! joins the span), or from "rated"/"scored"/"rating"/"score" before one. A number with its own
//! unit keeps its kind ("CSAT of 92%" is `Percent`, "AHT of 6 minutes" is `Duration`).
//!
//! Bound and hedge words are part of the span but only the number is kept: "under $20",
//! "at least 5 calls" and "about 40" have `value` 20, 5, 40 and `to == None`. Rates are part of
//! the span too ("40 calls a day", "$15 an hour").
//!
//! # What is not a quantity
//!
//! Identifiers ("401(k)", "Windows 10", "iPhone 15", "COVID-19", "Five9", "Route 66", "tier 2",
//! "ext. 4412"), phone numbers, clock times ("5:30", "at 5 p.m.", "9-to-5"), dates ("March
//! 3rd", "3/15/2020"), bare years ("in 2019", "from 2018 to 2020"), ordinals ("3rd",
//! "second"), ages ("25 years old", "a 3-year-old"), compound adjectives that are no unit ("a
//! one-time fee") and pronoun uses of "one" ("no one", "one by one") give nothing. Narrative
//! phrases such as "one day" or "one of them" do come back (as `Duration` and `Number`, never
//! `Count`); the caller filters those by context.
//!
//! Heuristics with known costs: a number right after a capitalized word inside a sentence, or
//! after an all-caps word that is neither a currency code nor a KPI term, is taken for a name
//! unless a time, money or percent unit follows ("Route 66" goes, "Amazon 3 years" stays;
//! "NPS 45" goes when "NPS" is not a KPI term). A dash with a space after it is never a minus
//! sign ("- 40 calls" is a bullet). "1/5", "2/10" and "20/100" are scores, not fractions.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Percent,
    Money,
    Duration,
    Count,
    Score,
    Change,
    Number,
}

/// One quantity found in a text. See the module documentation for what each field holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    /// Byte offsets into the input, on char boundaries.
    pub span: Range<usize>,
    pub value: f64,
    pub to: Option<f64>,
    pub unit: Option<String>,
    pub seconds: Option<f64>,
}

/// Finds quantities in text. Build it once and reuse it: the word tables are compiled on first
/// use and shared by every finder.
#[derive(Debug, Clone)]
pub struct QuantityFinder {
    /// KPI terms, each as its lowercase words.
    kpi: Vec<Vec<String>>,
    /// The first bytes of the KPI terms, lowercased: a quick test before comparing words.
    kpi_first: [bool; 256],
    /// The KPI terms (indexes into `kpi`, in order) by their first word.
    kpi_by_first: std::collections::HashMap<String, Vec<usize>>,
}

impl QuantityFinder {
    /// `kpi_terms`: metric names that turn a following/preceding bare number into a Score
    /// ("CSAT 92", "NPS of 45", "AHT of 6 minutes" stays Duration). Matched case-insensitively as whole words.
    pub fn new(kpi_terms: &[&str]) -> Self {
        LazyLock::force(&LEXICON);
        let kpi = kpi_terms
            .iter()
            .map(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|v: &Vec<String>| !v.is_empty())
            .collect::<Vec<_>>();
        let mut kpi_first = [false; 256];
        for t in &kpi {
            let b = t[0].as_bytes()[0];
            kpi_first[usize::from(b)] = true;
            kpi_first[usize::from(b.to_ascii_uppercase())] = true;
        }
        let mut kpi_by_first = std::collections::HashMap::<String, Vec<usize>>::new();
        for (i, t) in kpi.iter().enumerate() {
            kpi_by_first.entry(t[0].clone()).or_default().push(i);
        }
        Self {
            kpi,
            kpi_first,
            kpi_by_first,
        }
    }

    /// Every quantity in `text`, in order, non-overlapping (the longest reading wins).
    pub fn find(&self, text: &str) -> Vec<Quantity> {
        let mut toks = Vec::with_capacity(text.len() / 5 + 4);
        lex(text, &mut toks);
        let p = Parser {
            text,
            t: &toks,
            kpi: &self.kpi,
            kpi_first: &self.kpi_first,
            kpi_by_first: &self.kpi_by_first,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match p.at(i) {
                Step::Hit(c) => {
                    if let Some(q) = p.emit(&c) {
                        out.push(q);
                    }
                    i = c.e.max(i + 1);
                }
                Step::Skip(e) => i = e.max(i + 1),
                Step::Miss => i += 1,
            }
        }
        out
    }
}

// ------------------------------------------------------------------------------------------
// Word tables: the language machinery. Everything is lowercase ASCII; lookups lowercase the
// word first.
// ------------------------------------------------------------------------------------------

/// Cardinal number words and their values.
#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0),
    ("forty", 40.0), ("fourty", 40.0), ("fifty", 50.0), ("sixty", 60.0), ("seventy", 70.0),
    ("eighty", 80.0), ("ninety", 90.0),
];

/// Number words that stand alone as a number but never count, time or price anything
/// ("few options", "every single call").
#[rustfmt::skip]
const WEAK_NUMBER_WORDS: &[(&str, f64)] = &[
    ("naught", 0.0), ("nought", 0.0), ("nil", 0.0), ("single", 1.0), ("few", 3.0),
];

/// Multipliers after a number ("5 thousand", "two dozen", "30 lakh"). `hundred` is handled by
/// the word-number grammar; the plural forms need a number before them ("three billions").
#[rustfmt::skip]
const SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0), ("dozens", 12.0), ("thousand", 1e3), ("thousands", 1e3), ("lakh", 1e5),
    ("lakhs", 1e5), ("lac", 1e5), ("lacs", 1e5), ("lkh", 1e5), ("lkhs", 1e5), ("million", 1e6),
    ("millions", 1e6), ("crore", 1e7), ("crores", 1e7), ("cr", 1e7), ("koti", 1e7), ("krore", 1e7),
    ("krores", 1e7), ("kr", 1e7), ("billion", 1e9), ("billions", 1e9), ("trillion", 1e12),
    ("trillions", 1e12),
];

/// Time units: (word, grain, multiplier, strict). A strict unit (a single letter) counts only
/// glued to its number ("2m", "1h30") or at the end of a phrase ("2 m.").
#[rustfmt::skip]
const TIME_UNITS: &[(&str, Grain, f64, bool)] = &[
    ("second", Grain::Second, 1.0, false), ("seconds", Grain::Second, 1.0, false),
    ("sec", Grain::Second, 1.0, false), ("secs", Grain::Second, 1.0, false),
    ("minute", Grain::Minute, 1.0, false), ("minutes", Grain::Minute, 1.0, false),
    ("min", Grain::Minute, 1.0, false), ("mins", Grain::Minute, 1.0, false),
    ("m", Grain::Minute, 1.0, true), ("hour", Grain::Hour, 1.0, false),
    ("hours", Grain::Hour, 1.0, false), ("hr", Grain::Hour, 1.0, false),
    ("hrs", Grain::Hour, 1.0, false), ("h", Grain::Hour, 1.0, true),
    ("day", Grain::Day, 1.0, false), ("days", Grain::Day, 1.0, false), ("d", Grain::Day, 1.0, true),
    ("week", Grain::Week, 1.0, false), ("weeks", Grain::Week, 1.0, false),
    ("wk", Grain::Week, 1.0, false), ("wks", Grain::Week, 1.0, false),
    ("month", Grain::Month, 1.0, false), ("months", Grain::Month, 1.0, false),
    ("mo", Grain::Month, 1.0, true), ("mos", Grain::Month, 1.0, false),
    ("quarter", Grain::Quarter, 1.0, false), ("quarters", Grain::Quarter, 1.0, false),
    ("year", Grain::Year, 1.0, false), ("years", Grain::Year, 1.0, false),
    ("yr", Grain::Year, 1.0, false), ("yrs", Grain::Year, 1.0, false),
    ("decade", Grain::Year, 10.0, false), ("decades", Grain::Year, 10.0, false),
];

/// What a currency word or symbol is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cur {
    /// A currency unit: its code (or lowercase generic name).
    Main(&'static str),
    /// A hundredth of a currency; the code is the one assumed when no main unit is given.
    Sub(&'static str),
    /// A coin: (code, worth in that currency).
    Coin(&'static str, f64),
    /// "grand": a thousand dollars.
    Grand,
}

/// Currency symbols, before or after the amount.
#[rustfmt::skip]
const CURRENCY_SYMBOLS: &[(char, Cur)] = &[
    ('$', Cur::Main("USD")), ('€', Cur::Main("EUR")), ('£', Cur::Main("GBP")),
    ('¥', Cur::Main("JPY")), ('₹', Cur::Main("INR")), ('₩', Cur::Main("KRW")),
    ('฿', Cur::Main("THB")), ('₿', Cur::Main("BTC")), ('₽', Cur::Main("RUB")),
    ('₺', Cur::Main("TRY")), ('₱', Cur::Main("PHP")), ('₦', Cur::Main("NGN")),
    ('₴', Cur::Main("UAH")), ('₪', Cur::Main("ILS")), ('¢', Cur::Sub("USD")),
];

/// ISO 4217 codes recognised before (upper case only) or after (any case) an amount.
#[rustfmt::skip]
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "INR", "CAD", "AUD", "NZD", "CHF", "CNY", "JPY", "KRW", "HKD", "SGD",
    "MYR", "PHP", "THB", "IDR", "VND", "PKR", "BDT", "LKR", "NPR", "AED", "SAR", "QAR", "KWD",
    "BHD", "OMR", "JOD", "EGP", "LBP", "ILS", "TRY", "RUB", "UAH", "PLN", "CZK", "HUF", "RON",
    "BGN", "HRK", "DKK", "NOK", "SEK", "ISK", "MXN", "BRL", "ARS", "CLP", "COP", "PEN", "ZAR",
    "NGN", "KES", "GHS", "MAD", "MNT", "BTC",
];

/// Letters glued before "$" that name the dollar ("US$", "A$", "HK$").
#[rustfmt::skip]
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"), ("a", "AUD"), ("au", "AUD"), ("c", "CAD"), ("ca", "CAD"), ("hk", "HKD"),
    ("nz", "NZD"), ("s", "SGD"), ("sg", "SGD"), ("r", "BRL"), ("mx", "MXN"),
];

/// Currency names, one or more words: (phrase, worth).
#[rustfmt::skip]
const CURRENCY_NAMES: &[(&str, Cur)] = &[
    ("dollar", Cur::Main("USD")), ("dollars", Cur::Main("USD")), ("buck", Cur::Main("USD")),
    ("bucks", Cur::Main("USD")), ("us dollar", Cur::Main("USD")), ("us dollars", Cur::Main("USD")),
    ("american dollar", Cur::Main("USD")), ("american dollars", Cur::Main("USD")),
    ("canadian dollar", Cur::Main("CAD")), ("canadian dollars", Cur::Main("CAD")),
    ("australian dollar", Cur::Main("AUD")), ("australian dollars", Cur::Main("AUD")),
    ("hk dollar", Cur::Main("HKD")), ("hk dollars", Cur::Main("HKD")),
    ("hong kong dollar", Cur::Main("HKD")), ("hong kong dollars", Cur::Main("HKD")),
    ("new zealand dollar", Cur::Main("NZD")), ("new zealand dollars", Cur::Main("NZD")),
    ("singapore dollar", Cur::Main("SGD")), ("singapore dollars", Cur::Main("SGD")),
    ("euro", Cur::Main("EUR")), ("euros", Cur::Main("EUR")), ("pound", Cur::Main("GBP")),
    ("pounds", Cur::Main("GBP")), ("british pound", Cur::Main("GBP")),
    ("british pounds", Cur::Main("GBP")), ("pound sterling", Cur::Main("GBP")),
    ("pounds sterling", Cur::Main("GBP")), ("sterling", Cur::Main("GBP")),
    ("sterlings", Cur::Main("GBP")), ("quid", Cur::Main("GBP")),
    ("egyptian pound", Cur::Main("EGP")), ("egyptian pounds", Cur::Main("EGP")),
    ("egyptianpound", Cur::Main("EGP")), ("egyptianpounds", Cur::Main("EGP")),
    ("le", Cur::Main("EGP")), ("geneh", Cur::Main("EGP")), ("genihat masriya", Cur::Main("EGP")),
    ("lebanese pound", Cur::Main("LBP")), ("lebanese pounds", Cur::Main("LBP")),
    ("rupee", Cur::Main("INR")), ("rupees", Cur::Main("INR")), ("indian rupee", Cur::Main("INR")),
    ("indian rupees", Cur::Main("INR")), ("pakistani rupee", Cur::Main("PKR")),
    ("pakistani rupees", Cur::Main("PKR")), ("rs", Cur::Main("INR")), ("yen", Cur::Main("JPY")),
    ("japanese yen", Cur::Main("JPY")), ("yuan", Cur::Main("CNY")),
    ("chinese yuan", Cur::Main("CNY")), ("renminbi", Cur::Main("CNY")), ("rmb", Cur::Main("CNY")),
    ("wons", Cur::Main("KRW")), ("ruble", Cur::Main("RUB")), ("rubles", Cur::Main("RUB")),
    ("rouble", Cur::Main("RUB")), ("roubles", Cur::Main("RUB")), ("franc", Cur::Main("CHF")),
    ("francs", Cur::Main("CHF")), ("swiss franc", Cur::Main("CHF")),
    ("swiss francs", Cur::Main("CHF")), ("krone", Cur::Main("krone")),
    ("kroner", Cur::Main("krone")), ("krona", Cur::Main("krone")), ("kronor", Cur::Main("krone")),
    ("crowns", Cur::Main("krone")), ("norwegian krone", Cur::Main("NOK")),
    ("norwegian kroner", Cur::Main("NOK")), ("norwegian crown", Cur::Main("NOK")),
    ("norwegian crowns", Cur::Main("NOK")), ("danish krone", Cur::Main("DKK")),
    ("danish kroner", Cur::Main("DKK")), ("danish crowns", Cur::Main("DKK")),
    ("swedish krona", Cur::Main("SEK")), ("swedish kronor", Cur::Main("SEK")),
    ("swedish crowns", Cur::Main("SEK")), ("dinar", Cur::Main("dinar")),
    ("dinars", Cur::Main("dinar")), ("kuwaiti dinar", Cur::Main("KWD")),
    ("kuwaiti dinars", Cur::Main("KWD")), ("riyal", Cur::Main("riyal")),
    ("riyals", Cur::Main("riyal")), ("qatari riyal", Cur::Main("QAR")),
    ("qatari riyals", Cur::Main("QAR")), ("saudi riyal", Cur::Main("SAR")),
    ("saudi riyals", Cur::Main("SAR")), ("saudiriyal", Cur::Main("SAR")),
    ("saudiriyals", Cur::Main("SAR")), ("rial", Cur::Main("rial")), ("rials", Cur::Main("rial")),
    ("shekel", Cur::Main("ILS")), ("shekels", Cur::Main("ILS")), ("tugrik", Cur::Main("MNT")),
    ("tugriks", Cur::Main("MNT")), ("ringgit", Cur::Main("MYR")), ("ringgits", Cur::Main("MYR")),
    ("malaysia ringgit", Cur::Main("MYR")), ("malaysia ringgits", Cur::Main("MYR")),
    ("malaysian ringgit", Cur::Main("MYR")), ("malaysian ringgits", Cur::Main("MYR")),
    ("rm", Cur::Main("MYR")), ("baht", Cur::Main("THB")), ("bitcoin", Cur::Main("BTC")),
    ("bitcoins", Cur::Main("BTC")), ("peso", Cur::Main("peso")), ("pesos", Cur::Main("peso")),
    ("mexican peso", Cur::Main("MXN")), ("mexican pesos", Cur::Main("MXN")),
    ("rand", Cur::Main("ZAR")), ("naira", Cur::Main("NGN")), ("lira", Cur::Main("TRY")),
    ("dirham", Cur::Main("AED")), ("dirhams", Cur::Main("AED")), ("hryvnia", Cur::Main("UAH")),
    ("hryvnias", Cur::Main("UAH")), ("cent", Cur::Sub("USD")), ("cents", Cur::Sub("USD")),
    ("c", Cur::Sub("USD")), ("penny", Cur::Sub("USD")), ("pennies", Cur::Sub("USD")),
    ("pence", Cur::Sub("GBP")), ("p", Cur::Sub("GBP")), ("centime", Cur::Sub("EUR")),
    ("centimes", Cur::Sub("EUR")), ("sen", Cur::Sub("MYR")), ("sens", Cur::Sub("MYR")),
    ("kopiyka", Cur::Sub("UAH")), ("kopiykas", Cur::Sub("UAH")), ("kopeck", Cur::Sub("RUB")),
    ("kopecks", Cur::Sub("RUB")), ("kopek", Cur::Sub("RUB")), ("kopeks", Cur::Sub("RUB")),
    ("paisa", Cur::Sub("INR")), ("paise", Cur::Sub("INR")), ("nickel", Cur::Coin("USD", 0.05)),
    ("nickels", Cur::Coin("USD", 0.05)), ("dime", Cur::Coin("USD", 0.10)),
    ("dimes", Cur::Coin("USD", 0.10)), ("grand", Cur::Grand),
];

/// Currency names of one or two letters: they count only glued to the amount ("43c") or at
/// the end of a phrase ("42 le").
const STRICT_CURRENCY_WORDS: &[&str] = &["le", "c", "p"];
/// First words of currency names that may come before the amount ("Rs. 20", "ringgit 42").
const PREFIX_CURRENCY_WORDS: &[&str] =
    &["rs", "rm", "ringgit", "ringgits", "malaysia", "malaysian"];

/// Words that measure what is counted. A plural that is not here still counts when the number
/// is not 1 ("12 escalations"); a singular must be here ("one customer").
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "call", "calls", "caller", "callers", "callback", "callbacks", "customer", "customers",
    "client", "clients", "ticket", "tickets", "case", "cases", "chat", "chats", "email", "emails",
    "message", "messages", "contact", "contacts", "interaction", "interactions", "complaint",
    "complaints", "escalation", "escalations", "issue", "issues", "order", "orders", "account",
    "accounts", "sale", "sales", "lead", "leads", "deal", "deals", "agent", "agents", "rep", "reps",
    "representative", "representatives", "employee", "employees", "person", "people", "member",
    "members", "colleague", "colleagues", "teammate", "teammates", "staff", "trainee", "trainees",
    "hire", "hires", "team", "teams", "supervisor", "supervisors", "manager", "managers", "shift",
    "shifts", "survey", "surveys", "review", "reviews", "point", "points", "language", "languages",
    "award", "awards", "product", "products", "store", "stores", "location", "locations", "site",
    "sites", "project", "projects", "transaction", "transactions", "refund", "refunds", "claim",
    "claims", "appointment", "appointments", "reservation", "reservations", "booking", "bookings",
    "patient", "patients", "student", "students", "user", "users", "subscriber", "subscribers",
    "item", "items", "package", "packages", "error", "errors", "mistake", "mistakes", "children",
    "men", "women", "times",
];

/// Words that end in "s" but are not plural nouns, and other words that never are the counted
/// noun after a number.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but",
    "so", "as", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "it", "its", "this", "that", "these", "those", "them", "they", "we", "i", "you",
    "he", "she", "his", "her", "hers", "their", "theirs", "our", "ours", "my", "your", "yours",
    "me", "us", "him", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
    "than", "then", "there", "here", "not", "no", "all", "any", "each", "every", "some", "most",
    "others", "another", "such", "only", "just", "also", "very", "too", "plus", "minus", "ago",
    "later", "earlier", "before", "after", "again", "out", "off", "into", "onto", "if", "because",
    "while", "since", "though", "although", "always", "perhaps", "towards", "afterwards", "besides",
    "yes", "thus", "whereas", "sometimes", "nowadays", "overseas", "across", "unless", "regardless",
    "versus", "via", "will", "would", "can", "could", "should", "may", "might", "must", "shall",
    "straight", "total", "altogether", "apiece", "each", "both", "either", "neither", "whole",
    "time",
];

/// Identifier words: a number right after one is a name, not a quantity ("Windows 10",
/// "tier 2"). `true`: only when capitalized ("Route 66", but "route 50 calls").
#[rustfmt::skip]
const IDENTIFIER_WORDS: &[(&str, bool)] = &[
    ("windows", false), ("iphone", false), ("ipad", false), ("ios", false), ("android", false),
    ("galaxy", false), ("pixel", false), ("xbox", false), ("playstation", false), ("covid", false),
    ("office", true), ("tier", false), ("level", false), ("version", false), ("v", false),
    ("gen", false), ("model", false), ("room", false), ("suite", false), ("apt", false),
    ("ext", false), ("extension", false), ("flight", false), ("gate", false), ("platform", false),
    ("chapter", false), ("section", false), ("article", false), ("page", false), ("form", false),
    ("step", false), ("phase", false), ("stage", false), ("no", true), ("number", false),
    ("line", true), ("channel", false), ("route", true), ("highway", false), ("interstate", false),
    ("exit", true), ("catch", true), ("web", true), ("industry", true), ("day", false),
    ("week", false), ("grade", false), ("class", true), ("studio", true), ("formula", true),
    ("vision", true), ("windows", false),
];

/// Month names: a number beside one is a date.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Hedges and bounds before a quantity; they join its span. `true`: only before a duration
/// ("for 2 hours", but "for 5 customers" leaves "for" out).
#[rustfmt::skip]
const MODIFIERS: &[(&[&str], bool)] = &[
    (&["about"], false), (&["around"], false), (&["approximately"], false), (&["approx"], false),
    (&["roughly"], false), (&["nearly"], false), (&["almost"], false), (&["exactly"], false),
    (&["precisely"], false), (&["circa"], false), (&["over"], false), (&["under"], false),
    (&["above"], false), (&["below"], false), (&["more", "than"], false),
    (&["less", "than"], false), (&["fewer", "than"], false), (&["greater", "than"], false),
    (&["higher", "than"], false), (&["lower", "than"], false), (&["at", "least"], false),
    (&["at", "most"], false), (&["up", "to"], false), (&["no", "more", "than"], false),
    (&["no", "less", "than"], false), (&["no", "fewer", "than"], false),
    (&["not", "more", "than"], false), (&["upwards", "of"], false), (&["close", "to"], false),
    (&["just", "over"], false), (&["just", "under"], false), (&["well", "over"], false),
    (&["well", "under"], false), (&["as", "many", "as"], false), (&["as", "much", "as"], false),
    (&["as", "little", "as"], false), (&["as", "few", "as"], false),
    (&["an", "average", "of"], false), (&["on", "average"], false), (&["within"], true),
    (&["for"], true), (&["during"], true),
];

/// Change words: (word, direction). A "from X to Y" after one of them is a change, and so is
/// "by X" ("cut handle time by 2 minutes").
#[rustfmt::skip]
const CHANGE_WORDS: &[(&str, Dir)] = &[
    ("increase", Dir::Up), ("increased", Dir::Up), ("increasing", Dir::Up), ("increases", Dir::Up),
    ("raise", Dir::Up), ("raised", Dir::Up), ("raising", Dir::Up), ("boost", Dir::Up),
    ("boosted", Dir::Up), ("boosting", Dir::Up), ("grow", Dir::Up), ("grew", Dir::Up),
    ("grown", Dir::Up), ("growing", Dir::Up), ("rose", Dir::Up), ("rise", Dir::Up),
    ("risen", Dir::Up), ("climbed", Dir::Up), ("jumped", Dir::Up), ("lifted", Dir::Up),
    ("expanded", Dir::Up), ("up", Dir::Up), ("reduce", Dir::Down), ("reduced", Dir::Down),
    ("reducing", Dir::Down), ("reduces", Dir::Down), ("cut", Dir::Down), ("cutting", Dir::Down),
    ("decrease", Dir::Down), ("decreased", Dir::Down), ("decreasing", Dir::Down),
    ("lowered", Dir::Down), ("lowering", Dir::Down), ("dropped", Dir::Down), ("drop", Dir::Down),
    ("fell", Dir::Down), ("fallen", Dir::Down), ("shortened", Dir::Down), ("slashed", Dir::Down),
    ("trimmed", Dir::Down), ("shaved", Dir::Down), ("declined", Dir::Down), ("shrank", Dir::Down),
    ("shrunk", Dir::Down), ("down", Dir::Down), ("improve", Dir::Neutral),
    ("improved", Dir::Neutral), ("improving", Dir::Neutral), ("changed", Dir::Neutral),
    ("moved", Dir::Neutral), ("went", Dir::Neutral), ("go", Dir::Neutral), ("goes", Dir::Neutral),
    ("brought", Dir::Neutral), ("got", Dir::Neutral), ("took", Dir::Neutral),
    ("take", Dir::Neutral),
];

/// Nouns and comparatives after an amount that make it a change ("a 20% increase",
/// "2 minutes faster").
#[rustfmt::skip]
const CHANGE_AFTER: &[&str] = &[
    "increase", "increases", "decrease", "decreases", "reduction", "reductions", "improvement",
    "improvements", "drop", "growth", "boost", "rise", "jump", "gain", "gains", "lift", "uplift",
    "decline", "cut", "hike", "raise", "higher", "lower", "faster", "slower", "quicker", "shorter",
    "longer", "better", "cheaper",
];

/// Verbs that are a change of a known size: (word, percent change).
#[rustfmt::skip]
const CHANGE_FACTORS: &[(&str, f64)] = &[
    ("doubled", 100.0), ("tripled", 200.0), ("trebled", 200.0), ("quadrupled", 300.0),
    ("halved", 50.0),
];

/// Fractions after "by" ("cut costs by a third"): (word, fraction).
#[rustfmt::skip]
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("third", 1.0 / 3.0), ("thirds", 1.0 / 3.0), ("quarter", 0.25), ("quarters", 0.25),
    ("fourth", 0.25), ("fourths", 0.25), ("fifth", 0.2), ("fifths", 0.2), ("tenth", 0.1),
    ("tenths", 0.1),
];

/// Verbs before "up"/"down" that make what follows a change ("went up 12 points").
#[rustfmt::skip]
const UP_DOWN_VERBS: &[&str] = &[
    "went", "go", "goes", "going", "gone", "was", "were", "is", "are", "be", "been", "came", "come",
    "comes", "moved", "ticked", "trended", "shot", "inched", "crept", "it's", "its",
];

/// Words after a quantity that make a rate of it ("40 calls a day", "$15 per hour").
const RATE_HEADS: &[&str] = &["a", "an", "per", "each", "every"];
#[rustfmt::skip]
const RATE_ADVERBS: &[&str] = &[
    "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "quarterly",
];

/// Modifiers between a number and its time unit or counted noun ("2 more minutes").
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "more", "additional", "extra", "less", "fewer", "full", "whole", "consecutive", "straight",
    "solid", "other",
];

/// Words before a bare number that make it a score ("rated 4.8", "a score of 92"), besides the
/// caller's KPI terms.
const SCORE_CUES: &[&str] = &["rated", "rating", "score", "scored", "scoring"];
/// Words between a KPI term and its number ("CSAT score of 92").
#[rustfmt::skip]
const KPI_LINKS: &[&str] = &[
    "score", "scores", "rating", "ratings", "of", "at", "was", "is", "were", "are", "reached",
    "hit", "averaged", "averaging", "stood", "around", "about",
];

/// After a number: a clock time, not a quantity.
const TIME_OF_DAY: &[&str] = &["am", "pm", "o'clock", "oclock", "o’clock"];

/// Word after "a second"/"a grand" that shows they are not adjectives ("a second call").
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "to", "of", "for", "ago", "later", "before", "after", "in", "on", "at", "with",
    "per", "a", "an", "the", "i", "we", "he", "she", "they", "it", "you", "then", "so", "but",
    "from", "into", "that", "this", "each", "every", "more", "less", "back", "now",
];

/// Before "one": a pronoun, not a number ("no one", "the one I took").
#[rustfmt::skip]
const ONE_PRONOUN_BEFORE: &[&str] = &[
    "no", "any", "every", "each", "the", "this", "that", "which", "another", "someone", "only",
];

// ------------------------------------------------------------------------------------------
// Lexicon: every table word, looked up once per word token.
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    fn name(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }
    /// Seconds in one; calendar grains use 30-day months and 365-day years.
    fn secs(self) -> f64 {
        match self {
            Grain::Second => 1.0,
            Grain::Minute => 60.0,
            Grain::Hour => 3600.0,
            Grain::Day => 86_400.0,
            Grain::Week => 604_800.0,
            Grain::Month => 2_592_000.0,
            Grain::Quarter => 7_884_000.0,
            Grain::Year => 31_536_000.0,
        }
    }
    fn months(self) -> f64 {
        match self {
            Grain::Month => 1.0,
            Grain::Quarter => 3.0,
            Grain::Year => 12.0,
            _ => 0.0,
        }
    }
    fn exact(self) -> bool {
        self <= Grain::Week
    }
    fn smaller(self) -> Option<Grain> {
        match self {
            Grain::Hour => Some(Grain::Minute),
            Grain::Minute => Some(Grain::Second),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Up,
    Down,
    Neutral,
}

const F_ARTICLE: u64 = 1;
const F_HALF: u64 = 1 << 1;
const F_QUARTER: u64 = 1 << 2;
const F_COUPLE: u64 = 1 << 3;
const F_POINT: u64 = 1 << 4;
const F_AND: u64 = 1 << 5;
const F_NEG: u64 = 1 << 6;
const F_MOD: u64 = 1 << 7;
const F_CHANGE: u64 = 1 << 8;
const F_CHANGE_AFTER: u64 = 1 << 9;
const F_UPDOWN_VERB: u64 = 1 << 10;
const F_STOP: u64 = 1 << 11;
const F_COUNT_NOUN: u64 = 1 << 12;
const F_IDENT: u64 = 1 << 13;
const F_IDENT_CAP: u64 = 1 << 14;
const F_MONTH: u64 = 1 << 15;
const F_TOD: u64 = 1 << 16;
const F_RATE_HEAD: u64 = 1 << 17;
const F_RATE_ADV: u64 = 1 << 18;
const F_FILLER: u64 = 1 << 19;
const F_CUR: u64 = 1 << 20;
const F_CODE: u64 = 1 << 21;
const F_PERCENT: u64 = 1 << 22;
const F_SCORE_CUE: u64 = 1 << 23;
const F_KPI_LINK: u64 = 1 << 24;
const F_FUNC: u64 = 1 << 25;
const F_ONE_BEFORE: u64 = 1 << 26;
const F_HUNDRED: u64 = 1 << 27;
const F_BETWEEN: u64 = 1 << 28;
const F_FROM: u64 = 1 << 29;
const F_BY: u64 = 1 << 30;
const F_STAR: u64 = 1 << 31;
const F_FACTOR: u64 = 1 << 32;
const F_FRACTION: u64 = 1 << 33;

/// Flags that make a word worth trying as the start of a quantity.
const F_STARTS: u64 = F_ARTICLE
    | F_HALF
    | F_COUPLE
    | F_POINT
    | F_NEG
    | F_MOD
    | F_CUR
    | F_CODE
    | F_SCORE_CUE
    | F_BETWEEN
    | F_FROM
    | F_BY
    | F_CHANGE
    | F_FACTOR;
/// Flags of words that cannot stand between a number and its noun.
const F_NOT_ADJ: u64 = F_STOP
    | F_ARTICLE
    | F_AND
    | F_PERCENT
    | F_TOD
    | F_MONTH
    | F_RATE_HEAD
    | F_BY
    | F_FROM
    | F_BETWEEN
    | F_MOD
    | F_POINT
    | F_HALF
    | F_QUARTER
    | F_NEG
    | F_CHANGE_AFTER
    | F_FUNC
    | F_STAR
    | F_HUNDRED
    | F_COUPLE;
/// Flags that are not "this word is a noun".
const F_NOT_NOUN: u64 = !(F_COUNT_NOUN | F_IDENT | F_IDENT_CAP | F_CHANGE | F_CHANGE_AFTER);

#[derive(Debug, Default, Clone, Copy)]
struct Lex {
    /// Cardinal value (0..=90).
    num: Option<f64>,
    weak: Option<f64>,
    scale: Option<f64>,
    /// Plural scale word ("thousands"): only after a number.
    scale_plural: bool,
    time: Option<(Grain, f64, bool)>,
    change: Option<Dir>,
    flags: u64,
}

impl Lex {
    fn has(&self, f: u64) -> bool {
        self.flags & f != 0
    }
    fn is_num_word(&self) -> bool {
        self.num.is_some()
    }
}

/// FNV-1a: the lexicon's keys are short words, for which SipHash's start-up cost dominates.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Lexicon = HashMap<&'static [u8], Lex, std::hash::BuildHasherDefault<Fnv>>;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    let mut m = Lexicon::with_capacity_and_hasher(1024, Default::default());
    fn flag(m: &mut Lexicon, w: &'static str, f: u64) {
        m.entry(w.as_bytes()).or_default().flags |= f;
    }
    for &(w, v) in NUMBER_WORDS {
        m.entry(w.as_bytes()).or_default().num = Some(v);
    }
    for &(w, v) in WEAK_NUMBER_WORDS {
        m.entry(w.as_bytes()).or_default().weak = Some(v);
    }
    for &(w, v) in SCALE_WORDS {
        let e = m.entry(w.as_bytes()).or_default();
        e.scale = Some(v);
        e.scale_plural = w.ends_with('s') && w != "lacs" || w == "lakhs";
    }
    for &(w, g, mult, strict) in TIME_UNITS {
        m.entry(w.as_bytes()).or_default().time = Some((g, mult, strict));
    }
    for &(w, d) in CHANGE_WORDS {
        let e = m.entry(w.as_bytes()).or_default();
        e.change = Some(d);
        e.flags |= F_CHANGE;
    }
    let lists: &[(&[&'static str], u64)] = &[
        (&["a", "an"], F_ARTICLE),
        (&["half"], F_HALF),
        (&["quarter", "quarters"], F_QUARTER),
        (&["couple", "pair"], F_COUPLE),
        (&["point"], F_POINT),
        (&["and"], F_AND),
        (&["minus", "negative"], F_NEG),
        (&["hundred", "hundreds"], F_HUNDRED),
        (&["between"], F_BETWEEN),
        (&["from"], F_FROM),
        (&["by"], F_BY),
        (&["star", "stars"], F_STAR),
        (&["percent", "pct", "percents", "percentage"], F_PERCENT),
        (CHANGE_AFTER, F_CHANGE_AFTER),
        (UP_DOWN_VERBS, F_UPDOWN_VERB),
        (STOPWORDS, F_STOP),
        (COUNT_NOUNS, F_COUNT_NOUN),
        (MONTHS, F_MONTH),
        (TIME_OF_DAY, F_TOD),
        (RATE_HEADS, F_RATE_HEAD),
        (RATE_ADVERBS, F_RATE_ADV),
        (FILLERS, F_FILLER),
        (SCORE_CUES, F_SCORE_CUE),
        (KPI_LINKS, F_KPI_LINK),
        (FUNCTION_WORDS, F_FUNC),
        (ONE_PRONOUN_BEFORE, F_ONE_BEFORE),
    ];
    for &(words, f) in lists {
        for &w in words {
            flag(&mut m, w, f);
        }
    }
    for &(w, _) in CHANGE_FACTORS {
        flag(&mut m, w, F_FACTOR);
    }
    for &(w, _) in FRACTION_WORDS {
        flag(&mut m, w, F_FRACTION);
    }
    for &(words, _) in MODIFIERS {
        flag(&mut m, words[0], F_MOD);
    }
    for &(w, cap) in IDENTIFIER_WORDS {
        flag(&mut m, w, if cap { F_IDENT_CAP } else { F_IDENT });
    }
    for &(phrase, _) in CURRENCY_NAMES {
        let first = phrase.split(' ').next().unwrap_or(phrase);
        flag(&mut m, first, F_CUR);
    }
    for &(w, _) in DOLLAR_PREFIXES {
        flag(&mut m, w, F_CODE);
    }
    m
}

/// Lowercases an ASCII word into `buf` for a lexicon lookup.
fn lookup(word: &[u8]) -> Option<&'static Lex> {
    if word.len() > 20 {
        return None;
    }
    let mut buf = [0u8; 20];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    LEXICON.get(&buf[..word.len()])
}

fn code_of(word: &str) -> Option<&'static str> {
    CURRENCY_CODES
        .iter()
        .copied()
        .find(|c| c.eq_ignore_ascii_case(word))
}

fn symbol_of(c: char) -> Option<Cur> {
    CURRENCY_SYMBOLS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|&(_, cur)| cur)
}

// ------------------------------------------------------------------------------------------
// Lexer
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lower,
    /// First letter upper, the rest lower ("Route").
    Cap,
    /// All upper, two letters or more ("CSAT").
    Upper,
    /// Anything else ("iPhone").
    Mixed,
}

#[derive(Debug, Clone, Copy)]
enum T {
    Word {
        lex: Option<&'static Lex>,
        shape: Shape,
        ascii: bool,
    },
    Num {
        v: f64,
        int_digits: u8,
        frac_digits: u8,
        comma: bool,
    },
    Sym(Cur),
    P(char),
    /// Phone numbers, clock times, dates, version strings: never part of a quantity.
    Opaque,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    /// No whitespace between this token and the previous one.
    glued: bool,
    t: T,
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn is_digit(b: &[u8], i: usize) -> bool {
    i < b.len() && b[i].is_ascii_digit()
}

fn digit_run(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while is_digit(b, j) {
        j += 1;
    }
    j - i
}

/// A phone number starting at `i` ("555-123-4567", "(555) 123-4567", "1-800-555-0199",
/// "+1 555 123 4567", "555-0199"): its end.
fn phone_at(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    let mut digits = 0;
    let mut last;
    let mut first = 0;
    let mut seps_nonspace = 0;
    if b.get(j) == Some(&b'+') {
        let n = digit_run(b, j + 1);
        if n == 0 || n > 3 {
            return None;
        }
        j += 1 + n;
        groups += 1;
        digits += n;
        if !matches!(b.get(j), Some(b' ' | b'-' | b'.')) {
            return None;
        }
        j += 1;
    }
    if b.get(j) == Some(&b'(') {
        if digit_run(b, j + 1) != 3 || b.get(j + 4) != Some(&b')') {
            return None;
        }
        j += 5;
        groups += 1;
        digits += 3;
        seps_nonspace += 1;
        if b.get(j) == Some(&b' ') || b.get(j) == Some(&b'-') {
            j += 1;
        }
    }
    loop {
        let n = digit_run(b, j);
        if n == 0 || n > 4 {
            return None;
        }
        if groups == 0 {
            first = n;
        }
        groups += 1;
        digits += n;
        last = n;
        j += n;
        match b.get(j) {
            Some(&c @ (b'-' | b'.' | b' ')) if is_digit(b, j + 1) => {
                if c != b' ' {
                    seps_nonspace += 1;
                }
                // "1,000 - 2,000"-style lists never reach here: commas end the run.
                j += 1;
            }
            _ => break,
        }
        if groups > 6 {
            return None;
        }
    }
    // A decimal or a glued word right after is not a phone number's end.
    if j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b',' && is_digit(b, j + 1)) {
        return None;
    }
    if groups >= 3 && (10..=13).contains(&digits) && last == 4 {
        return Some(j);
    }
    if groups == 2 && first == 3 && last == 4 && seps_nonspace == 1 && b[i] != b'+' {
        // "555-0199", but not a range like "100-1000" or "200-3000".
        let g1 = &b[i..i + 3];
        let g2 = &b[i + 4..i + 8];
        if b[i + 3] == b'-' && g1[0] != b'0' && g1[0] != b'1' && !(g2[2] == b'0' && g2[3] == b'0') {
            return Some(j);
        }
    }
    None
}

/// Clock times and ratios ("5:30", "3:1"), dates ("3/15/2020", "2020-03-15") and versions or
/// addresses ("1.2.3", "10.0.0.1") starting at `i`: their end.
fn opaque_at(b: &[u8], i: usize) -> Option<usize> {
    let n = digit_run(b, i);
    if n == 0 {
        return None;
    }
    let mut j = i + n;
    if b.get(j) == Some(&b':') && is_digit(b, j + 1) {
        while b.get(j) == Some(&b':') && is_digit(b, j + 1) {
            j += 1;
            j += digit_run(b, j);
        }
        return Some(j);
    }
    if let Some(&sep @ (b'/' | b'-' | b'.')) = b.get(j) {
        let n2 = digit_run(b, j + 1);
        if n2 > 0 && b.get(j + 1 + n2) == Some(&sep) && is_digit(b, j + 2 + n2) {
            j += 1 + n2;
            while b.get(j) == Some(&sep) && is_digit(b, j + 1) {
                j += 1;
                j += digit_run(b, j);
            }
            return Some(j);
        }
    }
    None
}

/// A number in digits at `i` ("1,200", "4.5", ".77", "0033"): its end and token.
fn lex_number(b: &[u8], i: usize) -> (usize, T) {
    let mut j = i;
    let mut mant: u64 = 0;
    let mut sig = 0u32;
    let mut big = 0.0f64;
    let mut overflow = false;
    let mut int_digits = 0u32;
    let mut frac_digits = 0u32;
    let mut comma = false;
    let mut push = |d: u8, mant: &mut u64| {
        if !overflow && sig < 18 {
            *mant = *mant * 10 + u64::from(d);
            sig += 1;
        } else {
            if !overflow {
                big = *mant as f64;
                overflow = true;
            }
            big = big * 10.0 + f64::from(d);
        }
    };
    while is_digit(b, j) {
        push(b[j] - b'0', &mut mant);
        int_digits += 1;
        j += 1;
    }
    if int_digits > 0 && int_digits <= 3 {
        while b.get(j) == Some(&b',') && digit_run(b, j + 1) == 3 {
            for k in 1..=3 {
                push(b[j + k] - b'0', &mut mant);
            }
            int_digits += 3;
            comma = true;
            j += 4;
        }
    }
    if b.get(j) == Some(&b'.') && is_digit(b, j + 1) {
        j += 1;
        while is_digit(b, j) {
            push(b[j] - b'0', &mut mant);
            frac_digits += 1;
            j += 1;
        }
    }
    let whole = if overflow { big } else { mant as f64 };
    let v = match POW10.get(frac_digits as usize) {
        Some(p) => whole / p,
        None => whole / 10f64.powi(frac_digits.min(400) as i32),
    };
    (
        j,
        T::Num {
            v,
            int_digits: int_digits.min(255) as u8,
            frac_digits: frac_digits.min(255) as u8,
            comma,
        },
    )
}

fn lex(text: &str, toks: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut glued = false;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let t;
        if c < 0x80 {
            if c.is_ascii_whitespace() {
                i += 1;
                glued = false;
                continue;
            }
            let lead_dot = c == b'.' && is_digit(b, i + 1) && !(i > 0 && b[i - 1].is_ascii_digit());
            if c.is_ascii_digit() || c == b'(' || c == b'+' || lead_dot {
                if let Some(e) = phone_at(b, i).or_else(|| opaque_at(b, i)) {
                    toks.push(Tok {
                        s: i,
                        e,
                        glued,
                        t: T::Opaque,
                    });
                    i = e;
                    glued = true;
                    continue;
                }
            }
            if c.is_ascii_digit() || lead_dot {
                let (e, num) = lex_number(b, i);
                i = e;
                t = num;
            } else if c.is_ascii_alphabetic() {
                let (e, tok) = lex_word(text, i);
                i = e;
                t = tok;
            } else {
                i += 1;
                t = match symbol_of(c as char) {
                    Some(cur) => T::Sym(cur),
                    None => T::P(c as char),
                };
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                i += len;
                glued = false;
                continue;
            }
            if ch.is_alphabetic() {
                let (e, tok) = lex_word(text, i);
                i = e;
                t = tok;
            } else {
                i += len;
                t = match ch {
                    '–' | '−' | '’' | '‘' | '“' | '”' => T::P(ch),
                    _ => match symbol_of(ch) {
                        Some(cur) => T::Sym(cur),
                        None => T::Other,
                    },
                };
            }
        }
        toks.push(Tok {
            s: start,
            e: i,
            glued,
            t,
        });
        glued = true;
    }
}

/// A word at `i`: letters, with apostrophes inside ("o'clock", "don't").
fn lex_word(text: &str, i: usize) -> (usize, T) {
    let b = text.as_bytes();
    let alpha_at = |k: usize| match b.get(k) {
        Some(c) if c.is_ascii() => c.is_ascii_alphabetic(),
        Some(_) => text[k..].chars().next().is_some_and(char::is_alphabetic),
        None => false,
    };
    let mut j = i;
    let mut ascii = true;
    let mut n = 0usize;
    let mut first_upper = false;
    let mut uppers = 0usize;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() {
                first_upper |= n == 0;
                uppers += 1;
            }
            n += 1;
            j += 1;
        } else if c == b'\'' && n > 0 && alpha_at(j + 1) {
            j += 1;
        } else if c >= 0x80 {
            let Some(ch) = text[j..].chars().next() else {
                break;
            };
            let len = ch.len_utf8();
            if ch.is_alphabetic() {
                if ch.is_uppercase() {
                    first_upper |= n == 0;
                    uppers += 1;
                }
                n += 1;
            } else if !(ch == '’' && n > 0 && alpha_at(j + len)) {
                break;
            }
            ascii = false;
            j += len;
        } else {
            break;
        }
    }
    let shape = if uppers == 0 {
        Shape::Lower
    } else if uppers == n && n >= 2 {
        Shape::Upper
    } else if first_upper && uppers == 1 {
        Shape::Cap
    } else {
        Shape::Mixed
    };
    let lex = if ascii { lookup(&b[i..j]) } else { None };
    (j, T::Word { lex, shape, ascii })
}

// ------------------------------------------------------------------------------------------
// Parser
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    None,
    Cur(&'static str),
    Time(Grain),
    /// The counted noun: its token.
    Noun(usize),
    /// A score's scale.
    Scale(f64),
    Percent,
    PctPoint,
}

/// A reading: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
struct Cand {
    s: usize,
    e: usize,
    kind: QuantityKind,
    value: f64,
    to: Option<f64>,
    unit: Unit,
    /// What the written number was multiplied by to get `value` (cents: 0.01), so that a bare
    /// number joined to it in a range gets the same treatment.
    factor: f64,
    /// A plain year-like number ("2019").
    yearlike: bool,
}

enum Step {
    Hit(Cand),
    Skip(usize),
    Miss,
}

/// A number: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
struct NumP {
    s: usize,
    e: usize,
    v: f64,
    /// Just "a"/"an": one of something, but not a number by itself.
    art: bool,
    weak: bool,
    /// "half", "a quarter", "three quarters", "1/2": may take "of" and an article before a unit.
    frac_word: bool,
    /// Written in digits (its first digit token).
    digit_tok: Option<usize>,
    yearlike: bool,
    /// "9/10": a score out of 10.
    score_den: Option<f64>,
}

enum N {
    Ok(NumP),
    Skip(usize),
    No,
}

struct Parser<'a> {
    text: &'a str,
    t: &'a [Tok],
    kpi: &'a [Vec<String>],
    kpi_first: &'a [bool; 256],
    kpi_by_first: &'a std::collections::HashMap<String, Vec<usize>>,
}

impl Parser<'_> {
    // ---- token helpers ----

    fn str(&self, i: usize) -> &str {
        &self.text[self.t[i].s..self.t[i].e]
    }
    fn lex(&self, i: usize) -> Option<&'static Lex> {
        match self.t.get(i)?.t {
            T::Word { lex, .. } => lex,
            _ => None,
        }
    }
    fn is_time_word(&self, i: usize) -> bool {
        self.lex(i).is_some_and(|l| l.time.is_some())
    }
    fn has(&self, i: usize, f: u64) -> bool {
        self.lex(i).is_some_and(|l| l.has(f))
    }
    fn is_word(&self, i: usize) -> bool {
        matches!(
            self.t.get(i),
            Some(Tok {
                t: T::Word { .. },
                ..
            })
        )
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.str(i).eq_ignore_ascii_case(w)
    }
    fn is_p(&self, i: usize, c: char) -> bool {
        matches!(self.t.get(i), Some(Tok { t: T::P(p), .. }) if *p == c)
    }
    fn is_dash(&self, i: usize) -> bool {
        self.is_p(i, '-') || self.is_p(i, '–')
    }
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }
    fn is_num_tok(&self, i: usize) -> bool {
        matches!(
            self.t.get(i),
            Some(Tok {
                t: T::Num { .. },
                ..
            })
        )
    }
    /// Nothing more of this phrase follows: end of text, or punctuation other than a hyphen.
    fn phrase_end(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => match t.t {
                T::P(c) => !matches!(c, '-' | '–' | '/' | '\'' | '’'),
                T::Other => true,
                _ => false,
            },
        }
    }
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(self.t[i - 1].t, T::P(c) if matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '(' | '“' | '\n'))
    }
    fn matches_phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut k = i;
        for w in words {
            if !self.word_is(k, w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    // ---- numbers ----

    fn num(&self, i: usize, money: bool) -> N {
        let mut j = i;
        let mut sign = 1.0;
        if let Some(tok) = self.t.get(j) {
            match tok.t {
                T::P(c @ ('-' | '−' | '+')) => {
                    let sign_ok = j == 0 || !tok.glued || self.is_p(j - 1, '(');
                    // Glued only: "- 40 calls" at the start of a line is a bullet.
                    let next_ok = self.is_num_tok(j + 1) && self.glued(j + 1);
                    if sign_ok && next_ok {
                        if c != '+' {
                            sign = -1.0;
                        }
                        j += 1;
                    } else {
                        return N::No;
                    }
                }
                T::Word { lex: Some(l), .. } if l.has(F_NEG) => {
                    if self.is_num_tok(j + 1) || self.lex(j + 1).is_some_and(|l| l.is_num_word()) {
                        sign = -1.0;
                        j += 1;
                    } else {
                        return N::No;
                    }
                }
                _ => {}
            }
        }
        let r = if self.is_num_tok(j) {
            self.digits(j, money)
        } else {
            self.words(j)
        };
        match r {
            N::Ok(mut p) => {
                if sign < 0.0 {
                    if p.art || p.weak {
                        return N::No;
                    }
                    p.v = -p.v;
                    p.yearlike = false;
                }
                p.s = i;
                N::Ok(p)
            }
            other => other,
        }
    }

    fn num_val(&self, i: usize) -> Option<(f64, u8, u8)> {
        match self.t.get(i)?.t {
            T::Num {
                v,
                int_digits,
                frac_digits,
                ..
            } => Some((v, int_digits, frac_digits)),
            _ => None,
        }
    }

    fn digits(&self, j: usize, money: bool) -> N {
        let Some(T::Num {
            v,
            int_digits,
            frac_digits,
            comma,
        }) = self.t.get(j).map(|t| t.t)
        else {
            return N::No;
        };
        let mut p = NumP {
            s: j,
            e: j + 1,
            v,
            art: false,
            weak: false,
            frac_word: false,
            digit_tok: Some(j),
            yearlike: !comma
                && frac_digits == 0
                && int_digits == 4
                && (1900.0..=2099.0).contains(&v),
            score_den: None,
        };
        let mut k = j + 1;
        // A multiplier glued to the digits: "100k", "1.2M", ".0012G", "$4.7bn".
        if self.is_word(k) && self.glued(k) {
            let s = self.str(k);
            let decimal = frac_digits > 0 || int_digits == 0;
            let mult = match s {
                "k" | "K" => Some(1e3),
                "M" => Some(1e6),
                "m" | "mm" | "mn" | "MM" | "Mn" if money => Some(1e6),
                "b" | "B" | "bn" | "Bn" | "BN" if money || decimal => Some(1e9),
                "G" if decimal => Some(1e9),
                "x" | "X" => Some(1.0),
                _ => None,
            };
            if let Some(m) = mult {
                if (s == "k" || s == "K") && frac_digits == 0 && matches!(v as u32, 401 | 403 | 457)
                {
                    // "401k" the retirement plan.
                    return N::Skip(k + 1);
                }
                p.v *= m;
                p.yearlike = false;
                k += 1;
            }
        }
        // "9/10", "1/2", "24/7".
        if self.is_p(k, '/') && self.glued(k) && self.glued(k + 1) {
            if let Some((b, _, 0)) = self.num_val(k + 1) {
                if self.is_p(k + 2, '/') && self.glued(k + 2)
                    || self.is_word(k + 2) && self.glued(k + 2) && !self.is_time_word(k + 2)
                {
                    return N::Skip(self.blob_end(k + 2));
                }
                let a = p.v;
                if (b == 5.0 || b == 10.0 || b == 100.0) && a <= b && k == j + 1 {
                    p.score_den = Some(b);
                    p.e = k + 2;
                    p.yearlike = false;
                    return N::Ok(p);
                } else if a < b && b > 0.0 && frac_digits == 0 && k == j + 1 {
                    p.v = a / b;
                    p.frac_word = true;
                    p.yearlike = false;
                    k += 2;
                } else {
                    return N::Skip(k + 2);
                }
            }
        }
        // "5 thousand", "1.2 million", "30 lakh", "2 dozens".
        k = self.scales(k, &mut p);
        // "1 point 1"
        if frac_digits == 0 && self.has(k, F_POINT) {
            if let Some((f, n)) = self.decimal_part(k + 1) {
                p.v += f;
                p.yearlike = false;
                k = n;
                k = self.scales(k, &mut p);
            }
        }
        k = self.and_fraction(k, &mut p);
        k = self.restatement(k, p.v);
        // "500+ calls"
        if self.is_p(k, '+') && self.glued(k) && !(self.glued(k + 1) && self.is_num_tok(k + 1)) {
            k += 1;
        }
        p.e = k;
        N::Ok(p)
    }

    /// Multiplies by scale words at `k`: returns the index after them.
    fn scales(&self, mut k: usize, p: &mut NumP) -> usize {
        let mut last = 0.0;
        while let Some(l) = self.lex(k) {
            let s = if l.has(F_HUNDRED) {
                100.0
            } else if let Some(s) = l.scale {
                s
            } else {
                break;
            };
            if last != 0.0 && s <= last {
                break;
            }
            p.v *= s;
            p.yearlike = false;
            last = s;
            k += 1;
            if l.scale == Some(12.0) && self.word_is(k, "of") {
                k += 1;
                break;
            }
        }
        k
    }

    /// The digits after "point": "point 77", "point seventy-five", "point zero five".
    fn decimal_part(&self, mut k: usize) -> Option<(f64, usize)> {
        let mut mant = 0.0;
        let mut n = 0i32;
        if let Some((v, int_digits, 0)) = self.num_val(k) {
            if self.glued(k) {
                return None;
            }
            return Some((v / 10f64.powi(i32::from(int_digits)), k + 1));
        }
        while let Some(l) = self.lex(k) {
            let Some(v) = l.num else { break };
            if v < 10.0 {
                mant = mant * 10.0 + v;
                n += 1;
                k += 1;
            } else {
                let mut v = v;
                k += 1;
                if v >= 20.0 && v % 10.0 == 0.0 {
                    let mut k2 = k;
                    if self.is_p(k2, '-') && self.glued(k2) {
                        k2 += 1;
                    }
                    if let Some(u) = self.lex(k2).and_then(|l| l.num) {
                        if (1.0..10.0).contains(&u) {
                            v += u;
                            k = k2 + 1;
                        }
                    }
                }
                mant = mant * 100.0 + v;
                n += 2;
            }
            if n > 12 {
                break;
            }
        }
        (n > 0).then(|| (mant / 10f64.powi(n), k))
    }

    /// "and a half", "and three quarters" after a number.
    fn and_fraction(&self, k: usize, p: &mut NumP) -> usize {
        if !self.has(k, F_AND) {
            return k;
        }
        let mut j = k + 1;
        let mut n = 1.0;
        if self.has(j, F_ARTICLE) {
            j += 1;
        } else if let Some(v) = self.lex(j).and_then(|l| l.num) {
            if (1.0..=3.0).contains(&v) && self.has(j + 1, F_QUARTER) {
                n = v;
                j += 1;
            }
        }
        let f = if self.has(j, F_HALF) {
            0.5
        } else if self.has(j, F_QUARTER) {
            0.25 * n
        } else {
            return k;
        };
        p.v += f;
        p.frac_word = true;
        p.yearlike = false;
        j + 1
    }

    /// A fraction word at `q` that is followed by "of" (or, for quarters, a time unit): its
    /// value ("third" in "two thirds of", "quarter" in "a quarter hour").
    fn fraction_of(&self, q: usize) -> Option<f64> {
        if !self.has(q, F_FRACTION) {
            return None;
        }
        let quarter = self.has(q, F_QUARTER);
        if !(self.word_is(q + 1, "of") || quarter && self.is_time_word(q + 1)) {
            return None;
        }
        let w = self.str(q);
        FRACTION_WORDS
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(w))
            .map(|f| f.1)
    }

    /// "forty-five (45)", "45 (forty five)": the restatement joins the number.
    fn restatement(&self, k: usize, v: f64) -> usize {
        if !self.is_p(k, '(') || self.glued(k) {
            return k;
        }
        if let N::Ok(q) = self.num(k + 1, false) {
            if !q.art && !q.weak && q.v == v && self.is_p(q.e, ')') {
                return q.e + 1;
            }
        }
        k
    }

    fn words(&self, j: usize) -> N {
        let Some(l) = self.lex(j) else {
            return N::No;
        };
        let mut p = NumP {
            s: j,
            e: j + 1,
            v: 0.0,
            art: false,
            weak: false,
            frac_word: false,
            digit_tok: None,
            yearlike: false,
            score_den: None,
        };
        if l.has(F_ARTICLE) {
            let k = j + 1;
            let Some(n) = self.lex(k) else {
                p.art = true;
                p.v = 1.0;
                return N::Ok(p);
            };
            if n.has(F_HUNDRED) || n.scale.is_some() && !n.scale_plural {
                let (e, v) = self.word_seq(k, 1.0);
                if e > k {
                    p.v = v;
                    p.e = e;
                    return self.word_tail(p);
                }
            }
            if n.has(F_COUPLE) {
                p.v = 2.0;
                p.e = k + 1;
                if self.word_is(p.e, "of") {
                    p.e += 1;
                }
                return N::Ok(p);
            }
            if n.weak == Some(3.0) {
                p.v = 3.0;
                p.weak = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            if n.has(F_HALF) {
                p.v = 0.5;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            if n.has(F_QUARTER) && self.str(k).eq_ignore_ascii_case("quarter") {
                p.v = 0.25;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            // "a third of the calls"
            if let Some(f) = self.fraction_of(k) {
                p.v = f;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            p.art = true;
            p.v = 1.0;
            return N::Ok(p);
        }
        if l.has(F_HALF) {
            p.v = 0.5;
            p.frac_word = true;
            // "half a million"
            if self.has(j + 1, F_ARTICLE) {
                if let Some(s) = self.lex(j + 2).and_then(|l| l.scale) {
                    p.v = 0.5 * s;
                    p.frac_word = false;
                    p.e = j + 3;
                }
            }
            return N::Ok(p);
        }
        if l.has(F_COUPLE) && self.word_is(j + 1, "of") {
            p.v = 2.0;
            p.e = j + 2;
            return N::Ok(p);
        }
        if let Some(v) = l.weak {
            p.v = v;
            p.weak = true;
            return N::Ok(p);
        }
        if l.has(F_POINT) {
            let before_ok = j == 0 || !matches!(self.t[j - 1].t, T::Word { .. } | T::Num { .. });
            if before_ok {
                if let Some((f, e)) = self.decimal_part(j + 1) {
                    p.v = f;
                    p.e = e;
                    return self.word_tail(p);
                }
            }
            return N::No;
        }
        if !l.is_num_word() {
            return N::No;
        }
        let (e, v) = self.word_seq(j, 0.0);
        if e == j {
            return N::No;
        }
        p.v = v;
        p.e = e;
        // "no one", "the one I took", "one by one", "one another", "one-on-one".
        if e == j + 1 && v == 1.0 && self.str(j).eq_ignore_ascii_case("one") {
            let before = j > 0 && self.has(j - 1, F_ONE_BEFORE) && !self.glued(j);
            let after = self.word_is(j + 1, "another")
                || self.word_is(j + 1, "by") && self.word_is(j + 2, "one")
                || self.is_p(j + 1, '-') && self.glued(j + 1) && self.word_is(j + 2, "on");
            if before || after {
                let mut e = j + 1;
                if self.word_is(j + 1, "by") {
                    e = j + 3;
                } else if self.is_p(j + 1, '-') {
                    e = j + 5;
                }
                return N::Skip(e.min(self.t.len()));
            }
        }
        self.word_tail(p)
    }

    /// After a word number: decimals, scales, "and a half", "three quarters of", a
    /// restatement; a glued digit makes it an identifier ("Five9").
    fn word_tail(&self, mut p: NumP) -> N {
        let mut k = p.e;
        if self.has(k, F_POINT) {
            if let Some((f, e)) = self.decimal_part(k + 1) {
                if p.v.fract() == 0.0 {
                    p.v += f;
                    k = e;
                    k = self.scales(k, &mut p);
                }
            }
        }
        // "three quarters of an hour", "three-quarters of an hour", "two thirds of the calls"
        let mut q = k;
        if self.is_p(q, '-') && self.glued(q) && self.glued(q + 1) {
            q += 1;
        }
        if let Some(f) = self.fraction_of(q) {
            if (1.0..10.0).contains(&p.v) && p.v.fract() == 0.0 && p.v * f <= 1.0 {
                p.v *= f;
                p.frac_word = true;
                k = q + 1;
            }
        }
        k = self.and_fraction(k, &mut p);
        k = self.restatement(k, p.v);
        if self.glued(k) && (self.is_num_tok(k) || self.is_word(k)) {
            return N::Skip(self.blob_end(k));
        }
        p.e = k;
        N::Ok(p)
    }

    /// Cardinal words from `j` ("seven hundred twenty-one thousand and twelve", "one twenty
    /// two", "three crore twelve lakh"). `init` 1.0 after "a" ("a hundred"). Returns the index
    /// after the last number word and the value.
    fn word_seq(&self, j: usize, init: f64) -> (usize, f64) {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            None,
            Unit,
            Teen,
            Tens,
            Hundred,
            Scale,
        }
        let mut total = 0.0;
        let mut cur = init;
        let mut last = if init > 0.0 { Last::Unit } else { Last::None };
        let mut last_scale = 0.0;
        let mut k = j;
        let mut end = j;
        let mut zero = false;
        while let Some(l) = self.lex(k) {
            if let Some(v) = l.num {
                if zero {
                    break;
                }
                let kind = if v < 10.0 {
                    Last::Unit
                } else if v < 20.0 {
                    Last::Teen
                } else {
                    Last::Tens
                };
                match (last, kind) {
                    (Last::None | Last::Hundred | Last::Scale, _) => cur += v,
                    (Last::Tens, Last::Unit) if v > 0.0 => cur += v,
                    (Last::Unit, Last::Teen | Last::Tens)
                        if cur > 0.0 && cur < 10.0 && init == 0.0 =>
                    {
                        cur = cur * 100.0 + v
                    }
                    _ => break,
                }
                if v == 0.0 && last == Last::None {
                    zero = true;
                }
                last = kind;
                k += 1;
                end = k;
                // "twenty-one"
                if kind == Last::Tens
                    && self.is_p(k, '-')
                    && self.glued(k)
                    && self.glued(k + 1)
                    && self
                        .lex(k + 1)
                        .and_then(|l| l.num)
                        .is_some_and(|u| (1.0..10.0).contains(&u))
                {
                    k += 1;
                }
                continue;
            }
            if l.has(F_HUNDRED) {
                let plural = self.str(k).len() > 7;
                if last == Last::None || zero || plural && cur == 0.0 {
                    break;
                }
                if matches!(last, Last::Unit | Last::Teen | Last::Tens) && cur < 100.0 {
                    cur = cur.max(1.0) * 100.0;
                    last = Last::Hundred;
                    k += 1;
                    end = k;
                    if self.has(k, F_AND) && self.lex(k + 1).is_some_and(|l| l.is_num_word()) {
                        k += 1;
                    }
                    continue;
                }
                break;
            }
            if let Some(s) = l.scale {
                if last == Last::None || zero {
                    break;
                }
                if total == 0.0 || s > last_scale {
                    total = (total + cur) * s;
                } else {
                    total += cur * s;
                }
                cur = 0.0;
                last_scale = s;
                last = Last::Scale;
                k += 1;
                end = k;
                if s == 12.0 && self.word_is(k, "of") {
                    end = k + 1;
                    break;
                }
                if self.has(k, F_AND) && self.lex(k + 1).is_some_and(|l| l.is_num_word()) {
                    k += 1;
                }
                continue;
            }
            break;
        }
        (end, total + cur)
    }

    /// The end of a run of glued tokens from `k`.
    fn blob_end(&self, mut k: usize) -> usize {
        k += 1;
        while k < self.t.len() && self.t[k].glued && !self.phrase_end(k) {
            k += 1;
        }
        k
    }

    // ---- context ----

    /// Is the number whose first digit token is `j` a name ("Windows 10", "COVID-19")?
    /// `Some(true)`: always; `Some(false)`: unless a unit follows ("Amazon 3 years" is fine).
    fn identifier_before(&self, j: usize, digits: bool) -> Option<bool> {
        if j == 0 {
            return None;
        }
        let prev = &self.t[j - 1];
        // "ext. 4412", "No. 5"
        if matches!(prev.t, T::P('.')) && prev.glued && j >= 2 && !self.t[j].glued {
            return match self.t[j - 2].t {
                T::Word {
                    lex: Some(l),
                    shape,
                    ..
                } if l.has(F_IDENT) || l.has(F_IDENT_CAP) && shape != Shape::Lower => Some(true),
                _ => None,
            };
        }
        if !digits {
            return match prev.t {
                T::Word {
                    lex: Some(l),
                    shape,
                    ..
                } if !self.t[j].glued
                    && (l.has(F_IDENT) || l.has(F_IDENT_CAP) && shape != Shape::Lower) =>
                {
                    Some(true)
                }
                _ => None,
            };
        }
        if self.t[j].glued {
            return match prev.t {
                T::Word { .. } => Some(true),
                T::P('#') => Some(true),
                T::P('-') if j >= 2 && prev.glued && self.is_word(j - 2) => Some(true),
                _ => None,
            };
        }
        let T::Word { lex, shape, .. } = prev.t else {
            return None;
        };
        let w = self.str(j - 1);
        if self
            .kpi
            .iter()
            .any(|t| t.last().is_some_and(|l| l.eq_ignore_ascii_case(w)))
        {
            return None;
        }
        if let Some(l) = lex {
            if l.has(F_IDENT) || l.has(F_IDENT_CAP) && shape != Shape::Lower {
                return Some(true);
            }
            if l.has(F_MONTH) {
                let w = self.str(j - 1);
                let modal = w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("march");
                if !modal || shape == Shape::Cap {
                    return Some(true);
                }
            }
            return None;
        }
        match shape {
            Shape::Mixed => Some(true),
            Shape::Upper => Some(false),
            Shape::Cap if !self.sentence_start(j - 1) => Some(false),
            _ => None,
        }
    }

    /// A clock time or a date after the number at `e` ("5 p.m.", "3 March"): the end to skip to.
    fn time_or_date_after(&self, e: usize) -> Option<usize> {
        if let Some(l) = self.lex(e) {
            if l.has(F_TOD) {
                return Some(e + 1);
            }
            if l.has(F_MONTH) {
                let w = self.str(e);
                let modal = w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("march");
                if !modal
                    || matches!(
                        self.t[e].t,
                        T::Word {
                            shape: Shape::Cap,
                            ..
                        }
                    )
                {
                    return Some(e + 1);
                }
            }
        }
        // "a.m.", "p.m."
        let w = self.t.get(e).map(|_| self.str(e));
        if matches!(w, Some("a" | "p" | "A" | "P"))
            && self.is_p(e + 1, '.')
            && self.glued(e + 1)
            && (self.word_is(e + 2, "m"))
            && self.glued(e + 2)
        {
            let mut k = e + 3;
            if self.is_p(k, '.') && self.glued(k) {
                k += 1;
            }
            return Some(k);
        }
        None
    }

    /// An up or down change word (or "improved") at most three words before `s`, with no
    /// "to" right before it ("improved CSAT to 95%" is a level, not an amount).
    fn change_verb_just_before(&self, s: usize) -> bool {
        if s == 0 || self.word_is(s - 1, "to") {
            return false;
        }
        for k in (s.saturating_sub(3)..s).rev() {
            match self.t[k].t {
                T::Word { lex: Some(l), .. } => match l.change {
                    Some(Dir::Up | Dir::Down) => return true,
                    Some(Dir::Neutral)
                        if self.str(k).to_ascii_lowercase().starts_with("improv") =>
                    {
                        return true;
                    }
                    _ => {}
                },
                T::Word { .. } => {}
                _ => return false,
            }
        }
        false
    }

    /// "-year-old" after a number: an age, not a duration.
    fn age_after(&self, e: usize) -> Option<usize> {
        let ok = self.is_p(e, '-')
            && self.glued(e)
            && self.glued(e + 1)
            && self.is_time_word(e + 1)
            && self.is_p(e + 2, '-')
            && self.glued(e + 2)
            && self.word_is(e + 3, "old");
        ok.then_some(e + 4)
    }

    /// A change word before `i` in the same sentence, at most eight tokens back.
    fn change_before(&self, i: usize) -> Option<Dir> {
        let lo = i.saturating_sub(8);
        for k in (lo..i).rev() {
            match self.t[k].t {
                T::P('.' | '!' | '?' | ';') | T::Opaque => return None,
                T::Word { lex: Some(l), .. } => {
                    if let Some(d) = l.change {
                        return Some(d);
                    }
                }
                _ => {}
            }
        }
        None
    }

    // ---- units ----

    /// A time unit at `k` for a number; its grain, multiplier and end.
    fn time_unit(&self, k: usize) -> Option<(Grain, f64, usize)> {
        let tok = self.t.get(k)?;
        match tok.t {
            T::Word { lex: Some(l), .. } => {
                let (g, m, strict) = l.time?;
                if strict && !tok.glued && !self.phrase_end(k + 1) {
                    return None;
                }
                if strict && self.str(k) == "M" {
                    return None;
                }
                // "quarter-hour"
                if g == Grain::Quarter
                    && self.is_p(k + 1, '-')
                    && self.glued(k + 1)
                    && self.word_is(k + 2, "hour")
                {
                    return Some((Grain::Minute, 15.0 * m, k + 3));
                }
                Some((g, m, k + 1))
            }
            T::P('\'' | '’') if tok.glued && self.phrase_end(k + 1) => {
                Some((Grain::Minute, 1.0, k + 1))
            }
            T::P('"' | '”') if tok.glued && self.phrase_end(k + 1) => {
                Some((Grain::Second, 1.0, k + 1))
            }
            _ => None,
        }
    }

    fn duration(&self, p: &NumP) -> Option<Cand> {
        if p.score_den.is_some() || p.weak {
            return None;
        }
        let mut k = p.e;
        let mut fillers = 0;
        while fillers < 2 && self.has(k, F_FILLER) {
            k += 1;
            fillers += 1;
        }
        if p.frac_word {
            if self.word_is(k, "of") {
                k += 1;
            }
            if self.has(k, F_ARTICLE) {
                k += 1;
            }
        }
        // "10-minute", "24-hour"
        if self.is_p(k, '-') && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
            k += 1;
        }
        let (g, m, mut end) = self.time_unit(k)?;
        // The strict quote units need digits right before them.
        if matches!(self.t[k].t, T::P(_)) && p.digit_tok.is_none() {
            return None;
        }
        if g == Grain::Second && p.v == 1.0 && p.digit_tok.is_none() {
            // "a second call", "one second chance"
            if self.is_word(end) && !self.has(end, F_FUNC) {
                return None;
            }
        }
        let mut exact = 0.0;
        let mut months = 0.0;
        let mut smallest = g;
        let add = |v: f64, g: Grain, exact: &mut f64, months: &mut f64| {
            // Seconds for every grain (30-day months, 365-day years), months for calendar ones.
            *exact += v * g.secs();
            *months += v * g.months();
        };
        add(p.v * m, g, &mut exact, &mut months);
        let mut last = g;
        loop {
            // "an hour and a half", "a month and a half", "seven hours and a quarter"
            if self.has(end, F_AND) {
                let mut j = end + 1;
                if self.has(j, F_ARTICLE) {
                    j += 1;
                }
                let f = if self.has(j, F_HALF) {
                    Some(0.5)
                } else if self.word_is(j, "quarter") && !self.is_time_word(j + 1) {
                    Some(0.25)
                } else {
                    None
                };
                if let Some(f) = f {
                    add(f, last, &mut exact, &mut months);
                    end = j + 1;
                    break;
                }
            }
            let mut j = end;
            if self.is_p(j, ',') {
                j += 1;
            }
            if self.has(j, F_AND) {
                j += 1;
            }
            let N::Ok(q) = self.num(j, false) else { break };
            if q.weak || q.score_den.is_some() || q.v < 0.0 {
                break;
            }
            if let Some((g2, m2, e2)) = self.time_unit(q.e) {
                if g2 < last {
                    add(q.v * m2, g2, &mut exact, &mut months);
                    smallest = smallest.min(g2);
                    last = g2;
                    end = e2;
                    continue;
                }
                break;
            }
            // "1 hour thirty", "2 hours and 10", "1h30"
            if let Some(g2) = last.smaller() {
                if !q.art && q.v.fract() == 0.0 && q.v < 60.0 && self.phrase_end(q.e) {
                    add(q.v, g2, &mut exact, &mut months);
                    smallest = smallest.min(g2);
                    end = q.e;
                }
            }
            break;
        }
        let value = if smallest.exact() {
            exact / smallest.secs()
        } else {
            months / smallest.months()
        };
        Some(Cand {
            s: p.s,
            e: end,
            kind: QuantityKind::Duration,
            value,
            to: None,
            unit: Unit::Time(smallest),
            factor: m,
            yearlike: false,
        })
    }

    fn percent(&self, p: &NumP) -> Option<Cand> {
        if p.art || p.weak || p.score_den.is_some() {
            return None;
        }
        let k = p.e;
        let mut unit = Unit::None;
        let e = if self.is_p(k, '%') || self.is_p(k, '％') {
            k + 1
        } else if self.word_is(k, "per") && self.word_is(k + 1, "cent") {
            k + 2
        } else if self.has(k, F_PERCENT) {
            if self.word_is(k, "percentage") {
                if self.word_is(k + 1, "point") || self.word_is(k + 1, "points") {
                    unit = Unit::PctPoint;
                    k + 2
                } else {
                    return None;
                }
            } else {
                k + 1
            }
        } else if self.word_is(k, "p")
            && self.is_p(k + 1, '.')
            && self.glued(k + 1)
            && self.word_is(k + 2, "c")
            && self.glued(k + 2)
        {
            if self.is_p(k + 3, '.') && self.glued(k + 3) {
                k + 4
            } else {
                k + 3
            }
        } else {
            return None;
        };
        Some(Cand {
            s: p.s,
            e,
            kind: QuantityKind::Percent,
            value: p.v,
            to: None,
            unit,
            factor: 1.0,
            yearlike: false,
        })
    }

    /// A currency name, code or symbol at `k`: its end, worth and whether it is strict.
    fn currency_at(&self, k: usize, prefix: bool) -> Option<(usize, Cur)> {
        let tok = self.t.get(k)?;
        match tok.t {
            T::Sym(c) => {
                let mut e = k + 1;
                // "20 €ur"
                if c == Cur::Main("EUR") && self.word_is(e, "ur") && self.glued(e) {
                    e += 1;
                }
                Some((e, c))
            }
            T::Word { lex, shape, ascii } => {
                if !ascii {
                    return None;
                }
                // "42 L.E.", the Egyptian pound
                if !prefix
                    && self.word_is(k, "l")
                    && self.is_p(k + 1, '.')
                    && self.glued(k + 1)
                    && self.word_is(k + 2, "e")
                    && self.glued(k + 2)
                {
                    let e = if self.is_p(k + 3, '.') && self.glued(k + 3) {
                        k + 4
                    } else {
                        k + 3
                    };
                    return Some((e, Cur::Main("EGP")));
                }
                // "US$", "HK$"
                if lex.is_some_and(|l| l.has(F_CODE)) && self.glued(k + 1) {
                    if let Some(T::Sym(Cur::Main("USD"))) = self.t.get(k + 1).map(|t| t.t) {
                        let w = self.str(k);
                        if let Some(&(_, code)) = DOLLAR_PREFIXES
                            .iter()
                            .find(|(p, _)| p.eq_ignore_ascii_case(w))
                        {
                            return Some((k + 2, Cur::Main(code)));
                        }
                    }
                }
                if lex.is_some_and(|l| l.has(F_CUR)) {
                    let mut best: Option<(usize, Cur)> = None;
                    for &(phrase, cur) in CURRENCY_NAMES {
                        let mut j = k;
                        let mut ok = true;
                        for w in phrase.split(' ') {
                            if !self.word_is(j, w) || j > k && self.glued(j) {
                                ok = false;
                                break;
                            }
                            j += 1;
                        }
                        if ok && best.is_none_or(|b| j > b.0) {
                            best = Some((j, cur));
                        }
                    }
                    if let Some((e, cur)) = best {
                        let first = self.str(k);
                        let strict = STRICT_CURRENCY_WORDS
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(first));
                        let pre = PREFIX_CURRENCY_WORDS
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(first));
                        let strict_ok = !strict || tok.glued || self.phrase_end(e) || prefix;
                        let rs_dot = if self.is_p(e, '.')
                            && self.glued(e)
                            && self.str(k).eq_ignore_ascii_case("rs")
                        {
                            e + 1
                        } else {
                            e
                        };
                        if strict_ok && (!prefix || pre) {
                            return Some((if prefix { rs_dot } else { e }, cur));
                        }
                    }
                }
                if prefix && shape != Shape::Upper && !self.str(k).eq_ignore_ascii_case("rm") {
                    return None;
                }
                let code = code_of(self.str(k))?;
                Some((k + 1, Cur::Main(code)))
            }
            _ => None,
        }
    }

    fn money_value(v: f64, cur: Cur) -> (f64, &'static str, f64) {
        match cur {
            Cur::Main(c) => (v, c, 1.0),
            Cur::Sub(c) => (v * 0.01, c, 0.01),
            Cur::Coin(c, w) => (v * w, c, w),
            Cur::Grand => (v * 1000.0, "USD", 1000.0),
        }
    }

    fn money_suffix(&self, p: &NumP) -> Option<Cand> {
        if p.weak || p.score_den.is_some() {
            return None;
        }
        let mut k = p.e;
        // "a 5-dollar bill"
        if self.is_p(k, '-') && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
            k += 1;
        }
        let (e, cur) = self.currency_at(k, false)?;
        if p.art {
            // "a dollar", "a dime", "a grand" but not "a $", "a EUR", "a grand opening"
            if !matches!(
                self.t[k].t,
                T::Word {
                    shape: Shape::Lower | Shape::Cap,
                    ..
                }
            ) {
                return None;
            }
            if cur == Cur::Grand && self.is_word(e) && !self.has(e, F_FUNC) {
                return None;
            }
        }
        if cur == Cur::Grand && self.glued(k) {
            return None;
        }
        let (mut value, code, factor) = Self::money_value(p.v, cur);
        let mut end = e;
        if matches!(cur, Cur::Main(_)) {
            if let Some((c, ce)) = self.cents(e, p.v) {
                value += c;
                end = ce;
            }
        }
        Some(Cand {
            s: p.s,
            e: end,
            kind: QuantityKind::Money,
            value,
            to: None,
            unit: Unit::Cur(code),
            factor,
            yearlike: false,
        })
    }

    /// The cents after a whole amount: "$20 and 43c", "20 dollars 43 cents", "$20 43".
    fn cents(&self, e: usize, whole: f64) -> Option<(f64, usize)> {
        if whole.fract() != 0.0 {
            return None;
        }
        let mut j = e;
        if self.has(j, F_AND) {
            j += 1;
        }
        let N::Ok(q) = self.num(j, false) else {
            return None;
        };
        if q.art
            || q.weak
            || q.v.fract() != 0.0
            || !(0.0..100.0).contains(&q.v)
            || q.score_den.is_some()
        {
            return None;
        }
        if let Some((ce, Cur::Sub(_))) = self.currency_at(q.e, false) {
            return Some((q.v / 100.0, ce));
        }
        if self.phrase_end(q.e) {
            return Some((q.v / 100.0, q.e));
        }
        None
    }

    fn money_prefix(&self, i: usize) -> Option<Cand> {
        let (k, cur) = self.currency_at(i, true)?;
        let Cur::Main(code) = cur else { return None };
        let N::Ok(p) = self.num(k, true) else {
            return None;
        };
        if p.art || p.weak || p.score_den.is_some() || p.v < 0.0 {
            return None;
        }
        // A word amount needs a symbol before it ("$ten" is odd; "EUR ten" is not an amount).
        if p.digit_tok.is_none() && !matches!(self.t[i].t, T::Sym(_)) {
            return None;
        }
        let mut value = p.v;
        let mut end = p.e;
        if let Some((c, ce)) = self.cents(end, p.v) {
            value += c;
            end = ce;
        }
        Some(Cand {
            s: i,
            e: end,
            kind: QuantityKind::Money,
            value,
            to: None,
            unit: Unit::Cur(code),
            factor: 1.0,
            yearlike: false,
        })
    }

    fn is_kpi_at(&self, k: usize) -> Option<usize> {
        let first = self.t.get(k).map(|t| self.text.as_bytes()[t.s])?;
        if !self.kpi_first[usize::from(first)] {
            return None;
        }
        // Only the terms whose first word is this one (ASCII-lowercased, as the comparison
        // below is ASCII-case-insensitive; the terms are lowercase).
        if !self.is_word(k) {
            return None;
        }
        let word = self.str(k);
        let mut buf = [0u8; 32];
        let candidates = if word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b)
                .ok()
                .and_then(|w| self.kpi_by_first.get(w))
        } else {
            self.kpi_by_first.get(&word.to_ascii_lowercase())
        };
        let candidates = candidates?;
        let mut best = None;
        'terms: for term in candidates.iter().map(|&i| &self.kpi[i]) {
            let mut j = k;
            for (n, w) in term.iter().enumerate() {
                // "first-call resolution" for the term "first call resolution"
                if n > 0 && self.is_p(j, '-') && self.glued(j) && self.glued(j + 1) {
                    j += 1;
                }
                if !self.is_word(j) || !self.str(j).eq_ignore_ascii_case(w) {
                    continue 'terms;
                }
                j += 1;
            }
            if best.is_none_or(|b| j > b) {
                best = Some(j);
            }
        }
        best
    }

    fn score(&self, p: &NumP) -> Option<Cand> {
        if p.art || p.weak {
            return None;
        }
        let mk = |e, v, unit| Cand {
            s: p.s,
            e,
            kind: QuantityKind::Score,
            value: v,
            to: None,
            unit,
            factor: 1.0,
            yearlike: false,
        };
        if let Some(d) = p.score_den {
            return Some(mk(p.e, p.v, Unit::Scale(d)));
        }
        let k = p.e;
        if self.word_is(k, "out") && self.word_is(k + 1, "of") {
            if let N::Ok(d) = self.num(k + 2, false) {
                if !d.art && !d.weak && d.v > 0.0 && p.v <= d.v {
                    return Some(mk(d.e, p.v, Unit::Scale(d.v)));
                }
            }
        }
        let mut s = k;
        if self.is_p(s, '-') && self.glued(s) {
            s += 1;
        }
        if self.has(s, F_STAR) && p.v <= 5.0 && p.v >= 0.0 {
            return Some(mk(s + 1, p.v, Unit::Scale(5.0)));
        }
        // "92 CSAT", "a 4.8 rating"
        let mut j = k;
        if self.word_is(j, "average") || self.word_is(j, "overall") {
            j += 1;
        }
        if let Some(e) = self.is_kpi_at(j) {
            let mut e = e;
            if self.word_is(e, "score") || self.word_is(e, "rating") {
                e += 1;
            }
            return Some(mk(e, p.v, Unit::None));
        }
        if self.word_is(j, "rating") || self.word_is(j, "score") {
            return Some(mk(j + 1, p.v, Unit::None));
        }
        None
    }

    /// Is `k` a counted noun? `one`: the number is 1 (a plural guess is not enough).
    fn count_noun(&self, k: usize, one: bool) -> bool {
        let Some(tok) = self.t.get(k) else {
            return false;
        };
        let T::Word { lex, ascii, shape } = tok.t else {
            return false;
        };
        if tok.glued && k > 0 && !self.is_p(k - 1, '-') || !ascii || shape == Shape::Upper {
            return false;
        }
        if let Some(l) = lex {
            if l.has(F_COUNT_NOUN) {
                return true;
            }
            if l.flags & F_NOT_NOUN != 0
                || l.num.is_some()
                || l.weak.is_some()
                || l.scale.is_some()
                || l.time.is_some()
            {
                return false;
            }
        }
        if one {
            return false;
        }
        let w = self.str(k).as_bytes();
        let n = w.len();
        n >= 3
            && w[n - 1].eq_ignore_ascii_case(&b's')
            && !w[n - 2].eq_ignore_ascii_case(&b's')
            && !w[n - 2].eq_ignore_ascii_case(&b'u')
            && !w[n - 2].eq_ignore_ascii_case(&b'i')
            && w[n - 2] != b'\''
    }

    /// A word that can stand between a number and its noun ("40 inbound calls").
    fn adjective(&self, k: usize) -> bool {
        let Some(tok) = self.t.get(k) else {
            return false;
        };
        let T::Word {
            lex,
            ascii: true,
            shape: Shape::Lower,
        } = tok.t
        else {
            return false;
        };
        if tok.glued {
            return false;
        }
        match lex {
            Some(l) => {
                l.has(F_FILLER)
                    || l.flags & F_NOT_ADJ == 0
                        && l.num.is_none()
                        && l.time.is_none()
                        && l.scale.is_none()
                        && l.weak.is_none()
                        && self.currency_at(k, false).is_none()
            }
            None => true,
        }
    }

    fn count(&self, p: &NumP) -> Option<Cand> {
        if p.art
            || p.weak
            || p.frac_word
            || p.score_den.is_some()
            || p.v < 0.0
            || p.v.fract() != 0.0
        {
            return None;
        }
        let one = p.v == 1.0;
        let k = p.e;
        let mut noun = if self.count_noun(k, one) {
            k
        } else if self.adjective(k) && self.count_noun(k + 1, one) {
            k + 1
        } else {
            return None;
        };
        // "ten times better", "3 times the volume": a multiple, not a count.
        if self.str(noun).eq_ignore_ascii_case("times")
            && (self.has(noun + 1, F_CHANGE_AFTER)
                || self.has(noun + 1, F_FILLER)
                || self.word_is(noun + 1, "as")
                || self.word_is(noun + 1, "the")
                || self.word_is(noun + 1, "over"))
        {
            return None;
        }
        // "two team members", "5 sales calls": the last noun of a compound is counted.
        if !self.glued(noun + 1) && self.count_noun(noun + 1, one) {
            noun += 1;
        }
        Some(Cand {
            s: p.s,
            e: noun + 1,
            kind: QuantityKind::Count,
            value: p.v,
            to: None,
            unit: Unit::Noun(noun),
            factor: 1.0,
            yearlike: false,
        })
    }

    /// A single quantity at `i`: a number with what it measures, or a prefixed amount.
    fn core(&self, i: usize) -> Step {
        if let Some(c) = self.money_prefix(i) {
            return Step::Hit(c);
        }
        let p = match self.num(i, false) {
            N::Ok(p) => p,
            N::Skip(e) => return Step::Skip(e),
            N::No => return self.lone_coin(i),
        };
        let ident = match p.digit_tok {
            Some(d) => self.identifier_before(d, true),
            None => self.identifier_before(p.s, false),
        };
        if ident == Some(true) {
            return Step::Skip(self.blob_end(p.e - 1).max(p.e));
        }
        // "a 3-year-old"
        if let Some(e) = self.age_after(p.e) {
            return Step::Skip(e);
        }
        if p.digit_tok.is_some() {
            if self.is_p(p.e, '(') && self.glued(p.e) {
                // "401(k)"
                return Step::Skip(self.blob_end(p.e));
            }
            if let Some(e) = self.time_or_date_after(p.e) {
                return Step::Skip(e);
            }
            // "9-to-5"
            if self.is_p(p.e, '-')
                && self.glued(p.e)
                && self.word_is(p.e + 1, "to")
                && self.is_p(p.e + 2, '-')
            {
                return Step::Skip(self.blob_end(p.e));
            }
        }
        if p.weak {
            return Step::Hit(self.number(&p));
        }
        let mut best: Option<Cand> = None;
        for c in [
            self.percent(&p),
            self.money_suffix(&p),
            self.duration(&p),
            self.score(&p),
            self.count(&p),
        ]
        .into_iter()
        .flatten()
        {
            if best.is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        let c = match best {
            Some(c) => c,
            None if p.art => return Step::Miss,
            None => self.number(&p),
        };
        if ident.is_some()
            && matches!(
                c.kind,
                QuantityKind::Number | QuantityKind::Count | QuantityKind::Score
            )
        {
            return Step::Skip(c.e);
        }
        // Letters or digits glued to the end: "5G", "3rd", "10am", "1990s"; a compound
        // adjective that is no unit: "one-time", "10-mile".
        if self.glued(c.e) && (self.is_word(c.e) || self.is_num_tok(c.e))
            || self.is_p(c.e, '-')
                && self.glued(c.e)
                && self.glued(c.e + 1)
                && self.is_word(c.e + 1)
        {
            return Step::Skip(self.blob_end(c.e));
        }
        // "25 years old" is an age.
        if c.kind == QuantityKind::Duration && self.word_is(c.e, "old") {
            return Step::Skip(c.e + 1);
        }
        if c.kind == QuantityKind::Number && c.yearlike {
            return Step::Skip(c.e);
        }
        Step::Hit(self.after(c))
    }

    /// "dime", "nickel": a coin word alone is one coin.
    fn lone_coin(&self, i: usize) -> Step {
        if !self.has(i, F_CUR) {
            return Step::Miss;
        }
        match self.currency_at(i, false) {
            Some((e, Cur::Coin(code, w))) if !self.glued(i) => Step::Hit(Cand {
                s: i,
                e,
                kind: QuantityKind::Money,
                value: w,
                to: None,
                unit: Unit::Cur(code),
                factor: w,
                yearlike: false,
            }),
            _ => Step::Miss,
        }
    }

    fn number(&self, p: &NumP) -> Cand {
        Cand {
            s: p.s,
            e: p.e,
            kind: QuantityKind::Number,
            value: p.v,
            to: None,
            unit: Unit::None,
            factor: 1.0,
            yearlike: p.yearlike,
        }
    }

    /// Change nouns and comparatives after a quantity ("a 20% increase", "2 minutes faster").
    fn after(&self, mut c: Cand) -> Cand {
        // "Escalations dropped 30%", "increased sales 20%", "an increase of 20%"
        if c.kind == QuantityKind::Percent && self.change_verb_just_before(c.s) {
            if c.unit == Unit::None {
                c.unit = Unit::Percent;
            }
            c.kind = QuantityKind::Change;
            return c;
        }
        if matches!(
            c.kind,
            QuantityKind::Percent
                | QuantityKind::Duration
                | QuantityKind::Money
                | QuantityKind::Count
        ) && self.has(c.e, F_CHANGE_AFTER)
        {
            let w = self.str(c.e);
            let comparative = w.ends_with("er") && !w.eq_ignore_ascii_case("uplift");
            if !(comparative && c.kind == QuantityKind::Count) {
                if c.kind == QuantityKind::Percent && c.unit == Unit::None {
                    c.unit = Unit::Percent;
                }
                c.kind = QuantityKind::Change;
                c.e += 1;
            }
        }
        c
    }

    /// Two quantities that make one range or change: their kind, unit and values.
    fn unify(&self, a: &Cand, b: &Cand) -> Option<(QuantityKind, Unit, f64, f64)> {
        use QuantityKind as K;
        if a.to.is_some() || b.to.is_some() || a.kind == K::Change || b.kind == K::Change {
            return None;
        }
        match (a.kind, b.kind) {
            (K::Number, K::Number) => Some((K::Number, Unit::None, a.value, b.value)),
            (K::Number, k) => Some((k, b.unit, a.value * b.factor, b.value)),
            (k, K::Number) => Some((k, a.unit, a.value, b.value * a.factor)),
            (ka, kb) if ka == kb => {
                let same = match (a.unit, b.unit) {
                    (Unit::Noun(x), Unit::Noun(y)) => self.str(x).eq_ignore_ascii_case(self.str(y)),
                    (Unit::Time(x), Unit::Time(y)) => {
                        if x == y {
                            true
                        } else if x.exact() && y.exact() {
                            return Some((ka, a.unit, a.value, b.value * y.secs() / x.secs()));
                        } else if !x.exact() && !y.exact() {
                            return Some((ka, a.unit, a.value, b.value * y.months() / x.months()));
                        } else {
                            false
                        }
                    }
                    (x, y) => x == y,
                };
                same.then_some((ka, a.unit, a.value, b.value))
            }
            _ => None,
        }
    }

    /// "10-20 dollars", "5 to 10 minutes", "2 or 3 days" after a quantity.
    fn range_after(&self, a: Cand) -> Cand {
        if a.to.is_some() || matches!(a.kind, QuantityKind::Change) {
            return a;
        }
        let k = a.e;
        let sep = self.is_dash(k)
            || self.word_is(k, "to")
            || self.word_is(k, "or")
            || self.word_is(k, "through")
            || self.word_is(k, "thru");
        if !sep {
            return a;
        }
        let Step::Hit(b) = self.core(k + 1) else {
            return a;
        };
        if b.s != k + 1 {
            return a;
        }
        match self.unify(&a, &b) {
            Some((kind, unit, x, y)) if x < y && !(a.yearlike && b.yearlike) => Cand {
                s: a.s,
                e: b.e,
                kind,
                value: x,
                to: Some(y),
                unit,
                factor: a.factor,
                yearlike: false,
            },
            _ => a,
        }
    }

    /// "between X and Y", "from X to Y".
    fn between_from(&self, i: usize) -> Step {
        let between = self.has(i, F_BETWEEN);
        let Step::Hit(a) = self.core(i + 1) else {
            return Step::Miss;
        };
        if a.s != i + 1 {
            return Step::Miss;
        }
        let k = a.e;
        let sep = if between {
            self.has(k, F_AND)
        } else {
            self.word_is(k, "to")
                || self.is_dash(k)
                || self.word_is(k, "through")
                || self.word_is(k, "until")
        };
        if !sep {
            return Step::Miss;
        }
        let Step::Hit(b) = self.core(k + 1) else {
            return Step::Miss;
        };
        if b.s != k + 1 {
            return Step::Miss;
        }
        if a.yearlike && b.yearlike {
            return Step::Skip(b.e);
        }
        let Some((kind, unit, x, y)) = self.unify(&a, &b) else {
            return Step::Miss;
        };
        let change = !between && (self.change_before(i).is_some() || x > y);
        if change {
            let unit = if unit == Unit::None && kind == QuantityKind::Percent {
                Unit::Percent
            } else {
                unit
            };
            return Step::Hit(Cand {
                s: i,
                e: b.e,
                kind: QuantityKind::Change,
                value: x,
                to: Some(y),
                unit,
                factor: 1.0,
                yearlike: false,
            });
        }
        if x >= y {
            return Step::Miss;
        }
        Step::Hit(Cand {
            s: i,
            e: b.e,
            kind,
            value: x,
            to: Some(y),
            unit,
            factor: a.factor,
            yearlike: false,
        })
    }

    /// An amount of change after "by" or "up"/"down" at `k`, with the direction.
    fn change_amount(&self, s: usize, k: usize, dir: Dir) -> Step {
        // "by half"
        if self.has(k, F_HALF) && !self.has(k + 1, F_ARTICLE) && !self.is_time_word(k + 1) {
            return Step::Hit(Cand {
                s,
                e: k + 1,
                kind: QuantityKind::Change,
                value: 50.0,
                to: None,
                unit: Unit::Percent,
                factor: 1.0,
                yearlike: false,
            });
        }
        // "by a third", "by two thirds"
        let (n, j) = if self.has(k, F_ARTICLE) || self.word_is(k, "one") {
            (1.0, k + 1)
        } else {
            match self.lex(k).and_then(|l| l.num) {
                Some(v) if (2.0..10.0).contains(&v) => (v, k + 1),
                _ => (0.0, k),
            }
        };
        if n > 0.0 && self.has(j, F_FRACTION) {
            let w = self.str(j);
            let frac = FRACTION_WORDS
                .iter()
                .find(|(f, _)| f.eq_ignore_ascii_case(w))
                .map_or(0.0, |f| f.1);
            let unit_after = self.word_is(j + 1, "of") || self.is_time_word(j + 1);
            if !unit_after && n * frac <= 1.0 {
                return Step::Hit(Cand {
                    s,
                    e: j + 1,
                    kind: QuantityKind::Change,
                    value: n * frac * 100.0,
                    to: None,
                    unit: Unit::Percent,
                    factor: 1.0,
                    yearlike: false,
                });
            }
        }
        let Step::Hit(c) = self.mods_inner(k, false) else {
            return Step::Miss;
        };
        if c.s < k || c.s > k + 3 || c.to.is_some() || c.yearlike || c.value < 0.0 {
            return Step::Miss;
        }
        let unit = match (c.kind, c.unit) {
            (QuantityKind::Percent, Unit::None) => Unit::Percent,
            (_, u) => u,
        };
        let mut ch = Cand {
            s,
            e: c.e,
            kind: QuantityKind::Change,
            value: c.value,
            to: None,
            unit,
            factor: c.factor,
            yearlike: false,
        };
        // "up 12 points to 92": the start is worked out.
        if dir != Dir::Neutral && unit != Unit::Percent && self.word_is(c.e, "to") {
            if let Step::Hit(b) = self.core(c.e + 1) {
                if b.s == c.e + 1 {
                    if let Some((_, _, x, y)) = self.unify(&c, &b) {
                        let from = if dir == Dir::Up { y - x } else { y + x };
                        if from >= 0.0 {
                            ch.value = from;
                            ch.to = Some(y);
                            ch.e = b.e;
                        }
                    }
                }
            }
        }
        Step::Hit(ch)
    }

    /// The quantity at `i`; `full`: also ranges, "between", "from ... to", and changes.
    fn inner(&self, i: usize, full: bool) -> Step {
        if !full {
            return self.core(i);
        }
        if let Some(l) = self.lex(i) {
            if l.has(F_BETWEEN) || l.has(F_FROM) {
                let r = self.between_from(i);
                if !matches!(r, Step::Miss) {
                    return r;
                }
            }
            if l.has(F_BY) {
                if let Some(dir) = self.change_before(i) {
                    let r = self.change_amount(i, i + 1, dir);
                    if !matches!(r, Step::Miss) {
                        return r;
                    }
                }
            }
            if let Some(dir @ (Dir::Up | Dir::Down)) = l.change {
                let w = self.str(i);
                if (w.eq_ignore_ascii_case("up") || w.eq_ignore_ascii_case("down"))
                    && i > 0
                    && self.has(i - 1, F_UPDOWN_VERB)
                    && !self.word_is(i + 1, "to")
                {
                    let mut k = i + 1;
                    if self.has(k, F_BY) {
                        k += 1;
                    }
                    let r = self.change_amount(i, k, dir);
                    if !matches!(r, Step::Miss) {
                        return r;
                    }
                }
            }
        }
        match self.core(i) {
            Step::Hit(c) => Step::Hit(self.range_after(c)),
            other => other,
        }
    }

    /// A hedge or bound at `k` ("about", "at least", "for"): its end and whether it only goes
    /// before durations.
    fn modifier(&self, k: usize) -> Option<(usize, bool)> {
        if self.is_p(k, '~') && self.glued(k + 1) {
            return Some((k + 1, false));
        }
        if !self.has(k, F_MOD) {
            return None;
        }
        let mut best: Option<(usize, bool)> = None;
        for &(words, dur) in MODIFIERS {
            if let Some(e) = self.matches_phrase(k, words) {
                if best.is_none_or(|b| e > b.0) {
                    best = Some((e, dur));
                }
            }
        }
        best
    }

    fn mods_inner(&self, i: usize, full: bool) -> Step {
        let mut j = i;
        let mut first_any = None;
        let mut n = 0;
        while let Some((e, dur_only)) = self.modifier(j) {
            if !dur_only && first_any.is_none() {
                first_any = Some(j);
            }
            j = e;
            n += 1;
            if n > 3 {
                break;
            }
        }
        if j == i {
            return self.inner(i, full);
        }
        match self.inner(j, full) {
            Step::Hit(mut c) if c.s == j => {
                c.s = if c.kind == QuantityKind::Duration {
                    i
                } else {
                    first_any.unwrap_or(c.s)
                };
                Step::Hit(c)
            }
            other => other,
        }
    }

    /// A KPI term or score cue at `i` and the bare number it scores ("CSAT 92", "NPS of 45",
    /// "rated 4.8").
    fn kpi_at(&self, i: usize) -> Option<Step> {
        let term_end = self
            .is_kpi_at(i)
            .or_else(|| (self.has(i, F_SCORE_CUE)).then_some(i + 1))?;
        let mut k = term_end;
        let mut links = 0;
        while links < 2 && (self.has(k, F_KPI_LINK) || self.is_p(k, ':') || self.is_p(k, '=')) {
            k += 1;
            links += 1;
        }
        match self.mods_inner(k, true) {
            Step::Hit(mut c) if c.s <= k + 3 => {
                if matches!(c.kind, QuantityKind::Number | QuantityKind::Score)
                    && !c.yearlike
                    && c.s >= k
                {
                    c.kind = QuantityKind::Score;
                    c.s = i;
                }
                Some(Step::Hit(c))
            }
            _ => None,
        }
    }

    /// "40 calls a day", "$15/hr", "20 tickets daily": the rate joins the span.
    fn rate(&self, e: usize) -> usize {
        if self.has(e, F_RATE_ADV) {
            return e + 1;
        }
        let head = self.has(e, F_RATE_HEAD) || self.is_p(e, '/') && self.glued(e);
        if head {
            let k = e + 1;
            if let Some(l) = self.lex(k) {
                if let Some((_, _, strict)) = l.time {
                    if !strict || self.glued(k) {
                        return k + 1;
                    }
                }
                if l.has(F_COUNT_NOUN) {
                    return k + 1;
                }
            }
        }
        e
    }

    fn at(&self, i: usize) -> Step {
        let tok = &self.t[i];
        match tok.t {
            T::Opaque => return Step::Skip(i + 1),
            T::Other => return Step::Miss,
            T::P(c) if !matches!(c, '-' | '−' | '+' | '~' | '.') => return Step::Miss,
            T::Word { lex, shape, .. } => {
                let starts = lex
                    .is_some_and(|l| l.has(F_STARTS) || l.is_num_word() || l.weak.is_some())
                    || shape == Shape::Upper && code_of(self.str(i)).is_some();
                if !starts && self.kpi.is_empty() {
                    return Step::Miss;
                }
                if let Some(r) = self.kpi_at(i) {
                    return self.finish(r);
                }
                if !starts {
                    return Step::Miss;
                }
                if let Some(c) = self.factor_at(i) {
                    return Step::Hit(c);
                }
                // "a $20 gift card", "a US$4.7 billion"
                if lex.is_some_and(|l| l.has(F_ARTICLE)) {
                    if let Some(mut c) = self.money_prefix(i + 1) {
                        c.s = i;
                        return self.finish(Step::Hit(c));
                    }
                }
            }
            _ => {}
        }
        self.finish(self.mods_inner(i, true))
    }

    /// "sales doubled": a change of a known size (but not "doubled down").
    fn factor_at(&self, i: usize) -> Option<Cand> {
        if !self.has(i, F_FACTOR) || self.word_is(i + 1, "down") {
            return None;
        }
        let w = self.str(i);
        let &(_, v) = CHANGE_FACTORS
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(w))?;
        Some(Cand {
            s: i,
            e: i + 1,
            kind: QuantityKind::Change,
            value: v,
            to: None,
            unit: Unit::Percent,
            factor: 1.0,
            yearlike: false,
        })
    }

    fn finish(&self, r: Step) -> Step {
        match r {
            Step::Hit(mut c) => {
                c.e = self.rate(c.e);
                Step::Hit(c)
            }
            other => other,
        }
    }

    fn emit(&self, c: &Cand) -> Option<Quantity> {
        if !c.value.is_finite() || c.to.is_some_and(|t| !t.is_finite()) || c.e <= c.s {
            return None;
        }
        let unit = match c.unit {
            Unit::None => None,
            Unit::Cur(code) => Some(code.to_string()),
            Unit::Time(g) => Some(g.name().to_string()),
            Unit::Noun(k) => Some(self.str(k).to_lowercase()),
            Unit::Scale(s) => Some(format!("{s}")),
            Unit::Percent => Some("percent".to_string()),
            Unit::PctPoint => Some("percentage point".to_string()),
        };
        let seconds = match c.unit {
            Unit::Time(g)
                if g.exact() && matches!(c.kind, QuantityKind::Duration | QuantityKind::Change) =>
            {
                Some(c.value * g.secs())
            }
            _ => None,
        };
        Some(Quantity {
            kind: c.kind,
            span: self.t[c.s].s..self.t[c.e - 1].e,
            value: c.value,
            to: c.to,
            unit,
            seconds,
        })
    }
}

#[cfg(test)]
mod tests {
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
}
