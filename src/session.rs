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
    /// For an answer to a follow-up: the follow-up question it replies to, and the candidate's
    /// reply as typed (`answer` is the whole story with the reply in its place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// The drill this attempt belongs to, if any.
    #[serde(default)]
    pub drill: Option<String>,
    /// For an answer in a mock interview: what the interview was for ("mock interview", or
    /// "mock interview for TITLE"). Older records have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<String>,
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
            replies_to: None,
            reply: None,
            drill: None,
            interview: None,
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

/// Appends attempt records, one line each, synced to disk, and keeps the ones it could not
/// write.
///
/// Each append checks that the file ends with a line break (another process, or a crash, may
/// have left a cut-off line since the last one) and starts the record on a line of its own if
/// not; writes the whole record in one write; syncs it; and on any failure truncates the file
/// back to its length before the append, so a full disk never leaves a fragment. A record that
/// could not be written stays in memory and is written, in order, before the next one
/// ([`Recorder::record`]) or by [`Recorder::flush`]; the file is opened (and the folder
/// created) only when it is first needed, and opened again after a failure, so saving resumes
/// as soon as the disk has room or the folder can be written.
///
/// Two sessions appending at once each write whole lines; when one of them hits a full disk
/// it truncates to its own starting length, which may also drop a record the other appended
/// in the same instant (the other session does not know and keeps going).
#[derive(Debug)]
pub struct Recorder {
    dir: PathBuf,
    path: PathBuf,
    file: Option<File>,
    /// Serialized records not on disk yet, oldest first.
    pending: Vec<String>,
}

impl Recorder {
    /// A recorder for `attempts.jsonl` in `dir`. Nothing is touched on disk until the first
    /// record.
    pub fn new(dir: &Path) -> Recorder {
        Recorder {
            dir: dir.to_path_buf(),
            path: dir.join(ATTEMPTS_FILE),
            file: None,
            pending: Vec::new(),
        }
    }

    /// A recorder with the file opened (and the folder created) at once, to find out now
    /// whether saving works.
    pub fn open(dir: &Path) -> Result<Recorder, Error> {
        let mut r = Recorder::new(dir);
        r.file = Some(r.open_file()?);
        Ok(r)
    }

    fn open_file(&self) -> Result<File, Error> {
        let dir = &self.dir;
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Usage(format!(
                "{}: is a file, not a folder; the data folder (--data-dir, STARCOACH_DATA_DIR) must be a folder",
                dir.display()
            )));
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut options = OpenOptions::new();
        options.create(true).read(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(&self.path)
            .map_err(|e| Error::io(&self.path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records not on disk yet.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// Queues one record and writes every queued record. An error means at least this record
    /// is not on disk yet: it is kept and written with the next record or by [`flush`].
    ///
    /// [`flush`]: Recorder::flush
    pub fn record(&mut self, rec: &AttemptRecord) -> Result<(), Error> {
        self.pending
            .push(serde_json::to_string(rec).expect("records serialize"));
        self.flush()
    }

    /// Writes the queued records, oldest first, each synced; stops at the first failure.
    pub fn flush(&mut self) -> Result<(), Error> {
        while !self.pending.is_empty() {
            let file = match self.file.as_mut() {
                Some(f) => f,
                None => self.file.insert(self.open_file()?),
            };
            if let Err(e) = append_line(file, &self.pending[0]) {
                // Opened again next time: the folder or the file may have changed meanwhile.
                self.file = None;
                return Err(Error::io(&self.path, e));
            }
            self.pending.remove(0);
        }
        Ok(())
    }

    /// Writes the records still unsaved to a file of their own in the system's temporary
    /// folder (usually another disk), to add to the history by hand later. Returns where,
    /// or `None` when that failed too (or nothing was unsaved).
    pub fn rescue(&self, session: &str) -> Option<PathBuf> {
        if self.pending.is_empty() {
            return None;
        }
        let path = std::env::temp_dir().join(format!("starcoach-unsaved-{session}.jsonl"));
        let mut text = self.pending.join("\n");
        text.push('\n');
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()));
        match written {
            Ok(()) => Some(path),
            Err(_) => {
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// The text of each unsaved answer, oldest first (for the candidate to copy when even
    /// [`Recorder::rescue`] failed).
    pub fn unsaved_answers(&self) -> Vec<String> {
        self.pending
            .iter()
            .filter_map(|l| serde_json::from_str::<AttemptRecord>(l).ok())
            .map(|r| r.answer)
            .collect()
    }
}

/// Appends `line` and a line break to `file` (opened for appending) in one write and syncs
/// it; a line break goes first when the file does not end with one. On failure the file is
/// truncated back to its length before, so no fragment is left.
fn append_line(file: &mut File, line: &str) -> std::io::Result<()> {
    let before = file.metadata()?.len();
    let mut buf = Vec::with_capacity(line.len() + 2);
    if before > 0 && !ends_with_newline(file, before)? {
        buf.push(b'\n');
    }
    buf.extend_from_slice(line.as_bytes());
    buf.push(b'\n');
    let written = file.write_all(&buf).and_then(|_| file.sync_data());
    if written.is_err() {
        let _ = file.set_len(before);
        let _ = file.sync_data();
    }
    written
}

/// Whether the last byte of a file of length `len` (above 0) is a line break.
fn ends_with_newline(file: &mut File, len: u64) -> std::io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
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

    fn record(answer: &str) -> AttemptRecord {
        serde_json::from_value(serde_json::json!({
            "v": 1, "time": "2026-11-20T10:00:00Z", "session": "s1", "name": null,
            "question": "q1", "question_text": "Tell me about a time.",
            "kind": "behavioral", "tags": [], "attempt": 1, "retry": false,
            "answer": answer, "words": 2, "overall": 40.0, "band": "needs work",
            "scores": [], "episode": "specific", "star": "A", "findings": [], "follow_up": null
        }))
        .unwrap()
    }

    #[test]
    fn a_cut_off_line_left_by_anyone_does_not_swallow_the_next_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ATTEMPTS_FILE);
        std::fs::write(&path, "{\"v\":1,\"time\":\"2026-").unwrap();
        let mut r = Recorder::open(dir.path()).unwrap();
        r.record(&record("one")).unwrap();
        // Another process leaves a fragment after this recorder opened the file.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"v\":1,\"tim")
            .unwrap();
        r.record(&record("two")).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let h = crate::history::parse(text.as_bytes(), &path);
        let answers: Vec<&str> = h.attempts.iter().map(|a| a.answer.as_str()).collect();
        assert_eq!(answers, ["one", "two"]);
        assert_eq!(
            h.skipped.len(),
            2,
            "the two fragments, each on its own line"
        );
        assert!(text.ends_with('\n'));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_failed_append_keeps_the_record_and_leaves_no_fragment() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/full", dir.path().join(ATTEMPTS_FILE)).unwrap();
        let mut r = Recorder::new(dir.path());
        let e = r.record(&record("kept")).unwrap_err().to_string();
        assert!(e.contains("the disk is full"), "{e}");
        assert_eq!(r.unsaved(), 1);
        assert!(r.record(&record("also kept")).is_err());
        assert_eq!(r.unsaved_answers(), ["kept", "also kept"]);
        // Space returns: the next write saves both, oldest first.
        std::fs::remove_file(dir.path().join(ATTEMPTS_FILE)).unwrap();
        r.flush().unwrap();
        assert_eq!(r.unsaved(), 0);
        let h = crate::history::read(dir.path()).unwrap();
        let answers: Vec<&str> = h.attempts.iter().map(|a| a.answer.as_str()).collect();
        assert_eq!(answers, ["kept", "also kept"]);
    }

    #[test]
    fn a_data_dir_that_is_a_file_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data");
        std::fs::write(&file, "").unwrap();
        let e = Recorder::open(&file).unwrap_err().to_string();
        assert!(e.contains("is a file, not a folder"), "{e}");
    }
}
