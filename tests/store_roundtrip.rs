//! Saving and loading dossiers: lossless round trips, the backup of the
//! previous version, files from a newer version left untouched, and syntax
//! errors that tell the user where to look.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cluster_dossier::model::dossier::{FORMAT_VERSION, PieceStatus};
use cluster_dossier::model::{Date, Dossier};
use cluster_dossier::store::{self, StoreError};
use rust_decimal::Decimal;

use common::{example, profile};

/// Sorted names of the files in `dir`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A dossier whose texts hold everything RON must escape or could
/// misread: quotes, backslashes, line breaks, comments, raw-string and
/// bracket look-alikes, control characters, Arabic, emoji, and values that
/// only differ from their neighbours by blank versus zero.
fn tricky_dossier() -> Dossier {
    let mut d = example();
    d.identity.name = "Cluster « Atlas » \"Agro\" \\ l'Oriental".into();
    d.identity.genesis = "Ligne 1\nLigne 2\r\nLigne 3\ttabulée\n\n// pas un commentaire /* non plus */ r#\"brut\"# ) ] } ,".into();
    d.identity.activities = "Contrôle\u{0}nul \u{1b}échappe \u{7f} \u{2028} \u{feff} fin".into();
    d.identity.acronym = "تعاونية 🌾".into();
    d.members[0].name = "  espaces au début et à la fin  ".into();
    d.members[1].ice = String::new();
    // The extremes a file keeps as values (beyond them, see tests/money_props.rs).
    d.strategy.funds_raised = [
        Some(Decimal::new(99_999_999_999_999, 2)),
        None,
        Some(Decimal::ZERO),
        None,
        Some(cluster_dossier::model::limits::MAX_AMOUNT),
    ];
    d.administrative[0].status = PieceStatus::Attached("scans/quitus « 2023 ».pdf".into());
    d.administrative[1].date = Date::new(2024, 2, 29);
    d.print.copies = Some(5);
    d
}

#[test]
fn ron_text_round_trip_is_lossless() {
    let path = Path::new("exemple.ron");
    for original in [
        example(),
        tricky_dossier(),
        cluster_dossier::model::synthetic::dossier(&profile(), 120, 12),
    ] {
        let text = store::to_ron(&original, path).expect("serialises");
        let back = store::parse(&text, path).expect("parses back");
        assert_eq!(back, original);
        // Writing what was read gives the same text: nothing drifts from
        // one save to the next.
        assert_eq!(store::to_ron(&back, path).expect("serialises"), text);
    }
}

#[test]
fn the_bundled_example_text_reads_like_its_own_save() {
    // The bundled file is hand-written; what the store writes for it must
    // read back to the same dossier.
    let d = example();
    let path = Path::new("exemple.ron");
    assert_eq!(
        store::parse(&store::to_ron(&d, path).expect("serialises"), path).expect("parses"),
        d
    );
    assert_eq!(d.format_version, FORMAT_VERSION);
}

#[test]
fn save_then_load_in_a_folder_is_lossless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.ron");
    for original in [example(), tricky_dossier()] {
        store::save(&path, &original).expect("saved");
        assert_eq!(store::load(&path).expect("loads"), original);
    }
    let text = fs::read_to_string(&path).expect("UTF-8 text");
    assert!(
        text.starts_with("// Dossier de candidature"),
        "a header says what the file is"
    );
    assert!(
        text.contains("Cluster « Atlas »"),
        "accents and guillemets are kept as typed"
    );
}

#[test]
fn save_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.ron");
    assert_eq!(
        store::backup_path(&path),
        dir.path().join("dossier.ron.bak")
    );

    let mut a = example();
    a.identity.name = "Version A".into();
    let mut b = example();
    b.identity.name = "Version B".into();
    let mut c = example();
    c.identity.name = "Version C".into();

    store::save(&path, &a).expect("first save");
    // Nothing to back up on the first save, and no temporary file left.
    assert_eq!(listing(dir.path()), ["dossier.ron"]);

    store::save(&path, &b).expect("second save");
    assert_eq!(store::load(&path).expect("loads"), b);
    assert_eq!(
        store::load(&store::backup_path(&path)).expect("backup loads"),
        a
    );

    store::save(&path, &c).expect("third save");
    assert_eq!(store::load(&path).expect("loads"), c);
    assert_eq!(
        store::load(&store::backup_path(&path)).expect("backup loads"),
        b
    );
    assert_eq!(listing(dir.path()), ["dossier.ron", "dossier.ron.bak"]);
}

/// Writes `text` to `path` and dates it in the past, so a later write
/// would show in the modification time even on coarse clocks.
fn write_dated(path: &Path, text: &str) -> SystemTime {
    fs::write(path, text).expect("written");
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .expect("mtime set");
    when
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("futur.ron");
    let text = cluster_dossier::EXAMPLE_DOSSIER_RON.replacen(
        "format_version: 1,",
        "format_version: 99,",
        1,
    );
    assert_ne!(
        text,
        cluster_dossier::EXAMPLE_DOSSIER_RON,
        "the version was changed"
    );
    let when = write_dated(&path, &text);

    let err = store::load(&path).expect_err("a newer format is refused");
    match &err {
        StoreError::NewerVersion {
            path: p,
            found,
            supported,
        } => {
            assert_eq!(p, &path);
            assert_eq!(*found, 99);
            assert_eq!(*supported, FORMAT_VERSION);
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("format 99"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");

    // Same bytes, same date, no backup or temporary file beside it.
    assert_eq!(fs::read_to_string(&path).expect("readable"), text);
    assert_eq!(mtime(&path), when);
    assert_eq!(listing(dir.path()), ["futur.ron"]);

    // Also through `parse`, which never sees a file.
    assert!(matches!(
        store::parse(&text, &path),
        Err(StoreError::NewerVersion { found: 99, .. })
    ));
}

/// The example with `@` inserted before the value of `edition`, and where
/// that is (1-based line and column).
fn example_with_stray_character() -> (String, usize, usize) {
    let lines: Vec<&str> = cluster_dossier::EXAMPLE_DOSSIER_RON.lines().collect();
    let index = lines
        .iter()
        .position(|l| l.trim_start().starts_with("edition:"))
        .expect("the example names its edition");
    let column = lines[index].find('"').expect("a quoted edition") + 1;
    let mut broken: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    broken[index].insert(column - 1, '@');
    (broken.join("\n"), index + 1, column)
}

#[test]
fn a_syntax_error_names_the_file_the_line_and_the_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path: PathBuf = dir.path().join("abîmé.ron");
    let (text, line, column) = example_with_stray_character();
    assert!(
        line > 1 && column > 1,
        "a position that could not be right by accident"
    );
    write_dated(&path, &text);

    let err = store::load(&path).expect_err("the stray character is refused");
    match &err {
        StoreError::Syntax {
            path: p,
            line: l,
            column: c,
            ..
        } => {
            assert_eq!(p, &path);
            assert_eq!((*l, *c), (line, column));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(&format!("ligne {line}")), "{message}");
    assert!(message.contains(&format!("colonne {column}")), "{message}");
    // A failed load writes nothing either.
    assert_eq!(fs::read_to_string(&path).expect("readable"), text);
    assert_eq!(listing(dir.path()), ["abîmé.ron"]);
}

#[test]
fn a_culprit_at_the_start_of_a_line_is_reported_on_that_line() {
    // RON's own span starts on the previous line (where its cursor stood
    // before the blanks); the message must name the culprit's line.
    let text = cluster_dossier::EXAMPLE_DOSSIER_RON.replacen(
        "    members: [\n        (",
        "    members: [\n        @(",
        1,
    );
    assert_ne!(text, cluster_dossier::EXAMPLE_DOSSIER_RON);
    let line = 1 + text
        .lines()
        .position(|l| l == "        @(")
        .expect("the culprit's line");
    match store::parse(&text, Path::new("x.ron")) {
        Err(StoreError::Syntax {
            line: l, column, ..
        }) => assert_eq!((l, column), (line, 9)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_truncated_file_also_says_where() {
    let text = cluster_dossier::EXAMPLE_DOSSIER_RON;
    let cut = &text[..text.len() / 2];
    let last_line = cut.lines().count();
    let err = store::parse(cut, Path::new("tronqué.ron")).expect_err("half a dossier");
    let message = err.to_string();
    assert!(
        message.contains("tronqué.ron") && message.contains("ligne") && message.contains("colonne"),
        "{message}"
    );
    match err {
        StoreError::Syntax { line, .. } => assert!(
            line >= last_line - 1 && line <= last_line,
            "{line} vs {last_line}"
        ),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    // Windows editors add one; it must not make the file unreadable.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.ron");
    fs::write(
        &path,
        format!("\u{feff}{}", cluster_dossier::EXAMPLE_DOSSIER_RON),
    )
    .expect("written");
    assert_eq!(store::load(&path).expect("loads"), example());
}
