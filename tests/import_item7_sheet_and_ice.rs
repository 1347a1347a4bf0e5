//! Issue 16, item 7: two promises of the import that no test proved, and
//! that the program did not keep when this file was written (2026-12-05):
//! - a hidden first sheet is skipped, and the report names the sheet read;
//! - the same name with a different valid ICE is a conflict to resolve,
//!   not a duplicate dropped (two ICEs that both pass the control are two
//!   establishments or a typing error: she decides).
//!
//! Both are kept since the afternoon of 2026-12-05 (see tests/EVIDENCE-16.md).

mod fuzz_support;

use std::path::Path;
use std::process::Command;

use fuzz_support::mutate::rezip;

/// Two valid ICEs (ISO 7064 mod 97-10, the README's examples).
const ICE_A: &str = "001561191000066";
const ICE_B: &str = "002136093000040";

fn new_dossier(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("dossier.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .arg("new")
        .arg(&path)
        .output()
        .expect("new");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// `import-members SHEET --into DOSSIER`: (exit code, stdout + stderr).
fn import(sheet: &Path, dossier: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .arg("import-members")
        .arg(sheet)
        .arg("--into")
        .arg(dossier)
        .output()
        .expect("import-members");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn sheet_xml(rows: &[&[&str]]) -> Vec<u8> {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        x.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            let col = (b'A' + c as u8) as char;
            x.push_str(&format!(
                r#"<c r="{col}{}" t="inlineStr"><is><t>{v}</t></is></c>"#,
                r + 1
            ));
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x.into_bytes()
}

/// A workbook whose first sheet, « Brouillon », is hidden (`state`
/// `hidden` or `veryHidden`) and whose second, « Membres », is the register.
fn hidden_first_sheet(state: &str) -> Vec<u8> {
    let head = ["Raison sociale", "Catégorie", "Activité", "ICE"];
    let draft: &[&[&str]] = &[&head, &["Brouillon SA", "Université", "Autre", ICE_B]];
    let register: &[&[&str]] = &[
        &head,
        &["Atlas Conserves SARL", "Université", "Autre", ICE_A],
    ];
    let entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec(),
        ),
        (
            "_rels/.rels".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec(),
        ),
        (
            "xl/workbook.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Brouillon" sheetId="1" state="{state}" r:id="rId1"/><sheet name="Membres" sheetId="2" r:id="rId2"/></sheets></workbook>"#
            )
            .into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#.to_vec(),
        ),
        ("xl/worksheets/sheet1.xml".into(), sheet_xml(draft)),
        ("xl/worksheets/sheet2.xml".into(), sheet_xml(register)),
    ];
    rezip(&entries)
}

#[test]
fn a_hidden_first_sheet_is_skipped_and_the_sheet_read_is_named() {
    for state in ["hidden", "veryHidden"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let dossier = new_dossier(dir.path());
        let sheet = dir.path().join("registre.xlsx");
        std::fs::write(&sheet, hidden_first_sheet(state)).expect("sheet");
        let (code, text) = import(&sheet, &dossier);
        assert_eq!(code, 0, "{state}: {text}");
        let saved = std::fs::read_to_string(&dossier).expect("dossier");
        assert!(saved.contains("Atlas Conserves SARL"), "{state}: {text}");
        assert!(
            !saved.contains("Brouillon SA"),
            "{state}: hidden sheet read: {text}"
        );
        assert!(
            text.contains("Membres"),
            "{state}: the sheet read is not named: {text}"
        );
    }
}

#[test]
fn the_same_name_with_another_valid_ice_is_a_conflict_not_a_duplicate() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Within the sheet, and against the register.
    let dossier = new_dossier(dir.path());
    let sheet = dir.path().join("registre.csv");
    let rows = format!(
        "Raison sociale;Catégorie;Activité;ICE\n\
         Atlas Conserves SARL;Université;Autre;{ICE_A}\n\
         Atlas Conserves SARL;Université;Autre;{ICE_B}\n"
    );
    std::fs::write(&sheet, rows).expect("sheet");
    let (code, text) = import(&sheet, &dossier);
    assert!(matches!(code, 0 | 1), "{text}");
    assert!(
        text.contains("0 doublon ignoré"),
        "dropped as a duplicate: {text}"
    );
    assert!(text.contains("1 conflit"), "not a conflict: {text}");

    let again = dir.path().join("autre.csv");
    let rows = format!(
        "Raison sociale;Catégorie;Activité;ICE\nAtlas Conserves SARL;Université;Autre;{ICE_B}\n"
    );
    std::fs::write(&again, rows).expect("sheet");
    let (code, text) = import(&again, &dossier);
    assert!(matches!(code, 0..=2), "{text}");
    assert!(
        text.contains("0 doublon ignoré") && !text.contains("doublon de"),
        "dropped as a duplicate: {text}"
    );
    assert!(text.contains("1 conflit"), "not a conflict: {text}");
}
