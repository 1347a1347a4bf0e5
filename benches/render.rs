//! Render the large reference dossier (300 members, 40 projects, about twelve
//! paragraphs per text section, 3 copies) with the release binary, as a user
//! would, and report time, pages and the process's peak memory.
//! Targets (issue « print package »): ≤ 0.5 s and ≤ 100 MB peak.

#[path = "common.rs"]
mod common;

use std::process::Command;
use std::time::Instant;

fn main() {
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");
    let dir = std::env::temp_dir().join(format!(
        "cluster-dossier-render-bench-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("reference.ron");
    let output = dir.join("reference.pdf");
    let status = Command::new(bin)
        .args(["new", "--synthetic", "--members", "300", "--projects", "40"])
        .arg(&input)
        .status()
        .expect("run new");
    assert!(status.success());

    let mut times = Vec::new();
    let mut last_stdout = String::new();
    for _ in 0..5 {
        let t = Instant::now();
        let out = Command::new(bin)
            .arg("render")
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .env("CLUSTER_DOSSIER_STATS", "1")
            .output()
            .expect("run render");
        times.push(t.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        last_stdout = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
    }
    times.sort();
    println!("{}", last_stdout.trim());
    common::report("render, processus complet (3 exemplaires)", &times, 500.0);
    let size = std::fs::metadata(&output).map(|m| m.len()).unwrap_or(0);
    println!("PDF : {} Ko", size / 1024);
    let _ = std::fs::remove_dir_all(&dir);
}
