//! Headless commands over the core ([`crate::service`]); never the wizard.
//!
//! ```text
//! cluster-dossier check FICHIER [--appel PROFIL]          constats, code 0/1/2
//! cluster-dossier new FICHIER [--example | --synthetic …] [--appel PROFIL]
//! cluster-dossier new-edition SOURCE --appel PROFIL NOUVEAU
//! cluster-dossier render FICHIER -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]
//! cluster-dossier import-members TABLEUR --into FICHIER [--merge] [--map …]
//! cluster-dossier export-tables FICHIER -o TABLEAUX.xlsx
//! cluster-dossier check-profile PROFIL                    valide un profil d'appel
//! cluster-dossier export-profile [--edition 2026] PROFIL  écrit le profil fourni, à adapter
//! ```
//!
//! `main.rs` opens the wizard when [`is_command`] says the arguments are
//! not a command.

mod args;
mod check;
mod export;
mod import;
mod import_console;
mod new;
mod profile;
mod render;
mod report;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

pub use report::write_report;

use crate::model::{CallProfile, Dossier};
use crate::service::{self, session};

/// Exit codes of the commands.
pub const EXIT_OK: u8 = 0;
pub const EXIT_BLOCKING: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

const USAGE: &str = "\
Dossier Cluster — dossier de candidature « Soutien à la dynamique des clusters marocains »

Utilisation :
  cluster-dossier [FICHIER.ron]                 ouvre l'assistant (fenêtre)
  cluster-dossier check FICHIER.ron             vérifie le dossier (code 0 : aucun point bloquant,
                                                1 : points bloquants, 2 : fichier illisible)
  cluster-dossier new FICHIER.ron [--example]   crée un dossier vide, ou l'exemple fourni
  cluster-dossier new --synthetic [--members N] [--projects N] FICHIER.ron
                                                crée un grand dossier fictif (essais, mesures)
  cluster-dossier new-edition SOURCE.ron --appel PROFIL.ron NOUVEAU.ron
                                                nouvelle édition à partir d'un dossier : reprend l'identité,
                                                les membres, les partenaires et la gouvernance
  cluster-dossier render FICHIER.ron -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]
                                                imprime le dossier en PDF
  cluster-dossier import-members TABLEUR --into FICHIER.ron [--merge] [--map \"Colonne=champ,...\"]
                [--activite-par-defaut industrielle|technologique|specifique|autre]
                [--categorie-par-defaut engagee|interessee|formation|autre]
                                                importe le registre des membres (CSV, XLSX, XLS, ODS) ;
                                                les lignes sans activité ou sans catégorie ne sont
                                                importées qu'avec le choix donné par ces options
                                                champs : nom categorie activite secteur ville taille ice rc if
                                                cnss contact fonction email telephone adhesion cotisation ignorer
  cluster-dossier export-tables FICHIER.ron -o TABLEAUX.xlsx
                                                exporte le budget et les indicateurs pour le trésorier
  cluster-dossier check-profile PROFIL.ron      vérifie un profil d'appel (nouvelle édition)
  cluster-dossier export-profile [--edition 2026] PROFIL.ron
                                                écrit le profil fourni, point de départ d'une nouvelle édition

Option de toutes les commandes :
  --appel PROFIL.ron                            utilise ce profil d'appel (seuils, date limite, pièces,
                                                lignes du budget) au lieu de celui de l'édition du dossier
";

/// The commands this front end runs; anything else opens the wizard.
const COMMANDS: [&str; 8] = [
    "check",
    "new",
    "new-edition",
    "render",
    "import-members",
    "export-tables",
    "check-profile",
    "export-profile",
];

/// Whether the arguments ask for a command (or help, or version) rather
/// than the wizard: `cluster-dossier` alone or with one file opens it.
pub fn is_command(args: &[OsString]) -> bool {
    match args.first().and_then(|a| a.to_str()) {
        None => false,
        Some(first) if COMMANDS.contains(&first) || first.starts_with('-') => true,
        Some(_) => args.len() > 1,
    }
}

/// Runs a command; exits 2 on unknown ones.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let first = args.first().and_then(|a| a.to_str()).unwrap_or("");
    let rest = args.get(1..).unwrap_or(&[]);
    let code = match first {
        "check" => check::run(rest),
        "new" => new::run(rest),
        "new-edition" => new::run_edition(rest),
        "render" => render::run(rest),
        "import-members" => import::run(rest),
        "export-tables" => export::run(rest),
        "check-profile" => profile::check(rest),
        "export-profile" => profile::export(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            EXIT_OK
        }
        "--version" | "-V" => {
            println!("cluster-dossier {}", env!("CARGO_PKG_VERSION"));
            EXIT_OK
        }
        _ => {
            eprint!("Commande inconnue « {first} ».\n\n{USAGE}");
            EXIT_UNREADABLE
        }
    };
    ExitCode::from(code)
}

fn usage_error(message: &str) -> u8 {
    eprint!("Erreur : {message}.\n\n{USAGE}");
    EXIT_UNREADABLE
}

/// Opens a dossier with its profile, printing the error on failure.
fn open_or_report(path: &Path, explicit: Option<&Path>) -> Option<(Dossier, Arc<CallProfile>)> {
    match session::open(path, explicit) {
        Ok(opened) => {
            if explicit.is_some() && opened.profile.edition != opened.dossier.edition {
                eprintln!(
                    "Note : le dossier répond à l'édition « {} » ; il est traité avec le profil de l'édition « {} ».",
                    opened.dossier.edition, opened.profile.edition
                );
            }
            Some((opened.dossier, opened.profile))
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            None
        }
    }
}

/// A profile the user named, or the newest bundled one.
fn profile_or_latest(explicit: Option<&Path>) -> Result<Arc<CallProfile>, u8> {
    match explicit {
        Some(p) => service::profiles::from_file(p).map_err(|e| {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }),
        None => Ok(service::profiles::latest_bundled()),
    }
}
