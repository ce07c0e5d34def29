//! Reading a pasted job posting (plain text or Markdown): the competencies and terms it asks
//! for, the experience level it wants, the job title and the company, so an interview can
//! choose the questions that posting will bring and the debrief can say which of its asks each
//! answer speaks to.
//!
//! What is looked for is data ([`lexicon`]: `prompts/interview/job-ad.toml`), plus the banks'
//! own tags where a posting names them. Parts that are not about the job (benefits, legal
//! statements, how to apply) are skipped and reported, so "disability" in an equal-opportunity
//! statement is not read as an ask.
//!
//! ```
//! use starcoach::jobad;
//!
//! let ad = jobad::read(
//!     "# Customer Care Agent\n\nAnswer inbound calls and de-escalate upset customers.\n\
//!      No experience required: paid training.\n",
//!     &[],
//! );
//! assert_eq!(ad.title.as_deref(), Some("Customer Care Agent"));
//! let asks: Vec<&str> = ad.asks.iter().map(|a| a.id.as_str()).collect();
//! assert_eq!(asks, ["inbound-calls", "de-escalation"]);
//! assert_eq!(ad.level.unwrap().level, starcoach::rubric::Level::Entry);
//! ```

pub mod lexicon;

use serde::Serialize;

use crate::rubric::Level;
use lexicon::Lexicon;

/// Something the posting asks for, and where it says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ask {
    pub id: String,
    pub label: String,
    /// Bank tags of the questions that cover it.
    pub tags: Vec<String>,
    /// The posting's words for it: (line, words), first few.
    pub evidence: Vec<(usize, String)>,
}

/// The level the posting asks for, and the words that show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelFinding {
    pub level: Level,
    pub evidence: String,
    pub line: usize,
}

/// A part of the posting not read for asks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The section's heading, or "legal text".
    pub what: String,
    pub first_line: usize,
    pub last_line: usize,
}

/// What was read in a posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobAd {
    pub title: Option<String>,
    pub company: Option<String>,
    /// In the order the posting first mentions them.
    pub asks: Vec<Ask>,
    pub level: Option<LevelFinding>,
    pub skipped: Vec<Skipped>,
    /// Words of the posting that were read (skipped parts left out).
    pub words: usize,
    /// Too little of a customer-service job to tailor an interview to (another kind of job).
    pub little: bool,
}

impl JobAd {
    /// The ask with this id.
    pub fn ask(&self, id: &str) -> Option<&Ask> {
        self.asks.iter().find(|a| a.id == id)
    }

    /// The asks a question with `tags` covers.
    pub fn covered_by<'a>(&'a self, tags: &'a [String]) -> impl Iterator<Item = &'a Ask> {
        self.asks
            .iter()
            .filter(move |a| a.tags.iter().any(|t| tags.contains(t)))
    }
}

/// Reads a posting with the shipped lexicon; `bank_tags` are the tags of the loaded banks (a
/// posting that names one, such as "empathy", asks for it).
pub fn read(text: &str, bank_tags: &[String]) -> JobAd {
    read_with(lexicon::shipped(), text, bank_tags)
}

/// The asks of `ad` an answer speaks to: it uses the lexicon's words for the ask (its
/// `answer` or `ad` terms), or for an ask found by a bank tag, the tag's own words.
pub fn speaks_to<'a>(ad: &'a JobAd, text: &str) -> Vec<&'a Ask> {
    let lex = lexicon::shipped();
    ad.asks
        .iter()
        .filter(|a| match lex.asks.iter().find(|t| t.id == a.id) {
            Some(t) => t.answer.is_match(text) || t.ad.is_match(text),
            None => lexicon::terms_regex(std::slice::from_ref(&a.label))
                .is_ok_and(|re| re.is_match(text)),
        })
        .collect()
}

/// One line of the posting, as read.
struct Line<'t> {
    number: usize,
    text: &'t str,
    /// Read for asks (not in a skipped section or legal text).
    read: bool,
}

/// Reads a posting with `lex`.
pub fn read_with(lex: &Lexicon, text: &str, bank_tags: &[String]) -> JobAd {
    let (lines, skipped) = sections(lex, text);
    let read: Vec<&Line> = lines.iter().filter(|l| l.read).collect();
    let mut asks: Vec<(usize, Ask)> = Vec::new();
    for a in &lex.asks {
        let mut evidence = Vec::new();
        for l in &read {
            for m in lexicon::find_terms(&a.ad, l.text) {
                if evidence.len() < 3
                    && !evidence
                        .iter()
                        .any(|(_, w): &(usize, String)| w.eq_ignore_ascii_case(m.as_str()))
                {
                    evidence.push((l.number, m.as_str().to_string()));
                }
            }
        }
        if let Some(&(first, _)) = evidence.first() {
            asks.push((
                first,
                Ask {
                    id: a.id.clone(),
                    label: a.label.clone(),
                    tags: a.tags.clone(),
                    evidence,
                },
            ));
        }
    }
    // A bank tag the posting names and no ask found covers is an ask of its own.
    for tag in bank_tags {
        if asks.iter().any(|(_, a)| a.tags.contains(tag)) {
            continue;
        }
        let Ok(re) = lexicon::terms_regex(&[tag.replace('-', " ")]) else {
            continue;
        };
        if let Some((n, m)) = read.iter().find_map(|l| {
            lexicon::find_terms(&re, l.text)
                .next()
                .map(|m| (l.number, m.as_str().to_string()))
        }) {
            asks.push((
                n,
                Ask {
                    id: tag.clone(),
                    label: tag.replace('-', " "),
                    tags: vec![tag.clone()],
                    evidence: vec![(n, m)],
                },
            ));
        }
    }
    asks.sort_by_key(|(first, _)| *first);
    let asks: Vec<Ask> = asks.into_iter().map(|(_, a)| a).collect();
    let service: usize = read
        .iter()
        .map(|l| lexicon::find_terms(&lex.service, l.text).count())
        .sum();
    let words = read.iter().map(|l| l.text.split_whitespace().count()).sum();
    JobAd {
        title: title(lex, &lines),
        company: company(lex, &lines),
        little: asks.len() < lex.min_asks || service < lex.min_service,
        level: level(lex, &lines),
        asks,
        skipped,
        words,
    }
}

/// A line without its Markdown marks: heading `#`s, list bullets, emphasis.
fn plain(line: &str) -> &str {
    let t = line.trim();
    let t = t.trim_start_matches('#').trim_start();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("• "))
        .or_else(|| t.strip_prefix("+ "))
        .unwrap_or(t);
    t.trim_matches(|c| c == '*' || c == '_').trim()
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "• ", "+ "].iter().any(|b| t.starts_with(b))
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line is a heading: Markdown `#`, a whole bold line, a short line ending in `:`,
/// or a short line of a few words without end punctuation that is not a list item.
fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.starts_with('#') {
        return true;
    }
    if t.starts_with("**") && t.ends_with("**") && t.len() > 4 {
        return true;
    }
    let p = plain(t);
    let words = p.split_whitespace().count();
    if p.ends_with(':') && words <= 8 {
        return true;
    }
    !is_bullet(t)
        && words <= 5
        && !p.ends_with(['.', '!', '?', ',', ';'])
        && p.chars().next().is_some_and(char::is_uppercase)
}

/// The lines of the posting, each marked read or not, and the parts skipped: a section whose
/// heading names a skipped part (up to the next heading), and legal text (its paragraph, or
/// its list item).
fn sections<'t>(lex: &Lexicon, text: &'t str) -> (Vec<Line<'t>>, Vec<Skipped>) {
    let mut lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line {
            number: i + 1,
            text: t,
            read: true,
        })
        .collect();
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if is_heading(l.text) && lex.skip_sections.is_match(plain(l.text)) {
            let what = plain(l.text).trim_end_matches(':').to_string();
            let start = i;
            i += 1;
            while i < lines.len() && !is_heading(lines[i].text) {
                i += 1;
            }
            for l in &mut lines[start..i] {
                l.read = false;
            }
            skipped.push(Skipped {
                what,
                first_line: start + 1,
                last_line: last_text_line(&lines[start..i]),
            });
            continue;
        }
        i += 1;
    }
    // Legal text: the paragraph it is in (a list item on its own).
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].text.trim().is_empty() {
            i += 1;
        }
        let block = start..i;
        let bullets = lines[block.clone()].iter().all(|l| is_bullet(l.text));
        let legal: Vec<usize> = block
            .clone()
            .filter(|&j| lines[j].read && lex.legal.is_match(lines[j].text))
            .collect();
        if legal.is_empty() {
            continue;
        }
        let range: Vec<usize> = if bullets { legal } else { block.collect() };
        let (first, last) = (range[0], *range.last().unwrap_or(&range[0]));
        for &j in &range {
            lines[j].read = false;
        }
        // Legal paragraphs one after the other are one part.
        match skipped.last_mut() {
            Some(s)
                if s.what == "legal text"
                    && lines[s.last_line..first]
                        .iter()
                        .all(|l| l.text.trim().is_empty()) =>
            {
                s.last_line = last + 1;
            }
            _ => skipped.push(Skipped {
                what: "legal text".into(),
                first_line: first + 1,
                last_line: last + 1,
            }),
        }
    }
    skipped.sort_by_key(|s| s.first_line);
    (lines, skipped)
}

fn last_text_line(lines: &[Line]) -> usize {
    lines
        .iter()
        .rev()
        .find(|l| !l.text.trim().is_empty())
        .map_or(0, |l| l.number)
}

/// The job title: a title field, else the first heading.
fn title(lex: &Lexicon, lines: &[Line]) -> Option<String> {
    for l in lines {
        for re in &lex.title {
            if let Some(c) = re.captures(plain(l.text)).and_then(|c| c.get(1)) {
                return Some(tidy(c.as_str()));
            }
        }
    }
    let first = lines.iter().find(|l| !l.text.trim().is_empty())?;
    let p = plain(first.text);
    (is_heading(first.text) || p.split_whitespace().count() <= 10)
        .then(|| tidy(split_at_company(p)))
        .filter(|t| !t.is_empty())
}

/// "Customer Service Representative at Brightline" -> "Customer Service Representative".
fn split_at_company(t: &str) -> &str {
    for sep in [" at ", " - ", " – ", " | ", " with "] {
        if let Some((a, _)) = t.split_once(sep) {
            return a;
        }
    }
    t
}

/// The company: a company field, else the first sentence that names one.
fn company(lex: &Lexicon, lines: &[Line]) -> Option<String> {
    for re in &lex.company {
        for l in lines {
            if let Some(c) = re.captures(plain(l.text)).and_then(|c| c.get(1)) {
                let name = tidy(c.as_str());
                if !name.is_empty() && !is_common_word(&name) {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Capitalized words that open a sentence rather than name a company.
fn is_common_word(name: &str) -> bool {
    const COMMON: [&str; 12] = [
        "we", "our", "the", "you", "your", "this", "us", "a", "an", "team", "it", "they",
    ];
    COMMON.contains(&name.to_lowercase().as_str())
}

fn tidy(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '.' || c == ',' || c == '!')
        .trim()
        .to_string()
}

/// The level the posting asks for: a senior cue, else the years of experience asked for,
/// else an entry cue; years below the experienced threshold with an entry cue are entry.
fn level(lex: &Lexicon, lines: &[Line]) -> Option<LevelFinding> {
    let lines: Vec<&Line> = lines.iter().filter(|l| l.read).collect();
    let find = |re: &regex::Regex| {
        lines.iter().find_map(|l| {
            lexicon::find_terms(re, l.text)
                .next()
                .map(|m| LevelFinding {
                    level: Level::Entry,
                    evidence: m.as_str().to_string(),
                    line: l.number,
                })
        })
    };
    if let Some(f) = find(&lex.senior) {
        return Some(LevelFinding {
            level: Level::Senior,
            ..f
        });
    }
    let years = lines
        .iter()
        .find_map(|l| years(l.text).map(|(n, w)| (n, w, l.number)));
    let entry = find(&lex.entry);
    match (years, entry) {
        (Some((n, words, line)), entry) if n >= lex.years.experienced => {
            let level = if n >= lex.years.senior {
                Level::Senior
            } else {
                Level::Experienced
            };
            match entry {
                Some(e) if level == Level::Experienced && n <= lex.years.experienced => Some(e),
                _ => Some(LevelFinding {
                    level,
                    evidence: words,
                    line,
                }),
            }
        }
        (_, Some(e)) => Some(e),
        _ => None,
    }
}

/// The years of experience a line asks for ("2+ years of experience", "at least one year in a
/// call center", "1-2 years"): the smallest number, and the words.
fn years(line: &str) -> Option<(u32, String)> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|plus)?\s*(?:(?:-|–|to|or)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*)?\+?\s*(?:years?|yrs?)\b",
        )
        .expect("a valid regex")
    });
    // Years that tell the company's history, not what the job asks for.
    let lower = line.to_lowercase();
    const HISTORY: [&str; 8] = [
        "ago",
        "founded",
        "for over",
        "for more than",
        "history",
        "since 1",
        "since 2",
        "serving",
    ];
    if HISTORY.iter().any(|h| lower.contains(h)) {
        return None;
    }
    let m = re.captures(line)?;
    let n = match m[1].to_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        d => d.parse().ok()?,
    };
    Some((n, m[0].trim().to_string()))
}

#[cfg(test)]
mod tests;
