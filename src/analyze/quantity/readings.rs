//! Readings: a quantity at a token (its core, then ranges and changes from `changes.rs`,
//! modifiers and rates), and the quantity it becomes.

use super::*;

impl Parser<'_> {
    /// A single quantity at `i`: a number with what it measures, or a prefixed amount.
    pub(super) fn core(&self, i: usize) -> Step {
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
    pub(super) fn lone_coin(&self, i: usize) -> Step {
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

    pub(super) fn number(&self, p: &NumP) -> Cand {
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
    pub(super) fn after(&self, mut c: Cand) -> Cand {
        // "a 5 on the survey", "a 9 in my review": the KPI after the number scores it.
        if c.kind == QuantityKind::Number && !c.yearlike {
            if let Some(e) = self.kpi_after(c.e) {
                c.kind = QuantityKind::Score;
                c.e = e;
                return c;
            }
        }
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

    /// The quantity at `i`; `full`: also ranges, "between", "from ... to", and changes.
    pub(super) fn inner(&self, i: usize, full: bool) -> Step {
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
                    // "by about a third": a hedge may stand between "by" and the amount.
                    let k = match self.modifier(i + 1) {
                        Some((e, false)) => e,
                        _ => i + 1,
                    };
                    let r = self.change_amount(i, k, dir);
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
    pub(super) fn modifier(&self, k: usize) -> Option<(usize, bool)> {
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

    pub(super) fn mods_inner(&self, i: usize, full: bool) -> Step {
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
    pub(super) fn kpi_at(&self, i: usize) -> Option<Step> {
        let term_end = self
            .is_kpi_at(i)
            .or_else(|| (self.has(i, F_SCORE_CUE)).then_some(i + 1))?;
        let mut k = term_end;
        let mut links = 0;
        // "went up to 95" (but "went up 12 points" is a change)
        let link = |k: usize| {
            if self.word_is(k, "up") {
                self.word_is(k + 1, "to")
            } else {
                self.has(k, F_KPI_LINK) || self.is_p(k, ':') || self.is_p(k, '=')
            }
        };
        while links < 3 && link(k) {
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

    /// After a bare number: "on"/"in" with a KPI term ("on the survey", "in my CSAT"); the
    /// end of the term.
    fn kpi_after(&self, k: usize) -> Option<usize> {
        if !(self.word_is(k, "on") || self.word_is(k, "in")) {
            return None;
        }
        let mut j = k + 1;
        if KPI_DETERMINERS.iter().any(|d| self.word_is(j, d)) {
            j += 1;
        }
        self.is_kpi_at(j)
    }

    /// "40 calls a day", "$15/hr", "20 tickets daily": the rate joins the span.
    pub(super) fn rate(&self, e: usize) -> usize {
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

    pub(super) fn at(&self, i: usize) -> Step {
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

    pub(super) fn finish(&self, r: Step) -> Step {
        match r {
            Step::Hit(mut c) => {
                c.e = self.rate(c.e);
                Step::Hit(c)
            }
            other => other,
        }
    }

    pub(super) fn emit(&self, c: &Cand) -> Option<Quantity> {
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
