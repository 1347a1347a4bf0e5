//! Load, check and save a dossier of 500 members and 60 projects.
//! Targets (issue « Foundation »): each ≤ 20 ms in release.

#[path = "common.rs"]
mod common;

use cluster_dossier::model::rules::{CheckContext, check};
use cluster_dossier::model::{CallProfile, synthetic};
use cluster_dossier::store;

fn main() {
    let profile = CallProfile::edition_2026();
    let dossier = synthetic::dossier(&profile, 500, 60);
    let dir = std::env::temp_dir().join(format!("cluster-dossier-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("grand-dossier.ron");
    store::save(&path, &dossier).expect("save");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "Dossier de 500 membres et 60 projets : {} Ko sur disque",
        size / 1024
    );

    let saves = common::time_runs(30, || store::save(&path, &dossier).expect("save"));
    common::report("enregistrement (atomique, avec .bak)", &saves, 20.0);
    let loads = common::time_runs(30, || {
        let d = store::load(&path).expect("load");
        std::hint::black_box(d);
    });
    common::report("chargement", &loads, 20.0);
    let checks = common::time_runs(30, || {
        let f = check(&dossier, &profile, &CheckContext { now_unix: Some(0) });
        std::hint::black_box(f);
    });
    common::report("vérification (toutes les règles)", &checks, 20.0);
    let _ = std::fs::remove_dir_all(&dir);
}
