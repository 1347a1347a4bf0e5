//! Issue 16, item 2: a file's claims about itself are claims, not budgets.
//! One small crafted file per claim (counts, sizes, repeats, lengths,
//! nesting), each read through the real program: it must end with exit 0
//! or 2, a French message naming the place, the start of an over-long cell
//! and never all of it, and a peak memory under 256 MB (GNU time).

mod fuzz_support;

use std::path::Path;

use cluster_dossier::import;
use fuzz_support::seeds::xlsx_handmade;
use fuzz_support::xls::{compound, record};
use fuzz_support::{MAX_RSS_KB, Run, Target, run, run_input};

fn empty_dossier(dir: &Path) -> Vec<u8> {
    let path = dir.join("vide.ron");
    let r = run(&["new".as_ref(), path.as_os_str()], dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read(&path).expect("dossier")
}

/// Runs `bytes` as `target` and checks how it ended: `code`, a message
/// holding every one of `words`, memory within the bound.
fn ends(target: Target, bytes: &[u8], code: i32, words: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = empty_dossier(dir.path());
    let r = run_input(target, bytes, dir.path(), &dossier);
    let said = format!("{}{}", r.stdout, r.stderr);
    assert_eq!(r.code, code, "{said}");
    assert_eq!(r.problem(), None, "{said}");
    for w in words {
        assert!(said.contains(w), "« {w} » absent de : {said}");
    }
    assert!(r.rss_kb < MAX_RSS_KB, "{} kB", r.rss_kb);
    assert!(said.len() < 8_000, "{} octets de sortie", said.len());
    r
}

fn read(name: &str, bytes: &[u8]) -> Result<import::Sheet, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    import::read_sheet(&path).map_err(|e| e.to_string())
}

#[test]
fn an_xlsx_declaring_four_billion_shared_strings_is_read() {
    let bytes = xlsx_handmade("4294967295", "4294967295", "A1:XFD1048576", "", 0);
    assert!(bytes.len() < 4_000, "{}", bytes.len());
    let sheet = read("m.xlsx", &bytes).expect("read");
    assert_eq!(sheet.headers[0], "Raison sociale");
    assert_eq!(sheet.rows[0].1[0], "Atlas Conserves SARL");
    // A shared-string index past the table is an empty cell.
    let bytes = xlsx_handmade(
        "3",
        "3",
        "A1:I5",
        r#"<c r="A8" t="s"><v>4294967295</v></c>"#,
        0,
    );
    assert!(read("m.xlsx", &bytes).is_ok());
    ends(Target::Xlsx, &bytes, 0, &["4 membres importés"]);
}

#[test]
fn a_huge_xlsx_cell_is_a_row_reported_with_its_start() {
    let bytes = xlsx_handmade("3", "3", "A1:I5", "", 20_000_000);
    assert!(bytes.len() < 64_000, "{}", bytes.len());
    let sheet = read("m.xlsx", &bytes).expect("read");
    let bad = sheet.bad_rows.iter().find(|b| b.line == 7).expect("row 7");
    assert!(
        bad.reason
            .contains("la cellule A7 contient 20\u{a0}000\u{a0}000 caractères"),
        "{}",
        bad.reason
    );
    assert!(bad.reason.contains("« ZZZZZZZZZZ"), "{}", bad.reason);
    assert!(bad.reason.len() < 400);
    ends(Target::Xlsx, &bytes, 0, &["ligne 7", "32\u{a0}767"]);
}

#[test]
fn a_huge_header_cell_or_part_is_refused_in_french() {
    let long = "H".repeat(40_000);
    let cell = format!(r#"<c r="J1" t="inlineStr"><is><t>{long}</t></is></c>"#);
    let bytes = xlsx_handmade("3", "3", "A1:I5", "", 0);
    let mut entries = fuzz_support::mutate::unzip(&bytes).expect("zip");
    for (name, content) in &mut entries {
        if name.ends_with("sheet1.xml") {
            let text = String::from_utf8(content.clone()).expect("utf-8");
            *content = text
                .replacen("</row>", &format!("{cell}</row>"), 1)
                .into_bytes();
        }
    }
    let bytes = fuzz_support::mutate::rezip(&entries);
    let e = read("m.xlsx", &bytes).expect_err("header too long");
    assert!(
        e.contains("ligne d'en-tête : la cellule J1 contient 40\u{a0}000 caractères"),
        "{e}"
    );
    ends(Target::Xlsx, &bytes, 2, &["Erreur", "J1"]);

    // A sheet of 70 MB of blanks zips to a few kilobytes.
    for (name, content) in &mut entries {
        if name.ends_with("sheet1.xml") {
            content.splice(0..0, std::iter::repeat_n(b' ', 70 << 20));
        }
    }
    let bytes = fuzz_support::mutate::rezip(&entries);
    assert!(bytes.len() < 200_000, "{}", bytes.len());
    ends(Target::Xlsx, &bytes, 2, &["Erreur", "Mo"]);
}

#[test]
fn more_shared_strings_than_cells_are_refused() {
    let strings: String = (0..50).map(|i| format!("<si><t>s{i}</t></si>")).collect();
    let bytes = xlsx_handmade("3", "3", "A1:I5", "", 0);
    let mut entries = fuzz_support::mutate::unzip(&bytes).expect("zip");
    for (name, content) in &mut entries {
        if name.ends_with("sharedStrings.xml") {
            let text = String::from_utf8(content.clone()).expect("utf-8");
            *content = text
                .replace("</sst>", &format!("{strings}</sst>"))
                .into_bytes();
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.xlsx");
    std::fs::write(&path, fuzz_support::mutate::rezip(&entries)).expect("write");
    let limits = import::Limits {
        cells: 40,
        ..import::Limits::default()
    };
    let e = import::read_sheet_with(&path, &limits, &mut |_, _, _| {})
        .expect_err("too many strings")
        .to_string();
    assert!(e.contains("plus de 40 cellules"), "{e}");
}

#[test]
fn an_xlsb_is_refused_with_the_way_out() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.bin", zip::write::SimpleFileOptions::default())
        .expect("entry");
    let bytes = zip.finish().expect("zip").into_inner();
    for name in ["m.xlsb", "m.tableur"] {
        let e = read(name, &bytes).expect_err("xlsb");
        assert!(
            e.contains(".xlsb") && e.contains("Classeur Excel (.xlsx)"),
            "{e}"
        );
    }
}

#[test]
fn an_ods_string_value_longer_than_a_cell_is_a_row_reported() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/ods/cellule-geante.ods"),
    )
    .expect("seed");
    let sheet = read("m.ods", &bytes).expect("read");
    assert_eq!(sheet.bad_rows.len(), 1);
    let reason = &sheet.bad_rows[0].reason;
    assert!(
        reason.contains("la cellule A2 contient 100\u{a0}000 caractères"),
        "{reason}"
    );
    ends(Target::Ods, &bytes, 0, &["ligne 2", "vvvvvvvvvv"]);
    // Four billion repeated rows and columns, four billion spaces.
    for seed in ["colonnes-4-milliards.ods", "espaces-4-milliards.ods"] {
        let bytes = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/fuzz/ods")
                .join(seed),
        )
        .expect("seed");
        ends(Target::Ods, &bytes, 0, &["Rien à importer"]);
    }
}

#[test]
fn a_csv_field_longer_than_a_cell_is_a_row_reported() {
    let text = format!(
        "Raison sociale;Ville\nAtlas;Fès\nLongue;{}\nBeta;Rabat\n",
        "é".repeat(40_000)
    );
    let sheet = read("m.csv", text.as_bytes()).expect("read");
    assert_eq!(sheet.rows.len(), 2, "the other rows are read");
    assert_eq!(sheet.bad_rows.len(), 1);
    assert_eq!(sheet.bad_rows[0].line, 3);
    let reason = &sheet.bad_rows[0].reason;
    assert!(
        reason.contains("la cellule B3 contient 40\u{a0}000 caractères"),
        "{reason}"
    );
    assert!(reason.len() < 400);
    // In the header, the file cannot be read.
    let text = format!("Raison sociale;{}\nAtlas;Fès\n", "x".repeat(40_000));
    let e = read("m.csv", text.as_bytes()).expect_err("header");
    assert!(e.contains("ligne d'en-tête : la cellule B1"), "{e}");
    ends(Target::Csv, text.as_bytes(), 2, &["Erreur", "B1"]);
}

#[test]
fn more_cell_text_than_a_register_holds_is_refused() {
    // 17 MB of « é » in Windows-1252 is 34 MB of text once decoded.
    let mut bytes = b"Raison sociale;Ville\n".to_vec();
    let cell = vec![0xE9u8; 30_000];
    for _ in 0..580 {
        bytes.extend_from_slice(b"A;");
        bytes.extend_from_slice(&cell);
        bytes.push(b'\n');
    }
    let e = read("m.csv", &bytes).expect_err("too much text");
    assert!(e.contains("plus de 32 Mo de texte"), "{e}");
    ends(Target::Csv, &bytes, 2, &["Erreur", "32 Mo de texte"]);
}

/// A BIFF8 sheet whose `cells` LABELSST records all show one shared
/// string of `chars` characters.
fn xls_sharing(chars: usize, cells: u16) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        d
    };
    let mut s = Vec::new();
    record(&mut s, 0x0809, &bof(0x0005));
    let mut sst = Vec::new();
    sst.extend(1u32.to_le_bytes());
    sst.extend(1u32.to_le_bytes());
    sst.extend((chars as u16).to_le_bytes());
    sst.push(0);
    sst.extend(std::iter::repeat_n(b'S', chars));
    record(&mut s, 0x00FC, &sst);
    let sheet_pos = (s.len() + 4 + 8 + 7 + 4) as u32;
    let mut bound = sheet_pos.to_le_bytes().to_vec();
    bound.extend([0, 0, 7, 0]);
    bound.extend(b"Membres");
    record(&mut s, 0x0085, &bound);
    record(&mut s, 0x000A, &[]);
    record(&mut s, 0x0809, &bof(0x0010));
    for r in 0..cells {
        let mut d = Vec::new();
        d.extend(r.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(0u32.to_le_bytes());
        record(&mut s, 0x00FD, &d);
    }
    record(&mut s, 0x000A, &[]);
    s.resize(s.len().max(4096), 0);
    compound(&s, &[])
}

#[test]
fn an_xls_string_shown_by_many_cells_is_counted_per_cell() {
    // 3 000 cells showing one string of 8 000 characters: 24 million
    // characters for calamine to copy, from a file of 60 kB.
    let bytes = xls_sharing(8_000, 3_000);
    assert!(bytes.len() < 64_000, "{}", bytes.len());
    let e = read("m.xls", &bytes).expect_err("too much text");
    assert!(e.contains("Mo de texte"), "{e}");
    ends(Target::Xls, &bytes, 2, &["Erreur", "Mo de texte"]);
    // The same string in a few cells is read.
    let sheet = read("m.xls", &xls_sharing(8_000, 3)).expect("read");
    assert_eq!(sheet.headers[0].len(), 8_000);
    assert_eq!(sheet.rows.len(), 2);
}

#[test]
fn nesting_deeper_than_the_parser_allows_is_a_french_error() {
    for (target, text) in [
        (
            Target::Dossier,
            format!("(format_version: 3, members: {})", "[".repeat(100_000)),
        ),
        (Target::Profile, "(".repeat(1_000_000)),
    ] {
        ends(target, text.as_bytes(), 2, &["Erreur"]);
    }
}
