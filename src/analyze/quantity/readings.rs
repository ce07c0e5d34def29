//! Readings: a quantity at a token (its core, then ranges, changes, modifiers and rates),
//! and the quantity it becomes.

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

    /// Two quantities that make one range or change: their kind, unit and values.
    pub(super) fn unify(&self, a: &Cand, b: &Cand) -> Option<(QuantityKind, Unit, f64, f64)> {
        use QuantityKind as K;
        if a.to.is_some() || b.to.is_some() || a.kind == K::Change || b.kind == K::Change {
            return None;
        }
        match (a.kind, b.kind) {
            (K::Number, K::Number) => Some((K::Number, Unit::None, a.value, b.value)),
            (K::Number, k) => Some((k, b.unit, a.value * b.factor, b.value)),
            (k, K::Number) => Some((k, a.unit, a.value, b.value * a.factor)),
            (ka, kb) if ka == kb => {
                let same = match (a.unit, b.unit) {
                    (Unit::Noun(x), Unit::Noun(y)) => self.str(x).eq_ignore_ascii_case(self.str(y)),
                    (Unit::Time(x), Unit::Time(y)) => {
                        if x == y {
                            true
                        } else if x.exact() && y.exact() {
                            return Some((ka, a.unit, a.value, b.value * y.secs() / x.secs()));
                        } else if !x.exact() && !y.exact() {
                            return Some((ka, a.unit, a.value, b.value * y.months() / x.months()));
                        } else {
                            false
                        }
                    }
                    (x, y) => x == y,
                };
                same.then_some((ka, a.unit, a.value, b.value))
            }
            _ => None,
        }
    }

    /// "10-20 dollars", "5 to 10 minutes", "2 or 3 days" after a quantity.
    pub(super) fn range_after(&self, a: Cand) -> Cand {
        if a.to.is_some() || matches!(a.kind, QuantityKind::Change) {
            return a;
        }
        let k = a.e;
        let sep = self.is_dash(k)
            || self.word_is(k, "to")
            || self.word_is(k, "or")
            || self.word_is(k, "through")
            || self.word_is(k, "thru");
        if !sep {
            return a;
        }
        let Step::Hit(b) = self.core(k + 1) else {
            return a;
        };
        if b.s != k + 1 {
            return a;
        }
        match self.unify(&a, &b) {
            Some((kind, unit, x, y)) if x < y && !(a.yearlike && b.yearlike) => Cand {
                s: a.s,
                e: b.e,
                kind,
                value: x,
                to: Some(y),
                unit,
                factor: a.factor,
                yearlike: false,
            },
            _ => a,
        }
    }

    /// "between X and Y", "from X to Y".
    pub(super) fn between_from(&self, i: usize) -> Step {
        let between = self.has(i, F_BETWEEN);
        let Step::Hit(a) = self.core(i + 1) else {
            return Step::Miss;
        };
        if a.s != i + 1 {
            return Step::Miss;
        }
        let k = a.e;
        let sep = if between {
            self.has(k, F_AND)
        } else {
            self.word_is(k, "to")
                || self.is_dash(k)
                || self.word_is(k, "through")
                || self.word_is(k, "until")
        };
        if !sep {
            return Step::Miss;
        }
        let Step::Hit(b) = self.core(k + 1) else {
            return Step::Miss;
        };
        if b.s != k + 1 {
            return Step::Miss;
        }
        if a.yearlike && b.yearlike {
            return Step::Skip(b.e);
        }
        let Some((kind, unit, x, y)) = self.unify(&a, &b) else {
            return Step::Miss;
        };
        let change = !between && (self.change_before(i).is_some() || x > y);
        if change {
            let unit = if unit == Unit::None && kind == QuantityKind::Percent {
                Unit::Percent
            } else {
                unit
            };
            return Step::Hit(Cand {
                s: i,
                e: b.e,
                kind: QuantityKind::Change,
                value: x,
                to: Some(y),
                unit,
                factor: 1.0,
                yearlike: false,
            });
        }
        if x >= y {
            return Step::Miss;
        }
        Step::Hit(Cand {
            s: i,
            e: b.e,
            kind,
            value: x,
            to: Some(y),
            unit,
            factor: a.factor,
            yearlike: false,
        })
    }

    /// An amount of change after "by" or "up"/"down" at `k`, with the direction.
    pub(super) fn change_amount(&self, s: usize, k: usize, dir: Dir) -> Step {
        // "by half"
        if self.has(k, F_HALF) && !self.has(k + 1, F_ARTICLE) && !self.is_time_word(k + 1) {
            return Step::Hit(Cand {
                s,
                e: k + 1,
                kind: QuantityKind::Change,
                value: 50.0,
                to: None,
                unit: Unit::Percent,
                factor: 1.0,
                yearlike: false,
            });
        }
        // "by a third", "by two thirds"
        let (n, j) = if self.has(k, F_ARTICLE) || self.word_is(k, "one") {
            (1.0, k + 1)
        } else {
            match self.lex(k).and_then(|l| l.num) {
                Some(v) if (2.0..10.0).contains(&v) => (v, k + 1),
                _ => (0.0, k),
            }
        };
        if n > 0.0 && self.has(j, F_FRACTION) {
            let w = self.str(j);
            let frac = FRACTION_WORDS
                .iter()
                .find(|(f, _)| f.eq_ignore_ascii_case(w))
                .map_or(0.0, |f| f.1);
            let unit_after = self.word_is(j + 1, "of") || self.is_time_word(j + 1);
            if !unit_after && n * frac <= 1.0 {
                return Step::Hit(Cand {
                    s,
                    e: j + 1,
                    kind: QuantityKind::Change,
                    value: n * frac * 100.0,
                    to: None,
                    unit: Unit::Percent,
                    factor: 1.0,
                    yearlike: false,
                });
            }
        }
        let Step::Hit(c) = self.mods_inner(k, false) else {
            return Step::Miss;
        };
        if c.s < k || c.s > k + 3 || c.to.is_some() || c.yearlike || c.value < 0.0 {
            return Step::Miss;
        }
        let unit = match (c.kind, c.unit) {
            (QuantityKind::Percent, Unit::None) => Unit::Percent,
            (_, u) => u,
        };
        let mut ch = Cand {
            s,
            e: c.e,
            kind: QuantityKind::Change,
            value: c.value,
            to: None,
            unit,
            factor: c.factor,
            yearlike: false,
        };
        // "up 12 points to 92": the start is worked out.
        if dir != Dir::Neutral && unit != Unit::Percent && self.word_is(c.e, "to") {
            if let Step::Hit(b) = self.core(c.e + 1) {
                if b.s == c.e + 1 {
                    if let Some((_, _, x, y)) = self.unify(&c, &b) {
                        let from = if dir == Dir::Up { y - x } else { y + x };
                        if from >= 0.0 {
                            ch.value = from;
                            ch.to = Some(y);
                            ch.e = b.e;
                        }
                    }
                }
            }
        }
        Step::Hit(ch)
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
                    let r = self.change_amount(i, i + 1, dir);
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
        while links < 2 && (self.has(k, F_KPI_LINK) || self.is_p(k, ':') || self.is_p(k, '=')) {
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

    /// "sales doubled": a change of a known size (but not "doubled down").
    pub(super) fn factor_at(&self, i: usize) -> Option<Cand> {
        if !self.has(i, F_FACTOR) || self.word_is(i + 1, "down") {
            return None;
        }
        let w = self.str(i);
        let &(_, v) = CHANGE_FACTORS
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(w))?;
        Some(Cand {
            s: i,
            e: i + 1,
            kind: QuantityKind::Change,
            value: v,
            to: None,
            unit: Unit::Percent,
            factor: 1.0,
            yearlike: false,
        })
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
