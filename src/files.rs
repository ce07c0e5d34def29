//! Files a command writes: never over one it reads, and never half-written.
//!
//! "The same file" is the same device and inode, so a symbolic link, a hard link or another
//! spelling of the path (`./a.csv`, `dir/../a.csv`) is caught as well as the same name.
//! [`Inputs`] collects every file a command reads (answers, plans, rubrics, banks, the practice
//! history) and refuses an output that is one of them; [`write_atomic`] writes an output to a
//! temporary file beside it and renames it into place, so a reader (or a crash, a full disk,
//! a `kill`) sees the old file or the new one, never a truncated one.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// A file's identity: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The identity of the file `path` names (through symbolic links); `None` when there is
    /// no such file.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId::from(&m))
    }
}

impl From<&std::fs::Metadata> for FileId {
    fn from(m: &std::fs::Metadata) -> Self {
        FileId {
            dev: m.dev(),
            ino: m.ino(),
        }
    }
}

/// Every file a command reads, with what it is ("the answers file", "the practice history").
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    files: Vec<(FileId, String)>,
}

impl Inputs {
    pub fn new() -> Self {
        Inputs::default()
    }

    /// Adds `path` as `what` (a missing file is skipped: there is nothing to destroy). A folder
    /// adds the files in it and in its subfolders, two levels deep (a graded cohort folder,
    /// a bank folder, the data folder).
    pub fn add(&mut self, path: &Path, what: &str) {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        if meta.is_dir() {
            self.add_tree(path, what, 2);
        } else {
            self.push(FileId::from(&meta), format!("{what} ({})", path.display()));
        }
    }

    fn add_tree(&mut self, dir: &Path, what: &str, depth: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth > 1 {
                    self.add_tree(&path, what, depth - 1);
                }
            } else {
                self.push(FileId::from(&meta), format!("{what} ({})", path.display()));
            }
        }
    }

    fn push(&mut self, id: FileId, name: String) {
        if !self.files.iter().any(|(i, _)| *i == id) {
            self.files.push((id, name));
        }
    }

    /// What `id` is among the inputs, if it is one.
    fn find(&self, id: FileId) -> Option<&str> {
        self.files
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.as_str())
    }

    /// Refuses `output` when it is one of the inputs (the same file by device and inode).
    pub fn check_output(&self, output: &Path) -> Result<(), Error> {
        if let Some(id) = FileId::of(output) {
            if let Some(what) = self.find(id) {
                return Err(Error::Usage(format!(
                    "{}: not written, because it is {what}, which this command reads; writing there would destroy it. Choose another output file",
                    output.display()
                )));
            }
        }
        Ok(())
    }

    /// Refuses when stdout is redirected into one of the inputs (`>> attempts.jsonl`).
    pub fn check_stdout(&self) -> Result<(), Error> {
        use std::os::fd::AsFd;
        let stdout = std::io::stdout();
        let Ok(fd) = stdout.as_fd().try_clone_to_owned() else {
            return Ok(());
        };
        let Ok(meta) = File::from(fd).metadata() else {
            return Ok(());
        };
        if !meta.is_file() {
            return Ok(());
        }
        match self.find(FileId::from(&meta)) {
            Some(what) => Err(Error::Usage(format!(
                "standard output is redirected into {what}, which this command reads; nothing was written. Redirect to another file"
            ))),
            None => Ok(()),
        }
    }

    /// Refuses the same output named twice (two names for one file included).
    pub fn check_distinct(outputs: &[PathBuf]) -> Result<(), Error> {
        for (i, a) in outputs.iter().enumerate() {
            for b in &outputs[..i] {
                let same = match (FileId::of(a), FileId::of(b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => where_written(a) == where_written(b),
                };
                if same {
                    return Err(Error::Usage(format!(
                        "{} and {} are the same file; name each output once",
                        b.display(),
                        a.display()
                    )));
                }
            }
        }
        Ok(())
    }
}

/// The folder (resolved) and name a not-yet-existing output will get.
fn where_written(p: &Path) -> (Option<PathBuf>, Option<std::ffi::OsString>) {
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    (
        std::fs::canonicalize(dir).ok(),
        p.file_name().map(|n| n.to_os_string()),
    )
}

/// Writes `bytes` to `path` atomically: to a new temporary file in the same folder, synced,
/// then renamed over `path`. An existing file keeps its permissions; a symbolic link is
/// followed, so the file it points to is replaced and the link stays. On any failure the old
/// file is untouched and the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.commit()
}

/// An output written a piece at a time and put in place only by [`AtomicFile::commit`], as
/// [`write_atomic`] does: until then (and if it is dropped instead) the old file is untouched,
/// and the temporary file is removed.
pub struct AtomicFile {
    path: PathBuf,
    target: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile, Error> {
        let target = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(path).unwrap_or(path.into())
            }
            _ => path.to_path_buf(),
        };
        if target.is_dir() {
            return Err(Error::Usage(format!(
                "{}: is a folder; name a file to write",
                path.display()
            )));
        }
        let name = target
            .file_name()
            .ok_or_else(|| Error::Usage(format!("{}: not a file name", path.display())))?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}.tmp", std::process::id()));
        let tmp = dir.join(tmp_name);
        let f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| Error::io(path, e))?;
        let mut out = AtomicFile {
            path: path.to_path_buf(),
            target,
            tmp,
            file: Some(std::io::BufWriter::with_capacity(64 << 10, f)),
        };
        if let Ok(old) = std::fs::metadata(&out.target) {
            out.handle()
                .get_ref()
                .set_permissions(old.permissions())
                .map_err(|e| Error::io(path, e))?;
        }
        Ok(out)
    }

    /// The path the file is written to, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn handle(&mut self) -> &mut std::io::BufWriter<File> {
        self.file.as_mut().expect("an uncommitted file")
    }

    /// Syncs the file and renames it over the target.
    pub fn commit(mut self) -> Result<(), Error> {
        let result = (|| {
            let f = self.file.take().expect("an uncommitted file");
            let f = f.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            drop(f);
            std::fs::rename(&self.tmp, &self.target)?;
            // The rename itself is on disk once the folder is synced (not possible everywhere).
            if let Some(dir) = self.tmp.parent()
                && let Ok(d) = File::open(dir)
            {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        result.map_err(|e: std::io::Error| {
            let _ = std::fs::remove_file(&self.tmp);
            Error::io(&self.path, e)
        })
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.handle().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.handle().flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_is_caught_through_links_and_other_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        std::fs::write(&a, "x").unwrap();
        let mut inputs = Inputs::new();
        inputs.add(&a, "the answers file");
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        let hard = dir.path().join("hard.csv");
        std::fs::hard_link(&a, &hard).unwrap();
        let dotted = dir.path().join(".").join("a.csv");
        for p in [&a, &link, &hard, &dotted] {
            let e = inputs.check_output(p).unwrap_err().to_string();
            assert!(e.contains("the answers file"), "{e}");
        }
        assert!(inputs.check_output(&dir.path().join("b.csv")).is_ok());
        std::fs::write(dir.path().join("c.csv"), "").unwrap();
        assert!(inputs.check_output(&dir.path().join("c.csv")).is_ok());
    }

    #[test]
    fn atomic_writes_replace_the_file_keep_links_and_leave_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "{names:?}");
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("is a folder"), "{e}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder").join("out.csv");
        assert!(write_atomic(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}
