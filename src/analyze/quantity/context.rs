//! Context: what the words around a number say about it.

use super::*;

impl Parser<'_> {
    // ---- context ----

    /// Is the number whose first digit token is `j` a name ("Windows 10", "COVID-19")?
    /// `Some(true)`: always; `Some(false)`: unless a unit follows ("Amazon 3 years" is fine).
    pub(super) fn identifier_before(&self, j: usize, digits: bool) -> Option<bool> {
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
    pub(super) fn time_or_date_after(&self, e: usize) -> Option<usize> {
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
    pub(super) fn change_verb_just_before(&self, s: usize) -> bool {
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
    pub(super) fn age_after(&self, e: usize) -> Option<usize> {
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
    pub(super) fn change_before(&self, i: usize) -> Option<Dir> {
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
}
