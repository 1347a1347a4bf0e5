//! Whatever a file holds, opening it gives a dossier or an error, never a
//! panic, a hang or a huge allocation: empty, truncated, binary, deeply
//! nested, oversized, mistyped and non-UTF-8 files, then random strings and
//! random mutations of the example.

mod common;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use cluster_dossier::EXAMPLE_DOSSIER_RON;
use cluster_dossier::model::Dossier;
use cluster_dossier::store::{self, MAX_FILE_BYTES, StoreError};
use proptest::prelude::*;

use common::{Lcg, example};

const NAME: &str = "essai.ron";

/// `store::parse`, with a panic turned into a test failure that names the
/// input's size (the input itself may be megabytes).
fn parse_no_panic(text: &str) -> Result<Dossier, StoreError> {
    match catch_unwind(AssertUnwindSafe(|| store::parse(text, Path::new(NAME)))) {
        Ok(result) => result,
        Err(_) => panic!("store::parse panicked on a {}-byte input", text.len()),
    }
}

/// Writes `bytes` to a file and loads it, with the same panic guard.
fn load_bytes(bytes: &[u8]) -> Result<Dossier, StoreError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(NAME);
    fs::write(&path, bytes).expect("written");
    match catch_unwind(AssertUnwindSafe(|| store::load(&path))) {
        Ok(result) => result,
        Err(_) => panic!("store::load panicked on a {}-byte file", bytes.len()),
    }
}

#[track_caller]
fn assert_syntax_error(result: Result<Dossier, StoreError>, what: &str) {
    match result {
        Err(StoreError::Syntax { .. }) => {}
        other => panic!(
            "{what}: expected a syntax error, got {:?}",
            other.map(|_| "a dossier")
        ),
    }
}

#[test]
fn empty_and_blank_files_are_errors() {
    for text in [
        "",
        " ",
        "\n\n",
        "\t \r\n",
        "// seulement un commentaire\n",
        "/* bloc */",
    ] {
        assert_syntax_error(parse_no_panic(text), &format!("{text:?}"));
        assert_syntax_error(load_bytes(text.as_bytes()), &format!("file {text:?}"));
    }
}

#[test]
fn every_truncation_of_the_example_is_an_error() {
    // The complete text ends with ")\n"; any shorter prefix lacks at least
    // the closing parenthesis, so none may parse. A stride of 97 bytes
    // (prime, so the cuts fall everywhere in the line structure) checks
    // ~770 cuts; cuts inside a multi-byte character are moved back to the
    // character's start for `parse` and kept as they are for `load`.
    let text = EXAMPLE_DOSSIER_RON;
    let complete = text.trim_end().len();
    let mut cut = 0;
    let mut checked = 0;
    while cut < complete {
        let mut boundary = cut;
        while !text.is_char_boundary(boundary) {
            boundary -= 1;
        }
        assert!(
            parse_no_panic(&text[..boundary]).is_err(),
            "prefix of {boundary} bytes parsed"
        );
        checked += 1;
        cut += 97;
    }
    // The ~75 kB example gives some 770 cuts.
    assert!(checked > 700, "{checked}");
    // Byte-level cuts through files, including inside multi-byte characters.
    let accent = text.find('é').expect("the example has accents");
    for cut in [accent + 1, text.len() / 3, text.len() - 2] {
        assert!(
            load_bytes(&text.as_bytes()[..cut]).is_err(),
            "file cut at {cut}"
        );
    }
    assert!(matches!(
        load_bytes(&text.as_bytes()[..accent + 1]),
        Err(StoreError::NotText { .. })
    ));
}

#[test]
fn random_binary_files_are_errors() {
    let mut rng = Lcg(0x5eed);
    for size in [1usize, 2, 3, 16, 1000, 100_000] {
        let bytes: Vec<u8> = (0..size).map(|_| rng.next() as u8).collect();
        assert!(load_bytes(&bytes).is_err(), "{size} random bytes loaded");
        assert!(
            parse_no_panic(&String::from_utf8_lossy(&bytes)).is_err(),
            "{size} random chars parsed"
        );
    }
    // A few famous magic numbers: a PDF, a ZIP (a .docx), a PNG, NULs.
    for bytes in [
        &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..],
        b"PK\x03\x04\x14\x00",
        b"\x89PNG\r\n\x1a\n",
        &[0u8; 64],
    ] {
        assert!(load_bytes(bytes).is_err());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // A stack overflow aborts the whole process, which no catch_unwind can
    // stop: the parser must refuse deep nesting by itself.
    let deep = 100_000;
    let cases = [
        "(".repeat(deep),
        "[".repeat(deep),
        format!("(members: {}", "[".repeat(deep)),
        format!("(format_version: 1, identity: (name: {}", "(".repeat(deep)),
        format!(
            "(format_version: 1, identity: (creation_date: {}",
            "Some(".repeat(deep)
        ),
        format!("(format_version: 1, unknown: {})", "[(".repeat(deep)),
        format!("{}{}", "(a:".repeat(deep), ")".repeat(deep)),
    ];
    for text in &cases {
        assert_syntax_error(
            parse_no_panic(text),
            &format!("nesting starting {:?}", &text[..20.min(text.len())]),
        );
    }
    assert!(load_bytes(cases[0].as_bytes()).is_err());
}

#[test]
fn a_50_megabyte_file_is_refused_without_being_parsed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.ron");
    // A valid beginning followed by 50 MB of blanks: only the size check
    // can refuse it quickly.
    let size: u64 = 50 * 1024 * 1024;
    let mut bytes = b"(format_version: 1, identity: (name: \"".to_vec();
    bytes.resize(size as usize, b' ');
    fs::write(&path, &bytes).expect("written");
    drop(bytes);
    let started = std::time::Instant::now();
    match store::load(&path) {
        Err(StoreError::TooLarge {
            size: found, limit, ..
        }) => {
            assert_eq!(found, size);
            assert_eq!(limit, MAX_FILE_BYTES);
        }
        other => panic!("expected TooLarge, got {:?}", other.map(|_| "a dossier")),
    }
    assert!(
        started.elapsed().as_secs() < 5,
        "refused from the size alone"
    );
    // One byte over the limit is already too much.
    fs::write(&path, vec![b' '; MAX_FILE_BYTES as usize + 1]).expect("written");
    assert!(matches!(
        store::load(&path),
        Err(StoreError::TooLarge { .. })
    ));
}

/// The example's text with `from` replaced by `to`, exactly once.
fn example_with(from: &str, to: &str) -> String {
    assert!(
        EXAMPLE_DOSSIER_RON.contains(from),
        "{from:?} is in the example"
    );
    EXAMPLE_DOSSIER_RON.replacen(from, to, 1)
}

#[test]
fn wrong_types_are_errors() {
    // The whole member list replaced by a string.
    let mut no_members = example();
    no_members.members.clear();
    let text = store::to_ron(&no_members, Path::new(NAME)).expect("serialises");
    assert!(text.contains("members: [],"));
    let cases = [
        text.replacen("members: [],", "members: \"x\",", 1),
        text.replacen("members: [],", "members: 3,", 1),
        "(format_version: 1, members: \"x\")".to_string(),
        example_with("format_version: 1,", "format_version: \"1\","),
        example_with("format_version: 1,", "format_version: -1,"),
        example_with("format_version: 1,", "format_version: 1.5,"),
        example_with(
            "format_version: 1,",
            "format_version: 99999999999999999999999,",
        ),
        example_with("edition: \"2026\",", "edition: 2026,"),
        example_with("edition: \"2026\",", "edition: Some(\"2026\"),"),
        example_with(
            "creation_date: Some(\"2023-11-14\"),",
            "creation_date: Some(\"2023-02-30\"),",
        ),
        example_with(
            "creation_date: Some(\"2023-11-14\"),",
            "creation_date: Some(20231114),",
        ),
        example_with(
            "creation_date: Some(\"2023-11-14\"),",
            "creation_date: \"2023-11-14\",",
        ),
        example_with("category: EngagedCompany,", "category: Company,"),
        example_with("category: EngagedCompany,", "category: \"EngagedCompany\","),
        example_with("status: OnPaper,", "status: Attached,"),
        example_with("Some(\"552000.00\")", "Some(\"abc\")"),
        example_with("Some(\"552000.00\")", "Some(\"1e99999\")"),
        example_with(
            "Some(\"552000.00\")",
            "Some(\"99999999999999999999999999999999\")",
        ),
        example_with("stamp_corner: BottomRight,", "stamp_corner: Middle,"),
        example_with("copies: None,", "copies: Some(-3),"),
        example_with("name: \"Youssef El Mansouri\",", "name: [\"Youssef\"],"),
    ];
    for text in &cases {
        assert!(
            parse_no_panic(text).is_err(),
            "accepted: {}",
            &text[..200.min(text.len())]
        );
    }
    // An edition nobody knows is its own error, not a crash later on: the
    // file reads, and the core says which profile is missing.
    let unknown = example_with("edition: \"2026\",", "edition: \"2031\",");
    let dossier = parse_no_panic(&unknown).expect("the file itself is fine");
    let resolved = cluster_dossier::service::profiles::for_dossier(&dossier, Path::new("."), None);
    assert!(
        matches!(resolved, Err(cluster_dossier::service::ProfileError::UnknownEdition { ref edition, .. }) if edition == "2031"),
        "{resolved:?}"
    );
}

#[test]
fn invalid_utf8_is_refused_as_not_text() {
    let base = EXAMPLE_DOSSIER_RON.as_bytes();
    let at = base.len() / 2;
    let insert = |bad: &[u8]| {
        let mut bytes = base[..at].to_vec();
        bytes.extend_from_slice(bad);
        bytes.extend_from_slice(&base[at..]);
        bytes
    };
    // A lone 0xFF, an overlong NUL, a UTF-16 surrogate, a Latin-1 « é ».
    for bad in [&b"\xff"[..], b"\xc0\x80", b"\xed\xa0\x80", b"\xe9"] {
        assert!(
            matches!(load_bytes(&insert(bad)), Err(StoreError::NotText { .. })),
            "{bad:?}"
        );
    }
    // Latin-1 files (an old editor's save) are common: one.
    let latin1: Vec<u8> = "(identity: (name: \"Fès\"))"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    assert!(matches!(
        load_bytes(&latin1),
        Err(StoreError::NotText { .. })
    ));
}

#[test]
fn a_folder_is_not_a_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(matches!(
        store::load(dir.path()),
        Err(StoreError::Read { .. })
    ));
    assert!(matches!(
        store::load(&dir.path().join("absent.ron")),
        Err(StoreError::Read { .. })
    ));
}

// ------------------------------------------------------------------ Random

/// 10 000 cases on CI, 500 on a developer's machine.
fn cases() -> u32 {
    if std::env::var_os("CI").is_some() {
        10_000
    } else {
        500
    }
}

/// RON punctuation and tokens a hand edit or a bad merge could insert.
const INSERTIONS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "/",
    "//",
    "/*",
    "*/",
    "#",
    "r#\"",
    "\"#",
    "Some(",
    "None",
    "()",
    "[]",
    "-",
    ".",
    "e",
    "0x",
    "9999999999999999999999",
    "-0",
    "é",
    "\u{0}",
    "\n",
    " ",
    "\u{feff}",
    "format_version: 2,",
    "members: [",
    "#![enable(implicit_some)]",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Flip one bit of one byte (may break UTF-8: decoded lossily).
    Flip(prop::sample::Index, u8),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(INSERTIONS)
        )
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::Flip(at, bit) => {
                let i = at.index(bytes.len());
                bytes[i] ^= 1 << bit;
            }
            Mutation::Delete(at, len) => {
                let i = at.index(bytes.len());
                let end = (i + len).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Insert(at, s) => {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, s.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Whatever `parse` accepts must survive a save and a reload unchanged:
/// accepting something the store cannot write back would lose data later.
fn check_accepted(text: &str) -> Result<(), TestCaseError> {
    if let Ok(d) = parse_no_panic(text) {
        let again =
            store::to_ron(&d, Path::new(NAME)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parse_no_panic(&again).map_err(|e| e.to_string()), Ok(d));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check_accepted(&text)?;
    }

    #[test]
    fn ron_like_strings_never_panic(text in "[()\\[\\]{}:,\"'a-z_0-9 .\\-\n]{0,300}") {
        check_accepted(&text)?;
    }

    #[test]
    fn mutations_of_the_example_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let text = mutate(EXAMPLE_DOSSIER_RON, &mutations);
        check_accepted(&text)?;
    }
}
