//! Five-year tables in the form, on screens narrower than the table.

use egui::{Align, Ui};

use egui::RichText;

use super::widgets::Form;
use crate::model::dossier::YEARS;

impl Form<'_> {
    /// A five-year table: its own grid scrolls sideways when the window is
    /// narrower than its « Année 5 » (1280 × 720 at 125 % is 1024 points),
    /// while the text around it keeps wrapping to the window. Scrolling the
    /// whole tab sideways instead would widen every field below the table.
    ///
    /// egui's inner scroll area takes both axes of a scroll request and
    /// serves only its own: a cell a finding leads to asks the tab again,
    /// so that the tab scrolls down to it as well.
    pub fn year_grid<R, S: std::hash::Hash + std::fmt::Debug + Clone>(
        &mut self,
        ui: &mut Ui,
        salt: S,
        row_spacing: f32,
        striped: bool,
        add_contents: impl FnOnce(&mut Ui, &mut Self) -> R,
    ) -> R {
        self.focus_rect.set(None);
        // What is visible of the form, not what a wider widget above made
        // of it: the table scrolls within the window.
        let visible = (ui.clip_rect().right() - ui.cursor().left()).max(120.0);
        let inner = egui::ScrollArea::horizontal()
            .id_salt((salt.clone(), "scroll"))
            .max_width(visible)
            .show(ui, |ui| {
                egui::Grid::new(salt)
                    .spacing([8.0, row_spacing])
                    .striped(striped)
                    .show(ui, |ui| add_contents(ui, self))
                    .inner
            })
            .inner;
        if let Some(rect) = self.focus_rect.take() {
            ui.scroll_to_rect(rect, Some(Align::Center));
        }
        inner
    }
}

/// Header row of a five-year grid.
pub fn year_header(ui: &mut Ui, first: &str) {
    ui.label(RichText::new(first).strong());
    for y in 1..=YEARS {
        ui.label(RichText::new(format!("Année {y}")).strong());
    }
    ui.end_row();
}
