//! `check-profile PROFIL` validates a call profile file (a new edition);
//! `export-profile [--edition 2026] PROFIL` writes a bundled profile as the
//! starting point of a new one.

use std::path::PathBuf;

use super::Declared;
use super::args::{Exit, Given, Opt, Spec, Usage};
use super::outcome::{Failure, Outcome};
use crate::service::{jobs, profiles};
use crate::store;

#[derive(Debug, PartialEq)]
pub struct CheckProfile {
    pub file: PathBuf,
}

impl Declared for CheckProfile {
    const SPEC: Spec = Spec {
        name: "check-profile",
        summary: "vérifie un profil d'appel (nouvelle édition) : fichier, ligne, colonne",
        synopsis: "PROFIL.ron",
        files: &["PROFIL.ron"],
        files_min: 0,
        options: &[],
        appel: "le profil à vérifier, quand PROFIL.ron n'est pas donné",
        about: "Lit un profil d'appel (le fichier d'une édition que cette version ne fournit pas) et le\n\
                valide : chaque erreur est donnée avec sa ligne et sa colonne ; un profil valide est\n\
                résumé (seuils, date limite). Le profil peut aussi être donné par --appel.",
        notes: None,
        examples: &["check-profile appel-2027.ron"],
        exits: &[
            (Exit::Ok, "profil valide"),
            (
                Exit::Unusable,
                "profil illisible ou invalide, ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        match given.file(0) {
            Some(file) => Ok(CheckProfile { file }),
            // `check-profile --appel PROFIL` says the same.
            None => Ok(CheckProfile {
                file: given.required_path("appel").map_err(|_| {
                    Usage::new(
                        Some("check-profile"),
                        "« check-profile » attend le fichier du profil",
                    )
                })?,
            }),
        }
    }
}

pub fn check(args: CheckProfile) -> Result<Outcome, Failure> {
    let file = args.file;
    match profiles::from_file(&file) {
        Ok(p) => {
            // The help beside each section (issue 20 item 6), when the
            // profile has some: an older profile has none and is still valid.
            let help = match p.section_help.len() {
                0 => String::new(),
                1 => ", aide de l'appel pour 1 rubrique".to_string(),
                n => format!(", aide de l'appel pour {n} rubriques"),
            };
            println!(
                "Profil valide : édition « {} » — {} membres au moins, {} % d'entreprises industrielles, technologiques ou spécifiques, {} % d'autofinancement l'année 1, date limite le {}{help}.",
                p.edition,
                p.thresholds.min_members,
                p.thresholds.min_industrial_share_percent,
                p.thresholds.min_self_financing_year1_percent,
                p.deadline.french()
            );
            Ok(Outcome::Done)
        }
        Err(e) => Err(Failure::Profile(e)),
    }
}

#[derive(Debug, PartialEq)]
pub struct ExportProfile {
    pub file: PathBuf,
    /// The edition to write; the newest bundled one when not given.
    pub edition: Option<String>,
}

impl Declared for ExportProfile {
    const SPEC: Spec = Spec {
        name: "export-profile",
        summary: "écrit le profil d'appel fourni, point de départ d'une nouvelle édition",
        synopsis: "[--edition ANNÉE] PROFIL.ron",
        files: &["PROFIL.ron"],
        files_min: 1,
        options: &[Opt {
            long: "edition",
            short: None,
            value: Some("ANNÉE"),
            help: "l'édition fournie à écrire (la plus récente par défaut)",
        }],
        appel: "accepté, sans effet : le profil écrit est celui de --edition",
        about: "Écrit le profil d'une édition fournie par cette version, jamais par-dessus un fichier\n\
                existant. Modifiez-y l'édition, les seuils et la date limite, vérifiez-le avec\n\
                check-profile, puis donnez-le aux commandes avec --appel.",
        notes: None,
        examples: &["export-profile --edition 2026 appel-2027.ron"],
        exits: &[
            (Exit::Ok, "profil écrit"),
            (
                Exit::Unusable,
                "le fichier existe déjà, édition non fournie ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        Ok(ExportProfile {
            file: given.required_file(0)?,
            edition: given.text("edition")?,
        })
    }
}

pub fn export(args: ExportProfile) -> Result<Outcome, Failure> {
    let file = args.file;
    let edition = args
        .edition
        .unwrap_or_else(|| profiles::latest_bundled().edition.clone());
    let Some(text) = profiles::bundled_text(&edition) else {
        return Err(Failure::NoEdition(edition));
    };
    // Only a new file: the refusal says what the existing one is.
    jobs::check_new_file(&file, &jobs::Protected::none())?;
    match store::write_atomic(&file, text.as_bytes(), false) {
        Ok(()) => {
            println!(
                "Profil de l'édition « {edition} » écrit : {} (modifiez l'édition, les seuils et la date limite, puis vérifiez-le avec check-profile).",
                file.display()
            );
            Ok(Outcome::Done)
        }
        Err(e) => Err(Failure::Store(e)),
    }
}
