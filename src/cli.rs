//! Headless commands over the same code the GUI uses.
//!
//! ```text
//! cluster-dossier [FICHIER]                 ouvre l'assistant
//! cluster-dossier check FICHIER             liste les constats, code 0/1/2
//! cluster-dossier new FICHIER [--example]   crée un dossier vide (ou l'exemple)
//! cluster-dossier new --synthetic --members N --projects N FICHIER
//! cluster-dossier render FICHIER -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]
//! ```

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::model::rules::{self, CheckContext};
use crate::model::{CallProfile, Dossier, Finding, Section, Severity};
use crate::store;

/// Exit codes of `check` and `render`.
pub const EXIT_OK: u8 = 0;
pub const EXIT_BLOCKING: u8 = 1;
pub const EXIT_UNREADABLE: u8 = 2;

const USAGE: &str = "\
Dossier Cluster — dossier de candidature « Soutien à la dynamique des clusters marocains »

Utilisation :
  cluster-dossier [FICHIER.ron]                 ouvre l'assistant (fenêtre)
  cluster-dossier check FICHIER.ron             vérifie le dossier (code 0 : aucun point bloquant,
                                                1 : points bloquants, 2 : fichier illisible)
  cluster-dossier new FICHIER.ron [--example]   crée un dossier vide, ou l'exemple fourni
  cluster-dossier new --synthetic [--members N] [--projects N] FICHIER.ron
                                                crée un grand dossier fictif (essais, mesures)
  cluster-dossier render FICHIER.ron -o SORTIE.pdf [--copies N] [--final | --draft | --blank] [--per-copy]
                                                imprime le dossier en PDF
  cluster-dossier import-members TABLEUR --into FICHIER.ron [--merge] [--map \"Colonne=champ,...\"]
                [--activite-par-defaut industrielle|technologique|specifique|autre]
                [--categorie-par-defaut engagee|interessee|formation|autre]
                                                importe le registre des membres (CSV, XLSX, ODS) ;
                                                les lignes sans activité ou sans catégorie ne sont
                                                importées qu'avec le choix donné par ces options
                                                champs : nom categorie activite secteur ville taille ice rc if
                                                cnss contact fonction email telephone adhesion cotisation ignorer
  cluster-dossier export-tables FICHIER.ron -o TABLEAUX.xlsx
                                                exporte le budget et les indicateurs pour le trésorier
                                                imprime le dossier en PDF
";

pub fn main(args: Vec<OsString>) -> ExitCode {
    let first = args.first().and_then(|a| a.to_str()).unwrap_or("");
    match first {
        "check" => ExitCode::from(check_command(&args[1..])),
        "new" => ExitCode::from(new_command(&args[1..])),
        "render" => ExitCode::from(render_command(&args[1..])),
        "import-members" => ExitCode::from(import_command(&args[1..])),
        "export-tables" => ExitCode::from(export_command(&args[1..])),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        "--version" | "-V" => {
            println!("cluster-dossier {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ if args.len() <= 1 && !first.starts_with('-') => {
            crate::ui::run(args.first().map(PathBuf::from))
        }
        _ => {
            eprint!("Commande inconnue « {first} ».\n\n{USAGE}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// The profile of a dossier's edition, or an error message.
pub fn profile_for(dossier: &Dossier) -> Result<CallProfile, String> {
    CallProfile::bundled(&dossier.edition).ok_or_else(|| {
        format!(
            "édition « {} » de l'appel inconnue de cette version",
            dossier.edition
        )
    })
}

/// The findings as of now (the deadline rule reads the clock here, at the edge).
pub fn check_now(dossier: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    rules::check(
        dossier,
        profile,
        &CheckContext {
            now_unix: crate::now_unix(),
        },
    )
}

/// The folder attachment paths are relative to: the dossier file's.
pub fn base_dir(dossier_path: &Path) -> PathBuf {
    match dossier_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The rules' findings plus the attachments' (read from disk here), and the
/// attachments that could be read.
pub fn check_with_attachments(
    path: &Path,
    dossier: &Dossier,
    profile: &CallProfile,
) -> (crate::attach::Attachments, Vec<Finding>) {
    let mut findings = check_now(dossier, profile);
    let (attachments, problems) = crate::attach::load(dossier, profile, &base_dir(path));
    findings.extend(problems);
    findings.sort_by_key(|f| (f.severity, f.section));
    (attachments, findings)
}

/// Loads a dossier and its profile, printing the error on failure.
pub fn load_or_report(path: &Path) -> Option<(Dossier, CallProfile)> {
    match store::load(path) {
        Ok(d) => match profile_for(&d) {
            Ok(p) => Some((d, p)),
            Err(e) => {
                eprintln!("Erreur : « {} » : {e}", path.display());
                None
            }
        },
        Err(e) => {
            eprintln!("Erreur : {e}");
            None
        }
    }
}

fn check_command(args: &[OsString]) -> u8 {
    let [path] = args else {
        eprint!("« check » attend un fichier.\n\n{USAGE}");
        return EXIT_UNREADABLE;
    };
    let path = Path::new(path);
    let Some((dossier, profile)) = load_or_report(path) else {
        return EXIT_UNREADABLE;
    };
    let (_, findings) = check_with_attachments(path, &dossier, &profile);
    let mut out = std::io::stdout().lock();
    let _ = write_report(&mut out, path, &findings);
    if findings.iter().any(Finding::is_blocking) {
        EXIT_BLOCKING
    } else {
        EXIT_OK
    }
}

/// Findings grouped by section in dossier order, then a summary line.
pub fn write_report(
    out: &mut impl Write,
    path: &Path,
    findings: &[Finding],
) -> std::io::Result<()> {
    writeln!(out, "Vérification de « {} »", path.display())?;
    for section in Section::ALL {
        let mut in_section: Vec<&Finding> =
            findings.iter().filter(|f| f.section == section).collect();
        if in_section.is_empty() {
            continue;
        }
        in_section.sort_by_key(|f| f.severity);
        writeln!(out, "\n{}", section.label())?;
        for f in in_section {
            let mark = match f.severity {
                Severity::Blocking => "✗ BLOQUANT",
                Severity::Warning => "! attention",
            };
            writeln!(out, "  {mark} : {}  [{}]", f.message, f.field)?;
        }
    }
    let (blocking, warnings) = rules::summary(findings);
    let verdict = if blocking == 0 {
        "aucun point bloquant : le dossier peut être imprimé en version finale"
    } else {
        "le dossier serait refusé en l'état"
    };
    writeln!(
        out,
        "\nRésumé : {blocking} point{} bloquant{}, {warnings} avertissement{} — {verdict}.",
        plural(blocking),
        plural(blocking),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

fn new_command(args: &[OsString]) -> u8 {
    let mut example = false;
    let mut synthetic = false;
    let mut members = 300usize;
    let mut projects = 40usize;
    let mut file: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--example") => example = true,
            Some("--synthetic") => synthetic = true,
            Some("--members") => match it
                .next()
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse().ok())
            {
                Some(n) => members = n,
                None => return usage_error("--members attend un nombre"),
            },
            Some("--projects") => match it
                .next()
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse().ok())
            {
                Some(n) => projects = n,
                None => return usage_error("--projects attend un nombre"),
            },
            Some(s) if s.starts_with("--") => {
                return usage_error(&format!("option inconnue « {s} »"));
            }
            _ if file.is_none() => file = Some(PathBuf::from(arg)),
            _ => return usage_error("un seul fichier attendu"),
        }
    }
    let Some(file) = file else {
        return usage_error("« new » attend le fichier à créer");
    };
    if file.exists() {
        eprintln!(
            "Erreur : « {} » existe déjà ; il n'a pas été modifié.",
            file.display()
        );
        return EXIT_UNREADABLE;
    }
    let profile = CallProfile::edition_2026();
    let dossier = if synthetic {
        crate::model::synthetic::dossier(&profile, members, projects)
    } else if example {
        match crate::example_dossier() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("Erreur : {e}");
                return EXIT_UNREADABLE;
            }
        }
    } else {
        Dossier::new_for(&profile)
    };
    match store::save(&file, &dossier) {
        Ok(()) => {
            println!("Dossier créé : {}", file.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}

fn usage_error(message: &str) -> u8 {
    eprint!("Erreur : {message}.\n\n{USAGE}");
    EXIT_UNREADABLE
}

fn render_command(args: &[OsString]) -> u8 {
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut options = crate::print::RenderOptions::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("-o" | "--output") => match it.next() {
                Some(v) => output = Some(PathBuf::from(v)),
                None => return usage_error("-o attend le fichier PDF à écrire"),
            },
            Some("--copies") => match it
                .next()
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse().ok())
            {
                Some(n) => options.copies = Some(n),
                None => return usage_error("--copies attend un nombre"),
            },
            Some("--final") => options.final_mode = true,
            Some("--per-copy") => options.per_copy = true,
            Some("--draft") => options.draft = true,
            Some("--blank") => options.blank = true,
            Some(s) if s.starts_with('-') => {
                return usage_error(&format!("option inconnue « {s} »"));
            }
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return usage_error("un seul dossier attendu"),
        }
    }
    if [options.final_mode, options.draft, options.blank]
        .iter()
        .filter(|x| **x)
        .count()
        > 1
    {
        return usage_error("--final, --draft et --blank s'excluent");
    }
    let (Some(input), Some(output)) = (input, output) else {
        return usage_error("« render » attend un dossier et -o SORTIE.pdf");
    };
    let Some((dossier, profile)) = load_or_report(&input) else {
        return EXIT_UNREADABLE;
    };
    let (attachments, findings) = check_with_attachments(&input, &dossier, &profile);
    let rendered =
        match crate::print::render_with(&dossier, &profile, &findings, &options, &attachments) {
            Ok(r) => r,
            Err(crate::print::RenderError::Blocking(blocking)) => {
                eprintln!(
                    "Impression finale refusée : le dossier a {} point(s) bloquant(s).",
                    blocking.len()
                );
                let _ = write_report(&mut std::io::stderr().lock(), &input, &blocking);
                return EXIT_BLOCKING;
            }
            Err(e) => {
                eprintln!("Erreur : {e}");
                return EXIT_UNREADABLE;
            }
        };
    for w in &rendered.warnings {
        eprintln!("Attention : {w}");
    }
    match write_pdfs(&rendered.pdfs, &output) {
        Ok(files) => {
            for path in files {
                println!("PDF écrit : {}", path.display());
            }
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            return EXIT_UNREADABLE;
        }
    }
    println!(
        "{} exemplaire(s) de {} pages{}.",
        rendered.copies,
        rendered.pages_per_copy,
        if rendered.draft {
            ", BROUILLON (points bloquants restants)"
        } else {
            ""
        }
    );
    if std::env::var_os("CLUSTER_DOSSIER_STATS").is_some() {
        print_stats(rendered.copies as usize * rendered.pages_per_copy);
    }
    EXIT_OK
}

/// Writes the rendered PDFs: to `output`, or one file per copy beside it.
/// Returns the files written.
pub fn write_pdfs(pdfs: &[Vec<u8>], output: &Path) -> Result<Vec<PathBuf>, store::StoreError> {
    let files: Vec<PathBuf> = if pdfs.len() == 1 {
        vec![output.to_path_buf()]
    } else {
        (1..=pdfs.len()).map(|k| per_copy_path(output, k)).collect()
    };
    for (path, bytes) in files.iter().zip(pdfs) {
        store::write_atomic(path, bytes, false)?;
    }
    Ok(files)
}

/// `dossier.pdf` → `dossier-exemplaire-2.pdf`.
pub fn per_copy_path(output: &Path, copy: usize) -> PathBuf {
    let stem = output
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("dossier");
    output.with_file_name(format!("{stem}-exemplaire-{copy}.pdf"))
}

/// Peak memory of this process (Linux), for the benchmarks.
fn print_stats(pages: usize) {
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
        });
    match peak {
        Some(kb) => println!(
            "Statistiques : {pages} pages, mémoire de pointe {:.1} Mo (cible ≤ 100 Mo)",
            kb as f64 / 1024.0
        ),
        None => println!("Statistiques : {pages} pages, mémoire de pointe inconnue sur ce système"),
    }
}

fn import_command(args: &[OsString]) -> u8 {
    use crate::import::console::{self, Failure};
    let req = match console::Request::parse(args) {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    let Some((mut dossier, _profile)) = load_or_report(&req.into) else {
        return EXIT_UNREADABLE;
    };
    let plan = match console::plan(&req, &dossier) {
        Ok(p) => p,
        Err(Failure::Usage(e)) => return usage_error(&e),
        Err(Failure::Unreadable(e)) => {
            eprintln!("Erreur : {e}");
            return EXIT_UNREADABLE;
        }
    };
    if plan.is_empty() {
        println!(
            "Rien à importer : {}. Le dossier n'a pas été modifié.",
            plan.summary()
        );
        return EXIT_OK;
    }
    plan.apply(&mut dossier);
    if let Err(e) = store::save(&req.into, &dossier) {
        eprintln!("Erreur : {e}");
        return EXIT_UNREADABLE;
    }
    println!(
        "{} — dossier enregistré : {}",
        plan.summary(),
        req.into.display()
    );
    EXIT_OK
}

fn export_command(args: &[OsString]) -> u8 {
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("-o" | "--output") => match it.next() {
                Some(v) => output = Some(PathBuf::from(v)),
                None => return usage_error("-o attend le fichier XLSX à écrire"),
            },
            Some(s) if s.starts_with('-') => {
                return usage_error(&format!("option inconnue « {s} »"));
            }
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return usage_error("un seul dossier attendu"),
        }
    }
    let (Some(input), Some(output)) = (input, output) else {
        return usage_error("« export-tables » attend un dossier et -o TABLEAUX.xlsx");
    };
    let Some((dossier, profile)) = load_or_report(&input) else {
        return EXIT_UNREADABLE;
    };
    let written = crate::export::tables_xlsx(&dossier, &profile)
        .map_err(|e| e.to_string())
        .and_then(|bytes| store::write_atomic(&output, &bytes, false).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            println!("Tableaux exportés : {}", output.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("Erreur : {e}");
            EXIT_UNREADABLE
        }
    }
}
