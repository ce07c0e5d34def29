//! Practice records: every attempt is appended to `attempts.jsonl` in the data directory as it
//! is given, flushed and synced, so killing the program loses at most the answer being typed.
//!
//! One JSON object per line ([`AttemptRecord`], `v` = record version). The data directory is
//! `--data-dir`, else `STARCOACH_DATA_DIR`, else `$XDG_DATA_HOME/starcoach`, else
//! `~/.local/share/starcoach`.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analyze::Analysis;
use crate::error::Error;
use crate::feedback::Feedback;

/// The record format version.
pub const RECORD_VERSION: u32 = 1;

/// The file attempts are appended to, inside the data directory.
pub const ATTEMPTS_FILE: &str = "attempts.jsonl";

/// One answer given in practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub v: u32,
    /// UTC, RFC 3339 (`2026-11-23T10:15:00Z`).
    pub time: String,
    /// Groups the attempts of one practice session (or drill run).
    pub session: String,
    /// The candidate, when given (`--name`).
    #[serde(default)]
    pub name: Option<String>,
    pub question: String,
    pub question_text: String,
    pub kind: crate::bank::Kind,
    #[serde(default)]
    pub tags: Vec<String>,
    /// 1 for the first attempt at this question in the session, 2 for the first retry, ...
    pub attempt: u32,
    pub retry: bool,
    /// This is an answer to a follow-up question (analyzed together with the answer before).
    #[serde(default)]
    pub follow_up_answer: bool,
    pub answer: String,
    pub words: usize,
    pub overall: f64,
    pub band: String,
    /// Score per dimension, in rubric order.
    pub scores: Vec<(crate::rubric::Dimension, f64)>,
    pub episode: crate::analyze::Episode,
    /// One letter per sentence: S, T, A, R, L (reflection) or · (other).
    pub star: String,
    /// The rule ids of the findings, most important first.
    pub findings: Vec<String>,
    /// The follow-up question the coach asked, if any.
    #[serde(default)]
    pub follow_up: Option<String>,
    /// The drill this attempt belongs to, if any.
    #[serde(default)]
    pub drill: Option<String>,
    /// The written-English notes' counts, when the checker ran before the record was written
    /// (absent in older records and when it did not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::english::summary::Record>,
}

impl AttemptRecord {
    /// A record of `analysis` of an answer to `question`.
    pub fn new(
        session: &str,
        name: Option<&str>,
        question: &crate::bank::Question,
        analysis: &Analysis,
        feedback: &Feedback,
    ) -> Self {
        AttemptRecord {
            v: RECORD_VERSION,
            time: now_rfc3339(),
            session: session.to_string(),
            name: name.map(str::to_string),
            question: question.id.clone(),
            question_text: question.text.clone(),
            kind: question.kind,
            tags: question.tags.clone(),
            attempt: 1,
            retry: false,
            follow_up_answer: false,
            answer: analysis.text.clone(),
            words: analysis.words,
            overall: analysis.overall,
            band: analysis.band.clone(),
            scores: analysis
                .dimensions
                .iter()
                .map(|d| (d.dimension, d.score))
                .collect(),
            episode: analysis.episode,
            star: analysis
                .sentences
                .iter()
                .map(|s| s.label.letter())
                .collect(),
            findings: analysis.findings.iter().map(|f| f.rule.clone()).collect(),
            follow_up: feedback.follow_up.as_ref().map(|f| f.text.clone()),
            drill: None,
            language: feedback.language.as_ref().map(Into::into),
        }
    }
}

/// Where practice data lives.
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("STARCOACH_DATA_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p).join("starcoach"));
    }
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(|h| PathBuf::from(h).join(".local/share/starcoach"))
}

/// Appends attempt records, one line each, synced to disk.
#[derive(Debug)]
pub struct Recorder {
    path: PathBuf,
    file: File,
}

impl Recorder {
    /// Opens (creating) `attempts.jsonl` in `dir`. When the file's last line was cut off (a
    /// crash while writing), a line break is added first, so the next record starts a line of
    /// its own instead of being glued to the damaged one.
    pub fn open(dir: &Path) -> Result<Recorder, Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(ATTEMPTS_FILE);
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        if ends_unfinished(&mut file).map_err(|e| Error::io(&path, e))? {
            file.write_all(b"\n").map_err(|e| Error::io(&path, e))?;
        }
        Ok(Recorder { path, file })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one record as one line and syncs it.
    pub fn record(&mut self, rec: &AttemptRecord) -> Result<(), Error> {
        let mut line = serde_json::to_string(rec).expect("records serialize");
        line.push('\n');
        self.file
            .write_all(line.as_bytes())
            .and_then(|_| self.file.sync_data())
            .map_err(|e| Error::io(&self.path, e))
    }
}

/// Whether a non-empty file does not end with a line break.
fn ends_unfinished(file: &mut File) -> std::io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// A new session id: the start time plus the process id, unique enough for one machine.
pub fn new_session_id() -> String {
    let (secs, nanos) = unix_now();
    format!("{secs:x}-{:x}-{:04x}", std::process::id(), nanos & 0xffff)
}

fn unix_now() -> (u64, u32) {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| (d.as_secs(), d.subsec_nanos()))
        .unwrap_or((0, 0))
}

/// The current time as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    rfc3339(unix_now().0)
}

/// Seconds since the epoch as RFC 3339 UTC (`1970-01-01T00:00:00Z`).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (Howard Hinnant's method).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
    }

    #[test]
    fn a_cut_off_last_line_does_not_swallow_the_next_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ATTEMPTS_FILE);
        std::fs::write(&path, "{\"v\":1,\"time\":\"2026-").unwrap();
        let mut r = Recorder::open(dir.path()).unwrap();
        r.file.write_all(b"{}\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\"v\":1,\"time\":\"2026-\n{}\n");
        // A file that ends properly gets nothing added.
        drop(r);
        Recorder::open(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
