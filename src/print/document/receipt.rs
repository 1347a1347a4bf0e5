//! The receipt (« Accusé de réception »): one page printed after the copies,
//! for the DPTC's bureau to date, stamp and sign at the filing and hand
//! back to the association, who keeps it. It names the cluster and its
//! president, the call and its edition, the copies and their pages, the
//! content fingerprint and the pieces handed in. It is no page of the
//! copies: it carries no page or copy number and is counted in neither.

use super::{BLANK_VALUE, Doc, DocumentInput, joined, or_dash, title_for};
use crate::model::dossier::PieceStatus;
use crate::model::field::FieldPath;
use crate::print::geometry::MM;
use crate::print::layout::{Align, Block, Column, Row, Style, Table};

/// The receipt's title, also searched for by the tests.
pub const RECEIPT_TITLE: &str = "Accusé de réception";
/// The caption over the DPTC's room to stamp and sign.
pub const STAMP_CAPTION: &str = "Date, cachet et signature du bureau d'ordre de la DPTC";

/// What the receipt states about the printed copies.
pub struct ReceiptFacts<'a> {
    pub copies: u32,
    pub pages_per_copy: usize,
    /// The content fingerprint; `None` on a blank form.
    pub fingerprint: Option<&'a str>,
    /// Set tighter, for a dossier whose list of pieces would not fit.
    pub compact: bool,
}

/// Room to tick how a piece was handed in, on a blank form.
const TICK: &str = "☐ jointe      ☐ sur papier";

/// How a piece is handed in, with its pages in the copies when attached.
fn handed_in(doc: &Doc, status: Option<&PieceStatus>, key: &str) -> String {
    if doc.blank {
        return TICK.to_string();
    }
    match status {
        Some(PieceStatus::Attached(_)) => match doc.page_range(key) {
            Some(range) => format!("jointe à chaque exemplaire ({range})"),
            None => "jointe à chaque exemplaire".to_string(),
        },
        Some(PieceStatus::OnPaper) => "sur papier, avec les exemplaires".to_string(),
        _ => "non remise".to_string(),
    }
}

/// The other documents the déclaration lists: title and how handed in
/// (two lines to fill on a blank form).
fn other_documents(doc: &Doc) -> Vec<(String, String)> {
    let list = &doc.d.declaration.other_documents;
    let titled = list
        .iter()
        .enumerate()
        .filter(|(_, o)| doc.blank || !o.title.trim().is_empty())
        .take(if doc.blank { 2 } else { usize::MAX });
    titled
        .map(|(i, o)| {
            let status = if o.attachment.is_some() {
                PieceStatus::Attached(String::new())
            } else {
                PieceStatus::OnPaper
            };
            let key = FieldPath::other_document(i).to_string();
            let title = if doc.blank {
                BLANK_VALUE
            } else {
                o.title.trim()
            };
            (title.to_string(), handed_in(doc, Some(&status), &key))
        })
        .collect()
}

/// The other documents as one paragraph under the table, when the list
/// would not fit the page as rows.
fn others_paragraph(doc: &Doc) -> Option<String> {
    let others = other_documents(doc);
    if others.is_empty() {
        return None;
    }
    let items: Vec<String> = others
        .iter()
        .enumerate()
        .map(|(i, (title, how))| format!("{}. {title} ({how})", i + 1))
        .collect();
    Some(format!(
        "Autres documents joints à la déclaration : {}.",
        items.join(" ; ")
    ))
}

/// The list of the pieces handed in: Partie 1's pieces from the call
/// profile, Partie 2, Partie 3, the déclaration and the other documents.
/// With `compact`, the other documents are left to [`others_paragraph`].
fn pieces(doc: &Doc, compact: bool) -> Vec<Row> {
    let (d, p) = (doc.d, doc.p);
    let part = |title: &str, how: &str| Row {
        bold: true,
        shaded: true,
        ..Row::new(vec![title.to_string(), how.to_string()])
    };
    let in_copies = "dans chaque exemplaire";
    let mut rows = vec![part("Partie 1 – Dossier administratif", in_copies)];
    for def in &p.admin_pieces {
        let key = FieldPath::admin_piece(&def.id).to_string();
        let status = d.admin_piece(&def.id).map(|a| &a.status);
        rows.push(Row::new(vec![
            def.label.clone(),
            handed_in(doc, status, &key),
        ]));
    }
    rows.push(part(
        "Partie 2 – Dossier technique (sections 1 à 7)",
        in_copies,
    ));
    rows.push(part("Partie 3 – Critères de sélection", in_copies));
    rows.push(part(
        "Annexe – Déclaration sur l'honneur du Président",
        "dans chaque exemplaire, signée",
    ));
    if compact {
        return rows;
    }
    let others = other_documents(doc);
    if !others.is_empty() {
        rows.push(part("Autres documents joints à la déclaration", ""));
    }
    for (title, how) in others {
        rows.push(Row::new(vec![title, how]));
    }
    rows
}

/// The receipt's blocks.
pub fn receipt(input: &DocumentInput, facts: &ReceiptFacts) -> Vec<Block> {
    let mut doc = Doc::new(input);
    let (d, p, blank) = (doc.d, doc.p, doc.blank);
    doc.push(Block::styled(
        p.ministry.clone(),
        Style::Small,
        Align::Center,
    ));
    if !facts.compact {
        doc.push(Block::styled(
            p.department.clone(),
            Style::Small,
            Align::Center,
        ));
    }
    doc.heading(1, RECEIPT_TITLE);
    if !facts.compact {
        doc.para(
            "Dépôt en mains propres du dossier de candidature, contre accusé de réception, \
             à la Division des Plateformes Technologiques et des Clusters (DPTC).",
        );
    }
    let value = |text: String| {
        if blank {
            BLANK_VALUE.to_string()
        } else {
            or_dash(&text)
        }
    };
    let id = &d.identity;
    let president = &id.president;
    let president_line = joined(
        &[
            president.civility.map_or("", |c| c.label()),
            president.name.trim(),
        ],
        " ",
    );
    let copies = usize::try_from(facts.copies).unwrap_or(usize::MAX);
    let pages = if blank {
        "______".to_string()
    } else {
        facts.pages_per_copy.to_string()
    };
    let acronym = id.acronym.trim();
    let cluster = if acronym.is_empty() {
        id.name.trim().to_string()
    } else {
        format!("{} ({acronym})", id.name.trim())
    };
    doc.push(Block::KeyValues(vec![
        ("Cluster".into(), value(cluster)),
        (
            title_for("Président", president.civility),
            value(president_line),
        ),
        ("Appel à projets".into(), p.title.clone()),
        ("Édition".into(), p.edition.clone()),
        (
            "Exemplaires remis".into(),
            if copies > 1 {
                format!("{copies} exemplaires de {pages} pages chacun (hors accusé)")
            } else {
                format!("{copies} exemplaire de {pages} pages (hors accusé)")
            },
        ),
        (
            "Empreinte du contenu".into(),
            facts.fingerprint.map_or_else(
                || "sans objet (dossier rempli à la main)".to_string(),
                |code| format!("{code} (imprimée sur chaque page de chaque exemplaire)"),
            ),
        ),
    ]));
    doc.heading(3, "Pièces remises");
    doc.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Pièce".into(),
                share: 0.6,
                align: Align::Left,
            },
            Column {
                title: "Remise".into(),
                share: 0.4,
                align: Align::Left,
            },
        ],
        rows: pieces(&doc, facts.compact),
        dense: true,
    }));
    if facts.compact
        && let Some(text) = others_paragraph(&doc)
    {
        doc.push(Block::styled(text, Style::Small, Align::Left));
    }
    doc.heading(3, "Cadre réservé à la DPTC");
    // What the bureau writes beside the room for its stamp and signature.
    let form = [
        "Reçu le : ____ / ____ / ________ à ____ h ____",
        "Exemplaires reçus : ________",
        "N° d'enregistrement : ________________",
        "Nom et qualité de l'agent :",
        "________________________________",
    ];
    doc.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "À remplir par la DPTC".into(),
                share: 0.45,
                align: Align::Left,
            },
            Column {
                title: STAMP_CAPTION.into(),
                share: 0.55,
                align: Align::Left,
            },
        ],
        rows: vec![Row {
            min_height: if facts.compact { 32.0 * MM } else { 45.0 * MM },
            ..Row::new(vec![form.join("\n\n"), String::new()])
        }],
        dense: false,
    }));
    if !facts.compact {
        doc.push(Block::styled(
            "À dater, cacheter et signer par la DPTC lors du dépôt, puis à rendre au déposant, \
             qui le conserve. Cet accusé suit les exemplaires sans en faire partie : il n'entre \
             pas dans leur pagination.",
            Style::Small,
            Align::Left,
        ));
    }
    doc.b
}
