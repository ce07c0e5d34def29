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
    use crate::analyze::Analyzer;
    use crate::bank::Catalog;
    use crate::rubric::{RubricSet, Spec};

    /// The coverage fix the coach gives `answer` to the angry-caller question.
    fn coverage_fix(answer: &str) -> (Fix, Analysis) {
        let rubrics = RubricSet::embedded().unwrap();
        let catalog = Catalog::embedded().unwrap();
        let q = catalog.get("angry-customer-call-center").unwrap();
        let rubric = rubrics.for_kind(q.kind);
        let a = Analyzer::new(&rubrics).analyze(answer, Some(q));
        let rule = rubric
            .rules
            .iter()
            .find(|r| matches!(r.spec, Spec::Coverage))
            .unwrap();
        let f = a.findings.iter().find(|f| f.rule == rule.id).unwrap();
        let mut fix = Fix {
            rule: f.rule.clone(),
            dimension: f.dimension,
            severity: f.severity,
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
            span: f.span.clone(),
            quote: None,
        };
        reword(&mut fix, &a, rule);
        (fix, a)
    }

    /// "She listened to my explanation" is listening, but not the candidate's own step: the
    /// coach asks whether the answer said how they responded first, and asserts only the rest.
    #[test]
    fn weak_evidence_is_asked_about_not_called_missing() {
        let (fix, a) = coverage_fix(
            "A caller was furious about a double charge. In the end she listened to my \
             explanation.",
        );
        let first = &a.areas[1];
        assert!(first.weak && !first.covered, "{:?}", a.areas);
        assert!(
            fix.message
                .ends_with("Did you tell how you responded in the first moments of the call?"),
            "{}",
            fix.message
        );
        assert!(
            fix.message
                .starts_with("Parts of the question are not covered yet: name the calming"),
            "{}",
            fix.message
        );
        assert_eq!(
            fix.message.matches("first moments").count(),
            1,
            "{}",
            fix.message
        );
    }

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
