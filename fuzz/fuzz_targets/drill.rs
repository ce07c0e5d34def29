//! Arbitrary text as a drill plan: `parse_drill` returns a plan or located diagnostics, never
//! panics; a plan it accepts resolves against the shipped banks to question ids that exist, or
//! to located diagnostics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use starcoach::bank::Catalog;
use starcoach::drill::parse_drill;
use starcoach_fuzz::check_diagnostics;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("shipped banks load"))
}

fuzz_target!(|data: &[u8]| {
    // Drill files are read as UTF-8 text; other bytes are refused before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_drill("fuzz.toml", text, None) {
        Ok(drill) => {
            let _ = drill.settings();
            match drill.resolve(catalog(), None) {
                Ok(ids) => {
                    for id in &ids {
                        assert!(catalog().get(id).is_some(), "resolved to unknown id {id}");
                    }
                }
                Err(d) => check_diagnostics(&d, "fuzz.toml", text),
            }
        }
        Err(d) => check_diagnostics(&d, "fuzz.toml", text),
    }
});
