//! `starcoach grade`: JSON Lines, CSV and folders; every bad-row case; outputs a coach trusts.

use predicates::prelude::*;

use super::{MIDDLE, STRONG, Sandbox, WEAK, csv_rows};

fn json_line(candidate: &str, question: &str, answer: &str) -> String {
    serde_json::json!({"candidate": candidate, "question": question, "answer": answer}).to_string()
}

/// A JSON Lines file with three good rows and one of each bad row.
fn jsonl_with_bad_rows() -> Vec<u8> {
    let mut v = Vec::new();
    for l in [
        json_line("Ana", "angry-customer-call-center", STRONG),
        json_line("Ben", "angry-customer-call-center", MIDDLE),
        json_line("Cy", "angry-custmer-call-center", MIDDLE), // 3: unknown id
        json_line("Dee", "angry-customer-call-center", "   "), // 4: empty answer
        "{\"candidate\": \"Eve\", \"question\": ".to_string(), // 5: malformed line
        String::new(),                                        // 6: blank, ignored
        json_line("Fay", "tell-me-about-yourself", WEAK),
    ] {
        v.extend_from_slice(l.as_bytes());
        v.push(b'\n');
    }
    // 8: invalid UTF-8
    v.extend_from_slice(b"{\"candidate\": \"Gus\xff\", \"question\": \"tell-me-about-yourself\", \"answer\": \"x\"}\n");
    v
}

#[test]
fn jsonl_bad_rows_are_reported_with_file_and_line_and_the_rest_is_graded() {
    let sb = Sandbox::new();
    sb.write("answers.jsonl", jsonl_with_bad_rows());
    let a = sb
        .cmd()
        .args(["grade", "answers.jsonl", "--format", "csv"])
        .assert()
        .code(1);
    let out = a.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "warning: answers.jsonl:3: unknown question id `angry-custmer-call-center`; did you mean `angry-customer-call-center`",
        "warning: answers.jsonl:4: empty answer from Dee (skipped)",
        "warning: answers.jsonl:5:",
        "not a JSON object",
        "warning: answers.jsonl:8: not valid UTF-8 text",
        "note: 4 rows skipped, 3 graded",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let rows = csv_rows(&String::from_utf8_lossy(&out.stdout));
    let who: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(who, ["Ana", "Ben", "Fay"]);
    let line = rows[0].iter().position(|h| h == "line").unwrap();
    assert_eq!(rows[1][line], "1");
    assert_eq!(rows[3][line], "7");
}

#[test]
fn csv_input_handles_quotes_line_breaks_extra_columns_and_free_questions() {
    let sb = Sandbox::new();
    let strong = STRONG.replace('"', "\"\"");
    sb.write(
        "answers.csv",
        format!(
            "Cohort,Candidate,Question,Answer,Question_Text\r\n\
             spring,Ana,angry-customer-call-center,\"{strong}\",\r\n\
             spring,Ben,,\"I want this job because I like helping people,\nand your reviews are great.\",Why do you want to work here?\r\n\
             spring,Cy,angry-customer-call-center,I listened, then I acted.,\r\n\
             spring,,angry-customer-call-center,Hello there.,\r\n\
             spring,Dee,,No question given.,\r\n\
             spring,Eve,angry-customer-call-center,\"{MIDDLE}\",\r\n"
        ),
    );
    let a = sb
        .cmd()
        .args(["grade", "answers.csv", "--kind", "motivation", "-f", "csv"])
        .assert()
        .code(1);
    let out = a.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("answers.csv:5: 6 fields but the header has 5"),
        "{stderr}"
    );
    assert!(stderr.contains("unquoted comma"), "{stderr}");
    assert!(stderr.contains("answers.csv:6: no candidate"), "{stderr}");
    assert!(stderr.contains("answers.csv:7: no question"), "{stderr}");
    let rows = csv_rows(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows.len(), 4, "{rows:?}");
    let h = &rows[0];
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    assert_eq!(rows[2][col("candidate")], "Ben");
    assert_eq!(rows[2][col("question")], "");
    assert_eq!(
        rows[2][col("question_text")],
        "Why do you want to work here?"
    );
    assert_eq!(rows[2][col("kind")], "motivation");
    assert_eq!(rows[3][col("line")], "8");
    for r in &rows {
        assert_eq!(r.len(), h.len(), "every row has every column: {r:?}");
    }
}

#[test]
fn csv_with_an_unclosed_quote_reports_where_it_opened() {
    let sb = Sandbox::new();
    sb.write(
        "a.csv",
        format!("candidate,question,answer\nAna,angry-customer-call-center,\"{MIDDLE}\"\nBen,angry-customer-call-center,\"never closed\nCy,x,y\n"),
    );
    sb.cmd()
        .args(["grade", "a.csv", "-f", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.csv:3: malformed CSV: the quote opened on line 3 is never closed",
        ))
        .stdout(predicate::str::contains("Ana,angry-customer-call-center"));
}

#[test]
fn a_folder_of_candidate_folders_is_graded_and_its_bad_files_named() {
    let sb = Sandbox::new();
    sb.write("cohort/Ana/angry-customer-call-center.txt", STRONG);
    sb.write(
        "cohort/Ana/tell-me-about-yourself.md",
        "# Me\nI have **three years** in retail.",
    );
    sb.write("cohort/Ben/angry-customer-call-center.txt", MIDDLE);
    sb.write("cohort/Ben/angry-customer.txt", MIDDLE);
    sb.write("cohort/Ben/why-work-in-call-center.txt", "");
    sb.write("cohort/Cy/tell-me-about-yourself.txt", b"caf\xe9 latin-1");
    sb.write("cohort/.DS_Store", "x");
    let a = sb
        .cmd()
        .args(["grade", "cohort", "-f", "json"])
        .assert()
        .code(1);
    let out = a.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let sep = std::path::MAIN_SEPARATOR;
    for expected in [
        format!("cohort{sep}Ben{sep}angry-customer.txt: unknown question id `angry-customer`"),
        format!("cohort{sep}Ben{sep}why-work-in-call-center.txt: empty answer from Ben"),
        format!("cohort{sep}Cy{sep}tell-me-about-yourself.txt: not valid UTF-8"),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers = doc["answers"].as_array().unwrap();
    let got: Vec<(String, String)> = answers
        .iter()
        .map(|a| {
            (
                a["candidate"].as_str().unwrap().to_string(),
                a["question"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Ana".into(), "angry-customer-call-center".into()),
            ("Ana".into(), "tell-me-about-yourself".into()),
            ("Ben".into(), "angry-customer-call-center".into()),
        ]
    );
    assert_eq!(doc["skipped"].as_array().unwrap().len(), 3);
    assert_eq!(doc["summary"]["answers"], 3);
}

#[test]
fn a_row_giving_a_bank_question_by_its_text_is_graded_as_that_question() {
    let sb = Sandbox::new();
    let row = |candidate: &str, text: &str| {
        serde_json::json!({"candidate": candidate, "question_text": text, "answer": STRONG})
            .to_string()
    };
    let lines = [
        json_line("Ana", "angry-customer-call-center", STRONG),
        // The bank text, typed loosely: case, spacing, final punctuation.
        row(
            "Ben",
            "describe a situation where you had to handle an angry or frustrated customer in a call center.  How did you approach the situation",
        ),
        // Curly quotes for straight ones.
        row(
            "Cy",
            "What would you do if you didn\u{2019}t know the answer to a customer\u{2019}s question?",
        ),
        // A near-miss: one word short of the bank question, so free text.
        row(
            "Dee",
            "Describe a situation where you had to handle an angry customer in a call center. How did you approach the situation?",
        ),
    ];
    sb.write("a.jsonl", lines.join("\n") + "\n");
    let out = sb
        .cmd()
        .args(["grade", "a.jsonl", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let all: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let answers = all["answers"].as_array().unwrap();
    let question = |i: usize| answers[i]["question"].as_str();
    assert_eq!(question(0), Some("angry-customer-call-center"));
    assert_eq!(question(1), Some("angry-customer-call-center"));
    assert_eq!(question(2), Some("dont-know-the-answer"));
    assert_eq!(question(3), None);
    // Graded exactly as the row that gives the id, with the bank's wording.
    assert_eq!(answers[1]["analysis"], answers[0]["analysis"]);
    assert_eq!(answers[1]["question_text"], answers[0]["question_text"]);
    assert_eq!(answers[2]["analysis"]["question"]["kind"], "situational");
    assert_eq!(answers[3]["analysis"]["question"]["kind"], "behavioral");
    assert_ne!(answers[3]["analysis"], answers[0]["analysis"]);
}

#[test]
fn json_rows_carry_the_same_analysis_as_analyze() {
    let sb = Sandbox::new();
    sb.write("answer.txt", STRONG);
    sb.write(
        "a.jsonl",
        json_line("Ana", "angry-customer-call-center", STRONG) + "\n",
    );
    let analyze = sb
        .cmd()
        .args([
            "analyze",
            "answer.txt",
            "--question",
            "angry-customer-call-center",
            "-f",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let graded = sb
        .cmd()
        .args(["grade", "a.jsonl", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let one: serde_json::Value = serde_json::from_slice(&analyze).unwrap();
    let all: serde_json::Value = serde_json::from_slice(&graded).unwrap();
    assert_eq!(all["answers"][0]["analysis"], one);
    assert_eq!(all["schema_version"], 2);
}

#[test]
fn fail_under_exits_1_only_when_an_answer_is_below() {
    let sb = Sandbox::new();
    // MIDDLE, not STRONG: STRONG scores 100 now that coverage reads "let her finish".
    sb.write(
        "a.jsonl",
        json_line("Ana", "angry-customer-call-center", MIDDLE) + "\n",
    );
    sb.cmd()
        .args(["grade", "a.jsonl", "--fail-under", "10"])
        .assert()
        .code(0)
        .stderr("");
    sb.cmd()
        .args(["grade", "a.jsonl", "--fail-under", "100"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "note: 1 answer scores below 100: Ana on angry-customer-call-center",
        ));
}

#[test]
fn outputs_go_to_files_by_extension_and_stdout_stays_quiet() {
    let sb = Sandbox::new();
    sb.write(
        "a.jsonl",
        [
            json_line("Ana", "angry-customer-call-center", STRONG),
            json_line("Ben", "angry-customer-call-center", WEAK),
        ]
        .join("\n"),
    );
    sb.cmd()
        .args([
            "grade",
            "a.jsonl",
            "-o",
            "grades.csv",
            "-o",
            "report.md",
            "-o",
            "all.json",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "graded 2 answers; wrote grades.csv, report.md, all.json",
        ));
    let csv = sb.read("grades.csv");
    assert!(
        csv.starts_with("candidate,question,question_text,kind,overall,band,"),
        "{csv}"
    );
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
    let md = sb.read("report.md");
    assert!(md.starts_with("# Cohort report\n"), "{md}");
    assert!(md.contains("What the cohort most needs to work on"), "{md}");
    assert!(md.contains("## Candidates"), "{md}");
    serde_json::from_str::<serde_json::Value>(&sb.read("all.json")).unwrap();
    sb.cmd()
        .args(["grade", "a.jsonl", "-o", "grades.xlsx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "use .csv, .json, .jsonl, .md, .html or .txt",
        ));
}

/// Many rows, for the parallel path.
fn cohort(n: usize) -> String {
    let qs = [
        "angry-customer-call-center",
        "tell-me-about-yourself",
        "why-work-in-call-center",
    ];
    let answers = [STRONG, MIDDLE, WEAK];
    (0..n)
        .map(|i| {
            json_line(
                &format!("cand-{:02}", i % 12),
                qs[i % 3],
                answers[(i / 3) % 3],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn one_worker_or_two_give_the_same_output() {
    let sb = Sandbox::new();
    // Large enough for two workers and a progress bar, which stays off when stderr is a pipe.
    sb.write("big.jsonl", cohort(120));
    let run = |jobs: &str| {
        sb.cmd()
            .args(["grade", "big.jsonl", "-f", "csv", "--jobs", jobs])
            .assert()
            .success()
            .stderr("")
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(csv_rows(&String::from_utf8(one).unwrap()).len(), 121);
}

#[test]
fn the_table_fits_the_terminal_and_says_what_to_work_on() {
    let sb = Sandbox::new();
    sb.write("big.jsonl", cohort(30));
    for width in [80, 120, 200] {
        let out = sb
            .cmd()
            .env("COLUMNS", width.to_string())
            .args(["grade", "big.jsonl"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains('\x1b'), "no colour into a pipe");
        for l in out.lines() {
            assert!(
                l.chars().count() <= width,
                "{width}: {l:?} is {} wide",
                l.chars().count()
            );
        }
        assert!(
            out.contains("What the cohort most needs to work on:"),
            "{out}"
        );
        assert!(out.contains("Hardest question:"), "{out}");
    }
}

#[test]
fn an_unreadable_input_is_an_error_but_the_others_are_graded() {
    let sb = Sandbox::new();
    sb.write(
        "a.jsonl",
        json_line("Ana", "angry-customer-call-center", STRONG),
    );
    sb.cmd()
        .args(["grade", "a.jsonl", "missing.csv", "-f", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: missing.csv: no such file or directory",
        ))
        .stdout(predicate::str::contains("Ana,angry-customer-call-center"));
}

#[test]
fn an_empty_input_is_a_usage_error() {
    let sb = Sandbox::new();
    sb.write("a.jsonl", "\n\n");
    sb.cmd()
        .args(["grade", "a.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no answers in the input"));
}

#[test]
fn csv_output_guards_text_a_spreadsheet_would_run_as_a_formula() {
    let sb = Sandbox::new();
    sb.write(
        "a.jsonl",
        json_line(
            "=HYPERLINK(\"http://x\")",
            "angry-customer-call-center",
            MIDDLE,
        ),
    );
    let out = sb
        .cmd()
        .args(["grade", "a.jsonl", "-f", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = csv_rows(&String::from_utf8(out).unwrap());
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn the_html_report_is_one_page_that_escapes_what_candidates_wrote() {
    let sb = Sandbox::new();
    sb.write(
        "a.jsonl",
        [
            json_line(
                "<script>alert(1)</script>",
                "angry-customer-call-center",
                "I <b>listened</b> & refunded $40. She stayed.",
            ),
            json_line("Ben", "angry-customer-call-center", STRONG),
        ]
        .join("\n"),
    );
    sb.cmd()
        .args([
            "grade",
            "a.jsonl",
            "-o",
            "cohort.html",
            "--title",
            "Spring <cohort>",
        ])
        .assert()
        .success();
    let html = sb.read("cohort.html");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<title>Spring &lt;cohort&gt;</title>"));
    assert!(!html.contains("<script>"), "user text must be escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("I &lt;b&gt;listened&lt;/b&gt; &amp; refunded"));
    assert!(html.contains("What the cohort most needs to work on"));
    assert!(html.contains("<svg"), "a chart of the parts");
    assert!(
        !html.contains("http://") || !html.contains("src=\"http"),
        "no remote resources"
    );
}

/// Rows of every kind of question (so every dimension has a column), more than one chunk of a
/// streamed run (512 rows).
fn mixed_cohort(n: usize) -> String {
    let kinds = [
        "behavioral",
        "situational",
        "general",
        "motivation",
        "technical",
        "career",
    ];
    let answers = [STRONG, MIDDLE, WEAK];
    (0..n)
        .map(|i| {
            serde_json::json!({
                "candidate": format!("cand-{:02}", i % 12),
                "question_text": format!("A {} question, number {}?", kinds[i % 6], i % 5),
                "kind": kinds[i % 6],
                "answer": answers[(i / 6) % 3],
            })
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn streamed_csv_and_jsonl_are_byte_for_byte_what_a_whole_run_writes() {
    let sb = Sandbox::new();
    sb.write("big.jsonl", mixed_cohort(600));
    // With a Markdown report among the outputs every answer is kept and rendered at the end;
    // with only CSV and JSON Lines, answers are written as they are graded.
    let run = |args: &[&str]| {
        sb.cmd()
            .args(["grade", "big.jsonl"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    run(&["-o", "whole.csv", "-o", "whole.jsonl", "-o", "report.md"]);
    run(&["-o", "streamed.csv", "-o", "streamed.jsonl"]);
    let csv_out = run(&["-f", "csv"]);
    let whole = sb.read("whole.csv");
    assert_eq!(csv_rows(&whole).len(), 601);
    assert_eq!(whole, sb.read("streamed.csv"));
    assert_eq!(whole.as_bytes(), csv_out.as_slice());
    let jsonl = sb.read("whole.jsonl");
    assert_eq!(jsonl, sb.read("streamed.jsonl"));
    // Each line is the answer `--format json` has, in the same order.
    let doc: serde_json::Value = serde_json::from_slice(&run(&["-f", "json"])).unwrap();
    let answers = doc["answers"].as_array().unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, answers);
}

#[test]
fn the_csv_has_a_column_for_every_dimension_whatever_the_answers() {
    let sb = Sandbox::new();
    sb.write(
        "a.jsonl",
        json_line("Ana", "angry-customer-call-center", STRONG),
    );
    sb.write("b.jsonl", mixed_cohort(12));
    let head = |file: &str| {
        let out = sb
            .cmd()
            .args(["grade", file, "-f", "csv"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        csv_rows(&String::from_utf8(out).unwrap()).remove(0)
    };
    let one = head("a.jsonl");
    assert_eq!(one, head("b.jsonl"));
    // `fit` (general questions) and `approach` (situational) are there for a behavioral answer.
    assert!(
        one.iter().any(|h| h == "fit") && one.iter().any(|h| h == "approach"),
        "{one:?}"
    );
}

#[test]
fn grade_into_head_stops_early_and_quietly() {
    use std::io::BufRead;
    let sb = Sandbox::new();
    // 20 chunks of a streamed run.
    sb.write("big.jsonl", cohort(20 * 512));
    // How long grading every row takes here (this build, this machine's load).
    let started = std::time::Instant::now();
    sb.cmd()
        .args(["grade", "big.jsonl", "-o", "all.csv"])
        .assert()
        .success();
    let whole = started.elapsed();
    for format in ["csv", "jsonl"] {
        let started = std::time::Instant::now();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_starcoach"))
            .current_dir(sb.dir.path())
            .env("HOME", sb.dir.path())
            .env("STARCOACH_CONFIG", "")
            .args(["grade", "big.jsonl", "-f", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is gone: the next write finds the pipe closed.
        let out = child.wait_with_output().unwrap();
        let took = started.elapsed();
        assert!(!first.is_empty());
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
        // Two chunks of twenty, not all of them (grading everything first takes `whole`).
        assert!(
            took < whole / 3,
            "{format}: {took:?}, the whole run {whole:?}"
        );
    }
}

#[test]
fn a_failed_streamed_run_leaves_the_old_output_and_no_temporary_file() {
    let sb = Sandbox::new();
    sb.write("a.jsonl", "\n\n");
    sb.write("grades.jsonl", "old\n");
    sb.cmd()
        .args(["grade", "a.jsonl", "-o", "grades.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no answers in the input"));
    assert_eq!(sb.read("grades.jsonl"), "old\n");
    let names: Vec<String> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}
