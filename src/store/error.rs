//! Storage errors, in French, each naming the file concerned.

use std::path::{Path, PathBuf};

use crate::model::field::labels::{self, Kind};

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
        "Le dossier aurait plus de fiches ou de valeurs ({members} membres) qu'un dossier peut en avoir pour être rouvert : « {path} » n'a pas été modifié et rien n'a été écrit. Allégez-le (membres en double, lignes vides), puis enregistrez à nouveau."
    )]
    TooManyToSave { path: PathBuf, members: usize },
    #[error(
        "« {path} » contient bien plus d'éléments qu'un dossier de candidature (plus de 150 000 fiches ou 1 500 000 valeurs) : ce n'est pas un dossier de candidature, ou il a été abîmé."
    )]
    TooManyItems { path: PathBuf },
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
            | StoreError::TooManyItems { path }
            | StoreError::NotText { path, .. }
            | StoreError::NotRegular { path, .. }
            | StoreError::ReadOnly { path }
            | StoreError::Backup { path, .. }
            | StoreError::Locked { path, .. }
            | StoreError::Busy { path }
            | StoreError::TooLargeToSave { path, .. }
            | StoreError::TooManyToSave { path, .. }
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

/// A French reading of RON's error codes, for any RON file (a call
/// profile quotes its own field names). Never the library's English: a
/// code this does not know reads as a generic French sentence.
pub fn explain(code: &ron::Error) -> String {
    explain_with(code, &|_: &str| None)
}

/// The same for a dossier file: the field at the error is named in French
/// (« Membres, date d'adhésion »), and a misspelt field's suggestion comes
/// with its French name, so no message rests on a name from the file alone.
pub fn explain_in_dossier(code: &ron::Error, text: &str, span: &ron::error::Span) -> String {
    let offset = byte_offset(text, span.start.line, span.start.col);
    let keys = keys_at(text, offset);
    let walk = labels_of(&keys);
    let suggest_label = |best: &str| {
        let kind = walk.last().map_or(Kind::Dossier, |(_, k)| *k);
        labels::field(kind, best).map(|(label, _)| label)
    };
    let reason = explain_with(code, &suggest_label);
    // An unknown name is not in `keys` (the scan stops where it starts):
    // its place is its parents.
    let context: Vec<&str> = walk.iter().map(|(l, _)| *l).collect();
    if context.is_empty() {
        reason
    } else {
        format!("{} : {reason}", capitalised(&context.join(", ")))
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The French labels of the fields enclosing a place of a dossier file,
/// outermost first, each with the kind of struct its value is; stops at a
/// name the dossier does not have.
fn labels_of(keys: &[String]) -> Vec<(&'static str, Kind)> {
    let mut kind = Kind::Dossier;
    let mut out = Vec::new();
    for key in keys {
        let Some((label, holds)) = labels::field(kind, key) else {
            break;
        };
        kind = labels::inner(holds);
        out.push((label, kind));
    }
    out
}

/// Byte offset of a 1-based line and column (in characters).
fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let line_start: usize = text
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let rest = text.get(line_start.min(text.len())..).unwrap_or_default();
    line_start.min(text.len())
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The field names enclosing `offset` in RON text, outermost first: each
/// `name:` whose value (struct, list, map, `Some(…)`) is still open there,
/// then the name whose value starts there. Texts, characters and comments
/// are skipped.
pub(crate) fn keys_at(text: &str, offset: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut frames: Vec<Option<String>> = Vec::new();
    let mut pending: Option<String> = None;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        match b {
            b'"' => i = skip_string(bytes, i + 1, 0),
            b'r' if matches!(bytes.get(i + 1), Some(b'#' | b'"')) => {
                let hashes = bytes[i + 1..].iter().take_while(|c| **c == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    i = skip_string(bytes, i + 2 + hashes, hashes);
                } else {
                    i += 1;
                }
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                i += 2;
                while i < bytes.len() && depth > 0 {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            b'(' | b'[' | b'{' => {
                frames.push(pending.take());
                i += 1;
            }
            b')' | b']' | b'}' => {
                frames.pop();
                pending = None;
                i += 1;
            }
            b',' => {
                pending = None;
                i += 1;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') && bytes.get(j + 1) != Some(&b':') {
                    pending = Some(text[start..i].to_string());
                    i = j + 1;
                }
            }
            _ => i += 1,
        }
    }
    frames.into_iter().flatten().chain(pending).collect()
}

/// The index after a string's closing quote (and `hashes` `#` for a raw one).
fn skip_string(bytes: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < bytes.len() {
        if hashes == 0 && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|c| **c == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

/// At most 60 characters of what the file holds, for quoting it.
/// A name from the file, cut to what a message can show.
fn cut(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        short.push('…');
    }
    short
}

fn quoted(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        short.push('…');
    }
    format!("« {short} »")
}

/// serde's words for a kind of value (`Expected`), in French.
fn expected_fr(expected: &str) -> String {
    let e = expected.trim();
    let count = |prefix: &str| {
        e.strip_prefix(prefix)
            .and_then(|n| n.trim().parse::<usize>().ok())
    };
    if let Some(n) = count("an array of length").or_else(|| count("a tuple of size")) {
        return format!("une liste de {n} valeurs « [ … ] »");
    }
    let text = match e {
        "a string" | "a borrowed string" | "a string or bytes" | "string" => {
            "un texte entre guillemets"
        }
        "a boolean" | "bool" => "true ou false",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "un nombre entier positif",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "an integer" => "un nombre entier",
        "f32" | "f64" | "a float" => "un nombre",
        "a character" | "a char" | "char" => "un caractère entre apostrophes",
        "a sequence" | "a seq" => "une liste « [ … ] »",
        "a map" => "un dictionnaire « { … } »",
        "option" | "an option" => "une valeur Some( … ) ou None",
        "unit" | "a unit" => "« () »",
        "variant identifier" => "le nom d'une des valeurs prévues",
        "field identifier" => "un nom de rubrique",
        "a Decimal type representing a fixed-point number" => {
            "un nombre entre guillemets, par exemple \"1234.50\""
        }
        _ if e.starts_with("struct ")
            || e.starts_with("tuple struct ")
            || e.starts_with("unit struct ")
            || e.starts_with("newtype struct ") =>
        {
            "une structure « ( … ) »"
        }
        _ if e.starts_with("enum ") || e.contains("variant") => "une des valeurs prévues",
        _ => "une valeur d'un autre type",
    };
    text.to_string()
}

/// RON's words for the value it met (`the string "abc"`), in French.
fn found_fr(found: &str) -> String {
    let backticked = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.strip_suffix('`'))
    };
    if let Some(v) = backticked("the boolean ") {
        return format!("la valeur {}", quoted(v));
    }
    if let Some(v) =
        backticked("the unsigned integer ").or_else(|| backticked("the signed integer "))
    {
        return format!("le nombre entier {}", quoted(v));
    }
    if let Some(v) = backticked("the floating point number ") {
        return format!("le nombre {}", quoted(v));
    }
    if let Some(v) = backticked("the UTF-8 character ") {
        return format!("le caractère {}", quoted(v));
    }
    if let Some(v) = found.strip_prefix("the string ") {
        let inner = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        let unescaped = inner.replace("\\\"", "\"").replace("\\\\", "\\");
        return format!("le texte {}", quoted(&unescaped));
    }
    let text = match found {
        _ if found.starts_with("the byte string") => "une suite d'octets",
        "a unit value" => "« () »",
        "an optional value" => "une valeur Some( … ) ou None",
        "a newtype struct" => "une structure",
        "a sequence" => "une liste",
        "a map" => "un dictionnaire",
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "une valeur nommée",
        _ => "une valeur d'un autre type",
    };
    text.to_string()
}

/// A message a deserializer made itself: ours are French and kept (a
/// date « 31/02/2026 » is invalid…); any other is not shown.
fn message_fr(m: &str) -> String {
    if m.contains('«') {
        // Ours quote the value they refuse: at most its start.
        let mut kept: String = m.chars().take(300).collect();
        if m.chars().nth(300).is_some() {
            kept.push_str("… »");
        }
        kept
    } else {
        "valeur invalide à cet endroit".to_string()
    }
}

fn explain_with(code: &ron::Error, suggest_label: &dyn Fn(&str) -> Option<&'static str>) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "le fichier s'arrête trop tôt (fichier tronqué ?)".to_string(),
        E::ExpectedComma => "une virgule est attendue".to_string(),
        E::ExpectedString => "un texte entre guillemets est attendu".to_string(),
        E::ExpectedStringEnd => {
            "un texte n'a pas de guillemet fermant (fichier tronqué ?)".to_string()
        }
        E::ExpectedByteString => "une suite d'octets b\"…\" est attendue".to_string(),
        E::ExpectedInteger => "un nombre entier est attendu".to_string(),
        E::IntegerOutOfBounds => {
            "nombre entier hors des limites permises à cet endroit".to_string()
        }
        E::InvalidIntegerDigit { digit, .. } => {
            format!("chiffre « {digit} » invalide dans un nombre")
        }
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            "un nombre ne peut pas commencer ni finir par « _ »".to_string()
        }
        E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedStructName(_)
        | E::ExpectedDifferentStructName { .. } => {
            "une structure « ( … ) » est attendue".to_string()
        }
        E::ExpectedStructLikeEnd => "une parenthèse fermante est attendue".to_string(),
        E::ExpectedArray | E::ExpectedArrayEnd => "une liste « [ … ] » est attendue".to_string(),
        E::ExpectedOption => "une valeur Some( … ) ou None est attendue".to_string(),
        E::ExpectedOptionEnd => "une parenthèse fermante est attendue après Some( …".to_string(),
        E::ExceededRecursionLimit => "imbrication trop profonde".to_string(),
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            "un nom de rubrique est attendu (par exemple « name: »)".to_string()
        }
        E::MissingStructField { field, .. } => format!("rubrique « {} » manquante", cut(field)),
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let best = super::closest(found, expected);
            let found = cut(found);
            match best {
                Some(best) => match suggest_label(best) {
                    Some(label) => {
                        format!(
                            "champ inconnu « {found} » — vouliez-vous dire « {best} » ({label}) ?"
                        )
                    }
                    None => format!("champ inconnu « {found} » — vouliez-vous dire « {best} » ?"),
                },
                None => format!("champ inconnu « {found} »"),
            }
        }
        E::DuplicateStructField { field, .. } => format!("rubrique « {} » en double", cut(field)),
        E::ExpectedBoolean => "une valeur true ou false est attendue".to_string(),
        E::ExpectedFloat => "un nombre est attendu".to_string(),
        E::ExpectedChar | E::ExpectedByteLiteral => {
            "un caractère entre apostrophes est attendu".to_string()
        }
        E::ExpectedUnit => "« () » est attendu".to_string(),
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => {
            "un dictionnaire « { … } » est attendu".to_string()
        }
        E::TrailingCharacters => "du texte inattendu suit la fin du fichier".to_string(),
        E::UnexpectedChar(c) => format!("caractère inattendu « {c} »"),
        E::InvalidEscape(_) => "séquence d'échappement « \\ » invalide dans un texte".to_string(),
        E::UnclosedBlockComment | E::UnclosedLineComment => "commentaire non fermé".to_string(),
        E::Utf8Error(_) => "texte qui n'est pas de l'UTF-8".to_string(),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let best = super::closest(found, expected);
            let found = cut(found);
            match best {
                Some(best) => {
                    format!("valeur inconnue « {found} » — vouliez-vous dire « {best} » ?")
                }
                None => format!("valeur inconnue « {found} »"),
            }
        }
        E::InvalidValueForType { expected, found } => format!(
            "on attend {}, pas {}",
            expected_fr(expected),
            found_fr(found)
        ),
        E::ExpectedDifferentLength { expected, found } => {
            format!("on attend {}, pas {found} valeur(s)", expected_fr(expected))
        }
        E::Message(m) => message_fr(m),
        E::Io(_) => "erreur de lecture du fichier".to_string(),
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => {
            "en-tête « #![enable(…)] » invalide".to_string()
        }
        _ => "contenu invalide à cet endroit".to_string(),
    }
}
