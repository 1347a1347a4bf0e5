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

/// A draft's cover lists what blocks the final print.
fn blocking_list(doc: &mut Doc) {
    let blocking: Vec<&Finding> = doc
        .input
        .findings
        .iter()
        .filter(|f| f.is_blocking())
        .collect();
    if !doc.input.draft || blocking.is_empty() {
        return;
    }
    doc.push(Block::Spacer(8.0));
    doc.heading(
        3,
        format!(
            "BROUILLON — {} point(s) bloquant(s) à régler avant le dépôt :",
            blocking.len()
        ),
    );
    doc.push(Block::Bullets(
        blocking
            .iter()
            .map(|f| format!("{} — {}", f.section.label(), f.message))
            .collect(),
    ));
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
