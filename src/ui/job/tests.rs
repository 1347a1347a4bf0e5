//! The job type: results come once, panics become French errors, dropped
//! and cancelled jobs stop, and nothing on the polling side ever waits.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{Job, JobError, Latest, running_count, wait_idle};

const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn a_finished_job_gives_its_result_once() {
    let ctx = egui::Context::default();
    let job = Job::spawn(&ctx, "la somme", |_| 6 * 7);
    assert!(wait_idle(&ctx, LIMIT), "the job ends");
    assert!(!job.is_running());
    assert_eq!(job.try_take(), Some(Ok(42)));
    assert_eq!(job.try_take(), None, "taken once");
    assert!(job.is_taken());
    assert_eq!(running_count(&ctx), 0);
}

#[test]
fn a_clone_shares_the_result_taken_once() {
    let ctx = egui::Context::default();
    let job = Job::spawn(&ctx, "la somme", |_| "fini".to_string());
    let other = job.clone();
    assert!(wait_idle(&ctx, LIMIT));
    assert_eq!(other.try_take(), Some(Ok("fini".to_string())));
    assert_eq!(job.try_take(), None);
}

#[test]
fn a_panic_in_the_worker_is_a_french_error_not_a_hang() {
    let ctx = egui::Context::default();
    let job: Job<u32> = Job::spawn(&ctx, "la lecture du tableur", |_| {
        panic!("index hors limites")
    });
    assert!(wait_idle(&ctx, LIMIT), "a panicking job still ends");
    let err = job.try_take().expect("a result").expect_err("an error");
    assert!(matches!(err, JobError::Panicked { .. }));
    let text = err.to_string();
    assert!(
        text.starts_with("la lecture du tableur s'est interrompue sur une erreur interne"),
        "{text}"
    );
    assert!(text.contains("index hors limites"), "{text}");
}

#[test]
fn polling_a_running_job_never_waits() {
    let ctx = egui::Context::default();
    let (release, gate) = mpsc::channel::<()>();
    let job = Job::spawn(&ctx, "l'attente", move |_| {
        let _ = gate.recv();
        1
    });
    let started = Instant::now();
    for _ in 0..1000 {
        assert_eq!(job.try_take(), None);
        assert!(job.is_running());
    }
    // A thousand polls of a job that cannot end yet: no poll waited for it.
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(running_count(&ctx), 1);
    release.send(()).expect("release");
    assert!(wait_idle(&ctx, LIMIT));
    assert_eq!(job.try_take(), Some(Ok(1)));
}

#[test]
fn dropping_every_handle_cancels_the_work() {
    let ctx = egui::Context::default();
    let (seen_tx, seen) = mpsc::channel::<bool>();
    let (release, gate) = mpsc::channel::<()>();
    let job = Job::spawn(&ctx, "la génération", move |cancel| {
        let _ = gate.recv();
        let _ = seen_tx.send(cancel.is_cancelled());
    });
    let clone = job.clone();
    drop(job);
    release.send(()).expect("release");
    assert!(wait_idle(&ctx, LIMIT));
    assert_eq!(seen.recv(), Ok(false), "a clone still wants the result");
    assert!(matches!(clone.try_take(), Some(Ok(()))));

    let (seen_tx, seen) = mpsc::channel::<bool>();
    let (release, gate) = mpsc::channel::<()>();
    let job = Job::spawn(&ctx, "la génération", move |cancel| {
        let _ = gate.recv();
        let _ = seen_tx.send(cancel.is_cancelled());
    });
    drop(job);
    release.send(()).expect("release");
    assert!(wait_idle(&ctx, LIMIT));
    assert_eq!(seen.recv(), Ok(true), "nobody holds the job: told to stop");
}

#[test]
fn a_cancelled_job_ends_as_cancelled() {
    let ctx = egui::Context::default();
    let job = Job::spawn(&ctx, "la lecture du tableur", |cancel| {
        while !cancel.is_cancelled() {
            std::thread::yield_now();
        }
        7
    });
    job.cancel();
    assert!(wait_idle(&ctx, LIMIT));
    let err = job.try_take().expect("a result").expect_err("cancelled");
    assert_eq!(err.to_string(), "la lecture du tableur a été annulée");
}

#[test]
fn a_ready_job_needs_no_thread() {
    let job = Job::ready("le choix", 3);
    assert!(!job.is_running());
    assert_eq!(job.try_take(), Some(Ok(3)));
}

#[test]
fn latest_runs_the_newest_input_and_survives_none_of_its_panics() {
    let ctx = egui::Context::default();
    let (release, gate) = mpsc::channel::<()>();
    let worker = Latest::start(
        "la mise en page de l'aperçu",
        Duration::ZERO,
        move |n: u32| {
            if n == 1 {
                // Hold the first run until the later inputs are queued.
                let _ = gate.recv();
            }
            assert!(n != 99, "panne simulée");
            n * 10
        },
    );
    worker.send(Some(&ctx), 1);
    for n in 2..=5 {
        worker.send(Some(&ctx), n);
    }
    release.send(()).expect("release");
    assert!(wait_idle(&ctx, LIMIT));
    // Whatever ran first, 2 to 4 were superseded: the newest output is 5's.
    assert_eq!(worker.try_take(), Some(Ok(50)));
    assert_eq!(worker.try_take(), None);
    worker.send(Some(&ctx), 99);
    assert!(wait_idle(&ctx, LIMIT));
    let err = worker.try_take().expect("reported").expect_err("panicked");
    assert!(err.to_string().contains("panne simulée"), "{err}");
    // The worker is gone: later inputs are dropped, nothing stays counted.
    worker.send(Some(&ctx), 6);
    assert!(wait_idle(&ctx, LIMIT));
    assert_eq!(worker.try_take(), None);
}
