//! Render dossiers with the release binary, as a user would, and report
//! time, pages per copy, PDF size and the process's peak memory:
//! - the bundled example (pages per copy, PDF size);
//! - the large reference dossier (300 members, 40 projects, 3 copies):
//!   targets ≤ 0.3 s and ≤ 100 MB peak (issue 10);
//! - 2 000 members (3 copies): peak under 120 MB (issue 10);
//! - the peer (issue 19): the 300-member dossier's document written for
//!   Typst and compiled by it in the same run; our render must take at most
//!   0.06 × Typst's time and 60 MB (skipped, with a message, without the
//!   `typst` Python package: `pip install typst`);
//! - one paragraph of 4 MB (issue 16): line breaking is linear, seconds.

#[path = "common.rs"]
mod common;
#[path = "typst_peer.rs"]
mod typst_peer;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// One `render` run: its duration, pages per copy and peak memory (MB).
struct Run {
    time: std::time::Duration,
    pages_per_copy: Option<usize>,
    peak_mb: Option<f64>,
}

fn render(bin: &str, input: &Path, output: &Path) -> Run {
    let t = Instant::now();
    let out = Command::new(bin)
        .arg("render")
        .arg(input)
        .arg("-o")
        .arg(output)
        .env("CLUSTER_DOSSIER_STATS", "1")
        .output()
        .expect("run render");
    let time = t.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // « 3 exemplaire(s) de 117 pages. »
    let pages_per_copy = stdout.lines().find_map(|l| {
        let rest = l.split(" exemplaire(s) de ").nth(1)?;
        rest.split_whitespace().next()?.parse().ok()
    });
    // « Statistiques : 351 pages, mémoire de pointe 61.2 Mo … »
    let peak_mb = stdout.lines().find_map(|l| {
        let rest = l.split("mémoire de pointe ").nth(1)?;
        rest.split_whitespace().next()?.parse().ok()
    });
    Run {
        time,
        pages_per_copy,
        peak_mb,
    }
}

fn create(bin: &str, args: &[&str], path: &Path) {
    let status = Command::new(bin)
        .args(args)
        .arg(path)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run new");
    assert!(status.success());
}

fn kb(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) / 1024
}

fn verdict(ok: bool) -> &'static str {
    if ok { "OK" } else { "AU-DESSUS DE LA CIBLE" }
}

/// Renders `input` `runs` times; prints time, pages, size and peak;
/// returns the median time in seconds and the highest peak (MB).
fn measure(
    bin: &str,
    name: &str,
    input: &Path,
    dir: &Path,
    runs: usize,
    targets: (f64, f64),
) -> (f64, Option<f64>, Option<usize>) {
    let output = dir.join("out.pdf");
    let mut all: Vec<Run> = (0..runs).map(|_| render(bin, input, &output)).collect();
    all.sort_by_key(|r| r.time);
    let times: Vec<_> = all.iter().map(|r| r.time).collect();
    common::report(name, &times, targets.0);
    let peak = all
        .iter()
        .filter_map(|r| r.peak_mb)
        .fold(None, |m: Option<f64>, p| Some(m.map_or(p, |m| m.max(p))));
    let pages = all.first().and_then(|r| r.pages_per_copy);
    match peak {
        Some(p) => println!(
            "    mémoire de pointe {p:.1} Mo (cible < {} Mo) {}",
            targets.1,
            verdict(p < targets.1)
        ),
        None => println!("    mémoire de pointe inconnue sur ce système"),
    }
    println!(
        "    {} pages par exemplaire, PDF {} Ko",
        pages.map_or_else(|| "?".into(), |p| p.to_string()),
        kb(&output)
    );
    (common::percentile(&times, 0.5).as_secs_f64(), peak, pages)
}

/// Typst on the same document, in this run: the ratio of times and both
/// peaks against the targets (≤ 0.06 × Typst's time, ≤ 60 MB).
fn peer(dir: &Path, ours: (f64, Option<f64>, Option<usize>)) {
    let profile = cluster_dossier::model::CallProfile::edition_2026();
    let dossier = cluster_dossier::model::synthetic::dossier(&profile, 300, 40);
    let typ = dir.join("peer.typ");
    std::fs::write(&typ, typst_peer::source(&dossier, &profile, 3))
        .expect("write the Typst source");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    match typst_peer::compile(&typ, &fonts, &dir.join("peer.pdf")) {
        Err(why) => println!("pair Typst : ignoré, {why}"),
        Ok(typst) => {
            let (time, peak, pages) = ours;
            let ratio = time / typst.seconds;
            println!(
                "pair Typst (même contenu, 3 ex.)        {:>8.0} ms, {} pages, mémoire de pointe {:.0} Mo",
                typst.seconds * 1000.0,
                typst.pages,
                typst.peak_mb
            );
            println!(
                "    nous : {:.0} ms, {} pages ; rapport des temps {ratio:.3} (cible ≤ 0,06) {}",
                time * 1000.0,
                pages.map_or_else(|| "?".into(), |p| (p * 3).to_string()),
                verdict(ratio <= 0.06)
            );
            if let Some(p) = peak {
                println!(
                    "    nous : mémoire de pointe {p:.1} Mo (cible ≤ 60 Mo) {}",
                    verdict(p <= 60.0)
                );
            }
        }
    }
}

/// A dossier whose global strategy is one paragraph of about 4 MB.
fn four_megabytes(bin: &str, dir: &Path) -> std::path::PathBuf {
    let path = dir.join("4mo.ron");
    create(
        bin,
        &["new", "--synthetic", "--members", "300", "--projects", "40"],
        &path,
    );
    let mut d = cluster_dossier::store::load(&path).expect("the synthetic dossier loads");
    d.strategy.global_strategy = "Le cluster fédère des entreprises agro-industrielles du Saïss \
        et soutient leurs projets d'innovation. "
        .repeat(42_000);
    std::fs::remove_file(&path).expect("replace the dossier");
    cluster_dossier::store::save(&path, &d).expect("save the dossier");
    path
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    let dir = std::env::temp_dir().join(format!(
        "cluster-dossier-render-bench-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let example = dir.join("exemple.ron");
    create(bin, &["new", "--example"], &example);
    measure(
        bin,
        "render, exemple (3 ex.)",
        &example,
        &dir,
        3,
        (300.0, 100.0),
    );

    let reference = dir.join("reference.ron");
    create(
        bin,
        &["new", "--synthetic", "--members", "300", "--projects", "40"],
        &reference,
    );
    let ours = measure(
        bin,
        "render, 300 membres / 40 projets (3 ex.)",
        &reference,
        &dir,
        5,
        (300.0, 60.0),
    );
    peer(&dir, ours);

    let big = four_megabytes(bin, &dir);
    measure(
        bin,
        "render, un paragraphe de 4 Mo (3 ex.)",
        &big,
        &dir,
        1,
        (10_000.0, 400.0),
    );

    let large = dir.join("2000.ron");
    create(
        bin,
        &[
            "new",
            "--synthetic",
            "--members",
            "2000",
            "--projects",
            "40",
        ],
        &large,
    );
    measure(
        bin,
        "render, 2 000 membres (3 ex.)",
        &large,
        &dir,
        3,
        (1000.0, 120.0),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
