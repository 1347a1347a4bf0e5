//! A dossier whose remembered call profile file is missing or unusable is
//! shown with the bundled profile of its edition, and says so with a
//! blocking finding in `check`, in the wizard and in the print refusal: it
//! never falls back silently to rules that may not be its own.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::model::call::PROFILE_2026_RON;
use cluster_dossier::service::{self, profiles};
use cluster_dossier::store;
use cluster_dossier::ui::DossierApp;
use cluster_dossier::ui::app::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The cluster's own 2026 profile: 10 members suffice.
const OWN: &str = "profils/appel-perso.ron";

fn own_profile_text() -> String {
    PROFILE_2026_RON.replacen("min_members: 15", "min_members: 10", 1)
}

/// A dossier of 12 engaged members remembering its own profile file.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let profile = dir.join(OWN);
    std::fs::create_dir_all(profile.parent().expect("folder")).expect("mkdir");
    std::fs::write(&profile, own_profile_text()).expect("profile");
    let dossier = dir.join("douze.ron");
    let mut d = common::example_with_engaged(12);
    d.call_profile = Some(profiles::remembered_path(&dossier, &profile));
    assert_eq!(d.call_profile.as_deref(), Some(OWN));
    store::save(&dossier, &d).expect("saved");
    (dossier, profile)
}

/// A way the remembered file can become unusable: its name, how to do it,
/// and what the finding then says.
type Breakage = (&'static str, fn(&Path), &'static str);

fn breakages() -> Vec<Breakage> {
    vec![
        (
            "removed",
            |p| std::fs::remove_file(p).expect("rm"),
            "est introuvable",
        ),
        (
            "a folder in its place",
            |p| {
                std::fs::remove_file(p).expect("rm");
                std::fs::create_dir(p).expect("mkdir");
            },
            "ne peut pas être lu",
        ),
        (
            "broken syntax",
            |p| {
                std::fs::write(
                    p,
                    own_profile_text().replacen("copies: 3,", "copies: trois,", 1),
                )
                .expect("w")
            },
            "est illisible (ligne 17",
        ),
        (
            "invalid content",
            |p| {
                std::fs::write(
                    p,
                    own_profile_text().replacen("min_members: 10", "min_members: 0", 1),
                )
                .expect("w")
            },
            "est invalide",
        ),
        (
            "not text",
            |p| std::fs::write(p, b"(edition: \"2026\xff\")").expect("w"),
            "ne peut pas être lu",
        ),
    ]
}

fn restore(profile: &Path) {
    if profile.is_dir() {
        std::fs::remove_dir(profile).expect("rmdir");
    }
    std::fs::write(profile, own_profile_text()).expect("restored");
}

fn says_what_and_what_to_do(text: &str, why: &str) -> bool {
    text.contains(&format!("« {OWN} »"))
        && text.contains(why)
        && text.contains("l'impression finale est refusée")
        && text.contains("édition 2026 fourni avec l'application")
        && text.contains("Profil de l'appel…")
}

#[test]
fn check_and_render_report_an_unusable_remembered_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (dossier, profile) = setup(dir.path());
    let ok = run(&["check", s(&dossier)]);
    let report = String::from_utf8_lossy(&ok.stdout).to_string();
    assert!(!report.contains("minimum exigé est 15"), "{report}");
    assert!(!report.contains(OWN), "{report}");
    for (what, breakage, why) in breakages() {
        breakage(&profile);
        let out = run(&["check", s(&dossier)]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{what}: {report}");
        assert!(says_what_and_what_to_do(&report, why), "{what}: {report}");
        // Meanwhile the bundled edition's rules are the ones shown.
        assert!(report.contains("minimum exigé est 15"), "{what}: {report}");

        let pdf = dir.path().join("final.pdf");
        let out = run(&["render", s(&dossier), "-o", s(&pdf), "--final"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(says_what_and_what_to_do(&stderr, why), "{what}: {stderr}");
        assert!(!pdf.exists(), "{what}: nothing printed final");

        // Naming a profile explicitly uses it as asked.
        let other = dir.path().join("explicite.ron");
        std::fs::write(&other, own_profile_text()).expect("other");
        let out = run(&["check", s(&dossier), "--appel", s(&other)]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(!report.contains(OWN), "{what}: {report}");
        assert!(!report.contains("minimum exigé est 15"), "{what}: {report}");

        restore(&profile);
        let out = run(&["check", s(&dossier)]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(!report.contains(OWN), "{what}, restored: {report}");
    }
}

#[test]
fn the_core_check_pipeline_reports_it_and_caches_nothing_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (dossier, profile) = setup(dir.path());
    let base = service::base_dir(Some(&dossier));
    let finding = |why: &str| {
        let opened = service::session::open(&dossier, None).expect("opens");
        let quick = service::check::quick(&opened.dossier, &opened.profile, &base);
        let (_, full) = service::check::full(&opened.dossier, &opened.profile, &base);
        let pick = |fs: &[cluster_dossier::model::Finding]| {
            fs.iter()
                .find(|f| f.message.contains(OWN))
                .map(|f| (f.is_blocking(), says_what_and_what_to_do(&f.message, why)))
        };
        assert_eq!(pick(&quick), pick(&full));
        pick(&quick)
    };
    assert_eq!(finding(""), None);
    for (what, breakage, why) in breakages() {
        breakage(&profile);
        assert_eq!(finding(why), Some((true, true)), "{what}");
        // Every later check says the same (a broken file is not parsed again).
        let before = profiles::parse_count();
        assert_eq!(finding(why), Some((true, true)), "{what}");
        assert!(profiles::parse_count() - before <= 1, "{what}");
        restore(&profile);
        assert_eq!(finding(""), None, "{what}, restored");
    }
}

#[test]
fn the_wizard_shows_it_among_the_blocking_points() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (dossier, profile) = setup(dir.path());
    std::fs::remove_file(&profile).expect("rm");
    let mut app = DossierApp::new(None);
    app.open_path(&dossier);
    app.set_tab(Tab::Verification);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    assert_eq!(h.state().dossier().call_profile.as_deref(), Some(OWN));
    let shown = h.query_all_by_label_contains(OWN).count();
    assert!(shown > 0, "the finding names the file in the wizard");
    assert!(
        h.query_by_label_contains("l'impression finale est refusée")
            .is_some()
    );
}
