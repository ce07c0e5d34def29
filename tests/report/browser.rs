//! The HTML report in a real browser: headless Chromium loads it without errors and its
//! screenshot is not blank. Skips with a note when `chromium` is not installed (`.ci/run`
//! installs it in CI).

use std::path::PathBuf;
use std::process::Output;

use super::*;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
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

fn screenshot(chromium: &Path, dir: &Path, page: &Path, name: &str) -> (u32, u32, usize) {
    let png = dir.join(format!("{name}.png"));
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

#[test]
fn the_html_report_loads_in_headless_chromium_and_is_not_blank() {
    let Some(chromium) = chromium() else {
        eprintln!(
            "note: chromium is not installed; skipping the browser test (apt-get install chromium)"
        );
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

    // Its screenshot is the window's size and far from blank: compared with a blank page of the
    // same colour, which compresses to almost nothing.
    let blank = dir.path().join("blank.html");
    std::fs::write(
        &blank,
        "<!DOCTYPE html><html><body style=\"background:#f5f7fa\"></body></html>",
    )
    .unwrap();
    let (_, _, blank_size) = screenshot(&chromium, dir.path(), &blank, "blank");
    let (w, h, size) = screenshot(&chromium, dir.path(), &page, "report");
    assert_eq!((w, h), (1200, 900));
    assert!(
        size > 4 * blank_size,
        "the screenshot looks blank: {size} bytes, a blank page is {blank_size}"
    );
}
