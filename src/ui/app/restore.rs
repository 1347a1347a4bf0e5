//! The wizard's side of recovery: autosaving a few seconds after each
//! change, and presenting what [`crate::service::recovery`] offers back
//! (the comparison with the file on disk, her choice). The decisions are
//! the core's; this file only shows them and passes her answer on.

use std::time::Duration;

use egui::{RichText, Ui};

use super::{Command, Dialog, DossierApp, Tab};
use crate::model::Date;
use crate::service::recovery::{Choice, Disk, Offer, RecoveryError};

/// How long the autosave waits for a pause in typing.
const DELAY: Duration = Duration::from_millis(1500);

impl DossierApp {
    pub(super) fn autosave(&mut self, ui: &Ui) {
        let Some(changed) = self.runtime.last_change else {
            return;
        };
        if self.runtime.autosaved || !self.document.dirty || self.runtime.dirs.is_none() {
            return;
        }
        let elapsed = changed.elapsed();
        if elapsed < DELAY {
            ui.ctx().request_repaint_after(DELAY - elapsed);
            return;
        }
        let written = self.runtime.recoveries.autosave(
            self.document.path.as_deref(),
            self.document.base.content,
            &self.document.dossier,
        );
        self.runtime.autosave_error = written
            .err()
            .map(|e| format!("Sauvegarde automatique impossible : {e}"));
        self.runtime.autosaved = true;
    }

    /// Shows the first offer waiting, if any.
    pub(super) fn show_next_offer(&mut self) {
        if !self.runtime.offers.is_empty() {
            self.view.dialog = Some(Dialog::Recovery);
        } else if matches!(self.view.dialog, Some(Dialog::Recovery)) {
            self.view.dialog = None;
        }
    }

    /// After opening `path`: the work a crashed session left on it comes
    /// first.
    pub(super) fn offer_recoveries_of(&mut self, path: &std::path::Path) {
        let key = crate::service::recovery::source_key(path);
        let (mut first, rest): (Vec<Offer>, Vec<Offer>) = std::mem::take(&mut self.runtime.offers)
            .into_iter()
            .partition(|o| o.recovery.source.as_deref() == Some(key.as_path()));
        first.extend(self.runtime.recoveries.pending_for(path));
        self.runtime.offers = first.into_iter().chain(rest).collect();
        self.show_next_offer();
    }

    /// Her answer to the offer shown.
    pub(super) fn answer_offer(&mut self, answer: Answer) {
        let Some(offer) = self.runtime.offers.pop_front() else {
            self.show_next_offer();
            return;
        };
        let choice = match answer {
            Answer::Later => {
                self.runtime.recoveries.postpone(offer);
                return self.show_next_offer();
            }
            Answer::Discard => {
                self.runtime.recoveries.discard(offer);
                return self.show_next_offer();
            }
            Answer::Choose(choice) => choice,
        };
        let restored = match self.runtime.recoveries.resolve(offer, choice) {
            Ok(r) => r,
            Err(RecoveryError::ChangedAgain(offer) | RecoveryError::NoDiskVersion(offer)) => {
                self.view.status = "Le fichier a encore changé sur le disque : comparez à nouveau les deux versions.".into();
                self.view.status_is_error = true;
                self.runtime.offers.push_front(*offer);
                return self.show_next_offer();
            }
            Err(RecoveryError::Session(e)) => {
                self.view.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        self.replace(restored.dossier, restored.profile, restored.path);
        self.document.base = restored.base;
        self.document.saved = restored.saved;
        self.document.dirty = self.document.dossier != self.document.saved;
        // The core wrote her decision to the recovery file already.
        self.runtime.autosaved = true;
        self.view.tab = Tab::Home;
        self.view.status = if self.document.dirty {
            "Travail restauré : pensez à enregistrer".into()
        } else {
            "Version du disque gardée".into()
        };
        self.view.status_is_error = false;
        // The other works wait for their dossier or the next start:
        // restoring one now would replace the work just restored.
        let left = self.runtime.offers.len();
        for offer in std::mem::take(&mut self.runtime.offers) {
            self.runtime.recoveries.postpone(offer);
        }
        let mut lines = restored.notes;
        if left > 0 {
            lines.push(format!(
                "{left} autre{s} travail non enregistré{s} attend{ent} : il{s} {sera} proposé{s} à la prochaine ouverture de {leur} dossier ou au prochain démarrage.",
                s = if left > 1 { "s" } else { "" },
                ent = if left > 1 { "ent" } else { "" },
                sera = if left > 1 { "seront" } else { "sera" },
                leur = if left > 1 { "leur" } else { "son" },
            ));
        }
        self.view.dialog = (!lines.is_empty()).then(|| Dialog::Info {
            title: match choice {
                Choice::MergeMembers => "Membres fusionnés".to_string(),
                _ => "Travail restauré".to_string(),
            },
            lines,
        });
    }
}

/// What she answered to an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Choose(Choice),
    /// « Plus tard »: offered again at the next start.
    Later,
    /// « Supprimer ce travail ».
    Discard,
}

/// « le 4 décembre 2026 à 14 h 32 » (Morocco's legal time, UTC+1).
fn when(unix: i64) -> String {
    let local = unix + 3600;
    let date = Date::from_days_since_epoch(local.div_euclid(86_400))
        .map(|d| d.french())
        .unwrap_or_default();
    let minutes = local.rem_euclid(86_400) / 60;
    format!("le {date} à {} h {:02}", minutes / 60, minutes % 60)
}

/// « Atlas, Nour et 48 autres », or « aucun ».
fn names(list: &[String]) -> String {
    if list.is_empty() {
        return "aucun".to_string();
    }
    let shown: Vec<&str> = list.iter().take(4).map(String::as_str).collect();
    let more = list.len().saturating_sub(shown.len());
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(
            " et {more} autre{}",
            if more > 1 { "s" } else { "" }
        ));
    }
    text
}

/// The offer dialog: which work, what the disk holds now, her choices.
pub(super) fn dialog(ui: &mut Ui, offer: &Offer, out: &mut Vec<Command>) {
    let r = &offer.recovery;
    ui.heading("Travail non enregistré retrouvé");
    let file = r.source.as_ref().map_or_else(
        || "d'un dossier jamais enregistré".to_string(),
        |p| format!("de « {} »", p.display()),
    );
    ui.label(format!(
        "Une session s'est arrêtée sans enregistrer les modifications {file} (sauvegarde automatique {}).",
        when(r.saved_at)
    ));
    let choose = |c| Command::AnswerRecovery(Answer::Choose(c));
    let mut buttons: Vec<(&str, Command)> = Vec::new();
    match offer.disk() {
        Disk::Untitled => buttons.push(("Restaurer", choose(Choice::Recovered))),
        Disk::Unchanged => {
            ui.label("Le fichier n'a pas changé depuis : restaurer ne remplace rien.");
            buttons.push(("Restaurer", choose(Choice::Recovered)));
        }
        Disk::Missing => {
            ui.label(
                RichText::new("Le fichier n'est plus sur le disque : « Enregistrer » le recréera.")
                    .color(ui.visuals().warn_fg_color),
            );
            buttons.push(("Restaurer", choose(Choice::Recovered)));
        }
        Disk::Unreadable(why) => {
            ui.label(RichText::new(why.as_str()).color(ui.visuals().error_fg_color));
            ui.label(
                "Après « Restaurer », « Enregistrer » demandera avant de remplacer ce fichier.",
            );
            buttons.push(("Restaurer", choose(Choice::Recovered)));
        }
        Disk::Changed(disk) => {
            changed(ui, offer, disk);
            buttons.extend([
                ("Garder la version du disque", choose(Choice::Disk)),
                ("Garder la version récupérée", choose(Choice::Recovered)),
                ("Fusionner les membres", choose(Choice::MergeMembers)),
            ]);
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for (label, command) in buttons {
            if ui.button(label).clicked() {
                out.push(command);
            }
        }
        if ui.button("Plus tard").clicked() {
            out.push(Command::AnswerRecovery(Answer::Later));
        }
        if ui.button("Supprimer ce travail").clicked() {
            out.push(Command::AnswerRecovery(Answer::Discard));
        }
    });
}

/// Both versions side by side, when another program saved the file since.
fn changed(ui: &mut Ui, offer: &Offer, disk: &crate::model::Dossier) {
    let recovered = &offer.recovery.dossier;
    ui.label(
        RichText::new(
            "Le fichier a été enregistré par un autre programme depuis (import, autre fenêtre) : les deux versions diffèrent. Choisissez ; rien n'est écrit avant « Enregistrer », et la version remplacée reste alors dans la copie « .bak ».",
        )
        .color(ui.visuals().warn_fg_color),
    );
    let comparison = offer.comparison();
    egui::Grid::new("recovery_versions")
        .num_columns(3)
        .spacing([16.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong("Version du disque");
            ui.strong("Version récupérée");
            ui.end_row();
            ui.label("Enregistrée");
            ui.label(offer.disk_written_at().map(when).unwrap_or_default());
            ui.label(when(offer.recovery.saved_at));
            ui.end_row();
            ui.label("Dénomination");
            ui.label(&disk.identity.name);
            ui.label(&recovered.identity.name);
            ui.end_row();
            ui.label("Membres");
            ui.label(disk.members.len().to_string());
            ui.label(recovered.members.len().to_string());
            ui.end_row();
            ui.label("Membres seulement ici");
            ui.label(names(&comparison.only_disk));
            ui.label(names(&comparison.only_recovered));
            ui.end_row();
        });
    if !comparison.parts.is_empty() {
        ui.label(format!(
            "Rubriques qui diffèrent : {}.",
            comparison.parts.join(", ")
        ));
    }
    ui.label("« Fusionner les membres » garde la version récupérée et y ajoute les membres présents seulement sur le disque.");
}
