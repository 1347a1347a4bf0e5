//! Member import from files made here, as Excel and LibreOffice write them:
//! a Windows-1252 CSV with « ; », accents and a duplicate, and an XLSX
//! written with rust_xlsxwriter (numbers where Excel users type them).

mod import_support;

use cluster_dossier::import::{self, DuplicatePolicy, Field, PlanOptions};
use cluster_dossier::model::Date;
use cluster_dossier::model::dossier::{Activity, CompanySize, MemberCategory};
use import_support::{FULL, import_cli, names, new_dossier, plan_of, to_cp1252, utf16};

const CSV: &str = "Raison sociale;Catégorie;Activité;Secteur;Ville;ICE;RC;Taille;Email;Téléphone\r\n\
Conserverie Aït Ourir SARL;Entreprise engagée;Industrielle;Conserves;Marrakech;001561191000066;12345 – Marrakech;PME;contact@aitourir.ma;0524 12 34 56\r\n\
Société Générale d’Emballages du Saïss;Entreprise engagée;Industrielle;Emballage;Fès;002136093000040;45123 – Fès;Grande entreprise;info@sges.ma;+212 5 35 65 43 21\r\n\
École Nationale des Sciences Appliquées;Université;Autre;Formation;Fès;;;;;\r\n\
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
    let plan = import::plan_import(&d, &sheet, &mapping, PlanOptions::default());
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
    let options = PlanOptions {
        policy: DuplicatePolicy::Merge,
        // The sheet has no activity column: the user says what they are.
        default_activity: Some(Activity::Industrial),
        default_category: None,
        accept_suggestions: false,
    };
    let plan = import::plan_import(&d, &sheet, &mapping, options);
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
        "the third row is the first one again, with nothing new"
    );
    assert!(plan.skipped[0].reason.contains("rien de nouveau"));
    assert_eq!(plan.counted(), plan.rows);
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
        stdout.contains(
            "4 membres importés, 0 fusionné, 1 doublon ignoré, 0 conflit, 1 ligne invalide (6 lignes lues)"
        ),
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

// ---------------------------------------------------------------------------
// Issue 9, observation 6: one test per defect seen on the earlier import.

#[test]
fn a_far_cell_in_an_xlsx_is_an_error_not_an_abort() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("loin.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Raison sociale").expect("cell");
    sheet.write_string(1, 0, "Atlas").expect("cell");
    sheet
        .write_string(1_048_575, 16_383, "x")
        .expect("far cell");
    book.save(&path).expect("saved");
    assert!(std::fs::metadata(&path).expect("size").len() < 10_000);

    let err = import::read_sheet(&path).expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("XFD1048576"), "{msg}");
    assert!(msg.contains("200 colonnes"), "{msg}");

    let dossier = new_dossier(dir.path());
    let before = std::fs::read(&dossier).expect("dossier");
    let (code, _, err) = import_cli(&path, &dossier, &[]);
    assert_eq!(code, 2, "a clean error, not an abort: {err}");
    assert!(err.contains("XFD1048576"), "{err}");
    assert_eq!(std::fs::read(&dossier).expect("dossier"), before);

    // A far row within the columns costs nothing: it is one more row.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Raison sociale").expect("cell");
    sheet
        .write_string(1_048_575, 0, "Loin en bas")
        .expect("far row");
    book.save(&path).expect("saved");
    let s = import::read_sheet(&path).expect("readable");
    assert_eq!(s.rows, [(1_048_576, vec!["Loin en bas".to_string()])]);
}

#[test]
fn a_csv_mixing_utf8_and_windows_1252_keeps_both_and_names_the_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("melange.csv");
    let mut bytes =
        "Raison sociale;Activité;Catégorie\r\nSociété Atlas;Industrielle;Entreprise engagée\r\n"
            .as_bytes()
            .to_vec();
    bytes.extend(to_cp1252(
        "Société Générale du Saïss;Industrielle;Entreprise engagée\r\n",
    ));
    bytes.extend("Café Détroit;Industrielle;Entreprise engagée\r\n".as_bytes());
    std::fs::write(&path, &bytes).expect("write");

    let plan = plan_of(&path, FULL);
    let added: Vec<&str> = plan.added.iter().map(|a| a.member.name.as_str()).collect();
    assert_eq!(
        added,
        ["Société Atlas", "Société Générale du Saïss", "Café Détroit"]
    );
    assert_eq!(plan.notes.len(), 1, "{:?}", plan.notes);
    assert!(
        plan.notes[0].contains("ligne 3 en Windows-1252")
            && plan.notes[0].contains("les 3 autres lignes accentuées en UTF-8"),
        "{}",
        plan.notes[0]
    );

    let dossier = new_dossier(dir.path());
    let (code, out, err) = import_cli(&path, &dossier, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ligne 3 en Windows-1252"), "{out}");
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert!(
        !names(&d).iter().any(|n| n.contains('Ã')),
        "{:?}",
        names(&d)
    );
}

#[test]
fn excel_unicode_text_utf16_le_and_be_with_bom_imports() {
    // Excel's « Texte Unicode »: UTF-16 LE, BOM, tabs, CRLF.
    let text = "Raison sociale\tActivité\tCatégorie\tVille\r\n\
                Laiterie d'Azrou\tIndustrielle\tEntreprise engagée\tAzrou\r\n\
                Université de Fès\tAutre\tUniversité\tFès\r\n";
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, big_endian) in [("unicode.txt", false), ("be.csv", true)] {
        let path = dir.path().join(name);
        std::fs::write(&path, utf16(text, big_endian)).expect("write");
        let sheet = import::read_sheet(&path).expect("readable");
        assert_eq!(
            sheet.headers,
            ["Raison sociale", "Activité", "Catégorie", "Ville"]
        );
        let plan = plan_of(&path, FULL);
        assert_eq!(plan.invalid, []);
        let m = &plan.added[1].member;
        assert_eq!(
            (m.name.as_str(), m.city.as_str()),
            ("Université de Fès", "Fès")
        );
        assert_eq!(m.category, MemberCategory::TrainingResearch);
    }
    let dossier = new_dossier(dir.path());
    let (code, out, err) = import_cli(&dir.path().join("unicode.txt"), &dossier, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("UTF-16 LE"), "{out}");
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(names(&d), ["Laiterie d'Azrou", "Université de Fès"]);
}

#[test]
fn cr_only_line_ends_are_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mac.csv");
    std::fs::write(
        &path,
        "Raison sociale;Activité;Catégorie\rAtlas;Industrielle;Entreprise engagée\rBiscuiterie;Industrielle;Entreprise engagée\rCentre;Autre;Université\r",
    )
    .expect("write");
    let plan = plan_of(&path, FULL);
    let lines: Vec<usize> = plan.added.iter().map(|a| a.line).collect();
    assert_eq!(lines, [2, 3, 4]);
    assert_eq!(plan.added[2].member.name, "Centre");
}

#[test]
fn an_unterminated_quote_is_an_invalid_row_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("guillemet.csv");
    std::fs::write(
        &path,
        "Raison sociale;Ville;Activité;Catégorie\n\
         Atlas;Fès;Industrielle;Entreprise engagée\n\
         \"Biscuiterie du Nord;Tanger;Industrielle;Entreprise engagée\n\
         Conserverie;Agadir;Industrielle;Entreprise engagée\n\
         Laiterie;\"Azrou\";Industrielle;Entreprise engagée\n",
    )
    .expect("write");
    let plan = plan_of(&path, FULL);
    let added: Vec<&str> = plan.added.iter().map(|a| a.member.name.as_str()).collect();
    assert_eq!(added, ["Atlas", "Conserverie", "Laiterie"]);
    assert_eq!(plan.invalid.len(), 1);
    assert_eq!(plan.invalid[0].line, 3);
    assert!(
        plan.invalid[0].reason.contains("guillemet"),
        "{:?}",
        plan.invalid
    );

    let dossier = new_dossier(dir.path());
    let (code, out, err) = import_cli(&path, &dossier, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 ligne invalide"), "{out}");
    assert!(out.contains("ligne 3 : invalide, guillemet"), "{out}");
}

#[test]
fn merge_reports_conflicts_field_by_field_and_counts_every_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("registre.csv");
    std::fs::write(
        &first,
        "Raison sociale;Ville;Activité;Catégorie;ICE\n\
         Atlas Emballages;Fès;Industrielle;Entreprise engagée;001561191000066\n\
         Biscuiterie du Nord;Tanger;Industrielle;Entreprise engagée;\n",
    )
    .expect("write");
    let dossier = new_dossier(dir.path());
    let (code, _, err) = import_cli(&first, &dossier, &[]);
    assert_eq!(code, 0, "{err}");

    let second = dir.path().join("mise-a-jour.csv");
    std::fs::write(
        &second,
        "Raison sociale;Ville;Activité;Catégorie;Email\n\
         ATLAS EMBALLAGES SARL;Meknès;Autre;Entreprise engagée;contact@atlas.ma\n\
         Biscuiterie du Nord;TANGER;Industrielle;Entreprise engagée;info@bn.ma\n\
         Biscuiterie du Nord;Tanger;;;\n\
         Nouvelle Société;Oujda;Industrielle;Entreprise engagée;\n",
    )
    .expect("write");
    let sheet = import::read_sheet(&second).expect("readable");
    let mapping = import::guess_mapping(&sheet.headers);
    let d = cluster_dossier::store::load(&dossier).expect("loads");
    let options = PlanOptions {
        policy: DuplicatePolicy::Merge,
        ..FULL
    };
    let plan = import::plan_import(&d, &sheet, &mapping, options);
    assert_eq!(plan.rows, 4);
    assert_eq!(plan.counted(), 4, "no row hidden from the counts");
    assert_eq!(plan.conflicts.len(), 1);
    let c = &plan.conflicts[0];
    assert_eq!(c.line, 2);
    let fields: Vec<Field> = c.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, [Field::Activity, Field::City]);
    assert_eq!(c.fields[1].kept, "Fès");
    assert_eq!(c.fields[1].sheet, "Meknès");
    assert_eq!(plan.merged.len(), 1);
    assert_eq!(plan.merged[0].filled, [Field::Email]);
    assert_eq!(plan.skipped.len(), 1, "row 4 brings nothing new");
    assert_eq!(plan.added.len(), 1);

    let (code, out, err) = import_cli(&second, &dossier, &["--merge"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("1 membre importé, 1 fusionné, 1 doublon ignoré, 1 conflit, 0 ligne invalide (4 lignes lues)"),
        "{out}"
    );
    assert!(
        out.contains("ligne 2 : conflit avec « Atlas Emballages »")
            && out.contains("Ville : « Fès » gardé, « Meknès » dans le tableur"),
        "{out}"
    );
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(d.members[0].city, "Fès", "a conflict changes nothing");
    assert_eq!(
        d.members[0].contact.email, "",
        "not even the fillable fields"
    );
    assert_eq!(d.members[1].contact.email, "info@bn.ma");
    assert_eq!(d.members.len(), 3);
}

#[test]
fn rows_without_activity_or_category_are_counted_named_and_never_defaulted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("incomplet.csv");
    std::fs::write(
        &path,
        "Raison sociale;Activité;Catégorie\n\
         Atlas Câbles;Industrielle;Entreprise engagée\n\
         Fès Textiles;;Entreprise engagée\n\
         Bureau d'études Sud;Autre;\n",
    )
    .expect("write");
    let plan = plan_of(&path, FULL);
    assert_eq!(plan.added.len(), 1);
    assert_eq!(plan.invalid.len(), 2);
    let summary = plan.missing_summary().join("\n");
    assert!(
        summary.contains("1 ligne sans activité dans le tableur (« Fès Textiles » l. 3)"),
        "{summary}"
    );
    assert!(
        summary.contains("1 ligne sans catégorie dans le tableur (« Bureau d'études Sud » l. 4)"),
        "{summary}"
    );

    let chosen = PlanOptions {
        default_activity: Some(Activity::Industrial),
        default_category: Some(MemberCategory::OtherRepresentative),
        ..FULL
    };
    let plan = plan_of(&path, chosen);
    assert_eq!(plan.added.len(), 3);
    assert_eq!(plan.added[1].member.activity, Activity::Industrial);
    assert!(plan.added[1].activity_by_default);
    assert_eq!(
        plan.added[2].member.category,
        MemberCategory::OtherRepresentative
    );
    assert_eq!(
        plan.added[2].member.activity,
        Activity::Other,
        "typed « Autre »"
    );
    assert!(plan.missing_summary()[0].contains("« Industrielle » choisie pour elle"));

    // The CLI: listed and not imported, then imported with the options.
    let dossier = new_dossier(dir.path());
    let (code, out, err) = import_cli(&path, &dossier, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("--activite-par-defaut"), "{out}");
    assert!(out.contains("« Fès Textiles » l. 3"), "{out}");
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(names(&d), ["Atlas Câbles"]);
    let (code, out, err) = import_cli(
        &path,
        &dossier,
        &[
            "--activite-par-defaut",
            "industrielle",
            "--categorie-par-defaut",
            "autre",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 membres importés"), "{out}");
    let d = cluster_dossier::store::load(&dossier).expect("saved");
    assert_eq!(
        names(&d),
        ["Atlas Câbles", "Fès Textiles", "Bureau d'études Sud"]
    );
    assert_eq!(d.members[1].activity, Activity::Industrial);
}
