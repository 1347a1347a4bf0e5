//! Member import from files made here, as Excel and LibreOffice write them:
//! a Windows-1252 CSV with « ; », accents and a duplicate, and an XLSX
//! written with rust_xlsxwriter (numbers where Excel users type them).

use cluster_dossier::import::{self, DuplicatePolicy, Field};
use cluster_dossier::model::Date;
use cluster_dossier::model::dossier::{Activity, CompanySize, MemberCategory};

/// UTF-8 text to Windows-1252 bytes (the characters used here only).
fn to_cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            '–' => 0x96,
            c if (c as u32) < 0x100 => c as u8,
            c => panic!("{c:?} not in Windows-1252"),
        })
        .collect()
}

const CSV: &str = "Raison sociale;Catégorie;Activité;Secteur;Ville;ICE;RC;Taille;Email;Téléphone\r\n\
Conserverie Aït Ourir SARL;Entreprise engagée;Industrielle;Conserves;Marrakech;001561191000066;12345 – Marrakech;PME;contact@aitourir.ma;0524 12 34 56\r\n\
Société Générale d’Emballages du Saïss;Entreprise engagée;Industrielle;Emballage;Fès;002136093000040;45123 – Fès;Grande entreprise;info@sges.ma;+212 5 35 65 43 21\r\n\
École Nationale des Sciences Appliquées;Université;;Formation;Fès;;;;;\r\n\
CONSERVERIE AIT OURIR;Entreprise engagée;Industrielle;;;;;;;\r\n\
Biscuiterie du Détroit;Potentiellement intéressée;Industrielle;Agroalimentaire;Tanger;;;TPE;;\r\n\
;Entreprise engagée;;;;;;;;\r\n";

#[test]
fn a_windows_1252_csv_imports_with_its_accents_and_its_duplicate_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("registre.csv");
    std::fs::write(&path, to_cp1252(CSV)).expect("write");
    let sheet = import::read_sheet(&path).expect("readable");
    assert_eq!(sheet.headers[1], "Catégorie");
    let mapping = import::guess_mapping(&sheet.headers);
    assert_eq!(
        mapping,
        [
            Field::Name,
            Field::Category,
            Field::Activity,
            Field::Sector,
            Field::City,
            Field::Ice,
            Field::Rc,
            Field::Size,
            Field::Email,
            Field::Phone
        ]
    );
    let mut d = cluster_dossier::model::Dossier::default();
    let plan = import::plan_import(&d, &sheet, &mapping, DuplicatePolicy::Skip);
    plan.apply(&mut d);

    let names: Vec<&str> = d.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Conserverie Aït Ourir SARL",
            "Société Générale d’Emballages du Saïss",
            "École Nationale des Sciences Appliquées",
            "Biscuiterie du Détroit",
        ]
    );
    let m = &d.members[1];
    assert_eq!(m.category, MemberCategory::EngagedCompany);
    assert_eq!(m.activity, Activity::Industrial);
    assert_eq!(m.city, "Fès");
    assert_eq!(m.ice, "002136093000040");
    assert_eq!(m.rc, "45123 – Fès");
    assert_eq!(m.size, CompanySize::Large);
    assert_eq!(m.contact.phone, "+212 5 35 65 43 21");
    assert_eq!(d.members[2].category, MemberCategory::TrainingResearch);
    assert_eq!(d.members[2].activity, Activity::Other);
    assert_eq!(d.members[3].category, MemberCategory::InterestedCompany);
    assert_eq!(d.members[3].size, CompanySize::Tpe);

    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].line, 5);
    assert!(
        plan.skipped[0]
            .reason
            .contains("Conserverie Aït Ourir SARL"),
        "{}",
        plan.skipped[0].reason
    );
    assert_eq!(plan.invalid.len(), 1);
    assert_eq!(plan.invalid[0].line, 7);
    assert_eq!(plan.invalid[0].reason, "raison sociale vide");
}

#[test]
fn an_xlsx_imports_numbers_dates_and_merges_a_duplicate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("membres.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "Nom",
        "Type de membre",
        "Ville",
        "ICE",
        "Identifiant fiscal",
        "Date d'adhésion",
        "Cotisation",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    // The ICE typed as a number loses its leading zeros in Excel.
    let rows: [(&str, &str, &str, f64, f64, &str, &str); 3] = [
        (
            "Laiterie des Monts d'Azrou",
            "Entreprise",
            "Azrou",
            1561191000066.0,
            40753645.0,
            "14/11/2023",
            "PME",
        ),
        (
            "Université Sidi Mohamed Ben Abdellah",
            "Institution de recherche",
            "Fès",
            0.0,
            0.0,
            "",
            "Institution",
        ),
        (
            "Laiterie des Monts d’Azrou",
            "Entreprise",
            "",
            0.0,
            0.0,
            "",
            "",
        ),
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, row.0).expect("name");
        sheet.write_string(r, 1, row.1).expect("type");
        sheet.write_string(r, 2, row.2).expect("city");
        if row.3 > 0.0 {
            sheet.write_number(r, 3, row.3).expect("ice");
            sheet.write_number(r, 4, row.4).expect("if");
        }
        sheet.write_string(r, 5, row.5).expect("date");
        sheet.write_string(r, 6, row.6).expect("fee");
    }
    book.save(&path).expect("xlsx written");

    let sheet = import::read_sheet(&path).expect("readable");
    assert_eq!(sheet.rows.len(), 3);
    let mapping = import::guess_mapping(&sheet.headers);
    assert_eq!(
        mapping,
        [
            Field::Name,
            Field::Category,
            Field::City,
            Field::Ice,
            Field::TaxId,
            Field::Joined,
            Field::FeeCategory
        ]
    );
    let mut d = cluster_dossier::model::Dossier::default();
    let plan = import::plan_import(&d, &sheet, &mapping, DuplicatePolicy::Merge);
    assert_eq!(plan.invalid, []);
    plan.apply(&mut d);
    assert_eq!(d.members.len(), 2);
    let m = &d.members[0];
    assert_eq!(m.ice, "001561191000066");
    assert_eq!(m.tax_id, "40753645");
    assert_eq!(m.joined, Date::new(2023, 11, 14));
    assert_eq!(m.fee_category, "PME");
    assert_eq!(d.members[1].category, MemberCategory::TrainingResearch);
    assert_eq!(
        plan.skipped.len(),
        1,
        "the third row completes the first one"
    );
}

#[test]
fn the_cli_imports_saves_and_reports_without_prompting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("registre.csv");
    std::fs::write(&csv, to_cp1252(CSV)).expect("write");
    let dossier = dir.path().join("d.ron");
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    let st = std::process::Command::new(bin)
        .arg("new")
        .arg(&dossier)
        .status()
        .expect("new");
    assert!(st.success());
    let out = std::process::Command::new(bin)
        .arg("import-members")
        .arg(&csv)
        .arg("--into")
        .arg(&dossier)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("import");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("4 membres importés, 0 fusionné, 1 doublon ignoré, 1 ligne invalide"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ligne 7 : invalide, raison sociale vide"),
        "{stdout}"
    );
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(d.members.len(), 4);
    assert_eq!(d.members[0].name, "Conserverie Aït Ourir SARL");

    // An override: the sheet's « Secteur » column read as the fee category.
    let again = std::process::Command::new(bin)
        .arg("import-members")
        .arg(&csv)
        .arg("--into")
        .arg(&dossier)
        .args(["--map", "Secteur=cotisation", "--merge"])
        .output()
        .expect("import");
    assert!(again.status.success());
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(d.members.len(), 4, "nothing imported twice");
    assert_eq!(d.members[0].fee_category, "Conserves");
}
