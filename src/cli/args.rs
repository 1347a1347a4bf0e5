//! A small argument reader shared by the commands: options with values,
//! flags, positional files, and `--appel` accepted everywhere.

use std::ffi::OsString;
use std::path::PathBuf;

/// The arguments of one command, read in order.
pub struct Args<'a> {
    items: std::slice::Iter<'a, OsString>,
    /// `--appel PROFIL.ron`, taken wherever it stands.
    pub profile: Option<PathBuf>,
}

/// One argument.
pub enum Arg<'a> {
    /// `--name` (or `-o`).
    Option(&'a str),
    /// Anything else: a file.
    Positional(&'a OsString),
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [OsString]) -> Self {
        Self {
            items: args.iter(),
            profile: None,
        }
    }

    /// The next argument, with `--appel` consumed on the way.
    pub fn next(&mut self) -> Result<Option<Arg<'a>>, String> {
        loop {
            let Some(arg) = self.items.next() else {
                return Ok(None);
            };
            match arg.to_str() {
                Some("--appel") => {
                    self.profile = Some(self.path("--appel attend le fichier du profil d'appel")?);
                }
                Some(s) if s.starts_with('-') && s.len() > 1 => return Ok(Some(Arg::Option(s))),
                _ => return Ok(Some(Arg::Positional(arg))),
            }
        }
    }

    /// The files of a command that takes no option: at most `max` of them,
    /// `too_many` said when there are more.
    pub fn files_only(&mut self, max: usize, too_many: &str) -> Result<Vec<PathBuf>, String> {
        let mut files = Vec::new();
        while let Some(arg) = self.next()? {
            match arg {
                Arg::Option(o) => return Err(format!("option inconnue « {o} »")),
                Arg::Positional(_) if files.len() == max => return Err(too_many.to_string()),
                Arg::Positional(a) => files.push(PathBuf::from(a)),
            }
        }
        Ok(files)
    }

    /// The value of an option that names a file.
    pub fn path(&mut self, missing: &str) -> Result<PathBuf, String> {
        self.items
            .next()
            .map(PathBuf::from)
            .ok_or_else(|| missing.to_string())
    }

    /// The value of an option as text.
    pub fn text(&mut self, missing: &str) -> Result<&'a str, String> {
        self.items
            .next()
            .and_then(|v| v.to_str())
            .ok_or_else(|| missing.to_string())
    }

    /// The value of an option as a number.
    pub fn number<T: std::str::FromStr>(&mut self, missing: &str) -> Result<T, String> {
        self.text(missing)?
            .trim()
            .parse()
            .map_err(|_| missing.to_string())
    }
}

/// Stores a positional file in the first empty slot.
pub fn positional(slot: &mut Option<PathBuf>, arg: &OsString, extra: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(extra.to_string());
    }
    *slot = Some(PathBuf::from(arg));
    Ok(())
}

/// The arguments without `--appel PROFIL` (for commands that read their
/// own arguments), and the profile given.
pub fn without_profile(args: &[OsString]) -> (Vec<OsString>, Option<PathBuf>) {
    let mut rest = Vec::with_capacity(args.len());
    let mut profile = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a.to_str() == Some("--appel") {
            profile = it.next().map(PathBuf::from);
        } else {
            rest.push(a.clone());
        }
    }
    (rest, profile)
}
