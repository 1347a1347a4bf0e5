//! Undo and redo by snapshots of the dossier. Consecutive edits of the same
//! field merge into one step, so typing a word is undone at once. The
//! history lives in memory only; it is never written to the file.

use crate::model::Dossier;

/// How many steps are kept.
const MAX_STEPS: usize = 200;

pub struct History {
    undo: Vec<Dossier>,
    redo: Vec<Dossier>,
    /// The dossier as of the last recorded step.
    committed: Dossier,
    /// Field of the last edit; `None` after a structural edit or an undo.
    last_key: Option<String>,
}

impl History {
    pub fn new(initial: &Dossier) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            committed: initial.clone(),
            last_key: None,
        }
    }

    /// Records the state after an edit of `key` (empty key: a structural
    /// edit, never merged). Returns whether the dossier really changed.
    pub fn record(&mut self, current: &Dossier, key: &str) -> bool {
        if current == &self.committed {
            return false;
        }
        let merge =
            !key.is_empty() && self.last_key.as_deref() == Some(key) && !self.undo.is_empty();
        if merge {
            self.committed = current.clone();
        } else {
            let previous = std::mem::replace(&mut self.committed, current.clone());
            self.undo.push(previous);
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_key = (!key.is_empty()).then(|| key.to_string());
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Replaces `current` with the previous step.
    pub fn undo(&mut self, current: &mut Dossier) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(current, previous.clone()));
        self.committed = previous;
        self.last_key = None;
        true
    }

    pub fn redo(&mut self, current: &mut Dossier) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(current, next.clone()));
        self.committed = next;
        self.last_key = None;
        true
    }

    /// Starts over (new or opened dossier).
    pub fn reset(&mut self, current: &Dossier) {
        *self = Self::new(current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut d = Dossier::default();
        let mut h = History::new(&d);
        for text in ["C", "Cl", "Clu"] {
            d.identity.name = text.into();
            assert!(h.record(&d, "identity.name"));
        }
        d.identity.acronym = "X".into();
        h.record(&d, "identity.acronym");
        assert!(h.undo(&mut d));
        assert_eq!(d.identity.acronym, "");
        assert_eq!(d.identity.name, "Clu");
        assert!(h.undo(&mut d));
        assert_eq!(d.identity.name, "");
        assert!(!h.undo(&mut d));
        assert!(h.redo(&mut d));
        assert_eq!(d.identity.name, "Clu");
        assert!(h.redo(&mut d));
        assert_eq!(d.identity.acronym, "X");
    }

    #[test]
    fn structural_edits_never_merge() {
        let mut d = Dossier::default();
        let mut h = History::new(&d);
        d.members.push(Default::default());
        h.record(&d, "");
        d.members.push(Default::default());
        h.record(&d, "");
        h.undo(&mut d);
        assert_eq!(d.members.len(), 1);
    }
}
