//! Helpers shared by the import tests: the CLI, small dossiers, encodings.
#![allow(dead_code)]

use cluster_dossier::import::{self, DuplicatePolicy, PlanOptions};

/// UTF-8 text to Windows-1252 bytes (the characters used here only).
pub fn to_cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            '–' => 0x96,
            c if (c as u32) < 0x100 => c as u8,
            c => panic!("{c:?} not in Windows-1252"),
        })
        .collect()
}

pub fn cli(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A new dossier in `dir`, and its path.
pub fn new_dossier(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("d.ron");
    let (code, _, err) = cli(&["new".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    path
}

pub fn import_cli(
    sheet: &std::path::Path,
    dossier: &std::path::Path,
    extra: &[&str],
) -> (i32, String, String) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "import-members".as_ref(),
        sheet.as_os_str(),
        "--into".as_ref(),
        dossier.as_os_str(),
    ];
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
    cli(&args)
}

pub fn names(d: &cluster_dossier::model::Dossier) -> Vec<&str> {
    d.members.iter().map(|m| m.name.as_str()).collect()
}

pub fn plan_of(path: &std::path::Path, options: PlanOptions) -> import::ImportPlan {
    let sheet = import::read_sheet(path).expect("readable");
    let mapping = import::guess_mapping(&sheet.headers);
    let d = cluster_dossier::model::Dossier::default();
    let plan = import::plan_import(&d, &sheet, &mapping, options);
    assert_eq!(plan.counted(), plan.rows, "every row in one bucket");
    plan
}

pub const FULL: PlanOptions = PlanOptions {
    policy: DuplicatePolicy::Skip,
    default_activity: None,
    default_category: None,
    accept_suggestions: false,
};

pub fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian {
        [0xFE, 0xFF]
    } else {
        [0xFF, 0xFE]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(move |u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        }))
        .collect()
}
