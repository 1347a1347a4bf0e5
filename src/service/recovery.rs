//! Recovery after a crash, the use case the wizard presents: each instance
//! autosaves its work to its own recovery file ([`crate::store::recovery`]);
//! what a crashed instance left is offered back, compared with the file on
//! disk, and nothing older is ever written silently over something newer.
//!
//! « Restaurer » compares the autosave's base (the content of the file the
//! edits started from) with the file on disk. Unchanged: the work comes
//! back and the next save replaces the file as usual. Changed since (an
//! import, another window): she sees both and chooses to keep the disk's
//! version, the recovered one, or to merge the members; whichever she
//! chooses, the next save compares with the file as it is now, and the
//! version it replaces goes to the backups.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::session::{Base, SessionError};
use crate::import::merge::{self, RowMember};
use crate::import::plan::name_key;
use crate::model::dossier::Member;
use crate::model::{CallProfile, Dossier};
use crate::store::recovery::{self as files, Recovery, Slot};
use crate::store::{self, ContentId, StoreError};

/// The file a recovered work belongs to, as it is on disk now.
#[derive(Clone, Debug, PartialEq)]
pub enum Disk {
    /// A dossier never saved: nothing to compare with.
    Untitled,
    /// The version the edits started from: restoring loses nothing.
    Unchanged,
    /// Saved by someone else since the edits started: she chooses.
    Changed(Box<Dossier>),
    /// No longer there: the next save creates it again.
    Missing,
    /// There but unreadable now (the reason, in French): only an explicit
    /// « Écraser » at the next save replaces it.
    Unreadable(String),
}

/// The disk's side as read, kept to notice a change before she decides.
#[derive(Clone, Debug, PartialEq)]
struct Seen {
    disk: Disk,
    content: Option<ContentId>,
    base: Base,
    dossier: Option<Dossier>,
}

/// How the two versions differ, computed once per offer (a register of
/// 10 000 members is not compared again at every frame).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The parts that differ, as the wizard's tabs name them.
    pub parts: Vec<&'static str>,
    /// Names of the members only the recovered version has.
    pub only_recovered: Vec<String>,
    /// Names of the members only the disk's version has.
    pub only_disk: Vec<String>,
}

/// A recovered work offered to her, held by this instance while offered.
#[derive(Debug)]
pub struct Offer {
    slot: Slot,
    pub recovery: Recovery,
    seen: Seen,
    comparison: Comparison,
}

impl Offer {
    fn new(slot: Slot, recovery: Recovery) -> Self {
        let seen = look(&recovery);
        let comparison = match &seen.disk {
            Disk::Changed(disk) => {
                let (only_recovered, only_disk) = member_sides(&recovery.dossier, disk);
                Comparison {
                    parts: differences(&recovery.dossier, disk),
                    only_recovered,
                    only_disk,
                }
            }
            _ => Comparison::default(),
        };
        Offer {
            slot,
            recovery,
            seen,
            comparison,
        }
    }

    pub fn disk(&self) -> &Disk {
        &self.seen.disk
    }

    /// When the file on disk was last written (Unix seconds), if known.
    pub fn disk_written_at(&self) -> Option<i64> {
        let modified = self.seen.base.fingerprint?.modified?;
        let secs = modified
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        i64::try_from(secs).ok()
    }

    /// How the disk's version and the recovered one differ (empty unless
    /// the disk changed).
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The recovery file, for messages.
    pub fn file(&self) -> &Path {
        self.slot.file()
    }
}

/// Her answer to an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// « Garder la version récupérée » (« Restaurer » when nothing changed).
    Recovered,
    /// « Garder la version du disque »: the recovered work is dropped.
    Disk,
    /// « Fusionner les membres »: the recovered work, plus the members only
    /// the disk has, and the fields the recovered members left empty.
    MergeMembers,
}

/// The work to edit after her choice.
#[derive(Debug)]
pub struct Restored {
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    pub path: Option<PathBuf>,
    /// The file's version as read just now (what the next save compares
    /// with), and the dossier it holds (the « saved » state; empty when
    /// there is no file).
    pub base: Base,
    pub saved: Dossier,
    /// What a merge did, in French, one line each.
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error(
        "Le fichier a encore changé sur le disque pendant votre choix : comparez à nouveau les deux versions."
    )]
    ChangedAgain(Box<Offer>),
    #[error("Il n'y a pas de version lisible sur le disque à garder.")]
    NoDiskVersion(Box<Offer>),
    #[error(transparent)]
    Session(#[from] SessionError),
}

/// This instance's recoveries: the file it autosaves to (held while it
/// lives) and the data folder where pending ones are found.
#[derive(Debug, Default)]
pub struct Recoveries {
    data: Option<PathBuf>,
    own: Option<(Slot, Option<PathBuf>)>,
}

impl Recoveries {
    /// `data`: the app's data folder (`None`: no autosave at all).
    pub fn new(data: Option<PathBuf>) -> Self {
        Recoveries { data, own: None }
    }

    /// The file this instance autosaves to, if it wrote one.
    pub fn own_file(&self) -> Option<&Path> {
        self.own.as_ref().map(|(slot, _)| slot.file())
    }

    /// Writes the autosave of the work on `source` (`None`: untitled),
    /// whose edits started from `base`.
    pub fn autosave(
        &mut self,
        source: Option<&Path>,
        base: Option<ContentId>,
        dossier: &Dossier,
    ) -> Result<(), StoreError> {
        let Some(data) = &self.data else {
            return Ok(());
        };
        let key = source.map(files::key);
        if self.own.as_ref().is_some_and(|(_, s)| *s != key) {
            // Another work's file: released, never deleted (it is pending
            // if that work was not saved).
            self.own = None;
        }
        if self.own.is_none() {
            self.own = Some((files::claim(data, key.as_deref())?, key.clone()));
        }
        let Some((slot, _)) = &self.own else {
            return Ok(());
        };
        slot.write(&Recovery {
            source: key,
            saved_at: crate::now_unix().unwrap_or(0),
            base,
            dossier: dossier.clone(),
        })
    }

    /// The work is saved, or she dropped it: its recovery file goes.
    pub fn forget(&mut self) {
        if let Some((slot, _)) = self.own.take() {
            slot.remove();
        }
    }

    /// Every recovered work no live instance holds, newest first, each
    /// compared with its file on disk.
    pub fn pending(&mut self) -> Vec<Offer> {
        self.find(None)
    }

    /// The recovered works of the dossier at `path`.
    pub fn pending_for(&mut self, path: &Path) -> Vec<Offer> {
        self.find(Some(path))
    }

    fn find(&mut self, path: Option<&Path>) -> Vec<Offer> {
        let Some(data) = &self.data else {
            return Vec::new();
        };
        files::pending(data, path)
            .into_iter()
            .map(|(slot, recovery)| Offer::new(slot, recovery))
            .collect()
    }

    /// « Plus tard »: the offer stays pending, for the next start or the
    /// next opening of its dossier.
    pub fn postpone(&mut self, offer: Offer) {
        drop(offer);
    }

    /// « Supprimer »: she drops the recovered work.
    pub fn discard(&mut self, offer: Offer) {
        offer.slot.remove();
    }

    /// Applies her choice. The disk is read again first: if it changed
    /// since the offer was shown, nothing is decided and the fresh offer
    /// comes back to be shown again.
    pub fn resolve(&mut self, offer: Offer, choice: Choice) -> Result<Restored, RecoveryError> {
        if look(&offer.recovery) != offer.seen {
            let fresh = Offer::new(offer.slot, offer.recovery);
            return Err(RecoveryError::ChangedAgain(Box::new(fresh)));
        }
        let path = offer.recovery.source.clone();
        let saved = offer.seen.dossier.clone().unwrap_or_default();
        let (dossier, notes) = match (choice, &offer.seen.disk) {
            (Choice::Disk, Disk::Changed(d)) => ((**d).clone(), Vec::new()),
            (Choice::Disk, Disk::Unchanged) => (saved.clone(), Vec::new()),
            (Choice::Disk, _) => return Err(RecoveryError::NoDiskVersion(Box::new(offer))),
            (Choice::MergeMembers, Disk::Changed(d)) => merge_members(&offer.recovery.dossier, d),
            _ => (offer.recovery.dossier.clone(), Vec::new()),
        };
        let base_dir = super::base_dir(path.as_deref());
        let profile =
            super::profiles::for_dossier(&dossier, &base_dir, None).map_err(SessionError::from)?;
        let base = offer.seen.base;
        if choice == Choice::Disk {
            offer.slot.remove();
        } else {
            // Her decision is the new starting point: a crash now offers
            // it back compared with the file as it is now.
            let decided = Recovery {
                source: path.clone(),
                saved_at: crate::now_unix().unwrap_or(0),
                base: base.content,
                dossier: dossier.clone(),
            };
            let _ = offer.slot.write(&decided);
            self.own = Some((offer.slot, path.clone()));
        }
        Ok(Restored {
            dossier,
            profile,
            path,
            base,
            saved,
            notes,
        })
    }
}

/// The file a recovery belongs to, as it is now.
fn look(recovery: &Recovery) -> Seen {
    let Some(path) = &recovery.source else {
        return Seen {
            disk: Disk::Untitled,
            content: None,
            base: Base::default(),
            dossier: None,
        };
    };
    match store::load_versioned(path) {
        Ok((dossier, content, fingerprint)) => {
            let same = recovery.base == Some(content) || dossier == recovery.dossier;
            Seen {
                disk: if same {
                    Disk::Unchanged
                } else {
                    Disk::Changed(Box::new(dossier.clone()))
                },
                content: Some(content),
                base: Base {
                    fingerprint,
                    content: Some(content),
                    saved_once: false,
                },
                dossier: Some(dossier),
            }
        }
        Err(StoreError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Seen {
                disk: Disk::Missing,
                content: None,
                base: Base::default(),
                dossier: None,
            }
        }
        Err(e) => Seen {
            disk: Disk::Unreadable(e.to_string()),
            content: ContentId::of_file(path),
            // Not the file's version: a save asks before replacing it.
            base: Base::default(),
            dossier: None,
        },
    }
}

/// The parts that differ, named as the wizard's tabs name them.
pub fn differences(a: &Dossier, b: &Dossier) -> Vec<&'static str> {
    let parts: [(&str, bool); 12] = [
        (
            "Pièces administratives",
            a.administrative == b.administrative,
        ),
        ("Identité", a.identity == b.identity),
        ("Membres", a.members == b.members),
        ("Partenaires", a.partners == b.partners),
        ("Gouvernance", a.governance == b.governance),
        ("Stratégie", a.strategy == b.strategy),
        ("Coopération", a.cooperation == b.cooperation),
        ("Start-up", a.startups == b.startups),
        ("Plan d'action", a.plan == b.plan),
        ("Budget", a.budget == b.budget),
        ("Indicateurs", a.indicators == b.indicators),
        (
            "Critères, déclaration et impression",
            a.criteria == b.criteria
                && a.declaration == b.declaration
                && a.print == b.print
                && a.edition == b.edition
                && a.call_profile == b.call_profile
                && a.invalid_entries == b.invalid_entries,
        ),
    ];
    parts
        .into_iter()
        .filter(|(_, same)| !same)
        .map(|(name, _)| name)
        .collect()
}

fn ice_key(ice: &str) -> String {
    ice.chars().filter(char::is_ascii_digit).collect()
}

/// Members by identity, as the import recognises them: two ICEs decide
/// (different ICEs are two members, whatever the names); else the name
/// without accents, case or legal form. Keys are computed once per member.
#[derive(Default)]
struct Identities {
    by_ice: HashMap<String, usize>,
    /// Members without an ICE, by name.
    by_name_alone: HashMap<String, usize>,
    /// Every member, by name.
    by_name: HashMap<String, usize>,
}

impl Identities {
    fn of(members: &[Member]) -> Self {
        let mut index = Identities::default();
        for (i, m) in members.iter().enumerate() {
            index.insert(m, i);
        }
        index
    }

    fn insert(&mut self, m: &Member, i: usize) {
        let (ice, name) = (ice_key(&m.ice), name_key(&m.name));
        if !name.is_empty() {
            self.by_name.entry(name.clone()).or_insert(i);
            if ice.is_empty() {
                self.by_name_alone.entry(name).or_insert(i);
            }
        }
        if !ice.is_empty() {
            self.by_ice.entry(ice).or_insert(i);
        }
    }

    /// The member that is `m`, if any.
    fn find(&self, m: &Member) -> Option<usize> {
        let (ice, name) = (ice_key(&m.ice), name_key(&m.name));
        if name.is_empty() && ice.is_empty() {
            return None;
        }
        if ice.is_empty() {
            return self.by_name.get(&name).copied();
        }
        self.by_ice
            .get(&ice)
            .or_else(|| self.by_name_alone.get(&name))
            .copied()
    }
}

/// The names of the members only `a` has, and of those only `b` has.
pub fn member_sides(a: &Dossier, b: &Dossier) -> (Vec<String>, Vec<String>) {
    let only = |x: &Dossier, y: &Dossier| {
        let index = Identities::of(&y.members);
        x.members
            .iter()
            .filter(|m| index.find(m).is_none())
            .map(|m| m.name.clone())
            .collect::<Vec<_>>()
    };
    (only(a, b), only(b, a))
}

/// The recovered work with the disk's members merged in: a member only the
/// disk has is added (with the invalid entries typed in its fields); a
/// member both have keeps the recovered values, and gets the disk's where
/// the recovered one is empty; a field both filled differently keeps the
/// recovered value and is listed. Nothing of the disk's register is lost.
pub fn merge_members(recovered: &Dossier, disk: &Dossier) -> (Dossier, Vec<String>) {
    let mut out = recovered.clone();
    let mut index = Identities::of(&out.members);
    let mut added = Vec::new();
    let mut filled = 0usize;
    let mut conflicts = Vec::new();
    for (j, member) in disk.members.iter().enumerate() {
        let Some(i) = index.find(member) else {
            let k = out.members.len();
            let (from, to) = (format!("members[{j}]."), format!("members[{k}]."));
            for (field, typed) in &disk.invalid_entries {
                if let Some(rest) = field.strip_prefix(&from) {
                    out.invalid_entries
                        .entry(format!("{to}{rest}"))
                        .or_insert_with(|| typed.clone());
                }
            }
            index.insert(member, k);
            out.members.push(member.clone());
            added.push(member.name.clone());
            continue;
        };
        if out.members[i] == *member {
            continue;
        }
        let row = RowMember {
            member: member.clone(),
            no_activity: false,
            no_category: false,
        };
        let comparison = merge::compare(&out.members[i], (false, false), &row);
        if !comparison.fills.is_empty() {
            merge::fill(&mut out.members[i], member, &comparison.fills);
            filled += 1;
        }
        for c in comparison.conflicts {
            conflicts.push(format!(
                "« {} », {} : « {} » gardé (version récupérée), « {} » sur le disque",
                out.members[i].name,
                c.field.label(),
                c.kept,
                c.sheet
            ));
        }
    }
    let mut notes = Vec::new();
    if !added.is_empty() {
        let shown: Vec<&str> = added.iter().take(5).map(String::as_str).collect();
        let more = added.len() - shown.len();
        let s = plural(added.len());
        notes.push(format!(
            "{} membre{s} présent{s} seulement sur le disque ajouté{s} : {}{}",
            added.len(),
            shown.join(", "),
            if more > 0 {
                format!(" et {more} autre{}", plural(more))
            } else {
                String::new()
            }
        ));
    }
    if filled > 0 {
        let s = plural(filled);
        notes.push(format!(
            "{filled} membre{s} complété{s} avec des champs vides dans la version récupérée"
        ));
    }
    notes.extend(conflicts);
    let mut rest = differences(&out, disk);
    rest.retain(|p| *p != "Membres");
    if !rest.is_empty() {
        notes.push(format!(
            "Les autres rubriques sont celles de la version récupérée ; diffèrent du disque : {}",
            rest.join(", ")
        ));
    }
    (out, notes)
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// The name a recovery file gives the dossier it saves (`Recovery::source`).
pub fn source_key(path: &Path) -> PathBuf {
    files::key(path)
}
