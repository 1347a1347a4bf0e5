//! The preview's layout thread: the wizard sends the dossier after each
//! edit and never waits; the thread lays out the newest one only, at most
//! once per interval while edits keep coming (the first edit after a quiet
//! spell is laid out at once), and wakes the window when pages are ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crate::model::{CallProfile, Dossier};
use crate::service::check::FullCheck;
use crate::service::pages::{PageNumbers, PreviewDoc, preview_pages_hinted};

/// A dossier to lay out, numbered so the pane knows which edit it shows.
pub(super) struct Job {
    pub generation: u64,
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    /// The dossier's folder, to check attached files exist as the wizard
    /// does; `None` checks the rules only.
    pub base_dir: Option<PathBuf>,
    pub sent: Instant,
    pub ctx: Option<egui::Context>,
}

/// Pages for one generation, or the reason there are none.
pub(super) struct Done {
    pub generation: u64,
    pub doc: Result<Arc<PreviewDoc>, String>,
    /// From the edit's request to the pages being ready.
    pub latency: Duration,
}

pub(super) struct Worker {
    tx: Sender<Job>,
    rx: Receiver<Done>,
    /// Why the thread could not start, shown instead of pages.
    pub failed: Option<String>,
}

impl Worker {
    /// Starts the thread; it ends when the pane (the sender) is dropped.
    pub fn start(interval: Duration) -> Self {
        let (tx, jobs) = mpsc::channel::<Job>();
        let (done, rx) = mpsc::channel::<Done>();
        let spawned = std::thread::Builder::new()
            .name("apercu".into())
            .spawn(move || run(&jobs, &done, interval));
        let failed = spawned.err().map(|e| format!("aperçu indisponible : {e}"));
        Self { tx, rx, failed }
    }

    pub fn send(&self, job: Job) {
        // A closed channel means the thread is gone; the pane then keeps
        // its last pages and reports nothing new, which is all it can do.
        let _ = self.tx.send(job);
    }

    /// The newest finished layout, if any arrived since the last call.
    pub fn newest(&self) -> Option<Done> {
        self.rx.try_iter().last()
    }
}

fn run(jobs: &Receiver<Job>, done: &Sender<Done>, interval: Duration) {
    let mut pending: Option<Job> = None;
    let mut last_start: Option<Instant> = None;
    let mut full = FullCheck::default();
    let mut numbers = PageNumbers::default();
    loop {
        if pending.is_none() {
            match jobs.recv() {
                Ok(job) => pending = Some(job),
                Err(_) => return,
            }
        }
        // Only the newest dossier matters.
        if let Some(job) = jobs.try_iter().last() {
            pending = Some(job);
        }
        let wait = last_start.map_or(Duration::ZERO, |t| interval.saturating_sub(t.elapsed()));
        if !wait.is_zero() {
            match jobs.recv_timeout(wait) {
                Ok(job) => {
                    pending = Some(job);
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let Some(job) = pending.take() else {
            continue;
        };
        last_start = Some(Instant::now());
        let doc = match &job.base_dir {
            Some(dir) => {
                let (findings, attachments) =
                    full.run(job.generation, &job.dossier, &job.profile, dir);
                preview_pages_hinted(
                    &job.dossier,
                    &job.profile,
                    findings,
                    attachments,
                    &mut numbers,
                )
            }
            None => preview_pages_hinted(
                &job.dossier,
                &job.profile,
                &crate::service::check::rules_now(&job.dossier, &job.profile),
                &Default::default(),
                &mut numbers,
            ),
        }
        .map(Arc::new)
        .map_err(|e| e.to_string());
        let result = Done {
            generation: job.generation,
            doc,
            latency: job.sent.elapsed(),
        };
        if done.send(result).is_err() {
            return;
        }
        if let Some(ctx) = job.ctx {
            ctx.request_repaint();
        }
    }
}
