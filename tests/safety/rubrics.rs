//! Failure 12: `rubric check` passed rubrics that broke scoring. Every number is checked
//! finite and in range, with words that say which, and what check passes is what runs.

use super::*;

/// The shipped behavioral rubric and the common one beside it, with the first `from` replaced
/// (in behavioral.toml if it has it, else in common.toml); returns the behavioral rubric's path.
fn edited(home: &Path, name: &str, from: &str, to: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics");
    let dir = home.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let behavioral = std::fs::read_to_string(root.join("behavioral.toml")).unwrap();
    let common = std::fs::read_to_string(root.join("common.toml")).unwrap();
    let (behavioral, common) = if behavioral.contains(from) {
        (behavioral.replacen(from, to, 1), common)
    } else {
        assert!(common.contains(from), "neither rubric has {from:?}");
        (behavioral, common.replacen(from, to, 1))
    };
    std::fs::write(dir.join("common.toml"), common).unwrap();
    let path = dir.join("behavioral.toml");
    std::fs::write(&path, behavioral).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn numbers_that_would_break_scoring_are_refused_with_the_right_words() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let cases = [
        (
            "situation = 1.0",
            "situation = 1e308",
            "dimension weight `situation` = 1e308 is out of range",
        ),
        (
            "situation = 1.0",
            "situation = nan",
            "dimension weight `situation` = nan is not a number",
        ),
        (
            "situation = 1.0",
            "situation = inf",
            "dimension weight `situation` = inf is not a finite number",
        ),
        (
            "situation = 1.0",
            "situation = -1",
            "dimension weight `situation` = -1 is out of range",
        ),
        (
            "points = 100",
            "points = nan",
            "rule `situation.present`: `points` = nan is not a number",
        ),
        (
            "points = 100",
            "points = -100",
            "rule `situation.present`: `points` = -100 is out of range",
        ),
        (
            "points = 100",
            "points = 0",
            "`points = 0` makes the rule worth nothing",
        ),
        (
            "kinds = [\"behavioral\"]",
            "kinds = []",
            "`kinds = []` names no kind of question",
        ),
        (
            // The first cue weight of 1.0: `other.opinion` in common.toml.
            "weight = 1.0",
            "weight = nan",
            "cue `other.opinion`: `weight` = nan is not a number",
        ),
        (
            "unearned_share = 0.7",
            "unearned_share = 1.5",
            "[labelling] `unearned_share` = 1.5 is out of range",
        ),
        (
            "praise_needs = [\"specificity.details\"]",
            "praise_needs = [\"specificity.detail\"]",
            "`praise_needs` names `specificity.detail`, which is no rule here",
        ),
    ];
    for (i, (from, to, words)) in cases.into_iter().enumerate() {
        let path = edited(h, &format!("r{i}"), from, to);
        run(h, &["rubric", "check", &path], "")
            .code(3)
            .err_has(words);
        // ... and what check refuses is refused in use, with the same words.
        run(h, &["--rubric", &path, "analyze"], ANSWER)
            .code(3)
            .err_has(words);
    }
}

#[test]
fn all_weights_zero_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics");
    let text = std::fs::read_to_string(root.join("behavioral.toml")).unwrap();
    let start = text.find("[dimensions]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let zeroed: String = text[start..end]
        .lines()
        .map(|l| match l.split_once(" = ") {
            Some((k, _)) => format!("{k} = 0\n"),
            None => format!("{l}\n"),
        })
        .collect();
    // (behavioral.toml sets every dimension, the base's included.)
    let dir = home.path().join("z");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root.join("common.toml"), dir.join("common.toml")).unwrap();
    let body = format!("{}{}{}", &text[..start], zeroed, &text[end..]);
    std::fs::write(dir.join("behavioral.toml"), body).unwrap();
    let path = dir.join("behavioral.toml");
    run(
        home.path(),
        &["rubric", "check", path.to_str().unwrap()],
        "",
    )
    .code(3)
    .err_has("every dimension weight is 0, so no answer could score above 0");
}

#[test]
fn every_rubric_check_passes_is_one_that_scores() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // A harmless edit: check passes, and the rubric then scores finite numbers.
    let path = edited(h, "ok", "situation = 1.0", "situation = 2.5");
    run(h, &["rubric", "check", &path], "").code(0);
    let r = run(
        h,
        &["--rubric", &path, "analyze", "--format", "json"],
        ANSWER,
    );
    r.code(0);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let overall = v["overall"].as_f64().expect("a number, not null");
    assert!((0.0..=100.0).contains(&overall));
    // A base rubric passes check and says it is a base, not something to pass to --rubric.
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics/common.toml");
    run(h, &["rubric", "check", base.to_str().unwrap()], "")
        .code(0)
        .out_has("a base rubric: it scores no kind of question itself");
}
