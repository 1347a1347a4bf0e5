//! Huge, negative and over-precise numbers in a dossier file, run through
//! the built binary: `check`, `render` and `export-tables` end with their
//! documented exit codes (1 blocking findings, 2 unreadable; a draft PDF
//! is 0) and a French message quoting the value, never a panic (101).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cluster_dossier::EXAMPLE_DOSSIER_RON;

/// The bundled example's first personnel amount, as the file writes it.
const PERSONNEL_Y1: &str = "Some(\"552000.00\")";

fn run(args: &[&str], file: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cluster-dossier"));
    cmd.arg(args[0]).arg(file).args(&args[1..]);
    cmd.output().expect("the binary runs")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("an exit code, not a signal")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The example with `replacements` applied to its text, saved as `name`.
fn crafted(dir: &Path, name: &str, replacements: &[(&str, &str)]) -> PathBuf {
    let mut body = EXAMPLE_DOSSIER_RON.to_string();
    for (from, to) in replacements {
        assert!(body.contains(from), "the example holds {from}");
        body = body.replacen(from, to, 1);
    }
    let path = dir.join(name);
    fs::write(&path, body).expect("written");
    path
}

/// No panic, no English library text.
fn no_crash(out: &Output) {
    let all = text(out);
    assert_ne!(code(out), 101, "{all}");
    for english in [
        "panicked",
        "overflow",
        "Decimal type",
        "the string",
        "RUST_BACKTRACE",
    ] {
        assert!(!all.contains(english), "« {english} » in: {all}");
    }
}

#[test]
fn numbers_beyond_their_bound_are_blocking_findings_never_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        // 28 digits: a Decimal holds it, no budget does.
        ("huge", "9999999999999999999999999999", "mille milliards"),
        // Decimal::MAX itself: the sums would overflow.
        ("max", "79228162514264337593543950335", "mille milliards"),
        ("one-over", "1000000000000.01", "mille milliards"),
        ("negative", "-5.00", "négative"),
        ("scale-28", "0.0000000000000000000000000001", "décimales"),
    ];
    for (name, value, why) in cases {
        let file = crafted(
            dir.path(),
            &format!("{name}.ron"),
            &[(PERSONNEL_Y1, &format!("Some(\"{value}\")"))],
        );
        let before = fs::read(&file).expect("readable");

        let out = run(&["check"], &file);
        no_crash(&out);
        assert_eq!(code(&out), 1, "{name}: {}", text(&out));
        let report = text(&out);
        assert!(report.contains(&format!("« {value} »")), "{name}: {report}");
        assert!(report.contains(why), "{name}: {report}");
        assert!(report.contains("Charges du personnel"), "{name}: {report}");

        let pdf = dir.path().join(format!("{name}.pdf"));
        let out = run(&["render", "-o", &pdf.to_string_lossy()], &file);
        no_crash(&out);
        assert_eq!(code(&out), 0, "{name}: {}", text(&out));
        assert!(text(&out).contains("BROUILLON"), "{name}: {}", text(&out));
        assert!(fs::read(&pdf).expect("the draft").starts_with(b"%PDF"));

        let out = run(&["render", "--final", "-o", &pdf.to_string_lossy()], &file);
        no_crash(&out);
        assert_eq!(code(&out), 1, "{name}: {}", text(&out));
        assert!(text(&out).contains("refusée"), "{name}: {}", text(&out));

        let xlsx = dir.path().join(format!("{name}.xlsx"));
        let out = run(&["export-tables", "-o", &xlsx.to_string_lossy()], &file);
        no_crash(&out);
        assert!(matches!(code(&out), 0 | 1), "{name}: {}", text(&out));

        // Reading never writes: the file keeps the value as written.
        assert_eq!(fs::read(&file).expect("readable"), before, "{name}");
    }
}

#[test]
fn every_field_at_decimal_max_at_once_prints() {
    // Every amount of the budget and of the plan at Decimal::MAX: without
    // the bounds, the first total would overflow.
    let dir = tempfile::tempdir().expect("tempdir");
    let body = EXAMPLE_DOSSIER_RON
        .lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("amounts:") || t.starts_with("cost:") || t.starts_with("values:") {
                let key = &t[..t.find(':').unwrap_or(0)];
                let indent = &l[..l.len() - t.len()];
                let max = "Some(\"79228162514264337593543950335\")";
                format!("{indent}{key}: ({max}, {max}, {max}, {max}, {max}),")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let file = dir.path().join("max.ron");
    fs::write(&file, body).expect("written");
    let out = run(&["check"], &file);
    no_crash(&out);
    assert_eq!(code(&out), 1, "{}", text(&out));
    let pdf = dir.path().join("max.pdf");
    let out = run(&["render", "-o", &pdf.to_string_lossy()], &file);
    no_crash(&out);
    assert_eq!(code(&out), 0, "{}", text(&out));
}

#[test]
fn numbers_no_decimal_holds_make_the_file_unreadable_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        ("29-digits", "99999999999999999999999999999", "trop grand"),
        (
            "29-decimals",
            "0.00000000000000000000000000001",
            "28 décimales",
        ),
        ("letters", "1O 000", "n'est pas un nombre"),
    ];
    for (name, value, why) in cases {
        let file = crafted(
            dir.path(),
            &format!("{name}.ron"),
            &[(PERSONNEL_Y1, &format!("Some(\"{value}\")"))],
        );
        for args in [
            vec!["check"],
            vec!["render", "-o", "/nonexistent/never-written.pdf"],
        ] {
            let out = run(&args, &file);
            no_crash(&out);
            assert_eq!(code(&out), 2, "{name} {args:?}: {}", text(&out));
            let all = text(&out);
            assert!(all.contains(&format!("« {value} »")), "{name}: {all}");
            assert!(all.contains(why), "{name}: {all}");
            assert!(all.contains("ligne"), "{name}: the line is given: {all}");
        }
    }
}
