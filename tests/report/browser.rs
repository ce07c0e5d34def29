//! The HTML reports in a real browser: headless Chromium loads the personal report, the cohort
//! report and the drill summary without errors, their screenshots are not blank, and the layout
//! facts hold as the browser measures them (`probe.js`): series in a chart stay visible when
//! their values are the same, the names at the line ends never overlap, "Not yet practised" is
//! a summary with its detail at the end, nothing overflows the page sideways, and printing opens
//! every folded answer (checked with the print rules applied, and in a printed PDF when
//! `pdftotext` is installed). Each test skips, saying so in the test output, when `chromium` is
//! not installed (`.ci/run` installs it and poppler-utils in CI). The screenshots are kept in
//! `target/tmp/report-screenshots/` for a person to look at.

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use super::*;

fn chromium() -> Option<PathBuf> {
    let found = find("chromium");
    if found.is_none() {
        skip("chromium is not installed (apt-get install chromium)");
    }
    found
}

fn find(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` with `extra` arguments.
fn run(chromium: &Path, profile: &Path, page: &Path, extra: &[String]) -> Output {
    let mut c = std::process::Command::new("timeout");
    c.arg("300").arg(chromium).args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()));
    let out = c.output().expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The width, height and size of a PNG file.
fn png_info(path: &Path) -> (u32, u32, usize) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20), bytes.len())
}

/// Where screenshots are kept for people to look at.
fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn screenshot(chromium: &Path, dir: &Path, page: &Path, name: &str) -> (u32, u32, usize) {
    let png = shots().join(format!("{name}.png"));
    let out = run(
        chromium,
        &dir.join(format!("profile-{name}")),
        page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1200,900".to_string(),
        ],
    );
    let log = String::from_utf8_lossy(&out.stderr);
    for bad in [
        "CONSOLE",
        "Uncaught",
        "Failed to load",
        "ERR_FILE_NOT_FOUND",
    ] {
        assert!(
            !log.contains(bad),
            "{name}: {bad} in the browser log:\n{log}"
        );
    }
    png_info(&png)
}

/// The screenshot of `page` is the window's size and far from blank: compared with a blank
/// page of the same colour, which compresses to almost nothing.
fn assert_not_blank(chromium: &Path, dir: &Path, page: &Path, name: &str) {
    let blank = dir.join("blank.html");
    std::fs::write(
        &blank,
        "<!DOCTYPE html><html><body style=\"background:#f5f7fa\"></body></html>",
    )
    .unwrap();
    let (_, _, blank_size) = screenshot(chromium, dir, &blank, &format!("{name}-blank"));
    let (w, h, size) = screenshot(chromium, dir, page, name);
    assert_eq!((w, h), (1200, 900));
    assert!(
        size > 4 * blank_size,
        "{name}: the screenshot looks blank: {size} bytes, a blank page is {blank_size}"
    );
}

/// The layout facts `probe.js` measures on a copy of `page`.
fn probe(chromium: &Path, dir: &Path, page: &Path, name: &str) -> Value {
    let html = std::fs::read_to_string(page).unwrap();
    let script = include_str!("probe.js");
    let probed = html.replacen("</body>", &format!("<script>{script}</script></body>"), 1);
    assert_ne!(probed, html, "{name}: no </body>");
    let copy = dir.join(format!("{name}-probe.html"));
    std::fs::write(&copy, probed).unwrap();
    let out = run(
        chromium,
        &dir.join(format!("profile-probe-{name}")),
        &copy,
        &[
            "--dump-dom".into(),
            "--window-size=1200,900".into(),
            "--virtual-time-budget=10000".into(),
        ],
    );
    let dom = String::from_utf8(out.stdout).unwrap();
    let start = dom
        .rfind("<pre id=\"probe-facts\">")
        .unwrap_or_else(|| panic!("{name}: the probe did not finish:\n{dom}"));
    let text = &dom[start + "<pre id=\"probe-facts\">".len()..];
    let text = &text[..text.find("</pre>").unwrap()];
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let facts: Value = serde_json::from_str(&text).unwrap();
    assert!(
        facts.get("error").is_none(),
        "{name}: the probe failed: {facts}"
    );
    assert_eq!(
        facts["overflowX"], false,
        "{name}: the page overflows sideways"
    );
    facts
}

/// The text of `page` printed to PDF, or `None` (with a visible note) without `pdftotext`.
fn printed_text(chromium: &Path, dir: &Path, page: &Path, name: &str) -> Option<String> {
    let Some(pdftotext) = find("pdftotext") else {
        skip(&format!(
            "{name}: pdftotext is not installed, the PDF check is left out (apt-get install poppler-utils)"
        ));
        return None;
    };
    let pdf = shots().join(format!("{name}.pdf"));
    run(
        chromium,
        &dir.join(format!("profile-pdf-{name}")),
        page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    let out = std::process::Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    // Lines wrap where the page does: compare with single spaces.
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Every answer shows once the print rules apply, including those folded on screen.
fn assert_prints_every_answer(facts: &Value, name: &str) {
    let printed = facts["print"]["printed"].as_array().unwrap();
    assert!(!printed.is_empty(), "{name}: no answers found");
    for a in printed {
        assert_eq!(
            a["shown"], true,
            "{name}: an answer is left out of print: {a}"
        );
    }
    assert!(
        facts["print"]["rules"].as_u64().unwrap() > 0,
        "{name}: no print rules"
    );
}

/// Every series of every chart with several is visible (at least a fifth of what it shows when
/// drawn alone), each with its own dash pattern and marker, and the names at the line ends do
/// not overlap.
fn assert_series_distinguishable(facts: &Value, name: &str) -> usize {
    let charts = facts["charts"].as_array().unwrap();
    for chart in charts {
        let series = chart["series"].as_array().unwrap();
        for s in series {
            let visible = s["visible"].as_f64().unwrap();
            assert!(
                visible >= 0.2,
                "{name}: in “{}”, series {} is hidden by the others ({:.0}% of it shows)",
                chart["title"],
                s["name"],
                visible * 100.0
            );
        }
        let mut styles: Vec<String> = series
            .iter()
            .map(|s| format!("{} {}", s["dash"], s["marker"]))
            .collect();
        styles.sort();
        styles.dedup();
        assert_eq!(
            styles.len(),
            series.len(),
            "{name}: two series look alike: {chart}"
        );
        assert_eq!(
            chart["labelOverlaps"], 0,
            "{name}: end labels overlap: {chart}"
        );
        assert_eq!(
            chart["endLabels"].as_u64().unwrap() as usize,
            series.len(),
            "{name}: a series is not named at its end: {chart}"
        );
    }
    charts.len()
}

#[test]
fn the_html_report_loads_in_headless_chromium_and_is_not_blank() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    practice(&data, Some("Ana"), &[Q1, Q2], &[WEAK, NASTY]);
    practice(&data, Some("Ana"), &[Q1], &[STRONG]);
    let page = dir.path().join("report.html");
    bin()
        .arg("--data-dir")
        .arg(&data)
        .args(["report", "--format", "html", "--output"])
        .arg(&page)
        .assert()
        .success();

    // It loads, and the browser sees the text and the charts (and no script from the answer).
    let dom = run(
        &chromium,
        &dir.path().join("profile-dom"),
        &page,
        &["--dump-dom".into()],
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(dom.contains("What to practise next"), "{dom}");
    assert!(dom.contains("<svg") && dom.contains("Every answer"));
    assert!(!dom.contains("<script"));
    assert!(dom.contains("&lt;script&gt;"));
    assert_not_blank(&chromium, dir.path(), &page, "personal-small");
}

#[test]
fn the_personal_report_keeps_every_series_visible_and_summarises_what_is_untried() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Three sessions: the weakest parts move together, so their lines run over each other.
    practice(&data, Some("Ana"), &[Q1, Q2], &[WEAK, WEAK]);
    practice(&data, Some("Ana"), &[Q1], &[NASTY]);
    practice(&data, Some("Ana"), &[Q1, Q2], &[STRONG, STRONG]);
    let page = dir.path().join("ana.html");
    bin()
        .arg("--data-dir")
        .arg(&data)
        .args(["--name", "Ana", "report", "--format", "html", "--output"])
        .arg(&page)
        .assert()
        .success();
    assert_not_blank(&chromium, dir.path(), &page, "personal");
    let facts = probe(&chromium, dir.path(), &page, "personal");
    assert!(
        assert_series_distinguishable(&facts, "personal") >= 1,
        "no chart with several series: {facts}"
    );
    // "Not yet practised" is a summary, not screens of ids, and the detail comes last.
    let s = &facts["sections"];
    let height = s["untried"]["height"].as_f64().unwrap();
    assert!(height < 600.0, "Not yet practised is {height}px tall: {s}");
    assert!(
        s["untried-all"]["top"].as_f64().unwrap() > s["answers"]["top"].as_f64().unwrap(),
        "the list of untried questions comes before the answers: {s}"
    );
    assert_prints_every_answer(&facts, "personal");
}

#[test]
fn series_with_the_same_values_stay_visible_in_the_browser() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let labels: Vec<String> = ["Mon", "Tue", "Wed", "Thu"].map(String::from).to_vec();
    let same = [20.0, 48.0, 48.0, 71.0];
    let chart = starcoach::html::line_chart(
        "Three parts with the same scores",
        &labels,
        &[
            starcoach::html::Series {
                name: "relevance",
                values: &same,
            },
            starcoach::html::Series {
                name: "delivery",
                values: &same,
            },
            starcoach::html::Series {
                name: "specificity",
                values: &same,
            },
        ],
        100.0,
    );
    let page = dir.path().join("chart.html");
    std::fs::write(&page, starcoach::html::page("chart", &chart)).unwrap();
    screenshot(&chromium, dir.path(), &page, "same-series-chart");
    let facts = probe(&chromium, dir.path(), &page, "same-series");
    assert_eq!(assert_series_distinguishable(&facts, "same-series"), 1);
}

#[test]
fn the_cohort_report_renders_and_prints_every_folded_answer() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("cohort.csv");
    std::fs::write(
        &answers,
        format!(
            "candidate,question,answer\nAna,{Q1},\"{STRONG}\"\nAna,{Q2},\"{WEAK}\"\n\
             Ben,{Q1},\"I would listen and apologize, then fix it.\"\nBen,{Q2},\"{STRONG}\"\n\
             Cara,no-such-question,\"An answer.\"\n"
        ),
    )
    .unwrap();
    let page = dir.path().join("cohort.html");
    bin()
        .arg("grade")
        .arg(&answers)
        .arg("-o")
        .arg(&page)
        .assert()
        .code(1);
    assert_not_blank(&chromium, dir.path(), &page, "cohort");
    let facts = probe(&chromium, dir.path(), &page, "cohort");
    // Folded on screen, every one printed.
    let screen = facts["print"]["screen"].as_array().unwrap();
    assert_eq!(screen.len(), 4, "{facts}");
    assert!(
        screen.iter().all(|a| a["shown"] == false),
        "the answers are not folded on screen: {facts}"
    );
    assert_prints_every_answer(&facts, "cohort");
    if let Some(text) = printed_text(&chromium, dir.path(), &page, "cohort") {
        for answer in [STRONG, WEAK, "I would listen and apologize"] {
            let start: String = answer
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text.contains(&start),
                "the printed report leaves out “{start}…”"
            );
        }
    }
}

#[test]
fn the_drill_summary_renders_and_prints_every_answer() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("drill.html");
    bin()
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["drill", "de-escalation", "--name", "Ana Diaz", "--output"])
        .arg(&page)
        .write_stdin(format!("{STRONG}\n\n\n{WEAK}\n\n\n"))
        .assert()
        .success();
    assert_not_blank(&chromium, dir.path(), &page, "drill");
    let facts = probe(&chromium, dir.path(), &page, "drill");
    assert_prints_every_answer(&facts, "drill");
    if let Some(text) = printed_text(&chromium, dir.path(), &page, "drill") {
        assert!(text.contains("Last spring a caller was furious"), "{text}");
    }
}
