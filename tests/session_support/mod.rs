//! An editing instance driven through the core exactly as the wizard
//! drives it (`ui/app`: open, edit, autosave, save, « Écraser », restore),
//! without egui; and an import into a dossier file through the core, as
//! `import-members` does it (another program writing the file).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cluster_dossier::import;
use cluster_dossier::model::Dossier;
use cluster_dossier::service::recovery::{Choice, Offer, Recoveries, RecoveryError, Restored};
use cluster_dossier::service::session::{self, Base, Check, SessionError};
use cluster_dossier::store;

/// One running copy of the app.
pub struct Instance {
    pub recoveries: Recoveries,
    pub path: Option<PathBuf>,
    pub dossier: Dossier,
    /// What the file held when last read or written (the wizard's `saved`).
    pub saved: Dossier,
    pub base: Base,
}

impl Instance {
    /// Starts with an empty dossier; returns the recovered works offered.
    pub fn start(data: &Path) -> (Self, Vec<Offer>) {
        let mut recoveries = Recoveries::new(Some(data.to_path_buf()));
        let offers = recoveries.pending();
        let instance = Instance {
            recoveries,
            path: None,
            dossier: Dossier::default(),
            saved: Dossier::default(),
            base: Base::default(),
        };
        (instance, offers)
    }

    pub fn dirty(&self) -> bool {
        self.dossier != self.saved
    }

    /// « Ouvrir » (after her unsaved work was saved or dropped): the
    /// works a crashed session left on this file are offered.
    pub fn open(&mut self, path: &Path) -> Result<Vec<Offer>, SessionError> {
        let opened = session::open(path, None)?;
        self.recoveries.forget();
        self.dossier = opened.dossier;
        self.saved = self.dossier.clone();
        self.base = opened.base;
        self.path = Some(path.to_path_buf());
        Ok(self.recoveries.pending_for(path))
    }

    /// « Nouveau dossier ».
    pub fn new_dossier(&mut self) {
        self.recoveries.forget();
        self.dossier = Dossier::default();
        self.saved = Dossier::default();
        self.base = Base::default();
        self.path = None;
    }

    /// The autosave a pause in typing triggers.
    pub fn autosave(&mut self) {
        if self.dirty() {
            self.recoveries
                .autosave(self.path.as_deref(), self.base.content, &self.dossier)
                .expect("autosaved");
        }
    }

    fn write(&mut self, path: &Path, check: Check) -> Result<(), SessionError> {
        let mut base = self.base;
        session::save(path, &self.dossier, &mut base, check)?;
        self.base = base;
        self.saved = self.dossier.clone();
        self.path = Some(path.to_path_buf());
        self.recoveries.forget();
        Ok(())
    }

    /// « Enregistrer » (Ctrl+S).
    pub fn save(&mut self) -> Result<(), SessionError> {
        let path = self.path.clone().expect("a file to save to");
        self.write(&path, Check::Unchanged)
    }

    /// « Écraser », after « Enregistrer » found the file changed.
    pub fn overwrite(&mut self) -> Result<(), SessionError> {
        let path = self.path.clone().expect("a file to save to");
        self.write(&path, Check::Overwrite)
    }

    /// « Enregistrer sous ».
    pub fn save_as(&mut self, path: &Path) -> Result<(), SessionError> {
        if self.path.as_deref() == Some(path) {
            return self.write(path, Check::Overwrite);
        }
        self.base = Base::default();
        self.write(path, Check::NewPlace)
    }

    /// Her choice on an offer; on success the restored work is edited.
    pub fn restore(&mut self, offer: Offer, choice: Choice) -> Result<Vec<String>, RecoveryError> {
        let Restored {
            dossier,
            path,
            base,
            saved,
            notes,
            ..
        } = self.recoveries.resolve(offer, choice)?;
        self.dossier = dossier;
        self.path = path;
        self.base = base;
        self.saved = saved;
        Ok(notes)
    }
}

/// Another program imports `names` as new members into the file at
/// `path`, under its lock, through the import's own plan.
pub fn import_members(path: &Path, names: &[String]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("membres.csv");
    let mut text = String::from("Raison sociale;Catégorie;Activité;Ville\n");
    for n in names {
        text.push_str(&format!("{n};Entreprise engagée;Industrielle;Fès\n"));
    }
    std::fs::write(&csv, text).expect("csv");
    let sheet = import::read_sheet(&csv).expect("sheet");
    let mapping = import::guess_mapping(&sheet.headers);
    let outcome = store::update(path, |d| -> Result<Option<()>, ()> {
        let plan = import::plan_import(d, &sheet, &mapping, import::PlanOptions::default());
        assert_eq!(plan.added.len(), names.len(), "every row is a new member");
        plan.apply(d);
        Ok(Some(()))
    });
    assert!(matches!(outcome, Ok(Ok(Some(())))), "imported");
}

/// The member names of a dossier file, if it can be read.
pub fn names_in(path: &Path) -> Option<Vec<String>> {
    store::load(path)
        .ok()
        .map(|d| d.members.into_iter().map(|m| m.name).collect())
}
