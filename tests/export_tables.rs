//! `export-tables` writes a workbook a spreadsheet program reads back with
//! the budget canevas and the figures of the dossier.

use calamine::{Data, Reader};

#[test]
fn export_tables_writes_the_budget_and_indicators() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = dir.path().join("exemple.ron");
    let xlsx = dir.path().join("tableaux.xlsx");
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    assert!(
        std::process::Command::new(bin)
            .args(["new", "--example"])
            .arg(&dossier)
            .status()
            .expect("new")
            .success()
    );
    let out = std::process::Command::new(bin)
        .arg("export-tables")
        .arg(&dossier)
        .arg("-o")
        .arg(&xlsx)
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut book = calamine::open_workbook_auto(&xlsx).expect("a workbook");
    let budget = book.worksheet_range("Budget").expect("Budget sheet");
    let row = budget
        .rows()
        .find(|r| r[0] == "Cotisations des membres")
        .expect("fees row");
    let d = cluster_dossier::store::load(&dossier).expect("load");
    let fees = d.budget_line("cotisations").expect("line");
    for (y, cell) in row[1..=5].iter().enumerate() {
        let expected: f64 = fees.amounts[y]
            .expect("filled")
            .to_string()
            .parse()
            .expect("number");
        assert_eq!(cell, &Data::Float(expected), "year {}", y + 1);
    }
    let kpis = book
        .worksheet_range("Indicateurs")
        .expect("Indicateurs sheet");
    assert!(
        kpis.rows().count() >= 9,
        "six standard and two custom indicators"
    );

    // An unreadable dossier: exit 2, nothing written.
    std::fs::write(&dossier, "pas un dossier").expect("write");
    let bad = dir.path().join("non.xlsx");
    let out = std::process::Command::new(bin)
        .arg("export-tables")
        .arg(&dossier)
        .arg("-o")
        .arg(&bad)
        .output()
        .expect("export");
    assert_eq!(out.status.code(), Some(2));
    assert!(!bad.exists());
}
