//! Generated tiny spreadsheets, CSV bytes and XLSX files with cells
//! anywhere on the sheet: reading and planning never panic nor abort, and
//! every row of a readable file is counted in exactly one bucket.

use cluster_dossier::import::{self, DuplicatePolicy, PlanOptions};
use cluster_dossier::model::dossier::{Activity, Dossier, Member};
use proptest::prelude::*;

/// Reads `path` and, when readable, plans it against a small register
/// with and without merging.
fn read_and_plan(path: &std::path::Path) {
    let Ok(sheet) = import::read_sheet(path) else {
        return;
    };
    let mut mapping = import::guess_mapping(&sheet.headers);
    if let Some(first) = mapping.first_mut() {
        *first = import::Field::Name;
    }
    let mut register = Dossier::default();
    register.members.push(Member {
        name: "Atlas".into(),
        ice: "001561191000066".into(),
        ..Member::default()
    });
    for policy in [DuplicatePolicy::Skip, DuplicatePolicy::Merge] {
        let options = PlanOptions {
            policy,
            default_activity: Some(Activity::Other),
            default_category: None,
            accept_suggestions: false,
        };
        let plan = import::plan_import(&register, &sheet, &mapping, options);
        assert_eq!(plan.counted(), plan.rows, "{plan:?}");
        let mut d = register.clone();
        plan.apply(&mut d);
        assert_eq!(d.members.len(), 1 + plan.added.len());
    }
}

/// Words that exercise quoting, separators, line ends and encodings.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Atlas",
        "ATLAS SARL",
        "\"",
        "\"\"",
        ";",
        ",",
        "\t",
        "\r",
        "\n",
        "\r\n",
        "Fès",
        "é",
        "001561191000066",
        "Industrielle",
        "Université",
        "",
        " ",
        "x\"y",
        "12/03/2024",
    ])
    .prop_map(String::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn csv_bytes_never_panic(
        words in prop::collection::vec(word(), 0..40),
        raw in prop::collection::vec(any::<u8>(), 0..64),
        bom in 0usize..4,
    ) {
        let mut bytes: Vec<u8> = match bom {
            1 => vec![0xEF, 0xBB, 0xBF],
            2 => vec![0xFF, 0xFE],
            3 => vec![0xFE, 0xFF],
            _ => Vec::new(),
        };
        bytes.extend(words.concat().bytes());
        bytes.extend(raw);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.csv");
        std::fs::write(&path, &bytes).expect("write");
        read_and_plan(&path);
    }

    #[test]
    fn xlsx_cells_anywhere_never_abort(
        cells in prop::collection::vec(
            (
                prop_oneof![0u32..6, 0u32..1_048_576],
                prop_oneof![0u16..4, 0u16..16_384],
                word(),
                any::<f64>(),
            ),
            0..12,
        ),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (i, (r, c, w, f)) in cells.iter().enumerate() {
            if i % 3 == 2 && f.is_finite() {
                sheet.write_number(*r, *c, *f).expect("number");
            } else {
                sheet.write_string(*r, *c, w).expect("string");
            }
        }
        book.save(&path).expect("saved");
        read_and_plan(&path);
    }
}
