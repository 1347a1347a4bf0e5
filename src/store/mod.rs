//! Dossier files: RON text with a `format_version`, written atomically with
//! a backup of the previous version, read without ever touching the disk.
//! Also the user's settings and recent files, and the autosave recovery files.

mod error;
pub mod lock;
pub mod paths;
mod read;
pub mod recovery;
pub mod settings;
pub mod write;

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use error::{StoreError, explain as explain_ron};
pub use lock::DossierLock;
pub use read::{french_io, kind_of, read_bytes, read_head, read_text};
pub use write::{Keep, session_copy_path, write_atomic};

use crate::model::dossier::{Dossier, FORMAT_VERSION};

/// The largest dossier file, read or written: one size rule. A dossier is
/// a few hundred kilobytes; the synthetic 10 000 members (8 000 with names
/// of about 190 characters) take 7.9 MB, and the import's row limit
/// (20 000, [`crate::import::Limits`]) with every name that long takes
/// 16 MB: half the limit (`tests/store_size.rs` keeps them agreeing).
/// Past this, reading refuses early (memory stays bounded on a wrong file)
/// and saving refuses before anything is written, so what the app saves it
/// can always open again.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

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

/// Records (parentheses) a dossier may hold: a 10 000-member dossier has
/// about 40 000, the largest import (20 000 members) about 80 000. A file
/// of 32 MB could otherwise claim ten million empty members, several
/// gigabytes once read.
pub const MAX_RECORDS: usize = 150_000;
/// Values in lists and records (commas): 10 000 members write about
/// 200 000.
pub const MAX_ITEMS: usize = 1_500_000;

/// Parentheses and commas outside strings: what the reader would turn into
/// records and values, counted before anything is allocated for them.
pub fn structure_counts(text: &str) -> (usize, usize) {
    let (mut records, mut items) = (0usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'(' => records = records.saturating_add(1),
            b',' => items = items.saturating_add(1),
            _ => {}
        }
    }
    (records, items)
}

/// Parses dossier text; `path` only names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    let (records, items) = structure_counts(text);
    if records > MAX_RECORDS || items > MAX_ITEMS {
        return Err(StoreError::TooManyItems {
            path: path.to_path_buf(),
        });
    }
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

/// Reads a dossier with what identifies the version read: its content and
/// the file's fingerprint, taken around one read so they describe the same
/// bytes (a read that overlapped another program's write is done again).
pub fn load_versioned(
    path: &Path,
) -> Result<(Dossier, ContentId, Option<Fingerprint>), StoreError> {
    let mut attempts = 0;
    loop {
        let before = fingerprint(path);
        let text = read_text(path, MAX_FILE_BYTES)?;
        attempts += 1;
        if fingerprint(path) == before || attempts == 3 {
            let dossier = parse(text.strip_prefix('\u{feff}').unwrap_or(&text), path)?;
            return Ok((dossier, ContentId::of(text.as_bytes()), before));
        }
    }
}

/// What a file holds, in a few bytes: its length and a 64-bit FNV-1a hash
/// of its bytes. The base of an autosave: « Restaurer » compares it with
/// the file on disk to know whether someone else saved it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentId {
    pub len: u64,
    pub hash: u64,
}

impl ContentId {
    pub fn of(bytes: &[u8]) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        ContentId {
            len: bytes.len() as u64,
            hash,
        }
    }

    /// The content of the file at `path` now; `None` when there is none
    /// or it cannot be read.
    pub fn of_file(path: &Path) -> Option<Self> {
        read_bytes(path, MAX_FILE_BYTES).ok().map(|b| Self::of(&b))
    }
}

/// The known name closest to a misspelt one, if it is close enough to be a
/// typo (at most a third of its letters differ).
pub fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    // No field or variant name is this long: a huge bare word (a damaged
    // file) would otherwise cost its length times each name's in time and
    // memory.
    if found.len() > 64 {
        return None;
    }
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

/// The one RON layout of every file the app writes (dossier, recovery,
/// settings): two-space indent, accents as typed, and `\n` line ends on
/// every system (ron's default is `\r\n` on Windows, while our header and
/// texts use `\n`): the same content gives the same bytes everywhere.
pub fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("  ")
        .struct_names(false)
        .escape_strings(false)
}

/// `value` as RON text in [`pretty`] layout. A text holding a carriage
/// return (pasted from another program) would put a lone `\r` in the file,
/// mixing line ends: then every string is written escaped instead (`\r`,
/// `\n`), which reads back to the same value.
pub fn ron_text<T: Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    let serialize = |config: ron::ser::PrettyConfig| {
        ron::Options::default()
            .to_string_pretty(value, config)
            .map_err(|e| StoreError::Serialize {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
    };
    let text = serialize(pretty())?;
    if text.contains('\r') {
        return serialize(pretty().escape_strings(true));
    }
    Ok(text)
}

/// The RON text of a dossier, readable by people (accents kept as typed).
pub fn to_ron(dossier: &Dossier, path: &Path) -> Result<String, StoreError> {
    let body = ron_text(dossier, path)?;
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
    save_locked_with(path, dossier, Keep::BACKUP).map(|_| ())
}

/// Saves while the caller holds the dossier's lock, keeping the copies
/// `keep` asks for; returns what was written. The one place every save of
/// a dossier goes through (wizard, imports, commands): a dossier too large
/// to be opened again is refused here, before anything is written.
pub fn save_locked_with(
    path: &Path,
    dossier: &Dossier,
    keep: Keep,
) -> Result<ContentId, StoreError> {
    let text = to_ron(dossier, path)?;
    let size = text.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(StoreError::TooLargeToSave {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
            members: dossier.members.len(),
        });
    }
    let (records, items) = structure_counts(&text);
    if records > MAX_RECORDS || items > MAX_ITEMS {
        return Err(StoreError::TooManyToSave {
            path: path.to_path_buf(),
            members: dossier.members.len(),
        });
    }
    let real = lock::real_path(path);
    write::remove_stale_temps(&real);
    write::write_atomic_with(path, text.as_bytes(), keep, &|a, b| fs::rename(a, b))?;
    Ok(ContentId::of(text.as_bytes()))
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
