//! Section 1.1: identity, governance contacts, sector, territory, history.

use egui::{RichText, Ui};

use super::grid;
use crate::model::dossier::{Dossier, Person};
use crate::model::field::*;
use crate::model::rubric;
use crate::ui::widgets::{Form, HINT_SIZE, title};

fn person(ui: &mut Ui, form: &mut Form, path: &FieldPath, heading: &str, p: &mut Person) {
    ui.add_space(6.0);
    ui.strong(heading);
    grid(ui, path, |ui| {
        form.text(
            ui,
            &path.clone().field(PersonField::Name),
            &format!("{heading} : nom et prénom"),
            &mut p.name,
        );
        form.long_text(
            ui,
            &path.clone().field(PersonField::Organisation),
            &format!("{heading} : organisme"),
            &mut p.organisation,
        );
        form.text(
            ui,
            &path.clone().field(PersonField::Function),
            &format!("{heading} : fonction"),
            &mut p.function,
        );
        form.text(
            ui,
            &path.clone().field(PersonField::Phone),
            &format!("{heading} : téléphone"),
            &mut p.phone,
        );
        form.text(
            ui,
            &path.clone().field(PersonField::Email),
            &format!("{heading} : e-mail"),
            &mut p.email,
        );
    });
}

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &crate::model::CallProfile) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Identity);
    let before = super::officers::snapshot(&d.identity);
    fields(ui, form, d);
    // Same frame, same undo step: the board follows the officers typed here.
    if super::officers::follow_identity(d, &before) {
        form.buffers.clear();
    }
}

fn fields(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
    let id = &mut d.identity;
    title(ui, "Section 1.1 – Description générale");
    let base = rubric::identity_base();
    super::rubrics::show(ui, form, &base, id, rubric::IDENTITY_HEAD);
    title(ui, "Gouvernance et contacts");
    ui.label(
        RichText::new(
            "Le président, le vice-président et le trésorier sont aussi repris dans le Conseil d'Administration (2 Gouvernance) : inutile de les saisir deux fois.",
        )
        .size(HINT_SIZE)
        .weak(),
    );
    person(
        ui,
        form,
        &FieldPath::identity(IdentityField::President),
        "Président",
        &mut id.president,
    );
    person(
        ui,
        form,
        &FieldPath::identity(IdentityField::VicePresident),
        "Vice-président",
        &mut id.vice_president,
    );
    person(
        ui,
        form,
        &FieldPath::identity(IdentityField::Treasurer),
        "Trésorier",
        &mut id.treasurer,
    );
    person(
        ui,
        form,
        &FieldPath::identity(IdentityField::Director),
        "Directeur (facultatif)",
        &mut id.director,
    );
    super::rubrics::show(ui, form, &base, id, rubric::IDENTITY_TEXTS);
}
