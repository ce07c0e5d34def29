//! "Did you mean ...?": the closest known names to something the user typed.

/// Up to `limit` candidates closest to `input`, best first. A candidate qualifies when it is
/// close by edit distance (Jaro-Winkler over the whole string) or shares most of its words with
/// the input (so `angry-customer` finds `angry-customer-call-center`).
pub fn closest<'a, I>(input: &str, candidates: I, limit: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let needle = input.to_lowercase();
    let needle_words: Vec<&str> = words(&needle).collect();
    let mut scored: Vec<(f64, &'a str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let hay = c.to_lowercase();
            let jw = strsim::jaro_winkler(&needle, &hay);
            let overlap = if needle_words.is_empty() {
                0.0
            } else {
                let hay_words: Vec<&str> = words(&hay).collect();
                let shared = needle_words
                    .iter()
                    .filter(|w| hay_words.iter().any(|h| h == *w))
                    .count();
                shared as f64 / needle_words.len() as f64
            };
            let score = jw.max(0.6 + 0.4 * overlap * (overlap >= 0.5) as u8 as f64);
            (score >= 0.8).then_some((score, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// "did you mean `a`, `b` or `c`?" or an empty string.
pub fn did_you_mean(options: &[&str]) -> String {
    match options {
        [] => String::new(),
        [one] => format!("did you mean `{one}`?"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|o| format!("`{o}`")).collect();
            format!("did you mean {} or `{last}`?", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_partial_ids() {
        let ids = [
            "angry-customer-call-center",
            "tell-me-about-yourself",
            "star-method",
        ];
        assert_eq!(
            closest("angry-custmer-call-center", ids, 3)[0],
            "angry-customer-call-center"
        );
        assert_eq!(
            closest("angry-customer", ids, 3),
            vec!["angry-customer-call-center"]
        );
        assert!(closest("zzzz", ids, 3).is_empty());
    }

    #[test]
    fn phrases_the_suggestion() {
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&["a"]), "did you mean `a`?");
        assert_eq!(
            did_you_mean(&["a", "b", "c"]),
            "did you mean `a`, `b` or `c`?"
        );
    }
}
