//! Which dossier wrote a PDF. The print job writes, in the PDF's metadata
//! ([`crate::print::pdf::SOURCE_KEY`]), the dossier file's name and a hash
//! of its full path: the wizard then knows, in any later session, whether
//! an existing PDF is this dossier's own earlier print (replaced without a
//! question) or someone else's (asked first). The full path itself is not
//! written: it would print the user's folders into a PDF handed to the
//! ministry.

use std::path::Path;

/// A PDF bigger than this is not read to find its writer (it is then
/// treated as not this dossier's, which only costs a question).
const MAX_READ: u64 = 512 * 1024 * 1024;

/// The mark naming `dossier_path`: `acme.ron#9f3c2b1a0d4e5f67`.
pub fn source_mark(dossier_path: &Path) -> String {
    let real = crate::store::lock::real_path(dossier_path);
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    format!("{name}#{:016x}", fnv1a(real.as_os_str().as_encoded_bytes()))
}

/// FNV-1a, 64 bits: stable across versions and platforms (std's hasher is
/// not), enough to tell one dossier file from another.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Who wrote an existing file, as far as it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writer {
    /// A PDF printed from the dossier with this mark ([`source_mark`]).
    Dossier(String),
    /// A PDF of Dossier Cluster from a dossier never saved, or from an
    /// older version.
    Unnamed,
    /// Not a PDF of this application (or unreadable).
    Other,
}

impl Writer {
    /// Whether the file is the earlier print of the dossier at `dossier_path`.
    pub fn is(&self, dossier_path: Option<&Path>) -> bool {
        match (self, dossier_path) {
            (Writer::Dossier(mark), Some(p)) => *mark == source_mark(p),
            _ => false,
        }
    }

    /// « écrit par le dossier “autre.ron” », for the question before
    /// replacing it.
    pub fn describe(&self) -> String {
        match self {
            Writer::Dossier(mark) => {
                let name = mark.rsplit_once('#').map_or(mark.as_str(), |(n, _)| n);
                format!("il a été produit par un autre dossier, « {name} »")
            }
            Writer::Unnamed => {
                "il a été produit par un dossier jamais enregistré ou par une version antérieure"
                    .to_string()
            }
            Writer::Other => "ce n'est pas un PDF produit par ce dossier".to_string(),
        }
    }
}

/// Reads an existing PDF's metadata for its writer's mark.
pub fn written_by(pdf: &Path) -> Writer {
    let Ok(bytes) = crate::store::read_bytes(pdf, MAX_READ) else {
        return Writer::Other;
    };
    let Ok(meta) = lopdf::Document::load_metadata_mem(&bytes) else {
        return Writer::Other;
    };
    let key = crate::print::pdf::SOURCE_KEY.as_bytes();
    match meta.custom.get(key) {
        Some(lopdf::Object::String(text, _)) => Writer::Dossier(decode_text(text)),
        _ if meta.creator.as_deref() == Some("cluster-dossier") => Writer::Unnamed,
        _ => Writer::Other,
    }
}

/// A PDF text string: UTF-16BE after its byte order mark, else bytes.
fn decode_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_names_the_file_and_hashes_its_folder() {
        let a = source_mark(Path::new("/nulle-part/a/acme.ron"));
        let b = source_mark(Path::new("/nulle-part/b/acme.ron"));
        assert!(
            a.starts_with("acme.ron#") && b.starts_with("acme.ron#"),
            "{a} {b}"
        );
        assert_ne!(a, b, "two folders, two dossiers");
        assert!(!a.contains("nulle-part"), "no folder in the PDF: {a}");
        assert_eq!(a, source_mark(Path::new("/nulle-part/a/acme.ron")));
        // FNV-1a's published test vector.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn text_strings_decode_both_ways() {
        let utf16: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("été.ron".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&utf16), "été.ron");
        assert_eq!(decode_text(b"plain"), "plain");
    }
}
