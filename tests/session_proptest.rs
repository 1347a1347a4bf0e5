//! The whole class of session histories (issue 16.8): random sequences of
//! edits, saves, autosaves, kills (an instance dropped without a clean
//! exit), imports by another program into the same file, reopenings and
//! restores, over two dossiers and two instances, driven through the core
//! exactly as the wizard drives it (`session_support::Instance`).
//!
//! The oracle. Every edit adds a member with a unique token name, so a
//! value is lost exactly when its token is nowhere. After every step:
//! - every token ever saved, autosaved or imported is in a dossier file,
//!   its newest backup (`.bak`), its session copy, or a recovery file
//!   (offered at the next start), unless she explicitly dropped it: a
//!   confirmed « Écraser » or « Enregistrer sous » over another version,
//!   « Garder la version du disque / récupérée », « Supprimer ce travail »,
//!   « Ne pas enregistrer »;
//! - nothing is reverted without her choice: a save that was not a
//!   confirmed overwrite keeps every token the file had; a restore keeps
//!   every token of both sides unless she chose one of them;
//! - an instance's autosave file is never offered to, nor deleted by,
//!   another instance while it lives.

mod session_support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use cluster_dossier::model::Dossier;
use cluster_dossier::model::dossier::Member;
use cluster_dossier::service::recovery::{Choice, Disk, Offer, RecoveryError};
use cluster_dossier::service::session::SessionError;
use cluster_dossier::store;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use session_support::{Instance, import_members};

type Tokens = BTreeSet<String>;

/// What the runs went through, to show the class was explored (printed at
/// the end with `--nocapture`).
static SEEN: [AtomicUsize; 8] = [const { AtomicUsize::new(0) }; 8];
const SEEN_NAMES: [&str; 8] = [
    "offres",
    "offres dont le disque a changé",
    "restaurations",
    "fusions",
    "enregistrements",
    "refus « modifié sur le disque »",
    "écrasements choisis",
    "imports",
];

fn seen(k: usize) {
    SEEN[k].fetch_add(1, Ordering::Relaxed);
}

#[derive(Clone, Debug)]
enum Op {
    /// Start instance `i` (if not running); `answers` answer the offers.
    Start {
        i: usize,
        answers: Vec<u8>,
    },
    /// « Ouvrir » dossier `d` in instance `i`; `save_first`: her answer
    /// when there are unsaved changes.
    Open {
        i: usize,
        d: usize,
        save_first: bool,
        answers: Vec<u8>,
    },
    /// Type a new member in instance `i`.
    Edit {
        i: usize,
    },
    Autosave {
        i: usize,
    },
    /// Ctrl+S; `overwrite`: her answer if the file changed meanwhile;
    /// an untitled dossier is saved as dossier `d`.
    Save {
        i: usize,
        overwrite: bool,
        d: usize,
    },
    /// The process dies: no clean exit.
    Kill {
        i: usize,
    },
    /// She types, the autosave runs, the process dies (the case recovery
    /// is for).
    Crash {
        i: usize,
    },
    /// Quits through the window: saves or drops unsaved work first.
    Quit {
        i: usize,
        save_first: bool,
    },
    /// Another program imports a member into dossier `d`.
    Import {
        d: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0..2usize;
    let answers = prop::collection::vec(any::<u8>(), 0..4);
    prop_oneof![
        3 => (i.clone(), answers.clone()).prop_map(|(i, answers)| Op::Start { i, answers }),
        2 => (i.clone(), 0..2usize, any::<bool>(), answers).prop_map(|(i, d, save_first, answers)| {
            Op::Open {
                i,
                d,
                save_first,
                answers,
            }
        }),
        4 => i.clone().prop_map(|i| Op::Edit { i }),
        3 => i.clone().prop_map(|i| Op::Autosave { i }),
        2 => (i.clone(), any::<bool>(), 0..2usize).prop_map(|(i, overwrite, d)| Op::Save {
            i,
            overwrite,
            d
        }),
        1 => i.clone().prop_map(|i| Op::Kill { i }),
        3 => i.clone().prop_map(|i| Op::Crash { i }),
        1 => (i, any::<bool>()).prop_map(|(i, save_first)| Op::Quit { i, save_first }),
        2 => (0..2usize).prop_map(|d| Op::Import { d }),
    ]
}

fn tokens(d: &Dossier) -> Tokens {
    d.members
        .iter()
        .filter(|m| m.name.starts_with("jeton "))
        .map(|m| m.name.clone())
        .collect()
}

fn file_tokens(path: &Path) -> Tokens {
    store::load(path).map(|d| tokens(&d)).unwrap_or_default()
}

struct World {
    _dir: tempfile::TempDir,
    data: PathBuf,
    files: [PathBuf; 2],
    instances: [Option<Instance>; 2],
    next: usize,
    /// Tokens saved, autosaved or imported at some point.
    durable: Tokens,
    /// Tokens she chose to drop.
    dropped: Tokens,
    log: Vec<String>,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = [dir.path().join("un.ron"), dir.path().join("deux.ron")];
        for f in &files {
            store::save(f, &Dossier::default()).expect("initial file");
        }
        let data = dir.path().join("donnees");
        // Both windows open, one dossier each: the histories start where
        // the interesting cases are a few steps away.
        let instances = [0, 1].map(|d| {
            let (mut inst, _) = Instance::start(&data);
            inst.open(&files[d]).expect("opens");
            Some(inst)
        });
        World {
            data,
            _dir: dir,
            files,
            instances,
            next: 0,
            durable: Tokens::new(),
            dropped: Tokens::new(),
            log: Vec::new(),
        }
    }

    /// Every token in a place she can get it back from.
    fn present(&self) -> Tokens {
        let mut out = Tokens::new();
        for f in &self.files {
            for p in [
                f.clone(),
                store::backup_path(f),
                store::session_copy_path(f),
            ] {
                out.extend(file_tokens(&p));
            }
        }
        let folder = store::recovery::folder(&self.data);
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            if let Ok(r) = store::recovery::read_file(&entry.path()) {
                out.extend(tokens(&r.dossier));
            }
        }
        out
    }

    fn fail(&self, what: String) -> TestCaseError {
        TestCaseError::fail(format!("{what}\nhistory:\n{}", self.log.join("\n")))
    }

    fn instance(&mut self, i: usize) -> &mut Instance {
        self.instances[i].as_mut().expect("running")
    }

    /// She drops `tokens` on purpose (only those not kept elsewhere).
    fn drop_by_choice(&mut self, tokens: Tokens) {
        self.dropped.extend(tokens);
    }

    /// Her answers to offers, as the wizard applies them: the first
    /// restore ends the round, the others wait.
    fn answer(
        &mut self,
        i: usize,
        offers: Vec<Offer>,
        answers: &[u8],
    ) -> Result<(), TestCaseError> {
        let mut offers = offers.into_iter();
        let mut k = 0;
        while let Some(offer) = offers.next() {
            let live: Vec<PathBuf> = self
                .instances
                .iter()
                .flatten()
                .filter_map(|x| x.recoveries.own_file().map(Path::to_path_buf))
                .collect();
            if live.iter().any(|f| f == offer.file()) {
                return Err(self.fail(format!(
                    "offered a live instance's autosave {:?}",
                    offer.file()
                )));
            }
            seen(0);
            if matches!(offer.disk(), Disk::Changed(_)) {
                seen(1);
            }
            let answer = answers.get(k).copied().unwrap_or(0) % 5;
            k += 1;
            let recovered = tokens(&offer.recovery.dossier);
            let disk = match offer.disk() {
                Disk::Changed(d) => Some(tokens(d)),
                Disk::Unchanged => offer.recovery.source.as_deref().map(file_tokens),
                _ => None,
            };
            let choice = match answer {
                0 => Choice::Recovered,
                1 => Choice::MergeMembers,
                2 => Choice::Disk,
                3 => {
                    self.log.push("  plus tard".into());
                    self.instance(i).recoveries.postpone(offer);
                    continue;
                }
                _ => {
                    self.log.push("  supprimer ce travail".into());
                    self.instance(i).recoveries.discard(offer);
                    let on_disk = disk.clone().unwrap_or_default();
                    self.drop_by_choice(&recovered - &on_disk);
                    continue;
                }
            };
            let changed = matches!(offer.disk(), Disk::Changed(_));
            match self.instance(i).restore(offer, choice) {
                Ok(_) => {}
                Err(RecoveryError::NoDiskVersion(offer)) => {
                    self.log
                        .push("  pas de version du disque : plus tard".into());
                    self.instance(i).recoveries.postpone(*offer);
                    continue;
                }
                Err(e) => return Err(self.fail(format!("restore failed: {e}"))),
            }
            self.log
                .push(format!("  restaure {choice:?} (disque changé : {changed})"));
            seen(2);
            if choice == Choice::MergeMembers && changed {
                seen(3);
            }
            let now = tokens(&self.instance(i).dossier);
            let disk = disk.unwrap_or_default();
            // Only her choice of one side drops the other's tokens (now, or
            // earlier: a dropped token may stay in the other side).
            let kept_recovered =
                choice == Choice::Disk || (&recovered - &self.dropped).is_subset(&now);
            let kept_disk =
                (choice == Choice::Recovered && changed) || (&disk - &self.dropped).is_subset(&now);
            if !kept_recovered || !kept_disk {
                return Err(self.fail(format!(
                    "restore {choice:?} reverted tokens: recovered {recovered:?}, disk {disk:?}, now {now:?}"
                )));
            }
            match choice {
                Choice::Disk => self.drop_by_choice(&recovered - &disk),
                Choice::Recovered => self.drop_by_choice(&disk - &recovered),
                Choice::MergeMembers => {}
            }
            for rest in offers.by_ref() {
                self.instance(i).recoveries.postpone(rest);
            }
        }
        Ok(())
    }

    /// Ctrl+S in instance `i`, as the wizard does it; `overwrite`: her
    /// answer when the file changed. Returns whether it saved.
    fn save(&mut self, i: usize, overwrite: bool, d: usize) -> Result<bool, TestCaseError> {
        let inst = self.instances[i].as_mut().expect("running");
        let path = inst.path.clone().unwrap_or_else(|| self.files[d].clone());
        let before = file_tokens(&path);
        let untitled = inst.path.is_none();
        let result = if untitled {
            inst.save_as(&path)
        } else {
            inst.save()
        };
        let forced = match result {
            Ok(()) => untitled,
            Err(SessionError::ChangedOnDisk { .. }) if overwrite => {
                seen(5);
                seen(6);
                inst.overwrite()
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                true
            }
            Err(SessionError::ChangedOnDisk { .. }) => {
                seen(5);
                self.log.push("  modifié sur le disque : annulé".into());
                return Ok(false);
            }
            Err(e) => return Err(self.fail(format!("save failed: {e}"))),
        };
        let written = tokens(&inst.dossier);
        if file_tokens(&path) != written {
            return Err(self.fail("the file is not what was saved".into()));
        }
        if forced {
            self.log.push("  écrasé (son choix)".into());
            self.drop_by_choice(&before - &written);
        } else if !(&before - &self.dropped).is_subset(&written) {
            return Err(self.fail(format!(
                "a save reverted tokens without her choice: before {before:?}, written {written:?}"
            )));
        }
        self.durable.extend(written);
        seen(4);
        Ok(true)
    }

    /// « Ne pas enregistrer »: the unsaved tokens are dropped by her.
    fn discard(&mut self, i: usize) {
        let inst = self.instances[i].as_ref().expect("running");
        let unsaved = &tokens(&inst.dossier) - &tokens(&inst.saved);
        self.log.push("  ne pas enregistrer".into());
        self.drop_by_choice(unsaved);
    }

    /// Unsaved changes before opening or quitting: saved or dropped as
    /// she answers; false when the save did not happen (she stays).
    fn settle(&mut self, i: usize, save_first: bool) -> Result<bool, TestCaseError> {
        let dirty = self.instances[i].as_ref().is_some_and(Instance::dirty);
        if !dirty {
            return Ok(true);
        }
        if save_first {
            self.save(i, false, 0)
        } else {
            self.discard(i);
            Ok(true)
        }
    }

    fn apply_autosave(&mut self, i: usize) {
        if let Some(inst) = self.instances[i].as_mut() {
            inst.autosave();
            if inst.dirty() {
                self.durable.extend(tokens(&inst.dossier));
            }
        }
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        self.log.push(format!("{op:?}"));
        let guarded: Vec<(usize, PathBuf)> = self
            .instances
            .iter()
            .enumerate()
            .filter_map(|(j, x)| Some((j, x.as_ref()?.recoveries.own_file()?.to_path_buf())))
            .collect();
        match op.clone() {
            Op::Start { i, answers } => {
                // The instance asked for, or the other one if it runs.
                let i = if self.instances[i].is_some() {
                    1 - i
                } else {
                    i
                };
                if self.instances[i].is_none() {
                    let (inst, offers) = Instance::start(&self.data);
                    self.instances[i] = Some(inst);
                    self.answer(i, offers, &answers)?;
                }
            }
            Op::Open {
                i,
                d,
                save_first,
                answers,
            } => {
                if self.instances[i].is_some() && self.settle(i, save_first)? {
                    let path = self.files[d].clone();
                    let inst = self.instances[i].as_mut().expect("running");
                    let offers = inst
                        .open(&path)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    self.answer(i, offers, &answers)?;
                }
            }
            Op::Edit { i } => {
                if let Some(inst) = self.instances[i].as_mut() {
                    self.next += 1;
                    inst.dossier.members.push(Member {
                        name: format!("jeton {}", self.next),
                        ..Member::default()
                    });
                }
            }
            Op::Autosave { i } => self.apply_autosave(i),
            Op::Save { i, overwrite, d } => {
                if self.instances[i].is_some() {
                    self.save(i, overwrite, d)?;
                }
            }
            Op::Kill { i } => self.instances[i] = None,
            Op::Crash { i } => {
                self.apply(&Op::Edit { i })?;
                self.apply_autosave(i);
                self.instances[i] = None;
            }
            Op::Quit { i, save_first } => {
                if self.instances[i].is_some() && self.settle(i, save_first)? {
                    if let Some(inst) = self.instances[i].as_mut() {
                        inst.recoveries.forget();
                    }
                    self.instances[i] = None;
                }
            }
            Op::Import { d } => {
                self.next += 1;
                let name = format!("jeton {}", self.next);
                import_members(&self.files[d], std::slice::from_ref(&name));
                self.durable.insert(name);
                seen(7);
            }
        }
        // Another instance's autosave is never deleted by this step.
        let actor = match op {
            Op::Start { i, .. }
            | Op::Open { i, .. }
            | Op::Edit { i }
            | Op::Autosave { i }
            | Op::Save { i, .. }
            | Op::Kill { i }
            | Op::Crash { i }
            | Op::Quit { i, .. } => Some(*i),
            Op::Import { .. } => None,
        };
        for (j, file) in guarded {
            if Some(j) != actor && !file.exists() {
                return Err(self.fail(format!("instance {j}'s autosave {file:?} was deleted")));
            }
        }
        let present = self.present();
        let lost: Tokens = self
            .durable
            .iter()
            .filter(|t| !self.dropped.contains(*t) && !present.contains(*t))
            .cloned()
            .collect();
        if !lost.is_empty() {
            return Err(self.fail(format!("tokens lost without her choice: {lost:?}")));
        }
        Ok(())
    }
}

fn cases() -> u32 {
    std::env::var("SESSION_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::var_os("CI").is_some() {
            256
        } else {
            128
        })
}

/// The property, then the proof that the runs explored the whole class
/// (every kind of step happened, including offers against a changed disk
/// and merges), with the counts printed (`--nocapture`).
#[test]
fn no_session_history_loses_or_reverts_a_value() {
    let config = ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(op(), 1..48), |ops| {
        let mut world = World::new();
        for op in &ops {
            world.apply(op)?;
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let counts: Vec<usize> = SEEN.iter().map(|c| c.load(Ordering::Relaxed)).collect();
    eprintln!("{} histoires :", cases());
    for (name, n) in SEEN_NAMES.iter().zip(&counts) {
        eprintln!("  {name} : {n}");
    }
    assert!(counts.iter().all(|n| *n > 0), "{counts:?}");
}
