//! The desktop wizard (eframe, glow). Only this module uses egui.
//!
//! [`app::DossierApp`] holds the state and draws the whole window from a
//! `Ui`, so eframe and the kittest tests drive the same code.

pub mod app;
pub mod bidi;
pub mod eligibility;
pub mod help;
pub mod history;
pub mod identity;
pub mod job;
pub mod picker;
pub mod preview;
pub mod print_job;
pub mod proofcopy;
mod rows;
pub mod tabs;
pub mod theme;
pub mod widgets;
pub mod window;
mod year_grid;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::DossierApp;

/// The bundled DejaVu fonts for the UI, so rendering does not depend on the
/// system (and Arabic names display shaped).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        std::sync::Arc::new(egui::FontData::from_static(
            crate::service::pages::REGULAR_TTF,
        )),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        std::sync::Arc::new(egui::FontData::from_static(crate::service::pages::BOLD_TTF)),
    );
    if let Some(list) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        list.insert(0, "dejavu".into());
    }
    if let Some(list) = fonts.families.get_mut(&egui::FontFamily::Monospace) {
        list.push("dejavu".into());
    }
    ctx.set_fonts(fonts);
}

struct EframeApp {
    app: DossierApp,
    started: std::time::Instant,
    frames: u32,
    /// Whether the window was fitted to the screen (on its first frame).
    fitted: bool,
}

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fitted {
            self.fitted = window::fit_first_frame(ui.ctx());
        }
        self.app.show(ui);
        self.frames += 1;
        // For the start-up benchmark: the first frame with the wizard drawn
        // (the very first one only installs the fonts).
        if self.frames == 2 && std::env::var_os("CLUSTER_DOSSIER_FIRST_FRAME").is_some() {
            println!(
                "premier affichage : {:.1} ms après le lancement",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Opens the window, with `path` loaded if given.
pub fn run(path: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(window::DEFAULT_SIZE)
        .with_min_inner_size(window::MIN_SIZE)
        .with_title("Dossier Cluster")
        .with_app_id(identity::APP_ID);
    if let Some(icon) = identity::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Dossier Cluster",
        options,
        Box::new(move |_cc| {
            let mut app = DossierApp::new(crate::service::AppDirs::locate());
            if let Some(p) = path {
                app.open_path(&p);
            }
            Ok(Box::new(EframeApp {
                app,
                started,
                frames: 0,
                fitted: false,
            }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Impossible d'ouvrir la fenêtre : {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bulk;
#[cfg(test)]
mod tests_contrast;
#[cfg(test)]
mod tests_copy;
#[cfg(test)]
mod tests_edition;
#[cfg(test)]
mod tests_figures;
#[cfg(test)]
mod tests_focus;
#[cfg(test)]
mod tests_help;
#[cfg(test)]
mod tests_manners;
#[cfg(test)]
mod tests_money;
#[cfg(test)]
mod tests_narrow;
#[cfg(test)]
mod tests_preview;
#[cfg(test)]
mod tests_rubrics;
#[cfg(test)]
mod tests_secretary;
#[cfg(test)]
mod tests_tables;
#[cfg(test)]
mod tests_windows;
