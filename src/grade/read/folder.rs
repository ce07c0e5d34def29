//! Reading a graded folder, `FOLDER/CANDIDATE/QUESTION-ID.txt` (or `.md`): only the
//! folder's own regular files are read. A link is followed only to a file inside the folder,
//! and a broken link, a FIFO (which would block the run forever), a socket or a device is a
//! skipped row that says so.

use std::path::{Path, PathBuf};

use super::{Batch, Fields, Location, Skipped, display, push, read_bytes, to_row};
use crate::error::Error;

/// What a folder entry is, for reading: links are followed only to files inside the graded
/// folder, and only regular files are read (a FIFO would block the run forever, a device or
/// socket is no answer).
enum Entry {
    Dir,
    File,
    /// Not to be read, and why.
    Refused(String),
}

fn classify(path: &Path, root: &Path) -> Entry {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => return Entry::Refused(crate::error::describe_io(&e)),
    };
    let meta = if meta.file_type().is_symlink() {
        let Ok(target) = std::fs::canonicalize(path) else {
            return Entry::Refused("a broken link (what it points to does not exist)".into());
        };
        if !target.starts_with(root) {
            return Entry::Refused(format!(
                "a link to {}, outside the graded folder: not followed",
                target.display()
            ));
        }
        match std::fs::metadata(&target) {
            Ok(m) => m,
            Err(e) => return Entry::Refused(crate::error::describe_io(&e)),
        }
    } else {
        meta
    };
    if meta.is_dir() {
        Entry::Dir
    } else if meta.is_file() {
        Entry::File
    } else {
        Entry::Refused(
            "not a regular file (a pipe, socket or device): only regular files are read".into(),
        )
    }
}

/// A folder of candidate folders, each holding `QUESTION-ID.txt` (or `.md`) answers.
pub(super) fn read_folder(dir: &Path, batch: &mut Batch) {
    let entries = match sorted_entries(dir) {
        Ok(e) => e,
        Err(e) => {
            batch.errors.push(e);
            return;
        }
    };
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut candidates = 0;
    for path in entries {
        let name = file_name(&path);
        if name.starts_with('.') {
            continue;
        }
        match classify(&path, &root) {
            Entry::Dir => {}
            Entry::File => {
                if is_answer_file(&path) && !name.to_ascii_lowercase().starts_with("readme") {
                    batch.skipped.push(Skipped {
                        at: Location::new(&display(&path), 0),
                        reason: format!(
                            "answer files go in a folder per candidate: {}/CANDIDATE/QUESTION-ID.txt",
                            display(dir)
                        ),
                    });
                }
                continue;
            }
            Entry::Refused(reason) => {
                batch.skipped.push(Skipped {
                    at: Location::new(&display(&path), 0),
                    reason,
                });
                continue;
            }
        }
        candidates += 1;
        let files = match sorted_entries(&path) {
            Ok(f) => f,
            Err(e) => {
                batch.errors.push(e);
                continue;
            }
        };
        for file in files {
            if !file_name(&file).starts_with('.') {
                read_answer_file(&file, &file_name(&path), &root, batch);
            }
        }
    }
    if candidates == 0 {
        batch.skipped.push(Skipped {
            at: Location::new(&display(dir), 0),
            reason: "no candidate folders: lay answers out as FOLDER/CANDIDATE/QUESTION-ID.txt"
                .into(),
        });
    }
}

/// One `CANDIDATE/QUESTION-ID.txt` (or `.md`) file of a graded folder.
fn read_answer_file(file: &Path, candidate: &str, root: &Path, batch: &mut Batch) {
    let at = Location::new(&display(file), 0);
    let skip = |batch: &mut Batch, reason: String| {
        batch.skipped.push(Skipped {
            at: at.clone(),
            reason,
        })
    };
    match classify(file, root) {
        Entry::File if is_answer_file(file) => {}
        Entry::Refused(reason) => return skip(batch, reason),
        _ => {
            return skip(
                batch,
                "not an answer file: name answers QUESTION-ID.txt (or .md)".into(),
            );
        }
    }
    let bytes = match read_bytes(file) {
        Ok(b) => b,
        Err(e) => {
            batch.errors.push(e);
            return;
        }
    };
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(reason) => return skip(batch, reason),
    };
    let markdown = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let answer = if markdown {
        crate::answer::from_markdown(&text)
    } else {
        text
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    push(
        batch,
        to_row(
            at,
            Fields {
                candidate: Some(candidate.to_string()),
                question: Some(stem),
                answer: Some(answer),
                ..Fields::default()
            },
        ),
    );
}

/// A whole answer file as UTF-8 text, or why not (UTF-16 is named as such).
fn decode(bytes: &[u8]) -> Result<String, String> {
    if crate::error::looks_utf16(bytes) {
        return Err(crate::error::UTF16_ADVICE.into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_answer_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}
