//! The « Aperçu » beside the form (a toggle) or full screen (its tab): the
//! pages of one copy as `render` lays them out, re-laid out off the frame
//! after edits, following the field being edited, and leading back to a
//! field when its text is clicked.

use egui::Ui;

use super::{DossierApp, Tab};
use crate::model::field;

impl DossierApp {
    /// Whether the preview is on screen this frame.
    pub(crate) fn preview_visible(&self) -> bool {
        self.preview_open || self.tab == Tab::Preview
    }

    /// Shows or hides the preview beside the form.
    pub(crate) fn toggle_preview(&mut self) {
        self.preview_open = !self.preview_open;
        self.preview_stale = true;
    }

    /// Hands the current dossier to the preview's worker when it changed
    /// (the layout runs off the frame, so typing never waits for it).
    pub(crate) fn feed_preview(&mut self) {
        if !self.preview_visible() || !self.preview_stale {
            return;
        }
        self.preview_stale = false;
        self.preview.set_base_dir(
            self.path
                .as_deref()
                .map(|p| crate::service::base_dir(Some(p))),
        );
        self.preview
            .request(self.dossier.clone(), self.profile.clone());
    }

    /// After an edit of `path`: lay out again, and show where it prints.
    pub(crate) fn preview_follow(&mut self, path: &str) {
        self.preview_stale = true;
        if self.preview_visible() && !path.is_empty() {
            self.preview.reveal(path);
        }
    }

    /// Draws the preview; a click on a printed field opens it in its tab.
    pub(crate) fn preview_ui(&mut self, ui: &mut Ui) {
        if let Some(path) = self.preview.show(ui) {
            let section = field::section_of(&path);
            self.go_to(section, &path);
            // From the full-screen preview, the field's tab replaces it; the
            // preview stays beside it so the user keeps the page in view.
            self.preview_open = true;
            self.preview.reveal(&path);
        }
    }
}
