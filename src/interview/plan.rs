//! How a practice session and a mock interview are put together
//! (`prompts/interview/plan.toml`, embedded): the session length and opener of practice, the
//! interview's stages with their suggested times, the closing question.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::bank::Kind;
use crate::error::Error;

/// The shipped plan's text.
pub const SOURCE: &str = include_str!("../../prompts/interview/plan.toml");
const ORIGIN: &str = "embedded:prompts/interview/plan.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub practice: PracticePlan,
    pub interview: InterviewPlan,
}

/// A practice session without `--count`: how many questions, and the opener it starts with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticePlan {
    pub count: usize,
    pub openers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewPlan {
    pub openers: Vec<String>,
    pub stages: Vec<StagePlan>,
    pub closing: String,
    pub follow_up_lead: String,
}

/// One stage of the interview and its suggested time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StagePlan {
    pub stage: Stage,
    pub seconds: u32,
}

/// What a stage asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// "Tell me about yourself" (from the openers).
    Opener,
    Motivation,
    Behavioral,
    Situational,
    Career,
    Technical,
    /// "Do you have any questions for us?"
    Closing,
}

impl Stage {
    /// The bank kind a stage's question has (the opener is a general question; the closing
    /// question is the interviewer's own).
    pub fn kind(self) -> Option<Kind> {
        match self {
            Stage::Opener => Some(Kind::General),
            Stage::Motivation => Some(Kind::Motivation),
            Stage::Behavioral => Some(Kind::Behavioral),
            Stage::Situational => Some(Kind::Situational),
            Stage::Career => Some(Kind::Career),
            Stage::Technical => Some(Kind::Technical),
            Stage::Closing => None,
        }
    }
}

impl Plan {
    /// Parses a plan file.
    pub fn parse(origin: &str, text: &str) -> Result<Plan, Error> {
        let plan: Plan =
            toml::from_str(text).map_err(|e| Error::Usage(format!("{origin}: {}", e.message())))?;
        if plan.practice.count == 0 {
            return Err(Error::Usage(format!(
                "{origin}: practice.count must be at least 1"
            )));
        }
        if !plan
            .interview
            .stages
            .iter()
            .any(|s| s.stage != Stage::Closing)
        {
            return Err(Error::Usage(format!(
                "{origin}: the interview needs a question stage"
            )));
        }
        Ok(plan)
    }
}

/// The shipped plan.
pub fn shipped() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::parse(ORIGIN, SOURCE).expect("the shipped plan is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_plan_parses_and_its_openers_are_bank_questions() {
        let p = shipped();
        let c = crate::bank::Catalog::embedded().unwrap();
        for id in p.practice.openers.iter().chain(&p.interview.openers) {
            assert!(c.get(id).is_some(), "{id}");
        }
        assert_eq!(p.interview.stages[0].stage, Stage::Opener);
        assert_eq!(p.interview.stages.last().unwrap().stage, Stage::Closing);
    }

    #[test]
    fn a_plan_without_question_stages_is_refused() {
        let text = "[practice]\ncount = 3\nopeners = []\n[interview]\nopeners = []\nclosing = \"Any questions?\"\nfollow_up_lead = \"\"\nstages = [{ stage = \"closing\", seconds = 60 }]\n";
        let e = Plan::parse("x", text).unwrap_err().to_string();
        assert!(e.contains("needs a question stage"), "{e}");
    }
}
