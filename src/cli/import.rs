//! `import-members TABLEUR --into FICHIER [--merge] [--map …]`: the member
//! register from a spreadsheet. The plan is made and applied under the
//! dossier's lock, on the file as it is then, so two imports at once both
//! keep their members.

use std::ffi::OsString;
use std::path::PathBuf;

use super::args::{Arg, Args, positional};
use super::{EXIT_OK, EXIT_UNREADABLE, usage_error};
use crate::import::{self, DuplicatePolicy, Field, ImportPlan, Sheet};
use crate::store;

struct Request {
    sheet: PathBuf,
    into: PathBuf,
    policy: DuplicatePolicy,
    overrides: Vec<(String, Field)>,
}

fn parse_map(spec: &str, overrides: &mut Vec<(String, Field)>) -> Result<(), String> {
    for pair in spec.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((column, field)) = pair.rsplit_once('=') else {
            return Err(format!("« {pair} » : attendu Colonne=champ"));
        };
        let Some(field) = Field::from_key(field) else {
            return Err(format!("champ « {field} » inconnu"));
        };
        overrides.push((column.trim().to_string(), field));
    }
    Ok(())
}

fn parse(args: &[OsString]) -> Result<Request, String> {
    let mut args = Args::new(args);
    let mut sheet: Option<PathBuf> = None;
    let mut into: Option<PathBuf> = None;
    let mut policy = DuplicatePolicy::Skip;
    let mut overrides = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Option("--into") => {
                into = Some(args.path("--into attend le dossier à compléter")?)
            }
            Arg::Option("--merge") => policy = DuplicatePolicy::Merge,
            Arg::Option("--map") => {
                parse_map(
                    args.text("--map attend « Colonne=champ,… »")?,
                    &mut overrides,
                )?;
            }
            Arg::Option(o) => return Err(format!("option inconnue « {o} »")),
            Arg::Positional(a) => positional(&mut sheet, a, "un seul tableur attendu")?,
        }
    }
    let (Some(sheet), Some(into)) = (sheet, into) else {
        return Err("« import-members » attend un tableur et --into DOSSIER.ron".into());
    };
    Ok(Request {
        sheet,
        into,
        policy,
        overrides,
    })
}

/// The column mapping: guessed from the headers, then the user's overrides.
fn mapping(sheet: &Sheet, overrides: &[(String, Field)]) -> Result<Vec<Field>, String> {
    let mut mapping = import::guess_mapping(&sheet.headers);
    for (column, field) in overrides {
        let index = column
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .or_else(|| {
                sheet
                    .headers
                    .iter()
                    .position(|h| h.trim() == column.as_str())
            });
        match index.filter(|i| *i < mapping.len()) {
            Some(i) => mapping[i] = *field,
            None => return Err(format!("colonne « {column} » absente du tableur")),
        }
    }
    Ok(mapping)
}

pub fn run(args: &[OsString]) -> u8 {
    let request = match parse(args) {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    // Fail early, before reading the sheet, on a dossier that cannot be read.
    if let Err(e) = store::load(&request.into) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    let sheet = match import::read_sheet(&request.sheet) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("Erreur : {e}");
            return EXIT_UNREADABLE;
        }
    };
    let mapping = match mapping(&sheet, &request.overrides) {
        Ok(m) => m,
        Err(e) => return usage_error(&e),
    };
    println!("Colonnes reconnues :");
    for (header, field) in sheet.headers.iter().zip(&mapping) {
        println!("  {header} → {}", field.label());
    }
    if !mapping.contains(&Field::Name) {
        eprintln!(
            "Erreur : aucune colonne ne donne la raison sociale ; précisez-la avec --map \"Colonne=nom\". Le dossier n'a pas été modifié."
        );
        return EXIT_UNREADABLE;
    }
    // Planned and applied on the dossier as it is under the lock.
    let outcome = store::update(&request.into, |dossier| {
        let plan: ImportPlan = import::plan_import(dossier, &sheet, &mapping, request.policy);
        for line in plan.details() {
            println!("  {line}");
        }
        if plan.new_members.is_empty() && plan.merges.is_empty() {
            return Err(plan.summary());
        }
        plan.apply(dossier);
        Ok(Some(plan.summary()))
    });
    match outcome {
        Ok(Ok(Some(summary))) => {
            println!(
                "{summary} — dossier enregistré : {}",
                request.into.display()
            );
            EXIT_OK
        }
        Ok(Ok(None)) => EXIT_OK,
        Ok(Err(summary)) => {
            println!("Rien à importer : {summary}. Le dossier n'a pas été modifié.");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}
