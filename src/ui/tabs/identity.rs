//! Section 1.1: identity, governance contacts, sector, territory, history.

use egui::{RichText, Ui};

use super::grid;
use crate::model::dossier::{Dossier, Person};
use crate::ui::widgets::{Form, HINT_SIZE, title};

fn person(ui: &mut Ui, form: &mut Form, path: &str, heading: &str, p: &mut Person) {
    ui.add_space(6.0);
    ui.strong(heading);
    grid(ui, path, |ui| {
        form.text(
            ui,
            &format!("{path}.name"),
            &format!("{heading} : nom et prénom"),
            &mut p.name,
        );
        form.long_text(
            ui,
            &format!("{path}.organisation"),
            &format!("{heading} : organisme"),
            &mut p.organisation,
        );
        form.text(
            ui,
            &format!("{path}.function"),
            &format!("{heading} : fonction"),
            &mut p.function,
        );
        form.text(
            ui,
            &format!("{path}.phone"),
            &format!("{heading} : téléphone"),
            &mut p.phone,
        );
        form.text(
            ui,
            &format!("{path}.email"),
            &format!("{heading} : e-mail"),
            &mut p.email,
        );
    });
}

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
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
    grid(ui, "identity", |ui| {
        form.text(ui, "identity.name", "Dénomination", &mut id.name);
        form.text(ui, "identity.acronym", "Sigle", &mut id.acronym);
        form.long_text(
            ui,
            "identity.legal_form",
            "Forme juridique",
            &mut id.legal_form,
        );
        form.date(
            ui,
            "identity.creation_date",
            "Date de création",
            &mut id.creation_date,
        );
        form.long_text(ui, "identity.address", "Siège : adresse", &mut id.address);
        form.text(ui, "identity.city", "Siège : ville", &mut id.city);
        form.long_text(ui, "identity.sector", "Secteur", &mut id.sector);
    });
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
        "identity.president",
        "Président",
        &mut id.president,
    );
    person(
        ui,
        form,
        "identity.vice_president",
        "Vice-président",
        &mut id.vice_president,
    );
    person(
        ui,
        form,
        "identity.treasurer",
        "Trésorier",
        &mut id.treasurer,
    );
    person(
        ui,
        form,
        "identity.director",
        "Directeur (facultatif)",
        &mut id.director,
    );
    title(ui, "Secteur et thématiques");
    form.multiline(
        ui,
        "identity.activities",
        "Activités principales et thématiques",
        &mut id.activities,
    );
    form.multiline(
        ui,
        "identity.sector_importance",
        "Importance sectorielle",
        &mut id.sector_importance,
    );
    form.multiline(
        ui,
        "identity.strategic_justification",
        "Justification stratégique",
        &mut id.strategic_justification,
    );
    title(ui, "Territoire");
    form.multiline(
        ui,
        "identity.core_territory",
        "Périmètre du noyau central (entreprises adhérentes)",
        &mut id.core_territory,
    );
    form.multiline(
        ui,
        "identity.productive_area",
        "Périmètre de l'agglomération productive (coopérations futures)",
        &mut id.productive_area,
    );
    title(ui, "Historique");
    form.multiline(ui, "identity.genesis", "Genèse du cluster", &mut id.genesis);
    form.multiline(
        ui,
        "identity.territorial_anchoring",
        "Ancrage territorial",
        &mut id.territorial_anchoring,
    );
    form.multiline(
        ui,
        "identity.joint_initiatives",
        "Initiatives communes déjà engagées",
        &mut id.joint_initiatives,
    );
}
