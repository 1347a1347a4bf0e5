//! Storage errors, in French, each naming the file concerned.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Impossible de lire « {path} » : {}", super::french_io(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "Impossible d'enregistrer « {path} » : {}. {}",
        super::french_io(source),
        untouched(path)
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "« {path} » est en lecture seule : il n'a pas été modifié. Enregistrez sous un autre nom, ou retirez la protection du fichier."
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "Impossible de garder la copie de sauvegarde de « {path} » : {}. L'enregistrement a été annulé : le fichier existant n'a pas été modifié.",
        super::french_io(source)
    )]
    Backup {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "« {path} » est en cours de modification par un autre programme{} (verrou « {lock} »). Réessayez dans un instant ; rien n'a été écrit.",
        holder.as_ref().map(|h| format!(" ({h})")).unwrap_or_default()
    )]
    Locked {
        path: PathBuf,
        lock: PathBuf,
        holder: Option<String>,
    },
    #[error(
        "Impossible d'utiliser le fichier de verrou « {lock} » : {}. Rien n'a été écrit.",
        super::french_io(source)
    )]
    LockFile {
        lock: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "« {lock} » n'est pas un fichier de verrou ordinaire (lien symbolique, lien multiple ou fichier spécial) : il n'a été ni suivi ni modifié, et rien n'a été écrit. Supprimez-le, puis recommencez."
    )]
    LockNotRegular { lock: PathBuf },
    #[error(
        "« {path} » est ouvert par un autre programme (visionneuse, antivirus, autre fenêtre de l'application) qui empêche de le remplacer, même après plusieurs essais : rien n'a été modifié. Fermez ce programme, puis enregistrez à nouveau."
    )]
    Busy { path: PathBuf },
    #[error(
        "Le dossier ferait {} ({members} membres), plus que les {} qu'un dossier peut faire pour être rouvert : « {path} » n'a pas été modifié et rien n'a été écrit. Allégez-le (membres en double, textes collés très longs), puis enregistrez à nouveau.",
        megabytes(*size),
        megabytes(*limit)
    )]
    TooLargeToSave {
        path: PathBuf,
        size: u64,
        limit: u64,
        members: usize,
    },
    #[error(
        "« {path} » est trop volumineux ({size} octets, au plus {limit}) : ce n'est pas un dossier de candidature."
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "« {path} » n'est pas un fichier texte UTF-8 (octet invalide ligne {line}, colonne {column}) : ce n'est pas un dossier de candidature, ou il a été abîmé."
    )]
    NotText {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("« {path} » est {kind}, pas un fichier ordinaire : il n'a pas été lu.")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("« {path} » est illisible, ligne {line}, colonne {column} : {reason}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error(
        "« {path} » a été enregistré par une version plus récente de l'application (format {found}, cette version lit jusqu'au format {supported}). Mettez l'application à jour ; le fichier n'a pas été modifié."
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("Impossible de mettre le dossier en forme pour « {path} » : {reason}")]
    Serialize { path: PathBuf, reason: String },
}

impl StoreError {
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Read { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::TooLarge { path, .. }
            | StoreError::NotText { path, .. }
            | StoreError::NotRegular { path, .. }
            | StoreError::ReadOnly { path }
            | StoreError::Backup { path, .. }
            | StoreError::Locked { path, .. }
            | StoreError::Busy { path }
            | StoreError::TooLargeToSave { path, .. }
            | StoreError::LockFile { lock: path, .. }
            | StoreError::LockNotRegular { lock: path }
            | StoreError::Syntax { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::Serialize { path, .. } => path,
        }
    }
}

/// « 12,5 Mo » (1 Mo = 1 048 576 octets, as file managers count).
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{},{}\u{a0}Mo", tenths / 10, tenths % 10)
}

/// Said after a failed write: only when there was a file to keep.
fn untouched(path: &Path) -> &'static str {
    if path.exists() {
        "Le fichier existant n'a pas été modifié."
    } else {
        "Aucun fichier n'a été créé."
    }
}

/// A French reading of RON's error codes; the technical text follows for
/// the rarer ones.
pub fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "le fichier s'arrête trop tôt (fichier tronqué ?)".to_string(),
        E::ExpectedComma => "une virgule est attendue".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "un texte entre guillemets est attendu".to_string()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds => {
            "un nombre entier valide est attendu".to_string()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "une structure « ( … ) » est attendue".to_string()
        }
        E::ExpectedStructLikeEnd => "une parenthèse fermante est attendue".to_string(),
        E::ExpectedArray | E::ExpectedArrayEnd => "une liste « [ … ] » est attendue".to_string(),
        E::ExpectedOption => "une valeur Some( … ) ou None est attendue".to_string(),
        E::ExceededRecursionLimit => "imbrication trop profonde".to_string(),
        E::ExpectedIdentifier => {
            "un nom de rubrique est attendu (par exemple « name: »)".to_string()
        }
        E::MissingStructField { field, .. } => format!("rubrique « {field} » manquante"),
        E::NoSuchStructField {
            expected, found, ..
        } => match super::closest(found, expected) {
            Some(best) => format!("champ inconnu « {found} » — vouliez-vous dire « {best} » ?"),
            None => format!("champ inconnu « {found} »"),
        },
        E::DuplicateStructField { field, .. } => format!("rubrique « {field} » en double"),
        E::ExpectedBoolean => "une valeur true ou false est attendue".to_string(),
        E::ExpectedFloat => "un nombre est attendu".to_string(),
        E::ExpectedUnit => "« () » est attendu".to_string(),
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => {
            "un dictionnaire « { … } » est attendu".to_string()
        }
        E::TrailingCharacters => "du texte inattendu suit la fin du dossier".to_string(),
        E::UnexpectedChar(c) => format!("caractère inattendu « {c} »"),
        E::UnclosedBlockComment | E::UnclosedLineComment => "commentaire non fermé".to_string(),
        E::Utf8Error(_) => "texte qui n'est pas de l'UTF-8".to_string(),
        E::NoSuchEnumVariant { found, .. } => format!("valeur inconnue « {found} »"),
        E::InvalidValueForType { expected, found } => {
            format!("valeur de type inattendu (attendu : {expected}, trouvé : {found})")
        }
        E::Message(m) => m.clone(),
        other => format!("contenu invalide ({other})"),
    }
}
