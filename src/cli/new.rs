//! `new FICHIER [--example | --synthetic …] [--appel PROFIL]` and
//! `new-edition SOURCE --appel PROFIL NOUVEAU`: create dossier files, never
//! over an existing one.

use std::path::{Path, PathBuf};

use super::args::{Exit, Given, Opt, Spec, Usage};
use super::outcome::{Failure, Outcome};
use super::{Declared, profile_or_latest};
use crate::model::Dossier;
use crate::service::edition::{self, EditionError};
use crate::service::{jobs, profiles, session};

#[derive(Debug, PartialEq)]
pub enum Kind {
    Empty,
    Example,
    Synthetic { members: usize, projects: usize },
}

#[derive(Debug, PartialEq)]
pub struct New {
    pub file: PathBuf,
    pub kind: Kind,
    pub profile: Option<PathBuf>,
}

impl Declared for New {
    const SPEC: Spec = Spec {
        name: "new",
        summary: "crée un dossier vide, l'exemple fourni ou un grand dossier fictif",
        synopsis: "FICHIER.ron [--example | --synthetic [--members N] [--projects N]] [--appel PROFIL.ron]",
        files: &["FICHIER.ron"],
        files_min: 1,
        options: &[
            Opt {
                long: "example",
                short: None,
                value: None,
                help: "l'exemple fourni, complet, à adapter",
            },
            Opt {
                long: "synthetic",
                short: None,
                value: None,
                help: "un grand dossier fictif, pour les essais et les mesures",
            },
            Opt {
                long: "members",
                short: None,
                value: Some("N"),
                help: "avec --synthetic : nombre de membres (300 par défaut)",
            },
            Opt {
                long: "projects",
                short: None,
                value: Some("N"),
                help: "avec --synthetic : nombre de projets (40 par défaut)",
            },
        ],
        appel: "crée le dossier pour l'édition de ce profil d'appel au lieu de la plus récente ; le dossier s'en souvient",
        about: "Crée un nouveau fichier de dossier, jamais par-dessus un fichier existant. Sans option,\n\
                le dossier est vide, pour l'édition la plus récente de l'appel (ou celle du profil\n\
                donné par --appel, dont le dossier se souvient).",
        notes: None,
        examples: &[
            "new mon-cluster.ron",
            "new --example exemple.ron",
            "new --synthetic --members 300 --projects 40 essai.ron",
        ],
        exits: &[
            (Exit::Ok, "dossier créé"),
            (
                Exit::Unusable,
                "le fichier existe déjà, profil illisible ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        let usage = |m: &str| Usage::new(Some("new"), m);
        let members = given.number("members")?;
        let projects = given.number("projects")?;
        let kind = match (given.flag("example")?, given.flag("synthetic")?) {
            (true, true) => return Err(usage("--example et --synthetic s'excluent")),
            (false, true) => Kind::Synthetic {
                members: members.unwrap_or(300),
                projects: projects.unwrap_or(40),
            },
            // Never a dossier other than the one asked for, silently.
            _ if members.is_some() || projects.is_some() => {
                return Err(usage(
                    "--members et --projects ne s'emploient qu'avec --synthetic",
                ));
            }
            (true, false) => Kind::Example,
            (false, false) => Kind::Empty,
        };
        Ok(New {
            file: given.required_file(0)?,
            kind,
            profile: given.profile()?,
        })
    }
}

pub fn run(args: New) -> Result<Outcome, Failure> {
    create(&args.file, args.kind, args.profile.as_deref())
}

#[derive(Debug, PartialEq)]
pub struct NewEdition {
    pub source: PathBuf,
    pub target: PathBuf,
    pub profile: PathBuf,
}

impl Declared for NewEdition {
    const SPEC: Spec = Spec {
        name: "new-edition",
        summary: "nouvelle édition à partir d'un dossier : reprend l'identité, les membres, les partenaires et la gouvernance",
        synopsis: "SOURCE.ron --appel PROFIL.ron NOUVEAU.ron",
        files: &["SOURCE.ron", "NOUVEAU.ron"],
        files_min: 2,
        options: &[],
        appel: "le profil de la nouvelle édition (obligatoire) ; le nouveau dossier s'en souvient",
        about: "Prépare le dossier d'une nouvelle édition de l'appel à partir de celui d'une édition\n\
                précédente : l'identité, les membres, les partenaires et la gouvernance sont repris, le\n\
                reste est listé comme non repris. --appel (obligatoire) donne le profil de la nouvelle\n\
                édition ; le nouveau dossier s'en souvient. SOURCE.ron n'est pas modifié.",
        notes: None,
        examples: &["new-edition cluster-2026.ron --appel appel-2027.ron cluster-2027.ron"],
        exits: &[
            (Exit::Ok, "nouveau dossier créé"),
            (
                Exit::Unusable,
                "source ou profil illisible, NOUVEAU.ron existe déjà, ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        Ok(NewEdition {
            source: given.required_file(0)?,
            target: given.required_file(1)?,
            profile: given.required_path("appel")?,
        })
    }
}

fn create(file: &Path, kind: Kind, explicit: Option<&Path>) -> Result<Outcome, Failure> {
    let profile = profile_or_latest(explicit)?;
    let mut dossier = match kind {
        Kind::Synthetic { members, projects } => {
            crate::model::synthetic::dossier(&profile, members, projects)
        }
        Kind::Example => crate::example_dossier()?,
        Kind::Empty => Dossier::new_for(&profile),
    };
    // The profile it reads is no place for it; an existing file says what it is.
    let mut protected = jobs::Protected::none();
    if let Some(p) = explicit {
        protected = protected.with(p.to_path_buf(), jobs::Role::Profile);
    }
    jobs::check_new_file(file, &protected)?;
    if let Some(p) = explicit {
        dossier.edition = profile.edition.clone();
        dossier.call_profile = Some(profiles::remembered_path(file, p));
    }
    session::create(file, &dossier)?;
    println!("Dossier créé : {}", file.display());
    Ok(Outcome::Done)
}

pub fn run_edition(args: NewEdition) -> Result<Outcome, Failure> {
    let next = edition::create(&args.source, &args.profile, &args.target).map_err(|e| match e {
        EditionError::Session(e) => Failure::Session(e),
        EditionError::Profile(e) => Failure::Profile(e),
        EditionError::Output(e) => Failure::Output(e),
    })?;
    println!("Dossier créé : {}", args.target.display());
    println!("{}", next.headline());
    for line in next.not_carried_lines() {
        println!("{line}");
    }
    Ok(Outcome::Done)
}
