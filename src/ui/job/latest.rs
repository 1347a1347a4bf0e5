//! [`Latest`]: one long-lived worker for a stream of inputs where only the
//! newest matters. The UI sends and never waits; the worker skips inputs
//! superseded before it got to them, starts at most once per interval
//! while inputs keep coming (the first after a quiet spell at once), keeps
//! its own state between runs (caches) and wakes the window when an output
//! is ready. Only the newest output is kept.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Busy, JobError, lock, panic_text};

/// An input, the window to wake and the count that keeps it « running ».
struct Sent<I> {
    input: I,
    ctx: Option<egui::Context>,
    _busy: Option<Busy>,
}

pub struct Latest<I, O> {
    tx: Option<Sender<Sent<I>>>,
    out: Arc<Mutex<Option<Result<O, JobError>>>>,
    /// Why the worker could not start.
    not_started: Option<JobError>,
}

impl<I: Send + 'static, O: Send + 'static> Latest<I, O> {
    /// Starts the worker; `work` runs for each input it gets to. It ends
    /// when this handle is dropped, or after a panic in `work` (reported
    /// once by [`Self::try_take`]; later inputs are dropped).
    pub fn start(
        what: &str,
        interval: Duration,
        work: impl FnMut(I) -> O + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel::<Sent<I>>();
        let out = Arc::new(Mutex::new(None));
        let shared = Arc::clone(&out);
        let name = what.to_string();
        let spawned = std::thread::Builder::new()
            .name(format!("tâche : {what}"))
            .spawn(move || run(&rx, &shared, interval, &name, work));
        let not_started = spawned.err().map(|e| JobError::NotStarted {
            what: what.to_string(),
            detail: crate::service::french_io(&e),
        });
        Self {
            tx: Some(tx),
            out,
            not_started,
        }
    }

    /// Hands an input to the worker and returns at once; `ctx`'s window is
    /// woken when its output (or a newer one) is ready.
    pub fn send(&self, ctx: Option<&egui::Context>, input: I) {
        let Some(tx) = &self.tx else { return };
        // A closed channel means the worker is gone (its panic is reported
        // by `try_take`); the input has nowhere to go.
        let _ = tx.send(Sent {
            input,
            ctx: ctx.cloned(),
            _busy: ctx.map(Busy::enter),
        });
    }

    /// The newest output since the last call, if any; never waits.
    pub fn try_take(&self) -> Option<Result<O, JobError>> {
        lock(&self.out).take()
    }

    /// Why the worker could not start, if it could not.
    pub fn not_started(&self) -> Option<&JobError> {
        self.not_started.as_ref()
    }
}

impl<I, O> Drop for Latest<I, O> {
    fn drop(&mut self) {
        // Closing the channel ends the worker after its current run.
        self.tx = None;
    }
}

fn run<I, O>(
    rx: &Receiver<Sent<I>>,
    out: &Mutex<Option<Result<O, JobError>>>,
    interval: Duration,
    what: &str,
    mut work: impl FnMut(I) -> O,
) {
    let mut pending: Option<Sent<I>> = None;
    let mut last_start: Option<Instant> = None;
    loop {
        if pending.is_none() {
            match rx.recv() {
                Ok(sent) => pending = Some(sent),
                Err(_) => return,
            }
        }
        // Only the newest input matters (a superseded one stops counting).
        if let Some(sent) = rx.try_iter().last() {
            pending = Some(sent);
        }
        // Spacing runs waits here, on the worker, never on the UI thread.
        let wait = last_start.map_or(Duration::ZERO, |t| interval.saturating_sub(t.elapsed()));
        if !wait.is_zero() {
            match rx.recv_timeout(wait) {
                Ok(sent) => {
                    pending = Some(sent);
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let Some(Sent {
            input,
            ctx,
            _busy: busy,
        }) = pending.take()
        else {
            continue;
        };
        last_start = Some(Instant::now());
        let result = catch_unwind(AssertUnwindSafe(|| work(input)));
        let failed = result.is_err();
        *lock(out) = Some(result.map_err(|payload| JobError::Panicked {
            what: what.to_string(),
            detail: panic_text(payload.as_ref()),
        }));
        drop(busy);
        if let Some(ctx) = ctx {
            ctx.request_repaint();
        }
        if failed {
            // Its state may be half updated: the worker stops here.
            return;
        }
    }
}
