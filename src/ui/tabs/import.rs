//! « Importer depuis un tableur », in the members tab: choose a file, check
//! the guessed column mapping on a preview, choose what to do with
//! duplicates and the activity and category of rows that have none, see
//! exactly what will happen, then import in one undoable step.
//!
//! Reading the file and comparing it with the register run as a
//! [`Job`], so the window never freezes nor waits; a progress bar appears
//! when that takes more than a moment.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::Duration;

use egui::{RichText, Ui};

use crate::model::dossier::{Activity, Dossier, Member, MemberCategory};
use crate::service::import::{
    DuplicatePolicy, Field, ImportPlan, ImportSession, PlanOptions, Report, Sheet, Stage,
    describe_progress, plan_members,
};
use crate::ui::job::Job;
use crate::ui::widgets::{Form, GREEN};

#[derive(Default)]
pub struct ImportState {
    pub path: String,
    pub sheet: Option<Arc<Sheet>>,
    pub mapping: Vec<Field>,
    pub options: PlanOptions,
    pub error: Option<String>,
    pub done: Option<String>,
    /// Rows pasted into the paste zone, waiting to be read.
    pub pasted: String,
    /// Open the section on the next frame (rows were just pasted).
    open_now: bool,
    job: Option<Running>,
    planned: Option<Planned>,
}

/// A plan and what it was computed from: shown and applied only while
/// these still hold.
struct Planned {
    plan: ImportPlan,
    mapping: Vec<Field>,
    options: PlanOptions,
    basis: Vec<Member>,
}

enum Outcome {
    Sheet(Result<ImportSession, String>),
    Plan(Box<Planned>),
}

/// Work running off the UI thread, and its progress.
struct Running {
    job: Job<Outcome>,
    progress: Arc<Shared>,
}

/// The worker's progress, read by the UI each frame.
#[derive(Default)]
struct Shared {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Shared {
    fn set(&self, stage: Stage, done: usize, total: usize) {
        self.stage
            .store(u8::from(stage == Stage::Planning), Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    fn describe(&self) -> (String, Option<f32>) {
        let stage = if self.stage.load(Ordering::Relaxed) == 1 {
            Stage::Planning
        } else {
            Stage::Reading
        };
        let (done, total) = (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        );
        let fraction = (total > 0).then(|| done as f32 / total as f32);
        (describe_progress(stage, done, total), fraction)
    }
}

/// How long a job runs before its progress shows: a small file is read
/// and planned within it, without any flicker.
const MOMENT: Duration = Duration::from_millis(250);
/// How often the progress bar is redrawn while it shows.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

impl ImportState {
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        what: &str,
        work: impl FnOnce(&Shared) -> Outcome + Send + 'static,
    ) {
        let progress = Arc::new(Shared::default());
        let shared = Arc::clone(&progress);
        // A job replaced (another file chosen) is dropped: its result with it.
        self.job = Some(Running {
            job: Job::spawn(ctx, what, move |_| work(&shared)),
            progress,
        });
        // The next frame collects the result or waits for the progress.
        ctx.request_repaint();
    }

    /// A new sheet starts with no suggestion accepted and no default chosen:
    /// what she accepted for one sheet is not accepted blindly for the
    /// next. How duplicates are handled is her standing choice and stays.
    fn forget_sheet_choices(&mut self) {
        self.options = PlanOptions {
            policy: self.options.policy,
            ..PlanOptions::default()
        };
    }

    fn start_reading(&mut self, ctx: &egui::Context) {
        self.forget_sheet_choices();
        self.done = None;
        self.error = None;
        self.sheet = None;
        self.planned = None;
        if self.path.trim().is_empty() {
            self.error = Some(
                "Saisissez le chemin du tableur, ou choisissez-le avec « Parcourir… ».".into(),
            );
            return;
        }
        let path = std::path::PathBuf::from(self.path.trim());
        self.spawn(ctx, "la lecture du tableur", move |shared| {
            Outcome::Sheet(ImportSession::read(&path, &mut |s, d, t| {
                shared.set(s, d, t)
            }))
        });
    }

    fn start_planning(&mut self, ctx: &egui::Context, members: &[Member]) {
        let Some(sheet) = self.sheet.clone() else {
            return;
        };
        let mapping = self.mapping.clone();
        let options = self.options;
        let basis = members.to_vec();
        self.spawn(ctx, "la préparation de l'import", move |shared| {
            let (plan, basis) = plan_members(&sheet, &mapping, basis, options, &mut |s, d, t| {
                shared.set(s, d, t)
            });
            Outcome::Plan(Box::new(Planned {
                plan,
                mapping,
                options,
                basis,
            }))
        });
    }

    /// Collects a finished job, never waiting for one; returns whether a
    /// job still runs.
    fn poll(&mut self, ctx: &egui::Context) -> bool {
        let Some(running) = &self.job else {
            return false;
        };
        let Some(outcome) = running.job.try_take() else {
            // The job wakes the window when it ends; meanwhile the progress
            // appears after a moment and then moves.
            let elapsed = running.job.elapsed();
            ctx.request_repaint_after(if elapsed < MOMENT {
                MOMENT - elapsed
            } else {
                PROGRESS_EVERY
            });
            return true;
        };
        match outcome {
            Ok(Outcome::Sheet(Ok(session))) => {
                self.mapping = session.mapping;
                self.sheet = Some(session.sheet);
            }
            Ok(Outcome::Sheet(Err(e))) => self.error = Some(e),
            Ok(Outcome::Plan(planned)) => self.planned = Some(*planned),
            Err(e) => self.error = Some(e.to_string()),
        }
        self.job = None;
        false
    }

    /// Rows copied from a spreadsheet (tab-separated text, as Excel and
    /// LibreOffice put on the clipboard) become a sheet, previewed and
    /// planned as a file is. A first row that names no known column is
    /// data, not a header: it is kept, under « Colonne A »…, and the first
    /// column is offered as the company name (shown, and changeable, in the
    /// preview).
    pub fn load_text(&mut self, text: &str) {
        self.forget_sheet_choices();
        self.done = None;
        self.error = None;
        self.planned = None;
        self.job = None;
        self.open_now = true;
        match ImportSession::from_text(text) {
            Ok(session) => {
                self.path.clear();
                self.mapping = session.mapping;
                self.sheet = Some(session.sheet);
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// The running job's progress bar, once it has taken more than a moment.
    fn progress_bar(&self, ui: &mut Ui) {
        let Some(running) = &self.job else { return };
        if running.job.elapsed() < MOMENT {
            return;
        }
        let (text, fraction) = running.progress.describe();
        let bar = match fraction {
            Some(f) => egui::ProgressBar::new(f).show_percentage(),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.label(format!("{text}…"));
        ui.add(bar.desired_width(360.0));
    }

    /// The plan for what is on screen now, if it is computed.
    fn current_plan(&self, members: &[Member]) -> Option<&ImportPlan> {
        self.planned
            .as_ref()
            .filter(|p| {
                p.mapping == self.mapping && p.options == self.options && p.basis == members
            })
            .map(|p| &p.plan)
    }
}

pub fn show(ui: &mut Ui, form: &mut Form, d: &mut Dossier, st: &mut ImportState) {
    // Rows pasted while no field has the keyboard (Ctrl+V on the register):
    // a field with the focus keeps its own paste.
    if ui.memory(|m| m.focused().is_none())
        && let Some(text) = ui.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(t) if t.contains('\t') => Some(t.clone()),
                _ => None,
            })
        })
    {
        st.load_text(&text);
    }
    let open = std::mem::take(&mut st.open_now).then_some(true);
    egui::CollapsingHeader::new("Importer des membres depuis un tableur (CSV, Excel, LibreOffice)")
        .id_salt("members.import")
        .open(open)
        .show(ui, |ui| body(ui, form, d, st));
}

/// Where rows copied in a spreadsheet can be pasted (Ctrl+V).
fn paste_zone(ui: &mut Ui, st: &mut ImportState) {
    let l = ui.label("Ou collez ici des lignes copiées dans Excel ou LibreOffice (Ctrl+V) :");
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut st.pasted)
                .id_salt("import.paste")
                .desired_rows(2)
                .desired_width(360.0)
                .hint_text("lignes du tableur"),
        )
        .labelled_by(l.id);
    if r.changed() && st.pasted.contains(['\t', '\n']) {
        let text = std::mem::take(&mut st.pasted);
        st.load_text(&text);
    }
}

fn file_row(ui: &mut Ui, st: &mut ImportState) {
    ui.horizontal(|ui| {
        let l = ui.label("Fichier :");
        ui.add(egui::TextEdit::singleline(&mut st.path).desired_width(360.0).hint_text("chemin du tableur"))
            .labelled_by(l.id);
        // The native dialog runs on a worker; the window keeps drawing.
        let pick = egui::Id::unique("pick-member-sheet");
        match crate::ui::picker::poll(ui.ctx(), pick) {
            crate::ui::picker::Picked::Chosen(p) => {
                st.path = p.display().to_string();
                st.start_reading(ui.ctx());
            }
            crate::ui::picker::Picked::Cancelled => st.error = Some("Aucun fichier choisi : saisissez le chemin du tableur si la fenêtre de sélection ne s'ouvre pas.".into()),
            crate::ui::picker::Picked::Unavailable => st.error = Some(crate::ui::picker::UNAVAILABLE.into()),
            crate::ui::picker::Picked::Nothing => {}
        }
        let busy = crate::ui::picker::busy(ui.ctx(), pick);
        if ui.add_enabled(!busy, egui::Button::new("Parcourir…")).clicked() {
            crate::ui::picker::start(
                ui.ctx(),
                pick,
                crate::ui::picker::Request {
                    title: "Registre des membres",
                    filter: "Tableur",
                    extensions: &["csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods"],
                    folder: None,
                },
            );
        }
        if ui.button("Lire le fichier").clicked() {
            st.start_reading(ui.ctx());
        }
    });
}

fn body(ui: &mut Ui, form: &mut Form, d: &mut Dossier, st: &mut ImportState) {
    file_row(ui, st);
    paste_zone(ui, st);
    let running = st.poll(ui.ctx());
    if let Some(e) = &st.error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    if let Some(done) = &st.done {
        ui.label(RichText::new(done).color(GREEN));
    }
    let Some(sheet) = st.sheet.clone() else {
        st.progress_bar(ui);
        return;
    };
    preview(ui, &sheet, st);
    ui.horizontal_wrapped(|ui| {
        ui.label("Doublons (même ICE, ou même nom sans accents, casse ni forme juridique) :");
        ui.radio_value(&mut st.options.policy, DuplicatePolicy::Skip, "ignorer");
        ui.radio_value(
            &mut st.options.policy,
            DuplicatePolicy::Merge,
            "compléter le membre existant (les désaccords sont signalés, rien n'est écrasé)",
        );
    });
    if !st.mapping.contains(&Field::Name) {
        ui.label(
            RichText::new("Indiquez la colonne qui donne la raison sociale.")
                .color(ui.visuals().error_fg_color),
        );
        return;
    }
    // The choices stay on screen while the plan is recomputed.
    defaults(ui, st);
    let Some(plan) = st.current_plan(&d.members) else {
        if !running {
            st.start_planning(ui.ctx(), &d.members);
        }
        st.progress_bar(ui);
        return;
    };
    if report(ui, plan) {
        let summary = plan.summary();
        plan.apply(d);
        form.structural();
        st.done = Some(format!("Import terminé : {summary} (Ctrl+Z pour annuler)."));
        st.sheet = None;
        st.planned = None;
    }
}

fn preview(ui: &mut Ui, sheet: &Sheet, st: &mut ImportState) {
    const PREVIEW_ROWS: usize = 5;
    let encoding = sheet
        .encoding
        .map(|e| format!(" Encodage : {e}."))
        .unwrap_or_default();
    ui.label(format!(
        "{} ligne(s) de données.{encoding} Vérifiez la correspondance des colonnes :",
        sheet.row_count()
    ));
    egui::ScrollArea::horizontal()
        .id_salt("import.preview")
        .max_width(ui.available_width())
        .show(ui, |ui| {
            egui::Grid::new("import.grid")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (i, header) in sheet.headers.iter().enumerate() {
                        ui.vertical(|ui| {
                            let l = ui.label(RichText::new(header).strong());
                            if let Some(field) = st.mapping.get_mut(i) {
                                egui::ComboBox::from_id_salt(("import.map", i))
                                    .selected_text(field.label())
                                    .width(150.0)
                                    .show_ui(ui, |ui| {
                                        for f in Field::ALL {
                                            ui.selectable_value(field, f, f.label());
                                        }
                                    })
                                    .response
                                    .labelled_by(l.id);
                            }
                        });
                    }
                    ui.end_row();
                    for (_, row) in sheet.rows.iter().take(PREVIEW_ROWS) {
                        for cell in row.iter().take(sheet.headers.len()) {
                            ui.label(cell.chars().take(40).collect::<String>());
                        }
                        ui.end_row();
                    }
                });
        });
}

/// One activity and one category for every row that has none, chosen by
/// the user (never assumed).
fn defaults(ui: &mut Ui, st: &mut ImportState) {
    let Some(planned) = &st.planned else { return };
    let suggestions = planned.plan.suggestions();
    if !suggestions.is_empty() {
        let n = suggestions.len();
        ui.label(
            RichText::new(format!(
                "Valeurs suggérées pour {n} ligne(s) d'après leur nom, leur forme juridique \
                 ou leur secteur — à vérifier :"
            ))
            .color(ui.visuals().warn_fg_color),
        );
        // Only the lines in view are laid out (one line each, whole on hover).
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("import.suggestions")
            .max_height(120.0)
            .show_rows(ui, row_h, suggestions.len(), |ui, rows| {
                for line in &suggestions[rows] {
                    ui.add(egui::Label::new(line).truncate());
                }
            });
        let accepted = st.options.accept_suggestions;
        let text = if accepted {
            "✔ Suggestions acceptées (marquées « à vérifier » au registre) — cliquer pour annuler"
                .to_string()
        } else {
            format!("Accepter les {n} suggestion(s)")
        };
        if ui.selectable_label(accepted, text).clicked() {
            st.options.accept_suggestions = !accepted;
        }
    }
    let (no_activity, no_category) = planned.plan.without();
    // Rows a suggestion already settles need no choice.
    let accept = st.options.accept_suggestions;
    let n_activity = no_activity
        .iter()
        .filter(|m| !(accept && m.suggestion.activity.is_some()))
        .count();
    let n_category = no_category
        .iter()
        .filter(|m| !(accept && m.suggestion.category.is_some()))
        .count();
    if n_activity > 0 {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(format!(
                "Activité pour les {n_activity} ligne(s) sans activité{} :",
                if st.options.accept_suggestions {
                    " ni suggestion"
                } else {
                    ""
                }
            ));
            choice(
                ui,
                l.id,
                "import.activity",
                &mut st.options.default_activity,
                &Activity::ALL,
                Activity::label,
            );
        });
    }
    if n_category > 0 {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(format!(
                "Catégorie pour les {n_category} ligne(s) sans catégorie{} :",
                if st.options.accept_suggestions {
                    " ni suggestion"
                } else {
                    ""
                }
            ));
            choice(
                ui,
                l.id,
                "import.category",
                &mut st.options.default_category,
                &MemberCategory::ALL,
                MemberCategory::label,
            );
        });
    }
}

fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: egui::Id,
    id: &str,
    value: &mut Option<T>,
    all: &[T],
    name: fn(T) -> &'static str,
) {
    const NONE: &str = "— à choisir —";
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.map_or(NONE, name))
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, NONE);
            for &v in all {
                ui.selectable_value(value, Some(v), name(v));
            }
        })
        .response
        .labelled_by(label);
}

/// The expected result and the rows to look at; returns whether the user
/// asked to import.
fn report(ui: &mut Ui, plan: &ImportPlan) -> bool {
    let Report {
        summary,
        notes,
        details,
        missing,
        ..
    } = Report::of(plan);
    ui.label(RichText::new(format!("Résultat prévu : {summary}.")).strong());
    for note in notes {
        ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
    }
    for line in missing {
        ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
    }
    if !details.is_empty() {
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("import.details")
            .max_height(160.0)
            .show_rows(ui, row_h, details.len(), |ui, rows| {
                for line in &details[rows] {
                    ui.add(
                        egui::Label::new(RichText::new(line).color(ui.visuals().warn_fg_color))
                            .truncate(),
                    );
                }
            });
    }
    ui.add_enabled(!plan.is_empty(), egui::Button::new("Importer"))
        .clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::Activity;

    #[test]
    fn a_new_sheet_starts_with_nothing_accepted_for_it() {
        let mut st = ImportState::default();
        st.load_text("Raison sociale\tActivité\nAtlas SARL\tIndustrielle\n");
        st.options.accept_suggestions = true;
        st.options.default_activity = Some(Activity::Industrial);
        st.options.policy = DuplicatePolicy::Merge;
        st.load_text("Raison sociale\nBeta SARL\n");
        assert!(!st.options.accept_suggestions);
        assert_eq!(st.options.default_activity, None);
        assert_eq!(st.options.default_category, None);
        // Her standing choice for duplicates stays.
        assert_eq!(st.options.policy, DuplicatePolicy::Merge);
    }
}
