//! The printed dossier as blocks, in the order the ministry expects: cover,
//! sommaire, Partie 1 (bordereau, board table to sign, fee document),
//! Partie 2 (sections 1 to 7), Partie 3 (criteria), annexe (déclaration).

use rust_decimal::Decimal;

use super::layout::{Align, Block, Column, Row, Style, Table, TocEntry};
use crate::model::call::{CallProfile, CriterionGroup, KpiUnit};
use crate::model::compute::{self, DeclarationTicks};
use crate::model::dossier::*;
use crate::model::finding::Finding;
use crate::model::money::{format_dh, format_number};

/// What the cover needs besides the dossier.
pub struct DocumentInput<'a> {
    pub dossier: &'a Dossier,
    pub profile: &'a CallProfile,
    pub findings: &'a [Finding],
    /// Blocking findings remain, or the user asked for a draft: the cover
    /// lists the blocking findings.
    pub draft: bool,
    /// A blank form to fill by hand: empty rubrics become ruled lines.
    pub blank: bool,
    /// The scans to insert, read beforehand.
    pub attachments: &'a crate::attach::Attachments,
    /// Anchor → page index from the previous layout pass, for the page
    /// ranges the bordereau and the déclaration give.
    pub pages: &'a std::collections::HashMap<String, usize>,
}

/// « pages 5 à 12 » (1-based) of an inserted attachment, once known.
fn page_range(input: &DocumentInput, key: &str) -> Option<String> {
    let count = input.attachments.pages(key)?;
    let first = input.pages.get(&format!("att:{key}")).map(|p| p + 1);
    Some(match (first, count) {
        (Some(f), 1) => format!("page {f}"),
        (Some(f), n) => format!("pages {f} à {}", f + n - 1),
        (None, 1) => "1 page".to_string(),
        (None, n) => format!("{n} pages"),
    })
}

/// Height reserved on the cover for the copy number drawn per copy.
pub const COVER_COPY_SLOT: f32 = 40.0;

fn col(title: &str, share: f32, align: Align) -> Column {
    Column {
        title: title.to_string(),
        share,
        align,
    }
}

/// The non-empty parts, trimmed, joined by `sep`.
fn joined(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

fn date_text(date: Option<Date>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.french())
}

use crate::model::Date;

fn dh(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_string(), format_dh)
}

fn num(value: Option<Decimal>, decimals: u32) -> String {
    value.map_or_else(|| "—".to_string(), |v| format_number(v, decimals))
}

fn year_columns(first: &str, first_share: f32, unit: &str) -> Vec<Column> {
    let share = (1.0 - first_share) / 5.0;
    let mut cols = vec![col(first, first_share, Align::Left)];
    for y in 1..=5 {
        cols.push(col(&format!("Année {y}{unit}"), share, Align::Right));
    }
    cols
}

fn section_text(blocks: &mut Vec<Block>, title: &str, text: &str) {
    blocks.push(Block::heading(3, title));
    blocks.push(Block::para(or_dash(text)));
}

/// Builds the whole copy.
pub fn build(input: &DocumentInput) -> Vec<Block> {
    let d = input.dossier;
    let p = input.profile;
    let mut b = Vec::new();
    cover(&mut b, input);
    b.push(Block::PageBreak);
    b.push(Block::anchored(1, "Sommaire", "sommaire"));
    b.push(Block::Toc(toc(input)));
    partie1(&mut b, input);
    partie2(&mut b, d, p);
    partie3(&mut b, d, p);
    let ticks = if input.blank {
        DeclarationTicks {
            declaration: false,
            administrative: false,
            technical: false,
            other: false,
        }
    } else {
        compute::declaration_ticks(d, p, input.findings)
    };
    declaration(&mut b, input, ticks);
    if input.blank {
        b = blank_out(b);
    }
    b
}

const OTHER_ACTION: &str = "Autre action (non éligible au Fonds)";

/// Lines to write on in a blank form, for a rubric of free text.
const BLANK_TEXT_LINES: usize = 7;
/// The underline standing for a value to fill in.
const BLANK_VALUE: &str = "________________________________________________";

/// An empty dossier with room in every table: rows to fill by hand.
pub fn blank_dossier(profile: &CallProfile, print: &PrintOptions) -> Dossier {
    let mut d = Dossier::new_for(profile);
    d.identity.legal_form.clear();
    d.print = print.clone();
    d.members = vec![Member::default(); 20];
    d.partners = vec![MajorPartner::default(); 4];
    d.governance.board = vec![BoardMember::default(); 9];
    d.governance.fee_categories = vec![FeeCategory::default(); 4];
    d.cooperation.cooperation_projects = vec![CooperationProject::default(); 3];
    d.cooperation.collaborative_projects = vec![CollaborativeProject::default(); 3];
    d.cooperation.partnerships = (0..6)
        .map(|i| Partnership {
            scope: if i < 3 {
                PartnershipScope::National
            } else {
                PartnershipScope::International
            },
            ..Partnership::default()
        })
        .collect();
    d.startups.preparation = PreparationKind::ALL
        .iter()
        .map(|&kind| PreparationStep {
            kind,
            ..Default::default()
        })
        .collect();
    d.startups.post_creation = SupportType::ALL
        .iter()
        .map(|&support_type| SupportService {
            support_type,
            ..Default::default()
        })
        .collect();
    d.plan.actions = vec![Action::default(); 10];
    d.indicators.custom = vec![CustomKpi::default(); 3];
    d.declaration.other_documents = vec![OtherDocument::default(); 4];
    d
}

/// Turns the « — » of empty values into room to write: ruled lines for
/// texts, underlines for values, empty and taller cells for tables.
fn blank_out(blocks: Vec<Block>) -> Vec<Block> {
    // Values a blank dossier prints by default, which mean « nothing yet »
    // on a form to fill by hand: dashes, zero amounts, default choices.
    let defaults = [
        Activity::default().label(),
        CompanySize::default().label(),
        BoardRole::default().label(),
        PartnerBodyKind::default().label(),
        PartnershipStatus::default().label(),
        OTHER_ACTION,
    ];
    let is_empty = |v: &str| {
        v.lines().all(|l| {
            let l = l.trim();
            matches!(l, "" | "—" | "M." | "Mme")
                || defaults.contains(&l)
                || l.chars()
                    .all(|c| matches!(c, '0' | ',' | ' ' | '\u{a0}' | '\u{202f}' | 'D' | 'H' | '%'))
        })
    };
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { text, style, .. } if text == "—" => {
                Block::WritingLines(if style == Style::Title {
                    2
                } else {
                    BLANK_TEXT_LINES
                })
            }
            Block::KeyValues(pairs) => Block::KeyValues(
                pairs
                    .into_iter()
                    .map(|(k, v)| {
                        if is_empty(&v) {
                            (k, BLANK_VALUE.to_string())
                        } else {
                            (k, v)
                        }
                    })
                    .collect(),
            ),
            Block::Table(mut t) => {
                for row in &mut t.rows {
                    let mut any_blank = false;
                    for cell in &mut row.cells {
                        if is_empty(cell) {
                            cell.clear();
                            any_blank = true;
                        }
                    }
                    if any_blank {
                        row.min_height = row.min_height.max(26.0);
                    }
                }
                Block::Table(t)
            }
            other => other,
        })
        .collect()
}

/// The sommaire's entries; the scanned pieces are listed with their page
/// ranges under the part they belong to.
fn toc(input: &DocumentInput) -> Vec<TocEntry> {
    let e = |level: u8, title: &str, anchor: &str| TocEntry {
        title: title.into(),
        level,
        anchor: anchor.into(),
    };
    let attached = |key: String, label: &str| {
        page_range(input, &key).map(|range| TocEntry {
            title: format!("Pièce jointe : {label} ({range})"),
            level: 3,
            anchor: format!("att:{key}"),
        })
    };
    let pieces: Vec<TocEntry> = input
        .profile
        .admin_pieces
        .iter()
        .filter_map(|def| attached(format!("administrative.{}", def.id), &def.label))
        .collect();
    let others: Vec<TocEntry> = input
        .dossier
        .declaration
        .other_documents
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| {
            attached(
                format!("declaration.other_documents[{i}]"),
                doc.title.trim(),
            )
        })
        .collect();
    let mut entries = vec![
        e(1, "Partie 1 – Dossier administratif", "p1"),
        e(2, "Bordereau des pièces administratives", "p1-bordereau"),
        e(
            2,
            "Tableau des membres du Conseil d'Administration",
            "p1-ca",
        ),
        e(
            2,
            "Document indiquant les montants de cotisation",
            "p1-cotisations",
        ),
    ];
    entries.extend(pieces);
    entries.extend([
        e(1, "Partie 2 – Dossier technique", "p2"),
        e(2, "Section 1 – Carte d'identité du cluster", "s1"),
        e(2, "Section 2 – Gouvernance et pilotage", "s2"),
        e(2, "Section 3 – Stratégie générale du cluster", "s3"),
        e(2, "Section 4 – Partenariat et coopération", "s4"),
        e(
            2,
            "Section 5 – Création et accompagnement des start-up",
            "s5",
        ),
        e(2, "Section 6 – Plan d'action et budget prévisionnels", "s6"),
        e(2, "Section 7 – Suivi et évaluation", "s7"),
        e(1, "Partie 3 – Critères de sélection", "p3"),
        e(1, "Annexe – Déclaration sur l'honneur", "annexe"),
    ]);
    entries.extend(others);
    entries
}

fn cover(b: &mut Vec<Block>, input: &DocumentInput) {
    let d = input.dossier;
    let p = input.profile;
    b.push(Block::Spacer(30.0));
    b.push(Block::styled(
        p.ministry.clone(),
        Style::Subtitle,
        Align::Center,
    ));
    b.push(Block::styled(p.title.clone(), Style::H2, Align::Center));
    b.push(Block::Spacer(30.0));
    b.push(Block::styled(
        "DOSSIER DE CANDIDATURE",
        Style::Subtitle,
        Align::Center,
    ));
    b.push(Block::styled(
        or_dash(&d.identity.name),
        Style::Title,
        Align::Center,
    ));
    if !d.identity.acronym.trim().is_empty() {
        b.push(Block::styled(
            format!("({})", d.identity.acronym.trim()),
            Style::Subtitle,
            Align::Center,
        ));
    }
    let place = address_line(&d.identity);
    if !place.is_empty() {
        b.push(Block::styled(place, Style::Body, Align::Center));
    }
    b.push(Block::Spacer(16.0));
    b.push(Block::styled(
        format!("Date de dépôt : {}", date_text(d.declaration.date)),
        Style::Body,
        Align::Center,
    ));
    b.push(Block::styled(
        format!("Date limite : {} ({})", p.deadline.french(), p.time_zone),
        Style::Small,
        Align::Center,
    ));
    b.push(Block::Spacer(12.0));
    // The copy number (« Exemplaire k / N ») is drawn in this slot per copy.
    b.push(Block::Anchor("cover-copy-slot".into()));
    b.push(Block::Spacer(COVER_COPY_SLOT));
    let blocking: Vec<&Finding> = input.findings.iter().filter(|f| f.is_blocking()).collect();
    if input.draft && !blocking.is_empty() {
        b.push(Block::Spacer(8.0));
        b.push(Block::heading(
            3,
            format!(
                "BROUILLON — {} point(s) bloquant(s) à régler avant le dépôt :",
                blocking.len()
            ),
        ));
        b.push(Block::Bullets(
            blocking
                .iter()
                .map(|f| format!("{} — {}", f.section.label(), f.message))
                .collect(),
        ));
    }
}

/// « adresse, ville », without repeating a city the address already names.
fn address_line(id: &Identity) -> String {
    let (address, city) = (id.address.trim(), id.city.trim());
    if city.is_empty() || address.contains(city) {
        address.to_string()
    } else if address.is_empty() {
        city.to_string()
    } else {
        format!("{address}, {city}")
    }
}

fn partie1(b: &mut Vec<Block>, input: &DocumentInput) {
    let (d, p) = (input.dossier, input.profile);
    b.push(Block::PageBreak);
    b.push(Block::anchored(1, "Partie 1 – Dossier administratif", "p1"));
    b.push(Block::para(
        "Le dossier administratif comporte les pièces juridiques et statutaires ci-dessous, jointes au présent dossier dans l'ordre du bordereau.",
    ));
    b.push(Block::anchored(
        2,
        "Bordereau des pièces administratives",
        "p1-bordereau",
    ));
    let rows = p
        .admin_pieces
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let piece = d.admin_piece(&def.id);
            let status = piece.map_or(PieceStatus::ToProvide, |x| x.status.clone());
            let status_text = match &status {
                PieceStatus::Attached(path) => {
                    match page_range(input, &format!("administrative.{}", def.id)) {
                        Some(range) => format!("Fichier joint : {path}\nInséré, {range}"),
                        None => format!("Fichier joint : {path}\n(fichier manquant ou illisible)"),
                    }
                }
                other => other.label().to_string(),
            };
            Row::new(vec![
                (i + 1).to_string(),
                format!("{}\n{}", def.label, def.requirement),
                status_text,
                date_text(piece.and_then(|x| x.date)),
                or_dash(piece.map_or("", |x| x.note.as_str())),
            ])
        })
        .collect();
    b.push(Block::Table(Table {
        columns: vec![
            col("N°", 0.06, Align::Center),
            col("Pièce et exigence de l'appel", 0.44, Align::Left),
            col("Statut", 0.16, Align::Left),
            col("Date", 0.14, Align::Left),
            col("Observation", 0.20, Align::Left),
        ],
        rows,
    }));

    b.push(Block::PageBreak);
    b.push(Block::anchored(
        2,
        "Tableau des membres du Conseil d'Administration",
        "p1-ca",
    ));
    b.push(Block::para(format!(
        "Association : {}. Tableau signé et cacheté par le Président du cluster et par tous les membres du Conseil d'Administration.",
        or_dash(&d.identity.name)
    )));
    let board_rows = d
        .governance
        .board
        .iter()
        .enumerate()
        .map(|(i, m)| Row {
            cells: vec![
                (i + 1).to_string(),
                or_dash(&m.name),
                or_dash(&m.organisation),
                m.role.label().to_string(),
                String::new(),
            ],
            min_height: 62.0,
            ..Row::default()
        })
        .collect();
    b.push(Block::Table(Table {
        columns: vec![
            col("N°", 0.06, Align::Center),
            col("Nom et prénom", 0.24, Align::Left),
            col("Organisme", 0.24, Align::Left),
            col("Qualité au CA", 0.16, Align::Left),
            col("Signature et cachet", 0.30, Align::Left),
        ],
        rows: board_rows,
    }));

    b.push(Block::PageBreak);
    b.push(Block::anchored(
        2,
        "Document indiquant les montants de cotisation des membres",
        "p1-cotisations",
    ));
    fee_schedule(b, d);
    b.push(Block::SignatureArea {
        caption: "Signature et cachet du Président du cluster".into(),
        height: 70.0,
    });
    // The scanned pieces, in the bordereau's order.
    for def in &p.admin_pieces {
        let key = format!("administrative.{}", def.id);
        if let Some(pages) = input.attachments.pages(&key) {
            b.push(Block::Attachment { key, pages });
        }
    }
}

/// The fee schedule with the revenue computed from the register.
fn fee_schedule(b: &mut Vec<Block>, d: &Dossier) {
    let revenue = compute::fee_revenue(d);
    let mut rows: Vec<Row> = d
        .governance
        .fee_categories
        .iter()
        .zip(&revenue.per_category)
        .map(|(c, (_, count, subtotal))| {
            Row::new(vec![
                or_dash(&c.name),
                or_dash(&c.description),
                dh(c.annual_amount),
                count.to_string(),
                format_dh(*subtotal),
            ])
        })
        .collect();
    rows.push(Row {
        cells: vec![
            "Total des recettes annuelles de cotisation".into(),
            String::new(),
            String::new(),
            revenue
                .per_category
                .iter()
                .map(|c| c.1)
                .sum::<u32>()
                .to_string(),
            format_dh(revenue.total),
        ],
        bold: true,
        shaded: true,
        ..Row::default()
    });
    b.push(Block::Table(Table {
        columns: vec![
            col("Catégorie", 0.22, Align::Left),
            col("Description", 0.30, Align::Left),
            col("Cotisation annuelle", 0.18, Align::Right),
            col("Membres", 0.10, Align::Right),
            col("Recette annuelle", 0.20, Align::Right),
        ],
        rows,
    }));
    b.push(Block::heading(3, "Mode de calcul"));
    b.push(Block::para(or_dash(&d.governance.fee_calculation)));
}

fn person_rows(d: &Dossier) -> Vec<Row> {
    let id = &d.identity;
    [
        ("Président", &id.president),
        ("Vice-président", &id.vice_president),
        ("Trésorier", &id.treasurer),
        ("Directeur", &id.director),
    ]
    .into_iter()
    .filter(|(role, p)| *role != "Directeur" || !p.is_empty())
    .map(|(role, p)| {
        Row::new(vec![
            role.to_string(),
            or_dash(&p.name),
            joined(&[&p.organisation, &p.function], " — "),
            format!("{}\n{}", or_dash(&p.phone), or_dash(&p.email)),
        ])
    })
    .collect()
}

fn partie2(b: &mut Vec<Block>, d: &Dossier, p: &CallProfile) {
    b.push(Block::PageBreak);
    b.push(Block::anchored(1, "Partie 2 – Dossier technique", "p2"));
    b.push(Block::para("Dossier technique établi selon le cahier des charges de l'appel à projets, signé et cacheté par le Président du cluster sur toutes les pages."));

    // Section 1
    let id = &d.identity;
    b.push(Block::anchored(
        2,
        "Section 1 – Carte d'identité du cluster",
        "s1",
    ));
    b.push(Block::heading(3, "1.1 Description générale"));
    b.push(Block::KeyValues(vec![
        ("Dénomination".into(), id.name.clone()),
        ("Sigle".into(), id.acronym.clone()),
        ("Forme juridique".into(), id.legal_form.clone()),
        ("Date de création".into(), date_text(id.creation_date)),
        ("Siège".into(), address_line(id)),
        ("Secteur".into(), id.sector.clone()),
    ]));
    b.push(Block::heading(3, "Gouvernance et contacts"));
    b.push(Block::Table(Table {
        columns: vec![
            col("Fonction", 0.16, Align::Left),
            col("Nom", 0.22, Align::Left),
            col("Organisme et fonction", 0.34, Align::Left),
            col("Téléphone et e-mail", 0.28, Align::Left),
        ],
        rows: person_rows(d),
    }));
    section_text(
        b,
        "Secteur et thématiques : activités principales",
        &id.activities,
    );
    section_text(b, "Importance sectorielle", &id.sector_importance);
    section_text(b, "Justification stratégique", &id.strategic_justification);
    section_text(b, "Territoire : noyau central", &id.core_territory);
    section_text(
        b,
        "Territoire : agglomération productive",
        &id.productive_area,
    );
    section_text(b, "Historique : genèse du cluster", &id.genesis);
    section_text(
        b,
        "Historique : ancrage territorial",
        &id.territorial_anchoring,
    );
    section_text(
        b,
        "Historique : initiatives communes déjà engagées",
        &id.joint_initiatives,
    );

    members(b, d, p);
    governance(b, d);
    strategy(b, d);
    cooperation(b, d);
    startups(b, d);
    plan(b, d, p);
    indicators(b, d, p);
}

fn members(b: &mut Vec<Block>, d: &Dossier, p: &CallProfile) {
    b.push(Block::heading(3, "1.2 Membres et participants au cluster"));
    let counts = compute::member_counts(d);
    let share = counts
        .industrial_share_percent()
        .map_or_else(|| "—".into(), |s| format!("{} %", format_number(s, 1)));
    b.push(Block::KeyValues(vec![
        (
            "Membres engagés".into(),
            format!(
                "{} (minimum exigé : {})",
                counts.engaged_members(),
                p.thresholds.min_members
            ),
        ),
        (
            "Entreprises industrielles, technologiques ou spécifiques".into(),
            format!(
                "{} sur {} membres engagés, soit {share} (minimum exigé : {} %)",
                counts.industrial_companies,
                counts.engaged_members(),
                format_number(p.thresholds.min_industrial_share_percent, 0)
            ),
        ),
        (
            "Entreprises potentiellement intéressées".into(),
            format!(
                "{} (non comptées parmi les membres)",
                counts.interested_companies
            ),
        ),
    ]));
    for category in MemberCategory::ALL {
        let list: Vec<(usize, &Member)> = d
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.category == category)
            .collect();
        b.push(Block::heading(
            3,
            format!("{} ({})", category.label(), list.len()),
        ));
        if list.is_empty() {
            b.push(Block::para("Aucun."));
            continue;
        }
        let rows = list
            .iter()
            .enumerate()
            .map(|(k, (_, m))| {
                let ids = [
                    ("ICE", &m.ice),
                    ("RC", &m.rc),
                    ("IF", &m.tax_id),
                    ("CNSS", &m.cnss),
                ]
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(l, v)| format!("{l} {}", v.trim()))
                .collect::<Vec<_>>()
                .join("\n");
                let contact = joined(
                    &[&m.contact.name, &m.contact.phone, &m.contact.email],
                    "
",
                );
                Row::new(vec![
                    (k + 1).to_string(),
                    or_dash(&m.name),
                    format!("{}\n{}", m.activity.label(), or_dash(&m.sector)),
                    format!("{}\n{}", or_dash(&m.city), m.size.label()),
                    or_dash(&ids),
                    or_dash(&contact),
                    format!("{}\n{}", date_text(m.joined), or_dash(&m.fee_category)),
                ])
            })
            .collect();
        b.push(Block::Table(Table {
            columns: vec![
                col("N°", 0.05, Align::Center),
                col("Raison sociale", 0.21, Align::Left),
                col("Activité, secteur", 0.14, Align::Left),
                col("Ville, taille", 0.12, Align::Left),
                col("Identifiants", 0.17, Align::Left),
                col("Contact", 0.17, Align::Left),
                col("Adhésion, cotisation", 0.14, Align::Left),
            ],
            rows,
        }));
    }
    b.push(Block::heading(3, "Partenaires majeurs (hors membres)"));
    if d.partners.is_empty() {
        b.push(Block::para("Aucun partenaire majeur déclaré."));
    } else {
        b.push(Block::Table(Table {
            columns: vec![
                col("Partenaire", 0.28, Align::Left),
                col("Nature", 0.20, Align::Left),
                col("Ville", 0.14, Align::Left),
                col("Lien avec le cluster", 0.38, Align::Left),
            ],
            rows: d
                .partners
                .iter()
                .map(|x| {
                    Row::new(vec![
                        or_dash(&x.name),
                        or_dash(&x.kind),
                        or_dash(&x.city),
                        or_dash(&x.link),
                    ])
                })
                .collect(),
        }));
    }
}

fn governance(b: &mut Vec<Block>, d: &Dossier) {
    let g = &d.governance;
    b.push(Block::anchored(
        2,
        "Section 2 – Gouvernance et pilotage",
        "s2",
    ));
    b.push(Block::heading(3, "Composition du Conseil d'Administration"));
    b.push(Block::Table(Table {
        columns: vec![
            col("Nom", 0.22, Align::Left),
            col("Qualité", 0.16, Align::Left),
            col("Organisme et fonction", 0.32, Align::Left),
            col("Téléphone et e-mail", 0.30, Align::Left),
        ],
        rows: g
            .board
            .iter()
            .map(|m| {
                Row::new(vec![
                    or_dash(&m.name),
                    m.role.label().to_string(),
                    joined(&[&m.organisation, &m.function], " — "),
                    format!("{}\n{}", or_dash(&m.phone), or_dash(&m.email)),
                ])
            })
            .collect(),
    }));
    section_text(
        b,
        "Organisation interne de l'association",
        &g.internal_organisation,
    );
    section_text(
        b,
        "Modalités d'adhésion des membres à la structure de gouvernance",
        &g.membership_terms,
    );
    b.push(Block::heading(
        3,
        "Recettes de cotisation et mode de calcul",
    ));
    fee_schedule(b, d);
}

fn five_year_row<T>(label: &str, values: &[Option<T>; 5], fmt: impl Fn(&T) -> String) -> Row {
    let mut cells = vec![label.to_string()];
    cells.extend(
        values
            .iter()
            .map(|v| v.as_ref().map_or_else(|| "—".to_string(), &fmt)),
    );
    Row::new(cells)
}

fn strategy(b: &mut Vec<Block>, d: &Dossier) {
    let s = &d.strategy;
    b.push(Block::anchored(
        2,
        "Section 3 – Stratégie générale du cluster",
        "s3",
    ));
    section_text(b, "Stratégie globale du cluster", &s.global_strategy);
    b.push(Block::heading(3, "Objectifs chiffrés sur cinq ans"));
    b.push(Block::Table(Table {
        columns: year_columns("Objectif", 0.35, ""),
        rows: vec![
            five_year_row("Projets de R&D (nombre)", &s.rd_projects, |v| v.to_string()),
            five_year_row("Financements levés (DH)", &s.funds_raised, |v| {
                format_number(*v, 2)
            }),
            five_year_row("Parts de marché à l'export (%)", &s.export_share, |v| {
                format_number(*v, 1)
            }),
        ],
    }));
    if !s.objectives_comment.trim().is_empty() {
        b.push(Block::para(s.objectives_comment.clone()));
    }
    section_text(b, "Technologies et marchés visés", &s.technologies_markets);
    section_text(
        b,
        "Positionnement concurrentiel national",
        &s.national_positioning,
    );
    section_text(
        b,
        "Positionnement concurrentiel international",
        &s.international_positioning,
    );
    b.push(Block::heading(
        3,
        "Évolution prévisionnelle des adhérents et des recettes de cotisation",
    ));
    b.push(Block::Table(Table {
        columns: year_columns("Prévision", 0.35, ""),
        rows: vec![
            five_year_row("Nombre d'adhérents", &s.forecast_members, |v| {
                v.to_string()
            }),
            five_year_row(
                "Recettes de cotisation (DH)",
                &s.forecast_fee_revenue,
                |v| format_number(*v, 2),
            ),
        ],
    }));
}

fn cooperation(b: &mut Vec<Block>, d: &Dossier) {
    let c = &d.cooperation;
    b.push(Block::anchored(
        2,
        "Section 4 – Partenariat et coopération",
        "s4",
    ));
    b.push(Block::heading(3, "4.1 Projets de coopération"));
    if c.cooperation_projects.is_empty() {
        b.push(Block::para("Aucun projet de coopération."));
    }
    for (i, x) in c.cooperation_projects.iter().enumerate() {
        b.push(Block::heading(
            3,
            format!("Projet de coopération {} : {}", i + 1, or_dash(&x.title)),
        ));
        b.push(Block::KeyValues(vec![
            ("Nature".into(), x.nature.clone()),
            ("Parties prenantes".into(), x.stakeholders.clone()),
            ("Moyens mobilisés".into(), x.means.clone()),
            ("Résultats attendus".into(), x.expected_results.clone()),
        ]));
    }
    b.push(Block::heading(3, "4.1 Projets collaboratifs"));
    if c.collaborative_projects.is_empty() {
        b.push(Block::para("Aucun projet collaboratif."));
    }
    for (i, x) in c.collaborative_projects.iter().enumerate() {
        b.push(Block::heading(
            3,
            format!("Projet collaboratif {} : {}", i + 1, or_dash(&x.title)),
        ));
        b.push(Block::KeyValues(vec![
            ("Objectifs".into(), x.objectives.clone()),
            ("Acteurs impliqués".into(), x.actors.clone()),
            ("Résultats attendus".into(), x.expected_results.clone()),
        ]));
    }
    for scope in [PartnershipScope::National, PartnershipScope::International] {
        b.push(Block::heading(
            3,
            format!(
                "4.2 Partenariats {}",
                if scope == PartnershipScope::National {
                    "nationaux"
                } else {
                    "internationaux"
                }
            ),
        ));
        let rows: Vec<Row> = c
            .partnerships
            .iter()
            .filter(|x| x.scope == scope)
            .map(|x| {
                Row::new(vec![
                    or_dash(&x.body),
                    x.kind.label().to_string(),
                    or_dash(&x.country),
                    x.status.label().to_string(),
                    or_dash(&x.purpose),
                ])
            })
            .collect();
        if rows.is_empty() {
            b.push(Block::para("Aucun partenariat déclaré."));
            continue;
        }
        b.push(Block::Table(Table {
            columns: vec![
                col("Organisme", 0.24, Align::Left),
                col("Type", 0.16, Align::Left),
                col("Pays", 0.10, Align::Left),
                col("État", 0.10, Align::Left),
                col("Objet", 0.40, Align::Left),
            ],
            rows,
        }));
    }
}

fn startups(b: &mut Vec<Block>, d: &Dossier) {
    let s = &d.startups;
    b.push(Block::anchored(
        2,
        "Section 5 – Création et accompagnement des start-up",
        "s5",
    ));
    section_text(
        b,
        "Stratégie de soutien à l'entrepreneuriat innovant",
        &s.strategy,
    );
    b.push(Block::heading(
        3,
        "Processus de préparation à la création d'entreprise",
    ));
    b.push(Block::Table(Table {
        columns: vec![
            col("Étape", 0.20, Align::Left),
            col("Description", 0.55, Align::Left),
            col("Partenaires", 0.25, Align::Left),
        ],
        rows: s
            .preparation
            .iter()
            .map(|x| {
                Row::new(vec![
                    x.kind.label().into(),
                    or_dash(&x.description),
                    or_dash(&x.partners),
                ])
            })
            .collect(),
    }));
    b.push(Block::heading(
        3,
        "Accompagnement post-création : services par type de soutien",
    ));
    b.push(Block::Table(Table {
        columns: vec![
            col("Type de soutien", 0.25, Align::Left),
            col("Services offerts", 0.75, Align::Left),
        ],
        rows: s
            .post_creation
            .iter()
            .map(|x| Row::new(vec![x.support_type.label().into(), or_dash(&x.services)]))
            .collect(),
    }));
}

fn plan(b: &mut Vec<Block>, d: &Dossier, p: &CallProfile) {
    b.push(Block::anchored(
        2,
        "Section 6 – Plan d'action et budget prévisionnels",
        "s6",
    ));
    b.push(Block::heading(3, "6.1 Plan d'action"));
    section_text(b, "Orientations", &d.plan.orientations);
    section_text(
        b,
        "Objectifs et grandes lignes du plan d'action",
        &d.plan.objectives,
    );
    b.push(Block::heading(3, "Actions planifiées (coûts en DH)"));
    let mut rows: Vec<Row> = d
        .plan
        .actions
        .iter()
        .map(|a| {
            let category = match &a.category {
                ActionCategory::Eligible(id) => p
                    .action_category(id)
                    .map_or_else(|| id.clone(), |c| c.label.clone()),
                ActionCategory::Other => OTHER_ACTION.into(),
            };
            let mut cells = vec![
                format!("{}\n{}", or_dash(&a.title), a.description.trim())
                    .trim_end()
                    .to_string(),
                category,
            ];
            cells.extend(a.cost.iter().map(|v| num(*v, 0)));
            Row::new(cells)
        })
        .collect();
    let costs = compute::action_costs(d);
    let mut total = vec!["Total du plan d'action".to_string(), String::new()];
    total.extend(costs.iter().map(|v| format_number(*v, 0)));
    rows.push(Row {
        cells: total,
        bold: true,
        shaded: true,
        ..Row::default()
    });
    let mut columns = vec![
        col("Action", 0.38, Align::Left),
        col("Catégorie", 0.17, Align::Left),
    ];
    for y in 1..=5 {
        columns.push(col(&format!("A{y}"), 0.09, Align::Right));
    }
    b.push(Block::Table(Table { columns, rows }));

    b.push(Block::heading(3, "6.2 Budget prévisionnel (en DH)"));
    let totals = compute::budget_totals(d, p);
    let money_row = |label: String, values: [Option<Decimal>; 5], bold: bool, shaded: bool| Row {
        cells: std::iter::once(label)
            .chain(values.iter().map(|v| num(*v, 2)))
            .collect(),
        bold,
        shaded,
        ..Row::default()
    };
    let section_row = |label: &str| Row {
        cells: vec![label.to_string()],
        bold: true,
        shaded: true,
        ..Row::default()
    };
    let mut rows = vec![section_row("CHARGES (en DHS)")];
    let line_row = |row: &crate::model::call::BudgetRowDef| {
        let line = d.budget_line(&row.id);
        let mut label = row.label.clone();
        if row.starred {
            label.push_str(" *");
        }
        if row.needs_detail {
            let detail = line.map_or("", |l| l.detail.trim());
            label.push_str(&format!(
                " (à préciser : {})",
                if detail.is_empty() { "—" } else { detail }
            ));
        }
        money_row(label, line.map_or([None; 5], |l| l.amounts), false, false)
    };
    for row in p.budget_rows.iter().filter(|r| r.role.is_charge()) {
        rows.push(line_row(row));
    }
    rows.push(money_row(
        "TOTAL DES CHARGES".into(),
        totals.charges.map(Some),
        true,
        false,
    ));
    rows.push(section_row("PRODUITS (en DHS)"));
    for row in p.budget_rows.iter().filter(|r| !r.role.is_charge()) {
        rows.push(line_row(row));
    }
    rows.push(money_row(
        "TOTAL DES PRODUITS".into(),
        totals.products.map(Some),
        true,
        false,
    ));
    rows.push(money_row(
        "RÉSULTAT D'EXPLOITATION".into(),
        totals.result.map(Some),
        true,
        true,
    ));
    b.push(Block::Table(Table {
        columns: year_columns("Libellé", 0.35, ""),
        rows,
    }));
    b.push(Block::styled(
        p.budget_star_note.clone(),
        Style::Small,
        Align::Left,
    ));
    let ratios = compute::self_financing_percent(&totals);
    b.push(Block::para(format!(
        "Capacité d'autofinancement calculée ({}) : {}.",
        compute::SELF_FINANCING_FORMULA,
        ratios
            .iter()
            .enumerate()
            .map(|(y, r)| format!(
                "année {} : {}",
                y + 1,
                r.map_or_else(|| "—".into(), |r| format!("{} %", format_number(r, 1)))
            ))
            .collect::<Vec<_>>()
            .join(" ; ")
    )));
}

fn indicators(b: &mut Vec<Block>, d: &Dossier, p: &CallProfile) {
    b.push(Block::anchored(2, "Section 7 – Suivi et évaluation", "s7"));
    b.push(Block::heading(3, "Indicateurs de performance sur cinq ans"));
    let mut rows: Vec<Row> = p
        .kpi_rows
        .iter()
        .map(|k| {
            let values = d.kpi_line(&k.id).map_or([None; 5], |l| l.values);
            let decimals = if k.unit == KpiUnit::Percent { 1 } else { 0 };
            five_year_row(&k.label, &values, |v| format_number(*v, decimals))
        })
        .collect();
    for k in &d.indicators.custom {
        rows.push(five_year_row(
            &format!("{} ({})", or_dash(&k.label), or_dash(&k.unit)),
            &k.values,
            |v| {
                format_number(*v, 2)
                    .trim_end_matches("0")
                    .trim_end_matches(",")
                    .to_string()
            },
        ));
    }
    b.push(Block::Table(Table {
        columns: year_columns("Indicateurs de performance", 0.40, ""),
        rows,
    }));
    b.push(Block::styled(
        format!("† {}", p.kpi_note),
        Style::Small,
        Align::Left,
    ));
}

fn partie3(b: &mut Vec<Block>, d: &Dossier, p: &CallProfile) {
    b.push(Block::PageBreak);
    b.push(Block::anchored(1, "Partie 3 – Critères de sélection", "p3"));
    b.push(Block::para("Pour chaque critère d'appréciation défini par le Ministère, les éléments de réponse du cluster."));
    for group in [CriterionGroup::Technical, CriterionGroup::Qualitative] {
        b.push(Block::heading(2, group.label()));
        for c in p.criteria.iter().filter(|c| c.group == group) {
            b.push(Block::heading(3, c.label.clone()));
            b.push(Block::para(or_dash(
                d.criterion_answer(&c.id)
                    .map_or("", |a| a.argument.as_str()),
            )));
        }
    }
}

fn declaration(b: &mut Vec<Block>, input: &DocumentInput, ticks: DeclarationTicks) {
    let (d, p, blank) = (input.dossier, input.profile, input.blank);
    let t = &p.declaration;
    let dec = &d.declaration;
    b.push(Block::PageBreak);
    b.push(Block::Anchor("annexe".into()));
    b.push(Block::styled("ANNEXE", Style::Small, Align::Center));
    b.push(Block::styled(t.title.clone(), Style::H1, Align::Center));
    b.push(Block::styled(
        t.subtitle.clone(),
        Style::Body,
        Align::Center,
    ));
    b.push(Block::Spacer(8.0));
    let signatory = format!(
        "{} {} {}",
        dec.civility.label(),
        dec.first_name.trim(),
        dec.last_name.trim()
    );
    let quality = format!(
        "{} au sein de {} ; {} au sein de l'association",
        or_dash(&dec.position_in_organisation),
        "son organisme d'appartenance",
        or_dash(&dec.position_in_association)
    );
    b.push(Block::KeyValues(vec![
        (t.intro.clone(), signatory.trim().to_string()),
        ("Qualité".into(), quality),
        (
            t.acting_for.clone(),
            d.declaration_association_name().to_string(),
        ),
        (t.legal_form.clone(), d.declaration_legal_form().to_string()),
    ]));
    for s in &t.statements {
        b.push(Block::para(s.clone()));
    }
    b.push(Block::para(t.documents_intro.clone()));
    b.push(Block::Checkbox {
        checked: ticks.declaration,
        text: t.box_declaration.clone(),
    });
    b.push(Block::Checkbox {
        checked: ticks.administrative,
        text: t.box_administrative.clone(),
    });
    b.push(Block::Checkbox {
        checked: ticks.technical,
        text: t.box_technical.clone(),
    });
    b.push(Block::Checkbox {
        checked: ticks.other,
        text: t.box_other.clone(),
    });
    let docs: Vec<(usize, &OtherDocument)> = dec
        .other_documents
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.title.trim().is_empty())
        .collect();
    let lines = docs.len().max(4);
    let listed = (0..lines)
        .map(|i| match docs.get(i) {
            Some((k, x)) => match page_range(input, &format!("declaration.other_documents[{k}]")) {
                Some(range) => format!("{}. {} (joint, {range})", i + 1, x.title.trim()),
                None => format!("{}. {}", i + 1, x.title.trim()),
            },
            None => format!("{}.", i + 1),
        })
        .collect::<Vec<_>>()
        .join("\n");
    b.push(Block::para(listed));
    b.push(Block::para(t.closing.clone()));
    if blank {
        b.push(Block::para(
            "Fait à ______________________________, le ______________________________",
        ));
    } else {
        b.push(Block::para(format!(
            "Fait à {}, le {}",
            or_dash(&dec.place),
            date_text(dec.date)
        )));
    }
    b.push(Block::SignatureArea {
        caption: t.signature_label.clone(),
        height: 80.0,
    });
    b.push(Block::styled(
        p.confidentiality.clone(),
        Style::Small,
        Align::Center,
    ));
    // The other documents' scans, after the déclaration that lists them.
    for (k, _) in &docs {
        let key = format!("declaration.other_documents[{k}]");
        if let Some(pages) = input.attachments.pages(&key) {
            b.push(Block::Attachment { key, pages });
        }
    }
}
