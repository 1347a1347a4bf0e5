//! Reading files safely: only regular files, never more than a limit (read
//! with a cap, so `/dev/zero` or a FIFO cannot hang or exhaust memory), text
//! checked as UTF-8 with the place of the first bad byte.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::StoreError;

/// A French reading of an OS error (the system's own text is English, and
/// never shown: « os error 28 » reads « le disque est plein »).
pub fn french_io(e: &io::Error) -> String {
    use io::ErrorKind as K;
    if let Some(text) = e.raw_os_error().and_then(windows_code) {
        return text.to_string();
    }
    let text = match e.kind() {
        K::NotFound => "fichier ou dossier introuvable",
        K::PermissionDenied => "accès refusé (droits insuffisants sur le fichier ou le dossier)",
        K::AlreadyExists => "le fichier existe déjà",
        K::IsADirectory => "c'est un dossier, pas un fichier",
        K::NotADirectory => "un élément du chemin n'est pas un dossier",
        K::DirectoryNotEmpty => "le dossier n'est pas vide",
        K::StorageFull => "le disque est plein",
        K::QuotaExceeded => "le quota du disque est atteint",
        K::ReadOnlyFilesystem => "le support est en lecture seule",
        K::FileTooLarge => "fichier trop volumineux pour le système",
        K::ResourceBusy | K::ExecutableFileBusy => "le fichier est occupé par un autre programme",
        K::Deadlock => "le fichier est verrouillé par un autre programme",
        K::CrossesDevices => "déplacement impossible entre deux disques",
        K::TooManyLinks => "trop de liens vers ce fichier",
        K::InvalidFilename => "nom de fichier invalide ou trop long",
        K::ArgumentListTooLong => "chemin trop long",
        K::InvalidData | K::InvalidInput => "données invalides",
        K::UnexpectedEof => "le fichier s'arrête trop tôt",
        K::WriteZero => "écriture impossible : rien n'a pu être écrit",
        K::Interrupted => "opération interrompue",
        K::TimedOut => "délai dépassé",
        K::OutOfMemory => "mémoire insuffisante",
        K::WouldBlock => "le fichier n'est pas prêt (tube ou périphérique)",
        K::NotSeekable => "le fichier ne peut pas être parcouru (tube ou périphérique)",
        K::Unsupported => "opération non prise en charge par ce système ou ce support",
        K::StaleNetworkFileHandle => {
            "le fichier réseau n'est plus accessible (partage déconnecté ?)"
        }
        K::ConnectionRefused
        | K::ConnectionReset
        | K::ConnectionAborted
        | K::NotConnected
        | K::BrokenPipe
        | K::HostUnreachable
        | K::NetworkUnreachable
        | K::NetworkDown
        | K::AddrInUse
        | K::AddrNotAvailable => "le partage réseau ou le périphérique ne répond pas",
        _ => {
            return match e.raw_os_error() {
                Some(code) => format!("erreur du système (code {code})"),
                None => "erreur du système".to_string(),
            };
        }
    };
    text.to_string()
}

/// Windows codes the standard library leaves uncategorised but that a
/// secretary meets: a file held open by a PDF viewer or an antivirus scan.
fn windows_code(code: i32) -> Option<&'static str> {
    if !cfg!(windows) {
        return None;
    }
    match code {
        // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        32 | 33 => Some(
            "le fichier est ouvert dans un autre programme (lecteur PDF, tableur, antivirus…) : fermez-le puis réessayez",
        ),
        // ERROR_USER_MAPPED_FILE
        1224 => Some("le fichier est ouvert dans un autre programme : fermez-le puis réessayez"),
        // ERROR_BAD_NETPATH, ERROR_NETNAME_DELETED, ERROR_UNEXP_NET_ERR
        53 | 64 | 59 => Some("le partage réseau ne répond pas"),
        _ => None,
    }
}

/// Reads at most `limit` bytes of a regular file; anything else (folder,
/// FIFO, device, socket) or anything larger is refused without reading it.
/// The metadata of a regular file (symlinks followed: a link to a dossier
/// reads the dossier); a folder, FIFO, device or socket is refused.
fn regular_file(path: &Path) -> Result<fs::Metadata, StoreError> {
    let read_err = |source: io::Error| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(&meta),
        });
    }
    Ok(meta)
}

pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, StoreError> {
    let read_err = |source: io::Error| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = regular_file(path)?;
    if meta.len() > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(read_err)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The cap holds even if the file grows between the check and the read.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The first `n` bytes of a regular file (fewer if it is shorter), to
/// recognise what it is without reading it whole.
pub fn read_head(path: &Path, n: u64) -> Result<Vec<u8>, StoreError> {
    let read_err = |source: io::Error| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    regular_file(path)?;
    let mut bytes = Vec::new();
    File::open(path)
        .map_err(read_err)?
        .take(n)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    Ok(bytes)
}

/// Reads a UTF-8 text file (see [`read_bytes`]); a byte-order mark is kept
/// for the caller to strip.
pub fn read_text(path: &Path, limit: u64) -> Result<String, StoreError> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The valid prefix is UTF-8 by construction.
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        StoreError::NotText {
            path: path.to_path_buf(),
            line,
            column,
        }
    })
}

/// What a path is, when it is not a regular file, in French.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "un dossier";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "un tube (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "un périphérique";
        }
        if t.is_socket() {
            return "une socket";
        }
    }
    "un fichier spécial"
}
