use proptest::prelude::*;

use super::*;

const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Every reserved device name: CON, PRN, AUX, NUL, COM0–9, LPT0–9 and the
/// superscript ports Windows also reserves.
fn all_reserved() -> Vec<String> {
    let mut names: Vec<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    for port in ["COM", "LPT"] {
        for d in [
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³',
        ] {
            names.push(format!("{port}{d}"));
        }
    }
    names
}

/// A name part a Windows user could type: letters (accented too), digits,
/// spaces, dashes, apostrophes, parentheses.
fn safe_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éèàçÉôï' ()_-]{1,20}"
}

/// A whole name Windows accepts: safe text, optional extension, not ending
/// in a dot or a space, stem not a device.
fn safe_name() -> impl Strategy<Value = String> {
    (safe_text(), prop::option::of("[a-z]{1,4}")).prop_filter_map(
        "reserved or badly ended",
        |(stem, ext)| {
            let stem = stem.trim_end().to_string();
            let name = match ext {
                Some(e) => format!("{stem}.{e}"),
                None => stem.clone(),
            };
            let device = name
                .split('.')
                .next()
                .unwrap_or("")
                .trim_end()
                .to_uppercase();
            let bad = stem.is_empty() || all_reserved().contains(&device);
            (!bad).then_some(name)
        },
    )
}

/// `text` with each letter's case flipped where `mask` says.
fn mixed_case(text: &str, mask: &[bool]) -> String {
    text.chars()
        .zip(mask.iter().cycle())
        .map(|(c, up)| {
            if *up {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect()
}

#[test]
fn every_forbidden_character_and_control_character_is_named() {
    for c in FORBIDDEN_CHARS {
        let name = format!("dossier{c}2026.ron");
        let reason = problem(&name).unwrap_or_default();
        assert!(reason.contains(&format!("« {c} »")), "{name:?}: {reason}");
    }
    for code in 0u32..0x20 {
        let c = char::from_u32(code).unwrap_or('\0');
        let name = format!("dossier{c}.ron");
        let reason = problem(&name).unwrap_or_default();
        assert!(
            reason.contains(&format!("U+{code:04X}")),
            "{name:?}: {reason}"
        );
    }
}

#[test]
fn every_reserved_name_is_refused_with_any_case_and_extension() {
    for device in all_reserved() {
        for name in [
            device.clone(),
            device.to_lowercase(),
            format!("{device}.ron"),
            format!("{}.pdf", device.to_lowercase()),
            format!("{device}.tar.gz"),
            format!("{device} .xlsx"),
        ] {
            let reason = problem(&name).unwrap_or_default();
            assert!(reason.contains("nom réservé"), "{name:?}: {reason:?}");
        }
    }
    // A device name inside a longer name is an ordinary name.
    for name in [
        "CONSEIL.ron",
        "console.pdf",
        "COM10.ron",
        "LPT.ron",
        "auxiliaire.ron",
        "nul-part.pdf",
        "ma CON.ron",
    ] {
        assert_eq!(problem(name), None, "{name}");
    }
}

#[test]
fn the_message_names_the_file_and_says_nothing_was_written() {
    let e = check_file_name(Path::new("/tmp/Dossier été/bilan: 2026.pdf")).expect_err("refused");
    let text = e.to_string();
    assert!(
        text.contains("« /tmp/Dossier été/bilan: 2026.pdf »"),
        "{text}"
    );
    assert!(text.contains("« : »"), "{text}");
    assert!(text.contains("rien n'a été écrit"), "{text}");
    // Only the file's own name counts: its folders already exist.
    assert!(check_file_name(Path::new("/tmp/a:b/dossier.ron")).is_ok());
    assert!(check_file_name(Path::new("dossier.ron")).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_name_windows_accepts_is_accepted(name in safe_name()) {
        prop_assert_eq!(problem(&name), None);
        prop_assert!(check_file_name(&Path::new("/tmp").join(&name)).is_ok());
    }

    #[test]
    fn a_forbidden_character_anywhere_is_refused(
        before in safe_text(),
        after in safe_text(),
        c in prop::sample::select(FORBIDDEN_CHARS.iter().copied().filter(|c| *c != '/').collect::<Vec<_>>()),
    ) {
        let name = format!("{before}{c}{after}.ron");
        prop_assert!(problem(&name).is_some());
        prop_assert!(check_file_name(&Path::new("/tmp").join(&name)).is_err());
    }

    #[test]
    fn a_control_character_anywhere_is_refused(
        before in safe_text(),
        after in safe_text(),
        code in 1u32..0x20,
    ) {
        let c = char::from_u32(code).unwrap_or('\u{1}');
        let name = format!("{before}{c}{after}.pdf");
        prop_assert!(problem(&name).is_some());
    }

    #[test]
    fn a_trailing_dot_or_space_is_refused(name in safe_name(), tail in "[. ]{1,3}") {
        let name = format!("{name}{tail}");
        let reason = problem(&name).unwrap_or_default();
        prop_assert!(reason.contains("se termine par"), "{:?}: {:?}", name, reason);
    }

    #[test]
    fn a_reserved_name_is_refused_in_any_case_with_any_extension(
        device in prop::sample::select(all_reserved()),
        mask in prop::collection::vec(any::<bool>(), 1..5),
        extensions in prop::collection::vec("[a-zA-Z0-9]{1,5}", 0..3),
        blanks in " {0,2}",
    ) {
        let mut name = format!("{}{blanks}", mixed_case(&device, &mask));
        for e in &extensions {
            name.push('.');
            name.push_str(e);
        }
        // A bare device name with trailing blanks fails on the blanks.
        let reason = problem(&name).unwrap_or_default();
        prop_assert!(!reason.is_empty(), "{:?} accepted", name);
    }

    #[test]
    fn a_safe_verbatim_path_loses_its_prefix(
        drive in "[A-Z]",
        parts in prop::collection::vec(safe_name(), 0..6),
    ) {
        let plain = format!("{drive}:\\{}", parts.join("\\"));
        prop_assert_eq!(strip_verbatim(&format!("\\\\?\\{plain}")), Some(plain));
    }

    #[test]
    fn a_safe_share_path_loses_its_prefix(
        server in "[a-z][a-z0-9-]{0,12}",
        share in "[a-z][a-z0-9]{0,12}",
        parts in prop::collection::vec(safe_name(), 0..6),
    ) {
        let tail = parts.iter().map(|p| format!("\\{p}")).collect::<String>();
        let verbatim = format!("\\\\?\\UNC\\{server}\\{share}{tail}");
        prop_assert_eq!(strip_verbatim(&verbatim), Some(format!("\\\\{server}\\{share}{tail}")));
    }

    #[test]
    fn a_component_the_plain_syntax_reads_differently_keeps_the_prefix(
        parts in prop::collection::vec(safe_name(), 0..3),
        bad in prop::sample::select(vec!["CON", "nul.txt", "fin.", "fin ", "a?b", ".", ".."]),
        more in prop::collection::vec(safe_name(), 0..3),
    ) {
        let mut all = parts;
        all.push(bad.to_string());
        all.extend(more);
        let verbatim = format!("\\\\?\\C:\\{}", all.join("\\"));
        prop_assert_eq!(strip_verbatim(&verbatim), None);
    }
}

#[test]
fn verbatim_prefix_examples() {
    let cases = [
        (
            r"\\?\C:\Users\secretariat\Documents\Dossier été 2026\dossier.ron",
            Some(r"C:\Users\secretariat\Documents\Dossier été 2026\dossier.ron"),
        ),
        (r"\\?\D:\", Some(r"D:\")),
        (r"\\?\D:", Some(r"D:")),
        (
            r"\\?\UNC\serveur\partage\clusters\dossier.ron",
            Some(r"\\serveur\partage\clusters\dossier.ron"),
        ),
        // Not verbatim: nothing to do.
        (r"C:\Users\dossier.ron", None),
        (r"\\serveur\partage\dossier.ron", None),
        ("/home/secretariat/dossier.ron", None),
        // Device and volume paths have no plain form.
        (r"\\?\GLOBALROOT\Device\HarddiskVolume1\x", None),
        (r"\\?\Volume{0b1f5a40-0000-0000-0000-100000000000}\x", None),
        (r"\\?\1:\x", None),
        // An empty component (doubled separator) means something else plainly.
        (r"\\?\C:\a\\b", None),
    ];
    for (verbatim, plain) in cases {
        assert_eq!(strip_verbatim(verbatim).as_deref(), plain, "{verbatim}");
    }
    // Too long for a plain path: the prefix stays.
    let long = format!(r"\\?\C:\{}", ["dossier"; 40].join("\\"));
    assert!(long.len() > MAX_PATH);
    assert_eq!(strip_verbatim(&long), None);
}

#[test]
fn canonical_paths_never_carry_the_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("Dossier été 2026.ron");
    std::fs::write(&file, "x").expect("written");
    let real = canonicalize(&file).expect("exists");
    assert!(
        !real.to_string_lossy().starts_with(r"\\?\"),
        "{}",
        real.display()
    );
    assert!(real.is_absolute());
    assert_eq!(std::fs::read(&real).expect("same file"), b"x");
}
