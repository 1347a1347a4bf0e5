//! No English fragment and no internal field name reaches the user: every
//! class of error the dossier and profile loaders, the system, the scanned
//! attachments and the workbook export can give is provoked here, over the
//! whole list of field names and error kinds, and each message is read for
//! English words and for the file's field names outside quotations.
//!
//! A quotation « … » is the file's own text (what was met, what to write
//! instead) or a name the user chose: it is left out of the word checks.

mod common;

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

use cluster_dossier::attach;
use cluster_dossier::model::call::PROFILE_2026_RON;
use cluster_dossier::model::dossier::{
    Action, BoardMember, CollaborativeProject, CooperationProject, CustomKpi, Dossier, FeeCategory,
    MajorPartner, OtherDocument, Partnership, PieceStatus, PreparationStep, SupportService,
};
use cluster_dossier::model::field::*;
use cluster_dossier::service::{self, profiles};
use cluster_dossier::store::{self, StoreError};
use rust_decimal::Decimal;

/// Words of English that our French never uses (« type », « point »,
/// « option », « format », « image » are French too and are not listed).
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "an",
    "is",
    "was",
    "at",
    "in",
    "with",
    "for",
    "and",
    "to",
    "from",
    "could",
    "couldn",
    "cannot",
    "does",
    "has",
    "have",
    "been",
    "this",
    "that",
    "which",
    "into",
    "too",
    "expected",
    "found",
    "invalid",
    "unknown",
    "missing",
    "duplicate",
    "failed",
    "denied",
    "error",
    "os",
    "value",
    "field",
    "variant",
    "identifier",
    "string",
    "integer",
    "unsigned",
    "signed",
    "floating",
    "boolean",
    "character",
    "characters",
    "sequence",
    "struct",
    "enum",
    "decimal",
    "representing",
    "number",
    "length",
    "unit",
    "trailing",
    "unexpected",
    "end",
    "file",
    "directory",
    "such",
    "space",
    "left",
    "device",
    "byte",
    "bytes",
    "stream",
    "object",
    "parse",
    "parsing",
    "decode",
    "decoding",
    "read",
    "write",
    "large",
    "limit",
    "exceeded",
    "range",
    "out",
    "bounds",
    "overflow",
    "not",
    "no",
    "or",
    "fixed",
    "borrowed",
    "sequence",
    "map",
    "dictionary",
    "array",
    "tuple",
    "size",
    "eof",
    "utf",
    "crc",
    "chunk",
    "header",
];

/// The message with its quotations « … » taken out.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Panics with the offending words when a message is not French enough.
fn assert_french(what: &str, message: &str, raw: &BTreeSet<String>) {
    let outside = unquoted(message);
    let english: Vec<String> = words(&outside)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect();
    let identifiers: Vec<String> = words(&outside).filter(|w| raw.contains(w)).collect();
    assert!(
        english.is_empty() && identifiers.is_empty() && !message.contains("os error"),
        "{what}\n  message: {message}\n  English: {english:?}\n  field names: {identifiers:?}"
    );
}

/// Every field name written in RON text (identifiers before « : »), with
/// the byte offset of each occurrence; texts and comments skipped.
fn ron_keys(text: &str) -> Vec<(String, usize)> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b':') {
                    keys.push((text[start..i].to_string(), start));
                }
            }
            _ => i += 1,
        }
    }
    keys
}

/// The end of the RON value starting at `start` (a text, a bracketed
/// value, `Name(…)`, or a bare token).
fn value_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut depth = 0i32;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return i,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    // `Some(…)` or `( … )` ends here unless more follows.
                    let next = bytes.get(i + 1).copied();
                    if !matches!(next, Some(b'(' | b'[')) {
                        return i + 1;
                    }
                }
            }
            b',' | b'\n' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Values of every other type, to put where a field's value is.
const WRONG_VALUES: &[&str] = &[
    "\"texte\"",
    "12",
    "-3",
    "1.5",
    "99999999999999999999999",
    "true",
    "[1, 2]",
    "(x: 1)",
    "()",
    "Some(Some(1))",
    "'c'",
    "{\"a\": 1}",
    "Inconnu",
    "Inconnu(1)",
    "b\"octets\"",
];

/// The example dossier with one row in every list and every optional
/// value set, so that every struct and field of the format is written.
fn every_field_dossier() -> Dossier {
    let mut d = common::example();
    d.members.truncate(1);
    d.partners.truncate(1);
    if d.partners.is_empty() {
        d.partners.push(MajorPartner::default());
    }
    d.governance.board.truncate(1);
    if d.governance.board.is_empty() {
        d.governance.board.push(BoardMember::default());
    }
    d.governance.fee_categories.truncate(1);
    if d.governance.fee_categories.is_empty() {
        d.governance.fee_categories.push(FeeCategory::default());
    }
    d.governance.fee_categories[0].annual_amount = Some(Decimal::from(1200));
    let c = &mut d.cooperation;
    c.cooperation_projects.truncate(1);
    if c.cooperation_projects.is_empty() {
        c.cooperation_projects.push(CooperationProject::default());
    }
    c.collaborative_projects.truncate(1);
    if c.collaborative_projects.is_empty() {
        c.collaborative_projects
            .push(CollaborativeProject::default());
    }
    c.partnerships.truncate(1);
    if c.partnerships.is_empty() {
        c.partnerships.push(Partnership::default());
    }
    d.startups.preparation.truncate(1);
    if d.startups.preparation.is_empty() {
        d.startups.preparation.push(PreparationStep::default());
    }
    d.startups.post_creation.truncate(1);
    if d.startups.post_creation.is_empty() {
        d.startups.post_creation.push(SupportService::default());
    }
    d.plan.actions.truncate(1);
    if d.plan.actions.is_empty() {
        d.plan.actions.push(Action::default());
    }
    d.indicators.custom.truncate(1);
    if d.indicators.custom.is_empty() {
        d.indicators.custom.push(CustomKpi::default());
    }
    d.budget.truncate(2);
    d.indicators.standard.truncate(1);
    d.criteria.truncate(1);
    d.administrative.truncate(1);
    d.administrative[0].status = PieceStatus::Attached("scans/statuts.pdf".into());
    d.declaration.other_documents.truncate(1);
    if d.declaration.other_documents.is_empty() {
        d.declaration.other_documents.push(OtherDocument::default());
    }
    d.declaration.other_documents[0].attachment = Some("lettre.pdf".into());
    d.print.copies = Some(3);
    d.call_profile = Some("appel.ron".into());
    d.invalid_entries
        .insert("members[0].joined".into(), "31/02/2025".into());
    d
}

/// Keys of the dossier file that are not a word of any French label: the
/// file's names that must never be shown outside a quotation.
fn raw_identifiers(dossier_text: &str) -> BTreeSet<String> {
    fn labels<F: FieldLabel + 'static>(all: &'static [F]) -> Vec<&'static str> {
        all.iter().map(|f| f.label()).collect()
    }
    let all_labels = [
        labels(Part::ALL),
        labels(IdentityField::ALL),
        labels(PersonField::ALL),
        labels(MemberField::ALL),
        labels(PartnerField::ALL),
        labels(GovernanceField::ALL),
        labels(BoardField::ALL),
        labels(FeeField::ALL),
        labels(StrategyField::ALL),
        labels(CooperationField::ALL),
        labels(ProjectField::ALL),
        labels(PartnershipField::ALL),
        labels(StartupsField::ALL),
        labels(StepField::ALL),
        labels(PlanField::ALL),
        labels(ActionField::ALL),
        labels(BudgetField::ALL),
        labels(IndicatorsField::ALL),
        labels(CustomKpiField::ALL),
        labels(AdminField::ALL),
        labels(DeclarationField::ALL),
        labels(DocumentField::ALL),
    ]
    .concat();
    let french: BTreeSet<String> = all_labels.iter().flat_map(|l| words(l)).collect();
    ron_keys(dossier_text)
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !french.contains(k))
        .collect()
}

fn dossier_message(text: &str) -> Option<String> {
    store::parse(text, Path::new("dossier.ron"))
        .err()
        .map(|e| service::describe_error(&e))
}

#[test]
fn every_wrong_value_and_misspelt_field_of_a_dossier_reads_in_french() {
    let d = every_field_dossier();
    let text = store::to_ron(&d, Path::new("dossier.ron")).expect("serialised");
    let raw = raw_identifiers(&text);
    for key in [
        "joined",
        "name",
        "tax_id",
        "format_version",
        "invalid_entries",
        "amounts",
    ] {
        assert!(raw.contains(key), "{key} not in {raw:?}");
    }
    // The dossier written has every field of the format: each name the
    // wizard's paths use appears in it.
    fn keys<F: FieldName + 'static>(all: &'static [F]) -> Vec<&'static str> {
        all.iter().map(|f| f.key()).collect()
    }
    let written: BTreeSet<String> = ron_keys(&text).into_iter().map(|(k, _)| k).collect();
    for key in [
        keys(IdentityField::ALL),
        keys(PersonField::ALL),
        keys(MemberField::ALL),
        keys(PartnerField::ALL),
        keys(BoardField::ALL),
        keys(FeeField::ALL),
        keys(StrategyField::ALL),
        keys(PartnershipField::ALL),
        keys(StepField::ALL),
        keys(ActionField::ALL),
        keys(CustomKpiField::ALL),
        keys(AdminField::ALL),
        keys(DeclarationField::ALL),
        keys(DocumentField::ALL),
    ]
    .concat()
    {
        assert!(written.contains(key), "{key} is not written");
    }

    let occurrences = ron_keys(&text);
    let mut messages = 0;
    let mut kinds = BTreeSet::new();
    for (key, offset) in &occurrences {
        let colon = offset + key.len() + 1;
        let start = colon + text[colon..].len() - text[colon..].trim_start().len();
        let end = value_end(&text, start);
        // Each wrong value as it is, and inside `Some(…)` for the optional
        // fields (a date, an amount, a count).
        let wrapped = WRONG_VALUES.iter().map(|w| format!("Some({w})"));
        for wrong in WRONG_VALUES.iter().map(|w| w.to_string()).chain(wrapped) {
            let bad = format!("{}{wrong}{}", &text[..start], &text[end..]);
            if let Some(message) = dossier_message(&bad) {
                assert_french(&format!("{key} = {wrong}"), &message, &raw);
                kinds.insert(message.split(" : ").last().map(str::to_string));
                messages += 1;
            }
        }
        // The field misspelt: refused, with the right name and its French name.
        let typo = format!("{key}x");
        let bad = format!("{}{typo}{}", &text[..*offset], &text[offset + key.len()..]);
        let message = dossier_message(&bad).expect("a misspelt field is refused");
        assert_french(&typo, &message, &raw);
        assert!(
            message.contains(&format!("vouliez-vous dire « {key} » (")),
            "{message}"
        );
        messages += 1;
    }
    // Truncated and damaged files: every way the text can stop or break.
    let step = (text.len() / 300).max(1);
    for cut in (0..text.len()).step_by(step) {
        if !text.is_char_boundary(cut) {
            continue;
        }
        for damage in ["", "@", "\"", ")", "//", "/*", "r#\"", "\\", "é"] {
            let bad = format!("{}{damage}", &text[..cut]);
            if let Some(message) = dossier_message(&bad) {
                assert_french(&format!("cut at {cut} + {damage:?}"), &message, &raw);
                messages += 1;
            }
        }
    }
    eprintln!(
        "dossier: {} field occurrences, {messages} messages, {} kinds",
        occurrences.len(),
        kinds.len()
    );
    assert!(messages > occurrences.len() * 5, "{messages} messages");
    assert!(kinds.len() > 15, "{} kinds: {kinds:#?}", kinds.len());
}

#[test]
fn every_wrong_value_and_invalid_content_of_a_profile_reads_in_french() {
    let text = PROFILE_2026_RON;
    // A profile quotes its own field names: only English is looked for.
    let none = BTreeSet::new();
    let path = Path::new("appel.ron");
    let message = |t: &str| profiles::parse(t, path).err().map(|e| e.to_string());
    let mut messages = 0;
    for (key, offset) in ron_keys(text) {
        let colon = offset + key.len() + 1;
        let start = colon + text[colon..].len() - text[colon..].trim_start().len();
        let end = value_end(text, start);
        for wrong in WRONG_VALUES
            .iter()
            .chain(&["\"\"", "0", "-1", "\"0\"", "\"1000\"", "Charge"])
        {
            let bad = format!("{}{wrong}{}", &text[..start], &text[end..]);
            if let Some(m) = message(&bad) {
                assert_french(&format!("{key} = {wrong}"), &m, &none);
                messages += 1;
            }
        }
        let bad = format!("{}{key}x{}", &text[..offset], &text[offset + key.len()..]);
        assert_french(&key, &message(&bad).expect("refused"), &none);
        // The field removed (with its value).
        let bad = format!("{}{}", &text[..offset], &text[value_end(text, start)..]);
        if let Some(m) = message(&bad) {
            assert_french(&format!("no {key}"), &m, &none);
        }
    }
    // Every row of a role removed, every id doubled: the content rules.
    for line in text.lines().filter(|l| l.contains("(id: ")) {
        let without = text.replacen(&format!("{line}\n"), "", 1);
        if let Some(m) = message(&without) {
            assert_french(line, &m, &none);
            messages += 1;
        }
        let doubled = text.replacen(line, &format!("{line}\n{line}"), 1);
        let m = message(&doubled).expect("a doubled id is refused");
        assert_french(line, &m, &none);
    }
    eprintln!("profile: {messages} messages");
    assert!(messages > 200, "{messages}");
}

/// Every kind of I/O error the standard library names.
fn io_kinds() -> Vec<io::ErrorKind> {
    use io::ErrorKind as K;
    vec![
        K::NotFound,
        K::PermissionDenied,
        K::ConnectionRefused,
        K::ConnectionReset,
        K::HostUnreachable,
        K::NetworkUnreachable,
        K::ConnectionAborted,
        K::NotConnected,
        K::AddrInUse,
        K::AddrNotAvailable,
        K::NetworkDown,
        K::BrokenPipe,
        K::AlreadyExists,
        K::WouldBlock,
        K::NotADirectory,
        K::IsADirectory,
        K::DirectoryNotEmpty,
        K::ReadOnlyFilesystem,
        K::StaleNetworkFileHandle,
        K::InvalidInput,
        K::InvalidData,
        K::TimedOut,
        K::WriteZero,
        K::StorageFull,
        K::NotSeekable,
        K::QuotaExceeded,
        K::FileTooLarge,
        K::ResourceBusy,
        K::ExecutableFileBusy,
        K::Deadlock,
        K::CrossesDevices,
        K::TooManyLinks,
        K::InvalidFilename,
        K::ArgumentListTooLong,
        K::Interrupted,
        K::Unsupported,
        K::UnexpectedEof,
        K::OutOfMemory,
        K::Other,
    ]
}

/// I/O errors as the system and the libraries make them: every kind, with
/// an English text, and every raw code of the system.
fn io_errors() -> Vec<io::Error> {
    let mut all: Vec<io::Error> = io_kinds()
        .into_iter()
        .flat_map(|k| {
            [
                io::Error::from(k),
                io::Error::new(k, "Something failed in English"),
            ]
        })
        .collect();
    all.extend((0..=200).map(io::Error::from_raw_os_error));
    all
}

#[test]
fn every_system_error_reads_in_french() {
    let none = BTreeSet::new();
    let path = Path::new("/dossiers/été/dossier.ron");
    for e in io_errors() {
        let what = format!("{e:?}");
        assert_french(&what, &store::french_io(&e), &none);
        let kind = e.kind();
        let errors = [
            StoreError::Read {
                path: path.into(),
                source: io::Error::new(kind, e.to_string()),
            },
            StoreError::Write {
                path: path.into(),
                source: io::Error::new(kind, e.to_string()),
            },
            StoreError::Backup {
                path: path.into(),
                source: io::Error::new(kind, e.to_string()),
            },
        ];
        for err in errors {
            assert_french(&what, &service::describe_error(&err), &none);
            let job = service::jobs::JobError::Store(err);
            assert_french(&what, &service::describe_error(&job), &none);
        }
        let export = cluster_dossier::export::ExportError::from(
            rust_xlsxwriter::XlsxError::IoError(io::Error::new(kind, e.to_string())),
        );
        assert_french(&what, &service::describe_error(&export), &none);
    }
}

#[test]
fn every_workbook_error_reads_in_french() {
    use rust_xlsxwriter::XlsxError as X;
    let none = BTreeSet::new();
    let s = || "Sheet1 is invalid".to_string();
    let errors = vec![
        X::ParameterError(s()),
        X::RowColumnLimitError,
        X::RowColumnOrderError,
        X::SheetnameCannotBeBlank(s()),
        X::SheetnameLengthExceeded(s()),
        X::SheetnameReused(s()),
        X::SheetnameContainsInvalidCharacter(s()),
        X::SheetnameStartsOrEndsWithApostrophe(s()),
        X::MaxStringLengthExceeded,
        X::UnknownWorksheetNameOrIndex(s()),
        X::MergeRangeSingleCell,
        X::MergeRangeOverlaps(s(), s()),
        X::MaxUrlLengthExceeded,
        X::UnknownUrlType(s()),
        X::UnknownImageType,
        X::ImageDimensionError,
        X::ChartError(s()),
        X::SparklineError(s()),
        X::DateTimeRangeError(s()),
        X::DateTimeParseError(s()),
        X::NameError(s(), s()),
        X::NameReused(s()),
        X::TableRangeOverlaps(s(), s()),
        X::TableError(s()),
        X::AutofilterRangeOverlaps(s(), s()),
        X::ConditionalFormatError(s()),
        X::DataValidationError(s()),
        X::VbaNameError(s()),
        X::MaxGroupLevelExceeded,
        X::DefaultFormatError(s()),
        X::ThemeError(s()),
        X::CustomError(s()),
    ];
    for e in errors {
        let what = format!("{e:?}");
        let export = cluster_dossier::export::ExportError::from(e);
        assert_french(&what, &service::describe_error(&export), &none);
    }
    // And the one a secretary can cause: a text longer than a cell holds.
    let mut d = common::example();
    let p = common::profile();
    for line in &mut d.budget {
        line.detail = "x".repeat(40_000);
    }
    let Err(e) = cluster_dossier::export::tables_xlsx(&d, &p) else {
        panic!("a text longer than a cell holds is refused");
    };
    let message = service::describe_error(&e);
    assert!(message.contains("32 767"), "{message}");
    assert_french("long detail", &message, &none);
}

/// A small valid PDF, PNG and JPEG, to damage.
fn pdf() -> Vec<u8> {
    use lopdf::{Document, Object, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf written");
    out
}

fn png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 4, 4);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    writer.write_image_data(&[200; 48]).expect("png data");
    drop(writer);
    out
}

#[test]
fn every_damaged_attachment_reads_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let none = BTreeSet::new();
    let profile = common::profile();
    let mut d = common::example();
    for piece in &mut d.administrative {
        piece.status = PieceStatus::Attached("scan".into());
    }
    d.declaration.other_documents.clear();
    let scan = dir.path().join("scan");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, good) in [("pdf", pdf()), ("png", png())] {
        // Cut at every length, and each byte changed in turn.
        for cut in 0..good.len() {
            files.push((format!("{name} cut at {cut}"), good[..cut].to_vec()));
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            files.push((format!("{name} byte {at} changed"), bad));
        }
    }
    files.push(("encrypted".into(), {
        let mut p = pdf();
        let text = String::from_utf8_lossy(&p).replace("trailer\n<<", "trailer\n<</Encrypt 1 0 R");
        p = text.into_bytes();
        p
    }));
    for jpeg in [
        vec![0xFF, 0xD8],
        vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 0, 0, 0, 3],
        vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 3, 7, 0, 0, 0, 0],
        vec![
            0xFF, 0xD8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ],
    ] {
        files.push((format!("jpeg {jpeg:?}"), jpeg));
    }
    files.push(("text".into(), b"bonjour".to_vec()));
    let mut reasons = BTreeSet::new();
    for (what, bytes) in &files {
        std::fs::write(&scan, bytes).expect("write");
        let (_, findings) = attach::load(&d, &profile, dir.path());
        for f in findings {
            assert_french(what, &f.message, &none);
            reasons.insert(unquoted(&f.message));
        }
    }
    // A folder, a missing file.
    std::fs::remove_file(&scan).expect("rm");
    let (_, missing) = attach::load(&d, &profile, dir.path());
    std::fs::create_dir(&scan).expect("mkdir");
    let (_, folder) = attach::load(&d, &profile, dir.path());
    for f in missing.iter().chain(&folder) {
        assert_french("missing or folder", &f.message, &none);
        reasons.insert(unquoted(&f.message));
    }
    eprintln!(
        "attachments: {} files, {} distinct messages",
        files.len() + 2,
        reasons.len()
    );
    assert!(reasons.len() >= 8, "{reasons:#?}");
}

#[test]
fn findings_on_typed_entries_name_fields_in_french() {
    // An invalid entry at a path of every field name, through the rules.
    let mut d = common::example();
    let text = store::to_ron(&d, Path::new("d.ron")).expect("ron");
    let raw = raw_identifiers(&text);
    let p = common::profile();
    let mut paths: Vec<FieldPath> = Vec::new();
    paths.extend(
        MemberField::ALL
            .iter()
            .map(|f| FieldPath::member_field(2, *f)),
    );
    paths.extend(IdentityField::ALL.iter().map(|f| FieldPath::identity(*f)));
    paths.extend(
        StrategyField::ALL
            .iter()
            .map(|f| FieldPath::strategy(*f).year(1)),
    );
    paths.extend(FeeField::ALL.iter().map(|f| FieldPath::fee_category(0, *f)));
    paths.extend(BoardField::ALL.iter().map(|f| FieldPath::board(0, *f)));
    paths.extend(
        ActionField::ALL
            .iter()
            .map(|f| FieldPath::action(0, *f).year(2)),
    );
    paths.extend(
        CustomKpiField::ALL
            .iter()
            .map(|f| FieldPath::custom_kpi(0, *f).year(0)),
    );
    paths.extend(
        DeclarationField::ALL
            .iter()
            .map(|f| FieldPath::declaration(*f)),
    );
    paths.extend(
        p.budget_rows
            .iter()
            .map(|r| FieldPath::budget_cell(&r.id, 4)),
    );
    paths.extend(p.kpi_rows.iter().map(|k| FieldPath::kpi(&k.id).year(3)));
    paths.extend(p.admin_pieces.iter().flat_map(|a| {
        AdminField::ALL
            .iter()
            .map(|f| FieldPath::admin_piece(&a.id).field(*f))
    }));
    for path in &paths {
        d.invalid_entries.insert(path.to_string(), "1O 000".into());
    }
    let findings = common::findings(&d, &p);
    let mut seen = 0;
    for f in findings.iter().filter(|f| f.message.contains("« 1O 000 »")) {
        assert_french(f.field.as_str(), &f.message, &raw);
        seen += 1;
    }
    assert_eq!(seen, paths.len());
}
