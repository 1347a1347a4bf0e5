//! `render FICHIER -o SORTIE.pdf [--copies N] [--final | --draft | --blank]
//! [--per-copy]`: the printed package, through the core's print job.

use std::ffi::OsString;
use std::path::PathBuf;

use super::args::{Arg, Args, positional};
use super::{EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, open_or_report, usage_error, write_report};
use crate::print::{PrintMode, RenderOptions};
use crate::service::jobs::{self, JobError, PrintJob};

struct Request {
    input: PathBuf,
    output: PathBuf,
    options: RenderOptions,
    profile: Option<PathBuf>,
}

fn parse(args: &[OsString]) -> Result<Request, String> {
    let mut args = Args::new(args);
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut options = RenderOptions::default();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Option("-o" | "--output") => {
                output = Some(args.path("-o attend le fichier PDF à écrire")?);
            }
            Arg::Option("--copies") => {
                options.copies = Some(args.number("--copies attend un nombre")?);
            }
            Arg::Option(flag @ ("--final" | "--draft" | "--blank")) => {
                let mode = match flag {
                    "--final" => PrintMode::Final,
                    "--draft" => PrintMode::Draft,
                    _ => PrintMode::Blank,
                };
                if options.mode != PrintMode::Automatic && options.mode != mode {
                    return Err("--final, --draft et --blank s'excluent".into());
                }
                options.mode = mode;
            }
            Arg::Option("--per-copy") => options.per_copy = true,
            Arg::Option(o) => return Err(format!("option inconnue « {o} »")),
            Arg::Positional(a) => positional(&mut input, a, "un seul dossier attendu")?,
        }
    }
    let (Some(input), Some(output)) = (input, output) else {
        return Err("« render » attend un dossier et -o SORTIE.pdf".into());
    };
    Ok(Request {
        input,
        output,
        options,
        profile: args.profile,
    })
}

pub fn run(args: &[OsString]) -> u8 {
    let request = match parse(args) {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    let Some((dossier, profile)) = open_or_report(&request.input, request.profile.as_deref())
    else {
        return EXIT_UNREADABLE;
    };
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
            eprintln!(
                "Impression finale refusée : le dossier a {} point(s) bloquant(s).",
                blocking.len()
            );
            let _ = write_report(&mut std::io::stderr().lock(), &request.input, &blocking);
            return EXIT_BLOCKING;
        }
        Err(e) => {
            eprintln!("Erreur : {}", crate::service::describe_error(&e));
            return EXIT_UNREADABLE;
        }
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
        if printed.draft {
            ", BROUILLON (points bloquants restants)"
        } else {
            ""
        }
    );
    if std::env::var_os("CLUSTER_DOSSIER_STATS").is_some() {
        print_stats(printed.copies as usize * printed.pages_per_copy);
    }
    EXIT_OK
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
