//! `export-tables FICHIER -o TABLEAUX.xlsx`: the budget and indicators as a
//! workbook for the treasurer.

use std::ffi::OsString;
use std::path::PathBuf;

use super::args::{Arg, Args, positional};
use super::{EXIT_OK, EXIT_UNREADABLE, open_or_report, usage_error};
use crate::service::jobs;

pub fn run(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    loop {
        let step = match args.next() {
            Ok(None) => break,
            Ok(Some(Arg::Option("-o" | "--output"))) => args
                .path("-o attend le fichier XLSX à écrire")
                .map(|p| output = Some(p)),
            Ok(Some(Arg::Option(o))) => Err(format!("option inconnue « {o} »")),
            Ok(Some(Arg::Positional(a))) => positional(&mut input, a, "un seul dossier attendu"),
            Err(e) => Err(e),
        };
        if let Err(e) = step {
            return usage_error(&e);
        }
    }
    let (Some(input), Some(output)) = (input, output) else {
        return usage_error("« export-tables » attend un dossier et -o TABLEAUX.xlsx");
    };
    let Some((dossier, profile)) = open_or_report(&input, args.profile.as_deref()) else {
        return EXIT_UNREADABLE;
    };
    let explicit = args.profile.as_deref();
    match jobs::export_tables(&dossier, &profile, Some(&input), explicit, &output) {
        Ok(()) => {
            println!("Tableaux exportés : {}", output.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {}", crate::service::describe_error(&e));
            EXIT_UNREADABLE
        }
    }
}
