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
    /// A field edit that changed a value an import guessed confirms it
    /// (see [`confirm_edited_guesses`]), in the same step.
    pub fn record(&mut self, current: &mut Dossier, key: &str) -> bool {
        if current == &self.committed {
            return false;
        }
        if !key.is_empty() {
            confirm_edited_guesses(&self.committed, current);
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

/// Clears the « à vérifier » mark of each guessed value she changed: the
/// member at the same index before and after one field edit, whose mark
/// was already there (a mark an import sets in this step stays). Rows
/// added, removed or moved are structural edits and never compared.
pub fn confirm_edited_guesses(before: &Dossier, after: &mut Dossier) {
    if before.members.len() != after.members.len() {
        return;
    }
    for (old, new) in before.members.iter().zip(after.members.iter_mut()) {
        let set_now = new.to_check;
        new.confirm_changed(old);
        new.to_check.activity |= set_now.activity && !old.to_check.activity;
        new.to_check.category |= set_now.category && !old.to_check.category;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::{Activity, Member, MemberCategory, ToCheck};

    fn guessed() -> Member {
        Member {
            name: "Atlas".into(),
            to_check: ToCheck {
                activity: true,
                category: true,
            },
            ..Member::default()
        }
    }

    #[test]
    fn editing_a_guessed_value_confirms_it_in_the_same_step() {
        let mut d = Dossier::default();
        d.members.push(guessed());
        d.members.push(guessed());
        let mut h = History::new(&d);
        d.members[1].activity = Activity::Technological;
        assert!(h.record(&mut d, "members[1].activity"));
        assert!(!d.members[1].to_check.activity, "changed: confirmed");
        assert!(d.members[1].to_check.category, "untouched: still to check");
        assert_eq!(d.members[0].to_check, guessed().to_check);
        assert!(h.undo(&mut d));
        assert_eq!(d.members[1], guessed(), "one undo restores value and mark");
    }

    #[test]
    fn a_moved_row_or_a_new_mark_is_not_a_confirmation() {
        let mut d = Dossier::default();
        d.members.push(guessed());
        d.members.push(Member {
            category: MemberCategory::TrainingResearch,
            ..Member::default()
        });
        let mut h = History::new(&d);
        d.members.swap(0, 1);
        assert!(h.record(&mut d, ""));
        assert!(d.members[1].to_check.category, "a move keeps the marks");
        // A step that sets a value and its mark (an import's suggestion).
        d.members[0].category = MemberCategory::EngagedCompany;
        d.members[0].to_check.category = true;
        assert!(h.record(&mut d, "members"));
        assert!(d.members[0].to_check.category);
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut d = Dossier::default();
        let mut h = History::new(&d);
        for text in ["C", "Cl", "Clu"] {
            d.identity.name = text.into();
            assert!(h.record(&mut d, "identity.name"));
        }
        d.identity.acronym = "X".into();
        h.record(&mut d, "identity.acronym");
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
        h.record(&mut d, "");
        d.members.push(Default::default());
        h.record(&mut d, "");
        h.undo(&mut d);
        assert_eq!(d.members.len(), 1);
    }
}
