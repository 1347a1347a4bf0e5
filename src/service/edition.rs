//! « Nouvelle édition »: a dossier for the next call, started from this
//! one, as both front ends make it (`new-edition` and the wizard's « Nouvelle
//! édition à partir de ce dossier… »): the same carry-over, the profile file
//! remembered the same way (relative to the new dossier's folder when it
//! lies below it, see [`super::profiles::remembered_path`]), the same words.

use std::path::Path;
use std::sync::Arc;

use super::jobs::{self, OutputError};
use super::profiles::{self, ProfileError};
use super::session::{self, SessionError};
use crate::model::{CallProfile, Dossier, edition};

/// What the new edition carries, said by both front ends.
pub const CARRIED: &str =
    "identité, membres, partenaires, gouvernance, partenariats et start-up repris";

/// The new dossier, its profile and what could not be carried.
#[derive(Debug)]
pub struct NewEdition {
    pub dossier: Dossier,
    pub profile: Arc<CallProfile>,
    pub not_carried: Vec<String>,
}

impl NewEdition {
    /// The first line shown: which edition, and what was carried.
    pub fn headline(&self) -> String {
        format!(
            "Dossier de l'édition « {} » : {CARRIED}.",
            self.profile.edition
        )
    }

    /// What was not carried, one line each, after « Non repris : ».
    pub fn not_carried_lines(&self) -> Vec<String> {
        if self.not_carried.is_empty() {
            vec!["Non repris : rien.".to_string()]
        } else {
            std::iter::once("Non repris :".to_string())
                .chain(self.not_carried.iter().map(|l| format!("  - {l}")))
                .collect()
        }
    }
}

/// Starts the next edition of `old` for the profile in `profile_file`; the
/// new dossier will live at `target` (`None`: not saved yet, the profile
/// path is then absolute until its first save, see
/// [`profiles::rebased_profile`]).
pub fn start(
    old: &Dossier,
    profile_file: &Path,
    target: Option<&Path>,
) -> Result<NewEdition, ProfileError> {
    let profile = profiles::from_file(profile_file)?;
    let next = edition::carry_over(old, &profile);
    let mut dossier = next.dossier;
    dossier.call_profile = Some(profiles::remembered_path_for(target, profile_file));
    Ok(NewEdition {
        dossier,
        profile,
        not_carried: next.not_carried,
    })
}

/// Why no new edition was written.
#[derive(Debug, thiserror::Error)]
pub enum EditionError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// `new-edition SOURCE --appel PROFIL NOUVEAU`: writes the new edition of
/// the dossier at `source` to the new file `target`, never over the
/// source, its inputs or the profile.
pub fn create(
    source: &Path,
    profile_file: &Path,
    target: &Path,
) -> Result<NewEdition, EditionError> {
    let opened = session::open(source, None)?;
    // Everything the source reads, and the new profile, stay untouched.
    let protected = jobs::Protected::of(&opened.dossier, &opened.profile, Some(source), None)
        .with(profile_file.to_path_buf(), jobs::Role::EditionProfile);
    jobs::check_new_file(target, &protected)?;
    let next = start(&opened.dossier, profile_file, Some(target))?;
    session::create(target, &next.dossier)?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile_2027(dir: &Path) -> std::path::PathBuf {
        let text = profiles::bundled_text("2026")
            .expect("bundled")
            .replace("edition: \"2026\"", "edition: \"2027\"");
        let file = dir.join("appel-2027.ron");
        std::fs::write(&file, text).expect("written");
        file
    }

    /// The command line and the wizard store the same path: relative to
    /// the new file's folder; the wizard's untitled dossier absolute until
    /// its first save, then the same relative path.
    #[test]
    fn both_front_ends_remember_the_profile_the_same_way() {
        let dir = tempfile::tempdir().expect("tempdir");
        let profile = profile_2027(dir.path());
        let source = dir.path().join("cluster-2026.ron");
        let target = dir.path().join("cluster-2027.ron");
        crate::store::save(&source, &crate::example_dossier().expect("example")).expect("saved");
        let cli = create(&source, &profile, &target).expect("created");
        assert_eq!(cli.dossier.call_profile.as_deref(), Some("appel-2027.ron"));
        assert_eq!(crate::store::load(&target).expect("reads"), cli.dossier);
        let old = crate::store::load(&source).expect("reads");
        let wizard = start(&old, &profile, None).expect("started");
        let stored = wizard.dossier.call_profile.clone().expect("remembered");
        assert!(Path::new(&stored).is_absolute(), "{stored}");
        assert_eq!(
            profiles::rebased_profile(&wizard.dossier, &target).as_deref(),
            Some("appel-2027.ron")
        );
        assert_eq!(wizard.headline(), cli.headline());
        assert_eq!(wizard.not_carried_lines(), cli.not_carried_lines());
        assert_eq!(wizard.profile.edition, "2027");
        assert!(cli.headline().contains(CARRIED));
    }

    #[test]
    fn a_new_edition_never_replaces_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let profile = profile_2027(dir.path());
        let source = dir.path().join("cluster-2026.ron");
        crate::store::save(&source, &crate::example_dossier().expect("example")).expect("saved");
        let before = std::fs::read(&source).expect("read");
        assert!(matches!(
            create(&source, &profile, &source),
            Err(EditionError::Output(_))
        ));
        assert!(matches!(
            create(&source, &profile, &profile),
            Err(EditionError::Output(_))
        ));
        assert_eq!(std::fs::read(&source).expect("read"), before);
    }
}
