//! Partie 1: the bordereau of the administrative pieces, the board table to
//! sign, the fee document, then the scanned pieces.

use super::{Doc, or_dash};
use crate::model::dossier::PieceStatus;
use crate::model::field::{AdminField, BoardField, FieldPath};
use crate::print::layout::{Align, Block, Part, Row};

pub(super) fn partie1(doc: &mut Doc) {
    doc.push(Block::PageBreak);
    doc.anchored(1, "Partie 1 – Dossier administratif", "p1");
    doc.para(
        "Le dossier administratif comporte les pièces juridiques et statutaires ci-dessous, jointes au présent dossier dans l'ordre du bordereau.",
    );
    bordereau(doc);
    board_to_sign(doc);
    doc.push(Block::PageBreak);
    doc.anchored(
        2,
        "Document indiquant les montants de cotisation des membres",
        "p1-cotisations",
    );
    super::governance::fee_schedule(doc);
    doc.push(Block::SignatureArea {
        caption: crate::print::words::agree(
            "Signature et cachet du Président du cluster",
            crate::print::words::president_is_woman(doc.d),
        ),
        height: super::declaration::STAMP_AREA_H,
    });
    // The scanned pieces, in the bordereau's order.
    for def in &doc.p.admin_pieces {
        let key = FieldPath::admin_piece(&def.id).to_string();
        if let Some(pages) = doc.input.attachments.pages(&key) {
            doc.push(Block::Attachment { key, pages });
        }
    }
}

fn bordereau(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.anchored(2, "Bordereau des pièces administratives", "p1-bordereau");
    let rows = p
        .admin_pieces
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let piece = d.admin_piece(&def.id);
            let status = piece.map_or(PieceStatus::ToProvide, |x| x.status.clone());
            let status_text = match &status {
                PieceStatus::Attached(path) => {
                    match doc.page_range(FieldPath::admin_piece(&def.id).as_str()) {
                        Some(range) => format!("Fichier joint : {path}\nInséré, {range}"),
                        None => format!("Fichier joint : {path}\n(fichier manquant ou illisible)"),
                    }
                }
                other => other.label().to_string(),
            };
            Row::new(vec![
                (i + 1).to_string(),
                format!("{}\n{}", def.label, def.requirement),
                doc.fill(status_text),
                doc.date(piece.and_then(|x| x.date)),
                doc.cell(piece.map_or("", |x| x.note.as_str())),
            ])
        })
        .collect();
    doc.table(
        &[
            ("N°", 0.06, Align::Center),
            ("Pièce et exigence de l'appel", 0.44, Align::Left),
            ("Statut", 0.16, Align::Left),
            ("Date", 0.14, Align::Left),
            ("Observation", 0.20, Align::Left),
        ],
        rows,
    );
    for (r, def) in doc.p.admin_pieces.iter().enumerate() {
        let piece = FieldPath::admin_piece(&def.id);
        doc.table_source(Part::Row(r), piece.clone());
        doc.table_source(Part::Cell(r, 3), piece.clone().field(AdminField::Date));
        doc.table_source(Part::Cell(r, 4), piece.field(AdminField::Note));
    }
}

/// Height of a row of the board table to sign: room for a signature and a
/// stamp (at least 25 mm).
pub const BOARD_SIGNATURE_H: f32 = 26.0 * crate::print::geometry::MM;

fn board_to_sign(doc: &mut Doc) {
    let d = doc.d;
    doc.push(Block::PageBreak);
    doc.anchored(
        2,
        "Tableau des membres du Conseil d'Administration",
        "p1-ca",
    );
    let name = if doc.blank {
        "______________________________".to_string()
    } else {
        or_dash(&d.identity.name)
    };
    let feminine = crate::print::words::president_is_woman(d);
    doc.para(crate::print::words::agree(
        &format!(
            "Association : {name}. Tableau signé et cacheté par le Président du cluster et par tous les membres du Conseil d'Administration."
        ),
        feminine,
    ));
    let rows = d
        .governance
        .board
        .iter()
        .enumerate()
        .map(|(i, m)| Row {
            cells: vec![
                (i + 1).to_string(),
                doc.cell(&m.name),
                doc.cell(&m.organisation),
                doc.fill(super::title_for(m.role.label(), m.civility)),
                String::new(),
            ],
            min_height: BOARD_SIGNATURE_H,
            ..Row::default()
        })
        .collect();
    doc.table(
        &[
            ("N°", 0.06, Align::Center),
            ("Nom et prénom", 0.24, Align::Left),
            ("Organisme", 0.24, Align::Left),
            ("Qualité au CA", 0.16, Align::Left),
            ("Signature et cachet", 0.30, Align::Left),
        ],
        rows,
    );
    for i in 0..d.governance.board.len() {
        doc.table_source(Part::Row(i), FieldPath::board(i, BoardField::Name));
        doc.table_source(
            Part::Cell(i, 2),
            FieldPath::board(i, BoardField::Organisation),
        );
        doc.table_source(Part::Cell(i, 3), FieldPath::board(i, BoardField::Role));
    }
}
