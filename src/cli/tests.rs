//! The command line's reader, checked over every declared command and
//! option (counts come from the specs, not from this file).

use std::ffi::OsString;
use std::path::PathBuf;

use proptest::prelude::*;

use super::args::{COMMON, Exit, Opt, Spec, Usage};
use super::check::Check;
use super::outcome::{Failure, Outcome, write_failure};
use super::{Command, Request, SPECS, parse, wizard_file};
use crate::model::dossier::{Activity, MemberCategory};
use crate::service::import::{DuplicatePolicy, Field};
use crate::service::pages::PrintMode;

fn words(line: &str) -> Vec<OsString> {
    line.split_whitespace().map(OsString::from).collect()
}

fn parsed(line: &str) -> Result<Request, Usage> {
    parse(&words(line))
}

fn run_of(line: &str) -> Command {
    match parsed(line) {
        Ok(Request::Run(c)) => c,
        other => panic!("{line}: {other:?}"),
    }
}

fn usage_of(line: &str) -> Usage {
    match parsed(line) {
        Err(u) => u,
        other => panic!("{line}: expected a usage error, got {other:?}"),
    }
}

/// Every option a command takes: its own, then the shared ones.
fn options(spec: &Spec) -> impl Iterator<Item = &'static Opt> + '_ {
    spec.options.iter().chain(COMMON)
}

/// A valid value for an option, by what the value is.
fn sample(opt: &Opt) -> &'static str {
    match opt.value {
        Some("N") => "3",
        Some("ANNÉE") => "2026",
        Some("A") => "industrielle",
        Some("C") => "formation",
        Some("Colonne=champ,…") => "Secteur=secteur,3=ville",
        Some(_) => "fichier.ron",
        None => "",
    }
}

#[test]
fn every_example_in_the_help_is_a_valid_command_line() {
    let mut examples = 0;
    for spec in SPECS {
        assert!(!spec.examples.is_empty(), "{} has no example", spec.name);
        for example in spec.examples {
            assert!(example.starts_with(spec.name), "{example}");
            assert!(!example.contains(['"', '\'']), "no quoting: {example}");
            run_of(example);
            examples += 1;
        }
    }
    assert!(examples >= SPECS.len());
}

#[test]
fn every_synopsis_names_the_files_and_options_of_its_command() {
    for spec in SPECS {
        for file in &spec.files[..spec.files_min] {
            assert!(spec.synopsis.contains(file), "{}: {file}", spec.name);
        }
        for opt in spec.options {
            let long = format!("--{}", opt.long);
            let short = opt.short.map(|c| format!("-{c} "));
            assert!(
                spec.synopsis.contains(&long) || short.is_some_and(|s| spec.synopsis.contains(&s)),
                "{}: {long}",
                spec.name
            );
        }
        // Every command can stop on a usage error, and says what 0 means.
        let codes: Vec<Exit> = spec.exits.iter().map(|(e, _)| *e).collect();
        assert!(codes.contains(&Exit::Ok), "{}", spec.name);
        assert!(codes.contains(&Exit::Unusable), "{}", spec.name);
        assert!(codes.is_sorted_by_key(|e| e.code()), "{}", spec.name);
    }
}

#[test]
fn command_names_and_options_are_unique() {
    for (i, spec) in SPECS.iter().enumerate() {
        assert!(
            SPECS[..i].iter().all(|s| s.name != spec.name),
            "{}",
            spec.name
        );
        let all: Vec<&Opt> = options(spec).collect();
        for (j, opt) in all.iter().enumerate() {
            assert!(
                all[..j]
                    .iter()
                    .all(|o| o.long != opt.long && (o.short.is_none() || o.short != opt.short)),
                "{} --{}",
                spec.name,
                opt.long
            );
        }
    }
}

/// For each command and each option taking a value, a command line that
/// parses with `--option=value` added, if one of the examples gives it.
fn with_each_value_option() -> Vec<(&'static Spec, &'static Opt, &'static str)> {
    let mut cases = Vec::new();
    for spec in SPECS {
        for opt in options(spec).filter(|o| o.value.is_some()) {
            let base = spec.examples.iter().find(|e| {
                let line = format!("{e} --{}={}", opt.long, sample(opt));
                matches!(parsed(&line), Ok(Request::Run(_)))
            });
            let base = base.unwrap_or_else(|| panic!("{} --{}", spec.name, opt.long));
            cases.push((*spec, opt, *base));
        }
    }
    cases
}

#[test]
fn an_option_value_joined_by_equals_or_separate_is_the_same() {
    let cases = with_each_value_option();
    assert!(cases.len() >= SPECS.len(), "--appel at least, everywhere");
    for (spec, opt, base) in cases {
        let value = sample(opt);
        let joined = parsed(&format!("{base} --{}={value}", opt.long));
        let separate = parsed(&format!("{base} --{} {value}", opt.long));
        assert_eq!(joined, separate, "{} --{}", spec.name, opt.long);
        if let Some(c) = opt.short {
            for short in [
                format!("-{c}={value}"),
                format!("-{c}{value}"),
                format!("-{c} {value}"),
            ] {
                assert_eq!(parsed(&format!("{base} {short}")), joined, "{short}");
            }
        }
    }
}

#[test]
fn copies_joined_or_separate() {
    for line in [
        "render d.ron -o s.pdf --copies=3",
        "render d.ron --copies 3 -o s.pdf",
        "render --copies=3 -o=s.pdf d.ron",
        "render -os.pdf d.ron --output=s.pdf --copies 3",
    ] {
        let Command::Render(r) = run_of(line) else {
            panic!("{line}")
        };
        assert_eq!(r.options.copies, Some(3), "{line}");
        assert_eq!(r.output, PathBuf::from("s.pdf"), "{line}");
        assert_eq!(r.input, PathBuf::from("d.ron"), "{line}");
    }
}

#[test]
fn a_missing_value_names_the_option_and_its_command() {
    for (spec, opt, base) in with_each_value_option() {
        let mut forms = vec![format!("--{}", opt.long)];
        forms.extend(opt.short.map(|c| format!("-{c}")));
        for form in forms {
            // At the end, and before another option: never taken as a value.
            for line in [format!("{base} {form}"), format!("{base} {form} --help-me")] {
                let u = usage_of(&line);
                assert_eq!(u.command, Some(spec.name), "{line}");
                assert!(
                    u.message.contains(&format!("« {form} » attend une valeur")),
                    "{line}: {}",
                    u.message
                );
            }
        }
    }
}

#[test]
fn an_unknown_option_is_named_with_its_command() {
    for spec in SPECS {
        for bogus in ["--bogus", "-x", "--copie", "--final=oui"] {
            if options(spec).any(|o| format!("--{}", o.long) == bogus) {
                continue;
            }
            let line = format!("{} {bogus}", spec.examples[0]);
            let u = usage_of(&line);
            assert_eq!(u.command, Some(spec.name), "{line}");
            assert!(
                u.message.contains(bogus.split('=').next().unwrap_or(bogus)),
                "{line}: {}",
                u.message
            );
        }
    }
    // A near miss gets a suggestion; a file that looks like an option, `--`.
    assert!(
        usage_of("render d.ron --copie 2")
            .message
            .contains("« --copies »")
    );
    let u = usage_of("check -brouillon.ron");
    assert!(u.message.contains("« -brouillon.ron »"), "{}", u.message);
    assert!(
        u.message.contains("check -- -brouillon.ron"),
        "{}",
        u.message
    );
}

#[test]
fn double_dash_ends_the_options() {
    assert_eq!(
        run_of("check -- -x.ron"),
        Command::Check(Check {
            file: PathBuf::from("-x.ron"),
            profile: None,
        })
    );
    let Command::New(n) = run_of("new -- --example") else {
        panic!("new")
    };
    assert_eq!(n.file, PathBuf::from("--example"));
    assert_eq!(n.kind, super::new::Kind::Empty);
    // `--help` after `--` is a file too.
    assert!(matches!(run_of("check -- --help"), Command::Check(_)));
    let Command::Render(r) = run_of("render -o s.pdf -- -d.ron") else {
        panic!("render")
    };
    assert_eq!(r.input, PathBuf::from("-d.ron"));
}

#[test]
fn help_for_every_command_every_way() {
    assert_eq!(parsed("--help"), Ok(Request::Help(None)));
    assert_eq!(parsed("-h"), Ok(Request::Help(None)));
    assert_eq!(parsed("help"), Ok(Request::Help(None)));
    assert_eq!(parsed("--version"), Ok(Request::Version));
    for spec in SPECS {
        let name = spec.name;
        for line in [
            format!("help {name}"),
            format!("--help {name}"),
            format!("{name} --help"),
            format!("{name} -h"),
            format!("{name} --bogus --help"),
            format!("{} --help", spec.examples[0]),
        ] {
            assert_eq!(parsed(&line), Ok(Request::Help(Some(name))), "{line}");
        }
        let text = super::help::command(spec);
        for must in [
            spec.synopsis,
            spec.summary,
            "Options :",
            "Codes de sortie :",
            spec.examples[0],
        ] {
            assert!(text.contains(must), "{name}: {must}");
        }
        for opt in options(spec) {
            assert!(
                text.contains(&format!("--{}", opt.long)),
                "{name} --{}",
                opt.long
            );
        }
        for (exit, _) in spec.exits {
            assert!(
                text.contains(&format!("\n  {}   ", exit.code())),
                "{name}: {exit:?}"
            );
        }
        assert!(
            super::help::general(SPECS).contains(&format!("\n  {name} ")),
            "{name}"
        );
    }
    assert_eq!(usage_of("help rendre").command, None);
    assert!(usage_of("help render check").message.contains("en trop"));
}

#[test]
fn the_wizard_opens_on_nothing_or_one_file() {
    let os = |line: &str| words(line);
    assert_eq!(wizard_file(&[]), Some(None));
    assert_eq!(
        wizard_file(&os("d.ron")),
        Some(Some(PathBuf::from("d.ron")))
    );
    assert_eq!(
        wizard_file(&os("-- -d.ron")),
        Some(Some(PathBuf::from("-d.ron")))
    );
    for line in [
        "check",
        "help",
        "--help",
        "-V",
        "-d.ron",
        "a.ron b.ron",
        "check d.ron",
    ] {
        assert_eq!(wizard_file(&os(line)), None, "{line}");
    }
    for spec in SPECS {
        assert_eq!(wizard_file(&os(spec.name)), None, "{}", spec.name);
    }
}

#[test]
fn import_options_are_typed() {
    let Command::ImportMembers(r) = run_of(
        "import-members m.csv --into d.ron --merge --map Secteur=cotisation,3=ville \
         --map=Mail=email --activite-par-defaut industrielle --categorie-par-defaut=formation",
    ) else {
        panic!("import")
    };
    assert_eq!(r.sheet, PathBuf::from("m.csv"));
    assert_eq!(r.into, PathBuf::from("d.ron"));
    assert_eq!(r.options.policy, DuplicatePolicy::Merge);
    assert_eq!(r.overrides[1], ("3".to_string(), Field::City));
    assert_eq!(r.overrides[2], ("Mail".to_string(), Field::Email));
    assert_eq!(r.options.default_activity, Some(Activity::Industrial));
    assert_eq!(
        r.options.default_category,
        Some(MemberCategory::TrainingResearch)
    );
    let e = usage_of("import-members m.csv --into d.ron --activite-par-defaut x");
    assert!(
        e.message.contains("industrielle|technologique"),
        "{}",
        e.message
    );
    assert!(usage_of("import-members m.csv").message.contains("--into"));
}

#[test]
fn exclusive_flags_and_bare_numbers() {
    assert!(
        usage_of("render d.ron -o s.pdf --final --blank")
            .message
            .contains("s'excluent")
    );
    let Command::Render(r) = run_of("render d.ron -o s.pdf --blank --blank") else {
        panic!("render")
    };
    assert_eq!(r.options.mode, PrintMode::Blank);
    assert!(
        usage_of("new d.ron --example --synthetic")
            .message
            .contains("s'excluent")
    );
    assert!(
        usage_of("new d.ron --members 5")
            .message
            .contains("--synthetic")
    );
    assert!(
        usage_of("render d.ron -o s.pdf --copies=-1")
            .message
            .contains("« -1 »")
    );
    assert!(
        usage_of("render d.ron -o s.pdf --copies=")
            .message
            .contains("« --copies » attend une valeur")
    );
    assert!(
        usage_of("render d.ron -o= --final")
            .message
            .contains("« -o » attend une valeur")
    );
}

#[test]
fn every_end_has_its_exit_code_and_one_message() {
    assert_eq!(Outcome::Done.exit().code(), 0);
    assert_eq!(Outcome::Blocking.exit().code(), 1);
    let blocked = Failure::Blocked {
        dossier: PathBuf::from("d.ron"),
        findings: Vec::new(),
    };
    assert_eq!(blocked.exit().code(), 1);
    let usage = Failure::Usage(usage_of("render d.ron"));
    assert_eq!(usage.exit().code(), 2);
    let mut text = Vec::new();
    write_failure(&mut text, &usage).expect("written");
    let text = String::from_utf8(text).expect("UTF-8");
    assert_eq!(
        text,
        "Erreur : « render » attend -o SORTIE.pdf.\nVoir « cluster-dossier render --help ».\n"
    );
    assert_eq!(
        Failure::Output(crate::service::jobs::OutputError::NotRegular {
            output: PathBuf::from("p.ron"),
            kind: "un dossier",
        })
        .exit()
        .code(),
        2
    );
}

proptest! {
    /// Any value, joined or separate, reads the same (a value that looks
    /// like an option is refused when separate, so it is left out).
    #[test]
    fn any_value_reads_the_same_joined_or_separate(
        value in "[^-\u{0}][^\u{0}]{0,12}",
        pick in 0usize..64,
    ) {
        let cases = with_each_value_option();
        let (spec, opt, base) = cases[pick % cases.len()];
        let mut joined = words(base);
        joined.push(format!("--{}={value}", opt.long).into());
        let mut separate = words(base);
        separate.push(format!("--{}", opt.long).into());
        separate.push(value.clone().into());
        prop_assert_eq!(parse(&joined), parse(&separate), "{} --{}", spec.name, opt.long);
    }

    /// Any words after any command: a request or a usage error, never a
    /// panic, and an error always points to an existing help.
    #[test]
    fn any_command_line_parses_or_says_why(
        pick in 0usize..64,
        rest in prop::collection::vec(
            prop_oneof![
                Just("--".to_string()),
                Just("-o".to_string()),
                Just("--copies".to_string()),
                Just("--final".to_string()),
                Just("--appel=p.ron".to_string()),
                Just("--into".to_string()),
                Just("--map".to_string()),
                Just("-".to_string()),
                "-{1,2}[a-z=.]{0,8}",
                "[a-zé0-9.=,]{0,10}",
            ],
            0..8,
        ),
    ) {
        let mut args = vec![OsString::from(SPECS[pick % SPECS.len()].name)];
        args.extend(rest.iter().map(OsString::from));
        if let Err(u) = parse(&args) {
            prop_assert!(!u.message.is_empty());
            prop_assert!(u.command.is_none_or(|c| super::spec(c).is_some()));
        }
    }
}
