//! The preview's layout thread: the wizard sends the dossier after each
//! edit and never waits; the thread lays out the newest one only, at most
//! once per interval while edits keep coming (the first edit after a quiet
//! spell is laid out at once), and wakes the window when pages are ready.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crate::attach::Attachments;
use crate::model::dossier::PieceStatus;
use crate::model::{CallProfile, Dossier, Finding};
use crate::print::preview::{PageNumbers, PreviewDoc, preview_pages_hinted};

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
    let mut scans = ScanCache::default();
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
        let none = Attachments::default();
        let (findings, attachments) = match &job.base_dir {
            Some(dir) => scans.check(&job.dossier, &job.profile, dir),
            None => (
                crate::service::check::rules_now(&job.dossier, &job.profile),
                &none,
            ),
        };
        let doc = preview_pages_hinted(
            &job.dossier,
            &job.profile,
            &findings,
            attachments,
            &mut numbers,
        )
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

/// Each attached file as the dossier names it, with its size and date on
/// disk: the files are read again only when this changes.
type ScanKey = Vec<(String, Option<(u64, std::time::SystemTime)>)>;

/// The attachments read for the last layout, so the preview counts their
/// pages as the print does (`check::full`) without reading the scans
/// again after every keystroke.
#[derive(Default)]
struct ScanCache {
    key: Option<(PathBuf, ScanKey)>,
    attachments: Attachments,
    problems: Vec<Finding>,
}

impl ScanCache {
    /// The findings the print would give and the attachments it inserts.
    fn check(
        &mut self,
        d: &Dossier,
        p: &CallProfile,
        dir: &std::path::Path,
    ) -> (Vec<Finding>, &Attachments) {
        let key = (dir.to_path_buf(), scan_key(d, p, dir));
        if self.key.as_ref() != Some(&key) {
            let (attachments, problems) = crate::attach::load(d, p, dir);
            self.attachments = attachments;
            self.problems = problems;
            self.key = Some(key);
        }
        let mut findings = crate::service::check::rules_now(d, p);
        for f in &self.problems {
            if !findings.contains(f) {
                findings.push(f.clone());
            }
        }
        crate::service::check::sort(&mut findings);
        (findings, &self.attachments)
    }
}

fn scan_key(d: &Dossier, p: &CallProfile, dir: &std::path::Path) -> ScanKey {
    use crate::model::field::FieldPath;
    let pieces =
        p.admin_pieces
            .iter()
            .filter_map(|def| match d.admin_piece(&def.id).map(|x| &x.status) {
                Some(PieceStatus::Attached(path)) => {
                    Some((FieldPath::admin_piece(&def.id).to_string(), path.as_str()))
                }
                _ => None,
            });
    // The title names the file in the messages about it.
    let others = d
        .declaration
        .other_documents
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            let stored = x.attachment.as_deref()?;
            Some((
                format!("{} {}", FieldPath::other_document(i), x.title),
                stored,
            ))
        });
    pieces
        .chain(others)
        .map(|(slot, stored)| {
            let meta = std::fs::metadata(crate::attach::resolve(dir, stored)).ok();
            let stamp = meta.and_then(|m| Some((m.len(), m.modified().ok()?)));
            (format!("{slot}={stored}"), stamp)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_are_read_again_only_when_a_file_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = CallProfile::edition_2026();
        let mut d = crate::example_dossier().expect("the example loads");
        let id = p.admin_pieces[0].id.clone();
        let piece = d
            .administrative
            .iter_mut()
            .find(|x| x.id == id)
            .expect("the example lists the piece");
        piece.status = PieceStatus::Attached("scan.pdf".into());
        let mut cache = ScanCache::default();
        let (findings, attachments) = cache.check(&d, &p, dir.path());
        assert!(attachments.items.is_empty());
        assert!(
            findings
                .iter()
                .any(|f| f.is_blocking() && f.message.contains("scan.pdf")),
            "a missing scan blocks as in print"
        );
        let before = scan_key(&d, &p, dir.path());
        assert_eq!(before, scan_key(&d, &p, dir.path()), "nothing changed");
        std::fs::write(dir.path().join("scan.pdf"), b"not a pdf").expect("written");
        assert_ne!(before, scan_key(&d, &p, dir.path()), "the file appeared");
        let (findings, _) = cache.check(&d, &p, dir.path());
        assert!(
            findings
                .iter()
                .any(|f| f.is_blocking() && f.message.contains("scan.pdf")),
            "an unreadable scan blocks as in print"
        );
    }
}
