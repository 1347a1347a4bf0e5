//! Accueil: the call, its deadline, overall progress, and where to start.

use egui::{RichText, Ui};

use crate::model::Section;
use crate::ui::app::{Command, DossierApp, Pending, Tab};
use crate::ui::widgets::{AMBER, GREEN, HINT_SIZE, RED, title};

pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    let p = &app.profile;
    title(ui, "Dossier Cluster");
    ui.label(RichText::new(format!("Version {}", env!("CARGO_PKG_VERSION"))).weak());
    ui.label(RichText::new(&p.title).strong());
    ui.label(&p.ministry);
    ui.label(RichText::new(&p.department).size(HINT_SIZE));
    let days_left =
        crate::now_unix().map(|now| (p.deadline.unix_seconds() - now).div_euclid(86_400));
    let deadline = format!(
        "Date limite de dépôt : {} ({})",
        p.deadline.french(),
        p.time_zone_label()
    );
    match days_left {
        Some(d) if d < 0 => ui.label(RichText::new(format!("{deadline} — dépassée")).color(RED)),
        Some(d) => ui.label(
            RichText::new(format!("{deadline} — dans {d} jour(s)")).color(if d < 15 {
                AMBER
            } else {
                GREEN
            }),
        ),
        None => ui.label(deadline),
    };
    ui.label(format!("Dossier à remettre en {} exemplaires, signé et cacheté par le Président sur toutes les pages du dossier technique.", p.copies));

    title(ui, "Avancement");
    let sections: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::General)
        .collect();
    let complete = sections
        .iter()
        .filter(|s| {
            !app.findings
                .iter()
                .any(|f| f.section == **s && f.is_blocking())
        })
        .count();
    let progress = complete as f32 / sections.len() as f32;
    ui.add(egui::ProgressBar::new(progress).text(format!(
        "{complete} parties sur {} sans point bloquant",
        sections.len()
    )));
    let (blocking, warnings) = crate::model::rules::summary(&app.findings);
    ui.label(format!(
        "{blocking} point(s) bloquant(s), {warnings} avertissement(s)."
    ));
    if ui.button("Voir la vérification").clicked() {
        app.tab = Tab::Verification;
    }

    title(ui, "Commencer");
    ui.horizontal(|ui| {
        if ui.button("Nouveau dossier").clicked() {
            app.push(Command::Request(Pending::New));
        }
        if ui.button("Ouvrir un dossier…").clicked() {
            app.push(Command::Request(Pending::AskOpenPath));
        }
        if ui.button("Ouvrir l'exemple").clicked() {
            app.push(Command::Request(Pending::OpenExample));
        }
    });
    ui.add_space(6.0);
    ui.strong("Fichiers récents");
    if app.settings.recent_files.is_empty() {
        ui.label(RichText::new("Aucun fichier récent.").weak());
    }
    for path in app.settings.recent_files.clone() {
        if ui.link(path.display().to_string()).clicked() {
            app.push(Command::Request(Pending::Open(path)));
        }
    }
}
