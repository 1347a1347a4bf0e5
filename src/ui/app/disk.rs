//! Watching the dossier's file while it is open: the wizard says when
//! another program holds it (an import running) or changed it since it was
//! opened, instead of finding out at the next save.

use std::time::{Duration, Instant};

use super::DossierApp;
use crate::service::session::{DiskState, disk_state};

/// How often the file is looked at: cheap (two metadata reads).
const EVERY: Duration = Duration::from_secs(2);

impl DossierApp {
    pub(crate) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self
            .runtime
            .disk_checked
            .is_some_and(|at| at.elapsed() < EVERY)
        {
            return;
        }
        self.runtime.disk_checked = Some(Instant::now());
        ctx.request_repaint_after(EVERY);
        let Some(path) = self.document.path.clone() else {
            self.view.disk_note = None;
            return;
        };
        self.view.disk_note = match disk_state(&path, &self.document.base) {
            DiskState::HeldBy(holder) => Some(format!(
                "« {} » est en cours de modification par {holder} : attendez qu'il ait fini avant d'enregistrer.",
                path.display()
            )),
            DiskState::Changed => Some(format!(
                "« {} » a été modifié sur le disque par un autre programme depuis son ouverture : « Enregistrer » demandera avant de l'écraser ; rouvrez-le pour voir ces modifications.",
                path.display()
            )),
            DiskState::Missing => Some(format!(
                "« {} » n'est plus sur le disque : « Enregistrer » le recréera.",
                path.display()
            )),
            DiskState::Same => None,
        };
    }
}
