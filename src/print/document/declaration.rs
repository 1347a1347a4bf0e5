//! Annexe – the déclaration sur l'honneur, in the call's own words, then the
//! scans of the other documents it lists.

use super::{Doc, date_text, or_dash};
use crate::model::compute::{self, DeclarationTicks};
use crate::model::dossier::{Civility, Dossier, OtherDocument};
use crate::model::field::{DeclarationField, FieldPath};
use crate::print::layout::{Align, Block, Part, Style};
use crate::print::words;

/// Height of a signature and stamp box: the page's stamp zone's clear
/// area (45 mm), a round stamp and a signature across it.
pub(super) const STAMP_AREA_H: f32 = crate::print::geometry::STAMP_CLEAR_H;

pub(super) fn declaration(doc: &mut Doc) {
    let p = doc.p;
    // The call's words, with « la Présidente » when she is a woman.
    let feminine = words::president_is_woman(doc.d);
    let agreed = |s: &String| words::agree(s, feminine);
    let t = &p.declaration;
    doc.push(Block::PageBreak);
    doc.push(Block::Anchor("annexe".into()));
    doc.push(Block::styled("ANNEXE", Style::Small, Align::Center));
    doc.push(Block::styled(agreed(&t.title), Style::H1, Align::Center));
    doc.push(Block::styled(
        t.subtitle.clone(),
        Style::Body,
        Align::Center,
    ));
    doc.push(Block::Spacer(8.0));
    signatory(doc);
    for s in &t.statements {
        doc.para(agreed(s));
    }
    doc.para(agreed(&t.documents_intro));
    let ticks = if doc.blank {
        DeclarationTicks {
            declaration: false,
            administrative: false,
            technical: false,
            other: false,
        }
    } else {
        compute::declaration_ticks(doc.d, p, doc.input.findings)
    };
    for (checked, text) in [
        (ticks.declaration, &t.box_declaration),
        (ticks.administrative, &t.box_administrative),
        (ticks.technical, &t.box_technical),
        (ticks.other, &t.box_other),
    ] {
        doc.push(Block::Checkbox {
            checked,
            text: agreed(text),
        });
    }
    let docs = listed_documents(doc);
    doc.para(agreed(&t.closing));
    place_and_date(doc);
    doc.push(Block::SignatureArea {
        caption: agreed(&t.signature_label),
        height: STAMP_AREA_H,
    });
    doc.push(Block::styled(
        p.confidentiality.clone(),
        Style::Small,
        Align::Center,
    ));
    // The other documents' scans, after the déclaration that lists them.
    for k in docs {
        let key = FieldPath::other_document(k).to_string();
        if let Some(pages) = doc.input.attachments.pages(&key) {
            doc.push(Block::Attachment { key, pages });
        }
    }
}

/// « Je soussigné(e) M. / Mme … », the signatory's positions, the
/// association and its legal form.
fn signatory(doc: &mut Doc) {
    let (d, t) = (doc.d, &doc.p.declaration);
    let dec = &d.declaration;
    if doc.blank {
        // A line to write on under each label, 8 mm apart.
        for label in [
            format!("{} M. / Mme", t.intro),
            "Qualité au sein de son organisme d'appartenance".to_string(),
            "Qualité au sein de l'association".to_string(),
            t.acting_for.clone(),
            t.legal_form.clone(),
        ] {
            labelled_line(doc, label);
        }
        return;
    }
    let pairs = {
        let name = format!(
            "{} {} {}",
            signatory_civility(d).label(),
            dec.first_name.trim(),
            dec.last_name.trim()
        );
        let quality = format!(
            "{} au sein de {} ; {} au sein de l'association",
            or_dash(&dec.position_in_organisation),
            "son organisme d'appartenance",
            or_dash(&dec.position_in_association)
        );
        vec![
            (t.intro.clone(), name.trim().to_string()),
            ("Qualité".to_string(), quality),
            (
                t.acting_for.clone(),
                d.declaration_association_name().to_string(),
            ),
            (t.legal_form.clone(), d.declaration_legal_form().to_string()),
        ]
    };
    doc.push(Block::KeyValues(pairs));
    // The name pair prints the civility and both names; the quality pair
    // both positions: each leads to its first field.
    for (k, field) in [
        DeclarationField::FirstName,
        DeclarationField::PositionInOrganisation,
        DeclarationField::AssociationName,
        DeclarationField::LegalForm,
    ]
    .into_iter()
    .enumerate()
    {
        doc.source(Part::Pair(k), FieldPath::declaration(field));
    }
}

/// The numbered list of other documents (at least four lines, as in the
/// call's model); returns the indices of the listed documents.
fn listed_documents(doc: &mut Doc) -> Vec<usize> {
    let docs: Vec<(usize, &OtherDocument)> = doc
        .d
        .declaration
        .other_documents
        .iter()
        .enumerate()
        .filter(|(_, x)| !doc.blank && !x.title.trim().is_empty())
        .collect();
    if doc.blank {
        // The call's four numbered lines, to write on.
        for i in 1..=4 {
            labelled_line(doc, format!("{i}."));
        }
        return Vec::new();
    }
    let lines = docs.len().max(4);
    let listed = (0..lines)
        .map(|i| match docs.get(i) {
            Some((k, x)) => match doc.page_range(FieldPath::other_document(*k).as_str()) {
                Some(range) => format!("{}. {} (joint, {range})", i + 1, x.title.trim()),
                None => format!("{}. {}", i + 1, x.title.trim()),
            },
            None => format!("{}.", i + 1),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let indices = docs.iter().map(|(k, _)| *k).collect();
    doc.para(listed);
    doc.source(
        Part::Whole,
        FieldPath::declaration(DeclarationField::OtherDocuments),
    );
    indices
}

fn place_and_date(doc: &mut Doc) {
    let dec = &doc.d.declaration;
    if doc.blank {
        labelled_line(doc, "Fait à".to_string());
        labelled_line(doc, "Le".to_string());
    } else {
        doc.para(format!(
            "Fait à {}, le {}",
            or_dash(&dec.place),
            date_text(dec.date)
        ));
        doc.source(Part::Whole, FieldPath::declaration(DeclarationField::Place));
    }
}

/// A label and the line to write on under it, kept on one page (the
/// label is a small heading: a heading keeps with what follows it).
fn labelled_line(doc: &mut Doc, label: String) {
    doc.heading(LABEL_LEVEL, label);
    doc.push(Block::WritingLines(1));
}

/// Heading level of a blank form's label (set like a bold body line).
const LABEL_LEVEL: u8 = 5;

/// The signatory's civility: the president's, stored once with the person,
/// when the president signs; the declaration's own otherwise.
fn signatory_civility(d: &Dossier) -> Civility {
    let dec = &d.declaration;
    let president = &d.identity.president;
    let signatory = format!("{} {}", dec.first_name.trim(), dec.last_name.trim());
    match president.civility {
        Some(c) if signatory.trim() == president.name.trim() => c,
        _ => dec.civility,
    }
}
