//! Job-ad extraction on postings of the shapes candidates paste (`tests/data/job-ads/`,
//! written for these tests): a short one, a long one with benefits and legal text, a posting
//! for another kind of job, and a team-lead posting.

use super::*;
use crate::rubric::Level;

fn ad(name: &str) -> JobAd {
    let path = format!("{}/tests/data/job-ads/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let catalog = crate::bank::Catalog::embedded().unwrap();
    let tags: Vec<String> = catalog.tags().into_iter().map(|(t, _)| t).collect();
    read(&text, &tags)
}

fn ids(ad: &JobAd) -> Vec<&str> {
    ad.asks.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn a_short_posting_gives_its_asks_title_company_and_entry_level() {
    let a = ad("short.txt");
    assert_eq!(a.title.as_deref(), Some("Customer Service Representative"));
    assert_eq!(a.company.as_deref(), Some("Brightline Energy"));
    assert_eq!(
        ids(&a),
        ["inbound-calls", "de-escalation", "shift-work"],
        "{:#?}",
        a.asks
    );
    let level = a.level.clone().unwrap();
    assert_eq!(level.level, Level::Entry);
    assert_eq!(level.evidence, "No experience required");
    assert!(!a.little);
    assert!(a.skipped.is_empty());
}

#[test]
fn a_long_posting_skips_benefits_and_legal_text_and_reads_experience() {
    let a = ad("long.md");
    assert_eq!(
        a.title.as_deref(),
        Some("Customer Care Specialist (Bilingual English/Spanish)")
    );
    assert_eq!(a.company.as_deref(), Some("Northwind Health Plans"));
    let found = ids(&a);
    for want in [
        "bilingual",
        "high-volume",
        "inbound-calls",
        "chat-email",
        "handle-time",
        "de-escalation",
        "ownership",
        "systems",
        "csat",
        "policy",
        "teamwork",
        "learning",
    ] {
        assert!(found.contains(&want), "{want} not in {found:?}");
    }
    // "disability", "paid holidays", "mental health" are in the benefits and legal text.
    assert!(!found.contains(&"accessibility"), "{found:?}");
    assert!(!found.contains(&"shift-work"), "{found:?}");
    let skipped: Vec<&str> = a.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(skipped, ["Benefits", "legal text"], "{:#?}", a.skipped);
    let level = a.level.clone().unwrap();
    assert_eq!(
        (level.level, level.evidence.as_str()),
        (Level::Experienced, "2+ years")
    );
    assert!(!a.little);
}

#[test]
fn a_posting_for_another_kind_of_job_has_little_to_match() {
    let a = ad("engineer.txt");
    assert!(a.little, "{:#?}", a.asks);
    assert_eq!(a.title.as_deref(), Some("Senior Backend Engineer (Rust)"));
    // "We offer": skipped, salary and all.
    assert_eq!(a.skipped.len(), 1, "{:#?}", a.skipped);
}

#[test]
fn a_team_lead_posting_is_senior() {
    let a = ad("team-lead.txt");
    assert_eq!(a.title.as_deref(), Some("Contact Center Team Lead"));
    let level = a.level.clone().unwrap();
    assert_eq!(level.level, Level::Senior, "{level:?}");
    assert!(ids(&a).contains(&"leadership"), "{:?}", ids(&a));
}

#[test]
fn years_of_experience_decide_between_entry_experienced_and_senior() {
    let level = |t: &str| read(t, &[]).level.map(|l| l.level);
    assert_eq!(
        level("Customer support agent. 1-2 years of call center experience."),
        Some(Level::Experienced)
    );
    assert_eq!(
        level("Support agent. At least five years of experience in support."),
        Some(Level::Senior)
    );
    assert_eq!(
        level("Support agent. No experience necessary; 1 year of experience is a plus."),
        Some(Level::Entry)
    );
    assert_eq!(
        level("Serving customers for over 30 years. Answer calls."),
        None
    );
    assert_eq!(level("Answer calls."), None);
}

#[test]
fn an_answer_speaks_to_the_asks_whose_words_it_uses() {
    let a = ad("short.txt");
    let said = |t: &str| -> Vec<String> { speaks_to(&a, t).iter().map(|x| x.id.clone()).collect() };
    assert_eq!(
        said("A caller was shouting on the phone, so I stayed calm and de-escalated."),
        ["inbound-calls", "de-escalation"]
    );
    assert!(said("I like working with people.").is_empty());
}
