//! The command line: headless commands over the core ([`crate::service`]),
//! never the wizard. `cluster-dossier --help` lists them; each one has its
//! own help (`cluster-dossier help COMMANDE` or `COMMANDE --help`).
//!
//! ```text
//! cluster-dossier check FICHIER [--appel PROFIL]          constats, code 0/1/2
//! cluster-dossier new FICHIER [--example | --synthetic …] [--appel PROFIL]
//! cluster-dossier new-edition SOURCE --appel PROFIL NOUVEAU
//! cluster-dossier render FICHIER -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]
//! cluster-dossier import-members TABLEUR --into FICHIER [--merge] [--map …]
//! cluster-dossier export-tables FICHIER -o TABLEAUX.xlsx
//! cluster-dossier proofread FICHIER [-o RELECTURE.docx]    copie de relecture (Word)
//! cluster-dossier check-profile PROFIL                    valide un profil d'appel
//! cluster-dossier export-profile [--edition 2026] PROFIL  écrit le profil fourni, à adapter
//! ```
//!
//! How a command line is read and run, each step in one place:
//! - a command is declared once, in its own file: a [`Spec`] (its name, files,
//!   options, help text, examples, exit codes), a struct of its typed
//!   arguments built by [`Declared::from_args`], and its body, a function
//!   returning `Result<Outcome, Failure>`; the `commands!` list below names
//!   each one once and makes the [`Command`] enum from them;
//! - [`args::read`] reads the arguments (with `lexopt`) against the spec:
//!   the options a command accepts are the ones its help lists;
//! - [`help`] writes every help text from the specs;
//! - [`outcome::report`] is the one reporter: it writes a failure in French
//!   on stderr and maps every end to the exit code ([`Exit`]: 0 done, 1
//!   blocking points, 2 nothing done). Commands print only their results.
//!
//! `main.rs` asks [`wizard_file`] whether the arguments open the wizard
//! (nothing, or one file) rather than run a command.

mod args;
mod check;
mod export;
mod help;
mod import;
mod import_console;
mod new;
mod outcome;
mod profile;
mod proofread;
mod render;
mod report;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub use args::{Exit, Opt, Spec};
use args::{Given, Usage};
use outcome::{Failure, Outcome};
pub use report::write_report;

use crate::model::{CallProfile, Dossier};
use crate::service::{self, session};

/// A command's declaration and its typed arguments.
trait Declared: Sized {
    const SPEC: Spec;
    /// The typed arguments from what [`args::read`] accepted.
    fn from_args(given: &Given) -> Result<Self, Usage>;
}

/// Lists the commands, each once: `Variant(ArgumentsType) => body`. Makes
/// the [`Command`] enum, the list of specs and the dispatch.
macro_rules! commands {
    ($($variant:ident($ty:ty) => $body:path),+ $(,)?) => {
        /// A command with its typed arguments.
        #[derive(Debug, PartialEq)]
        enum Command {
            $($variant($ty)),+
        }

        /// Every command's declaration, in the order of the help.
        pub const SPECS: &[&Spec] = &[$(&<$ty as Declared>::SPEC),+];

        impl Command {
            fn from_args(given: &Given) -> Result<Command, Usage> {
                $(
                    if given.spec.name == <$ty as Declared>::SPEC.name {
                        return <$ty as Declared>::from_args(given).map(Command::$variant);
                    }
                )+
                Err(Usage::new(None, format!("commande inconnue « {} »", given.spec.name)))
            }

            fn run(self) -> Result<Outcome, Failure> {
                match self {
                    $(Command::$variant(arguments) => $body(arguments)),+
                }
            }
        }
    };
}

commands! {
    Check(check::Check) => check::run,
    New(new::New) => new::run,
    NewEdition(new::NewEdition) => new::run_edition,
    Render(render::Render) => render::run,
    ImportMembers(import::ImportMembers) => import::run,
    ExportTables(export::ExportTables) => export::run,
    Proofread(proofread::Proofread) => proofread::run,
    CheckProfile(profile::CheckProfile) => profile::check,
    ExportProfile(profile::ExportProfile) => profile::export,
}

/// The declaration of the command named `name`.
pub fn spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().copied().find(|s| s.name == name)
}

/// What a command line asks for.
#[derive(Debug, PartialEq)]
enum Request {
    /// The list of commands, or one command's help.
    Help(Option<&'static str>),
    Version,
    Run(Command),
}

fn unknown_command(name: &OsString, args: usize) -> Usage {
    let typed = name.to_string_lossy();
    let mut message = format!("commande inconnue « {typed} »");
    if let Some(near) = args::closest(&typed, SPECS.iter().map(|s| s.name.to_string())) {
        message.push_str(&format!(" (vouliez-vous dire « {near} » ?)"));
    } else if args > 1 && !typed.starts_with('-') {
        message.push_str(" ; l'assistant s'ouvre avec un seul fichier");
    } else if typed.starts_with('-') {
        message = format!(
            "« {typed} » n'est pas une commande ; la commande vient d'abord : cluster-dossier COMMANDE [OPTIONS]"
        );
    }
    Usage::new(None, message)
}

/// Reads a whole command line (without the program's name).
fn parse(args: &[OsString]) -> Result<Request, Usage> {
    let Some(first) = args.first() else {
        return Ok(Request::Help(None));
    };
    let rest = &args[1..];
    if first == "help" || args::is_help(first) {
        return match rest {
            [] => Ok(Request::Help(None)),
            [name] => match name.to_str().and_then(spec) {
                Some(s) => Ok(Request::Help(Some(s.name))),
                None => Err(unknown_command(name, 1)),
            },
            [_, extra, ..] => Err(Usage::new(
                None,
                format!(
                    "« help » attend une seule commande : « {} » est en trop",
                    extra.to_string_lossy()
                ),
            )),
        };
    }
    if first == "--version" || first == "-V" {
        return Ok(Request::Version);
    }
    let Some(spec) = first.to_str().and_then(spec) else {
        return Err(unknown_command(first, args.len()));
    };
    if args::asks_help(rest) {
        return Ok(Request::Help(Some(spec.name)));
    }
    let given = args::read(spec, rest)?;
    if given.flag("help")? {
        return Ok(Request::Help(Some(spec.name)));
    }
    Command::from_args(&given).map(Request::Run)
}

/// Runs a command line and reports how it ended (see [`Exit`]).
pub fn main(args: Vec<OsString>) -> ExitCode {
    // A help read through `| head` stops early: not an error.
    let show = |text: String| {
        let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
        Ok(Outcome::Done)
    };
    let result = match parse(&args) {
        Ok(Request::Help(None)) => show(help::general(SPECS)),
        Ok(Request::Help(Some(name))) => show(spec(name).map(help::command).unwrap_or_default()),
        Ok(Request::Version) => {
            println!("cluster-dossier {}", env!("CARGO_PKG_VERSION"));
            Ok(Outcome::Done)
        }
        Ok(Request::Run(command)) => command.run(),
        Err(usage) => Err(Failure::Usage(usage)),
    };
    outcome::report(result)
}

/// The wizard's file when the arguments open the wizard rather than run
/// a command: nothing, or one file that is not a command's name (`--`
/// first for a file whose name starts with `-`).
pub fn wizard_file(args: &[OsString]) -> Option<Option<PathBuf>> {
    let file = match args {
        [] => return Some(None),
        [file] => file,
        [dashes, file] if dashes == "--" => return Some(Some(PathBuf::from(file))),
        _ => return None,
    };
    let is_command = file == "help"
        || file.to_str().is_some_and(|f| spec(f).is_some())
        || file.as_encoded_bytes().first() == Some(&b'-');
    (!is_command).then(|| Some(PathBuf::from(file)))
}

/// Opens a dossier with its profile (noting on stderr an explicit profile
/// of another edition).
fn open(path: &Path, explicit: Option<&Path>) -> Result<(Dossier, Arc<CallProfile>), Failure> {
    let opened = session::open(path, explicit)?;
    if explicit.is_some() && opened.profile.edition != opened.dossier.edition {
        eprintln!(
            "Note : le dossier répond à l'édition « {} » ; il est traité avec le profil de l'édition « {} ».",
            opened.dossier.edition, opened.profile.edition
        );
    }
    Ok((opened.dossier, opened.profile))
}

/// A profile the user named, or the newest bundled one.
fn profile_or_latest(explicit: Option<&Path>) -> Result<Arc<CallProfile>, Failure> {
    match explicit {
        Some(p) => Ok(service::profiles::from_file(p)?),
        None => Ok(service::profiles::latest_bundled()),
    }
}
