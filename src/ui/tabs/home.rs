//! Accueil: the call, its deadline, overall progress, and where to start.

use egui::{RichText, Ui};

use crate::model::{Dossier, Section};
use crate::ui::app::{Command, DossierApp, Pending, Tab};
use crate::ui::widgets::{GREEN, HINT_SIZE, title};

/// What a call profile is and when she needs one (the menu's words are
/// not enough to know).
pub const PROFILE_EXPLAINED: &str = "Le profil de l'appel est le fichier qui décrit une édition de l'appel à projets : date limite, pièces à fournir, seuils, lignes du budget et des indicateurs, texte de la déclaration. L'édition 2026 est déjà dans l'application : vous n'en avez besoin que si le ministère publie une nouvelle édition ou si quelqu'un vous remet ce fichier.";

pub fn show(ui: &mut Ui, app: &mut DossierApp) {
    let p = &app.document.profile;
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
        Some(d) if d < 0 => ui.label(
            RichText::new(format!("{deadline} — dépassée")).color(ui.visuals().error_fg_color),
        ),
        Some(d) => ui.label(
            RichText::new(format!("{deadline} — dans {d} jour(s)")).color(if d < 15 {
                ui.visuals().warn_fg_color
            } else {
                GREEN
            }),
        ),
        None => ui.label(deadline),
    };
    ui.label(format!("Dossier à remettre en {} exemplaires, signé et cacheté par le Président sur toutes les pages du dossier technique.", p.copies));
    let source = match &app.document.dossier.call_profile {
        None => "intégré à l'application".to_string(),
        Some(file) => format!("fichier {file}"),
    };
    ui.label(format!(
        "Profil de l'appel : édition {} ({source}).",
        p.edition
    ));
    ui.label(
        RichText::new(format!(
            "{PROFILE_EXPLAINED} Pour en choisir un : menu Fichier, « Profil de l'appel… »."
        ))
        .size(HINT_SIZE)
        .weak(),
    );

    if app.is_blank() {
        welcome(ui, app);
    } else {
        progress(ui, app);
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
    if app.runtime.settings.recent_files.is_empty() {
        ui.label(RichText::new("Aucun fichier récent.").weak());
    }
    for path in app.runtime.settings.recent_files.clone() {
        if ui.link(path.display().to_string()).clicked() {
            app.push(Command::Request(Pending::Open(path)));
        }
    }
}

impl DossierApp {
    /// Whether the user has not started: an untitled dossier with nothing
    /// typed. The counts of missing fields mean nothing yet, so they are
    /// not shouted (the navigation can show them quietly too).
    pub fn is_blank(&self) -> bool {
        self.document.path.is_none()
            && self.document.dossier == Dossier::new_for(&self.document.profile)
    }
}

/// The parts of the dossier the progress counts (the tabs with a section).
fn parts() -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|s| *s != Section::General)
        .collect()
}

/// The first screen of an empty dossier: what to do next, not what is missing.
fn welcome(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Bienvenue");
    ui.label(format!(
        "Votre dossier est vide : {} parties à remplir, une par onglet de la colonne de gauche, dans l'ordre du dossier.",
        parts().len()
    ));
    ui.label(
        RichText::new(
            "L'application vérifie au fur et à mesure ce qui manque ; « Vérification » en fait la liste.",
        )
        .size(HINT_SIZE)
        .weak(),
    );
    ui.add_space(6.0);
    let start = egui::Button::new(RichText::new("Commencer par l'identité du cluster").strong())
        .min_size(egui::vec2(0.0, 32.0));
    if ui.add(start).clicked() {
        app.push(Command::GoTo(Tab::Identity));
    }
}

/// Progress once the user has started: parts without blocking points.
fn progress(ui: &mut Ui, app: &mut DossierApp) {
    title(ui, "Avancement");
    let sections = parts();
    let complete = sections
        .iter()
        .filter(|s| {
            !app.document
                .findings
                .iter()
                .any(|f| f.section == **s && f.is_blocking())
        })
        .count();
    // The text beside the bar, not inside it: at 0 the bar's rounded fill
    // sat over the first words.
    ui.label(format!(
        "{complete} parties sur {} sans point bloquant",
        sections.len()
    ));
    let fraction = complete as f32 / sections.len() as f32;
    ui.add(egui::ProgressBar::new(fraction).desired_width(360.0));
    let (blocking, warnings) = crate::model::rules::summary(&app.document.findings);
    ui.label(format!(
        "{blocking} point(s) bloquant(s), {warnings} avertissement(s)."
    ));
    if ui.button("Voir la vérification").clicked() {
        app.view.tab = Tab::Verification;
    }
}
