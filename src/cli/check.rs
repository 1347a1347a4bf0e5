//! `check FICHIER [--appel PROFIL]`: the full check, as a report; exit 0
//! without blocking finding, 1 with, 2 when the file cannot be read.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{Exit, Given, Spec, Usage};
use super::outcome::{Failure, Outcome};
use super::{Declared, open, write_report};
use crate::service::{self, check};

#[derive(Debug, PartialEq)]
pub struct Check {
    pub file: PathBuf,
    pub profile: Option<PathBuf>,
}

impl Declared for Check {
    const SPEC: Spec = Spec {
        name: "check",
        summary: "vérifie le dossier : constats par section et résumé",
        synopsis: "FICHIER.ron [--appel PROFIL.ron]",
        files: &["FICHIER.ron"],
        files_min: 1,
        options: &[],
        appel: "utilise ce profil d'appel (seuils, date limite, pièces, lignes du budget) au lieu de celui de l'édition du dossier",
        about: "Vérifie le dossier comme le ferait le comité : pièces, membres, gouvernance, projets,\n\
                budget, indicateurs et date limite. Les constats sont listés par section sur la sortie\n\
                standard, suivis d'un résumé et de l'empreinte du contenu (celle que porte chaque\n\
                page imprimée) ; le fichier n'est pas modifié.",
        notes: None,
        examples: &["check mon-cluster.ron"],
        exits: &[
            (
                Exit::Ok,
                "aucun point bloquant : le dossier peut être imprimé en version finale",
            ),
            (
                Exit::Blocking,
                "au moins un point bloquant : le dossier serait refusé en l'état",
            ),
            (
                Exit::Unusable,
                "dossier ou profil illisible, ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        Ok(Check {
            file: given.required_file(0)?,
            profile: given.profile()?,
        })
    }
}

pub fn run(args: Check) -> Result<Outcome, Failure> {
    let path = args.file;
    let (dossier, profile) = open(&path, args.profile.as_deref())?;
    let (_, findings) = check::full(&dossier, &profile, &service::base_dir(Some(&path)));
    let mut out = std::io::stdout().lock();
    let _ = write_report(&mut out, Path::new(&path), &findings);
    // The same fingerprint every printed page carries: she can tell the
    // copies handed in are this version of the file.
    let code = crate::model::Fingerprint::of(&dossier).code();
    let _ = writeln!(out, "Empreinte du contenu : {code}");
    if findings.iter().any(crate::model::Finding::is_blocking) {
        Ok(Outcome::Blocking)
    } else {
        Ok(Outcome::Done)
    }
}
