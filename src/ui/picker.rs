//! The system's file dialogs, off the UI thread: a field starts one and
//! collects the chosen file on a later frame, so the window keeps drawing
//! (and answering the system) while the dialog is open.
//!
//! Where no dialog can open (no desktop portal, no zenity: rfd then gives
//! back no file at once, as for a cancel), the answer is
//! [`Answer::Unavailable`] and every « Parcourir… » says so beside a path
//! field she can type in. [`simulate`] stands in for the system dialog
//! (tests, and machines where it is known not to open).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a system dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    File(PathBuf),
    /// Closed without a file.
    Cancelled,
    /// It could not open (or closed before anyone could answer it).
    Unavailable,
}

/// The message beside a path field when the dialog could not open.
pub const UNAVAILABLE: &str = "La fenêtre de sélection de fichier ne s'est pas ouverte sur cet ordinateur : saisissez le chemin complet du fichier dans le champ.";

/// A dialog closed without a file faster than anyone answers one: it did
/// not open (rfd returns the same « no file » for both).
const TOO_FAST: Duration = Duration::from_millis(700);

/// The running picker's answer, kept in egui's memory under the field's id.
type Slot = Arc<Mutex<Option<Receiver<Answer>>>>;

/// What became of a field's picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// No picker for this field, or one still open.
    Nothing,
    Chosen(PathBuf),
    /// Closed without a file.
    Cancelled,
    /// The dialog could not open: the field shows [`UNAVAILABLE`].
    Unavailable,
}

/// What to show in the system dialog.
pub struct Request {
    pub title: &'static str,
    pub filter: &'static str,
    pub extensions: &'static [&'static str],
    pub folder: Option<PathBuf>,
}

/// Open an existing file, or name a file to write.
#[derive(Clone, Debug)]
pub enum Mode {
    Open,
    Save { file_name: String },
}

/// The stand-in for the system dialog: every picker of the context gets
/// this answer at once, and no system dialog opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Simulated {
    Unavailable,
    File(PathBuf),
}

fn simulated_id() -> egui::Id {
    egui::Id::unique("ui.picker.simulated")
}

/// Makes every dialog of `ctx` answer `answer` (`None`: the system's again).
pub fn simulate(ctx: &egui::Context, answer: Option<Simulated>) {
    ctx.data_mut(|d| match answer {
        Some(a) => {
            d.insert_temp(simulated_id(), a);
        }
        None => d.remove::<Simulated>(simulated_id()),
    });
}

/// Asks the system dialog (or its stand-in) and hands the answer to
/// `deliver`, on a worker thread; the window is asked to draw again then.
pub fn ask(
    ctx: &egui::Context,
    request: Request,
    mode: Mode,
    deliver: impl FnOnce(Answer) + Send + 'static,
) {
    if let Some(sim) = ctx.data(|d| d.get_temp::<Simulated>(simulated_id())) {
        deliver(match sim {
            Simulated::Unavailable => Answer::Unavailable,
            Simulated::File(p) => Answer::File(p),
        });
        ctx.request_repaint();
        return;
    }
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let started = Instant::now();
        let mut dialog = rfd::AsyncFileDialog::new().set_title(request.title);
        if !request.extensions.is_empty() {
            dialog = dialog.add_filter(request.filter, request.extensions);
        }
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        let file = match mode {
            Mode::Open => super::app::block_on(dialog.pick_file()),
            Mode::Save { file_name } => {
                super::app::block_on(dialog.set_file_name(file_name).save_file())
            }
        };
        let answer = match file {
            Some(f) => Answer::File(f.path().to_path_buf()),
            None if started.elapsed() < TOO_FAST => Answer::Unavailable,
            None => Answer::Cancelled,
        };
        deliver(answer);
        ctx.request_repaint();
    });
}

/// Opens the dialog for the field `id`; [`poll`] collects the answer.
pub fn start(ctx: &egui::Context, id: egui::Id, request: Request) {
    start_with(ctx, id, request, Mode::Open);
}

/// As [`start`], for a file to write (« Enregistrer sous » dialog).
pub fn start_save(ctx: &egui::Context, id: egui::Id, request: Request, file_name: String) {
    start_with(ctx, id, request, Mode::Save { file_name });
}

fn start_with(ctx: &egui::Context, id: egui::Id, request: Request, mode: Mode) {
    let (tx, rx) = channel();
    let slot: Slot = Arc::new(Mutex::new(Some(rx)));
    ctx.data_mut(|d| {
        d.insert_temp(id, slot);
        d.remove::<bool>(note_id(id));
    });
    ask(ctx, request, mode, move |answer| {
        // The window may be gone: nothing to deliver then.
        let _ = tx.send(answer);
    });
}

fn slot(ctx: &egui::Context, id: egui::Id) -> Option<Slot> {
    ctx.data(|d| d.get_temp::<Slot>(id))
}

fn note_id(id: egui::Id) -> egui::Id {
    id.with("unavailable")
}

/// Whether the field's dialog is open.
pub fn busy(ctx: &egui::Context, id: egui::Id) -> bool {
    slot(ctx, id).is_some_and(|s| s.lock().is_ok_and(|g| g.is_some()))
}

/// [`UNAVAILABLE`] while the field's last dialog could not open (until
/// she tries again).
pub fn note(ctx: &egui::Context, id: egui::Id) -> Option<&'static str> {
    ctx.data(|d| d.get_temp::<bool>(note_id(id)))
        .filter(|n| *n)
        .map(|_| UNAVAILABLE)
}

/// Shows [`UNAVAILABLE`] under the field `id` while it applies, wrapped
/// to `width` points (inside a grid a label would otherwise widen it past
/// the window). Returns whether it was shown.
pub fn show_note(ui: &mut egui::Ui, id: egui::Id, width: f32) -> bool {
    let Some(text) = note(ui.ctx(), id) else {
        return false;
    };
    let color = super::theme::warning(ui.visuals());
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
    });
    true
}

/// The field's answer, once, when its dialog has closed.
pub fn poll(ctx: &egui::Context, id: egui::Id) -> Picked {
    let Some(slot) = slot(ctx, id) else {
        return Picked::Nothing;
    };
    let Ok(mut guard) = slot.lock() else {
        return Picked::Nothing;
    };
    let Some(rx) = guard.as_ref() else {
        return Picked::Nothing;
    };
    let picked = match rx.try_recv() {
        Ok(Answer::File(file)) => Picked::Chosen(file),
        Ok(Answer::Cancelled) => Picked::Cancelled,
        // A worker that died gave no dialog either.
        Ok(Answer::Unavailable) | Err(TryRecvError::Disconnected) => Picked::Unavailable,
        Err(TryRecvError::Empty) => return Picked::Nothing,
    };
    *guard = None;
    drop(guard);
    if picked == Picked::Unavailable {
        ctx.data_mut(|d| d.insert_temp(note_id(id), true));
    }
    picked
}

/// « Parcourir… » beside a path field, and the message when the dialog
/// cannot open: `value` gets the chosen file. Returns whether it did.
pub fn browse_button(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &mut String,
    request: impl FnOnce() -> (Request, Mode),
) -> bool {
    let mut chosen = false;
    if let Picked::Chosen(file) = poll(ui.ctx(), id) {
        *value = file.display().to_string();
        chosen = true;
    }
    let busy = busy(ui.ctx(), id);
    if ui
        .add_enabled(!busy, egui::Button::new("Parcourir…"))
        .clicked()
    {
        let (request, mode) = request();
        start_with(ui.ctx(), id, request, mode);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request {
        Request {
            title: "Test",
            filter: "PDF",
            extensions: &["pdf"],
            folder: None,
        }
    }

    #[test]
    fn a_dialog_that_cannot_open_is_said_once_and_noted_until_retried() {
        let ctx = egui::Context::default();
        let id = egui::Id::unique("field");
        simulate(&ctx, Some(Simulated::Unavailable));
        start(&ctx, id, request());
        assert_eq!(poll(&ctx, id), Picked::Unavailable);
        assert_eq!(poll(&ctx, id), Picked::Nothing, "delivered once");
        assert_eq!(note(&ctx, id), Some(UNAVAILABLE));
        simulate(&ctx, Some(Simulated::File("/tmp/a.pdf".into())));
        start_save(&ctx, id, request(), "a.pdf".into());
        assert_eq!(note(&ctx, id), None, "a new try clears the note");
        assert_eq!(poll(&ctx, id), Picked::Chosen("/tmp/a.pdf".into()));
    }
}
