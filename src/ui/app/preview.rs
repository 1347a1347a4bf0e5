//! The « Aperçu » beside the form (a toggle) or full screen (its tab): the
//! pages of one copy as `render` lays them out, re-laid out off the frame
//! after edits, following the field being edited, and leading back to a
//! field when its text is clicked.

use egui::{Rect, Ui};

use super::{DossierApp, Tab};
use crate::model::field;

/// The narrowest form that still shows its fields and the register's
/// columns whole (the register is laid out for it at 1366 × 768).
pub(crate) const MIN_FORM_WIDTH: f32 = 600.0;
/// The narrowest pane whose page is readable: A4 at 75 % (body text about
/// 7.5 px high, against 4 px at the 49 % a squeezed pane gave).
pub(crate) const MIN_PREVIEW_WIDTH: f32 = 480.0;

/// The window over the form: its page at about 75 %, and a long name in
/// the form still visible to its end at 1366 px.
const OVER_WIDTH: f32 = 500.0;

/// Where the preview goes when it is open beside a form tab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Placement {
    /// A side panel that leaves the form at least [`MIN_FORM_WIDTH`].
    Beside { default: f32, max: f32 },
    /// Over the right of the form, which keeps its width (and the register
    /// its columns): no room for both.
    Over,
}

/// The placement for a central area `room` points wide.
pub(crate) fn placement(room: f32) -> Placement {
    let max = room - MIN_FORM_WIDTH;
    if max < MIN_PREVIEW_WIDTH {
        return Placement::Over;
    }
    Placement::Beside {
        default: (room * 0.45).clamp(MIN_PREVIEW_WIDTH, max),
        max,
    }
}

/// How the preview shares the window with the form this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Shown {
    /// Closed, or in its own tab.
    Alone,
    Beside,
    /// Over the form, whose area this is.
    Over(Rect),
}

impl DossierApp {
    /// Adds the preview's side panel when there is room for it beside the
    /// form; otherwise returns the form's area, for [`Self::preview_over`].
    pub(crate) fn preview_beside(&mut self, ui: &mut Ui) -> Shown {
        if !self.view.preview_open || self.view.tab == Tab::Preview {
            return Shown::Alone;
        }
        let area = ui.available_rect_before_wrap();
        match placement(area.width()) {
            Placement::Beside { default, max } => {
                egui::Panel::right("preview")
                    .resizable(true)
                    .default_size(default)
                    .size_range(MIN_PREVIEW_WIDTH..=max)
                    .show(ui, |ui| self.preview_ui(ui));
                Shown::Beside
            }
            // Over the form's right and the eligibility panel: as much of
            // the form as possible stays in view beside the page.
            Placement::Over => Shown::Over(Rect::from_min_max(
                area.min,
                egui::pos2(ui.max_rect().right(), area.bottom()),
            )),
        }
    }

    /// The current tab, in the central panel. Beside the preview the form
    /// is narrower: its tables keep their own column widths there (another
    /// id scope), so closing the preview gives the register back its own.
    pub(crate) fn central_panel(&mut self, ui: &mut Ui, shown: Shown) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if shown == Shown::Beside {
                ui.push_id("a-cote-de-l-apercu", |ui| self.central(ui));
            } else {
                self.central(ui);
            }
        });
        if let Shown::Over(form) = shown {
            self.preview_over(ui, form);
        }
    }

    /// The preview in a window over the right of the form, at a readable
    /// width, when the form would otherwise be squeezed.
    pub(crate) fn preview_over(&mut self, ui: &mut Ui, form: Rect) {
        let width = OVER_WIDTH.min(form.width());
        let rect = Rect::from_min_max(egui::pos2(form.right() - width, form.top()), form.max);
        let mut open = true;
        let ctx = ui.ctx().clone();
        egui::Window::new("Aperçu sur le formulaire")
            .id(egui::Id::unique("apercu.dessus"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .fixed_pos(rect.min + egui::vec2(4.0, 4.0))
            .fixed_size(rect.size() - egui::vec2(24.0, 40.0))
            .show(&ctx, |ui| {
                ui.weak("Sur cet écran, l'aperçu couvre le formulaire (F9 pour le fermer).");
                self.preview_ui(ui);
            });
        if !open {
            self.view.preview_open = false;
        }
    }

    /// Whether the preview is on screen this frame.
    pub(crate) fn preview_visible(&self) -> bool {
        self.view.preview_open || self.view.tab == Tab::Preview
    }

    /// Shows or hides the preview beside the form.
    pub(crate) fn toggle_preview(&mut self) {
        self.view.preview_open = !self.view.preview_open;
        self.runtime.preview_stale = true;
    }

    /// Hands the current dossier to the preview's worker when it changed
    /// (the layout runs off the frame, so typing never waits for it).
    pub(crate) fn feed_preview(&mut self) {
        if !self.preview_visible() || !self.runtime.preview_stale {
            return;
        }
        self.runtime.preview_stale = false;
        self.view.preview.set_base_dir(
            self.document
                .path
                .as_deref()
                .map(|p| crate::service::base_dir(Some(p))),
        );
        self.view
            .preview
            .request(self.document.dossier.clone(), self.document.profile.clone());
    }

    /// After an edit of `path`: lay out again, and show where it prints.
    pub(crate) fn preview_follow(&mut self, path: &str) {
        self.runtime.preview_stale = true;
        if self.preview_visible() && !path.is_empty() {
            self.view.preview.reveal(path);
        }
    }

    /// Draws the preview; a click on a printed field opens it in its tab.
    pub(crate) fn preview_ui(&mut self, ui: &mut Ui) {
        if let Some(path) = self.view.preview.show(ui) {
            let section = field::section_of(&path);
            self.go_to(section, &path);
            // From the full-screen preview, the field's tab replaces it; the
            // preview stays beside it so the user keeps the page in view.
            self.view.preview_open = true;
            self.view.preview.reveal(&path);
        }
    }
}
