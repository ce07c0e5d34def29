//! The lexicon: every table word, looked up once per word token.

use super::*;

// ------------------------------------------------------------------------------------------
// Lexicon: every table word, looked up once per word token.
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Grain {
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
    pub(super) fn name(self) -> &'static str {
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
    pub(super) fn secs(self) -> f64 {
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
    pub(super) fn months(self) -> f64 {
        match self {
            Grain::Month => 1.0,
            Grain::Quarter => 3.0,
            Grain::Year => 12.0,
            _ => 0.0,
        }
    }
    pub(super) fn exact(self) -> bool {
        self <= Grain::Week
    }
    pub(super) fn smaller(self) -> Option<Grain> {
        match self {
            Grain::Hour => Some(Grain::Minute),
            Grain::Minute => Some(Grain::Second),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Up,
    Down,
    Neutral,
}

pub(super) const F_ARTICLE: u64 = 1;
pub(super) const F_HALF: u64 = 1 << 1;
pub(super) const F_QUARTER: u64 = 1 << 2;
pub(super) const F_COUPLE: u64 = 1 << 3;
pub(super) const F_POINT: u64 = 1 << 4;
pub(super) const F_AND: u64 = 1 << 5;
pub(super) const F_NEG: u64 = 1 << 6;
pub(super) const F_MOD: u64 = 1 << 7;
pub(super) const F_CHANGE: u64 = 1 << 8;
pub(super) const F_CHANGE_AFTER: u64 = 1 << 9;
pub(super) const F_UPDOWN_VERB: u64 = 1 << 10;
pub(super) const F_STOP: u64 = 1 << 11;
pub(super) const F_COUNT_NOUN: u64 = 1 << 12;
pub(super) const F_IDENT: u64 = 1 << 13;
pub(super) const F_IDENT_CAP: u64 = 1 << 14;
pub(super) const F_MONTH: u64 = 1 << 15;
pub(super) const F_TOD: u64 = 1 << 16;
pub(super) const F_RATE_HEAD: u64 = 1 << 17;
pub(super) const F_RATE_ADV: u64 = 1 << 18;
pub(super) const F_FILLER: u64 = 1 << 19;
pub(super) const F_CUR: u64 = 1 << 20;
pub(super) const F_CODE: u64 = 1 << 21;
pub(super) const F_PERCENT: u64 = 1 << 22;
pub(super) const F_SCORE_CUE: u64 = 1 << 23;
pub(super) const F_KPI_LINK: u64 = 1 << 24;
pub(super) const F_FUNC: u64 = 1 << 25;
pub(super) const F_ONE_BEFORE: u64 = 1 << 26;
pub(super) const F_HUNDRED: u64 = 1 << 27;
pub(super) const F_BETWEEN: u64 = 1 << 28;
pub(super) const F_FROM: u64 = 1 << 29;
pub(super) const F_BY: u64 = 1 << 30;
pub(super) const F_STAR: u64 = 1 << 31;
pub(super) const F_FACTOR: u64 = 1 << 32;
pub(super) const F_FRACTION: u64 = 1 << 33;

/// Flags that make a word worth trying as the start of a quantity.
pub(super) const F_STARTS: u64 = F_ARTICLE
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
pub(super) const F_NOT_ADJ: u64 = F_STOP
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
pub(super) const F_NOT_NOUN: u64 =
    !(F_COUNT_NOUN | F_IDENT | F_IDENT_CAP | F_CHANGE | F_CHANGE_AFTER);

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Lex {
    /// Cardinal value (0..=90).
    pub(super) num: Option<f64>,
    pub(super) weak: Option<f64>,
    pub(super) scale: Option<f64>,
    /// Plural scale word ("thousands"): only after a number.
    pub(super) scale_plural: bool,
    pub(super) time: Option<(Grain, f64, bool)>,
    pub(super) change: Option<Dir>,
    pub(super) flags: u64,
}

impl Lex {
    pub(super) fn has(&self, f: u64) -> bool {
        self.flags & f != 0
    }
    pub(super) fn is_num_word(&self) -> bool {
        self.num.is_some()
    }
}

/// FNV-1a: the lexicon's keys are short words, for which SipHash's start-up cost dominates.
#[derive(Default)]
pub(super) struct Fnv(u64);

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

pub(super) type Lexicon = HashMap<&'static [u8], Lex, std::hash::BuildHasherDefault<Fnv>>;

/// KPI terms (their indexes) by their first word.
pub(super) type KpiIndex = HashMap<String, Vec<usize>, std::hash::BuildHasherDefault<Fnv>>;

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

pub(super) fn build_lexicon() -> Lexicon {
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
pub(super) fn lookup(word: &[u8]) -> Option<&'static Lex> {
    if word.len() > 20 {
        return None;
    }
    let mut buf = [0u8; 20];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    LEXICON.get(&buf[..word.len()])
}

pub(super) fn code_of(word: &str) -> Option<&'static str> {
    CURRENCY_CODES
        .iter()
        .copied()
        .find(|c| c.eq_ignore_ascii_case(word))
}

pub(super) fn symbol_of(c: char) -> Option<Cur> {
    CURRENCY_SYMBOLS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|&(_, cur)| cur)
}
