//! `check FICHIER [--appel PROFIL]`: the full check, as a report; exit 0
//! without blocking finding, 1 with, 2 when the file cannot be read.

use std::ffi::OsString;
use std::path::Path;

use super::args::Args;
use super::{EXIT_BLOCKING, EXIT_OK, EXIT_UNREADABLE, open_or_report, usage_error, write_report};
use crate::service::{self, check};

pub fn run(args: &[OsString]) -> u8 {
    let mut args = Args::new(args);
    let path = match args.files_only(1, "un seul fichier attendu") {
        Ok(files) => match files.into_iter().next() {
            Some(p) => p,
            None => return usage_error("« check » attend un fichier"),
        },
        Err(e) => return usage_error(&e),
    };
    let Some((dossier, profile)) = open_or_report(&path, args.profile.as_deref()) else {
        return EXIT_UNREADABLE;
    };
    let (_, findings) = check::full(&dossier, &profile, &service::base_dir(Some(&path)));
    let mut out = std::io::stdout().lock();
    let _ = write_report(&mut out, Path::new(&path), &findings);
    if findings.iter().any(crate::model::Finding::is_blocking) {
        EXIT_BLOCKING
    } else {
        EXIT_OK
    }
}
