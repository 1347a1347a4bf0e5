//! The « Aperçu » pane alone in a real window, beside two fields of the
//! example dossier, to look at it before the wizard wires it in:
//! `cargo run --example preview [-- --membres 300] [--sombre] [--champ PATH]`.

use std::sync::Arc;

use cluster_dossier::model::{CallProfile, Dossier, synthetic};
use cluster_dossier::ui::preview::PreviewPane;

struct App {
    dossier: Dossier,
    profile: Arc<CallProfile>,
    pane: PreviewPane,
    clicked: Option<String>,
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::left("formulaire")
            .exact_size(330.0)
            .show(ui, |ui| {
                ui.heading("Carte d'identité");
                let mut changed = None;
                ui.label("Dénomination");
                if ui
                    .text_edit_singleline(&mut self.dossier.identity.name)
                    .changed()
                {
                    changed = Some("identity.name");
                }
                ui.label("Sigle");
                if ui
                    .text_edit_singleline(&mut self.dossier.identity.acronym)
                    .changed()
                {
                    changed = Some("identity.acronym");
                }
                if let Some(path) = changed {
                    self.pane
                        .request(self.dossier.clone(), self.profile.clone());
                    self.pane.reveal(path);
                }
                ui.separator();
                ui.label(match &self.clicked {
                    Some(p) => format!("Champ cliqué : {p}"),
                    None => "Cliquez un texte de l'aperçu".to_string(),
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(path) = self.pane.show(ui) {
                self.clicked = Some(path);
            }
        });
    }
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let profile = Arc::new(CallProfile::edition_2026());
    let dossier = match value("--membres").and_then(|n| n.parse().ok()) {
        Some(n) => synthetic::dossier(&profile, n, 40),
        None => match cluster_dossier::example_dossier() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("exemple illisible : {e}");
                std::process::exit(2);
            }
        },
    };
    let dark = args.iter().any(|a| a == "--sombre");
    let reveal = value("--champ");
    let mut pane = PreviewPane::new();
    pane.request(dossier.clone(), profile.clone());
    if let Some(path) = &reveal {
        pane.reveal(path);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 768.0])
            .with_title("Aperçu — Dossier Cluster"),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Aperçu",
        options,
        Box::new(move |cc| {
            cc.egui_ctx.set_theme(if dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            cluster_dossier::ui::install_fonts(&cc.egui_ctx);
            Ok(Box::new(App {
                dossier,
                profile,
                pane,
                clicked: None,
            }))
        }),
    )
}
