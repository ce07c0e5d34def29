//! The library's one error type.

use std::io;
use std::path::PathBuf;

use crate::diag::Diagnostics;

/// Everything that can go wrong in the library. Data-file problems carry located
/// [`Diagnostics`]; the CLI maps variants to exit codes (see `cli::exit`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank, rubric or drill file is invalid; every problem found is listed.
    #[error("{0}")]
    Invalid(Diagnostics),

    /// Reading or writing a file failed.
    #[error("{}: {}", path.display(), describe_io(source))]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// A file that should hold text is not valid UTF-8.
    #[error(
        "{}: not valid UTF-8 text (first bad byte at offset {offset}); save it as UTF-8 and try again",
        path.display()
    )]
    NotUtf8 { path: PathBuf, offset: usize },

    /// A question id that is in none of the loaded banks.
    #[error("unknown question id `{id}`{}", hint(suggestions))]
    UnknownQuestion {
        id: String,
        suggestions: Vec<String>,
    },

    /// Anything else the user asked for that cannot be done, said in plain words.
    #[error("{0}")]
    Usage(String),
}

fn hint(suggestions: &[String]) -> String {
    let refs: Vec<&str> = suggestions.iter().map(String::as_str).collect();
    let dym = crate::suggest::did_you_mean(&refs);
    if dym.is_empty() {
        "; run `starcoach questions` to list them".to_string()
    } else {
        format!("; {dym}")
    }
}

/// Turns the common I/O errors into advice.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied (is it read-only?)".to_string(),
        io::ErrorKind::StorageFull => "the disk is full; free some space".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        io::ErrorKind::IsADirectory => "is a directory, expected a file".to_string(),
        io::ErrorKind::NotADirectory => "part of this path is a file, not a folder".to_string(),
        io::ErrorKind::AlreadyExists => {
            "a file of that name is in the way (a folder was expected)".to_string()
        }
        _ => e.to_string(),
    }
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// What to say about a UTF-16 file.
pub const UTF16_ADVICE: &str = "this is UTF-16 text (as some Windows programs save it), and starcoach reads UTF-8: save it as UTF-8 (in Excel: CSV UTF-8; in Notepad: Save as, Encoding UTF-8)";

/// Whether `bytes` look like UTF-16 text: a UTF-16 byte-order mark, or a NUL in every other
/// byte of the start (ASCII text saved as UTF-16).
pub fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return true;
    }
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 4 && {
        let nul_at = |parity: usize| {
            head.iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == parity)
                .all(|(_, &b)| b == 0)
        };
        nul_at(0) != nul_at(1)
    }
}

/// Reads a whole file as UTF-8 text, with errors that name the file.
pub fn read_text(path: &std::path::Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if looks_utf16(&bytes) {
        return Err(Error::Usage(format!("{}: {UTF16_ADVICE}", path.display())));
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
