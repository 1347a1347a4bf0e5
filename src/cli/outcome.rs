//! What a command comes to, and the one place that reports it: commands
//! return `Result<Outcome, Failure>` and print only their results on
//! stdout; [`report`] writes a failure in French on stderr, once, and maps
//! every end to its exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::args::{Exit, Usage};
use super::write_report;
use crate::model::Finding;
use crate::service::ProfileError;
use crate::service::StoreError;
use crate::service::jobs::{JobError, OutputError};
use crate::service::session::SessionError;

/// A command that ran to its end.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// `check` found blocking points (its report says which).
    Blocking,
}

/// Why a command stopped; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Usage(#[from] Usage),
    /// `render --final` on a dossier with blocking points.
    #[error("Impression finale refusée : le dossier a {} point(s) bloquant(s).", .findings.len())]
    Blocked {
        dossier: PathBuf,
        findings: Vec<Finding>,
    },
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A print or export job; its causes follow its message.
    #[error("{}", crate::service::describe_error(.0))]
    Job(JobError),
    /// The sheet of an import cannot be imported.
    #[error("{0}")]
    Import(String),
    #[error("cette version ne fournit pas l'édition « {0} ».")]
    NoEdition(String),
    /// An output the core's output rule refused; nothing was written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl Outcome {
    pub fn exit(&self) -> Exit {
        match self {
            Outcome::Done => Exit::Ok,
            Outcome::Blocking => Exit::Blocking,
        }
    }
}

impl Failure {
    pub fn exit(&self) -> Exit {
        match self {
            Failure::Blocked { .. } => Exit::Blocking,
            _ => Exit::Unusable,
        }
    }
}

/// The end of every command line: writes the failure, if any, and gives
/// the exit code.
pub fn report(result: Result<Outcome, Failure>) -> ExitCode {
    let exit = match result {
        Ok(outcome) => outcome.exit(),
        Err(failure) => {
            let mut err = std::io::stderr().lock();
            // Nothing better to do if stderr itself is closed.
            let _ = write_failure(&mut err, &failure);
            failure.exit()
        }
    };
    ExitCode::from(exit.code())
}

/// A failure as the user reads it.
pub fn write_failure(out: &mut impl Write, failure: &Failure) -> std::io::Result<()> {
    match failure {
        Failure::Usage(usage) => {
            let help = match usage.command {
                Some(name) => format!("cluster-dossier {name} --help"),
                None => "cluster-dossier --help".to_string(),
            };
            writeln!(out, "Erreur : {}.\nVoir « {help} ».", usage.message)
        }
        Failure::Blocked { dossier, findings } => {
            writeln!(out, "{failure}")?;
            write_report(out, dossier, findings)
        }
        other => writeln!(out, "Erreur : {other}"),
    }
}
