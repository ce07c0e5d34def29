//! Which of a question's areas an answer covers, by meaning rather than by string.
//!
//! An area's keywords and the answer are compared word by word, each sentence on its own, after
//! both are normalized the same way, with word lists from the rubric (`rubrics/common.toml`):
//!
//! - the other person is one slot (`coverage_slot`): "let them finish" matches "let him
//!   finish" and "let the caller finish";
//! - British and American spellings are one word (`coverage_spelling`): "practise" matches
//!   `practic*`, "apologised" matches "apologized";
//! - inflections are one word: "finished", "finishing" and "finishes" match "finish"; irregular
//!   forms come from `coverage_forms` ("took" matches "take"), and `coverage_keep` lists words
//!   that only look inflected ("evening" is not "even" + "-ing");
//! - a one-word keyword that belongs to a synonym set (`synonyms_NAME`) brings the whole set:
//!   "shouted" shows the caller was angry where the area lists "angry".
//!
//! An area can also be shown by what the analyzer knows about the answer: with `steps =
//! ["calming"]` in the bank, a word of `concept_calming` (or `synonyms_calming`) in a step the
//! candidate tells ("I let her finish", "we apologized") covers it.
//!
//! And an area that names its STAR part (`part = "result"` for "Say how the call ended") is
//! covered by a sentence read as that part on its own cues (`Labelled::backed`): "She thanked
//! me and kept her plan" ends the call without any of the area's words.
//!
//! When the evidence is weak (a concept word outside the candidate's own steps, or two words of
//! the area's own line in one sentence), the area is not covered but `weak`: the coach asks
//! ("Did you say what set the caller off?") rather than asserting that it is missing. Evidence
//! is found sentence by sentence, so adding a sentence to an answer never takes any away.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

use unicode_segmentation::UnicodeSegmentation;

use super::features::SentenceFeatures;
use super::{AreaCoverage, Document};
use crate::bank::Area;
use crate::rubric::{Rubric, Subject};

/// The lexicons that steer the normalization, by name.
const SLOT: &str = "coverage_slot";
const SPELLING: &str = "coverage_spelling";
const FORMS: &str = "coverage_forms";
const KEEP: &str = "coverage_keep";
const SYNONYMS: &str = "synonyms_";
const CONCEPT: &str = "concept_";
/// Words that never carry an area's meaning on their own.
const STOPWORDS: [&str; 2] = ["stopwords", "generic_nouns"];

/// One normalized word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Tok {
    /// The other person: "him", "her", "the caller".
    Slot,
    /// A word: its spelling-normalized form and its stem (shared with the per-thread memo, so
    /// that a word of an answer costs no allocation once it was seen).
    Word { full: Rc<str>, stem: Rc<str> },
}

/// One word of a keyword.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Slot,
    /// Matches a word with the same stem.
    Stem(String),
    /// Matches a word starting with this (a keyword's trailing `*`).
    Prefix(String),
}

/// The normalization tables, from the rubric's lexicons.
#[derive(Debug, Default)]
struct Lexis {
    /// The slot phrases, as words, longest first, and the words they start with.
    slot: Vec<Vec<String>>,
    slot_starts: HashSet<String>,
    spell_word: HashMap<String, String>,
    spell_prefix: HashMap<String, String>,
    /// The lengths of the `spell_prefix` keys, longest first.
    prefix_lens: Vec<usize>,
    forms: HashMap<String, String>,
    keep: HashSet<String>,
    /// Each synonym set: its name (after `synonyms_`) and its terms as keywords.
    synonyms: Vec<(String, Vec<Vec<Key>>)>,
    /// Concepts only `steps` use (after `concept_`).
    concepts: Vec<(String, Vec<Vec<Key>>)>,
    /// Stems of words that say nothing on their own.
    stop: HashSet<String>,
}

/// The compiled areas of one question.
#[derive(Debug)]
struct Compiled {
    lexis: Arc<Lexis>,
    areas: Vec<CompiledArea>,
}

#[derive(Debug)]
struct CompiledArea {
    /// The keywords, with those brought by synonym sets.
    keywords: Vec<Vec<Key>>,
    /// Terms that cover the area inside one of the candidate's steps.
    steps: Vec<Vec<Key>>,
    /// Stems of the content words of the area's line.
    line: Vec<String>,
}

/// Which of `areas` the answer touches: strongly (a keyword, a concept in one of the
/// candidate's steps) or weakly.
pub(super) fn area_coverage(
    doc: &Document<'_>,
    rubric: &Rubric,
    feats: &[SentenceFeatures],
    areas: &[Area],
) -> Vec<AreaCoverage> {
    if areas.is_empty() {
        return Vec::new();
    }
    let compiled = compiled(rubric, areas);
    let sentences: Vec<Vec<(Tok, Range<usize>)>> = (0..doc.sentences.len())
        .map(|si| sentence_tokens(doc, &compiled.lexis, si))
        .collect();
    // Each sentence's stems and words, sorted: a keyword is only tried where its first word is.
    let sorted = |pick: fn(&Tok) -> Option<&str>| -> Vec<Vec<&str>> {
        sentences
            .iter()
            .map(|toks| {
                let mut v: Vec<&str> = toks.iter().filter_map(|(t, _)| pick(t)).collect();
                v.sort_unstable();
                v
            })
            .collect()
    };
    let stems = sorted(|t| match t {
        Tok::Word { stem, .. } => Some(&**stem),
        Tok::Slot => None,
    });
    let fulls = sorted(|t| match t {
        Tok::Word { full, .. } => Some(&**full),
        Tok::Slot => None,
    });
    let find = |si: usize, key: &[Key]| -> Option<Range<usize>> {
        let toks = &sentences[si];
        let possible = match key.first()? {
            Key::Stem(s) => stems[si].binary_search(&s.as_str()).is_ok(),
            Key::Prefix(p) => {
                let at = fulls[si].partition_point(|f| *f < p.as_str());
                fulls[si].get(at).is_some_and(|f| f.starts_with(p.as_str()))
            }
            Key::Slot => toks.iter().any(|(t, _)| *t == Tok::Slot),
        };
        if possible { find(toks, key) } else { None }
    };
    areas
        .iter()
        .zip(&compiled.areas)
        .map(|(a, c)| {
            let mut evidence = None;
            let mut weak = false;
            for (si, toks) in sentences.iter().enumerate() {
                // The earliest keyword in the sentence is the evidence quoted.
                if let Some(span) = c
                    .keywords
                    .iter()
                    .filter_map(|k| find(si, k))
                    .min_by_key(|s| (s.start, std::cmp::Reverse(s.end)))
                {
                    evidence = Some(span);
                    break;
                }
                for k in &c.steps {
                    if let Some(span) = find(si, k) {
                        if own_step(doc, feats.get(si), &span) {
                            evidence = evidence.or(Some(span));
                        } else {
                            weak = true;
                        }
                    }
                }
                if evidence.is_some() {
                    break;
                }
                weak = weak || line_words(toks, &c.line) >= 2;
            }
            AreaCoverage {
                text: a.text.clone(),
                covered: evidence.is_some(),
                weak: evidence.is_none() && weak,
                evidence,
                by_part: None,
            }
        })
        .collect()
}

/// Whether `span` lies in a clause whose subject is "I" or "we".
fn own_step(doc: &Document<'_>, sf: Option<&SentenceFeatures>, span: &Range<usize>) -> bool {
    let Some(sf) = sf else {
        return false;
    };
    let end = doc.sentences[doc.sentence_of(span.start)].span.end;
    sf.clauses.iter().enumerate().any(|(i, c)| {
        let until = sf.clauses.get(i + 1).map_or(end, |next| next.span.start);
        matches!(c.subject, Subject::I | Subject::We)
            && c.span.start <= span.start
            && span.end <= until
    })
}

/// How many distinct content words of the area's line the sentence has.
fn line_words(toks: &[(Tok, Range<usize>)], line: &[String]) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for (t, _) in toks {
        if let Tok::Word { stem, .. } = t {
            if line.iter().any(|l| **l == **stem) && !seen.contains(&&**stem) {
                seen.push(stem);
            }
        }
    }
    seen.len()
}

/// The first match of keyword `key` in a sentence's tokens. A keyword of three words or more
/// may have one extra word inside it ("took a deep breath" for "took a breath").
fn find(toks: &[(Tok, Range<usize>)], key: &[Key]) -> Option<Range<usize>> {
    let (first, rest) = key.split_first()?;
    let gaps = usize::from(key.len() >= 3);
    for start in 0..toks.len() {
        if !matches(&toks[start].0, first) {
            continue;
        }
        let (mut at, mut gaps_left) = (start, gaps);
        let mut ok = true;
        for k in rest {
            if toks.get(at + 1).is_some_and(|(t, _)| matches(t, k)) {
                at += 1;
            } else if gaps_left > 0 && toks.get(at + 2).is_some_and(|(t, _)| matches(t, k)) {
                at += 2;
                gaps_left -= 1;
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            return Some(toks[start].1.start..toks[at].1.end);
        }
    }
    None
}

fn matches(t: &Tok, k: &Key) -> bool {
    match (t, k) {
        (Tok::Slot, Key::Slot) => true,
        (Tok::Word { stem, .. }, Key::Stem(s)) => **stem == **s,
        (Tok::Word { full, .. }, Key::Prefix(p)) => full.starts_with(p.as_str()),
        _ => false,
    }
}

/// A sentence's words, normalized, each with its span (a slot phrase is one token).
fn sentence_tokens(doc: &Document<'_>, lexis: &Lexis, si: usize) -> Vec<(Tok, Range<usize>)> {
    let spans = &doc.words[doc.sentences[si].words.clone()];
    let words: Vec<Cow<'_, str>> = spans
        .iter()
        .map(|w| lowered(&doc.text[w.clone()]))
        .collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(n) = lexis.slot_at(&words[i..]) {
            out.push((Tok::Slot, spans[i].start..spans[i + n - 1].end));
            i += n;
            continue;
        }
        out.push((lexis.word_memo(&words[i]), spans[i].clone()));
        i += 1;
    }
    out
}

/// [`lower`], borrowing a word that is already lowercase ASCII without an apostrophe (most
/// words of an answer): no allocation for it.
fn lowered(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(lower(word))
    }
}

/// Lowercase, straight apostrophes, no possessive "'s".
fn lower(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.contains('\u{2019}') {
        w = w.replace('\u{2019}', "'");
    }
    match w.strip_suffix("'s") {
        Some(base) if !base.is_empty() => base.to_string(),
        _ => w,
    }
}

impl Lexis {
    fn new(rubric: &Rubric) -> Lexis {
        let terms = |name: &str| -> &[String] {
            rubric
                .lexicon(name)
                .map_or(&[][..], |id| &rubric.lexicon_terms[id])
        };
        let mut lexis = Lexis::default();
        for t in terms(SPELLING) {
            let Some((from, to)) = t.split_once(' ') else {
                continue;
            };
            match to.strip_suffix('*') {
                Some(to) => lexis.spell_prefix.insert(from.into(), to.into()),
                None => lexis.spell_word.insert(from.into(), to.into()),
            };
        }
        lexis.prefix_lens = lexis.spell_prefix.keys().map(String::len).collect();
        lexis.prefix_lens.sort_unstable_by(|a, b| b.cmp(a));
        lexis.prefix_lens.dedup();
        for t in terms(FORMS) {
            if let Some((form, base)) = t.split_once(' ') {
                lexis.forms.insert(form.into(), base.into());
            }
        }
        lexis.keep = terms(KEEP).iter().cloned().collect();
        lexis.slot = terms(SLOT)
            .iter()
            .map(|t| t.unicode_words().map(lower).collect::<Vec<_>>())
            .filter(|w: &Vec<String>| !w.is_empty())
            .collect();
        lexis.slot.sort_by_key(|w| std::cmp::Reverse(w.len()));
        lexis.slot_starts = lexis.slot.iter().map(|w| w[0].clone()).collect();
        for name in STOPWORDS {
            for t in terms(name) {
                if let Tok::Word { stem, .. } = lexis.word(t) {
                    lexis.stop.insert(stem.to_string());
                }
            }
        }
        for (name, list) in rubric.lexicon_names.iter().zip(&rubric.lexicon_terms) {
            let keys = || list.iter().filter_map(|t| lexis.key(t)).collect();
            if let Some(set) = name.strip_prefix(SYNONYMS) {
                let keys = keys();
                lexis.synonyms.push((set.to_string(), keys));
            } else if let Some(concept) = name.strip_prefix(CONCEPT) {
                let keys = keys();
                lexis.concepts.push((concept.to_string(), keys));
            }
        }
        lexis
    }

    /// How many words from the start of `words` make a slot phrase (0: none).
    fn slot_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        if !words
            .first()
            .is_some_and(|w| self.slot_starts.contains(w.as_ref()))
        {
            return None;
        }
        self.slot
            .iter()
            .find(|s| {
                words.len() >= s.len() && words.iter().zip(s.iter()).all(|(w, s)| w.as_ref() == s)
            })
            .map(Vec::len)
    }

    /// The spelling-normalized form of a lowercase word.
    fn spelled(&self, w: &str) -> String {
        if let Some(to) = self.spell_word.get(w) {
            return to.clone();
        }
        for &end in &self.prefix_lens {
            if end > w.len() || !w.is_char_boundary(end) {
                continue;
            }
            if let Some(to) = self.spell_prefix.get(&w[..end]) {
                return format!("{to}{}", &w[end..]);
            }
        }
        w.to_string()
    }

    /// `word`, remembered per thread: answers share most of their words, and normalizing one
    /// costs a dozen lookups.
    fn word_memo(&self, lower: &str) -> Tok {
        use std::cell::RefCell;
        thread_local! {
            static MEMO: RefCell<(usize, HashMap<String, Tok>)> = RefCell::default();
        }
        let me = self as *const Lexis as usize;
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            // Another word list, or too many words kept: start afresh.
            if m.0 != me || m.1.len() > 50_000 {
                *m = (me, HashMap::new());
            }
            if let Some(t) = m.1.get(lower) {
                return t.clone();
            }
            let t = self.word(lower);
            m.1.insert(lower.to_string(), t.clone());
            t
        })
    }

    fn word(&self, lower: &str) -> Tok {
        let full = self.spelled(lower);
        let stem = match self.forms.get(&full) {
            Some(base) => stem(base),
            None if self.keep.contains(&full) => full.clone(),
            None => stem(&full),
        };
        Tok::Word {
            full: full.into(),
            stem: stem.into(),
        }
    }

    /// A keyword as words to match (`None` for one with no words).
    fn key(&self, keyword: &str) -> Option<Vec<Key>> {
        let (body, prefix) = match keyword.trim().strip_suffix('*') {
            Some(b) => (b, true),
            None => (keyword.trim(), false),
        };
        let words: Vec<String> = body.unicode_words().map(lower).collect();
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let last = i + 1 == words.len();
            match self.slot_at(&words[i..]) {
                Some(n) if !(prefix && i + n == words.len()) => {
                    out.push(Key::Slot);
                    i += n;
                    continue;
                }
                _ => {}
            }
            out.push(match self.word(&words[i]) {
                Tok::Word { full, .. } if last && prefix => Key::Prefix(self.spelled(&full)),
                Tok::Word { stem, .. } => Key::Stem(stem.to_string()),
                Tok::Slot => Key::Slot,
            });
            i += 1;
        }
        (!out.is_empty()).then_some(out)
    }

    /// The synonym sets a one-word keyword belongs to.
    fn sets_of<'a>(&'a self, key: &'a [Key]) -> impl Iterator<Item = &'a [Vec<Key>]> + 'a {
        self.synonyms
            .iter()
            .filter(move |(_, terms)| key.len() == 1 && terms.iter().any(|t| same(t, key)))
            .map(|(_, terms)| terms.as_slice())
    }

    /// The words of a concept `steps` names: `concept_NAME`, else `synonyms_NAME`.
    fn concept(&self, name: &str) -> &[Vec<Key>] {
        self.concepts
            .iter()
            .chain(&self.synonyms)
            .find(|(n, _)| n == name)
            .map_or(&[], |(_, t)| t.as_slice())
    }
}

/// Whether a one-word synonym term and a one-word keyword name the same word.
fn same(term: &[Key], key: &[Key]) -> bool {
    match (term, key) {
        ([a], [b]) if a == b => true,
        ([Key::Prefix(p)], [Key::Stem(s)]) | ([Key::Stem(s)], [Key::Prefix(p)]) => {
            s.starts_with(p.as_str())
        }
        _ => false,
    }
}

/// The compiled areas of one question with one rubric, built once per process (and the word
/// lists once per rubric): a batch grades many answers to the same questions, and compiling
/// costs more than matching.
fn compiled(rubric: &Rubric, areas: &[Area]) -> Arc<Compiled> {
    type Cache<T> = Mutex<HashMap<u64, Arc<T>>>;
    static LEXES: OnceLock<Cache<Lexis>> = OnceLock::new();
    static AREAS: OnceLock<Cache<Compiled>> = OnceLock::new();
    let lists = lexicons_key(rubric);
    let key = areas_key(lists, areas);
    let cache = AREAS.get_or_init(Mutex::default);
    if let Some(c) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return c;
    }
    let lexes = LEXES.get_or_init(Mutex::default);
    let lexis = match lexes.lock().ok().and_then(|c| c.get(&lists).cloned()) {
        Some(l) => l,
        None => {
            let l = Arc::new(Lexis::new(rubric));
            if let Ok(mut c) = lexes.lock() {
                c.insert(lists, l.clone());
            }
            l
        }
    };
    let areas = areas.iter().map(|a| compile_area(&lexis, a)).collect();
    let c = Arc::new(Compiled { lexis, areas });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, c.clone());
    }
    c
}

/// A fingerprint of the word lists the normalization reads: the rubric's lexicons, hashed
/// once per rubric ([`Rubric::lexicons_fingerprint`]) rather than once per answer.
fn lexicons_key(rubric: &Rubric) -> u64 {
    rubric.lexicons_fingerprint()
}

/// A fingerprint of the areas with the word lists they are compiled with.
fn areas_key(lists: u64, areas: &[Area]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    lists.hash(&mut h);
    for a in areas {
        a.text.hash(&mut h);
        a.keywords.hash(&mut h);
        a.steps.hash(&mut h);
    }
    h.finish()
}

fn compile_area(lexis: &Lexis, area: &Area) -> CompiledArea {
    let mut keywords: Vec<Vec<Key>> = Vec::new();
    let push = |k: Vec<Key>, into: &mut Vec<Vec<Key>>| {
        if !into.contains(&k) {
            into.push(k);
        }
    };
    for k in area.keywords.iter().filter_map(|k| lexis.key(k)) {
        for set in lexis.sets_of(&k) {
            for t in set {
                push(t.clone(), &mut keywords);
            }
        }
        push(k, &mut keywords);
    }
    let steps = area
        .steps
        .iter()
        .flat_map(|c| lexis.concept(c).iter().cloned())
        .collect();
    // The line's content words: not the leading verb ("Describe..."), not short or stock words.
    let mut line: Vec<String> = Vec::new();
    for w in area.text.unicode_words().skip(1).map(lower) {
        if w.len() <= 3 || lexis.slot_at(std::slice::from_ref(&w)).is_some() {
            continue;
        }
        if let Tok::Word { stem, .. } = lexis.word(&w) {
            if !lexis.stop.contains(&*stem) && !line.iter().any(|l| **l == *stem) {
                line.push(stem.to_string());
            }
        }
    }
    CompiledArea {
        keywords,
        steps,
        line,
    }
}

mod parts;
mod stem;
pub(super) use parts::credit_parts;
use stem::stem;

#[cfg(test)]
mod tests;
