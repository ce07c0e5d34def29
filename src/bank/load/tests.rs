use super::*;

const GOOD: &str = r#"
[bank]
id = "demo"
title = "Demo"
source = "demo.txt"

[[question]]
id = "angry-customer"
text = "Tell me about a time you calmed an angry customer."
kind = "behavioral"
tags = ["de-escalation"]

[[question.area]]
text = "Say what the customer was upset about."
keywords = ["upset", "angry", "complain*"]

[[question.follow_up]]
text = "What did you say first?"
probes = "action"
"#;

fn errors(text: &str) -> String {
    parse_bank("demo.toml", text).unwrap_err().to_string()
}

#[test]
fn loads_a_good_bank() {
    let b = parse_bank("demo.toml", GOOD).unwrap();
    assert_eq!(b.questions.len(), 1);
    let q = &b.questions[0];
    assert_eq!(q.kind, Kind::Behavioral);
    assert_eq!(q.source, "demo.txt");
    assert_eq!(q.follow_ups[0].probes, Probe::Action);
    assert_eq!(q.areas[0].keywords, ["upset", "angry", "complain*"]);
}

#[test]
fn unknown_key_names_the_key_and_the_allowed_ones() {
    let e = errors(&GOOD.replace("tags =", "tagz ="));
    assert!(e.contains("demo.toml:11:1: unknown field `tagz`"), "{e}");
    assert!(e.contains("help: remove `tagz` or rename it"), "{e}");
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let e = errors(&GOOD.replace("\"behavioral\"", "\"behaviour\""));
    assert!(
        e.contains("demo.toml:10:8: unknown variant `behaviour`"),
        "{e}"
    );
    assert!(e.contains("`situational`"), "{e}");
}

#[test]
fn unknown_probe_is_located() {
    let e = errors(&GOOD.replace("\"action\"", "\"feelings\""));
    assert!(
        e.contains("demo.toml:19:10: unknown variant `feelings`"),
        "{e}"
    );
}

#[test]
fn empty_text_and_bad_ids_are_all_reported() {
    let bad = GOOD
        .replace("\"angry-customer\"", "\"Angry Customer\"")
        .replace("\"What did you say first?\"", "\"  \"");
    let e = errors(&bad);
    assert!(
        e.contains("question id `Angry Customer` is not kebab-case"),
        "{e}"
    );
    assert!(e.contains("e.g. `angry-customer`"), "{e}");
    assert!(e.contains("follow-up text is empty"), "{e}");
    assert!(e.contains("2 problems found"), "{e}");
}

#[test]
fn duplicate_ids_in_one_file_point_at_the_second() {
    let twice = format!(
        "{GOOD}\n[[question]]\nid = \"angry-customer\"\ntext = \"Again?\"\nkind = \"general\"\n"
    );
    let e = errors(&twice);
    assert!(
        e.contains("duplicate question id `angry-customer` (first used on line 8)"),
        "{e}"
    );
}

#[test]
fn duplicate_ids_across_files_name_both() {
    let other = GOOD.replace("id = \"demo\"", "id = \"other\"");
    let err = Catalog::load_only(&[
        BankSource::Text {
            name: "a.toml".into(),
            text: GOOD.into(),
        },
        BankSource::Text {
            name: "b.toml".into(),
            text: other,
        },
    ])
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("b.toml:8:6: question id `angry-customer` is already used in a.toml:8"),
        "{err}"
    );
}

#[test]
fn broken_toml_is_located() {
    let e = errors("[bank\nid = 1");
    assert!(e.starts_with("error: demo.toml:1:"), "{e}");
}

#[test]
fn keyword_wildcard_only_at_the_end() {
    let e = errors(&GOOD.replace("\"complain*\"", "\"com*plain\""));
    assert!(
        e.contains("keyword `com*plain` has `*` in the wrong place"),
        "{e}"
    );
}

#[test]
fn an_area_names_a_story_part_and_only_a_story_part() {
    let with = |part: &str| {
        GOOD.replace(
            "keywords = [\"upset\"",
            &format!("part = \"{part}\"\nkeywords = [\"upset\""),
        )
    };
    let b = parse_bank("demo.toml", &with("situation")).unwrap();
    assert_eq!(b.questions[0].areas[0].part, Some(Probe::Situation));
    let e = errors(&with("metrics"));
    assert!(
        e.contains("demo.toml:15:8: area part `metrics` is not a part of the story"),
        "{e}"
    );
    assert!(
        e.contains("use one of situation, task, action, result, reflection"),
        "{e}"
    );
}

/// A bank of `n` questions with ids `{prefix}-0`.., about `n * 140` bytes.
fn big_bank(prefix: &str, n: usize, broken: bool) -> String {
    let mut s = format!("[bank]\nid = \"{prefix}\"\ntitle = \"T\"\nsource = \"s.txt\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "\n[[question]]\nid = \"{prefix}-{i}\"\ntext = \"Tell me about a time you calmed an angry customer, number {i}.\"\nkind = \"behavioral\"\n"
        ));
        if broken && i == n / 2 {
            s.push_str("colour = \"red\"\n");
        }
    }
    s
}

#[test]
fn files_parsed_on_two_threads_keep_their_order_and_their_problems_order() {
    // Enough text (over 64 KB) for two threads, the largest file not first.
    let files: Vec<(String, String)> = [
        ("a", 80, false),
        ("b", 400, true),
        ("c", 180, false),
        ("d", 240, true),
    ]
    .iter()
    .map(|&(p, n, broken)| (format!("{p}.toml"), big_bank(p, n, broken)))
    .collect();
    assert!(files.iter().map(|f| f.1.len()).sum::<usize>() > 64 * 1024);
    let one_by_one: Vec<_> = files.iter().map(|(n, t)| parse(n, t)).collect();
    let both = parse_files(&files);
    assert_eq!(both.len(), one_by_one.len());
    for (a, b) in both.iter().zip(&one_by_one) {
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.bank.origin, b.bank.origin);
                assert_eq!(a.bank.questions.len(), b.bank.questions.len());
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            _ => panic!("one parse failed where the other did not"),
        }
    }
    let err = parse_all(files)
        .err()
        .expect("two files are broken")
        .to_string();
    let (b, d) = (err.find("b.toml").unwrap(), err.find("d.toml").unwrap());
    assert!(b < d, "problems in the files' order: {err}");
}
