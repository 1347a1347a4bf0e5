//! Section 1.1: identity, governance contacts, sector, territory, history.

use egui::{RichText, Ui};

use super::grid;
use crate::model::dossier::{Dossier, Person};
use crate::model::field::*;
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
    grid(ui, "identity", |ui| {
        form.text(
            ui,
            &FieldPath::identity(IdentityField::Name),
            "Dénomination",
            &mut id.name,
        );
        form.text(
            ui,
            &FieldPath::identity(IdentityField::Acronym),
            "Sigle",
            &mut id.acronym,
        );
        form.long_text(
            ui,
            &FieldPath::identity(IdentityField::LegalForm),
            "Forme juridique",
            &mut id.legal_form,
        );
        form.date(
            ui,
            &FieldPath::identity(IdentityField::CreationDate),
            "Date de création",
            &mut id.creation_date,
        );
        form.long_text(
            ui,
            &FieldPath::identity(IdentityField::Address),
            "Siège : adresse",
            &mut id.address,
        );
        form.text(
            ui,
            &FieldPath::identity(IdentityField::City),
            "Siège : ville",
            &mut id.city,
        );
        form.long_text(
            ui,
            &FieldPath::identity(IdentityField::Sector),
            "Secteur",
            &mut id.sector,
        );
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
    title(ui, "Secteur et thématiques");
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::Activities),
        "Activités principales et thématiques",
        &mut id.activities,
    );
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::SectorImportance),
        "Importance sectorielle",
        &mut id.sector_importance,
    );
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::StrategicJustification),
        "Justification stratégique",
        &mut id.strategic_justification,
    );
    title(ui, "Territoire");
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::CoreTerritory),
        "Périmètre du noyau central (entreprises adhérentes)",
        &mut id.core_territory,
    );
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::ProductiveArea),
        "Périmètre de l'agglomération productive (coopérations futures)",
        &mut id.productive_area,
    );
    title(ui, "Historique");
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::Genesis),
        "Genèse du cluster",
        &mut id.genesis,
    );
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::TerritorialAnchoring),
        "Ancrage territorial",
        &mut id.territorial_anchoring,
    );
    form.multiline(
        ui,
        &FieldPath::identity(IdentityField::JointInitiatives),
        "Initiatives communes déjà engagées",
        &mut id.joint_initiatives,
    );
}
