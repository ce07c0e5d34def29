//! The lexer: words, numbers, symbols and spaces, one token each.

use super::*;

// ------------------------------------------------------------------------------------------
// Lexer
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Lower,
    /// First letter upper, the rest lower ("Route").
    Cap,
    /// All upper, two letters or more ("CSAT").
    Upper,
    /// Anything else ("iPhone").
    Mixed,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum T {
    Word {
        lex: Option<&'static Lex>,
        shape: Shape,
        ascii: bool,
    },
    Num {
        v: f64,
        int_digits: u8,
        frac_digits: u8,
        comma: bool,
    },
    Sym(Cur),
    P(char),
    /// Phone numbers, clock times, dates, version strings: never part of a quantity.
    Opaque,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    /// No whitespace between this token and the previous one.
    pub(super) glued: bool,
    pub(super) t: T,
}

pub(super) const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

pub(super) fn is_digit(b: &[u8], i: usize) -> bool {
    i < b.len() && b[i].is_ascii_digit()
}

pub(super) fn digit_run(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while is_digit(b, j) {
        j += 1;
    }
    j - i
}

/// A phone number starting at `i` ("555-123-4567", "(555) 123-4567", "1-800-555-0199",
/// "+1 555 123 4567", "555-0199"): its end.
pub(super) fn phone_at(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    let mut digits = 0;
    let mut last;
    let mut first = 0;
    let mut seps_nonspace = 0;
    if b.get(j) == Some(&b'+') {
        let n = digit_run(b, j + 1);
        if n == 0 || n > 3 {
            return None;
        }
        j += 1 + n;
        groups += 1;
        digits += n;
        if !matches!(b.get(j), Some(b' ' | b'-' | b'.')) {
            return None;
        }
        j += 1;
    }
    if b.get(j) == Some(&b'(') {
        if digit_run(b, j + 1) != 3 || b.get(j + 4) != Some(&b')') {
            return None;
        }
        j += 5;
        groups += 1;
        digits += 3;
        seps_nonspace += 1;
        if b.get(j) == Some(&b' ') || b.get(j) == Some(&b'-') {
            j += 1;
        }
    }
    loop {
        let n = digit_run(b, j);
        if n == 0 || n > 4 {
            return None;
        }
        if groups == 0 {
            first = n;
        }
        groups += 1;
        digits += n;
        last = n;
        j += n;
        match b.get(j) {
            Some(&c @ (b'-' | b'.' | b' ')) if is_digit(b, j + 1) => {
                if c != b' ' {
                    seps_nonspace += 1;
                }
                // "1,000 - 2,000"-style lists never reach here: commas end the run.
                j += 1;
            }
            _ => break,
        }
        if groups > 6 {
            return None;
        }
    }
    // A decimal or a glued word right after is not a phone number's end.
    if j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b',' && is_digit(b, j + 1)) {
        return None;
    }
    if groups >= 3 && (10..=13).contains(&digits) && last == 4 {
        return Some(j);
    }
    if groups == 2 && first == 3 && last == 4 && seps_nonspace == 1 && b[i] != b'+' {
        // "555-0199", but not a range like "100-1000" or "200-3000".
        let g1 = &b[i..i + 3];
        let g2 = &b[i + 4..i + 8];
        if b[i + 3] == b'-' && g1[0] != b'0' && g1[0] != b'1' && !(g2[2] == b'0' && g2[3] == b'0') {
            return Some(j);
        }
    }
    None
}

/// Clock times and ratios ("5:30", "3:1"), dates ("3/15/2020", "2020-03-15") and versions or
/// addresses ("1.2.3", "10.0.0.1") starting at `i`: their end.
pub(super) fn opaque_at(b: &[u8], i: usize) -> Option<usize> {
    let n = digit_run(b, i);
    if n == 0 {
        return None;
    }
    let mut j = i + n;
    if b.get(j) == Some(&b':') && is_digit(b, j + 1) {
        while b.get(j) == Some(&b':') && is_digit(b, j + 1) {
            j += 1;
            j += digit_run(b, j);
        }
        return Some(j);
    }
    if let Some(&sep @ (b'/' | b'-' | b'.')) = b.get(j) {
        let n2 = digit_run(b, j + 1);
        if n2 > 0 && b.get(j + 1 + n2) == Some(&sep) && is_digit(b, j + 2 + n2) {
            j += 1 + n2;
            while b.get(j) == Some(&sep) && is_digit(b, j + 1) {
                j += 1;
                j += digit_run(b, j);
            }
            return Some(j);
        }
    }
    None
}

/// A number in digits at `i` ("1,200", "4.5", ".77", "0033"): its end and token.
pub(super) fn lex_number(b: &[u8], i: usize) -> (usize, T) {
    let mut j = i;
    let mut mant: u64 = 0;
    let mut sig = 0u32;
    let mut big = 0.0f64;
    let mut overflow = false;
    let mut int_digits = 0u32;
    let mut frac_digits = 0u32;
    let mut comma = false;
    let mut push = |d: u8, mant: &mut u64| {
        if !overflow && sig < 18 {
            *mant = *mant * 10 + u64::from(d);
            sig += 1;
        } else {
            if !overflow {
                big = *mant as f64;
                overflow = true;
            }
            big = big * 10.0 + f64::from(d);
        }
    };
    while is_digit(b, j) {
        push(b[j] - b'0', &mut mant);
        int_digits += 1;
        j += 1;
    }
    if int_digits > 0 && int_digits <= 3 {
        while b.get(j) == Some(&b',') && digit_run(b, j + 1) == 3 {
            for k in 1..=3 {
                push(b[j + k] - b'0', &mut mant);
            }
            int_digits += 3;
            comma = true;
            j += 4;
        }
    }
    if b.get(j) == Some(&b'.') && is_digit(b, j + 1) {
        j += 1;
        while is_digit(b, j) {
            push(b[j] - b'0', &mut mant);
            frac_digits += 1;
            j += 1;
        }
    }
    let whole = if overflow { big } else { mant as f64 };
    let v = match POW10.get(frac_digits as usize) {
        Some(p) => whole / p,
        None => whole / 10f64.powi(frac_digits.min(400) as i32),
    };
    (
        j,
        T::Num {
            v,
            int_digits: int_digits.min(255) as u8,
            frac_digits: frac_digits.min(255) as u8,
            comma,
        },
    )
}

pub(super) fn lex(text: &str, toks: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut glued = false;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let t;
        if c < 0x80 {
            if c.is_ascii_whitespace() {
                i += 1;
                glued = false;
                continue;
            }
            let lead_dot = c == b'.' && is_digit(b, i + 1) && !(i > 0 && b[i - 1].is_ascii_digit());
            if c.is_ascii_digit() || c == b'(' || c == b'+' || lead_dot {
                if let Some(e) = phone_at(b, i).or_else(|| opaque_at(b, i)) {
                    toks.push(Tok {
                        s: i,
                        e,
                        glued,
                        t: T::Opaque,
                    });
                    i = e;
                    glued = true;
                    continue;
                }
            }
            if c.is_ascii_digit() || lead_dot {
                let (e, num) = lex_number(b, i);
                i = e;
                t = num;
            } else if c.is_ascii_alphabetic() {
                let (e, tok) = lex_word(text, i);
                i = e;
                t = tok;
            } else {
                i += 1;
                t = match symbol_of(c as char) {
                    Some(cur) => T::Sym(cur),
                    None => T::P(c as char),
                };
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                i += len;
                glued = false;
                continue;
            }
            if ch.is_alphabetic() {
                let (e, tok) = lex_word(text, i);
                i = e;
                t = tok;
            } else {
                i += len;
                t = match ch {
                    '–' | '−' | '’' | '‘' | '“' | '”' => T::P(ch),
                    _ => match symbol_of(ch) {
                        Some(cur) => T::Sym(cur),
                        None => T::Other,
                    },
                };
            }
        }
        toks.push(Tok {
            s: start,
            e: i,
            glued,
            t,
        });
        glued = true;
    }
}

/// A word at `i`: letters, with apostrophes inside ("o'clock", "don't").
pub(super) fn lex_word(text: &str, i: usize) -> (usize, T) {
    let b = text.as_bytes();
    let alpha_at = |k: usize| match b.get(k) {
        Some(c) if c.is_ascii() => c.is_ascii_alphabetic(),
        Some(_) => text[k..].chars().next().is_some_and(char::is_alphabetic),
        None => false,
    };
    let mut j = i;
    let mut ascii = true;
    let mut n = 0usize;
    let mut first_upper = false;
    let mut uppers = 0usize;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() {
                first_upper |= n == 0;
                uppers += 1;
            }
            n += 1;
            j += 1;
        } else if c == b'\'' && n > 0 && alpha_at(j + 1) {
            j += 1;
        } else if c >= 0x80 {
            let Some(ch) = text[j..].chars().next() else {
                break;
            };
            let len = ch.len_utf8();
            if ch.is_alphabetic() {
                if ch.is_uppercase() {
                    first_upper |= n == 0;
                    uppers += 1;
                }
                n += 1;
            } else if !(ch == '’' && n > 0 && alpha_at(j + len)) {
                break;
            }
            ascii = false;
            j += len;
        } else {
            break;
        }
    }
    let shape = if uppers == 0 {
        Shape::Lower
    } else if uppers == n && n >= 2 {
        Shape::Upper
    } else if first_upper && uppers == 1 {
        Shape::Cap
    } else {
        Shape::Mixed
    };
    let lex = if ascii { lookup(&b[i..j]) } else { None };
    (j, T::Word { lex, shape, ascii })
}
