//! What the coach says about the question's areas: it asserts only what the answer really
//! leaves out, and asks about an area the answer may cover in other words ("Did you describe
//! what had set the caller off?") instead of calling it missing.

use super::Fix;
use crate::analyze::{Analysis, AreaCoverage};
use crate::rubric::Rule;

/// What the coach suggests when it can only ask.
const ASKED: &str = "If you did, say it in plain words, the way the interviewer listens for it; if not, add a sentence on it.";

/// Rewords the fix of a coverage rule when some areas have weak evidence.
pub(super) fn reword(fix: &mut Fix, analysis: &Analysis, rule: &Rule) {
    let open = |weak: bool| -> Vec<&AreaCoverage> {
        analysis
            .areas
            .iter()
            .filter(|a| !a.covered && a.weak == weak)
            .collect()
    };
    let (missing, weak) = (open(false), open(true));
    if weak.is_empty() {
        return;
    }
    let asks = weak
        .iter()
        .take(2)
        .map(|a| ask(&a.text))
        .collect::<Vec<_>>()
        .join(" ");
    if missing.is_empty() {
        fix.message = asks;
        fix.suggestion = ASKED.to_string();
    } else if only_key(&rule.message, "{missing}") {
        let list = missing
            .iter()
            .take(2)
            .map(|a| lower_first(a.text.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join("; ");
        fix.message = format!("{} {asks}", rule.message.replace("{missing}", &list));
    }
}

/// Whether `key` is the only `{...}` value `template` names.
fn only_key(template: &str, key: &str) -> bool {
    template.contains(key) && template.replace(key, "").find('{').is_none()
}

/// An area's checklist line as a question: "Describe what set her off." -> "Did you describe
/// what set her off?"
pub fn ask(line: &str) -> String {
    let body = line.trim().trim_end_matches(['.', '!', '?', ':']);
    match body.split_once(' ') {
        Some((verb, rest)) if verb.eq_ignore_ascii_case("be") => format!("Were you {rest}?"),
        _ => format!("Did you {}?", lower_first(body)),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // "I" and names stay as written; a checklist line starts with a verb.
        Some(f) if c.clone().next().is_some_and(char::is_lowercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checklist_line_becomes_a_question() {
        assert_eq!(
            ask("Describe what had set the caller off in the first place."),
            "Did you describe what had set the caller off in the first place?"
        );
        assert_eq!(
            ask("Be honest about what went wrong."),
            "Were you honest about what went wrong?"
        );
    }
}
