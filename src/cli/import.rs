//! `import-members TABLEUR --into FICHIER [--merge] [--map …]
//! [--activite-par-defaut …] [--categorie-par-defaut …]`: the member
//! register from a spreadsheet. The plan is made and applied under the
//! dossier's lock, on the file as it is then, so two imports at once both
//! keep their members.

use std::ffi::OsString;

use super::import_console::{self as console, Failure};
use super::{EXIT_OK, EXIT_UNREADABLE, usage_error};
use crate::store;

pub fn run(args: &[OsString]) -> u8 {
    // `--appel` is accepted by every command; the import needs no profile.
    let (args, _profile) = super::args::without_profile(args);
    let req = match console::Request::parse(&args) {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    // Fail early, before reading the sheet, on a dossier that cannot be read.
    if let Err(e) = store::load(&req.into) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    let outcome = store::update(&req.into, |dossier| {
        let plan = console::plan(&req, dossier)?;
        if plan.is_empty() {
            println!(
                "Rien à importer : {}. Le dossier n'a pas été modifié.",
                plan.summary()
            );
            return Ok(None);
        }
        plan.apply(dossier);
        Ok(Some(plan.summary()))
    });
    match outcome {
        Ok(Ok(Some(summary))) => {
            println!("{summary} — dossier enregistré : {}", req.into.display());
            EXIT_OK
        }
        Ok(Ok(None)) => EXIT_OK,
        Ok(Err(Failure::Usage(e))) => usage_error(&e),
        Ok(Err(Failure::Unreadable(e))) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}
