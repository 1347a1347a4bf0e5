//! Section 1.2: the member register (virtualised table with columns, filter, search,
//! detail editor) and the major partners.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::grid;
use crate::model::compute;
use crate::model::dossier::{Activity, CompanySize, Dossier, MajorPartner, Member, MemberCategory};
use crate::model::field::*;
use crate::ui::widgets::{Form, HINT_SIZE, RowOp, apply_row_op, row_buttons, row_list, title};

/// « 1 membre engagé », « 3 membres engagés », « aucun … » for zero.
fn count(n: u32, one: &str, many: &str) -> String {
    match n {
        0 => format!("0 {one}"),
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

#[derive(Default)]
pub struct MembersView {
    pub filter: Option<MemberCategory>,
    pub search: String,
    pub selected: Option<usize>,
    /// Set when a finding asks for a row: scroll the table to it once.
    pub scroll_to_selected: bool,
    pub import: super::import::ImportState,
}

/// A path in member 12 (`members[12].ice`) selects member 12.
pub fn select_from_path(view: &mut MembersView, path: &FieldPath) {
    if let Some(i) = path.row_of(&FieldPath::part(Part::Members)) {
        view.selected = Some(i);
        view.filter = None;
        view.search.clear();
        view.scroll_to_selected = true;
    }
}

fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

fn matches(m: &Member, view: &MembersView, needle: &str) -> bool {
    view.filter.is_none_or(|c| c == m.category)
        && (needle.is_empty()
            || fold(&m.name).contains(needle)
            || fold(&m.city).contains(needle)
            || m.ice.contains(needle)
            || fold(&m.sector).contains(needle))
}

const ROW_H: f32 = 22.0;

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, view: &mut MembersView) {
    title(ui, "Section 1.2 – Membres et participants au cluster");
    summary(ui, d);
    ui.label(
        RichText::new(
            "Astuce : copiez des lignes dans Excel ou LibreOffice, puis Ctrl+V ici pour les ajouter au registre (aperçu et contrôle des doublons avant l'ajout).",
        )
        .size(HINT_SIZE)
        .weak(),
    );
    super::import::show(ui, form, d, &mut view.import);
    filters(ui, view);
    let needle = fold(view.search.trim());
    let visible: Vec<usize> = d
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| matches(m, view, &needle))
        .map(|(i, _)| i)
        .collect();
    // The editor and the row buttons act on what the list shows: a member
    // hidden by the filter or the search is not edited by mistake.
    if view.selected.is_some_and(|s| !visible.contains(&s)) {
        view.selected = None;
    }
    copy_rows(ui, d, &visible);
    let op = toolbar(ui, d, view, visible.len());
    // In its own scope: the resize lines are drawn down to the bottom of
    // the enclosing `Ui`, which would cross the editor below.
    ui.scope(|ui| table(ui, d, view, &visible));
    if let Some(op) = op {
        apply(form, d, view, op);
    }
    ui.separator();
    detail(ui, form, d, view);
}

/// The counts the call's thresholds are measured on.
fn summary(ui: &mut Ui, d: &Dossier) {
    let counts = compute::member_counts(d);
    ui.label(format!(
        "{} ({} dont {} ; {} ; {}) — {} (non comptées).",
        count(counts.engaged_members(), "membre engagé", "membres engagés"),
        count(
            counts.engaged_companies,
            "entreprise engagée",
            "entreprises engagées"
        ),
        count(
            counts.industrial_companies,
            "industrielle, technologique ou spécifique",
            "industrielles, technologiques ou spécifiques"
        ),
        count(
            counts.training_research,
            "institution de formation et de recherche",
            "institutions de formation et de recherche"
        ),
        count(
            counts.other_representatives,
            "autre représentant",
            "autres représentants"
        ),
        count(
            counts.interested_companies,
            "entreprise potentiellement intéressée",
            "entreprises potentiellement intéressées"
        ),
    ));
}

/// Copies the rows the list shows (filter and search choose them) as
/// tab-separated text: Excel and LibreOffice paste it as columns, and a
/// paste back into a register imports the same members.
fn copy_rows(ui: &mut Ui, d: &Dossier, visible: &[usize]) {
    let label = match visible.len() {
        0 => return,
        1 => "Copier la ligne affichée (pour un tableur)".to_string(),
        n => format!("Copier les {n} lignes affichées (pour un tableur)"),
    };
    if ui
        .button(label)
        .on_hover_text(
            "Colonnes séparées par des tabulations : collez-les dans Excel ou LibreOffice",
        )
        .clicked()
    {
        let tsv = crate::service::import::members_tsv(visible.iter().map(|&i| &d.members[i]));
        ui.ctx().copy_text(tsv);
    }
}

/// Category filter and search.
fn filters(ui: &mut Ui, view: &mut MembersView) {
    ui.horizontal(|ui| {
        let l = ui.label("Catégorie :");
        egui::ComboBox::from_id_salt("members.filter")
            .selected_text(view.filter.map_or("Toutes", |c| c.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.filter, None, "Toutes");
                for c in MemberCategory::ALL {
                    ui.selectable_value(&mut view.filter, Some(c), c.label());
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label("Rechercher :");
        ui.add(
            egui::TextEdit::singleline(&mut view.search)
                .desired_width(200.0)
                .hint_text("nom, ville, ICE…"),
        )
        .labelled_by(l.id);
    });
}

/// Add, and the row buttons of the selected member.
fn toolbar(ui: &mut Ui, d: &Dossier, view: &MembersView, shown: usize) -> Option<RowOp> {
    let mut op: Option<RowOp> = None;
    ui.horizontal(|ui| {
        if ui.button("+ Ajouter un membre").clicked() {
            op = Some(RowOp::Add);
        }
        if let Some(i) = view.selected.filter(|i| *i < d.members.len()) {
            row_buttons(ui, i, d.members.len(), &mut op);
        }
        ui.label(RichText::new(format!("{} affiché(s) sur {}", shown, d.members.len())).weak());
    });
    op
}

/// The register's columns: header, share of the width left once N° and
/// ICE have theirs, and the narrowest a drag can make them.
const COLUMNS: [(&str, f32, f32); 6] = [
    ("N°", 0.0, 44.0),
    ("Raison sociale", 0.36, 120.0),
    ("Catégorie", 0.26, 80.0),
    ("Activité", 0.18, 70.0),
    ("Ville", 0.20, 60.0),
    ("ICE", 0.0, 70.0),
];

/// An ICE's 15 digits laid out in the body font, plus the cell's margin:
/// the last column never cuts a full ICE at the first width.
fn ice_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let w = ui.fonts_mut(|f| {
        f.layout_no_wrap("000000000000000".into(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    });
    (w + 2.0 * ui.spacing().item_spacing.x).ceil()
}

/// One cell's text, cut with « … » when the column is too narrow; the full
/// value shows on hover, so nothing typed is hidden for good.
fn cell(ui: &mut Ui, text: &str) {
    // Not selectable: a click on the cell selects the row.
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

/// The register: a fixed header, aligned resizable columns and virtualised
/// rows (`body.rows`), so 2 000 members draw as fast as 20; a click on a
/// row selects its member.
fn table(ui: &mut Ui, d: &Dossier, view: &mut MembersView, visible: &[usize]) {
    let ice = ice_width(ui);
    let spacing = ui.spacing().item_spacing.x * COLUMNS.len() as f32;
    let shared = (ui.available_width() - COLUMNS[0].2 - ice - spacing).max(0.0);
    let table_h = (ui.available_height() * 0.45).max(160.0);
    let mut builder = TableBuilder::new(ui)
        .id_salt("members.table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(table_h)
        .max_scroll_height(table_h)
        .auto_shrink([false, true]);
    for (i, (_, share, min)) in COLUMNS.iter().enumerate() {
        builder = builder.column(match i {
            0 => Column::exact(*min),
            // The last column takes what is left: a long activity or city
            // never pushes it past the right edge.
            5 => Column::remainder().at_least(min.min(ice)).clip(true),
            _ => Column::initial(share * shared).at_least(*min).clip(true),
        });
    }
    if view.scroll_to_selected
        && let Some(sel) = view.selected
        && let Some(pos) = visible.iter().position(|i| *i == sel)
    {
        builder = builder.scroll_to_row(pos, Some(egui::Align::Center));
        view.scroll_to_selected = false;
    }
    let mut clicked = None;
    builder
        .header(ROW_H, |mut header| {
            for (h, _, _) in COLUMNS {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, visible.len(), |mut row| {
                let i = visible[row.index()];
                let m = &d.members[i];
                let selected = view.selected == Some(i);
                row.set_selected(selected);
                row.col(|ui| {
                    ui.label((i + 1).to_string());
                });
                row.col(|ui| {
                    let name = if m.name.trim().is_empty() {
                        "(sans nom)"
                    } else {
                        m.name.as_str()
                    };
                    let r = ui.add(egui::Button::selectable(selected, name).truncate());
                    if r.clicked() {
                        clicked = Some(i);
                    }
                    r.on_hover_text(name);
                });
                row.col(|ui| cell(ui, m.category.label()));
                row.col(|ui| cell(ui, m.activity.label()));
                row.col(|ui| cell(ui, &m.city));
                row.col(|ui| cell(ui, &m.ice));
                if row.response().clicked() {
                    clicked = Some(i);
                }
            });
        });
    if clicked.is_some() {
        view.selected = clicked;
    }
}

fn apply(form: &mut Form, d: &mut Dossier, view: &mut MembersView, op: RowOp) {
    if matches!(op, RowOp::Add) {
        // The new member must be visible to be filled in.
        view.filter = None;
        view.search.clear();
    }
    form.rows_changed(&FieldPath::part(Part::Members), op, d.members.len());
    if let Some(sel) = apply_row_op(&mut d.members, op) {
        view.selected = Some(sel);
        view.scroll_to_selected = true;
    } else if d.members.is_empty() {
        view.selected = None;
    }
    form.structural();
}

/// The selected member's editor, then the major partners.
fn detail(ui: &mut Ui, form: &mut Form, d: &mut Dossier, view: &mut MembersView) {
    egui::ScrollArea::vertical().id_salt("members.detail").auto_shrink([false, false]).show(ui, |ui| {
        match view.selected.filter(|i| *i < d.members.len()) {
            Some(i) => {
                let fees = fee_names(d);
                member_editor(ui, form, i, &mut d.members[i], &fees);
            }
            None => {
                ui.label("Sélectionnez un membre dans la liste pour le modifier, ou ajoutez-en un.");
            }
        }
        let partners = &mut d.partners;
        title(ui, "Partenaires majeurs (hors membres)");
        ui.label(RichText::new("Organismes de formation, techniques ou technologiques dont le lien avec le cluster n'est pas assez permanent pour un siège en assemblée.").size(HINT_SIZE).weak());
        row_list(ui, form, &FieldPath::part(Part::Partners), partners, "Ajouter un partenaire", |i, p: &MajorPartner| format!("Partenaire {} : {}", i + 1, p.name), |ui, form, i, p| {
            grid(ui, &FieldPath::part(Part::Partners).row(i), |ui| {
                form.text(ui, &FieldPath::partner(i, PartnerField::Name), "Nom", &mut p.name);
                form.long_text(ui, &FieldPath::partner(i, PartnerField::Kind), "Nature (formation, technique…)", &mut p.kind);
                form.text(ui, &FieldPath::partner(i, PartnerField::City), "Ville", &mut p.city);
                form.long_text(ui, &FieldPath::partner(i, PartnerField::Link), "Nature du lien", &mut p.link);
            });
        });
    });
}

fn fee_names(d: &Dossier) -> Vec<String> {
    d.governance
        .fee_categories
        .iter()
        .map(|c| c.name.clone())
        .filter(|n| !n.trim().is_empty())
        .collect()
}

fn member_editor(ui: &mut Ui, form: &mut Form, i: usize, m: &mut Member, fees: &[String]) {
    ui.strong(format!("Membre n° {}", i + 1));
    let p = |f: MemberField| FieldPath::member_field(i, f);
    let contact = |f: PersonField| FieldPath::member_field(i, MemberField::Contact).field(f);
    grid(ui, &FieldPath::member(i), |ui| {
        form.long_text(ui, &p(MemberField::Name), "Raison sociale", &mut m.name);
        form.choice(
            ui,
            &p(MemberField::Category),
            "Catégorie",
            &mut m.category,
            &MemberCategory::ALL,
            MemberCategory::label,
        );
        form.choice(
            ui,
            &p(MemberField::Activity),
            "Activité (industrielle, technologique, spécifique)",
            &mut m.activity,
            &Activity::ALL,
            Activity::label,
        );
        form.long_text(ui, &p(MemberField::Sector), "Secteur", &mut m.sector);
        form.text(ui, &p(MemberField::City), "Ville", &mut m.city);
        form.choice(
            ui,
            &p(MemberField::Size),
            "Taille",
            &mut m.size,
            &CompanySize::ALL,
            CompanySize::label,
        );
        form.text(ui, &p(MemberField::Ice), "ICE (15 chiffres)", &mut m.ice);
        form.long_text(
            ui,
            &p(MemberField::Rc),
            "RC (numéro et tribunal)",
            &mut m.rc,
        );
        form.text(
            ui,
            &p(MemberField::TaxId),
            "Identifiant fiscal (IF)",
            &mut m.tax_id,
        );
        form.text(
            ui,
            &p(MemberField::Cnss),
            "N° d'affiliation CNSS",
            &mut m.cnss,
        );
        form.text(
            ui,
            &contact(PersonField::Name),
            "Contact : nom",
            &mut m.contact.name,
        );
        form.text(
            ui,
            &contact(PersonField::Function),
            "Contact : fonction",
            &mut m.contact.function,
        );
        form.text(
            ui,
            &contact(PersonField::Phone),
            "Contact : téléphone",
            &mut m.contact.phone,
        );
        form.text(
            ui,
            &contact(PersonField::Email),
            "Contact : e-mail",
            &mut m.contact.email,
        );
        form.date(
            ui,
            &p(MemberField::Joined),
            "Date d'adhésion",
            &mut m.joined,
        );
        let path = p(MemberField::FeeCategory);
        let l = ui.label("Catégorie de cotisation");
        let r = egui::ComboBox::from_id_salt(&path)
            .selected_text(if m.fee_category.is_empty() {
                "—"
            } else {
                m.fee_category.as_str()
            })
            .show_ui(ui, |ui| {
                for name in fees {
                    if ui.selectable_label(&m.fee_category == name, name).clicked()
                        && &m.fee_category != name
                    {
                        m.fee_category = name.clone();
                        form.touch(&path);
                    }
                }
                if fees.is_empty() {
                    ui.label("Définissez d'abord le barème dans « 2 Gouvernance ».");
                }
            });
        let response = r.response.labelled_by(l.id);
        form.mark(ui, &path, &response);
        ui.end_row();
    });
}
