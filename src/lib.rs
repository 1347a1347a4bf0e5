//! # Dossier Cluster
//!
//! Prepares, checks and prints the application dossier of the Moroccan call
//! for projects « Soutien à la dynamique des clusters marocains ».
//!
//! Data flows one way:
//!
//! ```text
//!  assets/appel-2026.ron ─► model::CallProfile ─┐
//!                                               ├─► model::rules ─► findings
//!  store (RON file) ◄──► model::Dossier ────────┤
//!        ▲                     ▲                └─► print::layout ─► pages ─► print::pdf ─► PDF bytes
//!        │                     │ edits
//!        └──────────── ui (egui wizard tabs) / cli (check, render, new)
//! ```
//!
//! - [`model`]: plain data of the dossier and of the call, pure computations
//!   and rules returning findings. No GUI, PDF or file I/O.
//! - [`store`]: RON files with a format version, atomic saves with backup,
//!   settings, recent files and autosave recovery.
//! - [`print`]: layout (document → pages of positioned boxes measured with
//!   the bundled font) and the PDF writer, the only user of printpdf.
//! - [`ui`]: the eframe wizard, one file per tab; the only user of egui.
//! - [`cli`]: headless `check`, `new` and `render` over the same code.

pub mod attach;
pub mod cli;
pub mod export;
pub mod import;
pub mod model;
pub mod print;
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
