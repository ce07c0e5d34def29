//! The answer clock in a terminal: the time shown after what the candidate is typing, ticking
//! every second while they answer (elapsed time, or a countdown to the suggested time), a
//! gentle line when the suggested time is up, and nothing once the answer is sent.
//!
//! The line editor only redraws on a key or on an external print, so a watcher thread asks
//! for a redraw each second through the editor's external printer (a print that moves the
//! cursor up and down again, leaving no line behind) and the hint reads the clock when it is
//! drawn ([`Tick`]).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::prose::format_minutes;

/// How the clock runs for one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClockSpec {
    /// The suggested time for the answer, in seconds (the cue comes then).
    pub target: Option<u32>,
    /// Count down to the target instead of up from zero.
    pub countdown: bool,
}

/// A running clock: when it started, its labels (one per second), whether the cue was given.
#[derive(Debug, Clone)]
pub(super) struct Running {
    pub start: Instant,
    pub spec: ClockSpec,
    pub labels: Arc<Vec<String>>,
    pub cued: bool,
}

impl Running {
    pub fn new(spec: ClockSpec) -> Running {
        Running {
            start: Instant::now(),
            spec,
            labels: Arc::new(labels(spec)),
            cued: false,
        }
    }
}

/// Labels are made for the first hour; after that the last one stays.
const HOUR: u32 = 3600;

fn mmss(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The label shown after the answer at each second.
pub fn label(spec: ClockSpec, secs: u32) -> String {
    match (spec.target, spec.countdown) {
        (Some(t), true) if secs < t => format!("   [{} left]", mmss(t - secs)),
        (Some(t), true) => format!("   [time's up +{}: wrap up]", mmss(secs - t)),
        (Some(t), false) if secs >= t => {
            format!(
                "   [{} · past {}: time to wrap up]",
                mmss(secs),
                format_minutes(f64::from(t))
            )
        }
        _ => format!("   [{}]", mmss(secs)),
    }
}

fn labels(spec: ClockSpec) -> Vec<String> {
    (0..=HOUR).map(|s| label(spec, s)).collect()
}

pub use crate::prose::span;

/// The line said once when the suggested time is up.
pub fn cue(spec: ClockSpec) -> Option<String> {
    let t = span(spec.target?);
    Some(if spec.countdown {
        format!("(Time's up for this answer ({t}): wrap up in a sentence or two.)")
    } else {
        format!("(That's {t}: a good moment to say how it ended.)")
    })
}

/// The hint after the typed answer: the label for the second it is drawn in.
pub struct Tick {
    pub(super) start: Instant,
    pub(super) labels: Arc<Vec<String>>,
}

impl rustyline::hint::Hint for Tick {
    fn display(&self) -> &str {
        let i = (self.start.elapsed().as_secs() as usize).min(self.labels.len() - 1);
        &self.labels[i]
    }

    fn completion(&self) -> Option<&str> {
        None
    }
}

/// What the watcher needs to know about the editor.
#[derive(Debug, Default)]
pub(super) struct Watch {
    pub clock: Option<Running>,
    /// The editor is reading (in raw mode): a redraw is safe.
    pub reading: bool,
    /// The buffer as of the last keystroke (a buffer taller than the screen is not redrawn).
    pub line: String,
    /// The prompt's width, for the same estimate.
    pub prompt: usize,
}

/// Asks the editor to redraw the line (and so the clock) every second of a running clock, and
/// prints the cue once when the suggested time is up.
pub(super) fn watch(
    state: Arc<Mutex<Watch>>,
    mut printer: Box<dyn rustyline::ExternalPrinter + Send>,
) {
    std::thread::spawn(move || {
        loop {
            let wait = {
                let Ok(s) = state.lock() else { return };
                match &s.clock {
                    Some(c) => {
                        let ms = c.start.elapsed().subsec_millis() as u64;
                        Duration::from_millis(1000 - ms + 5)
                    }
                    None => Duration::from_millis(200),
                }
            };
            std::thread::sleep(wait);
            let msg = {
                let Ok(mut s) = state.lock() else { return };
                let fits = fits_screen(&s.line, s.prompt);
                let reading = s.reading;
                match s.clock.as_mut() {
                    Some(c) if reading && fits => {
                        let secs = c.start.elapsed().as_secs();
                        let due = c.spec.target.is_some_and(|t| secs >= u64::from(t));
                        if due && !c.cued {
                            c.cued = true;
                            cue(c.spec)
                        } else {
                            // Up one line and back down: the editor redraws the line in place.
                            Some("\x1b[1A\n".to_string())
                        }
                    }
                    _ => None,
                }
            };
            if let Some(m) = msg {
                if printer.print(m).is_err() {
                    return;
                }
            }
        }
    });
}

/// Whether the prompt and `line` fit on the screen with a row to spare (a redraw of a taller
/// buffer would leave copies of its top rows behind).
fn fits_screen(line: &str, prompt: usize) -> bool {
    let Some((w, h)) = terminal_size::terminal_size() else {
        return true;
    };
    let cols = (w.0 as usize).max(1);
    let rows: usize = line
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let width = l.chars().count() + if i == 0 { prompt } else { 0 } + 30;
            width.div_ceil(cols).max(1)
        })
        .sum();
    rows + 1 < h.0 as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_up_or_down_and_say_when_time_is_up() {
        let up = ClockSpec {
            target: Some(120),
            countdown: false,
        };
        assert_eq!(label(up, 65), "   [1:05]");
        assert_eq!(
            label(up, 125),
            "   [2:05 · past 2 minutes: time to wrap up]"
        );
        let down = ClockSpec {
            target: Some(90),
            countdown: true,
        };
        assert_eq!(label(down, 0), "   [1:30 left]");
        assert_eq!(label(down, 89), "   [0:01 left]");
        assert_eq!(label(down, 95), "   [time's up +0:05: wrap up]");
        assert_eq!(label(ClockSpec::default(), 7), "   [0:07]");
        assert_eq!(
            cue(up).unwrap(),
            "(That's 2 minutes: a good moment to say how it ended.)"
        );
        assert_eq!(cue(ClockSpec::default()), None);
        assert_eq!(span(5), "5 seconds");
        assert_eq!(span(90), "1 minute 30 seconds");
    }
}
