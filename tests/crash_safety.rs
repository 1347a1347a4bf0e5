//! A save interrupted at any instant (the process killed) leaves the file
//! as the old or the new version, never a mix or a truncation.
//!
//! The test binary re-executes itself: with `CRASH_CHILD` set, the
//! `child_saves_forever` test saves two dossiers alternately until killed.
//! The parent kills it after a pseudo-random 1–15 ms, then loads the file.

mod common;

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use cluster_dossier::model::{Dossier, synthetic};
use cluster_dossier::store::{self, StoreError};

use common::{Lcg, example, profile};

const CHILD_ENV: &str = "CRASH_CHILD";
const CHILD_TEST: &str = "child_saves_forever";
/// Printed by the child once its dossiers are built, before the first save.
const READY: &str = "CRASH_CHILD_READY";
/// Printed by the child after each completed save.
const SAVED: &str = "CRASH_CHILD_SAVED";
const KILLS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Version {
    A,
    B,
}

/// Save number `i` of a child writes A, B, A, B...
fn version_of_save(i: usize) -> Version {
    if i.is_multiple_of(2) {
        Version::A
    } else {
        Version::B
    }
}

/// Two large dossiers (the example plus 300 synthetic members, ~230 kB of
/// RON, so a save takes a few milliseconds) that differ by their names and
/// by the order of their members.
fn dossiers() -> (Dossier, Dossier) {
    let extra = synthetic::dossier(&profile(), 300, 10).members;
    let mut a = example();
    a.identity.name = format!("A — {}", a.identity.name);
    a.members.extend(extra.iter().cloned());
    let mut b = example();
    b.identity.name = format!("B — {}", b.identity.name);
    b.members.extend(extra.into_iter().rev());
    (a, b)
}

/// The child process's body when `CRASH_CHILD` names a file: saves A, B,
/// A, B... until killed. In a normal run (the variable unset) it is a test
/// of its own instead of passing trivially: a bounded run of the same loop,
/// checking after every save that the file holds the version just saved
/// and the backup the one before.
#[test]
fn child_saves_forever() {
    let (a, b) = dossiers();
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("dossier.ron");
        let bak = store::backup_path(&path);
        let mut previous = None;
        for i in 0..6 {
            save_number(&path, i, &a, &b);
            let now = version_on_disk(&path, &a, &b);
            assert_eq!(now, Some(version_of_save(i)), "save {i}");
            assert_eq!(
                version_on_disk(&bak, &a, &b),
                previous,
                "backup after save {i}"
            );
            previous = now;
        }
        return;
    };
    let path = Path::new(&path);
    println!("{READY}");
    for i in 0.. {
        save_number(path, i, &a, &b);
        println!("{SAVED} {i}");
    }
}

/// Save number `i` of the loop.
fn save_number(path: &Path, i: usize, a: &Dossier, b: &Dossier) {
    let d = match version_of_save(i) {
        Version::A => a,
        Version::B => b,
    };
    store::save(path, d).expect("the child saves");
}

/// Which of the two versions `path` holds; `None` when there is no file.
/// Anything else (a partial, mixed or unreadable file) fails the test.
fn version_on_disk(path: &Path, a: &Dossier, b: &Dossier) -> Option<Version> {
    match store::load(path) {
        Ok(d) if d.identity.name == a.identity.name => {
            assert!(
                d == *a,
                "{} reads as A by name but differs from A",
                path.display()
            );
            Some(Version::A)
        }
        Ok(d) if d.identity.name == b.identity.name => {
            assert!(
                d == *b,
                "{} reads as B by name but differs from B",
                path.display()
            );
            Some(Version::B)
        }
        Ok(d) => panic!(
            "{} holds neither A nor B: « {} »",
            path.display(),
            d.identity.name
        ),
        Err(StoreError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(e) => panic!("{} is damaged after a kill: {e}", path.display()),
    }
}

#[test]
fn killing_a_save_leaves_the_old_or_the_new_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.ron");
    let bak = store::backup_path(&path);
    let (a, b) = dossiers();
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut rng = Lcg(2026);

    let mut on_disk: Option<Version> = None;
    let mut kills_after_a_save = 0;
    let mut kills_with_a_file = 0;
    let mut leftovers = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, OsString::from(&path))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
        // Start the clock only once the child is about to save (process
        // start-up takes longer than the delays below). One round in four
        // also waits for a first completed save, so that some kills are
        // sure to land on an overwrite even on a slow, busy machine.
        let wait_for_save = round % 4 == 3;
        let mut seen = String::new();
        loop {
            let mut line = String::new();
            let n = out.read_line(&mut line).expect("child output");
            assert!(n > 0, "the child ended before saving: {seen}");
            seen.push_str(&line);
            // libtest prints « test child_saves_forever ... » before the
            // child's first line, hence `ends_with`.
            if (line.trim_end().ends_with(READY) && !wait_for_save) || line.contains(SAVED) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(rng.between(1, 15)));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        out.read_to_string(&mut seen)
            .expect("the rest of the child's output");

        // Saves completed by this child; save number `completed` may have
        // been renamed into place just before the kill, without its line.
        let completed = seen.lines().filter(|l| l.contains(SAVED)).count();
        let old = if completed > 0 {
            Some(version_of_save(completed - 1))
        } else {
            on_disk
        };
        let in_flight = version_of_save(completed);
        let now = version_on_disk(&path, &a, &b);
        assert!(
            now == old || now == Some(in_flight),
            "round {round}: {completed} saves done, expected {old:?} or {in_flight:?}, found {now:?}"
        );
        // The backup is swapped in atomically too.
        if bak.exists() {
            assert!(version_on_disk(&bak, &a, &b).is_some());
        }
        kills_after_a_save += usize::from(completed > 0);
        kills_with_a_file += usize::from(now.is_some());
        on_disk = now;

        // Only the dossier, its backup and the killed saves' temporary
        // files (`.dossier.ron.<pid>.tmp[.bak]`) may be there; clear the
        // latter so they cannot pile up.
        for entry in std::fs::read_dir(dir.path()).expect("listing") {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            // The lock file of a killed writer stays (the OS released its
            // lock); the next save takes it over.
            if name == "dossier.ron" || name == "dossier.ron.bak" || name == ".dossier.ron.lock" {
                continue;
            }
            assert!(
                name.starts_with(".dossier.ron.")
                    && (name.ends_with(".tmp") || name.ends_with(".tmp.bak")),
                "unexpected file {name}"
            );
            leftovers += 1;
            std::fs::remove_file(entry.path()).expect("leftover removed");
        }
    }
    eprintln!(
        "{KILLS} kills: {kills_after_a_save} after a completed save, {kills_with_a_file} with a file, {leftovers} temporary files left by kills mid-save"
    );
    assert!(
        kills_after_a_save >= KILLS / 4,
        "{kills_after_a_save} kills after a completed save"
    );
    assert!(
        kills_with_a_file >= KILLS / 4,
        "{kills_with_a_file} kills with a file in place"
    );
}
