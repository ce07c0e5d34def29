//! A crash loses at most the answer being typed: `kill -9` at random moments of piped
//! practice sessions that share one history, counting the answers whose feedback was shown
//! but whose record is not on disk (required: none), and checking that the history stays
//! readable throughout.

use super::*;

/// A small deterministic generator (xorshift), seeded from the clock and printed, so a failing
/// run can be told apart from the next.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn kill_9_at_random_moments_loses_no_answer_that_was_shown() {
    const RUNS: usize = 50;
    let started = Instant::now();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut shown_total = 0;
    let mut lost = 0;
    let mut before = 0;
    for i in 0..RUNS {
        let mut child = cmd(home.path())
            .args(["--name", "Soak", "practice", "--question", ANGRY])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = stdout.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        });
        // Answers and retries as fast as the session takes them, and one being typed.
        let mut input = format!("{ANSWER}\n\n");
        for n in 0..6 {
            input.push_str(&format!(":retry\nRetry {n}: {ANSWER}\n\n"));
        }
        input.push_str("I was about to say");
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
            // Held open: the session waits for the rest of the answer being typed.
            std::thread::sleep(Duration::from_secs(5));
            drop(stdin);
        });
        std::thread::sleep(Duration::from_millis(rng.below(250)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let out = reader.join().unwrap();
        drop(writer); // detached: it ends by itself
        // Each answer's feedback ends by saying what to do next (the welcome says it once).
        let shown = flat(&out)
            .matches("Enter for the next question")
            .count()
            .saturating_sub(1);
        let (records, bad) = history(&data);
        assert_eq!(
            bad, 0,
            "run {i} (seed {seed}): a damaged line in the history"
        );
        let saved = records.len() - before;
        lost += shown.saturating_sub(saved);
        shown_total += shown;
        before = records.len();
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the soak is bounded in time"
        );
    }
    let (records, _) = history(&data);
    assert!(
        !records
            .iter()
            .any(|r| r["answer"].as_str().unwrap().contains("I was about to say")),
        "the answer being typed is never saved half-way"
    );
    eprintln!(
        "soak: {RUNS} kill -9 runs in {:.1} s (seed {seed}): {shown_total} answers shown, {} saved, {lost} lost",
        started.elapsed().as_secs_f64(),
        records.len()
    );
    assert_eq!(lost, 0, "answers shown but not saved (seed {seed})");
    assert!(shown_total > 0, "the kills came too early to test anything");
    run(home.path(), &["history"], "").code(0);
}
