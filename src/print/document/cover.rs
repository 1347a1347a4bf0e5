//! The cover: the ministry and the call, the cluster, the dates, the slot
//! for the copy number and, on a draft, the blocking findings.

use super::{Doc, date_text, or_dash};
use crate::model::dossier::Identity;
use crate::model::field::{DeclarationField, FieldPath, IdentityField};
use crate::model::finding::Finding;
use crate::print::layout::{Align, Block, Part, Style};

/// Height reserved on the cover for the copy number drawn per copy.
pub const COVER_COPY_SLOT: f32 = 40.0;

pub(super) fn cover(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.push(Block::Spacer(30.0));
    doc.push(Block::styled(
        p.ministry.clone(),
        Style::Subtitle,
        Align::Center,
    ));
    doc.push(Block::styled(p.title.clone(), Style::H2, Align::Center));
    doc.push(Block::Spacer(30.0));
    doc.push(Block::styled(
        "DOSSIER DE CANDIDATURE",
        Style::Subtitle,
        Align::Center,
    ));
    if doc.blank {
        doc.push(Block::WritingLines(2));
    } else {
        doc.push(Block::styled(
            or_dash(&d.identity.name),
            Style::Title,
            Align::Center,
        ));
        doc.source(Part::Whole, FieldPath::identity(IdentityField::Name));
    }
    if !d.identity.acronym.trim().is_empty() {
        doc.push(Block::styled(
            format!("({})", d.identity.acronym.trim()),
            Style::Subtitle,
            Align::Center,
        ));
        doc.source(Part::Whole, FieldPath::identity(IdentityField::Acronym));
    }
    let place = address_line(&d.identity);
    if !place.is_empty() {
        doc.push(Block::styled(place, Style::Body, Align::Center));
        doc.source(Part::Whole, FieldPath::identity(IdentityField::Address));
    }
    doc.push(Block::Spacer(16.0));
    let filed = if doc.blank {
        "____________________".to_string()
    } else {
        date_text(d.declaration.date)
    };
    doc.push(Block::styled(
        format!("Date de dépôt : {filed}"),
        Style::Body,
        Align::Center,
    ));
    doc.source(Part::Whole, FieldPath::declaration(DeclarationField::Date));
    doc.push(Block::styled(
        format!(
            "Date limite : {} ({})",
            p.deadline.french(),
            p.time_zone_label()
        ),
        Style::Small,
        Align::Center,
    ));
    doc.push(Block::Spacer(12.0));
    // The copy number (« Exemplaire k / N ») is drawn in this slot per copy.
    doc.push(Block::Anchor("cover-copy-slot".into()));
    doc.push(Block::Spacer(COVER_COPY_SLOT));
    blocking_list(doc);
}

/// A draft's cover says why it is a draft: blocking points force it (and
/// are listed), or she asked for a draft of a dossier ready to file.
fn blocking_list(doc: &mut Doc) {
    if !doc.input.draft {
        return;
    }
    let blocking: Vec<&Finding> = doc
        .input
        .findings
        .iter()
        .filter(|f| f.is_blocking())
        .collect();
    doc.push(Block::Spacer(8.0));
    doc.heading(3, draft_reason(blocking.len()));
    if blocking.is_empty() {
        doc.para(
            "Aucun point bloquant : imprimez la version finale pour le dépôt (sans la mention BROUILLON).",
        );
        return;
    }
    doc.push(Block::Bullets(
        blocking
            .iter()
            .map(|f| format!("{} — {}", f.section.label(), f.message))
            .collect(),
    ));
}

/// The draft's reason, as the cover's heading gives it.
pub(super) fn draft_reason(blocking: usize) -> String {
    match blocking {
        0 => "BROUILLON imprimé à votre demande".to_string(),
        1 => "BROUILLON imposé par 1 point bloquant à régler avant le dépôt :".to_string(),
        n => format!("BROUILLON imposé par {n} points bloquants à régler avant le dépôt :"),
    }
}

/// « adresse, ville », without repeating a city the address already names.
pub(super) fn address_line(id: &Identity) -> String {
    let (address, city) = (id.address.trim(), id.city.trim());
    if city.is_empty() || address.contains(city) {
        address.to_string()
    } else if address.is_empty() {
        city.to_string()
    } else {
        format!("{address}, {city}")
    }
}
