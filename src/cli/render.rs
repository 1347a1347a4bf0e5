//! `render FICHIER -o SORTIE.pdf [--copies N] [--final | --draft | --blank]
//! [--per-copy]`: the printed package, through the core's print job.

use std::path::PathBuf;

use super::args::{Exit, Given, Opt, Spec, Usage};
use super::outcome::{Failure, Outcome};
use super::{Declared, open};
use crate::service::jobs::{self, JobError, PrintJob};
use crate::service::pages::{PrintMode, RenderOptions};

#[derive(Debug, PartialEq)]
pub struct Render {
    pub input: PathBuf,
    pub output: PathBuf,
    pub options: RenderOptions,
    pub profile: Option<PathBuf>,
}

impl Declared for Render {
    const SPEC: Spec = Spec {
        name: "render",
        summary: "imprime le dossier en PDF, en autant d'exemplaires que l'appel en demande",
        synopsis: "FICHIER.ron -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]",
        files: &["FICHIER.ron"],
        files_min: 1,
        options: &[
            Opt {
                long: "output",
                short: Some('o'),
                value: Some("SORTIE.pdf"),
                help: "le PDF à écrire (obligatoire) ; jamais le dossier lui-même, un autre dossier ni un fichier spécial",
            },
            Opt {
                long: "copies",
                short: None,
                value: Some("N"),
                help: "nombre d'exemplaires, de 1 à 20 (par défaut celui du dossier, sinon celui de l'appel)",
            },
            Opt {
                long: "final",
                short: None,
                value: None,
                help: "version finale : refusée tant qu'il reste des points bloquants",
            },
            Opt {
                long: "draft",
                short: None,
                value: None,
                help: "brouillon : chaque page porte la mention « BROUILLON »",
            },
            Opt {
                long: "blank",
                short: None,
                value: None,
                help: "formulaire vierge, à remplir à la main",
            },
            Opt {
                long: "per-copy",
                short: None,
                value: None,
                help: "un fichier par exemplaire (SORTIE-exemplaire-1.pdf, …) au lieu d'un seul",
            },
        ],
        appel: "utilise ce profil d'appel (seuils, date limite, pièces, lignes du budget) au lieu de celui de l'édition du dossier",
        about: "Imprime le dossier en PDF, prêt à signer. Sans --final ni --draft, le PDF est un brouillon\n\
                tant qu'il reste des points bloquants : chaque page porte la mention « BROUILLON » et la\n\
                couverture les énumère. --final, --draft et --blank s'excluent.",
        notes: None,
        examples: &[
            "render mon-cluster.ron -o mon-cluster.pdf --final",
            "render mon-cluster.ron -o exemplaire.pdf --copies=1 --draft",
        ],
        exits: &[
            (Exit::Ok, "PDF écrit (brouillon compris)"),
            (
                Exit::Blocking,
                "--final refusé : les points bloquants sont listés sur la sortie d'erreur",
            ),
            (
                Exit::Unusable,
                "dossier illisible, sortie refusée ou erreur d'utilisation",
            ),
        ],
    };

    fn from_args(given: &Given) -> Result<Self, Usage> {
        let mut mode = PrintMode::Automatic;
        for (flag, wanted) in [
            ("final", PrintMode::Final),
            ("draft", PrintMode::Draft),
            ("blank", PrintMode::Blank),
        ] {
            if given.flag(flag)? {
                if mode != PrintMode::Automatic {
                    return Err(Usage::new(
                        Some("render"),
                        "--final, --draft et --blank s'excluent",
                    ));
                }
                mode = wanted;
            }
        }
        Ok(Render {
            input: given.required_file(0)?,
            output: given.required_path("output")?,
            options: RenderOptions {
                copies: given.number("copies")?,
                mode,
                per_copy: given.flag("per-copy")?,
            },
            profile: given.profile()?,
        })
    }
}

pub fn run(request: Render) -> Result<Outcome, Failure> {
    let (dossier, profile) = open(&request.input, request.profile.as_deref())?;
    let chose_draft = request.options.mode == PrintMode::Draft;
    let job = PrintJob {
        dossier: &dossier,
        profile: &profile,
        dossier_path: Some(&request.input),
        profile_file: request.profile.as_deref(),
        options: request.options,
        output: request.output,
    };
    let printed = match jobs::print(&job) {
        Ok(p) => p,
        Err(JobError::Blocking(blocking)) => {
            return Err(Failure::Blocked {
                dossier: request.input,
                findings: blocking,
            });
        }
        Err(e) => return Err(Failure::Job(e)),
    };
    for w in &printed.warnings {
        eprintln!("Attention : {w}");
    }
    for path in &printed.files {
        println!("PDF écrit : {}", path.display());
    }
    println!(
        "{} exemplaire(s) de {} pages{}.",
        printed.copies,
        printed.pages_per_copy,
        match (printed.draft, chose_draft) {
            (false, _) => "",
            (true, true) => ", BROUILLON (demandé avec --draft)",
            (true, false) => ", BROUILLON (points bloquants restants)",
        }
    );
    if std::env::var_os("CLUSTER_DOSSIER_STATS").is_some() {
        print_stats(printed.copies as usize * printed.pages_per_copy);
    }
    Ok(Outcome::Done)
}

/// Peak memory of this process (Linux), for the benchmarks.
fn print_stats(pages: usize) {
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
        });
    match peak {
        Some(kb) => println!(
            "Statistiques : {pages} pages, mémoire de pointe {:.1} Mo (cible ≤ 100 Mo)",
            kb as f64 / 1024.0
        ),
        None => println!("Statistiques : {pages} pages, mémoire de pointe inconnue sur ce système"),
    }
}
