//! The checker: Harper's curated lint group for the chosen dialect, over its curated dictionary
//! merged with starcoach's call-center words, plus starcoach's own patterns.
//!
//! Loading builds the lint group (Harper's ~900 rules) and, the first time in a process, Harper's
//! dictionary: about half a second to a second; checking an answer then takes a few
//! milliseconds (see the README's Performance section). Build one and reuse it.

#[cfg(not(feature = "english"))]
use super::{Language, Settings};
#[cfg(not(feature = "english"))]
use crate::error::Error;

/// What `--english` says in a build without the checker.
pub const NOT_BUILT: &str = "this starcoach was built without the English checker (the cargo feature `english`); rebuild it with default features to get written-English notes";

#[cfg(feature = "english")]
mod engine {
    use std::sync::Arc;

    use harper_core::linting::LintGroup;
    use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
    use harper_core::{DialectFlags, DictWordMetadata, Document};

    use super::super::group;
    use super::super::map::{self, Context};
    use super::super::patterns::Patterns;
    use super::super::rules::{self, Rules};
    use super::super::{Dialect, Language, Settings};
    use crate::error::Error;

    /// Harper and the patterns, ready to check answers.
    pub struct Checker {
        linter: LintGroup,
        dictionary: Arc<MergedDictionary>,
        curated: Arc<FstDictionary>,
        rules: Rules,
        patterns: Patterns,
        dialect: Dialect,
    }

    fn harper_dialect(d: Dialect) -> harper_core::Dialect {
        match d {
            Dialect::American => harper_core::Dialect::American,
            Dialect::British => harper_core::Dialect::British,
            Dialect::Australian => harper_core::Dialect::Australian,
            Dialect::Canadian => harper_core::Dialect::Canadian,
            Dialect::Indian => harper_core::Dialect::Indian,
        }
    }

    /// The call-center words as a dictionary: each term as written and in lower case, valid in
    /// every dialect.
    fn our_words(settings: &Settings) -> Result<MutableDictionary, Error> {
        let mut terms = rules::words(rules::WORDS_TXT);
        for path in &settings.words {
            terms.extend(rules::words(&crate::error::read_text(path)?));
        }
        let meta = DictWordMetadata {
            dialects: DialectFlags::all(),
            ..DictWordMetadata::default()
        };
        let mut dict = MutableDictionary::new();
        dict.extend_words(terms.iter().flat_map(|t| {
            let lower = t.to_lowercase();
            let mut v = vec![(t.chars().collect::<Vec<char>>(), meta.clone())];
            if lower != *t {
                v.push((lower.chars().collect(), meta.clone()));
            }
            v
        }));
        Ok(dict)
    }

    impl Checker {
        pub fn load(settings: &Settings) -> Result<Checker, Error> {
            let rules = Rules::embedded()?;
            let patterns = Patterns::compile(&rules, "embedded:rubrics/english/notes.toml")
                .map_err(Error::Invalid)?;
            let curated = FstDictionary::curated();
            let mut merged = MergedDictionary::new();
            merged.add_dictionary(curated.clone());
            merged.add_dictionary(Arc::new(our_words(settings)?));
            let dictionary = Arc::new(merged);
            let linter =
                LintGroup::new_curated(dictionary.clone(), harper_dialect(settings.dialect));
            Ok(Checker {
                linter,
                dictionary,
                curated,
                rules,
                patterns,
                dialect: settings.dialect,
            })
        }

        pub fn check(&mut self, text: &str) -> Language {
            let document = Document::new_plain_english(text, &self.dictionary);
            let lints = self.linter.organized_lints(&document);
            let cx = Context {
                text,
                rules: &self.rules,
                curated: &*self.curated,
                dialect: harper_dialect(self.dialect),
            };
            let mut findings = map::findings(&cx, lints);
            let sentences = crate::analyze::segment::sentences(text);
            findings.extend(self.patterns.find(text, &sentences));
            group::language(text, findings, &self.rules, self.dialect)
        }

        pub fn dialect(&self) -> Dialect {
            self.dialect
        }
    }
}

#[cfg(feature = "english")]
pub use engine::Checker;

/// The checker, in a build without it: it cannot be made.
#[cfg(not(feature = "english"))]
#[derive(Debug)]
pub enum Checker {}

#[cfg(not(feature = "english"))]
impl Checker {
    /// Always an error: the checker is not built in.
    pub fn load(_settings: &Settings) -> Result<Checker, Error> {
        Err(Error::Usage(NOT_BUILT.into()))
    }

    pub fn check(&mut self, _text: &str) -> Language {
        match *self {}
    }

    pub fn dialect(&self) -> super::Dialect {
        match *self {}
    }
}
