//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::print_stderr)]

use std::path::PathBuf;

/// `../shared` beside the checkout (seeds and external test data), or `None` with a note when a
/// fresh clone does not have it: such tests skip rather than fail.
pub fn shared(what: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("note: ../shared is not beside this checkout; skipping {what}");
        None
    }
}

/// The text of the seed document whose name starts with `prefix` (e.g. "003").
pub fn seed(shared: &std::path::Path, prefix: &str) -> String {
    let dir = shared.join("seeds");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Lowercase, straight quotes, single spaces: for comparing our copies with the seeds.
pub fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches('"')
        .to_lowercase()
}
