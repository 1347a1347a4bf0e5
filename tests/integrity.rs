//! Issue 9: nothing the secretary wrote is altered or lost — mistyped
//! values, outputs aimed at the dossier, two writers at once, misspelt
//! fields, backups and file identity, bounded reading.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::Dossier;
use cluster_dossier::model::compute;
use cluster_dossier::store::{self, StoreError};

use common::{example, findings, profile};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn saved(dir: &Path, name: &str, d: &Dossier) -> PathBuf {
    let path = dir.join(name);
    store::save(&path, d).expect("saved");
    path
}

// ------------------------------------------------------------ typed values

/// « 1O 000 » typed in a budget cell: kept as typed, blank value, blocking
/// finding quoting it, unknown ratio, refused final print — after a save
/// and a reload.
#[test]
fn a_mistyped_amount_survives_save_and_blocks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = example();
    let row = "subventions";
    d.budget_line_mut(row).amounts[0] = None;
    d.invalid_entries.insert(
        cluster_dossier::model::field::budget_cell(row, 0),
        "1O 000".to_string(),
    );
    let path = saved(dir.path(), "d.ron", &d);
    let reloaded = store::load(&path).expect("reloads");
    assert_eq!(reloaded, d);
    assert!(
        std::fs::read_to_string(&path)
            .expect("text")
            .contains("1O 000")
    );

    let f = findings(&reloaded, &profile());
    let quoted: Vec<_> = f
        .iter()
        .filter(|f| f.is_blocking() && f.message.contains("« 1O 000 »"))
        .collect();
    assert_eq!(quoted.len(), 1, "{f:#?}");
    assert_eq!(quoted[0].field, "budget.subventions[0]");
    let totals = compute::budget_totals(&reloaded, &profile());
    assert!(totals.unknown[0] && totals.products_unknown[0]);
    assert!(!totals.charges_unknown[0]);
    // The State subsidy is no part of the self-financing ratio: it stays
    // computed, while the products' total and the result wait for the cell.
    assert!(compute::self_financing_percent(&totals)[0].is_some());
    let figures = cluster_dossier::model::figures::Figures::of(&reloaded, &profile());
    assert_eq!(
        figures.products(0),
        cluster_dossier::model::figures::Total::NotComputable
    );
    assert_eq!(
        figures.result(0),
        cluster_dossier::model::figures::Total::NotComputable
    );

    let pdf = dir.path().join("d.pdf");
    let out = run(&["render", s(&path), "-o", s(&pdf), "--final"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists());
    let out = run(&["check", s(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1O 000"));
}

// ------------------------------------------------------------ outputs

#[test]
fn render_and_export_never_replace_the_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "D.ron", &example());
    let before = std::fs::read(&path).expect("read");
    std::fs::create_dir(dir.path().join("sub")).expect("sub");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&path, dir.path().join("lien.pdf")).expect("symlink");
    let targets = [
        path.clone(),
        dir.path().join("sub/../D.ron"),
        dir.path().join("./D.ron"),
        std::fs::canonicalize(&path).expect("absolute"),
        dir.path().join("lien.pdf"),
    ];
    for target in &targets {
        if !target.exists() {
            continue;
        }
        for command in ["render", "export-tables"] {
            let out = run(&[command, s(&path), "-o", s(target)]);
            assert_eq!(out.status.code(), Some(2), "{command} -o {target:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("dossier"), "{err}");
            assert_eq!(
                std::fs::read(&path).expect("read"),
                before,
                "{command} -o {target:?}"
            );
        }
    }
    // Another dossier is not an output either.
    let other = saved(dir.path(), "autre.ron", &example());
    let other_before = std::fs::read(&other).expect("read");
    let out = run(&["render", s(&path), "-o", s(&other)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&other).expect("read"), other_before);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_device_is_refused() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "D.ron", &example());
    let out = run(&["render", s(&path), "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pas un fichier ordinaire"));
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(meta.file_type().is_char_device());
}

// ------------------------------------------------------------ strict format

#[test]
fn a_misspelt_field_is_refused_with_the_closest_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.ron");
    let good = store::to_ron(&example(), &path).expect("ron");
    let bad = good.replacen("    name: ", "    nmae: ", 1);
    assert_ne!(bad, good);
    std::fs::write(&path, &bad).expect("write");
    let err = store::load(&path).expect_err("refused");
    let message = err.to_string();
    assert!(message.contains("« nmae »"), "{message}");
    assert!(message.contains("« name »"), "{message}");
    assert!(message.contains("ligne"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), bad);
}

#[test]
fn a_format_1_file_still_opens() {
    let text = include_str!("fixtures/dossier-format-1.ron");
    assert!(text.contains("format_version: 1,"));
    let d = store::parse(text, Path::new("dossier-format-1.ron")).expect("format 1 opens");
    assert_eq!(
        d.format_version,
        cluster_dossier::model::dossier::FORMAT_VERSION
    );
    assert_eq!(d.identity.name, example().identity.name);
    assert_eq!(d.members, example().members);
    assert_eq!(d.budget, example().budget);
    assert!(d.invalid_entries.is_empty());
}

#[test]
fn a_format_2_file_still_opens_with_nothing_to_check() {
    // Format 3 added the members' « à vérifier » marks (import suggestions).
    let text = include_str!("fixtures/dossier-format-2.ron");
    assert!(text.contains("format_version: 2,"));
    assert!(!text.contains("to_check"));
    let d = store::parse(text, Path::new("dossier-format-2.ron")).expect("format 2 opens");
    assert_eq!(
        d.format_version,
        cluster_dossier::model::dossier::FORMAT_VERSION
    );
    assert_eq!(d.identity.name, example().identity.name);
    assert_eq!(d.members, example().members);
    assert!(d.members.iter().all(|m| m.to_check.is_empty()));
    assert_eq!(d.budget, example().budget);
    assert!(d.invalid_entries.is_empty());
}

#[test]
fn a_format_3_file_still_opens_without_a_web_site() {
    // Format 4 added the cluster's web site (a rubric of section 1.1).
    let text = include_str!("fixtures/dossier-format-3.ron");
    assert!(text.contains("format_version: 3,"));
    assert!(!text.contains("website"));
    let d = store::parse(text, Path::new("dossier-format-3.ron")).expect("format 3 opens");
    assert_eq!(
        d.format_version,
        cluster_dossier::model::dossier::FORMAT_VERSION
    );
    assert!(d.identity.website.is_empty());
    // A field a later format adds, left empty, leaves the content's
    // fingerprint as it was printed before the update.
    assert_eq!(
        cluster_dossier::model::Fingerprint::of(&d).code(),
        "C16P-V4PF-26NR-XP45"
    );
    let mut expected = example();
    expected.identity.website.clear();
    assert_eq!(d.identity, expected.identity);
    assert_eq!(d.members, expected.members);
    assert_eq!(d.budget, expected.budget);
    assert!(d.invalid_entries.is_empty());
}

// ------------------------------------------------------------ saving

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = saved(dir.path(), "vrai.ron", &example());
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("lien.ron");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let mut d = example();
    d.identity.name = "Par le lien".into();
    store::save(&link, &d).expect("saved through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        store::load(&real).expect("target").identity.name,
        "Par le lien"
    );
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        store::backup_path(&real).exists(),
        "backup beside the target"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_dossier_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "lecture.ron", &example());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    let mut d = example();
    d.identity.name = "Autre".into();
    let err = store::save(&path, &d).expect_err("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("lecture seule"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_failed_backup_is_reported_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "d.ron", &example());
    let before = std::fs::read(&path).expect("read");
    // The backup's place is taken by a folder: the backup cannot be made.
    std::fs::create_dir(store::backup_path(&path)).expect("folder");
    std::fs::write(store::backup_path(&path).join("x"), "x").expect("not empty");
    let mut d = example();
    d.identity.name = "Autre".into();
    let err = store::save(&path, &d).expect_err("refused");
    assert!(matches!(err, StoreError::Backup { .. }), "{err}");
    assert!(err.to_string().contains("sauvegarde"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn stale_temporary_files_are_removed_at_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "d.ron", &example());
    let stale = dir.path().join(".d.ron.999999.tmp");
    let stale_bak = dir.path().join(".d.ron.999998.tmp.bak");
    let unrelated = dir.path().join(".autre.ron.999999.tmp");
    for f in [&stale, &stale_bak, &unrelated] {
        std::fs::write(f, vec![b'x'; 1024]).expect("stale file");
    }
    store::save(&path, &example()).expect("saved");
    assert!(!stale.exists());
    assert!(!stale_bak.exists());
    assert!(unrelated.exists(), "another file's temporary is not ours");
}

// ------------------------------------------------------------ two writers

/// A small CSV of `n` members named after `tag`.
fn sheet(dir: &Path, tag: &str, n: usize) -> PathBuf {
    let mut csv = String::from("Raison sociale;Catégorie;Activité;Ville\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Société {tag} {i};Entreprise engagée;Industrielle;Fès\n"
        ));
    }
    let path = dir.join(format!("{tag}.csv"));
    std::fs::write(&path, csv).expect("sheet");
    path
}

#[test]
fn two_imports_at_once_keep_both_sheets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = sheet(dir.path(), "Alpha", 20);
    let b = sheet(dir.path(), "Beta", 20);
    for trial in 0..12 {
        let path = saved(dir.path(), &format!("d{trial}.ron"), &Dossier::default());
        let spawn = |sheet: &Path| {
            Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
                .args(["import-members", s(sheet), "--into", s(&path)])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            pa.wait_with_output().expect("a"),
            pb.wait_with_output().expect("b"),
        );
        let d = store::load(&path).expect("still a dossier");
        let has = |tag: &str| {
            (0..20).all(|i| {
                d.members
                    .iter()
                    .any(|m| m.name == format!("Société {tag} {i}"))
            })
        };
        for (tag, out) in [("Alpha", &oa), ("Beta", &ob)] {
            if out.status.success() {
                assert!(has(tag), "trial {trial}: {tag} reported saved but missing");
            } else {
                assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
            }
        }
        assert_eq!(
            d.members.len(),
            20 * (usize::from(oa.status.success()) + usize::from(ob.status.success()))
        );
    }
}

// ------------------------------------------------------------ reading

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("tube.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let out = run(&["check", s(&fifo)]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("tube"));
    }
    let err = store::load(Path::new("/dev/zero")).expect_err("refused");
    assert!(matches!(err, StoreError::NotRegular { .. }), "{err}");
}

#[test]
fn messages_are_in_french_and_true() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nulle-part").join("d.ron");
    let err = store::save(&missing, &example()).expect_err("no folder");
    let message = err.to_string();
    assert!(!message.contains("os error"), "{message}");
    assert!(!message.contains("n'a pas été modifié"), "{message}");
    let err = store::load(&dir.path().join("absent.ron")).expect_err("absent");
    assert!(err.to_string().contains("introuvable"), "{err}");
    let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    assert!(store::french_io(&e).contains("accès refusé"));
    // Invalid UTF-8 names its place.
    let bad = dir.path().join("latin1.ron");
    std::fs::write(&bad, b"(\n  name: \"Soci\xe9t\xe9\",\n)").expect("write");
    let message = store::load(&bad).expect_err("not UTF-8").to_string();
    assert!(message.contains("ligne 2, colonne 14"), "{message}");
}

#[test]
fn rendering_again_over_an_earlier_pdf_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path(), "D.ron", &example());
    let pdf = dir.path().join("D.pdf");
    for _ in 0..2 {
        let out = run(&["render", s(&path), "-o", s(&pdf)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = run(&[
        "export-tables",
        s(&path),
        "-o",
        s(&dir.path().join("t.xlsx")),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&[
        "export-tables",
        s(&path),
        "-o",
        s(&dir.path().join("t.xlsx")),
    ]);
    assert_eq!(out.status.code(), Some(0));
}
