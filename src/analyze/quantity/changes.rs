//! Ranges and changes: two quantities that make one ("5 to 10 minutes", "between X and Y",
//! "from 8 to 5 minutes"), an amount of change after "by", "up" or "down", and a change of a
//! known size ("sales doubled").

use super::*;

impl Parser<'_> {
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
}
