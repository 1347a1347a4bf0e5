//! The one way the wizard runs work off the UI thread.
//!
//! A [`Job`] runs a closure on its own thread and is polled each frame with
//! [`Job::try_take`], which never waits: the frame draws on, and the worker
//! asks for a repaint when its result is ready. A panic in the worker
//! becomes a French [`JobError`] instead of a job that never ends; dropping
//! every handle of a job (or [`Job::cancel`]) tells the worker to stop and
//! discards its result. [`Latest`] is the long-lived variant for a stream
//! of inputs where only the newest matters (the preview's layouts).
//!
//! Every job counts itself on the [`egui::Context`] it was started for, so
//! a test can wait for the jobs of its window without sleeping
//! ([`wait_idle`]).

mod latest;
#[cfg(test)]
mod tests;

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

pub use latest::Latest;

/// Why a job gave no result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// The worker hit an internal error (a panic); the message says what.
    #[error("{what} s'est interrompue sur une erreur interne ({detail})")]
    Panicked { what: String, detail: String },
    /// The system refused a new thread.
    #[error("{what} n'a pas pu démarrer ({detail})")]
    NotStarted { what: String, detail: String },
    /// The job was cancelled before it ended.
    #[error("{what} a été annulée")]
    Cancelled { what: String },
}

/// Handed to the work: whether its result is still wanted.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// True once the job was cancelled or every handle to it dropped: the
    /// work may stop early, its result will be discarded.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn set(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// What the worker and the handles share.
struct Shared<T> {
    result: Mutex<Slot<T>>,
    cancel: Cancel,
}

enum Slot<T> {
    Running,
    Ready(Result<T, JobError>),
    Taken,
}

/// Cancels the job when the last handle goes.
struct Owner(Cancel);

impl Drop for Owner {
    fn drop(&mut self) {
        self.0.set();
    }
}

/// A piece of work running off the UI thread, and its result once ready.
/// Clones are handles to the same job (egui's memory keeps one for a
/// dialog); the result is taken once, by whichever handle asks first.
pub struct Job<T> {
    shared: Arc<Shared<T>>,
    owner: Arc<Owner>,
    what: Arc<str>,
    started: Instant,
}

impl<T> Clone for Job<T> {
    fn clone(&self) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            owner: Arc::clone(&self.owner),
            what: Arc::clone(&self.what),
            started: self.started,
        }
    }
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("what", &self.what)
            .field("running", &self.is_running())
            .finish()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock only means a panic elsewhere: the slot stays usable.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The text of a panic's payload.
pub(crate) fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "cause inconnue".into())
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread. `what` names the work in messages, as
    /// the feminine subject of a French sentence (« la génération du PDF »
    /// s'est interrompue…). The
    /// window is asked to draw again when the result is ready.
    pub fn spawn(
        ctx: &egui::Context,
        what: &str,
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
    ) -> Self {
        let job = Self::new(what, Slot::Running);
        let shared = Arc::clone(&job.shared);
        let worker_ctx = ctx.clone();
        let busy = Busy::enter(ctx);
        let name = what.to_string();
        let spawned = std::thread::Builder::new()
            .name(format!("tâche : {what}"))
            .spawn(move || {
                let cancel = shared.cancel.clone();
                let result = catch_unwind(AssertUnwindSafe(|| work(&cancel)));
                let result = match result {
                    _ if cancel.is_cancelled() => Err(JobError::Cancelled { what: name }),
                    Ok(v) => Ok(v),
                    Err(payload) => Err(JobError::Panicked {
                        what: name,
                        detail: panic_text(payload.as_ref()),
                    }),
                };
                *lock(&shared.result) = Slot::Ready(result);
                drop(busy);
                worker_ctx.request_repaint();
            });
        if let Err(e) = spawned {
            *lock(&job.shared.result) = Slot::Ready(Err(JobError::NotStarted {
                what: what.to_string(),
                detail: crate::service::french_io(&e),
            }));
        }
        job
    }

    /// A job that already ended with `value` (a stand-in for the system's
    /// file dialog, or work too small to send off).
    pub fn ready(what: &str, value: T) -> Self {
        Self::new(what, Slot::Ready(Ok(value)))
    }

    fn new(what: &str, slot: Slot<T>) -> Self {
        let cancel = Cancel::default();
        Self {
            shared: Arc::new(Shared {
                result: Mutex::new(slot),
                cancel: cancel.clone(),
            }),
            owner: Arc::new(Owner(cancel)),
            what: what.into(),
            started: Instant::now(),
        }
    }
}

impl<T> Job<T> {
    /// The result, once, if the work has ended; never waits. `None` while
    /// it runs and after the result was taken.
    pub fn try_take(&self) -> Option<Result<T, JobError>> {
        let mut slot = lock(&self.shared.result);
        match std::mem::replace(&mut *slot, Slot::Taken) {
            Slot::Ready(r) => Some(r),
            other => {
                *slot = other;
                None
            }
        }
    }

    /// Whether the work is still running.
    pub fn is_running(&self) -> bool {
        matches!(*lock(&self.shared.result), Slot::Running)
    }

    /// Whether the result was already taken (by this handle or a clone).
    pub fn is_taken(&self) -> bool {
        matches!(*lock(&self.shared.result), Slot::Taken)
    }

    /// Tells the work to stop; its result, when it comes, is
    /// [`JobError::Cancelled`].
    pub fn cancel(&self) {
        self.shared.cancel.set();
    }

    /// Time since the job started (for a progress bar shown only after a
    /// moment).
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The jobs running for one window (kept in the context's memory).
#[derive(Default)]
struct Running {
    /// Jobs working now, and jobs ever started.
    count: Mutex<(usize, u64)>,
    idle: Condvar,
}

fn running(ctx: &egui::Context) -> Arc<Running> {
    let id = egui::Id::unique("ui.job.running");
    ctx.data_mut(|d| {
        d.get_temp_mut_or_insert_with(id, || Arc::new(Running::default()))
            .clone()
    })
}

/// One job counted as running on a window until dropped.
pub(crate) struct Busy(Arc<Running>);

impl Busy {
    pub(crate) fn enter(ctx: &egui::Context) -> Self {
        let r = running(ctx);
        {
            let mut n = lock(&r.count);
            n.0 += 1;
            n.1 += 1;
        }
        Self(r)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let mut n = lock(&self.0.count);
        n.0 = n.0.saturating_sub(1);
        if n.0 == 0 {
            self.0.idle.notify_all();
        }
    }
}

/// How many jobs started for `ctx` are still working.
pub fn running_count(ctx: &egui::Context) -> usize {
    lock(&running(ctx).count).0
}

/// How many jobs were ever started for `ctx`.
pub fn started_count(ctx: &egui::Context) -> u64 {
    lock(&running(ctx).count).1
}

/// Blocks the calling thread (a test's or a bench's, never the UI's) until
/// no job of `ctx` is working, at most `limit`; returns whether they all
/// ended. Their results are collected by the next frames.
pub fn wait_idle(ctx: &egui::Context, limit: Duration) -> bool {
    let r = running(ctx);
    let guard = lock(&r.count);
    let (guard, _) = r
        .idle
        .wait_timeout_while(guard, limit, |n| n.0 > 0)
        .unwrap_or_else(PoisonError::into_inner);
    guard.0 == 0
}

/// Runs a test harness's frames until its jobs have ended and their
/// results are drawn: a frame for the input queued (which may start a
/// job), a wait for the workers (bounded), then frames until the window
/// settles, again while those frames start new jobs. No wall-clock sleep.
#[cfg(test)]
pub(crate) fn settle<S>(h: &mut egui_kittest::Harness<'_, S>) {
    const LIMIT: Duration = Duration::from_secs(120);
    for _ in 0..32 {
        h.step();
        assert!(wait_idle(&h.ctx, LIMIT), "a job never ended");
        let started = started_count(&h.ctx);
        if h.run_ok().is_some() && started_count(&h.ctx) == started {
            return;
        }
    }
    panic!("jobs kept starting jobs");
}
