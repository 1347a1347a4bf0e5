//! The layers' rules, checked on the sources: who may name whom (parsed
//! with `syn`, in `layers.rs`), egui stays in `src/ui`, printpdf in
//! `src/print`, and no source file grows past what fits in a head.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("src is readable");
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("source is UTF-8");
            let rel = p
                .strip_prefix(root)
                .expect("below the root")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, text)
        })
        .collect()
}

/// Lines that are code, not comments (doc comments may name other layers).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| {
        let t = l.trim_start();
        !t.starts_with("//")
    })
}

fn uses(text: &str, needle: &str) -> bool {
    code_lines(text).any(|l| l.contains(needle))
}

#[path = "architecture/layers.rs"]
mod layers;

#[test]
fn egui_stays_in_ui_and_printpdf_in_print() {
    let mut offences = Vec::new();
    for (file, text) in sources() {
        let gui = ["egui::", "eframe::", "use egui", "use eframe", "rfd::"];
        // main.rs and the GUI binaries only start the wizard through crate::ui.
        if !file.starts_with("src/ui") && gui.iter().any(|n| uses(&text, n)) {
            offences.push(format!("{file} uses egui, eframe or rfd"));
        }
        if !file.starts_with("src/print") && uses(&text, "printpdf") {
            offences.push(format!("{file} uses printpdf"));
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}

#[test]
fn the_model_does_no_file_io() {
    let mut offences = Vec::new();
    for (file, text) in sources() {
        if file.starts_with("src/model")
            && ["std::fs", "File::open", "File::create"]
                .iter()
                .any(|n| uses(&text, n))
        {
            offences.push(format!("{file} reads or writes files"));
        }
    }
    assert!(offences.is_empty(), "{offences:#?}");
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 600)
        .map(|(file, text)| format!("{file}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over 600 lines: {long:#?}");
}
