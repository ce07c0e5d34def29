//! Word tables: the language machinery of quantities (number words, units, currencies,
//! modifiers). Lowercase ASCII; lookups lowercase the word first.

use super::*;

// ------------------------------------------------------------------------------------------
// Word tables: the language machinery. Everything is lowercase ASCII; lookups lowercase the
// word first.
// ------------------------------------------------------------------------------------------

/// Cardinal number words and their values.
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[(&str, f64)] = &[
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
pub(super) const WEAK_NUMBER_WORDS: &[(&str, f64)] = &[
    ("naught", 0.0), ("nought", 0.0), ("nil", 0.0), ("single", 1.0), ("few", 3.0),
];

/// Multipliers after a number ("5 thousand", "two dozen", "30 lakh"). `hundred` is handled by
/// the word-number grammar; the plural forms need a number before them ("three billions").
#[rustfmt::skip]
pub(super) const SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0), ("dozens", 12.0), ("thousand", 1e3), ("thousands", 1e3), ("lakh", 1e5),
    ("lakhs", 1e5), ("lac", 1e5), ("lacs", 1e5), ("lkh", 1e5), ("lkhs", 1e5), ("million", 1e6),
    ("millions", 1e6), ("crore", 1e7), ("crores", 1e7), ("cr", 1e7), ("koti", 1e7), ("krore", 1e7),
    ("krores", 1e7), ("kr", 1e7), ("billion", 1e9), ("billions", 1e9), ("trillion", 1e12),
    ("trillions", 1e12),
];

/// Time units: (word, grain, multiplier, strict). A strict unit (a single letter) counts only
/// glued to its number ("2m", "1h30") or at the end of a phrase ("2 m.").
#[rustfmt::skip]
pub(super) const TIME_UNITS: &[(&str, Grain, f64, bool)] = &[
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
pub(super) enum Cur {
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
pub(super) const CURRENCY_SYMBOLS: &[(char, Cur)] = &[
    ('$', Cur::Main("USD")), ('€', Cur::Main("EUR")), ('£', Cur::Main("GBP")),
    ('¥', Cur::Main("JPY")), ('₹', Cur::Main("INR")), ('₩', Cur::Main("KRW")),
    ('฿', Cur::Main("THB")), ('₿', Cur::Main("BTC")), ('₽', Cur::Main("RUB")),
    ('₺', Cur::Main("TRY")), ('₱', Cur::Main("PHP")), ('₦', Cur::Main("NGN")),
    ('₴', Cur::Main("UAH")), ('₪', Cur::Main("ILS")), ('¢', Cur::Sub("USD")),
];

/// ISO 4217 codes recognised before (upper case only) or after (any case) an amount.
#[rustfmt::skip]
pub(super) const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "INR", "CAD", "AUD", "NZD", "CHF", "CNY", "JPY", "KRW", "HKD", "SGD",
    "MYR", "PHP", "THB", "IDR", "VND", "PKR", "BDT", "LKR", "NPR", "AED", "SAR", "QAR", "KWD",
    "BHD", "OMR", "JOD", "EGP", "LBP", "ILS", "TRY", "RUB", "UAH", "PLN", "CZK", "HUF", "RON",
    "BGN", "HRK", "DKK", "NOK", "SEK", "ISK", "MXN", "BRL", "ARS", "CLP", "COP", "PEN", "ZAR",
    "NGN", "KES", "GHS", "MAD", "MNT", "BTC",
];

/// Letters glued before "$" that name the dollar ("US$", "A$", "HK$").
#[rustfmt::skip]
pub(super) const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"), ("a", "AUD"), ("au", "AUD"), ("c", "CAD"), ("ca", "CAD"), ("hk", "HKD"),
    ("nz", "NZD"), ("s", "SGD"), ("sg", "SGD"), ("r", "BRL"), ("mx", "MXN"),
];

/// Currency names, one or more words: (phrase, worth).
#[rustfmt::skip]
pub(super) const CURRENCY_NAMES: &[(&str, Cur)] = &[
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
pub(super) const STRICT_CURRENCY_WORDS: &[&str] = &["le", "c", "p"];
/// First words of currency names that may come before the amount ("Rs. 20", "ringgit 42").
pub(super) const PREFIX_CURRENCY_WORDS: &[&str] =
    &["rs", "rm", "ringgit", "ringgits", "malaysia", "malaysian"];

/// Words that measure what is counted. A plural that is not here still counts when the number
/// is not 1 ("12 escalations"); a singular must be here ("one customer").
#[rustfmt::skip]
pub(super) const COUNT_NOUNS: &[&str] = &[
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
pub(super) const STOPWORDS: &[&str] = &[
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
pub(super) const IDENTIFIER_WORDS: &[(&str, bool)] = &[
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
pub(super) const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Hedges and bounds before a quantity; they join its span. `true`: only before a duration
/// ("for 2 hours", but "for 5 customers" leaves "for" out).
#[rustfmt::skip]
pub(super) const MODIFIERS: &[(&[&str], bool)] = &[
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
pub(super) const CHANGE_WORDS: &[(&str, Dir)] = &[
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
pub(super) const CHANGE_AFTER: &[&str] = &[
    "increase", "increases", "decrease", "decreases", "reduction", "reductions", "improvement",
    "improvements", "drop", "growth", "boost", "rise", "jump", "gain", "gains", "lift", "uplift",
    "decline", "cut", "hike", "raise", "higher", "lower", "faster", "slower", "quicker", "shorter",
    "longer", "better", "cheaper",
];

/// Verbs that are a change of a known size: (word, percent change).
#[rustfmt::skip]
pub(super) const CHANGE_FACTORS: &[(&str, f64)] = &[
    ("doubled", 100.0), ("tripled", 200.0), ("trebled", 200.0), ("quadrupled", 300.0),
    ("halved", 50.0),
];

/// Fractions after "by" ("cut costs by a third"): (word, fraction).
#[rustfmt::skip]
pub(super) const FRACTION_WORDS: &[(&str, f64)] = &[
    ("third", 1.0 / 3.0), ("thirds", 1.0 / 3.0), ("quarter", 0.25), ("quarters", 0.25),
    ("fourth", 0.25), ("fourths", 0.25), ("fifth", 0.2), ("fifths", 0.2), ("tenth", 0.1),
    ("tenths", 0.1),
];

/// Verbs before "up"/"down" that make what follows a change ("went up 12 points").
#[rustfmt::skip]
pub(super) const UP_DOWN_VERBS: &[&str] = &[
    "went", "go", "goes", "going", "gone", "was", "were", "is", "are", "be", "been", "came", "come",
    "comes", "moved", "ticked", "trended", "shot", "inched", "crept", "it's", "its",
];

/// Words after a quantity that make a rate of it ("40 calls a day", "$15 per hour").
pub(super) const RATE_HEADS: &[&str] = &["a", "an", "per", "each", "every"];
#[rustfmt::skip]
pub(super) const RATE_ADVERBS: &[&str] = &[
    "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly", "quarterly",
];

/// Modifiers between a number and its time unit or counted noun ("2 more minutes").
#[rustfmt::skip]
pub(super) const FILLERS: &[&str] = &[
    "more", "additional", "extra", "less", "fewer", "full", "whole", "consecutive", "straight",
    "solid", "other",
];

/// Words before a bare number that make it a score ("rated 4.8", "a score of 92"), besides the
/// caller's KPI terms.
pub(super) const SCORE_CUES: &[&str] = &["rated", "rating", "score", "scored", "scoring"];
/// Words between a KPI term and its number ("CSAT score of 92").
#[rustfmt::skip]
pub(super) const KPI_LINKS: &[&str] = &[
    "score", "scores", "rating", "ratings", "of", "at", "was", "is", "were", "are", "reached",
    "hit", "averaged", "averaging", "stood", "around", "about", "went", "got", "up", "to", "a",
    "an",
];
/// Between "on"/"in" and a KPI term after a bare number ("a 5 on the survey").
pub(super) const KPI_DETERMINERS: &[&str] = &[
    "the", "my", "her", "his", "their", "our", "your", "a", "that", "this", "its",
];

/// After a number: a clock time, not a quantity.
pub(super) const TIME_OF_DAY: &[&str] = &["am", "pm", "o'clock", "oclock", "o’clock"];

/// Word after "a second"/"a grand" that shows they are not adjectives ("a second call").
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "to", "of", "for", "ago", "later", "before", "after", "in", "on", "at", "with",
    "per", "a", "an", "the", "i", "we", "he", "she", "they", "it", "you", "then", "so", "but",
    "from", "into", "that", "this", "each", "every", "more", "less", "back", "now",
];

/// Before "one": a pronoun, not a number ("no one", "the one I took").
#[rustfmt::skip]
pub(super) const ONE_PRONOUN_BEFORE: &[&str] = &[
    "no", "any", "every", "each", "the", "this", "that", "which", "another", "someone", "only",
];
