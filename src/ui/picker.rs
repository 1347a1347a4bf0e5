//! Native file pickers for the form's fields, off the UI thread: a field
//! starts one and collects the chosen file on a later frame, so the window
//! keeps drawing (and answering the system) while the dialog is open.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

/// The running picker's answer, kept in egui's memory under the field's id.
type Slot = Arc<Mutex<Option<Receiver<Option<PathBuf>>>>>;

/// What became of a field's picker.
pub enum Picked {
    /// No picker for this field, or one still open.
    Nothing,
    Chosen(PathBuf),
    /// Closed without a file.
    Cancelled,
}

/// What to show in the native dialog.
pub struct Request {
    pub title: &'static str,
    pub filter: &'static str,
    pub extensions: &'static [&'static str],
    pub folder: Option<PathBuf>,
}

/// Opens the native dialog for the field `id` in a worker thread.
pub fn start(ctx: &egui::Context, id: egui::Id, request: Request) {
    let (tx, rx) = channel();
    let slot: Slot = Arc::new(Mutex::new(Some(rx)));
    ctx.data_mut(|d| d.insert_temp(id, slot));
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(request.title)
            .add_filter(request.filter, request.extensions);
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        let file = super::app::block_on(dialog.pick_file()).map(|f| f.path().to_path_buf());
        // The window may be gone: nothing to deliver then.
        let _ = tx.send(file);
        ctx.request_repaint();
    });
}

fn slot(ctx: &egui::Context, id: egui::Id) -> Option<Slot> {
    ctx.data(|d| d.get_temp::<Slot>(id))
}

/// Whether the field's dialog is open.
pub fn busy(ctx: &egui::Context, id: egui::Id) -> bool {
    slot(ctx, id).is_some_and(|s| s.lock().is_ok_and(|g| g.is_some()))
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
    match rx.try_recv() {
        Ok(Some(file)) => {
            *guard = None;
            Picked::Chosen(file)
        }
        Ok(None) | Err(TryRecvError::Disconnected) => {
            *guard = None;
            Picked::Cancelled
        }
        Err(TryRecvError::Empty) => Picked::Nothing,
    }
}
