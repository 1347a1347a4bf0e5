//! Importing a register of 10 000 members from CSV and from XLSX: reading
//! the file and comparing every row with the register (new members, then
//! the same file again as duplicates, merged). Target (issue 9): ≤ 1 s in
//! release for the whole import.

#[path = "common.rs"]
mod common;

use cluster_dossier::import::{self, DuplicatePolicy, PlanOptions};
use cluster_dossier::model::Dossier;

const ROWS: usize = 10_000;
const HEADERS: [&str; 9] = [
    "Raison sociale",
    "Catégorie",
    "Activité",
    "Secteur",
    "Ville",
    "ICE",
    "Email",
    "Téléphone",
    "Date d'adhésion",
];

fn row(i: usize) -> [String; 9] {
    [
        format!("Société Générale n° {i} du Saïss SARL"),
        ["Entreprise engagée", "Université", "Association"][i % 3].to_string(),
        ["Industrielle", "Technologique", "Autre"][i % 3].to_string(),
        "Agroalimentaire".into(),
        ["Fès", "Meknès", "Tanger"][i % 3].to_string(),
        format!("{:015}", 1_000_000_000 + i),
        format!("contact{i}@exemple.ma"),
        format!("05 35 {:02} {:02} {:02}", i % 100, (i / 100) % 100, i % 97),
        format!("{:02}/{:02}/2024", 1 + i % 28, 1 + i % 12),
    ]
}

fn write_csv(path: &std::path::Path) {
    let mut text = HEADERS.join(";");
    text.push_str("\r\n");
    for i in 0..ROWS {
        text.push_str(&row(i).join(";"));
        text.push_str("\r\n");
    }
    std::fs::write(path, text).expect("csv written");
}

fn write_xlsx(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for i in 0..ROWS {
        for (c, v) in row(i).iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, v).expect("cell");
        }
    }
    book.save(path).expect("xlsx written");
}

/// Reads and plans `path` into `register`; returns the plan's summary.
fn import_once(path: &std::path::Path, register: &Dossier, policy: DuplicatePolicy) -> String {
    let sheet = import::read_sheet(path).expect("readable");
    let mapping = import::guess_mapping(&sheet.headers);
    let options = PlanOptions {
        policy,
        ..PlanOptions::default()
    };
    let plan = import::plan_import(register, &sheet, &mapping, options);
    assert_eq!(plan.counted(), ROWS);
    plan.summary()
}

fn main() {
    let dir = std::env::temp_dir().join(format!("cluster-dossier-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("registre.csv");
    let xlsx = dir.join("registre.xlsx");
    write_csv(&csv);
    write_xlsx(&xlsx);
    let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len() / 1024);
    println!(
        "Registre de {ROWS} membres : CSV {} Ko, XLSX {} Ko",
        size(&csv),
        size(&xlsx)
    );
    let empty = Dossier::default();
    let mut full = Dossier::default();
    {
        let sheet = import::read_sheet(&csv).expect("readable");
        let mapping = import::guess_mapping(&sheet.headers);
        import::plan_import(&full, &sheet, &mapping, PlanOptions::default()).apply(&mut full);
    }
    println!("  {}", import_once(&csv, &empty, DuplicatePolicy::Skip));
    println!("  {}", import_once(&xlsx, &full, DuplicatePolicy::Merge));
    for (name, path, register, policy) in [
        ("CSV, registre vide", &csv, &empty, DuplicatePolicy::Skip),
        ("XLSX, registre vide", &xlsx, &empty, DuplicatePolicy::Skip),
        (
            "CSV, 10 000 doublons fusionnés",
            &csv,
            &full,
            DuplicatePolicy::Merge,
        ),
        (
            "XLSX, 10 000 doublons fusionnés",
            &xlsx,
            &full,
            DuplicatePolicy::Merge,
        ),
    ] {
        let runs = common::time_runs(5, || {
            std::hint::black_box(import_once(path, register, policy));
        });
        common::report(&format!("import {ROWS} lignes, {name}"), &runs, 1000.0);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
