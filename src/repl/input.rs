//! Where the session's input comes from: a terminal (rustyline: editing, history, Tab
//! completion, multi-line answers) or a pipe (plain lines, so scripts and tests can drive it).
//!
//! In a terminal, SIGTERM and SIGHUP end the session as Ctrl-D does (the editor gives the
//! terminal back in its normal mode, the summary is shown, the line history kept), and an
//! answer thrown away with Ctrl-C is kept: Up recalls it, `:restore` puts it back in the
//! editor. The line history is the candidate's own (one file per `--name`), and there is none
//! on disk with `--no-save`.

use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{
    Cmd, ConditionalEventHandler, Event, EventContext, EventHandler, KeyEvent, RepeatCount,
};

use super::commands;

/// What one read produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A submitted answer (may span lines) or command.
    Text(String),
    /// Ctrl-C: `discarded` is true when an answer was being typed.
    Interrupted { discarded: bool },
    /// Ctrl-D on an empty prompt, or the end of piped input.
    Eof,
}

/// A source of entries.
pub trait Input {
    fn read(&mut self, prompt: &str) -> io::Result<Entry>;
    /// Like `read`, with `initial` already in the editor to change (a terminal only; elsewhere
    /// it is the same as `read`).
    fn read_initial(&mut self, prompt: &str, initial: &str) -> io::Result<Entry> {
        let _ = initial;
        self.read(prompt)
    }
    /// Question ids for `:question` completion.
    fn set_ids(&mut self, _ids: Vec<String>) {}
    /// Starts the answer clock shown with `--timer`.
    fn start_clock(&mut self) {}
    /// Saves the line history, if any.
    fn save(&mut self) {}
    /// Whether prompts and colour make sense (a terminal).
    fn interactive(&self) -> bool;
    /// The answer the last Ctrl-C threw away, once (for `:restore`).
    fn take_discarded(&mut self) -> Option<String> {
        None
    }
    /// The signal (SIGTERM 15, SIGHUP 1) that ended input, if one did.
    fn terminated(&self) -> Option<i32> {
        None
    }
}

/// The signal that asked the session to end (0: none yet).
static TERMINATED: AtomicI32 = AtomicI32::new(0);
/// Set once the session has seen [`TERMINATED`] and is ending by itself.
static ENDING: AtomicBool = AtomicBool::new(false);

/// How long the session may take to end by itself after SIGTERM or SIGHUP before the
/// process exits anyway (every answer given is on disk already).
const GRACE: Duration = Duration::from_secs(3);

/// Catches SIGTERM and SIGHUP for the session. The line editor only stops reading for
/// SIGINT, so the watcher thread raises one: the editor's handler wakes it (it waits on a
/// pipe that handler writes, which the external printer made it watch), it restores the
/// terminal and returns as for Ctrl-C, and [`Terminal`] then reads the end of input. Outside
/// the editor SIGINT is caught too, so the raised one never kills the process.
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static WATCHING: AtomicBool = AtomicBool::new(false);
    if WATCHING.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    signal_hook::flag::register(SIGINT, Arc::new(AtomicBool::new(false)))?;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            TERMINATED.store(sig, Ordering::SeqCst);
            let _ = signal_hook::low_level::raise(SIGINT);
            std::thread::sleep(GRACE);
            if !ENDING.load(Ordering::SeqCst) {
                std::process::exit(128 + sig);
            }
        }
    });
    Ok(())
}

/// The signal that ended the session, noting that the session has seen it.
fn terminated() -> Option<i32> {
    match TERMINATED.load(Ordering::SeqCst) {
        0 => None,
        sig => {
            ENDING.store(true, Ordering::SeqCst);
            Some(sig)
        }
    }
}

/// The line-history file of `name` (or of unnamed practice) in the data folder: one file per
/// person, named so any name makes a safe file name.
pub fn history_file(data_dir: &Path, name: Option<&str>) -> PathBuf {
    let dir = data_dir.join("line-history");
    let Some(name) = name
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
    else {
        return dir.join("unnamed.txt");
    };
    let mut file = String::from("name-");
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            file.push(b as char);
        } else {
            file.push_str(&format!("%{b:02x}"));
        }
    }
    file.push_str(".txt");
    dir.join(file)
}

/// Shared state between the loop and the rustyline helper.
#[derive(Default)]
struct Shared {
    ids: Vec<String>,
    /// The buffer as of the last keystroke, to tell if Ctrl-C threw an answer away.
    last_line: String,
    clock: Option<Instant>,
}

/// The rustyline helper: completion, the answer validator, the timer hint.
pub struct Helper {
    shared: Arc<Mutex<Shared>>,
    timer: bool,
}

impl rustyline::Helper for Helper {}
impl Highlighter for Helper {}

impl Completer for Helper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if !before.starts_with(':') || before.contains('\n') {
            return Ok((pos, Vec::new()));
        }
        let pair = |s: &str| Pair {
            display: s.to_string(),
            replacement: s.to_string(),
        };
        match before[1..].split_once(' ') {
            None => {
                let typed = &before[1..];
                Ok((
                    1,
                    commands::names()
                        .filter(|n| n.starts_with(typed))
                        .map(pair)
                        .collect(),
                ))
            }
            Some(("question" | "q" | "goto", arg)) => {
                let start = pos - arg.len();
                let shared = self.shared.lock().expect("helper state");
                Ok((
                    start,
                    shared
                        .ids
                        .iter()
                        .filter(|id| id.starts_with(arg.trim_start()))
                        .map(|id| pair(id))
                        .collect(),
                ))
            }
            Some(_) => Ok((pos, Vec::new())),
        }
    }
}

impl Hinter for Helper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, _ctx: &rustyline::Context<'_>) -> Option<String> {
        let mut shared = self.shared.lock().ok()?;
        shared.last_line.clear();
        shared.last_line.push_str(line);
        if !self.timer || pos < line.len() || line.starts_with(':') {
            return None;
        }
        let secs = shared.clock?.elapsed().as_secs();
        Some(format!("   [{}:{:02}]", secs / 60, secs % 60))
    }
}

impl Validator for Helper {
    /// An answer is complete when its last line is blank; a command or an empty entry at once.
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim().is_empty() || commands::is_command(input) || input.ends_with('\n') {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

/// Ctrl-D on an empty last line of an answer sends it (on an empty prompt it still means EOF).
struct CtrlD;

impl ConditionalEventHandler for CtrlD {
    fn handle(
        &self,
        _evt: &Event,
        _n: RepeatCount,
        _positive: bool,
        ctx: &EventContext,
    ) -> Option<Cmd> {
        // At the end of a non-empty answer there is nothing to delete: send it.
        let line = ctx.line();
        (!line.is_empty() && ctx.pos() == line.len()).then_some(Cmd::AcceptLine)
    }
}

/// A terminal, through rustyline.
pub struct Terminal {
    editor: rustyline::Editor<Helper, DefaultHistory>,
    shared: Arc<Mutex<Shared>>,
    /// The line-history file (`None`: nothing on disk).
    history: Option<PathBuf>,
    /// The answer the last Ctrl-C threw away.
    discarded: Option<String>,
    /// Kept for its side effect: the editor then waits on its signal pipe too (see
    /// [`watch_signals`]). There is none when stdout is not a terminal (the editor is not in
    /// raw mode then, and a signal ends the session after [`GRACE`]).
    _printer: Option<Box<dyn rustyline::ExternalPrinter + Send>>,
}

impl Terminal {
    /// A terminal session; `history` is the line-history file to load and save (see
    /// [`history_file`]), or `None` to keep nothing on disk (`--no-save`).
    pub fn new(history: Option<PathBuf>, timer: bool) -> rustyline::Result<Terminal> {
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .history_ignore_dups(true)?
            .max_history_size(1000)?
            .completion_type(rustyline::CompletionType::List)
            .build();
        let mut editor = rustyline::Editor::with_config(config)?;
        let shared = Arc::new(Mutex::new(Shared::default()));
        editor.set_helper(Some(Helper {
            shared: shared.clone(),
            timer,
        }));
        editor.bind_sequence(
            KeyEvent::ctrl('D'),
            EventHandler::Conditional(Box::new(CtrlD)),
        );
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        let printer = editor
            .create_external_printer()
            .ok()
            .map(|p| Box::new(p) as Box<dyn rustyline::ExternalPrinter + Send>);
        watch_signals()?;
        Ok(Terminal {
            editor,
            shared,
            history,
            discarded: None,
            _printer: printer,
        })
    }
}

impl Terminal {
    fn read_with(&mut self, prompt: &str, initial: Option<&str>) -> io::Result<Entry> {
        if terminated().is_some() {
            return Ok(Entry::Eof);
        }
        if let Ok(mut s) = self.shared.lock() {
            s.last_line.clear();
        }
        let read = match initial {
            Some(text) => self.editor.readline_with_initial(prompt, (text, "")),
            None => self.editor.readline(prompt),
        };
        match read {
            Ok(text) => {
                // The blank line that sent the answer is not part of it (as with piped input).
                let text = text.trim_end();
                if !text.is_empty() {
                    let _ = self.editor.history_mut().add(text);
                }
                Ok(Entry::Text(text.to_string()))
            }
            // However the read was cut short (the editor's Ctrl-C, or a plain read interrupted
            // when stdout is not a terminal), SIGTERM or SIGHUP means: end as on Ctrl-D.
            Err(_) if terminated().is_some() => Ok(Entry::Eof),
            Err(ReadlineError::Interrupted) => {
                let typed = self
                    .shared
                    .lock()
                    .map(|s| s.last_line.trim_end().to_string())
                    .unwrap_or_default();
                if typed.trim().is_empty() {
                    return Ok(Entry::Interrupted { discarded: false });
                }
                // Kept: Up recalls it, `:restore` puts it back.
                let _ = self.editor.history_mut().add(&typed);
                self.discarded = Some(typed);
                Ok(Entry::Interrupted { discarded: true })
            }
            Err(ReadlineError::Eof) => Ok(Entry::Eof),
            Err(ReadlineError::Io(e)) => Err(e),
            Err(e) => Err(io::Error::other(e.to_string())),
        }
    }
}

impl Input for Terminal {
    fn read(&mut self, prompt: &str) -> io::Result<Entry> {
        self.read_with(prompt, None)
    }

    fn read_initial(&mut self, prompt: &str, initial: &str) -> io::Result<Entry> {
        self.read_with(prompt, Some(initial))
    }

    fn set_ids(&mut self, ids: Vec<String>) {
        if let Ok(mut s) = self.shared.lock() {
            s.ids = ids;
        }
    }

    fn start_clock(&mut self) {
        if let Ok(mut s) = self.shared.lock() {
            s.clock = Some(Instant::now());
        }
    }

    fn save(&mut self) {
        if let Some(h) = &self.history {
            if let Some(dir) = h.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if self.editor.save_history(h).is_ok() {
                // What the candidate typed is theirs alone on a shared machine.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(h, std::fs::Permissions::from_mode(0o600));
                }
            }
        }
    }

    fn interactive(&self) -> bool {
        true
    }

    fn take_discarded(&mut self) -> Option<String> {
        self.discarded.take()
    }

    fn terminated(&self) -> Option<i32> {
        terminated()
    }
}

/// Piped input: lines; a blank line (or the end of input) ends an answer; a line starting with
/// `:` is a command when no answer is in progress.
pub struct Lines<R> {
    reader: R,
    ended: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            ended: false,
        }
    }
}

impl<R: BufRead> Input for Lines<R> {
    fn read(&mut self, _prompt: &str) -> io::Result<Entry> {
        if self.ended {
            return Ok(Entry::Eof);
        }
        let mut answer = String::new();
        loop {
            let mut line = String::new();
            let n = match self.reader.read_line(&mut line) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    // Invalid UTF-8 in piped input: keep what can be read.
                    line = String::from("\u{fffd}");
                    1
                }
                Err(e) => return Err(e),
            };
            if n == 0 {
                self.ended = true;
                return Ok(if answer.trim().is_empty() {
                    Entry::Eof
                } else {
                    Entry::Text(answer)
                });
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if answer.is_empty() && commands::is_command(line) {
                return Ok(Entry::Text(line.to_string()));
            }
            if line.trim().is_empty() {
                if answer.trim().is_empty() {
                    return Ok(Entry::Text(String::new()));
                }
                return Ok(Entry::Text(answer));
            }
            // Past the limit the rest is read but not kept: the answer is refused as too long
            // ([`crate::answer::MAX_BYTES`]), without holding gigabytes first.
            if answer.len() <= crate::answer::MAX_BYTES {
                if !answer.is_empty() {
                    answer.push('\n');
                }
                answer.push_str(line);
            }
        }
    }

    fn interactive(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<Entry> {
        let mut l = Lines::new(text.as_bytes());
        let mut out = Vec::new();
        loop {
            let e = l.read("").unwrap();
            if e == Entry::Eof {
                break;
            }
            out.push(e);
        }
        out
    }

    #[test]
    fn piped_answers_end_at_blank_lines_and_commands_stand_alone() {
        assert_eq!(
            entries(":hint\nI was a cashier.\nI helped her.\n\n:next\nLast one"),
            vec![
                Entry::Text(":hint".into()),
                Entry::Text("I was a cashier.\nI helped her.".into()),
                Entry::Text(":next".into()),
                Entry::Text("Last one".into()),
            ]
        );
    }

    #[test]
    fn a_colon_line_inside_an_answer_is_part_of_it() {
        assert_eq!(
            entries("Situation: busy\n:next\n\n"),
            vec![Entry::Text("Situation: busy\n:next".into())]
        );
    }
}
