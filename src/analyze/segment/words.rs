//! Word lists: language machinery (abbreviations, sentence starters, list bullets), not
//! coaching rules. Lowercase, sorted by bytes, deduplicated (a test checks): lookups
//! binary-search.

// ---------------------------------------------------------------------------------------------
// Word lists. Lowercase, sorted by bytes, deduplicated (a test checks): lookups binary-search.

/// Abbreviations that (practically) never end a sentence: titles before a name, and words that
/// introduce what follows ("e.g.", "vs.", "approx.").
pub(super) const NEVER_FINAL: &[&str] = &[
    "adm", "approx", "atty", "capt", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g", "eg", "esp",
    "fr", "gen", "gov", "hon", "i.e", "ie", "incl", "insp", "lt", "maj", "messrs", "mlle", "mme",
    "mr", "mrs", "ms", "msgr", "mt", "mx", "pres", "prof", "rev", "sen", "sgt", "st", "supt",
    "viz", "vs", "w.r.t", "wrt",
];

/// Abbreviations that never end a sentence when a number follows ("No. 5", "p. 55").
pub(super) const NUMBER_PREFIX: &[&str] = &[
    "apt", "art", "bldg", "ca", "ch", "chap", "est", "ex", "ext", "fig", "figs", "no", "nos", "nr",
    "num", "n°", "nº", "p", "para", "pg", "pp", "pt", "ref", "rm", "sec", "sect", "ste", "tel",
    "vol", "vols",
];

/// Other abbreviations: they end a sentence before a capitalised word ("Acme Inc. It was...")
/// and not before a lowercase one ("Acme Inc. in Ohio").
pub(super) const ABBR: &[&str] = &[
    "abt", "acct", "addr", "al", "assn", "assoc", "asst", "attn", "ave", "avg", "blvd", "bros",
    "cert", "co", "corp", "cust", "dept", "dist", "div", "ea", "esq", "etc", "exec", "govt", "hq",
    "hr", "hrs", "hwy", "inc", "intl", "jr", "kg", "km", "lb", "lbs", "llc", "ln", "ltd", "max",
    "mfg", "mgmt", "mgr", "min", "mins", "misc", "mo", "mos", "msg", "natl", "oz", "pkg", "plc",
    "pty", "qty", "rd", "sq", "sr", "svc", "tbsp", "tsp", "univ", "wk", "wks", "yr", "yrs",
];

/// Words that commonly start a sentence. After an ambiguous period (an initial, "U.S.") a new
/// sentence starts only when one of these follows: "the U.S. How about you?" splits, "the
/// U.S. Government" does not.
#[rustfmt::skip]
pub(super) const STARTERS: &[&str] = &[
    "a", "after", "afterwards", "all", "also", "although", "an", "and", "another", "any", "are",
    "as", "at", "because", "before", "being", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "eventually", "every", "finally", "first", "for", "fortunately",
    "from", "he", "her", "here", "his", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "if",
    "in", "initially", "instead", "is", "it", "it's", "its", "just", "last", "later", "let",
    "luckily", "many", "meanwhile", "millions", "more", "most", "my", "next", "no", "not", "now",
    "on", "once", "one", "our", "overall", "please", "second", "she", "since", "so", "some",
    "soon", "still", "that", "the", "their", "then", "there", "these", "they", "third", "this",
    "those", "thus", "to", "today", "ultimately", "unfortunately", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "why", "will", "with", "within", "would", "yes",
    "yesterday", "you", "your",
];

/// Lowercase words that start a new sentence after a plain word and a period, for answers
/// typed without capitals ("it worked. then i called her", "his bill. and um i listened").
/// Prepositions stay out on purpose: "Yahoo! in the accounting department" is one sentence.
pub(super) const LOWER_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "anyway",
    "as",
    "basically",
    "because",
    "before",
    "but",
    "customers",
    "eventually",
    "everyone",
    "finally",
    "he",
    "he'd",
    "her",
    "his",
    "honestly",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "im",
    "it",
    "it's",
    "ive",
    "later",
    "luckily",
    "my",
    "next",
    "no",
    "nobody",
    "now",
    "ok",
    "okay",
    "once",
    "one",
    "our",
    "overall",
    "plus",
    "she",
    "she'd",
    "since",
    "so",
    "that",
    "the",
    "their",
    "then",
    "there",
    "there's",
    "they",
    "they're",
    "this",
    "uh",
    "um",
    "unfortunately",
    "we",
    "we'd",
    "we're",
    "well",
    "what",
    "when",
    "which",
    "while",
    "yes",
    "you",
];

/// Words a sentence does not end on: a line ending with one continues on the next line even
/// when that line starts with a capital ("I talked to the\nManager on duty"). Verbs are left
/// out, and so are words that often end a phrase ("what I did", "I logged in", "I thanked her").
pub(super) const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "because", "but", "by", "for", "from", "his", "if", "into",
    "its", "my", "nor", "of", "onto", "or", "our", "than", "the", "their", "to", "upon", "very",
    "which", "while", "whose", "with", "your",
];

/// Words that continue a time after "a.m."/"p.m.": "at 9 a.m. EST", "6 p.m. Friday".
#[rustfmt::skip]
pub(super) const TIME_FOLLOWERS: &[&str] = &[
    "apr", "april", "aug", "august", "cdt", "cet", "cst", "ct", "dec", "december", "edt", "est",
    "et", "feb", "february", "fri", "friday", "gmt", "ist", "jan", "january", "jul", "july",
    "jun", "june", "mar", "march", "may", "mdt", "mon", "monday", "mst", "mt", "nov", "november",
    "oct", "october", "pdt", "pst", "pt", "sat", "saturday", "sep", "sept", "september", "sun",
    "sunday", "thu", "thurs", "thursday", "tue", "tues", "tuesday", "utc", "wed", "wednesday",
];

/// Prepositions that open a time phrase: "At 5 a.m. Mr. Smith left" is one sentence, because
/// "At 5 a.m." cannot be one.
#[rustfmt::skip]
pub(super) const TIME_PREPS: &[&str] = &[
    "about", "after", "approximately", "around", "at", "before", "between", "by", "from", "since",
    "starting", "till", "until",
];

/// Domain endings: "Acme.Com" is a web address, not "Acme." + "Com".
pub(super) const TLDS: &[&str] = &[
    "ai", "app", "au", "biz", "ca", "cn", "co", "com", "de", "dev", "edu", "eu", "fr", "gov",
    "info", "io", "jp", "me", "mil", "net", "nl", "org", "ru", "uk", "us",
];

/// Bullets that mark a list item even in the middle of a line.
pub(super) const INLINE_BULLETS: &[char] = &['•', '‣', '⁃', '◦', '▪'];

/// Bullets that mark a list item at the start of a line.
pub(super) const LINE_BULLETS: &[char] = &[
    '•', '‣', '⁃', '◦', '▪', '●', '○', '■', '□', '►', '▸', '➢', '➤', '✓', '✔', '☐', '☑', '→',
];

/// Longest stretch any look-around walks, in bytes: keeps the whole pass linear.
pub(super) const LOOK: usize = 64;
