use super::findings::template;
use super::*;
use crate::bank::Catalog;
use crate::session::AttemptRecord;

const WEAK: &str = "I always try to help customers. I think it is important to be nice.";
const STRONG: &str = "Last spring a caller was furious about a double charge on her bill. \
    My job was to fix it before she cancelled. I apologized, checked the billing log, \
    refunded the $40 the same day and set up an alert on her account. She stayed with us \
    and rated the call 5 out of 5. Since then I always check for duplicates first.";

struct Fixture {
    catalog: Catalog,
    rubrics: RubricSet,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            catalog: Catalog::embedded().unwrap(),
            rubrics: RubricSet::embedded().unwrap(),
        }
    }

    fn rec(
        &self,
        q: &str,
        answer: &str,
        session: &str,
        time: &str,
        name: Option<&str>,
    ) -> AttemptRecord {
        let q = self.catalog.get(q).unwrap();
        let analyzer = Analyzer::new(&self.rubrics);
        let a = analyzer.analyze_in(answer, Context::question(q));
        let f = feedback::coach(&a, self.rubrics.for_kind(q.kind), Some(q));
        let mut r = AttemptRecord::new(session, name, q, &a, &f);
        r.time = time.to_string();
        r
    }

    fn build(&self, records: &[AttemptRecord], filter: &Filter) -> Progress {
        Progress::build(records, filter, &self.catalog, &self.rubrics, 1_795_000_000)
    }
}

const Q1: &str = "angry-customer-call-center";
const Q2: &str = "above-and-beyond-call-center";

fn two_sessions(fx: &Fixture) -> Vec<AttemptRecord> {
    let mut retry = fx.rec(Q1, STRONG, "s1", "2026-11-10T09:02:00Z", None);
    retry.retry = true;
    retry.attempt = 2;
    vec![
        fx.rec(Q1, WEAK, "s1", "2026-11-10T09:00:00Z", None),
        retry,
        fx.rec(Q2, WEAK, "s1", "2026-11-10T09:05:00Z", None),
        fx.rec(Q1, STRONG, "s2", "2026-11-12T18:00:00Z", None),
        fx.rec(Q2, STRONG, "s2", "2026-11-12T18:04:00Z", None),
    ]
}

#[test]
fn sessions_are_points_scored_by_their_first_answers() {
    let fx = Fixture::new();
    let records = two_sessions(&fx);
    let p = fx.build(&records, &Filter::default());
    assert_eq!(p.per, Per::Session);
    assert_eq!(p.sessions.len(), 2);
    assert_eq!(p.points.len(), 2);
    assert_eq!(p.points[0].label, "Nov 10");
    // The retry in session 1 does not lift its point.
    assert_eq!(p.points[0].answers, 2);
    let weak = (records[0].overall + records[2].overall) / 2.0;
    assert!((p.points[0].overall - weak).abs() < 1e-9);
    let (first, latest) = p.overall_change().unwrap();
    assert!(latest > first + 20.0, "{first} -> {latest}");
    let metrics = p
        .dimensions
        .iter()
        .find(|d| d.dimension == Dimension::Metrics)
        .unwrap();
    assert_eq!(metrics.values.len(), 2);
    assert!(metrics.change > 50.0, "{metrics:?}");
    assert!(
        p.improved()
            .iter()
            .any(|d| d.dimension == Dimension::Metrics)
    );
}

#[test]
fn questions_show_first_best_and_latest() {
    let fx = Fixture::new();
    let p = fx.build(&two_sessions(&fx), &Filter::default());
    assert_eq!(p.questions[0].id, Q2, "most recently practised first");
    let q1 = p.questions.iter().find(|q| q.id == Q1).unwrap();
    assert_eq!(q1.answers, 3);
    assert!(q1.first < q1.best && q1.best == q1.latest);
    assert!(q1.in_catalog);
}

#[test]
fn findings_count_what_the_coach_said_first() {
    let fx = Fixture::new();
    let p = fx.build(&two_sessions(&fx), &Filter::default());
    let top = &p.findings[0];
    assert!(
        top.fix_first >= 2 && top.answers >= top.fix_first,
        "{top:?}"
    );
    assert_eq!(top.of, 5);
    assert!(!top.message.contains('{'), "{}", top.message);
    assert!(!top.suggestion.is_empty());
    // Sorted by how often it was a fix.
    assert!(
        p.findings
            .windows(2)
            .all(|w| w[0].fix_first >= w[1].fix_first)
    );
}

#[test]
fn untried_counts_the_whole_history_of_the_person_not_the_window() {
    let fx = Fixture::new();
    let records = two_sessions(&fx);
    let since = Filter {
        since: Some("2026-11-12T00:00:00Z".into()),
        ..Filter::default()
    };
    let p = fx.build(&records, &since);
    assert_eq!(p.attempts.len(), 2);
    assert!(
        p.untried
            .iter()
            .all(|g| !g.untried.iter().any(|id| id == Q1 || id == Q2))
    );
    let total: usize = fx.catalog.len();
    assert!(p.untried.iter().map(|g| g.untried.len()).max().unwrap() < total);
    // Sorted, most untried first.
    assert!(
        p.untried
            .windows(2)
            .all(|w| w[0].untried.len() >= w[1].untried.len())
    );
}

#[test]
fn next_steps_are_concrete() {
    let fx = Fixture::new();
    let records = vec![
        fx.rec(Q1, WEAK, "s1", "2026-11-10T09:00:00Z", Some("Ana")),
        fx.rec(Q2, WEAK, "s2", "2026-11-11T09:00:00Z", Some("Ana")),
    ];
    let p = fx.build(&records, &Filter::default());
    let texts: Vec<&str> = p.next.iter().map(|n| n.text.as_str()).collect();
    assert!(
        texts[0].starts_with("Start with your weakest recent answer"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.starts_with("Work on ")), "{texts:?}");
    let commands: Vec<&str> = p.next.iter().filter_map(|n| n.command.as_deref()).collect();
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("starcoach practice --question ")),
        "{commands:?}"
    );
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("starcoach practice --tag ")),
        "{commands:?}"
    );
}

/// The first fix of an answer, as the coach gave it.
fn first_fix(fx: &Fixture, q: &str, answer: &str) -> String {
    let q = fx.catalog.get(q).unwrap();
    let a = Analyzer::new(&fx.rubrics).analyze(answer, Some(q));
    let f = feedback::coach(&a, fx.rubrics.for_kind(q.kind), Some(q));
    f.fixes[0].suggestion.clone()
}

/// Regression: after answers scored 92 and 17, "what to practise next" led with the strong
/// answer's tip, and it kept suggesting fixes the candidate had already made on a retry.
#[test]
fn next_leads_with_the_weakest_answers_first_fix_and_never_a_fix_made() {
    let fx = Fixture::new();
    let records = vec![
        fx.rec(Q1, STRONG, "s1", "2026-11-10T09:00:00Z", None),
        fx.rec(Q2, WEAK, "s1", "2026-11-10T09:05:00Z", None),
    ];
    let p = fx.build(&records, &Filter::default());
    let weak_fix = first_fix(&fx, Q2, WEAK);
    assert!(p.next[0].text.contains(&weak_fix), "{:?}", p.next);
    assert_eq!(
        p.next[0].command.as_deref(),
        Some(format!("starcoach practice --question {Q2}").as_str())
    );

    // The weak answer's first fix, made by a retry: not suggested again.
    let mut retry = fx.rec(Q2, STRONG, "s1", "2026-11-10T09:08:00Z", None);
    retry.retry = true;
    retry.attempt = 2;
    let records = [records, vec![retry]].concat();
    let p = fx.build(&records, &Filter::default());
    for n in &p.next {
        assert!(!n.text.contains(&weak_fix), "{:?}", p.next);
    }
}

#[test]
fn one_session_plots_each_answer_and_names_are_kept_apart() {
    let fx = Fixture::new();
    let records = vec![
        fx.rec(Q1, WEAK, "s1", "2026-11-10T09:00:00Z", Some("Ana")),
        fx.rec(Q2, STRONG, "s1", "2026-11-10T09:03:00Z", Some("Ana")),
        fx.rec(Q2, WEAK, "s9", "2026-11-10T10:00:00Z", Some("Ben")),
    ];
    let ana = Filter {
        name: Some(" ana".into()),
        ..Filter::default()
    };
    let p = fx.build(&records, &ana);
    assert_eq!(p.per, Per::Answer);
    assert_eq!(p.points.len(), 2);
    assert_eq!(p.who(), "Ana", "the name as saved");
    assert!(p.mixed_note().is_none());
    let everyone = fx.build(&records, &Filter::default());
    assert!(everyone.mixed_note().unwrap().contains("Ana, Ben"));
}

#[test]
fn an_empty_history_suggests_starting() {
    let fx = Fixture::new();
    let p = fx.build(&[], &Filter::default());
    assert!(p.points.is_empty() && p.dimensions.is_empty());
    assert_eq!(p.next[0].command.as_deref(), Some("starcoach practice"));
    let text = text::render(&p, 80).render(false);
    assert!(text.contains("No answers match"), "{text}");
    let page = html::render(&p, &fx.catalog, &fx.rubrics);
    assert!(page.contains("No answers match"));
}

#[test]
fn templates_lose_their_placeholders() {
    assert_eq!(template("Filler words: {quotes}."), "Filler words.");
    assert_eq!(
        template("About {minutes} spoken ({words} words): short."),
        "About … spoken: short."
    );
    assert_eq!(template("No result."), "No result.");
}
