//! Units: durations, percentages, scores and counts. (Money is in `money.rs`.)

use super::*;

impl Parser<'_> {
    // ---- units ----

    /// A time unit at `k` for a number; its grain, multiplier and end.
    pub(super) fn time_unit(&self, k: usize) -> Option<(Grain, f64, usize)> {
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

    pub(super) fn duration(&self, p: &NumP) -> Option<Cand> {
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
        // "an HR manager", "a MIN value": a capitalised abbreviation after an article is an
        // acronym, not "an hour".
        let abbrev = self.str(k);
        if p.art && abbrev.len() > 1 && abbrev.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
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

    pub(super) fn percent(&self, p: &NumP) -> Option<Cand> {
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

    pub(super) fn is_kpi_at(&self, k: usize) -> Option<usize> {
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

    pub(super) fn score(&self, p: &NumP) -> Option<Cand> {
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
    pub(super) fn count_noun(&self, k: usize, one: bool) -> bool {
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
    pub(super) fn adjective(&self, k: usize) -> bool {
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

    pub(super) fn count(&self, p: &NumP) -> Option<Cand> {
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
}
