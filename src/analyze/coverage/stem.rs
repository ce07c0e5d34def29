//! Inflections folded together, so that an area's keyword matches the words an answer uses.

/// The stem of a spelling-normalized word: one inflection off ("-s", "-es", "-ed", "-ing",
/// "-ies", "-ied"), a final "e" off, a doubled final consonant undone ("letting" -> "let").
pub(super) fn stem(w: &str) -> String {
    let n = w.len();
    if n <= 3 || !w.is_ascii() {
        return w.to_string();
    }
    let base: String = if (w.ends_with("ies") || w.ends_with("ied")) && n > 4 {
        format!("{}y", &w[..n - 3])
    } else if w.ends_with("ing") && n - 3 >= 3 {
        w[..n - 3].to_string()
    } else if w.ends_with("ed") && n - 2 >= 3 {
        w[..n - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..n - 1].to_string()
    } else {
        w.to_string()
    };
    let mut base = base;
    if base.len() > 3 && base.ends_with('e') {
        base.pop();
    }
    let b = base.as_bytes();
    let k = b.len();
    if k > 3 && b[k - 1] == b[k - 2] && !b"aeiouylsz".contains(&b[k - 1]) {
        base.pop();
    }
    base
}
