//! Partie 1: the six administrative pieces, their status, date and note.

use egui::{RichText, Ui};

use super::grid;
use crate::model::CallProfile;
use crate::model::dossier::{AdminPiece, Dossier, PieceStatus};
use crate::model::field::*;
use crate::ui::widgets::{Form, HINT_SIZE, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Administrative);
    title(ui, "Partie 1 – Dossier administratif");
    ui.label("Pour chaque pièce, indiquez si elle est fournie sur papier ou jointe en fichier (choisissez-le avec « Parcourir… »). Rangez les fichiers joints dans le même dossier que votre fichier de dossier, ou dans un sous-dossier : ils le suivront si vous copiez le tout sur une clé USB.");
    for def in &p.admin_pieces {
        if d.admin_piece(&def.id).is_none() {
            d.administrative.push(AdminPiece {
                id: def.id.clone(),
                ..AdminPiece::default()
            });
        }
        let Some(piece) = d.administrative.iter_mut().find(|x| x.id == def.id) else {
            continue;
        };
        let path = FieldPath::admin_piece(&def.id);
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&def.label).strong());
            ui.label(RichText::new(&def.requirement).size(HINT_SIZE).weak());
            grid(ui, &path, |ui| {
                let l = ui.label("Statut");
                let mut kind = match piece.status {
                    PieceStatus::ToProvide => 0,
                    PieceStatus::OnPaper => 1,
                    PieceStatus::Attached(_) => 2,
                };
                let before = kind;
                let r = ui.horizontal(|ui| {
                    let choices = [
                        ui.radio_value(&mut kind, 0, "À fournir"),
                        ui.radio_value(&mut kind, 1, "Fourni sur papier"),
                        ui.radio_value(&mut kind, 2, "Fichier joint"),
                    ];
                    let [first, second, third] = choices;
                    match before {
                        0 => first,
                        1 => second,
                        _ => third,
                    }
                });
                let _ = l;
                // The group is outlined; the current choice takes the keyboard.
                form.mark_group(ui, &path, &r.response, &r.inner);
                ui.end_row();
                if kind != before {
                    piece.status = match kind {
                        0 => PieceStatus::ToProvide,
                        1 => PieceStatus::OnPaper,
                        _ => PieceStatus::Attached(String::new()),
                    };
                    form.touch(&path.clone().field(AdminField::Status));
                }
                if let PieceStatus::Attached(file) = &mut piece.status {
                    form.file(ui, &path, "Fichier (PDF, JPEG, PNG)", file);
                }
                form.date(
                    ui,
                    &path.clone().field(AdminField::Date),
                    "Date",
                    &mut piece.date,
                );
                form.long_text(
                    ui,
                    &path.clone().field(AdminField::Note),
                    "Observation",
                    &mut piece.note,
                );
            });
        });
    }
}
