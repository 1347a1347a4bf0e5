//! `cluster-dossier-gui`: the wizard only, for the Windows installer's
//! shortcut and file association and for the macOS bundle.
//!
//! On Windows a program is either a console program (a console window opens
//! when it is double-clicked) or a GUI program (its output goes nowhere when
//! run from a terminal). Reattaching a GUI program to its parent's console
//! needs a Win32 call, hence `unsafe`, which the crate forbids. So the
//! commands stay in the console binary `cluster-dossier` and this one is
//! built for the "windows" subsystem: double-clicked, it opens no console.

#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    // The file to open, as given by the file association or a drop on the
    // icon; anything else on the command line is for the console binary.
    let path = std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(std::path::PathBuf::from);
    cluster_dossier::ui::run(path)
}
