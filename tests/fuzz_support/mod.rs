//! The fuzz harness's runner: each input is given to the real program in a
//! child process, under GNU time (its peak resident memory), `timeout`
//! (no hang) and `prlimit` (an address-space cap that keeps a runaway from
//! taking the machine down; reaching it aborts, which is a failure too).
#![allow(dead_code)]

pub mod mutate;
pub mod seeds;
pub mod xls;
pub mod zipgen;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The program under test: the one cargo built with this test, or
/// `FUZZ_BIN` (a copy taken aside, or a release build).
pub fn bin() -> std::ffi::OsString {
    std::env::var_os("FUZZ_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_cluster-dossier").into())
}

/// The bound on peak memory.
pub const MAX_RSS_KB: u64 = 256 * 1024;
/// The address space a run may take before it aborts (a runaway stops
/// there instead of swapping the machine).
const ADDRESS_SPACE: u64 = 2 << 30;
/// A run taking longer has hung.
const TIMEOUT_S: u32 = 60;
/// A run taking more processor time is too slow for a file within the
/// limits (debug build). Processor time, not wall time: on a shared
/// machine a run of 8 s took 23 s.
const SLOW_S: f64 = 20.0;

/// How one run ended.
#[derive(Debug)]
pub struct Run {
    /// Exit code (a signal `N` shows as 128 + N, as the shell says).
    pub code: i32,
    pub rss_kb: u64,
    pub stdout: String,
    pub stderr: String,
    /// Wall time.
    pub seconds: f64,
    /// Processor time (user and system) when GNU time measured it, else
    /// the wall time.
    pub cpu_seconds: f64,
}

impl Run {
    /// Why this end is not acceptable: exit 0, 1 or 2 with French words,
    /// no panic, under the memory bound, no huge echo.
    pub fn problem(&self) -> Option<String> {
        let short: String = self.stderr.chars().take(400).collect();
        if !matches!(self.code, 0..=2) {
            let what = match self.code {
                101 => "panique (101)".to_string(),
                124 | 137 => format!("bloqué plus de {TIMEOUT_S} s ({})", self.code),
                134 => "abandon (134, SIGABRT)".to_string(),
                c if c > 128 => format!("signal {}", c - 128),
                c => format!("code {c}"),
            };
            return Some(format!("{what}: {short}"));
        }
        if self.stderr.contains("panicked") || self.stderr.contains("RUST_BACKTRACE") {
            return Some(format!("panique rattrapée : {short}"));
        }
        if self.cpu_seconds > SLOW_S {
            return Some(format!(
                "lent : {:.0} s de processeur ({:.0} s en tout)",
                self.cpu_seconds, self.seconds
            ));
        }
        if self.rss_kb >= MAX_RSS_KB {
            return Some(format!("{} Mo de mémoire", self.rss_kb / 1024));
        }
        // Progress lines (« Lecture du tableur : 15 000 lignes ») may come
        // before the error.
        if self.code == 2 && !self.stderr.lines().any(|l| l.starts_with("Erreur")) {
            return Some(format!("message d'erreur non français : {short}"));
        }
        self.echo()
    }

    /// An output far longer than any message: a value echoed whole.
    pub fn echo(&self) -> Option<String> {
        (self.stderr.len() > 64 * 1024 || self.stdout.len() > 4 << 20).then(|| {
            format!(
                "sortie démesurée ({} + {} octets)",
                self.stdout.len(),
                self.stderr.len()
            )
        })
    }

    /// [`Run::problem`] without [`Run::echo`].
    pub fn crash_or_memory(&self) -> Option<String> {
        let problem = self.problem()?;
        (self.echo().as_deref() != Some(problem.as_str())).then_some(problem)
    }
}

/// Runs the program with `args`, measured.
pub fn run(args: &[&OsStr], scratch: &Path) -> Run {
    let rss_file = scratch.join("rss.txt");
    let _ = std::fs::remove_file(&rss_file);
    let started = std::time::Instant::now();
    // Without GNU time (`apt-get install time`) the memory is not measured.
    let measured = Path::new("/usr/bin/time").exists();
    let mut command = if measured {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f")
            .arg("%M %U %S")
            .arg("-o")
            .arg(&rss_file)
            .arg("timeout");
        c
    } else {
        Command::new("timeout")
    };
    let out = command
        .arg("-s")
        .arg("KILL")
        .arg(TIMEOUT_S.to_string())
        .arg("prlimit")
        .arg(format!("--as={ADDRESS_SPACE}"))
        .arg("--")
        .arg(bin())
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("timeout and prlimit run (coreutils, util-linux)");
    let seconds = started.elapsed().as_secs_f64();
    // GNU time's last line: peak kB, user and system seconds.
    let measures: Vec<f64> = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|t| t.lines().last().map(str::to_string))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let rss_kb = measures.first().map_or(0, |kb| *kb as u64);
    let cpu_seconds = match measures.get(1..3) {
        Some([u, s]) => u + s,
        _ => seconds,
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        rss_kb,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        seconds,
        cpu_seconds,
    }
}

/// What is fuzzed, and how the program is asked to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Csv,
    Xlsx,
    Xls,
    Ods,
    Dossier,
    Profile,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Csv,
        Target::Xlsx,
        Target::Xls,
        Target::Ods,
        Target::Dossier,
        Target::Profile,
    ];

    pub fn dir(self) -> &'static str {
        match self {
            Target::Csv => "csv",
            Target::Xlsx => "xlsx",
            Target::Xls => "xls",
            Target::Ods => "ods",
            Target::Dossier => "dossier",
            Target::Profile => "profil",
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Target::Dossier | Target::Profile => "ron",
            t => t.dir(),
        }
    }

    pub fn zipped(self) -> bool {
        matches!(self, Target::Xlsx | Target::Ods)
    }
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

/// The seeds of a target, sorted by name.
pub fn load_seeds(target: Target) -> Vec<(String, Vec<u8>)> {
    let dir = corpus_dir().join(target.dir());
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&p).expect("seed"))
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seed in {}", dir.display());
    seeds
}

/// Runs `input` as `target` in `scratch`; `dossier` is an empty dossier's
/// bytes for the imports.
pub fn run_input(target: Target, input: &[u8], scratch: &Path, dossier: &[u8]) -> Run {
    let file = scratch.join(format!("entree.{}", target.ext()));
    std::fs::write(&file, input).expect("input written");
    match target {
        Target::Dossier => run(&["check".as_ref(), file.as_os_str()], scratch),
        Target::Profile => run(&["check-profile".as_ref(), file.as_os_str()], scratch),
        _ => {
            let into = scratch.join("dossier.ron");
            std::fs::write(&into, dossier).expect("dossier written");
            run(
                &[
                    "import-members".as_ref(),
                    file.as_os_str(),
                    "--into".as_ref(),
                    into.as_os_str(),
                ],
                scratch,
            )
        }
    }
}
