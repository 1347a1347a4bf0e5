//! Dossier files: RON text with a `format_version`, written atomically with
//! a backup of the previous version, read without ever touching the disk.
//! Also the user's settings and recent files, and the autosave recovery file.

mod error;
pub mod recovery;
pub mod settings;

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use error::StoreError;

use crate::model::dossier::{Dossier, FORMAT_VERSION};

/// A dossier is a few hundred kilobytes; anything past this is not one,
/// and refusing early keeps memory bounded on a wrong file.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest nesting accepted while parsing, far above what a dossier uses.
const RECURSION_LIMIT: usize = 64;

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// The version field alone, read before the whole file so a newer format is
/// refused with a clear message instead of a confusing parse error.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
    #[serde(default, deserialize_with = "plain_string")]
    edition: Option<String>,
}

fn plain_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

/// Where to point the user for a RON error, 1-based line and column.
///
/// RON's span starts where its cursor stood before the failing token, which
/// is often on the blanks before the culprit: the column then names the
/// space before it, and the line is the previous one when the culprit starts
/// a line. Step over those blanks, never past the span's end.
fn error_position(text: &str, span: &ron::error::Span) -> (usize, usize) {
    let (mut line, mut col) = (span.start.line, span.start.col);
    let end = (span.end.line, span.end.col);
    let line_start: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let Some(rest) = text.get(line_start..) else {
        return (line, col);
    };
    let Some((offset, _)) = rest.char_indices().nth(col.saturating_sub(1)) else {
        return (line, col);
    };
    for c in rest[offset..].chars() {
        if (line, col) >= end || !c.is_whitespace() {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Parses dossier text; `path` only names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    let syntax = |e: ron::error::SpannedError| {
        let (line, column) = error_position(text, &e.span);
        StoreError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            reason: error::explain(&e.code),
        }
    };
    let probe: VersionProbe = ron_options().from_str(text).map_err(syntax)?;
    let found = probe.format_version;
    if found > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    if let Some(edition) = probe.edition.filter(|e| !e.is_empty())
        && crate::model::CallProfile::bundled(&edition).is_none()
    {
        return Err(StoreError::UnknownEdition {
            path: path.to_path_buf(),
            edition,
        });
    }
    let mut dossier: Dossier = ron_options().from_str(text).map_err(syntax)?;
    // Older files are upgraded in memory; the file itself changes only
    // when the user saves.
    dossier.format_version = FORMAT_VERSION;
    Ok(dossier)
}

/// Reads and parses a dossier file. Never writes anything.
pub fn load(path: &Path) -> Result<Dossier, StoreError> {
    let read_err = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::other(
            "c'est un dossier, pas un fichier",
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotText {
        path: path.to_path_buf(),
    })?;
    parse(text.strip_prefix('\u{feff}').unwrap_or(&text), path)
}

/// The RON text of a dossier, readable by people (accents kept as typed).
pub fn to_ron(dossier: &Dossier, path: &Path) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .escape_strings(false);
    let body = ron::Options::default()
        .to_string_pretty(dossier, config)
        .map_err(|e| StoreError::Serialize {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    Ok(format!(
        "// Dossier de candidature « Soutien à la dynamique des clusters marocains » (cluster-dossier)\n{body}\n"
    ))
}

/// The backup kept beside a saved file: `dossier.ron` → `dossier.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves atomically: the text goes to a temporary file in the same folder,
/// is synced, the previous version is copied to the backup, then the
/// temporary file is renamed over the target. At every instant the target
/// holds either the old or the new complete version.
pub fn save(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    let text = to_ron(dossier, path)?;
    write_atomic(path, text.as_bytes(), true)
}

/// Writes `bytes` to `path` atomically, optionally keeping a backup.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let write_err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| write_err(std::io::Error::other("nom de fichier manquant")))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if keep_backup && path.is_file() {
            // A failed backup must not prevent saving the user's work, but
            // the copy goes through a temporary name so a crash never leaves
            // a half-written backup either.
            let bak = backup_path(path);
            let mut bak_tmp = tmp.clone().into_os_string();
            bak_tmp.push(".bak");
            let bak_tmp = PathBuf::from(bak_tmp);
            if fs::copy(path, &bak_tmp).is_ok() {
                let _ = fs::rename(&bak_tmp, &bak);
            }
            let _ = fs::remove_file(&bak_tmp);
        }
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(write_err)
}

/// Makes the rename durable; best effort, as some systems cannot sync a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Size and modification time, to notice that someone else changed the
/// file since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

pub fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = fs::metadata(path).ok()?;
    Some(Fingerprint {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}
