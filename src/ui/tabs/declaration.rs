//! Annexe: the déclaration sur l'honneur, its fields, and a preview laid
//! out as it will print, with its boxes ticked from the dossier.

use egui::{RichText, Ui};

use super::grid;
use crate::model::dossier::{Civility, Dossier, OtherDocument};
use crate::model::field::*;
use crate::model::{CallProfile, Finding, compute};
use crate::ui::widgets::{Form, HINT_SIZE, row_list, title};

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile, findings: &[Finding]) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Declaration);
    title(ui, "Annexe – Déclaration sur l'honneur du Président");
    let dec = &mut d.declaration;
    grid(ui, "declaration", |ui| {
        form.choice(
            ui,
            &FieldPath::declaration(DeclarationField::Civility),
            "Civilité",
            &mut dec.civility,
            &[Civility::Monsieur, Civility::Madame],
            Civility::label,
        );
        form.text(
            ui,
            &FieldPath::declaration(DeclarationField::FirstName),
            "Prénom",
            &mut dec.first_name,
        );
        form.text(
            ui,
            &FieldPath::declaration(DeclarationField::LastName),
            "Nom",
            &mut dec.last_name,
        );
        form.long_text(
            ui,
            &FieldPath::declaration(DeclarationField::PositionInOrganisation),
            "Qualité au sein de l'organisme d'appartenance",
            &mut dec.position_in_organisation,
        );
        form.long_text(
            ui,
            &FieldPath::declaration(DeclarationField::PositionInAssociation),
            "Qualité au sein de l'association",
            &mut dec.position_in_association,
        );
        form.long_text(
            ui,
            &FieldPath::declaration(DeclarationField::AssociationName),
            "Dénomination (vide : celle de la section 1)",
            &mut dec.association_name,
        );
        form.long_text(
            ui,
            &FieldPath::declaration(DeclarationField::LegalForm),
            "Forme juridique (vide : celle de la section 1)",
            &mut dec.legal_form,
        );
        form.text(
            ui,
            &FieldPath::declaration(DeclarationField::Place),
            "Fait à",
            &mut dec.place,
        );
        form.date(
            ui,
            &FieldPath::declaration(DeclarationField::Date),
            "Le",
            &mut dec.date,
        );
    });
    ui.strong("Autres documents fournis pour appuyer la candidature");
    row_list(
        ui,
        form,
        &FieldPath::declaration(DeclarationField::OtherDocuments),
        &mut dec.other_documents,
        "Ajouter un document",
        |i, x: &OtherDocument| format!("Document {} : {}", i + 1, x.title),
        |ui, form, i, x| {
            grid(ui, &FieldPath::other_document(i), |ui| {
                form.long_text(
                    ui,
                    &FieldPath::other_document(i).field(DocumentField::Title),
                    "Intitulé",
                    &mut x.title,
                );
                let mut file = x.attachment.clone().unwrap_or_default();
                let changed = form.file(
                    ui,
                    &FieldPath::other_document(i).field(DocumentField::Attachment),
                    "Fichier joint (PDF, JPEG, PNG ; facultatif)",
                    &mut file,
                );
                if changed {
                    x.attachment = (!file.trim().is_empty()).then_some(file);
                }
            });
        },
    );

    title(ui, "Aperçu de la déclaration imprimée");
    let ticks = compute::declaration_ticks(d, p, findings);
    let t = &p.declaration;
    let dec = &d.declaration;
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(RichText::new(&t.title).heading().strong());
                ui.label(&t.subtitle);
            });
            ui.add_space(6.0);
            ui.label(format!(
                "{} {} {} {}",
                t.intro,
                dec.civility.label(),
                dec.first_name,
                dec.last_name
            ));
            ui.label(format!(
                "Qualité : {} ; {} au sein de l'association",
                dec.position_in_organisation, dec.position_in_association
            ));
            ui.label(format!(
                "{} : {}",
                t.acting_for,
                d.declaration_association_name()
            ));
            ui.label(format!("{} : {}", t.legal_form, d.declaration_legal_form()));
            for s in &t.statements {
                ui.label(s);
            }
            ui.label(&t.documents_intro);
            for (ticked, text) in [
                (ticks.declaration, &t.box_declaration),
                (ticks.administrative, &t.box_administrative),
                (ticks.technical, &t.box_technical),
                (ticks.other, &t.box_other),
            ] {
                ui.label(format!("{} {text}", if ticked { "☑" } else { "☐" }));
            }
            for (i, doc) in dec.other_documents.iter().enumerate() {
                ui.label(format!("{}. {}", i + 1, doc.title));
            }
            ui.label(&t.closing);
            ui.label(format!(
                "Fait à {}, le {}",
                dec.place,
                dec.date.map_or_else(|| "—".to_string(), |x| x.french())
            ));
            ui.label(RichText::new(&t.signature_label).strong());
        });
    if !ticks.administrative {
        ui.label(RichText::new("« Dossier administratif » n'est pas coché : une pièce de la Partie 1 reste à fournir.").size(HINT_SIZE));
    }
    if !ticks.technical {
        ui.label(RichText::new("« Dossier technique » n'est pas coché : des points bloquants restent dans la Partie 2.").size(HINT_SIZE));
    }
}
