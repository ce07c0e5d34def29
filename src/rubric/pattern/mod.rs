//! Rubric patterns: a regex compiled for the answers it will almost always see.
//!
//! A rubric pattern is a Rust regex, matched case-insensitively with Unicode semantics. Unicode
//! word boundaries (`\b`) are what makes that slow: the regex crate's fast engines (the DFAs)
//! give up on them at the first non-ASCII byte, so an answer with one curly apostrophe was
//! searched by the slow engines, pattern after pattern. And Unicode `\w` and case folding make
//! every pattern large to compile.
//!
//! So each pattern is compiled in two forms:
//!
//! - `fast`: every Unicode class and word boundary narrowed to ASCII where that cannot change a
//!   match on a text whose non-ASCII characters are all punctuation or symbols (curly quotes,
//!   dashes, `€`, emoji): `\b` becomes `(?-u:\b)`, `\w` `[0-9A-Za-z_]`, `\s` the ASCII spaces,
//!   `[Kk\u{212A}]` `[Kk]`. Classes such as `[^.!?]` or `.`, which such characters can match,
//!   are kept whole. On those texts the two forms find exactly the same matches.
//! - `full`: the pattern as written, compiled on first use, for texts with a non-ASCII letter,
//!   digit or space (`café`, `naïve`, a no-break space).
//!
//! [`Pattern::find_iter`] picks the form by looking at the text, so callers see one regex.

mod fast;
mod forms;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use regex_automata::meta::{self, Regex};
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::PoolGuard;
use regex_automata::util::syntax;
use regex_automata::{Input, Match};
use regex_syntax::hir::Hir;

use fast::{CacheFn, Caches, Fast};
pub use forms::ascii_exact;
use forms::{case_closed, lowercase_only, may_be_case_sensitive, narrow, wide_class};

/// The NFA size limit of one pattern (as the rubric compiler always used).
const SIZE_LIMIT: usize = 1 << 22;

/// A compiled rubric pattern. Cloning is cheap (the compiled forms are shared).
#[derive(Clone)]
pub struct Pattern {
    inner: Arc<Inner>,
}

struct Inner {
    source: String,
    fast: Fast,
    /// The fast form runs on the ASCII-lowercased text (it was built without `A-Z`).
    on_lower: bool,
    full: OnceLock<Option<Regex>>,
}

/// The matches of a pattern in one text.
pub struct Matches<'r, 'h> {
    inner: MatchesInner<'r, 'h>,
}

enum MatchesInner<'r, 'h> {
    /// No match.
    None,
    Fast {
        fast: &'r Fast,
        caches: PoolGuard<'r, Caches, CacheFn>,
        it: Searcher<'h>,
        /// The first match, found before the iterator was made.
        first: Option<Match>,
    },
    Full(meta::FindMatches<'r, 'h>),
}

impl Iterator for Matches<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        match &mut self.inner {
            MatchesInner::None => None,
            MatchesInner::Fast {
                fast,
                caches,
                it,
                first,
            } => it
                // Never fails: `Fast::first` built the reverse DFA, if the pattern needs one,
                // and the lazy DFAs never give up.
                .try_advance(|input| match first.take() {
                    Some(m) => Ok(Some(m)),
                    None => fast.search(caches, input),
                })
                .ok()
                .flatten(),
            MatchesInner::Full(m) => m.next(),
        }
    }
}

/// A text to search, with what the fast forms need: its ASCII-lowercased copy (same byte
/// offsets) and whether the fast forms are exact on it ([`ascii_exact`]).
#[derive(Debug, Clone)]
pub struct Haystack<'a> {
    text: &'a str,
    lower: std::borrow::Cow<'a, str>,
    exact: bool,
}

impl<'a> Haystack<'a> {
    /// `lower` must be `text.to_ascii_lowercase()`.
    pub fn new(text: &'a str, lower: &'a str) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        Haystack {
            text,
            lower: std::borrow::Cow::Borrowed(lower),
            exact: ascii_exact(text),
        }
    }

    /// Like [`Haystack::new`], when the check of the text is already done.
    pub fn with_exact(text: &'a str, lower: &'a str, exact: bool) -> Self {
        Haystack {
            text,
            lower: std::borrow::Cow::Borrowed(lower),
            exact,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

impl<'a> From<&'a str> for Haystack<'a> {
    fn from(text: &'a str) -> Self {
        Haystack {
            text,
            lower: std::borrow::Cow::Owned(text.to_ascii_lowercase()),
            exact: ascii_exact(text),
        }
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.inner.source).finish()
    }
}

/// Why a pattern did not compile: the message of the regex parser or compiler.
#[derive(Debug, Clone)]
pub struct PatternError(pub String);

/// Every pattern compiled in this process, by source: the rubrics of a set share most of their
/// patterns (they extend `common.toml`), and a pattern is compiled once.
fn cache() -> &'static Mutex<HashMap<String, Pattern>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Pattern>>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

impl Pattern {
    /// Parses `source` (case-insensitive) and compiles its fast form, or takes it from the
    /// patterns already compiled.
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        if let Some(p) = cache().lock().ok().and_then(|c| c.get(source).cloned()) {
            return Ok(p);
        }
        let p = Pattern::compile(source)?;
        if let Ok(mut c) = cache().lock() {
            c.insert(source.to_string(), p.clone());
        }
        Ok(p)
    }

    /// Forgets every compiled pattern, so that the next rubric load compiles its patterns
    /// again: for benchmarks of a cold load in a process that has loaded rubrics before.
    #[doc(hidden)]
    pub fn clear_cache() {
        if let Ok(mut c) = cache().lock() {
            c.clear();
        }
    }

    /// Compiles the patterns not compiled yet, on two threads when there are enough of them
    /// to be worth it, so that [`Pattern::new`] finds them ready. Errors are left for
    /// [`Pattern::new`] to report.
    pub fn prepare(sources: &[String]) {
        Pattern::prepare_with(sources, || ());
    }

    /// [`Pattern::prepare`], with one more piece of work (`other`, such as building the
    /// lexicons' matcher) done on one of the two threads meanwhile; returns what it returns.
    ///
    /// The two threads take the work from one queue, largest first (`other`, then the
    /// patterns by length): alternating the patterns between two fixed halves and building
    /// the rest afterwards left one thread idle for a fifth of a cold rubric load.
    pub fn prepare_with<T: Send>(sources: &[String], other: impl FnOnce() -> T + Send) -> T {
        let mut todo: Vec<&String> = match cache().lock() {
            Ok(c) => {
                let mut seen = std::collections::HashSet::new();
                sources
                    .iter()
                    .filter(|s| !c.contains_key(s.as_str()) && seen.insert(s.as_str()))
                    .collect()
            }
            Err(_) => return other(),
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
        if todo.len() < 8 || threads < 2 {
            return other();
        }
        // Longest first, so the last jobs are short and the threads end together. A stable
        // sort: equal lengths keep the rubric's order.
        todo.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let other = Mutex::new(Some(other));
        let result = Mutex::new(None);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            if let Some(f) = other.lock().ok().and_then(|mut o| o.take()) {
                let value = f();
                if let Ok(mut r) = result.lock() {
                    *r = Some(value);
                }
            }
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(s) = todo.get(i) else {
                    break;
                };
                if let Ok(p) = Pattern::compile(s) {
                    if let Ok(mut c) = cache().lock() {
                        c.insert(s.to_string(), p);
                    }
                }
            }
        };
        std::thread::scope(|scope| {
            scope.spawn(work);
            work();
        });
        // `other` ran on one of the threads: had it panicked, so would `scope`.
        result
            .into_inner()
            .ok()
            .flatten()
            .expect("the work beside the patterns ran")
    }

    fn compile(source: &str) -> Result<Pattern, PatternError> {
        // Usually the pattern can be read case-sensitively and run on the lowercased text:
        // its letters are literal lowercase ones, which is far cheaper to parse and compile
        // than a class of both cases per letter.
        if !may_be_case_sensitive(source) {
            let hir = parse(source, false)?;
            if lowercase_only(&hir) {
                let fast = Fast::new(narrow(&hir, wide_class(), true))?;
                return Ok(Pattern::from_parts(source, fast, true));
            }
        }
        let hir = parse(source, true)?;
        let on_lower = !may_be_case_sensitive(source) || case_closed(&hir);
        let fast = Fast::new(narrow(&hir, wide_class(), on_lower))?;
        Ok(Pattern::from_parts(source, fast, on_lower))
    }

    fn from_parts(source: &str, fast: Fast, on_lower: bool) -> Pattern {
        Pattern {
            inner: Arc::new(Inner {
                source: source.to_string(),
                fast,
                on_lower,
                full: OnceLock::new(),
            }),
        }
    }

    /// The pattern as compiled (lexicon references expanded).
    pub fn as_str(&self) -> &str {
        &self.inner.source
    }

    /// Every non-overlapping match in the text, leftmost first, as `regex::Regex::find_iter`
    /// finds them (case-insensitively).
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h Haystack<'_>) -> Matches<'r, 'h> {
        let full = |text: &'h str| match self.full() {
            Some(re) => MatchesInner::Full(re.find_iter(text)),
            None => MatchesInner::None,
        };
        let fast = |text: &'h str| {
            let fast = &self.inner.fast;
            let mut caches = fast.caches.get();
            let input = Input::new(text);
            match fast.first(&mut caches, &input) {
                Ok(None) => MatchesInner::None,
                Ok(Some(m)) => MatchesInner::Fast {
                    fast,
                    caches,
                    it: Searcher::new(input),
                    first: Some(m),
                },
                // The reverse DFA failed to build (it never does).
                Err(()) => full(hay.text),
            }
        };
        let inner = match (hay.exact, self.inner.on_lower) {
            (true, true) => fast(&hay.lower),
            (true, false) => fast(hay.text),
            (false, _) => match self.full() {
                Some(re) => MatchesInner::Full(re.find_iter(hay.text)),
                None => fast(hay.text),
            },
        };
        Matches { inner }
    }

    /// The matches in `text` as ranges (for one-off searches; build a [`Haystack`] once to
    /// search one text with many patterns).
    pub fn ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let hay = Haystack::from(text);
        self.find_iter(&hay).map(|m| m.range()).collect()
    }

    /// The pattern with full Unicode semantics, compiled now if it was not yet. If it is too
    /// large to compile (it never is for the shipped rubrics), the fast form is used.
    fn full(&self) -> Option<&Regex> {
        self.inner
            .full
            .get_or_init(|| {
                parse(&self.inner.source, true)
                    .and_then(|hir| build(&hir))
                    .ok()
            })
            .as_ref()
    }
}

fn parse(source: &str, case_insensitive: bool) -> Result<Hir, PatternError> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(source)
        .map_err(|e| PatternError(e.to_string()))
}

fn build(hir: &Hir) -> Result<Regex, PatternError> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .utf8_empty(true)
                // Only where a pattern matches is asked, never its groups.
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit),
        )
        .syntax(syntax::Config::new().case_insensitive(true))
        .build_from_hir(hir)
        .map_err(|e| PatternError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &Pattern, text: &str) -> Vec<String> {
        p.ranges(text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    fn reference(p: &str, text: &str) -> Vec<String> {
        regex::RegexBuilder::new(p)
            .case_insensitive(true)
            .build()
            .unwrap()
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect()
    }

    #[test]
    fn texts_with_only_punctuation_outside_ascii_take_the_fast_form() {
        assert!(ascii_exact("I’d say “yes” — 5 € 🙂"));
        assert!(!ascii_exact("the café"));
        assert!(!ascii_exact("no\u{a0}break"));
        assert!(!ascii_exact("٣ days"));
    }

    #[test]
    fn both_forms_match_as_the_regex_crate_does() {
        let patterns = [
            r"\bi (?:\w+ly )?(?:called|fixed)\b",
            r"\b(?:she|he)\b[^.!?]{0,40}?\b(?:thanked)\b",
            r"\bi[\x27’]ve\b",
            r"^\s*(?:first|then)\b",
            r"\bkept\b|\bseSSion\b",
            r"\d+\s*%",
            r"(?-i:I) (?-i:said)|\bIT\b",
            r"[A-Z]{2,}|[^a-z ]+",
        ];
        let texts = [
            "I quickly called her. Then I fixed it.",
            "She — after all — thanked me. He was “happy” and thanked us.",
            "I’ve done it; I've said so. Ive not.",
            "  First, I listened.\nThen I kept the session short: 40 % faster.",
            "Café owners: I quickly called the café. She, in the café, thanked me.",
            "I\u{a0}called\u{a0}back. İ called. Kept (with a Kelvin sign: \u{212A}ept).",
            "ſession and session; naïve\u{2009}then",
            "I said it; i said IT. i SAID it; CSAT rose.",
        ];
        for p in patterns {
            let pat = Pattern::new(p).unwrap();
            for t in texts {
                assert_eq!(all(&pat, t), reference(p, t), "{p} on {t:?}");
            }
        }
    }

    fn reference_ranges(p: &str, text: &str) -> Vec<std::ops::Range<usize>> {
        regex::RegexBuilder::new(p)
            .case_insensitive(true)
            .build()
            .unwrap()
            .find_iter(text)
            .map(|m| m.range())
            .collect()
    }

    #[test]
    fn the_reverse_dfa_waits_for_a_first_match() {
        // Compiled apart from the process-wide cache, so no other test has searched with it.
        let source = r"\b(?:she|he)\b[^.!?]{0,40}?\bthanked\b";
        let p = Pattern::compile(source).unwrap();
        let none = "I listened, and I fixed it. They were glad.";
        assert!(p.ranges(none).is_empty());
        assert!(
            p.inner.fast.reverse_built().is_none(),
            "no match, no reverse DFA"
        );
        for text in [
            "She — after all — thanked me. He was “happy” and thanked us.",
            "SHE thanked me; then he, twice, thanked the team. she thanked",
        ] {
            assert_eq!(p.ranges(text), reference_ranges(source, text), "{text:?}");
        }
        assert_eq!(p.inner.fast.reverse_built(), Some(true));
        assert!(p.ranges(none).is_empty());
    }

    #[test]
    fn empty_matches_are_where_the_regex_crate_finds_them() {
        let patterns = [
            r"\b",
            r"x*",
            r"(?:)",
            r"^",
            r"$",
            r"(?m)^\s*|then|",
            r"\bi\w*|\b",
            r"^\s*(?:first)?",
        ];
        let texts = [
            "",
            "I’d say “yes” — 5 € 🙂",
            "xx x\nthen first xax",
            "  first, then I x’d",
        ];
        for p in patterns {
            let pat = Pattern::compile(p).unwrap();
            for t in texts {
                assert_eq!(pat.ranges(t), reference_ranges(p, t), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn a_pattern_is_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Pattern>();
        let p = Pattern::compile(r"\bi (?:called|fixed)\b").unwrap();
        let text = "Then I called and I fixed it; I called again.";
        std::thread::scope(|s| {
            let a = s.spawn(|| p.ranges(text));
            assert_eq!(
                p.ranges(text),
                reference_ranges(r"\bi (?:called|fixed)\b", text)
            );
            assert_eq!(a.join().unwrap(), p.ranges(text));
        });
    }

    #[test]
    fn case_sensitive_parts_keep_the_original_text() {
        assert!(Pattern::new(r"\bi (?:had|did)\b").unwrap().inner.on_lower);
        assert!(!Pattern::new(r"(?-i:I) said").unwrap().inner.on_lower);
        assert!(!Pattern::new(r"(?-i)\bx").unwrap().inner.on_lower);
        assert!(Pattern::new(r"(?-i:[a-zA-Z]+)").unwrap().inner.on_lower);
        assert!(!Pattern::new(r"(?s-i:[a-z]+)").unwrap().inner.on_lower);
        assert!(Pattern::new(r"(?-i:\d)").unwrap().inner.on_lower);
    }

    #[test]
    fn prepare_with_compiles_every_pattern_and_returns_the_other_work() {
        // Sources no other test uses, so that all of them are compiled here.
        let sources: Vec<String> = (0..12)
            .map(|i| format!(r"\bprepare{i} (?:alpha|beta{i})\b"))
            .chain([r"\b(?:open".to_string()])
            .collect();
        let got = Pattern::prepare_with(&sources, || 6 * 7);
        assert_eq!(got, 42);
        for s in &sources[..12] {
            assert!(cache().lock().unwrap().contains_key(s.as_str()), "{s}");
        }
        // An invalid pattern is left for `Pattern::new` to report.
        assert!(Pattern::new(&sources[12]).is_err());
        let found = Pattern::new(&sources[3])
            .unwrap()
            .ranges("so prepare3 beta3.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0], 3..17);
    }

    #[test]
    fn syntax_errors_say_what_is_wrong() {
        let e = Pattern::new(r"\b(?:open").unwrap_err();
        assert!(e.0.contains("unclosed group"), "{}", e.0);
    }
}
