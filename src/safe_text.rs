//! Text from files and people, made safe to print: [`visible`] is the one function every place
//! that prints untrusted text goes through (candidate names, question ids and texts from
//! files, answers, file names, error messages that quote input).
//!
//! A terminal obeys control characters: `ESC ] 0 ; ... BEL` retitles the window, `ESC [ 2 J`
//! clears the screen, OSC 52 writes the clipboard, a carriage return overwrites the line, and
//! the bidirectional overrides (U+202A-U+202E, U+2066-U+2069) reorder what follows so a line
//! reads differently than it is. Each of these is shown instead as a visible stand-in (`␛`,
//! `␇`, `␍`, `<U+202E>`); line breaks and tabs are kept, and so is every ordinary character:
//! accents, CJK, emoji (with their zero-width joiners), right-to-left scripts.
//!
//! ```
//! use starcoach::safe_text::visible;
//!
//! assert_eq!(visible("\u{1b}]0;TITLE\u{7}Bob\u{1b}[2J"), "␛]0;TITLE␇Bob␛[2J");
//! assert_eq!(visible("José 王 👩‍💻 مرحبا"), "José 王 👩‍💻 مرحبا");
//! assert_eq!(visible("abc\u{202e}def"), "abc<U+202E>def");
//! ```

use std::borrow::Cow;

/// Whether `c` would be obeyed by a terminal or reorder the text around it.
fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        c if c.is_control() => true, // C0, DEL and C1 controls
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' => true,
        _ => false,
    }
}

/// `s` with every control character (except line break and tab) and every bidirectional
/// override shown as a visible stand-in. Borrowed when there is nothing to change.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !is_unsafe(c) {
            out.push(c);
            continue;
        }
        match c as u32 {
            // The Unicode "control pictures" block has one for each C0 control and DEL.
            n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('\u{fffd}')),
            0x7f => out.push('\u{2421}'),
            n => out.push_str(&format!("<U+{n:04X}>")),
        }
    }
    Cow::Owned(out)
}

/// Whether `s` has nothing a person could read: only spaces, control characters and
/// invisible format characters (zero-width joiners and spaces, byte-order marks, soft
/// hyphens, direction marks). Such an answer is empty, however long it is.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{00ad}'
                    | '\u{034f}'
                    | '\u{061c}'
                    | '\u{115f}'
                    | '\u{1160}'
                    | '\u{17b4}'
                    | '\u{17b5}'
                    | '\u{180b}'..='\u{180f}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{3164}'
                    | '\u{fe00}'..='\u{fe0f}'
                    | '\u{feff}'
                    | '\u{ffa0}'
                    | '\u{fff0}'..='\u{fff8}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_layout_stays() {
        assert_eq!(visible("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(visible("Bob\rAlice"), "Bob␍Alice");
        assert_eq!(visible("x\u{7f}\u{9b}y"), "x␡<U+009B>y");
        assert_eq!(visible("two\nlines\tand a tab"), "two\nlines\tand a tab");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_bidi_override_and_isolate_is_shown() {
        for c in ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'] {
            assert!(visible(&c.to_string()).starts_with("<U+202"));
        }
        for c in ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
            assert!(visible(&c.to_string()).starts_with("<U+206"));
        }
    }

    #[test]
    fn ordinary_unicode_is_kept() {
        for s in [
            "Zoë Müller-Łukasz",
            "客服代表 王小明",
            "👨‍👩‍👧 family emoji with joiners",
            "שלום עולם",
            "नमस्ते",
        ] {
            assert_eq!(visible(s), s);
        }
    }

    #[test]
    fn invisible_text_is_blank() {
        assert!(is_blank(&"\u{200d}".repeat(10_000)));
        assert!(is_blank(" \u{feff}\u{200b}\n\t\u{0}"));
        assert!(!is_blank("\u{200d}a"));
        assert!(!is_blank("👍"));
    }
}
