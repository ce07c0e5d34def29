use super::*;

#[test]
fn stems_fold_inflections_together() {
    for (a, b) in [
        ("finished", "finish"),
        ("finishing", "finishes"),
        ("letting", "let"),
        ("apologized", "apologize"),
        ("apologizes", "apologizing"),
        ("shouted", "shouting"),
        ("yelling", "yell"),
        ("tried", "tries"),
        ("calmed", "calm"),
        ("upsetting", "upset"),
    ] {
        assert_eq!(stem(a), stem(b), "{a} / {b}");
    }
    for (a, b) in [("need", "ne"), ("process", "proces"), ("thing", "th")] {
        assert_ne!(stem(a), stem(b), "{a} / {b}");
    }
}
