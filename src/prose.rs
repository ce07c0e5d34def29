//! Small helpers for the prose starcoach prints: shortening quotes, speaking time in words,
//! wrapping to the terminal width.

use unicode_segmentation::UnicodeSegmentation;

/// At most `max` characters, cut at a word boundary with an ellipsis; whitespace runs (line
/// breaks included) become single spaces.
pub fn shorten(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > cut.len() / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// "1 minute 40 seconds" style, rounded to 10 seconds.
pub fn format_minutes(seconds: f64) -> String {
    if seconds < 10.0 {
        return "a few seconds".to_string();
    }
    let s = ((seconds / 10.0).round() * 10.0) as i64;
    match (s / 60, s % 60) {
        (0, sec) => format!("{sec} seconds"),
        (1, 0) => "1 minute".to_string(),
        (m, 0) => format!("{m} minutes"),
        (1, sec) => format!("1 minute {sec} seconds"),
        (m, sec) => format!("{m} minutes {sec} seconds"),
    }
}

/// `n` and a noun, plural unless `n` is 1: "1 answer", "0 answers", "3 questions".
/// For a noun whose plural is not `one` + "s", use [`count_as`].
pub fn count(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// `n` and `one` or `many`: "1 person", "2 people".
pub fn count_as(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The indefinite article for `word`, by its sound: "an action", "an 8-minute call", "a
/// result", "a one-off", "a user".
pub fn article(word: &str) -> &'static str {
    let w = word
        .trim_start_matches(['“', '"', '\'', '('])
        .to_lowercase();
    // Numbers: said "eight", "eleven", "eighteen", "eighty"...
    if let Some(digits) = w
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .filter(|d| !d.is_empty())
    {
        let an = digits.starts_with('8')
            || ((digits.len() == 2 || digits.len() == 5) && digits.starts_with("11"))
            || ((digits.len() == 2 || digits.len() == 5) && digits.starts_with("18"));
        return if an { "an" } else { "a" };
    }
    const A_BEFORE_VOWEL: [&str; 6] = ["one", "once", "uni", "use", "usu", "eu"];
    const AN_BEFORE_H: [&str; 4] = ["hour", "honest", "honor", "honour"];
    if A_BEFORE_VOWEL.iter().any(|p| w.starts_with(p)) {
        return "a";
    }
    if AN_BEFORE_H.iter().any(|p| w.starts_with(p)) {
        return "an";
    }
    match w.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// Speaking time for a sentence: "about 1 minute 40 seconds spoken", or "a few seconds
/// spoken" (no "about" before what is already vague).
pub fn spoken(seconds: f64) -> String {
    let time = format_minutes(seconds);
    if time.starts_with("a few") {
        format!("{time} spoken")
    } else {
        format!("about {time} spoken")
    }
}

/// Display width of `s` in columns (graphemes; wide characters count as one, which is close
/// enough for prose).
pub fn width(s: &str) -> usize {
    s.graphemes(true).count()
}

/// Wraps `s` to lines of at most `width` columns (words longer than a line are cut).
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let w = self::width(word);
        let lw = self::width(&line);
        if lw > 0 && lw + 1 + w > width {
            lines.push(std::mem::take(&mut line));
        }
        if w > width {
            let mut chunk = String::new();
            for g in word.graphemes(true) {
                if self::width(&chunk) + 1 > width {
                    lines.push(std::mem::take(&mut chunk));
                }
                chunk.push_str(g);
            }
            line = chunk;
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The terminal's width in columns, or `COLUMNS`, or 80.
pub fn terminal_width() -> usize {
    if let Some(c) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return c;
    }
    terminal_size::terminal_size()
        .map(|(w, _)| w.0 as usize)
        .unwrap_or(80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_a_word_boundary() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four five", 12), "one two…");
        assert_eq!(shorten("line\nbreak", 20), "line break");
    }

    #[test]
    fn speaks_minutes() {
        assert_eq!(format_minutes(4.0), "a few seconds");
        assert_eq!(format_minutes(38.0), "40 seconds");
        assert_eq!(format_minutes(95.0), "1 minute 40 seconds");
        assert_eq!(format_minutes(120.0), "2 minutes");
        assert_eq!(spoken(4.0), "a few seconds spoken");
        assert_eq!(spoken(38.0), "about 40 seconds spoken");
    }

    #[test]
    fn counts_with_plurals() {
        assert_eq!(count(1, "answer"), "1 answer");
        assert_eq!(count(0, "answer"), "0 answers");
        assert_eq!(count(2, "question"), "2 questions");
        assert_eq!(count_as(1, "person", "people"), "1 person");
        assert_eq!(count_as(3, "person", "people"), "3 people");
    }

    #[test]
    fn picks_the_article_by_sound() {
        for (word, a) in [
            ("action", "an"),
            ("result", "a"),
            ("episode", "an"),
            ("hour", "an"),
            ("user", "a"),
            ("one-off", "a"),
            ("8-minute", "an"),
            ("11-point", "an"),
            ("18%", "an"),
            ("80", "an"),
            ("5-star", "a"),
            ("110", "a"),
            ("“angry", "an"),
        ] {
            assert_eq!(article(word), a, "{word}");
        }
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("aaa bbb ccc ddd", 10), ["aaa bbb", "ccc ddd"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("abcdefghijklmnop", 10).len(), 2);
    }
}
