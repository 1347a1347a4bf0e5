//! # Dossier Cluster
//!
//! Prepares, checks and prints the application dossier of the Moroccan call
//! for projects « Soutien à la dynamique des clusters marocains ».
//!
//! Data flows one way (see `ARCHITECTURE.md`):
//!
//! ```text
//!  call profile (assets/*.ron or a file) ─► model::CallProfile ─┐
//!                                                               ├─► model::rules ─► findings
//!  store (RON file, lock, backup) ◄──► model::Dossier ──────────┤
//!                                                               └─► print::layout ─► pages ─► print::pdf ─► PDF
//!                  service (profiles, check pipeline, open/save, print and export jobs)
//!                    ▲                              ▲
//!                  cli (commands)                 ui (egui wizard)     — never each other
//! ```
//!
//! - [`model`]: plain data of the dossier and of the call, pure computations
//!   and rules returning findings. No GUI, PDF or file I/O.
//! - [`store`]: RON files with a format version, atomic saves under a lock
//!   with a backup, bounded reads, settings, recent files, autosave recovery.
//! - [`print`]: layout (document → pages of positioned boxes measured with
//!   the bundled font) and the PDF writer, the only user of printpdf.
//! - [`import`]: the member register from CSV, XLSX, XLS and ODS sheets.
//! - [`export`]: the budget and indicators as an XLSX workbook.
//! - [`proofcopy`]: the written sections as a Word document for the board
//!   to correct before signing (« Copie de relecture »).
//! - [`attach`]: scanned PDF, JPEG and PNG pieces inserted in the package.
//! - [`service`]: the core both front ends drive.
//! - [`cli`]: the commands `check`, `new`, `new-edition`, `render`,
//!   `import-members`, `export-tables`, `proofread`, `check-profile`,
//!   `export-profile`.
//! - [`ui`]: the eframe wizard, one file per tab; the only user of egui.

pub mod attach;
pub mod cli;
pub mod export;
pub mod import;
pub mod model;
pub mod print;
pub mod proofcopy;
pub mod service;
pub mod store;
pub mod ui;

/// The bundled example dossier, a fictional cluster meeting every threshold.
pub const EXAMPLE_DOSSIER_RON: &str = include_str!("../assets/exemple-dossier.ron");

/// Parses the bundled example.
pub fn example_dossier() -> Result<model::Dossier, store::StoreError> {
    store::parse(
        EXAMPLE_DOSSIER_RON,
        std::path::Path::new("exemple-dossier.ron"),
    )
}

/// Seconds since the Unix epoch from the system clock, for the deadline rule.
pub fn now_unix() -> Option<i64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}
