//! The call profiles: the bundled editions, parsed once per process, and
//! profile files a user points to (a new edition without a new binary),
//! parsed once per file version and validated on load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use crate::model::call::{PROFILE_2026_RON, ProfileIssue};
use crate::model::{CallProfile, Dossier};
use crate::store::{self, Fingerprint, StoreError};

/// Why a profile could not be used, in French, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("Impossible de lire le profil de l'appel « {path} » : {reason}")]
    Read {
        path: PathBuf,
        reason: String,
        #[source]
        source: Option<std::io::Error>,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Profil de l'appel « {path} » illisible, ligne {line}, colonne {column} : {reason}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("Profil de l'appel « {path} » invalide :\n{}", list(.issues))]
    Invalid {
        path: PathBuf,
        issues: Vec<LocatedIssue>,
    },
    #[error(
        "Le dossier répond à l'édition « {edition} » de l'appel, que cette version ne fournit pas{}. Indiquez le fichier du profil de l'appel (option --appel FICHIER.ron, ou « Profil de l'appel… » dans l'assistant).",
        hint.as_ref().map(|p| format!(" ; le profil indiqué par le dossier, « {} », est introuvable", p.display())).unwrap_or_default()
    )]
    UnknownEdition {
        edition: String,
        hint: Option<PathBuf>,
    },
}

/// A validation problem with its place in the file, when it could be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedIssue {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for LocatedIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "ligne {l}, colonne {c} : {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

fn list(issues: &[LocatedIssue]) -> String {
    issues
        .iter()
        .map(|i| format!("  - {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many profiles were parsed in this process (the registry's promise is
/// once per bundled edition and once per file version).
static PARSES: AtomicUsize = AtomicUsize::new(0);

pub fn parse_count() -> usize {
    PARSES.load(Ordering::Relaxed)
}

/// Parses and validates profile text; `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<CallProfile, ProfileError> {
    PARSES.fetch_add(1, Ordering::Relaxed);
    let profile = CallProfile::from_ron(text).map_err(|e| {
        let (line, column) = store::error_position(text, &e.span);
        ProfileError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            reason: store::explain_ron(&e.code),
        }
    })?;
    let issues = profile.validate();
    if issues.is_empty() {
        Ok(profile)
    } else {
        Err(ProfileError::Invalid {
            path: path.to_path_buf(),
            issues: issues.iter().map(|i| locate(text, i)).collect(),
        })
    }
}

/// Finds the issue's snippet in the text: 1-based line and column.
fn locate(text: &str, issue: &ProfileIssue) -> LocatedIssue {
    let position = issue.locate.as_deref().and_then(|needle| {
        let offset = text.match_indices(needle).nth(issue.occurrence)?.0;
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    });
    LocatedIssue {
        line: position.map(|p| p.0),
        column: position.map(|p| p.1),
        message: issue.message.clone(),
    }
}

/// The editions bundled in this binary, parsed once.
static BUNDLED: LazyLock<Vec<Arc<CallProfile>>> = LazyLock::new(|| {
    PARSES.fetch_add(1, Ordering::Relaxed);
    vec![Arc::new(CallProfile::bundled_2026().clone())]
});

/// The profile of a bundled edition, if this binary has it.
pub fn bundled(edition: &str) -> Option<Arc<CallProfile>> {
    BUNDLED.iter().find(|p| p.edition == edition).cloned()
}

/// The newest bundled edition, for new dossiers.
pub fn latest_bundled() -> Arc<CallProfile> {
    #[allow(clippy::expect_used)]
    BUNDLED
        .last()
        .cloned()
        .expect("at least one edition is bundled")
}

/// The bundled profile text of an edition, to save it as a starting point.
pub fn bundled_text(edition: &str) -> Option<&'static str> {
    (edition == "2026").then_some(PROFILE_2026_RON)
}

type Cache = HashMap<PathBuf, (Fingerprint, Arc<CallProfile>)>;
static FILES: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Reads a profile file, parsed once per version of the file (its size and
/// modification time), validated.
pub fn from_file(path: &Path) -> Result<Arc<CallProfile>, ProfileError> {
    let read_error = |reason: String, source| ProfileError::Read {
        path: path.to_path_buf(),
        reason,
        source,
    };
    let key =
        store::paths::canonicalize(path).map_err(|e| read_error(store::french_io(&e), Some(e)))?;
    let stamp = store::fingerprint(&key)
        .ok_or_else(|| read_error("fichier introuvable".to_string(), None))?;
    if let Ok(cache) = FILES.lock()
        && let Some((s, p)) = cache.get(&key)
        && *s == stamp
    {
        return Ok(p.clone());
    }
    let text = store::read_text(path, store::MAX_FILE_BYTES)?;
    let profile = Arc::new(parse(text.strip_prefix('\u{feff}').unwrap_or(&text), path)?);
    if let Ok(mut cache) = FILES.lock() {
        cache.insert(key, (stamp, profile.clone()));
    }
    Ok(profile)
}

/// Where the dossier says its profile file is (stored relative to the
/// dossier's folder, like attachments).
pub fn remembered_file(dossier: &Dossier, base_dir: &Path) -> Option<PathBuf> {
    dossier
        .call_profile
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| crate::attach::resolve(base_dir, s))
}

/// The profile a dossier is checked and printed against: the file given
/// explicitly, else the file the dossier remembers, else the bundled
/// edition the dossier names.
pub fn for_dossier(
    dossier: &Dossier,
    base_dir: &Path,
    explicit: Option<&Path>,
) -> Result<Arc<CallProfile>, ProfileError> {
    if let Some(path) = explicit {
        return from_file(path);
    }
    let remembered = remembered_file(dossier, base_dir);
    if let Some(path) = &remembered
        && path.exists()
    {
        return from_file(path);
    }
    bundled(&dossier.edition).ok_or_else(|| ProfileError::UnknownEdition {
        edition: dossier.edition.clone(),
        hint: remembered,
    })
}

/// How a dossier remembers its profile file: relative to the dossier's
/// folder when the profile lies below it (the pair can be moved together),
/// absolute otherwise.
pub fn remembered_path(dossier_path: &Path, profile_path: &Path) -> String {
    let profile =
        store::paths::canonicalize(profile_path).unwrap_or_else(|_| profile_path.to_path_buf());
    let base = store::paths::canonicalize(super::base_dir(Some(dossier_path)))
        .unwrap_or_else(|_| super::base_dir(Some(dossier_path)));
    match profile.strip_prefix(&base) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => profile.display().to_string(),
    }
}
