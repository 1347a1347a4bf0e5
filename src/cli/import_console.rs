//! `import-members` on the command line, minus loading and saving the
//! dossier (the CLI does those) and reading its arguments (`import.rs`
//! declares them): the words of the defaults, reading with a progress line,
//! the column mapping, the plan and its report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::dossier::{Activity, Dossier, MemberCategory};
use crate::service::import::{
    Field, ImportPlan, ImportSession, NO_NAME_COLUMN, PlanOptions, Report, Stage,
    describe_progress as describe, normalise,
};

/// The accepted words, as the usage text lists them.
pub const ACTIVITY_WORDS: &str = "industrielle|technologique|specifique|autre";
pub const CATEGORY_WORDS: &str = "engagee|interessee|formation|autre";

/// The activity named on the command line: one of [`ACTIVITY_WORDS`]
/// (accents and case aside), nothing guessed.
pub(super) fn activity_word(v: &str) -> Option<Activity> {
    Some(match normalise(v).as_str() {
        "industrielle" | "industriel" => Activity::Industrial,
        "technologique" => Activity::Technological,
        "specifique" => Activity::Specific,
        "autre" => Activity::Other,
        _ => return None,
    })
}

/// The category named on the command line: one of [`CATEGORY_WORDS`].
pub(super) fn category_word(v: &str) -> Option<MemberCategory> {
    Some(match normalise(v).as_str() {
        "engagee" | "engage" | "entreprise engagee" => MemberCategory::EngagedCompany,
        "interessee" | "interesse" | "potentiellement interessee" => {
            MemberCategory::InterestedCompany
        }
        "formation" | "recherche" | "formation recherche" => MemberCategory::TrainingResearch,
        "autre" => MemberCategory::OtherRepresentative,
        _ => return None,
    })
}

/// What the command line asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    pub sheet: PathBuf,
    pub into: PathBuf,
    /// (column name or 1-based number, field).
    pub overrides: Vec<(String, Field)>,
    pub options: PlanOptions,
}

/// Why the import stops before changing anything.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The command line is wrong (the usage text follows).
    Usage(String),
    /// The sheet cannot be imported.
    Unreadable(String),
}

/// Reads the sheet and plans the import against `dossier`, printing the
/// mapping, a progress line when it takes more than a moment, and the
/// report of every row not simply added.
pub fn plan(req: &Request, dossier: &Dossier) -> Result<ImportPlan, Failure> {
    let mut line = ProgressLine::new();
    let session = ImportSession::read(&req.sheet, &mut |s, d, t| line.update(s, d, t));
    line.clear();
    let mut session = session.map_err(Failure::Unreadable)?;
    for (column, field) in &req.overrides {
        session.map_column(column, *field).map_err(Failure::Usage)?;
    }
    if let Some(encoding) = session.sheet.encoding {
        println!("Encodage du fichier : {encoding}");
    }
    println!("Colonnes reconnues :");
    for (header, field) in session.columns() {
        println!("  {header} → {field}");
    }
    let mut line = ProgressLine::new();
    let plan = session.plan(dossier, req.options, &mut |s, d, t| line.update(s, d, t));
    line.clear();
    let plan = plan.ok_or_else(|| {
        Failure::Unreadable(format!(
            "{NO_NAME_COLUMN} ; précisez-la avec --map \"Colonne=nom\". \
             Le dossier n'a pas été modifié."
        ))
    })?;
    print_report(&plan);
    Ok(plan)
}

fn print_report(plan: &ImportPlan) {
    let Report {
        notes,
        details,
        missing,
        suggestions,
        ..
    } = Report::of(plan);
    for note in &notes {
        println!("{note}");
    }
    for line in details {
        println!("  {line}");
    }
    for line in missing {
        println!("{line}");
    }
    if !suggestions.is_empty() {
        println!(
            "Valeurs suggérées{} :",
            if plan.options.accept_suggestions {
                ", retenues et marquées « à vérifier » au registre"
            } else {
                " (retenues avec --accepter-suggestions)"
            }
        );
        for line in &suggestions {
            println!("  {line}");
        }
    }
    let (no_activity, no_category) = plan.without();
    let mut hints = Vec::new();
    if !suggestions.is_empty() && !plan.options.accept_suggestions {
        hints.push("--accepter-suggestions".to_string());
    }
    if !no_activity.is_empty() && plan.options.default_activity.is_none() {
        hints.push(format!("--activite-par-defaut {ACTIVITY_WORDS}"));
    }
    if !no_category.is_empty() && plan.options.default_category.is_none() {
        hints.push(format!("--categorie-par-defaut {CATEGORY_WORDS}"));
    }
    if !hints.is_empty() {
        println!(
            "Pour importer ces lignes ({}), complétez le tableur ou relancez avec {}.",
            plan.waiting_lines(),
            hints.join(" et ")
        );
    }
}

/// A line on stderr, rewritten in place on a terminal, shown only once
/// the work has taken more than a moment.
struct ProgressLine {
    start: Instant,
    last: Option<Instant>,
    terminal: bool,
}

impl ProgressLine {
    const DELAY: Duration = Duration::from_millis(400);

    fn new() -> Self {
        ProgressLine {
            start: Instant::now(),
            last: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn update(&mut self, stage: Stage, done: usize, total: usize) {
        let now = Instant::now();
        let every = if self.terminal {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(2)
        };
        if now - self.start < Self::DELAY || self.last.is_some_and(|t| now - t < every) {
            return;
        }
        self.last = Some(now);
        let text = describe(stage, done, total);
        let mut err = std::io::stderr().lock();
        // A failed progress line is not worth stopping the import for.
        let _ = if self.terminal {
            write!(err, "\r{text}\x1b[K")
        } else {
            writeln!(err, "{text}")
        };
        let _ = err.flush();
    }

    fn clear(&mut self) {
        if self.last.is_some() && self.terminal {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
        self.last = None;
    }
}
