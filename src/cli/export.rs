//! `export-tables FICHIER -o TABLEAUX.xlsx`: the budget and indicators as a
//! workbook for the treasurer.

use std::path::PathBuf;

use super::args::{Exit, Given, Opt, Spec, Usage};
use super::outcome::{Failure, Outcome};
use super::{Declared, open};
use crate::service::jobs;

#[derive(Debug, PartialEq)]
pub struct ExportTables {
    pub input: PathBuf,
    pub output: PathBuf,
    pub profile: Option<PathBuf>,
}

impl Declared for ExportTables {
    const SPEC: Spec = Spec {
        name: "export-tables",
        summary: "exporte le budget et les indicateurs (classeur XLSX) pour le trésorier",
        synopsis: "FICHIER.ron -o TABLEAUX.xlsx",
        files: &["FICHIER.ron"],
        files_min: 1,
        options: &[Opt {
            long: "output",
            short: Some('o'),
            value: Some("TABLEAUX.xlsx"),
            help: "le classeur à écrire (obligatoire) ; jamais le dossier lui-même ni un autre dossier",
        }],
        appel: "utilise ce profil d'appel (seuils, date limite, pièces, lignes du budget) au lieu de celui de l'édition du dossier",
        about: "Écrit le budget prévisionnel et les indicateurs du dossier dans un classeur XLSX,\n\
                avec leurs totaux, pour les reprendre dans un tableur.",
        notes: None,
        examples: &["export-tables mon-cluster.ron -o tableaux.xlsx"],
        exits: &[
            (Exit::Ok, "classeur écrit"),
            (
                Exit::Unusable,
                "dossier illisible, sortie refusée ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        Ok(ExportTables {
            input: given.required_file(0)?,
            output: given.required_path("output")?,
            profile: given.profile()?,
        })
    }
}

pub fn run(args: ExportTables) -> Result<Outcome, Failure> {
    let ExportTables {
        input,
        output,
        profile,
    } = args;
    let profile_path = profile;
    let (dossier, profile) = open(&input, profile_path.as_deref())?;
    match jobs::export_tables(
        &dossier,
        &profile,
        Some(&input),
        profile_path.as_deref(),
        &output,
    ) {
        Ok(()) => {
            println!("Tableaux exportés : {}", output.display());
            Ok(Outcome::Done)
        }
        Err(e) => Err(Failure::Job(e)),
    }
}
