//! Section 1.2: the member register (virtualised table with columns, filter, search,
//! detail editor) and the major partners.

use egui::{RichText, Ui};

use super::{grid, register};
use crate::model::dossier::{Activity, CompanySize, Dossier, MajorPartner, Member, MemberCategory};
use crate::model::field::*;
use crate::model::{Finding, compute};
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
    /// Only the rows with a finding (« Avec constat seulement »).
    pub only_findings: bool,
    /// The row whose editor is open: the one selected, or the last clicked.
    pub selected: Option<usize>,
    /// Every selected row; several are edited together.
    pub selection: register::Selection,
    pub bulk: super::bulk::BulkDraft,
    /// Set when a finding asks for a row: scroll the table to it once.
    pub scroll_to_selected: bool,
    pub import: super::import::ImportState,
}

/// A path in member 12 (`members[12].ice`) selects member 12.
pub fn select_from_path(view: &mut MembersView, path: &FieldPath) {
    if let Some(i) = path.row_of(&FieldPath::part(Part::Members)) {
        view.selected = Some(i);
        view.selection = register::Selection::only(i);
        view.only_findings = false;
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

pub fn show(
    ui: &mut Ui,
    form: &mut Form,
    d: &mut Dossier,
    view: &mut MembersView,
    findings: &[Finding],
    p: &crate::model::CallProfile,
) {
    // The tab has no scroll of its own (the register's rows are
    // virtualised): what stands above the register (the call's help, the
    // counts, an open import preview) scrolls within at most half of the
    // height, so « Importer » and the register stay within reach at
    // 1366 × 768 whatever is open.
    let top_h = (ui.available_height() * 0.5).max(200.0);
    egui::ScrollArea::vertical()
        .id_salt("members.top")
        .max_height(top_h)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            crate::ui::help::show(ui, p, crate::model::finding::Section::Members);
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
        });
    let marks = register::row_findings(findings);
    filters(ui, view, marks.len());
    let needle = fold(view.search.trim());
    let visible: Vec<usize> = d
        .members
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            matches(m, view, &needle) && (!view.only_findings || marks.contains_key(i))
        })
        .map(|(i, _)| i)
        .collect();
    // The editors and the row buttons act on what the list shows: a member
    // hidden by the filter or the search is not edited by mistake.
    view.selection.keep(&visible, d.members.len());
    if view
        .selected
        .is_some_and(|s| !view.selection.rows.contains(&s))
    {
        view.selected = None;
    }
    copy_rows(ui, d, &visible);
    let op = toolbar(ui, d, view, &visible);
    if d.members.iter().any(|m| !m.to_check.is_empty()) {
        ui.label(
            RichText::new(format!(
                "{}valeur proposée à l'import, à vérifier : confirmez-la ou choisissez-en une autre.",
                register::GUESS_MARK
            ))
            .size(HINT_SIZE)
            .color(crate::ui::theme::warning(ui.visuals())),
        );
    }
    let scroll_to = view.scroll_to_selected.then_some(view.selected).flatten();
    view.scroll_to_selected = false;
    // In its own scope: the resize lines are drawn down to the bottom of
    // the enclosing `Ui`, which would cross the editor below.
    let clicked = ui
        .scope(|ui| register::table(ui, &d.members, &visible, &view.selection, &marks, scroll_to))
        .inner;
    if let Some(c) = clicked {
        view.selection.click(c.row, c.click, &visible);
        view.selected = if view.selection.rows.contains(&c.row) {
            Some(c.row)
        } else {
            view.selection.single()
        };
    }
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

/// Category filter, search, and the rows with a finding.
fn filters(ui: &mut Ui, view: &mut MembersView, with_findings: usize) {
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
        ui.checkbox(
            &mut view.only_findings,
            format!("Avec constat seulement ({with_findings})"),
        )
        .on_hover_text("Les lignes marquées ● : un point bloquant (rouge) ou un avertissement (orange) ; survolez le numéro pour le lire");
    });
}

/// Add, the row buttons of the selected member, and the selection's
/// buttons (« Tout sélectionner » takes the rows shown).
fn toolbar(ui: &mut Ui, d: &Dossier, view: &mut MembersView, visible: &[usize]) -> Option<RowOp> {
    let mut op: Option<RowOp> = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("+ Ajouter un membre").clicked() {
            op = Some(RowOp::Add);
        }
        if let Some(i) = view.selected.filter(|i| *i < d.members.len()) {
            row_buttons(ui, i, d.members.len(), &mut op);
        }
        ui.separator();
        if ui
            .add_enabled(!visible.is_empty(), egui::Button::new("Tout sélectionner"))
            .on_hover_text("Sélectionne les lignes affichées (filtre et recherche compris), pour les modifier ensemble")
            .clicked()
        {
            view.selection.select_all(visible);
            view.selected = view.selection.single();
        }
        if ui
            .add_enabled(!view.selection.rows.is_empty(), egui::Button::new("Désélectionner"))
            .clicked()
        {
            view.selection.clear();
            view.selected = None;
        }
        let picked = match view.selection.rows.len() {
            0 | 1 => String::new(),
            n => format!(", {n} sélectionnés"),
        };
        ui.label(
            RichText::new(format!(
                "{} affiché(s) sur {}{picked}",
                visible.len(),
                d.members.len()
            ))
            .weak(),
        );
    });
    ui.label(
        RichText::new(
            "Ctrl+clic ajoute ou retire une ligne, Maj+clic sélectionne de la dernière ligne cliquée à celle-ci.",
        )
        .size(HINT_SIZE)
        .weak(),
    );
    op
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
        view.selection = register::Selection::only(sel);
        view.scroll_to_selected = true;
    } else if d.members.is_empty() {
        view.selected = None;
        view.selection.clear();
    }
    form.structural();
}

/// The selected member's editor, then the major partners.
fn detail(ui: &mut Ui, form: &mut Form, d: &mut Dossier, view: &mut MembersView) {
    egui::ScrollArea::vertical().id_salt("members.detail").auto_shrink([false, false]).show(ui, |ui| {
        let fees = fee_names(d);
        match view.selected.filter(|i| *i < d.members.len()) {
            _ if view.selection.rows.len() > 1 => {
                let rows = &view.selection.rows;
                if let Some(edit) = super::bulk::editor(ui, &d.members, rows, &fees, &mut view.bulk)
                    && super::bulk::apply(&mut d.members, rows, &edit)
                {
                    // One step for all of them; the typing buffers of
                    // the single editor would show old dates.
                    form.buffers.clear();
                    form.structural();
                }
            }
            Some(i) => {
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

/// The values an import guessed for this member, and « Confirmer » to
/// keep them as they are (changing one in the fields below confirms it too).
fn confirm_guesses(ui: &mut Ui, form: &mut Form, i: usize, m: &mut Member) {
    let mut guessed = Vec::new();
    if m.to_check.category {
        guessed.push(format!("catégorie « {} »", m.category.label()));
    }
    if m.to_check.activity {
        guessed.push(format!("activité « {} »", m.activity.label()));
    }
    if guessed.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{}{} : proposée(s) à l'import, à vérifier.",
                register::GUESS_MARK,
                guessed.join(" et ")
            ))
            .color(crate::ui::theme::warning(ui.visuals())),
        );
        if ui
            .button("Confirmer")
            .on_hover_text("Garder ces valeurs : elles ne seront plus signalées")
            .clicked()
        {
            m.to_check = Default::default();
            form.touch(&format!("{}.to_check", FieldPath::member(i).as_str()));
        }
    });
}

fn member_editor(ui: &mut Ui, form: &mut Form, i: usize, m: &mut Member, fees: &[String]) {
    ui.strong(format!("Membre n° {}", i + 1));
    confirm_guesses(ui, form, i, m);
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use crate::model::{CallProfile, Dossier};
    use crate::ui::app::{DossierApp, Tab};

    /// In the first window on a 1366 × 768 screen (1280 × 720), a 25-row
    /// sheet's preview, with the call's help open
    /// too, no longer pushes « Importer » and the register below the
    /// window: what is above the register scrolls within, and both are on
    /// screen at once.
    #[test]
    fn the_import_preview_keeps_importer_and_the_register_on_screen() {
        let mut app = DossierApp::new(None);
        app.replace(
            Dossier::default(),
            Arc::new(CallProfile::edition_2026()),
            None,
        );
        app.set_tab(Tab::Members);
        let mut sheet = String::from("Raison sociale\tSecteur\tVille\n");
        for i in 0..25 {
            sheet.push_str(&format!("Société {i} SARL\tTextile\tTanger\n"));
        }
        app.view.members_view.import.load_text(&sheet);
        let mut opened = false;
        let mut h = Harness::builder()
            .with_size([1280.0, 720.0])
            .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
        // The plan is computed on a worker.
        for _ in 0..200 {
            h.run_steps(1);
            if !opened && let Some(help) = h.query_by_label("Ce que demande l'appel") {
                help.click_accesskit();
                opened = true;
            }
            if h.query_by_label_contains("Résultat prévu").is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // No activity column: one suggestion per row, accepted at once.
        let accept = "Accepter les 25 suggestion(s)";
        h.get_by_label(accept).scroll_to_me();
        h.run_steps(2);
        h.get_by_label(accept).click_accesskit();
        for _ in 0..200 {
            h.run_steps(1);
            if h.query_by_label_contains("Résultat prévu : 25 membres")
                .is_some()
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(
            h.query_by_label_contains("Ce que regardent les évaluateurs")
                .is_some(),
            "the call's help is open"
        );
        h.get_by_label("Importer").scroll_to_me();
        h.run_steps(3);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0));
        let import = h.get_by_label("Importer").rect();
        let register = h.get_by_label_contains("Ctrl+clic ajoute ou retire").rect();
        assert!(screen.contains_rect(import), "« Importer » at {import:?}");
        assert!(screen.contains_rect(register), "register at {register:?}");
        assert!(
            import.bottom() <= register.top(),
            "the preview is above the register"
        );
        h.get_by_label("Importer").click();
        h.run_steps(3);
        let result = h
            .query_by_label_contains("Résultat prévu")
            .map(|n| format!("{n:?}").chars().take(300).collect::<String>());
        let acc = h.query_by_label_contains("Suggestions acceptées").is_some();
        // The register's rows, not only its toolbar, are in view.
        h.run_steps(2);
        let row = h.get_by_label("Société 2 SARL").rect();
        assert!(screen.contains_rect(row), "register row at {row:?}");
        let members = &h.state().document.dossier.members;
        assert_eq!(members.len(), 25, "{acc} {result:?}");
        assert!(
            members.iter().all(|m| m.to_check.activity),
            "marked « à vérifier »"
        );
    }
}
