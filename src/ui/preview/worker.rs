//! The preview's layouts, on a [`Latest`] job: the wizard sends the
//! dossier after each edit and never waits; the worker lays out the newest
//! one only, at most once per interval while edits keep coming (the first
//! edit after a quiet spell is laid out at once), and wakes the window when
//! pages are ready. It keeps the full check's cache and the page-number
//! hints between layouts.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::model::{CallProfile, Dossier};
use crate::service::check::FullCheck;
use crate::service::pages::{PageNumbers, PreviewDoc, preview_pages_hinted};
use crate::ui::job::{JobError, Latest};

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
    latest: Latest<Job, Done>,
    interval: Duration,
    /// Why the thread could not start, shown instead of pages.
    pub failed: Option<String>,
}

impl Worker {
    /// Starts the worker; it ends when the pane is dropped.
    pub fn start(interval: Duration) -> Self {
        let mut full = FullCheck::default();
        let mut numbers = PageNumbers::default();
        let latest = Latest::start("la mise en page de l'aperçu", interval, move |job: Job| {
            lay_out(job, &mut full, &mut numbers)
        });
        let failed = latest.not_started().map(ToString::to_string);
        Self {
            latest,
            interval,
            failed,
        }
    }

    pub fn send(&self, mut job: Job) {
        let ctx = job.ctx.take();
        self.latest.send(ctx.as_ref(), job);
    }

    /// The newest finished layout, if any arrived since the last call. A
    /// worker that failed is replaced (its caches may be half updated) and
    /// its error given for the generations up to `requested`.
    pub fn newest(&mut self, requested: u64) -> Option<Done> {
        match self.latest.try_take()? {
            Ok(done) => Some(done),
            Err(e) => {
                *self = Self::start(self.interval);
                Some(failed(requested, &e))
            }
        }
    }
}

fn failed(generation: u64, e: &JobError) -> Done {
    Done {
        generation,
        doc: Err(e.to_string()),
        latency: Duration::ZERO,
    }
}

fn lay_out(job: Job, full: &mut FullCheck, numbers: &mut PageNumbers) -> Done {
    let doc = match &job.base_dir {
        Some(dir) => {
            let (findings, attachments) = full.run(job.generation, &job.dossier, &job.profile, dir);
            preview_pages_hinted(&job.dossier, &job.profile, findings, attachments, numbers)
        }
        None => preview_pages_hinted(
            &job.dossier,
            &job.profile,
            &crate::service::check::rules_now(&job.dossier, &job.profile),
            &Default::default(),
            numbers,
        ),
    }
    .map(Arc::new)
    .map_err(|e| e.to_string());
    Done {
        generation: job.generation,
        doc,
        latency: job.sent.elapsed(),
    }
}
