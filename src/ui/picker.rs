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
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::job::Job;

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

/// The running picker, kept in egui's memory under the field's id.
type Slot = Job<Answer>;

/// How the dialog's job is named in messages.
const WHAT: &str = "la fenêtre de sélection de fichier";

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

/// Asks the system dialog (or its stand-in) on a worker: the job's
/// result is her answer, and the window is asked to draw again then.
pub fn ask(ctx: &egui::Context, request: Request, mode: Mode) -> Job<Answer> {
    if let Some(sim) = ctx.data(|d| d.get_temp::<Simulated>(simulated_id())) {
        ctx.request_repaint();
        return Job::ready(
            WHAT,
            match sim {
                Simulated::Unavailable => Answer::Unavailable,
                Simulated::File(p) => Answer::File(p),
            },
        );
    }
    Job::spawn(ctx, WHAT, move |_| {
        let started = Instant::now();
        let mut dialog = rfd::AsyncFileDialog::new().set_title(request.title);
        if !request.extensions.is_empty() {
            dialog = dialog.add_filter(request.filter, request.extensions);
        }
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        let file = match mode {
            Mode::Open => block_on(dialog.pick_file()),
            Mode::Save { file_name } => block_on(dialog.set_file_name(file_name).save_file()),
        };
        match file {
            Some(f) => Answer::File(f.path().to_path_buf()),
            None if started.elapsed() < TOO_FAST => Answer::Unavailable,
            None => Answer::Cancelled,
        }
    })
}

/// Wakes the worker thread parked in [`block_on`].
struct Unpark(std::thread::Thread);

impl std::task::Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs rfd's dialog future on the worker thread (no async runtime is
/// needed for one future).
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = std::task::Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(v) => return v,
            std::task::Poll::Pending => std::thread::park(),
        }
    }
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
    let slot: Slot = ask(ctx, request, mode);
    ctx.data_mut(|d| {
        d.insert_temp(id, slot);
        d.remove::<bool>(note_id(id));
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
    slot(ctx, id).is_some_and(|s| !s.is_taken())
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
    let picked = match slot.try_take() {
        None => return Picked::Nothing,
        Some(Ok(Answer::File(file))) => Picked::Chosen(file),
        Some(Ok(Answer::Cancelled)) => Picked::Cancelled,
        // A worker that failed gave no dialog either.
        Some(Ok(Answer::Unavailable) | Err(_)) => Picked::Unavailable,
    };
    ctx.data_mut(|d| d.remove::<Slot>(id));
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
    fn block_on_runs_a_future_to_its_end() {
        assert_eq!(block_on(async { 41 + 1 }), 42);
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
