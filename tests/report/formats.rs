//! What the report says, and its Markdown, HTML, JSON and CSV shapes.

use std::sync::OnceLock;

use super::*;

/// One seeded history shared by the tests in this file (seeding runs the binary five times).
fn history() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        seed(dir.path());
        dir
    })
    .path()
}

fn report(args: &[&str]) -> String {
    let out = bin()
        .arg("--data-dir")
        .arg(history())
        .arg("report")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_text_report_says_where_the_candidate_improved_and_what_to_do_next() {
    let text = report(&["--name", "ana", "--color", "never"]);
    assert!(
        text.starts_with("Practice progress · Ana\n3 sessions · 5 answers · 2 questions"),
        "{text}"
    );
    for part in [
        "Overall  ",
        "Each point is one session",
        "By part",
        "Improved: ",
        "Weakest lately: ",
        "Comes up most",
        "Questions (latest first)",
        "Not yet practised, by tag",
        "What to practise next",
        "$ starcoach practice --tag ",
    ] {
        assert!(text.contains(part), "missing {part:?}:\n{text}");
    }
    assert!(text.contains(&format!("  {Q1}")) && text.contains(&format!("  {Q2}")));
    assert!(!text.contains('\x1b'));
    // Ben's answer is not Ana's progress.
    assert!(!text.contains("mixes answers"));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let coloured = report(&["--color", "always"]);
    assert!(coloured.contains("\x1b["));
    let plain = bin()
        .env("NO_COLOR", "1")
        .arg("--data-dir")
        .arg(history())
        .arg("report")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!plain.contains(&0x1b));
}

#[test]
fn without_a_name_the_report_says_the_history_is_mixed() {
    let text = report(&[]);
    assert!(
        text.contains("This history mixes answers from Ana, Ben"),
        "{text}"
    );
}

#[test]
fn markdown_escapes_answers_and_keeps_tables_whole() {
    let md = report(&["--name", "Ana", "--format", "markdown"]);
    assert!(md.starts_with("# Practice progress: Ana\n"));
    for h in [
        "## What to practise next",
        "## By part",
        "## Questions",
        "## Every answer",
    ] {
        assert!(md.contains(h), "{h}");
    }
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells >= 3, "{line}");
    }
    assert!(!md.contains("<script"));
    // What is not yet practised is a sentence before the answers; the list of ids comes last.
    let at = |h: &str| md.find(h).unwrap_or_else(|| panic!("no {h}:\n{md}"));
    assert!(at("## Not yet practised\n") < at("## Every answer"));
    assert!(at("## Every answer") < at("## Every question not yet practised, by tag"));
    assert!(md.contains(" questions under ") && md.contains("the most to try: "));
}

#[test]
fn json_is_versioned_and_holds_the_selected_answers() {
    let v: serde_json::Value =
        serde_json::from_str(&report(&["--name", "Ana", "--format", "json"])).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["per"], "session");
    assert_eq!(v["filter"]["name"], "Ana");
    assert_eq!(v["sessions"].as_array().unwrap().len(), 3);
    assert_eq!(v["points"].as_array().unwrap().len(), 3);
    assert_eq!(v["attempts"].as_array().unwrap().len(), 5);
    let dims = v["dimensions"].as_array().unwrap();
    assert!(
        dims.iter()
            .all(|d| d["values"].as_array().unwrap().len() == 3)
    );
    assert!(
        dims.iter()
            .any(|d| d["dimension"] == "metrics" && d["change"].as_f64().unwrap() > 0.0)
    );
    assert!(v["next"][0]["text"].as_str().unwrap().len() > 20);
    assert!(v["untried"][0]["untried"].as_array().unwrap().len() > 1);
}

/// A small RFC 4180 reader: rows of fields.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(String::new()),
            ('\r', false) => {}
            ('\n', false) => rows.push(vec![String::new()]),
            (c, _) => row.last_mut().unwrap().push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    if rows.last().is_some_and(|r| r.len() == 1 && r[0].is_empty()) {
        rows.pop();
    }
    rows
}

#[test]
fn csv_has_one_row_per_answer_and_survives_commas_quotes_and_formulas() {
    let csv = report(&["--name", "Ana", "--format", "csv"]);
    assert!(csv.contains("\r\n"));
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 1 + 5);
    let header = &rows[0];
    assert_eq!(&header[..4], ["time", "session", "name", "question"]);
    assert_eq!(header.last().unwrap(), "answer");
    assert!(header.iter().any(|h| h == "metrics"));
    assert!(rows.iter().all(|r| r.len() == header.len()), "ragged rows");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let nasty = rows
        .iter()
        .find(|r| r[col("answer")].contains("<script>"))
        .expect("the nasty answer");
    assert_eq!(
        nasty[col("answer")],
        format!("'{NASTY}"),
        "defused, otherwise intact"
    );
    assert_eq!(nasty[col("name")], "Ana");
    assert!(nasty[col("overall")].parse::<f64>().is_ok());
}

/// Checks that a document's tags nest and close (void elements aside) and returns the names
/// of the opening tags in order; panics with the place where it breaks.
fn check_well_formed(doc: &str) -> Vec<String> {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("an unclosed <");
        let tag = &rest[..end];
        assert!(!tag.contains('<'), "a < inside a tag: {tag}");
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!name.is_empty(), "a bare < in text: <{tag}>");
        // Attribute values are quoted and hold no raw quotes or angle brackets.
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        if closing {
            let open = stack.pop();
            assert_eq!(
                open.as_deref(),
                Some(name.as_str()),
                "</{name}> closes {open:?}"
            );
            continue;
        }
        if !(VOID.contains(&name.as_str()) || tag.ends_with('/')) {
            stack.push(name.clone());
        }
        seen.push(name);
    }
    assert!(stack.is_empty(), "never closed: {stack:?}");
    seen
}

#[test]
fn the_html_report_is_well_formed_escaped_self_contained_and_has_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ana.html");
    bin()
        .arg("--data-dir")
        .arg(history())
        .args(["--name", "Ana", "report", "--format", "html", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("Wrote "));
    let html = std::fs::read_to_string(&file).unwrap();
    let tags = check_well_formed(&html);
    // The answer's <script> stays text.
    assert!(!tags.iter().any(|t| t == "script"), "a script element");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    // Nothing from elsewhere.
    for external in ["src=", "href=", "@import", "url(", "<link"] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(
        !html
            .replace("http://www.w3.org/2000/svg", "")
            .contains("http")
    );
    // Charts: the trend (one point per session), the weakest three parts, the bars.
    assert_eq!(tags.iter().filter(|t| *t == "svg").count(), 3);
    assert!(tags.iter().filter(|t| *t == "circle").count() >= 3 + 3);
    assert!(html.contains("<figcaption>Overall score</figcaption>"));
    assert!(html.contains("<figcaption>Each part of the answer</figcaption>"));
    assert!(html.contains("<figcaption>The weakest parts lately, over time</figcaption>"));
    // Every answer, coloured by STAR part, with its feedback and the rubric behind it.
    assert_eq!(html.matches("<article class=\"card attempt").count(), 5);
    assert!(html.contains("<span class=\"star-a\" title=\"action\">"));
    assert!(html.contains("<h4>Fix first</h4>"));
    assert!(html.contains("Feedback from the rubric"));
    assert!(html.contains("<code>behavioral</code>, built in"));
    for section in [
        "next",
        "trend",
        "findings",
        "questions",
        "untried",
        "answers",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\">")),
            "{section}"
        );
    }
}
