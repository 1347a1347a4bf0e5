//! The import session both front ends run (« import-members » and the
//! wizard's « Importer depuis un tableur »): read a sheet within the
//! import's limits with progress, guess the column mapping, require a
//! name column, plan against the register (with the classification
//! suggestions of [`PlanOptions::accept_suggestions`]), say what will
//! happen, and apply to a file under the dossier's lock.
//!
//! The front ends only present: a progress line or bar, the mapping, the
//! report's lines, and the answer.

use std::path::Path;
use std::sync::Arc;

pub use crate::import::mapping::normalise;
pub use crate::import::plan::Missing;
pub use crate::import::progress::describe as describe_progress;
pub use crate::import::rows_out::members_tsv;
use crate::import::{self, Limits};
pub use crate::import::{DuplicatePolicy, Field, ImportPlan, PlanOptions, Sheet, Stage};
use crate::model::dossier::{Dossier, Member};

/// The message when no column gives the company name.
pub const NO_NAME_COLUMN: &str = "aucune colonne ne donne la raison sociale";

/// A sheet read and its column mapping (guessed, then changed by the user
/// or `--map`).
#[derive(Clone, Debug)]
pub struct ImportSession {
    pub sheet: Arc<Sheet>,
    pub mapping: Vec<Field>,
}

impl ImportSession {
    /// Reads the sheet at `path` within the import's limits, reporting
    /// progress, and guesses its mapping.
    pub fn read(
        path: &Path,
        progress: &mut dyn FnMut(Stage, usize, usize),
    ) -> Result<Self, String> {
        let sheet = import::read_sheet_with(path, &Limits::default(), progress)
            .map_err(|e| e.to_string())?;
        Ok(Self::of(sheet))
    }

    /// A sheet already read: its mapping guessed from its headers.
    pub fn of(sheet: Sheet) -> Self {
        let mapping = import::guess_mapping(&sheet.headers);
        ImportSession {
            sheet: Arc::new(sheet),
            mapping,
        }
    }

    /// Rows copied from a spreadsheet (tab-separated text, as Excel and
    /// LibreOffice put on the clipboard) as a sheet. A first row that names
    /// no known column is data, not a header: it is kept, under
    /// « Colonne A »…, and the first column is taken as the company name.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let records = import::csv::parse(text, &Limits::default()).map_err(|_| {
            "Trop de lignes ou de colonnes collées pour un registre de membres.".to_string()
        })?;
        let mut rows = records.records;
        if rows.is_empty() {
            return Err("Le texte collé ne contient aucune ligne.".into());
        }
        let first = rows.remove(0);
        let guessed = import::guess_mapping(&first.1);
        let (headers, mapping) = if guessed.contains(&Field::Name) {
            (first.1, guessed)
        } else {
            let width = rows
                .iter()
                .chain(std::iter::once(&first))
                .map(|(_, r)| r.len())
                .max()
                .unwrap_or(0);
            rows.insert(0, first);
            let headers: Vec<String> = (0..width)
                .map(|c| {
                    let c = u32::try_from(c).unwrap_or(u32::MAX);
                    format!("Colonne {}", import::sheet::column_name(c))
                })
                .collect();
            let mut mapping = vec![Field::Ignore; width];
            if let Some(m) = mapping.first_mut() {
                *m = Field::Name;
            }
            (headers, mapping)
        };
        Ok(ImportSession {
            sheet: Arc::new(Sheet {
                headers,
                rows,
                bad_rows: records.bad,
                notes: Vec::new(),
                encoding: None,
            }),
            mapping,
        })
    }

    /// Sets the field of a column named by its title or its 1-based number.
    pub fn map_column(&mut self, column: &str, field: Field) -> Result<(), String> {
        let index = column
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .or_else(|| self.sheet.headers.iter().position(|h| h.trim() == column));
        match index.filter(|i| *i < self.mapping.len()) {
            Some(i) => {
                self.mapping[i] = field;
                Ok(())
            }
            None => Err(format!("colonne « {column} » absente du tableur")),
        }
    }

    /// Whether a column gives the company name (the plan needs one).
    pub fn has_name(&self) -> bool {
        self.mapping.contains(&Field::Name)
    }

    /// (header, field label) of every column, in order.
    pub fn columns(&self) -> Vec<(&str, &'static str)> {
        self.sheet
            .headers
            .iter()
            .zip(&self.mapping)
            .map(|(h, f)| (h.as_str(), f.label()))
            .collect()
    }

    /// The plan against `dossier`; `None` without a name column.
    pub fn plan(
        &self,
        dossier: &Dossier,
        options: PlanOptions,
        progress: &mut dyn FnMut(Stage, usize, usize),
    ) -> Option<ImportPlan> {
        self.has_name().then(|| {
            import::plan_import_with(dossier, &self.sheet, &self.mapping, options, progress)
        })
    }
}

/// Plans against a register alone (the wizard plans on a worker thread
/// with a copy of the members).
pub fn plan_members(
    sheet: &Sheet,
    mapping: &[Field],
    members: Vec<Member>,
    options: PlanOptions,
    progress: &mut dyn FnMut(Stage, usize, usize),
) -> (ImportPlan, Vec<Member>) {
    let dossier = Dossier {
        members,
        ..Dossier::default()
    };
    let plan = import::plan_import_with(&dossier, sheet, mapping, options, progress);
    (plan, dossier.members)
}

/// What a plan will do, as lines both front ends show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// « 3 membre(s) ajouté(s)… ».
    pub summary: String,
    /// « Attention : … . » about the whole sheet.
    pub notes: Vec<String>,
    /// One line per row not simply added.
    pub details: Vec<String>,
    /// The rows without activity or category, counted.
    pub missing: Vec<String>,
    /// The values suggested by the classification, one line per row.
    pub suggestions: Vec<String>,
}

impl Report {
    pub fn of(plan: &ImportPlan) -> Self {
        Report {
            summary: plan.summary(),
            notes: plan
                .notes
                .iter()
                .map(|n| format!("Attention : {n}."))
                .collect(),
            details: plan.details(),
            missing: plan.missing_summary(),
            suggestions: plan.suggestions(),
        }
    }
}

/// How an import into a file ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied<E> {
    /// Saved; the plan's summary.
    Saved(String),
    /// Nothing to import; the file is untouched.
    Nothing(String),
    /// The planning stopped (the file is untouched).
    Stopped(E),
}

/// Applies to the dossier file at `path` the plan `plan` makes from the
/// file as it is under the lock, and saves it only if rows are imported:
/// two imports at once both keep their members.
pub fn apply_to_file<E>(
    path: &Path,
    plan: impl FnOnce(&Dossier) -> Result<ImportPlan, E>,
) -> Result<Applied<E>, super::StoreError> {
    // Fail early, before reading the sheet, on a dossier that cannot be read.
    crate::store::load(path)?;
    let mut nothing = None;
    let outcome = crate::store::update(path, |dossier| {
        let plan = plan(dossier)?;
        if plan.is_empty() {
            nothing = Some(plan.summary());
            return Ok(None);
        }
        plan.apply(dossier);
        Ok(Some(plan.summary()))
    })?;
    Ok(match outcome {
        Ok(Some(summary)) => Applied::Saved(summary),
        Ok(None) => Applied::Nothing(nothing.unwrap_or_default()),
        Err(e) => Applied::Stopped(e),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::CallProfile;

    fn no_progress() -> impl FnMut(Stage, usize, usize) {
        |_, _, _| {}
    }

    const SHEET: &str = "Raison sociale;Catégorie;Activité;Ville\n\
        Atlas SARL;Entreprise engagée;Industrielle;Fès\n\
        Biscuiterie du Nord;Entreprise engagée;Industrielle;Tanger\n";

    #[test]
    fn columns_are_guessed_then_set_by_title_or_number() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("membres.csv");
        std::fs::write(&path, SHEET).expect("written");
        let mut s = ImportSession::read(&path, &mut no_progress()).expect("read");
        assert_eq!(s.mapping[0], Field::Name);
        assert!(s.has_name());
        s.map_column("Ville", Field::Ignore).expect("by title");
        assert_eq!(s.mapping[3], Field::Ignore);
        s.map_column("1", Field::Ignore).expect("by number");
        assert!(!s.has_name());
        let d = Dossier::new_for(&CallProfile::edition_2026());
        assert!(
            s.plan(&d, PlanOptions::default(), &mut no_progress())
                .is_none()
        );
        assert_eq!(
            s.map_column("Pays", Field::Name),
            Err("colonne « Pays » absente du tableur".to_string())
        );
        assert!(s.map_column("5", Field::Name).is_err());
        assert!(s.map_column("0", Field::Name).is_err());
    }

    #[test]
    fn an_import_saves_only_when_rows_are_added_and_never_after_a_stop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sheet = dir.path().join("membres.csv");
        std::fs::write(&sheet, SHEET).expect("written");
        let file = dir.path().join("dossier.ron");
        let mut d = Dossier::new_for(&CallProfile::edition_2026());
        d.members.clear();
        crate::store::save(&file, &d).expect("saved");
        let before = std::fs::read(&file).expect("read");
        let stopped = apply_to_file(&file, |_| Err::<ImportPlan, _>("arrêt")).expect("runs");
        assert_eq!(stopped, Applied::Stopped("arrêt"));
        assert_eq!(std::fs::read(&file).expect("read"), before);
        let plan = |d: &Dossier| {
            let s = ImportSession::read(&sheet, &mut no_progress())?;
            s.plan(d, PlanOptions::default(), &mut no_progress())
                .ok_or_else(|| NO_NAME_COLUMN.to_string())
        };
        let Applied::Saved(summary) = apply_to_file(&file, plan).expect("runs") else {
            panic!("rows were to be added");
        };
        assert!(summary.contains('2'), "{summary}");
        assert_eq!(crate::store::load(&file).expect("reads").members.len(), 2);
        let after = std::fs::read(&file).expect("read");
        // The same sheet again: duplicates only, the file is not written.
        assert!(matches!(
            apply_to_file(&file, plan),
            Ok(Applied::Nothing(_))
        ));
        assert_eq!(std::fs::read(&file).expect("read"), after);
    }

    #[test]
    fn the_report_says_every_note_once() {
        let mut s = ImportSession::from_text("Raison sociale\tVille\nAtlas\tFès\n").expect("rows");
        s.mapping[1] = Field::Ignore;
        let d = Dossier::new_for(&CallProfile::edition_2026());
        let plan = s
            .plan(&d, PlanOptions::default(), &mut no_progress())
            .expect("a name column");
        let report = Report::of(&plan);
        assert_eq!(report.summary, plan.summary());
        assert_eq!(report.notes.len(), plan.notes.len());
        assert!(report.notes.iter().all(|n| n.starts_with("Attention : ")));
    }

    proptest! {
        /// Pasted rows (two cells or more, as a spreadsheet copies them)
        /// whose first line names no column are all data: one
        /// « Colonne X » per column, the first taken as the company name.
        #[test]
        fn pasted_rows_without_titles_are_all_kept(
            rows in prop::collection::vec(prop::collection::vec("[0-9]{1,6}", 2..5), 1..20)
        ) {
            let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
            let s = ImportSession::from_text(&text).expect("rows");
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            prop_assert_eq!(s.sheet.rows.len(), rows.len());
            prop_assert_eq!(s.sheet.headers.len(), width);
            prop_assert_eq!(&s.sheet.headers[0], "Colonne A");
            prop_assert_eq!(s.mapping[0], Field::Name);
            prop_assert!(s.mapping[1..].iter().all(|f| *f == Field::Ignore));
        }
    }
}
