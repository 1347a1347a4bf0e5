//! Paths as Windows sees them, on every OS.
//!
//! - [`canonicalize`]: `std::fs::canonicalize` without the verbatim prefix
//!   (`\\?\C:\…`, `\\?\UNC\serveur\partage\…`) that Windows' version adds:
//!   those paths end up in the recent files, in messages and in a dossier's
//!   remembered profile, where a secretary must recognise them.
//! - [`check_file_name`]: a file name Windows cannot hold (`a:b.ron`,
//!   `CON.pdf`, `notes.`) is refused where files are created, on Linux and
//!   macOS too, so a dossier made anywhere can be copied to a Windows laptop.

use std::path::{Path, PathBuf};

/// `std::fs::canonicalize`, with the verbatim prefix removed where the
/// plain path means the same file.
pub fn canonicalize(path: impl AsRef<Path>) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(path).map(simplified)
}

/// The same path without the verbatim prefix, where that is safe (see
/// [`strip_verbatim`]); unchanged on other systems, where no canonical path
/// starts with one.
pub fn simplified(path: PathBuf) -> PathBuf {
    if cfg!(windows)
        && let Some(plain) = path.to_str().and_then(strip_verbatim)
    {
        return PathBuf::from(plain);
    }
    path
}

/// Windows' MAX_PATH: a plain path at least this long only works with the
/// verbatim prefix in many programs.
const MAX_PATH: usize = 260;

/// `\\?\C:\a\b` → `C:\a\b`, `\\?\UNC\srv\share\a` → `\\srv\share\a`, when
/// the plain path designates the same file: short enough, and no component
/// that the plain syntax would read differently (a reserved device name, a
/// trailing dot or space, a character only verbatim paths allow, `.` or
/// `..`). `None`: not a verbatim path, or not safe to simplify.
pub fn strip_verbatim(path: &str) -> Option<String> {
    let rest = path.strip_prefix(r"\\?\")?;
    let (plain, components) = if let Some(unc) = rest.strip_prefix(r"UNC\") {
        (format!(r"\\{unc}"), unc)
    } else {
        let mut chars = rest.chars();
        let (drive, colon, slash) = (chars.next()?, chars.next()?, chars.next());
        if !drive.is_ascii_alphabetic() || colon != ':' || !matches!(slash, Some('\\') | None) {
            return None;
        }
        (rest.to_string(), rest.get(3..).unwrap_or(""))
    };
    if plain.encode_utf16().count() >= MAX_PATH {
        return None;
    }
    let mut parts = components.split('\\').peekable();
    while let Some(part) = parts.next() {
        // A trailing separator leaves one empty component: fine.
        if part.is_empty() && parts.peek().is_none() {
            continue;
        }
        if part.is_empty() || part == "." || part == ".." || problem(part).is_some() {
            return None;
        }
    }
    Some(plain)
}

/// Characters no Windows file name may hold (besides control characters).
/// The backslash is Windows' separator: a Linux file name holding one
/// cannot be copied there either.
pub const FORBIDDEN_CHARS: [char; 9] = [':', '?', '*', '<', '>', '|', '"', '\\', '/'];

/// Device names Windows reserves, whatever the case and the extension
/// (`con.ron`, `Lpt1.pdf`); the superscript digits count as digits there.
fn is_reserved(stem: &str) -> bool {
    let upper = stem.to_uppercase();
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL") {
        return true;
    }
    let mut chars = upper.chars();
    let head: String = chars.by_ref().take(3).collect();
    let digit: Vec<char> = chars.collect();
    (head == "COM" || head == "LPT")
        && matches!(digit.as_slice(), [d] if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
}

/// What makes a file name impossible on Windows, in French, or `None`.
pub fn problem(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| FORBIDDEN_CHARS.contains(c)) {
        return Some(format!("le caractère « {c} » y est interdit"));
    }
    if let Some(c) = name.chars().find(|c| (*c as u32) < 0x20) {
        return Some(format!(
            "il contient un caractère de contrôle (U+{:04X})",
            c as u32
        ));
    }
    if name.ends_with('.') {
        return Some("il se termine par un point".to_string());
    }
    if name.ends_with(' ') {
        return Some("il se termine par un espace".to_string());
    }
    // The device name is what comes before the first dot, blanks trimmed:
    // `CON.ron` and `nul .txt` are devices too.
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    if is_reserved(stem) {
        return Some(format!(
            "« {stem} » est un nom réservé par Windows, même suivi d'une extension"
        ));
    }
    None
}

/// A file name Windows cannot hold; nothing was written.
#[derive(Debug, thiserror::Error)]
#[error(
    "« {path} » : Windows n'accepte pas ce nom de fichier ({reason}). Choisissez un autre nom, pour que le fichier puisse être copié sur un ordinateur Windows ; rien n'a été écrit."
)]
pub struct NameError {
    pub path: PathBuf,
    pub reason: String,
}

/// Refuses a file to be created whose name Windows cannot hold, on every
/// OS. Only the last component is checked: the folders already exist.
pub fn check_file_name(path: &Path) -> Result<(), NameError> {
    let Some(name) = path.file_name() else {
        return Ok(());
    };
    match problem(&name.to_string_lossy()) {
        Some(reason) => Err(NameError {
            path: path.to_path_buf(),
            reason,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
