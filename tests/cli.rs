//! The command line, run as a user runs it: `questions`, `bank check`, `rubric check`,
//! `analyze`, completions, the man page, `--help` and `--version`, with their exit codes
//! (0 done, 1 needs attention, 2 usage or runtime error, 3 invalid data file).

mod common;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// One run of the binary: its output and exit code.
struct Run {
    out: String,
    err: String,
    code: i32,
}

impl Run {
    #[track_caller]
    fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.out, self.err
        );
        self
    }

    #[track_caller]
    fn out_has(&self, needle: &str) -> &Self {
        assert!(
            self.out.contains(needle),
            "{needle:?} not in stdout:\n{}",
            self.out
        );
        self
    }

    #[track_caller]
    fn err_has(&self, needle: &str) -> &Self {
        assert!(
            self.err.contains(needle),
            "{needle:?} not in stderr:\n{}",
            self.err
        );
        self
    }

    #[track_caller]
    fn quiet(&self) -> &Self {
        assert_eq!(self.err, "", "stderr should be empty");
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.out).unwrap_or_else(|e| panic!("{e}: {}", self.out))
    }
}

/// A temp home for one test, with a way to run the binary in it.
struct Home(TempDir);

impl Home {
    fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `text` to `name` in the temp dir and returns its path.
    fn file(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in(args, None::<&[u8]>)
    }

    fn run_in(&self, args: &[&str], stdin: Option<impl AsRef<[u8]>>) -> Run {
        let mut cmd = common::starcoach(self.path());
        cmd.current_dir(self.path()).args(args);
        if let Some(s) = stdin {
            cmd.write_stdin(s.as_ref().to_vec());
        }
        let out = cmd.output().unwrap();
        Run {
            out: String::from_utf8_lossy(&out.stdout).into_owned(),
            err: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: out.status.code().unwrap_or(-1),
        }
    }
}

fn run(args: &[&str]) -> Run {
    Home::new().run(args)
}

fn all_questions() -> Vec<Value> {
    let r = run(&["questions", "--format", "json"]);
    r.code(0).quiet();
    r.json().as_array().unwrap().clone()
}

// --- questions ------------------------------------------------------------------------------

#[test]
fn questions_lists_every_question_with_its_kind() {
    let r = run(&["questions"]);
    r.code(0).quiet();
    for q in all_questions() {
        r.out_has(q["id"].as_str().unwrap());
    }
    r.out_has("behavioral").out_has("situational");
}

#[test]
fn questions_json_has_the_documented_fields() {
    let qs = all_questions();
    let required = [
        "id",
        "text",
        "kind",
        "tags",
        "source",
        "areas",
        "follow_ups",
        "tips",
        "examples",
        "bank",
    ];
    let optional = ["category", "looks_for", "hint"];
    let kinds = [
        "general",
        "behavioral",
        "situational",
        "motivation",
        "career",
        "technical",
    ];
    let probes = [
        "situation",
        "task",
        "action",
        "result",
        "metrics",
        "reflection",
        "specificity",
        "ownership",
    ];
    for q in &qs {
        let o = q.as_object().unwrap();
        for k in required {
            assert!(o.contains_key(k), "{} has no {k}", q["id"]);
        }
        for k in o.keys() {
            assert!(
                required.contains(&k.as_str()) || optional.contains(&k.as_str()),
                "{}: undocumented field {k} (docs/banks.md)",
                q["id"]
            );
        }
        assert!(kinds.contains(&q["kind"].as_str().unwrap()), "{}", q["id"]);
        for a in q["areas"].as_array().unwrap() {
            assert!(a["text"].is_string() && a["keywords"].is_array(), "{a}");
        }
        for f in q["follow_ups"].as_array().unwrap() {
            assert!(f["text"].is_string(), "{f}");
            assert!(probes.contains(&f["probes"].as_str().unwrap()), "{f}");
        }
        for e in q["examples"].as_array().unwrap() {
            assert!(e["title"].is_string() && e["text"].is_string(), "{e}");
        }
    }
}

#[test]
fn questions_json_holds_every_bank_from_the_seeds() {
    let qs = all_questions();
    let mut by_bank: HashMap<String, Vec<&Value>> = HashMap::new();
    for q in &qs {
        by_bank
            .entry(q["bank"].as_str().unwrap().to_string())
            .or_default()
            .push(q);
    }
    // The guides: every question with areas and four follow-ups, each tagged with what it probes.
    let guide: Vec<&Value> = [
        "customer-service-call-center",
        "customer-centric-roles",
        "customer-centric-call-center",
    ]
    .iter()
    .flat_map(|b| by_bank.get(*b).cloned().unwrap_or_default())
    .collect();
    assert!(guide.len() >= 45, "{} guide questions", guide.len());
    for q in &guide {
        assert_eq!(q["follow_ups"].as_array().unwrap().len(), 4, "{}", q["id"]);
        assert!(!q["areas"].as_array().unwrap().is_empty(), "{}", q["id"]);
    }
    // All 37 of the "top 36" (the source numbers 36 and has one more).
    assert_eq!(by_bank["top-36-call-center"].len(), 37);
    // The STAR article: 10 questions, 5 sample answers each.
    let star = &by_bank["star-customer-service"];
    assert_eq!(star.len(), 10);
    let samples: usize = star
        .iter()
        .map(|q| q["examples"].as_array().unwrap().len())
        .sum();
    assert_eq!(samples, 50);
}

#[test]
fn questions_filter_by_kind() {
    let r = run(&["questions", "--kind", "situational", "--format", "json"]);
    r.code(0);
    let qs = r.json();
    assert!(!qs.as_array().unwrap().is_empty());
    for q in qs.as_array().unwrap() {
        assert_eq!(q["kind"], "situational", "{}", q["id"]);
    }
    run(&["questions", "--kind", "nonsense"])
        .code(2)
        .err_has("unknown kind `nonsense`; use one of general, behavioral");
}

#[test]
fn questions_filter_by_tag() {
    let qs = run(&["questions", "--tag", "empathy", "--format", "json"]).json();
    let qs = qs.as_array().unwrap();
    assert!(qs.len() > 3);
    for q in qs {
        let tags: Vec<&str> = q["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.contains(&"empathy"), "{}: {tags:?}", q["id"]);
    }
}

#[test]
fn questions_filter_by_source_prefix() {
    let qs = run(&["questions", "--source", "003", "--format", "json"]).json();
    let qs = qs.as_array().unwrap();
    assert_eq!(qs.len(), 37);
    for q in qs {
        assert!(
            q["source"].as_str().unwrap().starts_with("003"),
            "{}",
            q["id"]
        );
    }
    // The bank id works too.
    let by_bank = run(&[
        "questions",
        "--source",
        "top-36-call-center",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(by_bank.as_array().unwrap().len(), 37);
}

#[test]
fn questions_search_needs_every_word() {
    let qs = run(&[
        "questions",
        "--search",
        "angry",
        "caller",
        "--format",
        "json",
    ])
    .json();
    let ids: Vec<&str> = qs
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"angry-customer-call-center"), "{ids:?}");
    let one = run(&["questions", "--search", "angry", "--format", "json"]).json();
    assert!(one.as_array().unwrap().len() >= ids.len());
    // A quoted phrase is split into words the same way.
    let quoted = run(&["questions", "--search", "angry caller", "--format", "json"]).json();
    assert_eq!(quoted, qs);
}

/// Regression: the text list exited 2 (a usage error) where the JSON list exited 1.
#[test]
fn questions_that_match_nothing_exit_1_in_text_too() {
    let r = run(&["questions", "--search", "zzzz"]);
    r.code(1).err_has("no questions match these filters");
    assert_eq!(r.out, "");
    assert!(!r.err.starts_with("error:"), "{}", r.err);
}

#[test]
fn questions_that_match_nothing_exit_1_in_json() {
    let r = run(&["questions", "--search", "zzzz", "--format", "json"]);
    r.code(1);
    assert_eq!(r.json(), Value::Array(vec![]));
}

#[test]
fn questions_show_prints_everything_about_one() {
    let r = run(&["questions", "show", "tell-me-about-yourself"]);
    r.code(0)
        .quiet()
        .out_has("Tell me about yourself.")
        .out_has("Cover these")
        .out_has("Tips")
        .out_has("1 example answer (show them with --examples)");
    let full = run(&[
        "questions",
        "show",
        "unreasonable-customer-star",
        "--examples",
    ]);
    full.code(0).out_has("Example: ");
    assert_eq!(full.out.matches("Example: ").count(), 5);
    let json = run(&[
        "questions",
        "show",
        "angry-customer-call-center",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["id"], "angry-customer-call-center");
    assert_eq!(json["follow_ups"].as_array().unwrap().len(), 4);
}

#[test]
fn questions_show_an_unknown_id_suggests_the_closest() {
    run(&["questions", "show", "angry-customer"])
        .code(2)
        .err_has("error: unknown question id `angry-customer`; did you mean `angry-customer-");
    run(&["questions", "show", "tel-me-about-yourself"])
        .code(2)
        .err_has("did you mean `tell-me-about-yourself`");
}

#[test]
fn questions_tags_counts_each_tag() {
    let r = run(&["questions", "tags"]);
    r.code(0).quiet();
    let empathy = r
        .out
        .lines()
        .find(|l| l.starts_with("empathy "))
        .expect("an empathy row");
    let n: usize = empathy.split_whitespace().last().unwrap().parse().unwrap();
    let tagged = run(&["questions", "--tag", "empathy", "--format", "json"]).json();
    assert_eq!(n, tagged.as_array().unwrap().len());
}

/// `starcoach ARGS` at `columns` columns.
fn at_width(columns: usize, args: &[&str]) -> Run {
    let home = Home::new();
    let mut cmd = common::starcoach(home.path());
    let out = cmd
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    Run {
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

#[track_caller]
fn fits(text: &str, columns: usize) {
    let wide: Vec<&str> = text
        .lines()
        .filter(|l| l.chars().count() > columns)
        .collect();
    assert!(
        wide.is_empty(),
        "wider than {columns}:\n{}",
        wide.join("\n")
    );
}

/// Regression: at 80 columns the list cut every question to about 26 characters ("Tell me
/// about a time…"), and at 60 to a few words.
#[test]
fn questions_list_shows_whole_questions_on_a_narrow_terminal() {
    for columns in [60, 80] {
        let r = at_width(columns, &["questions"]);
        r.code(0);
        fits(&r.out, columns);
        let flat = r.out.split_whitespace().collect::<Vec<_>>().join(" ");
        for q in all_questions() {
            let text = q["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&text),
                "at {columns}: {text:?} is not shown whole"
            );
        }
    }
}

#[test]
fn questions_list_is_one_line_a_question_on_a_wide_terminal() {
    let r = at_width(170, &["questions"]);
    r.code(0);
    fits(&r.out, 170);
    assert_eq!(r.out.lines().count(), all_questions().len());
    // With room to spare, the tags are shown too.
    let angry = r
        .out
        .lines()
        .find(|l| l.starts_with("angry-customer-call-center "))
        .unwrap();
    assert!(angry.contains("de-escalation"), "{angry}");
}

/// Regression: `questions show` printed the id line and each area's keywords whole, past the
/// edge of an 80-column terminal.
#[test]
fn questions_show_fits_a_narrow_terminal() {
    for columns in [60, 80] {
        let r = at_width(
            columns,
            &["questions", "show", "tell-me-about-yourself", "--examples"],
        );
        r.code(0).out_has("words that show it:");
        fits(&r.out, columns);
    }
}

// --- bank check -----------------------------------------------------------------------------

const GOOD_BANK: &str = r#"[bank]
id = "my-questions"
title = "Questions for our team"
source = "team wiki"

[[question]]
id = "refund-policy-caller"
text = "Tell me about a time you explained a refund policy to an upset caller."
kind = "behavioral"
tags = ["policy", "empathy"]

[[question.area]]
text = "Say what the caller wanted."
keywords = ["refund*", "wanted"]

[[question.follow_up]]
text = "What did you say first?"
probes = "action"
"#;

/// Also the regression test for "1 questions".
#[test]
fn bank_check_accepts_a_good_file_and_the_shipped_banks() {
    let home = Home::new();
    home.file("good.toml", GOOD_BANK);
    home.run(&["bank", "check", "good.toml"])
        .code(0)
        .quiet()
        .out_has("ok  good.toml  bank `my-questions`: 1 question\n");
    let prompts = concat!(env!("CARGO_MANIFEST_DIR"), "/prompts");
    let r = home.run(&["bank", "check", prompts]);
    r.code(0).quiet();
    assert_eq!(r.out.lines().count(), 5, "{}", r.out);
}

#[test]
fn bank_check_an_unknown_key_word_for_word() {
    let home = Home::new();
    home.file("bad.toml", GOOD_BANK.replace("tags = ", "tagz = "));
    let r = home.run(&["bank", "check", "bad.toml"]);
    r.code(3);
    assert_eq!(r.out, "");
    assert_eq!(
        r.err,
        "error: bad.toml:10:1: unknown field `tagz`
   |
10 | tagz = [\"policy\", \"empathy\"]
   | ^^^^
  = help: remove `tagz` or rename it; allowed keys here: one of `id`, `text`, `kind`, `tags`, `source`, `category`, `looks_for`, `hint`, `area`, `follow_up`, `tips`, `example`
"
    );
}

#[test]
fn bank_check_a_bad_kind() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace("\"behavioral\"", "\"behavioural\""),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("bad.toml:9:8: unknown variant `behavioural`")
        .err_has("= help: use one of `general`, `behavioral`");
}

#[test]
fn bank_check_a_duplicate_id() {
    let home = Home::new();
    let second = "\n[[question]]\nid = \"refund-policy-caller\"\ntext = \"Again?\"\nkind = \"general\"\ntags = [\"policy\"]\n";
    home.file("bad.toml", format!("{GOOD_BANK}{second}"));
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has(
            "bad.toml:21:6: duplicate question id `refund-policy-caller` (first used on line 7)",
        )
        .err_has("= help: ");
}

#[test]
fn bank_check_an_id_that_clashes_with_a_shipped_bank() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace("refund-policy-caller", "tell-me-about-yourself"),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("bad.toml:7:6: question id `tell-me-about-yourself` is already used in ")
        .err_has("= help: ");
}

#[test]
fn bank_check_broken_toml() {
    let home = Home::new();
    home.file(
        "bad.toml",
        GOOD_BANK.replace(
            "title = \"Questions for our team\"",
            "title = \"Questions for our team",
        ),
    );
    home.run(&["bank", "check", "bad.toml"])
        .code(3)
        .err_has("error: bad.toml:3:")
        .err_has("\n  = help: ");
}

#[test]
fn bank_check_a_missing_file_is_a_usage_error() {
    run(&["bank", "check", "no-such-bank.toml"])
        .code(2)
        .err_has("no-such-bank.toml");
}

#[test]
fn a_broken_bank_given_to_practice_is_invalid_data() {
    let home = Home::new();
    home.file("bad.toml", GOOD_BANK.replace("tags = ", "tagz = "));
    home.run(&["--bank", "bad.toml", "questions"])
        .code(3)
        .err_has("bad.toml:10:1: unknown field `tagz`");
}

#[test]
fn an_added_bank_is_listed_with_the_shipped_ones() {
    let home = Home::new();
    home.file("good.toml", GOOD_BANK);
    let r = home.run(&["--bank", "good.toml", "questions", "--format", "json"]);
    r.code(0);
    let ids: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"refund-policy-caller".to_string()));
    assert!(ids.contains(&"tell-me-about-yourself".to_string()));
}

// --- rubric check ---------------------------------------------------------------------------

/// The shipped rubrics, copied by `rubric init` into `dir` of `home`.
fn rubric_copy(home: &Home, dir: &str) -> PathBuf {
    home.run(&["rubric", "init", dir]).code(0).quiet();
    home.path().join(dir)
}

#[test]
fn rubric_check_accepts_the_shipped_rubrics() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    for name in ["common", "behavioral", "situational", "general", "career"] {
        let path = dir.join(format!("{name}.toml"));
        home.run(&["rubric", "check", path.to_str().unwrap()])
            .code(0)
            .quiet()
            .out_has(&format!("rubric `{name}`"))
            .out_has("examples hold");
    }
}

#[test]
fn rubric_check_an_invalid_regex_names_its_rule() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("career.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(r"'\b(?:team lead(?:er)?|", r"'\b(?:team lead(?:er?|", 1);
    assert_ne!(
        broken, text,
        "the fixture rule is gone from career.toml; pick another"
    );
    std::fs::write(&path, broken).unwrap();
    home.run(&["rubric", "check", path.to_str().unwrap()])
        .code(3)
        .err_has("career.toml:")
        .err_has("rule `specificity.goal`: invalid regex")
        .err_has("= help: ");
}

#[test]
fn rubric_check_a_failing_example() {
    let home = Home::new();
    let dir = rubric_copy(&home, "r");
    let path = dir.join("career.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(
        "{ text = \"In five years I see myself as a team leader.\", hits = 1 }",
        "{ text = \"In five years I see myself on a beach.\", hits = 1 }",
        1,
    );
    assert_ne!(
        broken, text,
        "the fixture example is gone from career.toml; pick another"
    );
    std::fs::write(&path, broken).unwrap();
    home.run(&["rubric", "check", path.to_str().unwrap()])
        .code(3)
        .err_has("specificity.goal")
        .err_has("example \"In five years I see myself on a beach.\": expected 1 hits, got 0")
        .err_has("= help: fix the rule, or the example if the rule is right");
}

// --- analyze --------------------------------------------------------------------------------

const ANSWER: &str = "I worked at a call center. A customer was angry about a double charge on \
her bill. I listened, apologized and checked her account. I found the duplicate and refunded $40 \
the same day. She thanked me and stayed a customer.";

fn overall(r: &Run) -> f64 {
    r.json()["overall"].as_f64().unwrap()
}

#[test]
fn analyze_empty_or_blank_input_is_a_usage_error() {
    for input in ["", "   \n\n\t \n"] {
        Home::new()
            .run_in(&["analyze"], Some(input))
            .code(2)
            .err_has("nothing to analyze: the answer is empty");
    }
}

#[test]
fn analyze_invalid_utf8_names_the_offset() {
    let home = Home::new();
    home.run_in(&["analyze"], Some(b"I helped \xff a customer".as_slice()))
        .code(2)
        .err_has("<stdin>: not valid UTF-8 text (first bad byte at offset 9)");
    home.file("latin1.txt", b"Caf\xe9 customer was upset.");
    home.run(&["analyze", "latin1.txt"])
        .code(2)
        .err_has("latin1.txt: not valid UTF-8 text (first bad byte at offset 3)");
}

#[test]
fn analyze_a_huge_file_is_refused() {
    let home = Home::new();
    home.file("huge.txt", "I helped a customer. ".repeat(250_000));
    home.run(&["analyze", "huge.txt"])
        .code(2)
        .err_has("huge.txt: the answer is over 4 MB; is this the right file?");
}

#[test]
fn analyze_a_missing_file_is_a_usage_error() {
    run(&["analyze", "no-such-answer.txt"])
        .code(2)
        .err_has("no-such-answer.txt");
}

#[test]
fn analyze_crlf_input_reads_like_lf() {
    let home = Home::new();
    let lf = home.run_in(
        &["analyze", "--format", "json"],
        Some(format!("{ANSWER}\nI learned a lot.\n")),
    );
    let crlf = home.run_in(
        &["analyze", "--format", "json"],
        Some(format!("{ANSWER}\r\nI learned a lot.\r\n")),
    );
    lf.code(0);
    crlf.code(0);
    assert_eq!(overall(&lf), overall(&crlf));
    assert_eq!(lf.json()["words"], crlf.json()["words"]);
    assert_eq!(lf.json()["star"], crlf.json()["star"]);
}

#[test]
fn analyze_markdown_drops_the_markup() {
    let home = Home::new();
    home.file(
        "answer.md",
        format!("**{ANSWER}**\n\n> I learned to listen *first*.\n"),
    );
    home.file(
        "answer.txt",
        format!("{ANSWER}\n\nI learned to listen first.\n"),
    );
    let md = home.run(&["analyze", "answer.md", "--format", "json"]);
    let txt = home.run(&["analyze", "answer.txt", "--format", "json"]);
    md.code(0);
    assert_eq!(md.json()["words"], txt.json()["words"]);
    assert_eq!(overall(&md), overall(&txt));
}

#[test]
fn analyze_json_input_carries_its_question() {
    let home = Home::new();
    let input = serde_json::json!({"answer": ANSWER, "question": "angry-customer-call-center"});
    home.file("answer.json", input.to_string());
    let r = home.run(&["analyze", "answer.json", "--format", "json"]);
    r.code(0);
    assert_eq!(r.json()["question"]["id"], "angry-customer-call-center");
    // From stdin, a leading `{` means JSON.
    let piped = home.run_in(&["analyze", "--format", "json"], Some(input.to_string()));
    assert_eq!(piped.json()["question"]["id"], "angry-customer-call-center");
    // The flag wins over the file.
    let flag = home.run(&[
        "analyze",
        "answer.json",
        "--format",
        "json",
        "--question",
        "tell-me-about-yourself",
    ]);
    assert_eq!(flag.json()["question"]["id"], "tell-me-about-yourself");
}

#[test]
fn analyze_json_input_of_the_wrong_shape_says_what_it_expects() {
    let r = Home::new().run_in(&["analyze"], Some(r#"{"answer": 3}"#));
    r.code(2)
        .err_has("<stdin>:1:")
        .err_has(r#"expected an object like {"answer": "...", "question": "an-id"}"#);
}

#[test]
fn analyze_text_markdown_and_json_outputs() {
    let home = Home::new();
    let args = [
        "analyze",
        "--question",
        "angry-customer-call-center",
        "--format",
    ];
    let text = home.run_in(&[&args[..], &["text"]].concat(), Some(ANSWER));
    text.code(0)
        .quiet()
        .out_has("Overall ")
        .out_has("STAR map")
        .out_has("Fix first");
    let md = home.run_in(&[&args[..], &["markdown"]].concat(), Some(ANSWER));
    md.code(0).quiet().out_has("# ");
    let json = home.run_in(&[&args[..], &["json"]].concat(), Some(ANSWER));
    json.code(0).quiet();
    assert_eq!(json.json()["schema_version"], 1);
}

/// Regression: a penalty rule that took nothing showed as "points -0".
#[test]
fn analyze_explain_shows_every_rule_without_negative_zero() {
    let r = Home::new().run_in(
        &[
            "analyze",
            "--question",
            "angry-customer-call-center",
            "--explain",
        ],
        Some(ANSWER),
    );
    r.code(0)
        .out_has("How the scores were reached")
        .out_has("situation.present")
        .out_has("delivery.filler");
    assert!(
        !r.out.contains("-0\n") && !r.out.contains("-0/"),
        "{}",
        r.out
    );
}

#[test]
fn analyze_fail_under_exits_1_below_the_score() {
    let home = Home::new();
    let r = home.run_in(&["analyze", "--format", "json"], Some(ANSWER));
    let score = overall(&r);
    let above = format!("{}", score.floor() - 1.0);
    let below = format!("{}", score.ceil() + 1.0);
    home.run_in(&["analyze", "--fail-under", &above], Some(ANSWER))
        .code(0);
    home.run_in(&["analyze", "--fail-under", &below], Some(ANSWER))
        .code(1);
    // Output is still printed in full.
    home.run_in(
        &["analyze", "--fail-under", "101", "--format", "json"],
        Some(ANSWER),
    )
    .code(1)
    .out_has("\"overall\"");
}

#[test]
fn analyze_an_unknown_question_suggests_the_closest() {
    Home::new()
        .run_in(&["analyze", "--question", "angry-customer"], Some(ANSWER))
        .code(2)
        .err_has("did you mean `angry-customer-");
}

// --- output plumbing ------------------------------------------------------------------------

/// Runs `starcoach ARGS` with its stdout closed before it writes, as `starcoach ... | head`
/// does once `head` has read enough.
fn closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_starcoach"))
        .args(args)
        .env("HOME", home.path())
        .env("STARCOACH_DATA_DIR", home.path().join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap().code(), err)
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    for args in [
        &["questions"][..],
        &["questions", "--format", "json"],
        &["questions", "show", "tell-me-about-yourself"],
        &["questions", "tags"],
        &["man"],
        &["completions", "bash"],
        &["rubric", "show", "--effective"],
    ] {
        let (code, err) = closed_pipe(args);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_starcoach()"),
        ("zsh", "#compdef starcoach"),
        ("fish", "complete -c starcoach"),
    ] {
        let r = run(&["completions", shell]);
        r.code(0).quiet().out_has(marker).out_has("questions");
    }
    run(&["completions", "tcsh"]).code(2);
}

#[test]
fn man_page_is_roff() {
    let r = run(&["man"]);
    r.code(0)
        .quiet()
        .out_has(".TH starcoach 1")
        .out_has("practice");
}

#[test]
fn version_prints_the_crate_version() {
    run(&["--version"])
        .code(0)
        .quiet()
        .out_has(&format!("starcoach {}", env!("CARGO_PKG_VERSION")));
}

/// Every command's `--help` ends with something to copy.
///
/// Regression: `starcoach --help` and `starcoach questions tags --help` had none.
#[test]
fn every_help_has_an_example() {
    for args in [
        &[][..],
        &["practice"],
        &["analyze"],
        &["questions"],
        &["questions", "show"],
        &["questions", "tags"],
        &["bank"],
        &["bank", "check"],
        &["rubric"],
        &["rubric", "check"],
        &["rubric", "show"],
        &["rubric", "init"],
        &["completions"],
        &["man"],
    ] {
        let mut full = args.to_vec();
        full.push("--help");
        let r = run(&full);
        r.code(0);
        assert!(
            r.out.contains("Example: starcoach"),
            "`starcoach {}` has no Example line:\n{}",
            full.join(" "),
            r.out
        );
    }
}

#[test]
fn top_level_help_documents_the_exit_codes() {
    run(&["--help"])
        .code(0)
        .out_has("Exit codes:")
        .out_has("3  an invalid bank, rubric or drill file");
}

#[test]
fn an_unknown_subcommand_or_flag_is_a_usage_error() {
    run(&["qestions"]).code(2).err_has("questions");
    run(&["questions", "--nope"]).code(2).err_has("--nope");
}
