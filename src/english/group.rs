//! From findings (Harper's, mapped, and the patterns') to notes: overlapping findings merged,
//! the rest grouped by kind, the groups ranked (the kind's weight, then how often), and each
//! note given its first examples, quoted and corrected.

use std::collections::BTreeMap;
use std::ops::Range;

use super::rules::Rules;
use super::{Dialect, Example, KindCount, Language, Note};

/// One mistake found in the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The kind of note (an id of the rules).
    pub kind: String,
    /// Byte range of the words it is about.
    pub span: Range<usize>,
    /// What the words should be.
    pub fix: String,
    /// Quote a word on each side too (Harper's findings are often a single word).
    pub widen: bool,
    /// The Harper rule or pattern id that found it.
    pub rule: String,
    /// Harper's own message, when it is Harper's.
    pub detail: Option<String>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Merges overlapping findings: of two of the same kind the first is kept; a finding of a kind
/// that `yields` gives way to one of another kind; on the very same words the heavier kind wins.
pub fn merge(mut findings: Vec<Finding>, rules: &Rules) -> Vec<Finding> {
    findings.sort_by_key(|a| (a.span.start, a.span.end));
    let yields = |k: &str| rules.kind(k).is_some_and(|k| k.yields);
    let mut kept: Vec<Finding> = Vec::new();
    for f in findings {
        if rules.kind(&f.kind).is_none() {
            continue;
        }
        let clash: Vec<usize> = (0..kept.len())
            .filter(|&i| overlaps(&kept[i].span, &f.span))
            .collect();
        let beaten = clash.iter().any(|&i| {
            let k = &kept[i];
            k.kind == f.kind
                || match (yields(&k.kind), yields(&f.kind)) {
                    (false, true) => true,
                    (true, false) => false,
                    _ => k.span == f.span && rules.weight(&k.kind) >= rules.weight(&f.kind),
                }
        });
        if beaten {
            continue;
        }
        // What gives way to this one: a yielding kind, or the same words of a lighter kind.
        let losers: Vec<usize> = clash
            .into_iter()
            .filter(|&i| {
                let k = &kept[i];
                (yields(&k.kind) && !yields(&f.kind))
                    || (k.span == f.span && yields(&k.kind) == yields(&f.kind))
            })
            .collect();
        for i in losers.into_iter().rev() {
            kept.remove(i);
        }
        kept.push(f);
    }
    kept
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// `span` with the word on each side, within the same line and not across punctuation.
pub fn widen(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start;
    let before = &text[..start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.len() < before.len() && trimmed.ends_with(is_word_char) {
        let word_start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map_or(trimmed.len(), |(i, _)| i);
        start = word_start;
    }
    let mut end = span.end;
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if trimmed.len() < after.len() && trimmed.starts_with(is_word_char) {
        let skip = after.len() - trimmed.len();
        let word: usize = trimmed
            .chars()
            .take_while(|c| is_word_char(*c))
            .map(char::len_utf8)
            .sum();
        end += skip + word;
    }
    start..end
}

/// The quoted words of `f` and the same words corrected: `f`'s fix and every other finding
/// inside the quote that does not overlap an earlier one.
fn example(text: &str, f: &Finding, all: &[Finding]) -> Example {
    let window = if f.widen {
        widen(text, &f.span)
    } else {
        f.span.clone()
    };
    let mut applied: Vec<&Finding> = vec![f];
    for g in all {
        let inside = window.start <= g.span.start && g.span.end <= window.end;
        if inside && !applied.iter().any(|a| overlaps(&a.span, &g.span)) {
            applied.push(g);
        }
    }
    applied.sort_by_key(|a| std::cmp::Reverse(a.span.start));
    let mut fixed = text[window.clone()].to_string();
    for a in applied {
        let (s, e) = (a.span.start - window.start, a.span.end - window.start);
        fixed.replace_range(s..e, &a.fix);
    }
    Example {
        span: window.clone(),
        quote: text[window].to_string(),
        fix: fixed,
    }
}

/// The notes on an answer whose findings are `findings` (Harper's and the patterns').
pub fn language(text: &str, findings: Vec<Finding>, rules: &Rules, dialect: Dialect) -> Language {
    let findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            f.span.start < f.span.end
                && text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end)
                && f.span.end <= text.len()
        })
        .collect();
    let kept = merge(findings, rules);
    let mut groups: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &kept {
        groups.entry(&f.kind).or_default().push(f);
    }
    let mut ranked: Vec<(&str, Vec<&Finding>)> = groups.into_iter().collect();
    ranked.sort_by(|(a, fa), (b, fb)| {
        rules
            .weight(b)
            .cmp(&rules.weight(a))
            .then(fb.len().cmp(&fa.len()))
            .then(fa[0].span.start.cmp(&fb[0].span.start))
    });
    let s = &rules.settings;
    let notes = ranked
        .iter()
        .take(s.max_notes)
        .map(|(kind, fs)| note(text, kind, fs, &kept, rules, dialect))
        .collect();
    let kinds = ranked
        .iter()
        .map(|(kind, fs)| KindCount {
            kind: kind.to_string(),
            title: rules.kind(kind).map_or(String::new(), |k| k.title.clone()),
            count: fs.len(),
        })
        .collect();
    let words = super::count_words(text);
    let per_100_words = if words == 0 {
        0.0
    } else {
        (kept.len() as f64 * 1000.0 / words as f64).round() / 10.0
    };
    Language {
        dialect,
        words,
        findings: kept.len(),
        per_100_words,
        lead: words >= s.lead_min_words && per_100_words >= s.lead_per_100_words,
        notes,
        kinds,
    }
}

fn note(
    text: &str,
    kind: &str,
    fs: &[&Finding],
    all: &[Finding],
    rules: &Rules,
    dialect: Dialect,
) -> Note {
    let k = rules.kind(kind).expect("merge keeps known kinds only");
    let mut examples: Vec<Example> = Vec::new();
    for f in fs {
        if examples.len() >= rules.settings.examples {
            break;
        }
        let e = example(text, f, all);
        if !examples
            .iter()
            .any(|x| x.quote.eq_ignore_ascii_case(&e.quote))
        {
            examples.push(e);
        }
    }
    let suggestion = examples
        .iter()
        .map(|e| format!("“{}”", e.fix))
        .collect::<Vec<_>>()
        .join("; ");
    Note {
        kind: kind.to_string(),
        title: k.title.clone(),
        message: k.message.replace("{dialect}", dialect_name(dialect)),
        suggestion,
        count: fs.len(),
        examples,
        hits: fs.iter().map(|f| f.span.clone()).collect(),
        detail: fs.iter().find_map(|f| f.detail.clone()),
    }
}

fn dialect_name(d: Dialect) -> &'static str {
    match d {
        Dialect::American => "American",
        Dialect::British => "British",
        Dialect::Australian => "Australian",
        Dialect::Canadian => "Canadian",
        Dialect::Indian => "Indian",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: &str, span: Range<usize>, fix: &str) -> Finding {
        Finding {
            kind: kind.into(),
            span,
            fix: fix.into(),
            widen: true,
            rule: "test".into(),
            detail: None,
        }
    }

    fn rules() -> Rules {
        Rules::embedded().unwrap()
    }

    #[test]
    fn the_same_kind_twice_on_the_same_words_is_one_finding() {
        // Harper's CapitalizePersonalPronouns and SentenceCapitalization on one "i".
        let kept = merge(
            vec![f("capital-i", 0..1, "I"), f("capital-i", 0..1, "I")],
            &rules(),
        );
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn spelling_gives_way_to_a_finding_of_another_kind_on_the_same_word() {
        // "buyed": a tense finding and a spelling one.
        let kept = merge(
            vec![f("spelling", 8..13, "bayed"), f("tense", 8..13, "bought")],
            &rules(),
        );
        assert_eq!(kept, [f("tense", 8..13, "bought")]);
        let kept = merge(
            vec![f("tense", 8..13, "bought"), f("spelling", 8..13, "bayed")],
            &rules(),
        );
        assert_eq!(kept, [f("tense", 8..13, "bought")]);
    }

    #[test]
    fn spelling_gives_way_even_to_a_kind_of_the_same_weight() {
        // "informations": a spelling finding from Harper, a word-forms one from a pattern.
        let wf = f("word-forms", 4..16, "information");
        for found in [
            vec![f("spelling", 4..16, "information's"), wf.clone()],
            vec![wf.clone(), f("spelling", 4..16, "information's")],
        ] {
            assert_eq!(merge(found, &rules()), std::slice::from_ref(&wf));
        }
    }

    #[test]
    fn different_mistakes_in_overlapping_words_are_both_kept() {
        // "i listen him": capital "I" and "listen to".
        let kept = merge(
            vec![
                f("capital-i", 0..1, "I"),
                f("prepositions", 2..12, "listen to him"),
            ],
            &rules(),
        );
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn a_quote_takes_a_word_each_side_but_not_across_punctuation() {
        let t = "Then i called. i was sure, dont you think";
        assert_eq!(&t[widen(t, &(5..6))], "Then i called");
        assert_eq!(&t[widen(t, &(15..16))], "i was");
        assert_eq!(&t[widen(t, &(27..31))], "dont you");
    }

    #[test]
    fn notes_group_by_kind_rank_by_weight_then_count_and_stop_at_three() {
        let t = "i think he say it. i dont know, i explain too much thing and colour.";
        let found = vec![
            f("capital-i", 0..1, "I"),
            f("agreement", 11..14, "says"),
            f("capital-i", 19..20, "I"),
            f("spelling", 21..25, "don't"),
            f("capital-i", 32..33, "I"),
            f("word-forms", 42..56, "too many things"),
            f("dialect", 61..67, "color"),
        ];
        let l = language(t, found, &rules(), Dialect::American);
        let kinds: Vec<&str> = l.notes.iter().map(|n| n.kind.as_str()).collect();
        assert_eq!(kinds, ["capital-i", "agreement", "spelling"]);
        assert_eq!(l.kinds.len(), 5, "every kind is counted, shown or not");
        assert_eq!(l.notes[0].count, 3);
        assert_eq!(l.notes[0].hits, [0..1, 19..20, 32..33]);
        // Two examples, each quoted with a word either side and corrected.
        let ex: Vec<(&str, &str)> = l.notes[0]
            .examples
            .iter()
            .map(|e| (e.quote.as_str(), e.fix.as_str()))
            .collect();
        assert_eq!(ex, [("i think", "I think"), ("i dont", "I don't")]);
        assert_eq!(l.notes[0].suggestion, "“I think”; “I don't”");
        assert_eq!(l.notes[1].examples[0].fix, "he says it");
        assert_eq!(l.findings, 7);
        assert_eq!(l.words, 15);
        assert_eq!(l.per_100_words, 46.7);
        assert!(!l.lead, "too short to lead, however many mistakes");
    }

    #[test]
    fn many_mistakes_per_100_words_in_a_long_answer_lead() {
        let t = "i called the customer back the next day and we fixed the problem. ".repeat(3);
        let found: Vec<Finding> = (0..3)
            .map(|i| f("capital-i", i * 66..i * 66 + 1, "I"))
            .collect();
        assert_eq!(&t[66..67], "i");
        let l = language(&t, found.clone(), &rules(), Dialect::American);
        assert_eq!(l.words, 39);
        assert!(l.lead, "3 in 39 words is {} per 100", l.per_100_words);
        let l = language(&t, found[..1].to_vec(), &rules(), Dialect::American);
        assert!(!l.lead, "1 in 39 words is {} per 100", l.per_100_words);
    }

    #[test]
    fn nothing_found_is_no_notes() {
        let l = language("I called him back.", Vec::new(), &rules(), Dialect::British);
        assert!(l.notes.is_empty() && l.kinds.is_empty());
        assert_eq!((l.findings, l.per_100_words), (0, 0.0));
        assert_eq!(l.dialect, Dialect::British);
    }
}
