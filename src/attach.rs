//! Scanned attachments (administrative pieces, other documents): read from
//! disk, checked, and handed to the printer. A missing, unreadable or
//! encrypted file is a blocking finding naming it. Paths are stored
//! relative to the dossier file.

use std::path::{Path, PathBuf};

use crate::model::CallProfile;
use crate::model::dossier::{Dossier, PieceStatus};
use crate::model::field::{DocumentField, FieldPath};
use crate::model::finding::{Finding, Section};

/// What an attachment holds, ready to be placed on pages.
#[derive(Clone, Debug)]
pub enum Content {
    /// A PDF and its page count.
    Pdf { bytes: Vec<u8>, pages: usize },
    /// A JPEG, embedded as it is (DCT).
    Jpeg {
        bytes: Vec<u8>,
        width: u32,
        height: u32,
        components: u8,
    },
    /// A PNG decoded to 8-bit RGB (transparency flattened on white).
    Png {
        rgb: Vec<u8>,
        width: u32,
        height: u32,
    },
}

impl Content {
    pub fn pages(&self) -> usize {
        match self {
            Content::Pdf { pages, .. } => *pages,
            Content::Jpeg { .. } | Content::Png { .. } => 1,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Attachment {
    /// `administrative.statuts` or `declaration.other_documents[0]`.
    pub key: String,
    pub path: PathBuf,
    pub content: Content,
}

/// The attachments that could be read, by key.
#[derive(Clone, Debug, Default)]
pub struct Attachments {
    pub items: Vec<Attachment>,
}

impl Attachments {
    pub fn get(&self, key: &str) -> Option<&Attachment> {
        self.items.iter().find(|a| a.key == key)
    }
    pub fn pages(&self, key: &str) -> Option<usize> {
        self.get(key).map(|a| a.content.pages())
    }
}

/// Every attachment the dossier names: (key, section, label, stored path).
fn declared(d: &Dossier, p: &CallProfile) -> Vec<(FieldPath, Section, String, String)> {
    let mut out = Vec::new();
    for def in &p.admin_pieces {
        if let Some(PieceStatus::Attached(path)) = d.admin_piece(&def.id).map(|x| &x.status)
            && !path.trim().is_empty()
        {
            out.push((
                FieldPath::admin_piece(&def.id),
                Section::Administrative,
                def.label.clone(),
                path.clone(),
            ));
        }
    }
    for (i, doc) in d.declaration.other_documents.iter().enumerate() {
        if let Some(path) = doc.attachment.as_ref().filter(|p| !p.trim().is_empty()) {
            out.push((
                FieldPath::other_document(i),
                Section::Declaration,
                doc.title.clone(),
                path.clone(),
            ));
        }
    }
    out
}

/// `path` as stored, resolved against the dossier's folder.
pub fn resolve(base_dir: &Path, stored: &str) -> PathBuf {
    let p = Path::new(stored.trim());
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base_dir.join(p)
    }
}

/// `path` relative to the dossier's folder when it lies below it.
pub fn relative_to(base_dir: &Path, path: &Path) -> String {
    path.strip_prefix(base_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The field a finding about an attachment points to: the piece itself, or
/// the attachment of an « autre document ».
fn attachment_field(key: &FieldPath, section: Section) -> FieldPath {
    if section == Section::Declaration {
        key.clone().field(DocumentField::Attachment)
    } else {
        key.clone()
    }
}

/// Reads and checks every attachment; problems become blocking findings.
pub fn load(d: &Dossier, p: &CallProfile, base_dir: &Path) -> (Attachments, Vec<Finding>) {
    let mut attachments = Attachments::default();
    let mut findings = Vec::new();
    for (key, section, label, stored) in declared(d, p) {
        let path = resolve(base_dir, &stored);
        let field = attachment_field(&key, section);
        match read(&path) {
            Ok(content) => attachments.items.push(Attachment {
                key: key.to_string(),
                path,
                content,
            }),
            Err(why) => findings.push(Finding::blocking(
                section,
                field,
                format!("« {label} » : le fichier joint « {stored} » {why}"),
            )),
        }
    }
    (attachments, findings)
}

/// Only whether each file exists: cheap enough for every edit in the wizard.
pub fn quick_check(d: &Dossier, p: &CallProfile, base_dir: &Path) -> Vec<Finding> {
    declared(d, p)
        .into_iter()
        .filter(|(_, _, _, stored)| !resolve(base_dir, stored).is_file())
        .map(|(key, section, label, stored)| {
            let field = attachment_field(&key, section);
            Finding::blocking(
                section,
                field,
                format!("« {label} » : le fichier joint « {stored} » est introuvable"),
            )
        })
        .collect()
}

/// A scan is a few megabytes; anything past this is not one.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why an attachment cannot go into the package; shown after « le fichier
/// joint « … » ».
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    #[error("est introuvable")]
    Missing,
    #[error("n'est pas un fichier ordinaire")]
    NotAFile,
    #[error("est trop volumineux ({0} Mo, au plus 64)")]
    TooLarge(u64),
    #[error("ne peut pas être lu ({0})")]
    Unreadable(String),
    #[error("n'est ni un PDF, ni une image JPEG ou PNG")]
    UnknownFormat,
    #[error("est un PDF illisible ({})", pdf_reason(.0))]
    BadPdf(#[source] lopdf::Error),
    #[error("est un PDF protégé (chiffré) : enregistrez-en une copie non protégée")]
    EncryptedPdf,
    #[error("est un PDF sans page")]
    EmptyPdf,
    #[error("est une image JPEG abîmée")]
    BadJpeg,
    #[error("est une image JPEG d'un format non pris en charge")]
    UnsupportedJpeg,
    #[error("est une image PNG illisible ({})", png_reason(.0))]
    BadPng(#[source] png::DecodingError),
    #[error("est une image PNG trop grande")]
    PngTooLarge,
    #[error("est une image PNG à palette non prise en charge")]
    IndexedPng,
}

/// What is wrong with a PDF, in French (lopdf's own words are English; they
/// stay the error's source, for maintainers).
fn pdf_reason(e: &lopdf::Error) -> String {
    use lopdf::Error as E;
    let text = match e {
        E::IO(io) => return crate::store::french_io(io),
        E::Decryption(_)
        | E::InvalidPassword
        | E::AlreadyEncrypted
        | E::UnsupportedSecurityHandler(_) => {
            "protection ou chiffrement non pris en charge : enregistrez-en une copie non protégée"
        }
        E::Decompress(_) => "contenu compressé abîmé",
        E::ReferenceCycle(_) | E::ReferenceLimit | E::RecursionLimit => {
            "structure en boucle ou trop profonde"
        }
        E::Unimplemented(_) => "fonction du format PDF non prise en charge",
        E::Parse(_)
        | E::Xref(_)
        | E::IndirectObject { .. }
        | E::InvalidOffset(_)
        | E::MissingXrefEntry
        | E::ObjectNotFound(_)
        | E::ObjectIdMismatch => "structure du fichier abîmée ou fichier incomplet",
        _ => "contenu abîmé ou non conforme au format PDF",
    };
    text.to_string()
}

/// What is wrong with a PNG, in French.
fn png_reason(e: &png::DecodingError) -> String {
    match e {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "fichier incomplet".to_string()
        }
        png::DecodingError::IoError(io) => crate::store::french_io(io),
        png::DecodingError::Format(_) => "contenu abîmé ou non conforme au format PNG".to_string(),
        png::DecodingError::LimitsExceeded => "image trop grande".to_string(),
        png::DecodingError::Parameter(_) => "lecture interrompue".to_string(),
    }
}

fn read(path: &Path) -> Result<Content, AttachError> {
    use crate::store::StoreError;
    let bytes = crate::store::read_bytes(path, MAX_BYTES).map_err(|e| match e {
        StoreError::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            AttachError::Missing
        }
        StoreError::Read { source, .. } if source.kind() == std::io::ErrorKind::IsADirectory => {
            AttachError::NotAFile
        }
        StoreError::NotRegular { .. } => AttachError::NotAFile,
        StoreError::TooLarge { size, .. } => AttachError::TooLarge(size / 1_048_576),
        StoreError::Read { source, .. } => {
            AttachError::Unreadable(crate::store::french_io(&source))
        }
        other => AttachError::Unreadable(other.to_string()),
    })?;
    if bytes.starts_with(b"%PDF") {
        read_pdf(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        read_jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG") {
        read_png(&bytes)
    } else {
        Err(AttachError::UnknownFormat)
    }
}

fn read_pdf(bytes: Vec<u8>) -> Result<Content, AttachError> {
    let doc = lopdf::Document::load_mem(&bytes).map_err(AttachError::BadPdf)?;
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(AttachError::EncryptedPdf);
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(AttachError::EmptyPdf);
    }
    Ok(Content::Pdf { bytes, pages })
}

/// Width, height and components from the JPEG's start-of-frame marker.
fn read_jpeg(bytes: Vec<u8>) -> Result<Content, AttachError> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return Err(AttachError::BadJpeg);
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            let height = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let width = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            let components = bytes[i + 9];
            if width == 0 || height == 0 || !matches!(components, 1 | 3 | 4) {
                return Err(AttachError::UnsupportedJpeg);
            }
            return Ok(Content::Jpeg {
                bytes,
                width,
                height,
                components,
            });
        }
        i += 2 + len;
    }
    Err(AttachError::BadJpeg)
}

fn read_png(bytes: &[u8]) -> Result<Content, AttachError> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(AttachError::BadPng)?;
    let size = reader
        .output_buffer_size()
        .ok_or(AttachError::PngTooLarge)?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(AttachError::BadPng)?;
    let pixels = &buf[..info.buffer_size()];
    let flatten =
        |v: u8, a: u8| ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
    let rgb: Vec<u8> = match info.color_type {
        png::ColorType::Rgb => pixels.to_vec(),
        png::ColorType::Rgba => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                [
                    flatten(p[0], p[3]),
                    flatten(p[1], p[3]),
                    flatten(p[2], p[3]),
                ]
            })
            .collect(),
        png::ColorType::Grayscale => pixels.iter().flat_map(|g| [*g, *g, *g]).collect(),
        png::ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| {
                let v = flatten(p[0], p[1]);
                [v, v, v]
            })
            .collect(),
        png::ColorType::Indexed => {
            return Err(AttachError::IndexedPng);
        }
    };
    Ok(Content::Png {
        rgb,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_size_comes_from_the_frame_header() {
        // SOI, an APP0 segment to skip, then SOF0: 8 bits, 2 × 3 pixels, 3 components.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03]);
        jpeg.extend([0; 12]);
        match read_jpeg(jpeg) {
            Ok(Content::Jpeg {
                width,
                height,
                components,
                ..
            }) => assert_eq!((width, height, components), (3, 2, 3)),
            other => panic!("{other:?}"),
        }
        assert!(read_jpeg(vec![0xFF, 0xD8, 0x00, 0x00]).is_err());
    }

    #[test]
    fn unknown_files_and_missing_ones_say_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("note.txt"), "texte").expect("write");
        assert_eq!(
            read(&dir.path().join("note.txt"))
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("n'est ni un PDF, ni une image JPEG ou PNG")
        );
        assert_eq!(
            read(&dir.path().join("absent.pdf"))
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some("est introuvable")
        );
        assert_eq!(
            resolve(Path::new("/d"), "scans/a.pdf"),
            PathBuf::from("/d/scans/a.pdf")
        );
        assert_eq!(
            relative_to(Path::new("/d"), Path::new("/d/scans/a.pdf")),
            "scans/a.pdf"
        );
    }
}
