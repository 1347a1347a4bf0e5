//! Issue 16, item 3: no command and no wizard action writes over anything
//! the dossier reads. A dossier with two attachments, a profile file made
//! by `export-profile` and another dossier beside it; for every output
//! (each command through the binary, each wizard action through the
//! service call it makes) and every protected path under several names,
//! the output is refused with exit code 2 or an error, in French, naming
//! the file and what it is, and every file of the folder is unchanged —
//! none written, none created.

mod outputs_support;

use std::path::{Path, PathBuf};

use cluster_dossier::model::edition;
use cluster_dossier::print::{PrintMode, RenderOptions};
use cluster_dossier::service::jobs::{self, JobError, PrintJob, Role, Writer};

use outputs_support::{
    Case, assert_french, fixture, named_files, protected, run, snapshot, spellings, stderr,
};

/// The rule knows every file the dossier names: the files found in the
/// saved dossier's text are exactly its attachments and profile in
/// `jobs::inputs` (a new kind of path field would fail here until the rule
/// protects it).
#[test]
fn the_rule_knows_every_file_the_dossier_names() {
    let fx = fixture();
    let named = named_files(&fx);
    let mut known: Vec<PathBuf> = jobs::inputs(&fx.dossier, &fx.profile, Some(&fx.path), None)
        .into_iter()
        .filter(|i| i.role != Role::Dossier)
        .map(|i| i.path)
        .collect();
    known.sort();
    known.dedup();
    assert_eq!(named, known);
    let attachments = jobs::inputs(&fx.dossier, &fx.profile, Some(&fx.path), None)
        .into_iter()
        .filter(|i| matches!(i.role, Role::Attachment(_)))
        .count();
    assert_eq!(attachments, 2, "the fixture has two attachments");
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

/// The commands, each aimed at `target`; whether it knows the dossier (and
/// so names what the file is to it).
fn commands(fx: &outputs_support::Fixture, target: &Path) -> Vec<(Vec<PathBuf>, bool)> {
    let d = fx.path.clone();
    let appel = fx.profile_file.clone();
    let t = target.to_path_buf();
    let o = |s: &str| PathBuf::from(s);
    vec![
        (vec![o("render"), d.clone(), o("-o"), t.clone()], true),
        (
            vec![o("render"), d.clone(), o("-o"), t.clone(), o("--draft")],
            true,
        ),
        (
            vec![o("render"), d.clone(), o("-o"), t.clone(), o("--per-copy")],
            true,
        ),
        (
            vec![
                o("render"),
                d.clone(),
                o("-o"),
                t.clone(),
                o("--appel"),
                appel.clone(),
            ],
            true,
        ),
        (
            vec![o("export-tables"), d.clone(), o("-o"), t.clone()],
            true,
        ),
        (vec![o("export-profile"), t.clone()], false),
        (vec![o("new"), t.clone()], false),
        (vec![o("new"), o("--example"), t.clone()], false),
        (
            vec![o("new"), t.clone(), o("--appel"), appel.clone()],
            false,
        ),
        (vec![o("new-edition"), d, o("--appel"), appel, t], true),
    ]
}

fn check_refusal(command: &str, case: &Case, message: &str, names_role: bool) {
    assert_french(message);
    assert!(
        message.contains(&case.path.display().to_string()),
        "{command}: the file is named: {message}"
    );
    if names_role {
        assert!(
            message.contains(&case.what),
            "{command} -> {}: says « {} »: {message}",
            case.path.display(),
            case.what
        );
    }
}

#[test]
fn every_command_refuses_every_input_of_the_dossier() {
    let fx = fixture();
    let cases = spellings(&fx, &protected(&fx));
    let before = snapshot(fx.dir());
    let mut runs = 0;
    for case in &cases {
        for (args, knows_dossier) in commands(&fx, &case.path) {
            let refs: Vec<&Path> = args.iter().map(PathBuf::as_path).collect();
            let out = run(&refs);
            let line = format!("{args:?}");
            assert_eq!(out.status.code(), Some(2), "{line}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(err.starts_with("Erreur : "), "{line}: {err}");
            // `new` and `export-profile` know no dossier: « existe déjà ».
            check_refusal(&line, case, &err, knows_dossier);
            assert!(snapshot(fx.dir()) == before, "{line} changed the folder");
            runs += 1;
        }
    }
    assert!(cases.len() >= 7 * 3, "{} cases", cases.len());
    eprintln!("{runs} refused command runs over {} paths", cases.len());
}

/// `--per-copy` writes `NAME-exemplaire-K.pdf` beside `NAME.pdf`: each of
/// those names, when it is one of the dossier's inputs (here a link to
/// it), is refused before any copy is written.
#[cfg(unix)]
#[test]
fn per_copy_files_are_checked_before_any_is_written() {
    let fx = fixture();
    let cases = protected(&fx);
    for (i, case) in cases.iter().enumerate() {
        for k in 1..=3 {
            let output = fx.dir().join(format!("sortie-{i}-{k}.pdf"));
            let copy = jobs::per_copy_path(&output, k);
            std::os::unix::fs::symlink(&case.target, &copy).expect("link");
            let before = snapshot(fx.dir());
            let out = run(&[
                p("render"),
                &fx.path,
                p("-o"),
                &output,
                p("--per-copy"),
                p("--copies"),
                p("3"),
            ]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{}: {err}", copy.display());
            assert_french(&err);
            assert!(err.contains(&copy.display().to_string()), "{err}");
            assert!(err.contains(&case.what), "{err}");
            assert!(
                snapshot(fx.dir()) == before,
                "copy {k} over {}",
                case.path.display()
            );
            for other in 1..=3 {
                let f = jobs::per_copy_path(&output, other);
                assert!(other == k || !f.exists(), "{} written", f.display());
            }
        }
    }
}

/// The wizard's actions, through the service calls they make: the PDF (one
/// file and one per copy), the workbook, « Enregistrer sous » (its own file
/// is allowed: that is « Enregistrer »), and « Enregistrer sous » of a
/// dossier made by « Nouvelle édition » (whose source is now another
/// dossier).
#[test]
fn every_wizard_action_refuses_every_input_of_the_dossier() {
    let fx = fixture();
    let cases = spellings(&fx, &protected(&fx));
    let before = snapshot(fx.dir());
    let mut next = edition::carry_over(&fx.dossier, &fx.profile).dossier;
    next.call_profile = Some(fx.profile_file.display().to_string());
    let mut runs = 0;
    for case in &cases {
        for per_copy in [false, true] {
            let job = PrintJob {
                dossier: &fx.dossier,
                profile: &fx.profile,
                dossier_path: Some(&fx.path),
                profile_file: None,
                options: RenderOptions {
                    copies: None,
                    mode: PrintMode::Draft,
                    per_copy,
                },
                output: case.path.clone(),
            };
            match jobs::print(&job) {
                Err(JobError::Output(e)) => check_refusal("PDF", case, &e.to_string(), true),
                other => panic!("PDF over {}: {other:?}", case.path.display()),
            }
            runs += 1;
        }
        match jobs::export_tables(&fx.dossier, &fx.profile, Some(&fx.path), None, &case.path) {
            Err(JobError::Output(e)) => check_refusal("XLSX", case, &e.to_string(), true),
            other => panic!("XLSX over {}: {other:?}", case.path.display()),
        }
        let save_as = jobs::check_save_as(&fx.dossier, &fx.profile, Some(&fx.path), &case.path);
        if case.what == Role::Dossier.to_string() {
            assert!(save_as.is_ok(), "saving over itself is « Enregistrer »");
        } else {
            let e = save_as.expect_err("refused");
            check_refusal("Enregistrer sous", case, &e.to_string(), true);
        }
        // The new edition is a dossier never saved: every existing file is
        // refused, its profile as its profile.
        let e = jobs::check_save_as(&next, &fx.profile, None, &case.path)
            .expect_err("a new edition never replaces a file");
        assert_french(&e.to_string());
        assert!(e.to_string().contains(&case.path.display().to_string()));
        runs += 4;
        assert!(
            snapshot(fx.dir()) == before,
            "{} changed",
            case.path.display()
        );
    }
    eprintln!("{runs} refused wizard actions over {} paths", cases.len());
}

/// A PDF names the dossier file that printed it, attachments merged in or
/// one file per copy; another dossier's mark is not this one's.
#[test]
fn a_printed_pdf_names_its_dossier() {
    let fx = fixture();
    let output = fx.dir().join("acme.pdf");
    for per_copy in [false, true] {
        let job = PrintJob {
            dossier: &fx.dossier,
            profile: &fx.profile,
            dossier_path: Some(&fx.path),
            profile_file: None,
            options: RenderOptions {
                copies: Some(2),
                mode: PrintMode::Draft,
                per_copy,
            },
            output: output.clone(),
        };
        let printed = jobs::print(&job).expect("prints");
        assert_eq!(printed.files.len(), if per_copy { 2 } else { 1 });
        for f in &printed.files {
            let writer = jobs::written_by(f);
            assert_eq!(writer, Writer::Dossier(jobs::source_mark(&fx.path)));
            assert!(writer.is(Some(&fx.path)));
            assert!(!writer.is(Some(&fx.other)));
            assert!(!writer.is(None));
        }
    }
    // A scan is not a PDF of this application.
    assert_eq!(
        jobs::written_by(&fx.dir().join("scans/statuts.pdf")),
        Writer::Other
    );
    assert_eq!(
        jobs::written_by(&fx.dir().join("absent.pdf")),
        Writer::Other
    );
}

/// Outputs that are no input still work: a new PDF and workbook beside the
/// dossier, written again over themselves.
#[test]
fn ordinary_outputs_are_still_written_and_rewritten() {
    let fx = fixture();
    for _ in 0..2 {
        for (args, file) in [
            (
                vec![p("render"), &fx.path, p("-o"), &fx.dir().join("acme.pdf")],
                "acme.pdf",
            ),
            (
                vec![
                    p("export-tables"),
                    &fx.path,
                    p("-o"),
                    &fx.dir().join("acme.xlsx"),
                ],
                "acme.xlsx",
            ),
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            assert!(fx.dir().join(file).is_file());
        }
    }
}

/// The class of spellings: any path that reaches an input through `.`,
/// `sub/..` or a link to the folder (in any order, any number) is that
/// input, for every kind of output.
#[cfg(unix)]
#[test]
fn any_spelling_of_an_input_is_refused() {
    use jobs::{Output, Protected, guard_output};
    use proptest::prelude::*;

    let fx = fixture();
    let cases = protected(&fx);
    std::os::unix::fs::symlink(fx.dir(), fx.dir().join("boucle")).expect("loop link");
    std::fs::create_dir(fx.dir().join("sous")).expect("sub");
    let guard = Protected::of(&fx.dossier, &fx.profile, Some(&fx.path), None);
    let before = snapshot(fx.dir());
    let detour = prop_oneof![Just("."), Just("sous/.."), Just("boucle")];
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 512,
        ..ProptestConfig::default()
    });
    runner
        .run(
            &(0..cases.len(), proptest::collection::vec(detour, 0..6)),
            |(i, detours)| {
                let case = &cases[i];
                let rel = case.path.strip_prefix(fx.dir()).expect("inside");
                let mut path = fx.dir().to_path_buf();
                for d in &detours {
                    path.push(d);
                }
                path.push(rel);
                for kind in [
                    Output::Document(".pdf"),
                    Output::NewFile,
                    Output::DossierCopy,
                ] {
                    let result = guard_output(&path, &guard, kind);
                    if kind == Output::DossierCopy && case.what == Role::Dossier.to_string() {
                        prop_assert!(result.is_ok());
                        continue;
                    }
                    let message = result.err().map(|e| e.to_string()).unwrap_or_default();
                    prop_assert!(
                        message.contains(&case.what),
                        "{}: {message}",
                        path.display()
                    );
                }
                Ok(())
            },
        )
        .expect("every spelling refused");
    assert!(snapshot(fx.dir()) == before);
}
