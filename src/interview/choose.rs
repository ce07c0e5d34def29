//! Choosing questions for a job ad and for a mock interview: the questions that cover the
//! posting's asks first (each pick the one covering most asks not yet covered), competencies
//! spread over the interview (no two questions led by the same tag), ties broken by a seed.

use crate::bank::{Catalog, Filter, Kind, Question};
use crate::jobad::JobAd;
use crate::rng::Rng;

use super::plan::{InterviewPlan, Stage};

/// A question chosen, the stage it is asked at, the suggested seconds, and the asks of the
/// posting it covers (ids) that no question before it covered.
#[derive(Debug, Clone)]
pub struct Chosen<'a> {
    pub stage: Stage,
    pub question: Option<&'a Question>,
    pub seconds: u32,
    pub covers: Vec<String>,
}

/// The asks of `ad` a question covers.
pub fn covers(ad: Option<&JobAd>, q: &Question) -> Vec<String> {
    ad.map(|ad| ad.covered_by(&q.tags).map(|a| a.id.clone()).collect())
        .unwrap_or_default()
}

/// Picks from `pool` the question covering most of the asks not in `covered`, avoiding lead
/// tags in `used`; `pool` is shuffled already, so ties go to the seed.
fn best<'a>(
    pool: &[&'a Question],
    ad: Option<&JobAd>,
    covered: &[String],
    used: &[String],
) -> Option<&'a Question> {
    let fresh = |q: &Question| {
        covers(ad, q)
            .iter()
            .filter(|a| !covered.contains(a))
            .count()
    };
    let lead_used = |q: &Question| q.tags.first().is_some_and(|t| used.contains(t));
    pool.iter()
        .copied()
        .enumerate()
        .max_by_key(|(i, q)| (fresh(q), !lead_used(q), usize::MAX - i))
        .map(|(_, q)| q)
}

/// The order of a practice session for a job ad: `first`, then a question for each ask left
/// (the best cover each time), then the rest of `rest` as drawn.
pub fn for_practice<'a>(
    ad: &JobAd,
    first: Vec<&'a Question>,
    rest: Vec<&'a Question>,
) -> Vec<&'a Question> {
    let mut covered: Vec<String> = first.iter().flat_map(|q| covers(Some(ad), q)).collect();
    let mut used: Vec<String> = Vec::new();
    let mut out = first;
    let mut pool: Vec<&Question> = rest
        .into_iter()
        .filter(|q| !out.iter().any(|f| f.id == q.id))
        .collect();
    while let Some(q) = best(&pool, Some(ad), &covered, &used) {
        let new: Vec<String> = covers(Some(ad), q)
            .into_iter()
            .filter(|a| !covered.contains(a))
            .collect();
        if new.is_empty() {
            break;
        }
        covered.extend(new);
        used.extend(q.tags.first().cloned());
        pool.retain(|p| p.id != q.id);
        out.push(q);
    }
    out.extend(pool);
    out
}

/// The questions of a mock interview: a question per stage of `plan` (the opener from its
/// openers, the closing question the interviewer's own), from the questions `filter` allows.
pub fn for_interview<'a>(
    catalog: &'a Catalog,
    filter: &Filter,
    plan: &InterviewPlan,
    ad: Option<&JobAd>,
    seed: u64,
    seconds: Option<u32>,
) -> Vec<Chosen<'a>> {
    let mut rng = Rng::new(seed);
    let mut covered: Vec<String> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut taken: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for s in &plan.stages {
        let question = match s.stage {
            Stage::Closing => None,
            Stage::Opener => plan
                .openers
                .iter()
                .filter_map(|id| catalog.get(id))
                .find(|q| filter.matches(q))
                .or_else(|| {
                    pick(
                        catalog,
                        filter,
                        Kind::General,
                        &taken,
                        &mut rng,
                        ad,
                        &covered,
                        &used,
                    )
                }),
            stage => stage
                .kind()
                .and_then(|k| pick(catalog, filter, k, &taken, &mut rng, ad, &covered, &used)),
        };
        if s.stage != Stage::Closing && question.is_none() {
            continue;
        }
        let new: Vec<String> = question
            .map(|q| covers(ad, q))
            .unwrap_or_default()
            .into_iter()
            .filter(|a| !covered.contains(a))
            .collect();
        if let Some(q) = question {
            taken.push(&q.id);
            used.extend(q.tags.first().cloned());
        }
        covered.extend(new.iter().cloned());
        out.push(Chosen {
            stage: s.stage,
            question,
            seconds: seconds.unwrap_or(s.seconds),
            covers: new,
        });
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn pick<'a>(
    catalog: &'a Catalog,
    filter: &Filter,
    kind: Kind,
    taken: &[&str],
    rng: &mut Rng,
    ad: Option<&JobAd>,
    covered: &[String],
    used: &[String],
) -> Option<&'a Question> {
    let mut pool: Vec<&Question> = catalog
        .questions()
        .filter(|q| q.kind == kind && filter.matches(q) && !taken.contains(&q.id.as_str()))
        .collect();
    rng.shuffle(&mut pool);
    best(&pool, ad, covered, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::plan;

    #[test]
    fn an_interview_follows_the_plan_spreads_competencies_and_covers_the_ad_first() {
        let c = Catalog::embedded().unwrap();
        let p = &plan::shipped().interview;
        let ad = crate::jobad::read(
            "Customer Care Agent\n\nAnswer inbound calls, de-escalate upset customers and keep CSAT high.\n",
            &[],
        );
        for seed in 0..20 {
            let chosen = for_interview(&c, &Filter::default(), p, Some(&ad), seed, None);
            let stages: Vec<Stage> = chosen.iter().map(|x| x.stage).collect();
            let planned: Vec<Stage> = p.stages.iter().map(|s| s.stage).collect();
            assert_eq!(stages, planned);
            assert_eq!(chosen[0].question.unwrap().id, "tell-me-about-yourself");
            let leads: Vec<&str> = chosen
                .iter()
                .filter(|x| matches!(x.stage, Stage::Behavioral | Stage::Situational))
                .map(|x| x.question.unwrap().tags[0].as_str())
                .collect();
            let mut distinct = leads.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), leads.len(), "seed {seed}: {leads:?}");
            // Every ask is covered by some question.
            let covered: Vec<&String> = chosen.iter().flat_map(|x| &x.covers).collect();
            assert_eq!(covered.len(), ad.asks.len(), "seed {seed}: {covered:?}");
            assert!(chosen.last().unwrap().question.is_none());
        }
    }
}
