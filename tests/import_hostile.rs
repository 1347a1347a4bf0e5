//! Crafted spreadsheets: each must give a French error or a bounded result,
//! never an abort, a hang or an allocation taken from a number in the file.

use std::io::Write;

use cluster_dossier::import;

/// An ODS whose content.xml holds `table` inside the first table.
fn ods(dir: &std::path::Path, table: &str) -> std::path::PathBuf {
    let path = dir.join("classeur.ods");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", opts).expect("entry");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("content.xml", opts).expect("entry");
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Membres">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .expect("write");
    zip.finish().expect("zip");
    path
}

fn cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

#[test]
fn an_ods_is_streamed_with_repeats_bounded() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Empty rows and columns repeated by the million cost nothing.
    let table = format!(
        r#"<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="1"/>{}<table:table-cell office:value-type="float" office:value="1561191000066"><text:p>1,56E+12</text:p></table:table-cell></table:table-row>"#,
        cell("Raison sociale"),
        cell("ICE"),
        r#"<table:table-cell office:value-type="string"><text:p>Atlas<text:s text:c="2"/>&amp; Fils</text:p><text:p>Fès</text:p></table:table-cell>"#,
    );
    let path = ods(dir.path(), &table);
    let sheet = import::read_sheet(&path).expect("readable");
    assert_eq!(sheet.headers, ["Raison sociale", "ICE"]);
    assert_eq!(
        sheet.rows,
        [(
            1_000_002,
            vec![
                String::new(),
                "Atlas  & Fils\nFès".to_string(),
                "1561191000066".to_string()
            ]
        )]
    );

    // A non-empty row repeated a million times stops at the row limit.
    let table = format!(
        r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="1000000">{}</table:table-row>"#,
        cell("Raison sociale"),
        cell("Atlas")
    );
    let msg = import::read_sheet(&ods(dir.path(), &table))
        .expect_err("too many rows")
        .to_string();
    let rows = import::Limits::default().rows;
    assert!(msg.contains(&format!("{rows} lignes")), "{msg}");

    // A non-empty cell repeated past the columns is a far cell.
    let table = format!(
        r#"<table:table-row>{}<table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        cell("Raison sociale")
    );
    let msg = import::read_sheet(&ods(dir.path(), &table))
        .expect_err("far cell")
        .to_string();
    assert!(msg.contains("GS1") && msg.contains("200 colonnes"), "{msg}");

    // Past an empty gap, a far cell is still seen (and refused).
    let table = format!(
        r#"<table:table-row>{}<table:table-cell table:number-columns-repeated="500"/>{}</table:table-row>"#,
        cell("Raison sociale"),
        cell("note")
    );
    let msg = import::read_sheet(&ods(dir.path(), &table))
        .expect_err("far cell after a gap")
        .to_string();
    assert!(msg.contains("SH1"), "{msg}");

    // Four billion spaces are not reserved: the row is reported, with its
    // cell and the start of its text, and not read.
    let table = format!(
        r#"<table:table-row>{}</table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#,
        cell("Raison sociale")
    );
    let sheet = import::read_sheet(&ods(dir.path(), &table)).expect("the header is read");
    assert!(sheet.rows.is_empty());
    assert_eq!(sheet.bad_rows.len(), 1);
    assert_eq!(sheet.bad_rows[0].line, 2);
    let reason = &sheet.bad_rows[0].reason;
    assert!(
        reason.contains("la cellule A2 contient 4\u{a0}000\u{a0}000\u{a0}001 caractères"),
        "{reason}"
    );
}

// ----------------------------------------------------------------- XLS

#[path = "fuzz_support/xls.rs"]
mod xls;
use xls::{compound, workbook};

fn read_xls(bytes: &[u8]) -> Result<import::Sheet, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ancien.xls");
    std::fs::write(&path, bytes).expect("write");
    import::read_sheet(&path).map_err(|e| e.to_string())
}

#[test]
fn a_plain_xls_is_read() {
    let cells = [
        (0, 0, "Raison sociale"),
        (0, 1, "Ville"),
        (1, 0, "Atlas"),
        (1, 1, "Fes"),
    ];
    let sheet = read_xls(&compound(&workbook([0, 2, 0, 2], &cells), &[])).expect("readable");
    assert_eq!(sheet.headers, ["Raison sociale", "Ville"]);
    assert_eq!(
        sheet.rows,
        [(2, vec!["Atlas".to_string(), "Fes".to_string()])]
    );
}

#[test]
fn crafted_xls_files_are_refused_not_aborted() {
    // Two cells at opposite corners of the sheet: calamine would fill the
    // 16 million cells between them.
    let cells = [(0, 0, "Raison sociale"), (65_535, 255, "x")];
    let e = read_xls(&compound(&workbook([0, 2, 0, 1], &cells), &[])).expect_err("span");
    assert!(e.contains("cellules"), "{e}");
    // A DIMENSIONS record declaring four billion rows.
    let cells = [(0, 0, "Raison sociale")];
    let e = read_xls(&compound(&workbook([0, u32::MAX, 0, 200], &cells), &[])).expect_err("dims");
    assert!(e.contains("cellules"), "{e}");
    // First row after last row: calamine's subtraction wraps.
    let e = read_xls(&compound(&workbook([5, 2, 0, 1], &cells), &[])).expect_err("wrap");
    assert!(e.contains("cellules"), "{e}");
    // The directory chain loops onto itself: calamine would read forever.
    let ok = workbook([0, 1, 0, 1], &cells);
    let e = read_xls(&compound(&ok, &[(1, 1)])).expect_err("loop");
    assert!(e.contains("boucle"), "{e}");
    // The stream's chain points past the file.
    let e = read_xls(&compound(&ok, &[(2, 4000)])).expect_err("outside");
    assert!(e.contains("endommagé"), "{e}");
    // A truncated file.
    let bytes = compound(&ok, &[]);
    let e = read_xls(&bytes[..700]).expect_err("truncated");
    assert!(e.contains("endommagé"), "{e}");
}

#[test]
fn too_many_rows_or_columns_are_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.csv");
    let mut text = String::from("Nom\n");
    let rows = import::Limits::default().rows;
    for i in 0..=rows {
        text.push_str(&format!("M{i}\n"));
    }
    std::fs::write(&path, text).expect("write");
    let msg = import::read_sheet(&path).expect_err("too many").to_string();
    assert!(msg.contains(&format!("plus de {rows} lignes")), "{msg}");
    let header: Vec<String> = (0..201).map(|i| format!("C{i}")).collect();
    std::fs::write(&path, header.join(";")).expect("write");
    let msg = import::read_sheet(&path).expect_err("too wide").to_string();
    assert!(msg.contains("plus de 200 colonnes"), "{msg}");
}

#[test]
fn a_fifo_or_a_directory_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let msg = import::read_sheet(dir.path())
        .expect_err("a directory")
        .to_string();
    assert!(msg.contains("Impossible de lire"), "{msg}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("tube.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let msg = import::read_sheet(&fifo).expect_err("a fifo").to_string();
            assert!(msg.contains("pas un fichier ordinaire"), "{msg}");
        }
    }
}

/// Found by .ci/fuzz: a damaged content.xml on which the XML reader
/// returned events without moving on (the import looped for ever). It now
/// ends at once with a French message.
#[test]
fn an_ods_the_reader_cannot_move_through_ends_with_a_message() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/regressions/ods-lecteur-immobile.ods");
    let started = std::time::Instant::now();
    let err = import::read_sheet(&path).expect_err("unreadable");
    assert!(err.to_string().contains("ODS illisible"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}
