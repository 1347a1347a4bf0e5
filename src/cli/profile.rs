//! `check-profile PROFIL` validates a call profile file (a new edition);
//! `export-profile [--edition 2026] PROFIL` writes a bundled profile as the
//! starting point of a new one.

use std::ffi::OsString;
use std::path::PathBuf;

use super::args::{Arg, Args, positional};
use super::{EXIT_OK, EXIT_UNREADABLE, usage_error};
use crate::service::profiles;
use crate::store;

pub fn check(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let file = match args.files_only(1, "un seul profil attendu") {
        Ok(files) => files.into_iter().next(),
        Err(e) => return usage_error(&e),
    };
    let Some(file) = file.or(args.profile) else {
        return usage_error("« check-profile » attend le fichier du profil");
    };
    match profiles::from_file(&file) {
        Ok(p) => {
            println!(
                "Profil valide : édition « {} » — {} membres au moins, {} % d'entreprises industrielles, technologiques ou spécifiques, {} % d'autofinancement l'année 1, date limite le {}.",
                p.edition,
                p.thresholds.min_members,
                p.thresholds.min_industrial_share_percent,
                p.thresholds.min_self_financing_year1_percent,
                p.deadline.french()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}

pub fn export(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let mut file: Option<PathBuf> = None;
    let mut edition = profiles::latest_bundled().edition.clone();
    loop {
        let step = match args.next() {
            Ok(None) => break,
            Ok(Some(Arg::Option("--edition"))) => args
                .text("--edition attend une année")
                .map(|e| edition = e.to_string()),
            Ok(Some(Arg::Option(o))) => Err(format!("option inconnue « {o} »")),
            Ok(Some(Arg::Positional(a))) => positional(&mut file, a, "un seul fichier attendu"),
            Err(e) => Err(e),
        };
        if let Err(e) = step {
            return usage_error(&e);
        }
    }
    let Some(file) = file else {
        return usage_error("« export-profile » attend le fichier à écrire");
    };
    let Some(text) = profiles::bundled_text(&edition) else {
        eprintln!("Erreur : cette version ne fournit pas l'édition « {edition} ».");
        return EXIT_UNREADABLE;
    };
    if let Err(e) = store::paths::check_file_name(&file) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    if std::fs::symlink_metadata(&file).is_ok() {
        eprintln!(
            "Erreur : « {} » existe déjà ; il n'a pas été modifié.",
            file.display()
        );
        return EXIT_UNREADABLE;
    }
    match store::write_atomic(&file, text.as_bytes(), false) {
        Ok(()) => {
            println!(
                "Profil de l'édition « {edition} » écrit : {} (modifiez l'édition, les seuils et la date limite, puis vérifiez-le avec check-profile).",
                file.display()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}
