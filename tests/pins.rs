//! Output pins for the speed work (issue 19): `grade` (JSON and CSV) and `analyze --format
//! json` on the seed example answers and the tests/data answers must stay byte-identical to
//! the files in `tests/data/pins/out/`, committed before any engine change. A change that
//! means to alter the output re-blesses them with `STARCOACH_BLESS_PINS=1 cargo test --test pins`
//! and says so in its commit.

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

fn pins() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pins")
}

/// Runs starcoach in a temp home holding a copy of `input` (so the output names it by its bare
/// file name) and returns stdout.
fn run(input: &Path, args: &[&str]) -> Vec<u8> {
    let home = tempfile::tempdir().unwrap();
    let name = input.file_name().unwrap();
    std::fs::copy(input, home.path().join(name)).unwrap();
    let name = name.to_str().unwrap();
    let args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "INPUT" { name } else { a })
        .collect();
    let out = common::starcoach(home.path())
        .current_dir(home.path())
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "starcoach {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[track_caller]
fn pinned(out: &[u8], pin: &str) {
    let path = pins().join("out").join(pin);
    if std::env::var_os("STARCOACH_BLESS_PINS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, out).unwrap();
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if out != want.as_slice() {
        let line = out
            .split(|&b| b == b'\n')
            .zip(want.split(|&b| b == b'\n'))
            .position(|(a, b)| a != b)
            .map_or(0, |n| n + 1);
        panic!(
            "output differs from {} (first at line {line}; {} bytes now, {} pinned)",
            path.display(),
            out.len(),
            want.len()
        );
    }
}

#[test]
fn grade_of_the_seed_example_answers_is_pinned() {
    let input = pins().join("seed_answers.jsonl");
    pinned(
        &run(&input, &["grade", "INPUT", "--format", "json"]),
        "seed_answers.json",
    );
    pinned(
        &run(&input, &["grade", "INPUT", "--format", "csv"]),
        "seed_answers.csv",
    );
}

#[test]
fn grade_of_the_test_data_answers_is_pinned() {
    let input = pins().join("data_answers.jsonl");
    pinned(
        &run(&input, &["grade", "INPUT", "--format", "json"]),
        "data_answers.json",
    );
    pinned(
        &run(&input, &["grade", "INPUT", "--format", "csv"]),
        "data_answers.csv",
    );
}

#[test]
fn analyze_json_of_the_example_answers_is_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "examples/answers/angry-caller.txt",
            &["--question", "angry-customer-call-center"],
            "angry-caller.json",
        ),
        (
            "examples/answers/hypothetical.txt",
            &[],
            "hypothetical.json",
        ),
        ("examples/answers/labelled.md", &[], "labelled.json"),
        ("examples/answers/non-native.txt", &[], "non-native.json"),
        (
            "examples/answers/short.txt",
            &["--kind", "motivation"],
            "short.json",
        ),
        (
            "tests/data/interview-answers.txt",
            &[],
            "interview-answers.json",
        ),
    ];
    for (file, extra, pin) in cases {
        let mut args = vec!["analyze", "INPUT", "--format", "json"];
        args.extend_from_slice(extra);
        pinned(&run(&root.join(file), &args), &format!("analyze/{pin}"));
    }
}
