//! The fast form of a pattern: a forward lazy DFA, and the reverse one (which finds where a
//! match starts) built only when the pattern first matches.
//!
//! On a typical answer most of a rubric's patterns never match (10 of the 43 of one kind's
//! rubric on the benchmarks' typical answer), and for them the forward search alone answers:
//! no match. So a pattern is compiled to its forward DFA, and the reverse NFA and DFA, as large
//! to build, wait for a first forward match. The search is `hybrid::regex::Regex::try_search`
//! with the two DFAs held apart, so that the forward DFA and its cache serve both the first
//! search and the rest.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, Match, MatchError, MatchKind, PatternID};
use regex_syntax::hir::Hir;

use super::{PatternError, SIZE_LIMIT};

/// A search's lazy DFA caches: the reverse one made on the first reverse search.
pub(super) struct Caches {
    forward: Cache,
    reverse: Option<Cache>,
}

pub(super) type CacheFn = Box<dyn Fn() -> Caches + Send + Sync>;

/// A lazy DFA alone, not a `meta::Regex`: it never gives up on these patterns (no Unicode word
/// boundary, no cache limit on retries), so the other engines a `meta::Regex` builds and keeps
/// ready are not needed, and building them was most of the compile time.
pub(super) struct Fast {
    forward: Arc<DFA>,
    /// The pattern's narrowed form, for the reverse DFA.
    hir: Hir,
    /// `None` when it failed to build (it never does: the forward one did, and the reverse
    /// NFA has no size limit).
    reverse: OnceLock<Option<DFA>>,
    pub(super) caches: Pool<Caches, CacheFn>,
}

impl Fast {
    pub(super) fn new(hir: Hir) -> Result<Fast, PatternError> {
        let nfa = build_nfa(&hir, false, Some(SIZE_LIMIT)).map_err(PatternError)?;
        let forward = Arc::new(
            DFA::builder()
                .build_from_nfa(nfa)
                .map_err(|e| PatternError(e.to_string()))?,
        );
        let for_cache = forward.clone();
        let create: CacheFn = Box::new(move || Caches {
            forward: for_cache.create_cache(),
            reverse: None,
        });
        Ok(Fast {
            forward,
            hir,
            reverse: OnceLock::new(),
            caches: Pool::new(create),
        })
    }

    /// Whether the reverse DFA was built (and built well): `None` before a first match.
    #[cfg(test)]
    pub(super) fn reverse_built(&self) -> Option<bool> {
        self.reverse.get().map(Option::is_some)
    }

    /// True when every match starts where the search does (`^...`): no reverse search.
    fn anchored(&self) -> bool {
        self.forward.get_nfa().is_always_start_anchored()
    }

    /// The reverse DFA, built now if it was not yet.
    fn reverse(&self) -> Option<&DFA> {
        self.reverse
            .get_or_init(|| {
                // As `hybrid::regex::Builder` configures it.
                let nfa = build_nfa(&self.hir, true, None).ok()?;
                DFA::builder()
                    .configure(
                        DFA::config()
                            .prefilter(None)
                            .specialize_start_states(false)
                            .match_kind(MatchKind::All),
                    )
                    .build_from_nfa(nfa)
                    .ok()
            })
            .as_ref()
    }

    /// The first match in `input`. `Err` when the pattern matches but its reverse DFA failed
    /// to build; once this returned `Ok`, [`Fast::search`] never fails.
    pub(super) fn first(
        &self,
        caches: &mut Caches,
        input: &Input<'_>,
    ) -> Result<Option<Match>, ()> {
        let Some(end) = self.forward_end(caches, input) else {
            return Ok(None);
        };
        if !self.anchored() && self.reverse().is_none() {
            return Err(());
        }
        self.finish(caches, input, end).map(Some)
    }

    /// The next match in `input`, as `hybrid::regex::Regex::try_search` finds it.
    pub(super) fn search(
        &self,
        caches: &mut Caches,
        input: &Input<'_>,
    ) -> Result<Option<Match>, MatchError> {
        match self.forward_end(caches, input) {
            None => Ok(None),
            Some(end) => self
                .finish(caches, input, end)
                .map(Some)
                .map_err(|()| MatchError::gave_up(end)),
        }
    }

    fn forward_end(&self, caches: &mut Caches, input: &Input<'_>) -> Option<usize> {
        // The lazy DFA never gives up on a fast form: no Unicode word boundary, and no limit
        // on cache clears.
        self.forward
            .try_search_fwd(&mut caches.forward, input)
            .ok()
            .flatten()
            .map(|m| m.offset())
    }

    /// The match that ends at `end`: where it starts, found by the reverse DFA.
    fn finish(&self, caches: &mut Caches, input: &Input<'_>, end: usize) -> Result<Match, ()> {
        let pid = PatternID::ZERO;
        // An empty match where the search starts, or a pattern anchored at the start: the
        // match starts where the search does.
        if input.start() == end || self.anchored() {
            return Ok(Match::new(pid, input.start()..end));
        }
        let reverse = self.reverse.get().and_then(Option::as_ref).ok_or(())?;
        let cache = caches.reverse.get_or_insert_with(|| reverse.create_cache());
        let search = input
            .clone()
            .span(input.start()..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        match reverse.try_search_rev(cache, &search) {
            Ok(Some(start)) => Ok(Match::new(pid, start.offset()..end)),
            _ => Err(()),
        }
    }
}

/// Builds a pattern's forward or reverse NFA with this thread's compiler for that direction.
///
/// A compiler is kept per thread and direction rather than made per pattern: it keeps its
/// scratch maps (the UTF-8 suffix cache alone is 10,000 entries) from one pattern to the next,
/// where a new one allocated and freed them for every pattern (the NFA built is the same).
fn build_nfa(hir: &Hir, reverse: bool, limit: Option<usize>) -> Result<thompson::NFA, String> {
    thread_local! {
        static COMPILERS: [RefCell<thompson::Compiler>; 2] = [
            RefCell::new(thompson::Compiler::new()),
            RefCell::new(thompson::Compiler::new()),
        ];
    }
    COMPILERS.with(|compilers| {
        let mut compiler = compilers[usize::from(reverse)].borrow_mut();
        compiler
            .configure(
                thompson::Config::new()
                    .nfa_size_limit(limit)
                    .reverse(reverse)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_from_hir(hir)
            .map_err(|e| e.to_string())
    })
}
