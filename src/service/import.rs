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
