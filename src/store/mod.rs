//! Dossier files: RON text with a `format_version`, written atomically with
//! a backup of the previous version, read without ever touching the disk.
//! Also the user's settings and recent files, and the autosave recovery file.

mod error;
pub mod lock;
pub mod paths;
mod read;
pub mod recovery;
pub mod settings;

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use error::{StoreError, explain as explain_ron};
pub use lock::DossierLock;
pub use read::{french_io, kind_of, read_bytes, read_head, read_text};

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
}

/// Where to point the user for a RON error, 1-based line and column.
///
/// RON's span starts where its cursor stood before the failing token, which
/// is often on the blanks before the culprit: the column then names the
/// space before it, and the line is the previous one when the culprit starts
/// a line. Step over those blanks, never past the span's end.
pub fn error_position(text: &str, span: &ron::error::Span) -> (usize, usize) {
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
            reason: error::explain_in_dossier(&e.code, text, &e.span),
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
    let mut dossier: Dossier = ron_options().from_str(text).map_err(syntax)?;
    // Older files are upgraded in memory; the file itself changes only
    // when the user saves.
    dossier.format_version = FORMAT_VERSION;
    crate::model::limits::set_aside_out_of_bounds(&mut dossier);
    Ok(dossier)
}

/// Reads and parses a dossier file. Never writes anything.
pub fn load(path: &Path) -> Result<Dossier, StoreError> {
    let text = read_text(path, MAX_FILE_BYTES)?;
    parse(text.strip_prefix('\u{feff}').unwrap_or(&text), path)
}

/// The known name closest to a misspelt one, if it is close enough to be a
/// typo (at most a third of its letters differ).
pub fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    // Edit distance where swapping two neighbours is one typo (« nmae »).
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    };
    known
        .iter()
        .map(|k| (distance(found, k), *k))
        .filter(|(d, _)| *d <= found.chars().count().max(3) / 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
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

/// Saves a dossier under its lock (waiting briefly for another writer):
/// atomic, with the previous version kept as `.bak`, through symlinks, with
/// the file's permissions kept (see [`write_atomic`]).
pub fn save(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    let _lock = DossierLock::acquire(path, lock::DEFAULT_WAIT)?;
    save_locked(path, dossier)
}

/// Saves while the caller holds the dossier's lock.
pub fn save_locked(path: &Path, dossier: &Dossier) -> Result<(), StoreError> {
    let text = to_ron(dossier, path)?;
    let real = lock::real_path(path);
    remove_stale_temps(&real);
    write_atomic(path, text.as_bytes(), true)
}

/// Read, change and save a dossier under its lock, so the change is made
/// to the file as it is now, never to a stale copy (two imports at once
/// both keep their members). `change` returns `Ok(None)` to leave the file
/// as it is.
pub fn update<R, E>(
    path: &Path,
    change: impl FnOnce(&mut Dossier) -> Result<Option<R>, E>,
) -> Result<Result<Option<R>, E>, StoreError> {
    let _lock = DossierLock::acquire(path, lock::DEFAULT_WAIT)?;
    let mut dossier = load(path)?;
    match change(&mut dossier) {
        Ok(Some(r)) => {
            save_locked(path, &dossier)?;
            Ok(Ok(Some(r)))
        }
        other => Ok(other),
    }
}

/// Removes temporary files a killed save left beside `real` (`.NAME.PID.tmp`
/// and their backup copies), except this process's own. Called under the
/// dossier's lock, so no other save of it is running.
fn remove_stale_temps(real: &Path) {
    let (Some(dir), Some(name)) = (real.parent(), real.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = format!("{prefix}{}.tmp", std::process::id());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let Some(rest) = n.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest
            .strip_suffix(".tmp")
            .or_else(|| rest.strip_suffix(".tmp.bak"));
        if pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && !n.starts_with(&own)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically, optionally keeping a backup of the
/// previous version.
///
/// The text goes to a temporary file in the same folder and is synced; the
/// previous version is copied to the backup and synced; the temporary file
/// is renamed over the target and the folder synced. At every instant the
/// target holds the old or the new complete version. A symlink is followed
/// (its target is written, the link stays); the target's permissions are
/// kept; a read-only target or one that is not a regular file (device,
/// FIFO, folder) is refused untouched.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let target = lock::real_path(path);
    let write_err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                kind: read::kind_of(&meta),
            });
        }
        Ok(meta) if meta.permissions().readonly() => {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_err(e)),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .ok_or_else(|| write_err(std::io::Error::other("nom de fichier manquant")))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(file_name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut file = File::create(&tmp).map_err(write_err)?;
        file.write_all(bytes).map_err(write_err)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())
                .map_err(write_err)?;
        }
        file.sync_all().map_err(write_err)?;
        drop(file);
        if keep_backup && existing.is_some() {
            make_backup(&target, &tmp).map_err(|source| StoreError::Backup {
                path: path.to_path_buf(),
                source,
            })?;
        }
        fs::rename(&tmp, &target).map_err(write_err)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Copies the current version to `.bak` durably: through a temporary name
/// (a crash never leaves half a backup), synced, renamed, folder synced.
fn make_backup(target: &Path, tmp: &Path) -> std::io::Result<()> {
    let bak = backup_path(target);
    let mut bak_tmp = tmp.as_os_str().to_os_string();
    bak_tmp.push(".bak");
    let bak_tmp = PathBuf::from(bak_tmp);
    let result = (|| {
        fs::copy(target, &bak_tmp)?;
        File::options().write(true).open(&bak_tmp)?.sync_all()?;
        fs::rename(&bak_tmp, &bak)?;
        if let Some(dir) = bak.parent() {
            sync_dir(dir);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&bak_tmp);
    }
    result
}

/// Makes a rename durable; best effort, as some systems cannot sync a folder.
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
    /// The file's identity (inode on Unix): every save makes a new one.
    pub id: u64,
}

pub fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let id = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let id = 0;
    Some(Fingerprint {
        len: meta.len(),
        modified: meta.modified().ok(),
        id,
    })
}
