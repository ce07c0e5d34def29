//! The two forms' case and class analysis: how a parsed pattern is narrowed to its fast form
//! ([`narrow`]), which texts that form is exact on ([`ascii_exact`]), and whether it may run on
//! the ASCII-lowercased text ([`case_closed`], [`lowercase_only`], [`may_be_case_sensitive`]).

use std::sync::OnceLock;

use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

/// The non-ASCII characters a fast form cannot be trusted with: Unicode word characters
/// (`\w`: letters, marks, digits, connectors) and white space (`\s`).
pub(super) fn wide_class() -> &'static ClassUnicode {
    static WIDE: OnceLock<ClassUnicode> = OnceLock::new();
    WIDE.get_or_init(|| {
        let mut c = ClassUnicode::empty();
        for p in [r"\w", r"\s"] {
            if let HirKind::Class(Class::Unicode(x)) = regex_syntax::Parser::new()
                .parse(p)
                .expect("a Perl class")
                .kind()
            {
                c.union(x);
            }
        }
        c.difference(&ascii());
        c
    })
}

fn ascii() -> ClassUnicode {
    ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')])
}

/// True when every non-ASCII character of `text` is punctuation or a symbol (not a Unicode
/// letter, digit or space): then the fast form of every pattern finds exactly what the full
/// form finds.
pub fn ascii_exact(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip ASCII a word at a time.
        let chunk = &bytes[i..bytes.len().min(i + 16)];
        if chunk.is_ascii() {
            i += chunk.len();
            continue;
        }
        let start = i + chunk.iter().position(|b| !b.is_ascii()).unwrap_or(0);
        let c = text[start..].chars().next().unwrap_or('\0');
        if is_wide(c) {
            return false;
        }
        i = start + c.len_utf8();
    }
    true
}

fn is_wide(c: char) -> bool {
    static RANGES: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        wide_class()
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect()
    });
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

/// The fast form of `hir`: Unicode word boundaries become ASCII ones, and each class whose
/// non-ASCII part lies within `wide` (characters a fast text never has) loses that part; with
/// `lower`, classes also lose `A-Z`, which the lowercased text never has.
pub(super) fn narrow(hir: &Hir, wide: &ClassUnicode, lower: bool) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) => hir.clone(),
        HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            if !c.is_ascii() && within(&c, wide) {
                c.intersect(&ascii());
            }
            if lower {
                c.difference(&ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]));
            }
            Hir::class(Class::Unicode(c))
        }
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        // Rebuilt around the narrowed sub-pattern, not cloned and then replaced: a clone copies
        // the whole sub-tree first, and repetitions nest (most of a rubric's compile time).
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(narrow(&r.sub, wide, lower)),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(narrow(&c.sub, wide, lower)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| narrow(h, wide, lower)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| narrow(h, wide, lower)).collect())
        }
    }
}

/// Whether every non-ASCII character of `c` is in `wide`.
fn within(c: &ClassUnicode, wide: &ClassUnicode) -> bool {
    let w = wide.ranges();
    c.ranges().iter().filter(|r| r.end() > '\x7f').all(|r| {
        let start = r.start().max('\u{80}');
        let i = w.partition_point(|x| x.end() < start);
        w.get(i)
            .is_some_and(|x| x.start() <= start && r.end() <= x.end())
            || {
                // Spans several ranges of `wide`: check exactly.
                let mut part = ClassUnicode::new([ClassUnicodeRange::new(start, r.end())]);
                part.difference(wide);
                part.ranges().is_empty()
            }
    })
}

/// Whether `hir` cannot tell an ASCII letter from its other case (every class has both cases
/// or neither, no literal has a letter), so it matches the same on the ASCII-lowercased text.
/// Case-insensitive patterns are, unless they turn it off with `(?-i)`.
pub(super) fn case_closed(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => !l.0.iter().any(u8::is_ascii_alphabetic),
        HirKind::Class(Class::Unicode(c)) => letters_closed(
            c.ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
        HirKind::Class(Class::Bytes(c)) => letters_closed(
            c.ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
        HirKind::Repetition(r) => case_closed(&r.sub),
        HirKind::Capture(c) => case_closed(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(case_closed),
    }
}

/// Whether a class (as ranges of code points) has each ASCII letter in both cases or neither.
fn letters_closed(ranges: impl Iterator<Item = (u32, u32)>) -> bool {
    let (mut upper, mut lower) = (0u32, 0u32);
    let mask = |start: u32, end: u32, from: u32| -> u32 {
        let (s, e) = (start.max(from), end.min(from + 25));
        if s > e {
            0
        } else {
            (((1u64 << (e - s + 1)) - 1) << (s - from)) as u32
        }
    };
    for (s, e) in ranges {
        upper |= mask(s, e, u32::from(b'A'));
        lower |= mask(s, e, u32::from(b'a'));
    }
    upper == lower
}

/// Whether `hir`, read case-sensitively, matches on the ASCII-lowercased text exactly what
/// the case-insensitive pattern matches on the text: no literal has an uppercase ASCII letter,
/// and every class has each ASCII letter in both cases or neither (`\w`, `\S`, `[^.!?]`).
pub(super) fn lowercase_only(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => !l.0.iter().any(u8::is_ascii_uppercase),
        HirKind::Class(_) => case_closed(hir),
        HirKind::Repetition(r) => lowercase_only(&r.sub),
        HirKind::Capture(c) => lowercase_only(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(lowercase_only),
    }
}

/// Whether the pattern text may turn case-insensitivity off (`(?-i)`, `(?x-i:...)`): only
/// then does [`case_closed`] need to look.
pub(super) fn may_be_case_sensitive(source: &str) -> bool {
    source.match_indices("(?").any(|(i, _)| {
        let flags = &source[i + 2..];
        let end = flags.find([':', ')']).unwrap_or(flags.len());
        flags[..end].contains('-')
    })
}
