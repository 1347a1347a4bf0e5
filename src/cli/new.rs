//! `new FICHIER [--example | --synthetic …] [--appel PROFIL]` and
//! `new-edition SOURCE --appel PROFIL NOUVEAU`: create dossier files, never
//! over an existing one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::args::{Arg, Args, positional};
use super::{EXIT_OK, EXIT_UNREADABLE, open_or_report, profile_or_latest, usage_error};
use crate::model::{Dossier, edition};
use crate::service::{jobs, profiles, session};

enum Kind {
    Empty,
    Example,
    Synthetic { members: usize, projects: usize },
}

pub fn run(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let (mut example, mut synthetic) = (false, false);
    let (mut members, mut projects) = (300usize, 40usize);
    let mut file: Option<PathBuf> = None;
    loop {
        let step = match args.next() {
            Ok(None) => break,
            Ok(Some(Arg::Option("--example"))) => {
                example = true;
                Ok(())
            }
            Ok(Some(Arg::Option("--synthetic"))) => {
                synthetic = true;
                Ok(())
            }
            Ok(Some(Arg::Option("--members"))) => args
                .number("--members attend un nombre")
                .map(|n| members = n),
            Ok(Some(Arg::Option("--projects"))) => args
                .number("--projects attend un nombre")
                .map(|n| projects = n),
            Ok(Some(Arg::Option(o))) => Err(format!("option inconnue « {o} »")),
            Ok(Some(Arg::Positional(a))) => positional(&mut file, a, "un seul fichier attendu"),
            Err(e) => Err(e),
        };
        if let Err(e) = step {
            return usage_error(&e);
        }
    }
    let Some(file) = file else {
        return usage_error("« new » attend le fichier à créer");
    };
    let kind = match (example, synthetic) {
        (true, true) => return usage_error("--example et --synthetic s'excluent"),
        (true, false) => Kind::Example,
        (false, true) => Kind::Synthetic { members, projects },
        (false, false) => Kind::Empty,
    };
    create(&file, kind, args.profile.as_deref())
}

fn create(file: &Path, kind: Kind, explicit: Option<&Path>) -> u8 {
    let profile = match profile_or_latest(explicit) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut dossier = match kind {
        Kind::Synthetic { members, projects } => {
            crate::model::synthetic::dossier(&profile, members, projects)
        }
        Kind::Example => match crate::example_dossier() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("Erreur : {e}");
                return EXIT_UNREADABLE;
            }
        },
        Kind::Empty => Dossier::new_for(&profile),
    };
    // The profile it reads is no place for it; an existing file says what it is.
    let mut protected = jobs::Protected::none();
    if let Some(p) = explicit {
        protected = protected.with(p.to_path_buf(), jobs::Role::Profile);
    }
    if let Err(e) = jobs::check_new_file(file, &protected) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    if let Some(p) = explicit {
        dossier.edition = profile.edition.clone();
        dossier.call_profile = Some(profiles::remembered_path(file, p));
    }
    match session::create(file, &dossier) {
        Ok(()) => {
            println!("Dossier créé : {}", file.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}

pub fn run_edition(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let files = match args.files_only(2, "deux fichiers attendus") {
        Ok(files) => files,
        Err(e) => return usage_error(&e),
    };
    let Ok([source, target]) = <[PathBuf; 2]>::try_from(files) else {
        return usage_error("« new-edition » attend le dossier source et le nouveau fichier");
    };
    let Some(profile_path) = args.profile.clone() else {
        return usage_error(
            "« new-edition » attend --appel PROFIL.ron (le profil de la nouvelle édition)",
        );
    };
    let Some((old, old_profile)) = open_or_report(&source, None) else {
        return EXIT_UNREADABLE;
    };
    // Everything the source reads, and the new profile, stay untouched.
    let protected = jobs::Protected::of(&old, &old_profile, Some(&source), None)
        .with(profile_path.clone(), jobs::Role::EditionProfile);
    if let Err(e) = jobs::check_new_file(&target, &protected) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    let profile = match profiles::from_file(&profile_path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("Erreur : {e}");
            return EXIT_UNREADABLE;
        }
    };
    let mut new = edition::carry_over(&old, &profile);
    new.dossier.call_profile = Some(profiles::remembered_path(&target, &profile_path));
    if let Err(e) = session::create(&target, &new.dossier) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    println!(
        "Dossier de l'édition « {} » créé : {} (identité, membres, partenaires et gouvernance repris).",
        profile.edition,
        target.display()
    );
    if !new.not_carried.is_empty() {
        println!("Non repris :");
        for line in &new.not_carried {
            println!("  - {line}");
        }
    }
    EXIT_OK
}
