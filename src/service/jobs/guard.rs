//! The output rule, in one place: no command and no wizard action writes
//! over the dossier, another dossier, the call profile it is checked
//! against, one of its attachments, or anything else it reads. Every output
//! — `render` (and its per-copy files), `export-tables`, `export-profile`,
//! `new`, `new-edition`, and in the wizard the PDF, the workbook and
//! « Enregistrer sous » — is checked by [`guard_output`] before a byte is
//! written.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::dossier::PieceStatus;
use crate::model::{CallProfile, Dossier};
use crate::store;

/// What a protected file is to the dossier, as the refusal names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The dossier file itself.
    Dossier,
    /// A file named after the dossier beside it (`NAME.bak`, `.NAME.lock`,
    /// a temporary file of a save): the store's safety copies.
    Companion,
    /// A scanned piece the dossier points to, by its label.
    Attachment(String),
    /// The call profile file the dossier is checked against (remembered
    /// by the dossier or named with `--appel`).
    Profile,
    /// The profile named for a new edition.
    EditionProfile,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Dossier => f.write_str("le dossier lui-même"),
            Role::Companion => f.write_str(
                "une copie de sécurité du dossier (sauvegarde .bak, verrou ou enregistrement en cours)",
            ),
            Role::Attachment(label) => write!(f, "la pièce jointe “{label}” du dossier"),
            Role::Profile => f.write_str("le profil de l'appel utilisé par le dossier"),
            Role::EditionProfile => f.write_str("le profil de la nouvelle édition"),
        }
    }
}

/// One file a dossier reads.
#[derive(Clone, Debug)]
pub struct Input {
    /// As the dossier names it, resolved against its folder.
    pub path: PathBuf,
    pub role: Role,
}

/// Every file a dossier reads: itself, its attachments (every piece it
/// points to, whether the profile asks for it or not), its remembered
/// profile file and the one named explicitly (`profile_file`). Its
/// companions (`NAME.*` beside it) are protected by name, see
/// [`Protected::check`].
pub fn inputs(
    dossier: &Dossier,
    profile: &CallProfile,
    dossier_path: Option<&Path>,
    profile_file: Option<&Path>,
) -> Vec<Input> {
    let base = crate::service::base_dir(dossier_path);
    let mut out: Vec<Input> = dossier_path
        .map(|p| Input {
            path: p.to_path_buf(),
            role: Role::Dossier,
        })
        .into_iter()
        .collect();
    for piece in &dossier.administrative {
        if let PieceStatus::Attached(stored) = &piece.status
            && !stored.trim().is_empty()
        {
            let label = profile
                .admin_pieces
                .iter()
                .find(|d| d.id == piece.id)
                .map_or_else(|| piece.id.clone(), |d| d.label.clone());
            out.push(Input {
                path: crate::attach::resolve(&base, stored),
                role: Role::Attachment(label),
            });
        }
    }
    for (i, doc) in dossier.declaration.other_documents.iter().enumerate() {
        if let Some(stored) = doc.attachment.as_deref().filter(|s| !s.trim().is_empty()) {
            let label = if doc.title.trim().is_empty() {
                format!("autre document n° {}", i + 1)
            } else {
                doc.title.trim().to_string()
            };
            out.push(Input {
                path: crate::attach::resolve(&base, stored),
                role: Role::Attachment(label),
            });
        }
    }
    let remembered = crate::service::profiles::remembered_file(dossier, &base);
    for path in remembered
        .into_iter()
        .chain(profile_file.map(Path::to_path_buf))
    {
        out.push(Input {
            path,
            role: Role::Profile,
        });
    }
    out
}

/// What kind of file an output is, which decides what it may replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// A document printed or exported again and again (`.pdf`, `.xlsx`):
    /// may replace an earlier one, never an input, a dossier or a profile.
    Document(&'static str),
    /// A file that must not exist yet: a new dossier, a profile.
    NewFile,
    /// The dossier saved under a name (« Enregistrer sous »): its own file
    /// or a new one, nothing else.
    DossierCopy,
}

impl Output {
    fn verdict(self) -> &'static str {
        match self {
            Output::NewFile => "existe déjà et n'a pas été modifié",
            Output::Document(_) | Output::DossierCopy => "n'a pas été remplacé",
        }
    }

    fn advice(self) -> String {
        match self {
            Output::Document(ext) => format!("Choisissez un autre fichier de sortie ({ext})."),
            Output::NewFile => "Choisissez un nom de fichier qui n'existe pas encore.".into(),
            Output::DossierCopy => "Choisissez un nouveau nom pour le dossier (.ron).".into(),
        }
    }
}

/// Why an output path was refused; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("« {} » {} : c'est {role}. {}", .output.display(), .kind.verdict(), .kind.advice())]
    Protected {
        output: PathBuf,
        role: Role,
        kind: Output,
    },
    #[error(
        "« {} » {} : c'est {what}. {}", .output.display(), .kind.verdict(), .kind.advice()
    )]
    Occupied {
        output: PathBuf,
        /// « un autre dossier de candidature », « un document PDF »…
        what: &'static str,
        kind: Output,
    },
    #[error(
        "« {} » : un fichier de sortie nommé « .ron » serait pris pour un dossier de candidature ; rien n'a été écrit. {}",
        .output.display(), .kind.advice()
    )]
    RonName { output: PathBuf, kind: Output },
    #[error("« {} » est {kind}, pas un fichier ordinaire : rien n'a été écrit.", .output.display())]
    NotRegular { output: PathBuf, kind: &'static str },
    #[error(transparent)]
    Name(#[from] store::paths::NameError),
}

impl OutputError {
    /// The refused path.
    pub fn output(&self) -> &Path {
        match self {
            OutputError::Protected { output, .. }
            | OutputError::Occupied { output, .. }
            | OutputError::RonName { output, .. }
            | OutputError::NotRegular { output, .. } => output,
            OutputError::Name(e) => &e.path,
        }
    }
}

/// A path as the writer would reach it: the real file (symlinks and `..`
/// resolved, as `store::write_atomic` writes through links), and the file's
/// identity when it exists (hard links).
#[derive(Clone, Debug)]
struct Key {
    real: PathBuf,
    id: Option<(u64, u64)>,
}

impl Key {
    fn of(path: &Path) -> Self {
        let real = store::lock::real_path(path);
        Key {
            id: file_id(&real),
            real,
        }
    }

    fn same(&self, other: &Key) -> bool {
        match (self.id, other.id) {
            (Some(a), Some(b)) => a == b,
            _ => same_name(&self.real, &other.real),
        }
    }
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Path) -> Option<(u64, u64)> {
    // Existing files are compared by their canonical names there.
    None
}

/// Names compare as the file system does: without case on Windows and macOS.
fn same_name(a: &Path, b: &Path) -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
    } else {
        a == b
    }
}

/// The protected files of one output: a dossier's inputs, and what else
/// the command reads.
#[derive(Clone, Debug, Default)]
pub struct Protected {
    inputs: Vec<(Input, Key)>,
    /// The dossier's own real path, for its companions.
    dossier: Option<PathBuf>,
}

impl Protected {
    /// Nothing but what is true of every output (no dossier, no profile).
    pub fn none() -> Self {
        Self::default()
    }

    /// A dossier's inputs ([`inputs`]).
    pub fn of(
        dossier: &Dossier,
        profile: &CallProfile,
        dossier_path: Option<&Path>,
        profile_file: Option<&Path>,
    ) -> Self {
        let mut p = Self {
            inputs: Vec::new(),
            dossier: dossier_path.map(store::lock::real_path),
        };
        for input in inputs(dossier, profile, dossier_path, profile_file) {
            p = p.with(input.path, input.role);
        }
        // Its existing companions by identity too (a link to the backup is
        // the backup); names not yet taken are caught by name.
        if let Some(real) = p.dossier.clone()
            && let Some(dir) = real.parent()
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if is_companion(&real, &path) {
                    p = p.with(path, Role::Companion);
                }
            }
        }
        p
    }

    /// One more file the command reads.
    pub fn with(mut self, path: PathBuf, role: Role) -> Self {
        let key = Key::of(&path);
        self.inputs.push((Input { path, role }, key));
        self
    }

    /// The protected files, as the dossier names them.
    pub fn inputs(&self) -> impl Iterator<Item = &Input> {
        self.inputs.iter().map(|(i, _)| i)
    }

    /// The rule. See [`guard_output`].
    pub fn check(&self, output: &Path, kind: Output) -> Result<(), OutputError> {
        let key = Key::of(output);
        if let Some((input, _)) = self.inputs.iter().find(|(_, k)| k.same(&key)) {
            // Saving the dossier over its own file is « Enregistrer ».
            if !(kind == Output::DossierCopy && input.role == Role::Dossier) {
                return Err(OutputError::Protected {
                    output: output.to_path_buf(),
                    role: input.role.clone(),
                    kind,
                });
            }
            return Ok(());
        }
        if let Some(dossier) = &self.dossier
            && is_companion(dossier, &key.real)
        {
            return Err(OutputError::Protected {
                output: output.to_path_buf(),
                role: Role::Companion,
                kind,
            });
        }
        let refuse = |what| {
            Err(OutputError::Occupied {
                output: output.to_path_buf(),
                what,
                kind,
            })
        };
        match std::fs::metadata(output) {
            Ok(meta) if !meta.is_file() => Err(OutputError::NotRegular {
                output: output.to_path_buf(),
                kind: store::kind_of(&meta),
            }),
            Ok(_) => match (kind, what_is(output)) {
                // The dossier itself was matched above: this is another one.
                (_, What::Dossier) if self.dossier.is_some() => {
                    refuse("un autre dossier de candidature")
                }
                (_, What::Profile) => refuse("un profil d'appel"),
                (Output::Document(_), _) => Ok(()),
                (_, other) => refuse(other.describe()),
            },
            // A new file named `.ron` would look like a dossier to the user.
            Err(_) if matches!(kind, Output::Document(_)) && has_ron_name(output) => {
                Err(OutputError::RonName {
                    output: output.to_path_buf(),
                    kind,
                })
            }
            // A link to nowhere: a new file would replace the link.
            Err(_) if !matches!(kind, Output::Document(_)) && is_link(output) => {
                refuse("un lien symbolique")
            }
            Err(_) => Ok(()),
        }
    }
}

/// Refuses an output that is a protected file, a companion of the dossier,
/// another dossier or a profile, something other than a regular file, or —
/// for a new file or a dossier copy — any existing file. Nothing is
/// written on refusal; the message names the file and what it is.
pub fn guard_output(output: &Path, protected: &Protected, kind: Output) -> Result<(), OutputError> {
    // A name Windows cannot hold is refused on every OS, so a dossier's
    // files can always be copied to the secretaries' Windows laptops.
    store::paths::check_file_name(output)?;
    protected.check(output, kind)
}

/// `NAME.anything` or `.NAME.anything` beside the dossier `NAME`: the
/// backup, the lock, a save's temporary file, and whatever safety copy the
/// store keeps next.
fn is_companion(dossier: &Path, output: &Path) -> bool {
    let (Some(dir), Some(name)) = (dossier.parent(), dossier.file_name()) else {
        return false;
    };
    let (Some(odir), Some(oname)) = (output.parent(), output.file_name()) else {
        return false;
    };
    if !same_name(dir, odir) {
        return false;
    }
    let name = name.to_string_lossy();
    let oname = oname.to_string_lossy();
    let oname = oname.strip_prefix('.').unwrap_or(&oname);
    let (name, oname) = if cfg!(any(windows, target_os = "macos")) {
        (name.to_lowercase(), oname.to_lowercase())
    } else {
        (name.to_string(), oname.to_string())
    };
    oname
        .strip_prefix(&name)
        .is_some_and(|rest| rest.starts_with('.'))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn has_ron_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// What an existing file is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Dossier,
    Profile,
    Pdf,
    Image,
    Workbook,
    Other,
}

impl What {
    fn describe(self) -> &'static str {
        match self {
            What::Dossier => "un dossier de candidature",
            What::Profile => "un profil d'appel",
            What::Pdf => "un document PDF",
            What::Image => "une image",
            What::Workbook => "un classeur ou une archive",
            What::Other => "un autre fichier",
        }
    }
}

fn what_is(path: &Path) -> What {
    let head = store::read_head(path, 4096).unwrap_or_default();
    let text = String::from_utf8_lossy(&head);
    if text.contains("format_version") || text.contains("(cluster-dossier)") {
        What::Dossier
    } else if text.contains("admin_pieces") || text.contains("thresholds:") {
        What::Profile
    } else if has_ron_name(path) {
        // A `.ron` the app did not recognise: still not an output.
        What::Dossier
    } else if head.starts_with(b"%PDF") {
        What::Pdf
    } else if head.starts_with(&[0xFF, 0xD8]) || head.starts_with(b"\x89PNG") {
        What::Image
    } else if head.starts_with(b"PK") {
        What::Workbook
    } else {
        What::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companions_are_named_after_the_dossier() {
        let d = Path::new("/d/acme.ron");
        for c in [
            "/d/acme.ron.bak",
            "/d/.acme.ron.lock",
            "/d/.acme.ron.123.tmp",
            "/d/acme.ron.avant",
        ] {
            assert!(is_companion(d, Path::new(c)), "{c}");
        }
        for o in [
            "/d/acme.pdf",
            "/d/acme.ronde",
            "/e/acme.ron.bak",
            "/d/acme.ron",
        ] {
            assert!(!is_companion(d, Path::new(o)), "{o}");
        }
    }

    #[test]
    fn every_role_reads_as_french() {
        let roles = [
            Role::Dossier,
            Role::Companion,
            Role::Attachment("Statuts".into()),
            Role::Profile,
            Role::EditionProfile,
        ];
        for r in roles {
            let e = OutputError::Protected {
                output: PathBuf::from("/d/x.pdf"),
                role: r,
                kind: Output::Document(".pdf"),
            };
            let m = e.to_string();
            assert!(
                m.starts_with("« /d/x.pdf » n'a pas été remplacé : c'est "),
                "{m}"
            );
            assert!(
                m.ends_with("Choisissez un autre fichier de sortie (.pdf)."),
                "{m}"
            );
        }
    }
}
