//! The one reader of the command line: `lexopt` splits the words, and each
//! command's [`Spec`] says which options it takes, so the options a command
//! accepts and the ones its help lists are the same table.
//!
//! `--copies=3` and `--copies 3` are the same, `-o=F`, `-oF` and `-o F` too;
//! `--` ends the options (a file named `-x.ron` comes after it); a value that
//! looks like an option (`-o --final`) is taken as missing, so a typo never
//! becomes a file name; `--help` (or `-h`) anywhere before `--` shows the
//! command's help. Every message names the option and the command.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use lexopt::Arg;

/// The exit codes, the same for every command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done; for `check`, no blocking finding.
    Ok = 0,
    /// Blocking findings: `check` found some, `render --final` refused.
    Blocking = 1,
    /// Nothing done: a file unreadable or refused, or a usage error.
    Unusable = 2,
}

impl Exit {
    pub const ALL: [Exit; 3] = [Exit::Ok, Exit::Blocking, Exit::Unusable];

    pub fn code(self) -> u8 {
        self as u8
    }
}

/// One option of a command.
#[derive(Debug)]
pub struct Opt {
    /// Without its dashes: `copies` for `--copies`.
    pub long: &'static str,
    pub short: Option<char>,
    /// What the value is (`N`, `SORTIE.pdf`); `None` for a flag.
    pub value: Option<&'static str>,
    pub help: &'static str,
}

impl Opt {
    /// `-o, --output SORTIE.pdf`, as the help shows it.
    pub fn display(&self) -> String {
        let mut text = match self.short {
            Some(c) => format!("-{c}, --{}", self.long),
            None => format!("    --{}", self.long),
        };
        if let Some(v) = self.value {
            text.push(' ');
            text.push_str(v);
        }
        text
    }
}

/// The options every command takes.
pub const COMMON: &[Opt] = &[
    Opt {
        long: "appel",
        short: None,
        value: Some("PROFIL.ron"),
        help: "un profil d'appel (seuils, date limite, pièces, lignes du budget) au lieu de celui de l'édition du dossier : pour une édition que cette version ne fournit pas",
    },
    Opt {
        long: "help",
        short: Some('h'),
        value: None,
        help: "affiche cette aide",
    },
];

/// A command's declaration: what the parser accepts and what its help says.
#[derive(Debug)]
pub struct Spec {
    pub name: &'static str,
    /// One line, for the list of commands.
    pub summary: &'static str,
    /// What follows the command's name in its usage line.
    pub synopsis: &'static str,
    /// The files it takes, in order, as the synopsis names them.
    pub files: &'static [&'static str],
    /// How many of `files` are required.
    pub files_min: usize,
    /// Its own options; [`COMMON`] ones come on top.
    pub options: &'static [Opt],
    /// What `--appel PROFIL.ron` does for this command, for its help.
    pub appel: &'static str,
    /// What it does, in a few lines.
    pub about: &'static str,
    /// Generated text for the help (lists taken from the code).
    pub notes: Option<fn() -> String>,
    /// Command lines, without `cluster-dossier`, words split on spaces.
    pub examples: &'static [&'static str],
    pub exits: &'static [(Exit, &'static str)],
}

impl Spec {
    fn option(&self, long: &str) -> Option<&'static Opt> {
        self.options.iter().chain(COMMON).find(|o| o.long == long)
    }

    fn short(&self, c: char) -> Option<&'static Opt> {
        self.options
            .iter()
            .chain(COMMON)
            .find(|o| o.short == Some(c))
    }
}

/// A command line that cannot be run as written: the message, and the
/// command whose help to point to.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Usage {
    pub command: Option<&'static str>,
    pub message: String,
}

impl Usage {
    pub fn new(command: Option<&'static str>, message: impl Into<String>) -> Self {
        Usage {
            command,
            message: message.into(),
        }
    }
}

/// What was given to one command, checked against its spec: the files,
/// and each option with its value, in order.
#[derive(Debug)]
pub struct Given {
    pub spec: &'static Spec,
    files: Vec<PathBuf>,
    values: Vec<(&'static Opt, Option<OsString>)>,
}

/// Whether an argument is the help option: `-h`, `--help`.
pub fn is_help(arg: &OsStr) -> bool {
    arg == "-h" || arg == "--help"
}

/// Whether the arguments ask for help before any `--`.
pub fn asks_help(args: &[OsString]) -> bool {
    args.iter()
        .take_while(|a| a.as_os_str() != "--")
        .any(|a| is_help(a))
}

/// Reads `args` (what follows the command's name) against `spec`.
pub fn read(spec: &'static Spec, args: &[OsString]) -> Result<Given, Usage> {
    let usage = |message: String| Usage::new(Some(spec.name), message);
    let mut parser = lexopt::Parser::from_args(args);
    let mut given = Given {
        spec,
        files: Vec::new(),
        values: Vec::new(),
    };
    loop {
        let arg = parser.next().map_err(|e| usage(french(e)))?;
        let (opt, typed) = match arg {
            None => break,
            Some(Arg::Value(v)) => {
                if given.files.len() == spec.files.len() {
                    return Err(usage(too_many(spec, &v)));
                }
                given.files.push(PathBuf::from(v));
                continue;
            }
            Some(Arg::Long(l)) => (spec.option(l), format!("--{l}")),
            Some(Arg::Short(c)) => (spec.short(c), format!("-{c}")),
        };
        let Some(opt) = opt else {
            // The whole word for `-x.ron`, not just `-x`.
            let word = match typed.starts_with("--") {
                true => typed,
                false => format!(
                    "{typed}{}",
                    parser
                        .optional_value()
                        .unwrap_or_default()
                        .to_string_lossy()
                ),
            };
            return Err(usage(unknown(spec, &word)));
        };
        let value = match opt.value {
            None => None,
            Some(what) => Some(value(&mut parser).ok_or_else(|| {
                usage(format!("l'option « {typed} » attend une valeur ({what})"))
            })?),
        };
        given.values.push((opt, value));
    }
    if given.files.len() < spec.files_min {
        let missing = spec.files[given.files.len()..spec.files_min].join(" ");
        return Err(usage(format!("« {} » attend {missing}", spec.name)));
    }
    Ok(given)
}

/// The value of the option just read: joined (`--copies=3`, `-o=F`, `-oF`)
/// or the next argument, unless that one looks like an option. An empty
/// value (`-o=`, `-o ""`) is no value: no command wants an empty name.
fn value(parser: &mut lexopt::Parser) -> Option<OsString> {
    let value = match parser.optional_value() {
        Some(v) => v,
        None => parser
            .raw_args()
            .ok()?
            .next_if(|next| !looks_like_option(next))?,
    };
    (!value.is_empty()).then_some(value)
}

fn looks_like_option(arg: &OsStr) -> bool {
    let bytes = arg.as_encoded_bytes();
    bytes.len() > 1 && bytes[0] == b'-'
}

/// lexopt's own errors, in French. Only the ones `read` can meet.
fn french(e: lexopt::Error) -> String {
    match e {
        lexopt::Error::UnexpectedValue { option, value } => format!(
            "l'option « {option} » ne prend pas de valeur (« {} » donné)",
            value.to_string_lossy()
        ),
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("l'option « {option} » attend une valeur"),
        lexopt::Error::UnexpectedOption(o) => format!("option inconnue « {o} »"),
        other => format!("arguments illisibles ({other})"),
    }
}

fn too_many(spec: &Spec, extra: &OsStr) -> String {
    let what = match spec.files.len() {
        0 => "aucun fichier".to_string(),
        1 => format!("un seul fichier ({})", spec.files[0]),
        n => format!("{n} fichiers ({})", spec.files.join(" ")),
    };
    format!(
        "« {} » attend {what} : « {} » est en trop",
        spec.name,
        extra.to_string_lossy()
    )
}

fn unknown(spec: &Spec, word: &str) -> String {
    let names = spec
        .options
        .iter()
        .chain(COMMON)
        .map(|o| format!("--{}", o.long));
    match closest(word, names) {
        Some(near) => format!("option inconnue « {word} » (vouliez-vous dire « {near} » ?)"),
        None if word.contains(['.', '/', '\\']) => format!(
            "option inconnue « {word} » ; pour un fichier dont le nom commence par un tiret, \
             mettez « -- » devant : cluster-dossier {} -- {word}",
            spec.name
        ),
        None => format!("option inconnue « {word} »"),
    }
}

/// The candidate nearest to `typed`, if it is a likely typo (at most two
/// edits apart).
pub fn closest(typed: &str, candidates: impl Iterator<Item = String>) -> Option<String> {
    candidates
        .map(|c| (edits(typed, &c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, by characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

impl Given {
    fn usage(&self, message: String) -> Usage {
        Usage::new(Some(self.spec.name), message)
    }

    /// The `i`-th file (`None` past those given).
    pub fn file(&self, i: usize) -> Option<PathBuf> {
        self.files.get(i).cloned()
    }

    /// The `i`-th file, required by the spec: [`read`] checked it is there.
    pub fn required_file(&self, i: usize) -> Result<PathBuf, Usage> {
        self.file(i).ok_or_else(|| {
            let name = self.spec.files.get(i).copied().unwrap_or("un fichier");
            self.usage(format!("« {} » attend {name}", self.spec.name))
        })
    }

    /// The declared option named `long`. A name the spec does not declare
    /// is a mistake in this program, reported as such rather than ignored.
    fn declared(&self, long: &str) -> Result<&'static Opt, Usage> {
        self.spec.option(long).ok_or_else(|| {
            self.usage(format!(
                "erreur interne : l'option « --{long} » n'est pas déclarée"
            ))
        })
    }

    /// Every value given to `--long`, in order.
    pub fn all(&self, long: &str) -> Result<Vec<&OsString>, Usage> {
        let opt = self.declared(long)?;
        Ok(self
            .values
            .iter()
            .filter(|(o, _)| std::ptr::eq(*o, opt))
            .filter_map(|(_, v)| v.as_ref())
            .collect())
    }

    /// Whether the flag `--long` was given.
    pub fn flag(&self, long: &str) -> Result<bool, Usage> {
        let opt = self.declared(long)?;
        Ok(self.values.iter().any(|(o, _)| std::ptr::eq(*o, opt)))
    }

    /// The value of `--long` as a path (the last one given).
    pub fn path(&self, long: &str) -> Result<Option<PathBuf>, Usage> {
        Ok(self.all(long)?.last().map(PathBuf::from))
    }

    /// A path the command cannot do without.
    pub fn required_path(&self, long: &str) -> Result<PathBuf, Usage> {
        let opt = self.declared(long)?;
        self.path(long)?.ok_or_else(|| {
            let short = opt.short.map(|c| format!("-{c}")).unwrap_or_default();
            let name = if short.is_empty() {
                format!("--{}", opt.long)
            } else {
                short
            };
            self.usage(format!(
                "« {} » attend {name} {}",
                self.spec.name,
                opt.value.unwrap_or_default()
            ))
        })
    }

    /// The value of `--long` as text (the last one given).
    pub fn text(&self, long: &str) -> Result<Option<String>, Usage> {
        match self.all(long)?.last() {
            None => Ok(None),
            Some(v) => v.to_str().map(|s| Some(s.to_string())).ok_or_else(|| {
                self.usage(format!(
                    "la valeur de « --{long} » n'est pas du texte lisible (« {} »)",
                    v.to_string_lossy()
                ))
            }),
        }
    }

    /// The value of `--long` as a whole number.
    pub fn number<T: std::str::FromStr>(&self, long: &str) -> Result<Option<T>, Usage> {
        match self.text(long)? {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| {
                self.usage(format!(
                    "« --{long} » attend un nombre entier positif, pas « {v} »"
                ))
            }),
        }
    }

    /// `--appel PROFIL.ron`.
    pub fn profile(&self) -> Result<Option<PathBuf>, Usage> {
        self.path("appel")
    }
}
