//! Storage errors, in French, each naming the file concerned.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Impossible de lire « {path} » : {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "Impossible d'enregistrer « {path} » : {source}. Le fichier existant n'a pas été modifié."
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
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
        "« {path} » n'est pas un fichier texte (UTF-8) : ce n'est pas un dossier de candidature."
    )]
    NotText { path: PathBuf },
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
    #[error(
        "« {path} » répond à l'édition « {edition} » de l'appel, que cette version ne connaît pas."
    )]
    UnknownEdition { path: PathBuf, edition: String },
    #[error("Impossible de mettre le dossier en forme pour « {path} » : {reason}")]
    Serialize { path: PathBuf, reason: String },
}

impl StoreError {
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Read { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::TooLarge { path, .. }
            | StoreError::NotText { path }
            | StoreError::Syntax { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::UnknownEdition { path, .. }
            | StoreError::Serialize { path, .. } => path,
        }
    }
}

/// A French reading of RON's error codes; the technical text follows for
/// the rarer ones.
pub(crate) fn explain(code: &ron::Error) -> String {
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
        E::NoSuchStructField { found, .. } => format!("rubrique « {found} » inconnue"),
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
