//! The core both front ends drive: the command line ([`crate::cli`]) and the
//! wizard ([`crate::ui`]) never import each other, they call this.
//!
//! - [`profiles`]: the call profiles, bundled or from files, parsed once;
//! - [`check`]: the check pipeline, quick for every edit, full before printing;
//! - [`session`]: opening and saving dossier files;
//! - [`jobs`]: print and export jobs, whose outputs never hit a dossier;
//! - [`stored_path`]: the paths a dossier remembers, on Unix and Windows.
//! - [`proofcopy`]: the proofreading copy job, which never replaces a copy
//!   the board corrected.

pub mod check;
pub mod edition;
pub mod import;
pub mod jobs;
pub mod pages;
pub mod profiles;
pub mod proofcopy;
pub mod recovery;
pub mod session;
pub mod stored_path;

use std::path::{Path, PathBuf};

pub use crate::store::settings::{AppDirs, Settings};
pub use crate::store::{StoreError, french_io};
pub use profiles::ProfileError;

/// The folder attachment and profile paths are relative to: the dossier
/// file's folder, or the working folder for a dossier never saved.
pub fn base_dir(dossier_path: Option<&Path>) -> PathBuf {
    match dossier_path.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ if dossier_path.is_some() => PathBuf::from("."),
        _ => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }
}

/// An error and its causes as one French sentence for the user: the
/// message, then each system error below it in French after « : ».
///
/// Only our own messages and the system's errors, translated, are shown:
/// our error types already say their causes in French (a cause from a
/// library, an `XlsxError` or a `lopdf::Error`, speaks English and stays
/// the error's source for maintainers, never shown); a system error's own
/// text (« No space left on device (os error 28) ») is never shown either.
pub fn describe_error(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            let more = crate::store::french_io(io);
            if !text.contains(&more) {
                text.push_str(" : ");
                text.push_str(&more);
            }
        }
        source = cause.source();
    }
    text
}
