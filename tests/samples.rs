//! Every sample of output in README.md and docs/*.md is the real binary's output.
//!
//! A sample is a fenced block right after a marker comment that says how to make it:
//!
//! ```text
//! <!-- sample: analyze examples/answers/short.txt --question angry-customer-call-center; sections: Overall, STAR map -->
//! <!-- sample (stderr): rubric check examples/rubrics/broken-regex.toml -->
//! <!-- sample: analyze examples/answers/short.txt --format json; json: abridged -->
//! ```
//!
//! The arguments (split on spaces) are run from the crate root with no colour, 80 columns and
//! a clean home. `sections:` keeps the output's blank-line separated blocks whose first line
//! starts with one of the names, in order, with `...` where blocks were left out; `json:
//! abridged` prints each field on a line, arrays cut to their first item and long strings
//! shortened. When a sample differs, the test fails with a diff; refresh every sample with
//!
//! ```text
//! STARCOACH_REFRESH_SAMPLES=1 cargo test --test samples
//! ```
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

const REFRESH: &str = "STARCOACH_REFRESH_SAMPLES";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The documents that may hold samples.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    let mut more: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// How to make one sample.
#[derive(Debug)]
struct Recipe {
    args: Vec<String>,
    stderr: bool,
    sections: Vec<String>,
    json: bool,
}

fn parse_marker(line: &str) -> Option<Recipe> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let (stderr, rest) = if let Some(r) = inner.strip_prefix("sample (stderr):") {
        (true, r)
    } else {
        (false, inner.strip_prefix("sample:")?)
    };
    let mut parts = rest.split(';');
    let args = parts
        .next()
        .unwrap_or("")
        .split_whitespace()
        .map(String::from)
        .collect();
    let mut recipe = Recipe {
        args,
        stderr,
        sections: Vec::new(),
        json: false,
    };
    for option in parts {
        let option = option.trim();
        if let Some(s) = option.strip_prefix("sections:") {
            recipe.sections = s.split(',').map(|x| x.trim().to_string()).collect();
        } else if option == "json: abridged" {
            recipe.json = true;
        } else {
            panic!("unknown sample option `{option}` in {line}");
        }
    }
    Some(recipe)
}

/// Runs the binary as a new user would.
fn run(recipe: &Recipe) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("starcoach").unwrap();
    for var in [
        "NO_COLOR",
        "STARCOACH_NAME",
        "STARCOACH_BANKS",
        "STARCOACH_RUBRICS",
        "STARCOACH_CONFIG",
        "STARCOACH_COLOR",
        "CLICOLOR_FORCE",
        "XDG_CONFIG_HOME",
    ] {
        cmd.env_remove(var);
    }
    cmd.current_dir(root())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("STARCOACH_DATA_DIR", home.path().join("data"))
        .env("COLUMNS", "80")
        .env("TERM", "dumb")
        .args(&recipe.args)
        .write_stdin("");
    let out = cmd.output().unwrap();
    let text = String::from_utf8(if recipe.stderr {
        out.stderr
    } else {
        out.stdout
    })
    .unwrap();
    assert!(
        !text.trim().is_empty(),
        "`starcoach {}` printed nothing on {}",
        recipe.args.join(" "),
        if recipe.stderr { "stderr" } else { "stdout" }
    );
    let text = if recipe.json {
        abridged(&parse_json(&text))
    } else {
        text
    };
    let text = if recipe.sections.is_empty() {
        text
    } else {
        sections(&text, &recipe.sections)
    };
    text.trim_end().to_string()
}

/// The blocks whose first line starts with one of `names`, `...` standing for the others
/// between them.
fn sections(text: &str, names: &[String]) -> String {
    let blocks: Vec<&str> = text
        .split("\n\n")
        .map(|b| b.trim_matches('\n'))
        .filter(|b| !b.is_empty())
        .collect();
    let mut out: Vec<&str> = Vec::new();
    let mut skipped = false;
    for b in blocks {
        if names.iter().any(|n| b.starts_with(n.as_str())) {
            if skipped && !out.is_empty() {
                out.push("...");
            }
            out.push(b);
            skipped = false;
        } else {
            skipped = true;
        }
    }
    if skipped {
        out.push("...");
    }
    out.join("\n\n")
}

/// A JSON value with its object fields in the order written (serde_json's `Value` sorts them).
enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    Str(String),
    /// A number, `true`, `false` or `null`, as written.
    Other(String),
}

/// Parses JSON text, keeping field order.
fn parse_json(text: &str) -> Json {
    fn ws(s: &[u8], i: &mut usize) {
        while *i < s.len() && s[*i].is_ascii_whitespace() {
            *i += 1;
        }
    }
    fn value(t: &str, i: &mut usize) -> Json {
        let s = t.as_bytes();
        ws(s, i);
        match s[*i] {
            b'{' => {
                *i += 1;
                let mut fields = Vec::new();
                loop {
                    ws(s, i);
                    if s[*i] == b'}' {
                        *i += 1;
                        return Json::Object(fields);
                    }
                    let Json::Str(key) = value(t, i) else {
                        panic!("an object key is not a string at {i}");
                    };
                    ws(s, i);
                    assert_eq!(s[*i], b':');
                    *i += 1;
                    fields.push((key, value(t, i)));
                    ws(s, i);
                    if s[*i] == b',' {
                        *i += 1;
                    }
                }
            }
            b'[' => {
                *i += 1;
                let mut items = Vec::new();
                loop {
                    ws(s, i);
                    if s[*i] == b']' {
                        *i += 1;
                        return Json::Array(items);
                    }
                    items.push(value(t, i));
                    ws(s, i);
                    if s[*i] == b',' {
                        *i += 1;
                    }
                }
            }
            b'"' => {
                let start = *i;
                *i += 1;
                while s[*i] != b'"' {
                    *i += if s[*i] == b'\\' { 2 } else { 1 };
                }
                *i += 1;
                Json::Str(serde_json::from_str(&t[start..*i]).unwrap())
            }
            _ => {
                let start = *i;
                while *i < s.len()
                    && !matches!(s[*i], b',' | b'}' | b']')
                    && !s[*i].is_ascii_whitespace()
                {
                    *i += 1;
                }
                Json::Other(t[start..*i].to_string())
            }
        }
    }
    value(text, &mut 0)
}

/// A value on one line, arrays cut to their first item, strings to 40 characters.
fn compact(v: &Json) -> String {
    match v {
        Json::Object(o) => {
            let fields: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", serde_json::to_string(k).unwrap(), compact(v)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        Json::Array(a) => match a.first() {
            Some(first) => format!("[ {} ]", compact(first)),
            None => "[]".to_string(),
        },
        Json::Str(s) if s.chars().count() > 40 => serde_json::to_string(&format!(
            "{}...",
            s.chars().take(37).collect::<String>().trim_end()
        ))
        .unwrap(),
        Json::Str(s) => serde_json::to_string(s).unwrap(),
        Json::Other(x) => x.clone(),
    }
}

/// Each top-level field on its own line, its value [`compact`].
fn abridged(v: &Json) -> String {
    let Json::Object(o) = v else {
        panic!("not a JSON object");
    };
    let fields: Vec<String> = o
        .iter()
        .map(|(k, v)| format!("  {}: {}", serde_json::to_string(k).unwrap(), compact(v)))
        .collect();
    format!("{{\n{}\n}}", fields.join(",\n"))
}

/// One sample found in a document: its recipe and the line range of the block's body.
struct Sample {
    recipe: Recipe,
    marker_line: usize,
    body: std::ops::Range<usize>,
}

fn samples(text: &str, doc: &Path) -> Vec<Sample> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(recipe) = parse_marker(l) else {
            continue;
        };
        let open = i + 1;
        assert!(
            lines.get(open).is_some_and(|f| f.starts_with("```")),
            "{}:{}: a sample marker must be followed by a fenced block",
            doc.display(),
            i + 1
        );
        let close = (open + 1..lines.len())
            .find(|&j| lines[j].starts_with("```"))
            .unwrap_or_else(|| panic!("{}:{}: the block never closes", doc.display(), open + 1));
        found.push(Sample {
            recipe,
            marker_line: i + 1,
            body: open + 1..close,
        });
    }
    found
}

/// A line diff: `-` the document's lines, `+` the binary's.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // The longest common subsequence, for a readable diff of short blocks.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[test]
fn every_sample_of_output_in_the_readme_and_docs_is_what_the_binary_prints() {
    let refresh = std::env::var_os(REFRESH).is_some();
    let mut stale = Vec::new();
    let mut count = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let found = samples(&text, &doc);
        // From the end, so replacing a block keeps the earlier line numbers right.
        for s in found.iter().rev() {
            if !cfg!(feature = "english")
                && s.recipe.args.iter().any(|a| a.starts_with("--english"))
            {
                eprintln!(
                    "SKIPPED {}:{}: `starcoach {}` needs the cargo feature `english`",
                    doc.strip_prefix(root()).unwrap_or(&doc).display(),
                    s.marker_line,
                    s.recipe.args.join(" ")
                );
                continue;
            }
            count += 1;
            let now = run(&s.recipe);
            let written = lines[s.body.clone()].join("\n");
            if written != now {
                stale.push(format!(
                    "{}:{}: `starcoach {}` now prints:\n{}",
                    doc.strip_prefix(root()).unwrap_or(&doc).display(),
                    s.marker_line,
                    s.recipe.args.join(" "),
                    diff(&written, &now)
                ));
                lines.splice(s.body.clone(), now.lines().map(String::from));
            }
        }
        if refresh && !found.is_empty() {
            let mut new = lines.join("\n");
            new.push('\n');
            if new != text {
                std::fs::write(&doc, new).unwrap();
            }
        }
    }
    assert!(
        count >= 3,
        "found only {count} samples: the README's feedback sample and the docs' are marked"
    );
    if refresh {
        for s in &stale {
            eprintln!("refreshed {}", s.lines().next().unwrap_or(""));
        }
        return;
    }
    assert!(
        stale.is_empty(),
        "{} sample(s) differ from the binary's output (- the document, + the binary):\n\n{}\n\
         Refresh them with: {REFRESH}=1 cargo test --test samples",
        stale.len(),
        stale.join("\n")
    );
}

#[test]
fn sections_keep_the_named_blocks_and_mark_the_rest() {
    let text = "Q: a question\n\nOverall 50\nline\n\nScores\n  x\n\nFix first\n  1. y\n\n\nFollow-up\n  z\n";
    let names = ["Overall", "Fix first"].map(String::from);
    assert_eq!(
        sections(text, &names),
        "Overall 50\nline\n\n...\n\nFix first\n  1. y\n\n..."
    );
}

#[test]
fn abridged_json_keeps_the_field_order_and_cuts_lists() {
    let text = r#"{"z": 1, "a": [{"b": "x", "a": true}, 2], "s": "a long text that goes on and on past forty characters"}"#;
    assert_eq!(
        abridged(&parse_json(text)),
        "{\n  \"z\": 1,\n  \"a\": [ { \"b\": \"x\", \"a\": true } ],\n  \"s\": \"a long text that goes on and on past...\"\n}"
    );
}

#[test]
fn a_stale_sample_shows_as_a_diff() {
    assert_eq!(diff("a\nb\nc", "a\nB\nc"), "  a\n- b\n+ B\n  c\n");
}
