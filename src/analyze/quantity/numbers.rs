//! Numbers: digits, number words, ranges, fractions and the quantities built on them.

use super::*;

impl Parser<'_> {
    // ---- numbers ----

    pub(super) fn num(&self, i: usize, money: bool) -> N {
        let mut j = i;
        let mut sign = 1.0;
        if let Some(tok) = self.t.get(j) {
            match tok.t {
                T::P(c @ ('-' | '−' | '+')) => {
                    let sign_ok = j == 0 || !tok.glued || self.is_p(j - 1, '(');
                    // Glued only: "- 40 calls" at the start of a line is a bullet.
                    let next_ok = self.is_num_tok(j + 1) && self.glued(j + 1);
                    if sign_ok && next_ok {
                        if c != '+' {
                            sign = -1.0;
                        }
                        j += 1;
                    } else {
                        return N::No;
                    }
                }
                T::Word { lex: Some(l), .. } if l.has(F_NEG) => {
                    if self.is_num_tok(j + 1) || self.lex(j + 1).is_some_and(|l| l.is_num_word()) {
                        sign = -1.0;
                        j += 1;
                    } else {
                        return N::No;
                    }
                }
                _ => {}
            }
        }
        let r = if self.is_num_tok(j) {
            self.digits(j, money)
        } else {
            self.words(j)
        };
        match r {
            N::Ok(mut p) => {
                if sign < 0.0 {
                    if p.art || p.weak {
                        return N::No;
                    }
                    p.v = -p.v;
                    p.yearlike = false;
                }
                p.s = i;
                N::Ok(p)
            }
            other => other,
        }
    }

    pub(super) fn num_val(&self, i: usize) -> Option<(f64, u8, u8)> {
        match self.t.get(i)?.t {
            T::Num {
                v,
                int_digits,
                frac_digits,
                ..
            } => Some((v, int_digits, frac_digits)),
            _ => None,
        }
    }

    pub(super) fn digits(&self, j: usize, money: bool) -> N {
        let Some(T::Num {
            v,
            int_digits,
            frac_digits,
            comma,
        }) = self.t.get(j).map(|t| t.t)
        else {
            return N::No;
        };
        let mut p = NumP {
            s: j,
            e: j + 1,
            v,
            art: false,
            weak: false,
            frac_word: false,
            digit_tok: Some(j),
            yearlike: !comma
                && frac_digits == 0
                && int_digits == 4
                && (1900.0..=2099.0).contains(&v),
            score_den: None,
        };
        let mut k = j + 1;
        // A multiplier glued to the digits: "100k", "1.2M", ".0012G", "$4.7bn".
        if self.is_word(k) && self.glued(k) {
            let s = self.str(k);
            let decimal = frac_digits > 0 || int_digits == 0;
            let mult = match s {
                "k" | "K" => Some(1e3),
                "M" => Some(1e6),
                "m" | "mm" | "mn" | "MM" | "Mn" if money => Some(1e6),
                "b" | "B" | "bn" | "Bn" | "BN" if money || decimal => Some(1e9),
                "G" if decimal => Some(1e9),
                "x" | "X" => Some(1.0),
                _ => None,
            };
            if let Some(m) = mult {
                if (s == "k" || s == "K") && frac_digits == 0 && matches!(v as u32, 401 | 403 | 457)
                {
                    // "401k" the retirement plan.
                    return N::Skip(k + 1);
                }
                p.v *= m;
                p.yearlike = false;
                k += 1;
            }
        }
        // "9/10", "1/2", "24/7".
        if self.is_p(k, '/') && self.glued(k) && self.glued(k + 1) {
            if let Some((b, _, 0)) = self.num_val(k + 1) {
                if self.is_p(k + 2, '/') && self.glued(k + 2)
                    || self.is_word(k + 2) && self.glued(k + 2) && !self.is_time_word(k + 2)
                {
                    return N::Skip(self.blob_end(k + 2));
                }
                let a = p.v;
                if (b == 5.0 || b == 10.0 || b == 100.0) && a <= b && k == j + 1 {
                    p.score_den = Some(b);
                    p.e = k + 2;
                    p.yearlike = false;
                    return N::Ok(p);
                } else if a < b && b > 0.0 && frac_digits == 0 && k == j + 1 {
                    p.v = a / b;
                    p.frac_word = true;
                    p.yearlike = false;
                    k += 2;
                } else {
                    return N::Skip(k + 2);
                }
            }
        }
        // "5 thousand", "1.2 million", "30 lakh", "2 dozens".
        k = self.scales(k, &mut p);
        // "1 point 1"
        if frac_digits == 0 && self.has(k, F_POINT) {
            if let Some((f, n)) = self.decimal_part(k + 1) {
                p.v += f;
                p.yearlike = false;
                k = n;
                k = self.scales(k, &mut p);
            }
        }
        k = self.and_fraction(k, &mut p);
        k = self.restatement(k, p.v);
        // "500+ calls"
        if self.is_p(k, '+') && self.glued(k) && !(self.glued(k + 1) && self.is_num_tok(k + 1)) {
            k += 1;
        }
        p.e = k;
        N::Ok(p)
    }

    /// Multiplies by scale words at `k`: returns the index after them.
    pub(super) fn scales(&self, mut k: usize, p: &mut NumP) -> usize {
        let mut last = 0.0;
        while let Some(l) = self.lex(k) {
            let s = if l.has(F_HUNDRED) {
                100.0
            } else if let Some(s) = l.scale {
                s
            } else {
                break;
            };
            if last != 0.0 && s <= last {
                break;
            }
            p.v *= s;
            p.yearlike = false;
            last = s;
            k += 1;
            if l.scale == Some(12.0) && self.word_is(k, "of") {
                k += 1;
                break;
            }
        }
        k
    }

    /// The digits after "point": "point 77", "point seventy-five", "point zero five".
    pub(super) fn decimal_part(&self, mut k: usize) -> Option<(f64, usize)> {
        let mut mant = 0.0;
        let mut n = 0i32;
        if let Some((v, int_digits, 0)) = self.num_val(k) {
            if self.glued(k) {
                return None;
            }
            return Some((v / 10f64.powi(i32::from(int_digits)), k + 1));
        }
        while let Some(l) = self.lex(k) {
            let Some(v) = l.num else { break };
            if v < 10.0 {
                mant = mant * 10.0 + v;
                n += 1;
                k += 1;
            } else {
                let mut v = v;
                k += 1;
                if v >= 20.0 && v % 10.0 == 0.0 {
                    let mut k2 = k;
                    if self.is_p(k2, '-') && self.glued(k2) {
                        k2 += 1;
                    }
                    if let Some(u) = self.lex(k2).and_then(|l| l.num) {
                        if (1.0..10.0).contains(&u) {
                            v += u;
                            k = k2 + 1;
                        }
                    }
                }
                mant = mant * 100.0 + v;
                n += 2;
            }
            if n > 12 {
                break;
            }
        }
        (n > 0).then(|| (mant / 10f64.powi(n), k))
    }

    /// "and a half", "and three quarters" after a number.
    pub(super) fn and_fraction(&self, k: usize, p: &mut NumP) -> usize {
        if !self.has(k, F_AND) {
            return k;
        }
        let mut j = k + 1;
        let mut n = 1.0;
        if self.has(j, F_ARTICLE) {
            j += 1;
        } else if let Some(v) = self.lex(j).and_then(|l| l.num) {
            if (1.0..=3.0).contains(&v) && self.has(j + 1, F_QUARTER) {
                n = v;
                j += 1;
            }
        }
        let f = if self.has(j, F_HALF) {
            0.5
        } else if self.has(j, F_QUARTER) {
            0.25 * n
        } else {
            return k;
        };
        p.v += f;
        p.frac_word = true;
        p.yearlike = false;
        j + 1
    }

    /// A fraction word at `q` that is followed by "of" (or, for quarters, a time unit): its
    /// value ("third" in "two thirds of", "quarter" in "a quarter hour").
    pub(super) fn fraction_of(&self, q: usize) -> Option<f64> {
        if !self.has(q, F_FRACTION) {
            return None;
        }
        let quarter = self.has(q, F_QUARTER);
        if !(self.word_is(q + 1, "of") || quarter && self.is_time_word(q + 1)) {
            return None;
        }
        let w = self.str(q);
        FRACTION_WORDS
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(w))
            .map(|f| f.1)
    }

    /// "forty-five (45)", "45 (forty five)": the restatement joins the number.
    pub(super) fn restatement(&self, k: usize, v: f64) -> usize {
        if !self.is_p(k, '(') || self.glued(k) {
            return k;
        }
        if let N::Ok(q) = self.num(k + 1, false) {
            if !q.art && !q.weak && q.v == v && self.is_p(q.e, ')') {
                return q.e + 1;
            }
        }
        k
    }

    pub(super) fn words(&self, j: usize) -> N {
        let Some(l) = self.lex(j) else {
            return N::No;
        };
        let mut p = NumP {
            s: j,
            e: j + 1,
            v: 0.0,
            art: false,
            weak: false,
            frac_word: false,
            digit_tok: None,
            yearlike: false,
            score_den: None,
        };
        if l.has(F_ARTICLE) {
            let k = j + 1;
            let Some(n) = self.lex(k) else {
                p.art = true;
                p.v = 1.0;
                return N::Ok(p);
            };
            if n.has(F_HUNDRED) || n.scale.is_some() && !n.scale_plural {
                let (e, v) = self.word_seq(k, 1.0);
                if e > k {
                    p.v = v;
                    p.e = e;
                    return self.word_tail(p);
                }
            }
            if n.has(F_COUPLE) {
                p.v = 2.0;
                p.e = k + 1;
                if self.word_is(p.e, "of") {
                    p.e += 1;
                }
                return N::Ok(p);
            }
            if n.weak == Some(3.0) {
                p.v = 3.0;
                p.weak = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            if n.has(F_HALF) {
                p.v = 0.5;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            if n.has(F_QUARTER) && self.str(k).eq_ignore_ascii_case("quarter") {
                p.v = 0.25;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            // "a third of the calls"
            if let Some(f) = self.fraction_of(k) {
                p.v = f;
                p.frac_word = true;
                p.e = k + 1;
                return N::Ok(p);
            }
            p.art = true;
            p.v = 1.0;
            return N::Ok(p);
        }
        if l.has(F_HALF) {
            p.v = 0.5;
            p.frac_word = true;
            // "half a million"
            if self.has(j + 1, F_ARTICLE) {
                if let Some(s) = self.lex(j + 2).and_then(|l| l.scale) {
                    p.v = 0.5 * s;
                    p.frac_word = false;
                    p.e = j + 3;
                }
            }
            return N::Ok(p);
        }
        if l.has(F_COUPLE) && self.word_is(j + 1, "of") {
            p.v = 2.0;
            p.e = j + 2;
            return N::Ok(p);
        }
        if let Some(v) = l.weak {
            p.v = v;
            p.weak = true;
            return N::Ok(p);
        }
        if l.has(F_POINT) {
            let before_ok = j == 0 || !matches!(self.t[j - 1].t, T::Word { .. } | T::Num { .. });
            if before_ok {
                if let Some((f, e)) = self.decimal_part(j + 1) {
                    p.v = f;
                    p.e = e;
                    return self.word_tail(p);
                }
            }
            return N::No;
        }
        if !l.is_num_word() {
            return N::No;
        }
        let (e, v) = self.word_seq(j, 0.0);
        if e == j {
            return N::No;
        }
        p.v = v;
        p.e = e;
        // "no one", "the one I took", "one by one", "one another", "one-on-one".
        if e == j + 1 && v == 1.0 && self.str(j).eq_ignore_ascii_case("one") {
            let before = j > 0 && self.has(j - 1, F_ONE_BEFORE) && !self.glued(j);
            let after = self.word_is(j + 1, "another")
                || self.word_is(j + 1, "by") && self.word_is(j + 2, "one")
                || self.is_p(j + 1, '-') && self.glued(j + 1) && self.word_is(j + 2, "on");
            if before || after {
                let mut e = j + 1;
                if self.word_is(j + 1, "by") {
                    e = j + 3;
                } else if self.is_p(j + 1, '-') {
                    e = j + 5;
                }
                return N::Skip(e.min(self.t.len()));
            }
        }
        self.word_tail(p)
    }

    /// After a word number: decimals, scales, "and a half", "three quarters of", a
    /// restatement; a glued digit makes it an identifier ("Five9").
    pub(super) fn word_tail(&self, mut p: NumP) -> N {
        let mut k = p.e;
        if self.has(k, F_POINT) {
            if let Some((f, e)) = self.decimal_part(k + 1) {
                if p.v.fract() == 0.0 {
                    p.v += f;
                    k = e;
                    k = self.scales(k, &mut p);
                }
            }
        }
        // "three quarters of an hour", "three-quarters of an hour", "two thirds of the calls"
        let mut q = k;
        if self.is_p(q, '-') && self.glued(q) && self.glued(q + 1) {
            q += 1;
        }
        if let Some(f) = self.fraction_of(q) {
            if (1.0..10.0).contains(&p.v) && p.v.fract() == 0.0 && p.v * f <= 1.0 {
                p.v *= f;
                p.frac_word = true;
                k = q + 1;
            }
        }
        k = self.and_fraction(k, &mut p);
        k = self.restatement(k, p.v);
        if self.glued(k) && (self.is_num_tok(k) || self.is_word(k)) {
            return N::Skip(self.blob_end(k));
        }
        p.e = k;
        N::Ok(p)
    }

    /// Cardinal words from `j` ("seven hundred twenty-one thousand and twelve", "one twenty
    /// two", "three crore twelve lakh"). `init` 1.0 after "a" ("a hundred"). Returns the index
    /// after the last number word and the value.
    pub(super) fn word_seq(&self, j: usize, init: f64) -> (usize, f64) {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            None,
            Unit,
            Teen,
            Tens,
            Hundred,
            Scale,
        }
        let mut total = 0.0;
        let mut cur = init;
        let mut last = if init > 0.0 { Last::Unit } else { Last::None };
        let mut last_scale = 0.0;
        let mut k = j;
        let mut end = j;
        let mut zero = false;
        while let Some(l) = self.lex(k) {
            if let Some(v) = l.num {
                if zero {
                    break;
                }
                let kind = if v < 10.0 {
                    Last::Unit
                } else if v < 20.0 {
                    Last::Teen
                } else {
                    Last::Tens
                };
                match (last, kind) {
                    (Last::None | Last::Hundred | Last::Scale, _) => cur += v,
                    (Last::Tens, Last::Unit) if v > 0.0 => cur += v,
                    (Last::Unit, Last::Teen | Last::Tens)
                        if cur > 0.0 && cur < 10.0 && init == 0.0 =>
                    {
                        cur = cur * 100.0 + v
                    }
                    _ => break,
                }
                if v == 0.0 && last == Last::None {
                    zero = true;
                }
                last = kind;
                k += 1;
                end = k;
                // "twenty-one"
                if kind == Last::Tens
                    && self.is_p(k, '-')
                    && self.glued(k)
                    && self.glued(k + 1)
                    && self
                        .lex(k + 1)
                        .and_then(|l| l.num)
                        .is_some_and(|u| (1.0..10.0).contains(&u))
                {
                    k += 1;
                }
                continue;
            }
            if l.has(F_HUNDRED) {
                let plural = self.str(k).len() > 7;
                if last == Last::None || zero || plural && cur == 0.0 {
                    break;
                }
                if matches!(last, Last::Unit | Last::Teen | Last::Tens) && cur < 100.0 {
                    cur = cur.max(1.0) * 100.0;
                    last = Last::Hundred;
                    k += 1;
                    end = k;
                    if self.has(k, F_AND) && self.lex(k + 1).is_some_and(|l| l.is_num_word()) {
                        k += 1;
                    }
                    continue;
                }
                break;
            }
            if let Some(s) = l.scale {
                if last == Last::None || zero {
                    break;
                }
                if total == 0.0 || s > last_scale {
                    total = (total + cur) * s;
                } else {
                    total += cur * s;
                }
                cur = 0.0;
                last_scale = s;
                last = Last::Scale;
                k += 1;
                end = k;
                if s == 12.0 && self.word_is(k, "of") {
                    end = k + 1;
                    break;
                }
                if self.has(k, F_AND) && self.lex(k + 1).is_some_and(|l| l.is_num_word()) {
                    k += 1;
                }
                continue;
            }
            break;
        }
        (end, total + cur)
    }

    /// The end of a run of glued tokens from `k`.
    pub(super) fn blob_end(&self, mut k: usize) -> usize {
        k += 1;
        while k < self.t.len() && self.t[k].glued && !self.phrase_end(k) {
            k += 1;
        }
        k
    }
}
