//! The checker loaded on a background thread, so a practice session never waits for it: the
//! session starts loading when it starts, asks without blocking whether it is ready each time
//! it shows feedback, and shows the notes later when it was not.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use super::{Checker, Settings};

enum State {
    Loading(Receiver<Result<Checker, String>>),
    Ready(Box<Checker>),
    Failed(String),
}

/// A checker that is being loaded, is ready, or could not be loaded.
pub struct Background {
    state: State,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &self.state {
            State::Loading(_) => "loading",
            State::Ready(_) => "ready",
            State::Failed(_) => "failed",
        };
        write!(f, "Background({state})")
    }
}

impl Background {
    /// Starts loading the checker on a new thread.
    pub fn start(settings: Settings) -> Background {
        if !super::AVAILABLE {
            return Background {
                state: State::Failed(super::check::NOT_BUILT.into()),
            };
        }
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("english-checker".into())
            .spawn(move || {
                // The session may have ended; then nobody is listening, which is fine.
                let _ = tx.send(Checker::load(&settings).map_err(|e| e.to_string()));
            });
        let state = match spawned {
            Ok(_) => State::Loading(rx),
            Err(e) => State::Failed(format!("could not start the English checker: {e}")),
        };
        Background { state }
    }

    /// A checker that is already loaded (for callers that load it themselves).
    pub fn ready(checker: Checker) -> Background {
        Background {
            state: State::Ready(Box::new(checker)),
        }
    }

    fn settle(&mut self, got: Result<Result<Checker, String>, String>) {
        self.state = match got {
            Ok(Ok(c)) => State::Ready(Box::new(c)),
            Ok(Err(e)) | Err(e) => State::Failed(e),
        };
    }

    /// The checker if it is loaded, without waiting.
    pub fn try_get(&mut self) -> Option<&mut Checker> {
        if let State::Loading(rx) = &self.state {
            match rx.try_recv() {
                Ok(got) => self.settle(Ok(got)),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.settle(Err("the English checker stopped while loading".into()))
                }
            }
        }
        match &mut self.state {
            State::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// The checker, waiting at most `timeout` for it to load.
    pub fn wait(&mut self, timeout: Duration) -> Option<&mut Checker> {
        if let State::Loading(rx) = &self.state {
            match rx.recv_timeout(timeout) {
                Ok(got) => self.settle(Ok(got)),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => {
                    self.settle(Err("the English checker stopped while loading".into()))
                }
            }
        }
        self.try_get()
    }

    /// Why the checker is not available, once loading failed.
    pub fn error(&self) -> Option<&str> {
        match &self.state {
            State::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Whether it is still loading.
    pub fn loading(&self) -> bool {
        matches!(self.state, State::Loading(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "english")]
    fn it_loads_on_another_thread_and_is_then_ready_without_waiting() {
        let mut b = Background::start(Settings::default());
        // Asking does not wait (the first ask usually comes before loading is done).
        let t = std::time::Instant::now();
        let _ = b.try_get();
        assert!(t.elapsed() < Duration::from_millis(50));
        assert!(b.wait(Duration::from_secs(60)).is_some(), "{:?}", b.error());
        assert!(b.try_get().is_some());
        assert!(!b.loading());
    }

    #[test]
    #[cfg(not(feature = "english"))]
    fn without_the_feature_it_says_so_at_once() {
        let mut b = Background::start(Settings::default());
        assert!(b.try_get().is_none());
        assert!(b.error().unwrap().contains("without the English checker"));
    }
}
