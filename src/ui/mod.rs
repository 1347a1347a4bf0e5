//! The desktop wizard (eframe). Only this module uses egui.

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_path: Option<PathBuf>) -> ExitCode {
    eprintln!("L'assistant graphique n'est pas encore disponible dans cette version.");
    ExitCode::from(2)
}
