//! The call profiles: the bundled editions, parsed once per process, and
//! profile files a user points to (a new edition without a new binary),
//! parsed once per file version and validated on load.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use super::stored_path::{self, Style};
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

/// The problems to fix, each once and at most [`LISTED`] of them: a
/// damaged file can repeat one mistake thousands of times.
fn list(issues: &[LocatedIssue]) -> String {
    let mut seen = std::collections::HashSet::new();
    let lines: Vec<String> = issues
        .iter()
        .map(|i| {
            // A name quoted from the file is shown by its start only.
            let line = format!("  - {i}");
            match line.char_indices().nth(300) {
                Some((cut, _)) => format!("{}…", &line[..cut]),
                None => line,
            }
        })
        .filter(|line| seen.insert(line.clone()))
        .collect();
    let mut shown = lines[..lines.len().min(LISTED)].join("\n");
    if lines.len() > LISTED {
        shown.push_str(&format!(
            "\n  … et {} autre(s) problème(s)",
            lines.len() - LISTED
        ));
    }
    shown
}

const LISTED: usize = 20;

thread_local! {
    /// Profile texts parsed by this thread. Per thread, so that a test
    /// counting its own parses is not disturbed by tests running beside it
    /// (the test harness runs each test on its own thread).
    static PARSES: Cell<usize> = const { Cell::new(0) };
}

/// How many bundled editions were parsed in this process: at most once
/// each, whichever thread asked first.
static BUNDLED_PARSES: AtomicUsize = AtomicUsize::new(0);

/// How many profile texts (files) the calling thread parsed: the registry's
/// promise is once per file version.
pub fn parse_count() -> usize {
    PARSES.with(Cell::get)
}

/// How many times the bundled editions were parsed in this process.
pub fn bundled_parse_count() -> usize {
    BUNDLED_PARSES.load(Ordering::Relaxed)
}

/// Parses and validates profile text; `path` names the file in errors.
pub fn parse(text: &str, path: &Path) -> Result<CallProfile, ProfileError> {
    PARSES.with(|n| n.set(n.get() + 1));
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
    BUNDLED_PARSES.fetch_add(1, Ordering::Relaxed);
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
/// dossier's folder, like attachments, or absolute; see [`super::stored_path`]).
pub fn remembered_file(dossier: &Dossier, base_dir: &Path) -> Option<PathBuf> {
    let stored = dossier
        .call_profile
        .as_deref()
        .filter(|s| !s.trim().is_empty())?;
    Some(match base_dir.to_str() {
        Some(base) => PathBuf::from(stored_path::resolve(base, stored, Style::NATIVE)),
        None => crate::attach::resolve(base_dir, stored),
    })
}

/// The profile a dossier is checked and printed against: the file given
/// explicitly, else the file the dossier remembers, else the bundled
/// edition the dossier names.
///
/// When the remembered file cannot be used (missing, unreadable, invalid),
/// the bundled profile of the same edition stands in so the dossier can be
/// shown and corrected, and the check pipeline adds a blocking finding
/// ([`remembered_problem`]) that refuses the final print; without a bundled
/// edition of that year the dossier cannot be checked at all: an error.
pub fn for_dossier(
    dossier: &Dossier,
    base_dir: &Path,
    explicit: Option<&Path>,
) -> Result<Arc<CallProfile>, ProfileError> {
    if let Some(path) = explicit {
        return from_file(path);
    }
    let remembered = remembered_file(dossier, base_dir);
    let failure = match &remembered {
        Some(path) => match from_file(path) {
            Ok(profile) => return Ok(profile),
            Err(e) => Some(e),
        },
        None => None,
    };
    if let Some(stand_in) = bundled(&dossier.edition) {
        return Ok(stand_in);
    }
    Err(match (failure, &remembered) {
        // The file is there but cannot be used: say why.
        (Some(e), Some(path)) if std::fs::symlink_metadata(path).is_ok() => e,
        _ => ProfileError::UnknownEdition {
            edition: dossier.edition.clone(),
            hint: remembered,
        },
    })
}

/// Why the profile file a dossier remembers cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RememberedProblem {
    /// The path as the dossier stores it.
    pub stored: String,
    /// Where that is for this dossier.
    pub path: PathBuf,
    /// What is wrong, in French, after the file's name: « est introuvable ».
    pub why: String,
}

type Failures = HashMap<PathBuf, (Fingerprint, String)>;
/// Failures of existing files, per file version: the check runs after
/// every edit, and a broken profile need not be parsed again each time.
static FAILURES: LazyLock<Mutex<Failures>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The problem with the profile file the dossier remembers, if it has one
/// and it cannot be used; `None` when it has none or it reads well.
pub fn remembered_problem(dossier: &Dossier, base_dir: &Path) -> Option<RememberedProblem> {
    let path = remembered_file(dossier, base_dir)?;
    let stored = dossier.call_profile.clone().unwrap_or_default();
    let problem = |why: String| RememberedProblem {
        stored: stored.trim().to_string(),
        path: path.clone(),
        why,
    };
    let Some(stamp) = store::fingerprint(&path) else {
        return Some(problem("est introuvable".to_string()));
    };
    if let Ok(failures) = FAILURES.lock()
        && let Some((s, why)) = failures.get(&path)
        && *s == stamp
    {
        return Some(problem(why.clone()));
    }
    let why = match from_file(&path) {
        Ok(_) => return None,
        Err(e) => why_unusable(&e),
    };
    if let Ok(mut failures) = FAILURES.lock() {
        failures.insert(path.clone(), (stamp, why.clone()));
    }
    Some(problem(why))
}

/// A profile error as what is wrong with the file, to follow its name.
fn why_unusable(e: &ProfileError) -> String {
    match e {
        ProfileError::Read { reason, .. } => format!("ne peut pas être lu ({reason})"),
        ProfileError::Store(e) => format!("ne peut pas être lu ({e})"),
        ProfileError::Syntax {
            line,
            column,
            reason,
            ..
        } => format!("est illisible (ligne {line}, colonne {column} : {reason})"),
        ProfileError::Invalid { issues, .. } => format!(
            "est invalide ({})",
            issues
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ; ")
        ),
        ProfileError::UnknownEdition { .. } => "ne peut pas être utilisé".to_string(),
    }
}

/// How a dossier remembers its profile file: relative to the dossier's
/// folder when the profile lies below it (the pair can be moved together),
/// absolute otherwise (another drive or share); see [`super::stored_path`].
pub fn remembered_path(dossier_path: &Path, profile_path: &Path) -> String {
    let base = super::base_dir(Some(dossier_path));
    let profile = canonical(profile_path);
    let base = canonical(&base);
    match (base.to_str(), profile.to_str()) {
        (Some(b), Some(p)) => stored_path::remember(b, p, Style::NATIVE),
        _ => match profile.strip_prefix(&base) {
            Ok(rel) => rel.display().to_string(),
            Err(_) => profile.display().to_string(),
        },
    }
}

/// The file's real, absolute path, or the path made absolute if it cannot
/// be resolved (a share that is not reachable now).
fn canonical(path: &Path) -> PathBuf {
    store::paths::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// How a dossier at `dossier_path` remembers `profile_path`; a dossier
/// never saved has no folder yet, so the path is absolute.
pub fn remembered_path_for(dossier_path: Option<&Path>, profile_path: &Path) -> String {
    match dossier_path {
        Some(d) => remembered_path(d, profile_path),
        None => canonical(profile_path).display().to_string(),
    }
}

/// Why `export` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cette version ne fournit pas l'édition « {0} ».")]
    NoEdition(String),
    #[error(transparent)]
    Output(#[from] super::jobs::OutputError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// « export-profile »: writes the bundled profile of `edition` (the latest
/// without one) to the new file `file`, as a starting point for the next
/// edition; returns the edition written.
pub fn export(file: &Path, edition: Option<String>) -> Result<String, ExportError> {
    let edition = edition.unwrap_or_else(|| latest_bundled().edition.clone());
    let Some(text) = bundled_text(&edition) else {
        return Err(ExportError::NoEdition(edition));
    };
    // Only a new file: the refusal says what the existing one is.
    super::jobs::check_new_file(file, &super::jobs::Protected::none())?;
    store::write_atomic(file, text.as_bytes(), false)?;
    Ok(edition)
}

/// The profile path a dossier never saved (absolute, see
/// [`remembered_path_for`]) keeps once saved at `to`: relative to its
/// folder when the profile lies below it. `None`: nothing to change.
pub fn rebased_profile(dossier: &Dossier, to: &Path) -> Option<String> {
    let stored = dossier
        .call_profile
        .as_deref()
        .filter(|s| !s.trim().is_empty())?;
    let file = Path::new(stored);
    let rebased = remembered_path(to, file);
    (file.is_absolute() && rebased != stored).then_some(rebased)
}
