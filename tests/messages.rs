//! Messages a new user reads, through the real binary, as snapshots (`cargo insta review` when
//! one changes on purpose): words that agree with their numbers ("1 step", "a few seconds
//! spoken", "fewer than 1 per 100 words"), `questions show` naming its source, `config`
//! warning about a rubric file that is not there, the man pages and the cohort report in words.

#[path = "common/mod.rs"]
mod common;

use common::{starcoach, stderr, stdout};
use serde_json::Value;

/// The findings of `answer` (rule and message), for the rules in `rules`.
fn messages(home: &std::path::Path, kind: &str, answer: &str, rules: &[&str]) -> String {
    let out = starcoach(home)
        .args(["analyze", "--kind", kind, "--format", "json"])
        .write_stdin(answer)
        .output()
        .unwrap();
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| rules.contains(&f["rule"].as_str().unwrap()))
        .map(|f| {
            format!(
                "{}: {}",
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rubric_messages_agree_with_their_numbers() {
    let home = tempfile::tempdir().unwrap();
    let rules = [
        "delivery.very-short",
        "delivery.too-short",
        "specificity.details",
        "approach.steps",
    ];
    let short = messages(
        home.path(),
        "situational",
        "If a customer was angry, I would listen. Then we would fix it.",
        &rules,
    );
    let vague = messages(
        home.path(),
        "behavioral",
        "I was helping a caller who had an issue. I wanted to solve it. I listened and I solved \
         the issue. The caller was happy. I learned to listen.",
        &rules,
    );
    insta::assert_snapshot!(
        "rubric_messages",
        format!("# 13 words, situational\n{short}\n\n# 29 vague words, behavioral\n{vague}")
    );
    for text in [&short, &vague] {
        for wrong in [
            "about a few",
            "About a few",
            "about 0 ",
            "1 steps",
            "step(s)",
        ] {
            assert!(!text.contains(wrong), "{wrong}: {text}");
        }
    }
}

#[test]
fn the_feedback_header_says_a_few_seconds_without_about() {
    let home = tempfile::tempdir().unwrap();
    let out = starcoach(home.path())
        .args(["analyze", "--kind", "behavioral"])
        .write_stdin("I always help customers when they call.")
        .output()
        .unwrap();
    let text = stdout(&out);
    let header = text.lines().nth(1).unwrap_or("");
    insta::assert_snapshot!("feedback_header", header);
}

#[test]
fn questions_show_names_the_source_by_its_title() {
    let home = tempfile::tempdir().unwrap();
    let out = starcoach(home.path())
        .args(["questions", "show", "angry-customer-call-center"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    let top: Vec<&str> = text.lines().take(7).collect();
    insta::assert_snapshot!("questions_show_top", top.join("\n"));
    assert!(!text.contains(".txt"), "a seed file name is shown:\n{text}");
}

#[test]
fn config_warns_about_a_rubric_file_that_does_not_exist() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let missing = home.path().join("rubrics/behavioral.toml");
    std::fs::write(
        &config,
        format!("rubric = [{:?}]\n", missing.display().to_string()),
    )
    .unwrap();
    let out = starcoach(home.path())
        .env("STARCOACH_CONFIG", &config)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "needs attention");
    let shown = |s: String| s.replace(&home.path().display().to_string(), "HOME");
    let line = stdout(&out)
        .lines()
        .find(|l| l.contains("behavioral.toml"))
        .map(String::from)
        .unwrap_or_default();
    insta::assert_snapshot!(
        "config_missing_rubric",
        format!("{}\n{}", shown(line), shown(stderr(&out)))
    );
    // A file that is there gets no warning.
    std::fs::create_dir_all(missing.parent().unwrap()).unwrap();
    std::fs::write(&missing, "").unwrap();
    let out = starcoach(home.path())
        .env("STARCOACH_CONFIG", &config)
        .arg("config")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("NOT FOUND"));
}

#[test]
fn man_dir_writes_every_page_the_pages_refer_to() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("man1");
    let out = starcoach(home.path())
        .arg("man")
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    insta::assert_snapshot!("man_pages", pages.join("\n"));
    // Every page another page refers to is there.
    for page in &pages {
        let text = std::fs::read_to_string(dir.join(page)).unwrap();
        for (i, _) in text.match_indices("starcoach\\-") {
            let rest = &text[i..];
            let Some(end) = rest.find("(1)") else {
                continue;
            };
            let name = rest[..end].replace('\\', "");
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                assert!(
                    pages.contains(&format!("{name}.1")),
                    "{page} refers to {name}(1), which is not written"
                );
            }
        }
    }
    // The page printed alone refers to no page it does not come with.
    let out = starcoach(home.path()).arg("man").output().unwrap();
    let main = stdout(&out);
    assert!(main.contains(".SH SUBCOMMANDS"), "{main}");
    assert!(
        !main.contains("(1)"),
        "the printed page refers to other pages:\n{main}"
    );
    assert!(main.contains("starcoach man \\-\\-dir"), "{main}");
}

#[test]
fn the_cohort_report_speaks_in_words() {
    let home = tempfile::tempdir().unwrap();
    let answers = home.path().join("cohort.csv");
    std::fs::write(
        &answers,
        "candidate,question,answer\n\
         Ana,angry-customer-call-center,\"I would listen and apologize.\"\n\
         Ana,tell-me-about-yourself,\"I am a hard worker.\"\n\
         Ben,angry-customer-call-center,\"Customers can be rude.\"\n\
         Ben,nope,\"An answer.\"\n",
    )
    .unwrap();
    let html = home.path().join("cohort.html");
    let md = home.path().join("cohort.md");
    let csv = home.path().join("grades.csv");
    let out = starcoach(home.path())
        .arg("grade")
        .arg(&answers)
        .arg("-o")
        .arg(&html)
        .arg("-o")
        .arg(&md)
        .arg("-o")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let html = std::fs::read_to_string(&html).unwrap();
    let md = std::fs::read_to_string(&md).unwrap();
    for (what, doc) in [("HTML", &html), ("Markdown", &md)] {
        // Question text, not ids, in the questions table; the fix in words, not a rule id.
        assert!(
            doc.contains("Describe a situation where you had to handle an angry"),
            "{what}: {doc}"
        );
        for rule_id in [
            "delivery.very-short",
            "episode.hypothetical",
            "approach.present",
        ] {
            assert!(!doc.contains(rule_id), "{what} shows the rule id {rule_id}");
        }
        assert!(
            !doc.contains("none episode") && !doc.contains("1 answers"),
            "{what}"
        );
    }
    assert!(!html.contains('`'), "Markdown backquotes in the HTML");
    assert!(html.contains("<code>nope</code>"), "{html}");
    // grades.csv has the answer beside the score.
    let head = std::fs::read_to_string(&csv).unwrap();
    assert!(
        head.starts_with("candidate,question,question_text,kind,overall,band,answer,"),
        "{head}"
    );
    assert!(head.contains("I would listen and apologize."), "{head}");
}
