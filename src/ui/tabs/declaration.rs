//! Annexe: the déclaration sur l'honneur, its fields, and a preview laid
//! out as it will print, with its boxes ticked from the dossier.

use egui::{RichText, Ui};

use super::grid;
use crate::model::dossier::{BoardRole, Civility, Dossier, OtherDocument};
use crate::model::field::*;
use crate::model::{CallProfile, Finding, compute};
use crate::ui::widgets::{Form, HINT_SIZE, row_list, title};

/// The president she already typed (section 1, else the board of section
/// 2): civility, first name, last name and function in the organisation.
pub fn known_president(d: &Dossier) -> Option<(Option<Civility>, String, String, String)> {
    let (civility, name, function) = if !d.identity.president.name.trim().is_empty() {
        let p = &d.identity.president;
        (p.civility, p.name.trim(), p.function.trim())
    } else {
        let b = d
            .governance
            .board
            .iter()
            .find(|b| b.role == BoardRole::President && !b.name.trim().is_empty())?;
        (b.civility, b.name.trim(), b.function.trim())
    };
    let (first, last) = name.split_once(' ').unwrap_or(("", name));
    Some((
        civility,
        first.trim().to_string(),
        last.trim().to_string(),
        function.to_string(),
    ))
}

/// Proposes the president already typed while the declaration has no name.
fn propose_president(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
    let dec = &d.declaration;
    if !dec.first_name.trim().is_empty() || !dec.last_name.trim().is_empty() {
        return;
    }
    let Some((civility, first, last, function)) = known_president(d) else {
        return;
    };
    let shown = [
        civility.map(Civility::label).unwrap_or_default(),
        &first,
        &last,
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Président déjà saisi : {shown}."));
        if ui.button("Reprendre le Président").clicked() {
            let dec = &mut d.declaration;
            if let Some(c) = civility {
                dec.civility = c;
            }
            dec.first_name = first;
            dec.last_name = last;
            if dec.position_in_organisation.trim().is_empty() {
                dec.position_in_organisation = function;
            }
            if dec.position_in_association.trim().is_empty() {
                dec.position_in_association = match dec.civility {
                    Civility::Madame => "Présidente",
                    Civility::Monsieur => "Président",
                }
                .to_string();
            }
            form.touch("declaration.president");
        }
    });
}

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, p: &CallProfile, findings: &[Finding]) {
    crate::ui::help::show(ui, p, crate::model::finding::Section::Declaration);
    title(ui, "Annexe – Déclaration sur l'honneur du Président");
    propose_president(ui, form, d);
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
