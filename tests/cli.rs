//! The headless commands, run as the built binary: exit codes (0 ready,
//! 1 blocking findings, 2 unreadable), what they print and what they write
//! (or refuse to overwrite).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use cluster_dossier::model::Dossier;
use cluster_dossier::model::rules::{self, CheckContext};
use cluster_dossier::print::{self, RenderOptions};
use cluster_dossier::service::jobs::per_copy_path;
use cluster_dossier::store;

use common::{example, example_with_engaged, profile};

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("an exit code, not a signal")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 output")
}

/// Saves `d` as `name` in `dir`.
fn saved(dir: &Path, name: &str, d: &Dossier) -> PathBuf {
    let path = dir.join(name);
    store::save(&path, d).expect("saved");
    path
}

/// The example with 14 engaged members: one blocking finding.
fn fourteen_members() -> Dossier {
    example_with_engaged(14)
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

#[test]
fn check_on_the_example_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "exemple.ron", &example());
    let out = run(&[p("check"), &file]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Résumé : 0 point bloquant"), "{text}");
    assert!(!text.contains("BLOQUANT :"), "{text}");
}

#[test]
fn check_on_a_blocked_dossier_exits_1_and_prints_the_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "quatorze.ron", &fourteen_members());
    let out = run(&[p("check"), &file]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("✗ BLOQUANT : 14 membres engagés : le minimum exigé est 15"),
        "{text}"
    );
    assert!(text.contains("Résumé : 1 point bloquant"), "{text}");
}

#[test]
fn check_on_a_missing_or_garbage_file_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("absent.ron");
    let out = run(&[p("check"), &missing]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("absent.ron"), "{}", stderr(&out));

    let garbage = dir.path().join("garbage.ron");
    fs::write(&garbage, b"\x00\x9f\x92\x96 pas un dossier (((").expect("written");
    let out = run(&[p("check"), &garbage]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("garbage.ron"), "{}", stderr(&out));

    let text_garbage = dir.path().join("texte.ron");
    fs::write(&text_garbage, "(members: \"x\")").expect("written");
    let out = run(&[p("check"), &text_garbage]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("ligne 1, colonne 11"),
        "{}",
        stderr(&out)
    );

    // No file at all is a usage error, same code.
    assert_eq!(code(&run(&[p("check")])), 2);
}

#[test]
fn new_creates_a_file_that_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blank = dir.path().join("vide.ron");
    let out = run(&[p("new"), &blank]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        store::load(&blank).expect("loads"),
        Dossier::new_for(&profile())
    );

    let with_example = dir.path().join("exemple.ron");
    let out = run(&[p("new"), &with_example, p("--example")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(store::load(&with_example).expect("loads"), example());
    // The created example passes its own check.
    assert_eq!(code(&run(&[p("check"), &with_example])), 0);
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("existant.ron");
    fs::write(&file, "mon travail").expect("written");
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(when))
        .expect("mtime set");

    for args in [vec![p("new"), &file], vec![p("new"), p("--example"), &file]] {
        let out = run(&args);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("existe déjà"), "{}", stderr(&out));
        assert_eq!(fs::read_to_string(&file).expect("readable"), "mon travail");
        assert_eq!(
            fs::metadata(&file)
                .and_then(|m| m.modified())
                .expect("mtime"),
            when
        );
    }
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("listing")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no backup or temporary file: {names:?}");
}

#[test]
fn render_final_on_a_blocked_dossier_exits_1_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "quatorze.ron", &fourteen_members());
    let pdf = dir.path().join("dossier.pdf");
    let out = run(&[p("render"), &file, p("-o"), &pdf, p("--final")]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("14 membres engagés"),
        "the reason is given: {}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("listing")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "only the dossier: {names:?}");
}

#[test]
fn render_writes_the_same_pdf_as_the_library() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = example();
    let file = saved(dir.path(), "exemple.ron", &d);
    let pdf = dir.path().join("dossier.pdf");
    let out = run(&[p("render"), &file, p("-o"), &pdf]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let bytes = fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    // Another process, same bytes: nothing depends on process state.
    let pr = profile();
    let findings = rules::check(
        &d,
        &pr,
        &CheckContext {
            now_unix: cluster_dossier::now_unix(),
        },
    );
    // The CLI's PDF names the dossier it came from (`jobs::source_mark`).
    let mark = cluster_dossier::service::jobs::source_mark(&file);
    let none = cluster_dossier::attach::Attachments::default();
    let options = RenderOptions::default();
    let expected =
        print::render_marked(&d, &pr, &findings, &options, &none, Some(&mark)).expect("renders");
    assert!(
        bytes == expected.pdfs[0],
        "the CLI's PDF differs from the library's"
    );
}

#[test]
fn render_per_copy_writes_one_file_per_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "exemple.ron", &example());
    let pdf = dir.path().join("dossier.pdf");
    let out = run(&[
        p("render"),
        &file,
        p("-o"),
        &pdf,
        p("--per-copy"),
        p("--copies"),
        p("2"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!pdf.exists(), "copies have their own names");
    for k in 1..=2 {
        let path = per_copy_path(&pdf, k);
        assert_eq!(path, dir.path().join(format!("dossier-exemplaire-{k}.pdf")));
        assert!(fs::read(&path).expect("written").starts_with(b"%PDF-"));
    }
    assert!(!per_copy_path(&pdf, 3).exists());
}

// ------------------------------------------------------------ the command line itself

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// A usage error: exit 2, nothing on stdout, one message on stderr that
/// names `must` and points to the command's help.
fn assert_usage(out: &Output, command: &str, must: &str) {
    let err = stderr(out);
    assert_eq!(code(out), 2, "{err}");
    assert_eq!(stdout(out), "", "{err}");
    assert!(err.contains(must), "{must}: {err}");
    assert!(
        err.contains(&format!("Voir « cluster-dossier {command} --help ».")),
        "{err}"
    );
    assert_eq!(err.matches("Erreur").count(), 1, "reported once: {err}");
}

#[test]
fn every_command_has_its_help_three_ways() {
    let specs = cluster_dossier::cli::SPECS;
    assert!(!specs.is_empty());
    let general = run(&[p("--help")]);
    assert_eq!(code(&general), 0);
    let general = stdout(&general);
    assert!(general.contains("Codes de sortie"), "{general}");
    for spec in specs {
        let name = spec.name;
        assert!(
            general.contains(&format!("\n  {name} ")),
            "{name}: {general}"
        );
        let outs = [
            run(&[p("help"), p(name)]),
            run(&[p(name), p("--help")]),
            run(&[p(name), p("-h")]),
        ];
        let text = stdout(&outs[0]);
        for out in &outs {
            assert_eq!(code(out), 0, "{name}");
            assert_eq!(stderr(out), "", "{name}");
            assert_eq!(stdout(out), text, "{name}: the same help every way");
        }
        for must in [
            format!("cluster-dossier {name} — "),
            "Utilisation :".to_string(),
            "Options :".to_string(),
            "--appel".to_string(),
            "Exemple".to_string(),
            format!("  cluster-dossier {name} "),
            "Codes de sortie :".to_string(),
            "\n  0   ".to_string(),
            "\n  2   ".to_string(),
        ] {
            assert!(text.contains(&must), "{name}: {must}\n{text}");
        }
        for opt in spec.options {
            assert!(
                text.contains(&format!("--{}", opt.long)),
                "{name}: {}",
                opt.long
            );
        }
    }
    // `help` and `--help` alone give the same list.
    assert_eq!(stdout(&run(&[p("help")])), general);
    assert_eq!(stdout(&run(&[p("-h")])), general);
}

#[test]
fn version_is_unchanged() {
    for flag in ["--version", "-V"] {
        let out = run(&[p(flag)]);
        assert_eq!(code(&out), 0);
        assert_eq!(
            stdout(&out),
            format!("cluster-dossier {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn copies_with_an_equals_sign_or_a_space() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "exemple.ron", &example());
    for (k, copies) in [["--copies=2"].as_slice(), ["--copies", "2"].as_slice()]
        .into_iter()
        .enumerate()
    {
        let pdf = dir.path().join(format!("d{k}.pdf"));
        let mut args = vec![p("render"), &file, p("-o"), &pdf];
        args.extend(copies.iter().map(|a| p(a)));
        let out = run(&args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).contains("2 exemplaire(s)"), "{}", stdout(&out));
    }
    assert_eq!(
        fs::read(dir.path().join("d0.pdf")).expect("written"),
        fs::read(dir.path().join("d1.pdf")).expect("written")
    );
    let eq = dir.path().join("eq.pdf");
    let out = run(&[p("render"), &file, p(&format!("--output={}", eq.display()))]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(eq.exists());
}

#[test]
fn double_dash_lets_a_file_start_with_a_dash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run_in(dir.path(), &["new", "--example", "--", "-x.ron"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        store::load(&dir.path().join("-x.ron")).expect("loads"),
        example()
    );
    let out = run_in(dir.path(), &["check", "--", "-x.ron"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("« -x.ron »"), "{}", stdout(&out));
    // Without `--` it is an unknown option, and the message says how.
    let out = run_in(dir.path(), &["check", "-x.ron"]);
    assert_usage(&out, "check", "check -- -x.ron");
}

#[test]
fn unknown_options_name_the_option_and_the_help_of_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    for spec in cluster_dossier::cli::SPECS {
        let mut args: Vec<&str> = spec.examples[0].split_whitespace().collect();
        args.push("--bogus");
        let out = run_in(dir.path(), &args);
        assert_usage(&out, spec.name, "option inconnue « --bogus »");
        assert_eq!(
            fs::read_dir(dir.path()).expect("listing").count(),
            0,
            "{}: nothing written",
            spec.name
        );
    }
    let out = run(&[p("rendre"), p("d.ron")]);
    let err = stderr(&out);
    assert_eq!(code(&out), 2);
    assert!(err.contains("commande inconnue « rendre »"), "{err}");
    assert!(err.contains("« render »"), "{err}");
    assert!(err.contains("Voir « cluster-dossier --help »."), "{err}");
}

#[test]
fn a_missing_value_names_the_option() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = saved(dir.path(), "exemple.ron", &example());
    let f = file.to_str().expect("UTF-8 path");
    for (args, command, must) in [
        (
            vec!["render", f, "-o"],
            "render",
            "l'option « -o » attend une valeur (SORTIE.pdf)",
        ),
        (
            vec!["render", f, "-o", "--final"],
            "render",
            "« -o » attend une valeur",
        ),
        (
            vec!["render", f, "-o", "x.pdf", "--copies"],
            "render",
            "« --copies » attend une valeur (N)",
        ),
        (
            vec!["render", f, "-o", "x.pdf", "--copies="],
            "render",
            "« --copies » attend une valeur (N)",
        ),
        (
            vec!["render", f, "-o", "x.pdf", "--copies=trois"],
            "render",
            "« --copies » attend un nombre entier positif, pas « trois »",
        ),
        (
            vec!["render", f, "-o="],
            "render",
            "« -o » attend une valeur",
        ),
        (
            vec!["import-members", "m.csv", "--into"],
            "import-members",
            "« --into » attend une valeur",
        ),
        (
            vec!["check", f, "--appel"],
            "check",
            "« --appel » attend une valeur (PROFIL.ron)",
        ),
        (
            vec!["export-profile", "p.ron", "--edition"],
            "export-profile",
            "« --edition » attend",
        ),
        (
            vec!["new", "n.ron", "--synthetic", "--members"],
            "new",
            "« --members » attend",
        ),
    ] {
        let out = run_in(dir.path(), &args);
        assert_usage(&out, command, must);
    }
    assert!(!dir.path().join("x.pdf").exists());
    assert!(!dir.path().join("--final").exists());
}

/// Every exit code, each from a real run, each failure reported once on
/// stderr.
#[test]
fn each_exit_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ready = saved(dir.path(), "pret.ron", &example());
    let blocked = saved(dir.path(), "quatorze.ron", &fourteen_members());
    let pdf = dir.path().join("d.pdf");
    // 0: done.
    for args in [
        vec![p("check"), &ready],
        vec![p("render"), &ready, p("-o"), &pdf],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("Erreur"), "{}", stderr(&out));
    }
    // 1: blocking points, found by check (on stdout, it is the report) or
    // refusing a final print (on stderr, it is why nothing was written).
    let out = run(&[p("check"), &blocked]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), "");
    let final_pdf = dir.path().join("final.pdf");
    let out = run(&[p("render"), &blocked, p("-o"), &final_pdf, p("--final")]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out).matches("Impression finale refusée").count(), 1);
    assert!(!final_pdf.exists());
    // 2: nothing done — unreadable, refused, or a usage error.
    let missing = dir.path().join("absent.ron");
    let out = run(&[p("check"), &missing]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out).matches("Erreur").count(),
        1,
        "{}",
        stderr(&out)
    );
    let out = run(&[p("new"), &ready]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out).matches("existe déjà").count(),
        1,
        "{}",
        stderr(&out)
    );
    assert_usage(
        &run(&[p("render"), &ready]),
        "render",
        "« render » attend -o SORTIE.pdf",
    );
}
