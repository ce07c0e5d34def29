//! Money: currency names, codes and symbols, amounts written before or after them ("$20",
//! "20 dollars", "a dime"), and the cents that follow a whole amount.

use super::*;

impl Parser<'_> {
    /// A currency name, code or symbol at `k`: its end, worth and whether it is strict.
    pub(super) fn currency_at(&self, k: usize, prefix: bool) -> Option<(usize, Cur)> {
        let tok = self.t.get(k)?;
        match tok.t {
            T::Sym(c) => {
                let mut e = k + 1;
                // "20 €ur"
                if c == Cur::Main("EUR") && self.word_is(e, "ur") && self.glued(e) {
                    e += 1;
                }
                Some((e, c))
            }
            T::Word { lex, shape, ascii } => {
                if !ascii {
                    return None;
                }
                // "42 L.E.", the Egyptian pound
                if !prefix
                    && self.word_is(k, "l")
                    && self.is_p(k + 1, '.')
                    && self.glued(k + 1)
                    && self.word_is(k + 2, "e")
                    && self.glued(k + 2)
                {
                    let e = if self.is_p(k + 3, '.') && self.glued(k + 3) {
                        k + 4
                    } else {
                        k + 3
                    };
                    return Some((e, Cur::Main("EGP")));
                }
                // "US$", "HK$"
                if lex.is_some_and(|l| l.has(F_CODE)) && self.glued(k + 1) {
                    if let Some(T::Sym(Cur::Main("USD"))) = self.t.get(k + 1).map(|t| t.t) {
                        let w = self.str(k);
                        if let Some(&(_, code)) = DOLLAR_PREFIXES
                            .iter()
                            .find(|(p, _)| p.eq_ignore_ascii_case(w))
                        {
                            return Some((k + 2, Cur::Main(code)));
                        }
                    }
                }
                if lex.is_some_and(|l| l.has(F_CUR)) {
                    let mut best: Option<(usize, Cur)> = None;
                    for &(phrase, cur) in CURRENCY_NAMES {
                        let mut j = k;
                        let mut ok = true;
                        for w in phrase.split(' ') {
                            if !self.word_is(j, w) || j > k && self.glued(j) {
                                ok = false;
                                break;
                            }
                            j += 1;
                        }
                        if ok && best.is_none_or(|b| j > b.0) {
                            best = Some((j, cur));
                        }
                    }
                    if let Some((e, cur)) = best {
                        let first = self.str(k);
                        let strict = STRICT_CURRENCY_WORDS
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(first));
                        let pre = PREFIX_CURRENCY_WORDS
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(first));
                        let strict_ok = !strict || tok.glued || self.phrase_end(e) || prefix;
                        let rs_dot = if self.is_p(e, '.')
                            && self.glued(e)
                            && self.str(k).eq_ignore_ascii_case("rs")
                        {
                            e + 1
                        } else {
                            e
                        };
                        if strict_ok && (!prefix || pre) {
                            return Some((if prefix { rs_dot } else { e }, cur));
                        }
                    }
                }
                if prefix && shape != Shape::Upper && !self.str(k).eq_ignore_ascii_case("rm") {
                    return None;
                }
                let code = code_of(self.str(k))?;
                Some((k + 1, Cur::Main(code)))
            }
            _ => None,
        }
    }

    pub(super) fn money_value(v: f64, cur: Cur) -> (f64, &'static str, f64) {
        match cur {
            Cur::Main(c) => (v, c, 1.0),
            Cur::Sub(c) => (v * 0.01, c, 0.01),
            Cur::Coin(c, w) => (v * w, c, w),
            Cur::Grand => (v * 1000.0, "USD", 1000.0),
        }
    }

    pub(super) fn money_suffix(&self, p: &NumP) -> Option<Cand> {
        if p.weak || p.score_den.is_some() {
            return None;
        }
        let mut k = p.e;
        // "a 5-dollar bill"
        if self.is_p(k, '-') && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
            k += 1;
        }
        let (e, cur) = self.currency_at(k, false)?;
        if p.art {
            // "a dollar", "a dime", "a grand" but not "a $", "a EUR", "a grand opening"
            if !matches!(
                self.t[k].t,
                T::Word {
                    shape: Shape::Lower | Shape::Cap,
                    ..
                }
            ) {
                return None;
            }
            if cur == Cur::Grand && self.is_word(e) && !self.has(e, F_FUNC) {
                return None;
            }
        }
        if cur == Cur::Grand && self.glued(k) {
            return None;
        }
        let (mut value, code, factor) = Self::money_value(p.v, cur);
        let mut end = e;
        if matches!(cur, Cur::Main(_)) {
            if let Some((c, ce)) = self.cents(e, p.v) {
                value += c;
                end = ce;
            }
        }
        Some(Cand {
            s: p.s,
            e: end,
            kind: QuantityKind::Money,
            value,
            to: None,
            unit: Unit::Cur(code),
            factor,
            yearlike: false,
        })
    }

    /// The cents after a whole amount: "$20 and 43c", "20 dollars 43 cents", "$20 43".
    pub(super) fn cents(&self, e: usize, whole: f64) -> Option<(f64, usize)> {
        if whole.fract() != 0.0 {
            return None;
        }
        let mut j = e;
        if self.has(j, F_AND) {
            j += 1;
        }
        let N::Ok(q) = self.num(j, false) else {
            return None;
        };
        if q.art
            || q.weak
            || q.v.fract() != 0.0
            || !(0.0..100.0).contains(&q.v)
            || q.score_den.is_some()
        {
            return None;
        }
        if let Some((ce, Cur::Sub(_))) = self.currency_at(q.e, false) {
            return Some((q.v / 100.0, ce));
        }
        if self.phrase_end(q.e) {
            return Some((q.v / 100.0, q.e));
        }
        None
    }

    pub(super) fn money_prefix(&self, i: usize) -> Option<Cand> {
        let (k, cur) = self.currency_at(i, true)?;
        let Cur::Main(code) = cur else { return None };
        let N::Ok(p) = self.num(k, true) else {
            return None;
        };
        if p.art || p.weak || p.score_den.is_some() || p.v < 0.0 {
            return None;
        }
        // A word amount needs a symbol before it ("$ten" is odd; "EUR ten" is not an amount).
        if p.digit_tok.is_none() && !matches!(self.t[i].t, T::Sym(_)) {
            return None;
        }
        let mut value = p.v;
        let mut end = p.e;
        if let Some((c, ce)) = self.cents(end, p.v) {
            value += c;
            end = ce;
        }
        Some(Cand {
            s: i,
            e: end,
            kind: QuantityKind::Money,
            value,
            to: None,
            unit: Unit::Cur(code),
            factor: 1.0,
            yearlike: false,
        })
    }
}
